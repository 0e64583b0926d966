"""Expected failures are one-line errors, never tracebacks (issue 19.11): deeply nested JSON
given to `enqueue`, and no home directory for the default spool path."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from livekit.plugins import zelto
from tests.conftest import cli_env, run_cli
from zelto_spool import ConfigError, Spool, default_spool_path
from zelto_spool import payload as _payload
from zelto_spool.payload import decode

DEEP_ARRAY = "[" * 100_000 + "]" * 100_000
DEEP_OBJECT = '{"a":' * 5000 + "1" + "}" * 5000


@pytest.mark.parametrize(
    ("text", "where"),
    [(DEEP_ARRAY, "-"), (DEEP_OBJECT, "-"), ('{"a": 1}\n' + DEEP_ARRAY + "\n", "-:2")],
    ids=["array", "object", "json-lines"],
)
def test_enqueue_of_deeply_nested_json_is_a_one_line_error(
    spool_path: Path, text: str, where: str
) -> None:
    result = run_cli("enqueue", "-", env=cli_env(spool_path), input=text)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"Error: {where}: JSON nested too deeply to parse"]
    assert not spool_path.exists() or Spool(spool_path).upkeep.rows() == []


@pytest.mark.parametrize("fast", [True, False], ids=["orjson", "stdlib"])
def test_decode_of_deeply_nested_json_is_a_value_error(
    monkeypatch: pytest.MonkeyPatch, fast: bool
) -> None:
    if not fast:
        monkeypatch.setattr(_payload, "_orjson", None)
    with pytest.raises(ValueError):
        decode(DEEP_ARRAY.encode())


def _no_home(monkeypatch: pytest.MonkeyPatch) -> None:
    import pwd

    def no_entry(uid: int) -> pwd.struct_passwd:
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.delenv("ZELTO_SPOOL_PATH", raising=False)
    monkeypatch.delenv("XDG_STATE_HOME", raising=False)
    monkeypatch.setattr(pwd, "getpwuid", no_entry)


@pytest.mark.skipif(sys.platform == "win32", reason="pwd is POSIX")
def test_no_home_and_no_passwd_entry_names_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    _no_home(monkeypatch)
    with pytest.raises(ConfigError, match="set ZELTO_SPOOL_PATH to the spool file"):
        default_spool_path()
    with pytest.raises(ConfigError, match="no home directory"):
        Spool()
    with pytest.raises(ConfigError, match="set ZELTO_SPOOL_PATH"):
        zelto.Forwarder(agent_id="support-bot")  # at the worker's start, not at its first call
    with pytest.raises(ConfigError, match=r"cannot expand ~ in ~/spool.db"):
        Spool("~/spool.db")
    assert default_spool_path({"ZELTO_SPOOL_PATH": "/var/lib/zelto/spool.db"}) == Path(
        "/var/lib/zelto/spool.db"
    )
    assert default_spool_path({"XDG_STATE_HOME": "/state"}) == Path("/state/zelto/spool.db")


def test_no_home_with_a_passwd_entry_uses_it(spool_path: Path) -> None:
    env = {k: v for k, v in cli_env(spool_path).items() if k not in ("HOME", "ZELTO_SPOOL_PATH")}
    env.pop("XDG_STATE_HOME", None)
    result = run_cli("status", "--json", env=env)
    import pwd

    home = pwd.getpwuid(os.getuid()).pw_dir
    assert result.returncode == 1  # no spool there yet: a one-line error naming the path
    assert result.stderr.splitlines() == [
        f"Error: no spool at {home}/.local/state/zelto/spool.db (set --spool or "
        "ZELTO_SPOOL_PATH; it is created by the first call a worker spools, `enqueue`, or `run`)"
    ]


NO_PASSWD_UID = 54321


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() != 0 or shutil.which("setpriv") is None,
    reason="needs root and setpriv to run as a uid without a passwd entry",
)
@pytest.mark.parametrize("command", [["status"], ["list"], ["drain"], ["run"], ["enqueue", "-"]])
def test_a_uid_without_passwd_entry_and_no_home_gets_one_line(command: list[str]) -> None:
    import pwd

    with pytest.raises(KeyError):
        pwd.getpwuid(NO_PASSWD_UID)
    setpriv = ["setpriv", f"--reuid={NO_PASSWD_UID}", f"--regid={NO_PASSWD_UID}", "--clear-groups"]
    result = subprocess.run(
        [*setpriv, sys.executable, "-m", "zelto_spool", *command],
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")},  # env -i: no HOME
        cwd="/",
        input="{}",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr.splitlines() == [
        "Error: no home directory for the default spool path (HOME is unset and uid "
        f"{NO_PASSWD_UID} has no passwd entry): set ZELTO_SPOOL_PATH to the spool file"
    ]
