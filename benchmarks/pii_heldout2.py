"""SECOND HELD-OUT part of benchmarks/pii_corpus.py (`heldout2`): PII families.

Whoever writes or tunes the redaction rules does not read this file, pii_heldout2_neg.py,
tests/data/pii/heldout2.jsonl or hand_heldout2.jsonl (docs/redaction.md, "Evaluation"). It was
written by someone who had not read the rules (only docs/redaction.md), apart from dev, dev2
and the first held-out part: its own carrier sentences, fillers, restarts, phone regions,
email providers, IBAN countries and ways of reading numbers, so the next rule round can be
measured on speech it was not written alongside. Numbers are valid the way real ones are
(pii_speech.py: Luhn, libphonenumber, IBAN check digits).
"""

from __future__ import annotations

import random
from collections.abc import Callable

import phonenumbers
import pii_speech as sp
from phonenumbers import PhoneNumberFormat, PhoneNumberType
from pii_rows import Benign, Pii, Row, maybe

Family = Callable[[random.Random], Row]
W = sp.WORDS

# region -> (country, city, adjective): none of them is a region dev, dev2 or heldout use
PLACES = {
    "DK": ("Denmark", "Aarhus", "Danish"),
    "FI": ("Finland", "Helsinki", "Finnish"),
    "CZ": ("the Czech Republic", "Prague", "Czech"),
    "HU": ("Hungary", "Budapest", "Hungarian"),
    "RO": ("Romania", "Bucharest", "Romanian"),
    "GR": ("Greece", "Athens", "Greek"),
    "TR": ("Turkey", "Istanbul", "Turkish"),
    "IL": ("Israel", "Tel Aviv", "Israeli"),
    "CO": ("Colombia", "Medellin", "Colombian"),
    "CL": ("Chile", "Santiago", "Chilean"),
    "PE": ("Peru", "Lima", "Peruvian"),
    "TH": ("Thailand", "Bangkok", "Thai"),
    "MY": ("Malaysia", "Kuala Lumpur", "Malaysian"),
    "VN": ("Vietnam", "Hanoi", "Vietnamese"),
    "HK": ("Hong Kong", "Kowloon", "Hong Kong"),
    "TW": ("Taiwan", "Taipei", "Taiwanese"),
    "SA": ("Saudi Arabia", "Riyadh", "Saudi"),
    "GH": ("Ghana", "Accra", "Ghanaian"),
    "EG": ("Egypt", "Cairo", "Egyptian"),
    "UA": ("Ukraine", "Kyiv", "Ukrainian"),
    "PK": ("Pakistan", "Lahore", "Pakistani"),
    "ID": ("Indonesia", "Jakarta", "Indonesian"),
}
REGIONS = ["US"] * 14 + sorted(PLACES)

PAUSES = [
    "er",
    "ah",
    "umm",
    "and",
    "then",
    "and then",
    "right",
    "yeah",
    "ok",
    "one sec",
    "bear with me",
    "hang on",
    "so",
]
RESTARTS = [
    "no wait",
    "scratch that",
    "hang on, I said that wrong",
    "let me start again",
    "oops, again",
]
# ASR writing a digit said alone as a word that sounds like it
SOUNDS = {
    "4": ["for", "fore"],
    "2": ["to", "too"],
    "8": ["ate"],
    "1": ["won"],
    "0": ["o"],
    "9": ["niner"],
}
NUDGE = [
    "Uh huh, I'm listening.",
    "Yes, go on.",
    "Right, and after that?",
    "Okay, I'm with you.",
    "Still here.",
]
NETWORKS = {  # prefixes, (length, grouping)
    "visa": (["4"], [(16, (4, 4, 4, 4)), (16, (4, 4, 4, 4)), (19, (4, 4, 4, 4, 3))]),
    "mastercard": (["51", "53", "55", "2223", "2501", "2710"], [(16, (4, 4, 4, 4))]),
    "amex": (["34", "37"], [(15, (4, 6, 5))]),
    "discover": (["6011", "646", "65"], [(16, (4, 4, 4, 4))]),
    "jcb": (["3528", "3566", "3589"], [(16, (4, 4, 4, 4))]),
    "diners": (["36", "3056"], [(14, (4, 6, 4))]),
    "unionpay": (["62"], [(16, (4, 4, 4, 4)), (19, (6, 13))]),
    "maestro": (["6759", "5020"], [(18, (4, 4, 4, 4, 2))]),
}


