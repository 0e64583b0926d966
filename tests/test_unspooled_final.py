"""Issue 19.1: a final payload the spool could not take is sent directly, and the stale live
snapshot it leaves is never reaped over it (a real worker, real job processes, a real spool
refusing writes at the store seam, the real `drain` reaper, the local receiver)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import API_KEY, cli_env, run_agent_script, run_cli
from zelto_spool import Spool

ROOT = Path(__file__).parent.parent
AGENT = ROOT / "tests" / "spool_fails_agent.py"
ROOMS = ["refused-1", "refused-2"]
ROLES = ["user", "assistant", "user", "tool", "tool", "assistant"]

pytestmark = pytest.mark.slow


def run_agent(spool_path: Path, receiver: Any, refused: str, hook: str) -> str:
    return run_agent_script(
        AGENT, spool_path, receiver, *ROOMS, ZELTO_TEST_REFUSED_WRITES=refused, ZELTO_TEST_HOOK=hook
    ).stderr


def complete(call: dict[str, Any], room: str) -> None:
    assert call["call"]["externalId"] == room
    assert call["call"]["endedReason"] == "call finished"
    assert [t["role"] for t in call["transcript"]["turns"]] == ROLES


@pytest.mark.parametrize(("hook", "refused"), [("both", "1"), ("both", "3"), ("attach", "1")])
def test_a_reaped_snapshot_never_lands_over_a_final_sent_directly(
    spool_path: Path, zelto_receiver: Any, hook: str, refused: str
) -> None:
    log = run_agent(spool_path, zelto_receiver, refused, hook)
    assert "could not spool the call; trying to send it directly" in log
    for room in ROOMS:  # the job sent the complete call itself
        complete(zelto_receiver.calls[room], room)
    # the job processes are gone; the reaper runs
    result = run_cli("drain", env=cli_env(spool_path, zelto_receiver.base_url, API_KEY))
    assert result.returncode == 0, result.stdout + result.stderr
    for room in ROOMS:  # what Zelto ends with: the complete call, never the 2-turn snapshot
        complete(zelto_receiver.calls[room], room)
        for call_id, body in zelto_receiver.accepted:
            if call_id == room:
                complete(json.loads(body), room)
    spool = Spool(spool_path)
    assert spool.live.rows() == []
    assert spool.stats()["reaped"] == 0
    for room in ROOMS:  # the spool holds the call as sent, for `show`, `replay` and `enrich`
        stored = spool.latest_payload(room)
        assert stored is not None
        complete(stored, room)
