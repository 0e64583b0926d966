"""dev11 SSNs (said every way, over turns, in tool JSON), cards, IBANs, and their look-alikes."""

from __future__ import annotations

import random
import string

from pii_dev11_kit import (
    BUSINESSES,
    Call,
    alpha,
    card,
    card_groups,
    digits,
    ein,
    iban,
    iban_print,
    itin,
    pair,
    pick,
    singles,
    speak,
    spell,
    ssn,
    ssn_dash,
)
from pii_dev11_neg import close_call, fill, ids, open_call
from pii_rows import Benign, Pii, Row, maybe
from stdnum import luhn

SSN_BIZ = tuple(
    b
    for b in BUSINESSES
    if b[0] in ("bank", "tax", "payroll", "benefits", "mortgage", "university")
)
SSN_KEYS = (
    "ssn",
    "social",
    "tax_id",
    "taxpayer_id",
    "tin",
    "ssn_full",
    "social_security_number",
    "national_id",
)


def ssn_said(c: Call, s: str) -> tuple[str, str]:
    """An SSN as the caller's STT writes it, and a form tag."""
    rng = c.rng
    g = [s[:3], s[3:5], s[5:]]
    if c.smart and maybe(rng, 0.5):
        return rng.choice(
            (ssn_dash(s), f"{g[0]} {g[1]} {g[2]}", s, f"{g[0]}-{g[1]}-{g[2]}")
        ), "digits"
    form = rng.choice(("singles", "pairs", "mixed", "dash", "ungrouped"))
    if form == "dash":
        return " dash ".join(singles(rng, x, c.smart) for x in g), form
    if form == "ungrouped":
        return singles(rng, s, c.smart), form
    if form == "pairs":
        return (
            " ".join(
                (
                    singles(rng, g[0], c.smart),
                    pair(rng, g[1], c.smart),
                    speak(rng, [g[2]], c.smart, "pairs"),
                )
            ),
            form,
        )
    return speak(rng, g, c.smart, "mixed", noise=0.3), form


ASK_SSN = (
    "To verify your identity, can I have your Social Security number?",
    "I'll need the full social to pull up the file.",
    "Could you give me your SSN, please?",
    "And the Social Security number for the primary account holder?",
)


