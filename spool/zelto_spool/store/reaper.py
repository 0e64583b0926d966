"""THE REAPER: the calls of agent processes lost mid-call, enqueued from their live snapshots.

A job keeps a live snapshot of its call (`live.py`). If its process vanishes (SIGKILL, OOM, a
node crash), `reap` finds the snapshot of an owner that is gone and enqueues it as a final call
with `endedReason = "agent_process_lost"` (a closed snapshot keeps its own) and the duration
up to its last update:

- an owner on this host identity whose pid is gone or reused: at once;
- an owner this process cannot judge (another PID namespace or host): only when it has not
  updated for `stale_after_s` (default 2 h; live sessions heartbeat every few minutes);
- a snapshot a restored spool holds (`home.py`): into a held call, whoever owned it.

The sweep re-reads the snapshots under the write lock and deletes what it enqueues in the same
transaction, so several reapers at once enqueue a lost call once; one snapshot that cannot be
assembled is undone alone (a savepoint) and kept. Who runs it: the sidecar's housekeeping
(`delivery/housekeeping.py`, every 5 s), `zelto-spool drain` and a job's leftovers. Rows
leased by senders that died are the claim's business (`Leases.reclaim`, `delivery/claim.py`).
"""

from __future__ import annotations

import sqlite3

from ..logs import library_logger
from . import locks
from .calls import Store
from .home import forget_jobs, held_jobs, hold_call
from .live import DEFAULT_STALE_AFTER_S, LIVE_ROWS, enqueue_snapshot
from .schema import transaction

__all__ = ["reap", "reaped_total"]

logger = library_logger(__name__)  # or the plugin's logger in a worker

LIVE_REAPED_GET = "SELECT value FROM meta WHERE key = 'reaped_total'"
# one lost job's snapshot at a time inside the reap's transaction: a bad one is undone alone
LIVE_REAP_ONE = "SAVEPOINT reap_one"
LIVE_REAP_ONE_UNDO = "ROLLBACK TO reap_one"
LIVE_REAP_ONE_DONE = "RELEASE reap_one"
LIVE_REAPED_ADD = """
INSERT INTO meta (key, value) VALUES ('reaped_total', :n)
ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + :n
"""


def reap(store: Store, *, stale_after_s: float = DEFAULT_STALE_AFTER_S) -> list[str]:
    """Enqueue the calls of lost owners as final calls; returns their call ids."""
    now = store.clock()
    me = locks.current_owner()

    def sweep(conn: sqlite3.Connection) -> list[str]:
        candidates = conn.execute(LIVE_ROWS).fetchall()
        if not candidates:
            return []
        with transaction(conn):
            reaped, converted = [], []
            held = held_jobs(conn)  # a restored spool's: reaped into held calls at once
            # re-read under the write lock: another reaper may have taken some already
            for (
                job_id,
                call_id,
                host,
                pid,
                start,
                _started,
                updated,
                _turns,
                closed,
            ) in conn.execute(LIVE_ROWS).fetchall():
                if job_id not in held:
                    if (host, pid, start) == (me.host, me.pid, me.start):
                        continue  # our own job: its process is alive by definition
                    alive = locks.is_alive(host, pid, start)
                    if alive is not False and (alive is not None or updated >= now - stale_after_s):
                        continue
                # one snapshot that cannot be assembled must not hold up the others
                conn.execute(LIVE_REAP_ONE)
                try:
                    queued = enqueue_snapshot(store, conn, job_id, now, lost=not closed)
                except (ValueError, TypeError) as exc:  # a bad snapshot, not the file
                    conn.execute(LIVE_REAP_ONE_UNDO)
                    conn.execute(LIVE_REAP_ONE_DONE)
                    logger.error(
                        "could not enqueue the call of a lost agent process; its snapshot "
                        "is kept (see `zelto-spool list --state live`)",
                        extra={"job_id": job_id, "call_id": call_id, "error": str(exc)},
                    )
                    continue
                conn.execute(LIVE_REAP_ONE_DONE)
                if job_id in held:
                    converted.append(job_id)
                    if queued is not None:
                        hold_call(conn, queued.call_id, now)
                elif queued is not None:
                    reaped.append(queued.call_id)
            if converted:
                forget_jobs(conn, converted)
            if reaped:
                conn.execute(LIVE_REAPED_ADD, {"n": len(reaped)})
        return reaped

    return store.db.run(sweep)


def reaped_total(store: Store) -> int:
    """How many lost calls the reapers of this spool enqueued (`meta.reaped_total`)."""
    value = store.db.run(lambda conn: conn.execute(LIVE_REAPED_GET).fetchone())
    return 0 if value is None else int(value[0])
