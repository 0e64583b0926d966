"""File locks and the write turn built on them.

Advisory file locks, shared or exclusive, wherever the package runs:

- Linux and macOS: `fcntl.flock` on the open file (the lock earlier versions took, so old and
  new processes on one spool still exclude each other). No dependency, nothing to import.
- Without `fcntl` (Windows): `portalocker` (`LockFileEx` through pywin32 for shared locks),
  imported on the first lock, never at import time.
- Neither available: `Unavailable` (an `OSError`). The spool then runs without its recovery
  lock (as in a read-only directory): every call is still written and sent; only setting a
  corrupt file aside, which needs the exclusive lock, is refused and logged.

The write turn (`WriteTurn`): the spool's writers wait for each other in short steps, not
SQLite's long ones.

SQLite lets one connection at a time write; the others, with a busy timeout, sleep and try
again 1, 2, 5 … 100 ms apart. With many writers at once (every job of a busy worker ending
together) the write lock is then often free while all of them sleep. So before
`BEGIN IMMEDIATE` each spool connection takes the write turn, an exclusive `flock` on
`.<name>.write.lock` beside the spool: a try is one system call, so a writer that finds it
taken tries again after 0.2 ms, growing to at most `MAX_STEP_S`, and goes within a few
milliseconds of the previous commit. Measured with 32 writer processes and a sidecar
draining, on two cores: the last writer done in about 0.6–0.9x the time of plain sqlite3
writers, against 0.8–1.8x with SQLite's busy handler alone (docs/performance.md). A turn
blocked in the kernel instead measured no better, and `flock` cannot time out.

- Bounded like the busy timeout: a turn that has not come within it is reported as busy.
- Advisory: a writer that does not take the turn (an older version, the sqlite3 shell) still
  meets SQLite's own lock, and the busy handler covers it. Reads never take it.
- No file locking, or no lock file (a read-only directory): no turn; SQLite alone, as before.
- After `fork()` the child closes its copy without unlocking: the lock is the parent's.
"""

from __future__ import annotations

import contextlib
import errno
import os
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import BinaryIO, Literal

from ..logs import library_logger

__all__ = ["Unavailable", "WriteTurn", "lock", "try_lock", "turn_path", "unlock"]

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


FIRST_STEP_S = 0.0002
MAX_STEP_S = 0.005


def turn_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.write.lock")


class WriteTurn:
    """One process's claim on the write turn of one spool file (not thread-safe: the
    connector's lock serialises its users)."""

    def __init__(
        self,
        path: Path,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.path = turn_path(path)
        self._sleep = sleep
        self._clock = clock
        self._fd: int | None = None
        self._broken = False  # no lock file here: never try again
        self.held = False

    def acquire(self, timeout: float) -> bool:
        """Take the turn; False when it did not come within `timeout` s.

        Without a usable lock file the turn is granted at once (`held` stays False)."""
        fd = self._open()
        if fd is None:
            return True
        deadline = self._clock() + timeout
        step = FIRST_STEP_S
        try:
            while not try_lock(fd, "exclusive"):
                left = deadline - self._clock()
                if left <= 0:
                    return False
                self._sleep(min(step, left))
                step = min(step * 1.5, MAX_STEP_S)
        except OSError:  # no locking on this platform or file system: SQLite alone
            self._broken = True
            self._drop()
            return True
        self.held = True
        return True

    def release(self) -> None:
        if self.held and self._fd is not None:
            self.held = False
            with contextlib.suppress(OSError):
                unlock(self._fd)

    def close(self) -> None:
        self.release()
        self._drop()

    def forget(self) -> None:
        """In a forked child: close the inherited descriptor, leave the parent's lock alone."""
        self.held = False
        self._drop()

    def _open(self) -> int | None:
        if self._fd is None and not self._broken:
            try:
                self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError:
                self._broken = True
        return self._fd

    def _drop(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)
