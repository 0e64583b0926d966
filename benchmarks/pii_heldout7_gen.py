"""heldout7: the PII values themselves (valid phones, cards, IBANs, SSNs, emails) and how a
caller or an agent says or types them."""

from __future__ import annotations

import random

import phonenumbers
from phonenumbers import PhoneNumberFormat as PNF
from phonenumbers import PhoneNumberType as PNT
from pii_heldout7_say import FILLERS, NATO, digits_words, regroup, say_groups, spell
from stdnum import iban as stdiban
from stdnum import luhn

# ---------------------------------------------------------------- phones

REGIONS = [
    ("US", 40),
    ("CA", 9),
    ("GB", 7),
    ("AU", 4),
    ("IN", 5),
    ("DE", 3),
    ("FR", 2),
    ("ES", 2),
    ("IT", 1.5),
    ("MX", 2.5),
    ("BR", 2),
    ("NL", 1),
    ("IE", 1.2),
    ("ZA", 1.2),
    ("NG", 1.2),
    ("KE", 1),
    ("PH", 1.5),
    ("SG", 1),
    ("JP", 1),
    ("KR", 1),
    ("AE", 1.2),
    ("SA", 0.8),
    ("PL", 0.8),
    ("TR", 0.8),
    ("AR", 0.8),
    ("CO", 0.8),
    ("CL", 0.7),
    ("NZ", 0.5),
    ("SE", 0.4),
    ("PT", 0.4),
    ("CH", 0.4),
    ("BE", 0.4),
    ("EG", 0.4),
    ("PK", 0.5),
    ("VN", 0.3),
    ("IL", 0.3),
    ("GR", 0.3),
    ("DK", 0.3),
    ("NO", 0.3),
    ("AT", 0.3),
    ("JM", 0.3),
    ("GH", 0.3),
    ("MY", 0.3),
    ("TH", 0.3),
    ("ID", 0.3),
]
US_AREAS = [
    "201",
    "206",
    "212",
    "213",
    "214",
    "248",
    "267",
    "303",
    "305",
    "312",
    "313",
    "314",
    "347",
    "404",
    "407",
    "415",
    "469",
    "480",
    "503",
    "512",
    "602",
    "615",
    "617",
    "646",
    "702",
    "704",
    "713",
    "718",
    "720",
    "773",
    "786",
    "813",
    "818",
    "832",
    "901",
    "917",
    "919",
    "925",
    "929",
    "971",
    "980",
    "984",
]
CA_AREAS = [
    "416",
    "647",
    "437",
    "604",
    "778",
    "514",
    "438",
    "403",
    "587",
    "613",
    "780",
    "902",
    "905",
    "519",
    "306",
    "204",
]
NATIONAL_PREFIX = {
    "GB": "0",
    "AU": "0",
    "IN": "0",
    "DE": "0",
    "FR": "0",
    "NL": "0",
    "IE": "0",
    "ZA": "0",
    "NG": "0",
    "KE": "0",
    "PH": "0",
    "JP": "0",
    "KR": "0",
    "AE": "0",
    "SA": "0",
    "TR": "0",
    "NZ": "0",
    "SE": "0",
    "CH": "0",
    "BE": "0",
    "EG": "0",
    "PK": "0",
    "VN": "0",
    "IL": "0",
    "AT": "0",
    "GH": "0",
    "MY": "0",
    "TH": "0",
    "ID": "0",
    "BR": "0",
    "AR": "0",
    "CO": "",
    "CL": "",
}


def pick_region(rng: random.Random) -> str:
    return rng.choices([r for r, _ in REGIONS], [w for _, w in REGIONS])[0]


