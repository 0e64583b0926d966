"""pii_dev10 card families: real payment card numbers as callers, agents and tools give them."""

from __future__ import annotations

import random

from pii_dev10_kit import (
    MERCHANTS,
    NETWORK_NAMES,
    NOISE_INEXACT,
    Mark,
    ack,
    add_noise,
    amount,
    card_digits,
    card_pii,
    cvv,
    expiry,
    name,
    readable,
    smart_asr,
    spoken,
    tag_card,
    tool_call,
    tool_result,
    written,
    zip_code,
)
from pii_dev10_say import decode, group_words, groups_of
from pii_rows import Benign, Retry, Row, maybe

INEXACT = NOISE_INEXACT

OPENERS = [
    "I'd like to pay my bill.",
    "I need to update the card on file.",
    "Can I pay the outstanding balance?",
    "I want to book the room and pay now.",
    "I'm calling to renew my membership.",
    "I'd like to make a payment on my account.",
    "My old card expired so I need to give you a new one.",
    "I want to pay the deposit for the rental.",
]
ASKS = [
    "What's the number on the card?",
    "Go ahead with the long number on the front.",
    "Could I get the card number please?",
    "Whenever you're ready, the card number.",
    "Please read me the sixteen digits on the card.",
    "What card would you like to use for this?",
]
LEADS = [
    "Sure, it's ",
    "Yeah, ",
    "Ok, the number is ",
    "It's ",
    "Right, ",
    "Card number ",
    "Okay so it's ",
    "Let me grab it. ",
    "",
]


def _form(
    rng: random.Random, ds: str, net: str, raw_ok: bool = True, noise: float = 0.35
) -> tuple[str, bool, set[str], bool]:
    """Any single-turn form: (text, smart turn?, tags, exact)."""
    r = rng.random()
    if r < 0.38:
        text, tag = written(ds, net, rng)
        tags = {tag}
        if maybe(rng, noise * 0.5):
            groups = text.split(" ") if " " in text else [text]
            if len(groups) > 1:
                noisy_text, t = add_noise(groups, groups, rng, raw_text=False)
                if t and readable(noisy_text, ds, t):
                    text, tags = noisy_text, tags | t
        return text, True, tags, not (tags & INEXACT)
    if r < 0.58:
        text, tags = smart_asr(ds, net, rng)
        return text, True, tags, True
    text, tags = spoken(ds, net, rng, mishear=rng.choice([0.0, 0.15, 0.35]), noise=noise)
    return text, False, tags, not (tags & INEXACT)


def _opening(row: Row, rng: random.Random, net: str, smart: bool) -> None:
    if maybe(rng, 0.6):
        row.say("user", rng.choice(OPENERS), smart=smart)
    row.say("assistant", rng.choice(ASKS))
    if net == "amex" and maybe(rng, 0.3):
        row.say("user", "It's an American Express, is that ok?", smart=smart)
        row.say("assistant", "Yes, we take Amex. Go ahead.")


def _closing(row: Row, rng: random.Random, ds: str, smart: bool = True) -> None:
    r = rng.random()
    if r < 0.4:
        last = ds[-4:]
        row.say(
            "assistant",
            rng.choice(
                [
                    "Thanks, that's the card ending in ",
                    "Great, so a card ending ",
                    "Perfect. I have the card ending in ",
                ]
            ),
            Benign("card_last4", last),
            rng.choice([". And the expiry?", ", correct?", ". Processing now."]),
        )
    elif r < 0.55:
        row.say("assistant", "Thank you. And the expiration date?")


def written_single(rng: random.Random) -> Row:
    row = Row("d10.card_written")
    net, ds = card_digits(rng)
    tag_card(row, net, ds)
    text, tag = written(ds, net, rng)
    row.tags.add(tag)
    _opening(row, rng, net, True)
    if maybe(rng, 0.25):
        row.say("user", f"It's a {NETWORK_NAMES[net]}. ", card_pii(row, text, ds), ".")
    else:
        row.say("user", rng.choice(LEADS), card_pii(row, text, ds), rng.choice([".", "", " ."]))
    _closing(row, rng, ds)
    return row


