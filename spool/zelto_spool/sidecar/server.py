"""`zelto-spool run --listen HOST:PORT`: health, metrics and LiveKit webhooks.

- `GET /healthz`: 200 "ok", else 503 with every reason: the verdict of `status --check`
  (`sidecar/health.py`: paused, stale backlog, over the cap, a damaged spool set aside) plus a
  stopped flusher (use it for readiness and alerting).
- `GET /livez`: 200 while the sidecar's loop runs (use it for liveness: a paused sidecar
  must not be restarted in a loop, a restart fixes nothing a key rotation did not).
- `GET /metrics`: Prometheus text (`sidecar/metrics.py`).
- `POST /livekit/webhook`: LiveKit server webhooks (`sidecar/webhooks.py`); 404 when the sidecar has
  no LiveKit credentials.

HTTP/1.1 over asyncio streams, parsed by h11 (already loaded for httpx): four routes do not
need a web framework, and aiohttp's was ~11 MB of an idle sidecar's memory. Each request must
arrive within `REQUEST_TIMEOUT_S` (an idle keep-alive connection is closed after it), bodies
stop at `MAX_WEBHOOK_BYTES` (413), heads at `MAX_HEAD_BYTES` (431: h11 refuses an incomplete head
past it, and we count a complete one, which h11 accepts at any size when it comes in one read).
A request with both Content-Length and Transfer-Encoding is refused (400) and its connection
closed, as RFC 9112 section 6.3 allows a server (h11 would frame it by the Transfer-Encoding).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from http import HTTPStatus

import h11

from .._version import __version__
from ..store.spool import Spool
from .metrics import CONTENT_TYPE, SidecarMetrics
from .webhooks import WebhookHandler

__all__ = ["Health", "SidecarServer"]

logger = logging.getLogger(__name__)

MAX_WEBHOOK_BYTES = 1024 * 1024
MAX_HEAD_BYTES = 16 * 1024  # request line and headers
REQUEST_TIMEOUT_S = 30.0
WRITE_TIMEOUT_S = 30.0
STOP_GRACE_S = 1.0  # for answers being written when the sidecar stops
_TEXT = "text/plain; charset=utf-8"


@dataclass(frozen=True)
class Health:
    ok: bool
    text: str


@dataclass(frozen=True)
class _Answer:
    status: int
    body: bytes
    content_type: str = _TEXT
    headers: tuple[tuple[str, str], ...] = ()

    @classmethod
    def text(cls, status: int, text: str, *headers: tuple[str, str]) -> _Answer:
        return cls(status, (text + "\n").encode(), _TEXT, headers)


class _Refused(Exception):
    """A request answered with an error, after which the connection is closed."""

    def __init__(self, answer: _Answer) -> None:
        self.answer = answer


class SidecarServer:
    def __init__(
        self,
        *,
        spool: Spool,
        metrics: SidecarMetrics,
        health: Callable[[], Health],
        webhooks: WebhookHandler | None,
    ) -> None:
        self._spool = spool
        self._metrics = metrics
        self._health = health
        self._webhooks = webhooks
        self._server: asyncio.Server | None = None
        self._connections: dict[asyncio.Task[None], asyncio.StreamWriter] = {}
        self._idle: dict[asyncio.StreamWriter, bool] = {}  # waiting for a request
        self._routes: dict[str, tuple[str, Callable[[bytes, h11.Request], Awaitable[_Answer]]]]
        self._routes = {
            "/healthz": ("GET", self._healthz),
            "/livez": ("GET", self._livez),
            "/metrics": ("GET", self._metrics_page),
            "/livekit/webhook": ("POST", self._webhook),
        }
        self.port = 0

    async def start(self, host: str, port: int) -> None:
        self._server = await asyncio.start_server(self._connection, host or None, port)
        sockets = self._server.sockets
        self.port = sockets[0].getsockname()[1] if sockets else port

    async def stop(self) -> None:
        """Stop listening and close every connection (a request being answered finishes)."""
        server, self._server = self._server, None
        if server is None:
            return
        server.close()
        for writer in list(self._connections.values()):
            if self._idle.get(writer, True):
                writer.close()  # its read ends: the connection's task returns
        if self._connections:
            await asyncio.wait(list(self._connections), timeout=STOP_GRACE_S)
        for task in self._connections:
            task.cancel()

    # --- one connection: requests one after another (keep-alive) --------------------------

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        if self._server is None:  # accepted while stopping
            writer.close()
            return
        self._connections[task] = writer
        conn = h11.Connection(h11.SERVER, max_incomplete_event_size=MAX_HEAD_BYTES)
        try:
            while True:
                self._idle[writer] = True
                try:
                    request = await asyncio.wait_for(
                        self._read(conn, reader, writer), REQUEST_TIMEOUT_S
                    )
                except _Refused as refused:
                    await self._send(conn, writer, refused.answer, head=False, close=True)
                    return
                if request is None or self._server is None:
                    return
                self._idle[writer] = False
                answer = await self._answer(*request)
                head = request[1].method == b"HEAD"
                await self._send(conn, writer, answer, head=head, close=False)
                if conn.our_state is not h11.DONE or conn.their_state is not h11.DONE:
                    return
                conn.start_next_cycle()
        except (asyncio.TimeoutError, ConnectionError, h11.ProtocolError):
            return  # a slow, vanished or confused client: close it
        except asyncio.CancelledError:  # by stop(): this task is the connection's root
            return
        except Exception:  # a bug here must not take the sidecar down
            logger.exception("sidecar HTTP server error")
        finally:
            self._connections.pop(task, None)
            self._idle.pop(writer, None)
            writer.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(writer.wait_closed(), 1.0)

    async def _read(
        self, conn: h11.Connection, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> tuple[bytes, h11.Request] | None:
        """The next request and its body; None when the client closed the connection."""
        request: h11.Request | None = None
        body = bytearray()
        received = len(conn.trailing_data[0])  # a pipelined request already read
        while True:
            try:
                event = conn.next_event()
            except h11.RemoteProtocolError as exc:
                raise _Refused(_Answer.text(exc.error_status_hint, "bad request")) from None
            if event is h11.NEED_DATA:
                if request is not None and conn.they_are_waiting_for_100_continue:
                    writer.write(
                        conn.send(h11.InformationalResponse(status_code=100, headers=[])) or b""
                    )
                data = await reader.read(65536)
                received += len(data)
                conn.receive_data(data)
            elif isinstance(event, h11.Request):
                request = event
                if received - len(conn.trailing_data[0]) > MAX_HEAD_BYTES:
                    raise _Refused(
                        _Answer.text(431, f"request head is over {MAX_HEAD_BYTES} bytes")
                    )
                names = {name for name, _ in event.headers}
                if b"content-length" in names and b"transfer-encoding" in names:
                    raise _Refused(
                        _Answer.text(400, "Content-Length and Transfer-Encoding together")
                    )
                length = _content_length(event)
                if length is not None and length > MAX_WEBHOOK_BYTES:
                    raise _Refused(_too_large())
            elif isinstance(event, h11.Data):
                body += event.data
                if len(body) > MAX_WEBHOOK_BYTES:
                    raise _Refused(_too_large())
            elif isinstance(event, h11.EndOfMessage):
                assert request is not None
                return bytes(body), request
            else:  # ConnectionClosed, or PAUSED (cannot happen: each cycle ends above)
                return None

    async def _send(
        self,
        conn: h11.Connection,
        writer: asyncio.StreamWriter,
        answer: _Answer,
        *,
        head: bool,
        close: bool,
    ) -> None:
        if conn.our_state is not h11.SEND_RESPONSE and conn.our_state is not h11.IDLE:
            return  # a protocol error before the request was whole: nothing sensible to send
        headers = [
            ("Content-Type", answer.content_type),
            ("Content-Length", str(len(answer.body))),
            ("Server", f"zelto-spool/{__version__}"),
            *answer.headers,
        ]
        if close:
            headers.append(("Connection", "close"))
        with contextlib.suppress(h11.LocalProtocolError):  # e.g. refusing a request mid-body
            reason = HTTPStatus(answer.status).phrase.encode()
            response = h11.Response(status_code=answer.status, headers=headers, reason=reason)
            data = conn.send(response) or b""
            if not head:
                data += conn.send(h11.Data(data=answer.body)) or b""
            data += conn.send(h11.EndOfMessage()) or b""
            writer.write(data)
            await asyncio.wait_for(writer.drain(), WRITE_TIMEOUT_S)

    async def _answer(self, body: bytes, request: h11.Request) -> _Answer:
        path = request.target.decode("ascii", "replace").split("?", 1)[0]
        route = self._routes.get(path)
        if route is None:
            return _Answer.text(404, "404: Not Found")
        method, handler = route
        allowed = (method, "HEAD") if method == "GET" else (method,)
        if request.method.decode("ascii", "replace") not in allowed:
            return _Answer.text(405, "405: Method Not Allowed", ("Allow", ",".join(allowed)))
        return await handler(body, request)

    # --- the routes ---------------------------------------------------------------------------

    async def _healthz(self, _body: bytes, _request: h11.Request) -> _Answer:
        health = await asyncio.to_thread(self._health)
        return _Answer.text(200 if health.ok else 503, health.text)

    async def _livez(self, _body: bytes, _request: h11.Request) -> _Answer:
        return _Answer.text(200, "alive")

    async def _metrics_page(self, _body: bytes, _request: h11.Request) -> _Answer:
        return _Answer(200, await asyncio.to_thread(self._metrics.render), CONTENT_TYPE)

    async def _webhook(self, body: bytes, request: h11.Request) -> _Answer:
        if self._webhooks is None:
            return _Answer.text(
                404, "LiveKit webhooks are off: set LIVEKIT_API_KEY and LIVEKIT_API_SECRET"
            )
        authorization = next(
            (
                value.decode("latin-1")
                for name, value in request.headers
                if name == b"authorization"
            ),
            "",
        )
        result = await asyncio.to_thread(self._webhooks.handle, body, authorization)
        self._metrics.webhooks.labels(result.event or "unknown", result.result).inc()
        return _Answer.text(result.status, result.text)


def _content_length(request: h11.Request) -> int | None:
    for name, value in request.headers:
        if name == b"content-length":
            return int(value)  # h11 has checked it is a number
    return None


def _too_large() -> _Answer:
    return _Answer.text(413, f"request body is over {MAX_WEBHOOK_BYTES} bytes")
