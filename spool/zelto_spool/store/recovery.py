"""Setting a corrupt spool aside: the recovery lock, the move, the salvage into a fresh file.

Every operation holds the recovery lock (`.<name>.recover.lock`) shared; `set_aside` takes it
exclusively, so a file is never moved while an operation runs on it.

Salvage (`salvage`): copy what SQLite can still read from a set-aside spool into the fresh
one. Runs right after `set_aside` renamed the damaged file, by the process that moved it, under the
recovery lock held exclusively (every other operation on the spool holds it shared, so nothing
else writes to the fresh file meanwhile). Reads are tolerant: rows are read one at a time by
rowid, and a page SQLite cannot read is jumped over (exponential skip-ahead), so one damaged
page costs the rows on it, not the rest.

What is copied: undelivered calls (pending or in flight: queued again as pending, at least
once), dead calls (still dead, with status and reason), live snapshots with their turns (the
reaper still finds them), and enrichments. Delivered calls stay in the set-aside file. A call id
the fresh spool already has is never touched: what is there is newer.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..logs import library_logger
from ..payload import decode, prepare
from . import locks as _oslock
from . import schema as sql
from .connection import BUSY_TIMEOUT_S, connect, prepare_path
from .files import lock_path
from .sidefile import open_side

__all__ = ["Salvaged", "lock_path", "salvage", "set_aside"]

logger = library_logger(__name__)  # or the plugin's logger in a worker

COUNT_SCHEMA_OBJECTS = "SELECT count(*) FROM sqlite_master"

QUICK_CHECK = "PRAGMA quick_check(1)"

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

RECORDING_COLUMNS = "SELECT * FROM recordings LIMIT 0"

RECORDING_TABLE_INFO = "PRAGMA table_info(recordings)"

SALVAGE_NEXT_RECORDING = """
SELECT rowid, * FROM recordings WHERE rowid > :after ORDER BY rowid LIMIT 1
"""

# a recording still to upload is tried again at once; its file in recordings/ is the one the row
# names, so a salvaged spool uploads it (without its row, the leftover sweep would remove it)
SALVAGE_INSERT_RECORDING = """
INSERT INTO recordings ({columns}) VALUES ({values})
ON CONFLICT (call_id) DO NOTHING
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


@contextlib.contextmanager
def _recovery_lock(path: Path) -> Iterator[None]:
    fd = open_side(lock_path(path), os.O_RDWR, spool_path=path)
    if fd is None:
        raise PermissionError(f"cannot make {lock_path(path)}")
    try:
        _oslock.lock(fd, "exclusive")
        yield
    finally:
        os.close(fd)


def set_aside(path: Path) -> str | None:
    """Rename a corrupt spool (and its -wal/-shm) to `<name>.corrupt-<timestamp>`; never delete.

    Returns where it went, "" when another process already replaced it (reopen and go on),
    or None when it could not be moved. Several processes may find the same corruption at
    once: under a lock, only the first one that still sees the damaged file moves it.
    """
    try:
        with _recovery_lock(path):
            if not _still_corrupt(path):
                return ""
            stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
            target = path.with_name(f"{path.name}.corrupt-{stamp}-{os.getpid()}")
            os.rename(path, target)
            for suffix in ("-wal", "-shm"):
                side = Path(f"{path}{suffix}")
                if side.exists():
                    os.rename(side, Path(f"{target}{suffix}"))
            _salvage_into_fresh(path, target)  # still under the lock: nobody else writes
            return str(target)
    except OSError as exc:
        logger.error(
            "spool file is corrupt and could not be moved aside",
            extra={"path": str(path), "error": str(exc)},
        )
        return None


def _salvage_into_fresh(path: Path, target: Path) -> None:
    """Copy what is still readable from the set-aside file into a fresh spool at `path`."""
    try:
        # the fresh file is the set-aside one's owner's, whoever runs this (`sidefile.py`)
        fd = open_side(path, os.O_RDWR, spool_path=target)
        if fd is not None:
            os.close(fd)
        prepare_path(path)
        fresh = connect(path)  # no write turn: the exclusive lock keeps everyone else out
        try:
            saved = salvage(target, fresh)
        finally:
            fresh.close()
    except Exception as exc:  # never worse than no salvage: the file is kept either way
        logger.error(
            "could not salvage the corrupt spool; it is kept for a manual salvage",
            extra={"moved_to": str(target), "error": str(exc)},
        )
        return
    lost = saved.calls_table != "read"
    logger.error(
        "salvaged calls from the corrupt spool into the fresh one"
        + (
            "; its calls table could not be read (all of it, or parts): calls may be lost "
            "that these counts do not show; salvage the set-aside file by hand "
            "('Runbooks' in docs/operations.md)"
            if lost
            else ""
        ),
        extra={
            "calls_table": saved.calls_table,
            "moved_to": str(target),
            "calls": saved.calls,
            "dead": saved.dead,
            "live": saved.live,
            "recordings": saved.recordings,
            "unreadable": saved.unreadable,
        },
    )


