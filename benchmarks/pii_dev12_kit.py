"""dev12's shared pieces: digits said as words, groups, tool turns, and the row's final checks.

Everything draws from the `random.Random` it is handed, so a seed gives the same text.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Sequence
from typing import Any, TypeVar

from pii_rows import Benign, Pii, Retry, Row, maybe

ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEENS = (
    *("ten", "eleven", "twelve", "thirteen", "fourteen"),
    *("fifteen", "sixteen", "seventeen", "eighteen", "nineteen"),
)
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

FIRST = (
    *("Marisol", "Dwayne", "Keiko", "Tobias", "Anneliese", "Rashid", "Colleen", "Emeka"),
    *("Bettina", "Lucas", "Priyanka", "Desmond", "Ingrid", "Joaquin", "Shauna", "Wendell"),
    *("Thuy", "Gordon", "Fatima", "Rory", "Lakshmi", "Everett", "Noor", "Clarissa"),
    *("Bogdan", "Yolanda", "Ezra", "Tamsin", "Mateo", "Odette", "Harlan", "Sunita"),
)
LAST = (
    *("Okonkwo", "Brandvold", "Villaseñor", "Tremblay", "Haskins", "Nakagawa", "Pellegrini"),
    *("Abernathy", "Szymanski", "Delacroix", "Mbeki", "Fairweather", "Lindqvist", "Oduya"),
    *("Castellanos", "Whitcombe", "Ferreira", "Kowalczyk", "Dunleavy", "Achterberg"),
)
AGENTS = (
    *("Jolene", "Marcus", "Tessa", "Bashir", "Corinne", "Felipe", "Harriet", "Quentin"),
    *("Ximena", "Leopold", "Nadia", "Otis", "Rosalind", "Vikram", "Winona", "Yusuf"),
)
RELATIVES = (
    *("my daughter", "my son", "my husband", "my wife", "my mom", "my dad", "my sister"),
    *("my brother", "my partner", "my neighbor", "my aunt", "my grandson", "my caregiver"),
)


T = TypeVar("T")


def pick(rng: random.Random, items: Sequence[T]) -> T:
    return items[rng.randrange(len(items))]


def digits(rng: random.Random, n: int, *, lead: str = "123456789") -> str:
    return pick(rng, lead) + "".join(str(rng.randrange(10)) for _ in range(n - 1))


def zero(rng: random.Random, oh: float) -> str:
    return "oh" if maybe(rng, oh) else "zero"


def words(s: str, rng: random.Random, *, oh: float = 0.5, double: float = 0.25) -> str:
    """Each digit a word; a run of two or three said "double" / "triple" now and then."""
    out: list[str] = []
    i = 0
    o = zero(rng, oh)  # one speaker keeps one word for 0
    while i < len(s):
        w = o if s[i] == "0" else ONES[int(s[i])]
        run = 1
        while i + run < len(s) and s[i + run] == s[i] and run < 3:
            run += 1
        if run == 3 and maybe(rng, double):
            out.append(f"triple {w}")
        elif run >= 2 and maybe(rng, double):
            out.append(f"double {w}")
            run = 2
        else:
            out.append(w)
            run = 1
        i += run
    return " ".join(out)


def two(s: str, rng: random.Random) -> str:
    """Two digits as one number: "forty one", "oh five", "ten"."""
    a, b = int(s[0]), int(s[1])
    if a == 0:
        return f"{zero(rng, 0.8)} {ONES[b]}"
    if a == 1:
        return TEENS[b]
    return TENS[a] if b == 0 else f"{TENS[a]} {ONES[b]}"


def pairs(s: str, rng: random.Random) -> str:
    """Digits read two at a time ("forty one eleven"); an odd first digit said alone;
    "x hundred" for a trailing 00 of four digits."""
    out: list[str] = []
    if len(s) % 2:
        out.append(words(s[0], rng))
        s = s[1:]
    if len(s) == 4 and s[2:] == "00" and s[1] != "0" and maybe(rng, 0.7):
        lead = f"{zero(rng, 0.8)} {ONES[int(s[1])]}" if s[0] == "0" else two(s[:2], rng)
        return " ".join([*out, f"{lead} hundred"])
    out += [two(s[i : i + 2], rng) for i in range(0, len(s), 2)]
    return " ".join(out)


def speak(s: str, rng: random.Random, how: str = "") -> str:
    """A digit string as words: "words", "pairs" or "mixed" (a group at a time, either way)."""
    how = how or pick(rng, ("words", "words", "pairs", "mixed"))
    if how == "words":
        return words(s, rng)
    if how == "pairs":
        return pairs(s, rng)
    return words(s, rng) if maybe(rng, 0.5) else pairs(s, rng)


def split(s: str, sizes: Sequence[int]) -> list[str]:
    out, i = [], 0
    for n in sizes:
        out.append(s[i : i + n])
        i += n
    if i != len(s):
        raise ValueError(f"{sizes} do not cover {s}")
    return out


# -- tool turns: `name({...})` for a call, `name({...}) -> {...}` for its output (the way the
# plugin writes function calls and their outputs into a transcript)

_MARK = "\ue000"


class Num:
    """A JSON number whose text is a label or look-alike."""

    def __init__(self, part: Pii | Benign) -> None:
        self.part = part


def _walk(value: Any, marks: list[Pii | Benign], bare: list[int]) -> Any:
    if isinstance(value, dict):
        return {k: _walk(v, marks, bare) for k, v in value.items()}
    if isinstance(value, list):
        return [_walk(v, marks, bare) for v in value]
    if isinstance(value, Num):
        bare.append(len(marks))
        marks.append(value.part)
        return f"{_MARK}{len(marks) - 1}{_MARK}"
    if isinstance(value, Pii | Benign):
        marks.append(value)
        return f"{_MARK}{len(marks) - 1}{_MARK}"
    return value


def _parts(text: str, marks: list[Pii | Benign]) -> list[str | Pii | Benign]:
    out: list[str | Pii | Benign] = []
    for i, piece in enumerate(text.split(_MARK)):
        if i % 2:
            out.append(marks[int(piece)])
        elif piece:
            out.append(piece)
    return out


def tool(
    row: Row,
    name: str,
    args: dict[str, Any],
    result: dict[str, Any] | None = None,
    *,
    spaced: bool = True,
) -> None:
    """A tool turn: the call alone, or the call and its output."""
    marks: list[Pii | Benign] = []
    bare: list[int] = []
    seps = (", ", ": ") if spaced else (",", ":")
    text = f"{name}({json.dumps(_walk(args, marks, bare), ensure_ascii=False, separators=seps)})"
    if result is not None:
        out = json.dumps(_walk(result, marks, bare), ensure_ascii=False, separators=seps)
        text += f" -> {out}"
    for i in bare:  # a JSON number when it reads as one (no leading zero), else a string
        if re.fullmatch(r"(0|[1-9]\d*)(\.\d+)?", marks[i].text):
            text = text.replace(f'"{_MARK}{i}{_MARK}"', f"{_MARK}{i}{_MARK}")
    row.tags.add("tool")
    row.say("tool", *_parts(text, marks))


LONGEST = 14  # turns in a row at most


def new(family: str, *tags: str) -> Row:
    return Row(family=family, tags=set(tags))


def finish(row: Row) -> Row:
    """Each label and look-alike once in its turn; the aims a row serves, from what it holds."""
    for item in (*row.pii, *row.negatives):
        if row.turns[item["turn"]]["content"].count(item["text"]) != 1:
            raise Retry(item["text"])
    for a in row.pii:  # a look-alike inside a label (or the other way) is no test of either
        for b in row.negatives:
            if a["turn"] == b["turn"] and (a["text"] in b["text"] or b["text"] in a["text"]):
                raise Retry(b["text"])
    if len(row.turns) > LONGEST:
        raise Retry(f"{len(row.turns)} turns")
    labelled = {p["turn"] for p in row.pii}
    alike_only = {n["turn"] for n in row.negatives} - labelled
    kinds = {p["kind"] for p in row.pii}
    if len(alike_only) >= 3 or (row.negatives and not row.pii):
        row.tags.add("aim.false_alarm")
    if "ssn" in kinds:
        row.tags.add("aim.ssn_recall")
    if len(row.turns) >= 6:
        row.tags.add("call.long")
    return row
