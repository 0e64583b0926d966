"""The delivery loop: claim due rows under leases, send with bounded concurrency, record outcomes.

One pump serves every caller:
- `run(stop)`: the sidecar; forever, woken by `wake()` (watchfiles), by finished sends and by
  its own timer (next due row, pause probe, fallback poll), so a missed wake-up only delays.
- `drain(timeout)`: the CLI; everything pending now, retries within the deadline.
- `drain_due(...)`: a job process's leftovers; only rows already due, bounded in time and count.
- `deliver(call_id)`: one call right after it was spooled (`deliver_now`).

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
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

import httpx

from ._aio import bounded
from ._config import DeliveryConfig
from ._exceptions import ZeltoError
from ._live import DEFAULT_STALE_AFTER_S
from ._logroute import library_logger
from ._retry import PER_CALL_STATUSES, SendOutcome, judge_refusal, next_delay
from ._sender import Sender
from ._spool import Claim, Mark, Pause, Spool

__all__ = ["DrainReport", "Flusher"]

logger = library_logger()  # zelto_spool, or the plugin's logger in a worker

T = TypeVar("T")
OutcomeHook = Callable[[Claim, SendOutcome, float], None]

NO_KEY_REASON = "ZELTO_API_KEY is not set in the sending process"
LEASE_RAN_OUT = "lease ran out before the send (the process stalled); not sent"
INTERRUPTED = "send interrupted (shutdown or deadline)"
LEASE_MARGIN_S = 1.0  # an attempt ends this long before its lease (at most lease_grace)
HOUSEKEEPING_INTERVAL_S = 5.0
PURGE_INTERVAL_S = 3600.0


@dataclass
class DrainReport:
    """What one pump did. `remaining` counts pending + inflight rows left in the spool."""

    delivered: int = 0
    retried: int = 0
    dead: int = 0
    superseded: int = 0
    paused: str | None = None
    remaining: int = 0
    elapsed_s: float = 0.0
    outcomes: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.remaining == 0


@dataclass(frozen=True)
class _Cycle:
    claims: list[Claim]
    pause: Pause | None
    next_due: float | None = None
    remaining: int | None = None


class Flusher:
    """Delivers a spool's rows to Zelto.

    Args:
        spool: the spool to drain.
        config: endpoint, key, concurrency, timeouts, backoff.
        transport: optional httpx transport (the I/O seam for tests).
        hooks: callables `(claim, outcome, latency_s)` run after each recorded outcome
            (metrics, progress bars); they must be quick and must not raise.
        poll_interval: longest idle wait between looks at the spool (fallback for missed
            wake-ups and filesystems without inotify).
        stop_grace: on stop, in-flight sends get this long to finish before being cancelled
            and released back to pending.
        live_stale_after: live snapshots of owners this process cannot judge (another host
            or PID namespace) are reaped after this long without an update.
        housekeeping_interval: `run` looks at least this often for rows and snapshots of
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
        poll_interval: float = 2.0,
        stop_grace: float = 5.0,
        live_stale_after: float = DEFAULT_STALE_AFTER_S,
        housekeeping_interval: float = HOUSEKEEPING_INTERVAL_S,
        clock: Callable[[], float] = time.time,
        rng: random.Random | None = None,
    ) -> None:
        self.spool = spool
        self.config = config
        self.hooks = list(hooks)
        self.poll_interval = poll_interval
        self.stop_grace = stop_grace
        self.live_stale_after = live_stale_after
        self.housekeeping_interval = housekeeping_interval
        self._transport = transport
        self._clock = clock
        self._rng = rng or random.Random()
        self._sender: Sender | None = None
        self._executor: ThreadPoolExecutor | None = None
        self._kick: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._probed = False  # a new process probes a paused spool at once
        self._warm = False  # one request at a time until Zelto has answered once
        self._known_pause: str | None = None
        self._last_maintenance = float("-inf")
        self._last_purge = float("-inf")
        self._unsettled: list[tuple[Claim, SendOutcome, asyncio.Future[None]]] = []
        self._settler: asyncio.Future[None] | None = None
        self._leases: dict[asyncio.Future[Any], Claim] = {}  # each send task's claim
        self._over_cap = False
        self._trouble_delay = 0.0
        self.report = DrainReport()

    # --- public entry points ----------------------------------------------------------------

    @property
    def can_send(self) -> bool:
        return self.config.api_key is not None

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
        assert self._kick is not None
        if not self.can_send:
            await self._db(self._record_no_key)
            await stop.wait()
            return self.report
        stopper = asyncio.ensure_future(stop.wait())
        stopper.add_done_callback(lambda _: self._kick.set() if self._kick else None)
        try:
            await self._pump(stop=stop, deadline=None, until_idle=False, maintain=True)
        finally:
            stopper.cancel()
        return self.report

    async def drain(self, *, timeout: float | None = 60.0) -> DrainReport:
        """Send everything pending now; retry within `timeout` seconds (None: no limit)."""
        self._bind_loop()
        started = time.monotonic()
        await self._housekeep()  # lost calls are queued even when nothing can be sent
        if not self.can_send:
            self.report.paused = NO_KEY_REASON
        else:
            await self._db(self.spool.make_due)
            deadline = None if not timeout else started + timeout
            await self._pump(stop=None, deadline=deadline, until_idle=True)
        return await self._final_report(started)

    async def drain_due(self, *, timeout: float, max_calls: int | None = None) -> DrainReport:
        """Send rows that are due now (a job process's leftovers); never waits for backoffs."""
        self._bind_loop()
        started = time.monotonic()
        if self.can_send and timeout > 0:
            await self._housekeep()
            await self._pump(
                stop=None,
                deadline=started + timeout,
                until_idle=True,
                only_due=True,
                max_claims=max_calls,
                attempt_timeout=timeout,
            )
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
        pause = await self._db(self.spool.pause_state)
        if pause is not None and self._probed:
            return None
        self._probed = True
        claims = await self._db(
            partial(self.spool.claim, 1, lease_s=self.config.lease_seconds, call_id=call_id)
        )
        if not claims:
            return None
        self._known_pause = pause.reason if pause is not None else None
        if self._sender is None:
            self._sender = Sender(self.config, transport=self._transport)
        return await self._send_and_record(claims[0], timeout=max(0.001, ends - time.monotonic()))

    async def aclose(self) -> None:
        if self._sender is not None:
            await self._sender.aclose()
            self._sender = None
        if self._executor is not None:
            self._executor.shutdown(wait=True)
            self._executor = None

    async def __aenter__(self) -> Flusher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    # --- the pump ---------------------------------------------------------------------------

    async def _pump(
        self,
        *,
        stop: asyncio.Event | None,
        deadline: float | None,
        until_idle: bool,
        only_due: bool = False,
        maintain: bool = False,
        max_claims: int | None = None,
        attempt_timeout: float | None = None,
    ) -> None:
        assert self._kick is not None
        active: set[asyncio.Task[Any]] = set()
        claimed = 0
        try:
            while True:
                self._kick.clear()
                if stop is not None and stop.is_set():
                    break
                mono = time.monotonic()
                if deadline is not None and mono >= deadline:
                    break
                try:
                    cycle = await self._claim_and_send(
                        active, claimed, maintain, mono, max_claims, deadline, attempt_timeout
                    )
                except (ZeltoError, sqlite3.Error) as exc:
                    if until_idle or stop is None:
                        raise  # drain and deliver report it to their caller
                    await self._spool_trouble(exc, stop)
                    continue
                self._trouble_delay = 0.0
                if cycle is not None:
                    claimed += len(cycle.claims)
                active = {t for t in active if not t.done()}
                exhausted = max_claims is not None and claimed >= max_claims
                if (
                    until_idle
                    and not active
                    and self._finished(cycle, only_due, deadline, exhausted)
                ):
                    break
                await self._idle(cycle, active, deadline, maintain)
        finally:
            await self._wind_down(active, grace=self.stop_grace if stop is not None else 0.0)

    async def _claim_and_send(
        self,
        active: set[asyncio.Task[Any]],
        claimed: int,
        maintain: bool,
        mono: float,
        max_claims: int | None,
        deadline: float | None,
        attempt_timeout: float | None,
    ) -> _Cycle | None:
        """Housekeeping when due, one claim for the free slots, a send task per claimed row
        (added to `active`). None when no slot was free: the spool was not looked at."""
        if maintain:
            await self._maybe_maintain(mono)
        # forget finished sends first: with every slot apparently busy no claim is made
        # (cycle is None), and if they all finished meanwhile the until_idle check would end
        # the drain with rows still pending
        for task in [t for t in active if t.done()]:
            active.discard(task)
        free = self.config.concurrency - len(active)
        if max_claims is not None:
            free = min(free, max_claims - claimed)
        if free <= 0:
            return None
        cycle = await self._db(self._claim_cycle, free, not active)
        for claim in cycle.claims:
            per_attempt = attempt_timeout
            if deadline is not None and attempt_timeout is not None:
                per_attempt = max(0.001, min(attempt_timeout, deadline - mono))
            task = asyncio.ensure_future(self._send_and_record(claim, timeout=per_attempt))
            self._leases[task] = claim
            task.add_done_callback(self._sent)
            active.add(task)
        return cycle

    def _sent(self, task: asyncio.Future[Any]) -> None:
        if not task.cancelled():
            self._leases.pop(task, None)  # _wind_down may have forgotten it first
            task.exception()  # retrieved: logged where it happened, not again at GC
        if self._kick is not None:
            self._kick.set()

    async def _spool_trouble(self, exc: BaseException, stop: asyncio.Event) -> None:
        """The sidecar keeps going through spool errors (busy past the timeout, a disk error):
        log, wait (1 s doubling to 60 s, or until stopped), try again. Rows stay where they are."""
        self._trouble_delay = min(60.0, max(1.0, self._trouble_delay * 2))
        logger.error(
            "spool error in the sender loop; trying again",
            extra={"error": str(exc) or type(exc).__name__, "retry_in_s": self._trouble_delay},
        )
        with contextlib.suppress(asyncio.TimeoutError):
            await bounded(stop.wait(), self._trouble_delay)

    def _finished(
        self, cycle: _Cycle | None, only_due: bool, deadline: float | None, exhausted: bool
    ) -> bool:
        if exhausted:
            return True
        if cycle is None:  # no look at the spool this round: look again
            return False
        if cycle.claims:
            return False
        if cycle.remaining == 0:
            return True
        if cycle.pause is not None and self._probed:
            return True
        if only_due:
            return True
        if cycle.next_due is not None and deadline is not None:
            wait = cycle.next_due - self._clock()
            return wait > deadline - time.monotonic()
        return False

    async def _idle(
        self,
        cycle: _Cycle | None,
        active: set[asyncio.Task[Any]],
        deadline: float | None,
        maintain: bool,
    ) -> None:
        assert self._kick is not None
        if cycle is not None and cycle.claims and len(active) < self.config.concurrency:
            return  # claimed something and still have room: look again at once
        timeout = self.poll_interval
        if maintain:  # wake for housekeeping too: a dead process's snapshot makes no noise
            since = time.monotonic() - self._last_maintenance
            timeout = min(timeout, max(0.0, self.housekeeping_interval - since))
        if cycle is not None and not cycle.claims:
            now = self._clock()
            if cycle.pause is not None:
                timeout = min(timeout, max(0.0, cycle.pause.probe_at - now))
            elif cycle.next_due is not None:
                timeout = min(timeout, max(0.0, cycle.next_due - now))
        if deadline is not None:
            timeout = min(timeout, max(0.0, deadline - time.monotonic()))
        with contextlib.suppress(asyncio.TimeoutError):
            await bounded(self._kick.wait(), timeout)

    async def _wind_down(self, active: set[asyncio.Task[Any]], *, grace: float) -> None:
        if active:
            if grace > 0:
                await asyncio.wait(active, timeout=grace)
            for task in active:
                task.cancel()
            await asyncio.gather(*active, return_exceptions=True)
        if self._settler is not None and not self._settler.done():
            await asyncio.wait([self._settler])  # outcomes of sends cancelled mid-record
        # a send cancelled before its first step never ran its own release: hand those rows
        # back here (a no-op for rows already released or recorded: the lease token is gone)
        cancelled = [claim for task, claim in self._leases.items() if task.cancelled()]
        self._leases = {task: c for task, c in self._leases.items() if not task.done()}
        if not cancelled:
            return
        try:
            marks = [Mark.release(claim, error=INTERRUPTED) for claim in cancelled]
            await self._db(self.spool.apply, marks)
        except (ZeltoError, sqlite3.Error) as exc:  # their leases run out: reclaim requeues them
            logger.error(
                "could not hand back interrupted calls; they are retried after their lease",
                extra={"calls": len(cancelled), "error": str(exc)},
            )

    # --- one claim cycle, run on the spool thread -------------------------------------------

    def _claim_cycle(self, free: int, can_probe: bool) -> _Cycle:
        pause = self.spool.pause_state()
        limit = free
        if not self._warm:
            # slow start: a wrong key or URL costs one request, not `concurrency` of them
            if not can_probe:
                return _Cycle([], pause)
            limit = 1
        if pause is not None:
            now = self._clock()
            probe_due = not self._probed or now >= pause.probe_at
            if not (probe_due and can_probe):
                return _Cycle([], pause, remaining=self._remaining())
            limit = 1  # one probe at a time while paused
            self._probed = True
            self.spool.pause(
                pause.reason,
                status=pause.status,
                probe_at=now + self.config.pause_probe_interval,
            )
        claims = self.spool.claim(limit, lease_s=self.config.lease_seconds)
        self._known_pause = pause.reason if pause is not None else None
        if len(claims) == limit:
            return _Cycle(claims, pause)
        return _Cycle(claims, pause, self.spool.next_due(), self._remaining())

    def _remaining(self) -> int:
        return self.spool.undelivered()

    # --- one send ---------------------------------------------------------------------------

    async def _send_and_record(self, claim: Claim, *, timeout: float | None) -> SendOutcome:
        if self._sender is None:
            self._sender = Sender(self.config, transport=self._transport)
        # the lease bounds the whole attempt: past it another process may already have sent a
        # newer version, so a process that stalled after claiming (SIGSTOP, a paused VM, a slow
        # lock) must not send this one. `margin` leaves room to record the answer in time.
        ends = claim.expires - min(LEASE_MARGIN_S, self.config.lease_grace)
        left = ends - self._clock()
        if left <= 0:
            return await self._not_sent(claim)
        limit = min(self.config.total_timeout if timeout is None else timeout, left)
        started = time.monotonic()
        try:
            outcome = await self._sender.send(
                claim.body, timeout=limit, still_leased=lambda: self._clock() < ends
            )
            if outcome.kind == "pause" and outcome.status in PER_CALL_STATUSES:
                outcome = await self._db(self._judge_refusal, outcome)
        except asyncio.CancelledError:
            # shutdown or deadline: hand the row back (runs inline; it is one short UPDATE)
            with contextlib.suppress(Exception):
                self.spool.release(claim, error=INTERRUPTED)
            raise
        latency = time.monotonic() - started
        try:
            await self._record_outcome(claim, outcome)
        except (ZeltoError, sqlite3.Error) as exc:
            # the row stays inflight under this lease; reclaim requeues it when the lease ends
            logger.error(
                "could not record a send's outcome; the call is retried after its lease",
                extra={"call_id": claim.call_id, "outcome": outcome.kind, "error": str(exc)},
            )
            raise
        for hook in self.hooks:
            try:
                hook(claim, outcome, latency)
            except Exception:  # a metrics hook must never cost a call
                logger.exception("outcome hook failed")
        return outcome

    def _judge_refusal(self, outcome: SendOutcome) -> SendOutcome:
        try:
            last_success = self.spool.last_success()
        except (ZeltoError, sqlite3.Error):
            last_success = None  # cannot tell: a pause keeps every row, so it is the safe side
        return judge_refusal(outcome, last_success=last_success, now=self._clock())

    async def _not_sent(self, claim: Claim) -> SendOutcome:
        state = await self._db(partial(self.spool.release, claim, error=LEASE_RAN_OUT))
        logger.warning(
            "lease ran out before the send; call not sent",
            extra={"call_id": claim.call_id, "version": claim.version, "state": state},
        )
        return SendOutcome("retry", None, LEASE_RAN_OUT)

    async def _record_outcome(self, claim: Claim, outcome: SendOutcome) -> None:
        """Record an outcome. Outcomes that finish while a batch is being written go into the
        next one: one transaction and one thread hop for many sends."""
        assert self._loop is not None
        done: asyncio.Future[None] = self._loop.create_future()
        self._unsettled.append((claim, outcome, done))
        if self._settler is None or self._settler.done():
            self._settler = asyncio.ensure_future(self._settle_batches())
        await asyncio.shield(done)  # a cancelled sender still gets its outcome recorded

    async def _settle_batches(self) -> None:
        while self._unsettled:
            batch, self._unsettled = self._unsettled, []
            try:
                await self._db(self._record, [(claim, outcome) for claim, outcome, _ in batch])
            except BaseException as exc:
                for _, _, done in batch:
                    if done.done():
                        continue
                    if isinstance(exc, asyncio.CancelledError):
                        done.cancel()  # torn down: a sender no longer waiting is not told
                    else:
                        done.set_exception(exc)
                if not isinstance(exc, Exception):
                    raise
                continue
            for _, _, done in batch:
                if not done.done():
                    done.set_result(None)

    def _record(self, outcomes: list[tuple[Claim, SendOutcome]]) -> None:
        """On the spool thread: all the marks in one transaction, then the side effects."""
        now = self._clock()
        marks = []
        delays: list[float | None] = []
        for claim, outcome in outcomes:
            delay = None
            if outcome.kind == "delivered":
                mark = Mark.delivered(claim, status=outcome.status or 200)
            elif outcome.kind == "retry":
                delay = next_delay(
                    outcome,
                    claim.attempts,
                    base=self.config.backoff_base,
                    cap=self.config.backoff_cap,
                    max_retry_after=self.config.max_retry_after,
                    rng=self._rng,
                )
                mark = Mark.retry(
                    claim, next_attempt_at=now + delay, status=outcome.status, error=outcome.reason
                )
            elif outcome.kind == "dead":
                mark = Mark.dead(claim, status=outcome.status or 0, error=outcome.reason)
            else:  # pause: the row goes back without counting the attempt
                self.spool.pause(
                    outcome.reason,
                    status=outcome.status,
                    probe_at=now + self.config.pause_probe_interval,
                )
                # to the back of the queue: the next probe tries another call, so one call
                # Zelto refuses cannot stand for the whole spool
                mark = Mark.release(
                    claim, status=outcome.status, error=outcome.reason, to_back=True
                )
            marks.append(mark)
            delays.append(delay)
        states = self.spool.apply(marks)
        for (claim, outcome), state, delay in zip(outcomes, states, delays, strict=True):
            self._after(claim, outcome, state, delay)

    def _after(
        self, claim: Claim, outcome: SendOutcome, state: str | None, delay: float | None
    ) -> None:
        extra: dict[str, Any] = {
            "call_id": claim.call_id,
            "version": claim.version,
            "attempt": claim.attempts,
            "status": outcome.status,
        }
        kind = outcome.kind
        self.report.outcomes[kind] = self.report.outcomes.get(kind, 0) + 1
        # slow start ends at Zelto's first answer, or a request it took but hung on: a call it
        # hangs on must not keep the calls behind it to one at a time (each a whole timeout)
        self._warm = kind != "pause" and (outcome.status is not None or outcome.reached)
        if kind == "delivered":
            self._clear_pause()
            if state == "pending":
                self.report.superseded += 1
            self.report.delivered += 1
            logger.info("call delivered", extra={**extra, "state": state})
        elif kind == "retry":
            self.report.retried += 1
            logger.warning(
                "call not accepted yet; will retry",
                extra={**extra, "error": outcome.reason, "retry_in_s": round(delay or 0.0, 3)},
            )
        elif kind == "dead":
            self._clear_pause()
            self.report.dead += 1
            logger.error(
                "call rejected by Zelto; dead-lettered",
                extra={**extra, "error": outcome.reason, "state": state},
            )
        else:
            self._probed = True  # this answer was this process's probe
            self.report.paused = outcome.reason
            if self._known_pause != outcome.reason:
                logger.error(
                    "sending paused for the whole spool; rows kept pending",
                    extra={**extra, "reason": outcome.reason},
                )
            self._known_pause = outcome.reason

    def _clear_pause(self) -> None:
        if self._known_pause is not None and self.spool.resume():
            logger.warning("sending resumed", extra={"was": self._known_pause})
        self._known_pause = None
        self.report.paused = None

    def _record_no_key(self) -> None:
        far = self._clock() + 10 * 365 * 86400.0
        self.spool.pause(NO_KEY_REASON, status=None, probe_at=far)
        self.report.paused = NO_KEY_REASON
        logger.error("ZELTO_API_KEY is not set; nothing will be sent", extra={})

    # --- housekeeping -----------------------------------------------------------------------

    async def _maybe_maintain(self, mono: float) -> None:
        if mono - self._last_maintenance < self.housekeeping_interval:
            return
        self._last_maintenance = mono
        await self._housekeep()
        evicted, over = await self._db(self.spool.enforce_cap)
        if evicted:
            logger.warning(
                "spool over its size cap; evicted delivered calls early",
                extra={"calls": evicted, "max_bytes": self.spool.max_bytes},
            )
        if over != self._over_cap:
            self._over_cap = over
            log = logger.error if over else logger.warning
            log(
                "spool is over its size cap; pending calls are kept"
                if over
                else "spool is back under its size cap",
                extra={"max_bytes": self.spool.max_bytes},
            )
        if mono - self._last_purge >= PURGE_INTERVAL_S:
            self._last_purge = mono
            purged = await self._db(self.spool.purge)
            if purged:
                logger.info("purged delivered calls past retention", extra={"calls": purged})
        await self._db(self.spool.checkpoint)  # so writers seldom hit the autocheckpoint

    async def _housekeep(self) -> None:
        """Requeue rows of dead senders; enqueue the calls of lost agent processes."""
        freed = await self._db(self.spool.reclaim)
        if freed:
            logger.warning("requeued calls of a sender that died", extra={"calls": len(freed)})
        reaped = await self._db(partial(self.spool.live.reap, stale_after_s=self.live_stale_after))
        if reaped:
            logger.warning(
                "enqueued calls of agent processes that were lost mid-call",
                extra={"calls": len(reaped), "call_ids": reaped[:20]},
            )

    async def _final_report(self, started: float) -> DrainReport:
        stats = await self._db(self.spool.stats)
        self.report.remaining = int(stats["pending"] + stats["inflight"])
        if stats["paused"] is not None and self.report.remaining:
            self.report.paused = stats["paused"]
        self.report.elapsed_s = time.monotonic() - started
        return self.report

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
