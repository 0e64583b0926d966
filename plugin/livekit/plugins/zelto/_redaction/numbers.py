"""Runs of digit groups in speech-to-text output, written or spoken.

"4111 1111-1111.1111", "(212) 555-0134", "four one one one", "double five", "eight hundred",
"twenty one": each becomes a run of groups (the digits, where they are in the text, and the
separator before them). Amounts ("$", "dollars"), times and quantities are marked `skip`;
codes glued to letters ("A-1001", "UA1234", "3rd") and the digits after them never join a run.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

__all__ = [
    "DIGIT_WORDS",
    "MAYBE_NUMBER",
    "PENDING",
    "RESTART_WORDS",
    "Group",
    "Run",
    "ends_with_number",
    "goes_on",
    "piece_named",
    "is_aside",
    "opens_with_number",
    "runs",
]

_UNITS = {
    "zero": 0,
    "oh": 0,
    "nought": 0,
    "naught": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
_TEENS = {
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "thirteen": "13",
    "fourteen": "14",
    "fifteen": "15",
    "sixteen": "16",
    "seventeen": "17",
    "eighteen": "18",
    "nineteen": "19",
}
_TENS = {
    "twenty": 2,
    "thirty": 3,
    "forty": 4,
    "fifty": 5,
    "sixty": 6,
    "seventy": 7,
    "eighty": 8,
    "ninety": 9,
}
# ends the same speaker's turns after a turn while the call goes on and they are still reading
# a number out turn by turn: what this turn ends with may go on, and is held unless complete
PENDING = "\n\x00"
_OH = {"oh", "nought", "naught"}  # zero said as a letter's or a word's name: "forty oh" is 40 0
_NOT_UNITS = _OH | {"zero"}  # after a ten, never its units: "sixty zero" is 60 0
_REPEAT = {"double": 2, "triple": 3}
_SEP_WORDS = {"dash", "hyphen", "space"}
# said between the digit groups of one number without ending it ("4111 uh 1111")
_SOFT = {
    "uh", "um", "umm", "uhm", "er", "erm", "ah", "hmm", "huh", "mm", "mhm", "and", "then", "like",
    "so", "okay", "ok", "right", "yeah", "yes", "you", "know", "well", "alright", "basically",
    "anyway",
}  # fmt: skip
# what STT writes for a digit it misheard, taken as one only between digits
_MISHEARD = {"for": "4", "fore": "4", "to": "2", "too": "2", "won": "1", "tree": "3", "ate": "8",
             "o": "0", "nein": "9", "niner": "9"}  # fmt: skip
_FILLERS = {"uh", "um", "er", "erm", "and", "then", "so", "okay", "ok", "yes", "yeah", "it's"}
# a number right before these is an amount, a time or a quantity, not an identifier
_UNIT_AFTER = {
    "dollar", "dollars", "bucks", "cent", "cents", "percent", "pound", "pounds", "euro",
    "euros", "am", "pm", "o'clock", "minutes", "minute", "hours", "hour", "days", "miles",
    "points", "usd",
}  # fmt: skip
# said between a false start and the number said again ("4111 1111, sorry, 4012 ...")
RESTART_WORDS = frozenset(
    "sorry wait no nope mean over again actually oops scratch redo correction wrong mistake "
    "instead rather beginning messed start".split()
)
# a pause inside a number: up to this many words of up to this many letters
_GAP_WORDS, _GAP_LETTERS = 3, 5
# short words that end a number: they name the next one, or say what the last one was
_BREAK = (
    frozenset(
        "or but is was are were has have had its my his her our your their the a an that this "
        "zip code pin ext exp cvv cvc card cell call text phone fax home work order ref room gate "
        "seat flight unit apt suite box lot part item sku model year years am pm usd eur gbp at x "
        "in by from of off per "
        # a time after a number: "call me on 07911 123456 after five"
        "after before until till around between past".split()
    )
    | frozenset(_UNIT_AFTER)
    | RESTART_WORDS
)  # a restart is read by pii.py
# a key's words: "caseId" -> "case", "id"; "accountNumber" -> "account", "number"
_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
# an amount written with its cents ("256.82", "1,234.56"; not a dotted phone's "06.12.34"),
# and a date written with dots ("07.12.2026")
_DECIMAL = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2}(?![\d])(?!\.\d)")
_DOTTED_DATE = re.compile(r"(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:19|20)\d{2}(?!\d)")
# a date written with slashes (12/05, 12/05/2024, 2024/05/12); other digits a slash joins are
# a number's groups as typed ("313/373 6459", "4111/1111/1111/1111")
_SLASHED_DATE = re.compile(
    r"(?<![\d/])(?:\d{1,2}/\d{1,2}(?:/(?:\d{4}|\d{2}))?|\d{4}/\d{1,2}/\d{1,2})(?![\d/])"
)
_TOKEN = re.compile(
    r"(?P<num>\d+)|(?P<word>[A-Za-z]+(?:'[A-Za-z]+)?)|(?P<sep>[ \t\r\n.,()/-]+)|(?P<other>.)",
    re.S,
)
MAYBE_NUMBER = re.compile(
    r"\d|\b(?:" + "|".join([*_UNITS, *_TEENS, *_TENS, "won", "fore", "tree", "ate"]) + r")\b", re.I
)
DIGIT_WORDS = frozenset([*_UNITS, *_TEENS, *_TENS, *_REPEAT, "hundred", "thousand"])
_DIGIT_WORDS = DIGIT_WORDS | {"plus"}
_LAST_WORDS = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?")


@dataclass
class Group:
    digits: str
    start: int
    end: int
    sep_before: str = ""  # the separator text between this group and the one before
    hundred: bool = False  # ended by "hundred": a tens or teens word fills its last two digits
    thousand: bool = False  # ended by "thousand": "seven hundred" may fill its third digit too
    counted: bool = False  # said with "thousand" ("five thousand eighteen"): an amount's way
    guess: bool = False  # a word that may be a misheard digit or itself ("to 415 ...")

    @property
    def hard(self) -> bool:
        """Said after a word ("uh", "and"): one number may end before it."""
        return any(c.isalpha() for c in self.sep_before)


@dataclass
class Run:
    groups: list[Group] = field(default_factory=list)
    plus: bool = False
    lead: int | None = None  # where a leading "+", "plus" or "(" starts
    skip: bool = False  # money, a time or a quantity
    words_before: tuple[str, ...] = ()
    head: bool = False  # nothing but fillers before it in the turn
    tail: bool = False  # nothing but punctuation and fillers after it


@functools.lru_cache(maxsize=4096)
def runs(text: str) -> tuple[Run, ...]:
    """Runs of digit groups (written or spoken) joined only by separators (cached: a turn is
    read as itself, as context and as a fragment of a number; nothing changes a run)."""
    return tuple(_runs(text))


# words opening a turn that say it goes on with a number begun before ("And the last bit is
# 740.", "then five six eight", "Sorry, 926.", "and finally 8871", "then it ends 6953", "the
# middle is 09"): its first run still opens the turn. Not "it ends in 8704": a number's last
# four, said to name it
_LEAD_FILLERS = r"^\W*(?:(?:and|so|ok(?:ay)?|right|sorry|yeah|yes|um+|uh+|er|it)\W+)*"
# what a piece of a number is called ("bit", "part", "group", ...); each pattern below adds
# the few words only it takes
_PIECE_WORDS = "bits?|parts?|half|few|groups?|section|chunk|piece"
_CONNECTIVE = r"(?:(?:and\W+)?then|next|after\W+that|followed\W+by|continuing|finally|lastly)\b\W*"
_PIECE = (
    r"(?:(?:the\W+)?(?:last|next|final|remaining|other|second|third|middle|end|closing)\W+"
    rf"(?:{_PIECE_WORDS}|digits?|ones|numbers?)"
    r"(?:\W+(?:is|are|goes))?\b\W*|"
    r"the\W+rest(?:\W+(?:is|of\W+it(?:\W+is)?))?\b\W*|(?:the\W+)?middle(?:\W+is)?\b\W*|"
    r"it\W+ends\b(?!\W+(?:with|in|on)\b)\W*)"
)
_GOES_ON = re.compile(
    rf"{_LEAD_FILLERS}(?:(?:{_CONNECTIVE})+{_PIECE}?|{_PIECE})"
    r"|^\W*(?:(?:ok(?:ay)?|yeah|so|and|um+|uh+)\W+)*sorry\W+",
    re.I,
)


# words opening a turn that name its number as a number's first piece ("the first part is
# 76220 so far"): no identifier's name ("part number")
_FIRST_PIECE = re.compile(
    rf"{_LEAD_FILLERS}(?:the\W+)?(?:first|opening|starting)\W+(?:{_PIECE_WORDS}|digits|"
    r"numbers)(?:\W+(?:is|are))?\b\W*",
    re.I,
)


def piece_named(text: str) -> int:
    """Where a turn's words naming its number as a piece of one end (0: none)."""
    m = _FIRST_PIECE.match(text)
    return m.end() if m else goes_on(text)


