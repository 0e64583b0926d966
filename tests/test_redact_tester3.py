"""Cases from a third outside tester (hostile, briefed with the README and the user-facing
part of docs/redaction.md only), fixed in the eighth round. Each asserts what reaches the
payload, final and live."""

from __future__ import annotations

import pytest

from tests.redacting import redact


def both(*turns: tuple[str, str]) -> tuple[list[str], list[str]]:
    payload = {
        "call": {"externalId": "x"},
        "transcript": {"turns": [{"role": r, "content": c} for r, c in turns]},
    }
    final = [t["content"] for t in redact(payload)["transcript"]["turns"]]
    live = [t["content"] for t in redact.live(payload)["transcript"]["turns"]]
    return final, live


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my cc number is 4526 0181 5908 3012", "my cc number is [card]"),
        ('pay({"cc_number": "4526018159083012", "amount": "19.99"})',
         'pay({"cc_number": "[card]", "amount": "19.99"})'),
        ('get_wallet() -> {"pan_number": "4526 0181 5908 3012"}',
         'get_wallet() -> {"pan_number": "[card]"}'),
        ('lookup() -> {"name": "Ann", "card_on_file": "5166-1318-6091-3906"}',
         'lookup() -> {"name": "Ann", "card_on_file": "[card]"}'),
        ("my tax ID is 372-58-1946", "my tax ID is [ssn]"),
        ('verify_identity({"taxId": "372-58-1946"})', 'verify_identity({"taxId": "[ssn]"})'),
        ("you can get me on 07911 123456 after five", "you can get me on [phone] after five"),
        ("call me on 415 555 2671 after six", "call me on [phone] after six"),
        ("my home number is 555 2671, area code 415", "my home number is [phone]"),
    ],
)  # fmt: skip
def test_a_card_ssn_or_phone_the_tester_found_in_clear(text: str, expected: str) -> None:
    final, live = both(("user", text), ("assistant", "Thanks, noted that."))
    assert final[0] == expected
    # live, a time ending the speaker's latest turn may still be held ("after [number]")
    assert live[0].replace("[number]", "five" if text.endswith("five") else "six") == expected
    assert live[0].startswith(expected.split("[", maxsplit=1)[0] + "[")


def test_a_card_read_back_with_a_wrong_digit_is_the_card() -> None:
    final, _ = both(
        ("user", "my card is 4526 0181 5908 3012"),
        ("assistant", "That's 4526 0181 5980 3012?"),
    )
    assert final == ["my card is [card]", "That's [card]?"]


@pytest.mark.parametrize(
    ("first", "aside", "second", "kind"),
    [
        ("4526 0181", "sorry, let me grab my glasses, they're in the other room", "5908 3012",
         "[card]"),
        ("415 555", "hang on, my dog is barking at the mailman again", "2671", "[phone]"),
    ],
)  # fmt: skip
def test_a_longer_aside_asking_to_wait_is_passed_over(
    first: str, aside: str, second: str, kind: str
) -> None:
    final, live = both(
        ("assistant", "Your card number, or a phone number?"),
        ("user", first),
        ("assistant", "mm-hm"),
        ("user", aside),
        ("assistant", "take your time"),
        ("user", f"okay, {second}"),
    )
    for out in (final, live):
        assert out[1] == kind and out[5] == f"okay, {kind}", out


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("What's the IMEI on your phone?", "35 209900 176148 1"),
        ("I see you called from your mobile. What's your account?", "it's 71 5532 0981"),
        ("Thanks for confirming your social. Now what's your claim number?", "372 58 1947"),
        ("How can I help?", "Our store's number is 415-555-2671 if you need it."),
    ],
)
def test_a_look_alike_the_tester_found_destroyed_stays(question: str, answer: str) -> None:
    final, _ = both(("assistant", question), ("user", answer))
    assert final[1] == answer


def test_a_loyalty_number_read_in_two_halves_is_no_card() -> None:
    final, _ = both(
        ("assistant", "What's your loyalty number?"),
        ("user", "4526 0181"),
        ("assistant", "mm-hm"),
        ("user", "5908 3012"),
    )
    assert final[1] == "4526 0181" and final[3] == "5908 3012"


@pytest.mark.parametrize(
    ("first", "reply", "second", "kind"),
    [
        ("4526 0181, wait do you take visa debit cards?", "Yes we do.", "okay then 5908 3012",
         "[card]"),
        ("415 555, or should I give you my work number instead?", "Your cell is fine.",
         "okay, 2671", "[phone]"),
    ],
)  # fmt: skip
def test_a_question_asked_after_a_numbers_first_half_still_joins_it(
    first: str, reply: str, second: str, kind: str
) -> None:
    """The caller stops mid-number to ask something (set off by a comma, up to 12 words):
    the first half was left in clear, final and live."""
    final, live = both(
        ("assistant", "Your card or your number, please."),
        ("user", first),
        ("assistant", reply),
        ("user", second),
    )
    for out in (final, live):
        assert out[1].startswith(kind + ",") and out[3].endswith(kind), out
