"""heldout5's spoken cards, phone numbers and SSNs (benchmarks/pii_heldout5.py).

Written for the fifth held-out part by someone who had read neither the redaction rules nor
any other part. Rule writers must never read this file (docs/redaction.md, "Evaluation").
"""

from __future__ import annotations

import random

import phonenumbers
from pii_heldout5_say import (
    FOREIGN,
    NETWORK_NAMES,
    NUDGES,
    REGIONS,
    THANKS,
    aside,
    card,
    card_groups_uneven,
    chance,
    domain,
    formatted,
    groups_of,
    low,
    make_ssn,
    one_by_one,
    phone,
    pick,
    say_groups,
    say_phone,
    say_ssn,
    say_us,
    us_phone,
)
from pii_rows import Benign, Pii, Row

CHARGES = {
    "bank": "the replacement card fee",
    "insurance": "the first month's premium",
    "telco": "the overdue balance",
    "clinic": "today's copay",
    "pharmacy": "the prescription",
    "airline": "the change fee",
    "hotel": "the deposit for the room",
    "utility": "this month's bill",
    "car_rental": "the security hold",
    "returns": "the price difference on the exchange",
    "gov": "the permit fee",
    "tax": "the filing fee",
    "gig": "the equipment deposit",
    "subscription": "the annual plan",
    "collections": "today's payment",
    "realestate": "the application fee",
    "vet": "the invoice",
    "moving": "the booking deposit",
}
CARD_ASKS = [
    "Okay, I can take {what} now. What's the long number on the card?",
    "Sure. Which card are we putting {what} on? Go ahead with the number when you're ready.",
    "No problem. So for {what}, can you read me the card number, please?",
    "Alright, that's {what}. I'll need the full card number.",
    "I can process {what} over the phone. Card number, please?",
]
CARD_LEADS = [
    "Yeah, it's ",
    "Okay, so it's ",
    "Sure, ",
    "It's a {net}, ",
    "Right, the {net} one. ",
    "Got my wallet here... ",
    "Okay. ",
    "",
    "Um, the number is ",
    "Let me grab it. Okay, ",
]
CARD_TAILS = [
    "",
    "",
    ".",
    ". Did you get all that?",
    ", that's it.",
    ". Expires {exp}.",
    ". Expiry {exp}, and the code on the back is {cvv}.",
    ". That's the one in my name.",
]
CALLBACK_ASKS = [
    "And what's a good number to call you back on if we get cut off?",
    "Can I grab a contact number for the file?",
    "What number should the {who} ring you on?",
    "Is there a phone number where we can reach you?",
    "Best number for text updates?",
    "Could you give me a mobile number for the booking?",
]
WHO = ["adjuster", "technician", "driver", "pharmacist", "nurse", "courier", "specialist"]
PHONE_LEADS = [
    "Yeah, it's ",
    "Sure, my cell is ",
    "The best one is ",
    "You can get me on ",
    "Okay, so ",
    "It's my mobile, ",
    "",
    "Um, ",
    "My number over here is ",
    "Write this down, ",
]


def _card_said(
    rng: random.Random,
    raw: bool,
    *,
    style: str = "",
    uneven: bool = False,
    gaps: float = 0.0,
    slip: float = 0.0,
    net: str = "",
) -> tuple[str, str, str, set[str]]:
    net, digits, groups = card(rng, net)
    if uneven:
        groups = card_groups_uneven(digits, rng)
    style = style or pick(rng, ["num", "num", "words", "words", "pairs", "mix"])
    said = low(say_groups(groups, rng, style, raw, gaps=gaps, slip=slip), raw)
    tags = {f"card.net.{net}", f"card.style.{style}", "voice", "asr.raw" if raw else "asr.clean"}
    if uneven:
        tags.add("card.uneven")
    if gaps:
        tags.add("card.gaps")
    if slip:
        tags.add("card.homophone")
    return net, digits, said, tags


def _expiry(rng: random.Random, raw: bool) -> tuple[str, str]:
    month, year = rng.randint(1, 12), rng.randint(26, 31)
    exp = pick(rng, [f"{month:02d}/{year}", f"{month:02d} {year}", f"oh {month} twenty {year}"])
    if month >= 10 and exp.startswith("oh"):
        exp = f"{month} twenty {year}"
    cvv = pick(
        rng, [f"{rng.randint(100, 999)}", " ".join(str(rng.randint(0, 9)) for _ in range(3))]
    )
    return low(exp, raw), cvv


