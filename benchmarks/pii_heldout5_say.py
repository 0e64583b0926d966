"""How heldout5's callers and agents say things: the speech helpers of benchmarks/pii_heldout5.py.

Written for the fifth held-out part by someone who had read neither the redaction rules nor any
other part. Numbers come from benchmarks/pii_speech.py's valid makers (Luhn, libphonenumber,
mod 97) or from the makers here; everything is drawn from the `random.Random` passed in.

Rule writers must never read this file (docs/redaction.md, "Evaluation").
"""

from __future__ import annotations

import json
import random
import re
from typing import Any

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType
from pii_rows import Benign, Pii, Retry
from pii_speech import WORDS, luhn_number
from stdnum import iban as _iban

ONES = WORDS
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
SOUNDALIKE = {"4": ["for"], "2": ["to", "too"], "8": ["ate"], "0": ["o"]}

Part = str | Pii | Benign


# --- picking -------------------------------------------------------------------------------


def pick(rng: random.Random, items: list[Any] | tuple[Any, ...]) -> Any:
    return items[rng.randrange(len(items))]


def chance(rng: random.Random, p: float) -> bool:
    return rng.random() < p


def low(text: str, raw: bool) -> str:
    """What raw speech-to-text makes of a piece that goes into a label: lower case, no
    sentence punctuation (a dot inside a number or an address stays)."""
    if not raw:
        return text
    text = text.lower().replace("...", " ").replace(" - ", " ")
    text = re.sub(r"[,?!;:]", "", text)
    text = re.sub(r"\.(?=\s|$)", "", text)
    return re.sub(r" {2,}", " ", text)


# --- calls: who is on the line ---------------------------------------------------------------

# domain: (company, openers said by the agent)
DOMAINS: dict[str, tuple[str, list[str]]] = {
    "bank": (
        "Harbourline Credit Union",
        [
            "Thanks for calling Harbourline Credit Union, this is Dev, how can I help?",
            "Harbourline member services, you're speaking with Rosa.",
        ],
    ),
    "insurance": (
        "Kestrel Mutual",
        [
            "Kestrel Mutual claims line, my name is Abel. Is this about a new claim?",
            "You've reached Kestrel Mutual, Priyanka speaking, how can I help with your policy?",
        ],
    ),
    "telco": (
        "Lumenwave Mobile",
        [
            "Lumenwave Mobile, Jonah here. What can I sort out for you today?",
            "Hi, welcome to Lumenwave, I'm your assistant. Are you calling about your bill?",
        ],
    ),
    "clinic": (
        "Birchfield Family Practice",
        [
            "Birchfield Family Practice, scheduling desk, this is Nkechi.",
            "Good morning, Birchfield Family Practice. Do you need to book or change a visit?",
        ],
    ),
    "pharmacy": (
        "Corner Apothecary",
        [
            "Corner Apothecary pharmacy, Lwazi speaking. Is this about a refill?",
            "Pharmacy counter, this is the automated assistant. How can I help?",
        ],
    ),
    "airline": (
        "Meridian Air",
        [
            "Meridian Air reservations, this is Ilse. Do you have your booking reference handy?",
            "Thank you for calling Meridian Air. I can help with changes, refunds and baggage.",
        ],
    ),
    "hotel": (
        "Saltmarsh Hotels",
        [
            "Saltmarsh Hotels central reservations, Camille speaking.",
            "Good evening, Saltmarsh Hotels. Are you looking to book or change a stay?",
        ],
    ),
    "utility": (
        "Tri-County Power and Water",
        [
            "Tri-County Power and Water, customer care, this is Marcus.",
            "Thanks for calling Tri-County Power and Water. Is it about a bill or an outage?",
        ],
    ),
    "car_rental": (
        "Roadrunner Car Hire",
        [
            "Roadrunner Car Hire, Tomasz speaking. Are you picking up or returning?",
            "Roadrunner rentals, you're through to the reservations team.",
        ],
    ),
    "returns": (
        "Parcelnest",
        [
            "Parcelnest returns and refunds, this is Gwen. Which order is it about?",
            "Hi, you're chatting with Parcelnest's returns assistant.",
        ],
    ),
    "gov": (
        "the County Benefits Office",
        [
            "County Benefits Office, this call may be recorded. How can I help?",
            "Department of Motor Services, help line, this is Officer Reyes.",
        ],
    ),
    "tax": (
        "Ledgerly Tax Prep",
        [
            "Ledgerly Tax Prep, Hamid speaking. Are we working on this year's return?",
            "Hi, this is Ledgerly's filing assistant. Let's get your return started.",
        ],
    ),
    "gig": (
        "Zippr Driver Support",
        [
            "Zippr driver support, Kenji here. Are you out on a trip right now?",
            "Welcome to Zippr support for drivers and couriers. What's going on?",
        ],
    ),
    "subscription": (
        "StreamCrate",
        [
            "StreamCrate membership team, this is Ola. Are you calling to change your plan?",
            "Hi, thanks for contacting StreamCrate. I can help with billing or cancellations.",
        ],
    ),
    "collections": (
        "Northgate Recovery Services",
        [
            "This is Northgate Recovery Services. This call is an attempt to collect a debt.",
            "Northgate Recovery, Dana speaking. Am I speaking with the account holder?",
        ],
    ),
    "realestate": (
        "Oakhollow Property Management",
        [
            "Oakhollow Property Management, leasing office, Bea speaking.",
            "Thanks for calling Oakhollow Properties. Is this about a rental application?",
        ],
    ),
    "vet": (
        "Pawsitive Vet Clinic",
        [
            "Pawsitive Vet Clinic, front desk. Who are we seeing today?",
            "Hi, Pawsitive Vet, this is Marisol. Is it about an appointment?",
        ],
    ),
    "moving": (
        "Boxcar Movers",
        [
            "Boxcar Movers, quotes and bookings, Ade speaking.",
            "Thanks for calling Boxcar Movers. When are you planning the move?",
        ],
    ),
}


