"""The `dev3` part's look-alikes and its family table; its PII families are in
benchmarks/pii_dev3.py."""

from __future__ import annotations

import random

import phonenumbers
import pii_dev3 as d3
import pii_speech as sp
from pii_rows import Benign, Row, maybe

ROLES = ["orders", "billing", "support", "help", "returns", "info", "sales", "bookings",
         "accounts", "hello", "careers", "noreply"]  # fmt: skip
SHOPS = ["acme", "northwind", "greenleaf", "harbor tools", "pixel print", "sunny side"]


def neg_role_address(rng: random.Random) -> Row:
    """A business's own mailbox, said by the agent or read from a letter: not a person's."""
    role, shop = rng.choice(ROLES), rng.choice(SHOPS)
    ending = rng.choice([" dot com", " dot co dot uk", " dot io", " dot com"])
    text = f"{role} at {shop}{ending}"
    row = Row("d3.neg.role_address", set())
    who = rng.choice(["assistant", "assistant", "user"])
    line = {
        "assistant": ["You can forward the receipt to ", "Our team reads ", "Just email "],
        "user": ["I already wrote to ", "the letter says to contact ", "I cc'd "],
    }[who]
    row.say(who, rng.choice(line), Benign("role_address", text),
            rng.choice([" and we'll sort it.", ", nobody answered.", "."]))  # fmt: skip
    return row


def neg_at_place(rng: random.Random) -> Row:
    """ "at" before a place, a time or a website: no address."""
    choices = [
        ("I'm at ", "gate b twelve", " right now"),
        ("we met at ", "the harbor cafe", " last week"),
        ("it's listed at ", "greenleaf dot com slash deals", ""),
        ("see the form at ", "pixel print dot io", " under support"),
        ("I'll be at ", "home", " after six"),
        ("I bought it at ", "harbor tools", " on main street"),
        ("the price at ", "costco dot com", " was lower"),
    ]
    before, text, after = rng.choice(choices)
    row = Row("d3.neg.at_place", set())
    row.say("user", before, Benign("at_place", text), after)
    return row


def neg_far_serial(rng: random.Random) -> Row:
    """A Luhn-valid 15-16 digit serial or IMEI named several words before the number."""
    what = rng.choice(["the serial printed under the modem", "the IMEI on the box it came in",
                       "the code on the back of my router",
                       "the warranty sticker on the fridge"])  # fmt: skip
    digits = sp.luhn_number(rng, rng.choice(["35", "4", "51", "6"]), rng.choice([15, 16]))
    spoken = maybe(rng, 0.4)
    text = (
        " ".join(d3._said(g, rng) for g in sp.group(digits, (4, 4, 4, 4)))
        if spoken
        else (digits if maybe(rng, 0.5) else " ".join(sp.group(digits, (4, 4, 4, 4))))
    )
    row = Row("d3.neg.far_serial", {"spoken" if spoken else "written"})
    row.say("user", f"{what}, {rng.choice(['it says', 'reads', 'shows'])} ",
            Benign("luhn_serial", text), rng.choice(d3.ENDS), smart=not spoken)  # fmt: skip
    return row


def neg_foreign_id(rng: random.Random) -> Row:
    """An id that a country's phone validator accepts, named as an id."""
    region = rng.choice(["FR", "GB", "AU", "NL", "DE", "IT"])
    number = sp.phone(rng, region, maybe(rng, 0.5))
    digits = phonenumbers.national_significant_number(number)
    text = digits if maybe(rng, 0.5) else "0" + digits
    noun = rng.choice(["membership", "parcel", "claim", "loyalty card", "meter", "student"])
    row = Row("d3.neg.foreign_id", set())
    row.say("assistant", f"Can I take the {noun} number?")
    row.say("user", rng.choice(["sure, ", "", "erm, "]), f"the {noun} number is ",
            Benign("foreign_id", text), rng.choice(d3.ENDS))  # fmt: skip
    return row


def neg_phone_talk(rng: random.Random) -> Row:
    """Talk of phones near a number that is not one: a bill, a model, an order."""
    choices = [
        ("my phone bill was ", f"${rng.randint(40, 200)}.{rng.randint(10, 99)}", " this month"),
        ("I called about order ", f"{rng.randint(10**7, 10**8 - 1)}", " twice already"),
        ("the phone is a model ", f"{rng.randint(1000, 9999)}", ", the old one"),
        ("my mobile plan renews on ", f"{rng.randint(1, 12)}/{rng.randint(1, 28)}", ""),
        ("you rang me at ", f"{rng.randint(1, 11)}:{rng.randint(10, 59)}", " yesterday"),
        ("text me the code for ticket ", f"{sp.us_ten_digits(rng)}", " please"),
    ]
    before, text, after = rng.choice(choices)
    row = Row("d3.neg.phone_talk", set())
    row.say("user", before, Benign("phone_talk_number", text), after)
    return row


def neg_reference(rng: random.Random) -> Row:
    """A 10-11 digit reference read in groups, its noun more than two words before it."""
    digits = sp.us_ten_digits(rng) if maybe(rng, 0.6) else str(rng.randint(10**10, 10**11 - 1))
    spoken = maybe(rng, 0.4)
    groups = [digits[:3], digits[3:6], digits[6:]]
    text = ", ".join(d3._said(g, rng) for g in groups) if spoken else " ".join(groups)
    what = rng.choice(["the reference on the letter from you guys",
                       "the account they opened for me", "the case the last agent gave me",
                       "the booking from march"])  # fmt: skip
    row = Row("d3.neg.reference", {"spoken" if spoken else "written"})
    row.say("user", f"{what} is ", Benign("far_id", text), rng.choice(d3.ENDS), smart=not spoken)
    return row


# family -> weight (rows per 100)
FAMILIES: dict[str, tuple[d3.Family, int]] = {
    "email_styles": (d3.email_styles, 20),
    "phone_national": (d3.phone_national, 17),
    "phone_split": (d3.phone_split, 6),
    "card_split": (d3.card_split, 4),
    "iban_or_ssn": (d3.iban_or_ssn, 3),
    "neg_role_address": (neg_role_address, 10),
    "neg_at_place": (neg_at_place, 7),
    "neg_far_serial": (neg_far_serial, 9),
    "neg_foreign_id": (neg_foreign_id, 10),
    "neg_phone_talk": (neg_phone_talk, 7),
    "neg_reference": (neg_reference, 7),
}
