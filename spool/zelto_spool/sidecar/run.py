"""`zelto-spool run`: drain continuously beside a fleet of job processes.

Woken by spool changes (`sidecar/watch.py`: inotify on Linux, watchfiles elsewhere), by finished
sends and by its own timer (next due row, pause probe, fallback poll), so a missed change only
delays a row.
SIGTERM/SIGINT: stop claiming, give in-flight sends `stop_grace_s` seconds, release the rest
back to pending, exit 0.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..config import DeliveryConfig
from ..delivery.flusher import Flusher
from ..errors import ConfigError, SpoolError, ZeltoError
from ..store.spool import Spool
from .health import DEFAULT_MAX_PENDING_AGE_S, verdict
from .watch import watch_spool

if TYPE_CHECKING:
    from ..config import RecordingSettings
    from ..delivery.upload import Uploader
    from .metrics import SidecarMetrics
    from .server import SidecarServer
    from .webhooks import CallIdSource

__all__ = ["NO_KEY_REFUSAL", "Listen", "run_sidecar"]

NO_KEY_REFUSAL = (
    "ZELTO_API_KEY is not set in this process, so the sidecar was not started (it would send "
    "nothing) and the spool was not changed. Set ZELTO_API_KEY (or --api-key); sudo drops the "
    "environment: sudo --preserve-env=ZELTO_API_KEY zelto-spool run"
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True, kw_only=True)
class Listen:
    """`--listen`: where to serve, and the LiveKit credentials for webhooks (optional)."""

    host: str
    port: int
    livekit_api_key: str | None = None
    livekit_api_secret: str | None = field(default=None, repr=False)
    call_id_from: CallIdSource = "room_name"


async def run_sidecar(
    spool: Spool,
    config: DeliveryConfig,
    *,
    poll_interval_s: float = 2.0,
    housekeeping_interval_s: float = 5.0,
    live_stale_after_s: float = 7200.0,
    stop_grace_s: float = 5.0,
    stop: asyncio.Event | None = None,
    watch: bool = True,
    listen: Listen | None = None,
    on_started: Callable[[Flusher], None] | None = None,
    max_pending_age: float = DEFAULT_MAX_PENDING_AGE_S,
    recordings: RecordingSettings | None = None,
) -> int:
    """Run until SIGTERM/SIGINT (or `stop` is set). Returns the process exit code (0).

    With `recordings`, recordings handed to the spool are uploaded beside the sends
    (`delivery/upload.py`), in a task of their own: an upload never holds a call back.

    `/healthz` (with `listen`) gives the verdict of `status --check` (`health.verdict`),
    with `max_pending_age` as its stale-backlog threshold, plus a stopped flusher.

    Raises `ConfigError` without the key, before touching the spool: a sidecar that can send
    nothing is a mistake in its own environment (`sudo` drops it), not a state of the spool,
    which other processes with the key may be delivering from.
    """
    if config.api_key is None:
        raise ConfigError(NO_KEY_REFUSAL)
    uploader = None
    if recordings is not None:
        from ..delivery.upload import Uploader

        uploader = Uploader(spool, recordings, config=config)
    stop = stop or asyncio.Event()
    hooks = []
    metrics = None
    server = None
    runner: asyncio.Task[Any] | None = None
    flusher: Flusher | None = None
    if listen is not None:
        from .metrics import SidecarMetrics

        metrics = SidecarMetrics(spool)
        hooks.append(metrics.hook)
        # bind first: a busy port fails here, before anything is sent
        server = await _serve(
            listen,
            spool,
            config,
            metrics,
            lambda: "starting" if runner is None else "stopped" if runner.done() else "running",
            lambda: None if flusher is None else flusher.spool_trouble,
            max_pending_age,
        )
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(rate_limited_loop_errors())
    installed: list[signal.Signals] = []
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(sig, stop.set)
            installed.append(sig)

    flusher = Flusher(
        spool,
        config,
        poll_interval_s=poll_interval_s,
        housekeeping_interval_s=housekeeping_interval_s,
        live_stale_after_s=live_stale_after_s,
        stop_grace_s=stop_grace_s,
        hooks=hooks,
    )
    # open (and create, 0600) the spool before watching its directory
    await asyncio.to_thread(spool.open)
    uploads = asyncio.Event()

    def wake() -> None:
        flusher.wake()
        if uploader is not None:
            loop.call_soon_threadsafe(uploads.set)

    watcher = asyncio.create_task(watch_spool(spool.path, wake, stop)) if watch else None
    runner = asyncio.create_task(flusher.run(stop))
    uploading = (
        None
        if uploader is None
        else asyncio.create_task(_upload_loop(uploader, stop, uploads, poll_interval_s))
    )
    try:
        logger.info(
            "sidecar started",
            extra={
                "spool": str(spool.path),
                "endpoint": config.endpoint,
                "concurrency": config.concurrency,
                "retention_s": spool.retention_s,
                "watch": watch,
                "listen": f"{listen.host}:{server.port}" if listen and server else None,
            },
        )
        if on_started is not None:
            on_started(flusher)
        report = await runner
    finally:
        stop.set()
        if not runner.done():
            await asyncio.wait([runner])
        if server is not None:
            await server.stop()
        if uploading is not None:  # an upload in progress gets the senders' grace, no more
            await asyncio.wait([uploading], timeout=stop_grace_s)
            if not uploading.done():
                logger.warning("recordings: an upload was still running at exit; it is retried")
                uploading.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await uploading
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


async def _upload_loop(
    uploader: Uploader, stop: asyncio.Event, wake: asyncio.Event, poll_interval_s: float
) -> None:
    """Upload due recordings until `stop`; woken by spool changes, by the next retry's time
    and by the fallback poll. An upload in progress gets the stop grace (`run`), no more."""
    from ..delivery.upload import in_daemon_thread

    while not stop.is_set():
        wake.clear()
        try:
            await in_daemon_thread(uploader.upload_due)
            due = await in_daemon_thread(uploader.next_due)
        except ZeltoError as exc:  # the spool busy or damaged: the flusher says so too
            logger.error("recordings: could not read the spool", extra={"error": str(exc)})
            due = None
        except Exception:  # never the end of uploads for the sidecar's life
            logger.exception("recordings: an upload pass failed; trying again")
            due = None
        wait = poll_interval_s if due is None else max(0.0, min(poll_interval_s, due - time.time()))
        waiters = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(wake.wait())]
        await asyncio.wait(waiters, timeout=wait, return_when=asyncio.FIRST_COMPLETED)
        for waiter in waiters:
            waiter.cancel()


async def _serve(
    listen: Listen,
    spool: Spool,
    config: DeliveryConfig,
    metrics: SidecarMetrics,
    flusher_state: Callable[[], str],  # "starting", "running" or "stopped"
    trouble: Callable[[], str | None],
    max_pending_age: float,
) -> SidecarServer:
    from .server import Health, SidecarServer

    webhooks = None
    if listen.livekit_api_key and listen.livekit_api_secret:
        from .webhooks import WebhookHandler

        webhooks = WebhookHandler(
            spool,
            listen.livekit_api_key,
            listen.livekit_api_secret,
            call_id_from=listen.call_id_from,
        )
    elif listen.livekit_api_key or listen.livekit_api_secret:  # half configured: say so
        logger.warning(
            "LiveKit webhooks are off: set both LIVEKIT_API_KEY and LIVEKIT_API_SECRET",
            extra={
                "missing": "LIVEKIT_API_SECRET" if listen.livekit_api_key else "LIVEKIT_API_KEY"
            },
        )

    def health() -> Health:
        try:
            stats = spool.stats()
        except SpoolError as exc:  # busy past its timeout (a writer frozen in its turn), ...
            return Health(False, f"the spool cannot be read: {exc}")
        found = verdict(
            stats,
            max_pending_age_s=max_pending_age,
            flusher_running=flusher_state() == "running",
            flusher_starting=flusher_state() == "starting",
            spool_trouble=trouble(),
        )
        return Health(found.ok, found.text)

    server = SidecarServer(spool=spool, metrics=metrics, health=health, webhooks=webhooks)
    await server.start(listen.host, listen.port)
    return server


LOOP_ERROR_EVERY_S = 10.0


def rate_limited_loop_errors(
    every_s: float = LOOP_ERROR_EVERY_S, clock: Callable[[], float] = time.monotonic
) -> Callable[[asyncio.AbstractEventLoop, dict[str, Any]], None]:
    """An event-loop exception handler that logs each kind of error at most once per `every_s`
    seconds, with how many were left out since. asyncio's default prints a traceback per
    event: a flood of connections past the descriptor limit on `--listen` made one per failed
    accept, about a million in three minutes, enough to fill the volume the log is on."""
    last: dict[str, float] = {}
    left_out: dict[str, int] = {}

    def handle(_loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        message = str(context.get("message") or "event loop error")
        key = f"{message}|{type(exc).__name__}"
        now = clock()
        if key in last and now - last[key] < every_s:
            left_out[key] = left_out.get(key, 0) + 1
            return
        last[key] = now
        logger.error(
            "event loop error",
            extra={
                "error": f"{message}: {exc!r}"[:500] if exc is not None else message[:500],
                "left_out_since_last": left_out.pop(key, 0),
            },
        )

    return handle
