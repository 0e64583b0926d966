"""dev8's IBAN and SSN families (benchmarks/pii_dev8.py).

IBANs of 28 countries (valid check digits, and the national check where python-stdnum knows
one): read in groups of four, letters plain, run together, in NATO words or "as in", digits
one by one ("oh" for zero), as numerals or in pairs; typed in lower case and with odd
separators; over two or three turns; corrected; read back; inside tool JSON. SSNs: 3-2-4 and
run on, "social", "social security", "SSN" or no word at all, over turns, in tool JSON,
corrected; with the agent's masked "ending in" as a look-alike.

A label covers the whole number as said (the letters of an IBAN too), with anything said
between its groups.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pii_dev8_neg as neg
import pii_dev8_say as say
from pii_rows import Benign, Pii, Retry, Row, maybe
from pii_speech import ssn as draw_ssn
from stdnum import iban as stdnum_iban

# country -> (weight, a valid IBAN whose digits are redrawn, bank codes to swap in)
IBANS = {
    "GB": (3.0, "GB29NWBK60161331926819", ["NWBK", "BARC", "HBUK", "LOYD", "MIDL", "MONZ"]),
    "DE": (3.0, "DE89370400440532013000", []),
    "FR": (2.0, "FR1420041010050500013M02606", []),
    "ES": (2.0, "ES9121000418450200051332", []),
    "NL": (2.0, "NL91ABNA0417164300", ["ABNA", "RABO", "INGB", "TRIO", "SNSB", "KNAB"]),
    "IT": (2.0, "IT60X0542811101000000123456", []),
    "IE": (1.5, "IE29AIBK93115212345678", ["AIBK", "BOFI", "IPBS", "ULSB"]),
    "AT": (1.5, "AT611904300234573201", []),
    # heldout5 (written at the same time) has its own countries: these replace the ones it shared
    "SA": (0.7, "SA0380000000608010167519", []),
    "QA": (0.7, "QA58DOHB00001234567890ABCDEFG", []),
    "JO": (0.7, "JO94CBJO0010000000000131000302", []),
    "AZ": (0.7, "AZ21NABZ00000000137010001944", []),
    "LT": (0.7, "LT121000011101001000", []),
    "HR": (0.7, "HR1210010051863000160", []),
    "SK": (0.7, "SK3112000000198742637541", []),
    "PL": (0.7, "PL61109010140000071219812874", []),
    "RO": (0.7, "RO49AAAA1B31007593840000", ["AAAA", "BTRL", "RNCB"]),
    "PT": (0.7, "PT50000201231234567890154", []),
    "CH": (0.7, "CH9300762011623852957", []),
    "TR": (0.7, "TR330006100519786457841326", []),
    "AE": (0.7, "AE070331234567890123456", []),
}
BICS = {"GB": "GB2L", "NL": "NL2A", "IE": "IE2D", "DE": "DEFF", "FR": "FRPP", "ES": "ESMM"}


def draw_iban(rng: random.Random, country: str) -> str:
    _, layout, banks = IBANS[country]
    if banks:
        bank = rng.choice(banks)
        layout = layout[:4] + bank + layout[4 + len(bank) :]
    for _ in range(8000):
        bban = "".join(rng.choice("0123456789") if c.isdigit() else c for c in layout[4:])
        number = country + stdnum_iban.calc_check_digits(country + "00" + bban) + bban
        if stdnum_iban.is_valid(number):
            return number
    raise AssertionError(country)


def country(rng: random.Random) -> str:
    names = sorted(IBANS)
    return rng.choices(names, [IBANS[c][0] for c in names])[0]


class Reader:
    """One caller's way of reading an IBAN aloud, kept for the whole number."""

    def __init__(self, rng: random.Random, raw: bool | None = None) -> None:
        self.rng = rng
        self.raw = rng.random() < 0.35 if raw is None else raw
        self.letters = rng.choice(["plain", "plain", "joined", "nato", "nato", "as_in", "lower"])
        if self.raw and self.letters == "plain":
            self.letters = "lower"
        self.digits = rng.choice(["words", "words", "words", "numerals", "pairs"])
        if self.raw and self.digits == "numerals":
            self.digits = "words"
        self.zero = rng.choice(["oh", "oh", "zero"])
        self.sep = " " if self.raw else rng.choice([", ", ", ", " ", "... ", " - "])
        self.filler = rng.choice([0.0, 0.0, 0.15])

    def tags(self) -> set[str]:
        return {f"iban.letters.{self.letters}", f"iban.digits.{self.digits}"} | (
            {"iban.said.raw"} if self.raw else set()
        )

    def run(self, chars: str) -> str:
        rng = self.rng
        if chars.isdigit():
            if self.digits == "numerals":
                return chars
            if self.digits == "pairs" and len(chars) % 2 == 0 and chars[0] != "0":
                return say.in_pairs(chars, self.zero)
            return say.one_by_one(chars, rng, self.zero, 0.3)
        if self.letters == "joined" and len(chars) > 1:
            return chars if not self.raw else chars.lower()
        how = "plain" if self.letters == "joined" else self.letters
        if how == "as_in" and len(chars) > 2 and rng.random() < 0.5:
            how = "plain"  # nobody says "as in" for every letter of a bank code
        words = [say.letter(c, how, rng) for c in chars]
        return (" " if self.raw or how != "as_in" else ", ").join(words)

    def group(self, g: str) -> str:
        runs, at = [], 0
        while at < len(g):
            end = at
            while end < len(g) and g[end].isdigit() == g[at].isdigit():
                end += 1
            runs.append(self.run(g[at:end]))
            at = end
        return " ".join(runs)

    def join(self, groups: list[str]) -> str:
        out = self.group(groups[0])
        for g in groups[1:]:
            if self.rng.random() < self.filler:
                out += rng_filler(self.rng, self.raw)
            else:
                out += self.sep
            out += self.group(g)
        return out


