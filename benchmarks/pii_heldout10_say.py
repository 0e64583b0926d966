"""heldout10: how numbers are said and typed (digit words, pairs, hundreds, double and triple,
"oh", fillers and restarts inside, odd separators), for phones, cards, IBANs and SSNs.

Each renderer returns the exact text a label covers; `raw` asks for what a speech-to-text
engine without formatting writes (lower case words, no punctuation).
"""

from __future__ import annotations

import random

import pii_heldout10_num as num

ONES = "zero one two three four five six seven eight nine".split()
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
FILL_RAW = (
    "uh",
    "um",
    "er",
    "erm",
    "hmm",
    "uh let me see",
    "hang on",
    "um hold on",
    "and then",
    "ah",
    "let me just",
    "okay and",
)
FILL_SMART = (
    ", uh,",
    ", um,",
    "... er",
    ", hmm,",
    " - hang on -",
    ", uh, let me see,",
    "... and",
    ", ah,",
    ", okay,",
)
RESTART_RAW = (
    "no sorry",
    "no wait",
    "sorry scratch that",
    "actually no",
    "hold on no",
    "oops",
    "no no",
    "wait let me start again",
)
RESTART_SMART = (
    ", no, sorry,",
    " - no wait -",
    ", sorry, scratch that,",
    "... actually no,",
    ", oops,",
    " - let me start again -",
)


class Voice:
    """How one speaker says digits, kept for the whole call."""

    def __init__(self, rng: random.Random):
        self.zero = rng.choice(("oh", "oh", "zero", "oh", "zero", "o"))
        self.double = rng.random() < 0.55
        self.pairs = rng.random() < 0.35
        self.fill = rng.random() < 0.45

    def digit(self, d: str) -> str:
        return self.zero if d == "0" else ONES[int(d)]


