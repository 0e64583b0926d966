"""dev9 phone look-alikes, part 2: times and dates, prices and quantities, addresses,
devices, travel, codes, bank details, tax ids, each often beside a real phone of the caller."""

from __future__ import annotations

import random

from pii_dev9_phone import give_phone
from pii_dev9_say import (
    ONES,
    fix,
    grouped,
    int_words,
    pair_words,
    rand_digits,
    say_number,
    spoken_digits,
    year_words,
)
from pii_rows import Benign, Row, maybe
from stdnum import luhn


def _tags(row: Row, cls: str) -> None:
    row.tags.add("aim.phone_precision")
    row.tags.add(f"lookalike.{cls}")


def _maybe_phone(rng: random.Random, row: Row, smart: bool, p: float = 0.55) -> None:
    if maybe(rng, p):
        give_phone(rng, row, smart, readback=0.35)


# ---------------------------------------------------------------- times and dates
def _date(rng: random.Random, smart: bool) -> str:
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.choice([2023, 2024, 2025, 2026])
    if smart and maybe(rng, 0.5):
        return rng.choice(
            [
                f"{d:02d}{m:02d}{y}",
                f"{m:02d} {d:02d} {y}",
                f"{d:02d} {m:02d} {y % 100:02d}",
                f"{m:02d}/{d:02d}/{y}",
            ]
        )
    if maybe(rng, 0.5):
        return spoken_digits(f"{d:02d}{m:02d}{y}", rng, [2, 2, 4], smart=smart, mishear=0.15)
    return f"{pair_words(f'{d:02d}')} {pair_words(f'{m:02d}')} {year_words(y)}"


def _time(rng: random.Random, smart: bool) -> str:
    h, mi = rng.randint(6, 22), rng.choice([0, 5, 10, 15, 20, 30, 40, 45, 50])
    if smart and maybe(rng, 0.55):
        return rng.choice([f"{h:02d}{mi:02d}", f"{h}:{mi:02d}", f"{h:02d} {mi:02d}"])
    if mi == 0:
        return f"{int_words(h)} hundred" if maybe(rng, 0.5) else spoken_digits(f"{h:02d}00", rng)
    return f"{pair_words(f'{h:02d}')} {pair_words(f'{mi:02d}')}"


def timedate(rng: random.Random) -> Row:
    row = Row("d9.neg.timedate")
    smart = maybe(rng, 0.5)
    _tags(row, "date")
    row.tags.add("lookalike.time")
    date, time = fix(_date(rng, smart), smart), fix(_time(rng, smart), smart)
    style = rng.random()
    if style < 0.4:
        row.say("assistant", "When did the engineer visit?")
        row.say(
            "user",
            "The job sheet says ",
            Benign("date", date),
            " at ",
            Benign("time", time),
            ", but nobody came.",
            smart=smart,
        )
    elif style < 0.7:
        row.say(
            "user",
            "The delivery was booked for ",
            Benign("date", date),
            rng.choice([", slot ", ", arriving ", ", time "]),
            Benign("time", time),
            ".",
            smart=smart,
        )
        row.say("assistant", "I can see that slot. Let me check with the depot.")
    else:
        row.say(
            "assistant",
            "I can offer you ",
            Benign("date", date),
            " at ",
            Benign("time", time),
            ". Does that work?",
        )
        row.say(
            "user",
            "Is there anything earlier? ",
            Benign("time", fix(_time(rng, smart), smart)),
            " would be better.",
            smart=smart,
        )
    _maybe_phone(rng, row, smart)
    return row


# ---------------------------------------------------------------- prices and quantities
def _price(rng: random.Random, smart: bool) -> str:
    units, cents = rng.randint(9, 1900), rng.choice([0, 5, 20, 49, 75, 99, 10, 36])
    if smart:
        return rng.choice(
            [f"{units}.{cents:02d}", f"${units:,}.{cents:02d}", f"{units} {cents:02d}"]
        )
    if cents == 0:
        return int_words(units) + rng.choice([" dollars", "", " even"])
    return f"{int_words(units)} {pair_words(f'{cents:02d}')}"


