"""The write turn: write transactions take turns on a lock file beside the spool, bounded by
the busy timeout, and every transaction gives its turn back, whatever its end."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import payload
from zelto_spool import DeliveryConfig, Spool, SpoolWriteError
from zelto_spool.delivery.claim import Leases
from zelto_spool.delivery.flusher import Flusher
from zelto_spool.sidecar.health import verdict
from zelto_spool.store import schema as sql
from zelto_spool.store.locks import turn_path

fcntl = pytest.importorskip("fcntl")  # the test holds the lock as another process would


@contextmanager
def turn_held(spool_path: Path) -> Iterator[int]:
    """Hold the spool's write turn from another open file, as another process would."""
    fd = os.open(turn_path(spool_path), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield fd
    finally:
        os.close(fd)


def turn_is_free(spool_path: Path) -> bool:
    fd = os.open(turn_path(spool_path), os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)
    return True


def test_a_write_whose_turn_does_not_come_fails_as_busy_and_writes_nothing(
    spool_path: Path,
) -> None:
    spool = Spool(spool_path, busy_timeout=0.2)
    spool.enqueue(payload("before"))
    with turn_held(spool_path):
        with pytest.raises(SpoolWriteError, match="stayed busy") as caught:
            spool.enqueue(payload("blocked"))
        assert caught.value.call_id == "blocked"
        assert spool.stats()["pending"] == 1  # reads never take the turn
    assert turn_is_free(spool_path)  # nothing of the failed write holds it
    spool.enqueue(payload("after"))
    assert {r["call_id"] for r in spool.upkeep.rows()} == {"before", "after"}
    spool.close()


def test_a_waiting_writer_goes_once_the_turn_is_released(spool: Spool) -> None:
    spool.enqueue(payload("first"))  # the file exists, the connection is open
    waiting, done = threading.Event(), threading.Event()
    turn = spool.store.db._turn

    def sleep(seconds: float) -> None:  # the writer's steps while the turn is taken
        waiting.set()
        time.sleep(seconds)

    turn._sleep = sleep
    with turn_held(spool.path):
        writer = threading.Thread(target=lambda: (spool.enqueue(payload("queued")), done.set()))
        writer.start()
        assert waiting.wait(10)  # it waits for the turn (short steps), not in SQLite
        assert not done.is_set()
    writer.join(30)
    assert done.is_set()
    assert spool.stats()["pending"] == 2
    assert turn_is_free(spool.path)


def test_every_write_transaction_gives_its_turn_back(spool: Spool) -> None:
    spool.enqueue(payload("a"))
    assert turn_is_free(spool.path)
    leases = Leases(spool)
    (claim,) = leases.claim(1, lease_s=60)  # a write without fsync
    assert turn_is_free(spool.path)
    assert leases.mark_delivered(claim, status=200) == "delivered"
    assert turn_is_free(spool.path)

    def fails_inside(conn: object) -> None:
        with sql.transaction(conn):  # type: ignore[arg-type]
            raise RuntimeError("inside the transaction")

    with pytest.raises(RuntimeError):
        spool.store.db.run(fails_inside)  # type: ignore[arg-type]
    assert turn_is_free(spool.path)
    assert spool.stats()["delivered"] == 1


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_forked_child_takes_the_turn_on_its_own_file_and_leaves_the_parents(
    spool_path: Path,
) -> None:
    spool = Spool(spool_path, busy_timeout=0.3)
    spool.enqueue(payload("parent-1"))
    turn = spool.store.db._turn
    assert turn.acquire(5) and turn.held  # the parent holds the turn across the fork
    pid = os.fork()
    if pid == 0:  # child: the inherited descriptor would let it in at once, then unlock
        code = 0
        try:
            spool.enqueue(payload("child-1"))
            code = 3  # it did not wait for the parent's turn
        except SpoolWriteError:
            code = 0
        except BaseException:
            code = 4
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert not turn_is_free(spool_path)  # the child did not release it
    turn.release()
    assert turn_is_free(spool_path)
    spool.enqueue(payload("parent-2"))
    assert spool.stats()["pending"] == 2
    spool.close()


WRITER = """
import json, sys
from zelto_spool import Spool
path, index = sys.argv[1], int(sys.argv[2])
spool = Spool(path)
sys.stdin.readline()
for k in range(5):
    spool.enqueue({"agent": {"externalId": "a"}, "call": {"externalId": f"w{index}-{k}"},
                   "transcript": {"turns": [{"role": "user", "content": "hi"}]}})
spool.close()
print(json.dumps("ok"))
"""


def test_many_writer_processes_lose_nothing_and_leave_the_turn_free(spool_path: Path) -> None:
    with Spool(spool_path) as holder:  # the schema, and a long-lived holder like the sidecar
        holder.stats()
        writers = [
            subprocess.Popen(
                [sys.executable, "-c", WRITER, str(spool_path), str(i)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            for i in range(8)
        ]
        for writer in writers:  # all at once
            assert writer.stdin is not None
            writer.stdin.write("go\n")
            writer.stdin.flush()
        for writer in writers:
            out, _ = writer.communicate(timeout=120)
            assert writer.returncode == 0 and json.loads(out) == "ok"
        assert holder.stats()["pending"] == 40
        assert turn_is_free(spool_path)


@pytest.mark.parametrize("backend", ["fcntl", "portalocker"])
def test_trying_the_turn_never_blocks_on_either_lock_backend(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, backend: str
) -> None:
    """`try_lock` answers at once with either backend (portalocker is what Windows uses)."""
    from zelto_spool.store import locks as _oslock

    if backend == "portalocker":
        monkeypatch.setattr(_oslock, "_fcntl", None)
    lock_file = tmp_path / "lock"
    mine = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o600)
    other = os.open(lock_file, os.O_RDWR)
    try:
        assert _oslock.try_lock(mine, "exclusive")
        assert not _oslock.try_lock(other, "exclusive")
        assert not _oslock.try_lock(other, "shared")
        _oslock.unlock(mine)
        assert _oslock.try_lock(other, "exclusive")
    finally:
        os.close(mine)
        os.close(other)


def test_a_sender_that_cannot_get_its_turn_makes_the_sidecar_unhealthy(
    spool_path: Path, zelto_receiver: Any
) -> None:
    """A writer frozen in its turn (or any spool error the loop waits out): `/healthz` said
    `ok` while nothing could be sent or spooled; the verdict now names the error."""
    spool = Spool(spool_path, busy_timeout=0.3)
    spool.enqueue(payload("stuck"))
    config = DeliveryConfig(base_url=zelto_receiver.base_url, api_key="k")
    seen: list[str | None] = []

    async def go() -> None:
        stop = asyncio.Event()
        async with Flusher(spool, config, poll_interval_s=0.05) as flusher:
            runner = asyncio.ensure_future(flusher.run(stop))
            with turn_held(spool_path):
                for _ in range(200):  # polling with a deadline (10 s)
                    if flusher.spool_trouble:
                        break
                    await asyncio.sleep(0.05)
                seen.append(flusher.spool_trouble)
            for _ in range(600):  # the loop tries again within its doubling wait (1 s, 2 s)
                if flusher.spool_trouble is None:
                    break
                await asyncio.sleep(0.05)
            seen.append(flusher.spool_trouble)
            stop.set()
            await runner

    asyncio.run(go())
    assert seen[0] is not None and "turn" in seen[0]
    assert seen[1] is None  # the turn came back: healthy again
    verdict_text = verdict({}, spool_trouble=seen[0]).text
    assert "the sender cannot use the spool" in verdict_text
    spool.close()
