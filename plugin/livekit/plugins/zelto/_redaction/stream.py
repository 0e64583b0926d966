"""Cards read with anything between their digits: a turn as a stream of digits with gaps.

A card is read in pieces: groups of any size, as digits or words, with asides between them
("4556, hang on my glasses are upstairs, 7321 ..."), a group said wrong and said again
("... 6975, no wait, 6978 ..."), over two or three turns of one speaker. Rather than a
grammar of what may stand between the groups, the runs of digits (`numbers.runs`) of the
turn and of the same speaker's number fragments before and after it are read as one stream,
the words between two runs as a gap, and any stretch of whole runs is a card when its digits
are one (`cards.is_card`: a network's prefix and length, a valid Luhn digit) and

- the call talks of paying (card, visa, pay, charge, billing, ...: the turn, the one before
  it, the same speaker's earlier fragments), or
- it is read as four groups of four: the strongest shape a card has.

A gap is crossed unless it names what follows (`zip`, `expires`, `code`, `order`, an
identifier's name: `naming.ID_WORDS`) or is longer than a short aside. A gap holding a word
of restarting ("sorry", "no", "wait") may drop the groups said just before it (a correction).
Windows of one run alone are `find._numbers`'s.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .cards import is_card
from .naming import ID_WORDS, NOT_PAYING
from .numbers import RESTART_WORDS, Group, Run, piece_named, runs

__all__ = [
    "NOT_PAYMENT",
    "PAY_TALK",
    "chunk_sizes",
    "pay_talk",
    "restarts",
    "said_twice",
    "ssn_ok",
    "stream_cards",
    "stream_ssns",
]

PAY_TALK = re.compile(
    r"\b(card|visa|master ?card|amex|american express|discover|maestro|credit|debit|cc|pay|"
    r"paying|payment|charge|billing|checkout|long number|(?:sixteen|16)[ -]digits?|expir\w*|"
    r"cvv|cvc|security code)\b",
    re.I,
)
# cards that pay for nothing: their numbers are ids ("my library card", "the SIM card")
NOT_PAYMENT = re.compile(
    r"\b(?:" + "|".join(sorted(NOT_PAYING | {"business"})) + r")[ -]cards?\b", re.I
)


def pay_talk(text: str) -> bool:
    """`text` talks of paying or of a payment card (not of a library or SIM card)."""
    return bool(PAY_TALK.search(NOT_PAYMENT.sub(" ", text)))


_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
# what a gap may not hold: it names the number after it, or says what the one before was
_NAMES = ID_WORDS | frozenset(
    "zip expires expiry expiration exp cvv cvc security ending last amount total dollars "
    "phone number email at".split()
)
_SSN_NAMES = frozenset({"number", "security"})  # "social security number 512 ..." names an SSN
_GAP_MAX = 10  # words in a gap: an aside, not another sentence
_GROUP_SIZES = (4, 3, 5)  # a card's groups as read: what a correction says again
_LONGEST = 19 + 8  # digits of a stretch: a card and a group said wrong


@dataclass
class _Segment:
    run: Run
    line: int  # -1: an earlier turn, 0: this turn, 1: a later turn
    chunks: list[tuple[int, int]]  # group index ranges read without a pause between them
    gap: list[str]  # words between the previous segment and this one
    restart: bool = False  # the gap before it holds a word of restarting
    parts: tuple[str, ...] = ()  # each chunk's digits

    @property
    def digits(self) -> str:
        return "".join(self.parts)


def stream_cards(
    text: str, before: list[str], after: list[str], pay: bool, *, counted: bool = False
) -> list[tuple[int, int]]:
    """Spans of `text` that belong to a card read over several runs; `before` / `after` are
    the same speaker's number fragments (turns) just before and after this one. A stretch
    whose words before it name something else ("invoice 4532 ...") is none, nor one with a
    group said with "thousand" unless `counted` (cards or paying are talked of and no amounts
    are: amounts are said so too)."""
    return _stretches(
        text,
        before,
        after,
        _NAMES,
        _LONGEST,
        lambda segments, a, b: _card(segments, a, b, pay, counted),
    )


def _stretches(
    text: str,
    before: list[str],
    after: list[str],
    names: frozenset[str],
    longest: int,
    accept: Callable[[list[_Segment], int, int], bool],
) -> list[tuple[int, int]]:
    """This turn's part of every stretch of whole runs, from one not named by `names` across
    crossable gaps, of at most `longest` digits, that `accept` takes."""
    segments = _segments(text, before, after)
    spans: list[tuple[int, int]] = []
    for a in range(len(segments)):
        if not segments[a].chunks or names.intersection(segments[a].gap[-3:]):
            continue
        size = len(segments[a].digits)
        for b in range(a + 1, len(segments)):
            size += len(segments[b].digits)
            if not _crossable(segments[b]) or size > longest:
                break
            if accept(segments, a, b):
                spans += _here(segments[a : b + 1])
    return spans


def _segments(text: str, before: list[str], after: list[str]) -> list[_Segment]:
    """The runs of the speaker's fragments before this turn, of it and after it, in order;
    none unless there are two or more, one of them in this turn."""
    own = runs(text)
    if not own or (len(own) < 2 and not before and not after):
        return []
    segments: list[_Segment] = []
    carry: list[str] = []
    for line, texts in ((-1, before), (0, [text]), (1, after)):
        for piece in texts:
            _add(segments, piece, line, carry)
    if not any(s.line == 0 for s in segments) or len(segments) < 2:
        return []
    return segments


def ssn_ok(digits: str) -> bool:
    """The SSA's rules: 9 digits, area not 000, 666 or 9xx, group not 00, serial not 0000."""
    if len(digits) != 9 or digits[:3] in ("000", "666") or digits[0] == "9":
        return False
    return digits[3:5] != "00" and digits[5:] != "0000"


