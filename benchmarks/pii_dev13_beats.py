"""dev13 beats: a call (caller, business, row) and the ways PII comes up in it, whole in one
turn, read back, corrected, or split across turns of one speaker with the other between.
"""

from __future__ import annotations

import random

from pii_dev13_biz import Biz, person_email
from pii_dev13_gen import NETWORK_SAID, card, iban, phone, ssn
from pii_dev13_kit import Caller, Pii, Row, chunk, groups_said
from pii_dev13_look import LOOKS
from pii_dev13_say import (
    card_smart_spoken,
    card_spoken,
    card_typed,
    email_smart_spoken,
    email_spoken,
    email_typed,
    iban_smart_spoken,
    iban_spoken,
    iban_typed,
    phone_halves,
    phone_spoken,
    phone_typed,
    ssn_spoken,
    ssn_typed,
)


class Call:
    def __init__(self, rng: random.Random, family: str, c: Caller, b: Biz):
        self.rng, self.c, self.b = rng, c, b
        self.row = Row(family)

    @property
    def raw(self) -> bool:
        return self.c.raw

    def agent(self, *parts) -> None:
        self.row.say("assistant", *parts)

    def user(self, *parts) -> None:
        self.row.say("user", *parts, smart=not self.c.raw)

    def tool(self, *parts) -> None:
        self.row.say("tool", *parts)

    def tag(self, *tags: str) -> None:
        self.row.tags.update(tags)

    def look(
        self, who: str, aims: tuple[str, ...] = ("phone", "email"), cls: str | None = None
    ) -> str:
        """One turn from `who` ("agent"/"caller") holding a look-alike of one of `aims`."""
        pool = [
            (k, w, a, f)
            for k, w, a, f in LOOKS
            if a in aims and w in (who, "any") and (cls is None or k == cls)
        ]
        k, w, a, fn = self.rng.choice(pool)
        if who == "agent":
            parts = fn(self.rng, self.b, False, "agent")
            if isinstance(parts[0], str) and parts[0]:
                parts[0] = parts[0][0].upper() + parts[0][1:]
            self.agent(*parts)
        else:
            self.user(*fn(self.rng, self.b, self.raw, "caller"))
        return a

    @property
    def last_role(self) -> str:
        return self.row.turns[-1]["role"] if self.row.turns else "user"

    def ask(self, what: str) -> None:
        self.agent(self.rng.choice(ASK[what]).format(thing=self.b.thing))


ASK = {
    "phone": [
        "What's the best number to reach you on about the {thing}?",
        "Can I grab a callback number for the {thing}?",
        "And a mobile number for the day-of text about your {thing}?",
        "Which number should the crew call about the {thing}?",
        "Before I lock in the {thing}, what's a good phone number for you?",
    ],
    "email": [
        "What email should the {thing} confirmation go to?",
        "Can I get an email for the {thing} receipt?",
        "And your email address, for the {thing} paperwork?",
        "Where should I send the {thing} quote?",
    ],
    "card": [
        "I can take the {thing} deposit now. What's the long number on the card?",
        "Go ahead with the card number for the {thing} whenever you're ready.",
        "To hold the {thing} I need a card. The digits on the front, please.",
    ],
    "iban": [
        "For the {thing} refund, what's the IBAN?",
        "Which account should the {thing} deposit go back to? The IBAN, please.",
        "Read me the IBAN from your banking app and I'll set up the {thing} refund.",
    ],
    "ssn": [
        "For the tax form on the {thing} contractor payment I need your Social Security number.",
        "To run the credit check for the {thing} financing, what's your social?",
        "For the W-9 on the {thing} job I'll need the SSN.",
    ],
}
WHOSE_PHONE = {
    "own": ["it's ", "yeah my cell is ", "best is ", "you can get me on ", "my number's "],
    "relative": [
        "call my husband he'll be there, his number is ",
        "my daughter's doing pickup, her mobile is ",
        "put my mum's number down, it's ",
    ],
    "work": ["my direct line at work is ", "at the office i'm on "],
    "manager": [
        "our site manager is the contact, his mobile is ",
        "ring the event planner, she's on ",
    ],
}


