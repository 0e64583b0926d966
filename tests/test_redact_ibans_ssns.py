"""IBANs read as a stream of letters and digits (any spelling, checked by mod 97) and SSNs
read as a stream of digits in SSN talk (checked by the SSA's rules)."""

from __future__ import annotations

import pytest

from tests.redacting import conversation, redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # NATO words, "as in", written digit tokens among spelled letters, no grouping
        ("golf bravo eight two whiskey echo sierra tango one two three four five six nine "
         "eight seven six five four three two", "[iban]"),
        ("it's n as in nancy l nine one a b n as in nancy a zero four one seven one six "
         "four three zero zero", "it's [iban]"),
        ("the account is d e 89 370400440532013000 thanks", "the account is [iban] thanks"),
        ("n l, 91 abna 041 71 643 00", "[iban]"),
        ('{"iban": "de89370400440532013000", "amount": 12}', '{"iban": "[iban]", "amount": 12}'),
    ],
)  # fmt: skip
def test_ibans_said_any_way_the_check_holds(text: str, expected: str) -> None:
    assert redact.turn(text, "", "") == expected


def test_an_iban_said_over_two_turns_is_caught_in_both() -> None:
    out = conversation(
        ("assistant", "Which IBAN should the refund go to?"),
        ("user", "delta echo eight nine three seven zero four"),
        ("assistant", "Mhm."),
        ("user", "zero zero four four zero five three two zero one three zero zero zero"),
    )
    assert out[1] == "[iban]" and out[3] == "[iban]"


@pytest.mark.parametrize(
    "text",
    [
        "the reference is DE88 3704 0044 0532 0130 00",
        "the payment reference on the letter is BE91 0961 3127 3353",  # no phone inside
    ],
)
def test_an_iban_shaped_reference_whose_check_fails_stays(text: str) -> None:
    assert redact.turn(text, "", "") == text


def test_tens_before_a_pause_are_a_whole_ten() -> None:
    # "sixty three seventy ... four six": seventy, then four six, not seventy-four
    text = (
        "i t fifty six ... x as in x-ray zero five four two eight ... one one one oh one ... "
        "oh oh oh oh oh oh ... sixty three seventy ... four six"
    )
    assert redact.turn(text, "", "") == "[iban]"


def test_an_ssn_said_over_two_turns_after_ssn_talk_is_caught_in_both() -> None:
    out = conversation(
        ("assistant", "And your social, please?"),
        ("user", "five one two, three four"),
        ("assistant", "Okay."),
        ("user", "seven seven eight one"),
    )
    assert out[1] == "[ssn]" and out[3] == "[ssn]"


def test_an_ssn_in_a_json_key_named_social_security_number() -> None:
    text = '{"social_security_number": "512347781"}'
    assert redact.turn(text, "", "") == '{"social_security_number": "[ssn]"}'


@pytest.mark.parametrize(
    "text",
    [
        "I'd rather not give my social, my member id is 512 34 7781",
        "you have my ssn already, the claim number is 512-34-7781",
    ],
)
def test_a_number_named_as_an_id_is_no_ssn_even_in_ssn_talk(text: str) -> None:
    assert redact.turn(text, "", "") == text


def test_an_ssn_read_with_an_aside_between_its_groups() -> None:
    out = conversation(
        ("assistant", "Can I get your social security number?"),
        ("user", "five one two, hang on it's in my wallet, three four, seven seven eight one"),
    )
    assert out[1] == "[ssn]"  # from its first digit to its last, as cards


@pytest.mark.parametrize(
    "text",
    [
        "g for george b for bravo eight two w like william e s t one two three four five six "
        "nine eight seven six five four three two",
        "g as in golf b eight two west one two three four five six nine eight seven six five "
        "four three two",
    ],
)
def test_iban_letters_named_by_a_word_for_like_or_as_in(text: str) -> None:
    """A letter named by a word that begins with it, whatever joins them ("for", "like",
    "as in"), is the letter; the naming word is read over (shared with spelled emails)."""
    assert redact.turn(text, "", "") == "[iban]"