def card_number(rng: random.Random, net: str) -> tuple[str, tuple[int, ...]]:
    prefixes, forms = NETWORKS[net]
    length, groups = rng.choice(forms)
    return sp.luhn_number(rng, rng.choice(prefixes), length), groups


def say(
    digits: str, rng: random.Random, *, zero: str = "", twice: float = 0.25, sound: float = 0.0
) -> str:
    """Digit by digit as words: "zero"/"oh", "double"/"triple", sound-alike mishearings."""
    zero = zero or rng.choice(["oh", "zero", "oh"])
    out, i = [], 0
    while i < len(digits):
        d = digits[i]
        name = zero if d == "0" else W[int(d)]
        run = len(digits[i:]) - len(digits[i:].lstrip(d))
        if run >= 3 and maybe(rng, twice):
            out.append(f"triple {name}")
            i += 3
        elif run >= 2 and maybe(rng, twice):
            out.append(f"double {name}")
            i += 2
        else:
            out.append(rng.choice(SOUNDS[d]) if d in SOUNDS and maybe(rng, sound) else name)
            i += 1
    return " ".join(out)


def read(rng: random.Random, row: Row, groups: list[str], style: str, pause: float = 0.0) -> str:
    """Groups as STT writes them: digits, words, pairs ("thirty two twelve"), or mixed (ASR
    writing some groups as digits, some as words), with pauses and mishearings."""
    sound = 0.15 if style in ("words", "mixed") and maybe(rng, 0.35) else 0.0
    if sound:
        row.tags.add("h2.soundalike")
    zero = rng.choice(["oh", "zero"])
    out = []
    for i, g in enumerate(groups):
        if style == "digits" or (style == "mixed" and maybe(rng, 0.5)):
            text = g
        elif style == "pairs" and len(g) >= 2 and g[0] != "0":
            text = sp.pairs(g)
        else:
            text = say(g, rng, zero=zero, sound=sound)
        if i and maybe(rng, pause):
            row.tags.add("h2.pause")
            text = f"{rng.choice(PAUSES)} {text}"
        out.append(text)
    if style == "digits":
        return rng.choice([" ", " ", "-", " - ", "  "]).join(out)
    return rng.choice([" ", ", ", " ... ", "; "]).join(out)


def card_voice(rng: random.Random) -> Row:
    net = rng.choice(list(NETWORKS) + ["visa", "mastercard", "visa"])
    digits, sizes = card_number(rng, net)
    style = rng.choice(["digits", "words", "words", "pairs", "mixed", "run"])
    row = Row("h2.card_voice", {"card", f"h2.card.{net}", f"h2.card.{style}"})
    if maybe(rng, 0.75):
        row.say(
            "assistant",
            rng.choice(
                [
                    "Okay, I'll take the payment now. What's the card number?",
                    "Go ahead with the number across the front of the card.",
                    "Which card are we putting this on? I'll need the full number.",
                    "Ready when you are for the card details.",
                ]
            ),
        )
    text = digits if style == "run" else read(rng, row, sp.group(digits, sizes), style, 0.35)
    head: list[str | Pii] = []
    if style != "run" and maybe(rng, 0.18):
        row.tags.add("h2.restart")
        start = read(rng, row, sp.group(digits[:6], (4, 2)), style)
        head = [Pii("card", start), f", {rng.choice(RESTARTS)}, "]
    lines = [
        "ok it's {n}",
        "{n}",
        "yep the {net}, {n}",
        "alright here we go {n}",
        "it is {n} and it expires in twenty seven",
        "{n}. do you need the expiry too",
        "the card reads {n}",
        "so {n}, that's my {net}",
    ]
    before, after = rng.choice(lines).replace("{net}", net).split("{n}")
    smart = style == "digits" or maybe(rng, 0.4)
    row.say("user", before, *head, Pii("card", text), after, smart=smart)
    if maybe(rng, 0.3):
        last4 = digits[-4:]
        row.say(
            "assistant", "Thanks, the card ending in ", Benign("card_last4", last4), " is saved."
        )
    return row


