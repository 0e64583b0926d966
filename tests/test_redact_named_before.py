"""A number named by what was said before it, further back than the words right before it: the
question the speaker's own asides stood between, "the number" of something talked of, a
question pointing back ("read it to me"), a card that pays for nothing, an identifier's name
with a word of phones in it, what a call is about. Each case with a control that is redacted,
so a rule that simply stopped finding phones fails here."""

from __future__ import annotations

import pytest

from tests.redacting import A, U, redact
from tests.redacting import conversation as final


def test_the_question_before_the_speakers_own_aside_names_the_number() -> None:
    claim = final(
        (A, "Do you have the claim number from the letter we sent you?"),
        (U, "Yeah, one sec."),
        (U, "Number at the top says 404-740-5327."),
    )
    assert claim[2] == "Number at the top says 404-740-5327."
    phone = final(
        (A, "What's the best number to reach you on?"),
        (U, "Yeah, one sec."),
        (U, "Number is 404-740-5327."),
    )
    assert phone[2] == "Number is [phone]."


def test_the_number_of_something_talked_of_is_not_asked_for_as_a_phone() -> None:
    said = "yeah it's three seven three oh four three nine four seven oh four nine"
    order = final(
        (U, "i got a text about my order and it had a number on it"),
        (A, "Could you read me the number, please?"),
        (U, said),
    )
    assert order[2] == said
    # "your number" asks for a phone: read in any region (here a UK mobile said nationally)
    mobile = "yeah it's oh seven seven double oh, nine double oh, one two three"
    assert final((A, "Could you read me your number, please?"), (U, mobile))[1] == (
        "yeah it's [phone]"
    )


def test_a_question_pointing_back_asks_for_what_the_sentence_before_named() -> None:
    code = final(
        (A, "Which mobile number should I send the security code to?"),
        (U, "it's oh one two seven for oh won nine six double nine"),
        (A, "I've sent a code. Could you read it to me?"),
        (U, "got it three five three oh four nine six seven"),
    )
    assert code[1:] == [
        "it's [phone]",
        "I've sent a code. Could you read it to me?",
        "got it three five three oh four nine six seven",  # no card: a code
    ]
    card = final((A, "What's the card number? Read it to me."), (U, "4111 1111 1111 1111"))
    assert card[1] == "[card]"


def test_a_card_that_pays_for_nothing_is_no_talk_of_cards() -> None:
    member = "number is six seven one four four two oh eight one nine"
    phone = "six seven one seven nine seven oh three four five"
    turns = final(
        (A, "Do you have your library card handy?"),
        (U, "yes"),
        (A, "Could you read me the number on the front?"),
        (U, member),
        (A, "Thank you. And what's your phone number?"),
        (U, phone),
    )
    assert turns[3] == member
    assert turns[5] == "[phone]"
    paying = final((A, "Which card would you like to pay with?"), (U, "4111 1111 1111 1111"))
    assert paying[1] == "[card]"


@pytest.mark.parametrize(
    ("question", "answer", "expected"),
    [
        ("What's your telephone banking passcode?", "it's 4158 675 309", "it's 4158 675 309"),
        ("What's the mobile account number?", "4158 675 309", "4158 675 309"),
        ("What number can we text the code to?", "415 867 5309", "[phone]"),
        ("I'll need the phone's IMEI to block it.", "352217762902769", "352217762902769"),
    ],
)
def test_a_word_of_phones_inside_an_identifiers_name_names_the_identifier(
    question: str, answer: str, expected: str
) -> None:
    assert final((A, question), (U, answer))[1] == expected


def test_what_a_call_is_about_is_no_phone_number() -> None:
    assert final((U, "I'm calling about 415 867 5309."))[0] == "I'm calling about 415 867 5309."
    assert final((U, "Regarding 415 867 5309, it's still open."))[0].startswith("Regarding 415")
    assert final((U, "You can reach me at 415 867 5309."))[0] == "You can reach me at [phone]."


def test_a_camel_case_key_names_its_value_as_a_snake_case_one_does() -> None:
    customer = {"accountId": "4158675309", "memberNo": "2125550143", "crmRef": "6172345819"}
    customer |= {"mobileNumber": "4158675309", "account_id": "6172345819"}
    payload = {
        "call": {"externalId": "c"},
        "customer": customer,
        "metadata": {"memberId": "2125550143"},
    }
    out = redact(payload)
    assert out["customer"] == {
        "accountId": "4158675309",
        "memberNo": "2125550143",
        "crmRef": "6172345819",
        "mobileNumber": "[phone]",
        "account_id": "6172345819",
    }
    assert out["metadata"] == {"memberId": "2125550143"}


@pytest.mark.parametrize(
    ("question", "answer", "expected"),
    [
        ("What number should the driver call if there's a problem?", "five one double oh eight",
         "[phone]"),  # the Falklands: 5 digits
        ("Can I take your own number so the team can call you back?",
         "twenty one forty five eighty eight", "[phone]"),  # the Faroes: 6
        ("What's a good callback number for you?", "981 9960", "[phone]"),
        # the same digits named by their own words, or asked for as something else, stay
        ("Anything else?", "the code I got by text is 921984", "the code I got by text is 921984"),
        ("Please say your telephone banking PIN, just the digits.",
         "zero eight two, three four zero.", "zero eight two, three four zero."),
        ("I've just sent a six digit code to +46 70 142 39 62. Could you read it out?",
         "Got it, 4 8 1 0 9 2.", "Got it, 4 8 1 0 9 2."),
    ],
)  # fmt: skip
def test_a_short_number_given_for_a_phone_asked_for_is_one(
    question: str, answer: str, expected: str
) -> None:
    assert final((A, question), (U, answer))[1] == expected


