"""pii_dev10 non-card families: phones, emails, IBANs, SSNs, each with a few look-alikes."""

from __future__ import annotations

import random

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType
from pii_dev10_kit import FIRST, LAST, MERCHANTS, Mark, amount, note, tool_call, tool_result
from pii_dev10_say import decode, digit_words, pair, pairs
from pii_rows import Benign, Pii, Retry, Row, maybe
from stdnum import iban as iban_mod

REGIONS = [
    "US",
    "GB",
    "CA",
    "AU",
    "IN",
    "IE",
    "NZ",
    "ZA",
    "SG",
    "PH",
    "DE",
    "FR",
    "ES",
    "IT",
    "NL",
    "MX",
    "BR",
]
AREA = {
    "US": ["212", "415", "617", "312", "206", "503", "305", "713", "404", "646", "720"],
    "CA": ["416", "604", "514", "403", "613", "905", "780"],
}
BUSINESS = {
    "US": "1-800-555-0199",
    "CA": "1-888-555-0142",
    "GB": "0800 123 4567",
    "AU": "1300 655 506",
    "IN": "1800 266 1234",
    "IE": "1800 200 300",
    "NZ": "0800 466 372",
    "ZA": "0860 100 123",
    "SG": "1800 555 6677",
    "PH": "1800 1888 7777",
    "DE": "0800 330 1000",
    "FR": "0 800 123 456",
    "ES": "900 100 200",
    "IT": "800 123 456",
    "NL": "0800 0123",
    "MX": "800 123 4567",
    "BR": "0800 701 2345",
}


def phone_number(rng: random.Random, region: str) -> phonenumbers.PhoneNumber:
    ptype = PhoneNumberType.MOBILE if maybe(rng, 0.7) else PhoneNumberType.FIXED_LINE
    ex = phonenumbers.example_number_for_type(region, ptype)
    nsn = str(ex.national_number)
    for _ in range(200):
        if region in AREA:
            body = (
                rng.choice(AREA[region])
                + rng.choice("23456789")
                + "".join(rng.choice("0123456789") for _ in range(6))
            )
            if body[3:6] == "555":
                continue
        else:
            keep = min(3, len(nsn) - 5)
            body = nsn[:keep] + "".join(rng.choice("0123456789") for _ in range(len(nsn) - keep))
        num = phonenumbers.parse("+" + str(ex.country_code) + body)
        if phonenumbers.is_valid_number(num) and phonenumbers.region_code_for_number(num) == region:
            return num
    raise Retry("phone")


def phone_forms(
    num: phonenumbers.PhoneNumber, rng: random.Random, region: str
) -> tuple[str, bool, str]:
    """(label text, smart turn?, form tag)."""
    nat = phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL)
    intl = phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL)
    e164 = phonenumbers.format_number(num, PhoneNumberFormat.E164)
    nat_digits = "".join(c for c in nat if c.isdigit())
    cc = str(num.country_code)
    r = rng.random()
    if r < 0.2:
        return nat, True, "phone.written.national"
    if r < 0.35:
        return intl, True, "phone.written.international"
    if r < 0.42:
        return e164, True, "phone.written.e164"
    if r < 0.5:
        return (
            "00" + e164[1:] if region not in ("US", "CA") else "+" + e164[1:],
            True,
            "phone.written.00",
        )
    if r < 0.75:
        return (
            digit_words(nat_digits, rng, mishear=rng.choice([0, 0.4])),
            False,
            "phone.spoken.digits",
        )
    if r < 0.88:
        pre = rng.choice(["double oh ", "zero zero "]) if region not in ("US", "CA") else ""
        body = digit_words(cc + str(num.national_number), rng)
        return pre + body, False, "phone.spoken.international"
    # pairs after the first digits
    first, rest = nat_digits[:3], nat_digits[3:]
    text = digit_words(first, rng, runs=False) + " " + pairs(rest, rng)
    if decode(text) != nat_digits:
        return digit_words(nat_digits, rng), False, "phone.spoken.digits"
    return text, False, "phone.spoken.pairs"


