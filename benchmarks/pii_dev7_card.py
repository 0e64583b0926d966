"""dev7's card families: eight networks, read as printed, in pairs, unevenly, with words between
groups, corrected, over turns, with the expiry and security code right after, typed and in tool
JSON. Only the card number is labelled (the expiry and the code are neither PII nor look-alikes
here: a redactor may hide them or not).
"""

from __future__ import annotations

import json
import random

from pii_dev7_say import CARDS, card, chunk, cut, ones, regroup, spoken
from pii_rows import Pii, Row, maybe

BETWEEN = [
    " ",
    " ",
    " then ",
    " and the next bit is ",
    ", um, ",
    " ... ",
    " after that ",
    " and then ",
    ", okay, ",
]
ASK = [
    "Which card would you like to pay with today?",
    "Go ahead with the long number on the front whenever you're ready.",
    "I'll need the card number to take the deposit.",
    "And what's the number on the new card?",
]
LEAD = [
    "",
    "it's ",
    "ok the long number is ",
    "right so ",
    "yeah it's the debit card, ",
    "hold on, ",
]
ACK = ["ok", "mhm", "yep", "got that", "carry on", "and the rest?"]
EXPIRY = [
    "expires oh four twenty nine",
    "expiry is 11/27",
    "exp date twelve twenty eight",
    "valid till march twenty seven",
    "ends oh nine slash two six",
]
CVV = ["and the code on the back is {c}", "security code {c}", "cvv {c}", "three digit code is {c}"]


def _group_text(groups: list[str], rng: random.Random, style: str, row: Row) -> str:
    if style == "written":
        return rng.choice([" ", "-", "  "]).join(groups)
    if style == "pairs":
        row.tags.add("card.said.pairs")
        return " ".join(chunk(g, rng) if len(g) <= 4 else ones(g, rng) for g in groups)
    slip = 0.3 if maybe(rng, 0.3) else 0.0
    words = [ones(g, rng, slip=slip, runs=0.3) for g in groups]
    if slip and any(w in " ".join(words).split() for w in ("for", "to", "ate", "won")):
        row.tags.add("card.asr_slip")
    return " ".join(words)


def _between(groups: list[str], rng: random.Random, style: str, row: Row) -> str:
    out = ""
    # words between two or three of the gaps at most; the others a pause or nothing
    worded = set(rng.sample(range(1, len(groups)), min(len(groups) - 1, rng.choice([1, 2, 3]))))
    for i, g in enumerate(groups):
        piece = _group_text([g], rng, style, row)
        if i:
            sep = rng.choice(BETWEEN) if i in worded else rng.choice([" ", ", "])
            sep = sep if style != "written" else " "
            if sep.strip():
                row.tags.add("card.words_between")
            out += sep
        out += piece
    return out


def _start(name: str, rng: random.Random) -> tuple[Row, str, str, tuple[int, ...]]:
    network = rng.choice(sorted(CARDS))
    digits, usual = card(rng, network)
    return Row(name, {"card", f"card.net.{network}"}), network, digits, usual


def _grouping_tag(groups: list[str], row: Row) -> None:
    row.tags.add(
        "card.group." + ("none" if len(groups) == 1 else "-".join(map(str, map(len, groups)))[:12])
    )


def plain(rng: random.Random) -> Row:
    row, _, digits, usual = _start("d7_card_said", rng)
    groups = regroup(digits, rng, usual)
    _grouping_tag(groups, row)
    style = rng.choice(["ones", "ones", "pairs", "written"])
    row.tags.add(f"card.style.{style}")
    text = _between(groups, rng, style, row)
    smart = style == "written" or maybe(rng, 0.3)
    row.say("assistant", rng.choice(ASK))
    after = ""
    if maybe(rng, 0.5):
        row.tags.add("card.expiry_after")
        after = ", " + rng.choice(EXPIRY)
        if maybe(rng, 0.5):
            after += ", " + rng.choice(CVV).format(
                c=spoken([f"{rng.randint(100, 999)}"], rng, "ones")
            )
            row.tags.add("card.cvv_after")
    row.say("user", rng.choice(LEAD), Pii("card", text), after, smart=smart)
    return row


