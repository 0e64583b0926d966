"""dev9 other kinds: cards, IBANs and SSNs, each with its own look-alikes."""

from __future__ import annotations

import random

from pii_dev9_phone import give_phone
from pii_dev9_say import (
    card_text,
    fix,
    grouped,
    iban_text,
    int_words,
    make_card,
    make_iban,
    make_ssn,
    pair_words,
    rand_digits,
    say_number,
    spoken_digits,
    ssn_text,
)
from pii_rows import Benign, Pii, Row, maybe, raw


def _r(text: str, smart: bool) -> str:
    return text if smart else raw(text)


def card(rng: random.Random) -> Row:
    row = Row("d9.other.card")
    smart = maybe(rng, 0.5)
    net, number = make_card(rng)
    row.tags.add(f"card.network.{net}")
    style = rng.random()
    if style < 0.3:
        row.tags.add("lookalike.gift_card")
        gift = rand_digits(rng, 16, "0123456789")
        row.say(
            "user",
            "I want to use a gift card first, it's ",
            Benign("gift_card", fix(say_number(rng, gift, smart, [4, 4, 4, 4]), smart)),
            ".",
            smart=smart,
        )
        row.say("assistant", "Thanks, that covers part of it. And the card for the rest?")
    elif style < 0.55:
        row.tags.add("lookalike.masked_card")
        row.say(
            "assistant",
            "I can see a card ending in ",
            Benign("masked_card", rand_digits(rng, 4, "0123456789")),
            " on file. Would you like to use that one?",
        )
        row.say("user", "No, that's expired, I'll give you a new one.", smart=smart)
    else:
        row.tags.add("lookalike.order_id")
        row.say(
            "user",
            "It's about order ",
            Benign("order_id", fix(say_number(rng, rand_digits(rng, 10), smart), smart)),
            ", I need to pay the balance.",
            smart=smart,
        )
        row.say("assistant", "Sure, what's the long number on the card?")
    row.say(
        "user",
        rng.choice(["It's ", "OK, ", "Card number is "]),
        Pii("card", _r(card_text(rng, number, smart), smart)),
        ".",
        smart=smart,
    )
    mm, yy = rng.randint(1, 12), rng.randint(26, 31)
    exp = f"{mm:02d}/{yy}" if smart else f"{pair_words(f'{mm:02d}')} {int_words(yy)}"
    row.say("assistant", "And the expiry date and security code?")
    row.say(
        "user",
        "Expiry ",
        Benign("expiry", fix(exp, smart)),
        " and the code is ",
        Benign(
            "cvv",
            fix(
                say_number(
                    rng,
                    rand_digits(rng, 4 if net == "amex" else 3, "0123456789"),
                    smart,
                    spoken_p=0.6,
                ),
                smart,
            ),
        ),
        ".",
        smart=smart,
    )
    row.say(
        "assistant",
        "Thank you, that's gone through. Your authorisation code is ",
        Benign("auth_code", rand_digits(rng, 6)),
        ".",
    )
    if maybe(rng, 0.35):
        give_phone(rng, row, smart, readback=0.3, ask="And a phone number for the receipt text?")
    return row


def iban(rng: random.Random) -> Row:
    row = Row("d9.other.iban")
    smart = maybe(rng, 0.55)
    country, number = make_iban(rng)
    row.tags.add(f"iban.country.{country}")
    row.say("assistant", "What account should we send the refund to? An IBAN is fine.")
    row.say(
        "user",
        rng.choice(["It's ", "OK, the IBAN is ", "Sure, "]),
        Pii("iban", _r(iban_text(rng, number, smart), smart)),
        ".",
        smart=smart,
    )
    style = rng.random()
    if style < 0.35:
        row.tags.add("lookalike.bic")
        bic = rng.choice(
            ["DEUTDEFF", "BNPAFRPP", "NWBKGB2L", "INGBNL2A", "UBSWCHZH80A", "NDEANOKK"]
        )
        row.say("assistant", "And the BIC?")
        row.say(
            "user",
            "",
            Benign("bic", fix(bic if smart else " ".join(bic.lower()), smart)),
            ".",
            smart=smart,
        )
    elif style < 0.7:
        row.tags.add("lookalike.payment_ref")
        row.say(
            "assistant",
            "Thanks. Please quote reference ",
            Benign("payment_ref", grouped(rand_digits(rng, 12), [4, 4, 4])),
            " if you contact your bank.",
        )
    else:
        row.tags.add("lookalike.invoice_no")
        row.say(
            "user",
            "The invoice was ",
            Benign("invoice_no", fix(say_number(rng, rand_digits(rng, 9), smart), smart)),
            ".",
            smart=smart,
        )
    if maybe(rng, 0.4):
        row.say(
            "assistant",
            "Let me confirm the IBAN: ",
            Pii("iban", " ".join(number[i : i + 4] for i in range(0, len(number), 4))),
            ".",
        )
    if maybe(rng, 0.3):
        give_phone(rng, row, smart, readback=0.2)
    return row


def ssn(rng: random.Random) -> Row:
    row = Row("d9.other.ssn")
    smart = maybe(rng, 0.5)
    number = make_ssn(rng)
    style = rng.random()
    if style < 0.35:
        row.tags.add("lookalike.last4_ssn")
        row.say("assistant", "Just the last four of your social, to confirm?")
        row.say(
            "user",
            "",
            Benign("last4_ssn", fix(say_number(rng, number[5:], smart, [4], 0.6), smart)),
            ".",
            smart=smart,
        )
        row.say("assistant", "That doesn't match. Could you give me the full number?")
    elif style < 0.65:
        row.tags.add("lookalike.tax_id")
        ein = rand_digits(rng, 9)
        row.say(
            "user",
            "For the business it's the EIN, ",
            Benign(
                "tax_id",
                fix(
                    f"{ein[:2]}-{ein[2:]}"
                    if smart
                    else spoken_digits(ein, rng, [2, 7], smart=False),
                    smart,
                ),
            ),
            ", but for me personally you want my social.",
            smart=smart,
        )
        row.say("assistant", "Yes, your personal one please.")
    else:
        row.tags.add("lookalike.member_id")
        row.say(
            "user",
            "My Medicare card has a number ",
            Benign(
                "member_id",
                fix(
                    rand_digits(rng, 1)
                    + rng.choice("ACDEFGHJK")
                    + rand_digits(rng, 2, "0123456789")
                    + "-"
                    + rng.choice("ACDEF")
                    + rand_digits(rng, 2, "0123456789")
                    + "-"
                    + rng.choice("ACDEF")
                    + rand_digits(rng, 2, "0123456789"),
                    smart,
                ),
            ),
            ", do you need that or my social?",
            smart=smart,
        )
        row.say("assistant", "The Social Security number please.")
    row.say(
        "user",
        rng.choice(["It's ", "Sure, ", "OK, "]),
        Pii("ssn", _r(ssn_text(rng, number, smart), smart)),
        ".",
        smart=smart,
    )
    if maybe(rng, 0.3):
        row.say(
            "assistant",
            "Thank you, I have ",
            Pii("ssn", f"{number[:3]}-{number[3:5]}-{number[5:]}"),
            ".",
        )
    else:
        row.say("assistant", "Thanks, I've verified your identity.")
    if maybe(rng, 0.3):
        give_phone(rng, row, smart, readback=0.2)
    return row


FAMILIES = {
    "d9.other.card": (card, 0.07),
    "d9.other.iban": (iban, 0.065),
    "d9.other.ssn": (ssn, 0.065),
}
