"""dev7's look-alikes, and the family table of the part (benchmarks/pii_corpus.py, seed 22011).

Numbers of a phone's or a card's length that are no one's phone or card: order, booking,
tracking, claim, policy, member, invoice, account and routing numbers (some Luhn-valid), IMEIs,
amounts, dates and times read as digits, flight numbers, postcodes, a business's own helpline,
street numbers, quantities, PINs, one-time codes, security codes said alone, versions, years.
"""

from __future__ import annotations

import random

import phonenumbers
import pii_dev7_card
import pii_dev7_other
import pii_dev7_phone
from phonenumbers import PhoneNumberFormat, PhoneNumberType
from pii_dev7_say import chunk, ones, spoken
from pii_rows import Benign, Row, maybe
from pii_speech import luhn_number


def _digits(rng: random.Random, n: int) -> str:
    return rng.choice("123456789") + "".join(rng.choice("0123456789") for _ in range(n - 1))


def _say(rng: random.Random, digits: str) -> str:
    how = rng.choice(["ones", "mixed", "written", "written"])
    return (
        spoken([digits], rng, how)
        if how != "mixed"
        else chunk(digits, rng)
        if len(digits) <= 4
        else spoken([digits[i : i + 3] for i in range(0, len(digits), 3)], rng, "mixed")
    )


IDS = {  # class: (what the caller calls it, lengths)
    "order": (["order number", "order no.", "the order"], [10, 11, 12]),
    "booking": (["booking reference", "booking number", "reservation"], [9, 10]),
    "tracking": (["tracking number", "the parcel's tracking"], [12, 14, 16]),
    "claim": (["claim number", "claim ref"], [10, 11]),
    "policy": (["policy number", "policy"], [10, 12]),
    "member": (["member id", "membership number", "loyalty number"], [9, 10, 11]),
    "invoice": (["invoice", "invoice number"], [10, 13]),
    "account": (["account number", "customer account"], [8, 10, 12]),
    "routing": (["routing number", "sort code and account"], [9]),
}


def an_id(rng: random.Random) -> Row:
    cls = rng.choice(sorted(IDS))
    names, lengths = IDS[cls]
    digits = _digits(rng, rng.choice(lengths))
    row = Row("d7_neg_id", {"negative"})
    text = _say(rng, digits)
    lead, mid = rng.choice(
        [
            ("my ", " is "),
            ("the ", " is "),
            ("it's about ", " "),
            ("I've got the ", ", it's "),
            ("I'm calling about ", " "),
            ("so the ", " on the email says "),
        ]
    )
    row.say(
        "assistant",
        rng.choice(
            [
                "Thanks for holding, what can I sort out for you?",
                "Right, which thing are we looking at?",
                "Have you got any reference to hand for me?",
            ]
        ),
    )
    row.say("user", lead, rng.choice(names), mid, Benign(cls, text), smart=maybe(rng, 0.5))
    return row


