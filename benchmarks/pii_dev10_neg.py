"""pii_dev10 look-alike families: card-shaped numbers in card-sounding calls that stay in clear."""

from __future__ import annotations

import random

from pii_dev10_kit import (
    MERCHANTS,
    Mark,
    amount,
    card_digits,
    cvv,
    expiry,
    tool_call,
    tool_result,
    zip_code,
)
from pii_dev10_say import digit_words, group_words, groups_of
from pii_rows import Benign, Row, maybe
from stdnum import luhn


def _digits(rng: random.Random, n: int, first: str = "123456789") -> str:
    return rng.choice(first) + "".join(rng.choice("0123456789") for _ in range(n - 1))


def _luhn(rng: random.Random, n: int, prefix: str = "") -> str:
    body = prefix + "".join(rng.choice("0123456789") for _ in range(n - len(prefix) - 1))
    return body + luhn.calc_check_digit(body)


def grouped(ds: str, rng: random.Random, size: int = 4, sep: str | None = None) -> str:
    sep = sep if sep is not None else rng.choice([" ", " ", "-", ""])
    return sep.join(groups_of(ds, [size] * 10))


def said(ds: str, rng: random.Random) -> str:
    groups = groups_of(ds, [4] * 10)
    return " ".join(group_words(g, rng, rng.choice(["digits", "pairs"])) for g in groups)


def gift_number(rng: random.Random) -> str:
    ds = rng.choice(
        [
            _luhn(rng, 16, rng.choice(["6035", "6006", "7777", "6046"])),
            _digits(rng, 16),
            _luhn(rng, 19, "603"),
            _digits(rng, 19),
        ]
    )
    return grouped(ds, rng)


def order_number(rng: random.Random) -> str:
    return rng.choice(
        [
            _luhn(rng, 16, "1"),
            _luhn(rng, 12, "20"),
            f"{_digits(rng, 3)}-{_digits(rng, 7)}-{_digits(rng, 7)}",
            _digits(rng, 10),
        ]
    )


def _open(row: Row, rng: random.Random, smart: bool = True) -> None:
    if maybe(rng, 0.7):
        row.say(
            "assistant", f"Thanks for calling {rng.choice(MERCHANTS)}, how can I help you today?"
        )


STORE_CARDS = [
    ("gift_card", "gift card", gift_number),
    ("loyalty_id", "rewards card", lambda r: grouped(_digits(r, 16), r)),
    ("loyalty_id", "loyalty number", lambda r: grouped(_luhn(r, 16, "9"), r)),
    ("library_card", "library card", lambda r: grouped("2" + _digits(r, 13), r, 4, " ")),
    ("membership_id", "membership number", lambda r: grouped(_digits(r, 16), r)),
    ("store_card", "store credit card number", lambda r: grouped(_luhn(r, 16, "7"), r)),
    ("voucher_code", "voucher code", lambda r: grouped(_digits(r, 16), r, 4, "-")),
]


def store_cards(rng: random.Random) -> Row:
    row = Row("d10.neg_store_cards")
    row.tags.add("aim.card_precision")
    cls, what, gen = rng.choice(STORE_CARDS)
    ds_text = gen(rng)
    row.tags.add(f"lookalike.{cls}")
    smart = maybe(rng, 0.6)
    _open(row, rng)
    if smart:
        row.say("user", f"Hi, I want to pay with my {what}.")
        row.say("assistant", f"Sure, what's the {what} number?")
        row.say(
            "user",
            rng.choice(["It's ", "Ok, ", ""]),
            Benign(cls, ds_text),
            rng.choice([".", ", and the PIN is on the back.", ""]),
        )
        row.tags.add("stt.smart")
    else:
        ds = "".join(c for c in ds_text if c.isdigit())
        row.say("user", f"hi i want to use my {what}", smart=False)
        row.say("assistant", f"Of course, go ahead with the {what} number.")
        row.say("user", "its ", Benign(cls, said(ds, rng)), smart=False)
        row.tags.add("stt.raw")
    bal = amount(rng, False)
    row.say("assistant", f"Thanks, that {what} has a balance of ", Benign("amount", bal), ".")
    return row


