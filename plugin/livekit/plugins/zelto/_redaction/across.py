"""A number said in pieces: across the same speaker's turns, or with its area code apart.

A number read over two or three turns is joined piece by piece (`join_pieces`, with
`third_piece` for the turn two away); while the call goes on, the digits ending a turn are
held (`held`), and a card's first digits after card talk are one (`card_in_progress`). The
other speaker's echo of the group just said ("4077. Next?", `says_back`) goes on with that
speaker's number, never with one of its own.
"""

from __future__ import annotations

import functools
import re

from .cards import is_card, prefix_ok
from .numbers import MAYBE_NUMBER, Run, runs
from .regions import Regions, is_phone
from .spans import Span, group_windows, lead, run_digits

__all__ = [
    "area_code",
    "card_in_progress",
    "head_run",
    "held",
    "join_pieces",
    "says_back",
    "tail_run",
    "third_piece",
]


def tail_run(text: str) -> Run | None:
    found = runs(text)
    return found[-1] if found and found[-1].tail and not found[-1].skip else None


def head_run(text: str) -> Run | None:
    found = runs(text)
    return found[0] if found and found[0].head and not found[0].skip else None


def area_code(text: str, code: Run, rest: Run, regions: Regions) -> Span | None:
    """An area or dialling code said on its own, named, then the rest of the number after
    words that only join them ("Dialling code 024, then 630 73", "08 dialling code,
    79.54.97", "area code first, 587, and the number is 885-9679"): one phone number."""
    between = re.findall(r"[a-z]+", text[code.groups[-1].end : rest.groups[0].start].lower())
    named = set(code.words_before[-3:]) | set(between)
    if not (named & _CODE_NAMES and "code" in named) or set(between) - _CODE_JOINS:
        return None
    first, second = run_digits(code, 0, len(code.groups)), run_digits(rest, 0, len(rest.groups))
    if code.skip or rest.skip:
        return None
    if 1 <= len(first) <= 5 and len(second) >= 4 and is_phone(first + second, code.plus, regions):
        return Span(lead(code, 0), rest.groups[-1].end, "phone")
    # or said after the rest: "my home number is 555 2671, area code 415"
    if set(between) & _CODE_NAMES - {"code"} and 1 <= len(second) <= 5 <= len(first):
        if is_phone(second + first, False, regions):
            return Span(lead(code, 0), rest.groups[-1].end, "phone")
    return None


_CODE_NAMES = frozenset("area dialling dialing city std code".split())


_CODE_JOINS = _CODE_NAMES | frozenset(
    "first then and the number is rest after that it s its followed by uh um er so okay ok "
    "prefix local".split()
)


def third_piece(chain: str | None, *, ahead: bool) -> Run | None:
    """The piece two turns on (`ahead`) or back in the speaker's chain of number fragments
    (one a line), when the turn between is a number and nothing else."""
    lines = (chain or "").split("\n")
    if len(lines) < (2 if ahead else 3):
        return None
    middle = runs(lines[0] if ahead else lines[-1])
    if len(middle) != 1 or not (middle[0].head and middle[0].tail) or middle[0].skip:
        return None
    return head_run(lines[1]) if ahead else tail_run(lines[-2])


def join_pieces(
    pieces: list[Run], mine: int, kinds: frozenset[str], regions: Regions
) -> list[Span]:
    """A number said across two or three turns of one speaker: each piece ends one turn and
    the next begins the following one (a middle piece is all of its turn). The part in this
    turn, `pieces[mine]`, of the first number that crosses every piece's boundary."""
    if any(piece.skip for piece in pieces):
        return []
    first = pieces[0]
    joined = Run(groups=[g for piece in pieces for g in piece.groups], plus=first.plus)
    cuts = [sum(len(p.groups) for p in pieces[: k + 1]) for k in range(len(pieces) - 1)]
    low_mine = sum(len(p.groups) for p in pieces[:mine])
    high_mine = low_mine + len(pieces[mine].groups)
    groups = pieces[mine].groups
    for kind in ("card", "phone"):
        if kind not in kinds or (kind == "card" and first.plus):  # no card follows a "+"
            continue
        # 8 digits after "+" or talk of phones (a Swedish "08 12" "38 18"), else 10
        short = 8 if first.plus or regions.anywhere else 10
        low, high = (12, 19) if kind == "card" else (short, 15)
        for i, j in group_windows(joined, low, high):
            if not i < cuts[0] or not cuts[-1] < j:
                continue
            digits = run_digits(joined, i, j)
            plus = joined.plus and i == 0
            if kind == "phone" and (i, j) != (0, len(joined.groups)) and regions.anywhere:
                continue  # a phone read across turns is all of its pieces
            if is_card(digits) if kind == "card" else is_phone(digits, plus, regions):
                a, b = max(i, low_mine) - low_mine, min(j, high_mine) - low_mine
                start = lead(first, i) if mine == 0 else groups[a].start
                return [Span(start, groups[b - 1].end, kind)]
    return []


def card_in_progress(run: Run, found: list[Span]) -> list[Span]:
    """A turn that ends, after talk of a card, with 6-12 digits of one: the rest follows."""
    start = run.groups[0].start
    if any(s.start <= start < s.end or start <= s.start for s in found):
        return []
    digits = run_digits(run, 0, len(run.groups))
    if not 6 <= len(digits) <= 12 or not prefix_ok(digits):
        return []
    return [Span(start, run.groups[-1].end, "card")]


def held(run: Run, found: list[Span]) -> list[Span]:
    """While the call goes on, the digits ending a turn may be the first half of a number:
    everything after the last finding in the run is held back as `number`."""
    rest = [g for g in run.groups if not any(s.start <= g.start < s.end for s in found)]
    rest = [g for g in rest if all(g.start >= s.end for s in found)]
    if not rest:
        return []
    return [Span(rest[0].start, rest[-1].end, "number")]


@functools.lru_cache(maxsize=8192)  # asked of a turn both when turns are linked and read
def says_back(text: str, before: str | None, *, least: int = 3) -> bool:
    """`text` only says back the `least`-6 digits that ended `before`, the other speaker's turn,
    with a few words of going on at most ("4077. Next?", "3438, okay"): an echo, which goes
    on with their number. Not a number named ("the card ending in 8113": its last four, as
    receipts print them), nor one after a tool's output."""
    if before is None or before.lstrip()[:1] in ("{", "["):
        return False
    mine = runs(text)
    if len(mine) != 1 or not MAYBE_NUMBER.search(before):
        return False
    digits = run_digits(mine[0], 0, len(mine[0].groups))
    if not least <= len(digits) <= 6:
        return False
    start, end = lead(mine[0], 0), mine[0].groups[-1].end
    words = re.findall(r"[a-z]+", (text[:start] + " " + text[end:]).lower())
    if len(words) > 3 or _ENDING.intersection(words):
        return False
    theirs = tail_run(before)
    return theirs is not None and run_digits(theirs, 0, len(theirs.groups)) == digits


_ENDING = frozenset("ending ends end last final".split())
