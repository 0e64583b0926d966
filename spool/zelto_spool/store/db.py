"""Using the spool file: one connection per process, fork safety, errors, corruption.

One connection per process, opened lazily on first use and guarded by a lock (threads of the
thread executor share it). After `fork()` the child never touches the parent's connection: it
opens its own, and the inherited one is parked, never used or closed by the child.

How a connection is configured is in `connection.py` (with the write turn of `locks.py`);
setting a corrupt file aside and salvaging it, in `recovery.py`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

from ..errors import SpoolCorruptError, SpoolError, SpoolWriteError
from ..logs import library_logger
from . import locks as _oslock
from . import schema as sql
from .connection import BUSY_TIMEOUT_S, connect, prepare_path, without_fsync
from .files import (
    SIDE_FILES,
    SIDE_FILES_REPLACED,
    ForeignDatabaseError,
    check_directory,
    check_files,
    identity,
    no_checkpoint_on_close,
    others_may_use,
    refuse_foreign_file,
    side,
)
from .locks import WriteTurn
from .recovery import lock_path, set_aside
from .sidefile import open_side

__all__ = ["BUSY_TIMEOUT_S", "Connector", "connect", "prepare_path", "set_aside"]

logger = library_logger(__name__)  # or the plugin's logger in a worker

T = TypeVar("T")

SQLITE_HEADER = b"SQLite format 3\x00"
_CORRUPT_MARKERS = ("file is not a database", "malformed", "disk image", "not a database")
_FULL_MARKERS = ("database or disk is full", "disk is full", "file too large")
_READONLY_MARKERS = ("readonly database", "read-only", "unable to open database file")

_parked: list[sqlite3.Connection] = []  # connections inherited across fork: never used again
_live: weakref.WeakSet[Connector] = weakref.WeakSet()


def _after_fork_in_child() -> None:
    for connector in list(_live):
        connector._forget_after_fork()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


class Connector:
    """A per-process, lock-guarded connection to one spool file, with recovery."""

    def __init__(
        self, path: Path, *, busy_timeout: float = BUSY_TIMEOUT_S, upgrade: bool = True
    ) -> None:
        self.path = path
        self.busy_timeout = busy_timeout
        self.upgrade = upgrade  # False: inspection, never migrates (`connect`)
        self.recovered_to: list[str] = []  # files this process set aside as corrupt
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._ident: tuple[int, int] | None = None  # (device, inode) the connection opened
        self._sides: dict[str, tuple[int, int] | None] = {}  # the same for -wal and -shm
        # checked on every operation: plain strings stat faster than building Paths (~14 µs)
        self._watched = (str(path), *(str(side(path, s)) for s in SIDE_FILES))
        self._broken = False  # side files replaced and the old connection could not be closed
        self._guard: int | None = None  # the recovery lock, held shared around each operation
        self._turn = WriteTurn(path)  # write transactions take turns (store/locks.py)
        self._lock_was_there = False  # the recovery lock existed before this process made it
        self._opened_ok = False  # an operation succeeded on this path in this process
        self._pid = os.getpid()
        _live.add(self)

    def _forget_after_fork(self) -> None:
        if self._conn is not None:
            _parked.append(self._conn)
        self._conn = None
        if self._guard is not None:  # the parent's lock stays the parent's: take our own
            with contextlib.suppress(OSError):
                os.close(self._guard)
        self._guard = None
        self._turn.forget()  # likewise the write turn
        self._lock = threading.Lock()
        self._pid = os.getpid()

    def run(
        self,
        fn: Callable[[sqlite3.Connection], T],
        *,
        call_id: str | None = None,
        fsync: bool = True,
    ) -> T:
        """Run `fn(conn)` under the lock; corruption sets the file aside and retries once.

        `fsync=False` commits without fsyncing (WAL + NORMAL) for claims and marks: losing one
        to a power cut only repeats a POST, which Zelto dedups; the next FULL commit (any
        enqueue) makes it durable anyway. Writes whose loss would lose a call stay FULL.
        """
        if self._pid != os.getpid():
            self._forget_after_fork()
        if not fsync:
            fn = partial(without_fsync, fn)
        began = time.monotonic()  # a busy error says how long it really waited
        with self._lock:
            try:
                return self._patient(fn, call_id, began)
            except _Reopen:
                pass
            try:
                return self._patient(fn, call_id, began)  # on the fresh file
            except _Reopen as again:
                raise again.error from None

    def _patient(
        self, fn: Callable[[sqlite3.Connection], T], call_id: str | None, began: float
    ) -> T:
        """`_attempt`, again after a busy answer that came before the busy timeout was spent.

        SQLite waits out a lock with its busy handler, but some paths answer SQLITE_BUSY at
        once: a write upgrading a read snapshot another process has since moved past
        (SQLITE_BUSY_SNAPSHOT; a read statement left open, e.g. by a cursor an exception's
        traceback keeps alive, holds such a snapshot), locks taken while a connection opens.
        Each would fail a write that had the whole timeout left; the operation (rolled back)
        runs again instead, on a fresh connection, in steps of 1 ms growing to 100 ms, until
        the timeout is spent."""
        step = 0.001
        while True:
            try:
                return self._attempt(fn, call_id, began)
            except _EarlyBusy as early:
                logger.info(
                    "spool answered busy before the busy timeout; trying again",
                    extra={"path": str(self.path), "error": early.reason},
                )
                left = self.busy_timeout - (time.monotonic() - began)
                time.sleep(max(0.0, min(step, left)))
                step = min(step * 2, 0.1)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None and self._pid == os.getpid():
                self._conn.close()
                if self._guard is not None:
                    os.close(self._guard)
                self._turn.close()
            self._conn = None
            self._guard = None

    def _attempt(
        self, fn: Callable[[sqlite3.Connection], T], call_id: str | None, began: float
    ) -> T:
        # shared with every other operation, exclusive for `set_aside`: a file is never moved
        # while an operation runs, and the first operation after a move sees that it happened
        guard = self._shared()
        try:
            conn = self._conn
            try:
                if conn is not None and identity(self._watched[0]) != self._ident:
                    # another process set this file aside: follow the path to the fresh spool
                    with contextlib.suppress(sqlite3.Error):
                        conn.close()
                    conn = self._conn = None
                if conn is not None and self._side_files_replaced(conn):
                    conn = self._conn = None
                if self._broken:
                    raise SpoolWriteError(
                        f"{SIDE_FILES_REPLACED}; restart this process ({self.path})",
                        path=str(self.path),
                        call_id=call_id,
                    )
                if conn is None:
                    conn = self._conn = self._open()
                    self._sides = self._side_identities()
                result = fn(conn)
                self._opened_ok = True
                return result
            except BaseException as exc:
                if conn is not None and self._conn is conn and conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute(sql.ROLLBACK)
                failure = exc
        finally:
            self._turn.release()  # a transaction never outlives its operation
            if guard is not None:
                _oslock.unlock(guard)
        # outside the shared lock: setting the file aside takes it exclusively
        if isinstance(failure, ForeignDatabaseError):
            subject = f"could not spool call {call_id!r}: " if call_id else "spool error: "
            raise self._not_a_spool(subject, call_id, failure.what) from None
        waited = time.monotonic() - began
        if _is_busy(failure) and waited < self.busy_timeout and not self._broken:
            # a fresh connection: a statement of the failed attempt may still be open (kept
            # alive by the error's traceback) and would pin the stale snapshot for every retry
            if self._conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.close()
                self._conn = None
            reason = _error_name(failure)
            del failure
            raise _EarlyBusy(reason) from None
        if isinstance(failure, (sqlite3.Error, OSError)):
            raise self._translate(failure, call_id, waited) from None
        raise failure

    def _side_files_replaced(self, conn: sqlite3.Connection) -> bool:
        """Whether `-wal` or `-shm` was deleted or replaced under this open connection.

        Then it no longer shares the WAL index (`-shm`) or the log (`-wal`) with other
        processes, and writing through it loses their commits. Commits only a deleted `-wal`
        still holds are folded into the main file first, through this connection (the last
        one that can read them). It is then closed without the checkpoint SQLite runs at
        close (from a stale index, and deleting the live `-wal` by name) and the spool is
        reopened; where that cannot be switched off, this process stops using the spool and
        every operation fails, loudly, until it is restarted.
        """
        now = self._side_identities()
        changed = [s for s in SIDE_FILES if now[s] != self._sides.get(s)]
        if not changed:
            return False
        rescue = "none"
        if "-wal" in changed and "-shm" not in changed:
            try:
                rescue = str(conn.execute(sql.CHECKPOINT_TRUNCATE).fetchone())
            except sqlite3.Error as exc:
                rescue = str(exc)
        extra = {"path": str(self.path), "files": changed, "rescue": rescue}
        if no_checkpoint_on_close(conn):
            with contextlib.suppress(sqlite3.Error):
                conn.close()
            logger.error(SIDE_FILES_REPLACED + "; reopened the spool", extra=extra)
            return True
        _parked.append(conn)  # never used or closed again
        self._broken = True
        logger.error(SIDE_FILES_REPLACED + "; this process stops using the spool", extra=extra)
        return True

    def _side_identities(self) -> dict[str, tuple[int, int] | None]:
        return {s: identity(p) for s, p in zip(SIDE_FILES, self._watched[1:], strict=True)}

    def _shared(self) -> int | None:
        """The recovery lock, held shared; None where it cannot be created (read-only dir)."""
        if self._guard is None:
            check_directory(self.path.parent)  # before making anything in it (`store/files.py`)
            try:
                prepare_path(self.path)
                self._lock_was_there = os.path.lexists(lock_path(self.path))
                # no link followed, made as the spool's owner; one it may not open is an
                # error, never a run without the lock (`sidefile.py`)
                self._guard = open_side(lock_path(self.path), os.O_RDWR, spool_path=self.path)
            except OSError:
                return None
            if self._guard is None:  # a read-only directory: no lock file, none needed
                return None
        try:
            _oslock.lock(self._guard, "shared")
        except _oslock.Unavailable:  # no locking on this platform (logged once): as read-only
            return None
        return self._guard

    def _open(self) -> sqlite3.Connection:
        prepare_path(self.path)
        # a spool others can read, or planted by them, is refused (`store/files.py`): side files
        # and owners before SQLite reads them, the file's mode once it is known to be a spool
        check_files(self.path, main_mode=False)
        if others_may_use(self.path) and refuse_foreign_file(self.path):
            # SQLite would make its -wal and -shm with the file's mode (0644) before the
            # refusal: look at the tables without them first (`immutable` creates nothing)
            check_files(self.path)
        self._ident = identity(self.path)
        conn = connect(
            self.path, busy_timeout=self.busy_timeout, turn=self._turn, upgrade=self.upgrade
        )
        try:
            check_files(self.path)
        except SpoolError:
            conn.close()
            raise
        return conn

    def _translate(
        self, exc: BaseException, call_id: str | None, waited: float = 0.0
    ) -> SpoolError | _Reopen:
        text = str(exc)
        lowered = text.lower()
        where = f" ({self.path})"
        subject = f"could not spool call {call_id!r}: " if call_id else "spool error: "
        if isinstance(exc, sqlite3.DatabaseError) and any(m in lowered for m in _CORRUPT_MARKERS):
            if self._conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.close()
                self._conn = None
            if not self._is_a_spool():
                return self._not_a_spool(subject, call_id, "not an SQLite file")
            if not self.upgrade:  # inspection only looks: setting aside is a writer's step
                return SpoolCorruptError(
                    f"{subject}spool file {self.path} is corrupt ({text}); nothing was "
                    "changed. The next process that writes it (the sidecar, a worker, "
                    "`drain`, `enqueue`) sets it aside and salvages what it can "
                    "(docs/operations.md)",
                    path=str(self.path),
                    call_id=call_id,
                )
            moved = set_aside(self.path)
            error = SpoolCorruptError(
                f"{subject}spool file is corrupt ({text})"
                + (f"; moved to {moved}" if moved else "")
                + ("; it could not be moved aside" if moved is None else "")
                + where,
                path=str(self.path),
                moved_to=moved or "",
                call_id=call_id,
            )
            if moved is None:
                return error
            if moved:
                self.recovered_to.append(moved)
                logger.error(
                    "spool file was corrupt; moved aside and started a fresh spool",
                    extra={"path": str(self.path), "moved_to": moved, "reason": text},
                )
            return _Reopen(error)
        if any(m in lowered for m in _FULL_MARKERS) or (
            isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)
        ):
            return SpoolWriteError(
                f"{subject}disk full or file too large ({text}){where}",
                path=str(self.path),
                call_id=call_id,
            )
        if "database is locked" in lowered or "busy" in lowered:
            return SpoolWriteError(
                f"{subject}spool stayed busy for {waited:.1f} s of the {self.busy_timeout:g} s "
                f"busy timeout ({_error_name(exc)}){where}",
                path=str(self.path),
                call_id=call_id,
            )
        if any(m in lowered for m in _READONLY_MARKERS) or isinstance(exc, PermissionError):
            return SpoolWriteError(
                f"{subject}spool is not writable ({text}){where}",
                path=str(self.path),
                call_id=call_id,
            )
        return SpoolWriteError(f"{subject}{text}{where}", path=str(self.path), call_id=call_id)

    def _is_a_spool(self) -> bool:
        """Whether an unreadable file at the path is a damaged spool (set it aside) rather
        than some other file named by mistake (leave it alone): a SQLite header, or this
        path was used as a spool before (its recovery lock was there, or it worked here)."""
        if self._lock_was_there or self._opened_ok:
            return True
        try:
            with open(self.path, "rb") as fh:
                return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
        except OSError:
            return False

    def _not_a_spool(self, subject: str, call_id: str | None, what: str) -> SpoolError:
        if self._guard is not None:  # ours from this attempt: leave no trace beside their file
            with contextlib.suppress(OSError):
                os.close(self._guard)
            self._guard = None
            with contextlib.suppress(OSError):
                lock_path(self.path).unlink()
        self._turn.close()  # likewise the write turn's file, never made before a write
        if self._turn.path.exists():
            with contextlib.suppress(OSError):
                self._turn.path.unlink()
        return SpoolError(
            f"{subject}{self.path} is not a zelto spool ({what}, and never used as a "
            f"spool); nothing was changed. Check --spool / ZELTO_SPOOL_PATH",
            path=str(self.path),
            call_id=call_id,
        )


def _is_busy(exc: BaseException) -> bool:
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    name = getattr(exc, "sqlite_errorname", "") or ""
    return name.startswith("SQLITE_BUSY") or "database is locked" in str(exc).lower()


def _error_name(exc: BaseException) -> str:
    """The message with SQLite's extended code (`SQLITE_BUSY_SNAPSHOT`, ...) when known."""
    name = getattr(exc, "sqlite_errorname", None)
    return f"{exc}, {name}" if name else str(exc)


class _EarlyBusy(Exception):
    """SQLite answered busy before the busy timeout was spent: run the operation again."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _Reopen(Exception):
    """The file was corrupt and has been replaced: run the operation again on a fresh one."""

    def __init__(self, error: SpoolCorruptError) -> None:
        super().__init__(str(error))
        self.error = error
