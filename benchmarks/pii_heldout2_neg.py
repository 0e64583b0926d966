"""SECOND HELD-OUT part of benchmarks/pii_corpus.py (`heldout2`): hard negatives and the
family table.

Not read by whoever writes or tunes the redaction rules (see benchmarks/pii_heldout2.py).
"""

from __future__ import annotations

import random

import pii_heldout2 as h2
import pii_heldout2_text as h2t
import pii_speech as sp
from pii_heldout2 import maybe, say
from pii_rows import Benign, Row

ID_WORDS = [
    "confirmation number",
    "booking reference",
    "customer number",
    "case number",
    "work order",
    "RMA number",
    "rewards number",
    "patient ID",
    "student ID",
    "contract number",
    "licence number",
    "subscriber ID",
    "dispatch number",
    "voucher code",
    "transaction reference",
    "warranty number",
]


def _id_said(rng: random.Random, digits: str, row: Row) -> str:
    style = rng.choice(["run", "grouped", "dashed", "words", "pairs"])
    row.tags.add(f"h2.neg.{style}")
    g = [digits[:3], digits[3:6], digits[6:]]
    return {
        "run": digits,
        "grouped": " ".join(g),
        "dashed": "-".join(g),
        "words": say(digits, rng),
        "pairs": ", ".join(sp.pairs(x) for x in g),
    }[style]


def neg_id_voice(rng: random.Random) -> Row:
    """Ten-digit ids a US phone validator accepts, named as what they are."""
    word = rng.choice(ID_WORDS)
    digits = sp.us_ten_digits(rng)
    row = Row("h2.neg_id_voice", set())
    text = _id_said(rng, digits, row)
    if maybe(rng, 0.6):
        row.say(
            "assistant",
            rng.choice(
                [
                    f"Do you have the {word} there?",
                    f"What's the {word}, please?",
                    f"Can you read me your {word}?",
                ]
            ),
        )
        line = rng.choice(["{n}", "yeah it's {n}", "hold on... {n}", "it says {n} on the letter"])
    else:
        line = rng.choice(
            [
                f"I'm calling about {word} {{n}}",
                f"my {word} is {{n}}",
                f"I have a {word}, {{n}}",
                f"{word} {{n}}, it was opened last week",
            ]
        )
    before, after = line.split("{n}")
    row.say("user", before, Benign("id_10_digits", text), after, smart=maybe(rng, 0.5))
    if maybe(rng, 0.4):
        shown = " ".join([digits[:3], digits[3:6], digits[6:]])
        row.say(
            "assistant",
            rng.choice(["Thanks, so that's ", "Let me confirm, "]),
            Benign("id_10_digits", shown),
            rng.choice([".", ", right?"]),
        )
    return row


def neg_json(rng: random.Random) -> Row:
    row = Row("h2.neg_json", {"tool"})
    items: list[str | Benign] = ["{"]
    keys = rng.sample(
        [
            "confirmationNumber",
            "order_no",
            "shipmentId",
            "accountRef",
            "policyNo",
            "sku",
            "ean",
            "created",
            "amount_cents",
            "zip",
            "version",
        ],
        3,
    )
    for i, key in enumerate(keys):
        value, cls = {
            "ean": (sp.luhn_number(rng, "40", 13), "barcode"),
            "created": (str(rng.randint(1_700_000_000, 1_760_000_000)), "timestamp"),
            "amount_cents": (str(rng.randint(10_000, 9_999_999)), "amount"),
            "zip": (f"{rng.randint(10000, 99999)}", "zip"),
            "version": (
                f"{rng.randint(1, 20)}.{rng.randint(0, 12)}.{rng.randint(0, 40)}",
                "version",
            ),
            "sku": (f"{rng.randint(10**7, 10**8 - 1)}", "sku"),
        }.get(key, (sp.us_ten_digits(rng), "json_id"))
        quote = '"' if maybe(rng, 0.6) or cls == "version" else ""
        items += [f'{", " if i else ""}"{key}": {quote}', Benign(cls, value), quote]
    items.append(', "status": "shipped"}')
    row.say("tool", *items)
    if maybe(rng, 0.3):
        row.say("assistant", "I can see the order here, it's on its way.")
    return row