def prices(rng: random.Random) -> Row:
    row = Row("d9.neg.prices")
    smart = maybe(rng, 0.5)
    _tags(row, "price")
    if maybe(rng, 0.55):
        a, b, c = (_price(rng, smart) for _ in range(3))
        row.say(
            "user",
            "My bills went ",
            Benign("price", a),
            " then ",
            Benign("price", b),
            " and now ",
            Benign("price", c),
            ", it keeps going up.",
            smart=smart,
        )
        row.say("assistant", "I'm sorry about that. Let me look at the last three statements.")
    else:
        row.tags.add("lookalike.quantity")
        q1, q2 = rng.choice([12, 24, 50, 100, 144, 250]), rng.choice([6, 10, 36, 48, 500])
        n1, n2 = rng.randint(2, 40), rng.randint(2, 40)
        if smart:
            seq = f"{n1} {q1} {n2} {q2}"
        else:
            seq = f"{int_words(n1)} {int_words(q1)} {int_words(n2)} {int_words(q2)}"
        row.say(
            "user",
            "I need to amend the order, the quantities should be ",
            Benign("quantity", seq),
            rng.choice([", boxes then units.", ", in that order."]),
            smart=smart,
        )
        row.say(
            "assistant",
            "So that's ",
            Benign("quantity", f"{n1} boxes of {q1}"),
            " and ",
            Benign("quantity", f"{n2} packs of {q2}"),
            ". Total ",
            Benign("price", f"${rng.randint(100, 9000):,}.{rng.randint(0, 99):02d}"),
            ".",
        )
    _maybe_phone(rng, row, smart)
    return row


# ---------------------------------------------------------------- addresses
STREETS = [
    "Maple Avenue",
    "Elm Street",
    "Harbor Road",
    "Oak Lane",
    "Sunset Boulevard",
    "Kingsway",
    "Riverside Drive",
    "Station Road",
    "Cedar Court",
    "Birch Way",
]
POSTCODES = [
    ("zip", lambda r: rand_digits(r, 5, "0123456789")),
    ("zip", lambda r: rand_digits(r, 5) + "-" + rand_digits(r, 4, "0123456789")),
    ("postcode", lambda r: rand_digits(r, 2, "0123456789") + "-" + rand_digits(r, 3, "0123456789")),
    ("postcode", lambda r: rand_digits(r, 4, "123456789")),
    ("postcode", lambda r: rand_digits(r, 3) + " " + rand_digits(r, 2, "0123456789")),
    ("postcode", lambda r: rand_digits(r, 3) + "-" + rand_digits(r, 4, "0123456789")),
    ("postcode", lambda r: rand_digits(r, 6)),
]


def address(rng: random.Random) -> Row:
    row = Row("d9.neg.address")
    smart = maybe(rng, 0.5)
    _tags(row, "street_number")
    row.tags.add("lookalike.postcode")
    street_no = str(
        rng.choice([rng.randint(1, 99), rng.randint(100, 999), rng.randint(1000, 99999)])
    )
    word, pc_fn = rng.choice(POSTCODES)
    pc = pc_fn(rng)
    pc_digits = "".join(c for c in pc if c.isdigit())
    if smart:
        sno, pcs = street_no, pc if maybe(rng, 0.6) else spoken_digits(pc_digits, rng)
    else:
        sno = (
            int_words(int(street_no))
            if len(street_no) <= 3
            else " ".join(pair_words(street_no[i : i + 2]) for i in range(0, len(street_no) - 1, 2))
            + ("" if len(street_no) % 2 == 0 else " " + ONES[int(street_no[-1])])
        )
        pcs = spoken_digits(pc_digits, rng, smart=False, mishear=0.2)
    street = rng.choice(STREETS)
    row.say("assistant", "Can I confirm the delivery address?")
    unit = ""
    parts = ["It's ", Benign("street_number", fix(sno, smart)), f" {street}"]
    if maybe(rng, 0.4):
        unit = str(rng.randint(2, 40))
        parts += [
            ", apartment ",
            Benign("street_number", fix(unit if smart else int_words(int(unit)), smart)),
        ]
    parts += [f", {word} ", Benign("postcode", fix(pcs, smart)), "."]
    row.say("user", *parts, smart=smart)
    if maybe(rng, 0.5):
        row.say("assistant", f"Thanks, so {street_no} {street}, ", Benign("postcode", pc), ".")
    _maybe_phone(rng, row, smart, 0.65)
    return row