def phone(rng: random.Random) -> Row:
    row = Row("d10.phone")
    region = rng.choice(REGIONS)
    num = phone_number(rng, region)
    row.tags.add(f"phone.region.{region}")
    text, smart, tag = phone_forms(num, rng, region)
    row.tags.add(tag)
    note(row, "phone", text, phonenumbers.format_number(num, PhoneNumberFormat.E164))
    biz = BUSINESS[region]
    kind = rng.choice(["callback", "update", "with_card_lookalikes", "readback", "tool"])
    row.tags.add(f"phone.ctx.{kind}")
    if kind == "callback":
        row.say("assistant", "If we get cut off, what's the best number to reach you?")
        row.say(
            "user",
            "It's " if smart else "its ",
            Pii("phone", text),
            rng.choice(["", ", after five", ", extension 22"]) if smart else "",
            smart=smart,
        )
        row.say(
            "assistant", "Thanks. You can also call us back on ", Benign("business_phone", biz), "."
        )
    elif kind == "update":
        row.say(
            "user",
            "I need to change the mobile on my account."
            if smart
            else "i need to change the mobile on my account",
            smart=smart,
        )
        row.say("assistant", "Sure. What's the new number?")
        row.say("user", "New one is " if smart else "new one is ", Pii("phone", text), smart=smart)
        row.say(
            "assistant",
            "Done. Reference ",
            Benign("reference", str(rng.randint(10**7, 10**8 - 1))),
            " for the change.",
        )
    elif kind == "with_card_lookalikes":
        row.say("assistant", "For the payment I'll text a secure link. Which number?")
        row.say("user", "Send it to " if smart else "send it to ", Pii("phone", text), smart=smart)
        row.say(
            "assistant",
            "Sent. The amount is ",
            Benign("amount", amount(rng, False)),
            " and the link expires at ",
            Benign("time", rng.choice(["4:30 PM", "17:00", "noon"])),
            ".",
        )
    elif kind == "readback":
        row.say("assistant", "What number should we have on file?")
        row.say("user", Pii("phone", text), smart=smart)
        back = phonenumbers.format_number(
            num,
            PhoneNumberFormat.INTERNATIONAL
            if text.startswith(("+", "00"))
            else PhoneNumberFormat.NATIONAL,
        )
        if back == text:
            back = phonenumbers.format_number(num, PhoneNumberFormat.E164)
        note(row, "phone", back, phonenumbers.format_number(num, PhoneNumberFormat.E164))
        row.say("assistant", "So that's ", Pii("phone", back), ", right?")
        row.tags.add("phone.readback.full")
    else:
        e164 = phonenumbers.format_number(num, PhoneNumberFormat.E164)
        row.say("user", "Can you text me the receipt?")
        note(row, "phone", e164, e164)
        tool_call(
            row,
            "send_sms",
            {
                "to": Mark(Pii("phone", e164)),
                "from": Mark(Benign("business_phone", biz)),
                "template": "receipt",
            },
            rng,
        )
        tool_result(
            row,
            {
                "status": "queued",
                "message_id": Mark(Benign("message_id", f"SM{rng.randint(10**9, 10**10 - 1)}")),
            },
            rng,
        )
    return row


DOMAINS = [
    "gmail.com",
    "yahoo.com",
    "outlook.com",
    "hotmail.co.uk",
    "icloud.com",
    "proton.me",
    "bigpond.com",
    "web.de",
    "orange.fr",
    "libero.it",
    "xtra.co.nz",
    "mail.com",
]


def email(rng: random.Random) -> Row:
    row = Row("d10.email")
    f = rng.choice(FIRST).lower()
    last = rng.choice(LAST).lower().replace("'", "").replace(" ", "")
    sep = rng.choice([".", "_", "", "-"])
    num = str(rng.randint(1, 99)) if maybe(rng, 0.4) else ""
    local = rng.choice([f + sep + last, f[0] + last, f + sep + last[0], last + sep + f]) + num
    dom = rng.choice(DOMAINS)
    addr = f"{local}@{dom}"
    merchant = rng.choice(MERCHANTS)
    biz = "billing@" + merchant.lower().replace(" ", "") + ".com"
    spoken = maybe(rng, 0.55)
    if spoken:
        words = {".": " dot ", "_": " underscore ", "-": " dash ", "@": " at "}
        s = ""
        for c in addr:
            if c in words:
                s += words[c]
            elif c.isdigit():
                s += " " + digit_words(c, rng) + " "
            else:
                s += c
        text = " ".join(s.split())
        row.tags.add("email.spoken")
    else:
        text = addr
        row.tags.add("email.written")
    row.say("assistant", "Where should we send the card payment receipt?")
    row.say(
        "user",
        "My email is " if not spoken else "my email is ",
        Pii("email", text),
        smart=not spoken,
    )
    note(row, "email", text, addr)
    row.say(
        "assistant",
        "Thanks. If you don't see it, email ",
        Benign("business_email", biz),
        " or visit ",
        Benign("website", "www." + merchant.lower().replace(" ", "") + ".com"),
        ".",
    )
    return row


# country -> (bban template: 'n' digit, 'a' upper letter, 'c' alnum, literal otherwise)
IBAN_FORMATS = {
    "GB": ["aaaa", "nnnnnn", "nnnnnnnn"],
    "DE": ["nnnnnnnn", "nnnnnnnnnn"],
    "NL": ["aaaa", "nnnnnnnnnn"],
    "IE": ["aaaa", "nnnnnn", "nnnnnnnn"],
    "AT": ["nnnnn", "nnnnnnnnnnn"],
    "CH": ["nnnnn", "nnnnnnnnnnnn"],
    "PT": ["nnnnnnnnnnnnnnnnnnnnn"],
    "PL": ["nnnnnnnnnnnnnnnnnnnnnnnn"],
    "SE": ["nnnnnnnnnnnnnnnnnnnn"],
    "DK": ["nnnnnnnnnnnnnn"],
    "LU": ["nnn", "ccccccccccccc"],
}
BANKS = {
    "GB": ["NWBK", "BARC", "LOYD", "HBUK", "MIDL"],
    "NL": ["ABNA", "INGB", "RABO"],
    "IE": ["AIBK", "BOFI"],
}


