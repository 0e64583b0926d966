"""Scrubbing the API key out of text, in whatever form the text carries it.

An answer can echo the key JSON-escaped (`\\u0061`, `\\/`, `\\"`, `\\\\`, possibly escaped twice),
percent-encoded or as HTML character references, upper- or lower-cased, or with NULs between its
characters (UTF-16), and a cut can leave a prefix of it at the end.
`Scrubber` matches every character of the key in any of those forms, so the text can be
scrubbed both before and after it is decoded, and again after every later transformation.

Every other encoding (`&#75` without `;`, `%254B`, `\\x4b`, `\\113`, fullwidth letters,
spaced-out letters) is caught by a guard rather than one pattern each: `Scrubber.encoded_in`
canonicalises the scrubbed text (`canonical`) and looks for the key, or any 16 consecutive
characters of it, in what is left; the caller then withholds the whole text.
"""

from __future__ import annotations

import base64
import codecs
import functools
import html
import html.entities
import re
import unicodedata
from urllib.parse import unquote

__all__ = ["MASK", "WITHHELD", "Scrubber", "canonical"]

MASK = "***"
WITHHELD = "[answer withheld: it contained the API key in an encoded form]"
WINDOW = 16  # this many consecutive characters of the key (all of a shorter one) give it away
SHORTEST = 8  # a key (or form) with fewer letters and digits than this is not looked for
_PASSES = 6  # decoding rounds: an encoding inside an encoding inside ... (`%25254B`)
# an HTML character reference, numeric (`;` optional, as browsers read it) or named
_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?|&([A-Za-z][A-Za-z0-9]{0,31};?)")
# a backslash escape as Python, C or JSON decode it: \x4b, \u004b, \U0000004b (or \U004b), \113
_ESCAPE = re.compile(
    r"\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}|[0-9a-fA-F]{4})|([0-7]{1,3}))"
)
_NULS = r"(?:\x00|\\x00|\\u0000){0,3}"  # raw, or as printed: \x00, \u0000
# A match may not start inside a run of backslashes: the key's first character, in a form
# that starts with `\\+`, may not follow a backslash. Without this, every position inside a
# run of n backslashes started a match that ran to the run's end and back: n**2 steps (16 KB
# of backslashes took 4 s, 1 MB would take hours). With it, a run is walked from its first
# backslash only, and from the end of at most one key prefix per key character, so a scrub
# is linear in the text (1 MB of backslashes: 0.4 s). A key that starts with a backslash
# loses this (no real key does; tests/test_scrub_linear.py).
_RUN = r"\\+"
_RUN_START = r"(?<!\\)\\+"


def _hex(value: int, digits: int) -> str:
    # one pattern per hex digit, either case: 'A' -> [aA]
    return "".join(f"[{d.lower()}{d.upper()}]" if d.isalpha() else d for d in f"{value:0{digits}x}")


def _char(c: str, *, first: bool = False) -> str:
    """Every form in which one character of the key may appear; `first`: the key's first."""
    code = ord(c)
    run = _RUN_START if first else _RUN
    forms = [
        re.escape(c),
        run + "u" + _hex(code, 4),  # JSON \uXXXX, also escaped again (\\u0061)
        run + re.escape(c),  # a backslash-escaped character: \/ \" \\ \'
        "%" + _hex(code, 2),  # percent-encoding
        "&#0*" + str(code) + ";",  # HTML character references
        "&#[xX]0*" + _hex(code, 2) + ";",
    ]
    if c == "\\":
        forms.append(run)  # a backslash, escaped any number of times
    return "(?:" + "|".join(forms) + ")"


def _partial(c: str) -> str:
    """The start of an escaped form of `c`, as a cut can leave it."""
    code = ord(c)
    d = [_hex(int(x, 16), 1) for x in f"{code:04x}"]
    unicode_escape = _RUN + rf"(?:u(?:{d[0]}(?:{d[1]}(?:{d[2]})?)?)?)?"
    percent = f"%(?:{_hex(code >> 4, 1)})?"
    return f"(?:{unicode_escape}|{percent}|&#?[xX]?[0-9a-fA-F]*)"


