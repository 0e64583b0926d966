"""What the spool checks about the files it is given: another application's SQLite database
(refused untouched), `-wal`/`-shm` deleted or replaced under an open connection, and who may
have touched the spool (its directory's and files' owner and mode, checked at open).

Transcripts are in the spool, so a spool another user can read, or one another user planted
for us to fill, is refused with a message saying what to fix, as ssh refuses a key file
others can read. The rule (POSIX only; docs/operations.md, "Who may touch the spool"):

- the directory must not be writable by other users (`o+w`) unless it has the sticky bit
  (`/tmp`-like: others cannot rename or delete our files there). Group write is allowed: a
  Kubernetes `fsGroup` volume is group-writable, and its group is the pod's;
- the spool file and its `-wal` and `-shm` (when they exist) must not be readable or writable
  by other users, and must be owned by this process's user. Root may use a file of another
  user when the directory is not writable by others (an operator's `sudo zelto-spool status`
  on the service user's spool): there, only the directory's owner or group can have made it.
  Group bits are allowed for the same `fsGroup` reason (kubelet adds `g+rw` on remount).
"""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
from pathlib import Path

from ..errors import SpoolError
from . import schema as sql
from .home import mark_path
from .locks import turn_path
from .sidefile import refuse_link

__all__ = [
    "ForeignDatabaseError",
    "SIDE_FILES",
    "SIDE_FILES_REPLACED",
    "check_directory",
    "check_files",
    "check_link",
    "identity",
    "lock_path",
    "no_checkpoint_on_close",
    "others_may_use",
    "refuse_foreign",
    "refuse_foreign_file",
    "side",
]

TABLE_NAMES = "SELECT name FROM sqlite_master WHERE type = 'table'"


class ForeignDatabaseError(SpoolError):
    """The file is an SQLite database of another application (never a spool)."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


def refuse_foreign(conn: sqlite3.Connection) -> None:
    """Raise `ForeignDatabaseError` unless the file is empty or holds a spool's schema."""
    tables = sorted(str(r[0]) for r in conn.execute(TABLE_NAMES))
    if not tables:
        return
    version = int(conn.execute(sql.USER_VERSION).fetchone()[0])
    if "calls" in tables and "payloads" in tables and version >= 1:
        return
    shown = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
    raise ForeignDatabaseError(f"an SQLite database of another application: tables {shown}")


def refuse_foreign_file(path: Path) -> bool:
    """`refuse_foreign` on the file as it is on disk, creating nothing beside it; False when
    it is no database SQLite can read (a file named by mistake, a damaged spool: the open
    that follows says which)."""
    conn = sqlite3.connect(path.as_uri() + "?immutable=1", uri=True, isolation_level=None)
    try:
        refuse_foreign(conn)
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()
    return True


def others_may_use(path: Path) -> bool:
    """Whether every user may read or write the spool file (POSIX only)."""
    try:
        return _posix() and bool(stat.S_IMODE(path.stat().st_mode) & _RW_OTHERS)
    except OSError:
        return False


SIDE_FILES = ("-wal", "-shm")
SIDE_FILES_REPLACED = (
    "the spool's -wal or -shm was deleted or replaced while this process had it open "
    "(never delete them while the spool is in use)"
)
NO_CKPT_ON_CLOSE = 1010  # SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE


def no_checkpoint_on_close(conn: sqlite3.Connection) -> bool:
    """Make closing `conn` leave the WAL alone (no checkpoint, no delete); False if unable."""
    setconfig = getattr(conn, "setconfig", None)  # Python 3.12+
    if setconfig is not None:
        try:
            setconfig(NO_CKPT_ON_CLOSE, True)
        except sqlite3.Error:
            return False
        return True
    if sys.implementation.name != "cpython" or sys.platform == "darwin":
        return False  # variadic calls through ctypes are unreliable on Apple arm64
    try:
        import _sqlite3
        import ctypes

        # CPython 3.10/3.11: the sqlite3* handle is the first field after the object header
        handle = ctypes.c_void_p.from_address(id(conn) + object.__basicsize__).value
        db_config = ctypes.CDLL(_sqlite3.__file__).sqlite3_db_config
        done = ctypes.c_int(-1)
        rc = db_config(
            ctypes.c_void_p(handle),
            ctypes.c_int(NO_CKPT_ON_CLOSE),
            ctypes.c_int(1),
            ctypes.byref(done),
        )
    except (OSError, AttributeError, ImportError):
        return False
    return rc == 0 and done.value == 1