def _card_turn(row: Row, rng: random.Random, said: str, net: str, raw: bool, split: bool = False):
    lead = pick(rng, CARD_LEADS).format(net=pick(rng, NETWORK_NAMES[net]))
    tail = pick(rng, CARD_TAILS)
    parts: list = [lead, Pii("card", said, split)]
    if "{exp}" in tail:
        exp, cvv = _expiry(rng, raw)
        head, _, rest = tail.partition("{exp}")
        parts += [head, Benign("expiry", exp)]
        if "{cvv}" in rest:
            mid, _, end = rest.partition("{cvv}")
            parts += [mid, Benign("cvv", cvv), end]
        else:
            parts.append(rest)
    else:
        parts.append(tail)
    row.say("user", *parts, smart=not raw)


def card_read(rng: random.Random) -> Row:
    """A caller reads the card in one go, in the rhythm they read it."""
    key, _, opener = domain(rng)
    raw = chance(rng, 0.35)
    net, _, said, tags = _card_said(rng, raw, gaps=0.3 if chance(rng, 0.4) else 0.0)
    row = Row("h5.card.read", tags | {f"domain.{key}"})
    row.say("agent", opener)
    ask = pick(
        rng,
        [
            "I'd like to pay {what}.",
            "I need to settle {what} today.",
            "Can I pay {what} over the phone?",
            "I'm calling to pay {what}, please.",
            "Hi, yes, it's about {what}. I want to pay it now.",
        ],
    )
    row.say("user", ask.format(what=CHARGES[key]), smart=not raw)
    if chance(rng, 0.5):
        row.say("agent", *aside(rng, key, raw), smart=not raw)
    row.say("agent", pick(rng, CARD_ASKS).format(what=CHARGES[key]))
    _card_turn(row, rng, said, net, raw)
    row.say("agent", pick(rng, THANKS))
    return row


def card_homophone(rng: random.Random) -> Row:
    """Digit words that speech-to-text turned into words ('for', 'to', 'ate', 'o')."""
    key, _, opener = domain(rng)
    raw = chance(rng, 0.6)
    net, _, said, tags = _card_said(rng, raw, style="words", slip=0.45)
    row = Row("h5.card.homophone", tags | {f"domain.{key}"})
    row.say("agent", pick(rng, CARD_ASKS).format(what=CHARGES[key]))
    _card_turn(row, rng, said, net, raw)
    if chance(rng, 0.5):
        row.say("agent", pick(rng, THANKS))
    return row


def card_uneven(rng: random.Random) -> Row:
    """Read in threes, twos and fives instead of the printed fours."""
    key, _, _ = domain(rng)
    raw = chance(rng, 0.4)
    net, _, said, tags = _card_said(rng, raw, uneven=True, gaps=0.2)
    row = Row("h5.card.uneven", tags | {f"domain.{key}"})
    row.say("agent", pick(rng, CARD_ASKS).format(what=CHARGES[key]))
    _card_turn(row, rng, said, net, raw)
    return row


def card_fix(rng: random.Random) -> Row:
    """A correction inside the number (one label over the whole stretch), or a restart from
    the top (the full reading is the label)."""
    key, _, _ = domain(rng)
    raw = chance(rng, 0.4)
    net, digits, groups = card(rng)
    style = pick(rng, ["num", "words", "mix"])
    tags = {f"card.net.{net}", f"card.style.{style}", "voice", f"domain.{key}"}
    row = Row("h5.card.fix", tags)
    row.say("agent", pick(rng, CARD_ASKS).format(what=CHARGES[key]))
    if chance(rng, 0.55):
        row.tags.add("card.correction.mid")
        at = rng.randrange(1, max(2, len(groups) - 1))
        wrong = list(groups[at])
        i = rng.randrange(len(wrong))
        wrong[i] = str((int(wrong[i]) + rng.randint(1, 8)) % 10)
        fix = pick(
            rng,
            [
                ", no sorry, ",
                "... wait, no, ",
                ", scratch that, ",
                ", I mean ",
                " - no - ",
                ", sorry, that should be ",
            ],
        )
        head = say_groups(groups[:at], rng, style, raw)
        bad = say_groups(["".join(wrong)], rng, style, raw)
        rest = say_groups(groups[at:], rng, style, raw)
        said = low(f"{head} {bad}{fix}{rest}", raw)
        row.say("user", pick(rng, ["Okay, ", "It's ", ""]), Pii("card", said), smart=not raw)
    else:
        row.tags.add("card.correction.restart")
        start = say_groups(groups[:1], rng, style, raw) + " " + one_by_one(groups[1][:2], rng)
        said = low(say_groups(groups, rng, style, raw), raw)
        again = pick(
            rng,
            [
                "... sorry, let me start over. ",
                ", no hang on, wrong card. Okay. ",
                ", ugh, I lost my place. From the top: ",
                "... sorry. Again: ",
            ],
        )
        row.say("user", low(start, raw) + low(again, raw), Pii("card", said), smart=not raw)
    row.say("agent", pick(rng, THANKS))
    return row