def domain(rng: random.Random) -> tuple[str, str, str]:
    """(key, company, an opener the agent says)."""
    key = pick(rng, sorted(DOMAINS))
    company, openers = DOMAINS[key]
    return key, company, pick(rng, openers)


FILLERS = ["uh", "um", "erm", "hmm", "let me see", "hang on", "one sec", "okay", "yeah", "so"]
NUDGES = [
    "Mm-hm.",
    "Go on.",
    "Okay.",
    "Yep, got that.",
    "Uh-huh.",
    "Keep going.",
    "Right.",
    "And the rest?",
    "Mhm, next part?",
    "Got it, carry on.",
]
THANKS = [
    "Perfect, thank you.",
    "Great, that's all I needed.",
    "Thanks, give me a moment to pull that up.",
    "Lovely, bear with me while that goes through.",
    "Thank you. One moment while I check that.",
    "Got it. Let me just confirm that in the system.",
]


def filler(rng: random.Random, raw: bool) -> str:
    f = pick(rng, FILLERS)
    if raw:
        return f" {f}"
    return pick(rng, [f", {f},", f"... {f}...", f", {f}", f" {f}"])


# --- saying digits ---------------------------------------------------------------------------


def zero_word(rng: random.Random) -> str:
    return "oh" if chance(rng, 0.6) else "zero"


def one_by_one(
    digits: str, rng: random.Random, *, zero: str = "", double: float = 0.0, slip: float = 0.0
) -> str:
    """Each digit a word; runs of two said 'double'; ASR's homophones ('for', 'ate')."""
    zero = zero or zero_word(rng)
    out: list[str] = []
    i = 0
    while i < len(digits):
        d = digits[i]
        name = zero if d == "0" else ONES[int(d)]
        if i + 1 < len(digits) and digits[i + 1] == d and chance(rng, double):
            out.append(f"double {name}")
            i += 2
            continue
        if d in SOUNDALIKE and chance(rng, slip):
            out.append(pick(rng, SOUNDALIKE[d]))
        else:
            out.append(name)
        i += 1
    return " ".join(out)


def two(pair: str, zero: str = "oh") -> str:
    if pair[0] == "0":
        return f"{zero} {ONES[int(pair[1])]}"
    if pair[0] == "1":
        return TEENS[int(pair[1])]
    tens = TENS[int(pair[0])]
    return tens if pair[1] == "0" else f"{tens}-{ONES[int(pair[1])]}"


def as_numbers(digits: str, rng: random.Random, hyphen: bool = False) -> str:
    """A group read as numbers: '4511' -> 'forty-five eleven', '2300' -> 'twenty-three
    hundred', '607' -> 'six oh seven', '5000' -> 'five thousand'."""
    out = _as_numbers(digits, rng)
    return out if hyphen else out.replace("-", " ")


def _as_numbers(digits: str, rng: random.Random) -> str:
    if len(digits) == 4 and digits[1:] == "000" and digits[0] != "0":
        return f"{ONES[int(digits[0])]} thousand"
    if len(digits) == 4 and digits[2:] == "00" and digits[0] != "0":
        return f"{two(digits[:2])} hundred"
    if len(digits) == 3 and digits[0] != "0":
        if digits[1:] == "00":
            return f"{ONES[int(digits[0])]} hundred"
        return f"{ONES[int(digits[0])]} {two(digits[1:])}"
    if len(digits) == 1:
        return "oh" if digits == "0" else ONES[int(digits)]
    if len(digits) % 2:
        return f"{one_by_one(digits[0], rng, zero='oh')} {_as_numbers(digits[1:], rng)}"
    return " ".join(two(digits[i : i + 2]) for i in range(0, len(digits), 2))


def say_group(group: str, rng: random.Random, style: str, *, slip: float = 0.0) -> str:
    """One group as a caller says it: 'num' (ASR writes numerals), 'words', 'pairs', 'mix'."""
    if style == "mix":
        style = pick(rng, ["num", "words", "pairs"])
    if style == "num":
        return group
    if style == "pairs" and len(group) >= 2:
        return as_numbers(group, rng, hyphen=chance(rng, 0.3))
    return one_by_one(group, rng, double=0.2, slip=slip)


def say_groups(
    groups: list[str],
    rng: random.Random,
    style: str,
    raw: bool,
    *,
    gaps: float = 0.0,
    slip: float = 0.0,
) -> str:
    """Groups joined as speech: a pause mark, or a filler when `gaps` says so."""
    text = ""
    for i, g in enumerate(groups):
        said = say_group(g, rng, style, slip=slip)
        if i == 0:
            text = said
            continue
        if chance(rng, gaps):
            text += f"{filler(rng, raw)} {said}"
        elif raw:
            text += f" {said}"
        else:
            text += pick(rng, [" ", " ", ", ", "... ", " - "]) + said
    return text


