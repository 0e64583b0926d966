"""The flusher against the real receiver: versions, retries, Retry-After, pause, dead letters."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import API_KEY, payload, wait_until
from zelto_spool import DeliveryConfig, Spool
from zelto_spool.delivery.claim import Leases
from zelto_spool.delivery.flusher import NO_KEY_REASON, Flusher
from zelto_spool.payload import decode


def flusher_for(spool: Spool, receiver: Any, **options: Any) -> Flusher:
    options.setdefault("api_key", API_KEY)
    config = DeliveryConfig(base_url=receiver.base_url, **options)
    return Flusher(spool, config, poll_interval_s=0.2)


def drain(spool: Spool, receiver: Any, timeout: float = 20.0, **options: Any) -> Any:
    async def go() -> Any:
        async with flusher_for(spool, receiver, **options) as flusher:
            return await flusher.drain(timeout=timeout)

    return asyncio.run(go())


def posts_for(receiver: Any, call_id: str) -> list[Any]:
    return [p for p in receiver.posts if p.call_id == call_id]


def row(spool: Spool, call_id: str) -> dict[str, Any]:
    (r,) = spool.upkeep.rows(call_ids=[call_id])
    return r


def after_first_post(receiver: Any, then: Any) -> threading.Thread:
    """Run `then()` once the receiver has seen a request (no sleeps)."""

    def watch() -> None:
        if receiver.wait_for(lambda r: len(r.posts) >= 1, 10):
            then()

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


def test_headers_and_exact_body(spool: Spool, zelto_receiver: Any) -> None:
    queued = spool.enqueue(payload("room-1"))
    report = drain(spool, zelto_receiver)
    assert report.ok and report.delivered == 1
    (post,) = zelto_receiver.posts
    assert post.headers["authorization"] == f"Bearer {API_KEY}"
    assert post.headers["x-zelto-provider"] == "livekit"
    assert post.headers["content-type"] == "application/json"
    assert post.headers["user-agent"].startswith("livekit-plugins-zelto/")
    assert decode(post.body) == payload("room-1") and len(post.body) == queued.size
    assert row(spool, "room-1")["state"] == "delivered"


def test_three_versions_one_post_then_a_fourth_is_sent_again(
    spool: Spool, zelto_receiver: Any
) -> None:
    for n in (1, 2, 3):
        spool.enqueue(payload("room-1", endedReason=f"v{n}"))
    drain(spool, zelto_receiver)
    assert [decode(p.body)["call"]["endedReason"] for p in posts_for(zelto_receiver, "room-1")] == [
        "v3"
    ]
    spool.enqueue(payload("room-1", endedReason="v4"))
    drain(spool, zelto_receiver)
    assert [decode(p.body)["call"]["endedReason"] for p in posts_for(zelto_receiver, "room-1")] == [
        "v3",
        "v4",
    ]
    assert zelto_receiver.calls["room-1"]["call"]["endedReason"] == "v4"
    assert row(spool, "room-1")["delivered_version"] == 4


def test_version_enqueued_while_in_flight_is_not_lost(spool: Spool, zelto_receiver: Any) -> None:
    spool.enqueue(payload("room-1", endedReason="old"))
    zelto_receiver.set_fault("slow:1")
    newer = Spool(spool.path)  # another process's view, as a job would have
    enqueued = threading.Event()

    def enqueue_newer() -> None:
        newer.enqueue(payload("room-1", endedReason="new"))
        zelto_receiver.set_fault(None)
        enqueued.set()

    after_first_post(zelto_receiver, enqueue_newer)
    report = drain(spool, zelto_receiver)
    assert enqueued.is_set() and report.ok
    reasons = [decode(p.body)["call"]["endedReason"] for p in posts_for(zelto_receiver, "room-1")]
    assert reasons == ["old", "new"]
    assert zelto_receiver.calls["room-1"]["call"]["endedReason"] == "new"
    assert row(spool, "room-1")["state"] == "delivered"


def test_retry_after_is_honoured(spool: Spool, zelto_receiver: Any) -> None:
    spool.enqueue(payload("room-1"))
    zelto_receiver.set_fault("429:2")
    after_first_post(zelto_receiver, lambda: zelto_receiver.set_fault(None))
    report = drain(spool, zelto_receiver)
    assert report.ok and report.retried == 1
    first, second = posts_for(zelto_receiver, "room-1")
    assert first.status == 429 and second.status == 200
    assert second.at - first.at >= 2.0  # not before Retry-After


def test_retry_after_is_stored_as_next_attempt_at(spool: Spool, zelto_receiver: Any) -> None:
    spool.enqueue(payload("room-1"))
    zelto_receiver.set_fault("429:120")
    report = drain(spool, zelto_receiver, timeout=5)
    assert not report.ok
    r = row(spool, "room-1")
    assert r["state"] == "pending" and r["last_status"] == 429
    assert r["next_attempt_at"] - r["last_attempt_at"] >= 119.9
    assert len(zelto_receiver.posts) == 1  # drain did not hammer inside the window


def test_hang_times_out_then_retries(spool: Spool, zelto_receiver: Any) -> None:
    spool.enqueue(payload("room-1"))
    zelto_receiver.set_fault("hang")

    def heal_after_the_timeout() -> None:
        # switching the mode would release the hung request: wait for the client to give up
        wait_until(lambda: "timeout" in (row(spool, "room-1")["last_error"] or ""))
        zelto_receiver.set_fault(None)

    after_first_post(zelto_receiver, heal_after_the_timeout)
    report = drain(spool, zelto_receiver, total_timeout_s=0.5, backoff_base_s=0.05)
    assert report.ok and report.retried == 1
    assert [p.status for p in posts_for(zelto_receiver, "room-1")][-1] == 200
    assert zelto_receiver.calls["room-1"] == payload("room-1")


@pytest.mark.parametrize("fault", ["5xx", "5xx:500", "nonjson", "noreceived", "flaky:1.0"])
def test_transient_answers_keep_the_call_pending_with_backoff(
    spool: Spool, zelto_receiver: Any, fault: str
) -> None:
    spool.enqueue(payload("room-1"))
    zelto_receiver.set_fault(fault)
    report = drain(spool, zelto_receiver, timeout=1.5, backoff_base_s=30)
    assert not report.ok and report.retried >= 1 and report.dead == 0
    r = row(spool, "room-1")
    assert r["state"] == "pending" and r["attempts"] >= 1 and r["last_error"]
    assert r["next_attempt_at"] > r["last_attempt_at"]
    zelto_receiver.set_fault(None)
    assert drain(spool, zelto_receiver).ok


def test_connection_refused_keeps_everything(spool: Spool, zelto_receiver: Any) -> None:
    for i in range(5):
        spool.enqueue(payload(f"room-{i}"))
    zelto_receiver.set_fault("down")
    report = drain(spool, zelto_receiver, timeout=1.0, backoff_base_s=5)
    assert report.remaining == 5 and report.delivered == 0
    assert {r["state"] for r in spool.upkeep.rows()} == {"pending"}
    zelto_receiver.set_fault(None)
    assert drain(spool, zelto_receiver).delivered == 5


def test_wrong_key_pauses_the_whole_spool_and_keeps_rows(spool: Spool, zelto_receiver: Any) -> None:
    for i in range(10):
        spool.enqueue(payload(f"room-{i}"))
    report = drain(spool, zelto_receiver, api_key="wrong-key")
    assert not report.ok and "401" in (report.paused or "")
    assert len(zelto_receiver.posts) == 1  # one probe, not ten failures
    stats = spool.stats()
    assert (stats["pending"], stats["dead"]) == (10, 0)
    assert "ZELTO_API_KEY" in stats["paused"]
    assert all(r["attempts"] == 0 for r in spool.upkeep.rows())
    # the key is fixed: a new process probes at once, the pause clears, everything flows
    report = drain(spool, zelto_receiver)
    assert report.ok and report.delivered == 10
    assert spool.stats()["paused"] is None


def test_poison_call_is_dead_lettered_and_others_flow(spool: Spool, zelto_receiver: Any) -> None:
    for call_id in ("good-1", "poison", "good-2"):
        spool.enqueue(payload(call_id))
    zelto_receiver.reject("poison", status=422, reason="transcript.turns[0].role: unsupported")
    report = drain(spool, zelto_receiver)
    assert report.ok and (report.delivered, report.dead) == (2, 1)
    dead = row(spool, "poison")
    assert dead["state"] == "dead" and dead["last_status"] == 422
    assert "transcript.turns[0].role: unsupported" in dead["last_error"]
    assert set(zelto_receiver.calls) == {"good-1", "good-2"}


def test_missing_key_sends_nothing(spool: Spool, zelto_receiver: Any) -> None:
    spool.enqueue(payload("room-1"))

    async def go() -> Any:
        config = DeliveryConfig(base_url=zelto_receiver.base_url, api_key=None)
        async with Flusher(spool, config) as flusher:
            return await flusher.drain(timeout=2)

    report = asyncio.run(go())
    assert report.paused == NO_KEY_REASON and report.remaining == 1
    assert zelto_receiver.posts == []
    assert row(spool, "room-1")["attempts"] == 0


def test_deliver_sends_one_call_now(spool: Spool, zelto_receiver: Any) -> None:
    spool.enqueue(payload("other"))
    spool.enqueue(payload("mine"))

    async def go() -> Any:
        async with flusher_for(spool, zelto_receiver) as flusher:
            return await flusher.deliver("mine", timeout=5)

    outcome = asyncio.run(go())
    assert outcome is not None and outcome.kind == "delivered"
    assert set(zelto_receiver.calls) == {"mine"}
    assert row(spool, "other")["state"] == "pending"


def test_drain_due_respects_backoff_and_count(spool_path: Path, zelto_receiver: Any) -> None:
    spool = Spool(spool_path)
    leases = Leases(spool)
    for i in range(6):
        spool.enqueue(payload(f"room-{i}"))
    claims = leases.claim(1, lease_s=60)
    leases.mark_retry(claims[0], next_attempt_at=spool.clock() + 600, status=503, error="x")

    async def go() -> Any:
        async with flusher_for(spool, zelto_receiver) as flusher:
            return await flusher.drain_due(timeout=5, max_calls=3)

    report = asyncio.run(go())
    assert report.delivered == 3
    assert spool.stats()["pending"] == 3  # 2 left due + the one in backoff


def test_drain_never_stops_with_rows_pending(spool_path: Path) -> None:
    """Regression: finished sends counted as busy slots made a drain end early, exit 1."""
    import httpx

    spool = Spool(spool_path)

    def ok(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"received": True})

    for attempt in range(8):  # it bit about 2 drains in 3 before the fix
        for i in range(150):
            spool.enqueue(payload(f"r{attempt}-{i}"))

        async def go() -> Any:
            config = DeliveryConfig(base_url="https://zelto.test", api_key=API_KEY, concurrency=4)
            async with Flusher(spool, config, transport=httpx.MockTransport(ok)) as flusher:
                return await flusher.drain(timeout=60)

        report = asyncio.run(go())
        assert report.remaining == 0 and report.delivered == 150, report


def test_the_running_flusher_outlasts_a_spool_that_stays_busy(
    spool_path: Path, zelto_receiver: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """A claim that waits out the busy timeout is logged and tried again; the sidecar lives."""
    spool = Spool(spool_path, busy_timeout=0.2)
    spool.enqueue(payload("room-1"))
    locked, release = threading.Event(), threading.Event()

    def hold_the_write_lock() -> None:
        conn = sqlite3.connect(spool_path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        locked.set()
        release.wait(30)
        conn.execute("COMMIT")
        conn.close()

    holder = threading.Thread(target=hold_the_write_lock, daemon=True)
    holder.start()
    assert locked.wait(10)

    async def until(predicate: Any, timeout: float = 20.0) -> None:
        deadline = asyncio.get_running_loop().time() + timeout
        while not predicate():
            assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
            await asyncio.sleep(0.01)

    def logged(text: str) -> bool:
        return any(text in r.getMessage() for r in caplog.records)

    async def go() -> None:
        stop = asyncio.Event()
        async with flusher_for(spool, zelto_receiver) as flusher:
            running = asyncio.ensure_future(flusher.run(stop))
            await until(lambda: logged("spool error in the sender loop; trying again"))
            assert not running.done()
            release.set()
            await until(lambda: "room-1" in zelto_receiver.calls)
            stop.set()
            await running

    with caplog.at_level(logging.ERROR, logger="zelto_spool"):
        asyncio.run(go())
    holder.join(10)
    assert row(spool, "room-1")["state"] == "delivered"
