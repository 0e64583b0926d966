"""`zelto.redact_pii()` on typed text: full-width digits, no-break and thin spaces, zero-width
characters inside numbers and emails, typographic dashes. Every rule reads the text folded
(NFKC, format characters dropped, any dash to "-"); replacements cut the original text.
Cases written for these tests, not taken from an evaluation set."""

from __future__ import annotations

from typing import Any

import pytest

from livekit.plugins import zelto
from tests.redacting import redact, said


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pay with ４１１１ １１１１ １１１１ １１１１ thanks", "pay with [card] thanks"),
        ("card 4111\u200b1111\u200b1111\u200b1111 exp 04/29", "card [card] exp 04/29"),
        ("card 4111\u200d1111 1111\u20601111", "card [card]"),
        ("my card is 5555\u00a04444\u00a03333\u00a01111", "my card is [card]"),
        ("it's 6011\u20130009\u20139013\u20139424 ok", "it's [card] ok"),
        ("card: 4111\u202f1111\u202f1111\u202f1111", "card: [card]"),
        ("call me: +44\u00a020\u00a07946\u00a00958", "call me: [phone]"),
        ("phone (212)\u2009555\u20110187", "phone [phone]"),
        ("mobile +49\u00a0３０\u00a0１３２７０４", "mobile [phone]"),
        ("SSN 078\u201305\u20131120", "SSN [ssn]"),
        ("email me at jo\u200bhn.doe@gmail.com please", "email me at [email] please"),
        ("anna.berg＠outlook.com is best", "[email] is best"),
        ("refund to GB82-WEST-1234-5698-7654-32 thanks", "refund to [iban] thanks"),
        ("IBAN DE20\u20113704\u20116972\u20110936\u20116009\u201179", "IBAN [iban]"),
        ("IBAN DE89\u00a03704\u00a00044\u00a00532\u00a00130\u00a000", "IBAN [iban]"),
    ],
)
def test_typed_unicode_inside_a_number_or_an_email_is_read_through(
    text: str, expected: str
) -> None:
    assert said(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "order no. ４９１６３３８５０６０８２８３２ was charged twice",
        "statements for 2023\u20132024 please",
        "you charged me 1\u00a0234,56 € on my card",
        "I paid at www.shop\u200bhub.com yesterday",
        "caf\u00e9 au lait, na\u00efve r\u00e9sum\u00e9 \u2014 nothing here",
    ],
)
def test_typed_look_alikes_and_other_unicode_stay_as_they_are(text: str) -> None:
    assert said(text) == text


def test_a_card_typed_in_full_width_across_two_turns_is_held_then_redacted() -> None:
    turns = [
        {"role": "assistant", "content": "Card number please."},
        {"role": "user", "content": "４１１１ １１１１"},
    ]
    snapshot = redact.live({"transcript": {"turns": turns}})["transcript"]["turns"]
    assert "１１１１" not in snapshot[1]["content"]
    turns.append({"role": "user", "content": "１１１１ １１１１"})
    final = redact({"transcript": {"turns": turns}})["transcript"]["turns"]
    assert [t["content"] for t in final[1:]] == ["[card]", "[card]"]


def test_a_users_own_kind_reads_the_folded_text_too() -> None:
    own: Any = zelto.redact_pii(extra_kinds={"member": r"M-\d{6}"})
    assert own.turn("member M\u2011１２３４５６ ok", "", "") == "member [member] ok"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # invisible letters, not format characters: the Hangul fillers hid a whole card
        ("my card is 4111\u31641111\u31641111\u31641111", "my card is [card]"),
        ("card 4111\u11601111\uffa01111\u115f1111 ok", "card [card] ok"),
        ("SSN 078\u034f-05-1120", "SSN [ssn]"),
        # a combining mark inside an address: the whole address goes
        ("email jose\u0301.doe@gmail.com", "email [email]"),
        # no digit but one: a fraction or a superscript is no part of the number beside it
        ("call me at (212) 555-0134 \u00bd", "call me at [phone] \u00bd"),
        ("my phone is 212 555 0134 \u2153 of the time", "my phone is [phone] \u2153 of the time"),
        ("\u00bd 078-05-1120 is my social", "\u00bd [ssn] is my social"),
        ("card 4111 1111 1111 1111\u00b2", "card [card]\u00b2"),
    ],
)
def test_invisible_letters_and_marks_are_read_through_and_no_digit_is_made_up(
    text: str, expected: str
) -> None:
    assert said(text) == expected


def test_strings_in_tuples_and_in_keys_are_redacted() -> None:
    """An `add_fields` value may hold a tuple (written as a JSON list) or use an address as a
    key; both reached the spool in clear. Two keys redacted alike are both kept."""
    payload = {
        "call": {"externalId": "room-1"},
        "transcript": {"turns": []},
        "customer": {
            "cards": ("4111 1111 1111 1111",),
            "contacts": {"anna@outlook.com": "primary", "bob@outlook.com": "work"},
        },
        "crm": {"numbers": ("+1 212 555 0134", 7)},
    }
    out = redact(payload)
    assert out["customer"]["cards"] == ["[card]"]
    assert sorted(out["customer"]["contacts"].values()) == ["primary", "work"]
    assert all(k.startswith("[email]") for k in out["customer"]["contacts"])
    assert out["crm"]["numbers"] == ["[phone]", 7]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("here: 313/373 6459", "here: [phone]"),  # a slash between a number's groups
        ("card 4111/1111/1111/1111 thanks", "card [card] thanks"),
        ("call me after 10:30 on 12/05/2024", "call me after 10:30 on 12/05/2024"),
        ("the dates were 2024/05/12 and 12/05, and it was 3/4 full", None),
    ],
)
def test_a_slash_is_a_dates_or_a_numbers_separator(text: str, expected: str | None) -> None:
    assert redact.turn(text, "", "") == (text if expected is None else expected)


def test_sixty_zero_is_six_zero_zero_not_sixty() -> None:
    """Nobody says "sixty zero" for 60: the zero is a digit of its own (a Danish IBAN read
    "d k sixty zero zero four ..." came out one digit short)."""
    text = "right d k sixty zero zero four zero zero eight nine nine three two eight six one three"
    assert redact.turn(text, "What's the IBAN?", "") == "right [iban]"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("its +52 247\u00b7916\u00b77622 text first pls", "its [phone] text first pls"),
        ("0033\u20226\u202203\u202209\u202214\u202248 (mobile)", "[phone] (mobile)"),
        # a "(" opening a country code is the number's: nothing of it is left beside it
        ("Mobile (+49)\u20131574\u20139878454 - WhatsApp too", "Mobile [phone] - WhatsApp too"),
        ("tel (+20)/2/82569999", "tel [phone]"),
    ],
)
def test_middle_dots_and_bracketed_country_codes_typed_in_a_phone_number(
    text: str, expected: str
) -> None:
    assert said(text, "Please type a phone number we can reach you on.") == expected


def test_an_msisdn_key_names_an_international_number_without_a_plus() -> None:
    redactor: Any = zelto.redact_pii()
    out = redactor.text({"subscriber": {"msisdn": "971552915056", "account_no": "8801234417"}})
    assert out == {"subscriber": {"msisdn": "[phone]", "account_no": "8801234417"}}
