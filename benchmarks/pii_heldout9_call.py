"""heldout9's calls: what a call to one of its businesses is made of (the greeting, the
caller's reason with the id they are looked up by, the lookup tool and its JSON, the
business's own talk, what the call needs from the caller, the goodbye), and the six plans a
call follows: pay (a card), contact (a phone, an email), refund (an IBAN), ssn (an SSN),
text (a typed chat or SMS thread) and clear (look-alikes only)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from pii_heldout9_biz import Biz
from pii_heldout9_email import email_typed, say_email
from pii_heldout9_kit import pattern, pick, spoken_id
from pii_heldout9_look import amount, fill, slot
from pii_heldout9_pay import charge_call, iban_call, say_card, say_iban, say_ssn, ssn_call
from pii_heldout9_say import Caller, new_caller, phone_typed, say_phone, typed
from pii_rows import Benign, Pii, Retry, Row, maybe

MAX_TURNS = 14


@dataclass
class Call(Row):
    """A row that remembers the business ids drawn in it, so a call names one id one way."""

    memo: dict[str, str] = field(default_factory=dict)


# the caller's reason when the call is about a refund or tax paperwork
REFUND_ASKS = (
    "Hi, I got a message that my {noun} was cancelled and I'd be refunded, it's {key}.",
    "Hello, I'm owed money back on my {noun}, {key}.",
    "Hi, calling about the refund on {noun} {key}, nobody's sent it yet.",
)
SSN_ASKS = (
    "Hi, I got a letter saying you need my tax details, my {noun} is {key}.",
    "Hello, I'm calling to finish the application, the {noun} is {key}.",
    "Hi, the paperwork for {noun} {key} says I should call you.",
)
ACKS = (
    "Thanks, {first}, I've got you here.",
    "Okay, found it. Thanks, {first}.",
    "I see it, {first}. One moment.",
    "Got your file up.",
)


def greet_and_ask(
    row: Call, rng: random.Random, biz: Biz, raw: bool, asks: tuple[str, ...] = ()
) -> str:
    """The agent's greeting and the caller's reason; returns the id they gave (as written)."""
    row.say("assistant", pick(rng, biz.greets))
    spec = biz.ids[0]
    key = row.memo.setdefault(spec.cls, pattern(rng, spec.shape))
    ask = pick(rng, asks or biz.asks).replace("{noun}", spec.noun)
    before, after = ask.split("{key}")
    said = spoken_id(key, rng) if raw else key
    row.say("user", before, Benign(spec.cls, said), after, smart=not raw)
    return key


def lookup(row: Call, rng: random.Random, biz: Biz, c: Caller, key: str, contact: bool) -> None:
    """The lookup tool call and its JSON; with `contact` the caller's phone and email on file
    (theirs: labelled)."""
    row.tags.add("tool")
    spec = biz.ids[0]
    row.say("assistant", f'{biz.tool}({{"{spec.key}": "', Benign(spec.cls, key), '"})')
    parts: list[str | Benign | Pii] = [f'{{"found": true, "name": "{c.name}", ']
    other = biz.ids[1 + rng.randrange(len(biz.ids) - 1)]
    written = row.memo.setdefault(other.cls, pattern(rng, other.shape))
    parts += [f'"{other.key}": "', Benign(other.cls, written), '", ']
    if contact and maybe(rng, 0.6):
        row.tags.add(f"phone.region.{c.region}")
        row.tags.add("phone.json")
        parts += ['"phone": "', Pii("phone", pick(rng, (c.phone.e164, c.phone.intl))), '", ']
    if contact and maybe(rng, 0.5):
        row.tags.add("email.json")
        parts += ['"email": "', Pii("email", c.email), '", ']
    if maybe(rng, 0.35):
        parts += ['"card_on_file": "', slot("masked", rng, False, biz), '", ']
    money = amount(rng, False, *biz.price, cur="")
    parts += ['"balance": "', Benign("amount", money.replace(",", "")), '"}']
    row.say("tool", *parts)
    if maybe(rng, 0.6):
        row.say("assistant", pick(rng, ACKS).format(first=c.first.title()))


def lookup_by_line(row: Call, rng: random.Random, biz: Biz, c: Caller) -> None:
    """The agent looks the caller up by the number they are calling from (labelled)."""
    row.tags.add("tool")
    row.tags.add(f"phone.region.{c.region}")
    row.tags.add("phone.caller_id")
    key = pick(rng, ("ani", "caller_id", "from_number", "msisdn"))
    row.say("assistant", f'{biz.tool}({{"{key}": "', Pii("phone", c.phone.e164), '"})')
    spec = biz.ids[0]
    written = row.memo.setdefault(spec.cls, pattern(rng, spec.shape))
    row.say("tool", '{"match": "', Benign(spec.cls, written), f'", "name": "{c.name}"}}')


def talk(row: Call, rng: random.Random, biz: Biz, raw: bool, n: int) -> None:
    """`n` of the business's own lines, either side, with their look-alikes."""
    lines = list(biz.talk)
    rng.shuffle(lines)
    for line in lines[:n]:
        who, text = line.split(":", 1)
        caller = who == "C"
        parts = fill(text, rng, raw and caller, biz, row.memo)
        row.say("user" if caller else "assistant", *parts, smart=not (raw and caller))


