"""The drain works in batches: claims and outcome records are shared by many calls, and rows
claimed ahead of the free slots are never sent once the gate closes, nor counted as tried.

A claim and a record per call (two spool-thread hops, five spool calls) had the drain spend
about twice the CPU of a raw httpx loop per call (docs/performance.md, section 3).
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections import Counter
from typing import Any

import httpx
import pytest

from tests.conftest import API_KEY, payload
from zelto_spool import DeliveryConfig, Spool
from zelto_spool.delivery import flight as flight_module
from zelto_spool.delivery import flusher as flusher_module
from zelto_spool.delivery.claim import Claim, Leases
from zelto_spool.delivery.flusher import Flusher

CALLS = 128


class CountingLeases(Leases):
    """Counts the lease protocol's calls: each is one transaction on the spool thread."""

    claims = 0
    applies = 0

    def claim(self, limit: int, *, lease_s: float, call_id: str | None = None) -> list[Claim]:
        self.claims += 1
        return super().claim(limit, lease_s=lease_s, call_id=call_id)

    def apply(self, marks: list[Any]) -> list[str | None]:
        self.applies += 1
        return super().apply(marks)


def test_a_drain_claims_and_records_many_calls_per_transaction(
    spool_path: Any, zelto_receiver: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # batches close on counts here, not on time: the assertion holds on a loaded machine
    monkeypatch.setattr(flight_module, "RECORD_WITHIN_S", 60.0)
    spool = Spool(spool_path)
    counting = CountingLeases(spool)
    monkeypatch.setattr(flusher_module, "Leases", lambda _spool: counting)  # the flusher's
    for i in range(CALLS):
        spool.enqueue(payload(f"room-{i:02d}"))
    config = DeliveryConfig(base_url=zelto_receiver.base_url, api_key=API_KEY, concurrency=8)

    async def go() -> Any:
        async with Flusher(spool, config) as flusher:
            return await flusher.drain(timeout=60)

    report = asyncio.run(go())
    assert report.delivered == CALLS and report.remaining == 0
    assert zelto_receiver.accepted_count() == CALLS
    # one claim and one record per call before; now about one each per `concurrency` calls
    assert counting.claims <= CALLS // 4, counting.claims
    assert counting.applies <= CALLS // 4, counting.applies
    spool.close()


def test_rows_claimed_ahead_go_back_untried_when_zelto_stops_answering(
    spool_path: Any,
) -> None:
    """After a few answers the endpoint fails to connect: slow start closes the gate, and the
    rows claimed ahead go back to pending without being sent or counted as attempts."""
    spool = Spool(spool_path)
    for i in range(CALLS):
        spool.enqueue(payload(f"room-{i:02d}"))
    posts: Counter[str] = Counter()
    lock = threading.Lock()

    def handler(request: httpx.Request) -> httpx.Response:
        call_id = json.loads(request.content)["call"]["externalId"]
        with lock:
            posts[call_id] += 1
            answered = sum(posts.values())
        if answered > 10:
            raise httpx.ConnectError("connection refused")
        return httpx.Response(200, json={"received": True})

    config = DeliveryConfig(base_url="https://zelto.test", api_key=API_KEY, concurrency=4)

    async def go() -> Any:
        transport = httpx.MockTransport(handler)
        async with Flusher(spool, config, transport=transport) as flusher:
            return await flusher.drain(timeout=1.0)

    report = asyncio.run(go())
    rows = {row["call_id"]: row for row in spool.upkeep.rows()}
    assert len(rows) == CALLS
    assert not [r for r in rows.values() if r["state"] == "inflight"]
    delivered = {c for c, r in rows.items() if r["state"] == "delivered"}
    assert len(delivered) == report.delivered == 10
    for call_id, row in rows.items():  # an attempt is counted only for a POST made
        assert row["attempts"] == posts[call_id], (call_id, row, posts[call_id])
    spool.close()
