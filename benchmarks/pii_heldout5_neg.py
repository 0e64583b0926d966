"""heldout5's look-alikes: numbers, addresses, sites that are no PII (benchmarks/pii_heldout5.py).

Order, booking, claim, policy, member and tracking numbers; IMEIs, serials and VINs; routing
numbers; times, dates, amounts and flights; ids shaped like phone numbers or SSNs; Luhn-valid
invoice numbers; company lines, role mailboxes and websites; meter readings and prescription
numbers; the last four of a card or an SSN.

Written for the fifth held-out part by someone who had read neither the redaction rules nor
any other part. Rule writers must never read this file (docs/redaction.md, "Evaluation").
"""

from __future__ import annotations

import random

from pii_heldout5_say import (
    DOMAINS,
    as_numbers,
    booking_code,
    chance,
    digits,
    domain,
    imei,
    json_turn,
    low,
    one_by_one,
    pick,
    routing,
    say_groups,
    vin,
)
from pii_rows import Benign, Row
from pii_speech import luhn_number, us_ten_digits


def _say_id(value: str, rng: random.Random, raw: bool) -> str:
    """An id as someone reads it: numerals (grouped or not), digit words, or pairs."""
    style = pick(rng, ["num", "num", "grouped", "words", "pairs"])
    if style == "num":
        return value
    if style == "grouped":
        size = pick(rng, [3, 4])
        return " ".join(value[i : i + size] for i in range(0, len(value), size))
    groups = [value[i : i + 4] for i in range(0, len(value), 4)]
    return low(say_groups(groups, rng, style, raw), raw)


ID_NAMES = {
    "bank": [("reference", "reference number"), ("case_id", "case number")],
    "insurance": [("claim_id", "claim number"), ("policy", "policy number")],
    "telco": [("account_id", "account number"), ("ticket_id", "ticket number")],
    "clinic": [("member_id", "member ID"), ("appointment_id", "appointment number")],
    "pharmacy": [("rx_number", "prescription number"), ("member_id", "member ID")],
    "airline": [("ticket_number", "ticket number"), ("confirmation", "confirmation number")],
    "hotel": [("confirmation", "confirmation number"), ("folio", "folio number")],
    "utility": [("account_id", "account number"), ("meter_id", "meter number")],
    "car_rental": [("reservation", "reservation number"), ("agreement", "rental agreement number")],
    "returns": [("order_id", "order number"), ("rma", "return authorization")],
    "gov": [("case_id", "case number"), ("permit", "permit number")],
    "tax": [("return_id", "submission ID"), ("prior_agi", "last year's AGI")],
    "gig": [("trip_id", "trip ID"), ("driver_id", "driver ID")],
    "subscription": [("member_id", "membership number"), ("invoice", "invoice number")],
    "collections": [("account_id", "account reference"), ("settlement", "settlement ID")],
    "realestate": [("application_id", "application number"), ("lease_id", "lease number")],
    "vet": [("patient_id", "patient number"), ("microchip", "microchip number")],
    "moving": [("quote_id", "quote number"), ("job_id", "job number")],
}


def neg_ids(rng: random.Random) -> Row:
    """The caller reads an account-style id, the agent reads it back."""
    key, _, opener = domain(rng)
    cls, name = pick(rng, ID_NAMES[key])
    raw = chance(rng, 0.4)
    length = pick(rng, [8, 9, 10, 10, 11, 12, 13, 15, 16])
    if cls == "microchip":
        length = 15
    value = digits(rng, length)
    if cls == "prior_agi":
        value = f"{rng.randint(18, 240)},{rng.randint(0, 999):03d}"
    said = _say_id(value, rng, raw) if cls != "prior_agi" else value
    row = Row("h5.neg.ids", {f"domain.{key}", "voice", f"neg.len.{length}"})
    row.say("agent", opener)
    row.say("agent", f"Can I start with your {name}?")
    row.say(
        "user",
        pick(rng, ["Yeah, it's ", "Sure, ", "I have it here, ", "Okay, ", ""]),
        Benign(cls, low(said, raw)),
        pick(rng, ["", ".", ". It's on the letter you sent."]),
        smart=not raw,
    )
    back = (
        value if chance(rng, 0.5) else " ".join(value[i : i + 3] for i in range(0, len(value), 3))
    )
    if cls == "prior_agi":
        back = value
    row.say(
        "agent",
        f"Thanks. That's {name} ",
        Benign(cls, back),
        pick(rng, [", I've got you.", ". Let me pull that up.", "?"]),
    )
    return row


