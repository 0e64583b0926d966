"""dev7's phone families: national and international numbers of 41 regions as callers say them.

Labelling: a phone label runs from the first digit a caller must dial after any international
prefix (the country code when there is one, the trunk "0" otherwise) to the last digit of the
subscriber number. "plus", "double oh", "zero zero", "oh one one" and an extension are outside
it: they identify no one. A number said over turns is labelled in each turn (`split`); a
number the agent reads back is labelled in the agent's turn too.
"""

from __future__ import annotations

import json
import random

import phonenumbers
from pii_dev7_say import REGIONS, groups_of, number, spoken, typed
from pii_rows import Pii, Row, maybe

ASK = [
    "Where's best to reach you if the line drops?",
    "And a callback number in case we get cut off?",
    "Could I take a contact number for the technician?",
    "Which number should the courier ring when they're outside?",
    "Can you give me the mobile you'd like the texts to go to?",
]
LEAD = [
    "yeah it's ",
    "um so my number's ",
    "you can get me on ",
    "best one is probably my mobile ",
    "ok so it's ",
    "right, that'd be ",
    "the one I use is ",
    "ring me on ",
    "",
]
TAIL = ["", "", " thanks", " that's my mobile", " yeah", " any time after five"]
PREFIX = {  # how the international prefix is said, and the tag it gets
    "plus": ["plus ", "plus sign "],
    "double_oh": ["double oh ", "double zero "],
    "zero_zero": ["zero zero ", "oh oh "],
    "oh_one_one": ["oh one one ", "zero one one "],
}
STYLES = ["ones", "ones", "mixed", "mixed", "runs", "written"]
ACK = ["mhm", "ok", "got it", "yep go on", "ok and then", "right", "uh huh"]


def _said(rng: random.Random, groups: list[str], row: Row, style: str = "") -> str:
    style = style or rng.choice(STYLES)
    slip = 0.35 if maybe(rng, 0.35) and style != "written" else 0.0
    text = spoken(groups, rng, style, slip)
    row.tags.add(f"phone.style.{style}")
    if slip and any(w in text.split() for w in ("for", "to", "ate", "won")):
        row.tags.add("phone.asr_slip")
    if any(w in text.split() for w in ("double", "triple")):
        row.tags.add("phone.double")
    if "hundred" in text.split() or "thousand" in text.split():
        row.tags.add("phone.hundred")
    return text


def _start(name: str, rng: random.Random) -> tuple[Row, str, bool]:
    region = rng.choice(REGIONS)
    row = Row(name, {"phone", f"phone.region.{region}"})
    smart = maybe(rng, 0.5)
    return row, region, smart


def national(rng: random.Random) -> Row:
    row, region, smart = _start("d7_phone_national", rng)
    num = number(rng, region)
    row.tags.add("phone.national")
    row.say("assistant", rng.choice(ASK))
    text = _said(rng, groups_of(num, True), row)
    row.say("user", rng.choice(LEAD), Pii("phone", text), rng.choice(TAIL), smart=smart)
    return row


def international(rng: random.Random) -> Row:
    row, region, smart = _start("d7_phone_intl", rng)
    num = number(rng, region)
    how = rng.choice(sorted(PREFIX))
    if how == "oh_one_one" and maybe(rng, 0.7):
        how = "plus"
    row.tags |= {"phone.intl", f"phone.intl.{how}"}
    rest = _said(rng, groups_of(num, False), row)
    written = "phone.style.written" in row.tags
    cc = spoken(
        [str(num.country_code)], rng, "written" if written else rng.choice(["ones", "mixed"])
    )
    text = cc + " " + rest
    if written:
        how = "plus"
        row.tags = {t for t in row.tags if not t.startswith("phone.intl.")} | {"phone.intl.plus"}
    lead = rng.choice(
        ["from abroad it's ", "I'm on a foreign sim so it's ", "it's my work phone ", ""]
    )
    row.say("assistant", rng.choice(ASK))
    plus = "+" if written else rng.choice(PREFIX[how])
    row.say("user", lead, plus, Pii("phone", text), smart=smart)
    return row


def extension(rng: random.Random) -> Row:
    row, region, smart = _start("d7_phone_ext", rng)
    region = rng.choice(["US", "CA", "GB", "AU", "DE", region])
    row.tags = {"phone", f"phone.region.{region}", "phone.ext"}
    num = number(rng, region)
    text = _said(rng, groups_of(num, True), row)
    ext = str(rng.randint(2, 9)) + "".join(
        rng.choice("0123456789") for _ in range(rng.randint(1, 3))
    )
    said_ext = rng.choice([ext, spoken([ext], rng, "ones"), spoken([ext], rng, "mixed")])
    words = rng.choice(["extension ", "ext ", "ext. ", "and then extension ", ", ask for ext "])
    if said_ext == ext and maybe(rng, 0.4):
        words = rng.choice(["x", "x ", "#"])
    row.say("assistant", "Is there a direct line for you at the office?")
    row.say("user", "the main line is ", Pii("phone", text), " ", words, said_ext, smart=smart)
    return row


