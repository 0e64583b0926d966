"""dev13 look-alikes of emails (businesses' mailboxes, no-reply, websites, handles, product
names, file names, versions), of cards (last four, masked, expiry, CVV, BIN, ZIP, store gift
cards, IMEIs), of SSNs (last four, ITIN, EIN, SSN-shaped refs) and of bank numbers.
"""

from __future__ import annotations

import re

from pii_dev13_gen import ein, itin, luhn_number
from pii_dev13_kit import ONES, Benign, chunk, digits, groups_said, spell, voice, words_num
from pii_dev13_look import by, look, num
from stdnum.us import rtn

ROLES = [
    "info",
    "bookings",
    "hello",
    "accounts",
    "billing",
    "orders",
    "office",
    "enquiries",
    "studio",
    "workshop",
    "team",
    "reservations",
    "support",
    "sales",
    "admin",
]


def spoken_domain(b, rng) -> str:
    slug = b.slug
    for word in (
        "harps",
        "falconry",
        "sauna",
        "platen",
        "shearing",
        "glass",
        "boats",
        "pipe",
        "tails",
        "bees",
        "taxidermy",
        "tuning",
        "luthiers",
        "trail",
        "tower",
        "chanter",
        "clear",
        "oil",
        "curling",
        "rope",
        "yurts",
        "classics",
        "yoga",
        "oysters",
        "bores",
        "dome",
        "bind",
        "kite",
        "signs",
        "lift",
        "lead",
        "lock",
    ):
        if slug.endswith(word) and slug != word and rng.random() < 0.6:
            slug = slug[: -len(word)] + " " + word
            break
    return slug + "".join(" dot " + p for p in b.tld.split("."))


@look("shop_mailbox", "agent", "email")
def shop_mailbox(rng, b, raw, who="caller"):
    box = f"{rng.choice(ROLES)}@{b.domain}"
    return [
        rng.choice(["Send the photos to ", "You can email the team at ", "Forms go to "]),
        Benign("shop_mailbox", box),
        rng.choice([".", " and we'll reply within a day."]),
    ]


@look("shop_mailbox_spoken", "any", "email")
def shop_mailbox_spoken(rng, b, raw, who="caller"):
    text = f"{rng.choice(ROLES)} at {spoken_domain(b, rng)}"
    return [
        by(
            rng,
            who,
            ["Or just write to ", "The team reads "],
            ["i already emailed ", "it said to reply to "],
        ),
        Benign("shop_mailbox_spoken", text),
        "",
    ]


@look("noreply_address", "any", "email")
def noreply(rng, b, raw, who="caller"):
    box = rng.choice(
        [
            f"no-reply@{b.domain}",
            f"noreply@mail.{b.domain}",
            f"donotreply@notifications.{b.domain}",
            "no_reply@bookwhen-mail.com",
            "noreply@squarespace-mail.net",
        ]
    )
    if raw:
        box = (
            box.replace("@", " at ")
            .replace(".", " dot ")
            .replace("-", " dash ")
            .replace("_", " underscore ")
        )
    return [
        by(
            rng,
            who,
            ["Reminders come from ", "The automatic emails are sent from "],
            ["the confirmation came from ", "it's from ", "the sender says "],
        ),
        Benign("noreply_address", box),
        by(rng, who, [", so don't reply to those.", "."], [" so replying didn't work", ""]),
    ]


@look("third_party_mailbox", "any", "email")
def third_party(rng, b, raw, who="caller"):
    box = rng.choice(
        [
            "claims@parcelhawk.com",
            "tradedesk@northmillsupply.co.uk",
            "accounts@greystoneinsure.com",
            "help@ticketpond.io",
            "vetreports@hollyoakvets.ca",
            "orders@saltpan-wholesale.com.au",
            "service@kiwicourier.co.nz",
            "sales@eisenwerk-bauer.de",
        ]
    )
    if raw:
        box = box.replace("@", " at ").replace(".", " dot ").replace("-", " dash ")
    return [
        by(
            rng,
            who,
            ["For a lost parcel, write to ", "Their claims team is "],
            ["the supplier said write to ", "i emailed "],
        ),
        Benign("third_party_mailbox", box),
        ".",
    ]


@look("website", "agent", "email")
def website(rng, b, raw, who="caller"):
    site = rng.choice(
        [
            f"www.{b.domain}",
            f"{b.domain}/book",
            f"https://{b.domain}/faq",
            f"shop.{b.domain}",
            f"{b.domain}/gift-vouchers",
        ]
    )
    return [
        rng.choice(["All the prices are on ", "You can rebook online at ", "The waiver is at "]),
        Benign("website", site),
        ".",
    ]


