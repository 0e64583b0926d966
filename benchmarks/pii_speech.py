"""Valid test numbers and the ways speech-to-text writes them, for benchmarks/pii_corpus.py.

Every number is valid by the check a real one passes: cards by Luhn (python-stdnum), phone
numbers by libphonenumber's metadata (`phonenumbers`, starting from its example numbers),
IBANs by their mod-97 check digits (python-stdnum). All choices come from the `random.Random`
passed in, so a seed gives the same text.
"""

from __future__ import annotations

import random
import re

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType
from stdnum import iban as _iban
from stdnum import luhn

WORDS = "zero one two three four five six seven eight nine".split()
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
# what ASR writes for a digit said on its own when it mishears it as a word
MISHEARD = {"4": ["for"], "2": ["to", "too"], "8": ["ate"], "0": ["o"]}

# card networks: (name, prefixes, lengths, grouping per length)
NETWORKS = {
    "visa": (["4"], [16], {16: (4, 4, 4, 4)}),
    "mastercard": (["51", "52", "53", "54", "55", "2221", "2720", "23"], [16], {16: (4, 4, 4, 4)}),
    "amex": (["34", "37"], [15], {15: (4, 6, 5)}),
    "discover": (["6011", "65", "644"], [16], {16: (4, 4, 4, 4)}),
    "maestro": (
        ["5018", "5020", "5038", "6304", "6759", "6761", "6763"],
        [16, 19],
        {16: (4, 4, 4, 4), 19: (4, 4, 4, 4, 3)},
    ),
}


def card(rng: random.Random, network: str) -> tuple[str, tuple[int, ...]]:
    """A Luhn-valid number of `network` and how a reader groups it."""
    prefixes, lengths, groups = NETWORKS[network]
    length = rng.choice(lengths)
    body = rng.choice(prefixes)
    body += "".join(rng.choice("0123456789") for _ in range(length - 1 - len(body)))
    return body + luhn.calc_check_digit(body), groups[length]


def luhn_number(rng: random.Random, prefix: str, length: int) -> str:
    body = prefix + "".join(rng.choice("0123456789") for _ in range(length - 1 - len(prefix)))
    return body + luhn.calc_check_digit(body)


def phone(rng: random.Random, region: str, mobile: bool) -> phonenumbers.PhoneNumber:
    """A valid number of `region`: its example number with random trailing digits."""
    kind = PhoneNumberType.MOBILE if mobile else PhoneNumberType.FIXED_LINE
    example = phonenumbers.example_number_for_type(region, kind)
    assert example is not None, region
    national = str(example.national_number)
    keep = max(3, len(national) - 5)
    for _ in range(200):
        tail = "".join(rng.choice("0123456789") for _ in range(len(national) - keep))
        candidate = phonenumbers.parse(f"+{example.country_code}{national[:keep]}{tail}")
        if phonenumbers.is_valid_number(candidate) and (
            region != "US" or not tail.startswith("01")  # 555-01xx: too obviously fictional
        ):
            return candidate
    return example


def us_ten_digits(rng: random.Random) -> str:
    """Ten digits a US phone validator accepts (for look-alike account ids too)."""
    while True:
        digits = rng.choice("23456789") + "".join(rng.choice("0123456789") for _ in range(9))
        if phonenumbers.is_valid_number(phonenumbers.parse(digits, "US")):
            return digits


def phone_groups(number: phonenumbers.PhoneNumber, national: bool) -> list[str]:
    """The digit groups of the number as written (national with its trunk prefix, or
    international without the country code)."""
    fmt = PhoneNumberFormat.NATIONAL if national else PhoneNumberFormat.INTERNATIONAL
    text = phonenumbers.format_number(number, fmt)
    groups = re.findall(r"\d+", text)
    return groups if national else groups[1:]


