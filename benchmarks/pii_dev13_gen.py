"""dev13 numbers: phones valid for their region (phonenumbers), Luhn-valid cards of real
network prefixes, IBANs with valid check digits (python-stdnum), SSNs, ITINs, EINs.
"""

from __future__ import annotations

import random

import phonenumbers as pn
from phonenumbers import PhoneNumberFormat as F
from phonenumbers import PhoneNumberType as T
from pii_rows import Retry
from stdnum import iban as stdiban
from stdnum import luhn

# regions of callers outside North America (none of the reserved ones)
REGIONS = [
    "GB",
    "IE",
    "AU",
    "NZ",
    "IN",
    "PH",
    "SG",
    "MY",
    "ZA",
    "NG",
    "KE",
    "GH",
    "DE",
    "FR",
    "ES",
    "IT",
    "NL",
    "PL",
    "SE",
    "BR",
    "MX",
    "CO",
    "AR",
    "CL",
    "PE",
    "JP",
    "KR",
    "AE",
    "IL",
    "TR",
    "EG",
    "PK",
    "VN",
    "TH",
    "HK",
    "TW",
    "PT",
    "BE",
    "CH",
    "AT",
    "DK",
    "FI",
    "NO",
    "CZ",
    "RO",
    "GR",
    "UA",
    "KE",
]
AREA = {
    "US": [
        "212",
        "305",
        "312",
        "415",
        "503",
        "512",
        "602",
        "617",
        "702",
        "713",
        "720",
        "801",
        "808",
        "907",
        "919",
        "970",
        "206",
        "248",
        "317",
        "414",
        "504",
        "612",
        "701",
        "785",
        "865",
        "971",
        "207",
        "229",
    ],
    "CA": [
        "204",
        "250",
        "306",
        "403",
        "416",
        "418",
        "506",
        "514",
        "519",
        "604",
        "613",
        "647",
        "705",
        "709",
        "778",
        "780",
        "807",
        "867",
        "902",
        "905",
    ],
}
PERSONAL = (T.MOBILE, T.FIXED_LINE_OR_MOBILE, T.FIXED_LINE)


def _typ(region: str, kind: str) -> T:
    return {"mobile": T.MOBILE, "fixed": T.FIXED_LINE, "toll": T.TOLL_FREE}[kind]


def phone(rng: random.Random, region: str, kind: str = "mobile") -> pn.PhoneNumber:
    """A random number valid for `region`, of kind mobile / fixed / toll (free)."""
    want = {
        "mobile": (T.MOBILE, T.FIXED_LINE_OR_MOBILE),
        "fixed": (T.FIXED_LINE, T.FIXED_LINE_OR_MOBILE),
        "toll": (T.TOLL_FREE,),
    }[kind]
    if region in AREA and kind != "toll":
        for _ in range(200):
            nsn = (
                rng.choice(AREA[region])
                + str(rng.randint(2, 9))
                + "".join(rng.choice("0123456789") for _ in range(6))
            )
            if nsn[3:6] in ("555", "911") or nsn[4:6] == "11":
                continue
            num = pn.parse("+1" + nsn)
            if pn.is_valid_number_for_region(num, region):
                return num
        raise Retry("phone")
    ex = pn.example_number_for_type(region, _typ(region, kind))
    if ex is None:
        raise Retry("no example")
    nsn = pn.national_significant_number(ex)
    cc = ex.country_code
    for keep in (3, 2, 3, 4, 4, 5):
        for _ in range(60):
            cand = nsn[:keep] + "".join(rng.choice("0123456789") for _ in range(len(nsn) - keep))
            num = pn.parse(f"+{cc}{cand}")
            if pn.is_valid_number_for_region(num, region) and pn.number_type(num) in want:
                return num
    raise Retry("phone")


def groups_of(num: pn.PhoneNumber, fmt: int) -> list[str]:
    """The digit groups of a formatted number ('+44 7400 123456' -> ['44', '7400', '123456'])."""
    text = pn.format_number(num, fmt)
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


def national(num: pn.PhoneNumber) -> str:
    return pn.format_number(num, F.NATIONAL)


def international(num: pn.PhoneNumber) -> str:
    return pn.format_number(num, F.INTERNATIONAL)


def e164(num: pn.PhoneNumber) -> str:
    return pn.format_number(num, F.E164)


def region_of(num: pn.PhoneNumber) -> str:
    return pn.region_code_for_number(num)


# --- cards ------------------------------------------------------------------------------

