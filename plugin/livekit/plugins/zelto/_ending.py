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

from ._mapping import ended_reason
from .log import logger

__all__ = [
    "CRASHED",
    "SessionContent",
    "call_duration",
    "ending_reason",
    "job_sessions",
    "job_shutdown",
    "session_content",
]

CRASHED = "job_crashed"
WORKER_SHUTDOWN = "worker_shutdown"
ROOM_DISCONNECTED = "room_disconnected"
_LIVEKIT_CRASH = "job crashed"  # LiveKit's shutdown reason for an entrypoint that raised
_LIVEKIT_DEFAULT = "user requested"  # `ctx.shutdown()` without a reason
_LIVEKIT_ROOM_GONE = "room disconnected"


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
        return "user_initiated" if reason in ("", _LIVEKIT_DEFAULT) else reason
    if reason == _LIVEKIT_CRASH:
        return CRASHED
    if reason == _LIVEKIT_ROOM_GONE:
        return ROOM_DISCONNECTED
    return WORKER_SHUTDOWN


def call_duration(started_at: float | None, closed_at: float | None, now: float) -> float | None:
    """Seconds from the start to the close (to `now` for a session that has not closed)."""
    if started_at is None:
        return None
    return max(0.0, (closed_at if closed_at is not None else now) - started_at)


def job_shutdown(ctx: JobContext) -> tuple[str, bool] | None:
    """The job's `(reason, user_initiated)` once LiveKit started shutting it down, else None.

    LiveKit keeps it in its job runner (`ipc/job_proc_lazy_main.py`), reachable only through
    the `on_shutdown` closure it gives the `JobContext`; read defensively (None when the shape
    differs, e.g. in `fake_job_context`).
    """
    try:
        cells = getattr(getattr(ctx, "_on_shutdown", None), "__closure__", None) or ()
        for cell in cells:
            future = getattr(cell.cell_contents, "_shutdown_fut", None)
            if future is not None and future.done() and not future.cancelled():
                info = future.result()
                reason, by_developer = getattr(info, "reason", None), info.user_initiated
                if isinstance(reason, str) and isinstance(by_developer, bool):
                    return reason, by_developer
    except Exception:  # LiveKit internals changed: fall back to the close reason
        logger.debug("cannot read the job's shutdown reason", exc_info=True)
    return None


def job_sessions(ctx: JobContext) -> list[AgentSession[Any]]:
    """Every `AgentSession` started in this job, in start order (LiveKit keeps only the first
    as `primary`).

    Each session registers a shutdown callback that closes it (`agent_session.py`, at start);
    the sessions are found in those callbacks' closures. Read defensively: [] when the shape
    differs.
    """
    found: list[AgentSession[Any]] = []
    try:
        pending = list(getattr(ctx, "_shutdown_callbacks", None) or [])
        for depth in range(3):  # callback -> LiveKit's wrapper -> the session's lambda
            inner = []
            for fn in pending:
                for cell in getattr(fn, "__closure__", None) or ():
                    value = cell.cell_contents
                    if isinstance(value, AgentSession):
                        if value not in found:
                            found.append(value)
                    elif depth < 2 and callable(value):
                        inner.append(value)
            pending = inner
    except Exception:
        logger.debug("cannot list the job's sessions", exc_info=True)
    return sorted(found, key=lambda s: getattr(s, "_started_at", None) or 0.0)


def session_content(
    ctx: JobContext, session: AgentSession[Any] | None = None
) -> SessionContent | None:
    """The content of `session` (default: the job's primary one); None without a session.

    From LiveKit's session report when it can build one; `make_session_report` raises while
    the session's recorder is still recording (LiveKit's `aclose` timed out, or the `close`
    event came first): the call is still there, so it is taken from the session itself.
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
        session = session or getattr(ctx, "_primary_agent_session", None)
        if session is None:
            return None
        # info: at `close` this is routine, and a timed-out aclose LiveKit logs itself
        logger.info(
            "LiveKit could not build the session report; using the session's history",
            extra={"why": str(exc)},
        )
    started_at = getattr(session, "_started_at", None)
    events = list(getattr(session, "_recorded_events", None) or [])
    return SessionContent(
        items=list(session.history.items),
        started_at=started_at if isinstance(started_at, (int, float)) else None,
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
