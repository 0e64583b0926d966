"""heldout6 voice families: phones, cards, SSNs and IBANs said by callers and read back.

Raw STT turns (lower case, numbers in words, mishearings) and smart-formatted turns
(digits, punctuation); split across turns with the agent nudging; restarts; read-backs.
"""

from __future__ import annotations

import random

from pii_heldout6_neg import look, neg_line, opener
from pii_heldout6_say import (
    IBAN_PLACE,
    NETWORK_SAID,
    PLACE,
    Phone,
    card_groups,
    card_text,
    draw_card,
    draw_iban,
    draw_phone,
    draw_ssn,
    email_value,
    iban_text,
    intl_prefix,
    odd_groups,
    phone_text,
    pick_region,
    pii,
    say_digits,
    say_email,
    ssn_text,
)
from pii_rows import Benign, Row, maybe

NUDGES = [
    "Mm-hm.",
    "Okay, go on.",
    "Got it, and then?",
    "Yep.",
    "Okay.",
    "Sorry, and the rest?",
    "Right, keep going.",
    "I have that, next part?",
    "Uh-huh.",
    "Go ahead.",
]
LEADS_PHONE = [
    "my number is ",
    "you can reach me on ",
    "best number is ",
    "call me back on ",
    "it's ",
    "my cell is ",
    "the mobile is ",
    "my phone number's ",
    "try ",
    "my daughter's phone actually, it's ",
]
# spoken pieces another part already holds; heldout6 says them another way
TAKEN = {"seventy five eighty two"}
ASK_PHONE = [
    "Which number is easiest for reaching you?",
    "What number can we ring you back on?",
    "Which phone number goes on the account?",
    "What number should the driver call?",
    "Could you give me a contact number, please?",
]


def maybe_extra_lookalike(row: Row, rng: random.Random, p: float = 0.15) -> None:
    if maybe(rng, p):
        neg_line(row, rng, rng.choice(["user", "assistant"]))


def readback_phone(ph: Phone, rng: random.Random) -> str:
    """How an agent reads a number back: formatted digits or words, national or intl."""
    k = rng.randrange(4)
    if k == 0:
        return ph.national_fmt
    if k == 1:
        return ph.intl_fmt
    if k == 2:
        return say_digits(ph.nat_groups, rng, raw=True, style="single")
    return " ".join(ph.nat_groups)


def user_phone(
    row: Row,
    rng: random.Random,
    ph: Phone,
    *,
    raw: bool,
    fillers=0.0,
    restart=0.0,
    misheard=0.0,
    intl=None,
    lead=None,
) -> str:
    lead_in, text = phone_text(
        ph, rng, raw=raw, intl=intl, fillers=fillers, restart=restart, misheard=misheard
    )
    lead = lead if lead is not None else rng.choice(LEADS_PHONE)
    if raw:
        lead = lead.lower()
    tail = "" if raw else rng.choice([".", "", ", thanks."])
    if maybe(rng, 0.12) and not raw:
        tail = ", ext " + str(rng.randrange(10, 999)) + "."
    row.say("user", lead, lead_in, pii(row, "phone", text, ph.nsn, ph.region), tail, smart=not raw)
    return text


def fam_phone_plain(rng: random.Random) -> Row:
    row = Row("h6.voice.phone_given")
    opener(row, rng)
    row.say(
        "user",
        rng.choice(
            [
                "I need to update my contact details.",
                "I missed a delivery and want a call back.",
                "Someone was meant to ring me about my repair.",
                "I'd like to set up a callback.",
            ]
        ),
    )
    row.say("assistant", rng.choice(ASK_PHONE))
    ph = draw_phone(rng, pick_region(rng))
    raw = maybe(rng, 0.6)
    user_phone(row, rng, ph, raw=raw, fillers=0.25 if raw else 0.1, misheard=0.3 if raw else 0)
    if ph.region != "US" and maybe(rng, 0.3):
        row.tags.add("phone.said_place")
        row.say(
            "user",
            f"that's in {PLACE[ph.region].lower()}"
            if raw
            else f"It's a {PLACE[ph.region]} number.",
            smart=not raw,
        )
    if maybe(rng, 0.45):
        row.say(
            "assistant",
            "Let me read that back: ",
            pii(row, "phone", readback_phone(ph, rng), ph.nsn, ph.region),
            ", is that right?",
        )
        row.say("user", rng.choice(["yes", "yep that's it", "correct"]), smart=False)
        row.tags.add("readback")
    maybe_extra_lookalike(row, rng)
    return row