def test_a_letter_then_for_and_a_word_it_does_not_begin_is_no_spelling() -> None:
    assert redact.turn("plan b for two people, thanks", "", "") == "plan b for two people, thanks"


@pytest.mark.parametrize(
    ("text", "previous"),
    [
        ("it's 512 44 7781", "And the ss number on the account?"),
        ("five one two four four seven seven eight one", "Can I get your s s n?"),
        ('lookup({"ssnLast9": "512447781"})', ""),
        ('{"customerSSN": "512-44-7781"}', ""),
    ],
)
def test_ssn_talk_in_its_other_spellings(text: str, previous: str) -> None:
    assert "[ssn]" in redact.turn(text, previous, "")
    assert "7781" not in redact.turn(text, previous, "")


def test_the_middle_of_an_iban_said_over_three_turns_is_joined_with_both_neighbours() -> None:
    """Its middle piece alone is no IBAN, nor either half: read with the turns on both
    sides. (The first and last pieces see one neighbour only: docs/redaction.md names it.)"""
    middle = "one two three four five six"
    got = redact.turn(
        middle, "Okay.", "g b eight two west", "nine eight seven six five four three two"
    )
    assert got == "[iban]"


@pytest.mark.parametrize(
    "turns",
    [
        [
            ("assistant", "Can I get your social?"),
            ("user", "Sure, one moment."),
            ("user", "It's 512 44 7781"),
        ],
        [
            ("assistant", "I need your SSN for the credit check."),
            ("user", "okay, ready?"),
            ("assistant", "yes, go ahead"),
            ("user", "five one two, four four, seven seven eight one"),
        ],
    ],
)
def test_ssn_talk_a_few_turns_back_still_names_the_number(turns: list[tuple[str, str]]) -> None:
    """Found by an outside tester: "One moment." between the question and the answer lost
    the talk of SSNs (only the turn just before was read)."""
    out = redact({"transcript": {"turns": [{"role": r, "content": c} for r, c in turns]}})
    last = out["transcript"]["turns"][-1]["content"]
    assert "[ssn]" in last and "7781" not in last and "seven seven eight one" not in last


def test_talk_of_ssns_long_before_names_nothing() -> None:
    turns = [("assistant", "Can I get your social?"), ("user", "It's 512 44 7781")]
    turns += [("assistant", "Thanks. Anything else?"), ("user", "the delivery was late again")]
    turns += [("assistant", "Sorry to hear that."), ("user", "and the box was open too")]
    turns += [("assistant", "Okay."), ("user", "it's 412 55 8890")]
    out = redact({"transcript": {"turns": [{"role": r, "content": c} for r, c in turns]}})
    assert out["transcript"]["turns"][-1]["content"] == "it's 412 55 8890"


