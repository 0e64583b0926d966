"""dev11 phone families: people's phones inside long calls full of phone-shaped look-alikes."""

from __future__ import annotations

import random
import string

import phonenumbers
from pii_dev11_kit import Call, Phone, business_line, digits, pick, speak
from pii_dev11_neg import ack, close_call, fill, fits, ids, open_call
from pii_rows import Benign, Pii, Row, maybe


def _tag(c: Call, p: Phone, form: str) -> None:
    c.tag(f"phone.region.{p.region}", f"phone.form.{form}", "aim.phone_precision")


def _give(c: Call, p: Phone) -> tuple[str, str]:
    """The caller's turn text for the number and its form tag."""
    rng = c.rng
    if c.smart and maybe(rng, 0.65):
        return p.typed(), "typed"
    return p.spoken(c.smart), "spoken"


def _readback(c: Call, p: Phone) -> str:
    if p.nanp:
        return c.rng.choice((p.national, p.national, p.e164, p.typed()))
    return c.rng.choice((p.intl, p.national, p.e164))


ASK = (
    "What's the best number to reach you on these days?",
    "Can I get a callback number, just in case the line drops?",
    "What phone number should we put on the account?",
    "And a good contact number for you?",
    "Which number should the technician call when they're on the way?",
    "What number would you like the text alerts to go to?",
)
GIVE_A = (
    "It's ",
    "Yeah, it's ",
    "Sure, ",
    "Um, ",
    "My cell is ",
    "You can use ",
    "Best is my mobile, ",
    "",
)
GIVE_Z = (
    "",
    ".",
    ", that's my cell.",
    ", that's the mobile.",
    " thanks",
    ", either time of day is fine.",
)


def phone_long(rng: random.Random) -> Row:
    """A long call with look-alikes around the caller's own number, read back, saved by a tool."""
    c = Call(rng, "d11.phone_long")
    p = Phone(rng, kind="mobile" if maybe(rng, 0.75) else "fixed")
    open_call(c)
    fill(c, rng.randint(1, 3))
    c.agent(rng.choice(ASK))
    said, form = _give(c, p)
    c.user(pick(rng, *GIVE_A), Pii("phone", said), pick(rng, *GIVE_Z))
    _tag(c, p, form)
    if maybe(rng, 0.7):
        c.agent(
            pick(rng, "Let me read that back: ", "So that's ", "Thanks, I have ", "Okay, "),
            Pii("phone", _readback(c, p)),
            pick(rng, ", correct?", ". Is that right?", "?", ", got it."),
        )
        c.user(pick(rng, "Yes.", "yep that's right", "Correct.", "Mm-hm.", "yeah"))
    if maybe(rng, 0.6):
        cid = Benign("customer_id", digits(rng, rng.choice((9, 10))))
        c.tool_call(
            "update_contact",
            [
                ("customer_id", cid),
                ("phone", Pii("phone", p.e164)),
                ("sms_opt_in", maybe(rng, 0.5)),
            ],
        )
        c.tool(
            [
                ("ok", True),
                ("customer_id", Benign("customer_id", cid.text)),
                ("updated", ["phone"]),
                ("ticket", Benign("case_number", digits(rng, 8))),
            ]
        )
        c.tag("phone.form.json")
    fill_rest(c)
    close_call(c)
    return c.row


