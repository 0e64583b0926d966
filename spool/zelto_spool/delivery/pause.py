"""When a flusher may send, and how much: the spool-wide pause, its probes, and slow start.

One `Gate` per flusher holds this process's view; the spool holds the pause itself (the
`pause` meta row, shared by every process), so a pause set by a job process stops the sidecar
too. The rules, all in `Gate.allowance` and `Gate.observe`:

- slow start: until Zelto has answered once (any status, or a request it took but hung on),
  one request at a time, and only when nothing else is in flight: a wrong key or URL costs
  one request, not `concurrency` of them. A connection that fails again closes it again.
- paused (401/403/404): one probe at a time, when nothing else is in flight, at
  most every `pause_probe_interval_s`; a new process probes at once (its key may be the fixed
  one). Each probe moves the spool's `probe_at` on, so other processes do not probe too.
- a delivered or dead-lettered call ends the pause (Zelto took the key): `resume`.

Only while the gate is open (warm, not paused) may the loop claim more rows than it has free
slots (see `flusher`): a closed gate hands such rows back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from ..errors import ZeltoError
from ..logs import library_logger
from ..store.spool import Pause
from .claim import Claim, Leases
from .retry import PER_CALL_STATUSES, SendOutcome, judge_refusal

__all__ = ["NO_KEY_REASON", "UNKNOWN", "Allowance", "Gate", "Look"]

logger = library_logger(__name__)  # or the plugin's logger in a worker

# a process without the key sends nothing and says so in its own log and report; it never
# pauses the spool (other processes have keys). Versions before 0.1.1 wrote this pause with a
# probe ten years away: a process with a key drops it (`Gate.pause_state`)
NO_KEY_REASON = "ZELTO_API_KEY is not set in the sending process"


class _Unknown:
    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Final = _Unknown()  # `Gate.known`: this process has not looked (a claim made elsewhere)


@dataclass(frozen=True, slots=True)
class Look:
    """One look at the spool: rows claimed, the pause, and (when fewer rows were claimed than
    asked for) when the next row is due and how many are left undelivered."""

    claims: list[Claim]
    pause: Pause | None
    next_due: float | None = None
    remaining: int | None = None


@dataclass(frozen=True, kw_only=True)
class Allowance:
    """How many rows one claim may take now; `probe`: this claim is a paused spool's probe."""

    limit: int
    probe: bool = False


class Gate:
    """This process's pause and slow-start state; decisions are pure over it and `now`."""

    def __init__(
        self, leases: Leases, *, probe_interval: float, clock: Callable[[], float]
    ) -> None:
        self.leases = leases
        self.spool = leases.spool
        self._clock = clock
        self.probe_interval = probe_interval
        self.probed = False  # a new process probes a paused spool at once
        self.warm = False  # one request at a time until Zelto has answered once
        self.known: str | None | _Unknown = UNKNOWN  # the pause this process last saw

    @property
    def open(self) -> bool:
        """Warm and not known to be paused: the loop may claim ahead of its free slots."""
        return self.warm and self.known is None

    def allowance(self, pause: Pause | None, *, want: int, idle: bool, now: float) -> Allowance:
        """How many of `want` rows to claim; `idle`: no send of this flusher is in flight."""
        if want <= 0:
            return Allowance(limit=0)
        limit = want
        if not self.warm:
            if not idle:
                return Allowance(limit=0)
            limit = 1
        if pause is None:
            return Allowance(limit=limit)
        # a probe time more than one interval away was set by a clock ahead of this one (or
        # before it was stepped back): probe now rather than wait out the step
        due = now >= pause.probe_at or pause.probe_at - now > self.probe_interval
        if not (idle and (not self.probed or due)):
            return Allowance(limit=0)
        return Allowance(limit=1, probe=True)  # one probe at a time while paused

    def pause_state(self) -> Pause | None:
        """On the spool thread: the spool's pause, except one that blamed a missing key (left
        by an older key-less process): this process has a key, so that pause is dropped."""
        pause = self.spool.pause_state()
        if pause is None or pause.reason != NO_KEY_REASON:
            return pause
        if self.leases.resume():
            logger.warning("dropped a pause left by a process without a key", extra={})
        return None

    def look(self, *, want: int, idle: bool, lease_s: float) -> Look:
        """On the spool thread: claim up to `want` rows, as many as the gate allows now."""
        pause = self.pause_state()
        now = self._clock()
        allowance = self.allowance(pause, want=want, idle=idle, now=now)
        if allowance.limit == 0:
            remaining = self.spool.undelivered() if pause is not None and want > 0 else None
            return Look([], pause, remaining=remaining)
        if pause is not None and allowance.probe:
            # this process probes; the others wait for the next `probe_at`
            self.probed = True
            self.leases.pause(pause.reason, status=pause.status, probe_at=now + self.probe_interval)
        claims = self.leases.claim(allowance.limit, lease_s=lease_s)
        self.known = pause.reason if pause is not None else None
        if len(claims) == allowance.limit:
            return Look(claims, pause)
        return Look(claims, pause, self.spool.next_due(), self.spool.undelivered())

    def sent(self, outcome: SendOutcome) -> None:
        """A send finished (before its outcome is recorded): slow start follows Zelto's answer.

        It ends at Zelto's first answer, or at a request it took but hung on: a call it hangs
        on must not keep the calls behind it to one at a time (each a whole timeout)."""
        self.warm = outcome.kind != "pause" and (outcome.status is not None or outcome.reached)

    def pause(self, outcome: SendOutcome, now: float) -> None:
        """On the spool thread, in the outcome's transaction's wake: pause the whole spool."""
        self.leases.pause(outcome.reason, status=outcome.status, probe_at=now + self.probe_interval)

    def paused_by(self, outcome: SendOutcome, extra: dict[str, object]) -> None:
        """After a pause was recorded: this answer was this process's probe; log a new pause."""
        self.probed = True
        if self.known != outcome.reason:
            logger.error(
                "sending paused for the whole spool; rows kept pending",
                extra={**extra, "reason": outcome.reason},
            )
        self.known = outcome.reason

    def accepted(self) -> None:
        """Zelto took a call (delivered or dead-lettered): its key works; end any pause."""
        if isinstance(self.known, _Unknown):  # a read costs less than a write
            pause = self.spool.pause_state()
            self.known = None if pause is None else pause.reason
        if self.known is not None and self.leases.resume():
            logger.warning("sending resumed", extra={"was": self.known})
        self.known = None

    def judge(self, outcome: SendOutcome, now: float) -> SendOutcome:
        """On the spool thread: a 403/404 may be about one call, not the key (`judge_refusal`)."""
        if outcome.kind != "pause" or outcome.status not in PER_CALL_STATUSES:
            return outcome
        try:
            last_success = self.spool.last_success()
        except (ZeltoError, sqlite3.Error):
            last_success = None  # cannot tell: a pause keeps every row, so it is the safe side
        return judge_refusal(outcome, last_success=last_success, now=now)