def goes_on(text: str) -> int:
    """Where a turn's words saying it goes on with a number end (0: none)."""
    m = _GOES_ON.match(text)
    return m.end() if m else 0


def _runs(text: str) -> list[Run]:
    found: list[Run] = []
    run = Run()
    words: list[str] = []
    sep = ""
    pending: tuple[str, int] | None = None  # a "double"/"triple" waiting for its digit
    only_fillers = True
    lead_in = goes_on(text)

    def close(after: str = "") -> None:
        nonlocal run, sep
        if run.groups:
            if after in _UNIT_AFTER:
                run.skip = True
            found.append(run)
            words.append(run.groups[-1].digits)  # a number: what was named before it is used
        run = Run()
        sep = ""

    def add(digits: str, start: int, end: int) -> None:
        nonlocal sep
        if not run.groups:
            run.words_before = tuple(words[-16:])
            run.head = only_fillers
        run.groups.append(Group(digits, start, end, sep))
        sep = ""

    tokens = list(_TOKEN.finditer(text))
    dates = [d.span() for d in _SLASHED_DATE.finditer(text)] if "/" in text else []
    for index, m in enumerate(tokens):
        kind, value = m.lastgroup, m.group()
        low = value.lower()
        if kind == "num":
            before = text[max(0, m.start() - 2) : m.start()]
            after = text[m.end() : m.end() + 2]
            glued = (before[-1:].isalpha() or after[:1].isalpha()) or (
                (before.endswith("-") and before[:1].isalpha())
                or (
                    after.startswith("-") and after[1:2].isalpha() and not _soft_next(tokens, index)
                )
            )
            dated = (after[:1] == ":" and after[1:2].isdigit()) or any(  # 10:30, 12/05
                s <= m.start() < e for s, e in dates
            )
            if before[-1:] != "." and (
                _DECIMAL.match(text, m.start()) or _DOTTED_DATE.match(text, m.start())
            ):
                close()  # 256.82, 1,234.56, 07.12.2026: an amount or a date, never a number
                run.skip = True
            if glued or dated:  # a code like A-1001, UA1234, 3rd, 10am; a date, a time
                close()
                only_fillers = False
                words.append(low)
                continue
            if not run.groups and before[-1:] and before[-1:] in "$£€":
                run.skip = True  # an amount
            if not run.groups and before[-1:] == "-" and before[:1].isalnum():
                run.skip = True  # the rest of a code: GC-4411-2290-1133
            if not run.groups and before[-1:] == ":" and before[:1].isdigit():
                run.skip = True  # the rest of a time: 10:30
            if not run.groups and before[-1:] == "+":
                run.plus = True
                run.lead = m.start() - (2 if before[-2:] == "(+" else 1)  # "(+49) 1574 ..."
            elif not run.groups and before[-1:] == "(":
                run.lead = m.start() - 1
            add(value, m.start(), m.end())
        elif (
            kind == "word"
            and (low in _UNITS or low in _TEENS or low in _TENS)
            and not _pronoun(tokens, index, low)
        ):
            last = run.groups[-1] if run.groups else None
            if low in _TENS:
                nxt = _next_word(tokens, index, tight=True)
                digits = (
                    str(_TENS[low]) if nxt in _UNITS and nxt not in _NOT_UNITS else f"{_TENS[low]}0"
                )
                if last is not None and last.hundred:  # twenty three hundred forty (five)
                    last.digits, last.end, last.hundred = last.digits[:-2] + digits, m.end(), False
                    continue
            elif low in _TEENS:
                digits = _TEENS[low]
                if last is not None and last.hundred:  # two hundred twelve
                    last.digits, last.end, last.hundred = last.digits[:-2] + digits, m.end(), False
                    continue
            else:
                digits = str(_UNITS[low])
                prev = _prev_word(tokens, index, tight=True)
                if prev in _TENS and low not in _NOT_UNITS and run.groups:
                    run.groups[-1].digits += digits  # twenty one -> 21
                    run.groups[-1].end = m.end()
                    continue
                if pending is not None:  # "double five" -> 55
                    word, start = pending
                    add(digits * _REPEAT[word], start, m.end())
                else:
                    add(digits, m.start(), m.end())
                pending = None
                continue
            add(digits, m.start(), m.end())
        elif kind == "word" and low in _REPEAT:
            pending = (low, m.start())
        elif kind == "word" and low == "hundred" and run.groups and _spoken(text, run.groups[-1]):
            last = run.groups[-1]
            if len(run.groups) > 1 and run.groups[-2].thousand and len(last.digits) == 1:
                run.groups.pop()  # "four thousand seven hundred ...": 47..
                last, last.digits = run.groups[-1], run.groups[-1].digits[:-3] + last.digits
            last.digits += "00"  # eight hundred, twenty three hundred
            last.end, last.hundred, last.thousand = m.end(), True, False
        elif kind == "word" and low == "thousand" and run.groups and _spoken(text, run.groups[-1]):
            last = run.groups[-1]  # "five thousand eighteen": 5018, a card's group of four
            last.digits, last.end = last.digits + "000", m.end()
            last.hundred = last.thousand = last.counted = True
        elif kind == "word" and low in _MISHEARD and _misheard(tokens, index, bool(run.groups)):
            opens = not run.groups
            add(_MISHEARD[low], m.start(), m.end())  # "four one one one, for one one one"
            if opens:  # "send it to 415 ...": maybe no digit at all, but what names the number
                run.groups[-1].guess = True
                run.words_before += (low,)
        elif kind == "word" and low in _MISHEARD and run.groups and _tight_after(tokens, index):
            # "... eight five six to": a misheard digit ending the number, or a word after it
            add(_MISHEARD[low], m.start(), m.end())
            run.groups[-1].guess = True
            close()
            only_fillers = False
            words.append(low)
        elif kind == "word" and run.groups and _pause(tokens, index):
            sep += value
        elif kind == "word" and low == "plus" and not run.groups:
            run.plus = True
            run.lead = m.start()
        elif kind == "sep" or (kind == "word" and low in _SEP_WORDS and run.groups):
            sep += value
        else:
            close(low)
            if kind == "word":
                camel = value[1:] != value[1:].lower()
                words.extend([w.lower() for w in _CAMEL.findall(value)] if camel else [low])
                if low not in _FILLERS and m.end() > lead_in:
                    only_fillers = False
            elif value.strip() and value not in "+":
                words.append(value)
                only_fillers = only_fillers and m.end() <= lead_in
    close()
    if found and _one_moment(text, found[-1].groups[-1]):
        found[-1].groups.pop()  # "8689, one moment": the "one" is the moment's
        if not found[-1].groups:
            found.pop()
    if found:  # only the last run can end the turn: a word or a number follows the others
        final = found[-1]
        after = text[final.groups[-1].end :]
        rest = [w.lower() for w in _LAST_WORDS.findall(after)]
        asking = after.rstrip().endswith("?")
        # "oh eight oh two triple": the repeated digit is said in the speaker's next turn
        waiting = pending is not None and not rest[1:]
        final.tail = waiting or _pausing(rest, after.lstrip()[:1] in _BREAKS, asking)
    return found


