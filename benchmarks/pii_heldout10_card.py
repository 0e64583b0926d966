"""heldout10: cards in a call: read whole (groups, words, pairs, restarts, homophones), typed,
prepaid, in two or three stretches with the agent between, charged through a tool; expiry, code
and ZIP asked for in turns of their own (look-alikes)."""

from __future__ import annotations

import pii_heldout10_num as num
import pii_heldout10_say as say
from pii_heldout10_call import Call
from pii_heldout10_org import amount
from pii_rows import Benign, Pii


def card_number(c: Call, network: str | None = None) -> tuple[str, str]:
    net, number = num.card(c.rng, network)
    c.tag(f"card.{net}")
    return net, number


def card(c: Call, how: str = "said", network: str | None = None, prepaid: bool = False) -> str:
    """The caller reads a card number; expiry, code and ZIP come in their own turns."""
    rng = c.rng
    net, number = card_number(c, network)
    org = c.org
    price = Benign("amount", amount(rng, org, False))
    if rng.random() < 0.5:
        c.agent(f"The total for {org.card} is ", price, ". Which card would you like to use?")
    else:
        c.agent("That comes to ", price, ". Ready for the card number when you are.")
    said_net = num.NETWORK_SAID[net]
    if prepaid:
        c.tag("card.prepaid")
        lead = rng.choice(
            (f"it's one of those {said_net} gift cards ", f"I've got a prepaid {said_net} ")
        )
    else:
        lead = rng.choice((f"{said_net} ", f"it's a {said_net} ", "okay ", "right it's ", ""))
    raw = c.raw()
    if c.chat or how == "typed":
        c.user(
            False,
            (lead[:1].upper() + lead[1:]).strip() + (": " if lead else ""),
            Pii("card", say.card_typed(number, rng)),
        )
    else:
        text = say.card_said(number, rng, c.v, raw)
        c.user(raw, lead.lower() if raw else lead[:1].upper() + lead[1:], Pii("card", text))
    card_extras(c, number)
    return number


def card_extras(c: Call, number: str) -> None:
    """Expiry, security code, billing ZIP in turns of their own; then a masked confirmation."""
    rng = c.rng
    raw = c.raw()
    mm, yy = rng.randint(1, 12), rng.randint(26, 33)
    if rng.random() < 0.75 and c.room(4):
        c.agent(rng.choice(("And the expiry?", "Expiration date?", "When does it expire?")))
        exp = (
            f"{say.pair(f'{mm:02d}', c.v)} {say.pair(str(yy), c.v)}"
            if raw
            else rng.choice((f"{mm:02d}/{yy}", f"{mm:02d}/20{yy}", f"{mm:02d} {yy}"))
        )
        c.user(
            raw,
            rng.choice(("it runs out ", "expiry's ", "good thru ", "valid until ", "uh ", "says ")),
            Benign("card_expiry", exp),
            rng.choice(("", " i think", " on the front"))
            if raw
            else rng.choice(("", ".", ", I think.")),
        )
    if rng.random() < 0.65 and c.room(3):
        cvv = "".join(rng.choice(num.DIG) for _ in range(4 if len(number) == 15 else 3))
        c.agent(
            rng.choice(
                (
                    "And the little code on the back of the card?",
                    "Then the three digits by the signature strip.",
                    "Security code?",
                )
            )
            if len(number) != 15
            else "And the four digit code on the front?"
        )
        c.user(
            raw,
            rng.choice(("the code's ", "that's ", "okay ", "on the back it says ", "hmm ")),
            Benign("card_cvv", say.digit_words(cvv, rng, c.v) if raw else cvv),
        )
    if rng.random() < 0.5 and c.room(3):
        zipc = postal(c, raw)
        c.agent(rng.choice(("And the billing ZIP or postcode?", "Postal code for the card?")))
        c.user(
            raw, rng.choice(("billing is ", "it's registered to ", "postcode ", "zip is ")), zipc
        )
    last4 = number[-4:]
    c.agent(
        rng.choice(
            (
                "Thanks. That's gone through on the card ending ",
                "Done, charged to the card ending in ",
                "Approved on the card ending ",
            )
        ),
        Benign("card_last_four", last4),
        rng.choice((".", ". You'll get a receipt.", "; your receipt is on its way.")),
    )


