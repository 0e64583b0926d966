"""The statements of live snapshots, calls in progress (`_live.py`).

One of the schema modules (`_schema*.py`, see `_schema.py`).
"""

from __future__ import annotations

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
