"""heldout6 helpers: drawing valid values (phones, cards, IBANs, SSNs, emails) and saying them.

Everything draws from the rng handed in. A value is drawn valid (phonenumbers for phones,
Luhn for cards, ISO 13616 check digits for IBANs) and then rendered the way a caller says
it, an agent reads it back, or someone types it into a chat box.
"""

from __future__ import annotations

import random

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType
from pii_rows import Benign, Pii, Row, maybe
from stdnum import iban as std_iban
from stdnum import luhn

# --------------------------------------------------------------------------- words

ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
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
MISHEAR = {"four": ["for"], "two": ["to", "too"], "one": ["won"], "eight": ["ate"], "oh": ["o"]}
FILLERS = ["uh", "um", "er", "hmm", "let me see", "hang on", "one sec", "erm", "so", "wait", "okay"]


def digit_word(d: str, zero: str) -> str:
    return zero if d == "0" else ONES[int(d)]


def number_words(n: int) -> str:
    """0..9999 as words, the way people say amounts and years."""
    if n < 20:
        return ONES[n]
    if n < 100:
        t, o = divmod(n, 10)
        return TENS[t] + ("" if o == 0 else " " + ONES[o])
    if n < 1000:
        h, r = divmod(n, 100)
        return ONES[h] + " hundred" + ("" if r == 0 else " and " + number_words(r))
    th, r = divmod(n, 1000)
    if r == 0:
        return number_words(th) + " thousand"
    if r < 100:
        return number_words(th) + " thousand and " + number_words(r)
    return number_words(th) + " thousand " + number_words(r)


def pair_words(two: str, zero: str) -> str:
    """'41' -> 'forty one', '07' -> 'oh seven', '10' -> 'ten', '00' -> 'double oh'."""
    if two[0] == "0":
        return ("double " + zero) if two[1] == "0" else zero + " " + ONES[int(two[1])]
    return number_words(int(two))


def say_group(group: str, rng: random.Random, zero: str, style: str) -> str:
    """One group of digits as words; style single / pairs / runs / hundreds."""
    if style == "pairs" and len(group) >= 2:
        parts = []
        g = group
        if len(g) % 2:
            parts.append(digit_word(g[0], zero))
            g = g[1:]
        for i in range(0, len(g), 2):
            parts.append(pair_words(g[i : i + 2], zero))
        return " ".join(parts)
    if style == "hundreds" and len(group) == 3 and group[0] != "0" and group[1:] != "00":
        return ONES[int(group[0])] + " " + pair_words(group[1:], zero)
    if style == "hundreds" and len(group) == 3 and group[0] != "0" and group[1:] == "00":
        return ONES[int(group[0])] + " hundred"
    if style == "runs":
        out = []
        i = 0
        while i < len(group):
            j = i
            while j < len(group) and group[j] == group[i]:
                j += 1
            run = j - i
            w = digit_word(group[i], zero)
            while run >= 3 and maybe(rng, 0.7):
                out.append("triple " + w)
                run -= 3
            while run >= 2:
                out.append("double " + w)
                run -= 2
            if run:
                out.append(w)
            i = j
        return " ".join(out)
    return " ".join(digit_word(d, zero) for d in group)


def mishear(text: str, rng: random.Random, p: float = 0.35) -> str:
    out = []
    for w in text.split(" "):
        if w in MISHEAR and maybe(rng, p):
            out.append(rng.choice(MISHEAR[w]))
        else:
            out.append(w)
    return " ".join(out)