def rng_filler(rng: random.Random, raw: bool) -> str:
    return rng.choice(say.FILLERS_RAW if raw else say.FILLERS_SMART)


def fours(number: str) -> list[str]:
    return [number[i : i + 4] for i in range(0, len(number), 4)]


def printed(number: str) -> str:
    return " ".join(fours(number))


ASK_IBAN = [
    "Could you give me the IBAN for the refund?",
    "What's the IBAN of the account you'd like it paid into?",
    "I'll need the IBAN for the direct debit.",
    "The IBAN should be under account details in your app. Can you read it to me?",
    "And the IBAN for the transfer?",
    "Where should we send the deposit back to? I'll need an IBAN.",
    "To set up the payout I need your IBAN, please.",
]
GIVE_IBAN = [
    ("Okay, it's ", "."),
    ("Sure, IBAN is ", "."),
    ("Right, I've got the app open... ", "."),
    ("", "."),
    ("So, ", ", that's the current account."),
    ("It should be ", ", it's my {c} account."),
    ("Yeah, ", ". That's in my name."),
]
COUNTRY_NAMES = {
    "GB": "UK", "DE": "German", "FR": "French", "ES": "Spanish", "NL": "Dutch", "IT": "Italian",
    "IE": "Irish", "AT": "Austrian", "AD": "Andorran", "BR": "Brazilian", "CR": "Costa Rican",
    "GE": "Georgian", "GI": "Gibraltar", "IL": "Israeli", "IS": "Icelandic", "KW": "Kuwaiti",
    "LI": "Liechtenstein", "MC": "Monaco", "MD": "Moldovan", "ME": "Montenegrin",
    "PK": "Pakistani", "RS": "Serbian", "SM": "San Marino", "TN": "Tunisian",
    "UA": "Ukrainian", "XK": "Kosovo", "PS": "Palestinian", "MK": "Macedonian",
    "SA": "Saudi", "QA": "Qatari", "JO": "Jordanian", "AZ": "Azerbaijani", "LT": "Lithuanian",
    "HR": "Croatian", "SK": "Slovak", "PL": "Polish", "RO": "Romanian", "PT": "Portuguese",
    "CH": "Swiss", "TR": "Turkish", "AE": "Emirati",
}  # fmt: skip
THANKS = ["Thank you.", "Got it, thanks.", "Perfect.", "Great, I've noted that down."]
CONFIRM = ["Yes.", "That's right.", "Yep, that's it.", "Correct."]


def iban_start(rng: random.Random, row: Row, raw: bool | None = None) -> tuple[str, Reader]:
    c = country(rng)
    number = draw_iban(rng, c)
    reader = Reader(rng, raw)
    row.tags |= reader.tags() | {f"iban.country.{c}"}
    return number, reader