@look("website_spoken", "any", "email")
def website_spoken(rng, b, raw, who="caller"):
    text = rng.choice(["", "www dot ", "double u double u double u dot "]) + spoken_domain(b, rng)
    if rng.random() < 0.4:
        text += rng.choice([" slash book", " slash faq", " slash terms"])
    return [
        by(
            rng,
            who,
            ["It's all on ", "Have a look at "],
            ["i saw it on ", "it's on ", "the leaflet said "],
        ),
        Benign("website_spoken", text),
        "",
    ]


@look("social_handle", "any", "email")
def social_handle(rng, b, raw, who="caller"):
    slug = b.slug
    h = rng.choice([f"@{slug}", f"@{slug}_official", f"@the.{slug}", f"@{slug}hq"])
    if raw:
        h = "at " + h[1:].replace("_", " underscore ").replace(".", " dot ")
    return [
        by(
            rng,
            who,
            ["We post cancellations on Instagram as ", "Tag us, we're ", "You can message us "],
            ["i follow you ", "i messaged ", "my friend tagged "],
        ),
        Benign("social_handle", h),
        rng.choice([" on instagram", " on tiktok", ""]),
    ]


@look("person_at_place", "any", "email")
def person_at_place(rng, b, raw, who="caller"):
    person = rng.choice(["lena", "marcus", "the manager", "jo", "dave", "our tech", "priya"])
    where = rng.choice(
        ["the front desk", "reception", "the gate", "the workshop", "the main office"]
    )
    return [
        by(rng, who, ["Just ask for ", "You'll meet "], ["i'll leave it with ", "i spoke to "]),
        Benign("person_at_place", f"{person} at {where}"),
        by(rng, who, [".", " when you arrive."], ["", " last time"]),
    ]


@look("product_name", "any", "email")
def product_name(rng, b, raw, who="caller"):
    p = rng.choice(
        ["Tune@Home", "Hive.Mind", "Sauna@Dawn", "Clock.Works", "Wax@Night", "Glass.Lab"]
    )
    if raw:
        p = p.lower().replace("@", " at ").replace(".", " dot ")
    return [
        by(
            rng,
            who,
            ["That's the ", "We also sell the "],
            ["do you still do the ", "i bought the "],
        ),
        Benign("product_name", p),
        rng.choice([" kit", " bundle", " package"]),
    ]


@look("file_name", "any", "email")
def file_name(rng, b, raw, who="caller"):
    f = rng.choice(
        [
            f"IMG_{digits(rng, 8)}_{digits(rng, 4)}.jpg",
            f"quote_{digits(rng, 5)}.pdf",
            f"waiver-{digits(rng, 4)}.docx",
            f"scan.{digits(rng, 3)}.pdf",
        ]
    )
    if raw:
        f = f.lower().replace(".", " dot ").replace("_", " underscore ").replace("-", " dash ")
        f = re.sub(r"\d+", lambda m: " ".join(ONES[int(d)] for d in m.group()), f)
    return [
        by(
            rng,
            who,
            ["I can see the attachment ", "The form is called "],
            ["i attached ", "the file is called "],
        ),
        Benign("file_name", f),
        ".",
    ]


@look("version_string", "any", "email")
def version_string(rng, b, raw, who="caller"):
    a, c, d = rng.randint(1, 9), rng.randint(0, 19), rng.randint(0, 30)
    text = (
        f"{ONES[a]} dot {words_num(c)} dot {words_num(d)}"
        if raw
        else rng.choice([f"v{a}.{c}.{d}", f"{a}.{c}.{d}"])
    )
    return [
        by(
            rng,
            who,
            ["Please update the app to version ", "The card reader is on firmware "],
            ["the booking app is on version ", "my phone says firmware "],
        ),
        Benign("version_string", text),
        "",
    ]


@look("placeholder_email", "agent", "email")
def placeholder(rng, b, raw, who="caller"):
    return [
        "Type it like ",
        Benign(
            "placeholder_email",
            rng.choice(["name@example.com", "you@example.org", "firstname.lastname@example.net"]),
        ),
        ", no spaces.",
    ]


@look("marketplace_name", "any", "email")
def marketplace(rng, b, raw, who="caller"):
    m = rng.choice(
        ["Booking.com", "Etsy.com", "Amazon.co.uk", "Viator.com", "Airbnb.ca", "Trade.me"]
    )
    if raw:
        m = m.lower().replace(".", " dot ")
    return [
        by(
            rng,
            who,
            ["We also list on ", "Bookings made through "],
            ["i found you on ", "we booked through "],
        ),
        Benign("marketplace_name", m),
        by(rng, who, [".", " are handled there."], ["", " last year"]),
    ]


