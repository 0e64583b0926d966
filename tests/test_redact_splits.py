"""`zelto.redact_pii()` on emails and phone numbers split across turns of one speaker, through
the public path (a payload, final and live). Cases written for these tests, not taken from any
evaluation set."""

from __future__ import annotations

import pytest

from tests.redacting import conversation

ASKED = ("assistant", "And your email?")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("john dot smith at", "gmail dot com"),
        ("john.smith@", "gmail.com"),
        ("it's john dot smith at", "acme corp dot co dot uk"),
        ("john.smith", "@gmail.com"),
    ],
)
def test_email_split_across_two_turns(first: str, second: str) -> None:
    turns = (ASKED, ("user", first), ("user", second))
    final = conversation(*turns)
    assert "john" not in final[1] and "smith" not in final[1]
    assert "[email]" in final[1] and "[email]" in final[2]
    assert "gmail" not in final[2] and "acme" not in final[2]
    assert conversation(*turns, live=True) == final


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("it's john smith", "at gmail dot com"),
        ("john underscore smith", "um at sign outlook point com"),
        ("juliet oscar hotel november", "at the rate proton mail dot com"),
    ],
)
def test_email_split_before_its_at(first: str, second: str) -> None:
    """The local part ends one turn and the next opens with "at": the address is read
    across them (the first turn is in clear in a live snapshot until the next arrives)."""
    turns = (ASKED, ("user", first), ("assistant", "Go on."), ("user", second))
    final = conversation(*turns)
    assert "john" not in final[1] and "juliet" not in final[1] and "[email]" in final[1]
    assert final[3].endswith("[email]") and "com" not in final[3]


def test_email_split_around_an_aside_and_fillers() -> None:
    turns = (ASKED, ("user", "sure it's mary underscore lee at"), ("user", "hold on"))
    turns += (("user", "um, outlook dot com thanks"),)
    expected = ["And your email?", "sure it's [email]", "hold on", "um, [email] thanks"]
    assert conversation(*turns) == expected
    assert conversation(*turns, live=True) == expected
    # the local part stays held through the aside
    assert conversation(*turns[:3], live=True)[1] == "sure it's [email]"


@pytest.mark.parametrize("first", ["john dot smith at", "john.smith@"])
def test_email_pending_local_part_held_in_live_snapshot(first: str) -> None:
    live = conversation(ASKED, ("user", first), live=True)
    assert live[1] == "[email]"
    # the speaker moves on: the final payload shows what was not an address
    final = conversation(ASKED, ("user", first), ("user", "sorry, no email"))
    assert final[1] == first


@pytest.mark.parametrize("first", ["it is priyanka", "sure, priyanka dot shah", "jdoe"])
def test_an_answer_to_the_email_question_is_held_until_its_domain_may_follow(
    first: str,
) -> None:
    """A local part said without its "at" ("it's priyanka" ... "at gmail dot com") was in
    clear in the snapshot written before the domain came (a tester's one-word local part)."""
    question = ("assistant", "What is your email?")
    live = conversation(question, ("user", first), live=True)
    assert live[1].endswith("[email]") and "priyanka" not in live[1] and "jdoe" not in live[1]
    whole = conversation(question, ("user", first), ("user", "at gmail dot com"))
    assert whole[1].endswith("[email]") and whole[2] == "[email]"
    # the call ends with no domain: the final payload shows what was said
    assert conversation(question, ("user", first)) == ["What is your email?", first]
    assert conversation(question, ("user", "yes"), live=True)[1] == "yes"


@pytest.mark.parametrize(
    "turns",
    [
        [("user", "I looked at"), ("user", "the menu, it's fine")],
        [("assistant", "When can we meet?"), ("user", "let's say at"), ("user", "noon dot")],
    ],
)
def test_no_email_across_turns_in_ordinary_speech(turns: list[tuple[str, str]]) -> None:
    texts = [t for _, t in turns]
    assert conversation(*turns) == texts
    assert conversation(*turns, live=True)[:-1] == texts[:-1]


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


@pytest.mark.parametrize(
    ("first", "second", "kind"),
    [
        ("my number is 206 555, hang on a sec", "0187", "[phone]"),
        ("it's 0412 345, wait, let me check", "678", "[phone]"),
        ("4111 1111 1111, hold on, my kid is shouting", "1111", "[card]"),
    ],
)
def test_a_pause_after_a_numbers_first_half_still_joins_it(
    first: str, second: str, kind: str
) -> None:
    """Found by an outside tester: words of a pause ending the turn ("hang on a sec") made
    its digits no longer the turn's end, so they were neither joined nor held."""
    turns = (("assistant", "Your card or number?"), ("user", first), ("user", second))
    final = conversation(*turns)
    assert kind in final[1] and kind in final[2], final
    live = conversation(*turns[:2], live=True)
    assert not any(d in live[1] for d in ("555", "345", "1111")), live


