"""How dev8's callers say and type numbers (benchmarks/pii_dev8.py): digits as words, groups,
fillers, letters (plain, NATO, "as in"), agent nudges, typed separators and tool JSON.

Every choice comes from the `random.Random` handed in, so a seed gives the same text. The
valid numbers themselves come from benchmarks/pii_speech.py's checks (libphonenumber,
python-stdnum); the ways of saying them are written here, apart from the other parts.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from typing import Any

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType
from pii_rows import Benign, Pii, Retry
from pii_speech import TEENS, TENS, WORDS, luhn_number

NATO = {
    "A": "alpha", "B": "bravo", "C": "charlie", "D": "delta", "E": "echo", "F": "foxtrot",
    "G": "golf", "H": "hotel", "I": "india", "J": "juliet", "K": "kilo", "L": "lima",
    "M": "mike", "N": "november", "O": "oscar", "P": "papa", "Q": "quebec", "R": "romeo",
    "S": "sierra", "T": "tango", "U": "uniform", "V": "victor", "W": "whiskey", "X": "x-ray",
    "Y": "yankee", "Z": "zulu",
}  # fmt: skip
# what a caller who does not know the NATO alphabet says after "as in"
AS_IN = {
    "A": ["apple", "alpha"], "B": ["boy", "bravo"], "C": ["cat", "charlie"], "D": ["dog", "david"],
    "E": ["edward", "echo"], "F": ["frank", "fox"], "G": ["george", "golf"], "H": ["henry"],
    "I": ["igloo", "india"], "J": ["john", "jack"], "K": ["king", "kilo"], "L": ["larry", "lima"],
    "M": ["mary", "mike"], "N": ["nancy", "nora"], "O": ["orange", "oscar"], "P": ["peter"],
    "Q": ["queen"], "R": ["robert", "roger"], "S": ["sam", "sugar"], "T": ["tom", "tango"],
    "U": ["umbrella"], "V": ["victor", "violet"], "W": ["william", "whiskey"], "X": ["x-ray"],
    "Y": ["yellow"], "Z": ["zebra"],
}  # fmt: skip

NUDGES = [
    "Mhm.", "Okay.", "Go ahead.", "Yep, I'm with you.", "And then?", "Got that bit, keep going.",
    "Uh-huh.", "Okay, and the rest?", "Right, go on.", "Sure, take your time.", "Alright.",
    "I've got that much.", "Perfect, what's next?", "Still here, carry on.", "Mm-hm, next part?",
]  # fmt: skip
RAW_NUDGES = ["mhm", "okay", "uh huh", "yep go on", "ok and the rest", "got it", "right"]
WAITS = [  # a caller looking for the rest
    "hang on",
    "hold on one sec",
    "let me find it",
    "bear with me",
    "one second",
    "wait",
]
FILLERS_SMART = [", uh, ", ", um, ", "... ", ", let me see, ", ", hang on, ", " - uh - ", ", er, "]
FILLERS_RAW = [" uh ", " um ", " er ", " uh let me see ", " hold on ", " uhm "]


@dataclass
class Voice:
    """One speaker's way of saying a number, kept for the whole number."""

    raw: bool  # STT without smart formatting: lower case, no punctuation
    zero: str  # "oh" or "zero"
    numerals: bool  # STT wrote the digits as numerals
    double: float  # "double five"
    pairs: float  # "forty five" for a group
    filler: float  # "uh" between groups
    comma: bool  # groups set off by commas (smart text only)
    glue: str  # between groups written as numerals


def voice(rng: random.Random, *, raw: bool | None = None, numerals: bool | None = None) -> Voice:
    raw = rng.random() < 0.35 if raw is None else raw
    if numerals is None:
        numerals = not raw and rng.random() < 0.4
    return Voice(
        raw=raw,
        zero=rng.choice(["oh", "oh", "zero"]),
        numerals=numerals,
        double=rng.choice([0.0, 0.3, 0.7]),
        pairs=rng.choice([0.0, 0.0, 0.2, 0.5]),
        filler=rng.choice([0.0, 0.0, 0.1, 0.25]),
        comma=rng.random() < 0.6,
        glue=rng.choice([" ", " ", "-", "-", ".", ", "]),
    )


