"""A spool restored from a backup, or copied to another host, must not send what it held then.

Restore a copy taken while v1 of a call was pending, after v2 was delivered, and a drain
sends v1 over v2 at Zelto; a copy of a spool on a second host does the same with whatever
the first host delivers later. Neither is visible inside the database: a restored file is
a consistent spool, just an old one. So two facts are kept where a backup of the file does
not carry them back:

- the *home* (`meta`): the spool's random id, the machine id and the file's inode where it
  was written. Another machine id, or another inode (a copy is a new file), means the file
  is not the one that was written here;
- the *generation*: a counter in `meta`, bumped in every transaction that stores a version
  of a call, and written after each such commit to a side file next to the spool
  (`.<spool>.generation`, never inside a backup of the file itself, and named so that no
  glob for the journal files, `spool.db-*`, takes it along). The side file is only
  written after the database's fsynced commit, so it never runs ahead of the file it
  describes; a database behind its side file went back in time.

When a writer opens such a file (`check`, from `connect`), every unsent call is *held* (a
pending row due at `HELD_AT`, its `last_error` saying why) and the live snapshots are listed
for the reaper, which turns them into held calls at its next sweep whoever their owner was
(`hold_call`), all in one transaction; status, `/healthz` and the log say so. Nothing is
sent until the operator runs `zelto-spool release-restored` (`release`), or dead-letters
them (`--dead`). Every row there at that moment (delivered and dead ones too, its highest
rowid is kept in the record) is built on the restored past: a newer version of it (an
enrichment, a LiveKit webhook, `replay`) is held as well (`hold_derived`), until released.
Calls first spooled after that are sent as usual. The home and side file are then taken
over, so this happens once.

What this cannot see (docs/reliability.md): a restore that brings the side file back with
the database (a snapshot of the whole directory or volume), and a version that reached Zelto
without being spooled (a direct send when the spool could not be written).
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..errors import SpoolError
from ..logs import library_logger
from . import schema as sql
from .sidefile import NOFOLLOW, open_side

__all__ = [
    "HELD_AT",
    "check",
    "forget_jobs",
    "held_jobs",
    "held_live",
    "hold_call",
    "hold_derived",
    "mark_path",
    "release",
    "restored",
    "write_mark",
]

logger = library_logger(__name__)  # or the plugin's logger in a worker

HOME_META = "SELECT value FROM meta WHERE key = 'home'"

SET_HOME = """
INSERT INTO meta (key, value) VALUES ('home', :value)
ON CONFLICT (key) DO UPDATE SET value = excluded.value
"""

GENERATION = "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'"

SET_GENERATION = """
INSERT INTO meta (key, value) VALUES ('generation', :generation)
ON CONFLICT (key) DO UPDATE SET value = excluded.value
"""

RESTORED_META = "SELECT value FROM meta WHERE key = 'restored'"

SET_RESTORED = """
INSERT INTO meta (key, value) VALUES ('restored', :value)
ON CONFLICT (key) DO UPDATE SET value = excluded.value
"""

DROP_RESTORED = "DELETE FROM meta WHERE key = 'restored'"

# a held row is pending with its due time at `:held` (`home.HELD_AT`): no claim, no drain's
# make_due takes it; a newer version keeps it held (it is built on the restored one)
HOLD_UNSENT = """
UPDATE calls SET
    state = 'pending',
    next_attempt_at = :held,
    last_error = :why,
    updated_at = :now,
    lease_token = NULL, lease_host = NULL, lease_pid = NULL, lease_start = NULL,
    lease_expires = NULL