def region_tag(call: Call, region: str) -> None:
    call.tag(f"phone.region.{region}")


# --- phones ---------------------------------------------------------------------------


def give_phone(call: Call, whose: str = "own", readback: float = 0.4, ask: bool = True) -> None:
    rng, c = call.rng, call.c
    region = c.region if whose != "manager" or rng.random() < 0.7 else call.b.region
    n = phone(rng, region, "mobile" if rng.random() < 0.8 else "fixed")
    local = region == call.b.region
    if ask:
        call.ask("phone")
    lead_words = rng.choice(WHOSE_PHONE[whose])
    if c.raw:
        lead, text, form = phone_spoken(
            rng,
            n,
            c.voice,
            local,
            restart=rng.choice([0, 0, 0.3]),
            from_na=c.region in ("US", "CA"),
        )
        call.user(
            lead_words + lead,
            Pii("phone", text),
            rng.choice(["", " thats a mobile", " yeah", " got that"]),
        )
    else:
        text, form = phone_typed(rng, n, local)
        tail = rng.choice(
            [
                "",
                ".",
                " ext. 2" + str(rng.randint(10, 99)) if whose == "work" else ".",
                ", text is fine.",
            ]
        )
        call.user(lead_words.capitalize(), Pii("phone", text), tail)
    region_tag(call, region)
    call.tag(f"form.phone.{form}", f"whose.{whose}")
    if rng.random() < readback:
        back, _ = phone_typed(rng, n, local)
        call.agent(
            rng.choice(["Let me read that back: ", "So that's ", "I have "]),
            Pii("phone", back),
            rng.choice([". Correct?", " - is that right?", "."]),
        )
        call.user(rng.choice(["yes", "yep that's it", "correct", "mm hm"]))


def split_phone(call: Call) -> None:
    rng, c = call.rng, call.c
    n = phone(rng, c.region, "mobile")
    local = c.region == call.b.region or rng.random() < 0.5
    pieces = phone_halves(rng, n, local)
    call.ask("phone")
    say_split(
        call, "phone", pieces, lead=rng.choice(["it's ", "okay ", "right so "]), plus=not local
    )
    region_tag(call, c.region)


# --- the split engine -----------------------------------------------------------------------

ASIDE = [
    "Sorry, one moment, I'm just making a note of that.",
    "Okay. And just so you know, if the line drops I'll call you straight back on this number.",
    "Got it. Take your time, there's no rush at all, I've got the booking open in front of me.",
    "Mm-hm. Just a heads up that we're getting a bit of wind noise on the line, so go slowly.",
    "Sure. While you find it, I'll mention the deposit is fully refundable up to a week before.",
    "Right. And the next part?",
    "Okay, keep going.",
    "Go on.",
    "Is that a mobile?",
    "Hang on, the line crackled. Could you carry on from there?",
]
MIDDLE = [
    "then ",
    "and then ",
    "next bit is ",
    "after that ",
    "okay the middle is ",
    "yeah then ",
    "continuing ",
]
LAST = [
    "and the last part is ",
    "last bit ",
    "and finally ",
    "then it ends ",
    "right the rest is ",
    "okay and ",
]
HOLD = [
    "one sec grabbing my wallet",
    "hang on its in my other bag",
    "hold on let me find the letter",
    "sorry my dog just barked",
    "wait let me put my glasses on",
    "hold on the kids are yelling",
]


def _piece(call: Call, canon: str, render=None) -> str:
    """One piece as this caller says it: words (raw STT) or as typed / smart-formatted."""
    if render is not None:
        return render(canon)
    if call.c.raw:
        return groups_said(canon.split(" "), call.c.voice, call.rng)
    return canon


