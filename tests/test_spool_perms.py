"""A spool other users can read, or one they planted, is refused at open (issue 19, item 10).

Transcripts hold what callers said (card numbers before redaction). A spool file planted with
mode 0666 by another user in a 0777 directory was accepted: enqueue and `status --check`
succeeded and the other user read every call. The rule is in `store/files.py` and
docs/operations.md ("Who may touch the spool").
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.conftest import cli_env, payload, run_cli
from zelto_spool import Spool
from zelto_spool.errors import SpoolError

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX owners and modes")

OTHER_UID = 54321  # no such user needed: a uid that is not ours
ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _made(directory: Path, mode: int) -> Path:
    directory.mkdir()
    os.chmod(directory, mode)
    return directory / "spool.db"


def test_a_world_writable_directory_is_refused_before_anything_is_made(tmp_path: Path) -> None:
    path = _made(tmp_path / "open", 0o777)
    with pytest.raises(SpoolError, match=r"writable by every user \(mode 0777\).*chmod o-w"):
        Spool(path).enqueue(payload("room-1"))
    assert list(path.parent.iterdir()) == []  # no spool, no lock file left in it


def test_a_sticky_world_writable_directory_is_accepted(tmp_path: Path) -> None:
    path = _made(tmp_path / "sticky", 0o1777)
    spool = Spool(path)
    spool.enqueue(payload("room-1"))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    spool.close()


def test_a_group_writable_directory_is_accepted(tmp_path: Path) -> None:
    """A Kubernetes fsGroup volume: group-writable (and setgid), the group is the pod's."""
    path = _made(tmp_path / "fsgroup", 0o2775)
    Spool(path).enqueue(payload("room-1"))


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
@pytest.mark.parametrize("mode", [0o666, 0o604, 0o602])
def test_a_file_others_can_read_or_write_is_refused(
    spool_path: Path, suffix: str, mode: int
) -> None:
    spool = Spool(spool_path)
    spool.enqueue(payload("room-1"))
    spool.close()
    target = Path(f"{spool_path}{suffix}")
    if not target.exists():  # the last connection's close folded the WAL back
        target.touch(0o600)
    os.chmod(target, mode)
    with pytest.raises(SpoolError, match=rf"{target.name} can be read or written by every user"):
        Spool(spool_path).stats()
    # the CLI says it in one line, and `status --check` is not healthy
    result = run_cli("status", "--check", env=cli_env(spool_path))
    assert result.returncode != 0
    assert "can be read or written by every user" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_restored_world_readable_spool_is_refused_before_sqlite_makes_anything(
    spool_path: Path,
) -> None:
    """A backup copied back under umask 022 is 0644 with no -wal or -shm: SQLite made them
    0644 like the file (an outside tester's restore), before the refusal came."""
    spool = Spool(spool_path)
    spool.enqueue(payload("room-1"))
    spool.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{spool_path}{suffix}").unlink(missing_ok=True)
    os.chmod(spool_path, 0o644)
    before = sorted(p.name for p in spool_path.parent.iterdir())
    result = run_cli("status", env=cli_env(spool_path))
    assert result.returncode == 1 and "chmod o-rw" in result.stderr
    assert sorted(p.name for p in spool_path.parent.iterdir()) == before


def test_a_group_readable_file_is_accepted(spool_path: Path) -> None:
    """kubelet adds g+rw to a volume's files when it applies fsGroup on a remount."""
    Spool(spool_path).enqueue(payload("room-1"))
    os.chmod(spool_path, 0o660)
    assert Spool(spool_path).stats()["pending"] == 1


@pytest.mark.skipif(not ROOT, reason="chown to another user needs root; runs as root in CI")
def test_a_file_planted_by_another_user_in_a_shared_directory_is_refused(
    tmp_path: Path,
) -> None:
    """Another user made spool.db (0600, theirs) in a /tmp-like directory before us: even
    root refuses it, since they could read what we would write."""
    path = _made(tmp_path / "shared", 0o1777)
    path.touch(0o600)
    os.chown(path, OTHER_UID, OTHER_UID)
    with pytest.raises(SpoolError, match=rf"belongs to user {OTHER_UID}"):
        Spool(path).enqueue(payload("room-1"))


@pytest.mark.skipif(not ROOT, reason="chown to another user needs root; runs as root in CI")
def test_a_planted_wal_is_refused(tmp_path: Path) -> None:
    path = _made(tmp_path / "shared", 0o1777)
    Spool(path).close()
    wal = Path(f"{path}-wal")
    wal.touch(0o600)
    os.chown(wal, OTHER_UID, OTHER_UID)
    with pytest.raises(SpoolError, match=rf"spool.db-wal belongs to user {OTHER_UID}"):
        Spool(path).stats()


@pytest.mark.skipif(not ROOT, reason="chown to another user needs root; runs as root in CI")
def test_root_may_use_the_service_users_spool_in_a_private_directory(spool_path: Path) -> None:
    """`sudo zelto-spool status` on the host: only trusted users could have made the file."""
    Spool(spool_path).enqueue(payload("room-1"))
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{spool_path}{suffix}").exists():
            os.chown(f"{spool_path}{suffix}", OTHER_UID, OTHER_UID)
    assert Spool(spool_path).stats()["pending"] == 1
