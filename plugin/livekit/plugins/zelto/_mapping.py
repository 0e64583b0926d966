"""From a LiveKit session to Zelto's canonical call payload. Pure functions, tested with tables.

Zelto's turn is `{role, content}` only, so everything a reader needs is carried in roles and
text (README, "What is sent", has the table):

- `user`/`assistant` as they are, `developer` and `system` -> `system`. A reply the caller
  interrupted ends with ` [interrupted]` (`TurnOptions.interrupted_marker`). Non-text parts
  keep their place: an `AudioContent` by its transcript (`[audio]` without one), an
  `ImageContent` as `[image]`.
- a `FunctionCall` becomes a `tool` turn `name(arguments)`, its `FunctionCallOutput` a `tool`
  turn `name(arguments) -> output` (`... failed: output` on errors): the arguments pair each
  output with its call when parallel calls to one tool finish in any order.
- an `AgentHandoff` from one agent to another becomes a `system` turn
  `[handoff from old_agent to new_agent]`: every turn after it was spoken by the new agent.
- a job's second (third, ...) `AgentSession` continues the same call after a `system` turn
  `[a new agent session started]`.
- empty messages, the first agent's activation and `AgentConfigUpdate` items are skipped.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, MutableMapping
from dataclasses import dataclass
from typing import Any

__all__ = [
    "DEFAULT_TURN_OPTIONS",
    "SESSION_BREAK",
    "TurnOptions",
    "build_payload",
    "ended_reason",
    "joined_sessions",
    "turns_for_item",
    "turns_from_items",
]

ROLE_MAP = {"user": "user", "assistant": "assistant", "system": "system", "developer": "system"}
INTERRUPTED_MARKER = "[interrupted]"
IMAGE_PLACEHOLDER = "[image]"
AUDIO_PLACEHOLDER = "[audio]"
SESSION_BREAK_TEXT = "[a new agent session started]"

# the proto names in SessionReport.to_dict() -> LiveKit's CloseReason values
_CLOSE_NAMES = {
    "CR_ERROR": "error",
    "CR_JOB_SHUTDOWN": "job_shutdown",
    "CR_PARTICIPANT_DISCONNECTED": "participant_disconnected",
    "CR_USER_INITIATED": "user_initiated",
    "CR_COMPLETED": "task_completed",
}


@dataclass(frozen=True, kw_only=True)
class TurnOptions:
    """How history items become turns (the `Forwarder` options of the same names)."""

    include_tools: bool = True
    interrupted_marker: str | None = INTERRUPTED_MARKER
    include_handoffs: bool = True


DEFAULT_TURN_OPTIONS = TurnOptions()


class _SessionBreak:
    """Stands between two sessions' items (see `joined_sessions`)."""

    type = "session_break"


SESSION_BREAK: Any = _SessionBreak()


def joined_sessions(item_lists: Iterable[Iterable[Any]]) -> list[Any]:
    """The items of a job's sessions in order, with a `SESSION_BREAK` between two sessions."""
    joined: list[Any] = []
    for i, items in enumerate(item_lists):
        if i:
            joined.append(SESSION_BREAK)
        joined += items
    return joined


def turns_from_items(
    items: Iterable[Any],
    *,
    include_tools: bool = True,
    options: TurnOptions | None = None,
) -> list[dict[str, str]]:
    """Map `ChatContext.items` (messages, function calls and outputs, handoffs) to turns."""
    opts = options or (DEFAULT_TURN_OPTIONS if include_tools else TurnOptions(include_tools=False))
    calls: dict[str, str] = {}
    turns: list[dict[str, str]] = []
    for item in items:
        turns += turns_for_item(item, opts, calls)
    return turns