@look("mail_domain_only", "any", "email")
def mail_domain(rng, b, raw, who="caller"):
    d = rng.choice(["hotmail.com", "yahoo.co.uk", "bigpond.com", "gmx.de", "icloud.com"])
    if raw:
        d = d.replace(".", " dot ")
    return [
        by(
            rng,
            who,
            ["Our system sometimes bounces on ", "We've had trouble delivering to "],
            ["your system never sends to ", "emails to "],
        ),
        Benign("mail_domain_only", d),
        rng.choice([" addresses", " accounts", ""]),
    ]


@look("ip_address", "agent", "email")
def ip_address(rng, b, raw, who="caller"):
    return [
        "The card terminal sits on ",
        Benign("ip_address", f"192.168.{rng.randint(0, 9)}.{rng.randint(10, 250)}"),
        ".",
    ]


# --- card look-alikes ---------------------------------------------------------------------


def _d(rng, s, raw):
    return groups_said([s], voice(rng), rng) if raw else s


@look("card_last4", "any", "card")
def card_last4(rng, b, raw, who="caller"):
    return [
        by(
            rng,
            who,
            ["That's the card ending in ", "I'll charge the one ending "],
            ["it's the one that ends ", "the last four are "],
        ),
        Benign("card_last4", _d(rng, digits(rng, 4, "0123456789"), raw)),
        "",
    ]


@look("masked_card", "agent", "card")
def masked_card(rng, b, raw, who="caller"):
    l4 = digits(rng, 4, "0123456789")
    m = rng.choice(
        [
            f"**** **** **** {l4}",
            f"XXXX-XXXX-XXXX-{l4}",
            f"•••• {l4}",
            f"{digits(rng, 4, '456')} 12** **** {l4}",
        ]
    )
    return ["I can see the card on file as ", Benign("masked_card", m), "."]


@look("card_expiry", "any", "card")
def card_expiry(rng, b, raw, who="caller"):
    m, y = rng.randint(1, 12), rng.randint(25, 32)
    text = (
        f"{'oh ' + ONES[m] if m < 10 else words_num(m)} {words_num(y)}"
        if raw
        else rng.choice([f"{m:02d}/{y}", f"{m:02d}-20{y}"])
    )
    return [
        by(
            rng,
            who,
            ["The card on file expires ", "Expiry showing as "],
            ["expiry ", "it expires ", "valid thru "],
        ),
        Benign("card_expiry", text),
        "",
    ]


@look("card_cvv", "caller", "card")
def card_cvv(rng, b, raw, who="caller"):
    return [
        rng.choice(["security code ", "the three on the back are ", "cvv "]),
        Benign("card_cvv", _d(rng, digits(rng, 3), raw)),
        "",
    ]


@look("card_bin", "agent", "card")
def card_bin(rng, b, raw, who="caller"):
    return [
        "The first six, ",
        Benign("card_bin", digits(rng, 6, "45")),
        ", show it's a prepaid card from abroad.",
    ]


@look("billing_zip", "caller", "card")
def billing_zip(rng, b, raw, who="caller"):
    return [
        rng.choice(["billing zip is ", "zip code "]),
        Benign("billing_zip", _d(rng, digits(rng, 5), raw)),
        "",
    ]


@look("store_gift_card", "any", "card")
def store_gift_card(rng, b, raw, who="caller"):
    s = luhn_number(rng, rng.choice([16, 19]), rng.choice(["6280", "7777", "6036", "9870"]))
    return [
        by(
            rng,
            who,
            ["That's one of our own gift cards, it only works here: ", "Our store gift card "],
            [
                "it's your own gift card the one that only works here ",
                "the shop gift card number is ",
            ],
        ),
        Benign(
            "store_gift_card",
            groups_said(chunk(s, [4, 4, 4, 4, 3]), voice(rng), rng)
            if raw
            else " ".join(chunk(s, [4, 4, 4, 4, 3])),
        ),
        "",
    ]


@look("imei", "caller", "card")
def imei(rng, b, raw, who="caller"):
    s = luhn_number(rng, 15, rng.choice(["35", "86", "01"]))
    return ["the tablet's imei is ", Benign("imei", num(rng, s, raw) if raw else s), ""]


@look("auth_code", "agent", "card")
def auth_code(rng, b, raw, who="caller"):
    return ["Approved, authorisation code ", Benign("auth_code", digits(rng, 6)), "."]


@look("merchant_id", "agent", "card")
def merchant_id(rng, b, raw, who="caller"):
    return [
        "Our merchant id on the receipt is ",
        Benign("merchant_id", " ".join(chunk(digits(rng, 12), [4, 4, 4]))),
        ".",
    ]


# --- SSN look-alikes -----------------------------------------------------------------------


