"""dev11 kit: numbers (phones, cards, IBANs, SSNs and their look-alikes) and how callers say them.

Every choice is drawn from the `random.Random` passed in; lists are fixed tuples, never sets.
"""

from __future__ import annotations

import json
import random
import string
from typing import Any

import phonenumbers
from phonenumbers import PhoneNumberFormat as F
from phonenumbers import PhoneNumberType as T
from pii_rows import Benign, Pii, Retry, Row, maybe
from stdnum import iban as stdiban
from stdnum import luhn

ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEENS = (
    *("ten", "eleven", "twelve", "thirteen", "fourteen"),
    *("fifteen", "sixteen", "seventeen", "eighteen", "nineteen"),
)
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
FILLERS = ("um", "uh", "uhm", "er", "hmm")

FIRST = (
    *("Maria", "James", "Aisha", "Wei", "Priya", "Tomás", "Olivia", "Kwame", "Sofia", "Liam"),
    *("Fatima", "Noah", "Hannah", "Diego", "Grace", "Arjun", "Chloe", "Mateo", "Zoe", "Ibrahim"),
    *("Emma", "Lucas", "Yuki", "Nadia", "Connor", "Leila", "Ethan", "Ana", "Samuel", "Mei"),
    *("Rachel", "Dmitri", "Ngozi", "Carlos", "Ingrid", "Marcus", "Siobhan", "Hiro", "Elena"),
)
LAST = (
    *("Garcia", "Okafor", "Nguyen", "Patel", "Kowalski", "Smith", "Haddad", "Johansson"),
    *("Fernandes", "O'Brien", "Tanaka", "Mensah", "Rossi", "Cohen", "Dubois", "Schmidt"),
    *("Reyes", "Kim", "Walker", "Adeyemi", "Murphy", "Lindqvist", "Chen", "Alvarez"),
    *("Thompson", "Nakamura", "Brennan", "Silva", "Novak", "Hughes", "Ramirez", "Kaur"),
)

# (kind of business, company name, web domain)
BUSINESSES = (
    ("bank", "Harbor Federal Credit Union", "harborfcu.org"),
    ("bank", "Northgate Bank", "northgatebank.com"),
    ("telecom", "Brightwave Mobile", "brightwave.com"),
    ("telecom", "Skyline Wireless", "skylinewireless.net"),
    ("utility", "Cedar Valley Energy", "cedarvalleyenergy.com"),
    ("utility", "Metro Water Services", "metrowater.org"),
    ("insurance", "Keystone Mutual Insurance", "keystonemutual.com"),
    ("insurance", "Pinecrest Auto Insurance", "pinecrestauto.com"),
    ("clinic", "Riverside Family Medicine", "riversidefm.org"),
    ("clinic", "Lakeshore Dental Group", "lakeshoredental.com"),
    ("pharmacy", "CareWell Pharmacy", "carewellrx.com"),
    ("airline", "Aurora Air", "auroraair.com"),
    ("hotel", "Stayfield Hotels", "stayfield.com"),
    ("retail", "Nimbus Home Goods", "nimbushome.com"),
    ("retail", "Trailhead Outfitters", "trailheadoutfitters.com"),
    ("courier", "Swiftline Parcel", "swiftline.co"),
    ("isp", "FiberNest Internet", "fibernest.net"),
    ("rental", "Roadstar Car Rental", "roadstar.com"),
    ("tax", "LedgerPoint Tax Services", "ledgerpoint.com"),
    ("payroll", "Paywise HR", "paywisehr.com"),
    ("benefits", "the State Benefits Helpline", "benefits.state.gov"),
    ("mortgage", "Summit Home Loans", "summithomeloans.com"),
    ("property", "Oakridge Property Management", "oakridgepm.com"),
    ("vet", "Maple Street Veterinary", "maplestreetvet.com"),
    ("gym", "CoreFit Gyms", "corefit.com"),
    ("streaming", "Reelbox", "reelbox.tv"),
    ("auto", "Westside Honda Service", "westsidehonda.com"),
    ("university", "Lakemont University Admissions", "lakemont.edu"),
)

