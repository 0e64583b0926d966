"""dev12's cards and what sits near them in payment talk. Cards of eight networks read in
groups, as words or pairs, with fillers and restarts, over turns (the agent's echo of a group
is a piece), typed, in tool JSON; and their look-alikes: Luhn-valid numbers that are no card
(a store gift card, a loyalty card, an IMEI, a SIM's ICCID, an invoice number), masked cards,
the last four read back, a BIN, the expiry, CVV and ZIP said in turns of their own,
authorization codes, transaction ids, 16-digit tracking numbers, order numbers.
"""

from __future__ import annotations

import random

from pii_dev12_biz import BUSINESSES
from pii_dev12_call import Call, close, greet, ok, resume, room, start
from pii_dev12_card_alike import card_alikes, grouped
from pii_dev12_kit import Num, digits, pick, speak, tool, words
from pii_dev12_num import NETWORKS, card, card_groups, luhn_number
from pii_rows import Benign, Pii, Row, maybe

PAY_BIZ = tuple(
    b
    for b in BUSINESSES
    if b.kind
    in (
        *("retailer", "utility", "hotel", "airline", "car_rental", "vet", "dental", "wireless"),
        *("internet", "appliance", "property", "university", "auto_service", "home_warranty"),
    )
)
NET_NAMES = {
    "visa": "Visa",
    "mastercard": "Mastercard",
    "amex": "Amex",
    "discover": "Discover",
    "jcb": "JCB",
    "diners": "Diners Club",
    "unionpay": "UnionPay",
    "maestro": "Maestro",
}
PAY_REASONS = (
    "i need to make a payment on my account",
    "i want to pay off the balance on my last invoice",
    "i'd like to pay the deposit over the phone",
    "my autopay failed and i want to pay by phone",
    "i want to put a different card on file",
    "i got a past due notice and i'd like to take care of it",
)
FILLERS = (" um ", " uh ", ", hold on, ", " sorry ", ", let me tilt it, ", " okay ", " then ")


def _net(rng: random.Random) -> str:
    return pick(
        rng, ("visa", "visa", "visa", "mastercard", "mastercard", "amex", "discover", *NETWORKS)
    )


