"""A request cut off after it may have reached Zelto (the job's budget ran out, a shutdown)
leaves the call "in doubt": Zelto may still apply it. No version
of the call goes out before that attempt's lease ends, so a newer version sent by another
process cannot be overtaken at Zelto by the older one still being processed there.

Before: the row went back to pending due at once, and the next sender (a later job's
leftovers, the sidecar) sent the newer version while the older request was still open.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from tests.conftest import API_KEY, payload
from zelto_spool import DeliveryConfig, Spool
from zelto_spool.delivery.claim import Claim, Leases
from zelto_spool.delivery.flusher import Flusher
from zelto_spool.payload import decode, encode


def turns_of(body: bytes) -> int:
    return len(decode(body)["transcript"]["turns"])


def spool_v1_claimed(spool: Spool, config: DeliveryConfig) -> Claim:
    """What a job's deliver-now does first: v1 stored and claimed in one transaction."""
    _, claim = Leases(spool).enqueue_claimed(
        "doubt", encode(payload("doubt", turns=1)), lease_s=config.lease_s
    )
    assert claim is not None
    return claim


def newer_version_waits(spool: Spool, zelto_receiver: Any, config: DeliveryConfig) -> None:
    """v2 arrives; another sender looks for due calls (a later job's leftovers)."""
    spool.enqueue(payload("doubt", turns=3))

    async def other_sender() -> Any:
        async with Flusher(spool, config) as flusher:
            return await flusher.drain_due(timeout=2)

    asyncio.run(other_sender())
    assert all(turns_of(post.body) == 1 for post in zelto_receiver.posts)  # v1 only, never v2
    (row,) = spool.upkeep.rows(call_ids=["doubt"])
    assert row["state"] == "pending"


def test_a_send_cut_off_by_the_budget_keeps_newer_versions_back(
    spool: Spool, zelto_receiver: Any
) -> None:
    zelto_receiver.hang("doubt")  # Zelto takes v1 and is slow to answer
    config = DeliveryConfig(base_url=zelto_receiver.base_url, api_key=API_KEY)

    async def job() -> Any:
        claim = spool_v1_claimed(spool, config)
        async with Flusher(spool, config) as flusher:
            with contextlib.suppress(asyncio.TimeoutError):  # the job's budget ends mid-send
                await asyncio.wait_for(flusher.send_claimed(claim, timeout=30), 0.5)
        return claim

    claim = asyncio.run(job())
    assert zelto_receiver.wait_for(lambda r: len(r.posts) == 1, timeout=10)
    (row,) = spool.upkeep.rows(call_ids=["doubt"])
    assert row["state"] == "pending" and row["attempts"] == 0  # not counted
    assert row["next_attempt_at"] >= claim.expires  # not before v1's lease ends
    newer_version_waits(spool, zelto_receiver, config)


def test_a_send_cut_short_by_the_jobs_budget_keeps_newer_versions_back(
    spool: Spool, zelto_receiver: Any
) -> None:
    """The deliver-now path gives the attempt what is left of the job's budget as its timeout:
    Zelto took v1 and had not answered when the budget ran out (a timeout, not a cancel)."""
    zelto_receiver.hang("doubt")
    config = DeliveryConfig(base_url=zelto_receiver.base_url, api_key=API_KEY)  # 30 s timeout

    async def job() -> Any:
        claim = spool_v1_claimed(spool, config)
        async with Flusher(spool, config) as flusher:
            return claim, await flusher.send_claimed(claim, timeout=0.5)  # the budget left

    claim, outcome = asyncio.run(job())
    assert outcome.kind == "retry" and outcome.reached
    (row,) = spool.upkeep.rows(call_ids=["doubt"])
    assert row["state"] == "pending" and row["next_attempt_at"] >= claim.expires
    newer_version_waits(spool, zelto_receiver, config)