def new_phone(rng: random.Random, region: str) -> phonenumbers.PhoneNumber:
    if region in ("US", "CA"):
        areas = US_AREAS if region == "US" else CA_AREAS
        for _ in range(60):
            s = (
                rng.choice(areas)
                + str(rng.randint(2, 9))
                + "".join(str(rng.randint(0, 9)) for _ in range(6))
            )
            if s[4:6] == "11":
                continue
            num = phonenumbers.parse(s, region)
            if (
                phonenumbers.is_valid_number(num)
                and phonenumbers.region_code_for_number(num) == region
            ):
                return num
    kind = PNT.MOBILE if rng.random() < 0.75 else PNT.FIXED_LINE
    ex = phonenumbers.example_number_for_type(region, kind) or phonenumbers.example_number_for_type(
        region, PNT.MOBILE
    )
    nsn = phonenumbers.national_significant_number(ex)
    keep = max(2, len(nsn) - rng.randint(5, 7))
    for _ in range(80):
        s = nsn[:keep] + "".join(str(rng.randint(0, 9)) for _ in range(len(nsn) - keep))
        num = phonenumbers.parse("+" + str(ex.country_code) + s)
        if phonenumbers.is_valid_number(num) and phonenumbers.region_code_for_number(num) == region:
            return num
    return ex


def _groups(text: str) -> list[str]:
    out, cur = [], ""
    for ch in text:
        if ch.isdigit():
            cur += ch
        elif cur:
            out.append(cur)
            cur = ""
    if cur:
        out.append(cur)
    return out


def phone_written(rng: random.Random, num: phonenumbers.PhoneNumber, intl: bool) -> str:
    region = phonenumbers.region_code_for_number(num)
    nsn = phonenumbers.national_significant_number(num)
    cc = str(num.country_code)
    if region in ("US", "CA"):
        a, b, c = nsn[:3], nsn[3:6], nsn[6:]
        if intl:
            return rng.choice(
                [
                    f"+1 {a}-{b}-{c}",
                    f"+1 ({a}) {b}-{c}",
                    f"+1{a}{b}{c}",
                    f"1-{a}-{b}-{c}",
                    f"+1 {a} {b} {c}",
                    f"1 ({a}) {b}-{c}",
                    f"001 {a} {b} {c}",
                ]
            )
        return rng.choice(
            [
                f"({a}) {b}-{c}",
                f"{a}-{b}-{c}",
                f"{a}.{b}.{c}",
                f"{a} {b} {c}",
                f"{a}{b}{c}",
                f"({a}){b}-{c}",
                f"{a}-{b}{c}",
            ]
        )
    if intl:
        form = rng.random()
        if form < 0.45:
            return phonenumbers.format_number(num, PNF.INTERNATIONAL)
        if form < 0.65:
            return phonenumbers.format_number(num, PNF.E164)
        if form < 0.85:
            return "00" + phonenumbers.format_number(num, PNF.INTERNATIONAL)[1:]
        return "+" + cc + " " + " ".join(regroup(nsn, [3, 3, 4, 4]))
    nat = phonenumbers.format_number(num, PNF.NATIONAL)
    if rng.random() < 0.7:
        return nat
    digits = "".join(_groups(nat))
    return rng.choice(
        [digits, " ".join(regroup(digits, [4, 3, 4])), "-".join(regroup(digits, [3, 3, 4, 4]))]
    )


