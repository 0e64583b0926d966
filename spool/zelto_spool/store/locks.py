"""Advisory file locks, shared or exclusive, wherever the package runs.

- Linux and macOS: `fcntl.flock` on the open file (the lock earlier versions took, so old and
  new processes on one spool still exclude each other). No dependency, nothing to import.
- Without `fcntl` (Windows): `portalocker` (`LockFileEx` through pywin32 for shared locks),
  imported on the first lock, never at import time.
- Neither available: `Unavailable` (an `OSError`). The spool then runs without its recovery
  lock (as in a read-only directory): every call is still written and sent; only setting a
  corrupt file aside, which needs the exclusive lock, is refused and logged.
"""

from __future__ import annotations

import errno
from types import ModuleType
from typing import BinaryIO, Literal

from ..logs import library_logger

__all__ = ["Unavailable", "lock", "try_lock", "unlock"]

Mode = Literal["shared", "exclusive"]


class Unavailable(OSError):
    """No file locking on this platform: neither `fcntl` nor `portalocker` imports."""


def _import_fcntl() -> ModuleType | None:
    try:
        import fcntl
    except ImportError:
        return None
    return fcntl


_fcntl = _import_fcntl()
_warned = False
logger = library_logger()  # zelto_spool, or the plugin's logger in a worker


def lock(fd: int, mode: Mode) -> None:
    """Block until `fd` holds the lock in `mode` (per open file; released by `unlock`/close)."""
    if _fcntl is not None:
        _fcntl.flock(fd, _fcntl.LOCK_SH if mode == "shared" else _fcntl.LOCK_EX)
        return
    portalocker = _portalocker()
    flag = portalocker.LockFlags.SHARED if mode == "shared" else portalocker.LockFlags.EXCLUSIVE
    try:
        with _file(fd) as fh:
            portalocker.lock(fh, flag)
    except ImportError as exc:  # shared locks on Windows need pywin32
        raise _unavailable() from exc


def try_lock(fd: int, mode: Mode) -> bool:
    """Take the lock in `mode` if nobody holds a conflicting one; False, at once, otherwise."""
    if _fcntl is not None:
        flag = _fcntl.LOCK_SH if mode == "shared" else _fcntl.LOCK_EX
        try:
            _fcntl.flock(fd, flag | _fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True
    portalocker = _portalocker()
    flag = portalocker.LockFlags.SHARED if mode == "shared" else portalocker.LockFlags.EXCLUSIVE
    try:
        with _file(fd) as fh:
            portalocker.lock(fh, flag | portalocker.LockFlags.NON_BLOCKING)
    except portalocker.AlreadyLocked:
        return False
    except ImportError as exc:  # shared locks on Windows need pywin32
        raise _unavailable() from exc
    return True


def unlock(fd: int) -> None:
    if _fcntl is not None:
        _fcntl.flock(fd, _fcntl.LOCK_UN)
        return
    with _file(fd) as fh:
        _portalocker().unlock(fh)


def _file(fd: int) -> BinaryIO:
    """`fd` as a file object that leaves it open (portalocker < 4 on Windows takes no fd)."""
    return open(fd, "r+b", buffering=0, closefd=False)  # the callers close it


def _portalocker() -> ModuleType:
    try:
        import portalocker
    except ImportError as exc:
        raise _unavailable() from exc
    return portalocker


def _unavailable() -> Unavailable:
    global _warned  # noqa: PLW0603 - once per process
    exc = Unavailable(
        errno.ENOLCK,
        "no file locking here: fcntl is missing and portalocker does not work "
        "(pip install 'portalocker[win32]')",
    )
    if not _warned:
        _warned = True
        logger.warning(
            "no file locking on this platform; a corrupt spool cannot be set aside",
            extra={"error": str(exc)},
        )
    return exc
