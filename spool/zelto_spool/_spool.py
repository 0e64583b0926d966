"""`Spool`: the durable, multi-process queue of calls waiting for Zelto.

States are exactly `pending`, `inflight`, `delivered`, `dead`. One logical record per
`call.externalId` with a version counter (see `_schema.py` for the statements):

- enqueue of a new id: pending, version 1.
- enqueue of a known id: version + 1; pending/dead/delivered rows become pending with the new
  body; an inflight row stays inflight and, when its send ends, is queued again at once
  because `version != sent_version`: a newer version is never swallowed.
- claim: pending and due rows become inflight under a lease (owner host identity, pid, start
  time, expiry). Leases of dead owners on this host are reclaimed at once, others at expiry.
"""

from __future__ import annotations

import enum
import json
import math
import sqlite3
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import _proc
from . import _schema as sql
from ._admin import SpoolAdmin
from ._config import default_spool_path, env_max_bytes, env_retention
from ._db import BUSY_TIMEOUT_S, Connector
from ._exceptions import ConfigError, PayloadTooLargeError
from ._live import LiveCalls, delete_live
from ._logroute import library_logger
from ._payload import (
    MAX_PAYLOAD_BYTES,
    combine_enrichments,
    decode,
    merge_enrichment,
    prepare,
)

__all__ = ["Claim", "Enqueued", "Mark", "MarkKind", "Pause", "Spool"]

logger = library_logger()  # zelto_spool, or the plugin's logger in a worker


@dataclass(frozen=True)
class Enqueued:
    call_id: str
    version: int
    size: int
    claim: Claim | None = None  # `enqueue_encoded(claim_for_s=...)`: leased to this process


@dataclass(frozen=True)
class Claim:
    """A row leased for sending: the exact body of `version`, the lease token, and when the
    lease ends (wall-clock seconds): past `expires` another process may send a newer version,
    so this attempt must not start or go on."""

    rowid: int
    call_id: str
    version: int
    attempts: int
    body: bytes
    token: str
    expires: float = math.inf


class MarkKind(enum.Enum):
    """What a mark records; each kind has its statement in `_schema.MARKS`."""

    DELIVERED = "delivered"
    RETRY = "retry"  # pending again, attempt counted, due at `next_attempt_at`
    DEAD = "dead"
    RELEASE = "release"  # pending again, attempt not counted
    RELEASE_TO_BACK = "release_to_back"  # as RELEASE, behind every row already due


@dataclass(frozen=True)
class Mark:
    """An outcome to record for a claimed row (see `Spool.apply`)."""

    claim: Claim
    kind: MarkKind
    values: dict[str, Any]

    @classmethod
    def delivered(cls, claim: Claim, *, status: int) -> Mark:
        return cls(claim, MarkKind.DELIVERED, {"status": status})

    @classmethod
    def retry(cls, claim: Claim, *, next_attempt_at: float, status: int | None, error: str) -> Mark:
        values = {"next_attempt_at": next_attempt_at, "status": status, "error": error}
        return cls(claim, MarkKind.RETRY, values)

    @classmethod
    def dead(cls, claim: Claim, *, status: int, error: str) -> Mark:
        return cls(claim, MarkKind.DEAD, {"status": status, "error": error})

    @classmethod
    def release(
        cls,
        claim: Claim,
        *,
        status: int | None = None,
        error: str | None = None,
        to_back: bool = False,
    ) -> Mark:
        """Back to pending; `to_back`: due now but behind every row already due."""
        kind = MarkKind.RELEASE_TO_BACK if to_back else MarkKind.RELEASE
        return cls(claim, kind, {"status": status, "error": error})


@dataclass(frozen=True)
class Pause:
    reason: str
    status: int | None
    since: float
    probe_at: float


