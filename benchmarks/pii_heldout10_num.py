"""heldout10: the numbers themselves (valid phones, cards, IBANs, SSNs) and number look-alikes.

Every maker draws only from the `random.Random` it is handed. Phones are valid for their
region by `phonenumbers`; cards pass Luhn with a real network prefix; IBANs carry valid check
digits (python-stdnum validates each, with the national check where stdnum has one).
"""

from __future__ import annotations

import random
import re

import phonenumbers as pn
from phonenumbers import PhoneNumberType as T
from pii_rows import Retry
from stdnum import iban as stdiban
from stdnum import iso11649, luhn

DIG = "0123456789"

# NANP area codes in service (US, Canada); the caller pool is about half US and Canada
US_AREAS = (
    "205 207 208 209 214 231 239 251 253 262 269 307 312 314 319 320 325 330 334 336 352 360"
    " 385 401 402 405 406 412 414 417 419 423 425 434 435 440 443 458 463 469 479 480 484 501"
    " 503 504 505 508 509 513 515 517 520 530 540 541 559 563 570 573 574 580 586 601 603 605"
    " 608 610 614 618 619 623 626 630 636 641 651 660 662 701 702 704 706 707 712 715 717 720"
    " 724 727 731 732 734 740 754 757 763 765 770 772 775 781 785 802 803 804 805 808 810 812"
    " 814 815 816 828 830 843 845 847 850 856 859 863 864 865 901 903 904 907 908 910 913 914"
    " 915 916 918 919 920 925 928 931 936 940 941 949 952 956 970 971 972 978 979 985 989"
).split()
CA_AREAS = (
    "204 226 236 249 250 289 306 343 365 403 416 418 431 437 438 450 506 514 519 382 579 581"
    " 587 604 613 639 647 705 709 778 780 782 807 819 825 867 873 902 905"
).split()
# the other 40 caller regions
WORLD = (
    "GB IE AU NZ DE FR ES IT NL BE CH AT SE NO DK FI PL CZ PT GR HU RO IS IN PH SG MY JP KR ZA"
    " NG KE GH MX BR AR CL CO PE IL AE TR JM HK TW VN TH EG MA UA EE LT LV HR SK SI LU CY"
).split()


# a region whose library example number starts in an area every other generator uses too:
# this part's numbers of that kind start in another valid area
OWN_AREA = {("ZA", T.FIXED_LINE): "41"}


def caller_region(rng: random.Random) -> str:
    """About a third US, a sixth Canada, the rest spread over 58 other regions."""
    x = rng.random()
    if x < 0.34:
        return "US"
    if x < 0.51:
        return "CA"
    return rng.choice(WORLD)


def phone(rng: random.Random, region: str, mobile: bool | None = None) -> pn.PhoneNumber:
    if region in ("US", "CA"):
        areas = US_AREAS if region == "US" else CA_AREAS
        for _ in range(200):
            ex = rng.randint(201, 999)
            if ex % 100 == 11 or ex == 555 or ex in (950, 958, 959, 976):
                continue
            nat = f"{rng.choice(areas)}{ex:03d}{rng.randint(0, 9999):04d}"
            num = pn.parse(nat, region)
            if pn.is_valid_number(num) and pn.region_code_for_number(num) == region:
                return num
        raise Retry(region)
    kind = (
        rng.choice((T.MOBILE, T.MOBILE, T.FIXED_LINE))
        if mobile is None
        else (T.MOBILE if mobile else T.FIXED_LINE)
    )
    ex = pn.example_number_for_type(region, kind)
    nsn = pn.national_significant_number(ex)
    lead = OWN_AREA.get((region, kind), "")
    nsn = lead + nsn[len(lead) :]
    keep = min(rng.choice((2, 3, 3)), len(nsn) - 5)
    for _ in range(400):
        cand = nsn[:keep] + "".join(rng.choice(DIG) for _ in nsn[keep:])
        num = pn.parse(f"+{ex.country_code}{cand}")
        if pn.is_valid_number(num) and pn.region_code_for_number(num) == region:
            return num
    raise Retry(region)


def nsn(num: pn.PhoneNumber) -> str:
    return pn.national_significant_number(num)


def groups_national(num: pn.PhoneNumber) -> list[str]:
    """The digit groups of the national format (trunk prefix included)."""
    return re.findall(r"\d+", pn.format_number(num, pn.PhoneNumberFormat.NATIONAL))


def groups_intl(num: pn.PhoneNumber) -> list[str]:
    """Country code first, then the national number's groups."""
    return re.findall(r"\d+", pn.format_number(num, pn.PhoneNumberFormat.INTERNATIONAL))


def fmt(num: pn.PhoneNumber, style: str) -> str:
    f = {
        "nat": pn.PhoneNumberFormat.NATIONAL,
        "intl": pn.PhoneNumberFormat.INTERNATIONAL,
        "e164": pn.PhoneNumberFormat.E164,
    }[style]
    return pn.format_number(num, f)


