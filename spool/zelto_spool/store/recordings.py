"""Call recordings handed to the spool: the file beside it, the row that says it waits.

A job process that recorded its call (`session.start(record=True)`) hands the OGG over before it
exits (`Recordings.hand_off`): the file is hard-linked (same filesystem) or copied into
`recordings/` beside the spool file, fsynced with its directory, mode 0600, and a row of the
`recordings` table says that call X has a file waiting. The call's transcript is spooled and
sent as usual, never waiting for it. The sidecar or `drain` uploads the file
(`delivery/upload.py`); `uploaded` records the object's key and URL, fills `call.recordingUrl`
and queues a new version of the call in the same transaction, and only then is the local file
deleted. A crash between the commit and the delete leaves a file `sweep` deletes later.

`sweep` (the sidecar's hourly upkeep, and `drain`) removes every file no `pending` row names
once it is `LEFTOVER_GRACE_S` old (`store/recording_files.py`), logging each with its call id;
`leftovers` counts them for `status`. No delete can take the file of a hand-off under way,
however long that takes: every file under `recordings/` is deleted under the spool's write turn
and only while no pending row names it (`sweep`, `_drop`), and `hand_off` checks that its
placed file is still there under the same turn, in the transaction that inserts its row,
placing it again when a delete took it. Once that row commits, a pending row names the file.

The files count toward the disk cap (`Spool.size_bytes` with them): a hand-off that would put
the spool over its cap is refused, and the file stays where LiveKit wrote it (logged).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import SpoolWriteError
from ..logs import library_logger
from ..payload import decode, external_id
from . import locks
from .calls import LATEST_BODY, Enqueued, Store
from .recording_files import (
    LEFTOVER_GRACE_S,
    Leftover,
    call_tag,
    digest,
    fsync_dir,
    leftovers,
    place,
)
from .schema import transaction

__all__ = ["LEFTOVER_GRACE_S", "RECORDINGS_DIR", "Recording", "Recordings", "Uploaded"]

RECORDINGS_DIR = "recordings"

HAND_OFF = """
INSERT INTO recordings (call_id, file, sha256, size, state, attempts, next_attempt_at,
                        created_at, updated_at)
VALUES (:call_id, :file, :sha256, :size, 'pending', 0, :now, :now, :now)
ON CONFLICT (call_id) DO UPDATE SET
    file = excluded.file, sha256 = excluded.sha256, size = excluded.size, state = 'pending',
    attempts = 0, next_attempt_at = excluded.next_attempt_at, updated_at = excluded.updated_at,
    last_error = NULL, object_key = NULL, url = NULL, source = NULL, owner_host = NULL,
    owner_pid = NULL, owner_start = NULL
"""

# a job process that records: where LiveKit writes, and who writes it (`adopt_orphans`)
REGISTER = """
INSERT INTO recordings (call_id, file, sha256, size, state, next_attempt_at, created_at,
                        updated_at, source, owner_host, owner_pid, owner_start)
VALUES (:call_id, '', '', 0, 'recording', :now, :now, :now, :source, :host, :pid, :start)
ON CONFLICT (call_id) DO UPDATE SET
    state = 'recording', file = '', sha256 = '', size = 0, attempts = 0, last_error = NULL,
    object_key = NULL, url = NULL, updated_at = excluded.updated_at, source = excluded.source,
    owner_host = excluded.owner_host, owner_pid = excluded.owner_pid,
    owner_start = excluded.owner_start
WHERE recordings.state != 'pending'
"""

RECORDING_NOW = """
SELECT call_id, source, owner_host, owner_pid, owner_start, updated_at FROM recordings
WHERE state = 'recording'
"""

DROP_REGISTERED = "DELETE FROM recordings WHERE call_id = :call_id AND state = 'recording'"

MARK_REGISTERED_MISSING = """
UPDATE recordings SET state = 'missing', last_error = :error, updated_at = :now
WHERE call_id = :call_id AND state = 'recording'
"""

PREVIOUS_FILE = "SELECT file FROM recordings WHERE call_id = :call_id"

DUE_RECORDINGS = """
SELECT call_id, file, sha256, size, attempts FROM recordings
WHERE state = 'pending' AND next_attempt_at <= :now
ORDER BY next_attempt_at LIMIT :limit
"""

NEXT_RECORDING_DUE = "SELECT min(next_attempt_at) FROM recordings WHERE state = 'pending'"

MARK_UPLOADED = """
UPDATE recordings SET state = 'uploaded', object_key = :key, url = :url, last_error = NULL,
    updated_at = :now
