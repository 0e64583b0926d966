"""An environment the HTTP client cannot be built from (issue 19.3): one clear, counted attempt
with backoff each time, never a spin, and never a failed `import livekit.plugins.zelto`.

The settings: a SOCKS proxy without `socksio`, a proxy URL of a scheme httpx has no transport
for, a CA file that does not exist. They matter for https only (plain http to loopback reads
no proxy setting and needs no CA): the tests send to an https base on loopback, with one
injected clock for the spool and the flusher that stands still, so every attempt the loop
makes is visible and none can be hidden by a backoff running out.
"""

from __future__ import annotations

import asyncio
import importlib.util
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import API_KEY, payload, wait_until
from tests.test_proxies import PROXY_VARS
from zelto_spool import DeliveryConfig, Spool
from zelto_spool.delivery import sender as sender_module
from zelto_spool.delivery.flusher import Flusher
from zelto_spool.testing import Receiver

T0 = 1_900_000_000.0
BAD = {
    "socks-without-socksio": ("ALL_PROXY", "socks5://127.0.0.1:9"),
    "ftp-proxy": ("HTTPS_PROXY", "ftp://127.0.0.1:9"),
    "missing-ca-file": ("SSL_CERT_FILE", "/nonexistent/zelto-ca.pem"),
}


