"""dev9 helpers: how numbers, phones, emails, cards, IBANs and SSNs are said or typed.

Everything here draws only from the `random.Random` handed in.
"""

from __future__ import annotations

import json
import random

import phonenumbers as pn
from phonenumbers import PhoneNumberFormat as F
from phonenumbers import PhoneNumberType as T
from pii_rows import Benign, Pii, Retry, Row, maybe, raw
from stdnum import iban as std_iban
from stdnum import luhn

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
MISHEAR = {"4": "for", "2": "to", "1": "won", "8": "ate"}
FILLERS = ["uh", "um", "er", "let me see", "hang on"]

# ---------------------------------------------------------------- regions
NANP_ISLANDS = ["LC", "AG", "GU", "KN", "MP", "MS", "SX", "TC", "VC", "VG"]
OTHER_REGIONS = [
    "AE",
    "AR",
    "AT",
    "BE",
    "CH",
    "CO",
    "GI",
    "IM",
    "JP",
    "KE",
    "KR",
    "NG",
    "NO",
    "NZ",
    "PL",
    "PT",
    "RU",
    "SE",
    "SG",
    "AC",
    "AX",
    "BQ",
    "CG",
    "CW",
    "CX",
    "EH",
    "ER",
    "FK",
    "FM",
    "FO",
    "GG",
    "GL",
    "GQ",
    "GW",
    "KP",
    "MF",
    "MH",
    "ML",
    "MR",
    "MW",
    "NE",
    "NF",
    "SC",
    "SO",
    "ST",
    "SY",
    "TD",
    "TK",
    "TM",
    "WF",
    "WS",
    "YE",
    "YT",
]
PLACE = {
    "US": "the States",
    "CA": "Canada",
    "AE": "Dubai",
    "AR": "Buenos Aires",
    "AT": "Vienna",
    "BE": "Belgium",
    "CH": "Zurich",
    "CO": "Bogota",
    "GI": "Gibraltar",
    "IM": "the Isle of Man",
    "JP": "Japan",
    "KE": "Nairobi",
    "KR": "Seoul",
    "LC": "St Lucia",
    "NG": "Lagos",
    "NO": "Norway",
    "NZ": "New Zealand",
    "PL": "Poland",
    "PT": "Portugal",
    "RU": "Russia",
    "SE": "Sweden",
    "SG": "Singapore",
    "AC": "Ascension Island",
    "AG": "Antigua",
    "AX": "the Aland Islands",
    "BQ": "Bonaire",
    "CG": "Brazzaville",
    "CW": "Curacao",
    "CX": "Christmas Island",
    "EH": "Laayoune",
    "ER": "Asmara",
    "FK": "the Falklands",
    "FM": "Micronesia",
    "FO": "the Faroe Islands",
    "GG": "Guernsey",
    "GL": "Greenland",
    "GQ": "Malabo",
    "GU": "Guam",
    "GW": "Bissau",
    "KN": "St Kitts",
    "KP": "Pyongyang",
    "MF": "Saint Martin",
    "MH": "Majuro",
    "ML": "Bamako",
    "MP": "Saipan",
    "MR": "Nouakchott",
    "MS": "Montserrat",
    "MW": "Malawi",
    "NE": "Niamey",
    "NF": "Norfolk Island",
    "SC": "the Seychelles",
    "SO": "Mogadishu",
    "ST": "Sao Tome",
    "SX": "Sint Maarten",
    "SY": "Damascus",
    "TC": "Turks and Caicos",
    "TD": "N'Djamena",
    "TK": "Tokelau",
    "TM": "Ashgabat",
    "VC": "St Vincent",
    "VG": "Tortola",
    "WF": "Wallis",
    "WS": "Samoa",
    "YE": "Sanaa",
    "YT": "Mayotte",
}
US_AREAS = [
    "212",
    "213",
    "214",
    "305",
    "312",
    "313",
    "404",
    "415",
    "512",
    "602",
    "617",
    "646",
    "702",
    "713",
    "718",
    "720",
    "803",
    "808",
    "816",
    "832",
    "901",
    "917",
    "919",
    "971",
    "281",
    "347",
    "540",
    "610",
    "609",
    "719",
    "774",
    "984",
]
CA_AREAS = ["416", "647", "514", "438", "604", "778", "403", "587", "613", "902", "306", "204"]