def restart(rng: random.Random) -> Row:
    """The caller starts, stops, and says it again: a fragment, or a whole wrong number."""
    row, region, smart = _start("d7_phone_restart", rng)
    num = number(rng, region)
    groups = groups_of(num, True)
    good = _said(rng, groups, row)
    fix = rng.choice(["no wait, it's ", "sorry, scratch that, ", "hang on, no, ", "I mean "])
    row.tags.add("phone.correction")
    row.say("assistant", rng.choice(ASK))
    if maybe(rng, 0.5):  # a fragment: too short to be a number
        row.say(
            "user", spoken(groups[:1], rng, "ones"), " uh ", fix, Pii("phone", good), smart=smart
        )
        return row
    wrong = list(groups)
    last = wrong[-1]
    wrong[-1] = last[:-2] + last[-1] + last[-2] if len(last) > 1 else last
    bad = spoken(wrong, rng, "ones")
    if bad == good:
        bad = spoken(wrong, rng, "mixed")
    row.tags.add("phone.correction.whole")
    row.say("user", Pii("phone", bad), ", ", fix, Pii("phone", good), smart=smart)
    return row


def over_turns(rng: random.Random) -> Row:
    row, region, smart = _start("d7_phone_turns", rng)
    num = number(rng, region)
    intl = maybe(rng, 0.3)
    groups = groups_of(num, not intl)
    if intl:
        groups = [str(num.country_code), *groups]
        row.tags.add("phone.intl")
    parts = 3 if len(groups) >= 3 and maybe(rng, 0.5) else 2
    cut = sorted(rng.sample(range(1, len(groups)), min(parts - 1, len(groups) - 1)))
    pieces = [groups[a:b] for a, b in zip([0, *cut], [*cut, len(groups)], strict=True)]
    row.tags.add(f"phone.turns.{len(pieces)}")
    row.say("assistant", rng.choice(ASK))
    style = rng.choice(STYLES)  # one caller, one recogniser: the same way in every turn
    for i, piece in enumerate(pieces):
        text = _said(rng, piece, row, style)
        lead = ("plus " if intl and i == 0 else "") + (
            "it's " if i == 0 else rng.choice(["", "then "])
        )
        row.say("user", lead, Pii("phone", text, split=True), smart=smart)
        if i < len(pieces) - 1:
            row.say("assistant", rng.choice(ACK))
    return row


def readback(rng: random.Random) -> Row:
    row, region, smart = _start("d7_phone_readback", rng)
    num = number(rng, region)
    groups = groups_of(num, True)
    said = _said(rng, groups, row)
    back = spoken(groups, rng, rng.choice(["ones", "written"]))
    row.tags.add("phone.readback")
    row.say("assistant", rng.choice(ASK))
    row.say("user", rng.choice(LEAD), Pii("phone", said), smart=smart)
    row.say("assistant", "Let me read that back: ", Pii("phone", back), ". Is that right?")
    end = "".join(groups)[-4:]  # the caller echoes the last four: part of the same number
    how = rng.choice(["ones", "short", "yep", "mixed"])
    if how in ("yep", "short"):
        row.say("user", "yep" if how == "yep" else "the start's right, yeah", smart=smart)
        return row
    row.tags.add("phone.partial_confirm")
    tail = spoken([end], rng, "ones" if how == "ones" else "mixed")
    lead, after = ("yes, ", " at the end, that's it") if how == "ones" else ("yeah, ends in ", "")
    row.say("user", lead, Pii("phone", tail), after, smart=smart)
    return row


def chat(rng: random.Random) -> Row:
    row, region, _ = _start("d7_phone_typed", rng)
    num = number(rng, region)
    text = typed(num, rng)
    row.tags |= {"typed", "phone.typed"}
    if "." in text:
        row.tags.add("phone.typed.dots")
    if "/" in text:
        row.tags.add("phone.typed.slash")
    if "(" in text:
        row.tags.add("phone.typed.parens")
    start = 2 if text.startswith("00") else 1 if text.startswith("+") else 0
    prefix, label = text[:start], text[start:]
    row.say("assistant", "You can type your number in the chat if that's easier.")
    row.say("user", rng.choice(["", "ok ", "here: ", "my cell - "]), prefix, Pii("phone", label))
    return row


def tool(rng: random.Random) -> Row:
    row, region, _ = _start("d7_phone_tool", rng)
    num = number(rng, region)
    e164 = phonenumbers_e164(num)
    row.tags.add("tool")
    key = rng.choice(["callback_number", "phone", "contactPhone", "msisdn", "mobile_no"])
    value = rng.choice([e164, e164[1:], typed(num, rng)])
    body = json.dumps({"customer_ref": f"C-{rng.randint(1000, 9999)}", key: value})
    at = body.index(value)
    start = at + next(i for i, c in enumerate(value) if c.isdigit())
    if value.startswith("00"):
        start = at + 2
    row.say("user", "just send me a text when it's booked")
    row.say(
        "tool", body[:start], Pii("phone", body[start : at + len(value)]), body[at + len(value) :]
    )
    return row


def phonenumbers_e164(num: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)


FAMILIES = {
    "d7_phone_national": (national, 8),
    "d7_phone_intl": (international, 6),
    "d7_phone_ext": (extension, 3),
    "d7_phone_restart": (restart, 3),
    "d7_phone_turns": (over_turns, 5),
    "d7_phone_readback": (readback, 3),
    "d7_phone_typed": (chat, 3),
    "d7_phone_tool": (tool, 2),
}
