"""heldout6 look-alikes: the numbers a contact-centre call is full of that are not PII.

`LOOK[cls](rng, raw)` draws one look-alike as text (raw=True: the lower-case words of an
unformatted STT turn). The NEG_FAMILIES here hold look-alikes only, no PII at all.
"""

from __future__ import annotations

import json
import random

from pii_heldout6_say import ONES, number_words, pair_words, say_digits, say_group
from pii_rows import Benign, Row, maybe
from stdnum import luhn

COMPANIES = [
    # name, domain, toll-free digits (NANP 8xx) or other public line
    ("Larkfield Mobile", "larkfieldmobile.com", "8884127730"),
    ("Corran Savings Bank", "corranbank.com", "8007319046"),
    ("Tidewell Energy", "tidewell-energy.com", "8664092218"),
    ("Pennick Air", "pennickair.com", "8772260934"),
    ("Ashgrove Mutual", "ashgrovemutual.com", "8559013347"),
    ("Holloway Home Goods", "hollowayhome.com", "8446612075"),
    ("Brindle Broadband", "brindlenet.com", "8337408812"),
    ("Marrow and Finch Pharmacy", "marrowfinch.com", "8003362941"),
    ("Quillon Car Rental", "quillonrentals.com", "8885170463"),
    ("Sorrel Street Clinic", "sorrelclinic.org", "8663048175"),
    ("Vantry Parcel", "vantryparcel.com", "8772914406"),
    ("Glenhaven Hotels", "glenhavenhotels.com", "8004489120"),
]


def company(rng: random.Random) -> tuple[str, str, str]:
    return rng.choice(COMPANIES)


def digits(rng: random.Random, n: int, first_nonzero: bool = False) -> str:
    s = "".join(str(rng.randrange(10)) for _ in range(n))
    if first_nonzero and s[0] == "0":
        s = str(rng.randrange(1, 10)) + s[1:]
    return s


def alnum(rng: random.Random, n: int, letters: str = "ABCDEFGHJKLMNPQRSTUVWXYZ") -> str:
    return "".join(rng.choice(letters + "23456789") for _ in range(n))


def spoken(groups: list[str], rng: random.Random) -> str:
    return say_digits(groups, rng, raw=True)


def spoken_alnum(s: str, rng: random.Random) -> str:
    out = []
    for c in s:
        if c.isdigit():
            out.append(ONES[int(c)] if c != "0" else rng.choice(["zero", "oh"]))
        elif c.isalpha():
            out.append(c.lower())
    return " ".join(out)


# ------------------------------------------------------------------ look-alike drawers


def lk_order(rng, raw):
    k = rng.randrange(4)
    if k == 0:
        g = [digits(rng, 3, True), digits(rng, 7), digits(rng, 7)]
        return "order_id", spoken(g, rng) if raw else "-".join(g)
    if k == 1:
        s = digits(rng, 8, True)
        return "order_id", spoken([s[:4], s[4:]], rng) if raw else "#" + s
    if k == 2:
        s = "HH" + digits(rng, 6)
        return "order_id", spoken_alnum(s, rng) if raw else s
    g = [digits(rng, 4, True), digits(rng, 4)]
    return "order_id", spoken(g, rng) if raw else "ORD-" + "-".join(g)


def lk_case(rng, raw):
    k = rng.randrange(3)
    if k == 0:
        s = digits(rng, 8)
        return "case_id", spoken([s[:4], s[4:]], rng) if raw else "CS" + s
    if k == 1:
        s = "INC" + digits(rng, 7)
        return "ticket", spoken_alnum(s, rng) if raw else s
    s = digits(rng, 10, True)  # ten digits: a NANP-shaped case number
    return "case_id", spoken([s[:3], s[3:6], s[6:]], rng) if raw else f"{s[:3]}-{s[3:6]}-{s[6:]}"


def lk_tracking(rng, raw):
    k = rng.randrange(3)
    if k == 0:
        s = "1Z" + alnum(rng, 6) + digits(rng, 10)
        return "tracking", spoken_alnum(s, rng) if raw else s
    if k == 1:
        s = "9400" + digits(rng, 18)
        g = [s[i : i + 4] for i in range(0, 22, 4)]
        return "tracking", spoken(g, rng) if raw else " ".join(g)
    s = digits(rng, 12, True)
    g = [s[:4], s[4:8], s[8:]]
    return "tracking", spoken(g, rng) if raw else " ".join(g)