WHERE call_id = :call_id AND sha256 = :sha256 AND state = 'pending'
"""

# a job that said a recording follows, and then had none to hand over
FORGET_REGISTERED = "DELETE FROM recordings WHERE call_id = :call_id AND state = 'recording'"

# uploaded, but the call's payload was gone (an older release's purge): the URL has no version
URL_UNSENT = """
UPDATE recordings SET last_error = :error WHERE call_id = :call_id AND sha256 = :sha256
"""

MARK_RETRY = """
UPDATE recordings SET attempts = attempts + 1, next_attempt_at = :next_at, last_error = :error,
    updated_at = :now
WHERE call_id = :call_id AND sha256 = :sha256 AND state = 'pending'
"""

MARK_MISSING = """
UPDATE recordings SET state = 'missing', last_error = :error, updated_at = :now
WHERE call_id = :call_id AND sha256 = :sha256 AND state = 'pending'
"""

MAKE_RECORDINGS_DUE = """
UPDATE recordings SET next_attempt_at = :now WHERE state = 'pending' AND next_attempt_at > :now
"""

RECORDING_FILES = "SELECT call_id, file, state FROM recordings"

WAITS_FOR_FILE = "SELECT 1 FROM recordings WHERE file = :file AND state = 'pending'"

# the call ids a leftover file's tag may belong to (`recording_files.call_tag`)
KNOWN_CALLS = "SELECT call_id FROM calls UNION SELECT call_id FROM live"

# an uploaded recording's row (its URL is in the call's versions) is kept as long as a
# delivered call's row at least, then goes
FORGET_UPLOADED = "DELETE FROM recordings WHERE state = 'uploaded' AND updated_at < :before"

COUNT_RECORDINGS = "SELECT state, count(*) FROM recordings GROUP BY state"

# the recording waiting longest for its upload, and why its last try failed (status, healthz)
OLDEST_WAITING = """
SELECT call_id, created_at, attempts, last_error FROM recordings WHERE state = 'pending'
ORDER BY created_at LIMIT 1
"""

# an older spool read by inspection (never migrated) has no such table
HAS_RECORDINGS = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'recordings'"

GET_RECORDING = """
SELECT call_id, file, sha256, size, state, attempts, next_attempt_at, last_error, object_key, url
FROM recordings WHERE call_id = :call_id
"""

UPLOADED_KEEP_S = 7 * 24 * 3600.0

logger = library_logger(__name__)


@dataclass(frozen=True)
class Recording:
    """A recording waiting to be uploaded: its call, file (under `recordings/`), content."""

    call_id: str
    file: str
    sha256: str
    size: int
    attempts: int


@dataclass(frozen=True)
class Uploaded:
    """What `Recordings.uploaded` did: the version queued with the URL, if any, and `unsent`,
    why no version carries it, when none can (the call's payload is gone)."""

    queued: Enqueued | None
    unsent: str | None = None


class Recordings:
    """The `recordings` table and the files under `recordings/` of a spool (`spool.recordings`)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def directory(self) -> Path:
        return self.store.path.parent / RECORDINGS_DIR

    # --- the job process's side ---------------------------------------------------------

    def hand_off(self, call_id: str, source: str | Path, *, spool_bytes: int) -> Recording:
        """Take `source` (the OGG LiveKit wrote) into the spool for call `call_id`: linked or
        copied, fsynced, 0600, recorded; durable when this returns. `source` is left as it is.

        `spool_bytes`: the spool's size now (its file, `-wal`, `-shm`); with the recordings
        already waiting and this one it must stay within the cap, else `SpoolWriteError`
        (nothing changed). Raises `OSError` when `source` cannot be read.
        """
        call_id = external_id(call_id)
        source = Path(source)
        sha256, size = digest(source)
        waiting = self.waiting_bytes()
        if spool_bytes + waiting + size > self.store.max_bytes:
            raise SpoolWriteError(
                f"recording of call {call_id!r} ({size} bytes) not taken: the spool would go "
                f"over its cap ({spool_bytes + waiting} of {self.store.max_bytes} bytes used); "
                f"it stays at {source}"
            )
        name = f"{call_tag(call_id)}-{sha256[:32]}"
        name += source.suffix.lower() if source.suffix else ".ogg"
        target = self.directory / name
        params = {"call_id": call_id, "file": name, "sha256": sha256, "size": size}

        def write(conn: sqlite3.Connection) -> tuple[bool, str | None]:
            with transaction(conn):  # the write turn: no sweep deletes until this commits
                if not target.is_file():
                    return False, None  # a sweep took it for a leftover: place it again
                row = conn.execute(PREVIOUS_FILE, params).fetchone()
                conn.execute(HAND_OFF, {**params, "now": self.store.clock()})
            return True, None if row is None else str(row[0])

        for attempt in range(3):
            try:
                self._place(source, name, sha256)
            except FileNotFoundError:  # its `.part` taken by a sweep (a copy stalled past
                if attempt == 2:  # the grace): again, unless the source is what is gone
                    raise
                continue
            done, previous = self.store.db.run(write, call_id=call_id)
            if done:
                break
        else:
            raise SpoolWriteError(
                f"recording of call {call_id!r} not taken: its file in {self.directory} was "
                f"removed three times before its row was written; it stays at {source}"
            )
        if previous and previous != name:  # a newer recording of the same call replaced it
            self._drop(previous)
        logger.info("recording handed to the spool", extra={"call_id": call_id, "bytes": size})
        return Recording(call_id, name, sha256, size, 0)

    def _place(self, source: Path, name: str, sha256: str) -> None:
        place(self.directory, source, name, sha256)

    def register(self, call_id: str, source: str | Path) -> None:
        """A job process that records the call to `source`: should it die before `hand_off`
        (killed mid-call), `adopt_orphans` takes what LiveKit wrote so far from there."""
        me = locks.current_owner()
        params: dict[str, Any] = {
            "call_id": external_id(call_id),
            "source": str(Path(source).absolute()),
        }
        params.update(host=me.host, pid=me.pid, start=me.start, now=self.store.clock())
        self._write(REGISTER, params, params["call_id"])

    def forget(self, call_id: str) -> None:
        """The job registered a recording (`register`) and has none to hand over after all
        (none written, refused by the cap, unreadable): the call's payload is no longer kept
        for it. A recording already handed over is untouched."""
        self._write(FORGET_REGISTERED, {"call_id": external_id(call_id)}, None)

    def adopt_orphans(self, *, stale_after_s: float) -> int:
        """Recordings whose job process died before handing them over (`register`): the
        file LiveKit was writing is handed over as it is (the audio so far), or, when there
        is none, the row is dropped (nothing was recorded) or, when it cannot be read from
        here (another host or container), marked `missing` naming the path. Returns how
        many were handed over."""
        me = locks.current_owner()
        now = self.store.clock()
        rows = self.store.db.run(lambda conn: conn.execute(RECORDING_NOW).fetchall())
        adopted = 0
        for call_id, source, host, pid, start, updated in rows:
            if (host, pid, start) == (me.host, me.pid, me.start):
                continue
            alive = locks.is_alive(host, pid, start)
            if alive or (alive is None and updated >= now - stale_after_s):
                continue
            path = Path(source)
            params = {"call_id": call_id, "now": now}
            if host != me.host and not path.exists():
                error = f"recorded on {host} at {source}; not readable from here"
                self._write(MARK_REGISTERED_MISSING, {**params, "error": error}, call_id)
                continue
            if not path.is_file() or path.stat().st_size == 0:
                self._write(DROP_REGISTERED, params, call_id)
                continue
            try:
                self.hand_off(call_id, path, spool_bytes=self.store_bytes())
            except (OSError, SpoolWriteError) as exc:
                logger.error(
                    "could not take the recording of a lost agent process",
                    extra={"call_id": call_id, "recording": source, "error": str(exc)},
                )
                continue
            adopted += 1
            logger.warning(
                "took the recording of a lost agent process (the audio up to its end)",
                extra={"call_id": call_id, "recording": source},
            )
        return adopted

    def store_bytes(self) -> int:
        from .files import SIDE_FILES

        total = 0
        for suffix in ("", *SIDE_FILES):
            with contextlib.suppress(FileNotFoundError):
                total += os.stat(f"{self.store.path}{suffix}").st_size
        return total

    # --- the uploader's side ------------------------------------------------------------

    def due(self, *, limit: int = 16) -> list[Recording]:
        """Pending recordings whose next attempt is due now, earliest first."""
        params = {"now": self.store.clock(), "limit": limit}
        rows = self.store.db.run(lambda conn: conn.execute(DUE_RECORDINGS, params).fetchall())
        return [Recording(str(r[0]), str(r[1]), str(r[2]), int(r[3]), int(r[4])) for r in rows]

    def next_due(self) -> float | None:
        value = self.store.db.run(lambda conn: conn.execute(NEXT_RECORDING_DUE).fetchone()[0])
        return None if value is None else float(value)

    def make_due(self) -> int:
        """Every pending recording due now (`drain`); how many changed."""

        def write(conn: sqlite3.Connection) -> int:
            with transaction(conn):
                return conn.execute(MAKE_RECORDINGS_DUE, {"now": self.store.clock()}).rowcount

        return int(self.store.db.run(write))

    def path(self, recording: Recording) -> Path:
        return self.directory / recording.file

    def uploaded(self, recording: Recording, *, key: str, url: str, ours: str = "") -> Uploaded:
        """The upload is confirmed: record the object, fill `call.recordingUrl` where the call
        has none (an Egress URL or the user's own wins) and queue the new version, in one
        transaction; then delete the local file. Returns the version queued, if any, and why
        none can carry the URL when the call's payload is gone (`Uploaded.unsent`)."""
        now = self.store.clock()
        params: dict[str, Any] = {"call_id": recording.call_id, "sha256": recording.sha256}
        params.update(key=key, url=url, now=now)
        fill = {"call_fill": {"recordingUrl": url}}
        replace = {"call": {"recordingUrl": url}}

        unsent = (
            f"uploaded as {key}, but the call's payload is no longer in the spool: "
            "no version carries the URL (replay cannot either)"
        )

        def write(conn: sqlite3.Connection) -> tuple[Enqueued | None, bool]:
            with transaction(conn):
                if conn.execute(MARK_UPLOADED, params).rowcount == 0:
                    return None, True  # replaced meanwhile, or another uploader got there first
                latest = conn.execute(LATEST_BODY, {"call_id": recording.call_id}).fetchone()
                current = _recording_url(latest[0]) if latest else None
                # a URL of an earlier upload of ours (a hand-off again: the whole file after
                # a part, a retried job) is replaced; anyone else's (Egress, the user) wins
                ours_before = bool(ours) and bool(current) and str(current).startswith(ours)
                fields = replace if ours_before and current != url else fill
                queued = self.store.record_enrichment(conn, recording.call_id, fields, now)
                if queued is not None:
                    return queued, True
                if latest is not None:
                    return None, True  # the call has a URL already (Egress's, the user's)
                conn.execute(URL_UNSENT, {**params, "error": unsent})
                return None, False

        queued, sent = self.store.db.run(write, call_id=recording.call_id)
        self._drop(recording.file)  # unless handed over again meanwhile (same call, same bytes)
        if not sent:  # kept payloads make this rare (an older release purging): never silent
            logger.error(
                "recording uploaded, but its call's payload was gone: call.recordingUrl not sent",
                extra={"call_id": recording.call_id, "key": key},
            )
        return Uploaded(queued, None if sent else unsent)

    def retry(self, recording: Recording, *, delay_s: float, error: str) -> None:
        now = self.store.clock()
        params: dict[str, Any] = {"call_id": recording.call_id, "sha256": recording.sha256}
        params.update(next_at=now + delay_s, error=error[:500], now=now)
        self._write(MARK_RETRY, params, recording.call_id)

    def missing(self, recording: Recording, *, error: str) -> None:
        params: dict[str, Any] = {"call_id": recording.call_id, "sha256": recording.sha256}
        params.update(error=error[:500], now=self.store.clock())
        self._write(MARK_MISSING, params, recording.call_id)

    def _write(self, statement: str, params: dict[str, Any], call_id: str | None) -> None:
        def write(conn: sqlite3.Connection) -> None:
            with transaction(conn):
                conn.execute(statement, params)

        self.store.db.run(write, call_id=call_id)

    # --- reading and housekeeping -------------------------------------------------------

    def show(self, call_id: str) -> dict[str, Any] | None:
        def read(conn: sqlite3.Connection) -> Any:
            if conn.execute(HAS_RECORDINGS).fetchone() is None:
                return None  # an older spool read by inspection (`show`): never migrated
            return conn.execute(GET_RECORDING, {"call_id": call_id}).fetchone()

        row = self.store.db.run(read)
        if row is None:
            return None
        names = (
            "call_id",
            "file",
            "sha256",
            "size",
            "state",
            "attempts",
            "next_attempt_at",
            "last_error",
            "object_key",
            "url",
        )
        return dict(zip(names, row, strict=True))

    def counts(self) -> dict[str, int]:
        def read(conn: sqlite3.Connection) -> list[Any]:
            if conn.execute(HAS_RECORDINGS).fetchone() is None:
                return []
            return conn.execute(COUNT_RECORDINGS).fetchall()

        rows = self.store.db.run(read)
        return {str(state): int(n) for state, n in rows}

    def oldest_waiting(self) -> dict[str, Any] | None:
        """The recording waiting longest for its upload: call id, when it was handed over,
        attempts, last error; None when none waits."""

        def read(conn: sqlite3.Connection) -> Any:
            if conn.execute(HAS_RECORDINGS).fetchone() is None:
                return None
            return conn.execute(OLDEST_WAITING).fetchone()

        row = self.store.db.run(read)
        if row is None:
            return None
        return dict(zip(("call_id", "since", "attempts", "last_error"), row, strict=True))

    def waiting_bytes(self) -> int:
        """Bytes of the files under `recordings/` (what the cap counts besides the file)."""
        total = 0
        with contextlib.suppress(FileNotFoundError):
            for entry in os.scandir(self.directory):
                with contextlib.suppress(FileNotFoundError):
                    info = entry.stat(follow_symlinks=False)
                    if stat.S_ISREG(info.st_mode):
                        total += info.st_size
        return total

    def leftovers(self) -> dict[str, int]:
        """What the next `sweep` removes: files no pending row waits for, past the grace."""
        if not self.directory.exists():
            return {"files": 0, "bytes": 0}

        def read(conn: sqlite3.Connection) -> list[Any]:
            if conn.execute(HAS_RECORDINGS).fetchone() is None:
                return []
            return conn.execute(RECORDING_FILES).fetchall()

        waiting = {str(file) for _, file, state in self.store.db.run(read) if state == "pending"}
        found = self._leftovers(waiting)
        return {"files": len(found), "bytes": sum(leftover.size for leftover in found)}

    def sweep(self) -> int:
        """Remove the files no pending row waits for, once past the grace (the module's
        docstring says why this never takes a hand-off's file), each logged with its call id;
        forget the rows of uploads older than a delivered call's row is kept. Returns how many
        files were removed."""
        before = self.store.clock() - max(self.store.retention_s, UPLOADED_KEEP_S)

        def work(conn: sqlite3.Connection) -> list[tuple[Leftover, str | None, str | None]]:
            with transaction(conn):  # the write turn, held over the listing and the deletes
                rows = conn.execute(RECORDING_FILES).fetchall()
                waiting = {str(file) for _, file, state in rows if state == "pending"}
                removed = []
                found = self._leftovers(waiting)
                if found:
                    named = {str(file): (str(call), str(state)) for call, file, state in rows}
                    tags = {call_tag(call): call for call, _ in named.values()}
                    if any(leftover.tag not in tags for leftover in found):
                        known = conn.execute(KNOWN_CALLS).fetchall()
                        tags.update({call_tag(str(call)): str(call) for (call,) in known})
                    for leftover in found:
                        if self._unlink(leftover.name):
                            row = named.get(leftover.name.lstrip(".").removesuffix(".part"))
                            state = row[1] if row else None
                            removed.append((leftover, tags.get(leftover.tag), state))
                conn.execute(FORGET_UPLOADED, {"before": before})
            return removed

        removed = self.store.db.run(work)
        for leftover, call_id, state in removed:
            logger.warning(
                "removed a recording file no upload waits for",
                extra={
                    "call_id": call_id,
                    "file": leftover.name,
                    "bytes": leftover.size,
                    "state": state,  # its row's: uploaded, missing; None: no row
                },
            )
        return len(removed)

    def _leftovers(self, waiting: set[str]) -> list[Leftover]:
        now = self.store.clock()
        return leftovers(self.directory, waiting, now=now, grace_s=LEFTOVER_GRACE_S)

    def _drop(self, name: str) -> None:
        """Delete `name` under the write turn, unless a pending row names it (again)."""

        def work(conn: sqlite3.Connection) -> None:
            with transaction(conn):
                if conn.execute(WAITS_FOR_FILE, {"file": name}).fetchone() is None:
                    self._unlink(name)

        self.store.db.run(work)

    def _unlink(self, name: str) -> bool:
        try:
            (self.directory / name).unlink()
        except FileNotFoundError:
            return False
        fsync_dir(self.directory)
        return True


def _recording_url(body: bytes) -> object:
    try:
        return decode(bytes(body)).get("call", {}).get("recordingUrl")
    except Exception:  # an undecodable body: treated as having none of ours
        return None
