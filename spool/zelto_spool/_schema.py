"""The spool's schema, its migrations (`PRAGMA user_version`) and every SQL statement.

Every SQL statement of the package lives here as a named constant with `:name` parameters
(the read side's WHERE clauses for sqlite-utils take `?`); no statement is built from values,
and a test fails when SQL appears in another module. `transaction()` is the one way to open
a write transaction.

Layout (see docs/design.md):
- `calls`: one row per `call.externalId`, its state, versions, attempts, schedule and lease.
  Small and fixed-size, so claims and marks rewrite little.
- `payloads`: the newest version's body, one row per call (kept apart from `calls` so a
  claim or a mark never rewrites a 200 KB transcript).
- `meta`: key/value for the spool-wide pause.
- `enrichments`: fields added to a call after the fact (`zelto.enrich`, LiveKit webhooks), kept
  per call id and merged into every version enqueued later, so no later version drops them.
- `webhook_events`: the LiveKit webhooks applied (id, call, kind, creation time), so a
  replayed or older webhook never rolls an enrichment back.
- `live`, `live_turns`: calls in progress (not the delivery queue): a header per job (owner,
  times, the payload without its transcript, the final payload once closed) and one small row
  per turn. `_live.py` writes and reaps them.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator

from ._exceptions import SpoolError

__all__ = ["SCHEMA_VERSION", "migrate", "transaction"]

STATES = ("pending", "inflight", "delivered", "dead")

_V1 = [
    """
    CREATE TABLE calls (
        id INTEGER PRIMARY KEY,
        call_id TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL
            CHECK (state IN ('pending', 'inflight', 'delivered', 'dead')),
        version INTEGER NOT NULL,
        sent_version INTEGER,
        delivered_version INTEGER,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at REAL NOT NULL,
        first_enqueued_at REAL NOT NULL,
        enqueued_at REAL NOT NULL,
        pending_since REAL,
        updated_at REAL NOT NULL,
        delivered_at REAL,
        last_attempt_at REAL,
        last_status INTEGER,
        last_error TEXT,
        size INTEGER NOT NULL,
        lease_token TEXT,
        lease_host TEXT,
        lease_pid INTEGER,
        lease_start INTEGER,
        lease_expires REAL
    )
    """,
    "CREATE INDEX calls_due ON calls (state, next_attempt_at)",
    """
    CREATE TABLE payloads (
        call_rowid INTEGER PRIMARY KEY,
        version INTEGER NOT NULL,
        body BLOB NOT NULL
    )
    """,
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """
    CREATE TABLE enrichments (
        call_id TEXT PRIMARY KEY,
        fields TEXT NOT NULL,
        updated_at REAL NOT NULL
    )
    """,
    """
    CREATE TABLE live (
        job_id TEXT PRIMARY KEY,
        call_id TEXT NOT NULL,
        owner_host TEXT NOT NULL,
        owner_pid INTEGER NOT NULL,
        owner_start INTEGER NOT NULL,
        started_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        turns INTEGER NOT NULL DEFAULT 0,
        header BLOB NOT NULL,
        final BLOB
    )
    """,
    """
    CREATE TABLE live_turns (
        job_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        turn BLOB NOT NULL,
        PRIMARY KEY (job_id, seq)
    )
    """,
]

# LiveKit webhooks seen, so a replayed one is a duplicate and an older one never overwrites
# a newer one (`Spool.enrich_from_event`); kept as long as delivered rows (`purge`)
_V2 = [
    """
    CREATE TABLE webhook_events (
        event_id TEXT PRIMARY KEY,
        call_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        created_at REAL NOT NULL,
        seen_at REAL NOT NULL
    )
    """,
    "CREATE INDEX webhook_events_newest ON webhook_events (call_id, kind, created_at)",
]

MIGRATIONS: list[list[str]] = [_V1, _V2]
SCHEMA_VERSION = len(MIGRATIONS)


# --- the connection: pragmas and checks (`_db.py`, `_files.py`, `_admin.py`) ----------------

WAL_AUTOCHECKPOINT_PAGES = 10_000
USER_VERSION = "PRAGMA user_version"
PAGE_COUNT = "PRAGMA page_count"
AUTO_VACUUM_INCREMENTAL = "PRAGMA auto_vacuum = INCREMENTAL"
JOURNAL_MODE_WAL = "PRAGMA journal_mode = WAL"
SYNCHRONOUS_FULL = "PRAGMA synchronous = FULL"
SYNCHRONOUS_NORMAL = "PRAGMA synchronous = NORMAL"
WAL_AUTOCHECKPOINT = f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT_PAGES}"
CHECKPOINT_TRUNCATE = "PRAGMA wal_checkpoint(TRUNCATE)"
CHECKPOINT_PASSIVE = "PRAGMA wal_checkpoint(PASSIVE)"
# a script, not a statement: executescript steps the pragma to the end (execute frees one page)
INCREMENTAL_VACUUM_SCRIPT = "PRAGMA incremental_vacuum;"
TABLE_NAMES = "SELECT name FROM sqlite_master WHERE type = 'table'"
COUNT_SCHEMA_OBJECTS = "SELECT count(*) FROM sqlite_master"
QUICK_CHECK = "PRAGMA quick_check(1)"

BEGIN = "BEGIN IMMEDIATE"
COMMIT = "COMMIT"
ROLLBACK = "ROLLBACK"


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A write transaction: `BEGIN IMMEDIATE` (the write lock now, not at the first write),
    `COMMIT` when the block ends, even by `return`; `ROLLBACK` when it raises, or when the
    commit itself fails, and the error goes on."""
    conn.execute(BEGIN)
    try:
        yield conn
        conn.execute(COMMIT)
    except BaseException:
        if conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):  # the block's error is the one to see
                conn.execute(ROLLBACK)
        raise


