"""How the callers of the fourth held-out part (benchmarks/pii_heldout4.py) say and type numbers.

Written apart from the rules and from every other part's generator: its own digit readers
(one by one with "oh"/"zero", "double"/"triple", the homophones ASR writes for a lone digit,
pairs and hundreds, a group repeated after a slip), its own vocabulary of domains, callers'
names, phone regions, email providers and IBAN countries. All choices come from the
`random.Random` passed in.
"""

from __future__ import annotations

import random

from pii_speech import WORDS, two_digits
from stdnum import iban as _iban

# homophones ASR writes for a digit said on its own
SOUNDS = {"4": ["for", "four"], "2": ["to", "two", "too"], "8": ["ate", "eight"], "0": ["oh"]}
NATO = {
    "a": "alpha", "b": "bravo", "c": "charlie", "d": "delta", "e": "echo", "f": "foxtrot",
    "g": "golf", "h": "hotel", "i": "india", "j": "juliet", "k": "kilo", "l": "lima",
    "m": "mike", "n": "november", "o": "oscar", "p": "papa", "q": "quebec", "r": "romeo",
    "s": "sierra", "t": "tango", "u": "uniform", "v": "victor", "w": "whiskey", "x": "x-ray",
    "y": "yankee", "z": "zulu",
}  # fmt: skip
# "m as in ..." the way people who do not know the alphabet pick a word
AS_IN = {
    "a": ["apple", "alpha"], "b": ["boy", "bravo"], "c": ["cat", "charlie"], "d": ["david", "dog"],
    "e": ["edward", "echo"], "f": ["frank", "fox"], "g": ["george", "golf"],
    "h": ["harry", "hotel"], "i": ["ice", "india"], "j": ["john", "jam"], "k": ["king", "kilo"],
    "l": ["london", "lima"], "m": ["mary", "mike"], "n": ["nancy", "nora"],
    "o": ["orange", "oscar"], "p": ["peter", "paul"], "q": ["queen"], "r": ["robert", "roger"],
    "s": ["sam", "sugar"], "t": ["tom", "tango"], "u": ["umbrella", "uncle"],
    "v": ["victor", "violet"], "w": ["william", "water"], "x": ["xylophone"], "y": ["yellow"],
    "z": ["zebra"],
}  # fmt: skip

# fillers a caller drops between the pieces of a number (raw ASR, lower case)
GAPS = [
    " ", " ", " ", " uh ", " um ", " erm ", " and then ", " okay ", " right ", " yeah ",
    " hang on ", " one sec ", " let me see ", " next one is ", " then ", " you got that ",
    " hmm ", " mm ", " after that ", " oh wait ", " so ", " ah ",
]  # fmt: skip
SLIPS = [" no sorry ", " wait no ", " sorry i mean ", " scratch that ", " no no ", " my bad "]


def spoken(digits: str, rng: random.Random, *, zero: str | None = None, repeat: float = 0.3,
           sound: float = 0.15) -> str:  # fmt: skip
    """Digits one by one: 'oh'/'zero', 'double'/'triple', homophones."""
    zero = zero or rng.choice(["oh", "zero", "oh", "o"])
    out: list[str] = []
    i = 0
    while i < len(digits):
        d = digits[i]
        word = zero if d == "0" else WORDS[int(d)]
        run = 1
        while i + run < len(digits) and digits[i + run] == d:
            run += 1
        if run >= 3 and rng.random() < repeat:
            out.append(f"triple {word}")
            i += 3
            continue
        if run >= 2 and rng.random() < repeat:
            out.append(f"double {word}")
            i += 2
            continue
        if d in SOUNDS and d != "0" and rng.random() < sound:
            out.append(rng.choice(SOUNDS[d]))
        else:
            out.append(word)
        i += 1
    return " ".join(out)


def paired(digits: str, rng: random.Random) -> str:
    """A group as numbers: '4532' -> 'forty five thirty two', '1900' -> 'nineteen hundred',
    '705' -> 'seven oh five'."""
    if len(digits) == 4 and digits.endswith("00") and digits[0] != "0":
        return f"{two_digits(digits[:2])} hundred"
    if len(digits) % 2:
        head = "oh" if digits[0] == "0" else WORDS[int(digits[0])]
        return f"{head} {paired(digits[1:], rng)}".strip() if len(digits) > 1 else head
    return " ".join(two_digits(digits[i : i + 2]) for i in range(0, len(digits), 2))


def group_text(digits: str, rng: random.Random, style: str) -> str:
    if style == "digits":
        return digits
    if style == "pairs":
        return paired(digits, rng)
    if style == "mixed":
        return group_text(digits, rng, rng.choice(["digits", "pairs", "words"]))
    return spoken(digits, rng)


