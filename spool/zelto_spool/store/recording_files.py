"""The files under `recordings/` (`store/recordings.py` keeps the rows): their names, how one is
put there durably, and which of them no row waits for any more.

A file is named `{tag}-{content}.ogg`: `tag` is the first 16 hex digits of the SHA-256 of the
call id (a call id may hold any character; the name must not), `content` the file's own
SHA-256 (32 digits). A hand-off in progress writes `.{name}.part` and renames it.

Leftovers: a file no `pending` row names (its row was purged, or unreadable in a spool set aside
as corrupt, its upload confirmed but the delete never happened, a `missing` row's rewritten
file) and a `.part` of a hand-off killed mid-copy. `Recordings.sweep` removes those whose inode
changed last (ctime: a link, a rename, a chmod, each write of a copy) longer ago than
`LEFTOVER_GRACE_S`.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

__all__ = ["LEFTOVER_GRACE_S", "Leftover", "call_tag", "digest", "fsync_dir", "leftovers", "place"]

# a file this young may belong to a hand-off under way; the sweep is hourly anyway
LEFTOVER_GRACE_S = 3600.0


@dataclass(frozen=True)
class Leftover:
    name: str
    size: int

    @property
    def tag(self) -> str:
        """The call's tag in the name (`call_tag`), a `.part`'s too."""
        return self.name.lstrip(".").split("-", 1)[0]


def call_tag(call_id: str) -> str:
    return hashlib.sha256(call_id.encode()).hexdigest()[:16]


def leftovers(directory: Path, waiting: set[str], *, now: float, grace_s: float) -> list[Leftover]:
    """Entries of `directory` (not directories) that no name in `waiting` is, changed last more
    than `grace_s` before `now`."""
    found = []
    with contextlib.suppress(FileNotFoundError):
        for entry in os.scandir(directory):
            if entry.name in waiting:
                continue
            with contextlib.suppress(FileNotFoundError):
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISDIR(info.st_mode) or now - info.st_ctime < grace_s:
                    continue
                found.append(Leftover(entry.name, info.st_size))
    return sorted(found, key=lambda leftover: leftover.name)


def place(directory: Path, source: Path, name: str, sha256: str) -> None:
    """Put `source` at `directory/name`: hard-linked (same filesystem) or copied, 0600, fsynced
    with the directory. Kept as it is when that name already holds the same bytes."""
    directory.mkdir(mode=0o700, exist_ok=True)
    target = directory / name
    if target.exists() and digest(target)[0] == sha256:
        return  # handed over before (same content, same name)
    part = directory / f".{name}.part"
    with contextlib.suppress(FileNotFoundError):
        part.unlink()
    try:
        os.link(source, part)  # same filesystem: no copy, LiveKit's delete leaves ours
        os.chmod(part, 0o600)
    except OSError as exc:
        if exc.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP):
            raise
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
            shutil.copyfileobj(src, out, 1024 * 1024)
    fd = os.open(part, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(part, target)
    fsync_dir(directory)


def digest(path: Path) -> tuple[str, int]:
    sha = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        while chunk := f.read(1024 * 1024):
            sha.update(chunk)
            size += len(chunk)
    return sha.hexdigest(), size


def fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
