"""The one health verdict, shared by `status --check` and the sidecar's `/healthz`.

A pure function over `Spool.stats()` and thresholds, so the CLI and the sidecar cannot
disagree. Unhealthy means an operator should look:

- sending is paused (401/403/404 about the key, or no key);
- the oldest pending call waited longer than `max_pending_age_s` (a stale backlog);
- the oldest pending call was written in the future (a negative age beyond
  `CLOCK_STEP_ALARM_S`): the wall clock was stepped back, or a process writing the spool runs
  ahead. Due calls are still sent (`claim._DUE`), but ages, backoffs and retention
  are off by the step: an alarm, never clamped to zero;
- the spool is over its disk cap (pending calls are kept, delivered ones evicted early);
- a damaged spool was set aside next to this one (`<name>.corrupt-*`) and is still there:
  it may hold calls that were not salvaged. The operator deals with it by salvaging what
  they need and moving the file out of the spool's directory (or deleting it);
- the spool was restored from a backup or copied, and its unsent calls are held until the
  operator checks them and runs `zelto-spool release-restored` (`store/home.py`);
- the sidecar's flusher stopped (only the sidecar knows; `status` passes None).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..text import age

__all__ = [
    "CLOCK_STEP_ALARM_S",
    "DEFAULT_MAX_PENDING_AGE_S",
    "Verdict",
    "set_aside_problem",
    "verdict",
]

DEFAULT_MAX_PENDING_AGE_S = 15 * 60.0
CLOCK_STEP_ALARM_S = 5.0  # processes writing one spool share a host, hence a clock


@dataclass(frozen=True, kw_only=True)
class Verdict:
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def text(self) -> str:
        return "ok" if self.ok else "unhealthy: " + "; ".join(self.problems)


def verdict(
    stats: Mapping[str, Any],
    *,
    max_pending_age_s: float = DEFAULT_MAX_PENDING_AGE_S,
    flusher_running: bool | None = None,
    flusher_starting: bool = False,
    spool_trouble: str | None = None,
) -> Verdict:
    """Every reason the spool (and the sidecar, when `flusher_running` is given) is unhealthy.
    `flusher_starting`: the sidecar is still opening the spool (its server answers first)."""
    problems: list[str] = []
    if flusher_starting:
        problems.append("starting: the spool is being opened, the flusher has not begun")
    elif flusher_running is False:
        problems.append("flusher stopped")
    if spool_trouble:
        problems.append(f"the sender cannot use the spool: {spool_trouble}")
    if stats.get("restored") and (stats.get("held") or stats.get("held_live")):
        problems.append(
            f"{stats['restored']} {stats.get('held', 0)} unsent call(s) are held; "
            "check them, then run `zelto-spool release-restored`"
        )
    if stats.get("paused"):
        problems.append(f"paused: {stats['paused']}")
    oldest = stats.get("oldest_pending_age_s")
    if oldest is not None and oldest > max_pending_age_s:
        problems.append(
            f"oldest pending call is {age(oldest)} old (limit {age(max_pending_age_s)})"
        )
    waiting = stats.get("oldest_recording_age_s")
    if waiting is not None and waiting > max_pending_age_s:
        error = stats.get("recording_error")
        problems.append(
            f"oldest recording waiting for upload is {age(waiting)} old (limit "
            f"{age(max_pending_age_s)})" + (f": {error}" if error else "")
        )
    if oldest is not None and oldest < -CLOCK_STEP_ALARM_S:
        problems.append(
            f"the clock is {age(-oldest)} behind the spool: the oldest pending call was "
            "written in the future (the wall clock was stepped back, or a process writing "
            "the spool runs ahead); due calls are still sent, ages and backoffs are off"
        )
    if stats.get("over_cap"):
        problems.append(
            f"spool is over its size cap ({stats['size_bytes']} > {stats['max_bytes']} bytes)"
        )
    if stats.get("disk_low"):
        problems.append(
            f"the spool's filesystem is nearly full ({stats['disk_free_bytes']} bytes free): "
            "new calls and outcomes may not be written until space is freed"
        )
    set_aside = set_aside_problem(stats.get("corrupt_files") or ())
    if set_aside:
        problems.append(set_aside)
    return Verdict(problems=tuple(problems))


def set_aside_problem(corrupt: Sequence[str]) -> str | None:
    """What a damaged spool set aside beside this one means, while it is there (`drain`
    says it too: its "0 left pending" is not the whole story then)."""
    if not corrupt:
        return None
    return (
        f"a damaged spool was set aside and may hold unsalvaged calls: {corrupt[0]}"
        + (f" (and {len(corrupt) - 1} more)" if len(corrupt) > 1 else "")
        + "; salvage what you need, then move it out of the spool's directory"
    )