def pair(two: str, v: Voice) -> str:
    if two[0] == "0":
        return f"{v.digit('0')} {ONES[int(two[1])]}"
    n = int(two)
    if n < 20:
        return TEENS[n - 10]
    return TENS[n // 10] + ("" if n % 10 == 0 else " " + ONES[n % 10])


def digit_words(g: str, rng: random.Random, v: Voice) -> str:
    out, i = [], 0
    while i < len(g):
        run = 1
        while i + run < len(g) and g[i + run] == g[i]:
            run += 1
        if run >= 3 and v.double and rng.random() < 0.7:
            out.append(f"triple {v.digit(g[i])}")
            i += 3
        elif run >= 2 and v.double and rng.random() < 0.75:
            out.append(f"double {v.digit(g[i])}")
            i += 2
        else:
            out.append(v.digit(g[i]))
            i += 1
    return " ".join(out)


def natural(g: str, rng: random.Random, v: Voice) -> str:
    """A group as people read it: pairs, hundreds, thousands."""
    if len(g) == 2 and g[0] != "0":
        return pair(g, v)
    if len(g) == 3 and g[0] != "0":
        head = ONES[int(g[0])]
        if g[1:] == "00":
            return f"{head} hundred"
        tail = pair(g[1:], v) if g[1] != "0" else f"{v.digit('0')} {ONES[int(g[2])]}"
        if rng.random() < 0.6:
            return f"{head} {tail}"
        return f"{head} hundred " + (pair(g[1:], v) if g[1] != "0" else ONES[int(g[2])])
    if len(g) == 4 and g[0] != "0":
        if g[2:] == "00" and g[1] != "0":
            return f"{pair(g[:2], v)} hundred"
        if g[1:] == "000":
            return f"{ONES[int(g[0])]} thousand"
        return f"{pair(g[:2], v)} {pair(g[2:], v)}"
    if len(g) >= 4 and len(g) % 2 == 0 and rng.random() < 0.5:
        return " ".join(pair(g[i : i + 2], v) for i in range(0, len(g), 2))
    return digit_words(g, rng, v)


def group(g: str, rng: random.Random, v: Voice) -> str:
    if v.pairs and rng.random() < 0.8:
        return natural(g, rng, v)
    if rng.random() < 0.12:
        return natural(g, rng, v)
    return digit_words(g, rng, v)


ROUND = set(TENS[2:]) | {"hundred", "thousand"}


def safe(g: str, rng: random.Random, v: Voice) -> str:
    """A group in words that never ends on a round word (something may follow it)."""
    w = group(g, rng, v)
    return digit_words(g, rng, v) if w.split(" ")[-1] in ROUND else w


def words_for(groups: list[str], rng: random.Random, v: Voice) -> list[str]:
    """Each group in words; a group whose words end on a round word ("fifty", "hundred") is
    read digit by digit when another group follows, so the digits stay unambiguous."""
    out = [group(g, rng, v) for g in groups]
    for i in range(len(out) - 1):
        if out[i].split(" ")[-1] in ROUND:
            out[i] = digit_words(groups[i], rng, v)
    return out


def join_groups(
    parts: list[str], rng: random.Random, v: Voice, raw: bool, seps=(" ",), fill_p: float = 0.25
) -> str:
    """Groups joined by separators, with a filler between two of them now and then."""
    out = parts[0]
    filled = False
    for p in parts[1:]:
        if v.fill and not filled and rng.random() < fill_p:
            f = rng.choice(FILL_RAW) if raw else rng.choice(FILL_SMART)
            out += (f" {f} " if raw else f + " ") + p
            filled = True
        else:
            out += rng.choice(seps) + p
    return out


def said(groups: list[str], rng: random.Random, v: Voice, raw: bool, fill_p: float = 0.25) -> str:
    """Digit groups said aloud: words when raw, digits (now and then words) when formatted."""
    if raw or rng.random() < 0.15:
        return join_groups(
            words_for(groups, rng, v),
            rng,
            v,
            True if raw else False,
            (" ",) if raw else (", ", " "),
            fill_p,
        )
    return join_groups(groups, rng, v, False, (" ", " ", "-"), fill_p)


def with_restart(groups: list[str], rng: random.Random, v: Voice, raw: bool) -> str:
    """A restart inside one stretch: a group or two, a slip, then the whole number."""
    k = rng.randint(1, max(1, len(groups) - 1))
    head = groups[:k]
    slip = head[-1][:-1] + str((int(head[-1][-1]) + rng.randint(1, 8)) % 10)
    first = said(head[:-1] + [slip], rng, v, raw, 0)
    r = rng.choice(RESTART_RAW) if raw else rng.choice(RESTART_SMART)
    return first + (f" {r} " if raw else f"{r} ") + said(groups, rng, v, raw, 0)


# ---------------------------------------------------------------- typed
FULLWIDTH = str.maketrans("0123456789+-", "０１２３４５６７８９＋－")
ODD_SEPS = (
    "\u00a0",
    "\u202f",
    "\u2013",
    "\u2014",
    "\u2011",
    "\u2012",
    "\u2212",
    ".",
    "/",
    " - ",
    "  ",
    "_",
    "·",
)


def typed(groups: list[str], rng: random.Random, odd: float = 0.5) -> str:
    """Typed groups: plain spaces or dashes, or an odd separator, or full-width digits."""
    if rng.random() < odd:
        sep = rng.choice(ODD_SEPS)
    else:
        sep = rng.choice((" ", "-", "", " "))
    text = sep.join(groups)
    if rng.random() < 0.12:
        text = text.translate(FULLWIDTH)
    return text


# ---------------------------------------------------------------- phones
CC_SAID = {
    "1": ("one",),
    "44": ("forty four", "four four"),
    "353": ("three five three", "three fifty three"),
    "61": ("sixty one", "six one"),
    "64": ("six four", "sixty four"),
    "49": ("forty nine", "four nine"),
    "33": ("thirty three", "three three"),
    "34": ("thirty four", "three four"),
    "39": ("thirty nine", "three nine"),
}


def cc_words(cc: str, rng: random.Random, v: Voice) -> str:
    if cc in CC_SAID:
        return rng.choice(CC_SAID[cc])
    w = natural(cc, rng, v)
    return digit_words(cc, rng, v) if w.split(" ")[-1] in ROUND or rng.random() < 0.5 else w


def phone_said(number, rng: random.Random, v: Voice, raw: bool, intl: str = "") -> tuple[str, str]:
    """(words said before the number, outside the label; the label text).

    intl: "" national, "plus", "doubleoh", "oneone" (spoken prefixes stay outside), "cc" (the
    country code said bare, inside)."""
    if not intl:
        groups = num.groups_national(number)
        if number.country_code == 1 and rng.random() < 0.12:
            groups = ["1"] + groups
        text = (
            said(groups, rng, v, raw) if rng.random() > 0.1 else with_restart(groups, rng, v, raw)
        )
        return "", text
    groups = num.groups_intl(number)
    cc, rest = groups[0], groups[1:]
    if raw or rng.random() < 0.4:
        head = cc_words(cc, rng, v)
        body = said(rest, rng, v, True if raw else rng.random() < 0.5)
        text = head + " " + body
    else:
        text = cc + " " + said(rest, rng, v, False)
    pre = {"plus": "plus ", "doubleoh": "double oh ", "oneone": "oh one one ", "cc": ""}[intl]
    if not raw:
        pre = pre.capitalize() if rng.random() < 0.2 else pre
        if intl == "plus" and rng.random() < 0.5:
            return "", "+" + cc + rng.choice((" ", "-", " ")) + rng.choice((" ", "-")).join(rest)
    return pre, text


def phone_typed(number, rng: random.Random) -> str:
    style = rng.choice(("e164", "intl", "nat", "nat", "odd", "odd", "oo", "paren", "dots"))
    if style in ("e164", "intl", "nat"):
        t = num.fmt(number, style)
        if rng.random() < 0.25:
            t = t.replace(" ", rng.choice(("\u00a0", "\u202f", "\u2009")))
        return t
    if style == "oo":
        return (
            "00"
            + str(number.country_code)
            + rng.choice((" ", ""))
            + typed(num.groups_intl(number)[1:], rng, 0.3)
        )
    if style == "paren" and number.country_code == 1:
        n = num.nsn(number)
        return f"({n[:3]}){rng.choice((' ', ''))}{n[3:6]}{rng.choice(('-', '–', '.', ' '))}{n[6:]}"
    if style == "dots":
        return ".".join(num.groups_national(number))
    if rng.random() < 0.5:
        return "+" + typed(num.groups_intl(number), rng, 0.8)
    return typed(num.groups_national(number), rng, 0.8)


def phone_json(number, rng: random.Random) -> str:
    return rng.choice(
        (
            num.fmt(number, "e164"),
            num.fmt(number, "e164"),
            num.fmt(number, "intl"),
            num.fmt(number, "nat"),
            num.nsn(number),
        )
    )


# ---------------------------------------------------------------- cards
HOMOPHONE = {"four": "for", "two": "to", "eight": "ate"}


def card_said(number: str, rng: random.Random, v: Voice, raw: bool) -> str:
    groups = num.card_groups(number)
    if rng.random() < 0.1:
        return with_restart(groups, rng, v, raw)
    if raw and rng.random() < 0.25 and len(number) == 16:  # two at a time
        groups = [number[i : i + 2] for i in range(0, 16, 2)]
        return join_groups([natural(g, rng, v) for g in groups], rng, v, True, (" ",), 0.1)
    text = said(groups, rng, v, raw, 0.35)
    if raw and rng.random() < 0.15:
        words = text.split(" ")
        i = rng.randrange(len(words))
        if words[i] in HOMOPHONE and 0 < i < len(words) - 1:
            words[i] = HOMOPHONE[words[i]]
            text = " ".join(words)
    return text


def card_typed(number: str, rng: random.Random) -> str:
    if rng.random() < 0.25:
        return number
    return typed(num.card_groups(number), rng, 0.5)
