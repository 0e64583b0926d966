"""dev6's look-alikes and its family table (benchmarks/pii_corpus.py, part `dev6`).

Look-alikes said near the same talk as the PII of pii_dev6.py and pii_dev6_num.py: "at" in
ordinary speech ("dana at reception", "at and t"), websites and URLs said or typed, role
mailboxes (support@, billing@: a company's, no person's: they stay), a company's own helpline
(`business_phone`, it stays too), order, tracking, account, routing, member, policy and claim
numbers, amounts, dates and birth dates said as digits, times, postcodes, EINs, 9-digit ids
after talk of the social, IBAN-shaped references whose check digits fail, and the last four of
an SSN said alone (pii_dev6_num.py's docstring). Cards, for balance, with their expiry.
"""

from __future__ import annotations

import random

import pii_dev6
import pii_dev6_num
from pii_dev6_num import LAYOUTS, iban, say_digits
from pii_rows import Benign, Pii, Row, maybe
from pii_speech import card, group, pairs, words
from stdnum import iban as _iban

SITES = ["brightpath", "northwindtraders", "kaimana", "fenwickhaulage", "tealcupcafe", "zoomoor"]
ENDS = [["io"], ["com"], ["org", "nz"], ["co", "uk"], ["com", "au"], ["de"]]
ROLES = ["support", "billing", "info", "returns", "noreply", "help", "accounts", "hello"]


def _domain(rng: random.Random) -> list[str]:
    return [rng.choice(SITES), *rng.choice(ENDS)]


def at_speech(rng: random.Random) -> Row:
    """'at' between words that are no address."""
    row = Row("d6_neg_at", {"neg.email_like"})
    name = rng.choice(["dana", "marcus", "the pharmacist", "kemi", "my brother"])
    said = rng.choice(
        [
            (f"ask for {name} at reception", "I'll "),
            (f"{name} at the front desk", "I spoke to "),
            ("at home at six", "I'll be "),
            ("at and t", "my carrier is "),
            ("at gate twelve dot", "we're boarding "),
            (f"{name} at work", "the parcel went to "),
            ("at the rate they charge", "not "),
        ]
    )
    row.say("user", said[1], Benign("at_speech", said[0]), " so yeah", smart=False)
    return row


def website(rng: random.Random) -> Row:
    row = Row("d6_neg_website", {"neg.email_like"})
    labels = _domain(rng)
    style = rng.choice(["said", "said_www", "path", "typed", "https"])
    path = rng.choice(["returns", "help", "track", "account"])
    text = {
        "said": " dot ".join(labels),
        "said_www": "w w w dot " + " dot ".join(labels),
        "path": " dot ".join(labels) + f" slash {path}",
        "typed": ".".join(labels) + f"/{path}",
        "https": f"https://{'.'.join(labels)}/{path}?ref=call",
    }[style]
    row.tags.add(f"neg.website.{style}")
    role = "assistant" if style in ("typed", "https") else "user"
    row.say(
        role,
        rng.choice(["You can also go to ", "i went on ", "it says on "]),
        Benign("website", text),
        smart=role == "assistant",
    )
    return row


def role_mailbox(rng: random.Random) -> Row:
    row = Row("d6_neg_role", {"neg.email_like"})
    labels, role = _domain(rng), rng.choice(ROLES)
    text = rng.choice([f"{role}@{'.'.join(labels)}", f"{role} at {' dot '.join(labels)}"])
    speaker = "assistant" if "@" in text else "user"
    row.say(
        speaker,
        rng.choice(["Please write to ", "i already emailed ", "Send the form to "]),
        Benign("role_address", text),
        smart=speaker == "assistant",
    )
    return row


