"""The sidecar's HTTP server (`--listen`): routes, keep-alive, and what it refuses."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from zelto_spool import Spool
from zelto_spool.sidecar import server as _server
from zelto_spool.sidecar.metrics import SidecarMetrics
from zelto_spool.sidecar.server import MAX_WEBHOOK_BYTES, Health, SidecarServer


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[[Callable[[int], Awaitable[Any]]], Any]]:
    """Run a coroutine against a started server on a free loopback port, then stop it."""
    spool = Spool(tmp_path / "spool.db")

    def run(body: Callable[[int], Awaitable[Any]]) -> Any:
        async def main() -> Any:
            server = SidecarServer(
                spool=spool,
                metrics=SidecarMetrics(spool),
                health=lambda: Health(False, "paused: HTTP 401"),
                webhooks=None,
            )
            await server.start("127.0.0.1", 0)
            try:
                return await body(server.port)
            finally:
                await server.stop()

        return asyncio.run(main())

    yield run
    spool.close()


async def raw(port: int, data: bytes) -> bytes:
    """Send `data`, read until the server closes the connection."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(data)
    await writer.drain()
    try:
        return await asyncio.wait_for(reader.read(), 10)
    finally:
        writer.close()


def test_routes_and_keep_alive(serve: Any) -> None:
    async def body(port: int) -> list[tuple[int, str, str]]:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            answers = [
                await client.get("/livez"),
                await client.get("/healthz"),
                await client.get("/metrics?x=1"),
                await client.post("/livekit/webhook", content=b"{}"),
                await client.get("/nothing"),
                await client.post("/healthz"),
                await client.head("/livez"),
            ]
        return [(a.status_code, a.text, a.headers.get("allow", "")) for a in answers]

    livez, healthz, metrics, webhook, missing, wrong, head = serve(body)
    assert livez == (200, "alive\n", "")
    assert healthz == (503, "paused: HTTP 401\n", "")
    assert metrics[0] == 200 and "zelto_spool_calls{state=" in metrics[1]
    assert webhook[0] == 404 and "LIVEKIT_API_KEY" in webhook[1]
    assert missing[0] == 404
    assert wrong[0] == 405 and wrong[2] == "GET,HEAD"
    assert head == (200, "", "")


def test_one_connection_serves_requests_one_after_another(serve: Any) -> None:
    async def body(port: int) -> bytes:
        request = b"GET /livez HTTP/1.1\r\nHost: x\r\n\r\n"
        return await raw(
            port, request * 2 + b"GET /livez HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        )

    assert serve(body).count(b"HTTP/1.1 200 OK") == 3


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (b"GARBAGE\r\n\r\n", b"400"),
        (b"GET /livez HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 20000, b"431"),  # no end yet
        (
            b"POST /livekit/webhook HTTP/1.1\r\nHost: x\r\nContent-Length: "
            + str(MAX_WEBHOOK_BYTES + 1).encode()
            + b"\r\n\r\n",
            b"413",
        ),
        (  # chunked, no length up front: counted as it comes
            b"POST /livekit/webhook HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
            + (b"10000\r\n" + b"a" * 0x10000 + b"\r\n") * 17,
            b"413",
        ),
    ],
)
def test_bad_and_oversized_requests_are_refused_and_closed(
    serve: Any, request_bytes: bytes, status: bytes
) -> None:
    answer = serve(lambda port: raw(port, request_bytes))
    assert answer.startswith(b"HTTP/1.1 " + status), answer[:200]
    assert b"connection: close" in answer.lower()


def test_expect_100_continue_is_answered(serve: Any) -> None:
    async def body(port: int) -> bytes:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(
            b"POST /livekit/webhook HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
            b"Expect: 100-continue\r\n\r\n"
        )
        interim = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
        writer.write(b"{}")
        final = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
        writer.close()
        return interim + final

    answer = serve(body)
    assert answer.startswith(b"HTTP/1.1 100 ") and b"HTTP/1.1 404 " in answer


def test_a_silent_connection_is_closed(serve: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_server, "REQUEST_TIMEOUT_S", 0.1)
    assert serve(lambda port: raw(port, b"GET /livez HTTP/1.1\r\n")) == b""


def test_stop_closes_idle_connections(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "spool.db")

    async def main() -> tuple[bytes, bytes]:
        server = SidecarServer(
            spool=spool,
            metrics=SidecarMetrics(spool),
            health=lambda: Health(True, "ok"),
            webhooks=None,
        )
        await server.start("127.0.0.1", 0)
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(b"GET /livez HTTP/1.1\r\nHost: x\r\n\r\n")
        answer = await asyncio.wait_for(reader.readuntil(b"alive\n"), 10)
        await server.stop()  # this connection is idle in keep-alive
        rest = await asyncio.wait_for(reader.read(), 10)
        writer.close()
        return answer, rest

    answer, rest = asyncio.run(main())
    spool.close()
    assert answer.startswith(b"HTTP/1.1 200 ") and rest == b""


HEAD_17K = b"GET /livez HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * (17 * 1024) + b"\r\n\r\n"


async def in_pieces(port: int, data: bytes, size: int) -> bytes:
    """Send `data` in writes of `size` bytes (however the reads split them), read to close."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        for start in range(0, len(data), size):
            writer.write(data[start : start + size])
            await writer.drain()
        return await asyncio.wait_for(reader.read(), 10)
    finally:
        writer.close()


@pytest.mark.parametrize("size", [len(HEAD_17K), 4096, 1000])
def test_a_head_over_16_kib_is_refused_however_it_arrives(serve: Any, size: int) -> None:
    answer = serve(lambda port: in_pieces(port, HEAD_17K, size))
    assert answer.startswith(b"HTTP/1.1 431 "), answer[:200]
    assert b"connection: close" in answer.lower()


def test_a_pipelined_head_over_16_kib_is_refused_after_the_good_one(serve: Any) -> None:
    good = b"GET /livez HTTP/1.1\r\nHost: x\r\n\r\n"
    answer = serve(lambda port: raw(port, good + HEAD_17K))
    first, _, rest = answer.partition(b"alive\n")
    assert first.startswith(b"HTTP/1.1 200 ") and rest.startswith(b"HTTP/1.1 431 "), answer[:300]


def test_a_head_just_under_16_kib_is_served(serve: Any) -> None:
    head = b"GET /livez HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Big: "
    request = head + b"a" * (16 * 1024 - len(head) - 4) + b"\r\n\r\n"
    assert len(request) == 16 * 1024
    assert serve(lambda port: raw(port, request)).startswith(b"HTTP/1.1 200 ")


@pytest.mark.parametrize(
    "headers",
    [
        b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
        b"Transfer-Encoding: chunked\r\nContent-Length: 0\r\n",
    ],
)
def test_content_length_with_chunked_is_refused_and_closed(serve: Any, headers: bytes) -> None:
    """RFC 9112 6.3: such a request may be smuggling; the server refuses it and closes."""
    smuggled = b"GET /livez HTTP/1.1\r\nHost: x\r\n\r\n"
    request = (
        b"POST /livekit/webhook HTTP/1.1\r\nHost: x\r\n" + headers + b"\r\n0\r\n\r\n" + smuggled
    )
    answer = serve(lambda port: raw(port, request))
    assert answer.startswith(b"HTTP/1.1 400 "), answer[:200]
    assert b"connection: close" in answer.lower()
    assert answer.count(b"HTTP/1.1") == 1  # the request behind it is never served
