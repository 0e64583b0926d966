"""heldout8: valid numbers (phones, cards, IBANs, SSNs, emails) and how callers say them.

Every choice is drawn from the `rng` passed in; nothing depends on hash order.
"""

from __future__ import annotations

import json
import random
import string
from collections.abc import Sequence

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType
from pii_rows import Benign, Pii, Retry
from stdnum import iban as stdiban
from stdnum import luhn

WORD = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
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
# what ASR sometimes writes for a digit word
SLIP = {"four": ["for"], "two": ["to", "too"], "one": ["won"], "eight": ["ate"]}
FILL = ["um", "uh", "erm", "uh,", "um,", "hmm"]


def pick(rng: random.Random, seq: Sequence[str]) -> str:
    return seq[rng.randrange(len(seq))]


def digits(rng: random.Random, n: int, first: str = "123456789") -> str:
    return pick(rng, first) + "".join(pick(rng, string.digits) for _ in range(n - 1))


# ---------------------------------------------------------------- spoken digits


def pair_words(two: str) -> str:
    """'41' -> 'forty one', '07' -> 'oh seven', '10' -> 'ten', '40' -> 'forty'."""
    a, b = int(two[0]), int(two[1])
    if a == 0:
        return "oh " + WORD[b]
    if a == 1:
        return TEENS[b]
    return TENS[a] + ("" if b == 0 else " " + WORD[b])


def say_digits(
    rng: random.Random,
    ds: str,
    *,
    oh: float = 0.6,
    doubles: float = 0.3,
    slips: float = 0.0,
) -> str:
    """Digit by digit in words, 'oh' for zero sometimes, 'double five', an ASR slip or two."""
    out: list[str] = []
    i = 0
    use_oh = rng.random() < oh
    while i < len(ds):
        d = ds[i]
        if i + 2 < len(ds) and ds[i] == ds[i + 1] == ds[i + 2] and rng.random() < doubles:
            out.append("triple " + WORD[int(d)])
            i += 3
            continue
        if i + 1 < len(ds) and ds[i] == ds[i + 1] and rng.random() < doubles:
            w = "oh" if d == "0" and use_oh else WORD[int(d)]
            out.append("double " + w)
            i += 2
            continue
        w = "oh" if d == "0" and use_oh else WORD[int(d)]
        if w in SLIP and rng.random() < slips:
            w = pick(rng, SLIP[w])
        out.append(w)
        i += 1
    return " ".join(out)


def say_group(rng: random.Random, group: str, *, slips: float = 0.0) -> str:
    """A group as people read it: digit by digit, or in pairs ('forty one twenty two')."""
    if len(group) == 4 and rng.random() < 0.3 and group[0] != "0" and group[2] != "0":
        return pair_words(group[:2]) + " " + pair_words(group[2:])
    if len(group) == 3 and group[1:] == "00" and group[0] != "0" and rng.random() < 0.5:
        return WORD[int(group[0])] + " hundred"
    return say_digits(rng, group, slips=slips)


def say_groups(
    rng: random.Random,
    groups: Sequence[str],
    *,
    fillers: float = 0.15,
    slips: float = 0.08,
    restart: float = 0.1,
    sep: Sequence[str] = (" ",),
) -> str:
    """Groups in words with what callers put between them: fillers, a restart."""
    spoken = [say_group(rng, g, slips=slips) for g in groups]
    out = spoken[0]
    for k in range(1, len(spoken)):
        gap = pick(rng, sep)
        r = rng.random()
        if r < fillers:
            gap = " " + pick(rng, FILL) + " "
        elif r < fillers + restart:
            # says the previous group again: "five five five, five five five two one"
            gap = pick(rng, [", ", " - ", " uh "]) + spoken[k - 1] + " "
        out += gap + spoken[k]
    return out