# ---------------------------------------------------------------- cards
NETWORKS = {
    "visa": (("4",), (16,)),
    "mastercard": (("51", "52", "53", "54", "55", "2236", "2403", "2588", "2697"), (16,)),
    "amex": (("34", "37"), (15,)),
    "discover": (("6011", "644", "645", "649", "65"), (16,)),
    "jcb": (("3528", "3541", "3566", "3589"), (16,)),
    "diners": (("36", "3095", "38"), (14,)),
    "unionpay": (("622126", "6240", "6282"), (16, 19)),
    "maestro": (("6759", "5018", "5020", "6304"), (16, 19)),
    "mir": (("2200", "2202", "2204"), (16,)),
    "rupay": (("6083", "6521", "8172"), (16,)),
    "troy": (("9792",), (16,)),
}
NETWORK_WEIGHTS = {
    "visa": 30,
    "mastercard": 24,
    "amex": 11,
    "discover": 8,
    "jcb": 5,
    "diners": 3,
    "unionpay": 5,
    "maestro": 5,
    "mir": 3,
    "rupay": 3,
    "troy": 3,
}
NETWORK_SAID = {
    "visa": "Visa",
    "mastercard": "Mastercard",
    "amex": "Amex",
    "discover": "Discover",
    "jcb": "JCB",
    "diners": "Diners",
    "unionpay": "UnionPay",
    "maestro": "Maestro",
    "mir": "Mir",
    "rupay": "RuPay",
    "troy": "Troy",
}


def luhn_complete(rng: random.Random, prefix: str, length: int) -> str:
    body = prefix + "".join(rng.choice(DIG) for _ in range(length - len(prefix) - 1))
    return body + luhn.calc_check_digit(body)


def card(rng: random.Random, network: str | None = None) -> tuple[str, str]:
    if network is None:
        names = sorted(NETWORK_WEIGHTS)
        network = rng.choices(names, [NETWORK_WEIGHTS[n] for n in names])[0]
    prefixes, lengths = NETWORKS[network]
    length = rng.choice(lengths) if rng.random() < 0.3 else lengths[0]
    return network, luhn_complete(rng, rng.choice(prefixes), length)


def card_groups(number: str) -> list[str]:
    n = len(number)
    if n == 15:
        return [number[:4], number[4:10], number[10:]]
    if n == 14:
        return [number[:4], number[4:10], number[10:]]
    if n == 19:
        return [number[:4], number[4:8], number[8:12], number[12:16], number[16:]]
    return [number[i : i + 4] for i in range(0, n, 4)]


# ---------------------------------------------------------------- IBANs
BANKS = {
    "GB": ("NWBK", "BARC", "LOYD", "HBUK", "MIDL", "BUKB", "CLYD", "MONZ"),
    "IE": ("AIBK", "BOFI", "IPBS", "ULSB"),
    "NL": ("ABNA", "INGB", "RABO", "SNSB", "TRIO", "KNAB", "BUNQ", "ASNB"),
    "MT": ("VALL", "MALT", "APSB"),
    "RO": ("RNCB", "BTRL", "BRDE", "INGB"),
    "LV": ("HABA", "UNLA", "RIKO"),
    "BG": ("UNCR", "BNBG", "STSA"),
    "IT": ("X", "K", "A", "Q"),
}
IBAN_COUNTRIES = (
    "DE FR ES IT NL BE GB IE AT CH PL PT SE NO DK FI CZ SK HU RO HR SI LU MT CY GR EE LT LV"
    " IS TR IL AE SA BG"
).split()


def iban(rng: random.Random, cc: str) -> str:
    """A compact, valid IBAN of country `cc` (bank codes from real prefixes where letters go)."""
    struct = stdiban._ibandb.info(cc + "00")[0][1]["bban"]
    for _ in range(300):
        bban = ""
        for size, kind in re.findall(r"(\d+)!([nac])", struct):
            count = int(size)
            if kind == "a" and cc in BANKS:
                code = rng.choice([b for b in BANKS[cc] if len(b) == count] or ["X" * count])
                bban += (
                    code
                    if code != "X" * count
                    else "".join(rng.choice("ABCDEFGHIJKLMNOPRSTUVWXZ") for _ in range(count))
                )
            elif kind == "a":
                bban += "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(count))
            else:
                bban += "".join(rng.choice(DIG) for _ in range(count))
        bban = _national(rng, cc, bban)
        number = cc + stdiban.calc_check_digits(cc + "00" + bban) + bban
        if stdiban.is_valid(number):
            return number
    raise Retry(cc)


BE_BANKS = ("001", "063", "068", "091", "096", "103", "310", "363", "375", "732", "735", "750")


