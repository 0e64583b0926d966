"""Waking the sidecar when the spool changes, without waking it when nothing does.

In WAL mode a commit touches only `-wal`, so the spool's directory is watched and filtered to
the spool's files. A change wakes the flusher once the files have been quiet for `SETTLE_S`
(a commit's last write to `-wal` comes a moment before readers can see it), and at most
`MAX_DELAY_S` after the first change of a burst.

- Linux: inotify, its descriptor read by the event loop itself. No thread and no polling: an
  idle sidecar is not scheduled at all (watchfiles' thread looked for changes every 5 ms,
  200 wake-ups a second, ~0.5 % of a core at idle).
- Elsewhere, or when inotify cannot be used: watchfiles, whose thread looks every
  `FALLBACK_STEP_MS`.
- Neither: the flusher's own timer still drains (a missed change only delays a row).
"""

from __future__ import annotations

import asyncio
import errno
import logging
import os
import struct
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

__all__ = ["inotify_events", "watch_spool"]

logger = logging.getLogger(__name__)

SETTLE_S = 0.005  # commit -> wake-up ~5-8 ms
MAX_DELAY_S = 0.2
FALLBACK_STEP_MS = 50  # watchfiles' default: ~75 ms median commit -> wake-up, 20 looks a second

# <sys/inotify.h>
IN_MODIFY = 0x002
IN_CLOSE_WRITE = 0x008
IN_MOVED_FROM = 0x040
IN_MOVED_TO = 0x080
IN_CREATE = 0x100
IN_DELETE = 0x200
IN_Q_OVERFLOW = 0x4000  # events were lost: look anyway
IN_IGNORED = 0x8000  # the watch is gone (directory deleted or unmounted)
IN_ONLYDIR = 0x01000000
WATCH_MASK = (
    IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_ONLYDIR
)
_EVENT = struct.Struct("iIII")  # wd, mask, cookie, len; then `len` bytes of NUL-padded name


def inotify_events(data: bytes) -> Iterator[tuple[int, str]]:
    """`(mask, name)` of each `struct inotify_event` in what one read returned."""
    offset = 0
    while offset + _EVENT.size <= len(data):
        _wd, mask, _cookie, length = _EVENT.unpack_from(data, offset)
        start = offset + _EVENT.size
        yield mask, os.fsdecode(data[start : start + length].split(b"\0", 1)[0])
        offset = start + length


async def watch_spool(
    path: Path,
    wake: Callable[[], None],
    stop: asyncio.Event,
    *,
    inotify: bool = True,
    settle: float = SETTLE_S,
    max_delay: float = MAX_DELAY_S,
) -> None:
    """Call `wake()` after each burst of changes to `path` or its `-wal`, until `stop` is set."""
    names = {path.name, f"{path.name}-wal"}
    try:
        fd = _open_inotify(path.parent) if inotify else None
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EMFILE):  # the watch limits: say so, then fall back
            logger.warning(
                "cannot use inotify on the spool directory; watching with watchfiles",
                extra={"path": str(path.parent), "error": str(exc)},
            )
        fd = None
    if fd is None:
        await _watchfiles(path, names, wake, stop)
        return
    loop = asyncio.get_running_loop()
    burst = _Burst(loop, wake, settle, max_delay)
    gone = asyncio.Event()

    def readable() -> None:
        for mask, name in _read_all(fd):
            if mask & IN_IGNORED:
                gone.set()
            elif mask & IN_Q_OVERFLOW or name in names:
                burst.changed()

    loop.add_reader(fd, readable)
    try:
        stopped = asyncio.ensure_future(stop.wait())
        lost = asyncio.ensure_future(gone.wait())
        try:
            await asyncio.wait([stopped, lost], return_when=asyncio.FIRST_COMPLETED)
        finally:
            stopped.cancel()
            lost.cancel()
        if gone.is_set() and not stop.is_set():
            logger.warning(
                "the spool directory is no longer watched; falling back to polling",
                extra={"path": str(path.parent)},
            )
    finally:
        loop.remove_reader(fd)
        burst.cancel()
        os.close(fd)


class _Burst:
    """Calls `wake` once changes have settled (or `max_delay` after the first of them)."""

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        wake: Callable[[], None],
        settle: float,
        max_delay: float,
    ) -> None:
        self._loop = loop
        self._wake = wake
        self._settle = settle
        self._max_delay = max_delay
        self._first: float | None = None
        self._timer: asyncio.TimerHandle | None = None

    def changed(self) -> None:
        now = self._loop.time()
        if self._first is None:
            self._first = now
        if self._timer is not None:
            self._timer.cancel()
        self._timer = self._loop.call_at(
            min(now + self._settle, self._first + self._max_delay), self._fire
        )

    def _fire(self) -> None:
        self._first = self._timer = None
        self._wake()

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._first = self._timer = None


def _open_inotify(directory: Path) -> int:
    if not sys.platform.startswith("linux"):
        raise OSError(errno.ENOSYS, "inotify is Linux only")
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    fd = int(libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC))
    if fd < 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))
    if int(libc.inotify_add_watch(fd, os.fsencode(directory), WATCH_MASK)) < 0:
        code = ctypes.get_errno()
        os.close(fd)
        raise OSError(code, os.strerror(code), str(directory))
    return fd


def _read_all(fd: int) -> Iterator[tuple[int, str]]:
    while True:
        try:
            data = os.read(fd, 65536)
        except BlockingIOError:
            return
        if not data:
            return
        yield from inotify_events(data)


async def _watchfiles(
    path: Path, names: set[str], wake: Callable[[], None], stop: asyncio.Event
) -> None:
    import watchfiles

    def only_spool(_change: watchfiles.Change, changed: str) -> bool:
        return Path(changed).name in names

    try:
        async for _changes in watchfiles.awatch(
            path.parent,
            watch_filter=only_spool,
            stop_event=stop,
            step=FALLBACK_STEP_MS,
            debounce=int(MAX_DELAY_S * 1000),
            recursive=False,
        ):
            wake()
    except asyncio.CancelledError:
        raise
    except Exception as exc:  # e.g. inotify watch limit reached: the timer still drains
        logger.warning(
            "cannot watch the spool directory; falling back to polling",
            extra={"path": str(path.parent), "error": str(exc)},
        )
