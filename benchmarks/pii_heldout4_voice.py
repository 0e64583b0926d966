"""Spoken cards, phone numbers, SSNs and IBANs of the fourth held-out part (pii_heldout4.py).

Families (raw speech-to-text: lower case, unpunctuated; the agent's turns smart-formatted):
- `h4.card.spoken`: a card of any network read in its own grouping or an uneven one, digits
  as digits, words, pairs or mixed, fillers between groups, sometimes a slip corrected inside;
  the agent asks for the expiry or security code afterwards and the caller gives it (those
  are look-alikes, not the card).
- `h4.card.turns`: the same card said over two or three turns with the agent nudging between.
- `h4.card.readback`: the agent reads the whole number back and the caller confirms.
- `h4.phone.spoken`: a number of one of 30 regions, national (trunk prefix) or international
  ("plus", "double oh", "zero zero"), maybe an extension after it (not labelled: the label is
  the number the extension hangs off).
- `h4.phone.turns`: a phone number said over two turns.
- `h4.ssn.spoken` / `h4.ssn.turns`: a US social security number in one turn or two.
- `h4.iban.spoken` / `h4.iban.turns`: an IBAN of one of 16 countries, letters plain, NATO or
  "as in", digits in any reading, in one turn or over two.
"""

from __future__ import annotations

import random

from pii_heldout4_say import (
    IBANS,
    group_text,
    iban_of,
    read_groups,
    say_iban,
    split_as,
    spoken,
)
from pii_rows import Benign, Pii, Row, maybe
from pii_speech import card, luhn_number, phone, phone_groups, ssn

NETWORKS = ["visa", "mastercard", "amex", "discover", "maestro", "jcb", "diners", "unionpay"]
CARD_ASK = [
    "To hold the room I'll need a card. What's the long number?",
    "Which card would you like the copay charged to?",
    "Okay, for the donation, what's the card number?",
    "Let's get the replacement fee paid. Card number when you're ready.",
    "For the excess on the claim, please read me the card number.",
    "Go ahead with the sixteen digits on the front.",
    "I can take the overdue balance now. What card are we using?",
    "To rebook the flight I need the card on file or a new one.",
    "Which card should the return postage go on?",
    "The visa application fee can go on a card. Number please?",
]
CARD_SAY = [
    "yeah its ", "ok it is ", "its the credit card ", "sure ", "right so ", "the number is ",
    "got it here ", "um the card is ", "okay ready ", "its my debit card ",
]  # fmt: skip
AFTER = ["thats the lot", "thats all of it", "", "done", "did you get that", "thats the card"]
NUDGE = ["Mhm.", "Go on.", "Yes, keep going.", "Okay, and the next part?", "Got that.", "Sure."]


def _card(rng: random.Random) -> tuple[str, list[str], str]:
    network = rng.choice(NETWORKS)
    if network == "jcb":
        digits, sizes = luhn_number(rng, rng.choice(["3528", "3589", "3566"]), 16), [4, 4, 4, 4]
    elif network == "diners":
        digits, sizes = luhn_number(rng, rng.choice(["36", "3095", "38"]), 14), [4, 6, 4]
    elif network == "unionpay":
        length = rng.choice([16, 19])
        digits, sizes = luhn_number(rng, "62" + rng.choice("1245"), length), [4, 4, 4, 4, 3]
    else:
        digits, grouping = card(rng, network)
        sizes = list(grouping)
    if maybe(rng, 0.2):  # the caller's own grouping
        sizes = rng.choice([[3, 3, 3, 3, 4], [2, 2, 4, 4, 4], [4, 4, 8], [8, 8], [6, 6, 4]])
    return digits, split_as(digits, sizes), network


def card_spoken(rng: random.Random) -> Row:
    digits, groups, network = _card(rng)
    row = Row("h4.card.spoken", {"card", f"card.network.{network}"})
    row.say("agent", rng.choice(CARD_ASK))
    text = read_groups(groups, rng, slip=0.15)
    row.say("user", rng.choice(CARD_SAY), Pii("card", text), " " + rng.choice(AFTER), smart=False)
    if maybe(rng, 0.6):
        row.say("agent", rng.choice(["And the expiry?", "Expiry date and the code on the back?"]))
        month, year = rng.randint(1, 12), rng.randint(27, 33)
        expiry = rng.choice([f"{month:02d} {year}", f"{spoken(f'{month:02d}', rng)} {year}"])
        cvv = f"{rng.randint(0, 9999):04d}" if network == "amex" else f"{rng.randint(0, 999):03d}"
        row.say(
            "user",
            "expires ",
            Benign("expiry", expiry),
            " and the code is ",
            Benign("cvv", rng.choice([cvv, spoken(cvv, rng)])),
            smart=False,
        )
    return row