def read_groups(groups: list[str], rng: random.Random, *, style: str = "", gaps: float = 0.4,
                slip: float = 0.0) -> str:  # fmt: skip
    """Groups one after the other, with fillers between some and maybe a slip corrected."""
    style = style or rng.choice(["digits", "words", "words", "pairs", "mixed"])
    slipped = rng.randrange(len(groups)) if rng.random() < slip else -1
    out = ""
    for i, g in enumerate(groups):
        if i:
            out += rng.choice(GAPS) if rng.random() < gaps else " "
        if i == slipped:
            at = rng.randrange(len(g))
            wrong = g[:at] + str((int(g[at]) + rng.randint(1, 8)) % 10) + g[at + 1 :]
            out += group_text(wrong, rng, style) + rng.choice(SLIPS)
        out += group_text(g, rng, style)
    return out


def split_as(digits: str, sizes: list[int]) -> list[str]:
    out, at = [], 0
    for size in sizes:
        out.append(digits[at : at + size])
        at += size
    if at < len(digits):
        out.append(digits[at:])
    return [g for g in out if g]


def letters(text: str, rng: random.Random, how: str) -> str:
    """Letters spelled: 'k z' / 'kilo zulu' / 'k as in king z as in zebra'."""
    out = []
    for c in text.lower():
        if c.isdigit():
            out.append(WORDS[int(c)])
        elif how == "nato":
            out.append(NATO[c])
        elif how == "as_in":
            out.append(f"{c} as in {rng.choice(AS_IN[c])}")
        else:
            out.append(c)
    return " ".join(out)


# typed text: what phone keyboards and copy-paste put between and inside numbers
FULLWIDTH = {str(d): chr(0xFF10 + d) for d in range(10)}
TYPED_SEPS = [" ", "-", "\u00a0", "\u2009", "\u2013", "\u200b", " ", ".", "\u2009", "\u00a0"]


def typed(groups: list[str], rng: random.Random, *, wide: float = 0.15) -> tuple[str, set[str]]:
    """Groups joined the way a phone keyboard or a paste writes them; the Unicode used."""
    sep = rng.choice(TYPED_SEPS)
    used = set()
    text = sep.join(groups)
    if rng.random() < wide:
        text = "".join(FULLWIDTH.get(c, c) for c in text)
        used.add("unicode.fullwidth")
    names = {"\u00a0": "unicode.nbsp", "\u2009": "unicode.thin", "\u2013": "unicode.dash"}
    names["\u200b"] = "unicode.zero_width"
    if sep in names and len(groups) > 1:
        used.add(names[sep])
    return text, used


# IBAN layouts of this part's countries (real formats; digits replaced, check digits redone)
IBANS = {
    "HU": "HU42117730161111101800000000",
    "SK": "SK3112000000198742637541",
    "SI": "SI56263300012039086",
    "BG": "BG80BNBG96611020345678",
    "CY": "CY17002001280000001200527600",
    "MT": "MT84MALT011000012345MTLCAST001S",
    "TR": "TR330006100519786457841326",
    "AE": "AE070331234567890123456",
    "QA": "QA58DOHB00001234567890ABCDEFG",
    "JO": "JO94CBJO0010000000000131000302",
    "MU": "MU17BOMM0101101030300200000MUR",
    "AZ": "AZ21NABZ00000000137010001944",
    "MD": "MD24AG000225100013104168",
    "BA": "BA391290079401028494",
    "AL": "AL47212110090000000235698741",
    "KZ": "KZ86125KZT5004100100",
}


def iban_of(rng: random.Random, country: str) -> str:
    layout = IBANS[country]
    for _ in range(500):
        bban = "".join(
            rng.choice("0123456789") if c.isdigit() and i > 8 else c
            for i, c in enumerate(layout[4:], start=4)
        )
        number = country + _iban.calc_check_digits(country + "00" + bban) + bban
        if _iban.is_valid(number):
            return number
    raise AssertionError(country)


def say_iban(number: str, rng: random.Random, *, head: bool = True) -> str:
    """An IBAN (or its tail, head=False) read aloud: letters plain, NATO or 'as in', the rest
    in groups of four."""
    how = rng.choice(["plain", "plain", "nato", "as_in"])
    rest = number[2:] if head else number
    pieces = [rest[i : i + 4] for i in range(0, len(rest), 4)]
    out = [letters(number[:2], rng, how)] if head else []
    style = rng.choice(["words", "digits", "mixed", "pairs"])
    for piece in pieces:
        chunk = []
        for run in _runs(piece):
            if run.isdigit():
                chunk.append(group_text(run, rng, style))
            else:
                chunk.append(letters(run, rng, how))
        out.append(" ".join(chunk))
    joined = out[0]
    for piece in out[1:]:
        joined += rng.choice(GAPS) if rng.random() < 0.25 else " "
        joined += piece
    return joined


def _runs(text: str) -> list[str]:
    out: list[str] = []
    for c in text:
        if out and out[-1][-1].isdigit() == c.isdigit():
            out[-1] += c
        else:
            out.append(c)
    return out
