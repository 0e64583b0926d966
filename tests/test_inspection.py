"""Commands that only look (`status`, `list`, `show`) never change the spool.

A writer SIGKILLed with its connection open leaves a WAL the main file has not taken in yet;
SQLite folds it in (and deletes it) when the last connection closes, so an inspection that
opened the file as a writer would rewrite it. A damaged file is the next writer's to set
aside and salvage: an inspection says so and exits 1, and leaves the file as it found it.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import cli_env, payload, run_cli
from zelto_spool import Spool

KILLED_WRITER = """
import os, sys
from zelto_spool import Spool
from tests.conftest import payload
spool = Spool(sys.argv[1])
spool.enqueue(payload("room-2"))
os.kill(os.getpid(), 9)
"""


def _kill_a_writer(path: Path) -> None:
    """A writer SIGKILLed with its connection open: its WAL is left beside the spool."""
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_WRITER, str(path)],
        check=False,
        cwd=Path(__file__).parent.parent,
    )
    assert killed.returncode == -9
    assert Path(f"{path}-wal").stat().st_size > 0


def _files(directory: Path) -> dict[str, str]:
    """Every file's content, but SQLite's journal files as any reader leaves them: the
    `-shm` index (every reader builds it) and an empty `-wal` where there was none (a
    reader of a WAL database opens one; empty, it holds nothing)."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.iterdir())
        if not p.name.endswith("-shm") and not (p.name.endswith("-wal") and not p.stat().st_size)
    }


def test_inspection_leaves_a_killed_writers_wal_alone(tmp_path: Path) -> None:
    path = tmp_path / "state" / "spool.db"
    with Spool(path) as spool:
        spool.enqueue(payload("room-1"))
    _kill_a_writer(path)
    before = _files(path.parent)
    env = cli_env(path)
    for command in (("status",), ("status", "--check"), ("list",), ("show", "room-2")):
        shown = run_cli(*command, env=env)
        assert shown.returncode == 0, shown.stderr
        assert _files(path.parent) == before, command
    assert "room-2" in run_cli("list", env=env).stdout  # read from the WAL, left where it is


def _zero_page_one(path: Path) -> None:
    with open(path, "r+b") as fh:  # the schema: nothing of the file is readable
        fh.seek(100)
        fh.write(b"\0" * 2000)


def test_inspection_of_a_damaged_spool_says_so_and_sets_nothing_aside(tmp_path: Path) -> None:
    path = tmp_path / "spool.db"
    with Spool(path) as spool:
        for call_id in ("A", "B", "C"):
            spool.enqueue(payload(call_id))
        spool.upkeep.checkpoint()
    _zero_page_one(path)
    before = _files(tmp_path)
    env = cli_env(path)
    for command in (("status",), ("status", "--check"), ("list",), ("show", "A")):
        shown = run_cli(*command, env=env)
        assert shown.returncode == 1, (command, shown.stdout)
        assert str(path) in shown.stderr and "corrupt" in shown.stderr
        assert "sets it aside" in shown.stderr
        assert "Traceback" not in shown.stderr
        assert "pending    0" not in shown.stdout
        assert _files(tmp_path) == before, command


def test_salvage_says_when_the_calls_table_could_not_be_read(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "spool.db"
    with Spool(path) as spool:
        spool.enqueue(payload("A"))
        spool.upkeep.checkpoint()
    _zero_page_one(path)
    with caplog.at_level(logging.ERROR, logger="zelto_spool"), Spool(path) as spool:
        spool.enqueue(payload("B"))  # a writer: sets the damaged file aside, salvages
        assert len(spool.store.db.recovered_to) == 1
    (record,) = [r for r in caplog.records if "salvage" in r.getMessage()]
    assert "could not be read" in record.getMessage()
    assert record.calls_table != "read"  # type: ignore[attr-defined]


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Callable[[Path], Path]]:
    """Makes a directory read-only storage, as a mounted backup or snapshot is: a read-only
    bind mount as root (root writes through any mode bits), mode 0500 otherwise."""
    mounts: list[Path] = []
    modes: list[Path] = []

    def make(directory: Path) -> Path:
        if os.geteuid() != 0:
            directory.chmod(0o500)
            modes.append(directory)
            return directory
        target = tmp_path / f"ro{len(mounts)}"
        target.mkdir()
        for args in (["--bind", str(directory)], ["-o", "remount,ro,bind"]):
            done = subprocess.run(
                ["mount", *args, str(target)], capture_output=True, text=True, check=False
            )
            if done.returncode:
                if args[0] == "-o":
                    subprocess.run(["umount", str(target)], check=False)
                pytest.skip(f"as root a read-only bind mount is needed: {done.stderr.strip()}")
        mounts.append(target)
        return target

    yield make
    for target in mounts:
        subprocess.run(["umount", str(target)], check=True)
    for directory in modes:
        directory.chmod(0o700)


def test_inspection_reads_a_spool_on_read_only_storage(
    tmp_path: Path, read_only: Callable[[Path], Path]
) -> None:
    """A spool closed cleanly has no WAL: on a read-only mount (a backup looked at where it
    is) SQLite cannot make the `-shm` index, and the file alone is read."""
    path = tmp_path / "state" / "spool.db"
    with Spool(path) as spool:
        spool.enqueue(payload("room-1"))
    before = _files(path.parent)
    env = cli_env(read_only(path.parent) / "spool.db")
    for command in (("status",), ("status", "--check"), ("list",), ("show", "room-1")):
        shown = run_cli(*command, env=env)
        assert shown.returncode == 0, shown.stderr
    assert "room-1" in run_cli("list", env=env).stdout
    assert _files(path.parent) == before


def test_inspection_on_read_only_storage_says_a_left_wal_needs_a_copy(
    tmp_path: Path, read_only: Callable[[Path], Path]
) -> None:
    """A killed writer's WAL without its index cannot be read on read-only storage, and
    reading the file alone would show an older spool: the message says to inspect a copy."""
    path = tmp_path / "state" / "spool.db"
    _kill_a_writer(path)
    Path(f"{path}-shm").unlink()
    shown = run_cli("status", env=cli_env(read_only(path.parent) / "spool.db"))
    assert shown.returncode == 1
    assert "read-only or full storage" in shown.stderr and "copy" in shown.stderr
    assert "Traceback" not in shown.stderr


def test_inspection_on_a_full_disk_shows_the_full_disk(tmp_path: Path) -> None:
    """With no room for the `-shm` index, status said "disk I/O error" and exited 1: the one
    state its "disk NEARLY FULL" line was added for could not be shown."""
    disk = tmp_path / "full"
    disk.mkdir(mode=0o700)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(disk)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode:
        pytest.skip(f"a small tmpfs is needed (root): {mounted.stderr.strip()}")
    try:
        path = disk / "state" / "spool.db"
        with Spool(path) as spool:
            spool.enqueue(payload("room-1"))
        with open(disk / "filler", "wb") as filler:
            with contextlib.suppress(OSError):
                while True:
                    filler.write(b"\0" * 65536)
                    filler.flush()
        env = cli_env(path)
        shown = run_cli("status", env=env)
        assert shown.returncode == 0, shown.stderr
        assert "disk       NEARLY FULL" in shown.stdout and "pending    1" in shown.stdout
        checked = run_cli("status", "--check", env=env)
        assert checked.returncode == 1 and "nearly full" in checked.stderr
        assert "room-1" in run_cli("list", env=env).stdout
    finally:
        subprocess.run(["umount", str(disk)], check=True)
