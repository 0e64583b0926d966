"""pytest fixtures for testing code that sends calls to Zelto, against a real local receiver.

Installed with livekit-plugins-zelto and registered through the `pytest11` entry point, so the
fixtures are available in any test suite without a `conftest.py`:

- `zelto_receiver`: a started `zelto_spool.testing.Receiver` on `127.0.0.1` (a free port),
  requiring the bearer key `"test-key"` (`TEST_API_KEY`); stopped after the test.
- `zelto_env`: the same receiver, plus the environment pointed at it: `ZELTO_BASE_URL` is its
  `base_url`, `ZELTO_API_KEY` is `"test-key"` and `ZELTO_SPOOL_PATH` is a fresh file in the
  test's `tmp_path`. Yields the receiver.

Example:

    from zelto_spool import Spool

    def test_my_worker_delivers(zelto_env):
        Spool().enqueue({"agent": {"externalId": "bot"}, "call": {"externalId": "room-1"}})
        run_my_sidecar_once()  # anything that reads ZELTO_* and POSTs the call
        assert zelto_env.wait_for(lambda r: "room-1" in r.calls, timeout=5)

    def test_retries_after_an_outage(zelto_receiver):
        zelto_receiver.set_fault("5xx")  # or "down", "429:2", "hang", "flaky:0.3", ...
        ...
        zelto_receiver.set_fault(None)
        assert zelto_receiver.wait_for(lambda r: r.accepted_count("room-1") == 1, timeout=5)

Test calls stay in tests. For the whole test session, calls that a `livekit.plugins.zelto`
`Forwarder` would spool in the user's own spool (the default path, or `ZELTO_SPOOL_PATH` as the
shell had it) go to a throwaway spool, and nothing is sent to a Zelto that is not on loopback,
whatever `ZELTO_*` the shell exports or the agent module passes: use `zelto_env` to see the
calls. A test marked `@pytest.mark.zelto_live` is not guarded (it reaches what it is
configured for). Job processes the test starts inherit the guard.

This module stays cheap to import (pytest loads it in every session of every project that
has the package installed): it imports only pytest and the standard library; the receiver
(aiohttp: the `zelto-spool[testing]` extra, which the plugin brings), the spool and httpx are
imported when a fixture is first used. Without aiohttp the fixtures fail with the extra named;
the session and every other test run as usual.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from . import TEST_API_KEY

if TYPE_CHECKING:
    from .receiver import Receiver

__all__ = ["TEST_API_KEY", "zelto_env", "zelto_receiver"]

LIVE_MARKER = "zelto_live"
_GUARD = "ZELTO_PYTEST_GUARD"  # zelto_spool.guard.ENV_PYTEST_GUARD, without importing it here
_throwaway: list[str] = []  # the guard's directory this session made (removed at the end)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{LIVE_MARKER}: let this test spool and send as ZELTO_* and the agent's Forwarder say "
        "(the user's spool, a real Zelto); without it calls stay in a throwaway spool and go "
        "only to a loopback Zelto",
    )
    if _GUARD in os.environ:  # pytest inside a guarded test session: the outer guard holds
        return
    from ..config import ENV_SPOOL_PATH, default_spool_path
    from ..guard import PytestGuard

    directory = tempfile.mkdtemp(prefix="zelto-pytest-")
    _throwaway.append(directory)
    spools = [default_spool_path({k: v for k, v in os.environ.items() if k != ENV_SPOOL_PATH})]
    if os.environ.get(ENV_SPOOL_PATH):
        spools.append(default_spool_path())
    guard = PytestGuard(tuple(spools), Path(directory) / "spool.db")
    os.environ[_GUARD] = guard.to_env()


def pytest_unconfigure(config: pytest.Config) -> None:
    while _throwaway:
        os.environ.pop(_GUARD, None)
        shutil.rmtree(_throwaway.pop(), ignore_errors=True)


@pytest.fixture(autouse=True)
def _zelto_guard(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The guard (see the module doc) holds in every test not marked `zelto_live`."""
    if request.node.get_closest_marker(LIVE_MARKER) is not None:
        monkeypatch.delenv(_GUARD, raising=False)


@pytest.fixture
def zelto_receiver() -> Iterator[Receiver]:
    """A running local Zelto receiver requiring `Authorization: Bearer test-key`."""
    from .receiver import Receiver

    with Receiver(api_key=TEST_API_KEY) as receiver:
        yield receiver


@pytest.fixture
def zelto_env(
    zelto_receiver: Receiver, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Receiver:
    """Point `ZELTO_BASE_URL`, `ZELTO_API_KEY` and `ZELTO_SPOOL_PATH` at a test setup, and
    turn recordings off (`ZELTO_RECORDINGS_BUCKET` unset: a test that tests them sets its own
    bucket on a local S3-compatible server after this fixture).

    LiveKit job processes started with `livekit.plugins.zelto.testing.simulated_worker` (or
    `run_simulated_jobs`) see these values too, test after test.
    """
    from ..config import ENV_API_KEY, ENV_BASE_URL, ENV_RECORDINGS_BUCKET, ENV_SPOOL_PATH

    monkeypatch.setenv(ENV_BASE_URL, zelto_receiver.base_url)
    monkeypatch.setenv(ENV_API_KEY, TEST_API_KEY)
    monkeypatch.setenv(ENV_SPOOL_PATH, str(tmp_path / "zelto" / "spool.db"))
    monkeypatch.delenv(ENV_RECORDINGS_BUCKET, raising=False)
    return zelto_receiver