def number_words(n: int) -> str:
    """An amount as said: 1249 -> 'twelve forty nine' or 'one thousand two hundred...'."""
    if n < 10:
        return WORD[n]
    if n < 100:
        return pair_words(f"{n:02d}")
    if n < 1000:
        rest = n % 100
        head = WORD[n // 100] + " hundred"
        return head if rest == 0 else head + " " + number_words(rest)
    if n < 10000 and n % 100 != 0 and (n // 100) % 10 != 0:
        return number_words(n // 100) + " " + pair_words(f"{n % 100:02d}")
    thousands, rest = divmod(n, 1000)
    head = number_words(thousands) + " thousand"
    return head if rest == 0 else head + " " + number_words(rest)


# ---------------------------------------------------------------- phones

# where callers come from, with weights (the US and Canada a good third and more)
_REGIONS = (
    "US:30 CA:9 GB:5 IE:1.5 AU:2.5 NZ:1 IN:3 PH:2 MX:3 DE:2.5 FR:2 ES:2 IT:1.5 NL:1.5 BR:2 "
    "ZA:1.2 NG:1.2 KE:1 PK:1 SG:1 AE:1 JP:1 KR:1 PL:1.2 PT:1 SE:1 CO:1.2 AR:1 CL:0.8 EG:0.8 "
    "VN:0.8 TR:0.8 IL:0.6 CH:0.8 BE:0.8 GH:0.6 MY:0.6"
)
# where callers come from, with weights (the US and Canada a good third and more)
REGIONS: list[tuple[str, float]] = [
    (r.split(":")[0], float(r.split(":")[1])) for r in _REGIONS.split()
]
REGION_NAMES = {
    "US": "the States",
    "CA": "Canada",
    "GB": "the UK",
    "IE": "Ireland",
    "AU": "Australia",
    "NZ": "New Zealand",
    "IN": "India",
    "PH": "the Philippines",
    "MX": "Mexico",
    "DE": "Germany",
    "FR": "France",
    "ES": "Spain",
    "IT": "Italy",
    "NL": "the Netherlands",
    "BR": "Brazil",
    "ZA": "South Africa",
    "NG": "Nigeria",
    "KE": "Kenya",
    "PK": "Pakistan",
    "SG": "Singapore",
    "AE": "Dubai",
    "JP": "Japan",
    "KR": "Korea",
    "PL": "Poland",
    "PT": "Portugal",
    "SE": "Sweden",
    "CO": "Colombia",
    "AR": "Argentina",
    "CL": "Chile",
    "EG": "Egypt",
    "VN": "Vietnam",
    "TR": "Turkey",
    "IL": "Israel",
    "JM": "Jamaica",
    "PR": "Puerto Rico",
    "DO": "the Dominican Republic",
    "CH": "Switzerland",
    "BE": "Belgium",
    "GH": "Ghana",
    "MY": "Malaysia",
}
NANP = {"US", "CA", "PR", "DO", "JM"}


def region(rng: random.Random) -> str:
    names = [r for r, _ in REGIONS]
    return rng.choices(names, [w for _, w in REGIONS])[0]


def phone(rng: random.Random, reg: str, mobile: float = 0.7) -> phonenumbers.PhoneNumber:
    """A valid number of `reg`: an example number with its tail digits drawn again."""
    kind = PhoneNumberType.MOBILE if rng.random() < mobile else PhoneNumberType.FIXED_LINE
    base = phonenumbers.example_number_for_type(reg, kind)
    if base is None:
        base = phonenumbers.example_number_for_type(reg, PhoneNumberType.MOBILE)
    nat = phonenumbers.national_significant_number(base)  # keeps Italy's leading 0
    for _ in range(60):
        keep = 3 if reg in NANP else max(2, len(nat) - 6)
        if reg in NANP:  # a real-looking area code and exchange, not 555
            area = pick(rng, NANP_AREAS[reg])
            cand = area + digits(rng, 3, "23456789") + digits(rng, 4, string.digits)
        else:
            cand = nat[:keep] + digits(rng, len(nat) - keep, string.digits)
        num = phonenumbers.parse("+" + str(base.country_code) + cand)
        if reg in NANP and cand[3:6] == "555":
            continue
        if phonenumbers.is_valid_number(num) and phonenumbers.region_code_for_number(num) == reg:
            return num
    raise Retry("phone")  # never hand out the library's example number itself


NANP_AREAS = {
    "US": (
        "212 312 415 617 713 305 404 206 503 602 720 512 214 267 646 773 818 702 919 615 "
        "480 813 952 414 504 216 571 347 210 469"
    ).split(),
    "CA": "416 647 604 514 403 613 780 902 519 905 778 438".split(),
    "PR": ["787", "939"],
    "DO": ["809", "829", "849"],
    "JM": ["876"],
}


def phone_text(rng: random.Random, num: phonenumbers.PhoneNumber, reg: str) -> str:
    """The number as a smart-formatting ASR or a typist writes it."""
    nat = phonenumbers.national_significant_number(num)
    r = rng.random()
    if reg in NANP:
        a, b, c = nat[:3], nat[3:6], nat[6:]
        forms = [
            f"({a}) {b}-{c}",
            f"{a}-{b}-{c}",
            f"{a}.{b}.{c}",
            f"{a} {b} {c}",
            f"+1 {a} {b} {c}",
            f"1-{a}-{b}-{c}",
            f"+1{nat}",
            nat,
            f"+1 ({a}) {b}-{c}",
        ]
        return pick(rng, forms)
    if r < 0.4:
        return phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL)
    if r < 0.65:
        return phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL)
    if r < 0.8:
        return phonenumbers.format_number(num, PhoneNumberFormat.E164)
    # as typed: plus, country code, then digits in threes or fours
    cc = str(num.country_code)
    chunks = [nat[i : i + 3] for i in range(0, len(nat), 3)]
    if len(chunks[-1]) == 1:
        chunks[-2] += chunks[-1]
        chunks.pop()
    return f"+{cc} " + " ".join(chunks)


def phone_groups(num: phonenumbers.PhoneNumber, reg: str) -> list[str]:
    nat = phonenumbers.national_significant_number(num)
    if reg in NANP:
        return [nat[:3], nat[3:6], nat[6:]]
    fmt = phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL)
    groups = [g for g in "".join(c if c.isdigit() else " " for c in fmt).split() if g]
    return groups or [nat]


