"""A `-shm` or `-wal` deleted under a running sidecar is detected, not silent (issue 11, item 8)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import API_KEY, cli_env, payload, wait_until
from tests.test_sidecar_ops import Sidecar
from zelto_spool import Spool, SpoolError

SLOW = ("--housekeeping-interval", "120s")

WRITER = """
import sys
from zelto_spool import Spool, SpoolError

SLOW = ("--housekeeping-interval", "120s")
spool = Spool(sys.argv[1])
for i in range(int(sys.argv[3])):
    spool.enqueue({"agent": {"externalId": "a"}, "call": {"externalId": f"{sys.argv[2]}-{i}"}})
print("ok", flush=True)
"""


def write_calls(spool_path: Path, prefix: str, count: int) -> None:
    """Enqueue from another process (a job process), each call acknowledged on return."""
    done = subprocess.run(
        [sys.executable, "-c", WRITER, str(spool_path), prefix, str(count)],
        env=cli_env(spool_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def test_a_deleted_shm_under_a_running_sidecar_loses_no_later_call(
    spool_path: Path, zelto_receiver: Any, sidecars: list[Sidecar]
) -> None:
    with Spool(spool_path) as first:  # closed now, not whenever GC collects it: an open
        first.enqueue(payload("before"))  # connection here would keep the deleted -shm mapped
    sidecars.append(sidecar := Sidecar(spool_path, zelto_receiver))
    assert zelto_receiver.wait_for(lambda r: "before" in r.calls, 10)
    Path(f"{spool_path}-shm").unlink()  # a cleanup job or an operator
    for batch in range(4):
        write_calls(spool_path, f"after{batch}", 5)  # each acknowledged
    wanted = {f"after{b}-{i}" for b in range(4) for i in range(5)}
    assert zelto_receiver.wait_for(lambda r: wanted <= set(r.calls), 20), sorted(
        wanted - set(zelto_receiver.calls)
    )
    wait_until(lambda: Spool(spool_path).stats()["delivered"] == 21)
    code, err, _ = sidecar.stop()
    assert code == 0 and "-wal or -shm was deleted or replaced" in err, err
    assert "reopened the spool" in err


def test_a_deleted_wal_under_a_running_sidecar_keeps_the_calls_only_it_held(
    spool_path: Path, zelto_receiver: Any, sidecars: list[Sidecar]
) -> None:
    zelto_receiver.set_fault("down")
    with Spool(spool_path) as first:  # closed now, not whenever GC collects it
        first.stats()
    # no housekeeping checkpoint before the deletion: the calls sit in the -wal only
    sidecars.append(sidecar := Sidecar(spool_path, zelto_receiver, API_KEY, *SLOW))
    write_calls(spool_path, "held", 20)
    wal = Path(f"{spool_path}-wal")
    assert wal.stat().st_size > 0
    wal.unlink()

    def pending() -> int:
        try:
            return int(Spool(spool_path).stats()["pending"])
        except SpoolError:  # until the sidecar folds the deleted -wal back
            return 0

    wait_until(lambda: pending() == 20, 20)
    zelto_receiver.set_fault(None)
    wanted = {f"held-{i}" for i in range(20)}
    assert zelto_receiver.wait_for(lambda r: wanted <= set(r.calls), 30)
    code, err, _ = sidecar.stop()
    assert code == 0 and "-wal or -shm was deleted or replaced" in err, err


def test_where_the_old_connection_cannot_be_closed_safely_the_process_stops_loudly(
    spool_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zelto_spool.store.db as db

    spool = Spool(spool_path)
    spool.enqueue(payload("a"))
    monkeypatch.setattr(db, "no_checkpoint_on_close", lambda _conn: False)
    Path(f"{spool_path}-shm").unlink()
    for _ in range(2):  # every later operation, not only the one that found it
        with pytest.raises(SpoolError, match="restart this process"):
            spool.enqueue(payload("b"))
    assert Spool(spool_path).latest_payload("a") == payload("a")  # nothing committed was lost
