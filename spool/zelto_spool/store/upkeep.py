"""The operator's side of a spool: reading rows, replay, retention, the disk cap, the WAL.

`Upkeep` is a part of `Spool` (see `store/calls.py`), `spool.upkeep`: it owns nothing but its
share of the store. `list`, `show`, `replay`, `purge` and the sidecar's housekeeping call it.

Read-side queries for `list`, `show`, `replay` and export, through sqlite-utils.

sqlite-utils is imported on the first read (`_db`): it costs ~0.2 s to import, and the write
path never needs it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from . import schema
from .calls import Store
from .home import HELD_AT, hold_derived, release
from .schema import STATES, transaction

if TYPE_CHECKING:
    from sqlite_utils import Database

CHECKPOINT_PASSIVE = "PRAGMA wal_checkpoint(PASSIVE)"

# a script, not a statement: executescript steps the pragma to the end (execute frees one page)
INCREMENTAL_VACUUM_SCRIPT = "PRAGMA incremental_vacuum;"


# not the calls held in a restored or copied spool (due at `home.HELD_AT`); the attempt
# count is kept (it counts every attempt, whichever process made it): `drain` restarts the
# backoff in memory (`Outcomes.restart_backoff`)
MAKE_DUE = """
UPDATE calls SET next_attempt_at = :now
WHERE state = 'pending' AND next_attempt_at > :now AND next_attempt_at < :held
"""

REPLAY = """
UPDATE calls SET
    state = 'pending',
    attempts = 0,
    -- a call held since a restore stays held (`home.py`): only release-restored sends it
    next_attempt_at = CASE WHEN state = 'pending' AND next_attempt_at >= :held
                           THEN next_attempt_at ELSE :now END,
    pending_since = CASE WHEN state = 'pending' THEN coalesce(pending_since, :now) ELSE :now END,
    -- a re-queued call starts clean: list/show/status must not show its old failure
    last_status = CASE WHEN state = 'pending' THEN last_status END,
    last_error = CASE WHEN state = 'pending' THEN last_error END,
    updated_at = :now
WHERE id = :rowid AND state IN ('delivered', 'dead', 'pending')
  AND EXISTS (SELECT 1 FROM payloads WHERE call_rowid = calls.id)
RETURNING call_id
"""

IS_HELD = """
SELECT 1 FROM calls WHERE call_id = :call_id AND state = 'pending' AND next_attempt_at >= :held
"""

# a call whose recording waits for its upload keeps its payload (and row, and enrichment):
# the upload's version with `call.recordingUrl` is built on it
PURGE_PAYLOADS = """
DELETE FROM payloads WHERE call_rowid IN (
    SELECT id FROM calls WHERE state = 'delivered' AND delivered_at < :cutoff
    AND call_id NOT IN (SELECT call_id FROM recordings WHERE state IN ('recording', 'pending')))
"""

PURGE_ENRICHMENTS = """
DELETE FROM enrichments WHERE call_id IN (
    SELECT call_id FROM calls WHERE state = 'delivered' AND delivered_at < :cutoff
    AND call_id NOT IN (SELECT call_id FROM recordings WHERE state IN ('recording', 'pending')))
"""

PURGE_EVENTS = "DELETE FROM webhook_events WHERE seen_at < :cutoff"

PURGE_CALLS = """
DELETE FROM calls WHERE state = 'delivered' AND delivered_at < :cutoff
    AND call_id NOT IN (SELECT call_id FROM recordings WHERE state IN ('recording', 'pending'))
"""

# webhook fields for calls this spool never saw (another host's calls) wait one retention window
PURGE_ORPHAN_ENRICHMENTS = """
DELETE FROM enrichments WHERE updated_at < :cutoff
  AND call_id NOT IN (SELECT call_id FROM calls)
  AND call_id NOT IN (SELECT call_id FROM live)