def say_digits(
    groups: list[str],
    rng: random.Random,
    *,
    raw: bool = True,
    fillers: float = 0.0,
    restart: float = 0.0,
    misheard: float = 0.0,
    style: str | None = None,
) -> str:
    """Groups said as words (raw STT) or digits (smart STT), maybe with fillers/restarts."""
    zero = rng.choice(["oh", "oh", "zero", "o"])
    style = style or rng.choice(["single", "single", "runs", "pairs", "mixed"])
    sep_smart = rng.choice([" ", " ", "-", ", "])
    pieces = []
    for gi, g in enumerate(groups):
        if raw:
            st = style if style != "mixed" else rng.choice(["single", "runs", "pairs", "hundreds"])
            said = say_group(g, rng, zero, st)
            if misheard:
                said = mishear(said, rng, misheard)
        else:
            said = g
        if gi and maybe(rng, fillers):
            f = rng.choice(FILLERS)
            pieces.append(f if raw else f + ",")
        if gi and maybe(rng, restart):
            # says a wrong group first, then corrects it
            wrong = list(g)
            k = rng.randrange(len(wrong))
            wrong[k] = str((int(wrong[k]) + rng.choice([1, 2, 7])) % 10)
            wrong = "".join(wrong)
            fix = rng.choice(["sorry", "no", "no sorry", "i mean", "scratch that", "no wait"])
            if raw:
                pieces.append(say_group(wrong, rng, zero, "single"))
                pieces.append(fix)
            else:
                pieces.append(wrong + ",")
                pieces.append(fix + ",")
        pieces.append(said)
    if raw:
        return " ".join(pieces)
    text = ""
    for i, p in enumerate(pieces):
        if i == 0:
            text = p
        elif text.endswith(","):
            text += " " + p
        else:
            text += sep_smart + p
    return text


def spell(word: str, rng: random.Random, style: str = "plain") -> str:
    """Letters one by one: 'k a r i', 'K-A-R-I', 'k as in kilo a as in alpha'."""
    if style == "nato":
        return " ".join(
            NATO[c] if c in NATO else say_group(c, rng, "zero", "single") if c.isdigit() else c
            for c in word
        )
    if style == "as_in":
        out = []
        for c in word:
            if c in AS_IN and maybe(rng, 0.5):
                out.append(f"{c} as in {rng.choice(AS_IN[c])}")
            elif c.isdigit():
                out.append(ONES[int(c)])
            else:
                out.append(c)
        return " ".join(out)
    return " ".join(ONES[int(c)] if c.isdigit() else c for c in word)


NATO = {
    "a": "alpha",
    "b": "bravo",
    "c": "charlie",
    "d": "delta",
    "e": "echo",
    "f": "foxtrot",
    "g": "golf",
    "h": "hotel",
    "i": "india",
    "j": "juliet",
    "k": "kilo",
    "l": "lima",
    "m": "mike",
    "n": "november",
    "o": "oscar",
    "p": "papa",
    "q": "quebec",
    "r": "romeo",
    "s": "sierra",
    "t": "tango",
    "u": "uniform",
    "v": "victor",
    "w": "whiskey",
    "x": "x-ray",
    "y": "yankee",
    "z": "zulu",
}
AS_IN = {
    "b": ["boy", "bravo"],
    "c": ["cat", "charlie"],
    "d": ["dog", "david"],
    "f": ["frank", "fox"],
    "g": ["george"],
    "m": ["mary", "mother"],
    "n": ["nancy", "nora"],
    "p": ["peter", "paul"],
    "s": ["sam", "sugar"],
    "t": ["tom", "tango"],
    "v": ["victor", "violet"],
    "k": ["king"],
    "j": ["john"],
    "e": ["edward"],
    "l": ["larry", "london"],
    "r": ["robert"],
    "h": ["harry"],
    "w": ["william"],
}

# --------------------------------------------------------------------------- people

