"""What a job's call is: the forwarder's options, per-job state, and the call's payload from
the job's sessions (before `add_fields` and `redact`, which `_prepare` runs)."""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from livekit.agents import AgentSession, JobContext

from zelto_spool import ConfigError, Outbox, external_id

from . import _cost
from ._context import room_name, sip_caller, sip_number
from ._customer import clean_customer, log_fixes
from ._ending import (
    CRASHED,
    SessionContent,
    call_duration,
    ending_reason,
    now,
    session_content,
)
from ._live import LiveTracker
from ._livekit import job_sessions, job_shutdown
from ._mapping import TurnOptions, build_payload, joined_sessions
from ._prepare import AddFieldsFn, PayloadFn
from .log import logger

__all__ = ["CallIdFn", "Calls", "CustomerOption", "Job", "Options", "check_options"]

CallIdFn = Callable[[JobContext], str]
CustomerOption = Callable[[JobContext], Mapping[str, Any] | None] | Mapping[str, Any] | None


@dataclass(frozen=True, kw_only=True)
class Options:
    agent_id: str
    agent_name: str | None
    call_id: CallIdFn
    customer: CustomerOption
    redact: PayloadFn | None
    add_fields: AddFieldsFn | None
    turns: TurnOptions
    deliver_now: bool
    deliver_timeout_s: float
    leftovers: int
    cost: _cost.Prices | None = None


@dataclass
class Job:
    """Per-job state in this process (a thread-executor process runs several jobs)."""

    outbox: Outbox  # the spool and sender of this job's call (settings when it began)
    customer: dict[str, Any] | None = None
    attached: bool = False  # `attach` registered a shutdown callback that cleans up
    sessions: list[AgentSession[Any]] = field(default_factory=list)  # attached, in order
    closes: dict[int, Any] = field(default_factory=dict)  # id(session) -> its `close` event
    tracker: LiveTracker | None = None
    session_end_ran: bool = False
    closed: bool = False  # `attach` wrote the final payload at close
    reason_pending: bool = False  # ...before the job's shutdown said why
    unspooled: tuple[str, bytes] | None = None  # built, but the spool refused it
    customer_fixes_logged: bool = False  # the customer option's odd fields were logged
    unpriced: set[_cost.ModelKey] = field(default_factory=set)  # logged once per job


