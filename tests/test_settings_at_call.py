"""Issue 20.3: a Forwarder reads its settings when a job's call begins (an explicit option still
wins), and under pytest a call never reaches the user's spool or a Zelto not on loopback."""

from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path
from typing import Any

import pytest

from livekit.plugins.zelto import Forwarder
from tests.sessions import run_session
from zelto_spool import ConfigError, Spool
from zelto_spool.guard import ENV_PYTEST_GUARD, PytestGuard


def delivered(path: Path) -> dict[str, str]:
    with Spool(path) as spool:
        return {row["call_id"]: row["state"] for row in spool.upkeep.rows()}


def test_settings_set_after_the_forwarder_was_built_are_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, zelto_receiver: Any
) -> None:
    monkeypatch.setenv("ZELTO_SPOOL_PATH", str(tmp_path / "at-import.db"))
    fw = Forwarder(agent_id="bot")  # as an agent module does at import
    monkeypatch.setenv("ZELTO_SPOOL_PATH", str(tmp_path / "the-tests.db"))
    monkeypatch.setenv("ZELTO_BASE_URL", zelto_receiver.base_url)
    monkeypatch.setenv("ZELTO_API_KEY", "test-key")
    asyncio.run(run_session(fw))
    assert delivered(tmp_path / "the-tests.db") == {"fake-room": "delivered"}
    assert not (tmp_path / "at-import.db").exists()
    assert "fake-room" in zelto_receiver.calls


def test_an_explicit_option_wins_over_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fw = Forwarder(agent_id="bot", spool_path=tmp_path / "explicit.db", deliver_now=False)
    monkeypatch.setenv("ZELTO_SPOOL_PATH", str(tmp_path / "env.db"))
    asyncio.run(run_session(fw))
    assert delivered(tmp_path / "explicit.db") == {"fake-room": "pending"}
    assert not (tmp_path / "env.db").exists()


def test_under_pytest_nothing_goes_to_a_real_zelto_or_the_users_spool(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    users = tmp_path / "users-spool.db"
    guard = PytestGuard((users,), tmp_path / "throwaway" / "spool.db")
    monkeypatch.setenv(ENV_PYTEST_GUARD, guard.to_env())  # as the plugin set it for this session
    fw = Forwarder(  # even passed explicitly, as an agent module might
        agent_id="bot",
        spool_path=users,
        api_key="zk_live_8f2b6c0d4e9a1f3b5c7d9e1a",
        base_url="https://192.0.2.1:9",  # TEST-NET: a connection attempt would hang, not fail
    )
    with caplog.at_level(logging.WARNING):
        asyncio.run(run_session(fw))
    assert not users.exists()
    assert delivered(guard.throwaway) == {"fake-room": "pending"}  # kept, not sent
    changes = [getattr(r, "change", "") for r in caplog.records]
    assert any("192.0.2.1" in c for c in changes) and any(str(users) in c for c in changes)
    assert "ZELTO_API_KEY is not set" not in caplog.text  # it is set; the guard held it back


def test_the_guard_is_on_in_every_test() -> None:
    assert os.environ.get(ENV_PYTEST_GUARD)


@pytest.mark.zelto_live
def test_a_test_marked_zelto_live_is_not_guarded() -> None:
    assert ENV_PYTEST_GUARD not in os.environ


@pytest.mark.parametrize(
    ("name", "value"), [("ZELTO_SPOOL_RETENTION", "7"), ("ZELTO_SPOOL_MAX_BYTES", "lots")]
)
def test_a_bad_spool_setting_stops_the_worker_at_its_start(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    """Like a bad URL or key: found when the agent module builds its Forwarder, not in each
    job's entrypoint, where it ended the job before the session started and lost the call."""
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=name):
        Forwarder(agent_id="bot")


@pytest.mark.parametrize("attach", [True, False])
def test_a_spool_setting_made_bad_after_the_start_still_spools_the_call(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    attach: bool,
) -> None:
    """An adopter's `ZELTO_SPOOL_RETENTION=7` raised in `attach` and `on_session_end`: no
    session, no call anywhere. Now the setting's default is used and the error logged."""
    monkeypatch.setenv("ZELTO_SPOOL_PATH", str(tmp_path / "spool.db"))
    fw = Forwarder(agent_id="bot", deliver_now=False)
    monkeypatch.setenv("ZELTO_SPOOL_RETENTION", "7")
    monkeypatch.setenv("ZELTO_SPOOL_MAX_BYTES", "lots")
    with caplog.at_level(logging.ERROR):
        asyncio.run(run_session(fw, attach=attach))
    monkeypatch.delenv("ZELTO_SPOOL_RETENTION")  # for the test's own look at the spool
    monkeypatch.delenv("ZELTO_SPOOL_MAX_BYTES")
    assert delivered(tmp_path / "spool.db") == {"fake-room": "pending"}
    errors = [getattr(r, "error", "") for r in caplog.records if r.levelno >= logging.ERROR]
    assert any("ZELTO_SPOOL_RETENTION" in e for e in errors)
    assert any("ZELTO_SPOOL_MAX_BYTES" in e for e in errors)
    assert "zelto forwarder failed" not in caplog.text


@pytest.mark.parametrize(
    "options",
    [{"redact": "yes"}, {"add_fields": {"team": "a"}}, {"call_id": "room-1"}, {"customer": 5}],
)
def test_an_option_that_is_no_function_stops_the_worker_at_its_start(
    options: dict[str, Any],
) -> None:
    """`redact="yes"` was taken, then failed at each call's end (sent without its
    transcript): a wrong value is said when the agent module builds its Forwarder."""
    name = next(iter(options))
    with pytest.raises(ConfigError, match=name):
        Forwarder(agent_id="bot", **options)
