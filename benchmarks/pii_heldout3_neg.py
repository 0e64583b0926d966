"""THIRD HELD-OUT part (`heldout3`): look-alikes (hard negatives) and the family table. Not for
rule authors (see benchmarks/pii_heldout3.py)."""

from __future__ import annotations

import json
import random

import pii_heldout3 as h3
import pii_heldout3_calls as h3c
import pii_heldout3_text as h3t
import pii_heldout3_voice as h3v
import pii_speech as sp
from pii_heldout3 import NUDGES, pick, read_groups, spoken
from pii_rows import Benign, Row, maybe

ID_WORDS = [
    "loyalty number",
    "membership number",
    "account number",
    "confirmation code",
    "reference",
    "case number",
    "booking reference",
    "policy number",
    "work order",
    "RMA number",
    "patient ID",
    "meter number",
    "subscriber ID",
    "voucher number",
    "warranty number",
    "locker code",
    "student number",
    "lot number",
]


def digits_of(rng: random.Random, n: int) -> str:
    return rng.choice("123456789") + "".join(rng.choice("0123456789") for _ in range(n - 1))


def neg_ids(rng: random.Random) -> Row:
    """Account-like ids: ten digits that a US phone check accepts, and other lengths."""
    row = Row("h3.neg_ids")
    word = pick(rng, ID_WORDS)
    n = rng.choice([10, 10, 10, 8, 9, 11, 12, 13])
    value = sp.us_ten_digits(rng) if n == 10 else digits_of(rng, n)
    row.tags.add(f"h3.neg.len{n}")
    style = rng.choice(["digits", "grouped", "words", "pairs", "dashed"])
    text = {
        "digits": value,
        "grouped": " ".join(value[i : i + 3] for i in range(0, n, 3)),
        "dashed": f"{value[:3]}-{value[3:6]}-{value[6:]}",
        "words": read_groups([value[i : i + 3] for i in range(0, n, 3)], rng, "words"),
        "pairs": read_groups([value[i : i + 2] for i in range(0, n, 2)], rng, "pairs"),
    }[style]
    if maybe(rng, 0.4):
        row.say("assistant", f"Could you read out the {word} on the letter?")
        row.say(
            "user",
            pick(rng, ["yeah it's ", "sure ", "", "got it, "]),
            Benign("id", text),
            smart=style != "words",
        )
    else:
        row.say("user", Benign("id", text), f" is my {word}", smart=style not in ("words", "pairs"))
    if maybe(rng, 0.3):
        row.say("assistant", f"Thanks, I've pulled up {word} ", Benign("id", value), ".")
    return row


def neg_luhn(rng: random.Random) -> Row:
    """Numbers that pass Luhn and are not cards: invoices, IMEIs, device serials."""
    row = Row("h3.neg_luhn")
    what = rng.choice(["invoice", "imei", "imei", "serial"])
    if what == "imei":
        value = sp.luhn_number(rng, rng.choice(["35", "86", "01", "99"]), 15)
        text = rng.choice(
            [value, f"{value[:2]} {value[2:8]} {value[8:14]} {value[14]}", spoken(value, rng)]
        )
        row.say("assistant", "What's the IMEI of the handset? Dial star hash zero six hash.")
        row.say(
            "user",
            pick(rng, ["the IMEI is ", "okay it says ", "", "it shows "]),
            Benign("imei", text),
            smart=text[0].isdigit(),
        )
    else:
        value = sp.luhn_number(rng, rng.choice("123456789"), rng.choice([15, 16]))
        text = " ".join(value[i : i + 4] for i in range(0, len(value), 4))
        noun = "invoice number" if what == "invoice" else "serial on the router"
        row.say("user", f"the {noun} is ", Benign(what, text if maybe(rng, 0.5) else value))
    return row


MONTHS = "January February March April May June July August September October November December"


