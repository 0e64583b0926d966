"""dev12's look-alikes: ids of 7 to 13 digits (account, member, policy, claim, order, ...),
said or typed the ways callers and agents say them, and numbers that run together (dates with
times, amounts with dates) or are read off a letter or a screen.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from pii_dev12_kit import digits, pick, speak, split, words
from pii_rows import Benign, maybe


@dataclass(frozen=True)
class IdKind:
    cls: str
    nouns: tuple[str, ...]
    lengths: tuple[int, ...]
    keys: tuple[str, ...]
    lead: str = "123456789"


def _k(cls: str, nouns: str, lengths: tuple[int, ...], keys: str, lead: str = "") -> IdKind:
    return IdKind(
        cls, tuple(nouns.split("|")), lengths, tuple(keys.split("|")), lead or "123456789"
    )


IDS: dict[str, IdKind] = {
    k.cls: k
    for k in (
        _k(
            "account_number",
            "account number|account",
            (10, 11, 12),
            "account_number|acct_no|accountId",
        ),
        _k("member_id", "member ID|member number", (9, 10, 11), "member_id|memberNumber|mbr_id"),
        _k("policy_number", "policy number|policy", (8, 9, 10), "policy_number|policyNo"),
        _k("claim_number", "claim number|claim", (9, 10, 11, 12), "claim_id|claimNumber"),
        _k("order_number", "order number|order", (8, 9, 10, 11), "order_id|orderNumber"),
        _k("tracking_number", "tracking number", (10, 11, 12), "tracking_number|trackingId"),
        _k(
            "booking_reference",
            "booking number|reservation number",
            (8, 9, 10),
            "booking_ref|resv_id",
        ),
        _k(
            "loyalty_number",
            "rewards number|loyalty number",
            (9, 10, 11, 12),
            "loyalty_id|rewards_no",
        ),
        _k(
            "frequent_flyer",
            "frequent flyer number|mileage number",
            (9, 10, 11),
            "ff_number|mileage_id",
        ),
        _k("meter_number", "meter number", (8, 9, 10), "meter_id|meterNumber"),
        _k("serial_number", "serial number|serial", (10, 11, 12), "serial|serial_no"),
        _k("device_id", "device ID", (10, 11, 12), "device_id|deviceRef"),
        _k("case_number", "case number|ticket number", (8, 9, 10), "case_id|ticket_id|caseRef"),
        _k("confirmation_number", "confirmation number", (8, 9, 10), "confirmation|conf_code"),
        _k("prescription_number", "prescription number|Rx number", (7, 8, 9), "rx_number|rxId"),
        _k("loan_number", "loan number", (10,), "loan_number|loanId", "1234567"),
        _k(
            "contract_number",
            "contract number|agreement number",
            (9, 10, 11),
            "contract_id|agreementNo",
        ),
        _k("invoice_number", "invoice number|invoice", (8, 9, 10), "invoice_no|invoiceId"),
        _k("customer_number", "customer number|customer ID", (8, 9, 10), "customer_id|custNo"),
        _k("work_order", "work order number|work order", (7, 8, 9), "work_order_id|wo_number"),
        _k(
            "patient_id",
            "patient ID|medical record number|chart number",
            (8, 9, 10),
            "mrn|patient_id",
        ),
        _k("group_number", "group number", (7, 8, 9), "group_number|groupNo"),
        _k("subscriber_id", "subscriber ID", (9, 10, 11), "subscriber_id|subscriberNo"),
        _k("npi_number", "NPI|provider number", (10,), "npi|provider_npi", "12"),
        _k("employee_id", "employee ID|employee number", (7, 8, 9), "employee_id|emp_no"),
        _k("student_id", "student ID", (9,), "student_id|studentNumber"),
        _k("permit_number", "permit number", (8, 9, 10), "permit_no|permitId"),
        _k("voucher_number", "voucher number", (10, 11, 12), "voucher|voucherCode"),
        _k("reference_number", "reference number", (9, 10, 11, 12), "reference|ref_no"),
        _k("application_number", "application number", (9, 10, 11), "application_id|appNo"),
        _k("incident_number", "incident number|report number", (9, 10), "incident_id|reportNo"),
        _k("repair_order", "repair order|RO number", (7, 8), "ro_number|repairOrder"),
        _k(
            "ledger_number",
            "ledger number|resident account number",
            (8, 9, 10),
            "ledger_id|residentNo",
        ),
        _k("eticket_number", "e-ticket number|ticket number", (13,), "eticket|ticket_no", "0"),
        _k("microchip_id", "microchip number|chip number", (15,), "microchip|chipId", "9"),
        _k(
            "bank_account",
            "checking account number|savings account number",
            (10, 11, 12),
            "bank_account|dda",
        ),
    )
}


def id_value(rng: random.Random, kind: IdKind) -> str:
    n = pick(rng, kind.lengths)
    if kind.cls == "eticket_number":
        return pick(rng, ("001", "006", "016", "037", "125", "014")) + digits(
            rng, 10, lead="0123456789"
        )
    if kind.cls == "microchip_id":
        return pick(rng, ("985", "956", "900")) + digits(rng, 12, lead="0123456789")
    if n == 10 and maybe(rng, 0.6):  # shaped like a North American number: the hard case
        return (
            digits(rng, 3, lead="23456789")
            + digits(rng, 3, lead="23456789")
            + digits(rng, 4, lead="0123456789")
        )
    return digits(rng, n, lead=kind.lead)


def groups_of(value: str) -> list[str]:
    n = len(value)
    sizes = {
        7: (3, 4),
        8: (4, 4),
        9: (3, 3, 3),
        10: (3, 3, 4),
        11: (3, 4, 4),
        12: (4, 4, 4),
        13: (3, 4, 3, 3),
        15: (3, 4, 4, 4),
    }.get(n, (n,))
    return split(value, sizes)


def id_typed(rng: random.Random, value: str) -> str:
    """As a smart formatter, a screen or a letter writes it."""
    how = rng.randrange(5)
    if how <= 1:
        return value
    sep = pick(rng, (" ", "-", " ", "-", "."))
    return sep.join(groups_of(value))


def id_said(rng: random.Random, value: str, *, smart: bool) -> str:
    """As said aloud: digits (smart formatting) in groups, or words in groups / a run."""
    if smart and maybe(rng, 0.65):
        return id_typed(rng, value) if maybe(rng, 0.6) else ", ".join(groups_of(value))
    if not smart and maybe(rng, 0.25):  # lower-case STT that still writes digits
        return " ".join(groups_of(value))
    joint = ", " if smart and maybe(rng, 0.4) else " "
    if maybe(rng, 0.3):
        return words(value, rng)
    return joint.join(speak(g, rng) for g in groups_of(value))


def said_id(rng: random.Random, cls: str, *, smart: bool) -> tuple[str, str, Benign]:
    """(noun, value digits, look-alike as said) of a fresh id of class `cls`."""
    kind = IDS[cls]
    value = id_value(rng, kind)
    noun = pick(rng, kind.nouns)
    return noun if smart else noun.lower(), value, Benign(cls, id_said(rng, value, smart=smart))


# -- numbers run together, read off paper or a screen

MONTHS = (
    *("January", "February", "March", "April", "May", "June", "July"),
    *("August", "September", "October", "November", "December"),
)
ORD = (
    *("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"),
    *("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth"),
    *("seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty first", "twenty second"),
    *("twenty third", "twenty fourth", "twenty fifth", "twenty sixth", "twenty seventh"),
    "twenty eighth",
)
_SUFFIX = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}


def _p(n: int, rng: random.Random) -> str:
    return speak(str(n), rng, "pairs")


def date_time(rng: random.Random, *, smart: bool) -> Benign:
    """A date and a time said together: "11/14 at 10:45", "the 9th, 2:30 p.m.", words."""
    m, d = rng.randrange(1, 13), rng.randrange(1, 28)
    h, mi = rng.randrange(7, 13), pick(rng, (0, 15, 30, 45, 10, 20, 40, 50))
    if smart:
        form = rng.randrange(4)
        if form == 0:
            return Benign("date_time", f"{m}/{d} at {h}:{mi:02d}")
        if form == 1:
            return Benign("date_time", f"{MONTHS[m - 1]} {d}{_SUFFIX.get(d, 'th')} at {h}:{mi:02d}")
        if form == 2:
            return Benign("date_time", f"{m:02d}/{d:02d}/2025 {h}:{mi:02d}")
        return Benign("date_time", f"the {d}{_SUFFIX.get(d, 'th')}, {h}:{mi:02d} p.m.")
    minute = "o'clock" if mi == 0 else speak(f"{mi:02d}", rng, "pairs")
    if maybe(rng, 0.5):
        return Benign(
            "date_time",
            f"{_p(m, rng)} {_p(d, rng)} at {_p(h, rng)} {minute}",
        )
    return Benign(
        "date_time",
        f"{MONTHS[m - 1].lower()} {ORD[d - 1]} at {speak(str(h), rng, 'pairs')} {minute}",
    )


def dollars(rng: random.Random, *, smart: bool, big: bool = False) -> Benign:
    amount = rng.randrange(100_00, 9_999_99) if big else rng.randrange(12_00, 2_400_00)
    whole, cents = divmod(amount, 100)
    if smart:
        return Benign("amount", f"${whole:,}.{cents:02d}")
    head = speak(str(whole), rng, "pairs")
    return Benign("amount", f"{head} dollars and {speak(f'{cents:02d}', rng, 'pairs')} cents")


def amount_due(rng: random.Random, *, smart: bool) -> Benign:
    """An amount and its due date run together: "2,418.07 due 11/28"."""
    whole, cents = rng.randrange(100, 9999), rng.randrange(100)
    m, d = rng.randrange(1, 13), rng.randrange(1, 29)
    if smart:
        return Benign("amount_date", f"{whole:,}.{cents:02d} due {m}/{d}")
    return Benign(
        "amount_date",
        f"{_p(whole, rng)} {speak(f'{cents:02d}', rng, 'pairs')} due {_p(m, rng)} {_p(d, rng)}",
    )


def dob(rng: random.Random, *, smart: bool) -> Benign:
    y, m, d = rng.randrange(1942, 2006), rng.randrange(1, 13), rng.randrange(1, 29)
    if smart:
        return Benign(
            "dob", pick(rng, (f"{m}/{d}/{y}", f"{m:02d}/{d:02d}/{y}", f"{MONTHS[m - 1]} {d}, {y}"))
        )
    return Benign(
        "dob",
        f"{MONTHS[m - 1].lower()} {ORD[d - 1]} {_p(y // 100, rng)} "
        f"{speak(str(y)[2:], rng, 'pairs')}",
    )


def zip_code(rng: random.Random, *, smart: bool, cls: str = "zip") -> Benign:
    z = digits(rng, 5, lead="0123456789")
    if smart or maybe(rng, 0.4):
        return Benign(cls, z if maybe(rng, 0.8) else f"{z}-{digits(rng, 4, lead='0123456789')}")
    return Benign(cls, words(z, rng))


STREETS = (
    *("Wilmington Avenue", "Larkspur Lane", "Old Mill Road", "Sycamore Court", "Halsted Street"),
    *("Brookhollow Drive", "Kettering Way", "Pinecrest Boulevard", "Marlowe Street"),
)


def address(rng: random.Random, *, smart: bool) -> Benign:
    num = str(rng.randrange(100, 99999))
    unit = pick(
        rng,
        (
            "",
            f", Apt {rng.randrange(2, 40)}{pick(rng, 'ABCD')}",
            f" Unit {rng.randrange(100, 2400)}",
        ),
    )
    text = f"{num} {pick(rng, STREETS)}{unit}"
    return Benign("street_address", text if smart else text.lower().replace(",", ""))


def letter_ref(rng: random.Random) -> tuple[str, Benign]:
    """A number the caller reads off a letter or a screen (it is printed, so digits)."""
    where = pick(
        rng,
        (
            ("the letter says reference number", "letter_reference"),
            ("up at the top of the notice it has", "notice_number"),
            ("the screen says", "screen_code"),
            ("the bill has a document number,", "document_number"),
            ("on the statement there's a number,", "statement_number"),
            ("the sticker on the box says", "label_number"),
        ),
    )
    value = digits(rng, pick(rng, (9, 10, 11, 12, 14)))
    return where[0], Benign(where[1], id_typed(rng, value))


def short_code(rng: random.Random) -> Benign:
    """One-time codes and PINs an agent or a text sends."""
    cls = pick(rng, ("otp", "verification_code", "short_code"))
    n = {"otp": 6, "verification_code": 6, "short_code": 5}[cls]
    value = digits(rng, n)
    return Benign(cls, value if maybe(rng, 0.6) else f"{value[:3]} {value[3:]}")