def email_with_ids(rng: random.Random) -> Row:
    """A real address next to an order or account id and the company's own mailbox."""
    row = Row("d6_mixed_email_ids", {"email", "voice"})
    spoken, _ = pii_dev6.address(rng, row.tags)
    order = "".join(rng.choice("0123456789") for _ in range(rng.choice([8, 10, 11])))
    said = rng.choice([order, words(order, rng), pairs(order)])
    row.say("user", "the order number is ", Benign("order", said), smart=False)
    row.say("assistant", "Thanks. And the email on the order?")
    row.say("user", Pii("email", spoken), smart=False)
    if maybe(rng, 0.5):
        row.say(
            "assistant",
            "You'll get a copy from ",
            Benign("role_address", f"{rng.choice(ROLES)}@{'.'.join(_domain(rng))}"),
            ".",
        )
    return row


def intake(rng: random.Random) -> Row:
    """A new customer's details taken in one go: a phone, an email and a postcode."""
    row = Row("d6_mixed_intake", {"email", "phone", "voice"})
    spoken, text = pii_dev6.address(rng, row.tags)
    region = rng.choice(["US", "GB", "AU", "CA", "IE", "NZ", "ZA", "IN"])
    number = pii_dev6_num.phone(rng, region, mobile=True)
    digits = "".join(pii_dev6_num.phone_groups(number, national=True))
    row.tags.add(f"phone.region.{region}")
    row.say("assistant", "I'll set you up. Mobile and email, then your postcode.")
    row.say(
        "user",
        "okay mobile ",
        Pii("phone", words(digits, rng, oh=0.7, double=0.4)),
        " and email ",
        Pii("email", spoken),
        smart=False,
    )
    row.say(
        "user",
        "and the postcode ",
        Benign("postcode", rng.choice(["n w three", "b s eight"])),
        smart=False,
    )
    if maybe(rng, 0.4):
        row.tags.add("email.readback")
        row.say("assistant", "Perfect, so email ", Pii("email", text), ".")
    return row


def ids(rng: random.Random) -> Row:
    """Account, routing, member, policy, claim, tracking numbers in their own words."""
    row = Row("d6_neg_ids", set())
    digits = "".join(rng.choice("0123456789") for _ in range(12))
    cls, lead, text = rng.choice(
        [
            ("account", "my account number is ", words(digits[:10], rng)),
            ("routing", "routing number ", _routing(rng)),
            ("member_id", "member id ", f"{digits[:3]} {digits[3:6]} {digits[6:9]}"),
            ("policy", "the policy number is ", f"HX-{digits[:2]}-{digits[2:8]}"),
            ("claim", "claim number ", words(digits[:9], rng)),
            (
                "tracking",
                "tracking says ",
                f"1Z {digits[:3]} AA1 {digits[3:5]} {digits[5:9]} {digits[9]}",
            ),
            ("tracking", "the tracking number is ", pairs(digits)),
            ("order", "order ", f"#{digits[:9]}"),
        ]
    )
    row.say("user", lead, Benign(cls, text), smart=False)
    return row


def _routing(rng: random.Random) -> str:
    """Nine digits an ABA checksum accepts."""
    d = [rng.choice([0, 1, 2, 3])] + [rng.randint(0, 9) for _ in range(7)]
    check = (-(3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5]))) % 10
    return "".join(map(str, [*d, check]))


def numbers(rng: random.Random) -> Row:
    """Amounts, dates, birth dates, times and postcodes."""
    row = Row("d6_neg_numbers", set())
    year = rng.randint(1950, 2004)
    m, d = rng.randint(1, 12), rng.randint(1, 28)
    cls, lead, text = rng.choice(
        [
            ("amount", "it came to ", f"${rng.randint(100, 9999):,}.{rng.randint(0, 99):02d}"),
            ("amount", "they took ", f"{pairs(str(rng.randint(1000, 9999)))} pounds"),
            ("date", "date of birth is ", f"{m:02d}/{d:02d}/{year}"),
            ("date", "born ", words(f"{m:02d}{d:02d}{year}", rng)),
            ("date", "i was born ", f"the {d}th of june {pairs(str(year))}"),
            ("time", "can you call at ", rng.choice(["four thirty", "nine fifteen am", "14:45"])),
            (
                "postcode",
                "postcode is ",
                rng.choice(["s w one a one a a", "m1 1ae", "e c two a four"]),
            ),
            ("postcode", "zip is ", f"{rng.randint(10000, 99999)}-{rng.randint(1000, 9999)}"),
            ("postcode", "zip code ", words(str(rng.randint(10000, 99999)), rng)),
        ]
    )
    row.say("user", lead, Benign(cls, text), smart=False)
    return row


