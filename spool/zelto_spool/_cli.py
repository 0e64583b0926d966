"""`zelto-spool`: the CLI mirrors the library; each command opens the spool, calls, prints.

Expected failures (bad file, bad JSON, missing key, corrupt spool, unreachable endpoint) are
one-line messages with exit status 1; usage errors exit 2; tracebacks are bugs.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from ._config import ENV_API_KEY, ENV_BASE_URL, ENV_SPOOL_PATH, DeliveryConfig
from ._exceptions import ConfigError, ZeltoError
from ._format import (
    age,
    format_list_line,
    format_live_line,
    format_stats,
    parse_duration,
    parse_size,
)
from ._spool import Spool
from ._version import __version__

F = TypeVar("F", bound=Callable[..., Any])


def _errors(fn: F) -> F:
    """Turn library errors into one-line CLI errors."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ZeltoError as exc:
            raise click.ClickException(str(exc)) from None
        except OSError as exc:
            raise click.ClickException(f"{exc.strerror or exc}: {exc.filename or ''}") from None

    return wrapper  # type: ignore[return-value]


class _Duration(click.ParamType):  # type: ignore[type-arg]
    name = "duration"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        if isinstance(value, (int, float)):
            return float(value)
        try:
            return parse_duration(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


DURATION = _Duration()


class _HostPort(click.ParamType):  # type: ignore[type-arg]
    name = "host:port"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> tuple[str, int]:
        host, sep, port = str(value).rpartition(":")
        if not sep or not port.isdigit() or not 0 <= int(port) <= 65535:
            self.fail(f"{value!r} is not HOST:PORT (e.g. 0.0.0.0:9464)", param, ctx)
        return host.strip("[]") or "0.0.0.0", int(port)


class _Size(click.ParamType):  # type: ignore[type-arg]
    name = "size"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        try:
            return parse_size(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


def _spool(ctx: click.Context, *, must_exist: bool = False) -> Spool:
    path: Path = ctx.obj["spool_path"]
    if must_exist and not path.exists():
        raise click.ClickException(
            f"no spool at {path} (set --spool or {ENV_SPOOL_PATH}; it is created by the "
            "first enqueue, drain or run)"
        )
    return Spool(path)


def _delivery_options(fn: F) -> F:
    options = [
        click.option(
            "--base-url",
            envvar=ENV_BASE_URL,
            show_envvar=True,
            help="Zelto base URL (default https://api.zelto.ai).",
        ),
        click.option(
            "--api-key",
            envvar=ENV_API_KEY,
            show_envvar=True,
            show_default=False,
            help=f"Bearer key. Prefer the {ENV_API_KEY} variable: options show up in `ps`.",
        ),
        click.option("--concurrency", type=click.IntRange(1, 256), help="POSTs at once [8]."),
        click.option("--total-timeout", type=float, help="Seconds per attempt [30]."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def _config(base_url: str | None, api_key: str | None, **overrides: Any) -> DeliveryConfig:
    return DeliveryConfig.from_env(
        {},
        base_url=base_url,
        api_key=api_key,
        **{k: v for k, v in overrides.items() if v is not None},
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="zelto-spool")
@click.option(
    "--spool",
    "spool_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar=ENV_SPOOL_PATH,
    show_envvar=True,
    help="Spool file [default: $XDG_STATE_HOME/zelto/spool.db].",
)
@click.pass_context
def cli(ctx: click.Context, spool_path: Path | None) -> None:
    """Spool, inspect and deliver LiveKit calls to Zelto.

    Example:

        zelto-spool status
    """
    from ._config import default_spool_path

    ctx.ensure_object(dict)
    ctx.obj["spool_path"] = (spool_path or default_spool_path()).expanduser()


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object.")
@click.option("--check", is_flag=True, help="Exit 1 when unhealthy (paused, stale pending).")
@click.option(
    "--max-pending-age",
    type=DURATION,
    default="15m",
    show_default=True,
    help="With --check: oldest pending call older than this is unhealthy.",
)
@click.option(
    "--max-bytes",
    type=_Size(),
    envvar="ZELTO_SPOOL_MAX_BYTES",
    show_envvar=True,
    help="The disk cap to check against [1GiB].",
)
@click.pass_context
@_errors
def status(
    ctx: click.Context, as_json: bool, check: bool, max_pending_age: float, max_bytes: int | None
) -> None:
    """Counts per state, oldest pending age, last success and error, pause reason.

    `--check` exits 1 when paused, when the oldest pending call is older than
    `--max-pending-age`, or when the spool is over its disk cap.

    Example:

        zelto-spool status --check --max-pending-age 10m
    """
    _spool(ctx, must_exist=True)
    stats = Spool(ctx.obj["spool_path"], max_bytes=max_bytes).stats()
    problems = _health_problems(stats, max_pending_age)
    stats["healthy"] = not problems
    stats["problems"] = problems
    if as_json:
        click.echo(json.dumps(stats, indent=2, default=str))
    else:
        click.echo(format_stats(stats, now=time.time()))
    if check and problems:
        if not as_json:
            click.echo("unhealthy: " + "; ".join(problems), err=True)
        sys.exit(1)


def _health_problems(stats: dict[str, Any], max_pending_age: float) -> list[str]:
    problems = []
    if stats["paused"]:
        problems.append(f"paused: {stats['paused']}")
    oldest = stats["oldest_pending_age_s"]
    if oldest is not None and oldest > max_pending_age:
        problems.append(f"oldest pending call is {age(oldest)} old")
    if stats["over_cap"]:
        problems.append(
            f"spool is over its size cap ({stats['size_bytes']} > {stats['max_bytes']} bytes)"
        )
    return problems


@cli.command(name="list")
@click.option(
    "--state",
    type=click.Choice(["pending", "inflight", "delivered", "dead", "live"]),
    help="Only these; `live` lists calls in progress (snapshots, not the queue).",
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@click.option("--limit", type=click.IntRange(0), default=0, help="At most N rows (0: all).")
@click.pass_context
@_errors
def list_(ctx: click.Context, state: str | None, as_json: bool, limit: int) -> None:
    """One line per call, most recently changed first.

    Example:

        zelto-spool list --state dead
        zelto-spool list --state live
    """
    spool = _spool(ctx, must_exist=True)
    now = time.time()
    if state == "live":
        live = spool.live.rows()[: limit or None]
        if as_json:
            click.echo(json.dumps(live, indent=2))
        for row in [] if as_json else live:
            click.echo(format_live_line(row, now=now))
        return
    rows = spool.rows(state=state, limit=limit)
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        click.echo(format_list_line(row, now=now))


@cli.command()
@click.argument("call_id")
@click.option("--json", "as_json", is_flag=True, help="Print the row and payload as JSON.")
@click.pass_context
@_errors
def show(ctx: click.Context, call_id: str, as_json: bool) -> None:
    """Payload, versions, attempts and last error of one call.

    Example:

        zelto-spool show room-42
    """
    row = _spool(ctx, must_exist=True).show(call_id)
    if row is None:
        raise click.ClickException(f"no call {call_id!r} in the spool")
    if as_json:
        click.echo(json.dumps(row, indent=2, ensure_ascii=False))
        return
    payload = row.pop("payload")
    width = max(len(k) for k in row)
    for key, value in row.items():
        if value is not None:
            click.echo(f"{key:<{width}}  {value}")
    click.echo("payload:")
    click.echo(json.dumps(payload, indent=2, ensure_ascii=False))


@cli.command()
@click.argument("file", type=click.File("rb"))
@click.pass_context
@_errors
def enqueue(ctx: click.Context, file: Any) -> None:
    """Validate and spool payloads from FILE (or - for stdin).

    FILE holds one JSON object, a JSON array of objects, or JSON lines. Every payload is
    validated before any is written.

    Example:

        zelto-spool enqueue backfill.jsonl
    """
    from ._payload import prepare

    items = _read_payloads(file.read(), getattr(file, "name", "-"))
    spool = _spool(ctx)
    prepared = []
    for index, item in enumerate(items):
        try:
            prepared.append(prepare(item, max_bytes=spool.max_payload_bytes))
        except ZeltoError as exc:
            where = f"item {index + 1}: " if len(items) > 1 else ""
            raise click.ClickException(f"{where}{exc}") from None
    for call_id, body in prepared:
        queued = spool.enqueue_encoded(call_id, body)
        click.echo(f"queued {queued.call_id} (version {queued.version}, {queued.size} bytes)")


def _read_payloads(data: bytes, name: str) -> list[Any]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise click.ClickException(f"{name}: not UTF-8 text") from None
    if not text.strip():
        raise click.ClickException(f"{name}: empty input")
    try:
        value = json.loads(text)
    except json.JSONDecodeError as first:
        lines = [line for line in text.splitlines() if line.strip()]
        if len(lines) < 2:
            raise click.ClickException(f"{name}: not JSON ({first})") from None
        items = []
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise click.ClickException(f"{name}:{number}: not JSON ({exc})") from None
        return items
    return value if isinstance(value, list) else [value]


@cli.command()
@click.option(
    "--timeout",
    type=DURATION,
    default="60s",
    show_default=True,
    help="Give up after this long (0: no limit).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("-v", "--verbose", is_flag=True, help="Log every attempt to stderr.")
@_delivery_options
@click.pass_context
@_errors
def drain(
    ctx: click.Context,
    timeout: float,
    quiet: bool,
    verbose: bool,
    base_url: str | None,
    api_key: str | None,
    concurrency: int | None,
    total_timeout: float | None,
) -> None:
    """Send everything pending now, with progress.

    Exit 0 when nothing is left pending, 1 when calls remain (paused, timeout, down).

    Example:

        ZELTO_API_KEY=... zelto-spool drain --timeout 5m
    """
    from ._flusher import Flusher
    from ._logging import configure_logging

    configure_logging("INFO" if verbose else "ERROR")
    config = _config(base_url, api_key, concurrency=concurrency, total_timeout=total_timeout)
    spool = _spool(ctx)
    total = spool.undelivered()
    show_bar = not quiet and total > 0 and config.api_key is not None
    bar_cm: Any = (
        click.progressbar(length=total, label="draining", file=sys.stderr, show_pos=True)
        if show_bar
        else contextlib.nullcontext(None)
    )
    with bar_cm as bar:

        def progress(_claim: Any, outcome: Any, _latency: float) -> None:
            if bar is not None and outcome.kind in ("delivered", "dead"):
                bar.update(1)

        flusher = Flusher(spool, config, hooks=[progress])

        async def go() -> Any:
            try:
                return await flusher.drain(timeout=timeout or None)
            finally:
                await flusher.aclose()

        report = asyncio.run(go())
    click.echo(_drain_summary(report, spool))
    sys.exit(0 if report.ok else 1)


def _drain_summary(report: Any, spool: Spool) -> str:
    line = (
        f"drain: {report.delivered} delivered, {report.dead} dead, {report.retried} retries, "
        f"{report.remaining} left pending ({report.elapsed_s:.1f} s)"
    )
    if report.remaining:
        if report.paused:
            line += f"; paused: {report.paused}"
        else:
            last = spool.stats()["last_error"]
            if last:
                line += f"; last error: {last['error']}"
    return line


@cli.command()
@click.option(
    "--listen",
    type=_HostPort(),
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
@click.option(
    "--max-bytes",
    type=_Size(),
    envvar="ZELTO_SPOOL_MAX_BYTES",
    show_envvar=True,
    help="Disk cap: past it, delivered calls are evicted oldest first [1GiB].",
)
@click.option("--poll-interval", type=DURATION, default="2s", show_default=True)
@click.option(
    "--housekeeping-interval",
    type=DURATION,
    default="5s",
    show_default=True,
    help="How often to requeue rows of dead senders and reap calls of lost processes.",
)
@click.option(
    "--live-stale-after",
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
@click.option("--log-format", type=click.Choice(["text", "json"]), default="text")
@click.option("--log-level", default="INFO", show_default=True)
@_delivery_options
@click.pass_context
@_errors
def run(
    ctx: click.Context,
    listen: tuple[str, int] | None,
    livekit_api_key: str | None,
    livekit_api_secret: str | None,
    webhook_call_id: str,
    max_bytes: int | None,
    poll_interval: float,
    housekeeping_interval: float,
    live_stale_after: float,
    probe_interval: float,
    log_format: str,
    log_level: str,
    base_url: str | None,
    api_key: str | None,
    concurrency: int | None,
    total_timeout: float | None,
) -> None:
    """The sidecar: drain continuously, woken by spool changes; SIGTERM exits 0.

    Example:

        ZELTO_API_KEY=... zelto-spool --spool /var/lib/zelto/spool.db run --listen :9464
    """
    from ._logging import configure_logging
    from ._sidecar import Listen, run_sidecar

    configure_logging(log_level, log_format)
    config = _config(
        base_url,
        api_key,
        concurrency=concurrency,
        total_timeout=total_timeout,
        pause_probe_interval=probe_interval,
    )
    spool = Spool(ctx.obj["spool_path"], max_bytes=max_bytes)
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
            poll_interval=poll_interval,
            housekeeping_interval=housekeeping_interval,
            live_stale_after=live_stale_after,
            listen=served,
        )
    )
    sys.exit(code)


@cli.command()
@click.option("--since", type=DURATION, help="Only calls changed within this window.")
@click.option("--state", type=click.Choice(["delivered", "dead"]), help="Only these.")
@click.argument("call_ids", nargs=-1)
@click.pass_context
@_errors
def replay(
    ctx: click.Context, since: float | None, state: str | None, call_ids: tuple[str, ...]
) -> None:
    """Queue delivered or dead calls again, e.g. after Zelto lost data.

    Example:

        zelto-spool replay --since 12h
        zelto-spool replay --state dead
    """
    if since is None and state is None and not call_ids:
        raise click.UsageError("say what to replay: CALL_ID..., --state or --since")
    done = _spool(ctx, must_exist=True).replay(
        call_ids=list(call_ids) or None, state=state, since_s=since
    )
    missing = sorted(set(call_ids) - set(done))
    click.echo(f"queued {len(done)} call(s) again")
    if missing:
        raise click.ClickException(
            f"not replayed (unknown, purged or in flight): {', '.join(missing)}"
        )


@cli.command()
@click.option("--older-than", type=DURATION, help="Retention to apply [default: 7d, the spool's].")
@click.pass_context
@_errors
def purge(ctx: click.Context, older_than: float | None) -> None:
    """Drop delivered calls past retention. Pending and dead calls are never dropped.

    Example:

        zelto-spool purge --older-than 3d
    """
    spool = _spool(ctx, must_exist=True)
    count = spool.purge(older_than_s=older_than)
    window = age(older_than if older_than is not None else spool.retention_s)
    click.echo(f"purged {count} delivered call(s) older than {window}")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(0, 65535), default=8787, show_default=True)
@click.option(
    "--api-key",
    envvar=ENV_API_KEY,
    show_envvar=True,
    help="Key the receiver expects (default: any non-empty bearer).",
)
@click.option("--fault", help="Start in a fault mode: down, 5xx, 429:N, hang, slow:S, flaky:P...")
@_errors
def receiver(host: str, port: int, api_key: str | None, fault: str | None) -> None:
    """A local Zelto-compatible receiver that checks the contract and prints each call.

    Example:

        zelto-spool receiver --port 8787 --fault flaky:0.2
    """
    from ._receiver import serve_forever

    try:
        code = serve_forever(host=host, port=port, api_key=api_key, fault=fault)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    sys.exit(code)


def main() -> None:
    cli(prog_name="zelto-spool")