"""

# the disk cap: the oldest delivered rows first, as many as free the excess; nothing else.
# Rows delivered after :keep_after wait for their enrichments (a recording URL minutes later)
OLDEST_DELIVERED = """
SELECT id, call_id, size FROM calls WHERE state = 'delivered' AND delivered_at < :keep_after
    AND call_id NOT IN (SELECT call_id FROM recordings WHERE state IN ('recording', 'pending'))
ORDER BY delivered_at, id LIMIT :limit
"""

DELETE_PAYLOAD = "DELETE FROM payloads WHERE call_rowid = :rowid"

DELETE_ENRICHMENT = "DELETE FROM enrichments WHERE call_id = :call_id"

DELETE_CALL = "DELETE FROM calls WHERE id = :rowid AND state = 'delivered'"


ROW_OVERHEAD_BYTES = 256  # what a call row and its indexes take beside the payload
# a delivered call's row (id, times, status: no payload) outlives a shorter retention this
# long, so `status`, `show` and `replay` can still say the call existed and was delivered
RECORD_KEEP_S = 7 * 24 * 3600.0
# the disk cap never evicts a call delivered this recently: LiveKit's `egress_ended` (the
# recording URL) and `room_finished` come minutes after the call; they need its payload
ENRICHMENT_WINDOW_S = 3600.0

__all__ = ["Upkeep"]


class Upkeep:
    """Replay, retention, the disk cap and the WAL of one spool file."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def corrupt_files(self) -> list[str]:
        """Damaged spools set aside next to this one (kept for inspection and salvage)."""
        pattern = f"{self._store.path.name}.corrupt-*"
        return sorted(
            str(p)
            for p in self._store.path.parent.glob(pattern)
            if not p.name.endswith(("-wal", "-shm"))
        )

    def size_bytes(self) -> int:
        return sum(self.file_bytes(suffix) for suffix in ("", "-wal", "-shm"))

    def file_bytes(self, suffix: str = "") -> int:
        try:
            return Path(f"{self._store.path}{suffix}").stat().st_size
        except OSError:
            return 0

    def rows(
        self, *, state: str | None = None, call_ids: Iterable[str] | None = None, limit: int = 0
    ) -> list[dict[str, Any]]:
        """Call rows (no bodies) for `list`, `show` and export, newest activity first."""
        return self._store.db.run(lambda conn: select_rows(conn, state, call_ids, limit))

    # --- operator actions -------------------------------------------------------------------

    def make_due(self) -> int:
        """Make every pending row due now (the `drain` command: an operator who fixed
        something wants it tried now); returns how many rows changed. The attempt count is
        kept; the drain restarts the backoff itself (`Outcomes.restart_backoff`)."""
        params = {"now": self._store.clock(), "held": HELD_AT}  # held calls stay held
        return int(self._store.db.run(lambda conn: conn.execute(MAKE_DUE, params).rowcount))

    def held(self, call_ids: Iterable[str]) -> list[str]:
        """Those of `call_ids` held since the spool was found restored or copied: they wait
        for `Spool.release_restored`, `replay` does not send them."""
        ids = list(call_ids)

        def read(conn: sqlite3.Connection) -> list[str]:
            params = {"held": HELD_AT}
            return [c for c in ids if conn.execute(IS_HELD, {**params, "call_id": c}).fetchone()]

        return self._store.db.run(read)

    def release_restored(self, call_ids: list[str] | None, *, dead: bool) -> list[str]:
        """Make the held calls of a restored or copied spool due, or dead (`home.release`)."""
        now = self._store.clock()

        def write(conn: sqlite3.Connection) -> list[str]:
            with transaction(conn):
                return release(conn, now, call_ids, dead=dead)

        return self._store.db.run(write)

    def replay(
        self,
        *,
        call_ids: Iterable[str] | None = None,
        state: str | None = None,
        since_s: float | None = None,
    ) -> list[str]:
        """Queue calls again (delivered or dead, optionally changed within `since_s`)."""
        now = self._store.clock()

        def requeue(conn: sqlite3.Connection) -> list[str]:
            with transaction(conn):
                rowids = replay_candidates(
                    conn, call_ids, state, None if since_s is None else now - since_s
                )
                params = {"now": now, "held": HELD_AT}
                done = []
                for rowid in rowids:
                    again = conn.execute(REPLAY, {**params, "rowid": rowid}).fetchall()
                    for (call_id,) in again:
                        done.append(call_id)
                        hold_derived(conn, rowid, call_id, now)  # built on a restored row
            return done

        return self._store.db.run(requeue)

    def purge(self, *, older_than_s: float | None = None) -> int:
        """Drop the payloads of calls delivered longer ago than the retention window (or
        `older_than_s`), and enrichments that waited that long for a call this spool never
        got; their rows follow once at least `RECORD_KEEP_S` old. Nothing else is deleted.
        Returns how many delivered calls lost their payload."""
        window = self._store.retention_s if older_than_s is None else older_than_s
        now = self._store.clock()
        cutoff = now - window
        records = now - max(window, RECORD_KEEP_S)

        def delete(conn: sqlite3.Connection) -> int:
            with transaction(conn):
                count = conn.execute(PURGE_PAYLOADS, {"cutoff": cutoff}).rowcount
                conn.execute(PURGE_ENRICHMENTS, {"cutoff": records})
                conn.execute(PURGE_CALLS, {"cutoff": records})
                conn.execute(PURGE_EVENTS, {"cutoff": records})
                conn.execute(PURGE_ORPHAN_ENRICHMENTS, {"cutoff": cutoff})
            return int(count)

        return int(self._store.db.run(delete))

    def without_payload(self, call_ids: Iterable[str]) -> list[str]:
        """Those of `call_ids` spooled but whose payload is gone (dropped after delivery)."""
        ids = list(call_ids)
        return self._store.db.run(lambda conn: payload_gone(conn, ids))

    def enforce_cap(
        self, *, batch: int = 1000, keep_recent_s: float = ENRICHMENT_WINDOW_S
    ) -> tuple[int, bool]:
        """Evict the oldest delivered rows until the files fit in `max_bytes`.

        Pending, inflight and dead rows are never evicted: new calls are still accepted past
        the cap. Rows delivered within `keep_recent_s` are kept too, so the webhooks that
        enrich a call after delivery (the recording URL) still find it. Each round evicts
        only as many rows as their sizes say will free the excess (at most `batch`), and it
        stops when a reader keeps the WAL from being folded back:
        evicting more then only grows the WAL, and the next housekeeping tries again.
        Returns (rows evicted, still over the cap).
        """
        max_bytes = self._store.max_bytes
        keep_after = self._store.clock() - keep_recent_s
        evicted = 0

        def compact(conn: sqlite3.Connection) -> bool:
            """Free pages and fold the WAL back; False when a reader kept it from finishing."""
            conn.executescript(INCREMENTAL_VACUUM_SCRIPT)
            busy, _log, _done = conn.execute(schema.CHECKPOINT_TRUNCATE).fetchone()
            return not busy

        def evict(conn: sqlite3.Connection, need: int) -> int:
            with transaction(conn):
                freed = removed = 0
                for rowid, call_id, size in conn.execute(
                    OLDEST_DELIVERED, {"limit": batch, "keep_after": keep_after}
                ).fetchall():
                    if freed >= need:
                        break
                    conn.execute(DELETE_PAYLOAD, {"rowid": rowid})
                    conn.execute(DELETE_ENRICHMENT, {"call_id": call_id})
                    conn.execute(DELETE_CALL, {"rowid": rowid})
                    freed += int(size) + ROW_OVERHEAD_BYTES
                    removed += 1
            return removed

        while self.size_bytes() > max_bytes:
            folded = bool(
                self._store.db.run(compact)
            )  # free pages first: purges may have left plenty
            size = self.size_bytes()
            if size <= max_bytes or (evicted and not folded):
                break
            if not folded:  # a pinned WAL is not what evicting rows can shrink: count the file
                size = self.file_bytes()
            removed = int(self._store.db.run(partial(evict, need=size - max_bytes)))
            evicted += removed
            if removed == 0:
                break
        return evicted, self.size_bytes() > max_bytes

    def checkpoint(self) -> None:
        """Fold the WAL back into the file (the flusher calls it when idle)."""
        self._store.db.run(lambda conn: conn.execute(CHECKPOINT_PASSIVE).fetchall())