def extra_bank(rng: random.Random, row: Row, number: str) -> None:
    """A look-alike next to an IBAN: the BIC, a sort code, an amount or a reference."""
    pick = rng.randrange(4)
    turns: list[neg.Turn]
    if pick == 0 and number[:2] in BICS:
        bank = number[4:8] if number[4:8].isalpha() else "COBA"
        turns = [("user", ["And the BIC is ", Benign("bic", bank + BICS[number[:2]]), "."], True)]
    elif pick == 1:
        code = f"{rng.randint(10, 99)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}"
        turns = [("user", ["Sort code's ", Benign("sort_code", code), " if you need it."], True)]
    elif pick == 2:
        amount = f"€{rng.randint(100, 9999)},{rng.randint(0, 99):02d}"
        turns = [
            ("user", ["When will I see the money?"], True),
            (
                "assistant",
                ["The refund of ", Benign("amount", amount), " goes out in 3 days."],
                True,
            ),
        ]
    else:
        ref = f"{say.digits(rng, 4)} {say.digits(rng, 4, '0123456789')}"
        turns = [
            ("user", ["Do I need to put anything on the transfer?"], True),
            ("assistant", ["Yes, use reference ", Benign("reference", ref), "."], True),
        ]
    neg.play(row, turns, rng)


def iban_said(rng: random.Random) -> Row:
    row = Row("d8.iban.said")
    number, reader = iban_start(rng, row)
    row.say("assistant", rng.choice(ASK_IBAN))
    before, after = rng.choice(GIVE_IBAN)
    after = after.format(c=COUNTRY_NAMES[number[:2]])
    row.say("user", before, Pii("iban", reader.join(fours(number))), after, smart=not reader.raw)
    if maybe(rng, 0.35):
        row.tags.add("iban.readback")
        back = printed(number) if maybe(rng, 0.6) else Reader(rng, raw=False).join(fours(number))
        row.say("assistant", "Let me check: ", Pii("iban", back), ", is that right?")
        row.say("user", rng.choice(CONFIRM))
    else:
        row.say("assistant", rng.choice(THANKS))
    if maybe(rng, 0.35):
        extra_bank(rng, row, number)
    return row


def iban_turns(rng: random.Random) -> Row:
    row = Row("d8.iban.turns")
    number, reader = iban_start(rng, row)
    groups = fours(number)
    parts = 3 if len(groups) >= 6 and maybe(rng, 0.45) else 2
    row.tags.add(f"iban.turns.{parts}")
    at = sorted(rng.sample(range(1, len(groups)), parts - 1))
    bounds = [0, *at, len(groups)]
    row.say("assistant", rng.choice(ASK_IBAN))
    for i in range(parts):
        text = reader.join(groups[bounds[i] : bounds[i + 1]])
        if i == 0:
            before, after = rng.choice([("It's ", "..."), ("Okay so ", ","), ("", ", um")])
            before, after = rng.choice([(before, after), ("Starts ", ", then")])
        else:
            if reader.raw:
                row.say("assistant", rng.choice(say.RAW_NUDGES), smart=False)
            else:
                row.say("assistant", rng.choice(say.NUDGES))
            before, after = rng.choice([("", "."), ("Then ", "."), ("And ", "."), ("Uh ", ",")])
            if i == parts - 1:
                before, after = rng.choice([(before, after), ("And last ", ". That's it.")])
        row.say("user", before, Pii("iban", text, split=True), after, smart=not reader.raw)
    if maybe(rng, 0.3):
        row.tags.add("iban.readback")
        row.say("assistant", "So the full IBAN is ", Pii("iban", printed(number)), "?")
        row.say("user", rng.choice(CONFIRM))
    else:
        row.say("assistant", rng.choice(THANKS))
    return row