def phone_spoken(
    rng: random.Random,
    num: phonenumbers.PhoneNumber,
    intl: bool,
    raw: bool,
    filler: float = 0.0,
    restart: bool = False,
) -> tuple[str, str]:
    """(text outside the label before it, the label): e.g. ("plus ", "four four seven ...")."""
    region = phonenumbers.region_code_for_number(num)
    nsn = phonenumbers.national_significant_number(num)
    cc = str(num.country_code)
    if region in ("US", "CA"):
        groups = [nsn[:3], nsn[3:6], nsn[6:]]
    else:
        nat = phonenumbers.format_number(num, PNF.NATIONAL if not intl else PNF.INTERNATIONAL)
        groups = _groups(nat)
        if intl:
            groups = groups[1:]
        if intl and groups and groups[0].startswith("0") and region not in ("IT",):
            groups[0] = groups[0][1:] or groups[0]
        groups = [g for g in groups if g]
        if len(groups) == 1 or (len(groups) == 2 and rng.random() < 0.4):
            groups = (
                regroup("".join(groups), [3, 3, 3, 4])
                if len("".join(groups)) > 7
                else regroup("".join(groups), [4, 4])
            )
    mishear = 0.15 if raw else 0.0
    style = rng.choice([None, "single", "double", "pairs", None])
    before = ""
    prefix = ""
    if intl:
        how = rng.random()
        ccw = digits_words(cc, rng, "single", mishear)
        if how < 0.5:
            before = "plus "
            prefix = ccw
        elif how < 0.75:
            prefix = "double oh " + ccw
        else:
            prefix = "zero zero " + ccw
    if restart and len(groups) >= 2:
        k = rng.randint(1, len(groups) - 1)
        bad = list(groups[k])
        j = rng.randrange(len(bad))
        bad[j] = str((int(bad[j]) + rng.randint(1, 8)) % 10)
        said_bad = digits_words("".join(bad[: max(1, len(bad) - 1)]), rng, "single", mishear)
        fix = rng.choice(["sorry", "no wait", "I mean", "no sorry", "scratch that"])
        head = say_groups(groups[:k], rng, raw, style, filler, mishear)
        tail = say_groups(groups[k:], rng, raw, style, 0.0, mishear)
        body = f"{head} {said_bad} {fix} {tail}" if raw else f"{head}, {said_bad}... {fix}, {tail}"
    else:
        body = say_groups(groups, rng, raw, style, filler, mishear)
    if raw:
        body = body.lower()
    label = (prefix + (" " if raw else rng.choice([" ", ", "])) + body) if prefix else body
    return before, label


# ---------------------------------------------------------------- cards

NETWORKS = [
    ("visa", 30),
    ("mastercard", 25),
    ("amex", 12),
    ("discover", 8),
    ("diners", 4),
    ("jcb", 4),
    ("unionpay", 5),
    ("maestro", 4),
    ("mir", 3),
]
NETWORK_NAME = {
    "visa": "Visa",
    "mastercard": "Mastercard",
    "amex": "American Express",
    "discover": "Discover",
    "diners": "Diners Club",
    "jcb": "JCB",
    "unionpay": "UnionPay",
    "maestro": "Maestro",
    "mir": "Mir",
}


def new_card(rng: random.Random, network: str | None = None) -> tuple[str, str]:
    if network is None:
        network = rng.choices([n for n, _ in NETWORKS], [w for _, w in NETWORKS])[0]
    if network == "visa":
        prefix, length = "4" + str(rng.randint(0, 9)), rng.choice([16, 16, 16, 16, 19, 13])
    elif network == "mastercard":
        prefix = rng.choice([str(rng.randint(51, 55)), str(rng.randint(2221, 2720))])
        length = 16
    elif network == "amex":
        prefix, length = rng.choice(["34", "37"]), 15
    elif network == "discover":
        prefix = rng.choice(["6011", "65", str(rng.randint(644, 649))])
        length = rng.choice([16, 16, 16, 19])
    elif network == "diners":
        prefix, length = rng.choice(["36", "38", "30" + str(rng.randint(0, 5))]), 14
    elif network == "jcb":
        prefix, length = str(rng.randint(3528, 3589)), 16
    elif network == "unionpay":
        prefix, length = "62" + str(rng.randint(1, 8)), rng.choice([16, 16, 17, 18, 19])
    elif network == "maestro":
        prefix = rng.choice(["5018", "5020", "5038", "6304", "6759", "6761"])
        length = rng.choice([16, 16, 19, 18, 12])
    else:
        prefix, length = "220" + str(rng.randint(0, 4)), 16
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    return network, body + luhn.calc_check_digit(body)


def card_groups(rng: random.Random, number: str) -> list[str]:
    n = len(number)
    if n == 15:
        return regroup(number, rng.choice([[4, 6, 5], [4, 6, 5], [4, 4, 4, 3]]))
    if n == 14:
        return regroup(number, rng.choice([[4, 6, 4], [4, 4, 4, 2]]))
    if n == 19:
        return regroup(number, rng.choice([[4, 4, 4, 4, 3], [6, 13], [4, 4, 4, 7]]))
    if n == 16 and rng.random() < 0.12:
        return regroup(number, rng.choice([[4, 4, 8], [8, 8], [2, 2, 2, 2, 2, 2, 2, 2]]))
    return regroup(number, [4] * 5)