def neg_shaped(rng: random.Random) -> Row:
    """Ids cut like a US phone number (3-3-4) or an SSN (3-2-4), named for what they are."""
    key, _, _ = domain(rng)
    raw = chance(rng, 0.35)
    if chance(rng, 0.55):
        d = us_ten_digits(rng)
        value = pick(
            rng,
            [
                f"{d[:3]}-{d[3:6]}-{d[6:]}",
                f"{d[:3]} {d[3:6]} {d[6:]}",
                one_by_one(d[:3], rng)
                + " "
                + one_by_one(d[3:6], rng)
                + " "
                + one_by_one(d[6:], rng),
            ],
        )
        shape = "334"
    else:
        d = digits(rng, 9)
        value = pick(rng, [f"{d[:3]}-{d[3:5]}-{d[5:]}", f"{d[:3]} {d[3:5]} {d[5:]}"])
        shape = "324"
    cls, name = pick(
        rng,
        [
            ("case_id", "case number"),
            ("ticket_id", "ticket"),
            ("claim_id", "claim number"),
            ("order_id", "order number"),
            ("work_order", "work order"),
            ("po_number", "PO number"),
        ],
    )
    row = Row("h5.neg.shaped", {f"domain.{key}", f"neg.shape.{shape}"})
    row.say(
        "agent",
        pick(
            rng,
            [f"Okay, I've opened a {name} for you. Ready to write it down? ", f"Your {name} is "],
        ),
        Benign(cls, low(value, raw)),
        pick(rng, [".", ". Keep that handy.", ". Please quote it if you call back."]),
        smart=not raw,
    )
    row.say(
        "user",
        pick(rng, ["Hang on, let me write that. ", "Okay, so ", "Sorry, was that "]),
        Benign(cls, low(value, raw)),
        pick(rng, ["?", ".", ", got it."]),
        smart=not raw,
    )
    row.say("agent", pick(rng, ["That's it.", "Yes.", "Correct. Anything else?"]))
    return row


def neg_luhn(rng: random.Random) -> Row:
    """Long numbers that pass Luhn but are invoices, payment references or parcel ids."""
    key, _, _ = domain(rng)
    raw = chance(rng, 0.3)
    length = pick(rng, [15, 16, 16, 18, 19])
    value = luhn_number(rng, pick(rng, ["9", "8", "1", "7", "30", "4", "5"]), length)
    cls, name = pick(
        rng,
        [
            ("invoice", "invoice number"),
            ("reference", "payment reference"),
            ("parcel_id", "parcel ID"),
            ("transaction_id", "transaction number"),
            ("loyalty_id", "rewards number"),
        ],
    )
    grouped = " ".join(value[i : i + 4] for i in range(0, len(value), 4))
    row = Row("h5.neg.luhn", {f"domain.{key}", "neg.luhn_valid", f"neg.len.{length}"})
    row.say(
        "user",
        pick(rng, [f"I'm looking at the {name}, it's ", f"The {name} says "]),
        Benign(cls, low(pick(rng, [value, grouped, _say_id(value, rng, raw)]), raw)),
        ".",
        smart=not raw,
    )
    row.say(
        "agent",
        f"Thanks, and just to be sure, {name} ",
        Benign(cls, grouped),
        pick(rng, ["?", ", yes?"]),
    )
    row.say("user", pick(rng, ["Yep.", "That's the one.", "Yes."]), smart=not raw)
    return row


