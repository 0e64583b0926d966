"""The CLI as scripts and operators type it: options on either side of the command, JSON that
never says a due call is due in a negative time, and drain exit codes a script can rely on."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.conftest import API_KEY, cli_env, payload, run_cli
from zelto_spool import Spool
from zelto_spool.cli.main import cli

# every command but the receiver (a fake Zelto, no spool): a list written by hand missed
# release-restored, the one an operator runs mid-incident against another spool's path
SPOOL_COMMANDS = sorted(set(cli.commands) - {"receiver"})


def test_spool_option_works_after_the_command_too(tmp_path: Path) -> None:
    there, elsewhere = tmp_path / "there.db", tmp_path / "elsewhere.db"
    Spool(there).enqueue(payload("room-1"))
    env = cli_env(elsewhere)  # ZELTO_SPOOL_PATH names another file: the option must win
    before = run_cli("--spool", str(there), "status", "--json", env=env)
    after = run_cli("status", "--spool", str(there), "--json", env=env)
    assert before.returncode == after.returncode == 0, after.stderr
    assert json.loads(after.stdout)["path"] == json.loads(before.stdout)["path"]
    assert json.loads(after.stdout)["pending"] == 1
    assert not elsewhere.exists()
    listed = run_cli("list", "--json", "--spool", str(there), env=env)
    assert [r["call_id"] for r in json.loads(listed.stdout)] == ["room-1"]
    # after the command it wins over the one before it, as the later of two options does
    both = run_cli("--spool", str(elsewhere), "status", "--spool", str(there), env=env)
    assert both.returncode == 0 and str(there.resolve()) in both.stdout


@pytest.mark.parametrize("command", SPOOL_COMMANDS)
def test_every_spool_command_takes_and_documents_spool(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0 and "--spool PATH" in result.output


@pytest.fixture
def paused(spool_path: Path, zelto_receiver: Any) -> dict[str, str]:
    """A spool with one pending call, paused by a real 401 (the wrong key) from the receiver."""
    Spool(spool_path).enqueue(payload("room-1"))
    env = cli_env(spool_path, zelto_receiver.base_url, "not-the-key")
    assert run_cli("drain", "-q", "--timeout", "30s", env=env).returncode == 1
    return env


def test_status_json_never_shows_a_negative_wait_while_paused(
    spool_path: Path, paused: dict[str, str]
) -> None:
    cli_stats = json.loads(run_cli("status", "--json", env=paused).stdout)
    assert cli_stats["paused"] and cli_stats["next_attempt_in_s"] >= 0
    # ten minutes later nobody has probed (no sidecar runs): due now, not "in -600 s"
    later = Spool(spool_path, clock=lambda: time.time() + 600).stats()
    assert later["paused"] and later["next_attempt_in_s"] == 0
    probe_at = Spool(spool_path).pause_state().probe_at  # type: ignore[union-attr]
    soon = Spool(spool_path, clock=lambda: probe_at - 20).stats()
    assert soon["next_attempt_in_s"] == pytest.approx(20, abs=0.01)  # the next probe


def test_status_json_counts_a_due_call_as_due_now(spool_path: Path) -> None:
    Spool(spool_path).enqueue(payload("room-1"))
    later = Spool(spool_path, clock=lambda: time.time() + 3600).stats()
    assert later["next_attempt_in_s"] == 0


def test_drain_help_documents_its_exit_codes() -> None:
    text = CliRunner().invoke(cli, ["drain", "--help"]).output
    assert "Exit status:" in text and "--strict" in text
    for code in ("0", "1", "2", "3"):
        assert f"  {code}  " in text, code


def test_drain_strict_fails_when_a_call_was_dead_lettered(
    spool_path: Path, zelto_receiver: Any
) -> None:
    Spool(spool_path).enqueue(payload("room-ok"))
    Spool(spool_path).enqueue(payload("room-bad"))
    zelto_receiver.reject("room-bad", 422, "agent unknown")
    env = cli_env(spool_path, zelto_receiver.base_url, API_KEY)
    strict = run_cli("drain", "-q", "--strict", env=env)
    assert strict.returncode == 3, strict.stderr
    assert "1 delivered, 1 dead" in strict.stdout
    assert "dead-lettered" in strict.stderr and "zelto-spool list --state dead" in strict.stderr
    # nothing left to do: strict is about this drain's calls, not last week's dead rows
    again = run_cli("drain", "-q", "--strict", env=env)
    assert again.returncode == 0, again.stdout


def test_drain_without_strict_still_exits_0_on_dead_letters(
    spool_path: Path, zelto_receiver: Any
) -> None:
    Spool(spool_path).enqueue(payload("room-bad"))
    zelto_receiver.reject("room-bad", 422, "agent unknown")
    result = run_cli("drain", "-q", env=cli_env(spool_path, zelto_receiver.base_url, API_KEY))
    assert result.returncode == 0 and "0 delivered, 1 dead" in result.stdout


def test_drain_left_pending_exits_1_even_with_strict(paused: dict[str, str]) -> None:
    assert run_cli("drain", "-q", "--strict", "--timeout", "30s", env=paused).returncode == 1
