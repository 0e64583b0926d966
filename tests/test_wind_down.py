"""A send that finishes just as the pump winds down is forgotten once, without an error."""

from __future__ import annotations

import asyncio
from typing import Any

from tests.conftest import payload
from zelto_spool import DeliveryConfig, Flusher, Spool
from zelto_spool._retry import SendOutcome


def test_a_send_done_as_the_pump_winds_down_leaves_no_error(spool: Spool) -> None:
    """A send task can be done with its done-callback still queued when the pump winds down,
    which forgets the leases of done tasks: the callback then found no lease to forget and
    raised KeyError in the loop ("Exception in callback Flusher._sent", a traceback in the
    sidecar's log; it failed tests/test_faults.py's full-disk test about one run in two)."""
    spool.enqueue(payload("room-1"))
    (claim,) = spool.claim(1, lease_s=60)
    errors: list[dict[str, Any]] = []

    async def go() -> None:
        loop = asyncio.get_running_loop()
        loop.set_exception_handler(lambda _, context: errors.append(context))
        flusher = Flusher(spool, DeliveryConfig(base_url="http://127.0.0.1:9", api_key="k"))
        flusher._bind_loop()
        send: asyncio.Future[SendOutcome] = loop.create_future()  # stands for a send task
        flusher._leases[send] = claim
        send.add_done_callback(flusher._sent)
        send.set_result(SendOutcome("delivered", 200, None))  # its callback is queued
        await flusher._wind_down(set(), grace=0.0)
        await asyncio.sleep(0)  # the queued callback runs
        await flusher.aclose()

    asyncio.run(go())
    assert errors == []