def two(pair: str, zero: str) -> str:
    if pair[0] == "0":
        return f"{zero} {zero if pair[1] == '0' else WORDS[int(pair[1])]}"
    if pair[0] == "1":
        return TEENS[int(pair[1])]
    tens = TENS[int(pair[0])]
    return tens if pair[1] == "0" else f"{tens} {WORDS[int(pair[1])]}"


def one_by_one(digits: str, rng: random.Random, zero: str = "oh", double: float = 0.0) -> str:
    out, i = [], 0
    while i < len(digits):
        d = digits[i]
        word = zero if d == "0" else WORDS[int(d)]
        if digits[i : i + 3] == d * 3 and rng.random() < double / 2:
            out.append(f"triple {word}")
            i += 3
            continue
        if digits[i : i + 2] == d * 2 and rng.random() < double:
            out.append(f"double {word}")
            i += 2
            continue
        out.append(word)
        i += 1
    return " ".join(out)


def in_pairs(digits: str, zero: str) -> str:
    """'4532' -> 'forty five thirty two'; '617' -> 'six seventeen'; '800' -> 'eight hundred'."""
    if len(digits) == 3 and digits.endswith("00") and digits[0] != "0":
        return f"{WORDS[int(digits[0])]} hundred"
    if len(digits) == 4 and digits.endswith("00") and digits[0] not in "01":
        return f"{two(digits[:2], zero)} hundred"
    if len(digits) % 2:
        head = zero if digits[0] == "0" else WORDS[int(digits[0])]
        return f"{head} {in_pairs(digits[1:], zero)}" if len(digits) > 1 else head
    return " ".join(two(digits[i : i + 2], zero) for i in range(0, len(digits), 2))


def group_said(group: str, v: Voice, rng: random.Random) -> str:
    if v.numerals:
        return group
    if len(group) in (2, 3, 4) and group[0] != "0" and rng.random() < v.pairs:
        return in_pairs(group, v.zero)
    return one_by_one(group, rng, v.zero, v.double)


def sep(v: Voice, rng: random.Random) -> str:
    if rng.random() < v.filler:
        return rng.choice(FILLERS_RAW if v.raw else FILLERS_SMART)
    if v.raw:
        return " "
    if v.numerals:
        return v.glue
    return ", " if v.comma else rng.choice([" ", ", ", "... "])


def groups_said(groups: list[str], v: Voice, rng: random.Random) -> str:
    out = group_said(groups[0], v, rng)
    for g in groups[1:]:
        out += sep(v, rng) + group_said(g, v, rng)
    return out


def regroup(digits: str, rng: random.Random, sizes: tuple[int, ...] = (2, 3, 3, 4)) -> list[str]:
    """How a caller chunks a run of digits when not reading it off a formatted page."""
    out, at = [], 0
    while at < len(digits):
        left = len(digits) - at
        size = left if left <= 4 else min(rng.choice(sizes), left - 2)
        out.append(digits[at : at + size])
        at += size
    return out


def letter(c: str, how: str, rng: random.Random) -> str:
    if how == "nato":
        return NATO[c]
    if how == "as_in":
        return f"{c} as in {rng.choice(AS_IN[c])}"
    if how == "lower":
        return c.lower()
    return c


# ------------------------------------------------------------------ phones


PERSONAL = (  # a caller's own line: no toll-free, premium, shared-cost or pager numbers
    PhoneNumberType.MOBILE,
    PhoneNumberType.FIXED_LINE,
    PhoneNumberType.FIXED_LINE_OR_MOBILE,
)


def region_number(rng: random.Random, region: str, mobile: bool) -> phonenumbers.PhoneNumber:
    """A valid number of `region` with most national digits drawn at random (the library's
    example numbers only lend the leading digits)."""
    kinds = [PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE]
    if not mobile:
        kinds.reverse()
    for kind in kinds:
        example = phonenumbers.example_number_for_type(region, kind)
        if example is None:
            continue
        national = phonenumbers.national_significant_number(example)
        # NANP: any area code; elsewhere the leading digit (mobile or fixed) kept
        for most in (0 if example.country_code == 1 else 1, 2, 3, 4):
            keep = min(most, len(national) - 4)
            for _ in range(300):
                tail = "".join(rng.choice("0123456789") for _ in range(len(national) - keep))
                if region in ("US", "CA") and tail[1:4] == "550":  # 555-01xx: fiction
                    continue
                n = phonenumbers.parse(f"+{example.country_code}{national[:keep]}{tail}")
                if phonenumbers.is_valid_number_for_region(n, region) and (
                    phonenumbers.number_type(n) in PERSONAL
                ):
                    return n
    raise AssertionError(region)


