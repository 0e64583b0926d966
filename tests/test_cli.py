"""The CLI's own behaviour: help and docs for every command, one-line errors, input formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import cli_env, payload, run_cli, used_spool
from zelto_spool import Spool
from zelto_spool.cli.main import cli
from zelto_spool.text import parse_duration

COMMANDS = sorted(cli.commands)  # type: ignore[attr-defined]
README = (Path(__file__).parent.parent / "README.md").read_text()


def test_contract_commands_exist() -> None:
    assert set(COMMANDS) >= {
        "status",
        "list",
        "show",
        "enqueue",
        "drain",
        "run",
        "receiver",
        "replay",
        "purge",
    }


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example_and_is_documented(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert f"zelto-spool {command}" in README or f"`{command}" in README


def test_enqueue_accepts_object_array_and_json_lines(tmp_path: Path) -> None:
    env = cli_env(tmp_path / "s.db")
    one = run_cli("enqueue", "-", env=env, input=json.dumps(payload("a")))
    assert one.returncode == 0 and "queued a (version 1" in one.stdout
    many = run_cli("enqueue", "-", env=env, input=json.dumps([payload("b"), payload("c")]))
    assert many.returncode == 0 and many.stdout.count("queued") == 2
    lines = "\n".join(json.dumps(payload(x)) for x in ("d", "a")) + "\n"
    jl = run_cli("enqueue", "-", env=env, input=lines)
    assert jl.returncode == 0 and "queued a (version 2" in jl.stdout
    assert Spool(tmp_path / "s.db").stats()["pending"] == 4


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["enqueue", "-"], "{not json", "not JSON"),
        (["enqueue", "-"], "", "empty input"),
        (
            ["enqueue", "-"],
            json.dumps({"agent": {"externalId": "a"}, "call": {}}),
            "call.externalId: is required",
        ),
        (
            ["enqueue", "-"],
            json.dumps([payload("ok"), {"agent": {}, "call": {"externalId": "x"}}]),
            "item 2: agent.externalId",
        ),
        (["enqueue", "/nonexistent/file.json"], None, "No such file"),
        (["enqueue", "-"], "[]", "no payloads"),
        (["show", "nope"], None, "no call 'nope'"),
        (["drain", "--timeout", "soon"], None, "not a duration"),
        (["replay"], None, "say what to replay"),
        (["list", "--state", "lost"], None, "lost"),
    ],
)
def test_expected_failures_are_one_line_errors(
    tmp_path: Path, args: list[str], stdin: str | None, message: str
) -> None:
    spool_path = tmp_path / "s.db"
    Spool(spool_path).enqueue(payload("exists"))
    result = run_cli(*args, env=cli_env(spool_path), input=stdin)
    assert result.returncode in (1, 2)
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    if "item 2" in message:
        assert Spool(spool_path).stats()["pending"] == 1  # nothing of a bad batch is written


def test_read_commands_and_drain_refuse_a_missing_spool(tmp_path: Path) -> None:
    for command in ("status", "list", "drain"):  # a typo must not look drained
        result = run_cli(command, env=cli_env(tmp_path / "typo.db"))
        assert result.returncode == 1 and "no spool at" in result.stderr, command
    assert not (tmp_path / "typo.db").exists()


def test_a_file_named_by_mistake_is_refused_and_left_alone(tmp_path: Path) -> None:
    wrong = tmp_path / "payload.json"
    wrong.write_text(json.dumps(payload("x")))
    before = wrong.read_bytes()
    for args in (["status"], ["list"], ["drain"], ["show", "x"], ["enqueue", str(wrong)]):
        result = run_cli(*args, env=cli_env(wrong))
        assert result.returncode == 1, (args, result.stderr)
        assert "is not a zelto spool" in result.stderr and "nothing was changed" in result.stderr
        assert "Traceback" not in result.stderr
    assert wrong.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["payload.json"]  # nothing beside it


def test_a_directory_or_unreadable_path_is_a_one_line_error(tmp_path: Path) -> None:
    result = run_cli("status", env=cli_env(tmp_path))
    assert result.returncode == 1 and "is a directory" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    result = run_cli("enqueue", str(tmp_path), env=cli_env(tmp_path / "s.db"))
    assert result.returncode == 1 and "Is a directory" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_show_payload_round_trips_through_enqueue(tmp_path: Path) -> None:
    spool_path = tmp_path / "s.db"
    Spool(spool_path).enqueue(payload("room-2"))
    shown = run_cli("show", "room-2", "--payload", env=cli_env(spool_path))
    assert shown.returncode == 0 and json.loads(shown.stdout) == payload("room-2")
    fixed = tmp_path / "fixed.json"
    fixed.write_text(shown.stdout)
    again = run_cli("enqueue", str(fixed), env=cli_env(spool_path))
    assert again.returncode == 0 and "version 2" in again.stdout


def test_corrupt_spool_is_explained_not_traced(tmp_path: Path) -> None:
    spool_path = tmp_path / "s.db"
    used_spool(spool_path)  # a spool first: damage, not a file named by mistake
    spool_path.write_bytes(b"garbage" * 1000)
    result = run_cli("status", env=cli_env(spool_path))  # only looks: sets nothing aside
    assert result.returncode == 1
    assert "is corrupt" in result.stderr and "sets it aside" in result.stderr
    assert "Traceback" not in result.stderr
    with Spool(spool_path) as writer:
        writer.enqueue(payload("a"))
    result = run_cli("status", env=cli_env(spool_path))  # a writer came: set aside
    assert result.returncode == 0, result.stderr
    assert "set aside" in result.stdout and ".corrupt-" in result.stdout


def test_purge_and_status_check(tmp_path: Path) -> None:
    env = cli_env(tmp_path / "s.db")
    Spool(tmp_path / "s.db").enqueue(payload("a"))
    assert run_cli("purge", env=env).stdout.startswith("purged 0 delivered call(s) older than 7d")
    assert run_cli("status", "--check", env=env).returncode == 0
    stale = run_cli("status", "--check", "--max-pending-age", "0", env=env)
    assert stale.returncode == 1 and "oldest pending call" in stale.stderr


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("90", 90), ("90s", 90), ("15m", 900), ("2h30m", 9000), ("7d", 604800), ("250ms", 0.25)],
)
def test_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "-5", "5x", "m", "1h 2m", "nan"])
def test_bad_durations(text: str) -> None:
    with pytest.raises(ValueError, match="not a duration"):
        parse_duration(text)
