"""How callers and speech-to-text say numbers, for the dev7 part (benchmarks/pii_dev7*.py).

Written by someone who had not read the rules: the ways below are what a phone line hears
(digits one by one, pairs and tens, "hundred", "double"/"triple", "oh", homophones the
recogniser writes for a lone digit: "for", "to", "ate", "won") and what a smart-formatting
recogniser or a caller's keyboard writes (groups with spaces, dashes, dots, slashes,
parentheses). Every choice comes from the `random.Random` passed in.
"""

from __future__ import annotations

import random
import re

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType
from pii_speech import TEENS, TENS, WORDS, luhn_number, phone

# a lone digit as the recogniser sometimes writes it
SLIP = {"4": "for", "2": "to", "8": "ate", "1": "won"}

# regions: (code, national numbers begin with a trunk 0 or not)
REGIONS = (
    *("GB", "DE", "FR", "AU", "NZ", "IE", "NL", "BE", "AT", "CH", "SE", "FI", "JP", "KR"),
    *("IN", "ZA", "NG", "KE", "EG", "TR", "BR", "PK", "PH", "TH", "MY", "ID", "IL", "UA"),
    *("US", "CA", "NO", "DK", "ES", "PT", "PL", "GR", "SG", "HK", "CZ", "MX", "IT"),
)


def digit(d: str, zero: str, rng: random.Random, slip: float) -> str:
    if d in SLIP and rng.random() < slip:
        return SLIP[d]
    return zero if d == "0" else WORDS[int(d)]


def ones(digits: str, rng: random.Random, *, slip: float = 0.0, runs: float = 0.0) -> str:
    """One by one; "oh" or "zero" (mixed at times); "double"/"triple" for runs."""
    out: list[str] = []
    mixed = rng.random() < 0.2
    zero = rng.choice(["oh", "zero"])
    i = 0
    while i < len(digits):
        d = digits[i]
        z = rng.choice(["oh", "zero"]) if mixed else zero
        if digits[i : i + 3] == d * 3 and rng.random() < runs:
            out.append(f"triple {z if d == '0' else WORDS[int(d)]}")
            i += 3
        elif digits[i : i + 2] == d * 2 and rng.random() < runs:
            out.append(f"double {z if d == '0' else WORDS[int(d)]}")
            i += 2
        else:
            out.append(digit(d, z, rng, slip))
            i += 1
    return " ".join(out)


def tens(pair: str) -> str:
    if pair[0] == "0":
        return f"oh {WORDS[int(pair[1])]}"
    if pair[0] == "1":
        return TEENS[int(pair[1])]
    return TENS[int(pair[0])] + ("" if pair[1] == "0" else f" {WORDS[int(pair[1])]}")


def chunk(digits: str, rng: random.Random, slip: float = 0.0) -> str:
    """A group as a person reads it: "five hundred", "twenty one forty", "oh two oh"."""
    if len(digits) == 3 and digits[0] != "0" and digits[1:] == "00":
        return f"{WORDS[int(digits[0])]} hundred"
    if len(digits) == 4 and digits[2:] == "00" and digits[0] != "0" and rng.random() < 0.7:
        return f"{tens(digits[:2])} hundred"
    if len(digits) == 4 and digits[1:] == "000" and digits[0] != "0":
        return f"{WORDS[int(digits[0])]} thousand"
    if len(digits) == 2 and digits[0] != "0" and rng.random() < 0.6:
        return tens(digits)
    if len(digits) == 4 and digits[0] != "0" and rng.random() < 0.5:
        return f"{tens(digits[:2])} {tens(digits[2:])}"
    if len(digits) == 3 and digits[0] != "0" and rng.random() < 0.3:
        return f"{WORDS[int(digits[0])]} {tens(digits[1:])}"
    return ones(digits, rng, slip=slip, runs=0.4)


def spoken(groups: list[str], rng: random.Random, style: str, slip: float = 0.0) -> str:
    """Groups said in `style`: ones, mixed (chunks), runs (double/triple), written."""
    if style == "written":
        sep = rng.choice([" ", " ", "-"])
        return sep.join(groups)
    if style == "ones":
        return " ".join(ones(g, rng, slip=slip) for g in groups)
    if style == "runs":
        return " ".join(ones(g, rng, slip=slip, runs=0.9) for g in groups)
    return " ".join(chunk(g, rng, slip) for g in groups)


# North American callers: real area codes (the library's example numbers all start 201 / 506)
AREA = {
    "US": ["312", "415", "646", "713", "404", "617", "206", "303", "512", "702", "919", "305"],
    "CA": ["416", "604", "514", "403", "613", "902", "780", "204"],
}


