"""Sending from a job process: its spooled call within a budget, then due leftovers; or,
when the spool refused the call, directly."""

from __future__ import annotations

import time

from zelto_spool import DeliveryConfig, Flusher, Sender, Spool, SpoolError

from . import _metrics
from .log import logger

__all__ = ["Delivery"]

RECORD_RESERVE_S = 0.05  # of the deliver budget, for marking the outcome and closing


class Delivery:
    def __init__(self, spool: Spool, config: DeliveryConfig, *, leftovers: int) -> None:
        self._spool = spool
        self._config = config
        self._leftovers = leftovers
        self._warned_no_key = False

    async def spooled(self, call_id: str, *, budget: float, leftovers: bool) -> None:
        """Send a spooled call within `budget` s; then, if it went through, due leftovers."""
        if not self.can_send():
            return
        deadline = time.monotonic() + budget
        flusher = Flusher(self._spool, self._config, hooks=[_metrics.count_outcome])
        try:
            # keep back what recording the answer and closing the client take
            outcome = await flusher.deliver(call_id, timeout=budget - RECORD_RESERVE_S)
            remaining = deadline - time.monotonic()
            if (
                leftovers
                and self._leftovers
                and outcome is not None
                and outcome.kind == "delivered"
                and remaining > 0.05
            ):
                await flusher.drain_due(timeout=remaining, max_calls=self._leftovers)
        except SpoolError as exc:
            logger.error(
                "spool error while sending; the call stays spooled", extra={"error": str(exc)}
            )
        finally:
            await flusher.aclose()

    async def direct(self, call_id: str, body: bytes, *, budget: float) -> None:
        """The spool refused the call: send it now; it is lost (loudly) only if this fails."""
        if not self.can_send():
            _metrics.count_call("lost")
            logger.critical(
                "call LOST: it could not be spooled and ZELTO_API_KEY is not set",
                extra={"call_id": call_id},
            )
            return
        sender = Sender(self._config)
        try:
            outcome = await sender.send(body, timeout=min(budget, self._config.total_timeout))
        finally:
            await sender.aclose()
        if outcome.kind == "delivered":
            _metrics.count_call("delivered_direct")
            logger.warning("call delivered directly (not spooled)", extra={"call_id": call_id})
        else:
            _metrics.count_call("lost")
            logger.critical(
                "call LOST: it could not be spooled and the direct send failed",
                extra={"call_id": call_id, "error": outcome.reason, "status": outcome.status},
            )

    def can_send(self) -> bool:
        if self._config.api_key is not None:
            return True
        if not self._warned_no_key:
            self._warned_no_key = True
            logger.warning(
                "ZELTO_API_KEY is not set: calls wait in the spool for `zelto-spool run` or drain",
                extra={"spool": str(self._spool.path)},
            )
        return False
