"""SECOND HELD-OUT part of benchmarks/pii_corpus.py (`heldout2`): emails, IBANs, SSNs, tools.

Not read by whoever writes or tunes the redaction rules (see benchmarks/pii_heldout2.py).
"""

from __future__ import annotations

import random
import string

import pii_speech as sp
from pii_heldout2 import NUDGE, REGIONS, card_number, maybe, phone_number, phone_text, read, say
from pii_rows import Benign, Pii, Row
from stdnum import iban as _iban

FIRST = [
    "mette",
    "kwame",
    "dana",
    "raul",
    "ilse",
    "tuan",
    "zeynep",
    "oren",
    "mikko",
    "carla",
    "bogdan",
    "hana",
    "jamal",
    "teresa",
    "nikos",
]
LAST = [
    "holm",
    "mensah",
    "reyes",
    "kovacs",
    "yilmaz",
    "tran",
    "levi",
    "virtanen",
    "popescu",
    "papadakis",
    "whitfield",
    "oconnor",
    "baptiste",
]
# (how a caller / ASR says it, the domain); webmail first, then companies
PROVIDERS = [
    (["gmail", "g mail", "gee mail", "G-mail", "Gmail"], "gmail.com"),
    (["a t t", "at and t"], "att.net"),
    (["s b c global"], "sbcglobal.net"),
    (["verizon"], "verizon.net"),
    (["y mail", "ymail"], "ymail.com"),
    (["m s n"], "msn.com"),
    (["b t internet", "btinternet"], "btinternet.com"),
    (["seznam"], "seznam.cz"),
    (["one six three"], "163.com"),
    (["q q"], "qq.com"),
    (["yandex"], "yandex.ru"),
    (["mail"], "mail.com"),
    (["bell south"], "bellsouth.net"),
    (["zoho"], "zoho.com"),
    (["haldorsen marine", "haldorsen dash marine"], "haldorsen-marine.dk"),
    (["sunbeam dental"], "sunbeamdental.com"),
    (["pinewood"], "pinewood.co.uk"),
    (["lumen labs"], "lumenlabs.io"),
    (["kovacs and partners"], "kovacspartners.hu"),
]
SEPARATORS = [
    (".", ["dot", "period", "point", "full stop"]),
    ("_", ["underscore", "under score"]),
    ("-", ["dash", "hyphen"]),
    ("", [""]),
]
ATS = ["at", "at", "at", "at", "at sign", "at the rate", "at symbol", "@"]


def _spelled(word: str, rng: random.Random) -> str:
    joiner = rng.choice([" ", " ", "-", ". "])
    letters, i = [], 0
    while i < len(word):
        if i + 1 < len(word) and word[i + 1] == word[i] and maybe(rng, 0.6):
            letters.append(f"double {word[i]}")
            i += 2
            continue
        letters.append(word[i])
        i += 1
    text = joiner.join(letters)
    return text.upper() if maybe(rng, 0.2) else text