def side(path: Path, suffix: str) -> Path:
    return Path(f"{path}{suffix}")


def lock_path(path: Path) -> Path:
    """The recovery lock's file (`recovery.py`)."""
    return path.with_name(f".{path.name}.recover.lock")


def identity(path: str | Path) -> tuple[int, int] | None:
    """(device, inode) of `path`, or None when it does not exist."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


_RW_OTHERS = stat.S_IROTH | stat.S_IWOTH


def _posix() -> bool:
    return hasattr(os, "geteuid") and os.name == "posix"


def _refuse(what: str, fix: str, path: Path) -> SpoolError:
    return SpoolError(
        f"refusing to use the spool: {what}; another user could read or replace the calls in "
        f"it. {fix}",
        path=str(path),
    )


def _others_may_write(mode: int) -> bool:
    return bool(mode & stat.S_IWOTH) and not mode & stat.S_ISVTX


def check_directory(directory: Path) -> None:
    """Refuse a directory other users may write into (no sticky bit), or one under such a
    directory (there they can rename it away and put their own in its place); absent ones
    are skipped (`prepare_path` makes them 0700)."""
    if not _posix():
        return
    for place in (directory, *directory.absolute().parents):
        try:
            info = place.stat()
        except OSError:
            continue
        if _others_may_write(info.st_mode):
            mode = stat.S_IMODE(info.st_mode)
            what = "its directory" if place == directory else "the directory above it,"
            raise _refuse(
                f"{what} {place} is writable by every user (mode {mode:04o})",
                f"Fix: chmod o-w {place} (or chmod +t {place}, or use a directory only "
                "this user can write).",
                place,
            )


def check_link(path: Path) -> None:
    """Refuse a symbolic link at the spool's path made by a user other than this process's,
    the directory's owner or root (a member of the directory's group, say): followed by
    root, it would make or write the file it points to."""
    if not _posix():
        return
    try:
        info = path.lstat()
        if not stat.S_ISLNK(info.st_mode):
            return
        trusted = {os.geteuid(), 0, path.parent.stat().st_uid}
    except OSError:
        return
    if info.st_uid not in trusted:
        raise _refuse(
            f"{path} is a symbolic link made by user {info.st_uid}, not by this process's user "
            "or the directory's owner",
            f"Fix: rm {path} after checking who made it, or give the path it points to.",
            path,
        )


def check_files(path: Path, *, main_mode: bool = True) -> None:
    """Refuse a spool file (or `-wal`/`-shm`) others can read or write, or another user owns.

    `main_mode=False` leaves the main file's mode for later: before SQLite has looked at it,
    a world-readable file may be another application's database at a mistyped path, which
    gets its own message ("not a zelto spool") and must not be told to `chmod`."""
    if not _posix():
        return
    directory = path.parent
    check_directory(directory)
    euid = os.geteuid()
    try:
        # sticky or not, any user may have made a file in a world-writable directory
        trusted_dir = not directory.stat().st_mode & stat.S_IWOTH
    except OSError:
        trusted_dir = False
    for file in (path, *(side(path, s) for s in SIDE_FILES), *_made_beside(path)):
        try:
            info = file.stat() if file == path else file.lstat()
        except FileNotFoundError:
            continue
        refused = None if file == path else refuse_link(file, info)
        if refused is not None:  # links are followed for none of them (`sidefile.py`)
            raise refused
        mode = stat.S_IMODE(info.st_mode)
        if info.st_uid != euid and not (euid == 0 and trusted_dir):
            raise _refuse(
                f"{file} belongs to user {info.st_uid}, not to this process's user {euid}",
                f"Fix: run as the user that owns it, or chown {euid} {file} if a command run "
                "as that user made it, or move it away if you did not make it.",
                file,
            )
        if mode & _RW_OTHERS and (main_mode or file != path):
            raise _refuse(
                f"{file} can be read or written by every user (mode {mode:04o})",
                f"Fix: chmod o-rw {file} (the spool makes its files 0600).",
                file,
            )


def _made_beside(path: Path) -> tuple[Path, ...]:
    """The files the spool makes beside its database: the same rules as `-wal` and `-shm`."""
    return lock_path(path), turn_path(path), mark_path(path)