def device_ids(rng: random.Random) -> Row:
    row = Row("d10.neg_device_ids")
    row.tags.add("aim.card_precision")
    kind = rng.choice(["iccid", "imei", "imei", "iccid", "serial"])
    row.tags.add(f"lookalike.{kind}")
    if kind == "iccid":
        ds = _luhn(rng, rng.choice([19, 20]), "89" + rng.choice(["01", "44", "61", "91", "33"]))
        text = grouped(ds, rng)
        row.say(
            "assistant", "To activate the new SIM I need the long number printed on the SIM card."
        )
    elif kind == "imei":
        ds = _luhn(rng, 15, rng.choice(["35", "86", "01", "99"]))
        text = rng.choice([ds, f"{ds[:2]}-{ds[2:8]}-{ds[8:14]}-{ds[14]}", f"{ds[:8]} {ds[8:]}"])
        row.say(
            "assistant", "Can you give me the IMEI of the handset? Dial star hash zero six hash."
        )
    else:
        ds = _digits(rng, 16)
        text = grouped(ds, rng)
        row.say("assistant", "What's the serial number on the card reader?")
    if maybe(rng, 0.5):
        row.say("user", "Ok here it is: ", Benign(kind, text), ".")
    else:
        row.say("user", "ok its ", Benign(kind, said(ds, rng)), smart=False)
    row.say("assistant", "Thanks. And do you want the monthly plan charged to the card on file?")
    row.say(
        "user", "Yes, the one ending in ", Benign("card_last4", _digits(rng, 4, "0123456789")), "."
    )
    return row


def insurance_bank(rng: random.Random) -> Row:
    row = Row("d10.neg_insurance_bank")
    row.tags.add("aim.card_precision")
    kind = rng.choice(["insurance_member_id", "bank_account", "reference", "policy_number"])
    row.tags.add(f"lookalike.{kind}")
    if kind == "insurance_member_id":
        ds = rng.choice([_digits(rng, 16), "W" + _digits(rng, 9), _luhn(rng, 16, "80840")])
        text = grouped(ds, rng) if ds.isdigit() else ds
        row.say("assistant", "Can I have the member ID from the front of your insurance card?")
    elif kind == "bank_account":
        ds = _digits(rng, 16)
        text = grouped(ds, rng)
        row.say("assistant", "Which account should the refund go to instead of the card?")
        row.tags.add("lookalike.bank_account_16")
    elif kind == "reference":
        ds = _luhn(rng, 16, "4")
        text = grouped(ds, rng)
        row.say("assistant", "Do you have the payment reference from the letter?")
        row.tags.add("lookalike.luhn_valid_visa_prefix")
    else:
        ds = _digits(rng, 15)
        text = f"POL-{ds}" if maybe(rng, 0.4) else grouped(ds, rng, 5)
        row.say("assistant", "And your policy number?")
    if maybe(rng, 0.55):
        row.say("user", "Yes, it's ", Benign(kind, text), ".")
    else:
        row.say(
            "user",
            "yeah its ",
            Benign(kind, said(ds, rng) if ds.isdigit() else text.lower()),
            smart=False,
        )
    row.say(
        "assistant",
        "Thank you, I found it. The premium of ",
        Benign("amount", amount(rng, False)),
        " was taken on ",
        Benign("date", rng.choice(["March 3rd", "the 14th", "12/04/2025", "2025-06-30"])),
        ".",
    )
    return row


