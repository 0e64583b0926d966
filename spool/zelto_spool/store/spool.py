"""`Spool`: the durable, multi-process queue of calls waiting for Zelto.

States are exactly `pending`, `inflight`, `delivered`, `dead`. One logical record per
`call.externalId` with a version counter:

- enqueue of a new id: pending, version 1.
- enqueue of a known id: version + 1; pending/dead/delivered rows become pending with the new
  body; an inflight row stays inflight and, when its send ends, is queued again at once
  because `version != sent_version`: a newer version is never swallowed.
- sending (claims under leases, outcomes, the pause) is the lease protocol of `delivery/claim.py`.

A spool is built from parts that each own their state and share one `Store` (`store/calls.py`):
this class, `LiveCalls` (`spool.live`), `Upkeep` (`spool.upkeep`) and, for senders, `Leases`.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import default_spool_path, env_max_bytes, env_retention, expand_path
from ..errors import ConfigError
from ..payload import MAX_PAYLOAD_BYTES, decode, external_id, merge_enrichment, prepare
from .calls import LATEST_BODY, Enqueued, Store
from .db import BUSY_TIMEOUT_S, Connector
from .files import check_link
from .home import HELD_AT, held_live, would_hold
from .live import LiveCalls, delete_live
from .reaper import reap, reaped_total
from .recordings import Recording, Recordings
from .schema import STATES, transaction
from .upkeep import Upkeep

__all__ = ["Pause", "Spool"]

# with the wall clock stepped back (`Store.clock_behind`): a row written as due is due now
NEXT_DUE_STEPPED = """
SELECT min(CASE WHEN next_attempt_at <= updated_at THEN min(next_attempt_at, :now)
                ELSE next_attempt_at END)
