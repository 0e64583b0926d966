"""Speaking and writing digit strings for pii_dev10: words, pairs, hundreds, noise, mishearings.

Everything here draws only from the rng it is given.
"""

from __future__ import annotations

import random
import re

UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
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

# ASR mishearings of digit words (homophones).
MISHEAR = {
    "four": ["for"],
    "two": ["to", "too"],
    "one": ["won"],
    "eight": ["ate"],
    "nine": ["nein"],
    "oh": ["owe"],
}

FILLERS = [
    "um",
    "uh",
    "erm",
    "let me see",
    "hold on",
    "sorry",
    "is it",
    "uh huh",
    "hang on",
    "where was i",
    "ok",
    "hmm",
    "right",
]


def zero_word(rng: random.Random) -> str:
    return rng.choice(["oh", "oh", "zero", "zero", "nought", "o"])


def unit(d: str, rng: random.Random, zero: str | None = None, mishear: float = 0.0) -> str:
    if d == "0":
        word = zero or zero_word(rng)
    else:
        word = UNITS[int(d)]
    if mishear and word in MISHEAR and rng.random() < (mishear / 3 if word == "nine" else mishear):
        word = rng.choice(MISHEAR[word])
    return word


def digit_words(
    ds: str, rng: random.Random, *, runs: bool = True, mishear: float = 0.0, zero: str | None = None
) -> str:
    """Digit by digit, with "double"/"triple" for runs when `runs`."""
    zero = zero or zero_word(rng)
    out: list[str] = []
    i = 0
    while i < len(ds):
        j = i
        while j < len(ds) and ds[j] == ds[i]:
            j += 1
        n = j - i
        if runs and n == 3 and rng.random() < 0.8:
            out.append("triple " + unit(ds[i], rng, zero, mishear))
            i = j
            continue
        if runs and n >= 2 and rng.random() < 0.75:
            out.append("double " + unit(ds[i], rng, zero, mishear))
            i += 2
            continue
        out.append(unit(ds[i], rng, zero, mishear))
        i += 1
    return " ".join(out)


def pair(two: str, rng: random.Random, mishear: float = 0.0) -> str:
    """Two digits as said in pairs: "45" forty five, "05" oh five, "10" ten, "00" double oh."""
    a, b = two[0], two[1]
    if a == "0":
        if b == "0":
            return rng.choice(["double oh", "oh oh", "zero zero", "double zero"])
        return zero_word(rng) + " " + unit(b, rng, mishear=mishear)
    if a == "1":
        return TEENS[int(b)]
    if b == "0":
        return TENS[int(a)]
    return TENS[int(a)] + " " + unit(b, rng, mishear=mishear)


def pairs(ds: str, rng: random.Random, mishear: float = 0.0) -> str:
    """A group in pairs; an odd group starts with one digit said alone ("4 05" four oh five)."""
    out: list[str] = []
    i = 0
    if len(ds) % 2:
        out.append(unit(ds[0], rng, mishear=mishear))
        i = 1
    while i < len(ds):
        out.append(pair(ds[i : i + 2], rng, mishear))
        i += 2
    return " ".join(out)


