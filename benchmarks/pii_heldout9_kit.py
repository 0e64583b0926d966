"""heldout9's numbers and how they are said: valid phones, Luhn-valid cards, valid IBANs,
SSNs, emails, and the words speech-to-text writes for digits. Every draw is from the rng."""

from __future__ import annotations

import random

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType
from pii_rows import maybe
from stdnum import luhn

ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEENS = (
    *("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen"),
)
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
# what speech-to-text writes for a digit word now and then
SLIPS = {"four": ("for",), "two": ("to", "too"), "eight": ("ate",), "one": ("won",)}
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def pick(rng: random.Random, seq: tuple[str, ...] | list[str]) -> str:
    return seq[rng.randrange(len(seq))]


def digit(d: str, rng: random.Random, oh: float = 0.5, slip: float = 0.0) -> str:
    if d == "0":
        return "oh" if maybe(rng, oh) else "zero"
    word = ONES[int(d)]
    if word in SLIPS and maybe(rng, slip):
        return pick(rng, SLIPS[word])
    return word


def digits(
    s: str, rng: random.Random, *, oh: float = 0.5, double: float = 0.0, slip: float = 0.0
) -> str:
    """Each digit a word; a run of two (three) the same now and then "double" ("triple")."""
    out: list[str] = []
    i = 0
    while i < len(s):
        run = 1
        while i + run < len(s) and s[i + run] == s[i] and run < 3:
            run += 1
        if run == 3 and maybe(rng, double):
            out.append("triple " + digit(s[i], rng, oh))
            i += 3
        elif run >= 2 and maybe(rng, double):
            out.append("double " + digit(s[i], rng, oh))
            i += 2
        else:
            out.append(digit(s[i], rng, oh, slip))
            i += 1
    return " ".join(out)


def pair(p: str, rng: random.Random) -> str:
    """Two digits as one number: "45" forty five, "05" oh five, "00" double oh."""
    if p == "00":
        return "double oh" if maybe(rng, 0.6) else "oh oh"
    if p[0] == "0":
        return f"{'oh' if maybe(rng, 0.8) else 'zero'} {ONES[int(p[1])]}"
    n = int(p)
    if n < 20:
        return TEENS[n - 10]
    return TENS[n // 10] + ("" if p[1] == "0" else " " + ONES[int(p[1])])


def pairs(s: str, rng: random.Random) -> str:
    """A group read as pairs; an odd first digit alone ("four, fifty one, twelve")."""
    out = []
    if len(s) % 2:
        out.append(digit(s[0], rng))
        s = s[1:]
    out += [pair(s[i : i + 2], rng) for i in range(0, len(s), 2)]
    return " ".join(out)


def hundreds(s: str, rng: random.Random) -> str | None:
    """A three-digit group as a number when it reads like one: "three hundred", "six twelve"."""
    if len(s) != 3 or s[0] == "0":
        return None
    if s[1:] == "00":
        return f"{ONES[int(s[0])]} hundred"
    if s[1] == "0":
        return f"{ONES[int(s[0])]} oh {ONES[int(s[2])]}"
    return f"{ONES[int(s[0])]} {pair(s[1:], rng)}"


def group(s: str, rng: random.Random, style: str, slip: float = 0.0) -> str:
    """One group of digits said in `style`: digits, pairs, double, mixed."""
    if style == "pairs" and len(s) >= 2:
        return pairs(s, rng)
    if style == "mixed":
        said = hundreds(s, rng) if maybe(rng, 0.5) else None
        if said:
            return said
        if len(s) == 4 and maybe(rng, 0.5):
            return pairs(s, rng)
    return digits(s, rng, double=0.6 if style == "double" else 0.1, slip=slip)


def number(n: int) -> str:
    """A whole number below a million in words ("twelve hundred forty" for 1240 half the time
    is the caller's business; this writes the plain form)."""
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else " " + ONES[n % 10])
    if n < 1000:
        rest = n % 100
        return f"{ONES[n // 100]} hundred" + (f" {number(rest)}" if rest else "")
    rest = n % 1000
    return f"{number(n // 1000)} thousand" + (f" {number(rest)}" if rest else "")


