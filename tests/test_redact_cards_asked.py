"""A question for a card, and what it does to the answer: what looked like a phone is the
card (or its piece) unless the answer names a phone or a person reached at it; amounts said
with "thousand" are no card's groups where money is talked of; a gift card's number is a
card only when it is a whole valid one; a question followed by a remark still names what it
asks for. Cases from a sixth outside tester, each with its control."""

from __future__ import annotations

import pytest

from tests.redacting import A, U
from tests.redacting import conversation as final


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("it's 4155550132", "it's [card]"),  # the card asked for, or its first digits
        ("my cell is 4155550132", "my cell is [phone]"),
        ("try her at 415 867 5309", "try her at [phone]"),
        ("he's on 646 555 0199", "he's on [phone]"),
    ],
)
def test_an_answer_to_a_question_for_a_card(answer: str, expected: str) -> None:
    assert final((A, "Go ahead with the long number on the front."), (U, answer))[1] == expected


@pytest.mark.parametrize(
    "turns",
    [
        (
            (A, "What did the card statement show?"),
            (U, "balance four thousand two hundred, available credit one thousand one hundred, "
                "minimum payment one thousand two hundred, and a limit of six thousand"),
        ),
        (
            (A, "I can take a card payment. How much?"),
            (U, "twenty two hundred today"),
            (A, "And the rest?"),
            (U, "one thousand one hundred, one thousand two hundred, then one thousand five "
                "hundred in March"),
        ),
    ],
)  # fmt: skip
def test_amounts_said_with_thousand_stay_where_money_is_talked_of(
    turns: tuple[tuple[str, str], ...],
) -> None:
    assert final(*turns)[-1] == turns[-1][1]


def test_groups_said_with_thousand_in_answer_to_a_question_for_a_card() -> None:
    out = final(
        (A, "Go ahead with the long number on the front."),
        (U, "its five thousand eighteen thirty four eighty seven four thousand seven hundred "
            "twenty two eighty nine sixty six o nine and thats it"),
    )  # fmt: skip
    assert out[1] == "its [card] and thats it"


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("with my Visa gift card, the number is 4539 2373 0163 1479", "[card]"),
        ("I have an amex gift card, 3782 2994 5205 721", "[card]"),
        ("my gift card is 6006 4912 3456 7890", "6006 4912 3456 7890"),  # no valid card
    ],
)
def test_a_gift_cards_number_is_a_card_only_when_a_whole_valid_one(
    said: str, expected: str
) -> None:
    assert expected in final((A, "How would you like to pay?"), (U, said))[1]


def test_a_question_followed_by_a_remark_still_names_what_it_asks_for() -> None:
    out = final(
        (A, "Do you have your policy number handy? I'll note it on the file."),
        (U, "yes, number 4155550132"),
    )
    assert out[1] == "yes, number 4155550132"
    phone = final(
        (A, "What's the best number for you? I'll note it on the file."), (U, "4155550132")
    )
    assert phone[1] == "[phone]"