def neg_everyday(rng: random.Random) -> Row:
    """Dates, amounts, times, versions and addresses in one or two turns."""
    row = Row("h3.neg_everyday")
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2019, 2027)
    cents = rng.randint(100, 999_999)
    pieces = [
        ("date", f"{m:02d}/{d:02d}/{y}"),
        ("date", f"{y}-{m:02d}-{d:02d}"),
        ("date", f"the {d}th of {MONTHS.split()[m - 1]} {y}"),
        ("amount", f"${cents // 100:,}.{cents % 100:02d}"),
        ("amount", f"{h3.thousands(str(rng.randint(1000, 9999)), rng)} dollars"),
        ("amount", f"€{cents // 100:,}"),
        ("time", f"{rng.randint(1, 12)}:{rng.choice(['00', '15', '30', '45'])} pm"),
        ("time", f"{rng.randint(10, 23)}{rng.choice(['00', '30'])} hours"),
        ("version", f"{rng.randint(1, 19)}.{rng.randint(0, 12)}.{rng.randint(0, 40)}"),
        (
            "address",
            f"{rng.randint(100, 99999)} {pick(rng, ['Burnside', 'Kingsway', 'Alder'])} Road",
        ),
        ("zip", f"{rng.randint(1001, 99950):05d}"),
        ("quantity", f"{rng.randint(10, 99)},{rng.randint(100, 999)} miles"),
    ]
    a, b = rng.sample(pieces, 2)
    carriers = {
        "date": "it was delivered on ",
        "amount": "they charged me ",
        "time": "call me after ",
        "version": "the app says version ",
        "address": "ship it to ",
        "zip": "my zip is ",
        "quantity": "the car has ",
    }
    row.say(
        "user",
        carriers[a[0]],
        Benign(a[0], a[1]),
        pick(rng, [", and ", ". also ", " "]),
        carriers[b[0]],
        Benign(b[0], b[1]),
    )
    if maybe(rng, 0.4):
        row.say("assistant", "Noted: ", Benign(a[0], a[1]), ".")
    return row


def neg_tracking(rng: random.Random) -> Row:
    row = Row("h3.neg_tracking")
    kind = rng.choice(["ups", "usps", "fedex", "dhl"])
    if kind == "ups":
        body = "".join(rng.choice("0123456789ABCDEFGHJ") for _ in range(6)) + digits_of(rng, 10)
        value = f"1Z{body}"
    elif kind == "usps":
        value = "9400" + "".join(rng.choice("0123456789") for _ in range(18))
        value = " ".join(value[i : i + 4] for i in range(0, 22, 4))
    elif kind == "fedex":
        value = digits_of(rng, 12)
    else:
        value = sp.us_ten_digits(rng)
    row.tags.add(f"h3.neg.{kind}")
    row.say("assistant", "Do you have the tracking number handy?")
    row.say("user", f"yes the {kind.upper()} one, ", Benign("tracking", value))
    if maybe(rng, 0.5):
        row.say(
            "tool",
            f"track_parcel({json.dumps({'tracking': value})}) -> ",
            '{"status": "in transit", "eta": "',
            Benign("date", f"2026-12-{rng.randint(8, 20):02d}"),
            '"}',
        )
    return row


SITES = [
    ("help dot kestrel dot studio", "at"),
    ("www dot brightwater dot org dot uk", "at"),
    ("oakmont h v a c dot com slash schedule", "on"),
    ("status dot zelto dot io", "at"),
    ("lakeside dental dot com slash forms", "at"),
    ("portal dot northfield dot e d u", "on"),
]


def neg_sites(rng: random.Random) -> Row:
    """A website said with 'at' and 'dot': not an email address."""
    row = Row("h3.neg_sites")
    site, prep = rng.choice(SITES)
    row.say(
        "assistant",
        rng.choice(
            [
                f"You can also book online {prep} ",
                f"The form is {prep} ",
                f"Check the outage map {prep} ",
            ]
        ),
        Benign("website", site),
        ".",
    )
    if maybe(rng, 0.5):
        row.say("user", "so that's ", Benign("website", site), " right?", smart=False)
    return row


