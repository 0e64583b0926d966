"""PII corpus part "heldout7" (HELD OUT): whole voice-agent calls from many businesses.

Each row is a realistic call of 2-14 turns (agent, caller and JSON tool turns) at a bank, card
issuer, telecom, insurer, clinic, pharmacy, airline, hotel, car rental, utility, courier,
online shop, tax office, school, letting agent, ride-hailing app, subscription service,
charity, debt collector, payroll desk or European bank. Callers give phone numbers (a market
mix of ~45 regions, national and international, "plus"/"double oh"/"zero zero", extensions,
split across turns, corrected, read back, in tool JSON), payment cards (nine networks, every
grouping, fillers, restarts, split, read back, in tool JSON, beside expiry/CVV/ZIP), emails
(written and spoken: symbol words, spelled, NATO, "as in", "at the rate", ASR slips,
corrections, split, read back), IBANs (30+ countries, grouped, compact, lower case, spelled)
and US SSNs (dashes, spaces, spoken, JSON, beside other nine-digit numbers). Around them,
the talk of each business is thick with look-alikes that must stay in clear (order and
tracking numbers, routing numbers, IMEIs and SIM numbers, masked numbers, amounts, dates,
times, business lines and mailboxes, websites, handles ...). About half the calls are
smart-formatted STT, half raw lower-case STT with numbers in words.

This part is held out: it is frozen once written and measures the redactor on speech its
rules never saw. Its writer read no redaction rules, no other corpus part and no test data,
only the row format (benchmarks/pii_rows.py) and a brief.

Hand-written rows of this part: tests/data/pii/hand_heldout7.jsonl.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import phonenumbers
import pii_heldout7_gen as G
from phonenumbers import PhoneNumberFormat as PNF
from pii_heldout7_biz import BUSINESSES
from pii_heldout7_calls import Call
from pii_heldout7_neg import NEG
from pii_rows import Benign, Pii, Row, maybe


def profile_step(c: Call) -> None:
    """A CRM lookup: the tool returns the caller's record; the agent works from it."""
    rng = c.rng
    row = c.row
    num = c.new_phone()
    region = phonenumbers.region_code_for_number(num)
    row.tags.add("phone.region." + region)
    local, dom = G.new_email(rng)
    email = "".join(t for _, t in local) + "@" + dom
    c.tool(
        "assistant",
        {
            "tool": rng.choice(["lookup_customer", "get_account", "crm.search"]),
            "arguments": {"customer_id": "@id"},
        },
        {"id": Benign("customer_number", NEG["customer_number"](rng, False))},
    )
    record = {
        "customer_id": "@id2",
        "phone": "@p",
        "email": "@e",
        "card_on_file": "@m",
        "address": {"line1": "@st", "zip": "@z"},
        "since": "@y",
    }
    if maybe(rng, 0.4):
        record["alt_phone"] = "@p2"
    num2 = c.new_phone(region)
    pieces = {
        "id2": Benign("customer_number", NEG["customer_number"](rng, False)),
        "p": Pii(
            "phone",
            phonenumbers.format_number(
                num, rng.choice([PNF.E164, PNF.E164, PNF.INTERNATIONAL, PNF.NATIONAL])
            ),
        ),
        "p2": Pii("phone", phonenumbers.format_number(num2, PNF.E164)),
        "e": Pii("email", email),
        "m": Benign(
            "card_masked", rng.choice(["**** **** **** ", "XXXX-XXXX-XXXX-", "•••• "]) + G.d4(rng)
        ),
        "st": Benign(
            "street_number",
            f"{rng.randint(10, 9999)} {rng.choice(['Oak St', 'High Street', 'Calle Mayor', 'Elm Ave', 'Rue Victor Hugo'])}",
        ),
        "z": Benign("zip_code", NEG["zip_code"](rng, False)),
        "y": Benign(
            "date", f"{rng.randint(2005, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        ),
    }
    c.tool("tool", {"found": True, "record": record}, pieces)
    row.tags.add("tool_json")
    nsn = phonenumbers.national_significant_number(num)
    last = G.digits_words(nsn[-4:], rng, "single") if c.raw else nsn[-4:]
    c.say(
        "assistant",
        rng.choice(
            [
                "I've found your account. Is the mobile ending in {l} still good?",
                "Thanks, I have your profile up. We'd text the number ending {l}, right?",
            ]
        ),
        l=Benign("phone_last4", last),
    )
    if maybe(rng, 0.5):
        c.say("user", rng.choice(["Yes, that's still me.", "Yeah.", "That's right."]))
    else:
        c.phone_step_after_change()


def _change(self: Call) -> None:
    rng = self.rng
    num = self.new_phone()
    raw = self.turn_raw()
    before, p = self.phone_piece(num, raw)
    self.say(
        "user",
        rng.choice(
            [
                "No, I changed it. It's " + before + "{p} now.",
                "Actually that's old, use " + before + "{p}.",
            ]
        ),
        raw=raw,
        p=p,
    )


Call.phone_step_after_change = _change  # type: ignore[attr-defined]


SCALE = {"phone": 0.33, "email": 0.44, "profile": 0.25, "card": 0.57, "iban": 1.0, "ssn": 0.55}

STEP = {
    "phone": Call.phone_step,
    "card": Call.card_step,
    "email": Call.email_step,
    "iban": Call.iban_step,
    "ssn": Call.ssn_step,
    "profile": profile_step,
}


def builder(key: str) -> Callable[[random.Random], Row]:
    biz = dict(BUSINESSES[key])
    biz["key"] = key

    def build(rng: random.Random) -> Row:
        c = Call(rng, "h7." + key, biz)
        c.opening()
        c.neg(rng.choice([1, 1, 2]))
        steps = {n: w * SCALE[n] for n, w in biz["steps"].items()}
        names = sorted(steps)
        k = rng.choices([0, 1, 2, 3], [0.3, 0.57, 0.11, 0.02])[0]
        chosen: list[str] = []
        for _ in range(k):
            left = [n for n in names if n not in chosen]
            if not left:
                break
            chosen.append(rng.choices(left, [steps[n] for n in left])[0])
        for n, step in enumerate(chosen):
            STEP[step](c)
            if maybe(rng, 0.5):
                c.neg(1)
        if not chosen:
            c.neg(rng.choice([2, 3]))
        c.closing()
        return c.done()

    return build


WEIGHT = {
    "bank": 1.4,
    "card_issuer": 1.2,
    "telecom": 1.2,
    "insurer": 1.0,
    "clinic": 1.0,
    "pharmacy": 0.8,
    "airline": 1.0,
    "hotel": 0.9,
    "car_rental": 0.7,
    "utility": 1.0,
    "delivery": 1.0,
    "ecommerce": 1.0,
    "government": 0.8,
    "tax_prep": 0.6,
    "school": 0.6,
    "real_estate": 0.7,
    "ride_hailing": 0.8,
    "subscription": 0.8,
    "charity": 0.6,
    "debt_collection": 0.6,
    "payroll": 0.8,
    "intl_bank": 1.2,
}

FAMILIES: dict[str, tuple[Callable[[random.Random], Row], float]] = {
    "h7." + key: (builder(key), WEIGHT[key]) for key in sorted(BUSINESSES)
}
