"""dev12's calls with look-alikes only (the false-alarm measure: every turn holding a number
that must stay), and its emails and IBANs: a caller's address said or typed beside a
company's mailboxes and websites, an IBAN for a wire beside a BIC, a routing number, an
account number and the wire's reference.
"""

from __future__ import annotations

import random

from pii_dev12_beats import LOOKS, code, letter, money, own_line, repeat_id, schedule, third_party
from pii_dev12_biz import BUSINESSES
from pii_dev12_call import Call, ask_id, close, greet, lookup, ok, room, start
from pii_dev12_ids import address, dollars, id_typed, said_id
from pii_dev12_kit import Num, digits, pick, speak, tool, words
from pii_dev12_num import IBAN_COUNTRIES, email, email_said, iban, iban_grouped, iban_said
from pii_rows import Benign, Pii, Row, maybe


def quiet_ids(rng: random.Random) -> Row:
    """Ids said, read back, looked up, repeated: no PII at all."""
    c = start(rng, "d12.quiet.ids", "aim.phone_precision")
    greet(c)
    ask_id(c)
    lookup(c)
    beats = [ask_id, repeat_id, schedule, money, code]
    rng.shuffle(beats)
    for beat in beats:
        if room(c, 3):
            beat(c)
    close(c)
    return c.row


def quiet_lines(rng: random.Random) -> Row:
    """Other businesses' lines and faxes and the business's own: phone-shaped, no person's."""
    c = start(rng, "d12.quiet.lines", "aim.phone_precision")
    greet(c)
    beats = [third_party, third_party, own_line, ask_id]
    beats += [
        pick(rng, (third_party, own_line, letter, schedule)) for _ in range(rng.randrange(1, 3))
    ]
    rng.shuffle(beats)
    for beat in beats:
        if room(c, 3):
            beat(c)
    close(c)
    return c.row


def quiet_mixed(rng: random.Random) -> Row:
    c = start(rng, "d12.quiet.mixed")
    greet(c)
    for _ in range(rng.randrange(3, 6)):
        if room(c, 3):
            pick(rng, LOOKS)(c)
    if maybe(rng, 0.5) and room(c, 2):
        c.bot("And the service address is ", address(rng, smart=True), "?")
        c.user(ok(rng))
    close(c)
    return c.row


# -- emails beside mailboxes and websites

ROLES = (
    "billing",
    "support",
    "claims",
    "records",
    "payments",
    "help",
    "care",
    "orders",
    "accounts",
)


def _domain(c: Call) -> str:
    return c.name.lower().replace("'", "").replace("&", "and").split()[0] + pick(
        c.rng, (".com", "health.com", "co.com", ".net")
    )


def mail(rng: random.Random) -> Row:
    c = start(rng, "d12.mail.contact", "aim.false_alarm")
    greet(c)
    domain = _domain(c)
    role = f"{pick(rng, ROLES)}@{domain}"
    if maybe(rng, 0.5):
        c.bot(
            "You can send the documents to ",
            Benign("role_address", role),
            ", or upload them at ",
            Benign("website", f"{domain}/upload"),
            ".",
        )
    else:
        spoken = role.replace("@", " at ").replace(".", " dot ")
        c.user(
            pick(rng, ("i already emailed ", "i wrote to ")),
            Benign("role_address", spoken),
            pick(rng, (" twice", " last week", " and nobody answered")),
        )
    address_ = email(rng)
    c.bot(
        pick(rng, ("What's the best email for you?", "Which email should the confirmation go to?"))
    )
    if c.raw or maybe(rng, 0.5):
        c.user(pick(rng, ("it's ", "sure ", "")), Pii("email", email_said(rng, address_)))
        c.row.tags.add("email.said")
    else:
        c.user(pick(rng, ("It's ", "")), Pii("email", address_))
        c.row.tags.add("email.typed")
    if maybe(rng, 0.6):
        c.bot("That's ", Pii("email", address_), ", right?")
        c.row.tags.add("email.readback")
        c.user(ok(rng))
    if room(c, 4):
        ask_id(c)
    if maybe(rng, 0.5) and room(c, 2):
        lookup(c)
    close(c)
    return c.row


# -- IBANs for a wire, beside the BIC, the routing number, the account number and the reference

WIRE_BIZ = tuple(
    b
    for b in BUSINESSES
    if b.kind in ("bank", "credit_union", "payroll_hr", "university", "property", "tax_prep")
)


def _bic(rng: random.Random, cc: str) -> str:
    bank = "".join(pick(rng, "ABCDEFGHKLMNPRSTUVW") for _ in range(4))
    return f"{bank}{cc}{pick(rng, ('2X', '22', 'FF', 'MM'))}{pick(rng, ('', '', 'XXX'))}"


