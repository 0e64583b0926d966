"""The CLI commands that send: `drain`, `run` (the sidecar) and `receiver` (the local receiver
in the foreground, one line per post: `serve_forever`, which imports aiohttp when it runs).
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
import threading
import time
from types import FrameType
from typing import Any, TextIO

import click

from ..config import ENV_API_KEY, RecordingSettings
from ..contract import FAULT_MODES, Post, format_post
from ..errors import ConfigError
from ..sidecar.health import set_aside_problem
from ..store.spool import Spool
from ..text import printable, rate_and_eta
from .common import (
    DURATION,
    HostPort,
    delivery_config,
    delivery_options,
    errors,
    max_bytes_option,
    open_spool,
    retention_option,
    spool_option,
)

__all__ = ["serve_forever"]

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


@click.command()
@click.option(
    "--timeout",
    "timeout_s",
    type=DURATION,
    default="60s",
    show_default=True,
    help="Give up after this long (0: no limit).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("-v", "--verbose", is_flag=True, help="Log every attempt to stderr.")
@click.option("--strict", is_flag=True, help="Exit 3 when this drain dead-lettered a call.")
@delivery_options
@spool_option
@click.pass_context
@errors
def drain(
    ctx: click.Context,
    timeout_s: float,
    quiet: bool,
    verbose: bool,
    strict: bool,
    base_url: str | None,
    api_key: str | None,
    concurrency: int | None,
    total_timeout_s: float | None,
) -> None:
    """Send everything pending now, with progress.

    A call Zelto refuses for good (e.g. a 422 about the payload) is dead-lettered: kept with its
    reason, not retried. Without --strict that still ends a drain with 0: nothing is left to do.

    \b
    Exit status:
      0  nothing left pending: every call delivered (or dead-lettered, without --strict)
      1  calls left pending (paused, timed out, Zelto down), a recording left to upload,
         found lost or uploaded with no version of its call to carry its URL, a damaged
         spool set aside beside this one (it may hold calls no count shows), or an error
         such as a missing spool
      2  a usage error (an unknown or malformed option)
      3  with --strict: nothing left pending, but this drain dead-lettered a call

    Example:

    \b
        ZELTO_API_KEY=... zelto-spool drain --timeout 5m
        zelto-spool drain --strict || zelto-spool list --state dead
    """
    from ..delivery.flusher import Flusher
    from ..logs import configure_logging

    configure_logging("INFO" if verbose else "ERROR")
    config = delivery_config(
        base_url, api_key, concurrency=concurrency, total_timeout_s=total_timeout_s
    )
    spool = open_spool(ctx, must_exist=True)  # a mistyped path must not look drained
    deadline = time.monotonic() + timeout_s if timeout_s else None
    total = spool.undelivered()
    show_bar = not quiet and total > 0 and config.api_key is not None and sys.stderr.isatty()
    bar_cm: Any = (
        click.progressbar(
            length=total,
            label="draining",
            file=sys.stderr,
            show_pos=True,
            show_eta=False,  # ours counts from the first call; click's waits a second
            item_show_func=lambda note: note,
        )
        if show_bar
        else contextlib.nullcontext(None)
    )
    started = time.monotonic()
    with bar_cm as bar:
        done = 0

        def progress(_claim: Any, outcome: Any, _latency: float) -> None:
            nonlocal done
            if bar is not None and outcome.kind in ("delivered", "dead"):
                done += 1
                bar.update(1, rate_and_eta(done, total, time.monotonic() - started))

        def send() -> Any:
            flusher = Flusher(spool, config, hooks=[progress])
            left = None if deadline is None else max(0.001, deadline - time.monotonic())

            async def go() -> Any:
                try:
                    return await flusher.drain(timeout=left)
                finally:
                    await flusher.aclose()

            return asyncio.run(go())

        # the calls first: a transcript never waits for an object store; then the recordings
        # in the time left, and the versions that carry their URLs
        report = send()
        uploads = _upload_recordings(spool, config, deadline)
        if uploads is not None and uploads.uploaded:
            again = send()
            again.delivered += report.delivered
            again.dead += report.dead
            again.retried += report.retried
            again.elapsed_s += report.elapsed_s
            report = again
    click.echo(_drain_summary(report, spool))
    if uploads is not None:
        left = spool.recordings.counts().get("pending", 0)
        line = f"drain: {uploads.uploaded} recording(s) uploaded, {left} left to upload"
        if left and uploads.errors:
            line += f"; last error: {printable(uploads.errors[-1])}"
        if uploads.missing:  # gone or rewritten before its upload: that audio is lost
            line += f"; {uploads.missing} missing (see `zelto-spool status`, `show CALL_ID`)"
        for call_id, why in uploads.unsent:  # in the bucket, but Zelto will not hear of it
            line += f"; call {printable(call_id)}: recording {printable(why)}"
        click.echo(line)
        if left or uploads.missing or uploads.unsent:
            sys.exit(1)
    set_aside = set_aside_problem(spool.upkeep.corrupt_files())
    if set_aside:  # its calls may not all be salvaged: "0 left pending" is not the whole story
        click.echo(f"drain: {set_aside}", err=True)
        sys.exit(1)
    if not report.ok:
        sys.exit(1)
    if strict and report.dead:
        click.echo(
            f"drain: {report.dead} call(s) dead-lettered (--strict); "
            "see `zelto-spool list --state dead`",
            err=True,
        )
        sys.exit(3)


def _guarded(settings: RecordingSettings | None) -> RecordingSettings | None:
    """Under pytest (the package's guard), no upload to an object store off loopback."""
    from ..guard import guard_recordings

    settings, changed = guard_recordings(settings)
    if changed:
        click.echo(f"zelto-spool: pytest guard: {changed}", err=True)
    return settings


def _upload_recordings(spool: Spool, config: Any, deadline: float | None) -> Any:
    """With `ZELTO_RECORDINGS_BUCKET` set: upload every recording waiting (once each), none
    started or waited for past `deadline` (monotonic)."""
    from ..delivery.upload import Uploader

    settings = _guarded(RecordingSettings.from_env())
    if settings is None:
        return None
    return Uploader(spool, settings, config=config).upload_all(deadline=deadline)


def _drain_summary(report: Any, spool: Spool) -> str:
    line = (
        f"drain: {report.delivered} delivered, {report.dead} dead, {report.retried} retries, "
        f"{report.remaining} left pending ({report.elapsed_s:.1f} s)"
    )
    stats = spool.stats()
    if stats["restored"] and stats["held"]:
        line += (
            f"; {stats['held']} held, not sent: {printable(stats['restored'])}; check them, "
            "then run `zelto-spool release-restored`"
        )
    if report.remaining > stats["held"]:
        if report.paused:
            line += f"; paused: {printable(report.paused)}"
        else:
            last = stats["last_error"]
            if last:
                line += f"; last error: {printable(last['error'])}"
    return line


@click.command()
@click.option(
    "--listen",
    type=HostPort(),
    help="Serve /healthz, /livez, /metrics and /livekit/webhook on HOST:PORT.",
)
@click.option(
    "--livekit-api-key",
    envvar="LIVEKIT_API_KEY",
    show_envvar=True,
    help="Verifies LiveKit webhooks (with --listen).",
)
@click.option(
    "--livekit-api-secret",
    envvar="LIVEKIT_API_SECRET",
    show_envvar=True,
    show_default=False,
    help="Verifies LiveKit webhooks (with --listen).",
)
@click.option(
    "--webhook-call-id",
    type=click.Choice(["room_name", "room_sid"]),
    default="room_name",
    show_default=True,
    help="How a webhook's room maps to call ids (match the Forwarder's call_id).",
)
@max_bytes_option("Disk cap: past it, delivered calls are evicted oldest first [1GiB].")
@retention_option(
    "Keep a delivered call's payload this long for `replay` [7d]; 0: drop it once Zelto has it."
)
@click.option(
    "--poll-interval",
    "poll_interval_s",
    type=DURATION,
    default="2s",
    show_default=True,
    help="Fallback poll for filesystems where change events do not arrive.",
)
@click.option(
    "--housekeeping-interval",
    "housekeeping_interval_s",
    type=DURATION,
    default="5s",
    show_default=True,
    help="How often to requeue rows of dead senders and reap calls of lost processes.",
)
@click.option(
    "--live-stale-after",
    "live_stale_after_s",
    type=DURATION,
    default="2h",
    show_default=True,
    help="Reap live snapshots of owners on other hosts/PID namespaces after this silence.",
)
@click.option(
    "--probe-interval",
    type=DURATION,
    default="60s",
    show_default=True,
    help="While paused (401/403/404), probe with one call this often.",
)
@click.option(
    "--max-pending-age",
    type=DURATION,
    default="15m",
    show_default=True,
    help="/healthz is unhealthy when the oldest pending call is older than this.",
)
@click.option(
    "--log-format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Log lines as text or as one JSON object each.",
)
@click.option(
    "--log-level",
    type=click.Choice(LOG_LEVELS, case_sensitive=False),
    default="INFO",
    show_default=True,
    help="Least severe level logged to stderr.",
)
@delivery_options
@spool_option
@click.pass_context
@errors
def run(
    ctx: click.Context,
    listen: tuple[str, int] | None,
    livekit_api_key: str | None,
    livekit_api_secret: str | None,
    webhook_call_id: str,
    max_bytes: int | None,
    retention: float | None,
    poll_interval_s: float,
    housekeeping_interval_s: float,
    live_stale_after_s: float,
    probe_interval: float,
    max_pending_age: float,
    log_format: str,
    log_level: str,
    base_url: str | None,
    api_key: str | None,
    concurrency: int | None,
    total_timeout_s: float | None,
) -> None:
    """The sidecar: drain continuously, woken by spool changes; SIGTERM exits 0.

    Example:

    \b
        ZELTO_API_KEY=... zelto-spool --spool /var/lib/zelto/spool.db run --listen :9464
    """
    from ..logs import configure_logging
    from ..sidecar.run import Listen, run_sidecar

    configure_logging(log_level, log_format)
    config = delivery_config(
        base_url,
        api_key,
        concurrency=concurrency,
        total_timeout_s=total_timeout_s,
        pause_probe_interval_s=probe_interval,
    )
    spool = Spool(ctx.obj["spool_path"], max_bytes=max_bytes, retention_s=retention)
    recordings = _guarded(RecordingSettings.from_env())  # None: recordings are off
    served = None
    if listen is not None:
        served = Listen(
            host=listen[0],
            port=listen[1],
            livekit_api_key=livekit_api_key,
            livekit_api_secret=livekit_api_secret,
            call_id_from="room_sid" if webhook_call_id == "room_sid" else "room_name",
        )
    code = asyncio.run(
        run_sidecar(
            spool,
            config,
            poll_interval_s=poll_interval_s,
            housekeeping_interval_s=housekeeping_interval_s,
            live_stale_after_s=live_stale_after_s,
            listen=served,
            max_pending_age=max_pending_age,
            recordings=recordings,
        )
    )
    sys.exit(code)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8787,
    show_default=True,
    help="Port to listen on (0: any free port).",
)
@click.option(
    "--api-key",
    envvar=ENV_API_KEY,
    show_envvar=True,
    help="Key the receiver expects (default: any non-empty bearer).",
)
@click.option("--fault", help=f"Start in a fault mode, one of: {FAULT_MODES}.")
@errors
def receiver(host: str, port: int, api_key: str | None, fault: str | None) -> None:
    """A local Zelto-compatible receiver that checks the contract and prints each call.

    Example:

    \b
        zelto-spool receiver --port 8787 --fault flaky:0.2
    """
    try:
        code = serve_forever(host=host, port=port, api_key=api_key, fault=fault)
    except (ValueError, ImportError) as exc:  # ImportError: no aiohttp (the testing extra)
        raise ConfigError(str(exc)) from None
    sys.exit(code)