def neg_readbacks(rng: random.Random) -> Row:
    """Last-four readbacks and masked numbers: what stays when a number is redacted."""
    row = Row("h3.neg_readbacks")
    last = f"{rng.randint(0, 9999):04d}"
    how = rng.randrange(4)
    if how == 0:
        row.say("assistant", "I see two cards. The one ending in ", Benign("card_last4", last), "?")
        row.say(
            "user", "yeah the one ending ", Benign("card_last4", spoken(last, rng)), smart=False
        )
    elif how == 1:
        row.say("assistant", "For security, the last four of your social?")
        row.say("user", Benign("ssn_last4", rng.choice([last, spoken(last, rng)])))
    elif how == 2:
        masked = rng.choice(
            [f"************{last}", f"•••• •••• •••• {last}", f"XXXX-XXXX-XXXX-{last}"]
        )
        row.say(
            "tool", 'get_wallet() -> {"cards": [{"pan": "', Benign("masked_card", masked), '"}]}'
        )
    else:
        row.say(
            "user",
            "it's the amex that ends in ",
            Benign("card_last4", f"{last[:3]}1"),
            " not the visa",
        )
    return row


def aba(rng: random.Random) -> str:
    while True:
        body = rng.choice(["0", "1", "2", "3"]) + "".join(
            rng.choice("0123456789") for _ in range(7)
        )
        for last in "0123456789":
            n = body + last
            w = sum(int(n[i]) * (3, 7, 1)[i % 3] for i in range(9))
            if w % 10 == 0:
                return n


def neg_nine(rng: random.Random) -> Row:
    """Nine digits that are not a social: routing numbers, claim and part numbers, EINs."""
    row = Row("h3.neg_nine")
    what = rng.choice(["routing", "claim", "part", "ein"])
    if what == "routing":
        value = aba(rng)
        row.say("user", "the routing number is ", Benign("routing", value))
    elif what == "claim":
        v = sp.ssn(rng)
        row.say(
            "user",
            "claim number ",
            Benign("claim", f"{v[:3]}-{v[3:5]}-{v[5:]}"),
            " from the adjuster",
        )
    elif what == "part":
        v = sp.ssn(rng)
        row.say(
            "assistant",
            "The replacement part is ",
            Benign("part", f"{v[:3]} {v[3:5]} {v[5:]}"),
            ".",
        )
    else:
        v = digits_of(rng, 9)
        row.say("user", "our company EIN is ", Benign("ein", f"{v[:2]}-{v[2:]}"))
    return row


def neg_split(rng: random.Random) -> Row:
    """An id said over two turns, with a nudge between (it must stay whole)."""
    row = Row("h3.neg_split")
    value = sp.us_ten_digits(rng) + (digits_of(rng, 2) if maybe(rng, 0.4) else "")
    cut = rng.randrange(4, len(value) - 3)
    word = pick(rng, ID_WORDS)
    row.say("user", f"my {word} is ", Benign("id", value[:cut]))
    row.say("assistant", pick(rng, NUDGES))
    row.say("user", Benign("id", value[cut:]))
    return row


def neg_typed(rng: random.Random) -> Row:
    """Typed look-alikes with the characters of a phone keyboard."""
    row = Row("h3.neg_typed")
    what = rng.randrange(4)
    if what == 0:
        value = h3t.fullwidth(sp.us_ten_digits(rng))
        row.say("user", "order #", Benign("order", value), " still not here")
    elif what == 1:
        euros, cents = f"{rng.randint(1, 9)}{h3t.NBSP}{rng.randint(100, 999)}", rng.randint(0, 99)
        value = f"{euros},{cents:02d}{h3t.NBSP}€"
        row.say("user", "you charged me ", Benign("amount", value), " twice!!")
    elif what == 2:
        value = f"{rng.randint(1, 28):02d}{h3t.EN}{rng.randint(1, 12):02d}{h3t.EN}2026"
        row.say("user", "appointment on ", Benign("date", value), " pls")
    else:
        v = sp.us_ten_digits(rng)
        value = f"{v[:4]}{h3t.THIN}{v[4:7]}{h3t.THIN}{v[7:]}"
        row.say("user", "ref: ", Benign("id", value))
    return row


