from zelto_spool import __version__

__all__ = ["__version__"]
