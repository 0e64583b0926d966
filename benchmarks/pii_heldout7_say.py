"""heldout7: how numbers, letters and addresses come out of a speech-to-text engine.

Two surfaces: smart-formatted (digits, punctuation, as a formatting STT gives them) and raw
(lower case, no punctuation, numbers in words, with the usual mishearings).
"""

from __future__ import annotations

import random

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
# what a speech engine writes for a digit it half heard
MISHEAR = {"4": ["for"], "2": ["to", "too"], "1": ["won"], "8": ["ate"]}
NATO = {
    "a": "alpha",
    "b": "bravo",
    "c": "charlie",
    "d": "delta",
    "e": "echo",
    "f": "foxtrot",
    "g": "golf",
    "h": "hotel",
    "i": "india",
    "j": "juliet",
    "k": "kilo",
    "l": "lima",
    "m": "mike",
    "n": "november",
    "o": "oscar",
    "p": "papa",
    "q": "quebec",
    "r": "romeo",
    "s": "sierra",
    "t": "tango",
    "u": "uniform",
    "v": "victor",
    "w": "whiskey",
    "x": "x-ray",
    "y": "yankee",
    "z": "zulu",
}
AS_IN = {
    "a": ["apple", "alpha"],
    "b": ["boy", "bravo"],
    "c": ["cat", "charlie"],
    "d": ["dog", "david"],
    "e": ["edward", "echo"],
    "f": ["frank", "fox"],
    "g": ["george", "golf"],
    "h": ["henry", "house"],
    "i": ["ice", "india"],
    "j": ["john", "jack"],
    "k": ["king", "kilo"],
    "l": ["larry", "lima"],
    "m": ["mary", "mike"],
    "n": ["nancy", "nora"],
    "o": ["orange", "oscar"],
    "p": ["peter", "paul"],
    "q": ["queen", "quebec"],
    "r": ["robert", "romeo"],
    "s": ["sam", "sugar"],
    "t": ["tom", "tango"],
    "u": ["umbrella", "uniform"],
    "v": ["victor", "violet"],
    "w": ["william", "whiskey"],
    "x": ["x-ray", "xavier"],
    "y": ["yellow", "yankee"],
    "z": ["zebra", "zulu"],
}
FILLERS = ["uh", "um", "er", "erm", "hmm"]


