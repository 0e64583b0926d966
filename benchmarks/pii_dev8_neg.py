"""dev8's look-alikes (benchmarks/pii_dev8.py): numbers in calls that are not PII and are
shaped like it. Ids of every kind in 3-3-4, 3-2-4, 10 and 11 digits (most of the ten-digit ones
would pass a US phone check), times and dates said as digits, amounts, quantities, flights and
trains, street numbers and ZIPs, meter readings, IMEIs, serials, VINs, routing numbers,
Luhn-valid invoice numbers, the company's own phone lines, role mailboxes, websites, and ids
under id-like keys in tool JSON.

`lookalike(rng)` gives the turns of one look-alike exchange, which the PII families also mix in.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pii_dev8_say as say
from pii_rows import Benign, Row, maybe
from pii_speech import luhn_number

Part = str | Benign
Turn = tuple[str, list[Part], bool]  # role, pieces, smart

COMPANIES = [
    ("Brightline Energy", "brightlineenergy.com"),
    ("Northwind Mobile", "northwindmobile.com"),
    ("Castlerock Insurance", "castlerock-insurance.com"),
    ("Harbor Health Clinic", "harborhealthclinic.org"),
    ("Aldergate Bank", "aldergatebank.co.uk"),
    ("Pinecrest Pharmacy", "pinecrestrx.com"),
    ("Skyway Air", "flyskyway.com"),
    ("Meridian Rail", "meridianrail.eu"),
    ("Copperleaf Furniture", "copperleafhome.com"),
    ("Bluewater Broadband", "bluewaterbb.net"),
    ("Tallis Property Management", "tallispm.com"),
    ("Quayside Couriers", "quaysidecouriers.ie"),
]
ROLE_BOXES = ["support", "billing", "claims", "help", "returns", "accounts", "bookings", "care"]
ROLE_BOXES += ["noreply", "refunds", "service", "orders", "info", "hello", "payments"]
ID_NAMES = {  # what the caller calls it -> look-alike class
    "account number": "account_id",
    "member ID": "member_id",
    "member number": "member_id",
    "order number": "order_id",
    "claim number": "claim",
    "case number": "case",
    "ticket number": "ticket",
    "confirmation number": "confirmation",
    "tracking number": "tracking",
    "policy number": "policy",
    "customer number": "account_id",
    "reference number": "reference",
    "work order": "order_id",
    "service request number": "case",
}


def voice_of(rng: random.Random, smart: bool) -> say.Voice:
    return say.voice(rng, raw=not smart)


def id_value(rng: random.Random, v: say.Voice) -> tuple[str, str]:
    """An id in a phone or SSN shape, as said or written: (text, shape tag)."""
    shape = rng.choice(["334", "334", "10", "10", "11", "324", "4-3-3", "12"])
    if shape in ("334", "10", "4-3-3"):
        d = say.ten_digits(rng, phone_like=rng.random() < 0.8)
    elif shape == "11":
        d = rng.choice(["1", "2", "7", "9"]) + say.ten_digits(rng)
    elif shape == "324":
        d = say.digits(rng, 9)
    else:
        d = say.digits(rng, 12)
    sizes = {"334": (3, 3), "10": (), "11": (1, 3, 3), "324": (3, 2), "4-3-3": (4, 3), "12": (4, 4)}
    groups, at = [], 0
    for size in sizes[shape]:
        groups.append(d[at : at + size])
        at += size
    groups.append(d[at:])
    if v.numerals or (not v.raw and rng.random() < 0.5):
        glue = rng.choice(["-", " ", "-"]) if len(groups) > 1 else ""
        return glue.join(groups), f"shape.{shape}"
    if len(groups) == 1:
        return say.one_by_one(d, rng, v.zero, v.double), f"shape.{shape}"
    return say.groups_said(groups, v, rng), f"shape.{shape}"


# ------------------------------------------------------------------ one exchange each


def ids(rng: random.Random) -> list[Turn]:
    name = rng.choice(sorted(ID_NAMES))
    cls = ID_NAMES[name]
    smart = maybe(rng, 0.65)
    v = voice_of(rng, smart)
    text, _ = id_value(rng, v)
    asks = [
        f"Have you got the {name} in front of you?",
        f"Can I get the {name}, please?",
        f"And what {name} is showing on your paperwork?",
        f"Okay, and the {name} for this one?",
        f"Could you read me the {name} from the email?",
    ]
    forms: list[list[Part]] = [
        [f"Yeah, the {name} is ", Benign(cls, text), "."],
        ["It's ", Benign(cls, text), f", that's the {name} they gave me."],
        [f"Um, {name}... okay, ", Benign(cls, text), "."],
        ["I've got it here, ", Benign(cls, text), "."],
        [Benign(cls, text), ", I think. That's what's on the letter."],
        [f"So my {name}'s ", Benign(cls, text), " if that helps."],
    ]
    turns: list[Turn] = [("assistant", [rng.choice(asks)], True)]
    turns.append(("user", rng.choice(forms), smart))
    return turns


def id_unasked(rng: random.Random) -> list[Turn]:
    """An id said before anyone asks, or by the agent."""
    name = rng.choice(sorted(ID_NAMES))
    cls = ID_NAMES[name]
    smart = maybe(rng, 0.6)
    v = voice_of(rng, smart)
    text, _ = id_value(rng, v)
    if maybe(rng, 0.5):
        return [
            (
                "user",
                rng.choice(
                    [
                        [f"Hi, I'm calling about {name} ", Benign(cls, text), "."],
                        [
                            f"Hey, so I've got a {name}, ",
                            Benign(cls, text),
                            ", and nothing's moved.",
                        ],
                        [f"I was told to quote {name} ", Benign(cls, text), " when I call back."],
                    ]
                ),
                smart,
            ),
            ("assistant", ["Thanks, let me pull that up."], True),
        ]
    v = say.voice(rng, raw=False, numerals=maybe(rng, 0.7))
    text, _ = id_value(rng, v)
    return [
        (
            "assistant",
            rng.choice(
                [
                    ["I've opened a new ", name, " for you, it's ", Benign(cls, text), "."],
                    ["I can see ", name, " ", Benign(cls, text), " from last week, is that it?"],
                    ["Your ", name, " is ", Benign(cls, text), ". Keep that one handy."],
                ]
            ),
            True,
        ),
        ("user", [rng.choice(["Got it, thanks.", "Yes, that's the one.", "Okay."])], True),
    ]


def id_readback(rng: random.Random) -> list[Turn]:
    name = rng.choice(sorted(ID_NAMES))
    cls = ID_NAMES[name]
    d = say.ten_digits(rng) if maybe(rng, 0.7) else say.digits(rng, rng.choice([9, 11]))
    groups = [d[:3], d[3:6], d[6:]] if len(d) > 9 else [d[:3], d[3:5], d[5:]]
    smart = maybe(rng, 0.5)
    v = say.voice(rng, raw=not smart)
    said = say.groups_said(groups, v, rng)
    back = rng.choice(["-".join(groups), " ".join(groups), d])
    if maybe(rng, 0.4):
        back = say.groups_said(groups, say.voice(rng, raw=False, numerals=False), rng)
    return [
        ("user", [f"The {name} is ", Benign(cls, said), "."], smart),
        ("assistant", ["Let me read that back: ", Benign(cls, back), ", correct?"], True),
        ("user", [rng.choice(["Yes.", "That's right.", "Yep, that's it.", "Correct."])], True),
    ]


HOURS = "one two three four five six seven eight nine ten eleven twelve".split()
MINUTES = ["fifteen", "thirty", "forty five", "oh five", "twenty", "fifty", "ten", "o'clock"]
MONTHS = "January February March April May June July August September October November December"
ORDINALS = ["first", "second", "third", "fourth", "fifth", "ninth", "twelfth", "fourteenth"]
ORDINALS += ["nineteenth", "twentieth", "twenty third", "twenty eighth", "thirty first"]
YEARS = ["twenty twenty four", "twenty twenty five", "twenty twenty six", "nineteen eighty seven"]
YEARS += ["nineteen seventy two", "two thousand and three", "nineteen ninety nine"]


def clock(rng: random.Random) -> str:
    return f"{rng.choice(HOURS)} {rng.choice(MINUTES)}"


def when(rng: random.Random) -> list[Turn]:
    pick = rng.randrange(6)
    if pick == 0:
        return [
            ("assistant", ["What time works for the engineer?"], True),
            ("user", ["Could they come at ", Benign("time", clock(rng)), "?"], False),
        ]
    if pick == 1:
        span = f"{clock(rng)} {rng.choice(['to', 'and'])} {clock(rng)}"
        return [
            ("assistant", ["The next slot I have is Thursday."], True),
            ("user", ["okay i'm free between ", Benign("time_range", span), " that day"], False),
        ]
    if pick == 2:
        m, d, y = rng.randint(1, 12), rng.randint(1, 28), rng.choice([2024, 2025, 2026])
        date = rng.choice(
            [f"{m:02d}/{d:02d}/{y}", f"{m}/{d}/{y % 100:02d}", f"{y}-{m:02d}-{d:02d}"]
        )
        hm = f"{rng.randint(1, 12)}:{rng.choice(['00', '15', '30', '45', '05'])}"
        return [
            (
                "assistant",
                ["You're booked for ", Benign("date", date), " at ", Benign("time", hm), "."],
                True,
            ),
            ("user", ["Great, thanks."], True),
        ]
    if pick == 3:
        dob = say.one_by_one(f"{rng.randint(1, 12):02d}", rng, "oh")
        dob += f", {say.two(f'{rng.randint(1, 28):02d}', 'oh')}, {rng.choice(YEARS)}"
        return [
            ("assistant", ["And the date of birth on the account?"], True),
            ("user", ["It's ", Benign("date", dob), "."], rng.random() < 0.5),
        ]
    if pick == 4:
        date = f"{rng.choice(MONTHS.split())} {rng.choice(ORDINALS)}, {rng.choice(YEARS[:3])}"
        return [("user", ["The payment went out on ", Benign("date", date), "."], True)]
    stamp = f"{rng.randint(1, 12)}/{rng.randint(1, 28)} {rng.randint(1, 12)}:{rng.randint(10, 59)}"
    return [
        ("user", ["The text I got says missed delivery ", Benign("timestamp", stamp), "."], True)
    ]


def money(rng: random.Random) -> list[Turn]:
    pick = rng.randrange(7)
    if pick == 0:
        amount = f"${rng.randint(1, 19)},{rng.randint(0, 999):03d}.{rng.randint(0, 99):02d}"
        return [
            ("assistant", ["Your outstanding balance is ", Benign("amount", amount), "."], True)
        ]
    if pick == 1:
        said = f"{rng.choice(say.TENS[2:])} {rng.choice(say.WORDS[1:])} hundred and "
        said += f"{rng.choice(say.TENS[2:])} {rng.choice(say.WORDS[1:])} dollars"
        return [
            (
                "user",
                [
                    rng.choice(["they charged me ", "the bill says ", "i was quoted "]),
                    Benign("amount", said),
                ],
                False,
            )
        ]
    if pick == 2:
        qty = f"{rng.randint(1, 9)},{rng.randint(0, 999):03d}"
        unit = rng.choice(["units", "kilowatt hours", "litres", "pieces", "minutes", "texts"])
        return [("user", ["We used ", Benign("quantity", qty), f" {unit} last month."], True)]
    if pick == 3:
        amount = f"{rng.randint(100, 9999)}.{rng.randint(0, 99):02d}"
        cur = rng.choice(["€", "£", "$", "USD ", "EUR "])
        return [
            ("user", ["The refund should be ", Benign("amount", f"{cur}{amount}"), "."], True),
            ("assistant", ["I can see that, it's being processed."], True),
        ]
    if pick == 4:
        dollars = f"{say.one_by_one(str(rng.randint(1, 9)), rng)} thousand "
        dollars += f"{say.one_by_one(str(rng.randint(1, 9)), rng)} hundred"
        cents = say.two(f"{rng.randint(10, 99)}", "oh")
        return [
            ("assistant", ["How much was the deposit?"], True),
            ("user", ["it was ", Benign("amount", f"{dollars} and {cents} cents")], False),
        ]
    if pick == 5:
        first, second = rng.randint(2, 60), rng.randint(100, 999)
        return [
            (
                "user",
                [
                    "I paid ",
                    Benign("amount", f"${first},{second}.00"),
                    " for the sofa and it arrived broken.",
                ],
                True,
            )
        ]
    count = f"{rng.choice(say.TENS[2:])} {rng.choice(say.WORDS[1:])}"
    box = rng.choice(["boxes of the small ones", "cases", "bags of the pellets", "rolls"])
    return [
        ("assistant", ["How many would you like?"], True),
        ("user", ["i need ", Benign("quantity", count), f" {box}"], False),
    ]


def travel(rng: random.Random) -> list[Turn]:
    pick = rng.randrange(5)
    if pick == 0:
        airline = rng.choice(["UA", "BA", "LH", "EI", "DL", "AA", "QF", "AC"])
        code = f"{airline} {rng.randint(100, 2999)}"
        return [("user", ["I'm on flight ", Benign("flight", code), " tomorrow."], True)]
    if pick == 1:
        said = (
            f"{say.two(str(rng.randint(10, 29)), 'oh')} {say.two(str(rng.randint(10, 99)), 'oh')}"
        )
        return [("user", ["it's flight ", Benign("flight", said), " out of denver"], False)]
    if pick == 2:
        num = str(rng.randint(100, 9999))
        return [
            ("assistant", ["Which service were you on?"], True),
            ("user", ["The ", Benign("train", num), " from Penn Station, the late one."], True),
        ]
    if pick == 3:
        ticket = f"{rng.choice(['016', '125', '220', '001'])}-{say.digits(rng, 10, '0123456789')}"
        return [
            ("user", ["My e-ticket number is ", Benign("ticket", ticket), "."], True),
            ("assistant", ["Thanks, and the passenger's surname?"], True),
        ]
    seat = f"{rng.randint(1, 40)}{rng.choice('ABCDEF')}"
    gate = f"{rng.choice('ABC')}{rng.randint(1, 40)}"
    return [
        (
            "assistant",
            [
                "You're in seat ",
                Benign("seat", seat),
                ", boarding at gate ",
                Benign("gate", gate),
                ".",
            ],
            True,
        )
    ]


STREETS = ["North Kedzie Avenue", "Maple Street", "Harbor View Road", "Old Mill Lane"]
STREETS += ["Lakeshore Drive", "West 47th Street", "Cedar Court", "Pine Ridge Boulevard"]
CITIES = [("Chicago, Illinois", "606"), ("Springfield, Illinois", "627"), ("Austin, Texas", "787")]
CITIES += [("Tampa, Florida", "336"), ("Portland, Oregon", "972"), ("Denver, Colorado", "802")]


def address(rng: random.Random) -> list[Turn]:
    street = rng.choice(STREETS)
    city, zip3 = rng.choice(CITIES)
    number = str(rng.randint(100, 19999))
    zip5 = zip3 + f"{rng.randint(1, 99):02d}"
    if maybe(rng, 0.35):
        zip5 += f"-{rng.randint(1, 9999):04d}"
    if maybe(rng, 0.5):
        return [
            ("assistant", ["And the delivery address?"], True),
            (
                "user",
                [Benign("address", f"{number} {street}"), f", {city} ", Benign("zip", zip5), "."],
                True,
            ),
        ]
    said_no = say.in_pairs(number, "oh") if len(number) < 5 else say.one_by_one(number, rng)
    said_zip = say.one_by_one(zip5.replace("-", ""), rng, rng.choice(["oh", "zero"]))
    return [
        ("assistant", ["What's the service address?"], True),
        (
            "user",
            [
                "it's ",
                Benign("address", f"{said_no} {street.lower()}"),
                f" {city.lower().replace(',', '')} ",
                Benign("zip", said_zip),
            ],
            False,
        ),
    ]


def meter(rng: random.Random) -> list[Turn]:
    reading = f"{rng.randint(0, 99999):05d}" if maybe(rng, 0.5) else say.digits(rng, 8, "0123")
    if maybe(rng, 0.5):
        said = say.one_by_one(reading, rng, rng.choice(["oh", "zero"]))
        turns: list[Turn] = [("user", ["okay the meter says ", Benign("meter", said)], False)]
    else:
        shown = reading if len(reading) < 6 else f"{reading[:4]} {reading[4:]}"
        turns = [("user", ["The reading today is ", Benign("meter", shown), "."], True)]
    if maybe(rng, 0.5):
        serial = (
            f"{rng.choice(['E', 'K', 'S'])}{say.digits(rng, 2)}{say.digits(rng, 8, '0123456789')}"
        )
        turns.insert(0, ("assistant", ["Can you read me the meter serial first?"], True))
        turns.insert(1, ("user", ["It's ", Benign("meter_serial", serial), "."], True))
    return turns


def device(rng: random.Random) -> list[Turn]:
    pick = rng.randrange(4)
    if pick == 0:
        code = say.imei(rng)
        shown = code if maybe(rng, 0.6) else f"{code[:2]} {code[2:8]} {code[8:14]} {code[14]}"
        return [
            ("assistant", ["Could you read me the IMEI? Dial star hash oh six hash."], True),
            ("user", ["Okay, it says ", Benign("imei", shown), "."], True),
        ]
    if pick == 1:
        code = say.imei(rng)
        return [("user", ["imei ", Benign("imei", say.one_by_one(code, rng))], False)]
    if pick == 2:
        return [("user", ["The VIN is ", Benign("vin", say.vin(rng)), "."], True)]
    serial = f"{say.digits(rng, 4)}-{say.digits(rng, 4, '0123456789')}-{say.digits(rng, 4)}"
    return [
        ("assistant", ["What's the serial on the back of the router?"], True),
        ("user", ["S N ", Benign("serial", serial), "."], True),
    ]


def bank_ids(rng: random.Random) -> list[Turn]:
    rtn = say.routing(rng)
    if maybe(rng, 0.5):
        shown = rtn
        smart = True
    else:
        shown = say.one_by_one(rtn, rng, rng.choice(["oh", "zero"]))
        smart = False
    turns: list[Turn] = [
        ("assistant", ["What's the routing number for the direct deposit?"], True),
        ("user", ["Routing is ", Benign("routing", shown), "."], smart),
    ]
    if maybe(rng, 0.5):
        account = say.digits(rng, rng.choice([8, 10, 12]))
        turns.append(("user", ["And the account is ", Benign("account", account), "."], True))
    return turns


def luhn(rng: random.Random) -> list[Turn]:
    code = luhn_number(rng, rng.choice(["90", "70", "88", "00", "81"]), 16)
    shown = " ".join(code[i : i + 4] for i in range(0, 16, 4)) if maybe(rng, 0.5) else code
    name = rng.choice(["invoice", "invoice number", "reference", "statement number"])
    return [
        ("user", [f"The {name} at the top is ", Benign("luhn_invoice", shown), "."], True),
        ("assistant", ["Thanks, I've found that invoice."], True),
    ]


def tollfree(rng: random.Random) -> str:
    return (
        f"{rng.choice(['800', '888', '877', '866', '855', '844'])}{say.digits(rng, 7, '23456789')}"
    )


def company(rng: random.Random) -> list[Turn]:
    name, site = rng.choice(COMPANIES)
    pick = rng.randrange(6)
    if pick == 0:
        d = tollfree(rng)
        shown = f"1-{d[:3]}-{d[3:6]}-{d[6:]}" if maybe(rng, 0.6) else f"({d[:3]}) {d[3:6]}-{d[6:]}"
        return [
            (
                "assistant",
                [f"You can reach the {name} claims team on ", Benign("business_phone", shown), "."],
                True,
            ),
            ("user", ["Okay, thanks."], True),
        ]
    if pick == 1:
        d = tollfree(rng)
        said = f"one {say.in_pairs(d[:3], 'oh')} {say.one_by_one(d[3:], rng)}"
        return [
            (
                "user",
                ["i rang your number ", Benign("business_phone", said), " and nobody picked up"],
                False,
            ),
            ("assistant", ["I'm sorry about that, the lines were very busy this week."], True),
        ]
    if pick == 2:
        box = f"{rng.choice(ROLE_BOXES)}@{site}"
        return [
            ("assistant", ["Just email the photos to ", Benign("role_mailbox", box), "."], True),
            ("user", ["Will do."], True),
        ]
    if pick == 3:
        box = f"{rng.choice(ROLE_BOXES)} at {site.replace('.', ' dot ')}"
        return [("user", ["i already wrote to ", Benign("role_mailbox", box)], False)]
    if pick == 4:
        path = rng.choice(["/returns", "/account", "/help", "/claims", ""])
        return [
            (
                "assistant",
                ["You can also do it online at ", Benign("website", site + path), "."],
                True,
            )
        ]
    region = rng.choice(["GB", "IE", "AU", "US", "DE"])
    n = say.region_number(rng, region, mobile=False)
    shown = " ".join(say.national_groups(n))
    return [
        (
            "assistant",
            ["Our main office line is ", Benign("business_phone", shown), ", open nine to five."],
            True,
        )
    ]


JSON_ID_KEYS = ["order_id", "case_number", "ticket_id", "confirmation_code", "tracking_number"]
JSON_ID_KEYS += ["account_number", "member_id", "claim_id", "customer_ref", "invoice_no", "ref"]


def json_id(rng: random.Random) -> Benign:
    d = say.ten_digits(rng) if maybe(rng, 0.6) else say.digits(rng, rng.choice([9, 11, 12]))
    if maybe(rng, 0.3):
        d = f"{d[:3]}-{d[3:6]}-{d[6:]}"
    return Benign("json_id", d)


def tool_ids(rng: random.Random) -> list[Turn]:
    keys = rng.sample(JSON_ID_KEYS, rng.choice([1, 2]))
    obj = {k: json_id(rng) for k in keys}
    obj |= rng.choice(
        [
            {"status": "shipped", "eta": "2025-06-14"},
            {"status": "open", "priority": 2},
            {"balance": 412.17, "currency": "USD"},
            {"opened_by": "agent_114", "channel": "voice"},
        ]
    )
    return [("tool", say.tool_json(rng, obj), True)]


MAKERS: dict[str, Callable[[random.Random], list[Turn]]] = {
    "ids": ids,
    "id_unasked": id_unasked,
    "id_readback": id_readback,
    "when": when,
    "money": money,
    "travel": travel,
    "address": address,
    "meter": meter,
    "device": device,
    "bank_ids": bank_ids,
    "luhn": luhn,
    "company": company,
    "tool_ids": tool_ids,
}


def lookalike(rng: random.Random) -> list[Turn]:
    name = rng.choice(["ids", "ids", "id_unasked", "when", "money", "address", "tool_ids"])
    name = rng.choice([name, rng.choice(sorted(MAKERS))])
    return MAKERS[name](rng)


BRIDGES = {
    "user": ["Okay.", "Right.", "Sure.", "Mhm, and one more thing."],
    "assistant": ["Anything else I can help with?", "Okay. What else?", "Sure, go ahead."],
}


def play(row: Row, turns: list[Turn], rng: random.Random | None = None) -> None:
    """Say `turns` after what the row holds, with a short bridge between two turns of one
    speaker."""
    for role, parts, smart in turns:
        if row.turns and row.turns[-1]["role"] == role and role != "tool":
            other = "assistant" if role == "user" else "user"
            row.say(other, (rng or random.Random(len(row.turns))).choice(BRIDGES[other]))
        row.say(role, *parts, smart=smart)


# ------------------------------------------------------------------ families

OPENERS = [
    "Thanks for calling, how can I help today?",
    "Hi, you're through to customer care.",
    "Good afternoon, what can I do for you?",
    "Hello, thanks for holding.",
]


def family(maker: str, extra: float = 0.35) -> Callable[[random.Random], Row]:
    def build(rng: random.Random) -> Row:
        row = Row(f"d8.neg.{maker}")
        turns = MAKERS[maker](rng)
        if turns[0][0] == "user" and maybe(rng, 0.5):
            row.say("assistant", rng.choice(OPENERS))
        play(row, turns, rng)
        if maybe(rng, extra):
            row.tags.add("neg.two")
            play(row, lookalike(rng), rng)
        say.once(row)
        return row

    return build


FAMILIES: dict[str, tuple[Callable[[random.Random], Row], float]] = {
    "d8.neg.ids": (family("ids", 0.45), 6.0),
    "d8.neg.id_unasked": (family("id_unasked"), 2.0),
    "d8.neg.id_readback": (family("id_readback"), 2.0),
    "d8.neg.when": (family("when", 0.5), 3.5),
    "d8.neg.money": (family("money", 0.5), 3.0),
    "d8.neg.travel": (family("travel", 0.5), 2.0),
    "d8.neg.address": (family("address"), 3.0),
    "d8.neg.meter": (family("meter"), 1.5),
    "d8.neg.device": (family("device"), 2.0),
    "d8.neg.bank_ids": (family("bank_ids"), 1.5),
    "d8.neg.luhn": (family("luhn"), 1.5),
    "d8.neg.company": (family("company"), 3.5),
    "d8.neg.tool_ids": (family("tool_ids", 0.5), 3.0),
}