def migrate(conn: sqlite3.Connection, *, on_step: Callable[[int], None] | None = None) -> int:
    """Bring the schema to `SCHEMA_VERSION`; safe when several processes open at once."""
    current = int(conn.execute(USER_VERSION).fetchone()[0])
    if current == SCHEMA_VERSION:
        return current
    with transaction(conn):
        (current,) = conn.execute(USER_VERSION).fetchone()  # re-read under the lock
        if current > SCHEMA_VERSION:
            raise SpoolError(
                f"spool schema version {current} is newer than this zelto_spool "
                f"({SCHEMA_VERSION}); upgrade livekit-plugins-zelto"
            )
        for version in range(current + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[version - 1]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {int(version)}")
            if on_step is not None:
                on_step(version)
    return SCHEMA_VERSION


# --- the write path -------------------------------------------------------------------------

ENQUEUE_CALL = """
INSERT INTO calls (call_id, state, version, attempts, next_attempt_at, first_enqueued_at,
                   enqueued_at, pending_since, updated_at, size)
VALUES (:call_id, 'pending', 1, 0, :now, :now, :now, :now, :now, :size)
ON CONFLICT (call_id) DO UPDATE SET
    version = version + 1,
    state = CASE WHEN state = 'inflight' THEN 'inflight' ELSE 'pending' END,
    attempts = CASE WHEN state IN ('delivered', 'dead') THEN 0 ELSE attempts END,
    next_attempt_at = CASE WHEN state IN ('delivered', 'dead') THEN :now
                           ELSE next_attempt_at END,
    pending_since = CASE WHEN state IN ('delivered', 'dead') THEN :now
                         ELSE pending_since END,
    enqueued_at = :now,
    updated_at = :now,
    size = :size
RETURNING id, version
"""

STORE_PAYLOAD = """
INSERT INTO payloads (call_rowid, version, body) VALUES (:rowid, :version, :body)
ON CONFLICT (call_rowid) DO UPDATE SET version = excluded.version, body = excluded.body
"""

# --- claims and leases ----------------------------------------------------------------------

_CLAIM_SET = """
UPDATE calls SET
    state = 'inflight',
    sent_version = version,
    attempts = attempts + 1,
    last_attempt_at = :now,
    updated_at = :now,
    lease_token = :token,
    lease_host = :host,
    lease_pid = :pid,
    lease_start = :start,
    lease_expires = :expires
"""

CLAIM_DUE = (
    _CLAIM_SET
    + """
WHERE id IN (SELECT id FROM calls
             WHERE state = 'pending' AND next_attempt_at <= :now
             ORDER BY next_attempt_at, id LIMIT :limit)
RETURNING id, call_id, version, attempts
"""
)

CLAIM_ONE = (
    _CLAIM_SET
    + """
WHERE call_id = :call_id AND state = 'pending' AND next_attempt_at <= :now
RETURNING id, call_id, version, attempts
"""
)

LOAD_BODY = "SELECT version, body FROM payloads WHERE call_rowid = :rowid"

GET_ENRICHMENT = "SELECT fields FROM enrichments WHERE call_id = :call_id"
SET_ENRICHMENT = """
INSERT INTO enrichments (call_id, fields, updated_at) VALUES (:call_id, :fields, :now)
ON CONFLICT (call_id) DO UPDATE SET fields = excluded.fields, updated_at = excluded.updated_at
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
LATEST_BODY = """
SELECT p.body FROM calls c JOIN payloads p ON p.call_rowid = c.id WHERE c.call_id = :call_id
"""

FOREIGN_LEASE_OWNERS = """
SELECT DISTINCT lease_pid, lease_start FROM calls
WHERE state = 'inflight' AND lease_host = :host AND lease_token IS NOT NULL
"""

ANY_EXPIRED = "SELECT 1 FROM calls WHERE state = 'inflight' AND lease_expires < :now LIMIT 1"

RECLAIM_DEAD_OWNER = """
UPDATE calls SET
    state = 'pending',
    next_attempt_at = :now,
    updated_at = :now,
    last_error = :error,
    lease_token = NULL, lease_host = NULL, lease_pid = NULL, lease_start = NULL,
    lease_expires = NULL
WHERE state = 'inflight' AND lease_host = :host AND lease_pid = :pid AND lease_start IS :start
RETURNING call_id
"""

RECLAIM_EXPIRED = """
UPDATE calls SET
    state = 'pending',
    next_attempt_at = :now,
    updated_at = :now,
    last_error = 'lease expired: the sending process stopped answering; requeued',
    lease_token = NULL, lease_host = NULL, lease_pid = NULL, lease_start = NULL,
    lease_expires = NULL
WHERE state = 'inflight' AND lease_expires < :now
RETURNING call_id
"""

# --- outcomes: every mark checks the lease, so a reclaimed row is never clobbered -----------

_LEASE_CLEAR = """
    lease_token = NULL, lease_host = NULL, lease_pid = NULL, lease_start = NULL,
    lease_expires = NULL
"""
_MINE = "WHERE id = :rowid AND state = 'inflight' AND lease_token = :token"

MARK_DELIVERED = f"""
UPDATE calls SET
    state = CASE WHEN version = sent_version THEN 'delivered' ELSE 'pending' END,
    delivered_version = sent_version,
    delivered_at = :now,
    attempts = CASE WHEN version = sent_version THEN attempts ELSE 0 END,
    next_attempt_at = :now,
    pending_since = CASE WHEN version = sent_version THEN NULL ELSE enqueued_at END,
    last_status = :status,
    last_error = NULL,
    updated_at = :now,
    {_LEASE_CLEAR}
{_MINE}
RETURNING state
"""

MARK_RETRY = f"""
UPDATE calls SET
    state = 'pending',
    next_attempt_at = :next_attempt_at,
    last_status = :status,
    last_error = :error,
    updated_at = :now,
    {_LEASE_CLEAR}
{_MINE}
RETURNING state
"""

# a newer version that arrived while this one was in flight is not dead: it is queued at once
MARK_DEAD = f"""
UPDATE calls SET
    state = CASE WHEN version = sent_version THEN 'dead' ELSE 'pending' END,
    next_attempt_at = :now,
    last_status = :status,
    last_error = :error,
    updated_at = :now,
    {_LEASE_CLEAR}
{_MINE}
RETURNING state
"""

# paused, cancelled or shut down before an answer: back to pending, the attempt not counted
RELEASE = f"""
UPDATE calls SET
    state = 'pending',
    attempts = max(attempts - 1, 0),
    next_attempt_at = min(next_attempt_at, :now),
    last_status = coalesce(:status, last_status),
    last_error = coalesce(:error, last_error),
    updated_at = :now,
    {_LEASE_CLEAR}
{_MINE}
RETURNING state
"""

# paused: back to pending behind every row already due, so the next probe tries another call
RELEASE_TO_BACK = f"""
UPDATE calls SET
    state = 'pending',
    attempts = max(attempts - 1, 0),
    next_attempt_at = :now,
    last_status = coalesce(:status, last_status),
    last_error = coalesce(:error, last_error),
    updated_at = :now,
    {_LEASE_CLEAR}
{_MINE}
RETURNING state
"""

# the statement of each kind of mark (`_spool.MarkKind`, by its value)
MARKS = {
    "delivered": MARK_DELIVERED,
    "retry": MARK_RETRY,
    "dead": MARK_DEAD,
    "release": RELEASE,
    "release_to_back": RELEASE_TO_BACK,
}

# --- spool-wide pause -----------------------------------------------------------------------

GET_META = "SELECT value FROM meta WHERE key = :key"
SET_META = """
INSERT INTO meta (key, value) VALUES (:key, :value)
ON CONFLICT (key) DO UPDATE SET value = excluded.value
"""
DELETE_META = "DELETE FROM meta WHERE key = :key"

# --- operator commands ----------------------------------------------------------------------

MAKE_DUE = """
UPDATE calls SET next_attempt_at = :now, attempts = 0
WHERE state = 'pending' AND (next_attempt_at > :now OR attempts > 0)
"""

COUNT_BY_STATE = "SELECT state, count(*) FROM calls GROUP BY state"

COUNT_UNDELIVERED = "SELECT count(*) FROM calls WHERE state IN ('pending', 'inflight')"

OLDEST_UNDELIVERED = """
SELECT min(pending_since) FROM calls WHERE state IN ('pending', 'inflight')
"""

NEXT_DUE = "SELECT min(next_attempt_at) FROM calls WHERE state = 'pending'"

LAST_SUCCESS = "SELECT max(delivered_at) FROM calls WHERE delivered_at IS NOT NULL"

LAST_ERROR = """
SELECT call_id, last_status, last_error, last_attempt_at FROM calls
WHERE last_error IS NOT NULL AND state != 'delivered'
ORDER BY last_attempt_at DESC LIMIT 1
"""

REPLAY = """
UPDATE calls SET
    state = 'pending',
    attempts = 0,
    next_attempt_at = :now,
    pending_since = CASE WHEN state = 'pending' THEN coalesce(pending_since, :now) ELSE :now END,
    -- a re-queued call starts clean: list/show/status must not show its old failure
    last_status = CASE WHEN state = 'pending' THEN last_status END,
    last_error = CASE WHEN state = 'pending' THEN last_error END,
    updated_at = :now
WHERE id = :rowid AND state IN ('delivered', 'dead', 'pending')
  AND EXISTS (SELECT 1 FROM payloads WHERE call_rowid = calls.id)
RETURNING call_id
"""

PURGE_PAYLOADS = """
DELETE FROM payloads WHERE call_rowid IN (
    SELECT id FROM calls WHERE state = 'delivered' AND delivered_at < :cutoff)
"""
PURGE_ENRICHMENTS = """
DELETE FROM enrichments WHERE call_id IN (
    SELECT call_id FROM calls WHERE state = 'delivered' AND delivered_at < :cutoff)
"""
PURGE_EVENTS = "DELETE FROM webhook_events WHERE seen_at < :cutoff"
PURGE_CALLS = "DELETE FROM calls WHERE state = 'delivered' AND delivered_at < :cutoff"

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
ORDER BY delivered_at, id LIMIT :limit
"""
DELETE_PAYLOAD = "DELETE FROM payloads WHERE call_rowid = :rowid"
DELETE_ENRICHMENT = "DELETE FROM enrichments WHERE call_id = :call_id"
DELETE_CALL = "DELETE FROM calls WHERE id = :rowid AND state = 'delivered'"


# --- live calls (`_live.py`) ----------------------------------------------------------------

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
LIVE_REAPED_GET = "SELECT value FROM meta WHERE key = 'reaped_total'"
# one lost job's snapshot at a time inside the reap's transaction: a bad one is undone alone
LIVE_REAP_ONE = "SAVEPOINT reap_one"
LIVE_REAP_ONE_UNDO = "ROLLBACK TO reap_one"
LIVE_REAP_ONE_DONE = "RELEASE reap_one"
LIVE_REAPED_ADD = """
INSERT INTO meta (key, value) VALUES ('reaped_total', :n)
ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + :n
"""


# --- salvage: what a corrupt file still holds, into a fresh one (`_salvage.py`) -------------

SALVAGE_NEXT_CALL = """
SELECT id, call_id, state, attempts, first_enqueued_at, last_status, last_error
FROM calls NOT INDEXED WHERE id > :after ORDER BY id LIMIT 1
"""
SALVAGE_BODY = "SELECT body FROM payloads WHERE call_rowid = :rowid"
SALVAGE_NEXT_LIVE = "SELECT rowid, * FROM live WHERE rowid > :after ORDER BY rowid LIMIT 1"
SALVAGE_NEXT_TURN = """
SELECT rowid, job_id, seq, turn FROM live_turns WHERE rowid > :after ORDER BY rowid LIMIT 1
"""
SALVAGE_NEXT_ENRICHMENT = """
SELECT rowid, call_id, fields, updated_at FROM enrichments
WHERE rowid > :after ORDER BY rowid LIMIT 1
"""

SALVAGE_INSERT_CALL = """
INSERT INTO calls (call_id, state, version, attempts, next_attempt_at, first_enqueued_at,
                   enqueued_at, pending_since, updated_at, size, last_status, last_error)
VALUES (:call_id, :state, 1, :attempts, :now, :first, :now, :now, :now, :size, :status, :error)
ON CONFLICT (call_id) DO NOTHING
RETURNING id
"""
SALVAGE_INSERT_BODY = "INSERT INTO payloads (call_rowid, version, body) VALUES (:rowid, 1, :body)"
SALVAGE_INSERT_LIVE = """
INSERT INTO live (job_id, call_id, owner_host, owner_pid, owner_start, started_at, updated_at,
                  turns, header, final)
VALUES (:job_id, :call_id, :owner_host, :owner_pid, :owner_start, :started_at, :updated_at,
        :turns, :header, :final)
ON CONFLICT (job_id) DO NOTHING
"""
SALVAGE_INSERT_TURN = """
INSERT INTO live_turns (job_id, seq, turn) VALUES (:job_id, :seq, :turn)
ON CONFLICT (job_id, seq) DO NOTHING
"""
SALVAGE_INSERT_ENRICHMENT = """
INSERT INTO enrichments (call_id, fields, updated_at) VALUES (:call_id, :fields, :updated_at)
ON CONFLICT (call_id) DO NOTHING
"""


# --- the read side: `list`, `show`, `replay` (`_query.py`, WHERE clauses for sqlite-utils) --

ROWS_ORDER = "updated_at DESC, id DESC"
WHERE_STATE = "state = ?"
WHERE_FINISHED = "state IN ('delivered', 'dead')"
WHERE_CHANGED_AFTER = "updated_at >= ?"
WHERE_NO_PAYLOAD = "NOT EXISTS (SELECT 1 FROM payloads WHERE call_rowid = calls.id)"
# `marks`: one `?` per call id, never the ids themselves
WHERE_CALL_IDS = "call_id IN ({marks})"
