"""After a restore, nothing built on a row the restored spool already had is sent unchecked.

A restored spool holds its unsent calls (`test_restored.py`); these tests cover what comes
after: a newer version of a call that was delivered (or dead) in the backup is built on the
backup's stale payload, so it is held as well, whatever built it (an enrichment, a webhook,
`replay`); a held call stays held through `replay`; a restore that deleted the side files
with a glob is still seen; and a restored spool with nothing held is healthy.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import API_KEY, cli_env, payload, run_cli
from zelto_spool import Spool
from zelto_spool.delivery.claim import Leases
from zelto_spool.sidecar.health import verdict

RECORDING = "https://recordings.example/room-1.ogg"


def _backup(path: Path, backup: Path) -> None:
    """SQLite's online backup, as operations.md says to take one."""
    import sqlite3

    with sqlite3.connect(path) as src, sqlite3.connect(backup) as dst:
        src.backup(dst)
    src.close()
    dst.close()


def _restore(backup: Path, path: Path) -> None:
    """The restore as operations.md says: the backup over spool.db, -wal and -shm deleted."""
    shutil.copyfile(backup, path)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _delivered_then_restored(tmp_path: Path, receiver: Any) -> tuple[Path, dict[str, str]]:
    """room-1 delivered as v1, backed up, delivered again as v2 (recording), restored."""
    path = tmp_path / "state" / "spool.db"
    env = cli_env(path, receiver.base_url, API_KEY)
    with Spool(path) as spool:
        spool.enqueue(payload("room-1"))
    assert run_cli("drain", env=env).returncode == 0
    _backup(path, tmp_path / "backup.db")
    with Spool(path) as spool:
        spool.enqueue(payload("room-1", recordingUrl=RECORDING))
    assert run_cli("drain", env=env).returncode == 0
    assert receiver.calls["room-1"]["call"]["recordingUrl"] == RECORDING
    _restore(tmp_path / "backup.db", path)
    receiver.clear()
    return path, env


def test_a_version_built_on_a_row_delivered_in_the_backup_is_held(
    tmp_path: Path, zelto_receiver: Any
) -> None:
    path, env = _delivered_then_restored(tmp_path, zelto_receiver)
    with Spool(path) as spool:  # a writer: sees the restore
        before = spool.stats()
        status = run_cli("status", "--check", env=env)
        assert spool.enrich("room-1", {"call": {"summary": "late"}}) is not None
        assert spool.stats()["held"] == 1
        # with nothing held it was healthy, the restore shown (status --check, /healthz)
        assert before["restored"] and before["held"] == 0
        assert verdict(before).ok
        assert status.returncode == 0, status.stderr
        assert "held       0  (restored: the spool went back in time" in status.stdout
        assert not verdict(spool.stats()).ok  # held again: unhealthy, correctly
        assert Leases(spool).claim(10, lease_s=60) == []
        spool.enqueue(payload("room-2"))  # a call first spooled after the restore
    drained = run_cli("drain", env=env)
    assert "room-1" not in zelto_receiver.calls  # the backup's v1 never goes over v2
    assert "room-2" in zelto_receiver.calls  # sent as usual
    assert "1 held, not sent" in drained.stdout
    assert run_cli("release-restored", env=env).returncode == 0
    assert run_cli("drain", env=env).returncode == 0
    assert zelto_receiver.calls["room-1"]["call"]["summary"] == "late"  # the operator's choice


@pytest.mark.parametrize("args", [("room-1",), ("--state", "delivered", "--since", "12h")])
def test_replay_of_a_row_delivered_in_the_backup_is_held(
    tmp_path: Path, zelto_receiver: Any, args: tuple[str, ...]
) -> None:
    path, env = _delivered_then_restored(tmp_path, zelto_receiver)
    replayed = run_cli("replay", *args, env=env)
    run_cli("drain", env=env)
    assert zelto_receiver.posts == []
    assert replayed.returncode == 0, replayed.stderr
    assert "1 of them held" in replayed.stdout and "release-restored" in replayed.stdout
    status = run_cli("status", "--check", env=env)
    assert status.returncode == 1
    assert "1 unsent call(s) are held" in status.stderr


def test_replay_does_not_lift_the_hold_of_a_pending_row(
    tmp_path: Path, zelto_receiver: Any
) -> None:
    path = tmp_path / "state" / "spool.db"
    env = cli_env(path, zelto_receiver.base_url, API_KEY)
    with Spool(path) as spool:
        spool.enqueue(payload("room-1"))  # v1 pending in the backup
        _backup(path, tmp_path / "backup.db")
        spool.enqueue(payload("room-1", recordingUrl=RECORDING))
    assert run_cli("drain", env=env).returncode == 0
    _restore(tmp_path / "backup.db", path)
    zelto_receiver.clear()
    assert run_cli("status", env=env).returncode == 0
    with Spool(path) as spool:
        assert spool.stats()["held"] == 1
    replayed = run_cli("replay", "room-1", env=env)
    run_cli("drain", env=env)
    assert zelto_receiver.posts == []
    assert replayed.returncode == 0, replayed.stderr
    assert "held" in replayed.stdout and "release-restored" in replayed.stdout


def test_deleting_the_side_files_with_a_glob_keeps_the_restore_visible(
    tmp_path: Path, zelto_receiver: Any
) -> None:
    path = tmp_path / "state" / "spool.db"
    env = cli_env(path, zelto_receiver.base_url, API_KEY)
    with Spool(path) as spool:
        spool.enqueue(payload("room-1"))
        _backup(path, tmp_path / "backup.db")
        spool.enqueue(payload("room-1", recordingUrl=RECORDING))
    assert run_cli("drain", env=env).returncode == 0
    shutil.copyfile(tmp_path / "backup.db", path)
    for side in path.parent.glob("spool.db-*"):  # `rm -f spool.db-*`
        side.unlink()
    zelto_receiver.clear()
    run_cli("drain", env=env)
    assert zelto_receiver.posts == []
    with Spool(path) as spool:
        assert spool.stats()["held"] == 1


def test_the_side_file_of_a_dev_build_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "spool.db"
    with Spool(path) as spool:
        spool.enqueue(payload("room-1"))
        _backup(path, tmp_path / "backup.db")
        spool.enqueue(payload("room-1", recordingUrl=RECORDING))
    new = sorted(p.name for p in tmp_path.iterdir() if "generation" in p.name)
    assert new == [".spool.db.generation"]
    # a dev build wrote `spool.db-generation`; this one reads it when its own is missing
    (tmp_path / ".spool.db.generation").rename(tmp_path / "spool.db-generation")
    _restore(tmp_path / "backup.db", path)
    with Spool(path) as spool:
        assert spool.stats()["held"] == 1


def test_a_call_released_by_name_is_not_held_again(tmp_path: Path, zelto_receiver: Any) -> None:
    path, _ = _delivered_then_restored(tmp_path, zelto_receiver)
    with Spool(path) as spool:
        spool.enrich("room-1", {"call": {"summary": "late"}})
        assert spool.upkeep.held(["room-1"]) == ["room-1"]
        assert spool.release_restored(["room-1"]) == ["room-1"]  # checked: Zelto may have it
        spool.enrich("room-1", {"call": {"summary": "later"}})
        assert spool.upkeep.held(["room-1"]) == []
        assert [c.call_id for c in Leases(spool).claim(10, lease_s=60)] == ["room-1"]