def correction(rng: random.Random) -> Row:
    row, _, digits, usual = _start("d7_card_fix", rng)
    groups = cut(digits, usual)
    row.tags.add("card.correction")
    row.say("assistant", rng.choice(ASK))
    if maybe(rng, 0.5):  # one group said wrong, then again
        k = rng.randrange(1, len(groups))
        bad = (
            groups[k][::-1]
            if groups[k][::-1] != groups[k]
            else str((int(groups[k]) + 1) % 10 ** len(groups[k])).zfill(len(groups[k]))
        )
        head = " ".join(ones(g, rng) for g in groups[:k])
        tail = " ".join(ones(g, rng) for g in groups[k:])
        fix = rng.choice(
            [" no sorry ", " wait no, ", " I mean ", " uh let me start that group again "]
        )
        row.tags.add("card.correction.group")
        first = f"{head} {ones(bad, rng)}"
        row.say("user", Pii("card", f"{first}{fix}{tail}"))
        return row
    row.tags.add("card.correction.restart")
    wrong = digits[:-3] + digits[-2] + digits[-3] + digits[-1]
    a = " ".join(ones(g, rng) for g in cut(wrong, usual))
    b = " ".join(ones(g, rng) for g in cut(digits, usual))
    if a == b:
        b = _between(cut(digits, usual), rng, "pairs", row)
    row.say("user", Pii("card", a), ". no hang on let me read it again properly. ", Pii("card", b))
    return row


def over_turns(rng: random.Random) -> Row:
    row, _, digits, usual = _start("d7_card_turns", rng)
    groups = cut(digits, usual)
    parts = rng.choice([2, 2, 3]) if len(groups) >= 4 else 2
    cuts = sorted(rng.sample(range(2, len(groups)), parts - 1))  # the prefix with more after it
    pieces = [groups[a:b] for a, b in zip([0, *cuts], [*cuts, len(groups)], strict=True)]
    row.tags.add(f"card.turns.{len(pieces)}")
    style = rng.choice(["ones", "pairs", "written"])
    row.tags.add(f"card.style.{style}")
    row.say("assistant", rng.choice(ASK))
    for i, piece in enumerate(pieces):
        text = _between(piece, rng, style, row)
        lead = (
            rng.choice(["it's ", "ok so ", "starts "])
            if i == 0
            else rng.choice(["", "then ", "next is ", "and "])
        )
        row.say("user", lead, Pii("card", text, split=True), smart=style == "written")
        if i < len(pieces) - 1:
            row.say("assistant", rng.choice(ACK))
    if maybe(rng, 0.4):
        row.say("assistant", "And the expiry date?")
        row.say("user", rng.choice(EXPIRY))
        row.tags.add("card.expiry_after")
    return row


def chat(rng: random.Random) -> Row:
    row, _, digits, usual = _start("d7_card_typed", rng)
    groups = regroup(digits, rng, usual)
    sep = rng.choice([" ", "-", ".", "  ", "/", ""])
    text = sep.join(groups)
    row.tags |= {"typed", "card.typed"}
    _grouping_tag(groups, row)
    row.say("assistant", "You can paste the card number into the chat box.")
    row.say(
        "user",
        rng.choice(["", "here you go ", "card: ", "ok "]),
        Pii("card", text),
        rng.choice(["", " exp 08/28", " thx"]),
    )
    return row


def tool(rng: random.Random) -> Row:
    row, _, digits, usual = _start("d7_card_tool", rng)
    row.tags.add("tool")
    value = rng.choice([digits, " ".join(cut(digits, usual)), "-".join(cut(digits, usual))])
    key = rng.choice(["card_number", "pan", "cardNumber", "payment_card"])
    body = json.dumps(
        {key: value, "exp_month": rng.randint(1, 12), "amount": f"{rng.randint(5, 400)}.00"}
    )
    at = body.index(value)
    row.say("assistant", "I'll put that through now.")
    row.say("tool", body[:at], Pii("card", value), body[at + len(value) :])
    return row


FAMILIES = {
    "d7_card_said": (plain, 8),
    "d7_card_fix": (correction, 3),
    "d7_card_turns": (over_turns, 4),
    "d7_card_typed": (chat, 2),
    "d7_card_tool": (tool, 2),
}
