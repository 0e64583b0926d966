"""A rolling upgrade loses nothing: the previous release and this one use one spool at once.

The previous release (0.1.0, commit 5b29b6d) is taken from git history and run from a
temporary directory with PYTHONPATH, in its own processes: old workers enqueue while this
release's sidecar drains and its CLI inspects. Every release so far refuses a spool whose
`PRAGMA user_version` is above its own schema level, so an additive migration must leave it
where the previous release can still open the file (see 'Upgrading' in docs/operations.md).
"""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import API_KEY, cli_env, run_cli
from tests.test_sidecar_ops import Sidecar

PREVIOUS = "5b29b6d"  # the 0.1.0 build: schema level 1, refuses a user_version above 1
# a build of main before the two levels: it wrote user_version 2 for the webhook_events table
DEV_BUILD = "9291ab4"
ROOT = Path(__file__).resolve().parents[1]

OLD_WORKER = """
import sys
from zelto_spool import Spool

path, prefix, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
spool = Spool(path)
for i in range(count):
    call = {"externalId": f"{prefix}-{i}"}
    turns = [{"role": "user", "content": f"hello {i}"}]
    spool.enqueue({"agent": {"externalId": "bot"}, "call": call, "transcript": {"turns": turns}})
print("enqueued", count, flush=True)
"""