def lk_amount(rng, raw):
    d = rng.choice([rng.randrange(3, 99), rng.randrange(100, 999), rng.randrange(1000, 4800)])
    c = rng.choice([0, 0, rng.randrange(1, 100)])
    if raw:
        s = number_words(d) + rng.choice([" dollars", " bucks", " pounds", " euros"])
        if c:
            s += (
                " and " + number_words(c) + " cents"
                if maybe(rng, 0.5)
                else " " + pair_words(f"{c:02d}", "oh")
            )
        return "amount", s
    sym = rng.choice(["$", "$", "£", "€"])
    return "amount", f"{sym}{d:,}" + (f".{c:02d}" if c or maybe(rng, 0.5) else "")


def lk_time(rng, raw):
    h, m = rng.randrange(1, 13), rng.choice([0, 15, 30, 45, 10, 20, 40, 5])
    if raw:
        if m == 0:
            return "time", f"{ONES[h] if h < 20 else h} o'clock" if maybe(
                rng, 0.5
            ) else number_words(h) + rng.choice([" am", " pm", " in the morning"])
        return "time", number_words(h) + " " + (pair_words(f"{m:02d}", "oh")) + rng.choice(
            ["", " pm", " am"]
        )
    return "time", f"{h}:{m:02d} " + rng.choice(["am", "pm", "AM", "PM", "pm"])


MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
ORD = {
    1: "first",
    2: "second",
    3: "third",
    5: "fifth",
    8: "eighth",
    9: "ninth",
    12: "twelfth",
    20: "twentieth",
    30: "thirtieth",
}


def ordinal(n: int) -> str:
    if n in ORD:
        return ORD[n]
    if n > 20 and n % 10 in ORD and n % 10 < 10:
        return number_words(n - n % 10) + " " + ORD[n % 10]
    if n > 20 and n % 10:
        return number_words(n - n % 10) + " " + number_words(n % 10) + "th"
    return number_words(n) + "th"


def lk_date(rng, raw):
    mo, d, y = rng.randrange(1, 13), rng.randrange(1, 29), rng.randrange(2023, 2027)
    if raw:
        return "date", rng.choice(
            [
                f"{MONTHS[mo - 1].lower()} {ordinal(d)}",
                f"the {ordinal(d)} of {MONTHS[mo - 1].lower()}",
            ]
        )
    return "date", rng.choice(
        [
            f"{mo:02d}/{d:02d}/{y}",
            f"{MONTHS[mo - 1]} {d}",
            f"{y}-{mo:02d}-{d:02d}",
            f"{d} {MONTHS[mo - 1][:3]} {y}",
        ]
    )


def lk_quantity(rng, raw):
    n = rng.choice([2, 3, 4, 6, 12, 24, 48, 250, 500, 1500])
    unit = rng.choice(
        ["boxes", "units", "milligrams", "gigs", "kilowatt hours", "pallets", "tablets"]
    )
    return "quantity", (number_words(n) + " " + unit) if raw else f"{n} {unit}"


STREETS = [
    "Larchmont Avenue",
    "Quarry Hill Road",
    "Tamsin Court",
    "Old Mill Lane",
    "Wexford Street",
    "Bellweather Drive",
    "Cinder Path",
    "Harbour View Terrace",
]


def lk_address(rng, raw):
    n = rng.randrange(12, 9800)
    st = rng.choice(STREETS)
    if raw:
        return "address", say_group(str(n), rng, "oh", "pairs") + " " + st.lower()
    return "address", f"{n} {st}" + rng.choice(
        ["", f", Apt {rng.randrange(1, 40)}{rng.choice('ABC')}", f" Unit {rng.randrange(2, 300)}"]
    )


UK_INWARD = "ABDEFGHJLNPQRSTUWXYZ"  # letters a UK postcode's inward code may end with


def lk_postcode(rng, raw):
    k = rng.randrange(3)
    if k == 0:
        z = digits(rng, 5, True)
        if raw:
            return "postcode", say_group(z, rng, "oh", "single")
        return "postcode", z + (f"-{digits(rng, 4)}" if maybe(rng, 0.5) else "")
    if k == 1:
        s = (
            f"{rng.choice(['LS', 'EH', 'BS', 'CF', 'NG'])}{rng.randrange(1, 20)} "
            f"{rng.randrange(1, 10)}{rng.choice(UK_INWARD)}{rng.choice(UK_INWARD)}"
        )
        return "postcode", spoken_alnum(s, rng) if raw else s
    s = (
        f"{rng.choice('KLMTV')}{rng.randrange(1, 10)}{rng.choice('ABCEGHJ')} "
        f"{rng.randrange(1, 10)}{rng.choice('KLMNPR')}{rng.randrange(1, 10)}"
    )
    return "postcode", spoken_alnum(s, rng) if raw else s


