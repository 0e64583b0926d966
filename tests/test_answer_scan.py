"""Pure parts of reading an answer: the incremental "received" scan and the key scrubber."""

from __future__ import annotations

import json

import pytest

from zelto_spool._answer import ReceivedScanner, scan_received
from zelto_spool._secret import Scrubber

BIG_ECHO = json.dumps({"t": ["x" * 50] * 3000}).encode()


@pytest.mark.parametrize(
    ("body", "verdict"),
    [
        (b'{"received": true}', "true"),
        (b' {"received":true,"x":1}', "true"),
        (b'{"a":"}\\"{","received":true}', "true"),
        (b'{"a":{"b":[1,{"c":"]"}]},"received": true}', "true"),
        (b'{"a": 1.5e3, "b": null, "received": true }', "true"),
        (b'{"rec\\u0065ived": true}', "true"),
        (b'{"a":[[[]]],"b":"\\\\","received":true}', "true"),
        (b'{"received": true, "call": ' + BIG_ECHO, "true"),  # decided before the cut
        (b'{"call": ' + BIG_ECHO + b', "received": true}', "true"),
        (b'{"received": false}', "not_true"),
        (b'{"received": "true"}', "not_true"),
        (b'{"received": truex}', "not_true"),
        (b'{"ok": true}', "missing"),
        (b"{}", "missing"),
        (b'{"call": {"received": true}}', "missing"),  # only the top level counts
        (b"<html>", "not_object"),
        (b"", "not_object"),
        (b'[{"received": true}]', "not_object"),
        (b'{"received": tru', None),  # cut mid-value
        (b'{"call": ' + BIG_ECHO[:5000], None),  # cut before "received"
    ],
)
def test_scan_in_any_pieces(body: bytes, verdict: str | None) -> None:
    assert scan_received(body) == verdict
    for size in (1, 3, 7, 4096):
        scanner = ReceivedScanner()
        for start in range(0, len(body), size):
            scanner.feed(body[start : start + size])
        assert scanner.finish() == verdict


KEY = 'zk_live/5ecret"DO\\NOT-LEAK-9f3a'
UNICODE = "".join(f"\\u{ord(c):04x}" for c in KEY)


@pytest.mark.parametrize(
    "form",
    [
        KEY,
        json.dumps(KEY)[1:-1],
        json.dumps(KEY)[1:-1].replace("/", "\\/"),
        UNICODE,
        UNICODE.upper().replace("\\U", "\\u"),
        json.dumps(UNICODE)[1:-1],
        "".join(f"%{ord(c):02x}" for c in KEY),
        "".join(f"&#{ord(c)};" for c in KEY),
        repr(KEY.encode())[2:-1],
        KEY.upper(),  # echoed upper-cased
        KEY.swapcase(),
        KEY.encode("utf-16-le").decode("latin-1")[:-1],  # a UTF-16 body read as bytes
        repr(KEY.encode("utf-16-le").decode("latin-1")[:-1])[1:-1],  # ... printed escaped
    ],
)
def test_every_form_of_the_key_is_scrubbed(form: str) -> None:
    assert Scrubber(KEY)(f"before {form} after") == "before *** after"


@pytest.mark.parametrize("n", range(1, len(KEY)))
def test_a_prefix_left_by_a_cut_is_scrubbed(n: int) -> None:
    scrub = Scrubber(KEY)
    assert scrub("x " + KEY[:n], cut=True) == "x ***"
    for extra in range(6):  # n characters escaped, then part of the next escape
        assert scrub("x " + UNICODE[: n * 6 + extra], cut=True) == "x ***"
    assert scrub("x " + json.dumps(KEY)[1:-1][:n], cut=True) == "x ***"


def test_uncut_text_keeps_what_merely_looks_like_a_prefix() -> None:
    scrub = Scrubber(KEY)
    assert scrub("the zk_ family") == "the zk_ family"
    assert scrub("ends in zk") == "ends in zk"
    assert scrub.cut("a" * 600, 500) == "a" * 497 + "..."


def test_the_patterns_are_compiled_on_first_use_and_shared() -> None:
    """Compiling them costs ~10 ms for a long key: a job whose call is delivered at once
    (nothing to scrub) must not pay it, and two senders with one key pay it once."""
    from zelto_spool import _secret

    key = "zk_live_" + "q7W" * 13
    before = _secret._compiled.cache_info()
    scrubber = Scrubber(key)
    assert scrubber("") == ""
    assert _secret._compiled.cache_info().misses == before.misses
    assert Scrubber(key)(f"a {key} b") == "a *** b"
    assert scrubber(f"c {key.upper()}") == "c ***"
    after = _secret._compiled.cache_info()
    assert (after.misses, after.hits) == (before.misses + 1, before.hits + 1)