def card_written(rng: random.Random, number: str) -> str:
    groups = card_groups(rng, number)
    sep = rng.choice([" ", " ", "-", "", " ", "  "])
    return sep.join(groups)


def card_spoken(
    rng: random.Random, number: str, raw: bool, filler: float = 0.0, restart: bool = False
) -> str:
    groups = card_groups(rng, number)
    style = rng.choice(["single", "single", "double", "pairs", None])
    mishear = 0.12 if raw else 0.0
    if restart:
        k = rng.randint(1, len(groups) - 1)
        partial = digits_words(groups[k][:2], rng, "single", mishear)
        fix = rng.choice(["sorry", "wait", "no hold on", "let me start that group again"])
        head = say_groups(groups[:k], rng, raw, style, filler, mishear)
        tail = say_groups(groups[k:], rng, raw, style, filler, mishear)
        return f"{head} {partial} {fix} {tail}" if raw else f"{head}, {partial}... {fix}, {tail}"
    return say_groups(groups, rng, raw, style, filler, mishear)


# ---------------------------------------------------------------- IBANs

IBAN_COUNTRIES = [
    ("DE", 8),
    ("GB", 7),
    ("FR", 6),
    ("ES", 5),
    ("IT", 5),
    ("NL", 5),
    ("BE", 3),
    ("IE", 3),
    ("PL", 3),
    ("PT", 3),
    ("CH", 2),
    ("AT", 2),
    ("SE", 1.5),
    ("DK", 1),
    ("FI", 1),
    ("LU", 1),
    ("GR", 1),
    ("HU", 1),
    ("CZ", 1),
    ("RO", 1),
    ("TR", 1.5),
    ("AE", 1.5),
    ("SA", 1),
    ("LT", 1),
    ("HR", 1),
    ("NO", 1),
    ("SK", 0.7),
    ("SI", 0.7),
    ("MT", 0.5),
    ("CY", 0.5),
    ("EE", 0.5),
    ("BG", 0.5),
    ("IS", 0.3),
]
_BBAN = {
    "DE": "8n10n",
    "GB": "4a6n8n",
    "FR": "5n5n11n2n",
    "ES": "4n4n1n1n10n",
    "IT": "1a5n5n12n",
    "NL": "4a10n",
    "BE": "3n7n2n",
    "IE": "4a6n8n",
    "PL": "8n16n",
    "PT": "4n4n11n2n",
    "CH": "5n12n",
    "AT": "5n11n",
    "SE": "3n16n1n",
    "DK": "4n9n1n",
    "FI": "3n11n",
    "LU": "3n13n",
    "GR": "3n4n16n",
    "HU": "3n4n1n15n1n",
    "CZ": "4n16n",
    "RO": "4a16n",
    "TR": "5n1n16n",
    "AE": "3n16n",
    "SA": "2n18n",
    "LT": "5n11n",
    "HR": "7n10n",
    "NO": "4n6n1n",
    "SK": "4n6n10n",
    "SI": "5n8n2n",
    "MT": "4a5n18n",
    "CY": "3n5n16n",
    "EE": "2n14n",
    "BG": "4a4n2n8n",
    "IS": "4n2n6n10n",
}
BANK_CODES = {
    "GB": ["NWBK", "BARC", "LOYD", "HBUK", "MIDL", "SRLG"],
    "IE": ["AIBK", "BOFI"],
    "NL": ["ABNA", "INGB", "RABO", "TRIO", "KNAB"],
    "RO": ["BTRL", "RNCB", "INGB"],
    "MT": ["MALT", "VALL"],
    "BG": ["BNBG", "UNCR"],
    "IT": ["X", "A", "K"],
}
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def new_iban(rng: random.Random, cc: str | None = None) -> str:
    if cc is None:
        cc = rng.choices([c for c, _ in IBAN_COUNTRIES], [w for _, w in IBAN_COUNTRIES])[0]
    spec = _BBAN[cc]
    for _ in range(400):
        bban, n = "", ""
        first_alpha = True
        for ch in spec:
            if ch.isdigit():
                n += ch
                continue
            count = int(n)
            n = ""
            if ch == "a":
                if cc in BANK_CODES and first_alpha:
                    code = rng.choice(BANK_CODES[cc])
                    bban += (
                        code
                        if len(code) == count
                        else "".join(rng.choice(UPPER) for _ in range(count))
                    )
                else:
                    bban += "".join(rng.choice(UPPER) for _ in range(count))
                first_alpha = False
            else:
                bban += "".join(str(rng.randint(0, 9)) for _ in range(count))
        full = cc + "00" + bban
        full = cc + stdiban.calc_check_digits(full) + bban
        if stdiban.is_valid(full):
            return full
    raise RuntimeError(cc)


