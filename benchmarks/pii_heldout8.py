"""heldout8: whole calls (2-14 turns) at twenty-five kinds of business, as a deployment hears them.

A held-out part (seed 22019), written without reading the rules or any other part. Each row
is one call at a vet, dentist, property manager, mover, ISP, energy supplier, motor vehicle
office, admissions office, gym, food delivery, travel agency, insurer, pharmacy, recruiter,
legal aid clinic, mortgage broker, car rental, hotel, mobile carrier, online shop, garage,
charity, tax preparer, credit union, streaming service or medical clinic: the agent greets,
the caller says why they call (with the ids, amounts, dates of that business), is looked up
by phone or by an id, and gives what the call needs: a callback number (callers from forty
regions, a good third US/Canada), an email, a card, an IBAN, a Social Security number. Turns
are raw lower-case speech-to-text (numbers in words, "oh", "double", slips, fillers,
restarts), smart-formatted speech, typed chat/SMS, and the agent's tool calls and their JSON
results; numbers are read back, corrected, split over turns. Around them: the business's own
lines, mailboxes and websites, masked cards, last fours, expiry/CVV/ZIP, and some sixty kinds
of ids and numbers that stay in clear.

Modules: pii_heldout8_kit (valid numbers, speech), pii_heldout8_look (look-alikes),
pii_heldout8_biz (the businesses), pii_heldout8_call (a call, openings, closings),
pii_heldout8_steps (PII steps), this one (families); hand rows in
tests/data/pii/hand_heldout8.jsonl.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from pii_heldout8_biz import BIZ, Biz
from pii_heldout8_call import Call, check_length, close, greet, identify, info, reason, record
from pii_heldout8_kit import (
    card,
    card_groups,
    card_spoken,
    email_spoken,
    phone_spoken,
    phone_text,
    pick,
    ssn,
)
from pii_heldout8_look import ID_WORDS, draw
from pii_heldout8_steps import (
    card_step,
    details,
    email_step,
    iban_step,
    phone_split,
    phone_step,
    schedule,
    ssn_step,
)
from pii_rows import Benign, Pii, Row, maybe

STEP_ORDER = ("phone", "email", "card", "iban", "ssn")


def _steps(c: Call) -> list[str]:
    """One to three PII steps, drawn by the business's mix."""
    rng = c.rng
    kinds = [k for k in STEP_ORDER if c.biz.mix.get(k, 0) > 0]
    weights = [c.biz.mix[k] for k in kinds]
    n = rng.choices([1, 2, 3], [0.45, 0.4, 0.15])[0]
    out: list[str] = []
    while kinds and len(out) < n:
        k = rng.choices(kinds, weights)[0]
        i = kinds.index(k)
        kinds.pop(i)
        weights.pop(i)
        out.append(k)
    return out


def _run_step(c: Call, kind: str) -> None:
    split = maybe(c.rng, 0.09)
    if kind == "phone":
        phone_split(c) if split else phone_step(c)
    elif kind == "email":
        email_step(c)
    elif kind == "card":
        card_step(c, split=split)
    elif kind == "iban":
        iban_step(c, split=split)
    else:
        ssn_step(c, split=split)


def business_family(biz: Biz) -> Callable[[random.Random], Row]:
    def family(rng: random.Random) -> Row:
        c = Call(rng, biz, f"h8.{biz.key}")
        if maybe(rng, 0.7):
            greet(c)
        reason(c)
        no_pii = maybe(rng, 0.1)
        if maybe(rng, 0.65):
            identify(c, allow_phone=not no_pii)
            if maybe(rng, 0.6):
                record(
                    c,
                    with_phone=not no_pii and maybe(rng, 0.7),
                    with_email=not no_pii and maybe(rng, 0.5),
                )
        if maybe(rng, 0.35):
            details(c)
        if not no_pii:
            for kind in _steps(c):
                if len(c.row.turns) > 9:
                    break
                _run_step(c, kind)
        if maybe(rng, 0.3) and len(c.row.turns) < 12:
            schedule(c)
        if maybe(rng, 0.35) and len(c.row.turns) < 13:
            info(c)
        if maybe(rng, 0.5) and len(c.row.turns) < 13:
            close(c)
        return check_length(c)

    return family


# ---------------------------------------------------------------- short calls and texts

