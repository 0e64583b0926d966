"""heldout5's spoken email addresses and IBANs (benchmarks/pii_heldout5.py).

Written for the fifth held-out part by someone who had read neither the redaction rules nor
any other part. Rule writers must never read this file (docs/redaction.md, "Evaluation").
"""

from __future__ import annotations

import random

from pii_heldout5_say import (
    DOMAINS,
    IBANS,
    NUDGES,
    THANKS,
    aside,
    chance,
    domain,
    email_parts,
    iban_groups,
    low,
    make_iban,
    pick,
    say_email,
    say_iban,
)
from pii_rows import Benign, Pii, Row
from pii_speech import WORDS

EMAIL_ASKS = [
    "What email should the confirmation go to?",
    "Can I get an email address for the receipt?",
    "And what's the best email for you?",
    "I'll send the forms by email. What address should I use?",
    "Do you want the e-ticket emailed? What's the address?",
    "Which email address have we got on the account for you?",
    "Could you give me your email so the adjuster can send the paperwork?",
]
EMAIL_LEADS = [
    "Sure, it's ",
    "Yeah, ",
    "It's ",
    "Okay so it's ",
    "My email is ",
    "Use my personal one, ",
    "",
    "Um, ",
    "The one I check is ",
]


def _mailbox(company: str, raw: bool, rng: random.Random) -> tuple[str, str]:
    """A company's role address and website, said the way an agent says them."""
    host = "".join(c for c in company.lower().replace("the ", "") if c.isalpha())
    box = pick(
        rng, ["support", "help", "claims", "billing", "bookings", "noreply", "care", "returns"]
    )
    address = pick(rng, [f"{box} at {host} dot com", f"{box}@{host}.com"])
    site = pick(
        rng, [f"{host} dot com slash {box}", f"www dot {host} dot com", f"{host}.com/{box}"]
    )
    return low(address, raw), low(site, raw)


def _said(rng: random.Random, raw: bool, how: str) -> tuple[str, set[str]]:
    local, dom, typed, tags = say_email(rng, raw, how=how)
    if how == "plain" and not raw and chance(rng, 0.2):
        tags.add("email.asr_typed")
        return typed, tags
    return low(f"{local} {dom}", raw), tags


def email_said(rng: random.Random) -> Row:
    """An address said as words ("dot", "underscore", "at ... dot com"), sometimes written out by
    the speech-to-text; the agent may then name the company's mailbox or site."""
    key, company, opener = domain(rng)
    raw = chance(rng, 0.4)
    said, tags = _said(rng, raw, pick(rng, ["plain", "plain", "asr"]))
    row = Row("h5.email.said", tags | {"voice", f"domain.{key}"})
    row.say("agent", opener)
    row.say("agent", pick(rng, EMAIL_ASKS))
    row.say(
        "user",
        pick(rng, EMAIL_LEADS),
        Pii("email", said),
        pick(rng, ["", ".", ", all lower case.", ". Thanks."]),
        smart=not raw,
    )
    if chance(rng, 0.4):
        address, site = _mailbox(company, raw, rng)
        if chance(rng, 0.5):
            row.say(
                "agent",
                "Done. If anything's wrong, reply to ",
                Benign("role_address", address),
                " and we'll fix it.",
                smart=not raw,
            )
        else:
            row.say(
                "agent",
                "Sent. You can also track it at ",
                Benign("website", site),
                ".",
                smart=not raw,
            )
    else:
        row.say("agent", pick(rng, THANKS))
    return row


def email_spelled(rng: random.Random) -> Row:
    """Spelled letter by letter, name first and then the spelling."""
    key, _, _ = domain(rng)
    raw = chance(rng, 0.5)
    said, tags = _said(rng, raw, "spelled")
    row = Row("h5.email.spelled", tags | {"voice", f"domain.{key}"})
    row.say("agent", pick(rng, EMAIL_ASKS))
    row.say(
        "user",
        pick(
            rng,
            [
                "I'd better spell it. ",
                "It's a weird one, let me spell it: ",
                "Okay, spelling it out, ",
                "",
            ],
        ),
        Pii("email", said),
        pick(rng, ["", ".", ". Got that?"]),
        smart=not raw,
    )
    row.say("agent", pick(rng, THANKS))
    return row