FIRST = [
    "marisol",
    "teodor",
    "keziah",
    "bronwen",
    "idris",
    "lucan",
    "perpetua",
    "osric",
    "yolanda",
    "fintan",
    "anouk",
    "rasmus",
    "delphine",
    "cormac",
    "saoirse",
    "ignacio",
    "thandiwe",
    "ezekiel",
    "wilhelmina",
    "juniper",
    "barnaby",
    "priyanka",
    "kwame",
    "ottilie",
    "leopold",
    "marguerite",
    "dashiell",
    "noor",
    "hollis",
    "ines",
    "gideon",
    "philippa",
    "tobias",
    "aurelio",
    "fenna",
    "caspian",
    "rosalind",
    "emeka",
    "henrike",
    "quincy",
    "zofia",
    "ambrose",
    "lowri",
    "mateus",
    "shirin",
    "vaughn",
    "isolde",
    "jarrah",
]
LAST = [
    "abernathy",
    "kowalczyk",
    "okonkwo",
    "brannigan",
    "delacroix",
    "haverford",
    "lindqvist",
    "mbeki",
    "ostrowski",
    "pemberton",
    "quintero",
    "rasmussen",
    "szabo",
    "thackeray",
    "underhill",
    "vasquez",
    "whitlock",
    "yamaguchi",
    "zeller",
    "achterberg",
    "blackwood",
    "castellano",
    "dunmore",
    "ferreira",
    "gallagher",
    "holmgren",
    "ibarra",
    "jankowski",
    "kettering",
    "loughran",
    "moreau",
    "nakashima",
    "oyelaran",
    "pritchard",
    "ravensworth",
    "sandoval",
    "trevelyan",
    "vanterpool",
    "waddell",
    "ashdown",
]

PROVIDERS = [
    "gmail.com",
    "gmail.com",
    "gmail.com",
    "yahoo.com",
    "outlook.com",
    "hotmail.com",
    "icloud.com",
    "aol.com",
    "proton.me",
    "protonmail.com",
    "live.com",
    "msn.com",
    "comcast.net",
    "att.net",
    "verizon.net",
    "me.com",
    "mail.com",
    "gmx.net",
    "ymail.com",
    "zoho.com",
    "fastmail.com",
    "sbcglobal.net",
    "cox.net",
]
COUNTRY_DOMAINS = [
    "yahoo.co.uk",
    "btinternet.com",
    "hotmail.co.uk",
    "gmx.de",
    "web.de",
    "orange.fr",
    "laposte.net",
    "libero.it",
    "yandex.ru",
    "bigpond.com",
    "shaw.ca",
    "rogers.com",
    "telenet.be",
    "ziggo.nl",
    "xtra.co.nz",
    "free.fr",
    "t-online.de",
    "wp.pl",
    "seznam.cz",
    "yahoo.com.au",
    "rediffmail.com",
    "sky.com",
    "virginmedia.com",
    "uol.com.br",
]
WORK_DOMAINS = [
    "kestrelgrove.com",
    "harrowmere-dental.co.uk",
    "bluefernlogistics.com",
    "pallisterlaw.com",
    "quayside-vets.ie",
    "orrinfield.org",
    "maplewhistle.io",
    "tamborinecafe.com.au",
    "stonebridgeclinic.org",
    "ferrowind.de",
    "copperline-roofing.com",
    "nettlebed.ac.uk",
    "lumenvale.fr",
    "driftwoodhoa.org",
    "sablecreek.net",
    "ironbarkfarm.co.nz",
    "hollis-and-penn.com",
    "veridane.ca",
]


def email_value(rng: random.Random, domain_kind: str | None = None) -> str:
    f, last = rng.choice(FIRST), rng.choice(LAST)
    kind = rng.randrange(9)
    num = str(
        rng.choice([rng.randrange(1, 99), rng.randrange(1950, 2012), rng.randrange(100, 999)])
    )
    if kind == 0:
        local = f"{f}.{last}"
    elif kind == 1:
        local = f"{f[0]}{last}"
    elif kind == 2:
        local = f"{f}_{last}{num}"
    elif kind == 3:
        local = f"{f}{num}"
    elif kind == 4:
        local = f"{last}-{f[0]}"
    elif kind == 5:
        local = f"{f}.{last[0]}.{num}"
    elif kind == 6:
        local = f"{f[:3]}{last[:4]}"
    elif kind == 7:
        local = f"{last}.{num}"
    else:
        local = f"{f}{last}"
    dk = domain_kind or rng.choice(["prov", "prov", "prov", "country", "work"])
    dom = {"prov": PROVIDERS, "country": COUNTRY_DOMAINS, "work": WORK_DOMAINS}[dk]
    if dk == "work":
        local = rng.choice([f, f"{f}.{last}", f"{f[0]}.{last}", f"{f[0]}{last}"])
    return f"{local}@{rng.choice(dom)}"