def from_history(commit: str, what: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`zelto_spool` as it was at `commit`, extracted from git history (a directory to put
    on PYTHONPATH); the test is skipped without that history."""
    found = subprocess.run(
        ["git", "-C", str(ROOT), "cat-file", "-e", f"{commit}^{{commit}}"],
        capture_output=True,
        check=False,
    )
    if found.returncode != 0:
        pytest.skip(
            f"needs git history with commit {commit} ({what}) to run it beside this "
            "release: a full clone, or `git fetch --unshallow`"
        )
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", commit, "spool/zelto_spool"],
        capture_output=True,
        check=True,
    ).stdout
    where = tmp_path_factory.mktemp(commit)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(where, filter="data")
    return where / "spool"


@pytest.fixture(scope="module")
def previous(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return from_history(PREVIOUS, "the previous release", tmp_path_factory)


@pytest.fixture(scope="module")
def dev_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return from_history(DEV_BUILD, "a development build", tmp_path_factory)


def old_env(previous: Path, spool_path: Path, **more: str) -> dict[str, str]:
    env = cli_env(spool_path, **more)
    env["PYTHONPATH"] = str(previous)
    return env


def old_worker(previous: Path, spool_path: Path, prefix: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", OLD_WORKER, str(spool_path), prefix, str(count)],
        env=old_env(previous, spool_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def on_disk(spool_path: Path) -> tuple[int, set[str], set[str]]:
    """(user_version, tables, meta keys) of the file, read without zelto_spool."""
    with sqlite3.connect(f"file:{spool_path}?mode=ro", uri=True) as conn:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        keys = {r[0] for r in conn.execute("SELECT key FROM meta")}
    conn.close()
    return int(version), tables, keys


def test_the_previous_release_runs_from_history(previous: Path, tmp_path: Path) -> None:
    check = subprocess.run(
        [sys.executable, "-c", "import zelto_spool; print(zelto_spool.__file__)"],
        env=old_env(previous, tmp_path / "spool.db"),
        capture_output=True,
        text=True,
        check=True,
    )
    assert check.stdout.startswith(str(previous))


def test_inspecting_never_migrates(previous: Path, tmp_path: Path) -> None:
    spool_path = tmp_path / "spool.db"
    worker = old_worker(previous, spool_path, "old", 3)
    _, err = worker.communicate(timeout=60)
    assert worker.returncode == 0, err
    before = on_disk(spool_path)
    assert before[0] == 1 and "webhook_events" not in before[1]
    env = cli_env(spool_path)
    for args in (["status"], ["status", "--json"], ["list"], ["show", "old-1"]):
        result = run_cli(*args, env=env)
        assert result.returncode == 0, (args, result.stderr)
    assert "old-1" in run_cli("list", env=env).stdout
    assert on_disk(spool_path) == before  # not migrated, nothing recorded


def test_old_workers_new_sidecar_and_new_cli_at_once(
    previous: Path, tmp_path: Path, zelto_receiver: Any, sidecars: list[Any]
) -> None:
    spool_path = tmp_path / "spool.db"
    first = old_worker(previous, spool_path, "before", 5)  # the spool as 0.1.0 made it
    _, err = first.communicate(timeout=60)
    assert first.returncode == 0, err
    sidecar = Sidecar(spool_path, zelto_receiver)  # the new sidecar migrates: additively
    sidecars.append(sidecar)
    workers = [old_worker(previous, spool_path, f"old{n}", 20) for n in range(2)]
    env = cli_env(spool_path)
    inspections = []
    while any(w.poll() is None for w in workers):  # the new CLI inspects meanwhile
        inspections.append(run_cli("status", "--json", env=env))
        inspections.append(run_cli("list", "--limit", "5", env=env))
        assert sidecar.get("/metrics").status_code == 200
    for worker in workers:
        out, err = worker.communicate(timeout=60)
        assert worker.returncode == 0, err  # never refused
        assert out.strip() == "enqueued 20"
    assert all(r.returncode == 0 for r in inspections), [r.stderr for r in inspections]
    expected = {f"before-{i}" for i in range(5)} | {
        f"old{n}-{i}" for n in range(2) for i in range(20)
    }
    assert zelto_receiver.wait_for(lambda r: expected <= set(r.calls), timeout=60)
    assert set(zelto_receiver.calls) == expected  # every call, nothing else

    version, tables, keys = on_disk(spool_path)
    assert version == 1  # still readable by 0.1.0
    assert "webhook_events" in tables and "schema" in keys  # written at this release's level
    old_status = run_cli("status", env=old_env(previous, spool_path))
    assert old_status.returncode == 0, old_status.stderr
    assert "delivered" in old_status.stdout
    code, _, _ = sidecar.stop()
    assert code == 0


def test_a_step_old_code_cannot_use_is_refused_by_it_clearly(
    previous: Path, tmp_path: Path
) -> None:
    spool_path = tmp_path / "spool.db"
    assert run_cli("enqueue", "-", env=cli_env(spool_path), input=PAYLOAD).returncode == 0
    with sqlite3.connect(spool_path) as conn:  # what a future release's breaking step does
        conn.execute("PRAGMA user_version = 3")
    conn.close()
    refused = subprocess.run(
        [sys.executable, "-c", OLD_WORKER, str(spool_path), "old", "1"],
        env=old_env(previous, spool_path),
        capture_output=True,
        text=True,
        check=False,
    )
    assert refused.returncode != 0
    assert "spool schema version 3 is newer than this zelto_spool (1)" in refused.stderr
    assert os.path.getsize(spool_path) > 0


def test_a_spool_a_development_build_wrote_stays_usable_by_it(
    dev_build: Path, tmp_path: Path, zelto_receiver: Any
) -> None:
    spool_path = tmp_path / "spool.db"
    worker = old_worker(dev_build, spool_path, "dev", 3)
    _, err = worker.communicate(timeout=60)
    assert worker.returncode == 0, err
    assert on_disk(spool_path)[0] == 2  # both levels at once, as those builds wrote them
    env = cli_env(spool_path, zelto_receiver.base_url, API_KEY)
    assert run_cli("status", env=env).returncode == 0
    assert run_cli("drain", env=env).returncode == 0
    assert set(zelto_receiver.calls) == {"dev-0", "dev-1", "dev-2"}
    assert on_disk(spool_path)[0] == 2  # neither lowered nor raised
    again = old_worker(dev_build, spool_path, "dev-again", 1)
    _, err = again.communicate(timeout=60)
    assert again.returncode == 0, err


PAYLOAD = '{"agent": {"externalId": "bot"}, "call": {"externalId": "room-1"}}'