# lines any of the businesses says or hears, with look-alikes of every shape: a Luhn-valid
# invoice, a phone-shaped reference, an SSN-shaped claim, a routing and an account number
GENERIC = (
    "A:For your records, the invoice number is {invoice}.",
    "A:If you call back, the reference for today's call is {ref10}.",
    "C:My insurer gave me a claim number, {claim}, if you need it.",
    "A:Your confirmation code is {conf}.",
    "C:The order number on my receipt says {order}.",
    "C:My rewards number is {loyalty}, can that go on it?",
    "A:I've opened case {case} so the manager sees it.",
    "C:The homeowner's policy number is {policy}.",
    "C:The gate code for the driver is {gate}.",
    "C:We're at {street}, zip {zip}.",
    "A:To pay by bank transfer, our routing number is {routing} and the account is {acct}.",
    "A:The technician's badge number is {staff}.",
)


def generic(row: Call, rng: random.Random, biz: Biz, raw: bool) -> None:
    who, text = pick(rng, GENERIC).split(":", 1)
    caller = who == "C"
    parts = fill(text, rng, raw and caller, biz, row.memo)
    row.say("user" if caller else "assistant", *parts, smart=not (raw and caller))


def agent_line(row: Call, rng: random.Random, biz: Biz, lines: tuple[str, ...]) -> str:
    """An agent line from `lines` with its slots; returns the first amount in it ("" none)."""
    parts = fill(pick(rng, lines), rng, False, biz, row.memo)
    row.say("assistant", *parts)
    for p in parts:
        if isinstance(p, Benign) and p.cls == "amount":
            return p.text
    return ""


def goodbye(row: Call, rng: random.Random, biz: Biz, raw: bool) -> None:
    agent_line(row, rng, biz, biz.bye)
    if maybe(rng, 0.4):
        row.say(
            "user",
            pick(rng, ("Thanks, bye.", "Great, thank you.", "Cheers.", "Okay bye.")),
            smart=not raw,
        )


def done(row: Row) -> Row:
    if not 2 <= len(row.turns) <= MAX_TURNS:
        raise Retry(row.family)
    return row


# ---- plans --------------------------------------------------------------------------------

Plan = Callable[[random.Random], Row]


