"""`zelto.redact_pii()` on phone numbers split across turns of one speaker, through
the public path (a payload, final and live). Cases written for these tests, not taken from any
evaluation set."""

from __future__ import annotations

from typing import Any

from livekit.plugins import zelto

redact: Any = zelto.redact_pii()


def conversation(*turns: tuple[str, str], live: bool = False) -> list[str]:
    payload = {
        "call": {"externalId": "x"},
        "transcript": {"turns": [{"role": r, "content": c} for r, c in turns]},
    }
    out = (redact.live if live else redact)(payload)
    return [t["content"] for t in out["transcript"]["turns"]]


def test_phone_read_over_three_turns() -> None:
    turns = (("assistant", "Best number?"), ("user", "212"), ("user", "555"), ("user", "0134"))
    assert conversation(*turns) == ["Best number?", "[phone]", "[phone]", "[phone]"]
    assert conversation(*turns, live=True) == ["Best number?", "[phone]", "[phone]", "[phone]"]
    # while the last piece is still to come, nothing is shown in clear
    assert "555" not in conversation(*turns[:-1], live=True)[2]


def test_phone_over_three_turns_with_words() -> None:
    turns = (
        ("assistant", "What's a good callback number?"),
        ("user", "it's two one two"),
        ("user", "five five five"),
        ("user", "zero one three four"),
    )
    final = conversation(*turns)
    assert final[1:] == ["it's [phone]", "[phone]", "[phone]"]


def test_phone_over_three_turns_with_a_piece_said_twice() -> None:
    turns = (("assistant", "Best number?"), ("user", "212"), ("user", "212"), ("user", "0134"))
    assert conversation(*turns) == ["Best number?", "[phone]", "[phone]", "[phone]"]
