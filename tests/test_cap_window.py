"""The disk cap keeps recently delivered calls for their enrichments (issue 11, item 6)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import payload
from tests.test_spool import Clock
from zelto_spool import Spool
from zelto_spool.delivery.claim import Leases


def deliver_all(spool: Spool) -> None:
    leases = Leases(spool)
    for claim in leases.claim(1000, lease_s=60):
        assert leases.mark_delivered(claim, status=200) == "delivered"


def test_an_outage_backlog_over_the_cap_keeps_calls_delivered_minutes_ago(
    spool_path: Path,
) -> None:
    clock = Clock()
    spool = Spool(spool_path, max_bytes=1024 * 1024, clock=clock)
    for i in range(30):
        spool.enqueue(payload(f"old-{i:02d}", turns=400))  # ~20 KB each
    deliver_all(spool)
    clock.now += 2 * 3600
    for i in range(10):
        spool.enqueue(payload(f"recent-{i}", turns=400))
    deliver_all(spool)
    clock.now += 60
    for i in range(60):  # Zelto is down: a backlog grows past the cap
        spool.enqueue(payload(f"backlog-{i:02d}", turns=400))
    assert spool.upkeep.size_bytes() > spool.max_bytes

    evicted, over = spool.upkeep.enforce_cap()  # one housekeeping round
    assert evicted == 30 and over  # every old call went, oldest first; still over: says so
    delivered = {r["call_id"] for r in spool.upkeep.rows(state="delivered")}
    assert delivered == {f"recent-{i}" for i in range(10)}
    assert spool.stats()["pending"] == 60

    # the recording URL of a call delivered a minute ago still finds it, and queues it again
    queued = spool.enrich("recent-3", {"call": {"recordingUrl": "https://s3.example/3.mp4"}})
    assert queued is not None and queued.version == 2

    clock.now += 3600  # past the window: those go too, oldest first
    evicted, _ = spool.upkeep.enforce_cap()
    assert evicted == 9  # recent-3 is pending again: never evicted
    assert {r["call_id"] for r in spool.upkeep.rows(state="delivered")} == set()