@pytest.mark.parametrize(
    "text",
    [
        # "oh" a letter in the bank code (RABO) and a zero in the account: both tried
        "n l three nine r a b oh zero three zero zero zero six five two six four",
        # letters by their names, "double you"
        "gee bee eight two double you e s t one two three four five six nine eight seven six "
        "five four three two",
        # fillers and spoken separators between the groups
        "g b eight two west, like, one two three four, okay, five six nine eight, seven six "
        "five four, three two",
    ],
)
def test_an_iban_read_with_oh_for_o_letter_names_and_fillers(text: str) -> None:
    assert redact.turn(text, "What is the IBAN?", "") == "[iban]"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("it's 308 40 0539 on the w2", "it's [ssn] on the w2"),
        (
            "for the tax form it's four twenty eight, eighty eight, sixty eight ninety one",
            "for the tax form it's [ssn]",
        ),
        # an EIN is read 2-7; an id the number is named by stays one
        ("my EIN is 12-3456789 for the tax return", "my EIN is 12-3456789 for the tax return"),
        ("the tax form reference is 512 44 7781", "the tax form reference is 512 44 7781"),
        ("it's 308 40 0539", "it's 308 40 0539"),  # no talk of SSNs or taxes
    ],
)
def test_a_number_said_in_ssn_groups_on_a_tax_form_is_the_ssn(text: str, expected: str) -> None:
    """A W-2, a 1099 or a tax return asks for the SSN: a number said there in the 3-2-4
    groups an SSN is read in is one, with no "social" said."""
    assert redact.turn(text, "", "") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Okay, hotel romeo 79 1906 1419 3239 2890, no, sorry, 2810 3.",
        "okay echo sierra three nine double four one five one four nine oh nine five six three "
        "sorry i mean nine five two three six four six one one two nine one",
        "E S three eight, four three eight five, six three four five, six one oh two, nine two "
        "three nine, four nine five three... no sorry, four nine five two.",
    ],
)
def test_an_iban_with_a_group_said_wrong_and_said_again_is_one(text: str) -> None:
    """A word of restarting inside an IBAN ("no, sorry", "wait", "i mean") may follow a group
    said wrong: reading it without that group (the check decides) gives the IBAN, whole."""
    out = redact.turn(text, "And the IBAN for the transfer?", "")
    assert "[iban]" in out and not any(c.isdigit() for c in out), out


def test_an_iban_said_wrong_when_one_was_asked_for_is_still_one() -> None:
    """Read once with two digits swapped (the check fails), then again: both are the IBAN."""
    first = "It's foxtrot romeo 70 - 0463 - 0420 - 0742 - 8451 - 1 mike 23 - 455."
    assert redact.turn(first, "What's the IBAN of the account you'd like it paid into?", "") == (
        "It's [iban]."
    )
    # not asked for: a reference in that shape is no IBAN
    assert redact.turn(first, "Any reference on the letter?", "") == first


@pytest.mark.parametrize("live", [False, True])
def test_the_first_and_last_pieces_of_an_iban_over_three_turns_are_found(live: bool) -> None:
    """Each piece alone is no IBAN, nor either pair of neighbours: read with both others."""
    payload = {
        "transcript": {
            "turns": [
                {"role": "assistant", "content": "I'll need the IBAN for the direct debit."},
                {"role": "user", "content": "okay so d e eight nine three seven"},
                {"role": "assistant", "content": "yep go on"},
                {"role": "user", "content": "zero four zero zero four four zero five"},
                {"role": "assistant", "content": "uh huh"},
                {"role": "user", "content": "three two zero one three zero zero zero"},
                {"role": "assistant", "content": "Thank you, all noted."},
            ]
        }
    }
    out = [t["content"] for t in (redact.live if live else redact)(payload)["transcript"]["turns"]]
    assert out[1] == "okay so [iban]" and out[3] == "[iban]" and out[5] == "[iban]", out


def test_a_question_for_the_account_holders_social_asks_for_an_ssn() -> None:
    """ "account holder" is a person: the question names an SSN, and the agent's read-back of
    the SSN the caller said in words is the SSN too."""
    out = conversation(
        ("assistant", "And the Social Security number for the primary account holder?"),
        ("user", "it's five eight three twenty seven uhm two triple nine"),
        ("assistant", "Thank you, I have 583-27-2999."),
    )
    assert out[1:] == ["it's [ssn]", "Thank you, I have [ssn]."]


def test_a_taxpayer_id_in_a_tool_call_is_the_ssn_talked_of() -> None:
    out = conversation(
        ("assistant", "Can I have your Social Security number to verify you?"),
        ("user", "583-27-2999"),
        ("assistant", '{"name": "verify_identity", "arguments": {"taxpayer_id": "583272999"}}'),
    )
    assert out[2] == '{"name": "verify_identity", "arguments": {"taxpayer_id": "[ssn]"}}'
    # a business's EIN under the same name stays: it is read 2-7, and no SSN was talked of
    out = conversation(
        ("user", "It's for my business, the EIN is 46-3629357"),
        ("assistant", "Thanks, I have the business tax ID 46-3629357."),
    )
    assert out[1] == "Thanks, I have the business tax ID 46-3629357."


