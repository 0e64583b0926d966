"""dev9 phone look-alikes, part 1: references read like phones, numbers named only by the
agent, partial phones, the company's own lines, numbers right after a phone, tool ids."""

from __future__ import annotations

import random

import phonenumbers as pn
from phonenumbers import PhoneNumberFormat as F
from pii_dev9_say import (
    PLACE,
    fix,
    grouped,
    make_phone,
    phone_like_digits,
    phone_parts,
    pick_region,
    rand_digits,
    readback_phone,
    say_number,
    split_groups,
    tool_turn,
)
from pii_rows import Benign, Pii, Row, maybe

COMPANIES = [
    "Northwind Energy",
    "BrightLine Mobile",
    "Harbor Savings",
    "Skyway Air",
    "Apex Home Insurance",
    "QuickShip Parcels",
    "Meridian Health",
    "Lakeside Dental",
    "Clearwave Broadband",
    "Evergreen Water",
    "Summit Auto Care",
    "Pioneer Rail",
    "Bluebird Rentals",
    "Cedar Park Vets",
    "Orion Travel",
    "Keystone Mortgages",
    "Redwood Pharmacy",
    "Atlas Storage",
    "Coastline Ferries",
    "Maple Leaf Couriers",
]
REF_KINDS = [
    ("booking reference", "booking_ref"),
    ("order number", "order_id"),
    ("account number", "account_no"),
    ("member number", "member_id"),
    ("policy number", "policy_no"),
    ("claim number", "claim_no"),
    ("tracking number", "tracking"),
    ("ticket number", "ticket_id"),
    ("case number", "case_id"),
    ("customer number", "customer_id"),
    ("confirmation number", "confirmation"),
    ("invoice number", "invoice_no"),
]
ASK_PHONE = [
    "And what's the best number to reach you on?",
    "What's a good callback number for you?",
    "What number should the driver call if there's a problem?",
    "Could I take a contact number in case we get cut off?",
    "And which phone should sit on the account?",
    "What's a good number for a text update?",
]
GIVE_PHONE = [
    "Sure, it's ",
    "Yeah, ",
    "It's ",
    "My cell is ",
    "You can get me on ",
    "Best one is my mobile, ",
    "OK so it's ",
    "That'd be ",
]


def _tags(row: Row, cls: str) -> None:
    row.tags.add("aim.phone_precision")
    row.tags.add(f"lookalike.{cls}")


def give_phone(
    rng: random.Random, row: Row, smart: bool, readback: float = 0.5, ask: str | None = None
) -> None:
    region = pick_region(rng)
    row.say("assistant", ask or rng.choice(ASK_PHONE))
    lead = rng.choice(GIVE_PHONE)
    tail = ""
    if region not in ("US", "CA") and maybe(rng, 0.4):
        tail = rng.choice(
            [
                f", I'm in {PLACE[region]} at the moment",
                f", it's a {PLACE[region]} number",
                f". I'm based in {PLACE[region]}",
            ]
        )
    parts, num = phone_parts(rng, row, region, smart)
    row.say("user", lead, *parts, tail + ".", smart=smart)
    if maybe(rng, readback):
        row.say(
            "assistant",
            "Let me read that back: ",
            Pii("phone", readback_phone(rng, num, region)),
            ". Is that right?",
        )
        row.say(
            "user",
            rng.choice(["Yes.", "That's it.", "Yep, that's right.", "Correct."]),
            smart=smart,
        )