def group(digits: str, sizes: tuple[int, ...] | list[int]) -> list[str]:
    out, at = [], 0
    for size in sizes:
        if at < len(digits):
            out.append(digits[at : at + size])
        at += size
    if at < len(digits):
        out.append(digits[at:])
    return out


# --- cards -----------------------------------------------------------------------------------

# network: (prefixes, length, groups)
CARDS: dict[str, tuple[list[str], list[int], dict[int, tuple[int, ...]]]] = {
    "visa": (["4"], [16, 16, 16, 13], {16: (4, 4, 4, 4), 13: (4, 3, 3, 3)}),
    "mastercard": (
        ["51", "52", "53", "54", "55", "2221", "2300", "2500", "2720"],
        [16],
        {16: (4, 4, 4, 4)},
    ),
    "amex": (["34", "37"], [15], {15: (4, 6, 5)}),
    "discover": (["6011", "644", "645", "65"], [16], {16: (4, 4, 4, 4)}),
    "maestro": (
        ["6759", "5018", "6304", "6761"],
        [16, 18, 19],
        {16: (4, 4, 4, 4), 18: (4, 4, 4, 4, 2), 19: (4, 4, 4, 4, 3)},
    ),
    "jcb": (["3528", "3540", "3566", "3589"], [16], {16: (4, 4, 4, 4)}),
    "diners": (["300", "305", "36", "38"], [14], {14: (4, 6, 4)}),
    "unionpay": (["62", "6212", "6240"], [16, 19], {16: (4, 4, 4, 4), 19: (6, 13)}),
    "mir": (["2200", "2202", "2204"], [16], {16: (4, 4, 4, 4)}),
}
NETWORK_NAMES = {
    "visa": ["Visa", "Visa debit", "visa card"],
    "mastercard": ["Mastercard", "MasterCard", "debit Mastercard"],
    "amex": ["American Express", "Amex", "AmEx"],
    "discover": ["Discover", "Discover card"],
    "maestro": ["Maestro", "Maestro debit"],
    "jcb": ["JCB", "JCB card"],
    "diners": ["Diners Club", "Diners"],
    "unionpay": ["UnionPay", "China UnionPay"],
    "mir": ["Mir card", "Mir"],
}
NET_WEIGHTS = {
    "visa": 6,
    "mastercard": 5,
    "amex": 3,
    "discover": 2,
    "maestro": 1.5,
    "jcb": 1.2,
    "diners": 1,
    "unionpay": 1,
    "mir": 0.5,
}


def card(rng: random.Random, network: str = "") -> tuple[str, str, list[str]]:
    """(network, Luhn-valid digits, the groups a reader makes of them)."""
    if not network:
        nets = sorted(NET_WEIGHTS)
        network = rng.choices(nets, [NET_WEIGHTS[n] for n in nets])[0]
    prefixes, lengths, groups = CARDS[network]
    length = pick(rng, lengths)
    digits = luhn_number(rng, pick(rng, prefixes), length)
    return network, digits, group(digits, groups[length])


def card_groups_uneven(digits: str, rng: random.Random) -> list[str]:
    """How people who read a card in their own rhythm break it: threes, twos, odd runs."""
    sizes = []
    left = len(digits)
    while left > 0:
        size = min(left, pick(rng, [2, 3, 3, 4, 5]))
        sizes.append(size)
        left -= size
    return group(digits, sizes)


# --- phones ----------------------------------------------------------------------------------

# region: (country, a city), the regions heldout5's callers phone from
REGIONS: dict[str, tuple[str, str]] = {
    "CN": ("China", "Chengdu"),
    "VE": ("Venezuela", "Maracaibo"),
    "NI": ("Nicaragua", "Managua"),
    "AF": ("Afghanistan", "Herat"),
    "AO": ("Angola", "Luanda"),
    "BA": ("Bosnia", "Sarajevo"),
    "BY": ("Belarus", "Minsk"),
    "CI": ("Ivory Coast", "Abidjan"),
    "CD": ("the Congo", "Kinshasa"),
    "GN": ("Guinea", "Conakry"),
    "MZ": ("Mozambique", "Maputo"),
    "MG": ("Madagascar", "Antananarivo"),
    "MW": ("Malawi", "Blantyre"),
    "LY": ("Libya", "Benghazi"),
    "ME": ("Montenegro", "Podgorica"),
    "XK": ("Kosovo", "Pristina"),
    "KG": ("Kyrgyzstan", "Bishkek"),
    "TJ": ("Tajikistan", "Dushanbe"),
    "LA": ("Laos", "Vientiane"),
    "MM": ("Myanmar", "Yangon"),
    "SD": ("Sudan", "Khartoum"),
    "PS": ("Palestine", "Ramallah"),
    "MC": ("Monaco", "Monte Carlo"),
    "LI": ("Liechtenstein", "Vaduz"),
    "SM": ("San Marino", "Serravalle"),
    "GY": ("Guyana", "Georgetown"),
    "HT": ("Haiti", "Port-au-Prince"),
    "PR": ("Puerto Rico", "San Juan"),
    "KY": ("the Cayman Islands", "George Town"),
    "BM": ("Bermuda", "Hamilton"),
    "JE": ("Jersey", "St Helier"),
    "IM": ("the Isle of Man", "Douglas"),
    "RE": ("Reunion", "Saint-Denis"),
    "GP": ("Guadeloupe", "Pointe-a-Pitre"),
    "SZ": ("Eswatini", "Mbabane"),
    "FJ": ("Fiji", "Suva"),
    "PG": ("Papua New Guinea", "Port Moresby"),
    "SR": ("Suriname", "Paramaribo"),
    "IQ": ("Iraq", "Erbil"),
    "BZ": ("Belize", "Belmopan"),
}
FOREIGN = sorted(REGIONS)