def national_groups(n: phonenumbers.PhoneNumber) -> list[str]:
    return re.findall(r"\d+", phonenumbers.format_number(n, PhoneNumberFormat.NATIONAL))


def intl_groups(n: phonenumbers.PhoneNumber) -> list[str]:
    """The groups after the country code, as the international format writes them."""
    return re.findall(r"\d+", phonenumbers.format_number(n, PhoneNumberFormat.INTERNATIONAL))[1:]


def cc_said(cc: str, v: Voice, rng: random.Random) -> str:
    if v.numerals:
        return cc
    if len(cc) == 2 and rng.random() < 0.35:
        return two(cc, v.zero)
    return one_by_one(cc, rng, v.zero)


FULLWIDTH = {str(d): chr(0xFF10 + d) for d in range(10)} | {"+": "\uff0b", " ": "\u3000"}
ARABIC_INDIC = {str(d): chr(0x0660 + d) for d in range(10)}
PERSIAN = {str(d): chr(0x06F0 + d) for d in range(10)}
SEPARATORS = {  # tag -> what sits between typed groups
    "space": " ",
    "dash": "-",
    "dots": ".",
    "slash": "/",
    "nbsp": "\u00a0",
    "thin": "\u2009",
    "narrow": "\u202f",
    "en_dash": "\u2013",
    "minus": "\u2212",
    "nb_hyphen": "\u2011",
    "middot": "\u00b7",
    "none": "",
    "underscore": "_",
    "zwsp": "\u200b",
}


def typed_phone(
    rng: random.Random, n: phonenumbers.PhoneNumber, style: str, how: str
) -> tuple[str, set[str]]:
    """A number as a caller types it: `style` is where it starts (intl, 00, 011, trunk, e164,
    msisdn, national), `how` the separator between groups (SEPARATORS, or fullwidth, arabic)."""
    cc = str(n.country_code)
    groups = intl_groups(n)
    nat = national_groups(n)
    tags = {f"phone.typed.{style}"}
    char = SEPARATORS.get(how, " ")
    if how == "zwsp":
        char = rng.choice([" \u200b", "\u200b"])
    if style == "e164":
        text = f"+{cc}{''.join(groups)}"
    elif style == "msisdn":
        text = cc + "".join(groups)
    elif style == "national":
        if cc == "1" and rng.random() < 0.5:
            text = f"({nat[0]}) {nat[1]}{rng.choice(['-', char])}{nat[2]}"
        else:
            text = char.join(nat)
    elif style == "trunk_paren":  # +44 (0)20 ...
        trunk = nat[0][0] if nat[0][0] in "08" and not groups[0].startswith(nat[0][0]) else ""
        text = f"+{cc} ({trunk}){char.join(groups)}" if trunk else f"+{cc} {char.join(groups)}"
        if not trunk:
            tags = {"phone.typed.intl"}
    elif style == "00":
        text = f"00{cc}{char}{char.join(groups)}"
    elif style == "011":
        text = f"011{char}{cc}{char}{char.join(groups)}"
    elif style == "paren_cc":
        text = f"(+{cc}){char}{char.join(groups)}"
    else:  # intl
        text = f"+{cc}{char}{char.join(groups)}"
    if how == "fullwidth":
        text = "".join(FULLWIDTH.get(c, c) for c in text)
        tags.add("unicode.fullwidth")
    elif how == "arabic":
        table = PERSIAN if n.country_code == 93 else ARABIC_INDIC
        text = "".join(table.get(c, c) for c in text)
        tags.add("unicode.arabic_digits")
    elif how not in ("space", "none") and style not in ("e164", "msisdn"):
        tags.add(f"sep.{how}")
        if ord(max(char)) > 127:
            tags.add("unicode.sep")
    return text, tags


# ------------------------------------------------------------------ JSON


