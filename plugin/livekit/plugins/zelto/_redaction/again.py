"""A number said again: read back, repeated in part, or said wrong and said once more.

- A whole card or phone number said twice in a turn, one reading wrong (`said_wrong`).
- A group said wrong and said again after a word of restarting (`corrected`).
- Digits of a card or phone number said in the turn before, said again (`repeated`), and
  what a number read back from the turn before was named there (`read_back`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .cards import is_card, near
from .naming import named as _named
from .naming import said as _said
from .numbers import MAYBE_NUMBER, RESTART_WORDS, Run, runs
from .regions import FALLBACK_REGIONS, Regions, is_phone
from .spans import Span, lead, run_digits
from .stream import ssn_ok

__all__ = ["corrected", "read_back", "repeated", "said_wrong", "whole_card"]

_SAID = re.compile(r"\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b", re.I)


def said_wrong(found_runs: Sequence[Run], spans: list[Span]) -> list[Span]:
    """A card or a phone number read twice in the turn, one reading wrong ("... five five
    four five. no hang on, let me read it again properly: ... five four five five"): the
    wrong one is one too, whatever is said between them."""
    said = [
        (run_digits(run, 0, len(run.groups)), s.kind)
        for s in spans
        if s.kind in ("card", "phone")
        for run in found_runs
        if s.start <= run.groups[0].start and run.groups[-1].end <= s.end
    ]
    out = []
    for run in found_runs if said else []:
        start, end = lead(run, 0), run.groups[-1].end
        if run.skip or any(s.start < end and start < s.end for s in spans):
            continue
        digits = run_digits(run, 0, len(run.groups))
        for number, kind in said:
            if near(digits, number, 12 if kind == "card" else 8):
                out.append(Span(start, end, kind))
                break
    return out


def read_back(run: Run, previous: str, earlier: str | None) -> str | None:
    """A number said again from the turn before ("So that's 633 215 9145, correct?") is what
    it was named there: by the words before it, or by the question this speaker asked."""
    digits = run_digits(run, 0, len(run.groups))
    if len(digits) < 6 or not (digits in re.sub(r"\D", "", previous) or _SAID.search(previous)):
        return None
    for other in runs(previous):
        theirs = run_digits(other, 0, len(other.groups))
        # "+16024436010" read back as "(602) 443-6010": the same number without its code
        if theirs == digits or (other.plus and not run.plus and theirs[-len(digits) :] == digits):
            return _named([w for w in other.words_before if w.isalnum()][-8:]) or earlier
    return None


def whole_card(found: list[Span], run: Run) -> bool:
    return any(
        f.kind == "card" and f.end - f.start >= run.groups[-1].end - lead(run, 0) for f in found
    )


def repeated(
    run: Run,
    kinds: set[str],
    regions: tuple[str, ...],
    previous: str,
    previous_same: str,
    ssn: bool,
) -> list[Span]:
    """Digits of a whole card or phone number said in the turn before or the speaker's
    previous turn, said again: part of it. A card's six or more ("Can you repeat the last
    eight?"; its last four alone, "the card ending in 5478", is what receipts print: kept), a
    phone number's last four or more ("Let me read that back: ..." ... "yes, ends in 0049");
    in SSN talk, nine digits are the SSN's (whose last four say nothing). A whole card said
    back with a slip or two ("That's 4526 0181 5980 3012?") is that card too."""
    digits = run_digits(run, 0, len(run.groups))
    if len(digits) < 4:
        return []
    span = [(lead(run, 0), run.groups[-1].end)]
    if any(_named(_said(t)[-12:], asked=True) == "id" for t in (previous, previous_same)):
        return []  # "What's your order number?" ... "Got it, ending 9083?": an id's digits
    for text in (previous, previous_same):
        if not MAYBE_NUMBER.search(text):
            continue
        for other in runs(text):  # digits as said: "oh three two two ..."
            said = run_digits(other, 0, len(other.groups))
            if "card" in kinds and is_card(said):  # six or more of it, or all with a slip
                if (len(digits) >= 6 and digits in said) or near(digits, said):
                    return [Span(s, e, "card") for s, e in span]
            if (ssn and len(said) == 9) or is_card(said):
                continue  # an SSN's or a card's last four ("the one ending 6789") are no phone's
            if "phone" in kinds and said.endswith(digits) and len(said) > len(digits):
                if is_phone(said, other.plus, Regions(regions, FALLBACK_REGIONS)):
                    return [Span(s, e, "phone") for s, e in span]
    return []


def corrected(
    text: str,
    said: Run,
    again: Run,
    spans: list[Span],
    kinds: set[str],
    regions: Regions,
    ssn: bool,
) -> Span | None:
    """A number whose last group was said wrong and said again after a word of restarting
    ("..., 3868-3086, wait, no, 3084", "331, 66, no, 67, 7097", "... 710... no, 7108"): one
    span over both runs, when the first was found already (and the second is no longer than
    a group), or when its digits less the wrong group's, then the second's, are a number."""
    between = re.findall(r"[a-z]+", text[said.groups[-1].end : again.groups[0].start].lower())
    fixing = RESTART_WORDS.intersection(between) and not set(between) - _FIXING
    if len(between) > 6 or not fixing or said.skip or again.skip:
        return None
    first, second = run_digits(said, 0, len(said.groups)), run_digits(again, 0, len(again.groups))
    if len(second) > 7:
        return None  # a whole number said instead
    start, end = lead(said, 0), again.groups[-1].end
    over = [s for s in spans if s.start <= said.groups[-1].start < s.end and s.kind in _DIGITS]
    if over and len(second) <= len(said.groups[-1].digits) + 1:
        return Span(over[-1].start, end, over[-1].kind)
    group = len(said.groups[-1].digits)  # the wrong group first, then fewer or more digits
    drops = [group] + [k for k in range(1, min(len(first), 6)) if k != group]
    readings = [first[:-k] + second for k in drops if k < len(first)]
    if "ssn" in kinds and ssn and any(ssn_ok(digits) for digits in readings):
        return Span(start, end, "ssn")
    for digits in readings:
        if "phone" in kinds and len(digits) >= 8 and is_phone(digits, said.plus, regions):
            return Span(start, end, "phone")
    return None


_DIGITS = ("card", "phone", "ssn")


# what may stand between a group said wrong and the same said again
_FIXING = RESTART_WORDS | frozenset(
    "i it s that is make should be let me see hang on um uh er erm so like okay ok oh ah hmm "
    "yeah sorry".split()
)
