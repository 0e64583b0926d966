"""The text the PII rules read: typed Unicode folded to what speech-to-text writes.

Typed text (a chat turn, a tool's output, a pasted number) may hold full-width digits
(`４１１１`), digits of other scripts, no-break, thin or ideographic spaces, zero-width spaces
and joiners or soft hyphens inside a number or an email, and typographic dashes. Every rule is
written for ASCII digits, spaces and `-`, so the text is folded once, before any rule reads it:
NFKC compatibility folding (full-width forms, the spaces), invisible characters (format
characters, category Cf, the other default-ignorable ones such as the Hangul fillers, and
combining marks) dropped, any decimal digit (category Nd) to its ASCII digit, and nothing else
to a digit (`½`, `①`, `²` stay themselves), any dash to `-`, a middle dot or bullet to `.`. An
offset map leads each folded character back to the original one it came from, so a
replacement cuts the original text (zero-width characters inside a finding go with it).
"""

from __future__ import annotations

import functools
import unicodedata

__all__ = ["back", "fold", "folded"]

_DASHES = {"\u2212", "\ufe63", "\uff0d"}  # minus signs: category Sm, or folded to one
# dots typed between a number's groups: middle dot, bullet, bullet operator, katakana and
# hyphenation points ("+52 247·916·7622"): a full stop, as a number is written
_DOTS = {"\u00b7", "\u2022", "\u2219", "\u30fb", "\uff65", "\u2027", "\u0387"}


# invisible, yet not format characters (Unicode's Default_Ignorable_Code_Point, less category
# Cf): the Hangul fillers (letters, Lo), the combining grapheme joiner, Mongolian free
# variation selectors and variation selectors (Mn)
_IGNORABLE = frozenset(
    "\u115f\u1160\u3164\uffa0\u034f\u17b4\u17b5"
    + "".join(map(chr, range(0x180B, 0x1810)))
    + "".join(map(chr, range(0xFE00, 0xFE10)))
    + "".join(map(chr, range(0xE0100, 0xE01F0)))
)


@functools.lru_cache(maxsize=1024)
def _char(c: str) -> str:
    category = unicodedata.category(c)
    if category in ("Cf", "Mn") or c in _IGNORABLE:
        # zero-width space / joiners, word joiner, soft hyphen, direction marks, the fillers
        # above; combining marks (`e` + U+0301 is read as the `e` of an address)
        return ""
    if category == "Nd":
        return str(unicodedata.decimal(c))
    out = unicodedata.normalize("NFKC", c)
    if c in _DASHES or (len(out) == 1 and unicodedata.category(out) == "Pd"):
        return "-"
    if c in _DOTS:
        return "."
    if out.isspace():
        return " "
    if any(d.isdigit() for d in out):
        # no digit but one: `½` (NFKC `1⁄2`), `①`, `²` would lengthen the number beside them
        return c
    return out


def fold(text: str) -> tuple[str, list[int] | None]:
    """The folded text and, per folded character (and one past the end), the index in `text`
    it came from; None when `text` is ASCII (nothing to fold: the map is the identity)."""
    if text.isascii():
        return text, None
    out: list[str] = []
    index: list[int] = []
    for i, c in enumerate(text):
        if c.isascii():
            out.append(c)
            index.append(i)
            continue
        piece = _char(c)
        out.append(piece)
        index.extend([i] * len(piece))
    index.append(len(text))
    return "".join(out), index


@functools.lru_cache(maxsize=4096)
def folded(text: str) -> str:
    """`text` folded, without the map (for context turns)."""
    return fold(text)[0]


def back(index: list[int] | None, start: int, end: int) -> tuple[int, int]:
    """A span of the folded text as a span of the original: from the first character it came
    from to the end of the last one."""
    if index is None:
        return start, end
    return index[start], (index[end - 1] + 1) if end > start else index[start]
