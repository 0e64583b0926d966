"""Who holds what: file locks, the write turn built on them, and the owners of leases and
live snapshots (whether a process that holds a row is still alive).

Advisory file locks, shared or exclusive, wherever the package runs:

- Linux and macOS: `fcntl.flock` on the open file (the lock earlier versions took, so old and
  new processes on one spool still exclude each other). No dependency, nothing to import.
- Without `fcntl` (Windows): `portalocker` (`LockFileEx` through pywin32 for shared locks),
  imported on the first lock, never at import time.
- Neither available: `Unavailable` (an `OSError`). The spool then runs without its recovery
  lock (as in a read-only directory): every call is still written and sent; only setting a
  corrupt file aside, which needs the exclusive lock, is refused and logged.

Why not portalocker on POSIX too (issue 21 asked; it was built and measured, then dropped):
on POSIX portalocker is the same `fcntl.flock` behind flag validation and exception
wrapping, and importing it imports `importlib.metadata` (its `__about__` reads its own
version). Measured on a loaded 2-vCPU VM (load average ~13-20, medians, old vs portalocker,
alternating runs):
- a fresh process's open + first enqueue (every CLI command, sidecar and job that was not
  forked from an already warm process): 89 ms vs 186 ms (n=10 each); importing portalocker
  into a process that already has the spool loaded: 33-166 ms;
- an uncontended try + unlock: 6.4 us vs 37 us; a try that finds the turn taken (what 32
  writers polling every 0.2-5 ms repeat): 6.8 us vs 47 us, CPU taken from those writers;
- benchmarks/bench_contention.py (quick: 32 writer processes x 3 calls, the sidecar
  draining): all writers done in 1.10x raw sqlite3 vs 3.25x (first write p50 610 vs 3,290
  ms); bench_enqueue.py, one enqueue per fresh process, 2 KB, sidecar open: 22 vs 79 ms p50.
What the hand-written path keeps is three `fcntl.flock` calls; the exceptions it can meet
are the OS's own (`BlockingIOError`, `OSError`), which callers already handle.

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
- No file locking, or no lock file that can be made (a read-only directory): no turn; SQLite
  alone, as before. One that exists but cannot be opened is an error (`sidefile.py`).
- After `fork()` the child closes its copy without unlocking: the lock is the parent's.

Owners (`Owner`, `current_owner`, `is_alive`): a lease records the owner's *host identity*
(hostname, boot id and PID namespace), pid and process start time. A process can judge another
owner's liveness only when the host identity matches its own: then a missing pid, or a pid
reused by a younger process, means the owner is gone and the lease is reclaimed at once. Owners
in another PID namespace (the worker and the sidecar in separate containers of one pod), on
another boot or another host are judged by the lease's expiry alone.
"""

from __future__ import annotations

import contextlib
import errno
import os
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import BinaryIO, Literal

from ..logs import library_logger
from .sidefile import open_side

__all__ = [
    "Owner",
    "Unavailable",
    "WriteTurn",
    "answering",
    "current_owner",
    "is_alive",
    "lock",
    "try_lock",
    "turn_path",
    "unlock",
]

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
logger = library_logger(__name__)  # or the plugin's logger in a worker


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
        self._spool_path = path
        self._sleep = sleep
        self._clock = clock
        self._fd: int | None = None
        self._broken = False  # no lock file here: never try again
        self.held = False

    def acquire(self, timeout_s: float) -> bool:
        """Take the turn; False when it did not come within `timeout_s`.

        Without a usable lock file the turn is granted at once (`held` stays False)."""
        fd = self._open()
        if fd is None:
            return True
        deadline = self._clock() + timeout_s
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
            try:  # a link or a lock it may not open raises (`sidefile.py`): never unlocked
                self._fd = open_side(self.path, os.O_RDWR, spool_path=self._spool_path)
            except OSError:
                self._broken = True
            if self._fd is None:
                self._broken = True
        return self._fd

    def _drop(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)


@dataclass(frozen=True)
class Owner:
    host: str
    pid: int
    start: int  # process start time in clock ticks since boot (0 where unknown)


@cache
def host_identity() -> str:
    parts = [socket.gethostname()]
    try:
        with open("/proc/sys/kernel/random/boot_id") as fh:
            parts.append(fh.read().strip())
    except OSError:
        pass
    try:
        parts.append(os.readlink("/proc/self/ns/pid"))
    except OSError:
        pass
    return "|".join(parts)


_HAVE_PROC = os.path.exists("/proc/self/stat")
_owner_cache: dict[int, Owner] = {}


def current_owner() -> Owner:
    pid = os.getpid()
    owner = _owner_cache.get(pid)
    if owner is None:
        owner = Owner(host_identity(), pid, process_start(pid) or 0)
        _owner_cache.clear()
        _owner_cache[pid] = owner
    return owner


def _stat_fields(pid: int) -> list[bytes] | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            stat = fh.read()
    except OSError:
        return None
    # the command name may contain spaces and parentheses: split after the last ")"
    return stat[stat.rfind(b")") + 2 :].split()


def process_start(pid: int) -> int | None:
    """Start time of `pid` in clock ticks since boot, or None when there is no such process."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            stat = fh.read()
    except FileNotFoundError:
        return None if _HAVE_PROC else _kill_probe(pid)
    except OSError:
        return _kill_probe(pid)
    # the command name may contain spaces and parentheses: split after the last ")"
    fields = stat[stat.rfind(b")") + 2 :].split()
    try:
        state = fields[0]
        if state in (b"Z", b"X"):  # zombie or dead: it will never send again
            return None
        return int(fields[19])
    except (IndexError, ValueError):
        return 0


def _kill_probe(pid: int) -> int | None:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        return 0
    return 0


def is_alive(host: str, pid: int, start: int) -> bool | None:
    """True/False when this process can tell, None when the owner is on another host identity."""
    if host != host_identity():
        return None
    now_start = process_start(pid)
    if now_start is None:
        return False
    if start and now_start and now_start != start:
        return False  # the pid was reused by a younger process
    return True


def answering(host: str, pid: int, start: int) -> bool:
    """Whether a lease owner is on this host identity, alive and running: such an owner ends
    its own lease by its monotonic clock, so no other process expires it by the wall clock
    (which a step in either direction would make wrong). A stopped process (SIGSTOP, a
    debugger: state T or t) cannot answer, so its lease ends by the clock as elsewhere."""
    if is_alive(host, pid, start) is not True:
        return False
    fields = _stat_fields(pid)
    if fields is None:
        return _HAVE_PROC is False  # no /proc (macOS): alive is all that can be told
    return bool(fields) and fields[0] not in (b"T", b"t")
