"""How a call ended (`_ending.py`): endedReason from the close and the job's shutdown, and the
duration up to the close, as tables; the repair counter on a real session."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from livekit.agents import Agent, AgentSession, function_tool
from livekit.agents.testing import fake_job_context
from prometheus_client import REGISTRY

from livekit.plugins import zelto
from livekit.plugins.zelto._ending import call_duration, ending_reason
from livekit.plugins.zelto.testing import ScriptedLLM, ToolCall
from tests.conftest import API_KEY
from tests.sessions import cleanup


@pytest.mark.parametrize(
    ("close", "shutdown", "expected"),
    [
        ("participant_disconnected", ("caller said goodbye", True), "participant_disconnected"),
        ("error", ("job crashed", False), "error"),
        ("task_completed", None, "task_completed"),
        ("user_initiated", None, "user_initiated"),  # the job is not shutting down (yet)
        ("user_initiated", ("caller said goodbye", True), "caller said goodbye"),
        ("user_initiated", ("user requested", True), "user_initiated"),  # LiveKit's default
        ("user_initiated", ("job crashed", False), "job_crashed"),
        (None, ("job crashed", False), "job_crashed"),  # no session at all
        ("user_initiated", ("parent process shutdown", False), "worker_shutdown"),
        ("user_initiated", ("draining", False), "worker_shutdown"),
        ("user_initiated", ("room disconnected", False), "room_disconnected"),
        (None, None, None),
    ],
)
def test_ending_reason(
    close: str | None, shutdown: tuple[str, bool] | None, expected: str | None
) -> None:
    assert ending_reason(close, shutdown) == expected


@pytest.mark.parametrize(
    ("started", "closed", "now", "expected"),
    [
        (100.0, 102.5, 110.0, 2.5),  # the close, not when the hook runs
        (100.0, None, 110.0, 10.0),  # never closed: up to now
        (None, 102.0, 110.0, None),  # never started
        (100.0, 99.0, 110.0, 0.0),  # clocks that disagree never go negative
    ],
)
def test_call_duration(
    started: float | None, closed: float | None, now: float, expected: float | None
) -> None:
    assert call_duration(started, closed, now) == expected


class NoteAgent(Agent):
    def __init__(self) -> None:
        super().__init__(instructions="You read notes.")

    @function_tool
    async def fetch_note(self) -> str:
        """The caller's note."""
        return "note: \ud83d"  # half an emoji: cannot be encoded


def fixes(kind: str) -> float:
    value = REGISTRY.get_sample_value("zelto_plugin_transcript_fixes_total", {"kind": kind})
    return value or 0.0


def test_a_repaired_turn_is_counted_and_sent(spool_path: Path, zelto_receiver: Any) -> None:
    fw = zelto.Forwarder(
        agent_id="bot", spool_path=spool_path, base_url=zelto_receiver.base_url, api_key=API_KEY
    )
    before = fixes("repaired")

    async def call() -> None:
        with fake_job_context(job_id="job-fix") as ctx:
            session: AgentSession[Any] = AgentSession(
                llm=ScriptedLLM([ToolCall("fetch_note"), "Noted."]),
                vad=None,
                turn_handling={"turn_detection": "manual"},
            )
            await session.start(NoteAgent())
            await session.run(user_input="My note?")
            await session.aclose()
            try:
                await fw.on_session_end(ctx)
            finally:
                await cleanup(ctx)

    asyncio.run(call())
    turns = zelto_receiver.calls["fake-room"]["transcript"]["turns"]
    assert [t["content"] for t in turns] == [
        "My note?",
        "fetch_note({})",
        "fetch_note({}) -> note: \ufffd",
        "Noted.",
    ]
    assert fixes("repaired") == before + 1
