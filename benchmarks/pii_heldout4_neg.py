"""Look-alikes of the fourth held-out part (benchmarks/pii_heldout4.py): numbers and words that
look like PII in a call and are not.

`h4.neg.call` strings one to three exchanges of one domain (banking, telecom, pharmacy, clinic
billing, airline, hotel, insurance, utilities, e-commerce returns, government services,
charities), each with a look-alike said by the caller (raw speech or typed) or by the agent:
order, booking, tracking, claim, policy, member, invoice, ticket, case and account ids (some
valid US phone numbers, some Luhn-valid, some in SSN shape), routing numbers (ABA check), IMEIs,
NPIs, amounts, dates, times, flight and seat numbers, zip and postcodes, meter readings,
prescription numbers, voucher codes, plates, EINs and VAT numbers, websites said with "dot"
and "at" in ordinary speech. `h4.neg.mixed` puts one of them right after a number that is PII.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from pii_heldout4_say import paired, split_as, spoken
from pii_rows import Benign, Pii, Row, maybe
from pii_speech import luhn_number, ssn, us_ten_digits

Part = str | Pii | Benign
Say = Callable[[random.Random], tuple[str, list[Part]]]


def _n(rng: random.Random, length: int) -> str:
    return rng.choice("123456789") + "".join(rng.choice("0123456789") for _ in range(length - 1))


def _say(digits: str, rng: random.Random) -> str:
    return rng.choice([digits, spoken(digits, rng), paired(digits, rng), " ".join(digits)])


def order(rng: random.Random) -> tuple[str, list[Part]]:
    value = rng.choice(
        [f"{_n(rng, 3)}-{_n(rng, 7)}-{_n(rng, 7)}", _say(us_ten_digits(rng), rng), _n(rng, 9)]
    )
    ask = "Which order is the return for?"
    return ask, ["its order ", Benign("order_id", value), " the blue kettle"]


def booking(rng: random.Random) -> tuple[str, list[Part]]:
    code = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6))
    value = rng.choice([code.lower(), " ".join(code.lower()), _say(_n(rng, 10), rng)])
    return "Do you have the booking reference?", ["yes its ", Benign("booking_ref", value)]


def tracking(rng: random.Random) -> tuple[str, list[Part]]:
    value = rng.choice(
        [
            "1z" + "".join(rng.choice("0123456789") for _ in range(16)),
            " ".join(split_as(_n(rng, 22), [4, 4, 4, 4, 4, 2])),
            _say(us_ten_digits(rng), rng),
        ]
    )
    return "What's the tracking number on the label?", ["tracking says ", Benign("tracking", value)]


def claim(rng: random.Random) -> tuple[str, list[Part]]:
    shaped = "-".join(split_as(ssn(rng), [3, 2, 4]))
    value = rng.choice([shaped, f"clm {_n(rng, 8)}", _say(_n(rng, 9), rng)])
    return "And your claim number?", ["the claim number is ", Benign("claim", value)]


def policy(rng: random.Random) -> tuple[str, list[Part]]:
    value = rng.choice([f"hx{_n(rng, 8)}", _say(_n(rng, 10), rng), f"{_n(rng, 4)} {_n(rng, 6)}"])
    return "What's the policy number on your schedule?", ["policy ", Benign("policy", value)]


def member(rng: random.Random) -> tuple[str, list[Part]]:
    value = rng.choice([f"w{_n(rng, 9)}", _say(_n(rng, 9), rng), us_ten_digits(rng)])
    return "Your member ID from the insurance card?", ["member id ", Benign("member_id", value)]


def invoice(rng: random.Random) -> tuple[str, list[Part]]:
    digits = luhn_number(rng, rng.choice(["4", "5", "6", "3"]), 16)
    value = rng.choice([" ".join(split_as(digits, [4, 4, 4, 4])), digits])
    ask = "Which invoice are you paying?"
    return ask, ["the invoice number at the top is ", Benign("luhn_id", value)]


def account(rng: random.Random) -> tuple[str, list[Part]]:
    value = rng.choice([us_ten_digits(rng), _say(us_ten_digits(rng), rng), _n(rng, 8)])
    ask = rng.choice(["Your electricity account number?", "The account number on the bill?"])
    return ask, ["account number ", Benign("account_id", value)]


def routing(rng: random.Random) -> tuple[str, list[Part]]:
    while True:
        d = [int(c) for c in rng.choice(["0", "1", "2", "3"]) + _n(rng, 8)]
        if (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + d[2] + d[5] + d[8]) % 10 == 0:
            break
    value = "".join(map(str, d))
    ask = "And the routing number for the direct deposit?"
    return ask, ["routing is ", Benign("routing", rng.choice([value, spoken(value, rng)]))]


def imei(rng: random.Random) -> tuple[str, list[Part]]:
    value = luhn_number(rng, rng.choice(["35", "86", "01"]), 15)
    ask = "Dial star hash zero six hash and read me the IMEI."
    return ask, ["ok its ", Benign("imei", rng.choice([value, spoken(value, rng)]))]


def npi(rng: random.Random) -> tuple[str, list[Part]]:
    body = luhn_number(rng, "80840" + rng.choice("12"), 15)[5:]
    ask = "Which prescriber NPI is on the script?"
    return ask, ["the npi is ", Benign("npi", rng.choice([body, spoken(body, rng)]))]


def amount(rng: random.Random) -> tuple[str, list[Part]]:
    n = rng.randint(1000, 98000)
    value = rng.choice(
        [
            f"${n:,}.{rng.randint(0, 99):02d}",
            f"{paired(str(n % 9000 + 1000), rng)} dollars",
            f"{n} tenge",
            f"{n // 1000} thousand {rng.randint(1, 9)} hundred",
        ]
    )
    return "How much was charged?", ["it was ", Benign("amount", value), " on the statement"]


_TH = {1: "st", 2: "nd", 3: "rd"}
MONTHS = (
    "january february march april may june july august september october november december"
).split()


def date(rng: random.Random) -> tuple[str, list[Part]]:
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2024, 2027)
    value = rng.choice(
        [
            f"{m:02d}/{d:02d}/{y}",
            f"{d}.{m}.{y}",
            f"the {d}{_TH.get(d % 10 if d // 10 != 1 else 0, 'th')} of {MONTHS[m - 1]}",
            f"{y}-{m:02d}-{d:02d}",
        ]
    )
    return "When did it happen?", ["on ", Benign("date", value)]


def time_of(rng: random.Random) -> tuple[str, list[Part]]:
    value = rng.choice(
        [
            f"{rng.randint(0, 23):02d}:{rng.choice([0, 15, 30, 45]):02d}",
            "half four",
            f"{rng.randint(1, 12)} {rng.randint(10, 59)} pm",
        ]
    )
    return "What time did the outage start?", ["around ", Benign("time", value)]


def flight(rng: random.Random) -> tuple[str, list[Part]]:
    code = rng.choice(["ek", "qr", "et", "tk", "kc", "hy", "wb", "bw", "ui"])
    num = str(rng.randint(100, 2999))
    value = rng.choice([f"{code} {num}", f"{' '.join(code)} {spoken(num, rng)}"])
    seat = f"seat {rng.randint(1, 45)}{rng.choice('abcdfk')}"
    return "Which flight are you on?", [
        "flight ",
        Benign("flight", value),
        " ",
        Benign("seat", seat),
    ]


def postcode(rng: random.Random) -> tuple[str, list[Part]]:
    value = rng.choice(
        [
            f"{_n(rng, 5)}-{_n(rng, 4)}",
            _n(rng, 5),
            f"sw{rng.randint(1, 20)} {rng.randint(1, 9)}ab",
            f"{_n(rng, 6)}",
        ]
    )
    return "What's the billing postcode?", ["its ", Benign("postcode", value)]


def website(rng: random.Random) -> tuple[str, list[Part]]:
    value = rng.choice(
        [
            "w w w dot ooredoo dot q a slash roaming",
            "kaspi dot kz slash help",
            "gov dot b w",
            "my dot moldtelecom dot m d",
            "omantel dot om forward slash bills",
            "www.ethiotelecom.et",
            "harbour freight dash logistics dot com slash returns",
        ]
    )
    return "", ["i tried the website ", Benign("website", value), " but it wont load"]


AT_SPEECH = [
    "were at the corner by the pharmacy", "look at the second page of the bill",
    "i am at work until six", "im stuck at gate b twelve", "she was at the clinic at nine",
    "its at the back of the card reader", "we stayed at the baobab on the 3rd",
    "laughing at myself honestly", "at the moment no", "good at numbers i am not",
]  # fmt: skip


def at_speech(rng: random.Random) -> tuple[str, list[Part]]:
    return "", [Benign("at_speech", rng.choice(AT_SPEECH))]


def meter(rng: random.Random) -> tuple[str, list[Part]]:
    value = rng.choice([f"{_n(rng, 5)} point {rng.randint(0, 9)}", _say(_n(rng, 6), rng)])
    return "Can you read me the meter?", ["meter reads ", Benign("meter", value)]


def prescription(rng: random.Random) -> tuple[str, list[Part]]:
    value = rng.choice(
        [f"rx {_n(rng, 7)}", _say(_n(rng, 8), rng), f"{_n(rng, 4)} {_n(rng, 3)} {_n(rng, 3)}"]
    )
    return "What's the prescription number on the bottle?", ["its ", Benign("rx", value)]


def voucher(rng: random.Random) -> tuple[str, list[Part]]:
    value = " ".join(split_as(_n(rng, 12), [4, 4, 4]))
    return "Do you have the voucher code?", ["voucher is ", Benign("voucher", value)]


def tax(rng: random.Random) -> tuple[str, list[Part]]:
    value = rng.choice([f"{_n(rng, 2)}-{_n(rng, 7)}", f"hu{_n(rng, 8)}", f"ein {_n(rng, 9)}"])
    return "Is this for the business account? Tax number?", [
        "our company number is ",
        Benign("ein", value),
    ]


def ticket(rng: random.Random) -> tuple[str, list[Part]]:
    value = rng.choice([f"2026{_n(rng, 8)}", _say(_n(rng, 8), rng), f"inc{_n(rng, 7)}"])
    return "Do you have a ticket or case number?", ["case ", Benign("ticket", value)]


MAKERS: dict[str, list[Say]] = {
    "banking": [account, routing, amount, date, tax, at_speech],
    "telecom": [imei, account, ticket, website, at_speech, time_of],
    "pharmacy": [prescription, npi, member, amount, at_speech],
    "clinic": [member, invoice, date, claim, time_of],
    "airline": [booking, flight, amount, at_speech, date],
    "hotel": [booking, amount, date, postcode, website],
    "insurance": [claim, policy, member, date, amount],
    "utilities": [meter, account, invoice, postcode, time_of],
    "returns": [order, tracking, voucher, amount, website],
    "government": [ticket, claim, date, postcode, website],
    "charity": [amount, invoice, voucher, at_speech, date],
}


def call(rng: random.Random) -> Row:
    domain = rng.choice(sorted(MAKERS))
    row = Row("h4.neg.call", {"negative", f"domain.{domain}"})
    parts: list[Part] = []
    for make in rng.sample(MAKERS[domain], rng.choice([1, 2, 2, 3])):
        ask, parts = make(rng)
        if ask:
            row.say("agent", ask)
        if maybe(rng, 0.25):  # typed into the chat rather than said
            row.say("user", *parts)
        else:
            row.say("user", *parts, smart=False)
    said = [p for p in parts if isinstance(p, Benign) and p.cls != "at_speech"]
    if said and maybe(rng, 0.3):  # the agent reads the last one back
        row.say("agent", "Just to confirm, that's ", said[0], "?")
    return row


def mixed(rng: random.Random) -> Row:
    """A real SSN then a claim number in the same shape, or a phone then an account id."""
    row = Row("h4.neg.mixed", {"ssn"})
    row.say("agent", "I need your social and then the claim number from the letter.")
    digits = split_as(ssn(rng), [3, 2, 4])
    row.say("user", "social is ", Pii("ssn", " ".join(digits)), smart=False)
    row.say("agent", "Thanks. And the claim?")
    shaped = "-".join(split_as(_n(rng, 9), [3, 2, 4]))
    row.say("user", "claim ", Benign("claim", shaped), " i think", smart=False)
    return row