def card_split(rng: random.Random) -> Row:
    """The caller reads the card over two or three turns; the agent nudges in between."""
    key, _, opener = domain(rng)
    raw = chance(rng, 0.4)
    net, digits, groups = card(rng)
    style = pick(rng, ["num", "words", "pairs", "mix"])
    tags = {f"card.net.{net}", f"card.style.{style}", "voice", f"domain.{key}"}
    n = 3 if len(groups) >= 3 and chance(rng, 0.4) else 2
    if n == 2:
        cut = rng.randrange(1, len(groups))
        chunks = [groups[:cut], groups[cut:]]
    else:
        a = rng.randrange(1, len(groups) - 1)
        b = rng.randrange(a + 1, len(groups))
        chunks = [groups[:a], groups[a:b], groups[b:]]
    row = Row("h5.card.split", tags | {f"card.turns.{n}"})
    row.say("agent", opener)
    row.say("agent", pick(rng, CARD_ASKS).format(what=CHARGES[key]))
    for i, chunk in enumerate(chunks):
        said = low(say_groups(chunk, rng, style, raw, gaps=0.15), raw)
        lead = (
            pick(rng, ["", "", "Okay ", "Then ", "Uh, ", "And "])
            if i
            else pick(rng, ["It's ", "Okay, starts ", "", "Right, so ", "First bit is "])
        )
        end = (
            pick(rng, ["", "...", ".", " - hold on", ", you got that?"])
            if i < n - 1
            else pick(rng, ["", ".", ". That's the lot.", ". Done."])
        )
        row.say("user", low(lead, raw), Pii("card", said, True), low(end, raw), smart=not raw)
        if i < n - 1:
            row.say("agent", pick(rng, NUDGES))
    row.say("agent", pick(rng, THANKS))
    return row


def card_readback(rng: random.Random) -> Row:
    """The agent reads the number back: all of it (a label) or the last four (a look-alike)."""
    key, _, _ = domain(rng)
    raw = chance(rng, 0.3)
    net, digits, said, tags = _card_said(rng, raw)
    row = Row("h5.card.readback", tags | {f"domain.{key}"})
    row.say("agent", pick(rng, CARD_ASKS).format(what=CHARGES[key]))
    _card_turn(row, rng, said, net, raw)
    if chance(rng, 0.55):
        row.tags.add("card.readback.full")
        back = say_groups(
            [digits[i : i + 4] for i in range(0, len(digits), 4)],
            rng,
            pick(rng, ["num", "words"]),
            False,
        )
        row.say(
            "agent",
            pick(rng, ["Let me read that back: ", "So that's ", "I have "]),
            Pii("card", back),
            pick(rng, [". Correct?", ", is that right?", "?"]),
        )
        row.say("user", pick(rng, ["Yes.", "Yep, that's it.", "Correct.", "That's right."]))
    else:
        row.tags.add("card.readback.last4")
        last = digits[-4:]
        back = pick(rng, [last, one_by_one(last, rng)])
        row.say(
            "agent",
            pick(rng, ["Thanks, that's the ", "Okay, so the "])
            + NETWORK_NAMES[net][0]
            + pick(rng, [" ending in ", " ending ", " with the last four "]),
            Benign("card_last4", back),
            pick(rng, [". Correct?", ", yes?", "."]),
        )
        row.say("user", pick(rng, ["Yes.", "Mm-hm.", "That's the one."]))
    return row