def test_a_whole_card_then_its_last_digits_said_again_stays_whole() -> None:
    turns = (
        ("assistant", "Card number please"),
        ("user", "4111 1111 1111 1111"),
        ("assistant", "Sorry, can you repeat the last eight?"),
        ("user", "1111 1111"),
    )
    final = conversation(*turns)
    assert final[1] == "[card]" and "1111" not in final[3]


def test_a_phones_last_digits_confirmed_after_its_read_back_are_part_of_it() -> None:
    turns = (
        ("assistant", "Best number for you?"),
        ("user", "oh seven four six oh two four double oh four nine"),
        ("assistant", "Let me read that back: 07460 240049. Is that right?"),
        ("user", "yeah, ends in oh zero four nine"),
    )
    assert conversation(*turns)[3] == "yeah, ends in [phone]"


@pytest.mark.parametrize(
    "turns",
    [
        (
            ("assistant", "May I have your SSN?"),
            ("user", "512-44-7781"),
            ("assistant", "Thanks, that's the one ending 7781."),
        ),
        (
            ("assistant", "Card number and expiry?"),
            ("user", "4111 1111 1111 1111, expires 03/28"),
            ("assistant", "Thanks, the card ending in 1111 is on file."),
        ),
    ],
)
def test_an_ssns_or_cards_last_four_said_back_stay(turns: tuple[tuple[str, str], ...]) -> None:
    assert conversation(*turns)[2] == turns[2][1]


def test_a_phones_last_digits_confirmed_after_a_spoken_read_back() -> None:
    turns = (
        ("assistant", "A callback number?"),
        ("user", "best one is my mobile zero three two two six six four eight seven"),
        ("assistant", "Let me read that back: oh three two two six six four eight seven?"),
        ("user", "yeah, ends in six four eight seven"),
    )
    assert conversation(*turns)[3] == "yeah, ends in [phone]"


@pytest.mark.parametrize(
    ("first", "second", "kind"),
    [
        ("4111 1111 1111, one moment", "1111", "[card]"),
        ("206 555, sorry my dog is barking", "0187", "[phone]"),
        ("512 44, sorry, one moment", "7781", "[ssn]"),
    ],
)
def test_any_short_aside_set_off_by_a_comma_is_a_pause(first: str, second: str, kind: str) -> None:
    """Found by a second outside tester: asides without a word of pausing ("one moment",
    "sorry my dog is barking") left both halves of the number in clear."""
    turns = (("assistant", "Your card, number or social?"), ("user", first), ("user", second))
    final = conversation(*turns)
    assert kind in final[1] and final[2] == kind, final


@pytest.mark.parametrize("live", [False, True])
def test_a_number_said_back_whole_is_not_joined_with_what_confirms_it(live: bool) -> None:
    """384 131 3447 and the 3447 confirming it are 14 digits a Diners card could have (Luhn
    too): once the agent has said the number back asking if it is right, the caller's next
    digits are no more of it."""
    turns = (
        ("assistant", "Where's best to reach you if the line drops?"),
        ("user", "um so my number's 384-131-3447"),
        ("assistant", "Let me read that back: three eight four one three one three four four "
         "seven. Is that right?"),
        ("user", "yes, three four four seven at the end, that's it"),
    )  # fmt: skip
    out = conversation(*turns, live=live)
    assert out[1] == "um so my number's [phone]"
    assert out[3] == "yes, [phone] at the end, that's it"


def test_an_echo_of_a_cards_first_digits_asking_for_more_still_joins() -> None:
    turns = (
        ("assistant", "The card number, please."),
        ("user", "4111 1111 1111"),
        ("assistant", "4111 1111 1111, right, and the rest?"),
        ("user", "1111"),
    )
    out = conversation(*turns)
    assert out[1] == "[card]" and out[3] == "[card]"