def neg_device(rng: random.Random) -> Row:
    """IMEIs, serial numbers, VINs, SIM numbers, plates."""
    raw = chance(rng, 0.35)
    what = pick(rng, ["imei", "serial", "vin", "iccid", "plate"])
    if what == "imei":
        value = imei(rng)
        ask = "Can you read me the IMEI? Dial star hash zero six hash to see it."
        said = pick(
            rng,
            [value, " ".join(value[i : i + 5] for i in range(0, 15, 5)), one_by_one(value, rng)],
        )
        key = "telco"
    elif what == "serial":
        value = f"{booking_code(rng, 3)}{digits(rng, 8)}"
        ask = "What's the serial number on the back of the unit?"
        said = value
        key = pick(rng, ["utility", "returns", "telco"])
    elif what == "vin":
        value = vin(rng)
        ask = "I'll need the VIN, it's on the driver's side of the dashboard."
        said = value
        key = pick(rng, ["car_rental", "insurance", "gig"])
    elif what == "iccid":
        value = luhn_number(rng, "8901", 19)
        ask = "And the SIM card number, the long one starting eight nine?"
        said = " ".join(value[i : i + 4] for i in range(0, 19, 4))
        key = "telco"
    else:
        value = f"{booking_code(rng, 3)} {digits(rng, 4)}"
        ask = "What's the registration plate?"
        said = value
        key = pick(rng, ["car_rental", "gig"])
    row = Row("h5.neg.device", {f"domain.{key}", f"neg.{what}"})
    row.say("agent", DOMAINS[key][1][0])
    row.say("agent", ask)
    row.say(
        "user",
        pick(rng, ["Okay. ", "It's ", "Right, ", ""]),
        Benign(what, low(said, raw)),
        smart=not raw,
    )
    row.say(
        "agent",
        pick(
            rng,
            [
                "Thanks, I can see the device.",
                "Got it, that matches.",
                "Perfect, that's registered to your account.",
            ],
        ),
    )
    return row


def neg_bank(rng: random.Random) -> Row:
    """Routing numbers, check numbers, SWIFT codes: the bank's, not the person's."""
    raw = chance(rng, 0.35)
    aba = routing(rng)
    row = Row("h5.neg.bank", {"domain.bank"})
    row.say("agent", pick(rng, DOMAINS["bank"][1]))
    row.say(
        "user",
        "I'm setting up direct deposit with my employer. What's your routing number?",
        smart=not raw,
    )
    said = pick(rng, [aba, f"{aba[:3]} {aba[3:6]} {aba[6:]}", one_by_one(aba, rng)])
    row.say("agent", "Our routing number is ", Benign("routing", said), ".")
    row.say(
        "user",
        pick(
            rng,
            ["And the check I'm looking at is number ", "Okay. The check number on the bottom is "],
        ),
        Benign("check_number", low(str(rng.randint(1001, 9999)), raw)),
        ", right?",
        smart=not raw,
    )
    if chance(rng, 0.5):
        row.say(
            "agent",
            "Yes. For wires from abroad you'd use our SWIFT code, ",
            Benign("swift", pick(rng, ["HRBLUS33", "HBCUUS44XXX", "HRLNUS6C"])),
            ".",
        )
    else:
        row.say("agent", "That's right. The deposit usually lands within two business days.")
    return row