def card_ivr(rng: random.Random) -> Row:
    """An automated line: the caller says the card, the bot confirms the last four."""
    key, company, _ = domain(rng)
    raw = True
    net, digits, said, tags = _card_said(rng, raw, style=pick(rng, ["words", "num", "mix"]))
    row = Row("h5.card.ivr", tags | {f"domain.{key}", "ivr"})
    row.say(
        "agent",
        f"Welcome to {company} automated payments. Please say or key in your card "
        "number, followed by the pound key.",
    )
    row.say("user", Pii("card", said), smart=False)
    row.say(
        "agent",
        "You said a card ending in ",
        Benign("card_last4", " ".join(digits[-4:])),
        ". If that is correct, say yes.",
    )
    row.say("user", "yes", smart=False)
    return row


# --- phones ----------------------------------------------------------------------------------


def _phone_ask(rng: random.Random) -> str:
    return pick(rng, CALLBACK_ASKS).format(who=pick(rng, WHO))


def phone_abroad(rng: random.Random) -> Row:
    """A caller outside the US gives a number with its country code, however they dial it."""
    region = pick(rng, FOREIGN)
    country, city = REGIONS[region]
    raw = chance(rng, 0.35)
    number = phone(rng, region)
    how = pick(rng, ["plus", "plus", "double_oh", "zero_zero", "oh_one_one", "bare"])
    said, tags = say_phone(number, rng, raw, how=how, gaps=0.2 if chance(rng, 0.3) else 0.0)
    said = low(said, raw)
    key, _, opener = domain(rng)
    row = Row("h5.phone.abroad", tags | {f"phone.region.{region}", "voice", f"domain.{key}"})
    row.say("agent", opener)
    row.say(
        "user",
        pick(
            rng,
            [
                f"Hi, I'm calling from {city}, I'm in {country} at the moment.",
                f"I'm abroad, in {country}, so the line might be bad.",
                f"Hello? Yes, I live in {city} now, it's about my account.",
            ],
        ),
        smart=not raw,
    )
    if chance(rng, 0.4):
        row.say("agent", *aside(rng, key, raw), smart=not raw)
    row.say("agent", _phone_ask(rng))
    ext = ""
    if chance(rng, 0.15):
        ext = pick(rng, [", extension ", " ext ", ", and then extension "]) + str(
            rng.randint(10, 999)
        )
        row.tags.add("phone.ext")
    row.say(
        "user",
        pick(rng, PHONE_LEADS),
        Pii("phone", said),
        ext,
        pick(rng, ["", ".", ". That's a mobile.", ". WhatsApp works too."]),
        smart=not raw,
    )
    row.say("agent", pick(rng, THANKS))
    return row


def phone_home(rng: random.Random) -> Row:
    """A caller in their own country says the number the way it is dialled there (trunk 0)."""
    region = pick(rng, FOREIGN)
    country, city = REGIONS[region]
    raw = chance(rng, 0.4)
    number = phone(rng, region)
    said, tags = say_phone(number, rng, raw, how="national")
    said = low(said, raw)
    row = Row("h5.phone.home", tags | {f"phone.region.{region}", "voice"})
    row.say(
        "agent",
        pick(
            rng,
            [
                f"Thanks for calling the {city} desk of Saltmarsh Hotels. Is the booking for you?",
                f"You've reached our {country} support line. What number are you calling from?",
                "Global assistance line, how can I help you today?",
            ],
        ),
    )
    row.say(
        "user",
        pick(
            rng,
            [
                f"Yes. I'm calling from {city}. My number here is ",
                "My phone is ",
                "It's ",
                "Local number, ",
                "You can reach me on ",
            ],
        ),
        Pii("phone", said),
        pick(rng, ["", ".", ", that's my home line."]),
        smart=not raw,
    )
    row.say(
        "agent",
        pick(
            rng,
            [
                "And is that with the country code for " + country + "?",
                "Okay, noted.",
                "Thank you, I've saved it.",
            ],
        ),
    )
    return row


