"""dev7's IBAN, SSN and email families, in the forms an outsider thinks hardest: IBANs of 20
countries read as a stream with letters spelled or named, in pairs, over turns, lower case in
chat; SSNs said without "social" next to them, as pairs, over turns, in JSON; a few emails.
"""

from __future__ import annotations

import json
import random

from pii_dev7_say import chunk, cut, ones, tens
from pii_rows import Pii, Retry, Row, maybe
from pii_speech import ssn
from stdnum import iban as _iban

LAYOUTS = {
    **{"GB": "GB00NWBK60161331926819", "DE": "DE00500105175407324931"},
    **{"FR": "FR0030006000011234567890189", "NL": "NL00RABO0123456789"},
    **{"BE": "BE00539007547034", "IE": "IE00BOFI90001712345678"},
    **{"SE": "SE0050000000058398257466", "DK": "DK0000400440116243"},
    **{"LU": "LU000019400644750000", "CZ": "CZ0008000000192000145399"},
    **{"HU": "HU00117730161111101800000000", "RO": "RO00AAAA1B31007593840000"},
    **{"GR": "GR0001101250000000012300695", "HR": "HR0010010051863000160"},
    **{"LT": "LT001000011101001000", "LV": "LV00BANK0000435195001"},
    **{"SA": "SA0080000000608010167519", "AE": "AE000331234567890123456"},
    **{"TR": "TR000006100519786457841326", "MT": "MT00MALT011000012345MTLCAST001S"},
}
NATO = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyz",
        "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november "
        "oscar papa quebec romeo sierra tango uniform victor whiskey x-ray yankee zulu".split(),
        strict=True,
    )
)
NAMES = {"b": "boy", "d": "david", "m": "mother", "n": "nancy", "s": "sugar", "t": "tom"}


def iban(rng: random.Random, country: str) -> str:
    layout = LAYOUTS[country]
    for _ in range(400):
        bban = "".join(
            rng.choice("0123456789") if c.isdigit() and i > 8 else c
            for i, c in enumerate(layout[4:], start=4)
        )
        if country == "BE":
            bban = bban[:10] + f"{int(bban[:10]) % 97 or 97:02d}"
        number = country + _iban.calc_check_digits(country + "00" + bban) + bban
        if _iban.is_valid(number):
            return number
    raise Retry(country)


def _letter(c: str, rng: random.Random, how: str) -> str:
    if how == "nato":
        return NATO[c]
    if how == "for" and c in NAMES and maybe(rng, 0.7):
        return f"{c} for {NAMES[c]}"
    return c


def said_iban(number: str, rng: random.Random, row: Row) -> str:
    how = rng.choice(["plain", "nato", "for"])
    row.tags.add(f"iban.letters.{how}")
    digits = rng.choice(["ones", "pairs", "written"])
    row.tags.add(f"iban.digits.{digits}")
    out: list[str] = []
    run = ""
    for c in number.lower() + " ":
        if c.isdigit():
            run += c
            continue
        if run:
            if digits == "written":
                out.append(run)
            elif digits == "pairs":
                out.append(" ".join(chunk(g, rng) for g in cut(run, [2] * 20)))
            else:
                out.append(ones(run, rng))
            run = ""
        if c.strip():
            out.append(_letter(c, rng, how))
    return " ".join(out)


def iban_said(rng: random.Random) -> Row:
    country = rng.choice(sorted(LAYOUTS))
    number = iban(rng, country)
    row = Row("d7_iban_said", {"iban", f"iban.country.{country}"})
    row.say("assistant", "What's the IBAN for the refund?")
    text = said_iban(number, rng, row)
    row.say(
        "user", rng.choice(["it's ", "ok it starts ", "", "right "]), Pii("iban", text), smart=False
    )
    return row


def iban_turns(rng: random.Random) -> Row:
    country = rng.choice(sorted(LAYOUTS))
    number = iban(rng, country)
    row = Row("d7_iban_turns", {"iban", f"iban.country.{country}", "iban.turns"})
    k = rng.choice([4, 8, 12])
    row.say("assistant", "Go ahead with the account's IBAN.")
    row.say("user", Pii("iban", said_iban(number[:k], rng, row), split=True), smart=False)
    row.say("assistant", rng.choice(["ok", "yep", "mhm, go on"]))
    row.say("user", "then ", Pii("iban", said_iban(number[k:], rng, row), split=True), smart=False)
    return row


