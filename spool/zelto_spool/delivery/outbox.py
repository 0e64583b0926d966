"""`Outbox`: the one seam between code that produces calls (the LiveKit plugin) and the engine.

Submit a finished call with its budget, get back what happened (an `Outcome`). The outbox owns
the rest: storing the call and claiming it in one fsynced transaction, sending it, recording
the outcome, then due leftovers of earlier calls; or, when the spool refuses the call, sending
it directly and recording it once the spool takes writes again.

The threading rule (the sidecar's, docs/performance.md): no SQLite operation runs on the
caller's event loop. Each goes to this loop's spool thread (the flusher's one-thread executor),
because a write can wait for another process's lock for up to the busy timeout (30 s) and
a fsync takes milliseconds. `submit` awaits the store before anything else, so the call is
committed and fsynced before it returns or sends; a caller that is cancelled while the store
runs leaves it to finish on that thread (committed, or rolled back whole).

One `Flusher` per event loop, with its sender (a keep-alive client) and its spool thread, made
by the loop's first submit and closed when the loop shuts down (a keeper task, cancelled then).
LiveKit runs one job per process, on one loop; its thread executor runs several jobs in one
process, each on a loop of its own thread.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from ..config import (
    DEFAULT_MAX_BYTES,
    DEFAULT_RETENTION_S,
    DeliveryConfig,
    default_spool_path,
    env_max_bytes,
    env_retention,
    expand_path,
)
from ..errors import ConfigError, SpoolError
from ..guard import guard_settings
from ..logs import library_logger, route_logs_to
from ..store.calls import Enqueued
from ..store.spool import Spool
from .claim import Claim, Leases
from .flusher import Flusher
from .outcomes import OutcomeHook
from .retry import SendOutcome
from .sender import Sender, preload_sender

__all__ = ["Outbox", "Outcome"]

logger = library_logger(__name__)  # or the plugin's logger in a worker

T = TypeVar("T")

RECORD_RESERVE_S = 0.05  # of the budget, for recording the outcome and closing
LEFTOVERS_MIN_S = 0.05  # less than this left after the call: leftovers wait for the sidecar
RECORD_RETRY_FIRST_S = 0.05  # a call the spool refused: first wait before recording it again
RECORD_RETRY_MAX_S = 2.0
NO_TIME_LEFT = "the deliver budget was used up by spooling; left for the next sender"


@dataclass(frozen=True)
class Outcome:
    """What `Outbox.submit` (or `promote`) did with a call.

    `version`/`size`: the version stored in the spool (None: the spool never took it).
    `sent`: the attempt's result, `delivered`, `retry`, `dead` or `pause`; None when no
    attempt was made here (no key, no budget, or another sender has the call). `direct`: sent
    without the spool, because it refused the call. `status`/`reason`: the attempt's HTTP
    status and reason text (the API key scrubbed out).
    """

    call_id: str
    version: int | None = None
    size: int = 0
    sent: str | None = None
    direct: bool = False
    status: int | None = None
    reason: str = ""

    @property
    def spooled(self) -> bool:
        return self.version is not None

    @property
    def delivered(self) -> bool:
        return self.sent == "delivered"

    @property
    def lost(self) -> bool:
        """Neither in the spool nor delivered: nothing will ever send this call."""
        return not self.spooled and not self.delivered


class Outbox:
    """A spool and the Zelto its calls are sent to, for code that produces calls.

    Build it with `Outbox.from_settings` (the environment as it is now, under pytest with the
    guard that keeps test calls in the test) or `Outbox(spool, config)`. `spool` is the
    `Spool`, for everything else (live snapshots, enrichment, inspection).

    Args:
        spool: where calls are stored.
        config: endpoint, key, timeouts.
        leftovers: how many due calls of earlier jobs a `submit` may send after its own call
            was delivered, in what is left of its budget (0: none).
        hooks: `(claim, outcome, latency_s)` callables run after each recorded send.
        key_warned: the missing key was already reported (the pytest guard dropped it).
    """

    def __init__(
        self,
        spool: Spool,
        config: DeliveryConfig,
        *,
        leftovers: int = 50,
        hooks: Iterable[OutcomeHook] = (),
        key_warned: bool = False,
    ) -> None:
        self.spool = spool
        self._leases = Leases(spool)
        self._config = config
        self._leftovers = leftovers
        self._hooks = tuple(hooks)
        self._warned_no_key = key_warned
        self._given: tuple[Path, DeliveryConfig] | None = None  # what `from_settings` resolved
        # per loop: its flusher, and the task that closes it when the loop ends (held here:
        # a loop keeps only weak references to its tasks)
        self._flushers: dict[asyncio.AbstractEventLoop, tuple[Flusher, asyncio.Task[None]]] = {}

    def __repr__(self) -> str:
        return f"Outbox({str(self.spool.path)!r})"

    # --- settings ---------------------------------------------------------------------------

    @staticmethod
    def prepare_process(log_to: str | None = None) -> None:
        """For a process that forks the ones that submit (LiveKit's forkserver imports the
        plugin once and forks every job from it): pay the first send's one-time setup now
        (`preload_sender`: httpx's lazy imports, a TLS context, ~45 ms), and send the
        library's log lines to logger `log_to` in this process and its forks."""
        if log_to is not None:
            route_logs_to(log_to)
        preload_sender()

    @staticmethod
    def check_settings(
        *, spool_path: str | Path | None, api_key: str | None, base_url: str | None
    ) -> None:
        """Raise `ConfigError` now for settings `from_settings` could never use: a bad key
        or URL given (or in the environment), a bad `ZELTO_SPOOL_RETENTION` or
        `ZELTO_SPOOL_MAX_BYTES`, no home for the default spool path."""
        DeliveryConfig.from_env(api_key=api_key, base_url=base_url)
        env_retention()
        env_max_bytes()
        if spool_path is None:
            default_spool_path()

    @classmethod
    def from_settings(
        cls,
        *,
        spool_path: str | Path | None = None,
        api_key: str | None = None,
        base_url: str | None = None,
        leftovers: int = 50,
        hooks: Iterable[OutcomeHook] = (),
        reuse: Outbox | None = None,
    ) -> Outbox:
        """The outbox for these options and the environment as it is now (`ZELTO_*`; an option
        given wins). `reuse` is returned when it has the same settings (its sender and spool
        connection are kept). A bad `ZELTO_*` is logged and the calls are spooled, not sent.
        Under pytest, the guard keeps test calls out of the user's spool and away from any
        Zelto not on loopback (`zelto_spool.guard`)."""
        path = expand_path(spool_path) if spool_path is not None else default_spool_path()
        try:
            config = DeliveryConfig.from_env(api_key=api_key, base_url=base_url)
        except ConfigError as exc:  # ZELTO_* changed since startup: keep the calls, send none
            logger.error(
                "bad Zelto settings; calls are spooled, not sent", extra={"error": str(exc)}
            )
            config = DeliveryConfig()
        guarded = guard_settings(path, config)
        if reuse is not None and reuse._given == (guarded.spool_path, guarded.config):
            return reuse
        if guarded.changed:  # one line, what it changed in its text (plain logging shows it)
            logger.warning(
                "under pytest, test calls stay in the test: %s (use the zelto_env fixture, "
                "or mark the test zelto_live)",
                "; ".join(guarded.changed),
                extra={"change": "; ".join(guarded.changed)},
            )
        held = config.api_key is not None and guarded.config.api_key is None
        outbox = cls(
            Spool(guarded.spool_path, **_spool_settings()),  # opens nothing until the first call
            guarded.config,
            leftovers=leftovers,
            hooks=hooks,
            key_warned=held,
        )
        outbox._given = (guarded.spool_path, guarded.config)
        return outbox

    # --- the seam ---------------------------------------------------------------------------

    async def submit(
        self,
        call_id: str,
        body: bytes,
        *,
        budget_s: float,
        send: bool = True,
        ends_live: str | None = None,
        record_s: float | None = None,
        refused: bool = False,
    ) -> Outcome:
        """Store a finished call (validated and encoded: `prepare`), then send it within
        `budget_s` seconds, then due leftovers. Never raises for the spool or the network.

        The call is stored and, when it is to be sent now, claimed in one transaction (one
        fsynced commit, on the spool thread); the claim holds the bytes just written, so
        nothing is read back before the POST. `ends_live` names a job whose live snapshot this
        final version replaces (deleted in the same transaction). `send=False` only stores.

        When the spool refuses the call (or `refused`: it did already), it is sent directly,
        then recorded in the spool as soon as it takes writes again, retiring `ends_live`'s
        snapshot in the same transaction, trying again with backoff for `record_s` seconds
        (default: the budget): a snapshot left behind would be reaped once this process is
        gone and land at Zelto over the call sent here. Recorded, the call is pending: a
        later sender sends it again (Zelto dedups), so a failed direct send loses nothing.
        """
        started = time.monotonic()
        deadline = started + budget_s
        record_by = deadline if record_s is None else max(deadline, started + record_s)
        if refused:
            return await self._unspooled(call_id, body, ends_live, budget_s, record_by)
        lease = self._lease_for(budget_s) if send else None
        try:
            if lease is None:
                stored = self.spool.enqueue_encoded
                queued = await self._on_spool_thread(stored, call_id, body, ends_live=ends_live)
                claim, others = None, False
            else:
                queued, claim, others = await self._on_spool_thread(
                    self._store_claimed, call_id, body, lease, ends_live
                )
        except Exception as exc:  # SpoolError, or anything unforeseen: the call still goes out
            logger.error(
                "could not spool the call; trying to send it directly",
                extra={"call_id": call_id, "error": str(exc), "spool": str(self.spool.path)},
            )
            budget = max(0.0, deadline - time.monotonic())
            return await self._unspooled(call_id, body, ends_live, budget, record_by)
        logger.info(
            "call spooled",
            extra={
                "call_id": call_id,
                "version": queued.version,
                "bytes": queued.size,
                "ms": round((time.monotonic() - started) * 1000, 3),
            },
        )
        outcome = Outcome(call_id, queued.version, queued.size)
        if claim is None:
            return outcome
        return await self._send_claimed(outcome, claim, deadline, others=others)

    async def promote(self, job_id: str, *, budget_s: float, send: bool = True) -> Outcome | None:
        """Queue the final payload a job's closed live snapshot holds (`spool.live.close`),
        then send it within `budget_s`. None: there was nothing to queue. A spool error is
        logged: the call stays in the spool as a closed snapshot, for a reaper."""
        try:
            queued = await self._on_spool_thread(self.spool.live.promote, job_id)
        except SpoolError as exc:
            logger.error(
                "could not queue the call; it stays in the spool as a closed snapshot",
                extra={"error": str(exc)},
            )
            return None
        if queued is None:
            return None
        logger.info(
            "call spooled",
            extra={"call_id": queued.call_id, "version": queued.version, "bytes": queued.size},
        )
        outcome = Outcome(queued.call_id, queued.version, queued.size)
        if not send or not self.can_send():
            return outcome
        try:
            sent = await self._flusher().deliver(
                queued.call_id, timeout=budget_s - RECORD_RESERVE_S
            )
        except SpoolError as exc:
            logger.error(
                "spool error while sending; the call stays spooled", extra={"error": str(exc)}
            )
            return outcome
        return outcome if sent is None else _with(outcome, sent)

    def can_send(self) -> bool:
        """This process has a key (said once, as a warning, when it has none)."""
        if self._config.api_key is not None:
            return True
        if not self._warned_no_key:
            self._warned_no_key = True
            logger.warning(
                "ZELTO_API_KEY is not set: calls wait in the spool for `zelto-spool run` or drain",
                extra={"spool": str(self.spool.path)},
            )
        return False

    # --- sending ----------------------------------------------------------------------------

    def _lease_for(self, budget: float) -> float | None:
        """The lease to claim a call for as it is stored (None: it is not sent now)."""
        if budget <= RECORD_RESERVE_S or not self.can_send():
            return None
        return self._config.lease_s

    def _store_claimed(
        self, call_id: str, body: bytes, lease_s: float, ends_live: str | None
    ) -> tuple[Enqueued, Claim | None, bool]:
        """On the spool thread: store and claim the call (one transaction), then look whether
        anything else waits: a row pending or being sent, or a live snapshot that could be a
        lost process's. Looking here, not after the send, saves a hop to this thread per call
        (a row that turns up during the send is the sidecar's, or the next job's)."""
        queued, claim = self._leases.enqueue_claimed(
            call_id, body, lease_s=lease_s, ends_live=ends_live
        )
        if claim is None or not self._leftovers:
            return queued, claim, False
        mine = 1  # the call just claimed is in flight: not a leftover
        others = self.spool.undelivered() > mine or self.spool.live.count() > 0
        return queued, claim, others

    async def _send_claimed(
        self, outcome: Outcome, claim: Claim, deadline: float, *, others: bool
    ) -> Outcome:
        """Send the call just stored and claimed, by `deadline` (`time.monotonic()`); then,
        if it went through and `others` wait, due leftovers."""
        flusher = self._flusher()
        try:
            # keep back what recording the answer takes
            timeout = deadline - time.monotonic() - RECORD_RESERVE_S
            if timeout <= 0:  # a long wait for the spool's lock used the budget up
                await flusher.on_spool_thread(self._leases.release, claim, error=NO_TIME_LEFT)
                return outcome
            sent = await flusher.send_claimed(claim, timeout=timeout)
            outcome = _with(outcome, sent)
            if sent.kind == "delivered" and others:
                await self._leftovers_after(flusher, deadline)
        except SpoolError as exc:
            logger.error(
                "spool error while sending; the call stays spooled", extra={"error": str(exc)}
            )
        return outcome

    async def _leftovers_after(self, flusher: Flusher, deadline: float) -> None:
        """Zelto took the call: send due calls of earlier jobs too, with what is left."""
        remaining = deadline - time.monotonic()
        if remaining <= LEFTOVERS_MIN_S:
            return
        await flusher.drain_due(timeout=remaining, max_calls=self._leftovers)

    async def _unspooled(
        self, call_id: str, body: bytes, ends_live: str | None, budget: float, record_by: float
    ) -> Outcome:
        """The spool refused the call: send it directly, then record it in the spool."""
        sent = await self._direct(body, budget=budget)
        outcome = Outcome(call_id, direct=True)
        if sent is not None:
            outcome = _with(outcome, sent)
        if outcome.delivered:
            logger.warning("call delivered directly (not spooled)", extra={"call_id": call_id})
        queued = await self._record(call_id, body, ends_live=ends_live, by=record_by)
        if queued is not None:
            logger.info(
                "the call is spooled after all; its live snapshot is retired",
                extra={"call_id": call_id, "version": queued.version, "sent": outcome.delivered},
            )
            return replace(outcome, version=queued.version, size=queued.size)
        if outcome.delivered:
            logger.error(
                "the spool still refuses writes: if this job kept a live snapshot, a reaper "
                "will send that partial version over the call delivered directly once this "
                "process is gone",
                extra={"call_id": call_id, "spool": str(self.spool.path)},
            )
        else:
            logger.critical(
                "call LOST: it could not be spooled and the direct send failed",
                extra={
                    "call_id": call_id,
                    "error": "ZELTO_API_KEY is not set" if sent is None else sent.reason,
                    "status": None if sent is None else sent.status,
                },
            )
        return outcome

    async def _direct(self, body: bytes, *, budget: float) -> SendOutcome | None:
        """One attempt of `body`, not spooled (None: no key to send with)."""
        if not self.can_send():
            return None
        sender = Sender(self._config)
        try:
            return await sender.send(body, timeout=min(budget, self._config.total_timeout_s))
        finally:
            await sender.aclose()

    async def _record(
        self, call_id: str, body: bytes, *, ends_live: str | None, by: float
    ) -> Enqueued | None:
        delay = RECORD_RETRY_FIRST_S
        while True:
            try:
                return await self._on_spool_thread(
                    self.spool.enqueue_encoded, call_id, body, ends_live=ends_live
                )
            except Exception as exc:  # SpoolError, or anything unforeseen: try again
                if time.monotonic() + delay > by:
                    logger.error(
                        "could not record the call in the spool",
                        extra={"call_id": call_id, "error": str(exc)},
                    )
                    return None
            await asyncio.sleep(delay)  # a backoff between attempts, not synchronisation
            delay = min(delay * 2, RECORD_RETRY_MAX_S)

    # --- plumbing ---------------------------------------------------------------------------

    async def _on_spool_thread(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        return await self._flusher().on_spool_thread(fn, *args, **kwargs)

    def _flusher(self) -> Flusher:
        """This loop's flusher: made by its first use, closed when the loop shuts down."""
        loop = asyncio.get_running_loop()
        held = self._flushers.get(loop)
        if held is None:
            flusher = Flusher(self.spool, self._config, hooks=self._hooks)
            keeper = loop.create_task(self._close_at_loop_end(loop, flusher))
            held = self._flushers[loop] = (flusher, keeper)
        return held[0]

    async def _close_at_loop_end(self, loop: asyncio.AbstractEventLoop, flusher: Flusher) -> None:
        try:
            await loop.create_future()  # never set: cancelled when the loop shuts down
        finally:
            self._flushers.pop(loop, None)
            try:
                await flusher.aclose()
            except Exception:
                logger.exception("could not close the sender at the end of the event loop")


def _with(outcome: Outcome, sent: SendOutcome) -> Outcome:
    return replace(outcome, sent=sent.kind, status=sent.status, reason=sent.reason)


def _spool_settings() -> dict[str, Any]:
    """`ZELTO_SPOOL_RETENTION` and `ZELTO_SPOOL_MAX_BYTES` as they are now; one made bad since
    the worker started (which refused a bad one) is logged and its default used: a call is
    never lost to a typo in a setting of how long payloads stay or how much disk they take."""
    out: dict[str, Any] = {}
    for name, read, default in (
        ("retention_s", env_retention, DEFAULT_RETENTION_S),
        ("max_bytes", env_max_bytes, DEFAULT_MAX_BYTES),
    ):
        try:
            out[name] = read()
        except ConfigError as exc:
            logger.error(  # the variable in the text: a plain formatter shows no extras
                "bad spool setting; its default is used: %s", exc, extra={"error": str(exc)}
            )
            out[name] = default
    return out
