"""A sender that stalls after claiming never sends its version once the lease has run out.

Another process may have sent a newer version meanwhile: the stale one must not land over it.
Proven with an injected clock (deterministic) and with a real sidecar frozen by SIGSTOP.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import API_KEY, cli_env, payload, run_cli, wait_until
from zelto_spool import DeliveryConfig, Spool
from zelto_spool.delivery import flusher as flusher_module
from zelto_spool.delivery.claim import Leases
from zelto_spool.delivery.flusher import Flusher
from zelto_spool.delivery.sender import LEASE_OVER, Sender
from zelto_spool.payload import decode


def turns_of(post: Any) -> int:
    return len(decode(post.body)["transcript"]["turns"])


def test_a_claim_that_outlives_its_lease_is_not_sent(
    spool_path: Path, zelto_receiver: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Process A claims v1 and stalls past its lease; B reclaims and delivers v2; A wakes.

    Both run in this process: A's lease is made to look like one of another PID namespace
    (a sidecar container beside the worker's), which B can judge only by its expiry; a live
    owner on B's own host identity is never expired by the clock (test_clock_steps.py)."""
    now = [1_000_000.0]
    mono = [500.0]

    def clock() -> float:
        return now[0]

    config = DeliveryConfig(base_url=zelto_receiver.base_url, api_key=API_KEY, total_timeout_s=5)
    spool_a = Spool(spool_path, clock=clock, monotonic=lambda: mono[0])
    spool_b = Spool(spool_path, clock=clock)
    spool_a.enqueue(payload("stall", turns=1))
    leases_a = Leases(spool_a)
    real_claim = leases_a.claim

    async def process_b() -> None:
        async with Flusher(spool_b, config, clock=clock) as flusher_b:
            await flusher_b.drain(timeout=10)

    def stalling_claim(*args: Any, **kwargs: Any) -> Any:
        claims = real_claim(*args, **kwargs)
        if claims and claims[0].version == 1:
            with sqlite3.connect(spool_path) as conn:
                conn.execute("UPDATE calls SET lease_host = 'sidecar-container|boot|ns'")
            conn.close()
            now[0] += config.lease_s + 1  # frozen for longer than the lease
            mono[0] += config.lease_s + 1
            spool_b.enqueue(payload("stall", turns=3))  # v2 arrives meanwhile
            asyncio.run(process_b())  # B requeues the expired row and delivers v2
        return claims

    leases_a.claim = stalling_claim  # type: ignore[method-assign]
    # A's flusher uses the stalling leases, B's its own
    monkeypatch.setattr(
        flusher_module, "Leases", lambda spool: leases_a if spool is spool_a else Leases(spool)
    )

    async def process_a() -> Any:
        async with Flusher(spool_a, config, clock=clock) as flusher_a:
            return await flusher_a.drain(timeout=10)

    report = asyncio.run(process_a())
    assert [turns_of(p) for p in zelto_receiver.posts] == [3]  # v2 only, never v1
    assert zelto_receiver.calls["stall"]["transcript"]["turns"][-1]["content"] == "turn 2 of stall"
    (row,) = spool_a.upkeep.rows(call_ids=["stall"])
    assert (row["state"], row["delivered_version"]) == ("delivered", 2)
    assert report.delivered == 0 and report.remaining == 0
    spool_a.close()
    spool_b.close()