def plan_pay(biz: Biz) -> Plan:
    def build(rng: random.Random) -> Row:
        row = Call(f"h9.{biz.key}.pay", {f"biz.{biz.key}"})
        c, raw = new_caller(rng), maybe(rng, 0.55)
        key = greet_and_ask(row, rng, biz, raw)
        if maybe(rng, 0.5):
            lookup(row, rng, biz, c, key, contact=False)
        talk(row, rng, biz, raw, rng.randrange(0, 2))
        if maybe(rng, 0.25):
            generic(row, rng, biz, raw)
        due = agent_line(row, rng, biz, biz.pay)
        say_card(row, rng, c, raw)
        if maybe(rng, 0.3):
            charge_call(row, rng, c, due.lstrip("$£").replace(",", "") or "100.00", "take_payment")
        if maybe(rng, 0.4):
            say_email(row, rng, c, raw)
        elif maybe(rng, 0.25):
            say_phone(row, rng, c, raw)
        goodbye(row, rng, biz, raw)
        return done(row)

    return build


def plan_contact(biz: Biz) -> Plan:
    def build(rng: random.Random) -> Row:
        row = Call(f"h9.{biz.key}.contact", {f"biz.{biz.key}"})
        c, raw = new_caller(rng), maybe(rng, 0.6)
        key = greet_and_ask(row, rng, biz, raw)
        if maybe(rng, 0.25):
            lookup_by_line(row, rng, biz, c)
        elif maybe(rng, 0.5):
            lookup(row, rng, biz, c, key, contact=True)
        talk(row, rng, biz, raw, rng.randrange(1, 3))
        if maybe(rng, 0.25):
            generic(row, rng, biz, raw)
        say_phone(row, rng, c, raw)
        if maybe(rng, 0.7):
            say_email(row, rng, c, raw)
        goodbye(row, rng, biz, raw)
        return done(row)

    return build


def plan_refund(biz: Biz) -> Plan:
    def build(rng: random.Random) -> Row:
        row = Call(f"h9.{biz.key}.refund", {f"biz.{biz.key}"})
        c, raw = new_caller(rng), maybe(rng, 0.5)
        key = greet_and_ask(row, rng, biz, raw, REFUND_ASKS)
        if maybe(rng, 0.5):
            lookup(row, rng, biz, c, key, contact=maybe(rng, 0.5))
        talk(row, rng, biz, raw, rng.randrange(0, 2))
        agent_line(row, rng, biz, biz.refund)
        say_iban(row, rng, c, raw)
        if maybe(rng, 0.4):
            iban_call(row, rng, c, "add_refund_account")
        if maybe(rng, 0.4):
            say_email(row, rng, c, raw)
        goodbye(row, rng, biz, raw)
        return done(row)

    return build


def plan_ssn(biz: Biz) -> Plan:
    def build(rng: random.Random) -> Row:
        row = Call(f"h9.{biz.key}.ssn", {f"biz.{biz.key}"})
        c = new_caller(rng, "US" if maybe(rng, 0.75) else None)
        raw = maybe(rng, 0.55)
        greet_and_ask(row, rng, biz, raw, SSN_ASKS)
        talk(row, rng, biz, raw, rng.randrange(0, 2))
        agent_line(row, rng, biz, biz.ssn)
        if maybe(rng, 0.3):
            cls = pick(rng, ("ein", "itin"))
            what = "my business EIN" if cls == "ein" else "an ITIN from before"
            row.say(
                "user",
                f"I have {what}, ",
                slot(cls, rng, raw, biz),
                ", does that work?",
                smart=not raw,
            )
            row.say("assistant", "For this form it has to be your Social Security number.")
        say_ssn(row, rng, c, raw)
        if maybe(rng, 0.4):
            ssn_call(row, rng, c, pick(rng, ("submit_w9", "start_application", "file_request")))
        if maybe(rng, 0.35):
            say_phone(row, rng, c, raw)
        goodbye(row, rng, biz, raw)
        return done(row)

    return build


TEXT_OPEN = (
    "{name}: Hi! You're texting our front desk. Reply with your {noun} and we'll pull it up.",
    "{name} here. Thanks for your message! What's your {noun}?",
    "Hi from {name}. Send your {noun} and what you need.",
)