def spoken_single(rng: random.Random, style: str, family: str) -> Row:
    row = Row(family)
    net, ds = card_digits(rng)
    tag_card(row, net, ds)
    text, tags = spoken(
        ds, net, rng, style=style, mishear=rng.choice([0.0, 0.0, 0.15, 0.35]), noise=0.2
    )
    row.tags |= tags | {"stt.raw"}
    _opening(row, rng, net, False)
    lead = rng.choice(["yeah it's ", "ok it's ", "", "the number is ", "its ", "right so "])
    row.say(
        "user",
        lead,
        card_pii(row, text, ds, exact=not (tags & INEXACT)),
        rng.choice(["", " and thats it", " did you get that"]),
        smart=False,
    )
    _closing(row, rng, ds)
    return row


def spoken_digits(rng: random.Random) -> Row:
    return spoken_single(rng, "digits", "d10.card_spoken_digits")


def spoken_pairs(rng: random.Random) -> Row:
    return spoken_single(rng, "pairs", "d10.card_spoken_pairs")


def spoken_hundreds(rng: random.Random) -> Row:
    return spoken_single(
        rng, rng.choice(["hundreds", "hundreds", "mixed"]), "d10.card_spoken_hundreds"
    )


def asr_mixed(rng: random.Random) -> Row:
    row = Row("d10.card_asr_mixed")
    net, ds = card_digits(rng)
    tag_card(row, net, ds)
    text, tags = smart_asr(ds, net, rng)
    row.tags |= tags | {"stt.smart"}
    _opening(row, rng, net, True)
    row.say("user", rng.choice(LEADS), card_pii(row, text, ds), ".")
    _closing(row, rng, ds)
    return row


def noisy(rng: random.Random) -> Row:
    row = Row("d10.card_noisy")
    net, ds = card_digits(rng)
    tag_card(row, net, ds)
    groups = groups_of(
        ds,
        [4] * 5 if net not in ("amex", "diners") else ([4, 6, 5] if net == "amex" else [4, 6, 4]),
    )
    smart = maybe(rng, 0.5)
    if smart:
        words = [g if maybe(rng, 0.75) else group_words(g, rng, "pairs") for g in groups]
    else:
        words = [
            group_words(g, rng, rng.choice(["digits", "pairs", "hundreds"]), mishear=0.2)
            for g in groups
        ]
    for _ in range(10):
        text, tags = add_noise(words, groups, rng, raw_text=not smart)
        if tags and readable(text, ds, tags):
            break
    else:
        raise Retry("noise")
    if not smart:
        # a doubled or missing space inside the raw turn
        text = text.replace(" ", "  ", 1) if maybe(rng, 0.15) else text
    exact = not (tags & INEXACT)
    row.tags |= tags | {"stt.smart" if smart else "stt.raw"}
    _opening(row, rng, net, smart)
    row.say(
        "user",
        rng.choice(["ok so ", "yeah um ", "it's ", ""]),
        card_pii(row, text, ds, exact=exact),
        "",
        smart=smart,
    )
    _closing(row, rng, ds)
    return row


def split_turns(rng: random.Random) -> Row:
    """The card given over 2-4 caller turns, agent acks or echoes between."""
    row = Row("d10.card_split")
    net, ds = card_digits(rng, length=None)
    tag_card(row, net, ds)
    if net == "amex":
        sizes = [4, 6, 5]
    elif net == "diners" and len(ds) == 14:
        sizes = [4, 6, 4]
    else:
        sizes = [4] * 5
    groups = groups_of(ds, sizes)
    n = rng.choice([2, 3, 4, 4])
    n = min(n, len(groups))
    # merge groups into n pieces
    cut = sorted(rng.sample(range(1, len(groups)), n - 1))
    pieces, prev = [], 0
    for c in cut + [len(groups)]:
        pieces.append(groups[prev:c])
        prev = c
    row.tags.add(f"card.split.{n}")
    smart = maybe(rng, 0.5)
    row.tags.add("stt.smart" if smart else "stt.raw")
    _opening(row, rng, net, smart)
    echoed = False
    for i, piece in enumerate(pieces):
        pds = "".join(piece)
        if smart:
            text = (
                (" " if maybe(rng, 0.8) else "-").join(piece)
                if maybe(rng, 0.75)
                else " ".join(group_words(g, rng, "pairs") for g in piece)
            )
        else:
            text = " ".join(
                group_words(g, rng, rng.choice(["digits", "pairs", "hundreds"]), mishear=0.2)
                for g in piece
            )
        if decode(text) != pds:
            raise Retry("split")
        pre = rng.choice(["", "", "um ", "ok ", "then "]) if i else rng.choice(["", "it's ", "ok "])
        row.say(
            "user",
            pre,
            card_pii(row, text, pds, split=True),
            rng.choice(["", "", "..."]) if smart else "",
            smart=smart,
        )
        if i < len(pieces) - 1:
            if maybe(rng, 0.3) and smart:
                echo = " ".join(piece)
                row.say(
                    "assistant",
                    card_pii(row, echo, pds, split=True),
                    rng.choice([", yes, go on.", ", got it.", ". Next?", ", ok."]),
                )
                echoed = True
            else:
                row.say("assistant", ack(rng))
    if echoed:
        row.tags.add("card.echo.agent_group")
    r = rng.random()
    if r < 0.35:
        back = " ".join(groups_of(ds, sizes))
        row.say("assistant", "Let me read that back: ", card_pii(row, back, ds), ". Is that right?")
        row.say("user", rng.choice(["Yes.", "Yep, that's it.", "Correct."]), smart=smart)
        row.tags.add("card.readback.full")
    elif r < 0.7:
        row.say(
            "assistant", "Thanks, so that's the card ending in ", Benign("card_last4", ds[-4:]), "."
        )
        row.tags.add("card.readback.last4")
    return row