def test_an_ein_in_a_tool_call_stays_where_the_business_is_talked_of() -> None:
    out = conversation(
        ("assistant", "For a business account we don't need your social, just the company's EIN."),
        ("user", "it's 46-1234567"),
        ("assistant", '{"name": "open_account", "arguments": {"tin": "461234567"}}'),
    )
    assert out[2] == '{"name": "open_account", "arguments": {"tin": "461234567"}}'


def test_a_number_written_two_then_seven_is_an_ein_even_when_a_social_was_asked() -> None:
    """An SSN is written 3-2-4, an EIN 2-7: the caller who answers the question for a social
    with the business's EIN keeps it; the SSN said the usual way is still one."""
    out = conversation(
        ("assistant", "What is the SSN on the account?"),
        ("user", "we file under the business, 81-4455667"),
        ("assistant", "And the owner's own social?"),
        ("user", "that's 514-45-5667"),
    )
    assert out[1] == "we file under the business, 81-4455667"
    assert out[3] == "that's [ssn]"


def test_an_ssn_asked_for_to_pull_up_a_file_is_read_back_as_an_ssn() -> None:
    """ "the full social to pull up the file" asks for the social: "file" names where it
    goes, so the agent's read-back is the SSN, not an identifier's digits."""
    out = conversation(
        ("assistant", "I'll need the full social to pull up the file."),
        ("user", "Okay, 878389769."),
        ("assistant", "Let me read that back, 878-38-9769."),
    )
    assert out[1:] == ["Okay, [ssn].", "Let me read that back, [ssn]."]


def test_the_agents_echo_of_each_piece_of_an_ssn_is_the_ssns() -> None:
    out = conversation(
        ("assistant", "And your Social Security number, one piece at a time?"),
        ("user", "Uh, four zero one,"),
        ("assistant", "401. Next?"),
        ("user", "and four two"),
        ("assistant", "42. Next?"),
        ("user", "six fifty two twenty seven"),
        ("assistant", "65227. Next?"),
    )
    assert out[2::2] == ["[ssn]. Next?", "[ssn]. Next?", "[ssn]. Next?"]


@pytest.mark.parametrize("named", ["SS number", "ss number", "s s number"])
def test_an_ss_number_is_a_social(named: str) -> None:
    """ "SS number" was read as an identifier's name ("ss" a noun before "number"): the
    caller's SSN stayed in clear, or was taken for a phone."""
    out = conversation(
        ("assistant", "Can I get your social to confirm it's you?"),
        ("user", f"The {named} is 388 98 8152"),
    )
    assert out[1] == f"The {named} is [ssn]"


def test_oh_said_as_a_cry_after_a_number_is_no_digit_of_it() -> None:
    """ "oh wow" / "oh sorry" opening the turn after a number were joined to it as its next
    digit ("oh" is zero), and "the second one" as a one: both are words, not digits."""
    out = conversation(
        ("assistant", "To verify you I'll need your full social."),
        ("user", "Okay, social security number 028 30 2636"),
        ("assistant", "Hmm, that one isn't matching what we have on file."),
        ("user", "oh sorry the middle is 03, that makes it 028 03 2636"),
    )
    assert out[1] == "Okay, social security number [ssn]"
    assert out[3].startswith("oh sorry") and out[3].endswith("[ssn]")
    out = conversation(
        ("user", "my number is 415 555 0132"),
        ("assistant", "Thanks, and which slot do you want?"),
        ("user", "oh the second one please"),
    )
    assert out == ["my number is [phone]", "Thanks, and which slot do you want?", out[2]]
    assert out[2] == "oh the second one please"


