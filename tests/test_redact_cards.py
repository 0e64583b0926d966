"""Cards read with anything between their digits (`_redaction/stream.py`): a turn, and the same
speaker's number fragments around it, read as a stream of digits with gaps; a card is any
stretch of whole runs that is one (prefix, length, Luhn) once the call talks of paying, or
read as four groups of four. Cases written for these tests, not taken from an evaluation
set."""

from __future__ import annotations

import pytest

from tests.redacting import call as payload
from tests.redacting import contents, conversation, redact, said


@pytest.mark.parametrize(
    ("text", "previous"),
    [
        ("four five five six, hang on my glasses are upstairs, seven three two one, oh oh four "
         "two, nine nine one seven", "Visa or Mastercard?"),
        ("2221 3127, hold on that's wrong, 3126 1666 0567", "What card shall I charge?"),
        ("5425 1048 8059 3834, let me redo that, 3534", "How are you paying?"),
        ("six five oh one, where did I put it, four one nine, eight two one one three, seven six "
         "nine five", "Which card shall I charge?"),
        ("fore won won won, won won won won, won won won won, won won won won", "And the card?"),
        ("four one one one, where was I, one one one one, one one one one, okay and, one one one "
         "one", ""),  # four groups of four: a card with no talk of paying
        ("4,916,338,506,082,832", "Go ahead with the long number."),
    ],
)  # fmt: skip
def test_a_card_read_with_any_words_between_its_groups_is_one(text: str, previous: str) -> None:
    assert said(text, previous) == "[card]"


@pytest.mark.parametrize(
    ("text", "previous"),
    [
        ("I already paid invoice 4532 0151 1283 0366 with my card", "How can I help?"),
        ("the card ending four two four two, zip nine oh two one oh, expires oh four twenty "
         "nine, code seven three seven", "What card are you paying with?"),
        ("Payment received, tracking 9400 1118 9922 3845 6789 12.", ""),
        ("I'm paying the phone off, IMEI 49 015420 323751 8", ""),
        ("I paid 45 on the 4th, then 2,310 for 12 items on my card", ""),
    ],
)  # fmt: skip
def test_numbers_in_payment_talk_that_are_no_card_stay(text: str, previous: str) -> None:
    assert said(text, previous) == text


def test_a_card_read_over_three_turns_is_never_in_clear() -> None:
    turns = [
        ("assistant", "Payment card please."),
        ("user", "six oh one one"),
        ("assistant", "Okay."),
        ("user", "0009 9013"),
        ("assistant", "Mhm."),
        ("user", "nine four two four, that's the lot"),
    ]
    for k in range(2, len(turns) + 1):
        snapshot = " ".join(contents(redact.live(payload(*turns[:k]))))
        assert "six oh one one" not in snapshot and "9013" not in snapshot, k
    assert contents(redact(payload(*turns)))[1::2] == ["[card]", "[card]", "[card], that's the lot"]


@pytest.mark.parametrize(
    "question",
    ["And the long number on the front?", "What's the expiry? Actually, the number first.", ""],
)
def test_a_corrected_group_after_card_talk_without_the_word_card(question: str) -> None:
    """ "The long number on the front", "expiry", "CVV" are talk of a card too: a group said
    wrong and said again is read as a correction there, as after "card" or "pay"."""
    text = "four one one one, one one one two, no wait, one one one one, one one one one, "
    text += "one one one one"
    got = redact.turn(text, question, "")
    if question:
        assert got == "[card]"
    else:  # no talk of cards and no four fours as said: not read as one
        assert got == text


def test_a_group_said_wrong_inside_digits_read_without_a_pause() -> None:
    """The digits before the correction were read as one piece (no commas), so the group said
    wrong is its last four, not a piece of its own."""
    text = "four one one one one one one one one one one two uh let me start that group again "
    text += "one one one one one one one one"
    assert redact.turn(text, "Go ahead with the card number.", "") == "[card]"


