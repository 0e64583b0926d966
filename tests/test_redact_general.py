"""`zelto.redact_pii()`'s general mechanisms, on phrasings no rule lists: what names a number
(any noun before "number" / "ID", a question's object, a number read back), pauses of any
short words inside a number, phone numbers after talk of phones from any country, and the
smaller spoken forms ("period" for ".", a comma between "seventy" and "one"). Cases written for
these tests, not taken from an evaluation set."""

from __future__ import annotations

import pytest

from tests.redacting import conversation, redact, said


@pytest.mark.parametrize(
    "text",
    [
        "the locker number is 4183181373",
        "okay so my donor ID is 418 318 1373",
        "hmm, the pallet number is four one eight, three one eight, one three seven three",
        "the permit number is 628-41-1901",
        "PO number 2015566176",
        "regarding work order 8394896246 nobody called back",
    ],
)
def test_any_noun_before_number_or_id_names_an_identifier(text: str) -> None:
    assert said(text) == text


@pytest.mark.parametrize(
    ("previous", "text", "expected"),
    [
        # the account is where the number goes, not what is asked for
        ("Which number should we put on the account?", "it's +47 40 61 23 45", "it's [phone]"),
        # "case" in "in case" names nothing
        ("What's a good number in case the line drops?", "201 556 6176", "[phone]"),
        # the question asks for a mobile; the code is what will be sent to it
        ("And the mobile we should send the code to?", "oh seven one two, one two six, eight "
         "five nine", "[phone]"),
        ("Can you read me the tenant ID?", "sure, 913 833 9216", "sure, 913 833 9216"),
        # "your number", with no identifier's name in the question, is a phone number
        ("What's your number?", "oh seven nine one one, one two three, four five six",
         "[phone]"),
        ("What's your number on the invoice?", "0712126859", "0712126859"),
    ],
)  # fmt: skip
def test_what_a_question_asks_for(previous: str, text: str, expected: str) -> None:
    assert said(text, previous=previous) == expected


def test_a_number_read_back_is_what_it_was_named() -> None:
    turns = conversation(
        ("assistant", "What's the ticket number?"),
        ("user", "it's 633 215 9145, that's it"),
        ("assistant", "So that's 6332159145, correct?"),
    )
    assert turns[1:] == ["it's 633 215 9145, that's it", "So that's 6332159145, correct?"]
    turns = conversation(
        ("assistant", "Best mobile for you?"),
        ("user", "oh seven one two one two six eight five nine"),
        ("assistant", "I have 0712 126859."),
    )
    assert turns[1:] == ["[phone]", "I have [phone]."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4111 hold on 1111 let me see 1111 you know 1111", "[card]"),
        ("four one one one, hmm, one one one one, okay so, one one one one one one one one",
         "[card]"),
        ("it's 4111 1111 1111 1111 and it expires 09 27", "it's [card] and it expires 09 27"),
        ("6759 5433 8129 6480 810", "[card]"),  # 19 digits whole, not the first 16
    ],
)  # fmt: skip
def test_any_short_pause_inside_a_card(text: str, expected: str) -> None:
    assert said(text, previous="Go ahead with the card.") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plus four six, seventy, one two one, oh nine, two eight", "[phone]"),
        ("my Austrian number is +43 664 101055", "my Austrian number is [phone]"),
        ("you can text me on twenty one, twenty five, eleven, seventy eight",
         "you can text me on [phone]"),  # a Norwegian number, no country said
        ("it's 011-15-2347-7333 in Buenos Aires", "it's [phone] in Buenos Aires"),  # 011: not "+"
        # in the groups its country writes it in, valid there: no country or phone said
        ("sure, it's 21 236 7502.", "sure, it's [phone]."),
        ("one one, nine six one two one, six nine two three", "[phone]"),
        ("it's 695 372, then 1995 on the invoice", "it's 695 372, then 1995 on the invoice"),
        ("the batch is 334 986 6367", "the batch is 334 986 6367"),
        # a valid number before any 8-15 digits, and a time is never part of a number
        ("call me at (212) 555-0134 after 10:30", "call me at [phone] after 10:30"),
    ],
)  # fmt: skip
def test_phones_from_anywhere(text: str, expected: str) -> None:
    assert said(text) == expected