def ref_grouped(rng: random.Random) -> Row:
    row = Row("d9.ph.ref_grouped")
    smart = maybe(rng, 0.55)
    kind, cls = rng.choice(REF_KINDS)
    _tags(row, cls)
    company = rng.choice(COMPANIES)
    digits = phone_like_digits(rng)
    ref = fix(say_number(rng, digits, smart), smart)
    row.say("assistant", f"Thanks for calling {company}. Can I take your {kind} please?")
    row.say(
        "user",
        rng.choice(
            [
                "Yeah it's ",
                "Sure, ",
                "Hold on, it's on the email. ",
                "OK, I've got it here, ",
                "It is ",
            ]
        ),
        Benign(cls, ref),
        rng.choice([".", ", I think.", ", that's what the email says."]),
        smart=smart,
    )
    if maybe(rng, 0.5):
        row.say(
            "assistant",
            f"Thank you. That's {kind} ",
            Benign(cls, grouped(digits, split_groups(len(digits), rng), " ")),
            ", correct?",
        )
        row.say("user", "Yes.", smart=smart)
    if maybe(rng, 0.65):
        give_phone(rng, row, smart)
    else:
        row.say("assistant", f"I can see that {kind} now. How can I help today?")
        row.say(
            "user",
            rng.choice(
                [
                    "I need to change the date.",
                    "It hasn't arrived yet.",
                    "I was charged twice.",
                    "I want to cancel it.",
                ]
            ),
            smart=smart,
        )
    return row


def ref_unnamed(rng: random.Random) -> Row:
    """'The number is ...' where only the agent (or an earlier turn) said what kind it is."""
    row = Row("d9.ph.ref_unnamed")
    smart = maybe(rng, 0.55)
    kind, cls = rng.choice(REF_KINDS)
    _tags(row, cls)
    row.tags.add("lookalike.named_earlier")
    digits = phone_like_digits(rng)
    ref = fix(say_number(rng, digits, smart, spoken_p=0.6), smart)
    if maybe(rng, 0.5):
        row.say("assistant", f"Do you have the {kind} from the letter we sent you?")
        row.say("user", "Yeah, one sec.", smart=smart)
        row.say(
            "user",
            rng.choice(
                [
                    "OK the number is ",
                    "Right, number is ",
                    "So the number's ",
                    "Number at the top says ",
                ]
            ),
            Benign(cls, ref),
            ".",
            smart=smart,
        )
    else:
        row.say(
            "user",
            f"I got a text about my {kind.split()[0]} and it had a number on it.",
            smart=smart,
        )
        row.say("assistant", "Could you read me the number, please?")
        row.say(
            "user",
            rng.choice(["Yeah, it's ", "It says ", "Number ", "Sure. "]),
            Benign(cls, ref),
            ".",
            smart=smart,
        )
    if maybe(rng, 0.7):
        ask = rng.choice(
            [
                "And your number?",
                "Great, and your phone number?",
                "And the number we can call you back on?",
            ]
        )
        give_phone(rng, row, smart, ask=ask)
    return row


def partial(rng: random.Random) -> Row:
    row = Row("d9.ph.partial")
    smart = maybe(rng, 0.55)
    _tags(row, "partial_phone")
    region = pick_region(rng)
    old = make_phone(rng, region)
    national = "".join(c for c in pn.format_number(old, F.NATIONAL) if c.isdigit())
    last4 = national[-4:]
    style = rng.random()
    if style < 0.35:
        row.say(
            "assistant",
            "For security, can you confirm the last four digits of the phone "
            "number on the account?",
        )
        row.say(
            "user",
            rng.choice(["It's ", "Last four are ", "Yeah, "]),
            Benign("partial_phone", fix(say_number(rng, last4, smart, [4], 0.6), smart)),
            ".",
            smart=smart,
        )
    elif style < 0.6:
        row.say(
            "assistant",
            "I have a number on file ending in ",
            Benign("partial_phone", last4),
            ". Is that still current?",
        )
        row.say("user", "No, that's my old one.", smart=smart)
    elif style < 0.8:
        head = national[: rng.choice([2, 3, 4])]
        row.say(
            "user",
            "I don't remember the whole number, it starts with ",
            Benign("partial_phone", fix(say_number(rng, head, smart, [len(head)], 0.6), smart)),
            rng.choice([" and that's all I remember.", ", it's the office one."]),
            smart=smart,
        )
        row.say("assistant", "No problem, we can use another number.")
    else:
        area = national[:3] if old.country_code == 1 else national[:2]
        row.say(
            "user",
            "The area code is ",
            Benign("partial_phone", fix(say_number(rng, area, smart, [len(area)], 0.5), smart)),
            " but I moved, so it's different now.",
            smart=smart,
        )
        row.say("assistant", "Understood.")
    if maybe(rng, 0.75):
        give_phone(
            rng,
            row,
            smart,
            ask=rng.choice(["What's the new number?", "Can I take the full new number?"]),
        )
    return row


