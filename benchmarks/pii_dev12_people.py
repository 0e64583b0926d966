"""dev12's people: the phones that are a person's in a long call (the caller's callback
number, said whole or over two turns and read back; a relative's; a manager's at work; a new
number replacing the one on file), an email for the receipt, and the call that puts them
among the look-alike beats of pii_dev12_call.py.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from pii_dev12_beats import LOOKS
from pii_dev12_biz import BUSINESSES
from pii_dev12_call import Call, ask_id, close, greet, lookup, ok, room, start
from pii_dev12_ids import said_id
from pii_dev12_kit import FIRST, LAST, LONGEST, RELATIVES, pick
from pii_dev12_num import (
    Phone,
    email,
    email_said,
    person_region,
    phone,
    phone_said,
    phone_typed,
)
from pii_rows import Benign, Pii, Row, maybe


def give_email(c: Call) -> None:
    r = c.rng
    address = email(r)
    c.on_record(
        pick(
            r,
            (
                "What's a good email to send the confirmation to?",
                "And an email address for the receipt?",
                "Which email do you want the summary sent to?",
            ),
        )
    )
    c.user(
        pick(r, ("sure it's ", "yeah ", "you can use ")),
        Pii("email", address if not c.raw else email_said(r, address)),
    )
    c.bot("Perfect, I'll send it to ", Pii("email", address), ".")
    c.row.tags.add("email.readback")


# -- a person's phone


def callback(c: Call, region: str = "", *, whose: str = "") -> Phone:
    """The agent asks for a number; it is said (whole, or over two turns with the agent
    between); the agent reads it back (the whole number, or only its last four)."""
    r = c.rng
    p = phone(r, region or person_region(r))
    c.row.tags.add(f"phone.region.{p.region}")
    if whose:
        c.bot(f"No problem. What's {whose}?")
    else:
        c.on_record(
            pick(
                r,
                (
                    f"What's the best number to reach you at, {c.first}?",
                    f"If we get cut off, {c.first}, what number should I call you back on?",
                    f"Is there a good phone number for you, {c.first}?",
                    f"Which number should {c.name} call when it's ready?",
                    f"What's a good contact number for you, {c.first}?",
                    f"Do you have a cell number I can put on the {c.name} file?",
                ),
            )
        )
    before, text, style = phone_said(r, p, smart=not c.raw)
    c.row.tags.add(style)
    if maybe(r, 0.25) and len(p.groups) >= 3:
        cut = text.split(" ")
        i = len(cut) // 2
        c.user(
            pick(r, ("yeah it's ", "sure ", "")),
            before,
            Pii("phone", " ".join(cut[:i]), split=True),
        )
        c.bot(pick(r, ("Go ahead.", "Mm-hm.", f"Okay {c.first}, and the rest of it?")))
        c.user(Pii("phone", " ".join(cut[i:]), split=True))
        c.row.tags.add("phone.turns.2")
    else:
        c.user(
            pick(r, ("yeah it's ", "sure, ", "it's ", "best one is my cell ", "um ")),
            before,
            Pii("phone", text),
            pick(r, ("", ".", " that's my cell", " anytime after noon")),
        )
    if maybe(r, 0.6):
        typed, _ = phone_typed(r, p)
        c.bot(
            pick(r, ("I have ", "Let me read that back: ", "Got it, ")),
            Pii("phone", typed),
            pick(r, ("?", ", correct?", ".")),
        )
        c.row.tags.add("phone.readback")
        c.user(ok(r))
    elif maybe(r, 0.5):
        c.bot("Okay, the number ending in ", Benign("phone_last_four", p.e164[-4:]), "?")
        c.user(ok(r))
    return p


def relative(c: Call) -> None:
    r = c.rng
    who = pick(r, RELATIVES)
    p = phone(r, person_region(r))
    before, text, style = phone_said(r, p, smart=not c.raw)
    c.row.tags |= {f"phone.region.{p.region}", style, "phone.relative"}
    c.user(
        pick(
            r,
            (
                f"can you also put {who} on the account as a contact, ",
                f"if i don't answer try {who} at ",
                f"{who} handles this for me, their number is ",
            ),
        ),
        before,
        Pii("phone", text),
    )
    _noted(
        c,
        (
            "I can add that as a secondary contact",
            "Noted as the alternate number",
            "I'll put that in the notes",
        ),
    )


def manager(c: Call) -> None:
    r = c.rng
    first, last = pick(r, FIRST), pick(r, LAST)
    p = phone(r, "US" if maybe(r, 0.7) else person_region(r))
    text, style = phone_typed(r, p) if not c.raw else phone_said(r, p, smart=False)[1:]
    c.row.tags |= {f"phone.region.{p.region}", "phone.work_contact"}
    c.user(
        pick(
            r,
            (
                f"my supervisor {first} {last} can confirm it, her cell is ",
                f"you can verify with {first} at my job, ",
                f"the person at work who signs off is {first} {last}, ",
            ),
        ),
        Pii("phone", text),
    )
    _noted(
        c,
        (
            f"Thank you. I'll reach out to {first} if we need the employment verification",
            f"Okay, {first} is listed as your work contact",
        ),
    )


def _noted(c: Call, said: tuple[str, ...]) -> None:
    """The agent notes it, often naming the record it went on (a look-alike)."""
    r = c.rng
    if maybe(r, 0.6):
        cls = pick(r, ("case_number", "reference_number", *c.biz.ids))
        noun, _, ref = said_id(r, cls, smart=True)
        c.bot(pick(r, said), f" on {noun} ", ref, ".")
    else:
        c.bot(pick(r, said), ".")


def update_number(c: Call) -> None:
    """The caller changes the phone on file: the old one in tool JSON, the new one said."""
    r = c.rng
    old = phone(r, person_region(r))
    c.user(
        pick(
            r,
            (
                "also i got a new number so the old one won't work",
                "oh and my phone number changed",
                "and please update my number",
            ),
        )
    )
    lookup(c, person=old, key=pick(r, ("phone", "home_phone", "primary_phone")), answer=False)
    c.user(
        pick(
            r,
            (
                "no that's the old one",
                "nope that one's disconnected",
                "no i don't have that anymore",
            ),
        )
    )
    callback(c, whose="the new number")
    c.row.tags.add("phone.update")


def call(
    rng: random.Random,
    family: str,
    people: tuple[Callable[[Call], object], ...],
    extra: int,
    *tags: str,
    kinds: tuple[str, ...] = (),
) -> Row:
    biz = pick(rng, [b for b in BUSINESSES if b.kind in kinds]) if kinds else None
    c = start(rng, family, "aim.phone_precision", *tags, biz=biz)
    greet(c)
    target = rng.randrange(9, LONGEST + 1)
    beats: list[Callable[[Call], object]] = [*people]
    beats += [pick(rng, LOOKS) for _ in range(extra + rng.randrange(2, 5))]
    rng.shuffle(beats)
    left = sum(9 if p is update_number else 5 for p in people)  # turns the people still need
    for beat in beats:
        if beat in people:
            left -= 9 if beat is update_number else 5
            beat(c)
        elif len(c.row.turns) + 4 + left <= target:
            beat(c)
    if len(c.row.turns) < 6:
        ask_id(c)
    if maybe(rng, 0.25) and room(c, 3):
        give_email(c)
    close(c)
    return c.row