def wire(rng: random.Random) -> Row:
    c = start(rng, "d12.iban.wire", "aim.false_alarm", biz=pick(rng, WIRE_BIZ))
    c.bot(f"{c.name}, {c.agent} speaking. How can I help?")
    cc = pick(rng, IBAN_COUNTRIES)
    number = iban(rng, cc)
    c.row.tags.add(f"iban.country.{cc}")
    c.user(
        f"hi it's {c.first} {c.last}, ",
        pick(
            rng,
            (
                "i need to send money to my brother overseas",
                "i'm setting up an international wire for rent",
                "i have to pay a supplier in europe",
            ),
        ),
    )
    c.bot("I can help with that. Do you have the recipient's IBAN?")
    how = rng.randrange(4)
    if how == 0 or c.raw:
        text, style = iban_said(rng, number)
    elif how == 1:
        text, style = iban_grouped(number), "typed.grouped"
    elif how == 2:
        text, style = number, "typed.compact"
    else:
        text, style = iban_grouped(number).lower(), "typed.lower"
    c.row.tags.add(f"iban.{style}")
    c.user(pick(rng, ("yes it's ", "okay ", "the iban is ")), Pii("iban", text))
    if maybe(rng, 0.5):
        c.bot("Reading back: ", Pii("iban", iban_grouped(number)), ".")
        c.row.tags.add("iban.readback")
        c.user(ok(rng))
    bic = _bic(rng, cc)
    c.bot("And the SWIFT or BIC code?")
    c.user(
        pick(rng, ("", "swift is ", "the bic ")),
        Benign("bic", bic if not c.raw else " ".join(bic.lower())),
    )
    amount = dollars(rng, smart=True, big=True)
    ref = digits(rng, pick(rng, (10, 12)))
    tool(
        c.row,
        "create_wire",
        {
            "beneficiary_iban": Pii("iban", number),
            "bic": Benign("bic", bic),
            "amount": Num(Benign("amount", amount.text.strip("$").replace(",", ""))),
        },
        {"wire_ref": Benign("wire_reference", ref), "status": "pending_review"},
    )
    c.bot(
        "The wire reference is ",
        Benign("wire_reference", id_typed(rng, ref)),
        ". It'll go out after review.",
    )
    if maybe(rng, 0.6) and room(c, 4):
        noun, _, said = said_id(rng, pick(rng, ("bank_account", "account_number")), smart=not c.raw)
        c.user(pick(rng, (f"and take it from my {noun} ", f"debit it from the {noun} ")), said)
        body = digits(rng, 8, lead="0123")
        w = [3, 7, 1] * 3
        rt = body + str((10 - sum(int(x) * w[i] for i, x in enumerate(body)) % 10) % 10)
        c.bot("That's the account at routing ", Benign("routing", rt), ", yes?")
        c.user(ok(rng))
    close(c)
    return c.row


def iban_typed_chat(rng: random.Random) -> Row:
    """A chat: the IBAN pasted, with the amount and a date in the same message."""
    c = start(rng, "d12.iban.chat", "typed", biz=pick(rng, WIRE_BIZ))
    c.raw = False
    c.bot(f"Hello, this is {c.agent} with {c.name}. How can I help today?")
    cc = pick(rng, IBAN_COUNTRIES)
    number = iban(rng, cc)
    c.row.tags.add(f"iban.country.{cc}")
    text = iban_grouped(number) if maybe(rng, 0.6) else number
    c.user(
        "please update my payout account to ",
        Pii("iban", text),
        " before the ",
        Benign("date", f"{rng.randrange(1, 29)}/{rng.randrange(1, 13)}"),
        " run, amount stays ",
        dollars(rng, smart=True),
    )
    c.bot(
        "Updated. For your records, the change request is ",
        Benign("reference_number", digits(rng, 10)),
        ".",
    )
    c.user(pick(rng, ("thanks!", "great, thank you", "perfect")))
    return c.row


def spoken_words(rng: random.Random) -> Row:
    """An id said in words beside a date said in words, no PII: raw speech only."""
    c = start(rng, "d12.quiet.words")
    c.raw = True
    greet(c)
    noun, value, said = said_id(rng, pick(rng, c.biz.ids), smart=False)
    c.said.append((said.cls, noun, value))
    c.user(
        f"yeah the {noun} is ",
        Benign(said.cls, words(value, rng, oh=0.8, double=0.5)),
        " and it was from ",
        Benign(
            "date",
            f"{pick(rng, ('march', 'june', 'october'))} {speak(str(rng.randrange(1, 29)), rng)}",
        ),
    )
    c.bot("Thanks, I'll look that up.")
    lookup(c)
    money(c)
    close(c)
    return c.row
