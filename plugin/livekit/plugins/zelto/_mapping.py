"""From a LiveKit session to Zelto's canonical call payload. Pure functions, tested with tables.

Roles: `user`/`assistant` as they are, `developer` and `system` -> `system`; a `FunctionCall`
becomes a `tool` turn `name(arguments)` and a `FunctionCallOutput` a `tool` turn
`name -> output` (`name failed: output` when it is an error). Items without text
(empty messages, agent handoffs, config updates) are skipped.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["build_payload", "ended_reason", "turns_from_items"]

ROLE_MAP = {"user": "user", "assistant": "assistant", "system": "system", "developer": "system"}

# the proto names in SessionReport.to_dict() -> LiveKit's CloseReason values
_CLOSE_NAMES = {
    "CR_ERROR": "error",
    "CR_JOB_SHUTDOWN": "job_shutdown",
    "CR_PARTICIPANT_DISCONNECTED": "participant_disconnected",
    "CR_USER_INITIATED": "user_initiated",
    "CR_COMPLETED": "task_completed",
}


def turns_from_items(items: Iterable[Any], *, include_tools: bool = True) -> list[dict[str, str]]:
    """Map `ChatContext.items` (messages, function calls and outputs) to transcript turns."""
    turns: list[dict[str, str]] = []
    for item in items:
        kind = getattr(item, "type", None)
        if kind == "message":
            role = ROLE_MAP.get(getattr(item, "role", ""))
            text = _message_text(item)
            if role is not None and text:
                turns.append({"role": role, "content": text})
        elif kind == "function_call" and include_tools:
            name = str(getattr(item, "name", "") or "tool")
            arguments = str(getattr(item, "arguments", "") or "")
            turns.append({"role": "tool", "content": f"{name}({arguments})"})
        elif kind == "function_call_output" and include_tools:
            name = str(getattr(item, "name", "") or "tool")
            output = str(getattr(item, "output", "") or "").strip() or "(no output)"
            verb = "failed:" if getattr(item, "is_error", False) else "->"
            turns.append({"role": "tool", "content": f"{name} {verb} {output}"})
    return turns


def _message_text(item: Any) -> str:
    try:
        text = item.text_content
    except Exception:  # a message shape we do not know: fall back to its string parts
        content = getattr(item, "content", None) or []
        text = "\n".join(part for part in content if isinstance(part, str))
    if not isinstance(text, str) or not text.strip():
        return ""
    return text


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
    payload["transcript"] = {"turns": turns_from_items(items, include_tools=include_tools)}
    return payload