WHERE state IN ('pending', 'inflight')
RETURNING call_id
"""

HOLD_CALL = """
UPDATE calls SET next_attempt_at = :held, last_status = NULL, last_error = :why, updated_at = :now
WHERE call_id = :call_id AND state = 'pending'
"""

LIVE_JOBS = "SELECT job_id FROM live"

# what a writer's open would hold (HOLD_UNSENT's rows), counted without holding them
COUNT_UNSENT = "SELECT count(*) FROM calls WHERE state IN ('pending', 'inflight')"

ANY_CALL = "SELECT 1 FROM calls LIMIT 1"

MAX_CALL_ROWID = "SELECT max(id) FROM calls"

RELEASE_HELD = """
UPDATE calls SET next_attempt_at = :now, attempts = 0, last_error = NULL, updated_at = :now
WHERE state = 'pending' AND next_attempt_at >= :held
RETURNING call_id
"""

DEAD_HELD = """
UPDATE calls SET state = 'dead', next_attempt_at = :now, last_error = :why, updated_at = :now
WHERE state = 'pending' AND next_attempt_at >= :held
RETURNING call_id
"""

DEAD_HELD_ONE = """
UPDATE calls SET state = 'dead', next_attempt_at = :now, last_error = :why, updated_at = :now
WHERE state = 'pending' AND next_attempt_at >= :held AND call_id = :call_id
RETURNING call_id
"""

RELEASE_HELD_ONE = """
UPDATE calls SET next_attempt_at = :now, attempts = 0, last_error = NULL, updated_at = :now
WHERE state = 'pending' AND next_attempt_at >= :held AND call_id = :call_id
RETURNING call_id
"""


HELD_AT = 32503680000.0  # 3000-01-01 UTC: the due time of a held call
MARK_NAME = ".{name}.generation"  # no `spool.db-*` glob (the journal files) matches it
_OLD_MARK_SUFFIX = "-generation"  # 0.2.0 wrote it: still read
_MARK_FORMAT = "zelto-spool generation {id} {generation:020d}\n"  # fixed width
RELEASE_HINT = (
    "check them, then run `zelto-spool release-restored` to send them "
    "(see 'Backups and restores' in docs/operations.md)"
)
DISCARDED = "held after a restore, dead-lettered by the operator (replay queues it again)"
_MACHINE_ID_FILES = ("/etc/machine-id", "/var/lib/dbus/machine-id")


@dataclass(frozen=True)
class Home:
    id: str
    machine: str  # "" where the platform has no machine id (then only the inode counts)
    inode: int


def machine_id() -> str:
    """This machine's id (systemd's `/etc/machine-id`), or "" where there is none."""
    for name in _MACHINE_ID_FILES:
        try:
            with open(name, encoding="ascii", errors="replace") as fh:
                value = fh.read().strip()
        except OSError:
            continue
        if value:
            return value
    return ""


def mark_path(path: Path) -> Path:
    return path.with_name(MARK_NAME.format(name=path.name))


def read_mark(path: Path) -> tuple[str, int] | None:
    """(spool id, generation) from the side file (or, where it is missing, the one a
    development build wrote), or None when neither is there and readable."""
    for name in (mark_path(path), Path(f"{path}{_OLD_MARK_SUFFIX}")):
        try:
            fd = os.open(name, os.O_RDONLY | NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
            with open(fd, encoding="ascii") as fh:  # never read through a link (`sidefile.py`)
                _, _, spool_id, generation = fh.read(200).split()
            return spool_id, int(generation)
        except FileNotFoundError:
            continue
        except (OSError, ValueError):
            return None
    return None


def write_mark(path: Path, spool_id: str, generation: int) -> None:
    """Record the generation just committed (best effort: a missing side file only makes a
    later restore harder to see, never holds a call)."""
    try:  # never through a link, made as the spool's owner (`sidefile.py`)
        fd = open_side(mark_path(path), os.O_WRONLY, spool_path=path)
        if fd is None:
            raise PermissionError(f"cannot make {mark_path(path)}")
        try:  # one write of a fixed-width line over the last one, from offset 0
            os.write(fd, _MARK_FORMAT.format(id=spool_id, generation=generation).encode())
        finally:
            os.close(fd)
    except (OSError, SpoolError) as exc:
        logger.error(
            "could not write the spool's generation file: a later restore may go unseen",
            extra={"path": str(mark_path(path)), "error": str(exc)},
        )


def check(conn: sqlite3.Connection, path: Path) -> str:
    """At a writer's open: hold the unsent calls of a restored or copied spool; returns the
    spool's id (the side file names it at each commit)."""
    here = (machine_id(), os.stat(path).st_ino)
    home, generation, mark = _read(conn, path)
    if home is not None and _why(home, here, generation, mark, path, conn) is None:
        if mark is None or mark[1] < generation:
            write_mark(path, home.id, generation)  # catch the side file up
        return home.id
    with sql.transaction(conn):  # under the write lock: one process holds, the others see it
        home, generation, mark = _read(conn, path)
        why = _why(home, here, generation, mark, path, conn)
        if home is not None and why is None:
            return home.id
        spool_id = home.id if home is not None else uuid.uuid4().hex
        if why is not None:
            generation = max(generation, mark[1] if mark else 0) + 1
            _hold(conn, why)
        new_home = Home(spool_id, *here)
        conn.execute(SET_HOME, {"value": json.dumps(asdict(new_home))})
        conn.execute(SET_GENERATION, {"generation": generation})
    write_mark(path, spool_id, generation)
    return spool_id


def would_hold(conn: sqlite3.Connection, path: Path) -> tuple[str, int] | None:
    """Read-only (`status` on a spool no writer has opened since it was restored or copied):
    why a writer's open would hold its unsent calls, and how many it would hold; None when it
    would not. Nothing is written: the writer that opens it next does the holding."""
    home, generation, mark = _read(conn, path)
    why = _why(home, (machine_id(), os.stat(path).st_ino), generation, mark, path, conn)
    return None if why is None else (why, conn.execute(COUNT_UNSENT).fetchone()[0])


def _read(conn: sqlite3.Connection, path: Path) -> tuple[Home | None, int, tuple[str, int] | None]:
    row = conn.execute(HOME_META).fetchone()
    home = None if row is None else Home(**json.loads(row[0]))
    generation = conn.execute(GENERATION).fetchone()
    return home, 0 if generation is None else int(generation[0]), read_mark(path)


