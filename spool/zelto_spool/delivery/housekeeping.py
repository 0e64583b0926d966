"""Housekeeping: the flusher's timed chores around sending. It runs the reapers (lost calls
back in the queue) and, in the sidecar, the disk cap, retention and checkpoints.

Lost calls are of two kinds: rows leased by senders that died (`Leases.reclaim`, in
`claim.py`) and calls whose agent process died mid-call (THE REAPER, `store/reaper.py`,
whose sweep runs under the write lock beside its statements).

`requeue` (every entry point that drains): rows leased by senders that died go back to
pending, and the calls of agent processes lost mid-call are enqueued from their live snapshots.
`maintain` (the sidecar's `run`, at most every `interval`): that, plus the disk cap, retention
and leftover recording files (hourly; `Recordings.sweep`, whether recordings are on here or
not) and a WAL checkpoint, so writers seldom meet an autocheckpoint.

Each step is one spool call, run on the spool thread by the `db` callable it is given.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

from ..logs import library_logger
from ..store.reaper import reap
from .claim import Leases

__all__ = ["HOUSEKEEPING_INTERVAL_S", "PURGE_INTERVAL_S", "Housekeeper"]

logger = library_logger(__name__)  # or the plugin's logger in a worker

Db = Callable[..., Awaitable[Any]]

HOUSEKEEPING_INTERVAL_S = 5.0
PURGE_INTERVAL_S = 3600.0


class Housekeeper:
    def __init__(
        self, leases: Leases, db: Db, *, interval: float, live_stale_after_s: float
    ) -> None:
        self.leases = leases
        self.spool = leases.spool
        self.interval = interval
        self.live_stale_after_s = live_stale_after_s
        self._db = db
        self._last_maintenance = float("-inf")
        self._last_purge = float("-inf")
        self._over_cap = False

    def due_in(self, mono: float) -> float:
        """Seconds until `maintain` has work again (0: now)."""
        return max(0.0, self.interval - (mono - self._last_maintenance))

    async def maintain(self, mono: float) -> None:
        if mono - self._last_maintenance < self.interval:
            return
        self._last_maintenance = mono
        await self.requeue()
        evicted, over = await self._db(self.spool.upkeep.enforce_cap)
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
            purged = await self._db(self.spool.upkeep.purge)
            if purged:
                logger.info("purged delivered calls past retention", extra={"calls": purged})
            await self._db(self.spool.recordings.sweep)  # leftover files: each one logged
        await self._db(self.spool.upkeep.checkpoint)  # so writers seldom hit the autocheckpoint

    async def requeue(self) -> None:
        """Requeue rows of dead senders; enqueue the calls of lost agent processes."""
        freed = await self._db(self.leases.reclaim)
        if freed:
            logger.warning("requeued calls of a sender that died", extra={"calls": len(freed)})
        reaped = await self._db(
            partial(reap, self.spool.store, stale_after_s=self.live_stale_after_s)
        )
        if reaped:
            logger.warning(
                "enqueued calls of agent processes that were lost mid-call",
                extra={"calls": len(reaped), "call_ids": reaped[:20]},
            )
