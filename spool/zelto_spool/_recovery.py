"""Setting a corrupt spool aside: the recovery lock, the move, the salvage into a fresh file.

Every operation holds the recovery lock (`.<name>.recover.lock`) shared; `set_aside` takes it
exclusively, so a file is never moved while an operation runs on it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from . import _oslock
from . import _schema as sql
from ._connect import BUSY_TIMEOUT_S, connect, prepare_path
from ._logroute import library_logger
from ._sidefile import open_side

__all__ = ["lock_path", "set_aside"]

logger = library_logger()  # zelto_spool, or the plugin's logger in a worker


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.recover.lock")


@contextlib.contextmanager
def _recovery_lock(path: Path) -> Iterator[None]:
    fd = open_side(lock_path(path), os.O_RDWR, spool=path)
    if fd is None:
        raise PermissionError(f"cannot make {lock_path(path)}")
    try:
        _oslock.lock(fd, "exclusive")
        yield
    finally:
        os.close(fd)


def set_aside(path: Path) -> str | None:
    """Rename a corrupt spool (and its -wal/-shm) to `<name>.corrupt-<timestamp>`; never delete.

    Returns where it went, "" when another process already replaced it (reopen and go on),
    or None when it could not be moved. Several processes may find the same corruption at
    once: under a lock, only the first one that still sees the damaged file moves it.
    """
    try:
        with _recovery_lock(path):
            if not _still_corrupt(path):
                return ""
            stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
            target = path.with_name(f"{path.name}.corrupt-{stamp}-{os.getpid()}")
            os.rename(path, target)
            for suffix in ("-wal", "-shm"):
                side = Path(f"{path}{suffix}")
                if side.exists():
                    os.rename(side, Path(f"{target}{suffix}"))
            _salvage_into_fresh(path, target)  # still under the lock: nobody else writes
            return str(target)
    except OSError as exc:
        logger.error(
            "spool file is corrupt and could not be moved aside",
            extra={"path": str(path), "error": str(exc)},
        )
        return None


def _salvage_into_fresh(path: Path, target: Path) -> None:
    """Copy what is still readable from the set-aside file into a fresh spool at `path`."""
    from ._salvage import salvage

    try:
        # the fresh file is the set-aside one's owner's, whoever runs this (`_sidefile.py`)
        fd = open_side(path, os.O_RDWR, spool=target)
        if fd is not None:
            os.close(fd)
        prepare_path(path)
        fresh = connect(path)  # no write turn: the exclusive lock keeps everyone else out
        try:
            saved = salvage(target, fresh)
        finally:
            fresh.close()
    except Exception as exc:  # never worse than no salvage: the file is kept either way
        logger.error(
            "could not salvage the corrupt spool; it is kept for a manual salvage",
            extra={"moved_to": str(target), "error": str(exc)},
        )
        return
    lost = saved.calls_table != "read"
    logger.error(
        "salvaged calls from the corrupt spool into the fresh one"
        + (
            "; its calls table could not be read (all of it, or parts): calls may be lost "
            "that these counts do not show; salvage the set-aside file by hand "
            "('Runbooks' in docs/operations.md)"
            if lost
            else ""
        ),
        extra={
            "calls_table": saved.calls_table,
            "moved_to": str(target),
            "calls": saved.calls,
            "dead": saved.dead,
            "live": saved.live,
            "unreadable": saved.unreadable,
        },
    )


def _still_corrupt(path: Path) -> bool:
    if not path.exists():
        return False
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            conn.execute(sql.USER_VERSION).fetchone()
            conn.execute(sql.COUNT_SCHEMA_OBJECTS).fetchone()
            (result,) = conn.execute(sql.QUICK_CHECK).fetchone()
            return str(result) != "ok"
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return True
