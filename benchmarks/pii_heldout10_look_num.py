"""heldout10: number look-alikes in a call: tracking numbers, Luhn-valid numbers that are no
card, phone-shaped and SSN-shaped ids, last fours, a masked card and its BIN, codes, plates."""

from __future__ import annotations

import pii_heldout10_num as num
import pii_heldout10_say as say
from pii_heldout10_call import Call
from pii_rows import Benign

SHIPS = (
    "harrowgate",
    "mosshollow",
    "gathering",
    "cobble",
    "ferncliff",
    "ozark",
    "crown",
    "carriage",
    "tidewater",
    "glassfire",
    "lumen",
)


def tracking(c: Call) -> None:
    rng = c.rng
    if c.org.key not in SHIPS:
        return misc_numbers(c)
    kind = rng.choice(("ups", "usps", "fedex", "dhl", "royalmail"))
    t = {
        "ups": num.ups(rng),
        "usps": "9400 "
        + " ".join(num.digits(rng, 4, num.DIG) for _ in range(4))
        + " "
        + num.digits(rng, 2, num.DIG),
        "fedex": num.digits(rng, 12),
        "dhl": num.digits(rng, 10),
        "royalmail": num.pattern(rng, "@@#########GB"),
    }[kind]
    carrier = {
        "ups": "UPS",
        "usps": "USPS",
        "fedex": "FedEx",
        "dhl": "DHL",
        "royalmail": "Royal Mail",
    }[kind]
    c.agent(
        f"It went out by {carrier}; the tracking number is ", Benign(f"{kind}_tracking", t), "."
    )


def luhn_lookalike(c: Call) -> None:
    rng = c.rng
    kind = rng.choice(("invoice", "imei", "gift", "member", "iccid"))
    raw = c.raw()
    if kind == "invoice":
        t = num.luhn_id(rng, rng.choice((12, 16)), rng.choice(("1", "7", "9")))
        c.agent(
            "Your invoice number is ",
            Benign("luhn_valid_invoice_no", " ".join(num.card_groups(t)) if len(t) == 16 else t),
            ".",
        )
    elif kind == "imei":
        t = num.imei(rng)
        c.user(
            raw,
            "i left my phone in the cabin the imei is "
            if raw
            else "I left my phone there. The IMEI is ",
            Benign("imei", say.said([t[:6], t[6:12], t[12:]], rng, c.v, True, 0) if raw else t),
        )
    elif kind == "gift":
        t = " ".join(num.card_groups(num.luhn_id(rng, 16, "7")))
        c.user(
            False,
            f"I've got one of your {c.org.name} gift cards, number ",
            Benign("store_gift_card", t),
            ".",
        )
    elif kind == "member":
        t = num.luhn_id(rng, 16, "9")
        c.agent(
            "Your member card number is ",
            Benign("member_card_no", " ".join(num.card_groups(t))),
            ".",
        )
    else:
        t = num.luhn_complete(rng, rng.choice(("8944", "8935", "8961", "8901")), 19)
        c.user(
            False, "The SIM number on the hotspot is ", Benign("sim_iccid", t), ", if that helps."
        )


def phone_shaped_id(c: Call) -> None:
    rng = c.rng
    t = num.nanp_like_id(rng)
    cls = rng.choice(
        ("customer_no_phone_shaped", "confirmation_no_phone_shaped", "account_no_phone_shaped")
    )
    noun = {
        "customer_no_phone_shaped": "customer number",
        "confirmation_no_phone_shaped": "confirmation number",
        "account_no_phone_shaped": "account number",
    }[cls]
    raw = c.raw()
    if rng.random() < 0.5:
        c.agent(
            f"Your {noun} is ",
            Benign(cls, t if rng.random() < 0.6 else f"{t[:3]}-{t[3:6]}-{t[6:]}"),
            ".",
        )
    else:
        c.user(
            raw,
            f"my {noun} is " if raw else f"My {noun} is ",
            Benign(cls, say.said([t[:3], t[3:6], t[6:]], rng, c.v, raw, 0)),
        )


