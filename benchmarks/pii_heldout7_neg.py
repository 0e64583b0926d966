"""heldout7: look-alikes (numbers and addresses that are not a person's PII), smart or raw."""

from __future__ import annotations

import random
import string

from pii_heldout7_say import ONES, cardinal, digits_words, pair, two
from stdnum import luhn

U = string.ascii_uppercase
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


def d(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def nz(rng: random.Random, n: int) -> str:
    return str(rng.randint(1, 9)) + d(rng, n - 1)


def letters(rng: random.Random, n: int, pool: str = U) -> str:
    return "".join(rng.choice(pool) for _ in range(n))


def said(rng: random.Random, s: str) -> str:
    """An alphanumeric code read out raw: letters as letters, digit runs in words."""
    out, run = [], ""
    for ch in s:
        if ch.isdigit():
            run += ch
            continue
        if run:
            out.append(digits_words(run, rng, rng.choice(["single", "double", "pairs"])))
            run = ""
        if ch.isalpha():
            out.append(ch.lower())
    if run:
        out.append(digits_words(run, rng, rng.choice(["single", "double", "pairs"])))
    return " ".join(out)


def ordinal(n: int) -> str:
    if n in ORD:
        return ORD[n]
    if n < 20:
        return cardinal(n) + "th"
    t, o = divmod(n, 10)
    return cardinal(t * 10) + " " + (ORD.get(o) or cardinal(o) + "th")


def code(rng, raw, smart_text):
    return said(rng, smart_text) if raw else smart_text


def amount(rng, raw, cur=None):
    dollars = rng.choice([rng.randint(5, 99), rng.randint(100, 999), rng.randint(1000, 25000)])
    cents = rng.choice([0, rng.randint(1, 99)])
    if cur is None:
        cur = rng.choice(["$", "$", "$", "£", "€"])
    if raw:
        name = {"$": "dollars", "£": "pounds", "€": "euros", "₹": "rupees"}[cur]
        text = cardinal(dollars) + " " + name
        if cents:
            text += rng.choice([" and ", " "]) + cardinal(cents) + (" cents" if cur == "$" else "")
        return text
    return f"{cur}{dollars:,}" + (f".{cents:02d}" if cents or rng.random() < 0.5 else "")


def date(rng, raw):
    m, day = rng.randint(1, 12), rng.randint(1, 28)
    year = rng.choice([2023, 2024, 2025, 2026])
    if raw:
        return rng.choice(
            [
                f"{MONTHS[m - 1].lower()} {ordinal(day)}",
                f"the {ordinal(day)} of {MONTHS[m - 1].lower()}",
                f"{MONTHS[m - 1].lower()} {cardinal(day)} twenty {cardinal(year - 2000)}",
            ]
        )
    return rng.choice(
        [
            f"{m:02d}/{day:02d}/{year}",
            f"{MONTHS[m - 1]} {day}",
            f"{day} {MONTHS[m - 1]} {year}",
            f"{year}-{m:02d}-{day:02d}",
            f"{MONTHS[m - 1]} {day}, {year}",
        ]
    )


def time_(rng, raw):
    h, mi = rng.randint(1, 12), rng.choice([0, 15, 30, 45, 10, 20, 5, 50])
    ap = rng.choice(["am", "pm"])
    if raw:
        return f"{cardinal(h)} {'o clock' if mi == 0 else pair(f'{mi:02d}', rng)} {ap}"
    return f"{h}:{mi:02d} {ap.upper() if rng.random() < 0.5 else ap[0] + '.' + ap[1] + '.'}"


def digits_said(rng, raw, s):
    return digits_words(s, rng, rng.choice(["single", "double", "pairs"])) if raw else s


def masked4(rng, raw):
    return digits_said(rng, raw, d(rng, 4))


def routing(rng):
    while True:
        base = rng.choice(["0", "1", "2", "3"]) + str(rng.randint(0, 9)) + d(rng, 6)
        w = [3, 7, 1, 3, 7, 1, 3, 7]
        s = sum(int(c) * k for c, k in zip(base, w))
        return base + str((10 - s % 10) % 10)


def imei(rng):
    body = rng.choice(["35", "86", "01", "49"]) + d(rng, 12)
    return body + luhn.calc_check_digit(body)


def not_luhn(rng, n):
    while True:
        s = nz(rng, n)
        if not luhn.is_valid(s):
            return s


def grouped(s, size=4, sep=" "):
    return sep.join(s[i : i + size] for i in range(0, len(s), size))


NEG = {
    "order_id": lambda r, raw: code(
        r,
        raw,
        r.choice(
            [f"#{nz(r, 7)}", f"A{nz(r, 8)}", f"{nz(r, 3)}-{d(r, 7)}-{d(r, 7)}", f"W{nz(r, 9)}"]
        ),
    ),
    "tracking": lambda r, raw: code(
        r,
        raw,
        r.choice(
            [
                f"1Z{letters(r, 3)}{d(r, 3)}{d(r, 10)}",
                grouped("94" + d(r, 20)),
                f"{nz(r, 12)}",
                f"JD{d(r, 16)}",
                f"RR{d(r, 9)}GB",
            ]
        ),
    ),
    "confirmation_code": lambda r, raw: code(r, raw, letters(r, 2) + d(r, 1) + letters(r, 3)),
    "flight_number": lambda r, raw: code(
        r,
        raw,
        r.choice(["UA", "BA", "DL", "AA", "EK", "LH", "QF", "AI", "AF", "LA"])
        + " "
        + str(r.randint(10, 2999)),
    ),
    "policy_number": lambda r, raw: code(
        r, raw, r.choice([f"POL-{d(r, 4)}-{d(r, 5)}", f"{letters(r, 3)}{nz(r, 9)}", f"H{nz(r, 8)}"])
    ),
    "claim_number": lambda r, raw: code(
        r, raw, r.choice([f"CLM {d(r, 4)} {d(r, 4)} {d(r, 1)}", f"{nz(r, 2)}-{d(r, 6)}-{d(r, 2)}"])
    ),
    "member_id": lambda r, raw: code(
        r,
        raw,
        r.choice(
            [
                f"{letters(r, 1)}{nz(r, 8)}",
                f"{letters(r, 3)}{d(r, 9)}",
                f"{nz(r, 9)}-0{r.randint(1, 4)}",
            ]
        ),
    ),
    "card_last4": masked4,
    "phone_last4": masked4,
    "ssn_last4": masked4,
    "account_masked": lambda r, raw: (
        digits_said(r, raw, d(r, 4))
        if raw
        else r.choice([f"****{d(r, 4)}", f"xxxx-{d(r, 4)}", f"•••• {d(r, 4)}", f"...{d(r, 4)}"])
    ),
    "amount": amount,
    "date": date,
    "time": time_,
    "zip_code": lambda r, raw: (
        digits_said(r, raw, nz(r, 5)) if raw or r.random() < 0.7 else f"{nz(r, 5)}-{d(r, 4)}"
    ),
    "street_number": lambda r, raw: (
        cardinal(r.randint(10, 9999))
        if raw and r.random() < 0.4
        else (digits_said(r, raw, str(r.randint(10, 19999))))
    ),
    "apartment": lambda r, raw: (
        ("apartment " if raw else r.choice(["Apt ", "Unit ", "Suite "]))
        + code(r, raw, str(r.randint(1, 40)) + r.choice(["", "B", "C", "F"]))
    ),
    "meter_number": lambda r, raw: code(
        r, raw, r.choice([f"MTR{nz(r, 8)}", nz(r, 11), f"{nz(r, 2)} {d(r, 3)} {d(r, 3)} {d(r, 3)}"])
    ),
    "utility_account": lambda r, raw: code(
        r, raw, r.choice([grouped(nz(r, 12)), f"{nz(r, 4)}-{d(r, 5)}-{d(r, 2)}"])
    ),
    "invoice_number": lambda r, raw: code(r, raw, f"INV-{r.randint(2023, 2026)}-{d(r, 5)}"),
    "case_number": lambda r, raw: code(
        r,
        raw,
        r.choice(
            [
                f"CS-{nz(r, 7)}",
                f"{nz(r, 8)}",
                f"CAS-{d(r, 5)}-{letters(r, 1)}{d(r, 1)}{letters(r, 1)}{d(r, 1)}",
            ]
        ),
    ),
    "ticket_number": lambda r, raw: code(
        r, raw, r.choice([f"TKT {nz(r, 6)}", f"INC{d(r, 7)}", f"#{nz(r, 5)}"])
    ),
    "serial_number": lambda r, raw: code(
        r,
        raw,
        r.choice(
            [
                f"SN {nz(r, 1)}{letters(r, 2)}{d(r, 4)}{letters(r, 3)}",
                f"{letters(r, 1)}{nz(r, 11)}",
                f"{letters(r, 4)}{d(r, 6)}",
            ]
        ),
    ),
    "imei": lambda r, raw: (
        digits_said(r, raw, imei(r))
        if raw
        else r.choice(
            [
                lambda s: s,
                lambda s: f"{s[:2]}-{s[2:8]}-{s[8:14]}-{s[14]}",
                lambda s: f"{s[:2]} {s[2:8]} {s[8:14]} {s[14]}",
            ]
        )(imei(r))
    ),
    "model_number": lambda r, raw: code(
        r,
        raw,
        r.choice(
            [
                f"{letters(r, 2)}-{nz(r, 4)}",
                f"SM-{letters(r, 1)}{nz(r, 3)}{letters(r, 1)}",
                f"A{nz(r, 4)}",
            ]
        ),
    ),
    "otp_code": lambda r, raw: (
        digits_said(r, raw, d(r, 6)) if raw or r.random() < 0.6 else f"{d(r, 3)} {d(r, 3)}"
    ),
    "routing_number": lambda r, raw: digits_said(r, raw, routing(r)),
    "ein": lambda r, raw: digits_said(r, raw, nz(r, 9)) if raw else f"{nz(r, 2)}-{d(r, 7)}",
    "rx_number": lambda r, raw: code(
        r, raw, r.choice([f"Rx {nz(r, 7)}", f"{nz(r, 7)}-{d(r, 5)}", nz(r, 9)])
    ),
    "group_number": lambda r, raw: code(
        r, raw, r.choice([f"GRP {d(r, 5)}", f"{nz(r, 6)}-{d(r, 3)}"])
    ),
    "npi": lambda r, raw: digits_said(r, raw, "1" + d(r, 9)),
    "loan_number": lambda r, raw: code(
        r, raw, r.choice([f"LN {d(r, 4)} {d(r, 4)} {d(r, 4)}", nz(r, 10)])
    ),
    "license_plate": lambda r, raw: code(
        r,
        raw,
        r.choice(
            [f"{nz(r, 1)}{letters(r, 3)}{d(r, 3)}", f"{letters(r, 2)}{d(r, 2)} {letters(r, 3)}"]
        ),
    ),
    "vin": lambda r, raw: code(
        r,
        raw,
        f"{nz(r, 1)}{letters(r, 2, 'ABCDEFGHJKLMNPRSTUVWXYZ')}{letters(r, 2, 'ABCDEFGHJKLMNPRSTUVWXYZ')}{d(r, 2)}{d(r, 1)}{letters(r, 1, 'ABCDEFGHJKLMNPRSTUVWXYZ')}{d(r, 1)}{letters(r, 1, 'ABCDEFGHJKLMNPRSTUVWXYZ')}{d(r, 6)}",
    ),
    "student_id": lambda r, raw: code(
        r, raw, r.choice([f"S{nz(r, 8)}", nz(r, 9), f"{r.randint(19, 25)}-{d(r, 6)}"])
    ),
    "employee_id": lambda r, raw: code(
        r, raw, r.choice([f"E-{nz(r, 5)}", f"EMP{d(r, 6)}", nz(r, 6)])
    ),
    "room_number": lambda r, raw: digits_said(r, raw, str(r.randint(101, 2899))),
    "loyalty_number": lambda r, raw: code(
        r, raw, r.choice([grouped(nz(r, 11), 4), f"{letters(r, 2)}{nz(r, 9)}", not_luhn(r, 16)])
    ),
    "percentage": lambda r, raw: (
        (cardinal(r.randint(1, 30)) + " percent")
        if raw
        else r.choice([f"{r.randint(1, 29)}.{r.randint(0, 99):02d}%", f"{r.randint(1, 99)}%"])
    ),
    "data_usage": lambda r, raw: (
        (cardinal(r.randint(2, 80)) + " gigs")
        if raw
        else f"{r.randint(1, 80)}.{r.randint(0, 9)} GB"
    ),
    "sort_code": lambda r, raw: (
        digits_said(r, raw, nz(r, 6)) if raw else f"{nz(r, 2)}-{d(r, 2)}-{d(r, 2)}"
    ),
    "bic": lambda r, raw: code(
        r,
        raw,
        r.choice(
            [
                "DEUTDEFF",
                "COBADEFFXXX",
                "BARCGB22",
                "NWBKGB2L",
                "BNPAFRPP",
                "INGBNL2A",
                "CAIXESBB",
                "UNCRITMM",
                "AIBKIE2D",
                "BPKOPLPW",
                "POALILIT",
            ]
        ),
    ),
    "transaction_id": lambda r, raw: code(
        r,
        raw,
        r.choice([f"TXN{d(r, 10)}", f"{letters(r, 2)}{d(r, 4)}-{d(r, 4)}-{d(r, 4)}", nz(r, 12)]),
    ),
    "cheque_number": lambda r, raw: digits_said(r, raw, str(r.randint(101, 9999))),
    "promo_code": lambda r, raw: code(
        r,
        raw,
        r.choice(
            [
                "SPRING25",
                "WELCOME10",
                "SAVE20NOW",
                "FREESHIP",
                "BF2024",
                "LOYAL15",
                "HOLIDAY30",
                "NEWYEAR5",
            ]
        ),
    ),
    "gift_card": lambda r, raw: (
        digits_said(r, raw, not_luhn(r, 16)) if raw else grouped(not_luhn(r, 16))
    ),
    "ride_id": lambda r, raw: code(
        r, raw, r.choice([f"TRP-{letters(r, 3)}{d(r, 5)}", f"{letters(r, 1)}{d(r, 7)}"])
    ),
    "receipt_number": lambda r, raw: code(
        r, raw, r.choice([f"R-{nz(r, 8)}", f"{nz(r, 4)}-{d(r, 4)}-{d(r, 4)}"])
    ),
    "tax_reference": lambda r, raw: code(
        r,
        raw,
        r.choice(
            [
                f"{nz(r, 5)} {d(r, 5)}",
                f"{nz(r, 3)}/{letters(r, 2)}{d(r, 5)}",
                f"20{r.randint(23, 25)}-{nz(r, 6)}",
            ]
        ),
    ),
    "tax_year": lambda r, raw: (
        f"twenty {cardinal(r.randint(19, 25))}" if raw else str(r.randint(2019, 2025))
    ),
    "locker_code": lambda r, raw: digits_said(r, raw, d(r, 6)),
    "quantity": lambda r, raw: (
        (cardinal(r.randint(2, 60)) + r.choice([" units", " bags", " boxes", " pounds", " kilos"]))
        if raw
        else f"{r.randint(2, 60)} {r.choice(['units', 'bags', 'boxes', 'lbs', 'kg'])}"
    ),
    "duration": lambda r, raw: (
        (cardinal(r.randint(2, 90)) + r.choice([" minutes", " days", " business days"]))
        if raw
        else f"{r.randint(2, 90)} {r.choice(['minutes', 'days', 'business days'])}"
    ),
    "mileage": lambda r, raw: (
        (cardinal(r.randint(1000, 99999)) + " miles")
        if raw
        else f"{r.randint(1000, 99999):,} miles"
    ),
    "dosage": lambda r, raw: (
        (cardinal(r.choice([5, 10, 20, 25, 40, 50, 100, 250, 500])) + " milligrams")
        if raw
        else f"{r.choice([5, 10, 20, 25, 40, 50, 100, 250, 500])} mg"
    ),
    "gate_seat": lambda r, raw: (
        code(r, raw, f"{r.choice('ABCDE')}{r.randint(1, 48)}")
        if r.random() < 0.5
        else code(r, raw, f"{r.randint(1, 45)}{r.choice('ABCDEF')}")
    ),
    "extension": lambda r, raw: (
        ("extension " + digits_words(str(r.randint(100, 9999)), r, "single"))
        if raw
        else r.choice(["ext. ", "x", "ext ", "extension "]) + str(r.randint(10, 9999))
    ),
    "postal_code": lambda r, raw: code(
        r,
        raw,
        r.choice(
            [
                f"{r.choice(['SW', 'M', 'B', 'EH', 'LS'])}{r.randint(1, 20)} {r.randint(1, 9)}{letters(r, 2)}",
                f"{r.choice('MKLTVH')}{r.randint(1, 9)}{r.choice('ABCEGHJ')} {r.randint(1, 9)}{r.choice('KLMNPR')}{r.randint(1, 9)}",
                f"{r.randint(10, 99)}{d(r, 3)}",
            ]
        ),
    ),
    "customer_number": lambda r, raw: code(
        r, raw, r.choice([f"C{nz(r, 8)}", f"{nz(r, 10)}", f"CU-{d(r, 6)}"])
    ),
    "reservation_number": lambda r, raw: code(
        r,
        raw,
        r.choice([f"{nz(r, 8)}", f"H{letters(r, 1)}{d(r, 8)}", f"{letters(r, 3)}-{d(r, 6)}"]),
    ),
    "version": lambda r, raw: (
        (f"version {cardinal(r.randint(2, 17))} point {cardinal(r.randint(0, 9))}")
        if raw
        else f"{r.randint(2, 17)}.{r.randint(0, 9)}.{r.randint(0, 20)}"
    ),
    "year": lambda r, raw: (
        f"twenty {cardinal(r.randint(10, 24))}" if raw else str(r.randint(2010, 2024))
    ),
    "balance_points": lambda r, raw: (
        (cardinal(r.randint(500, 90000)) + " points")
        if raw
        else f"{r.randint(500, 90000):,} points"
    ),
    "card_expiry": lambda r, raw: (
        (f"{pair(f'{r.randint(1, 12):02d}', r)} {two(r.randint(25, 31))}")
        if raw
        else r.choice(
            [
                f"{r.randint(1, 12):02d}/{r.randint(25, 31)}",
                f"{r.randint(1, 12):02d}/20{r.randint(25, 31)}",
            ]
        )
    ),
    "cvv": lambda r, raw: digits_said(r, raw, d(r, 3)),
    "cvv4": lambda r, raw: digits_said(r, raw, d(r, 4)),
    "pin_reset_code": lambda r, raw: code(r, raw, f"{letters(r, 2)}{d(r, 4)}"),
    "hold_position": lambda r, raw: cardinal(r.randint(2, 14)) if raw else str(r.randint(2, 14)),
    "temperature": lambda r, raw: (
        (cardinal(r.randint(97, 103)) + " point " + ONES[r.randint(0, 9)])
        if raw
        else f"{r.randint(97, 103)}.{r.randint(0, 9)}°F"
    ),
}


def _iccid(r):
    body = "89" + r.choice(["01", "44", "61", "91", "49"]) + d(r, 15 - 4 + 2)
    return body + luhn.calc_check_digit(body)


NEG.update(
    {
        "sim_iccid": lambda r, raw: digits_said(r, raw, _iccid(r)) if raw else grouped(_iccid(r)),
        "bin": lambda r, raw: digits_said(
            r, raw, r.choice(["610014", "004336", "003858", "610502", "015581"])
        ),
        "pcn": lambda r, raw: code(r, raw, r.choice(["ADV", "MEDDADV", "9999", "A4", "CN"])),
        "store_number": lambda r, raw: digits_said(r, raw, str(r.randint(100, 19999))),
        "eticket": lambda r, raw: digits_said(
            r, raw, r.choice(["016", "125", "176", "220", "081"]) + nz(r, 10)
        ),
        "bag_tag": lambda r, raw: code(r, raw, r.choice(["UA", "BA", "QF", "EK"]) + " " + nz(r, 6)),
        "meter_reading": lambda r, raw: digits_said(r, raw, nz(r, 5)),
        "kwh": lambda r, raw: (
            (cardinal(r.randint(200, 2400)) + " kilowatt hours")
            if raw
            else f"{r.randint(200, 2400):,} kWh"
        ),
        "rma": lambda r, raw: code(r, raw, f"RMA-{nz(r, 7)}"),
        "sku": lambda r, raw: code(
            r, raw, r.choice([f"{nz(r, 3)}-{d(r, 3)}-{d(r, 2)}", f"{letters(r, 3)}{d(r, 5)}"])
        ),
        "notice_number": lambda r, raw: code(
            r, raw, r.choice(["CP2000", "CP14", "LTR 4883C", f"L{nz(r, 4)}"])
        ),
        "parcel_number": lambda r, raw: code(r, raw, f"{nz(r, 3)}-{d(r, 3)}-{d(r, 2)}"),
        "route_number": lambda r, raw: digits_said(r, raw, str(r.randint(1, 99))),
        "sqft": lambda r, raw: (
            (cardinal(r.randint(450, 3200)) + " square feet")
            if raw
            else f"{r.randint(450, 3200):,} sq ft"
        ),
        "listing_id": lambda r, raw: code(
            r, raw, r.choice([f"MLS{nz(r, 8)}", f"{letters(r, 2)}{nz(r, 7)}"])
        ),
        "charity_number": lambda r, raw: (
            digits_said(r, raw, nz(r, 7)) if raw or r.random() < 0.5 else f"CHY {nz(r, 5)}"
        ),
        "plan_number": lambda r, raw: digits_said(
            r, raw, "00" + str(r.randint(1, 9)) if raw else nz(r, 6)
        ),
        "fx_rate": lambda r, raw: (
            (f"one point {digits_words(d(r, 3), r, 'single')}") if raw else f"1.{d(r, 4)}"
        ),
    }
)
