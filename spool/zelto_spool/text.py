"""Text for people: durations and sizes parsed (the CLI and the environment), ages, status and
list lines, and escaping for terminals."""

from __future__ import annotations

import json
import math
import re
import time
from typing import Any

__all__ = [
    "TIME_COLUMNS",
    "age",
    "format_stats",
    "format_table",
    "parse_duration",
    "parse_size",
    "printable",
    "printable_json",
    "rate_and_eta",
    "when",
]

_UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0, "w": 604800.0}
_PART = re.compile(r"([0-9]+(?:\.[0-9]+)?)(ms|s|m|h|d|w)")
_BARE = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def parse_duration(text: str, *, unit_required: bool = False) -> float:
    """`90`, `90s`, `15m`, `2h30m`, `7d` -> seconds. Raises ValueError with a clear message.

    Digits are ASCII only (no signs, exponents or other scripts' digits). A bare number is
    seconds, unless `unit_required`: then only `0` may go without a unit (a retention of `7`
    meant as 7 days would drop every delivered transcript after 7 seconds).
    """
    value = text.strip().lower()
    if _BARE.fullmatch(value):
        seconds = float(value)
        if unit_required and seconds != 0:
            raise ValueError(f"{text!r} needs a unit: write e.g. {value}d or {value}s")
        if not math.isfinite(seconds):
            raise ValueError(f"{text!r} is not a duration (use e.g. 90s, 15m, 2h, 7d)")
        return seconds
    pos, total = 0, 0.0
    for match in _PART.finditer(value):
        if match.start() != pos:
            break
        total += float(match.group(1)) * _UNITS[match.group(2)]
        pos = match.end()
    if pos != len(value) or not value or not math.isfinite(total):
        raise ValueError(f"{text!r} is not a duration (use e.g. 90s, 15m, 2h, 7d)")
    return total


_SIZE = re.compile(r"([0-9]+(?:\.[0-9]+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)?")
_SIZE_UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}


def parse_size(text: str) -> int:
    """`1073741824`, `500MB`, `1GiB`, `2g` -> bytes (binary units). ValueError otherwise."""
    match = _SIZE.fullmatch(text.strip().lower())
    if not match:
        raise ValueError(f"{text!r} is not a size (use e.g. 500MiB, 1GiB, 2g)")
    unit = (match.group(2) or "")[:1]
    value = int(float(match.group(1)) * _SIZE_UNITS[unit])
    if value <= 0:
        raise ValueError(f"{text!r} is not a positive size")
    return value


def age(seconds: float | None) -> str:
    """3s, 4m12s, 2h05m, 3d04h."""
    if seconds is None:
        return "-"
    s = int(max(0.0, seconds))
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m{s % 60:02d}s"
    if s < 86400:
        return f"{s // 3600}h{s % 3600 // 60:02d}m"
    return f"{s // 86400}d{s % 86400 // 3600:02d}h"


def when(stamp: float | None, now: float) -> str:
    """`2026-11-30T16:20:47Z (3m05s ago)`, or `(in 2m00s)` for a time still ahead."""
    if stamp is None:
        return "never"
    text = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(stamp))
    if stamp > now:
        return f"{text} (in {age(stamp - now)})"
    return f"{text} ({age(now - stamp)} ago)"


def printable(text: object) -> str:
    """`text` with terminal controls and bidi overrides escaped (`\\x1b`, `\\u202e`)."""
    value = str(text)
    if value.isprintable():
        return value
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in value)


def printable_json(text: str) -> str:
    """JSON text with every non-printable character as a `\\u` escape: the same JSON value,
    safe on a terminal (`json.dumps(ensure_ascii=False)` leaves C1 controls and bidi raw)."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == "\n" else json.dumps(c)[1:-1] for c in text)


def rate_and_eta(done: int, total: int, elapsed_s: float) -> str:
    """`drain`'s progress note: `12.5 calls/s, ETA 1m04s` (empty until a call is done)."""
    if done <= 0 or elapsed_s <= 0:
        return ""
    rate = done / elapsed_s
    return f"{rate:.1f} calls/s, ETA {age(max(0, total - done) / rate)}"


def _size(n: int) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n} B"