def fam_phone_intl(rng: random.Random) -> Row:
    row = Row("h6.voice.phone_international")
    opener(row, rng)
    region = rng.choice([r for r in PLACE if r != "US"])
    ph = draw_phone(rng, region)
    raw = maybe(rng, 0.6)
    row.say(
        "user",
        (
            f"i'm travelling in {PLACE[region].lower()} at the moment so don't use the us number"
            if raw
            else f"I'm in {PLACE[region]} for a few weeks, so please don't use my usual number."
        ),
        smart=not raw,
    )
    row.say("assistant", "No problem, what number should we use while you're away?")
    user_phone(
        row,
        rng,
        ph,
        raw=raw,
        intl=True,
        fillers=0.2,
        misheard=0.2 if raw else 0,
        lead=rng.choice(["it's ", "the local one is ", "use ", "", "okay so "]),
    )
    row.tags.add("phone.international")
    if maybe(rng, 0.2):
        row.say(
            "assistant",
            "And that's with the country code ",
            Benign("country_code", "+" + ph.cc),
            ", yes?",
        )
    maybe_extra_lookalike(row, rng)
    return row


def split_groups(groups: list[str], rng: random.Random, pieces: int) -> list[list[str]]:
    if len(groups) < pieces:
        flat = "".join(groups)
        groups = odd_groups(flat, rng) if len(flat) > 5 else [flat[:2], flat[2:]]
    if len(groups) < pieces:
        pieces = len(groups)
    cuts = sorted(rng.sample(range(1, len(groups)), pieces - 1))
    out, last = [], 0
    for c in cuts + [len(groups)]:
        out.append(groups[last:c])
        last = c
    return out


def say_split(
    row: Row,
    rng: random.Random,
    kind: str,
    value: str,
    region: str | None,
    groups: list[str],
    raw: bool,
    prefix: str = "",
    lead: str = "",
) -> None:
    pieces = split_groups(groups, rng, rng.choice([2, 2, 3]))
    for i, part in enumerate(pieces):
        text = say_digits(
            part, rng, raw=raw, fillers=0.15, style=rng.choice(["single", "runs", "pairs"])
        )
        if text in TAKEN:
            # said again from a side stream, so the rows after this one stay as they were
            text = say_digits(part, random.Random(text), raw=raw, style="runs")
        if i == 0:
            text = prefix + text
        before = lead if i == 0 else rng.choice(["", "", "then ", "and ", "uh "])
        after = rng.choice(["", "", "...", " um"]) if i < len(pieces) - 1 else ""
        if not raw:
            before = before[:1].upper() + before[1:]
            after = after if after != " um" else "..."
        row.say(
            "user", before, pii(row, kind, text, value, region, split=True), after, smart=not raw
        )
        if i < len(pieces) - 1:
            row.say("assistant", rng.choice(NUDGES))


def fam_phone_split(rng: random.Random) -> Row:
    row = Row("h6.voice.phone_split")
    opener(row, rng)
    row.say(
        "user",
        "I'd like someone to call me about the bill."
        if maybe(rng, 0.5)
        else "yeah i need a callback",
        smart=maybe(rng, 0.5),
    )
    row.say("assistant", rng.choice(ASK_PHONE))
    ph = draw_phone(rng, pick_region(rng))
    raw = maybe(rng, 0.65)
    prefix = ""
    groups = ph.nat_groups
    if maybe(rng, 0.35) or ph.region in ("CK", "NU", "SH", "KI", "TV", "SB", "VU"):
        _, prefix = intl_prefix(ph, rng, raw=raw)
        groups = ph.intl_groups
    if len("".join(groups)) <= 5 and not prefix:
        _, prefix = intl_prefix(ph, rng, raw=raw)
        groups = ph.intl_groups
    say_split(
        row,
        rng,
        "phone",
        ph.nsn,
        ph.region,
        groups,
        raw,
        prefix,
        rng.choice(["okay it's ", "sure ", "", "right so "]),
    )
    if maybe(rng, 0.4):
        row.say(
            "assistant",
            "Thanks, so that's ",
            pii(row, "phone", readback_phone(ph, rng), ph.nsn, ph.region),
            ".",
        )
    return row