def iban_typed(rng: random.Random) -> Row:
    row = Row("d8.iban.typed")
    row.tags.add("typed")
    c = country(rng)
    number = draw_iban(rng, c)
    row.tags.add(f"iban.country.{c}")
    how = rng.choice(["spaced", "spaced", "compact", "lower", "lower", "lower_spaced"])
    how = rng.choice([how, how, "dashes", "nbsp", "zwsp"])
    text = {
        "spaced": printed(number),
        "compact": number,
        "lower": number.lower(),
        "lower_spaced": printed(number).lower(),
        "dashes": "-".join(fours(number)),
        "nbsp": "\u00a0".join(fours(number)),
        "zwsp": "\u200b".join(fours(number)),
    }[how]
    row.tags.add(f"iban.typed.{how}")
    if how in ("nbsp", "zwsp"):
        row.tags.add("unicode.sep")
    row.say("assistant", rng.choice(ASK_IBAN))
    before, after = rng.choice(
        [("", ""), ("IBAN: ", ""), ("iban ", " thx"), ("Here: ", " (joint account)")]
        + [("my iban is ", ""), ("", " - name on it is R Okafor"), ("Pay it to ", " please")]
    )
    row.say("user", before, Pii("iban", text), after)
    row.say("assistant", rng.choice(THANKS))
    if maybe(rng, 0.3):
        extra_bank(rng, row, number)
    return row


def iban_fix(rng: random.Random) -> Row:
    row = Row("d8.iban.fix")
    number, reader = iban_start(rng, row)
    groups = fours(number)
    row.say("assistant", rng.choice(ASK_IBAN))
    if maybe(rng, 0.55):  # a group misread and said again at once
        row.tags.add("iban.correction.inline")
        k = rng.randrange(2, len(groups) - 1)
        g = groups[k]
        digit_at = [i for i, ch in enumerate(g) if ch.isdigit()]
        if not digit_at:
            raise Retry("no digit")
        i = rng.choice(digit_at)
        wrong = g[:i] + rng.choice([d for d in "0123456789" if d != g[i]]) + g[i + 1 :]
        fixes = [", no, sorry, ", ", wait, ", "... no, ", ", sorry, that's "]
        fixes_raw = [" no sorry ", " wait ", " sorry i mean "]
        text = reader.join(groups[:k]) + reader.sep + reader.group(wrong)
        text += rng.choice(fixes_raw if reader.raw else fixes) + reader.join(groups[k:])
        row.say("user", "Okay, ", Pii("iban", text), ".", smart=not reader.raw)
        row.say("assistant", rng.choice(THANKS))
        return row
    row.tags.add("iban.correction.repeat")  # a digit slipped: the check fails, said again
    k = rng.randrange(1, len(groups) - 1)
    g = groups[k]
    swapped = "".join(reversed(g[-2:]))
    if g[-2:] == swapped or not swapped.isdigit():
        raise Retry("same")
    bad = [*groups[:k], g[:-2] + swapped, *groups[k + 1 :]]
    row.say("user", "It's ", Pii("iban", reader.join(bad)), ".", smart=not reader.raw)
    row.say(
        "assistant",
        rng.choice(
            [
                "Hmm, the system says that IBAN isn't valid. Could you read it once more?",
                "That one doesn't check out, I'm afraid. Can you go through it again slowly?",
            ]
        ),
    )
    row.say(
        "user",
        rng.choice(["Oh, sorry. ", "Hang on. Okay, ", "Let me look again... "]),
        Pii("iban", reader.join(groups)),
        ".",
        smart=not reader.raw,
    )
    row.say("assistant", "That one works, thank you.")
    return row


IBAN_KEYS = ["iban", "payee_iban", "account_iban", "beneficiary_account", "destination", "to"]


def iban_tool(rng: random.Random) -> Row:
    row = Row("d8.iban.tool")
    row.tags.add("tool")
    c = country(rng)
    number = draw_iban(rng, c)
    key = rng.choice(IBAN_KEYS)
    row.tags |= {f"iban.country.{c}", f"iban.json.{key}"}
    text = rng.choice([number, number, printed(number), number.lower()])
    amount = round(rng.uniform(20, 4000), 2)
    obj: dict[str, object] = {}
    if key in ("beneficiary_account", "to"):
        obj["beneficiary"] = {"name": rng.choice(["M. Keller", "Sofia Rossi", "Ivan Petrenko"])}
        obj["beneficiary"] |= {key: Pii("iban", text)}  # type: ignore[operator]
    else:
        obj[key] = Pii("iban", text)
    obj["amount"] = amount
    obj["currency"] = "EUR" if c not in ("GB", "GI") else "GBP"
    if maybe(rng, 0.6):
        obj["payment_ref"] = Benign("json_id", say.digits(rng, rng.choice([9, 10, 12])))
    pieces = say.tool_json(rng, obj)
    if maybe(rng, 0.5):
        row.say("user", "Yes, please send the refund there.")
        row.say("assistant", '{"tool": "issue_refund", "arguments": ', *pieces, "}")
        row.say("tool", '{"status": "queued"}')
    else:
        row.say("tool", *pieces)
        row.say("assistant", "I can see the refund is set up to your account.")
    return row