def say_split(
    call: Call,
    kind: str,
    pieces: list[str],
    lead: str = "",
    plus: bool = False,
    render=None,
    echo: float = 0.35,
) -> None:
    """Caller says `pieces` (canonical text) over 2-3 turns; between them the agent prompts,
    asides or echoes a piece (a split label too). With `plus`, the first piece carries the
    country code: a typed "+" inside the label, a spoken "plus" outside it."""
    rng = call.rng
    call.tag("aim.split", f"split.{kind}", f"split.pieces{len(pieces)}")
    for i, canon in enumerate(pieces):
        text = _piece(call, canon, render)
        if i == 0 and plus:
            if call.c.raw:
                lead += rng.choice(["plus ", "double oh "])
            else:
                text = "+" + text
        last = i == len(pieces) - 1
        before = lead if i == 0 else rng.choice(MIDDLE if not last else LAST)
        after = (
            "" if last else rng.choice(["", " um", " and", " so far", " is the first bit", " okay"])
        )
        if i == 0 and not last and rng.random() < 0.3:
            after = " " + rng.choice(HOLD)
            call.tag("split.hold")
        if i and rng.random() < 0.12:
            # a correction: the previous piece said again with this one: one stretch, one label
            prev = _piece(call, pieces[i - 1], render)
            joint = rng.choice([" then ", " and ", " "])
            call.user(
                rng.choice(["sorry ", "no wait "]),
                Pii(kind, prev + joint + text, split=True),
                after,
            )
            call.tag("split.correction")
        else:
            call.user(before, Pii(kind, text, split=True), after)
        if last:
            break
        if rng.random() < echo:
            back = ("+" + canon) if i == 0 and plus else canon
            call.agent(
                Pii(kind, back, split=True),
                rng.choice([", got it. And the rest?", ". Go on.", "... okay, next?"]),
            )
            call.tag("split.echo")
        else:
            call.agent(rng.choice(ASIDE))


# --- emails -----------------------------------------------------------------------------


def give_email(call: Call, whose: str = "own", readback: float = 0.35, ask: bool = True) -> None:
    rng, c = call.rng, call.c
    work = whose == "work"
    local, dom = person_email(rng, c.first, c.last, c.region, work=work)
    if whose == "relative":
        from pii_dev13_kit import FIRST

        local, dom = person_email(rng, rng.choice(FIRST), c.last, c.region)
    if ask:
        call.ask("email")
    lead = {
        "own": ["it's ", "sure it's ", "um ", "you can use "],
        "work": ["use my work one ", "send it to my work address "],
        "relative": ["send it to my wife's ", "my son handles that it's "],
    }[whose]
    if c.raw:
        text, form = email_spoken(
            rng,
            local,
            dom,
            c.voice,
            spell_local=rng.choice([0, 0, 0.5, 1.0]),
            nato=rng.choice([0, 0, 0.5]),
        )
    elif c.typed or rng.random() < 0.5:
        text, form = email_typed(rng, local, dom)
    else:
        text, form = email_smart_spoken(rng, local, dom)
    call.user(
        rng.choice(lead),
        Pii("email", text),
        rng.choice(["", " all lower case", " thanks", "."])
        if not c.raw
        else rng.choice(["", " all lower case", " thanks"]),
    )
    call.tag(f"form.email.{form}", f"whose.{whose}")
    if rng.random() < readback:
        call.agent(
            rng.choice(["Just to confirm, that's ", "I've put down "]),
            Pii("email", f"{local}@{dom}"),
            rng.choice(["?", ", right?", "."]),
        )
        call.user(rng.choice(["yes", "thats right", "yep"]))


# --- cards ------------------------------------------------------------------------------


def give_card(call: Call, extras: bool = True, ask: bool = True) -> None:
    rng, c = call.rng, call.c
    net, number, grouping = card(rng)
    if ask:
        call.ask("card")
    lead = rng.choice(
        [
            "okay it's a " + NETWORK_SAID[net] + " ",
            "it says ",
            "reading it off the card ",
            "it's one of those prepaid " + NETWORK_SAID[net] + " gift cards ",
            "right ",
        ]
    )
    if c.raw:
        text, form = card_spoken(rng, number, grouping, c.voice, restart=rng.choice([0, 0, 0.25]))
    elif c.typed:
        text, form = card_typed(rng, number, grouping)
    else:
        text, form = rng.choice([card_smart_spoken, lambda r, n, g: card_typed(r, n, g)])(
            rng, number, grouping
        )
    call.user(
        lead,
        Pii("card", text),
        rng.choice(["", " and thats it", ".", " i think"]) if not c.raw else "",
    )
    call.tag(f"form.card.{form}", f"card.{net}")
    if extras:
        for cls in rng.sample(["card_expiry", "card_cvv", "billing_zip"], rng.randint(1, 2)):
            call.agent(rng.choice(EXTRA_ASK[cls]).format(thing=call.b.thing))
            call.look("caller", ("card",), cls)


