"""The spool's schema: its tables, their migrations, the statements several modules share, and
`transaction()`.

Two versions on disk, so an additive change never locks the previous release out (see
'Upgrading' in docs/operations.md): `PRAGMA user_version` is the schema level a process
must know to use the file ("readable by"; every release refuses a file above its own level),
the `schema` row of `meta` the level written and the release the floor needs. A step old
code never reads (a new table) leaves `user_version` alone; only a step old code cannot
live with raises it. Inspection (`migrate(upgrade=False)`) never changes the file.

Every SQL statement of the package is a named constant with `:name` parameters (the read
side's WHERE clauses for sqlite-utils take `?`), defined in the module that runs it: the store
(`store/`) and the lease protocol (`delivery/claim.py`); no statement is built from values, and
a test fails when SQL appears anywhere else (tests/test_sql_in_store.py). This module holds the
tables, the migrations and the few statements more than one module runs.
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
- `recordings`: call audio handed to the spool (a file under `recordings/` beside the spool)
  waiting to be uploaded to object storage, then the object's key and URL (`store/recordings.py`).
- `live`, `live_turns`: calls in progress (not the delivery queue): a header per job (owner,
  times, the payload without its transcript, the final payload once closed) and one small row
  per turn. `store/live.py` writes and reaps them.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from .._version import __version__
from ..errors import SpoolError

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


# recordings handed over by job processes (`store/recordings.py`), uploaded by the sidecar or
# `drain` (`delivery/upload.py`); one row per call, the file kept until the upload is confirmed
_V3 = [
    """
    CREATE TABLE recordings (
        call_id TEXT PRIMARY KEY,
        file TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        state TEXT NOT NULL
            CHECK (state IN ('recording', 'pending', 'uploaded', 'missing')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at REAL NOT NULL,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        last_error TEXT,
        object_key TEXT,
        url TEXT,
        source TEXT,
        owner_host TEXT,
        owner_pid INTEGER,
        owner_start INTEGER
    )
    """,
    "CREATE INDEX recordings_due ON recordings (state, next_attempt_at)",
]


@dataclass(frozen=True)
class Migration:
    """One step of the schema. `readable_by`: the oldest schema level that can still use a
    spool once this step is applied. An additive step (a table or index old code never reads)
    keeps it where it was; a step old code cannot live with raises it to its own level, and
    `release` is the first release of that level (what an older process is told to install).
    """

    statements: list[str]
    readable_by: int
    release: str


MIGRATIONS = [
    Migration(_V1, readable_by=1, release="0.1.0"),
    Migration(_V2, readable_by=1, release="0.1.0"),  # additive: 0.1.0 never reads it
    Migration(_V3, readable_by=1, release="0.1.0"),  # additive: older releases never read it
]
SCHEMA_VERSION = len(MIGRATIONS)  # the newest level this code writes and reads

# --- shared by the connection's checks (`db.py`, `files.py`, `recovery.py`, `upkeep.py`) ---

USER_VERSION = "PRAGMA user_version"
CHECKPOINT_TRUNCATE = "PRAGMA wal_checkpoint(TRUNCATE)"

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


SCHEMA_META = "SELECT value FROM meta WHERE key = 'schema'"
SET_SCHEMA_META = """
INSERT INTO meta (key, value) VALUES ('schema', :value)
ON CONFLICT (key) DO UPDATE SET value = excluded.value
"""
UPGRADE_ORDER = "see 'Upgrading' in docs/operations.md"


def schema_levels(conn: sqlite3.Connection) -> tuple[int, int, str | None]:
    """(level written, level needed to read it, release that level needs) of the file.

    `PRAGMA user_version` holds the level needed to read (every release so far refuses a
    spool whose `user_version` is above its own level, so additive steps leave it alone);
    the `schema` row of `meta` holds the level written. A spool without that row was written
    before the two were told apart: its `user_version` is both.
    """
    floor = int(conn.execute(USER_VERSION).fetchone()[0])
    if floor == 0:
        return 0, 0, None
    row = conn.execute(SCHEMA_META).fetchone()
    if row is None:
        return floor, floor, None
    data = json.loads(row[0])
    return int(data["level"]), floor, data.get("needs")


def migrate(conn: sqlite3.Connection, *, upgrade: bool = True) -> int:
    """Bring the schema to `SCHEMA_VERSION` (safe when several processes open at once);
    returns the level the file is at.

    Refuses a file that needs a newer release to be read. With `upgrade=False` (inspection:
    `status`, `list`, `show`) an older file is read as it is, never changed; a new empty
    file is still given the first schema, as any writer would.
    """
    level, floor, needs = schema_levels(conn)
    _check_readable(floor, needs)
    if level >= SCHEMA_VERSION or (level and not upgrade):
        return level
    with transaction(conn):
        level, floor, needs = schema_levels(conn)  # re-read under the lock
        _check_readable(floor, needs)
        if level >= SCHEMA_VERSION:  # another process did it meanwhile
            return level
        for number in range(level + 1, SCHEMA_VERSION + 1):
            step = MIGRATIONS[number - 1]
            for statement in step.statements:
                conn.execute(statement)
            if step.readable_by > floor:
                floor, needs = step.readable_by, MIGRATIONS[step.readable_by - 1].release
        needs = needs or MIGRATIONS[floor - 1].release
        conn.execute(f"PRAGMA user_version = {int(floor)}")
        value = {"level": SCHEMA_VERSION, "readable_by": floor, "needs": needs}
        conn.execute(SET_SCHEMA_META, {"value": json.dumps({**value, "written_by": __version__})})
    return SCHEMA_VERSION


def _check_readable(floor: int, needs: str | None) -> None:
    if floor > SCHEMA_VERSION:
        raise SpoolError(
            f"spool schema level {floor} is newer than this zelto_spool ({__version__}, "
            f"level {SCHEMA_VERSION}) can use: it needs zelto-spool "
            f"{needs or 'newer than ' + __version__}; upgrade every process that uses "
            f"this spool first ({UPGRADE_ORDER})"
        )
