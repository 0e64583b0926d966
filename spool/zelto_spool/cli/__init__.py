"""The `zelto-spool` command (`main.py`); its commands that send live in `send.py`."""
