"""Sending from a job process: the call it has just spooled and claimed, within a budget, then
due leftovers; a call queued from its closed snapshot; or, when the spool refused the call,
directly.

One `Flusher` per event loop, with its sender (a keep-alive client) and its spool thread: the
first send on a loop makes it, later sends on that loop reuse it, and it is closed when the
loop shuts down (`asyncio.run` and LiveKit's job processes cancel what is left at the end,
and the keeper task below closes it then). LiveKit runs one job per process, on one loop; its
thread executor runs several jobs in one process, each on a loop of its own thread.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from zelto_spool import (
    Claim,
    ConfigError,
    DeliveryConfig,
    Enqueued,
    Flusher,
    Leases,
    Sender,
    SendOutcome,
    Spool,
    SpoolError,
    default_spool_path,
    guard_settings,
)

from . import _metrics
from .log import logger

__all__ = ["Delivery", "Destination"]

RECORD_RESERVE_S = 0.05  # of the deliver budget, for marking the outcome and closing
LEFTOVERS_MIN_S = 0.05  # less than this left after the call: leftovers wait for the sidecar
RECORD_RETRY_FIRST_S = 0.05  # a call the spool refused: first wait before recording it again
RECORD_RETRY_MAX_S = 2.0
NO_TIME_LEFT = "the deliver budget was used up by spooling; left for the next sender"


class Destination:
    """Where a forwarder's calls go: its options, and for the rest the environment as it is
    when a job begins (not when the forwarder was built: a test's `ZELTO_*` reaches a
    forwarder its agent module built at import). Under pytest, `guard_settings` keeps test
    calls out of the user's spool and away from any Zelto not on loopback. The same spool and
    sender while the settings stay the same."""

    def __init__(
        self,
        *,
        spool_path: str | Path | None,
        api_key: str | None,
        base_url: str | None,
        leftovers: int,
    ) -> None:
        DeliveryConfig.from_env(api_key=api_key, base_url=base_url)  # a bad option fails now
        if spool_path is None:  # and no home for the default path, at the worker's start
            default_spool_path()
        self._options = (spool_path, api_key, base_url)
        self._leftovers = leftovers
        self._current: tuple[tuple[Path, DeliveryConfig], Delivery] | None = None

    def now(self) -> Delivery:
        spool_path, api_key, base_url = self._options
        path = Path(spool_path).expanduser() if spool_path is not None else default_spool_path()
        try:
            config = DeliveryConfig.from_env(api_key=api_key, base_url=base_url)
        except ConfigError as exc:  # ZELTO_* changed since startup: keep the calls, send none
            logger.error(
                "bad Zelto settings; calls are spooled, not sent", extra={"error": str(exc)}
            )
            config = DeliveryConfig()
        guarded = guard_settings(path, config)
        key = (guarded.spool_path, guarded.config)
        if self._current is None or self._current[0] != key:
            for change in guarded.changed:
                logger.warning(
                    "under pytest: test calls stay in the test (use the zelto_env fixture, "
                    "or mark the test zelto_live)",
                    extra={"change": change},
                )
            spool = Spool(guarded.spool_path)  # opens nothing until the first call
            held = config.api_key is not None and guarded.config.api_key is None
            delivery = Delivery(spool, guarded.config, leftovers=self._leftovers, held=held)
            self._current = (key, delivery)
        return self._current[1]


class Delivery:
    def __init__(
        self, spool: Spool, config: DeliveryConfig, *, leftovers: int, held: bool = False
    ) -> None:
        self.spool = spool
        self.leases = Leases(spool)  # the call's claim is taken as it is spooled
        self._config = config
        self._leftovers = leftovers
        self._warned_no_key = held  # the pytest guard took the key: it said so already
        self._flushers: dict[asyncio.AbstractEventLoop, tuple[Flusher, asyncio.Task[None]]] = {}

    def lease_for(self, budget: float) -> float | None:
        """The lease to claim a call for as it is spooled (None: it is not sent now)."""
        if budget <= RECORD_RESERVE_S or not self.can_send():
            return None
        return self._config.lease_s

    async def claimed(self, claim: Claim, *, deadline: float, leftovers: bool) -> None:
        """Send the call this process has just spooled and claimed, by `deadline`
        (`time.monotonic()`); then, if it went through, due leftovers."""
        try:
            # keep back what recording the answer takes
            timeout = deadline - time.monotonic() - RECORD_RESERVE_S
            if timeout <= 0:  # a long wait for the spool's lock used the budget up
                self.leases.release(claim, error=NO_TIME_LEFT)
                return
            flusher = self._flusher()
            outcome = await flusher.send_claimed(claim, timeout=timeout)
            if leftovers:
                await self._leftovers_after(flusher, outcome, deadline)
        except SpoolError as exc:
            logger.error(
                "spool error while sending; the call stays spooled", extra={"error": str(exc)}
            )

    async def spooled(self, call_id: str, *, budget: float) -> None:
        """Send a spooled call (claimed here, by its id) within `budget` s."""
        if not self.can_send():
            return
        try:
            await self._flusher().deliver(call_id, timeout=budget - RECORD_RESERVE_S)
        except SpoolError as exc:
            logger.error(
                "spool error while sending; the call stays spooled", extra={"error": str(exc)}
            )

    async def _leftovers_after(
        self, flusher: Flusher, outcome: SendOutcome, deadline: float
    ) -> None:
        """Zelto took the call: send due calls of earlier jobs too, with what is left."""
        remaining = deadline - time.monotonic()
        if not self._leftovers or outcome.kind != "delivered" or remaining <= LEFTOVERS_MIN_S:
            return
        # two reads on the open connection instead of a drain's housekeeping and claim when
        # there is nothing to do (the usual case with a sidecar running): no row waiting or
        # being sent, and no live snapshot of a call that could be a lost process's
        if self.spool.undelivered() == 0 and self.spool.live.count() == 0:
            return
        await flusher.drain_due(timeout=remaining, max_calls=self._leftovers)

    def _flusher(self) -> Flusher:
        """This loop's flusher: made by its first send, closed when the loop shuts down."""
        loop = asyncio.get_running_loop()
        held = self._flushers.get(loop)
        if held is None:
            flusher = Flusher(self.spool, self._config, hooks=[_metrics.count_outcome])
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

    async def unspooled(
        self, call_id: str, body: bytes, *, job_id: str, budget: float, record_by: float
    ) -> None:
        """The spool refused the call: send it directly, then record it in the spool.

        The record stores the call as a new version and retires the job's live snapshot in the
        same transaction, trying again (backoff) until `record_by` (`time.monotonic()`): a
        snapshot left behind would be reaped once this process is gone and land at Zelto
        over the call sent here (a partial `agent_process_lost` version over the complete
        one). Recorded, the call is pending: the sidecar sends it again (a duplicate Zelto
        dedups) and a call the direct send could not deliver is not lost.
        """
        outcome = await self._direct(body, budget=budget)
        delivered = outcome is not None and outcome.kind == "delivered"
        if delivered:
            _metrics.count_call("delivered_direct")
            logger.warning("call delivered directly (not spooled)", extra={"call_id": call_id})
        queued = await self._record(call_id, body, job_id=job_id, by=record_by)
        if queued is not None:
            _metrics.count_call("spooled")
            logger.info(
                "the call is spooled after all; its live snapshot is retired",
                extra={"call_id": call_id, "version": queued.version, "sent": delivered},
            )
        elif delivered:
            logger.error(
                "the spool still refuses writes: if this job kept a live snapshot, a reaper "
                "will send that partial version over the call delivered directly once this "
                "process is gone",
                extra={"call_id": call_id, "spool": str(self.spool.path)},
            )
        else:
            _metrics.count_call("lost")
            logger.critical(
                "call LOST: it could not be spooled and the direct send failed",
                extra={
                    "call_id": call_id,
                    "error": "ZELTO_API_KEY is not set" if outcome is None else outcome.reason,
                    "status": None if outcome is None else outcome.status,
                },
            )

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
        self, call_id: str, body: bytes, *, job_id: str, by: float
    ) -> Enqueued | None:
        delay = RECORD_RETRY_FIRST_S
        while True:
            try:
                return self.spool.enqueue_encoded(call_id, body, ends_live=job_id)
            except Exception as exc:  # SpoolError, or anything unforeseen: try again
                if time.monotonic() + delay > by:
                    logger.error(
                        "could not record the call in the spool",
                        extra={"call_id": call_id, "error": str(exc)},
                    )
                    return None
            await asyncio.sleep(delay)  # a backoff between attempts, not synchronisation
            delay = min(delay * 2, RECORD_RETRY_MAX_S)

    def can_send(self) -> bool:
        if self._config.api_key is not None:
            return True
        if not self._warned_no_key:
            self._warned_no_key = True
            logger.warning(
                "ZELTO_API_KEY is not set: calls wait in the spool for `zelto-spool run` or drain",
                extra={"spool": str(self.spool.path)},
            )
        return False
