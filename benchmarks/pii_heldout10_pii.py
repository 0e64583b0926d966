"""heldout10: the PII beats of a call. Phones (the caller's, a relative's, a manager's, a work
line given as one's own), emails, cards, IBANs and SSNs, said whole, typed, corrected, read
back by the agent, split over turns of one speaker (each piece a `split` label, the agent's
echo of a group too), and passed to tools as JSON."""

from __future__ import annotations

import pii_heldout10_mail as mail
import pii_heldout10_num as num
import pii_heldout10_say as say
import pii_heldout10_spell as spell
from pii_heldout10_call import Call, intl_mode
from pii_rows import Benign, Pii

WHO = {
    "self": (
        "it's ",
        "you can get me on ",
        "best number's ",
        "my cell is ",
        "the mobile is ",
        "I'm on ",
        "call me on ",
        "okay it is ",
        "yeah so it's ",
    ),
    "relative": (
        "my husband's cell, it's ",
        "my wife's the one coming, her number is ",
        "my son's mobile, ",
        "put my daughter down, she's on ",
        "my partner's number is ",
        "my mum will answer, hers is ",
        "my brother, he's the driver, his cell is ",
    ),
    "work": (
        "my direct line at work is ",
        "my desk phone, it's my own line, ",
        "at the office I'm on ",
        "my work mobile, ",
    ),
    "manager": (
        "my manager signs off on it, her direct line is ",
        "talk to our site lead, his cell is ",
        "the head warden, his own number is ",
    ),
}
ASK_PHONE = (
    "Which number is easiest for catching you during the day?",
    "Can I grab a callback number, just in case?",
    "And a phone number, in case this line cuts out on us?",
    "What number shall we text the reminder to?",
    "Could you give me a contact number to pin to the booking?",
    "Where's the best place to ring you back?",
)
AFTER_PHONE = (
    "Lovely, thank you.",
    "Got it.",
    "Perfect.",
    "Thanks, noted.",
    "Okay, I've put that down.",
)


def phone(
    c: Call,
    who: str = "self",
    typed: bool | None = None,
    readback: float = 0.3,
    foreign: bool = False,
    ext: float = 0.06,
):
    """Agent asks, caller gives a whole phone number; sometimes the agent reads it back."""
    rng = c.rng
    region = c.region if not foreign else num.caller_region(rng)
    number = num.phone(rng, region)
    c.tag_phone(number)
    if rng.random() < 0.7:
        c.agent(*c.ref(), rng.choice(ASK_PHONE))
    lead = rng.choice(WHO[who])
    typed = c.chat if typed is None else typed
    tail: list = []
    if who in ("work", "manager") and rng.random() < max(ext, 0.3):
        e = str(rng.randint(10, 4999))
        tail = [rng.choice((" extension ", " ext. ", ", ext ")), Benign("phone_extension", e)]
    if typed:
        text = say.phone_typed(number, rng)
        c.user(
            False, lead.capitalize(), Pii("phone", text), *tail, rng.choice(("", ".", " thanks"))
        )
    else:
        raw = c.raw()
        if tail and raw:
            tail = [" extension ", Benign("phone_extension", say.natural(tail[1].text, rng, c.v))]
        pre, text = say.phone_said(number, rng, c.v, raw, intl_mode(c, region, foreign))
        end = (
            rng.choice(("", " yeah", " that's a cell", " that's the one"))
            if raw
            else rng.choice(("", ".", ", that's a cell.", ". Mobile.", "?"))
        )
        c.user(raw, lead if raw else lead.capitalize(), pre, Pii("phone", text), *tail, end)
    if rng.random() < readback:
        back = num.fmt(number, "intl" if number.country_code != 1 or rng.random() < 0.2 else "nat")
        if rng.random() < 0.3:
            back = say.said(num.groups_national(number), rng, c.av, True, 0)
        c.agent(
            rng.choice(("Just to confirm, that's ", "I have ", "Let me read that back: ")),
            Pii("phone", back),
            rng.choice(("?", ". Is that right?", ", correct?")),
        )
        c.user(c.raw(), rng.choice(("Yes.", "That's right.", "Yep, that's it.", "Correct.")))
    elif rng.random() < 0.5:
        if rng.random() < 0.5:
            cls, line = c.org.lines[rng.choice((0, 1))]
            c.agent(
                rng.choice(AFTER_PHONE),
                " The text will come from ",
                Benign(cls, line),
                ", so don't block it.",
            )
        else:
            c.agent(rng.choice(AFTER_PHONE))
    return number