def serve_forever(
    *,
    api_key: str | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
    fault: str | None = None,
    seed: int | None = None,
    out: TextIO | None = None,
    stop: threading.Event | None = None,
) -> int:
    """Run a receiver in the foreground, printing one line per post, until SIGINT/SIGTERM.

    `stop` (an Event) ends it too (signals are only hooked on the main thread). Returns 0.
    """
    from ..testing.receiver import Receiver  # aiohttp: only this command needs it

    stream = sys.stdout if out is None else out
    done = stop if stop is not None else threading.Event()

    def show_line(line: str) -> None:
        print(line, file=stream, flush=True)

    def show(post: Post) -> None:
        show_line(format_post(post))

    def on_signal(signum: int, frame: FrameType | None) -> None:
        done.set()

    hooked: dict[signal.Signals, Any] = {}
    if threading.current_thread() is threading.main_thread():
        hooked = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        with Receiver(
            api_key=api_key, host=host, port=port, fault=fault, seed=seed, on_post=show
        ) as r:
            auth = "any bearer token" if api_key is None else "bearer key required"
            show_line(f"zelto receiver on {r.url} ({auth}, fault {r.fault}); Ctrl-C to stop")
            done.wait()
    finally:
        for sig, previous in hooked.items():
            signal.signal(sig, previous)
    return 0