def email_nato(rng: random.Random) -> Row:
    """Letters said with NATO words, "m as in Mary" or "m for Mary", then the domain."""
    key, _, _ = domain(rng)
    raw = chance(rng, 0.4)
    said, tags = _said(rng, raw, "nato")
    row = Row("h5.email.nato", tags | {"voice", f"domain.{key}"})
    row.say("agent", pick(rng, EMAIL_ASKS))
    row.say(
        "user",
        pick(rng, ["Sure, ", "Okay, phonetically: ", "It's ", ""]),
        Pii("email", said),
        smart=not raw,
    )
    row.say("agent", pick(rng, THANKS))
    return row


def email_split(rng: random.Random) -> Row:
    """The address over two turns, broken where the caller drew breath: inside the name, at
    the 'at', or before the ending; the agent's 'mm-hm' in between."""
    key, _, _ = domain(rng)
    raw = chance(rng, 0.4)
    how = pick(rng, ["plain", "spelled", "plain", "asr"])
    local, dom, _, tags = say_email(rng, raw, how=how)
    words = low(f"{local} {dom}", raw).split()
    at = len(low(local, raw).split())
    # a second half that is the bare domain ("at gmail dot com") is every caller's: the break
    # falls inside the name, or just before the ending
    cuts = [c for c in range(1, len(words)) if c < at or len(" ".join(words[c:])) <= 8]
    cut = pick(rng, cuts)
    first, second = " ".join(words[:cut]), " ".join(words[cut:])
    where = "name" if cut < at else "ending"
    row = Row(
        "h5.email.split", tags | {"voice", f"domain.{key}", "email.turns.2", f"email.cut.{where}"}
    )
    row.say("agent", pick(rng, EMAIL_ASKS))
    row.say(
        "user",
        pick(rng, ["It's ", "Okay, ", "", "So it's "]),
        Pii("email", first, True),
        pick(rng, ["", "...", " -"]),
        smart=not raw,
    )
    row.say("agent", pick(rng, NUDGES + ["Sorry, you cut out.", "Still there?"]))
    row.say(
        "user",
        pick(rng, ["", "And ", "Then ", "Sorry, "]),
        Pii("email", second, True),
        pick(rng, ["", ", okay?", ". The usual.", ". Sorry, noisy here."]),
        smart=not raw,
    )
    row.say("agent", pick(rng, THANKS))
    return row


def email_fix(rng: random.Random) -> Row:
    """A slip corrected inside the address: one label from the first word to the last."""
    key, _, _ = domain(rng)
    raw = chance(rng, 0.4)
    parts = email_parts(rng)
    pieces, host, tld, _ = parts
    local, dom, _, tags = say_email(rng, raw, how="plain", parts=parts)
    wrong_host = pick(rng, ["gmail", "hotmail", "yahoo", "outlook"])
    if wrong_host == host:
        wrong_host = "icloud"
    fix = pick(
        rng,
        [
            f"at {wrong_host}... no sorry, ",
            f"at {wrong_host} dot com, no wait, it's ",
            f"at {wrong_host}, ugh, I mean ",
        ],
    )
    said = low(f"{local} {fix}{dom}", raw)
    row = Row("h5.email.fix", tags | {"voice", f"domain.{key}", "email.correction"})
    row.say("agent", pick(rng, EMAIL_ASKS))
    row.say("user", pick(rng, EMAIL_LEADS), Pii("email", said), smart=not raw)
    row.say("agent", pick(rng, THANKS))
    return row


def email_readback(rng: random.Random) -> Row:
    """The caller says it, the agent reads it back (written out or said): two labels."""
    key, _, _ = domain(rng)
    raw = chance(rng, 0.35)
    parts = email_parts(rng)
    local, dom, typed, tags = say_email(rng, raw, how=pick(rng, ["plain", "asr"]), parts=parts)
    row = Row("h5.email.readback", tags | {"voice", f"domain.{key}", "email.readback"})
    row.say("agent", pick(rng, EMAIL_ASKS))
    row.say("user", pick(rng, EMAIL_LEADS), Pii("email", low(f"{local} {dom}", raw)), smart=not raw)
    if chance(rng, 0.5):
        back = typed
    else:
        again = say_email(rng, False, how="plain", parts=parts)
        back = f"{again[0]} {again[1]}"
    row.say(
        "agent",
        pick(rng, ["Let me repeat that: ", "So that's ", "I've got "]),
        Pii("email", back),
        pick(rng, [". Right?", "?", ", correct?"]),
    )
    row.say("user", pick(rng, ["Yes.", "Perfect.", "Yep, that's me."]))
    return row


