"""IBANs, written ("GB82 WEST 1234 ...", any case, spaces or dashes between groups) or said
letter by letter: "g b eight two w e s t one two ...".

The turn is read as a stream of characters: digits, digits said as words, single letters and
short words read as their letters ("gb", "west"), "double" / "triple" before one; any longer
word ends the stream. From each
place where two letters and two digits begin, the longest prefix that python-stdnum holds a
valid IBAN (its checksum makes a chance match about one in a hundred million) is one.
"""

from __future__ import annotations

import re

from stdnum import iban as _iban

__all__ = ["ibans", "spelled_ibans"]

_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]){11,30}", re.I)


def ibans(text: str) -> list[tuple[int, int]]:
    """Written IBANs: the longest prefix of each candidate that is valid; else spelled ones."""
    found = []
    for m in _IBAN.finditer(text):
        raw = m.group().upper()
        for end in range(len(raw), 14, -1):
            if _iban.is_valid(raw[:end]):
                found.append((m.start(), m.start() + len(raw[:end].rstrip(" -"))))
                break
    return found or spelled_ibans(text)


_TOKEN = re.compile(r"[A-Za-z]+|\d+")
_UNITS = dict(
    zip("zero one two three four five six seven eight nine".split(), "0123456789", strict=True)
)
_UNITS["oh"] = "0"
_TEENS = {
    w: str(10 + i)
    for i, w in enumerate(
        "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = dict(
    zip("twenty thirty forty fifty sixty seventy eighty ninety".split(), "23456789", strict=True)
)
_REPEAT = {"double": 2, "triple": 3}
_SKIP = {"uh", "um", "er", "erm", "dash", "space"}
_PIECE = re.compile(r"\b(?:[a-z]|\d+|" + "|".join(_UNITS) + r")\b", re.I)


def spelled_ibans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each IBAN said in `text` as letters, digits and digit words."""
    if len(_PIECE.findall(text)) < 8:  # most turns: too few letters and digits for one
        return []
    found: list[tuple[int, int]] = []
    for stream in _streams(text):
        chars = "".join(c for c, _, _ in stream)
        p = 0
        while p <= len(chars) - 15:  # 15 characters: Norway's IBANs, the shortest
            end = _longest(chars, p)
            if end:
                found.append((stream[p][1], stream[end - 1][2]))
                p = end
            else:
                p += 1
    return found


def _longest(chars: str, p: int) -> int:
    if not (chars[p : p + 2].isalpha() and chars[p + 2 : p + 4].isdigit()):
        return 0
    for end in range(min(len(chars), p + 34), p + 14, -1):
        if _iban.is_valid(chars[p:end]):
            return end
    return 0


def _streams(text: str) -> list[list[tuple[str, int, int]]]:
    """Runs of (character, start, end of its token) the way an IBAN could be said."""
    streams: list[list[tuple[str, int, int]]] = []
    stream: list[tuple[str, int, int]] = []
    tokens = list(_TOKEN.finditer(text))
    repeat = 1  # "double" / "triple" before a digit or a letter
    for index, m in enumerate(tokens):
        word, low = m.group(), m.group().lower()
        chars = ""
        if low in _REPEAT:
            repeat = _REPEAT[low]
            continue
        if word.isdigit():
            chars = word
        elif low in _UNITS:
            chars = _UNITS[low]
        elif low in _TEENS:
            chars = _TEENS[low]
        elif low in _TENS:
            nxt = tokens[index + 1].group().lower() if index + 1 < len(tokens) else ""
            chars = _TENS[low] + ("" if nxt in _UNITS and nxt != "oh" else "0")
        elif low in _SKIP:
            continue
        elif len(word) <= 4:
            chars = word.upper()
        if not chars:
            if len(stream) >= 15:
                streams.append(stream)
            stream = []
            continue
        if repeat > 1 and len(chars) == 1:
            chars *= repeat
        repeat = 1
        stream += [(c, m.start(), m.end()) for c in chars]
    if len(stream) >= 15:
        streams.append(stream)
    return streams