def luhn_id(rng: random.Random) -> Row:
    digits = luhn_number(rng, rng.choice(["7", "8", "9", "1"]), rng.choice([15, 16, 19]))
    row = Row("d7_neg_luhn", {"negative"})
    name = rng.choice(["gift card", "loyalty card", "voucher code", "invoice", "library card"])
    text = rng.choice([digits, " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))])
    row.say("user", f"the {name} number is ", Benign("luhn_id", text))
    return row


def imei(rng: random.Random) -> Row:
    digits = luhn_number(rng, rng.choice(["35", "86", "01", "99"]), 15)
    row = Row("d7_neg_imei", {"negative"})
    row.say(
        "assistant", "Under Settings, About, there's a long IMEI, could you read it out for me?"
    )
    text = rng.choice(
        [digits, ones(digits, rng), f"{digits[:2]} {digits[2:8]} {digits[8:14]} {digits[14]}"]
    )
    row.say(
        "user",
        rng.choice(["it says ", "IMEI ", "ok ", ""]),
        Benign("imei", text),
        smart=maybe(rng, 0.5),
    )
    return row


def business_line(rng: random.Random) -> Row:
    region = rng.choice(["GB", "US", "AU", "DE", "FR", "CA", "IE", "NZ"])
    example = phonenumbers.example_number_for_type(region, PhoneNumberType.TOLL_FREE)
    assert example is not None, region
    num = example
    for _ in range(100):
        national = str(example.national_number)
        tail = "".join(rng.choice("0123456789") for _ in range(4))
        candidate = phonenumbers.parse(f"+{example.country_code}{national[:-4]}{tail}")
        if phonenumbers.number_type(candidate) == PhoneNumberType.TOLL_FREE:
            num = candidate
            break
    national = phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL)
    row = Row("d7_neg_helpline", {"negative", f"neg.helpline.{region}"})
    groups = [g for g in national.replace("-", " ").replace("(", "").replace(")", "").split()]
    said = rng.choice([national, spoken(groups, rng, "ones"), spoken(groups, rng, "mixed")])
    who = rng.choice(
        [
            "your helpline",
            "the bank's fraud line",
            "the number on your website",
            "the recall hotline",
        ]
    )
    how = rng.choice(
        [
            (f"I tried {who}, ", ", and nobody picked up"),
            (f"is {who} still ", "?"),
            ("the letter said to ring ", " but it's engaged"),
        ]
    )
    row.say("user", how[0], Benign("business_phone", said), how[1])
    return row


def amount(rng: random.Random) -> Row:
    row = Row("d7_neg_amount", {"negative"})
    big = rng.randint(1000, 99999)
    text = rng.choice(
        [
            f"{big:,}.{rng.randint(0, 99):02d}",
            f"{big} pounds {rng.randint(1, 99)}",
            chunk(str(big)[:4], rng) + " dollars",
        ]
    )
    row.say(
        "user",
        rng.choice(["they charged me ", "the balance says ", "I was quoted "]),
        Benign("amount", text),
    )
    return row


def _hhmm(rng: random.Random, minutes: list[str]) -> str:
    return f"{rng.randint(10, 23)}:{rng.choice(minutes)}"


def date_time(rng: random.Random) -> Row:
    row = Row("d7_neg_date", {"negative"})
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2019, 2027)
    cls, text = rng.choice(
        [
            ("date", f"{d:02d}/{m:02d}/{y}"),
            (
                "date",
                f"{ones(f'{d:02d}', rng)} {ones(f'{m:02d}', rng)} {spoken([str(y)], rng, 'mixed')}",
            ),
            (
                "time",
                f"{_hhmm(rng, ['00', '15', '30', '45'])} to {_hhmm(rng, ['00', '30'])}",
            ),
            ("date", f"{y}{m:02d}{d:02d}"),
        ]
    )
    row.say("assistant", "When did this happen?")
    row.say("user", rng.choice(["it was ", "on ", "between ", "around "]), Benign(cls, text))
    return row


def small(rng: random.Random) -> Row:
    row = Row("d7_neg_small", {"negative"})
    cls, lead, text = rng.choice(
        [
            (
                "flight",
                "my flight was ",
                f"{rng.choice(['BA', 'LH', 'UA', 'EK'])} {rng.randint(100, 9999)}",
            ),
            (
                "postcode",
                "the postcode is ",
                rng.choice(["SW1A 2AA", "90210", "10115", "2000", "M5V 3L9"]),
            ),
            (
                "street",
                "I live at ",
                f"{rng.randint(100, 4999)} {rng.choice(['Oak', 'Elm', 'Mill'])} Road",
            ),
            ("quantity", "we need ", f"{rng.randint(1000, 20000)} units"),
            ("pin", "the pin they sent was ", ones(_digits(rng, 4), rng)),
            (
                "otp",
                "the code I got by text is ",
                rng.choice([_digits(rng, 6), ones(_digits(rng, 6), rng)]),
            ),
            ("cvv", "the three numbers on the back are ", ones(_digits(rng, 3), rng)),
            (
                "version",
                "the app says version ",
                f"{rng.randint(1, 19)}.{rng.randint(0, 40)}.{rng.randint(0, 9)}",
            ),
            (
                "year",
                "I've had the account since ",
                spoken([str(rng.randint(1995, 2024))], rng, "mixed"),
            ),
        ]
    )
    row.say("user", lead, Benign(cls, text), smart=maybe(rng, 0.6))
    return row


def mixed(rng: random.Random) -> Row:
    """An order id and a phone-length reference in one turn, after the caller's own talk."""
    row = Row("d7_neg_two", {"negative"})
    a, b = _digits(rng, 10), _digits(rng, 11)
    row.say("assistant", "Do you have the reference numbers?")
    row.say(
        "user", "order ", Benign("order", a), " and the return label says ", Benign("tracking", b)
    )
    return row


FAMILIES = {
    **pii_dev7_phone.FAMILIES,
    **pii_dev7_card.FAMILIES,
    **pii_dev7_other.FAMILIES,
    "d7_neg_id": (an_id, 17),
    "d7_neg_luhn": (luhn_id, 5),
    "d7_neg_imei": (imei, 4),
    "d7_neg_helpline": (business_line, 4),
    "d7_neg_amount": (amount, 3),
    "d7_neg_date": (date_time, 5),
    "d7_neg_small": (small, 12),
    "d7_neg_two": (mixed, 3),
}
