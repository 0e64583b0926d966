"""One bad turn never costs the transcript: repair and cut (`zelto_spool.fit`), as tables."""

from __future__ import annotations

from typing import Any

import pytest

from zelto_spool import PayloadError
from zelto_spool.fit import Fixes, fit_transcript, repair_text
from zelto_spool.payload import encode, prepare

LONE = "\ud83d"  # json.loads('"\\ud83d"'): the first half of an emoji, cut off


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", "plain"),
        ("caf\u00e9 \U0001f600", "caf\u00e9 \U0001f600"),
        (f"ok {LONE}", "ok \ufffd"),
        (f"{LONE}{LONE}x", "\ufffd\ufffdx"),
        ("\ud83d\ude00", "\U0001f600"),  # a valid pair written as two halves is joined
    ],
)
def test_repair_text(text: str, expected: str) -> None:
    assert repair_text(text) == expected


def payload(turns: list[dict[str, str]]) -> dict[str, Any]:
    return {
        "agent": {"externalId": "a"},
        "call": {"externalId": "c"},
        "transcript": {"turns": turns},
    }


def test_a_lone_surrogate_is_repaired_and_every_turn_kept() -> None:
    turns = [{"role": "user", "content": "hi"}, {"role": "tool", "content": f"api -> {LONE}!"}]
    with pytest.raises(PayloadError):
        prepare(payload(turns))
    fixed, fixes = fit_transcript(payload(turns), max_bytes=10_000)
    assert fixes == Fixes(repaired=1)
    assert fixed["transcript"]["turns"] == [turns[0], {"role": "tool", "content": "api -> \ufffd!"}]
    prepare(fixed)


def test_the_offending_turn_is_cut_first() -> None:
    turns = [{"role": "user", "content": f"question {i}"} for i in range(5)]
    turns.insert(3, {"role": "tool", "content": "x" * 50_000})
    fixed, fixes = fit_transcript(payload(turns), max_bytes=20_000)
    assert fixes == Fixes(cut=1)
    out = fixed["transcript"]["turns"]
    assert out[0]["role"] == "system" and "shortened" in out[0]["content"]
    assert out[1:4] == turns[:3] and out[5:] == turns[4:]  # every other turn kept
    assert out[4]["content"].startswith("x" * 2000) and out[4]["content"].endswith("removed]")
    assert len(prepare(fixed, max_bytes=20_000)[1]) <= 20_000


def test_then_the_oldest_turns_are_dropped() -> None:
    turns = [{"role": "user", "content": f"{i:04d} " + "y" * 1000} for i in range(40)]
    fixed, fixes = fit_transcript(payload(turns), max_bytes=20_000)
    assert fixes.dropped > 0 and fixes.cut == 0  # no turn is long enough to cut
    out = fixed["transcript"]["turns"]
    assert "oldest turns were left out" in out[0]["content"]
    assert out[1:] == turns[fixes.dropped :]  # the newest turns, intact and in order
    assert len(encode(fixed)) <= 20_000


def test_a_payload_that_fits_is_unchanged() -> None:
    turns = [{"role": "user", "content": "hi"}]
    fixed, fixes = fit_transcript(payload(turns), max_bytes=10_000)
    assert not fixes and fixed == payload(turns)


def test_a_reaped_snapshot_over_the_limit_keeps_its_turns() -> None:
    from zelto_spool.payload import MAX_PAYLOAD_BYTES, decode
    from zelto_spool.store.live import assemble

    header = {"agent": {"externalId": "a"}, "call": {"externalId": "c"}}
    turns = [
        {"role": "user", "content": "hello"},
        {"role": "tool", "content": "x" * (MAX_PAYLOAD_BYTES + 1000)},
        {"role": "assistant", "content": "bye"},
    ]
    sent = decode(assemble(header, turns, 0.0, 5.0, lost=True))
    got = sent["transcript"]["turns"]
    assert [t["role"] for t in got] == ["system", "user", "tool", "assistant"]
    assert got[1] == turns[0] and got[3] == turns[2]
    assert sent["call"]["endedReason"] == "agent_process_lost"
