"""A process's own missing key is its own problem, never the spool's (issue 19, item 5).

A `zelto-spool run` started without the key (under `sudo`, which drops the environment) used
to write a spool-wide pause with a probe ten years away and leave it on exit: a keyed sidecar
that had probed once before then sent nothing until restarted, and `status` blamed a key it
had. Two real sidecar processes on one spool file and the loopback receiver.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.conftest import API_KEY, cli_env, payload, run_cli, wait_until
from tests.test_sidecar import start_sidecar, stop
from zelto_spool import Spool
from zelto_spool.delivery.claim import Leases
from zelto_spool.delivery.pause import NO_KEY_REASON


def test_a_keyless_run_refuses_and_leaves_the_keyed_sidecar_sending(
    spool_path: Path, zelto_receiver: Any
) -> None:
    spool = Spool(spool_path)
    spool.enqueue(payload("before"))
    keyed = cli_env(spool_path, zelto_receiver.base_url, API_KEY)
    # a wrong key paused the spool: the keyed sidecar's start-up probe lifts it (it has probed)
    assert run_cli("drain", "--timeout", "5s", env={**keyed, "ZELTO_API_KEY": "wrong"}).returncode
    assert spool.stats()["paused"]
    sidecar = start_sidecar(keyed)
    try:
        assert zelto_receiver.wait_for(lambda r: "before" in r.calls, 20)
        wait_until(lambda: not spool.stats()["paused"])
        keyless = cli_env(spool_path, zelto_receiver.base_url, None)
        run = subprocess.Popen(
            [sys.executable, "-m", "zelto_spool", "run", "--poll-interval", "30"],
            env=keyless,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        # today's code pauses the spool and runs on; the fixed one exits at once
        wait_until(lambda: run.poll() is not None or spool.stats()["paused"], timeout=30)
        if run.poll() is None:
            code, err, _ = stop(run)
        else:
            code, err = run.wait(), run.communicate()[1]
        assert spool.stats()["paused"] is None, "a key-less process paused the whole spool"
        assert code == 1, err
        assert "ZELTO_API_KEY is not set" in err and "not started" in err
        assert "sudo" in err  # the usual way to lose it, and the fix
        spool.enqueue(payload("after"))
        assert zelto_receiver.wait_for(lambda r: "after" in r.calls, 20)
        status = run_cli("status", "--json", env=keyed)
        assert json.loads(status.stdout)["paused"] is None
    finally:
        code, err, _ = stop(sidecar)
    assert code == 0, err
    spool.close()


def test_a_pause_left_by_an_older_keyless_run_is_lifted_by_a_keyed_sidecar(
    spool_path: Path, zelto_receiver: Any
) -> None:
    """Spools written by an older version may hold the ten-year no-key pause: a process with
    a key clears it at start, even with nothing to send (status and /healthz blamed it)."""
    spool = Spool(spool_path)
    Leases(spool).pause(NO_KEY_REASON, status=None, probe_at=spool.store.clock() + 3e8)
    sidecar = start_sidecar(cli_env(spool_path, zelto_receiver.base_url, API_KEY))
    try:
        wait_until(lambda: spool.stats()["paused"] is None)
        spool.enqueue(payload("after"))
        assert zelto_receiver.wait_for(lambda r: "after" in r.calls, 20)
    finally:
        code, err, _ = stop(sidecar)
    assert code == 0, err
    spool.close()