def iban_written(rng: random.Random, compact: str) -> str:
    form = rng.random()
    if form < 0.6:
        text = " ".join(regroup(compact, [4] * 9))
    elif form < 0.85:
        text = compact
    else:
        text = "-".join(regroup(compact, [4] * 9))
    if rng.random() < 0.12:
        text = text.lower()
    return text


def iban_spoken(rng: random.Random, compact: str, raw: bool) -> str:
    how = rng.choice(["plain", "plain", "nato", "as_in"])
    groups = regroup(compact, [4] * 9)
    parts = []
    for g in groups:
        words = []
        run = ""
        for ch in g:
            if ch.isdigit():
                run += ch
                continue
            if run:
                words.append(digits_words(run, rng, rng.choice(["single", "double"])))
                run = ""
            words.append(spell(ch.lower(), rng, how))
        if run:
            words.append(digits_words(run, rng, rng.choice(["single", "single", "pairs"])))
        parts.append(" ".join(words))
    if raw:
        return " ".join(parts)
    text = rng.choice([" ", ", ", "... "]).join(parts)
    return text[0].upper() + text[1:] if rng.random() < 0.5 else text


# ---------------------------------------------------------------- SSNs


def new_ssn(rng: random.Random) -> str:
    while True:
        area = rng.randint(1, 899)
        if area == 666:
            continue
        return f"{area:03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"


def ssn_written(rng: random.Random, s: str) -> str:
    return rng.choice(
        [
            f"{s[:3]}-{s[3:5]}-{s[5:]}",
            f"{s[:3]}-{s[3:5]}-{s[5:]}",
            f"{s[:3]} {s[3:5]} {s[5:]}",
            s,
            f"{s[:3]}.{s[3:5]}.{s[5:]}",
        ]
    )


def ssn_spoken(rng: random.Random, s: str, raw: bool, filler: float = 0.0) -> str:
    groups = [s[:3], s[3:5], s[5:]]
    if rng.random() < 0.15:
        groups = [s[:3], s[3:6], s[6:]]
    return say_groups(
        groups,
        rng,
        raw,
        rng.choice(["single", "single", "double", "pairs"]),
        filler,
        0.12 if raw else 0.0,
    )


# ---------------------------------------------------------------- emails

