"""dev12's long calls (6 to 14 turns): a caller and an agent at one of twenty-four businesses,
ids of every kind said, read back, confirmed, repeated and looked up in tool JSON, other
businesses' lines and the business's own, dates with times, amounts, numbers read off a letter;
and beside them the phones that are a person's (the caller's, a relative's, a manager's).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from pii_dev12_biz import BUSINESSES, Biz
from pii_dev12_ids import (
    IDS,
    id_typed,
    id_value,
    said_id,
)
from pii_dev12_kit import AGENTS, FIRST, LAST, LONGEST, Num, new, pick, tool, words
from pii_dev12_num import (
    Phone,
    phone_typed,
    toll_free,
)
from pii_rows import Benign, Pii, Row, maybe


@dataclass
class Call:
    rng: random.Random
    row: Row
    biz: Biz
    raw: bool  # the caller's side as plain lower-case speech-to-text
    name: str = ""
    agent: str = ""
    first: str = ""
    last: str = ""
    said: list[tuple[str, str, str]] = field(default_factory=list)  # (class, noun, digits)

    def user(self, *parts: str | Pii | Benign) -> None:
        """A caller's turn; after another one, often a short word from the agent between (or
        none: speech-to-text splits a caller's speech at a pause)."""
        if self.row.turns and self.row.turns[-1]["role"] == "user" and maybe(self.rng, 0.6):
            self.row.say(
                "assistant",
                pick(self.rng, ("Okay.", "Sure.", "Mm-hm.", "Got it.", "Alright.", "Oh, okay.")),
            )
        self.row.say("user", *parts, smart=not self.raw)

    def bot(self, *parts: str | Pii | Benign) -> None:
        if self.row.turns and self.row.turns[-1]["role"] == "assistant" and maybe(self.rng, 0.5):
            self.row.say(
                "user",
                pick(self.rng, ("okay", "mm-hm", "sure", "alright", "uh huh", "k")),
                smart=not self.raw,
            )
        self.row.say("assistant", *parts)

    def on_record(self, prompt: str) -> None:
        """The agent asks, often naming the record in front of them first (a look-alike)."""
        if self.said and maybe(self.rng, 0.5):
            cls, noun, value = pick(self.rng, self.said)
            lead = pick(self.rng, (f"Okay, on {noun} ", f"I've got {noun} ", f"So for {noun} "))
            if maybe(self.rng, 0.5):
                self.bot(lead, Benign(cls, id_typed(self.rng, value)), ". ", prompt)
            else:
                rest = prompt if prompt.startswith("I ") else prompt[0].lower() + prompt[1:]
                self.bot(lead, Benign(cls, id_typed(self.rng, value)), ", ", rest)
        else:
            self.bot(prompt)


def start(
    rng: random.Random, family: str, *tags: str, biz: Biz | None = None, raw: bool | None = None
) -> Call:
    biz = biz or pick(rng, BUSINESSES)
    raw = maybe(rng, 0.55) if raw is None else raw
    c = Call(
        rng, new(family, *tags, f"biz.{biz.kind}", "style.raw" if raw else "style.smart"), biz, raw
    )
    c.name, c.agent = pick(rng, biz.names), pick(rng, AGENTS)
    c.first, c.last = pick(rng, FIRST), pick(rng, LAST)
    return c


def room(c: Call, need: int = 3) -> bool:
    """Whether `need` more turns and a closing still fit in the row."""
    return len(c.row.turns) + need + 2 <= LONGEST


def ok(rng: random.Random) -> str:
    return pick(
        rng, ("yes", "yep", "that's right", "correct", "mm-hm yes", "yeah that's it", "uh huh")
    )


# -- opening and closing


def greet(c: Call, reason: str = "") -> None:
    """The agent answers; the caller gives a name and why they call (and often the number
    off the paperwork)."""
    r = c.rng
    c.bot(
        pick(
            r,
            (
                f"Thanks for calling {c.name}, you're speaking with {c.agent}. "
                "What's going on today?",
                f"{c.name}, this is {c.agent}. How can I help you?",
                f"Good afternoon, {c.name} customer care, {c.agent} speaking.",
                f"Hi there, you've reached {c.name}. "
                f"My name is {c.agent}, who do I have on the line?",
                f"You're through to {c.name}, {c.agent} here. What can I do for you?",
            ),
        )
    )
    hi = pick(r, ("hi", "hey", "hello", "yeah hi", "um hi", "good afternoon", "hi there"))
    me = pick(
        r,
        (
            f"this is {c.first} {c.last}",
            f"my name's {c.first}",
            f"it's {c.first} {c.last}",
            f"{c.first} {c.last} here",
        ),
    )
    why = reason or pick(r, c.biz.reasons)
    if maybe(r, 0.7):  # the caller leads with the number off the paperwork
        cls = pick(r, c.biz.ids)
        noun, value, said = said_id(r, cls, smart=not c.raw)
        c.said.append((cls, noun, value))
        c.user(f"{hi}, {me}, {why}, {pick(r, ('the ', 'my ', 'and the '))}{noun} is ", said)
    else:
        c.user(f"{hi}, {me}, {why}.")


def resume(c: Call) -> None:
    """The agent picks the call up again (a row that starts mid-call)."""
    r = c.rng
    c.bot(
        pick(
            r,
            (
                f"Thanks for holding, {c.first}.",
                f"{c.first}, I'm back, sorry about the wait.",
                f"Okay {c.first}, I have the {c.name} system open again.",
                f"Appreciate your patience, {c.first} {c.last}.",
            ),
        )
    )


