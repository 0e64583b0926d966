"""heldout8: look-alikes (numbers that stay in clear) and how they are written or said.

`LOOK[cls]` draws a canonical value; `say_look` writes it as a smart-formatting ASR, an agent,
a tool, or (spoken=True) a raw lower-case ASR.
"""

from __future__ import annotations

import random
import string

from pii_heldout8_kit import (
    NANP_AREAS,
    WORD,
    card,
    digits,
    number_words,
    pair_words,
    pick,
    say_digits,
    say_groups,
)
from stdnum import luhn

MONTHS = (
    "January February March April May June July August September October November December"
).split()
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
STREETS = (
    "Maple Avenue,Elm Street,Cedar Lane,Harbor Drive,Lincoln Boulevard,Oak Ridge Road,"
    "Mission Street,Pine Court,Lakeview Terrace,Fulton Street,Sunset Boulevard,Queen Street West,"
    "Park Place,Willow Way,Riverside Drive,Birch Road,Main Street,Orchard Lane,Kingsway,"
    "Hillcrest Avenue,Bay Street,Jefferson Road,Summit Avenue,Magnolia Drive"
).split(",")
CITIES = [
    ("Austin", "TX"),
    ("Columbus", "OH"),
    ("Tampa", "FL"),
    ("Denver", "CO"),
    ("Portland", "OR"),
    ("Raleigh", "NC"),
    ("Phoenix", "AZ"),
    ("Nashville", "TN"),
    ("Madison", "WI"),
    ("Sacramento", "CA"),
    ("Newark", "NJ"),
    ("Tucson", "AZ"),
]


def ordinal(n: int) -> str:
    if n in ORD:
        return ORD[n]
    if n < 20:
        w = pair_words(f"{n:02d}") if n >= 10 else WORD[n]
        return w + "th"
    tens, unit = divmod(n, 10)
    base = ["", "", "twenty", "thirty"][tens]
    return base + " " + ORD.get(unit, WORD[unit] + "th")


def _id(prefix: str, n: int, sep: str = "-") -> object:
    def make(rng: random.Random) -> str:
        return prefix + sep + digits(rng, n) if prefix else digits(rng, n)

    return make


def _luhn16(rng: random.Random) -> str:
    body = digits(rng, 15)
    return body + luhn.calc_check_digit(body)


def _phone_shaped(rng: random.Random) -> str:
    return f"{digits(rng, 3)}-{digits(rng, 3)}-{digits(rng, 4, string.digits)}"


