"""dev11 look-alikes: numbers and addresses that are not a person's PII, inside business talk.

Each `seg_*` writes one to three turns of a call (`Call`) holding marked look-alikes; families
compose them into long calls.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable

from pii_dev11_kit import (
    Call,
    alpha,
    business_line,
    digits,
    grouped,
    pick,
    speak,
)
from pii_dev11_talk import FITS, KIND_IDS, KINDS, REASONS
from pii_rows import Benign, maybe
from stdnum import luhn

D = string.digits
MONTHS = (
    *("January", "February", "March", "April", "May", "June", "July"),
    *("August", "September", "October", "November", "December"),
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
STREETS = (
    *("Maple Avenue", "Oak Street", "Kings Road", "Elm Drive", "Harbor Boulevard", "Pine Lane"),
    *("Station Road", "Cedar Court", "Lakeview Terrace", "Mill Street", "Sunset Way"),
)
TOWNS = (
    ("Springfield", "IL", "62704"),
    ("Austin", "TX", "78745"),
    ("Columbus", "OH", "43215"),
    ("Sacramento", "CA", "95814"),
    ("Raleigh", "NC", "27609"),
    ("Tampa", "FL", "33611"),
    ("Denver", "CO", "80219"),
)
UK_POSTCODES = ("SW3 4NX", "M14 5RQ", "LS6 2AB", "BS8 1TH", "EH3 9DR", "B15 2TT", "NW1 6XE")


# ---------------------------------------------------------------- look-alike numbers


def routing(rng: random.Random) -> str:
    while True:
        d = rng.choice(("0", "1", "2", "3")) + digits(rng, 8, string.digits)
        w = (3, 7, 1) * 3
        if sum(int(a) * b for a, b in zip(d, w, strict=True)) % 10 == 0:
            return d


def nhs(rng: random.Random) -> str:
    while True:
        d = digits(rng, 9, "3456789")
        check = 11 - sum(int(a) * (10 - i) for i, a in enumerate(d)) % 11
        if check == 11:
            check = 0
        if check != 10:
            s = d + str(check)
            return f"{s[:3]} {s[3:6]} {s[6:]}"


def imei(rng: random.Random) -> str:
    body = rng.choice(("35", "86", "01")) + digits(rng, 12, string.digits)
    return body + luhn.calc_check_digit(body)


IDS: dict[str, tuple[str, ...]] = {
    "account_number": ("account number", "account", "acct number"),
    "member_id": ("member ID", "member number"),
    "policy_number": ("policy number", "policy"),
    "claim_number": ("claim number", "claim"),
    "case_number": ("case number", "case", "ticket number", "ticket"),
    "order_id": ("order number", "order", "order ID"),
    "tracking_number": ("tracking number", "tracking"),
    "meter_number": ("meter number", "meter ID"),
    "reservation_number": ("reservation number", "booking number", "confirmation number"),
    "loyalty_number": ("rewards number", "loyalty number", "points card number"),
    "customer_id": ("customer number", "customer ID", "client number"),
    "invoice_number": ("invoice number", "invoice"),
    "reference_number": ("reference number", "reference", "ref number"),
}
ID_KINDS = tuple(sorted(IDS))


def id_value(rng: random.Random, cls: str) -> str:
    """A digit id of a phone-like length (7 to 12 digits), sometimes with a shape."""
    n = rng.choice((7, 8, 9, 10, 10, 10, 11, 12))
    if cls == "tracking_number" and maybe(rng, 0.5):
        return "1Z" + alpha(rng, 3) + digits(rng, 11, string.digits)
    if cls == "claim_number" and maybe(rng, 0.3):
        return f"{rng.randint(2019, 2026)}-{digits(rng, 6, string.digits)}"
    d = digits(rng, n)
    if n == 10 and maybe(rng, 0.35):  # phone-shaped on purpose
        return f"{d[:3]}-{d[3:6]}-{d[6:]}" if maybe(rng, 0.5) else d
    return d


def id_said(c: Call, value: str) -> str:
    """How the caller's STT writes an id: digits in smart turns, words in raw ones."""
    rng = c.rng
    ds = "".join(ch for ch in value if ch.isdigit())
    if not value.isdigit() and "-" not in value:
        return value
    if c.smart and maybe(rng, 0.75):
        return value
    sizes = rng.choice(((3, 3, 4), (4, 4, 4), (3, 3, 3, 3), (2, 2, 2, 2, 2, 2), (5, 5, 5)))
    return speak(rng, grouped(ds, sizes), c.smart, noise=0.15)