def close(c: Call) -> None:
    r = c.rng
    cls = pick(r, ("confirmation_number", "case_number", "reference_number"))
    noun, _, ref = said_id(r, cls, smart=True)
    c.bot(
        pick(
            r,
            (
                f"I've noted everything, {c.first}. Your {noun} for this call is ",
                f"All set. Jot down the {noun}: ",
            ),
        ),
        ref,
        pick(r, (". Anything else I can help with?", ". Is there anything else today?", ".")),
    )
    if maybe(r, 0.4):
        c.user(
            pick(
                r,
                (
                    f"no that's everything thanks {c.agent}",
                    f"that's all, thank you {c.agent}",
                    f"no, you've been great {c.agent}, bye",
                ),
            )
        )


# -- look-alike beats


def ask_id(c: Call, cls: str = "") -> None:
    """The agent asks for an id; the caller says it; the agent reads it back; the caller
    confirms (or says it again)."""
    r = c.rng
    cls = cls or pick(r, c.biz.ids)
    noun, value, said = said_id(r, cls, smart=not c.raw)
    c.said.append((cls, noun, value))
    c.bot(
        pick(
            r,
            (
                f"Sure, can I get the {noun}?",
                f"Do you have your {noun} handy?",
                f"I'll just need the {noun} to pull that up.",
                f"What's the {noun} on it?",
            ),
        )
    )
    lead = pick(
        r,
        (
            "yeah it's ",
            "okay um it's ",
            f"the {noun} is ",
            "hold on, let me find it... okay, ",
            "",
            "it should be ",
        ),
    )
    c.user(lead, said, pick(r, ("", ".", " i think", ", that's on the paperwork.")))
    back = id_typed(r, value) if maybe(r, 0.7) else " ".join(value)
    if maybe(r, 0.35):  # read back as a statement: no answer needed
        c.bot(
            pick(r, ("Thanks, I have ", "Perfect, pulling up ", "Okay, ")),
            Benign(cls, back),
            pick(r, (" now.", ", one moment.", ".")),
        )
        return
    c.bot(
        pick(r, ("Let me repeat that: ", "I have ", "Just to confirm, ", "So that's ")),
        Benign(cls, back),
        pick(r, ("?", ", correct?", ", is that right?")),
    )
    if maybe(r, 0.35):
        c.user(ok(r))
    else:
        again = id_typed(r, value) if not c.raw else words(value, r)
        c.user(pick(r, ("yes ", "yep ", "right, ")), Benign(cls, again))


def lookup(c: Call, person: Phone | None = None, key: str = "", *, answer: bool = True) -> None:
    """A tool call on the last id under its own key; the output holds other ids, an amount,
    a date, and (when given) the phone on file, a person's."""
    r = c.rng
    if not c.said:
        cls = pick(r, c.biz.ids)
        c.said.append((cls, pick(r, IDS[cls].nouns), id_value(r, IDS[cls])))
    cls, _, value = c.said[-1]
    k = IDS[cls]
    part: Benign | Num = Benign(cls, value)
    if maybe(r, 0.3):
        part = Num(Benign(cls, value))
    args = {pick(r, k.keys): part}
    other = pick(r, [x for x in c.biz.ids if x != cls])
    result: dict[str, object] = {
        "status": pick(r, ("found", "active", "open", "ok")),
        "name": f"{c.first} {c.last}",
        pick(r, IDS[other].keys): Benign(other, id_value(r, IDS[other])),
    }
    if maybe(r, 0.5):
        result["balance"] = Benign("amount", f"{r.randrange(20, 4000)}.{r.randrange(100):02d}")
    if maybe(r, 0.5):
        result["updated"] = Benign(
            "json_date",
            f"2025-{r.randrange(1, 13):02d}-{r.randrange(1, 29):02d}"
            f"T{r.randrange(24):02d}:{r.randrange(60):02d}:00Z",
        )
    if person is not None:
        text, style = phone_typed(r, person)
        key = key or pick(
            r, ("phone", "callback_number", "mobile", "phone_on_file", "contact_phone", "cell")
        )
        result[key] = Pii("phone", text)
        c.row.tags |= {f"phone.region.{person.region}", f"phone.json.{key}", f"phone.typed.{style}"}
    else:
        branch = toll_free(r)
        result[pick(r, ("support_line", "branch_phone", "servicing_phone"))] = Benign(
            "business_phone", phone_typed(r, branch)[0]
        )
    tool(c.row, c.biz.tool, args, result, spaced=maybe(r, 0.6))
    if person is None:
        c.row.say(
            "assistant",
            pick(
                r,
                (
                    f"Okay {c.first}, I have your file open.",
                    f"Alright, I found it under {c.first} {c.last}.",
                    "Thanks, that pulled it right up.",
                ),
            ),
        )
    elif maybe(r, 0.5):
        c.row.say(
            "assistant",
            "I see a number on file ending in ",
            Benign("phone_last_four", person.e164[-4:]),
            ". Is that still good?",
        )
    else:
        c.row.say(
            "assistant",
            "Is ",
            Pii("phone", phone_typed(r, person)[0]),
            pick(r, (" still the best number?", " still current?")),
        )
        c.row.tags.add("phone.readback")
    if person is not None and answer:
        c.user(ok(r))
