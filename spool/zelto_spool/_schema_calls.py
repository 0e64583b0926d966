"""The statements of the delivery queue: the write path, enrichments, the pause, the operator's
commands and the read side (`_spool.py`, `_upkeep.py`, `_query.py`).

One of the schema modules (`_schema*.py`, see `_schema.py`): each statement a named constant
with `:name` parameters (the read side's WHERE clauses for sqlite-utils take `?`).
"""

from __future__ import annotations

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

# --- enrichments and LiveKit webhooks ------------------------------------------------------

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

# --- spool-wide pause -----------------------------------------------------------------------

GET_META = "SELECT value FROM meta WHERE key = :key"
SET_META = """
INSERT INTO meta (key, value) VALUES (:key, :value)
ON CONFLICT (key) DO UPDATE SET value = excluded.value
"""
DELETE_META = "DELETE FROM meta WHERE key = :key"

# --- operator commands ----------------------------------------------------------------------

# not the calls held in a restored or copied spool (due at `_home.HELD_AT`); the attempt
# count is kept (it counts every attempt, whichever process made it): `drain` restarts the
# backoff in memory (`Recorder.restart_backoff`)
MAKE_DUE = """
UPDATE calls SET next_attempt_at = :now
WHERE state = 'pending' AND next_attempt_at > :now AND next_attempt_at < :held
"""

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
# with the wall clock stepped back (`Store.clock_behind`): a row written as due is due now
NEXT_DUE_STEPPED = """
SELECT min(CASE WHEN next_attempt_at <= updated_at THEN min(next_attempt_at, :now)
                ELSE next_attempt_at END)
FROM calls WHERE state = 'pending' AND next_attempt_at < :held
"""
NEWEST_PENDING_WRITE = "SELECT max(updated_at) FROM calls WHERE state = 'pending'"
COUNT_HELD = "SELECT count(*) FROM calls WHERE state = 'pending' AND next_attempt_at >= :held"
IS_HELD = """
SELECT 1 FROM calls WHERE call_id = :call_id AND state = 'pending' AND next_attempt_at >= :held
"""

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
    -- a call held since a restore stays held (`_home.py`): only release-restored sends it
    next_attempt_at = CASE WHEN state = 'pending' AND next_attempt_at >= :held
                           THEN next_attempt_at ELSE :now END,
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


# --- the read side: `list`, `show`, `replay` (`_query.py`, WHERE clauses for sqlite-utils) --

ROWS_ORDER = "updated_at DESC, id DESC"
WHERE_STATE = "state = ?"
WHERE_FINISHED = "state IN ('delivered', 'dead')"
WHERE_CHANGED_AFTER = "updated_at >= ?"
WHERE_NO_PAYLOAD = "NOT EXISTS (SELECT 1 FROM payloads WHERE call_rowid = calls.id)"
# `marks`: one `?` per call id, never the ids themselves
WHERE_CALL_IDS = "call_id IN ({marks})"
