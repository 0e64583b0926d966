"""Opening the files the spool makes beside its database, never through another user's link.

The recovery lock, the write turn's lock, the generation file and the spool file itself are
opened by name in a directory its group may write (a Kubernetes `fsGroup` volume), often by
root (`sudo zelto-spool status`). So (docs/operations.md, "Who may touch the spool"):

- never through a symbolic link (`O_NOFOLLOW`), nor a file with another name elsewhere (a
  hard link) or anything but a plain file: such a name is refused with a one-line error
  naming it, never followed, replaced or deleted (a link the spool did not make is a planted
  one, and the operator should see it);
- made with `O_CREAT | O_EXCL` (which never follows a link), 0600 whatever the umask, and,
  by root on another user's spool, handed to the spool file's owner (`fchown`), as SQLite does
  with `-wal` and `-shm`: a root command leaves nothing the service cannot open;
- one that exists but cannot be opened (made by root by an older version) is an error naming
  its owner and the `chown` that fixes it, never a silent run without the lock. Only a name
  that does not exist and cannot be made (a read-only directory) gives None.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from ..errors import SpoolError

__all__ = ["NOFOLLOW", "open_side", "refuse_link", "spool_owner"]

NOFOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def refuse_link(path: Path, info: os.stat_result) -> SpoolError | None:
    """The error for a name that is not one plain file of its own, or None when it is."""
    if stat.S_ISLNK(info.st_mode):
        what = "a symbolic link"
    elif not stat.S_ISREG(info.st_mode):
        what = "not a plain file"
    elif info.st_nlink > 1:
        what = f"a hard link ({info.st_nlink} names)"
    else:
        return None
    return SpoolError(
        f"refusing to use the spool: {path} is {what} (owner {info.st_uid}); the spool makes "
        f"its files itself and never follows links there, someone else made this one. "
        f"Fix: rm {path} after checking who made it",
        path=str(path),
    )


def spool_owner(spool_path: Path) -> tuple[int, int] | None:
    """(uid, gid) files made by root for this spool get: the spool file's, else its
    directory's; None when this process is not root (its files are its own already)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None
    for reference in (spool_path, spool_path.parent):
        try:
            info = os.lstat(reference)
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode):
            return info.st_uid, info.st_gid
    return None


def open_side(path: Path, flags: int, *, spool_path: Path) -> int | None:
    """A descriptor on the plain file `path` (made 0600 when absent), opened with `flags`
    (`O_RDWR`, `O_WRONLY`) plus `O_NOFOLLOW | O_CLOEXEC`; None when it is absent and cannot
    be made (a read-only directory). Raises `SpoolError` for a link or a file it may not open."""
    owner = spool_owner(spool_path)  # before making it: it may be the spool file itself
    try:
        fd = os.open(path, flags | os.O_CREAT | os.O_EXCL | NOFOLLOW, 0o600)
    except FileExistsError:
        fd = _existing(path, flags)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return None  # a directory this user cannot write: no such file, none made
        raise
    else:
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, 0o600)  # whatever the umask
            if owner is not None and owner != (os.geteuid(), os.getegid()):
                os.fchown(fd, *owner)
        except OSError:
            os.close(fd)
            raise
    return fd


def _existing(path: Path, flags: int) -> int:
    try:
        fd = os.open(path, flags | NOFOLLOW | getattr(os, "O_NONBLOCK", 0))  # not a FIFO's wait
    except OSError as exc:
        try:
            info = os.lstat(path)
        except FileNotFoundError:  # gone in between (set aside): make it on the next try
            raise exc from None
        refused = refuse_link(path, info)
        if refused is not None:
            raise refused from None
        if exc.errno in (errno.EACCES, errno.EPERM):
            mode = stat.S_IMODE(info.st_mode)
            raise SpoolError(
                f"refusing to use the spool: {path} belongs to user {info.st_uid} (mode "
                f"{mode:04o}) and this process's user {os.geteuid()} cannot open it (made by a "
                f"command run as that user?); the spool does not run without it. "
                f"Fix: chown {os.geteuid()} {path}",
                path=str(path),
            ) from None
        raise
    try:
        refused = refuse_link(path, os.fstat(fd))
    except OSError:
        os.close(fd)
        raise
    if refused is not None:
        with contextlib.suppress(OSError):
            os.close(fd)
        raise refused
    return fd