def neg_luhn(rng: random.Random) -> Row:
    kind = rng.choice(["imei", "serial", "tracking", "invoice", "loyalty"])
    prefix = {"imei": "35", "loyalty": rng.choice(["7", "9"]), "tracking": "9"}.get(
        kind, rng.choice(["4", "5", "37"])
    )
    digits = sp.luhn_number(rng, prefix, 15 if kind == "imei" else 16)
    row = Row("h2.neg_luhn", {f"h2.neg.luhn_{kind}"})
    grouped = digits if maybe(rng, 0.5) else " ".join(sp.group(digits, (4, 4, 4, 4)))
    text = grouped if maybe(rng, 0.75) else say(digits, rng)
    line = {
        "imei": ["the IMEI on the box is {n}", "IMEI number, {n}", "it says IMEI {n}"],
        "serial": ["the serial on the back of the unit is {n}", "serial number {n}"],
        "tracking": ["tracking says {n}", "the tracking number is {n}"],
        "invoice": ["invoice {n}, from March", "the invoice number on the bill is {n}"],
        "loyalty": ["my loyalty card is {n}", "the rewards card number is {n}"],
    }[kind]
    before, after = rng.choice(line).split("{n}")
    if maybe(rng, 0.4):
        row.say("assistant", "What does it say on the label?")
    row.say("user", before, Benign(f"luhn_{kind}", text), after, smart=text[0].isdigit())
    return row


def neg_everyday(rng: random.Random) -> Row:
    """Amounts, dates, times, ranges said with "to" / "for", flights, versions, quantities."""
    row = Row("h2.neg_everyday", set())
    pick = rng.choice(["schedule", "money", "flight", "version", "quantity", "range", "table"])
    row.tags.add(f"h2.neg.{pick}")
    n = rng.randint
    if pick == "schedule":
        parts = [
            "we're open ",
            Benign("time", f"{n(7, 9)} to {n(4, 6)}"),
            ", and your slot is ",
            Benign("date", f"{n(1, 12):02d}/{n(10, 28)}/2025"),
            " at ",
            Benign("time", f"{n(1, 11)}:{rng.choice(['15', '30', '45'])}"),
        ]
    elif pick == "money":
        parts = [
            "the balance is ",
            Benign("amount", f"${n(1, 9)},{n(100, 999)}.{n(10, 99)}"),
            ", split into ",
            Benign("quantity", str(n(3, 12))),
            " payments of ",
            Benign("amount", f"{n(40, 400)}.{n(10, 99)}"),
        ]
    elif pick == "flight":
        parts = [
            "you're on flight ",
            Benign("flight", f"{rng.choice(['DL', 'AA', 'TK', 'LH'])} {n(100, 2999)}"),
            " departing ",
            Benign("time", f"{n(1, 12)}:{n(10, 59)}"),
            ", seat ",
            Benign("seat", f"{n(2, 40)}{rng.choice('ABCDEF')}"),
        ]
    elif pick == "version":
        parts = [
            "you're on version ",
            Benign("version", f"{n(2, 17)}.{n(0, 9)}.{n(0, 30)}"),
            ", please update to build ",
            Benign("version", f"{n(2020, 2025)}.{n(1, 12)}.{n(100, 9999)}"),
        ]
    elif pick == "quantity":
        parts = [
            "I need ",
            Benign("quantity", str(n(100, 900))),
            " units of item ",
            Benign("sku", str(n(10**5, 10**6 - 1))),
            " and ",
            Benign("quantity", str(n(2, 24))),
            " boxes of the ",
            Benign("quantity", f"{n(2, 9)}00 ml"),
        ]
    elif pick == "range":
        start = n(2008, 2019)
        parts = [
            "I lived there from ",
            Benign("date", f"{start} to {start + n(1, 5)}"),
            " and paid ",
            Benign("amount", f"{n(900, 2400)} dollars"),
            " a month for ",
            Benign("quantity", f"{n(2, 4)} years"),
        ]
    else:
        parts = [
            "a table for ",
            Benign("quantity", str(n(2, 8))),
            " at ",
            Benign("time", f"{n(6, 9)}:{rng.choice(['00', '30'])}"),
            " on the ",
            Benign("date", ordinal(n(2, 28))),
            ", for ",
            Benign("quantity", f"{n(2, 4)} hours"),
        ]
    row.say(rng.choice(["assistant", "user"]), *parts, ".")
    return row


def ordinal(day: int) -> str:
    return f"{day}{'th' if 10 < day < 14 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