# words before "one" that make it a pronoun ("a new one", "the other one", "which one")
_ONE_AFTER = frozenset(
    "a an the this that new old other another which each every no any last right wrong same "
    "different good first next only second third fourth fifth".split()
)


# words before a small number that make it a count ("next four?", "the last two")
_COUNT_AFTER = frozenset("next last first".split())


def _pronoun(tokens: list[re.Match[str]], index: int, low: str) -> bool:
    """The word is no digit read out, with no digit after it: "one" standing for a thing,
    after an article or an adjective ("I need to give you a new one", "the second one"), a
    count after "next", "last", "first" ("Okay, next four?"), or "oh" with no digit before
    it either ("oh wow"); a count after those before digits written as digits ("the first
    six, 542654")."""
    if low not in _UNITS:
        return False
    nxt = _next_word(tokens, index)
    before = _prev_word(tokens, index)
    if before in _COUNT_AFTER and low != "oh" and nxt[:1].isdigit():
        return True  # "the first six, 542654", "last four 4413": a count, then the digits
    if nxt in DIGIT_WORDS or nxt[:1].isdigit() or nxt in _MISHEARD:
        return False
    if low == "oh":  # "oh wow", "oh sorry, the middle is ...": a cry, with no digit beside it
        return not (before in DIGIT_WORDS or before[:1].isdigit() or before in _MISHEARD)
    return before in _COUNT_AFTER or (low == "one" and before in _ONE_AFTER)


