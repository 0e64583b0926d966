"""Live snapshots of calls in progress (the reaper that delivers those of lost processes is
`reaper.py`).

Not the delivery queue: while a session runs, the plugin appends each new turn here (one small
write per turn) with the job's owner (host identity, pid, start time). The normal end of the
call enqueues the final payload and deletes the snapshot in the same transaction, so Zelto only
ever gets the final payload. If the process vanishes (SIGKILL, OOM, node crash), a reaper (the
sidecar, `zelto-spool drain`, or the next job's leftovers) finds the snapshot of an owner that is
gone and enqueues it as a final call with `endedReason = "agent_process_lost"` and the duration
up to its last update. Owners this process cannot judge (another PID namespace or host) are
reaped only when they have not updated for `stale_after_s` (default 2 h); live sessions
heartbeat every few minutes so a quiet call is never taken for a lost one. Reaping runs under
the write lock, so several reapers at once enqueue a lost call once (`reaper.py`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from ..errors import PayloadError
from ..fit import fit_transcript
from ..payload import MAX_PAYLOAD_BYTES, call_id_of, decode, external_id, prepare
from . import locks
from .calls import Enqueued, Store
from .schema import transaction

__all__ = ["DEFAULT_STALE_AFTER_S", "LOST_REASON", "LiveCalls", "delete_live", "enqueue_snapshot"]

# not when a version of the call was enqueued since the tracker began: a START that waited
# behind a busy spool must not bring back a call that was already finished and queued
LIVE_START = """
INSERT INTO live (job_id, call_id, owner_host, owner_pid, owner_start, started_at, updated_at,
                  header)
SELECT :job_id, :call_id, :host, :pid, :start, :now, :now, :header
WHERE NOT EXISTS (SELECT 1 FROM calls WHERE call_id = :call_id AND enqueued_at >= :since)
ON CONFLICT (job_id) DO UPDATE SET
    call_id = excluded.call_id, owner_host = excluded.owner_host,
    owner_pid = excluded.owner_pid, owner_start = excluded.owner_start,
    updated_at = excluded.updated_at, header = excluded.header
"""
# turns only go to an open snapshot: none after it was closed, enqueued or reaped
LIVE_OPEN = "SELECT 1 FROM live WHERE job_id = :job_id AND final IS NULL"
LIVE_APPEND_TURN = (
    "INSERT OR REPLACE INTO live_turns (job_id, seq, turn) VALUES (:job_id, :seq, :turn)"
)
LIVE_DROP_TURNS_FROM = "DELETE FROM live_turns WHERE job_id = :job_id AND seq >= :total"
LIVE_SET_TURNS = """
UPDATE live SET updated_at = :now, turns = :total, header = coalesce(:header, header)
WHERE job_id = :job_id AND final IS NULL
"""
# a later session of the same job continues a call whose final was stored at the first's close
LIVE_REOPEN = "UPDATE live SET final = NULL, updated_at = :now WHERE job_id = :job_id"
LIVE_TOUCH = """
UPDATE live SET updated_at = :now, turns = max(turns, :turns),
                header = coalesce(:header, header)
WHERE job_id = :job_id
"""
LIVE_CLOSE = """
INSERT INTO live (job_id, call_id, owner_host, owner_pid, owner_start, started_at, updated_at,
                  header, final)
VALUES (:job_id, :call_id, :host, :pid, :start, :now, :now, :final, :final)
ON CONFLICT (job_id) DO UPDATE SET updated_at = excluded.updated_at, final = excluded.final
"""
LIVE_ROWS = """
SELECT job_id, call_id, owner_host, owner_pid, owner_start, started_at, updated_at, turns,
       final IS NOT NULL AS closed
FROM live ORDER BY started_at
"""
LIVE_ONE = "SELECT call_id, started_at, updated_at, header, final FROM live WHERE job_id = :job_id"
LIVE_TURNS = "SELECT turn FROM live_turns WHERE job_id = :job_id ORDER BY seq"
LIVE_DELETE = "DELETE FROM live WHERE job_id = :job_id"
LIVE_DELETE_TURNS = "DELETE FROM live_turns WHERE job_id = :job_id"
LIVE_COUNT = "SELECT count(*) FROM live"


LOST_REASON = "agent_process_lost"
DEFAULT_STALE_AFTER_S = 2 * 3600.0


def delete_live(conn: sqlite3.Connection, job_id: str) -> None:
    """Inside a write transaction: forget a job's snapshot."""
    conn.execute(LIVE_DELETE_TURNS, {"job_id": job_id})
    conn.execute(LIVE_DELETE, {"job_id": job_id})


