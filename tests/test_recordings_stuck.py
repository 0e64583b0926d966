"""An object store that takes the connection and never answers holds neither a call's
transcript (`drain` sends the calls first and stops uploading at its --timeout) nor the
sidecar past SIGTERM (an upload gets the senders' stop grace, then is left for next time)."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import API_KEY, cli_env, payload, run_cli
from zelto_spool import Spool

OGG = b"OggS\x00\x02" + bytes(range(256)) * 100


class Hanging:
    """Accepts connections, reads nothing back, never answers."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.accepted = threading.Event()
        self.conns: list[socket.socket] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    drip = False  # True: answer one byte a second, never a whole answer

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.conns.append(conn)
            self.accepted.set()
            if self.drip:
                threading.Thread(target=self._drip, args=(conn,), daemon=True).start()

    def _drip(self, conn: socket.socket) -> None:
        for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"z" * 10_000:
            if self.stop.wait(1.0):
                return
            try:
                conn.sendall(bytes([byte]))
            except OSError:
                return

    @property
    def env(self) -> dict[str, str]:
        return {
            "ZELTO_RECORDINGS_BUCKET": "b-1",
            "ZELTO_RECORDINGS_ENDPOINT": f"http://127.0.0.1:{self.sock.getsockname()[1]}",
            "AWS_ACCESS_KEY_ID": "a",
            "AWS_SECRET_ACCESS_KEY": "s",
        }

    def close(self) -> None:
        self.stop.set()
        self.thread.join(5)
        for conn in self.conns:
            conn.close()
        self.sock.close()


@pytest.fixture(params=["silent", "dripping"])
def hanging(request: pytest.FixtureRequest) -> Iterator[Hanging]:
    store = Hanging()
    store.drip = request.param == "dripping"  # each byte resets a per-read timeout
    try:
        yield store
    finally:
        store.close()


def spool_with_a_recording(spool_path: Path, tmp_path: Path, call_id: str) -> None:
    source = tmp_path / "audio.ogg"
    source.write_bytes(OGG)
    with Spool(spool_path) as spool:
        spool.enqueue(payload(call_id))
        spool.hand_off_recording(call_id, source)


def test_drain_sends_the_calls_first_and_keeps_to_its_timeout(
    spool_path: Path, tmp_path: Path, zelto_receiver: Any, hanging: Hanging
) -> None:
    spool_with_a_recording(spool_path, tmp_path, "room-1")
    env = {**cli_env(spool_path, zelto_receiver.base_url, API_KEY), **hanging.env}
    # before: the upload came first and waited 120 s for an answer, the call behind it
    drained = run_cli("drain", "--timeout", "3s", env=env, timeout=60)
    assert "room-1" in zelto_receiver.calls  # the transcript did not wait
    assert drained.returncode == 1  # the recording is left, and says so
    assert "0 recording(s) uploaded, 1 left to upload" in drained.stdout


def test_sigterm_ends_run_while_an_upload_hangs(
    spool_path: Path, tmp_path: Path, zelto_receiver: Any, hanging: Hanging
) -> None:
    spool_with_a_recording(spool_path, tmp_path, "room-2")
    env = {**cli_env(spool_path, zelto_receiver.base_url, API_KEY), **hanging.env}
    log = tmp_path / "sidecar.log"
    with open(log, "w") as err:
        sidecar = subprocess.Popen(
            [sys.executable, "-m", "zelto_spool", "run"], env=env, stderr=err, text=True
        )
    try:
        assert hanging.accepted.wait(60), log.read_text()  # the upload is under way
        assert zelto_receiver.wait_for(lambda r: "room-2" in r.calls, timeout=60)
    finally:
        sidecar.send_signal(signal.SIGTERM)
        # before: it waited for the upload's 120 s read timeout
        assert sidecar.wait(timeout=60) == 0, log.read_text()
    assert "an upload was still running at exit" in log.read_text()
    with Spool(spool_path) as spool:
        assert spool.recordings.counts().get("pending") == 1  # kept for the next run
