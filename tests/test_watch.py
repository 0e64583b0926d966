"""The sidecar's wake-up on spool changes: inotify read by the loop on Linux, watchfiles else."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import shutil
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import payload
from zelto_spool import Spool
from zelto_spool.sidecar.watch import watch_spool

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify")


def test_inotify_is_read_through_a_maintained_binding() -> None:
    # issue 21: the hand-written ctypes reader (inotify_init1, struct parsing) is gone
    from zelto_spool.sidecar import watch

    source = Path(watch.__file__).read_text()
    assert "ctypes" not in source and "struct" not in source
    assert "inotify_simple" in source


@linux_only
def test_on_linux_a_commit_wakes_the_watcher_without_a_thread(tmp_path: Path) -> None:
    # watchfiles polled from a thread every 5 ms: ~0.5 % of a core for an idle sidecar
    spool = Spool(tmp_path / "spool.db")
    spool.stats()
    writer = Spool(tmp_path / "spool.db")

    async def watch() -> list[threading.Thread]:
        before = set(threading.enumerate())
        woken = asyncio.Event()
        stop = asyncio.Event()
        watcher = asyncio.create_task(watch_spool(spool.path, woken.set, stop))
        await asyncio.sleep(0)  # one turn: the watcher registers before its first wait
        (tmp_path / "unrelated.txt").write_text("not the spool")
        writer.enqueue(payload("c-1"))  # on this thread: a commit touches spool.db-wal
        await asyncio.wait_for(woken.wait(), 10)
        started = [t for t in threading.enumerate() if t not in before]
        stop.set()
        await asyncio.wait_for(watcher, 10)
        return started

    assert asyncio.run(watch()) == []
    writer.close()
    spool.close()


def test_without_inotify_watchfiles_wakes_it(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "spool.db")
    spool.stats()
    writer = Spool(tmp_path / "spool.db")

    async def watch() -> bool:
        woken = asyncio.Event()
        stop = asyncio.Event()
        watcher = asyncio.create_task(watch_spool(spool.path, woken.set, stop, inotify=False))
        # watchfiles starts on its own thread: write until it reports
        for i in range(100):
            await asyncio.to_thread(writer.enqueue, payload(f"c-{i}"))
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(woken.wait(), 0.2)
            if woken.is_set():
                break
        stop.set()
        await asyncio.wait_for(watcher, 10)
        return woken.is_set()

    assert asyncio.run(watch())
    writer.close()
    spool.close()


@linux_only
def test_a_removed_directory_ends_the_watch_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    directory = tmp_path / "state"
    directory.mkdir()

    async def watch() -> None:
        stop = asyncio.Event()
        watcher = asyncio.create_task(watch_spool(directory / "spool.db", lambda: None, stop))
        await asyncio.sleep(0)
        shutil.rmtree(directory)
        await asyncio.wait_for(watcher, 10)  # returns by itself: the timer still drains

    with caplog.at_level(logging.WARNING, logger="zelto_spool"):
        asyncio.run(watch())
    assert "no longer watched" in caplog.text
