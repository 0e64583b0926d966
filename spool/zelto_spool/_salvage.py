"""Salvage: copy what SQLite can still read from a set-aside spool into the fresh one.

Runs right after `set_aside` renamed the damaged file, by the process that moved it, under the
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
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import _schema as sql
from ._payload import decode, prepare

__all__ = ["Salvaged", "salvage"]

NOTE = "salvaged from a corrupt spool set aside at {}"
MAX_SKIP = 1 << 40


@dataclass
class Salvaged:
    calls: int = 0
    dead: int = 0
    live: int = 0
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
                src, sql.SALVAGE_NEXT_CALL, failures
            ):
                if state == "delivered":
                    continue
                try:
                    (body,) = src.execute(sql.SALVAGE_BODY, {"rowid": rowid}).fetchone()
                    body = prepare(decode(bytes(body)))[1]  # only what would be accepted today
                except (sqlite3.DatabaseError, ValueError, TypeError):
                    result.unreadable += 1
                    continue
                dead = state == "dead"
                inserted = fresh.execute(
                    sql.SALVAGE_INSERT_CALL,
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
                    fresh.execute(sql.SALVAGE_INSERT_BODY, {"rowid": inserted[0], "body": body})
                    result.dead += dead
                    result.calls += not dead
            if failures:
                result.calls_table = f"unreadable in parts ({failures[0]})"
            names = ("job_id", "call_id", "owner_host", "owner_pid", "owner_start", "started_at",
                     "updated_at", "turns", "header", "final")  # fmt: skip
            with contextlib.suppress(sqlite3.DatabaseError):  # a missing or lost table: skip it
                for row in _rows(src, sql.SALVAGE_NEXT_LIVE):
                    fresh.execute(sql.SALVAGE_INSERT_LIVE, dict(zip(names, row[1:], strict=True)))
                    result.live += 1
                for _, job_id, seq, turn in _rows(src, sql.SALVAGE_NEXT_TURN):
                    fresh.execute(
                        sql.SALVAGE_INSERT_TURN, {"job_id": job_id, "seq": seq, "turn": turn}
                    )
            with contextlib.suppress(sqlite3.DatabaseError):  # a missing or lost table: skip it
                for _, call_id, fields, updated_at in _rows(src, sql.SALVAGE_NEXT_ENRICHMENT):
                    fresh.execute(
                        sql.SALVAGE_INSERT_ENRICHMENT,
                        {"call_id": call_id, "fields": fields, "updated_at": updated_at},
                    )
    finally:
        src.close()
    return result