def txn_codes(rng: random.Random) -> Row:
    row = Row("d10.neg_txn_codes")
    row.tags.add("aim.card_precision")
    kind = rng.choice(
        ["transaction_id", "auth_code", "invoice_number", "order_id", "confirmation", "tracking"]
    )
    row.tags.add(f"lookalike.{kind}")
    smart = maybe(rng, 0.65)
    if kind == "transaction_id":
        text = rng.choice(
            [_digits(rng, 16), f"TXN{_digits(rng, 13)}", grouped(_digits(rng, 16), rng)]
        )
        intro = "The transaction ID on my statement is "
    elif kind == "auth_code":
        text = rng.choice([_digits(rng, 6), f"{rng.choice('ABCDEFGH')}{_digits(rng, 5)}"])
        intro = "The authorisation code was "
    elif kind == "invoice_number":
        text = _luhn(rng, rng.choice([12, 15, 16]), rng.choice(["4", "5", "3"]))
        intro = "I'm paying invoice number "
        row.tags.add("lookalike.luhn_valid")
    elif kind == "order_id":
        text = order_number(rng)
        intro = "My order number is "
    elif kind == "confirmation":
        text = grouped(_digits(rng, 16), rng, 4, " ")
        intro = "The confirmation number they gave me is "
    else:
        text = rng.choice(
            [
                f"1Z{''.join(rng.choice('0123456789ABCDEFGHJKLMNPRSTVWXY') for _ in range(16))}",
                grouped("9400" + _digits(rng, 18, "0123456789"), rng, 4, " "),
                _digits(rng, 12),
            ]
        )
        intro = "The tracking number is "
    _open(row, rng)
    digits_only = text.replace(" ", "").replace("-", "")
    if smart or not digits_only.isdigit():
        row.say("user", intro, Benign(kind, text), ", and I was charged twice on my card.")
    else:
        row.say(
            "user",
            intro.lower(),
            Benign(kind, said(digits_only, rng)),
            " and i was charged twice on my card",
            smart=False,
        )
    row.say(
        "assistant",
        "I see two charges of ",
        Benign("amount", amount(rng, False)),
        " at ",
        Benign("time", rng.choice(["10:42 AM", "3:15 pm", "14:07", "9:30"])),
        ". I'll refund one to the card ending in ",
        Benign("card_last4", _digits(rng, 4, "0123456789")),
        ".",
    )
    return row


def masked(rng: random.Random) -> Row:
    row = Row("d10.neg_masked")
    row.tags.add("aim.card_precision")
    last = _digits(rng, 4, "0123456789")
    net, ds = card_digits(rng)
    kind = rng.choice(["stars", "ending", "last_four_spoken", "bin", "first_last"])
    row.tags.add(f"lookalike.masked.{kind}")
    _open(row, rng)
    if kind == "stars":
        m = rng.choice(
            [
                f"**** **** **** {last}",
                f"XXXX XXXX XXXX {last}",
                f"************{last}",
                f"•••• {last}",
                f"xxxx-xxxx-xxxx-{last}",
            ]
        )
        row.say("user", "Which card do you have on file?")
        row.say(
            "assistant",
            "I see ",
            Benign("masked_card", m),
            f", a {net} card, expiring ",
            Benign("expiry", expiry(rng, False)),
            ".",
        )
    elif kind == "ending":
        row.say(
            "user", "Can you charge the card ending in ", Benign("card_last4", last), " please?"
        )
        row.say(
            "assistant",
            "Sure, the card ending ",
            Benign("card_last4", last),
            " ",
            "has been charged ",
            Benign("amount", amount(rng, False)),
            ".",
        )
    elif kind == "last_four_spoken":
        row.say("assistant", "For security, what are the last four digits of the card?")
        row.say(
            "user", "the last four are ", Benign("card_last4", digit_words(last, rng)), smart=False
        )
    elif kind == "bin":
        b = ds[:6]
        row.say("user", "Why does my card keep getting declined?")
        row.say(
            "assistant",
            "Cards starting with ",
            Benign("bin", b if maybe(rng, 0.6) else f"{b[:4]} {b[4:]}"),
            " are from a bank we can't process right now. Do you have another card?",
        )
    else:
        m = f"{ds[:6]}******{ds[-4:]}" if maybe(rng, 0.5) else f"{ds[:4]} **** **** {ds[-4:]}"
        row.say("assistant", "The card on the booking shows as ", Benign("masked_card", m), ".")
        row.say("user", "Yes that's mine.")
    return row


