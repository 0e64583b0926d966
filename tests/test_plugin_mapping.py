"""Mapping LiveKit chat items to Zelto turns, as tables over real livekit-agents objects."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from livekit.agents import llm
from livekit.agents.voice.events import CloseEvent, CloseReason

from livekit.plugins.zelto._mapping import (
    TurnOptions,
    build_payload,
    ended_reason,
    turns_from_items,
)


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
        {"role": "tool", "content": 'lookup({"id": 7}) -> found'},
        {"role": "tool", "content": "charge({})"},
        {"role": "tool", "content": "charge({}) failed: card declined"},
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


def test_interrupted_replies_are_marked_and_the_marker_is_configurable() -> None:
    cut = llm.ChatMessage(role="assistant", content=["Your order ships"], interrupted=True)
    assert turns_from_items([cut]) == [
        {"role": "assistant", "content": "Your order ships [interrupted]"}
    ]
    custom = TurnOptions(interrupted_marker="(cut off)")
    assert turns_from_items([cut], options=custom)[0]["content"] == "Your order ships (cut off)"
    plain = TurnOptions(interrupted_marker=None)
    assert turns_from_items([cut], options=plain)[0]["content"] == "Your order ships"


def test_non_text_parts_keep_their_place() -> None:
    audio = llm.AudioContent(frame=[], transcript="I need help with my bill")
    silent = llm.AudioContent(frame=[], transcript=None)
    image = llm.ImageContent(image="https://example.com/receipt.png")
    items = [
        msg("user", audio),
        msg("user", image),
        msg("user", "Here is my receipt", image),
        msg("user", silent),
    ]
    assert [t["content"] for t in turns_from_items(items)] == [
        "I need help with my bill",
        "[image]",
        "Here is my receipt\n[image]",
        "[audio]",
    ]


def test_parallel_outputs_name_the_call_they_answer() -> None:
    items = [
        llm.FunctionCall(call_id="a", name="weather", arguments='{"city": "Paris"}'),
        llm.FunctionCall(call_id="b", name="weather", arguments='{"city": "Tokyo"}'),
        llm.FunctionCallOutput(call_id="b", name="weather", output="rain", is_error=False),
        llm.FunctionCallOutput(call_id="a", name="weather", output="sun", is_error=False),
    ]
    assert [t["content"] for t in turns_from_items(items)][2:] == [
        'weather({"city": "Tokyo"}) -> rain',
        'weather({"city": "Paris"}) -> sun',
    ]


def test_handoffs_are_system_turns_and_configurable() -> None:
    items = [
        llm.AgentHandoff(old_agent_id=None, new_agent_id="triage"),  # the first agent: no turn
        msg("assistant", "Let me pass you to billing."),
        llm.AgentHandoff(old_agent_id="triage", new_agent_id="billing"),
        msg("assistant", "Billing here."),
        llm.AgentConfigUpdate(instructions="be nice"),
    ]
    assert turns_from_items(items) == [
        {"role": "assistant", "content": "Let me pass you to billing."},
        {"role": "system", "content": "[handoff from triage to billing]"},
        {"role": "assistant", "content": "Billing here."},
    ]
    quiet = turns_from_items(items, options=TurnOptions(include_handoffs=False))
    assert [t["role"] for t in quiet] == ["assistant", "assistant"]
