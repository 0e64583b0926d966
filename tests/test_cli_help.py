"""`--help` of every command: examples on their own lines, help for every option, the fault
modes, and options that refuse bad values with one line instead of a traceback."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from tests.conftest import cli_env, payload, run_cli
from zelto_spool import Spool
from zelto_spool.cli.main import cli
from zelto_spool.contract import _NUMERIC, _SIMPLE, FAULT_MODES, parse_fault

GROUP: click.Group = cli  # type: ignore[assignment]
COMMANDS = sorted(GROUP.commands)


def _help(*args: str) -> str:
    result = CliRunner().invoke(cli, [*args, "--help"], terminal_width=80)
    assert result.exit_code == 0, result.output
    return result.output


def _examples(command: click.Command) -> list[str]:
    text = (command.help or "").split("Example:", 1)[1]
    return [line.strip() for line in text.splitlines() if line.strip() not in ("", "\b")]


@pytest.mark.parametrize("name", ["", *COMMANDS])
def test_every_option_has_help_and_every_command_an_example(name: str) -> None:
    command = GROUP.commands[name] if name else GROUP
    options = [p for p in command.params if isinstance(p, click.Option)]
    for option in options:
        assert (option.help or "").strip(), f"{name or 'zelto-spool'} {option.opts[0]}: no help"
    assert "Example:" in (command.help or ""), name
    assert _examples(command), name


@pytest.mark.parametrize("name", ["", *COMMANDS])
def test_each_example_is_on_its_own_line(name: str) -> None:
    command = GROUP.commands[name] if name else GROUP
    shown = {line.strip() for line in _help(*([name] if name else [])).splitlines()}
    for example in _examples(command):
        assert example in shown, f"{example!r} is run together with other text in --help"


def test_receiver_fault_help_lists_every_mode_and_each_parses() -> None:
    text = " ".join(_help("receiver").split())
    listed = text.split("one of:", 1)[1].split(" -h, --help")[0].strip().rstrip(".").split(", ")
    names = {mode.split("[", 1)[0].split(":", 1)[0].strip() for mode in listed}
    assert names == set(_SIMPLE) | set(_NUMERIC)
    for mode in listed:  # the help's own spelling is accepted, with its example value
        spelled = mode.replace("[", "").replace("]", "").strip()
        example = spelled.replace("CODE", "502").replace("SECONDS", "2").replace(":P", ":0.5")
        assert parse_fault(example).mode in names


def test_a_bad_log_level_is_a_usage_error_not_a_traceback(tmp_path: Path) -> None:
    result = run_cli("run", "--log-level", "foo", env=cli_env(tmp_path / "s.db"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "'foo' is not one of" in result.stderr and "info" in result.stderr.lower()
    assert not (tmp_path / "s.db").exists()


def test_log_level_takes_any_case() -> None:
    ctx = GROUP.commands["run"].make_context("run", ["--log-level", "debug"])
    assert ctx.params["log_level"].upper() == "DEBUG"


def test_total_timeout_takes_a_duration_like_every_other_option(
    tmp_path: Path, zelto_receiver: object
) -> None:
    spool_path = tmp_path / "s.db"
    Spool(spool_path).enqueue(payload("room-1"))
    env = cli_env(spool_path, zelto_receiver.base_url, "test-key")  # type: ignore[attr-defined]
    ok = run_cli("drain", "-q", "--total-timeout", "30s", env=env)
    assert ok.returncode == 0, ok.stderr
    bad = run_cli("drain", "--total-timeout", "soon", env=env)
    assert bad.returncode == 2 and "not a duration" in bad.stderr
    for command in ("drain", "run"):
        ctx = GROUP.commands[command].make_context(command, ["--total-timeout", "1m30s"])
        assert ctx.params["total_timeout_s"] == 90.0


def test_readme_lists_the_receiver_fault_modes() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    row = next(line for line in readme.splitlines() if line.startswith("| `zelto-spool receiver"))
    for mode in FAULT_MODES.split(", "):
        assert f"`{mode}`" in row, mode