def lk_company_line(rng, raw, comp=None):
    name, dom, tf = comp or company(rng)
    g = [tf[:3], tf[3:6], tf[6:]]
    if raw:
        return "company_line", "one " + say_group(g[0], rng, "hundred", "hundreds") + " " + spoken(
            g[1:], rng
        )
    return "company_line", rng.choice(
        [f"1-{g[0]}-{g[1]}-{g[2]}", f"({g[0]}) {g[1]}-{g[2]}", f"1 {g[0]} {g[1]} {g[2]}"]
    )


def lk_mailbox(rng, raw, comp=None):
    name, dom, tf = comp or company(rng)
    box = rng.choice(["support", "billing", "returns", "help", "claims", "noreply", "care"])
    if raw:
        return "company_email", f"{box} at {dom.replace('.', ' dot ').replace('-', ' dash ')}"
    return "company_email", f"{box}@{dom}"


def lk_website(rng, raw, comp=None):
    name, dom, tf = comp or company(rng)
    path = rng.choice(["", "/pay", "/returns", "/help", "/account", "/claims"])
    if raw:
        return "website", dom.replace(".", " dot ") + (" slash " + path[1:] if path else "")
    return "website", rng.choice(["", "www."]) + dom + path


def lk_masked(rng, raw):
    last4 = digits(rng, 4)
    if raw:
        return "masked", rng.choice(
            ["ending in ", "ends in ", "last four ", "the last four digits "]
        ) + spoken([last4], rng)
    return "masked", rng.choice(
        [
            f"ending in {last4}",
            f"ending {last4}",
            f"**** {last4}",
            f"XXXX-XXXX-XXXX-{last4}",
            f"***-**-{last4}",
            f"last four {last4}",
        ]
    )


def lk_imei(rng, raw):
    body = rng.choice(["35", "86", "01", "49"]) + digits(rng, 12)
    s = body + luhn.calc_check_digit(body)
    g = [s[:2], s[2:8], s[8:14], s[14:]]
    return "imei", spoken(g, rng) if raw else rng.choice([s, " ".join(g), "-".join(g)])


def lk_serial(rng, raw):
    s = alnum(rng, 4) + "-" + alnum(rng, 4) + "-" + digits(rng, 3)
    return "serial", spoken_alnum(s, rng) if raw else s


def lk_vin(rng, raw):
    s = (
        rng.choice(["1HG", "JT2", "WVW", "5YJ", "3FA"])
        + alnum(rng, 6, "ABCDEFGHJKLMNPRSTUVWXYZ")
        + alnum(rng, 2)
        + digits(rng, 6)
    )
    return "vin", spoken_alnum(s, rng) if raw else s


def lk_meter(rng, raw):
    s = digits(rng, 11)
    g = [s[:2], s[2:6], s[6:]]
    return "meter_id", spoken(g, rng) if raw else " ".join(g)


def lk_customer_no(rng, raw):
    s = digits(rng, rng.choice([9, 10, 12]), True)
    g = [s[i : i + 3] for i in range(0, len(s), 3)] if len(s) != 10 else [s[:4], s[4:7], s[7:]]
    return "account_id", spoken(g, rng) if raw else rng.choice([s, " ".join(g)])


def aba(rng):
    while True:
        d = [rng.randrange(10) for _ in range(8)]
        d[0] = rng.choice([0, 1, 2, 3])
        w = [3, 7, 1, 3, 7, 1, 3, 7]
        s = sum(a * b for a, b in zip(d, w, strict=True))
        c = (10 - s % 10) % 10
        r = "".join(map(str, d)) + str(c)
        if r[:3] not in ("000",):
            return r


def lk_routing(rng, raw):
    r = aba(rng)
    return "routing_number", spoken([r[:3], r[3:6], r[6:]], rng) if raw else r


def lk_sort_code(rng, raw):
    g = [digits(rng, 2, True), digits(rng, 2), digits(rng, 2)]
    return "sort_code", spoken(g, rng) if raw else "-".join(g)


def lk_bic(rng, raw):
    s = rng.choice(["CORR", "TIDE", "HALB", "NWBK", "BNPA", "DEUT", "RABO"]) + rng.choice(
        ["GB2L", "DEFF", "FRPP", "NL2U", "IE2D"]
    )
    return "bic", spoken_alnum(s, rng) if raw else s


def lk_claim_ssnshape(rng, raw):
    g = [digits(rng, 3, True), digits(rng, 2), digits(rng, 4)]
    return "claim_id", spoken(g, rng) if raw else "-".join(g)


def lk_confirmation_phoneshape(rng, raw):
    g = [
        str(rng.randrange(2, 10)) + digits(rng, 2),
        str(rng.randrange(2, 10)) + digits(rng, 2),
        digits(rng, 4),
    ]
    return "confirmation", spoken(g, rng) if raw else rng.choice([" ".join(g), "".join(g)])


