"""dev6's phone, IBAN, SSN and card families (benchmarks/pii_corpus.py, part `dev6`).

Phones from 24 regions, said the way people of each read their own number (groups with pauses,
"double"/"triple", "oh", pairs, "plus"/"double oh" before the country code, the trunk zero kept
or dropped), written as the agent or a form writes them, over two turns, in tool JSON. IBANs
from 24 countries: letters plain, NATO or "n for nancy", digits one by one, in pairs or as
written, grouped or run together, lower case, over two turns, read back, in tool JSON. SSNs
after "social", "social security", "SSN", "ss number": digits, words, groups said as numbers
("one twenty three"), over two or three turns, in tool JSON. A "last four" said alone is no SSN
here (labelled `Benign` class `ssn_last_four`): four digits that cannot identify anyone on
their own and are the printed, truncated form of the number. (Cards: pii_dev6_neg.py.)
"""

from __future__ import annotations

import random

import phonenumbers
from pii_rows import Benign, Pii, Retry, Row, maybe
from pii_speech import WORDS, group, pairs, phone_groups, words
from stdnum import iban as _iban

REGIONS = (
    "US CA GB IE AU NZ IN ZA NG KE DE FR ES IT NL BE SE DK PL BR MX JP PH PK GH JM SG AE"
).split()
# more IBAN layouts than pii_speech's, by each country's published example
LAYOUTS = {
    "GB": "GB00NWBK60161331926819",
    "DE": "DE00500105175407324931",
    "FR": "FR0030006000011234567890189",
    "ES": "ES0000491500051234567892",
    "NL": "NL00RABO0123456789",
    "IT": "IT00X0300203280000400162854",
    "BE": "BE00539007547034",
    "IE": "IE00BOFI90001712345678",
    "NO": "NO0086011117947",
    "DK": "DK0000400440116243",
    "FI": "FI0012345600000785",
    "SE": "SE0050000000058398257466",
    "LU": "LU000019400644750000",
    "HR": "HR0010010051863000160",
    "CZ": "CZ0008000000192000145399",
    "HU": "HU00117730161111101800000000",
    "RO": "RO00AAAA1B31007593840000",
    "GR": "GR0001101250000000012300695",
    "LT": "LT001000011101001000",
    "EE": "EE002200221020145685",
    "AE": "AE000331234567890123456",
    "SA": "SA0080000000608010167519",
    "TR": "TR000006100519786457841326",
    "MT": "MT00MALT011000012345MTLCAST001S",
}
NATO = (
    "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november "
    "oscar papa quebec romeo sierra tango uniform victor whiskey x-ray yankee zulu"
).split()
FOR = (
    "apple bravo charlie david edward freddie george harry india jack king lima mother nancy "
    "oscar peter queen robert sugar tommy uncle victor william x-ray yellow zebra"
).split()
# each country's bank identifier (a bank's, no person's: a look-alike said with the IBAN)
_BICS = (
    "AE EBILAEAD BE GEBABEBB CZ KOMBCZPP DE COBADEFF DK DABADKKK EE HABAEE2X ES CAIXESBB "
    "FI NDEAFIHH FR BNPAFRPP GB NWBKGB2L GR ETHNGRAA HR ZABAHR2X HU OTPVHUHB IE BOFIIE2D "
    "IT BCITITMM LT CBVILT2X LU BCEELULL MT VALLMTMT NL RABONL2U NO DNBANOKK RO RNCBROBU "
    "SA NCBKSAJE SE ESSESESS TR TCZBTR2A"
).split()
BIC = dict(zip(_BICS[::2], _BICS[1::2], strict=True))
SSN_WORDS = ["social", "social security number", "SSN", "social security", "ss number"]


def phone(rng: random.Random, region: str, mobile: bool) -> phonenumbers.PhoneNumber:
    """A valid number of `region`: its example number's leading digits (the mobile or area
    prefix, at most four), the rest random (more of it than pii_speech.phone's, whose numbers
    the other parts use)."""
    kind = (
        phonenumbers.PhoneNumberType.MOBILE if mobile else phonenumbers.PhoneNumberType.FIXED_LINE
    )
    example = phonenumbers.example_number_for_type(region, kind)
    assert example is not None, region
    national = str(example.national_number)
    keep = min(4, max(2, len(national) - 7))
    for _ in range(500):
        tail = "".join(rng.choice("0123456789") for _ in range(len(national) - keep))
        number = phonenumbers.parse(f"+{example.country_code}{national[:keep]}{tail}")
        if phonenumbers.is_valid_number(number) and "555" not in tail[:4]:
            return number
    raise Retry(region)


