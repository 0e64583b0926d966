"""Mapping LiveKit chat items to Zelto turns, as tables over real livekit-agents objects."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from livekit.agents import llm
from livekit.agents.voice.events import CloseEvent, CloseReason

from livekit.plugins.zelto._mapping import build_payload, ended_reason, turns_from_items


def msg(role: str, *content: Any) -> llm.ChatMessage:
    return llm.ChatMessage(role=role, content=list(content))  # type: ignore[arg-type]


ITEMS = [
    msg("developer", "Be brief."),
    msg("system", "You are Support."),
    msg("user", "Hi"),
    msg("assistant", ""),  # empty: skipped
    msg("assistant", "   "),  # whitespace only: skipped
    msg("assistant", "Hello!", "How can I help?"),
    llm.FunctionCall(call_id="c1", name="lookup", arguments='{"id": 7}'),
    llm.FunctionCallOutput(call_id="c1", name="lookup", output="found", is_error=False),
    llm.FunctionCall(call_id="c2", name="charge", arguments="{}"),
    llm.FunctionCallOutput(call_id="c2", name="charge", output="card declined", is_error=True),
    llm.FunctionCallOutput(call_id="c3", name="noop", output="", is_error=False),
    llm.AgentHandoff(old_agent_id=None, new_agent_id="support"),
    msg("user", "Thanks"),
]


def test_roles_and_order() -> None:
    assert turns_from_items(ITEMS) == [
        {"role": "system", "content": "Be brief."},
        {"role": "system", "content": "You are Support."},
        {"role": "user", "content": "Hi"},
        {"role": "assistant", "content": "Hello!\nHow can I help?"},
        {"role": "tool", "content": 'lookup({"id": 7})'},
        {"role": "tool", "content": "lookup -> found"},
        {"role": "tool", "content": "charge({})"},
        {"role": "tool", "content": "charge failed: card declined"},
        {"role": "tool", "content": "noop -> (no output)"},
        {"role": "user", "content": "Thanks"},
    ]


def test_tools_can_be_left_out() -> None:
    roles = [t["role"] for t in turns_from_items(ITEMS, include_tools=False)]
    assert roles == ["system", "system", "user", "assistant", "user"]


def test_unknown_items_and_roles_are_skipped() -> None:
    odd = [
        SimpleNamespace(type="message", role="narrator", text_content="x"),
        SimpleNamespace(type="?"),
    ]
    assert turns_from_items(odd) == []


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        ([], None),
        ([CloseEvent(reason=CloseReason.PARTICIPANT_DISCONNECTED)], "participant_disconnected"),
        (
            [CloseEvent(reason=CloseReason.ERROR), CloseEvent(reason=CloseReason.USER_INITIATED)],
            "user_initiated",
        ),
        ([SimpleNamespace(type="close", reason="CR_COMPLETED")], "task_completed"),
    ],
)
def test_ended_reason(events: list[Any], expected: str | None) -> None:
    assert ended_reason(events) == expected


def test_payload_omits_what_is_missing() -> None:
    payload = build_payload(
        agent_id="bot",
        agent_name=None,
        call_id="room-1",
        items=[],
        duration_seconds=None,
        ended=None,
        customer={"number": None, "name": ""},
    )
    assert payload == {
        "agent": {"externalId": "bot"},
        "call": {"externalId": "room-1"},
        "transcript": {"turns": []},
    }


def test_payload_fields() -> None:
    payload = build_payload(
        agent_id="bot",
        agent_name="Bot",
        call_id="room-1",
        items=[msg("user", "hi")],
        duration_seconds=12.34567,
        ended="error",
        customer={"number": "+15550100"},
    )
    assert payload["agent"] == {"externalId": "bot", "name": "Bot"}
    assert payload["call"] == {
        "externalId": "room-1",
        "durationSeconds": 12.346,
        "endedReason": "error",
    }
    assert payload["customer"] == {"number": "+15550100"}
