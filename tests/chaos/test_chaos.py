"""CI entry for the chaos and load runs: quick modes, real processes, real SQLite, real receiver.

The chaos seed is random per run and printed (in the failure message too); reproduce with
`CHAOS_SEED=<seed> pytest tests/chaos` or `python -m tests.chaos.harness --seed <seed>`.
Latency figures are printed (`pytest -s` shows them), never asserted: the machine is shared.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests.chaos import harness, load
from tests.chaos.actors import chaos_env
from tests.chaos.workload import API_KEY
from zelto_spool import Spool
from zelto_spool.testing.receiver import Receiver

pytestmark = pytest.mark.slow


def test_quick_chaos_run_loses_nothing(tmp_path: Path) -> None:
    seed = int(os.environ.get("CHAOS_SEED") or random.SystemRandom().randrange(2**31))
    result = harness.run(replace(harness.QUICK, seed=seed), tmp_path, mode="quick")
    assert result.problems == [], f"chaos seed {seed}:\n{result.summary()}"
    assert (result.lost, result.regressions, result.stuck_inflight) == (0, 0, 0)
    assert result.kills >= harness.QUICK.min_kills
    assert result.versions > result.calls  # newer versions of earlier calls were part of it
    assert result.accepted >= result.calls


def test_32_writer_processes_at_once_lose_nothing(tmp_path: Path) -> None:
    with Receiver(api_key=API_KEY) as receiver:
        spool_path = tmp_path / "spool" / "spool.db"
        Spool(spool_path).close()
        env = chaos_env(spool_path, receiver.base_url)
        sidecar = subprocess.Popen(
            [sys.executable, "-m", "zelto_spool", "run", "--log-level", "ERROR"],
            env=env,
            cwd=harness.ROOT,
            stdin=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:  # the sidecar claims and marks beside the writers, as in production
            result = load.many_processes(
                spool_path, env, processes=32, per_process=10, prefix="p32"
            )
            want = load.expected_bodies("p32", 32, 10)
            delivered = receiver.wait_for(lambda r: len(r.calls) >= len(want), timeout=120)
        finally:
            sidecar.terminate()
            _, err = sidecar.communicate(timeout=30)
        print(f"\n{result.summary()} (load average {os.getloadavg()[0]:.1f})")
        assert result.errors == []
        assert delivered and dict(receiver.accepted) == want  # exact bodies, once each
        assert sidecar.returncode == 0 and not err
        stats = Spool(spool_path).stats()
        assert (stats["delivered"], stats["pending"], stats["inflight"]) == (320, 0, 0)


def test_32_job_threads_sharing_one_forwarder_lose_nothing(tmp_path: Path) -> None:
    spool_path = tmp_path / "spool" / "spool.db"
    with Receiver(api_key=API_KEY, seed=7, fault="flaky:0.2") as receiver:
        result = load.many_threads(spool_path, receiver, threads=32)
        print(f"\n{result.summary()} (load average {os.getloadavg()[0]:.1f})")
        assert result.errors == []  # nothing raised, nothing logged at ERROR or above
        ok, stats = load.drain_and_count(spool_path, receiver)
        assert ok and (stats["delivered"], stats["dead"]) == (32, 0)
        calls: dict[str, Any] = receiver.calls
        assert sorted(calls) == sorted(f"thread-job-{n}" for n in range(32))
        assert all(len(c["transcript"]["turns"]) == 6 for c in calls.values())
