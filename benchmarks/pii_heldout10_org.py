"""heldout10: an organisation (greeting, ids, amounts, lines, mailboxes, website, third party)
and the two data modules that list them (pii_heldout10_orgs_a, pii_heldout10_orgs_b)."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

import phonenumbers as pn
import pii_heldout10_num as num
import pii_heldout10_say as say
import pii_heldout10_spell as spell
from stdnum.au import abn as au_abn


@dataclass(frozen=True)
class Org:
    key: str
    name: str
    region: str  # where its own lines are
    cur: tuple[str, str]  # symbol, word
    greet: tuple[str, ...]
    domain: str
    boxes: tuple[str, ...]  # the organisation's shared mailboxes (local parts)
    paths: tuple[str, ...]  # pages of its website
    lines: tuple[tuple[str, str], ...]  # (look-alike class, the number as the org prints it)
    third: tuple[str, str, str]  # name, its website domain, what it does
    ids: tuple[tuple[str, str, str], ...]  # (look-alike class, pattern, the noun callers use)
    topics: tuple[str, ...]
    money: tuple[int, int]
    card: str = ""  # what a card pays for ("" no card talk)
    iban: str = ""  # why a bank account comes up
    ssn: str = ""  # why an SSN comes up (US organisations only)


def id_text(rng: random.Random, pat: str) -> str:
    return num.pattern(rng, pat)


def org_id(rng: random.Random, org: Org, k: int | None = None) -> tuple[str, str, str]:
    """(class, text as printed, noun) of one of the organisation's ids."""
    cls, pat, noun = org.ids[rng.randrange(len(org.ids)) if k is None else k]
    if pat == "ISBN":
        text = num.isbn13(rng)
    elif pat == "UPS":
        text = num.ups(rng)
    elif pat == "GIFT":
        text = " ".join(num.card_groups(num.luhn_id(rng, 16, "7")))
    elif cls == "abn":
        body = num.digits(rng, 9, num.DIG)
        text = au_abn.format(au_abn.calc_check_digits(body) + body)
    else:
        if "HH:MM" in pat:
            pat = pat.replace(
                "HH:MM", f"{rng.randint(8, 17)}:{rng.choice(('00', '15', '30', '45'))}"
            )
        if "H:MM" in pat:
            pat = pat.replace(
                "H:MM", f"{rng.randint(7, 11)}:{rng.choice(('00', '15', '30', '45'))}"
            )
        text = id_text(rng, pat)
    return cls, text, noun


SEP_SAID = {
    "-": ("dash", "", "hyphen"),
    "/": ("slash", "forward slash"),
    ".": ("point", "dot"),
    " ": ("",),
    ",": ("",),
    ":": ("",),
}


def id_said(text: str, rng: random.Random, v: say.Voice, raw: bool) -> str:
    """An id as said: letters one by one, digits as groups, separators as words or nothing."""
    if not raw and rng.random() < 0.8:
        return text
    out = []
    dollars = False
    for tok in re.findall(r"[A-Za-z]+|\d+|[^A-Za-z\d]", text):
        if tok.isdigit():
            out.append(say.group(tok, rng, v) if raw or rng.random() < 0.5 else tok)
        elif tok.isalpha():
            if tok.islower() or len(tok) > 3 or tok in ("No", "Lot", "Bay", "Tag"):
                out.append(tok.lower() if raw else tok)
            else:
                out.append(spell.letters(tok.upper(), rng, raw, "plain"))
        elif tok == "$":
            dollars = True
        elif tok == "%":
            out.append("percent")
        else:
            w = rng.choice(SEP_SAID.get(tok, ("",)))
            if w:
                out.append(w)
    if dollars:
        out.append("dollars")
    t = " ".join(x for x in out if x)
    return t.lower() if raw else t


def line_groups(org: Org, printed: str) -> list[str]:
    return re.findall(r"\d+", printed)


def line_said(printed: str, rng: random.Random, v: say.Voice, raw: bool) -> str:
    groups = re.findall(r"\d+", printed)
    if not raw and rng.random() < 0.7:
        return printed
    return say.said(groups, rng, v, raw, 0.0)


def amount(
    rng: random.Random, org: Org, raw: bool, lo: int | None = None, hi: int | None = None
) -> str:
    lo = org.money[0] if lo is None else lo
    hi = org.money[1] if hi is None else hi
    whole = rng.randint(lo, hi)
    if whole > 200 and rng.random() < 0.5:
        whole = whole // 10 * 10
    cents = rng.choice((0, 0, 50, rng.randint(1, 99)))
    sym, word = org.cur
    if not raw:
        return f"{sym}{whole:,}" + (f".{cents:02d}" if cents else "")
    return money_words(whole, word) + (f" {cents_words(cents)}" if cents else "")


def cents_words(c: int) -> str:
    return int_words(c)


def money_words(n: int, word: str) -> str:
    return f"{int_words(n)} {word}"


def int_words(n: int) -> str:
    if n < 10:
        return say.ONES[n]
    if n < 20:
        return say.TEENS[n - 10]
    if n < 100:
        return say.TENS[n // 10] + ("" if n % 10 == 0 else " " + say.ONES[n % 10])
    if n < 1000:
        return (
            say.ONES[n // 100] + " hundred" + ("" if n % 100 == 0 else " and " + int_words(n % 100))
        )
    if n < 10000 and n % 1000 and (n // 100) % 10 and n % 100 == 0:
        return int_words(n // 100) + " hundred"
    if n < 1_000_000:
        return (
            int_words(n // 1000)
            + " thousand"
            + ("" if n % 1000 == 0 else " " + int_words(n % 1000))
        )
    return str(n)


def website(org: Org, rng: random.Random, raw: bool) -> str:
    path = rng.choice(org.paths) if rng.random() < 0.4 else ""
    www = rng.choice(("www.", ""))
    if raw:
        w = ("w w w dot " if www else "") + " dot ".join(org.domain.split("."))
        if path:
            w += " slash " + path.strip("/").replace("-", " ")
        return w.replace("-", " dash ")
    return f"{www}{org.domain}{path}"


def mailbox(org: Org, rng: random.Random) -> str:
    return f"{rng.choice(org.boxes)}@{org.domain}"


def check_lines(orgs: list[Org]) -> None:
    for o in orgs:
        for _, printed in o.lines:
            if not pn.is_valid_number(pn.parse(printed, o.region)):
                raise ValueError(f"{o.key}: {printed}")