def neg_time_money(rng: random.Random) -> Row:
    """Times, dates, amounts, quantities, flights, addresses and ZIP codes in one call."""
    key, _, opener = domain(rng)
    raw = chance(rng, 0.4)
    row = Row("h5.neg.everyday", {f"domain.{key}"})
    row.say("agent", opener)
    amount = pick(
        rng,
        [
            f"${rng.randint(1, 9)},{rng.randint(0, 999):03d}.{rng.randint(0, 99):02d}",
            f"{rng.randint(12, 99)} dollars and {rng.randint(1, 99)} cents",
            f"{as_numbers(str(rng.randint(11, 99)) + '00', rng)} dollars",
            f"${rng.randint(100, 999)}.{rng.randint(0, 99):02d}",
        ],
    )
    when = pick(
        rng,
        [
            f"{rng.randint(1, 12)}:{pick(rng, ['00', '15', '30', '45'])} {pick(rng, ['am', 'pm'])}",
            f"the {pick(rng, ['3rd', '14th', '22nd', '30th'])} of "
            f"{pick(rng, ['March', 'June', 'October'])}, 20{rng.randint(24, 27)}",
            f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/20{rng.randint(24, 27)}",
            f"between {rng.randint(1, 5)} and {rng.randint(6, 9)} in the evening",
        ],
    )
    on = "on " if not when.startswith("between") else ""
    row.say(
        "user",
        pick(rng, ["I was charged ", "The bill came to ", "They took "]),
        Benign("amount", low(amount, raw)),
        pick(rng, [" ", ", "]) + on,
        Benign("date_time", low(when, raw)),
        pick(rng, [" and I don't know why.", ". Can you explain it?", "."]),
        smart=not raw,
    )
    zip5 = digits(rng, 5)
    addr = pick(
        rng,
        [
            f"{rng.randint(10, 9999)} {pick(rng, ['Alder', 'Quarry', 'Juniper'])} "
            f"{pick(rng, ['Street', 'Lane', 'Court'])}, apartment {rng.randint(1, 40)}",
            f"{rng.randint(100, 48000)} Highway {rng.randint(1, 99)}",
        ],
    )
    row.say(
        "agent",
        "Let me check. Is the service address still ",
        Benign("address", addr),
        ", ",
        Benign("zip", pick(rng, [zip5, f"{zip5}-{digits(rng, 4)}"])),
        "?",
    )
    extra = pick(
        rng,
        [
            (
                "flight",
                "Yes. It was the change fee for ",
                f"flight {pick(rng, ['MA', 'UA', 'DL', 'KE'])} {rng.randint(10, 2999)}",
                ", I think.",
            ),
            (
                "quantity",
                "Yes. Oh, and it was supposed to be for ",
                f"{rng.randint(2, 48)} boxes",
                ", not more.",
            ),
            (
                "quantity",
                "Yes. The meter says I used ",
                f"{rng.randint(100, 2000)} kilowatt hours",
                " and that's just not possible.",
            ),
            ("room", "Yes. It might be from my stay in ", f"room {rng.randint(101, 1650)}", "."),
            (
                "age",
                "Yes. The account is my dad's, he's ",
                f"{rng.randint(60, 95)} years old",
                " and doesn't use a computer.",
            ),
        ],
    )
    row.say("user", extra[1], Benign(extra[0], low(extra[2], raw)), extra[3], smart=not raw)
    return row


def neg_business(rng: random.Random) -> Row:
    """The company's own lines, mailboxes and site; 'at' as people use it every day."""
    key, company, opener = domain(rng)
    raw = chance(rng, 0.35)
    host = "".join(c for c in company.lower().replace("the ", "") if c.isalpha())
    row = Row("h5.neg.business", {f"domain.{key}", "neg.company"})
    row.say("agent", opener)
    row.say(
        "user",
        pick(
            rng,
            [
                "I'm at the airport right now so I've only got a minute.",
                "I'm at work, I'll have to be quick.",
                "I'm looking at my statement and it's wrong.",
                "I got a text at about 3 this morning, is that you?",
            ],
        ),
        smart=not raw,
    )
    toll = (
        pick(rng, ["1-800-", "1-888-", "1-877-", "1-866-"]) + f"{digits(rng, 3)}-{digits(rng, 4)}"
    )
    said_toll = pick(
        rng,
        [
            toll,
            "one eight hundred "
            + one_by_one(digits(rng, 3), rng)
            + " "
            + as_numbers(digits(rng, 4), rng),
        ],
    )
    box = pick(rng, ["support", "claims", "help", "billing", "privacy", "appointments"])
    mail = pick(rng, [f"{box}@{host}.com", f"{box} at {host} dot com"])
    site = pick(rng, [f"{host}.com/{box}", f"{host} dot com slash {box}", f"www.{host}.com"])
    pieces = [
        ("business_phone", "For that you need our billing team on ", said_toll),
        ("role_address", "You can email ", mail),
        ("website", "Or it's all online at ", site),
    ]
    rng.shuffle(pieces)
    first, *rest = pieces[: rng.randint(2, 3)]
    row.say("agent", first[1], Benign(first[0], low(first[2], raw)), ".", smart=not raw)
    row.say(
        "user",
        pick(
            rng,
            ["And if I'd rather not wait on hold?", "Is there another way?", "What about online?"],
        ),
        smart=not raw,
    )
    parts: list = ["Sure. "]
    for cls, lead, text in rest:
        parts += [lead, Benign(cls, low(text, raw)), ". "]
    row.say("agent", *parts[:-1], ".", smart=not raw)
    row.say(
        "user",
        pick(
            rng,
            [
                "Okay, I'll look at it tonight at home.",
                "Thanks, I'll try that.",
                "Fine. I'll get at it tomorrow.",
            ],
        ),
        smart=not raw,
    )
    return row