def lk_loyalty_luhn(rng, raw):
    body = rng.choice(["7", "8", "9"]) + digits(rng, 14)
    s = body + luhn.calc_check_digit(body)
    g = [s[i : i + 4] for i in range(0, 16, 4)]
    return "loyalty_id", spoken(g, rng) if raw else " ".join(g)


def lk_otp(rng, raw):
    s = digits(rng, 6)
    return "otp", spoken([s[:3], s[3:]], rng) if raw else s


def lk_booking(rng, raw):
    s = alnum(rng, 6, "BCDFGHJKLMNPQRSTVWXZ")
    return "booking_ref", spoken_alnum(s, rng) if raw else s


def lk_flight(rng, raw):
    s = rng.choice(["PK", "PX", "QN"]) + str(rng.randrange(100, 2999))
    return "flight", spoken_alnum(s, rng) if raw else s[:2] + " " + s[2:]


def lk_extension(rng, raw):
    s = digits(rng, rng.choice([3, 4]), True)
    return "extension", ("extension " + spoken([s], rng)) if raw else f"ext. {s}"


def lk_rx(rng, raw):
    s = digits(rng, 7, True)
    return "rx_number", spoken([s[:3], s[3:]], rng) if raw else f"Rx {s}"


def lk_store(rng, raw):
    s = digits(rng, 4)
    return "store_id", spoken([s], rng) if raw else f"#{s}"


def lk_invoice(rng, raw):
    s = f"INV-{rng.randrange(2023, 2027)}-{digits(rng, 5)}"
    return "invoice", spoken_alnum(s, rng) if raw else s


def lk_plate(rng, raw):
    s = f"{rng.randrange(1, 10)}{alnum(rng, 3, 'ABCDEFGHJKLMNPRSTVWXYZ')}{digits(rng, 3)}"
    return "plate", spoken_alnum(s, rng) if raw else s


def lk_ip(rng, raw):
    s = f"192.168.{rng.randrange(0, 3)}.{rng.randrange(2, 254)}"
    return "ip_address", s.replace(".", " dot ") if raw else s


def lk_mac(rng, raw):
    s = ":".join(f"{rng.randrange(256):02X}" for _ in range(6))
    return "mac_address", s if not raw else spoken_alnum(s.replace(":", ""), rng)


def lk_policy(rng, raw):
    s = rng.choice(["POL", "AM", "HX"]) + digits(rng, 8)
    return "policy_id", spoken_alnum(s, rng) if raw else s


def lk_percent(rng, raw):
    a, b = rng.randrange(1, 30), rng.randrange(0, 10)
    return "rate", (number_words(a) + " point " + ONES[b] + " percent") if raw else f"{a}.{b}%"


LOOK = {
    "order_id": lk_order,
    "case_id": lk_case,
    "ticket": lk_case,
    "tracking": lk_tracking,
    "amount": lk_amount,
    "time": lk_time,
    "date": lk_date,
    "quantity": lk_quantity,
    "address": lk_address,
    "postcode": lk_postcode,
    "company_line": lk_company_line,
    "company_email": lk_mailbox,
    "website": lk_website,
    "masked": lk_masked,
    "imei": lk_imei,
    "serial": lk_serial,
    "vin": lk_vin,
    "meter_id": lk_meter,
    "account_id": lk_customer_no,
    "routing_number": lk_routing,
    "sort_code": lk_sort_code,
    "bic": lk_bic,
    "claim_id": lk_claim_ssnshape,
    "confirmation": lk_confirmation_phoneshape,
    "loyalty_id": lk_loyalty_luhn,
    "otp": lk_otp,
    "booking_ref": lk_booking,
    "flight": lk_flight,
    "extension": lk_extension,
    "rx_number": lk_rx,
    "store_id": lk_store,
    "invoice": lk_invoice,
    "plate": lk_plate,
    "ip_address": lk_ip,
    "mac_address": lk_mac,
    "policy_id": lk_policy,
    "rate": lk_percent,
}


def look(rng: random.Random, raw: bool, *classes: str) -> Benign:
    cls = rng.choice(classes) if classes else rng.choice(sorted(LOOK))
    c, text = LOOK[cls](rng, raw)
    return Benign(c, text)