def phone_spoken(rng: random.Random, num: phonenumbers.PhoneNumber, reg: str) -> str:
    """The number in words as an unformatted ASR writes a caller saying it."""
    groups = phone_groups(num, reg)
    cc = str(num.country_code)
    lead = ""
    if reg in NANP:
        if rng.random() < 0.15:
            lead = "one "
    elif rng.random() < 0.55:
        groups = [phonenumbers.national_significant_number(num)]
        groups = [groups[0][i : i + 3] for i in range(0, len(groups[0]), 3)]
        if len(groups[-1]) == 1:
            groups[-2] += groups[-1]
            groups.pop()
        lead = pick(rng, ["plus ", "plus ", "oh oh ", "zero zero "]) + say_digits(rng, cc) + " "
    return lead + say_groups(rng, groups)


# ---------------------------------------------------------------- cards

NETWORKS: list[tuple[str, float]] = [
    ("visa", 40.0),
    ("mastercard", 28.0),
    ("amex", 12.0),
    ("discover", 8.0),
    ("jcb", 3.0),
    ("diners", 2.0),
    ("unionpay", 3.0),
    ("maestro", 2.0),
]
NETWORK_NAMES = {
    "visa": "Visa",
    "mastercard": "Mastercard",
    "amex": "American Express",
    "discover": "Discover",
    "jcb": "JCB",
    "diners": "Diners Club",
    "unionpay": "UnionPay",
    "maestro": "Maestro",
}


def card(rng: random.Random, net: str | None = None) -> tuple[str, str]:
    """(network, a Luhn-valid PAN)."""
    if net is None:
        net = rng.choices([n for n, _ in NETWORKS], [w for _, w in NETWORKS])[0]
    if net == "visa":
        prefix, n = "4" + digits(rng, 5, string.digits), 16
    elif net == "mastercard":
        prefix = pick(rng, ["51", "52", "53", "54", "55", "2221", "2300", "2720"])
        n = 16
    elif net == "amex":
        prefix, n = pick(rng, ["34", "37"]), 15
    elif net == "discover":
        prefix, n = pick(rng, ["6011", "644", "65"]), 16
    elif net == "jcb":
        prefix, n = "35" + pick(rng, ["28", "41", "66", "89"]), 16
    elif net == "diners":
        prefix, n = pick(rng, ["300", "305", "36", "38"]), 14
    elif net == "unionpay":
        prefix, n = "62" + pick(rng, ["2126", "5", "8"]), rng.choice([16, 16, 19])
    else:
        prefix, n = pick(rng, ["5018", "6304", "6759"]), pick(rng, ["16", "19"])
        n = int(n)
    body = prefix + "".join(pick(rng, string.digits) for _ in range(n - len(prefix) - 1))
    return net, body + luhn.calc_check_digit(body)