def ids(c: Call, cls: str | None = None, said: bool = True) -> tuple[str, Benign]:
    """An id's word ("order number") and the id as said; `c.last_id` keeps its written value."""
    cls = cls or c.rng.choice(ID_KINDS)
    value = id_value(c.rng, cls)
    text = id_said(c, value) if said else value
    c.last_id = value
    return c.rng.choice(IDS[cls]), Benign(cls, text)


def date_text(rng: random.Random, smart: bool = True, agent: bool = False) -> tuple[str, str]:
    m, d, y = rng.randint(1, 12), rng.randint(1, 28), rng.choice((2025, 2026, 2026))
    if agent:
        return "date", rng.choice(
            (f"{m:02d}/{d:02d}/{y}", f"{MONTHS[m - 1]} {d}, {y}", f"{MONTHS[m - 1]} {d}")
        )
    if not smart:
        return "date", f"{MONTHS[m - 1].lower()} {d} {y}"
    return "date", rng.choice(
        (
            f"{m:02d}/{d:02d}/{y}",
            f"{m:02d} {d:02d} {y}",
            f"{MONTHS[m - 1]} {d}, {y}",
            f"{y}-{m:02d}-{d:02d}",
            f"{d}.{m:02d}.{y}",
        )
    )


def time_text(rng: random.Random, agent: bool = True) -> str:
    h, mi = rng.randint(7, 18), rng.choice((0, 15, 30, 45, 10, 20, 40, 50))
    h12 = f"{h if h <= 12 else h - 12}:{mi:02d}"
    if agent:
        return rng.choice(
            (
                f"{h12} {'AM' if h < 12 else 'PM'}",
                f"{h12} {'a.m.' if h < 12 else 'p.m.'}",
                f"{h:02d}:{mi:02d}",
            )
        )
    return rng.choice((h12, f"{h if h <= 12 else h - 12} {mi:02d}", f"{h:02d}{mi:02d}"))


def amount(rng: random.Random) -> str:
    v = rng.randint(12, 4800) + rng.choice((0, 0.5, 0.99, 0.25, 0.4))
    return rng.choice((f"${v:,.2f}", f"{v:,.2f} dollars", f"${int(v)}"))


def address(rng: random.Random) -> str:
    no = rng.randint(2, 9890)
    if maybe(rng, 0.7):
        town, st, zp = rng.choice(TOWNS)
        apt = f", apartment {rng.randint(1, 40)}{rng.choice('ABCD')}" if maybe(rng, 0.3) else ""
        return f"{no} {rng.choice(STREETS)}{apt}, {town}, {st} {zp}"
    return f"{rng.randint(2, 240)} {rng.choice(STREETS)}, {rng.choice(UK_POSTCODES)}"


# ---------------------------------------------------------------- segments (1-3 turns)


def seg_account(c: Call) -> None:
    rng = c.rng
    word, b = ids(c, rng.choice(("account_number", "customer_id", "member_id", "loyalty_number")))
    c.agent(
        pick(rng, "Can I get your ", "Could you give me your ", "First, what's the ")
        + word
        + pick(rng, "?", " please?", ", so I can pull up the account?")
    )
    c.user(
        pick(rng, "Yeah it's ", "Sure, ", "Um, ", "It should be ", "Okay, "),
        b,
        pick(rng, "", ".", " I think.", ", that's on the bill."),
    )
    if maybe(rng, 0.5):
        c.agent(
            pick(rng, "Thanks, that's ", "Got it, ", "Just to confirm, "),
            Benign(b.cls, c.last_id),
            pick(rng, ", correct?", ".", "? Perfect."),
        )


