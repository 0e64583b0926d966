"""The canonical shape: what is accepted, how it is normalised, and how errors name the field."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

from tests.conftest import payload
from zelto_spool import MAX_PAYLOAD_BYTES, PayloadError, PayloadTooLargeError, validate
from zelto_spool.payload import decode, encode, prepare


def test_minimal_payload_is_valid() -> None:
    p = {"agent": {"externalId": "a"}, "call": {"externalId": "c"}}
    assert validate(p) == p


def test_full_payload_round_trips_exactly() -> None:
    p = payload(
        "room-9", durationSeconds=12.5, recordingUrl="https://x/y.ogg", endedReason="x", cost=0
    )
    p["customer"] = {"number": "+15550100", "name": "Ada"}
    call_id, body = prepare(p)
    assert call_id == "room-9"
    assert decode(body) == p


def test_optional_nulls_are_dropped_not_sent() -> None:
    p = payload("r", durationSeconds=None, recordingUrl=None)
    p["customer"] = None
    p["agent"]["name"] = None
    clean = validate(p)
    assert "customer" not in clean
    assert clean["call"] == {"externalId": "r"}
    assert clean["agent"] == {"externalId": "support-bot"}


def test_unknown_fields_are_kept() -> None:
    p = payload("r")
    p["metadata"] = {"tier": "gold", "tags": ["a", 1, 2.5, True, None]}
    p["call"]["direction"] = "inbound"
    p["transcript"]["turns"][0]["startedAt"] = 1.5
    assert decode(prepare(p)[1]) == p


BAD: list[tuple[Any, str]] = [
    ([], ""),
    ({"call": {"externalId": "c"}}, "agent"),
    ({"agent": {"externalId": "a"}}, "call"),
    ({"agent": {}, "call": {"externalId": "c"}}, "agent.externalId"),
    ({"agent": {"externalId": ""}, "call": {"externalId": "c"}}, "agent.externalId"),
    ({"agent": {"externalId": "a"}, "call": {"externalId": 7}}, "call.externalId"),
    ({"agent": {"externalId": "a"}, "call": {"externalId": "   "}}, "call.externalId"),
    ({"agent": {"externalId": "a"}, "call": {"externalId": "a\nb"}}, "call.externalId"),
    ({"agent": {"externalId": "a"}, "call": {"externalId": "x" * 2000}}, "call.externalId"),
    ({"agent": {"externalId": "a"}, "call": {"externalId": None}}, "call.externalId"),
    ({"agent": "a", "call": {"externalId": "c"}}, "agent"),
    (
        {"agent": {"externalId": "a"}, "call": {"externalId": "c", "durationSeconds": "12"}},
        "call.durationSeconds",
    ),
    (
        {"agent": {"externalId": "a"}, "call": {"externalId": "c", "durationSeconds": True}},
        "call.durationSeconds",
    ),
    (
        {"agent": {"externalId": "a"}, "call": {"externalId": "c", "durationSeconds": math.nan}},
        "call.durationSeconds",
    ),
    ({"agent": {"externalId": "a"}, "call": {"externalId": "c", "cost": math.inf}}, "call.cost"),
    ({"agent": {"externalId": "a"}, "call": {"externalId": "c", "cost": -1}}, "call.cost"),
    (
        {"agent": {"externalId": "a"}, "call": {"externalId": "c", "recordingUrl": 5}},
        "call.recordingUrl",
    ),
    (
        {
            "agent": {"externalId": "a"},
            "call": {"externalId": "c"},
            "customer": {"number": 15550100},
        },
        "customer.number",
    ),
    ({"agent": {"externalId": "a"}, "call": {"externalId": "c"}, "transcript": []}, "transcript"),
    (
        {"agent": {"externalId": "a"}, "call": {"externalId": "c"}, "transcript": {}},
        "transcript.turns",
    ),
    (
        {
            "agent": {"externalId": "a"},
            "call": {"externalId": "c"},
            "transcript": {"turns": [{"role": "developer", "content": "x"}]},
        },
        "transcript.turns[0].role",
    ),
    (
        {
            "agent": {"externalId": "a"},
            "call": {"externalId": "c"},
            "transcript": {"turns": [{"role": "user", "content": "ok"}, {"role": "user"}]},
        },
        "transcript.turns[1].content",
    ),
    (
        {
            "agent": {"externalId": "a"},
            "call": {"externalId": "c"},
            "transcript": {"turns": [{"role": "user", "content": "bad \ud800 surrogate"}]},
        },
        "transcript.turns[0].content",
    ),
    (
        {
            "agent": {"externalId": "a"},
            "call": {"externalId": "c"},
            "transcript": {"turns": ["hi"]},
        },
        "transcript.turns[0]",
    ),
    (
        {"agent": {"externalId": "a"}, "call": {"externalId": "c"}, "extra": {"x": math.nan}},
        "extra.x",
    ),
    ({"agent": {"externalId": "a"}, "call": {"externalId": "c"}, "extra": {1: "int key"}}, "extra"),
    ({"agent": {"externalId": "a"}, "call": {"externalId": "c"}, "extra": object()}, "extra"),
    ({"agent": {"externalId": "a"}, "call": {"externalId": "c"}, "extra": 2**70}, "extra"),
]


@pytest.mark.parametrize(("bad", "field"), BAD)
def test_bad_payloads_name_the_field(bad: Any, field: str) -> None:
    with pytest.raises(PayloadError) as info:
        prepare(bad)
    assert info.value.field == field
    assert isinstance(info.value, ValueError)
    if field:
        assert str(info.value).startswith(field + ":")


def test_deep_nesting_is_refused_cleanly() -> None:
    deep: Any = "leaf"
    for _ in range(200):
        deep = {"x": deep}
    with pytest.raises(PayloadError, match="nested deeper"):
        prepare({"agent": {"externalId": "a"}, "call": {"externalId": "c"}, "extra": deep})


def test_size_limit() -> None:
    big = payload("big")
    big["transcript"]["turns"] = [{"role": "user", "content": "x" * 1000}] * 11_000
    with pytest.raises(PayloadTooLargeError) as info:
        prepare(big)
    assert info.value.limit == MAX_PAYLOAD_BYTES
    assert prepare(big, max_bytes=20 * 1024 * 1024)[0] == "big"


def test_encoding_is_compact_utf8_json() -> None:
    body = encode({"agent": {"externalId": "é"}, "call": {"externalId": "c\u0000"}})
    assert body == '{"agent":{"externalId":"é"},"call":{"externalId":"c\\u0000"}}'.encode()
    assert json.loads(body)["agent"]["externalId"] == "é"


def test_stdlib_json_fallback_gives_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    from zelto_spool import payload as _payload

    p = payload("é-room", durationSeconds=1.5)
    p["transcript"]["turns"].append({"role": "user", "content": "emoji 🎧 and \u0000 nul"})
    fast = encode(p)
    monkeypatch.setattr(_payload, "_orjson", None)
    assert encode(p) == fast
    with pytest.raises(PayloadError, match="extra"):
        prepare({**p, "extra": math.nan})