def ssn_spoken(rng: random.Random) -> Row:
    c = Call(rng, "d11.ssn_spoken", biz=rng.choice(SSN_BIZ))
    c.tag("aim.ssn_recall")
    s = ssn(rng)
    open_call(c)
    fill(c, rng.randint(1, 2))
    c.agent(rng.choice(ASK_SSN))
    said, form = ssn_said(c, s)
    c.tag(f"ssn.form.{form}")
    c.user(
        pick(rng, "Sure, it's ", "Yeah, ", "Okay, ", "Um, ", "It's "),
        Pii("ssn", said),
        pick(rng, ".", "", ", sorry,  I always have to think about it."),
    )
    r = rng.random()
    if r < 0.4:
        c.agent(
            pick(rng, "Thank you, I have ", "Let me read that back, "),
            Pii("ssn", ssn_dash(s)),
            pick(rng, ".", ", is that correct?"),
        )
        c.tag("ssn.readback")
    elif r < 0.7:
        c.agent(
            pick(rng, "Thanks, the one ending in ", "Got it, ending "),
            Benign("ssn_last4", s[5:]),
            pick(rng, ", verified.", ". That matches."),
        )
    c.tool_call(
        "verify_identity",
        [
            (rng.choice(SSN_KEYS), Pii("ssn", rng.choice((s, ssn_dash(s))))),
            (
                "dob",
                Benign(
                    "date",
                    f"19{rng.randint(45, 99)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                ),
            ),
        ],
    )
    c.tool(
        [
            ("verified", True),
            ("case_id", Benign("case_number", digits(rng, 9))),
            ("score", rng.randint(60, 99)),
        ]
    )
    c.tag("ssn.json")
    fill(c, rng.randint(0, 2))
    close_call(c)
    return c.row


def ssn_split(rng: random.Random) -> Row:
    """An SSN over two or three turns, the agent prompting (or echoing) between them."""
    c = Call(rng, "d11.ssn_split", biz=rng.choice(SSN_BIZ))
    c.tag("aim.ssn_recall", "ssn.form.split")
    s = ssn(rng)
    g = [s[:3], s[3:5], s[5:]]
    open_call(c)
    fill(c, rng.randint(0, 2))
    c.agent(rng.choice(ASK_SSN))
    chunks = [g[0], g[1] + g[2]] if maybe(rng, 0.4) else g
    if len(chunks) == 2 and maybe(rng, 0.5):
        chunks = [g[0] + g[1], g[2]]
    for i, ch in enumerate(chunks):
        txt = (
            ch
            if c.smart and maybe(rng, 0.5)
            else (
                singles(rng, ch, c.smart) if maybe(rng, 0.6) else speak(rng, [ch], c.smart, "pairs")
            )
        )
        lead = (
            pick(rng, "It's ", "Okay, ", "Uh, ", "") if i == 0 else pick(rng, "", "then ", "and ")
        )
        c.user(
            lead,
            Pii("ssn", txt, split=True),
            pick(rng, "...", "", ",") if i < len(chunks) - 1 else pick(rng, ".", ""),
        )
        if i < len(chunks) - 1:
            if maybe(rng, 0.4):
                c.agent(Pii("ssn", ch, split=True), pick(rng, ", go on.", ". Next?", ", okay."))
            else:
                c.agent(pick(rng, "Mm-hm.", "Okay.", "Go ahead.", "Yes?"))
    c.agent(pick(rng, "Thank you, that's verified.", "Great, that matches what we have."))
    fill(c, rng.randint(0, 2))
    close_call(c)
    return c.row


def ssn_tool(rng: random.Random) -> Row:
    """SSNs in tool JSON under many keys; a business's EIN or an ITIN under the same keys is not."""
    c = Call(rng, "d11.ssn_tool", biz=rng.choice(SSN_BIZ))
    c.tag("aim.ssn_recall", "ssn.json")
    s = ssn(rng)
    key = rng.choice(SSN_KEYS)
    val = rng.choice((s, ssn_dash(s), s, f"{s[:3]} {s[3:5]} {s[5:]}"))
    open_call(c)
    word, acct = ids(c, "account_number")
    c.agent("Can I get your " + word + "?")
    c.user(pick(rng, "It's ", ""), acct)
    c.tool_call("get_client", [("account", Benign("account_number", c.last_id))])
    fields = [
        ("client_id", Benign("customer_id", digits(rng, 9))),
        ("name", f"{c.first} {c.last}"),
        (key, Pii("ssn", val)),
        ("filing_status", rng.choice(("single", "married_joint", "head_of_household"))),
        ("refund", Benign("amount", f"{rng.randint(100, 6000)}.{rng.randint(0, 99):02d}")),
    ]
    c.tag(f"ssn.key.{key}")
    if maybe(rng, 0.5):
        emp = Benign("ein", rng.choice((ein(rng), ein(rng).replace("-", ""))))
        fields.append(
            (
                "employer",
                [
                    (
                        "name",
                        rng.choice(
                            ("Acme Logistics LLC", "Bayview Dental PC", "Greenleaf Foods Inc")
                        ),
                    ),
                    ("taxpayer_id" if key != "taxpayer_id" else "ein", emp),
                ],
            )
        )
    if maybe(rng, 0.35):
        fields.append(
            (
                "dependent",
                [("name", rng.choice(("Leo", "Ava", "Mia"))), ("itin", Benign("itin", itin(rng)))],
            )
        )
    if maybe(rng, 0.3):
        fields.append(
            (
                "prior_claim",
                Benign(
                    "claim_number",
                    "-".join(
                        (
                            digits(rng, 3),
                            digits(rng, 2, string.digits),
                            digits(rng, 4, string.digits),
                        )
                    ),
                ),
            )
        )
    c.tool(fields)
    c.agent(
        pick(
            rng,
            "Thanks. For security, can you confirm the last four of your social?",
            "I just need the last four of your Social to confirm.",
        )
    )
    c.user(
        pick(rng, "It's ", "", "Sure, "),
        Benign("ssn_last4", s[5:] if c.smart else singles(rng, s[5:], False)),
    )
    c.agent(
        pick(rng, "That matches. Your refund of ", "Thanks. I see a refund of "),
        Benign("amount", f"${rng.randint(100, 6000):,}"),
        pick(rng, " was issued on ", " is scheduled for "),
        Benign("date", f"{rng.choice(('March', 'April', 'May'))} {rng.randint(1, 28)}"),
        ".",
    )
    close_call(c)
    return c.row


def ssn_neg(rng: random.Random) -> Row:
    """SSN-shaped look-alikes: EINs, claim numbers in 3-2-4 shape, ITINs, the last four alone."""
    c = Call(rng, "d11.ssn_neg", biz=rng.choice(SSN_BIZ))
    c.tag("aim.ssn_recall", "aim.false_alarm")
    open_call(c)
    opts = ["ein", "claim", "itin", "last4"]
    rng.shuffle(opts)
    for kind in opts[: rng.randint(2, 4)]:
        if kind == "ein":
            e = ein(rng)
            c.user(
                pick(
                    rng,
                    "It's for my business, the EIN is ",
                    "Our federal tax ID is ",
                    "the employer ID number is ",
                ),
                Benign("ein", e if c.smart else speak(rng, e.split("-"), False, "singles", 0.1)),
            )
            c.agent("Thanks, I have the business tax ID ", Benign("ein", e), ".")
        elif kind == "claim":
            cl = f"{digits(rng, 3)}-{digits(rng, 2, string.digits)}-{digits(rng, 4, string.digits)}"
            c.user(
                pick(
                    rng,
                    "The claim number on the letter is ",
                    "I have a claim number, ",
                    "reference ",
                ),
                Benign(
                    "claim_number",
                    cl if c.smart else speak(rng, cl.split("-"), False, "singles", 0.1),
                ),
            )
            c.tool_call("get_claim", [("claim_number", Benign("claim_number", cl))])
            c.tool(
                [
                    ("claim_number", Benign("claim_number", cl)),
                    ("status", "in_review"),
                    (
                        "adjuster_line",
                        Benign(
                            "business_phone",
                            "1-800-"
                            + digits(rng, 3, "23456789")
                            + "-"
                            + digits(rng, 4, string.digits),
                        ),
                    ),
                ]
            )
        elif kind == "itin":
            it = itin(rng)
            c.user(
                pick(rng, "I don't have a social, I have an ITIN, ", "My ITIN is "),
                Benign("itin", it if c.smart else speak(rng, it.split("-"), False, "singles", 0.1)),
            )
        else:
            l4 = str(rng.randint(1000, 9999))
            c.agent("Can you confirm the last four digits of your Social?")
            c.user(
                pick(rng, "", "Yeah it's ", "last four "),
                Benign("ssn_last4", l4 if c.smart else singles(rng, l4, False)),
            )
    close_call(c)
    return c.row


# ---------------------------------------------------------------- cards


def _hundred_pan(rng: random.Random) -> str:
    """A 16-digit PAN with a group XY00 followed by a group starting 0 ("... hundred o nine")."""
    while True:
        _, pan = card(rng, rng.choice(("visa", "mastercard", "discover")))
        if len(pan) != 16:
            continue
        body = (
            pan[:4]
            + str(rng.randint(10, 99))
            + "00"
            + "0"
            + str(rng.randint(1, 9))
            + digits(rng, 5, string.digits)
        )
        return body + luhn.calc_check_digit(body)


def _say_group(c: Call, g: str) -> str:
    rng = c.rng
    if c.smart and maybe(rng, 0.6):
        return g
    return speak(rng, [g], c.smart, rng.choice(("singles", "pairs")), 0)


def card_read(rng: random.Random) -> Row:
    """A card read group by group: the agent echoes a group ("4077. Next?"), a group is said
    twice, or "twenty three hundred o nine"; then expiry, CVV and a masked reference."""
    c = Call(
        rng,
        "d11.card_read",
        biz=rng.choice(
            tuple(
                b
                for b in BUSINESSES
                if b[0] in ("utility", "telecom", "retail", "isp", "hotel", "gym", "vet")
            )
        ),
    )
    c.tag("aim.false_alarm")
    mode = rng.choice(("echo", "twice", "hundred"))
    c.tag(f"card.{mode}")
    pan = _hundred_pan(rng) if mode == "hundred" else card(rng)[1]
    gs = card_groups(pan)
    open_call(c)
    fill(c, rng.randint(0, 1) if mode == "echo" else rng.randint(1, 2))
    c.agent(
        pick(rng, "I can take that payment now. ", "Okay, let's get that paid. "),
        "What's the card number?",
    )
    if mode == "echo":
        for i, g in enumerate(gs):
            c.user(
                pick(rng, "", "", "Okay ", "um ") if i else pick(rng, "It's ", "Okay, "),
                Pii("card", _say_group(c, g), split=True),
            )
            if i < len(gs) - 1:
                c.agent(
                    Pii("card", g, split=True),
                    pick(rng, ". Next?", ", go on.", ". Okay.", ", yes."),
                )
    else:
        if mode == "twice":
            said = [_say_group(c, gs[0]), _say_group(c, gs[0])] + [_say_group(c, g) for g in gs[1:]]
        else:
            said = [_say_group(c, gs[0]), speak(rng, [gs[1]], c.smart, "pairs", 0)] + [
                speak(rng, [g], c.smart, "singles", 0) for g in gs[2:]
            ]
            said[2] = (
                ("oh " if c.smart else "o ") + said[2].split(" ", 1)[1]
                if said[2].split(" ")[0] in ("oh", "zero", "o")
                else said[2]
            )
        sep = ", " if c.smart else " "
        c.user(
            pick(rng, "Sure, it's ", "Okay, ", "Yeah, "),
            Pii("card", sep.join(said)),
            pick(rng, ".", ""),
        )
    c.agent(pick(rng, "And the expiry?", "Expiration date?"))
    exp = f"{rng.randint(1, 12):02d}/{rng.randint(26, 31)}"
    cvv = digits(rng, 4 if len(pan) == 15 else 3, string.digits)
    c.user(
        Benign(
            "expiry",
            exp if c.smart else f"{singles(rng, exp[:2], False)} {pair(rng, exp[3:], False)}",
        ),
        pick(rng, ", and the code on the back is ", ". CVV "),
        Benign("cvv", cvv if c.smart else singles(rng, cvv, False)),
    )
    c.agent(
        pick(rng, "Thank you. The payment of ", "Done, "),
        Benign("amount", f"${rng.randint(20, 900)}.{rng.randint(0, 99):02d}"),
        pick(rng, " on the card ending ", " was charged to the card ending in "),
        Benign("last_four", pan[-4:]),
        pick(rng, " went through. Confirmation ", ". Your confirmation number is "),
        Benign("confirmation_code", digits(rng, 10)),
        ".",
    )
    close_call(c)
    return c.row


# ---------------------------------------------------------------- IBANs

IBAN_BIZ = (
    ("bank", "Nordlicht Bank", "nordlicht-bank.de"),
    ("retail", "Maison Verte", "maisonverte.eu"),
    ("airline", "Aurora Air", "auroraair.com"),
    ("utility", "Eireann Power", "eireannpower.ie"),
)


def iban_said(c: Call, num: str) -> str:
    rng = c.rng
    if c.smart and maybe(rng, 0.5):
        return rng.choice((iban_print(num), num))
    chunks = [num[i : i + 4] for i in range(0, len(num), 4)]
    out = []
    for ch in chunks:
        letters = "".join(x for x in ch if x.isalpha())
        nums = "".join(x for x in ch if x.isdigit())
        piece = []
        if letters:
            piece.append(spell(rng, letters, c.smart) if maybe(rng, 0.7) else letters.lower())
        if nums:
            piece.append(
                singles(rng, nums, c.smart)
                if maybe(rng, 0.6)
                else speak(rng, [nums], c.smart, "pairs", 0)
            )
        out.append(" ".join(piece))
    return (", " if c.smart else " ").join(out)


def iban_call(rng: random.Random) -> Row:
    c = Call(rng, "d11.iban", biz=rng.choice(IBAN_BIZ))
    num = iban(rng)
    c.tag(f"iban.country.{num[:2]}")
    open_call(c)
    fill(c, rng.randint(0, 2))
    c.agent(
        pick(
            rng,
            "For the refund I'll need the IBAN of the account.",
            "Which IBAN should the direct debit come from?",
        )
    )
    c.user(pick(rng, "Okay, it's ", "Sure. ", ""), Pii("iban", iban_said(c, num)))
    c.agent(
        pick(rng, "Thanks, I have ", "Reading it back: "),
        Pii("iban", iban_print(num)),
        pick(rng, ". And the BIC?", ", correct? And the BIC code?"),
    )
    bic = alpha(rng, 4) + num[:2] + alpha(rng, 2)
    c.user(Benign("bic", bic if c.smart else spell(rng, bic, False)))
    c.tool_call(
        "create_mandate",
        [
            ("iban", Pii("iban", num)),
            ("bic", Benign("bic", bic)),
            ("mandate_ref", Benign("reference_number", "MD" + digits(rng, 10, string.digits))),
        ],
    )
    c.tool(
        [
            ("status", "created"),
            ("mandate_ref", Benign("reference_number", "MD" + digits(rng, 10, string.digits))),
            (
                "first_debit",
                Benign("date", f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"),
            ),
            ("amount_eur", Benign("amount", f"{rng.randint(10, 300)}.00")),
        ]
    )
    close_call(c)
    return c.row