def card_groups(pan: str) -> list[str]:
    if len(pan) == 15:
        return [pan[:4], pan[4:10], pan[10:]]
    if len(pan) == 14:
        return [pan[:4], pan[4:10], pan[10:]]
    out = [pan[i : i + 4] for i in range(0, len(pan), 4)]
    if len(out[-1]) < 3:
        out[-2] += out[-1]
        out.pop()
    return out


def card_text(rng: random.Random, pan: str) -> str:
    g = card_groups(pan)
    return pick(rng, [" ".join(g), " ".join(g), "-".join(g), pan, "  ".join(g)])


def card_spoken(rng: random.Random, pan: str) -> str:
    return say_groups(rng, card_groups(pan), fillers=0.2, restart=0.12)


def expiry(rng: random.Random) -> tuple[int, int]:
    return rng.randint(1, 12), rng.randint(26, 31)


def expiry_text(rng: random.Random, m: int, y: int, spoken: bool) -> str:
    months = "january february march april may june july august september october november december"
    if spoken:
        return pick(
            rng,
            [
                f"{pair_words(f'{m:02d}')} {pair_words(str(y))}",
                f"{months.split()[m - 1]} twenty {pair_words(str(y))}",
                f"{WORD[m] if m < 10 else pair_words(str(m))} slash {pair_words(str(y))}",
            ],
        )
    return pick(rng, [f"{m:02d}/{y}", f"{m:02d}/20{y}", f"{m}/{y}"])


# ---------------------------------------------------------------- IBANs

IBAN_COUNTRIES: list[tuple[str, float]] = [
    ("DE", 5.0),
    ("FR", 4.0),
    ("ES", 4.0),
    ("IT", 3.0),
    ("NL", 3.0),
    ("BE", 2.0),
    ("GB", 3.0),
    ("IE", 2.0),
    ("AT", 2.0),
    ("CH", 2.0),
    ("PL", 2.0),
    ("PT", 2.0),
    ("SE", 1.0),
    ("DK", 1.0),
    ("FI", 1.0),
    ("NO", 1.0),
    ("LU", 1.0),
    ("GR", 1.0),
    ("CZ", 1.0),
    ("RO", 1.0),
    ("HU", 0.5),
    ("HR", 0.5),
    ("LT", 0.5),
    ("TR", 0.5),
    ("AE", 0.5),
]
_BBAN = {
    "DE": "8n10n",
    "FR": "5n5n11c2n",
    "ES": "4n4n1n1n10n",
    "IT": "1a5n5n12c",
    "NL": "4a10n",
    "BE": "3n7n2n",
    "GB": "4a6n8n",
    "IE": "4a6n8n",
    "AT": "5n11n",
    "CH": "5n12c",
    "PL": "8n16n",
    "PT": "4n4n11n2n",
    "SE": "3n16n1n",
    "DK": "4n9n1n",
    "FI": "3n11n",
    "NO": "4n6n1n",
    "LU": "3n13c",
    "GR": "3n4n16c",
    "CZ": "4n6n10n",
    "RO": "4a16c",
    "HU": "3n4n1n15n1n",
    "HR": "7n10n",
    "LT": "5n11n",
    "TR": "5n1n16c",
    "AE": "3n16n",
}
BANK_CODES = {"NL": ["ABNA", "INGB", "RABO", "SNSB"], "GB": ["BARC", "HBUK", "NWBK", "LOYD"]}
BANK_CODES["IE"] = ["AIBK", "BOFI"]
BANK_CODES["RO"] = ["BTRL", "RNCB", "INGB"]


