"""heldout9's emails as callers give them: smart-formatted, said (spelled plainly or in NATO
words), over two turns, corrected, read back, typed, and in tool JSON (pii_heldout9_call.py).

Labelling (heldout9's, after docs/redaction.md): each piece of an address said over turns is
a label, the "at" between them outside both; an address broken before its ending keeps the
"dot" in the ending's piece ("dot com"); a corrected address is one label from the first
attempt; the agent reading an address back is a label; a business's role mailbox is a
look-alike.
"""

from __future__ import annotations

import random

from pii_heldout9_kit import pick
from pii_heldout9_mail import PROVIDERS, said_domain, said_email, said_local
from pii_heldout9_say import Caller
from pii_rows import Pii, Row, maybe

EMAIL_ASKS = (
    "Which email would you like the receipt sent to, then?",
    "Can I get an email address for the confirmation?",
    "What's a good email for the paperwork?",
    "Which email do you want the report sent to?",
)
EMAIL_LEADS = ("It's ", "Sure, ", "Send it to ", "Use ", "My email is ", "Put down ")
EMAIL_RAW_LEADS = ("yeah it's ", "um it's ", "okay so ", "it's ", "send it to ", "sure it's ")


def say_email(row: Row, rng: random.Random, c: Caller, raw: bool) -> None:
    row.say("assistant", pick(rng, EMAIL_ASKS))
    how = rng.randrange(8)
    if not raw and how < 4:
        row.tags.add("email.smart")
        row.say(
            "user", pick(rng, EMAIL_LEADS), Pii("email", c.email), pick(rng, (".", "", ", thanks."))
        )
    elif how < 4 or how == 7:
        spell = pick(rng, ("", "", "", "plain", "nato")) if len(c.email.split("@")[0]) < 14 else ""
        row.tags.add(f"email.said{'.spelled.' + spell if spell else ''}")
        row.say(
            "user",
            pick(rng, EMAIL_RAW_LEADS),
            Pii("email", said_email(c.email, rng, spell)),
            smart=False,
        )
    elif how == 4:
        _email_split(row, rng, c)
    elif how == 5:
        local, domain = c.email.split("@")
        row.tags.add("email.correction")
        wrong = pick(rng, ("gmail dot com", "yahoo dot com", "hotmail dot com", "outlook dot com"))
        if said_domain(domain, rng).startswith(wrong.split(" ")[0]):
            wrong = "aol dot com"
        label = f"{said_local(local, rng)} at {wrong}, {pick(rng, ('no sorry', 'no wait', 'oops'))}"
        label += f", at {said_domain(domain, rng)}"
        row.say("user", pick(rng, EMAIL_RAW_LEADS), Pii("email", label), smart=False)
    else:
        row.tags.add("email.readback")
        row.say(
            "user", pick(rng, EMAIL_RAW_LEADS), Pii("email", said_email(c.email, rng)), smart=False
        )
        row.say(
            "assistant",
            pick(rng, ("I've got ", "So that's ", "Let me check: ")),
            Pii("email", c.email),
            "?",
        )
        row.say("user", pick(rng, ("yep", "that's right", "correct yeah")), smart=False)


def _email_split(row: Row, rng: random.Random, c: Caller) -> None:
    """An address said over two turns: the name before the domain (its "at" outside both
    pieces) when the domain is the caller's own, else the whole but its ending, else the first
    word of the name alone."""
    local, domain = c.email.split("@")
    row.tags.add("email.turns.2")
    name, _, tld = domain.partition(".")
    ask: tuple[str, ...]
    if (
        domain.split(".")[0].endswith(("family", "farm", "home", "mail"))
        and domain not in PROVIDERS
    ):
        row.tags.add("email.split.at")
        first, ask, rest, at = (
            said_local(local, rng),
            ("At?", "At what?"),
            said_domain(domain, rng),
            "at ",
        )
    elif len(tld) <= 3 and maybe(rng, 0.6):
        row.tags.add("email.split.ending")
        first = f"{said_local(local, rng)} at {said_domain(name, rng)}"
        ask, rest, at = ("Dot com?", "Dot what?", "And the ending?"), said_domain(tld, rng), ""
        rest = "dot " + (rest if rest != tld or len(tld) > 2 else " ".join(tld))
    else:
        row.tags.add("email.split.name")
        said = said_local(local, rng).split(" ")
        cut = 1 if said[0] not in ("dot", "underscore", "dash", "hyphen") else 2
        first, ask = " ".join(said[:cut]), ("Mm-hm.", "Go on.", "Okay, and?")
        rest, at = " ".join(said[cut:] + ["at", said_domain(domain, rng)]).strip(), ""
    row.say("user", pick(rng, EMAIL_RAW_LEADS), Pii("email", first, True), smart=False)
    row.say("assistant", pick(rng, ask))
    row.say(
        "user",
        pick(rng, ("", "and ", "it's ", "uh ")),
        at,
        Pii("email", rest, True),
        pick(rng, ("", " yeah", " that's the lot", " okay")),
        smart=False,
    )


def email_typed(row: Row, rng: random.Random, c: Caller) -> None:
    row.tags.add("typed")
    row.say(
        "user",
        pick(rng, ("email: ", "its ", "send to ", "")),
        Pii("email", c.email),
        pick(rng, ("", " pls", " thanks!")),
    )