def neg_json(rng: random.Random) -> Row:
    """Tool output full of ids, timestamps and amounts."""
    row = Row("h3.neg_json")
    tool = pick(rng, ["get_order", "lookup_account", "list_invoices", "get_ticket", "get_booking"])
    key, other = rng.sample(
        [
            "order_id",
            "account_id",
            "member_no",
            "ticket_id",
            "invoice_no",
            "ref",
            "contract",
            "loyalty_id",
            "device_id",
        ],
        2,
    )
    first, second = sp.us_ten_digits(rng), rng.choice([sp.us_ten_digits(rng), digits_of(rng, 12)])
    ts = str(rng.randint(1_700_000_000_000, 1_800_000_000_000))
    pieces: list[str | Benign] = [
        f'{tool}({{"{key}": "',
        Benign("json_id", first),
        f'"}}) -> {{"{other}": "',
        Benign("json_id", second),
        '"',
    ]
    if maybe(rng, 0.5):
        pieces += [', "updated_ms": ', Benign("timestamp", ts)]
    if maybe(rng, 0.5):
        pieces += [
            ', "total": "',
            Benign("amount", f"{rng.randint(5, 2999)}.{rng.randint(0, 99):02d}"),
            '"',
        ]
    pieces.append(f', "status": "{pick(rng, ["open", "shipped", "closed", "pending"])}"}}')
    row.say("tool", *pieces)
    return row


FAMILIES: dict[str, tuple[h3.Family, int]] = {
    "h3.card_said": (h3.card_said, 20),
    "h3.card_restart": (h3.card_restart, 6),
    "h3.card_split": (h3.card_split, 6),
    "h3.card_zip": (h3.card_zip, 5),
    "h3.card_length": (h3.card_maestro_words, 5),
    "h3.phone_said": (h3v.phone_said, 16),
    "h3.phone_split": (h3v.phone_split, 4),
    "h3.phone_fix": (h3v.phone_fix, 3),
    "h3.iban_said": (h3v.iban_said, 6),
    "h3.iban_split": (h3v.iban_split, 2),
    "h3.ssn_said": (h3v.ssn_said, 8),
    "h3.ssn_split": (h3v.ssn_split, 2),
    "h3.email_said": (h3t.email_said, 14),
    "h3.email_split": (h3t.email_split, 3),
    "h3.typed": (h3t.typed, 8),
    "h3.tool": (h3t.tool_calls, 8),
    "h3.call_booking": (h3c.call_booking, 5),
    "h3.call_support": (h3c.call_support, 4),
    "h3.email_fix": (h3c.email_fix, 3),
    "h3.two_phones": (h3c.two_phones, 2),
    "h3.readback_fix": (h3c.readback_fix, 3),
    "h3.agent_words": (h3c.agent_words, 3),
    "h3.neg_ids": (neg_ids, 16),
    "h3.neg_luhn": (neg_luhn, 8),
    "h3.neg_everyday": (neg_everyday, 10),
    "h3.neg_tracking": (neg_tracking, 5),
    "h3.neg_sites": (neg_sites, 4),
    "h3.neg_readbacks": (neg_readbacks, 6),
    "h3.neg_nine": (neg_nine, 6),
    "h3.neg_split": (neg_split, 4),
    "h3.neg_typed": (neg_typed, 5),
    "h3.neg_json": (neg_json, 5),
}
