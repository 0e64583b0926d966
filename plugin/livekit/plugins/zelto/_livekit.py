"""The one seam to livekit-agents: every read the plugin makes beyond LiveKit's public API.

Public API wherever livekit-agents has it: `ctx.make_session_report(session)` (a session's
items, `started_at` and `events`), `ctx.primary_session`, the `reason` a shutdown callback is
given, and the `close` event of each session `attach` hears (`Forwarder` uses those directly).

What has no public form is read here, and only here (docs/design.md, "The LiveKit seam"):

- the job's shutdown `(reason, user_initiated)` before the shutdown callbacks run
  (`on_session_end`, a session's `close`): the job runner's `_shutdown_fut`, reached through
  the closure LiveKit gives the context as `JobContext._on_shutdown`;
- every `AgentSession` of the job (LiveKit keeps only the first, as `primary_session`): the
  closures of `JobContext._shutdown_callbacks`, where each session registers its own close;
- a session's `_started_at` and `_recorded_events`, when LiveKit cannot build its report (the
  recorder is still recording: at `close`, or after a timed-out `aclose`);
- for `livekit.plugins.zelto.testing`: `AgentServer._entrypoint_fnc` / `_session_end_fnc`
  (wrapped so a job's exception reaches the test), `AgentServer._lock`, and
  `LLMStream._event_ch` (the channel every LiveKit LLM plugin's stream writes to).

Each private read has a strict reader that raises `LiveKitChanged` naming the attribute and the
versions it was read on; tests/test_livekit_seam.py runs every one against real LiveKit objects,
so a release that moves one fails there, loudly. At run time the plugin still takes the call:
the fallback is named in a warning, logged once per process.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from livekit.agents import AgentServer, AgentSession, JobContext
from livekit.agents import __version__ as LIVEKIT_VERSION

from .log import logger

try:
    # LiveKit imports this at a process's first `make_session_report` (~1 ms): imported with
    # the plugin, the worker's forkserver pays it once instead of every job at its end of call
    import livekit.agents.voice.report  # noqa: F401
except ImportError:  # moved in some release: only a preload, nothing is lost
    pass

__all__ = [
    "LIVEKIT_VERSION",
    "LOWEST_TESTED",
    "NEWEST_TESTED",
    "LiveKitChanged",
    "job_functions",
    "job_sessions",
    "job_shutdown",
    "primary_session",
    "read_job_lock",
    "read_job_sessions",
    "read_session_events",
    "read_session_started_at",
    "read_shutdown",
    "renew_job_lock",
    "send_chunk",
    "session_events",
    "session_started_at",
    "set_job_functions",
    "shutdown_for_callback",
]

LOWEST_TESTED = "1.6.0"  # CI runs the plugin's tests on both (.ci/run, `make test-lowest`)
NEWEST_TESTED = "1.8.9"

# the job's shutdown reasons LiveKit gives itself (`ipc/job_proc_lazy_main.py`)
CRASH_REASON = "job crashed"
ROOM_GONE_REASON = "room disconnected"
WORKER_REASONS = ("parent process shutdown",)  # 1.7+; 1.6 sends "" (as `ctx.shutdown()` did)
DEFAULT_REASON = "user requested"  # `ctx.shutdown()` without a reason (1.7+)
_LIVEKIT_REASONS = (CRASH_REASON, ROOM_GONE_REASON, *WORKER_REASONS)


class LiveKitChanged(RuntimeError):
    """A livekit-agents internal the plugin reads is not where it was."""

    def __init__(self, attribute: str, detail: str) -> None:
        super().__init__(
            f"livekit-agents {LIVEKIT_VERSION}: {attribute} {detail}; the plugin reads it as "
            f"livekit-agents {LOWEST_TESTED} to {NEWEST_TESTED} have it (please report this)"
        )
        self.attribute = attribute


_warned: set[str] = set()


def _warn_once(exc: LiveKitChanged, message: str) -> None:
    """`message` is static per touch and says what the plugin does instead."""
    if exc.attribute in _warned:
        return
    _warned.add(exc.attribute)
    logger.warning(message, extra={"livekit_agents": LIVEKIT_VERSION, "changed": str(exc)})


# --- the job's shutdown -----------------------------------------------------------------------


def read_shutdown(ctx: JobContext) -> tuple[str, bool] | None:
    """The job's `(reason, user_initiated)` once LiveKit started shutting it down; None before,
    and None for a context without a job runner (`fake_job_context`'s plain lambda)."""
    try:
        on_shutdown = ctx._on_shutdown
    except AttributeError:
        raise LiveKitChanged("JobContext._on_shutdown", "is gone") from None
    cells = getattr(on_shutdown, "__closure__", None) or ()
    if not cells:
        return None
    for cell in cells:
        try:
            runner = cell.cell_contents
        except ValueError:  # a cell not filled yet
            continue
        future = getattr(runner, "_shutdown_fut", None)
        if not isinstance(future, asyncio.Future):
            continue
        if not future.done() or future.cancelled():
            return None
        info = future.result()
        reason, by_developer = getattr(info, "reason", None), getattr(info, "user_initiated", None)
        if isinstance(reason, str) and isinstance(by_developer, bool):
            return reason, by_developer
        raise LiveKitChanged(
            "the job runner's _shutdown_fut result",
            f"has no str `reason` and bool `user_initiated` (a {type(info).__name__})",
        )
    raise LiveKitChanged(
        "JobContext._on_shutdown", "closes over no job runner with a `_shutdown_fut`"
    )


def job_shutdown(ctx: JobContext) -> tuple[str, bool] | None:
    """`read_shutdown`, or None (the session's close reason stands) if LiveKit moved it."""
    try:
        return read_shutdown(ctx)
    except LiveKitChanged as exc:
        _warn_once(
            exc,
            "cannot read the job's shutdown reason from JobContext._on_shutdown; endedReason is "
            "the session's close reason until the shutdown callbacks run",
        )
        return None


def shutdown_for_callback(ctx: JobContext, reason: str) -> tuple[str, bool]:
    """The job's shutdown in a shutdown callback, which LiveKit gives the `reason` publicly.

    The public reason alone cannot say who gave it where livekit-agents 1.6 uses `""` both for
    `ctx.shutdown()` and for the worker's shutdown: the private read says that, and the public
    reason is taken when it is unavailable (LiveKit's own reasons are not the developer's)."""
    known = job_shutdown(ctx)
    if known is not None:
        return known
    return reason, reason not in _LIVEKIT_REASONS and reason != ""


# --- the job's sessions -----------------------------------------------------------------------


def primary_session(ctx: JobContext) -> AgentSession[Any] | None:
    """The job's first started session (public `ctx.primary_session`), None before one."""
    try:
        return ctx.primary_session
    except RuntimeError:
        return None


def read_job_sessions(ctx: JobContext) -> list[AgentSession[Any]]:
    """Every `AgentSession` started in the job, from the shutdown callback each registers at
    start (`agent_session.py`): callback -> LiveKit's wrapper -> the session's lambda."""
    try:
        pending = list(ctx._shutdown_callbacks)
    except (AttributeError, TypeError):
        raise LiveKitChanged("JobContext._shutdown_callbacks", "is gone") from None
    found: list[AgentSession[Any]] = []
    for depth in range(3):
        inner = []
        for fn in pending:
            for cell in getattr(fn, "__closure__", None) or ():
                try:
                    value = cell.cell_contents
                except ValueError:
                    continue
                if isinstance(value, AgentSession):
                    if value not in found:
                        found.append(value)
                elif depth < 2 and callable(value):
                    inner.append(value)
        pending = inner
    primary = primary_session(ctx)
    if primary is not None and primary not in found:
        raise LiveKitChanged(
            "JobContext._shutdown_callbacks",
            "holds no closure of the primary session (the close callback AgentSession.start "
            "registers)",
        )
    return found


def job_sessions(ctx: JobContext) -> list[AgentSession[Any]]:
    """`read_job_sessions`, or the primary session alone if LiveKit moved them."""
    try:
        return read_job_sessions(ctx)
    except LiveKitChanged as exc:
        _warn_once(
            exc,
            "cannot list the job's sessions in JobContext._shutdown_callbacks; a call is built "
            "from the primary session and the sessions given to attach() only",
        )
    primary = primary_session(ctx)
    return [] if primary is None else [primary]


# --- a session LiveKit cannot report on yet ----------------------------------------------------


def read_session_started_at(session: AgentSession[Any]) -> float | None:
    """When the session started (`AgentSession._started_at`; None before `start`)."""
    try:
        value = session._started_at
    except AttributeError:
        raise LiveKitChanged("AgentSession._started_at", "is gone") from None
    if value is not None and not isinstance(value, (int, float)):
        raise LiveKitChanged("AgentSession._started_at", f"is a {type(value).__name__}")
    return None if value is None else float(value)


def read_session_events(session: AgentSession[Any]) -> list[Any]:
    """The events the session emitted since its start (`AgentSession._recorded_events`)."""
    try:
        events = session._recorded_events
    except AttributeError:
        raise LiveKitChanged("AgentSession._recorded_events", "is gone") from None
    if not isinstance(events, list):
        raise LiveKitChanged("AgentSession._recorded_events", f"is a {type(events).__name__}")
    return list(events)


def session_started_at(session: AgentSession[Any]) -> float | None:
    try:
        return read_session_started_at(session)
    except LiveKitChanged as exc:
        _warn_once(
            exc,
            "cannot read AgentSession._started_at; a call LiveKit cannot report on yet is sent "
            "without durationSeconds",
        )
        return None


def session_events(session: AgentSession[Any]) -> list[Any]:
    try:
        return read_session_events(session)
    except LiveKitChanged as exc:
        _warn_once(
            exc,
            "cannot read AgentSession._recorded_events; a session LiveKit cannot report on yet "
            "and attach() did not hear close is sent without its close time and reason",
        )
        return []


# --- the test helpers' touches (livekit.plugins.zelto.testing) -------------------------------

JobFunction = Callable[[JobContext], Awaitable[None]]


def job_functions(server: AgentServer) -> tuple[JobFunction | None, JobFunction | None]:
    """The server's entrypoint and `on_session_end` as its process pool will run them."""
    try:
        return server._entrypoint_fnc, server._session_end_fnc
    except AttributeError as exc:
        raise LiveKitChanged(f"AgentServer.{exc.name}", "is gone") from None


def set_job_functions(
    server: AgentServer, entrypoint: JobFunction | None, session_end: JobFunction | None
) -> None:
    job_functions(server)  # both still there, or LiveKitChanged
    server._entrypoint_fnc = entrypoint
    server._session_end_fnc = session_end


def read_job_lock(server: AgentServer) -> asyncio.Lock:
    """The lock `AgentServer` makes once and takes around each job's launch."""
    lock = getattr(server, "_lock", None)
    if not isinstance(lock, asyncio.Lock):
        raise LiveKitChanged("AgentServer._lock", f"is not an asyncio.Lock ({lock!r})")
    return lock


def renew_job_lock(server: AgentServer) -> None:
    """A fresh job lock for a run on a new event loop: an `asyncio.Lock` binds to the first
    loop it is contended on, and a later run's jobs would then fail to start together."""
    try:
        lock = read_job_lock(server)
    except LiveKitChanged as exc:
        _warn_once(
            exc,
            "cannot renew AgentServer._lock; a later simulated_worker on a new event loop may "
            "fail to start two jobs at once",
        )
        return
    if not lock.locked():
        server._lock = asyncio.Lock()


def send_chunk(stream: Any, chunk: Any) -> None:
    """Hand a scripted `ChatChunk` to LiveKit from an `LLMStream._run` (its `_event_ch`, as
    every LiveKit LLM plugin does)."""
    try:
        channel = stream._event_ch
    except AttributeError:
        raise LiveKitChanged("LLMStream._event_ch", "is gone") from None
    channel.send_nowait(chunk)
