"""One health verdict: `status --check` and `/healthz` agree on every problem."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import API_KEY, cli_env, payload, run_cli, used_spool, wait_until
from tests.test_sidecar_ops import Sidecar
from zelto_spool import Spool
from zelto_spool.sidecar.health import verdict

HEALTHY: dict[str, Any] = {
    "paused": None,
    "oldest_pending_age_s": None,
    "over_cap": False,
    "size_bytes": 10,
    "max_bytes": 100,
    "corrupt_files": [],
}


@pytest.fixture
def sidecars() -> Iterator[list[Sidecar]]:
    started: list[Sidecar] = []
    yield started
    for sidecar in started:
        if sidecar.proc.poll() is None:
            sidecar.proc.kill()
            sidecar.proc.communicate()


def test_a_sidecar_still_opening_its_spool_says_starting_not_stopped() -> None:
    found = verdict(HEALTHY, flusher_running=False, flusher_starting=True)
    assert not found.ok and list(found.problems) == [
        "starting: the spool is being opened, the flusher has not begun"
    ]


@pytest.mark.parametrize(
    ("changes", "running", "problem"),
    [
        ({}, None, None),
        ({}, True, None),
        ({}, False, "flusher stopped"),
        ({"paused": "401 from Zelto"}, None, "paused: 401 from Zelto"),
        ({"oldest_pending_age_s": 899.0}, None, None),
        ({"oldest_pending_age_s": 901.0}, None, "oldest pending call is 15m01s old"),
        ({"over_cap": True, "size_bytes": 200}, None, "over its size cap (200 > 100 bytes)"),
        ({"corrupt_files": ["/s/spool.db.corrupt-1"]}, None, "set aside"),
    ],
)
def test_verdict_table(changes: dict[str, Any], running: bool | None, problem: str | None) -> None:
    found = verdict({**HEALTHY, **changes}, max_pending_age_s=900, flusher_running=running)
    if problem is None:
        assert found.ok and found.text == "ok"
    else:
        assert not found.ok and len(found.problems) == 1 and problem in found.text


def set_aside_spool(spool_path: Path) -> Path:
    """A used spool damaged past salvage, then set aside by the next open (as `status` does)."""
    used_spool(spool_path)
    spool_path.write_bytes(b"garbage" * 1000)
    Spool(spool_path).stats()
    (moved,) = spool_path.parent.glob("spool.db.corrupt-*")
    return moved


def test_a_set_aside_spool_fails_status_check_until_it_is_moved_away(
    spool_path: Path, tmp_path: Path
) -> None:
    moved = set_aside_spool(spool_path)
    env = cli_env(spool_path)
    check = run_cli("status", "--check", env=env)
    assert check.returncode == 1, check.stdout
    assert "set aside" in check.stderr and str(moved) in check.stderr
    assert not run_cli("status", "--json", env=env).stdout.count('"healthy": true')
    shutil.move(moved, tmp_path / "salvage-me.db")  # the operator deals with it
    assert run_cli("status", "--check", env=env).returncode == 0


def test_drain_exits_1_while_a_set_aside_spool_may_hold_calls(
    spool_path: Path, tmp_path: Path, zelto_receiver: Any
) -> None:
    """An outside tester's drain salvaged none of 30 calls and said "0 left pending", exit 0:
    a script running `drain && ...` took that for success."""
    moved = set_aside_spool(spool_path)
    env = cli_env(spool_path, zelto_receiver.base_url, API_KEY)
    drained = run_cli("drain", "--timeout", "10s", env=env)
    assert drained.returncode == 1, drained.stdout
    assert "set aside" in drained.stderr and str(moved) in drained.stderr
    shutil.move(moved, tmp_path / "salvage-me.db")
    assert run_cli("drain", "--timeout", "10s", env=env).returncode == 0


def test_healthz_gives_the_same_verdict_as_status_check(
    spool_path: Path, zelto_receiver: Any, sidecars: list[Sidecar], tmp_path: Path
) -> None:
    moved = set_aside_spool(spool_path)
    sidecars.append(sidecar := Sidecar(spool_path, zelto_receiver))
    health = sidecar.get("/healthz")
    assert health.status_code == 503 and "set aside" in health.text
    shutil.move(moved, tmp_path / "salvage-me.db")
    wait_until(lambda: sidecar.get("/healthz").status_code == 200)
    assert sidecar.get("/healthz").text.strip() == "ok"
    assert sidecar.stop()[0] == 0


def test_healthz_fails_over_the_cap_and_on_a_stale_backlog_like_status_check(
    spool_path: Path, zelto_receiver: Any, sidecars: list[Sidecar]
) -> None:
    spool = Spool(spool_path)
    for i in range(10):
        spool.enqueue(payload(f"p-{i}", turns=200))
    zelto_receiver.set_fault("down")
    env = {
        **cli_env(spool_path, zelto_receiver.base_url, API_KEY),
        "ZELTO_SPOOL_MAX_BYTES": "16KiB",
    }
    check = run_cli("status", "--check", "--max-pending-age", "0", env=env)
    assert check.returncode == 1
    assert "over its size cap" in check.stderr and "oldest pending call" in check.stderr
    args = ("--max-bytes", "16KiB", "--max-pending-age", "0")
    sidecars.append(sidecar := Sidecar(spool_path, zelto_receiver, API_KEY, *args))
    health = sidecar.get("/healthz")
    assert health.status_code == 503
    assert "over its size cap" in health.text and "oldest pending call" in health.text
    assert sidecar.stop()[0] == 0
    zelto_receiver.set_fault(None)


def test_status_check_says_the_spools_filesystem_is_nearly_full(tmp_path: Path) -> None:
    """An outside tester filled the spool's disk: the sidecar logged "disk full" at every
    retry while `status` showed nothing of it and `status --check` exited 0. A 2 MiB tmpfs,
    in a private mount namespace for the child only, has less than 16 MiB free."""
    import subprocess
    import sys

    from tests.test_faults import _can_mount_tmpfs

    if not _can_mount_tmpfs():
        pytest.skip("needs unshare -rm and a tmpfs mount")
    spool_path = tmp_path / "spool.db"
    script = (
        f"from zelto_spool import Spool; from tests.conftest import payload; "
        f"Spool({str(spool_path)!r}).enqueue(payload('room-1'))"
    )
    steps = (
        'mount -t tmpfs -o size=2m tmpfs "$1" && chmod 700 "$1" && '
        '"$2" -c "$3" && exec "$2" -m zelto_spool status --check'
    )
    out = subprocess.run(
        ["unshare", "-rm", "sh", "-c", steps, "sh", str(tmp_path), sys.executable, script],
        env=cli_env(spool_path),
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 1, out.stdout + out.stderr
    assert "disk       NEARLY FULL" in out.stdout
    assert "nearly full" in out.stderr and "Traceback" not in out.stderr
