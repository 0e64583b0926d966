"""THIRD HELD-OUT part (`heldout3`): emails, typed (chat / SMS) turns with the characters a
phone keyboard produces, and tool calls. Not for rule authors (see benchmarks/pii_heldout3.py)."""

from __future__ import annotations

import json
import random

import phonenumbers
import pii_speech as sp
from phonenumbers import PhoneNumberFormat
from pii_heldout3 import NUDGES, card_number, pick, spoken
from pii_heldout3_voice import REGIONS, iban_number, phone_number
from pii_rows import Benign, Pii, Row, maybe

FIRST = [
    "oluwaseun",
    "marit",
    "teodora",
    "kwame",
    "ines",
    "bartek",
    "siobhan",
    "hiroko",
    "dmitri",
    "aroha",
    "femke",
    "rashid",
    "lucia",
    "tamsin",
    "guadalupe",
    "ngozi",
    "mateusz",
    "yusuf",
    "keiko",
    "anneliese",
    "prakash",
    "ruairi",
    "zsofia",
    "ebere",
]
LAST = [
    "adeyemi",
    "lindqvist",
    "petrova",
    "mensah",
    "carvalho",
    "wozniak",
    "ohare",
    "tanabe",
    "volkov",
    "ngata",
    "de jong",
    "haddad",
    "ferreira",
    "pennington",
    "villanueva",
    "okonkwo",
    "zielinski",
    "demir",
    "morikawa",
    "brandt",
    "iyer",
    "mac giolla",
    "kovacs",
    "nwosu",
]
PROVIDERS = {  # domain -> how callers say it
    "fastmail.com": "fast mail dot com",
    "zoho.com": "zoho dot com",
    "gmx.net": "g m x dot net",
    "tutanota.com": "tuta nota dot com",
    "hey.com": "hey dot com",
    "icloud.com": "i cloud dot com",
    "aol.com": "a o l dot com",
    "web.de": "web dot d e",
    "orange.fr": "orange dot f r",
    "btinternet.com": "b t internet dot com",
    "comcast.net": "comcast dot net",
    "att.net": "a t t dot net",
    "seznam.cz": "seznam dot c z",
    "wp.pl": "w p dot p l",
    "libero.it": "libero dot i t",
    "pm.me": "p m dot me",
    "posteo.de": "posteo dot d e",
    "gmail.com": "g mail dot com",
    "outlook.com": "outlook dot com",
    "yahoo.co.uk": "yahoo dot co dot uk",
    "hotmail.fr": "hotmail dot f r",
    "proton.me": "proton dot me",
    "mail.com": "mail dot com",
}
COMPANIES = {
    "harbourline-freight.co.nz": "harbour line hyphen freight dot co dot n z",
    "lakesidedental.com": "lakeside dental dot com, all one word",
    "tallinnsoft.ee": "tallinn soft dot e e",
    "brightwater.org.uk": "brightwater dot org dot uk",
    "quinta-do-vale.pt": "quinta dash do dash vale dot p t",
    "mkt.ruiz-abogados.es": "m k t dot ruiz dash abogados dot e s",
    "northfield.edu": "northfield dot e d u",
    "kestrel.studio": "kestrel dot studio",
    "oakmont-hvac.com": "oakmont dash h v a c dot com",
}
DOMAINS = {**PROVIDERS, **COMPANIES}


def local_part(rng: random.Random) -> tuple[str, str]:
    """(written, said) local part."""
    first, last = rng.choice(FIRST), rng.choice(LAST)
    squash = last.replace(" ", "")
    n = rng.randint(1, 99)
    how = rng.randrange(7)
    if how == 0:
        return f"{first}.{squash}", f"{first} dot {last}"
    if how == 1:
        return f"{first[0]}{squash}", f"{first[0]} {last}"
    if how == 2:
        return f"{first}_{squash}{n}", f"{first} underscore {last} {sp.two_digits(f'{n:02d}')}"
    if how == 3:
        return f"{first}-{squash}", f"{first} hyphen {last}"
    if how == 4:
        return f"{squash}{n:02d}", f"{last} {spoken(f'{n:02d}', rng)}"
    if how == 5:
        return f"{first}+orders", f"{first} plus orders"
    return f"{first}{squash}", f"{first} {last} all one word"