def pattern(rng: random.Random, shape: str) -> str:
    """An id from a shape: '#' a digit, '@' a capital letter, '9' a digit 1-9, others kept."""
    out = []
    for ch in shape:
        if ch == "#":
            out.append(str(rng.randrange(10)))
        elif ch == "9":
            out.append(str(rng.randrange(1, 10)))
        elif ch == "@":
            out.append(chr(ord("A") + rng.choice([i for i in range(26) if i not in (8, 14)])))
        else:
            out.append(ch)
    return "".join(out)


def spoken_id(text: str, rng: random.Random) -> str:
    """An id as speech-to-text writes it: letters apart, digits as words, dashes dropped."""
    words: list[str] = []
    run = ""
    for ch in text + " ":
        if ch.isdigit():
            run += ch
            continue
        if run:
            words.append(
                group(run, rng, "digits" if len(run) > 4 else pick(rng, ("digits", "pairs")))
            )
            run = ""
        if ch.isalpha():
            words.append(ch.lower())
    return " ".join(words)


# ---- phones -------------------------------------------------------------------------------

NANP_AREAS = {
    "US": (
        *("206", "253", "312", "404", "512", "541", "602", "615", "617", "702", "720", "801"),
        *("907", "919", "971", "727", "828", "865", "406", "207", "603", "802", "505", "314"),
        *("414", "612", "208", "307", "515", "316", "405", "843", "304", "859", "608", "775"),
    ),
    "CA": ("416", "604", "403", "514", "613", "902", "306", "204", "780", "819", "250", "709"),
}
CALLER_REGIONS = (
    *("GB", "IE", "AU", "NZ", "IN", "PH", "MX", "BR", "CO", "CL", "ES", "FR", "DE", "IT"),
    *("NL", "PL", "PT", "SE", "CH", "AT", "BE", "ZA", "NG", "KE", "GH", "TR", "IL", "AE"),
    *("JP", "KR", "SG", "MY", "JM", "GR", "CZ", "RO", "IS", "HR", "CR", "UY", "LK", "QA"),
    *("TZ", "RW", "MU", "FJ", "DK", "FI"),
)
GOOD_TYPES = (
    PhoneNumberType.MOBILE,
    PhoneNumberType.FIXED_LINE,
    PhoneNumberType.FIXED_LINE_OR_MOBILE,
)


class Phone:
    """A valid number of a region and the ways it is written."""

    def __init__(self, region: str, num: phonenumbers.PhoneNumber) -> None:
        self.region = region
        self.num = num
        self.cc = str(num.country_code)
        self.intl = phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL)
        self.e164 = phonenumbers.format_number(num, PhoneNumberFormat.E164)
        self.national = phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL)
        self.nsn = phonenumbers.national_significant_number(num)

    @property
    def nanp(self) -> bool:
        return self.cc == "1"

    def intl_groups(self) -> list[str]:
        """The groups after the country code, as written internationally."""
        rest = self.intl[len(self.cc) + 2 :]
        return [g for g in _split_digits(rest) if g]

    def national_groups(self) -> list[str]:
        return [g for g in _split_digits(self.national) if g]


def _split_digits(text: str) -> list[str]:
    out, run = [], ""
    for ch in text:
        if ch.isdigit():
            run += ch
        else:
            out.append(run)
            run = ""
    return [*out, run]


