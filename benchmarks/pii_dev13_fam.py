"""dev13 families: each builds one row from the rng it is handed."""

from __future__ import annotations

import random

from pii_dev13_beats import Call, give_email, give_phone
from pii_dev13_calls import (
    GIVE,
    SPLIT,
    closing,
    done,
    look_beat,
    new_call,
    opening,
    tool_args,
    tool_lookup,
)
from pii_dev13_gen import e164, international, phone
from pii_dev13_kit import Benign, Pii, chunk, digits
from pii_dev13_look import GROUPING, num
from pii_dev13_say import phone_spoken, phone_typed

KINDS = ["phone", "email", "card", "iban", "ssn"]
AIMS = [("phone",), ("email",), ("phone", "email"), ("card", "ssn", "bank"), ("phone", "card")]


def whose(rng: random.Random) -> str:
    return rng.choices(["own", "relative", "work", "manager"], [13, 3, 2, 2])[0]


def give(call: Call, kind: str) -> None:
    if kind in ("phone", "email"):
        GIVE[kind](
            call,
            whose(call.rng)
            if kind == "phone"
            else call.rng.choice(["own", "own", "own", "work", "relative"]),
        )
    else:
        GIVE[kind](call)


def run(call: Call, beats: list) -> None:
    call.rng.shuffle(beats)
    for beat in beats:
        beat()


def call_mixed(rng: random.Random):
    kinds = rng.sample(KINDS, rng.choice([1, 2, 2, 3]), counts=[5, 3, 3, 1, 2])
    kinds = list(dict.fromkeys(kinds))
    call = new_call(rng, "d13.call.mixed", us_ssn="ssn" in kinds)
    opening(call)
    beats = [lambda k=k: give(call, k) for k in kinds]
    beats += [lambda: look_beat(call, rng.choice(AIMS)) for _ in range(rng.randint(2, 3))]
    if rng.random() < 0.3:
        beats.append(lambda: tool_lookup(call, []))
    run(call, beats)
    closing(call, look=rng.random() < 0.7)
    return done(call)


def call_quiet(rng: random.Random):
    call = new_call(rng, "d13.call.quiet")
    opening(call)
    beats = [lambda: look_beat(call, rng.choice(AIMS)) for _ in range(rng.randint(2, 5))]
    if rng.random() < 0.4:
        beats.append(lambda: tool_lookup(call, [], rng.randint(3, 5)))
    run(call, beats)
    closing(call, look=rng.random() < 0.8)
    return done(call)


def call_split(rng: random.Random):
    kind = rng.choices(["phone", "card", "iban", "ssn"], [5, 4, 2, 3])[0]
    call = new_call(rng, "d13.call.split", us_ssn=kind == "ssn")
    opening(call)
    if rng.random() < 0.7:
        look_beat(call, rng.choice(AIMS))
    SPLIT[kind](call)
    if rng.random() < 0.7:
        look_beat(call, rng.choice(AIMS))
    if rng.random() < 0.3:
        tool_args(call, rng.choice(["email", "phone"]))
    closing(call, look=rng.random() < 0.6)
    return done(call)


def phone_beside(rng: random.Random):
    """The caller's own phone with lines that are no one's personal phone around it."""
    call = new_call(rng, "d13.phone.beside_lines")
    opening(call)
    beats = [lambda: give_phone(call, whose(rng), readback=0.5)]
    beats += [
        lambda: call.look(rng.choice(["agent", "caller"]), ("phone",))
        for _ in range(rng.randint(2, 3))
    ]
    run(call, beats)
    closing(call, look=True)
    return done(call)


def mail_beside(rng: random.Random):
    """The caller's own email with mailboxes, websites, handles and names around it."""
    call = new_call(rng, "d13.mail.beside_boxes")
    opening(call)
    beats = [lambda: give_email(call, rng.choice(["own", "own", "work", "relative"]), readback=0.4)]
    beats += [
        lambda: call.look(rng.choice(["agent", "caller"]), ("email",))
        for _ in range(rng.randint(2, 3))
    ]
    run(call, beats)
    if rng.random() < 0.5:
        call.look("agent", ("email",), rng.choice(["website", "shop_mailbox"]))
    return done(call)


