"""The rows one run of the loop holds in memory: sending, claimed ahead, done and not recorded.

A `Flight` lives for one call of `run`, `drain` or `drain_due`: `concurrency` workers, each
taking the next row claimed ahead as soon as its send is done, and waking the loop only
when the spool is needed (`must_hop`): the loop turns once per batch, not once per call.
(Workers rather than a task per send: the next request then goes out in the same step that
freed its connection; a task per send cost ~10 % more CPU per call in httpx's pool.)

Rows are claimed ahead (up to `AHEAD` slots' worth) only while the gate is open: warm and
not paused (`pause`). A row claimed ahead holds a lease: it is sent only while that lease
still covers a whole attempt, and handed back (the attempt not counted) when it would not,
when the gate closes, or when the loop ends.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable, Coroutine, Iterable
from typing import Any

from ..logs import library_logger
from .claim import Claim
from .outcomes import INTERRUPTED, Sent, Unsent
from .pause import Gate
from .policies import Policy

__all__ = ["AHEAD", "RECORD_WITHIN_S", "Flight"]

logger = library_logger(__name__)  # or the plugin's logger in a worker

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
        kick: asyncio.Event,
    ) -> None:
        self.policy = policy
        self.gate = gate
        self.concurrency = concurrency
        self.in_flight = 0
        self.ahead: deque[tuple[Claim, int]] = deque()  # (claim, the look that took it)
        self.sent: list[Sent] = []
        self.unsent: list[Unsent] = []
        self.claimed = 0
        self.first_done = float("inf")  # when the oldest outcome not yet recorded came in
        self._looks = 0
        self._attempt = attempt
        self._clock = clock
        self._attempt_span = attempt_span  # total_timeout_s + margin: a whole attempt's lease
        self._kick = kick
        self._timer: asyncio.TimerHandle | None = None
        self._closing = False
        self._has_work = asyncio.Event()
        self._workers = [asyncio.ensure_future(self._work()) for _ in range(concurrency)]

    @property
    def busy(self) -> bool:
        return bool(self.in_flight or self.ahead or self.sent or self.unsent)

    @property
    def idle(self) -> bool:
        """No send in flight or about to start: a paused spool may be probed, slow start
        may send one."""
        return not (self.in_flight or self.ahead)

    def want(self) -> int:
        """Rows to claim at the next look: the free slots, plus `AHEAD` slots' worth while
        the gate is open, less those already claimed ahead; within the policy's budget."""
        ahead = AHEAD * self.concurrency if self.gate.open else 0
        want = self.concurrency - self.in_flight + ahead - len(self.ahead)
        budget = self.policy.budget(self.claimed)
        return max(0, want if budget is None else min(want, budget))

    def must_hop(self, mono: float) -> bool:
        """Whether the loop should go to the spool now (record, hand back, claim)."""
        if self.idle or self.unsent:
            return True
        if self.sent and (
            len(self.sent) >= self.concurrency or mono - self.first_done >= RECORD_WITHIN_S
        ):
            return True
        free = self.concurrency - self.in_flight
        return free > len(self.ahead) and self.gate.warm and self.want() > 0

    def record_in(self, mono: float) -> float:
        """Seconds until the outcomes waiting must be recorded (inf: none waits)."""
        return max(0.0, self.first_done + RECORD_WITHIN_S - mono)

    def add(self, claims: Iterable[Claim]) -> None:
        """After each look: its rows; the free workers take them, the rest wait ahead. Rows
        of earlier looks go back if the gate has closed meanwhile (another process paused)."""
        self._looks += 1
        if self.ahead and not self.gate.open:
            self.hand_back_ahead()
        for claim in claims:
            self.claimed += 1
            self.ahead.append((claim, self._looks))
        if self.ahead:
            self._has_work.set()

    def hand_back_ahead(self) -> None:
        """The gate closed (a pause, a failed connection), or the loop ends: rows claimed
        ahead go back."""
        self.unsent += [Unsent(claim, None) for claim, _ in self.ahead]
        self.ahead.clear()

    def take(self) -> tuple[list[Sent], list[Unsent]]:
        """The outcomes and unsent rows to record now."""
        sent, unsent = self.sent, self.unsent
        self.sent, self.unsent, self.first_done = [], [], float("inf")
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        return sent, unsent

    def put_back(self, sent: list[Sent], unsent: list[Unsent]) -> None:
        """Outcomes a spool error kept from being recorded: recorded at the next look. Their
        rows stay inflight under this process's leases meanwhile, which no other process
        ends while this one answers (`claim.reclaim`), so they must not be forgotten."""
        self.sent = sent + self.sent
        self.unsent = unsent + self.unsent
        if self.sent:  # due now
            self.first_done = min(self.first_done, time.monotonic() - RECORD_WITHIN_S)

    async def stop(self, grace: float) -> None:
        """The loop ends: nothing more starts, rows claimed ahead go back; sends in flight
        get `grace` seconds to finish, then are cancelled (their rows go back too)."""
        self._closing = True
        self.hand_back_ahead()
        self._has_work.set()  # idle workers see `_closing` and end
        busy = [w for w in self._workers if not w.done()]
        if busy and grace > 0:
            await asyncio.wait(busy, timeout=grace)
        for worker in self._workers:
            worker.cancel()
        await asyncio.gather(*self._workers, return_exceptions=True)

    async def _work(self) -> None:
        while True:
            claim = self._next()
            if claim is None:
                if self._closing:
                    return
                self._has_work.clear()
                await self._has_work.wait()
                continue
            self.in_flight += 1
            try:
                result = await self._attempt(claim, self.policy.attempt_timeout(time.monotonic()))
            except asyncio.CancelledError:  # mid-send: the request may be at Zelto already
                self.unsent.append(Unsent(claim, INTERRUPTED, in_doubt=True))
                raise
            except Exception as exc:  # a spool error judging a refusal
                logger.error(
                    "could not finish a send; the call is handed back",
                    extra={"call_id": claim.call_id, "error": str(exc) or type(exc).__name__},
                )
                self.unsent.append(Unsent(claim, INTERRUPTED))
            else:
                self._done(result)
            finally:
                self.in_flight -= 1
            self._after_send()

    def _next(self) -> Claim | None:
        """The next row to send, if one may go now. A row that waited ahead past an earlier
        look goes back instead when its lease no longer covers a whole attempt."""
        if self._closing or not self.ahead:
            return None
        if self.policy.over(time.monotonic()):
            self._kick.set()
            return None
        now = self._clock()
        while self.ahead:
            claim, look = self.ahead.popleft()
            if look < self._looks and claim.deadline < now + self._attempt_span:
                self.unsent.append(Unsent(claim, None))
                continue
            return claim
        return None

    def _done(self, result: Sent | Unsent) -> None:
        if isinstance(result, Unsent):
            self.unsent.append(result)
            return
        if not self.sent:
            self.first_done = time.monotonic()
            self._timer = asyncio.get_running_loop().call_later(RECORD_WITHIN_S, self._kick.set)
        self.sent.append(result)

    def _after_send(self) -> None:
        """Wake the loop if it must act; a closed gate sends the rows claimed ahead back."""
        if self._closing:
            return
        if self.ahead and not self.gate.open:
            self.hand_back_ahead()
        if self.must_hop(time.monotonic()):
            self._kick.set()