def _bban(rng: random.Random, cc: str) -> str:
    out = ""
    spec = _BBAN[cc]
    i = 0
    first = True
    while i < len(spec):
        j = i
        while spec[j].isdigit():
            j += 1
        n, kind = int(spec[i:j]), spec[j]
        if kind == "a" and first and cc in BANK_CODES:
            out += pick(rng, BANK_CODES[cc])
        elif kind == "a":
            out += "".join(pick(rng, string.ascii_uppercase) for _ in range(n))
        elif kind == "c" and rng.random() < 0.2:
            out += "".join(pick(rng, string.ascii_uppercase + string.digits) for _ in range(n))
        else:
            out += "".join(pick(rng, string.digits) for _ in range(n))
        first = False
        i = j + 1
    return out


def iban(rng: random.Random, cc: str | None = None) -> str:
    """A compact IBAN whose check digits (and national checks, where stdnum has them) hold."""
    if cc is None:
        cc = rng.choices([c for c, _ in IBAN_COUNTRIES], [w for _, w in IBAN_COUNTRIES])[0]
    for _ in range(400):
        bban = _bban(rng, cc)
        check = stdiban.calc_check_digits(cc + "00" + bban)
        cand = cc + check + bban
        if stdiban.is_valid(cand):
            return cand
    raise AssertionError(cc)


def iban_text(rng: random.Random, code: str) -> str:
    return pick(rng, [stdiban.format(code), stdiban.format(code), code])


NATO = {
    "A": "alpha",
    "B": "bravo",
    "C": "charlie",
    "D": "delta",
    "E": "echo",
    "F": "foxtrot",
    "G": "golf",
    "H": "hotel",
    "I": "india",
    "J": "juliet",
    "K": "kilo",
    "L": "lima",
    "M": "mike",
    "N": "november",
    "O": "oscar",
    "P": "papa",
    "Q": "quebec",
    "R": "romeo",
    "S": "sierra",
    "T": "tango",
    "U": "uniform",
    "V": "victor",
    "W": "whiskey",
    "X": "x-ray",
    "Y": "yankee",
    "Z": "zulu",
}


def iban_spoken(rng: random.Random, code: str) -> str:
    """Letters as letters (or 'd as in delta'), digits in words, in the printed fours."""
    groups = [code[i : i + 4] for i in range(0, len(code), 4)]
    said = []
    for g in groups:
        words = []
        run = ""
        for ch in g:
            if ch.isdigit():
                run += ch
                continue
            if run:
                words.append(say_digits(rng, run, doubles=0.2))
                run = ""
            r = rng.random()
            if r < 0.15:
                words.append(f"{ch.lower()} as in {NATO[ch]}")
            elif r < 0.3:
                words.append(NATO[ch])
            else:
                words.append(ch.lower())
        if run:
            words.append(say_digits(rng, run, doubles=0.2))
        said.append(" ".join(words))
    out = said[0]
    for s in said[1:]:
        out += (" " + pick(rng, FILL) + " " if rng.random() < 0.12 else " ") + s
    return out


# ---------------------------------------------------------------- SSNs


def ssn(rng: random.Random) -> str:
    while True:
        area = rng.randint(1, 899)
        if area != 666:
            break
    return f"{area:03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"


def ssn_text(rng: random.Random, s: str) -> str:
    return pick(rng, [f"{s[:3]}-{s[3:5]}-{s[5:]}"] * 3 + [f"{s[:3]} {s[3:5]} {s[5:]}", s])


def ssn_spoken(rng: random.Random, s: str) -> str:
    return say_groups(rng, [s[:3], s[3:5], s[5:]], fillers=0.15, restart=0.08)


# ---------------------------------------------------------------- emails