def readback(rng: random.Random) -> Row:
    """The caller gives it once; the agent reads it back whole (PII) or masked (look-alike)."""
    row = Row("d10.card_readback")
    net, ds = card_digits(rng)
    tag_card(row, net, ds)
    text, smart, tags, exact = _form(rng, ds, net, noise=0.15)
    row.tags |= tags
    _opening(row, rng, net, smart)
    row.say(
        "user",
        rng.choice(["it's ", "", "sure "]) if not smart else rng.choice(LEADS),
        card_pii(row, text, ds, exact=exact),
        smart=smart,
    )
    r = rng.random()
    if r < 0.5:
        back, t = written(ds, net, rng, sep=rng.choice([" ", " ", "-"]))
        if back == text:
            raise Retry("same")
        row.say(
            "assistant",
            rng.choice(["Just to confirm, that's ", "I have ", "Reading back: "]),
            card_pii(row, back, ds),
            rng.choice(["?", ", correct?", ". Right?"]),
        )
        row.tags.add("card.readback.full")
    elif r < 0.7:
        groups = groups_of(ds, [4] * 5)
        back = ", ".join(group_words(g, rng, "pairs") for g in groups)
        if decode(back) != ds:
            raise Retry("ambiguous")
        row.say("assistant", "Let me repeat that: ", card_pii(row, back, ds), ". Correct?")
        row.tags.add("card.readback.full_words")
    else:
        masked = rng.choice(
            [
                f"**** **** **** {ds[-4:]}",
                f"XXXX-XXXX-XXXX-{ds[-4:]}",
                f"ending in {ds[-4:]}",
                f"ending {ds[-4:]}",
            ]
        )
        row.say(
            "assistant",
            "Thanks. I've saved the card ",
            Benign("masked_card", masked),
            ". Is that the one?",
        )
        row.tags.add("card.readback.masked")
    row.say("user", rng.choice(["Yes.", "Yep.", "That's right.", "Correct, thanks."]), smart=smart)
    return row


CARD_KEYS = [
    "card_number",
    "cardNumber",
    "pan",
    "number",
    "cc_number",
    "card_no",
    "ccnum",
    "account_number",
    "primary_account_number",
    "payment_card",
    "creditCard",
]


