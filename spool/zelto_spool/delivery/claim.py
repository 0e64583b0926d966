"""The lease protocol: how a sender takes rows of a spool and records what became of them.

Not on the user-facing `Spool`: the `Flusher` (and through it the plugin's deliver-now path)
builds `Leases(spool)` over the same file and connection. The protocol (its statements are
below, beside the code that runs them; the tables are in `store/schema.py`, the owners'
liveness in `store/locks.py`):

- `claim`: pending and due rows become inflight under a lease (a token, the owner's host
  identity, pid and start time, an expiry); the `Claim` carries the exact body of the version
  sent. Past `expires` another process may send a newer version, so an attempt must not start
  or go on.
- `apply` a `Mark` per outcome (`delivered`, `retry`, `dead`, `release`): each checks the lease
  token and `version = sent_version`, so a reclaimed row is never clobbered by its old owner
  and a version that arrived during the send is queued again, never swallowed. `None`: the
  lease was lost.
- `reclaim`: rows of dead owners on this host go back to pending at once, others at expiry.
- `pause` / `resume`: the spool-wide pause a sender sets on a 401/403/404 about the key or a
  missing key (`Spool.pause_state` reads it).
"""

from __future__ import annotations

import enum
import json
import math
import sqlite3
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..store import locks
from ..store.live import delete_live
from ..store.schema import transaction

if TYPE_CHECKING:
    from ..store.calls import Enqueued
    from ..store.spool import Spool

__all__ = ["Claim", "Leases", "Mark", "MarkKind"]

# retention 0: a delivered version's payload goes in the transaction that marks it, unless
# the call's recording waits for its upload (that version is built on this payload)
DROP_DELIVERED_PAYLOAD = """
DELETE FROM payloads WHERE call_rowid = :rowid
    AND (SELECT call_id FROM calls WHERE id = :rowid) NOT IN (
        SELECT call_id FROM recordings WHERE state IN ('recording', 'pending'))
"""

SET_META = """
INSERT INTO meta (key, value) VALUES (:key, :value)
ON CONFLICT (key) DO UPDATE SET value = excluded.value
"""

DELETE_META = "DELETE FROM meta WHERE key = :key"


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

# every statement that ends a lease clears all of it
_LEASE_CLEAR = """
    lease_token = NULL, lease_host = NULL, lease_pid = NULL, lease_start = NULL,
    lease_expires = NULL
"""

RECLAIM_DEAD_OWNER = f"""
UPDATE calls SET
    state = 'pending',
    next_attempt_at = :now,
    updated_at = :now,
    last_error = :error,
    {_LEASE_CLEAR}
WHERE state = 'inflight' AND lease_host = :host AND lease_pid = :pid AND lease_start IS :start
RETURNING call_id
"""

RECLAIM_EXPIRED = f"""
UPDATE calls SET
    state = 'pending',
    next_attempt_at = :now,
    updated_at = :now,
    last_error = 'lease expired: the sending process stopped answering; requeued',
    {_LEASE_CLEAR}
WHERE state = 'inflight' AND lease_expires < :now AND {_NOT_ANSWERING}
RETURNING call_id
"""

# --- outcomes: every mark checks the lease, so a reclaimed row is never clobbered -----------

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

# the statement of each kind of mark (`claim.MarkKind`, by its value)
MARKS = {
    "delivered": MARK_DELIVERED,
    "retry": MARK_RETRY,
    "dead": MARK_DEAD,
    "release": RELEASE,
    "release_to_back": RELEASE_TO_BACK,
    "release_in_doubt": RELEASE_IN_DOUBT,
}


@dataclass(frozen=True)
class Claim:
    """A row leased for sending: the exact body of `version`, the lease token, and when the
    lease ends: `expires` in wall-clock seconds (what other processes judge by, and when an
    attempt in doubt lets the next version go), `deadline` on the spool's monotonic clock
    (what this process judges by, immune to wall-clock steps). Past it another process may
    send a newer version, so this attempt must not start or go on."""

    rowid: int
    call_id: str
    version: int
    attempts: int
    body: bytes
    token: str
    expires: float = math.inf
    deadline: float = math.inf


class MarkKind(enum.Enum):
    """What a mark records; each kind has its statement in `claim.MARKS`."""

    DELIVERED = "delivered"
    RETRY = "retry"  # pending again, attempt counted, due at `next_attempt_at`
    DEAD = "dead"
    RELEASE = "release"  # pending again, attempt not counted
    RELEASE_TO_BACK = "release_to_back"  # as RELEASE, behind every row already due
    RELEASE_IN_DOUBT = "release_in_doubt"  # as RELEASE, not due before `not_before`