def test_a_phone_after_talk_of_phones_is_read_across_two_turns() -> None:
    turns = conversation(
        ("assistant", "What's your mobile?"),
        ("user", "+46 8 12"),
        ("assistant", "Yep."),
        ("user", "49 38"),
    )
    assert turns[1] == "[phone]" and turns[3] == "[phone]"


def test_a_date_is_not_the_start_of_a_number_in_the_next_turn() -> None:
    turns = conversation(("assistant", "It ships on 12/05."), ("assistant", "It's 48213-22."))
    assert turns == ["It ships on 12/05.", "It's 48213-22."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("it's ana at fastmail period com", "it's [email]"),
        ("w e i at fastmail dot com", "[email]"),
        ("use d silva at riverbend dash logistics dot com", "use [email]"),
        ("we're open at north star dot co dot nz", "we're open at north star dot co dot nz"),
        ("same as my name, sam lee at gmail", "same as my name, [email]"),
        ("it's r dot sharma at the rate gmail dot com", "it's [email]"),
        ("j, o, h, n at gmail dot com", "[email]"),
        ("n o six oh eight six oh one five one six seven six one two", "[iban]"),
        (
            "d e eight nine three seven oh four double oh four four oh five three two oh one three "
            "triple oh",
            "[iban]",
        ),
    ],
)
def test_spoken_emails_and_ibans(text: str, expected: str) -> None:
    assert said(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('lookup -> {"caseId": "4183181373", "status": "open"}',
         'lookup -> {"caseId": "4183181373", "status": "open"}'),  # a key's words name it
        ("it's kenji at naver dot co dot kr", "it's [email]"),  # any country's ending
        ("reach me at tomas at seznam", "reach me at [email]"),  # a provider without ending
        ("I'm at home at sky dot com", "I'm at home at sky dot com"),
        ("4012 8888, correction, 4111 1111 1111 1111", "[card], correction, [card]"),
        ("four o one two eight eight eight eight eight eight eight eight one eight eight one",
         "[card]"),  # "o" for zero
    ],
)  # fmt: skip
def test_keys_endings_providers_restarts(text: str, expected: str) -> None:
    assert said(text, previous="Anything else?") == expected


def test_a_short_aside_between_two_halves_is_passed_over() -> None:
    turns = [("user", "4252 7601"), ("user", "hold on"), ("user", "8955 5978")]
    payload = {"transcript": {"turns": [{"role": r, "content": c} for r, c in turns]}}
    held = [t["content"] for t in redact.live(payload)["transcript"]["turns"]][:2]
    assert conversation(*turns) == ["[card]", "hold on", "[card]"]
    first_two = {"transcript": {"turns": payload["transcript"]["turns"][:2]}}
    assert [t["content"] for t in redact.live(first_two)["transcript"]["turns"]] == [
        "[number]",
        "hold on",
    ]  # never in clear while the rest may follow
    assert held == ["[card]", "hold on"]


@pytest.mark.parametrize(
    "text",
    [
        "Our claims line is 1-800-203-7856, open until eight.",
        "the directory number is eight hundred five five five one two one two",
        "or dial +1 888 203 7856 from abroad",
    ],
)
def test_a_business_line_is_no_personal_number(text: str) -> None:
    """Toll-free, premium and shared-cost lines (libphonenumber's types) in the caller's
    regions reach a business, not a person: kept."""
    assert redact.turn(text, "", "") == text


def test_a_number_that_is_a_business_line_only_elsewhere_is_still_redacted() -> None:
    # a British premium line's digits, and a Japanese mobile's: not decided on fallbacks
    assert redact.turn("oh nine oh one four three one four five oh one", "", "") == "[phone]"


@pytest.mark.parametrize(
    ("text", "previous"),
    [
        ("my number is 98123 45670", ""),  # one's own number: India's 5-5 grouping
        ("her number is 2065550187", ""),
        ("my WhatsApp number is 206 555 0187", ""),  # an app, a wallet, a carrier
        ("my M-Pesa number is 0722 123 456", ""),
        ("my registered number is 98123 45670", ""),
        ("206 555 0187", "What's the account holder's number?"),
    ],
)
def test_a_number_known_by_its_owner_app_or_carrier_is_a_phone(text: str, previous: str) -> None:
    """Found by an outside tester: "my WhatsApp number" read as an identifier's name, "my
    number" as nothing (a noun before "number" names an id, unless it is a phone's)."""
    got = redact.turn(text, previous, "")
    assert got.endswith("[phone]"), got