# ------------------------------------------------------------------ SSNs

ASK_SSN = [
    "For verification, can I get your Social Security number?",
    "What's your social?",
    "I'll need the SSN for the application.",
    "And the social security number of the policy holder?",
    "To run the credit check I need your full social, please.",
    "Could you confirm the full SSN on file for me?",
]
GIVE_SSN = [
    ("My social is ", "."),
    ("Social security number's ", "."),
    ("SSN is ", "."),
    ("It's ", "."),
    ("", "."),
    ("Okay, ", ", that's mine."),
    ("Sure, it's ", ", want me to repeat it?"),
    ("um my social security is ", ""),
]


def ssn_groups(d: str) -> list[str]:
    return [d[:3], d[3:5], d[5:]]


def ssn_said(d: str, rng: random.Random, raw: bool) -> tuple[str, str]:
    """(text, style tag)"""
    style = rng.choice(["324", "324", "run", "numerals", "pairs"] + ([] if raw else ["numerals"]))
    if raw and style == "numerals":
        style = "324"
    zero = rng.choice(["oh", "zero", "oh"])
    g = ssn_groups(d)
    if style == "324":
        s = ", " if not raw else " "
        text = s.join(say.one_by_one(x, rng, zero, 0.3) for x in g)
    elif style == "run":
        text = say.one_by_one(d, rng, zero, 0.2)
    elif style == "pairs":
        s = ", " if not raw else " "
        text = s.join(
            [say.one_by_one(g[0], rng, zero), say.two(g[1], zero), say.in_pairs(g[2], zero)]
        )
    else:
        text = rng.choice(["-".join(g), " ".join(g), d])
    return text, f"ssn.style.{style}"


def ssn_row(name: str, rng: random.Random) -> tuple[Row, str, bool]:
    row = Row(name)
    d = draw_ssn(rng)
    raw = maybe(rng, 0.35)
    if maybe(rng, 0.2):  # the last four first, as a look-alike
        row.say("assistant", "Can you confirm the last four of your social first?")
        last = d[5:] if maybe(rng, 0.5) else say.one_by_one(d[5:], rng)
        row.say("user", "", Benign("ssn_last_four", last), ".")
        row.say("assistant", "Thanks. For this form I actually need the full number.")
    else:
        row.say("assistant", rng.choice(ASK_SSN))
    return row, d, raw


def ssn_plain(rng: random.Random) -> Row:
    row, d, raw = ssn_row("d8.ssn.said", rng)
    text, tag = ssn_said(d, rng, raw)
    row.tags.add(tag)
    before, after = rng.choice(GIVE_SSN)
    row.say("user", before, Pii("ssn", text), after, smart=not raw)
    pick = rng.randrange(3)
    if pick == 0:
        row.tags.add("ssn.readback")
        row.say("assistant", "That's ", Pii("ssn", "-".join(ssn_groups(d))), ", correct?")
        row.say("user", rng.choice(CONFIRM))
    elif pick == 1:
        end = say.one_by_one(d[5:], rng) if maybe(rng, 0.5) else d[5:]
        row.say(
            "assistant", "Thank you, I have a social ending in ", Benign("ssn_last_four", end), "."
        )
    else:
        row.say("assistant", rng.choice(THANKS))
    if maybe(rng, 0.25):
        neg.play(row, neg.lookalike(rng), rng)
    return row


def ssn_turns(rng: random.Random) -> Row:
    row, d, raw = ssn_row("d8.ssn.turns", rng)
    zero = rng.choice(["oh", "zero"])
    g = ssn_groups(d)
    numerals = not raw and maybe(rng, 0.3)
    said = [x if numerals else say.one_by_one(x, rng, zero) for x in g]
    if maybe(rng, 0.35):
        parts = said
    else:
        s = " " if raw else rng.choice([", ", " ", "-" if numerals else ", "])
        parts = [said[0], s.join(said[1:])] if maybe(rng, 0.5) else [s.join(said[:2]), said[2]]
    row.tags.add(f"ssn.turns.{len(parts)}")
    for i, text in enumerate(parts):
        if i:
            if raw:
                row.say("assistant", rng.choice(say.RAW_NUDGES), smart=False)
            else:
                row.say("assistant", rng.choice(say.NUDGES))
        if i == 0:
            before = rng.choice(["It's ", "Okay, ", "My social's ", ""])
        else:
            before = rng.choice(["", "then ", "and ", "uh "])
        row.say(
            "user",
            before,
            Pii("ssn", text, split=True),
            rng.choice([".", "...", ","]),
            smart=not raw,
        )
    row.say("assistant", rng.choice(THANKS))
    return row