def say_email(
    addr: str,
    rng: random.Random,
    *,
    raw: bool = True,
    spell_p: float = 0.25,
    drop_ending: bool = False,
    style: str | None = None,
) -> str:
    """A spoken email: 'marisol dot okonkwo at gmail dot com' and its many variants."""
    dot = rng.choice(["dot", "dot", "dot", "period", "point"])
    at = rng.choice(["at", "at", "at", "at sign", "at the rate", "at symbol"])
    dash = rng.choice(["dash", "hyphen", "minus"])
    under = rng.choice(["underscore", "underscore", "under score", "underline"])
    style = style or rng.choice(["plain", "plain", "plain", "nato", "as_in"])
    local, domain = addr.split("@")
    words = []

    def chunk_words(s: str, is_local: bool) -> None:
        buf = ""
        for ch in s + "\0":
            if ch.isalnum():
                buf += ch
                continue
            if buf:
                words.append(say_chunk(buf, is_local))
                buf = ""
            if ch == ".":
                words.append(dot)
            elif ch == "-":
                words.append(dash)
            elif ch == "_":
                words.append(under)

    def say_chunk(buf: str, is_local: bool) -> str:
        if buf.isdigit():
            if not raw and maybe(rng, 0.6):
                return buf
            if len(buf) == 4 and buf[:2] in ("19", "20"):
                return pair_words(buf[:2], "oh") + " " + pair_words(buf[2:], "oh")
            return say_group(buf, rng, "oh", rng.choice(["single", "pairs"]))
        if buf.isalpha():
            if is_local and len(buf) > 3 and buf[1:] in LAST and maybe(rng, 0.8):
                return buf[0] + " " + buf[1:]
            if is_local and (len(buf) <= 2 or maybe(rng, spell_p)):
                return spell(buf, rng, style if len(buf) > 1 else "plain")
            return buf
        # letters then digits
        head = "".join(c for c in buf if c.isalpha())
        tail = buf[len(head) :]
        if not tail.isdigit():
            return spell(buf, rng, "plain")
        return say_chunk(head, is_local) + " " + say_chunk(tail, is_local)

    chunk_words(local, True)
    words.append(at)
    if drop_ending:
        domain = domain.split(".")[0]
    chunk_words(domain, False)
    text = " ".join(words)
    return text if raw else text


# --------------------------------------------------------------------------- phones

