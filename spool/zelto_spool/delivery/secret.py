"""Scrubbing the API key out of text, in whatever form the text carries it.

An answer can echo the key JSON-escaped (`\\u0061`, `\\/`, `\\"`, `\\\\`, possibly escaped twice),
percent-encoded or as HTML character references, upper- or lower-cased, or with NULs between its
characters (UTF-16), and a cut can leave a prefix of it at the end.
`Scrubber` matches every character of the key in any of those forms, so the text can be
scrubbed both before and after it is decoded, and again after every later transformation.
"""

from __future__ import annotations

import functools
import re

__all__ = ["MASK", "Scrubber"]

MASK = "***"
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