def below_hundred(n: int) -> str:
    if n < 10:
        return UNITS[n]
    if n < 20:
        return TEENS[n - 10]
    return TENS[n // 10] + ("" if n % 10 == 0 else " " + UNITS[n % 10])


def hundreds(ds: str, rng: random.Random) -> str | None:
    """A 4-digit group as a quantity: "2300" twenty three hundred, "4512" four thousand five
    hundred and twelve, "4012" forty twelve. None when the group can't be said that way."""
    if len(ds) != 4 or ds[0] == "0":
        return None
    hi, lo = int(ds[:2]), int(ds[2:])
    if lo == 0 and hi % 10 != 0:
        return below_hundred(hi) + " hundred"
    if ds[1] == "0" and ds[2] != "0":
        # 4512-like with a zero hundreds digit: "four thousand twelve"? keep it simple
        th = UNITS[int(ds[0])] + " thousand "
        rest = int(ds[2:])
        return th + ("and " if rng.random() < 0.4 else "") + below_hundred(rest)
    if ds[1] != "0" and ds[2] != "0" and rng.random() < 0.6:
        th = UNITS[int(ds[0])] + " thousand " + UNITS[int(ds[1])] + " hundred "
        return th + ("and " if rng.random() < 0.6 else "") + below_hundred(lo)
    if ds[2] == "0" and ds[3] != "0" and hi % 10 != 0:
        # 4507 "forty five oh seven"
        return below_hundred(hi) + " " + zero_word(rng) + " " + UNITS[int(ds[3])]
    if hi % 10 != 0 and lo >= 10:
        return below_hundred(hi) + " " + below_hundred(lo)
    return None


def group_words(ds: str, rng: random.Random, style: str, mishear: float = 0.0) -> str:
    """One group in words in one of the styles: digits, pairs, hundreds, mixed."""
    if style == "hundreds":
        said = hundreds(ds, rng)
        if said is not None:
            return said
        style = "pairs"
    if style == "pairs":
        if len(ds) >= 2:
            return pairs(ds, rng, mishear)
        return digit_words(ds, rng, mishear=mishear)
    return digit_words(ds, rng, mishear=mishear)


def filler(rng: random.Random) -> str:
    return rng.choice(FILLERS)


def groups_of(ds: str, sizes: list[int]) -> list[str]:
    out, i = [], 0
    for s in sizes:
        out.append(ds[i : i + s])
        i += s
    if i < len(ds):
        out.append(ds[i:])
    return [g for g in out if g]


def spell_letters(s: str) -> str:
    return " ".join(s)


_WORD = {w: i for i, w in enumerate(UNITS)}
_WORD.update(
    {
        "oh": 0,
        "o": 0,
        "nought": 0,
        "owe": 0,
        "for": 4,
        "to": 2,
        "too": 2,
        "won": 1,
        "ate": 8,
        "nein": 9,
    }
)
_TEEN = {w: 10 + i for i, w in enumerate(TEENS)}
_TENS = {w: i * 10 for i, w in enumerate(TENS) if w}


def decode(text: str) -> str:
    """The digits a careful listener writes down for `text` (fillers skipped): the inverse of
    the spoken forms above. Used to check that a number said in words is unambiguous. A comma
    (a pause) ends a number word: "twenty two hundred, seventy seven" is 2200 77."""
    return "".join(_decode_part(part) for part in text.split(","))


def _decode_part(text: str) -> str:
    toks = [t for t in re.split(r"[\s.;:/()\-]+", text.lower()) if t]
    out: list[str] = []
    i = 0

    def small(j: int) -> tuple[int, int, int] | None:
        """(value, digits-width, next index) of a number word below 100 at j."""
        if j >= len(toks):
            return None
        t = toks[j]
        if t in _TENS:
            if (
                j + 1 < len(toks)
                and toks[j + 1] in _WORD
                and _WORD[toks[j + 1]] != 0
                and toks[j + 1] not in ("oh", "o", "owe", "nought")
            ):
                return _TENS[t] + _WORD[toks[j + 1]], 2, j + 2
            return _TENS[t], 2, j + 1
        if t in _TEEN:
            return _TEEN[t], 2, j + 1
        if t in _WORD:
            return _WORD[t], 1, j + 1
        return None

    while i < len(toks):
        t = toks[i]
        if t.isdigit():
            out.append(t)
            i += 1
            continue
        if t in ("double", "triple") and i + 1 < len(toks) and toks[i + 1] in _WORD:
            out.append(str(_WORD[toks[i + 1]]) * (2 if t == "double" else 3))
            i += 2
            continue
        got = small(i)
        if got is None:
            i += 1
            continue
        value, width, j = got
        if j < len(toks) and toks[j] == "thousand" and width == 1:
            total = value * 1000
            j += 1
            if j + 1 < len(toks) and toks[j] in _WORD and toks[j + 1] == "hundred":
                total += _WORD[toks[j]] * 100
                j += 2
            if j < len(toks) and toks[j] == "and":
                j += 1
            rest = small(j)
            if (
                rest is not None
                and rest[0] < 100
                and not (rest[1] == 1 and toks[j] in ("oh", "o", "owe", "nought"))
            ):
                total += rest[0]
                j = rest[2]
            out.append(str(total))
            i = j
            continue
        if j < len(toks) and toks[j] == "hundred":
            # "forty five hundred twelve" is 4512 to a listener: a number after "hundred"
            # (with or without "and") belongs to it, unless it is an "oh"/"zero"
            total = value * 100
            j += 1
            if j < len(toks) and toks[j] == "and":
                j += 1
            rest = small(j)
            if rest is not None and toks[j] not in ("oh", "o", "owe", "nought", "zero"):
                total += rest[0]
                j = rest[2]
            out.append(str(total))
            i = j
            continue
        out.append(str(value).zfill(width))
        i = j
    return "".join(out)
