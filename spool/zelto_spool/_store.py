"""What the parts of one spool share: the file's connector, the clock, the settings, and the
steps every writer of a call's version takes (`insert_version`, `record_enrichment`).

A `Spool` is built from parts that each own their own state and hold the same `Store`:
`Spool` itself (the user-facing queue), `LiveCalls` (calls in progress, `spool.live`),
`Upkeep` (replay, retention, the disk cap) and `Leases` (the sender's lease protocol, built
from a spool by the `Flusher`). One store is one connection per process to one file, however
many parts use it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import _schema_calls as sql
from ._connect import note_generation
from ._db import Connector
from ._exceptions import PayloadTooLargeError
from ._logroute import library_logger
from ._payload import combine_enrichments, decode, merge_enrichment, prepare
from ._schema import BUMP_GENERATION

__all__ = ["Enqueued", "Store"]

logger = library_logger()  # zelto_spool, or the plugin's logger in a worker


@dataclass(frozen=True)
class Enqueued:
    """A version of a call that is now spooled: its id, version number and encoded size."""

    call_id: str
    version: int
    size: int


@dataclass(frozen=True, kw_only=True)
class Store:
    """One spool file as its parts share it.

    Args:
        path: the spool file, resolved.
        db: the per-process connection to it.
        clock: wall-clock seconds every part stamps its rows with.
        retention_s: how long a delivered call's payload is kept (0: dropped at delivery).
        max_bytes: the disk cap.
        max_payload_bytes: per-call size limit of the encoded payload.
    """

    path: Path
    db: Connector
    clock: Callable[[], float]
    retention_s: float
    max_bytes: int
    max_payload_bytes: int

    def enriched(self, body: bytes, fields: Mapping[str, Any]) -> bytes:
        """`body` with recorded enrichment `fields` merged in, validated and encoded again."""
        merged = merge_enrichment(decode(body), fields)
        return prepare(merged, max_bytes=self.max_payload_bytes)[1]

    def insert_version(
        self, conn: sqlite3.Connection, call_id: str, body: bytes, now: float
    ) -> Enqueued:
        """Inside a write transaction: merge recorded enrichments, store a new version."""
        return self.store_version(conn, call_id, body, now)[0]

    def store_version(
        self, conn: sqlite3.Connection, call_id: str, body: bytes, now: float
    ) -> tuple[Enqueued, bytes]:
        """`insert_version`, and the body as stored (enrichments merged)."""
        stored = conn.execute(sql.GET_ENRICHMENT, {"call_id": call_id}).fetchone()
        if stored is not None:
            try:
                body = self.enriched(body, json.loads(stored[0]))
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
        generation = conn.execute(BUMP_GENERATION).fetchone()  # a restore is seen (_home.py)
        if generation is not None:
            note_generation(conn, int(generation[0]))
        return Enqueued(call_id, version, len(body)), body

    def record_enrichment(
        self, conn: sqlite3.Connection, call_id: str, fields: Mapping[str, Any], now: float
    ) -> Enqueued | None:
        """Inside a write transaction: record the fields, queue a version if they change it."""
        stored = conn.execute(sql.GET_ENRICHMENT, {"call_id": call_id}).fetchone()
        combined = combine_enrichments(json.loads(stored[0]) if stored else {}, fields)
        params = {"call_id": call_id, "fields": json.dumps(combined), "now": now}
        conn.execute(sql.SET_ENRICHMENT, params)
        latest = conn.execute(sql.LATEST_BODY, {"call_id": call_id}).fetchone()
        merged = None if latest is None else self.enriched(bytes(latest[0]), combined)
        if merged is None or merged == bytes(latest[0]):
            return None  # not spooled yet, or nothing changes: no new version
        return self.insert_version(conn, call_id, merged, now)