def plan_text(biz: Biz) -> Plan:
    """A typed thread: the business's texting line or its web chat."""

    def build(rng: random.Random) -> Row:
        row = Call(f"h9.{biz.key}.text", {f"biz.{biz.key}", "typed"})
        c = new_caller(rng)
        spec = biz.ids[0]
        row.say("assistant", pick(rng, TEXT_OPEN).format(name=biz.name, noun=spec.noun))
        key = row.memo.setdefault(spec.cls, pattern(rng, spec.shape))
        row.say(
            "user",
            pick(rng, ("its ", "", f"{spec.noun} ", "hi ")),
            Benign(spec.cls, key),
            pick(rng, ("", " - need to reschedule", " pls call me", " question about the bill")),
        )
        talk(row, rng, biz, False, rng.randrange(1, 3))
        asks = rng.randrange(3)
        if asks == 0:
            row.say("assistant", "What number can we reach you on?")
            phone_typed(row, rng, c)
            if maybe(rng, 0.5):
                row.say("assistant", "And an email for the confirmation?")
                email_typed(row, rng, c)
        elif asks == 1:
            row.say("assistant", "Which email should we use?")
            email_typed(row, rng, c)
        else:
            agent_line(row, rng, biz, biz.pay)
            row.tags.add(f"card.net.{c.card.network}")
            text = " ".join(c.card.groups) if maybe(rng, 0.6) else c.card.pan
            row.say("user", pick(rng, ("", "ok ", "card: ")), Pii("card", typed(text, rng, row)))
            row.say(
                "assistant",
                "Thanks, charged to the card ending ",
                Benign("card_last4", c.card.last4),
                ".",
            )
        goodbye(row, rng, biz, False)
        return done(row)

    return build


def plan_clear(biz: Biz) -> Plan:
    """A call with look-alikes only: the business's ids, lines, mailboxes, last fours."""

    def build(rng: random.Random) -> Row:
        row = Call(f"h9.{biz.key}.clear", {f"biz.{biz.key}"})
        c, raw = new_caller(rng), maybe(rng, 0.5)
        key = greet_and_ask(row, rng, biz, raw)
        lookup(row, rng, biz, c, key, contact=False)
        talk(row, rng, biz, raw, rng.randrange(1, 3))
        for _ in range(rng.randrange(1, 3)):
            generic(row, rng, biz, raw)
        extra = rng.randrange(4)
        if extra == 0:
            row.say("user", "Can I fax the form instead?", smart=not raw)
            row.say("assistant", "Of course, our fax is ", slot("fax", rng, False, biz), ".")
        elif extra == 1:
            row.say(
                "user",
                "keep the card ending in ",
                slot("last4", rng, raw, biz),
                " on file",
                smart=not raw,
            )
        elif extra == 2:
            row.say("assistant", "For security, the last four of your Social?")
            row.say("user", "it's ", slot("ssn4", rng, raw, biz), smart=not raw)
        else:
            row.say("assistant", "You'll get a code by text. What's the code?")
            row.say("user", slot("otp", rng, raw, biz), smart=not raw)
        goodbye(row, rng, biz, raw)
        return done(row)

    return build


def families(biz: Biz) -> dict[str, tuple[Plan, float]]:
    out = {
        f"h9.{biz.key}.pay": (plan_pay(biz), 1.15),
        f"h9.{biz.key}.contact": (plan_contact(biz), 1.05),
        f"h9.{biz.key}.text": (plan_text(biz), 0.5),
        f"h9.{biz.key}.clear": (plan_clear(biz), 0.45),
    }
    if biz.refund:
        out[f"h9.{biz.key}.refund"] = (plan_refund(biz), 0.8)
    if biz.ssn:
        out[f"h9.{biz.key}.ssn"] = (plan_ssn(biz), 1.0)
    return out