def _one_moment(text: str, group: Group) -> bool:
    """The group is the word "one" of "one moment", "one sec"."""
    if text[group.start : group.end].lower() != "one":
        return False
    nxt = _LAST_WORDS.findall(text[group.end : group.end + 12])
    return bool(nxt) and nxt[0].lower() in _TIME_UNITS


# words of a pause: the number may go on in the speaker's next turn ("415 867, hang on a sec",
# "3432 so far", "two sixty two seventy six got that?")
_PAUSE = frozenset("hold hang wait sec secs second moment minute check lemme bear far got".split())
# words after a number saying it is only its first piece
_FIRST_PART = re.compile(
    r"(?:(?:is|was|thats|that's|that is|for)\s+)?(?:the\s+)?(?:first|start|beginning|opening)"
    rf"\s+(?:{_PIECE_WORDS}|digits|ones|numbers)\b"
    r"|so far\b|for now\b|to (?:start|begin)\b|for starters\b"
)
_TIME_UNITS = frozenset("sec secs second seconds moment minute minutes".split())
_BREAKS = tuple(",.;:-\u2013\u2014")  # what sets an aside off from the number before it


def _pausing(words: list[str], broken: bool = False, asking: bool = False) -> bool:
    """`words` (ending a turn after a number) are fillers, or a short pause without digits:
    words of pausing ("hang on a sec"), any aside set off by a comma ("4556 7375, sorry the
    baby is crying"), or a question set off by one (`asking`: "4526 0181, wait do you take
    visa debit cards?"): the number may go on in the speaker's next turn."""
    said = [w for w in words if w not in _FILLERS]
    if not said or _FIRST_PART.match(" ".join(said)):
        return True  # "... so far", "... is the first bit": more is to come
    # a question set off, or a pause said first ("hold on, the dog is at the door", or as
    # speech-to-text writes it, unpunctuated), may run longer
    longest = 12 if (broken and asking) or _PAUSE.intersection(said[:2]) else 6
    if said[0] in _TIME_UNITS or len(said) > longest:  # "two secs": the number was the pause's
        return False
    # "one moment", "one sec": no digit
    own = [w for k, w in enumerate(said) if not (k + 1 < len(said) and said[k + 1] in _TIME_UNITS)]
    return (broken or bool(_PAUSE.intersection(said))) and not DIGIT_WORDS.intersection(own)