def neg_pharmacy(rng: random.Random) -> Row:
    """Prescription and lot numbers, NPIs, doses."""
    raw = chance(rng, 0.4)
    row = Row("h5.neg.pharmacy", {"domain.pharmacy"})
    rx = digits(rng, 7)
    row.say("agent", pick(rng, DOMAINS["pharmacy"][1]))
    row.say(
        "user",
        "Hi, I need a refill on prescription number ",
        Benign("rx_number", low(pick(rng, [rx, one_by_one(rx, rng)]), raw)),
        pick(rng, [".", ", the blood pressure one."]),
        smart=not raw,
    )
    row.say(
        "agent",
        "I see it, ",
        Benign(
            "dose", pick(rng, ["lisinopril 10 milligrams", "metformin 500 mg", "atorvastatin 40mg"])
        ),
        ", ",
        Benign("quantity", f"{pick(rng, [30, 60, 90])} tablets"),
        ". Prescriber NPI ",
        Benign("npi", luhn_number(rng, "1", 10)),
        ".",
    )
    row.say(
        "user",
        "And the lot number on the old bottle was ",
        Benign("lot", low(f"{booking_code(rng, 2)}{digits(rng, 5)}", raw)),
        ", in case that matters.",
        smart=not raw,
    )
    return row


def neg_meter(rng: random.Random) -> Row:
    """Meter readings and meter serials."""
    raw = chance(rng, 0.4)
    row = Row("h5.neg.meter", {"domain.utility"})
    reading = digits(rng, pick(rng, [5, 6]))
    row.say("agent", pick(rng, DOMAINS["utility"][1]))
    row.say(
        "user",
        "I want to give a meter reading, it says ",
        Benign("meter_reading", low(pick(rng, [reading, one_by_one(reading, rng)]), raw)),
        ".",
        smart=not raw,
    )
    row.say("agent", "Thanks. And the meter serial, starting with the letters?")
    row.say(
        "user",
        Benign("meter_id", low(f"{booking_code(rng, 2)}{digits(rng, 8)}", raw)),
        ".",
        smart=not raw,
    )
    return row


def neg_last_four(rng: random.Random) -> Row:
    """Only the last four: of a card, of an SSN, of a phone."""
    raw = chance(rng, 0.4)
    four = digits(rng, 4, "0123456789")
    what = pick(rng, ["card", "ssn", "phone", "account"])
    row = Row("h5.neg.last_four", {f"neg.last_four.{what}"})
    if what == "card":
        row.say("agent", "Which card would you like to use?")
        row.say(
            "user",
            pick(rng, ["The Visa ending in ", "The one ending ", "Use the card ending "]),
            Benign("card_last4", low(pick(rng, [four, one_by_one(four, rng)]), raw)),
            ".",
            smart=not raw,
        )
        row.say("agent", "The card ending in ", Benign("card_last4", four), ", perfect.")
    elif what == "ssn":
        row.say("agent", "Can you verify the last four digits of your social?")
        row.say(
            "user",
            Benign(
                "ssn_last4",
                low(pick(rng, [four, one_by_one(four, rng), as_numbers(four, rng)]), raw),
            ),
            smart=not raw,
        )
        row.say("agent", "Thank you, you're verified.")
    elif what == "phone":
        row.say(
            "agent",
            "We'll text the code to the number ending in ",
            Benign("phone_last4", four),
            ". Is that still yours?",
        )
        row.say("user", "Yes, that's my cell.", smart=not raw)
        code = digits(rng, 6, "0123456789")
        row.say(
            "user",
            "Okay the code is ",
            Benign("otp", low(pick(rng, [code, one_by_one(code, rng)]), raw)),
            ".",
            smart=not raw,
        )
    else:
        row.say("agent", "I see two checking accounts. Which one?")
        row.say(
            "user", "The one ending ", Benign("account_last4", low(four, raw)), ".", smart=not raw
        )
        row.say("agent", "Got it, the account ending ", Benign("account_last4", four), ".")
    return row


