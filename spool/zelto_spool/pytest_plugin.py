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

This module stays cheap to import (pytest loads it in every session of every project that
has the package installed): it imports only pytest and the standard library; the receiver
(aiohttp), the spool and httpx are imported when a fixture is first used.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from ._testkey import TEST_API_KEY

if TYPE_CHECKING:
    from ._receiver import Receiver

__all__ = ["TEST_API_KEY", "zelto_env", "zelto_receiver"]


@pytest.fixture
def zelto_receiver() -> Iterator[Receiver]:
    """A running local Zelto receiver requiring `Authorization: Bearer test-key`."""
    from ._receiver import Receiver

    with Receiver(api_key=TEST_API_KEY) as receiver:
        yield receiver


@pytest.fixture
def zelto_env(
    zelto_receiver: Receiver, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Receiver:
    """Point `ZELTO_BASE_URL`, `ZELTO_API_KEY` and `ZELTO_SPOOL_PATH` at a test setup.

    LiveKit job processes started with `livekit.plugins.zelto.testing.simulated_worker` (or
    `run_simulated_jobs`) see these values too, test after test.
    """
    from ._config import ENV_API_KEY, ENV_BASE_URL, ENV_SPOOL_PATH

    monkeypatch.setenv(ENV_BASE_URL, zelto_receiver.base_url)
    monkeypatch.setenv(ENV_API_KEY, TEST_API_KEY)
    monkeypatch.setenv(ENV_SPOOL_PATH, str(tmp_path / "zelto" / "spool.db"))
    return zelto_receiver
