"""Live snapshots and the reaper, on a real spool file with real processes that die."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import payload
from tests.test_spool import Clock
from zelto_spool import Spool
from zelto_spool.payload import encode
from zelto_spool.store.live import LOST_REASON
from zelto_spool.store.reaper import reap

HEADER = {"agent": {"externalId": "bot"}, "call": {"externalId": "room-9"}}
TURNS = [{"role": "user", "content": "hello"}, {"role": "assistant", "content": "hi there"}]

# a job process: starts a snapshot, appends two turns, then dies without any hook
SNAPSHOT_AND_DIE = """
import os, sys, json
from zelto_spool import Spool
from zelto_spool.payload import encode
spool = Spool(sys.argv[1])
header = json.loads(sys.argv[2]); turns = json.loads(sys.argv[3])
spool.live.start(sys.argv[4], header["call"]["externalId"], encode(header))
spool.live.append(sys.argv[4], 0, [encode(t) for t in turns])
if len(sys.argv) > 5:
    spool.live.close(sys.argv[4], header["call"]["externalId"], sys.argv[5].encode())
if os.environ.get("STAY"):
    print("ready", flush=True); sys.stdin.read()
os._exit(0)
"""


def snapshot_args(spool_path: Path, job: str, room: str, final: bytes | None) -> list[str]:
    header = {**HEADER, "call": {"externalId": room}}
    args = [sys.executable, "-c", SNAPSHOT_AND_DIE, str(spool_path), json.dumps(header)]
    args += [json.dumps(TURNS), job]
    return args + ([final.decode()] if final is not None else [])


def snapshot_in_a_process(
    spool_path: Path, job: str = "job-1", room: str = "room-9", final: bytes | None = None
) -> None:
    """A job process that snapshots its call and dies without any hook."""
    args = snapshot_args(spool_path, job, room, final)
    subprocess.run(args, check=True, timeout=60, env={**os.environ, "STAY": ""})


def test_a_lost_process_snapshot_becomes_a_final_call(spool_path: Path) -> None:
    snapshot_in_a_process(spool_path)
    spool = Spool(spool_path)
    (live,) = spool.live.rows()
    assert (live["call_id"], live["turns"], live["closed"]) == ("room-9", 2, 0)
    assert spool.upkeep.rows() == []  # not in the delivery queue while live
    assert reap(spool.store) == ["room-9"]
    assert spool.live.rows() == [] and spool.stats()["reaped"] == 1
    call = spool.latest_payload("room-9")
    assert call is not None
    assert call["transcript"]["turns"] == TURNS
    assert call["call"]["endedReason"] == LOST_REASON
    assert call["call"]["durationSeconds"] >= 0
    assert reap(spool.store) == []  # idempotent


def test_a_closed_snapshot_keeps_its_own_reason(spool_path: Path) -> None:
    final = encode(
        {
            **HEADER,
            "call": {"externalId": "room-9", "endedReason": "participant_disconnected"},
            "transcript": {"turns": TURNS},
        }
    )
    snapshot_in_a_process(spool_path, final=final)
    spool = Spool(spool_path)
    assert reap(spool.store) == ["room-9"]
    call = spool.latest_payload("room-9")
    assert call is not None and call["call"]["endedReason"] == "participant_disconnected"


def test_a_live_owner_is_never_reaped(spool_path: Path) -> None:
    with subprocess.Popen(
        snapshot_args(spool_path, "job-1", "room-9", None),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "STAY": "1"},
    ) as proc:
        assert proc.stdout is not None and proc.stdin is not None
        assert proc.stdout.readline().strip() == "ready"
        spool = Spool(spool_path)
        assert reap(spool.store, stale_after_s=0) == []  # alive on this host: never, stale or not
        assert len(spool.live.rows()) == 1
        proc.stdin.close()
        proc.wait(timeout=60)
    assert reap(spool.store) == ["room-9"]


def test_owners_elsewhere_are_reaped_only_when_stale(spool_path: Path) -> None:
    clock = Clock()
    spool = Spool(spool_path, clock=clock)
    spool.live.start("job-x", "room-9", encode(HEADER))
    conn = spool.store.db._conn
    assert conn is not None
    conn.execute("UPDATE live SET owner_host = 'another-pod|boot|ns', owner_pid = 1")
    clock.now += 3600
    assert reap(spool.store, stale_after_s=7200) == []
    spool.live.heartbeat("job-x")  # a quiet call that is alive
    clock.now += 5000
    assert reap(spool.store, stale_after_s=7200) == []
    clock.now += 7201
    assert reap(spool.store, stale_after_s=7200) == ["room-9"]


def test_the_final_enqueue_drops_the_snapshot(spool_path: Path) -> None:
    spool = Spool(spool_path)
    spool.live.start("job-1", "room-1", encode(HEADER))
    spool.live.append("job-1", 0, [encode(t) for t in TURNS])
    spool.enqueue_encoded("room-1", encode(payload("room-1")), ends_live="job-1")
    assert spool.live.rows() == []
    conn = spool.store.db._conn
    assert conn is not None
    assert conn.execute("SELECT count(*) FROM live_turns").fetchone()[0] == 0


REAPER = """
import sys
from zelto_spool import Spool
from zelto_spool.store.reaper import reap
print(len(reap(Spool(sys.argv[1]).store)), flush=True)
"""


def test_two_reapers_at_once_enqueue_each_lost_call_once(spool_path: Path) -> None:
    for i in range(12):
        snapshot_in_a_process(spool_path, job=f"job-{i}", room=f"room-{i}")
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", REAPER, str(spool_path)], stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    counts = [int(p.communicate(timeout=60)[0]) for p in procs]
    assert sum(counts) == 12  # every snapshot reaped by exactly one of the two
    spool = Spool(spool_path)
    rows = spool.upkeep.rows()
    assert len(rows) == 12 and {r["version"] for r in rows} == {1}  # once, not twice
    assert spool.stats()["reaped"] == 12 and spool.live.rows() == []


def test_one_snapshot_that_cannot_be_assembled_does_not_stop_the_others(
    spool_path: Path, caplog: Any
) -> None:
    snapshot_in_a_process(spool_path, job="job-bad", room="room-bad")
    snapshot_in_a_process(spool_path, job="job-good", room="room-good")
    conn = sqlite3.connect(spool_path)  # damage one turn of one snapshot: not JSON any more
    with conn:
        conn.execute("UPDATE live_turns SET turn = x'7b7b' WHERE job_id = 'job-bad'")
    conn.close()
    spool = Spool(spool_path)
    with caplog.at_level(logging.ERROR, logger="zelto_spool"):
        assert reap(spool.store) == ["room-good"]
    assert "could not enqueue the call of a lost agent process" in caplog.text
    assert [r["job_id"] for r in spool.live.rows()] == ["job-bad"]  # kept, never dropped
    assert [r["call_id"] for r in spool.upkeep.rows()] == ["room-good"]


def test_an_enrichment_too_big_for_the_call_never_costs_the_call(
    spool_path: Path, caplog: Any
) -> None:
    spool = Spool(spool_path, max_payload_bytes=4096)
    spool.enrich("room-1", {"call": {"recordingUrl": "https://r.example/" + "a" * 3000}})
    big = payload("room-1")
    big["transcript"] = {"turns": [{"role": "user", "content": "x" * 2000}]}
    with caplog.at_level(logging.ERROR, logger="zelto_spool"):
        queued = spool.enqueue(big)  # the call fits; with the enrichment it would not
    assert queued.version == 1
    assert "spooled without it" in caplog.text
    stored = spool.latest_payload("room-1")
    assert stored is not None and "recordingUrl" not in stored["call"]


def snapshot_turns(spool_path: Path, job_id: str) -> list[tuple[str, str]]:
    conn = sqlite3.connect(spool_path)
    try:
        rows = conn.execute(
            "SELECT turn FROM live_turns WHERE job_id = ? ORDER BY seq", (job_id,)
        ).fetchall()
    finally:
        conn.close()
    return [(t["role"], t["content"]) for t in (json.loads(bytes(r[0])) for r in rows)]


def test_a_turn_inserted_mid_history_is_snapshotted_in_its_place(spool_path: Path) -> None:
    # LiveKit orders history by created_at: a realtime model's user transcript can be added
    # after the reply it prompted yet land before it
    from livekit.agents import llm

    from livekit.plugins.zelto._live import LiveTracker

    spool = Spool(spool_path)
    tracker = LiveTracker(
        spool, job_id="job-1", call_id="room-1", redact=lambda p: p, include_tools=True
    )
    tracker.start(HEADER)
    history = llm.ChatContext()
    t0 = 1_000_000.0
    for role, text, at in [
        ("assistant", "Hello, how can I help?", t0),
        ("assistant", "Your order ships tomorrow.", t0 + 2),
        ("user", "Where is my order?", t0 + 1),
    ]:
        history.insert(llm.ChatMessage(role=role, content=[text], created_at=at))  # type: ignore[arg-type]
        tracker.update(list(history.items), HEADER)
        tracker.flush()
    assert snapshot_turns(spool_path, "job-1") == [
        ("assistant", "Hello, how can I help?"),
        ("user", "Where is my order?"),
        ("assistant", "Your order ships tomorrow."),
    ]
    (live,) = spool.live.rows()
    assert live["turns"] == 3


def test_a_snapshot_write_that_comes_late_never_revives_a_finished_call(spool_path: Path) -> None:
    # one writer thread per process: another job's write can hold it past the close's flush
    import threading

    from livekit.plugins.zelto._live import LiveTracker, _executor

    spool = Spool(spool_path)
    release = threading.Event()
    _executor().submit(release.wait, 30)
    tracker = LiveTracker(
        spool, job_id="job-1", call_id="room-1", redact=lambda p: p, include_tools=True
    )
    tracker.start(HEADER)  # queued behind the stuck write
    tracker.update([], HEADER)
    final = encode({**payload("room-1"), "transcript": {"turns": TURNS}})
    spool.live.close("job-1", "room-1", final)  # the session closed; the final is queued
    assert spool.live.promote("job-1") is not None
    release.set()  # now the late START and append run
    tracker.flush()
    assert spool.live.rows() == []  # nothing for a reaper to turn into a "lost" version
    (row,) = spool.upkeep.rows()
    assert row["version"] == 1 and spool.latest_payload("room-1") == json.loads(final)


def test_a_snapshot_whose_start_failed_is_registered_by_the_next_turn(
    spool_path: Path, monkeypatch: Any
) -> None:
    from livekit.agents import llm

    from livekit.plugins.zelto._live import LiveTracker
    from zelto_spool import SpoolWriteError
    from zelto_spool.store.live import LiveCalls

    real_start = LiveCalls.start
    calls = []

    def busy_once(self: Any, *args: Any, **kwargs: Any) -> None:
        calls.append(args)
        if len(calls) == 1:  # the spool stayed busy past its timeout, once
            raise SpoolWriteError("spool stayed busy for 30 s (database is locked)")
        real_start(self, *args, **kwargs)

    monkeypatch.setattr(LiveCalls, "start", busy_once)
    spool = Spool(spool_path)
    tracker = LiveTracker(
        spool, job_id="job-1", call_id="room-1", redact=lambda p: p, include_tools=True
    )
    tracker.start(HEADER)
    tracker.flush()
    assert spool.live.rows() == []
    history = llm.ChatContext()
    for turn in TURNS:
        history.add_message(role=turn["role"], content=[turn["content"]])  # type: ignore[arg-type]
        tracker.update(list(history.items), HEADER)
        tracker.flush()
    assert snapshot_turns(spool_path, "job-1") == [(t["role"], t["content"]) for t in TURNS]
    (live,) = spool.live.rows()
    assert live["turns"] == 2 and len(calls) == 2


def test_a_snapshot_reaped_while_its_job_runs_still_gets_the_final(spool_path: Path) -> None:
    """A reaper that takes a live job for lost (its owner out of sight and quiet past
    `stale_after_s`): the job's later turns are refused, and its final still lands, as a
    newer version over the lost one, through either way a job writes it."""
    clock = Clock()
    spool = Spool(spool_path, clock=clock)
    for job, room in (("job-a", "room-a"), ("job-b", "room-b")):
        spool.live.start(job, room, encode({**HEADER, "call": {"externalId": room}}))
        assert spool.live.append(job, 0, [encode(t) for t in TURNS])
    conn = spool.store.db._conn
    assert conn is not None
    conn.execute("UPDATE live SET owner_host = 'another-pod|boot|ns', owner_pid = 1")
    clock.now += 7201
    assert sorted(reap(spool.store, stale_after_s=7200)) == ["room-a", "room-b"]
    assert not spool.live.append("job-a", 2, [encode(TURNS[0])])  # refused, not revived
    # on_session_end: the final enqueued with the snapshot it ends (gone already)
    spool.enqueue_encoded("room-a", encode(payload("room-a", turns=4)), ends_live="job-a")
    # attach alone: the final stored at close, then promoted by the shutdown callback
    spool.live.close("job-b", "room-b", encode(payload("room-b", turns=4)))
    assert spool.live.promote("job-b") is not None
    for room in ("room-a", "room-b"):
        final = spool.latest_payload(room)
        assert spool.show(room)["version"] == 2
        assert len(final["transcript"]["turns"]) == 4
        assert final["call"].get("endedReason") != LOST_REASON
    assert spool.live.rows() == []


def test_a_rewritten_snapshot_turn_leaves_no_trace_of_its_earlier_text(
    spool_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the redactor may rewrite a turn it wrote before ("... 4111 1111" then "[card]" once the
    # rest was said): SQLite keeps a replaced cell's bytes in the page's free space unless it
    # was built with SECURE_DELETE (Debian's is; python.org's and Windows' are not)
    connect = sqlite3.connect

    def built_without_secure_delete(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = connect(*args, **kwargs)
        conn.execute("PRAGMA secure_delete = 0")
        return conn

    monkeypatch.setattr(sqlite3, "connect", built_without_secure_delete)
    spool = Spool(spool_path)
    spool.live.start("job-1", "room-9", encode(HEADER))
    said = {"role": "user", "content": "my card is 4111 1111 1111 1111 and it expires soon"}
    turns = [encode(TURNS[i % 2]) for i in range(12)]
    assert spool.live.append("job-1", 0, [*turns[:5], encode(said), *turns[6:]])
    later = {**said, "content": "my card is [card] and it expires soon, " + "and so on " * 8}
    assert spool.live.append("job-1", 5, [encode(later)], total=12)
    spool.close()
    with sqlite3.connect(spool_path) as conn:  # what the sidecar's checkpoints do in time
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    files = [spool_path, Path(f"{spool_path}-wal")]
    assert not any(b"4111 1111" in f.read_bytes() for f in files if f.exists())
    assert b"[card] and it expires soon" in spool_path.read_bytes()