def card_turns(rng: random.Random) -> Row:
    """A card read over two or three turns of the caller, the agent nudging in between."""
    net = rng.choice(["visa", "mastercard", "amex", "discover", "jcb", "visa"])
    digits, sizes = card_number(rng, net)
    groups = sp.group(digits, sizes)
    style = rng.choice(["digits", "words", "mixed"])
    row = Row("h2.card_turns", {"card", f"h2.card.{net}", f"h2.split.{style}"})
    row.say("assistant", "Can you read me the card number, a few digits at a time is fine.")
    cuts = sorted(rng.sample(range(1, len(groups)), min(len(groups) - 1, rng.choice([1, 2]))))
    pieces = [groups[a:b] for a, b in zip([0, *cuts], [*cuts, len(groups)], strict=True)]
    row.tags.add(f"h2.split.{len(pieces)}")
    for i, piece in enumerate(pieces):
        text = read(rng, row, piece, style)
        lead = (
            rng.choice(["", "", "then ", "and ", "next is "])
            if i
            else rng.choice(["the first four are ", "it starts ", "", "okay "])
        )
        row.say("user", lead, Pii("card", text, split=True), smart=style == "digits")
        if i < len(pieces) - 1 and maybe(rng, 0.6):
            row.say("assistant", rng.choice(NUDGE))
    return row


def card_postcode(rng: random.Random) -> Row:
    digits, sizes = card_number(rng, rng.choice(["visa", "mastercard", "amex"]))
    style = rng.choice(["digits", "words"])
    row = Row("h2.card_postcode", {"card", "h2.zip_after"})
    row.say("assistant", "I'll need the card number and the billing zip or postcode.")
    card = read(rng, row, sp.group(digits, sizes), style)
    zip_code = f"{rng.randint(1001, 99950):05d}"
    if maybe(rng, 0.3):
        zip_code += f"-{rng.randint(1, 9999):04d}"
    zip_text = say(zip_code.replace("-", ""), rng) if style == "words" else zip_code
    joiner = rng.choice([" and my zip's ", ", postal code ", " ", ". billing zip ", ", "])
    row.say("user", Pii("card", card), joiner, Benign("zip", zip_text), smart=style == "digits")
    return row


def phone_number(rng: random.Random, region: str, mobile: bool) -> phonenumbers.PhoneNumber:
    """A valid number of `region` (of the type asked for), most of its digits drawn at random;
    a US one with any valid area code."""
    if region == "US":
        return phonenumbers.parse(sp.us_ten_digits(rng), "US")
    kind = PhoneNumberType.MOBILE if mobile else PhoneNumberType.FIXED_LINE
    example = phonenumbers.example_number_for_type(region, kind)
    national = str(example.national_number)
    for _ in range(400):
        keep = rng.choice([1, 2, 2, 3])
        digits = national[:keep] + "".join(rng.choice("0123456789") for _ in national[keep:])
        number = phonenumbers.parse(f"+{example.country_code}{digits}")
        if phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) in (
            kind,
            PhoneNumberType.FIXED_LINE_OR_MOBILE,
        ):
            return number
    return sp.phone(rng, region, mobile)