def email_text(rng: random.Random) -> tuple[str, str, str, str]:
    """(how, text, written) of an email as STT writes it, and as an LLM would write it."""
    domain = rng.choice(sorted(DOMAINS))
    written, said = local_part(rng)
    how, text = _email_reading(rng, domain, written, said)
    return how, domain, text, f"{written}@{domain}"


def _email_reading(rng: random.Random, domain: str, written: str, said: str) -> tuple[str, str]:
    how = rng.choice(
        ["written", "said", "said", "spelled", "no_ending", "at_the_rate", "half_written", "spaced"]
    )
    if how == "written":
        return how, f"{written}@{domain}"
    if how == "said":
        return how, f"{said} at {DOMAINS[domain]}"
    if how == "spelled":
        letters = " ".join(
            c if c.isalnum() else {".": "dot", "_": "underscore", "-": "dash", "+": "plus"}[c]
            for c in written
        )
        return how, f"{letters} at {DOMAINS[domain]}"
    if how == "no_ending":
        return how, f"{said} at {DOMAINS[domain].split(' dot ')[0]}"
    if how == "at_the_rate":
        return how, f"{said} at the rate {DOMAINS[domain]}"
    if how == "half_written":  # formatting caught the domain, not the spoken local part
        return how, f"{said} at {domain}"
    return how, f"{written} @ {domain.replace('.', '. ')}"


ASK_EMAIL = [
    "What email should the receipt go to?",
    "Could I get an email address for the booking confirmation?",
    "Which email do you log in with?",
    "And where should we send the claim documents?",
]


def email_said(rng: random.Random) -> Row:
    row = Row("h3.email_said")
    how, domain, text, full = email_text(rng)
    row.tags |= {"email", f"h3.email.{how}", "h3.email.company" if domain in COMPANIES else "x"}
    row.tags.discard("x")
    row.say("assistant", pick(rng, ASK_EMAIL))
    lead = pick(rng, ["yeah it's", "sure,", "my work one,", "use", "so it's"])
    row.say(
        "user",
        f"{lead} ",
        Pii("email", text),
        pick(rng, ["", ".", " thanks", " okay"]),
        smart=how in ("written", "spaced") or maybe(rng, 0.5),
    )
    if maybe(rng, 0.35):
        row.say("assistant", "I have ", Pii("email", full), ", is that right?")
    return row


def email_split(rng: random.Random) -> Row:
    row = Row("h3.email_split")
    domain = rng.choice(sorted(DOMAINS))
    _, said = local_part(rng)
    row.tags |= {"email", "h3.split.email"}
    row.say("assistant", pick(rng, ASK_EMAIL))
    row.say("user", pick(rng, ["it's ", "okay ", ""]), Pii("email", said, True), smart=False)
    row.say("assistant", pick(rng, ["At?", "Okay, at which provider?", *NUDGES[:3]]))
    row.say("user", "at ", Pii("email", DOMAINS[domain], True), smart=False)
    return row


# characters a phone keyboard or a pasted text brings in
NBSP, THIN, NNBSP, ZWSP, EN, NBH = "\u00a0", "\u2009", "\u202f", "\u200b", "\u2013", "\u2011"


def fullwidth(text: str) -> str:
    return "".join(chr(0xFF10 + int(c)) if c.isdigit() else c for c in text)


def unicode_groups(groups: list[str], rng: random.Random) -> tuple[str, str]:
    how = rng.choice(["fullwidth", "nbsp", "thin", "narrow", "zwsp", "en_dash", "nb_hyphen"])
    if how == "fullwidth":
        return how, fullwidth(rng.choice([" ", ""]).join(groups))
    if how == "zwsp":
        return how, ZWSP.join(groups) if maybe(rng, 0.5) else " ".join(groups).replace(
            " ", " " + ZWSP, 1
        )
    sep = {"nbsp": NBSP, "thin": THIN, "narrow": NNBSP, "en_dash": EN, "nb_hyphen": NBH}[how]
    return how, sep.join(groups)