def phone(rng: random.Random, region: str, mobile: bool | None = None) -> phonenumbers.PhoneNumber:
    """A valid number of `region` (and resolving to it), unlike libphonenumber's example."""
    if region == "US":
        return us_phone(rng)
    if mobile is None:
        mobile = chance(rng, 0.65)
    kinds = [PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE]
    if not mobile:
        kinds.reverse()
    for kind in kinds:
        example = phonenumbers.example_number_for_type(region, kind)
        if example is None:
            continue
        national = phonenumbers.national_significant_number(example)
        cc = example.country_code
        for keep in (max(2, len(national) - 6), max(2, len(national) - 5), len(national) - 4):
            for _ in range(150):
                tail = "".join(rng.choice("0123456789") for _ in range(len(national) - keep))
                digits = national[:keep] + tail
                if digits == national:
                    continue
                number = phonenumbers.parse(f"+{cc}{digits}")
                if (
                    phonenumbers.is_valid_number(number)
                    and phonenumbers.region_code_for_number(number) == region
                ):
                    return number
    raise AssertionError(region)


def us_phone(rng: random.Random) -> phonenumbers.PhoneNumber:
    while True:
        area = pick(rng, "23456789") + "".join(rng.choice("0123456789") for _ in range(2))
        if area[1:] == "11" or area in ("800", "888", "877", "866", "855", "844", "833", "900"):
            continue
        rest = pick(rng, "23456789") + "".join(rng.choice("0123456789") for _ in range(6))
        if rest[:3] == "555":
            continue
        number = phonenumbers.parse(f"+1{area}{rest}")
        if phonenumbers.is_valid_number(number) and phonenumbers.region_code_for_number(number) in (
            "US",
        ):
            return number


def groups_of(number: phonenumbers.PhoneNumber, national: bool) -> list[str]:
    fmt = PhoneNumberFormat.NATIONAL if national else PhoneNumberFormat.INTERNATIONAL
    text = phonenumbers.format_number(number, fmt)
    out = []
    cur = ""
    for c in text:
        if c.isdigit():
            cur += c
        elif cur:
            out.append(cur)
            cur = ""
    if cur:
        out.append(cur)
    return out if national else out[1:]


def formatted(number: phonenumbers.PhoneNumber, national: bool) -> str:
    fmt = PhoneNumberFormat.NATIONAL if national else PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(number, fmt)


EXITS = {  # how the international prefix is said: (tag, spoken, as ASR writes it cleaned)
    "plus": ("plus", "+"),
    "double_oh": ("double oh", "00"),
    "zero_zero": ("zero zero", "00"),
    "oh_one_one": ("oh one one", "011"),
    "bare": ("", ""),
}


def say_phone(
    number: phonenumbers.PhoneNumber,
    rng: random.Random,
    raw: bool,
    *,
    how: str = "",
    style: str = "",
    gaps: float = 0.0,
    slip: float = 0.0,
) -> tuple[str, set[str]]:
    """A number as a caller says it. `how`: an exit ('plus', 'double_oh', 'zero_zero',
    'oh_one_one', 'bare' = country code with no plus) or 'national' (with its trunk prefix)."""
    how = how or pick(
        rng, ["plus", "plus", "double_oh", "zero_zero", "oh_one_one", "bare", "national"]
    )
    style = style or pick(rng, ["num", "num", "words", "words", "pairs", "mix"])
    tags = {f"phone.how.{how}", f"phone.style.{style}"}
    if how == "national":
        groups = groups_of(number, national=True)
        said = say_groups(groups, rng, style, raw, gaps=gaps, slip=slip)
        return said, tags
    groups = [str(number.country_code), *groups_of(number, national=False)]
    said = say_groups(groups, rng, style, raw, gaps=gaps, slip=slip)
    spoken, written = EXITS[how]
    if how == "bare":
        return said, tags
    if style == "num" and not raw:
        if how == "plus":
            return f"+{said}", tags
        return f"{written} {said}", tags
    return f"{spoken} {said}", tags


def say_us(
    number: phonenumbers.PhoneNumber, rng: random.Random, raw: bool, *, style: str = ""
) -> tuple[str, set[str]]:
    digits = phonenumbers.national_significant_number(number)
    area, mid, last = digits[:3], digits[3:6], digits[6:]
    style = style or pick(rng, ["dashed", "parens", "spaced", "words", "pairs", "one_words"])
    tags = {f"phone.us.{style}"}
    if raw and style in ("dashed", "parens"):
        style = "spaced"
    if style == "dashed":
        return f"{area}-{mid}-{last}", tags
    if style == "parens":
        return f"({area}) {mid}-{last}", tags
    if style == "spaced":
        return f"{area} {mid} {last}", tags
    if style == "words":
        sep = " " if raw else pick(rng, [", ", " ", "... "])
        return sep.join(one_by_one(g, rng, double=0.15) for g in (area, mid, last)), tags
    if style == "pairs":
        sep = " " if raw else ", "
        return sep.join([one_by_one(area, rng), one_by_one(mid, rng), as_numbers(last, rng)]), tags
    sep = " " if raw else ", "
    return "one " + sep.join(one_by_one(g, rng) for g in (area, mid, last)), tags


# --- emails ----------------------------------------------------------------------------------

