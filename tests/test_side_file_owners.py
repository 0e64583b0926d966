"""The files the spool makes beside its database, and the directories it makes (issue 19).

A hostile member of the spool directory's group (allowed: a Kubernetes `fsGroup` volume is
group-writable) planted links at the spool's side file names, and a root command (`sudo
zelto-spool status`, which docs/operations.md endorses) wrote or created their targets; root
commands left root-owned 0600 lock and generation files the service then silently ran
without; directories above the spool were made 0777 under umask 000. The rules are in
`store/sidefile.py`, `store/files.py` and docs/operations.md ("Who may touch the spool").
"""

from __future__ import annotations

import logging
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import cli_env, payload
from zelto_spool import Spool
from zelto_spool.errors import SpoolError
from zelto_spool.store.files import lock_path
from zelto_spool.store.home import mark_path, write_mark
from zelto_spool.store.locks import WriteTurn, turn_path

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX owners, modes and links")

SERVICE = 54321  # the service user (no passwd entry needed)
MEMBER = 54322  # another user in the service's group: may write the directory
ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
as_root = pytest.mark.skipif(
    not ROOT or shutil.which("setpriv") is None,
    reason="needs root (to chown, and to be the operator's `sudo zelto-spool`) and setpriv",
)
SIDE_NAMES = {"generation": mark_path, "recover lock": lock_path, "write lock": turn_path}


@pytest.fixture
def shared() -> Iterator[Path]:
    """A directory the service user can reach (pytest's basetemp is root's 0700)."""
    top = Path(tempfile.mkdtemp(prefix="zelto-side-"))
    os.chmod(top, 0o711)
    try:
        yield top
    finally:
        shutil.rmtree(top)


def _service_spool(top: Path) -> Path:
    """The service user's spool with one call, in an `fsGroup`-like 2770 directory."""
    directory = top / "sp"
    directory.mkdir()
    os.chown(directory, SERVICE, SERVICE)
    os.chmod(directory, 0o2770)
    path = directory / "spool.db"
    result = _as(SERVICE, "enqueue", "-", path=path, input=_json("A"))
    assert result.returncode == 0, result.stderr
    return path


def _json(call_id: str) -> str:
    import json

    return json.dumps(payload(call_id))