# a longer turn without digits that asks the listener to wait ("sorry, let me grab my glasses,
# they're in the other room"): still an aside inside a number being read
_WAITING = re.compile(
    r"\b(?:hold on|hang on|one sec\w*|a sec\w*|a moment|one moment|a minute|bear with|let me "
    r"(?:grab|get|find|check|look)|give me a)\b",
    re.I,
)


@functools.lru_cache(maxsize=8192)
def is_aside(text: str) -> bool:
    """A turn of a few words and no digits ("hold on", "one sec", "sorry"): a number the
    speaker was reading out may go on in their next turn after it."""
    if (len(text) >= 40 or len(text.split()) > 4) and not (
        len(text.split()) <= 30 and _WAITING.search(text) and not any(c.isdigit() for c in text)
    ):
        return False
    # "one" in "one sec" is not a digit read out: a single digit with words after it
    return not MAYBE_NUMBER.search(text) or all(
        len(run.groups) == 1 and len(run.groups[0].digits) == 1 and not run.tail
        for run in runs(text)
    )


@functools.lru_cache(maxsize=8192)
def opens_with_number(text: str) -> bool:
    """Whether a run of `text` can be its `head` (cheap: the first few words)."""
    for word in _LAST_WORDS.findall(text[goes_on(text) :][:80]):
        low = word.lower()
        if low in _MISHEARD:  # "ok o three forty seven": a digit only as a run reads it
            found = runs(text)
            return bool(found) and found[0].head and found[0].groups[0].guess
        if low not in _FILLERS:
            return low[0].isdigit() or low in _DIGIT_WORDS
    return False


