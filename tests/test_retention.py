"""How long delivered transcripts stay on disk: `ZELTO_SPOOL_RETENTION`, `run --retention`,
`purge`; `0` drops a payload once Zelto has it and keeps the row that says it existed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import API_KEY, cli_env, payload, run_cli, wait_until
from tests.test_sidecar_ops import Sidecar
from tests.test_spool import Clock
from zelto_spool import ConfigError, Spool
from zelto_spool.delivery.claim import Leases


def deliver(spool: Spool, call_id: str) -> None:
    leases = Leases(spool)
    (claim,) = leases.claim(1, lease_s=60, call_id=call_id)
    assert leases.mark_delivered(claim, status=200) == "delivered"


def test_retention_comes_from_the_environment(
    spool_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert Spool(spool_path).retention_s == 7 * 86400
    monkeypatch.setenv("ZELTO_SPOOL_RETENTION", "36h")
    assert Spool(spool_path).retention_s == 36 * 3600
    assert Spool(spool_path, retention_s=60).retention_s == 60  # explicit wins
    monkeypatch.setenv("ZELTO_SPOOL_RETENTION", "soon")
    with pytest.raises(ConfigError, match="ZELTO_SPOOL_RETENTION"):
        Spool(spool_path)


def test_zero_drops_the_payload_with_the_delivery_and_keeps_the_row(spool_path: Path) -> None:
    spool = Spool(spool_path, retention_s=0)
    spool.enqueue(payload("gone"))
    spool.enqueue(payload("kept"))
    deliver(spool, "gone")
    assert spool.latest_payload("gone") is None  # in the delivery's own transaction
    assert spool.latest_payload("kept") == payload("kept")  # pending: never dropped
    assert spool.stats()["delivered"] == 1
    assert spool.upkeep.without_payload(["gone", "kept", "unknown"]) == ["gone"]
    assert spool.upkeep.replay(call_ids=["gone"]) == []


def test_a_short_retention_drops_payloads_then_rows_a_week_later(spool_path: Path) -> None:
    clock = Clock()
    spool = Spool(spool_path, retention_s=3600, clock=clock)
    spool.enqueue(payload("a"))
    deliver(spool, "a")
    clock.now += 3599
    assert spool.upkeep.purge() == 0 and spool.latest_payload("a") == payload("a")
    clock.now += 2
    assert spool.upkeep.purge() == 1 and spool.latest_payload("a") is None
    assert [r["state"] for r in spool.upkeep.rows(call_ids=["a"])] == ["delivered"]
    clock.now += 7 * 86400
    spool.upkeep.purge()
    assert spool.upkeep.rows(call_ids=["a"]) == []


def test_cli_with_retention_zero_says_the_payload_is_gone(
    spool_path: Path, zelto_receiver: Any
) -> None:
    env = {**cli_env(spool_path, zelto_receiver.base_url, API_KEY), "ZELTO_SPOOL_RETENTION": "0"}
    Spool(spool_path).enqueue(payload("room-1"))
    assert run_cli("drain", env=env).returncode == 0
    assert zelto_receiver.calls["room-1"] == payload("room-1")
    status = json.loads(run_cli("status", "--json", env=env).stdout)
    assert status["delivered"] == 1
    shown = run_cli("show", "room-1", env=env)
    assert shown.returncode == 0 and "payload: gone" in shown.stdout
    again = run_cli("replay", "room-1", env=env)
    assert again.returncode == 1 and "payload is gone" in again.stderr, again.stderr
    purge = run_cli("purge", env=env)
    assert purge.stdout.startswith("purged 0 delivered call(s) older than 0s"), purge.stdout


def test_run_retention_zero_keeps_no_delivered_transcript(
    spool_path: Path, zelto_receiver: Any
) -> None:
    sidecar = Sidecar(spool_path, zelto_receiver, API_KEY, "--retention", "0")
    try:
        spool = Spool(spool_path, retention_s=7 * 86400)  # the writer's own setting is moot
        spool.enqueue(payload("room-2"))
        assert zelto_receiver.wait_for(lambda r: "room-2" in r.calls, 10)
        wait_until(lambda: spool.upkeep.rows(call_ids=["room-2"])[0]["state"] == "delivered")
        assert spool.latest_payload("room-2") is None
    finally:
        assert sidecar.stop()[0] == 0
