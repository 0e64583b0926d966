"""What `list`, `show`, `status`, `replay` and `drain` print: formats, times, escaping."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import API_KEY, cli_env, payload, run_cli
from zelto_spool import Spool
from zelto_spool.text import printable, printable_json, rate_and_eta, when

# C1 CSI and a right-to-left override: accepted in call ids, harmful raw on a terminal
EVIL_ID = "evil\x9b31m\u202eroom"
EVIL_SHOWN = "evil\\x9b31m\\u202eroom"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def dead_and_delivered(spool_path: Path, zelto_receiver: Any) -> dict[str, str]:
    """A spool with one delivered call and one dead call (422 with a reason), via real drains."""
    Spool(spool_path).enqueue(payload("room-ok"))
    Spool(spool_path).enqueue(payload(EVIL_ID))
    zelto_receiver.reject(EVIL_ID, 422, "agent unknown \x1b[2J\u202e")
    env = cli_env(spool_path, zelto_receiver.base_url, API_KEY)
    assert run_cli("drain", "-q", env=env).returncode == 0
    return env


def test_list_table_has_aligned_columns_and_escapes(dead_and_delivered: dict[str, str]) -> None:
    out = run_cli("list", env=dead_and_delivered).stdout
    assert not RAW.search(out)
    header, rule, *rows = out.splitlines()
    assert header.split()[:5] == ["state", "call_id", "version", "attempts", "age"]
    assert set(rule) <= {"-", " "}
    column = header.index("call_id")
    for row in rows:
        assert row[column - 2 : column] == "  " and row[column] != " ", rows
    dead = next(r for r in rows if r.startswith("dead"))
    assert EVIL_SHOWN in dead and "422" in dead and "agent unknown" in dead
    explicit = run_cli("list", "--table", env=dead_and_delivered).stdout.splitlines()
    assert explicit[:2] == [header, rule] and len(explicit) == len(rows) + 2


def test_list_json_nl_and_csv_are_exact(dead_and_delivered: dict[str, str]) -> None:
    env = dead_and_delivered
    rows = json.loads(run_cli("list", "--json", env=env).stdout)
    assert {r["call_id"] for r in rows} == {"room-ok", EVIL_ID}
    lines = run_cli("list", "--nl", env=env).stdout.splitlines()
    assert [json.loads(line) for line in lines] == rows
    table = list(csv.DictReader(io.StringIO(run_cli("list", "--csv", env=env).stdout)))
    assert [r["call_id"] for r in table] == [r["call_id"] for r in rows]
    assert table[0].keys() == rows[0].keys()
    dead = next(r for r in table if r["state"] == "dead")
    assert dead["last_status"] == "422"


def test_list_says_when_no_call_is_in_a_state(dead_and_delivered: dict[str, str]) -> None:
    """An empty table printed nothing at all, not even its header (an adopter's finding); the
    machine formats stay as they were: `[]`, no line."""
    env = dead_and_delivered
    for state in ("pending", "live"):
        shown = run_cli("list", "--state", state, env=env)
        assert shown.returncode == 0 and shown.stdout == ""
        assert shown.stderr.strip() == f"no {state} calls"
    assert run_cli("list", "--state", "pending", "--json", env=env).stdout.strip() == "[]"
    assert run_cli("list", "--state", "pending", "--nl", env=env).stdout == ""


def test_show_prints_iso_utc_times_and_escapes(dead_and_delivered: dict[str, str]) -> None:
    out = run_cli("show", EVIL_ID, env=dead_and_delivered).stdout
    assert not RAW.search(out)
    fields = dict(line.split(None, 1) for line in out.split("payload:")[0].splitlines())
    assert fields["call_id"] == EVIL_SHOWN
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(\d+s ago\)", fields["updated_at"])
    payload_text = out.split("payload:\n", 1)[1]
    assert json.loads(payload_text)["call"]["externalId"] == EVIL_ID  # still the same JSON
    exact = json.loads(run_cli("show", EVIL_ID, "--json", env=dead_and_delivered).stdout)
    assert exact["call_id"] == EVIL_ID and isinstance(exact["updated_at"], float)


def test_status_and_drain_escape_call_ids_and_reasons(
    spool_path: Path, zelto_receiver: Any
) -> None:
    Spool(spool_path).enqueue(payload(EVIL_ID))
    zelto_receiver.set_fault("5xx:503")
    env = cli_env(spool_path, zelto_receiver.base_url, API_KEY)
    drain = run_cli("drain", "-q", "--timeout", "1s", env=env)
    assert drain.returncode == 1 and "last error" in drain.stdout
    status = run_cli("status", env=env).stdout
    assert EVIL_SHOWN in status and "HTTP 503" in status
    for out in (drain.stdout, drain.stderr, status):
        assert not RAW.search(out)


def test_replay_clears_the_old_failure(dead_and_delivered: dict[str, str]) -> None:
    env = dead_and_delivered
    assert "422" in run_cli("status", env=env).stdout
    assert run_cli("replay", "--state", "dead", env=env).stdout.startswith("queued 1 call(s)")
    rows = json.loads(run_cli("list", "--json", env=env).stdout)
    row = next(r for r in rows if r["call_id"] == EVIL_ID)
    assert (row["state"], row["last_status"], row["last_error"]) == ("pending", None, None)
    shown = run_cli("show", EVIL_ID, env=env).stdout
    assert "last_status" not in shown and "last_error" not in shown
    assert "last error" not in run_cli("status", env=env).stdout
    pending = next(r for r in run_cli("list", env=env).stdout.splitlines() if "pending" in r)
    assert "422" not in pending and "agent unknown" not in pending


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("room-1", "room-1"),
        ("a\x1b[31mb", "a\\x1b[31mb"),
        ("x\u202ey", "x\\u202ey"),
        ("tab\there", "tab\\there"),
        ("café 通話", "café 通話"),
    ],
)
def test_printable(text: str, shown: str) -> None:
    assert printable(text) == shown


def test_printable_json_is_the_same_json() -> None:
    value = {"a": "x\u202e\x9b\u2066 é", "b": ["\x1b"]}
    text = printable_json(json.dumps(value, indent=2, ensure_ascii=False))
    assert not RAW.search(text) and json.loads(text) == value and "é" in text


@pytest.mark.parametrize(
    ("done", "total", "elapsed", "note"),
    [
        (0, 10, 0.0, ""),
        (5, 10, 0.0, ""),
        (5, 10, 2.0, "2.5 calls/s, ETA 2s"),
        (100, 10_000, 4.0, "25.0 calls/s, ETA 6m36s"),
        (10, 10, 1.0, "10.0 calls/s, ETA 0s"),
    ],
)
def test_rate_and_eta(done: int, total: int, elapsed: float, note: str) -> None:
    assert rate_and_eta(done, total, elapsed) == note


@pytest.mark.parametrize(
    ("stamp", "now", "shown"),
    [
        (None, 0.0, "never"),
        (1_796_000_000.0, 1_796_000_185.0, "2026-11-30T00:53:20Z (3m05s ago)"),
        (1_796_000_120.0, 1_796_000_000.0, "2026-11-30T00:55:20Z (in 2m00s)"),
    ],
)
def test_when(stamp: float | None, now: float, shown: str) -> None:
    assert when(stamp, now) == shown


def test_the_size_limit_is_said_in_mib(tmp_path: Path) -> None:
    big = payload("room-big")
    big["transcript"]["turns"][0]["content"] = "x" * (10 * 2**20)
    result = run_cli("enqueue", "-", env=cli_env(tmp_path / "s.db"), input=json.dumps(big))
    assert result.returncode == 1
    assert "over the 10485760-byte limit (10 MiB)" in result.stderr
