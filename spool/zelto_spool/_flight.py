"""The rows one run of the loop holds in memory: sending, claimed ahead, done and not recorded.

A `Flight` lives for one call of `run`, `drain` or `drain_due`. A finished send starts the
next row claimed ahead at once, in its done callback, and wakes the loop only when the spool
is needed (`must_hop`): so the loop turns once per batch, not once per call.

Rows are claimed ahead (up to `AHEAD` slots' worth) only while the gate is open: warm and
not paused (`_pausing`). A row claimed ahead holds a lease: it is sent only while that lease
still covers a whole attempt, and handed back (the attempt not counted) when it would not,
when the gate closes, or when the loop ends.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable, Coroutine, Iterable
from typing import Any

from ._logroute import library_logger
from ._outcomes import INTERRUPTED, LEASE_RAN_OUT, Sent, Unsent
from ._pausing import Gate
from ._policies import Policy
from ._spool import Claim

__all__ = ["AHEAD", "RECORD_WITHIN_S", "Flight"]

logger = library_logger()  # zelto_spool, or the plugin's logger in a worker

AHEAD = 2  # claim up to this many times `concurrency` rows beyond the free slots
RECORD_WITHIN_S = 0.05  # an outcome waits at most this long for others to share its record

Attempt = Callable[[Claim, "float | None"], Coroutine[Any, Any, "Sent | Unsent"]]


class Flight:
    def __init__(
        self,
        *,
        policy: Policy,
        gate: Gate,
        concurrency: int,
        attempt: Attempt,
        clock: Callable[[], float],
        attempt_span: float,
        margin: float,
        kick: asyncio.Event,
    ) -> None:
        self.policy = policy
        self.gate = gate
        self.concurrency = concurrency
        self.sending: dict[asyncio.Future[Sent | Unsent], Claim] = {}
        self.ahead: deque[Claim] = deque()
        self.sent: list[Sent] = []
        self.unsent: list[Unsent] = []
        self.claimed = 0
        self.first_done = float("inf")  # when the oldest outcome not yet recorded came in
        self._attempt = attempt
        self._clock = clock
        self._attempt_span = attempt_span  # total_timeout + margin: a whole attempt's lease
        self._margin = margin
        self._kick = kick
        self._timer: asyncio.TimerHandle | None = None
        self._closing = False

    @property
    def busy(self) -> bool:
        return bool(self.sending or self.ahead or self.sent or self.unsent)

    @property
    def idle(self) -> bool:
        """No send in flight: a paused spool may be probed, slow start may send one."""
        return not self.sending

    def want(self) -> int:
        """Rows to claim at the next look: the free slots, plus `AHEAD` slots' worth while
        the gate is open, less those already claimed ahead; within the policy's budget."""
        ahead = AHEAD * self.concurrency if self.gate.open else 0
        want = self.concurrency - len(self.sending) + ahead - len(self.ahead)
        budget = self.policy.budget(self.claimed)
        return max(0, want if budget is None else min(want, budget))

    def must_hop(self, mono: float) -> bool:
        """Whether the loop should go to the spool now (record, hand back, claim)."""
        if not self.sending or self.unsent:
            return True
        if self.sent and (
            len(self.sent) >= self.concurrency or mono - self.first_done >= RECORD_WITHIN_S
        ):
            return True
        free = self.concurrency - len(self.sending)
        return free > len(self.ahead) and self.gate.warm and self.want() > 0

    def start(self, mono: float, claims: Iterable[Claim] = ()) -> None:
        """Fill the free slots: rows claimed ahead first (those whose lease no longer covers
        a whole attempt go back), then `claims` just taken; the rest wait ahead."""
        timeout = self.policy.attempt_timeout(mono)
        if self.ahead:
            now = self._clock()
            while self.ahead and len(self.sending) < self.concurrency:
                claim = self.ahead.popleft()
                if claim.expires < now + self._attempt_span:
                    ran_out = claim.expires - self._margin <= now
                    self.unsent.append(Unsent(claim, LEASE_RAN_OUT if ran_out else None))
                    continue
                self._launch(claim, timeout)
        for claim in claims:
            self.claimed += 1
            if len(self.sending) < self.concurrency:
                self._launch(claim, timeout)
            else:
                self.ahead.append(claim)

    def hand_back_ahead(self) -> None:
        """The gate closed (a pause, a failed connection), or the loop ends: rows claimed
        ahead go back."""
        self.unsent += [Unsent(claim, None) for claim in self.ahead]
        self.ahead.clear()

    def close(self) -> None:
        """The loop ends: nothing more starts; rows claimed ahead go back."""
        self._closing = True
        self.hand_back_ahead()

    def take(self) -> tuple[list[Sent], list[Unsent]]:
        """The outcomes and unsent rows to record now."""
        sent, unsent = self.sent, self.unsent
        self.sent, self.unsent, self.first_done = [], [], float("inf")
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        return sent, unsent

    def _launch(self, claim: Claim, timeout: float | None) -> None:
        task: asyncio.Future[Sent | Unsent] = asyncio.ensure_future(self._attempt(claim, timeout))
        self.sending[task] = claim
        task.add_done_callback(self._done)

    def _done(self, task: asyncio.Future[Sent | Unsent]) -> None:
        claim = self.sending.pop(task)
        if task.cancelled():
            self.unsent.append(Unsent(claim, INTERRUPTED))
        elif (exc := task.exception()) is not None:  # a spool error judging a refusal
            logger.error(
                "could not finish a send; the call is handed back",
                extra={"call_id": claim.call_id, "error": str(exc) or type(exc).__name__},
            )
            self.unsent.append(Unsent(claim, INTERRUPTED))
        else:
            result = task.result()
            if isinstance(result, Sent):
                if not self.sent:
                    self.first_done = time.monotonic()
                    self._timer = asyncio.get_running_loop().call_later(
                        RECORD_WITHIN_S, self._kick.set
                    )
                self.sent.append(result)
            else:
                self.unsent.append(result)
        self._next()

    def _next(self) -> None:
        """After a send: start the next row claimed ahead; wake the loop if it must act."""
        mono = time.monotonic()
        if self._closing or self.policy.over(mono):
            self._kick.set()
            return
        if self.ahead and not self.gate.open:
            self.hand_back_ahead()
        self.start(mono)
        if self.must_hop(mono):
            self._kick.set()
