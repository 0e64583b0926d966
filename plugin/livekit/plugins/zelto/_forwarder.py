"""`Forwarder`: every finished session into the spool first, then to Zelto when it can.

The order is the promise: build the payload, run `add_fields` and `redact`, write it to the spool
(committed and fsynced), and only then touch the network. Nothing here raises into LiveKit's
shutdown path; every failure is logged once and leaves the call pending on disk. When the spool
itself cannot take the call, it is sent directly, and logged as lost only if that fails too.
"""

from __future__ import annotations

import asyncio
import importlib
import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from livekit.agents import AgentSession, JobContext

from zelto_spool import ENV_AGENT_ID, ConfigError, Outbox, Spool, SpoolError

from . import _cost, _metrics, _recording
from ._calls import CallIdFn, Calls, CustomerOption, Job, Options, check_options
from ._context import room_name
from ._delivery import Destination, count_call
from ._live import LiveTracker
from ._livekit import job_shutdown, shutdown_for_callback
from ._mapping import INTERRUPTED_MARKER, TurnOptions
from ._prepare import AddFieldsFn, PayloadFn, finish_payload, redacted
from ._redaction.redact import PiiRedactor, redact_pii
from .log import logger

__all__ = ["Forwarder"]

DEFAULT_DELIVER_TIMEOUT = 5.0
ATTACH_DELIVER_CAP = 3.0  # shutdown callbacks race a SIGKILL 10 s into shutdown
DEFAULT_LEFTOVERS = 50
ATTACH_RECORD_S = 6.0  # ...and attach's shutdown callback, well inside LiveKit's 10 s kill
UNSPOOLED_RECORD_S = 60.0  # how long on_session_end keeps trying to spool a call sent directly