class Calls:
    """Builds a job's call payload with the forwarder's options."""

    def __init__(self, opts: Options) -> None:
        self.opts = opts

    def header(self, ctx: JobContext, job: Job, call_id: str) -> dict[str, Any]:
        """The call without its transcript (a live snapshot's fields)."""
        usage = _cost.session_usage(job.sessions)  # so far: a reaped call carries it
        payload = self.build(ctx, job, [], None, None, call_id=call_id, usage=usage)
        del payload["transcript"]
        return payload

    def final_payload(self, ctx: JobContext, job: Job) -> dict[str, Any] | None:
        """The call's payload from every session of the job, in order; a job that crashed
        before any session started is a call with no turns (None for a job that ended without
        a session on purpose)."""
        sessions: list[AgentSession[Any] | None] = list(job.sessions)
        for found in job_sessions(ctx):  # on_session_end alone: LiveKit's record of them
            if found not in sessions:
                sessions.append(found)
        contents = [
            c for c in (self.content(ctx, job, s) for s in sessions or [None]) if c is not None
        ]
        contents.sort(key=lambda c: c.started_at or 0.0)  # stable: start order
        shutdown = job_shutdown(ctx)
        if not contents:
            if ending_reason(None, shutdown) != CRASHED:
                return None
            logger.warning("the job failed before its session started; sending the call")
            return self.build(ctx, job, [], None, CRASHED)
        usage = _cost.session_usage(s for s in sessions if s is not None)
        return self.from_contents(ctx, job, contents, shutdown, usage=usage)

    def content(
        self, ctx: JobContext, job: Job, session: AgentSession[Any] | None
    ) -> SessionContent | None:
        """One session's content; its end from the `close` event `attach` heard, if any."""
        heard = None if session is None else job.closes.get(id(session))
        return session_content(ctx, session, heard_close=heard)

    def from_contents(
        self,
        ctx: JobContext,
        job: Job,
        contents: list[SessionContent],
        shutdown: tuple[str, bool] | None,
        *,
        usage: Sequence[Any] = (),
    ) -> dict[str, Any]:
        items = joined_sessions(c.items for c in contents)
        if not contents:
            return self.build(ctx, job, items, None, ending_reason(None, shutdown), usage=usage)
        duration = call_duration(contents[0].started_at, contents[-1].closed_at, now())
        ended = ending_reason(contents[-1].close_reason, shutdown)
        return self.build(ctx, job, items, duration, ended, usage=usage)

    def build(
        self,
        ctx: JobContext,
        job: Job,
        items: list[Any],
        duration: float | None,
        ended: str | None,
        *,
        call_id: str | None = None,
        usage: Sequence[Any] = (),
    ) -> dict[str, Any]:
        """The call's payload with this forwarder's options (before add_fields and redact).

        A room name that is no valid externalId is kept as `metadata.livekitRoomName`;
        `call.cost` is priced from LiveKit's `usage` (see `_cost`)."""
        payload = build_payload(
            agent_id=self.opts.agent_id,
            agent_name=self.opts.agent_name,
            call_id=self.call_id(ctx) if call_id is None else call_id,
            items=items,
            duration_seconds=duration,
            ended=ended,
            customer=self.customer(ctx, job),
            options=self.opts.turns,
        )
        cost = _cost.call_cost(usage, self.opts.cost, job.unpriced)
        if cost is not None:
            payload["call"]["cost"] = cost
        room = room_name(ctx)
        if external_id(room) != room:
            payload["metadata"] = {"livekitRoomName": _kept(room)}
        return payload

    def call_id(self, ctx: JobContext) -> str:
        """The call's `call.externalId`: the `call_id` option's value (else the room name),
        through `external_id` so that any name is a valid id (the same one on every path)."""
        value: Any = None
        try:
            value = self.opts.call_id(ctx)
        except Exception:
            logger.exception("call_id callable failed; using the room name")
        else:
            if not (isinstance(value, str) and value.strip()):
                logger.error(
                    "call_id callable returned no id; using the room name",
                    extra={"got": type(value).__name__},
                )
        raw = value if isinstance(value, str) and value.strip() else room_name(ctx)
        mapped = external_id(raw)
        if mapped != raw:
            logger.warning(
                "call id is not a valid externalId; sent as its documented mapping",
                extra={"call_id": mapped},
            )
        return mapped

    def customer(self, ctx: JobContext, job: Job) -> Mapping[str, Any] | None:
        option = self.opts.customer
        if option is None:
            return sip_caller(ctx) or job.customer
        if callable(option):
            try:
                value = option(ctx)
            except Exception:
                logger.exception("customer callable failed; sending no customer")
                return None
        else:
            value = option
        if value is not None and not isinstance(value, Mapping):
            logger.error(
                "customer must be a dict (or return one); sending no customer",
                extra={"got": type(value).__name__},
            )
            return None
        if value is None:
            return None
        clean, fixes = clean_customer(value)
        if fixes and not job.customer_fixes_logged:  # once per job, not per snapshot write
            job.customer_fixes_logged = True
            log_fixes(fixes)
        return clean

    def watch_sip(self, ctx: JobContext, job: Job) -> None:
        """Remember the SIP caller while the call runs: it leaves the room when it hangs up."""
        job.customer = sip_caller(ctx)

        def on_participant(participant: Any, *_: Any) -> None:
            number = sip_number(participant)
            if number:
                job.customer = {"number": number}

        try:
            ctx.room.on("participant_connected", on_participant)
            ctx.room.on("participant_attributes_changed", lambda _changed, p: on_participant(p))
        except Exception:  # a room without events (tests' mock rooms): the snapshot above stays
            logger.debug("cannot watch room participants")


MAX_KEPT_NAME = 4096


def _kept(name: str) -> str:
    """The room name as kept in the payload: encodable, at most `MAX_KEPT_NAME` characters."""
    return name.encode("utf-8", "replace").decode("utf-8")[:MAX_KEPT_NAME]


def check_options(
    *, deliver_timeout_s: float, leftovers: int, functions: Mapping[str, Any] | None = None
) -> None:
    """Refuse settings that would leave every call unsent without a word (a NaN or negative
    budget sends nothing; `deliver_now=False` is the way to send nothing from the job), and
    `functions` (name: value) that are neither None nor callable: `redact="yes"` failed only
    at each call's end, which then went without its transcript."""
    for name, value in (functions or {}).items():
        if value is not None and not callable(value):
            raise ConfigError(f"{name} must be a function or None, got {value!r}")
        if inspect.iscoroutinefunction(value):  # its coroutine is no dict and no id
            raise ConfigError(
                f"{name} must be a plain function, not `async def`: it runs as the call is "
                "built, where nothing awaits it"
            )
    if isinstance(deliver_timeout_s, bool) or not isinstance(deliver_timeout_s, (int, float)):
        raise ConfigError(
            f"deliver_timeout_s must be a number of seconds, got {deliver_timeout_s!r}"
        )
    if not math.isfinite(deliver_timeout_s) or deliver_timeout_s <= 0:
        raise ConfigError(
            f"deliver_timeout_s must be a finite number > 0, got {deliver_timeout_s} "
            "(deliver_now=False leaves every call to the sidecar)"
        )
    if isinstance(leftovers, bool) or not isinstance(leftovers, int) or leftovers < 0:
        raise ConfigError(f"leftovers must be a whole number >= 0, got {leftovers!r}")