def _national(rng: random.Random, cc: str, bban: str) -> str:
    """Put the national check digits in where stdnum checks them (BE, ES, NO)."""
    if cc == "BE":
        body = rng.choice(BE_BANKS) + bban[3:10]
        return body + f"{int(body) % 97 or 97:02d}"
    if cc == "ES":
        from stdnum.es import ccc

        return bban[:8] + ccc.calc_check_digits(bban) + bban[10:]
    if cc == "NO":
        from stdnum.no import kontonr

        for last in DIG:
            if kontonr.is_valid(bban[:10] + last):
                return bban[:10] + last
    return bban


def iban_groups(number: str) -> list[str]:
    return [number[i : i + 4] for i in range(0, len(number), 4)]


# ---------------------------------------------------------------- SSNs and their look-alikes
def ssn(rng: random.Random) -> str:
    while True:
        area = rng.randint(1, 899)
        if area != 666:
            break
    return f"{area:03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"


def itin(rng: random.Random) -> str:
    group = rng.choice(list(range(70, 89)) + list(range(90, 93)) + list(range(94, 100)))
    return f"9{rng.randint(0, 99):02d}{group:02d}{rng.randint(0, 9999):04d}"


EIN_PREFIXES = (
    "01 02 03 04 05 06 10 11 12 13 14 15 16 20 21 22 23 26 27 30 32 33 35 36 37 38"
    " 39 41 42 43 44 45 46 47 48 51 52 53 54 55 56 57 58 59 61 62 63 64 65 66 67 68"
    " 71 72 73 74 75 76 77 80 81 82 83 84 85 86 87 88 90 91 92 93 94 95 98 99"
).split()


def ein(rng: random.Random) -> str:
    return f"{rng.choice(EIN_PREFIXES)}-{rng.randint(0, 9999999):07d}"


def aba(rng: random.Random) -> str:
    """A routing number with a valid ABA checksum."""
    while True:
        d = [rng.randint(0, 1)] + [rng.randint(0, 9) for _ in range(7)]
        d[1] = rng.randint(1, 2) if d[0] == 0 else rng.randint(0, 2)
        w = (3, 7, 1, 3, 7, 1, 3, 7)
        s = sum(a * b for a, b in zip(d, w, strict=False))
        c = (10 - s % 10) % 10
        return "".join(map(str, d)) + str(c)


def luhn_id(rng: random.Random, length: int, prefix: str = "") -> str:
    """A Luhn-valid id that is no card (a prefix no network uses)."""
    prefix = prefix or rng.choice(("1", "7", "8", "9", "0"))
    return luhn_complete(rng, prefix, length)


def imei(rng: random.Random) -> str:
    return luhn_complete(rng, rng.choice(("35", "86", "01", "49")), 15)


def creditor_ref(rng: random.Random) -> str:
    body = "".join(rng.choice(DIG) for _ in range(rng.randint(8, 14)))
    return iso11649.format(
        iso11649.calc_check_digits(body)
        if hasattr(iso11649, "calc_check_digits")
        else "RF" + _rf_check(body) + body
    )


def _rf_check(body: str) -> str:
    n = int("".join(str(int(c, 36)) for c in body + "RF00"))
    return f"{98 - n % 97:02d}"


def sepa_creditor_id(rng: random.Random, cc: str = "DE") -> str:
    """A SEPA creditor id: IBAN-shaped (CC + check + ZZZ + national id), never an IBAN."""
    nat = "0" + "".join(rng.choice(DIG) for _ in range(10))
    n = int("".join(str(int(c, 36)) for c in nat + cc + "00"))
    return f"{cc}{98 - n % 97:02d}ZZZ{nat}"


def isbn13(rng: random.Random) -> str:
    body = rng.choice(("978", "979")) + "".join(rng.choice(DIG) for _ in range(9))
    s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body))
    return body + str((10 - s % 10) % 10)


def ups(rng: random.Random) -> str:
    return (
        "1Z"
        + "".join(rng.choice("0123456789ABCDEFGHJKRTVWXY") for _ in range(6))
        + "".join(rng.choice(DIG) for _ in range(10))
    )


def digits(rng: random.Random, n: int, first: str = "123456789") -> str:
    return rng.choice(first) + "".join(rng.choice(DIG) for _ in range(n - 1))


def pattern(rng: random.Random, pat: str) -> str:
    """'#' a digit, '@' a capital letter, '%' a digit 1-9; anything else stays."""
    out = []
    for c in pat:
        if c == "#":
            out.append(rng.choice(DIG))
        elif c == "%":
            out.append(rng.choice("123456789"))
        elif c == "@":
            out.append(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ"))
        else:
            out.append(c)
    return "".join(out)


def nanp_like_id(rng: random.Random) -> str:
    """Ten digits a US phone could have (area code and exchange in range): an id, not a phone."""
    num = phone(rng, "US")
    return nsn(num)
