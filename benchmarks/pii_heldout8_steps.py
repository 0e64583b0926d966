"""heldout8: the parts of a call where PII is asked for, given, read back, corrected or split."""

from __future__ import annotations

import string

import phonenumbers
from pii_heldout8_call import Call
from pii_heldout8_kit import (
    NETWORK_NAMES,
    card,
    card_groups,
    card_spoken,
    card_text,
    email,
    email_spoken,
    expiry,
    expiry_text,
    iban,
    iban_spoken,
    iban_text,
    phone_groups,
    pick,
    say_digits,
    say_groups,
    ssn,
    ssn_spoken,
    ssn_text,
)
from pii_heldout8_look import draw
from pii_rows import Benign, Pii, maybe
from stdnum import iban as stdiban
from stdnum import luhn

# ---------------------------------------------------------------- phone

ASK_CALLBACK = (
    "Which number do you actually pick up on, in case I need to ring you back?",
    "And a callback number, just in case this line decides to drop us?",
    "Can I grab a mobile number so our system can text you the status updates?",
    "Which number would you like the confirmation text sent over to?",
    "Shall I swap out the phone number on file while I'm in here? What would the new one be?",
    "Is the number showing on my screen the best one for you, or would you rather we use another?",
    "If the line goes dead on us, which number do I dial to get you back?",
)
ASK_CALLBACK_BIZ = {
    "food": "Could I get a contact number for the driver, in case they can't find the door?",
    "moving": "What number should the crew lead ring on moving day when they're close?",
    "isp": "Can I grab a phone number the field technician can text when he's on his way?",
    "vet": "Which number should the vet use to ring you with the lab results?",
    "property": "What number should our maintenance guys ring before they let themselves in?",
    "clinic": "Which number should the triage nurse use to call you back this afternoon?",
}
GIVE_NEW = (
    "Sure, it's {}.",
    "Yeah, {}.",
    "Best is my cell, {}.",
    "Um, {} — I'm in {} for work, so that's my number there.",
    "Put down {}.",
    "New number's {}.",
    "{} please",
    "Okay, so it's {}, you can text that one.",
)
READ_BACK = (
    "Got it, {}. Is that right?",
    "Let me read that back: {}.",
    "Okay, I have {} — correct?",
    "So that's {}?",
    "Thanks. Just to confirm, {}.",
)
YES = ("Yes.", "Yep, that's it.", "Correct.", "Mm-hm.", "Yeah.", "That's right.", "yes")
NO_FIX = (
    "No, you've got it wrong, it's {}.",
    "Not quite — {}.",
    "No no, {}.",
    "Sorry, I said {}.",
)


def _tweak_phone(
    c: Call, num: phonenumbers.PhoneNumber, reg: str
) -> phonenumbers.PhoneNumber | None:
    nat = phonenumbers.national_significant_number(num)
    for _ in range(20):
        i = c.rng.randrange(len(nat) - 4, len(nat))
        d = pick(c.rng, string.digits)
        if d == nat[i]:
            continue
        cand = phonenumbers.parse(f"+{num.country_code}{nat[:i]}{d}{nat[i + 1 :]}")
        if phonenumbers.is_valid_number(cand):
            return cand
    return None


def _ask_callback(c: Call) -> str:
    if c.biz.key in ASK_CALLBACK_BIZ and maybe(c.rng, 0.5):
        return ASK_CALLBACK_BIZ[c.biz.key]
    return pick(c.rng, ASK_CALLBACK)


