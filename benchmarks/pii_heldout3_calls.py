"""THIRD HELD-OUT part (`heldout3`): longer calls mixing kinds and look-alikes, corrections
across turns, two numbers in one breath. Not for rule authors (see benchmarks/pii_heldout3.py)."""

from __future__ import annotations

import json
import random

import phonenumbers
import pii_speech as sp
from phonenumbers import PhoneNumberFormat
from pii_heldout3 import NUDGES, card_number, pick, read_groups, spoken, written
from pii_heldout3_text import DOMAINS, email_text, local_part
from pii_heldout3_voice import PLACES, REGIONS, phone_number, phone_text
from pii_rows import Benign, Pii, Row, maybe, raw


def call_booking(rng: random.Random) -> Row:
    """A booking change: reference and dates (look-alikes), then phone, email and card."""
    row = Row("h3.call_booking")
    ref = sp.us_ten_digits(rng)
    row.tags |= {"h3.call", "card"}
    row.say("assistant", "Thanks for calling Harbourline Travel, how can I help?")
    row.say("user", "hi I need to move my trip, booking reference ", Benign("id", ref), smart=False)
    day = rng.randint(4, 19)
    row.say(
        "assistant",
        "Found it. You're booked on January ",
        Benign("date", f"{day}th"),
        ". What date would you like instead?",
    )
    row.say(
        "user", "the ", Benign("date", f"{day + 1}th"), pick(rng, [" if possible", ", same time"])
    )
    if maybe(rng, 0.7):
        region = rng.choice(REGIONS)
        number = phone_number(rng, region)
        how, text = phone_text(number, rng, region)
        row.tags |= {"phone", f"phone.region.{region}"}
        row.say("assistant", "Done. Is the mobile on file still right, or is there a new one?")
        row.say(
            "user",
            "new one, ",
            Pii("phone", text if not any(c.isalpha() for c in text) else raw(text)),
        )
    if maybe(rng, 0.6):
        how, _, text, full = email_text(rng)
        row.tags.add("email")
        row.say("assistant", "And the e-ticket, same email?")
        row.say("user", "no send it to ", Pii("email", text), smart=how in ("written", "spaced"))
    network, digits, groups = card_number(rng)
    fee = f"${rng.randint(25, 140)}.00"
    row.say("assistant", "There's a change fee of ", Benign("amount", fee), ". Which card?")
    style = rng.choice(["digits", "words", "pairs", "written"])
    card = (
        written(digits, groups, rng)
        if style == "written"
        else read_groups(sp.group(digits, groups), rng, style, fillers=0.25)
    )
    row.say("user", "put it on the ", Pii("card", card), smart=style in ("digits", "written"))
    masked = f"**** {digits[-4:]}"
    row.say(
        "tool",
        'charge_card({"booking": "',
        Benign("json_id", ref),
        f'", "amount": {fee[1:]}}}) -> ',
        '{"approved": true, "card": "',
        Benign("masked_card", masked),
        '"}',
    )
    conf = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6))
    row.say(
        "assistant",
        "All set, card ending ",
        Benign("card_last4", digits[-4:]),
        ". Your new confirmation code is ",
        Benign("confirmation", conf),
        ".",
    )
    return row


def call_support(rng: random.Random) -> Row:
    """A device support call: IMEI, firmware version, ticket (look-alikes), a callback number."""
    row = Row("h3.call_support")
    imei = sp.luhn_number(rng, "35", 15)
    row.tags |= {"h3.call", "phone"}
    row.say("assistant", "Can you read me the IMEI from the settings screen?")
    row.say("user", "ok it's ", Benign("imei", imei if maybe(rng, 0.5) else spoken(imei, rng)))
    ver = f"{rng.randint(10, 18)}.{rng.randint(0, 6)}.{rng.randint(1, 9)}"
    row.say("user", "and it says software ", Benign("version", ver), " if that helps")
    ticket = str(rng.randint(10_000_000, 99_999_999))
    row.say(
        "assistant",
        "I've opened ticket ",
        Benign("ticket", ticket),
        ". What number can the engineer call back on?",
    )
    region = rng.choice(REGIONS)
    number = phone_number(rng, region)
    row.tags.add(f"phone.region.{region}")
    how, text = phone_text(number, rng, region)
    spoken_form = any(c.isalpha() for c in text)
    row.say(
        "user",
        pick(rng, ["you can use ", "call me on ", ""]),
        Pii("phone", raw(text) if spoken_form else text),
        smart=not spoken_form,
    )
    if maybe(rng, 0.5):
        e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
        readback = " ".join(e164[1:]) if maybe(rng, 0.5) else e164
        row.say("assistant", "Just to confirm, ", Pii("phone", readback), "?")
        row.say("user", "yep")
    return row


def email_fix(rng: random.Random) -> Row:
    """The caller corrects the provider or a letter inside the address: one label."""
    row = Row("h3.email_fix")
    _, said = local_part(rng)
    a, b = rng.sample(sorted(DOMAINS), 2)
    row.tags |= {"email", "h3.restart"}
    row.say("assistant", "What's the email on the account?")
    fix = pick(rng, ["no sorry", "wait no", "I mean", "not that one"])
    row.say("user", Pii("email", f"{said} at {DOMAINS[a]}, {fix}, at {DOMAINS[b]}"), smart=False)
    return row


def two_phones(rng: random.Random) -> Row:
    """Home and mobile in one breath: two labels."""
    row = Row("h3.two_phones")
    region = rng.choice(REGIONS)
    one, two = phone_number(rng, region), phone_number(rng, region)
    if one == two:
        two = phone_number(rng, region)
    row.tags |= {"phone", f"phone.region.{region}", "h3.phone.two"}
    row.say("assistant", "Do you have a second contact number, in case?")
    t1 = phone_text(one, rng, region)[1]
    t2 = phone_text(two, rng, region)[1]
    row.say(
        "user",
        "home is ",
        Pii("phone", raw(t1)),
        " and my cell is ",
        Pii("phone", raw(t2)),
        smart=False,
    )
    return row


def readback_fix(rng: random.Random) -> Row:
    """The agent reads a number back wrong; the caller corrects the last group in a new turn."""
    row = Row("h3.readback_fix")
    if maybe(rng, 0.5):
        kind = "card"
        _, digits, groups = card_number(rng)
        parts = sp.group(digits, groups)
    else:
        kind = "phone"
        region = rng.choice(REGIONS)
        number = phone_number(rng, region)
        row.tags.add(f"phone.region.{region}")
        parts = sp.phone_groups(number, national=True)
    row.tags |= {kind, "h3.readback_fix"}
    wrong_tail = parts[-1][:-1] + str((int(parts[-1][-1]) + rng.randint(1, 8)) % 10)
    row.say("user", Pii(kind, " ".join(parts)))
    wrong = " ".join([*parts[:-1], wrong_tail])
    row.say("assistant", "Okay, I've got ", Pii(kind, wrong), ".")
    row.say(
        "user",
        pick(rng, ["no, the end is ", "nope last bit is ", "not quite, it ends "]),
        Pii(kind, read_groups([parts[-1]], rng, "words"), True),
        smart=False,
    )
    return row


def agent_words(rng: random.Random) -> Row:
    """An LLM reading the number back digit by digit for the voice, with dashes or commas."""
    row = Row("h3.agent_words")
    region = rng.choice(REGIONS)
    number = phone_number(rng, region)
    row.tags |= {"phone", f"phone.region.{region}", "h3.agent.words"}
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    row.say("user", "my number is ", Pii("phone", e164))
    digits = e164[1:]
    sep = rng.choice(["-", ", ", " "])
    said = sep.join(sp.WORDS[int(c)] for c in digits)
    lead = "plus " if maybe(rng, 0.6) else ""
    row.say(
        "assistant",
        f"Let me repeat that: {lead}",
        Pii("phone", said),
        pick(rng, [". Correct?", ". Did I get that right?", " [interrupted]"]),
    )
    if region != "US" and maybe(rng, 0.4):
        tail = json.dumps({"country": PLACES[region][0]})[1:]
        row.say("tool", 'set_contact({"phone": "', Pii("phone", e164), f'", {tail})')
    row.say("assistant", pick(rng, NUDGES[:1]) if maybe(rng, 0.1) else "Saved.")
    return row