def neg_tax(rng: random.Random) -> Row:
    """An employer's EIN, form names, tax years and refund amounts."""
    raw = chance(rng, 0.35)
    ein = f"{digits(rng, 2)}-{digits(rng, 7, '0123456789')}"
    row = Row("h5.neg.tax", {"domain.tax"})
    row.say("agent", pick(rng, DOMAINS["tax"][1]))
    row.say(
        "user",
        "I got a ",
        Benign("form", pick(rng, ["1099-NEC", "W-2", "1099-K", "1098-T"])),
        " from my employer. Their EIN on it is ",
        Benign("ein", ein),
        ".",
        smart=not raw,
    )
    row.say(
        "agent",
        "Great. Box one says ",
        Benign("amount", f"${rng.randint(10, 99)},{rng.randint(100, 999)}.00"),
        " for tax year ",
        Benign("year", f"20{rng.randint(22, 25)}"),
        "?",
    )
    row.say(
        "user",
        "Yes. And my refund last year was ",
        Benign("amount", low(f"{rng.randint(200, 3999)} dollars", raw)),
        ".",
        smart=not raw,
    )
    return row


def neg_codes(rng: random.Random) -> Row:
    """One-time codes, gate codes, promo codes, seat and gate numbers, booking codes."""
    raw = chance(rng, 0.4)
    row = Row("h5.neg.codes", set())
    code = digits(rng, 6, "0123456789")
    row.say("agent", "I've just sent a verification code to your phone. Can you read it to me?")
    row.say(
        "user",
        pick(rng, ["It's ", "Okay, ", ""]),
        Benign("otp", low(pick(rng, [code, f"{code[:3]} {code[3:]}", one_by_one(code, rng)]), raw)),
        smart=not raw,
    )
    pnr = booking_code(rng)
    row.say(
        "agent",
        "Thanks. Your booking reference is ",
        Benign("booking_ref", pnr),
        pick(rng, [", seat ", ", you're in seat "]),
        Benign("seat", f"{rng.randint(1, 45)}{pick(rng, 'ABCDEF')}"),
        ", departing gate ",
        Benign("gate", f"{pick(rng, 'ABCDE')}{rng.randint(1, 60)}"),
        ".",
    )
    if chance(rng, 0.5):
        row.say(
            "user",
            "Is there a promo code for the upgrade? I saw ",
            Benign("promo", pick(rng, ["SPRING25", "UPGRADE40", "MERIDIAN2025"])),
            " online.",
            smart=not raw,
        )
    return row


def neg_gig(rng: random.Random) -> Row:
    """A driver's trip ids, payouts, odometer, plate and zone numbers."""
    raw = chance(rng, 0.45)
    trip = f"{digits(rng, 4)}-{digits(rng, 4)}-{digits(rng, 4)}"
    row = Row("h5.neg.gig", {"domain.gig"})
    row.say("agent", pick(rng, DOMAINS["gig"][1]))
    row.say(
        "user",
        "Yeah, trip ",
        Benign("trip_id", low(pick(rng, [trip, trip.replace("-", " ")]), raw)),
        " didn't pay out. It was like ",
        Benign("amount", low(f"${rng.randint(8, 90)}.{rng.randint(10, 99)}", raw)),
        smart=not raw,
    )
    row.say(
        "agent",
        "I see it. The odometer shows ",
        Benign("odometer", f"{rng.randint(12, 240)},{rng.randint(100, 999)} miles"),
        " and the drop-off was in ",
        Benign("zone", f"zone {rng.randint(1, 40)}"),
        ".",
    )
    row.say("user", "Right, and I'm at the depot now if you need a photo.", smart=not raw)
    return row