def fam_phone_restart(rng: random.Random) -> Row:
    row = Row("h6.voice.phone_corrected")
    opener(row, rng)
    row.say("assistant", rng.choice(ASK_PHONE))
    ph = draw_phone(rng, pick_region(rng))
    raw = maybe(rng, 0.75)
    user_phone(row, rng, ph, raw=raw, restart=0.6, fillers=0.3, misheard=0.3 if raw else 0)
    row.tags.add("restart")
    if maybe(rng, 0.5):
        # caller gives an old number then corrects to a new one: both are the caller's
        ph2 = draw_phone(rng, ph.region)
        row.say("assistant", "Sorry, I think I missed part of that.")
        lead_in, t2 = phone_text(ph2, rng, raw=raw, intl=False)
        row.say(
            "user",
            "no wait that's my old one the new one is "
            if raw
            else "Oh no, that's my old number. The new one is ",
            lead_in,
            pii(row, "phone", t2, ph2.nsn, ph2.region),
            smart=not raw,
        )
    return row


EXPIRY_SAID = ["oh {m} {y}", "{m} slash {y}", "{mm}/{yy}", "{mm} {yy}"]


def expiry(rng: random.Random, raw: bool) -> Benign:
    m, y = rng.randrange(1, 13), rng.randrange(26, 33)
    if raw:
        from pii_heldout6_say import ONES, number_words

        return Benign(
            "expiry", (("oh " + ONES[m]) if m < 10 else number_words(m)) + " " + number_words(y)
        )
    return Benign("expiry", f"{m:02d}/{y}")


def fam_card_payment(rng: random.Random) -> Row:
    row = Row("h6.voice.card_payment")
    opener(row, rng)
    raw = maybe(rng, 0.6)
    row.say(
        "user",
        "i want to pay off my balance" if raw else "I'd like to pay my balance today.",
        smart=not raw,
    )
    if maybe(rng, 0.2):
        row.say(
            "assistant",
            "Sure, the balance is ",
            look(rng, False, "amount"),
            ". Which card would you like to use?",
        )
    else:
        row.say("assistant", "Sure. Which card would you like to use?")
    net, num = draw_card(rng)
    row.tags.add(f"card.{net}")
    text = card_text(num, rng, raw=raw, fillers=0.2 if raw else 0.05, misheard=0.25 if raw else 0)
    lead = rng.choice(
        [f"it's a {NETWORK_SAID[net]} ", "okay the number is ", "", "card number ", "got it here "]
    )
    if raw:
        lead = lead.lower()
    row.say("user", lead, pii(row, "card", text, num), smart=not raw)
    if maybe(rng, 0.35):
        row.say("assistant", "Thank you. And the expiry date?")
        row.say("user", expiry(rng, raw), smart=not raw)
    if maybe(rng, 0.4):
        row.say(
            "assistant",
            "Let me confirm the card number: ",
            pii(row, "card", " ".join(card_groups(num, rng, 0)), num),
            ".",
        )
        row.tags.add("readback")
    if maybe(rng, 0.45):
        row.say("assistant", "Where should I send the receipt?")
        e = email_value(rng)
        row.say(
            "user",
            "send it to ",
            pii(row, "email", say_email(e, rng, raw=raw) if raw or maybe(rng, 0.5) else e, e),
            smart=not raw,
        )
    elif maybe(rng, 0.3):
        row.say(
            "assistant",
            "Payment done. Your confirmation is ",
            look(rng, False, "confirmation", "booking_ref"),
            ".",
        )
    else:
        row.say("assistant", "Payment done, thank you.")
    return row


def fam_card_split(rng: random.Random) -> Row:
    row = Row("h6.voice.card_split")
    opener(row, rng)
    row.say("assistant", "Whenever you're ready with the long number on the card.")
    net, num = draw_card(rng)
    row.tags.add(f"card.{net}")
    raw = maybe(rng, 0.7)
    say_split(
        row,
        rng,
        "card",
        num,
        None,
        card_groups(num, rng, 0),
        raw,
        "",
        rng.choice(["okay ", "", "it's ", "right "]),
    )
    if maybe(rng, 0.35):
        row.say("assistant", "And the expiry?")
        row.say("user", expiry(rng, raw), smart=not raw)
    if maybe(rng, 0.4):
        ph = draw_phone(rng, pick_region(rng))
        row.say("assistant", "And a phone number in case the bank flags it?")
        user_phone(row, rng, ph, raw=raw)
    return row