def iban(rng: random.Random, country: str) -> str:
    layout = LAYOUTS[country]
    for _ in range(3000):
        bban = "".join(rng.choice("0123456789") if c.isdigit() else c for c in layout[4:])
        number = country + _iban.calc_check_digits(country + "00" + bban) + bban
        if _iban.is_valid(number):
            return number
    raise Retry(country)


def letter(c: str, style: str, rng: random.Random) -> str:
    i = ord(c.lower()) - 97
    if style == "nato":
        return NATO[i]
    if style == "for" and maybe(rng, 0.7):
        return f"{c.lower()} {rng.choice(['for', 'as in'])} {FOR[i]}"
    return c.lower()


def say_digits(digits: str, style: str, rng: random.Random) -> str:
    if style == "pairs" and len(digits) > 1:
        return pairs(digits)
    if style == "written":
        return digits
    return words(digits, rng, oh=0.6, double=0.3)


def say_iban(number: str, rng: random.Random, tags: set[str]) -> str:
    """An IBAN read aloud: its letters and digit runs, grouped in fours or in runs."""
    letters = rng.choice(["plain", "plain", "nato", "for"])
    digits = rng.choice(["words", "words", "pairs", "written"])
    grouped = maybe(rng, 0.5)
    tags |= {f"iban.letters.{letters}", f"iban.digits.{digits}"}
    tags.add("iban.groups.four" if grouped else "iban.groups.runs")
    chunks = group(number, [4] * 9) if grouped else [number[:2], number[2:4], number[4:]]
    chunks = [c for c in chunks if c]
    out = []
    for chunk in chunks:
        run, said = "", []
        for c in chunk + " ":
            if c.isdigit():
                run += c
                continue
            if run:
                said.append(say_digits(run, digits, rng))
                run = ""
            if c.isalpha():
                said.append(letter(c, letters, rng))
        out.append(" ".join(said))
    return (", " if maybe(rng, 0.5) else " ").join(out)


def write_iban(number: str, rng: random.Random, tags: set[str]) -> str:
    style = rng.choice(["grouped", "grouped", "plain", "lower", "dashes"])
    tags.add(f"iban.written.{style}")
    if style == "plain":
        return number
    if style == "lower":
        return " ".join(group(number.lower(), [4] * 9))
    return ("-" if style == "dashes" else " ").join(group(number, [4] * 9))


ASK_IBAN = [
    "Which IBAN should the refund go to?",
    "Can you read me the IBAN from your banking app?",
    "And the account's IBAN, when you're ready.",
    "I'll need the IBAN of the receiving account.",
]


def iban_said(rng: random.Random) -> Row:
    row = Row("d6_iban_said", {"iban", "voice"})
    country = rng.choice(sorted(LAYOUTS))
    row.tags.add(f"iban.country.{country}")
    number = iban(rng, country)
    row.say("assistant", rng.choice(ASK_IBAN))
    lead = rng.choice(["ok it's ", "yeah so ", "it starts ", "right ", ""])
    row.say("user", lead, Pii("iban", say_iban(number, rng, row.tags)), smart=maybe(rng, 0.4))
    if maybe(rng, 0.35):
        bic = BIC[country]
        said = (
            bic
            if maybe(rng, 0.5)
            else " ".join(letter(c, "plain", rng) if c.isalpha() else WORDS[int(c)] for c in bic)
        )
        row.say("user", "and the bic is ", Benign("bic", said), smart=False)
    if maybe(rng, 0.35):
        row.tags.add("iban.readback")
        row.say("assistant", "Let me repeat that: ", Pii("iban", write_iban(number, rng, row.tags)))
    return row


def iban_two_turns(rng: random.Random) -> Row:
    row = Row("d6_iban_two_turns", {"iban", "voice", "split"})
    country = rng.choice(sorted(LAYOUTS))
    row.tags.add(f"iban.country.{country}")
    number = iban(rng, country)
    cut = rng.choice([4, 8, 12]) if len(number) > 16 else 8
    row.say("assistant", rng.choice(ASK_IBAN))
    row.say("user", Pii("iban", say_iban(number[:cut], rng, row.tags), split=True), smart=False)
    row.say("assistant", rng.choice(["Yes, go on.", "Okay.", "Mhm, and then?"]))
    row.say(
        "user", "then ", Pii("iban", say_iban(number[cut:], rng, row.tags), split=True), smart=False
    )
    return row