class LiveCalls:
    """The live snapshots of one spool (`spool.live`), a part of it sharing its store."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def start(
        self, job_id: str, call_id: str, header: bytes, *, since: float | None = None
    ) -> None:
        """Register a call in progress (its payload without transcript) for this process.

        `since`: when the session began (default now). Nothing is registered if a version of
        `call_id` was enqueued since then: the call already ended and this write came late.
        """
        owner = self._owner(job_id, call_id)
        params = {**owner, "header": header, "since": owner["now"] if since is None else since}
        self._store.db.run(lambda conn: conn.execute(LIVE_START, params), call_id=call_id)

    def _owner(self, job_id: str, call_id: str) -> dict[str, Any]:
        me = locks.current_owner()
        return {
            "job_id": job_id,
            "call_id": call_id,
            "host": me.host,
            "pid": me.pid,
            "start": me.start,
            "now": self._store.clock(),
        }

    def append(
        self,
        job_id: str,
        first_seq: int,
        turns: list[bytes],
        *,
        header: bytes | None = None,
        total: int | None = None,
    ) -> bool:
        """Write turns `first_seq...` (encoded, replacing any there) and bump the update time,
        in one transaction. `total`: the snapshot's turn count after this write (default
        `first_seq + len(turns)`); turns past it are dropped (history items can be inserted
        or replaced, not only appended). Returns False when the snapshot is no longer open
        (closed, enqueued or reaped): nothing is written then."""
        now = self._store.clock()
        count = first_seq + len(turns) if total is None else total

        def write(conn: sqlite3.Connection) -> bool:
            with transaction(conn):
                if conn.execute(LIVE_OPEN, {"job_id": job_id}).fetchone() is None:
                    return False
                for offset, turn in enumerate(turns):
                    conn.execute(
                        LIVE_APPEND_TURN,
                        {"job_id": job_id, "seq": first_seq + offset, "turn": turn},
                    )
                conn.execute(LIVE_DROP_TURNS_FROM, {"job_id": job_id, "total": count})
                params = {"job_id": job_id, "now": now, "total": count, "header": header}
                conn.execute(LIVE_SET_TURNS, params)
            return True

        return self._store.db.run(write)

    def reopen(self, job_id: str) -> None:
        """Another session continues the job's call: forget the final stored at a close (the
        snapshot takes turns again; the next close stores a new final)."""
        params = {"job_id": job_id, "now": self._store.clock()}
        self._store.db.run(lambda conn: conn.execute(LIVE_REOPEN, params))

    def heartbeat(self, job_id: str) -> None:
        now = self._store.clock()
        params = {"job_id": job_id, "now": now, "turns": 0, "header": None}
        self._store.db.run(lambda conn: conn.execute(LIVE_TOUCH, params))

    def close(self, job_id: str, call_id: str, final: bytes) -> None:
        """The session closed: keep its final payload until it is enqueued (or reaped)."""
        params = {**self._owner(job_id, call_id), "final": final}
        self._store.db.run(lambda conn: conn.execute(LIVE_CLOSE, params), call_id=call_id)

    def promote(self, job_id: str) -> Enqueued | None:
        """Enqueue the snapshot's final payload (or what it has) and forget the snapshot."""
        now = self._store.clock()

        def write(conn: sqlite3.Connection) -> Enqueued | None:
            with transaction(conn):
                queued = enqueue_snapshot(self._store, conn, job_id, now, lost=False)
            return queued

        return self._store.db.run(write)

    def discard(self, job_id: str) -> None:
        def write(conn: sqlite3.Connection) -> None:
            with transaction(conn):
                delete_live(conn, job_id)

        self._store.db.run(write)

    def rows(self) -> list[dict[str, Any]]:
        def read(conn: sqlite3.Connection) -> list[dict[str, Any]]:
            cursor = conn.execute(LIVE_ROWS)
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

        return self._store.db.run(read)

    def count(self) -> int:
        return int(self._store.db.run(lambda conn: conn.execute(LIVE_COUNT).fetchone()[0]))


def enqueue_snapshot(
    store: Store, conn: sqlite3.Connection, job_id: str, now: float, *, lost: bool
) -> Enqueued | None:
    """Inside a write transaction: enqueue a job's snapshot as a version of its call (its
    final payload, else its header and turns so far) and forget the snapshot. `lost`: the
    owner is gone mid-call (`endedReason` `agent_process_lost` unless the payload has one)."""
    row = conn.execute(LIVE_ONE, {"job_id": job_id}).fetchone()
    if row is None:
        return None
    call_id, started_at, updated_at, header, final = row
    if final is not None:
        body = bytes(final)
        call_id = external_id(call_id)  # as an older release may have written it
    else:
        turns = [decode(bytes(t[0])) for t in conn.execute(LIVE_TURNS, {"job_id": job_id})]
        body = assemble(decode(bytes(header)), turns, started_at, updated_at, lost=lost)
        call_id = call_id_of(decode(body)) or call_id  # the id the payload says (redact)
    queued = store.insert_version(conn, call_id, body, now)
    delete_live(conn, job_id)
    return queued


def assemble(
    header: Mapping[str, Any],
    turns: list[Any],
    started_at: float,
    updated_at: float,
    *,
    lost: bool,
) -> bytes:
    """A final payload from a snapshot: its header, its turns, and why and when it ended."""
    payload = dict(header)
    call = dict(payload.get("call") or {})
    if isinstance(call.get("externalId"), str):
        call["externalId"] = external_id(call["externalId"])
    if lost:
        call.setdefault("endedReason", LOST_REASON)
    call.setdefault("durationSeconds", round(max(0.0, updated_at - started_at), 3))
    payload["call"] = call
    payload["transcript"] = {"turns": turns}
    try:
        return prepare(payload)[1]
    except PayloadError:
        pass
    try:  # a bad or oversized turn: repair and cut it rather than lose the transcript
        return prepare(fit_transcript(payload, max_bytes=MAX_PAYLOAD_BYTES)[0])[1]
    except ValueError:
        # a snapshot that no longer validates (e.g. a turn made by an older version): send the
        # call record alone rather than nothing; validated too (`PayloadError` if even that
        # is invalid: the reaper keeps the snapshot and says so)
        return prepare({"agent": payload.get("agent"), "call": call})[1]
