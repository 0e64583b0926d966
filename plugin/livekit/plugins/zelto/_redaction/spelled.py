"""IBANs, written ("GB82 WEST 1234 ...", any case, any grouping, inside tool JSON) or said
letter by letter: "g b eight two w e s t one two ...", "golf bravo", "b as in boy".

The turn is read as a stream of characters: digits, digits said as words or pairs, single
letters, NATO words ("golf" -> G), a letter followed by "as in <word>" (the word dropped),
short words read as their letters ("gb", "west"), "double" / "triple" before one; any other
word ends the stream. From each place where two letters and two digits begin, a stretch of
the length an IBAN of that country has (python-stdnum's registry) is one when python-stdnum
holds it valid: the mod-97 check makes a chance match about one in a hundred million, so the
reader can be liberal. `previous` / `following` (the same speaker's turns around this one)
are read with it: an IBAN said over two turns (or three, this turn its middle) is found, and
this turn's part of it kept.
"""

from __future__ import annotations

import functools
import re

from stdnum import iban as _iban

from .letters import LETTER_NAMES, NATO, named_letter
from .numbers import goes_on

__all__ = ["iban_begun", "ibans", "look_alikes", "spelled_ibans"]

_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]){11,30}", re.I)


def ibans(
    text: str,
    previous: str = "",
    following: str = "",
    *,
    asked: bool = False,
    far: tuple[str, str] = ("", ""),
) -> list[tuple[int, int]]:
    """Written IBANs: the longest prefix of each candidate that is valid; else said ones,
    with the same speaker's turns before and after this one read on either side of it.
    `asked`: the call talks of IBANs here, so one said that fails the check is one misread;
    `far`: the speaker's two turns before and after, for an IBAN over three turns whose first
    or last piece this turn is."""
    found = []
    for m in _IBAN.finditer(text):
        raw = m.group().upper()
        for end in range(len(raw), 14, -1):
            if _iban.is_valid(raw[:end]):
                found.append((m.start(), m.start() + len(raw[:end].rstrip(" -"))))
                break
    if found or not _MAYBE.search(text):
        return found
    found = spelled_ibans(text)
    if found:
        return found
    if asked:
        found = spelled_ibans(text, checked=False)
        if found:
            return found
    # this turn is an IBAN's end, its start, or (said over three turns) its middle; each
    # piece read from its first character to its last digit ("then it ends 3044 02", "okay
    # DK83 6964 9387 so far": the words around a piece are no letters of it)
    piece = ""  # this turn read as a piece, once one side may hold the rest
    sides = [(previous, ""), ("", following), (previous, following)]
    sides += [(far[0], ""), ("", far[1])] if far[0] != previous or far[1] != following else []
    for said_before, said_after in sides:
        if not (said_before or said_after) or (said_before and said_after and found):
            continue
        joined = f"{said_before} {text} {said_after}"
        if len(_MAYBE.findall(joined)) < 8 or not _COUNTRY_SAID.search(joined):
            continue  # too few digits for an IBAN's, or no country's two letters said
        piece = piece or _piece(text)
        before = "\n".join(map(_piece, said_before.split("\n")))
        after = _piece(said_after)
        whole = f"{before}\n{piece}\n{after}" if before else f"{piece}\n{after}"
        at = len(before) + 1 if before else 0
        for first, last in spelled_ibans(whole):
            start = max(first, at + len(piece) - len(piece.lstrip()))
            end = min(last, at + len(piece.rstrip()))
            if start < end:
                found.append((start - at, end - at))
    return found


# an IBAN's first piece written and ending in its bank's letters: "NL91 ABNA" (the rest in
# the speaker's next turn)
_BEGUN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]){0,24}[ -]?[A-Z]{2,4}\W*$")


def iban_begun(text: str) -> bool:
    """`text` ends with an IBAN's first piece written up to its bank's letters."""
    return bool(_BEGUN.search(text))


def _piece(line: str) -> str:
    """A turn holding a piece of an IBAN, with the words saying it goes on before it and the
    words after its last digit that say no letters blanked (the same length: offsets hold)."""
    digits = list(_DIGIT_SAID.finditer(line))
    if not digits:
        return line
    start, end = goes_on(line), digits[-1].end()
    for m in _TOKEN.finditer(line, end):  # "NL54 RABO", "... eight two west": its letters
        if not _letter_said(m.group()):
            break
        end = m.end()
    return " " * start + line[start:end] + " " * (len(line) - end)