US_AREAS = (
    *("201", "212", "213", "214", "305", "312", "347", "404", "415", "470", "503", "512"),
    *("602", "617", "646", "702", "713", "718", "720", "773", "786", "808", "917", "954"),
    *("206", "216", "225", "239", "267", "281", "336", "352", "385", "408", "469", "504"),
)
CA_AREAS = ("416", "647", "604", "778", "514", "438", "403", "587", "613", "902", "306", "204")
REGIONS_OTHER = (
    *("GB", "DE", "FR", "IN", "AU", "MX", "BR", "ES", "IT", "NL", "IE", "ZA", "NG", "PH"),
    *("JP", "SG", "NZ", "AE", "PL", "SE", "KE", "PT", "CH"),
)


# ---------------------------------------------------------------- row helpers


class Call:
    """A row being written as one call: user turns are STT (smart or raw), the agent is LLM text."""

    def __init__(self, rng: random.Random, family: str, biz: tuple[str, str, str] | None = None):
        self.rng = rng
        self.row = Row(family=family)
        self.biz = biz or rng.choice(BUSINESSES)
        self.smart = maybe(rng, 0.5)
        self.first = rng.choice(FIRST)
        self.last = rng.choice(LAST)
        self.last_id = ""
        self.row.tags.add("asr.smart" if self.smart else "asr.raw")
        self.row.tags.add(f"biz.{self.biz[0]}")

    @property
    def company(self) -> str:
        return self.biz[1]

    @property
    def domain(self) -> str:
        return self.biz[2]

    def user(self, *parts: str | Pii | Benign) -> None:
        self.row.say("user", *parts, smart=self.smart)

    def agent(self, *parts: str | Pii | Benign) -> None:
        self.row.say("assistant", *parts)

    def tool_call(self, name: str, args: list[tuple[str, Any]]) -> None:
        head = '{"name": "' + name + '", "arguments": '
        self.row.say("assistant", head, *obj(args), "}")

    def tool(self, fields: list[tuple[str, Any]]) -> None:
        self.row.say("tool", *obj(fields))

    def tag(self, *tags: str) -> None:
        self.row.tags.update(tags)

    def turns(self) -> int:
        return len(self.row.turns)


def obj(fields: list[tuple[str, Any]]) -> list[str | Pii | Benign]:
    """JSON text of an object as parts: Pii/Benign values (or nested lists) stay marked."""
    parts: list[str | Pii | Benign] = ["{"]
    for i, (key, value) in enumerate(fields):
        parts.append(("" if i == 0 else ", ") + json.dumps(key) + ": ")
        parts.extend(_value(value))
    parts.append("}")
    return _merge(parts)


def _value(value: Any) -> list[str | Pii | Benign]:
    if isinstance(value, (Pii, Benign)):
        return ['"', value, '"']
    if isinstance(value, list) and value and isinstance(value[0], tuple):
        return obj(value)
    if isinstance(value, list):
        out: list[str | Pii | Benign] = ["["]
        for i, item in enumerate(value):
            out.append("" if i == 0 else ", ")
            out.extend(_value(item))
        return [*out, "]"]
    return [json.dumps(value, ensure_ascii=False)]


def _merge(parts: list[str | Pii | Benign]) -> list[str | Pii | Benign]:
    out: list[str | Pii | Benign] = []
    for p in parts:
        if isinstance(p, str) and out and isinstance(out[-1], str):
            out[-1] = out[-1] + p
        else:
            out.append(p)
    return out


def pick(rng: random.Random, *options: str) -> str:
    return rng.choice(options)


def digits(rng: random.Random, n: int, first: str = "123456789") -> str:
    return rng.choice(first) + "".join(rng.choice(string.digits) for _ in range(n - 1))


# ---------------------------------------------------------------- speaking numbers


def zero(rng: random.Random, smart: bool) -> str:
    return rng.choice(("oh", "oh", "zero", "o")) if not smart else rng.choice(("oh", "zero"))


def singles(rng: random.Random, ds: str, smart: bool = True, doubles: bool = True) -> str:
    """Digit by digit: "four one five", "oh" for zero, sometimes "double five"."""
    out: list[str] = []
    i = 0
    while i < len(ds):
        d = ds[i]
        word = zero(rng, smart) if d == "0" else ONES[int(d)]
        if doubles and i + 2 < len(ds) and ds[i + 1] == d == ds[i + 2] and maybe(rng, 0.6):
            out.append(f"triple {word}")
            i += 3
            continue
        if doubles and i + 1 < len(ds) and ds[i + 1] == d and maybe(rng, 0.6):
            out.append(f"double {word}")
            i += 2
            continue
        out.append(word)
        i += 1
    return " ".join(out)