def contact_tool(c: Call, number=None, addr: str | None = None) -> None:
    """The agent's tool saves the contact; the tool echoes the record."""
    rng = c.rng
    args: dict = {"name": c.person.full}
    if number is not None:
        args[rng.choice(("phone", "mobile", "callback_number", "msisdn"))] = Pii(
            "phone", say.phone_json(number, rng)
        )
    if addr:
        args[rng.choice(("email", "email_address", "contact_email"))] = Pii("email", addr)
    c.tool(args, rng.choice(("crm.update_contact", "save_caller_details", "bookings.set_contact")))
    cls, line = c.org.lines[0]
    c.tool(
        {
            "ok": True,
            "record_id": Benign(
                "crm_record_id",
                num.pattern(rng, rng.choice(("cus_%#######", "C-########", "%#########"))),
            ),
            "updated": Benign(
                "timestamp",
                f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                f"T{rng.randint(8, 19):02d}:{rng.randint(0, 59):02d}:00Z",
            ),
            "branch_line": Benign(cls, line),
        }
    )


def phone_twice(c: Call) -> None:
    """A number said, taken back as wrong ("that's the old one"), and a new one said whole."""
    rng = c.rng
    a, b = num.phone(rng, c.region), num.phone(rng, c.region)
    c.tag_phone(a)
    raw = c.raw()
    _, t1 = say.phone_said(a, rng, c.v, raw, "")
    _, t2 = say.phone_said(b, rng, c.v, raw, "")
    if raw:
        mid = rng.choice(
            (
                " no wait that's my old number the new one is ",
                " sorry that's the landline we got rid of it's ",
                " hmm no that was my old cell now it's ",
            )
        )
    else:
        mid = rng.choice(
            (
                ". No, wait, that's my old number. The new one is ",
                " - sorry, that's the landline we got rid of. It's ",
                "... hmm, no, that was my old cell. Now it's ",
            )
        )
    c.agent(*c.ref(), rng.choice(ASK_PHONE))
    c.user(raw, "okay " if raw else "Okay, ", Pii("phone", t1), mid, Pii("phone", t2))
    if rng.random() < 0.5:
        c.agent("So the new one, ", Pii("phone", num.fmt(b, "nat")), ". I'll drop the old one.")


def phone_split(c: Call, pieces: int | None = None) -> None:
    """A phone said over two or three turns of the caller; the agent prompts or echoes between."""
    rng = c.rng
    number = num.phone(rng, c.region)
    c.tag_phone(number)
    groups = (
        num.groups_national(number)
        if rng.random() < 0.75 or number.country_code == 1
        else num.groups_intl(number)
    )
    if len(groups) < 2:
        nsn = num.nsn(number)
        groups = [nsn[:3], nsn[3:6], nsn[6:]]
    pieces = min(pieces or rng.choice((2, 2, 3)), len(groups))
    cuts = sorted(rng.sample(range(1, len(groups)), pieces - 1))
    chunks = [groups[i:j] for i, j in zip([0] + cuts, cuts + [len(groups)], strict=False)]
    c.agent(*c.ref(), rng.choice(ASK_PHONE))
    for k, chunk in enumerate(chunks):
        raw = c.raw()
        if c.chat:
            text = say.typed(chunk, rng, 0.3)
            c.user(
                False,
                "" if k else "ok ",
                Pii("phone", text, split=True),
                "" if k == len(chunks) - 1 else "...",
            )
        else:
            text = say.said(chunk, rng, c.v, raw, 0.1)
            lead = (
                rng.choice(("it's ", "okay so ", "right ", "so it's "))
                if k == 0 and rng.random() < 0.7
                else (
                    rng.choice(("then ", "and then ", "and ")) if k and rng.random() < 0.4 else ""
                )
            )
            lead = lead if raw else lead[:1].upper() + lead[1:]
            tail = rng.choice((" um", " and", "")) if raw and k < len(chunks) - 1 else ""
            c.user(raw, lead, Pii("phone", text, split=True), tail)
        if k < len(chunks) - 1:
            if rng.random() < 0.45:
                echo = (
                    " ".join(chunk) if rng.random() < 0.6 else say.said(chunk, rng, c.av, True, 0)
                )
                c.agent(
                    Pii("phone", echo, split=True),
                    rng.choice((", yes.", "... go on.", ", okay, and then?")),
                )
            else:
                c.agent(
                    rng.choice(("Mm-hm.", "Go on.", "Okay.", "Yes, I'm with you.", "And the rest?"))
                )
    c.tag("split.phone")