FIRST = [
    "oksana",
    "tomasz",
    "adaeze",
    "wenjie",
    "marisol",
    "thiago",
    "ingrid",
    "kwabena",
    "saoirse",
    "dmitri",
    "yusra",
    "bartholomew",
    "lucinda",
    "rafferty",
    "noor",
    "evander",
    "hyejin",
    "florentina",
    "obinna",
    "juniper",
    "caspian",
    "agnieszka",
    "temperance",
    "zoltan",
    "mireille",
    "lachlan",
    "perpetua",
    "anselm",
    "kalani",
    "ximena",
    "ruairi",
    "svetla",
    "ottoline",
    "ifeoma",
    "desmond",
    "rosalind",
    "bogdan",
    "tallulah",
    "ezekiel",
    "wilhelmina",
]
LAST = [
    "vandermeer",
    "okonkwo",
    "castellanos",
    "nakashima",
    "fairweather",
    "oyelaran",
    "lindqvist",
    "abernathy",
    "teixeira",
    "mwangi",
    "przybylski",
    "delacroix",
    "halloran",
    "bergkamp",
    "achterberg",
    "quintanilla",
    "szabo",
    "ravensworth",
    "mbeki",
    "featherstone",
    "kowalczyk",
    "ashdown",
    "villanueva",
    "thistlewood",
    "ozturk",
    "mcgillivray",
    "baptiste",
    "hornblower",
    "strand",
    "kincaid",
    "yamamura",
    "ellsworth",
    "dunleavy",
    "ferreira",
    "gallagher",
]
PROVIDERS = [
    ("gmail", "com"),
    ("outlook", "com"),
    ("yahoo", "com"),
    ("icloud", "com"),
    ("hotmail", "co.uk"),
    ("protonmail", "com"),
    ("aol", "com"),
    ("comcast", "net"),
    ("att", "net"),
    ("verizon", "net"),
    ("sbcglobal", "net"),
    ("me", "com"),
    ("live", "com"),
    ("msn", "com"),
    ("gmx", "de"),
    ("web", "de"),
    ("orange", "fr"),
    ("free", "fr"),
    ("libero", "it"),
    ("btinternet", "com"),
    ("sky", "com"),
    ("zoho", "com"),
    ("fastmail", "com"),
    ("hey", "com"),
    ("yandex", "ru"),
    ("qq", "com"),
    ("naver", "com"),
    ("rediffmail", "com"),
    ("bigpond", "com"),
    ("shaw", "ca"),
    ("rogers", "com"),
    ("telus", "net"),
    ("cox", "net"),
    ("charter", "net"),
    ("earthlink", "net"),
    ("mail", "com"),
    ("pm", "me"),
    ("tutanota", "com"),
    ("yahoo", "co.in"),
    ("outlook", "com.au"),
    ("brightwave-logistics", "com"),
    ("stmarys-school", "org"),
    ("hallandpartners", "law"),
    ("riverbend", "edu"),
    ("kw-dental", "ca"),
]
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
    "a": ["apple", "alpha"],
    "b": ["boy", "bravo"],
    "c": ["cat", "charlie"],
    "d": ["dog", "david"],
    "e": ["egg", "edward"],
    "f": ["frank", "fox"],
    "g": ["george", "golf"],
    "h": ["harry", "house"],
    "i": ["ice", "india"],
    "j": ["john", "jack"],
    "k": ["kite", "king"],
    "l": ["lemon", "larry"],
    "m": ["mary", "mike"],
    "n": ["nancy", "nose"],
    "o": ["orange", "ocean"],
    "p": ["peter", "paul"],
    "q": ["queen"],
    "r": ["robert", "rose"],
    "s": ["sam", "sugar"],
    "t": ["tom", "tango"],
    "u": ["umbrella", "uncle"],
    "v": ["victor", "violet"],
    "w": ["william", "water"],
    "x": ["x-ray"],
    "y": ["yellow", "yes"],
    "z": ["zebra"],
}


def email_parts(rng: random.Random) -> tuple[list[str], str, str, str]:
    """(local-part pieces with their joiners, host, tld, the address as typed)."""
    first, last = pick(rng, FIRST), pick(rng, LAST)
    shape = pick(rng, ["f.l", "f_l", "f-l", "fl", "il", "f.l##", "fl####", "f##", "l.f", "f.m.l"])
    pieces: list[str]
    if shape == "f.l":
        pieces = [first, ".", last]
    elif shape == "f_l":
        pieces = [first, "_", last]
    elif shape == "f-l":
        pieces = [first, "-", last]
    elif shape == "fl":
        pieces = [first + last]
    elif shape == "il":
        pieces = [first[0] + last]
    elif shape == "f.l##":
        pieces = [first, ".", last + str(rng.randint(10, 99))]
    elif shape == "fl####":
        pieces = [first + last[:3] + str(rng.randint(1960, 2012))]
    elif shape == "f##":
        pieces = [first + str(rng.randint(100, 999))]
    elif shape == "l.f":
        pieces = [last, ".", first]
    else:
        pieces = [first, ".", pick(rng, "abcdefghjklmnprstw"), ".", last]
    host, tld = pick(rng, PROVIDERS)
    typed = "".join(pieces) + "@" + host + "." + tld
    return pieces, host, tld, typed


SYMBOLS = {
    ".": ["dot", "period", "point"],
    "_": ["underscore", "under score"],
    "-": ["dash", "hyphen"],
}