def pair(rng: random.Random, two: str, smart: bool = True) -> str:
    """Two digits as a number: "forty one", "oh five", "ten"."""
    a, b = int(two[0]), int(two[1])
    if a == 0:
        return f"{zero(rng, smart)} {ONES[b]}"
    if a == 1:
        return TEENS[b]
    return TENS[a] if b == 0 else f"{TENS[a]}{'-' if smart and maybe(rng, 0.4) else ' '}{ONES[b]}"


def pairs(rng: random.Random, ds: str, smart: bool = True) -> str:
    """A group in pairs: "twenty three hundred" for 2300, "fifty four twelve" for 5412."""
    if len(ds) == 4 and ds[2:] == "00" and ds[0] != "0":
        return f"{pair(rng, ds[:2], smart)} hundred"
    if len(ds) == 3 and ds[0] != "0" and maybe(rng, 0.5):
        return f"{ONES[int(ds[0])]} {pair(rng, ds[1:], smart)}"
    if len(ds) % 2 == 1:
        return f"{singles(rng, ds[0], smart)} {pairs(rng, ds[1:], smart)}"
    return " ".join(pair(rng, ds[i : i + 2], smart) for i in range(0, len(ds), 2))


def group(rng: random.Random, ds: str, smart: bool, style: str) -> str:
    if style == "digits":
        return ds
    if style == "pairs" or (style == "mixed" and maybe(rng, 0.45)):
        return pairs(rng, ds, smart)
    return singles(rng, ds, smart)


def speak(
    rng: random.Random,
    groups: list[str],
    smart: bool,
    style: str | None = None,
    noise: float = 0.25,
) -> str:
    """Groups said in words (or ASR digits), with fillers, pauses and a restart sometimes.

    The text runs from the first to the last digit as said (what a label holds).
    """
    style = style or rng.choice(("singles", "singles", "pairs", "mixed", "mixed"))
    seps = (", ", " ", " ", "... ", " - ") if smart else (" ",)
    out = ""
    for i, g in enumerate(groups):
        said = group(rng, g, smart, style)
        if i:
            sep = rng.choice(seps)
            if maybe(rng, noise):
                f = rng.choice(FILLERS)
                sep = f", {f}, " if smart else f" {f} "
            elif maybe(rng, noise / 3):
                # restart: the previous group again
                prev = group(rng, groups[i - 1], smart, style)
                sep = (", sorry, " if smart else " sorry ") + prev + rng.choice(seps)
            out += sep
        out += said
    return out


def grouped(ds: str, sizes: tuple[int, ...]) -> list[str]:
    out, i = [], 0
    for n in sizes:
        out.append(ds[i : i + n])
        i += n
    if i < len(ds):
        out.append(ds[i:])
    return [g for g in out if g]


# ---------------------------------------------------------------- phones


def _valid(rng: random.Random, region: str, kind: int) -> phonenumbers.PhoneNumber:
    if region in ("US", "CA"):
        areas = US_AREAS if region == "US" else CA_AREAS
        for _ in range(200):
            nat = rng.choice(areas) + digits(rng, 3, "23456789") + digits(rng, 4, string.digits)
            if nat[3:6] == "555" or nat[4:6] == "11":
                continue
            num = phonenumbers.parse(nat, region)
            if phonenumbers.is_valid_number(num):
                return num
        raise Retry(region)
    base = phonenumbers.example_number_for_type(region, kind) or (
        phonenumbers.example_number_for_type(region, T.FIXED_LINE)
    )
    nsn = phonenumbers.national_significant_number(base)
    keep = 2 if len(nsn) > 8 else 1
    for _ in range(300):
        cand = nsn[:keep] + "".join(rng.choice(string.digits) for _ in nsn[keep:])
        num = phonenumbers.parse("+" + str(base.country_code) + cand)
        if phonenumbers.is_valid_number(num) and phonenumbers.number_type(num) in (
            kind,
            T.FIXED_LINE_OR_MOBILE,
        ):
            return num
    raise Retry(region)


def region_pick(rng: random.Random) -> str:
    if maybe(rng, 0.5):
        return "US" if maybe(rng, 0.78) else "CA"
    return rng.choice(REGIONS_OTHER)


