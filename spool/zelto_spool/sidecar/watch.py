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
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["watch_spool"]

logger = logging.getLogger(__name__)

SETTLE_S = 0.005  # commit -> wake-up ~5-8 ms
MAX_DELAY_S = 0.2
FALLBACK_STEP_MS = 50  # watchfiles' default: ~75 ms median commit -> wake-up, 20 looks a second


async def watch_spool(
    path: Path,
    wake: Callable[[], None],
    stop: asyncio.Event,
    *,
    inotify: bool = True,
    settle_s: float = SETTLE_S,
    max_delay_s: float = MAX_DELAY_S,
) -> None:
    """Call `wake()` after each burst of changes to `path` or its `-wal`, until `stop` is set."""
    names = {path.name, f"{path.name}-wal"}
    try:
        watcher = _open_inotify(path.parent) if inotify else None
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EMFILE):  # the watch limits: say so, then fall back
            logger.warning(
                "cannot use inotify on the spool directory; watching with watchfiles",
                extra={"path": str(path.parent), "error": str(exc)},
            )
        watcher = None
    if watcher is None:
        await _watchfiles(path, names, wake, stop)
        return
    import inotify_simple

    overflow, ignored = inotify_simple.flags.Q_OVERFLOW, inotify_simple.flags.IGNORED
    loop = asyncio.get_running_loop()
    burst = _Burst(loop, wake, settle_s, max_delay_s)
    gone = asyncio.Event()

    def readable() -> None:
        for event in watcher.read(timeout=0):
            if event.mask & ignored:
                gone.set()
            elif event.mask & overflow or event.name in names:
                burst.changed()

    loop.add_reader(watcher.fileno(), readable)
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
        loop.remove_reader(watcher.fileno())
        burst.cancel()
        watcher.close()


class _Burst:
    """Calls `wake` once changes have settled (or `max_delay_s` after the first of them)."""

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        wake: Callable[[], None],
        settle_s: float,
        max_delay_s: float,
    ) -> None:
        self._loop = loop
        self._wake = wake
        self._settle_s = settle_s
        self._max_delay_s = max_delay_s
        self._first: float | None = None
        self._timer: asyncio.TimerHandle | None = None

    def changed(self) -> None:
        now = self._loop.time()
        if self._first is None:
            self._first = now
        if self._timer is not None:
            self._timer.cancel()
        self._timer = self._loop.call_at(
            min(now + self._settle_s, self._first + self._max_delay_s), self._fire
        )

    def _fire(self) -> None:
        self._first = self._timer = None
        self._wake()

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._first = self._timer = None


def _open_inotify(directory: Path) -> Any:
    """An `inotify_simple.INotify` (non-blocking) watching `directory` for the spool's writes."""
    if not sys.platform.startswith("linux"):
        raise OSError(errno.ENOSYS, "inotify is Linux only")
    from inotify_simple import INotify, flags

    mask = (
        flags.MODIFY
        | flags.CLOSE_WRITE
        | flags.MOVED_FROM
        | flags.MOVED_TO
        | flags.CREATE
        | flags.DELETE
        | flags.ONLYDIR
    )
    watcher = INotify(nonblocking=True)
    try:
        watcher.add_watch(directory, mask)
    except BaseException:
        watcher.close()
        raise
    return watcher


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
