"""The spool's record semantics on a real SQLite file: versions, leases, states, retention."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import payload, used_spool
from zelto_spool import PayloadError, Spool, SpoolError
from zelto_spool.delivery.claim import Leases
from zelto_spool.payload import encode
from zelto_spool.store.schema import SCHEMA_VERSION, schema_levels


class Clock:
    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def state_of(spool: Spool, call_id: str) -> dict:
    (row,) = spool.upkeep.rows(call_ids=[call_id])
    return row


def test_enqueue_is_one_pending_row_with_the_exact_body(spool: Spool) -> None:
    leases = Leases(spool)
    queued = spool.enqueue(payload("r1"))
    assert (queued.call_id, queued.version) == ("r1", 1)
    assert spool.stats()["pending"] == 1
    (claim,) = leases.claim(10, lease_s=60)
    assert claim.call_id == "r1" and claim.version == 1
    from zelto_spool.payload import decode

    assert decode(claim.body) == payload("r1")


def test_invalid_payload_never_touches_the_spool(spool: Spool) -> None:
    with pytest.raises(PayloadError, match="call.externalId"):
        spool.enqueue({"agent": {"externalId": "a"}, "call": {}})
    assert not spool.path.exists()


def test_newer_versions_supersede_an_undelivered_one(spool: Spool) -> None:
    leases = Leases(spool)
    for reason in ("v1", "v2", "v3"):
        spool.enqueue(payload("r1", endedReason=reason))
    assert spool.stats()["pending"] == 1
    (claim,) = leases.claim(10, lease_s=60)
    assert claim.version == 3 and b'"endedReason":"v3"' in claim.body


def test_newer_version_after_delivery_is_queued_again(spool: Spool) -> None:
    leases = Leases(spool)
    spool.enqueue(payload("r1"))
    (claim,) = leases.claim(1, lease_s=60)
    assert leases.mark_delivered(claim, status=200) == "delivered"
    spool.enqueue(payload("r1", recordingUrl="https://rec/1.ogg"))
    row = state_of(spool, "r1")
    assert (row["state"], row["version"], row["attempts"], row["delivered_version"]) == (
        "pending",
        2,
        0,
        1,
    )


def test_version_arriving_while_in_flight_is_not_swallowed(spool: Spool) -> None:
    leases = Leases(spool)
    spool.enqueue(payload("r1", endedReason="old"))
    (claim,) = leases.claim(1, lease_s=60)
    spool.enqueue(payload("r1", endedReason="new"))
    assert state_of(spool, "r1")["state"] == "inflight"  # the old send is still running
    assert leases.mark_delivered(claim, status=200) == "pending"
    (again,) = leases.claim(1, lease_s=60)
    assert again.version == 2 and b'"new"' in again.body
    assert leases.mark_delivered(again, status=200) == "delivered"


def test_dead_letter_with_a_newer_version_requeues(spool: Spool) -> None:
    leases = Leases(spool)
    spool.enqueue(payload("r1"))
    (claim,) = leases.claim(1, lease_s=60)
    spool.enqueue(payload("r1", endedReason="fixed"))
    assert leases.mark_dead(claim, status=422, error="HTTP 422: bad") == "pending"
    spool.enqueue(payload("r2"))
    (c2,) = [c for c in leases.claim(5, lease_s=60) if c.call_id == "r2"]
    assert leases.mark_dead(c2, status=422, error="HTTP 422: bad") == "dead"
    row = state_of(spool, "r2")
    assert (row["last_status"], row["last_error"]) == (422, "HTTP 422: bad")


def test_retry_schedules_next_attempt_in_the_row(spool_path: Path) -> None:
    clock = Clock()
    spool = Spool(spool_path, clock=clock)
    leases = Leases(spool)
    spool.enqueue(payload("r1"))
    (claim,) = leases.claim(1, lease_s=60)
    leases.mark_retry(claim, next_attempt_at=clock.now + 30, status=503, error="HTTP 503")
    assert leases.claim(1, lease_s=60) == []
    clock.now += 31
    (again,) = leases.claim(1, lease_s=60)
    assert again.attempts == 2


def test_marks_need_the_lease(spool_path: Path) -> None:
    clock = Clock()
    spool = Spool(spool_path, clock=clock)
    leases = Leases(spool)
    spool.enqueue(payload("r1"))
    (stale,) = leases.claim(1, lease_s=10)
    with sqlite3.connect(spool_path) as conn:  # an owner judged by expiry: another container's
        conn.execute("UPDATE calls SET lease_host = 'other-pod|boot|ns'")
    conn.close()
    clock.now += 11
    assert leases.reclaim() == ["r1"]  # expired: requeued
    (fresh,) = leases.claim(1, lease_s=10)
    assert leases.mark_delivered(stale, status=200) is None  # the old owner cannot clobber
    assert state_of(spool, "r1")["state"] == "inflight"
    assert leases.mark_delivered(fresh, status=200) == "delivered"


def test_release_does_not_count_the_attempt(spool: Spool) -> None:
    leases = Leases(spool)
    spool.enqueue(payload("r1"))
    (claim,) = leases.claim(1, lease_s=60)
    leases.release(claim, status=401, error="HTTP 401")
    row = state_of(spool, "r1")
    assert (row["state"], row["attempts"], row["last_status"]) == ("pending", 0, 401)


CLAIM_AND_DIE = """
import os, sys
from zelto_spool import Spool
from zelto_spool.delivery.claim import Leases
claims = Leases(Spool(sys.argv[1])).claim(10, lease_s=3600)
print(len(claims), flush=True)
os._exit(0)
"""


def test_lease_of_a_dead_process_is_reclaimed_at_once(spool: Spool) -> None:
    leases = Leases(spool)
    for i in range(3):
        spool.enqueue(payload(f"r{i}"))
    out = subprocess.run(
        [sys.executable, "-c", CLAIM_AND_DIE, str(spool.path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "3"
    assert spool.stats()["inflight"] == 3
    assert sorted(leases.reclaim()) == ["r0", "r1", "r2"]  # hour-long lease, owner gone: now
    row = state_of(spool, "r0")
    assert row["state"] == "pending" and "died" in row["last_error"]


def test_lease_of_another_host_waits_for_expiry(spool_path: Path) -> None:
    clock = Clock()
    spool = Spool(spool_path, clock=clock)
    leases = Leases(spool)
    spool.enqueue(payload("r1"))
    leases.claim(1, lease_s=60)
    with sqlite3.connect(spool_path) as conn:
        conn.execute("UPDATE calls SET lease_host = 'other-pod|boot|ns', lease_pid = 1")
    assert leases.reclaim() == []
    clock.now += 61
    assert leases.reclaim() == ["r1"]


def test_live_owner_keeps_its_lease(spool: Spool) -> None:
    leases = Leases(spool)
    spool.enqueue(payload("r1"))
    leases.claim(1, lease_s=60)
    assert leases.reclaim() == []
    assert spool.stats()["inflight"] == 1


def test_files_and_directory_are_private(spool: Spool) -> None:
    spool.enqueue(payload("r1"))
    assert stat.S_IMODE(spool.path.parent.stat().st_mode) == 0o700
    for suffix in ("", "-wal", "-shm"):
        f = Path(f"{spool.path}{suffix}")
        assert f.exists(), suffix
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, suffix


def test_wal_full_sync_and_schema_version(spool: Spool) -> None:
    spool.enqueue(payload("r1"))
    conn = spool.store.db._conn
    assert conn is not None
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    # written at the newest level, readable by the first: every step so far is additive
    assert schema_levels(conn) == (SCHEMA_VERSION, 1, "0.1.0")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1


def test_newer_schema_is_refused_with_a_clear_error(spool_path: Path) -> None:
    Spool(spool_path).enqueue(payload("r1"))
    with sqlite3.connect(spool_path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        needs = "UPDATE meta SET value = json_set(value, '$.needs', '9.1.0') WHERE key = 'schema'"
        conn.execute(needs)
    for upgrade in (True, False):
        with pytest.raises(SpoolError, match="newer than this zelto_spool") as caught:
            Spool(spool_path, upgrade=upgrade).stats()
        assert "needs zelto-spool 9.1.0" in str(caught.value)
        assert "Upgrading" in str(caught.value)


def test_purge_only_drops_delivered_rows_past_retention(spool_path: Path) -> None:
    clock = Clock()
    spool = Spool(spool_path, clock=clock, retention_s=7 * 86400)
    leases = Leases(spool)
    for call_id in ("old-delivered", "new-delivered", "dead", "pending"):
        spool.enqueue(payload(call_id))
    for claim in leases.claim(10, lease_s=60):
        if claim.call_id == "old-delivered":
            leases.mark_delivered(claim, status=200)
        elif claim.call_id == "dead":
            leases.mark_dead(claim, status=422, error="bad")
        elif claim.call_id == "pending":
            leases.mark_retry(claim, next_attempt_at=clock.now + 1, status=503, error="down")
        else:
            leases.release(claim)
    clock.now += 6 * 86400
    (claim,) = leases.claim(10, lease_s=60, call_id="new-delivered")
    leases.mark_delivered(claim, status=200)
    clock.now += 2 * 86400
    assert spool.upkeep.purge() == 1
    states = {r["call_id"]: r["state"] for r in spool.upkeep.rows()}
    assert states == {"new-delivered": "delivered", "dead": "dead", "pending": "pending"}
    assert spool.latest_payload("old-delivered") is None


def test_replay_requeues_delivered_and_dead(spool_path: Path) -> None:
    clock = Clock()
    spool = Spool(spool_path, clock=clock)
    leases = Leases(spool)
    for call_id in ("a", "b", "c"):
        spool.enqueue(payload(call_id))
    for claim in leases.claim(10, lease_s=60):
        if claim.call_id == "c":
            leases.mark_dead(claim, status=422, error="bad")
        else:
            leases.mark_delivered(claim, status=200)
    clock.now += 3600
    assert spool.upkeep.replay(state="dead") == ["c"]
    assert spool.upkeep.replay(since_s=60) == []  # a and b changed an hour ago
    assert sorted(spool.upkeep.replay(since_s=7200)) == ["a", "b"]
    assert {r["state"] for r in spool.upkeep.rows()} == {"pending"}


def test_pause_is_spool_wide_and_cleared_by_resume(spool: Spool) -> None:
    leases = Leases(spool)
    assert spool.pause_state() is None
    leases.pause("HTTP 401 from Zelto", status=401, probe_at=123.0)
    pause = spool.pause_state()
    assert pause is not None and (pause.reason, pause.status, pause.probe_at) == (
        "HTTP 401 from Zelto",
        401,
        123.0,
    )
    assert Spool(spool.path).stats()["paused"] == "HTTP 401 from Zelto"
    assert leases.resume() is True
    assert leases.resume() is False
    assert spool.stats()["paused"] is None


def test_make_due_brings_backoffs_forward(spool_path: Path) -> None:
    clock = Clock()
    spool = Spool(spool_path, clock=clock)
    leases = Leases(spool)
    spool.enqueue(payload("r1"))
    (claim,) = leases.claim(1, lease_s=60)
    leases.mark_retry(claim, next_attempt_at=clock.now + 300, status=503, error="x")
    assert leases.claim(1, lease_s=60) == []
    assert spool.upkeep.make_due() == 1
    assert len(leases.claim(1, lease_s=60)) == 1


def test_make_due_keeps_the_attempt_count(spool_path: Path) -> None:
    """`drain` restarts the backoff but not the count: 4 failed attempts and a delivery by
    `drain` showed `attempts 1` (the sidecar's path showed 5)."""
    clock = Clock()
    spool = Spool(spool_path, clock=clock)
    leases = Leases(spool)
    spool.enqueue(payload("r1"))
    for _ in range(4):
        spool.upkeep.make_due()
        (claim,) = leases.claim(1, lease_s=60)
        leases.mark_retry(claim, next_attempt_at=clock.now + 300, status=503, error="HTTP 503")
    assert spool.upkeep.make_due() == 1
    (claim,) = leases.claim(1, lease_s=60)
    assert claim.attempts == 5
    leases.mark_delivered(claim, status=200)
    (row,) = spool.upkeep.rows()
    assert row["state"] == "delivered" and row["attempts"] == 5, row


def test_an_interrupted_send_keeps_zeltos_last_answer_as_the_error(spool_path: Path) -> None:
    """A drain's deadline cutting off a send said `send interrupted (shutdown or deadline)`
    instead of the HTTP 429 that kept the call pending."""
    from zelto_spool.delivery.outcomes import INTERRUPTED

    clock = Clock()
    spool = Spool(spool_path, clock=clock)
    leases = Leases(spool)
    spool.enqueue(payload("r1"))
    spool.enqueue(payload("r2"))
    (claim,) = leases.claim(1, lease_s=60)
    leases.mark_retry(claim, next_attempt_at=clock.now, status=429, error="HTTP 429: slow down")
    claims = leases.claim(2, lease_s=60)
    for claim in claims:
        leases.release(claim, error=INTERRUPTED, in_doubt=True)
    rows = {row["call_id"]: row for row in spool.upkeep.rows()}
    assert rows["r1"]["last_error"] == "HTTP 429: slow down" and rows["r1"]["last_status"] == 429
    assert rows["r2"]["last_error"] == INTERRUPTED  # nothing earlier to keep
    assert rows["r1"]["attempts"] == 1


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_spool_object_is_safe_across_fork(spool: Spool) -> None:
    spool.enqueue(payload("parent-1"))  # the parent has an open connection now
    pid = os.fork()
    if pid == 0:  # child: same object, must open its own connection
        code = 0
        try:
            spool.enqueue(payload("child-1"))
            if spool.stats()["pending"] != 2:
                code = 3
        except BaseException:
            code = 4
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    spool.enqueue(payload("parent-2"))
    assert spool.stats()["pending"] == 3


def test_many_threads_share_one_spool(spool: Spool) -> None:
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            for i in range(25):
                spool.enqueue(payload(f"t{n}-{i}"))
        except BaseException as exc:  # pragma: no cover - a failure is the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert spool.stats()["pending"] == 400


def test_corrupt_file_is_set_aside_and_a_fresh_spool_takes_calls(spool_path: Path) -> None:
    used_spool(spool_path)  # a spool first: damage, not a file named by mistake
    spool_path.write_bytes(b"this is not a database" * 100)
    spool = Spool(spool_path)
    spool.enqueue(payload("after"))
    (moved,) = spool.store.db.recovered_to
    assert Path(moved).read_bytes().startswith(b"this is not a database")
    assert spool.stats()["pending"] == 1
    assert spool.stats()["corrupt_files"] == [moved]


def test_enrichment_for_a_call_never_seen_is_purged_after_retention(spool_path: Path) -> None:
    clock = Clock()
    spool = Spool(spool_path, clock=clock)
    assert spool.enrich("elsewhere", {"call": {"recordingUrl": "https://r/1"}}) is None
    spool.enqueue(payload("here"))
    assert spool.enrich("here", {"call": {"cost": 1}}) is not None
    clock.now += 8 * 86400
    spool.upkeep.purge()
    conn = spool.store.db._conn
    assert conn is not None
    assert [r[0] for r in conn.execute("SELECT call_id FROM enrichments")] == ["here"]


def test_enrichment_waiting_for_a_call_still_in_progress_survives_purge(spool_path: Path) -> None:
    clock = Clock()
    spool = Spool(spool_path, clock=clock)
    spool.live.start(
        "job-1", "long-call", b'{"agent":{"externalId":"a"},"call":{"externalId":"long-call"}}'
    )
    spool.enrich("long-call", {"call": {"recordingUrl": "https://r/long"}})
    clock.now += 3600
    spool.upkeep.purge(older_than_s=60)  # an operator's short purge while the call still runs
    spool.live.close("job-1", "long-call", encode(payload("long-call")))
    queued = spool.live.promote("job-1")
    assert queued is not None
    stored = spool.latest_payload("long-call")
    assert stored is not None and stored["call"]["recordingUrl"] == "https://r/long"


def test_replaying_a_pending_call_keeps_its_age(spool_path: Path) -> None:
    clock = Clock()
    spool = Spool(spool_path, clock=clock)
    spool.enqueue(payload("waiting"))
    clock.now += 600
    assert spool.upkeep.replay(call_ids=["waiting"]) == ["waiting"]  # made due now
    assert spool.stats()["oldest_pending_age_s"] == pytest.approx(600)
