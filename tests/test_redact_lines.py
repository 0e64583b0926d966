"""The business's own lines (`naming.ours`, `naming.fax`): what the agent gives as the
business's number, a fax number, and the caller saying the agent's line back stay in clear,
whatever kind of line they are; a person's number said in the same words stays redacted.
Cases written for these tests, not taken from an evaluation set."""

from __future__ import annotations

import pytest

from tests.redacting import A, U, conversation


@pytest.mark.parametrize(
    "line",
    [
        "The main office number is (206) 555-0143, and ask for scheduling.",
        "For billing questions the direct line is +1 469-715-0106.",
        "If we get cut off, you can call us back on 01298 824577, we're open until eight.",
        "Our fraud team is reachable at +49 331 96089, twenty-four seven.",
        "Perfect, and our callback is +1 214-620-7466, extension 8348.",
    ],
)
def test_the_agent_gives_the_business_line_whatever_kind_it_is(line: str) -> None:
    assert conversation((U, "hi I need to reschedule"), (A, line))[1] == line


@pytest.mark.parametrize(
    "line",
    [
        "Please fax the signed page to (604) 902-5709.",
        "Our fax number is (201) 864-6039.",
        "And the form can be faxed to 01293 063126.",
    ],
)
def test_a_fax_number_is_an_office_line(line: str) -> None:
    assert conversation((U, "where do I send the form"), (A, line))[1] == line


def test_a_caller_s_own_fax_or_line_stays_redacted() -> None:
    out = conversation(
        (A, "Any other way to reach you?"),
        (U, "my fax is 206 555 0188 and you can call us at home on 206 555 0199"),
    )
    assert out[1] == "my fax is [phone] and you can call us at home on [phone]"


def test_the_agent_reading_the_callers_number_is_still_redacted() -> None:
    out = conversation(
        (U, "it's 415 555 0132"),
        (A, "The number we have for you is (415) 555-0132. Is that your direct line?"),
    )
    assert out == [
        "it's [phone]",
        "The number we have for you is [phone]. Is that your direct line?",
    ]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("The main number on your account is (312) 555-0187, still good?", False),
        ("The primary number on your account is 312 555 0187.", False),
        ("The number on the profile is 312 555 0187.", False),
        ("The reference number on your account is 3125550187.", True),
    ],
)
def test_a_number_the_account_holds_is_read_by_its_own_name(line: str, kept: bool) -> None:
    """ "on your account" says where the number is kept, not that it is the account's id:
    the noun before "number" decides (a tester's "main number on your account" leaked)."""
    out = conversation((U, "can you check my details"), (A, line))[1]
    assert (out == line) is kept and ("[phone]" in out) is not kept


def test_the_caller_saying_the_agents_line_back_keeps_it() -> None:
    out = conversation(
        (A, "If we get cut off, you can call us back on (415) 242-4470."),
        (U, "Got it (415) 242-4470, thanks"),
    )
    assert out[1] == "Got it (415) 242-4470, thanks"
    # but the agent saying the caller's number back is the caller's
    out = conversation(
        (U, "call us back on 415 242 4470"),
        (A, "Got it, 415 242 4470."),
    )
    assert out == ["call us back on [phone]", "Got it, [phone]."]


def test_a_number_the_call_is_about_is_a_phone_when_the_talk_is_of_its_line() -> None:
    out = conversation(
        (A, "Thank you for calling FiberNest Internet, how can I help?"),
        (U, "Hi, it's about 954 679 2129, I want to port it out."),
        (U, "and I'm also calling about 0792-428-1242, the refund never came"),
    )
    assert out[1:] == [
        "Hi, it's about [phone], I want to port it out.",
        "and I'm also calling about 0792-428-1242, the refund never came",
    ]


def test_our_records_show_the_callers_number() -> None:
    """ "records" is where a number is kept, not an identifier's name; and the number a tool
    gave with its country code, read back without it, is the same person's."""
    out = conversation(
        (A, '{"name": "find_patient", "arguments": {"mrn": "7434179"}}'),
        ("tool", '{"mrn": "7434179", "mobile": "+16024436010", "dob": "1984-10-10"}'),
        (A, "Our records show (602) 443-6010. Our fax is +1 504-630-8836."),
    )
    assert out[1:] == [
        '{"mrn": "7434179", "mobile": "[phone]", "dob": "1984-10-10"}',
        "Our records show [phone]. Our fax is +1 504-630-8836.",
    ]


