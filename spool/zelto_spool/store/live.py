"""Live snapshots of calls in progress, and the reaper that delivers calls of lost processes.

Not the delivery queue: while a session runs, the plugin appends each new turn here (one small
write per turn) with the job's owner (host identity, pid, start time). The normal end of the
call enqueues the final payload and deletes the snapshot in the same transaction, so Zelto only
ever gets the final payload. If the process vanishes (SIGKILL, OOM, node crash), a reaper (the
sidecar, `zelto-spool drain`, or the next job's leftovers) finds the snapshot of an owner that is
gone and enqueues it as a final call with `endedReason = "agent_process_lost"` and the duration
up to its last update. Owners this process cannot judge (another PID namespace or host) are
reaped only when they have not updated for `stale_after_s` (default 2 h); live sessions
heartbeat every few minutes so a quiet call is never taken for a lost one. Reaping runs under
the write lock, so several reapers at once enqueue a lost call once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from ..errors import PayloadError
from ..fit import fit_transcript
from ..logs import library_logger
from ..payload import MAX_PAYLOAD_BYTES, call_id_of, decode, external_id, prepare
from . import live_sql as sql
from . import owners as _proc
from .calls import Enqueued, Store
from .home import forget_jobs, held_jobs, hold_call
from .schema import transaction

__all__ = ["LOST_REASON", "LiveCalls", "delete_live"]

logger = library_logger()  # zelto_spool, or the plugin's logger in a worker

LOST_REASON = "agent_process_lost"
DEFAULT_STALE_AFTER_S = 2 * 3600.0


def delete_live(conn: sqlite3.Connection, job_id: str) -> None:
    """Inside a write transaction: forget a job's snapshot."""
    conn.execute(sql.LIVE_DELETE_TURNS, {"job_id": job_id})
    conn.execute(sql.LIVE_DELETE, {"job_id": job_id})


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
        self._store.db.run(lambda conn: conn.execute(sql.LIVE_START, params), call_id=call_id)

    def _owner(self, job_id: str, call_id: str) -> dict[str, Any]:
        me = _proc.current_owner()
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
                if conn.execute(sql.LIVE_OPEN, {"job_id": job_id}).fetchone() is None:
                    return False
                for offset, turn in enumerate(turns):
                    conn.execute(
                        sql.LIVE_APPEND_TURN,
                        {"job_id": job_id, "seq": first_seq + offset, "turn": turn},
                    )
                conn.execute(sql.LIVE_DROP_TURNS_FROM, {"job_id": job_id, "total": count})
                params = {"job_id": job_id, "now": now, "total": count, "header": header}
                conn.execute(sql.LIVE_SET_TURNS, params)
            return True

        return self._store.db.run(write)

    def reopen(self, job_id: str) -> None:
        """Another session continues the job's call: forget the final stored at a close (the
        snapshot takes turns again; the next close stores a new final)."""
        params = {"job_id": job_id, "now": self._store.clock()}
        self._store.db.run(lambda conn: conn.execute(sql.LIVE_REOPEN, params))

    def heartbeat(self, job_id: str) -> None:
        now = self._store.clock()
        params = {"job_id": job_id, "now": now, "turns": 0, "header": None}
        self._store.db.run(lambda conn: conn.execute(sql.LIVE_TOUCH, params))

    def close(self, job_id: str, call_id: str, final: bytes) -> None:
        """The session closed: keep its final payload until it is enqueued (or reaped)."""
        params = {**self._owner(job_id, call_id), "final": final}
        self._store.db.run(lambda conn: conn.execute(sql.LIVE_CLOSE, params), call_id=call_id)

    def promote(self, job_id: str) -> Enqueued | None:
        """Enqueue the snapshot's final payload (or what it has) and forget the snapshot."""
        now = self._store.clock()

        def write(conn: sqlite3.Connection) -> Enqueued | None:
            with transaction(conn):
                queued = self._enqueue_snapshot(conn, job_id, now, lost=False)
            return queued

        return self._store.db.run(write)

    def discard(self, job_id: str) -> None:
        def write(conn: sqlite3.Connection) -> None:
            with transaction(conn):
                delete_live(conn, job_id)

        self._store.db.run(write)

    def rows(self) -> list[dict[str, Any]]:
        def read(conn: sqlite3.Connection) -> list[dict[str, Any]]:
            cursor = conn.execute(sql.LIVE_ROWS)
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

        return self._store.db.run(read)

    def count(self) -> int:
        return int(self._store.db.run(lambda conn: conn.execute(sql.LIVE_COUNT).fetchone()[0]))

    def reaped_total(self) -> int:
        value = self._store.db.run(lambda conn: conn.execute(sql.LIVE_REAPED_GET).fetchone())
        return 0 if value is None else int(value[0])

    def reap(self, *, stale_after_s: float = DEFAULT_STALE_AFTER_S) -> list[str]:
        """Enqueue the calls of lost owners as final calls; returns their call ids."""
        now = self._store.clock()
        me = _proc.current_owner()

        def sweep(conn: sqlite3.Connection) -> list[str]:
            candidates = conn.execute(sql.LIVE_ROWS).fetchall()
            if not candidates:
                return []
            with transaction(conn):
                reaped, converted = [], []
                held = held_jobs(conn)  # a restored spool's: reaped into held calls at once
                # re-read under the write lock: another reaper may have taken some already
                for (
                    job_id,
                    _call,
                    host,
                    pid,
                    start,
                    _started,
                    updated,
                    _turns,
                    closed,
                ) in conn.execute(sql.LIVE_ROWS).fetchall():
                    if job_id not in held:
                        if (host, pid, start) == (me.host, me.pid, me.start):
                            continue  # our own job: its process is alive by definition
                        alive = _proc.is_alive(host, pid, start)
                        if alive is not False and (
                            alive is not None or updated >= now - stale_after_s
                        ):
                            continue
                    # one snapshot that cannot be assembled must not hold up the others
                    conn.execute(sql.LIVE_REAP_ONE)
                    try:
                        queued = self._enqueue_snapshot(conn, job_id, now, lost=not closed)
                    except (ValueError, TypeError) as exc:  # a bad snapshot, not the file
                        conn.execute(sql.LIVE_REAP_ONE_UNDO)
                        conn.execute(sql.LIVE_REAP_ONE_DONE)
                        logger.error(
                            "could not enqueue the call of a lost agent process; its snapshot "
                            "is kept (see `zelto-spool list --state live`)",
                            extra={"job_id": job_id, "call_id": _call, "error": str(exc)},
                        )
                        continue
                    conn.execute(sql.LIVE_REAP_ONE_DONE)
                    if job_id in held:
                        converted.append(job_id)
                        if queued is not None:
                            hold_call(conn, queued.call_id, now)
                    elif queued is not None:
                        reaped.append(queued.call_id)
                if converted:
                    forget_jobs(conn, converted)
                if reaped:
                    conn.execute(sql.LIVE_REAPED_ADD, {"n": len(reaped)})
            return reaped

        return self._store.db.run(sweep)

    def _enqueue_snapshot(
        self, conn: sqlite3.Connection, job_id: str, now: float, *, lost: bool
    ) -> Enqueued | None:
        row = conn.execute(sql.LIVE_ONE, {"job_id": job_id}).fetchone()
        if row is None:
            return None
        call_id, started_at, updated_at, header, final = row
        if final is not None:
            body = bytes(final)
            call_id = external_id(call_id)  # as an older release may have written it
        else:
            turns = [decode(bytes(t[0])) for t in conn.execute(sql.LIVE_TURNS, {"job_id": job_id})]
            body = assemble(decode(bytes(header)), turns, started_at, updated_at, lost=lost)
            call_id = call_id_of(decode(body)) or call_id  # the id the payload says (redact)
        queued = self._store.insert_version(conn, call_id, body, now)
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