def email_aside(rng: random.Random) -> Row:
    """An aside in the middle of the address ('all one word', 'lower case')."""
    key, _, _ = domain(rng)
    raw = chance(rng, 0.4)
    parts = email_parts(rng)
    local, dom, _, tags = say_email(rng, raw, how="plain", parts=parts)
    aside = pick(
        rng,
        [
            ", all one word, ",
            ", that's one word, ",
            " - lower case - ",
            ", no spaces, ",
            ", like it sounds, ",
        ],
    )
    said = low(f"{local}{aside}{dom}", raw)
    row = Row("h5.email.aside", tags | {"voice", f"domain.{key}", "email.aside"})
    row.say("agent", pick(rng, EMAIL_ASKS))
    row.say("user", pick(rng, EMAIL_LEADS), Pii("email", said), smart=not raw)
    row.say("agent", pick(rng, THANKS))
    return row


def email_work(rng: random.Random) -> Row:
    """A caller's own work mailbox next to the company's role address: one of each."""
    key, company, _ = domain(rng)
    raw = chance(rng, 0.3)
    first = pick(rng, ["nadia", "corentin", "bolaji", "henrike", "amadou", "sunniva"])
    last = pick(rng, ["petrescu", "aldana", "fenwick", "ekwueme", "holmqvist", "tarrant"])
    org = pick(
        rng,
        [
            ("grainger-hale", "co.uk"),
            ("lakeview-ortho", "com"),
            ("tidewater", "org"),
            ("peakform-labs", "io"),
        ],
    )
    said = low(
        f"{first} dot {last} at {' dash '.join(org[0].split('-'))} dot "
        f"{' dot '.join(org[1].split('.'))}",
        raw,
    )
    address, _ = _mailbox(company, raw, rng)
    row = Row("h5.email.work", {"voice", f"domain.{key}", "email.work"})
    row.say(
        "agent",
        "Where should the invoice go? We normally send them from ",
        Benign("role_address", address),
        ".",
        smart=not raw,
    )
    row.say(
        "user",
        pick(rng, ["Send it to my work address, ", "Use work, it's "]),
        Pii("email", said),
        ".",
        smart=not raw,
    )
    row.say("agent", pick(rng, THANKS))
    return row


# --- IBANs -----------------------------------------------------------------------------------

IBAN_WHY = {
    "airline": "so the refund for the cancelled flight can go back to you",
    "hotel": "for the deposit refund",
    "returns": "because the original card has expired",
    "insurance": "to pay out the claim",
    "gig": "for your weekly payouts",
    "subscription": "for the direct debit",
    "realestate": "for the rent transfers",
    "moving": "to return the overpayment",
    "utility": "for the credit on your account",
}
IBAN_ASKS = [
    "I'll need the IBAN of the account {why}.",
    "Can you read me your IBAN {why}?",
    "What's the international bank account number, the IBAN, {why}?",
    "Okay, {why} I just need your IBAN.",
]


def _iban_setup(rng: random.Random) -> tuple[str, str, str, str]:
    key = pick(rng, sorted(IBAN_WHY))
    country = pick(rng, sorted(IBANS))
    return key, IBAN_WHY[key], country, make_iban(rng, country)


def iban_said(rng: random.Random) -> Row:
    """An IBAN read in its printed groups for a refund, payout or debit."""
    key, why, country, number = _iban_setup(rng)
    raw = chance(rng, 0.4)
    said, tags = say_iban(number, rng, raw)
    row = Row("h5.iban.said", tags | {f"iban.country.{country}", "voice", f"domain.{key}"})
    row.say("agent", pick(rng, DOMAINS[key][1]))
    row.say("agent", pick(rng, IBAN_ASKS).format(why=why))
    row.say(
        "user",
        pick(
            rng,
            [
                f"It's a bank in {IBANS[country][1]}. ",
                "Sure, it's ",
                "Okay. ",
                "I have it on my banking app, ",
                "",
            ],
        ),
        Pii("iban", low(said, raw)),
        pick(rng, ["", ".", ". Should I repeat it?"]),
        smart=not raw,
    )
    if chance(rng, 0.4):
        row.say("agent", "Thanks. ", *aside(rng, key, raw), smart=not raw)
        return row
    row.say("agent", pick(rng, THANKS))
    return row