def test_a_medical_record_number_is_an_identifier() -> None:
    out = conversation(
        (U, "This is Dr. Okoye's office. We need to reach a patient of yours, Mateo Patel."),
        (A, '{"name": "find_patient", "arguments": {"last_name": "Patel", "mrn": "7434179"}}'),
    )
    assert (
        out[1] == '{"name": "find_patient", "arguments": {"last_name": "Patel", "mrn": "7434179"}}'
    )


def test_the_last_four_of_a_social_asked_after_a_whole_number_is_no_piece_of_it() -> None:
    """Asked after nine digits said whole, "the last four" cannot go on with them: the
    answer is not joined to them as a phone number."""
    out = conversation(
        (U, "My ITIN is 938-81-0975"),
        (A, "Can you confirm the last four digits of your Social?"),
        (U, "Yeah it's 9450"),
    )
    assert out[2] == "Yeah it's 9450"  # the last four of an SSN say nothing alone
    # but after a piece, "and the last four?" asks for the rest of it
    out = conversation((U, "it's 415 555"), (A, "Okay, and the last four?"), (U, "0132"))
    assert out[0] == "it's [phone]" and out[2] == "[phone]"


@pytest.mark.parametrize(
    ("turns", "expected"),
    [
        # a polite clause before it names nothing ("if you need us", "for your patience")
        (
            [(A, "Of course. If you need us, the direct line is 312-794-2261.")],
            ["Of course. If you need us, the direct line is 312-794-2261."],
        ),
        (
            [(A, "Thanks for your patience. The main office number is 312-794-2200.")],
            ["Thanks for your patience. The main office number is 312-794-2200."],
        ),
        # named as the listener's: the caller's number, whoever says it
        (
            [(A, "Our callback number for you is 720 771 4452, is that still right?")],
            ["Our callback number for you is [phone], is that still right?"],
        ),
        (
            [(A, "I'll fax it to your home fax at 503-826-4471.")],
            ["I'll fax it to your home fax at [phone]."],
        ),
        (
            [(U, "the fax at my house is 503-826-4471"), (A, "Faxing to 503-826-4471 now.")],
            ["the fax at my house is [phone]", "Faxing to [phone] now."],
        ),
        # what the call is about: named right before it, an identifier, whatever follows
        (
            [(U, "i'm calling about case 8144209371, i lost my phone and filed a claim")],
            ["i'm calling about case 8144209371, i lost my phone and filed a claim"],
        ),
        (
            [(U, "i'm calling about 214 905 7733, it got ported out yesterday")],
            ["i'm calling about [phone], it got ported out yesterday"],
        ),
    ],
)
def test_whose_line_it_is_is_read_from_its_own_clause(
    turns: list[tuple[str, str]], expected: list[str]
) -> None:
    """Cases after an outside tester (the seventh): each failed on the round's first rules."""
    assert conversation(*turns) == expected


@pytest.mark.parametrize(
    "line",
    [
        "I'd call the dental lab; they're at +1 651 308 4842.",
        "You can reach the imaging center directly at (602) 877-7932; they open at eight.",
        "I'd call the leasing office at the other building; they're at 236 847 6584.",
    ],
)
def test_another_business_one_is_sent_to_keeps_its_line(line: str) -> None:
    """The lab, the centre, the office one is told to call is a business, named with "the";
    a caller's own "Office: ..." line heading their details stays theirs."""
    assert conversation((U, "who do I ask about the bill?"), (A, line))[1] == line
    own = conversation((A, "Best number for you?"), (U, "Office: (469) 880-6755 ext. 6451"))
    assert own[1] == "Office: [phone] ext. 6451"


def test_the_caller_writing_down_another_business_line_keeps_it() -> None:
    out = conversation(
        (A, "I'd call the dental lab; they're at 651-308-4842."),
        (U, "okay let me write that down six five one three oh eight four eight four two"),
    )
    assert out[1] == "okay let me write that down six five one three oh eight four eight four two"