def neg_property(rng: random.Random) -> Row:
    """Parcel numbers, MLS listings, unit numbers, square footage, lease ids."""
    raw = chance(rng, 0.4)
    apn = f"{digits(rng, 3)}-{digits(rng, 3, '0123456789')}-{digits(rng, 2, '0123456789')}"
    mls = digits(rng, 8)
    row = Row("h5.neg.property", {"domain.realestate"})
    row.say("agent", pick(rng, DOMAINS["realestate"][1]))
    row.say(
        "user",
        "I'm asking about listing ",
        Benign("mls", low(pick(rng, [mls, "MLS " + mls]), raw)),
        ", the two-bed on the third floor.",
        smart=not raw,
    )
    row.say(
        "agent",
        "Unit ",
        Benign("unit", f"{rng.randint(1, 9)}{rng.randint(0, 2)}{rng.randint(1, 9)}"),
        ", ",
        Benign("area", f"{rng.randint(6, 19)}{pick(rng, ['00', '50', '20'])} square feet"),
        ", parcel number ",
        Benign("parcel", apn),
        ". Rent is ",
        Benign("amount", f"${rng.randint(1, 4)},{rng.randint(100, 950)}"),
        " a month.",
    )
    return row


def neg_tool(rng: random.Random) -> Row:
    """A tool's output full of ids and none of them PII."""
    key, _, _ = domain(rng)
    row = Row("h5.neg.tool", {f"domain.{key}", "tool", "tool.output"})
    row.say("agent", "One moment, checking the order.")
    out = {
        "order_id": Benign("order_id", digits(rng, 10)),
        "tracking": Benign(
            "tracking",
            pick(
                rng,
                [
                    f"1Z{booking_code(rng, 6)}{digits(rng, 10)}",
                    "9400 " + " ".join(digits(rng, 4) for _ in range(4)) + f" {digits(rng, 2)}",
                    digits(rng, 12),
                ],
            ),
        ),
        "items": [
            {
                "sku": Benign("sku", f"{booking_code(rng, 3)}-{digits(rng, 5)}"),
                "qty": rng.randint(1, 4),
            }
        ],
        "warehouse_phone": Benign(
            "business_phone", pick(rng, ["+1 800 555 0148", "1-866-555-0172"])
        ),
        "support_email": Benign(
            "role_address", pick(rng, ["returns@parcelnest.com", "help@boxcarmovers.com"])
        ),
        "total": f"{rng.randint(10, 900)}.{rng.randint(0, 99):02d}",
    }
    row.say("tool", *json_turn({"name": "get_order", "output": out}))
    row.say("agent", "It shipped yesterday and should be with you by Friday.")
    return row


FAMILIES = {
    "h5.neg.ids": (neg_ids, 16),
    "h5.neg.shaped": (neg_shaped, 12),
    "h5.neg.luhn": (neg_luhn, 8),
    "h5.neg.device": (neg_device, 9),
    "h5.neg.bank": (neg_bank, 6),
    "h5.neg.everyday": (neg_time_money, 12),
    "h5.neg.business": (neg_business, 12),
    "h5.neg.pharmacy": (neg_pharmacy, 5),
    "h5.neg.meter": (neg_meter, 5),
    "h5.neg.last_four": (neg_last_four, 9),
    "h5.neg.tax": (neg_tax, 5),
    "h5.neg.codes": (neg_codes, 8),
    "h5.neg.gig": (neg_gig, 4),
    "h5.neg.property": (neg_property, 4),
    "h5.neg.tool": (neg_tool, 6),
}
