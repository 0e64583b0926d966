"""`Flusher.send_claimed`: send a row already claimed (the deliver-now path claims it in the
same transaction as its insert) and record its outcome, as the drain would."""

from __future__ import annotations

import asyncio
from typing import Any

from tests.conftest import API_KEY, payload
from zelto_spool import DeliveryConfig, Spool
from zelto_spool.delivery.claim import Leases
from zelto_spool.delivery.flusher import Flusher


def test_a_claimed_row_is_sent_recorded_and_hooked(spool: Spool, zelto_receiver: Any) -> None:
    spool.enqueue(payload("room-1"))
    config = DeliveryConfig(base_url=zelto_receiver.base_url, api_key=API_KEY)
    hooked: list[tuple[str, str]] = []

    async def go() -> Any:
        hooks = [lambda claim, outcome, _latency: hooked.append((claim.call_id, outcome.kind))]
        async with Flusher(spool, config, hooks=hooks) as flusher:
            (claim,) = Leases(spool).claim(1, lease_s=config.lease_s)
            return await flusher.send_claimed(claim, timeout=10), flusher.report

    outcome, report = asyncio.run(go())
    assert outcome.kind == "delivered"
    assert hooked == [("room-1", "delivered")]
    assert report.delivered == 1
    (row,) = spool.upkeep.rows(call_ids=["room-1"])
    assert (row["state"], row["attempts"]) == ("delivered", 1)
    assert zelto_receiver.accepted_count() == 1


def test_a_claim_whose_lease_ran_out_is_handed_back_unsent(
    spool_path: Any, zelto_receiver: Any
) -> None:
    now = [1_000_000.0]
    mono = [500.0]
    spool = Spool(spool_path, clock=lambda: now[0], monotonic=lambda: mono[0])
    spool.enqueue(payload("stale"))
    config = DeliveryConfig(base_url=zelto_receiver.base_url, api_key=API_KEY)

    async def go() -> Any:
        async with Flusher(spool, config, clock=lambda: now[0]) as flusher:
            (claim,) = Leases(spool).claim(1, lease_s=config.lease_s)
            now[0] += config.lease_s  # the process stalled past its lease
            mono[0] += config.lease_s
            return await flusher.send_claimed(claim, timeout=10)

    outcome = asyncio.run(go())
    assert outcome.kind == "retry" and "lease ran out" in outcome.reason
    assert zelto_receiver.posts == []
    (row,) = spool.upkeep.rows(call_ids=["stale"])
    assert (row["state"], row["attempts"]) == ("pending", 0)
    spool.close()