@pytest.mark.parametrize("live", [False, True])
@pytest.mark.parametrize(
    "pieces",
    [
        ("Right, it starts three oh five, five oh seven",
         "And the last bit is double seven oh nine."),
        ("it's one two eight nine", "then five six eight",
         "and the last bit is eighty one thirty four"),
        ("+84 0901, um", "Sorry, 926.", "And the last bit is 740."),
    ],
)  # fmt: skip
def test_a_turn_saying_it_goes_on_with_the_number_continues_it(
    pieces: tuple[str, ...], live: bool
) -> None:
    turns = [("assistant", "What number should we send the text to?")]
    for piece in pieces:
        turns += [("user", piece), ("assistant", "Mm-hm, go on.")]
    out = conversation(*turns[:-1], live=live)
    assert all("[phone]" in out[k] for k in range(1, len(out), 2)), out
    assert not any(c.isdigit() for c in "".join(out)), out


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("And the delivery address?", "17170 North Kedzie Avenue, Denver, Colorado 80278."),
        ("And the date of birth on the account?", "It's oh nine, seventeen, twenty twenty six."),
        ("Okay, and the work order for this one?", "four seven five ten five double seven nine"),
    ],
)
def test_a_question_between_two_turns_ends_the_number_before_it(question: str, answer: str) -> None:
    """The other speaker's question is answered by what follows: its digits do not go on
    with a number the speaker ended the turn before with ('80278' made a phone number of
    the last digits of the phone before)."""
    turns = (
        ("assistant", "What number should we send the text to?"),
        ("user", "it's zero four six three one double five six six five"),
        ("assistant", "Perfect, I've added that."),
        ("user", "Okay."),
        ("assistant", question),
        ("user", answer),
        ("assistant", "Thanks."),
        ("user", "That's everything I needed today, thanks."),  # else its digits are held
    )
    for live in (False, True):
        out = conversation(*turns, live=live)
        assert out[5] == answer and "[phone]" in out[1]


def test_asking_for_the_last_four_is_a_prompt_to_go_on() -> None:
    turns = (
        ("assistant", "I need the social to pull up the file. Go slowly."),
        ("user", "two seven nine, eight nine"),
        ("assistant", "ok, and the last four?"),
        ("user", "two oh one seven"),
    )
    out = conversation(*turns)
    assert out[1] == "[ssn]" and out[3] == "[ssn]"


@pytest.mark.parametrize("between", ["And after 45?", "Okay, and the middle two?", "Hm?"])
def test_a_question_naming_nothing_does_not_end_the_number(between: str) -> None:
    """Only a question naming what it asks for ends a number: an unjoined half is in clear."""
    turns = (
        ("assistant", "Can I get your social?"),
        ("user", "five one two, four five"),
        ("assistant", between),
        ("user", "seven seven eight one"),
    )
    out = conversation(*turns)
    assert out[1] == "[ssn]" and out[3] == "[ssn]", out


def test_a_phone_asked_for_by_name_after_card_talk_is_no_card() -> None:
    turns = (
        ("assistant", "How would you like to pay?"),
        ("user", "Visa, four two six two, three two six oh, one one one three, "
         "three seven five two."),
        ("assistant", "And a phone number for the receipt?"),
        ("user", "three six three, two three two, three five seven two."),
    )  # fmt: skip
    out = conversation(*turns)
    assert out[1] == "Visa, [card]." and out[3] == "[phone].", out


def test_my_new_cell_after_ssn_talk_is_a_phone() -> None:
    turns = (
        ("assistant", "Last four of your social, please."),
        ("user", "1129."),
        ("assistant", "Thanks. And is (531) 659-7807 still the best number?"),
        ("user", "No, use my new cell, nine four three, three oh four, two one one five."),
    )
    out = conversation(*turns)
    assert out[3] == "No, use my new cell, [phone].", out


def test_a_card_read_in_halves_after_an_id_question_in_card_talk_is_a_card() -> None:
    """Only an id asked for with no talk of cards or paying anywhere near keeps two halves
    read as four fours out of [card] (a loyalty number): 'the account number on the card'
    asked in payment talk is a card."""
    turns = (
        ("assistant", "Let's take the payment. What's the account number on the card?"),
        ("user", "4526 0181"),
        ("assistant", "mm-hm"),
        ("user", "5908 3012"),
    )
    out = conversation(*turns)
    assert out[1] == "[card]" and out[3] == "[card]", out


def test_the_last_four_of_a_card_read_in_turns_stay_when_said_as_the_cards() -> None:
    """The card's last turn alone ("834372 5401") is a valid phone, so "the card ending in
    5401" was redacted as that phone's last four: words naming a card say whose they are."""
    out = conversation(
        ("assistant", "Please read me the sixteen digits on the card."),
        ("user", "ok thirty six fifty three"),
        ("assistant", "Thank you, and then?"),
        ("user", "834372 5401"),
        ("assistant", "Thanks, so that's the card ending in 5401."),
    )
    assert out[1:] == [
        "ok [card]",
        "Thank you, and then?",
        "[card]",
        "Thanks, so that's the card ending in 5401.",
    ]