REGIONS = [
    "AI",
    "AS",
    "AW",
    "BF",
    "BI",
    "BJ",
    "BL",
    "CC",
    "CF",
    "CK",
    "CU",
    "DJ",
    "DM",
    "GA",
    "GD",
    "GF",
    "GM",
    "IO",
    "IR",
    "KI",
    "KM",
    "LR",
    "LS",
    "MQ",
    "NC",
    "NR",
    "NU",
    "PF",
    "PM",
    "PW",
    "SB",
    "SH",
    "SJ",
    "SL",
    "SS",
    "SZ",
    "TG",
    "TO",
    "TV",
    "VA",
    "VI",
    "VU",
]
US_AREAS = [
    "205",
    "907",
    "480",
    "501",
    "415",
    "720",
    "860",
    "302",
    "305",
    "404",
    "808",
    "208",
    "312",
    "317",
    "515",
    "316",
    "502",
    "504",
    "207",
    "410",
    "617",
    "313",
    "612",
    "601",
    "314",
    "406",
    "402",
    "702",
    "603",
    "973",
    "505",
    "718",
    "919",
    "701",
    "614",
    "405",
    "503",
    "215",
    "401",
    "843",
    "605",
    "615",
    "512",
    "801",
    "802",
    "804",
    "206",
    "304",
    "414",
    "307",
    "929",
    "646",
    "213",
    "971",
    "737",
    "458",
]
PLACE = {
    "AI": "Anguilla",
    "AS": "American Samoa",
    "AW": "Aruba",
    "BF": "Burkina Faso",
    "BI": "Burundi",
    "BJ": "Benin",
    "BL": "Saint Barthelemy",
    "CC": "the Cocos Islands",
    "CF": "Bangui",
    "CK": "Rarotonga",
    "CU": "Havana",
    "DJ": "Djibouti",
    "DM": "Dominica",
    "GA": "Libreville",
    "GD": "Grenada",
    "GF": "Cayenne",
    "GM": "Banjul",
    "IO": "Diego Garcia",
    "IR": "Tehran",
    "KI": "Tarawa",
    "KM": "Moroni",
    "LR": "Monrovia",
    "LS": "Maseru",
    "MQ": "Martinique",
    "NC": "Noumea",
    "NR": "Nauru",
    "NU": "Niue",
    "PF": "Tahiti",
    "PM": "Saint Pierre",
    "PW": "Palau",
    "SB": "Honiara",
    "SH": "Saint Helena",
    "SJ": "Svalbard",
    "SL": "Freetown",
    "SS": "Juba",
    "SZ": "Mbabane",
    "TG": "Lome",
    "TO": "Tonga",
    "TV": "Tuvalu",
    "VA": "Vatican City",
    "VI": "St Thomas",
    "VU": "Port Vila",
    "US": "the States",
}


class Phone:
    def __init__(self, region: str, num: phonenumbers.PhoneNumber):
        self.region = region
        self.num = num
        self.cc = str(num.country_code)
        self.nsn = phonenumbers.national_significant_number(num)
        nat = phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL)
        intl = phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL)
        self.national_fmt = nat
        self.intl_fmt = intl
        self.national_digits = "".join(c for c in nat if c.isdigit())
        self.nat_groups = [g for g in "".join(c if c.isdigit() else " " for c in nat).split()]
        body = intl.split(" ", 1)[1] if " " in intl else self.nsn
        self.intl_groups = [g for g in "".join(c if c.isdigit() else " " for c in body).split()]


def draw_phone(rng: random.Random, region: str) -> Phone:
    if region == "US":
        for _ in range(200):
            s = (
                rng.choice(US_AREAS)
                + str(rng.randrange(2, 10))
                + "".join(str(rng.randrange(10)) for _ in range(6))
            )
            if s[3:6] == "555" or s[4:6] == "11":
                continue
            n = phonenumbers.parse("+1" + s)
            if phonenumbers.is_valid_number(n) and phonenumbers.region_code_for_number(n) == "US":
                return Phone("US", n)
        raise RuntimeError("no US number")
    types = [PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE]
    rng.shuffle(types)
    cc = phonenumbers.country_code_for_region(region)
    for t in types:
        ex = phonenumbers.example_number_for_type(region, t)
        if ex is None:
            continue
        nsn = phonenumbers.national_significant_number(ex)
        keep = {10: 4, 9: 3, 8: 2, 7: 2, 6: 2, 5: 1, 4: 1}.get(len(nsn), 3)
        if region in ("AI", "AS", "DM", "GD", "VI"):
            keep = 6
        keep = {"CC": 5, "VA": 5, "BL": 5, "SJ": 3}.get(region, keep)
        for _ in range(120):
            s = nsn[:keep] + "".join(str(rng.randrange(10)) for _ in range(len(nsn) - keep))
            n = phonenumbers.parse(f"+{cc}{s}")
            if (
                phonenumbers.is_valid_number_for_region(n, region)
                and phonenumbers.region_code_for_number(n) == region
            ):
                return Phone(region, n)
    raise RuntimeError(region)