def fill_rest(c: Call) -> None:
    """More look-alikes after the PII, while the call stays within 14 turns."""
    room = 12 - c.turns()
    if room >= 2:
        segs = fits(c)
        for seg in c.rng.sample(segs, min(room // 3 + 1, 2, len(segs))):
            if c.turns() > 9:
                break
            ack(c)
            seg(c)


def phone_calling_about(rng: random.Random) -> Row:
    """The caller is calling about a number of their own (porting, spam, a lost line)."""
    c = Call(
        rng,
        "d11.phone_calling_about",
        biz=rng.choice(
            (
                ("telecom", "Brightwave Mobile", "brightwave.com"),
                ("telecom", "Skyline Wireless", "skylinewireless.net"),
                ("isp", "FiberNest Internet", "fibernest.net"),
            )
        ),
    )
    p = Phone(rng, kind="mobile")
    said, form = _give(c, p)
    open_call(c, reason=False)
    c.user(
        pick(
            rng,
            "Hi, I'm calling about my number, ",
            "Yeah hi, I'm calling about the line ",
            "Hello, this is regarding my phone number ",
            "Hi, it's about ",
            "I'm calling about ",
        ),
        Pii("phone", said),
        pick(
            rng,
            ", it stopped working yesterday.",
            ", I want to port it out.",
            ", I keep getting spam texts on it.",
            ", my daughter's using it and it's been cut off.",
            ". I lost the phone.",
        ),
    )
    _tag(c, p, form)
    c.tag("phone.calling_about")
    word, acct = ids(c, "account_number")
    c.agent("I can help with that. Can you verify the " + word + " on the line?")
    c.user(pick(rng, "It's ", "Sure ", ""), acct)
    c.tool_call(
        "get_line",
        [("msisdn", Pii("phone", p.e164)), ("account_number", Benign("account_number", c.last_id))],
    )
    c.tool(
        [
            ("msisdn", Pii("phone", p.e164)),
            ("status", rng.choice(("suspended", "active", "port_pending"))),
            ("imei", Benign("imei", digits(rng, 15, "3"))),
            ("plan_id", Benign("plan_id", digits(rng, 6))),
            ("port_out_pin", Benign("pin", digits(rng, 4))),
            ("care_line", Benign("business_phone", business_line(rng))),
        ]
    )
    c.agent(
        pick(rng, "Thanks. I see the line ending ", "Okay, the line ending in "),
        Benign("last_four", p.e164[-4:]),
        pick(
            rng,
            " is suspended for non-payment.",
            " has a port request pending.",
            " is active on our side.",
        ),
    )
    fill_rest(c)
    close_call(c)
    return c.row


def phone_sms(rng: random.Random) -> Row:
    """An SMS tool: `to` is the caller's mobile, `from` the company's short code or line."""
    c = Call(rng, "d11.phone_sms")
    p = Phone(rng, kind="mobile")
    open_call(c)
    fill(c, rng.randint(1, 2))
    c.agent(
        pick(
            rng,
            "I can text you a secure link to finish the payment. ",
            "I'll send a verification code by text. ",
            "I can text you the tracking link. ",
        ),
        pick(
            rng,
            "Which mobile should I send it to?",
            "What's the mobile number?",
            "Is the number on file still good?",
        ),
    )
    said, form = _give(c, p)
    c.user(pick(rng, *GIVE_A), Pii("phone", said), pick(rng, *GIVE_Z))
    _tag(c, p, form)
    sender = Benign("short_code", rng.choice((digits(rng, 5), digits(rng, 6), business_line(rng))))
    code = Benign("otp", digits(rng, 6, string.digits))
    body = pick(rng, "Your verification code is ", "Use code ", "Code: ")
    c.tool_call(
        "send_sms",
        [
            ("to", Pii("phone", p.e164)),
            ("from", sender),
            ("template", "verify"),
            ("body_preview", body + "******"),
        ],
    )
    c.tool(
        [
            ("sid", "SM" + "".join(rng.choice("0123456789abcdef") for _ in range(32))),
            ("to", Pii("phone", p.e164)),
            ("from", Benign("short_code", sender.text)),
            ("status", "queued"),
            ("segments", 1),
        ]
    )
    c.tag("phone.form.json", "phone.sms_tool")
    c.agent(
        pick(
            rng,
            "Sent. Can you read me the code?",
            "It's on its way, could you read the code back to me?",
        )
    )
    c.user(
        pick(rng, "It's ", "Okay it says ", "", "Uh, "),
        Benign("otp", code.text if c.smart else " ".join(code.text)),
    )
    fill_rest(c)
    close_call(c)
    return c.row


RELATIONS = (
    ("my wife's", "her"),
    ("my husband's", "his"),
    ("my son's", "his"),
    ("my mother's", "her"),
    ("my partner's", "their"),
    ("my daughter's", "her"),
)


def phone_other_person(rng: random.Random) -> Row:
    """A person's phone that isn't the caller's: spouse, emergency contact, a clinic's patient."""
    if maybe(rng, 0.4):
        return _patient(rng)
    c = Call(rng, "d11.phone_other_person")
    p = Phone(rng, kind="mobile")
    rel, pron = rng.choice(RELATIONS)
    open_call(c)
    fill(c, rng.randint(1, 2))
    c.agent(
        pick(
            rng,
            "Would you like to add an emergency contact?",
            "Do you want to add a second authorized user?",
            "Is there another number we can try if we can't reach you?",
        )
    )
    said, form = _give(c, p)
    c.user(
        pick(rng, "Yeah, put ", "Sure, use ", "You can add "),
        rel,
        pick(rng, " cell, ", " number, ", " mobile, it's "),
        Pii("phone", said),
        pick(rng, "", ".", f", {pron} name's on the account too."),
    )
    _tag(c, p, form)
    c.tag("phone.owner.relative")
    if maybe(rng, 0.5):
        c.agent("Got it, ", Pii("phone", _readback(c, p)), ".")
    line = Benign("business_phone", business_line(rng))
    c.agent(
        pick(
            rng, "And if you need us, the direct line is ", "For anything else our support line is "
        ),
        line,
        ".",
    )
    fill_rest(c)
    close_call(c)
    return c.row


def _patient(rng: random.Random) -> Row:
    c = Call(
        rng,
        "d11.phone_other_person",
        biz=rng.choice(
            (
                ("clinic", "Riverside Family Medicine", "riversidefm.org"),
                ("clinic", "Lakeshore Dental Group", "lakeshoredental.com"),
                ("pharmacy", "CareWell Pharmacy", "carewellrx.com"),
            )
        ),
    )
    p = Phone(rng, kind=rng.choice(("mobile", "fixed")))
    c.smart = True
    c.agent("Hi, this is the front desk at ", c.company, ". How can I help?")
    c.user(
        pick(rng, "Hi, this is Dr. ", "Hello, it's Dr. "),
        rng.choice(("Alvarez", "Chen", "Okoye", "Brennan")),
        pick(rng, "'s office at Mercy General. ", " from the cardiology clinic. "),
        "We need to reach a patient of yours, ",
        c.first,
        " ",
        c.last,
        ".",
    )
    mrn = Benign("mrn", digits(rng, rng.choice((7, 8, 9))))
    c.tool_call("find_patient", [("last_name", c.last), ("mrn", mrn)])
    c.tool(
        [
            ("mrn", Benign("mrn", mrn.text)),
            ("name", f"{c.first} {c.last}"),
            ("mobile", Pii("phone", p.e164)),
            ("pcp_phone", Benign("business_phone", business_line(rng))),
            (
                "dob",
                Benign(
                    "date",
                    f"19{rng.randint(40, 99)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                ),
            ),
        ]
    )
    c.agent(
        pick(rng, "The number we have for the patient is ", "Our records show "),
        Pii("phone", p.national if maybe(rng, 0.6) else p.intl),
        pick(rng, ". Our fax is ", ". If you need records, fax us on "),
        Benign(
            "fax", business_line(rng, p.region if p.region in ("US", "CA", "GB", "AU") else "US")
        ),
        ".",
    )
    c.user(
        pick(rng, "Perfect, and our callback is ", "Thanks. If the patient calls, our line is "),
        Benign("business_phone", business_line(rng)),
        ", extension ",
        Benign("extension", str(rng.randint(100, 9999))),
        ".",
    )
    _tag(c, p, "json")
    c.tag("phone.owner.patient")
    close_call(c)
    return c.row


def phone_split(rng: random.Random) -> Row:
    """A number said over two or three turns, the agent echoing a group between them."""
    c = Call(rng, "d11.phone_split")
    p = Phone(rng, region="US" if maybe(rng, 0.5) else None, kind="mobile")
    groups = p.nat_groups if len(p.nat_groups) > 1 else [p.nat_groups[0][:-4], p.nat_groups[0][-4:]]
    open_call(c)
    fill(c, rng.randint(1, 3))
    c.agent(rng.choice(ASK))
    cut = rng.randint(1, len(groups) - 1)
    first, rest = groups[:cut], groups[cut:]

    def part(gs: list[str]) -> str:
        if c.smart and maybe(rng, 0.6):
            return " ".join(gs)
        return speak(rng, gs, c.smart, noise=0.2)

    a = part(first)
    c.user(
        pick(rng, "Okay it's ", "Sure, ", "Um, area code ", ""),
        Pii("phone", a, split=True),
        pick(rng, "...", "", ", um"),
    )
    if maybe(rng, 0.5):
        c.agent(
            Pii("phone", " ".join(first), split=True), pick(rng, ". Go on.", ", yes?", ". Next?")
        )
    else:
        c.agent(pick(rng, "Mm-hm.", "Go ahead.", "Okay."))
    c.user(Pii("phone", part(rest), split=True), pick(rng, ".", "", " that's it"))
    _tag(c, p, "split")
    c.agent(pick(rng, "Thanks, I've got ", "So, "), Pii("phone", _readback(c, p)), ".")
    fill_rest(c)
    close_call(c)
    return c.row


def phone_correction(rng: random.Random) -> Row:
    """The agent reads back a wrong number (a real-looking one), the caller corrects a group."""
    c = Call(rng, "d11.phone_correction")
    p = Phone(rng, kind="mobile")
    open_call(c)
    fill(c, rng.randint(1, 2))
    c.agent(rng.choice(ASK))
    said, form = _give(c, p)
    c.user(pick(rng, *GIVE_A), Pii("phone", said))
    _tag(c, p, form)
    c.tag("phone.corrected")
    ds = p.e164
    for _ in range(30):
        i = rng.randint(len(ds) - 4, len(ds) - 1)
        wrong = ds[:i] + rng.choice([d for d in "0123456789" if d != ds[i]]) + ds[i + 1 :]
        if phonenumbers.is_valid_number(phonenumbers.parse(wrong)):
            break
    else:
        wrong = ""
    if wrong:
        w = phonenumbers.format_number(
            phonenumbers.parse(wrong), phonenumbers.PhoneNumberFormat.NATIONAL
        )
        c.agent("I have ", Pii("phone", w), ", is that right?")
        c.user(
            pick(rng, "No, the end is ", "no it ends in ", "Not quite, last four are "),
            Benign("last_four", ds[-4:] if c.smart else " ".join(ds[-4:])),
            pick(rng, ".", "", " not what you said"),
        )
        c.agent("Sorry about that, so ", Pii("phone", _readback(c, p)), ".")
    fill_rest(c)
    close_call(c)
    return c.row


def phone_neg(rng: random.Random) -> Row:
    """A long call of phone-shaped look-alikes only: ids, business lines, dates, addresses."""
    c = Call(rng, "d11.phone_neg")
    c.tag("aim.phone_precision", "aim.false_alarm")
    open_call(c)
    fill(c, rng.randint(2, 4))
    close_call(c)
    return c.row