def two(n: int) -> str:
    """0-99 as words, the way people read pairs ("oh five", "forty one")."""
    if n < 10:
        return "oh " + ONES[n]
    if n < 20:
        return TEENS[n - 10]
    return TENS[n // 10] + ("" if n % 10 == 0 else " " + ONES[n % 10])


def pair(p: str, rng: random.Random, zero: str = "oh") -> str:
    """Two digits as one word group: "forty one", "oh five", "oh oh"."""
    if p[0] == "0":
        return zero + " " + (zero if p[1] == "0" else ONES[int(p[1])])
    if p[1] == "0" and p[0] != "1":
        # "sixty" then a digit would read as sixty-something
        return ONES[int(p[0])] + " " + zero
    return two(int(p))


def cardinal(n: int) -> str:
    """A whole number in words (up to the millions), for amounts and counts."""
    if n < 10:
        return ONES[n]
    if n < 100:
        return two(n)
    if n < 1000:
        rest = n % 100
        return ONES[n // 100] + " hundred" + ("" if not rest else " " + cardinal(rest))
    if n < 1_000_000:
        rest = n % 1000
        return cardinal(n // 1000) + " thousand" + ("" if not rest else " " + cardinal(rest))
    rest = n % 1_000_000
    return cardinal(n // 1_000_000) + " million" + ("" if not rest else " " + cardinal(rest))


def digit(d: str, rng: random.Random, zero: str = "oh", mishear: float = 0.0) -> str:
    if d == "0":
        return zero
    if d in MISHEAR and rng.random() < mishear:
        return rng.choice(MISHEAR[d])
    return ONES[int(d)]


def digits_words(s: str, rng: random.Random, style: str | None = None, mishear: float = 0.0) -> str:
    """A string of digits said aloud. style: single, double, pairs, hundred, mixed."""
    if style is None:
        style = rng.choice(["single", "single", "double", "pairs", "mixed"])
    zero = rng.choice(["oh", "oh", "zero"])
    if style == "hundred" and len(s) in (3, 4) and s[0] != "0" and s[1:] in ("00", "000"):
        return ONES[int(s[0])] + (" hundred" if len(s) == 3 else " thousand")
    if style == "hundred" and len(s) == 3 and s[0] != "0" and s[1] == "0" and s[2] != "0":
        return ONES[int(s[0])] + " " + zero + " " + ONES[int(s[2])]
    if style == "pairs" and len(s) == 4 and s[0] != "0" and s[2:] == "00":
        return two(int(s[:2])) + " hundred"
    if style == "pairs" and len(s) % 2 == 0:
        return " ".join(pair(s[i : i + 2], rng, zero) for i in range(0, len(s), 2))
    if style == "pairs" and len(s) == 3:
        return digit(s[0], rng, zero) + " " + pair(s[1:], rng, zero)
    if style == "mixed" and len(s) >= 4 and s[-2] != "0" and rng.random() < 0.5:
        return digits_words(s[:-2], rng, "double", mishear) + " " + pair(s[-2:], rng, zero)
    words: list[str] = []
    i = 0
    while i < len(s):
        run = 1
        while i + run < len(s) and s[i + run] == s[i]:
            run += 1
        if style in ("double", "mixed") and run == 2:
            words.append("double " + digit(s[i], rng, zero))
            i += 2
            continue
        if style in ("double", "mixed") and run == 3 and rng.random() < 0.6:
            words.append("triple " + digit(s[i], rng, zero))
            i += 3
            continue
        words.append(digit(s[i], rng, zero, mishear))
        i += 1
    return " ".join(words)


def say_groups(
    groups: list[str],
    rng: random.Random,
    raw: bool,
    style: str | None = None,
    filler: float = 0.0,
    mishear: float = 0.0,
) -> str:
    """Digit groups said aloud, joined the way a transcript shows pauses."""
    out: list[str] = []
    for n, g in enumerate(groups):
        out.append(digits_words(g, rng, style, mishear))
        if n < len(groups) - 1 and rng.random() < filler:
            out.append(rng.choice(FILLERS) if raw else rng.choice(FILLERS) + ",")
    if raw:
        return " ".join(out)
    sep = rng.choice([" ", ", ", "... ", " - "])
    text = ""
    for n, piece in enumerate(out):
        if n == 0:
            text = piece
        elif piece.endswith(","):
            text += " " + piece
        else:
            text += (" " if text.endswith(",") else sep) + piece
    return text


def spell(word: str, rng: random.Random, how: str) -> str:
    """Letters of a word: plain, nato, as_in, or mixed; digits inside are said as digits."""
    out = []
    for ch in word:
        if ch.isdigit():
            out.append(ONES[int(ch)])
        elif how == "nato":
            out.append(f"{ch} for {NATO[ch]}" if rng.random() < 0.3 else NATO[ch])
        elif how == "as_in" and rng.random() < 0.5:
            out.append(f"{ch} as in {rng.choice(AS_IN[ch])}")
        else:
            out.append(ch)
    return " ".join(out)


def regroup(s: str, sizes: list[int]) -> list[str]:
    out, i = [], 0
    for n in sizes:
        out.append(s[i : i + n])
        i += n
    if i < len(s):
        out.append(s[i:])
    return [g for g in out if g]


def words_to_digits(text: str) -> str:
    """Back from a said number to its digits (for checking builders)."""
    t = (
        text.lower()
        .replace(",", " | ")
        .replace("...", " | ")
        .replace(".", " ")
        .replace(" - ", " | ")
    )
    t = t.replace("-", " ")
    words = t.split()
    out = ""
    i = 0
    vals = {w: str(n) for n, w in enumerate(ONES)}
    vals.update(
        {
            "oh": "0",
            "o": "0",
            "for": "4",
            "to": "2",
            "too": "2",
            "won": "1",
            "ate": "8",
            "double": "",
            "triple": "",
        }
    )
    while i < len(words):
        w = words[i]
        if w in ("double", "triple") and i + 1 < len(words):
            rep = 2 if w == "double" else 3
            nxt = words[i + 1]
            out += (vals[nxt] if nxt in vals else str(int(nxt))) * rep
            i += 2
            continue
        if w in TENS[2:]:
            d = TENS.index(w)
            if i + 1 < len(words) and words[i + 1] in ONES[1:] + ["won", "to", "too", "for", "ate"]:
                out += str(d) + vals[words[i + 1]]
                i += 2
                continue
            out += str(d) + "0"
            i += 1
            continue
        if w in TEENS:
            out += str(10 + TEENS.index(w))
        elif w == "hundred":
            out += "00"
        elif w == "thousand":
            out += "000"
        elif w in vals:
            out += vals[w]
        elif w.isdigit():
            out += w
        elif w.startswith("+") and w[1:].isdigit():
            out += w[1:]
        elif w in ("(", ")"):
            pass
        else:
            stripped = "".join(c for c in w if c.isdigit())
            out += stripped
        i += 1
    return out