def format_stats(stats: dict[str, Any], *, now: float) -> str:
    lines = [f"spool      {stats['path']} ({_size(stats['size_bytes'])})"]
    pending = f"pending    {stats['pending']}"
    if stats["oldest_pending_age_s"] is not None:
        oldest = stats["oldest_pending_age_s"]
        # negative: written in the future, so the clock stepped back; shown, never as 0s
        shown = age(oldest) if oldest >= 0 else f"-{age(-oldest)}, clock behind the spool"
        pending += f"  (oldest {shown}"
        nxt = stats.get("next_attempt_in_s")
        if stats.get("paused"):
            pending += ", sending paused: see below"
        elif nxt is not None:
            pending += ", next attempt now" if nxt <= 0 else f", next attempt in {age(nxt)}"
        pending += ")"
    lines.append(pending)
    overdue = stats.get("overdue_s")
    if overdue is not None and overdue >= IDLE_SENDER_S:
        lines.append(
            f"           due for {age(overdue)} and not tried: no process is sending. Is "
            "`zelto-spool run` running, with ZELTO_API_KEY set? (without a sidecar, calls go "
            "when jobs end; a worker without the key sends none)"
        )
    for state in ("inflight", "delivered", "dead"):
        lines.append(f"{state:<10} {stats[state]}")
    lines.append(f"live       {stats.get('live', 0)}  (calls in progress with a snapshot)")
    lines.append(f"reaped     {stats.get('reaped', 0)}  (calls of agent processes lost mid-call)")
    lines.append(f"paused     {printable(stats['paused'] or 'no')}")
    if stats.get("restored") and (stats["held"] or stats.get("held_live")):
        lines.append(
            f"held       {stats['held']}  (not sent: {printable(stats['restored'])}; check "
            "them, then run `zelto-spool release-restored`)"
        )
    elif stats.get("restored"):
        lines.append(
            f"held       0  (restored: {printable(stats['restored'])}; a newer version of a "
            "call it had is held until `zelto-spool release-restored`)"
        )
    recordings = stats.get("recordings") or {}
    leftovers = stats.get("recording_leftovers") or {}
    if recordings.get("pending") or recordings.get("missing") or leftovers.get("files"):
        lines.append(
            f"recordings {recordings.get('pending', 0)} to upload "
            f"({_size(stats.get('recording_bytes', 0) - leftovers.get('bytes', 0))})"
            + (f", {recordings['missing']} missing" if recordings.get("missing") else "")
            + (
                f"; oldest waits {age(stats['oldest_recording_age_s'])}"
                if stats.get("oldest_recording_age_s") is not None
                else ""
            )
            + (
                f"; last error: {printable(stats['recording_error'])}"
                if stats.get("recording_error")
                else ""
            )
            + (
                f"; {leftovers['files']} leftover file(s) ({_size(leftovers['bytes'])}) no "
                "upload waits for, removed at the next upkeep"
                if leftovers.get("files")
                else ""
            )
        )
    if stats.get("over_cap"):
        lines.append(
            f"disk cap   OVER: {_size(stats['size_bytes'])} > {_size(stats['max_bytes'])}; "
            "delivered calls are evicted first, pending calls are never dropped"
        )
    if stats.get("disk_low"):
        lines.append(
            f"disk       NEARLY FULL: {_size(stats['disk_free_bytes'])} free on the spool's "
            "filesystem; new calls and outcomes may not be written"
        )
    lines.append(f"last sent  {when(stats['last_success_at'], now)}")
    last = stats["last_error"]
    if last:
        status = f"HTTP {last['status']} " if last["status"] else ""
        call_id, error = printable(last["call_id"]), printable(last["error"])
        lines.append(f"last error {status}call {call_id}: {error}")
    for moved in stats.get("corrupt_files", []):
        where = printable(moved)
        lines.append(f"corrupt    a damaged spool was set aside at {where} (kept for salvage)")
    return "\n".join(lines)


def format_table(
    rows: list[dict[str, Any]], *, now: float, live: bool = False, held_at: float = float("inf")
) -> str:
    """`list`'s aligned columns (tabulate's `simple` format, as sqlite-utils `--table`), with
    call ids and errors escaped and times as ages; a call due at or after `held_at` (a restored
    spool's hold) shows `held` as its next attempt, not a countdown of centuries."""
    from tabulate import tabulate

    cells = [_live_cells(row, now) if live else _row_cells(row, now, held_at) for row in rows]
    headers = _LIVE_HEADERS if live else _ROW_HEADERS
    return str(tabulate(cells, headers=headers, tablefmt="simple", disable_numparse=True))


def _next_in(state: str, due: float, now: float, held_at: float) -> str:
    if state != "pending" or due <= now:
        return ""
    return "held" if due >= held_at else age(due - now)


# the columns of `Spool.upkeep.rows()` that are Unix times (`show` prints them as ISO-8601 UTC)
TIME_COLUMNS = frozenset(
    {
        "next_attempt_at",
        "first_enqueued_at",
        "enqueued_at",
        "pending_since",
        "updated_at",
        "delivered_at",
        "last_attempt_at",
        "lease_expires",
    }
)
_ROW_HEADERS = ("state", "call_id", "version", "attempts", "age", "next_in", "status", "error")
_LIVE_HEADERS = ("state", "call_id", "job", "turns", "age", "updated", "owner")
ERROR_WIDTH = 120
# a call due this long and not tried: no process is sending (a sender with the key tries a due
# call within seconds; its timer wakes it at least once a minute)
IDLE_SENDER_S = 300.0


def _row_cells(row: dict[str, Any], now: float, held_at: float) -> list[str]:
    state = row["state"]
    since = row["pending_since"] if state in ("pending", "inflight") else row["updated_at"]
    due = row["next_attempt_at"]
    failed = state != "delivered"
    error = printable(" ".join(str(row["last_error"] or "").split())) if failed else ""
    if len(error) > ERROR_WIDTH:
        error = error[: ERROR_WIDTH - 3] + "..."
    return [
        state,
        printable(row["call_id"]),
        f"v{row['version']}",
        str(row["attempts"]),
        age(now - since) if since else "-",
        _next_in(state, due, now, held_at),
        str(row["last_status"]) if failed and row["last_status"] is not None else "",
        error,
    ]


def _live_cells(row: dict[str, Any], now: float) -> list[str]:
    owner = str(row["owner_host"]).split("|", 1)[0]
    return [
        "closed" if row["closed"] else "live",
        printable(row["call_id"]),
        printable(row["job_id"]),
        str(row["turns"]),
        age(now - row["started_at"]),
        f"{age(now - row['updated_at'])} ago",
        printable(f"{owner}:{row['owner_pid']}"),
    ]
