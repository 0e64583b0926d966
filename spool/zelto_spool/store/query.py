"""Read-side queries for `list`, `show`, `replay` and export, through sqlite-utils.

Imported lazily: sqlite-utils costs ~0.2 s to import, and the write path never needs it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from ..errors import ConfigError
from .schema import STATES

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
