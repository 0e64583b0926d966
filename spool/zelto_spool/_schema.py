"""The spool's schema, its migrations (`PRAGMA user_version`), the connection's pragmas,
`transaction()` and the salvage statements.

Every SQL statement of the package lives in the schema modules as a named constant with `:name`
parameters (the read side's WHERE clauses for sqlite-utils take `?`); no statement is built
from values, and a test fails when SQL appears in any other module:
- `_schema.py` (this one): tables, migrations, pragmas, salvage (`_db.py`, `_files.py`,
  `_salvage.py`);
- `_schema_calls.py`: the delivery queue's write path, enrichments, pause, operator commands
  and read side (`_spool.py`, `_upkeep.py`, `_query.py`);
- `_schema_leases.py`: claims, reclaims and marks (`_leases.py`);
- `_schema_live.py`: live snapshots (`_live.py`).
`transaction()` is the one way to open a write transaction.

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


# --- the connection: pragmas and checks (`_db.py`, `_files.py`, `_upkeep.py`) ----------------

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
