"""The `dev4` part's look-alikes and its family table; its PII families are in
benchmarks/pii_dev4.py.

Numbers a card reader may take for a card, most of them said in payment talk: Luhn-valid
invoice and order numbers with a card network's prefix and length, IMEIs, tracking numbers,
long account ids, a payment turn holding several short numbers (amount, ZIP, last four,
expiry, security code), and typed look-alikes with the Unicode of pii_dev4.typed_unicode.
"""

from __future__ import annotations

import random

import pii_dev4 as d4
import pii_speech as sp
from pii_rows import Benign, Row, maybe


def _read(rng: random.Random, digits: str, sizes: tuple[int, ...], spoken: bool) -> str:
    groups = sp.group(digits, sizes)
    if not spoken:
        return rng.choice([" ", "-", " "]).join(groups)
    return rng.choice([" ", ", "]).join(d4._group_said(g, rng, "words", 0.0) for g in groups)


def neg_luhn_id(rng: random.Random) -> Row:
    """An invoice or order number with a card's prefix, length and Luhn digit, in payment talk."""
    noun = rng.choice(["invoice", "order", "invoice number", "order number", "reference",
                       "receipt number", "transaction"])  # fmt: skip
    digits = sp.luhn_number(rng, rng.choice(["4", "51", "6011", "37"]), rng.choice([16, 16, 15]))
    spoken = maybe(rng, 0.4)
    text = _read(rng, digits, (4, 4, 4, 4), spoken)
    row = Row("d4.neg.luhn_id", {"spoken" if spoken else "written"})
    if maybe(rng, 0.5):
        row.say("assistant", rng.choice(d4.PAY_ASK))
    line = rng.choice([
        ("I already paid {w} ", " with my card"),
        ("the charge is for {w} ", ", can you check it"),
        ("I want a refund on {w} ", "."),
        ("billing says {w} ", " is still open"),
    ])  # fmt: skip
    row.say("user", line[0].replace("{w}", noun), Benign("luhn_id", text), line[1],
            smart=not spoken)  # fmt: skip
    return row


def neg_imei(rng: random.Random) -> Row:
    """A phone's IMEI (15 digits, Luhn) while paying for or insuring it."""
    digits = sp.luhn_number(rng, rng.choice(["35", "86", "01", "49", "99"]), 15)
    spoken = maybe(rng, 0.4)
    sizes = rng.choice([(2, 6, 6, 1), (3, 3, 3, 3, 3), (4, 4, 4, 3), (15,)])
    text = _read(rng, digits, sizes, spoken)
    row = Row("d4.neg.imei", {"spoken" if spoken else "written"})
    before = rng.choice(["I'm paying off the handset, the IMEI is ",
                         "to insure it on my card I need the IMEI, it's ",
                         "the phone I'm paying for has IMEI "])  # fmt: skip
    row.say("user", before, Benign("imei", text), rng.choice(d4.ENDS[:4]), smart=not spoken)
    return row


def neg_tracking(rng: random.Random) -> Row:
    """A tracking number (USPS 22 digits, FedEx 12 or 15) after a paid order."""
    kind = rng.choice(["usps", "fedex12", "fedex15"])
    if kind == "usps":
        digits = "9400" + "".join(rng.choice("0123456789") for _ in range(18))
        text = " ".join(sp.group(digits, (4, 4, 4, 4, 4, 2)))
    else:
        n = 12 if kind == "fedex12" else 15
        digits = rng.choice("4567") + "".join(rng.choice("0123456789") for _ in range(n - 1))
        text = " ".join(sp.group(digits, (4, 4, 4, 3))) if maybe(rng, 0.5) else digits
    row = Row("d4.neg.tracking", {"written"})
    row.say("assistant", "Your payment went through. Here's your tracking number: ",
            Benign("tracking", text), ".")  # fmt: skip
    if maybe(rng, 0.4):
        row.say("user", "great, I paid with the visa so it's all done?")
    return row