def ssn_shaped(c: Call) -> None:
    rng = c.rng
    t = f"{rng.randint(100, 899)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}"
    cls = rng.choice(("ssn_shaped_claim_no", "ssn_shaped_part_no", "ssn_shaped_permit_no"))
    noun = {
        "ssn_shaped_claim_no": "the insurance claim",
        "ssn_shaped_part_no": "the part",
        "ssn_shaped_permit_no": "the county permit",
    }[cls]
    raw = c.raw()
    c.user(
        raw,
        f"{noun} number is " if raw else f"{noun[0].upper() + noun[1:]} number is ",
        Benign(cls, say.said(t.split("-"), rng, c.v, True, 0) if raw else t),
    )


def last_fours(c: Call) -> None:
    rng = c.rng
    raw = c.raw()
    d = num.digits(rng, 4, num.DIG)
    kind = rng.choice(("phone", "card", "ssn") if c.org.ssn else ("phone", "card"))
    w = say.digit_words(d, rng, c.v) if raw else d
    if kind == "phone":
        c.agent("Is the number on file still the one ending ", Benign("phone_last_four", d), "?")
        c.user(raw, "yeah the one ending " if raw else "Yes, ending ", Benign("phone_last_four", w))
    elif kind == "card":
        c.user(
            raw,
            "use the card you have on file the one ending "
            if raw
            else "Use the card on file, ending ",
            Benign("card_last_four", w),
        )
    else:
        c.agent("For security, can you tell me the last four of your social?")
        c.user(raw, "", Benign("ssn_last_four", w))


def bin_and_mask(c: Call) -> None:
    rng = c.rng
    net, number = num.card(rng)
    c.tool(
        {
            "card_on_file": Benign(
                "masked_card",
                rng.choice(("************", "•••• •••• •••• ", "xxxx-")) + number[-4:],
            ),
            "bin": Benign("card_bin", number[:6]),
            "network": net,
        }
    )
    c.agent(
        "I can see a card on file ending ",
        Benign("card_last_four", number[-4:]),
        ". Shall I use that one?",
    )


def misc_numbers(c: Call) -> None:
    rng = c.rng
    kind = rng.choice(("coords", "plate", "gate", "percent", "year", "emergency", "file", "handle"))
    raw = c.raw()
    if kind == "coords":
        c.agent(
            "The gate is at ",
            Benign("gps_coordinates", f"{rng.uniform(30, 58):.4f}, {rng.uniform(-123, 30):.4f}"),
            ".",
        )
    elif kind == "plate":
        p = num.pattern(rng, rng.choice(("@@## @@@", "###-@@@", "@@@ ####", "#@@@###")))
        c.user(False, "We'll be in the van, plate ", Benign("vehicle_plate", p), ".")
    elif kind == "gate":
        g = num.digits(rng, 4, num.DIG)
        c.agent(
            "The key box code is ",
            Benign("key_box_code", g),
            ", and please scramble it afterwards.",
        )
    elif kind == "percent":
        c.agent(
            "There's a ",
            Benign("percentage", f"{rng.randint(5, 25)}%"),
            " deposit, the rest on the day.",
        )
    elif kind == "year":
        y = str(rng.randint(1862, 1999))
        c.user(
            raw,
            "it was made in " if raw else "It was made in ",
            Benign("year", say.natural(y, rng, c.v) if raw else y),
        )
    elif kind == "emergency":
        c.agent(
            "If anyone's hurt on site, call ",
            Benign("emergency_number", rng.choice(("911", "999", "112", "000", "111"))),
            " first, then us.",
        )
    elif kind == "file":
        c.agent(
            "I've attached ",
            Benign(
                "file_name",
                num.pattern(
                    rng, rng.choice(("invoice_#####.pdf", "quote-####-@.pdf", "IMG_####.jpg"))
                ),
            ),
            " to the email.",
        )
    else:
        h = "@" + c.org.domain.split(".")[0]
        c.agent("We post updates on Instagram at ", Benign("social_handle", h), ".")


def marketplace(c: Call) -> None:
    rng = c.rng
    t = f"{rng.randint(100, 999)}-{num.digits(rng, 7, num.DIG)}-{num.digits(rng, 7, num.DIG)}"
    c.user(
        False,
        "I ordered the spare part on Amazon, order ",
        Benign("marketplace_order_no", t),
        ", is that the right one?",
    )
    c.agent("That looks right, yes.")