def postal(c: Call, raw: bool) -> Benign:
    rng = c.rng
    r = c.region
    if r == "US":
        z = f"{rng.randint(1001, 99950):05d}"
        if rng.random() < 0.25:
            z = z + "-" + f"{rng.randint(1, 9999):04d}"
            return Benign(
                "zip_plus_four", z if not raw else say.digit_words(z.replace("-", ""), rng, c.v)
            )
        return Benign("billing_zip", z if not raw else say.digit_words(z, rng, c.v))
    if r == "CA":
        L = "ABCEGHJKLMNPRSTVXY"
        z = f"{rng.choice(L)}{rng.randint(0, 9)}{rng.choice(L)}"
        z += f" {rng.randint(0, 9)}{rng.choice(L)}{rng.randint(0, 9)}"
        return Benign(
            "postal_code_ca",
            z
            if not raw
            else " ".join(
                say.ONES[int(ch)] if ch.isdigit() else ch.lower() for ch in z.replace(" ", "")
            ),
        )
    z = f"{rng.randint(1000, 99999)}"
    return Benign("postal_code", z if not raw else say.digit_words(z, rng, c.v))


def card_split(c: Call) -> None:
    """A card read in two or three stretches with the agent between."""
    rng = c.rng
    net, number = card_number(c)
    groups = num.card_groups(number)
    c.agent(
        *c.ref(0.5),
        rng.choice(
            (
                "Go ahead with the long number on the card, there's no rush.",
                "Whenever you're ready, read me the card number.",
            )
        ),
    )
    cut = sorted(rng.sample(range(1, len(groups)), rng.choice((1, 1, 2)) if len(groups) > 2 else 1))
    chunks = [groups[i:j] for i, j in zip([0] + cut, cut + [len(groups)], strict=False)]
    for k, chunk in enumerate(chunks):
        raw = c.raw()
        if c.chat:
            c.user(False, Pii("card", say.typed(chunk, rng, 0.3), split=True))
        else:
            c.user(
                raw,
                rng.choice(("", "", "then ", "next is "))
                if k
                else rng.choice(("", "okay ", "first bit ")),
                Pii("card", say.said(chunk, rng, c.v, raw, 0.15), split=True),
                rng.choice(("", " and", " um")) if raw and k < len(chunks) - 1 else "",
            )
        if k < len(chunks) - 1:
            if rng.random() < 0.4:
                c.agent(
                    Pii("card", " ".join(chunk), split=True),
                    rng.choice((", got that.", "... yes?", ". Next?")),
                )
            else:
                c.agent(rng.choice(("Mm-hm.", "Okay, keep going.", "Yes?", "With you so far.")))
    c.tag("split.card")
    card_extras(c, number)


def card_tool(c: Call, number: str) -> None:
    rng = c.rng
    args = {
        "card_number": Pii(
            "card", number if rng.random() < 0.7 else " ".join(num.card_groups(number))
        ),
        "amount": rng.randint(10, 900) + 0.5,
        "currency": {"$": "USD", "£": "GBP", "€": "EUR", "R": "ZAR"}[c.org.cur[0]],
    }
    if c.org.region == "CA":
        args["currency"] = "CAD"
    if c.org.region in ("AU", "NZ"):
        args["currency"] = "AUD" if c.org.region == "AU" else "NZD"
    c.tool(args, rng.choice(("charge_card", "payments.capture", "take_payment")))
    c.tool(
        {
            "status": "approved",
            "auth_code": Benign("auth_code", num.pattern(rng, "@#@##@")),
            "card": Benign(
                "masked_card",
                rng.choice(("**** **** **** ", "XXXX-XXXX-XXXX-", "•••• ")) + number[-4:],
            ),
            "transaction_id": Benign("transaction_id", num.pattern(rng, "txn_##@@###@#@##")),
        }
    )
