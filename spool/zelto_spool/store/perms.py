"""Who may have touched the spool: its directory's and files' owner and mode, checked at open.

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
import stat
from pathlib import Path

from ..errors import SpoolError
from .files import SIDE_FILES, side

__all__ = ["check_directory", "check_files"]

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
    """Refuse a directory other users may write into (no sticky bit); nothing if it is absent."""
    if not _posix():
        return
    try:
        info = directory.stat()
    except FileNotFoundError:
        return  # created 0700 by us
    if _others_may_write(info.st_mode):
        mode = stat.S_IMODE(info.st_mode)
        raise _refuse(
            f"its directory {directory} is writable by every user (mode {mode:04o})",
            f"Fix: chmod o-w {directory} (or use a directory only this user can write).",
            directory,
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
    for file in (path, *(side(path, s) for s in SIDE_FILES)):
        try:
            info = file.stat()
        except FileNotFoundError:
            continue
        mode = stat.S_IMODE(info.st_mode)
        if info.st_uid != euid and not (euid == 0 and trusted_dir):
            raise _refuse(
                f"{file} belongs to user {info.st_uid}, not to this process's user {euid}",
                "Fix: run as the user that owns it, or move it away if you did not make it.",
                file,
            )
        if mode & _RW_OTHERS and (main_mode or file != path):
            raise _refuse(
                f"{file} can be read or written by every user (mode {mode:04o})",
                f"Fix: chmod o-rw {file} (the spool makes its files 0600).",
                file,
            )