def test_a_card_read_in_four_spoken_turns_opening_with_a_misheard_digit() -> None:
    """ "ok o three forty seven" was no piece of a number (its "o" a digit only as a run
    reads it), so the chain broke after three turns and the first three pieces, 12 digits,
    were taken for a phone; an answer to a question for a card is redacted as one."""
    out = conversation(
        ("assistant", "Please read me the sixteen digits on the card."),
        ("user", "ok forty eight oh six"),
        ("assistant", "Yep, go on."),
        ("user", "ninety six oh six"),
        ("assistant", "Mm-hm."),
        ("user", "ok o three forty seven"),
        ("assistant", "Sure, keep going."),
        ("user", "sixty nine zero seven"),
    )
    assert out[1::2] == ["ok [card]", "[card]", "ok [card]", "[card]"]
    cell = conversation(
        ("assistant", "What's the card number?"), ("user", "ok my cell is 4155550132")
    )
    assert cell[1] == "ok my cell is [phone]"


@pytest.mark.parametrize("pause", ["so far", "got that?"])
def test_a_number_said_so_far_is_held_until_it_goes_on(pause: str) -> None:
    """ "3432 so far", "two sixty two seventy six got that?": the number goes on in the
    speaker's next turn; its first half was written in clear in the live snapshot, and the
    two halves were never joined."""
    asked = ("assistant", "Go ahead with the card number, take your time.")
    first = ("user", f"okay it's 4539 1488 {pause}")
    live = conversation(asked, first, live=True)
    assert "4539" not in live[1] and "1488" not in live[1]
    whole = conversation(asked, first, ("assistant", "Mm-hm."), ("user", "0343 6467"))
    assert "4539" not in whole[1] and "6467" not in whole[3]


def test_a_pause_said_first_may_run_longer_before_the_number_goes_on() -> None:
    """ "hold on, the dog is at the door." is eight words: past the six an aside may run, but
    said after "hold on" it is a pause, and the card goes on in the next turn."""
    out = conversation(
        ("assistant", "Card number?"),
        ("user", "It's 4539 1488 0343, hold on, the dog is at the door."),
        ("user", "Okay, 6467."),
    )
    assert out[1] == "It's [card], hold on, the dog is at the door."
    assert "6467" not in out[2]


def test_a_turn_ending_with_double_or_triple_goes_on_in_the_next() -> None:
    """ "oh eight oh two triple" waits for the digit it repeats: it was written in clear in
    the live snapshot, and never joined with "four five oh eight six"."""
    asked = ("assistant", "Is there a good phone number for you?")
    first = ("user", "oh eight oh two triple")
    assert conversation(asked, first, live=True)[1] == "[number] triple"
    out = conversation(asked, first, ("user", "four five oh eight six"))
    assert out[1:] == ["[phone] triple", "[phone]"]


@pytest.mark.parametrize(
    ("asked", "first", "rest", "clear"),
    [
        (
            "Card number please.",
            "It's 4539 1488 0343. Sorry, the dog is going crazy at the door right now.",
            "4413",
            "0343",
        ),
        (
            "What card would you like to use?",
            "The card is 4539 1488, wait, do you guys take visa debit cards or is it only credit "
            "cards here at the clinic?",
            "0343 4413",
            "1488",
        ),
        (
            "And a good number to reach you?",
            "It's 415 555, ugh sorry my toddler just grabbed the phone out of my hand again.",
            "0134",
            "555",
        ),
    ],
)
def test_a_first_half_is_held_live_whatever_follows_it_in_the_turn(
    asked: str, first: str, rest: str, clear: str
) -> None:
    """Found by an outside tester: the first half of a card followed by an aside or a
    question longer than a pause was written in clear in the live snapshot until the rest
    came. While the call goes on, the last number of the speaker's latest turn is held where
    a card, an SSN or a phone is asked or talked of. (The finished call joins the halves
    only across a short pause: a limit, in docs/redaction.md.)"""
    turns = [("assistant", asked), ("user", first)]
    live = conversation(*turns, live=True)
    assert clear not in live[1] and "[" in live[1], live
    prompted = conversation(*turns, ("assistant", "Okay, go on."), live=True)
    assert clear not in prompted[1], prompted  # held while the other speaker answers
    # the rest said: the turn is written as the finished call has it
    rest_said = [*turns, ("assistant", "Okay, go on."), ("user", rest)]
    assert conversation(*rest_said, live=True)[:2] == conversation(*rest_said)[:2]