def phone_us(rng: random.Random) -> Row:
    """A US number: area code first or after 'area code', digits, pairs, dashes, a leading one."""
    raw = chance(rng, 0.4)
    number = us_phone(rng)
    said, tags = say_us(number, rng, raw)
    said = low(said, raw)
    key, _, opener = domain(rng)
    row = Row("h5.phone.us", tags | {"phone.region.US", "voice", f"domain.{key}"})
    row.say("agent", opener)
    if chance(rng, 0.35):
        row.say("agent", *aside(rng, key, raw), smart=not raw)
    row.say("agent", _phone_ask(rng))
    ext = ""
    if chance(rng, 0.15):
        ext = pick(rng, [" extension ", ", ext. ", ", then press "]) + str(rng.randint(100, 9999))
        row.tags.add("phone.ext")
    lead = pick(rng, PHONE_LEADS + ["Area code ", "That'd be area code "])
    row.say(
        "user",
        lead,
        Pii("phone", said),
        ext,
        pick(rng, ["", ".", ", that's my cell.", ". Don't use the landline."]),
        smart=not raw,
    )
    if chance(rng, 0.3):
        toll = pick(
            rng,
            [
                "1-800-555-0199",
                "1-888-555-0142",
                "eight hundred, five five five, oh one seven seven",
                "1 (877) 555-0110",
            ],
        )
        row.say(
            "agent",
            "Got it. And if you need us, our direct line is ",
            Benign("business_phone", toll),
            ".",
        )
    else:
        row.say("agent", pick(rng, THANKS))
    return row


def phone_split(rng: random.Random) -> Row:
    """The number over two turns, the agent saying 'mm-hm' in between."""
    us = chance(rng, 0.35)
    region = "US" if us else pick(rng, FOREIGN)
    raw = chance(rng, 0.4)
    number = us_phone(rng) if us else phone(rng, region)
    style = pick(rng, ["num", "words", "pairs", "mix"])
    if us:
        d = phonenumbers.national_significant_number(number)
        groups = [d[:3], d[3:6], d[6:]]
        prefix = ""
    else:
        national = chance(rng, 0.4)
        groups = (
            groups_of(number, True)
            if national
            else [str(number.country_code), *groups_of(number, False)]
        )
        prefix = "" if national else pick(rng, ["plus ", "double oh ", "oh oh ", "", "zero zero "])
    if len(groups) < 2:
        groups = [groups[0][:3], groups[0][3:]]
    cut = rng.randrange(1, len(groups))
    first = low(prefix + say_groups(groups[:cut], rng, style, raw), raw)
    second = low(say_groups(groups[cut:], rng, style, raw), raw)
    row = Row(
        "h5.phone.split",
        {f"phone.region.{region}", "voice", "phone.turns.2", f"phone.style.{style}"},
    )
    row.say("agent", _phone_ask(rng))
    row.say(
        "user",
        pick(rng, ["It's ", "Okay, ", "", "Sure, "]),
        Pii("phone", first, True),
        pick(rng, ["...", "", " um"]),
        smart=not raw,
    )
    row.say("agent", pick(rng, NUDGES))
    row.say(
        "user",
        pick(rng, ["", "", "then ", "and "]),
        Pii("phone", second, True),
        pick(rng, [".", "", ". That's it."]),
        smart=not raw,
    )
    row.say("agent", pick(rng, THANKS))
    return row


def phone_readback(rng: random.Random) -> Row:
    """Caller says it, the agent reads the number back in a tidier form."""
    us = chance(rng, 0.4)
    region = "US" if us else pick(rng, FOREIGN)
    number = us_phone(rng) if us else phone(rng, region)
    raw = chance(rng, 0.3)
    if us:
        said, tags = say_us(number, rng, raw)
    else:
        said, tags = say_phone(number, rng, raw)
    said = low(said, raw)
    row = Row("h5.phone.readback", tags | {f"phone.region.{region}", "voice", "phone.readback"})
    row.say("agent", _phone_ask(rng))
    row.say("user", pick(rng, PHONE_LEADS), Pii("phone", said), smart=not raw)
    national = us or chance(rng, 0.3)
    back = formatted(number, national)
    if chance(rng, 0.5):
        back = " ".join(one_by_one(g, rng) for g in groups_of(number, national))
        if not national:
            back = f"plus {one_by_one(str(number.country_code), rng)} {back}"
    row.say(
        "agent",
        pick(rng, ["Just to confirm, ", "So I have ", "Reading that back, "]),
        Pii("phone", back),
        pick(rng, ["?", ". Is that correct?", ", yes?"]),
    )
    row.say("user", pick(rng, ["Yes.", "That's right.", "Yep."]))
    return row


