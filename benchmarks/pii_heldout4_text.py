"""Typed chat turns and tool calls of the fourth held-out part (benchmarks/pii_heldout4.py).

Families:
- `h4.typed.card` / `h4.typed.phone` / `h4.typed.iban` / `h4.typed.ssn`: a number typed in a
  chat or SMS, its groups joined by what a phone keyboard or a paste gives (space, dash,
  dot, no-break space U+00A0, thin space U+2009, zero-width space U+200B, en dash U+2013),
  sometimes in full-width digits; IBANs also lower case or without groups.
- `h4.typed.pieces`: a card typed over two chat messages.
- `h4.tool.args`: a tool call's JSON arguments holding a card, phone, IBAN or SSN next to
  ids that are not PII (order, booking, ticket ids).
- `h4.tool.output`: a tool's JSON output (a customer record) holding PII next to look-alike
  ids (an IMEI, a Luhn-valid loyalty number, an account number, a tracking number).
"""

from __future__ import annotations

import json
import random

import phonenumbers
from phonenumbers import PhoneNumberFormat
from pii_heldout4_say import IBANS, iban_of, split_as, typed
from pii_heldout4_voice import REGIONS, _card
from pii_rows import Benign, Pii, Row, maybe
from pii_speech import luhn_number, phone, ssn, us_ten_digits

OPEN = ["hi ", "hello, ", "ok ", "", "here: ", "sure ", "its ", "number is "]
CLOSE = ["", " thanks", " 🙏", " ty", ".", " pls confirm", " !"]


def typed_card(rng: random.Random) -> Row:
    digits, groups, network = _card(rng)
    text, used = typed(groups, rng)
    row = Row("h4.typed.card", {"card", "typed", f"card.network.{network}", *used})
    row.say("agent", rng.choice(["Please type the card number here.", "Card number?"]))
    row.say("user", rng.choice(OPEN), Pii("card", text), rng.choice(CLOSE))
    return row


def typed_pieces(rng: random.Random) -> Row:
    digits, groups, network = _card(rng)
    cut = len(groups) // 2
    row = Row("h4.typed.pieces", {"card", "typed", f"card.network.{network}"})
    row.say("agent", "Go ahead, you can send it in two messages if that's easier.")
    first, used = typed(groups[:cut], rng)
    second, more = typed(groups[cut:], rng)
    row.tags |= used | more
    row.say("user", Pii("card", first, True))
    row.say("user", Pii("card", second, True), rng.choice(CLOSE))
    return row


def _formatted(rng: random.Random) -> tuple[str, str]:
    region = rng.choice(sorted(REGIONS))
    number = phone(rng, region, mobile=maybe(rng, 0.7))
    fmt = rng.choice([PhoneNumberFormat.INTERNATIONAL, PhoneNumberFormat.NATIONAL])
    text = phonenumbers.format_number(number, fmt)
    if fmt == PhoneNumberFormat.INTERNATIONAL and maybe(rng, 0.2):
        text = "00" + text[1:]
    return region, text


def typed_phone(rng: random.Random) -> Row:
    region, text = _formatted(rng)
    groups = text.replace("-", " ").split(" ")
    body, used = typed(groups, rng, wide=0.2)
    row = Row("h4.typed.phone", {"phone", "typed", f"phone.region.{region}", *used})
    row.say("agent", rng.choice(["What's a good number for the courier?", "Phone number?"]))
    row.say("user", rng.choice(OPEN), Pii("phone", body), rng.choice(CLOSE))
    return row


def typed_iban(rng: random.Random) -> Row:
    country = rng.choice(sorted(IBANS))
    number = iban_of(rng, country)
    row = Row("h4.typed.iban", {"iban", "typed", f"iban.country.{country}"})
    if maybe(rng, 0.35):
        text = number.lower() if maybe(rng, 0.5) else number
    else:
        text, used = typed(split_as(number, [4] * 8), rng, wide=0.1)
        row.tags |= used
    row.say("agent", "Please paste the IBAN for the refund.")
    row.say("user", rng.choice(OPEN), Pii("iban", text), rng.choice(CLOSE))
    return row


def typed_ssn(rng: random.Random) -> Row:
    text, used = typed(split_as(ssn(rng), [3, 2, 4]), rng, wide=0.2)
    row = Row("h4.typed.ssn", {"ssn", "typed", *used})
    row.say("agent", "For the tax form, your SSN please (it's encrypted).")
    row.say("user", rng.choice(OPEN), Pii("ssn", text), rng.choice(CLOSE))
    return row


def _json(payload: dict[str, object], marks: dict[str, Pii | Benign]) -> list[str | Pii | Benign]:
    """The JSON of `payload` with each "@key@" placeholder value replaced by its labelled part."""
    text = json.dumps(payload, ensure_ascii=False)
    parts: list[str | Pii | Benign] = []
    while marks:
        key = min(marks, key=lambda k: text.index(f"@{k}@"))
        head, text = text.split(f"@{key}@", 1)
        parts += [head, marks.pop(key)]
    return [*parts, text]


def tool_args(rng: random.Random) -> Row:
    kind = rng.choice(["card", "phone", "iban", "ssn"])
    if kind == "card":
        digits, groups, _ = _card(rng)
        value = rng.choice([digits, " ".join(groups), "-".join(groups)])
        key = rng.choice(["card_number", "pan", "cardNo", "payment_card"])
    elif kind == "phone":
        _, value = _formatted(rng)
        key = rng.choice(["phone", "callback_number", "msisdn", "contact_phone"])
    elif kind == "iban":
        value = iban_of(rng, rng.choice(sorted(IBANS)))
        key = rng.choice(["iban", "payout_iban", "refund_account"])
    else:
        value = "-".join(split_as(ssn(rng), [3, 2, 4])) if maybe(rng, 0.6) else ssn(rng)
        key = rng.choice(["ssn", "social_security_number", "tax_id"])
    order = f"{rng.randint(100, 999)}-{rng.randint(10**6, 10**7 - 1)}-{rng.randint(1000, 9999)}"
    row = Row("h4.tool.args", {kind, "tool"})
    row.say("user", "yes go ahead and put it through", smart=False)
    payload = {"order_id": "@o@", key: "@v@", "amount": round(rng.uniform(5, 900), 2)}
    row.say("tool", *_json(payload, {"o": Benign("order_id", order), "v": Pii(kind, value)}))
    return row


def tool_output(rng: random.Random) -> Row:
    region, number = _formatted(rng)
    row = Row("h4.tool.output", {"phone", "tool", f"phone.region.{region}"})
    row.say("agent", "One moment while I pull up the account.")
    imei = luhn_number(rng, rng.choice(["35", "86", "01"]), 15)
    payload: dict[str, object] = {
        "customer": {"status": "active", "phone": "@p@"},
        "device_imei": "@i@",
        "account_no": "@a@",
        "loyalty_card": "@l@",
    }
    marks: dict[str, Pii | Benign] = {
        "p": Pii("phone", number),
        "i": Benign("imei", imei),
        "a": Benign("account_id", us_ten_digits(rng)),
        "l": Benign("luhn_id", luhn_number(rng, "7", 16)),
    }
    if maybe(rng, 0.4):
        payload["customer"] = {"phone": "@p@", "ssn_on_file": "@s@"}
        marks["s"] = Pii("ssn", "-".join(split_as(ssn(rng), [3, 2, 4])))
        row.tags.add("ssn")
    row.say("tool", *_json(payload, marks))
    return row