def iban_number(rng: random.Random) -> tuple[str, str]:
    for _ in range(100):
        cc = rng.choice(sorted(IBAN_FORMATS))
        bban = ""
        for i, part in enumerate(IBAN_FORMATS[cc]):
            if cc in BANKS and i == 0:
                bban += rng.choice(BANKS[cc])
                continue
            for ch in part:
                bban += rng.choice(
                    "0123456789" if ch == "n" else "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                )
        check = iban_mod.calc_check_digits(cc + "00" + bban)
        number = cc + check + bban
        if iban_mod.is_valid(number):
            return cc, number
    raise Retry("iban")


def iban(rng: random.Random) -> Row:
    row = Row("d10.iban")
    cc, number = iban_number(rng)
    row.tags.add(f"iban.country.{cc}")
    r = rng.random()
    if r < 0.5:
        text = iban_mod.format(number)
        row.tags.add("iban.written.grouped")
        smart = True
    elif r < 0.7:
        text = number
        row.tags.add("iban.written.compact")
        smart = True
    else:
        out = []
        for c in number:
            out.append(digit_words(c, rng, zero="zero") if c.isdigit() else c.lower())
        text = " ".join(out)
        row.tags.add("iban.spoken")
        smart = False
    note(row, "iban", text, number)
    row.say(
        "assistant", "The card refund failed, so we'll pay it by bank transfer. What's your IBAN?"
    )
    row.say("user", "It's " if smart else "its ", Pii("iban", text), smart=smart)
    bic = {
        "GB": "NWBKGB2L",
        "DE": "DEUTDEFF",
        "NL": "ABNANL2A",
        "IE": "AIBKIE2D",
        "AT": "BKAUATWW",
        "CH": "UBSWCHZH80A",
        "PT": "BCOMPTPL",
        "PL": "PKOPPLPW",
        "SE": "ESSESESS",
        "DK": "DABADKKK",
        "LU": "BCEELULL",
    }[cc]
    row.say(
        "assistant",
        "Thanks. And the BIC is ",
        Benign("bic", bic),
        "? The refund of ",
        Benign("amount", amount(rng, False)),
        " has reference ",
        Benign("reference", f"RF{rng.randint(10**8, 10**9 - 1)}"),
        ".",
    )
    return row


def ssn_digits(rng: random.Random) -> str:
    while True:
        a = rng.randint(1, 899)
        if a == 666:
            continue
        return f"{a:03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"


def ssn(rng: random.Random) -> Row:
    row = Row("d10.ssn")
    ds = ssn_digits(rng)
    r = rng.random()
    if r < 0.35:
        text, smart, tag = f"{ds[:3]}-{ds[3:5]}-{ds[5:]}", True, "ssn.written.dash"
    elif r < 0.5:
        text, smart, tag = (
            rng.choice([f"{ds[:3]} {ds[3:5]} {ds[5:]}", ds]),
            True,
            "ssn.written.other",
        )
    elif r < 0.8:
        text, smart, tag = (
            digit_words(ds, rng, mishear=rng.choice([0, 0.4])),
            False,
            "ssn.spoken.digits",
        )
    else:
        text = (
            digit_words(ds[:3], rng, runs=False)
            + " "
            + pair(ds[3:5], rng)
            + " "
            + pairs(ds[5:], rng)
        )
        if decode(text) != ds:
            text = digit_words(ds, rng)
        smart, tag = False, "ssn.spoken.pairs"
    row.tags.add(tag)
    note(row, "ssn", text, ds)
    look = rng.choice(["ein", "itin", "ssn_last4", "member_id"])
    row.tags.add(f"ssn.lookalike.{look}")
    row.say(
        "assistant",
        "To open the card account I need to verify your identity. Your social security number?",
    )
    row.say("user", "Sure, " if smart else "sure ", Pii("ssn", text), smart=smart)
    if look in ("ein", "itin"):
        row.say(
            "assistant",
            "Thank you. Is anyone else on the account?"
            if look == "itin"
            else "Thank you. Is the card for a business?",
        )
    if look == "ein":
        row.say(
            "user",
            "Yes, the business EIN is ",
            Benign("ein", f"{rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}"),
            ".",
        )
    elif look == "itin":
        row.say(
            "user",
            "My wife doesn't have one, she has an ITIN: ",
            Benign(
                "itin",
                f"9{rng.randint(10, 99)}-{rng.choice(['70', '78', '88', '92'])}-"
                f"{rng.randint(1000, 9999)}",
            ),
            ".",
        )
        row.tags.add("ssn.lookalike.itin_shape")
    elif look == "ssn_last4":
        row.say(
            "assistant",
            "Thanks, I've verified the SSN ending in ",
            Benign("ssn_last4", ds[-4:]),
            ".",
        )
    else:
        row.say(
            "assistant",
            "Verified. Your new member ID is ",
            Benign(
                "member_id",
                f"{rng.randint(100, 999)}-{rng.randint(100, 999)}-{rng.randint(100, 999)}",
            ),
            ".",
        )
    return row