def phone_fix(rng: random.Random) -> Row:
    """A slip corrected in the middle: one stretch from first digit to last."""
    us = chance(rng, 0.5)
    region = "US" if us else pick(rng, FOREIGN)
    number = us_phone(rng) if us else phone(rng, region)
    raw = chance(rng, 0.4)
    groups = groups_of(number, True)
    if len(groups) < 3:
        d = "".join(groups)
        groups = [d[:3], d[3:6], d[6:]]
    style = pick(rng, ["num", "words", "mix"])
    at = rng.randrange(1, len(groups))
    wrong = list(groups[at])
    wrong[-1] = str((int(wrong[-1]) + 3) % 10)
    fix = pick(rng, [", no, ", "... sorry, ", ", wait, it's ", ", I mean "])
    said = low(
        say_groups(groups[:at], rng, style, raw)
        + " "
        + say_groups(["".join(wrong)], rng, style, raw)
        + fix
        + say_groups(groups[at:], rng, style, raw),
        raw,
    )
    row = Row(
        "h5.phone.fix",
        {f"phone.region.{region}", "voice", "phone.correction", f"phone.style.{style}"},
    )
    row.say("agent", _phone_ask(rng))
    row.say("user", pick(rng, ["Um, ", "It's ", ""]), Pii("phone", said), smart=not raw)
    row.say("agent", pick(rng, THANKS))
    return row


def phone_two(rng: random.Random) -> Row:
    """Two numbers in one turn (home and cell, or the caller's and a relative's)."""
    raw = chance(rng, 0.35)
    r1 = pick(rng, ["US", "US", *FOREIGN])
    r2 = pick(rng, ["US", *FOREIGN])
    n1 = us_phone(rng) if r1 == "US" else phone(rng, r1)
    n2 = us_phone(rng) if r2 == "US" else phone(rng, r2)
    s1 = low((say_us(n1, rng, raw) if r1 == "US" else say_phone(n1, rng, raw))[0], raw)
    s2 = low((say_us(n2, rng, raw) if r2 == "US" else say_phone(n2, rng, raw))[0], raw)
    row = Row("h5.phone.two", {f"phone.region.{r1}", f"phone.region.{r2}", "voice"})
    row.say(
        "agent",
        pick(
            rng,
            [
                "Do you have an emergency contact we can put down?",
                "Can I get a day number and an evening number?",
            ],
        ),
    )
    row.say(
        "user",
        pick(rng, ["My cell is ", "Days it's ", "Mine is "]),
        Pii("phone", s1),
        pick(rng, [", and my daughter's is ", ", evenings try ", ", or my husband on "]),
        Pii("phone", s2),
        ".",
        smart=not raw,
    )
    row.say("agent", pick(rng, THANKS))
    return row


# --- SSNs ------------------------------------------------------------------------------------

SSN_WHY = {
    "tax": "to file the return",
    "gov": "to look up your benefits case",
    "bank": "to open the account",
    "collections": "to verify I'm speaking with the right person",
    "realestate": "for the background check",
    "insurance": "to run the claim",
    "clinic": "for the insurance billing",
    "gig": "for the tax form we send drivers",
}
SSN_ASKS = [
    "I'll need your Social Security number {why}.",
    "Can you give me your social {why}?",
    "What's your SSN? We need it {why}.",
    "And your full social security number, please, {why}.",
]


def _ssn_domain(rng: random.Random) -> tuple[str, str]:
    key = pick(rng, sorted(SSN_WHY))
    return key, SSN_WHY[key]


def ssn_said(rng: random.Random) -> Row:
    """An SSN asked for and said in one turn: dashed, grouped, digit words, pairs."""
    key, why = _ssn_domain(rng)
    raw = chance(rng, 0.4)
    said, tags = say_ssn(make_ssn(rng), rng, raw, gaps=0.2 if chance(rng, 0.3) else 0.0)
    said = low(said, raw)
    row = Row("h5.ssn.said", tags | {"voice", f"domain.{key}"})
    row.say("agent", pick(rng, SSN_ASKS).format(why=why))
    row.say(
        "user",
        pick(
            rng,
            [
                "Sure, it's ",
                "Okay. ",
                "It's ",
                "Yeah, ",
                "My social is ",
                "Hold on, I have to look... ",
                "",
            ],
        ),
        Pii("ssn", said),
        pick(rng, ["", ".", ". Do you need anything else?"]),
        smart=not raw,
    )
    if key in ("tax", "gov", "collections", "realestate") and chance(rng, 0.5):
        row.say("agent", *aside(rng, key, raw), smart=not raw)
        return row
    row.say("agent", pick(rng, THANKS))
    return row


