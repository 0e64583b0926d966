"""Issue 12 acceptance: what Zelto receives is what happened, on real job processes.

One worker run per hook style (`on_session_end`, `attach`, both) plays every scenario of
tests/fidelity_agent.py as its own job; each job dumps LiveKit's own record (history items,
start and close times), and the received transcript is compared with it turn by turn, by an
oracle written from README's "What is sent" table.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from livekit.plugins.zelto._ending import CRASHED
from tests.conftest import API_KEY, cli_env, run_cli
from zelto_spool import Spool
from zelto_spool.store.live import LOST_REASON

AGENT = Path(__file__).parent / "fidelity_agent.py"
GOODBYE = "caller said goodbye"
ROOMS = [
    "unicode",
    "oversize",
    "interrupted",
    "media",
    "parallel",
    "handoff",
    "two-sessions",
    "crash",
    "hangup",
    "early-crash",
    "worker-stop",
]


def repaired(text: str) -> str:
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def expected_turns(record: dict[str, Any]) -> list[dict[str, str]]:
    """README's table, applied to LiveKit's record of the sessions."""
    roles = {"user": "user", "assistant": "assistant", "system": "system", "developer": "system"}
    turns: list[dict[str, str]] = []
    calls: dict[str, str] = {}
    for n, items in enumerate(record["sessions"]):
        if n:
            turns.append({"role": "system", "content": "[a new agent session started]"})
        for item in items:
            if item["type"] == "message":
                parts = []
                for part in item["content"]:
                    if isinstance(part, str):
                        parts.append(part)
                    elif part["type"] == "audio_content":
                        parts.append(part["transcript"] or "[audio]")
                    elif part["type"] == "image_content":
                        parts.append("[image]")
                text = "\n".join(p for p in parts if p.strip())
                if text.strip():
                    if item["interrupted"]:
                        text += " [interrupted]"
                    turns.append({"role": roles[item["role"]], "content": text})
            elif item["type"] == "function_call":
                calls[item["call_id"]] = f"{item['name']}({item['arguments']})"
                turns.append({"role": "tool", "content": calls[item["call_id"]]})
            elif item["type"] == "function_call_output":
                verb = "failed:" if item["is_error"] else "->"
                output = item["output"].strip() or "(no output)"
                turns.append(
                    {"role": "tool", "content": f"{calls[item['call_id']]} {verb} {output}"}
                )
            elif item["type"] == "agent_handoff" and item["old_agent_id"]:
                text = f"[handoff from {item['old_agent_id']} to {item['new_agent_id']}]"
                turns.append({"role": "system", "content": text})
    return [{**t, "content": repaired(t["content"])} for t in turns]


@pytest.fixture(scope="module", params=["session_end", "attach", "both"])
def run(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """(hook, received calls by room, LiveKit's records by room) for one worker run."""
    from zelto_spool.testing.receiver import Receiver  # the loopback Zelto the fixture also uses

    hook = request.param
    base = tmp_path_factory.mktemp(f"fidelity-{hook}")
    spool_path = base / "spool.db"
    rooms = ROOMS + (["kill"] if hook != "session_end" else [])
    with Receiver(api_key=API_KEY) as receiver:
        env = {
            **cli_env(spool_path, receiver.base_url, API_KEY),
            "ZELTO_FIDELITY_HOOK": hook,
            "ZELTO_FIDELITY_OUT": str(base),
            "PYTHONPATH": str(AGENT.parent.parent),
        }
        result = subprocess.run(
            [sys.executable, str(AGENT), *rooms],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        drained = run_cli("drain", env=cli_env(spool_path, receiver.base_url, API_KEY))
        assert drained.returncode == 0, drained.stdout + drained.stderr  # reaps the killed job
        calls = dict(receiver.calls)
    assert Spool(spool_path).live.rows() == []
    records = {path.stem: json.loads(path.read_text()) for path in base.glob("*.json")}
    return hook, calls, records


def test_every_transcript_matches_livekits_history(run: Any) -> None:
    hook, calls, records = run
    for room, record in records.items():
        if room == "oversize":
            continue  # cut to fit: its own test
        assert calls[room]["transcript"]["turns"] == expected_turns(record), room


def test_1_a_bad_turn_is_repaired_and_a_huge_one_cut_never_the_transcript(run: Any) -> None:
    _hook, calls, records = run
    unicode = [t["content"] for t in calls["unicode"]["transcript"]["turns"]]
    assert "fetch_note({}) -> note: caf\u00e9 \ufffd" in unicode
    got = calls["oversize"]["transcript"]["turns"]
    want = expected_turns(records["oversize"])
    assert got[0]["role"] == "system" and "transcript cut to fit" in got[0]["content"]
    assert len(got) == len(want) + 1  # every turn kept, one notice added
    (cut,) = [i for i, (a, b) in enumerate(zip(got[1:], want, strict=True)) if a != b]
    assert want[cut]["content"].startswith("fetch_log({}) -> xxx")
    assert got[1 + cut]["content"].endswith("bytes removed]")


def test_2_an_interrupted_reply_is_marked(run: Any) -> None:
    contents = [t["content"] for t in run[1]["interrupted"]["transcript"]["turns"]]
    assert "Your order will ship on [interrupted]" in contents


def test_3_duration_ends_when_the_session_closed(run: Any) -> None:
    _hook, calls, records = run
    for room in ("hangup", "two-sessions"):
        record = records[room]
        said = record["closed_at"] - record["started_at"]  # LiveKit's own times
        assert calls[room]["call"]["durationSeconds"] == pytest.approx(said, abs=0.0015), room


def test_4_ended_reason_tells_crashes_from_the_developers_reason(run: Any) -> None:
    hook, calls, _records = run
    assert calls["crash"]["call"]["endedReason"] == CRASHED
    for room in ("unicode", "hangup", "two-sessions", "handoff"):
        assert calls[room]["call"]["endedReason"] == GOODBYE, room
    assert calls["worker-stop"]["call"]["endedReason"] == "worker_shutdown"
    if hook != "session_end":
        assert calls["kill"]["call"]["endedReason"] == LOST_REASON


def test_5_every_session_of_a_job_reaches_zelto_in_order(run: Any) -> None:
    hook, calls, records = run
    rooms = ["two-sessions"] + (["kill"] if hook != "session_end" else [])
    for room in rooms:
        contents = [t["content"] for t in calls[room]["transcript"]["turns"]]
        assert contents == [
            "Hello?",
            "Hi from the first session.",
            "[a new agent session started]",
            "Still there?",
            "Hi from the second session.",
        ], room
    if hook != "session_end":  # the killed job's snapshot holds both sessions, in order
        assert calls["kill"]["transcript"]["turns"] == expected_turns(records["kill"])


def test_6_audio_transcripts_and_images_keep_their_place(run: Any) -> None:
    users = [t["content"] for t in run[1]["media"]["transcript"]["turns"] if t["role"] == "user"]
    assert users == [
        "Hi",
        "I want to return my shoes",
        "[image]",
        "Here it is",
        "And the box\n[image]",
    ]


def test_7_parallel_outputs_are_paired_with_their_calls(run: Any) -> None:
    tools = [t["content"] for t in run[1]["parallel"]["transcript"]["turns"] if t["role"] == "tool"]
    assert tools[2:] == [  # completion order, each naming its call
        'get_weather({"city": "Tokyo"}) -> rain in Tokyo',
        'get_weather({"city": "Paris"}) -> sunny in Paris',
    ]


def test_8_a_handoff_is_shown_where_it_happened(run: Any) -> None:
    turns = run[1]["handoff"]["transcript"]["turns"]
    contents = [t["content"] for t in turns]
    at = contents.index("[handoff from support to billing]")
    assert turns[at]["role"] == "system"
    assert contents[at - 1].startswith("transfer_to_billing({})")


def test_9_a_job_that_fails_before_its_session_starts_still_sends_its_call(run: Any) -> None:
    hook, calls, _records = run
    if hook == "attach":  # attach was never reached: nothing knew of the call
        assert "early-crash" not in calls
        return
    call = calls["early-crash"]
    assert call["call"]["endedReason"] == CRASHED
    assert call["transcript"]["turns"] == []
