"""The second development part of benchmarks/pii_corpus.py (`dev2`): families and phrasings
written apart from benchmarks/pii_families.py, to measure how redaction rules tuned on `dev`
carry over to speech they were not written alongside.

Its own carrier sentences, fillers ("like", "hmm", "you know", "let me see", "okay so"),
restart phrasings, id words (policy, ticket, case, booking, serial, tracking, customer number,
and nouns no rule lists), phone regions (JP, KR, BR, AR, PL, SE, NO, CH, AT, BE, PT, NZ, SG,
AE, NG, KE), email providers and company domains, IBAN countries, digits said with "double" /
"triple", "zero" or "oh", numbers read in pairs and hundreds, confirmations ("that's it",
"got it"), agents reading numbers back, and tool outputs with other key names. Numbers are
valid the way real ones are (pii_speech.py). Rules are tuned on it like on `dev`; the
held-out part stays unseen.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pii_speech as sp
from pii_rows import Benign, Pii, Row, maybe
from stdnum import iban as _iban

Family = Callable[[random.Random], Row]

FILLERS = ["like", "hmm", "you know", "let me see", "okay so", "hold on", "uh", "erm"]
RESTARTS = [
    "no hang on, I read that wrong,",
    "oops, let me try that again,",
    "scratch that, it's",
    "hmm no, from the top,",
]
CONFIRM = [", that's it", ", got it?", ". That's the whole thing.", ", is that right?", ""]
BACKCHANNEL = ["Yep.", "Uh-huh, keep going.", "Okay, ready for the rest.", "Mm, go on."]
READBACK = ["Let me read that back: {n}.", "So that's {n}, correct?", "I've got {n}."]
CARD_ASK = [
    "Whenever you're ready, go ahead with the digits on the front of the card.",
    "Could you read me the sixteen digits, please?",
    "Which card would you like to use today?",
]
CARD_LINES = [
    "okay so the number on it is {n}{c}",
    "yeah it's my {net} {n}{c}",
    "let me grab it... {n}{c}",
    "ready? {n}{c}",
    "so that would be {n}{c}",
]
PHONE_ASK = [
    "What's a good number in case we get cut off?",
    "And the mobile we should text the code to?",
    "Which number do you want on the account?",
]
PHONE_LINES = [
    "sure, {h}it's {n}{c}",
    "{h}you can text me on {n}{c}",
    "{h}best to use my mobile, {n}{c}",
    "{h}the number is {n}{c}",
    "{h}{n}{c}",
]
HINTS = {
    "JP": ["I'm calling from Tokyo, ", "my Japanese number, "],
    "KR": ["I'm in Seoul right now, ", "it's a Korean number, "],
    "BR": ["I'm back in Sao Paulo, ", "my Brazilian mobile, "],
    "AR": ["I live in Buenos Aires, "],
    "PL": ["I'm based in Warsaw, ", "it's a Polish number, "],
    "SE": ["we're in Stockholm, ", "my Swedish phone, "],
    "NO": ["back home in Norway, ", "I'm in Oslo, "],
    "CH": ["I'm in Geneva, "],
    "AT": ["it's an Austrian number, ", "I'm in Vienna, "],
    "BE": ["I'm in Brussels, "],
    "PT": ["I'm calling from Lisbon, "],
    "NZ": ["I'm over in Auckland, "],
    "SG": ["I'm in Singapore, "],
    "AE": ["we're in Dubai, "],
    "NG": ["I'm in Lagos, ", "it's a Nigerian line, "],
    "KE": ["I'm in Nairobi, "],
    "US": ["my US cell, "],
}
REGIONS = list(HINTS)
EMAIL_ASK = ["And an email for the receipt?", "Where should I send the confirmation?"]
EMAIL_LINES = [
    "okay so it's {e}{c}",
    "you can use {e}{c}",
    "it's my work one, {e}{c}",
    "hmm, use {e}{c}",
    "{e}{c}",
]
FIRST = ["tomas", "yuki", "ana", "olu", "ingrid", "wei", "noor", "marek", "chloe", "diego"]
LAST = ["berg", "tanaka", "silva", "adeyemi", "larsen", "wong", "haddad", "nowak", "dubois"]
PROVIDERS = [
    ("proton mail", "protonmail.com"),
    ("icloud", "icloud.com"),
    ("aol", "aol.com"),
    ("gmx", "gmx.de"),
    ("fastmail", "fastmail.com"),
    ("live", "live.com"),
    ("me", "me.com"),
    ("web", "web.de"),
    ("orange", "orange.fr"),
    ("naver", "naver.com"),
]
COMPANIES = [
    ("riverbend logistics", "riverbend-logistics.com"),
    ("north star", "northstar.co.nz"),
    ("uni melb", "unimelb.edu.au"),
    ("brightside", "brightside.io"),
    ("helix health", "helixhealth.org"),
    ("kestrel", "kestrel.ch"),
]
IBAN_LAYOUTS = {
    "NO": "NO9386011117947",
    "SE": "SE4550000000058398257466",
    "DK": "DK5000400440116243",
    "FI": "FI2112345600000785",
    "LU": "LU280019400644750000",
    "CZ": "CZ6508000000192000145399",
    "RO": "RO49AAAA1B31007593840000",
    "SA": "SA0380000000608010167519",
    "GR": "GR1601101250000000012300695",
    "HR": "HR1210010051863000160",
}
ID_WORDS = [
    "policy number",
    "ticket number",
    "case number",
    "booking reference",
    "confirmation number",
    "serial number",
    "tracking number",
    "customer number",
    "work order",
    "warranty number",
    "locker number",
    "permit number",
    "tenant ID",
    "patron number",
]
ID_ASK = ["And do you have the {w} handy?", "What's the {w} on that?", "Can you read me the {w}?"]
ID_LINES = ["yeah the {w} is {n}{c}", "{w}, hmm, {n}{c}", "okay so it's {n}{c}", "{n}{c}"]
JSON_ID_KEYS = ["booking_ref", "ticket_no", "policy_number", "case_number", "serial_no",
                "customer_number", "tracking"]  # fmt: skip
WORDS = "zero one two three four five six seven eight nine".split()


def said(digits: str, rng: random.Random, *, zero: str = "", repeat: float = 0.3) -> str:
    """Digit by digit, with "double" / "triple" for repeats and "zero" or "oh"."""
    zero = zero or rng.choice(["oh", "zero"])
    out, i = [], 0
    while i < len(digits):
        d = digits[i]
        run = 1
        while i + run < len(digits) and digits[i + run] == d and run < 3:
            run += 1
        word = zero if d == "0" else WORDS[int(d)]
        if run >= 2 and maybe(rng, repeat):
            out.append(f"{'triple' if run == 3 else 'double'} {word}")
            i += run
            continue
        out.append(word)
        i += 1
    return " ".join(out)


def hundreds(group: str) -> str:
    """'412' -> 'four twelve', '700' -> 'seven hundred', others as pairs."""
    if len(group) == 3 and group[0] != "0" and group[1:] == "00":
        return f"{WORDS[int(group[0])]} hundred"
    return sp.pairs(group)


def read(rng: random.Random, groups: list[str], style: str, row: Row, fillers: float) -> str:
    out = []
    for i, g in enumerate(groups):
        if style == "digits":
            text = g
        elif style == "pairs" and len(g) >= 2 and g[0] != "0":
            text = hundreds(g)
        else:
            text = said(g, rng)
        if i and maybe(rng, fillers):
            row.tags.add("filler")
            text = f"{rng.choice(FILLERS)}, {text}"
        out.append(text)
    if style == "digits":
        return (" " if "filler" in row.tags else rng.choice([" ", "-", " "])).join(out)
    return rng.choice([" ", ", ", " ... "]).join(out)


def card_said(rng: random.Random) -> Row:
    net = rng.choice(["visa", "mastercard", "amex", "discover", "maestro"])
    digits, sizes = sp.card(rng, net)
    style = rng.choice(["digits", "words", "words", "pairs"])
    row = Row(f"d2.card.{style}", {"card", f"card.{net}"})
    if maybe(rng, 0.7):
        row.say("assistant", rng.choice(CARD_ASK))
    text = read(rng, sp.group(digits, sizes), style, row, 0.35)
    head: list[str | Pii] = []
    if maybe(rng, 0.2):
        row.tags.add("restart")
        first = digits[:4] if style == "digits" else said(digits[:4], rng)
        head = [Pii("card", first), f" {rng.choice(RESTARTS)} "]
    before, after = rng.choice(CARD_LINES).replace("{net}", net).split("{n}")
    after = after.replace("{c}", rng.choice(CONFIRM))
    row.say("user", before, *head, Pii("card", text), after, smart=style == "digits")
    if maybe(rng, 0.3):
        row.tags.add("readback")
        shown = " ".join(sp.group(digits, sizes))
        b, a = rng.choice(READBACK).split("{n}")
        row.say("assistant", b, Pii("card", shown), a)
    return row


def card_split(rng: random.Random) -> Row:
    digits, sizes = sp.card(rng, rng.choice(["visa", "mastercard", "discover"]))
    style = rng.choice(["digits", "words", "pairs"])
    row = Row(f"d2.card.split_{style}", {"card"})
    groups = sp.group(digits, sizes)
    cut = rng.choice([1, 2, 2, 3])
    row.say("assistant", rng.choice(CARD_ASK))
    first = read(rng, groups[:cut], style, row, 0.2)
    second = read(rng, groups[cut:], style, row, 0.2)
    row.say("user", rng.choice(["okay so ", "the first bit is ", "", "um "]),
            Pii("card", first, split=True), smart=style == "digits")  # fmt: skip
    if maybe(rng, 0.6):
        row.say("assistant", rng.choice(BACKCHANNEL))
    row.say("user", Pii("card", second, split=True), rng.choice(CONFIRM), smart=style == "digits")
    return row


def card_extras(rng: random.Random) -> Row:
    """A card with its expiry, security code or the last four said after it."""
    digits, sizes = sp.card(rng, rng.choice(["visa", "mastercard"]))
    row = Row("d2.card.extras", {"card"})
    spoken = maybe(rng, 0.5)
    card = read(rng, sp.group(digits, sizes), "words" if spoken else "digits", row, 0.0)
    month, year = rng.randint(1, 12), rng.randint(26, 31)
    expiry = (
        f"{said(f'{month:02d}', rng)} {sp.pairs(str(year))}" if spoken else f"{month:02d}/{year}"
    )
    row.say("assistant", "Card number and expiry, please.")
    row.say("user", Pii("card", card), rng.choice([", expires ", " and it runs out "]),
            Benign("expiry", expiry), smart=not spoken)  # fmt: skip
    if maybe(rng, 0.5):
        row.say("assistant", "Thanks, the card ending in ", Benign("last_four", digits[-4:]),
                " is on file.")  # fmt: skip
    return row


def _phone(rng: random.Random, row: Row, region: str, split: bool = False) -> list[str]:
    number = sp.phone(rng, region, maybe(rng, 0.7))
    cc = str(number.country_code)
    form = rng.choice(["plus", "plus_words", "zero_zero", "national", "national", "national"])
    national = form == "national"
    groups = sp.phone_groups(number, national)
    spoken = form in ("plus_words", "zero_zero") or (national and maybe(rng, 0.6))
    row.tags |= {f"phone.{form}", f"phone.region.{region}", "spoken" if spoken else "written"}
    if spoken:
        style = rng.choice(["words", "words", "pairs"])
        parts = [hundreds(g) if style == "pairs" and g[0] != "0" else said(g, rng) for g in groups]
        sep = rng.choice([" ", ", ", " ... "])
    else:
        parts, sep = list(groups), rng.choice([" ", "-", " "])
    prefix = {
        "plus": f"+{cc} ",
        "plus_words": f"plus {said(cc, rng)} ",
        "zero_zero": f"{rng.choice(['oh oh', 'zero zero', 'double zero'])} {said(cc, rng)} ",
        "national": "",
    }[form]
    if not split:
        return [prefix + sep.join(parts)]
    k = max(1, len(parts) // 2)
    return [prefix + sep.join(parts[:k]), sep.join(parts[k:])]


def phone_said(rng: random.Random) -> Row:
    region = rng.choice(REGIONS)
    row = Row("d2.phone.read", {"phone"})
    (text,) = _phone(rng, row, region)
    if maybe(rng, 0.7):
        row.say("assistant", rng.choice(PHONE_ASK))
    hint = rng.choice(HINTS[region]) if maybe(rng, 0.5) else ""
    if not hint and region != "US" and "phone.national" in row.tags:
        row.tags.add("phone.no_hint")
    line = rng.choice(PHONE_LINES).replace("{h}", hint).replace("{c}", rng.choice(CONFIRM))
    before, after = line.split("{n}")
    row.say("user", before, Pii("phone", text), after, smart="written" in row.tags)
    if maybe(rng, 0.25):
        row.tags.add("readback")
        b, a = rng.choice(READBACK).split("{n}")
        row.say("assistant", b, Pii("phone", text), a)
    return row


def phone_split(rng: random.Random) -> Row:
    region = rng.choice(REGIONS)
    row = Row("d2.phone.split", {"phone"})
    first, second = _phone(rng, row, region, split=True)
    row.say("assistant", rng.choice(PHONE_ASK))
    hint = rng.choice(HINTS[region]) if maybe(rng, 0.5) else ""
    row.say("user", hint, Pii("phone", first, split=True), smart="written" in row.tags)
    if maybe(rng, 0.5):
        row.say("assistant", rng.choice(BACKCHANNEL))
    row.say("user", Pii("phone", second, split=True), rng.choice(CONFIRM))
    return row


def _email(rng: random.Random, row: Row) -> str:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    spoken_domain, domain = rng.choice(PROVIDERS + COMPANIES)
    style = rng.choice(["written", "spoken", "spoken", "initial", "digits", "period"])
    row.tags |= {f"email.{style}", "written" if style == "written" else "spoken"}
    if style == "written":
        return f"{first[0]}{last}@{domain}" if maybe(rng, 0.5) else f"{first}-{last}@{domain}"
    local = rng.choice([f"{first} dot {last}", f"{first} {last}", f"{first} dash {last}"])
    if style == "initial":
        local = f"{first[0]} {last}"
    elif style == "digits":
        local = f"{first}{last} {said(str(rng.randint(10, 99)), rng)}"
    joiner = "period" if style == "period" else "dot"
    name, _, tld = domain.partition(".")
    ending = f" {joiner} " + f" {joiner} ".join(tld.split("."))
    said_domain = spoken_domain if spoken_domain.replace(" ", "") != name else name
    if "-" in name:
        said_domain = name.replace("-", " dash ")
    return f"{local} at {said_domain}{ending}"


def email_said(rng: random.Random) -> Row:
    row = Row("d2.email.read", {"email"})
    if maybe(rng, 0.7):
        row.say("assistant", rng.choice(EMAIL_ASK))
    line = rng.choice(EMAIL_LINES).replace("{c}", rng.choice(CONFIRM))
    before, after = line.split("{e}")
    text = _email(rng, row)
    row.say("user", before, Pii("email", text), after, smart="written" in row.tags)
    return row


def iban_of(rng: random.Random, country: str) -> str:
    layout = IBAN_LAYOUTS[country]
    for _ in range(500):
        bban = "".join(rng.choice("0123456789") if c.isdigit() and i > 7 else c
                       for i, c in enumerate(layout[4:], start=4))  # fmt: skip
        number = country + _iban.calc_check_digits(country + "00" + bban) + bban
        if _iban.is_valid(number):
            return number
    return layout


def iban_said(rng: random.Random) -> Row:
    country = rng.choice(list(IBAN_LAYOUTS))
    number = iban_of(rng, country)
    style = rng.choice(["spaced", "compact", "lower", "spelled"])
    spaced = " ".join(number[i : i + 4] for i in range(0, len(number), 4))
    text = {
        "spaced": spaced,
        "compact": number,
        "lower": spaced.lower(),
        "spelled": " ".join(c.lower() if c.isalpha() else said(c, rng, repeat=0) for c in number),
    }[style]
    row = Row(f"d2.iban.{style}", {"iban", f"iban.{country}"})
    row.say("assistant", rng.choice(["Where should we pay the refund?", "Your bank details?"]))
    line = rng.choice(["okay so the IBAN is {i}", "the account is {i}{c}", "{i}{c}"])
    before, after = line.replace("{c}", rng.choice(CONFIRM)).split("{i}")
    row.say("user", before, Pii("iban", text), after, smart=style in ("spaced", "compact"))
    return row


def ssn_said(rng: random.Random) -> Row:
    digits = sp.ssn(rng)
    style = rng.choice(["dashed", "words", "pairs"])
    groups = [digits[:3], digits[3:5], digits[5:]]
    text = {
        "dashed": "-".join(groups),
        "words": " ... ".join(said(g, rng) for g in groups),
        "pairs": ", ".join(hundreds(g) if g[0] != "0" else said(g, rng) for g in groups),
    }[style]
    row = Row(f"d2.ssn.{style}", {"ssn"})
    row.say("assistant", rng.choice(["I'll need your social to verify.", "And your SSN?"]))
    line = rng.choice(["my social's {s}{c}", "okay so it's {s}{c}", "social security, {s}"])
    before, after = line.replace("{c}", rng.choice(CONFIRM)).split("{s}")
    row.say("user", before, Pii("ssn", text), after, smart=style == "dashed")
    return row


def tool_io(rng: random.Random) -> Row:
    row = Row("d2.tool", {"tool"})
    which = rng.choice(["card", "phone", "email", "iban"])
    if which == "card":
        digits, _ = sp.card(rng, rng.choice(["visa", "amex", "mastercard"]))
        row.say("tool", 'tokenize_payment({"pan": "', Pii("card", digits), '", "exp": "08/29"})')
    elif which == "phone":
        n = sp.phone(rng, rng.choice(REGIONS), True)
        key = rng.choice(["msisdn", "contact_number", "mobile", "callback"])
        ref = sp.us_ten_digits(rng)
        row.say("tool", '{"', key, '": "', Pii("phone", f"+{n.country_code}{n.national_number}"),
                '", "booking_ref": "', Benign("json_id", ref), '"}')  # fmt: skip
    elif which == "email":
        email = f"{rng.choice(FIRST)}.{rng.choice(LAST)}@{rng.choice(PROVIDERS + COMPANIES)[1]}"
        row.say("tool", 'send_receipt(to="', Pii("email", email), '", template="refund")')
    else:
        number = iban_of(rng, rng.choice(list(IBAN_LAYOUTS)))
        row.say("tool", 'payout -> {"iban": "', Pii("iban", number), '", "status": "queued"}')
    return row