# short words after a piece that are no letters of it ("... so far", "... is the first bit",
# "... hold on", "... then")
_AFTER_PIECE = {"so", "far", "is", "the", "then", "hold", "hang", "on", "wait", "sec", "and"}
_AFTER_PIECE |= {"that", "it", "its", "for", "now", "one", "bit", "part", "ok", "okay", "got"}


def _letter_said(word: str) -> bool:
    """A word after a piece's last digit that says letters of it: a single letter, a NATO
    word, a bank code ("west", "RABO")."""
    low = word.lower()
    if len(word) == 1 or low in NATO or low in LETTER_NAMES or word.isupper():
        return True
    return len(word) <= 4 and low not in _AFTER_PIECE


_SHAPED = re.compile(_IBAN.pattern)  # the same shape, in capitals only (a printed one)


def look_alikes(text: str) -> list[tuple[int, int]]:
    """Written in an IBAN's shape (a country's code, two digits, its length) and failing the
    check: a reference printed like one, whose digits are no phone number or card either."""
    out = []
    for m in _SHAPED.finditer(text):
        raw = m.group().replace(" ", "").replace("-", "")
        if _size(raw[:2]) and len(raw) >= _size(raw[:2]) and not _iban.is_valid(raw):
            out.append((m.start(), m.end()))
    return out


_TOKEN = re.compile(r"[A-Za-z]+(?:-ray)?|\d+")
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
# fillers and spoken separators inside an IBAN: read over (the check guards what is read)
_SKIP = {"uh", "um", "er", "erm", "dash", "space", "and", "then", "hyphen", "like", "so", "okay"}
_SKIP |= {"ok", "yeah", "yes", "right", "hmm", "mm", "ah", "well", "comma", "dot", "point", "slash"}
# words of four letters or fewer saying where in the IBAN the speaker is ("and last X oh oh
# ...", "the rest"): not letters of it
_SKIP |= {"last", "rest", "bit", "next", "part", "that", "the"}
_OH = "\x00"  # "oh": a zero or the letter O ("r a b oh": RABO), both tried under the check
_RESTART = "\x01"  # a word of restarting: the group said before it may be said again after
_RESTARTS = {"sorry", "wait", "actually", "correction", "oops", "no"}
# said right after one ("sorry, that's 3425", "sorry i mean 9523"): read over
_RESTART_TAIL = {"that", "s", "it", "is", "i", "mean", "make", "should", "be", "no", "sorry"}
_DIGIT_WORDS = [*_UNITS, *_TEENS, *_TENS]
# an IBAN has 8 digits or more (written or said); most turns have fewer
_MAYBE = re.compile(r"\d|\b(?:" + "|".join(_DIGIT_WORDS) + r")\b", re.I)
_DIGIT_SAID = re.compile(r"\d|\b(?:" + "|".join(_DIGIT_WORDS) + r"|oh)\b", re.I)  # "... seven oh"

# two letters said or written before digits, as an IBAN opens: "DK83", "d k eight", "delta
# kilo", "m as in mike c as in charlie" (a cheap look before reading turns together)
_LETTER = r"(?:[a-z]|" + "|".join(sorted({*NATO, *LETTER_NAMES}, key=len, reverse=True)) + r")"
_COUNTRY_SAID = re.compile(
    rf"\b[a-z]{{2}}[ -]?\d{{2}}|\b{_LETTER}\b(?:\W+(?:as in|for|like) \w+)?\W+{_LETTER}\b"
    r"|\b[a-z]{2}\W+(?:" + "|".join(_DIGIT_WORDS) + r")\b",
    re.I,
)


def spelled_ibans(text: str, *, checked: bool = True) -> list[tuple[int, int]]:
    """(start, end) of each IBAN said in `text` as letters, digits and digit words; with
    `checked` False, also one of its country's length that fails the check (misread)."""
    if len(_MAYBE.findall(text)) < 8:  # most turns: too few digits for one
        return []
    found: list[tuple[int, int]] = []
    for stream in _streams(text):
        chars = "".join(c for c, _, _ in stream)
        p = 0
        while p <= len(chars) - 15:  # 15 characters: Norway's IBANs, the shortest
            end = _longest(chars, p, checked)
            if end:
                found.append((stream[p][1], stream[end - 1][2]))
                p = end
            else:
                p += 1
    return found