def email_text(rng: random.Random, row: Row) -> str:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    style = rng.choice(
        ["written", "spoken", "spoken", "spelled", "two_words", "no_ending", "mixed", "spelled_end"]
    )
    webmail = PROVIDERS[:14]  # said without an ending only when it is a webmail provider
    spoken_names, domain = rng.choice(
        webmail if style == "no_ending" else webmail * 2 + PROVIDERS[14:]
    )
    sep, sep_words = rng.choice(SEPARATORS)
    number = (
        str(rng.choice([rng.randint(1, 99), rng.randint(1960, 2009)])) if maybe(rng, 0.3) else ""
    )
    row.tags.add(f"h2.email.{style}")
    if style == "written":
        local = f"{first}{sep}{last}{number}" if maybe(rng, 0.7) else f"{first[0]}{last}{number}"
        gap = " " if maybe(rng, 0.2) else ""
        return f"{local}{gap}@{domain}"
    said_sep = rng.choice(sep_words)
    if style == "spelled":
        local = (
            f"{_spelled(first, rng)} {said_sep} {last}" if said_sep else _spelled(first + last, rng)
        )
    elif style == "two_words":
        local = f"{first} {last}"
    else:
        local = f"{first} {said_sep} {last}" if said_sep else f"{first}{last}"
    if number:
        local += " " + (
            say(number, rng) if maybe(rng, 0.4) else sp.pairs(number) if maybe(rng, 0.5) else number
        )
    at = rng.choice(ATS)
    name = rng.choice(spoken_names)
    tld = domain.split(".", 1)[1]
    if style == "mixed":  # ASR wrote part of it as text
        return f"{local} @{name.replace(' ', '')}.{tld}"
    dot = rng.choice(["dot", "dot", "dot", "period"])
    ending = f" {dot} " + f" {dot} ".join(tld.split("."))
    if style == "spelled_end":
        ending = f" {dot} " + " ".join(tld.replace(".", f" {dot} ")) if "." not in tld else ending
    if style == "no_ending":
        ending = ""
        if domain != "gmail.com" and maybe(rng, 0.5):
            name = "g mail"
    return f"{local} {at} {name}{ending}"


def email_voice(rng: random.Random) -> Row:
    row = Row("h2.email_voice", {"email"})
    if maybe(rng, 0.75):
        row.say(
            "assistant",
            rng.choice(
                [
                    "What email should the invoice go to?",
                    "Can I grab an email address for the account?",
                    "And where do we send the e-ticket?",
                    "Is there an email I can send the link to?",
                ]
            ),
        )
    lines = [
        "{e}",
        "it's {e}",
        "sure, {e}, all lowercase",
        "email me at {e}",
        "{e}, no capitals",
        "my work email is {e}",
        "use {e} please",
        "the personal one, {e}",
        "okay it's {e}, all one word",
    ]
    before, after = rng.choice(lines).split("{e}")
    text = email_text(rng, row)
    local, at, domain = text.partition(" at ")
    if at and maybe(rng, 0.15):  # the caller stops after the name, then gives the domain
        row.tags.add("h2.email.turns")
        row.say("user", before.rstrip(", "), " ", Pii("email", local, split=True), smart=False)
        row.say("assistant", rng.choice(["Yes?", "Okay, at...?", "And the rest?"]))
        row.say("user", Pii("email", f"at {domain}", split=True), after, smart=False)
        return row
    row.say("user", before, Pii("email", text), after, smart=maybe(rng, 0.4))
    return row


IBAN_COUNTRIES = ["HU", "TR", "IL", "HR", "SK", "LT", "BG", "AE", "QA", "EE"]
_SHAPES = {
    "HU": "3n4n1n15n1n",
    "TR": "5n1n16c",
    "IL": "3n3n13n",
    "HR": "7n10n",
    "SK": "4n6n10n",
    "LT": "5n11n",
    "BG": "4a4n2n8c",
    "AE": "3n16n",
    "QA": "4a21c",
    "EE": "2n14n",
}


def iban_number(rng: random.Random, country: str) -> str:
    shape = _SHAPES[country]
    for _ in range(500):
        bban, count = "", ""
        for c in shape:
            if c.isdigit():
                count += c
                continue
            pool = string.ascii_uppercase if c == "a" else string.digits  # as banks issue them
            bban += "".join(rng.choice(pool) for _ in range(int(count)))
            count = ""
        number = country + _iban.calc_check_digits(country + "00" + bban) + bban
        if _iban.is_valid(number):
            return number
    raise AssertionError(country)


