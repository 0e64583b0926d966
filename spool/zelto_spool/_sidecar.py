"""`zelto-spool run`: drain continuously beside a fleet of job processes.

Woken by spool changes through watchfiles (in WAL mode a commit touches only `-wal`, so the
directory is watched and filtered to the spool's files), by finished sends and by its own
timer (next due row, pause probe, fallback poll), so a missed event only delays a row.
SIGTERM/SIGINT: stop claiming, give in-flight sends `stop_grace` seconds, release the rest
back to pending, exit 0.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Callable
from pathlib import Path

from ._config import DeliveryConfig
from ._flusher import Flusher
from ._spool import Spool

__all__ = ["run_sidecar"]

logger = logging.getLogger("zelto_spool")

WATCH_STEP_MS = 5  # commit -> wake-up median ~8 ms (PERFORMANCE-NOTES); default 50 gives ~75 ms
WATCH_DEBOUNCE_MS = 200


async def run_sidecar(
    spool: Spool,
    config: DeliveryConfig,
    *,
    poll_interval: float = 2.0,
    stop_grace: float = 5.0,
    stop: asyncio.Event | None = None,
    watch: bool = True,
    on_started: Callable[[Flusher], None] | None = None,
) -> int:
    """Run until SIGTERM/SIGINT (or `stop` is set). Returns the process exit code (0)."""
    loop = asyncio.get_running_loop()
    stop = stop or asyncio.Event()
    installed: list[signal.Signals] = []
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(sig, stop.set)
            installed.append(sig)

    flusher = Flusher(spool, config, poll_interval=poll_interval, stop_grace=stop_grace)
    # open (and create, 0600) the spool before watching its directory
    await asyncio.to_thread(spool.reclaim)
    watcher = asyncio.create_task(_watch(spool.path, flusher.wake, stop)) if watch else None
    logger.info(
        "sidecar started",
        extra={
            "spool": str(spool.path),
            "endpoint": config.endpoint,
            "concurrency": config.concurrency,
            "watch": watch,
        },
    )
    if on_started is not None:
        on_started(flusher)
    try:
        report = await flusher.run(stop)
    finally:
        if watcher is not None:
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await watcher
        await flusher.aclose()
        for sig in installed:
            loop.remove_signal_handler(sig)
    logger.info(
        "sidecar stopped",
        extra={"delivered": report.delivered, "retried": report.retried, "dead": report.dead},
    )
    return 0


async def _watch(path: Path, wake: Callable[[], None], stop: asyncio.Event) -> None:
    import watchfiles

    names = {path.name, f"{path.name}-wal"}

    def only_spool(_change: watchfiles.Change, changed: str) -> bool:
        return Path(changed).name in names

    try:
        async for _changes in watchfiles.awatch(
            path.parent,
            watch_filter=only_spool,
            stop_event=stop,
            step=WATCH_STEP_MS,
            debounce=WATCH_DEBOUNCE_MS,
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