def intl_prefix(ph: Phone, rng: random.Random, *, raw: bool) -> tuple[str, str]:
    """(outside-the-label lead-in, in-label prefix) for an international form."""
    cc = ph.cc
    if raw:
        cc_said = say_group(cc, rng, "zero", rng.choice(["single", "single", "pairs"]))
        k = rng.randrange(4)
        if k == 0:
            return "plus ", cc_said + " "
        if k == 1:
            return "", "double oh " + cc_said + " "
        if k == 2:
            return "", "zero zero " + cc_said + " "
        return "", "oh oh " + cc_said + " "
    k = rng.randrange(4)
    if k == 0:
        return "", f"+{cc} "
    if k == 1:
        return "", f"00{cc} "
    if k == 2:
        return "", f"+{cc}-"
    return "", f"+({cc}) "


def odd_groups(digits: str, rng: random.Random) -> list[str]:
    """Regroups digits the way people do when they don't know the local format."""
    out = []
    i = 0
    while i < len(digits):
        left = len(digits) - i
        n = rng.choice([2, 3, 3, 4]) if left > 4 else left
        if left - n == 1:
            n += 1
        out.append(digits[i : i + n])
        i += n
    return out


def phone_text(
    ph: Phone,
    rng: random.Random,
    *,
    raw: bool,
    intl: bool | None = None,
    odd: float = 0.25,
    fillers: float = 0.0,
    restart: float = 0.0,
    misheard: float = 0.0,
) -> tuple[str, str]:
    """(lead-in, label text) for a phone said or written."""
    if intl is None:
        intl = maybe(rng, 0.45) or ph.region in ("CK", "NU", "SH", "KI", "TV")
    if intl:
        lead, pre = intl_prefix(ph, rng, raw=raw)
        groups = ph.intl_groups if not maybe(rng, odd) else odd_groups(ph.nsn, rng)
    else:
        lead, pre = "", ""
        groups = ph.nat_groups if not maybe(rng, odd) else odd_groups(ph.national_digits, rng)
    if not raw and not fillers and not restart and not intl and maybe(rng, 0.35):
        body = ph.national_fmt if maybe(rng, 0.5) else rng.choice(["-", ".", " ", ""]).join(groups)
    else:
        body = say_digits(groups, rng, raw=raw, fillers=fillers, restart=restart, misheard=misheard)
    return lead, pre + body


def pick_region(rng: random.Random) -> str:
    return "US" if maybe(rng, 0.2) else rng.choice(REGIONS)


# --------------------------------------------------------------------------- cards

NETWORKS = {
    "visa": (["4"], [16, 16, 16, 13, 19]),
    "mastercard": (["51", "52", "53", "54", "55", "2221", "2390", "2501", "2720"], [16]),
    "amex": (["34", "37"], [15]),
    "discover": (["6011", "644", "647", "649", "65"], [16, 19]),
    "jcb": (["3528", "3541", "3566", "3589"], [16]),
    "diners": (["300", "303", "305", "36", "38"], [14]),
    "unionpay": (["62"], [16, 17, 19]),
    "maestro": (["5018", "5020", "5038", "6304", "6759", "6761", "6763"], [16, 19, 12]),
    "mir": (["2200", "2201", "2202", "2203", "2204"], [16]),
}
NETWORK_SAID = {
    "visa": "Visa",
    "mastercard": "Mastercard",
    "amex": "Amex",
    "discover": "Discover",
    "jcb": "JCB",
    "diners": "Diners Club",
    "unionpay": "UnionPay",
    "maestro": "Maestro",
    "mir": "Mir",
}