@pytest.fixture(params=sorted(BAD))
def bad_env(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """One bad setting in the environment (its name), and no cached TLS context."""
    var, value = BAD[request.param]
    if var == "ALL_PROXY" and importlib.util.find_spec("socksio") is not None:
        pytest.skip("socksio is installed: a SOCKS proxy is a valid setting here")
    for name in [*PROXY_VARS, "no_proxy", "NO_PROXY", "SSL_CERT_FILE", "SSL_CERT_DIR"]:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv(var, value)
    sender_module._tls_context.cache_clear()
    yield var
    monkeypatch.undo()
    sender_module._tls_context.cache_clear()


@pytest.fixture
def zelto() -> Iterator[Receiver]:
    with Receiver(api_key=API_KEY) as receiver:
        yield receiver


def https_config(zelto: Receiver) -> DeliveryConfig:
    return DeliveryConfig(base_url=f"https://127.0.0.1:{zelto.port}", api_key=API_KEY)


def assert_one_clear_attempt(row: Any, var: str, attempts: int, now: float) -> None:
    assert row["state"] == "pending", row
    assert row["attempts"] == attempts, row  # before: 0, every try handed back uncounted
    assert row["next_attempt_at"] > now  # a backoff, not "due again at once"
    error = row["last_error"]
    assert "cannot build the HTTP client from this environment" in error, error
    assert var in error and API_KEY not in error


def test_a_drain_makes_one_attempt_per_unit_of_injected_time(
    bad_env: str, zelto: Receiver, spool_path: Path
) -> None:
    now = [T0]
    spool = Spool(spool_path, clock=lambda: now[0])
    spool.enqueue(payload("env"))
    outcomes: list[Any] = []

    async def go() -> None:
        hooks = [lambda claim, outcome, latency: outcomes.append(outcome)]
        async with Flusher(spool, https_config(zelto), clock=lambda: now[0], hooks=hooks) as f:
            await f.drain(timeout=0.5)  # the clock stands still: one attempt, then the backoff
            (row,) = spool.upkeep.rows()
            assert_one_clear_attempt(row, bad_env, 1, now[0])
            now[0] += 1_000.0
            await f.drain(timeout=0.5)  # a drain restarts the backoff, not the count

    try:
        asyncio.run(go())
        (row,) = spool.upkeep.rows()
    finally:
        spool.close()
    assert_one_clear_attempt(row, bad_env, 2, now[0])
    assert len(outcomes) == 2 and zelto.posts == []


def test_the_sidecar_loop_backs_off_too(bad_env: str, zelto: Receiver, spool_path: Path) -> None:
    now = [T0]
    spool = Spool(spool_path, clock=lambda: now[0])
    spool.enqueue(payload("env"))
    outcomes: list[Any] = []

    watcher = Spool(spool_path, clock=lambda: now[0])  # the flusher's own is on its thread

    def recorded(attempts: int) -> bool:  # (a claim counts the attempt; wait for its end)
        row = watcher.upkeep.rows()[0]
        return bool(row["state"] == "pending" and row["attempts"] == attempts)

    async def go() -> None:
        stop = asyncio.Event()
        hooks = [lambda claim, outcome, latency: outcomes.append(outcome)]
        flusher = Flusher(
            spool, https_config(zelto), clock=lambda: now[0], hooks=hooks, poll_interval_s=0.05
        )
        async with flusher:
            task = asyncio.ensure_future(flusher.run(stop))
            await asyncio.to_thread(wait_until, lambda: recorded(1))
            now[0] += 1_000.0  # past any backoff: due once more
            flusher.wake()
            await asyncio.to_thread(wait_until, lambda: recorded(2))
            stop.set()
            await task

    try:
        asyncio.run(go())
        (row,) = spool.upkeep.rows()
    finally:
        spool.close()
        watcher.close()
    assert_one_clear_attempt(row, bad_env, 2, now[0])
    assert len(outcomes) == 2  # no attempt between the two clock steps


def test_deliver_now_records_the_attempt(bad_env: str, zelto: Receiver, spool_path: Path) -> None:
    with Spool(spool_path, clock=lambda: T0) as spool:
        spool.enqueue(payload("env"))

        async def go() -> Any:
            async with Flusher(spool, https_config(zelto), clock=lambda: T0) as flusher:
                return await flusher.deliver("env", timeout=5)

        outcome = asyncio.run(go())
        (row,) = spool.upkeep.rows()
    assert outcome is not None and outcome.kind == "retry"
    assert_one_clear_attempt(row, bad_env, 1, T0)  # not left in flight for its lease


def test_plain_http_to_loopback_does_not_read_them(
    bad_env: str, zelto: Receiver, spool_path: Path
) -> None:
    config = DeliveryConfig(base_url=zelto.base_url, api_key=API_KEY)
    with Spool(spool_path) as spool:
        spool.enqueue(payload("env"))

        async def go() -> Any:
            async with Flusher(spool, config) as flusher:
                return await flusher.drain(timeout=20)

        assert asyncio.run(go()).delivered == 1
    assert zelto.accepted_count("env") == 1


@pytest.mark.parametrize("case", sorted(BAD))
def test_importing_the_plugin_never_fails_because_of_them(case: str) -> None:
    var, value = BAD[case]
    env = {"PATH": "/usr/bin:/bin", "PYTHONWARNINGS": "error", var: value}
    done = subprocess.run(
        [sys.executable, "-c", "import livekit.plugins.zelto"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr  # before: exit 1, the worker down
    assert "Traceback" not in done.stderr


def test_a_proxy_error_names_its_cause_not_an_exception_group(
    zelto: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`HTTPS_PROXY=http://u:p@127.0.0.1:99999` gave "unexpected ExceptionGroup: unhandled
    errors in a TaskGroup (1 sub-exception)": the cause (the port) was hidden, and the
    proxy's credentials must never show."""
    for name in [*PROXY_VARS, "no_proxy", "NO_PROXY"]:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTPS_PROXY", "http://puser:PROXYPASS@127.0.0.1:99999")
    sender = sender_module.Sender(https_config(zelto))

    async def go() -> Any:
        try:
            return await sender.send(b"{}", timeout=10)
        finally:
            await sender.aclose()

    outcome = asyncio.run(go())
    assert outcome.kind == "retry"
    assert "ExceptionGroup" not in outcome.reason and "sub-exception" not in outcome.reason
    assert "port must be 0-65535" in outcome.reason, outcome.reason
    assert "PROXYPASS" not in outcome.reason and API_KEY not in outcome.reason


class Group(Exception):
    """As an exception group (anyio's on 3.10) looks to `first_cause`: its `exceptions`."""

    def __init__(self, *exceptions: BaseException) -> None:
        super().__init__("group")
        self.exceptions = exceptions


def test_first_cause_unwraps_nested_groups() -> None:
    inner = OverflowError("port must be 0-65535")
    assert sender_module.first_cause(Group(Group(inner, ValueError("b")))) is inner
    plain = OSError("x")
    assert sender_module.first_cause(plain) is plain


def test_userinfo_never_reaches_a_reason() -> None:
    sender = sender_module.Sender(DeliveryConfig(api_key=API_KEY))
    text = "ProxyError: cannot reach http://puser:PROXYPASS@127.0.0.1:3128 (https://a/b@c ok)"
    assert (
        sender._scrub(text)
        == "ProxyError: cannot reach http://***@127.0.0.1:3128 (https://a/b@c ok)"
    )
