"""What the spool path names: another application's database is refused untouched; a
symlinked path is resolved once, so the cap and the watcher see the target's files."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import cli_env, payload, run_cli
from zelto_spool import Spool, SpoolError
from zelto_spool.sidecar.watch import watch_spool as _watch


def foreign_database(path: Path) -> bytes:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO users (name) VALUES ('ada')")
    conn.commit()
    conn.close()
    return path.read_bytes()


def test_another_applications_database_is_refused_untouched(tmp_path: Path) -> None:
    theirs = tmp_path / "app.db"
    before = foreign_database(theirs)
    job = tmp_path / "call.json"
    job.write_text('{"agent": {"externalId": "a"}, "call": {"externalId": "c"}}')
    for args in (["status"], ["list"], ["drain"], ["enqueue", str(job)]):
        result = run_cli(*args, env=cli_env(theirs))
        assert result.returncode == 1, (args, result.stdout, result.stderr)
        assert "is not a zelto spool" in result.stderr and "another application" in result.stderr
        assert "Traceback" not in result.stderr
    with pytest.raises(SpoolError, match="nothing was changed"):
        Spool(theirs).enqueue(payload("c"))
    assert theirs.read_bytes() == before  # no tables added, not switched to WAL
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.db", "call.json"]
    conn = sqlite3.connect(theirs)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["users"]
    conn.close()


def test_a_symlinked_spool_counts_the_targets_wal_against_the_cap(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "link").mkdir()
    target = tmp_path / "data" / "spool.db"
    link = tmp_path / "link" / "spool.db"
    Spool(target).stats()
    link.symlink_to(target)
    spool = Spool(link)
    for i in range(20):
        spool.enqueue(payload(f"c-{i}", turns=100))
    wal = Path(f"{target}-wal")
    assert wal.stat().st_size > 0  # the commits sit in the target's WAL
    assert spool.upkeep.size_bytes() >= target.stat().st_size + wal.stat().st_size
    spool.close()


def test_a_symlinked_spool_is_watched_in_the_targets_directory(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "link").mkdir()
    target = tmp_path / "data" / "spool.db"
    link = tmp_path / "link" / "spool.db"
    Spool(target).stats()
    link.symlink_to(target)
    spool = Spool(link)
    writer = Spool(link)

    async def watch() -> bool:
        woken = asyncio.Event()
        stop = asyncio.Event()
        watcher = asyncio.create_task(_watch(spool.path, woken.set, stop))
        # the watcher starts asynchronously: write until it reports (a commit touches -wal)
        for i in range(100):
            await asyncio.to_thread(writer.enqueue, payload(f"c-{i}"))
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(woken.wait(), 0.1)
            if woken.is_set():
                break
        stop.set()
        await watcher
        return woken.is_set()

    assert asyncio.run(watch())
    writer.close()