def neg_postcode(rng: random.Random) -> Row:
    row = Row("h2.neg_postcode", set())
    zip_code = f"{rng.randint(1001, 99950):05d}"
    form = rng.choice(["zip", "zip4", "words", "uk", "dk"])
    row.tags.add(f"h2.neg.{form}")
    text = {
        "zip": zip_code,
        "zip4": f"{zip_code}-{rng.randint(1, 9999):04d}",
        "words": say(zip_code, rng),
        "uk": rng.choice(["SW1A 2AA", "M4 1HN", "EH8 9YL"]),
        "dk": f"{rng.randint(1000, 9990)}",
    }[form]
    row.say("assistant", "And the postcode on the account?")
    before, after = rng.choice(["it's {n}", "{n}", "zip is {n}", "{n}, same as before"]).split(
        "{n}"
    )
    row.say("user", before, Benign("zip", text), after, smart=form != "words")
    return row


def neg_shapes(rng: random.Random) -> Row:
    """SSN-shaped part numbers, bank routing numbers, long runs with a phone inside."""
    row = Row("h2.neg_shapes", set())
    form = rng.choice(["part", "routing", "long", "lot"])
    row.tags.add(f"h2.neg.{form}")
    d = h2t.ssn_number(rng)
    text, line = {
        "part": (f"{d[:3]}-{d[3:5]}-{d[5:]}", "the part number is {n}"),
        "lot": (f"{d[:3]} {d[3:5]} {d[5:]}", "lot number {n} on the bottle"),
        "routing": (
            rng.choice(["021000021", "011401533", "091000019", "122105155"]),
            "the routing number is {n}",
        ),
        "long": (long_run(rng), "the usps tracking is {n}"),
    }[form]
    before, after = line.split("{n}")
    row.say("user", before, Benign(form, text), after)
    return row


def long_run(rng: random.Random) -> str:
    """A 22-digit tracking number with a valid US phone number inside it."""
    digits = f"9400{rng.randint(100, 999)}{sp.us_ten_digits(rng)}{rng.randint(10000, 99999)}"
    return digits if maybe(rng, 0.5) else " ".join(sp.group(digits, (4, 4, 4, 4, 4, 2)))


def neg_turn_pairs(rng: random.Random) -> Row:
    """A number ending one turn and one starting the same speaker's next: not one number."""
    row = Row("h2.neg_turn_pairs", set())
    order = str(rng.randint(10**4, 10**6 - 1))
    row.say("user", "the order number is ", Benign("order", order))
    if maybe(rng, 0.5):
        row.say("assistant", rng.choice(h2.NUDGE))
    second = rng.choice(
        [
            f"{rng.randint(2, 12)} of them arrived broken",
            f"{rng.randint(100, 999)} dollars all together",
            f"{rng.randint(1000, 9999)} is the store it came from",
        ]
    )
    head, _, tail = second.partition(" ")
    row.say("user", Benign("quantity", head), " " + tail)
    return row


def neg_sites(rng: random.Random) -> Row:
    row = Row("h2.neg_sites", set())
    site = rng.choice(
        [
            "track dot parcelhub dot com",
            "city water dot gov slash pay",
            "help dot lumen dot io",
            "my account dot telco dot net",
        ]
    )
    lines = [
        ("you can see it anytime at ", "."),
        ("pay online at ", ", it's the quickest"),
        ("we moved, we're now at ", " online"),
    ]
    before, after = rng.choice(lines)
    row.say("assistant", before, Benign("website_at", site), after)
    if maybe(rng, 0.4):
        row.say(
            "user",
            "ok, I'm at ",
            Benign("quantity", f"{rng.randint(5, 95)} percent"),
            " battery so let's be quick",
        )
    return row


# family -> weight (rows per 100)
FAMILIES: dict[str, tuple[h2.Family, int]] = {
    "h2.card_voice": (h2.card_voice, 12),
    "h2.card_turns": (h2.card_turns, 5),
    "h2.card_postcode": (h2.card_postcode, 4),
    "h2.phone_voice": (h2.phone_voice, 13),
    "h2.phone_turns": (h2.phone_turns, 5),
    "h2.email_voice": (h2t.email_voice, 11),
    "h2.iban_voice": (h2t.iban_voice, 5),
    "h2.ssn_voice": (h2t.ssn_voice, 4),
    "h2.tool_json": (h2t.tool_json, 6),
    "h2.mixed_turn": (h2t.mixed_turn, 4),
    "h2.neg_id_voice": (neg_id_voice, 14),
    "h2.neg_json": (neg_json, 6),
    "h2.neg_luhn": (neg_luhn, 7),
    "h2.neg_everyday": (neg_everyday, 8),
    "h2.neg_postcode": (neg_postcode, 4),
    "h2.neg_shapes": (neg_shapes, 5),
    "h2.neg_turn_pairs": (neg_turn_pairs, 4),
    "h2.neg_sites": (neg_sites, 3),
}