def _iban_said(rng: random.Random, row: Row, number: str, style: str) -> list[str]:
    groups = [number[i : i + 4] for i in range(0, len(number), 4)]
    if style == "compact":
        return [number]
    if style in ("spaced", "lower"):
        out = [g.lower() if style == "lower" else g for g in groups]
        return out
    out = []
    for g in groups:
        if style == "spelled":
            out.append(" ".join(sp.WORDS[int(c)] if c.isdigit() else c.lower() for c in g))
        else:  # letters said, digit groups as digits or pairs
            letters = " ".join(c.upper() for c in g if c.isalpha())
            digits = "".join(c for c in g if c.isdigit())
            said = (sp.pairs(digits) if maybe(rng, 0.5) else digits) if digits else ""
            out.append(" ".join(p for p in (letters, said) if p) if g.isalnum() else g)
    return out


def iban_voice(rng: random.Random) -> Row:
    country = rng.choice(IBAN_COUNTRIES)
    number = iban_number(rng, country)
    style = rng.choice(["spaced", "compact", "lower", "spelled", "mixed"])
    split = maybe(rng, 0.25) and style != "compact"
    row = Row("h2.iban_voice", {"iban", f"h2.iban.{style}", f"h2.iban.{country}"})
    row.say(
        "assistant",
        rng.choice(
            [
                "For the transfer, what's the IBAN of the receiving account?",
                "Which account should we pay the deposit back into? The IBAN, please.",
                "I'll need the international bank account number.",
            ]
        ),
    )
    groups = _iban_said(rng, row, number, style)
    joiner = " " if style != "spelled" else rng.choice([" ", ", "])
    smart = style in ("spaced", "compact")
    if not split:
        before, after = rng.choice(
            ["{i}", "it's {i}", "ok so {i}", "the IBAN is {i}, thanks", "{i}. it's a joint account"]
        ).split("{i}")
        row.say("user", before, Pii("iban", joiner.join(groups)), after, smart=smart)
        return row
    k = len(groups) // 2
    row.say("user", "it's ", Pii("iban", joiner.join(groups[:k]), split=True), smart=smart)
    if maybe(rng, 0.6):
        row.say("assistant", rng.choice(NUDGE))
    row.say("user", Pii("iban", joiner.join(groups[k:]), split=True), smart=smart)
    return row


def ssn_number(rng: random.Random) -> str:
    while True:
        digits = sp.ssn(rng)
        if not digits.startswith("9") and digits[3:5] != "00" and digits[5:] != "0000":
            return digits


def ssn_voice(rng: random.Random) -> Row:
    digits = ssn_number(rng)
    g = [digits[:3], digits[3:5], digits[5:]]
    style = rng.choice(["dashed", "spaced", "run", "words", "words_flat", "mixed", "split"])
    row = Row("h2.ssn_voice", {"ssn", f"h2.ssn.{style}"})
    row.say(
        "assistant",
        rng.choice(
            [
                "To verify it's you, what are the nine digits of your social?",
                "I'll need your social security number for the credit check.",
                "Could you confirm your SSN for me?",
            ]
        ),
    )
    texts = {
        "dashed": "-".join(g),
        "spaced": " ".join(g),
        "run": digits,
        "words": ", ".join(say(x, rng, twice=0.0) for x in g),
        "words_flat": say(digits, rng),
        "mixed": f"{g[0]} {g[1]} {say(g[2], rng)}",
    }
    if style == "split":
        row.say("user", "yeah it's ", Pii("ssn", f"{g[0]} {g[1]}", split=True))
        if maybe(rng, 0.5):
            row.say("assistant", rng.choice(NUDGE))
        row.say("user", Pii("ssn", g[2], split=True))
        return row
    before, after = rng.choice(
        ["{s}", "it's {s}", "sure, my social is {s}", "{s}, I think", "social security is {s}"]
    ).split("{s}")
    row.say(
        "user", before, Pii("ssn", texts[style]), after, smart=style not in ("words", "words_flat")
    )
    return row


def _e164(rng: random.Random) -> str:
    n = phone_number(rng, rng.choice(REGIONS), True)
    return f"+{n.country_code}{n.national_number}"


