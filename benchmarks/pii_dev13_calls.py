"""dev13 whole calls: an opening, the caller's reason, PII and look-alike beats in a drawn
order, tool results in JSON, a closing; and the row's aim tags from what it ended up holding.
"""

from __future__ import annotations

import json
import random

import pii_dev13_look2  # noqa: F401  (registers the email, card, SSN and bank look-alikes)
from pii_dev13_beats import (
    Call,
    give_card,
    give_email,
    give_iban,
    give_phone,
    give_ssn,
    split_card,
    split_iban,
    split_phone,
    split_ssn,
)
from pii_dev13_biz import ROLES_JSON, biz, person_email
from pii_dev13_gen import REGIONS, card, e164, iban, international, phone, ssn
from pii_dev13_kit import Benign, Pii, Retry, caller, digits, finish
from pii_dev13_look import LOOKS

AIM_OF = {k: a for k, _, a, _ in LOOKS}
AIM_OF.update(
    {
        "json_booking_ref": "phone",
        "json_shop_phone": "phone",
        "json_fax": "phone",
        "json_helpline": "phone",
        "json_permit_no": "phone",
        "json_meter_id": "phone",
        "json_tag_id": "phone",
        "json_serial": "phone",
        "json_lot": "phone",
        "json_timestamp": "phone",
        "json_total": "phone",
        "json_reservation_id": "phone",
        "json_reply_to": "email",
        "json_site": "email",
        "json_sender": "email",
        "json_last4": "card",
        "json_licence_no": "phone",
    }
)


def new_call(rng: random.Random, family: str, us_ssn: bool = False) -> Call:
    c = caller(rng, REGIONS)
    if us_ssn:
        c.region = rng.choice(["US", "US", "US", "US", "US", "CA", "GB", "IN", "MX", "PH", "DE"])
    b = biz(rng, c.region if rng.random() < 0.6 else None)
    call = Call(rng, family, c, b)
    if c.typed:
        call.tag("channel.chat")
    call.tag("caller.raw_stt" if c.raw else "caller.smart")
    return call


OPEN = [
    "Thanks for calling {name}, this is the automated assistant. How can I help?",
    "Hi, you've reached {name}. I'm the virtual receptionist - what can I do for you?",
    "{name}, good morning! How can I help today?",
    "Hello from {name}. Who am I speaking with?",
]
REASON = [
    "hi yeah i wanted to {what}",
    "hello um i'm calling to {what}",
    "hi it's {first}, i need to {what}",
    "yes hi, i'd like to {what}",
    "morning, can you help me {what}",
]
CLOSE = [
    "Thanks, {first}. You're all set - anything else?",
    "Perfect, that's everything I need.",
    "Great. You'll get a confirmation shortly.",
    "Lovely, I've saved all of that.",
]


def opening(call: Call, reason: bool = True) -> None:
    rng = call.rng
    call.agent(rng.choice(OPEN).format(name=call.b.name))
    if reason:
        call.user(rng.choice(REASON).format(what=call.b.what, first=call.c.first))


def closing(call: Call, look: bool = True) -> None:
    rng = call.rng
    if look:
        call.look(
            "agent",
            ("phone", "email"),
            rng.choice(["shop_main_line", "website", "shop_mailbox", None]),
        )
    else:
        call.agent(rng.choice(CLOSE).format(first=call.c.first.capitalize()))


def done(call: Call):
    row = finish(call.row)
    if len(row.turns) > 14:
        raise Retry("too long")
    aims = {AIM_OF.get(n["class"], "other") for n in row.negatives}
    if row.pii:
        row.tags.add("aim.recall")
    elif row.negatives:
        row.tags.add("aim.false_alarm")
    if "phone" in aims:
        row.tags.add("aim.phone_precision")
    if "email" in aims:
        row.tags.add("aim.email_precision")
    for a in aims:
        row.tags.add(f"look.{a}")
    return row


# --- tool JSON ------------------------------------------------------------------------


def tool_json(call: Call, name: str, fields: list[tuple[str, object]], result: bool = True) -> None:
    """A tool call's arguments or a tool's result as JSON text; values may be Pii / Benign."""
    parts: list = [
        '{"tool": ' + json.dumps(name) + (', "result": {' if result else ', "arguments": {')
    ]
    for i, (key, value) in enumerate(fields):
        parts.append((", " if i else "") + json.dumps(key) + ": ")
        if isinstance(value, (Pii, Benign)):
            parts += ['"', value, '"']
        else:
            parts.append(json.dumps(value, ensure_ascii=False))
    parts.append("}}")
    call.tool(*parts)