class Phone:
    """A person's (or a business's) phone of a region, and the ways to say or write it."""

    def __init__(self, rng: random.Random, region: str | None = None, kind: str = "mobile"):
        self.rng = rng
        self.region = region or region_pick(rng)
        t = {"mobile": T.MOBILE, "fixed": T.FIXED_LINE, "toll": T.TOLL_FREE}[kind]
        self.num = _valid(rng, self.region, t)
        self.national = phonenumbers.format_number(self.num, F.NATIONAL)
        self.intl = phonenumbers.format_number(self.num, F.INTERNATIONAL)
        self.e164 = phonenumbers.format_number(self.num, F.E164)
        self.cc = str(self.num.country_code)
        self.nat_groups = [g for g in _split(self.national) if g]
        self.intl_groups = [g for g in _split(self.intl) if g][1:]

    @property
    def nanp(self) -> bool:
        return self.region in ("US", "CA")

    def typed(self) -> str:
        """As ASR smart formatting or a typed field writes it."""
        rng = self.rng
        if self.nanp:
            d = self.e164[2:]
            return rng.choice(
                (
                    self.national,
                    f"{d[:3]}-{d[3:6]}-{d[6:]}",
                    f"{d[:3]} {d[3:6]} {d[6:]}",
                    f"{d[:3]}.{d[3:6]}.{d[6:]}",
                    d,
                    self.e164,
                    f"1-{d[:3]}-{d[3:6]}-{d[6:]}",
                    self.intl,
                )
            )
        return rng.choice((self.national, self.national, self.intl, self.e164, self.intl))

    def spoken(self, smart: bool, style: str | None = None, intl: bool | None = None) -> str:
        rng = self.rng
        intl = (not self.nanp and maybe(rng, 0.35)) if intl is None else intl
        if intl:
            lead = rng.choice(("plus ", "plus ", "double oh " if not smart else "00 "))
            cc = lead + (
                pair(rng, self.cc.zfill(2), smart)
                if len(self.cc) == 2 and maybe(rng, 0.5)
                else singles(rng, self.cc, smart, False)
            )
            return cc + (", " if smart else " ") + speak(rng, self.intl_groups, smart, style)
        groups = self.nat_groups
        if self.nanp and maybe(rng, 0.15):
            groups = ["1", *groups]
        return speak(rng, groups, smart, style)

    def any(self, smart: bool) -> str:
        """What an STT user turn holds: smart turns are mostly digits, raw turns words."""
        if smart and maybe(self.rng, 0.7):
            return self.typed()
        return self.spoken(smart)


def _split(text: str) -> list[str]:
    out, cur = [], ""
    for ch in text:
        if ch.isdigit():
            cur += ch
        else:
            out.append(cur)
            cur = ""
    return [*out, cur]


def business_line(rng: random.Random, region: str = "US") -> str:
    """A company's toll-free or main line, written as agents write it."""
    if region in ("US", "CA") and maybe(rng, 0.7):
        prefix = rng.choice(("800", "888", "877", "866", "855", "844"))
        for _ in range(50):
            d = prefix + digits(rng, 3, "23456789") + digits(rng, 4, string.digits)
            if phonenumbers.is_valid_number(phonenumbers.parse(d, "US")):
                return rng.choice(
                    (
                        f"1-{d[:3]}-{d[3:6]}-{d[6:]}",
                        f"{d[:3]}-{d[3:6]}-{d[6:]}",
                        f"({d[:3]}) {d[3:6]}-{d[6:]}",
                    )
                )
    p = Phone(rng, region, rng.choice(("fixed", "toll")))
    return p.national if maybe(rng, 0.7) else p.intl


# ---------------------------------------------------------------- cards, IBANs, SSNs


def card(rng: random.Random, network: str | None = None) -> tuple[str, str]:
    network = network or rng.choice(
        ("visa", "visa", "mastercard", "mastercard", "amex", "discover")
    )
    if network == "visa":
        body = "4" + digits(rng, 14, string.digits)
    elif network == "mastercard":
        body = rng.choice(("51", "52", "53", "54", "55", "22")) + digits(rng, 13, string.digits)
        if body.startswith("22"):
            body = "2" + str(rng.randint(221, 720)) + body[4:]
    elif network == "amex":
        body = rng.choice(("34", "37")) + digits(rng, 12, string.digits)
    else:
        body = "6011" + digits(rng, 11, string.digits)
    return network, body + luhn.calc_check_digit(body)


