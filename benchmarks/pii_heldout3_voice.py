"""THIRD HELD-OUT part (`heldout3`): phone, IBAN and SSN families. Not for rule authors
(see benchmarks/pii_heldout3.py)."""

from __future__ import annotations

import random

import phonenumbers
import pii_speech as sp
from phonenumbers import PhoneNumberFormat
from pii_heldout3 import FILLERS, NUDGES, RESTARTS, pick, read_groups, spoken
from pii_rows import Benign, Pii, Retry, Row, maybe, raw
from stdnum import iban as _iban

# region -> (country, adjective): regions no other part uses (but the US)
PLACES = {
    "LU": ("Luxembourg", "Luxembourgish"),
    "IS": ("Iceland", "Icelandic"),
    "EE": ("Estonia", "Estonian"),
    "LT": ("Lithuania", "Lithuanian"),
    "LV": ("Latvia", "Latvian"),
    "SK": ("Slovakia", "Slovak"),
    "SI": ("Slovenia", "Slovenian"),
    "BG": ("Bulgaria", "Bulgarian"),
    "RS": ("Serbia", "Serbian"),
    "MA": ("Morocco", "Moroccan"),
    "TN": ("Tunisia", "Tunisian"),
    "JO": ("Jordan", "Jordanian"),
    "LB": ("Lebanon", "Lebanese"),
    "QA": ("Qatar", "Qatari"),
    "KW": ("Kuwait", "Kuwaiti"),
    "CR": ("Costa Rica", "Costa Rican"),
    "PA": ("Panama", "Panamanian"),
    "UY": ("Uruguay", "Uruguayan"),
    "EC": ("Ecuador", "Ecuadorian"),
    "LK": ("Sri Lanka", "Sri Lankan"),
    "BD": ("Bangladesh", "Bangladeshi"),
    "NP": ("Nepal", "Nepali"),
    "UG": ("Uganda", "Ugandan"),
    "TZ": ("Tanzania", "Tanzanian"),
    "MT": ("Malta", "Maltese"),
    "CY": ("Cyprus", "Cypriot"),
    "DO": ("the Dominican Republic", "Dominican"),
    "JM": ("Jamaica", "Jamaican"),
    "GE": ("Georgia", "Georgian"),
    "RW": ("Rwanda", "Rwandan"),
}
REGIONS = ["US"] * 12 + sorted(PLACES)
WHY_PHONE = [
    "What number should the courier call if they can't find you?",
    "Can I get a callback number in case we get cut off?",
    "Which number is on the account?",
    "Where should I text the verification code?",
    "What's the best number for the technician?",
    "Do you have a WhatsApp number we can use?",
]
LEAD_PHONE = [
    "yeah it's my cell",
    "use my wife's number",
    "the office line is",
    "text it to",
    "you can reach me on",
    "it's my mum's phone actually",
    "my work mobile,",
    "ok so",
]


def phone_number(rng: random.Random, region: str) -> phonenumbers.PhoneNumber:
    number = sp.phone(rng, region, mobile=maybe(rng, 0.7))
    if region == "US":  # sp.phone keeps the example's exchange: a US number of its own
        number = phonenumbers.parse("+1" + sp.us_ten_digits(rng))
    return number