def say_word(word: str, rng: random.Random, how: str) -> str:
    """A run of letters and digits: 'plain' (as a word, digits as numbers), 'spelled',
    'nato' ('m as in mike' or the NATO word), or 'asr' (split by ASR into syllables)."""
    chunks: list[str] = []
    cur = ""
    for c in word:
        if cur and cur[-1].isdigit() != c.isdigit():
            chunks.append(cur)
            cur = ""
        cur += c
    if cur:
        chunks.append(cur)
    out = []
    for chunk in chunks:
        if chunk.isdigit():
            if len(chunk) == 4 and chance(rng, 0.6):
                out.append(as_numbers(chunk, rng))
            elif len(chunk) == 2 and chance(rng, 0.6):
                out.append(as_numbers(chunk, rng))
            else:
                out.append(one_by_one(chunk, rng, zero="zero"))
        elif how == "plain":
            out.append(chunk)
        elif how == "asr" and len(chunk) > 6:
            cut = rng.randint(3, len(chunk) - 3)
            out.append(f"{chunk[:cut]} {chunk[cut:]}")
        elif how == "spelled":
            out.append(" ".join(chunk))
        elif how == "nato":
            style = pick(rng, ["as_in", "nato", "for"])
            letters = []
            for c in chunk:
                if style == "nato":
                    letters.append(NATO[c])
                elif style == "as_in":
                    letters.append(f"{c} as in {pick(rng, AS_IN[c])}")
                else:
                    letters.append(f"{c} for {pick(rng, AS_IN[c])}")
            out.append(", ".join(letters) if style != "nato" else " ".join(letters))
        else:
            out.append(chunk)
    return " ".join(out)


def say_email(
    rng: random.Random, raw: bool, *, how: str = "plain", parts: Any = None
) -> tuple[str, str, str, set[str]]:
    """(local part said, '@' and the domain said, the typed address, tags).

    The caller's local part is said `how`; the domain is said as words ('gmail dot com')."""
    pieces, host, tld, typed = parts or email_parts(rng)
    tags = {f"email.local.{how}"}
    local = []
    for piece in pieces:
        if piece in SYMBOLS:
            local.append(pick(rng, SYMBOLS[piece]))
        else:
            local.append(say_word(piece, rng, how))
    at = "at" if raw or chance(rng, 0.85) else "at sign"
    host_said = " dash ".join(host.split("-")) if "-" in host else host
    if how == "spelled" and chance(rng, 0.2) and len(host) > 4:
        host_said = " ".join(host)
        tags.add("email.domain.spelled")
    tld_said = " dot ".join(tld.split("."))
    domain_said = f"{at} {host_said} dot {tld_said}"
    local_said = " ".join(local)
    return local_said, domain_said, typed, tags


# --- IBANs -----------------------------------------------------------------------------------

# country: a layout (a bank code kept, digits drawn) and the country's name
IBANS: dict[str, tuple[str, str]] = {
    "AD": ("AD0000010030200359100100", "Andorra"),
    "BH": ("BH00NBOB00001299123456", "Bahrain"),
    "BR": ("BR0000360305000010009795493P1", "Brazil"),
    "CR": ("CR05015202001026284066", "Costa Rica"),
    "DO": ("DO00BAGR00000001212453611324", "the Dominican Republic"),
    "EG": ("EG380019000500000000263180002", "Egypt"),
    "GE": ("GE00NB0000000101904917", "Georgia"),
    "GI": ("GI00NWBK000000007099453", "Gibraltar"),
    "IL": ("IL620108000000099999999", "Israel"),
    "IS": ("IS140159260076545510730339", "Iceland"),
    "KW": ("KW00CBKU0000000000001234560101", "Kuwait"),
    "LB": ("LB00099900000001001901229114", "Lebanon"),
    "LI": ("LI0008810000200176701", "Liechtenstein"),
    "MC": ("MC0011222000010123456789030", "Monaco"),
    "MD": ("MD00AG000225100013104168", "Moldova"),
    "ME": ("ME00505000012345678951", "Montenegro"),
    "MK": ("MK00250120000058984", "North Macedonia"),
    "PK": ("PK00SCBL0000001123456702", "Pakistan"),
    "RS": ("RS00260005601001611379", "Serbia"),
    "SM": ("SM00U0322509800000000270100", "San Marino"),
    "TN": ("TN5910006035183598478831", "Tunisia"),
    "UA": ("UA003223130000026007233566001", "Ukraine"),
    "XK": ("XK000000000000000000", "Kosovo"),
    "FO": ("FO0000000000000000", "the Faroe Islands"),
    "SV": ("SV00CENR00000000000000700025", "El Salvador"),
}


def make_iban(rng: random.Random, country: str) -> str:
    layout = IBANS[country][0]
    keep = {"BR": 12, "CR": 8, "EG": 8, "IL": 7, "IS": 8, "LB": 8, "LI": 9, "TN": 6}.get(country, 8)
    for _ in range(500):
        bban = "".join(
            rng.choice("0123456789") if c.isdigit() and i >= keep else c
            for i, c in enumerate(layout[4:], start=4)
        )
        number = country + _iban.calc_check_digits(country + "00" + bban) + bban
        if _iban.is_valid(number):
            return number
    raise AssertionError(country)


def iban_groups(number: str) -> list[str]:
    return [number[i : i + 4] for i in range(0, len(number), 4)]


