"""The fifth development part of benchmarks/pii_corpus.py (`dev5`): families written after the
dev4 round, aimed at IBANs and SSNs, with phrasings of its own (no earlier part was copied from).

IBANs said letter by letter: letters as letters, NATO words or "b as in bravo", lower case,
grouped in fours, odd sizes or not at all, digits as words, pairs or digits, the number said
over two turns, and written in lower case, without grouping and in tool JSON. SSNs said as
digits, digit words or pairs, with or without dashes, over two turns, after talk of the
"social", "SSN" or the tax id, and in tool JSON. Its look-alikes (pii_dev5_neg.py): account and
routing numbers in bank talk, 9-digit member ids and EINs, policy numbers with letters,
IBAN-shaped references that fail their check, and numbers said after SSN talk that are not one.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable

import pii_speech as sp
from pii_rows import Pii, Row, maybe

Family = Callable[[random.Random], Row]

WORDS = sp.WORDS
NATO = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyz",
        "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november "
        "oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu".split(),
        strict=True,
    )
)
AS_IN = {"a": "apple", "b": "boy", "c": "cat", "d": "dog", "e": "edward", "f": "frank",
         "g": "george", "h": "harry", "i": "ice", "j": "john", "k": "king", "l": "london",
         "m": "mary", "n": "nancy", "o": "orange", "p": "peter", "q": "queen", "r": "robert",
         "s": "sam", "t": "tom", "u": "uncle", "v": "victor", "w": "william", "x": "x-ray",
         "y": "yellow", "z": "zebra"}  # fmt: skip
COUNTRIES = ["DE", "GB", "FR", "NL", "ES", "IT", "BE", "AT", "CH", "IE", "PT", "PL"]
IBAN_ASK = [
    "Where should we send the refund, which account?",
    "Can I have the IBAN for the transfer?",
    "Read me the account's IBAN, please.",
    "And the international bank number?",
]
IBAN_LINES = ["it's {n}{e}", "my iban is {n}{e}", "okay {n}{e}", "{n}{e}",
              "send it to {n}{e}", "the account is {n}{e}"]  # fmt: skip
SSN_ASK = [
    "To verify you, what's your social security number?",
    "Can I get your SSN?",
    "I'll need the social for the credit check.",
    "What's the taxpayer id on the account, your social?",
    "Please confirm your social.",
]
SSN_LINES = ["it's {n}{e}", "my social is {n}{e}", "sure, {n}{e}", "{n}{e}",
             "social security {n}{e}", "ssn {n}{e}", "okay so {n}{e}"]  # fmt: skip
ENDS = [".", "", ", got it?", " I think.", "..."]
BACKCHANNEL = ["Mhm.", "Go on.", "Okay.", "Yep.", "Got that."]


def _letter(c: str, rng: random.Random, style: str) -> str:
    if style == "nato":
        return NATO[c]
    if style == "as_in":
        return f"{c} as in {AS_IN[c]}" if maybe(rng, 0.6) else c
    if style == "upper":
        return c.upper()
    return c


def _digits_said(group: str, rng: random.Random, style: str) -> str:
    if style == "digits":
        return group
    if style == "pairs" and len(group) >= 2 and group[0] != "0":
        return sp.pairs(group)
    return sp.words(group, rng, oh=0.5, double=0.2)


def spoken_iban(rng: random.Random, row: Row, number: str) -> list[str]:
    """The IBAN said piece by piece; the pieces are joined by the caller."""
    letters = rng.choice(["plain", "nato", "as_in", "upper"])
    digits = rng.choice(["words", "words", "digits", "pairs"])
    sizes = rng.choice(["fours", "fours", "odd", "none"])
    row.tags |= {f"iban.letters.{letters}", f"iban.digits.{digits}", f"iban.groups.{sizes}"}
    if sizes == "fours":
        groups = [number[i : i + 4] for i in range(0, len(number), 4)]
    elif sizes == "odd":
        groups, at = [], 0
        while at < len(number):
            size = rng.choice([2, 3, 5, 6])
            groups.append(number[at : at + size])
            at += size
    else:
        groups = [number]
    out = []
    for g in groups:
        said, k = [], 0
        while k < len(g):
            if g[k].isalpha():
                said.append(_letter(g[k].lower(), rng, letters))
                k += 1
                continue
            end = k
            while end < len(g) and g[end].isdigit():
                end += 1
            said.append(_digits_said(g[k:end], rng, digits))
            k = end
        out.append(" ".join(said))
    return out


def iban_spoken(rng: random.Random) -> Row:
    number = sp.iban(rng, rng.choice(COUNTRIES))
    row = Row("d5.iban.spoken", {"iban", "spoken"})
    if maybe(rng, 0.7):
        row.say("assistant", rng.choice(IBAN_ASK))
    pieces = spoken_iban(rng, row, number)
    sep = rng.choice([" ", ", ", " ... "])
    if maybe(rng, 0.3) and len(pieces) >= 3:
        cut = rng.randrange(1, len(pieces))
        row.tags.add("split")
        row.say("user", "okay ", Pii("iban", sep.join(pieces[:cut]), split=True), "...",
                smart=False)  # fmt: skip
        row.say("assistant", rng.choice(BACKCHANNEL))
        row.say("user", Pii("iban", sep.join(pieces[cut:]), split=True), rng.choice(ENDS),
                smart=False)  # fmt: skip
        return row
    before, after = rng.choice(IBAN_LINES).replace("{e}", rng.choice(ENDS)).split("{n}")
    row.say("user", before, Pii("iban", sep.join(pieces)), after, smart=False)
    return row


def iban_written(rng: random.Random) -> Row:
    number = sp.iban(rng, rng.choice(COUNTRIES))
    form = rng.choice(["lower", "plain", "odd", "json", "json"])
    row = Row("d5.iban.written", {"iban", "written", f"iban.written.{form}"})
    if form == "lower":
        text = " ".join(number[i : i + 4] for i in range(0, len(number), 4)).lower()
    elif form == "plain":
        text = number if maybe(rng, 0.5) else number.lower()
    elif form == "odd":
        text = " ".join(number[i : i + 6] for i in range(0, len(number), 6))
    else:
        text = number.lower() if maybe(rng, 0.4) else number
    if form == "json":
        tool = {"name": "refund", "arguments": {"amount": 42.5, "iban": "@"}}
        before, after = json.dumps(tool).split("@")
        row.say("assistant", before, Pii("iban", text), after)
    else:
        row.say("user", rng.choice(["iban: ", "refund to ", "acct ", ""]), Pii("iban", text),
                rng.choice(["", " thanks", " pls"]))  # fmt: skip
    return row


def ssn_said(group: str, rng: random.Random, style: str) -> str:
    if style == "digits":
        return group
    if style == "pairs" and group[0] != "0":
        return sp.pairs(group)
    return sp.words(group, rng, oh=0.6, double=0.3)


def ssn_spoken(rng: random.Random) -> Row:
    digits = sp.ssn(rng)
    style = rng.choice(["digits", "words", "words", "pairs", "mixed"])
    shape = rng.choice(["329", "329", "36", "9"])
    row = Row("d5.ssn.spoken", {"ssn", f"ssn.style.{style}", f"ssn.shape.{shape}"})
    groups = {"329": [digits[:3], digits[3:5], digits[5:]], "36": [digits[:3], digits[3:]],
              "9": [digits]}[shape]  # fmt: skip
    said = [
        ssn_said(g, rng, rng.choice(["digits", "words"]) if style == "mixed" else style)
        for g in groups
    ]
    sep = rng.choice([" ", ", ", " dash ", "-"]) if style == "digits" else rng.choice([" ", ", "])
    asked = maybe(rng, 0.75)
    if asked:
        row.say("assistant", rng.choice(SSN_ASK))
    lines = SSN_LINES if asked else [ln for ln in SSN_LINES if "soc" in ln or "ssn" in ln]
    if maybe(rng, 0.25) and len(said) >= 2:
        row.tags.add("split")
        cut = rng.randrange(1, len(said))
        row.say("user", rng.choice(["", "okay "]), Pii("ssn", sep.join(said[:cut]), split=True),
                "...", smart=False)  # fmt: skip
        row.say("assistant", rng.choice(BACKCHANNEL))
        row.say("user", Pii("ssn", sep.join(said[cut:]), split=True), rng.choice(ENDS),
                smart=False)  # fmt: skip
        return row
    before, after = rng.choice(lines).replace("{e}", rng.choice(ENDS)).split("{n}")
    row.say("user", before, Pii("ssn", sep.join(said)), after, smart=style == "digits")
    return row


def ssn_tool(rng: random.Random) -> Row:
    digits = sp.ssn(rng)
    text = digits if maybe(rng, 0.5) else f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"
    row = Row("d5.ssn.tool", {"ssn", "tool"})
    key = rng.choice(["ssn", "social", "ssn_full", "social_security_number"])
    tool = {"name": "verify_identity", "arguments": {"last_name": "Okafor", key: "@"}}
    before, after = json.dumps(tool).split("@")
    row.say("assistant", before, Pii("ssn", text), after)
    return row


def contact(rng: random.Random) -> Row:
    """A phone number, an email and a card in the same call as bank talk (every kind present)."""
    row = Row("d5.contact", set())
    which = rng.choice(["phone", "email", "card"])
    row.tags.add(which)
    if which == "phone":
        digits = sp.us_ten_digits(rng)
        text = f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"
        row.say("user", "and call me back on ", Pii("phone", text), " about the transfer")
    elif which == "email":
        name = rng.choice(["marisol.ek", "t.oyelaran", "quincy_b", "hanne.lund"])
        text = f"{name}@{rng.choice(['gmail.com', 'posteo.de', 'yahoo.co.uk'])}"
        row.say("user", "statements to ", Pii("email", text), " please")
    else:
        digits, sizes = sp.card(rng, "visa")
        row.say("user", "pay the fee with ", Pii("card", " ".join(sp.group(digits, sizes))))
    return row