def number(rng: random.Random, region: str) -> phonenumbers.PhoneNumber:
    if region in AREA:
        area = rng.choice(AREA[region])
        while True:
            rest = rng.choice("23456789") + "".join(rng.choice("0123456789") for _ in range(6))
            if rest[1:3] == "11" or rest.startswith("555"):
                continue
            candidate = phonenumbers.parse(f"+1{area}{rest}")
            if phonenumbers.is_valid_number_for_region(candidate, region):
                return candidate
    mobile = rng.random() < 0.6
    # more of the number drawn than pii_speech.phone draws (it keeps all but five digits of
    # the library's example): a region's numbers do not all share one long prefix
    example = phone(rng, region, mobile)
    national = phonenumbers.national_significant_number(example)  # Italy's leading 0 too
    want = (
        {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE}
        if mobile
        else {
            PhoneNumberType.FIXED_LINE,
            PhoneNumberType.FIXED_LINE_OR_MOBILE,
        }
    )
    for _ in range(300):
        keep = rng.choice([1, 2, 2, 3])
        tail = "".join(rng.choice("0123456789") for _ in range(len(national) - keep))
        candidate = phonenumbers.parse(f"+{example.country_code}{national[:keep]}{tail}")
        if (
            phonenumbers.is_valid_number_for_region(candidate, region)
            and phonenumbers.number_type(candidate) in want
        ):
            return candidate
    raise AssertionError(region)


def groups_of(num: phonenumbers.PhoneNumber, national: bool) -> list[str]:
    fmt = PhoneNumberFormat.NATIONAL if national else PhoneNumberFormat.INTERNATIONAL
    found = re.findall(r"\d+", phonenumbers.format_number(num, fmt))
    return found if national else found[1:]


def national_digits(num: phonenumbers.PhoneNumber) -> str:
    return "".join(groups_of(num, True))


def typed(num: phonenumbers.PhoneNumber, rng: random.Random) -> str:
    """A number as a caller types it in chat: dots, slashes, parentheses, or bare."""
    cc = str(num.country_code)
    groups = groups_of(num, national=rng.random() < 0.5)
    intl = groups != groups_of(num, True)
    style = rng.choice(["dots", "slash", "parens", "bare", "dashes", "spaces"])
    head = f"+{cc} " if intl else ""
    if intl and rng.random() < 0.3:
        head = f"00{cc} "
    if style == "dots":
        return head + ".".join(groups)
    if style == "slash":
        return head + groups[0] + "/" + " ".join(groups[1:])
    if style == "parens" and len(groups) > 1:
        return head + f"({groups[0]}) " + " ".join(groups[1:])
    if style == "bare":
        return head.strip() + "".join(groups)
    if style == "dashes":
        return head + "-".join(groups)
    return head + " ".join(groups)


# cards: network -> (prefixes, length, groupings a reader uses)
CARDS = {
    "visa": (["4"], 16, [(4, 4, 4, 4)]),
    "mastercard": (["51", "53", "55", "2221", "2720", "26"], 16, [(4, 4, 4, 4)]),
    "amex": (["34", "37"], 15, [(4, 6, 5)]),
    "discover": (["6011", "65", "644", "649"], 16, [(4, 4, 4, 4)]),
    "diners": (["36", "300", "305"], 14, [(4, 6, 4)]),
    "jcb": (["3528", "3566", "3589"], 16, [(4, 4, 4, 4)]),
    "unionpay": (["62"], 16, [(4, 4, 4, 4)]),
    "maestro": (["6759", "5018", "6304"], 19, [(4, 4, 4, 4, 3)]),
}


def card(rng: random.Random, network: str) -> tuple[str, tuple[int, ...]]:
    prefixes, length, groupings = CARDS[network]
    return luhn_number(rng, rng.choice(prefixes), length), rng.choice(groupings)


def cut(digits: str, sizes: tuple[int, ...] | list[int]) -> list[str]:
    out, at = [], 0
    for size in sizes:
        out.append(digits[at : at + size])
        at += size
    if at < len(digits):
        out.append(digits[at:])
    return [g for g in out if g]


def regroup(digits: str, rng: random.Random, usual: tuple[int, ...]) -> list[str]:
    """How the caller groups a card: as printed, in pairs, in threes, none, or unevenly."""
    how = rng.choice(["usual", "usual", "pairs", "threes", "none", "uneven"])
    if how == "usual":
        return cut(digits, usual)
    if how == "pairs":
        return cut(digits, [2] * 10)
    if how == "threes":
        return cut(digits, [3] * 7)
    if how == "none":
        return [digits]
    sizes, left = [], len(digits)
    while left > 0:
        size = min(left, rng.choice([3, 4, 5, 6]))
        sizes.append(size)
        left -= size
    return cut(digits, sizes)
