"""Issue 7 acceptance with a real worker: a job process that dies mid-call still delivers its
call (live snapshots + the reaper), and a normal call only ever sends its final payload."""

from __future__ import annotations

import json
import signal
from pathlib import Path
from typing import Any

from tests.conftest import API_KEY, cli_env, run_cli
from tests.test_plugin_worker import check_content, run_worker
from tests.test_sidecar import start_sidecar
from zelto_spool import Spool
from zelto_spool.store.live import LOST_REASON

ROOMS = [f"crash-{i}" for i in range(3)]


def check_lost(call: dict[str, Any], room: str) -> None:
    assert call["call"]["externalId"] == room
    assert call["call"]["endedReason"] == LOST_REASON
    assert call["call"]["durationSeconds"] >= 0
    turns = call["transcript"]["turns"]
    assert [t["role"] for t in turns] == ["user", "assistant", "user", "tool", "tool", "assistant"]
    assert turns[0]["content"] == "Hello?" and turns[2]["content"] == "Where is my order A-1001?"


def test_a_killed_job_is_delivered_by_drain(spool_path: Path, zelto_receiver: Any) -> None:
    run_worker(spool_path, zelto_receiver, ROOMS, ZELTO_DEMO_HOOK="both", ZELTO_DEMO_KILL="1")
    spool = Spool(spool_path)
    assert spool.upkeep.rows() == []  # no hook ran: nothing was queued...
    assert len(spool.live.rows()) == 3  # ...but every call is on disk
    assert zelto_receiver.posts == []
    listed = run_cli("list", "--state", "live", "--json", env=cli_env(spool_path))
    assert [row["turns"] for row in json.loads(listed.stdout)] == [6, 6, 6]
    result = run_cli("drain", env=cli_env(spool_path, zelto_receiver.base_url, API_KEY))
    assert result.returncode == 0, result.stdout + result.stderr
    for room in ROOMS:
        check_lost(zelto_receiver.calls[room], room)
    stats = spool.stats()
    assert (stats["live"], stats["reaped"], stats["delivered"]) == (0, 3, 3)
    assert "reaped     3" in run_cli("status", env=cli_env(spool_path)).stdout


def test_a_killed_job_is_delivered_by_the_sidecar(spool_path: Path, zelto_receiver: Any) -> None:
    sidecar = start_sidecar(cli_env(spool_path, zelto_receiver.base_url, API_KEY))
    try:
        run_worker(spool_path, zelto_receiver, ROOMS, ZELTO_DEMO_HOOK="both", ZELTO_DEMO_KILL="1")
        assert zelto_receiver.wait_for(lambda r: set(ROOMS) <= set(r.calls), 20)
    finally:
        sidecar.send_signal(signal.SIGTERM)
        _, err = sidecar.communicate(timeout=30)
    assert sidecar.returncode == 0, err
    assert "lost mid-call" in err
    for room in ROOMS:
        check_lost(zelto_receiver.calls[room], room)
    assert len(zelto_receiver.posts) == 3  # once each


def test_a_normal_call_sends_only_its_final_payload(spool_path: Path, zelto_receiver: Any) -> None:
    # the sidecar is watching the spool the whole time: it must never see a partial call
    sidecar = start_sidecar(cli_env(spool_path, zelto_receiver.base_url, API_KEY))
    try:
        run_worker(spool_path, zelto_receiver, ROOMS, ZELTO_DEMO_HOOK="both")
        assert zelto_receiver.wait_for(lambda r: set(ROOMS) <= set(r.calls), 20)
    finally:
        sidecar.send_signal(signal.SIGTERM)
        sidecar.communicate(timeout=30)
    assert sorted(p.call_id for p in zelto_receiver.posts) == sorted(ROOMS)  # one POST each
    for room in ROOMS:
        check_content(zelto_receiver.calls[room], room)
    assert Spool(spool_path).live.rows() == []


def test_attach_only_worker_still_delivers_through_its_callback(
    spool_path: Path, zelto_receiver: Any
) -> None:
    run_worker(spool_path, zelto_receiver, ROOMS[:2], ZELTO_DEMO_HOOK="attach")
    assert sorted(zelto_receiver.calls) == ROOMS[:2]
    assert len(zelto_receiver.posts) == 2
    assert Spool(spool_path).live.rows() == []
