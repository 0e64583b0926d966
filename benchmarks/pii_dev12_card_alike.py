"""dev12's card look-alikes: Luhn-valid numbers that are no card, each where a caller has it
in hand (a store's own gift card, a loyalty card, a phone's IMEI, a SIM's ICCID, an invoice
number), 16-digit tracking numbers, 3-7-7 order numbers, masked cards and last fours, a BIN,
authorization codes.
"""

from __future__ import annotations

import random

from pii_dev12_call import Call, room
from pii_dev12_kit import digits, pick, speak, split, words
from pii_dev12_num import luhn_number
from pii_rows import Benign, maybe

LUHN_ALIKES = {  # which of them a caller of each kind of business has in hand
    "retailer": (0, 1, 4, 5),
    "utility": (4,),
    "hotel": (0, 1, 4),
    "airline": (0, 1, 4),
    "car_rental": (1, 4),
    "vet": (0, 4),
    "dental": (4,),
    "wireless": (2, 3, 4),
    "internet": (3, 4),
    "appliance": (0, 4, 5),
    "property": (4,),
    "university": (4,),
    "auto_service": (1, 4),
    "home_warranty": (4,),
}


def _luhn_alike(r: random.Random, kind: str) -> tuple[str, str, str]:
    """(class, what the caller calls it, the number): Luhn-valid and not a card."""
    how = pick(r, LUHN_ALIKES.get(kind, (4,)))
    if how == 0:
        return (
            "gift_card",
            pick(r, ("store gift card", "gift card from the store", "e-gift card")),
            luhn_number(r, pick(r, ("7", "9", "6006")), pick(r, (16, 19))),
        )
    if how == 1:
        return (
            "loyalty_card",
            pick(r, ("rewards card", "loyalty card number", "club card")),
            luhn_number(r, "8", 16),
        )
    if how == 2:
        return (
            "imei",
            pick(r, ("IMEI", "phone's IMEI number")),
            luhn_number(r, "35" + digits(r, 4, lead="0123456789"), 15),
        )
    if how == 3:
        return "iccid", pick(r, ("SIM card number", "ICCID on the SIM")), luhn_number(r, "891", 19)
    if how == 4:
        return (
            "luhn_invoice",
            pick(r, ("invoice number", "reference on the invoice")),
            luhn_number(r, pick(r, ("1", "0")), pick(r, (13, 14, 16))),
        )
    return "tracking_16", pick(r, ("tracking number", "shipment number")), digits(r, 16, lead="19")


def grouped(r: random.Random, number: str, *, raw: bool) -> str:
    sizes = {15: (2, 6, 6, 1), 19: (4, 4, 4, 4, 3), 13: (4, 4, 5), 14: (4, 4, 6), 16: (4, 4, 4, 4)}[
        len(number)
    ]
    groups = split(number, sizes)
    if raw:
        return " ".join(speak(g, r) for g in groups)
    return pick(r, (" ", "-", "")).join(groups)


def _alike(c: Call) -> None:
    r = c.rng
    how = pick(
        r, (0, 1, 2, 3, 4, 5) if c.biz.kind in ("retailer", "appliance") else (0, 1, 2, 3, 4)
    )
    if how <= 1:
        cls, noun, number = _luhn_alike(r, c.biz.kind)
        c.user(
            pick(r, (f"i also have a {noun}, ", f"the {noun} is ", f"okay the {noun} ")),
            Benign(cls, grouped(r, number, raw=c.raw)),
        )
        c.bot(
            pick(
                r,
                (
                    f"Thanks, I've noted the {noun}.",
                    "Okay, I see that on my end.",
                    f"Got it, the {noun} is on file now.",
                ),
            )
        )
    elif how == 2:
        last = digits(r, 4, lead="0123456789")
        mask = pick(r, (f"xxxx xxxx xxxx {last}", f"**** **** **** {last}", f"XXXX-{last}"))
        c.bot(
            pick(r, ("The statement shows the charge on ", "I see a card on file listed as ")),
            Benign("masked_card", mask),
            ". Is that the one?",
        )
        c.user(
            pick(r, ("yeah the one ending ", "no, mine ends in ", "hmm ending in ")),
            Benign(
                "card_last_four",
                words(digits(r, 4, lead="0123456789"), r)
                if c.raw
                else digits(r, 4, lead="0123456789"),
            ),
        )
    elif how == 3:
        bin6 = pick(r, ("4", "51", "37", "6011")) + digits(r, 6, lead="0123456789")
        bin6 = bin6[:6]
        c.bot(
            "Cards beginning with ",
            Benign("card_bin", f"{bin6[:4]} {bin6[4:]}"),
            pick(
                r,
                (
                    " are prepaid, so they can't hold a deposit.",
                    " are flagged as business cards in our system.",
                ),
            ),
        )
        c.user(pick(r, ("oh okay", "i didn't know that", "fine")))
    elif how == 4:
        code = pick(
            r,
            (
                digits(r, 6, lead="0123456789"),
                f"{pick(r, 'ABCDEFHJK')}{digits(r, 5, lead='0123456789')}",
            ),
        )
        c.bot(
            "Your authorization code is ",
            Benign("auth_code", " ".join(code) if maybe(r, 0.5) else code),
            pick(r, (", and the receipt is in your email.", ". Keep that for your records.")),
        )
        c.user(pick(r, ("thank you", "great", "perfect thanks")))
    else:
        a, b, d = digits(r, 3), digits(r, 7, lead="0123456789"), digits(r, 7, lead="0123456789")
        c.user(
            pick(r, ("the order number is ", "order ")),
            Benign(
                "order_377",
                f"{a}-{b}-{d}" if not c.raw else f"{speak(a, r)} {speak(b, r)} {speak(d, r)}",
            ),
        )
        c.bot("I found that order.")


def card_alikes(c: Call, n: int) -> None:
    for _ in range(n):
        if room(c, 3):
            _alike(c)