# ---------------------------------------------------------------- devices
def _imei(rng: random.Random) -> str:
    body = rng.choice(["35", "86", "01", "49"]) + rand_digits(rng, 12, "0123456789")
    return body + luhn.calc_check_digit(body)


def device(rng: random.Random) -> Row:
    row = Row("d9.neg.device")
    smart = maybe(rng, 0.5)
    kind = rng.choice(["imei", "serial", "meter", "iccid"])
    _tags(row, kind)
    if kind == "imei":
        val = _imei(rng)
        row.say(
            "assistant",
            "To block the handset I'll need the IMEI. You can get it by dialing "
            "star hash zero six hash.",
        )
        row.say(
            "user",
            "OK it's showing ",
            Benign(
                "imei",
                fix(say_number(rng, val, smart, [2, 6, 6, 1] if maybe(rng, 0.5) else None), smart),
            ),
            ".",
            smart=smart,
        )
    elif kind == "serial":
        val = rand_digits(rng, rng.choice([8, 10, 11, 12]), "0123456789")
        thing = rng.choice(["router", "boiler", "TV", "fridge", "set-top box"])
        row.say(
            "user",
            f"The serial number on the back of the {thing} is ",
            Benign("serial", fix(say_number(rng, val, smart), smart)),
            ".",
            smart=smart,
        )
        row.say("assistant", "Thanks. And the model number?")
        row.say(
            "user",
            rng.choice(["It says ", "Model "]),
            Benign(
                "serial",
                fix(
                    rng.choice(["XR", "TX-", "KD", "B"]) + rand_digits(rng, 4, "0123456789"), smart
                ),
            ),
            ".",
            smart=smart,
        )
    elif kind == "meter":
        a = rand_digits(rng, rng.choice([5, 6]), "0123456789")
        b = rand_digits(rng, 5, "0123456789")
        row.say("assistant", "Could you give me your meter readings?")
        row.say(
            "user",
            "Day is ",
            Benign("meter", fix(say_number(rng, a, smart, [len(a)], 0.6), smart)),
            " and night is ",
            Benign("meter", fix(say_number(rng, b, smart, [len(b)], 0.6), smart)),
            ".",
            smart=smart,
        )
        row.say("assistant", "And the meter serial?")
        row.say(
            "user",
            "",
            Benign("meter", fix(say_number(rng, rand_digits(rng, 10, "0123456789"), smart), smart)),
            ".",
            smart=smart,
        )
    else:
        val = rng.choice(["8944", "8901", "8934"]) + rand_digits(rng, 15, "0123456789")
        row.say(
            "user",
            "The number on the SIM card is ",
            Benign("iccid", fix(say_number(rng, val, smart, [4, 4, 4, 4, 3]), smart)),
            ".",
            smart=smart,
        )
        row.say("assistant", "Thanks, that's the new SIM. I'll activate it now.")
    _maybe_phone(rng, row, smart, 0.6)
    return row