# ---------------------------------------------------------------- emails
ASK_MAIL = (
    "And an email address we can send the paperwork to?",
    "Which email would you like the receipt sent to?",
    "Could I take an email for the written confirmation?",
    "Where should I email the details over to?",
)


def email(c: Call, who: str = "self", readback: float = 0.3, work: bool = False) -> str:
    rng = c.rng
    person = c.person if who == "self" else mail.Person(rng, c.region)
    addr = mail.email(rng, person, work=work)
    if rng.random() < 0.75:
        c.agent(*c.ref(), rng.choice(ASK_MAIL))
    lead = {
        "self": ("it's ", "sure it's ", "my email is ", "use ", "yeah "),
        "work": ("use my work one, ", "send it to me at work, ", "my work email, it's mine, "),
        "relative": (
            "send it to my wife, ",
            "my son handles emails, his is ",
            "cc my sister please, she's ",
        ),
    }["work" if work and who == "self" else who]
    if c.chat:
        text = mail.email_typed(addr, rng)
        c.user(
            False,
            rng.choice(lead).capitalize(),
            Pii("email", text),
            rng.choice(("", " :)", ".", " thx")),
        )
    else:
        raw = c.raw()
        text = mail.email_said(addr, rng, c.v, raw, c.region)
        tail = (
            rng.choice(("", " all lower case", " thanks"))
            if raw
            else rng.choice(("", ".", ", all lowercase."))
        )
        c.user(
            raw,
            rng.choice(lead) if raw else rng.choice(lead).capitalize(),
            Pii("email", text),
            tail,
        )
    if rng.random() < 0.25:
        box = f"{rng.choice(c.org.boxes)}@{c.org.domain}"
        c.agent(
            "Thanks. It'll come from ", Benign("org_mailbox", box), ", so check your spam folder."
        )
    elif rng.random() < readback:
        c.agent(
            rng.choice(("So that's ", "I've got ", "Let me check: ")),
            Pii("email", addr),
            rng.choice(("?", " - right?", ". Correct?")),
        )
        c.user(c.raw(), rng.choice(("Yes that's it.", "Yep.", "Spot on.", "That's the one.")))
    return addr


def email_respelled(c: Call) -> None:
    """An email said, the agent asks how it is spelled, the caller says it again spelled."""
    rng = c.rng
    addr = mail.email(rng, c.person)
    raw = c.raw()
    c.agent(*c.ref(), rng.choice(ASK_MAIL))
    c.user(
        raw,
        "it's " if raw else "It's ",
        Pii("email", mail.email_said(addr, rng, c.v, raw, c.region)),
    )
    c.agent(rng.choice(("Could you spell the first part for me?", "Sorry, how do you spell that?")))
    local, dom = addr.split("@")
    spelled = " ".join(
        spell.letters(ch.upper(), rng, True, "plain")
        if ch.isalpha()
        else (
            say.ONES[int(ch)] if ch.isdigit() else {".": "dot", "_": "underscore", "-": "dash"}[ch]
        )
        for ch in local
    )
    d = " dot ".join(dom.split("."))
    text = f"{spelled} at {d}"
    c.user(True, "sure ", Pii("email", text))


# ---------------------------------------------------------------- cards