def company_number(rng: random.Random) -> str:
    x = rng.random()
    if x < 0.4:
        return (
            "1-"
            + rng.choice(["800", "888", "877", "866", "855"])
            + "-"
            + rand_digits(rng, 3, "23456789")
            + "-"
            + rand_digits(rng, 4, "0123456789")
        )
    if x < 0.55:
        return (
            rng.choice(["0800 ", "0808 ", "0345 ", "0330 "])
            + rand_digits(rng, 3)
            + " "
            + rand_digits(rng, 4, "0123456789")
        )
    region = pick_region(rng)
    num = make_phone(rng, region, mobile=False)
    return pn.format_number(num, F.NATIONAL if maybe(rng, 0.7) else F.INTERNATIONAL)


def company_line(rng: random.Random) -> Row:
    row = Row("d9.ph.company_line")
    smart = maybe(rng, 0.55)
    company = rng.choice(COMPANIES)
    style = rng.random()
    line = company_number(rng)
    if style < 0.25:
        _tags(row, "company_line")
        row.say(
            "assistant",
            f"Thank you for calling {company}. Calls may be recorded. For billing, "
            "press 2. To report a fault, hang up and call ",
            Benign("company_line", line),
            ".",
        )
    elif style < 0.45:
        _tags(row, "fax")
        row.say("user", "Where do I send the form?", smart=smart)
        row.say(
            "assistant",
            "You can fax it to ",
            Benign("fax", line),
            rng.choice([" or post it to us.", ", that's our claims fax."]),
        )
    elif style < 0.65:
        _tags(row, "company_line")
        row.say(
            "assistant",
            "If you need us out of hours, our hotline is ",
            Benign("company_line", line),
            ", open twenty-four seven.",
        )
        row.say("user", "Can you say that again?", smart=smart)
        row.say("assistant", "Of course, ", Benign("company_line", line.replace("-", " ")), ".")
    elif style < 0.82:
        _tags(row, "business_line")
        shop = rng.choice(
            [
                "the pharmacy on Main Street",
                "the branch in town",
                "the garage",
                "your local depot",
                "the hotel front desk",
                "the clinic reception",
            ]
        )
        row.say("user", f"Do you have a number for {shop}?", smart=smart)
        row.say("assistant", "Yes, they're on ", Benign("business_line", line), ".")
    else:
        _tags(row, "company_line")
        heard = fix(
            say_number(rng, "".join(c for c in line if c.isdigit()), smart, spoken_p=0.8), smart
        )
        row.say(
            "user",
            "I got a missed call from ",
            Benign("company_line", heard),
            ", is that you guys?",
            smart=smart,
        )
        row.say("assistant", f"Yes, that's one of our {company} lines.")
    if maybe(rng, 0.7):
        give_phone(
            rng,
            row,
            smart,
            ask=rng.choice(
                [
                    "And what number are you calling from today?",
                    "Can I take your own number so the team can call you back?",
                    *ASK_PHONE,
                ]
            ),
        )
    return row


AFTER = [
    ("order_id", "and the order number is "),
    ("ext", "extension "),
    ("booking_ref", "and my booking reference is "),
    ("account_no", "account number is "),
    ("postcode", "and the zip is "),
    ("time", "after "),
    ("pin", "and the voicemail pin is "),
    ("member_id", "and my member number is "),
]