def phone_text(
    number: phonenumbers.PhoneNumber, rng: random.Random, region: str
) -> tuple[str, str]:
    """(how, text): the number written or said; a spoken leading 'plus' stays outside."""
    cc = str(number.country_code)
    intl = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    nat = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    groups = sp.phone_groups(number, national=False)
    nat_groups = sp.phone_groups(number, national=True)
    how = rng.choice(
        ["intl", "e164", "00", "national", "words_cc", "double_oh", "pairs", "national_words"]
    )
    if region == "US":
        how = rng.choice(["us_paren", "us_dash", "us_dots", "us_one", "national_words", "us_area"])
    if how == "intl":
        return how, intl
    if how == "e164":
        return how, phonenumbers.format_number(number, PhoneNumberFormat.E164)
    if how == "00":
        return how, f"00{cc} " + " ".join(groups) if maybe(rng, 0.5) else f"00 {cc} " + " ".join(
            groups
        )
    if how == "national":
        return how, nat
    if how == "words_cc":
        return how, f"{spoken(cc, rng)}, " + read_groups(groups, rng, "words")
    if how == "double_oh":
        return how, f"double oh {spoken(cc, rng)} " + read_groups(groups, rng, "words")
    if how == "pairs":
        return how, f"{spoken(cc, rng)} " + read_groups(groups, rng, "pairs")
    if how == "national_words":
        return how, read_groups(nat_groups, rng, rng.choice(["words", "mixed"]), fillers=0.15)
    digits = str(number.national_number)
    area, mid, last = digits[:3], digits[3:6], digits[6:]
    if how == "us_paren":
        return how, f"({area}) {mid}-{last}"
    if how == "us_dash":
        return how, f"{area}-{mid}-{last}"
    if how == "us_dots":
        return how, f"{area}.{mid}.{last}"
    if how == "us_one":
        return how, rng.choice([f"1-{area}-{mid}-{last}", f"+1 {area} {mid} {last}"])
    return how, f"{spoken(area, rng)}, then {spoken(mid, rng)}, {spoken(last, rng, doubles=0.3)}"


def phone_said(rng: random.Random) -> Row:
    row = Row("h3.phone_said")
    region = rng.choice(REGIONS)
    number = phone_number(rng, region)
    how, text = phone_text(number, rng, region)
    row.tags |= {"phone", f"phone.region.{region}", f"h3.phone.{how}"}
    row.say("assistant", pick(rng, WHY_PHONE))
    smart = not any(c.isalpha() for c in text) or maybe(rng, 0.4)
    hint = ""
    if region != "US" and maybe(rng, 0.5):
        country, adj = PLACES[region]
        art = "an" if adj[0] in "AEIOU" else "a"
        hint = rng.choice(
            [f"it's {art} {adj} number, ", f"I'm in {country} so ", f"{adj} mobile, "]
        )
    lead = pick(rng, LEAD_PHONE)
    plus = "plus " if how in ("words_cc", "pairs") and maybe(rng, 0.6) else ""
    row.say(
        "user",
        f"{hint}{lead} {plus}",
        Pii("phone", text if smart else raw(text)),
        rng.choice(["", ".", " thanks", " that's the one"]),
        smart=smart,
    )
    if maybe(rng, 0.35):
        e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
        row.say("assistant", "Okay, I've saved ", Pii("phone", e164), " as your contact number.")
    return row


def phone_split(rng: random.Random) -> Row:
    """Country or area code in one turn, the rest in the next."""
    row = Row("h3.phone_split")
    region = rng.choice(REGIONS)
    number = phone_number(rng, region)
    row.tags |= {"phone", f"phone.region.{region}", "h3.split.phone"}
    row.say("assistant", pick(rng, WHY_PHONE))
    cc = str(number.country_code)
    groups = sp.phone_groups(number, national=False)
    words = maybe(rng, 0.5)
    if region == "US":
        digits = str(number.national_number)
        first, rest = digits[:3], [digits[3:6], digits[6:]]
        row.say("user", "area code ", Pii("phone", spoken(first, rng) if words else first, True))
    else:
        first = f"+{cc}" if not words else spoken(cc, rng)
        rest = groups
        row.say(
            "user",
            f"it's {PLACES[region][1]}, it starts with ",
            Pii("phone", first, True),
            smart=not words,
        )
    row.say("assistant", pick(rng, NUDGES))
    tail = read_groups(rest, rng, "words") if words else " ".join(rest)
    row.say(
        "user", pick(rng, ["then ", "and ", "", "um "]), Pii("phone", tail, True), smart=not words
    )
    return row