def phone_text(rng: random.Random, row: Row, region: str, cut: bool = False) -> list[str]:
    number = phone_number(rng, region, maybe(rng, 0.65))
    cc = str(number.country_code)
    national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    groups = [g for g in "".join(c if c.isdigit() else " " for c in national).split()]
    if region == "US":
        form = rng.choice(["written", "written", "run", "one", "words", "pairs", "area", "dots"])
    else:
        form = rng.choice(
            [
                "written",
                "words",
                "pairs",
                "plus",
                "plus_cc",
                "zero_zero",
                "oh_oh",
                "plus_words",
                "us_011",
            ]
        )
    row.tags |= {f"h2.phone.{form}", f"phone.region.{region}"}
    intl = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    igroups = [g for g in "".join(c if c.isdigit() else " " for c in intl).split()][1:]
    body_groups = (
        groups if form in ("written", "words", "pairs", "run", "dots", "area") else igroups
    )
    if form in ("written", "plus", "us_011", "zero_zero", "dots", "area", "one"):
        parts = list(body_groups)
    elif form == "run":
        parts = ["".join(body_groups)]
    else:
        style = "pairs" if form in ("pairs", "plus_cc") else rng.choice(["words", "words", "mixed"])
        parts = [read(rng, row, [g], style) for g in body_groups]
    sep = {"dots": ".", "one": "-", "written": rng.choice([" ", "-", " "])}.get(form, " ")
    if form not in ("written", "dots", "plus", "us_011", "zero_zero", "one", "area"):
        sep = rng.choice([" ", ", ", " "])
    prefix = {
        "plus": f"+{cc} ",
        "plus_cc": f"plus {sp.pairs(cc) if len(cc) == 2 else say(cc, rng)}, ",
        "zero_zero": f"00{cc} ",
        "oh_oh": f"{rng.choice(['oh oh', 'zero zero'])} {say(cc, rng)} ",
        "plus_words": f"plus {say(cc, rng)} ",
        "us_011": f"011 {cc} ",
        "one": "1-",
    }.get(form, "")
    if form == "written" and region == "US" and maybe(rng, 0.5):
        prefix, parts = f"({parts[0]}) ", [parts[1], parts[2]]
    if form == "area":
        head = rng.choice([f"{parts[0]}, then ", f"{parts[0]} and then "])
        prefix, parts = head, parts[1:]
    if not cut:
        return [prefix + sep.join(parts)]
    k = max(1, len(parts) // 2 if len(parts) > 2 else 1)
    if len(parts) == 1:  # a run: cut its digits
        k = len(parts[0]) // 2
        return [prefix + parts[0][:k], parts[0][k:]]
    return [prefix + sep.join(parts[:k]), sep.join(parts[k:])]


PHONE_ASK = [
    "If we get cut off, what number should I call you back on?",
    "What's a good contact number for the driver?",
    "And a mobile number for the text confirmation?",
    "Could I get a daytime phone number?",
    "Which phone number would you like on the booking?",
]
PHONE_LINES = [
    "{n}",
    "yeah so it'd be {n}",
    "you can ring me on {n}",
    "text me at {n}",
    "whatsapp is best, {n}",
    "the landline at home is {n}",
    "put down {n}",
    "my wife's number is {n}, she'll pick up",
    "{n}, that's my cell",
    "mobile's {n}",
]


def _hint(rng: random.Random, region: str) -> str:
    if region == "US" or maybe(rng, 0.4):
        return ""
    country, city, adj = PLACES[region]
    return rng.choice(
        [
            f"I'm calling from {country}. ",
            f"I'm in {city} this month, ",
            f"it's {'an' if adj[0] in 'AEIOU' else 'a'} {adj} number, ",
            f"this is my {adj} phone, ",
            f"I'm back home in {country} so ",
        ]
    )


def phone_voice(rng: random.Random) -> Row:
    region = rng.choice(REGIONS)
    row = Row("h2.phone_voice", {"phone"})
    (text,) = phone_text(rng, row, region)
    if maybe(rng, 0.7):
        row.say("assistant", rng.choice(PHONE_ASK))
    hint = _hint(rng, region)
    if hint:
        row.tags.add("h2.place_said")
    before, after = rng.choice(PHONE_LINES).split("{n}")
    if "h2.phone.area" in row.tags and maybe(rng, 0.6):
        before += "area code "
    row.say("user", hint, before, Pii("phone", text), after, smart=maybe(rng, 0.5))
    return row


def phone_turns(rng: random.Random) -> Row:
    region = rng.choice(REGIONS)
    row = Row("h2.phone_turns", {"phone"})
    first, second = phone_text(rng, row, region, cut=True)
    row.say("assistant", rng.choice(PHONE_ASK))
    hint = _hint(rng, region)
    row.say(
        "user",
        hint,
        rng.choice(["sure, ", "okay um ", "", "it's "]),
        Pii("phone", first, split=True),
        smart=maybe(rng, 0.5),
    )
    if maybe(rng, 0.6):
        row.say("assistant", rng.choice(NUDGE))
    row.say("user", rng.choice(["", "", "then ", "and "]), Pii("phone", second, split=True))
    return row
