"""Pure parts of reading an answer: the incremental "received" scan and the key scrubber."""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from zelto_spool.delivery.receipt import ReceivedScanner, Verdict, scan_received
from zelto_spool.delivery.secret import Scrubber

HUNT = os.environ.get("ZELTO_PROPERTY_EXAMPLES")
BOUNDED = settings(  # as in test_properties.py: fixed examples in `make test`, hunts by hand
    max_examples=int(HUNT or "300"),
    derandomize=HUNT is None,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
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
        (b'{"received": true, "call": ' + BIG_ECHO + b"}", "true"),
        (b'{"call": ' + BIG_ECHO + b', "received": true}', "true"),
        (b'{"received": false, "received": true}', "true"),  # the last one, as json.loads
        (b'{"received": false}', "not_true"),
        (b'{"received": "true"}', "not_true"),
        (b'{"received": {"a": true}}', "not_true"),
        (b'{"ok": true}', "missing"),
        (b"{}", "missing"),
        (b'{"call": {"received": true}}', "missing"),  # only the top level counts
        (b'[{"received": true}]', "not_object"),
        (b"true", "not_object"),
        (b"<html>", "not_json"),
        (b"", "not_json"),
        (b'{"received": truex}', "not_json"),
        (b'{"received": true garbage', "not_json"),  # was "true" (issue 19)
        (b'{"received": true} garbage', "not_json"),
        (b'{"a": garbage, "received": true}', "not_json"),
        (b'{"a": [1,}, "received": true}', "not_json"),
        (b'{"received": NaN}', "not_json"),  # RFC 8259 has no NaN
        (b'{"a": "\xff", "received": true}', "not_json"),  # not UTF-8
        (b'{"received": true, "call": ' + BIG_ECHO, "not_json"),  # ended early
        (b'{"received": tru', "not_json"),
        (b'{"call": ' + BIG_ECHO[:5000], "not_json"),
    ],
)
def test_scan_in_any_pieces(body: bytes, verdict: str) -> None:
    assert scan_received(body) == verdict
    for size in (1, 3, 7, 4096):
        scanner = ReceivedScanner()
        for start in range(0, len(body), size):
            scanner.feed(body[start : start + size])
        assert scanner.finish() == verdict


def _lone_low_surrogate(value: object) -> bool:
    if isinstance(value, str):
        return any("\udc00" <= c <= "\udfff" for c in value)
    if isinstance(value, dict):
        return any(_lone_low_surrogate(k) or _lone_low_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_lone_low_surrogate(v) for v in value)
    return False


def _json_truth(body: bytes) -> Verdict | None:
    """What `json.loads` says about a whole body: RFC 8259 JSON (UTF-8, no NaN/Infinity)."""

    def no_constants(name: str) -> None:
        raise ValueError(name)

    try:
        value = json.loads(body.decode("utf-8"), parse_constant=no_constants)
    except (ValueError, RecursionError):
        return "not_json"
    if _lone_low_surrogate(value):
        return None  # json.loads keeps it, yajl refuses it: the one known difference
    if not isinstance(value, dict):
        return "not_object"
    if "received" not in value:
        return "missing"
    return "true" if value["received"] is True else "not_true"


_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=6),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=8,
)
_objects = st.dictionaries(
    st.sampled_from(["received", "rec\\u0065ived", "call", "a", ""]), _values, max_size=4
).map(lambda d: json.dumps(d).replace("\\\\u0065", "\\u0065").encode())  # "received", escaped
_junk = st.binary(max_size=6) | st.sampled_from(
    [b"", b",", b"}", b"]", b"{", b'"', b"\\", b" ", b"garbage", b"tru", b"NaN", b"\xff", b"01"]
)


@st.composite
def _bodies(draw: st.DrawFn) -> bytes:
    """Valid objects, and the same with a cut, an insertion or a byte replaced anywhere."""
    body: bytes = draw(_objects | _values.map(lambda v: json.dumps(v).encode()))
    edit = draw(st.sampled_from(["none", "cut", "insert", "replace"]))
    at = draw(st.integers(0, len(body)))
    if edit == "cut":
        return body[:at]
    if edit == "insert":
        return body[:at] + draw(_junk) + body[at:]
    if edit == "replace":
        return body[:at] + draw(_junk) + body[at + 1 :]
    return body


@BOUNDED
@given(_bodies(), st.integers(1, 9))
def test_the_scan_says_what_json_loads_says(body: bytes, piece: int) -> None:
    """For every complete body, fed in pieces of any size, the verdict is json.loads's.

    Except one case no server sends: an escaped low surrogate without its high one
    (`"\\udc00"`), which json.loads keeps and yajl refuses (counted as not JSON: a retry).
    """
    truth = _json_truth(body)
    assume(truth is not None)
    scanner = ReceivedScanner()
    for start in range(0, len(body), piece):
        scanner.feed(body[start : start + piece])
    assert scanner.finish() == truth, body


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
    from zelto_spool.delivery import secret as _secret

    key = "zk_live_" + "q7W" * 13
    before = _secret._compiled.cache_info()
    scrubber = Scrubber(key)
    assert scrubber("") == ""
    assert _secret._compiled.cache_info().misses == before.misses
    assert Scrubber(key)(f"a {key} b") == "a *** b"
    assert scrubber(f"c {key.upper()}") == "c ***"
    after = _secret._compiled.cache_info()
    assert (after.misses, after.hits) == (before.misses + 1, before.hits + 1)