@pytest.mark.parametrize(
    "line",
    [
        "Our email is charters at coralsea dot com dot au.",
        "You can email us at info.team@coralsea.com.au any time.",
        "Send the photos to workshop@bramblehandtine.co.uk please.",
    ],
)
def test_the_agent_gives_the_business_mailbox(line: str) -> None:
    """The agent's "email us at", "our email is", and a business desk's mailbox (the
    workshop, the lab's results) are the business's; the caller's address said back is not."""
    assert conversation((U, "where do I send the pictures?"), (A, line))[1] == line
    back = conversation((A, "I have your email as jane.doe@gmail.com, correct?"))
    assert back == ["I have your email as [email], correct?"]


@pytest.mark.parametrize(
    "line",
    [
        "I'll have our office call you back at 312 648 2291.",
        "The lab will text your results to 617-294-8830.",
        "The imaging center will reach you at (602) 877-7932 tomorrow.",
        "I have the direct line you gave us as 415 555 0132.",
    ],
)
def test_a_business_reaching_the_caller_on_their_number_is_still_redacted(line: str) -> None:
    """A business named near a number keeps it only as that business's line: the number it
    will call, text or reach the caller on, or the caller's own, is the caller's (an outside
    tester's leaks from the business-line rules)."""
    out = conversation((U, "can someone get back to me?"), (A, line))[1]
    assert "[phone]" in out and not any(c.isdigit() for c in out)
    # the caller's "your helpline" is the business's: said by the caller, "your" is its
    kept = "I tried your helpline, (415) 555 0187, and nobody picked up"
    assert conversation((U, kept))[0] == kept


@pytest.mark.parametrize(
    "line",
    [
        "And you'll email us from dana dot wu at gmail dot com?",
        "Our email for the patient is scheduling.jane@gmail.com.",
    ],
)
def test_a_webmail_address_is_a_persons_whoever_says_email_us(line: str) -> None:
    out = conversation((U, "how do I send the form?"), (A, line))[1]
    assert "[email]" in out and "gmail" not in out


@pytest.mark.parametrize(
    ("asked", "said"),
    [
        ("What's your soc number?", "five one two four four seven seven eight one"),
        ("And your S.S. number?", "512 44 7781"),
        ("Verifying now.", '{"ss_number": "512447781"}'),
        ("Verifying now.", '{"soc_sec": "512-44-7781"}'),
    ],
)
def test_other_names_of_a_social(asked: str, said: str) -> None:
    out = conversation((A, asked), (U if "{" not in said else "tool", said))[1]
    assert "[ssn]" in out and "7781" not in out and "seven eight one" not in out


def test_the_number_a_business_will_dial_is_the_callers() -> None:
    out = conversation((U, "So what happens next?"), (A, "The clinic will call 404 882 1137."))
    assert out[1] == "The clinic will call [phone]."


def test_the_callers_work_line_given_as_the_office_is_theirs() -> None:
    out = conversation((A, "And a daytime number?"), (U, "The office, uh, 404 882 1137."))
    assert out[1] == "The office, uh, [phone]."


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("The nurse line is 617 294 8800, they answer around the clock.", True),
        ("The front desk is at 617 294 8800.", True),
        ("And ours is 312 648 2200, if you need us.", True),
        ("I have the home line as 617 294 8800.", False),
        ("Is the best line for you still 617 294 8800?", False),
    ],
)
def test_the_agent_names_a_line_of_the_business_without_our(line: str, kept: bool) -> None:
    out = conversation((U, "who do I call after hours?"), (A, line))[1]
    assert (out == line) is kept


@pytest.mark.parametrize(
    "turns",
    [
        [(U, "My email is the garcias at yahoo dot com")],
        [(A, "Email?"), (U, "the millers at comcast dot net")],
    ],
)
def test_a_households_webmail_after_the_is_an_address(turns: list[tuple[str, str]]) -> None:
    """ "the manager at acme dot com" is a person at a place; "the garcias at yahoo dot com",
    where email is talked of, is a household's address (a tester's leak)."""
    out = conversation(*turns)[-1]
    assert "[email]" in out and "yahoo" not in out and "comcast" not in out
    place = "I bought it at the store at target dot com"
    assert conversation((U, place)) == [place]