# Sentences with a single look-alike slot: (speaker, before, class choices, after).
AGENT_LINES = [
    ("Your order number is ", ("order_id",), ", and it shipped yesterday."),
    ("I've opened case ", ("case_id", "ticket"), " for this."),
    ("The tracking number I have is ", ("tracking",), "."),
    ("That comes to ", ("amount",), " including tax."),
    ("I can book a technician for ", ("time",), " if that works."),
    ("The refund should post by ", ("date",), "."),
    ("You can also call us back on ", ("company_line",), " any time."),
    ("If you'd rather email, it's ", ("company_email",), "."),
    ("You can pay online at ", ("website",), "."),
    ("I see the card on file ", ("masked",), ", is that still the one?"),
    ("Your claim reference is ", ("claim_id",), ", keep that handy."),
    ("Your confirmation number is ", ("confirmation", "booking_ref"), "."),
    ("Your rewards number is ", ("loyalty_id",), "."),
    ("I've just sent a code, it should read ", ("otp",), "."),
    ("Your prescription number is ", ("rx_number",), "."),
    ("The meter on the account is ", ("meter_id",), "."),
    ("Your customer number is ", ("account_id",), "."),
    ("Your policy is ", ("policy_id",), ", renewing next month."),
    ("The invoice in question is ", ("invoice",), "."),
    ("I'll transfer you to billing, extension ", ("extension",), "."),
    ("The new rate on that plan is ", ("rate",), "."),
]
USER_LINES = [
    ("Yeah the order number's ", ("order_id",), "."),
    ("I got a text saying tracking ", ("tracking",), " but nothing's moved."),
    ("They charged me ", ("amount",), " twice."),
    ("The IMEI on the box is ", ("imei",), "."),
    ("The serial on the back says ", ("serial",), "."),
    ("It's the car with VIN ", ("vin",), "."),
    ("My meter number is ", ("meter_id",), "."),
    ("The routing number on the cheque is ", ("routing_number",), "."),
    ("Sort code's ", ("sort_code",), " if that helps."),
    ("The swift code they gave me was ", ("bic",), "."),
    ("My claim number is ", ("claim_id",), "."),
    ("The confirmation I got was ", ("confirmation",), "."),
    ("Booking reference ", ("booking_ref",), "."),
    ("I'm on flight ", ("flight",), " tomorrow."),
    ("The code says ", ("otp",), "."),
    ("Prescription number ", ("rx_number",), "."),
    ("I was at your store number ", ("store_id",), "."),
    ("It's ", ("address",), ", that's where it should go."),
    ("Postcode is ", ("postcode",), "."),
    ("Plate number ", ("plate",), "."),
    ("The router says its IP is ", ("ip_address",), "."),
    ("The MAC address on the sticker is ", ("mac_address",), "."),
    ("I ordered ", ("quantity",), " and got half."),
    ("It was delivered on ", ("date",), " but it was the wrong one."),
    ("Could someone call between ", ("time",), " and five?"),
    ("My rewards card is ", ("loyalty_id",), "."),
    ("The card ", ("masked",), " is the one I want to use."),
    ("My policy number is ", ("policy_id",), "."),
    ("My account number with you is ", ("account_id",), "."),
    ("The case number from last time was ", ("case_id", "ticket"), "."),
]


def neg_line(row: Row, rng: random.Random, role: str, raw: bool | None = None) -> None:
    raw = maybe(rng, 0.45) if raw is None else raw
    lines = USER_LINES if role == "user" else AGENT_LINES
    before, classes, after = rng.choice(lines)
    if raw and role == "user" and maybe(rng, 0.4):
        before = rng.choice(["um ", "yeah ", "okay so ", "uh "]) + before
    row.say(role, before, look(rng, raw, *classes), after, smart=not raw)


# ------------------------------------------------------------------ negative-only families

OPENERS = [
    "Thanks for calling {c}, this is {a}, how can I help?",
    "{c}, you're speaking with {a}. What can I do for you today?",
    "Hi, thanks for holding. This is {a} at {c}.",
    "Good afternoon, {c} customer care, {a} speaking.",
]
AGENTS = [
    "Renata",
    "Malik",
    "Siobhan",
    "Deshawn",
    "Ingrid",
    "Tomasz",
    "Aaliyah",
    "Benedikt",
    "Carys",
    "Omari",
    "Leilani",
    "Rufus",
]


def opener(row: Row, rng: random.Random, comp=None) -> tuple:
    comp = comp or company(rng)
    row.say("assistant", rng.choice(OPENERS).format(c=comp[0], a=rng.choice(AGENTS)))
    return comp


def fam_order_status(rng: random.Random) -> Row:
    row = Row("h6.neg.order_status")
    opener(row, rng, COMPANIES[rng.choice([5, 10])])
    raw = maybe(rng, 0.5)
    row.say(
        "user",
        "hi i'm calling about an order, the number is "
        if raw
        else "Hi, I'm checking on an order, it's ",
        look(rng, raw, "order_id"),
        "" if raw else ".",
        smart=not raw,
    )
    row.say(
        "assistant",
        "Thanks. It left the warehouse on ",
        look(rng, False, "date"),
        " and the tracking number is ",
        look(rng, False, "tracking"),
        ".",
    )
    if maybe(rng, 0.6):
        neg_line(row, rng, "user")
    row.say("assistant", "Is there anything more I can sort out for you?")
    return row


