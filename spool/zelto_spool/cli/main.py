"""`zelto-spool`: the CLI mirrors the library; each command opens the spool, calls, prints.

Expected failures (bad file, bad JSON, missing key, corrupt spool, unreachable endpoint) are
one-line messages with exit status 1; usage errors exit 2; tracebacks are bugs. The sending
commands (drain, run, receiver) live in `cli/send.py`.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import time
from pathlib import Path
from typing import Any

import click

from .._version import __version__
from ..config import ENV_SPOOL_PATH
from ..errors import ZeltoError
from ..sidecar.health import verdict
from ..store.home import HELD_AT
from ..store.spool import Spool
from ..text import (
    TIME_COLUMNS,
    age,
    format_stats,
    format_table,
    printable,
    printable_json,
    when,
)
from .common import DURATION, RETENTION, errors, max_bytes_option, open_spool, spool_option
from .send import drain, receiver, run


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="zelto-spool")
@click.option(
    "--spool",
    "spool_path",
    type=click.Path(path_type=Path),  # checked in open_spool: one-line errors, exit 1
    envvar=ENV_SPOOL_PATH,
    show_envvar=True,
    help="Spool file [default: $XDG_STATE_HOME/zelto/spool.db].",
)
@click.pass_context
@errors
def cli(ctx: click.Context, spool_path: Path | None) -> None:
    """Spool, inspect and deliver LiveKit calls to Zelto.

    Example:

    \b
        zelto-spool status
    """
    from ..config import default_spool_path, expand_path

    _no_core_dumps()
    ctx.ensure_object(dict)
    ctx.obj["spool_path"] = expand_path(spool_path) if spool_path else default_spool_path()


def _no_core_dumps() -> None:
    """A crash writes no core file: it would hold ZELTO_API_KEY (and the calls being sent) on
    disk. The soft limit only; systemd-coredump honours it too."""
    try:
        import resource

        _, hard = resource.getrlimit(resource.RLIMIT_CORE)
        resource.setrlimit(resource.RLIMIT_CORE, (0, hard))
    except (ImportError, OSError, ValueError):  # no `resource` (Windows): nothing to turn off
        pass


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object.")
@click.option(
    "--check",
    is_flag=True,
    help=(
        "Exit 1 when unhealthy: paused, stale pending, over the cap, the disk nearly full, "
        "a damaged spool set aside."
    ),
)
@click.option(
    "--max-pending-age",
    type=DURATION,
    default="15m",
    show_default=True,
    help="With --check: oldest pending call older than this is unhealthy.",
)
@max_bytes_option("The disk cap to check against [1GiB].")
@spool_option
@click.pass_context
@errors
def status(
    ctx: click.Context, as_json: bool, check: bool, max_pending_age: float, max_bytes: int | None
) -> None:
    """Counts per state, oldest pending age, last success and error, pause reason.

    `--check` exits 1 when paused, when the oldest pending call is older than
    `--max-pending-age`, when the spool is over its disk cap or its filesystem has under
    16 MiB free, or while a damaged spool set aside next to it (`*.corrupt-*`) is still
    there: the verdict `/healthz` gives.

    Example:

    \b
        zelto-spool status --check --max-pending-age 10m
    """
    open_spool(ctx, must_exist=True)
    stats = Spool(ctx.obj["spool_path"], max_bytes=max_bytes, upgrade=False).stats()
    problems = list(verdict(stats, max_pending_age_s=max_pending_age).problems)
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


@cli.command(name="list")
@click.option(
    "--state",
    type=click.Choice(["pending", "inflight", "delivered", "dead", "live"]),
    help="Only these; `live` lists calls in progress (snapshots, not the queue).",
)
@click.option("--table", "fmt", flag_value="table", default=True, help="Aligned columns [default].")
@click.option("--json", "fmt", flag_value="json", help="Print a JSON array of rows.")
@click.option("--nl", "fmt", flag_value="nl", help="Print one JSON object per line.")
@click.option("--csv", "fmt", flag_value="csv", help="Print CSV with a header row.")
@click.option("--limit", type=click.IntRange(0), default=0, help="At most N rows (0: all).")
@spool_option
@click.pass_context
@errors
def list_(ctx: click.Context, state: str | None, fmt: str, limit: int) -> None:
    """Calls, most recently changed first.

    The table shows ages and escapes control characters in call ids and errors; --json, --nl
    and --csv print every column exactly, times as Unix seconds.

    Example:

    \b
        zelto-spool list --state dead
        zelto-spool list --state live
        zelto-spool list --nl | jq .call_id
    """
    spool = open_spool(ctx, must_exist=True, upgrade=False)
    live = state == "live"
    rows = (
        spool.live.rows()[: limit or None] if live else spool.upkeep.rows(state=state, limit=limit)
    )
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2))
    elif fmt == "nl":
        for row in rows:
            click.echo(json.dumps(row))
    elif fmt == "csv":
        click.echo(_csv(rows), nl=False)
    elif rows:
        click.echo(format_table(rows, now=time.time(), live=live, held_at=HELD_AT))
    else:  # the table says so; the machine formats stay empty (`[]`, no line, no header)
        click.echo(f"no {state or ''} calls".replace("  ", " "), err=True)


def _csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return out.getvalue()


@cli.command()
@click.argument("call_id")
@click.option("--json", "as_json", is_flag=True, help="Print the row and payload as JSON.")
@click.option(
    "--payload",
    "payload_only",
    is_flag=True,
    help="Print only the newest payload, ready to edit and `enqueue` again.",
)
@spool_option
@click.pass_context
@errors
def show(ctx: click.Context, call_id: str, as_json: bool, payload_only: bool) -> None:
    """Payload, versions, attempts and last error of one call.

    Times are ISO-8601 UTC with how long ago (or how soon); --json prints Unix seconds.

    Example:

    \b
        zelto-spool show room-42
        zelto-spool show room-42 --payload > fixed.json
    """
    row = open_spool(ctx, must_exist=True, upgrade=False).show(call_id)
    if row is None:
        raise click.ClickException(f"no call {call_id!r} in the spool")  # repr escapes
    if row["payload"] is None and payload_only:
        raise click.ClickException(
            f"the payload of {call_id!r} is gone: dropped after delivery (retention)"
        )
    if payload_only:
        click.echo(json.dumps(row["payload"], indent=2, ensure_ascii=False))
        return
    if as_json:
        click.echo(json.dumps(row, indent=2, ensure_ascii=False))
        return
    payload = row.pop("payload")
    width = max(len(k) for k in row)
    now = time.time()
    for key, value in row.items():
        if value is not None:
            text = when(value, now) if key in TIME_COLUMNS else printable(value)
            click.echo(f"{key:<{width}}  {text}")
    if payload is None:
        click.echo("payload: gone (dropped after delivery: retention)")
        return
    click.echo("payload:")
    click.echo(printable_json(json.dumps(payload, indent=2, ensure_ascii=False)))


@cli.command()
@click.argument("file", type=click.Path(allow_dash=True, path_type=str))
@spool_option
@click.pass_context
@errors
def enqueue(ctx: click.Context, file: str) -> None:
    """Validate and spool payloads from FILE (or - for stdin).

    FILE holds one JSON object, a JSON array of objects, or JSON lines. Every payload is
    validated before any is written.

    Example:

    \b
        zelto-spool enqueue backfill.jsonl
    """
    from ..payload import prepare

    if file == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(file, "rb") as fh:  # OSError: one line through @errors
            data = fh.read()
    items = _read_payloads(data, file)
    spool = open_spool(ctx)
    prepared = []
    for index, item in enumerate(items):
        try:
            prepared.append(prepare(item, max_bytes=spool.max_payload_bytes))
        except ZeltoError as exc:
            where = f"item {index + 1}: " if len(items) > 1 else ""
            raise click.ClickException(f"{where}{exc}") from None
    for call_id, body in prepared:
        queued = spool.enqueue_encoded(call_id, body)
        call = printable(queued.call_id)
        click.echo(f"queued {call} (version {queued.version}, {queued.size} bytes)")


def _read_payloads(data: bytes, name: str) -> list[Any]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise click.ClickException(f"{name}: not UTF-8 text") from None
    if not text.strip():
        raise click.ClickException(f"{name}: empty input")
    try:
        value = json.loads(text)
    except RecursionError:
        raise click.ClickException(f"{name}: JSON nested too deeply to parse") from None
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
            except RecursionError:
                raise click.ClickException(
                    f"{name}:{number}: JSON nested too deeply to parse"
                ) from None
            except json.JSONDecodeError as exc:
                raise click.ClickException(f"{name}:{number}: not JSON ({exc})") from None
        return items
    if value == []:
        raise click.ClickException(f"{name}: an empty list, no payloads")
    return value if isinstance(value, list) else [value]


@cli.command()
@click.option("--since", type=DURATION, help="Only calls changed within this window.")
@click.option("--state", type=click.Choice(["delivered", "dead"]), help="Only these.")
@click.argument("call_ids", nargs=-1)
@spool_option
@click.pass_context
@errors
def replay(
    ctx: click.Context, since: float | None, state: str | None, call_ids: tuple[str, ...]
) -> None:
    """Queue delivered or dead calls again, e.g. after Zelto lost data.

    Example:

    \b
        zelto-spool replay --since 12h
        zelto-spool replay --state dead
    """
    if since is None and state is None and not call_ids:
        raise click.UsageError("say what to replay: CALL_ID..., --state or --since")
    spool = open_spool(ctx, must_exist=True)
    done = spool.upkeep.replay(call_ids=list(call_ids) or None, state=state, since_s=since)
    missing = sorted(set(call_ids) - set(done))
    click.echo(f"queued {len(done)} call(s) again")
    held = spool.upkeep.held(done)
    if held:
        click.echo(
            f"{len(held)} of them held, not sent (this spool was restored or copied, and they "
            f"are built on what it had then): {printable(', '.join(held))}; check them, then "
            "run `zelto-spool release-restored CALL_ID...`"
        )
    gone = spool.upkeep.without_payload(missing)
    missing = [c for c in missing if c not in gone]
    problems = []
    if gone:
        problems.append(
            "not replayed, their payload is gone (dropped after delivery by the retention "
            f"window, ZELTO_SPOOL_RETENTION): {printable(', '.join(gone))}"
        )
    if missing:
        problems.append(
            f"not replayed (unknown, purged or in flight): {printable(', '.join(missing))}"
        )
    if problems:
        raise click.ClickException("; ".join(problems))


@cli.command()
@click.option(
    "--older-than",
    type=RETENTION,
    help="Retention to apply [default: $ZELTO_SPOOL_RETENTION or 7d].",
)
@spool_option
@click.pass_context
@errors
def purge(ctx: click.Context, older_than: float | None) -> None:
    """Drop delivered calls' payloads past retention. Pending and dead calls are never dropped.

    The rows of purged calls (no payload) stay 7 days at least, so `show` and `replay`
    can say the call was delivered and its payload is gone.

    Example:

    \b
        zelto-spool purge --older-than 3d
    """
    spool = open_spool(ctx, must_exist=True)
    count = spool.upkeep.purge(older_than_s=older_than)
    window = age(older_than if older_than is not None else spool.retention_s)
    click.echo(f"purged {count} delivered call(s) older than {window}")


@cli.command(name="release-restored")
@click.argument("call_ids", nargs=-1)
@click.option(
    "--dead",
    is_flag=True,
    help="Dead-letter them instead of sending them (`replay` queues them again).",
)
@spool_option
@click.pass_context
@errors
def release_restored(ctx: click.Context, call_ids: tuple[str, ...], dead: bool) -> None:
    """Send the calls held since this spool was found restored from a backup or copied.

    A restored or copied spool may hold versions older than ones Zelto already has; its
    unsent calls are held (status, /healthz and the log say so) until you check them (`list
    --state pending`, `show`) and release them. Without CALL_IDs: every held call, and the
    calls made from the snapshots of calls that were in progress. `--dead` dead-letters
    them instead, for calls Zelto already has in a newer version. See 'Backups and restores'
    in docs/operations.md.

    Example:

    \b
        zelto-spool release-restored --dead room-41
        zelto-spool release-restored room-42
        zelto-spool release-restored
    """
    spool = open_spool(ctx, must_exist=True)
    done = spool.release_restored(list(call_ids) or None, dead=dead)
    click.echo(f"{'dead-lettered' if dead else 'released'} {len(done)} held call(s)")
    missing = sorted(set(call_ids) - set(done))
    if missing:
        raise click.ClickException(f"not held: {printable(', '.join(missing))}")


cli.add_command(drain)
cli.add_command(run)
cli.add_command(receiver)


def main() -> None:
    from ..logs import configure_logging

    configure_logging("ERROR")  # library errors (a corrupt spool set aside...) reach stderr
    cli(prog_name="zelto-spool")