@pytest.mark.parametrize(
    "text",
    [
        # two digits swapped in the first reading, a long aside before the second
        "three six oh three five one oh five one five five five four five. no hang on let me "
        "read it again properly. three six oh three five one oh five one five five four five five",
        # the wrong reading after the right one: a digit left out
        "4111 1111 1111 1111, or was it 4111 1111 111 1111",
    ],
)
def test_a_card_read_twice_in_a_turn_one_reading_wrong_is_redacted_twice(text: str) -> None:
    out = said(text, "I'll need the card number to take the deposit.")
    assert out.count("[card]") == 2 and not any(c.isdigit() for c in out.replace("[card]", ""))
    assert "five" not in out


def test_a_number_far_from_the_card_said_in_its_turn_stays() -> None:
    text = "card 4111 1111 1111 1111, and the order was 5500 0000 0000 0007 something"
    assert said(text, "") == "card [card], and the order was 5500 0000 0000 0007 something"


def test_a_card_with_a_group_said_twice_is_redacted_whole() -> None:
    """The first sixteen digits, the repeat among them, may pass the check by chance: less
    the repeat, the whole rest of the run is the card."""
    out = contents(
        redact(
            payload(
                ("assistant", "What's the card number?"),
                (
                    "user",
                    "Sure, it's 5232, 5232, five one six eight, 4502, ninety two seventy-five.",
                ),
                ("user", "It's 5412 5412 7789 0012 3458, expiry 08/29."),
            )
        )
    )
    assert out[1:] == ["Sure, it's [card].", "It's [card], expiry 08/29."]


def test_the_agents_echo_of_each_group_is_the_card_and_no_phone() -> None:
    """Two echoes in a row ("3438. Okay." ... "6843. Okay.") were joined as the agent's own
    phone number; an echo goes on with the caller's number, and where a card is read out it
    is the card's."""
    out = contents(
        redact(
            payload(
                ("assistant", "What's the card number?"),
                ("user", "four five three eight"),
                ("assistant", "4538. Okay."),
                ("user", "thirty five eighty"),
                ("assistant", "3580. Okay."),
                ("user", "um oh four fifty five"),
                ("assistant", "0455, go on."),
            )
        )
    )
    assert out[2::2] == ["[card]. Okay.", "[card]. Okay.", "[card], go on."]
    # the last four named as the card's ending stay: what receipts print
    out = contents(
        redact(
            payload(
                ("tool", '{"status": "approved", "last4": "6523"}'),
                ("assistant", "All done, the card ending in 6523 is set."),
            )
        )
    )
    assert out[1] == "All done, the card ending in 6523 is set."


@pytest.mark.parametrize(
    "said",
    [
        "5425 2334 2334 3010 9903",
        "5425 2334, 2334, 3010 9903",
        "3782 822463 822463 10005",
        "five four two five, two three three four, two three three four, three zero one zero, "
        "nine nine zero three",
    ],
)
def test_a_middle_group_said_twice_leaves_nothing_of_the_card(said: str) -> None:
    out = contents(redact(payload(("assistant", "What's the card number?"), ("user", said))))
    assert out[1] == "[card]"


def test_a_count_before_digits_is_no_digit_of_them() -> None:
    """dev13: "The first six, 542654" read "six" as a digit of the number after it, and
    dev12's "the last four, 4413" made five digits of four."""
    said = "So the last four, 4413, that's the card you used?"
    got = conversation(("user", "I paid by card"), ("assistant", said))[1]
    assert "4413" in got and "[card]" not in got and "[phone]" not in got, got
    bin_said = "The first six, 542654, show it's a prepaid card from abroad."
    got = conversation(("user", "why was it declined"), ("assistant", bin_said))[1]
    assert got.startswith("The first six, "), got


def test_a_stores_own_gift_card_is_its_number_not_a_card() -> None:
    line = "Our store gift card 6280 5323 3136 9660"
    assert conversation(("user", "what do I have on file"), ("assistant", line))[1] == line
    visa = "it's a visa gift card 4539 1488 0343 4413"
    assert conversation(("assistant", "Which card?"), ("user", visa))[1] == (
        "it's a visa gift card [card]"
    )