def say_iban(
    number: str, rng: random.Random, raw: bool, *, letters: str = "", digits: str = ""
) -> tuple[str, set[str]]:
    """Said in its printed groups of four: letters plain ('G B'), NATO or 'as in'; digits as
    numerals, words or pairs."""
    letters = letters or pick(rng, ["plain", "plain", "nato", "as_in"])
    digits = digits or pick(rng, ["num", "words", "words", "pairs", "mix"])
    tags = {f"iban.letters.{letters}", f"iban.digits.{digits}"}
    out = []
    for g in iban_groups(number):
        said = []
        run = ""
        for c in g + " ":
            if c.isdigit():
                run += c
                continue
            if run:
                said.append(say_group(run, rng, digits))
                run = ""
            if c == " ":
                continue
            if letters == "nato":
                said.append(NATO[c.lower()])
            elif letters == "as_in":
                said.append(f"{c if not raw else c.lower()} as in {pick(rng, AS_IN[c.lower()])}")
            else:
                said.append(c if not raw else c.lower())
        out.append(" ".join(said))
    sep = " " if raw else pick(rng, [" ", ", ", "... "])
    return sep.join(out), tags


# --- SSNs ------------------------------------------------------------------------------------


def make_ssn(rng: random.Random) -> str:
    while True:
        area = rng.randint(1, 899)
        if area == 666:
            continue
        return f"{area:03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"


def say_ssn(
    number: str, rng: random.Random, raw: bool, *, style: str = "", gaps: float = 0.0
) -> tuple[str, set[str]]:
    style = style or pick(rng, ["dashed", "spaced", "words", "words", "pairs", "mix", "run"])
    tags = {f"ssn.style.{style}"}
    groups = [number[:3], number[3:5], number[5:]]
    if style == "dashed" and not raw:
        return "-".join(groups), tags
    if style in ("dashed", "spaced"):
        return " ".join(groups), tags
    if style == "run":
        return one_by_one(number, rng, double=0.2), tags
    return say_groups(
        groups, rng, {"words": "words", "pairs": "pairs"}.get(style, "mix"), raw, gaps=gaps
    ), tags


# --- typing ----------------------------------------------------------------------------------

FULLWIDTH = {str(d): chr(0xFF10 + d) for d in range(10)}
ODD_SPACES = {
    "nbsp": "\u00a0",
    "thin": "\u2009",
    "zwsp": "\u200b",
    "dash": "\u2013",
    "narrow": "\u202f",
}


def typed_join(groups: list[str], rng: random.Random) -> tuple[str, set[str]]:
    """Groups as a phone keyboard or a paste joins them: spaces, dashes, dots, odd Unicode."""
    how = pick(
        rng,
        [
            "space",
            "dash",
            "dot",
            "none",
            "nbsp",
            "thin",
            "zwsp",
            "dash",
            "narrow",
            "double",
            "mixed",
        ],
    )
    tags = {f"typed.sep.{how}"}
    if how == "space":
        return " ".join(groups), tags
    if how == "dash":
        if chance(rng, 0.5):
            tags.add("unicode.dash")
            return "\u2013".join(groups), tags
        return "-".join(groups), tags
    if how == "dot":
        return ".".join(groups), tags
    if how == "none":
        return "".join(groups), tags
    if how == "double":
        return "  ".join(groups), tags
    if how == "mixed":
        seps = [" ", "-", " - ", "\u00a0"]
        text = groups[0]
        for g in groups[1:]:
            sep = pick(rng, seps)
            if sep == "\u00a0":
                tags.add("unicode.nbsp")
            text += sep + g
        return text, tags
    tags.add(
        {
            "nbsp": "unicode.nbsp",
            "thin": "unicode.thin",
            "zwsp": "unicode.zwsp",
            "narrow": "unicode.narrow",
        }[how]
    )
    return ODD_SPACES[how].join(groups), tags


def fullwidth(text: str, rng: random.Random, share: float = 1.0) -> str:
    return "".join(FULLWIDTH[c] if c in FULLWIDTH and chance(rng, share) else c for c in text)


# --- tool turns ------------------------------------------------------------------------------


def json_turn(obj: Any) -> list[Part]:
    """A JSON object whose string values may be `Pii` or `Benign`: the parts of its text."""
    marks: list[Pii | Benign] = []

    def swap(value: Any) -> Any:
        if isinstance(value, (Pii, Benign)):
            marks.append(value)
            return f"\ue000{len(marks) - 1}\ue000"
        if isinstance(value, dict):
            return {k: swap(v) for k, v in value.items()}
        if isinstance(value, list):
            return [swap(v) for v in value]
        return value

    text = json.dumps(swap(obj), ensure_ascii=False)
    out: list[Part] = []
    for i, chunk in enumerate(text.split("\ue000")):
        if i % 2:
            mark = marks[int(chunk)]
            if json.dumps(mark.text, ensure_ascii=False)[1:-1] != mark.text:
                raise Retry(mark.text)
            out.append(mark)
        elif chunk:
            out.append(chunk)
    return out


# --- look-alikes -----------------------------------------------------------------------------


def digits(rng: random.Random, n: int, first: str = "123456789") -> str:
    return pick(rng, first) + "".join(rng.choice("0123456789") for _ in range(n - 1))


def routing(rng: random.Random) -> str:
    """A nine-digit ABA routing number with its check digit."""
    while True:
        body = pick(rng, ["0", "1", "2", "3"]) + "".join(rng.choice("0123456789") for _ in range(7))
        w = [3, 7, 1, 3, 7, 1, 3, 7]
        total = sum(int(d) * k for d, k in zip(body, w, strict=True))
        check = (10 - total % 10) % 10
        if body[:2] in ("00",):
            continue
        return body + str(check)


