"""dev13 phone-shaped look-alikes: businesses' own lines and faxes, other businesses' lines,
ids of many kinds in 7-11 digits, dates, times, amounts, measurements.

A look-alike is a function (rng, biz, raw) -> the parts of one sentence; `raw` means the
sentence goes into a raw STT turn (digits as words). Each is registered with the speaker who
says it ("agent", "caller" or "any") and its aim ("phone", "email", "card", "ssn", "bank").
"""

from __future__ import annotations

import random
from collections.abc import Callable

from pii_dev13_gen import phone
from pii_dev13_kit import Benign, chunk, digits, groups_said, voice, words_num
from pii_dev13_say import phone_spoken, phone_typed

Look = Callable[..., list]
LOOKS: list[tuple[str, str, str, Look]] = []  # (class, speaker, aim, function)


def by(rng: random.Random, who: str, agent: list[str], caller: list[str]) -> str:
    """A carrier phrase that fits who says it."""
    return rng.choice(agent if who == "agent" else caller)


def look(cls: str, who: str, aim: str):
    def put(fn: Look) -> Look:
        LOOKS.append((cls, who, aim, fn))
        fn.cls = cls  # type: ignore[attr-defined]
        return fn

    return put


GROUPING = {
    6: [3, 3],
    7: [3, 4],
    8: [4, 4],
    9: [3, 3, 3],
    10: [3, 3, 4],
    11: [4, 3, 4],
    12: [4, 4, 4],
}


def num(rng: random.Random, s: str, raw: bool) -> str:
    """An id said (raw: words) or typed (grouped like a phone, or run together)."""
    gs = chunk(s, GROUPING.get(len(s), [len(s)]))
    if raw:
        return groups_said(gs, voice(rng), rng)
    return rng.choice(["-", " ", "", "", "."]).join(gs)


def line_text(rng: random.Random, n, raw: bool, local: bool = True) -> str:
    if raw:
        return phone_spoken(rng, n, voice(rng), local)[1]
    return phone_typed(rng, n, local)[0]


# --- lines that are no one's personal phone -------------------------------------------------


@look("shop_main_line", "agent", "phone")
def shop_main_line(rng, b, raw, who="caller"):
    return [
        rng.choice(
            [
                "If we get cut off, our main line is ",
                "You can always ring the shop on ",
                "For anything else it's ",
                "Our front office number is ",
            ]
        ),
        Benign("shop_main_line", line_text(rng, b.line, raw)),
        rng.choice([".", ", weekdays nine to five."]),
    ]


@look("shop_main_line", "caller", "phone")
def shop_line_from_caller(rng, b, raw, who="caller"):
    return [
        rng.choice(
            ["i tried ringing you on ", "i called the shop number ", "the number on your van was "]
        ),
        Benign("shop_main_line", line_text(rng, b.line, raw)),
        rng.choice([" but it just rang out", " earlier", ""]),
    ]


@look("shop_fax", "agent", "phone")
def shop_fax(rng, b, raw, who="caller"):
    n = phone(rng, b.region, "fixed")
    return [
        rng.choice(["Our fax, if your insurer still faxes, is ", "Paperwork can be faxed to "]),
        Benign("shop_fax", line_text(rng, n, raw)),
        ".",
    ]


@look("toll_free_line", "agent", "phone")
def toll_free(rng, b, raw, who="caller"):
    region = b.region if b.region not in ("SG", "CL") else "US"
    n = phone(rng, region, "toll")
    return [
        rng.choice(
            [
                "The free-phone number for the helpline is ",
                "Out of hours, call the freephone ",
                "Our toll-free line is ",
            ]
        ),
        Benign("toll_free_line", line_text(rng, n, raw)),
        ".",
    ]


def _other_line(cls: str, intro: list[str], kind: str = "fixed"):
    @look(cls, "any", "phone")
    def fn(rng, b, raw, who="caller"):
        n = phone(rng, b.region, kind)
        tail = by(
            rng,
            who,
            [".", ", ask for the desk.", " if you need them directly."],
            ["", " i think", " if that's any use", "."],
        )
        return [rng.choice(intro), Benign(cls, line_text(rng, n, raw)), tail]

    return fn