def _still_corrupt(path: Path) -> bool:
    if not path.exists():
        return False
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            conn.execute(sql.USER_VERSION).fetchone()
            conn.execute(COUNT_SCHEMA_OBJECTS).fetchone()
            (result,) = conn.execute(QUICK_CHECK).fetchone()
            return str(result) != "ok"
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return True


NOTE = "salvaged from a corrupt spool set aside at {}"
MAX_SKIP = 1 << 40


@dataclass
class Salvaged:
    calls: int = 0
    dead: int = 0
    live: int = 0
    recordings: int = 0
    unreadable: int = 0  # call rows whose body could not be read (or did not validate)
    # "read", or why (some of) the calls table could not be read: then rows may be lost
    # that no count above knows of (a zeroed schema page hides the whole table)
    calls_table: str = "read"


def _rows(
    conn: sqlite3.Connection, query: str, failures: list[str] | None = None
) -> Iterator[tuple[Any, ...]]:
    """Rows in rowid order, one at a time, jumping over ranges SQLite cannot read (each
    failure's text goes to `failures`)."""
    after, step = 0, 1
    while after < MAX_SKIP:
        try:
            row = conn.execute(query, {"after": after}).fetchone()
        except sqlite3.DatabaseError as exc:
            if failures is not None:
                failures.append(str(exc))
            after, step = after + step, step * 2
            continue
        if row is None:
            return
        yield row
        after, step = int(row[0]), 1


def salvage(moved: Path, fresh: sqlite3.Connection) -> Salvaged:
    """Copy what is readable in `moved` into the spool open on `fresh` (one transaction)."""
    result = Salvaged()
    now = time.time()
    note = NOTE.format(moved)
    src = sqlite3.connect(f"file:{moved}?mode=ro", uri=True)
    failures: list[str] = []
    try:
        with sql.transaction(fresh):
            for rowid, call_id, state, attempts, first, status, error in _rows(
                src, SALVAGE_NEXT_CALL, failures
            ):
                if state == "delivered":
                    continue
                try:
                    (body,) = src.execute(SALVAGE_BODY, {"rowid": rowid}).fetchone()
                    body = prepare(decode(bytes(body)))[1]  # only what would be accepted today
                except (sqlite3.DatabaseError, ValueError, TypeError):
                    result.unreadable += 1
                    continue
                dead = state == "dead"
                inserted = fresh.execute(
                    SALVAGE_INSERT_CALL,
                    {
                        "call_id": call_id,
                        "state": "dead" if dead else "pending",
                        "attempts": attempts if dead else 0,
                        "now": now,
                        "first": first,
                        "size": len(body),
                        "status": status if dead else None,
                        "error": error if dead else note,
                    },
                ).fetchone()
                if inserted is not None:
                    fresh.execute(SALVAGE_INSERT_BODY, {"rowid": inserted[0], "body": body})
                    result.dead += dead
                    result.calls += not dead
            if failures:
                result.calls_table = f"unreadable in parts ({failures[0]})"
            names = ("job_id", "call_id", "owner_host", "owner_pid", "owner_start", "started_at",
                     "updated_at", "turns", "header", "final")  # fmt: skip
            with contextlib.suppress(sqlite3.DatabaseError):  # a missing or lost table: skip it
                for row in _rows(src, SALVAGE_NEXT_LIVE):
                    fresh.execute(SALVAGE_INSERT_LIVE, dict(zip(names, row[1:], strict=True)))
                    result.live += 1
                for _, job_id, seq, turn in _rows(src, SALVAGE_NEXT_TURN):
                    fresh.execute(SALVAGE_INSERT_TURN, {"job_id": job_id, "seq": seq, "turn": turn})
            with contextlib.suppress(sqlite3.DatabaseError):  # a missing or lost table: skip it
                for _, call_id, fields, updated_at in _rows(src, SALVAGE_NEXT_ENRICHMENT):
                    fresh.execute(
                        SALVAGE_INSERT_ENRICHMENT,
                        {"call_id": call_id, "fields": fields, "updated_at": updated_at},
                    )
            with contextlib.suppress(sqlite3.DatabaseError):  # older spools have no such table
                result.recordings = _salvage_recordings(src, fresh, now)
    finally:
        src.close()
    return result


def _salvage_recordings(src: sqlite3.Connection, fresh: sqlite3.Connection, now: float) -> int:
    """Copy the `recordings` rows, columns by name (the set-aside file may be of another
    release); one still waiting starts its attempts over."""
    count = 0
    columns = [d[0] for d in src.execute(RECORDING_COLUMNS).description]
    wanted = {r[1] for r in fresh.execute(RECORDING_TABLE_INFO)}
    names = [c for c in columns if c in wanted]
    insert = SALVAGE_INSERT_RECORDING.format(
        columns=", ".join(names), values=", ".join(f":{c}" for c in names)
    )
    for row in _rows(src, SALVAGE_NEXT_RECORDING):
        values = dict(zip(columns, row[1:], strict=True))
        if values.get("state") == "pending":
            values.update(attempts=0, next_attempt_at=now)
        fresh.execute(insert, {c: values[c] for c in names})
        count += 1
    return count
