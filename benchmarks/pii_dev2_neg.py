"""The `dev2` part's look-alikes (numbers and websites that are not PII) and its family table;
its PII families are in benchmarks/pii_dev2.py."""

from __future__ import annotations

import random

import pii_dev2 as d2
import pii_speech as sp
from pii_rows import Benign, Row, maybe


def _id_text(rng: random.Random, digits: str, row: Row) -> str:
    style = rng.choice(["digits", "digits", "words", "pairs"])
    row.tags.add("spoken" if style != "digits" else "written")
    if style == "digits":
        return digits if maybe(rng, 0.6) else f"{digits[:3]} {digits[3:6]} {digits[6:]}"
    groups = [digits[:3], digits[3:6], digits[6:]]
    return d2.read(rng, groups, style, row, 0.2)


def neg_ids(rng: random.Random) -> Row:
    """A 10-digit id a US phone validator accepts, after an id word (asked or said)."""
    word = rng.choice(d2.ID_WORDS)
    digits = sp.us_ten_digits(rng)
    row = Row("d2.neg.ids", set())
    text = _id_text(rng, digits, row)
    row.say("assistant", rng.choice(d2.ID_ASK).replace("{w}", word))
    line = rng.choice(d2.ID_LINES).replace("{w}", word).replace("{c}", rng.choice(d2.CONFIRM))
    before, after = line.split("{n}")
    row.say("user", before, Benign("id_10_digits", text), after, smart="written" in row.tags)
    if maybe(rng, 0.4):
        b, a = rng.choice(d2.READBACK).split("{n}")
        row.say("assistant", b, Benign("id_10_digits", digits), a)
    return row


def neg_id_unasked(rng: random.Random) -> Row:
    """An id said without being asked for, in the middle of a sentence."""
    word = rng.choice(d2.ID_WORDS)
    digits = sp.us_ten_digits(rng) if maybe(rng, 0.7) else f"{rng.randint(10**10, 10**12)}"
    row = Row("d2.neg.id_unasked", set())
    text = _id_text(rng, digits, row)
    lead = rng.choice(["so I got an email about ", "I'm calling about ", "hmm, regarding "])
    row.say("user", f"{lead}{word} ", Benign("id_unasked", text),
            rng.choice([" and nobody called me back", ", it still says pending", ""]),
            smart="written" in row.tags)  # fmt: skip
    return row


def neg_json(rng: random.Random) -> Row:
    row = Row("d2.neg.json", {"tool"})
    key = rng.choice(d2.JSON_ID_KEYS)
    value = Benign("json_id", sp.us_ten_digits(rng))
    parts: list[str | Benign] = ['lookup -> {"', key, '": "', value]
    parts += ['", "opened": "2025-03-14", "priority": 2}']
    row.say("tool", *parts)
    return row


def neg_luhn(rng: random.Random) -> Row:
    """Luhn-valid numbers that are not cards: a device id, a parcel, a gift voucher."""
    what = rng.choice(["device ID", "parcel number", "voucher code", "meter reading"])
    digits = sp.luhn_number(rng, rng.choice(["35", "4", "5", "6"]), rng.choice([15, 16]))
    row = Row("d2.neg.luhn", set())
    text = digits if maybe(rng, 0.6) else " ".join(sp.group(digits, (4, 4, 4, 4)))
    row.say("user", f"the {what} is ", Benign("luhn_id", text), rng.choice(d2.CONFIRM))
    return row


def neg_everyday(rng: random.Random) -> Row:
    """Amounts, years, quantities, addresses, codes: numbers every call has."""
    choices = [
        ("amount", f"${rng.randint(1, 9)},{rng.randint(100, 999)}.{rng.randint(10, 99)}"),
        ("amount", f"{rng.choice(['nineteen', 'twenty four', 'forty nine'])} ninety nine"),
        ("year", str(rng.randint(1995, 2025))),
        ("code", f"{rng.randint(100, 999)} {rng.randint(100, 999)}"),
        ("address", f"{rng.randint(100, 9999)} Maple Avenue"),
        ("quantity", f"{rng.randint(2, 40)} boxes"),
        ("postcode", f"{rng.randint(10000, 99999)}"),
    ]
    (c1, t1), (c2, t2) = rng.sample(choices, 2)
    lines = [
        ("so back in ", " I signed up, and now it says ", ""),
        ("the verification thing said ", " and then ", ", weird"),
        ("it's ", ", then ", " on the invoice"),
    ]
    a, b, c = rng.choice(lines)
    row = Row("d2.neg.everyday", set())
    row.say("user", a, Benign(c1, t1), b, Benign(c2, t2), c)
    return row


def neg_phone_shape(rng: random.Random) -> Row:
    """Ten or eleven digits a phone validator takes, named as something else by a noun no
    rule lists ("locker", "tenant", ...) or by a key of a tool's output."""
    noun = rng.choice(["locker", "donor", "badge", "plate", "unit", "docket", "lot", "kit"])
    digits = sp.us_ten_digits(rng)
    row = Row("d2.neg.phone_shape", set())
    text = _id_text(rng, digits, row)
    row.say("assistant", f"And the {noun} number?")
    row.say("user", rng.choice(["hmm, ", "okay so ", "", "let me see, "]),
            f"the {noun} number is ", Benign("noun_id", text), rng.choice(d2.CONFIRM),
            smart="written" in row.tags)  # fmt: skip
    return row


def neg_claim(rng: random.Random) -> Row:
    digits = sp.ssn(rng)
    text = f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"
    row = Row("d2.neg.claim", set())
    what = rng.choice(["case", "ticket", "policy", "permit"])
    row.say("user", f"the {what} number is ", Benign("claim_ssn_shape", text))
    return row


def neg_site(rng: random.Random) -> Row:
    site = rng.choice(["harbor freight", "brightside", "north star", "acme"])
    row = Row("d2.neg.site", set())
    line = rng.choice(
        [
            ("you can track it at ", " dot com slash orders"),
            ("just sign in at ", " dot com and hit refunds"),
            ("we're open at ", " dot co dot nz for bookings"),
            ("hmm, I looked at ", " dot com yesterday"),
        ]
    )
    row.say("assistant", line[0], Benign("website_at", site), line[1])
    return row


def neg_long(rng: random.Random) -> Row:
    """A long reference number holding a phone-shaped run."""
    digits = f"{rng.randint(10, 99)}{sp.us_ten_digits(rng)}{rng.randint(100, 999)}"
    row = Row("d2.neg.long", set())
    row.say("user", rng.choice(["the barcode under it says ", "the batch is "]),
            Benign("long_run", digits))  # fmt: skip
    return row


# family -> weight (rows per 100)
FAMILIES: dict[str, tuple[d2.Family, int]] = {
    "card_said": (d2.card_said, 14),
    "card_split": (d2.card_split, 7),
    "card_extras": (d2.card_extras, 5),
    "phone_said": (d2.phone_said, 17),
    "phone_split": (d2.phone_split, 8),
    "email_said": (d2.email_said, 13),
    "iban_said": (d2.iban_said, 6),
    "ssn_said": (d2.ssn_said, 5),
    "tool_io": (d2.tool_io, 6),
    "neg_ids": (neg_ids, 15),
    "neg_id_unasked": (neg_id_unasked, 7),
    "neg_json": (neg_json, 6),
    "neg_luhn": (neg_luhn, 7),
    "neg_everyday": (neg_everyday, 8),
    "neg_phone_shape": (neg_phone_shape, 8),
    "neg_claim": (neg_claim, 4),
    "neg_site": (neg_site, 5),
    "neg_long": (neg_long, 4),
}