@pytest.mark.parametrize(
    "answer",
    ["it's 12,500", "about 15000 units", "12050 ridge road", "it was the 10452 check"],
)
def test_a_short_number_that_counts_or_names_something_is_no_phone(answer: str) -> None:
    """From a fifth outside tester: amounts, quantities, addresses after a phone question."""
    assert final((A, "What's the best number to reach you?"), (U, answer))[1] == answer


def test_a_number_read_back_is_what_it_was_named_whatever_follows_it() -> None:
    """The caller's turn ended naming a second number ("... and my order is 88231"); that
    name was taken as the question the read-back answered, and the phone stayed in clear."""
    out = final(
        (U, "my number is 415 555 0132 and my order is 88231"),
        (A, "So that's 415 555 0132, thank you."),
    )
    assert out == ["my number is [phone] and my order is 88231", "So that's [phone], thank you."]
    order = final(
        (U, "my order is 4155550132 and my number is 415 555 0199"),
        (A, "So that's order 4155550132, thank you."),
    )
    assert order[1] == "So that's order 4155550132, thank you."


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("What's your library card number?", "it's 4532 0151 1283 0366"),
        ("What's the number on your SIM card?", "4532 0151 1283 0366"),
        ("How can I help?", "my library card is 4532 0151 1283 0366"),
    ],
)
def test_a_number_named_as_a_card_that_pays_for_nothing_is_an_identifier(
    question: str, said: str
) -> None:
    """Luhn-valid with a Visa prefix, but named as a library or SIM card's number (a gift
    card may be a network's prepaid card: tests/test_redact_cards_asked.py)."""
    assert final((A, question), (U, said))[1] == said
    assert final((A, "What's your card number?"), (U, "4532 0151 1283 0366"))[1] == "[card]"
    paying = final((U, "I'll pay the library fine with my card, 4532 0151 1283 0366"))
    assert paying == ["I'll pay the library fine with my card, [card]"]


def test_the_subject_naming_a_number_is_the_one_since_the_number_before() -> None:
    """ "the code is 459 and the number is <card>": "the code" named the card an id."""
    out = final(
        (A, "How can I help?"), (U, "the code is 459 and the number is 5221.6398.6079.2925.")
    )
    assert out[1] == "the code is 459 and the number is [card]."
    kept = final((U, "the tracking number on the parcel is 4155550132"))
    assert kept == ["the tracking number on the parcel is 4155550132"]


def test_a_name_before_a_comma_is_no_compound_with_number_after_it() -> None:
    """ "Omar Reyes, number <card>" read "Reyes number" as an identifier's name (a "PO
    number"); an identifier's own word before the comma still names it."""
    said = "Name on the card is Omar Reyes, number 6553 45555248 4291, exp 05-32, cvv 697."
    out = final((A, "How can I help?"), (U, said))
    assert out[1] == "Name on the card is Omar Reyes, number [card], exp 05-32, cvv 697."
    order = final((A, "How can I help?"), (U, "It's about my order, number 4155550132."))
    assert order[1] == "It's about my order, number 4155550132."


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        (
            '{"tool": "process_payment", "arguments": {"number": "5591659240209756"}}',
            '{"tool": "process_payment", "arguments": {"number": "[card]"}}',
        ),
        (
            '{"details": {"number": 5591659240209756}}',
            '{"details": {"number": [card]}}',
        ),
        (
            '{"tool": "charge_card", "arguments": {"primary_account_number": 2630348880504912}}',
            '{"tool": "charge_card", "arguments": {"primary_account_number": [card]}}',
        ),
        ('{"order": {"number": "4111111111111111"}}', '{"order": {"number": "4111111111111111"}}'),
        ("my account number is 2630348880504912", "my account number is 2630348880504912"),
    ],
)
def test_a_json_key_is_no_compound_with_its_parents_key(said: str, expected: str) -> None:
    """A tool call as a turn's text: '"arguments": {"number": ...' read "arguments number"
    as an identifier's name (a "PO number") and kept the card in clear; a card's "primary
    account number" is its PAN, no account's."""
    assert final((A, "How can I help?"), (A, said))[1] == expected


def test_a_business_line_said_as_the_speakers_organisations_stays() -> None:
    """ "call us back on 1800 200 300" (an Australian toll-free line, for a US redactor) was
    taken for a phone; a mobile said the same way by a caller is still one."""
    said = "You can call us back on 1800 200 300, or reach our billing team at 0800 123 4567."
    assert final((U, "what's your number?"), (A, said))[1] == said
    mobile = final(
        (A, "What's the best number?"), (U, "you can call us on 0412 345 678 after five")
    )
    assert mobile[1] == "you can call us on [phone] after five"


@pytest.mark.parametrize(
    "line",
    [
        "Your ticket number for this call is 696 445 6499.",
        "Your reference number for this call is five six two four oh eight three six three five.",
        "The case number on this call is 2834 8948 12.",
    ],
)
def test_this_call_is_the_call_talked_on_not_a_phone(line: str) -> None:
    """ "call" after a preposition and a determiner ("for this call") is the conversation, not
    a word of phones nearer to the number than the identifier's name: the agent's ticket
    numbers were read as phones. A call one is asked to make still names a phone."""
    assert final((U, "thanks, that's all"), (A, line))[1] == line
    phone = final((U, "give me a call on 696 445 6499 if it happens again"))
    assert phone == ["give me a call on [phone] if it happens again"]