def fam_card_restart(rng: random.Random) -> Row:
    row = Row("h6.voice.card_corrected")
    opener(row, rng)
    row.say("assistant", "Whenever you're set, read me the card number.")
    net, num = draw_card(rng)
    row.tags.add(f"card.{net}")
    row.tags.add("restart")
    raw = maybe(rng, 0.8)
    text = card_text(num, rng, raw=raw, restart=0.5, fillers=0.3, misheard=0.3 if raw else 0)
    row.say("user", pii(row, "card", text, num), smart=not raw)
    row.say("assistant", "Sorry, one more time from the start, slowly?")
    text2 = card_text(num, rng, raw=raw)
    if text2 == text:
        text2 = card_text(num, rng, raw=not raw)
    row.say("user", rng.choice(["sure ", "okay ", ""]), pii(row, "card", text2, num), smart=not raw)
    maybe_extra_lookalike(row, rng, 0.35)
    return row


def fam_ssn_verify(rng: random.Random) -> Row:
    row = Row("h6.voice.ssn_verify")
    opener(row, rng)
    raw = maybe(rng, 0.6)
    row.say(
        "user",
        "i'm applying for the credit line" if raw else "I'm applying for the credit line.",
        smart=not raw,
    )
    row.say(
        "assistant",
        rng.choice(
            [
                "For the credit check I'll need your full Social Security number.",
                "Can I have your social security number, please?",
                "I need your SSN to run the application.",
            ]
        ),
    )
    ssn = draw_ssn(rng)
    text = ssn_text(ssn, rng, raw=raw, fillers=0.2, misheard=0.25 if raw else 0, restart=0.1)
    row.say(
        "user",
        rng.choice(["it's ", "sure ", "okay ", "", "my social is "]),
        pii(row, "ssn", text, ssn),
        smart=not raw,
    )
    if maybe(rng, 0.35):
        row.say(
            "assistant",
            "Thanks, I have ",
            pii(row, "ssn", f"{ssn[:3]}-{ssn[3:5]}-{ssn[5:]}", ssn),
            ".",
        )
        row.tags.add("readback")
    elif maybe(rng, 0.35):
        row.say(
            "assistant",
            "Thank you, for your records I'll only show ",
            Benign("masked", f"***-**-{ssn[5:]}"),
            ".",
        )
    else:
        row.say("assistant", "Thank you, that's all I need.")
    if maybe(rng, 0.5):
        ph = draw_phone(rng, pick_region(rng))
        row.say("assistant", "And the phone number on the application?")
        user_phone(row, rng, ph, raw=raw)
    maybe_extra_lookalike(row, rng, 0.3)
    return row


def fam_ssn_split(rng: random.Random) -> Row:
    row = Row("h6.voice.ssn_split")
    opener(row, rng)
    row.say("assistant", "To verify, what's your Social Security number?")
    ssn = draw_ssn(rng)
    raw = maybe(rng, 0.7)
    say_split(
        row,
        rng,
        "ssn",
        ssn,
        None,
        [ssn[:3], ssn[3:5], ssn[5:]],
        raw,
        "",
        rng.choice(["okay ", "it's ", ""]),
    )
    row.say("assistant", "Thanks, you're verified.")
    if maybe(rng, 0.15):
        row.say("user", "Also the claim is ", look(rng, False, "claim_id"), ".")
    return row


def fam_ssn_vs_lookalike(rng: random.Random) -> Row:
    """A claim number of SSN shape next to the real SSN in one call."""
    row = Row("h6.voice.ssn_with_claim")
    opener(row, rng)
    raw = maybe(rng, 0.5)
    row.say(
        "user",
        "my claim number is " if raw else "My claim number is ",
        look(rng, raw, "claim_id"),
        smart=not raw,
    )
    row.say("assistant", "Thanks. And to verify, your social security number?")
    ssn = draw_ssn(rng)
    row.say("user", pii(row, "ssn", ssn_text(ssn, rng, raw=raw), ssn), smart=not raw)
    row.say("assistant", "Verified. The payment will go out on ", look(rng, False, "date"), ".")
    return row