def fam_billing(rng: random.Random) -> Row:
    row = Row("h6.neg.billing_dispute")
    comp = opener(row, rng, COMPANIES[rng.choice([1, 6])])
    raw = maybe(rng, 0.5)
    row.say(
        "user",
        "yeah there's a charge of " if raw else "There's a charge of ",
        look(rng, raw, "amount"),
        " on my statement from " if raw else " on my statement from ",
        look(rng, raw, "date"),
        " i don't recognise" if raw else " I don't recognise.",
        smart=not raw,
    )
    row.say(
        "assistant",
        "I see it. That's invoice ",
        look(rng, False, "invoice"),
        ", charged to the card ",
        look(rng, False, "masked"),
        ".",
    )
    row.say(
        "user",
        "okay and when does the refund come back" if raw else "Okay. When would a refund show up?",
        smart=not raw,
    )
    row.say(
        "assistant",
        "Usually three to five business days. If not, call ",
        look(rng, False, "company_line"),
        " or write to ",
        Benign(*lk_mailbox(rng, False, comp)),
        ".",
    )
    return row


def fam_device(rng: random.Random) -> Row:
    row = Row("h6.neg.device_support")
    opener(row, rng, COMPANIES[rng.choice([0, 6])])
    raw = maybe(rng, 0.55)
    row.say(
        "user",
        "my phone won't connect since the update"
        if raw
        else "My phone won't connect since the update.",
        smart=not raw,
    )
    row.say("assistant", "Sorry about that. Can you read me the IMEI from Settings, About?")
    row.say(
        "user",
        "okay it says " if raw else "Okay, it says ",
        look(rng, raw, "imei"),
        "",
        smart=not raw,
    )
    if maybe(rng, 0.5):
        row.say(
            "user",
            "and the serial is " if raw else "And the serial is ",
            look(rng, raw, "serial", "mac_address"),
            smart=not raw,
        )
    row.say(
        "assistant",
        "Thanks. I'm resetting the network profile now, it should be back by ",
        look(rng, False, "time"),
        ".",
    )
    return row


def fam_bank_details(rng: random.Random) -> Row:
    row = Row("h6.neg.bank_identifiers")
    opener(row, rng, COMPANIES[rng.choice([1])])
    raw = maybe(rng, 0.5)
    row.say(
        "user",
        "i need your details to send a wire" if raw else "I need your bank details to send a wire.",
        smart=not raw,
    )
    row.say(
        "assistant",
        "Of course. Our routing number is ",
        look(rng, False, "routing_number"),
        " and the swift code is ",
        look(rng, False, "bic"),
        ".",
    )
    row.say(
        "user",
        "and the sort code for the uk branch" if raw else "And the sort code for the UK branch?",
        smart=not raw,
    )
    row.say(
        "assistant",
        "That's ",
        look(rng, False, "sort_code"),
        ". Please quote reference ",
        look(rng, False, "invoice", "account_id"),
        ".",
    )
    return row


def fam_claim(rng: random.Random) -> Row:
    row = Row("h6.neg.insurance_claim")
    opener(row, rng, COMPANIES[rng.choice([4])])
    raw = maybe(rng, 0.5)
    row.say(
        "user",
        "i'm following up on claim " if raw else "I'm following up on claim ",
        look(rng, raw, "claim_id"),
        smart=not raw,
    )
    row.say(
        "assistant",
        "Found it under policy ",
        look(rng, False, "policy_id"),
        ". The adjuster visits ",
        look(rng, False, "date"),
        " at ",
        look(rng, False, "time"),
        ".",
    )
    if maybe(rng, 0.5):
        neg_line(row, rng, "user")
    return row


def fam_pharmacy(rng: random.Random) -> Row:
    row = Row("h6.neg.pharmacy_refill")
    opener(row, rng, COMPANIES[rng.choice([7])])
    raw = maybe(rng, 0.5)
    row.say(
        "user",
        "i want to refill " if raw else "I'd like to refill ",
        look(rng, raw, "rx_number"),
        smart=not raw,
    )
    qty = Benign(
        "quantity", f"{rng.choice([28, 30, 56, 60, 90])} {rng.choice(['tablets', 'capsules'])}"
    )
    row.say(
        "assistant",
        "That's ",
        qty,
        ", ready at store ",
        look(rng, False, "store_id"),
        " after ",
        look(rng, False, "time"),
        ".",
    )
    return row


