"""One configured connection to a spool file: permissions, pragmas, migrations, the write turn.

Durability: WAL with `synchronous=FULL`, so a commit is on stable storage (WAL fsynced) when
`enqueue` returns; this survives power loss and OS crashes, not only process crashes.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ..errors import SpoolError
from ..logs import library_logger
from . import schema as sql
from .files import refuse_foreign
from .home import check, write_mark
from .locks import WriteTurn
from .schema import migrate
from .sidefile import open_side, refuse_link

__all__ = [
    "BUSY_TIMEOUT_S",
    "SpoolConnection",
    "connect",
    "note_generation",
    "prepare_path",
    "without_fsync",
]

logger = library_logger(__name__)  # or the plugin's logger in a worker

WAL_AUTOCHECKPOINT_PAGES = 10_000

PAGE_COUNT = "PRAGMA page_count"

AUTO_VACUUM_INCREMENTAL = "PRAGMA auto_vacuum = INCREMENTAL"

JOURNAL_MODE_WAL = "PRAGMA journal_mode = WAL"

SYNCHRONOUS_FULL = "PRAGMA synchronous = FULL"

SYNCHRONOUS_NORMAL = "PRAGMA synchronous = NORMAL"

WAL_AUTOCHECKPOINT = f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT_PAGES}"

# a row deleted or replaced (a live turn the redactor rewrote, a delivered call) is zeroed in
# its page, not left in its free space: Debian's SQLite does this by default, python.org's and
# Windows' builds do not. Costs nothing measurable: Debian's is what the benchmarks measured
SECURE_DELETE = "PRAGMA secure_delete = ON"


T = TypeVar("T")

BUSY_TIMEOUT_S = 30.0
TURN_BUSY = "database is locked (the write turn did not come)"


class SpoolConnection(sqlite3.Connection):
    """A connection whose write transactions (`BEGIN IMMEDIATE`) first take the spool's
    write turn (`store/locks.py`), held until the transaction ends. Reads never wait for it.

    A transaction that stored a version of a call bumped the spool's generation
    (`note_generation`): once it commits, and before the turn is handed on, the generation
    goes to the side file (`store/home.py`), so the side file only grows and never runs ahead.
    """

    turn: WriteTurn | None = None
    turn_timeout_s: float = BUSY_TIMEOUT_S
    home: tuple[Path, str] | None = None  # (spool file, spool id) for the side file
    generation: int | None = None  # bumped in the open transaction

    def execute(self, statement: str, parameters: Any = (), /) -> sqlite3.Cursor:
        turn = self.turn
        if turn is not None and statement == sql.BEGIN and not turn.held:
            if not turn.acquire(self.turn_timeout_s):
                raise sqlite3.OperationalError(TURN_BUSY)  # reported as "stayed busy"
        try:
            cursor = super().execute(statement, parameters)
            if self.generation is not None and statement == sql.COMMIT and self.home:
                write_mark(*self.home, self.generation)
            return cursor
        finally:
            if not self.in_transaction:  # committed, rolled back, or never begun
                self.generation = None
                if turn is not None and turn.held:
                    turn.release()


def note_generation(conn: sqlite3.Connection, generation: int) -> None:
    """The open transaction bumped the spool's generation to `generation`."""
    if isinstance(conn, SpoolConnection):
        conn.generation = generation


def connect(
    path: Path,
    *,
    busy_timeout: float = BUSY_TIMEOUT_S,
    turn: WriteTurn | None = None,
    upgrade: bool = True,
) -> SpoolConnection:
    """A configured connection (WAL, FULL, checkpoint threshold) on a migrated spool file;
    its write transactions take `turn` first when one is given.

    `upgrade=False` (inspection) neither migrates an older schema nor checks whether the file
    was restored or copied (`home.check`, which holds its unsent calls): writers do both.
    It opens an existing spool read-only (`mode=ro`), so nothing it does writes the file: a
    connection that may write folds the WAL into the file and deletes it when it is the last
    one to close (measured: a WAL a SIGKILLed writer left is checkpointed by `status` that
    way, even with `PRAGMA query_only`); a read-only one leaves `spool.db` and `-wal` byte
    for byte as they were (SQLite still builds the `-shm` index any reader needs)."""
    if not upgrade and _has_content(path):
        return _inspect(path, busy_timeout)
    conn = sqlite3.connect(
        str(path),
        timeout=busy_timeout,
        isolation_level=None,
        check_same_thread=False,
        factory=SpoolConnection,
    )
    conn.turn, conn.turn_timeout_s = turn, busy_timeout
    try:
        # before anything writes: another application's database is refused untouched
        # (no tables added, its journal mode kept)
        refuse_foreign(conn)
        # a new file lets freed pages go back to the filesystem (the disk cap evicts rows);
        # only takes effect before WAL mode and the first table. Only on a new file: on an
        # existing one the PRAGMA still rewrites page 1 (an fsynced commit on every open)
        if conn.execute(PAGE_COUNT).fetchone()[0] == 0:
            conn.execute(AUTO_VACUUM_INCREMENTAL)
        mode = conn.execute(JOURNAL_MODE_WAL).fetchone()[0]
        if str(mode).lower() != "wal":
            logger.warning(
                "spool could not switch to WAL; writers will block each other more",
                extra={"path": str(path), "journal_mode": mode},
            )
        conn.execute(SYNCHRONOUS_FULL)
        conn.execute(SECURE_DELETE)
        # writers rarely pay for a checkpoint: the sidecar runs one every few seconds;
        # without a sidecar the WAL still folds back in at ~40 MB
        conn.execute(WAL_AUTOCHECKPOINT)
        migrate(conn, upgrade=upgrade)
        if upgrade:
            conn.home = (path, check(conn, path))
    except BaseException:
        conn.close()
        raise
    return conn