def fam_iban_refund(rng: random.Random) -> Row:
    row = Row("h6.voice.iban_refund")
    opener(row, rng)
    iban = draw_iban(rng)
    raw = maybe(rng, 0.55)
    row.say(
        "user",
        (
            f"i moved to {IBAN_PLACE[iban[:2]].lower()} so the refund has to go to my bank there"
            if raw
            else f"I've moved to {IBAN_PLACE[iban[:2]]}, so the refund needs to go to "
            "my account there."
        ),
        smart=not raw,
    )
    row.say("assistant", "Of course. Can you give me the IBAN?")
    text = iban_text(iban, rng, raw=raw, fillers=0.15)
    row.say(
        "user",
        rng.choice(["it's ", "okay ", "", "the iban is "]),
        pii(row, "iban", text, iban),
        smart=not raw,
    )
    if maybe(rng, 0.35):
        row.say(
            "assistant",
            "Reading it back: ",
            pii(row, "iban", " ".join(iban[i : i + 4] for i in range(0, len(iban), 4)), iban),
            ".",
        )
        row.tags.add("readback")
    elif maybe(rng, 0.35):
        row.say(
            "assistant",
            "Thanks, the refund of ",
            look(rng, False, "amount"),
            " goes to the account ",
            Benign("masked", "ending " + iban[-4:]),
            ".",
        )
    else:
        row.say("assistant", "Thanks, the refund is on its way.")
    if maybe(rng, 0.5):
        row.say("assistant", "And an email for the remittance advice?")
        e = email_value(rng, rng.choice(["country", "prov"]))
        row.say(
            "user", pii(row, "email", say_email(e, rng, raw=raw) if raw else e, e), smart=not raw
        )
    if maybe(rng, 0.15):
        row.say("assistant", "Our BIC if your bank asks is ", look(rng, False, "bic"), ".")
    return row


def fam_iban_split(rng: random.Random) -> Row:
    row = Row("h6.voice.iban_split")
    opener(row, rng)
    row.say("assistant", "Please read me the IBAN, a few characters at a time is fine.")
    iban = draw_iban(rng)
    raw = maybe(rng, 0.5)
    groups = [iban[i : i + 4] for i in range(0, len(iban), 4)]
    cut = sorted(rng.sample(range(1, len(groups)), 2 if len(groups) > 4 and maybe(rng, 0.5) else 1))
    pieces, last = [], 0
    for c in cut + [len(groups)]:
        pieces.append(groups[last:c])
        last = c
    for i, p in enumerate(pieces):
        text = iban_text("".join(p), rng, raw=True) if raw else " ".join(p)
        row.say("user", pii(row, "iban", text, iban, split=True), smart=not raw)
        if i < len(pieces) - 1:
            row.say("assistant", rng.choice(NUDGES))
    row.say("assistant", "Thanks, that validates.")
    return row


def fam_callback_bundle(rng: random.Random) -> Row:
    """Caller gives a phone and an email (and sometimes an account number look-alike)."""
    row = Row("h6.voice.contact_bundle")
    opener(row, rng)
    raw = maybe(rng, 0.55)
    if maybe(rng, 0.2):
        row.say(
            "user",
            "my account number is " if raw else "My account number is ",
            look(rng, raw, "account_id"),
            smart=not raw,
        )
    row.say("assistant", "Let me update your contact details. Phone first?")
    ph = draw_phone(rng, pick_region(rng))
    user_phone(row, rng, ph, raw=raw, fillers=0.2)
    row.say("assistant", "And email?")
    e = email_value(rng)
    row.say(
        "user",
        rng.choice(["it's ", "", "email is "]),
        pii(row, "email", say_email(e, rng, raw=raw) if raw or maybe(rng, 0.4) else e, e),
        smart=not raw,
    )
    if maybe(rng, 0.35):
        ph2 = draw_phone(rng, pick_region(rng))
        row.say(
            "user",
            "and a landline " if raw else "And a landline as backup: ",
            "",
            pii(row, "phone", phone_text(ph2, rng, raw=raw, intl=False)[1], ph2.nsn, ph2.region),
            smart=not raw,
        )
    return row


VOICE_FAMILIES = {
    "h6.voice.phone_given": (fam_phone_plain, 5.5),
    "h6.voice.phone_international": (fam_phone_intl, 3.5),
    "h6.voice.phone_split": (fam_phone_split, 3.5),
    "h6.voice.phone_corrected": (fam_phone_restart, 1.8),
    "h6.voice.card_payment": (fam_card_payment, 9.0),
    "h6.voice.card_split": (fam_card_split, 3.5),
    "h6.voice.card_corrected": (fam_card_restart, 2.2),
    "h6.voice.ssn_verify": (fam_ssn_verify, 4.2),
    "h6.voice.ssn_split": (fam_ssn_split, 1.8),
    "h6.voice.ssn_with_claim": (fam_ssn_vs_lookalike, 1.2),
    "h6.voice.iban_refund": (fam_iban_refund, 4.2),
    "h6.voice.iban_split": (fam_iban_split, 1.8),
    "h6.voice.contact_bundle": (fam_callback_bundle, 3.0),
}