def card_said(c: Call, number: str) -> str:
    """The card as one stretch of speech (fillers, restarts and all inside it)."""
    r = c.rng
    groups = card_groups(number)
    style = pick(r, ("digits", "words", "pairs", "fillers", "restart", "digits_run"))
    if c.raw and style in ("digits", "digits_run"):
        style = "words"
    c.row.tags.add(f"card.said.{style}")
    if style == "digits":
        return pick(r, (" ", ", ", "-", "... ")).join(groups)
    if style == "digits_run":
        return number
    if style == "pairs":
        return " ".join(speak(g, r, "pairs") for g in groups)
    said = [speak(g, r, "words") if c.raw or maybe(r, 0.6) else g for g in groups]
    if style == "words":
        return " ".join(said)
    if style == "fillers":
        out = said[0]
        for g in said[1:]:
            out += pick(r, FILLERS) + g
        return out
    half = said[1].split()  # a restart of the second group
    cut = said[1][:2] if said[1].isdigit() else " ".join(half[: max(1, len(half) // 2)])
    again = pick(r, (", sorry, ", " no wait ", " let me start that group again "))
    return f"{said[0]} {cut}{again}{' '.join(said[1:])}"


def _tail_turns(c: Call, number: str) -> None:
    """The expiry, the code and the ZIP, each asked for and said in a turn of its own."""
    r = c.rng
    m, y = r.randrange(1, 13), r.randrange(26, 33)
    expiry = Benign(
        "card_expiry",
        f"{m:02d}/{y}" if not c.raw else f"{words(f'{m:02d}', r)} {speak(str(y), r, 'pairs')}",
    )
    n = 4 if len(number) == 15 else 3
    code = digits(r, n, lead="0123456789")
    cvv = Benign("card_cvv", code if not c.raw else words(code, r))
    if maybe(r, 0.5):  # both in one answer, a turn of their own
        c.bot("And the expiration date and security code?")
        c.user(
            pick(r, ("", "expires ", "it's ")),
            expiry,
            pick(r, (" and ", ", code ", " and the code is ")),
            cvv,
        )
        return
    c.bot(
        pick(
            r,
            (
                f"Thanks {c.first}. And the expiration date?",
                "What's the expiry printed on it?",
                f"And the expiration date, {c.first}? Month and year is fine.",
            ),
        )
    )
    c.user(pick(r, ("it's ", "expires ", "uh ", "that's ", "it says ")), expiry)
    if maybe(r, 0.7):
        c.bot(
            pick(
                r,
                (
                    "And the security code?",
                    f"And the three digits on the back, {c.first}?"
                    if n == 3
                    else "And the four-digit code on the front?",
                ),
            )
        )
        c.user(pick(r, ("", "it's ", "um ")), cvv)
    elif maybe(r, 0.5):
        c.bot("And the billing ZIP code?")
        z = digits(r, 5, lead="0123456789")
        c.user(
            pick(r, ("", "it's ", "zip is ")),
            Benign("billing_zip", z if not c.raw or maybe(r, 0.4) else words(z, r)),
        )


def _after(c: Call, number: str) -> None:
    """The payment goes through: a masked card, an authorization code, a transaction id."""
    r = c.rng
    last = number[-4:]
    mask = pick(
        r,
        (
            f"************{last}",
            f"XXXX-XXXX-XXXX-{last}",
            f"{number[:6]}******{last}",
            f"•••• {last}",
        ),
    )
    result = {
        "approved": True,
        "card": Benign("masked_card", mask),
        "auth_code": Benign(
            "auth_code",
            pick(
                r,
                (
                    digits(r, 6, lead="0123456789"),
                    f"{pick(r, 'ABCDEFGHK')}{digits(r, 5, lead='0123456789')}",
                ),
            ),
        ),
        "transaction_id": Num(Benign("transaction_id", digits(r, pick(r, (12, 14, 16))))),
    }
    tool(
        c.row,
        pick(r, ("charge_card", "process_payment", "take_payment")),
        {
            "amount": Num(Benign("amount", f"{r.randrange(20, 900)}.{r.randrange(100):02d}")),
            "token": f"tok_{digits(r, 6)}",
        },
        result,
    )
    c.bot(
        pick(
            r,
            (
                "That went through on the card ending in ",
                "Payment approved on the card ending ",
                "You're all set, charged to the card ending in ",
            ),
        ),
        Benign("card_last_four", last),
        ".",
    )
    c.user(ok(r))


def pay(rng: random.Random) -> Row:
    c = start(rng, "d12.card.pay", "aim.card_precision", biz=pick(rng, PAY_BIZ))
    if maybe(rng, 0.6):
        greet(c, pick(rng, PAY_REASONS))
    else:
        resume(c)
        card_alikes(c, 1)
    net = _net(rng)
    number = card(rng, net)
    c.row.tags.add(f"card.network.{net}")
    c.bot(
        pick(
            rng,
            (
                f"What card would you like to use today, {c.first}?",
                "Go ahead with the card number whenever you're ready.",
                f"I can take the card number now, {c.first}.",
            ),
        )
    )
    lead = pick(rng, (f"it's a {NET_NAMES[net].lower()} ", "okay ", "ready? ", "it's ", ""))
    c.user(lead, Pii("card", card_said(c, number)))
    if maybe(rng, 0.3) and room(c, 8):
        groups = card_groups(number)
        c.bot("Let me read that back: ", Pii("card", " ".join(groups)), ".")
        c.row.tags.add("card.readback")
        c.user(ok(rng))
    _tail_turns(c, number)
    _after(c, number)
    card_alikes(c, rng.randrange(1, 3))
    close(c)
    return c.row


def over_turns(rng: random.Random) -> Row:
    c = start(rng, "d12.card.turns", "aim.card_precision", "split", biz=pick(rng, PAY_BIZ))
    if maybe(rng, 0.5):
        greet(c, pick(rng, PAY_REASONS))
    net = _net(rng)
    number = card(rng, net)
    c.row.tags |= {f"card.network.{net}", "card.turns"}
    groups = card_groups(number)
    k = rng.randrange(2, min(4, len(groups) + 1))
    cut = sorted(rng.sample(range(1, len(groups)), k - 1))
    pieces = [" ".join(groups[a:b]) for a, b in zip([0, *cut], [*cut, len(groups)], strict=True)]
    c.bot("Go ahead with the card number, take your time.")
    for i, p in enumerate(pieces):
        said = " ".join(speak(g, rng) for g in p.split()) if c.raw or maybe(rng, 0.4) else p
        lead = (
            pick(rng, ("okay ", "then ", "next group ", "uh ", "and ", "", ""))
            if i
            else pick(rng, ("okay it's ", "ready, ", "starts with ", "sure, "))
        )
        c.user(
            lead,
            Pii("card", said, split=True),
            pick(rng, ("", "", " okay?", ", got that?", " so far")),
        )
        if i < len(pieces) - 1:
            if maybe(rng, 0.35):
                c.bot(
                    Pii("card", p.split()[-1], split=True),
                    pick(rng, (", yes, go on.", ", okay.", ", got it.")),
                )
                c.row.tags.add("card.echo")
            else:
                c.bot(pick(rng, ("Mm-hm.", "Okay, next group.", "Go on.", "Got it, keep going.")))
    if room(c, 6):
        _tail_turns(c, number)
    _after(c, number)
    close(c)
    return c.row


def in_tool(rng: random.Random) -> Row:
    """The full number in a payment tool's arguments, typed in a chat before it."""
    c = start(rng, "d12.card.tool", "aim.card_precision", "typed", biz=pick(rng, PAY_BIZ))
    c.raw = False
    c.bot(f"Hi, {c.agent} here from {c.name}. How can I help?")
    c.user(f"hi, i need to pay my balance, {pick(rng, c.biz.reasons)}")
    net = _net(rng)
    number = card(rng, net)
    c.row.tags.add(f"card.network.{net}")
    c.bot("You can type the card number here; it's sent securely.")
    groups = card_groups(number)
    c.user(Pii("card", pick(rng, (" ", "-", "", "  ")).join(groups)))
    m, y = rng.randrange(1, 13), rng.randrange(26, 33)
    c.bot("Thanks. Expiry and CVV?")
    c.user(
        Benign("card_expiry", f"{m:02d}/{y}"),
        pick(rng, (" ", ", ", " cvv ")),
        Benign("card_cvv", digits(rng, 4 if len(number) == 15 else 3, lead="0123456789")),
    )
    key = pick(rng, ("pan", "card_number", "cardNumber", "number", "primary_account_number"))
    tool(
        c.row,
        pick(rng, ("tokenize_card", "add_payment_method")),
        {key: Pii("card", number), "exp": f"{m:02d}/{y}"},
        {"token": f"pm_{digits(rng, 8)}", "brand": net, "status": "saved"},
    )
    c.row.tags.add(f"card.json.{key}")
    c.bot(pick(rng, ("Saved, thanks.", f"That's on file now, {c.first}.")))
    _after(c, number)
    close(c)
    return c.row


def alikes(rng: random.Random) -> Row:
    """Payment talk with a card's look-alikes and no card."""
    c = start(rng, "d12.card.alikes", "aim.card_precision", biz=pick(rng, PAY_BIZ))
    greet(c, pick(rng, PAY_REASONS) if maybe(rng, 0.5) else "")
    card_alikes(c, rng.randrange(3, 6))
    close(c)
    return c.row


def gift_cards(rng: random.Random) -> Row:
    """A network-branded prepaid card (a card: labelled) beside a store's own gift card (a
    Luhn-valid number that pays nowhere else: a look-alike)."""
    gift = [b for b in PAY_BIZ if b.kind in ("retailer", "hotel", "airline", "appliance", "vet")]
    c = start(rng, "d12.card.gift", "aim.card_precision", "card.prepaid", biz=pick(rng, gift))
    if maybe(rng, 0.4):
        greet(c, pick(rng, PAY_REASONS))
    else:
        resume(c)
    store = luhn_number(rng, pick(rng, ("7", "9", "6006")), pick(rng, (16, 19)))
    c.user(
        pick(
            rng,
            (
                "i want to use a gift card from you guys first, it's ",
                "i have your store gift card, number ",
            ),
        ),
        Benign("gift_card", grouped(rng, store, raw=c.raw)),
    )
    c.bot(
        pick(
            rng,
            (
                "That card has a balance of twelve dollars and forty cents. "
                "How would you like to pay the rest?",
                "That covers part of it. What would you like to use for the remainder?",
            ),
        )
    )
    net = pick(rng, ("visa", "mastercard"))
    number = card(rng, net) if net == "mastercard" else luhn_number(rng, "4", 16)
    c.row.tags.add(f"card.network.{net}")
    c.user(
        pick(rng, (f"one of those {net} gift cards, ", "a prepaid card my aunt gave me, ")),
        Pii("card", card_said(c, number)),
    )
    _tail_turns(c, number)
    _after(c, number)
    close(c)
    return c.row