# ---------------------------------------------------------------- travel
def travel(rng: random.Random) -> Row:
    row = Row("d9.neg.travel")
    smart = maybe(rng, 0.5)
    cls = rng.choice(["flight", "train", "eticket", "loyalty"])
    _tags(row, cls)
    row.tags.add("lookalike.seat")
    if cls == "flight":
        fno = (
            rng.choice(["BA", "UA", "EK", "QF", "LX", "SK", "KE", "JL"])
            + " "
            + str(rng.randint(10, 2999))
        )
        f_said = fno if smart else fno[:2].lower() + " " + say_number(rng, fno[3:], False)
        row.say(
            "user",
            "I'm on flight ",
            Benign("flight", f_said),
            " tomorrow, seat ",
            Benign("seat", fix(f"{rng.randint(1, 48)}{rng.choice('ABCDEF')}", smart)),
            ", and it's been cancelled.",
            smart=smart,
        )
    elif cls == "train":
        t = str(rng.randint(1000, 9999))
        row.say(
            "user",
            "It was the ",
            Benign("time", fix(_time(rng, smart), smart)),
            " service, train ",
            Benign(
                "train", fix(say_number(rng, t, smart, [2, 2] if maybe(rng, 0.5) else [4]), smart)
            ),
            ", coach ",
            Benign("seat", fix(str(rng.randint(1, 12)), smart)),
            " seat ",
            Benign("seat", fix(str(rng.randint(10, 88)), smart)),
            ".",
            smart=smart,
        )
    elif cls == "eticket":
        val = rng.choice(["125", "016", "176", "081", "724"]) + rand_digits(rng, 10, "0123456789")
        row.say("assistant", "Do you have the e-ticket number? It starts with three digits.")
        row.say(
            "user",
            "Yes, ",
            Benign("eticket", fix(say_number(rng, val, smart, [3, 4, 3, 3]), smart)),
            ".",
            smart=smart,
        )
    else:
        val = rand_digits(rng, rng.choice([9, 10, 11]))
        row.say(
            "user",
            "Can you add my frequent flyer number, it's ",
            Benign("loyalty", fix(say_number(rng, val, smart), smart)),
            ".",
            smart=smart,
        )
        row.say(
            "assistant",
            "Added. You're in seat ",
            Benign("seat", f"{rng.randint(1, 48)}{rng.choice('ABCDEFK')}"),
            ".",
        )
    _maybe_phone(rng, row, smart, 0.6)
    return row


