"""The CLI in pipelines and scripts: a reader that stops early, output that is not a terminal,
and what `status` says of the next attempt: while sending is paused, and when no process sends."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from zelto_spool import Spool

from .conftest import cli_env, payload, run_cli


def test_a_reader_that_stops_early_is_not_an_error(spool_path: Path) -> None:
    spool = Spool(spool_path)
    spool.enqueue(payload("room-1", turns=400))  # far more output than a pipe buffer holds
    spool.close()
    with subprocess.Popen(
        [sys.executable, "-m", "zelto_spool", "show", "room-1"],
        env=cli_env(spool_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as show:
        assert show.stdout is not None and show.stderr is not None
        first = show.stdout.readline()  # what `| head -1` reads, then it goes away
        show.stdout.close()
        errors = show.stderr.read()
        assert show.wait(timeout=60) == 0, errors
    assert first.startswith(b"call_id")
    assert errors == b""  # no "Error: Broken pipe", no "Exception ignored"


def test_drain_without_a_terminal_prints_no_progress_bar(
    spool_path: Path, zelto_receiver: Any
) -> None:
    spool = Spool(spool_path)
    spool.enqueue(payload("room-1"))
    spool.close()
    env = cli_env(spool_path, zelto_receiver.base_url, "test-key")
    result = run_cli("drain", env=env)  # stderr is a pipe here, as in a script or a log
    assert result.returncode == 0, result.stderr
    assert "1 delivered" in result.stdout
    assert result.stderr == ""  # it used to leave a bare "draining" without a newline


def test_status_while_paused_says_paused_not_next_attempt_now(
    spool_path: Path, zelto_receiver: Any
) -> None:
    spool = Spool(spool_path)
    spool.enqueue(payload("room-1"))
    spool.close()
    wrong = cli_env(spool_path, zelto_receiver.base_url, "not-the-key")
    assert run_cli("drain", "--timeout", "5s", env=wrong).returncode == 1
    assert json.loads(run_cli("status", "--json", env=wrong).stdout)["paused"]
    text = run_cli("status", env=wrong).stdout
    pending = next(line for line in text.splitlines() if line.startswith("pending"))
    assert "sending paused" in pending and "next attempt now" not in pending


def test_status_says_when_due_calls_are_not_being_tried(spool_path: Path) -> None:
    """A worker without ZELTO_API_KEY stores calls and sends none, and nothing in the spool
    said so: `status` showed "next attempt now" for hours. A call due for over 5 minutes and
    not tried (not paused) now says no process is sending."""
    now = time.time()
    spool = Spool(spool_path, clock=lambda: now - 600)  # written 10 minutes ago, never tried
    spool.enqueue(payload("room-1"))
    spool.close()
    text = run_cli("status", env=cli_env(spool_path)).stdout
    assert re.search(r"due for 10m0\ds and not tried: no process is sending", text), text
    assert "ZELTO_API_KEY" in text
    overdue = json.loads(run_cli("status", "--json", env=cli_env(spool_path)).stdout)["overdue_s"]
    assert 590 < overdue < 900

    fresh = Spool(spool_path)
    fresh.enqueue(payload("room-2"))  # a new call does not make the first one less overdue
    fresh.close()
    assert "not tried" in run_cli("status", env=cli_env(spool_path)).stdout


def test_status_of_a_recent_or_paused_backlog_does_not_blame_the_sender(
    spool_path: Path, zelto_receiver: Any
) -> None:
    spool = Spool(spool_path)
    spool.enqueue(payload("room-1"))  # due now: a sender has not had time to try it
    spool.close()
    assert "not tried" not in run_cli("status", env=cli_env(spool_path)).stdout
    assert json.loads(run_cli("status", "--json", env=cli_env(spool_path)).stdout)["overdue_s"] < 60

    wrong = cli_env(spool_path, zelto_receiver.base_url, "not-the-key")
    assert run_cli("drain", "--timeout", "5s", env=wrong).returncode == 1  # paused: 401
    status = json.loads(run_cli("status", "--json", env=wrong).stdout)
    assert status["paused"] and status["overdue_s"] is None