EXTRA_ASK = {
    "card_expiry": [
        "Thanks. And the expiry on the card for the {thing}?",
        "What's the expiry date on it? Then the {thing} is held.",
    ],
    "card_cvv": [
        "Got it. The security code on the back, for the {thing} payment?",
        "And the three-digit code, please, for the {thing}?",
    ],
    "billing_zip": [
        "And the billing zip for the {thing} payment?",
        "What zip code is the card registered to? It's for the {thing} charge.",
    ],
}


def split_card(call: Call) -> None:
    rng = call.rng
    net, number, grouping = card(rng)
    gs = chunk(number, grouping)
    if len(gs) == 4 and rng.random() < 0.5:
        pieces = [" ".join(gs[:2]), gs[2], gs[3]]
    elif len(gs) >= 4:
        pieces = [" ".join(gs[:2]), " ".join(gs[2:])]
    else:
        pieces = [gs[0], " ".join(gs[1:])]
    call.ask("card")
    say_split(call, "card", pieces, lead=rng.choice(["okay ", "it's ", "right the number is "]))
    call.tag(f"card.{net}")


# --- IBANs ------------------------------------------------------------------------------


def give_iban(call: Call, ask: bool = True) -> None:
    rng, c = call.rng, call.c
    code = iban(rng)
    if ask:
        call.ask("iban")
    if c.raw:
        text, form = iban_spoken(rng, code, c.voice, restart=rng.choice([0, 0, 0.3]))
    elif c.typed or rng.random() < 0.5:
        text, form = iban_typed(rng, code)
    else:
        text, form = iban_smart_spoken(rng, code)
    call.user(
        rng.choice(["it's ", "okay ", "from the app ", "got it "]),
        Pii("iban", text),
        rng.choice(["", " that's it", "."]) if not c.raw else "",
    )
    call.tag(f"iban.country.{code[:2]}", f"form.iban.{form}")


def split_iban(call: Call) -> None:
    rng = call.rng
    code = iban(rng)
    gs = chunk(code, [4] * 9)
    cut = rng.randint(2, max(2, len(gs) - 2))
    pieces = [" ".join(gs[:cut]), " ".join(gs[cut:])]
    call.ask("iban")
    render = None
    if call.c.raw:

        def render(p: str) -> str:
            return iban_spoken(rng, p.replace(" ", ""), call.c.voice)[0]

    say_split(call, "iban", pieces, lead=rng.choice(["okay ", "it starts "]), render=render)
    call.tag(f"iban.country.{code[:2]}")


# --- SSNs -------------------------------------------------------------------------------


def give_ssn(call: Call, ask: bool = True) -> None:
    rng, c = call.rng, call.c
    s = ssn(rng)
    if ask:
        call.ask("ssn")
    if c.raw:
        text, form = ssn_spoken(rng, s, c.voice, restart=rng.choice([0, 0, 0.3]))
    else:
        text, form = ssn_typed(rng, s)
    call.user(
        rng.choice(["okay it's ", "sure ", "my social is ", "um "]),
        Pii("ssn", text),
        rng.choice(["", ".", " and the card's in my name"]) if not c.raw else "",
    )
    call.tag(f"form.ssn.{form}")


def split_ssn(call: Call) -> None:
    rng = call.rng
    s = ssn(rng)
    pieces = rng.choice([[s[:3], s[3:5], s[5:]], [s[:3] + " " + s[3:5], s[5:]], [s[:5], s[5:]]])
    call.ask("ssn")
    say_split(call, "ssn", pieces, lead=rng.choice(["okay ", "it's ", "the first part is "]))
