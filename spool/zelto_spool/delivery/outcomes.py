"""Recording what sends did: one transaction per batch of outcomes, then their after-effects.

The one place an outcome becomes a row's new state. A batch holds finished sends (`Sent`: a
claim, its outcome, the POST's latency) and rows handed back unsent (`Unsent`: a lease that
ran out before the send, a send interrupted by shutdown or a deadline, a row claimed ahead
and not needed). `Outcomes.record` runs on the spool thread: every mark of the batch in one
transaction (`Spool.apply`), then per outcome the after-effects: the report's counts, the log
line, the gate (pause, resume, probe). `Outcomes.hooks_for` runs the caller's outcome hooks on the
event loop, after the record.

What an outcome records:
- delivered: `Mark.delivered`; a newer version spooled meanwhile leaves the row pending.
- retry: `Mark.retry`, due after `next_delay` (full jitter, or Zelto's Retry-After).
- dead: `Mark.dead`.
- pause: the spool is paused and the row goes back to the end of the queue, the attempt
  not counted, so the next probe tries another call.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..config import DeliveryConfig
from ..logs import library_logger
from .claim import Claim, Leases, Mark
from .pause import Gate
from .retry import SendOutcome, next_delay

__all__ = [
    "INTERRUPTED",
    "LEASE_RAN_OUT",
    "DrainReport",
    "OutcomeHook",
    "Outcomes",
    "Sent",
    "Unsent",
    "not_recorded",
]

logger = library_logger(__name__)  # or the plugin's logger in a worker

OutcomeHook = Callable[[Claim, SendOutcome, float], None]

LEASE_RAN_OUT = "lease ran out before the send (the process stalled); not sent"
INTERRUPTED = "send interrupted (shutdown or deadline)"


@dataclass
class DrainReport:
    """What a flusher did. `remaining` counts pending + inflight rows left in the spool."""

    delivered: int = 0
    retried: int = 0
    dead: int = 0
    superseded: int = 0
    paused: str | None = None
    remaining: int = 0
    elapsed_s: float = 0.0
    outcomes: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.remaining == 0

    def tally(self, stats: dict[str, Any]) -> None:
        """At the end of a drain: what is left in the spool (`Spool.stats()`), and why."""
        self.remaining = int(stats["pending"] + stats["inflight"])
        if stats["paused"] is not None and self.remaining:
            self.paused = stats["paused"]


@dataclass(frozen=True, slots=True)
class Sent:
    """A finished attempt, to record."""

    claim: Claim
    outcome: SendOutcome
    latency: float
    # the caller's budget (a job's deliver budget) cut the attempt short after Zelto took the
    # request: it may still apply it, so the call waits for the lease (`Mark.release`)
    in_doubt: bool = False


@dataclass(frozen=True, slots=True)
class Unsent:
    """A claimed row handed back without an attempt: the attempt is not counted. `error`
    (None: keep the row's last error) is stored as the row's last error."""

    claim: Claim
    error: str | None
    in_doubt: bool = False  # cut off mid-send: not due before its lease ends (`Mark.release`)


class Outcomes:
    """Writes outcomes to the spool and applies their after-effects (see the module doc).

    Not "recorder": LiveKit's session has a `RecorderIO` (its audio recording)."""

    def __init__(
        self,
        leases: Leases,
        config: DeliveryConfig,
        gate: Gate,
        *,
        hooks: Iterable[OutcomeHook],
        clock: Callable[[], float],
        rng: random.Random,
    ) -> None:
        self.leases = leases
        self.spool = leases.spool
        self.config = config
        self.gate = gate
        self.hooks = list(hooks)
        self.report = DrainReport()
        self._clock = clock
        self._rng = rng
        # rowid -> attempts before `restart_backoff`; None: back off over the row's count
        self._counted_before: dict[int, int] | None = None

    def restart_backoff(self) -> None:
        """From now on back off from each row's next attempt as if it were its first (`drain`
        after `make_due`), while the row's count keeps counting every attempt."""
        self._counted_before = {}

    def record(self, sent: Sequence[Sent], unsent: Sequence[Unsent] = ()) -> None:
        """On the spool thread: all the marks in one transaction, then the after-effects."""
        if not sent and not unsent:
            return
        now = self._clock()
        marks = [Mark.release(u.claim, error=u.error, in_doubt=u.in_doubt) for u in unsent]
        delays_s: list[float | None] = []
        for s in sent:
            mark, delay_s = self._mark(s.claim, s.outcome, now, in_doubt=s.in_doubt)
            marks.append(mark)
            delays_s.append(delay_s)
        states = self.leases.apply(marks)
        for u, state in zip(unsent, states, strict=False):
            if u.error == LEASE_RAN_OUT:
                logger.warning(
                    "lease ran out before the send; call not sent",
                    extra={"call_id": u.claim.call_id, "version": u.claim.version, "state": state},
                )
        for s, state, delay_s in zip(sent, states[len(unsent) :], delays_s, strict=True):
            self._after(s.claim, s.outcome, state, delay_s)

    def hooks_for(self, sent: Sequence[Sent]) -> None:
        """On the event loop, after `record`: the caller's hooks (metrics, progress bars)."""
        for s in sent:
            for hook in self.hooks:
                try:
                    hook(s.claim, s.outcome, s.latency)
                except Exception:  # a metrics hook must never cost a call
                    logger.exception("outcome hook failed")

    def _mark(
        self, claim: Claim, outcome: SendOutcome, now: float, *, in_doubt: bool = False
    ) -> tuple[Mark, float | None]:
        if outcome.kind == "delivered":
            return Mark.delivered(claim, status=outcome.status or 200), None
        if outcome.kind == "retry":
            attempts = claim.attempts
            if self._counted_before is not None:
                attempts -= self._counted_before.setdefault(claim.rowid, attempts - 1)
            delay_s = next_delay(
                outcome,
                attempts,
                base_s=self.config.backoff_base_s,
                cap_s=self.config.backoff_cap_s,
                max_retry_after_s=self.config.max_retry_after_s,
                rng=self._rng,
            )
            if in_doubt and math.isfinite(claim.expires):
                delay_s = max(delay_s, claim.expires - now)  # no version before the lease ends
            mark = Mark.retry(
                claim, next_attempt_at=now + delay_s, status=outcome.status, error=outcome.reason
            )
            return mark, delay_s
        if outcome.kind == "dead":
            return Mark.dead(claim, status=outcome.status or 0, error=outcome.reason), None
        # pause: the row goes back without counting the attempt, to the back of the queue:
        # the next probe tries another call, so one call Zelto refuses cannot stand for all
        self.gate.pause(outcome, now)
        mark = Mark.release(claim, status=outcome.status, error=outcome.reason, to_back=True)
        return mark, None

    def _after(
        self, claim: Claim, outcome: SendOutcome, state: str | None, delay_s: float | None
    ) -> None:
        extra: dict[str, Any] = {
            "call_id": claim.call_id,
            "version": claim.version,
            "attempt": claim.attempts,
            "status": outcome.status,
        }
        report = self.report
        kind = outcome.kind
        report.outcomes[kind] = report.outcomes.get(kind, 0) + 1
        if kind == "delivered":
            self._accepted()
            if state == "pending":
                report.superseded += 1
            report.delivered += 1
            logger.info("call delivered", extra={**extra, "state": state})
        elif kind == "retry":
            report.retried += 1
            logger.warning(
                "call not accepted yet; will retry",
                extra={**extra, "error": outcome.reason, "retry_in_s": round(delay_s or 0.0, 3)},
            )
        elif kind == "dead":
            self._accepted()
            report.dead += 1
            logger.error(
                "call rejected by Zelto; dead-lettered",
                extra={**extra, "error": outcome.reason, "state": state},
            )
        else:
            report.paused = outcome.reason
            self.gate.paused_by(outcome, extra)

    def _accepted(self) -> None:
        self.gate.accepted()
        self.report.paused = None


def not_recorded(calls: int, exc: BaseException, *, kept: bool = False) -> None:
    """Log outcomes (or hand-backs) a spool error kept from being written: the rows stay
    inflight under their leases. `kept`: the sender records them at its next look (it is
    still running); else it is stopping, and reclaim requeues them when the leases end."""
    if calls:
        message = (
            "could not record outcomes; trying again at the next look"
            if kept
            else "could not record outcomes; the calls are retried after their lease"
        )
        logger.error(message, extra={"calls": calls, "error": str(exc) or type(exc).__name__})
