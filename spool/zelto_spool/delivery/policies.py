"""What each entry point of `Flusher` asks of the shared loop: one small object per caller.

The loop (`flusher`) asks its policy, never a mode flag:
- `over(mono)`: stop looking now (the sidecar's stop event, a drain's deadline);
- `settled(look, claimed, probed)`: nothing is in flight and this look at the spool says the
  caller's work is done (the sidecar's never is);
- `budget(claimed)`: how many more rows it may claim (`drain_due`'s `max_calls`);
- `attempt_timeout(mono)`: a bound on one attempt below the config's (`drain_due`);
- `wait_limit(mono)`: the longest idle wait (a deadline, the sidecar's housekeeping);
- `before_look(mono)`: the sidecar's housekeeping; `trouble(exc)`: a spool error ends a drain
  (its caller reports it) but the sidecar logs it, backs off and goes on.

`Sidecar` serves `run`, `Drain` serves `drain`, `DueOnly` serves `drain_due`; `deliver` and
`send_claimed` send one claimed row and need no loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import time
from collections.abc import Callable

from ..logs import library_logger
from .housekeeping import Housekeeper
from .pause import Look
from .sender import bounded

__all__ = ["Drain", "DueOnly", "Policy", "Sidecar"]

logger = library_logger(__name__)  # or the plugin's logger in a worker


def _nothing_to_claim(look: Look, probed: bool) -> bool | None:
    """True/False when this look decides it; None when it depends on the caller."""
    if look.claims:
        return False
    if look.remaining == 0:
        return True
    if look.pause is not None and probed:
        return True  # paused, and this process has had its probe
    return None


class Policy:
    """A drain ending at `deadline` (monotonic seconds; None: no limit)."""

    grace = 0.0  # in-flight sends get this long to finish when the loop ends

    def __init__(self, deadline: float | None) -> None:
        self.deadline = deadline

    def over(self, mono: float) -> bool:
        return self.deadline is not None and mono >= self.deadline

    def settled(self, look: Look, claimed: int, probed: bool) -> bool:
        raise NotImplementedError

    def budget(self, claimed: int) -> int | None:
        return None

    def attempt_timeout(self, mono: float) -> float | None:
        return None

    def wait_limit(self, mono: float) -> float:
        return math.inf if self.deadline is None else max(0.0, self.deadline - mono)

    async def before_look(self, mono: float) -> None:
        return None

    async def trouble(self, exc: BaseException) -> None:
        raise exc  # a drain reports a spool error to its caller

    def calm(self) -> None:
        """A look went through: the spool is fine again."""


class Drain(Policy):
    """`drain`: everything pending now, waiting out backoffs that end before the deadline."""

    def __init__(self, deadline: float | None, clock: Callable[[], float]) -> None:
        super().__init__(deadline)
        self._clock = clock

    def settled(self, look: Look, claimed: int, probed: bool) -> bool:
        decided = _nothing_to_claim(look, probed)
        if decided is not None:
            return decided
        if look.next_due is not None and self.deadline is not None:
            return look.next_due - self._clock() > self.deadline - time.monotonic()
        return False


class DueOnly(Policy):
    """`drain_due`: rows due now, at most `max_calls` of them, each attempt within `timeout`."""

    def __init__(self, deadline: float, *, max_calls: int | None, timeout: float) -> None:
        super().__init__(deadline)
        self.max_calls = max_calls
        self.timeout = timeout

    def settled(self, look: Look, claimed: int, probed: bool) -> bool:
        return self.budget(claimed) == 0 or not look.claims

    def budget(self, claimed: int) -> int | None:
        return None if self.max_calls is None else max(0, self.max_calls - claimed)

    def attempt_timeout(self, mono: float) -> float | None:
        assert self.deadline is not None
        return max(0.001, min(self.timeout, self.deadline - mono))


class Sidecar(Policy):
    """`run`: until `stop` is set; housekeeping on its timer; spool errors are survived."""

    def __init__(self, stop: asyncio.Event, *, grace: float, housekeeper: Housekeeper) -> None:
        super().__init__(None)
        self.stop = stop
        self.grace = grace
        self.housekeeper = housekeeper
        self._trouble_delay = 0.0
        self.last_error: str | None = None  # the spool error the loop is waiting out

    def over(self, mono: float) -> bool:
        return self.stop.is_set()

    def settled(self, look: Look, claimed: int, probed: bool) -> bool:
        return False

    def wait_limit(self, mono: float) -> float:
        # wake for housekeeping too: a dead process's snapshot makes no noise
        return self.housekeeper.due_in(mono)

    async def before_look(self, mono: float) -> None:
        await self.housekeeper.maintain(mono)

    async def trouble(self, exc: BaseException) -> None:
        """Busy past the timeout, a disk error: log, wait (1 s doubling to 60 s, or until
        stopped), try again. Rows stay where they are."""
        self._trouble_delay = min(60.0, max(1.0, self._trouble_delay * 2))
        self.last_error = str(exc) or type(exc).__name__
        logger.error(
            "spool error in the sender loop; trying again",
            extra={"error": str(exc) or type(exc).__name__, "retry_in_s": self._trouble_delay},
        )
        with contextlib.suppress(asyncio.TimeoutError):
            await bounded(self.stop.wait(), self._trouble_delay)

    def calm(self) -> None:
        self._trouble_delay = 0.0
        self.last_error = None