NETWORKS = {
    # name: (prefixes, length, grouping)
    "visa": (["4"], 16, [4, 4, 4, 4]),
    "mastercard": (
        ["51", "52", "53", "54", "55", "2221", "2300", "2458", "2617", "2720"],
        16,
        [4, 4, 4, 4],
    ),
    "amex": (["34", "37"], 15, [4, 6, 5]),
    "discover": (["6011", "644", "647", "649", "65"], 16, [4, 4, 4, 4]),
    "jcb": (["3528", "3541", "3566", "3589"], 16, [4, 4, 4, 4]),
    "diners": (["36", "3095", "38"], 14, [4, 6, 4]),
    "unionpay": (["62"], 16, [4, 4, 4, 4]),
    "maestro": (["6759", "5018", "5020", "6304"], 16, [4, 4, 4, 4]),
    "mir": (["2200", "2201", "2204"], 16, [4, 4, 4, 4]),
    "visa19": (["4"], 19, [4, 4, 4, 4, 3]),
}
NETWORK_SAID = {
    "visa": "visa",
    "mastercard": "mastercard",
    "amex": "amex",
    "discover": "discover",
    "jcb": "jcb",
    "diners": "diners club",
    "unionpay": "unionpay",
    "maestro": "maestro",
    "mir": "mir",
    "visa19": "visa",
}


def card(rng: random.Random, network: str | None = None) -> tuple[str, str, list[int]]:
    """(network, digits, grouping) of a Luhn-valid number."""
    if network is None:
        network = rng.choices(list(NETWORKS), [9, 8, 4, 3, 2, 1, 2, 1, 1, 1])[0]
    prefixes, length, grouping = NETWORKS[network]
    body = rng.choice(prefixes)
    while len(body) < length - 1:
        body += rng.choice("0123456789")
    return network, body + luhn.calc_check_digit(body), grouping


def luhn_number(rng: random.Random, length: int, lead: str) -> str:
    body = lead
    while len(body) < length - 1:
        body += rng.choice("0123456789")
    return body + luhn.calc_check_digit(body)


# --- IBANs ------------------------------------------------------------------------------

BANK_LETTERS = {
    "GB": ["NWBK", "BARC", "LOYD", "MIDL", "HBUK", "CLYD", "SRLG"],
    "IE": ["AIBK", "BOFI", "IPBS", "ULSB"],
    "NL": ["ABNA", "RABO", "INGB", "TRIO", "SNSB", "KNAB"],
    "RO": ["BTRL", "RNCB", "BRDE", "INGB"],
    "PK": ["SCBL", "HABB", "MEZN"],
    "IQ": ["NBIQ", "RAFB"],
}
IBAN_COUNTRIES = [
    "DE",
    "FR",
    "ES",
    "IT",
    "NL",
    "BE",
    "GB",
    "IE",
    "PT",
    "AT",
    "CH",
    "PL",
    "SE",
    "DK",
    "FI",
    "NO",
    "CZ",
    "RO",
    "GR",
    "AE",
    "SA",
    "TR",
    "IL",
    "LI",
    "MC",
    "FO",
    "PK",
    "EG",
    "IQ",
    "VA",
]


def iban(rng: random.Random, country: str | None = None) -> str:
    """A compact IBAN valid for its country (check digits and national checks)."""
    country = country or rng.choice(IBAN_COUNTRIES)
    structure = stdiban._ibandb.info(country + "00")[0][1]["bban"]
    parts = stdiban._struct_re.findall(structure)
    for _ in range(6000):
        bban = ""
        for n, typ in parts:
            n = int(n)
            if typ == "a" and n == 4 and country in BANK_LETTERS:
                bban += rng.choice(BANK_LETTERS[country])
            elif typ == "a":
                bban += "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXZ") for _ in range(n))
            else:
                bban += "".join(rng.choice("0123456789") for _ in range(n))
        number = country + "00" + bban
        number = country + stdiban.calc_check_digits(number) + bban
        if stdiban.is_valid(number):
            return number
    raise Retry("iban")


# --- SSNs and their look-alikes -----------------------------------------------------------


def ssn(rng: random.Random) -> str:
    while True:
        area = rng.randint(1, 899)
        if area == 666:
            continue
        return f"{area:03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"


def itin(rng: random.Random) -> str:
    return f"9{rng.randint(0, 99):02d}{rng.choice([70, 72, 75, 78, 81, 84, 88, 93])}{rng.randint(0, 9999):04d}"


def ein(rng: random.Random) -> str:
    return f"{rng.choice([12, 20, 27, 33, 46, 52, 61, 74, 81, 95])}{rng.randint(1000000, 9999999)}"
