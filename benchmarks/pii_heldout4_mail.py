"""Email addresses of the fourth held-out part (benchmarks/pii_heldout4.py), said and typed.

Families:
- `h4.email.spoken`: an address said the way people say one: "at", "dot", "underscore",
  "dash"/"hyphen", digits as words or digits, the provider as one word or two, a company
  domain, a country ending, or no ending at all ("at gmail").
- `h4.email.spelled`: the local part spelled letter by letter, in NATO words or "as in", the
  domain said.
- `h4.email.corrected`: the caller changes a piece ("not dot com, dot net"); the whole stretch
  is the label.
- `h4.email.turns`: local part in one turn, "at ..." in the next.
- `h4.email.typed`: typed in a chat (mixed case, plus-addressing, subdomains) or in a tool call.
- `h4.role_mailbox`: the agent gives a business's role mailbox (support@, refunds@, ...).
  This part's choice: a role mailbox of a business is not personal data and a redactor should
  leave it, so it is a look-alike (`Benign`), not a label.
"""

from __future__ import annotations

import json
import random
import re

from pii_heldout4_say import letters, paired, spoken
from pii_rows import Benign, Pii, Row, maybe

GIVEN = [
    "aigerim", "tendai", "rashid", "bolormaa", "kofi", "anahit", "farrukh", "sokha", "nadia",
    "tsegaye", "mwila", "keabetswe", "ndapewa", "vikash", "ayinde", "renee", "marisol", "dorin",
    "zsofia", "hoi", "hajah", "aishath", "leyla", "dauren", "rustam", "chantal", "ines",
    "karim", "selam", "thabo", "lucia", "oyun", "arman", "mariam", "jerome", "yasmin",
]  # fmt: skip
FAMILY = [
    "nurlanova", "moyo", "alkuwari", "ganbat", "mensah", "petrosyan", "yusupov", "chea",
    "haddad", "bekele", "banda", "molefe", "shikongo", "ramgoolam", "diallo", "baptiste",
    "alvarado", "rusu", "kovacs", "leong", "siti", "ibrahim", "aliyeva", "seitkali",
    "karimov", "ndiaye", "fofana", "tesfaye", "nkosi", "quispe", "erdene", "harutyunyan",
]  # fmt: skip
# (how it is typed, how it is said)
PROVIDERS = [
    ("gmail.com", "g mail dot com"), ("gmail.com", "gmail dot com"),
    ("yahoo.com", "yahoo dot com"), ("outlook.com", "outlook dot com"),
    ("hotmail.com", "hotmail dot com"), ("icloud.com", "i cloud dot com"),
    ("proton.me", "proton dot me"), ("protonmail.com", "proton mail dot com"),
    ("mail.ru", "mail dot ru"), ("yandex.kz", "yandex dot kz"), ("gmx.net", "g m x dot net"),
    ("zoho.com", "zoho dot com"), ("fastmail.com", "fastmail dot com"),
    ("aol.com", "a o l dot com"),
    ("live.com", "live dot com"), ("hotmail.co.uk", "hotmail dot co dot uk"),
    ("yahoo.fr", "yahoo dot f r"), ("talktalk.net", "talk talk dot net"),
    ("kaspi.kz", "kaspi dot kz"), ("ooredoo.qa", "ooredoo dot q a"),
    ("ethionet.et", "ethionet dot e t"), ("zol.co.zw", "zol dot co dot zw"),
    ("orange.sn", "orange dot s n"), ("freemail.hu", "freemail dot h u"),
    ("mweb.co.za", "m web dot co dot za"), ("tstt.net.tt", "t s t t dot net dot t t"),
    ("mtn.cm", "m t n dot c m"), ("omantel.net.om", "omantel dot net dot o m"),
    ("bracu.ac.bd", "brac u dot a c dot b d"), ("moldtelecom.md", "moldtelecom dot m d"),
]  # fmt: skip
# a company's own domain, said
COMPANIES = [
    ("harbourfreight-logistics.com", "harbour freight dash logistics dot com"),
    ("greenvalleyclinic.org", "green valley clinic dot org"),
    ("atlas-mining.com.bo", "atlas dash mining dot com dot b o"),
    ("sunrise.edu.mn", "sunrise dot e d u dot m n"),
    ("baobabhotels.na", "baobab hotels dot n a"),
    ("kazmunai.kz", "kaz munai dot kz"),
    ("tropicana-air.bs", "tropicana hyphen air dot b s"),
]  # fmt: skip
NO_ENDING = [("gmail.com", "gmail"), ("yahoo.com", "yahoo"), ("hotmail.com", "hotmail")]
ASK = [
    "Which inbox should the receipt land in?",
    "Can I get an email for the claim updates?",
    "And your email address for the e-ticket?",
    "Which email is on the prescription account?",
    "Where should we send the return label?",
    "Email for the donation acknowledgement?",
    "What's the email on your online banking profile?",
    "Which email did you register the meter account with?",
]
SAY = ["its ", "sure its ", "email is ", "ok ", "um yeah its ", "send it to ", "use "]


def _local(rng: random.Random) -> str:
    given, family = rng.choice(GIVEN), rng.choice(FAMILY)
    shape = rng.choice(["g.f", "g_f", "gf", "g-f", "gN", "g.fN", "fg", "g_fN", "initial"])
    n = str(rng.choice([rng.randint(1, 99), rng.randint(1960, 2008)]))
    return {
        "g.f": f"{given}.{family}", "g_f": f"{given}_{family}", "gf": given + family,
        "g-f": f"{given}-{family}", "gN": given + n, "g.fN": f"{given}.{family}{n}",
        "fg": family + given, "g_fN": f"{given}_{family}{n}", "initial": given[0] + family,
    }[shape]  # fmt: skip


