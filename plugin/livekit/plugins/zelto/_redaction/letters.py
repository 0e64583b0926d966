"""Letters as callers spell them: NATO words ("golf"), a letter named by a word that begins
with it ("b as in boy", "m for mike", "t like tom"), a letter said by its name ("eye", "oh").
Shared by the readers of spelled emails (`emails.py`) and IBANs (`spelled.py`)."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["LETTER_NAMES", "NATO", "letter", "named_letter"]

NATO = {
    w: w[0]
    for w in "alpha alfa bravo charlie delta echo foxtrot golf hotel india juliet juliett kilo "
    "lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey whisky "
    "x-ray xray yankee zulu".split()
}
# letters said by their names ("dot eye oh": .io)
_NAMES = "eye oh you see are bee dee gee jay kay pee tee vee why zed zee ess ex em en ell ef"
LETTER_NAMES = dict(zip(_NAMES.split(), "iourcbdgjkptvyzzsxmnlf", strict=True))
# what joins a letter to the word naming it, longest first
_NAMING = (("as", "in"), ("like", "in"), ("as",), ("for",), ("like",))


def letter(word: str) -> bool:
    """`word` is one letter ("b", "B")."""
    return len(word) == 1 and word.isalpha()


def named_letter(words: Sequence[str], i: int) -> int:
    """How many words after the letter `words[i]` name it ("as in bravo": 3), 0 for none.
    The naming word must begin with the letter, so "b for two" or "a like that" is no
    spelling. `words` are lower case."""
    if not letter(words[i]):
        return 0
    for said in _NAMING:
        n = len(said)
        if i + n + 1 >= len(words) or tuple(words[i + 1 : i + 1 + n]) != said:
            continue
        word = words[i + n + 1]
        if len(word) > 1 and word.replace("-", "").isalpha() and word[0] == words[i]:
            return n + 1
    return 0
