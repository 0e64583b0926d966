"""heldout6 typed families: web-chat turns (odd spaces, full-width digits) and tool-call JSON."""

from __future__ import annotations

import random

from pii_heldout6_neg import digits, lk_company_line, lk_imei, lk_mailbox, look
from pii_heldout6_say import (
    card_groups,
    draw_card,
    draw_iban,
    draw_phone,
    draw_ssn,
    email_value,
    odd_typed,
    pick_region,
    pii,
)
from pii_rows import Benign, Row, maybe

CHAT_OPEN = [
    "Hi! You're chatting with Pip, the virtual assistant. How can I help?",
    "Welcome to chat support. What can I help with today?",
    "Hello, thanks for reaching out. What's going on?",
]


def typed_phone(ph, rng: random.Random) -> str:
    k = rng.randrange(6)
    if k == 0:
        return ph.national_fmt
    if k == 1:
        return ph.intl_fmt
    if k == 2:
        return "+" + ph.cc + ph.nsn
    if k == 3:
        return "00" + ph.cc + " " + " ".join(ph.intl_groups)
    if k == 4:
        return ph.national_digits
    return "-".join(ph.nat_groups)


def fam_chat_contact(rng: random.Random) -> Row:
    row = Row("h6.text.chat_contact")
    row.say("assistant", rng.choice(CHAT_OPEN))
    ph = draw_phone(rng, pick_region(rng))
    e = email_value(rng)
    row.say(
        "user",
        rng.choice(
            ["pls update my details", "need to change contact info", "hi moved house, new number"]
        ),
    )
    row.say("assistant", "Sure, what's the new phone number?")
    row.say(
        "user",
        rng.choice(["", "its ", "new no: ", "mob "]),
        pii(row, "phone", typed_phone(ph, rng), ph.nsn, ph.region),
        rng.choice(["", " thx", ".", " (whatsapp too)"]),
    )
    if maybe(rng, 0.6):
        row.say("assistant", "And email?")
        row.say(
            "user",
            pii(
                row,
                "email",
                rng.choice([e, e.upper() if maybe(rng, 0.2) else e, e.replace("@", " @ ")]),
                e,
            ),
        )
    if maybe(rng, 0.15):
        row.say(
            "assistant",
            "Updated. Ticket ",
            look(rng, False, "ticket", "case_id"),
            " for your records.",
        )
    return row


ODD_KINDS = ["fullwidth", "nbsp", "thin", "zwsp", "endash"]


def fam_chat_odd_chars(rng: random.Random) -> Row:
    """Numbers typed or pasted with no-break/thin/zero-width spaces, en dashes, full-width
    digits."""
    row = Row("h6.text.chat_odd_chars")
    row.say("assistant", rng.choice(CHAT_OPEN))
    kind = rng.choice(ODD_KINDS)
    what = rng.choice(["card", "phone", "iban", "ssn"])
    row.tags.add(f"typed.{kind}")
    if what == "card":
        net, num = draw_card(rng)
        if kind == "fullwidth" and "4" not in num:
            raise_retry()
        text = odd_typed(card_groups(num, rng, 0), kind)
        row.say("user", "i'd like to pay with ", pii(row, "card", text, num))
        row.tags.add(f"card.{net}")
    elif what == "phone":
        ph = draw_phone(rng, pick_region(rng))
        g = ph.nat_groups if len(ph.nat_groups) > 1 else ph.intl_groups
        pre = "" if g is ph.nat_groups else "+" + ph.cc + " "
        if kind == "fullwidth" and "4" not in "".join(g):
            raise_retry()
        if len(g) < 2 and kind != "fullwidth":
            raise_retry()
        row.say(
            "user",
            "call me on ",
            pii(row, "phone", pre + odd_typed(g, kind), ph.nsn, ph.region),
            " please",
        )
    elif what == "iban":
        iban = draw_iban(rng)
        g = [iban[i : i + 4] for i in range(0, len(iban), 4)]
        if kind == "fullwidth" and "4" not in iban:
            raise_retry()
        row.say("user", "refund to ", pii(row, "iban", odd_typed(g, kind), iban))
    else:
        ssn = draw_ssn(rng)
        if kind == "fullwidth" and "4" not in ssn:
            raise_retry()
        row.say(
            "user",
            "SSN for the form: ",
            pii(row, "ssn", odd_typed([ssn[:3], ssn[3:5], ssn[5:]], kind), ssn),
        )
    row.say("assistant", "Thanks, got it.")
    if maybe(rng, 0.3):
        row.say("user", "order was ", look(rng, False, "order_id"))
    return row


def raise_retry():
    from pii_rows import Retry

    raise Retry("no 4 to widen")