def fam_travel(rng: random.Random) -> Row:
    row = Row("h6.neg.travel_change")
    opener(row, rng, COMPANIES[rng.choice([3, 11])])
    raw = maybe(rng, 0.5)
    row.say(
        "user",
        "i need to change my booking " if raw else "I need to change booking ",
        look(rng, raw, "booking_ref"),
        " on flight " if raw else " on flight ",
        look(rng, raw, "flight"),
        smart=not raw,
    )
    row.say(
        "assistant",
        "I can move you to ",
        look(rng, False, "date"),
        ", departing ",
        look(rng, False, "time"),
        ". The fare difference is ",
        look(rng, False, "amount"),
        ".",
    )
    if maybe(rng, 0.5):
        row.say(
            "user",
            "put it on my rewards number " if raw else "Add my rewards number, ",
            look(rng, raw, "loyalty_id"),
            smart=not raw,
        )
    return row


def fam_utility(rng: random.Random) -> Row:
    row = Row("h6.neg.utility_reading")
    opener(row, rng, COMPANIES[rng.choice([2])])
    raw = maybe(rng, 0.5)
    row.say(
        "user",
        "i'm giving a meter reading the meter is " if raw else "I want to give a reading, meter ",
        look(rng, raw, "meter_id"),
        smart=not raw,
    )
    row.say("assistant", "Thanks. And the reading?")
    n = rng.randrange(10000, 99999)
    row.say("user", say_group(str(n), rng, "oh", "single") if raw else str(n), smart=not raw)
    row.say(
        "assistant",
        "Got it, for the property at ",
        look(rng, False, "address"),
        ", ",
        look(rng, False, "postcode"),
        ".",
    )
    return row


def fam_company_contacts(rng: random.Random) -> Row:
    row = Row("h6.neg.company_contacts")
    comp = opener(row, rng)
    raw = maybe(rng, 0.5)
    row.say(
        "user",
        "what's the number for your returns department"
        if raw
        else "What's the number for returns?",
        smart=not raw,
    )
    row.say(
        "assistant",
        "Returns is ",
        Benign(*lk_company_line(rng, False, comp)),
        ", open till ",
        look(rng, False, "time"),
        ".",
    )
    row.say("user", "and an email" if raw else "And is there an email?", smart=not raw)
    c, t = lk_mailbox(rng, maybe(rng, 0.5), comp)
    row.say(
        "assistant",
        "Sure, ",
        Benign(c, t),
        ", or the form at ",
        Benign(*lk_website(rng, False, comp)),
        ".",
    )
    if maybe(rng, 0.4):
        row.say("user", "so that's ", Benign(*lk_company_line(rng, True, comp)), smart=False)
    return row


def fam_vehicle(rng: random.Random) -> Row:
    row = Row("h6.neg.vehicle_rental")
    opener(row, rng, COMPANIES[rng.choice([8])])
    raw = maybe(rng, 0.5)
    row.say(
        "user",
        "the car i rented has a warning light the plate is "
        if raw
        else "The rental has a warning light, plate ",
        look(rng, raw, "plate"),
        smart=not raw,
    )
    row.say("assistant", "Can you read me the VIN on the windscreen sticker?")
    row.say("user", look(rng, raw, "vin"), smart=not raw)
    row.say(
        "assistant",
        "Thanks. Roadside will call you back by ",
        look(rng, False, "time"),
        ". Your case is ",
        look(rng, False, "case_id"),
        ".",
    )
    return row


def fam_otp(rng: random.Random) -> Row:
    row = Row("h6.neg.verification_code")
    opener(row, rng, COMPANIES[rng.choice([0, 1, 6])])
    row.say("assistant", "For security I've texted you a code. Can you read it to me?")
    raw = maybe(rng, 0.6)
    row.say("user", "yeah it's " if raw else "Yes, it's ", look(rng, raw, "otp"), smart=not raw)
    row.say(
        "assistant",
        "Perfect, you're verified. I see the account ",
        look(rng, False, "account_id"),
        ".",
    )
    return row


def fam_masked(rng: random.Random) -> Row:
    row = Row("h6.neg.masked_on_file")
    opener(row, rng, COMPANIES[rng.choice([1, 5, 11])])
    row.say("user", "which card do you have on file", smart=False)
    row.say(
        "assistant",
        "I have a Visa ",
        look(rng, False, "masked"),
        " and a Mastercard ",
        look(rng, False, "masked"),
        ".",
    )
    row.say("user", "use the one ", look(rng, True, "masked"), smart=False)
    if maybe(rng, 0.5):
        row.say(
            "assistant",
            "Done. The phone we have on file ends in ",
            Benign("masked", rng.choice(["", "", "****"]) + digits(rng, 4)),
            ".",
        )
    return row


