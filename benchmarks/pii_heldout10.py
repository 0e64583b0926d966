"""heldout10: a held-out part of whole calls to 27 organisations nobody uses as an example.

    cd /work/main && PYTHONPATH=benchmarks .venv/bin/python /work/tools/gen_part.py \
        heldout10 pii_heldout10 22023 440

What it holds. Calls of 3 to 14 turns (nine in ten of 6 or more) between a caller and an
organisation's voice (or chat) agent, with tool calls and their JSON outputs: a bell foundry,
a falconry centre, pipe-organ builders, a stained-glass studio, a fibre mill, a bindery, a
letterpress, narrowboat hire, a shearing contractor, a forge school, a mobile cider press, an
observatory, a mushroom-spawn lab, a seed library, thatchers, a memorial works, a fireworks
company, a portable sawmill, costume hire, a bowls club, a canoe livery, hot springs,
typewriter repair, steeplejacks, a glassblowing hot shop, lighthouse cottages, a model-railway
shop. Each has its own greetings, ids, amounts and currency, lines (valid numbers of its
region), mailboxes, website and a third party. Callers come from a pool of 60 phone regions
(about 50 in the file), about half of them US and Canada. All five kinds: phones (national,
with a country code after a spoken "plus", "double oh", "oh one one" or bare, typed E.164 or
national, odd separators, full-width digits, in JSON), emails (spoken with "dot" and "at
sign", spelled, "as in", half formatted, typed, work and country domains), cards of eleven
networks (groups, digit words, pairs, homophones, restarts, typed, prepaid), IBANs from a pool
of 35 countries (print form, compact, lower case, odd separators, NATO and "as in" letters),
SSNs in every grouping; numbers split over two or three turns of the caller; read-backs;
corrections; 50-odd whole calls with look-alikes only. Generated rows use only their rng;
hand-written rows are in tests/data/pii/hand_heldout10.jsonl.

Labelling choices (beyond the part conventions). Words before a number ("area code", a
spoken "plus", "double oh", "oh one one") are outside its label; a typed "+" or "00" is
inside. An extension is a look-alike (`phone_extension`). The agent's echo of a group of a
split number, in digits or words, is a split label of that kind. A restart inside one stretch
("four one six no sorry four one six seven ...", "(404)... sorry, no, (904) 306-2496") is one
label; a number taken back as the old one, or read again after a decline, and the new reading
are two labels. A name said and then spelled in one stretch ("lorna l o r n a dot petrakis at
outlook dot com") is one email label. Expiry, code and ZIP asked for in turns of their own
are look-alikes; said in the same stretch as the card (hand rows) they are left unlabelled.
A store's own gift card (a Luhn-valid number starting with 7) is a look-alike, a Visa or
Mastercard prepaid card is a card. The organisation's own number read out by a caller, a
church office or council line, a shared mailbox the caller repeats are look-alikes; a work
line or work address given as the caller's own is PII. An IBAN's last four, a masked SSN in a
tool output, BSB, sort code and account numbers, EINs, ITINs and SSN-shaped permit numbers
are look-alikes. Look-alike classes name what the number is (`foundry_office_line`,
`bell_commission_no`, `ssn_shaped_claim_no`, `luhn_valid_invoice_no`, `sepa_creditor_id`...).

Modules: pii_heldout10_num (valid numbers, number look-alikes), pii_heldout10_say (how digits
are said and typed; phones), pii_heldout10_spell (letters, IBANs and SSNs said and typed),
pii_heldout10_names and pii_heldout10_mail (callers, providers, emails), pii_heldout10_org
and pii_heldout10_orgs_a/_b/_c (the organisations), pii_heldout10_call (a call and its
turns), pii_heldout10_pii (phone and email beats), pii_heldout10_card (card beats),
pii_heldout10_bank (IBAN and SSN beats and their look-alikes), pii_heldout10_look and
pii_heldout10_look_num (look-alike beats), this module (the call plans, FAMILIES).
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pii_heldout10_bank as bank
import pii_heldout10_card as card
import pii_heldout10_look as look
import pii_heldout10_pii as pii
from pii_heldout10_call import CARD_ORGS, IBAN_ORGS, US_ORGS, Call
from pii_rows import Retry, Row


def looks(c: Call, n: int, avoid=(), reserve: int = 2) -> None:
    """n look-alike beats, as many as fit (a beat takes up to three turns)."""
    pool = [f for f in look.LOOKS if f not in avoid]
    for f in c.rng.sample(pool, n):
        if c.room(3, reserve):
            f(c)


def done(c: Call, lo: int = 2, hi: int = 14) -> Row:
    if not lo <= len(c.row.turns) <= hi:
        raise Retry("length")
    return c.row


def contact(rng: random.Random) -> Row:
    c = Call(rng, "h10.contact.phone_and_email")
    look.greet(c)
    looks(c, rng.randint(0, 2), reserve=10)
    number = pii.phone(c)
    addr = pii.email(c) if rng.random() < 0.85 and c.room(4) else None
    if rng.random() < 0.3 and c.room(2):
        pii.contact_tool(c, number, addr)
    looks(c, 2)
    look.close(c)
    return done(c)


def others(rng: random.Random) -> Row:
    c = Call(rng, "h10.contact.someone_else")
    look.greet(c)
    who = rng.choice(("relative", "manager", "work"))
    pii.phone(c, who=who, foreign=rng.random() < 0.25)
    looks(c, 1, reserve=7)
    if rng.random() < 0.5 and c.room(4):
        pii.phone(c, readback=0.2)
    if rng.random() < 0.8 and c.room(4):
        pii.email(c, who="relative" if who == "relative" else "self", work=who != "relative")
    look.close(c)
    return done(c)


def corrections(rng: random.Random) -> Row:
    c = Call(rng, "h10.contact.said_again")
    look.greet(c)
    if rng.random() < 0.7:
        pii.phone_twice(c)
    looks(c, 1, reserve=6)
    pii.email_respelled(c)
    look.close(c)
    return done(c)


def phone_split(rng: random.Random) -> Row:
    c = Call(rng, "h10.split.phone")
    look.greet(c)
    looks(c, rng.randint(0, 1), reserve=8)
    pii.phone_split(c)
    if rng.random() < 0.4 and c.room(4):
        pii.email(c, readback=0.15)
    looks(c, 2)
    look.close(c)
    return done(c)


def card_call(rng: random.Random) -> Row:
    c = Call(rng, "h10.pay.card", org=rng.choice(CARD_ORGS))
    look.greet(c)
    if rng.random() < 0.5:
        look.lookup(c)
    number = card.card(c, prepaid=rng.random() < 0.1)
    if rng.random() < 0.45 and c.room(2):
        card.card_tool(c, number)
    if rng.random() < 0.4 and c.room(3):
        pii.email(c, readback=0.0)
    looks(c, rng.randint(1, 2), avoid=(look.lookup,))
    look.close(c)
    return done(c)


def card_split(rng: random.Random) -> Row:
    c = Call(rng, "h10.split.card", org=rng.choice(CARD_ORGS))
    look.greet(c)
    look.money_and_date(c)
    card.card_split(c)
    if rng.random() < 0.65 and c.room(4):
        pii.email(c, readback=0.1)
    looks(c, 1)
    look.close(c)
    return done(c)


def chat(rng: random.Random) -> Row:
    c = Call(rng, "h10.chat.typed", chat=True)
    look.greet(c)
    kinds = rng.sample(("phone", "email", "card", "split"), rng.randint(1, 3))
    for k in kinds:
        if not c.room(5, 1):
            break
        if k == "phone":
            pii.phone(c, typed=True, readback=0.2)
        elif k == "email":
            pii.email(c, readback=0.1)
        elif k == "card" and c.org.card:
            card.card(c, how="typed")
        elif k == "split":
            pii.phone_split(c, 2)
    looks(c, 1)
    return done(c)


def iban_call(rng: random.Random) -> Row:
    c = Call(rng, "h10.bank.iban", org=rng.choice(IBAN_ORGS))
    look.greet(c)
    code = bank.iban(c)
    if rng.random() < 0.6:
        bank.bank_lookalikes(c)
    if rng.random() < 0.35:
        bank.iban_tool(c, code)
    if rng.random() < 0.3 and c.room(3):
        pii.email(c, readback=0.0)
    looks(c, rng.randint(1, 2))
    look.close(c)
    return done(c)


def iban_split(rng: random.Random) -> Row:
    c = Call(rng, "h10.split.iban", org=rng.choice(IBAN_ORGS))
    look.greet(c)
    bank.iban_split(c)
    bank.bank_lookalikes(c)
    looks(c, 1)
    look.close(c)
    return done(c)


def ssn_call(rng: random.Random) -> Row:
    c = Call(rng, "h10.tax.ssn", org=rng.choice(US_ORGS), region="US")
    look.greet(c)
    s = bank.ssn(c)
    if rng.random() < 0.5:
        bank.tax_lookalikes(c)
    if rng.random() < 0.3:
        bank.ssn_tool(c, s)
    if rng.random() < 0.4 and c.room(4):
        pii.phone(c, readback=0.1)
    elif rng.random() < 0.4 and c.room(4):
        pii.email(c, readback=0.1)
    looks(c, 1)
    look.close(c)
    return done(c)


def ssn_split(rng: random.Random) -> Row:
    c = Call(rng, "h10.split.ssn", org=rng.choice(US_ORGS), region="US")
    look.greet(c)
    bank.ssn_split(c)
    bank.tax_lookalikes(c)
    if rng.random() < 0.4 and c.room(4):
        pii.email(c, readback=0.1)
    looks(c, rng.randint(1, 2))
    look.close(c)
    return done(c)


def tools(rng: random.Random) -> Row:
    c = Call(rng, "h10.tool.records")
    look.greet(c)
    look.lookup(c)
    number = pii.phone(c, readback=0.0)
    addr = pii.email(c, readback=0.0) if rng.random() < 0.6 and c.room(5) else None
    pii.contact_tool(c, number, addr)
    looks(c, 1)
    look.close(c)
    return done(c)


def lookalikes(rng: random.Random) -> Row:
    c = Call(rng, "h10.look.only")
    look.greet(c)
    looks(c, rng.randint(3, 5))
    look.close(c)
    return done(c)


def lookalike_payment(rng: random.Random) -> Row:
    c = Call(rng, "h10.look.payment_talk", org=rng.choice(CARD_ORGS))
    look.greet(c)
    look.bin_and_mask(c)
    for f in rng.sample(
        (
            look.last_fours,
            look.luhn_lookalike,
            look.money_and_date,
            look.tracking,
            look.ssn_shaped,
            look.phone_shaped_id,
        ),
        3,
    ):
        f(c)
    look.close(c)
    return done(c)


def long_call(rng: random.Random) -> Row:
    c = Call(rng, "h10.call.long", org=rng.choice(CARD_ORGS))
    look.greet(c)
    pii.phone(c, readback=0.2)
    if rng.random() < 0.5:
        looks(c, 1)
    elif rng.random() < 0.6:
        pii.email(c, readback=0.1)
    if c.room(8):
        card.card(c)
    looks(c, 1)
    look.close(c)
    return done(c, 8, 14)


def short_call(rng: random.Random) -> Row:
    c = Call(rng, "h10.call.short")
    c.agent(rng.choice(c.org.greet))
    k = rng.choice(("phone", "email", "look", "card"))
    if k == "phone":
        c.user(
            c.raw(), rng.choice(("Hi, can someone call me back?", "Hi, I missed a call from you."))
        )
        pii.phone(c, readback=0.0)
    elif k == "email":
        c.user(c.raw(), "Could you email me the price list?")
        pii.email(c, readback=0.0)
    elif k == "card" and c.org.card:
        card.card(c)
    else:
        c.user(
            c.raw(),
            rng.choice(
                (
                    "Is there a direct number for the workshop?",
                    "What's your number if I get cut off?",
                )
            ),
        )
        look.our_line(c)
    return done(c, 2, 9)


FAMILIES: dict[str, tuple[Callable[[random.Random], Row], float]] = {
    "h10.contact.phone_and_email": (contact, 12),
    "h10.contact.someone_else": (others, 8),
    "h10.contact.said_again": (corrections, 4),
    "h10.split.phone": (phone_split, 8),
    "h10.pay.card": (card_call, 17),
    "h10.split.card": (card_split, 8),
    "h10.chat.typed": (chat, 7),
    "h10.bank.iban": (iban_call, 6),
    "h10.split.iban": (iban_split, 4),
    "h10.tax.ssn": (ssn_call, 11),
    "h10.split.ssn": (ssn_split, 5),
    "h10.tool.records": (tools, 5),
    "h10.look.only": (lookalikes, 8),
    "h10.look.payment_talk": (lookalike_payment, 4),
    "h10.call.long": (long_call, 8),
    "h10.call.short": (short_call, 3),
}