ROWS_ORDER = "updated_at DESC, id DESC"

WHERE_STATE = "state = ?"

WHERE_FINISHED = "state IN ('delivered', 'dead')"

WHERE_CHANGED_AFTER = "updated_at >= ?"

WHERE_NO_PAYLOAD = "NOT EXISTS (SELECT 1 FROM payloads WHERE call_rowid = calls.id)"

# `marks`: one `?` per call id, never the ids themselves
WHERE_CALL_IDS = "call_id IN ({marks})"


ROW_COLUMNS = (
    "call_id",
    "state",
    "version",
    "sent_version",
    "delivered_version",
    "attempts",
    "next_attempt_at",
    "first_enqueued_at",
    "enqueued_at",
    "pending_since",
    "updated_at",
    "delivered_at",
    "last_attempt_at",
    "last_status",
    "last_error",
    "size",
    "lease_host",
    "lease_pid",
    "lease_expires",
)


def _db(conn: sqlite3.Connection) -> Database:
    from sqlite_utils import Database  # ~0.2 s to import: only the read side needs it

    return Database(conn, execute_plugins=False, recursive_triggers=False)


def check_state(state: str | None) -> None:
    if state is not None and state not in STATES:
        raise ConfigError(f"unknown state {state!r}; states are {', '.join(STATES)}")


