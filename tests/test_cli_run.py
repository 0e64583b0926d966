"""`zelto-spool run --listen` start-up and `drain`'s progress bar, through the real CLI."""

from __future__ import annotations

import os
import pty
import select
import signal
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import API_KEY, cli_env, payload, run_cli, wait_until
from zelto_spool import Spool


def test_a_busy_listen_port_fails_before_anything_is_sent(
    spool_path: Path, zelto_receiver: Any
) -> None:
    Spool(spool_path).enqueue(payload("room-1"))
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        env = cli_env(spool_path, zelto_receiver.base_url, API_KEY)
        result = run_cli("run", "--listen", f"127.0.0.1:{port}", env=env, timeout=60)
    assert result.returncode == 1, result.stderr
    assert "address already in use" in result.stderr.lower()
    assert "Traceback" not in result.stderr
    assert zelto_receiver.posts == []
    assert Spool(spool_path).stats()["pending"] == 1


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _reachable(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/livez", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


@pytest.mark.parametrize(
    ("livekit", "warned"),
    [
        ({}, False),
        ({"LIVEKIT_API_KEY": "APIdevkey"}, True),
        ({"LIVEKIT_API_SECRET": "dev-secret"}, True),
    ],
)
def test_webhooks_off_warning_only_when_half_configured(
    spool_path: Path, zelto_receiver: Any, livekit: dict[str, str], warned: bool
) -> None:
    port = _free_port()
    env = cli_env(spool_path, zelto_receiver.base_url, API_KEY)
    env.pop("LIVEKIT_API_KEY", None)
    env.pop("LIVEKIT_API_SECRET", None)
    env.update(livekit)
    proc = subprocess.Popen(
        [sys.executable, "-m", "zelto_spool", "run", "--listen", f"127.0.0.1:{port}"],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None
        seen = ""
        while "sidecar started" not in seen:
            line = proc.stderr.readline()
            assert line, seen
            seen += line
        assert ("webhooks are off" in seen) is warned, seen
        if warned:
            missing = "LIVEKIT_API_SECRET" if "LIVEKIT_API_KEY" in livekit else "LIVEKIT_API_KEY"
            assert f"missing={missing}" in seen
            assert livekit.get("LIVEKIT_API_SECRET", "<none>") not in seen
        wait_until(lambda: _reachable(port))
        answer = httpx.post(f"http://127.0.0.1:{port}/livekit/webhook", content=b"{}")
        assert answer.status_code == 404 and "LIVEKIT_API_KEY" in answer.text
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=30)
    assert proc.returncode == 0


def test_drain_bar_shows_rate_and_eta_on_a_terminal(spool_path: Path, zelto_receiver: Any) -> None:
    spool = Spool(spool_path)
    for i in range(20):
        spool.enqueue(payload(f"room-{i}"))
    controller, terminal = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "zelto_spool", "drain", "--concurrency", "1"],
        env=cli_env(spool_path, zelto_receiver.base_url, API_KEY),
        stdout=subprocess.PIPE,
        stderr=terminal,
        text=True,
    )
    os.close(terminal)
    shown = b""
    try:
        while True:  # read the terminal until the child closes it
            ready, _, _ = select.select([controller], [], [], 60)
            assert ready, shown
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # EIO: every writer is gone
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(controller)
        out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0, out
    text = shown.decode()
    assert "draining" in text and "20/20" in text
    assert "calls/s, ETA " in text, text