class Scrubber:
    """Replaces the key with `***` in text.

    `scrub(text)` replaces every complete occurrence in any form; `cut=True` says the text was
    cut short, so a prefix of the key at its very end (even one character) is replaced too.
    The patterns are compiled on first use and shared per key within the process (about 10 ms
    for a 48-character key): a job whose call is delivered at once never pays for them.
    """

    def __init__(self, secret: str) -> None:
        if not secret:
            raise ValueError("nothing to scrub")
        self._secret = secret

    @property
    def _patterns(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        return _compiled(self._secret)

    def __call__(self, text: str, *, cut: bool = False) -> str:
        if not text:
            return text
        whole, prefix = self._patterns
        text = whole.sub(MASK, text)
        if cut:
            text = prefix.sub(MASK, text, count=1)
        return text

    def encoded_in(self, text: str) -> bool:
        """Whether the key, or `WINDOW` consecutive characters of it, is still in `text` once
        it is canonicalised (`canonical`): run after scrubbing, it finds the forms no pattern
        knows. Linear in the text (a bounded number of linear passes, then `str.find`)."""
        if not text:
            return False
        parts = _windows(self._secret)
        # decoded, and as it stands (decoding `\\4B` as octal 4 would hide CSS's hex)
        return any(part in flat for flat in (canonical(text), _flat(text)) for part in parts)

    def cut(self, text: str, limit: int) -> str:
        """Scrub, cut to `limit` characters (with `...`), and scrub what a cut left."""
        text = self(text)
        if len(text) <= limit:
            return text
        return self(text[: limit - 3], cut=True) + "..."


@functools.lru_cache(maxsize=8)
def _compiled(secret: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(every complete occurrence, a prefix at the very end) of `secret`, in any form."""
    chars = [_char(c, first=i == 0) for i, c in enumerate(secret)]
    # case-insensitive (an answer may echo the key upper-cased), and NULs between the
    # characters (a UTF-16 body read as bytes: "s\x00k\x00-\x00...")
    whole = re.compile(_NULS.join(chars), re.IGNORECASE)
    # a prefix of the key, possibly followed by the start of the next character's escape,
    # at the end of the text: A1 (A2 (A3 ...)? | partial2)? ... \Z
    tail = ""
    for i in range(len(secret) - 1, -1, -1):
        after = "" if i + 1 >= len(secret) else f"(?:{tail}|{_partial(secret[i + 1])})?"
        tail = chars[i] + after
    prefix = re.compile(f"(?:{tail})\\Z", re.IGNORECASE)
    return whole, prefix


def canonical(text: str) -> str:
    """`text` decoded until nothing changes (at most `_PASSES` rounds of NFKC, HTML character
    references with or without `;`, percent-encoding, backslash escapes), case-folded, with
    everything but letters and digits dropped (so spaced-out or NUL-separated letters join)."""
    for _ in range(_PASSES):
        before = text
        text = unicodedata.normalize("NFKC", text)
        text = _REF.sub(_unref, text)
        text = unquote(text, errors="replace")
        text = _ESCAPE.sub(_unescape, text)
        if text == before:
            break
    return _flat(text)


def _flat(text: str) -> str:
    return "".join(filter(str.isalnum, text.casefold()))


def _unref(match: re.Match[str]) -> str:
    """An HTML character reference, as `html.unescape` reads it (`;` optional), except that
    thousands of digits are no character here, not a ValueError from `int`."""
    hex_digits, digits, name = match.groups()
    if name is not None:
        return html.entities.html5.get(name) or html.entities.html5.get(name + ";", match[0])
    value = (hex_digits or digits).lstrip("0") or "0"
    if len(value) > 7:
        return ""
    code = int(value, 16 if hex_digits else 10)
    return chr(code) if 0 < code <= 0x10FFFF else ""


def _unescape(match: re.Match[str]) -> str:
    hex_digits = match.group(1) or match.group(2) or match.group(3)
    code = int(hex_digits, 16) if hex_digits else int(match.group(4), 8)
    return chr(code) if code <= 0x10FFFF else ""


@functools.lru_cache(maxsize=8)
def _windows(secret: str) -> frozenset[str]:
    """What gives the key away in canonical text: runs of `WINDOW` characters of the key
    itself, of its rot13, of its base64 (at each of the three byte alignments), and of its
    hex bytes (twice as long; also what quoted-printable `=4B` and CSS `\\4B ` leave)."""
    data = secret.encode()
    forms = [secret, codecs.encode(secret, "rot13")]
    forms += [base64.b64encode(data[i:]).decode()[: -4 or None] for i in range(3)]
    found = {part for form in forms for part in _runs(canonical(form), WINDOW)}
    return frozenset(found | _runs(data.hex(), 2 * WINDOW))


def _runs(flat: str, width: int) -> set[str]:
    if len(flat) < SHORTEST:  # would be found in ordinary words: the patterns alone mask it
        return set()
    if len(flat) <= width:
        return {flat}
    return {flat[i : i + width] for i in range(len(flat) - width + 1)}