def _amount(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.4:
        v = rng.randint(12, 480)
        return f"${v}.{pick(rng, ['00', '99', '50', '25', '49', '75'])}"
    if r < 0.7:
        return f"${rng.randint(1, 9)},{rng.randint(0, 999):03d}.{rng.randint(0, 99):02d}"
    return f"${rng.randint(15, 950)}"


def _date(rng: random.Random) -> str:
    m, d = rng.randint(1, 12), rng.randint(1, 28)
    return pick(
        rng, [f"{MONTHS[m - 1]} {d}", f"{m:02d}/{d:02d}/2025", f"{m}/{d}", f"2025-{m:02d}-{d:02d}"]
    )


def _time(rng: random.Random) -> str:
    h, mi = rng.randint(7, 18), pick(rng, ["00", "15", "30", "45", "10", "40"])
    ampm = "AM" if h < 12 else "PM"
    h12 = h if h <= 12 else h - 12
    return pick(rng, [f"{h12}:{mi} {ampm}", f"{h12}:{mi}", f"{h:02d}:{mi}"])


def _address(rng: random.Random) -> str:
    num = rng.randint(12, 9800)
    st = pick(rng, STREETS)
    if rng.random() < 0.4:
        city, state = CITIES[rng.randrange(len(CITIES))]
        return f"{num} {st}, {city}, {state} {digits(rng, 5, '1234789')}"
    if rng.random() < 0.5:
        return f"{num} {st}, Unit {rng.randint(1, 40)}{pick(rng, 'ABCD')}"
    return f"{num} {st}"


def _imei(rng: random.Random) -> str:
    body = pick(rng, ["35", "86", "01", "35"]) + digits(rng, 12, string.digits)
    return body + luhn.calc_check_digit(body)


def _iccid(rng: random.Random) -> str:
    body = "8901" + digits(rng, 14, string.digits)
    return body + luhn.calc_check_digit(body)


def _vin(rng: random.Random) -> str:
    chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    return pick(rng, ["1HG", "1FT", "2T1", "3VW", "5YJ", "JN8", "WBA", "KM8"]) + "".join(
        pick(rng, chars) for _ in range(14)
    )


def _tracking(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.35:
        return "1Z" + "".join(pick(rng, string.ascii_uppercase + string.digits) for _ in range(16))
    if r < 0.7:
        return "9400 " + " ".join(digits(rng, 4, string.digits) for _ in range(4)) + " 12"
    return digits(rng, 12)


def _mac(rng: random.Random) -> str:
    return ":".join(f"{rng.randrange(256):02X}" for _ in range(6))


def _business_line(rng: random.Random) -> str:
    if rng.random() < 0.55:
        return pick(rng, ["1-800-", "1-888-", "1-877-", "(866) ", "1-855-"]) + (
            f"{digits(rng, 3, '23456789')}-{digits(rng, 4, string.digits)}"
        )
    area = pick(rng, NANP_AREAS["US"])
    return f"({area}) {digits(rng, 3, '23456789')}-{digits(rng, 4, string.digits)}"


def _masked(rng: random.Random) -> str:
    four = digits(rng, 4, string.digits)
    return pick(
        rng, [f"**** {four}", f"ending in {four}", f"XXXX-XXXX-XXXX-{four}", f"•••• {four}"]
    )


def _ndc(rng: random.Random) -> str:
    return f"{digits(rng, 5, '0123456')}-{digits(rng, 4, string.digits)}-{digits(rng, 2, '0123')}"


def _eticket(rng: random.Random) -> str:
    return pick(rng, ["001", "016", "006", "125", "074", "220"]) + " " + digits(rng, 10)


def _docket(rng: random.Random) -> str:
    kind = pick(rng, ["cv", "bk", "cr"])
    return f"{rng.randint(1, 4)}:{rng.randint(20, 25)}-{kind}-{digits(rng, 5, '0123')}"


def _ein(rng: random.Random) -> str:
    return f"{digits(rng, 2, '12345689')}-{digits(rng, 7, string.digits)}"


def _serial(rng: random.Random) -> str:
    pre = pick(rng, ["SN", "C02", "G0", "R5", "FX", "HT"])
    return pre + "".join(pick(rng, string.ascii_uppercase + string.digits) for _ in range(9))


def _code(n: int) -> object:
    def make(rng: random.Random) -> str:
        chars = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
        return "".join(pick(rng, chars) for _ in range(n))

    return make


LOOK: dict[str, object] = {
    "order_id": lambda rng: (
        pick(rng, ["#", "", "ORD-", "W"]) + digits(rng, rng.choice([7, 8, 9, 10]))
    ),
    "booking_ref": _code(6),
    "tracking_number": _tracking,
    "claim_number": lambda rng: pick(rng, ["CLM-", "", "C"]) + digits(rng, rng.choice([8, 9, 10])),
    "policy_number": lambda rng: (
        pick(rng, ["POL", "HO3-", "AU-", ""]) + digits(rng, rng.choice([8, 9, 10]))
    ),
    "account_number": lambda rng: digits(rng, rng.choice([9, 10, 12])),
    "member_id": lambda rng: pick(rng, ["M", "", "XQH", "W"]) + digits(rng, rng.choice([8, 9, 10])),
    "customer_id": lambda rng: pick(rng, ["C-", "CUST", ""]) + digits(rng, rng.choice([6, 7, 9])),
    "reference_number": lambda rng: (
        pick(rng, ["REF-", "", "R"]) + digits(rng, rng.choice([8, 10, 11]))
    ),
    "transaction_id": lambda rng: (
        pick(rng, ["TXN", "", "T-"]) + digits(rng, rng.choice([12, 14, 16]))
    ),
    "routing_number": lambda rng: pick(
        rng, ["021000021", "011401533", "121000358", "026009593", "322271627", "061000104"]
    ),
    "ein": _ein,
    "imei": _imei,
    "iccid": _iccid,
    "device_serial": _serial,
    "flight_number": lambda rng: (
        pick(rng, ["UA", "DL", "AA", "AC", "BA", "LH", "WN", "B6", "AS", "IB"])
        + " "
        + str(rng.randint(12, 2999))
    ),
    "address": _address,
    "quantity": lambda rng: (
        f"{rng.randint(2, 60)} "
        + pick(rng, ["boxes", "bags", "items", "units", "cartons", "pieces"])
    ),
    "version": lambda rng: f"{rng.randint(1, 17)}.{rng.randint(0, 12)}.{rng.randint(0, 9)}",
    "amount": _amount,
    "date": _date,
    "time": _time,
    "zip": lambda rng: digits(rng, 5, "1234789"),
    "postcode": lambda rng: pick(
        rng,
        [
            "SW1A 2AA",
            "M4B 1B3",
            "EC1V 9HX",
            "H3Z 2Y7",
            "D02 X285",
            "10115",
            "75011",
            "V6B 4Y8",
            "2000",
            "B15 2TT",
        ],
    ),
    "masked_card": _masked,
    "business_phone": _business_line,
    "invoice_number": lambda rng: (
        pick(rng, ["INV-", "", "#"]) + (_luhn16(rng) if rng.random() < 0.3 else digits(rng, 8))
    ),
    "ticket_number": lambda rng: (
        pick(rng, ["", "TKT-", "#", "INC"]) + digits(rng, rng.choice([7, 8, 10]))
    ),
    "case_number": lambda rng: pick(rng, ["CS-", "", "0"]) + digits(rng, rng.choice([8, 9])),
    "rx_number": lambda rng: digits(rng, 7),
    "patient_id": lambda rng: pick(rng, ["P", "PT-", ""]) + digits(rng, rng.choice([6, 8])),
    "student_id": lambda rng: pick(rng, ["", "U", "A0"]) + digits(rng, rng.choice([7, 8, 9])),
    "application_id": lambda rng: (
        pick(rng, ["APP-", "", "2025-"]) + digits(rng, rng.choice([6, 8, 9]))
    ),
    "license_plate": lambda rng: (
        pick(rng, ["7", "8", "A", ""])
        + "".join(pick(rng, "ABCDEFGHJKLMNPRSTVWXYZ") for _ in range(3))
        + digits(rng, 3, string.digits)
    ),
    "vin": _vin,
    "meter_number": lambda rng: pick(rng, ["", "E", "MTR-"]) + digits(rng, rng.choice([8, 10, 13])),
    "meter_reading": lambda rng: f"{digits(rng, 5, '0123456789')} kWh",
    "confirmation_code": _code(8),
    "promo_code": lambda rng: (
        pick(rng, ["SAVE", "WELCOME", "SPRING", "FALL", "FREEDEL", "NEW"])
        + str(rng.choice([10, 15, 20, 25, 50]))
    ),
    "extension": lambda rng: f"extension {digits(rng, 4)}",
    "unit_number": lambda rng: (
        f"{pick(rng, ['Apt', 'Unit', 'Suite'])} {rng.randint(1, 40)}"
        + pick(rng, ["", "A", "B", "0", "12"])
    ),
    "lease_id": lambda rng: "L-" + digits(rng, 7),
    "microchip_id": lambda rng: (
        pick(rng, ["985", "982", "956", "900"]) + digits(rng, 12, string.digits)
    ),
    "npi": lambda rng: "1" + digits(rng, 9, string.digits),
    "store_number": lambda rng: f"store {digits(rng, 4)}",
    "room_number": lambda rng: f"room {rng.randint(1, 19)}{rng.randint(1, 40):02d}",
    "percentage": lambda rng: f"{rng.randint(1, 9)}.{pick(rng, ['125', '25', '5', '875', '99'])}%",
    "weight": lambda rng: (
        f"{rng.randint(3, 95)}.{rng.randint(0, 9)} {pick(rng, ['lbs', 'kg', 'pounds'])}"
    ),
    "seat": lambda rng: f"seat {rng.randint(3, 44)}{pick(rng, 'ABCDEF')}",
    "sort_code": lambda rng: (
        f"{digits(rng, 2, '1234568')}-{digits(rng, 2, string.digits)}-"
        + digits(rng, 2, string.digits)
    ),
    "bic": lambda rng: pick(
        rng,
        [
            "DEUTDEFF",
            "BNPAFRPP",
            "INGBNL2A",
            "COBADEFFXXX",
            "BARCGB22",
            "CAIXESBB",
            "AIBKIE2D",
            "UBSWCHZH80A",
        ],
    ),
    "mac_address": _mac,
    "speed": lambda rng: f"{pick(rng, ['300', '500', '940', '1000', '100', '25'])} Mbps",
    "odometer": lambda rng: f"{rng.randint(5, 140)},{rng.randint(0, 999):03d} miles",
    "ndc_code": _ndc,
    "rx_bin": lambda rng: pick(rng, ["004336", "610014", "003858", "610502", "015581"]),
    "work_order": lambda rng: "WO-" + digits(rng, 6),
    "quote_number": lambda rng: "Q" + digits(rng, 7),
    "dot_number": lambda rng: digits(rng, 7),
    "docket_number": _docket,
    "loan_number": lambda rng: digits(rng, 10),
    "nmls_id": lambda rng: digits(rng, 6),
    "eticket_number": _eticket,
    "rma_number": lambda rng: "RMA" + digits(rng, 8),
    "efile_id": lambda rng: digits(rng, 20),
    "activation_code": lambda rng: _code(4)(rng) + "-" + _code(4)(rng),
    "part_number": lambda rng: (
        pick(rng, ["04152-", "15400-", "SKU "]) + digits(rng, 5, string.digits)
    ),
    "group_number": lambda rng: pick(rng, ["GRP", "", "0"]) + digits(rng, rng.choice([6, 7])),
    "phone_shaped_id": _phone_shaped,
    "luhn_id": _luhn16,
    "gift_receipt": lambda rng: digits(rng, 4) + " " + digits(rng, 4) + " " + digits(rng, 4),
    "card_bin": lambda rng: card(rng)[1][:6],
    "cvv": lambda rng: digits(rng, rng.choice([3, 3, 4]), string.digits),
}
ID_WORDS = {
    "order_id": "order number",
    "booking_ref": "booking reference",
    "tracking_number": "tracking number",
    "claim_number": "claim number",
    "policy_number": "policy number",
    "account_number": "account number",
    "member_id": "member ID",
    "customer_id": "customer number",
    "reference_number": "reference number",
    "transaction_id": "transaction ID",
    "invoice_number": "invoice number",
    "ticket_number": "ticket number",
    "case_number": "case number",
    "rx_number": "prescription number",
    "patient_id": "patient ID",
    "student_id": "student ID",
    "application_id": "application number",
    "meter_number": "meter number",
    "confirmation_code": "confirmation code",
    "lease_id": "lease ID",
    "microchip_id": "microchip number",
    "work_order": "work order",
    "quote_number": "quote number",
    "loan_number": "loan number",
    "eticket_number": "e-ticket number",
    "rma_number": "RMA number",
    "group_number": "group number",
    "phone_shaped_id": "reference",
    "luhn_id": "voucher number",
    "docket_number": "case number",
}


def draw(rng: random.Random, cls: str) -> str:
    return LOOK[cls](rng)  # type: ignore[operator]


def _spell_id(rng: random.Random, text: str) -> str:
    """'ORD-4821377' said: 'o r d four eight two one three seven seven'."""
    out: list[str] = []
    run = ""
    for ch in text + " ":
        if ch.isdigit():
            run += ch
            continue
        if run:
            groups = [run[i : i + 3] for i in range(0, len(run), 3)]
            if len(groups) > 1 and len(groups[-1]) == 1:
                groups[-2] += groups[-1]
                groups.pop()
            out.append(say_groups(rng, groups, fillers=0.05, restart=0.0, slips=0.03))
            run = ""
        if ch.isalpha():
            out.append(ch.lower())
    return " ".join(out)


def _say_amount(rng: random.Random, text: str) -> str:
    v = text.replace("$", "").replace(",", "")
    dollars, _, cents = v.partition(".")
    d = int(dollars)
    said = number_words(d)
    if cents and cents != "00":
        if rng.random() < 0.5:
            return f"{said} dollars and {number_words(int(cents))} cents"
        return f"{said} {pair_words(cents)}"
    return said + " dollars"


def _say_date(rng: random.Random, text: str) -> str:
    if "-" in text:
        _, m, d = text.split("-")
    elif "/" in text:
        m, d = text.split("/")[:2]
    else:
        name, d = text.split()
        m = str(MONTHS.index(name) + 1)
    return f"{MONTHS[int(m) - 1].lower()} {ordinal(int(d))}"


def _say_time(rng: random.Random, text: str) -> str:
    hm = text.split(maxsplit=1)[0]
    h, mi = hm.split(":")
    hh = int(h) if int(h) <= 12 else int(h) - 12
    w = WORD[hh] if hh < 10 else pair_words(str(hh))
    if mi == "00":
        return f"{w} o'clock" if rng.random() < 0.5 else f"{w} {pick(rng, ['a m', 'p m'])}"
    return f"{w} {pair_words(mi)}"


def say_look(rng: random.Random, cls: str, text: str, spoken: bool) -> str:
    """`text` (a LOOK value) as a raw lower-case ASR writes it (spoken) or as is."""
    if not spoken:
        return text
    if cls == "amount":
        return _say_amount(rng, text)
    if cls == "date":
        return _say_date(rng, text)
    if cls == "time":
        return _say_time(rng, text)
    if cls == "business_phone":
        ds = "".join(c for c in text if c.isdigit())
        if ds.startswith("1"):
            ds = ds[1:]
        head = ds[:3]
        lead = f"{WORD[int(head[0])]} hundred" if head.endswith("00") else say_digits(rng, head)
        return (
            ("one " if rng.random() < 0.6 else "") + lead + " " + say_groups(rng, [ds[3:6], ds[6:]])
        )
    if cls in ("address",):
        num, rest = text.split(" ", 1)
        rest = rest.split(",")[0].lower()
        return number_words(int(num)) + " " + rest
    if cls in ("quantity", "weight", "speed", "odometer", "percentage", "meter_reading"):
        head, _, tail = text.partition(" ")
        if cls == "percentage":
            a, b = text.rstrip("%").split(".")
            return f"{number_words(int(a))} point {say_digits(rng, b, oh=0)} percent"
        if cls == "odometer":
            return number_words(int(head.replace(",", ""))) + " miles"
        if cls == "weight":
            a, b = head.split(".")
            return f"{number_words(int(a))} point {WORD[int(b)]} {tail}"
        if cls == "meter_reading":
            return say_digits(rng, head) + " kilowatt hours"
        return f"{number_words(int(head))} {tail.lower().replace('mbps', 'megs')}"
    if cls in ("extension", "store_number", "room_number", "seat", "unit_number"):
        word, _, num = text.partition(" ")
        return f"{word.lower().replace('apt', 'apartment')} {_spell_id(rng, num)}"
    if cls == "masked_card":
        four = text[-4:]
        return f"ending in {say_groups(rng, [four], slips=0)}"
    if cls == "zip" or cls == "cvv" or cls == "card_bin":
        return say_digits(rng, text, doubles=0.2)
    if cls == "mac_address":
        return " ".join(ch for ch in text.lower() if ch != ":")
    if cls in ("website", "business_email"):
        return text.replace(".", " dot ").replace("@", " at ").replace("  ", " ")
    if cls == "version":
        return " point ".join(number_words(int(p)) for p in text.split("."))
    return _spell_id(rng, text)
