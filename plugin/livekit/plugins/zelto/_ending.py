"""How and when a call ended: `endedReason` and `durationSeconds`, the same on every path.

- `durationSeconds` runs from the (first) session's start to its (last) `close` event, not to
  the moment a hook runs: a job often outlives its call (the room's departure timeout, slow
  shutdown callbacks), and `on_session_end` runs later than `close`.
- `endedReason` is the session's close reason (`participant_disconnected`, `error`,
  `task_completed`, ...). When the job closed the session itself (`user_initiated`, or no close
  event), the job's own shutdown says why: the developer's `ctx.shutdown(reason)` verbatim,
  `job_crashed` for an exception in the entrypoint, `worker_shutdown` when the worker ended the
  job, `room_disconnected` when the room went away.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from livekit.agents import AgentSession, JobContext

from ._livekit import (
    CRASH_REASON,
    DEFAULT_REASON,
    ROOM_GONE_REASON,
    primary_session,
    session_events,
    session_started_at,
)
from ._mapping import ended_reason
from .log import logger

__all__ = [
    "CRASHED",
    "SessionContent",
    "call_duration",
    "ending_reason",
    "session_content",
]

CRASHED = "job_crashed"
WORKER_SHUTDOWN = "worker_shutdown"
ROOM_DISCONNECTED = "room_disconnected"


@dataclass(frozen=True, kw_only=True)
class SessionContent:
    """What one finished (or ending) session offers the payload."""

    items: list[Any]
    started_at: float | None
    closed_at: float | None  # the last `close` event's time
    close_reason: str | None


def ending_reason(close_reason: str | None, shutdown: tuple[str, bool] | None) -> str | None:
    """`endedReason` from the session's close reason and the job's `(reason, user_initiated)`
    shutdown (None while the job is not shutting down)."""
    if close_reason not in (None, "user_initiated") or shutdown is None:
        return close_reason
    reason, by_developer = shutdown
    if by_developer:
        return "user_initiated" if reason in ("", DEFAULT_REASON) else reason
    if reason == CRASH_REASON:
        return CRASHED
    if reason == ROOM_GONE_REASON:
        return ROOM_DISCONNECTED
    return WORKER_SHUTDOWN


def call_duration(started_at: float | None, closed_at: float | None, now: float) -> float | None:
    """Seconds from the start to the close (to `now` for a session that has not closed)."""
    if started_at is None:
        return None
    return max(0.0, (closed_at if closed_at is not None else now) - started_at)


def session_content(
    ctx: JobContext, session: AgentSession[Any] | None = None, *, heard_close: Any = None
) -> SessionContent | None:
    """The content of `session` (default: the job's primary one); None without a session.

    From LiveKit's session report when it can build one; `make_session_report` raises while
    the session's recorder is still recording (LiveKit's `aclose` timed out, or the `close`
    event came first): the call is still there, so it is taken from the session itself, its
    end from `heard_close` (the `close` event `attach` heard) when there is one.
    """
    try:
        report = ctx.make_session_report(session)
        return SessionContent(
            items=list(report.chat_history.items),
            started_at=report.started_at,
            closed_at=_closed_at(report.events),
            close_reason=ended_reason(report.events),
        )
    except RuntimeError as exc:
        session = session or primary_session(ctx)
        if session is None:
            return None
        # info: at `close` this is routine, and a timed-out aclose LiveKit logs itself
        logger.info(
            "LiveKit could not build the session report; using the session's history",
            extra={"why": str(exc)},
        )
    events = [heard_close] if heard_close is not None else session_events(session)
    return SessionContent(
        items=list(session.history.items),
        started_at=session_started_at(session),
        closed_at=_closed_at(events),
        close_reason=ended_reason(events),
    )


def now() -> float:
    return time.time()


def _closed_at(events: Iterable[Any]) -> float | None:
    closed = None
    for event in events:
        if getattr(event, "type", None) == "close":
            created = getattr(event, "created_at", None)
            if isinstance(created, (int, float)):
                closed = float(created)
    return closed
