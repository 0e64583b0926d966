"""heldout10: letters and the numbers that hold them: NATO and "as in" spelling, IBANs said and
typed, SSNs in every grouping."""

from __future__ import annotations

import random

import pii_heldout10_num as num
from pii_heldout10_say import (
    Voice,
    join_groups,
    safe,
    said,
    typed,
    with_restart,
)

# ---------------------------------------------------------------- IBANs
NATO = dict(
    zip(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        (
            "alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike "
            "november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu"
        ).split(),
        strict=False,
    )
)
AS_IN = dict(
    zip(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        (
            "apple boy cat david edward frank george harry ivan john king london mary nancy oliver "
            "peter queen robert sam tom uncle victor william xavier yellow zebra"
        ).split(),
        strict=False,
    )
)


def letters(chars: str, rng: random.Random, raw: bool, style: str) -> str:
    out = []
    for c in chars:
        if style == "nato":
            out.append(NATO[c])
        elif style == "asin" and rng.random() < 0.5:
            out.append(f"{c.lower()} as in {AS_IN[c]}" if raw else f"{c} as in {AS_IN[c].title()}")
        else:
            out.append(c.lower() if raw else c)
    return " ".join(out)


def alnum_said(chunk: str, rng: random.Random, v: Voice, raw: bool, style: str) -> str:
    """A mixed chunk of letters and digits, letters one by one, digits as a group."""
    out, i = [], 0
    while i < len(chunk):
        j = i
        if chunk[i].isdigit():
            while j < len(chunk) and chunk[j].isdigit():
                j += 1
            g = chunk[i:j]
            out.append(safe(g, rng, v) if raw or rng.random() < 0.3 else g)
        else:
            while j < len(chunk) and not chunk[j].isdigit():
                j += 1
            out.append(letters(chunk[i:j], rng, raw, style))
        i = j
    return " ".join(out)


def iban_said(code: str, rng: random.Random, v: Voice, raw: bool) -> str:
    style = rng.choice(("plain", "plain", "nato", "asin"))
    groups = num.iban_groups(code)
    if not raw and rng.random() < 0.4:
        return join_groups(groups, rng, v, False, (" ",), 0.3)
    head = (
        letters(code[:2], rng, raw, style)
        + " "
        + (safe(code[2:4], rng, v) if raw or rng.random() < 0.5 else code[2:4])
    )
    rest = [alnum_said(g, rng, v, raw, style) for g in groups[1:]]
    return join_groups([head] + rest, rng, v, raw, (" ",) if raw else (" ", ", "), 0.3)


def iban_typed(code: str, rng: random.Random) -> str:
    style = rng.choice(("print", "compact", "lower", "odd", "print"))
    if style == "print":
        return " ".join(num.iban_groups(code))
    if style == "compact":
        return code
    if style == "lower":
        return rng.choice((code.lower(), " ".join(num.iban_groups(code)).lower()))
    return typed(num.iban_groups(code), rng, 1.0)


# ---------------------------------------------------------------- SSNs
def ssn_groups(s: str, rng: random.Random) -> list[str]:
    shape = rng.choices(("324", "333", "9", "3222", "54", "36"), (60, 10, 8, 8, 7, 7))[0]
    return {
        "324": [s[:3], s[3:5], s[5:]],
        "333": [s[:3], s[3:6], s[6:]],
        "9": [s],
        "3222": [s[:3], s[3:5], s[5:7], s[7:]],
        "54": [s[:5], s[5:]],
        "36": [s[:3], s[3:]],
    }[shape]


def ssn_said(s: str, rng: random.Random, v: Voice, raw: bool) -> str:
    if rng.random() < 0.08:
        return with_restart([s[:3], s[3:5], s[5:]], rng, v, raw)
    groups = ssn_groups(s, rng)
    if not raw and rng.random() < 0.6:
        return (
            rng.choice(("-", "-", " ", " - ")).join([s[:3], s[3:5], s[5:]])
            if len(groups) == 3 and len(groups[1]) == 2
            else join_groups(groups, rng, v, False, (" ", "-"), 0.2)
        )
    return said(groups, rng, v, raw, 0.3)


def ssn_typed(s: str, rng: random.Random) -> str:
    return typed([s[:3], s[3:5], s[5:]], rng, 0.5) if rng.random() < 0.8 else s