def iban_typed(rng: random.Random) -> Row:
    country = rng.choice(sorted(LAYOUTS))
    number = iban(rng, country)
    row = Row("d7_iban_typed", {"iban", f"iban.country.{country}", "typed"})
    how = rng.choice(["lower", "groups", "plain", "json"])
    row.tags.add(f"iban.written.{how}")
    text = {
        "lower": number.lower(),
        "groups": " ".join(cut(number, [4] * 9)),
        "plain": number,
        "json": number,
    }[how]
    if how == "json":
        body = json.dumps({"beneficiary_iban": text, "reference": f"RF{rng.randint(10, 99)}"})
        at = body.index(text)
        row.tags.add("tool")
        row.say("tool", body[:at], Pii("iban", text), body[at + len(text) :])
        return row
    row.say("user", "pay it back to ", Pii("iban", text), " please")
    return row


def _ssn_words(s: str, rng: random.Random, row: Row) -> str:
    groups = [s[:3], s[3:5], s[5:]]
    style = rng.choice(["ones", "pairs", "written", "bare"])
    row.tags.add(f"ssn.style.{style}")
    if style == "written":
        return rng.choice(["-", " ", "."]).join(groups)
    if style == "bare":
        return s
    if style == "pairs":
        return " ".join(
            [
                chunk(groups[0], rng),
                tens(groups[1]) if groups[1][0] != "0" else ones(groups[1], rng),
                chunk(groups[2], rng),
            ]
        )
    return rng.choice([" ", " dash ", ", "]).join(ones(g, rng) for g in groups)


def ssn_said(rng: random.Random) -> Row:
    s = ssn(rng)
    row = Row("d7_ssn_said", {"ssn"})
    ask = rng.choice(
        [
            "To verify, I'll need your social security number.",
            "Can you confirm the SSN on the account?",
            "And your social, please?",
            "What's the number on your social security card?",
        ]
    )
    row.say("assistant", ask)
    text = _ssn_words(s, rng, row)
    lead = rng.choice(["", "sure it's ", "ok um ", "yeah that's "])
    row.say("user", lead, Pii("ssn", text), smart=maybe(rng, 0.4))
    return row


def ssn_turns(rng: random.Random) -> Row:
    s = ssn(rng)
    row = Row("d7_ssn_turns", {"ssn", "ssn.turns"})
    groups = [s[:3], s[3:5], s[5:]]
    row.say("assistant", "I need the social to pull up the file. Go slowly.")
    if maybe(rng, 0.5):
        row.tags.add("ssn.turns.three")
        for i, g in enumerate(groups):
            row.say("user", Pii("ssn", ones(g, rng), split=True), smart=False)
            if i < 2:
                row.say("assistant", rng.choice(["ok", "mhm", "yes"]))
    else:
        row.tags.add("ssn.turns.two")
        head = f"{ones(s[:3], rng)}, {ones(s[3:5], rng)}"
        row.say("user", Pii("ssn", head, split=True), smart=False)
        row.say("assistant", "ok, and the last four?")
        row.say("user", Pii("ssn", chunk(s[5:], rng), split=True), smart=False)
    return row


def ssn_tool(rng: random.Random) -> Row:
    s = ssn(rng)
    row = Row("d7_ssn_tool", {"ssn", "tool"})
    value = rng.choice([s, f"{s[:3]}-{s[3:5]}-{s[5:]}"])
    key = rng.choice(["ssn", "taxpayer_id", "socialSecurityNumber", "applicant_ssn"])
    if key == "taxpayer_id":  # a bare nine digits there could be an EIN: printed 3-2-4, it is not
        value = f"{s[:3]}-{s[3:5]}-{s[5:]}"
    body = json.dumps({"member": f"M{rng.randint(10000, 99999)}", key: value})
    at = body.index(value)
    row.say("tool", body[:at], Pii("ssn", value), body[at + len(value) :])
    return row


PEOPLE = ["dana.okafor", "mkowalski88", "j_teo", "priti.r", "sam.hughes1"]
HOSTS = ["gmail.com", "outlook.com", "yahoo.co.uk", "icloud.com", "proton.me"]


def email(rng: random.Random) -> Row:
    row = Row("d7_email", {"email"})
    local, host = rng.choice(PEOPLE), rng.choice(HOSTS)
    if maybe(rng, 0.5):
        text = f"{local}@{host}"
        row.tags.add("typed")
    else:
        text = (
            local.replace(".", " dot ").replace("_", " underscore ")
            + " at "
            + host.replace(".", " dot ")
        )
    row.say("assistant", "And where should we email the receipt?")
    row.say("user", Pii("email", text), smart=False)
    return row


FAMILIES = {
    "d7_iban_said": (iban_said, 8),
    "d7_iban_turns": (iban_turns, 4),
    "d7_iban_typed": (iban_typed, 3),
    "d7_ssn_said": (ssn_said, 5),
    "d7_ssn_turns": (ssn_turns, 3),
    "d7_ssn_tool": (ssn_tool, 2),
    "d7_email": (email, 1),
}
