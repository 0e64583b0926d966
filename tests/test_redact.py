"""`zelto.redact_pii()`: what it finds in STT text, how it walks a payload, and that live
snapshots only ever hold redacted turns. Precision and recall on the labelled set are in
tests/test_redact_quality.py."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from livekit.plugins import zelto
from tests.conftest import payload
from tests.redacting import redact, said
from zelto_spool import Spool
from zelto_spool.payload import prepare


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my card is 4111 1111 1111 1111 thanks", "my card is [card] thanks"),
        ("It's 5555-5555-5555-4444, expiring 12/27.", "It's [card], expiring 12/27."),
        ("the card is 4012888888881881", "the card is [card]"),
        ("Amex 3782 822463 10005", "Amex [card]"),
        ("four one one one " + "one " * 11 + "one", "[card]"),
        ("four one double one, one one one one, one one one one, one one one one", "[card]"),
        ("six oh one one, oh oh oh nine, nine oh one three, nine four two four", "[card]"),
        ("call me at (212) 555-0134 please", "call me at [phone] please"),
        ("it's +44 20 7946 0958", "it's [phone]"),
        ("two one two, five five five, zero one three four", "[phone]"),
        ("two one two eight hundred one two one two", "[phone]"),
        ("plus four four seven nine one one one two three four five six", "[phone]"),
        ("It's john dot smith at gmail dot com.", "It's [email]."),
        ("maria underscore lopez at yahoo dot co dot uk", "[email]"),
        ("send it to sam-jones@acme.io please", "send it to [email] please"),
        ("my IBAN is GB82 WEST 1234 5698 7654 32", "my IBAN is [iban]"),
        ("my social is 123-45-6789", "my social is [ssn]"),
    ],
)
def test_finds_pii_as_stt_writes_it(text: str, expected: str) -> None:
    assert said(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Your order A-1001 ships tomorrow.",
        "order number 2125550134",  # a valid phone number's digits, said as an order number
        "my tracking number is 1Z999AA10123456784",
        "tracking is 9400 1000 0000 0000 0000 00",
        "I'm on flight UA 1234, we land at 10:45 pm.",
        "They charged me $1,299.99 on 12/05/2024.",
        "Your verification code is 482 913.",
        "My last four are 4242.",
        "the card ending in 1881",
        "Visit our website at zelto dot com.",
        "Look at the FAQ at shop dot com",
        "ISBN 978-0-306-40615-7",
        "it's 1 800 flowers dot com",
    ],
)
def test_leaves_hard_negatives_alone(text: str) -> None:
    assert said(text) == text


def test_a_card_split_across_two_turns_of_the_same_speaker() -> None:
    first = said("It's 4111 1111", previous="What's the card number?")
    assert first == "It's [card]"  # after talk of a card, a card's start is not kept
    assert said("1111 1111", previous="It's 4111 1111", previous_same="It's 4111 1111") == "[card]"
    # the second half alone is just digits
    assert said("1111 1111") == "1111 1111"


def test_a_phone_number_split_across_two_turns() -> None:
    assert said("0134", previous_same="it's 212 555") == "[phone]"


def test_options_choose_kinds_replacement_and_region() -> None:
    only_cards = zelto.redact_pii(kinds=["card"], replacement="<{kind} removed>")
    text = "card 4111111111111111, mail a@b.com"
    assert only_cards.turn(text, "", "") == "card <card removed>, mail a@b.com"  # type: ignore[attr-defined]
    fixed = zelto.redact_pii(replacement="***")
    assert fixed.turn(text, "", "") == "card ***, mail ***"  # type: ignore[attr-defined]
    uk = zelto.redact_pii(region="GB")
    assert uk.turn("ring me on 020 7946 0958", "", "") == "ring me on [phone]"  # type: ignore[attr-defined]
    assert said("it's 7911123456") == "it's 7911123456"  # not a US number, no trunk "0"
    assert uk.turn("it's 7911123456", "", "") == "it's [phone]"  # type: ignore[attr-defined]
    # said in the groups its country writes it in, it is found without the region
    assert said("it's 020 7946 0958") == "it's [phone]"


@pytest.mark.parametrize(
    "kwargs",
    [{"kinds": ["card", "passport"]}, {"kinds": []}, {"replacement": ""}, {"replacement": "{x}"}],
)
def test_bad_options_are_refused(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        zelto.redact_pii(**kwargs)
    with pytest.raises(ValueError, match="region"):
        zelto.redact_pii(region="XX")


def full_payload() -> dict[str, Any]:
    return {
        "agent": {"externalId": "bot-4111111111111111", "name": "Bot"},
        "call": {"externalId": "room-2125550134", "recordingUrl": "https://r.example/2125550134"},
        "customer": {"number": "+12125550134", "name": "Dana, dana@example.com"},
        "transcript": {
            "turns": [
                {"role": "user", "content": "my card is 4111 1111 1111 1111"},
                {"role": "tool", "content": 'pay({"card": "4111111111111111", "amount": 5})'},
                {"role": "tool", "content": "pay -> receipt sent to dana@example.com"},
                {"role": "assistant", "content": "Done, order A-1001 is paid."},
            ]
        },
        "notes": ["call back on 212-555-0134"],  # a field an `add_fields` callable added
    }


def test_every_text_is_redacted_and_identifiers_are_kept() -> None:
    original = full_payload()
    before = copy.deepcopy(original)
    out = redact(original)
    assert original == before  # the input is not changed
    assert out["agent"] == original["agent"] and out["call"] == original["call"]
    assert out["customer"] == {"number": "+12125550134", "name": "Dana, [email]"}
    assert [t["content"] for t in out["transcript"]["turns"]] == [
        "my card is [card]",
        'pay({"card": "[card]", "amount": 5})',
        "pay -> receipt sent to [email]",
        "Done, order A-1001 is paid.",
    ]
    assert out["notes"] == ["call back on [phone]"]


def test_the_customer_number_can_go() -> None:
    out = zelto.redact_pii(keep_customer_number=False)(full_payload())
    assert out["customer"] == {"name": "Dana, [email]"}
    alone = {**payload("room-1"), "customer": {"number": "+12125550134"}}
    assert "customer" not in zelto.redact_pii(keep_customer_number=False)(alone)


def test_never_drops_a_turn_or_makes_a_payload_invalid() -> None:
    call = payload("room-1", turns=3)
    call["transcript"]["turns"] += [
        {"role": "user", "content": "4111111111111111"},  # the whole turn is PII
        {"role": "user", "content": "john@example.com"},
    ]
    out = redact(call)
    assert len(out["transcript"]["turns"]) == 5
    assert [t["role"] for t in out["transcript"]["turns"]] == [
        t["role"] for t in call["transcript"]["turns"]
    ]
    prepare(out)  # valid: raises otherwise


def test_composes_with_your_own_redact_function() -> None:
    seen: list[dict[str, Any]] = []

    def mine(p: dict[str, Any]) -> dict[str, Any]:
        seen.append(p)
        return {**p, "customer": {"name": "anonymous"}}

    out = zelto.redact_pii(then=mine)(full_payload())
    assert out["customer"] == {"name": "anonymous"}
    assert "[card]" in seen[0]["transcript"]["turns"][0]["content"]  # ran on redacted text
    assert zelto.redact_pii(then=lambda p: None)(full_payload()) == redact(full_payload())


def test_a_growing_transcript_redacts_each_turn_once() -> None:
    fresh: Any = zelto.redact_pii()
    turns: list[dict[str, str]] = []
    for i in range(50):
        turns.append({"role": "user" if i % 2 else "assistant", "content": f"turn {i} 4242"})
        fresh({**payload("room-1"), "transcript": {"turns": turns}})
    assert fresh.turn_once.cache_info().misses == 50


def test_live_snapshots_only_ever_hold_redacted_turns(tmp_path: Path) -> None:
    """The per-turn snapshot path runs the Forwarder's redact before the spool, with the
    previous turns as context: a card split across two turns never reaches the file."""
    from livekit.agents import llm

    from livekit.plugins.zelto._live import LiveTracker
    from livekit.plugins.zelto._prepare import redacted

    spool_path = tmp_path / "spool.db"
    spool = Spool(spool_path)
    tracker = LiveTracker(
        spool,
        job_id="job-1",
        call_id="room-1",
        redact=lambda p: redacted(p, "room-1", zelto.redact_pii()),
        include_tools=True,
    )
    header = {"agent": {"externalId": "bot"}, "call": {"externalId": "room-1"}}
    tracker.start(header)
    history = llm.ChatContext()
    for role, text in [
        ("assistant", "What's the card number?"),
        ("user", "It's 4111 1111"),
        ("user", "1111 1111, and I'm at bob dot lee at mail dot com"),
        ("assistant", "Thanks, order A-1001 is paid."),
    ]:
        history.add_message(role=role, content=[text])  # type: ignore[arg-type]
        tracker.update(list(history.items), header)
        tracker.flush()
    rows = spool.live.rows()
    assert rows[0]["turns"] == 4
    spool.close()
    for file in tmp_path.iterdir():
        data = file.read_bytes()
        for secret in (b"4111 1111", b"1111 1111", b"bob dot lee", b"mail dot com"):
            assert secret not in data, (secret, file.name)
    text = b"".join(f.read_bytes() for f in tmp_path.iterdir())
    assert b"order A-1001 is paid" in text
    assert json.dumps("It's [card]").encode() in text
