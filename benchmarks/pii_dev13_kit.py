"""dev13 kit: digits said as words (single, pairs, hundreds, double/triple, oh), fillers,
restarts, the row check (every label and look-alike exactly once in its turn), and the caller.

Every function takes the row's `rng` and nothing else random.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from pii_rows import Benign, Pii, Retry, Row

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

# fillers a caller drops inside a number (they are inside the label: first digit to last)
FILL_IN = [
    "uh",
    "um",
    "er",
    "erm",
    "hmm",
    "uh let me see",
    "um hang on",
    "so",
    "and then",
    "uh where was i",
    "okay",
    "right",
    "ah",
]
# restart words between a wrong group and the right one (one stretch: one label)
RESTART = [
    "no sorry",
    "no wait",
    "sorry i mean",
    "scratch that",
    "no no",
    "wait no it's",
    "oops",
    "hang on no",
    "actually",
]
# ASR homophones for a digit word (rare)
HOMO = {"four": "for", "two": "to", "eight": "ate", "one": "won"}


@dataclass
class Voice:
    """How one speaker says digits, fixed for a call so the same caller sounds the same."""

    zero: str = "oh"  # "oh", "zero", "o"
    pairs: float = 0.0  # chance a group of 2-4 is said as pairs / hundreds
    double: float = 0.0  # chance a run of 2-3 is said "double" / "triple"
    fill: float = 0.0  # chance of a filler between groups
    homo: float = 0.0  # chance of an ASR homophone per digit word


def voice(rng: random.Random) -> Voice:
    return Voice(
        zero=rng.choices(["oh", "zero", "o"], [6, 4, 1])[0],
        pairs=rng.choice([0.0, 0.0, 0.3, 0.6, 0.9]),
        double=rng.choice([0.0, 0.5, 0.9]),
        fill=rng.choice([0.0, 0.0, 0.2, 0.45]),
        homo=rng.choice([0.0, 0.0, 0.0, 0.08]),
    )


def digit_word(d: str, v: Voice, rng: random.Random) -> str:
    if d == "0":
        return v.zero
    w = ONES[int(d)]
    if v.homo and w in HOMO and rng.random() < v.homo:
        return HOMO[w]
    return w


def pair(two: str, v: Voice, rng: random.Random) -> str:
    """'41' -> 'forty one', '07' -> 'oh seven', '10' -> 'ten', '00' -> 'double oh'."""
    a, b = int(two[0]), int(two[1])
    if a == 0:
        if b == 0:
            return rng.choice([f"double {v.zero}", f"{v.zero} {v.zero}"])
        return f"{v.zero} {ONES[b]}"
    if a == 1:
        return TEENS[b]
    return TENS[a] if b == 0 else f"{TENS[a]} {ONES[b]}"


def plain(digits: str, v: Voice, rng: random.Random) -> str:
    """Digit by digit, with 'double'/'triple' for runs when the voice does that."""
    out: list[str] = []
    i = 0
    while i < len(digits):
        run = 1
        while i + run < len(digits) and digits[i + run] == digits[i] and run < 3:
            run += 1
        if run >= 2 and v.double and rng.random() < v.double:
            word = digit_word(digits[i], v, rng)
            if run == 3:
                out.append(f"triple {word}")
            else:
                out.append(f"double {word}")
            i += run
            continue
        out.append(digit_word(digits[i], v, rng))
        i += 1
    return " ".join(out)


def group(digits: str, v: Voice, rng: random.Random) -> str:
    """One group said the way this voice says it: pairs ('forty one eleven'), hundreds
    ('twenty three hundred', 'four hundred'), or digit by digit."""
    if v.pairs and rng.random() < v.pairs and len(digits) in (2, 3, 4) and digits[0] != "0":
        if len(digits) == 2:
            return pair(digits, v, rng)
        if len(digits) == 3:
            if digits[1:] == "00":
                return f"{ONES[int(digits[0])]} hundred"
            return f"{ONES[int(digits[0])]} {pair(digits[1:], v, rng)}"
        if digits[2:] == "00" and digits[1] != "0":
            return f"{pair(digits[:2], v, rng)} hundred"
        if digits[1] == "0" and digits[2:] != "00" and rng.random() < 0.4:
            return f"{ONES[int(digits[0])]} thousand {pair(digits[2:], v, rng)}".replace(
                f"thousand {v.zero} ", "thousand and "
            )
        return f"{pair(digits[:2], v, rng)} {pair(digits[2:], v, rng)}"
    return plain(digits, v, rng)


def groups_said(groups: list[str], v: Voice, rng: random.Random, restart: float = 0.0) -> str:
    """Groups said one after another, with fillers between them and now and then a wrong
    group taken back ("four one one seven no sorry four one one eight")."""
    out: list[str] = []
    for i, g in enumerate(groups):
        if i and v.fill and rng.random() < v.fill:
            out.append(rng.choice(FILL_IN))
        if restart and i and rng.random() < restart:
            wrong = list(g)
            k = rng.randrange(len(wrong))
            wrong[k] = str((int(wrong[k]) + rng.randint(1, 8)) % 10)
            out.append(group("".join(wrong), v, rng))
            out.append(rng.choice(RESTART))
            restart = 0.0
        out.append(group(g, v, rng))
    return " ".join(out)


def spell(word: str, rng: random.Random, nato: float = 0.0) -> str:
    """'kim' -> 'k i m' (or 'k as in kilo i m')."""
    out = []
    for ch in word.lower():
        if ch.isdigit():
            out.append(ONES[int(ch)])
        elif nato and rng.random() < nato:
            out.append(f"{ch} as in {NATO[ch]}")
        else:
            out.append(ch)
    return " ".join(out)


NATO = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyz",
        [
            "alpha",
            "bravo",
            "charlie",
            "delta",
            "echo",
            "foxtrot",
            "golf",
            "hotel",
            "india",
            "juliet",
            "kilo",
            "lima",
            "mike",
            "november",
            "oscar",
            "papa",
            "quebec",
            "romeo",
            "sierra",
            "tango",
            "uniform",
            "victor",
            "whiskey",
            "x-ray",
            "yankee",
            "zulu",
        ],
    )
)


def chunk(s: str, sizes: list[int]) -> list[str]:
    out, i = [], 0
    for n in sizes:
        out.append(s[i : i + n])
        i += n
    if i < len(s):
        out.append(s[i:])
    return [g for g in out if g]


def digits(rng: random.Random, n: int, lead: str = "123456789") -> str:
    return rng.choice(lead) + "".join(rng.choice("0123456789") for _ in range(n - 1))


def words_num(n: int) -> str:
    """A whole number under a million in words ('four hundred twelve')."""
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else " " + ONES[n % 10])
    if n < 1000:
        rest = n % 100
        return ONES[n // 100] + " hundred" + ("" if rest == 0 else " " + words_num(rest))
    rest = n % 1000
    return words_num(n // 1000) + " thousand" + ("" if rest == 0 else " " + words_num(rest))


# --- the caller -----------------------------------------------------------------------

FIRST = [
    "marisol",
    "dmitri",
    "aroha",
    "kwame",
    "ingrid",
    "tomasz",
    "priyanka",
    "lachlan",
    "siobhan",
    "joaquin",
    "mei",
    "oluwaseun",
    "henrik",
    "beatriz",
    "rangi",
    "yusuf",
    "colette",
    "thandiwe",
    "hiroshi",
    "anneliese",
    "desmond",
    "farida",
    "ezequiel",
    "noor",
    "bronwyn",
    "ignacio",
    "wanjiru",
    "leopold",
    "saoirse",
    "tevita",
    "ximena",
    "gunnar",
    "adaeze",
    "rosalind",
    "jun",
    "cormac",
    "paloma",
    "emeka",
    "hyejin",
    "wendell",
    "margarethe",
    "duc",
    "solveig",
    "ravi",
    "delphine",
    "kofi",
    "imogen",
    "tariq",
    "luz",
    "barnaby",
    "ayesha",
    "mateus",
    "ottilie",
    "sipho",
    "reuben",
    "kalani",
    "zofia",
    "august",
    "nkechi",
    "florian",
    "rosario",
    "keanu",
    "birgit",
    "thuy",
    "clementine",
]
LAST = [
    "okonkwo",
    "vasquez",
    "lindqvist",
    "tanaka",
    "mcallister",
    "ferreira",
    "nakamura",
    "oyelaran",
    "brennan",
    "castellanos",
    "haugen",
    "pillai",
    "whitcombe",
    "moreau",
    "kowalczyk",
    "te whare",
    "abernathy",
    "delacroix",
    "achterberg",
    "villanueva",
    "quaye",
    "sorensen",
    "mbeki",
    "fairweather",
    "ibarra",
    "nguyen",
    "rothschild",
    "kapoor",
    "o'donoghue",
    "salazar",
    "holmgren",
    "adeyemi",
    "pemberton",
    "lucero",
    "yamada",
    "kristiansen",
    "mwangi",
    "van der berg",
    "escobedo",
    "thornbury",
    "rautio",
    "chowdhury",
    "leclerc",
    "brandvold",
    "osei",
    "greenhalgh",
    "montoya",
    "kaur",
    "ashdown",
    "zielinski",
]


@dataclass
class Caller:
    first: str
    last: str
    region: str  # phone region of the caller's own number
    raw: bool  # their turns are raw STT (lower case words) rather than smart-formatted
    voice: Voice = field(default_factory=Voice)
    typed: bool = False  # a chat channel: typed turns


NA_SHARE = 0.5


def caller(rng: random.Random, regions: list[str]) -> Caller:
    region = (
        rng.choice(["US", "US", "US", "CA"]) if rng.random() < NA_SHARE else rng.choice(regions)
    )
    typed = rng.random() < 0.18
    raw = not typed and rng.random() < 0.55
    return Caller(rng.choice(FIRST), rng.choice(LAST), region, raw, voice(rng), typed)


# --- the row check --------------------------------------------------------------------


def occurrences(hay: str, needle: str) -> int:
    n, i = 0, hay.find(needle)
    while i >= 0:
        n += 1
        i = hay.find(needle, i + 1)
    return n


def finish(row: Row) -> Row:
    """Every label and look-alike occurs exactly once in its turn (overlaps counted), labels
    and look-alikes never overlap; otherwise the row is drawn again."""
    marks = [(p["turn"], p["text"]) for p in row.pii] + [
        (n["turn"], n["text"]) for n in row.negatives
    ]
    for turn, text in marks:
        if not text or occurrences(row.turns[turn]["content"], text) != 1:
            raise Retry(text)
    spans: dict[int, list[tuple[int, int]]] = {}
    for turn, text in marks:
        start = row.turns[turn]["content"].find(text)
        spans.setdefault(turn, []).append((start, start + len(text)))
    for turn, ss in spans.items():
        ss.sort()
        for (a0, a1), (b0, b1) in zip(ss, ss[1:]):
            if b0 < a1:
                raise Retry("overlap")
    return row


__all__ = ["Benign", "Pii", "Retry", "Row", "Voice", "Caller"]
