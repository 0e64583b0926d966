"""A spool restored from a backup, or copied to a second host, holds its unsent calls.

Real files: the backup is the spool's file and its `-wal` copied while a call is pending, as
a file-level backup tool does; the restore copies them back over the spool. The CLI runs in
its own processes against the loopback receiver.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import API_KEY, cli_env, payload, run_cli
from zelto_spool import Spool
from zelto_spool.delivery.claim import Leases
from zelto_spool.payload import encode
from zelto_spool.sidecar.health import verdict
from zelto_spool.store.reaper import reap

RECORDING = "https://recordings.example/room-1.ogg"


def _copy(src: Path, dst: Path) -> None:
    """The spool's file and its side files as a file-level backup or restore copies them:
    what the source has overwrites the target, what it lacks is gone from it."""
    for suffix in ("", "-wal", "-shm"):
        source, target = Path(f"{src}{suffix}"), Path(f"{dst}{suffix}")
        if source.exists():
            shutil.copyfile(source, target)  # over an existing file: the same inode
            shutil.copymode(source, target)  # 0600, as `cp -p` or rsync -a keep it
        elif suffix:
            target.unlink(missing_ok=True)


def test_a_restored_backup_never_sends_v1_over_the_delivered_v2(
    tmp_path: Path, zelto_receiver: Any
) -> None:
    path = tmp_path / "state" / "spool.db"
    backup = tmp_path / "backup.db"
    env = cli_env(path, zelto_receiver.base_url, API_KEY)
    with Spool(path) as spool:
        spool.enqueue(payload("room-1"))  # v1, pending
        _copy(path, backup)  # the nightly backup, taken while v1 waits
        spool.enqueue(payload("room-1", recordingUrl=RECORDING))  # v2
    assert run_cli("drain", env=env).returncode == 0
    assert zelto_receiver.calls["room-1"]["call"]["recordingUrl"] == RECORDING

    _copy(backup, path)  # the restore
    zelto_receiver.clear()

    # read-only before any writer opened it: unhealthy already, and nothing changed on disk
    def files() -> dict[str, bytes]:  # -shm aside: SQLite rewrites it even read-only
        return {p.name: p.read_bytes() for p in path.parent.iterdir() if p.name != "spool.db-shm"}

    before = files()
    early = run_cli("status", "--check", env=env)
    assert early.returncode == 1, early.stdout
    assert "1 unsent call(s) are held" in early.stderr
    assert "no writer has opened it since" in early.stderr
    assert files() == before
    drained = run_cli("drain", env=env)
    assert zelto_receiver.posts == []  # v1 is not sent over v2
    assert "1 held, not sent" in drained.stdout
    assert "went back in time" in drained.stdout
    assert "release-restored" in drained.stdout
    status = run_cli("status", "--check", env=env)
    assert status.returncode == 1
    assert "1 unsent call(s) are held" in status.stderr
    assert "held       1  (not sent: the spool went back in time" in status.stdout
    listed = run_cli("list", env=env).stdout.splitlines()
    row = next(line.split() for line in listed if "room-1" in line)
    assert (row[0], row[2], row[5]) == ("pending", "v1", "held"), listed  # not "355406d02h"

    # the operator checked: send it after all
    released = run_cli("release-restored", env=env)
    assert released.returncode == 0, released.stderr
    assert "released 1 held call(s)" in released.stdout
    assert run_cli("drain", env=env).returncode == 0
    assert "recordingUrl" not in zelto_receiver.calls["room-1"]["call"]  # v1, as asked
    assert run_cli("status", "--check", env=env).returncode == 0
    # held once: reopening the released spool holds nothing again
    with Spool(path) as spool:
        spool.enqueue(payload("room-2"))
        assert spool.stats()["held"] == 0


def test_a_spool_copied_to_another_host_holds_its_unsent_calls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    first = tmp_path / "host-a" / "spool.db"
    with Spool(first) as spool:
        spool.enqueue(payload("room-1"))
        spool.enqueue(payload("room-2"))
        header = {"agent": {"externalId": "bot"}, "call": {"externalId": "room-3"}}
        spool.live.start("job-3", "room-3", encode(header))  # a call in progress
    # moved whole (same inode, side file along) to a machine with another id
    second = tmp_path / "host-b"
    (tmp_path / "host-a").rename(second)
    from zelto_spool.store import home

    monkeypatch.setattr(home, "machine_id", lambda: "0ther-host-machine-id")
    with Spool(second / "spool.db") as copy:
        stats = copy.stats()
        assert stats["held"] == 2
        assert "written on another machine" in stats["restored"]
        assert "release-restored" in verdict(stats).text  # status --check and /healthz
        assert [r.held for r in caplog.records if "restored or copied" in r.message] == [2]
        assert Leases(copy).claim(10, lease_s=60) == []
        assert copy.upkeep.make_due() == 0
        assert copy.undelivered() == 0
        # the snapshot becomes a held call at the reaper's next sweep, whoever owned it
        assert reap(copy.store) == []
        assert copy.live.rows() == []
        assert copy.stats()["held"] == 3
        # a newer version built on a held one stays held too
        copy.enqueue(payload("room-1", recordingUrl=RECORDING))
        assert Leases(copy).claim(10, lease_s=60) == []

        assert copy.release_restored(["room-2"]) == ["room-2"]
        assert [c.call_id for c in Leases(copy).claim(10, lease_s=60)] == ["room-2"]
        assert copy.release_restored(["room-3"], dead=True) == ["room-3"]  # Zelto has newer
        assert copy.release_restored() == ["room-1"]
        assert copy.stats()["restored"] is None
        assert copy.stats()["dead"] == 1
        assert copy.upkeep.replay(call_ids=["room-3"]) == ["room-3"]  # not lost: dead-lettered


def test_an_ordinary_life_holds_nothing(tmp_path: Path, zelto_receiver: Any) -> None:
    path = tmp_path / "state" / "spool.db"
    env = cli_env(path, zelto_receiver.base_url, API_KEY)
    for round_ in range(3):  # reopened, written by other processes, drained, closed
        with Spool(path) as spool:
            spool.enqueue(payload(f"room-{round_}"))
        assert run_cli("enqueue", "-", env=env, input=encode(payload("x")).decode()).returncode == 0
        assert run_cli("drain", env=env).returncode == 0
    with Spool(path) as spool:
        assert spool.stats()["held"] == 0
        assert spool.stats()["restored"] is None
    # a new spool where one was deleted: its predecessor's side file is not a restore
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with Spool(path) as spool:
        spool.enqueue(payload("room-new"))
        assert spool.stats()["held"] == 0
        assert (path.parent / ".spool.db.generation").exists()


def test_a_backup_from_before_this_release_is_seen_too(tmp_path: Path) -> None:
    # a backup without the home record, restored over a spool that has a side file
    path = tmp_path / "spool.db"
    backup = tmp_path / "backup.db"
    with Spool(path) as spool:
        spool.enqueue(payload("room-1"))
        _copy(path, backup)
    with sqlite3.connect(backup) as conn:
        conn.execute("DELETE FROM meta WHERE key IN ('home', 'generation')")
    _copy(backup, path)
    with Spool(path) as spool:
        assert spool.stats()["held"] == 1
