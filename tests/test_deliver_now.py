"""Deliver-now: `on_session_end` sends the bytes it has just committed, claimed in the same
transaction, over a client the process keeps for its event loop (closed when the loop ends).

Real sessions, a real spool file and the local receiver, reached through a small counting TCP
relay: how many connections the plugin opened, and how many it has closed.
"""

from __future__ import annotations

import asyncio
import gc
import re
import selectors
import socket
import socketserver
import sqlite3
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from livekit.plugins import zelto
from tests.conftest import API_KEY, wait_until
from tests.sessions import run_session
from zelto_spool import Spool


class _Relay(socketserver.ThreadingTCPServer):
    """127.0.0.1:<port> -> the receiver, byte for byte; counts connections opened and closed."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        self.opened = 0
        self.closed = 0
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), _Pipe)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Pipe(socketserver.BaseRequestHandler):
    server: _Relay

    def handle(self) -> None:
        with self.server.lock:
            self.server.opened += 1
        upstream = socket.create_connection(self.server.upstream)
        pair = {self.request: upstream, upstream: self.request}
        try:
            with selectors.DefaultSelector() as selector:
                for sock in pair:
                    selector.register(sock, selectors.EVENT_READ)
                while not self.server.stopping.is_set():
                    for key, _ in selector.select(timeout=0.05):
                        data = key.fileobj.recv(65536)  # type: ignore[union-attr]
                        if not data:
                            return
                        pair[key.fileobj].sendall(data)  # type: ignore[index]
        except OSError:
            return
        finally:
            upstream.close()
            with self.server.lock:
                self.server.closed += 1


@pytest.fixture
def relay(zelto_receiver: Any) -> Iterator[_Relay]:
    server = _Relay(("127.0.0.1", zelto_receiver.port))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield server
    finally:
        server.stopping.set()
        server.shutdown()
        server.server_close()
        thread.join()


def forwarder(base_url: str, spool_path: Path) -> zelto.Forwarder:
    return zelto.Forwarder(
        agent_id="support-bot",
        spool_path=spool_path,
        base_url=base_url,
        api_key=API_KEY,
        call_id=zelto.job_id,
    )


@pytest.fixture
def statements(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every SQL statement this process runs on a spool opened from now on, in order."""
    seen: list[str] = []
    lock = threading.Lock()
    connect = sqlite3.connect

    def traced(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = connect(*args, **kwargs)

        def trace(statement: str) -> None:
            with lock:
                seen.append(" ".join(statement.split()))

        conn.set_trace_callback(trace)
        return conn

    monkeypatch.setattr(sqlite3, "connect", traced)
    return seen


def test_the_committed_bytes_are_sent_claimed_in_the_same_transaction(
    spool_path: Path, zelto_receiver: Any, statements: list[str]
) -> None:
    fw = forwarder(zelto_receiver.base_url, spool_path)
    asyncio.run(run_session(fw, job_id="job-1"))
    run = list(statements)  # what the job ran (the checks below run statements too)
    # the body Zelto got is the body committed, byte for byte
    with sqlite3.connect(spool_path) as conn:
        (stored,) = conn.execute("SELECT body FROM payloads").fetchone()
    assert zelto_receiver.accepted == [("job-1", bytes(stored))]
    # ... and nothing read it back from the spool between the commit and the POST
    assert [s for s in run if re.match(r"SELECT\b.*\bFROM\s+payloads\b", s)] == []
    # the insert and the claim share one transaction: no COMMIT between them
    insert = next(i for i, s in enumerate(run) if s.startswith("INSERT INTO calls"))
    claim = next(
        i for i, s in enumerate(run) if re.match(r"UPDATE calls SET state = 'inflight'", s)
    )
    assert insert < claim
    assert not any(s.startswith("COMMIT") for s in run[insert:claim])
    assert Spool(spool_path).upkeep.rows()[0]["state"] == "delivered"


def test_later_calls_on_the_same_loop_reuse_the_connection(
    spool_path: Path, zelto_receiver: Any, relay: _Relay
) -> None:
    fw = forwarder(relay.base_url, spool_path)

    async def two_jobs() -> None:
        await run_session(fw, job_id="job-1")
        await run_session(fw, job_id="job-2")

    asyncio.run(two_jobs())
    assert sorted(zelto_receiver.calls) == ["job-1", "job-2"]
    assert relay.opened == 1  # one keep-alive connection for both POSTs
    assert wait_until(lambda: relay.closed == 1)  # closed when the loop ended


def test_a_new_event_loop_gets_its_own_client_and_the_old_one_is_closed(
    spool_path: Path, zelto_receiver: Any, relay: _Relay
) -> None:
    """One process, several loops one after the other (a thread-executor process's jobs, or
    `asyncio.run` twice): each loop sends over its own connection, closed as the loop ends."""
    fw = forwarder(relay.base_url, spool_path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        asyncio.run(run_session(fw, job_id="job-1"))
        assert wait_until(lambda: relay.closed == 1)
        asyncio.run(run_session(fw, job_id="job-2"))
        assert wait_until(lambda: relay.closed == 2)
        gc.collect()
    assert relay.opened == 2
    assert sorted(zelto_receiver.calls) == ["job-1", "job-2"]
    assert [w for w in caught if issubclass(w.category, ResourceWarning)] == []
    assert {r["state"] for r in Spool(spool_path).upkeep.rows()} == {"delivered"}


def test_jobs_on_threads_with_their_own_loops_share_one_forwarder(
    spool_path: Path, zelto_receiver: Any
) -> None:
    """LiveKit's thread executor: several jobs at once in one process, a loop each."""
    fw = forwarder(zelto_receiver.base_url, spool_path)
    errors: list[BaseException] = []

    def job(n: int) -> None:
        try:
            asyncio.run(run_session(fw, job_id=f"job-{n}"))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=job, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(zelto_receiver.calls) == [f"job-{n}" for n in range(4)]
    assert {r["state"] for r in Spool(spool_path).upkeep.rows()} == {"delivered"}