def tool_json(rng: random.Random, obj: Any, indent: bool | None = None) -> list[str | Pii | Benign]:
    """`obj` as JSON text, with Pii/Benign values put in place as labelled pieces (their text
    must need no escaping)."""
    marks: list[Pii | Benign] = []

    def swap(x: Any) -> Any:
        if isinstance(x, (Pii, Benign)):
            marks.append(x)
            return f"\ue000{len(marks) - 1}\ue001"
        if isinstance(x, tuple):  # (prefix, piece): a string value with a label after a prefix
            return x[0] + swap(x[1])
        if isinstance(x, dict):
            return {k: swap(v) for k, v in x.items()}
        if isinstance(x, list):
            return [swap(v) for v in x]
        return x

    pretty = rng.random() < 0.3 if indent is None else indent
    text = json.dumps(swap(obj), ensure_ascii=False, indent=2 if pretty else None)
    out: list[str | Pii | Benign] = []
    for i, chunk in enumerate(re.split("\ue000(\\d+)\ue001", text)):
        if i % 2:
            out.append(marks[int(chunk)])
        elif chunk:
            out.append(chunk)
    return out


# ------------------------------------------------------------------ look-alike makers


def ten_digits(rng: random.Random, phone_like: bool = True) -> str:
    """Ten digits; phone_like: ones a US phone validator would accept."""
    while True:
        d = rng.choice("23456789") + "".join(rng.choice("0123456789") for _ in range(9))
        if not phone_like or phonenumbers.is_valid_number(phonenumbers.parse(d, "US")):
            return d


def digits(rng: random.Random, count: int, first: str = "123456789") -> str:
    return rng.choice(first) + "".join(rng.choice("0123456789") for _ in range(count - 1))


def routing(rng: random.Random) -> str:
    """An ABA routing number: a real Fed district prefix and the 3-7-1 check digit."""
    head = f"{rng.choice([*range(1, 13), *range(21, 33)]):02d}" + digits(rng, 6, "0123456789")
    weights = (3, 7, 1, 3, 7, 1, 3, 7)
    total = sum(int(c) * w for c, w in zip(head, weights, strict=True))
    return head + str((10 - total % 10) % 10)


def imei(rng: random.Random) -> str:
    return luhn_number(rng, rng.choice(["35", "86", "01", "99"]), 15)


VIN_CHARS = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"
VIN_VALUES = dict(zip("ABCDEFGH", range(1, 9), strict=True))
VIN_VALUES |= dict(zip("JKLMN", range(1, 6), strict=True))
VIN_VALUES |= {"P": 7, "R": 9} | dict(zip("STUVWXYZ", range(2, 10), strict=True))
VIN_VALUES |= {str(d): d for d in range(10)}
VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def vin(rng: random.Random) -> str:
    wmi = rng.choice(["1HG", "1FT", "2T1", "3VW", "5YJ", "JHM", "WBA", "1G1", "KMH"])
    body = wmi + "".join(rng.choice(VIN_CHARS) for _ in range(5)) + "0"
    body += rng.choice("ABCDEFGHJKLMNPRSTVWXY") + rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789")
    body += "".join(rng.choice("0123456789") for _ in range(6))
    total = sum(VIN_VALUES[c] * w for c, w in zip(body, VIN_WEIGHTS, strict=True))
    check = "X" if total % 11 == 10 else str(total % 11)
    return body[:8] + check + body[9:]


def weight(text: str) -> int:
    """How many digits a said or written piece holds ("double five" two, "forty" two)."""
    tokens = re.findall(r"[a-z]+|\d", text.lower())
    total = 0
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if tok.isdigit() or tok in WORDS or tok == "oh":
            total += 1
        elif tok == "double":
            total += 1
        elif tok == "triple":
            total += 2
        elif tok in TEENS or tok == "hundred":
            total += 2
        elif tok in TENS:
            total += 1 if nxt in WORDS[1:] else 2
    return total


def once(row: Any) -> None:
    """Each label's text occurs once in its turn (else the row is drawn again)."""
    for key in ("pii", "negatives"):
        for label in getattr(row, key):
            if row.turns[label["turn"]]["content"].count(label["text"]) != 1:
                raise Retry(label["text"])