def phone_step(c: Call, reg: str | None = None) -> None:
    rng = c.rng
    num, reg = c.new_phone(reg)
    c.agent(_ask_callback(c))
    frame = pick(rng, GIVE_NEW)
    if "I'm in {}" in frame:
        c.uf(frame, c.phone_said(num, reg), c.region_phrase(reg))
    else:
        c.uf(frame, c.phone_said(num, reg))
    r = rng.random()
    if r < 0.15:
        wrong = _tweak_phone(c, num, reg)
        if wrong is not None:
            c.tags.add("correction")
            c.af(pick(rng, READ_BACK), c.phone_read(wrong, reg))
            c.uf(pick(rng, NO_FIX), c.phone_said(num, reg))
            c.af("Thanks, updated to {}.", c.phone_read(num, reg))
            return
    if r < 0.7:
        c.tags.add("readback")
        c.af(pick(rng, READ_BACK), c.phone_read(num, reg))
        c.user(pick(rng, YES))
    if maybe(rng, 0.4):
        c.tool_call("update_contact", {"phone": c.phone_tool(num), "type": "mobile"})


def phone_split(c: Call) -> None:
    """The number in two or three turns, the agent prompting between."""
    rng = c.rng
    num, reg = c.new_phone()
    groups = phone_groups(num, reg)
    if len(groups) < 2:
        nat = groups[0]
        groups = [nat[: len(nat) // 2], nat[len(nat) // 2 :]]
    # both halves at least four digits where the grouping allows: a bare area code
    # ("six four six") is a fragment any data set might hold
    cuts = [
        k
        for k in range(1, len(groups))
        if len("".join(groups[:k])) >= 4 and len("".join(groups[k:])) >= 4
    ]
    cut = cuts[rng.randrange(len(cuts))] if cuts else rng.randint(1, len(groups) - 1)
    first, rest = groups[:cut], groups[cut:]
    c.tags.add("phone.split")
    c.agent(_ask_callback(c))

    def said(gs: list[str]) -> str:
        if c.raw:
            return say_groups(rng, gs, restart=0.0)
        return pick(rng, [" ", "-"]).join(gs)

    lead = pick(rng, ["Okay, it's ", "Sure, ", "It's ", "Hang on, it's "])
    c.uf(lead + "{}", Pii("phone", said(first), split=True))
    c.agent(
        pick(
            rng, ["Mm-hm.", "Go ahead.", "Okay…", "Yes?", "Got that much, and then the rest of it?"]
        )
    )
    c.uf(
        pick(rng, ["{}.", "Then {}.", "And {}.", "{}, sorry, had to check."]),
        Pii("phone", said(rest), split=True),
    )
    if maybe(rng, 0.6):
        c.af(pick(rng, READ_BACK), c.phone_read(num, reg))


# ---------------------------------------------------------------- email

ASK_EMAIL = (
    "Which email would you like me to send the receipt over to?",
    "Can I get an email address so the confirmation lands somewhere you check?",
    "And an email for you, for the paperwork side of things?",
    "Is there an email we can reach you at if the phone doesn't work out?",
    "Which email address do we have for you on this account, as far as you know?",
    "I'll email you the forms once we hang up — what address should they go to?",
)
GIVE_EMAIL = (
    "It's {}.",
    "Sure, {}.",
    "{}",
    "Yeah, use {}.",
    "My email is {}.",
    "Uh, {}, all lowercase.",
    "Send it to {} please.",
)


def email_step(c: Call) -> None:
    rng = c.rng
    c.agent(pick(rng, ASK_EMAIL))
    said = c.email_said()
    if c.raw and maybe(rng, 0.15):  # two turns: the name part, then the domain
        text = said.text
        cut = text.rfind(" at ")
        if cut > 0:
            c.tags.add("email.split")
            c.uf("It's {}", Pii("email", text[:cut], split=True))
            c.agent(
                pick(
                    rng,
                    [
                        "At…?",
                        "Okay, and then at which mail provider?",
                        "Mm-hm, go on, I'm typing it in as you say it.",
                    ],
                )
            )
            c.uf(
                pick(rng, ["{}", "and then {}", "{}, that's the end of it"]),
                Pii("email", text[cut + 1 :], split=True),
            )
            c.af("Thanks, I have {}.", Pii("email", c.email_addr))
            return
    c.uf(pick(rng, GIVE_EMAIL), said)
    r = rng.random()
    if r < 0.12 and c.raw:
        # the agent writes the address down wrong; the caller spells out the fix
        first, last = c.first, c.last
        wrong = email(rng, first, last)
        if wrong != c.email_addr:
            c.tags.add("correction")
            c.af("I have {} — is that right?", Pii("email", wrong))
            c.uf("no it's {}", Pii("email", email_spoken(rng, c.email_addr)))
            c.af("Sorry about that. {} — got it.", Pii("email", c.email_addr))
            return
    if r < 0.65:
        c.tags.add("readback")
        c.af(pick(rng, READ_BACK), Pii("email", c.email_addr))
        c.user(pick(rng, YES))
    if maybe(rng, 0.4):
        c.tool_call("send_confirmation", {"to": Pii("email", c.email_addr), "template": "receipt"})


# ---------------------------------------------------------------- card

ASK_CARD = (
    "The total for {} is {}. What card would you like to use?",
    "I can take {} now — that's {}. Go ahead with the card number when you're ready.",
    "For {} it comes to {}. Which card?",
    "Okay, {} will be {}. Can I get the long number on the card?",
)
GIVE_CARD = (
    "Okay, it's a {} — {}.",
    "{}",
    "Sure, {}.",
    "Card number is {}.",
    "Okay, ready? {}.",
    "It's {}, that's a {}.",
    "Um, {}.",
)
ASK_EXP = (
    "And then the expiration date, plus the little security code?",
    "Thanks. The expiry and the CVV off that card, please?",
    "What's the expiration, and those three digits printed on the back?",
)
GIVE_EXP = (
    "{}, and the code is {}.",
    "Expires {}, security code {}.",
    "{} … and {}.",
    "it's {} and {}",
)
ZIP_ASK = (
    "And the ZIP code the card bills to?",
    "Last thing, the billing ZIP that goes with that card?",
)


def _misread_card(c: Call, pan: str) -> str | None:
    for _ in range(200):
        i = c.rng.randrange(4, len(pan) - 1)
        j = c.rng.randrange(4, len(pan) - 1)
        if i == j:
            continue
        lst = list(pan)
        lst[i] = pick(c.rng, string.digits)
        lst[j] = pick(c.rng, string.digits)
        cand = "".join(lst)
        if cand != pan and luhn.is_valid(cand):
            return cand
    return None


def card_step(c: Call, split: bool = False) -> None:
    rng = c.rng
    net, pan = card(rng)
    c.tags.add(f"card.network.{net}")
    amount = c.alook("amount")
    c.af(pick(rng, ASK_CARD), pick(rng, c.biz.pay_for), amount)

    def said(p: str) -> str:
        return card_spoken(rng, p) if c.raw else card_text(rng, p)

    if split:
        groups = card_groups(pan)
        cut = rng.randint(1, len(groups) - 1)
        a, b = groups[:cut], groups[cut:]
        c.tags.add("card.split")

        def part(gs: list[str]) -> str:
            return say_groups(rng, gs) if c.raw else " ".join(gs)

        c.uf(pick(rng, ["Okay, {}", "{}", "It's {}…"]), Pii("card", part(a), split=True))
        c.agent(pick(rng, ["Mm-hm.", "Okay, go on.", "Yes, and then?", "Got it so far."]))
        c.uf(pick(rng, ["{}", "then {}", "{}. That's it."]), Pii("card", part(b), split=True))
    else:
        frame = pick(rng, GIVE_CARD)
        name = NETWORK_NAMES[net]
        if c.raw:
            name = name.lower()
        if frame.startswith("Okay, it's a"):
            c.uf(frame, name, Pii("card", said(pan)))
        elif "that's a" in frame:
            c.uf(frame, Pii("card", said(pan)), name)
        else:
            c.uf(frame, Pii("card", said(pan)))
    r = rng.random()
    if r < 0.12:
        wrong = _misread_card(c, pan)
        if wrong is not None:
            c.tags.add("correction")
            c.af("Let me repeat it: {}?", Pii("card", " ".join(card_groups(wrong))))
            c.uf(pick(rng, NO_FIX), Pii("card", said(pan)))
            c.af("Thank you — {}.", Pii("card", " ".join(card_groups(pan))))
    elif r < 0.45:
        c.tags.add("readback")
        c.af(
            pick(rng, READ_BACK),
            Pii("card", pick(rng, [" ".join(card_groups(pan)), "-".join(card_groups(pan))])),
        )
        c.user(pick(rng, YES))
    m, y = expiry(rng)
    cvv = draw(rng, "cvv")[: 4 if net == "amex" else 3]
    if len(c.row.turns) < 11:
        c.agent(pick(rng, ASK_EXP))
        exp = expiry_text(rng, m, y, c.raw)
        cv = say_digits(rng, cvv) if c.raw else cvv
        c.uf(pick(rng, GIVE_EXP), _b("expiry", exp), _b("cvv", cv))
    if maybe(rng, 0.25) and len(c.row.turns) < 11:
        c.agent(pick(rng, ZIP_ASK))
        c.uf(pick(rng, ["{}.", "It's {}.", "{}"]), c.look("zip"))
    if maybe(rng, 0.55):
        c.tool_call(
            "charge_card",
            {
                "card_number": Pii("card", pan),
                "exp": _b("expiry", f"{m:02d}/{y}"),
                "cvv": _b("cvv", cvv),
                "amount": _b("amount", amount.text.replace("$", "").replace(",", "")),
                "currency": "USD",
            },
        )
        c.tool_result(
            {
                "status": "approved",
                "auth_code": _b("confirmation_code", draw(rng, "confirmation_code")[:6]),
                "transaction_id": _b("transaction_id", draw(rng, "transaction_id")),
                "card": _b("masked_card", f"**** {pan[-4:]}"),
            }
        )
    if maybe(rng, 0.6):
        name = NETWORK_NAMES[net]
        c.af(
            pick(
                rng,
                [
                    "That went through on the " + name + " {}.",
                    "Approved — charged to your " + name + " {}.",
                    "All set, the card {} was charged.",
                    "Payment's done, card {}, you'll see it in a day or two.",
                ],
            ),
            _b(
                "masked_card",
                pick(rng, [f"ending in {pan[-4:]}", f"ending {pan[-4:]}", f"**** {pan[-4:]}"]),
            ),
        )


def _b(cls: str, text: str) -> Benign:
    return Benign(cls, text)


# ---------------------------------------------------------------- IBAN

ASK_IBAN = (
    "I'll need the IBAN of the account you want us to pay {}.",
    "Can you read me your IBAN off a statement {}?",
    "Which IBAN should we put on the form {}?",
    "Please give me the full IBAN {}, starting with the two country letters.",
)
GIVE_IBAN = ("It's {}.", "Okay, {}.", "{}", "Right, it's {}", "Let me read it off the card: {}.")


def iban_step(c: Call, split: bool = False) -> None:
    rng = c.rng
    code = iban(rng)
    c.tags.add(f"iban.country.{code[:2]}")
    c.agent(pick(rng, ASK_IBAN).format(c.biz.iban_for))

    def said(t: str) -> str:
        return iban_spoken(rng, t) if c.raw else iban_text(rng, t)

    if split:
        c.tags.add("iban.split")
        cut = 4 * rng.randint(2, max(2, len(code) // 4 - 1))
        a, b = code[:cut], code[cut:]
        c.uf(
            pick(rng, ["{}", "Okay, {}…", "It's {}"]),
            Pii("iban", said(a) if c.raw else stdiban.format(a), split=True),
        )
        c.agent(pick(rng, ["Yes, go on.", "Mm-hm.", "Okay."]))
        c.uf(
            pick(rng, ["{}", "and {}", "{}, that's the end"]),
            Pii("iban", said(b) if c.raw else stdiban.format(b), split=True),
        )
    else:
        c.uf(pick(rng, GIVE_IBAN), Pii("iban", said(code)))
    if maybe(rng, 0.55):
        c.tags.add("readback")
        c.af(pick(rng, READ_BACK), Pii("iban", stdiban.format(code)))
        c.user(pick(rng, YES))
    if code[:2] == "GB" and maybe(rng, 0.5):
        c.af(
            "And the sort code is {}, is that right?",
            _b("sort_code", f"{code[8:10]}-{code[10:12]}-{code[12:14]}"),
        )
        c.user(pick(rng, YES))
    elif maybe(rng, 0.3):
        c.agent("Would you have the BIC, or the SWIFT code, for that bank handy as well?")
        c.uf(
            pick(rng, ["Yes, the bank's is {}.", "It's {}, it's on the letter.", "Hang on… {}"]),
            _b("bic", draw(rng, "bic") if not c.raw else " ".join(draw(rng, "bic").lower())),
        )
    if maybe(rng, 0.5):
        c.tool_call(
            "set_payout_account",
            {
                "iban": Pii("iban", code),
                "holder": f"{c.first.title()} {c.last.title()}",
                "amount": _b("amount", draw(rng, "amount")),
            },
        )


# ---------------------------------------------------------------- SSN

ASK_SSN = (
    "I'll need your Social Security number {}.",
    "Can I have your full social {}?",
    "And your SSN, please — that's {}.",
    "To continue I need the nine-digit Social Security number, {}.",
)
GIVE_SSN = ("It's {}.", "Sure, {}.", "{}", "Okay, {}.", "Uh, yeah. {}.", "My social is {}.")


def ssn_step(c: Call, split: bool = False) -> None:
    rng = c.rng
    s = ssn(rng)
    c.agent(pick(rng, ASK_SSN).format(c.biz.ssn_for))
    if maybe(rng, 0.2):  # the caller offers the last four first
        last4 = say_digits(rng, s[5:]) if c.raw else s[5:]
        c.uf(
            pick(
                rng,
                ["The last four are {}.", "Do you just need the last four? {}", "Last four is {}"],
            ),
            _b("last_four", last4),
        )
        c.agent(
            pick(
                rng,
                [
                    "I'm afraid the system won't take it without all nine digits for this one.",
                    "For a brand-new application I need the full number, sorry about that.",
                ],
            )
        )
    said = ssn_spoken(rng, s) if c.raw else ssn_text(rng, s)
    if split:
        c.tags.add("ssn.split")
        a, b = (s[:3], s[3:]) if maybe(rng, 0.5) else (s[:5], s[5:])
        pa = say_digits(rng, a) if c.raw else a
        pb = say_digits(rng, b) if c.raw else b
        c.uf(pick(rng, ["{}", "It's {}…", "Okay, {}"]), Pii("ssn", pa, split=True))
        c.agent(pick(rng, ["Okay.", "Mm-hm, and?", "Go on."]))
        c.uf(pick(rng, ["{}", "then {}", "{}."]), Pii("ssn", pb, split=True))
    else:
        c.uf(pick(rng, GIVE_SSN), Pii("ssn", said))
    r = rng.random()
    if r < 0.3:
        c.tags.add("readback")
        c.af(pick(rng, READ_BACK), Pii("ssn", f"{s[:3]}-{s[3:5]}-{s[5:]}"))
        c.user(pick(rng, YES))
    elif r < 0.65:
        c.af(
            pick(
                rng,
                [
                    "Thank you, I have the one ending {}.",
                    "Thanks — ending in {}, correct?",
                    "Got it, last four {}.",
                ],
            ),
            _b("last_four", s[5:]),
        )
    if maybe(rng, 0.55):
        c.tool_call(
            "verify_identity",
            {
                "ssn": Pii("ssn", s if maybe(rng, 0.5) else f"{s[:3]}-{s[3:5]}-{s[5:]}"),
                "dob_checked": False,
            },
        )
        c.tool_result(
            {
                "match": True,
                "ssn_last4": _b("last_four", s[5:]),
                "case": _b("case_number", draw(rng, "case_number")),
            }
        )


# ---------------------------------------------------------------- look-alike talk


APPOINTMENT = {
    "vet",
    "dentist",
    "clinic",
    "dmv",
    "moving",
    "isp",
    "autorepair",
    "property",
    "energy",
    "legal",
    "pharmacy",
    "gym",
}
NOUN = {
    "amount": ("a balance of {}", "{} still owing", "a charge for {}"),
    "date": ("the last visit on {}", "an update from {}", "a note dated {}"),
    "time": ("a booking at {}", "a slot held for {}"),
    "address": ("the service address {}", "{} as the address"),
    "quantity": ("{} on the inventory",),
    "percentage": ("a rate of {}", "{} on the current loan"),
    "weight": ("a weight of {} at the last visit",),
    "speed": ("the {} plan",),
    "odometer": ("{} at check-in",),
    "version": ("app version {}",),
    "extension": ("your adjuster at {}",),
    "promo_code": ("the code {} applied",),
    "business_phone": ("the store's line {}",),
    "gift_receipt": ("gift receipt {}",),
    "meter_reading": ("the last reading, {}",),
    "routing_number": ("our routing number {}",),
    "masked_card": ("the card {}",),
    "unit_number": ("{} on the lease",),
}


def _noun(c: Call, cls: str) -> tuple[str, Benign]:
    from pii_heldout8_look import ID_WORDS

    frames = NOUN.get(cls)
    if frames is None:
        word = ID_WORDS.get(cls, cls.replace("_", " "))
        word = {
            "ein": "EIN",
            "vin": "VIN",
            "npi": "NPI",
            "imei": "IMEI",
            "iccid": "SIM number",
            "mac_address": "MAC address",
            "bic": "BIC",
        }.get(cls, word)
        frames = (word + " {}",)
    return pick(c.rng, frames), c.alook(cls, c.known.get(cls))


def schedule(c: Call) -> None:
    rng = c.rng
    d, t = c.alook("date"), c.alook("time")
    if c.biz.key in APPOINTMENT:
        frames = [
            "I have {} at {} open. Does that work?",
            "The next opening is {} at {}.",
            "How about {}, {}?",
            "We could do {} around {}, would that suit?",
        ]
    else:
        frames = [
            "I'll have someone call you back {} at {}.",
            "A specialist will follow up on {}, around {}.",
            "You should hear from us by {}, {} at the latest.",
        ]
    c.af(pick(rng, frames), d, t)
    c.user(
        pick(
            rng,
            [
                "That works.",
                "Yeah that's fine.",
                "Perfect.",
                "Okay, thanks.",
                "Anything earlier? Actually, no, forget it, that slot's fine.",
                "Sure.",
            ],
        )
    )


def details(c: Call) -> None:
    """The agent reads out what is on file: ids, amounts, dates."""
    rng = c.rng
    classes = sorted(set(c.biz.extra))
    rng.shuffle(classes)
    (f1, b1), (f2, b2) = _noun(c, classes[0]), _noun(c, classes[1])
    frame = pick(
        rng,
        [
            "I see {} and {} on your file.",
            "Okay, it shows {}, and {}.",
            "So I've got {} here, plus {}.",
            "Right, there's {} and {} on the account.",
        ],
    )
    c.af(_fmt(frame, f1, f2), b1, b2)


def _fmt(frame: str, f1: str, f2: str) -> str:
    a, b = frame.split("{}", 1)
    mid, end = b.split("{}", 1)
    return a + f1 + mid + f2 + end
