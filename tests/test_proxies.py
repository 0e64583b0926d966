"""Proxies named in the environment (issue 19.2): the key never reaches one in clear.

Plain http (allowed for loopback only) never goes through a proxy, whatever `http_proxy`,
`HTTP_PROXY`, `ALL_PROXY` or `all_proxy` say: the POST, with its `Authorization` header, would
be in clear at the proxy. https follows `HTTPS_PROXY` / `ALL_PROXY` / `NO_PROXY` as httpx reads
them, always as a `CONNECT` tunnel: the proxy sees the target's host and port and then TLS.
A real recording proxy and a real TLS Zelto on loopback stand in for both.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import API_KEY, payload
from tests.proxies import RecordingProxy, TlsZelto, make_certificate, running
from zelto_spool import DeliveryConfig, Spool
from zelto_spool.delivery import sender as sender_module
from zelto_spool.delivery.flusher import Flusher
from zelto_spool.testing import Receiver

PROXY_VARS = ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"]
KEY = "zk_live_5ecret-DO-NOT-LEAK-9f3a"


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for var in [*PROXY_VARS, "no_proxy", "NO_PROXY", "SSL_CERT_FILE", "SSL_CERT_DIR"]:
        monkeypatch.delenv(var, raising=False)
    return monkeypatch


@pytest.fixture
def proxy() -> Iterator[RecordingProxy]:
    with running(RecordingProxy()) as server:
        yield server


@pytest.fixture
def tls_zelto(tmp_path: Path, clean_env: pytest.MonkeyPatch) -> Iterator[TlsZelto]:
    """A TLS Zelto whose certificate this process trusts (`SSL_CERT_FILE`, read by httpx when
    the TLS context is built: the cached one is dropped before and after)."""
    cert, key = make_certificate(tmp_path)
    clean_env.setenv("SSL_CERT_FILE", str(cert))
    sender_module._tls_context.cache_clear()
    try:
        with running(TlsZelto(cert, key)) as server:
            yield server
    finally:
        sender_module._tls_context.cache_clear()


def drain(spool_path: Path, base_url: str, key: str) -> Any:
    config = DeliveryConfig(base_url=base_url, api_key=key, total_timeout_s=10)

    async def go() -> Any:
        with Spool(spool_path) as spool:
            spool.enqueue(payload("proxied"))
            async with Flusher(spool, config) as flusher:
                return await flusher.drain(timeout=20)

    return asyncio.run(go())


@pytest.mark.parametrize("var", PROXY_VARS)
def test_plain_http_to_loopback_never_goes_through_a_proxy(
    var: str, clean_env: pytest.MonkeyPatch, proxy: RecordingProxy, spool_path: Path
) -> None:
    clean_env.setenv(var, proxy.url)
    with Receiver(api_key=API_KEY) as zelto:
        report = drain(spool_path, zelto.base_url, API_KEY)
        assert zelto.accepted_count("proxied") == 1
    assert report.delivered == 1
    assert proxy.text() == ""  # before: the POST, `Authorization: Bearer ...` in clear


@pytest.mark.parametrize("var", ["HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"])
def test_https_goes_through_the_proxy_as_a_tunnel(
    var: str,
    clean_env: pytest.MonkeyPatch,
    proxy: RecordingProxy,
    tls_zelto: TlsZelto,
    spool_path: Path,
) -> None:
    clean_env.setenv(var, proxy.url)
    report = drain(spool_path, tls_zelto.base_url, KEY)
    assert report.delivered == 1
    assert tls_zelto.authorizations == [f"Bearer {KEY}"]
    seen = proxy.text()
    host_port = tls_zelto.base_url.removeprefix("https://")
    assert seen.startswith(f"CONNECT {host_port} HTTP/1.1\r\n"), seen[:200]
    head = seen.partition("\r\n\r\n")[0]
    assert "authorization" not in head.lower()
    assert KEY not in seen and "Bearer" not in seen  # the rest is TLS


def test_no_proxy_is_honoured_for_https(
    clean_env: pytest.MonkeyPatch, proxy: RecordingProxy, tls_zelto: TlsZelto, spool_path: Path
) -> None:
    clean_env.setenv("HTTPS_PROXY", proxy.url)
    clean_env.setenv("NO_PROXY", "127.0.0.1")
    report = drain(spool_path, tls_zelto.base_url, KEY)
    assert report.delivered == 1 and len(tls_zelto.authorizations) == 1
    assert proxy.text() == ""