def stream_ssns(text: str, before: list[str], after: list[str]) -> list[tuple[int, int]]:
    """Spans of `text` that belong to an SSN read over several runs ("five one two, um, three
    four ... seven seven eight one", or over two turns): whole runs with 9 digits between
    them that keep the SSA's rules, crossing short asides as cards do. The caller only asks
    in SSN talk; a stretch whose words before it name an identifier is not one."""
    return _stretches(
        text,
        before,
        after,
        _NAMES - _SSN_NAMES,
        9,
        lambda segments, a, b: ssn_ok("".join(s.digits for s in segments[a : b + 1])),
    )


def _add(segments: list[_Segment], piece: str, line: int, carry: list[str]) -> None:
    """The runs of `piece` as segments; `carry` holds the words ending the turn before it
    (a turn boundary is a gap of those words and the ones starting this turn)."""
    previous_end = piece_named(piece)  # "and the last part is ...": no name, but a piece
    for run in runs(piece):
        gap = carry + _WORD.findall(piece[previous_end : run.groups[0].start].lower())
        carry.clear()
        previous_end = run.groups[-1].end
        if run.skip:  # money or a time: never part of a card, nor crossed
            segments.append(_Segment(run, line, [], gap))
            continue
        chunks = _chunks(piece, run)
        parts = tuple("".join(g.digits for g in run.groups[i:j]) for i, j in chunks)
        restart = bool(RESTART_WORDS.intersection(gap))
        segments.append(_Segment(run, line, chunks, gap, restart, parts))
    carry.extend(_WORD.findall(piece[previous_end:].lower()))


def _chunks(text: str, run: Run) -> list[tuple[int, int]]:
    """The run's groups as read: a written group on its own, words said without a pause
    together ("four one one one, ..." is one chunk of four)."""
    out: list[tuple[int, int]] = []
    for k, group in enumerate(run.groups):
        spoken = not text[group.start : group.start + 1].isdigit()
        pause = k == 0 or not spoken or group.sep_before.strip(" ") != ""
        if pause or not out:
            out.append((k, k + 1))
        else:
            out[-1] = (out[-1][0], k + 1)
    return out


def chunk_sizes(text: str, run: Run) -> list[int]:
    """How many digits each group of the run has as read ("four twenty eight, eighty eight,
    sixty eight ninety one": 3, 2, 4)."""
    return [sum(len(g.digits) for g in run.groups[i:j]) for i, j in _chunks(text, run)]


def _crossable(segment: _Segment) -> bool:
    gap = segment.gap
    return bool(segment.chunks) and len(gap) <= _GAP_MAX and not _NAMES.intersection(gap)