_other_line("supplier_line", ["The supplier picks up on ", "The wholesaler's trade counter is "])
_other_line(
    "supplier_fax", ["Their fax for purchase orders is ", "The mill only takes orders by fax, on "]
)
_other_line(
    "vet_clinic_line", ["The vet who signs the health check is on ", "The vet's surgery number is "]
)
_other_line("courier_depot_line", ["The courier depot's number is ", "The parcel depot's line is "])
_other_line(
    "pharmacy_line", ["The pharmacy on the corner, their number is ", "The chemist's line is "]
)
_other_line("lab_line", ["The testing lab's reception is ", "The lab that does the samples is on "])
_other_line(
    "council_office_line",
    ["The council licensing office is on ", "Planning at the council, that's "],
)
_other_line("venue_line", ["The venue coordinator's desk line is ", "The hall's office number is "])
_other_line(
    "insurer_claims_line", ["The insurer's claims line is ", "The insurance claims desk is on "]
)
_other_line("hotel_reception_line", ["The hotel reception is ", "Front desk at the inn is "])
_other_line(
    "garage_line", ["The garage that does the towing is on ", "The recovery firm's number is "]
)


# --- ids in phone shapes ------------------------------------------------------------------


def _id(
    cls: str,
    noun: str,
    lengths: tuple[int, ...],
    agent: list[str],
    caller: list[str],
    who_: str = "any",
):
    @look(cls, who_, "phone")
    def fn(rng, b, raw, who="caller"):
        s = digits(rng, rng.choice(lengths))
        tail = by(
            rng,
            who,
            [".", ", for your records.", " - keep that handy."],
            ["", ".", " if that helps", " yeah"],
        )
        return [by(rng, who, agent, caller).format(noun=noun), Benign(cls, num(rng, s, raw)), tail]

    return fn


YOUR = ["Your {noun} is ", "I have the {noun} as ", "The {noun} on file is "]
MY = ["my {noun} is ", "the {noun} says ", "um the {noun} number is ", "i've got {noun} "]
_id("booking_ref", "booking reference", (8, 9, 10), YOUR, MY)
_id(
    "permit_no",
    "permit number",
    (8, 9, 10),
    YOUR,
    ["the {noun} came through as ", "our {noun} is "],
)
_id(
    "animal_tag",
    "ear tag",
    (9, 10, 11),
    ["The {noun} we have for her is "],
    ["the {noun} reads ", "her {noun} is "],
)
_id(
    "lot_no",
    "lot",
    (7, 8),
    ["That batch is from {noun} "],
    ["it's from {noun} ", "the label says {noun} "],
)
_id(
    "serial_no",
    "serial",
    (9, 10, 11),
    ["The {noun} we have is "],
    ["the {noun} on the base plate is ", "serial number "],
)
_id(
    "meter_no",
    "meter number",
    (9, 10, 11),
    ["The {noun} on the account is "],
    ["the {noun} on the box is ", "the water {noun} is "],
)
_id(
    "licence_no",
    "licence number",
    (8, 9, 10),
    ["Our trading {noun} is ", "The premises {noun} is "],
    ["the fishing {noun} is ", "our trading {noun} is "],
)
_id("reservation_no", "reservation number", (9, 10), YOUR, MY)
_id(
    "work_order_no",
    "work order",
    (8, 9),
    ["That's {noun} ", "I've opened {noun} "],
    ["the {noun} was "],
    "agent",
)
_id(
    "invoice_no",
    "invoice",
    (7, 8, 9),
    ["That's {noun} "],
    ["it's {noun} ", "the {noun} number at the top is "],
)
_id(
    "tracking_no",
    "tracking number",
    (10, 11),
    ["The courier {noun} is "],
    ["the {noun} is ", "the courier {noun} reads "],
)
_id("membership_no", "membership number", (8, 9, 10), YOUR, MY)
_id(
    "policy_no",
    "policy number",
    (9, 10),
    ["The insurer's {noun} for the event is "],
    ["the {noun} is ", "our insurance {noun} is "],
)
_id(
    "utility_account_no",
    "account number",
    (10, 11),
    ["The electricity {noun} for the site is "],
    ["the electricity {noun} on the bill is ", "the gas {noun} is "],
)
_id(
    "case_no",
    "case",
    (8, 9),
    ["I've logged it as {noun} ", "Your {noun} number is "],
    ["the {noun} was "],
    "agent",
)
_id("order_no", "order number", (8, 9, 10), YOUR, MY)
_id(
    "voucher_no",
    "voucher code",
    (10, 11),
    ["The gift {noun} is "],
    ["the gift {noun} is ", "the {noun} on the back is "],
)
_id(
    "vehicle_reg_ref",
    "registration document reference",
    (11,),
    ["The {noun} we hold is "],
    ["the {noun} is "],
)
_id(
    "pallet_no",
    "pallet",
    (9, 10),
    ["It shipped on {noun} "],
    ["it came on {noun} ", "delivery note says {noun} "],
)
_id(
    "batch_code",
    "batch code",
    (7, 8),
    ["The {noun} for that jar is "],
    ["the {noun} stamped on the tin is "],
)