# IBAN templates: a real layout per country; digits are replaced and check digits recomputed
IBAN_LAYOUTS = {
    "GB": "GB00WEST12345698765432",
    "DE": "DE00370400440532013000",
    "FR": "FR0020041010050500013M02606",
    "ES": "ES0021000418450200051332",
    "NL": "NL00ABNA0417164300",
    "IT": "IT00X0542811101000000123456",
    "BE": "BE00096123456769",
    "AT": "AT001904300234573201",
    "CH": "CH0000762011623852957",
    "PL": "PL00109010140000071219812874",
    "IE": "IE00AIBK93115212345678",
    "PT": "PT00000201231234567890154",
}


def iban(rng: random.Random, country: str) -> str:
    layout = IBAN_LAYOUTS[country]
    for _ in range(500):
        bban = "".join(
            rng.choice("0123456789") if c.isdigit() and i > 7 else c
            for i, c in enumerate(layout[4:], start=4)
        )
        if country == "BE":  # its last two digits check the first ten (mod 97)
            bban = bban[:10] + f"{int(bban[:10]) % 97 or 97:02d}"
        number = country + _iban.calc_check_digits(country + "00" + bban) + bban
        if _iban.is_valid(number):
            return number
    raise AssertionError(country)


def ssn(rng: random.Random) -> str:
    area = rng.choice([a for a in range(1, 900) if a != 666])
    return f"{area:03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"


def group(digits: str, sizes: tuple[int, ...] | list[int]) -> list[str]:
    out, at = [], 0
    for size in sizes:
        out.append(digits[at : at + size])
        at += size
    if at < len(digits):
        out.append(digits[at:])
    return [g for g in out if g]


def two_digits(pair: str) -> str:
    """'45' -> 'forty five', '07' -> 'oh seven', '10' -> 'ten'."""
    if pair[0] == "0":
        return f"oh {WORDS[int(pair[1])]}"
    if pair[0] == "1":
        return TEENS[int(pair[1])]
    tens = TENS[int(pair[0])]
    return tens if pair[1] == "0" else f"{tens} {WORDS[int(pair[1])]}"


def words(
    digits: str, rng: random.Random, *, oh: float = 0.5, double: float = 0.0, misheard: float = 0.0
) -> str:
    """Digits said one by one: 'four one one one', with 'oh' for zero, 'double five',
    and ASR's mishearings ('for', 'to') at the given rates."""
    out: list[str] = []
    i = 0
    zero = "oh" if rng.random() < oh else "zero"
    while i < len(digits):
        d = digits[i]
        if i + 1 < len(digits) and digits[i + 1] == d and rng.random() < double:
            out.append(f"double {zero if d == '0' else WORDS[int(d)]}")
            i += 2
            continue
        if d in MISHEARD and d != "0" and rng.random() < misheard:
            out.append(rng.choice(MISHEARD[d]))
        else:
            out.append(zero if d == "0" else WORDS[int(d)])
        i += 1
    return " ".join(out)


def pairs(digits: str) -> str:
    """A group read as numbers: '4532' -> 'forty five thirty two', '2300' -> 'twenty three
    hundred', '555' -> 'five fifty five'."""
    if len(digits) == 4 and digits.endswith("00") and digits[0] != "0":
        return f"{two_digits(digits[:2]) if digits[0] != '0' else ''} hundred".strip()
    if len(digits) == 3 and digits[0] != "0":
        return f"{WORDS[int(digits[0])]} {two_digits(digits[1:])}"
    if len(digits) % 2:
        return f"{WORDS[int(digits[0])]} {pairs(digits[1:])}"
    return " ".join(two_digits(digits[i : i + 2]) for i in range(0, len(digits), 2))


def spell(text: str, rng: random.Random) -> str:
    """Letter by letter, digits as words: 'DE89 37' -> 'd e eight nine three seven'."""
    out = []
    for c in text.replace(" ", ""):
        out.append(WORDS[int(c)] if c.isdigit() else c.lower())
    return " ".join(out)