def turns_for_item(
    item: Any, options: TurnOptions, calls: MutableMapping[str, str]
) -> list[dict[str, str]]:
    """The turns of one history item (none or one). `calls`: call id -> `name(arguments)` of
    the function calls seen so far; a `FunctionCall` adds itself."""
    kind = getattr(item, "type", None)
    if kind == "message":
        role = ROLE_MAP.get(getattr(item, "role", ""))
        text = _message_text(item)
        if role is None or not text:
            return []
        if getattr(item, "interrupted", False) and options.interrupted_marker:
            text = f"{text} {options.interrupted_marker}"
        return [{"role": role, "content": text}]
    if kind == "function_call":
        name = str(getattr(item, "name", "") or "tool")
        called = f"{name}({getattr(item, 'arguments', '') or ''})"
        call_id = getattr(item, "call_id", None)
        if isinstance(call_id, str) and call_id:
            calls[call_id] = called
        return [{"role": "tool", "content": called}] if options.include_tools else []
    if kind == "function_call_output" and options.include_tools:
        name = str(getattr(item, "name", "") or "tool")
        called = calls.get(str(getattr(item, "call_id", "") or ""), name)
        output = str(getattr(item, "output", "") or "").strip() or "(no output)"
        verb = "failed:" if getattr(item, "is_error", False) else "->"
        return [{"role": "tool", "content": f"{called} {verb} {output}"}]
    if kind == "session_break":
        return [{"role": "system", "content": SESSION_BREAK_TEXT}]
    if kind == "agent_handoff" and options.include_handoffs:
        old, new = getattr(item, "old_agent_id", None), getattr(item, "new_agent_id", None)
        if old and new:  # the first agent's activation (no old agent) is not a handoff
            return [{"role": "system", "content": f"[handoff from {old} to {new}]"}]
    return []


def _message_text(item: Any) -> str:
    content = getattr(item, "content", None) or []
    if isinstance(content, list) and all(isinstance(part, str) for part in content):
        try:
            text = item.text_content
        except Exception:  # a message shape we do not know: fall back to its string parts
            text = "\n".join(content)
    else:  # non-text parts keep their place in the message
        parts = [_part_text(part) for part in content]
        text = "\n".join(part for part in parts if part)
    if not isinstance(text, str) or not text.strip():
        return ""
    return text


def _part_text(part: Any) -> str:
    if isinstance(part, str):
        return part if part.strip() else ""
    kind = getattr(part, "type", None)
    if kind == "audio_content":
        transcript = getattr(part, "transcript", None)
        return (
            transcript if isinstance(transcript, str) and transcript.strip() else AUDIO_PLACEHOLDER
        )
    if kind == "image_content":
        return IMAGE_PLACEHOLDER
    return ""  # cache breakpoints and parts we do not know carry no words


def ended_reason(events: Iterable[Any]) -> str | None:
    """The reason of the last `close` event (`participant_disconnected`, `error`, ...)."""
    reason = None
    for event in events:
        if getattr(event, "type", None) == "close":
            value = getattr(event, "reason", None)
            reason = getattr(value, "value", value)
    if reason is None:
        return None
    text = str(reason)
    return _CLOSE_NAMES.get(text, text)


def build_payload(
    *,
    agent_id: str,
    agent_name: str | None,
    call_id: str,
    items: Iterable[Any],
    duration_seconds: float | None,
    ended: str | None,
    customer: Mapping[str, Any] | None,
    include_tools: bool = True,
    options: TurnOptions | None = None,
) -> dict[str, Any]:
    """The canonical payload; optional fields are omitted, never null."""
    agent: dict[str, Any] = {"externalId": agent_id}
    if agent_name:
        agent["name"] = agent_name
    call: dict[str, Any] = {"externalId": call_id}
    if duration_seconds is not None and math.isfinite(duration_seconds) and duration_seconds >= 0:
        call["durationSeconds"] = round(float(duration_seconds), 3)
    if ended:
        call["endedReason"] = ended
    payload: dict[str, Any] = {"agent": agent, "call": call}
    if isinstance(customer, Mapping) and customer:
        clean = {k: v for k, v in customer.items() if v is not None and v != ""}
        if clean:
            payload["customer"] = clean
    turns = turns_from_items(items, include_tools=include_tools, options=options)
    payload["transcript"] = {"turns": turns}
    return payload
