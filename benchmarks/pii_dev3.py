"""The third development part of benchmarks/pii_corpus.py (`dev3`): families written after the
rules were tuned on `dev` and `dev2`, aimed at the classes those rounds left weak, with
phrasings of its own (neither pii_families.py nor pii_dev2.py was copied from).

Spoken emails in many styles (local parts of several words, spelled letter by letter with
spaces, commas or dashes, "underscore" / "hyphen" / "period" / "dot", "g mail" and other
providers split in two, no ending, domains of several words, "at sign", smart-formatted
domains after a spoken "at"); national phone numbers of 16 regions (AR, AU, ZA, CO, PH, TR,
IL, IE, NL, FI, CZ, DK, GB, FR, IT, MX) mostly with no country, city or phone word said;
Argentina's `011 15` mobiles; numbers split across turns, also across a short aside. Its
look-alikes (pii_dev3_neg.py) are role addresses of businesses, websites and places said with
"at", Luhn-valid serials and IMEIs named several words before the number, ids in a country's
phone shape, and numbers near talk of phones that are not phones.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pii_dev2 as d2
import pii_speech as sp
from pii_rows import Pii, Row, maybe

Family = Callable[[random.Random], Row]

PAUSES = ["erm", "right", "mm", "ok", "yeah"]
ASIDES = ["one moment.", "sorry, the dog.", "wait.", "bear with me.", "hang on a sec."]
ENDS = [".", ", did you get that?", " if that helps.", ". Yep.", ""]
HINTS = {
    "AR": ["I'm in Rosario, ", "it's an Argentine line, "],
    "AU": ["I'm Australian, ", "I'm down in Perth, "],
    "ZA": ["I'm calling from Joburg, ", "it's a South African number, "],
    "CO": ["I'm in Bogota, "],
    "PH": ["I'm in Manila, ", "my Philippine number, "],
    "TR": ["I'm in Istanbul, "],
    "IL": ["I'm in Tel Aviv, ", "my Israeli number, "],
    "IE": ["I'm over in Dublin, "],
    "NL": ["I'm in Rotterdam, ", "it's Dutch, "],
    "FI": ["I'm in Helsinki, "],
    "CZ": ["I'm in Prague, ", "it's a Czech number, "],
    "DK": ["I'm in Copenhagen, "],
    "GB": ["I'm in Leeds, ", "my British mobile, "],
    "FR": ["I'm in Lyon, ", "French number, "],
    "IT": ["I'm in Milan, "],
    "MX": ["I'm in Guadalajara, "],
    "US": ["I'm in Denver, "],
}
REGIONS = list(HINTS)
# asks that name no phone word the rules list, and asks that do
PHONE_ASK = [
    "Where can the courier get hold of you?",
    "What digits should the driver ring if the gate is locked?",
    "Anything else we should have on file for you?",
    "How do we contact you about the delivery?",
    "And the best line for you?",
]
PHONE_LINES = [
    "{h}{n}{e}",
    "{h}try {n}{e}",
    "yeah {h}{n}, that's me{e}",
    "{h}ring {n} any time{e}",
    "{h}put down {n}{e}",
    "{h}it would be {n}{e}",
]
EMAIL_ASK = [
    "Where do you want the invoice to go?",
    "How can we send you the tracking link?",
    "What inbox should the statement go to?",
    "And how do we reach you in writing?",
    "",
]
EMAIL_LINES = ["{e}{c}", "so {e}{c}", "that'd be {e}{c}", "it's just {e}{c}",
               "erm {e}{c}", "put {e}{c}", "write to {e}{c}"]  # fmt: skip
FIRST = ["priya", "leon", "maeve", "kofi", "ines", "tariq", "sofia", "bjorn", "amara", "hugo",
         "nadia", "finn", "mary jo", "jean luc", "rosa"]  # fmt: skip
LAST = ["okafor", "lindqvist", "moreau", "castillo", "brennan", "petrov", "nakamura", "quinn",
        "oduya", "harlow", "van dijk", "mcintyre"]  # fmt: skip
# (how it is said, how it is written)
PROVIDERS = [
    ("g mail", "gmail.com"),
    ("gmail", "gmail.com"),
    ("hot mail", "hotmail.com"),
    ("out look", "outlook.com"),
    ("outlook", "outlook.com"),
    ("yahoo", "yahoo.com"),
    ("i cloud", "icloud.com"),
    ("proton", "proton.me"),
    ("hotmail", "hotmail.co.uk"),
    ("yahoo", "yahoo.fr"),
]
COMPANIES = [
    ("blue harbor dental", "blueharbordental.com"),
    ("lakeside vet clinic", "lakesidevetclinic.org"),
    ("quill and ink", "quillandink.co.uk"),
    ("tern", "tern.io"),
    ("copper kettle", "copperkettle.ie"),
    ("stone ridge", "stone-ridge.net"),
    ("mesa verde labs", "mesaverdelabs.com"),
    ("kiwi freight", "kiwifreight.co.nz"),
]
WORDS = sp.WORDS


def _ending(domain: str, joiner: str) -> str:
    tld = domain.partition(".")[2]
    return f" {joiner} " + f" {joiner} ".join(tld.split("."))


def _spelled(name: str, rng: random.Random) -> str:
    letters = [c for c in name if c.isalpha()]
    sep = rng.choice([" ", " ", ", ", "-"])
    out = sep.join(letters)
    return out.upper() if maybe(rng, 0.3) else out


def _local(rng: random.Random, row: Row) -> str:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    style = rng.choice(["joined", "joined", "words", "spelled", "digits", "initial", "three"])
    row.tags.add(f"email.local.{style}")
    if style == "joined":
        joiner = rng.choice(["dot", "underscore", "dash", "hyphen", "period"])
        return f"{first} {joiner} {last}"
    if style == "words":
        return f"{first} {last}"
    if style == "spelled":
        return _spelled(first.replace(" ", "") + rng.choice(["", last[0]]), rng)
    if style == "digits":
        number = str(rng.randint(1, 99)) if maybe(rng, 0.3) else sp.pairs(str(rng.randint(10, 99)))
        return f"{first.split()[0]}{last.split()[-1]} {number}"
    if style == "initial":
        return f"{first[0]} {rng.choice(['dot ', ''])}{last}"
    return f"{first} {last} {rng.choice(['family', 'home', 'travel', 'work'])}"


def _email(rng: random.Random, row: Row) -> str:
    local = _local(rng, row)
    said, domain = rng.choice(PROVIDERS + COMPANIES)
    provider = (said, domain) in PROVIDERS
    form = rng.choice(["full", "full", "period", "no_ending", "smart", "at_sign"])
    if form == "no_ending" and not provider:
        form = "full"
    row.tags |= {f"email.domain.{form}", "email.provider" if provider else "email.company"}
    name = domain.partition(".")[0]
    if "-" in name:
        said = name.replace("-", " dash ")
    at = " at sign " if form == "at_sign" else " at "
    if form == "no_ending":
        return f"{local}{at}{said}"
    if form == "smart":  # STT writes the domain but not the "@"
        return f"{local}{at}{domain}"
    return f"{local}{at}{said}{_ending(domain, 'period' if form == 'period' else 'dot')}"


def email_styles(rng: random.Random) -> Row:
    row = Row("d3.email.styles", {"email", "spoken"})
    ask = rng.choice(EMAIL_ASK)
    if ask:
        row.say("assistant", ask)
    else:
        row.tags.add("email.unasked")
    line = rng.choice(EMAIL_LINES).replace("{c}", rng.choice(ENDS))
    before, after = line.split("{e}")
    row.say("user", before, Pii("email", _email(rng, row)), after, smart=maybe(rng, 0.5))
    if maybe(rng, 0.2):
        row.tags.add("readback")
        text = row.pii[-1]["text"]
        row.say("assistant", "Let me just check, ", Pii("email", text), "?")
    return row


def _said(digits: str, rng: random.Random) -> str:
    if maybe(rng, 0.3) and len(digits) >= 2 and digits[0] != "0":
        return d2.hundreds(digits)
    return d2.said(digits, rng, repeat=0.2)


def _national(rng: random.Random, row: Row, region: str) -> tuple[list[str], str]:
    """The groups of a national number of `region` as said, and the separator."""
    number = sp.phone(rng, region, maybe(rng, 0.7))
    groups = sp.phone_groups(number, True)
    spoken = maybe(rng, 0.55)
    row.tags |= {f"phone.region.{region}", "spoken" if spoken else "written", "phone.national"}
    if region == "AR" and groups[:2] == ["011", "15"]:
        row.tags.add("phone.ar_011_15")
    if not spoken:
        return groups, rng.choice([" ", "-", " ", "."])
    return [_said(g, rng) for g in groups], rng.choice([" ", ", ", " ... "])


def phone_national(rng: random.Random) -> Row:
    region = rng.choice(REGIONS + ["AR", "AR"])
    row = Row("d3.phone.national", {"phone"})
    groups, sep = _national(rng, row, region)
    if maybe(rng, 0.6):
        row.say("assistant", rng.choice(PHONE_ASK))
    hint = rng.choice(HINTS[region]) if maybe(rng, 0.3) else ""
    if not hint:
        row.tags.add("phone.no_hint")
    line = rng.choice(PHONE_LINES).replace("{h}", hint).replace("{e}", rng.choice(ENDS))
    before, after = line.split("{n}")
    row.say("user", before, Pii("phone", sep.join(groups)), after, smart="written" in row.tags)
    return row


def phone_split(rng: random.Random) -> Row:
    region = rng.choice(REGIONS)
    row = Row("d3.phone.split", {"phone"})
    groups, sep = _national(rng, row, region)
    if len(groups) < 2:
        groups = [groups[0][: len(groups[0]) // 2], groups[0][len(groups[0]) // 2 :]]
    k = max(1, len(groups) // 2)
    row.say("assistant", rng.choice(PHONE_ASK))
    smart = "written" in row.tags
    row.say("user", rng.choice(["", "ok it starts ", "erm "]), Pii("phone", sep.join(groups[:k]),
            split=True), smart=smart)  # fmt: skip
    if maybe(rng, 0.5):
        row.tags.add("aside")
        row.say("user", rng.choice(ASIDES))
    elif maybe(rng, 0.5):
        row.say("assistant", rng.choice(["Mhm.", "Go ahead.", "Got that part."]))
    row.say("user", Pii("phone", sep.join(groups[k:]), split=True), rng.choice(ENDS), smart=smart)
    return row


def card_split(rng: random.Random) -> Row:
    digits, sizes = sp.card(rng, rng.choice(["visa", "mastercard", "amex", "discover"]))
    groups = sp.group(digits, sizes)
    spoken = maybe(rng, 0.5)
    said = [_said(g, rng) if spoken else g for g in groups]
    row = Row("d3.card.split", {"card", "spoken" if spoken else "written"})
    cut = rng.choice([1, 2, 2, 3])
    row.say("assistant", rng.choice(["Card details when you're ready.", "The long number?"]))
    row.say("user", rng.choice(["", "ok ", "it's "]), Pii("card", " ".join(said[:cut]),
            split=True), smart=not spoken)  # fmt: skip
    if maybe(rng, 0.5):
        row.tags.add("aside")
        row.say("user", rng.choice(ASIDES))
    row.say("user", Pii("card", " ".join(said[cut:]), split=True), rng.choice(ENDS),
            smart=not spoken)  # fmt: skip
    return row


def iban_or_ssn(rng: random.Random) -> Row:
    """The kinds dev3 is not about, so the part holds every kind: an IBAN, an SSN."""
    if maybe(rng, 0.5):
        number = sp.iban(rng, rng.choice(["GB", "DE", "NL", "IE"]))
        text = " ".join(number[i : i + 4] for i in range(0, len(number), 4)).lower()
        row = Row("d3.iban", {"iban"})
        row.say("user", "the refund goes to ", Pii("iban", text), rng.choice(ENDS), smart=False)
        return row
    digits = sp.ssn(rng)
    row = Row("d3.ssn", {"ssn"})
    row.say("assistant", "For the tax form I need your social.")
    row.say("user", "ok ", Pii("ssn", f"{digits[:3]} {digits[3:5]} {digits[5:]}"), rng.choice(ENDS))
    return row