@functools.lru_cache(maxsize=8192)
def ends_with_number(text: str) -> bool:
    """Whether a run of `text` can be its `tail` (cheap: the last few words)."""
    tail = text[-80:]
    found = list(_LAST_WORDS.finditer(tail))
    words = [m.group().lower() for m in found]
    reach = 13 if tail.rstrip().endswith("?") else 7  # a question after it may be longer
    for k in range(len(words) - 1, -1, -1):
        low = words[k]
        if low == "one" and k + 1 < len(words) and words[k + 1] in _TIME_UNITS:
            continue  # "..., one moment"
        if low[-1].isdigit() or low in _DIGIT_WORDS:
            after = tail[found[k].end() :]
            asking = after.rstrip().endswith("?")
            return _pausing(words[k + 1 :], after.lstrip()[:1] in _BREAKS, asking)
        if len(words) - k > reach:
            break
    return False


def _spoken(text: str, group: Group) -> bool:
    """A group of one or two digits said as words (not "12 hundred" written as digits)."""
    return len(group.digits) <= 2 and not text[group.start : group.end][:1].isdigit()


def _digits_ahead(tokens: list[re.Match[str]], index: int, wanted: int) -> bool:
    """At least `wanted` digits or digit words come next (misheard ones and fillers between
    them too) before any other word."""
    count = 0
    for m in tokens[index + 1 :]:
        low = m.group().lower()
        if m.lastgroup == "sep" or low in _SOFT:
            continue
        if not (low.isdigit() or low in _DIGIT_WORDS or low in _MISHEARD):
            return False
        count += 1
        if count >= wanted:
            return True
    return False


def _gap_word(low: str) -> bool:
    """A word said while reading out a number without ending it: a filler, or any short
    word that does not name something ("hold on", "let me see", "you know")."""
    if low in _SOFT:
        return True
    bare = low.replace("'", "")
    return len(bare) <= _GAP_LETTERS and bare.isalpha() and low not in _BREAK


def _pause(tokens: list[re.Match[str]], index: int) -> bool:
    """Word `index` begins or continues a pause inside a number: at most `_GAP_WORDS` such
    words, then a digit or a digit's word."""
    count = 0
    for m in tokens[index:]:
        if m.lastgroup == "sep":
            continue
        low = m.group().lower()
        if low.isdigit() or low in DIGIT_WORDS:
            return count > 0
        if m.lastgroup != "word" or not _gap_word(low):
            return False
        count += 1
        if count > _GAP_WORDS:
            return False
    return False


def _misheard(tokens: list[re.Match[str]], index: int, in_run: bool) -> bool:
    """ "for", "to", ... is a misheard digit: inside a run before more digits, or starting
    one before at least three more ("for nine nine for ..."); one that is no English word
    ending a sentence ("won", "ate", "tree") also ends a run ("... one one won.")."""
    if _digits_ahead(tokens, index, 1 if in_run else 3):
        return True
    if not in_run or tokens[index].group().lower() in ("for", "to", "o"):
        return False
    after = tokens[index + 1 : index + 3]  # the end, or punctuation: no word goes on
    return not after or (
        after[0].lastgroup == "sep" and (len(after) == 1 or after[0].group().strip() != "")
    )


def _tight_after(tokens: list[re.Match[str]], index: int) -> bool:
    """Word `index` follows the run's last digit with only a space between ("six to")."""
    return (
        index > 0 and tokens[index - 1].lastgroup == "sep" and not tokens[index - 1].group().strip()
    )


def _soft_next(tokens: list[re.Match[str]], index: int) -> bool:
    """The word after this number ("2221-uh huh 8414") is a filler before more digits."""
    nxt = _next_word(tokens, index)
    return _gap_word(nxt) and _pause(tokens, index + 1)


_TIGHT = ("", "-")  # "seventy one", "seventy-one": 71


def _next_word(tokens: list[re.Match[str]], index: int, *, tight: bool = False) -> str:
    """The next word; with `tight`, only when nothing but spaces comes before it ("seventy
    one" is 71, "seventy, one" is 70 then 1)."""
    for m in tokens[index + 1 :]:
        if m.lastgroup != "sep":
            return m.group().lower()
        if tight and m.group().strip() not in _TIGHT:
            return ""
    return ""


def _prev_word(tokens: list[re.Match[str]], index: int, *, tight: bool = False) -> str:
    for i in range(index - 1, -1, -1):
        if tokens[i].lastgroup != "sep":
            return tokens[i].group().lower()
        if tight and tokens[i].group().strip() not in _TIGHT:
            return ""
    return ""
