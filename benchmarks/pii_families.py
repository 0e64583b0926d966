"""Template families of benchmarks/pii_corpus.py: one function per way a call says PII (or a
look-alike), each drawing its phrasings from a vocabulary `V` (shared, plus the part's own).

The held-out part's own phrasings and families live in benchmarks/pii_heldout.py: people who
write redaction rules read this file and tests/data/pii/dev.jsonl, never that one.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import pii_speech as sp
from pii_rows import Benign, Pii, Row, maybe

V = dict[str, list[Any]]
Family = Callable[[random.Random, V], Row]

COUNTRY = {
    "US": "the US", "GB": "London", "DE": "Germany", "FR": "France", "IN": "India",
    "MX": "Mexico", "BR": "Brazil", "AU": "Sydney", "ES": "Spain", "IT": "Italy",
    "NL": "Amsterdam", "JP": "Tokyo", "ZA": "South Africa", "CA": "Toronto", "IE": "Dublin",
    "PH": "Manila", "NG": "Lagos", "SE": "Stockholm", "PL": "Poland", "CH": "Zurich",
}  # fmt: skip

SHARED: V = {
    "networks": ["visa", "mastercard", "amex", "discover", "maestro"],
    "fillers": ["um", "uh"],
    "backchannel": ["Mm-hmm.", "Okay.", "Go ahead.", "Got it, and the rest?"],
    "regions": ["US", "US", "GB", "DE", "FR", "IN", "MX"],
    "first": ["john", "maria", "priya", "li", "ahmed", "sarah", "kevin", "fatima", "lucas"],
    "last": ["smith", "lopez", "patel", "chen", "okafor", "nguyen", "garcia", "kowalski"],
    "provider": [("gmail", "gmail.com"), ("yahoo", "yahoo.com"), ("outlook", "outlook.com")],
    "iban_countries": ["GB", "DE", "FR", "ES", "NL"],
    "id_words": ["account number", "member ID", "reference number"],
    "sites": ["acme health", "zelto", "brightbank"],
}

DEV: V = {
    "card_ask": ["Can I get the card number?", "What's the long number on the card?"],
    "card_lines": ["yeah the card number is {n}", "it's a {net}, {n}", "{n}", "sure, {n}"],
    "restart": ["sorry, let me start over,", "wait, no,"],
    "more_fillers": ["like"],
    "phone_ask": ["What's the best number to reach you?", "Can I get a callback number?"],
    "phone_lines": ["it's {n}", "you can reach me at {n}", "my cell is {n}", "{n}"],
    "region_hint": ["I'm in {c}. ", "I live in {c}, ", ""],
    "more_regions": ["JP", "CA", "SE", "PL", "CH", "NG"],
    "email_ask": ["And what's your email address?", "What email should I send it to?"],
    "email_lines": ["it's {e}", "my email is {e}", "{e}", "sure, {e}"],
    "more_providers": [("hotmail", "hotmail.com"), ("comcast", "comcast.net")],
    "iban_lines": ["my IBAN is {i}", "the IBAN is {i}", "{i}"],
    "more_iban": ["AT", "CH"],
    "ssn_lines": ["my social is {s}", "social security number {s}", "SSN is {s}"],
    "more_ids": ["loyalty number"],
    "id_lines": ["my {w} is {n}", "the {w} is {n}", "{w}, {n}"],
    "luhn_lines": ["the invoice number is {n}", "IMEI {n}", "invoice {n}"],
    "claim_lines": ["my claim number is {n}", "claim {n}"],
    "site_lines": ["you can find it at {s}", "it's all on our website at {s}"],
    "misc_lines": [
        "your total comes to {price} and it ships {date}",
        "order {order} is out for delivery, arriving by {time}",
    ],
    "serial_lines": ["the serial number is {n}", "the meter number reads {n}"],
}


def fill(rng: random.Random, v: V) -> str:
    return rng.choice(v["fillers"] + v["more_fillers"])


def read_groups(
    rng: random.Random, v: V, groups: list[str], style: str, row: Row, *, fillers: float = 0.0
) -> str:
    """Groups as STT writes them in `style` (digits, words, pairs), joined with pauses."""
    out = []
    misheard = 0.3 if style != "digits" and maybe(rng, 0.3) else 0.0
    if misheard:
        row.tags.add("misheard")
    for i, g in enumerate(groups):
        if style == "digits":
            text = g
        elif style == "pairs" and len(g) >= 3:
            text = sp.pairs(g)
        else:
            text = sp.words(g, rng, double=0.3, misheard=misheard)
        if i and maybe(rng, fillers):
            row.tags.add("filler")
            text = f"{fill(rng, v)} {text}"
        out.append(text)
    seps = [" ", ", ", ", ", " ... "] if style != "digits" else [" ", "-", " "]
    sep = " " if style == "digits" and "filler" in row.tags else rng.choice(seps)
    return sep.join(out)


def card_read(rng: random.Random, v: V) -> Row:
    net = rng.choice(v["networks"])
    digits, sizes = sp.card(rng, net)
    style = rng.choice(["digits", "words", "words", "pairs"])
    row = Row(f"card.{style}", {"card", f"card.{net}"})
    smart = style == "digits" or maybe(rng, 0.5)
    if maybe(rng, 0.7):
        row.say("assistant", rng.choice(v["card_ask"]))
    text = read_groups(rng, v, sp.group(digits, sizes), style, row, fillers=0.4)
    head: list[str | Pii] = []
    if maybe(rng, 0.2) and style != "digits":
        row.tags.add("restart")
        first = sp.words(digits[:4], rng)
        head = [Pii("card", first), f" {rng.choice(v['restart'])} "]
    line = rng.choice(v["card_lines"])
    before, after = line.split("{n}")
    before = before.replace("{net}", net)
    row.say("user", before, *head, Pii("card", text), after, smart=smart)
    return row


def card_split(rng: random.Random, v: V) -> Row:
    net = rng.choice(v["networks"])
    digits, sizes = sp.card(rng, net)
    style = rng.choice(["digits", "words"])
    row = Row(f"card.split_{style}", {"card", f"card.{net}"})
    groups = sp.group(digits, sizes)
    cut = rng.choice([1, 2, 2, 3])
    row.say("assistant", rng.choice(v["card_ask"]))
    first = read_groups(rng, v, groups[:cut], style, row)
    second = read_groups(rng, v, groups[cut:], style, row)
    row.say("user", "it's ", Pii("card", first, split=True))
    if maybe(rng, 0.5):
        row.say("assistant", rng.choice(v["backchannel"]))
    row.say("user", Pii("card", second, split=True))
    return row


def card_zip(rng: random.Random, v: V) -> Row:
    digits, sizes = sp.card(rng, rng.choice(["visa", "mastercard", "discover"]))
    row = Row("card.zip_after", {"card"})
    zip_code = f"{rng.randint(10000, 99999)}"
    spoken = maybe(rng, 0.5)
    card = read_groups(rng, v, sp.group(digits, sizes), "words" if spoken else "digits", row)
    zip_text = sp.words(zip_code, rng) if spoken else zip_code
    joiner = rng.choice([" and the zip is ", ", zip code ", " ", ", billing zip "])
    row.say("assistant", "Card number and billing zip code, please.")
    row.say("user", Pii("card", card), joiner, Benign("zip", zip_text), smart=not spoken)
    return row


def _phone_text(rng: random.Random, v: V, row: Row, region: str, split: int = 0) -> list[str]:
    number = sp.phone(rng, region, maybe(rng, 0.6))
    cc = str(number.country_code)
    form = rng.choice(["plus", "00", "double_oh", "national", "national", "plus_words"])
    if region == "US":
        form = rng.choice(["national", "national", "plus", "plus_words"])
    national = form == "national"
    groups = sp.phone_groups(number, national)
    spoken = form in ("double_oh", "plus_words") or (national and maybe(rng, 0.5))
    row.tags |= {f"phone.{form}", f"phone.region.{region}", "spoken" if spoken else "written"}
    if national and region != "US":
        row.tags.add("phone.no_country_code")
    if spoken:
        parts = [sp.words(g, rng, double=0.3) for g in groups]
        if maybe(rng, 0.3):
            read = zip(groups, parts, strict=True)
            parts = [sp.pairs(g) if len(g) in (2, 4) else p for g, p in read]
    else:
        parts = list(groups)
    prefix = {
        "plus": f"+{cc} ",
        "00": f"00{cc} ",
        "double_oh": f"double oh {sp.words(cc, rng)} ",
        "plus_words": f"plus {sp.words(cc, rng)} ",
        "national": "",
    }[form]
    sep = " " if spoken else rng.choice([" ", "-", " "])
    if national and region == "US" and not spoken and maybe(rng, 0.5):
        text = f"({groups[0]}) {groups[1]}-{groups[2]}"
        return [text] if not split else [text[:5], text[6:]]
    if split:  # at the group boundary nearest the middle of the digits (or `split` later)
        total, seen, k = sum(map(len, groups)), 0, 1
        for k in range(1, len(groups)):
            seen += len(groups[k - 1])
            if seen * 2 >= total:
                break
        k = min(k + split - 1, len(parts) - 1)
        return [prefix + sep.join(parts[:k]), sep.join(parts[k:])]
    return [prefix + sep.join(parts)]


def phone_read(rng: random.Random, v: V) -> Row:
    region = rng.choice(v["regions"] + v["more_regions"])
    row = Row("phone.read", {"phone"})
    (text,) = _phone_text(rng, v, row, region)
    if maybe(rng, 0.7):
        row.say("assistant", rng.choice(v["phone_ask"]))
    hint = rng.choice(v["region_hint"]).replace("{c}", COUNTRY[region])
    before, after = rng.choice(v["phone_lines"]).split("{n}")
    if hint.endswith(". "):
        before = before[:1].upper() + before[1:]
    row.say("user", hint, before, Pii("phone", text), after)
    return row


def phone_split(rng: random.Random, v: V) -> Row:
    region = rng.choice(v["regions"] + v["more_regions"])
    row = Row("phone.split", {"phone"})
    first, second = _phone_text(rng, v, row, region, split=rng.choice([1, 1, 2]))
    row.say("assistant", rng.choice(v["phone_ask"]))
    row.say("user", "yeah it's ", Pii("phone", first, split=True))
    if maybe(rng, 0.5):
        row.say("assistant", rng.choice(v["backchannel"]))
    row.say("user", Pii("phone", second, split=True))
    return row


GAPS = {
    "gmail": "g mail",
    "hotmail": "hot mail",
    "outlook": "out look",
    "yahoo": "ya hoo",
    "icloud": "i cloud",
    "comcast": "com cast",
    "protonmail": "proton mail",
    "aol": "a o l",
}


def _email(rng: random.Random, v: V, row: Row) -> str:
    first, last = rng.choice(v["first"]), rng.choice(v["last"])
    spoken_domain, domain = rng.choice(v["provider"] + v["more_providers"])
    sep, said = rng.choice([(".", "dot"), ("_", "underscore"), ("", ""), ("", "")])
    digits = str(rng.randint(1, 99)) if maybe(rng, 0.3) else ""
    style = rng.choice(["written", "spoken", "spoken", "multiword", "no_ending", "gap_domain"])
    row.tags |= {f"email.{style}", "spoken" if style != "written" else "written"}
    if style == "written":
        return f"{first}{sep}{last}{digits}@{domain}"
    local = f"{first} {said} {last}" if said else f"{first}{last}"
    if style == "multiword":
        local = f"{first} {last}"
    if digits:
        local += f" {sp.words(digits, rng)}" if maybe(rng, 0.5) else digits
    name, _, tld = domain.partition(".")
    if style == "gap_domain":  # how ASR splits a provider's name
        spoken_domain = GAPS.get(spoken_domain, spoken_domain)
    end = "" if style == "no_ending" else " dot " + " dot ".join(tld.split("."))
    return f"{local} at {spoken_domain if name != spoken_domain else name}{end}"


def email_read(rng: random.Random, v: V) -> Row:
    row = Row("email.read", {"email"})
    if maybe(rng, 0.7):
        row.say("assistant", rng.choice(v["email_ask"]))
    before, after = rng.choice(v["email_lines"]).split("{e}")
    row.say("user", before, Pii("email", _email(rng, v, row)), after, smart=maybe(rng, 0.5))
    return row


def iban_read(rng: random.Random, v: V) -> Row:
    country = rng.choice(v["iban_countries"] + v["more_iban"])
    number = sp.iban(rng, country)
    style = rng.choice(["spaced", "compact", "lower", "spelled"])
    spaced = " ".join(number[i : i + 4] for i in range(0, len(number), 4))
    text = {
        "spaced": spaced,
        "compact": number,
        "lower": spaced.lower(),
        "spelled": sp.spell(number, rng),
    }[style]
    row = Row(f"iban.{style}", {"iban", f"iban.{country}"})
    row.say("assistant", "Which account should the refund go to?")
    before, after = rng.choice(v["iban_lines"]).split("{i}")
    row.say("user", before, Pii("iban", text), after, smart=style in ("spaced", "compact"))
    return row


def ssn_read(rng: random.Random, v: V) -> Row:
    digits = sp.ssn(rng)
    style = rng.choice(["dashed", "spaced", "words"])
    groups = [digits[:3], digits[3:5], digits[5:]]
    text = {
        "dashed": "-".join(groups),
        "spaced": " ".join(groups),
        "words": ", ".join(sp.words(g, rng) for g in groups),
    }[style]
    row = Row(f"ssn.{style}", {"ssn"})
    row.say("assistant", "For verification, can I have your social security number?")
    before, after = rng.choice(v["ssn_lines"]).split("{s}")
    row.say("user", before, Pii("ssn", text), after, smart=style != "words")
    return row


def tool_pii(rng: random.Random, v: V) -> Row:
    row = Row("tool.args", {"tool"})
    digits, _ = sp.card(rng, rng.choice(v["networks"]))
    number = sp.phone(rng, rng.choice(v["regions"]), True)
    e164 = f"+{number.country_code}{number.national_number}"
    email = f"{rng.choice(v['first'])}.{rng.choice(v['last'])}@{rng.choice(v['provider'])[1]}"
    row.say("assistant", "Let me update that for you.")
    which = rng.choice(["card", "phone", "email"])
    if which == "card":
        row.say("tool", 'charge_card({"card_number": "', Pii("card", digits), '", "amount": 42.5})')
    elif which == "phone":
        cid = f"{rng.randint(10**9, 10**10 - 1)}"
        row.say(
            "tool",
            'lookup_customer -> {"customer_id": "',
            Benign("json_id", cid),
            '", "phone": "',
            Pii("phone", e164),
            '"}',
        )
    else:
        row.say("tool", 'update_profile({"email": "', Pii("email", email), '"})')
    return row


def neg_ids(rng: random.Random, v: V) -> Row:
    word = rng.choice(v["id_words"] + v["more_ids"])
    digits = sp.us_ten_digits(rng)
    spoken = maybe(rng, 0.5)
    text = sp.words(digits, rng, double=0.2) if spoken else digits
    row = Row("neg.ids", {"spoken" if spoken else "written"})
    row.say("assistant", f"Can I have your {word}?")
    before, after = rng.choice(v["id_lines"]).replace("{w}", word).split("{n}")
    row.say("user", before, Benign("id_10_digits", text), after, smart=not spoken)
    if maybe(rng, 0.5):
        row.say("assistant", "Thanks, I have ", Benign("id_10_digits", digits), ".")
    return row


def neg_json(rng: random.Random, v: V) -> Row:
    key = rng.choice(["account_id", "member_id", "transaction_id", "order_id", "ref_id"])
    row = Row("neg.json", {"tool"})
    ids = [sp.us_ten_digits(rng) for _ in range(rng.randint(1, 2))]
    parts: list[str | Benign] = ["get_account -> {"]
    for i, d in enumerate(ids):
        parts += [f'"{key if not i else "parent_id"}": "', Benign("json_id", d), '", ']
    parts.append('"status": "active"}')
    row.say("tool", *parts)
    return row


def neg_luhn(rng: random.Random, v: V) -> Row:
    imei = maybe(rng, 0.5)
    digits = sp.luhn_number(rng, "35" if imei else rng.choice(["4", "5"]), 15 if imei else 16)
    line = rng.choice([x for x in v["luhn_lines"] if ("IMEI" in x) == imei] or v["luhn_lines"])
    before, after = line.split("{n}")
    row = Row("neg.luhn", set())
    row.say("user", before, Benign("imei" if imei else "invoice", digits), after)
    return row


def neg_claim(rng: random.Random, v: V) -> Row:
    digits = sp.ssn(rng)
    text = f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"
    before, after = rng.choice(v["claim_lines"]).split("{n}")
    row = Row("neg.claim", set())
    row.say("user", before, Benign("claim_ssn_shape", text), after)
    return row


def neg_site(rng: random.Random, v: V) -> Row:
    site = rng.choice(v["sites"]) + rng.choice([" dot com", " dot org", ".com"])
    before, after = rng.choice(v["site_lines"]).split("{s}")
    row = Row("neg.site", set())
    row.say("assistant", before, Benign("website_at", site), after)
    return row


def neg_misc(rng: random.Random, v: V) -> Row:
    price = rng.choice([f"${rng.randint(10, 2999)}.{rng.randint(10, 99)}", "twelve forty nine"])
    date = rng.choice(["March 3rd", f"{rng.randint(1, 12)}/{rng.randint(1, 28)}/2025"])
    order = f"{rng.randint(10**9, 10**10 - 1)}"
    time = rng.choice(["10:30", "7 pm", "half past nine"])
    line = rng.choice(v["misc_lines"])
    parts: list[str | Benign] = []
    values = {"price": price, "date": date, "order": order, "time": time}
    rest = line
    while "{" in rest:
        before, _, tail = rest.partition("{")
        key, _, rest = tail.partition("}")
        parts += [before, Benign(key, values[key])]
    parts.append(rest)
    row = Row("neg.misc", set())
    row.say("assistant", *parts)
    return row


def neg_serial(rng: random.Random, v: V) -> Row:
    phone = sp.us_ten_digits(rng)
    digits = f"{rng.randint(100, 9999)}{phone}{rng.randint(0, 99)}"
    before, after = rng.choice(v["serial_lines"]).split("{n}")
    row = Row("neg.serial", set())
    row.say("user", before, Benign("long_run", digits), after)
    return row


# family -> weight (rows per 100); the held-out part adds and replaces some (pii_heldout.py)
FAMILIES: dict[str, tuple[Family, int]] = {
    "card_read": (card_read, 16),
    "card_split": (card_split, 5),
    "card_zip": (card_zip, 5),
    "phone_read": (phone_read, 16),
    "phone_split": (phone_split, 5),
    "email_read": (email_read, 14),
    "iban_read": (iban_read, 6),
    "ssn_read": (ssn_read, 5),
    "tool_pii": (tool_pii, 6),
    "neg_ids": (neg_ids, 20),
    "neg_json": (neg_json, 10),
    "neg_luhn": (neg_luhn, 10),
    "neg_claim": (neg_claim, 6),
    "neg_site": (neg_site, 6),
    "neg_misc": (neg_misc, 10),
    "neg_serial": (neg_serial, 5),
}