def mail_quiet(rng: random.Random):
    """Email look-alikes only."""
    call = new_call(rng, "d13.mail.quiet")
    opening(call)
    for _ in range(rng.randint(2, 4)):
        call.look(rng.choice(["agent", "caller"]), ("email",))
    if rng.random() < 0.5:
        call.agent("Is there an email you'd like the receipt sent to?")
        call.user(rng.choice(["no thanks just text it", "no i'll pick it up", "no paper is fine"]))
    return done(call)


def ids_readback(rng: random.Random):
    """Ids in phone shapes given, read back, confirmed and looked up: no PII."""
    call = new_call(rng, "d13.ids.readback")
    opening(call)
    for cls, noun, n in rng.sample(call.b.ids, rng.randint(1, 2)):
        s = digits(rng, n)
        call.agent(rng.choice([f"Do you have the {noun} handy?", f"What's the {noun}, please?"]))
        call.user(
            rng.choice(["yeah its ", "hang on um ", "okay "]), Benign(cls, num(rng, s, call.raw))
        )
        said = rng.choice(["-", " ", ""]).join(chunk(s, GROUPING.get(n, [n])))
        call.agent(
            rng.choice(["Let me read that back: ", "So that's "]),
            Benign(cls, said),
            rng.choice([", correct?", ". Is that right?"]),
        )
        call.user(rng.choice(["yes", "yep that's it", "correct", "thats right"]))
    tool_lookup(call, [], rng.randint(3, 5))
    if rng.random() < 0.6:
        look_beat(call, ("phone",))
    return done(call)


def recall(kind: str):
    def fn(rng: random.Random):
        call = new_call(rng, f"d13.recall.{kind}", us_ssn=kind == "ssn")
        if rng.random() < 0.5:
            opening(call)
        give(call, kind)
        look_beat(call, rng.choice(AIMS))
        if rng.random() < 0.35:
            look_beat(call, rng.choice(AIMS))
        if rng.random() < 0.4:
            give(call, rng.choice(["phone", "email", kind]))
        return done(call)

    fn.__name__ = f"recall_{kind}"
    return fn


def tool_records(rng: random.Random):
    """PII in tool JSON (arguments and results) beside look-alike ids, lines and mailboxes."""
    call = new_call(rng, "d13.tool.records")
    opening(call)
    give(call, rng.choice(["phone", "email"]))
    tool_args(call, rng.choice(["phone", "email", "card", "iban", "phone"]))
    c = call.c
    n = phone(rng, c.region, "mobile")
    call.tag(f"phone.region.{c.region}")
    pii = [
        (
            rng.choice(["phone", "mobile", "contact_number"]),
            Pii("phone", rng.choice([e164(n), international(n)])),
        )
    ]
    tool_lookup(call, pii)
    call.agent(
        rng.choice(["I found your booking.", "Your details are up to date.", "That's all saved."])
    )
    return done(call)


def redo(rng: random.Random):
    """A number said, then a different one (an old number taken back), or the same said again."""
    call = new_call(rng, "d13.redo")
    opening(call)
    call.ask("phone")
    c = call.c
    a = phone(rng, c.region, "mobile")
    b = phone(rng, c.region, "mobile") if rng.random() < 0.6 else a
    call.tag(f"phone.region.{c.region}", "redo.same" if a is b else "redo.other")
    local = c.region == call.b.region
    if c.raw:
        lead1, t1, _ = phone_spoken(rng, a, c.voice, local)
        lead2, t2, _ = phone_spoken(rng, b, c.voice, local)
    else:
        t1, lead1 = phone_typed(rng, a, local)[0], ""
        t2, lead2 = phone_typed(rng, b, local)[0], ""
    if a is b:
        call.user("it's " + lead1, Pii("phone", t1))
        call.agent("Sorry, you broke up a little there. Could you say the whole number again?")
        call.user("sure " + lead2, Pii("phone", t2), " slowly")
    else:
        call.user(
            "it's " + lead1,
            Pii("phone", t1),
            " oh no wait that's my old one the new one is " + lead2,
            Pii("phone", t2),
        )
    if rng.random() < 0.5:
        look_beat(call, ("phone",))
    closing(call, look=rng.random() < 0.5)
    return done(call)
