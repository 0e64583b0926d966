"""An outcome the spool could not record (the write lock held past the busy timeout, a full
disk) is recorded at the sender's next look: its row stays inflight under the sender's own
lease, which no other process ends while the sender answers, so a sender that forgot it left
the call in flight until it was restarted (found by an outside tester, with a full tmpfs)."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import payload
from zelto_spool import DeliveryConfig, Spool
from zelto_spool.delivery.flusher import Flusher

KEY = "test-key-unrecorded"


class LockingZelto:
    """Takes the spool's write lock as each call arrives, answers 200, and keeps the lock
    until the sender has logged that it could not record the outcome."""

    def __init__(self, spool_path: Path) -> None:
        self.posts = 0
        self.gave_up = threading.Event()  # set by the log handler below
        self.locked = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", "0")))
                outer.posts += 1
                if outer.posts == 1:  # only the first: the outcome of this one is the test
                    lock = sqlite3.connect(
                        spool_path, isolation_level=None, timeout=10, check_same_thread=False
                    )
                    lock.execute("BEGIN IMMEDIATE")
                    outer.locked.set()
                    threading.Thread(target=outer._unlock_later, args=(lock,)).start()
                body = b'{"received": true}'
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def _unlock_later(self, lock: sqlite3.Connection) -> None:
        self.gave_up.wait(30)
        lock.execute("ROLLBACK")
        lock.close()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"


class _GaveUp(logging.Handler):
    def __init__(self, event: threading.Event) -> None:
        super().__init__()
        self.event = event
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage() in self.messages:
            return  # one record reaches both loggers' handlers when it propagates
        self.messages.append(record.getMessage())
        if record.getMessage().startswith("could not record outcomes"):
            self.event.set()


@pytest.fixture
def zelto(tmp_path: Path) -> Iterator[LockingZelto]:
    server = LockingZelto(tmp_path / "spool.db")
    yield server
    server.gave_up.set()
    server.server.shutdown()
    server.server.server_close()


def test_an_outcome_that_could_not_be_recorded_is_recorded_at_the_next_look(
    tmp_path: Path, zelto: LockingZelto
) -> None:
    spool = Spool(tmp_path / "spool.db", busy_timeout=0.3)
    spool.enqueue(payload("call-1"))
    handler = _GaveUp(zelto.gave_up)
    # the library logs to its own tree, or to the plugin's once the plugin was imported
    loggers = [logging.getLogger(name) for name in ("zelto_spool", "livekit.plugins.zelto")]
    for logger in loggers:
        logger.addHandler(handler)
    try:
        config = DeliveryConfig(base_url=zelto.base_url, api_key=KEY, total_timeout_s=10)

        async def go() -> Any:
            stop = asyncio.Event()
            async with Flusher(spool, config) as flusher:
                task = asyncio.create_task(flusher.run(stop))  # the sidecar's loop
                deadline = asyncio.get_running_loop().time() + 30
                while asyncio.get_running_loop().time() < deadline:
                    shown = spool.show("call-1")
                    if shown is not None and shown["state"] == "delivered":
                        break
                    await asyncio.sleep(0.05)  # polling with a deadline
                stop.set()
                return await task

        report = asyncio.run(go())
    finally:
        for logger in loggers:
            logger.removeHandler(handler)
    assert zelto.locked.is_set()
    assert any(m.startswith("could not record outcomes") for m in handler.messages)
    # sent once, and recorded as delivered by the same sender once the lock was gone
    assert zelto.posts == 1
    assert report.delivered == 1
    shown = spool.show("call-1")
    assert shown is not None and shown["state"] == "delivered", shown