def _longest(chars: str, p: int, checked: bool = True) -> int:
    """The end of the IBAN said from `p`, 0 for none. A word of restarting inside it
    (`_RESTART`: "... 2890, no, sorry, 2810 3 ...") may stand after a group said wrong: the
    up to five characters before it are dropped (or none: a pause), the check decides."""
    head = chars[p : p + 4].replace(_OH, "0")
    if not (head[:2].isalpha() and head[2:].isdigit()) or _RESTART in head:
        return 0
    size = _size(head[:2])
    if not size:
        return 0
    q = chars.find(_RESTART, p, p + size + 1)
    if q < 0:
        return p + size if p + size <= len(chars) and _valid(chars[p : p + size], checked) else 0
    said, rest = chars[p:q], chars[q + 1 :].replace(_RESTART, "")
    for dropped in range(0, 6):
        kept = len(said) - dropped
        if kept < 4 or kept + len(rest) < size:
            continue
        if _valid(said[:kept] + rest[: size - kept], checked):
            return q + 1 + (size - kept)
    return 0


def _valid(window: str, checked: bool) -> bool:
    """Valid with some reading of its "oh"s; with `checked` False, any IBAN of that length
    (the caller checks talk of IBANs: a misread one is still one)."""
    if not checked:
        return True
    ohs = window.count(_OH)
    readings = [window.replace(_OH, "0")]
    if 0 < ohs <= 3:  # each "oh" a zero or an O: at most eight readings
        readings = _readings(window, ohs)
    return any(_iban.is_valid(r) for r in readings)


def _readings(window: str, ohs: int) -> list[str]:
    """`window` with each "oh" read as 0 or O."""
    out = []
    for bits in range(1 << ohs):
        parts = window.split(_OH)
        text = parts[0]
        for k, part in enumerate(parts[1:]):
            text += ("O" if bits >> k & 1 else "0") + part
        out.append(text)
    return out


@functools.lru_cache(maxsize=128)
def _size(country: str) -> int:
    """The length of `country`'s IBANs (python-stdnum's registry), 0 for none."""
    try:
        info = _iban._ibandb.info(country)
        bban = info[0][1].get("bban", "")
    except (AttributeError, IndexError, TypeError):  # pragma: no cover - another stdnum
        return 0
    sizes = [int(n) for n in re.findall(r"(\d+)!", bban)]
    return 4 + sum(sizes) if sizes else 0


def _streams(text: str) -> list[list[tuple[str, int, int]]]:
    """Runs of (character, start, end of its token) the way an IBAN could be said."""
    streams: list[list[tuple[str, int, int]]] = []
    stream: list[tuple[str, int, int]] = []
    tokens = list(_TOKEN.finditer(text))
    lowered = [m.group().lower() for m in tokens]
    repeat = 1  # "double" / "triple" before a digit or a letter
    skip = 0
    for index, m in enumerate(tokens):
        word, low = m.group(), m.group().lower()
        chars = ""
        if low in _REPEAT:
            repeat = _REPEAT[low]
            continue
        if skip:
            skip -= 1
            continue
        if (low in _RESTARTS and len(stream) >= 4) or (
            low == "i" and lowered[index + 1 : index + 2] == ["mean"]
        ):
            if stream and stream[-1][0] != _RESTART:
                stream.append((_RESTART, m.start(), m.end()))
            skip = 0
            while index + 1 + skip < len(tokens) and lowered[index + 1 + skip] in _RESTART_TAIL:
                skip += 1
            continue
        named = named_letter(lowered, index)
        if named:
            skip = named  # "b as in boy", "g for george": the letter, then what names it
        if word.isdigit():
            chars = word
        elif low == "oh":
            chars = _OH
        elif low in _UNITS:
            chars = _UNITS[low]
        elif low in _TEENS:
            chars = _TEENS[low]
        elif low in _TENS:
            nxt = tokens[index + 1].group().lower() if index + 1 < len(tokens) else ""
            if nxt and text[m.end() : tokens[index + 1].start()].strip(" -"):
                nxt = ""  # "seventy ... four": a pause, not seventy-four
            chars = _TENS[low] + ("" if nxt in _UNITS and nxt not in ("oh", "zero") else "0")
        elif low in _SKIP:
            continue
        elif named:
            chars = word.upper()
        elif low in NATO:
            chars = NATO[low].upper()
        elif low == "you" and repeat == 2:
            chars, repeat = "W", 1  # "double you"
        elif low in LETTER_NAMES:
            chars = LETTER_NAMES[low].upper()  # "gee bee"
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