def tool(rng: random.Random) -> Row:
    row = Row("d10.card_tool")
    net, ds = card_digits(rng)
    tag_card(row, net, ds)
    text = ds if maybe(rng, 0.7) else written(ds, net, rng, sep=rng.choice([" ", "-"]))[0]
    as_number = text == ds and maybe(rng, 0.25)
    key = rng.choice(CARD_KEYS)
    exp = expiry(rng, False)
    code = cvv(rng, False, 4 if net == "amex" else 3)
    nm = name(rng)
    amt = round(rng.uniform(5, 900), 2)
    where = rng.choice(["args", "args", "result", "both"])
    row.tags.add("card.tool." + where)
    if as_number:
        row.tags.add("card.tool.number_value")
    say_text, smart, tags, exact = _form(rng, ds, net, noise=0.1)
    row.say("assistant", rng.choice(ASKS))
    row.say("user", card_pii(row, say_text, ds, exact=exact), smart=smart)
    row.tags |= tags
    shape = rng.choice(["flat", "nested", "deep", "list"])
    row.tags.add(f"card.tool.{shape}")
    card_mark = Mark(card_pii(row, text, ds), as_number)
    if shape == "flat":
        args = {
            key: card_mark,
            "exp": Mark(Benign("expiry", exp)),
            "cvv": Mark(Benign("cvv", code)),
            "amount": amt,
            "currency": "USD",
        }
    elif shape == "nested":
        args = {
            "customer": {"name": nm},
            "payment_method": {
                "type": "card",
                "card": {key: card_mark, "expiry": Mark(Benign("expiry", exp))},
            },
            "amount": amt,
        }
    elif shape == "deep":
        args = {
            "request": {
                "payment": {"source": {"details": {key: card_mark}}},
                "invoice_id": Mark(Benign("invoice_id", f"INV-{rng.randint(10000, 99999)}")),
            }
        }
    else:
        args = {
            "methods": [{"kind": "card", key: card_mark, "holder": nm}],
            "order_id": Mark(Benign("order_id", str(rng.randint(10**7, 10**8 - 1)))),
        }
    fn = rng.choice(
        [
            "charge_card",
            "process_payment",
            "update_payment_method",
            "tokenize_card",
            "create_payment_intent",
            "save_card",
        ]
    )
    if where in ("args", "both"):
        tool_call(row, fn, args, rng)
    else:
        row.say("assistant", "Let me look up the card on your account.")
        tool_call(
            row,
            "get_payment_methods",
            {"customer_id": Mark(Benign("customer_id", f"C{rng.randint(100000, 999999)}"))},
            rng,
        )
    if where in ("result", "both"):
        res_mark = Mark(card_pii(row, text if where == "result" else ds, ds), as_number)
        result = {"status": "ok", "payment_methods": [{"brand": net, key: res_mark, "exp": exp}]}
        tool_result(row, result, rng)
    else:
        tool_result(
            row,
            {
                "status": rng.choice(["approved", "succeeded", "declined"]),
                "auth_code": Mark(Benign("auth_code", f"{rng.randint(100000, 999999)}")),
                "last4": Mark(Benign("card_last4", ds[-4:])),
            },
            rng,
        )
    row.say("assistant", "All done, the card ending in ", Benign("card_last4", ds[-4:]), " is set.")
    return row


def neighbours(rng: random.Random) -> Row:
    """The card said in one sentence with expiry, CVV, ZIP/postcode, name, amount."""
    row = Row("d10.card_neighbours")
    net, ds = card_digits(rng)
    tag_card(row, net, ds)
    row.tags.add("card.with_neighbours")
    smart = maybe(rng, 0.55)
    raw_text = not smart
    if smart:
        text, tag = (
            written(ds, net, rng)
            if maybe(rng, 0.7)
            else (smart_asr(ds, net, rng)[0], "card.asr.smart_mixed")
        )
        tags, exact = {tag}, True
    else:
        text, tags = spoken(ds, net, rng, mishear=0.2, noise=0.1)
        exact = not (tags & INEXACT)
    row.tags |= tags | {"stt.smart" if smart else "stt.raw"}
    exp = Benign("expiry", expiry(rng, raw_text))
    code = Benign("cvv", cvv(rng, raw_text, 4 if net == "amex" else 3))
    z, zcls = zip_code(rng, raw_text)
    zb = Benign(zcls, z)
    amt = Benign("amount", amount(rng, raw_text))
    nm = name(rng)
    card = card_pii(row, text, ds, exact=exact)
    row.say("assistant", f"Thanks for calling {rng.choice(MERCHANTS)}. How can I help?")
    order = rng.choice(
        ["card_exp_cvv_zip", "amount_card_exp", "name_card_exp_cvv", "card_exp_cvv", "exp_first"]
    )
    row.tags.add(f"card.neighbours.{order}")
    if order == "card_exp_cvv_zip":
        row.say(
            "user",
            "Yeah I want to pay, card is ",
            card,
            ", expires ",
            exp,
            ", security code ",
            code,
            ", zip ",
            zb,
            ".",
            smart=smart,
        )
    elif order == "amount_card_exp":
        row.say(
            "user", "Put ", amt, " on the card ", card, " expiry ", exp, " please.", smart=smart
        )
    elif order == "name_card_exp_cvv":
        row.say(
            "user",
            f"Name on the card is {nm}, number ",
            card,
            ", exp ",
            exp,
            ", cvv ",
            code,
            ".",
            smart=smart,
        )
    elif order == "card_exp_cvv":
        row.say(
            "user",
            "Ok: ",
            card,
            ", ",
            exp,
            ", and the three digits on the back are ",
            code,
            ".",
            smart=smart,
        )
    else:
        row.say(
            "user",
            "It expires ",
            exp,
            ", the code is ",
            code,
            " and the number is ",
            card,
            ".",
            smart=smart,
        )
    row.say(
        "assistant",
        "Thank you. I'll charge ",
        Benign("amount", amount(rng, False)),
        " to the card ending ",
        Benign("card_last4", ds[-4:]),
        " now.",
    )
    return row


