"""Human-readable formatting for the CLI: durations, ages, status and list lines."""

from __future__ import annotations

import math
import re
import time
from typing import Any

__all__ = [
    "age",
    "format_list_line",
    "format_live_line",
    "format_stats",
    "parse_duration",
    "parse_size",
]

_UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0, "w": 604800.0}
_PART = re.compile(r"(\d+(?:\.\d+)?)(ms|s|m|h|d|w)")


def parse_duration(text: str) -> float:
    """`90`, `90s`, `15m`, `2h30m`, `7d` -> seconds. Raises ValueError with a clear message."""
    value = text.strip().lower()
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        if seconds < 0 or not math.isfinite(seconds):
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


_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)?")
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


def _when(stamp: float | None, now: float) -> str:
    if stamp is None:
        return "never"
    text = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(stamp))
    return f"{text} ({age(now - stamp)} ago)"


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
        pending += f"  (oldest {age(stats['oldest_pending_age_s'])}"
        nxt = stats.get("next_attempt_in_s")
        if nxt is not None:
            pending += ", next attempt now" if nxt <= 0 else f", next attempt in {age(nxt)}"
        pending += ")"
    lines.append(pending)
    for state in ("inflight", "delivered", "dead"):
        lines.append(f"{state:<10} {stats[state]}")
    lines.append(f"live       {stats.get('live', 0)}  (calls in progress with a snapshot)")
    lines.append(f"reaped     {stats.get('reaped', 0)}  (calls of agent processes lost mid-call)")
    lines.append(f"paused     {stats['paused'] or 'no'}")
    if stats.get("over_cap"):
        lines.append(
            f"disk cap   OVER: {_size(stats['size_bytes'])} > {_size(stats['max_bytes'])}; "
            "delivered calls are evicted first, pending calls are never dropped"
        )
    lines.append(f"last sent  {_when(stats['last_success_at'], now)}")
    last = stats["last_error"]
    if last:
        status = f"HTTP {last['status']} " if last["status"] else ""
        lines.append(f"last error {status}call {last['call_id']}: {last['error']}")
    for moved in stats.get("corrupt_files", []):
        lines.append(f"corrupt    a damaged spool was set aside at {moved} (kept for salvage)")
    return "\n".join(lines)


def format_list_line(row: dict[str, Any], *, now: float) -> str:
    since = row["pending_since"] if row["state"] in ("pending", "inflight") else row["updated_at"]
    parts = [
        f"{row['state']:<9}",
        row["call_id"],
        f"v{row['version']}",
        f"attempts={row['attempts']}",
        f"age={age(now - since) if since else '-'}",
    ]
    if row["state"] == "pending" and row["next_attempt_at"] > now:
        parts.append(f"next_in={age(row['next_attempt_at'] - now)}")
    if row["last_status"] is not None and row["state"] != "delivered":
        parts.append(f"status={row['last_status']}")
    if row["last_error"] and row["state"] != "delivered":
        error = " ".join(str(row["last_error"]).split())
        parts.append(f"error={error[:120]}")
    return "  ".join(parts)


def format_live_line(row: dict[str, Any], *, now: float) -> str:
    owner = str(row["owner_host"]).split("|", 1)[0]
    return "  ".join(
        [
            f"{'closed' if row['closed'] else 'live':<9}",
            row["call_id"],
            f"job={row['job_id']}",
            f"turns={row['turns']}",
            f"age={age(now - row['started_at'])}",
            f"updated={age(now - row['updated_at'])} ago",
            f"owner={owner}:{row['owner_pid']}",
        ]
    )