@dataclass(frozen=True)
class Mark:
    """An outcome to record for a claimed row (see `Leases.apply`)."""

    claim: Claim
    kind: MarkKind
    values: dict[str, Any]

    @classmethod
    def delivered(cls, claim: Claim, *, status: int) -> Mark:
        return cls(claim, MarkKind.DELIVERED, {"status": status})

    @classmethod
    def retry(cls, claim: Claim, *, next_attempt_at: float, status: int | None, error: str) -> Mark:
        values = {"next_attempt_at": next_attempt_at, "status": status, "error": error}
        return cls(claim, MarkKind.RETRY, values)

    @classmethod
    def dead(cls, claim: Claim, *, status: int, error: str) -> Mark:
        return cls(claim, MarkKind.DEAD, {"status": status, "error": error})

    @classmethod
    def release(
        cls,
        claim: Claim,
        *,
        status: int | None = None,
        error: str | None = None,
        to_back: bool = False,
        in_doubt: bool = False,
    ) -> Mark:
        """Back to pending; `to_back`: due now but behind every row already due; `in_doubt`:
        the attempt was cut off after it may have sent the request, so the call is not due
        before the claim's lease ends (a newer version must not overtake this one at Zelto)."""
        values = {"status": status, "error": error}
        if in_doubt and math.isfinite(claim.expires):
            return cls(claim, MarkKind.RELEASE_IN_DOUBT, {**values, "not_before": claim.expires})
        kind = MarkKind.RELEASE_TO_BACK if to_back else MarkKind.RELEASE
        return cls(claim, kind, values)


