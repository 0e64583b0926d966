"""A local Zelto-compatible receiver: a real HTTP server on loopback for tests, demos, benchmarks.

`Receiver` serves `POST /webhooks/calls` from a background thread with its own event loop and
checks the wire contract exactly as documented (bearer key, `X-Zelto-Provider: livekit`, JSON,
the canonical shape via `payload.validate`). It records what it saw, and can simulate Zelto
misbehaving (`set_fault`). The bearer token it receives is never printed or logged.

Faults and other errors are checked in this order: path/method, fault (as a gateway would:
`down`, `hang`, `slow`, `5xx`, `429`, `flaky`), then auth, provider, JSON, shape, rejections
(`reject`, `reject_ids`), and finally the answer (`nonjson`, `noreceived` or `{"received": true}`).
A call counts as accepted only when it was answered `{"received": true}`.

This module is the server (thread, loop, recording, `set_fault`); the checks and the record of
a request, the fault modes and a gateway's answers are `zelto_spool/contract.py`.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import threading
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any

try:
    from aiohttp import web
except ImportError as exc:  # the lean zelto-spool (a sidecar image) does not install it
    raise ModuleNotFoundError(
        "zelto_spool.testing.Receiver (and `zelto-spool receiver`, the zelto_receiver and "
        "zelto_env fixtures) needs aiohttp, which zelto-spool installs only with its testing "
        "extra: pip install 'zelto-spool[testing]' (livekit-plugins-zelto brings it too)",
        name="aiohttp",
    ) from exc

from ..contract import (
    FAULT_MODES,
    WEBHOOK_PATH,
    Fault,
    Post,
    check_request,
    format_post,
    gateway_refusal,
    parse_fault,
)
from ..payload import MAX_PAYLOAD_BYTES, call_id_of, decode

__all__ = [
    "FAULT_MODES",
    "Fault",
    "Post",
    "Receiver",
    "format_post",
    "parse_fault",
]

logger = logging.getLogger(__name__)

DEFAULT_REJECT_REASON = "rejected by the local receiver"
_OK_BODY = b'{"received":true}'
_JSON = "application/json"


class Receiver:
    """A Zelto look-alike on loopback: checks the contract, records posts, simulates faults.

    Args:
        api_key: the bearer key to require; `None` accepts any non-empty bearer token.
        host / port: where to listen; `port=0` picks a free port, kept across `down`/up.
        fault: the initial fault mode (see `set_fault`).
        seed: seeds the `random.Random` behind `flaky:<p>`.
        on_post: called on the receiver's thread with each finished `Post` (answered or not).
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        fault: str | None = None,
        seed: int | None = None,
        on_post: Callable[[Post], None] | None = None,
    ) -> None:
        self._api_key = api_key.encode() if api_key else None
        self._host = host
        self._port = port
        self._fault = parse_fault(fault)
        self._rng = random.Random(seed)
        self._on_post = on_post
        self.reject_ids: set[str] = set()
        self.hang_ids: set[str] = set()
        self._rejections: dict[str, tuple[int, str]] = {}
        self._cond = threading.Condition()  # RLock: predicates may read the properties below
        self._posts: list[Post] = []
        self._calls: dict[str, Any] = {}
        self._accepted: list[tuple[str, bytes]] = []
        self._counts: dict[str, int] = {}
        self._lifecycle = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: web.Server | None = None
        self._listener: asyncio.Server | None = None
        self._changed: asyncio.Event | None = None

    # lifecycle

    def start(self) -> Receiver:
        with self._lifecycle:
            if self._thread is not None:
                raise RuntimeError("Receiver is already running")
            loop = asyncio.new_event_loop()
            self._loop = loop
            self._thread = threading.Thread(
                target=self._run, args=(loop,), name="zelto-receiver", daemon=True
            )
            self._thread.start()
            try:
                asyncio.run_coroutine_threadsafe(self._startup(), loop).result(timeout=10)
            except BaseException:
                self._halt()
                raise
        return self

    def stop(self) -> None:
        """Stop listening, drop every connection (hanging ones too) and end the thread."""
        with self._lifecycle:
            if self._loop is None:
                return
            try:
                asyncio.run_coroutine_threadsafe(self._unlisten(), self._loop).result(timeout=10)
            finally:
                self._halt()

    def __enter__(self) -> Receiver:
        return self.start()

    def __exit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if not self._port:
            raise RuntimeError("Receiver has no port yet: call start() first")
        return self._port

    @property
    def base_url(self) -> str:
        host = f"[{self._host}]" if ":" in self._host else self._host
        return f"http://{host}:{self.port}"

    @property
    def url(self) -> str:
        """The full endpoint, `{base_url}/webhooks/calls`."""
        return self.base_url + WEBHOOK_PATH

    # faults

    @property
    def fault(self) -> str:
        return str(self._fault)

    def set_fault(self, mode: str | None) -> None:
        """Switch fault mode (thread-safe); it applies to the next request. See `FAULT_MODES`."""
        fault = parse_fault(mode)
        if threading.current_thread() is self._thread:
            raise RuntimeError("set_fault() would deadlock on the receiver's own thread")
        with self._lifecycle:
            if self._loop is None:
                self._fault = fault
            else:
                asyncio.run_coroutine_threadsafe(self._apply(fault), self._loop).result(10)

    def reject(self, call_id: str, status: int = 422, reason: str = DEFAULT_REJECT_REASON) -> None:
        """Answer every valid post of `call_id` with `status` (a 4xx) and `{"error": reason}`."""
        if not 400 <= status <= 499:
            raise ValueError(f"reject status must be a 4xx, got {status}")
        self._rejections[call_id] = (status, reason)
        self.reject_ids.add(call_id)

    def hang(self, call_id: str) -> None:
        """Take every valid post of `call_id` and never answer it (the client times out)."""
        self.hang_ids.add(call_id)

    # recording

    @property
    def posts(self) -> list[Post]:
        with self._cond:
            return list(self._posts)

    @property
    def calls(self) -> dict[str, Any]:
        with self._cond:
            return dict(self._calls)

    @property
    def accepted(self) -> list[tuple[str, bytes]]:
        with self._cond:
            return list(self._accepted)

    def accepted_count(self, call_id: str | None = None) -> int:
        with self._cond:
            return len(self._accepted) if call_id is None else self._counts.get(call_id, 0)

    def wait_for(self, predicate: Callable[[Receiver], bool], timeout: float) -> bool:
        """Block until `predicate(self)` is true (re-checked on every request); False on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: predicate(self), timeout)

    def clear(self) -> None:
        """Forget recorded posts, calls and acceptances (faults and rejections stay)."""
        with self._cond:
            self._posts.clear()
            self._calls.clear()
            self._accepted.clear()
            self._counts.clear()
            self._cond.notify_all()

    # the event loop thread

    def _run(self, loop: asyncio.AbstractEventLoop) -> None:
        asyncio.set_event_loop(loop)
        try:
            loop.run_forever()
            pending = asyncio.all_tasks(loop)
            for task in pending:
                task.cancel()
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            loop.close()

    def _halt(self) -> None:
        loop, thread = self._loop, self._thread
        if loop is not None and thread is not None:
            loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout=10)
        self._loop = self._thread = self._server = self._changed = None

    async def _startup(self) -> None:
        self._changed = asyncio.Event()
        self._server = web.Server(
            self._handle, handler_cancellation=True, access_log=None, keepalive_timeout=75
        )
        await self._listen()
        if self._fault.mode == "down":
            await self._unlisten()

    async def _listen(self) -> None:
        assert self._server is not None
        loop = asyncio.get_running_loop()
        self._listener = await loop.create_server(
            self._server, self._host, self._port, reuse_address=True, backlog=1024
        )
        if not self._port:
            self._port = self._listener.sockets[0].getsockname()[1]

    async def _unlisten(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            await _stop_accepting(listener)
            listener.close()
        if self._server is not None:  # drop open connections too: a real outage resets them
            for conn in self._server.connections:
                if conn.transport is not None:
                    conn.transport.abort()
            deadline = asyncio.get_running_loop().time() + 2
            while self._server.connections and asyncio.get_running_loop().time() < deadline:
                await asyncio.sleep(0.001)
        if listener is not None:
            await listener.wait_closed()

    async def _apply(self, fault: Fault) -> None:
        self._fault = fault
        if self._changed is not None:  # wake hanging requests to re-read the mode
            self._changed.set()
            self._changed = asyncio.Event()
        if fault.mode == "down" and self._listener is not None:
            await self._unlisten()
        elif fault.mode != "down" and self._listener is None and self._server is not None:
            await self._listen()

    async def _handle(self, request: web.BaseRequest) -> web.StreamResponse:
        headers = {k.lower(): v for k, v in request.headers.items()}
        length = request.content_length
        too_big = length is not None and length > MAX_PAYLOAD_BYTES
        body = b"" if too_big else await request.content.read()  # no 1 MiB client_max_size
        payload: Any = None
        if request.path == WEBHOOK_PATH and body:
            try:
                payload = decode(body)
            except ValueError:
                payload = None
        post = Post(time.time(), call_id_of(payload), None, headers, body, path=request.path)
        with self._cond:
            self._posts.append(post)
            self._cond.notify_all()
        status = None
        try:
            response, post.error = await self._answer(request, headers, body, payload)
            status = response.status
            return response
        finally:
            with self._cond:
                post.status = status
                if status == 200 and post.error is None and post.call_id is not None:
                    self._calls[post.call_id] = payload
                    self._accepted.append((post.call_id, body))
                    self._counts[post.call_id] = self._counts.get(post.call_id, 0) + 1
                self._cond.notify_all()
            if self._on_post is not None:
                try:
                    self._on_post(post)
                except Exception:
                    logger.exception("receiver on_post callback failed")

    async def _answer(
        self, request: web.BaseRequest, headers: dict[str, str], body: bytes, payload: Any
    ) -> tuple[web.Response, str | None]:
        if request.path != WEBHOOK_PATH:
            return _error(404, f"no such endpoint; POST {WEBHOOK_PATH}")
        if request.method != "POST":
            return _error(405, f"method {request.method} not allowed; use POST", Allow="POST")
        fault = self._fault
        while fault.mode in ("hang", "down"):  # `down` here: a request caught mid-switch
            assert self._changed is not None
            await self._changed.wait()
            fault = self._fault
        if fault.mode == "slow":
            await asyncio.sleep(fault.value)
        refusal = gateway_refusal(fault, self._rng)
        if refusal is not None:
            return _error(refusal.status, refusal.reason, **dict(refusal.headers))
        refusal = check_request(
            headers, body, payload, api_key=self._api_key, content_length=request.content_length
        )
        if refusal is not None:
            return _error(refusal.status, refusal.reason, refusal.field, **dict(refusal.headers))
        call_id = payload["call"]["externalId"]
        while call_id in self.hang_ids:  # until the receiver stops
            assert self._changed is not None
            await self._changed.wait()
        if fault.mode == "reject":
            return _error(422, f"{DEFAULT_REJECT_REASON} (fault reject)")
        if call_id in self.reject_ids:
            status, reason = self._rejections.get(call_id, (422, DEFAULT_REJECT_REASON))
            return _error(status, reason)
        if fault.mode == "nonjson":
            reply = web.Response(text="<html>OK</html>", content_type="text/html")
            return reply, "not acknowledged (fault nonjson)"
        if fault.mode == "noreceived":
            reply = web.Response(body=b'{"ok":true}', content_type=_JSON)
            return reply, "not acknowledged (fault noreceived)"
        return web.Response(body=_OK_BODY, content_type=_JSON), None


async def _stop_accepting(listener: asyncio.Server) -> None:
    """Accept no more connections, and let those accepted already be set up before `close()`.

    asyncio accepts in one turn and attaches the connection to its server a turn later; one
    accepted just before `close()` fails to attach and its socket is left open, unclosed
    (CPython gh-109564). Three turns: an accept queued in this one, its setup in the next,
    its `connection_made` (the server lists it, so `_unlisten` drops it) in the one after.
    """
    loop = asyncio.get_running_loop()
    for sock in listener.sockets:
        loop.remove_reader(sock.fileno())
    for _ in range(3):
        await asyncio.sleep(0)


def _error(
    status: int, reason: str, field: str | None = None, **headers: str
) -> tuple[web.Response, str]:
    obj = {"error": reason} if field is None else {"error": reason, "field": field}
    body = json.dumps(obj).encode()
    return web.Response(status=status, body=body, content_type=_JSON, headers=headers), reason