@pytest.mark.parametrize(
    "text",
    [
        "I was charged 256.82, 346.74 and 21.14",  # amounts with their cents
        "I paid 1,234.56 then 2,125.55 and 415.86",
        "please call me back on 07.12.2026 at 14.30",  # a date written with dots
        "the invoices were 4766, 6047, 0275 and 7472",  # a plural identifier's name
    ],
)
def test_amounts_dotted_dates_and_plural_ids_are_no_numbers(text: str) -> None:
    assert redact.turn(text, "", "") == text


def test_hyphenated_tens_are_one_number() -> None:
    said = "forty-one sixty-five, ninety-eight seventy-six, fifty-four thirty-two, ten eighteen"
    assert redact.turn(said, "Card number?", "") == "[card]"


@pytest.mark.parametrize(
    ("text", "previous"),
    [
        ("206 555 0187", "Which number should I send the code to?"),
        ("206 555 0187", "Where should I text the verification code?"),
        ("send the tracking link to 206 555 0187", ""),
        ("text the order confirmation to 0412 345 678 please", ""),
        ("change it to 206 555 0187", ""),  # "to" before a number: a word, not a 2
    ],
)
def test_a_number_something_is_sent_to_is_a_phone(text: str, previous: str) -> None:
    """What is sent ("the code", "the order confirmation") names what is sent, not the
    number it goes to; "to" opening a number may be a word, not a misheard 2."""
    got = redact.turn(text, previous, "")
    assert got.endswith("[phone]") or got.endswith("[phone] please"), got
    assert " to [phone]" in got or not text.startswith(("send", "text", "change"))


def test_a_payload_field_is_read_after_its_key() -> None:
    payload = {
        "transcript": {"turns": [{"role": "user", "content": "hi"}]},
        "customer": {"ssn": "512447781", "phone": "2065550187"},
        "metadata": {"social_security_number": "512 44 7781", "order_id": "2065550187"},
    }
    out = redact(payload)
    assert out["customer"] == {"ssn": "[ssn]", "phone": "[phone]"}
    assert out["metadata"] == {"social_security_number": "[ssn]", "order_id": "2065550187"}


@pytest.mark.parametrize(
    "text",
    [
        '{"prices":[6614.79,6447.82,8324.96,1962.17]}',  # amounts of four digits and cents
        "I was charged 1568.97, 5426.15, 9453.13 and 7597.14",
        "PO 3126/489/501 was short shipped",  # a PO number typed with slashes
        "I rated it four point eight at yelp dot com",  # a number, not an address
        "I shop at costco, at target dot com, and at walmart",  # places, one after another
    ],
)
def test_second_outside_testers_false_alarms_stay(text: str) -> None:
    assert redact.turn(text, "", "") == text


@pytest.mark.parametrize(
    "turns",
    [
        [
            ("assistant", "To verify, what are the last four of your social?"),
            ("user", "6789"),
            ("assistant", "Where should we mail the card?"),
            ("user", "1200 Main St, Chicago, Illinois 60614-2231"),  # a ZIP+4
        ],
        [
            ("assistant", "Last four of your social please."),
            ("user", "1234"),
            ("assistant", "Thanks. What's your member number?"),  # named by the question
            ("user", "it's 52344 9012"),
        ],
        [
            ("assistant", "What's your order number?"),
            ("user", "4471229083"),
            ("assistant", "Got it, ending 9083?"),  # an id's last digits said back
            ("user", "yes 9083"),
        ],
    ],
)
def test_earlier_talk_and_read_backs_do_not_override_a_nearer_name(
    turns: list[tuple[str, str]],
) -> None:
    out = redact({"transcript": {"turns": [{"role": r, "content": c} for r, c in turns]}})
    assert [t["content"] for t in out["transcript"]["turns"]][2:] == [c for _, c in turns][2:]


def test_a_payment_apps_number_is_a_phone() -> None:
    assert redact.turn("my Zelle number is 206 555 0187", "", "") == "my Zelle number is [phone]"
