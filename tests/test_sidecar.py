"""`zelto-spool run` as a real process: woken by new rows, SIGTERM exits 0, kill -9 loses none."""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import API_KEY, cli_env, payload, run_cli
from zelto_spool import Spool


def start_sidecar(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "zelto_spool", "run", "--poll-interval", "30", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    line = proc.stderr.readline()  # "sidecar started ..." once it is watching
    assert "sidecar started" in line, line + proc.stderr.read()
    return proc


def stop(proc: subprocess.Popen[str], sig: int = signal.SIGTERM) -> tuple[int, str, float]:
    started = time.monotonic()
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=30)
    return proc.returncode, err, time.monotonic() - started


def test_sidecar_is_woken_by_new_calls(spool_path: Path, zelto_receiver: Any) -> None:
    Spool(spool_path).enqueue(payload("before"))
    env = cli_env(spool_path, zelto_receiver.base_url, API_KEY)
    proc = start_sidecar(env, "--housekeeping-interval", "60s")
    try:
        assert zelto_receiver.wait_for(lambda r: "before" in r.calls, 10)
        # its timers are 30 s and 60 s: only the watchfiles wake-up can deliver these in time
        spool = Spool(spool_path)
        for i in range(20):
            spool.enqueue(payload(f"after-{i}"))
        assert zelto_receiver.wait_for(lambda r: len(r.calls) == 21, 10)
    finally:
        code, err, _ = stop(proc)
    assert code == 0, err
    assert "sidecar stopped" in err
    assert Spool(spool_path).stats()["delivered"] == 21


def test_sigterm_releases_in_flight_rows_and_exits_0(spool_path: Path, zelto_receiver: Any) -> None:
    spool = Spool(spool_path)
    spool.enqueue(payload("warm-up"))  # a first answer lifts the one-at-a-time slow start
    proc = start_sidecar(cli_env(spool_path, zelto_receiver.base_url, API_KEY))
    assert zelto_receiver.wait_for(lambda r: "warm-up" in r.calls, 10)
    zelto_receiver.set_fault("hang")
    for i in range(4):
        spool.enqueue(payload(f"room-{i}"))
    assert zelto_receiver.wait_for(lambda r: len(r.posts) == 5, 10)
    assert spool.stats()["inflight"] == 4
    code, err, took = stop(proc)
    assert code == 0, err
    assert took < 10  # stop_grace_s (5 s) then release, well inside a pod's grace period
    stats = spool.stats()
    assert (stats["inflight"], stats["pending"]) == (0, 4)
    zelto_receiver.set_fault(None)
    env = cli_env(spool_path, zelto_receiver.base_url, API_KEY)
    assert run_cli("drain", env=env).returncode == 0
    assert len(zelto_receiver.calls) == 5


def test_kill_9_mid_drain_loses_nothing(spool_path: Path, zelto_receiver: Any) -> None:
    spool = Spool(spool_path)
    calls = [payload(f"room-{i:02d}", turns=4) for i in range(40)]
    for c in calls:
        spool.enqueue(c)
    zelto_receiver.set_fault("slow:0.3")
    env = cli_env(spool_path, zelto_receiver.base_url, API_KEY)
    proc = start_sidecar(env)
    assert zelto_receiver.wait_for(lambda r: len(r.calls) >= 5, 20)
    assert spool.stats()["inflight"] > 0  # killed with sends in flight
    code, _, _ = stop(proc, signal.SIGKILL)
    assert code == -signal.SIGKILL
    zelto_receiver.set_fault(None)
    result = run_cli("drain", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert set(zelto_receiver.calls) == {c["call"]["externalId"] for c in calls}
    stats = json.loads(run_cli("status", "--json", env=env).stdout)
    assert (stats["pending"], stats["inflight"], stats["delivered"]) == (0, 0, 40)


def test_event_loop_errors_are_rate_limited(caplog: pytest.LogCaptureFixture) -> None:
    """A descriptor flood on --listen made asyncio print a traceback per failed accept."""
    from zelto_spool.sidecar.run import rate_limited_loop_errors

    now = [0.0]
    handle = rate_limited_loop_errors(every_s=10.0, clock=lambda: now[0])
    loop = asyncio.new_event_loop()
    try:
        with caplog.at_level(logging.ERROR, logger="zelto_spool"):
            for _ in range(1000):
                handle(
                    loop,
                    {
                        "message": "socket.accept() out of system resource",
                        "exception": OSError(24, "Too many open files"),
                    },
                )
            now[0] = 11.0
            handle(
                loop,
                {
                    "message": "socket.accept() out of system resource",
                    "exception": OSError(24, "Too many open files"),
                },
            )
            handle(loop, {"message": "another error", "exception": ValueError("x")})
    finally:
        loop.close()
    records = [r for r in caplog.records if r.getMessage() == "event loop error"]
    assert len(records) == 3
    assert records[1].left_out_since_last == 999  # type: ignore[attr-defined]
    assert "Too many open files" in records[0].error  # type: ignore[attr-defined]