def imei(rng: random.Random) -> str:
    return luhn_number(rng, pick(rng, ["35", "86", "01", "99"]), 15)


VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
VIN_VALUES = dict(
    zip(
        "ABCDEFGHJKLMNPRSTUVWXYZ",
        [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9],
        strict=True,
    )
)


def vin(rng: random.Random) -> str:
    weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
    chars = [pick(rng, ["1", "2", "3", "4", "5", "J", "K", "W", "Y"])]
    chars += [pick(rng, VIN_CHARS) for _ in range(16)]
    chars[8] = "0"
    total = 0
    for c, w in zip(chars, weights, strict=True):
        total += (int(c) if c.isdigit() else VIN_VALUES[c]) * w
    check = total % 11
    chars[8] = "X" if check == 10 else str(check)
    return "".join(chars)


def booking_code(rng: random.Random, n: int = 6) -> str:
    return "".join(pick(rng, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(n))


def _money(rng: random.Random) -> str:
    return f"${rng.randint(9, 1900)}.{rng.randint(0, 99):02d}"


def _day(rng: random.Random) -> str:
    return pick(rng, ["the 3rd", "the 9th", "the 12th", "the 21st", "the 28th", "Tuesday"])


def aside(rng: random.Random, key: str, raw: bool) -> list[Part]:
    """An agent's line of call business holding a look-alike or two: the case, the booking,
    the balance."""
    r = rng
    lines: dict[str, list[list[Part]]] = {
        "bank": [
            [
                "I can see a pending charge of ",
                Benign("amount", _money(r)),
                " from ",
                Benign("date", _day(r)),
                ".",
            ]
        ],
        "insurance": [
            [
                "I've opened claim number ",
                Benign("claim_id", digits(r, 9)),
                " for the water damage.",
            ]
        ],
        "telco": [
            [
                "Your balance is ",
                Benign("amount", _money(r)),
                ", due on ",
                Benign("date", _day(r)),
                ".",
            ]
        ],
        "clinic": [
            [
                "I have you with Dr. Amadi on ",
                Benign("date", _day(r)),
                " at ",
                Benign("time", f"{r.randint(8, 11)}:{pick(r, ['10', '20', '40'])}"),
                ".",
            ]
        ],
        "pharmacy": [
            [
                "That's prescription ",
                Benign("rx_number", digits(r, 7)),
                ", and the copay is ",
                Benign("amount", _money(r)),
                ".",
            ]
        ],
        "airline": [
            [
                "I have booking ",
                Benign("booking_ref", booking_code(r)),
                ", flight ",
                Benign("flight", f"MA {r.randint(100, 2999)}"),
                " on ",
                Benign("date", _day(r)),
                ".",
            ]
        ],
        "hotel": [
            [
                "Confirmation ",
                Benign("confirmation", digits(r, 8)),
                ", two nights from ",
                Benign("date", _day(r)),
                ".",
            ]
        ],
        "utility": [
            [
                "I've got account ",
                Benign("account_id", digits(r, 10)),
                " up, the balance is ",
                Benign("amount", _money(r)),
                ".",
            ]
        ],
        "car_rental": [
            [
                "Reservation ",
                Benign("reservation", f"RR{digits(r, 8)}"),
                ", pickup at ",
                Benign("time", f"{r.randint(7, 11)}:30"),
                ".",
            ]
        ],
        "returns": [
            [
                "That's order ",
                Benign("order_id", f"PN-{digits(r, 9)}"),
                ", the refund would be ",
                Benign("amount", _money(r)),
                ".",
            ]
        ],
        "gov": [
            [
                "Your case number is ",
                Benign("case_id", f"20{r.randint(24, 26)}-{digits(r, 7)}"),
                ".",
            ]
        ],
        "tax": [
            [
                "Your return is saved as ",
                Benign("return_id", digits(r, 11)),
                ". The fee is ",
                Benign("amount", _money(r)),
                ".",
            ]
        ],
        "gig": [
            [
                "I see trip ",
                Benign("trip_id", digits(r, 12)),
                " with a payout of ",
                Benign("amount", _money(r)),
                ".",
            ]
        ],
        "subscription": [
            [
                "Membership ",
                Benign("member_id", digits(r, 9)),
                " renews on ",
                Benign("date", _day(r)),
                " for ",
                Benign("amount", _money(r)),
                ".",
            ]
        ],
        "collections": [
            [
                "The balance on reference ",
                Benign("account_id", digits(r, 10)),
                " is ",
                Benign("amount", _money(r)),
                ".",
            ]
        ],
        "realestate": [
            [
                "Application ",
                Benign("application_id", digits(r, 6)),
                ", and the fee is ",
                Benign("amount", _money(r)),
                ".",
            ]
        ],
        "vet": [
            [
                "That's patient number ",
                Benign("patient_id", digits(r, 6)),
                ", Biscuit, due for boosters.",
            ]
        ],
        "moving": [
            [
                "Quote ",
                Benign("quote_id", f"Q{digits(r, 7)}"),
                " for ",
                Benign("date", _day(r)),
                ", ",
                Benign("amount", _money(r)),
                " in total.",
            ]
        ],
    }
    parts = pick(rng, lines[key])
    return [low(p, raw) if isinstance(p, str) else Benign(p.cls, low(p.text, raw)) for p in parts]