def business_phone(rng: random.Random) -> Row:
    row = Row("d6_neg_business_phone", set())
    text = rng.choice(
        [
            f"0800 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
            f"1-800-{rng.randint(200, 999)}-{rng.randint(1000, 9999)}",
            f"1300 {rng.randint(100, 999)} {rng.randint(100, 999)}",
        ]
    )
    row.say(
        "assistant", "Our claims line is ", Benign("business_phone", text), ", open until eight."
    )
    return row


def ssn_like(rng: random.Random) -> Row:
    """Nine digits after talk of the social that name themselves as something else."""
    row = Row("d6_neg_ssn_like", set())
    digits = "".join(rng.choice("0123456789") for _ in range(9))
    row.say(
        "assistant", rng.choice(["Before your social, one more thing.", "I won't need the SSN."])
    )
    cls, lead, text = rng.choice(
        [
            ("ein", "our company EIN is ", f"{digits[:2]}-{digits[2:]}"),
            ("member_id", "the member number on the card is ", words(digits, rng)),
            ("claim", "claim ", f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"),
            ("ein", "employer id number ", words(digits, rng)),
        ]
    )
    row.say("user", lead, Benign(cls, text), smart=False)
    return row


def iban_like(rng: random.Random) -> Row:
    """An IBAN-shaped payment reference whose check digits fail."""
    row = Row("d6_neg_iban_like", set())
    good = iban(rng, rng.choice(sorted(LAYOUTS)))
    check = (int(good[2:4]) + rng.randint(1, 90)) % 98 + 2
    text = f"{good[:2]}{check:02d}{good[4:]}"
    assert not _iban.is_valid(text), text
    shown = " ".join(text[i : i + 4] for i in range(0, len(text), 4))
    row.say("user", "the reference on the invoice is ", Benign("iban_bad_check", shown))
    return row


def card_said(rng: random.Random) -> Row:
    row = Row("d6_card", {"card"})
    network = rng.choice(["visa", "mastercard", "amex", "discover"])
    number, sizes = card(rng, network)
    style = rng.choice(["words", "pairs", "written", "written_spaced"])
    row.tags |= {f"card.{network}", f"card.said.{style}"}
    groups = group(number, sizes)
    if style == "written":
        text = number
    elif style == "written_spaced":
        text = " ".join(groups)
    else:
        text = ", ".join(say_digits(g, style, rng) for g in groups)
    row.say("assistant", "Go ahead with the long number on the front of the card.")
    split = maybe(rng, 0.25)
    if split:
        row.tags.add("split")
        half = len(text) // 2
        cut = text.find(" ", half)
        first, rest = (
            (text[:cut].rstrip(","), text[cut + 1 :]) if cut > 0 else (text[:half], text[half:])
        )
        row.say("user", Pii("card", first, split=True), smart=False)
        row.say("assistant", "Mhm.")
        row.say("user", Pii("card", rest, split=True), smart=False)
    else:
        row.say("user", Pii("card", text), smart=False)
    exp = f"{rng.randint(1, 12):02d}/{rng.randint(27, 31)}"
    row.say("user", "expiry ", Benign("expiry", exp))
    return row


FAMILIES = {
    **pii_dev6.FAMILIES,
    **pii_dev6_num.FAMILIES,
    "d6_card": (card_said, 9),
    "d6_neg_at": (at_speech, 6),
    "d6_neg_website": (website, 6),
    "d6_neg_role": (role_mailbox, 5),
    "d6_mixed_email_ids": (email_with_ids, 4),
    "d6_mixed_intake": (intake, 6),
    "d6_neg_ids": (ids, 8),
    "d6_neg_numbers": (numbers, 7),
    "d6_neg_business_phone": (business_phone, 2),
    "d6_neg_ssn_like": (ssn_like, 4),
    "d6_neg_iban_like": (iban_like, 3),
}
