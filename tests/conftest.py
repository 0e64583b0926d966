"""Shared helpers: payload builders, a spool in tmp_path, running the real CLI in a subprocess."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from zelto_spool import Spool

API_KEY = "test-key"  # what the zelto_receiver fixture expects
SECRET_KEY = "zk_live_5ecret-DO-NOT-LEAK-9f3a"  # a key that must never reach disk or output


def payload(call_id: str = "room-1", *, turns: int = 2, **call: Any) -> dict[str, Any]:
    return {
        "agent": {"externalId": "support-bot", "name": "Support Bot"},
        "call": {"externalId": call_id, **call},
        "transcript": {
            "turns": [
                {"role": "user" if i % 2 == 0 else "assistant", "content": f"turn {i} of {call_id}"}
                for i in range(turns)
            ]
        },
    }


@pytest.fixture
def spool_path(tmp_path: Path) -> Path:
    return tmp_path / "state" / "spool.db"


@pytest.fixture
def spool(spool_path: Path) -> Spool:
    s = Spool(spool_path)
    yield s
    s.close()


def used_spool(path: Path) -> None:
    """Make `path` a spool that was used and closed (no -wal left), to damage it afterwards."""
    with Spool(path) as spool:
        spool.stats()


def wait_until(predicate: Callable[[], Any], timeout: float = 10.0, interval: float = 0.01) -> Any:
    """Poll `predicate` until it returns something truthy; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        time.sleep(interval)


def cli_env(
    spool_path: Path, base_url: str | None = None, api_key: str | None = None
) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZELTO_")}
    env["ZELTO_SPOOL_PATH"] = str(spool_path)
    if base_url is not None:
        env["ZELTO_BASE_URL"] = base_url
    if api_key is not None:
        env["ZELTO_API_KEY"] = api_key
    env["PYTHONWARNINGS"] = "error"
    return env


def run_agent_script(
    script: Path, spool_path: Path, receiver: Any, *args: str, **env: str
) -> subprocess.CompletedProcess[str]:
    """Run an agent script (a real worker running simulated jobs in real job processes) in its
    own process, pointed at the test's spool and receiver plus `env`; the test fails on a
    non-zero exit or a traceback."""
    full = {
        **cli_env(spool_path, receiver.base_url, API_KEY),
        "PYTHONPATH": str(Path(__file__).resolve().parents[1]),
        **env,
    }
    result = subprocess.run(
        [sys.executable, str(script), *args],
        env=full,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return result


def run_cli(
    *args: str, env: dict[str, str], input: str | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run the real `zelto-spool` console entry point in its own process."""
    return subprocess.run(
        [sys.executable, "-m", "zelto_spool", *args],
        env=env,
        input=input,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture
def sidecars() -> Iterator[list[Any]]:
    """Sidecar processes a test starts (`tests.test_sidecar_ops.Sidecar`), killed after it."""
    started: list[Any] = []
    yield started
    for sidecar in started:
        if sidecar.proc.poll() is None:
            sidecar.proc.kill()
            sidecar.proc.communicate()


@pytest.fixture(scope="session")
def _frozen_imports() -> None:
    """Leave what exists before the first test (modules, collected tests) out of the collections
    below: `gc.collect()` then looks at what the tests made only (~10 ms, not ~300 ms, a test)."""
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def _collect_garbage_after_each_test(_frozen_imports: None) -> Iterator[None]:
    """Collect the garbage after each test: an object the test left unclosed (a socket, a
    transport) is then reported as this test's error, not as a warning in a later test."""
    yield
    gc.collect()


@pytest.fixture
def s3(tmp_path: Path) -> Iterator[Any]:
    """A real S3-compatible server (moto's) on 127.0.0.1, stopped after the test."""
    from tests.s3server import S3Server

    server = S3Server(tmp_path / "moto.log").start()
    try:
        yield server
    finally:
        server.stop()