FIRST = [
    "maria",
    "james",
    "priya",
    "wei",
    "olga",
    "kwame",
    "sofia",
    "liam",
    "aisha",
    "diego",
    "hannah",
    "raj",
    "chloe",
    "mateo",
    "fatima",
    "noah",
    "yuki",
    "emeka",
    "lucia",
    "omar",
    "grace",
    "tomasz",
    "ines",
    "daniel",
    "amara",
    "kevin",
    "nadia",
    "jorge",
    "sarah",
    "minh",
    "elena",
    "ahmed",
    "bridget",
    "carlos",
    "deepa",
    "felix",
    "gabriela",
    "hiro",
    "ifeoma",
    "jack",
    "kaveh",
    "leah",
    "marcus",
    "nkechi",
    "oscar",
    "paula",
    "quentin",
    "rosa",
    "sean",
    "tanvi",
    "ursula",
    "vikram",
    "wanjiru",
    "xavier",
    "yasmin",
    "zoe",
]
LAST = [
    "garcia",
    "okafor",
    "nguyen",
    "schmidt",
    "patel",
    "obrien",
    "kowalski",
    "rossi",
    "mendes",
    "smith",
    "haddad",
    "tanaka",
    "mwangi",
    "dubois",
    "fernandez",
    "kim",
    "johansson",
    "murphy",
    "santos",
    "reyes",
    "adeyemi",
    "chen",
    "walsh",
    "novak",
    "bianchi",
    "singh",
    "lopez",
    "cohen",
    "mbeki",
    "larsen",
    "dasilva",
    "hughes",
    "ivanova",
    "kaur",
    "moreau",
    "oconnell",
    "petrov",
    "quinn",
    "romero",
    "sato",
    "torres",
    "vargas",
    "wright",
    "yilmaz",
    "zhou",
    "brennan",
    "castillo",
    "delacroix",
    "ellis",
    "fischer",
]
DOMAINS = [
    ("gmail.com", 30),
    ("yahoo.com", 8),
    ("outlook.com", 7),
    ("hotmail.com", 6),
    ("icloud.com", 5),
    ("aol.com", 2),
    ("comcast.net", 2),
    ("proton.me", 2),
    ("hotmail.co.uk", 2),
    ("btinternet.com", 1),
    ("yahoo.co.in", 1.5),
    ("rediffmail.com", 1),
    ("gmx.de", 1.5),
    ("web.de", 1),
    ("orange.fr", 1),
    ("free.fr", 0.5),
    ("libero.it", 1),
    ("yahoo.com.au", 1),
    ("bigpond.com", 1),
    ("live.ca", 1),
    ("sympatico.ca", 0.5),
    ("uol.com.br", 1),
    ("yahoo.com.mx", 1),
    ("telkomsa.net", 0.5),
    ("mail.ru", 0.5),
    ("naver.com", 0.5),
    ("ziggo.nl", 0.5),
    ("eircom.net", 0.5),
    ("me.com", 1),
    ("fastmail.com", 1),
    ("pm.me", 0.5),
    ("northwind-logistics.com", 1),
    ("brightpath.io", 1),
    ("kowalski.dev", 0.5),
    ("studio-lumen.design", 0.5),
    ("greenleafdental.co.za", 0.5),
    ("acmeworks.ai", 0.5),
    ("riverside.k12.ca.us", 0.3),
    ("uni-hamburg.de", 0.3),
    ("mail.utoronto.ca", 0.3),
]


def new_email(rng: random.Random) -> tuple[list[tuple[str, str]], str]:
    """(local part as tokens [(kind, text)], domain). kinds: word, sep, digits."""
    f, l = rng.choice(FIRST), rng.choice(LAST)
    shape = rng.randint(0, 11)
    sep = rng.choice([".", ".", "_", "-"])
    num = str(rng.choice([rng.randint(1, 99), rng.randint(1960, 2009), rng.randint(100, 999)]))
    if shape == 0:
        local = [("word", f), ("sep", sep), ("word", l)]
    elif shape == 1:
        local = [("word", f + l)]
    elif shape == 2:
        local = [("word", f[0]), ("sep", sep), ("word", l)]
    elif shape == 3:
        local = [("word", f[0] + l)]
    elif shape == 4:
        local = [("word", f), ("digits", num)]
    elif shape == 5:
        local = [("word", f), ("sep", sep), ("word", l), ("digits", num)]
    elif shape == 6:
        local = [("word", l), ("sep", sep), ("word", f)]
    elif shape == 7:
        local = [
            ("word", rng.choice(["sunny", "blue", "lucky", "big", "mama", "papa", "the"])),
            ("word", rng.choice(["fox", "tiger", "baker", "runner", "bear", "chef"])),
            ("digits", num),
        ]
    elif shape == 8:
        local = [("word", f), ("sep", "+"), ("word", rng.choice(["bills", "shop", "travel"]))]
    elif shape == 9:
        local = [("word", f[:1] + l[:1]), ("digits", num)]
    elif shape == 10:
        local = [("word", f), ("sep", "."), ("word", l[0])]
    else:
        local = [("word", l), ("word", f[0])]
    dom = rng.choices([d for d, _ in DOMAINS], [w for _, w in DOMAINS])[0]
    return local, dom


