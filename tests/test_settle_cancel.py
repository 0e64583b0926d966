"""A flusher torn down while an outcome is being recorded leaves no orphaned future behind.

Found by the chaos run: a job process's `asyncio.run` ended while the settler's batch was on
the spool thread; the cancelled settler put a CancelledError into each waiting future, nobody
awaited them any more, and asyncio printed "Future exception was never retrieved".
"""

from __future__ import annotations

import asyncio
import gc
from typing import Any

from tests.conftest import API_KEY, payload
from zelto_spool import DeliveryConfig, Flusher, Leases, Spool
from zelto_spool._retry import SendOutcome


def test_cancelling_the_settler_mid_batch_orphans_no_future(spool: Spool) -> None:
    leases = Leases(spool)
    spool.enqueue(payload("torn"))
    config = DeliveryConfig(base_url="http://127.0.0.1:9", api_key=API_KEY)

    reported: list[dict[str, Any]] = []

    async def go() -> None:
        loop = asyncio.get_running_loop()
        loop.set_exception_handler(lambda _loop, context: reported.append(context))
        async with Flusher(spool, config) as flusher:
            flusher._bind_loop()
            (claim,) = leases.claim(1, lease_s=60)
            recording = asyncio.ensure_future(
                flusher._record_outcome(claim, SendOutcome("delivered", 200, ""))
            )
            for _ in range(1000):  # yield until the settler has taken the batch
                if flusher._settler is not None and not flusher._unsettled:
                    break
                await asyncio.sleep(0)
            settler = flusher._settler
            assert settler is not None and not settler.done()
            recording.cancel()  # the send's task, cancelled at shutdown
            settler.cancel()  # then the loop's teardown cancels the settler too
            await asyncio.gather(recording, settler, return_exceptions=True)

    asyncio.run(go())
    gc.collect()  # the orphaned future, if any, reports itself when it is freed
    assert [c.get("message") for c in reported] == []
