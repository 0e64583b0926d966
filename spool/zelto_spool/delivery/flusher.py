"""The delivery loop: claim due rows under leases, send with bounded concurrency.

Entry points:
- `run(stop)`: the sidecar; forever, woken by `wake()` (watchfiles), by finished sends and by
  its own timer (next due row, pause probe, housekeeping, fallback poll).
- `drain(timeout)`: the CLI; everything pending now, retries within the deadline.
- `drain_due(...)`: a job process's leftovers; only rows already due, bounded in time and count.
- `deliver(call_id)`: one call right after it was spooled: claim it, then `send_claimed`.
- `send_claimed(claim)`: send one row already claimed and record its outcome.

The first three share one loop (`_pump`) and differ only by their policy object
(`policies`): the loop asks it whether to stop, how long to wait, how many rows to claim.
What an outcome records lives in `outcomes`, when sending is allowed (pause, probes, slow
start) in `pause`, housekeeping in `housekeeping`, one POST in `sender`.

The loop works in batches: each hop to the spool thread (`_exchange`) records the outcomes
finished since the last one and hands back unsent rows in one transaction, then claims rows
for the free slots and, while the gate is open, some ahead; between hops a finished send
starts the next row claimed ahead by itself (`flight`). One hop and two transactions per
call had doubled the drain's CPU against a raw httpx loop.

Backoffs live in the spool (`next_attempt_at`), never in memory; waits are interruptible.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import sqlite3
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar

import httpx

from ..config import DeliveryConfig
from ..errors import ZeltoError
from ..logs import library_logger
from ..store.live import DEFAULT_STALE_AFTER_S
from ..store.spool import Spool
from .claim import Claim, Leases
from .flight import Flight
from .housekeeping import HOUSEKEEPING_INTERVAL_S, Housekeeper
from .outcomes import (
    INTERRUPTED,
    LEASE_RAN_OUT,
    DrainReport,
    OutcomeHook,
    Outcomes,
    Sent,
    Unsent,
    not_recorded,
)
from .pause import NO_KEY_REASON, Gate, Look
from .policies import Drain, DueOnly, Policy, Sidecar
from .retry import PER_CALL_STATUSES, SendOutcome
from .sender import Sender, bounded

__all__ = ["NO_KEY_REASON", "DrainReport", "Flusher"]

logger = library_logger(__name__)  # or the plugin's logger in a worker

T = TypeVar("T")

LEASE_MARGIN_S = 1.0  # an attempt ends this long before its lease (at most lease_grace_s)


class Flusher:
    """Delivers a spool's rows to Zelto.

    Args:
        spool: the spool to drain.
        config: endpoint, key, concurrency, timeouts, backoff.
        transport: optional httpx transport (the I/O seam for tests).
        hooks: callables `(claim, outcome, latency_s)` run after each recorded outcome
            (metrics, progress bars); they must be quick and must not raise.
        poll_interval_s: longest idle wait between looks at the spool (fallback for missed
            wake-ups and filesystems without inotify).
        stop_grace_s: on stop, in-flight sends get this long to finish before being cancelled
            and released back to pending.
        live_stale_after_s: live snapshots of owners this process cannot judge (another host
            or PID namespace) are reaped after this long without an update.
        housekeeping_interval_s: `run` looks at least this often for rows and snapshots of
            dead processes, the disk cap and retention, even with nothing else to do.
        clock / rng: injectable wall clock and jitter source.
    """

    def __init__(
        self,
        spool: Spool,
        config: DeliveryConfig,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        hooks: Iterable[OutcomeHook] = (),
        poll_interval_s: float = 2.0,
        stop_grace_s: float = 5.0,
        live_stale_after_s: float = DEFAULT_STALE_AFTER_S,
        housekeeping_interval_s: float = HOUSEKEEPING_INTERVAL_S,
        clock: Callable[[], float] = time.time,
        rng: random.Random | None = None,
    ) -> None:
        self.spool = spool
        self.leases = Leases(spool)  # the lease protocol over the spool's rows
        self.config = config
        self.poll_interval_s = poll_interval_s
        self.stop_grace_s = stop_grace_s
        self._transport = transport
        self._clock = clock
        self._margin = min(LEASE_MARGIN_S, config.lease_grace_s)  # an attempt ends before its lease
        self._gate = Gate(self.leases, probe_interval=config.pause_probe_interval_s, clock=clock)
        self._recorder = Outcomes(
            self.leases, config, self._gate, hooks=hooks, clock=clock, rng=rng or random.Random()
        )
        self._housekeeper = Housekeeper(
            self.leases,
            self._db,
            interval=housekeeping_interval_s,
            live_stale_after_s=live_stale_after_s,
        )
        self._running: Sidecar | None = None  # `run`'s policy, while it runs
        self._client: Sender | None = None
        self._executor: ThreadPoolExecutor | None = None
        self._kick: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    # --- public entry points ----------------------------------------------------------------

    @property
    def can_send(self) -> bool:
        return self.config.api_key is not None

    @property
    def report(self) -> DrainReport:
        """What this flusher did so far, over all its entry points."""
        return self._recorder.report

    def wake(self) -> None:
        """Look at the spool now (thread-safe)."""
        loop, kick = self._loop, self._kick
        if loop is None or kick is None:
            return
        try:
            loop.call_soon_threadsafe(kick.set)
        except RuntimeError:  # loop closed
            pass

    async def run(self, stop: asyncio.Event) -> DrainReport:
        """Drain continuously until `stop` is set; then finish or release in-flight rows."""
        self._bind_loop()
        if not self.can_send:  # this process's problem, not the spool's: no pause written
            logger.error("ZELTO_API_KEY is not set; this process sends nothing", extra={})
            self.report.paused = NO_KEY_REASON
            await stop.wait()
            return self.report
        await self._db(self._gate.pause_state)  # drops a pause that blamed a missing key
        stopper = asyncio.ensure_future(stop.wait())
        stopper.add_done_callback(lambda _: self._kick.set() if self._kick else None)
        try:
            policy = Sidecar(stop, grace=self.stop_grace_s, housekeeper=self._housekeeper)
            self._running = policy
            await self._pump(policy)
        finally:
            stopper.cancel()
        return self.report

    @property
    def spool_trouble(self) -> str | None:
        """While `run` cannot use the spool (busy past its timeout, a disk error): the error
        it is waiting out; None otherwise (for the sidecar's health verdict)."""
        return None if self._running is None else self._running.last_error

    async def drain(self, *, timeout: float | None = 60.0) -> DrainReport:
        """Send everything pending now; retry within `timeout` seconds (None: no limit)."""
        self._bind_loop()
        started = time.monotonic()
        await self._housekeeper.requeue()  # lost calls are queued even when nothing can be sent
        if not self.can_send:
            self.report.paused = NO_KEY_REASON
        else:
            await self._db(self.spool.upkeep.make_due)
            self._recorder.restart_backoff()  # the count goes on (`Outcomes.restart_backoff`)
            await self._pump(Drain(None if not timeout else started + timeout, self._clock))
        self.report.tally(await self._db(self.spool.stats))
        self.report.elapsed_s = time.monotonic() - started
        return self.report

    async def drain_due(self, *, timeout: float, max_calls: int | None = None) -> DrainReport:
        """Send rows that are due now (a job process's leftovers); never waits for backoffs."""
        self._bind_loop()
        started = time.monotonic()
        if self.can_send and timeout > 0:
            await self._housekeeper.requeue()
            await self._pump(DueOnly(started + timeout, max_calls=max_calls, timeout=timeout))
        self.report.elapsed_s = time.monotonic() - started
        return self.report

    async def deliver(self, call_id: str, *, timeout: float) -> SendOutcome | None:
        """Try to send one spooled call now, within `timeout` seconds.

        Returns the outcome, or None when nothing was sent: no key, the spool is paused and
        this process already probed, or the row is not pending and due (being sent by
        someone else, delivered already, or waiting out a backoff).
        """
        self._bind_loop()
        if not self.can_send or timeout <= 0:
            return None
        ends = time.monotonic() + timeout  # the claim and the client's setup count too
        pause = await self._db(self._gate.pause_state)
        if pause is not None and self._gate.probed:
            return None
        self._gate.probed = True
        claims = await self._db(
            partial(self.leases.claim, 1, lease_s=self.config.lease_s, call_id=call_id)
        )
        if not claims:
            return None
        self._gate.known = pause.reason if pause is not None else None
        return await self.send_claimed(claims[0], timeout=max(0.001, ends - time.monotonic()))

    async def send_claimed(self, claim: Claim, *, timeout: float) -> SendOutcome:
        """Send this already-claimed row and record its outcome, within `timeout` seconds
        for the attempt (and never past the claim's lease).

        Cancelled mid-send, the row is handed back to pending; cancelled while its outcome is
        being recorded, the record still completes on the spool thread.
        """
        self._bind_loop()
        try:
            done = await self._attempt(claim, timeout)
        except asyncio.CancelledError:
            # shutdown or deadline: hand the row back (runs inline; it is one short UPDATE)
            with contextlib.suppress(Exception):
                self.leases.release(claim, error=INTERRUPTED, in_doubt=True)
            raise
        if isinstance(done, Unsent):
            await self._db(self._recorder.record, (), (done,))
            return SendOutcome("retry", None, LEASE_RAN_OUT)
        try:
            await self._db(self._recorder.record, (done,))
        except (ZeltoError, sqlite3.Error) as exc:
            not_recorded(1, exc)
            raise
        self._recorder.hooks_for((done,))
        return done.outcome

    async def on_spool_thread(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """`fn(*args, **kwargs)` on this flusher's spool thread (SQLite never runs on the loop)."""
        self._bind_loop()
        return await self._db(partial(fn, *args, **kwargs))

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None
        if self._executor is not None:
            self._executor.shutdown(wait=True)
            self._executor = None

    async def __aenter__(self) -> Flusher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    # --- the loop ---------------------------------------------------------------------------

    async def _pump(self, policy: Policy) -> None:
        assert self._kick is not None
        flight = Flight(
            policy=policy,
            gate=self._gate,
            concurrency=self.config.concurrency,
            attempt=self._attempt,
            clock=self.spool.store.monotonic,  # what claims' deadlines are on
            attempt_span=self.config.total_timeout_s + self._margin,
            kick=self._kick,
        )
        try:
            while True:
                self._kick.clear()
                mono = time.monotonic()
                if policy.over(mono):
                    break
                look = None
                try:
                    await policy.before_look(mono)
                    if flight.must_hop(mono):
                        look = await self._hop(flight)
                except (ZeltoError, sqlite3.Error) as exc:
                    await policy.trouble(exc)
                    continue
                policy.calm()
                if look is not None:
                    flight.add(look.claims)  # sent unless the deadline passed meanwhile
                    if look.claims and policy.over(time.monotonic()):
                        break
                if not flight.busy and look is not None:
                    if policy.settled(look, flight.claimed, self._gate.probed):
                        break
                await self._idle(flight, policy, look)
        finally:
            await self._wind_down(flight, grace=policy.grace)

    async def _hop(self, flight: Flight) -> Look:
        want, idle = flight.want(), flight.idle
        sent, unsent = flight.take()
        try:
            look = await self._db(self._exchange, sent, unsent, want, idle)
        except (ZeltoError, sqlite3.Error) as exc:
            # nothing was recorded (one transaction): the outcomes wait for the next look
            flight.put_back(sent, unsent)
            not_recorded(len(sent) + len(unsent), exc, kept=True)
            raise
        self._recorder.hooks_for(sent)
        if isinstance(look, BaseException):
            raise look
        return look

    async def _idle(self, flight: Flight, policy: Policy, look: Look | None) -> None:
        assert self._kick is not None
        room = self.config.concurrency - flight.in_flight - len(flight.ahead)
        if look is not None and look.claims and room > 0:
            return  # claimed something and still have room: look again at once
        mono = time.monotonic()
        timeout = min(self.poll_interval_s, policy.wait_limit(mono), flight.record_in(mono))
        if look is not None and not look.claims:
            now = self._clock()
            if look.pause is not None:
                timeout = min(timeout, max(0.0, look.pause.probe_at - now))
            elif look.next_due is not None:
                timeout = min(timeout, max(0.0, look.next_due - now))
        with contextlib.suppress(asyncio.TimeoutError):
            await bounded(self._kick.wait(), timeout)

    async def _wind_down(self, flight: Flight, *, grace: float) -> None:
        """Let in-flight sends finish (for `grace`), cancel the rest, then record every
        outcome and hand back every row not sent, in one last transaction."""
        await flight.stop(grace)
        sent, unsent = flight.take()
        if not sent and not unsent:
            return
        try:
            await self._db(self._recorder.record, sent, unsent)
        except (ZeltoError, sqlite3.Error) as exc:  # their leases run out: reclaim requeues them
            not_recorded(len(sent) + len(unsent), exc)
            return
        self._recorder.hooks_for(sent)

    # --- on the spool thread ----------------------------------------------------------------

    def _exchange(
        self, sent: list[Sent], unsent: list[Unsent], want: int, idle: bool
    ) -> Look | BaseException:
        """Record, then look: claim up to `want` rows as the gate allows. A spool error in
        the look comes back as a value: the outcomes before it are recorded."""
        self._recorder.record(sent, unsent)
        try:
            return self._gate.look(want=want, idle=idle, lease_s=self.config.lease_s)
        except (ZeltoError, sqlite3.Error) as exc:
            return exc

    # --- one attempt ------------------------------------------------------------------------

    async def _attempt(self, claim: Claim, timeout: float | None) -> Sent | Unsent:
        """One POST of a claimed row; not made when its lease has run out already."""
        sender = self._sender()
        # the lease bounds the whole attempt: past it another process may already have sent a
        # newer version, so a process that stalled after claiming (SIGSTOP, a paused VM, a slow
        # lock) must not send this one. The margin leaves room to record the answer in time.
        # Judged on the monotonic clock: a wall-clock step cannot lengthen or cut the lease.
        monotonic = self.spool.store.monotonic
        ends = claim.deadline - self._margin
        left = ends - monotonic()
        if left <= 0:
            return Unsent(claim, LEASE_RAN_OUT)
        limit = min(self.config.total_timeout_s if timeout is None else timeout, left)
        started = time.monotonic()
        outcome = await sender.send(
            claim.body, timeout=limit, still_leased=lambda: monotonic() < ends
        )
        latency = time.monotonic() - started
        if outcome.kind == "pause" and outcome.status in PER_CALL_STATUSES:
            outcome = await self._db(self._gate.judge, outcome, self._clock())
        self._gate.sent(outcome)
        # cut short by the caller's budget (not Zelto's full timeout) after Zelto took it
        in_doubt = outcome.reached and limit < self.config.total_timeout_s
        return Sent(claim, outcome, latency, in_doubt=in_doubt)

    def _sender(self) -> Sender:
        """The one Sender of this flusher, built at its first send (one client, kept alive)."""
        if self._client is None:
            self._client = Sender(self.config, transport=self._transport)
        return self._client

    # --- plumbing ---------------------------------------------------------------------------

    def _bind_loop(self) -> None:
        loop = asyncio.get_running_loop()
        if self._loop is not loop:
            self._loop = loop
            self._kick = asyncio.Event()

    async def _db(self, fn: Callable[..., T], *args: Any) -> T:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(1, thread_name_prefix="zelto-spool")
        assert self._loop is not None
        return await self._loop.run_in_executor(self._executor, partial(fn, *args))
