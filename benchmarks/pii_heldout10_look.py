"""heldout10: look-alikes in the talk of a call (none of them PII): the organisation's ids,
lines, mailboxes and website, a third party's line, amounts, dates, times, tracking numbers,
Luhn-valid numbers that are no card, SSN-shaped and phone-shaped ids, last fours, codes."""

from __future__ import annotations

import pii_heldout10_mail as mail
import pii_heldout10_org as org_mod
import pii_heldout10_say as say
from pii_heldout10_call import Call
from pii_heldout10_look_num import (
    bin_and_mask,
    last_fours,
    luhn_lookalike,
    marketplace,
    misc_numbers,
    phone_shaped_id,
    ssn_shaped,
    tracking,
)
from pii_heldout10_org import amount, id_said, line_said, website
from pii_rows import Benign

MONTHS = (
    "January February March April May June July August September October November December".split()
)
ORD = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()


def org_id(c: Call, k: int | None = None) -> tuple[str, str, str]:
    return org_mod.org_id(c.rng, c.org, k)


def date(c: Call, raw: bool) -> str:
    rng = c.rng
    m, d = rng.randrange(12), rng.randint(1, 20)
    if raw:
        return rng.choice(
            (f"{MONTHS[m].lower()} {ORD[d - 1]}", f"the {ORD[d - 1]} of {MONTHS[m].lower()}")
        )
    us = c.org.region in ("US",)
    return rng.choice(
        (
            f"{MONTHS[m]} {d}",
            f"{d} {MONTHS[m]}",
            f"{m + 1:02d}/{d:02d}" if us else f"{d:02d}/{m + 1:02d}",
            f"2025-{m + 1:02d}-{d:02d}",
        )
    )


def time(c: Call, raw: bool) -> str:
    rng = c.rng
    h, m = rng.randint(7, 11), rng.choice((0, 15, 30, 45, 10, 20))
    if raw:
        hour = say.ONES[h] if h < 10 else say.TEENS[h - 10]
        return f"{hour} {say.pair(f'{m:02d}', c.v) if m else 'oclock'}"
    return rng.choice(
        (f"{h}:{m:02d}", f"{h}:{m:02d} am", f"{h + 12}:{m:02d}" if h < 11 else f"{h}:{m:02d}")
    )


# ---------------------------------------------------------------- beats
def greet(c: Call) -> None:
    rng = c.rng
    x = rng.random()
    if x < 0.2:
        c.agent(
            rng.choice(c.org.greet),
            " You can also book online at ",
            Benign("org_website", website(c.org, rng, False)),
            ".",
        )
    elif x < 0.35:
        cls, line = c.org.lines[3]
        c.agent(
            rng.choice(c.org.greet), " If you'd rather call free, it's ", Benign(cls, line), "."
        )
    else:
        c.agent(rng.choice(c.org.greet))
    raw = c.raw()
    topic = rng.choice(c.org.topics)
    if rng.random() < 0.5:
        cls, text, noun = org_id(c)
        c.user(
            raw,
            f"hi yeah i'm calling about {topic} the {noun} is "
            if raw
            else f"Hi, I'm calling about {topic}. The {noun} is ",
            Benign(cls, id_said(text, rng, c.v, raw)),
            "" if raw else ".",
        )
    else:
        c.user(
            raw,
            f"hi {'um ' if raw else ''}it's about {topic}"
            if raw
            else f"Hi there, it's about {topic}.",
        )


def lookup(c: Call) -> None:
    """The agent looks the caller up; the tool answers with ids, dates, amounts, the org's line."""
    rng = c.rng
    cls, text, noun = org_id(c)
    c.agent("Let me pull that up.")
    c.tool(
        {"query": c.person.last, "org": c.org.key},
        rng.choice(("crm.search", "lookup_customer", "find_booking")),
    )
    lcls, line = rng.choice(c.org.lines[:2])
    c.tool(
        {
            "match": {
                noun.replace(" ", "_"): Benign(cls, text),
                "balance": Benign("amount", amount(rng, c.org, False)),
                "next_visit": Benign("date", date(c, False)),
                "branch_phone": Benign(lcls, line),
            }
        }
    )


def our_line(c: Call) -> None:
    rng = c.rng
    cls, line = rng.choice(c.org.lines[:2] + c.org.lines[3:])
    said = line_said(line, rng, c.av, False)
    c.agent(
        rng.choice(
            (
                "If we get cut off, call us back on ",
                "You can reach the team directly on ",
                "For anything urgent, the number is ",
            )
        ),
        Benign(cls, said),
        ".",
    )
    if rng.random() < 0.35:
        raw = c.raw()
        c.user(
            raw,
            "sorry was that ",
            Benign(cls, line_said(line, rng, c.v, True) if raw else line),
            "?",
        )
        c.agent("That's right.")


