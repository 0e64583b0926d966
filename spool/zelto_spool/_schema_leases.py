"""The lease protocol's statements: claims, reclaims and the marks that record outcomes
(`_leases.py`).

One of the schema modules (`_schema*.py`, see `_schema.py`). The marks are the model: each
checks the lease token and `version = sent_version`, so an in-flight row is never clobbered
and a newer version is never swallowed; `RETURNING` reports the result.
"""

from __future__ import annotations

# --- claims and leases ----------------------------------------------------------------------

# due by the clock; or, once the wall clock was stepped back (`Store.clock_behind`), also a
# row written as due (`next_attempt_at <= updated_at`: a new version, a release, a delivered
# row's newer version), so the step does not hold it. A backoff still holds. Only then: the
# second test cannot use the index (10,000 rows in backoff: 6 ms a look instead of 0.01 ms)
_DUE = "next_attempt_at <= :now"
_DUE_STEPPED = "(next_attempt_at <= :now OR next_attempt_at <= updated_at)"

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

_CLAIM_DUE = (
    _CLAIM_SET
    + """
WHERE id IN (SELECT id FROM calls
             WHERE state = 'pending' AND {due}
             ORDER BY next_attempt_at, id LIMIT :limit)
RETURNING id, call_id, version, attempts
"""
)
CLAIM_DUE = _CLAIM_DUE.format(due=_DUE)
CLAIM_DUE_STEPPED = _CLAIM_DUE.format(due=_DUE_STEPPED)

# one call by its unique id: the wider test costs nothing here
CLAIM_ONE = (
    _CLAIM_SET
    + f"""
WHERE call_id = :call_id AND state = 'pending' AND {_DUE_STEPPED}
RETURNING id, call_id, version, attempts
"""
)

LOAD_BODY = "SELECT version, body FROM payloads WHERE call_rowid = :rowid"

FOREIGN_LEASE_OWNERS = """
SELECT DISTINCT lease_pid, lease_start FROM calls
WHERE state = 'inflight' AND lease_host = :host AND lease_token IS NOT NULL
"""

# a lease owner on this host that is alive and running (`:answering`, a JSON list of pids)
# ends its own lease by its monotonic clock: a wall clock running ahead must not expire it
_NOT_ANSWERING = """
NOT (lease_host IS :host AND lease_pid IN (SELECT value FROM json_each(:answering)))
"""

ANY_EXPIRED = f"""
SELECT 1 FROM calls WHERE state = 'inflight' AND lease_expires < :now AND {_NOT_ANSWERING}
LIMIT 1
"""

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

RECLAIM_EXPIRED = f"""
UPDATE calls SET
    state = 'pending',
    next_attempt_at = :now,
    updated_at = :now,
    last_error = 'lease expired: the sending process stopped answering; requeued',
    lease_token = NULL, lease_host = NULL, lease_pid = NULL, lease_start = NULL,
    lease_expires = NULL
WHERE state = 'inflight' AND lease_expires < :now AND {_NOT_ANSWERING}
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


# back to pending, the attempt not counted; `{next_attempt_at}` says where in the queue.
# A release without a status (interrupted, out of time: Zelto said nothing) keeps the row's
# earlier error, which names Zelto's last answer (HTTP 429 ...); its note fills an empty one
_RELEASE = f"""
UPDATE calls SET
    state = 'pending',
    attempts = max(attempts - 1, 0),
    next_attempt_at = {{next_attempt_at}},
    last_status = coalesce(:status, last_status),
    last_error = CASE WHEN :status IS NULL THEN coalesce(last_error, :error)
                      ELSE coalesce(:error, last_error) END,
    updated_at = :now,
    {_LEASE_CLEAR}
{_MINE}
RETURNING state
"""
# paused, cancelled or shut down before an answer: due again at once, in its place
RELEASE = _RELEASE.format(next_attempt_at="min(next_attempt_at, :now)")
# paused: behind every row already due, so the next probe tries another call
RELEASE_TO_BACK = _RELEASE.format(next_attempt_at=":now")
# cut off mid-send (shutdown, the job's budget): the request may still reach Zelto, so no
# version of the call goes out before that attempt's lease ends (`:not_before`)
RELEASE_IN_DOUBT = _RELEASE.format(next_attempt_at="max(:not_before, :now)")

# the statement of each kind of mark (`_leases.MarkKind`, by its value)
MARKS = {
    "delivered": MARK_DELIVERED,
    "retry": MARK_RETRY,
    "dead": MARK_DEAD,
    "release": RELEASE,
    "release_to_back": RELEASE_TO_BACK,
    "release_in_doubt": RELEASE_IN_DOUBT,
}