class Leases:
    """The lease protocol over one spool's file (the sender's side; see the module doc).

    Args:
        spool: the spool whose rows are leased; its file, connection and clock are shared.
    """

    def __init__(self, spool: Spool) -> None:
        self.spool = spool
        self._store = spool.store

    def __repr__(self) -> str:
        return f"Leases({self.spool!r})"

    # --- claims ---------------------------------------------------------------------------

    def claim(self, limit: int, *, lease_s: float, call_id: str | None = None) -> list[Claim]:
        """Lease up to `limit` due pending rows (or the one `call_id`, due or not)."""
        _check_lease(lease_s)
        if limit <= 0:
            return []

        def take(conn: sqlite3.Connection) -> list[Claim]:
            with transaction(conn):
                return self.claim_in(conn, limit, lease_s=lease_s, call_id=call_id)

        return self._store.db.run(take, call_id=call_id, fsync=False)

    def claim_in(
        self,
        conn: sqlite3.Connection,
        limit: int,
        *,
        lease_s: float,
        call_id: str | None,
        stored: Enqueued | None = None,
        body: bytes = b"",
    ) -> list[Claim]:
        """Inside a write transaction: the claim step (for a write that also claims).

        `stored` (with its `body`): the version this transaction has just written, claimed
        with the bytes in hand instead of reading them back."""
        owner = locks.current_owner()
        # the lease starts once the lock is held: time spent waiting for it is not lease
        now = self._store.clock()
        expires = now + lease_s
        deadline = self._store.monotonic() + lease_s
        params: dict[str, Any] = {
            "token": uuid.uuid4().hex,
            "host": owner.host,
            "pid": owner.pid,
            "start": owner.start,
            "limit": limit,
            "call_id": call_id,
            "now": now,
            "expires": expires,
        }
        if call_id is not None:
            statement = CLAIM_ONE
        elif self._store.clock_behind(conn, now):
            statement = CLAIM_DUE_STEPPED
        else:
            statement = CLAIM_DUE
        claims = []
        for rowid, cid, claimed_version, attempts in conn.execute(statement, params).fetchall():
            if stored is None:
                version, loaded = conn.execute(LOAD_BODY, {"rowid": rowid}).fetchone()
                row_body = bytes(loaded)
            else:
                version, row_body = stored.version, body
                assert claimed_version == version  # the transaction holds the write lock
            claims.append(
                Claim(rowid, cid, version, attempts, row_body, params["token"], expires, deadline)
            )
        return claims

    def enqueue_claimed(
        self, call_id: str, body: bytes, *, lease_s: float, ends_live: str | None = None
    ) -> tuple[Enqueued, Claim | None]:
        """`Spool.enqueue_encoded`, and a lease on the version just stored, in one transaction
        (one fsynced commit): the claim holds the bytes as stored, to send without reading
        them back. The claim is None when another process is sending the call or it waits out
        a backoff (the new version then goes with that sender's next attempt)."""
        _check_lease(lease_s)
        now = self._store.clock()

        def write(conn: sqlite3.Connection) -> tuple[Enqueued, Claim | None]:
            with transaction(conn):
                queued, stored = self._store.store_version(conn, call_id, body, now)
                if ends_live is not None:
                    delete_live(conn, ends_live)
                claims = self.claim_in(
                    conn, 1, lease_s=lease_s, call_id=call_id, stored=queued, body=stored
                )
                return queued, claims[0] if claims else None

        return self._store.db.run(write, call_id=call_id)

    def reclaim(self) -> list[str]:
        """Return rows of dead or expired lease owners to pending; returns their call ids."""
        now = self._store.clock()

        def sweep(conn: sqlite3.Connection) -> list[str]:
            me = locks.current_owner()
            owners = conn.execute(FOREIGN_LEASE_OWNERS, {"host": me.host}).fetchall()
            dead = [
                (pid, start)
                for pid, start in owners
                if (pid, start) != (me.pid, me.start)
                and locks.is_alive(me.host, pid, start or 0) is False
            ]
            # owners here that are alive and running end their own leases (monotonic time)
            answering = [me.pid] + [
                pid
                for pid, start in owners
                if pid != me.pid and locks.answering(me.host, pid, start or 0)
            ]
            expiry = {"now": now, "host": me.host, "answering": json.dumps(answering)}
            freed: list[str] = []
            if not dead and not conn.execute(ANY_EXPIRED, expiry).fetchone():
                return freed
            with transaction(conn):
                for pid, start in dead:
                    params = {"now": now, "host": me.host, "pid": pid, "start": start}
                    params["error"] = f"sending process {pid} died before an answer; requeued"
                    freed += [r[0] for r in conn.execute(RECLAIM_DEAD_OWNER, params)]
                freed += [r[0] for r in conn.execute(RECLAIM_EXPIRED, expiry)]
            return freed

        return self._store.db.run(sweep)

    # --- outcomes ---------------------------------------------------------------------------

    def mark_delivered(self, claim: Claim, *, status: int) -> str | None:
        """Delivered, unless a newer version arrived meanwhile (then pending). None: lease lost."""
        return self.apply([Mark.delivered(claim, status=status)])[0]

    def mark_retry(
        self, claim: Claim, *, next_attempt_at: float, status: int | None, error: str
    ) -> str | None:
        mark = Mark.retry(claim, next_attempt_at=next_attempt_at, status=status, error=error)
        return self.apply([mark])[0]

    def mark_dead(self, claim: Claim, *, status: int, error: str) -> str | None:
        return self.apply([Mark.dead(claim, status=status, error=error)])[0]

    def release(
        self,
        claim: Claim,
        *,
        status: int | None = None,
        error: str | None = None,
        in_doubt: bool = False,
    ) -> str | None:
        """Back to pending without counting the attempt (pause, shutdown, cancellation);
        `in_doubt`: not due before the lease ends (see `Mark.release`)."""
        mark = Mark.release(claim, status=status, error=error, in_doubt=in_doubt)
        return self.apply([mark])[0]

    def apply(self, marks: list[Mark]) -> list[str | None]:
        """Record outcomes in one transaction; each row's new state, or None: lease lost."""
        now = self._store.clock()
        drop_delivered = self._store.retention_s <= 0

        def update(conn: sqlite3.Connection) -> list[str | None]:
            with transaction(conn):
                states: list[str | None] = []
                for mark in marks:
                    params = {"rowid": mark.claim.rowid, "token": mark.claim.token, "now": now}
                    params.update({"error": None, **mark.values})
                    statement = MARKS[mark.kind.value]
                    row = conn.execute(statement, params).fetchone()
                    states.append(None if row is None else str(row[0]))
                    if drop_delivered and states[-1] == "delivered":  # retention 0
                        conn.execute(DROP_DELIVERED_PAYLOAD, {"rowid": mark.claim.rowid})
            return states

        if not marks:
            return []
        return self._store.db.run(update, call_id=marks[0].claim.call_id, fsync=False)

    # --- the spool-wide pause (401/403/404, missing key) -------------------------------------

    def pause(self, reason: str, *, status: int | None, probe_at: float) -> None:
        """Pause sending for the whole spool until `probe_at` (kept `since` when paused)."""
        now = self._store.clock()
        current = self.spool.pause_state()
        since = current.since if current is not None else now
        value = json.dumps(
            {"reason": reason, "status": status, "since": since, "probe_at": probe_at}
        )
        params = {"key": "pause", "value": value}
        self._store.db.run(lambda conn: conn.execute(SET_META, params))

    def resume(self) -> bool:
        """Clear the pause; True when there was one."""
        params = {"key": "pause"}
        return bool(self._store.db.run(lambda conn: conn.execute(DELETE_META, params).rowcount))


def _check_lease(lease_s: float) -> None:
    if not math.isfinite(lease_s) or lease_s <= 0:
        raise ValueError(f"lease_s must be a positive number, got {lease_s}")