SMS_OPEN = (
    "hi its {} {}. new number is {} pls update",
    "Hi, this is {} {} — can you send the invoice to {} instead?",
    "hey, {} {} here. my cell changed, it's {} now",
    "Hello, {} {}. Please text me at {} when it's ready.",
)


def quick_text(rng: random.Random) -> Row:
    """A two- or three-turn SMS or chat: the customer types a detail, the agent confirms."""
    biz = BIZ[rng.randrange(len(BIZ))]
    c = Call(rng, biz, "h8.quick_text", channel=pick(rng, ["sms", "chat"]))
    frame = pick(rng, SMS_OPEN)
    name = (c.first.title(), c.last.title()) if frame[0] == "H" else (c.first, c.last)
    if "invoice" in frame:
        c.uf(frame.format(*name, "{}"), Pii("email", c.email_addr))
        c.af(
            pick(rng, ["Done! Future invoices go to {}.", "Updated — we'll email {} from now on."]),
            Pii("email", c.email_addr),
        )
    else:
        num, reg = c.new_phone()
        c.uf(frame.format(*name, "{}"), Pii("phone", phone_text(rng, num, reg)))
        c.af(
            pick(
                rng,
                [
                    "Thanks {}! I've updated your number to {}. Your {} is {} for reference.",
                    "Got it, {} — {} is now on file. ({} {})",
                ],
            ),
            c.first.title(),
            c.phone_read(num, reg),
            ID_WORDS.get(biz.ids[0], biz.ids[0].replace("_", " ")),
            c.alook(biz.ids[0]),
        )
    if maybe(rng, 0.5):
        c.user(pick(rng, ["thx", "Thank you!", "great thanks", "👍"]))
    return c.row


def handoff(rng: random.Random) -> Row:
    """The assistant hands the call to a person with a summary dense with numbers."""
    biz = BIZ[rng.randrange(len(BIZ))]
    c = Call(rng, biz, "h8.handoff")
    reason(c)
    num, reg = c.new_phone()
    c.agent(
        pick(
            rng,
            [
                "Can I get a callback number in case we're disconnected?",
                "Before I transfer you over, what's a good number in case the transfer drops?",
            ],
        )
    )
    c.uf(pick(rng, ["{}", "It's {}.", "Sure, {}."]), c.phone_said(num, reg))
    cls = biz.ids[0]
    note: list[str | Pii | Benign] = [
        "Transferring to a specialist. Summary: caller ",
        f"{c.first.title()} {c.last.title()}, {ID_WORDS.get(cls, cls.replace('_', ' '))} ",
        c.alook(cls, c.known.get(cls)),
        ", callback ",
        c.phone_tool(num) if maybe(rng, 0.5) else c.phone_read(num, reg),
    ]
    if maybe(rng, 0.6):
        note += [", email ", Pii("email", c.email_addr)]
    if maybe(rng, 0.5):
        note += [", card on file ", c.alook("masked_card")]
    note += [", amount in question ", c.alook("amount"), ", opened ", c.alook("date"), "."]
    c.row.say("assistant", *note)
    if maybe(rng, 0.5):
        c.tool_call(
            "transfer_call",
            {
                "queue": pick(rng, ["billing", "tier2", "claims", "retention"]),
                "callback": c.phone_tool(num),
                "ticket": c.alook("ticket_number"),
            },
        )
    if maybe(rng, 0.5):
        c.agent(
            pick(
                rng,
                [
                    "Please hold on the line while I connect you to them.",
                    "One moment, I'm putting you through to that desk now.",
                ],
            )
        )
    return check_length(c)


