"""What the spool notices about the files it is given: another application's SQLite database
(refused untouched), and `-wal`/`-shm` deleted or replaced under an open connection."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

from ..errors import SpoolError
from . import schema as sql

__all__ = [
    "SIDE_FILES",
    "SIDE_FILES_REPLACED",
    "ForeignDatabaseError",
    "identity",
    "no_checkpoint_on_close",
    "refuse_foreign",
    "side",
]


class ForeignDatabaseError(SpoolError):
    """The file is an SQLite database of another application (never a spool)."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


def refuse_foreign(conn: sqlite3.Connection) -> None:
    """Raise `ForeignDatabaseError` unless the file is empty or holds a spool's schema."""
    tables = sorted(str(r[0]) for r in conn.execute(sql.TABLE_NAMES))
    if not tables:
        return
    version = int(conn.execute(sql.USER_VERSION).fetchone()[0])
    if "calls" in tables and "payloads" in tables and version >= 1:
        return
    shown = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
    raise ForeignDatabaseError(f"an SQLite database of another application: tables {shown}")


SIDE_FILES = ("-wal", "-shm")
SIDE_FILES_REPLACED = (
    "the spool's -wal or -shm was deleted or replaced while this process had it open "
    "(never delete them while the spool is in use)"
)
NO_CKPT_ON_CLOSE = 1010  # SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE


def no_checkpoint_on_close(conn: sqlite3.Connection) -> bool:
    """Make closing `conn` leave the WAL alone (no checkpoint, no delete); False if unable."""
    setconfig = getattr(conn, "setconfig", None)  # Python 3.12+
    if setconfig is not None:
        try:
            setconfig(NO_CKPT_ON_CLOSE, True)
        except sqlite3.Error:
            return False
        return True
    if sys.implementation.name != "cpython" or sys.platform == "darwin":
        return False  # variadic calls through ctypes are unreliable on Apple arm64
    try:
        import _sqlite3
        import ctypes

        # CPython 3.10/3.11: the sqlite3* handle is the first field after the object header
        handle = ctypes.c_void_p.from_address(id(conn) + object.__basicsize__).value
        db_config = ctypes.CDLL(_sqlite3.__file__).sqlite3_db_config
        done = ctypes.c_int(-1)
        rc = db_config(
            ctypes.c_void_p(handle),
            ctypes.c_int(NO_CKPT_ON_CLOSE),
            ctypes.c_int(1),
            ctypes.byref(done),
        )
    except (OSError, AttributeError, ImportError):
        return False
    return rc == 0 and done.value == 1


def side(path: Path, suffix: str) -> Path:
    return Path(f"{path}{suffix}")


def identity(path: str | Path) -> tuple[int, int] | None:
    """(device, inode) of `path`, or None when it does not exist."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino
