"""heldout5's typed turns (chat widgets, SMS replies) and tool calls (benchmarks/pii_heldout5.py).

Written for the fifth held-out part by someone who had read neither the redaction rules nor
any other part. Rule writers must never read this file (docs/redaction.md, "Evaluation").
"""

from __future__ import annotations

import random

import phonenumbers
from phonenumbers import PhoneNumberFormat
from pii_heldout5_say import (
    FOREIGN,
    IBANS,
    booking_code,
    card,
    chance,
    digits,
    domain,
    email_parts,
    fullwidth,
    iban_groups,
    imei,
    json_turn,
    make_iban,
    make_ssn,
    phone,
    pick,
    typed_join,
    us_phone,
)
from pii_rows import Benign, Pii, Row

CHAT_OPENERS = [
    "Hi! I'm the virtual assistant. What can I help you with today?",
    "Hello, you're chatting with support. How can I help?",
    "Thanks for reaching out. An agent will be with you shortly - what's it about?",
    "Hi there 👋 How can we help?",
]


def _typed_card(rng: random.Random) -> tuple[str, str, set[str]]:
    net, number, groups = card(rng)
    text, tags = typed_join(groups, rng)
    if chance(rng, 0.2):
        text = fullwidth(text, rng, share=pick(rng, [1.0, 0.5]))
        tags.add("unicode.fullwidth")
    return net, text, tags | {f"card.net.{net}", "typed"}


def chat_card(rng: random.Random) -> Row:
    """A card typed in a chat widget: odd separators, full-width digits, over two messages."""
    key, _, _ = domain(rng)
    net, text, tags = _typed_card(rng)
    row = Row("h5.text.chat_card", tags | {f"domain.{key}", "chat"})
    row.say("agent", pick(rng, CHAT_OPENERS))
    row.say(
        "user",
        pick(
            rng,
            [
                "need to pay my bill",
                "can i pay by card here?",
                "I want to update the card on file",
                "payment failed again??",
            ],
        ),
    )
    row.say("agent", "I can help with that. Please type the card number below.")
    if chance(rng, 0.25):
        row.tags.add("typed.split")
        cut = len(text) // 2
        while cut < len(text) and text[cut].isalnum():
            cut += 1
        seps = " -.\u2013\u00a0\u2009\u200b\u202f"
        first, second = text[:cut].rstrip(seps), text[cut:].lstrip(seps)
        if not first or not second:
            first, second = text[:8], text[8:].lstrip(seps)
        row.say("user", Pii("card", first, True))
        row.say("user", Pii("card", second, True))
    else:
        row.say(
            "user",
            pick(rng, ["", "card: ", "ok ", "here "]),
            Pii("card", text),
            pick(rng, ["", " exp 11/29", "  thx", "\ncvv on the back is smudged"]),
        )
    row.say("agent", "Thanks, processing now.")
    return row


def _typed_phone(rng: random.Random) -> tuple[str, str, set[str]]:
    us = chance(rng, 0.35)
    region = "US" if us else pick(rng, FOREIGN)
    number = us_phone(rng) if us else phone(rng, region)
    how = pick(rng, ["e164", "intl", "national", "groups", "dots", "parens", "double_zero"])
    tags = {f"phone.region.{region}", f"phone.typed.{how}", "typed"}
    if how == "e164":
        text = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    elif how == "intl":
        text = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    elif how == "national":
        text = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    elif how == "double_zero":
        text = "00" + phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)[1:]
    else:
        national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
        groups = [g for g in "".join(c if c.isdigit() else " " for c in national).split()]
        if how == "dots":
            text = ".".join(groups)
        elif how == "parens" and len(groups) >= 2:
            text = f"({groups[0]}) " + " ".join(groups[1:])
        else:
            text, more = typed_join(groups, rng)
            tags |= more
    if chance(rng, 0.12):
        text = fullwidth(text, rng)
        tags.add("unicode.fullwidth")
    return region, text, tags


def chat_phone(rng: random.Random) -> Row:
    """A phone number typed: E.164, international, national, dots, parentheses, 00."""
    region, text, tags = _typed_phone(rng)
    row = Row("h5.text.chat_phone", tags | {"chat"})
    row.say("agent", pick(rng, CHAT_OPENERS))
    row.say(
        "user",
        pick(
            rng,
            [
                "my driver can't find me",
                "i want a callback please",
                "change the number on my account",
                "Can someone call me",
            ],
        ),
    )
    row.say(
        "agent",
        pick(
            rng,
            [
                "What's the best number to get hold of you?",
                "Sure - which number should we use?",
                "Please enter the new mobile number.",
            ],
        ),
    )
    row.say(
        "user",
        pick(rng, ["", "its ", "new number: ", "call me on ", "tel "]),
        Pii("phone", text),
        pick(rng, ["", " pls", " (whatsapp)", " after 5pm", "!"]),
    )
    row.say("agent", "Got it, thanks.")
    return row


def chat_email(rng: random.Random) -> Row:
    """An address typed: capitals, angle brackets, mailto:, "[at]" and "(at)", spaces."""
    _, _, _, typed = email_parts(rng)
    shape = pick(rng, ["plain", "caps", "angle", "mailto", "obfuscated", "paren", "space"])
    tags = {f"email.typed.{shape}", "typed", "chat"}
    if shape == "caps":
        local, dom = typed.split("@")
        typed = local.title() + "@" + dom
    elif shape == "obfuscated":
        local, dom = typed.split("@")
        typed = f"{local} [at] {dom.replace('.', ' [dot] ')}"
    elif shape == "paren":
        local, dom = typed.split("@")
        typed = f"{local}(at){dom}"
    elif shape == "space":
        local, dom = typed.split("@")
        typed = f"{local} @ {dom}"
    row = Row("h5.text.chat_email", tags)
    row.say("agent", pick(rng, CHAT_OPENERS))
    row.say(
        "user",
        pick(rng, ["didnt get my receipt", "need the invoice resent", "wrong email on my profile"]),
    )
    row.say("agent", "What email address should we use?")
    before = {"angle": "<", "mailto": "mailto:"}.get(shape, pick(rng, ["", "", "its ", "email: "]))
    after = ">" if shape == "angle" else pick(rng, ["", ".", " thanks", " !!"])
    row.say("user", before, Pii("email", typed), after)
    if chance(rng, 0.3):
        row.say(
            "agent",
            "Updated. You'll get mail from ",
            Benign(
                "role_address",
                pick(
                    rng,
                    ["no-reply@parcelnest.com", "receipts@streamcrate.tv", "billing@lumenwave.net"],
                ),
            ),
            ".",
        )
    return row


def chat_iban(rng: random.Random) -> Row:
    """An IBAN pasted or typed, in lower case or with odd separators."""
    country = pick(rng, sorted(IBANS))
    number = make_iban(rng, country)
    groups = iban_groups(number)
    text, tags = typed_join(groups, rng)
    if chance(rng, 0.4):
        text = text.lower()
        tags.add("iban.typed.lower")
    row = Row("h5.text.chat_iban", tags | {f"iban.country.{country}", "typed", "chat"})
    row.say("agent", "To send the refund we need the IBAN of your account.")
    row.say(
        "user",
        pick(rng, ["", "IBAN: ", "here ", "iban "]),
        Pii("iban", text),
        pick(rng, ["", " (my wife's account is the same bank)", " thanks"]),
    )
    row.say("agent", "Thank you, the refund will arrive in 5-7 working days.")
    return row


def chat_ssn(rng: random.Random) -> Row:
    """An SSN typed in a form-filling chat."""
    number = make_ssn(rng)
    text, tags = typed_join([number[:3], number[3:5], number[5:]], rng)
    if chance(rng, 0.2):
        text = fullwidth(text, rng)
        tags.add("unicode.fullwidth")
    row = Row("h5.text.chat_ssn", tags | {"typed", "chat"})
    row.say("agent", "To finish the application, please enter your Social Security number.")
    row.say("user", pick(rng, ["", "ssn ", "SSN: ", "Social: ", "here it is "]), Pii("ssn", text))
    row.say(
        "agent", pick(rng, ["Thank you. Your application is being reviewed.", "Thanks, verified."])
    )
    return row


# --- tools -----------------------------------------------------------------------------------


def _amount(rng: random.Random) -> str:
    return f"{rng.randint(5, 2400)}.{rng.randint(0, 99):02d}"


def tool_args(rng: random.Random) -> Row:
    """The agent's function call: its arguments carry the number."""
    kind = pick(rng, ["card", "card", "phone", "email", "iban", "ssn", "contact"])
    row = Row("h5.tool.args", {"tool", "tool.args"})
    order = Benign("order_id", f"{pick(rng, ['PN', 'SC', 'MA', ''])}{digits(rng, 9)}")
    if kind == "card":
        net, number, groups = card(rng)
        value = number if chance(rng, 0.6) else " ".join(groups)
        row.tags.add(f"card.net.{net}")
        row.say("user", "Just put it on the card I gave you.")
        args = {
            "card_number": Pii("card", value),
            "exp_month": rng.randint(1, 12),
            "exp_year": rng.randint(2026, 2031),
            "amount": _amount(rng),
            "order_ref": order,
        }
        name = pick(rng, ["charge_card", "process_payment", "tokenize_card"])
    elif kind == "phone":
        region = pick(rng, ["US", *FOREIGN])
        number = us_phone(rng) if region == "US" else phone(rng, region)
        row.tags.add(f"phone.region.{region}")
        value = phonenumbers.format_number(
            number, pick(rng, [PhoneNumberFormat.E164, PhoneNumberFormat.INTERNATIONAL])
        )
        row.say("user", "Can you text me the link instead?")
        args = {"to": Pii("phone", value), "template": "payment_link", "ticket": order}
        name = pick(rng, ["send_sms", "schedule_callback"])
    elif kind == "email":
        typed = email_parts(rng)[3]
        row.say("user", "Email it to me please.")
        args = {
            "recipient": Pii("email", typed),
            "subject": "Your booking",
            "booking_ref": Benign("booking_ref", booking_code(rng)),
        }
        name = "send_email"
    elif kind == "iban":
        country = pick(rng, sorted(IBANS))
        number = make_iban(rng, country)
        row.tags.add(f"iban.country.{country}")
        row.say("user", "Yes, refund it to that account.")
        args = {
            "iban": Pii("iban", number if chance(rng, 0.6) else " ".join(iban_groups(number))),
            "amount": _amount(rng),
            "currency": pick(rng, ["EUR", "USD", "GBP"]),
            "claim_id": Benign("claim_id", f"CLM-{digits(rng, 8)}"),
        }
        name = "issue_refund"
    elif kind == "ssn":
        number = make_ssn(rng)
        value = pick(rng, [number, f"{number[:3]}-{number[3:5]}-{number[5:]}"])
        row.say("user", "Okay, go ahead and run the check.")
        args = {
            "ssn": Pii("ssn", value),
            "dob": f"19{rng.randint(50, 99)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            "application_id": Benign("application_id", digits(rng, 10)),
        }
        name = pick(rng, ["verify_identity", "credit_check"])
    else:
        region = pick(rng, FOREIGN)
        number = phone(rng, region)
        row.tags.add(f"phone.region.{region}")
        args = {
            "customer": {
                "email": Pii("email", email_parts(rng)[3]),
                "mobile": Pii("phone", phonenumbers.format_number(number, PhoneNumberFormat.E164)),
                "member_no": Benign("member_id", digits(rng, 11)),
            }
        }
        name = "update_profile"
        row.say("user", "Please update both on my profile.")
    row.say("tool", *json_turn({"type": "function_call", "name": name, "arguments": args}))
    row.say(
        "tool", *json_turn({"type": "function_result", "name": name, "output": {"status": "ok"}})
    )
    row.say("agent", pick(rng, ["All done.", "That's gone through.", "Done, anything else?"]))
    return row


def tool_output(rng: random.Random) -> Row:
    """A lookup's output: a customer record read back into the conversation."""
    key, _, _ = domain(rng)
    region = pick(rng, ["US", "US", *FOREIGN])
    number = us_phone(rng) if region == "US" else phone(rng, region)
    fmt = pick(
        rng, [PhoneNumberFormat.E164, PhoneNumberFormat.INTERNATIONAL, PhoneNumberFormat.NATIONAL]
    )
    record: dict = {
        "account_id": Benign("account_id", f"{digits(rng, 8)}"),
        "name": pick(rng, ["R. Okafor", "Leni Haas", "Mateus Duarte", "Sun-hee Park"]),
        "phone": Pii("phone", phonenumbers.format_number(number, fmt)),
    }
    row = Row("h5.tool.output", {"tool", "tool.output", f"phone.region.{region}", f"domain.{key}"})
    if chance(rng, 0.6):
        record["email"] = Pii("email", email_parts(rng)[3])
    if chance(rng, 0.5):
        net, number_c, _ = card(rng)
        record["payment_method"] = {
            "brand": net,
            "last4": Benign("card_last4", number_c[-4:]),
            "exp": f"{rng.randint(1, 12):02d}/{rng.randint(26, 31)}",
        }
    if chance(rng, 0.3):
        ssn = make_ssn(rng)
        record["tax_id"] = Pii("ssn", f"{ssn[:3]}-{ssn[3:5]}-{ssn[5:]}")
    if chance(rng, 0.4):
        record["device_imei"] = Benign("imei", imei(rng))
    row.say("agent", "Let me look up your account.")
    row.say("tool", *json_turn({"name": "crm_lookup", "output": {"customer": record}}))
    row.say(
        "agent",
        pick(
            rng,
            [
                "I've found you. Is the number on file still right?",
                "Thanks, I see your account. What can I do today?",
            ],
        ),
    )
    return row


def tool_payment_result(rng: random.Random) -> Row:
    """A gateway's reply: masked card, ids and amounts, no PII at all."""
    net, number, _ = card(rng)
    row = Row("h5.tool.gateway", {"tool", "tool.output"})
    row.say("agent", "Okay, submitting the payment now.")
    row.say(
        "tool",
        *json_turn(
            {
                "name": "charge_card",
                "output": {
                    "status": pick(rng, ["approved", "declined"]),
                    "auth_code": Benign("auth_code", digits(rng, 6)),
                    "transaction_id": Benign("transaction_id", digits(rng, 16)),
                    "card": {
                        "brand": net,
                        "masked": Benign("card_masked", f"************{number[-4:]}"),
                    },
                    "amount": _amount(rng),
                },
            }
        ),
    )
    row.say(
        "agent",
        pick(
            rng,
            [
                "That's approved, you'll get a receipt.",
                "It's been declined, do you have another card?",
            ],
        ),
    )
    return row


def tool_then_voice(rng: random.Random) -> Row:
    """Said by the caller, passed on in a tool call, read back from its output."""
    region = pick(rng, ["US", *FOREIGN])
    number = us_phone(rng) if region == "US" else phone(rng, region)
    national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    digits_only = "".join(c for c in national if c.isdigit())
    said = " ".join(
        ["zero one two three four five six seven eight nine".split()[int(d)] for d in digits_only]
    )
    row = Row("h5.tool.relay", {"tool", "voice", f"phone.region.{region}"})
    row.say("agent", "What's the mobile number on the booking?")
    row.say("user", Pii("phone", said), smart=False)
    row.say(
        "tool",
        *json_turn(
            {
                "name": "find_booking",
                "arguments": {
                    "phone": Pii(
                        "phone", phonenumbers.format_number(number, PhoneNumberFormat.E164)
                    )
                },
            }
        ),
    )
    row.say(
        "tool",
        *json_turn(
            {
                "name": "find_booking",
                "output": {
                    "booking_ref": Benign("booking_ref", booking_code(rng)),
                    "pickup": f"{rng.randint(1, 12)}:{pick(rng, ['00', '15', '30', '45'])}",
                    "flight": Benign(
                        "flight", f"{pick(rng, ['MA', 'QF', 'TK', 'ET'])}{rng.randint(100, 9999)}"
                    ),
                },
            }
        ),
    )
    row.say("agent", "Found it. Your pickup is confirmed.")
    return row


FAMILIES = {
    "h5.text.chat_card": (chat_card, 14),
    "h5.text.chat_phone": (chat_phone, 10),
    "h5.text.chat_email": (chat_email, 9),
    "h5.text.chat_iban": (chat_iban, 6),
    "h5.text.chat_ssn": (chat_ssn, 7),
    "h5.tool.args": (tool_args, 14),
    "h5.tool.output": (tool_output, 10),
    "h5.tool.gateway": (tool_payment_result, 4),
    "h5.tool.relay": (tool_then_voice, 4),
}