def _card(segments: list[_Segment], a: int, b: int, pay: bool, counted: bool) -> bool:
    """The stretch a..b is a card, maybe with the last chunks of a segment left out where a
    correction follows them (a group said wrong is redacted with the card it was part of)."""
    stretch = segments[a : b + 1]
    if not counted and any(g.counted for s in stretch for g in s.run.groups):
        return False  # "balance four thousand two hundred, credit one thousand ...": money
    said = [s.digits for s in stretch]
    whole = "".join(said)
    if len(whole) <= 19 and is_card(whole) and (pay or _four_fours(stretch)):
        return True
    if not pay or len(whole) < 13:
        return False
    for k in range(a, b):
        if not segments[k + 1].restart:
            continue
        left, right = "".join(said[: k - a]), "".join(said[k - a + 1 :])
        parts = segments[k].parts
        for dropped in range(1, len(parts) + 1):
            digits = left + "".join(parts[: len(parts) - dropped]) + right
            if len(digits) < 12:
                break
            if len(digits) <= 19 and is_card(digits):
                return True
        # a group said wrong inside digits read without a pause ("... three five three four,
        # uh let me start that group again, four three five three ..."): its 3-5 digits
        kept = left + "".join(parts)
        for dropped in _GROUP_SIZES:
            digits = kept[:-dropped] + right
            if 13 <= len(digits) <= 19 and len(parts[-1]) > dropped and is_card(digits):
                return True
    return False


def _four_fours(stretch: list[_Segment]) -> bool:
    sizes = [sum(len(g.digits) for g in s.run.groups[i:j]) for s in stretch for i, j in s.chunks]
    return sizes == [4, 4, 4, 4]


def _here(stretch: list[_Segment]) -> list[tuple[int, int]]:
    """The part of the stretch in this turn: from its first group to its last."""
    mine = [s for s in stretch if s.line == 0]
    if not mine:
        return []
    return [(mine[0].run.groups[0].start, mine[-1].run.groups[-1].end)]


def restarts(
    text: str, before: Sequence[Run], run: Run, cards: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """A card said again after a false start ("4111 1111, sorry, 4111 1111 1111 1111"): the
    false start's digits are redacted with it when they begin the card, or when a word of
    restarting ("sorry", "wait", "start over") sits between them."""
    out = []
    for start, end in cards:
        digits = "".join(g.digits for g in run.groups if start <= g.start < end)
        ahead = [g for g in run.groups if g.end <= start]
        said = ""
        for k in range(len(ahead) - 1, -1, -1):  # earlier groups of the same run, up to a card
            said = ahead[k].digits + said
            if len(said) > len(digits):
                break
            if len(said) >= 4 and digits.startswith(said):
                out.append((ahead[k].start, ahead[-1].end))
        for other in before[-2:]:
            said = "".join(g.digits for g in other.groups)
            between = re.findall(
                r"[a-z]+", text[other.groups[-1].end : run.groups[0].start].lower()
            )
            restarted = len(between) <= 6 and bool(RESTART_WORDS.intersection(between))
            if len(said) >= 4 and (digits.startswith(said) or restarted):
                out.append((other.groups[0].start, other.groups[-1].end))
    return out


def said_twice(run: Run, cards: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A card found in part of a run that says one of its groups twice ("5232, 5232, 5168,
    4502, 9275", "forty five twenty one forty five twenty one ..."): the first digits that
    passed the check were the repeat's, by chance; less the repeat, the whole rest of the run
    is the card."""
    for start, end in cards:
        if run.groups[-1].end <= end and run.groups[0].start >= start:
            continue  # the card is the whole run already
        for groups in ([g for g in run.groups if g.start >= start], run.groups):
            if groups and _card_less_a_repeat(groups):
                return [(groups[0].start, groups[-1].end)]
    return []


def _card_less_a_repeat(groups: Sequence[Group]) -> bool:
    """The digits of `groups`, less one stretch of whole groups said twice in a row, are a
    card."""
    cuts = [0]
    for g in groups:
        cuts.append(cuts[-1] + len(g.digits))
    digits = "".join(g.digits for g in groups)
    if not 14 <= len(digits) <= 25:
        return False
    for i, a in enumerate(cuts):
        for j in range(i + 1, len(cuts)):
            b = cuts[j]
            if b - a > 6:
                break
            c = b + (b - a)
            if c in cuts and b - a >= 2 and digits[a:b] == digits[b:c]:
                if 12 <= len(digits) - (b - a) <= 19 and is_card(digits[:b] + digits[c:]):
                    return True
    return False