def card_turns(rng: random.Random) -> Row:
    digits, groups, network = _card(rng)
    row = Row("h4.card.turns", {"card", f"card.network.{network}"})
    row.say("agent", rng.choice(CARD_ASK))
    if maybe(rng, 0.6):  # two halves, or three pieces of five or six digits
        cut = max(1, len(groups) // 2)
        pieces = [groups[:cut], groups[cut:]]
    else:
        pieces = [split_as(part, [3, 3]) for part in split_as(digits, [6, 5])]
    style = rng.choice(["digits", "words", "pairs", "mixed"])
    for i, piece in enumerate(pieces):
        if i:
            row.say("agent", rng.choice(NUDGE))
        lead = rng.choice(CARD_SAY) if i == 0 else rng.choice(["", "then ", "and ", "uh "])
        row.say("user", lead, Pii("card", read_groups(piece, rng, style=style), True), smart=False)
    return row


def card_readback(rng: random.Random) -> Row:
    digits, groups, network = _card(rng)
    row = Row("h4.card.readback", {"card", "readback", f"card.network.{network}"})
    row.say("agent", rng.choice(CARD_ASK))
    row.say("user", rng.choice(CARD_SAY), Pii("card", read_groups(groups, rng)), smart=False)
    back = rng.choice(
        [" ".join(groups), " ".join(spoken(g, rng, repeat=0, sound=0) for g in groups)]
    )
    row.say("agent", "Let me read that back: ", Pii("card", back), ". Is that right?")
    row.say("user", rng.choice(["yes", "yep thats it", "correct", "thats right yeah"]), smart=False)
    return row


# region -> a line of where the caller is, for the agent's question
REGIONS = {
    "US": "the US", "CY": "Limassol", "BA": "Sarajevo", "MK": "Skopje", "AL": "Tirana",
    "AM": "Yerevan", "AZ": "Baku", "KZ": "Almaty", "UZ": "Tashkent", "MN": "Ulaanbaatar",
    "BD": "Dhaka", "KH": "Phnom Penh", "LB": "Beirut", "OM": "Muscat", "QA": "Doha",
    "BH": "Manama", "DZ": "Algiers", "SN": "Dakar", "CM": "Douala", "ET": "Addis Ababa",
    "ZM": "Lusaka", "ZW": "Harare", "BW": "Gaborone", "NA": "Windhoek", "MU": "Port Louis",
    "TT": "Port of Spain", "BB": "Bridgetown", "BS": "Nassau", "GT": "Guatemala City",
    "HN": "Tegucigalpa", "SV": "San Salvador", "BO": "La Paz", "MD": "Chisinau",
    "HU": "Budapest", "MO": "Macau", "BN": "Bandar Seri Begawan", "MV": "Male",
}  # fmt: skip
PHONE_ASK = [
    "Which number do you pick up on most?",
    "If the line drops, which number do I ring you back on?",
    "Which mobile should the pharmacy text when it's ready?",
    "What number should the driver call on arrival?",
    "And a contact number for the claim?",
    "Which number is the SIM we're porting?",
    "Is there a number the engineer can ring before the visit?",
    "Number for the boarding pass SMS?",
]
PHONE_SAY = [
    "you can call me on ", "its ", "my mobile is ", "try ", "best is ", "ok the number is ",
    "my cell ", "whatsapp me on ", "the office line is ", "its my wifes phone ",
]  # fmt: skip


def _phone(rng: random.Random, region: str) -> tuple[str, list[str], str]:
    """The spoken number (with its prefix) and the groups; how it was said."""
    number = phone(rng, region, mobile=maybe(rng, 0.7))
    national = maybe(rng, 0.45)
    groups = phone_groups(number, national)
    if national:
        return "", groups, "national"
    cc = str(number.country_code)
    how = rng.choice(["plus", "plus", "double_oh", "zero_zero", "digits"])
    prefix = {
        "plus": f"plus {rng.choice([spoken(cc, rng), cc])}",
        "double_oh": f"double oh {spoken(cc, rng)}",
        "zero_zero": f"zero zero {cc}",
        "digits": f"+{cc}",
    }[how]
    return prefix, groups, how


def phone_spoken(rng: random.Random) -> Row:
    region = rng.choice(sorted(REGIONS))
    prefix, groups, how = _phone(rng, region)
    row = Row("h4.phone.spoken", {"phone", f"phone.region.{region}", f"phone.{how}"})
    ask = rng.choice(PHONE_ASK)
    row.say("agent", ask if maybe(rng, 0.6) else f"You're calling from {REGIONS[region]}? {ask}")
    text = read_groups(groups, rng, gaps=0.25, slip=0.1)
    text = f"{prefix} {text}" if prefix else text
    tail = ""
    if maybe(rng, 0.2):
        tail = rng.choice([" extension ", " ext ", " and then extension "])
        tail += group_text(str(rng.randint(10, 9999)), rng, "words")
    row.say("user", rng.choice(PHONE_SAY), Pii("phone", text), tail, smart=False)
    if maybe(rng, 0.3):
        back = " ".join(([prefix] if prefix.startswith("+") else []) + groups)
        row.say("agent", "So that's ", Pii("phone", back), ", got it.")
    return row


def phone_turns(rng: random.Random) -> Row:
    region = rng.choice(sorted(REGIONS))
    prefix, groups, how = _phone(rng, region)
    row = Row("h4.phone.turns", {"phone", f"phone.region.{region}", f"phone.{how}"})
    row.say("agent", rng.choice(PHONE_ASK))
    digits = "".join(groups)  # two halves of at least four digits, each in groups of three
    half = [split_as(part, [3, 3]) for part in split_as(digits, [len(digits) // 2])]
    first = read_groups(half[0], rng, style="words")
    first = f"{prefix} {first}" if prefix else first
    row.say("user", rng.choice(PHONE_SAY), Pii("phone", first, True), smart=False)
    row.say("agent", rng.choice(NUDGE))
    row.say("user", Pii("phone", read_groups(half[1], rng, style="words"), True), smart=False)
    return row


SSN_ASK = [
    "For the benefits form I need your social security number.",
    "To verify, what's your social?",
    "The insurer asks for the member's SSN. Can you read it?",
    "Last thing for the tax document: your social security number.",
    "Can you confirm your full social for the credit check?",
]
SSN_SAY = ["its ", "my social is ", "ok ", "sure its ", "um ", "social security "]


def _ssn_text(digits: str, rng: random.Random) -> str:
    groups = split_as(digits, [3, 2, 4])
    how = rng.choice(["words", "digits", "pairs", "mixed", "flat"])
    if how == "flat":
        return spoken(digits, rng)
    if how == "digits":
        return rng.choice(["-", " ", " dash "]).join(groups)
    return read_groups(groups, rng, style=how, gaps=0.3)


def ssn_spoken(rng: random.Random) -> Row:
    row = Row("h4.ssn.spoken", {"ssn"})
    row.say("agent", rng.choice(SSN_ASK))
    text = _ssn_text(ssn(rng), rng)
    row.say("user", rng.choice(SSN_SAY), Pii("ssn", text), smart=False)
    if maybe(rng, 0.4):
        row.say("agent", "Thanks. Could I also have your date of birth?")
        month = rng.choice(["march", "july", "october"])
        born = f"{month} {rng.randint(1, 28)} {rng.randint(1950, 2004)}"
        row.say("user", Benign("date", born), smart=False)
    return row


def ssn_turns(rng: random.Random) -> Row:
    row = Row("h4.ssn.turns", {"ssn"})
    digits = ssn(rng)
    row.say("agent", rng.choice(SSN_ASK))
    cut = rng.choice([3, 5])
    style = rng.choice(["words", "digits", "pairs"])
    row.say("user", rng.choice(SSN_SAY), Pii("ssn", group_text(digits[:cut], rng, style), True),
            smart=False)  # fmt: skip
    row.say("agent", rng.choice(NUDGE))
    row.say("user", "then ", Pii("ssn", group_text(digits[cut:], rng, style), True), smart=False)
    return row


IBAN_ASK = [
    "For the refund, what IBAN should we pay into?",
    "Please give me the IBAN for the direct debit.",
    "Where should the claim settlement go? I need the IBAN.",
    "The salary account IBAN, please.",
    "Which account for the deposit return? Full IBAN please.",
]
IBAN_SAY = ["its ", "ok so ", "the iban is ", "right ", "ive got it here ", "um "]


def iban_spoken(rng: random.Random) -> Row:
    country = rng.choice(sorted(IBANS))
    row = Row("h4.iban.spoken", {"iban", f"iban.country.{country}"})
    row.say("agent", rng.choice(IBAN_ASK))
    number = iban_of(rng, country)
    text = say_iban(number, rng) if maybe(rng, 0.75) else number.lower()
    row.say("user", rng.choice(IBAN_SAY), Pii("iban", text), smart=False)
    return row


def iban_turns(rng: random.Random) -> Row:
    country = rng.choice(sorted(IBANS))
    row = Row("h4.iban.turns", {"iban", f"iban.country.{country}"})
    row.say("agent", rng.choice(IBAN_ASK))
    number = iban_of(rng, country)
    cut = rng.choice([8, 12])
    said = [say_iban(number[:cut], rng), say_iban(number[cut:], rng, head=False)]
    row.say("user", rng.choice(IBAN_SAY), Pii("iban", said[0], True), smart=False)
    row.say("agent", rng.choice(NUDGE))
    row.say("user", Pii("iban", said[1], True), smart=False)
    return row