def _say_local(local: str, rng: random.Random) -> str:
    out: list[str] = []
    for run in re.findall(r"[a-z]+|[A-Z][a-z]*|\d+|[._+-]", local):
        if run.isdigit():
            out.append(rng.choice([run, spoken(run, rng), paired(run, rng)]))
        elif run == ".":
            out.append(rng.choice(["dot", "dot", "period", "point"]))
        elif run == "_":
            out.append(rng.choice(["underscore", "underscore", "under score"]))
        elif run == "-":
            out.append(rng.choice(["dash", "hyphen", "minus"]))
        elif run == "+":
            out.append("plus")
        else:
            out.append(run.lower())
    return " ".join(out)


def email_spoken(rng: random.Random) -> Row:
    local = _local(rng)
    pick = rng.random()
    typed, said = rng.choice(COMPANIES if pick < 0.2 else NO_ENDING if pick < 0.3 else PROVIDERS)
    row = Row("h4.email.spoken", {"email", "email.spoken"})
    row.say("agent", rng.choice(ASK))
    at = rng.choice([" at ", " at ", " at sign ", " at the rate "])
    row.say("user", rng.choice(SAY), Pii("email", _say_local(local, rng) + at + said), smart=False)
    if maybe(rng, 0.3):
        row.say("agent", "Thanks, I'll send it to ", Pii("email", f"{local}@{typed}"), ".")
    return row


def email_spelled(rng: random.Random) -> Row:
    local = _local(rng).split(".")[0].split("_")[0].split("-")[0]
    typed, said = rng.choice(PROVIDERS)
    how = rng.choice(["plain", "nato", "as_in"])
    row = Row("h4.email.spelled", {"email", f"email.spelled.{how}"})
    row.say("agent", rng.choice(ASK))
    alpha = "".join(c for c in local if c.isalpha())
    digits = local[len(alpha) :]
    text = letters(alpha, rng, how) + (" " + spoken(digits, rng) if digits else "")
    if maybe(rng, 0.4):
        text = f"{alpha} {rng.choice(['thats', 'spelled', ''])} {text}".replace("  ", " ")
    row.say("user", rng.choice(SAY), Pii("email", f"{text} at {said}"), smart=False)
    return row


def email_corrected(rng: random.Random) -> Row:
    local = _local(rng)
    (_, said), (_, other) = rng.sample(PROVIDERS, 2)
    row = Row("h4.email.corrected", {"email", "email.correction"})
    row.say("agent", rng.choice(ASK))
    fix = rng.choice([" no sorry ", " wait not that its ", " actually ", " oops i mean "])
    spoken_local = _say_local(local, rng)
    text = f"{spoken_local} at {other}{fix}{said}"
    if maybe(rng, 0.4):
        text = f"{spoken_local} at {said}{fix}{_say_local(_local(rng), rng)} at {said}"
    row.say("user", rng.choice(SAY), Pii("email", text), smart=False)
    return row


def email_turns(rng: random.Random) -> Row:
    local = _local(rng)
    _, said = rng.choice(PROVIDERS + COMPANIES)
    row = Row("h4.email.turns", {"email"})
    row.say("agent", rng.choice(ASK))
    row.say("user", rng.choice(SAY), Pii("email", _say_local(local, rng), True), smart=False)
    row.say("agent", rng.choice(["Okay, at?", "And the domain?", "Mhm, at what?"]))
    row.say("user", Pii("email", f"at {said}", True), smart=False)
    return row


def email_typed(rng: random.Random) -> Row:
    local = _local(rng)
    typed, _ = rng.choice(PROVIDERS + COMPANIES)
    if maybe(rng, 0.2):
        local += "+" + rng.choice(["orders", "bank", "2026", "rx"])
    if maybe(rng, 0.3):
        local = local.title()
    address = f"{local}@{typed}"
    row = Row("h4.email.typed", {"email", "typed"})
    if maybe(rng, 0.5):
        row.say("user", rng.choice(["hi, can you send the invoice to ", "my email: ", "pls use "]),
                Pii("email", address), rng.choice(["", " thx", " — thanks!", ". ty"]))  # fmt: skip
        row.say("agent", "Done, it's on its way.")
        return row
    row.tags.add("tool")
    row.say("agent", "Updating your contact details now.")
    args = json.dumps({"customer_ref": f"C{rng.randint(10**6, 10**7)}", "email": "@@"})
    head, tail = args.split("@@")
    row.say("tool", head, Pii("email", address), tail)
    return row


ROLES = ["support", "refunds", "billing", "claims", "help", "info", "bookings", "noreply"]


def role_mailbox(rng: random.Random) -> Row:
    row = Row("h4.role_mailbox", {"negative"})
    typed, said = rng.choice(COMPANIES + PROVIDERS[18:])
    role = rng.choice(ROLES)
    row.say("user", rng.choice(["where do i send the photos", "is there an email for complaints"]),
            smart=False)  # fmt: skip
    if maybe(rng, 0.5):
        row.say("agent", "You can write to ", Benign("role_mailbox", f"{role}@{typed}"), ".")
    else:
        row.say("agent", "Send them to ", Benign("role_mailbox", f"{role} at {said}"), ", okay?")
    return row