def _why(
    home: Home | None,
    here: tuple[str, int],
    generation: int,
    mark: tuple[str, int] | None,
    path: Path,
    conn: sqlite3.Connection,
) -> str | None:
    """Why this file is not the spool last written here, or None when it is (or is new)."""
    machine, inode = here
    if home is None:  # new here, or older than this check: only a side file can tell
        if mark is not None and conn.execute(ANY_CALL).fetchone() is not None:
            return (
                f"{mark_path(path).name} was written by a spool this file is not, and the file "
                "holds calls: restored from a backup older than this release?"
            )
        return None
    if home.machine and machine and home.machine != machine:
        return (
            f"the spool was written on another machine (machine id {home.machine[:8]}..., "
            f"this one {machine[:8]}...): copied to a second host?"
        )
    if home.inode != inode:
        return (
            f"the spool is not the file it was written to (inode {home.inode}, now {inode}): "
            "restored from a backup, or copied?"
        )
    if mark is not None and mark[0] != home.id:
        return f"{mark_path(path).name} belongs to another spool: restored from a backup?"
    if mark is not None and mark[1] > generation:
        return (
            f"the spool went back in time (generation {generation}, but "
            f"{mark_path(path).name} says {mark[1]} was reached): restored from a backup?"
        )
    return None


def _hold(conn: sqlite3.Connection, why: str) -> None:
    now = time.time()
    held = [r[0] for r in conn.execute(HOLD_UNSENT, {"held": HELD_AT, "why": why, "now": now})]
    jobs = [r[0] for r in conn.execute(LIVE_JOBS)]
    before = restored(conn)
    if before is not None:  # held before and not released yet: keep what that held too
        jobs = sorted(set(jobs) | set(before.get("live", [])))
    # every row there now is the restored past: versions built on it later are held too
    # (calls the operator released one by one are added to `released`; a new restore
    # starts that list again)
    (rows,) = conn.execute(MAX_CALL_ROWID).fetchone()
    record = {"reason": why, "at": now, "live": jobs, "rows": rows or 0, "released": []}
    conn.execute(SET_RESTORED, {"value": json.dumps(record)})
    logger.error(
        "restored or copied spool: unsent calls are held, not sent; " + RELEASE_HINT,
        extra={"reason": why, "held": len(held), "live": len(jobs)},
    )


def restored(conn: sqlite3.Connection) -> dict[str, Any] | None:
    """The record of the hold (reason, when, live jobs kept from the reaper), or None."""
    row = conn.execute(RESTORED_META).fetchone()
    return None if row is None else dict(json.loads(row[0]))


def held_jobs(conn: sqlite3.Connection) -> set[str]:
    """Live snapshots the reaper leaves alone until the operator releases them."""
    record = restored(conn)
    return set() if record is None else {str(j) for j in record.get("live", [])}


def held_live(conn: sqlite3.Connection) -> int:
    """How many held snapshots are still live (the reaper turns each into a held call)."""
    jobs = held_jobs(conn)
    return len(jobs & {str(r[0]) for r in conn.execute(LIVE_JOBS)}) if jobs else 0


def hold_derived(conn: sqlite3.Connection, rowid: int, call_id: str, now: float) -> bool:
    """Inside a write transaction: a version just queued on row `rowid` (a new version, a
    replay) stays held when the row was there when the restore was seen and the operator
    has not released that call; returns whether it is held."""
    record = restored(conn)
    if record is None or rowid > int(record.get("rows", 0)):
        return False  # no hold, or a call first spooled after the restore
    if call_id in record.get("released", ()):
        return False
    hold_call(conn, call_id, now)
    return True


def hold_call(conn: sqlite3.Connection, call_id: str, now: float) -> None:
    """Inside a write transaction: the call just reaped from a held snapshot stays held."""
    record = restored(conn) or {}
    why = str(record.get("reason", "restored or copied spool"))
    conn.execute(HOLD_CALL, {"held": HELD_AT, "why": why, "now": now, "call_id": call_id})


def forget_jobs(conn: sqlite3.Connection, jobs: list[str]) -> None:
    """Inside a write transaction: these held snapshots are held calls now."""
    record = restored(conn)
    if record is not None:
        record["live"] = sorted(set(record.get("live", [])) - set(jobs))
        conn.execute(SET_RESTORED, {"value": json.dumps(record)})


def release(
    conn: sqlite3.Connection, now: float, call_ids: list[str] | None, *, dead: bool = False
) -> list[str]:
    """Inside a write transaction: make held calls due now, or with `dead` dead-letter them
    (`replay` can queue them again); without `call_ids` every one, and the hold ends (live
    snapshots not reaped into held calls yet go back to the reaper). Returns the call ids."""
    params = {"now": now, "held": HELD_AT, "why": DISCARDED}
    if call_ids is None:
        every = DEAD_HELD if dead else RELEASE_HELD
        done = [r[0] for r in conn.execute(every, params)]
        conn.execute(DROP_RESTORED)
        return done
    one = DEAD_HELD_ONE if dead else RELEASE_HELD_ONE
    done = [r[0] for c in call_ids for r in conn.execute(one, {**params, "call_id": c})]
    record = restored(conn)
    if record is not None and done and not dead:  # checked: its later versions go out too
        record["released"] = sorted(set(record.get("released", [])) | set(done))
        conn.execute(SET_RESTORED, {"value": json.dumps(record)})
    return done
