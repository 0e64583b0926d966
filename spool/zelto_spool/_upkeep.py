"""The operator's side of a spool: reading rows, replay, retention, the disk cap, the WAL.

`Upkeep` is a part of `Spool` (see `_store.py`): it owns nothing but its share of the store,
and `Spool` offers its operations as its own (`rows`, `replay`, `purge`, ...), which is what
`list`, `show`, `replay`, `purge` and the sidecar's housekeeping call.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import Any

from . import _schema as schema
from . import _schema_calls as sql
from ._home import HELD_AT, hold_derived, release
from ._schema import transaction
from ._store import Store

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
        from ._query import select_rows

        return self._store.db.run(lambda conn: select_rows(conn, state, call_ids, limit))

    # --- operator actions -------------------------------------------------------------------

    def make_due(self) -> int:
        """Make every pending row due now (the `drain` command: an operator who fixed
        something wants it tried now); returns how many rows changed. The attempt count is
        kept; the drain restarts the backoff itself (`Recorder.restart_backoff`)."""
        params = {"now": self._store.clock(), "held": HELD_AT}  # held calls stay held
        return int(self._store.db.run(lambda conn: conn.execute(sql.MAKE_DUE, params).rowcount))

    def held(self, call_ids: Iterable[str]) -> list[str]:
        """Those of `call_ids` held since the spool was found restored or copied."""

        def read(conn: sqlite3.Connection) -> list[str]:
            params = {"held": HELD_AT}
            return [
                c
                for c in call_ids
                if conn.execute(sql.IS_HELD, {**params, "call_id": c}).fetchone()
            ]

        return self._store.db.run(read)

    def release_restored(self, call_ids: list[str] | None, *, dead: bool) -> list[str]:
        """Make the held calls of a restored or copied spool due, or dead (`_home.release`)."""
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
        from ._query import replay_candidates

        now = self._store.clock()

        def requeue(conn: sqlite3.Connection) -> list[str]:
            with transaction(conn):
                rowids = replay_candidates(
                    conn, call_ids, state, None if since_s is None else now - since_s
                )
                params = {"now": now, "held": HELD_AT}
                done = []
                for rowid in rowids:
                    again = conn.execute(sql.REPLAY, {**params, "rowid": rowid}).fetchall()
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
                count = conn.execute(sql.PURGE_PAYLOADS, {"cutoff": cutoff}).rowcount
                conn.execute(sql.PURGE_ENRICHMENTS, {"cutoff": records})
                conn.execute(sql.PURGE_CALLS, {"cutoff": records})
                conn.execute(sql.PURGE_EVENTS, {"cutoff": records})
                conn.execute(sql.PURGE_ORPHAN_ENRICHMENTS, {"cutoff": cutoff})
            return int(count)

        return int(self._store.db.run(delete))

    def without_payload(self, call_ids: Iterable[str]) -> list[str]:
        """Those of `call_ids` spooled but whose payload is gone (dropped after delivery)."""
        from ._query import payload_gone

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
            conn.executescript(schema.INCREMENTAL_VACUUM_SCRIPT)
            busy, _log, _done = conn.execute(schema.CHECKPOINT_TRUNCATE).fetchone()
            return not busy

        def evict(conn: sqlite3.Connection, need: int) -> int:
            with transaction(conn):
                freed = removed = 0
                for rowid, call_id, size in conn.execute(
                    sql.OLDEST_DELIVERED, {"limit": batch, "keep_after": keep_after}
                ).fetchall():
                    if freed >= need:
                        break
                    conn.execute(sql.DELETE_PAYLOAD, {"rowid": rowid})
                    conn.execute(sql.DELETE_ENRICHMENT, {"call_id": call_id})
                    conn.execute(sql.DELETE_CALL, {"rowid": rowid})
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
        self._store.db.run(lambda conn: conn.execute(schema.CHECKPOINT_PASSIVE).fetchall())