class Spool(SpoolAdmin):
    """A spool file. Cheap to construct: nothing is opened until the first call.

    Args:
        path: the SQLite file; default `$ZELTO_SPOOL_PATH` or `~/.local/state/zelto/spool.db`.
        retention_s: a delivered call's payload is kept this long for `replay`, then purged
            (default `$ZELTO_SPOOL_RETENTION` or 7 days). `0` drops it in the transaction
            that records the delivery; the row (id, times, status, no payload) stays at
            least `RECORD_KEEP_S` so `status`, `show` and `replay` can say it existed.
        max_bytes: the disk cap (default `$ZELTO_SPOOL_MAX_BYTES` or 1 GiB). Past it the
            flusher evicts delivered rows, oldest first; pending rows are never dropped and
            new calls are still accepted, and `stats()["over_cap"]` says so.
        max_payload_bytes: per-call size limit of the encoded payload.
        busy_timeout: seconds a write waits for another process's lock before failing.
        clock: wall-clock seconds (injectable for tests).
    """

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        retention_s: float | None = None,
        max_bytes: int | None = None,
        max_payload_bytes: int = MAX_PAYLOAD_BYTES,
        busy_timeout: float = BUSY_TIMEOUT_S,
        clock: Callable[[], float] = time.time,
    ) -> None:
        # resolved once, here: with a symlinked path, the cap counts the target's -wal, the
        # watcher watches the target's directory and a damaged file is set aside beside it
        given = Path(path).expanduser() if path is not None else default_spool_path()
        self.path = given.resolve()
        self.retention_s = retention_s if retention_s is not None else env_retention()
        if not self.retention_s >= 0 or self.retention_s == float("inf"):
            raise ConfigError(f"retention must be 0 or a positive duration, got {retention_s}")
        self.max_bytes = max_bytes if max_bytes is not None else env_max_bytes()
        self.max_payload_bytes = max_payload_bytes
        self._clock = clock
        self._db = Connector(self.path, busy_timeout=busy_timeout)
        self.live = LiveCalls(self)

    def __repr__(self) -> str:
        return f"Spool({str(self.path)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        # a pickled Spool is its settings; the receiving process opens its own connection
        options = {
            "retention_s": self.retention_s,
            "max_bytes": self.max_bytes,
            "max_payload_bytes": self.max_payload_bytes,
            "busy_timeout": self._db.busy_timeout,
        }
        return (_rebuild, (str(self.path), options))

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def clock(self) -> Callable[[], float]:
        """The wall clock this spool stamps its rows with (injectable for tests)."""
        return self._clock

    @property
    def recovered_to(self) -> list[str]:
        """Corrupt files this process set aside (kept, never deleted)."""
        return list(self._db.recovered_to)

    # --- the write path ---------------------------------------------------------------------

    def enqueue(self, payload: Mapping[str, Any]) -> Enqueued:
        """Validate and store a call; committed and fsynced when this returns.

        Raises `PayloadError` (a `ValueError`) naming the bad field, or `SpoolWriteError` /
        `SpoolCorruptError` naming the call when the file cannot take it.
        """
        call_id, body = prepare(payload, max_bytes=self.max_payload_bytes)
        return self.enqueue_encoded(call_id, body)

    def enqueue_encoded(
        self,
        call_id: str,
        body: bytes,
        *,
        ends_live: str | None = None,
        claim_for_s: float | None = None,
    ) -> Enqueued:
        """Store an already validated and encoded body (see `_payload.prepare`).

        Enrichments recorded for this call id (see `enrich`) are merged in first. `ends_live`
        names a job whose live snapshot this final version replaces (same transaction).
        `claim_for_s` also leases the new version to this process for that long, in the same
        transaction, when it is due and no other process is sending the call: `.claim` then
        holds the body as stored, to send without reading it back (None: not claimed).
        """
        now = self._clock()
        if claim_for_s is not None and not (math.isfinite(claim_for_s) and claim_for_s > 0):
            raise ValueError(f"claim_for_s must be a positive number, got {claim_for_s}")

        def write(conn: sqlite3.Connection) -> Enqueued:
            with sql.transaction(conn):
                queued, stored = self._store_version(conn, call_id, body, now)
                if ends_live is not None:
                    delete_live(conn, ends_live)
                if claim_for_s is not None:
                    claim = self._claim_stored(conn, queued, stored, lease_s=claim_for_s)
                    queued = Enqueued(call_id, queued.version, queued.size, claim)
            return queued

        return self._db.run(write, call_id=call_id)

    def _insert_version(
        self, conn: sqlite3.Connection, call_id: str, body: bytes, now: float
    ) -> Enqueued:
        """Inside a write transaction: merge recorded enrichments, store a new version."""
        return self._store_version(conn, call_id, body, now)[0]

    def _store_version(
        self, conn: sqlite3.Connection, call_id: str, body: bytes, now: float
    ) -> tuple[Enqueued, bytes]:
        """`_insert_version`, and the body as stored."""
        stored = conn.execute(sql.GET_ENRICHMENT, {"call_id": call_id}).fetchone()
        if stored is not None:
            try:
                body = self._enriched(body, json.loads(stored[0]))
            except PayloadTooLargeError as exc:
                # the call itself fits: never lose it for the sake of an added field
                logger.error(
                    "enrichment would push the call over the size limit; spooled without it",
                    extra={"call_id": call_id, "error": str(exc)},
                )
        rowid, version = conn.execute(
            sql.ENQUEUE_CALL, {"call_id": call_id, "now": now, "size": len(body)}
        ).fetchone()
        conn.execute(sql.STORE_PAYLOAD, {"rowid": rowid, "version": version, "body": body})
        return Enqueued(call_id, version, len(body)), body

    def _claim_stored(
        self, conn: sqlite3.Connection, queued: Enqueued, body: bytes, *, lease_s: float
    ) -> Claim | None:
        """Inside the write transaction that stored `body`: lease that version (`CLAIM_ONE`)."""
        owner = _proc.current_owner()
        now = self._clock()  # the lease starts once the lock is held, as in `claim`
        params: dict[str, Any] = {"call_id": queued.call_id, "token": uuid.uuid4().hex}
        params.update(host=owner.host, pid=owner.pid, start=owner.start)
        params.update(now=now, expires=now + lease_s)
        row = conn.execute(sql.CLAIM_ONE, params).fetchone()
        if row is None:  # being sent by another process, or waiting out a backoff
            return None
        rowid, call_id, version, attempts = row
        assert version == queued.version  # the transaction holds the write lock
        return Claim(rowid, call_id, version, attempts, body, params["token"], now + lease_s)

    def _enriched(self, body: bytes, fields: Mapping[str, Any]) -> bytes:
        return prepare(merge_enrichment(decode(body), fields), max_bytes=self.max_payload_bytes)[1]

    def enrich(self, call_id: str, fields: Mapping[str, Any]) -> Enqueued | None:
        """Record fields added after the fact and queue a newer version of the call.

        `fields` has `call` (override), `call_fill` (only where missing) and `customer`
        entries. They are kept for this call id and merged into every later version too.
        Returns the new version, or None when nothing was queued: the call is not spooled
        yet (the fields wait and are merged when it arrives), or they change nothing.
        """
        self._check_fields(call_id, fields)
        now = self._clock()

        def write(conn: sqlite3.Connection) -> Enqueued | None:
            with sql.transaction(conn):
                queued = self._enrich_in(conn, call_id, fields, now)
            return queued

        return self._db.run(write, call_id=call_id)

    def enrich_from_event(
        self,
        call_id: str,
        fields: Mapping[str, Any],
        *,
        event_id: str,
        kind: str,
        created_at: float,
    ) -> str:
        """`enrich` for a webhook, once per `event_id` and never older over newer.

        Returns `duplicate` (this event was applied before), `stale` (a newer event of the
        same `kind` was applied to this call), `applied` (a new version is queued),
        `unchanged`, `waiting` (the call is not spooled yet) or `gone` (the call was
        delivered and its payload dropped by retention: the fields cannot be sent).
        """
        self._check_fields(call_id, fields)
        now = self._clock()
        stamp: dict[str, Any] = {"event_id": event_id, "call_id": call_id, "kind": kind}
        stamp.update(created_at=created_at, now=now)

        def write(conn: sqlite3.Connection) -> str:
            with sql.transaction(conn):
                newest = conn.execute(sql.NEWEST_EVENT, stamp).fetchone()[0]
                if conn.execute(sql.EVENT_SEEN, stamp).fetchone():
                    result = "duplicate"
                elif newest is not None and created_at < newest:
                    result = "stale"
                elif self._enrich_in(conn, call_id, fields, now) is not None:
                    result = "applied"
                elif conn.execute(sql.LATEST_BODY, {"call_id": call_id}).fetchone():
                    result = "unchanged"
                elif conn.execute(sql.CALL_EXISTS, {"call_id": call_id}).fetchone():
                    result = "gone"
                else:
                    result = "waiting"
                conn.execute(sql.RECORD_EVENT, stamp)
            return result

        return str(self._db.run(write, call_id=call_id))

    @staticmethod
    def _check_fields(call_id: str, fields: Mapping[str, Any]) -> None:
        probe = merge_enrichment({"agent": {"externalId": "-"}, "call": {}}, fields)
        probe["call"]["externalId"] = call_id
        prepare(probe)  # validate the fields (names the bad one) before anything is written

    def _enrich_in(
        self, conn: sqlite3.Connection, call_id: str, fields: Mapping[str, Any], now: float
    ) -> Enqueued | None:
        """Inside a write transaction: record the fields, queue a version if they change it."""
        stored = conn.execute(sql.GET_ENRICHMENT, {"call_id": call_id}).fetchone()
        combined = combine_enrichments(json.loads(stored[0]) if stored else {}, fields)
        conn.execute(
            sql.SET_ENRICHMENT,
            {"call_id": call_id, "fields": json.dumps(combined), "now": now},
        )
        latest = conn.execute(sql.LATEST_BODY, {"call_id": call_id}).fetchone()
        merged = None if latest is None else self._enriched(bytes(latest[0]), combined)
        if merged is None or merged == bytes(latest[0]):
            return None  # not spooled yet, or nothing changes: no new version
        return self._insert_version(conn, call_id, merged, now)

    def latest_payload(self, call_id: str) -> dict[str, Any] | None:
        """The newest spooled version of a call, decoded (None when unknown or purged)."""

        def read(conn: sqlite3.Connection) -> bytes | None:
            row = conn.execute(sql.LATEST_BODY, {"call_id": call_id}).fetchone()
            return None if row is None else bytes(row[0])

        body = self._db.run(read)
        return None if body is None else decode(body)

    # --- claims ---------------------------------------------------------------------------

    def claim(self, limit: int, *, lease_s: float, call_id: str | None = None) -> list[Claim]:
        """Lease up to `limit` due pending rows (or the one `call_id`, due or not)."""
        if not math.isfinite(lease_s) or lease_s <= 0:
            raise ValueError(f"lease_s must be a positive number, got {lease_s}")
        owner = _proc.current_owner()
        token = uuid.uuid4().hex
        params: dict[str, Any] = {
            "token": token,
            "host": owner.host,
            "pid": owner.pid,
            "start": owner.start,
            "limit": limit,
            "call_id": call_id,
        }

        def take(conn: sqlite3.Connection) -> list[Claim]:
            with sql.transaction(conn):
                # the lease starts once the lock is held: time spent waiting for it is not lease
                now = self._clock()
                expires = now + lease_s
                params.update(now=now, expires=expires)
                statement = sql.CLAIM_DUE if call_id is None else sql.CLAIM_ONE
                rows = conn.execute(statement, params).fetchall()
                claims = []
                for rowid, cid, _version, attempts in rows:
                    version, body = conn.execute(sql.LOAD_BODY, {"rowid": rowid}).fetchone()
                    claims.append(Claim(rowid, cid, version, attempts, bytes(body), token, expires))
            return claims

        if limit <= 0:
            return []
        return self._db.run(take, call_id=call_id, fsync=False)

    def reclaim(self) -> list[str]:
        """Return rows of dead or expired lease owners to pending; returns their call ids."""
        now = self._clock()

        def sweep(conn: sqlite3.Connection) -> list[str]:
            me = _proc.current_owner()
            owners = conn.execute(sql.FOREIGN_LEASE_OWNERS, {"host": me.host}).fetchall()
            dead = [
                (pid, start)
                for pid, start in owners
                if (pid, start) != (me.pid, me.start)
                and _proc.is_alive(me.host, pid, start or 0) is False
            ]
            freed: list[str] = []
            if not dead and not conn.execute(sql.ANY_EXPIRED, {"now": now}).fetchone():
                return freed
            with sql.transaction(conn):
                for pid, start in dead:
                    freed += [
                        r[0]
                        for r in conn.execute(
                            sql.RECLAIM_DEAD_OWNER,
                            {
                                "now": now,
                                "host": me.host,
                                "pid": pid,
                                "start": start,
                                "error": f"sending process {pid} died before an answer; requeued",
                            },
                        )
                    ]
                freed += [r[0] for r in conn.execute(sql.RECLAIM_EXPIRED, {"now": now})]
            return freed

        return self._db.run(sweep)

    # --- outcomes ---------------------------------------------------------------------------

    def mark_delivered(self, claim: Claim, *, status: int) -> str | None:
        """Delivered, unless a newer version arrived meanwhile (then pending). None: lease lost."""
        return self.apply([Mark.delivered(claim, status=status)])[0]

    def mark_retry(
        self, claim: Claim, *, next_attempt_at: float, status: int | None, error: str
    ) -> str | None:
        mark = Mark.retry(claim, next_attempt_at=next_attempt_at, status=status, error=error)
        return self.apply([mark])[0]

    def mark_dead(self, claim: Claim, *, status: int, error: str) -> str | None:
        return self.apply([Mark.dead(claim, status=status, error=error)])[0]

    def release(
        self, claim: Claim, *, status: int | None = None, error: str | None = None
    ) -> str | None:
        """Back to pending without counting the attempt (pause, shutdown, cancellation)."""
        return self.apply([Mark.release(claim, status=status, error=error)])[0]

    def apply(self, marks: list[Mark]) -> list[str | None]:
        """Record outcomes in one transaction; each row's new state, or None: lease lost."""
        now = self._clock()
        drop_delivered = self.retention_s <= 0

        def update(conn: sqlite3.Connection) -> list[str | None]:
            with sql.transaction(conn):
                states: list[str | None] = []
                for mark in marks:
                    params = {"rowid": mark.claim.rowid, "token": mark.claim.token, "now": now}
                    params.update({"error": None, **mark.values})
                    statement = sql.MARKS[mark.kind.value]
                    row = conn.execute(statement, params).fetchone()
                    states.append(None if row is None else str(row[0]))
                    if drop_delivered and states[-1] == "delivered":  # retention 0
                        conn.execute(sql.DELETE_PAYLOAD, {"rowid": mark.claim.rowid})
            return states

        if not marks:
            return []
        return self._db.run(update, call_id=marks[0].claim.call_id, fsync=False)

    # --- the spool-wide pause (401/403/404, missing key) -------------------------------------

    def pause_state(self) -> Pause | None:
        def read(conn: sqlite3.Connection) -> str | None:
            row = conn.execute(sql.GET_META, {"key": "pause"}).fetchone()
            return None if row is None else str(row[0])

        value = self._db.run(read)
        if value is None:
            return None
        data = json.loads(value)
        return Pause(data["reason"], data.get("status"), data["since"], data["probe_at"])

    def pause(self, reason: str, *, status: int | None, probe_at: float) -> None:
        now = self._clock()
        current = self.pause_state()
        since = current.since if current is not None else now
        value = json.dumps(
            {"reason": reason, "status": status, "since": since, "probe_at": probe_at}
        )
        self._db.run(lambda conn: conn.execute(sql.SET_META, {"key": "pause", "value": value}))

    def resume(self) -> bool:
        """Clear the pause; True when there was one."""
        return bool(
            self._db.run(lambda conn: conn.execute(sql.DELETE_META, {"key": "pause"}).rowcount)
        )

    # --- reading ----------------------------------------------------------------------------

    def next_due(self) -> float | None:
        """When the earliest pending row becomes due (wall-clock seconds), or None."""
        value = self._db.run(lambda conn: conn.execute(sql.NEXT_DUE).fetchone()[0])
        return None if value is None else float(value)

    def last_success(self) -> float | None:
        """When a call was last delivered (wall-clock seconds), by any process; None: never."""
        value = self._db.run(lambda conn: conn.execute(sql.LAST_SUCCESS).fetchone()[0])
        return None if value is None else float(value)

    def undelivered(self) -> int:
        """How many calls are pending or inflight."""
        return int(self._db.run(lambda conn: conn.execute(sql.COUNT_UNDELIVERED).fetchone()[0]))

    def stats(self) -> dict[str, Any]:
        """Counts per state, oldest pending age, pause reason, last success and error."""
        now = self._clock()

        def read(conn: sqlite3.Connection) -> dict[str, Any]:
            counts = dict.fromkeys(sql.STATES, 0)
            counts.update(dict(conn.execute(sql.COUNT_BY_STATE).fetchall()))
            oldest = conn.execute(sql.OLDEST_UNDELIVERED).fetchone()[0]
            next_due = conn.execute(sql.NEXT_DUE).fetchone()[0]
            last_ok = conn.execute(sql.LAST_SUCCESS).fetchone()[0]
            last_error = conn.execute(sql.LAST_ERROR).fetchone()
            pause = conn.execute(sql.GET_META, {"key": "pause"}).fetchone()
            return {
                **counts,
                "oldest_pending_age_s": None if oldest is None else round(now - oldest, 3),
                "paused": None if pause is None else json.loads(pause[0])["reason"],
                "paused_status": None if pause is None else json.loads(pause[0])["status"],
                "next_attempt_in_s": None if next_due is None else round(next_due - now, 3),
                "last_success_at": last_ok,
                "last_error": None
                if last_error is None
                else {
                    "call_id": last_error[0],
                    "status": last_error[1],
                    "error": last_error[2],
                    "at": last_error[3],
                },
            }

        result = self._db.run(read)
        result["live"] = self.live.count()
        result["reaped"] = self.live.reaped_total()
        result["path"] = str(self.path)
        result["size_bytes"] = self.size_bytes()
        result["max_bytes"] = self.max_bytes
        result["over_cap"] = result["size_bytes"] > self.max_bytes
        result["corrupt_files"] = self.corrupt_files()
        return result


def _rebuild(path: str, options: dict[str, Any]) -> Spool:
    return Spool(path, **options)