def card_meta(rng: random.Random) -> Row:
    """Expiry, CVV, ZIP, amounts, dates, times said in a card call with no card number."""
    row = Row("d10.neg_card_meta")
    row.tags.add("aim.card_precision")
    smart = maybe(rng, 0.55)
    raw_text = not smart
    exp = Benign("expiry", expiry(rng, raw_text))
    code = Benign("cvv", cvv(rng, raw_text, rng.choice([3, 3, 4])))
    z, zc = zip_code(rng, raw_text)
    row.say(
        "assistant",
        "The card on file expired. Has the bank sent you a replacement with the same number?",
    )
    row.say(
        "user",
        "Yes same number, the new expiry is " if smart else "yeah same number new expiry is ",
        exp,
        ", code on the back " if smart else " code on the back ",
        code,
        ", billing zip " if smart else " billing zip ",
        Benign(zc, z),
        smart=smart,
    )
    row.tags.add("stt.smart" if smart else "stt.raw")
    row.say(
        "assistant",
        "Updated. Your next payment of ",
        Benign("amount", amount(rng, False)),
        " will be taken on ",
        Benign("date", rng.choice(["1 July", "July 1st", "07/01", "the first"])),
        " at ",
        Benign("time", rng.choice(["9:00 AM", "midnight", "00:01"])),
        ".",
    )
    return row


ACCOUNT_KEYS = [
    "account_number",
    "accountNo",
    "member_id",
    "loyalty_number",
    "order_id",
    "reference",
    "transaction_id",
    "policy",
    "sim_iccid",
    "imei",
    "gift_card_number",
]


def tool_json(rng: random.Random) -> Row:
    row = Row("d10.neg_tool_json")
    row.tags.add("aim.card_precision")
    key = rng.choice(ACCOUNT_KEYS)
    cls = {
        "account_number": "account_number",
        "accountNo": "account_number",
        "member_id": "membership_id",
        "loyalty_number": "loyalty_id",
        "order_id": "order_id",
        "reference": "reference",
        "transaction_id": "transaction_id",
        "policy": "policy_number",
        "sim_iccid": "iccid",
        "imei": "imei",
        "gift_card_number": "gift_card",
    }[key]
    row.tags.add(f"lookalike.{cls}")
    if cls == "iccid":
        val = _luhn(rng, 19, "8944")
    elif cls == "imei":
        val = _luhn(rng, 15, "35")
    else:
        val = rng.choice(
            [_digits(rng, 16), _luhn(rng, 16, rng.choice(["4", "5", "6"])), _digits(rng, 12)]
        )
    as_number = maybe(rng, 0.3)
    row.tags.add("lookalike.tool.number_value" if as_number else "lookalike.tool.string_value")
    row.say("user", "Can you check why I was charged twice?")
    tool_call(
        row,
        rng.choice(["lookup_account", "get_charges", "find_customer"]),
        {"phone_on_file": False, key: Mark(Benign(cls, val), as_number)},
        rng,
    )
    last = _digits(rng, 4, "0123456789")
    result = {
        "status": "ok",
        "record": {
            key: Mark(Benign(cls, val + ""), as_number),
            "card_last4": Mark(Benign("card_last4", last)),
            "charges": [
                {
                    "amount": round(rng.uniform(5, 500), 2),
                    "auth": Mark(Benign("auth_code", _digits(rng, 6))),
                }
            ],
        },
    }
    tool_result(row, result, rng)
    row.say(
        "assistant",
        "I can see it. Both charges went to the card ending ",
        Benign("card_last4", last),
        ".",
    )
    return row