def card_groups(pan: str) -> list[str]:
    if len(pan) == 15:
        return [pan[:4], pan[4:10], pan[10:]]
    return [pan[i : i + 4] for i in range(0, 16, 4)]


# (country, BBAN pattern: "n" digit, "a" letter, "c" either)
IBAN_FORMATS = (
    ("DE", "n" * 18),
    ("GB", "aaaa" + "n" * 14),
    ("IE", "aaaa" + "n" * 14),
    ("NL", "aaaa" + "n" * 10),
    ("AT", "n" * 16),
    ("CH", "n" * 17),
    ("PL", "n" * 24),
    ("SE", "n" * 20),
    ("DK", "n" * 14),
    ("LU", "n" * 16),
    ("FI", "n" * 14),
    ("LT", "n" * 16),
)


def iban(rng: random.Random, country: str | None = None) -> str:
    """A compact IBAN whose check digits (and national checks stdnum knows) are valid."""
    for _ in range(400):
        cc, pattern = (
            rng.choice(IBAN_FORMATS)
            if country is None
            else next(f for f in IBAN_FORMATS if f[0] == country)
        )
        bban = "".join(
            rng.choice(string.ascii_uppercase if c == "a" else string.digits) for c in pattern
        )
        if cc in ("GB", "IE"):
            bban = rng.choice(("NWBK", "BARC", "HBUK", "LOYD", "AIBK", "BOFI")) + bban[4:]
        if cc == "NL":
            bban = rng.choice(("ABNA", "INGB", "RABO", "SNSB")) + bban[4:]
        num = cc + "00" + bban
        num = cc + stdiban.calc_check_digits(num) + bban
        if stdiban.is_valid(num):
            return num
    raise Retry("iban")


def iban_print(num: str) -> str:
    return " ".join(num[i : i + 4] for i in range(0, len(num), 4))


def ssn(rng: random.Random) -> str:
    while True:
        area = rng.randint(1, 899)
        if area == 666:
            continue
        grp, serial = rng.randint(1, 99), rng.randint(1, 9999)
        s = f"{area:03d}{grp:02d}{serial:04d}"
        if s not in ("078051120", "219099999") and not s.startswith("98765432"):
            return s


def ssn_dash(s: str) -> str:
    return f"{s[:3]}-{s[3:5]}-{s[5:]}"


def itin(rng: random.Random) -> str:
    group = rng.choice((70, 71, 72, 73, 75, 78, 80, 83, 85, 88))
    return f"9{rng.randint(0, 99):02d}-{group}-{rng.randint(1, 9999):04d}"


def ein(rng: random.Random) -> str:
    prefix = rng.choice(
        ("12", "20", "26", "27", "33", "35", "45", "46", "47", "52", "61", "74", "81", "86", "93")
    )
    return f"{prefix}-{digits(rng, 7, string.digits)}"


def alpha(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(n))


def spell(rng: random.Random, word: str, smart: bool) -> str:
    """Letters one by one, sometimes with 'as in' words."""
    nato = {
        "a": "apple", "b": "boy", "c": "cat", "d": "david", "e": "edward", "f": "frank",
        "g": "george", "h": "henry", "i": "ida", "j": "john", "k": "king", "l": "larry",
        "m": "mary", "n": "nancy", "o": "ocean", "p": "peter", "q": "queen", "r": "robert",
        "s": "sam", "t": "tom", "u": "uniform", "v": "victor", "w": "william", "x": "x-ray",
        "y": "yellow", "z": "zebra",
    }  # fmt: skip
    out = []
    for ch in word.lower():
        if ch.isdigit():
            out.append(ONES[int(ch)])
        elif ch in nato and maybe(rng, 0.12):
            out.append(f"{ch} as in {nato[ch]}")
        elif ch in nato:
            out.append(ch.upper() if smart else ch)
        elif ch == ".":
            out.append("dot")
        elif ch == "_":
            out.append("underscore")
        elif ch == "-":
            out.append("dash")
    sep = rng.choice((" ", "-", ", ")) if smart else " "
    return sep.join(out)
