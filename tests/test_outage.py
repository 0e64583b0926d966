"""Acceptance: an outage with many writer processes, then a flaky recovery, through the real CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.conftest import API_KEY, cli_env, payload, run_cli
from zelto_spool import Spool
from zelto_spool.payload import decode, encode

WRITER = """
import json, sys
from zelto_spool import Spool
spool = Spool(sys.argv[1])
with open(sys.argv[2]) as fh:
    for line in fh:
        spool.enqueue(json.loads(line))
print("ok", flush=True)
"""


def enqueue_from_processes(
    spool_path: Path, payloads: list[dict[str, Any]], processes: int
) -> None:
    files = []
    for i in range(processes):
        chunk = spool_path.parent.parent / f"chunk-{i}.jsonl"
        chunk.write_text("".join(json.dumps(p) + "\n" for p in payloads[i::processes]))
        files.append(chunk)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(spool_path), str(chunk)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for chunk in files
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert out.strip() == "ok" and err == ""  # no "database is locked", no warning


def test_300_calls_from_6_processes_survive_an_outage_and_a_flaky_recovery(
    spool_path: Path, zelto_receiver: Any
) -> None:
    calls = [payload(f"room-{i:03d}", turns=6, durationSeconds=i) for i in range(300)]
    zelto_receiver.set_fault("down")
    enqueue_from_processes(spool_path, calls, processes=6)
    env = cli_env(spool_path, zelto_receiver.base_url, API_KEY)

    down = run_cli("drain", "--timeout", "3", env=env)
    assert down.returncode == 1, down.stderr
    assert "300 left pending" in down.stdout
    stats = json.loads(run_cli("status", "--json", env=env).stdout)
    assert (stats["pending"], stats["delivered"], stats["dead"]) == (300, 0, 0)

    zelto_receiver.set_fault("flaky:0.2")
    # a bound, not a measure: a call refused several times in a row waits out full-jitter
    # backoff (up to 32 s after its 6th attempt, counting the outage's), and drain stops
    # before a retry due past its --timeout; 120 s left one call pending on a loaded box
    up = run_cli("drain", "--timeout", "280", env=env, timeout=290)
    assert up.returncode == 0, up.stdout + up.stderr
    assert "300 delivered" in up.stdout and "0 left pending" in up.stdout

    assert set(zelto_receiver.calls) == {c["call"]["externalId"] for c in calls}
    expected = {c["call"]["externalId"]: encode(c) for c in calls}
    accepted = {call_id: body for call_id, body in zelto_receiver.accepted}
    assert accepted == expected  # each with the exact enqueued body
    assert all(p.headers["x-zelto-provider"] == "livekit" for p in zelto_receiver.posts)
    assert not [p for p in zelto_receiver.posts if p.status is not None and 400 <= p.status < 500]
    assert any(p.status == 503 for p in zelto_receiver.posts)  # the flakiness was real

    stats = json.loads(run_cli("status", "--json", env=env).stdout)
    assert (stats["pending"], stats["inflight"], stats["delivered"], stats["dead"]) == (
        0,
        0,
        300,
        0,
    )
    assert stats["paused"] is None
    assert "delivered  300" in run_cli("status", env=env).stdout


def test_wrong_key_pauses_then_the_right_key_delivers(
    spool_path: Path, zelto_receiver: Any
) -> None:
    spool = Spool(spool_path)
    for i in range(20):
        spool.enqueue(payload(f"room-{i}"))
    wrong = cli_env(spool_path, zelto_receiver.base_url, "not-the-key")
    result = run_cli("drain", env=wrong)
    assert result.returncode == 1
    assert "paused" in result.stdout and "401" in result.stdout

    status = run_cli("status", env=wrong)
    assert "HTTP 401" in status.stdout and "ZELTO_API_KEY" in status.stdout
    assert run_cli("status", "--check", env=wrong).returncode == 1
    stats = json.loads(run_cli("status", "--json", env=wrong).stdout)
    assert (stats["pending"], stats["dead"], stats["delivered"]) == (20, 0, 0)

    right = cli_env(spool_path, zelto_receiver.base_url, API_KEY)
    result = run_cli("drain", env=right)
    assert result.returncode == 0, result.stdout
    stats = json.loads(run_cli("status", "--json", env=right).stdout)
    assert (stats["pending"], stats["delivered"], stats["paused"]) == (0, 20, None)
    assert run_cli("status", "--check", env=right).returncode == 0


def test_rejected_call_is_dead_listed_and_replayable(spool_path: Path, zelto_receiver: Any) -> None:
    spool = Spool(spool_path)
    for call_id in ("a", "poison", "b"):
        spool.enqueue(payload(call_id))
    zelto_receiver.reject("poison", status=422, reason="call.cost: must be a number")
    env = cli_env(spool_path, zelto_receiver.base_url, API_KEY)
    assert run_cli("drain", env=env).returncode == 0  # nothing left *pending*

    listed = run_cli("list", "--state", "dead", env=env).stdout.splitlines()[2:]  # header, rule
    assert len(listed) == 1 and "poison" in listed[0] and "422" in listed[0]
    assert "call.cost: must be a number" in listed[0]
    shown = run_cli("show", "poison", env=env).stdout
    assert "last_error" in shown and "call.cost: must be a number" in shown
    assert set(zelto_receiver.calls) == {"a", "b"}

    zelto_receiver.reject_ids.clear()
    replayed = run_cli("replay", "--state", "dead", env=env)
    assert replayed.returncode == 0 and "queued 1" in replayed.stdout
    assert run_cli("drain", env=env).returncode == 0
    assert set(zelto_receiver.calls) == {"a", "b", "poison"}
    assert decode(zelto_receiver.accepted[-1][1]) == payload("poison")
