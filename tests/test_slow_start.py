"""Slow start (one request at a time until Zelto answers once) must not let calls that Zelto
takes but never answers hold back the healthy calls behind them: found by an outside test,
where two such calls at the head of the queue made a fresh `drain` deliver none of five."""

from __future__ import annotations

import asyncio
from typing import Any

from tests.conftest import API_KEY, payload, wait_until
from zelto_spool import DeliveryConfig, Spool
from zelto_spool.delivery.flusher import Flusher


def test_calls_zelto_hangs_on_do_not_hold_back_the_others(
    spool: Spool, zelto_receiver: Any
) -> None:
    for call_id in ("hang-0", "hang-1"):
        zelto_receiver.hang(call_id)
        spool.enqueue(payload(call_id))  # first in line
    healthy = [f"ok-{i}" for i in range(5)]
    for call_id in healthy:
        spool.enqueue(payload(call_id))
    finished: list[str] = []  # attempts in the order they ended, as the flusher saw them
    config = DeliveryConfig(base_url=zelto_receiver.base_url, api_key=API_KEY, total_timeout_s=5)

    async def go() -> None:
        stop = asyncio.Event()
        hooks = [lambda claim, _outcome, _latency: finished.append(claim.call_id)]
        async with Flusher(spool, config, poll_interval_s=0.2, hooks=hooks) as flusher:
            task = asyncio.ensure_future(flusher.run(stop))
            try:
                await asyncio.to_thread(
                    wait_until, lambda: zelto_receiver.accepted_count() == 5, 60
                )
            finally:
                stop.set()
                await task

    asyncio.run(go())
    assert set(zelto_receiver.calls) == set(healthy)
    # the first hang times out alone (slow start); from then on the second hang takes one
    # slot of eight and the healthy calls go beside it: all five are done before it times out
    # (it used to go alone too, the healthy calls waiting out both timeouts)
    assert finished[0] == "hang-0"
    done_before_hang_1 = finished[: finished.index("hang-1")] if "hang-1" in finished else finished
    assert set(healthy) <= set(done_before_hang_1), finished