def after_phone(rng: random.Random) -> Row:
    row = Row("d9.ph.after_phone")
    smart = maybe(rng, 0.55)
    cls, lead = rng.choice(AFTER)
    _tags(row, "after_phone")
    row.tags.add(f"lookalike.{cls}")
    region = pick_region(rng)
    if cls == "ext":
        val = rand_digits(rng, rng.choice([2, 3, 4]))
    elif cls == "postcode":
        val = rand_digits(rng, 5, "0123456789")
    elif cls == "time":
        val = rng.choice(["5", "6", "5:30", "6 pm", "7"])
        val = val if smart else rng.choice(["five", "six", "five thirty", "six pm", "seven"])
    elif cls == "pin":
        val = rand_digits(rng, 4, "0123456789")
    else:
        val = phone_like_digits(rng)
    said = val if cls == "time" else say_number(rng, val, smart, spoken_p=0.5)
    row.say("assistant", rng.choice(ASK_PHONE))
    parts, num = phone_parts(rng, row, region, smart)
    sep = rng.choice([", ", " ", " - "]) if smart else " "
    tail = " in the evening" if cls == "time" else ""
    row.say(
        "user",
        rng.choice(GIVE_PHONE),
        *parts,
        sep,
        lead,
        Benign(cls, fix(said, smart)),
        tail + ".",
        smart=smart,
    )
    if maybe(rng, 0.5):
        row.say(
            "assistant",
            "So that's ",
            Pii("phone", readback_phone(rng, num, region)),
            ", and I've noted the other number too.",
        )
    return row


TOOL_KEYS = [
    ("order_id", "order_id"),
    ("booking_ref", "reference"),
    ("booking_ref", "ref"),
    ("order_id", "order"),
    ("confirmation", "confirmation"),
    ("case_id", "case"),
    ("account_no", "account_id"),
    ("customer_id", "customer_id"),
    ("ticket_id", "ticket_id"),
    ("tracking", "tracking_number"),
    ("member_id", "member_id"),
    ("invoice_no", "invoice_id"),
]


def tool_ids(rng: random.Random) -> Row:
    row = Row("d9.ph.tool")
    smart = maybe(rng, 0.6)
    cls, key = rng.choice(TOOL_KEYS)
    _tags(row, "tool_id")
    row.tags.add(f"lookalike.{cls}")
    digits = phone_like_digits(rng)
    if maybe(rng, 0.3):
        digits = grouped(digits, split_groups(len(digits), rng), "-")
    row.say(
        "user",
        "I'm calling about ",
        Benign(
            cls,
            fix(
                say_number(rng, "".join(c for c in digits if c.isdigit()), smart, spoken_p=0.5),
                smart,
            ),
        ),
        ".",
        smart=smart,
    )
    tool_turn(
        row,
        "assistant",
        {
            "tool": rng.choice(["lookup_order", "find_booking", "get_case", "fetch_account"]),
            "arguments": {key: Benign(cls, digits)},
        },
    )
    result: dict = {key: Benign(cls, digits), "status": rng.choice(["open", "shipped", "pending"])}
    has_phone = maybe(rng, 0.55)
    region = pick_region(rng)
    if has_phone:
        num = make_phone(rng, region)
        row.tags.add(f"phone.region.{region}")
        result["contact_phone"] = Pii(
            "phone", pn.format_number(num, rng.choice([F.E164, F.INTERNATIONAL, F.NATIONAL]))
        )
    if maybe(rng, 0.4):
        result["support_line"] = Benign("company_line", company_number(rng))
    if maybe(rng, 0.4):
        extra_key = rng.choice(["parent_order", "batch", "store_id", "warehouse_ref"])
        result[extra_key] = Benign("tool_id", rand_digits(rng, rng.choice([7, 9, 11])))
    tool_turn(row, "tool", result)
    if has_phone and maybe(rng, 0.6):
        row.say(
            "assistant",
            "I found it. Is ",
            Pii("phone", readback_phone(rng, num, region)),
            " still the best number for you?",
        )
        row.say("user", "Yes, it is.", smart=smart)
    else:
        row.say("assistant", "I found it, it's showing as in progress.")
    return row


FAMILIES = {
    "d9.ph.ref_grouped": (ref_grouped, 0.065),
    "d9.ph.ref_unnamed": (ref_unnamed, 0.04),
    "d9.ph.partial": (partial, 0.035),
    "d9.ph.company_line": (company_line, 0.045),
    "d9.ph.after_phone": (after_phone, 0.03),
    "d9.ph.tool": (tool_ids, 0.04),
}
