"""HELD-OUT phrasings and families of benchmarks/pii_corpus.py.

Part of the held-out set, like tests/data/pii/heldout.jsonl: whoever writes or tunes the
redaction rules does not read this file (see docs/redaction.md, "Evaluation"). The dev part
never uses anything defined here, so the held-out score measures speech the rules were not
written alongside, not only other random draws of the same templates.
"""

from __future__ import annotations

import random

import pii_speech as sp
from pii_families import COUNTRY, Family, Row, V, _phone_text, maybe
from pii_rows import Benign, Pii

HELD: V = {
    "card_ask": [
        "Alright, whenever you're ready, go ahead with the card number.",
        "And the sixteen digits on the front?",
    ],
    "card_lines": [
        "okay so it's {n}",
        "let me grab it, {n}",
        "the number on my {net} is {n} and the expiry is oh nine twenty eight",
        "{n}, did you get that?",
    ],
    "restart": ["hold on, that's wrong, it's", "no sorry, from the top,"],
    "more_fillers": ["uhm", "er", "let me see", "hang on"],
    "phone_ask": ["And a phone number in case we get cut off?", "Which number should I text?"],
    "phone_lines": [
        "sure thing, {n}",
        "the mobile is {n}, that's the best one",
        "call me on {n}",
        "{n} is my work line",
    ],
    "region_hint": ["I'm calling from {c}, ", "I'm based in {c}. ", ""],
    "more_regions": ["BR", "AU", "ES", "IT", "NL", "ZA", "IE", "PH"],
    "email_ask": ["Could you spell out the email for me?", "What's the address on file?"],
    "email_lines": ["yeah {e}", "that'd be {e}", "{e}, all lower case", "email is {e} thanks"],
    "more_providers": [
        ("icloud", "icloud.com"),
        ("proton mail", "protonmail.com"),
        ("aol", "aol.com"),
        ("brightwater clinic", "brightwaterclinic.org"),
    ],
    "iban_lines": ["sure, it's {i}", "the account's {i}", "{i}, that's a business account"],
    "more_iban": ["IT", "BE", "PL", "IE", "PT"],
    "ssn_lines": ["yeah it's {s}", "my social security is {s}", "the last nine are {s}"],
    "more_ids": ["transaction ID", "policy number", "customer ID", "booking reference"],
    "id_lines": ["it should be {n}", "I've got it here, {w} {n}", "{n}, that's my {w}"],
    "luhn_lines": [
        "the device IMEI is {n}",
        "it's IMEI number {n}",
        "invoice number {n} from last month",
        "I'm looking at invoice {n}",
    ],
    "claim_lines": ["the claim is {n}", "I'm calling about claim number {n}"],
    "site_lines": ["all the forms are at {s}", "you can also book online at {s}"],
    "misc_lines": [
        "that's {price} due on {date}, and we open at {time}",
        "I see order {order} placed {date} for {price}",
    ],
    "serial_lines": ["the policy reference reads {n}", "my warranty number is {n}"],
}


def phone_readback(rng: random.Random, v: V) -> Row:
    """A number in two goes, the agent reading the first half back in between."""
    region = rng.choice(v["regions"] + v["more_regions"])
    row = Row("phone.readback", {"phone"})
    first, second = _phone_text(rng, v, row, region, split=1)
    row.say("assistant", rng.choice(v["phone_ask"]))
    row.say("user", "okay ", Pii("phone", first, split=True))
    row.say("assistant", "That was ", Pii("phone", first, split=True), ", and then?")
    row.say("user", Pii("phone", second, split=True), " yeah")
    return row


NATO = {"j": "juliet", "m": "mike", "p": "papa", "s": "sierra", "k": "kilo", "l": "lima"}


def email_as_in(rng: random.Random, v: V) -> Row:
    """Local part spelled with 'as in' words, the domain said."""
    first = rng.choice(v["first"]) + rng.choice(v["last"])[0]
    spelled = ", ".join(f"{c} as in {NATO[c]}" if c in NATO else c for c in first)
    spoken_domain, _ = rng.choice(v["provider"] + v["more_providers"])
    row = Row("email.as_in", {"email", "spoken"})
    row.say("assistant", rng.choice(v["email_ask"]))
    row.say("user", Pii("email", f"{spelled} at {spoken_domain} dot com"))
    return row


def neg_call(rng: random.Random, v: V) -> Row:
    """A short stretch of a call dense with look-alikes and no PII."""
    member = sp.us_ten_digits(rng)
    row = Row("neg.call", set())
    row.say("user", "Hi, my member number is ", Benign("id_10_digits", member), ".")
    row.say(
        "assistant",
        "Thanks. I see a payment of ",
        Benign("price", f"${rng.randint(20, 900)}.00"),
        " on ",
        Benign("date", f"{rng.randint(1, 12)}/{rng.randint(10, 28)}/2024"),
        ", reference ",
        Benign("id_10_digits", sp.us_ten_digits(rng)),
        ".",
    )
    if maybe(rng, 0.5):
        row.say("user", "And the branch is in ", COUNTRY[rng.choice(list(COUNTRY))], "?")
    return row


ONLY: dict[str, tuple[Family, int]] = {
    "phone_readback": (phone_readback, 4),
    "email_as_in": (email_as_in, 4),
    "neg_call": (neg_call, 6),
}