def iban_split(rng: random.Random) -> Row:
    """An IBAN over two or three turns, the agent nudging in between."""
    key, why, country, number = _iban_setup(rng)
    raw = chance(rng, 0.4)
    groups = iban_groups(number)
    n = 3 if len(groups) >= 6 and chance(rng, 0.4) else 2
    if n == 2:
        cuts = [rng.randrange(2, len(groups) - 1)]
    else:
        a = rng.randrange(2, len(groups) - 2)
        cuts = [a, rng.randrange(a + 1, len(groups) - 1)]
    letters = pick(rng, ["plain", "nato", "as_in"])
    digits = pick(rng, ["num", "words", "pairs", "mix"])
    bounds = [0, *cuts, len(groups)]
    row = Row(
        "h5.iban.split",
        {
            f"iban.country.{country}",
            "voice",
            f"domain.{key}",
            f"iban.turns.{n}",
            f"iban.letters.{letters}",
        },
    )
    row.say("agent", pick(rng, IBAN_ASKS).format(why=why))
    for i in range(n):
        chunk = "".join(groups[bounds[i] : bounds[i + 1]])
        said, _ = say_iban(chunk, rng, raw, letters=letters, digits=digits)
        row.say(
            "user",
            pick(rng, ["", "Okay, ", "Then "]) if i else pick(rng, ["It's ", "", "So "]),
            Pii("iban", low(said, raw), True),
            pick(rng, ["", "...", "."]),
            smart=not raw,
        )
        if i < n - 1:
            row.say("agent", pick(rng, NUDGES))
    row.say("agent", pick(rng, THANKS))
    return row


def iban_readback(rng: random.Random) -> Row:
    """Said by the caller, read back by the agent in its printed form."""
    key, why, country, number = _iban_setup(rng)
    raw = chance(rng, 0.3)
    said, tags = say_iban(number, rng, raw)
    row = Row("h5.iban.readback", tags | {f"iban.country.{country}", "voice", "iban.readback"})
    row.say("agent", pick(rng, IBAN_ASKS).format(why=why))
    row.say("user", Pii("iban", low(said, raw)), smart=not raw)
    row.say("agent", "Reading it back: ", Pii("iban", " ".join(iban_groups(number))), ". Correct?")
    row.say("user", pick(rng, ["Yes.", "Correct.", "Spot on."]))
    return row


def iban_run(rng: random.Random) -> Row:
    """Said without its groups: letters, then every digit in one breath (or written as one
    token by the speech-to-text)."""
    key, why, country, number = _iban_setup(rng)
    raw = chance(rng, 0.4)
    if not raw and chance(rng, 0.4):
        said = number
        tag = "iban.asr_token"
    else:
        said = " ".join(c.lower() if c.isalpha() else WORDS[int(c)] for c in number)
        tag = "iban.run_words"
    row = Row("h5.iban.run", {f"iban.country.{country}", "voice", tag, f"domain.{key}"})
    row.say("agent", pick(rng, IBAN_ASKS).format(why=why))
    row.say("user", pick(rng, ["It's ", "Ready? ", ""]), Pii("iban", said), smart=not raw)
    row.say("agent", pick(rng, THANKS))
    return row


FAMILIES = {
    "h5.email.said": (email_said, 16),
    "h5.email.spelled": (email_spelled, 9),
    "h5.email.nato": (email_nato, 7),
    "h5.email.split": (email_split, 9),
    "h5.email.fix": (email_fix, 5),
    "h5.email.readback": (email_readback, 6),
    "h5.email.aside": (email_aside, 4),
    "h5.email.work": (email_work, 4),
    "h5.iban.said": (iban_said, 12),
    "h5.iban.split": (iban_split, 8),
    "h5.iban.readback": (iban_readback, 4),
    "h5.iban.run": (iban_run, 4),
}