def fam_chitchat_numbers(rng: random.Random) -> Row:
    """Numbers that are nobody's: counts, prices, years, percentages, durations."""
    row = Row("h6.neg.everyday_numbers")
    opener(row, rng)
    for _ in range(rng.randrange(2, 4)):
        neg_line(row, rng, rng.choice(["user", "assistant"]))
    return row


def fam_tool_ids(rng: random.Random) -> Row:
    row = Row("h6.neg.tool_ids")
    row.say(
        "user",
        "can you check my order " if maybe(rng, 0.5) else "hi its about ",
        look(rng, True, "order_id"),
        smart=False,
    )
    args = {"order_id": LOOK["order_id"](rng, False)[1], "customer_id": digits(rng, 10, True)}
    row.say(
        "assistant",
        '{"tool": "get_order", "arguments": {"order_id": "',
        Benign("order_id", args["order_id"]),
        '", "customer_id": "',
        Benign("account_id", args["customer_id"]),
        '"}}',
    )
    tr = LOOK["tracking"](rng, False)[1]
    ref = digits(rng, 16)
    ref = ref[:-1] + luhn.calc_check_digit(ref[:-1])
    sku = digits(rng, 12, True)
    row.say(
        "tool",
        '{"status": "in_transit", "tracking_id": "',
        Benign("tracking", tr),
        '", "payment_ref": "',
        Benign("payment_ref", ref),
        '", "sku": "',
        Benign("sku", sku),
        '", "total": ',
        Benign("amount", f"{rng.randrange(10, 900)}.{rng.randrange(100):02d}"),
        ', "support_phone": "',
        Benign(*lk_company_line(rng, False)),
        '"}',
    )
    row.say("assistant", "It's on the way and should arrive by ", look(rng, False, "date"), ".")
    return row


def fam_tool_case(rng: random.Random) -> Row:
    row = Row("h6.neg.tool_case")
    row.say(
        "assistant",
        json.dumps({"tool": "lookup_case", "arguments": {}})[:-3],
        '{"case_id": "',
        Benign("case_id", "CS" + digits(rng, 8)),
        '", "device_imei": "',
        Benign(*lk_imei(rng, False)),
        '"}}',
    )
    row.say(
        "tool",
        '{"case": {"opened": "',
        Benign(
            "date",
            f"{rng.randrange(2023, 2026)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
        ),
        '", "ticket_number": "',
        Benign("ticket", digits(rng, 10, True)),
        '", "callback_queue": "',
        Benign("extension", digits(rng, 4, True)),
        '", "customer_ssn_last4": "',
        Benign("masked", digits(rng, 4)),
        '"}}',
    )
    row.say("assistant", "I've found the case, it's still with the repair team.")
    return row


def fam_typed_refs(rng: random.Random) -> Row:
    """Chat: references typed with odd spaces, none of them PII."""
    row = Row("h6.neg.chat_refs")
    sep = rng.choice(["\u00a0", "\u2009", "\u2013", " ", "-"])
    tr = digits(rng, 12, True)
    row.say(
        "user",
        "hi, parcel ",
        Benign("tracking", sep.join([tr[:4], tr[4:8], tr[8:]])),
        " hasn't arrived",
    )
    row.say(
        "assistant",
        "Sorry to hear that! I can see it at the depot. Reference ",
        look(rng, False, "case_id"),
        ".",
    )
    s = lk_loyalty_luhn(rng, False)[1].replace(" ", sep)
    row.say("user", "ok. also my member no is ", Benign("loyalty_id", s), " can u add points")
    return row


NEG_FAMILIES = {
    "h6.neg.order_status": (fam_order_status, 4.8),
    "h6.neg.billing_dispute": (fam_billing, 4.1),
    "h6.neg.device_support": (fam_device, 3.6),
    "h6.neg.bank_identifiers": (fam_bank_details, 3.6),
    "h6.neg.insurance_claim": (fam_claim, 3.6),
    "h6.neg.pharmacy_refill": (fam_pharmacy, 3.0),
    "h6.neg.travel_change": (fam_travel, 3.6),
    "h6.neg.utility_reading": (fam_utility, 3.0),
    "h6.neg.company_contacts": (fam_company_contacts, 4.1),
    "h6.neg.vehicle_rental": (fam_vehicle, 3.0),
    "h6.neg.verification_code": (fam_otp, 3.0),
    "h6.neg.masked_on_file": (fam_masked, 3.6),
    "h6.neg.everyday_numbers": (fam_chitchat_numbers, 3.6),
    "h6.neg.tool_ids": (fam_tool_ids, 3.0),
    "h6.neg.tool_case": (fam_tool_case, 1.8),
    "h6.neg.chat_refs": (fam_typed_refs, 2.4),
}