def _as(
    uid: int, *args: str, path: Path, input: str | None = None
) -> subprocess.CompletedProcess[str]:
    setpriv = ["setpriv", f"--reuid={uid}", f"--regid={SERVICE}", "--clear-groups"]
    env = {**cli_env(path), "HOME": "/"}
    return subprocess.run(
        [*setpriv, sys.executable, "-m", "zelto_spool", *args],
        env=env,
        cwd="/",
        input=input,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _plant(link: Path, target: Path) -> None:
    if os.path.lexists(link):
        link.unlink()
    os.symlink(target, link)
    os.lchown(link, MEMBER, SERVICE)


@as_root
@pytest.mark.parametrize("name", sorted(SIDE_NAMES))
@pytest.mark.parametrize("dangling", [False, True], ids=["to-a-root-file", "dangling"])
def test_a_root_command_never_follows_a_link_planted_at_a_side_file(
    shared: Path, name: str, dangling: bool
) -> None:
    path = _service_spool(shared)
    victim = shared / "victim.txt"  # stands in for /etc/passwd, or a file root would create
    if not dangling:
        victim.write_text("root:x:0:0:root:/root:/bin/bash\n")
    _plant(SIDE_NAMES[name](path), victim)
    spool = Spool(path)
    with pytest.raises(SpoolError, match=r"is a symbolic link.*Fix: rm "):
        spool.enqueue(payload("B"))
    spool.close()
    if dangling:
        assert not victim.exists()
    else:
        assert victim.read_text() == "root:x:0:0:root:/root:/bin/bash\n"
    # the CLI's status says it in one line too
    result = subprocess.run(
        [sys.executable, "-m", "zelto_spool", "status"],
        env=cli_env(path),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0 and "is a symbolic link" in result.stderr, result.stderr
    assert dangling is not victim.exists()


@as_root
def test_a_link_planted_after_open_is_not_followed_either(
    shared: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Between the check at open and the write: the write turn refuses, the generation file
    is not written (logged), and neither target is touched."""
    path = _service_spool(shared)
    victim = shared / "victim.txt"
    victim.write_text("keep\n")
    _plant(turn_path(path), victim)
    turn = WriteTurn(path)
    with pytest.raises(SpoolError, match="is a symbolic link"):
        turn.acquire(1.0)
    _plant(mark_path(path), victim)
    with caplog.at_level(logging.ERROR, logger="zelto_spool"):
        write_mark(path, "0" * 32, 7)
    assert "could not write the spool's generation file" in caplog.text
    assert victim.read_text() == "keep\n"


@as_root
def test_a_link_at_the_spool_file_made_by_another_user_is_refused(shared: Path) -> None:
    path = _service_spool(shared)
    for name in os.listdir(path.parent):
        os.unlink(path.parent / name)
    made = shared / "made-by-root.db"
    _plant(path, made)
    with pytest.raises(SpoolError, match="is a symbolic link"):
        Spool(path).enqueue(payload("B"))
    assert not made.exists()


@as_root
def test_root_commands_leave_the_side_files_to_the_spools_owner(shared: Path) -> None:
    """`sudo zelto-spool release-restored` on a restored copy, then the service goes on: it
    can take the recovery lock, the write turn, and update the generation file."""
    path = _service_spool(shared)
    for name in os.listdir(path.parent):
        if name != "spool.db":
            os.unlink(path.parent / name)
    for args in (["release-restored"], ["status"]):
        result = subprocess.run(
            [sys.executable, "-m", "zelto_spool", *args],
            env=cli_env(path),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
    made = {p.name: p.lstat() for p in path.parent.iterdir()}
    for name in (lock_path(path).name, turn_path(path).name, mark_path(path).name):
        assert name in made
    for name, info in made.items():
        assert (info.st_uid, stat.S_IMODE(info.st_mode) & 0o007) == (SERVICE, 0), name
    result = _as(SERVICE, "enqueue", "-", path=path, input=_json("C"))
    assert result.returncode == 0, result.stderr
    assert "generation" not in result.stderr


@as_root
@pytest.mark.parametrize("name", sorted(SIDE_NAMES))
def test_the_service_refuses_a_side_file_it_cannot_open(shared: Path, name: str) -> None:
    """Left by an older version's root command: an error naming the file, its owner and the
    chown, not a silent run without the lock (or with restore detection off)."""
    path = _service_spool(shared)
    side = SIDE_NAMES[name](path)
    side.unlink(missing_ok=True)
    side.touch(0o600)
    os.chown(side, 0, 0)
    result = _as(SERVICE, "enqueue", "-", path=path, input=_json("C"))
    assert result.returncode != 0, result.stderr
    assert f"{side} belongs to user 0" in result.stderr, result.stderr
    assert f"chown {SERVICE} {side}" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_every_directory_the_spool_makes_is_private_whatever_the_umask(tmp_path: Path) -> None:
    path = tmp_path / "d" / "a" / "b" / "spool.db"
    old = os.umask(0)
    try:
        Spool(path).enqueue(payload("A"))
    finally:
        os.umask(old)
    for directory in (tmp_path / "d", tmp_path / "d" / "a", path.parent):
        assert stat.S_IMODE(directory.stat().st_mode) == 0o700, directory
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_directory_under_a_world_writable_one_is_refused(tmp_path: Path) -> None:
    """Another user can rename `b` away and put their own `b` there, then read what is written."""
    above = tmp_path / "open"
    above.mkdir()
    os.chmod(above, 0o777)
    path = above / "b" / "spool.db"
    path.parent.mkdir(mode=0o700)
    with pytest.raises(
        SpoolError, match=rf"above it, {above} is writable by every user.*chmod o-w"
    ):
        Spool(path).enqueue(payload("A"))
    assert list(path.parent.iterdir()) == []
    os.chmod(above, 0o1777)  # sticky: others cannot rename what is not theirs
    Spool(path).enqueue(payload("A"))


def _corrupt(path: Path) -> None:
    with open(path, "r+b") as fh:  # as an OS crash or a disk error would
        fh.write(b"\xa5" * 4096)


@as_root
def test_a_damaged_spool_is_set_aside_after_a_root_command_whoever_finds_it(shared: Path) -> None:
    """After `sudo zelto-spool status` the service can still set a damaged spool aside, and
    a fresh spool made by root's set-aside belongs to the service."""
    path = _service_spool(shared)
    for name in os.listdir(path.parent):  # a copy restored into the directory, say
        if name != "spool.db":
            os.unlink(path.parent / name)
    status = subprocess.run(
        [sys.executable, "-m", "zelto_spool", "status"],
        env=cli_env(path),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert status.returncode == 0, status.stderr
    _corrupt(path)
    result = _as(SERVICE, "enqueue", "-", path=path, input=_json("C"))
    assert result.returncode == 0, result.stderr
    assert len(list(path.parent.glob("spool.db.corrupt-*[0-9]"))) == 1
    _corrupt(path)
    spool = Spool(path)  # now root finds it
    spool.enqueue(payload("D"))
    spool.close()
    assert len(list(path.parent.glob("spool.db.corrupt-*[0-9]"))) == 2
    for file in path.parent.iterdir():
        assert file.lstat().st_uid == SERVICE, file
    result = _as(SERVICE, "enqueue", "-", path=path, input=_json("E"))
    assert result.returncode == 0, result.stderr
