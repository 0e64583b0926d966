"""A flusher torn down while an outcome is being recorded leaves no orphaned future behind.

Found by the chaos run: a job process's `asyncio.run` ended while a batch of outcomes was on
the spool thread; the cancelled recorder put a CancelledError into each waiting future, nobody
awaited them any more, and asyncio printed "Future exception was never retrieved". The
outcome is still recorded: the write on the spool thread runs to its end.
"""

from __future__ import annotations

import asyncio
import gc
import threading
from typing import Any

import httpx
import pytest

from tests.conftest import API_KEY, payload
from zelto_spool import DeliveryConfig, Spool
from zelto_spool.delivery import flusher as flusher_module
from zelto_spool.delivery.claim import Leases
from zelto_spool.delivery.flusher import Flusher


class SlowRecord(Leases):
    """Leases whose `apply` (recording outcomes) waits until the test lets it go on."""

    entered = threading.Event()
    go_on = threading.Event()

    def apply(self, marks: list[Any]) -> list[str | None]:
        self.entered.set()
        self.go_on.wait(30)
        return super().apply(marks)


def test_cancelling_a_send_while_its_outcome_is_recorded_orphans_no_future(
    spool_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    spool = Spool(spool_path)
    slow = SlowRecord(spool)
    monkeypatch.setattr(flusher_module, "Leases", lambda _spool: slow)  # the flusher's leases
    spool.enqueue(payload("torn"))
    config = DeliveryConfig(base_url="https://zelto.test", api_key=API_KEY)
    transport = httpx.MockTransport(lambda _r: httpx.Response(200, json={"received": True}))
    reported: list[dict[str, Any]] = []

    async def go() -> None:
        loop = asyncio.get_running_loop()
        loop.set_exception_handler(lambda _loop, context: reported.append(context))
        async with Flusher(spool, config, transport=transport) as flusher:
            (claim,) = Leases(spool).claim(1, lease_s=60)
            sending = asyncio.ensure_future(flusher.send_claimed(claim, timeout=5))
            assert await asyncio.to_thread(slow.entered.wait, 10)
            sending.cancel()  # the job's teardown, while the outcome is on the spool thread
            slow.go_on.set()
            await asyncio.gather(sending, return_exceptions=True)

    asyncio.run(go())
    gc.collect()  # the orphaned future, if any, reports itself when it is freed
    assert [c.get("message") for c in reported] == []
    (row,) = spool.upkeep.rows(call_ids=["torn"])
    assert row["state"] == "delivered"
    spool.close()