def caller_repeats_our_line(c: Call) -> None:
    rng = c.rng
    cls, line = rng.choice(c.org.lines)
    raw = c.raw()
    c.user(
        raw,
        rng.choice(("i tried calling ", "i rang ", "i've been calling "))
        if raw
        else "I tried calling ",
        Benign(cls, line_said(line, rng, c.v, raw)),
        " all morning" if raw else " all morning, nobody picked up.",
    )
    c.agent("Sorry about that; we've been short-staffed this week.")


def third_party(c: Call) -> None:
    rng = c.rng
    name, dom, does = c.org.third
    cls, line = c.org.lines[2]
    c.agent(
        f"{name} will {does}. Their number is ", Benign(cls, line_said(line, rng, c.av, False)), "."
    )
    if rng.random() < 0.5:
        box = f"{rng.choice(('office', 'info', 'dispatch'))}@{dom}"
        raw = c.raw()
        c.user(
            raw,
            "and do they have an email " if raw else "Do they have an email? Is it ",
            Benign("third_party_mailbox", mail.mailbox_said(box, rng, raw)),
            "" if raw else "?",
        )


def mailbox(c: Call) -> None:
    rng = c.rng
    box = f"{rng.choice(c.org.boxes)}@{c.org.domain}"
    c.agent(
        rng.choice(("You can send photos to ", "Our team inbox is ", "Reply to ")),
        Benign("org_mailbox", box),
        rng.choice((".", ", and we'll get back to you within two days.")),
    )
    if rng.random() < 0.4:
        raw = c.raw()
        c.user(
            raw,
            "so that's " if raw else "So that's ",
            Benign("org_mailbox", mail.mailbox_said(box, rng, raw)),
            "" if raw else "?",
        )
        c.agent("Exactly.")


def site(c: Call) -> None:
    rng = c.rng
    raw = c.raw()
    if rng.random() < 0.5:
        c.user(
            raw,
            "i saw on your website " if raw else "I saw on your website, ",
            Benign("org_website", website(c.org, rng, raw)),
            " that you have space" if raw else ", that you have space.",
        )
    else:
        c.agent("Everything's listed at ", Benign("org_website", website(c.org, rng, False)), ".")


def money_and_date(c: Call) -> None:
    rng = c.rng
    c.agent(
        rng.choice(("The balance is ", "That'll be ", "The quote comes to ")),
        Benign("amount", amount(rng, c.org, False)),
        rng.choice((", due ", ", payable by ", ", and we'd need it by ")),
        Benign("date", date(c, False)),
        ".",
    )
    if rng.random() < 0.5:
        raw = c.raw()
        c.user(
            raw,
            "and can you do " if raw else "Can you do ",
            Benign("time", time(c, raw)),
            " on that day" if raw else " that day?",
        )


def org_ids_chat(c: Call) -> None:
    rng = c.rng
    k1 = rng.randrange(len(c.org.ids))
    cls, text, noun = org_id(c, k1)
    raw = c.raw()
    c.user(
        raw,
        f"the {noun} should be " if raw else f"The {noun} should be ",
        Benign(cls, id_said(text, rng, c.v, raw)),
        "" if raw else rng.choice((".", ", I think.", " - it's on the letter.")),
    )
    k2 = (k1 + 1 + rng.randrange(len(c.org.ids) - 1)) % len(c.org.ids)
    cls2, text2, noun2 = org_id(c, k2)
    named = noun2.split(" ")[0].lower() in text2.lower()
    c.agent(
        "Thanks. I can also see " + ("" if named else f"{noun2} "),
        Benign(cls2, text2),
        " on the file.",
    )


def close(c: Call) -> None:
    rng = c.rng
    cls, text, noun = org_id(c, 0)
    if rng.random() < 0.6:
        c.agent(
            f"You're all set. Your {noun} is ",
            Benign(cls, text),
            rng.choice((". Anything else?", ". Have a lovely day.")),
        )
    else:
        c.agent(
            rng.choice(
                (
                    f"Anything else I can sort out for you at {c.org.name}?",
                    "Was there anything else on your list today?",
                )
            )
        )
    raw = c.raw()
    c.user(
        raw,
        rng.choice(
            (
                "no i think that covers it thanks",
                "nope that's the lot cheers",
                "that's all of it thank you so much",
                "no you've been a big help bye now",
            )
        )
        if raw
        else rng.choice(
            (
                "No, I think that covers it. Thanks!",
                "That's the lot, cheers.",
                "All sorted, thank you.",
            )
        ),
    )


LOOKS = (
    our_line,
    caller_repeats_our_line,
    third_party,
    mailbox,
    site,
    money_and_date,
    org_ids_chat,
    tracking,
    luhn_lookalike,
    phone_shaped_id,
    ssn_shaped,
    last_fours,
    bin_and_mask,
    misc_numbers,
    marketplace,
    lookup,
)