def select_rows(
    conn: sqlite3.Connection, state: str | None, call_ids: Iterable[str] | None, limit: int
) -> list[dict[str, Any]]:
    check_state(state)
    where: list[str] = []
    params: list[Any] = []
    if state is not None:
        where.append(WHERE_STATE)
        params.append(state)
    if call_ids is not None:
        ids = list(call_ids)
        where.append(_call_ids_in(len(ids)))
        params.extend(ids)
    rows = _db(conn)["calls"].rows_where(
        " AND ".join(where) or None,
        params,
        select=", ".join(ROW_COLUMNS),
        order_by=ROWS_ORDER,
        limit=limit or None,
    )
    return [dict(r) for r in rows]


def replay_candidates(
    conn: sqlite3.Connection,
    call_ids: Iterable[str] | None,
    state: str | None,
    changed_after: float | None,
) -> list[int]:
    check_state(state)
    if state in ("inflight", "pending"):
        raise ConfigError("replay takes delivered or dead calls (pending ones are queued already)")
    where = [WHERE_FINISHED]
    params: list[Any] = []
    if state is not None:
        where.append(WHERE_STATE)
        params.append(state)
    if call_ids is not None:
        ids = list(call_ids)
        where = [_call_ids_in(len(ids))] + where[1:]
        params = ids + params
    if changed_after is not None:
        where.append(WHERE_CHANGED_AFTER)
        params.append(changed_after)
    rows = _db(conn)["calls"].rows_where(" AND ".join(where), params, select="id")
    return [int(r["id"]) for r in rows]


def _call_ids_in(count: int) -> str:
    return WHERE_CALL_IDS.format(marks=", ".join("?" * count))


def payload_gone(conn: sqlite3.Connection, call_ids: list[str]) -> list[str]:
    """Calls among `call_ids` that have a row but no payload (retention dropped it)."""
    if not call_ids:
        return []
    where = f"{_call_ids_in(len(call_ids))} AND {WHERE_NO_PAYLOAD}"
    rows = _db(conn)["calls"].rows_where(where, call_ids, select="call_id")
    return sorted(str(r["call_id"]) for r in rows)
