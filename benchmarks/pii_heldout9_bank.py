"""heldout9's IBANs (valid check digits, and the national check where python-stdnum has
one), letters said plainly, in NATO words or "as in", and SSNs, ITINs and EINs."""

from __future__ import annotations

import random

from pii_heldout9_kit import group, pattern, pick
from stdnum import iban as stdiban

# ---- IBANs --------------------------------------------------------------------------------

# country: BBAN shape ('#' digit, '@' letter, '*' digit or letter), fixed bank codes to pick
IBAN_SHAPES: dict[str, tuple[str, tuple[str, ...]]] = {
    "DE": ("########" + "##########", ()),
    "FR": ("##########" + "*##########" + "##", ()),
    "ES": ("####" + "####" + "##" + "##########", ()),
    "IT": ("@" + "##########" + "############", ()),
    "NL": ("@@@@##########", ("ABNA", "INGB", "RABO", "TRIO", "KNAB", "BUNQ", "SNSB")),
    "BE": ("############", ()),
    "AT": ("################", ()),
    "CH": ("#####" + "############", ()),
    "IE": ("@@@@##############", ("AIBK", "BOFI", "IPBS", "ULSB")),
    "GB": ("@@@@##############", ("NWBK", "BARC", "LOYD", "MIDL", "HBUK", "MONZ", "SRLG")),
    "PT": ("#####################", ()),
    "PL": ("########################", ()),
    "SE": ("####################", ()),
    "NO": ("###########", ()),
    "DK": ("##############", ()),
    "FI": ("##############", ()),
    "HR": ("#################", ()),
    "GR": ("#######" + "################", ()),
    "SA": ("##" + "##################", ()),
    "AE": ("###" + "################", ()),
    "LU": ("###" + "#############", ()),
    "CZ": ("####################", ()),
    "IL": ("###################", ()),
    "EE": ("################", ()),
}


def make_iban(rng: random.Random, country: str) -> str:
    """A valid IBAN of `country` (check digits, and the national check where stdnum has one)."""
    shape, banks = IBAN_SHAPES[country]
    for _ in range(5000):
        bban = pattern(rng, shape.replace("*", "#"))
        if banks:
            bban = pick(rng, banks) + bban[4:]
        draft = country + "00" + bban
        number = country + stdiban.calc_check_digits(draft) + bban
        if stdiban.is_valid(number):
            return number
    raise RuntimeError(country)


def iban_groups(number: str) -> list[str]:
    return [number[i : i + 4] for i in range(0, len(number), 4)]


# fmt: off
NATO = {
    "A": "alpha", "B": "bravo", "C": "charlie", "D": "delta", "E": "echo", "F": "foxtrot",
    "G": "golf", "H": "hotel", "I": "india", "J": "juliet", "K": "kilo", "L": "lima", "M": "mike",
    "N": "november", "O": "oscar", "P": "papa", "Q": "quebec", "R": "romeo", "S": "sierra",
    "T": "tango", "U": "uniform", "V": "victor", "W": "whiskey", "X": "x-ray", "Y": "yankee",
    "Z": "zulu",
}
# fmt: on
# fmt: off
AS_IN = {
    "A": "apple", "B": "boy", "C": "cat", "D": "dog", "E": "edward", "F": "frank", "G": "george",
    "H": "henry", "I": "ida", "J": "john", "K": "king", "L": "larry", "M": "mary", "N": "nancy",
    "O": "ocean", "P": "peter", "Q": "queen", "R": "robert", "S": "sam", "T": "tom", "U": "uncle",
    "V": "victor", "W": "william", "X": "xavier", "Y": "yellow", "Z": "zebra",
}
# fmt: on


def letters(text: str, rng: random.Random, how: str) -> str:
    """Letters said one by one: plain, NATO words, or "d as in dog"."""
    out = []
    for ch in text:
        if how == "nato":
            out.append(NATO[ch.upper()])
        elif how == "as_in":
            out.append(f"{ch.lower()} as in {AS_IN[ch.upper()]}")
        else:
            out.append(ch.lower())
    return " ".join(out)


def said_iban(number: str, rng: random.Random, how: str, style: str) -> str:
    """An IBAN said: letters in `how`, digit groups of four in `style`, groups with commas."""
    parts = []
    for g in iban_groups(number):
        words = []
        run = ""
        for ch in g + " ":
            if ch.isdigit():
                run += ch
                continue
            if run:
                words.append(group(run, rng, style))
                run = ""
            if ch.isalpha():
                words.append(letters(ch, rng, how))
        parts.append(" ".join(words))
    sep = pick(rng, (", ", " ", ", ", "... "))
    return sep.join(parts)


# ---- SSNs ---------------------------------------------------------------------------------


def make_ssn(rng: random.Random) -> str:
    while True:
        area = rng.randrange(1, 900)
        if area == 666:
            continue
        ssn = f"{area:03d}-{rng.randrange(1, 100):02d}-{rng.randrange(1, 10000):04d}"
        if ssn not in ("078-05-1120", "123-45-6789", "219-09-9999"):
            return ssn


def make_itin(rng: random.Random) -> str:
    middle = pick(rng, ("70", "78", "83", "88", "92"))
    return f"9{rng.randrange(100):02d}-{middle}-{rng.randrange(10000):04d}"


def make_ein(rng: random.Random) -> str:
    prefix = pick(rng, ("20", "27", "45", "46", "47", "81", "82", "83", "84", "88", "91"))
    return f"{prefix}-{rng.randrange(1000000, 9999999)}"