@pytest.mark.parametrize(
    ("asked", "turns", "kind"),
    [
        (  # the first piece said to be one, the last said to end it
            "And your social, please?",
            ["okay five one two four four is the first bit", "then it ends seven seven eight one"],
            "[ssn]",
        ),
        (
            "Card number please.",
            ["it's 4539 1488 so far", "and finally 0343 4413"],
            "[card]",
        ),
        (  # a pause said first, as speech-to-text writes it: no comma
            "What's a good number for you?",
            [
                "two oh six five five five hang on its in my other bag",
                "last bit oh one eight seven",
            ],
            "[phone]",
        ),
        (
            "And your social, please?",
            [
                "five one two",
                "the middle is four four",
                "and the last part is seven seven eight one",
            ],
            "[ssn]",
        ),
    ],
)
def test_pieces_said_to_be_first_and_last_are_joined(
    asked: str, turns: list[str], kind: str
) -> None:
    """dev13's weak spot: words after a piece saying more is to come ("so far", "is the first
    bit") and words opening the next saying it goes on ("then it ends", "and finally", "last
    bit", "the middle is") did not count, and each piece stayed in clear."""
    said = [("assistant", asked)] + [
        turn for text in turns for turn in (("user", text), ("assistant", "Okay, go on."))
    ]
    final = conversation(*said)
    for got in final[1::2]:
        assert kind in got and not any(c.isdigit() for c in got), final
        assert not set(got.split()) & {"one", "two", "four", "five", "seven", "eight"}, final


def test_a_last_four_named_by_it_ends_in_is_no_piece() -> None:
    """ "it ends in 8704" names a number by its last four (a look-alike), it does not go on
    with the number said before it."""
    turns = [
        ("assistant", "What's the work order number?"),
        ("user", "it's 5522 190"),
        ("assistant", "And the phone on the account?"),
        ("user", "it ends in 8704"),
    ]
    assert conversation(*turns)[3] == "it ends in 8704"


def test_the_agents_echo_of_a_phone_piece_is_a_piece_of_it() -> None:
    """dev13: the agent saying back each piece of a phone it asked for ("514... okay,
    next?") left the piece in clear, as cards' and SSNs' echoes are not."""
    turns = [
        ("assistant", "Which number should the crew call about the walk?"),
        ("user", "it's 514 is the first bit"),
        ("assistant", "514... okay, next?"),
        ("user", "continuing 603 so far"),
        ("assistant", "Go on."),
        ("user", "then it ends 5733"),
    ]
    final = conversation(*turns)
    assert final[2] == "[phone]... okay, next?", final
    assert all(not any(c.isdigit() for c in t) for t in final), final


@pytest.mark.parametrize(
    ("asked", "first", "question", "rest", "kind"),
    [
        ("What's your number?", "it's four one five", "And is that a mobile?",
         "yes, it's a cell, seven three nine, two two oh six", "[phone]"),
        ("I need your social security number.", "four five five, nine oh",
         "And is this for the checking or the savings account?",
         "checking, and the rest is three one six four", "[ssn]"),
    ],
)  # fmt: skip
def test_a_yes_no_question_about_the_first_half_does_not_end_the_number(
    asked: str, first: str, question: str, rest: str, kind: str
) -> None:
    """Outside tester 9: the agent asking about the half just said ("is that a mobile?") was
    read as asking for another number, and the answer's words before the rest kept it from
    being joined: both halves stayed in clear in the finished call."""
    turns = [("assistant", asked), ("user", first), ("assistant", question), ("user", rest)]
    final = conversation(*turns)
    assert kind in final[1] and kind in final[3], final
    for got in (final[1], final[3]):
        assert not set(got.replace(",", " ").split()) & {"five", "nine", "six", "four"}, final


def test_a_long_aside_asking_to_wait_between_the_halves_is_passed_over() -> None:
    turns = [
        ("assistant", "What's the best number?"),
        ("user", "four one five, five five five"),
        ("user", "actually hold on let me check because I just switched carriers last month and"
                 " I always mix up the new one"),
        ("user", "yeah zero one three four"),
    ]  # fmt: skip
    final = conversation(*turns)
    assert final[1] == "[phone]" and final[3] == "yeah [phone]", final
