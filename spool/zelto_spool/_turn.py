"""The write turn: the spool's writers wait for each other in short steps, not SQLite's long ones.

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
  alone, as before. One that exists but cannot be opened is an error (`_sidefile.py`).
- After `fork()` the child closes its copy without unlocking: the lock is the parent's.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from pathlib import Path

from . import _oslock
from ._sidefile import open_side

__all__ = ["WriteTurn", "turn_path"]

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
        self._spool = path
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
            while not _oslock.try_lock(fd, "exclusive"):
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
                _oslock.unlock(self._fd)

    def close(self) -> None:
        self.release()
        self._drop()

    def forget(self) -> None:
        """In a forked child: close the inherited descriptor, leave the parent's lock alone."""
        self.held = False
        self._drop()

    def _open(self) -> int | None:
        if self._fd is None and not self._broken:
            try:  # a link or a lock it may not open raises (`_sidefile.py`): never unlocked
                self._fd = open_side(self.path, os.O_RDWR, spool=self._spool)
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