@pytest.mark.parametrize(
    ("line", "kept", "redacted"),
    [
        (
            "Our main line is 312 648 2200, and I have your cell as 312 648 2299.",
            "312 648 2200",
            "312 648 2299",
        ),
        (
            "Call us back on 503 728 1900, or we'll try you at 503 728 1977.",
            "503 728 1900",
            "503 728 1977",
        ),
        (
            "The lab is at 919 446 2000; they'll call your line, 919 446 2077.",
            "919 446 2000",
            "919 446 2077",
        ),
    ],
)
def test_a_business_line_sharing_its_first_digits_with_the_callers_is_no_misreading(
    line: str, kept: str, redacted: str
) -> None:
    """Found by outside tester 8: a number two digits from a phone in the same turn was taken
    for that phone read wrong and redacted with it, even where its own words give it to the
    business. A number read twice is one reading of one number; a business's line is not."""
    got = conversation((U, "okay"), (A, line))[1]
    assert kept in got and redacted not in got, got


def test_a_phone_read_wrong_and_again_is_still_redacted_both_times() -> None:
    said = "my cell is 312 648 2299, no sorry, 312 648 2290"
    assert (
        conversation((A, "A number to reach you?"), (U, said))[1]
        == "my cell is [phone], no sorry, [phone]"
    )


@pytest.mark.parametrize(
    "line",
    [
        "For anything else it's 801 586 0816, weekdays nine to five.",
        "The supplier picks up on 713 315 1408, ask for the desk.",
        "Planning at the council, that's 647.410.4653.",
        "The vet who signs the health check is on +1-785-852-9382.",
    ],
)
def test_a_number_the_agent_volunteers_is_a_line_not_the_callers(line: str) -> None:
    """dev13: the agent giving a line of its own accord, with no "our" and no business named
    by a word the rules knew, had it redacted as a person's phone."""
    turns = ((U, "ok thanks, is there anyone else I can ring about it"), (A, line))
    assert conversation(*turns)[1] == line


@pytest.mark.parametrize(
    ("said", "line"),
    [
        ("it's four one five five five five zero one three four", "So that's 415 555 0134."),
        ("my cell is 415 555 0134", "Great, I have 415 555 0134 for you."),
        ("okay", "I've updated your contact number to 415 555 0134."),
        ("okay", "I'll text 415 555 0134 when the van leaves."),
        ("okay", "The mobile on file is 415 555 0134."),
        ("okay", "Is 415 555 0134 still the best number"),
        ("okay", "We can call you back at 415 555 0134, is that okay?"),
    ],
)
def test_a_number_the_agent_ties_to_the_caller_stays_redacted(said: str, line: str) -> None:
    got = conversation((U, said), (A, line))[1]
    assert "0134" not in got and "[phone]" in got, got


def test_a_line_of_an_office_named_by_its_owner_is_the_offices() -> None:
    """Outside tester 8: "Dr. Kim's office; their number is ..." is another business's line,
    as "the dental lab" is; a person's "their number" stays redacted."""
    line = "The referral is to Dr. Kim's office; their number is 503 728 1900."
    assert conversation((U, "who do I call"), (A, line))[1] == line
    mine = "My son's at college, their number is 503 728 1977."
    assert conversation((A, "Anyone else we should call?"), (U, mine))[1] == (
        "My son's at college, their number is [phone]."
    )


def test_a_line_volunteered_after_the_caller_said_other_numbers_is_still_a_line() -> None:
    """The agent's own line after a caller's turn holding some other number (a date, an id)
    is no read-back of it; a read-back of the caller's number, however it was said, is."""
    line = "For anything else it's 801 586 0816, weekdays nine to five."
    asked = "can we move it to the 20th, booking 4471"
    assert conversation((U, asked), (A, line))[1] == line
    spoken = "my cell is eight oh one five eight six oh eight one six"
    got = conversation((A, "A number for the driver?"), (U, spoken), (A, "Got it, 801 586 0816."))
    assert got[2] == "Got it, [phone].", got


def test_a_callers_words_for_the_business_name_its_line() -> None:
    """The caller's "the number on your van", "I tried ringing you on" is the business's
    line; "my", "his", "her" keep a person's."""
    for said in (
        "the number on your van was (919) 850-8736 earlier",
        "i tried ringing you on 7024202804 but it just rang out",
    ):
        assert conversation((A, "How can I help?"), (U, said))[1] == said
    his = "i tried ringing you but my husband says call his cell 702 420 2804"
    assert "2804" not in conversation((A, "How can I help?"), (U, his))[1]