def neg_long_account(rng: random.Random) -> Row:
    """An 18-20 digit account id read in fours, in billing talk."""
    n = rng.choice([18, 19, 20])
    digits = rng.choice("456") + "".join(rng.choice("0123456789") for _ in range(n - 1))
    spoken = maybe(rng, 0.3)
    text = _read(rng, digits, (4, 4, 4, 4, 4), spoken)
    row = Row("d4.neg.long_account", {"spoken" if spoken else "written"})
    row.say("assistant", rng.choice(["Can I get the billing account number?",
                                     "Which account is the payment for?"]))  # fmt: skip
    row.say("user", rng.choice(["the account number is ", "it's account ", "account "]),
            Benign("long_account", text), rng.choice(d4.ENDS[:4]), smart=not spoken)  # fmt: skip
    return row


def neg_payment_numbers(rng: random.Random) -> Row:
    """Several short numbers in one payment turn: none of them, nor all together, a card."""
    last4 = f"{rng.randint(0, 9999):04d}"
    zip5 = f"{rng.randint(10000, 99999)}"
    cvv = f"{rng.randint(100, 999)}"
    month, year = rng.randint(1, 12), rng.randint(26, 31)
    spoken = maybe(rng, 0.4)

    def say(digits: str) -> str:
        return d4._group_said(digits, rng, "words", 0.0) if spoken else digits

    row = Row("d4.neg.payment_numbers", {"spoken" if spoken else "written"})
    row.say("assistant", rng.choice(d4.PAY_ASK))
    row.say("user", "use the card ending ", Benign("last_four", say(last4)), ", zip ",
            Benign("zip", say(zip5)), ", expiry ", Benign("expiry", say(f"{month:02d}")), " ",
            Benign("expiry", say(f"{year}")), " and the code on the back is ",
            Benign("cvv", say(cvv)), smart=not spoken)  # fmt: skip
    return row


def neg_typed(rng: random.Random) -> Row:
    """Typed look-alikes with Unicode: a full-width order number, a date range with an en dash,
    a price with a no-break space, an account id with thin spaces."""
    row = Row("d4.neg.typed", {"typed"})
    kind = rng.choice(["order", "range", "price", "account", "website"])
    if kind == "order":
        digits = sp.luhn_number(rng, rng.choice(["4", "5"]), 16)
        row.say("user", "order no. ", Benign("luhn_id", d4.fullwidth(digits)), " was charged twice")
    elif kind == "range":
        a = rng.randint(2019, 2025)
        row.say("user", "statements for ", Benign("date_range", f"{a}\u2013{a + 1}"), " please")
    elif kind == "price":
        amount = f"{rng.randint(1, 9)}\u00a0{rng.randint(100, 999)},{rng.randint(10, 99)}"
        row.say("user", "you charged me ", Benign("amount", amount), " € on my card")
    elif kind == "account":
        digits = sp.us_ten_digits(rng)
        text = "\u2009".join([digits[:3], digits[3:6], digits[6:]])
        row.say("user", "account id ", Benign("account_id", text), ", billing question")
    else:
        site = f"www.{rng.choice(['shop', 'pay'])}\u200bhub.com"
        row.say("user", "I paid at ", Benign("website", site), " yesterday")
    return row


# family -> weight (rows per 100)
FAMILIES: dict[str, tuple[d4.Family, int]] = {
    "card_read": (d4.card_read, 22),
    "card_corrected": (d4.card_corrected, 6),
    "card_turns": (d4.card_turns, 9),
    "typed_unicode": (d4.typed_unicode, 14),
    "neg_luhn_id": (neg_luhn_id, 11),
    "neg_imei": (neg_imei, 8),
    "neg_tracking": (neg_tracking, 7),
    "neg_long_account": (neg_long_account, 7),
    "neg_payment_numbers": (neg_payment_numbers, 8),
    "neg_typed": (neg_typed, 8),
}
