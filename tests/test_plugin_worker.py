"""End to end with a real worker: `AgentServer` in dev mode, simulated jobs in real job
processes, LiveKit's own end-of-job sequence, the real spool file and the local receiver."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import API_KEY, cli_env, run_agent_script, run_cli
from zelto_spool import Spool

ROOT = Path(__file__).parent.parent
AGENT = ROOT / "examples" / "demo_agent.py"
ROOMS = [f"e2e-call-{i}" for i in range(8)]


def run_worker(spool_path: Path, receiver: Any, rooms: list[str], **env: str) -> None:
    """Run examples/demo_agent.py: a worker with one simulated job per room, to the end."""
    run_agent_script(AGENT, spool_path, receiver, *rooms, **{"ZELTO_AGENT_ID": "e2e-bot", **env})


def check_content(call: dict[str, Any], room: str) -> None:
    assert call["agent"] == {"externalId": "e2e-bot", "name": "Demo Support Bot"}
    assert call["call"]["externalId"] == room
    assert call["call"]["endedReason"] == "demo call finished"  # ctx.shutdown(reason) (issue 12)
    assert call["call"]["durationSeconds"] > 0
    turns = call["transcript"]["turns"]
    assert [t["role"] for t in turns] == ["user", "assistant", "user", "tool", "tool", "assistant"]
    assert turns[1]["content"] == "Hi, this is Demo Support. How can I help?"
    assert turns[3]["content"] == 'lookup_order({"order_id": "A-1001"})'


def test_8_jobs_with_zelto_down_stay_pending_then_drain(
    spool_path: Path, zelto_receiver: Any
) -> None:
    zelto_receiver.set_fault("down")
    run_worker(spool_path, zelto_receiver, ROOMS)
    spool = Spool(spool_path)
    rows = {r["call_id"]: r for r in spool.upkeep.rows()}
    assert set(rows) == set(ROOMS)
    assert {r["state"] for r in rows.values()} == {"pending"}
    for room in ROOMS:
        stored = spool.latest_payload(room)
        assert stored is not None
        check_content(stored, room)

    zelto_receiver.set_fault(None)
    result = run_cli("drain", env=cli_env(spool_path, zelto_receiver.base_url, API_KEY))
    assert result.returncode == 0, result.stdout
    assert set(zelto_receiver.calls) == set(ROOMS)
    for room in ROOMS:
        check_content(zelto_receiver.calls[room], room)


def test_8_jobs_with_zelto_up_are_delivered_before_their_processes_exit(
    spool_path: Path, zelto_receiver: Any
) -> None:
    run_worker(spool_path, zelto_receiver, ROOMS)
    # nothing else ran: no sidecar, no drain. The jobs sent their own calls.
    assert set(zelto_receiver.calls) == set(ROOMS)
    assert {r["state"] for r in Spool(spool_path).upkeep.rows()} == {"delivered"}
    assert len(zelto_receiver.posts) == 8
    for room in ROOMS:
        check_content(zelto_receiver.calls[room], room)


def test_attach_style_entrypoint_delivers_from_its_shutdown_callback(
    spool_path: Path, zelto_receiver: Any
) -> None:
    run_worker(spool_path, zelto_receiver, ROOMS[:4], ZELTO_DEMO_HOOK="attach")
    assert set(zelto_receiver.calls) == set(ROOMS[:4])
    assert {r["state"] for r in Spool(spool_path).upkeep.rows()} == {"delivered"}
    for room in ROOMS[:4]:
        check_content(zelto_receiver.calls[room], room)


def test_a_later_job_drains_leftovers_without_a_sidecar(
    spool_path: Path, zelto_receiver: Any
) -> None:
    zelto_receiver.set_fault("down")
    run_worker(spool_path, zelto_receiver, ROOMS[:5])
    assert Spool(spool_path).stats()["pending"] == 5
    Spool(spool_path).upkeep.make_due()  # skip the backoff the failed attempts scheduled
    zelto_receiver.set_fault(None)
    run_worker(spool_path, zelto_receiver, ["after-outage"])
    assert set(zelto_receiver.calls) == {*ROOMS[:5], "after-outage"}
    assert Spool(spool_path).stats()["pending"] == 0


def test_demo_command_runs(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZELTO_")}
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "demo.py"), "--quick"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().splitlines()[-1].startswith("5/5 calls delivered")


def test_real_worker_example_loads() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "worker.py"), "--help"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "start" in result.stdout


@pytest.mark.parametrize("hook", ["session_end", "attach"])
def test_job_counters_show_on_livekits_prometheus_endpoint(
    tmp_path: Path, spool_path: Path, zelto_receiver: Any, hook: str
) -> None:
    import socket

    from prometheus_client.parser import text_string_to_metric_families

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    page = tmp_path / "metrics.txt"
    run_worker(
        spool_path,
        zelto_receiver,
        ROOMS[:3],
        PROMETHEUS_MULTIPROC_DIR=str(tmp_path / "prom"),  # exported before the worker starts
        ZELTO_DEMO_PROMETHEUS_PORT=str(port),
        ZELTO_DEMO_METRICS_OUT=str(page),
        ZELTO_DEMO_HOOK=hook,  # attach alone queues through promote: counted the same
    )
    values = {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(page.read_text())
        for sample in family.samples
    }
    assert values[("zelto_plugin_calls_total", (("result", "spooled"),))] == 3
    assert values[("zelto_plugin_sends_total", (("outcome", "delivered"),))] == 3
    ran_hook = 3 if hook == "session_end" else 0  # attach alone has no on_session_end
    assert values.get(("zelto_plugin_session_end_seconds_count", ()), 0) == ran_hook
    assert any(name == "lk_agents_worker_load" for name, _ in values)  # LiveKit's own too