class Forwarder:
    """Forwards finished LiveKit sessions to Zelto through a durable spool.

    Args:
        agent_id: Zelto's `agent.externalId` (stable per agent); default `$ZELTO_AGENT_ID`.
        agent_name: `agent.name`, shown in Zelto.
        spool_path: the spool file; default `$ZELTO_SPOOL_PATH` or
            `~/.local/state/zelto/spool.db`. Share it with the `zelto-spool run` sidecar.
        call_id: `ctx -> str`, Zelto's dedup key; default the room name. Use
            `zelto.room_sid` or `zelto.job_id` when room names are reused.
        customer: a dict, or `ctx -> dict | None`; default the SIP caller's number.
        redact: `payload -> payload | None` over the whole payload, run before anything is
            written; return a new dict or change it in place. `zelto.redact_pii()` is a
            built-in one (cards, phone numbers, emails; docs/redaction.md).
        add_fields: `(payload, ctx) -> payload | None`, to add or change fields as the call
            is built (run before `redact`; `zelto.enrich` updates a call after it was sent).
        include_tools: send function calls and their outputs as `tool` turns.
        interrupted_marker: appended (after a space) to a reply the caller interrupted;
            None sends it like a finished one.
        include_handoffs: a `system` turn where one agent handed the call to another.
        deliver_now: try to send the call (and due leftovers) before the hook returns.
        deliver_timeout_s: seconds `on_session_end` may spend sending; `attach` uses at most
            3 s of it (its callbacks race LiveKit's 10 s kill).
        leftovers: how many due leftovers from earlier calls a job may send in its budget
            (0 turns it off; the sidecar is the recommended way to drain).
        cost: `call.cost` in USD from LiveKit's model usage: True (default) prices it with
            the maintained table (voice-prices); `zelto.Prices({...})` or a dict of rates
            adds your own (they win); False sends no cost. A model without a price leaves
            `cost` out (logged, counted) unless `Prices(partial=True)`. docs/cost.md.
        recordings: with `session.start(record=True)`, hand LiveKit's OGG of the call to the
            spool at session end (`on_session_end` only), for the sidecar to upload and send
            as `call.recordingUrl` (docs/operations.md, "Recordings"); default on where
            `$ZELTO_RECORDINGS_BUCKET` is set.
        api_key / base_url: default `$ZELTO_API_KEY` / `$ZELTO_BASE_URL`.

    The environment is read when a job's call begins, not here (an option given here wins),
    so a test's settings reach a forwarder built at import; under pytest, calls never reach
    the user's own spool or a Zelto not on loopback (README, "Test your agent").
    """

    def __init__(
        self,
        *,
        agent_id: str | None = None,
        agent_name: str | None = None,
        spool_path: str | Path | None = None,
        call_id: CallIdFn | None = None,
        customer: CustomerOption = None,
        redact: PayloadFn | None = None,
        add_fields: AddFieldsFn | None = None,
        include_tools: bool = True,
        interrupted_marker: str | None = INTERRUPTED_MARKER,
        include_handoffs: bool = True,
        deliver_now: bool = True,
        deliver_timeout_s: float = DEFAULT_DELIVER_TIMEOUT,
        leftovers: int = DEFAULT_LEFTOVERS,
        cost: bool | _cost.Prices | Mapping[Any, Any] | None = True,
        recordings: bool | None = None,
        api_key: str | None = None,
        base_url: str | None = None,
    ) -> None:
        check_options(
            deliver_timeout_s=deliver_timeout_s,
            leftovers=leftovers,
            functions={
                "call_id": call_id,
                "redact": redact,
                "add_fields": add_fields,
                "customer": customer if callable(customer) else None,
            },
        )
        if redact is redact_pii:  # type: ignore[comparison-overlap]  # the factory, a mistake
            raise ConfigError("redact=zelto.redact_pii needs its parentheses: redact_pii()")
        if customer is not None and not (callable(customer) or isinstance(customer, Mapping)):
            raise ConfigError(f"customer must be a dict, a function or None, got {customer!r}")
        agent_id = agent_id or os.environ.get(ENV_AGENT_ID)
        if not agent_id:
            raise ConfigError(
                f"agent_id is required: pass Forwarder(agent_id=...) or set {ENV_AGENT_ID}"
            )
        self._opts = Options(
            agent_id=agent_id,
            agent_name=agent_name,
            call_id=call_id or room_name,
            customer=customer,
            redact=redact,
            add_fields=add_fields,
            turns=TurnOptions(
                include_tools=include_tools,
                interrupted_marker=interrupted_marker or None,
                include_handoffs=include_handoffs,
            ),
            deliver_now=deliver_now,
            deliver_timeout_s=deliver_timeout_s,
            leftovers=leftovers,
            cost=_cost.prices_option(cost),
        )
        # ZELTO_* is read for each job, not kept from here: a test's settings reach a
        # Forwarder its agent module built at import
        self._destination = Destination(
            spool_path=spool_path, api_key=api_key, base_url=base_url, leftovers=leftovers
        )
        self._calls = Calls(self._opts)
        self._recordings = recordings
        self._jobs: dict[str, Job] = {}
        caller = sys._getframe(1).f_globals.get("__name__", "")
        self._home = caller if isinstance(caller, str) else ""

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled by reference, like a function: `on_session_end=fw.on_session_end` is sent
        to LiveKit's job processes, which find their own `fw` in the same module."""
        module = sys.modules.get(self._home)
        for name, value in vars(module).items() if module is not None else ():
            if value is self:
                return (_forwarder_at, (self._home, name))
        raise TypeError(
            "a zelto.Forwarder passed to LiveKit must be a module-level global "
            "(fw = zelto.Forwarder(...) at the top of the agent module), so each job "
            "process can find its own copy"
        )

    @property
    def spool(self) -> Spool:
        """The spool a call that ends now goes to."""
        return self._destination.now().spool

    # --- the preferred hook -----------------------------------------------------------------

    async def on_session_end(self, ctx: JobContext) -> None:
        """For `AgentServer.rtc_session(on_session_end=...)`: spool, then deliver within budget."""
        started = time.monotonic()
        try:
            job = self._job(ctx)
            payload = self._calls.final_payload(ctx, job)
            if payload is None:
                logger.info("no agent session in this job; nothing to forward")
                return
            # from here this hook owns the call: spooled (the live snapshot dropped in the same
            # transaction) or sent directly. Before here, a failure leaves it to attach()'s
            # shutdown callback, which promotes the closed snapshot.
            job.session_end_ran = True
            if job.tracker is not None:
                job.tracker.seal()  # the final replaces the snapshot; no late turn writes
            call_id = str(payload["call"]["externalId"])
            recording = _recording.recordings_on(self._recordings)
            if recording:  # first: the payload is kept until the recording's URL is on it
                await asyncio.to_thread(_recording.expect, ctx, job.outbox.spool, call_id)
            await self._spool_and_send(
                ctx,
                job.outbox,
                payload,
                deadline=started + self._opts.deliver_timeout_s,
                snapshot=job.tracker is not None,
            )
            if recording:  # after the transcript, never before
                await asyncio.to_thread(_recording.hand_off, ctx, job.outbox.spool, call_id)
        except Exception:  # never into LiveKit's shutdown path
            logger.exception("zelto forwarder failed at session end")
        finally:
            # attach's handlers hold the job themselves; a fake job context (LiveKit's
            # `fake_job_context`, whose shutdown runs no callbacks) reuses its id test after test
            self._jobs.pop(ctx.job.id, None)
            elapsed = time.monotonic() - started
            _metrics.observe_session_end(elapsed)
            logger.debug("on_session_end finished", extra={"ms": round(elapsed * 1000, 2)})

    # --- the alternative for entrypoints without on_session_end -----------------------------

    def attach(self, ctx: JobContext, session: AgentSession[Any]) -> None:
        """Keep a live snapshot of the call while it runs; capture it at `close`.

        Call it in the entrypoint after creating the session. While the session runs, each new
        turn is appended to the spool (off the agent's event loop), so a call whose process is
        killed mid-call is still delivered, with `endedReason = "agent_process_lost"`. At the
        `close` event the final payload is written (synchronously, before anything can kill the
        process), and a shutdown callback queues and sends it, spending at most 3 s.

        With `on_session_end=fw.on_session_end` also registered (recommended), that hook queues
        the final payload from LiveKit's full report and the snapshot is dropped in the same
        transaction: Zelto only ever gets the final payload.
        """
        job = self._job(ctx)
        if session in job.sessions:
            return
        job.sessions.append(session)
        call_id = self._calls.call_id(ctx)
        tracker = job.tracker
        if tracker is None:
            live_redact = self._opts.redact
            if isinstance(live_redact, PiiRedactor):  # holds a number's first half back
                live_redact = live_redact.live
            tracker = job.tracker = LiveTracker(
                job.outbox.spool,
                job_id=ctx.job.id,
                call_id=call_id,
                redact=lambda payload: redacted(payload, call_id, live_redact),
                options=self._opts.turns,
            )
        elif job.closed:  # a later session continues the call: reopen its snapshot
            job.closed = False
            tracker.reopen()
        segment = tracker.add_segment()
        if segment == 0:
            self._calls.watch_sip(ctx, job)
            if _recording.recordings_on(self._recordings):  # for a crash mid-call
                # a SQLite write: on a thread, never on the job's loop (it logs its failures)
                spool = job.outbox.spool
                asyncio.get_running_loop().run_in_executor(
                    None, _recording.register, ctx, spool, call_id
                )
        tracker.start(self._calls.header(ctx, job, call_id))

        def on_item(_event: Any) -> None:
            job.closes.pop(id(session), None)  # a session started again after its close
            try:
                items = list(session.history.items)
                tracker.update(items, self._calls.header(ctx, job, call_id), segment=segment)
            except Exception:
                logger.exception("zelto live snapshot failed", extra={"call_id": call_id})

        session.on("conversation_item_added", on_item)
        session.on("function_tools_executed", on_item)

        def on_close(event: Any) -> None:
            job.closes[id(session)] = event
            try:
                if all(id(s) in job.closes for s in job.sessions):
                    tracker.stop()
                    self._capture_at_close(ctx, job)
            except Exception:
                logger.exception("zelto forwarder failed at session close")

        session.on("close", on_close)
        if job.attached:
            return  # the first attach registered the shutdown callback
        job.attached = True

        async def zelto_deliver(reason: str) -> None:
            try:
                await self._deliver_after_close(ctx, job, reason)
            except Exception:
                logger.exception("zelto forwarder failed in its shutdown callback")
            finally:
                self._jobs.pop(ctx.job.id, None)

        ctx.add_shutdown_callback(zelto_deliver)

    def _capture_at_close(
        self, ctx: JobContext, job: Job, shutdown: tuple[str, bool] | None = None
    ) -> None:
        """Write the final payload as the closed snapshot (durable; queued by the callback).

        `shutdown`: the job's, as the shutdown callback knows it; at `close` it is read."""
        if job.closed or job.session_end_ran:
            return
        job.closed = True
        contents = [c for c in (self._calls.content(ctx, job, s) for s in job.sessions) if c]
        if shutdown is None:
            shutdown = job_shutdown(ctx)
        # the app closed the session before the job's shutdown: its reason comes later
        job.reason_pending = shutdown is None and any(
            c.close_reason in (None, "user_initiated") for c in contents[-1:]
        )
        usage = _cost.session_usage(job.sessions)
        payload = self._calls.from_contents(ctx, job, contents, shutdown, usage=usage)
        prepared = self._finish(payload, ctx, job.outbox.spool)
        if prepared is None:
            return
        if job.tracker is not None:
            job.tracker.flush()  # queued turn writes land before the final
            job.tracker.seal()  # and none after it
        call_id, body = prepared
        try:
            job.outbox.spool.live.close(ctx.job.id, call_id, body)
        except SpoolError as exc:
            logger.error(
                "could not spool the call; trying to send it directly",
                extra={
                    "call_id": call_id,
                    "error": str(exc),
                    "spool": str(job.outbox.spool.path),
                },
            )
            job.unspooled = prepared

    async def _deliver_after_close(self, ctx: JobContext, job: Job, reason: str) -> None:
        started = time.monotonic()
        if job.session_end_ran:
            return  # on_session_end queued and sent the report's payload already
        if not job.closed or job.reason_pending:  # no close event, or its reason came later
            job.closed = False
            self._capture_at_close(ctx, job, shutdown_for_callback(ctx, reason))
        budget = min(self._opts.deliver_timeout_s, ATTACH_DELIVER_CAP)
        if job.unspooled is not None:  # the close event's write was refused: send it directly
            call_id, body = job.unspooled
            sent = await job.outbox.submit(
                call_id,
                body,
                budget_s=budget,
                ends_live=ctx.job.id,
                record_s=ATTACH_RECORD_S - (time.monotonic() - started),
                refused=True,
            )
            count_call(sent)
        else:  # queue the closed snapshot (and send it)
            count_call(
                await job.outbox.promote(ctx.job.id, budget_s=budget, send=self._opts.deliver_now)
            )

    # --- shared steps -----------------------------------------------------------------------

    async def _spool_and_send(
        self,
        ctx: JobContext,
        outbox: Outbox,
        payload: dict[str, Any],
        *,
        deadline: float,
        snapshot: bool,
    ) -> None:
        prepared = self._finish(payload, ctx, outbox.spool)
        if prepared is None:
            return
        call_id, body = prepared
        # stored (the job's snapshot retired in the same transaction) and, with deliver_now,
        # claimed in that transaction and sent, then leftovers; or sent directly when the
        # spool refuses it. A live snapshot of the call must not outlive this process: the
        # hook's budget from LiveKit (300 s) leaves time to retire it once the spool takes
        # writes again.
        outcome = await outbox.submit(
            call_id,
            body,
            budget_s=max(0.0, deadline - time.monotonic()),  # building the payload used some
            send=self._opts.deliver_now,
            ends_live=ctx.job.id,
            record_s=UNSPOOLED_RECORD_S if snapshot else None,
        )
        count_call(outcome)

    def _finish(
        self, payload: dict[str, Any], ctx: JobContext, spool: Spool
    ) -> tuple[str, bytes] | None:
        return finish_payload(
            payload,
            ctx,
            add_fields=self._opts.add_fields,
            redact=self._opts.redact,
            max_bytes=spool.max_payload_bytes,
        )

    def _job(self, ctx: JobContext) -> Job:
        key = ctx.job.id
        job = self._jobs.get(key)
        if job is None:  # a job keeps the spool and sender it started with
            job = self._jobs[key] = Job(outbox=self._destination.now())
        return job


def _forwarder_at(module: str, name: str) -> Forwarder:
    found = getattr(importlib.import_module(module), name)
    if not isinstance(found, Forwarder):
        raise TypeError(f"{module}.{name} is not a zelto.Forwarder")
    return found