def seg_lookup(c: Call) -> None:
    """A tool lookup whose JSON holds ids, amounts and dates under non-phone keys."""
    rng = c.rng
    key = rng.choice(
        {
            "retail": ("order_id",),
            "courier": ("order_id",),
            "insurance": ("policy_id", "member_id"),
        }.get(c.biz[0], ("account_id", "customer_id", "member_id"))
    )
    val = Benign(key, digits(rng, rng.choice((9, 10, 10, 11))))
    c.tool_call(rng.choice(("lookup_account", "get_customer", "fetch_record")), [(key, val)])
    fields = [
        (key, Benign(key, val.text)),
        ("status", rng.choice(("active", "past_due", "pending", "suspended"))),
        ("balance", Benign("amount", f"{rng.randint(10, 3000)}.{rng.randint(0, 99):02d}")),
        ("due_date", Benign("date", f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")),
        ("branch_id", Benign("branch_id", digits(rng, rng.choice((4, 5, 6))))),
    ]
    if maybe(rng, 0.5):
        fields.append(("last_payment_ref", Benign("reference_number", digits(rng, 10))))
    if maybe(rng, 0.4):
        fields.append(("support_line", Benign("business_phone", business_line(rng))))
    if maybe(rng, 0.4):
        fields.append(("zip", Benign("postcode", rng.choice(TOWNS)[2])))
    rng.shuffle(fields)
    c.tool(fields)


def seg_business_line(c: Call) -> None:
    rng = c.rng
    region = "US" if maybe(rng, 0.65) else rng.choice(("GB", "CA", "AU", "IE", "IN", "DE"))
    line = Benign("business_phone", business_line(rng, region))
    frames = (
        ("If we get cut off, you can call us back on ", ", we're open until eight."),
        ("Our fraud team is reachable at ", ", twenty-four seven."),
        ("The branch number is ", " if you'd rather speak to them directly."),
        ("For billing questions the direct line is ", "."),
        ("You can also reach the claims desk at ", ", option three."),
        ("I'd call the pharmacy counter on ", ", they can confirm the refill."),
        ("The main office number is ", ", and ask for scheduling."),
    )
    a, z = rng.choice(frames)
    c.agent(a, line, z)
    if maybe(rng, 0.35):
        fax = Benign("fax", business_line(rng, region))
        c.agent(
            pick(
                rng,
                "And the form can be faxed to ",
                "Our fax number is ",
                "Please fax the signed page to ",
            ),
            fax,
            ".",
        )
    if maybe(rng, 0.3):
        c.user(
            pick(rng, "Okay ", "Got it ", "Alright "),
            Benign("business_phone", _said_line(c, line.text)),
            pick(rng, " got it", ", thanks", "", " okay"),
        )


def _said_line(c: Call, text: str) -> str:
    ds = "".join(ch for ch in text if ch.isdigit())
    if c.smart:
        return text
    if ds.startswith("1") and len(ds) == 11:
        ds = ds[1:]
    return speak(c.rng, grouped(ds, (3, 3, 4)), False, noise=0.1)


def seg_calling_about(c: Call) -> None:
    rng = c.rng
    cls = rng.choice(KIND_IDS.get(c.biz[0], ("case_number", "reference_number", "account_number")))
    word, b = ids(c, cls)
    c.user(
        pick(
            rng,
            "Hi, I'm calling about ",
            "Yeah hi, this is regarding ",
            "Hello, I'm calling regarding ",
            "Hi, um, it's about ",
        ),
        pick(rng, "my ", "", "the ") + word + " ",
        b,
        pick(rng, ".", "", ", it still hasn't been sorted.", ", I got an email about it."),
    )
    if maybe(rng, 0.6):
        c.agent(
            pick(rng, "Let me pull up ", "One moment while I open ", "Thanks, I'm looking at "),
            word,
            " ",
            Benign(cls, c.last_id),
            ".",
        )


def seg_appointment(c: Call) -> None:
    rng = c.rng
    _, d = date_text(rng, agent=True)
    t = time_text(rng)
    who = c.biz[0]
    frames = [
        ("The next opening is on ", " at ", "."),
        ("I can book you in on ", " at ", ", would that work?"),
    ]
    if who in ("clinic", "vet"):
        frames.append(
            (
                "We have you down for ",
                " at ",
                " with Dr. " + rng.choice(("Patel", "Moreno", "Lee", "Osei")) + ".",
            )
        )
    if who in ("isp", "utility", "telecom", "property", "auto"):
        frames.append(("The technician can come on ", " from ", ", it's a four-hour window."))
    a, m, z = rng.choice(frames)
    c.agent(a, Benign("date", d), m, Benign("time", t), z)
    if maybe(rng, 0.5):
        _, d2 = date_text(rng, c.smart)
        c.user(
            pick(rng, "Could we do ", "Is there anything on ", "What about "),
            Benign("date", d2),
            pick(rng, " instead?", " in the morning?", "?"),
        )
    if maybe(rng, 0.3):
        room = Benign("room_number", str(rng.randint(100, 4400)))
        c.agent(
            pick(rng, "Check in at suite ", "It's room ", "Go to building B, suite "), room, "."
        )


def seg_address(c: Call) -> None:
    rng = c.rng
    c.agent(
        pick(
            rng,
            "And the service address?",
            "What's the delivery address?",
            "Can you confirm the address on file?",
        )
    )
    addr = address(rng)
    c.user(pick(rng, "It's ", "Yeah, ", ""), Benign("address", addr), pick(rng, ".", "", " still."))


def seg_bill(c: Call) -> None:
    rng = c.rng
    word, inv = ids(c, rng.choice(("invoice_number", "account_number")), said=False)
    _, d = date_text(rng, agent=True)
    c.agent(
        pick(rng, "Your last bill, ", "The statement, ", "Looking at "),
        word + " ",
        inv,
        pick(rng, ", was ", ", comes to ", ", shows "),
        Benign("amount", amount(rng)),
        pick(rng, ", due ", ", with a due date of ", ", payable by "),
        Benign("date", d),
        ".",
    )
    if maybe(rng, 0.5):
        c.user(
            pick(rng, "But I paid ", "I already sent ", "I thought it was "),
            Benign("amount", amount(rng)),
            pick(rng, " last week", " on the fifth", "", " online"),
            ".",
        )


def seg_delivery(c: Call) -> None:
    rng = c.rng
    trk = Benign(
        "tracking_number",
        rng.choice(
            (
                "1Z" + alpha(rng, 3) + digits(rng, 11, string.digits),
                digits(rng, 12),
                digits(rng, 20),
                "9400" + digits(rng, 18, string.digits),
            )
        ),
    )
    order = Benign("order_id", digits(rng, 10))
    c.tool_call("track_shipment", [("order_id", order)])
    c.tool(
        [
            ("order_id", Benign("order_id", order.text)),
            ("tracking_number", trk),
            ("carrier", rng.choice(("UPS", "USPS", "FedEx", "DHL"))),
            ("eta", Benign("date", f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")),
            ("items", rng.randint(1, 6)),
            ("depot_phone", Benign("business_phone", business_line(rng))),
            ("postcode", Benign("postcode", rng.choice(TOWNS)[2])),
        ]
    )
    c.agent(
        pick(rng, "It's with the carrier, tracking ", "The parcel shipped, tracking number "),
        Benign("tracking_number", trk.text),
        pick(rng, ", and it should arrive by ", ", estimated delivery "),
        Benign("date", f"{rng.choice(DAYS)} the {rng.randint(2, 28)}th"),
        ".",
    )


def seg_bank_ids(c: Call) -> None:
    rng = c.rng
    if maybe(rng, 0.55):
        r = Benign("routing_number", id_said(c, routing(rng)))
        a = Benign("bank_account", id_said(c, digits(rng, rng.choice((8, 10, 12)))))
        c.agent("For the direct deposit I'll need the routing number and the account number.")
        c.user(
            pick(rng, "Routing is ", "The routing number is ", "Okay routing "),
            r,
            pick(rng, " and the account is ", ", account ", " and then account number "),
            a,
        )
    else:
        sc = Benign(
            "sort_code",
            rng.choice(
                (
                    f"{rng.randint(10, 99)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}",
                    f"{rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
                )
            ),
        )
        a = Benign("bank_account", digits(rng, 8))
        c.agent("Can you read me the sort code and account number from the card?")
        c.user(
            pick(rng, "Sort code ", "It's "),
            sc,
            pick(rng, ", account ", " and the account number is "),
            a,
        )


def seg_health_ids(c: Call) -> None:
    rng = c.rng
    kind = rng.choice(("nhs", "member", "rx", "npi", "group"))
    if kind == "nhs":
        c.agent("Could I take your NHS number?")
        c.user(pick(rng, "It's ", "Yeah, ", ""), Benign("nhs_number", id_said(c, nhs(rng))))
    elif kind == "rx":
        c.user(
            pick(rng, "The prescription number is ", "It's Rx number ", "The label says Rx "),
            Benign("rx_number", id_said(c, digits(rng, rng.choice((7, 8, 9))))),
        )
    elif kind == "npi":
        c.agent(
            pick(rng, "The referring provider's NPI is ", "I have the doctor's NPI as "),
            Benign("npi", digits(rng, 10, "12")),
            ".",
        )
    else:
        c.user(
            pick(rng, "My member ID is ", "Member number "),
            Benign("member_id", id_said(c, digits(rng, rng.choice((9, 10, 11))))),
            pick(rng, " and the group is ", ", group number "),
            Benign("group_number", digits(rng, rng.choice((5, 6, 7)))),
        )


def seg_national_id(c: Call) -> None:
    rng = c.rng
    opts = (
        (
            "aadhaar",
            "Aadhaar number",
            f"{digits(rng, 4, '23456789')} {digits(rng, 4, D)} {digits(rng, 4, D)}",
        ),
        (
            "sin",
            "SIN",
            f"{digits(rng, 3, '1245679')} {digits(rng, 3, D)} {digits(rng, 3, D)}",
        ),
        (
            "ni_number",
            "National Insurance number",
            " ".join(
                (alpha(rng, 2), digits(rng, 2), digits(rng, 2), digits(rng, 2), rng.choice("ABCD"))
            ),
        ),
        ("vat_id", "VAT number", rng.choice(("GB", "DE", "IE", "FR")) + digits(rng, 9)),
        (
            "tax_id",
            "tax file number",
            f"{digits(rng, 3)} {digits(rng, 3, string.digits)} {digits(rng, 3, string.digits)}",
        ),
        ("curp", "RFC", alpha(rng, 4) + digits(rng, 6, string.digits) + alpha(rng, 3)),
    )
    cls, word, val = rng.choice(opts)
    c.agent(f"And your {word}, please?")
    c.user(
        pick(rng, "Sure, it's ", "", "Okay, ", "Uh, "),
        Benign(cls, id_said(c, val) if cls in ("aadhaar", "sin", "tax_id") else val),
    )


def seg_device(c: Call) -> None:
    rng = c.rng
    kind = rng.choice(("imei", "serial", "iccid"))
    if kind == "imei":
        c.agent("Could you read me the IMEI? Dial star hash zero six hash.")
        c.user(pick(rng, "It says ", "Okay ", ""), Benign("imei", id_said(c, imei(rng))))
    elif kind == "iccid":
        c.user(
            pick(rng, "The SIM card number is ", "On the SIM it says "),
            Benign("iccid", "8901" + digits(rng, 15, string.digits)),
        )
    else:
        c.user(
            pick(rng, "The serial on the back is ", "Serial number "),
            Benign("serial", alpha(rng, 2) + digits(rng, 8)),
        )
    if maybe(rng, 0.4):
        c.agent(
            pick(rng, "Thanks. It's on firmware ", "I see it's running version "),
            Benign("version", f"{rng.randint(1, 14)}.{rng.randint(0, 9)}.{rng.randint(0, 30)}"),
            ".",
        )


def seg_datetime_run(c: Call) -> None:
    """Dates, times and amounts run together: digits without a unit between them."""
    rng = c.rng
    m, d, y = rng.randint(1, 12), rng.randint(1, 28), 2026
    t = f"{rng.randint(8, 11)} {rng.choice(('00', '15', '30', '45'))}"
    dd = f"{m:02d} {d:02d} {y}"
    if c.smart:
        amt = rng.choice(
            (
                f"{rng.randint(20, 900)} {rng.randint(10, 99)}",
                f"${rng.randint(20, 900)}.{rng.randint(10, 99)}",
            )
        )
        c.user(
            pick(rng, "It was on ", "The charge went through on ", "They came by on "),
            Benign("date", dd),
            " at ",
            Benign("time", t),
            pick(rng, ", for ", " and it was "),
            Benign("amount", amt),
            ".",
        )
    else:
        c.user(
            pick(rng, "it was on ", "they came on "),
            Benign("date", speak(rng, [f"{m:02d}", f"{d:02d}", "2026"], False, "pairs", 0)),
            " at ",
            Benign("time", speak(rng, t.split(), False, "pairs", 0)),
        )


def seg_meter(c: Call) -> None:
    rng = c.rng
    c.agent("Could you read me the meter number and the current reading?")
    c.user(
        pick(rng, "Meter number is ", "The meter says "),
        Benign("meter_number", id_said(c, digits(rng, rng.choice((8, 9, 10, 11))))),
        pick(rng, " and the reading is ", ", reading "),
        Benign("meter_reading", str(rng.randint(10000, 99999))),
    )


def seg_reservation(c: Call) -> None:
    rng = c.rng
    code = Benign("confirmation_code", alpha(rng, 2) + digits(rng, 4, string.digits))
    c.agent(
        pick(rng, "I have the booking, confirmation ", "Found it, reservation "),
        code,
        pick(rng, ", flight ", ", on flight "),
        Benign(
            "flight_number", rng.choice(("AA", "UA", "AU", "DL", "BA")) + str(rng.randint(10, 2999))
        ),
        pick(rng, ", departing ", " leaving "),
        Benign("date", f"{rng.choice(MONTHS)} {rng.randint(1, 28)}"),
        " at ",
        Benign("time", time_text(rng)),
        ".",
    )
    if maybe(rng, 0.5):
        c.user(
            pick(rng, "And my rewards number is ", "Can you add my loyalty number, it's "),
            Benign("loyalty_number", id_said(c, digits(rng, rng.choice((9, 10, 12))))),
        )


SEGMENTS: tuple[Callable[[Call], None], ...] = (
    seg_account, seg_lookup, seg_business_line, seg_calling_about, seg_appointment, seg_address,
    seg_bill, seg_delivery, seg_bank_ids, seg_health_ids, seg_national_id, seg_device,
    seg_datetime_run, seg_meter, seg_reservation,
)  # fmt: skip


def fits(c: Call) -> list[Callable[[Call], None]]:
    return [
        s
        for s in SEGMENTS
        if s is not seg_calling_about and c.biz[0] in FITS.get(s.__name__, KINDS)
    ]


def open_call(c: Call, reason: bool = True) -> None:
    rng = c.rng
    c.agent(
        pick(
            rng,
            "Thank you for calling ",
            "Hi, you've reached ",
            "Good morning, this is ",
            "Thanks for calling ",
        ),
        c.company,
        pick(
            rng,
            ", how can I help?",
            ". What can I do for you today?",
            ", my name is Sam. How can I help you?",
            ", this is Priya speaking.",
        ),
    )
    if not reason:
        return
    if maybe(rng, 0.35):
        seg_calling_about(c)
        return
    why = rng.choice(REASONS[c.biz[0]])
    c.user(
        pick(rng, "Hi, yeah, ", "Hi, ", "Hello, um, ", "Yeah hi ", ""),
        why,
        pick(rng, ".", "", ", can you help?"),
    )


NEXT = (
    "I can help with that.",
    "Okay, let me take a look.",
    "Sure, one moment.",
    "Thanks for waiting, I'm pulling that up now.",
    "Understood. Let me check a few things first.",
)
ACKS = ("Okay.", "Sure.", "Mm-hm.", "Alright.", "okay", "yeah sure", "Okay, thanks.", "Got it.")


def ack(c: Call) -> None:
    """A short caller reply when the agent would otherwise speak twice in a row."""
    last = c.row.turns[-1] if c.row.turns else None
    if (
        last
        and last["role"] == "assistant"
        and not last["content"].startswith("{")
        and maybe(c.rng, 0.6)
    ):
        c.user(c.rng.choice(ACKS))
    elif last and last["role"] == "user" and maybe(c.rng, 0.7):
        c.agent(c.rng.choice(NEXT))


def close_call(c: Call) -> None:
    rng = c.rng
    if c.turns() > 13:
        return
    c.agent(
        pick(
            rng,
            "Is there anything else I can help with?",
            "You're all set. Anything else today?",
            "That's done. Have a good day!",
        )
    )
    if maybe(rng, 0.6) and c.turns() < 14:
        c.user(
            pick(
                rng,
                "No, that's it, thanks.",
                "Nope that's all thank you",
                "That's everything, bye.",
                "no thanks bye",
            )
        )


def fill(c: Call, n: int) -> None:
    """`n` look-alike segments that fit the business, in a random order, while the call is short."""
    segs = fits(c)
    for seg in c.rng.sample(segs, min(n, len(segs))):
        if c.turns() < 8:
            ack(c)
            seg(c)