def _has_content(path: Path) -> bool:
    """Whether the file is a spool already (a new empty one is given its schema, as any
    writer would, by inspection too)."""
    try:
        return path.stat().st_size > 0 or Path(f"{path}-wal").exists()
    except OSError:
        return False


def _inspect(path: Path, busy_timeout: float) -> SpoolConnection:
    """A read-only connection for inspection: no pragma that writes, no migration.

    On read-only storage (a mounted backup or snapshot), or a disk too full for it, SQLite
    cannot make the `-shm` index a WAL reader needs. A spool closed cleanly has no WAL left, so
    its file is all of it and is read as `immutable` (`status` then shows the full disk); one a
    killed writer left with a WAL and no index cannot be read there at all, and the message
    says to inspect a copy."""
    conn = _read_only(path, "mode=ro", busy_timeout)
    try:
        conn.execute(PAGE_COUNT)  # SQLite opens the file at the first statement
    except sqlite3.OperationalError as exc:
        conn.close()
        # read-only storage, or a full disk (no room for the index: "disk I/O error")
        if os.access(path.parent, os.W_OK) and "disk" not in str(exc):
            raise
        if _wal_size(path):
            raise SpoolError(
                f"spool error: {path} is on read-only or full storage and its -wal holds "
                "changes a writer left, which SQLite cannot read without writing its -shm "
                "index; copy the directory to writable storage and inspect the copy",
                path=str(path),
            ) from None
        conn = _read_only(path, "immutable=1", busy_timeout)
    try:
        refuse_foreign(conn)
        migrate(conn, upgrade=False)
    except BaseException:
        conn.close()
        raise
    return conn


def _read_only(path: Path, mode: str, timeout_s: float) -> SpoolConnection:
    return sqlite3.connect(
        f"{path.as_uri()}?{mode}",
        uri=True,
        timeout=timeout_s,
        isolation_level=None,
        check_same_thread=False,
        factory=SpoolConnection,
    )


def _wal_size(path: Path) -> int:
    try:
        return Path(f"{path}-wal").stat().st_size
    except OSError:
        return 0


def without_fsync(fn: Callable[[sqlite3.Connection], T], conn: sqlite3.Connection) -> T:
    """`fn(conn)` committing with WAL + NORMAL (no fsync), then back to FULL."""
    conn.execute(SYNCHRONOUS_NORMAL)
    try:
        return fn(conn)
    finally:
        # fn may have failed inside its transaction: end it first, or the PRAGMA fails, hides
        # the real error and leaves this connection committing without fsync
        if conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                conn.execute(sql.ROLLBACK)
        conn.execute(SYNCHRONOUS_FULL)


def prepare_path(path: Path) -> None:
    """Create the directories (each 0700 whatever the umask) and the file (0600) before SQLite
    does; never through a link another user planted at the file's name (`sidefile.py`)."""
    made = []
    directory = path.parent
    while not directory.is_dir() and directory != directory.parent:
        made.append(directory)
        directory = directory.parent
    for directory in reversed(made):  # outermost first: each is private before it is used
        with contextlib.suppress(FileExistsError):
            directory.mkdir(mode=0o700)
            os.chmod(directory, 0o700)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        fd = open_side(path, os.O_RDWR, spool_path=path)
        if fd is not None:
            os.close(fd)
        return
    if stat.S_ISLNK(info.st_mode) and info.st_uid != os.geteuid():
        refused = refuse_link(path, info)
        if refused is not None:
            raise refused
