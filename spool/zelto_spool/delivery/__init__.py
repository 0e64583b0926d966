"""Sending what the store holds: the claim (`claim.py`), the send (`sender.py`), the retry
decision (`retry.py`), the pause (`pause.py`), the timed chores that run the reapers
(`housekeeping.py`) and the loop that runs them (`flusher.py`). Imports `store`, never
`sidecar` or `cli`."""