@look("biz_id_readback", "agent", "phone")
def biz_id_readback(rng, b, raw, who="caller"):
    cls, noun, n = rng.choice(b.ids)
    s = digits(rng, n)
    gs = chunk(s, GROUPING.get(n, [n]))
    said = rng.choice(["-", " ", ""]).join(gs)
    return [
        rng.choice([f"I've got your {noun} as ", f"On my screen the {noun} is "]),
        Benign(cls, said),
        rng.choice([", correct?", ". Is that right?", " - does that match yours?"]),
    ]


@look("biz_id_given", "caller", "phone")
def biz_id_given(rng, b, raw, who="caller"):
    cls, noun, n = rng.choice(b.ids)
    s = digits(rng, n)
    return [
        rng.choice([f"I've got the {noun} here, it's ", f"the {noun} is ", f"um the {noun} says "]),
        Benign(cls, num(rng, s, raw)),
        rng.choice(["", ".", " i think"]),
    ]


# --- dates, times, amounts, measurements -----------------------------------------------------


def yr(y: int) -> str:
    lo = y % 100
    if 2000 <= y < 2010:
        return "two thousand" + (f" and {words_num(lo)}" if lo else "")
    return f"{words_num(y // 100)} " + (
        f"oh {words_num(lo)}" if 0 < lo < 10 else ("hundred" if lo == 0 else words_num(lo))
    )


MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]


@look("date_numeric", "any", "phone")
def date_numeric(rng, b, raw, who="caller"):
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2024, 2026)
    if raw:
        text = f"{words_num(m)} {words_num(d)} {yr(y)}"
    else:
        text = rng.choice(
            [
                f"{m:02d}/{d:02d}/{y}",
                f"{d:02d}.{m:02d}.{y}",
                f"{y}-{m:02d}-{d:02d}",
                f"{d}/{m}/{y % 100:02d}",
                f"{m:02d}-{d:02d}-{y}",
            ]
        )
    return [
        by(
            rng,
            who,
            ["The earliest date I have is ", "That's booked for ", "The certificate is dated "],
            ["the date on it is ", "we'd want ", "can we move it to "],
        ),
        Benign("date_numeric", text),
        by(rng, who, ["."], ["", "?"]),
    ]


@look("time_range", "any", "phone")
def time_range(rng, b, raw, who="caller"):
    h1 = rng.randint(7, 15)
    h2 = h1 + rng.randint(1, 4)
    m1, m2 = rng.choice([0, 15, 30, 45]), rng.choice([0, 15, 30, 45])
    if raw:
        text = f"{words_num(h1)} {words_num(m1) if m1 else 'o clock'} to {words_num(h2)} {words_num(m2) if m2 else 'o clock'}"
    else:
        text = rng.choice(
            [
                f"{h1}:{m1:02d}-{h2}:{m2:02d}",
                f"{h1:02d}{m1:02d} to {h2:02d}{m2:02d}",
                f"{h1}.{m1:02d} till {h2}.{m2:02d}",
            ]
        )
    return [
        by(
            rng,
            who,
            ["The slot is ", "We're open ", "The arrival window is "],
            ["the window they gave me is ", "we're free ", "could it be "],
        ),
        Benign("time_range", text),
        ".",
    ]