def json_looks(call: Call, k: int) -> list[tuple[str, object]]:
    rng, b = call.rng, call.b
    pool = [
        ("booking_ref", lambda: Benign("json_booking_ref", digits(rng, rng.choice([8, 9, 10])))),
        ("shop_phone", lambda: Benign("json_shop_phone", e164(b.line))),
        ("fax", lambda: Benign("json_fax", international(phone(rng, b.region, "fixed")))),
        (
            "helpline",
            lambda: Benign(
                "json_helpline",
                e164(phone(rng, "US" if b.region in ("SG", "CL", "FJ") else b.region, "toll")),
            ),
        ),
        ("permit_no", lambda: Benign("json_permit_no", digits(rng, 9))),
        ("meter_id", lambda: Benign("json_meter_id", digits(rng, 11))),
        ("tag_id", lambda: Benign("json_tag_id", digits(rng, 10))),
        ("serial", lambda: Benign("json_serial", digits(rng, 10))),
        ("lot", lambda: Benign("json_lot", digits(rng, 7))),
        ("licence_no", lambda: Benign("json_licence_no", digits(rng, 8))),
        ("reservation_id", lambda: Benign("json_reservation_id", digits(rng, 10))),
        (
            "created_at",
            lambda: Benign(
                "json_timestamp",
                f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(7, 19):02d}:{rng.randint(0, 59):02d}:00Z",
            ),
        ),
        (
            "total",
            lambda: Benign(
                "json_total", f"{rng.randint(40, 4000)}.{rng.choice(['00', '50', '95'])}"
            ),
        ),
        ("reply_to", lambda: Benign("json_reply_to", f"{rng.choice(ROLES_JSON)}@{b.domain}")),
        ("site", lambda: Benign("json_site", f"https://www.{b.domain}/")),
        ("sender", lambda: Benign("json_sender", f"no-reply@{b.domain}")),
        ("card_last4", lambda: Benign("json_last4", digits(rng, 4, "0123456789"))),
    ]
    picks = rng.sample(pool, k)
    return [(key, make()) for key, make in picks]


def tool_lookup(call: Call, pii_fields: list[tuple[str, object]], k: int | None = None) -> None:
    rng = call.rng
    fields = json_looks(call, rng.randint(2, 4) if k is None else k) + pii_fields
    rng.shuffle(fields)
    fields.append(("status", rng.choice(["confirmed", "pending", "held"])))
    tool_json(
        call, rng.choice(["lookup_booking", "get_customer", "crm.find", "bookings.get"]), fields
    )


def tool_args(call: Call, kind: str) -> None:
    """The agent's tool call carrying the caller's PII (a full label, typed)."""
    rng, c = call.rng, call.c
    if kind == "phone":
        n = phone(rng, c.region, "mobile")
        call.tag(f"phone.region.{c.region}")
        val = Pii("phone", rng.choice([e164(n), international(n)]))
        key = rng.choice(["customer_phone", "callback_number", "msisdn", "contact_mobile"])
    elif kind == "email":
        local, dom = person_email(rng, c.first, c.last, c.region)
        val, key = (
            Pii("email", f"{local}@{dom}"),
            rng.choice(["customer_email", "email", "notify_to"]),
        )
    elif kind == "card":
        val, key = Pii("card", card(rng)[1]), rng.choice(["pan", "card_number"])
    elif kind == "iban":
        code = iban(rng)
        call.tag(f"iban.country.{code[:2]}")
        val, key = Pii("iban", code), rng.choice(["iban", "refund_iban"])
    else:
        s = ssn(rng)
        val, key = (
            Pii("ssn", rng.choice([s, f"{s[:3]}-{s[3:5]}-{s[5:]}"])),
            rng.choice(["ssn", "tin"]),
        )
    fields = [(key, val)] + [f for f in json_looks(call, 6) if f[0] in ARG_KEYS][
        : rng.randint(1, 2)
    ]
    rng.shuffle(fields)
    tool_json(
        call,
        rng.choice(["update_customer", "create_booking", "payments.charge", "crm.upsert"]),
        fields,
        result=False,
    )


GIVE = {
    "phone": give_phone,
    "email": give_email,
    "card": give_card,
    "iban": give_iban,
    "ssn": give_ssn,
}
SPLIT = {"phone": split_phone, "card": split_card, "iban": split_iban, "ssn": split_ssn}


ARG_KEYS = {
    "booking_ref",
    "reservation_id",
    "created_at",
    "total",
    "permit_no",
    "tag_id",
    "lot",
    "serial",
}


def look_beat(call: Call, aims: tuple[str, ...]) -> None:
    """A look-alike from one side, sometimes answered by one from the other."""
    rng = call.rng
    who = (
        ("caller" if call.last_role == "assistant" else "agent")
        if rng.random() < 0.75
        else rng.choice(["agent", "caller"])
    )
    call.look(who, aims)
    if rng.random() < 0.35:
        call.look("caller" if who == "agent" else "agent", aims)
    elif rng.random() < 0.5:
        if who == "agent":
            call.user(rng.choice(["okay", "got it thanks", "right", "perfect"]))
        else:
            call.agent(rng.choice(["Thanks, noted.", "Okay, I've got that.", "Mm-hm."]))