def ssn_split(rng: random.Random) -> Row:
    """An SSN over two or three turns, group by group."""
    key, why = _ssn_domain(rng)
    raw = chance(rng, 0.4)
    number = make_ssn(rng)
    style = pick(rng, ["num", "words", "pairs", "mix"])
    groups = [number[:3], number[3:5], number[5:]]
    cut = rng.randrange(1, 3)
    n = 3 if chance(rng, 0.25) else 2
    chunks = [[g] for g in groups] if n == 3 else [groups[:cut], groups[cut:]]
    row = Row("h5.ssn.split", {"voice", f"domain.{key}", f"ssn.turns.{n}", f"ssn.style.{style}"})
    row.say("agent", pick(rng, SSN_ASKS).format(why=why))
    for i, chunk in enumerate(chunks):
        said = low(say_groups(chunk, rng, style, raw), raw)
        row.say(
            "user",
            pick(rng, ["", "Okay, ", "It's "]) if not i else pick(rng, ["", "then "]),
            Pii("ssn", said, True),
            pick(rng, ["", "...", "."]),
            smart=not raw,
        )
        if i < len(chunks) - 1:
            row.say("agent", pick(rng, NUDGES))
    row.say("agent", pick(rng, THANKS))
    return row


def ssn_last4_then_full(rng: random.Random) -> Row:
    """First the last four (not an SSN), then the full number once it's needed."""
    key, why = _ssn_domain(rng)
    raw = chance(rng, 0.4)
    number = make_ssn(rng)
    last = number[-4:]
    row = Row("h5.ssn.last4_full", {"voice", f"domain.{key}", "ssn.last_four"})
    row.say("agent", "To verify, can I get the last four of your social?")
    row.say(
        "user",
        pick(rng, ["It's ", "", "Last four are "]),
        Benign("ssn_last4", pick(rng, [last, one_by_one(last, rng)])),
        smart=not raw,
    )
    row.say("agent", "Thanks. I actually need the whole number " + why + ", sorry about that.")
    said, tags = say_ssn(number, rng, raw)
    row.tags |= tags
    row.say(
        "user", pick(rng, ["Oh, okay. ", "Fine. ", ""]), Pii("ssn", low(said, raw)), smart=not raw
    )
    return row


def ssn_readback(rng: random.Random) -> Row:
    """Said by the caller, read back by the agent: two labels."""
    key, why = _ssn_domain(rng)
    raw = chance(rng, 0.3)
    number = make_ssn(rng)
    said, tags = say_ssn(number, rng, raw)
    row = Row("h5.ssn.readback", tags | {"voice", f"domain.{key}", "ssn.readback"})
    row.say("agent", pick(rng, SSN_ASKS).format(why=why))
    row.say("user", Pii("ssn", low(said, raw)), smart=not raw)
    back = pick(
        rng,
        [
            f"{number[:3]}-{number[3:5]}-{number[5:]}",
            " ".join(one_by_one(g, rng) for g in (number[:3], number[3:5], number[5:])),
        ],
    )
    row.say("agent", "I have ", Pii("ssn", back), pick(rng, [". Right?", ", correct?"]))
    row.say("user", pick(rng, ["Right.", "Yes, that's it."]))
    return row


FAMILIES = {
    "h5.card.read": (card_read, 20),
    "h5.card.homophone": (card_homophone, 8),
    "h5.card.uneven": (card_uneven, 6),
    "h5.card.fix": (card_fix, 9),
    "h5.card.split": (card_split, 14),
    "h5.card.readback": (card_readback, 8),
    "h5.card.ivr": (card_ivr, 4),
    "h5.phone.abroad": (phone_abroad, 18),
    "h5.phone.home": (phone_home, 10),
    "h5.phone.us": (phone_us, 12),
    "h5.phone.split": (phone_split, 11),
    "h5.phone.readback": (phone_readback, 6),
    "h5.phone.fix": (phone_fix, 5),
    "h5.phone.two": (phone_two, 4),
    "h5.ssn.said": (ssn_said, 12),
    "h5.ssn.split": (ssn_split, 8),
    "h5.ssn.last4_full": (ssn_last4_then_full, 5),
    "h5.ssn.readback": (ssn_readback, 4),
}