def iban_typed(rng: random.Random) -> Row:
    """Typed in chat or sent in a tool call."""
    row = Row("d6_iban_typed", {"iban"})
    country = rng.choice(sorted(LAYOUTS))
    row.tags.add(f"iban.country.{country}")
    number = iban(rng, country)
    text = write_iban(number, rng, row.tags)
    if maybe(rng, 0.5):
        row.tags.add("typed")
        row.say("user", rng.choice(["my iban: ", "IBAN is ", "here u go ", ""]), Pii("iban", text))
    else:
        row.tags.add("tool")
        row.say(
            "tool", 'issue_refund({"iban": "', Pii("iban", text), '", "amount": 42.5}) -> queued'
        )
    return row


def phone_said(rng: random.Random) -> Row:
    row = Row("d6_phone_said", {"phone", "voice"})
    region = rng.choice(REGIONS)
    number = phone(rng, region, mobile=maybe(rng, 0.7))
    intl = maybe(rng, 0.35)
    groups = phone_groups(number, national=not intl)
    row.tags |= {f"phone.region.{region}", "phone.intl" if intl else "phone.national"}
    style = rng.choice(["words", "words", "pairs", "written", "mixed"])
    row.tags.add(f"phone.said.{style}")
    said = []
    for g in groups:
        s = "pairs" if style == "mixed" and len(g) in (2, 4) else style
        said.append(say_digits(g, "words" if s == "mixed" else s, rng))
    text = (", " if maybe(rng, 0.4) and style != "written" else " ").join(said)
    if "double" in text:
        row.tags.add("phone.double")
    if intl:
        code = str(number.country_code)
        if style == "written":
            text = f"+{code} {text}"
        else:
            text = f"{rng.choice(['plus', 'double oh', 'oh oh'])} {words(code, rng)} {text}"
    hint = rng.choice(["my mobile is ", "call me back on ", "the number's ", "cell is ", ""])
    row.tags.add("phone.no_hint" if not hint else "phone.hint")
    row.say(
        "assistant",
        rng.choice(["What's a good number for you?", "And a number we can ring you back on?"]),
    )
    row.say("user", hint, Pii("phone", text), smart=False)
    if maybe(rng, 0.2):
        row.tags.add("phone.extension")
        row.say("user", "extension ", Benign("extension", words(str(rng.randint(10, 999)), rng)))
    return row


def phone_written(rng: random.Random) -> Row:
    """As the agent reads it back, a customer types it, or a tool holds it."""
    import phonenumbers as pn

    row = Row("d6_phone_written", {"phone"})
    region = rng.choice(REGIONS)
    number = phone(rng, region, mobile=maybe(rng, 0.6))
    fmt = rng.choice(["E164", "INTERNATIONAL", "NATIONAL", "dots"])
    row.tags |= {f"phone.region.{region}", f"phone.written.{fmt.lower()}"}
    if fmt == "dots" and region in ("US", "CA", "JM"):
        text = ".".join(phone_groups(number, national=True))
    else:
        text = pn.format_number(
            number, getattr(pn.PhoneNumberFormat, fmt.replace("dots", "NATIONAL"))
        )
    where = rng.choice(["agent", "typed", "tool"])
    row.tags.add(where)
    if where == "agent":
        row.say("assistant", "I've got your number as ", Pii("phone", text), ", is that right?")
    elif where == "typed":
        row.say("user", rng.choice(["text me on ", "Number: ", "its "]), Pii("phone", text))
    else:
        row.say("tool", 'lookup_caller({"phone": "', Pii("phone", text), '"}) -> {"found": false}')
    return row


def phone_two_turns(rng: random.Random) -> Row:
    row = Row("d6_phone_two_turns", {"phone", "voice", "split"})
    region = rng.choice(REGIONS)
    number = phone(rng, region, mobile=True)
    digits = "".join(phone_groups(number, national=True))
    cut = rng.randint(3, len(digits) - 4)
    row.tags.add(f"phone.region.{region}")
    row.say("assistant", "Sure, what number should I text?")
    row.say("user", Pii("phone", words(digits[:cut], rng, double=0.3), split=True), smart=False)
    row.say("assistant", rng.choice(["Mhm.", "Okay...", "Got that much."]))
    row.say("user", Pii("phone", words(digits[cut:], rng, double=0.3), split=True), smart=False)
    return row


