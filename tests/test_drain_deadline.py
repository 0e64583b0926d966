"""A drain whose deadline ends mid-flight leaves no row `inflight`: every claim goes back.

Found as a flake of the outage acceptance test (`status` read 299 pending where 300 were
expected): on a loaded machine the deadline could pass while the spool thread was claiming, and
the sends just created for those claims were cancelled before their first step, so the
`except CancelledError` that hands a row back never ran and the row kept its lease.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest

from tests.conftest import API_KEY, payload
from zelto_spool import DeliveryConfig, Spool
from zelto_spool.delivery import flusher as flusher_module
from zelto_spool.delivery.claim import Claim, Leases
from zelto_spool.delivery.flusher import Flusher

TIMEOUT_S = 0.3


class ClaimOutlastingTheDeadline(Leases):
    """Leases whose first claim returns only once the drain's deadline has passed (a loaded
    machine, a slow disk): polls the monotonic clock, no timing guess."""

    not_before = float("inf")
    claimed = 0

    def claim(self, limit: int, *, lease_s: float, call_id: str | None = None) -> list[Claim]:
        claims = super().claim(limit, lease_s=lease_s, call_id=call_id)
        self.claimed += len(claims)
        while time.monotonic() < self.not_before:
            time.sleep(0.01)
        self.not_before = float("-inf")  # only the first claim is slow
        return claims


def test_a_deadline_passing_during_the_claim_leaves_nothing_inflight(
    spool_path: Any, zelto_receiver: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    spool = Spool(spool_path)
    slow = ClaimOutlastingTheDeadline(spool)
    monkeypatch.setattr(flusher_module, "Leases", lambda _spool: slow)  # the flusher's leases
    for i in range(5):
        spool.enqueue(payload(f"room-{i}"))
    config = DeliveryConfig(base_url=zelto_receiver.base_url, api_key=API_KEY)

    async def go() -> Any:
        async with Flusher(spool, config) as flusher:
            # the drain starts after this line, so its deadline is before `not_before`
            slow.not_before = time.monotonic() + TIMEOUT_S + 0.2
            return await flusher.drain(timeout=TIMEOUT_S)

    report = asyncio.run(go())
    assert slow.claimed >= 1  # the slow claim did take rows
    stats = spool.stats()
    assert (stats["pending"], stats["inflight"], stats["delivered"]) == (5, 0, 0)
    assert report.remaining == 5 and not report.ok
    assert zelto_receiver.posts == []  # the claimed rows were handed back, not sent
    spool.close()


class RecordOutlastingTheDeadline(Leases):
    """Leases whose first `apply` once armed (recording a batch of outcomes) returns only
    after the drain's deadline has passed, so the outcomes of the other sends queue behind it."""

    not_before = float("-inf")

    def apply(self, marks: list[Any]) -> list[str | None]:
        until, self.not_before = self.not_before, float("-inf")
        states = super().apply(marks)
        while time.monotonic() < until:
            time.sleep(0.01)
        return states


def test_outcomes_queued_behind_a_slow_record_are_written_before_the_drain_returns(
    spool_path: Any, zelto_receiver: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a job process does: deliver its call, then leftovers with `drain_due`, then
    `asyncio.run` ends. Outcomes still waiting for the settler were lost with it (the rows
    stayed inflight until their lease ran out)."""
    spool = Spool(spool_path)
    slow = RecordOutlastingTheDeadline(spool)
    monkeypatch.setattr(flusher_module, "Leases", lambda _spool: slow)  # the flusher's leases
    for i in range(5):
        spool.enqueue(payload(f"room-{i}"))
    config = DeliveryConfig(base_url=zelto_receiver.base_url, api_key=API_KEY)
    timeout = 2.0

    async def go() -> None:
        async with Flusher(spool, config) as flusher:
            outcome = await flusher.deliver("room-0", timeout=30)
            assert outcome is not None and outcome.kind == "delivered"
            slow.not_before = time.monotonic() + timeout + 0.2
            await flusher.drain_due(timeout=timeout)

    asyncio.run(go())
    stats = spool.stats()
    assert stats["inflight"] == 0
    # every row Zelto accepted is recorded as delivered; the others went back to pending
    assert stats["delivered"] == zelto_receiver.accepted_count()
    assert stats["delivered"] + stats["pending"] == 5
    spool.close()