def test_the_lease_starts_once_the_lock_is_held(spool_path: Path) -> None:
    """A claim that waits for another writer's lock reads the clock only once it holds it."""
    spool = Spool(spool_path)
    spool.enqueue(payload("locked"))
    holding = [True]
    read_while_locked: list[bool] = []
    clock_read = threading.Event()

    def clock() -> float:
        read_while_locked.append(holding[0])
        clock_read.set()
        return 9_000_000_000.0  # after the enqueue: the row is due

    clocked = Spool(spool_path, clock=clock).open()  # the same file, read by this clock
    leases = Leases(clocked)
    blocker = sqlite3.connect(spool_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    claimed: list[Any] = []
    claimer = threading.Thread(target=lambda: claimed.extend(leases.claim(1, lease_s=60)))
    claimer.start()
    # a claim that reads the clock before the lock does so at once; otherwise it is left
    # waiting on the lock for a moment before the lock is released
    clock_read.wait(timeout=2.0)
    holding[0] = False
    blocker.execute("COMMIT")
    claimer.join(30)
    blocker.close()
    assert read_while_locked == [False]
    (got,) = claimed
    assert got.expires == 9_000_000_060.0
    clocked.close()
    spool.close()


FROZEN_SENDER = """
import os, signal, sys
from zelto_spool import config as _config
from zelto_spool.delivery import claim as _leases
from zelto_spool.cli.main import main

_config.DeliveryConfig.lease_s = property(lambda self: float(os.environ["TEST_LEASE_S"]))
real_claim = _leases.Leases.claim
frozen = []

def claim(self, *args, **kwargs):
    claims = real_claim(self, *args, **kwargs)
    if claims and not frozen:
        frozen.append(1)
        os.kill(os.getpid(), signal.SIGSTOP)  # frozen right after claiming, as by a paused VM
    return claims

_leases.Leases.claim = claim
sys.argv = ["zelto-spool", *sys.argv[1:]]
main()
"""


def _state(pid: int) -> str:
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_a_sidecar_frozen_after_claiming_never_sends_the_older_version(
    spool_path: Path, zelto_receiver: Any
) -> None:
    spool = Spool(spool_path)
    spool.enqueue(payload("frozen", turns=1))
    env = cli_env(spool_path, zelto_receiver.base_url, API_KEY)
    sidecar = subprocess.Popen(
        [
            sys.executable,
            "-c",
            FROZEN_SENDER,
            "run",
            "--poll-interval",
            "30",
            "--total-timeout",
            "1",
        ],
        env={**env, "TEST_LEASE_S": "3"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []
    assert sidecar.stderr is not None
    reader = threading.Thread(target=lambda: lines.extend(sidecar.stderr or ()), daemon=True)
    reader.start()
    try:
        wait_until(lambda: _state(sidecar.pid) == "T", timeout=30)  # claimed v1, frozen
        spool.enqueue(payload("frozen", turns=3))  # v2 while v1 is in flight
        expires = _lease_expires(spool_path, "frozen")
        wait_until(lambda: time.time() > expires, timeout=30)
        done = run_cli("drain", "--timeout", "20", env=env)  # another process sends v2
        assert done.returncode == 0, done.stderr
        assert [turns_of(p) for p in zelto_receiver.posts] == [3]
        os.kill(sidecar.pid, signal.SIGCONT)  # wakes with v1 in hand
        wait_until(
            lambda: len(zelto_receiver.posts) > 1 or any("lease ran out" in x for x in lines),
            timeout=30,
        )
    finally:
        os.kill(sidecar.pid, signal.SIGCONT)
        sidecar.send_signal(signal.SIGTERM)
        sidecar.wait(30)
        reader.join(10)
        sidecar.stderr.close()
    assert [turns_of(p) for p in zelto_receiver.posts] == [3], "v1 landed over v2"
    assert len(zelto_receiver.calls["frozen"]["transcript"]["turns"]) == 3
    assert sidecar.returncode == 0, "".join(lines)
    (row,) = spool.upkeep.rows(call_ids=["frozen"])
    assert (row["state"], row["delivered_version"]) == ("delivered", 2)
    spool.close()


def _lease_expires(path: Path, call_id: str) -> float:
    with sqlite3.connect(path) as conn:
        (value,) = conn.execute(
            "SELECT lease_expires FROM calls WHERE call_id = ?", (call_id,)
        ).fetchone()
    return float(value)


def test_a_nan_lease_is_refused(spool: Spool) -> None:
    spool.enqueue(payload("nan"))
    for bad in (float("nan"), float("inf"), -1.0):
        with pytest.raises(ValueError, match="lease_s"):
            Leases(spool).claim(1, lease_s=bad)
    assert json.dumps(spool.upkeep.rows()[0]["state"]) == '"pending"'


def test_a_lease_that_runs_out_while_connecting_abandons_the_request(zelto_receiver: Any) -> None:
    """The last check runs after the connection is up and the headers are out, just before
    the body: a sender that stalled in between writes no body, so Zelto has nothing to act on."""
    config = DeliveryConfig(base_url=zelto_receiver.base_url, api_key=API_KEY)
    asked: list[bool] = []

    def still_leased() -> bool:
        asked.append(True)
        return False

    async def go() -> Any:
        sender = Sender(config)
        try:
            return await sender.send(
                json.dumps(payload("late")).encode(), still_leased=still_leased
            )
        finally:
            await sender.aclose()

    outcome = asyncio.run(go())
    assert asked == [True]
    assert (outcome.kind, outcome.status, outcome.reason) == ("retry", None, LEASE_OVER)
    assert zelto_receiver.accepted_count() == 0