def phone_fix(rng: random.Random) -> Row:
    """A digit group said wrong and put right inside the number: one label for all of it."""
    row = Row("h3.phone_fix")
    region = rng.choice(REGIONS)
    number = phone_number(rng, region)
    groups = sp.phone_groups(number, national=region == "US")
    row.tags |= {"phone", f"phone.region.{region}", "h3.restart"}
    row.say("assistant", pick(rng, WHY_PHONE))
    k = rng.randrange(1, len(groups))
    wrong = "".join(rng.choice("0123456789") for _ in groups[k])
    if wrong == groups[k]:
        raise Retry(wrong)
    cc = "" if region == "US" else f"+{number.country_code} "
    if maybe(rng, 0.5):
        said = f"{cc}{' '.join(groups[:k])} {wrong} {pick(rng, RESTARTS)} {' '.join(groups[k:])}"
        row.say("user", Pii("phone", said))
    else:
        head = read_groups(groups[:k], rng, "words")
        said = (
            f"{head} {spoken(wrong, rng)}, {pick(rng, ['no', 'sorry', 'wait'])}, "
            f"{read_groups(groups[k:], rng, 'words')}"
        )
        row.say("user", "it's ", Pii("phone", said), smart=False)
    return row


# IBAN layouts of this part's countries (registry examples; digits redrawn, checks recomputed)
IBANS = {
    "EE": "EE382200221020145685",
    "LT": "LT121000011101001000",
    "LV": "LV80BANK0000435195001",
    "SK": "SK3112000000198742637541",
    "BG": "BG80BNBG96611020345678",
    "MT": "MT84MALT011000012345MTLCAST001S",
    "CY": "CY17002001280000001200527600",
    "LI": "LI21088100002324013AA",
    "MC": "MC5811222000010123456789030",
    "AD": "AD1200012030200359100100",
    "QA": "QA58DOHB00001234567890ABCDEFG",
    "KW": "KW81CBKU0000000000001234560101",
    "JO": "JO94CBJO0010000000000131000302",
    "GE": "GE29NB0000000101904917",
    "BH": "BH67BMAG00001299123456",
    "AZ": "AZ21NABZ00000000137010001944",
    "MU": "MU17BOMM0101101030300200000MUR",
}


def iban_number(rng: random.Random) -> tuple[str, str]:
    country = rng.choice(sorted(IBANS))
    layout = IBANS[country]
    for _ in range(500):
        bban = "".join(
            rng.choice("0123456789") if c.isdigit() and i >= len(layout) - 10 else c
            for i, c in enumerate(layout[4:], start=4)
        )
        number = country + _iban.calc_check_digits(country + "00" + bban) + bban
        if _iban.is_valid(number):
            return country, number
    raise AssertionError(country)


NATO = {
    word[0]: word
    for word in "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike "
    "november oscar papa quebec romeo sierra tango uniform victor whiskey x-ray yankee zulu".split()
}


def iban_text(number: str, rng: random.Random) -> tuple[str, str]:
    four = " ".join(number[i : i + 4] for i in range(0, len(number), 4))
    how = rng.choice(["spaced", "lower", "compact", "odd", "spelled", "nato", "mixed"])
    if how == "spaced":
        return how, four
    if how == "lower":
        return how, rng.choice([four.lower(), number.lower()])
    if how == "compact":
        return how, number
    if how == "odd":
        return how, f"{number[:2]} {number[2:4]} " + " ".join(
            number[i : i + 3] for i in range(4, len(number), 3)
        )
    if how == "spelled":
        return how, sp.spell(number, rng)
    if how == "nato":
        out = []
        for c in number:
            out.append(f"{c.lower()} as in {NATO[c.lower()]}" if c.isalpha() else spoken(c, rng))
        return how, " ".join(out)
    head = " ".join(c.lower() for c in number[:2])  # letters said, then the digits in groups
    rest = read_groups([number[i : i + 4] for i in range(2, len(number), 4)], rng, "words")
    return how, f"{head} {rest}"