def say_ssn(number: str, rng: random.Random, tags: set[str]) -> str:
    style = rng.choice(["dashes", "spaces", "plain", "words", "words", "groups_as_numbers"])
    tags.add(f"ssn.said.{style}")
    a, b, c = number[:3], number[3:5], number[5:]
    if style == "dashes":
        return f"{a}-{b}-{c}"
    if style == "spaces":
        return f"{a} {b} {c}"
    if style == "plain":
        return number
    sep = rng.choice([", ", " ", " dash "])
    if style == "words":
        return sep.join(words(g, rng, oh=0.5, double=0.25) for g in (a, b, c))
    return sep.join(pairs(g) for g in (a, b, c))


def ssn_said(rng: random.Random) -> Row:
    row = Row("d6_ssn_said", {"ssn", "voice"})
    number = _ssn(rng)
    word = rng.choice(SSN_WORDS)
    row.tags.add(f"ssn.word.{word.replace(' ', '_').lower()}")
    row.say("assistant", f"To verify, may I have your {word}?")
    row.say(
        "user",
        rng.choice(["sure ", "it's ", "okay ", ""]),
        Pii("ssn", say_ssn(number, rng, row.tags)),
        smart=False,
    )
    if maybe(rng, 0.4):
        row.say(
            "assistant", "Thanks, that's the one ending ", Benign("ssn_last_four", number[5:]), "."
        )
    return row


def ssn_turns(rng: random.Random) -> Row:
    """Three, two and four digits over two or three turns."""
    row = Row("d6_ssn_turns", {"ssn", "voice", "split"})
    number = _ssn(rng)
    row.say("assistant", f"And your {rng.choice(SSN_WORDS)}?")
    parts = [number[:3], number[3:5], number[5:]]
    if maybe(rng, 0.5):
        parts = [number[:5], number[5:]]
        row.tags.add("ssn.turns.two")
    else:
        row.tags.add("ssn.turns.three")
    style = rng.choice(["words", "written", "pairs"])
    row.tags.add(f"ssn.said.{style}")
    for i, part in enumerate(parts):
        if i:
            row.say("assistant", rng.choice(["Yes.", "Okay.", "Mm-hm."]))
        row.say("user", Pii("ssn", say_digits(part, style, rng), split=True), smart=False)
    return row


def ssn_tool(rng: random.Random) -> Row:
    row = Row("d6_ssn_tool", {"ssn", "tool"})
    number = _ssn(rng)
    key = rng.choice(["ssn", "social_security_number", "ssnLast9", "taxpayer_ssn"])
    text = rng.choice([number, f"{number[:3]}-{number[3:5]}-{number[5:]}"])
    row.tags.add(f"ssn.tool.{key}")
    row.say("tool", f'verify_identity({{"{key}": "', Pii("ssn", text), '"}) -> {"verified": true}')
    return row


def ssn_last_four(rng: random.Random) -> Row:
    """Only the last four: a hard negative here (see the module docstring)."""
    row = Row("d6_ssn_last_four", {"ssn.last_four"})
    four = _ssn(rng)[5:]
    row.say(
        "assistant",
        rng.choice(
            [
                "Can you confirm the last four of your social?",
                "What are the last 4 digits of your SSN?",
            ]
        ),
    )
    said = rng.choice([four, words(four, rng), pairs(four)])
    row.say(
        "user",
        rng.choice(["it's ", "last four are ", ""]),
        Benign("ssn_last_four", said),
        smart=False,
    )
    return row


def _ssn(rng: random.Random) -> str:
    area = rng.choice([a for a in range(1, 900) if a != 666])
    return f"{area:03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"


FAMILIES = {
    "d6_iban_said": (iban_said, 10),
    "d6_iban_two_turns": (iban_two_turns, 3),
    "d6_iban_typed": (iban_typed, 4),
    "d6_phone_said": (phone_said, 11),
    "d6_phone_written": (phone_written, 7),
    "d6_phone_two_turns": (phone_two_turns, 3),
    "d6_ssn_said": (ssn_said, 12),
    "d6_ssn_turns": (ssn_turns, 4),
    "d6_ssn_tool": (ssn_tool, 4),
    "d6_ssn_last_four": (ssn_last_four, 3),
}