SSN_KEYS = ["ssn", "social_security_number", "applicant_ssn", "primary_ssn", "ssn_full"]


def ssn_tool(rng: random.Random) -> Row:
    row = Row("d8.ssn.tool")
    row.tags.add("tool")
    d = draw_ssn(rng)
    key = rng.choice(SSN_KEYS)
    row.tags.add(f"ssn.json.{key}")
    text = rng.choice(["-".join(ssn_groups(d)), d, " ".join(ssn_groups(d))])
    person: dict[str, object] = {"first_name": rng.choice(["Dana", "Luis", "Kim", "Tariq"])}
    person["dob"] = Benign(
        "date", f"19{rng.randint(50, 99)}-{rng.randint(1, 12):02d}-1{rng.randint(0, 9)}"
    )
    person[key] = Pii("ssn", text)
    obj: dict[str, object] = {"applicant": person} if maybe(rng, 0.5) else person
    if maybe(rng, 0.4):
        obj["employer_ein"] = Benign(
            "ein", f"{rng.randint(10, 98)}-{say.digits(rng, 7, '0123456789')}"
        )
    if maybe(rng, 0.4):
        obj["routing_number"] = Benign("routing", say.routing(rng))
    if maybe(rng, 0.4):
        obj["member_id"] = neg.json_id(rng)
    pieces = say.tool_json(rng, obj)
    if maybe(rng, 0.5):
        row.say("assistant", '{"tool": "submit_application", "arguments": ', *pieces, "}")
        row.say("tool", '{"accepted": true}')
    else:
        row.say("tool", *pieces)
        row.say("assistant", "I've pulled up your application.")
    return row


def ssn_fix(rng: random.Random) -> Row:
    row, d, raw = ssn_row("d8.ssn.fix", rng)
    zero = rng.choice(["oh", "zero"])
    g = ssn_groups(d)
    s = " " if raw else ", "
    if maybe(rng, 0.5):
        row.tags.add("ssn.correction.inline")
        wrong = g[1][0] + rng.choice([x for x in "0123456789" if x != g[1][1]])
        fix_word = rng.choice(
            [" no sorry ", " wait ", " i mean "] if raw else [", no, ", ", sorry, "]
        )
        text = s.join([say.one_by_one(g[0], rng, zero), say.one_by_one(wrong, rng, zero)])
        text += fix_word + s.join(say.one_by_one(x, rng, zero) for x in g[1:])
        row.say("user", "It's ", Pii("ssn", text), ".", smart=not raw)
    else:
        row.tags.add("ssn.correction.restart")
        false = say.one_by_one(g[0][:2], rng, zero)
        text = s.join(say.one_by_one(x, rng, zero) for x in g)
        restarts = [
            f"{false}... sorry, that's my husband's. Mine is ",
            f"{false}... hang on, I'm reading the wrong card. Okay, ",
            f"It's {false}, no, let me start over. ",
        ]
        row.say(
            "user",
            rng.choice(restarts) if not raw else f"{false} no wait mine is ",
            Pii("ssn", text),
            ".",
            smart=not raw,
        )
    row.say("assistant", rng.choice(THANKS))
    return row


FAMILIES: dict[str, tuple[Callable[[random.Random], Row], float]] = {
    "d8.iban.said": (iban_said, 7.0),
    "d8.iban.turns": (iban_turns, 5.0),
    "d8.iban.typed": (iban_typed, 4.0),
    "d8.iban.fix": (iban_fix, 3.0),
    "d8.iban.tool": (iban_tool, 3.5),
    "d8.ssn.said": (ssn_plain, 4.0),
    "d8.ssn.turns": (ssn_turns, 2.5),
    "d8.ssn.tool": (ssn_tool, 2.0),
    "d8.ssn.fix": (ssn_fix, 1.5),
}