def lookalike_call(rng: random.Random) -> Row:
    """A call without PII: the business's numbers, ids, amounts and dates only."""
    biz = BIZ[rng.randrange(len(BIZ))]
    c = Call(rng, biz, "h8.no_pii")
    if maybe(rng, 0.5):
        greet(c)
    reason(c)
    cls = pick(rng, biz.ids)
    word = ID_WORDS.get(cls, cls.replace("_", " "))
    c.agent(
        pick(
            rng,
            [
                f"Sure, what's the {word} you were given?",
                f"Happy to look. Which {word} is this about?",
                f"Okay — read me the {word} off your email, if you have it.",
            ],
        )
    )
    value = draw(rng, cls)
    c.uf(pick(rng, ["It's {}.", "{}", "Um, {}."]), c.look(cls, value))
    c.tool_call("lookup", {cls: Benign(cls, value)})
    extra = sorted(set(biz.extra))
    rng.shuffle(extra)
    c.tool_result(
        {"found": True, **{k: c.alook(k) for k in extra[:3]}, "balance": c.alook("amount")}
    )
    details(c)
    if maybe(rng, 0.5):
        c.uf(
            pick(
                rng,
                [
                    "What's your phone number again, so I can jot it on the ticket?",
                    "And where do I email those documents you mentioned?",
                    "Is there a number I can call back on if it drops?",
                ],
            )
        )
        info(c)
    if maybe(rng, 0.4):
        c.uf(
            pick(rng, ["Can I pay with the card ending {}?", "Is it still the card {}?"]),
            c.look("masked_card"),
        )
        c.af("Yes, {} is still on file.", c.alook("masked_card"))
    return check_length(c)


def readback_json(rng: random.Random) -> Row:
    """An account change read back and pushed through tools: several PII in one call."""
    biz = BIZ[rng.randrange(len(BIZ))]
    c = Call(rng, biz, "h8.profile_update")
    c.uf(
        pick(
            rng,
            [
                "I need to update my contact details, both of them changed last week.",
                "Hi, I switched carriers and got a new email, so both are out of date.",
                "Can you update my info? My number and my email both changed recently.",
            ],
        )
    )
    num, reg = c.new_phone()
    c.agent("Sure, happy to — what's the new phone number going to be?")
    c.uf("{}", c.phone_said(num, reg))
    c.agent("And the new email you'd like on there?")
    c.uf("{}", c.email_said())
    c.tool_call(
        "update_profile",
        {
            "customer": c.alook(biz.ids[0]),
            "phone": c.phone_tool(num),
            "email": Pii("email", c.email_addr),
        },
    )
    c.tool_result(
        {"updated": ["phone", "email"], "at": c.alook("date"), "ref": c.alook("reference_number")}
    )
    c.af(
        pick(rng, ["Both updated: {} and {}.", "All set — phone {}, email {}."]),
        c.phone_read(num, reg),
        Pii("email", c.email_addr),
    )
    if maybe(rng, 0.4):
        old = ssn(rng)
        c.agent(
            pick(
                rng,
                [
                    "For security, could you confirm the last four of your social for me?",
                    "Before I save this, can you confirm the last four of your SSN?",
                ],
            )
        )
        c.uf(
            "{}",
            Benign(
                "last_four",
                old[5:] if not c.raw else " ".join("oh" if d == "0" else str(d) for d in old[5:]),
            ),
        )
    return check_length(c)


def spoken_mixture(rng: random.Random) -> Row:
    """A raw speech call: a card, then the caller's own phone and email, one after another."""
    biz = BIZ[rng.randrange(len(BIZ))]
    c = Call(rng, biz, "h8.raw_mix", channel="voice")
    c.raw = True
    c.tags.discard("stt.smart")
    c.tags.add("stt.raw")
    greet(c)
    c.uf(
        pick(
            rng,
            ["yeah hi i want to pay {} and update my details", "hi um i need to pay my bill of {}"],
        ),
        c.look("amount"),
    )
    net, pan = card(rng)
    c.tags.add(f"card.network.{net}")
    c.agent("Sure. Go ahead with the long number on the card.")
    c.uf("okay {}", Pii("card", card_spoken(rng, pan)))
    c.af("Thanks, I have {}. Now the phone and email?", Pii("card", " ".join(card_groups(pan))))
    num, reg = c.new_phone()
    c.uf(
        pick(rng, ["phone is {} and email {}", "my number {} um and the email is {}", "{} and {}"]),
        Pii("phone", phone_spoken(rng, num, reg)),
        Pii("email", email_spoken(rng, c.email_addr)),
    )
    c.af("Got it: {} and {}.", c.phone_read(num, reg), Pii("email", c.email_addr))
    return check_length(c)


FAMILIES: dict[str, tuple[Callable[[random.Random], Row], float]] = {
    **{f"h8.{b.key}": (business_family(b), 1.0) for b in BIZ},
    "h8.quick_text": (quick_text, 1.6),
    "h8.handoff": (handoff, 1.4),
    "h8.no_pii": (lookalike_call, 1.6),
    "h8.profile_update": (readback_json, 1.4),
    "h8.raw_mix": (spoken_mixture, 1.2),
}