@look("amount", "any", "phone")
def amount(rng, b, raw, who="caller"):
    v = rng.randint(120, 9800)
    c = rng.choice([0, 50, 99, 25])
    if raw:
        text = f"{words_num(v)} dollars" + (f" and {words_num(c)} cents" if c else "")
    else:
        sym = rng.choice(["$", "€", "£", "A$", "R", "kr ", "CHF "])
        text = rng.choice(
            [f"{sym}{v:,}.{c:02d}", f"{sym}{v}.{c:02d}", f"{v:,}.{c:02d} {sym.strip()}"]
        )
    return [
        by(
            rng,
            who,
            [f"The {b.thing} comes to ", "The deposit is ", "Total with tax is "],
            ["you quoted me ", "last time it was ", "the invoice said "],
        ),
        Benign("amount", text),
        ".",
    ]


@look("measurement", "any", "phone")
def measurement(rng, b, raw, who="caller"):
    a, c = rng.randint(300, 2400), rng.randint(200, 1800)
    if raw:
        text = f"{words_num(a)} by {words_num(c)} millimetres"
    else:
        text = rng.choice(
            [
                f"{a} x {c} mm",
                f"{a}mm x {c}mm x {rng.randint(10, 90)}mm",
                f"{a / 10:.1f} by {c / 10:.1f} cm",
                f"{a}x{c}",
            ]
        )
    return [
        by(
            rng,
            who,
            ["The maximum we can take is ", "Overall size is "],
            ["the opening measures ", "it's ", "roughly "],
        ),
        Benign("measurement", text),
        ".",
    ]


@look("weight_and_count", "caller", "phone")
def weight_and_count(rng, b, raw, who="caller"):
    kg, n = rng.randint(12, 480), rng.randint(2, 90)
    text = (
        f"{words_num(n)} of them about {words_num(kg)} kilos"
        if raw
        else f"{n} units, {kg}.{rng.randint(0, 9)} kg"
    )
    return ["Roughly ", Benign("weight_and_count", text), "."]


@look("street_address_number", "caller", "phone")
def street_address(rng, b, raw, who="caller"):
    house, unit = rng.randint(1200, 48000), rng.randint(101, 2405)
    street = rng.choice(["Larkspur Road", "Gannet Way", "Old Quarry Lane", "Fenwick Crescent"])
    text = (
        f"{words_num(unit)} {words_num(house)} {street.lower()}"
        if raw
        else f"Unit {unit}, {house} {street}"
    )
    return ["The address is ", Benign("street_address_number", text), "."]


@look("postcode", "caller", "phone")
def postcode(rng, b, raw, who="caller"):
    text = digits(rng, 5)
    if raw:
        text = groups_said([text], voice(rng), rng)
    return ["postcode is ", Benign("postcode", text), ""]


@look("year_span", "any", "phone")
def year_span(rng, b, raw, who="caller"):
    y1 = rng.randint(1962, 2015)
    y2 = y1 + rng.randint(2, 9)
    text = f"{yr(y1)} to {yr(y2)}" if raw else f"{y1}-{y2}"
    return [
        by(
            rng,
            who,
            ["Our records show it serviced ", "That model was made "],
            ["we had it from ", "it was in the family "],
        ),
        Benign("year_span", text),
        ".",
    ]


@look("gps_coords", "agent", "phone")
def gps_coords(rng, b, raw, who="caller"):
    text = f"{rng.uniform(-45, 60):.5f}, {rng.uniform(-120, 150):.5f}"
    return ["The meeting point pin is ", Benign("gps_coords", text), "."]


@look("door_code", "agent", "phone")
def door_code(rng, b, raw, who="caller"):
    s = digits(rng, rng.choice([6, 7]))
    return ["The key safe code is ", Benign("door_code", s), ", and it resets after your stay."]