def draw_card(rng: random.Random, network: str | None = None) -> tuple[str, str]:
    network = network or rng.choice(list(NETWORKS))
    prefixes, lengths = NETWORKS[network]
    pre = rng.choice(prefixes)
    length = rng.choice(lengths)
    body = pre + "".join(str(rng.randrange(10)) for _ in range(length - len(pre) - 1))
    return network, body + luhn.calc_check_digit(body)


def card_groups(num: str, rng: random.Random, odd: float = 0.15) -> list[str]:
    if maybe(rng, odd):
        return odd_groups(num, rng)
    n = len(num)
    if n == 15:
        return [num[:4], num[4:10], num[10:]]
    if n == 14:
        return [num[:4], num[4:10], num[10:]]
    return [num[i : i + 4] for i in range(0, n, 4)]


def card_text(
    num: str,
    rng: random.Random,
    *,
    raw: bool,
    fillers: float = 0.0,
    restart: float = 0.0,
    misheard: float = 0.0,
) -> str:
    groups = card_groups(num, rng)
    if not raw and not fillers and not restart and maybe(rng, 0.6):
        return rng.choice([" ", " ", "-", ""]).join(groups)
    return say_digits(
        groups,
        rng,
        raw=raw,
        fillers=fillers,
        restart=restart,
        misheard=misheard,
        style=rng.choice(["single", "single", "pairs", "runs", "mixed"]),
    )


# --------------------------------------------------------------------------- SSNs


def draw_ssn(rng: random.Random) -> str:
    while True:
        area = rng.randrange(1, 900)
        if area != 666:
            break
    return f"{area:03d}{rng.randrange(1, 100):02d}{rng.randrange(1, 10000):04d}"


def ssn_text(
    ssn: str,
    rng: random.Random,
    *,
    raw: bool,
    fillers: float = 0.0,
    restart: float = 0.0,
    misheard: float = 0.0,
) -> str:
    groups = [ssn[:3], ssn[3:5], ssn[5:]]
    if not raw and not fillers and not restart and maybe(rng, 0.7):
        return rng.choice(["-", "-", " ", "", "."]).join(groups)
    return say_digits(groups, rng, raw=raw, fillers=fillers, restart=restart, misheard=misheard)


# --------------------------------------------------------------------------- IBANs

IBAN_SPEC = {  # country: list of (count, 'n' digits | 'a' upper letters | 'c' alnum)
    "DE": [(18, "n")],
    "GB": [(4, "a"), (14, "n")],
    "FR": [(10, "n"), (11, "n"), (2, "n")],
    "ES": [(20, "n")],
    "IT": [(1, "a"), (10, "n"), (12, "n")],
    "NL": [(4, "a"), (10, "n")],
    "BE": [(12, "n")],
    "CH": [(5, "n"), (12, "n")],
    "AT": [(16, "n")],
    "PL": [(24, "n")],
    "PT": [(21, "n")],
    "IE": [(4, "a"), (14, "n")],
    "SE": [(20, "n")],
    "NO": [(11, "n")],
    "DK": [(14, "n")],
    "FI": [(14, "n")],
    "SA": [(2, "n"), (18, "n")],
    "AE": [(19, "n")],
    "TR": [(5, "n"), (1, "n"), (16, "n")],
    "GR": [(7, "n"), (16, "n")],
    "LU": [(3, "n"), (13, "n")],
    "HR": [(17, "n")],
    "RO": [(4, "a"), (16, "n")],
    "CZ": [(20, "n")],
    "HU": [(24, "n")],
    "MT": [(4, "a"), (5, "n"), (18, "n")],
    "CY": [(8, "n"), (16, "n")],
    "EE": [(16, "n")],
    "IS": [(22, "n")],
    "LT": [(16, "n")],
}
IBAN_PLACE = {
    "DE": "Germany",
    "GB": "the UK",
    "FR": "France",
    "ES": "Spain",
    "IT": "Italy",
    "NL": "the Netherlands",
    "BE": "Belgium",
    "CH": "Switzerland",
    "AT": "Austria",
    "PL": "Poland",
    "PT": "Portugal",
    "IE": "Ireland",
    "SE": "Sweden",
    "NO": "Norway",
    "DK": "Denmark",
    "FI": "Finland",
    "SA": "Saudi",
    "AE": "Dubai",
    "TR": "Turkey",
    "GR": "Greece",
    "LU": "Luxembourg",
    "HR": "Croatia",
    "RO": "Romania",
    "CZ": "Czech Republic",
    "HU": "Hungary",
    "MT": "Malta",
    "CY": "Cyprus",
    "EE": "Estonia",
    "IS": "Iceland",
    "LT": "Lithuania",
}
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def draw_iban(rng: random.Random, country: str | None = None) -> str:
    country = country or rng.choice(sorted(IBAN_SPEC))
    for _ in range(3000):
        bban = ""
        for count, kind in IBAN_SPEC[country]:
            for _ in range(count):
                bban += rng.choice(LETTERS) if kind == "a" else str(rng.randrange(10))
        cand = country + "00" + bban
        full = country + std_iban.calc_check_digits(cand) + bban
        if std_iban.is_valid(full):
            return full
    raise RuntimeError(country)