def test_a_request_without_a_question_mark_ends_the_number_before_it() -> None:
    """ "I'll just need the application number to pull that up." asks for another number,
    though it asks with a full stop: the caller's answer was joined to the SSN before it
    (through a "mm-hm") and the two read as a phone."""
    out = conversation(
        ("assistant", "Last thing for verification: the full nine digits of your social."),
        ("user", "It's my Social Security, eight ninety two, six nine, two seven eight three"),
        ("assistant", "Okay, that matched."),
        ("user", "mm-hm"),
        ("assistant", "I'll just need the application number to pull that up."),
        ("user", "okay um it's eight fourteen four eight three one seven five four."),
    )
    assert out[1] == "It's my Social Security, [ssn]"
    assert out[5] == "okay um it's eight fourteen four eight three one seven five four."


def test_an_ein_spelled_out_is_an_identifier() -> None:
    out = conversation(
        ("assistant", "And your social for the personal guarantee?"),
        ("user", "five zero zero seven one five seven five seven"),
        ("assistant", "Thanks. And for the business?"),
        ("user", "for my llc the e i n is four five five two zero four three six two"),
    )
    assert out[1] == "[ssn]"
    assert out[3] == "for my llc the e i n is four five five two zero four three six two"


@pytest.mark.parametrize(
    ("first", "rest"),
    [
        ("okay DK83 6964 9387", "then it ends 3044 02"),
        ("okay DK83 6964 9387 so far", "and finally 3044 02"),
        ("it's d k eight three six nine six four nine three eight seven hold on", "3044 02"),
        ("NL91 ABNA", "0417 1643 00"),
    ],
)
def test_an_iban_in_pieces_with_words_around_them_is_joined(first: str, rest: str) -> None:
    """dev13's weak spot: words around a piece ("okay", "so far", "hold on", "then it ends")
    were read as letters of the IBAN, so the pieces never passed the check and both stayed
    in clear (or the digits were taken for a phone)."""
    turns = (
        ("assistant", "Read me the IBAN from your banking app, please."),
        ("user", first),
        ("assistant", "Okay, go on."),
        ("user", rest),
    )
    final = conversation(*turns)
    assert "[iban]" in final[1] and "[iban]" in final[3], final
    assert not any(c.isdigit() for c in final[1] + final[3]), final


ASKED_WITH_PAYMENT = (
    "For the tax form on the contractor payment I need your Social Security number."
)


def test_a_social_asked_for_beside_a_payment_is_no_card() -> None:
    """dev13: a question naming a social and a payment ("the contractor payment", "the credit
    check for the financing") was taken for card talk, and the SSN's pieces and the agent's
    echo of them were redacted as a card's or a phone's, or not at all."""
    turns = (
        ("assistant", ASKED_WITH_PAYMENT),
        ("user", "the first part is 76220 so far"),
        ("assistant", "76220. Go on."),
        ("user", "and finally 3893"),
    )
    assert conversation(*turns)[1:] == [
        "the first part is [ssn] so far",
        "[ssn]. Go on.",
        "and finally [ssn]",
    ]


def test_a_social_asked_for_after_nine_digits_said_whole_gets_a_new_number() -> None:
    """Nine digits said whole, then "what's your social?": the answer is a number of its own,
    not the rest of the nine."""
    turns = (
        ("assistant", ASKED_WITH_PAYMENT),
        ("user", "um 733 79 1758."),
        ("assistant", "Thanks. To run the credit check for the financing, what's your social?"),
        ("user", "um 503-54-8432."),
    )
    final = conversation(*turns)
    assert final[1] == "um [ssn]." and final[3] == "um [ssn].", final


def test_an_ein_read_as_an_ssn_and_called_a_social_is_the_ssn() -> None:
    """Outside tester 8: the agent said the "EIN" the caller gave was a social in SSN shape,
    and the name "e i n" kept its nine digits in clear."""
    line = (
        "The e i n you gave is 512 44 7781, but that looks like a social, so I'll use it as"
        " your SSN."
    )
    got = conversation(("user", "okay"), ("assistant", line))[1]
    assert "7781" not in got and "[ssn]" in got, got
    ein = "The e i n you gave is 51-2447781, that's the business one, not a social."
    assert conversation(("user", "okay"), ("assistant", ein))[1] == ein