@look("ssn_last4", "any", "ssn")
def ssn_last4(rng, b, raw, who="caller"):
    return [
        by(
            rng,
            who,
            ["I have the last four of the social as ", "Just the last four I have are "],
            ["last four of my social are ", "the last four of the social "],
        ),
        Benign("ssn_last4", _d(rng, digits(rng, 4, "0123456789"), raw)),
        "",
    ]


@look("itin", "caller", "ssn")
def itin_look(rng, b, raw, who="caller"):
    s = itin(rng)
    text = groups_said(chunk(s, [3, 2, 4]), voice(rng), rng) if raw else f"{s[:3]}-{s[3:5]}-{s[5:]}"
    return ["i don't have a social, my itin is ", Benign("itin", text), ""]


@look("ein", "any", "ssn")
def ein_look(rng, b, raw, who="caller"):
    s = ein(rng)
    text = groups_said(chunk(s, [2, 7]), voice(rng), rng) if raw else f"{s[:2]}-{s[2:]}"
    return [
        by(
            rng,
            who,
            ["Our EIN, for the 1099, is ", "The contractor's EIN on file is "],
            ["the company's ein is ", "our federal tax id the e i n is "],
        ),
        Benign("ein", text),
        "",
    ]


@look("ssn_shaped_ref", "agent", "ssn")
def ssn_shaped(rng, b, raw, who="caller"):
    s = digits(rng, 9)
    return [
        rng.choice(["Your claim reference is ", "The permit application number is "]),
        Benign("ssn_shaped_ref", f"{s[:3]}-{s[3:5]}-{s[5:]}"),
        ".",
    ]


@look("provider_npi", "agent", "ssn")
def npi(rng, b, raw, who="caller"):
    return [
        "The clinic's provider number is ",
        Benign("provider_npi", luhn_number(rng, 10, "1")),
        ".",
    ]


# --- bank look-alikes ---------------------------------------------------------------------


@look("routing_no", "any", "bank")
def routing_no(rng, b, raw, who="caller"):
    body = rng.choice(["0210", "1110", "3220", "0260", "1210"]) + digits(rng, 4, "0123456789")
    s = body + rtn.calc_check_digit(body)
    return [
        by(
            rng,
            who,
            ["Our bank's routing number is ", "The routing number for wires is "],
            ["the routing number is ", "aba routing "],
        ),
        Benign("routing_no", num(rng, s, raw) if raw else s),
        "",
    ]


@look("sort_code", "any", "bank")
def sort_code(rng, b, raw, who="caller"):
    s = digits(rng, 6, "1234567")
    text = groups_said(chunk(s, [2, 2, 2]), voice(rng), rng) if raw else f"{s[:2]}-{s[2:4]}-{s[4:]}"
    return [
        by(rng, who, ["Our sort code is "], ["sort code ", "the sort code's "]),
        Benign("sort_code", text),
        "",
    ]


@look("swift_code", "any", "bank")
def swift(rng, b, raw, who="caller"):
    code = rng.choice(["NWBKGB2L", "COBADEFFXXX", "RABONL2U", "DABADKKK", "BNPAFRPP", "NDEAFIHH"])
    return [
        by(
            rng,
            who,
            ["For international transfers our SWIFT code is "],
            ["the swift code is ", "the bic is "],
        ),
        Benign("swift_code", spell(code, rng) if raw else code),
        "",
    ]


@look("creditor_ref", "agent", "bank")
def creditor_ref(rng, b, raw, who="caller"):
    from stdnum.iso7064 import mod_97_10
    from stdnum.iso11649 import format as rf_format

    body = digits(rng, rng.choice([12, 14]))
    check = mod_97_10.calc_check_digits(body + "RF")
    return [
        "Please put the payment reference ",
        Benign("creditor_ref", rf_format("RF" + check + body)),
        " on the transfer.",
    ]


@look("vat_no", "agent", "bank")
def vat_no(rng, b, raw, who="caller"):
    v = rng.choice(
        [
            f"GB {digits(rng, 3)} {digits(rng, 4)} {digits(rng, 2)}",
            f"DE{digits(rng, 9)}",
            f"NL{digits(rng, 9)}B01",
            f"IE{digits(rng, 7)}W",
        ]
    )
    return ["Our VAT number for your records is ", Benign("vat_no", v), "."]


@look("masked_iban", "agent", "bank")
def masked_iban(rng, b, raw, who="caller"):
    cc = rng.choice(["DE", "NL", "FR", "ES", "IE", "BE"])
    return [
        "The refund goes back to ",
        Benign("masked_iban", f"{cc}{digits(rng, 2)} **** **** **** {digits(rng, 4)}"),
        ".",
    ]


@look("bank_account_no", "caller", "bank")
def bank_account(rng, b, raw, who="caller"):
    return [
        "the business account number is ",
        Benign("bank_account_no", num(rng, digits(rng, 8), raw)),
        "",
    ]