def tool_json(rng: random.Random) -> Row:
    """Tool arguments and outputs, in JSON, PII beside ids that are not PII."""
    row = Row("h2.tool_json", {"tool"})
    which = rng.choice(["card", "card_int", "phone", "email", "iban", "ssn", "mixed"])
    row.tags.add(f"h2.tool.{which}")
    ref = f"{rng.randint(10**9, 10**10 - 1)}"
    row.say("assistant", rng.choice(["One moment while I put that through.", "Let me check."]))
    if which in ("card", "card_int"):
        digits, _ = card_number(rng, rng.choice(["visa", "mastercard", "amex", "jcb"]))
        quote = '"' if which == "card" else ""
        row.say(
            "tool",
            '{"name": "take_payment", "arguments": {"card": {"number": ',
            quote,
            Pii("card", digits),
            quote,
            ', "exp": "09/28"}, "amount": 129.0, "order_ref": "',
            Benign("json_id", ref),
            '"}}',
        )
    elif which == "phone":
        row.say(
            "tool",
            '{"result": {"customer": {"mobile": "',
            Pii("phone", _e164(rng)),
            '", "loyaltyNumber": ',
            Benign("json_id", ref),
            '}, "created_at": ',
            Benign("timestamp", f"{rng.randint(1_700_000_000, 1_760_000_000)}"),
            "}}",
        )
    elif which == "email":
        e = f"{rng.choice(FIRST)}.{rng.choice(LAST)}@{rng.choice(PROVIDERS)[1]}"
        row.say(
            "tool",
            'send_confirmation(recipient="',
            Pii("email", e),
            '", booking_id=',
            Benign("json_id", ref),
            ")",
        )
    elif which == "iban":
        row.say(
            "tool",
            '{"refund": {"iban": "',
            Pii("iban", iban_number(rng, rng.choice(IBAN_COUNTRIES))),
            '"}, "case_no": "',
            Benign("json_id", ref),
            '"}',
        )
    elif which == "ssn":
        d = ssn_number(rng)
        row.say(
            "tool",
            'verify_identity({"ssn": "',
            Pii("ssn", f"{d[:3]}-{d[3:5]}-{d[5:]}"),
            '", "dob": "1984-03-02", "member_id": "',
            Benign("json_id", ref),
            '"})',
        )
    else:
        e = f"{rng.choice(FIRST)}{rng.randint(1, 99)}@{rng.choice(PROVIDERS)[1]}"
        row.say(
            "tool",
            '{"contact": {"email": "',
            Pii("email", e),
            '", "phone": "',
            Pii("phone", _e164(rng)),
            '"}, "ticketId": "',
            Benign("json_id", ref),
            '"}',
        )
    if maybe(rng, 0.4):
        row.say("assistant", "All done, you'll get a confirmation shortly.")
    return row


def mixed_turn(rng: random.Random) -> Row:
    """PII and a look-alike in one caller turn (an order number, then a callback number)."""
    row = Row("h2.mixed_turn", {"phone"})
    order = str(rng.randint(10**7, 10**8 - 1))
    region = rng.choice(["US", "US", *REGIONS])
    (text,) = phone_text(rng, row, region)
    spoken_order = say(order, rng) if maybe(rng, 0.4) else order
    row.say("assistant", "How can I help today?")
    row.say(
        "user",
        rng.choice(["hi, it's about order ", "yeah my order number is "]),
        Benign("order", spoken_order),
        rng.choice(
            [
                ", it never showed up. call me back on ",
                " and my number is ",
                ". if you need me i'm on ",
            ]
        ),
        Pii("phone", text),
        smart=False,
    )
    if maybe(rng, 0.3):
        digits, sizes = card_number(rng, "visa")
        row.say(
            "user",
            "and I paid with ",
            Pii("card", read(rng, row, sp.group(digits, sizes), "digits")),
        )
    return row