def two_cards(rng: random.Random) -> Row:
    """An old card and a new one, or a card corrected mid-call."""
    row = Row("d10.card_two")
    net1, ds1 = card_digits(rng)
    net2, ds2 = card_digits(rng)
    tag_card(row, net1, ds1)
    tag_card(row, net2, ds2)
    t1, s1, tags1, e1 = _form(rng, ds1, net1, noise=0.1)
    t2, s2, tags2, e2 = _form(rng, ds2, net2, noise=0.1)
    row.tags |= tags1 | tags2
    kind = rng.choice(["old_new", "corrected", "same_turn"])
    row.tags.add(f"card.two.{kind}")
    if kind == "old_new":
        row.say("assistant", "Which card is currently on file?")
        row.say("user", "The old one was ", card_pii(row, t1, ds1, exact=e1), smart=s1)
        row.say("assistant", "Ok, and the new card you'd like to use?")
        row.say("user", "The new one is ", card_pii(row, t2, ds2, exact=e2), smart=s2)
        row.say(
            "assistant",
            "Thanks, I'll replace the card ending ",
            Benign("card_last4", ds1[-4:]),
            " with the one ending ",
            Benign("card_last4", ds2[-4:]),
            ".",
        )
    elif kind == "corrected":
        row.say("assistant", rng.choice(ASKS))
        row.say("user", card_pii(row, t1, ds1, exact=e1), smart=s1)
        row.say("assistant", "I'm sorry, that card was declined.")
        row.say(
            "user",
            "Oh that's my work card, try this one instead: "
            if s2
            else "oh thats my work card try this one instead ",
            card_pii(row, t2, ds2, exact=e2),
            smart=s2,
        )
    else:
        a, _ = written(ds1, net1, rng, sep=" ")
        b, _ = written(ds2, net2, rng, sep=rng.choice([" ", "-", ""]))
        note_exact = True
        row.tags.add("card.written.space")
        row.say("assistant", "Which card should we charge?")
        row.say(
            "user",
            "Not ",
            card_pii(row, a, ds1, exact=note_exact),
            ", that one's cancelled. Use ",
            card_pii(row, b, ds2),
            ".",
        )
    return row


def with_lookalikes(rng: random.Random) -> Row:
    """A real card and card-shaped numbers that stay in clear, in the same call."""
    from pii_dev10_neg import gift_number, order_number

    row = Row("d10.card_with_lookalikes")
    net, ds = card_digits(rng)
    tag_card(row, net, ds)
    row.tags.add("aim.card_precision")
    text, tag = written(ds, net, rng, sep=rng.choice([" ", "-", ""]))
    row.tags.add(tag)
    g = gift_number(rng)
    o = order_number(rng)
    kind = rng.choice(["gift_then_card", "order_and_card", "card_and_ref"])
    row.tags.add(f"card.mix.{kind}")
    if kind == "gift_then_card":
        row.say(
            "user",
            "The gift card ",
            Benign("gift_card", g),
            " only covers part of it, so put the rest on my credit card.",
        )
        row.say("assistant", "Sure, the credit card number?")
        row.say("user", card_pii(row, text, ds), ".")
    elif kind == "order_and_card":
        row.say(
            "user",
            "It's for order ",
            Benign("order_id", o),
            ", and the card is ",
            card_pii(row, text, ds),
            ".",
        )
    else:
        ref = " ".join(str(rng.randint(1000, 9999)) for _ in range(4))
        row.say("user", "I paid with ", card_pii(row, text, ds), " but never got a confirmation.")
        row.say(
            "assistant",
            "I see the payment. Your confirmation number is ",
            Benign("confirmation", ref),
            ".",
        )
    return row