def typed(rng: random.Random) -> Row:
    """A caller who types a number into the chat or an SMS instead of saying it."""
    row = Row("h3.typed")
    kind = rng.choice(["card", "card", "card", "phone", "phone", "iban", "ssn", "email"])
    row.tags |= {kind, "h3.typed"}
    row.say(
        "assistant",
        rng.choice(
            [
                "If it's easier, you can type it in the chat.",
                "I've sent you a text; just reply with the details.",
                "Feel free to paste it here.",
            ]
        ),
    )
    if kind == "card":
        _, digits, sizes = card_number(rng)
        how, text = unicode_groups(sp.group(digits, sizes), rng)
    elif kind == "phone":
        number = phone_number(rng, rng.choice(REGIONS))
        intl = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
        head, *groups = intl.split(" ")
        how, text = unicode_groups(groups, rng)
        text = (head.replace("+", "＋") if how == "fullwidth" else head) + NBSP + text
    elif kind == "iban":
        _, number = iban_number(rng)
        how, text = unicode_groups([number[i : i + 4] for i in range(0, len(number), 4)], rng)
    elif kind == "ssn":
        digits = sp.ssn(rng)
        how, text = unicode_groups([digits[:3], digits[3:5], digits[5:]], rng)
    else:
        written, _ = local_part(rng)
        domain = rng.choice(sorted(DOMAINS))
        how = rng.choice(["fullwidth_at", "zwsp"])
        text = f"{written}＠{domain}" if how == "fullwidth_at" else f"{written}@{ZWSP}{domain}"
    row.tags.add(f"h3.typed.{how}")
    lead = pick(rng, ["here: ", "ok typing it: ", "", "sorry bad line! ", "its "])
    row.say("user", lead, Pii(kind, text), pick(rng, ["", " 👍", " thx", ".", " 🙏"]))
    return row


def args(rng: random.Random, data: dict[str, object]) -> str:
    if maybe(rng, 0.5):
        return json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    return json.dumps(data, ensure_ascii=False)


def tool_calls(rng: random.Random) -> Row:
    """The LLM's tool call holding the PII, then its output (which repeats the call)."""
    row = Row("h3.tool")
    kind = rng.choice(["card", "card", "phone", "email", "iban", "ssn"])
    row.tags |= {kind, "tool"}
    member = sp.us_ten_digits(rng)
    if kind == "card":
        _, value, _ = card_number(rng)
        name, data = "save_card", {"card_number": value, "exp": f"{rng.randint(1, 12):02d}/29"}
        out = {"ok": True, "last4": value[-4:], "customer_id": member}
    elif kind == "phone":
        number = phone_number(rng, rng.choice(REGIONS))
        value = phonenumbers.format_number(number, PhoneNumberFormat.E164)
        name, data = "find_customer", {"phone": value}
        out = {"found": True, "customer_id": member, "tier": "gold"}
    elif kind == "email":
        value = f"{local_part(rng)[0]}@{rng.choice(sorted(DOMAINS))}"
        name, data = "send_receipt", {"to": value, "order_id": member}
        out = {"queued": True, "customer_id": member}
    elif kind == "iban":
        _, value = iban_number(rng)
        name, data = "create_refund", {"iban": value, "amount_eur": rng.randint(10, 900)}
        out = {"refund_id": member, "status": "scheduled"}
    else:
        digits = sp.ssn(rng)
        value = rng.choice([digits, f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"])
        name, data = "run_credit_check", {"ssn": value, "consent": True}
        out = {"score_band": "B", "case_id": member}
    call = f"{name}({args(rng, data)})"
    head, tail = call.split(value, 1)
    row.say("tool", head, Pii(kind, value), tail)
    body = args(rng, out)
    verb = " -> " if maybe(rng, 0.85) else " failed: "
    if verb == " failed: ":
        body = "upstream timeout"
    if member in body:
        before, after = body.split(member, 1)
        row.say(
            "tool", head, Pii(kind, value), tail, verb, before, Benign("json_id", member), after
        )
    else:
        row.say("tool", head, Pii(kind, value), tail, verb, body)
    return row