def iban_said(rng: random.Random) -> Row:
    row = Row("h3.iban_said")
    country, number = iban_number(rng)
    how, text = iban_text(number, rng)
    row.tags |= {"iban", f"h3.iban.{country}", f"h3.iban.{how}"}
    row.say(
        "assistant",
        rng.choice(
            [
                "Which account should the refund go to? I'll need the IBAN.",
                "For the direct debit, what's your IBAN?",
                "Please read out the IBAN of the receiving account.",
            ]
        ),
    )
    smart = how in ("spaced", "compact", "odd") or maybe(rng, 0.3)
    row.say(
        "user",
        pick(rng, ["it's", "the iban is", "okay here goes", "yes so"]) + " ",
        Pii("iban", text),
        smart=smart,
    )
    if maybe(rng, 0.5):
        row.say(
            "assistant",
            "Thanks, the account ending ",
            Benign("iban_last4", number[-4:]),
            " is set for refunds.",
        )
    return row


def iban_split(rng: random.Random) -> Row:
    row = Row("h3.iban_split")
    country, number = iban_number(rng)
    row.tags |= {"iban", f"h3.iban.{country}", "h3.split.iban"}
    row.say("assistant", "Go ahead with the IBAN, a few characters at a time is fine.")
    cut = rng.randrange(8, len(number) - 6)
    lower = maybe(rng, 0.4)
    first, second = number[:cut], number[cut:]
    if lower:
        first, second = first.lower(), second.lower()
    row.say("user", Pii("iban", first, True), " " + pick(rng, FILLERS))
    row.say("assistant", pick(rng, NUDGES))
    row.say("user", Pii("iban", second, True))
    return row


ASK_SSN = [
    "For the credit check I need your social security number.",
    "Can you verify the SSN on the account?",
    "What's the social on the application?",
    "And your social, please, for the tax form.",
]


def ssn_text(digits: str, rng: random.Random) -> tuple[str, str]:
    a, b, c = digits[:3], digits[3:5], digits[5:]
    how = rng.choice(["dashed", "spaced", "run", "words", "pairs", "mixed", "dots"])
    if how == "dashed":
        return how, f"{a}-{b}-{c}"
    if how == "spaced":
        return how, f"{a} {b} {c}"
    if how == "run":
        return how, digits
    if how == "dots":
        return how, f"{a}.{b}.{c}"
    if how == "words":
        return how, read_groups([a, b, c], rng, "words", fillers=0.2)
    if how == "pairs":
        return how, f"{sp.pairs(a)}, {sp.two_digits(b)}, {sp.pairs(c)}"
    return how, f"{a}, {spoken(b, rng)}, {c}"


def ssn_said(rng: random.Random) -> Row:
    row = Row("h3.ssn_said")
    digits = sp.ssn(rng)
    how, text = ssn_text(digits, rng)
    row.tags |= {"ssn", f"h3.ssn.{how}"}
    row.say("assistant", pick(rng, ASK_SSN))
    smart = not any(c.isalpha() for c in text) or maybe(rng, 0.4)
    row.say(
        "user",
        pick(rng, ["sure,", "it's", "yeah my social is", "okay,"]) + " ",
        Pii("ssn", text if smart else raw(text)),
        smart=smart,
    )
    if maybe(rng, 0.4):
        row.say(
            "assistant",
            "Thank you, social ending in ",
            Benign("ssn_last4", digits[-4:]),
            " is verified.",
        )
    return row


def ssn_split(rng: random.Random) -> Row:
    row = Row("h3.ssn_split")
    digits = sp.ssn(rng)
    row.tags |= {"ssn", "h3.split.ssn"}
    row.say("assistant", pick(rng, ASK_SSN))
    words = maybe(rng, 0.5)
    first, second = (digits[:5], digits[5:]) if maybe(rng, 0.5) else (digits[:3], digits[3:])
    say = (lambda d: spoken(d, rng)) if words else (lambda d: d)
    row.say("user", "first part ", Pii("ssn", say(first), True), smart=not words)
    row.say("assistant", pick(rng, NUDGES))
    row.say("user", Pii("ssn", say(second), True), smart=not words)
    return row