FROM calls WHERE state = 'pending' AND next_attempt_at < :held
"""


EVENT_SEEN = "SELECT 1 FROM webhook_events WHERE event_id = :event_id"

NEWEST_EVENT = """
SELECT max(created_at) FROM webhook_events WHERE call_id = :call_id AND kind = :kind
"""

RECORD_EVENT = """
INSERT INTO webhook_events (event_id, call_id, kind, created_at, seen_at)
VALUES (:event_id, :call_id, :kind, :created_at, :now)
ON CONFLICT (event_id) DO NOTHING
"""

CALL_EXISTS = "SELECT 1 FROM calls WHERE call_id = :call_id"

GET_META = "SELECT value FROM meta WHERE key = :key"

COUNT_BY_STATE = "SELECT state, count(*) FROM calls GROUP BY state"

# held calls of a restored spool wait for the operator, not for a sender: not counted
COUNT_UNDELIVERED = """
SELECT count(*) FROM calls WHERE state IN ('pending', 'inflight') AND next_attempt_at < :held
"""

OLDEST_UNDELIVERED = """
SELECT min(pending_since) FROM calls WHERE state IN ('pending', 'inflight')
"""

NEXT_DUE = """
SELECT min(next_attempt_at) FROM calls WHERE state = 'pending' AND next_attempt_at < :held
"""

COUNT_HELD = "SELECT count(*) FROM calls WHERE state = 'pending' AND next_attempt_at >= :held"

LAST_SUCCESS = "SELECT max(delivered_at) FROM calls WHERE delivered_at IS NOT NULL"

LAST_ERROR = """
SELECT call_id, last_status, last_error, last_attempt_at FROM calls
WHERE last_error IS NOT NULL AND state != 'delivered'
ORDER BY last_attempt_at DESC LIMIT 1
"""


HELD = {"held": HELD_AT}


@dataclass(frozen=True)
class Pause:
    """Sending is paused for the whole spool (401/403/404 about the key, or no key)."""

    reason: str
    status: int | None
    since: float
    probe_at: float


def _wait(next_due: float | None, probe_at: float | None, now: float) -> float | None:
    """Seconds until a sender next tries a call: never negative (0: due now, sent as soon as a
    sender runs); while paused, until the next probe (one call); None when nothing is pending."""
    if next_due is None:
        return None
    if probe_at is not None:
        next_due = max(next_due, probe_at)
    return round(max(0.0, next_due - now), 3)


def _overdue(next_due: float | None, pause: dict[str, Any] | None, now: float) -> float | None:
    """Seconds the first due call has waited past its time, while not paused (None: nothing
    due). A running sender with the key tries a due call within seconds, so a long wait means
    no process is sending: no sidecar, or none with `ZELTO_API_KEY` (a worker without the key
    stores its calls and sends none, and leaves no trace in the spool but this)."""
    if next_due is None or pause is not None or next_due > now:
        return None
    return round(now - next_due, 3)


class Spool:
    """A spool file. Cheap to construct: nothing is opened until the first call.

    The user-facing surface (what the README, the CLI and the sidecar use):
    - writing: `enqueue`, `enqueue_encoded`, `enrich`, `enrich_from_event`;
    - reading: `stats`, `show`, `latest_payload`, `pause_state`, `next_due`, `last_success`,
      `undelivered`; the settings `path`, `retention_s`, `max_bytes`, `max_payload_bytes`,
      `clock`;
    - `release_restored`, and `open`, `close`.

    Its parts, used directly (Spool forwards nothing to them): `live`, snapshots of calls in
    progress (the plugin's `attach`); `upkeep`, the operator's side (`rows`, `replay`,
    `purge`, `held`, `without_payload`, `make_due`, and the housekeeping a long-running owner
    runs: `enforce_cap`, `checkpoint`, `size_bytes`, `corrupt_files`). Sending is not here:
    claims, marks, releases and the pause a sender sets are the lease protocol (`Leases` in
    `delivery/claim.py`), which the flusher builds over the same file; applications send
    through `zelto_spool.Outbox` or the sidecar. `store` is what the parts share (the file's
    connection, the clock, the settings; `store.db.recovered_to`: the corrupt files this
    process set aside).

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
        monotonic: monotonic seconds, for this process's own leases (injectable for tests).
        upgrade: False for inspection (`status`, `list`, `show`): an older schema is read as
            it is and never migrated, so the previous release keeps using the file, and a
            restored or copied file is left for a writer to notice (docs/operations.md).
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
        monotonic: Callable[[], float] = time.monotonic,
        upgrade: bool = True,
    ) -> None:
        # resolved once, here: with a symlinked path, the cap counts the target's -wal, the
        # watcher watches the target's directory and a damaged file is set aside beside it
        given = expand_path(path) if path is not None else default_spool_path()
        check_link(given)  # a link another user planted is never followed (`files.py`)
        resolved = given.resolve()
        retention = retention_s if retention_s is not None else env_retention()
        if not retention >= 0 or retention == float("inf"):
            raise ConfigError(f"retention must be 0 or a positive duration, got {retention_s}")
        # the file's settings, fixed for its life (the parts read them from `store`)
        self.path = resolved  # symlinks followed, once, here
        self.retention_s = retention
        self.max_bytes = max_bytes if max_bytes is not None else env_max_bytes()
        self.max_payload_bytes = max_payload_bytes
        self.clock = clock  # the wall clock rows are stamped with (injectable for tests)
        self.store = Store(
            path=resolved,
            db=Connector(resolved, busy_timeout=busy_timeout, upgrade=upgrade),
            clock=clock,
            monotonic=monotonic,
            retention_s=retention,
            max_bytes=self.max_bytes,
            max_payload_bytes=max_payload_bytes,
        )
        self.live = LiveCalls(self.store)
        self.recordings = Recordings(self.store)
        self.upkeep = Upkeep(self.store)

    def __repr__(self) -> str:
        return f"Spool({str(self.path)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        # a pickled Spool is its settings; the receiving process opens its own connection
        options = {
            "retention_s": self.retention_s,
            "max_bytes": self.max_bytes,
            "max_payload_bytes": self.max_payload_bytes,
            "busy_timeout": self.store.db.busy_timeout,
            "upgrade": self.store.db.upgrade,
        }
        return (_rebuild, (str(self.path), options))

    def open(self) -> Spool:
        """Open (and create: directory 0700, file 0600, schema) the file now, not at first use."""
        self.store.db.run(lambda conn: None)
        return self

    def close(self) -> None:
        self.store.db.close()

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the write path ---------------------------------------------------------------------

    def enqueue(self, payload: Mapping[str, Any]) -> Enqueued:
        """Validate and store a call; committed and fsynced when this returns.

        Raises `PayloadError` (a `ValueError`) naming the bad field, or `SpoolWriteError` /
        `SpoolCorruptError` naming the call when the file cannot take it.
        """
        call_id, body = prepare(payload, max_bytes=self.max_payload_bytes)
        return self.enqueue_encoded(call_id, body)

    def enqueue_encoded(
        self, call_id: str, body: bytes, *, ends_live: str | None = None
    ) -> Enqueued:
        """Store an already validated and encoded body (see `payload.prepare`).

        Enrichments recorded for this call id (see `enrich`) are merged in first. `ends_live`
        names a job whose live snapshot this final version replaces (same transaction).
        """
        now = self.clock()

        def write(conn: sqlite3.Connection) -> Enqueued:
            with transaction(conn):
                queued = self.store.insert_version(conn, call_id, body, now)
                if ends_live is not None:
                    delete_live(conn, ends_live)
            return queued

        return self.store.db.run(write, call_id=call_id)

    def hand_off_recording(self, call_id: str, path: str | Path) -> Recording:
        """Take a call's recording (a file LiveKit wrote) into the spool for upload by the
        sidecar or `drain`; durable when this returns, `path` left as it is. Refused
        (`SpoolWriteError`, nothing changed) past the disk cap. See `store/recordings.py`."""
        return self.recordings.hand_off(call_id, path, spool_bytes=self.upkeep.size_bytes())

    def enrich(self, call_id: str, fields: Mapping[str, Any]) -> Enqueued | None:
        """Record fields added after the fact and queue a newer version of the call.

        `fields` has `call` (override), `call_fill` (only where missing) and `customer`
        entries. They are kept for this call id and merged into every later version too.
        Returns the new version, or None when nothing was queued: the call is not spooled
        yet (the fields wait and are merged when it arrives), or they change nothing.
        `call_id` may be the room name as LiveKit gives it: it goes through `external_id`,
        as the plugin's call ids do.
        """
        call_id = external_id(call_id)
        self._check_fields(call_id, fields)
        now = self.clock()

        def write(conn: sqlite3.Connection) -> Enqueued | None:
            with transaction(conn):
                queued = self.store.record_enrichment(conn, call_id, fields, now)
            return queued

        return self.store.db.run(write, call_id=call_id)

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
        call_id = external_id(call_id)
        self._check_fields(call_id, fields)
        now = self.clock()
        stamp: dict[str, Any] = {"event_id": event_id, "call_id": call_id, "kind": kind}
        stamp.update(created_at=created_at, now=now)

        def write(conn: sqlite3.Connection) -> str:
            with transaction(conn):
                newest = conn.execute(NEWEST_EVENT, stamp).fetchone()[0]
                if conn.execute(EVENT_SEEN, stamp).fetchone():
                    result = "duplicate"
                elif newest is not None and created_at < newest:
                    result = "stale"
                elif self.store.record_enrichment(conn, call_id, fields, now) is not None:
                    result = "applied"
                elif conn.execute(LATEST_BODY, {"call_id": call_id}).fetchone():
                    result = "unchanged"
                elif conn.execute(CALL_EXISTS, {"call_id": call_id}).fetchone():
                    result = "gone"
                else:
                    result = "waiting"
                conn.execute(RECORD_EVENT, stamp)
            return result

        return str(self.store.db.run(write, call_id=call_id))

    @staticmethod
    def _check_fields(call_id: str, fields: Mapping[str, Any]) -> None:
        probe = merge_enrichment({"agent": {"externalId": "-"}, "call": {}}, fields)
        probe["call"]["externalId"] = call_id
        prepare(probe)  # validate the fields (names the bad one) before anything is written

    def latest_payload(self, call_id: str) -> dict[str, Any] | None:
        """The newest spooled version of a call, decoded (None when unknown or purged)."""

        def read(conn: sqlite3.Connection) -> bytes | None:
            row = conn.execute(LATEST_BODY, {"call_id": call_id}).fetchone()
            return None if row is None else bytes(row[0])

        body = self.store.db.run(read)
        return None if body is None else decode(body)

    # --- the spool-wide pause (401/403/404, missing key) -------------------------------------

    def pause_state(self) -> Pause | None:
        def read(conn: sqlite3.Connection) -> str | None:
            row = conn.execute(GET_META, {"key": "pause"}).fetchone()
            return None if row is None else str(row[0])

        value = self.store.db.run(read)
        if value is None:
            return None
        data = json.loads(value)
        return Pause(data["reason"], data.get("status"), data["since"], data["probe_at"])

    # --- reading ----------------------------------------------------------------------------

    def next_due(self) -> float | None:
        """When the earliest pending row becomes due (wall-clock seconds), or None."""
        now = self.clock()
        value = self.store.db.run(lambda conn: self._next_due(conn, now))
        return None if value is None else float(value)

    def _next_due(self, conn: sqlite3.Connection, now: float) -> Any:
        if self.store.clock_behind(conn, now):
            return conn.execute(NEXT_DUE_STEPPED, {"now": now, **HELD}).fetchone()[0]
        return conn.execute(NEXT_DUE, HELD).fetchone()[0]

    def last_success(self) -> float | None:
        """When a call was last delivered (wall-clock seconds), by any process; None: never."""
        value = self.store.db.run(lambda conn: conn.execute(LAST_SUCCESS).fetchone()[0])
        return None if value is None else float(value)

    def undelivered(self) -> int:
        """How many calls are pending or inflight (not the held ones of a restored spool:
        they wait for the operator, `release_restored`)."""
        return int(
            self.store.db.run(lambda conn: conn.execute(COUNT_UNDELIVERED, HELD).fetchone()[0])
        )

    def stats(self) -> dict[str, Any]:
        """Counts per state, oldest pending age, pause reason, last success and error."""
        now = self.clock()

        def read(conn: sqlite3.Connection) -> dict[str, Any]:
            counts = dict.fromkeys(STATES, 0)
            counts.update(dict(conn.execute(COUNT_BY_STATE).fetchall()))
            oldest = conn.execute(OLDEST_UNDELIVERED).fetchone()[0]
            next_due = self._next_due(conn, now)
            last_ok = conn.execute(LAST_SUCCESS).fetchone()[0]
            last_error = conn.execute(LAST_ERROR).fetchone()
            row = conn.execute(GET_META, {"key": "pause"}).fetchone()
            pause = None if row is None else json.loads(row[0])
            hold = conn.execute(GET_META, {"key": "restored"}).fetchone()
            held = conn.execute(COUNT_HELD, HELD).fetchone()[0]
            live_held = held_live(conn) if hold is not None else 0
            reason = None if hold is None else json.loads(hold[0])["reason"]
            if hold is None and not self.store.db.upgrade:  # inspection: nothing held yet
                pending = would_hold(conn, self.path)
                if pending is not None:
                    reason = pending[0] + " (no writer has opened it since: the next one holds)"
                    held = pending[1]
            return {
                **counts,
                "oldest_pending_age_s": None if oldest is None else round(now - oldest, 3),
                "paused": None if pause is None else pause["reason"],
                "paused_status": None if pause is None else pause["status"],
                "next_attempt_in_s": _wait(next_due, pause and pause["probe_at"], now),
                "overdue_s": _overdue(next_due, pause, now),
                "restored": reason,
                "held": held,
                "held_live": live_held,
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

        result = self.store.db.run(read)
        result["live"] = self.live.count()
        result["reaped"] = reaped_total(self.store)
        result["path"] = str(self.path)
        result["size_bytes"] = self.upkeep.size_bytes()
        result["max_bytes"] = self.max_bytes
        result["recordings"] = self.recordings.counts()
        result["recording_bytes"] = self.recordings.waiting_bytes()
        result["recording_leftovers"] = self.recordings.leftovers()
        oldest = self.recordings.oldest_waiting()
        result["oldest_recording_age_s"] = (
            None if oldest is None else round(now - oldest["since"], 3)
        )
        result["recording_error"] = None if oldest is None else oldest["last_error"]
        result["over_cap"] = result["size_bytes"] + result["recording_bytes"] > self.max_bytes
        result["disk_free_bytes"] = free = _disk_free(self.path.parent)
        result["disk_low"] = free is not None and free < DISK_LOW_BYTES
        result["corrupt_files"] = self.upkeep.corrupt_files()
        return result

    # --- the operator's side (the rest is `upkeep`: rows, replay, purge, the cap, the WAL) ---

    def show(self, call_id: str) -> dict[str, Any] | None:
        """One call: its row and its newest payload (decoded)."""
        rows = self.upkeep.rows(call_ids=[call_id])
        if not rows:
            return None
        recording = self.recordings.show(call_id)
        return {**rows[0], "recording": recording, "payload": self.latest_payload(call_id)}

    def release_restored(
        self, call_ids: Iterable[str] | None = None, *, dead: bool = False
    ) -> list[str]:
        """Send the calls held since this spool was found restored or copied (`store/home.py`):
        those of `call_ids`, or every one (the hold ends). `dead`: dead-letter them instead
        (`replay` queues them again). Returns the call ids."""
        reap(self.store)  # held snapshots become held calls first: released or dead alike
        ids = None if call_ids is None else list(call_ids)
        return self.upkeep.release_restored(ids, dead=dead)


def _rebuild(path: str, options: dict[str, Any]) -> Spool:
    return Spool(path, **options)


# below this, a call's payload (up to 10 MiB) or an outcome may not fit: said before it fails
DISK_LOW_BYTES = 16 * 1024 * 1024


def _disk_free(directory: Path) -> int | None:
    """Bytes an unprivileged writer may still use on the spool's filesystem (None: unknown)."""
    try:
        found = os.statvfs(directory)
    except (OSError, AttributeError):  # no statvfs (Windows), or the directory is gone
        return None
    return found.f_bavail * found.f_frsize