def make_phone(rng: random.Random, region: str) -> Phone:
    """A valid number of `region`, the subscriber digits drawn from the rng."""
    if region in NANP_AREAS:
        for _ in range(500):
            area = pick(rng, NANP_AREAS[region])
            exch = str(rng.randrange(2, 10)) + f"{rng.randrange(100):02d}"
            if exch[1:] == "11" or exch == "555":
                continue
            num = phonenumbers.parse(f"+1{area}{exch}{rng.randrange(10000):04d}")
            if (
                phonenumbers.is_valid_number(num)
                and phonenumbers.region_code_for_number(num) == region
            ):
                return Phone(region, num)
        raise RuntimeError(region)
    example = phonenumbers.example_number_for_type(region, PhoneNumberType.MOBILE)
    if example is None:
        raise RuntimeError(region)
    nsn = phonenumbers.national_significant_number(example)
    cc = example.country_code
    for keep in (2, 3, 4, 5):
        for _ in range(300):
            tail = "".join(str(rng.randrange(10)) for _ in range(len(nsn) - keep))
            num = phonenumbers.parse(f"+{cc}{nsn[:keep]}{tail}")
            if (
                phonenumbers.is_valid_number(num)
                and phonenumbers.number_type(num) in GOOD_TYPES
                and phonenumbers.region_code_for_number(num) == region
                and tail.count(tail[0]) < len(tail)
            ):
                return Phone(region, num)
    raise RuntimeError(region)


def caller_region(rng: random.Random) -> str:
    """Where the caller's phone is from: the US and Canada a little under half the time."""
    if maybe(rng, 0.46):
        return "US" if maybe(rng, 0.72) else "CA"
    return pick(rng, CALLER_REGIONS)


# ---- cards --------------------------------------------------------------------------------

NETWORKS: dict[str, tuple[tuple[str, ...], int, tuple[int, ...]]] = {
    # network: (prefixes, length, groups)
    "visa": (("4",), 16, (4, 4, 4, 4)),
    "mastercard": (
        ("51", "52", "53", "54", "55", "2221", "2300", "2579", "2720"),
        16,
        (4, 4, 4, 4),
    ),
    "amex": (("34", "37"), 15, (4, 6, 5)),
    "discover": (("6011", "644", "65"), 16, (4, 4, 4, 4)),
    "jcb": (("3528", "3541", "3566", "3589"), 16, (4, 4, 4, 4)),
    "diners": (("36", "3095"), 14, (4, 6, 4)),
    "unionpay": (("62",), 16, (4, 4, 4, 4)),
    "maestro": (("6759", "5018", "6761"), 19, (4, 4, 4, 4, 3)),
}
NET_WEIGHTS = {"visa": 9, "mastercard": 7, "amex": 3, "discover": 2, "jcb": 1, "diners": 1}
NET_WEIGHTS |= {"unionpay": 1, "maestro": 1}


class Card:
    def __init__(self, network: str, pan: str) -> None:
        self.network = network
        self.pan = pan
        sizes = NETWORKS[network][2]
        self.groups: list[str] = []
        at = 0
        for size in sizes:
            self.groups.append(pan[at : at + size])
            at += size

    @property
    def last4(self) -> str:
        return self.pan[-4:]


def make_card(rng: random.Random, network: str | None = None) -> Card:
    if network is None:
        names = sorted(NET_WEIGHTS)
        network = rng.choices(names, [NET_WEIGHTS[n] for n in names])[0]
    prefixes, length, _ = NETWORKS[network]
    while True:
        body = pick(rng, prefixes)
        body += "".join(str(rng.randrange(10)) for _ in range(length - 1 - len(body)))
        pan = body + luhn.calc_check_digit(body)
        if len(set(pan[-8:])) > 2:
            return Card(network, pan)


def luhn_number(rng: random.Random, length: int, prefix: str = "") -> str:
    """A Luhn-valid run of digits that is no card (an invoice, a loyalty number)."""
    body = prefix + "".join(str(rng.randrange(10)) for _ in range(length - 1 - len(prefix)))
    return body + luhn.calc_check_digit(body)


def expiry(rng: random.Random) -> tuple[str, str]:
    """(written, said) of an expiry date."""
    month, year = rng.randrange(1, 13), rng.randrange(26, 33)
    months: tuple[str, ...] = ("january", "february", "march", "april", "may", "june", "july")
    months += ("august", "september", "october", "november", "december")
    said = (
        f"{digits(f'{month:02d}', rng)} {number(year)}"
        if maybe(rng, 0.5)
        else f"{months[month - 1]} twenty {number(year)}"
    )
    return f"{month:02d}/{year}", said