def pick_region(rng: random.Random) -> str:
    x = rng.random()
    if x < 0.30:
        return "US"
    if x < 0.36:
        return "CA"
    if x < 0.46:
        return rng.choice(NANP_ISLANDS)
    return rng.choice(OTHER_REGIONS)


# ---------------------------------------------------------------- numbers in words
def int_words(n: int) -> str:
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else " " + ONES[n % 10])
    if n < 1000:
        rest = n % 100
        return ONES[n // 100] + " hundred" + ("" if rest == 0 else " and " + int_words(rest))
    if n < 1_000_000:
        rest = n % 1000
        head = int_words(n // 1000) + " thousand"
        if rest == 0:
            return head
        return head + (" and " if rest < 100 else " ") + int_words(rest)
    return " ".join(ONES[int(c)] for c in str(n))


def pair_words(two: str, zero: str = "oh") -> str:
    """A two-digit group read as a pair: '23' twenty three, '07' oh seven, '00' double oh."""
    if two[0] == "0":
        return f"double {zero}" if two[1] == "0" else f"{zero} {ONES[int(two[1])]}"
    return int_words(int(two))


def year_words(y: int) -> str:
    if 2000 <= y < 2010:
        return "two thousand and " + ONES[y - 2000] if y > 2000 else "two thousand"
    return int_words(y // 100) + " " + pair_words(f"{y % 100:02d}")


def spoken_digits(
    digits: str,
    rng: random.Random,
    groups: list[int] | None = None,
    smart: bool = True,
    pairs: float = 0.0,
    doubles: float = 0.6,
    mishear: float = 0.0,
    filler: float = 0.0,
    zero: str | None = None,
) -> str:
    """Digits said one by one (or some groups as pairs), groups separated like speech."""
    if groups is None:
        groups = [len(digits)]
    if zero is None:
        zero = rng.choice(["oh", "oh", "zero"])
    out: list[str] = []
    pos = 0
    for gi, g in enumerate(groups):
        chunk = digits[pos : pos + g]
        pos += g
        words: list[str] = []
        # "seventy" then "three" would read as 73: no pair for 20, 30 ... 90
        if g == 2 and maybe(rng, pairs) and not (chunk[1] == "0" and chunk[0] not in "01"):
            words.append(pair_words(chunk, zero))
        else:
            i = 0
            while i < len(chunk):
                d = chunk[i]
                run = 1
                while i + run < len(chunk) and chunk[i + run] == d:
                    run += 1
                name = zero if d == "0" else ONES[int(d)]
                if not smart and d in MISHEAR and maybe(rng, mishear):
                    name = MISHEAR[d]
                if run >= 3 and maybe(rng, doubles * 0.6):
                    words.append(f"triple {name}")
                    i += 3
                elif run >= 2 and maybe(rng, doubles):
                    words.append(f"double {name}")
                    i += 2
                else:
                    words.append(name)
                    i += 1
        if gi and maybe(rng, filler):
            out.append(rng.choice(FILLERS) if not smart else rng.choice(FILLERS) + ",")
        out.append(" ".join(words))
    sep = ", " if smart and rng.random() < 0.6 else " "
    text = ""
    for i, piece in enumerate(out):
        if i == 0:
            text = piece
        elif text.endswith(","):
            text += " " + piece
        else:
            text += sep + piece
    return text


def split_groups(n: int, rng: random.Random) -> list[int]:
    """A phone-like grouping of n digits."""
    options = {
        4: [[4], [2, 2]],
        5: [[5], [2, 3], [3, 2]],
        6: [[3, 3], [2, 2, 2]],
        7: [[3, 4], [3, 2, 2], [7]],
        8: [[4, 4], [2, 2, 2, 2], [3, 3, 2]],
        9: [[3, 3, 3], [4, 5], [2, 3, 2, 2]],
        10: [[3, 3, 4], [4, 3, 3], [5, 5], [2, 4, 4]],
        11: [[4, 3, 4], [5, 6], [3, 4, 4], [4, 4, 3]],
        12: [[4, 4, 4], [3, 3, 3, 3], [2, 5, 5]],
        13: [[4, 4, 5], [3, 3, 3, 4], [5, 4, 4]],
    }
    if n in options:
        return rng.choice(options[n])
    out = []
    while n > 0:
        g = min(n, rng.choice([3, 4]))
        out.append(g)
        n -= g
    return out


def grouped(digits: str, groups: list[int], sep: str = " ") -> str:
    parts, pos = [], 0
    for g in groups:
        parts.append(digits[pos : pos + g])
        pos += g
    return sep.join(parts)


def rand_digits(rng: random.Random, n: int, first: str = "123456789") -> str:
    return rng.choice(first) + "".join(rng.choice("0123456789") for _ in range(n - 1))


def say_number(
    rng: random.Random,
    digits: str,
    smart: bool,
    groups: list[int] | None = None,
    spoken_p: float = 0.45,
) -> str:
    """A non-PII digit string as said: typed in groups (smart) or in words."""
    if groups is None:
        groups = split_groups(len(digits), rng)
    if smart and not maybe(rng, spoken_p):
        return grouped(digits, groups, rng.choice([" ", " ", "-", ""]))
    return spoken_digits(digits, rng, groups, smart=smart, pairs=0.25, mishear=0.2)


# ---------------------------------------------------------------- phones
def _nsn_ok(num: pn.PhoneNumber, region: str) -> bool:
    return pn.is_valid_number(num) and pn.is_valid_number_for_region(num, region)


def make_phone(rng: random.Random, region: str, mobile: bool | None = None) -> pn.PhoneNumber:
    if mobile is None:
        mobile = maybe(rng, 0.65)
    cc = pn.country_code_for_region(region)
    for _ in range(400):
        if region in ("US", "CA"):
            area = rng.choice(US_AREAS if region == "US" else CA_AREAS)
            nsn = area + rand_digits(rng, 3, "23456789") + rand_digits(rng, 4, "0123456789")
        else:
            ex = pn.example_number_for_type(region, T.MOBILE if mobile else T.FIXED_LINE)
            if ex is None:
                ex = pn.example_number_for_type(region, T.FIXED_LINE)
            base = pn.national_significant_number(ex)
            keep = 3 if cc == 1 else max(1, min(len(base) - 3, rng.choice([1, 2, 2, 3])))
            nsn = base[:keep] + "".join(rng.choice("0123456789") for _ in base[keep:])
        try:
            num = pn.parse("+" + str(cc) + nsn, None)
        except pn.NumberParseException:
            continue
        if not _nsn_ok(num, region):
            continue
        if region in ("US", "CA") and nsn[3:6] == "555":
            continue
        national = "".join(c for c in pn.format_number(num, F.NATIONAL) if c.isdigit())
        try:
            back = pn.parse(national, region)
        except pn.NumberParseException:
            continue
        if _nsn_ok(back, region):
            return num
    raise Retry(f"no phone for {region}")


def phone_text(
    rng: random.Random, num: pn.PhoneNumber, region: str, smart: bool, intl_p: float = 0.25
) -> tuple[str, str]:
    """(lead, label): how a caller gives the number; lead is what comes before the label
    (e.g. 'plus ') and is not part of it."""
    cc = str(num.country_code)
    nsn = pn.national_significant_number(num)
    national = "".join(c for c in pn.format_number(num, F.NATIONAL) if c.isdigit())
    intl = maybe(rng, intl_p) and (region not in ("US", "CA") or maybe(rng, 0.3))
    if smart and maybe(rng, 0.55):
        if intl:
            style = rng.random()
            if style < 0.45:
                return "", pn.format_number(num, F.INTERNATIONAL)
            if style < 0.7:
                return "", pn.format_number(num, F.E164)
            if cc != "1":
                return "", "00" + cc + " " + grouped(nsn, split_groups(len(nsn), rng))
            return "", "+1 " + grouped(nsn, [3, 3, 4], rng.choice([" ", "-", "."]))
        if maybe(rng, 0.6):
            return "", pn.format_number(num, F.NATIONAL)
        groups = [3, 3, 4] if cc == "1" else split_groups(len(national), rng)
        return "", grouped(
            national, groups, rng.choice([" ", "-", "."] if cc == "1" else [" ", "-"])
        )
    # spoken
    pairs = (
        0.6
        if region in ("NO", "FO", "GL", "MF", "YT", "WF", "BE", "ML", "NE", "TD", "MR", "EH")
        else 0.12
    )
    if intl:
        lead_plus = maybe(rng, 0.6)
        body = spoken_digits(
            nsn,
            rng,
            split_groups(len(nsn), rng),
            smart=smart,
            pairs=pairs,
            mishear=0.2,
            filler=0.08,
        )
        cc_words = " ".join(ONES[int(c)] for c in cc)
        if lead_plus:
            sep = ", " if smart else " "
            return "plus ", cc_words + sep + body
        zz = rng.choice(["double oh", "zero zero", "oh oh"])
        sep = ", " if smart else " "
        return "", zz + " " + cc_words + sep + body
    if cc == "1":
        groups = [3, 3, 4]
    else:
        groups = split_groups(len(national), rng)
    text = spoken_digits(national, rng, groups, smart=smart, pairs=pairs, mishear=0.2, filler=0.08)
    if cc == "1" and maybe(rng, 0.15):
        text = ("one " if not smart or maybe(rng, 0.5) else "1, ") + text
    return "", text


def phone_parts(
    rng: random.Random,
    row: Row,
    region: str,
    smart: bool,
    num: pn.PhoneNumber | None = None,
    intl_p: float = 0.25,
    split: bool = False,
) -> tuple[list, pn.PhoneNumber]:
    """Parts for row.say() holding a caller's phone; adds the region tag."""
    if num is None:
        num = make_phone(rng, region)
    lead, label = phone_text(rng, num, region, smart, intl_p)
    if not smart:
        label = raw(label)
        lead = raw(lead)
    row.tags.add(f"phone.region.{region}")
    parts: list = []
    if lead:
        parts.append(lead)
    parts.append(Pii("phone", label, split=split))
    return parts, num


def readback_phone(rng: random.Random, num: pn.PhoneNumber, region: str) -> str:
    """The agent reading the caller's number back in full, as typed text."""
    if maybe(rng, 0.5) and num.country_code != 1:
        return pn.format_number(num, F.INTERNATIONAL)
    return pn.format_number(num, F.NATIONAL)


def phone_like_digits(rng: random.Random, n: int | None = None) -> str:
    """A digit string that is (often) a valid phone in some region: used for ids."""
    if maybe(rng, 0.7):
        region = pick_region(rng)
        try:
            num = make_phone(rng, region)
        except Retry:
            return rand_digits(rng, n or 10)
        d = "".join(c for c in pn.format_number(num, F.NATIONAL) if c.isdigit())
        if num.country_code == 1 and maybe(rng, 0.4):
            d = "1" + d
        if 7 <= len(d) <= 13:
            return d
    n = n or rng.choice([7, 8, 9, 10, 10, 11, 11, 12, 13])
    return rand_digits(rng, n, rng.choice(["0", "1", "123456789"]))


# ---------------------------------------------------------------- tool json
def tool_turn(row: Row, role: str, obj: dict) -> None:
    """A tool call / result turn whose values may be Pii/Benign (inserted as JSON strings)."""
    marks: list = []

    def walk(v):
        if isinstance(v, (Pii, Benign)):
            marks.append(v)
            return f"@@D9MARK{len(marks) - 1}@@"
        if isinstance(v, dict):
            return {k: walk(x) for k, x in v.items()}
        if isinstance(v, list):
            return [walk(x) for x in v]
        return v

    text = json.dumps(walk(obj))
    parts: list = []
    for i, chunk in enumerate(text.split("@@")):
        if i % 2 == 0:
            if chunk:
                parts.append(chunk)
        else:
            parts.append(marks[int(chunk[len("D9MARK") :])])
    row.say(role, *parts)


# ---------------------------------------------------------------- cards, ibans, ssns
NETWORKS = [
    ("visa", ["4"], 16),
    ("mastercard", ["51", "52", "53", "54", "55", "2221", "2720"], 16),
    ("amex", ["34", "37"], 15),
    ("discover", ["6011", "65"], 16),
    ("jcb", ["3528", "3540", "3566", "3589"], 16),
    ("diners", ["36", "300", "305"], 14),
    ("unionpay", ["62"], 16),
    ("maestro", ["6759", "5018", "5020"], 16),
    ("mir", ["2200", "2201", "2204"], 16),
]


def make_card(rng: random.Random) -> tuple[str, str]:
    name, prefixes, length = rng.choice(NETWORKS)
    body = rng.choice(prefixes)
    body += "".join(rng.choice("0123456789") for _ in range(length - 1 - len(body)))
    return name, body + luhn.calc_check_digit(body)


def card_groups(number: str) -> list[int]:
    if len(number) == 15:
        return [4, 6, 5]
    if len(number) == 14:
        return [4, 6, 4]
    return [4] * (len(number) // 4) + ([len(number) % 4] if len(number) % 4 else [])


IBAN_FORMATS = {
    "GB": lambda r: r.choice(["NWBK", "BARC", "LOYD", "HBUK", "MIDL"]) + _d(r, 14),
    "DE": lambda r: _d(r, 18),
    "FR": lambda r: _d(r, 23),
    "ES": lambda r: _d(r, 20),
    "IT": lambda r: r.choice("ABCDEFGHX") + _d(r, 22),
    "NL": lambda r: r.choice(["ABNA", "INGB", "RABO", "TRIO"]) + _d(r, 10),
    "IE": lambda r: r.choice(["AIBK", "BOFI"]) + _d(r, 14),
    "BE": lambda r: _d(r, 12),
    "AT": lambda r: _d(r, 16),
    "CH": lambda r: _d(r, 17),
    "PL": lambda r: _d(r, 24),
    "PT": lambda r: _d(r, 21),
    "NO": lambda r: _d(r, 11),
    "SE": lambda r: _d(r, 20),
    "AE": lambda r: _d(r, 19),
    "DK": lambda r: _d(r, 14),
}


def _d(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def make_iban(rng: random.Random, country: str | None = None) -> tuple[str, str]:
    if country is None:
        country = rng.choice(sorted(IBAN_FORMATS))
    for _ in range(3000):
        bban = IBAN_FORMATS[country](rng)
        cand = country + "00" + bban
        cand = country + std_iban.calc_check_digits(cand) + bban
        if std_iban.is_valid(cand):
            return country, cand
    raise Retry("iban")


def iban_text(rng: random.Random, iban: str, smart: bool) -> str:
    groups = [iban[i : i + 4] for i in range(0, len(iban), 4)]
    if smart and maybe(rng, 0.6):
        return " ".join(groups) if maybe(rng, 0.8) else iban
    words = []
    zero = rng.choice(["oh", "zero"])
    for g in groups:
        w = []
        for c in g:
            if c.isdigit():
                w.append(zero if c == "0" else ONES[int(c)])
            else:
                w.append(c if smart else c.lower())
        words.append(" ".join(w))
    return (", " if smart else " ").join(words)


def make_ssn(rng: random.Random) -> str:
    while True:
        area = rng.randint(1, 899)
        if area != 666:
            break
    return f"{area:03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"


def ssn_text(rng: random.Random, ssn: str, smart: bool) -> str:
    if smart and maybe(rng, 0.55):
        return rng.choice(
            [f"{ssn[:3]}-{ssn[3:5]}-{ssn[5:]}", f"{ssn[:3]} {ssn[3:5]} {ssn[5:]}", ssn]
        )
    return spoken_digits(ssn, rng, [3, 2, 4], smart=smart, mishear=0.15, filler=0.05)


def card_text(rng: random.Random, number: str, smart: bool) -> str:
    groups = card_groups(number)
    if smart and maybe(rng, 0.55):
        return grouped(number, groups, rng.choice([" ", " ", "-", ""]))
    return spoken_digits(number, rng, groups, smart=smart, pairs=0.1, mishear=0.15, filler=0.05)


def fix(text: str, smart: bool) -> str:
    """A look-alike text in the form the turn is in."""
    return text if smart else raw(text)
