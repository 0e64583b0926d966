"""dev12's numbers: valid phones of 25 regions, SSNs, ITINs, EINs, Luhn-valid cards and
look-alikes, IBANs with valid check digits, and personal email addresses; and the ways each
is typed or said. Random draws checked with phonenumbers / python-stdnum (never the libraries'
example numbers, which other parts use).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType
from pii_dev12_kit import FIRST, LAST, digits, pick, speak, split, words
from pii_rows import maybe
from stdnum import iban as stdiban
from stdnum import luhn
from stdnum.es import ccc as escc
from stdnum.us import ein as stdein
from stdnum.us import itin as stditin
from stdnum.us import ssn as stdssn

AREAS = {
    "US": (
        *("206", "213", "267", "303", "305", "312", "347", "404", "414", "469", "480", "502"),
        *("503", "512", "602", "612", "615", "617", "651", "702", "713", "720", "773", "801"),
        *("813", "817", "832", "904", "908", "916", "919", "971", "978", "985"),
    ),
    "CA": ("204", "236", "306", "403", "416", "438", "514", "587", "604", "613", "647", "709"),
}
TOLL_FREE = ("800", "833", "844", "855", "866", "877", "888")
# regions beside the US and Canada (about half of the phones are North American)
ABROAD = (
    *("GB", "IE", "AU", "NZ", "IN", "PH", "MX", "BR", "CO", "DE", "FR", "ES"),
    *("IT", "NL", "PL", "CH", "ZA", "NG", "JP", "SG", "AE", "IL", "SE"),
)
_OK_TYPES = (
    PhoneNumberType.MOBILE,
    PhoneNumberType.FIXED_LINE,
    PhoneNumberType.FIXED_LINE_OR_MOBILE,
)


@dataclass(frozen=True)
class Phone:
    region: str
    cc: str
    intl: str  # "+44 7411 203958"
    national: str  # "07411 203958"

    @property
    def groups(self) -> list[str]:
        """The groups after the country code."""
        return re.split(r"[ -]+", self.intl.split(" ", 1)[1])

    @property
    def nat_groups(self) -> list[str]:
        return [g for g in re.split(r"[ ()-]+", self.national) if g]

    @property
    def e164(self) -> str:
        return "+" + self.cc + "".join(self.groups)

    @property
    def nanp(self) -> bool:
        return self.cc == "1"


def _parse(text: str, region: str) -> Phone | None:
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    if phonenumbers.region_code_for_number(number) != region:
        return None
    if phonenumbers.number_type(number) not in (*_OK_TYPES, PhoneNumberType.TOLL_FREE):
        return None
    return Phone(
        region,
        str(number.country_code),
        phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL),
        phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL),
    )


def phone(rng: random.Random, region: str, *, landline: bool = False) -> Phone:
    """A valid number of `region`, drawn at random (a person's mobile, or a landline)."""
    for _ in range(400):
        if region in AREAS:
            exchange = digits(rng, 3, lead="23456789")
            if exchange[1:] == "11" or exchange == "555":
                continue
            text = f"+1{pick(rng, AREAS[region])}{exchange}{digits(rng, 4, lead='0123456789')}"
        else:
            kind = PhoneNumberType.FIXED_LINE if landline else PhoneNumberType.MOBILE
            example = phonenumbers.example_number_for_type(region, kind)
            assert example is not None
            nsn = phonenumbers.format_number(example, PhoneNumberFormat.E164)[
                1 + len(str(example.country_code)) :
            ]
            keep = max(1, len(nsn) - 7)
            tail = digits(rng, len(nsn) - keep, lead="0123456789")
            text = f"+{example.country_code}{nsn[:keep]}{tail}"
        found = _parse(text, region)
        if found and found.e164 == text:
            return found
    raise RuntimeError(f"no valid number for {region}")


def toll_free(rng: random.Random) -> Phone:
    for _ in range(400):
        text = f"+1{pick(rng, TOLL_FREE)}{digits(rng, 3, lead='23456789')}{digits(rng, 4)}"
        found = _parse(text, "US")
        if found:
            return found
    raise RuntimeError("no toll-free number")


def person_region(rng: random.Random) -> str:
    """About half North American, the rest spread over 23 regions."""
    if maybe(rng, 0.6):
        return "US" if maybe(rng, 0.75) else "CA"
    return pick(rng, ABROAD)


def phone_typed(rng: random.Random, p: Phone) -> tuple[str, str]:
    """(text, style) of a number as a smart formatter or a typist writes it."""
    if p.nanp:
        a, b, c = p.groups
        style = pick(rng, ("parens", "dashes", "dots", "spaces", "one", "plus", "run", "e164"))
        text = {
            "parens": f"({a}) {b}-{c}",
            "dashes": f"{a}-{b}-{c}",
            "dots": f"{a}.{b}.{c}",
            "spaces": f"{a} {b} {c}",
            "one": f"1-{a}-{b}-{c}",
            "plus": f"+1 {a} {b} {c}",
            "run": f"{a}{b}{c}",
            "e164": p.e164,
        }[style]
        return text, style
    style = pick(rng, ("intl", "intl", "national", "e164", "dashed"))
    text = {
        "intl": p.intl,
        "national": p.national,
        "e164": p.e164,
        "dashed": f"+{p.cc}-" + "-".join(p.groups),
    }[style]
    return text, style


def phone_said(rng: random.Random, p: Phone, *, smart: bool) -> tuple[str, str, str]:
    """(words before the label, label text, style) of a number said aloud. A spoken "plus",
    "double oh" or "oh one one" stays outside the label; the country code is inside."""
    how = pick(rng, ("words", "words", "mixed", "pairs"))
    if p.nanp:
        groups = p.groups
        style = pick(rng, ("groups", "groups", "one", "area_words", "hundred"))
        if style == "one":
            return "", "one " + " ".join(speak(g, rng, how) for g in groups), "phone.say.one"
        if style == "area_words":  # "four fifteen" for 415
            area = groups[0]
            head = f"{ONE_DIGIT[int(area[0])]} {_two_words(area[1:], rng)}"
            rest = " ".join(speak(g, rng, how) for g in groups[1:])
            return "", f"{head} {rest}", "phone.say.area_number"
        if style == "hundred" and groups[2].endswith("00"):
            tail = speak(groups[2], rng, "pairs")
            return (
                "",
                f"{speak(groups[0], rng)} {speak(groups[1], rng)} {tail}",
                "phone.say.hundred",
            )
        joint = ", " if smart and maybe(rng, 0.5) else " "
        return "", joint.join(speak(g, rng, how) for g in groups), "phone.say.groups"
    lead = pick(rng, ("plus", "plus", "double_oh", "national", "oh_one_one"))
    if lead == "national":
        return "", " ".join(speak(g, rng, how) for g in p.nat_groups), "phone.say.national"
    before = {"plus": "plus ", "double_oh": "double oh ", "oh_one_one": "oh one one "}[lead]
    body = words(p.cc, rng) + " " + " ".join(speak(g, rng, how) for g in p.groups)
    return before, body, f"phone.intl.{lead}"


ONE_DIGIT = ("oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def _two_words(s: str, rng: random.Random) -> str:
    return speak(s, rng, "pairs")


# -- SSN and its look-alikes


def ssn(rng: random.Random) -> str:
    while True:
        s = f"{rng.randrange(1, 900):03d}{rng.randrange(1, 100):02d}{rng.randrange(1, 10000):04d}"
        if stdssn.is_valid(s) and s[:3] not in ("123", "078", "219"):
            return s


def itin(rng: random.Random) -> str:
    while True:
        s = f"9{rng.randrange(100):02d}{pick(rng, (50, 57, 63, 70, 74, 78, 83, 88, 90, 94, 97))}"
        s += f"{rng.randrange(1, 10000):04d}"
        if stditin.is_valid(s):
            return s


def ein(rng: random.Random) -> str:
    while True:
        s = f"{pick(rng, (27, 38, 45, 46, 47, 81, 82, 83, 84, 86, 87, 88, 92, 93))}"
        s += digits(rng, 7, lead="0123456789")
        if stdein.is_valid(s):
            return s


def ssn_typed(rng: random.Random, s: str) -> tuple[str, str]:
    a, b, c = split(s, (3, 2, 4))
    style = pick(rng, ("dashes", "dashes", "spaces", "run", "dots", "spaced_dashes", "slashes"))
    text = {
        "dashes": f"{a}-{b}-{c}",
        "spaces": f"{a} {b} {c}",
        "run": s,
        "dots": f"{a}.{b}.{c}",
        "spaced_dashes": f"{a} - {b} - {c}",
        "slashes": f"{a}/{b}/{c}",
    }[style]
    return text, style


def ssn_said(rng: random.Random, s: str, *, smart: bool) -> tuple[str, str]:
    """(label text, style) of an SSN said aloud."""
    groups = split(s, (3, 2, 4))
    style = pick(rng, ("words", "dash", "hyphen", "pairs", "mixed", "run_words", "digits"))
    if style == "digits" and smart:
        return pick(rng, (", ", " ", "-")).join(groups), "said.digits"
    if style == "dash":
        return " dash ".join(words(g, rng) for g in groups), "said.dash"
    if style == "hyphen":
        return " hyphen ".join(words(g, rng) for g in groups), "said.hyphen"
    if style == "pairs":
        return " ".join(speak(g, rng, "pairs") for g in groups), "said.pairs"
    if style == "run_words":
        return words(s, rng), "said.run"
    joint = ", " if smart else " "
    return joint.join(speak(g, rng, "mixed") for g in groups), "said.words"


# -- cards and Luhn-valid numbers that are not cards

NETWORKS: dict[str, tuple[tuple[str, ...], int]] = {
    "visa": (("4",), 16),
    "mastercard": (("51", "52", "53", "54", "55", "2221", "2389", "2506", "2720"), 16),
    "amex": (("34", "37"), 15),
    "discover": (("6011", "644", "65"), 16),
    "jcb": (("3528", "3541", "3566", "3589"), 16),
    "diners": (("36", "3095"), 14),
    "unionpay": (("6212", "6229", "6250"), 19),
    "maestro": (("5018", "6304", "6759"), 19),
}


def luhn_number(rng: random.Random, prefix: str, n: int) -> str:
    body = prefix + digits(rng, n - len(prefix) - 1, lead="0123456789")
    return body + luhn.calc_check_digit(body)


def card(rng: random.Random, network: str) -> str:
    prefixes, n = NETWORKS[network]
    if network == "visa" and maybe(rng, 0.08):
        n = 13
    return luhn_number(rng, pick(rng, prefixes), n)


def card_groups(number: str) -> list[str]:
    n = len(number)
    sizes = {15: (4, 6, 5), 14: (4, 6, 4), 13: (4, 3, 3, 3), 19: (4, 4, 4, 4, 3)}.get(
        n, (4, 4, 4, 4)
    )
    return split(number, sizes)


# -- IBANs

IBAN_BANKS = {
    "GB": ("NWBK", "BARC", "LOYD", "HBUK", "MIDL"),
    "IE": ("AIBK", "BOFI", "IPBS"),
    "NL": ("ABNA", "INGB", "RABO", "SNSB"),
    "RO": ("BTRL", "RNCB", "BRDE"),
    "LV": ("HABA", "PARX"),
}
IBAN_COUNTRIES = (
    *("DE", "FR", "ES", "IT", "NL", "GB", "IE", "PL", "PT", "AT", "CH", "SE"),
    *("DK", "FI", "GR", "HR", "RO", "AE", "TR", "LT", "CZ", "SK", "SI", "LV"),
)


def iban(rng: random.Random, cc: str) -> str:
    structure = stdiban._ibandb.info(cc + "00")[0][1]["bban"]
    for _ in range(200):
        bban = ""
        for n, kind in re.findall(r"(\d+)!([nac])", structure):
            if kind == "a" and cc in IBAN_BANKS and not bban:
                bban += pick(rng, IBAN_BANKS[cc])[: int(n)]
            elif kind == "a":
                bban += "".join(pick(rng, "ABCDEFGHJKLMNPRSTUVWXZ") for _ in range(int(n)))
            else:  # "c" drawn as digits: what most banks issue
                bban += digits(rng, int(n), lead="0123456789")
        if cc == "ES":  # the Spanish account number carries its own two check digits
            bban = bban[:8] + escc.calc_check_digits(bban) + bban[10:]
        check = stdiban.calc_check_digits(cc + "00" + bban)
        number = cc + check + bban
        if stdiban.is_valid(number):
            return number
    raise RuntimeError(cc)


def iban_grouped(number: str) -> str:
    return " ".join(number[i : i + 4] for i in range(0, len(number), 4))


_NATO = (
    "alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike november"
    " oscar papa quebec romeo sierra tango uniform victor whiskey x-ray yankee zulu"
)
NATO = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", _NATO.split(), strict=True))


def iban_said(rng: random.Random, number: str) -> tuple[str, str]:
    """(label text, style): letters plain or NATO, digits as words, in fours."""
    nato = maybe(rng, 0.35)
    out = []
    for i in range(0, len(number), 4):
        chunk = []
        for ch in number[i : i + 4]:
            if ch.isdigit():
                chunk.append(words(ch, rng, oh=0.4, double=0))
            else:
                chunk.append(NATO[ch] if nato else ch.lower())
        out.append(" ".join(chunk))
    return " ".join(out), ("said.nato" if nato else "said.letters")


# -- personal email addresses

PROVIDERS = (
    *("gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "aol.com"),
    *("proton.me", "comcast.net", "att.net", "verizon.net", "me.com", "live.ca", "gmx.de"),
)


def email(rng: random.Random) -> str:
    first, last = pick(rng, FIRST).lower(), pick(rng, LAST).lower()
    last = last.replace("ñ", "n")
    tail = str(rng.randrange(2, 99)) if maybe(rng, 0.6) else str(rng.randrange(1950, 2010))
    local = pick(
        rng,
        (
            f"{first}.{last}{tail}",
            f"{first[0]}{last}{tail}",
            f"{first}_{last[:4]}{tail}",
            f"{last}.{first}.{tail}",
            f"{first}{tail}{last[:3]}",
        ),
    )
    return f"{local}@{pick(rng, PROVIDERS)}"


def email_said(rng: random.Random, address: str) -> str:
    local, domain = address.split("@")
    spoken = local.replace(".", " dot ").replace("_", " underscore ").replace("-", " dash ")
    spoken = re.sub(r"\d+", lambda m: " " + speak(m.group(0), rng) + " ", spoken)
    dom = domain.replace(".", " dot ")
    if domain == "gmail.com" and maybe(rng, 0.4):
        dom = "g mail dot com"
    return re.sub(r"\s+", " ", f"{spoken} at {dom}").strip()
