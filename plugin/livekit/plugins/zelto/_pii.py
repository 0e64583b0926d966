"""Finding card numbers, phone numbers, emails, IBANs and US SSNs in speech-to-text output.

Pure functions over one turn's text and its context (the turn before it, the same speaker's
turns before and after it); `_redact.py` applies them to payloads. Imported on first use of
`zelto.redact_pii(...)`, not with the plugin.

Numbers are read the way STT writes them (`_numbers.py`: digit groups, digits as words,
fillers and misheard digits between groups). A run of digit groups is checked window by window
(aligned to its groups): a card is 12-19 digits with a card network's prefix and a valid Luhn
check digit (python-stdnum), 16 digits tried first so a ZIP said after it stays; a phone
number is valid by libphonenumber's metadata (`phonenumbers`) for one of the regions, or for
its own country after `+`, `00` or `011` (after talk of phones: any 8-15 digits), and spans
its whole run (a phone's digits inside a longer run are some other number). A run the words
before it name as an identifier (`_naming.py`: "locker number", "order", asked for in the
turn before, or read back from it) is not a phone number, a card (unless the talk is of
cards) or an SSN.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ._cards import is_card, near, prefix_ok
from ._emails import MAYBE as _MAYBE_EMAIL
from ._emails import find_emails, split_emails
from ._naming import ID_WORDS, organisations
from ._naming import named as _named
from ._naming import said as _said
from ._naming import subject as _subject
from ._numbers import MAYBE_NUMBER, PENDING, RESTART_WORDS, Run, runs
from ._regions import (
    FALLBACK_REGIONS,
    Regions,
    business_line,
    grouped_phone,
    is_phone,
    regions_named,
    trunk_phone,
)
from ._spelled import ibans, look_alikes
from ._stream import PAY_TALK, chunk_sizes, restarts, ssn_ok, stream_cards, stream_ssns
from ._unicode import back, fold, folded

__all__ = ["Span", "find_spans", "is_card", "topic"]

_CARD_CONTEXT = re.compile(
    r"\b(card|visa|master ?card|amex|american express|discover|maestro|credit|debit|cc)\b", re.I
)
# "social", "SSN", "ss number", "s s n", also as a JSON key's part ("social_security_number",
# "ssn_full", camel case "ssnLast9", "customerSSN"): case matters only to find a word's edge
_SSN_CONTEXT = re.compile(
    r"(?:(?<![A-Za-z])(?:social|ssn|s s n|ss[ -]?(?:number|no|#))"
    r"|(?<![A-Z])(?:Social|SOCIAL|Ssn|SSN|S S N|SS[ -]?(?:[Nn]umber|NUMBER|[Nn]o|#)))(?![a-z])"
)
# a tax form asks for the SSN: a number said in its 3-2-4 groups there is one ("it's 308 40
# 0539 on the W-2"); an EIN is read 2-7
_TAX_TALK = re.compile(
    r"\b(?:w-? ?2s?|1099s?|tax (?:form|return|filing|id)s?|irs|taxpayer)\b", re.I
)
_EXTENSION = re.compile(r"[\s,.;-]*(?:ask(?:ing)? for |then |and )?(?:extension|ext\b|x ?\d)", re.I)
_SAID = re.compile(r"\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b", re.I)
_CARD_SIZES = (16, 15, 19, 18, 17, 14, 13, 12)  # a card's own length before one with a ZIP


def topic(text: str) -> str:
    """What `text` talks of that names numbers said a few turns later: "card", "ssn"."""
    return " ".join(
        name
        for name, pattern in (("card", PAY_TALK), ("ssn", _SSN_CONTEXT))
        if pattern.search(text)
    )


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str


def find_spans(
    text: str,
    *,
    kinds: frozenset[str],
    regions: tuple[str, ...],
    previous: str = "",
    previous_same: str = "",
    next_same: str | None = "",
    talk: str = "",
    extra: tuple[tuple[str, re.Pattern[str]], ...] = (),
) -> list[Span]:
    """Spans of `text` to redact, sorted and disjoint.

    `previous` is the turn just before (any speaker; "what is your card number?"),
    `previous_same` the same speaker's previous turn (the first half of a split number),
    `next_same` the same speaker's next turn ("" when there is none; None while the call
    goes on and there may be one: the digits that end the turn are held as `number`);
    `talk` what the few turns before `previous` talked of (`topic`: "card", "ssn");
    `extra` the user's own kinds, `(name, pattern)`. Every rule reads the text folded
    (`_unicode.py`: full-width digits, odd spaces, zero-width characters, dashes); the spans
    are the original text's.
    """
    plain, index = fold(text)
    spans = _find(
        plain,
        kinds,
        regions,
        folded(previous),
        folded(previous_same),
        None if next_same is None else folded(next_same),
        talk,
        extra,
    )
    if index is None:
        return spans
    return [Span(*back(index, s.start, s.end), s.kind) for s in spans]


def _find(
    text: str,
    kinds: frozenset[str],
    regions: tuple[str, ...],
    previous: str,
    previous_same: str,
    next_same: str | None,
    talk: str,
    extra: tuple[tuple[str, re.Pattern[str]], ...],
) -> list[Span]:
    spans = [
        Span(m.start(), m.end(), name) for name, pattern in extra for m in pattern.finditer(text)
    ]
    if "email" in kinds and _MAYBE_EMAIL.search(text):
        spans += [Span(s, e, "email") for s, e in find_emails(text, previous)]
    # the speaker's turns just before and after this one (for an address or an IBAN over two)
    before = previous_same.rsplit("\n", 1)[-1]
    after = None if next_same is None else next_same.removesuffix(PENDING).split("\n", 1)[0]
    if "email" in kinds and (previous_same or next_same != ""):  # an address over two turns
        found = split_emails(text, previous + "\n" + previous_same, before, after)
        spans += [Span(s, e, "email") for s, e in found]
    if "iban" in kinds:
        asked = "iban" in text.lower() or "iban" in previous.lower()
        spans += _ibans(text, spans, before, after or "", asked)
    numeric = kinds & {"card", "phone", "ssn"}
    if numeric and MAYBE_NUMBER.search(text):
        # a reference printed like an IBAN that fails its check: its digits are not a number
        shaped = [Span(s, e, "") for s, e in look_alikes(text)] if "iban" in kinds else []
        taken = spans + shaped
        spans += _numbers_in(
            text, numeric, regions, previous, previous_same, next_same, taken, talk.split()
        )
    return _disjoint(spans)


def _numbers_in(
    text: str,
    numeric: frozenset[str],
    regions: tuple[str, ...],
    previous: str,
    previous_same: str,
    next_same: str | None,
    taken_spans: list[Span],
    talk: list[str],
) -> list[Span]:
    found_runs = runs(text)
    pending = next_same is not None and next_same.endswith(PENDING)
    if pending:  # the speaker's turns after this one are still reading a number out
        next_same = next_same[: -len(PENDING)]  # type: ignore[index]
    cards_here = bool(_CARD_CONTEXT.search(text) or _CARD_CONTEXT.search(previous))
    cards_talked = cards_here or "card" in talk  # a few turns back: "Card number, please."
    ssn_here = bool(_SSN_CONTEXT.search(text) or _SSN_CONTEXT.search(previous))
    ssn_talked = ssn_here or "ssn" in talk
    ssn_near = ssn_talked or bool(_SSN_CONTEXT.search(previous_same))  # an SSN over two turns
    taxed = bool(_TAX_TALK.search(text) or _TAX_TALK.search(previous))
    asked = _named(_said(previous)[-12:], asked=True)
    quiet = not ID_WORDS.intersection(_said(previous)[-12:])  # nothing asked names an id
    earlier = _named(_said(previous_same)[-12:], asked=True)
    places = regions_named(text) + regions_named(previous) + regions_named(previous_same)
    regions = tuple(dict.fromkeys(regions + places))
    taken = [(s.start, s.end) for s in taken_spans]
    carry = _tail_run(previous_same) if MAYBE_NUMBER.search(previous_same) else None
    following = _head_run(next_same) if next_same and MAYBE_NUMBER.search(next_same) else None
    spans: list[Span] = []
    for index, run in enumerate(found_runs):
        if run.skip or any(g.start < e and s < g.end for g in run.groups for s, e in taken):
            continue
        named = own = _named([w for w in run.words_before if w.isalnum()][-8:])
        if named is None:  # asked, read back ("So that's ..."), a subject ("the serial ... is")
            named = asked or (earlier if run.head else None) or _read_back(run, previous, earlier)
            named = named or _subject([w for w in run.words_before if w.isalnum()][-16:])
        if named is None and _EXTENSION.match(text, run.groups[-1].end):
            named = "phone"  # "... double seven seven extension 2813": only phones have one
        kinds = set(numeric)
        tax_form = taxed and chunk_sizes(text, run) == [3, 2, 4]  # an EIN is read 2-7
        if named == "id" or organisations(run.words_before):  # or "the bank's fraud line"
            kinds.discard("phone")
        if named == "id":
            # only talk in this turn or the one before keeps a number the question names an
            # id a card or an SSN ("What's your member number?" after talk of SSNs is an id)
            if own == "id" or not cards_here:  # "invoice 4532 ...", even paid by card
                kinds.discard("card")
            # "not my social, my member id is ..."; but "for the tax form it's 428 88 6891"
            own_id = ID_WORDS.intersection(run.words_before[-8:]) - {"tax"}
            if (own == "id" and (own_id or not tax_form)) or not (ssn_here or tax_form):
                kinds.discard("ssn")
        phoned = named == "phone"
        hinted = Regions(regions, FALLBACK_REGIONS if phoned else (), anywhere=phoned)
        found = _numbers(run, frozenset(kinds), hinted, ssn_talked or tax_form)
        if not found and "phone" in kinds and named is None:
            found = _grouped(text, run, trunk=quiet)
        cards = [(f.start, f.end) for f in found if f.kind == "card"]
        found += [Span(s, e, "card") for s, e in restarts(text, found_runs[:index], run, cards)]
        # digits carried on into the speaker's next turn are being dictated: a number
        # joined across two turns may be from any of the fallback regions too
        across = Regions(regions, FALLBACK_REGIONS, anywhere=phoned)
        before = [carry] if carry is not None and run.head else []
        after = [following] if following is not None and run.tail else []
        # a number read over three turns: this turn's whole run is its middle piece
        pieces = [(before + [run] + after, 1)] if before and after else []
        # or its first or last piece, the turn between all of the middle one
        third = _third(next_same, ahead=True) if after else None
        pieces += [([run] + after + [third], 0)] if third is not None else []
        third = _third(previous_same, ahead=False) if before else None
        pieces += [([third] + before + [run], 2)] if third is not None else []
        pieces += [(before + [run], 1)] if before else []
        pieces += [([run] + after, 0)] if after else []
        joins: list[Span] = []
        whole = (_lead(run, 0), run.groups[-1].end)
        if any(f.kind == "card" and (f.start, f.end) == whole for f in found):
            pieces = []  # a whole card said in this turn: what the next turn says is another
        for piece, mine in pieces:
            joins += _joined(piece, mine, frozenset(kinds), across)
        # a number carried on across turns is read as the whole, not as what its part looks like
        found = _apart(found, joins) + joins
        if run.tail and "card" in kinds and cards_talked:
            found += _card_in_progress(run, found)
        if kinds & {"card", "phone"} and named != "id":
            again = _repeated(run, kinds, regions, previous, previous_same, ssn_near)
            found = _apart(found, again) + again if again and not _whole_card(found, run) else found
        if index and "phone" in kinds:  # "area code first, 587, and the number is 885-9679"
            joined = _area_code(text, found_runs[index - 1], run, hinted)
            if joined is not None:
                spans, found = _apart(spans, [joined]), _apart(found, [joined]) + [joined]
        if index and not any(f.start <= run.groups[0].start < f.end for f in found + spans):
            fixed = _corrected(text, found_runs[index - 1], run, spans, kinds, hinted, ssn_talked)
            if fixed is not None:
                spans = _apart(spans, [fixed])
                found = _apart(found, [fixed]) + [fixed]
        if run.tail and (next_same is None or pending):
            found += _held(run, found)
        spans += found
    lines = [t for t in previous_same.split("\n") if MAYBE_NUMBER.search(t)][-3:]
    ahead = [t for t in (next_same or "").split("\n") if MAYBE_NUMBER.search(t)][:3]
    streamed: list[Span] = []
    if "ssn" in numeric and ssn_near:  # an SSN read over several runs or turns
        streamed += [Span(s, e, "ssn") for s, e in stream_ssns(text, lines, ahead)]
    if "card" in numeric:  # a card read over several runs, with anything between them
        pay = "card" in talk or any(PAY_TALK.search(t) for t in (text, previous, previous_same))
        streamed += [
            Span(s, e, "card") for s, e in stream_cards(text, lines, ahead, pay or cards_talked)
        ]
    if streamed:
        spans = _apart(spans, streamed) + streamed
    if numeric & {"card", "phone"}:
        spans += _said_wrong(found_runs, spans)
    return spans


def _said_wrong(found_runs: Sequence[Run], spans: list[Span]) -> list[Span]:
    """A card or a phone number read twice in the turn, one reading wrong ("... five five
    four five. no hang on, let me read it again properly: ... five four five five"): the
    wrong one is one too, whatever is said between them."""
    said = [
        (_digits(run, 0, len(run.groups)), s.kind)
        for s in spans
        if s.kind in ("card", "phone")
        for run in found_runs
        if s.start <= run.groups[0].start and run.groups[-1].end <= s.end
    ]
    out = []
    for run in found_runs if said else []:
        start, end = _lead(run, 0), run.groups[-1].end
        if run.skip or any(s.start < end and start < s.end for s in spans):
            continue
        digits = _digits(run, 0, len(run.groups))
        for number, kind in said:
            if near(digits, number, 12 if kind == "card" else 8):
                out.append(Span(start, end, kind))
                break
    return out


def _read_back(run: Run, previous: str, earlier: str | None) -> str | None:
    """A number said again from the turn before ("So that's 633 215 9145, correct?") is what
    it was named there: by the words before it, or by the question this speaker asked."""
    digits = _digits(run, 0, len(run.groups))
    if len(digits) < 6 or not (digits in re.sub(r"\D", "", previous) or _SAID.search(previous)):
        return None
    for other in runs(previous):
        if _digits(other, 0, len(other.groups)) == digits:
            return _named([w for w in other.words_before if w.isalnum()][-8:]) or earlier
    return None


def _whole_card(found: list[Span], run: Run) -> bool:
    return any(
        f.kind == "card" and f.end - f.start >= run.groups[-1].end - _lead(run, 0) for f in found
    )


def _repeated(
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
    in SSN talk, nine digits are the SSN's (whose last four say nothing)."""
    digits = _digits(run, 0, len(run.groups))
    if len(digits) < 4:
        return []
    span = [(_lead(run, 0), run.groups[-1].end)]
    if any(_named(_said(t)[-12:], asked=True) == "id" for t in (previous, previous_same)):
        return []  # "What's your order number?" ... "Got it, ending 9083?": an id's digits
    for text in (previous, previous_same):
        if not MAYBE_NUMBER.search(text):
            continue
        for other in runs(text):  # digits as said: "oh three two two ..."
            said = _digits(other, 0, len(other.groups))
            if "card" in kinds and len(digits) >= 6 and digits in said and is_card(said):
                return [Span(s, e, "card") for s, e in span]
            if (ssn and len(said) == 9) or is_card(said):
                continue  # an SSN's or a card's last four ("the one ending 6789") are no phone's
            if "phone" in kinds and said.endswith(digits) and len(said) > len(digits):
                if is_phone(said, other.plus, Regions(regions, FALLBACK_REGIONS)):
                    return [Span(s, e, "phone") for s, e in span]
    return []


def _windows(run: Run, low: int, high: int, sizes: tuple[int, ...] = ()) -> list[tuple[int, int]]:
    """Group-aligned windows [i, j) of the run with low..high digits: from the left, and
    for each start, the sizes in `sizes` first, then longest first."""
    out = []
    n = len(run.groups)
    for i in range(n):
        size = 0
        for j in range(i, n):
            size += len(run.groups[j].digits)
            if size > high:
                break
            if size >= low:
                rank = sizes.index(size) if size in sizes else len(sizes)
                out.append((i, rank, -size, j + 1))
    return [(i, j) for i, _, _, j in sorted(out)]


def _digits(run: Run, i: int, j: int) -> str:
    return "".join(g.digits for g in run.groups[i:j])


def _is_ssn(run: Run, i: int, j: int, context: bool) -> bool:
    if not ssn_ok(_digits(run, i, j)):
        return False
    shaped = [len(g.digits) for g in run.groups[i:j]] == [3, 2, 4] and all(
        "-" in g.sep_before for g in run.groups[i + 1 : j]
    )
    if [len(g.digits) for g in run.groups[i:j]] == [5, 4] and "-" in run.groups[i + 1].sep_before:
        return False  # a ZIP+4 ("60614-2231"), written as no SSN is
    whole = (i == 0 or run.groups[i].hard) and (j == len(run.groups) or run.groups[j].hard)
    return (shaped and whole) or context


def _whole(run: Run, used: list[bool], i: int, j: int) -> bool:
    """Window [i, j) is a number of its own: nothing but other findings or a word between
    it and the rest of its run (a misheard-digit word opening or ending the run counts as a
    word)."""
    left = i == 0 or run.groups[i].hard or (used[i - 1] and all(used[:i]))
    left = left or (i == 1 and run.groups[0].guess)  # "to 415 867 5309": "to" may be a word
    right = j == len(run.groups) or run.groups[j].hard or (used[j] and all(used[j:]))
    right = right or (j == len(run.groups) - 1 and run.groups[-1].guess)  # "... 5309 to"
    return left and right


def _numbers(run: Run, kinds: frozenset[str], regions: Regions, ssn: bool) -> list[Span]:
    """Cards, then SSNs, then phone numbers, each the first fitting window from the left."""
    used = [False] * len(run.groups)
    spans: list[Span] = []
    checks: list[tuple[str, list[tuple[int, int]], Callable[[int, int], bool]]] = []
    if "card" in kinds:
        whole = [(0, len(run.groups))] if 12 <= len(_digits(run, 0, len(run.groups))) <= 19 else []
        checks.append(
            (
                "card",
                whole + _windows(run, 12, 19, _CARD_SIZES),  # a whole run first: 19 digits
                lambda i, j: not (run.plus and i == 0) and is_card(_digits(run, i, j)),
            )
        )
    if "ssn" in kinds:
        checks.append(("ssn", _windows(run, 9, 9), lambda i, j: _is_ssn(run, i, j, ssn)))
    if "phone" in kinds and not business_line(_digits(run, 0, len(run.groups)), run.plus, regions):
        plus = run.plus
        valid = Regions(regions.named, regions.fallback)

        def phone(i: int, j: int, regions: Regions = valid) -> bool:
            digits = _digits(run, i, j)
            return _whole(run, used, i, j) and is_phone(digits, plus and i == 0, regions)

        # a misheard-digit word opening the run ("to 415 ...") is tried as a word first, one
        # ending it as a digit first when it ends the turn ("... four one five to"), else
        # as a word ("... 5309 to discuss")
        first, last, n = run.groups[0].guess, run.groups[-1].guess, len(run.groups)

        def guessed(window: tuple[int, int]) -> bool:
            return (first and window[0] == 0) or (last and (window[1] == n) != run.tail)

        checks.append(("phone", sorted(_windows(run, 7, 18), key=guessed), phone))
        if regions.anywhere:  # a valid number first, then any 8-15 digits after talk of phones
            windows = sorted(_windows(run, 8, 15), key=guessed)
            checks.append(("phone", windows, lambda i, j: phone(i, j, regions)))
    for kind, windows, check in checks:
        for i, j in windows:
            if any(used[i:j]) or not check(i, j):
                continue
            used[i:j] = [True] * (j - i)
            spans.append(Span(_lead(run, i), run.groups[j - 1].end, kind))
    return spans


def _grouped(text: str, run: Run, *, trunk: bool) -> list[Span]:
    """A whole run said in the groups a country writes its phone numbers in ("21 236 7502",
    "one one, nine six one two one, six nine two three"), valid there, or with a trunk prefix
    "0" and valid in one of those countries (`trunk`: unless the question named an id)."""
    sizes: list[int] = []
    if any(group.hard for group in run.groups[1:]):
        return []  # words between its groups: not one number read out in its groups
    for k, group in enumerate(run.groups):
        spoken = not text[group.start : group.start + 1].isdigit()
        pause = k == 0 or not spoken or group.sep_before.strip(" ") != ""
        if pause or not sizes:
            sizes.append(len(group.digits))
        else:
            sizes[-1] += len(group.digits)
    digits = _digits(run, 0, len(run.groups))
    if run.plus or not (
        (trunk and trunk_phone(digits))  # or with a country's trunk prefix, however grouped
        or (len(sizes) >= 2 and 8 <= len(digits) <= 13 and grouped_phone(digits, tuple(sizes)))
    ):
        return []
    return [Span(_lead(run, 0), run.groups[-1].end, "phone")]


def _lead(run: Run, i: int) -> int:
    """Where a number starts: its first group, or the "(" or "+" / "plus" right before it."""
    start = run.groups[i].start
    if i == 0 and run.lead is not None:
        return run.lead
    if run.groups[i].sep_before.rstrip().endswith("("):
        return start - len(run.groups[i].sep_before) + run.groups[i].sep_before.rindex("(")
    return start


def _tail_run(text: str) -> Run | None:
    found = runs(text)
    return found[-1] if found and found[-1].tail and not found[-1].skip else None


def _head_run(text: str) -> Run | None:
    found = runs(text)
    return found[0] if found and found[0].head and not found[0].skip else None


def _area_code(text: str, code: Run, rest: Run, regions: Regions) -> Span | None:
    """An area or dialling code said on its own, named, then the rest of the number after
    words that only join them ("Dialling code 024, then 630 73", "08 dialling code,
    79.54.97", "area code first, 587, and the number is 885-9679"): one phone number."""
    between = re.findall(r"[a-z]+", text[code.groups[-1].end : rest.groups[0].start].lower())
    named = set(code.words_before[-3:]) | set(between)
    if not (named & _CODE_NAMES and "code" in named) or set(between) - _CODE_JOINS:
        return None
    first, second = _digits(code, 0, len(code.groups)), _digits(rest, 0, len(rest.groups))
    if code.skip or rest.skip or not 1 <= len(first) <= 5 or len(second) < 4:
        return None
    if not is_phone(first + second, code.plus, regions):
        return None
    return Span(_lead(code, 0), rest.groups[-1].end, "phone")


_CODE_NAMES = frozenset("area dialling dialing city std code".split())
_CODE_JOINS = _CODE_NAMES | frozenset(
    "first then and the number is rest after that it s its followed by uh um er so okay ok "
    "prefix local".split()
)


def _corrected(
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
    first, second = _digits(said, 0, len(said.groups)), _digits(again, 0, len(again.groups))
    if len(second) > 7:
        return None  # a whole number said instead
    start, end = _lead(said, 0), again.groups[-1].end
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


def _third(chain: str | None, *, ahead: bool) -> Run | None:
    """The piece two turns on (`ahead`) or back in the speaker's chain of number fragments
    (one a line), when the turn between is a number and nothing else."""
    lines = (chain or "").split("\n")
    if len(lines) < (2 if ahead else 3):
        return None
    middle = runs(lines[0] if ahead else lines[-1])
    if len(middle) != 1 or not (middle[0].head and middle[0].tail) or middle[0].skip:
        return None
    return _head_run(lines[1]) if ahead else _tail_run(lines[-2])


def _joined(pieces: list[Run], mine: int, kinds: frozenset[str], regions: Regions) -> list[Span]:
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
        for i, j in _windows(joined, low, high):
            if not i < cuts[0] or not cuts[-1] < j:
                continue
            digits = _digits(joined, i, j)
            plus = joined.plus and i == 0
            if kind == "phone" and (i, j) != (0, len(joined.groups)) and regions.anywhere:
                continue  # a phone read across turns is all of its pieces
            if is_card(digits) if kind == "card" else is_phone(digits, plus, regions):
                a, b = max(i, low_mine) - low_mine, min(j, high_mine) - low_mine
                start = _lead(first, i) if mine == 0 else groups[a].start
                return [Span(start, groups[b - 1].end, kind)]
    return []


def _card_in_progress(run: Run, found: list[Span]) -> list[Span]:
    """A turn that ends, after talk of a card, with 6-12 digits of one: the rest follows."""
    start = run.groups[0].start
    if any(s.start <= start < s.end or start <= s.start for s in found):
        return []
    digits = _digits(run, 0, len(run.groups))
    if not 6 <= len(digits) <= 12 or not prefix_ok(digits):
        return []
    return [Span(start, run.groups[-1].end, "card")]


def _held(run: Run, found: list[Span]) -> list[Span]:
    """While the call goes on, the digits ending a turn may be the first half of a number:
    everything after the last finding in the run is held back as `number`."""
    rest = [g for g in run.groups if not any(s.start <= g.start < s.end for s in found)]
    rest = [g for g in rest if all(g.start >= s.end for s in found)]
    if not rest:
        return []
    return [Span(rest[0].start, rest[-1].end, "number")]


def _ibans(text: str, taken: list[Span], before: str, after: str, asked: bool) -> list[Span]:
    """IBANs of this turn, or this turn's part of one said over the speaker's turns just
    before and after it."""
    found = ibans(text, before, after, asked=asked)
    return _apart([Span(s, e, "iban") for s, e in found], taken)


def _apart(spans: list[Span], others: list[Span]) -> list[Span]:
    """The spans that overlap none of `others`."""
    return [s for s in spans if not any(o.start < s.end and s.start < o.end for o in others)]


def _disjoint(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if out and span.start < out[-1].end:
            if span.end > out[-1].end and span.kind == out[-1].kind:
                out[-1] = Span(out[-1].start, span.end, span.kind)
            continue
        out.append(span)
    return out