def email_written(rng: random.Random, local: list[tuple[str, str]], dom: str) -> str:
    text = "".join(t for _, t in local) + "@" + dom
    if rng.random() < 0.1:
        first = local[0][1]
        text = first[0].upper() + text[1:]
    return text


SEP_WORDS = {
    ".": ["dot", "dot", "period", "point"],
    "_": ["underscore", "under score"],
    "-": ["dash", "hyphen", "minus"],
    "+": ["plus"],
}
DOMAIN_SAY = {
    "gmail": ["gmail", "gmail", "g mail", "gee mail", "g-mail"],
    "hotmail": ["hotmail", "hot mail"],
    "icloud": ["icloud", "i cloud"],
    "outlook": ["outlook"],
    "yahoo": ["yahoo"],
    "aol": ["a o l", "aol"],
    "gmx": ["g m x", "gmx"],
    "pm": ["p m"],
    "btinternet": ["bt internet"],
    "rediffmail": ["rediff mail", "rediffmail"],
    "me": ["me"],
}


def _say_word(rng: random.Random, w: str, raw: bool, spelled: str | None) -> str:
    if spelled:
        return spell(w, rng, spelled)
    return w


def email_spoken(
    rng: random.Random, local: list[tuple[str, str]], dom: str, raw: bool, style: str | None = None
) -> str:
    """style: words, spelled, nato, as_in, india (at the rate), asr (mistakes)."""
    if style is None:
        style = rng.choice(
            ["words", "words", "words", "spelled", "nato", "as_in", "india", "asr", "words"]
        )
    pieces: list[str] = []
    spell_how = {"spelled": "plain", "nato": "nato", "as_in": "as_in"}.get(style)
    for kind, t in local:
        if kind == "sep":
            pieces.append(rng.choice(SEP_WORDS[t]))
        elif kind == "digits":
            pieces.append(
                digits_words(t, rng, rng.choice(["single", "pairs", "single"]))
                if rng.random() < 0.8
                else t
            )
        else:
            do_spell = spell_how if (spell_how and (len(t) <= 3 or rng.random() < 0.6)) else None
            if style == "words" and len(t) <= 2:
                do_spell = "plain"
            pieces.append(_say_word(rng, t, raw, do_spell))
    if style == "india":
        at = rng.choice(["at the rate", "at the rate of", "at"])
    elif style == "asr":
        at = rng.choice(["at", "at", "add", "at sign"])
    else:
        at = rng.choice(["at", "at", "at", "at sign", "at symbol"])
    labels = dom.split(".")
    dparts = []
    for n, lab in enumerate(labels):
        if n == 0 and lab in DOMAIN_SAY:
            w = rng.choice(DOMAIN_SAY[lab])
            if style == "asr" and lab == "gmail":
                w = rng.choice(["g male", "gmail", "gmale"])
            dparts.append(w)
        elif "-" in lab:
            dparts.append(" dash ".join(lab.split("-")))
        elif n > 0 and len(lab) <= 2 and lab not in ("me", "ai", "io"):
            dparts.append(" ".join(lab))
        elif n > 0 and lab == "io":
            dparts.append(rng.choice(["i o", "io"]))
        else:
            dparts.append(lab)
    dot = "dot"
    domain = f" {dot} ".join(dparts)
    if style == "asr" and rng.random() < 0.4:
        domain = domain.replace(" dot com", rng.choice([" dot calm", " dotcom", " dot com"]))
    text = " ".join(pieces) + " " + at + " " + domain
    if not raw and rng.random() < 0.3:
        text = text[0].upper() + text[1:]
    return text


def filler(rng: random.Random) -> str:
    return rng.choice(FILLERS)


__all__ = ["NATO"]


def d4(rng: random.Random) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(4))