# ---------------------------------------------------------------- pins and codes
def codes(rng: random.Random) -> Row:
    row = Row("d9.neg.codes")
    smart = maybe(rng, 0.5)
    cls = rng.choice(["otp", "otp", "pin"])
    _tags(row, cls)
    if maybe(rng, 0.6):
        give_phone(
            rng,
            row,
            smart,
            readback=0.3,
            ask="Which mobile number should I send the security code to?",
        )
    n = rng.choice([4, 6, 6, 8]) if cls == "otp" else rng.choice([4, 4, 5, 6])
    val = rand_digits(rng, n, "0123456789")
    groups = [n] if n <= 4 else rng.choice([[n], [3, n - 3], [n // 2, n - n // 2]])
    if cls == "otp":
        row.say("assistant", "I've sent a code. Could you read it to me?")
        row.say(
            "user",
            rng.choice(["It's ", "Got it, ", "OK, "]),
            Benign("otp", fix(say_number(rng, val, smart, groups, 0.6), smart)),
            ".",
            smart=smart,
        )
    else:
        row.say("assistant", "Please say your telephone banking PIN, just the digits.")
        row.say(
            "user",
            "",
            Benign("pin", fix(say_number(rng, val, smart, groups, 0.7), smart)),
            ".",
            smart=smart,
        )
    row.say("assistant", rng.choice(["Thanks, that verifies you.", "That's matched, thanks."]))
    return row


# ---------------------------------------------------------------- bank details
def _routing(rng: random.Random) -> str:
    while True:
        d = rand_digits(rng, 8, "0123")
        w = [3, 7, 1, 3, 7, 1, 3, 7]
        s = sum(int(c) * k for c, k in zip(d, w, strict=True))
        check = (10 - s % 10) % 10
        return d + str(check)


def bank(rng: random.Random) -> Row:
    row = Row("d9.neg.bank")
    smart = maybe(rng, 0.5)
    if maybe(rng, 0.5):
        _tags(row, "sort_code")
        row.tags.add("lookalike.account_no")
        sc = rand_digits(rng, 6, "0123456789")
        acc = rand_digits(rng, 8, "0123456789")
        sc_said = (
            f"{sc[:2]}-{sc[2:4]}-{sc[4:]}"
            if smart and maybe(rng, 0.5)
            else spoken_digits(sc, rng, [2, 2, 2], smart=smart, pairs=0.4)
        )
        row.say("assistant", "What sort code and account number should the refund go to?")
        row.say(
            "user",
            "Sort code ",
            Benign("sort_code", fix(sc_said, smart)),
            ", account ",
            Benign("account_no", fix(say_number(rng, acc, smart, [4, 4]), smart)),
            ".",
            smart=smart,
        )
    else:
        _tags(row, "routing")
        row.tags.add("lookalike.account_no")
        rt = _routing(rng)
        acc = rand_digits(rng, rng.choice([10, 11, 12]))
        row.say("assistant", "For direct deposit I need the routing number and the account number.")
        row.say(
            "user",
            "Routing is ",
            Benign("routing", fix(say_number(rng, rt, smart, [3, 3, 3]), smart)),
            " and the account is ",
            Benign("account_no", fix(say_number(rng, acc, smart), smart)),
            ".",
            smart=smart,
        )
        if maybe(rng, 0.4):
            row.say("assistant", "And the check number on the cheque you mentioned?")
            row.say(
                "user",
                "",
                Benign("cheque_no", fix(say_number(rng, rand_digits(rng, 4), smart, [4]), smart)),
                ".",
                smart=smart,
            )
    _maybe_phone(rng, row, smart, 0.5)
    return row


# ---------------------------------------------------------------- tax ids
def taxid(rng: random.Random) -> Row:
    row = Row("d9.neg.taxid")
    smart = maybe(rng, 0.5)
    kind = rng.choice(["ein", "vat", "utr", "abn"])
    _tags(row, kind)
    row.tags.add("lookalike.tax_id")
    if kind == "ein":
        v = rand_digits(rng, 9, "0123456789")
        said = (
            f"{v[:2]}-{v[2:]}"
            if smart and maybe(rng, 0.5)
            else spoken_digits(v, rng, [2, 7], smart=smart)
        )
        row.say(
            "user",
            "The business EIN is ",
            Benign("tax_id", fix(said, smart)),
            ", it's an LLC.",
            smart=smart,
        )
    elif kind == "vat":
        v = rand_digits(rng, 9)
        said = (
            "GB " + grouped(v, [3, 4, 2])
            if smart
            else "g b " + spoken_digits(v, rng, [3, 4, 2], smart=False)
        )
        row.say(
            "user",
            "Can you put our VAT number on the invoice? ",
            Benign("tax_id", fix(said, smart)),
            ".",
            smart=smart,
        )
    elif kind == "utr":
        v = rand_digits(rng, 10)
        row.say("assistant", "What's your Unique Taxpayer Reference?")
        row.say(
            "user",
            "",
            Benign("tax_id", fix(say_number(rng, v, smart, [5, 5]), smart)),
            ".",
            smart=smart,
        )
    else:
        v = rand_digits(rng, 11)
        row.say(
            "user",
            "Our ABN is ",
            Benign("tax_id", fix(say_number(rng, v, smart, [2, 3, 3, 3]), smart)),
            ", we're a sole trader.",
            smart=smart,
        )
    row.say("assistant", "Thanks, I've added that to the account.")
    _maybe_phone(rng, row, smart, 0.6)
    return row


FAMILIES = {
    "d9.neg.timedate": (timedate, 0.03),
    "d9.neg.prices": (prices, 0.025),
    "d9.neg.address": (address, 0.03),
    "d9.neg.device": (device, 0.035),
    "d9.neg.travel": (travel, 0.025),
    "d9.neg.codes": (codes, 0.03),
    "d9.neg.bank": (bank, 0.03),
    "d9.neg.taxid": (taxid, 0.015),
}