def iban_text(
    iban: str, rng: random.Random, *, raw: bool, fillers: float = 0.0, restart: float = 0.0
) -> str:
    groups = [iban[i : i + 4] for i in range(0, len(iban), 4)]
    if not raw:
        if maybe(rng, 0.5):
            return " ".join(groups)
        if maybe(rng, 0.5):
            return iban
        return (
            iban[:2]
            + " "
            + iban[2:4]
            + " "
            + " ".join(iban[i : i + 4] for i in range(4, len(iban), 4))
        )
    style = rng.choice(["plain", "plain", "nato", "as_in"])
    zero = rng.choice(["oh", "zero"])
    out = []
    for gi, g in enumerate(groups):
        if gi and maybe(rng, fillers):
            out.append(rng.choice(FILLERS))
        words = []
        buf = ""
        for ch in g + "\0":
            if ch.isdigit():
                buf += ch
                continue
            if buf:
                words.append(say_group(buf, rng, zero, rng.choice(["single", "single", "pairs"])))
                buf = ""
            if ch.isalpha():
                words.append(spell(ch.lower(), rng, style))
        out.append(" ".join(words))
    return " ".join(out)


# --------------------------------------------------------------------------- typing

ODD_SPACES = {"nbsp": "\u00a0", "thin": "\u2009", "zwsp": "\u200b", "endash": "\u2013"}


def odd_typed(groups: list[str], kind: str) -> str:
    """Typed with an unusual separator or a full-width digit."""
    if kind == "fullwidth":
        s = " ".join(groups)
        i = s.find("4")
        if i < 0:
            s = " ".join(groups).replace("1", "\uff11", 1)
            return s
        return s[:i] + "\uff14" + s[i + 1 :]
    if kind == "zwsp":
        return "\u200b".join(groups)
    return ODD_SPACES[kind].join(groups)


# --------------------------------------------------------------------------- recording


def pii(
    row: Row, kind: str, text: str, value: str, region: str | None = None, split: bool = False
) -> Pii:
    """A Pii piece, remembering the clean value on the row for self-checks."""
    if not hasattr(row, "h6_values"):
        row.h6_values = []  # type: ignore[attr-defined]
    row.h6_values.append((kind, value, region))  # type: ignore[attr-defined]
    if kind == "phone" and region:
        row.tags.add(f"phone.region.{region}")
    if kind == "iban":
        row.tags.add(f"iban.country.{value[:2]}")
    return Pii(kind, text, split)


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


__all__ = ["Benign", "Pii", "Row", "maybe"]