def fam_chat_card(rng: random.Random) -> Row:
    row = Row("h6.text.chat_payment")
    row.say("assistant", rng.choice(CHAT_OPEN))
    net, num = draw_card(rng)
    row.tags.add(f"card.{net}")
    if maybe(rng, 0.4):
        row.say("user", "want to pay invoice ", look(rng, False, "invoice"))
    else:
        row.say("user", "want to pay my bill")
    row.say("assistant", "Sure. Please enter your card number below.")
    sep = rng.choice([" ", "", "-", "  ", "."])
    if maybe(rng, 0.4):
        row.say(
            "user",
            pii(row, "card", sep.join(card_groups(num, rng)), num),
            rng.choice([" exp ", " "]),
            Benign("expiry", f"{rng.randrange(1, 13):02d}/{rng.randrange(26, 33)}"),
        )
    else:
        row.say("user", pii(row, "card", sep.join(card_groups(num, rng)), num))
    row.say("assistant", "Payment received. A receipt is on its way.")
    return row


def fam_tool_lookup(rng: random.Random) -> Row:
    """The agent calls a CRM tool with the caller's phone/email; the tool answers with a profile."""
    row = Row("h6.text.tool_lookup")
    ph = draw_phone(rng, pick_region(rng))
    e = email_value(rng)
    row.say("user", "hi i'm calling about my account", smart=False)
    row.say("assistant", "Sure, what's the phone number on the account?")
    row.say("user", pii(row, "phone", typed_phone(ph, rng), ph.nsn, ph.region))
    key = rng.choice(["phone", "phone_number", "msisdn", "caller_number"])
    row.say(
        "assistant",
        '{"tool": "find_customer", "arguments": {"',
        key,
        '": "',
        pii(row, "phone", "+" + ph.cc + ph.nsn, ph.nsn, ph.region),
        '"}}',
    )
    cid = digits(rng, 9, True)
    parts = ['{"email": "', pii(row, "email", e, e), '"']
    if maybe(rng, 0.3):
        parts = [
            '{"customer_id": "',
            Benign("account_id", cid),
            '", "email": "',
            pii(row, "email", e, e),
            '"',
        ]
    if maybe(rng, 0.35):
        iban = draw_iban(rng)
        parts += [', "payout_iban": "', pii(row, "iban", iban, iban), '"']
    if maybe(rng, 0.35):
        ssn = draw_ssn(rng)
        parts += [', "ssn": "', pii(row, "ssn", f"{ssn[:3]}-{ssn[3:5]}-{ssn[5:]}", ssn), '"']
    if maybe(rng, 0.2):
        parts += [', "device_imei": "', Benign(*lk_imei(rng, False)), '"']
    parts += ["}"]
    row.say("tool", *parts)
    row.say("assistant", "Thanks, I've found your account.")
    return row


def fam_tool_payment(rng: random.Random) -> Row:
    row = Row("h6.text.tool_payment")
    net, num = draw_card(rng)
    row.tags.add(f"card.{net}")
    row.say(
        "user",
        rng.choice(["Okay, the card is ", "It's ", "Card number "]),
        pii(row, "card", " ".join(card_groups(num, rng, 0)), num),
        ".",
    )
    amt = f"{rng.randrange(5, 700)}.{rng.randrange(100):02d}"
    row.say(
        "assistant",
        '{"tool": "charge_card", "arguments": {"card_number": "',
        pii(row, "card", num, num),
        '", "amount": ',
        Benign("amount", amt),
        ', "invoice_id": "',
        Benign("invoice", digits(rng, 10, True)),
        '"}}',
    )
    auth = digits(rng, 6)
    row.say(
        "tool",
        '{"status": "approved", "auth_code": "',
        Benign("auth_code", auth),
        '", "card_last4": "',
        Benign("masked", num[-4:]),
        '", "merchant_phone": "',
        Benign(*lk_company_line(rng, False)),
        '"}',
    )
    row.say(
        "assistant",
        "That's gone through, authorisation code ",
        Benign("auth_code", " ".join(auth)),
        ".",
    )
    return row


def fam_tool_update_contact(rng: random.Random) -> Row:
    row = Row("h6.text.tool_update")
    ph = draw_phone(rng, pick_region(rng))
    e = email_value(rng)
    cid = "C-" + digits(rng, 8)
    row.say(
        "assistant",
        '{"tool": "update_contact", "arguments": {"customer_id": "',
        Benign("account_id", cid),
        '", "mobile": "',
        pii(row, "phone", typed_phone(ph, rng), ph.nsn, ph.region),
        '", "email": "',
        pii(row, "email", e, e),
        '", "ticket_ref": "',
        Benign("ticket", digits(rng, 10, True)),
        '"}}',
    )
    row.say(
        "tool",
        '{"ok": true, "updated_at": "',
        Benign(
            "date",
            f"2025-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
            f"T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00Z",
        ),
        '", "notify_from": "',
        Benign(*lk_mailbox(rng, False)),
        '"}',
    )
    row.say("assistant", "All updated.")
    return row


TEXT_FAMILIES = {
    "h6.text.chat_contact": (fam_chat_contact, 2.5),
    "h6.text.chat_odd_chars": (fam_chat_odd_chars, 3.0),
    "h6.text.chat_payment": (fam_chat_card, 2.5),
    "h6.text.tool_lookup": (fam_tool_lookup, 2.5),
    "h6.text.tool_payment": (fam_tool_payment, 2.0),
    "h6.text.tool_update": (fam_tool_update_contact, 1.5),
}
