"""Hostile answers from a Zelto look-alike: the key echoed in escaped forms or cut in half must
never be stored, logged or shown; a 2xx far over 64 KiB that says `"received": true` delivers.

The server is a real loopback HTTP server that answers with exactly the bytes a test gives it,
optionally holding the rest of the body back (so the client's cut falls where the test says).
"""

from __future__ import annotations

import asyncio
import base64
import codecs
import json
import logging
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import payload
from zelto_spool import DeliveryConfig, Spool
from zelto_spool.delivery.flusher import Flusher
from zelto_spool.delivery.secret import WITHHELD
from zelto_spool.delivery.sender import MAX_ANSWER_BYTES

# a key holding the characters JSON escapes: `/` (as `\/` in PHP), `"` and `\`
KEY = 'zk_live/5ecret"DO\\NOT-LEAK-9f3a'


class RawZelto:
    """Answers every POST with `status`, `headers` (raw bytes, as given) and `body`; with
    `hold_after`, sends that many bytes of the body, then waits (until `close`) for the rest."""

    def __init__(self) -> None:
        self.status = 200
        self.body = b'{"received": true}'
        self.headers: list[bytes] = []  # e.g. b"Retry-After: \xc2\xb2"
        self.hold_after: int | None = None
        self.posts = 0
        self.release = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", "0")))
                outer.posts += 1
                body, hold = outer.body, outer.hold_after
                self.send_response(outer.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                for line in outer.headers:
                    self._headers_buffer.append(line + b"\r\n")  # type: ignore[attr-defined]
                self.end_headers()
                try:
                    if hold is None:
                        self.wfile.write(body)
                        return
                    self.wfile.write(body[:hold])
                    self.wfile.flush()
                    outer.release.wait(30)
                    self.wfile.write(body[hold:])
                except OSError:
                    pass  # the client read what it wanted and hung up

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(10)


@pytest.fixture
def raw_zelto() -> Iterator[RawZelto]:
    server = RawZelto()
    yield server
    server.close()


def drain(spool: Spool, server: RawZelto, key: str = KEY) -> Any:
    config = DeliveryConfig(base_url=server.base_url, api_key=key, total_timeout_s=10)

    async def go() -> Any:
        async with Flusher(spool, config) as flusher:
            return await flusher.drain(timeout=15)

    return asyncio.run(go())


def deliver_once(spool: Spool, server: RawZelto, call_id: str) -> Any:
    config = DeliveryConfig(base_url=server.base_url, api_key=KEY, total_timeout_s=10)

    async def go() -> Any:
        async with Flusher(spool, config) as flusher:
            return await flusher.deliver(call_id, timeout=10)

    return asyncio.run(go())


def leaked_forms(key: str) -> list[str]:
    """The key in every form a reader could turn back into it, and its first 8 characters."""
    escaped = json.dumps(key)[1:-1]
    unicode_escaped = "".join(f"\\u{ord(c):04x}" for c in key)
    return [
        key,
        key[:8],
        escaped,
        escaped.replace("/", "\\/"),
        unicode_escaped,
        json.dumps(unicode_escaped)[1:-1],
        "".join(f"%{ord(c):02X}" for c in key),
    ]


def assert_no_key(text: str) -> None:
    for form in leaked_forms(KEY):
        assert form not in text, f"the key leaked as {form!r} in {text!r}"


def _unicode_escaped(text: str) -> str:
    return "".join(f"\\u{ord(c):04x}" for c in text)


ECHOES = {
    "unicode escapes": b'{"error": "invalid key ' + _unicode_escaped(KEY).encode() + b'"}',
    "php slashes": json.dumps({"error": f"invalid key {KEY}"}).replace("/", "\\/").encode(),
    "standard json": json.dumps({"error": f"invalid key {KEY}"}).encode(),
    "escaped twice": json.dumps({"error": f"invalid key {json.dumps(KEY)}"}).encode(),
    "not json": b"invalid key " + _unicode_escaped(KEY).encode() + b" (text/plain)",
    "percent": b"<a href='/login?key=" + "".join(f"%{ord(c):02X}" for c in KEY).encode() + b"'>",
}


@pytest.mark.parametrize("name", sorted(ECHOES))
def test_an_echoed_key_is_scrubbed_in_every_form(
    name: str, raw_zelto: RawZelto, spool_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    raw_zelto.status, raw_zelto.body = 401, ECHOES[name]
    caplog.set_level(logging.DEBUG, logger="zelto_spool")
    with Spool(spool_path) as spool:
        spool.enqueue(payload("echo"))
        report = drain(spool, raw_zelto)
        (row,) = spool.upkeep.rows()
        pause = spool.pause_state()
        stats = spool.stats()
    assert report.paused is not None and pause is not None and row["state"] == "pending"
    assert "***" in pause.reason, pause.reason
    for text in (pause.reason, row["last_error"] or "", report.paused, json.dumps(stats)):
        assert_no_key(text)
    assert_no_key(caplog.text)
    _assert_not_on_disk(spool_path)


def test_a_key_cut_in_half_by_the_64_kib_read_is_scrubbed(
    raw_zelto: RawZelto, spool_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # blanks (collapsed in the reason) up to the cut, which falls 10 characters into the key
    head = b" " * (MAX_ANSWER_BYTES - 10)
    raw_zelto.status, raw_zelto.body = 401, head + KEY.encode() + b" " * 1000
    raw_zelto.hold_after = MAX_ANSWER_BYTES
    caplog.set_level(logging.DEBUG, logger="zelto_spool")
    with Spool(spool_path) as spool:
        spool.enqueue(payload("cut"))
        report = drain(spool, raw_zelto)
        pause = spool.pause_state()
    assert report.paused is not None and pause is not None
    assert pause.reason.endswith(": ***"), pause.reason
    assert KEY[:10] not in pause.reason and KEY[:10] not in caplog.text
    _assert_not_on_disk(spool_path)


def test_a_key_cut_by_the_reason_limit_is_scrubbed(raw_zelto: RawZelto, spool_path: Path) -> None:
    escaped = _unicode_escaped(KEY)  # 6 characters per key character: the cut lands inside
    raw_zelto.status = 403
    raw_zelto.body = json.dumps({"error": "x" * 470 + " " + escaped}).encode()
    with Spool(spool_path) as spool:
        spool.enqueue(payload("limit"))
        drain(spool, raw_zelto)
        pause = spool.pause_state()
    assert pause is not None
    assert "***" in pause.reason, pause.reason
    assert "\\u007a\\u006b" not in pause.reason  # "zk", escaped


def _assert_not_on_disk(spool_path: Path) -> None:
    for path in spool_path.parent.iterdir():
        data = path.read_bytes().decode("latin-1")
        assert_no_key(data)


def test_a_2xx_echoing_a_large_call_is_delivered(raw_zelto: RawZelto, spool_path: Path) -> None:
    call = payload("big", turns=400)
    for turn in call["transcript"]["turns"]:
        turn["content"] = "a long turn " * 40
    raw_zelto.body = json.dumps({"received": True, "call": call}).encode()
    assert len(raw_zelto.body) > 2 * MAX_ANSWER_BYTES
    with Spool(spool_path) as spool:
        spool.enqueue(payload("big"))
        report = drain(spool, raw_zelto)
        (row,) = spool.upkeep.rows()
    assert report.delivered == 1 and row["state"] == "delivered"
    assert raw_zelto.posts == 1


def test_a_2xx_with_received_after_a_large_echo_is_delivered(
    raw_zelto: RawZelto, spool_path: Path
) -> None:
    raw_zelto.body = json.dumps({"call": {"echo": "x" * 300_000}, "received": True}).encode()
    with Spool(spool_path) as spool:
        spool.enqueue(payload("late"))
        report = drain(spool, raw_zelto)
    assert report.delivered == 1 and raw_zelto.posts == 1


@pytest.mark.parametrize(
    ("body", "why"),
    [
        (json.dumps({"call": {"echo": "x" * 100_000}}).encode(), 'JSON object has no "received"'),
        (json.dumps({"received": False, "x": "y" * 100_000}).encode(), '"received" is not true'),
        (b"<html>" + b"x" * 100_000, "not valid JSON"),
        (b'{"received": true garbage' + b"x" * 100_000, "not valid JSON"),
        (b"[" + json.dumps({"received": True}).encode() + b"]", "JSON but not an object"),
    ],
)
def test_a_large_2xx_without_received_says_why(
    body: bytes, why: str, raw_zelto: RawZelto, spool_path: Path
) -> None:
    raw_zelto.body = body
    with Spool(spool_path) as spool:
        spool.enqueue(payload("no"))
        outcome = deliver_once(spool, raw_zelto, "no")
        (row,) = spool.upkeep.rows()
    assert outcome.kind == "retry" and row["state"] == "pending"
    assert why in row["last_error"], row["last_error"]


def encoded_echoes(key: str) -> dict[str, str]:
    """The key in forms no scrubbing pattern knows (an outside tester's list, and more)."""
    return {
        "html without ;": "".join(f"&#{ord(c)}" for c in key) + " ",
        "percent twice": "".join(f"%25{ord(c):02X}" for c in key),
        "python \\x": "".join(f"\\x{ord(c):02x}" for c in key),
        "python \\U": "".join(f"\\U{ord(c):08x}" for c in key),
        "octal": "".join(f"\\{ord(c):03o}" for c in key),
        "fullwidth": "".join(chr(ord(c) + 0xFEE0) for c in key),
        "spaced out": " ".join(key),
        "plus-joined": "+".join(key),
        "quoted-printable": "".join(f"={ord(c):02X}" for c in key),
        "css": "".join(f"\\{ord(c):X} " for c in key),
        "hex bytes": key.encode().hex(),
        "base64": base64.b64encode(key.encode()).decode(),
        "base64 shifted": base64.b64encode(b"x" + key.encode()).decode(),
        "rot13": codecs.encode(key, "rot13"),
        "fraktur html": "&Kfr;&Zfr;" + "".join(f"&#{ord(c)};" for c in key[2:]),
    }


ENCODED_KEY = "Kz9QwErTy7UiOp3AsDfG"  # letters only where rot13 and case matter


@pytest.mark.parametrize("name", sorted(encoded_echoes(ENCODED_KEY)))
def test_a_key_in_an_encoding_no_pattern_knows_withholds_the_answer(
    name: str, raw_zelto: RawZelto, spool_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """`&#75&#122...`, `%254B...`, `\\x4b`, `\\113` and fullwidth letters reached `last_error`,
    `status` and the log as sent: the answer is now withheld whole."""
    form = encoded_echoes(ENCODED_KEY)[name]
    raw_zelto.status = 422
    raw_zelto.body = json.dumps({"error": f"bad field, you sent {form}"}).encode()
    caplog.set_level(logging.DEBUG, logger="zelto_spool")
    with Spool(spool_path) as spool:
        spool.enqueue(payload("echo"))
        drain(spool, raw_zelto, key=ENCODED_KEY)
        (row,) = spool.upkeep.rows()
    assert row["state"] == "dead" and row["last_error"] == f"HTTP 422: {WITHHELD}", row
    assert form.strip() not in caplog.text
    for path in spool_path.parent.iterdir():
        assert form.strip().encode() not in path.read_bytes()


def test_an_ordinary_answer_is_not_withheld(raw_zelto: RawZelto, spool_path: Path) -> None:
    raw_zelto.status = 422
    raw_zelto.body = b'{"error": "transcript.turns[3].content: must be a string (got 5)"}'
    with Spool(spool_path) as spool:
        spool.enqueue(payload("plain"))
        drain(spool, raw_zelto, key=ENCODED_KEY)
        (row,) = spool.upkeep.rows()
    assert row["last_error"] == "HTTP 422: transcript.turns[3].content: must be a string (got 5)"