FIRST = (
    "maria james aisha wei carlos priya tom nkechi sofia daniel fatima liam olga raj "
    "jasmine kenji lucia omar hannah diego mei ahmed grace pablo ines viktor zoe andre "
    "leila marcus tanya yusuf bianca felix ngozi chloe samir ella ivan rosa dev kwame "
    "brianna hector anika patrick"
).split()
LAST = (
    "garcia okafor nguyen smith kowalski patel brennan haddad silva muller tanaka "
    "johnson osei rossi dubois fernandez kim ivanova clarke mendez novak ali walsh "
    "santos baker reyes lindqvist moreau oconnor delgado hughes petrov mwangi castillo "
    "duarte fischer jensen"
).split()
PROVIDERS = [
    ("gmail.com", 30.0),
    ("yahoo.com", 8.0),
    ("outlook.com", 8.0),
    ("hotmail.com", 6.0),
    ("icloud.com", 6.0),
    ("aol.com", 2.0),
    ("comcast.net", 2.0),
    ("proton.me", 2.0),
    ("gmx.de", 1.5),
    ("yahoo.co.uk", 1.5),
    ("hotmail.fr", 1.0),
    ("btinternet.com", 1.0),
    ("rogers.com", 1.0),
    ("shaw.ca", 1.0),
    ("web.de", 1.0),
    ("live.com", 2.0),
    ("att.net", 1.5),
    ("me.com", 1.0),
    ("bigpond.com", 0.8),
    ("libero.it", 0.8),
    ("orange.fr", 0.8),
    ("uol.com.br", 0.8),
    ("rediffmail.com", 0.8),
    ("fastmail.com", 1.0),
]


def person(rng: random.Random) -> tuple[str, str]:
    return pick(rng, FIRST), pick(rng, LAST)


def email(rng: random.Random, first: str, last: str) -> str:
    prov = rng.choices([p for p, _ in PROVIDERS], [w for _, w in PROVIDERS])[0]
    r = rng.random()
    if r < 0.25:
        local = f"{first}.{last}"
    elif r < 0.4:
        local = f"{first[0]}{last}"
    elif r < 0.55:
        local = f"{first}{last}{rng.randint(1, 99)}"
    elif r < 0.65:
        local = f"{first}_{last}"
    elif r < 0.75:
        local = f"{last}.{first[0]}"
    elif r < 0.85:
        local = f"{first}{rng.randint(1960, 2005)}"
    elif r < 0.92:
        local = f"{first}.{last[0]}{rng.randint(10, 99)}"
    else:
        local = f"{first}-{last}"
    return f"{local}@{prov}"


def email_spoken(rng: random.Random, addr: str) -> str:
    """As a raw ASR writes it: 'maria dot garcia at gmail dot com', a number in words."""
    local, domain = addr.split("@")
    out = ""
    run = ""
    for ch in local:
        if ch.isdigit():
            run += ch
            continue
        if run:
            out += (
                " "
                + (number_words(int(run)) if len(run) <= 2 else say_digits(rng, run)).strip()
                + " "
            )
            run = ""
        if ch == ".":
            out += " dot "
        elif ch == "_":
            out += " underscore "
        elif ch == "-":
            out += pick(rng, [" dash ", " hyphen "])
        else:
            out += ch
    if run:
        said = number_words(int(run)) if len(run) == 2 else say_digits(rng, run)
        if len(run) == 4 and run.startswith("19"):
            said = pair_words(run[:2]) + " " + pair_words(run[2:])
        out += " " + said
    out = " ".join(out.split())
    if rng.random() < 0.15 and "." not in local and len(local) <= 9 and local.isalpha():
        out = " ".join(local)  # spelled letter by letter
    dom = " dot ".join(domain.split("."))
    return f"{out} {pick(rng, ['at', 'at', 'at', 'at sign'])} {dom}"


# ---------------------------------------------------------------- JSON with labelled values


def json_parts(obj: object, *, indent: int | None = None) -> list[str | Pii | Benign]:
    """JSON text of `obj` as parts; Pii/Benign values (strings in the JSON) stay marked."""
    marked: list[Pii | Benign] = []

    def walk(o: object) -> object:
        if isinstance(o, (Pii, Benign)):
            marked.append(o)
            return f"@@M{len(marked) - 1}@@"
        if isinstance(o, dict):
            return {k: walk(v) for k, v in o.items()}
        if isinstance(o, list):
            return [walk(v) for v in o]
        return o

    text = json.dumps(walk(obj), indent=indent, ensure_ascii=False)
    parts: list[str | Pii | Benign] = []
    pieces = text.split("@@M")
    parts.append(pieces[0])
    for p in pieces[1:]:
        num, rest = p.split("@@", 1)
        parts.append(marked[int(num)])
        parts.append(rest)
    return [p for p in parts if p != ""]
