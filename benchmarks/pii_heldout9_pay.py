"""heldout9's cards, IBANs and SSNs as callers give them: said, typed, over turns, corrected,
read back, and in the agent's tool calls.

Labelling (heldout9's, after docs/redaction.md): only the card number is labelled; its expiry
and security code are neither PII nor look-alikes (left unmarked), the billing ZIP or postcode
is a look-alike. A card corrected or restarted inside one stretch of speech is one label from
its first digit to its last; words between groups are inside it. An agent's echo of one group
while a number is read is a piece of it (split). An IBAN said again after a failed check is
labelled both times. The last four of a card or an SSN said alone, a masked card, an ITIN and
an EIN are look-alikes, never labels.
"""

from __future__ import annotations

import random

from pii_heldout9_bank import iban_groups, said_iban
from pii_heldout9_kit import digits, expiry, group, pick
from pii_heldout9_say import DONE, MORE, Caller, mutate, typed
from pii_rows import Benign, Pii, Row, maybe

ASIDES = (
    "sorry hang on the numbers are worn off on this one",
    "wait let me get my glasses",
    "hold on the dog's barking",
    "sorry the light's bad in the truck",
    "one sec my kid is asking me something",
)
FILLERS = (" ", ", ", " ", " uh ", " um ", "... ", " okay ", ", then ", " hmm ", ", next is ")


def _card_words(groups: list[str], rng: random.Random, row: Row) -> list[str]:
    style = pick(rng, ("digits", "digits", "pairs", "mixed", "double"))
    row.tags.add(f"card.said.{style}")
    slip = 0.2 if maybe(rng, 0.2) else 0.0
    if slip:
        row.tags.add("card.homophone")
    return [group(g, rng, style, slip) for g in groups]


def _fill_join(parts: list[str], rng: random.Random) -> str:
    return "".join(
        p + (pick(rng, FILLERS) if i < len(parts) - 1 else "") for i, p in enumerate(parts)
    )


def card_written(c: Caller, rng: random.Random, row: Row) -> str:
    sep = pick(rng, (" ", " ", "-", ""))
    row.tags.add(f"card.written.{ {' ': 'spaces', '-': 'dashes', '': 'none'}[sep] }")
    return sep.join(c.card.groups)


CARD_LEADS = ("It's ", "Okay, ", "Here it is: ", "The number is ", "Sure, it's ", "Ready? ")
CARD_RAW_LEADS = ("okay it's ", "um ", "alright so ", "the number is ", "ready okay ", "it's ")


def say_card(row: Row, rng: random.Random, c: Caller, raw: bool) -> None:
    """The caller reads their card; the agent around it."""
    row.tags.add(f"card.net.{c.card.network}")
    groups = c.card.groups
    how = rng.randrange(10)
    if how in (0, 1, 2) or (how == 8 and raw):
        label = _fill_join(_card_words(groups, rng, row), rng) if raw else card_written(c, rng, row)
        lead = pick(rng, CARD_RAW_LEADS if raw else CARD_LEADS)
        row.say("user", lead, Pii("card", label), smart=not raw)
    elif how in (3, 4):
        row.tags.add("card.turns.2")
        said = _card_words(groups, rng, row) if raw else list(groups)
        cut = len(said) // 2
        if raw:
            first = Pii("card", _fill_join(said[:cut], rng), True)
            row.say("user", pick(rng, CARD_RAW_LEADS), first, smart=False)
        else:
            row.say("user", pick(rng, CARD_LEADS), Pii("card", " ".join(said[:cut]), True), "...")
        if maybe(rng, 0.5):
            row.tags.add("card.agent_echo")
            row.say(
                "assistant",
                Pii("card", groups[cut - 1], True),
                pick(rng, (", yes, go on.", ", got it.")),
            )
        else:
            row.say("assistant", pick(rng, ("Mm-hm, keep going.", "Okay.", "Got that, next?")))
        rest = _fill_join(said[cut:], rng) if raw else " ".join(said[cut:])
        row.say("user", pick(rng, MORE), Pii("card", rest, True), pick(rng, DONE), smart=not raw)
    elif how == 5:
        row.tags.add("card.turns.aside")
        said = _card_words(groups, rng, row)
        cut = 2 if len(said) > 3 else 1
        row.say(
            "user",
            pick(rng, CARD_RAW_LEADS),
            Pii("card", _fill_join(said[:cut], rng), True),
            smart=False,
        )
        row.say("user", pick(rng, ASIDES), smart=False)
        row.say(
            "assistant", pick(rng, ("Take your time.", "No rush.", "Sure, whenever you're ready."))
        )
        row.say(
            "user", pick(rng, MORE), Pii("card", _fill_join(said[cut:], rng), True), smart=False
        )
    elif how == 6:
        row.tags.add("card.correction")
        said = _card_words(groups, rng, row)
        at = 1 + rng.randrange(len(said) - 1)
        oops = pick(rng, ("no sorry", "wait no", "scratch that"))
        said[at] = f"{mutate(said[at], rng)}, {oops}, {said[at]}"
        row.say("user", pick(rng, CARD_RAW_LEADS), Pii("card", _fill_join(said, rng)), smart=False)
    elif how == 7:
        row.tags.add("card.restart")
        said = _card_words(groups, rng, row)
        start = said[0].split(" ")
        restart = " ".join(start[: max(1, len(start) // 2)])
        label = f"{restart}, {pick(rng, ('sorry, let me start over,', 'hang on,', 'sorry,'))} "
        label += _fill_join(said, rng)
        row.say("user", pick(rng, CARD_RAW_LEADS), Pii("card", label), smart=False)
    elif how == 8:
        row.tags.add("typed")
        text = card_written(c, rng, row)
        row.say("user", pick(rng, ("card ", "here: ", "")), Pii("card", typed(text, rng, row)))
    else:
        label = card_written(c, rng, row)
        row.say("user", pick(rng, CARD_LEADS), Pii("card", label), ".")
        row.tags.add("card.readback")
        row.say("assistant", "Reading it back: ", Pii("card", " ".join(groups)), ". Right?")
        row.say("user", pick(rng, ("Yes.", "That's it.", "Correct.")))
    _card_after(row, rng, c, raw)


def _card_after(row: Row, rng: random.Random, c: Caller, raw: bool) -> None:
    """Expiry and code (unmarked), the billing ZIP (a look-alike), the last four read back."""
    if maybe(rng, 0.6):
        row.tags.add("card.expiry_after")
        row.say(
            "assistant",
            pick(
                rng,
                (
                    "And the expiry and the three digits on the back?",
                    "Expiration date and security code, please.",
                ),
            ),
        )
        written, said = expiry(rng)
        code = (
            f"{rng.randrange(1000):03d}"
            if c.card.network != "amex"
            else f"{rng.randrange(10000):04d}"
        )
        if raw:
            row.say("user", f"{said} and the code is {digits(code, rng)}", smart=False)
        else:
            row.say("user", f"Expires {written}, code {code}.")
    if maybe(rng, 0.5):
        row.say("assistant", pick(rng, ("And the billing zip?", "Billing postcode?")))
        if c.region in ("US", "PR") or maybe(rng, 0.5):
            zip5 = f"{rng.randrange(1000, 99999):05d}"
            row.say(
                "user",
                "it's ",
                Benign("billing_zip", digits(zip5, rng) if raw else zip5),
                smart=not raw,
            )
        else:
            code = f"{chr(65 + rng.randrange(26))}{rng.randrange(10)}{chr(65 + rng.randrange(26))}"
            code += f" {rng.randrange(10)}{chr(65 + rng.randrange(26))}{rng.randrange(10)}"
            row.say("user", "Postcode ", Benign("postcode", code), ".")
    if maybe(rng, 0.6):
        last = c.card.last4
        row.say(
            "assistant",
            pick(
                rng,
                ("Thanks, that's the card ending in ", "Okay, ending ", "Got it, the one ending "),
            ),
            Benign("card_last4", last),
            ".",
        )


def charge_call(row: Row, rng: random.Random, c: Caller, amount: str, tool: str) -> None:
    """The agent's payment tool call with the card, and its masked result."""
    row.tags.add("tool")
    key = pick(rng, ("card_number", "pan", "cardNumber", "number"))
    written, _ = expiry(rng)
    row.say(
        "assistant",
        f'{tool}({{"{key}": "',
        Pii("card", c.card.pan),
        f'", "exp": "{written}", "amount": "',
        Benign("amount", amount),
        '"})',
    )
    masked = "*" * (len(c.card.pan) - 4) + c.card.last4
    auth = f"{rng.randrange(1000000):06d}"
    row.say(
        "tool",
        '{"status": "approved", "card": "',
        Benign("masked_card", masked),
        '", "auth_code": "',
        Benign("auth_code", auth),
        '"}',
    )


# ---- IBANs --------------------------------------------------------------------------------


def iban_said(number: str, rng: random.Random, row: Row) -> str:
    how = pick(rng, ("plain", "plain", "nato", "as_in"))
    style = pick(rng, ("digits", "digits", "pairs", "mixed"))
    row.tags.add(f"iban.letters.{how}")
    row.tags.add(f"iban.digits.{style}")
    return said_iban(number, rng, how, style)


def iban_written(number: str, rng: random.Random, row: Row) -> str:
    how = rng.randrange(4)
    row.tags.add(f"iban.written.{('groups', 'compact', 'lower', 'groups')[how]}")
    if how == 1:
        return number
    text = " ".join(iban_groups(number))
    return text.lower() if how == 2 else text


IBAN_LEADS = ("It's ", "The IBAN is ", "Okay, ", "Here it is, ", "Sure: ")
IBAN_RAW = ("okay it's ", "um so ", "the iban is ", "right it's ", "it goes ")


def say_iban(row: Row, rng: random.Random, c: Caller, raw: bool) -> None:
    row.tags.add(f"iban.country.{c.iban[:2]}")
    how = rng.randrange(8)
    if how in (0, 1, 2, 3):
        label = iban_said(c.iban, rng, row) if raw else iban_written(c.iban, rng, row)
        row.say(
            "user", pick(rng, IBAN_RAW if raw else IBAN_LEADS), Pii("iban", label), smart=not raw
        )
    elif how == 4:
        row.tags.add("iban.turns.2")
        groups = iban_groups(c.iban)
        cut = len(groups) // 2
        said = [iban_said(g, rng, row) if raw else g for g in groups]
        row.say("user", pick(rng, IBAN_RAW), Pii("iban", " ".join(said[:cut]), True), smart=not raw)
        row.say("assistant", pick(rng, ("Okay, and then?", "Got that part.", "Yes, continue.")))
        row.say("user", pick(rng, MORE), Pii("iban", " ".join(said[cut:]), True), smart=not raw)
    elif how == 5:
        row.tags.add("iban.correction.repeat")
        right = iban_said(c.iban, rng, row) if raw else iban_written(c.iban, rng, row)
        row.say(
            "user",
            pick(rng, IBAN_RAW if raw else IBAN_LEADS),
            Pii("iban", mutate(right, rng)),
            smart=not raw,
        )
        row.say("assistant", "validate_iban()")
        row.say("tool", '{"valid": false, "reason": "checksum"}')
        row.say("assistant", "The check digits don't match. Could you read it once more?")
        row.say(
            "user", pick(rng, ("sorry, ", "okay, ", "right, ")), Pii("iban", right), smart=not raw
        )
    elif how == 6:
        row.tags.add("typed")
        text = iban_written(c.iban, rng, row)
        row.say("user", pick(rng, ("iban: ", "here u go ", "")), Pii("iban", typed(text, rng, row)))
    else:
        row.tags.add("iban.readback")
        label = iban_said(c.iban, rng, row) if raw else iban_written(c.iban, rng, row)
        row.say(
            "user", pick(rng, IBAN_RAW if raw else IBAN_LEADS), Pii("iban", label), smart=not raw
        )
        row.say(
            "assistant", "Let me read it back: ", Pii("iban", " ".join(iban_groups(c.iban))), "."
        )
        row.say("user", pick(rng, ("That's right.", "Yes.", "Spot on.")))
    if maybe(rng, 0.4):
        row.say("assistant", "And the BIC or SWIFT code, if you have it?")
        row.say(
            "user",
            "It's ",
            Benign(
                "bic",
                pick(
                    rng,
                    (
                        "DEUTDEFF",
                        "INGBNL2A",
                        "BNPAFRPP",
                        "BARCGB22",
                        "NDEASESS",
                        "UBSWCHZH80A",
                        "RABONL2U",
                        "AIBKIE2D",
                        "PKOPPLPW",
                    ),
                ),
            ),
            ".",
        )


def iban_call(row: Row, rng: random.Random, c: Caller, tool: str) -> None:
    row.tags.add("tool")
    row.say("assistant", f'{tool}({{"holder": "{c.name}", "iban": "', Pii("iban", c.iban), '"})')
    row.say(
        "tool",
        '{"ok": true, "refund_id": "',
        Benign("refund_id", f"RF{rng.randrange(10**7):07d}"),
        '"}',
    )


# ---- SSNs ---------------------------------------------------------------------------------


def ssn_said(ssn: str, rng: random.Random, row: Row) -> str:
    a, b, d = ssn.split("-")
    style = pick(rng, ("digits", "digits", "pairs", "run", "double"))
    row.tags.add(f"ssn.said.{style}")
    if style == "run":
        return digits(a + b + d, rng)
    last = group(d, rng, "pairs" if style == "pairs" else "digits")
    sep = pick(rng, (", ", " ", "... ", " dash "))
    return f"{group(a, rng, style)}{sep}{group(b, rng, style)}{sep}{last}"


SSN_LEADS = ("Sure, it's ", "Okay, ", "It's ", "My social is ", "Got it here, ")
SSN_RAW = ("okay it's ", "um my social is ", "yeah it's ", "it's ", "alright ")


def say_ssn(row: Row, rng: random.Random, c: Caller, raw: bool) -> None:
    how = rng.randrange(8)
    a, b, d = c.ssn.split("-")
    if how in (0, 1, 2):
        text = (
            ssn_said(c.ssn, rng, row)
            if raw
            else pick(rng, (c.ssn, c.ssn, f"{a} {b} {d}", a + b + d))
        )
        row.say("user", pick(rng, SSN_RAW if raw else SSN_LEADS), Pii("ssn", text), smart=not raw)
    elif how in (3, 4):
        # over two turns, after the area or after the group (a piece of two or three digits
        # said alone would recur in many calls: the first piece carries five or more)
        row.tags.add("ssn.turns.2")
        sep = pick(rng, (" ", ", ", " dash "))
        if how == 3:
            first = f"{digits(a, rng)}{sep}{digits(b, rng)}" if raw else f"{a}-{b}"
            rest = group(d, rng, pick(rng, ("digits", "pairs"))) if raw else d
        else:
            first = digits(a + b[0], rng) if raw else a + b[0]
            rest = f"{digits(b[1], rng)}{sep}{digits(d, rng)}" if raw else f"{b[1]}-{d}"
            row.tags.add("ssn.cut.odd")
        row.say(
            "user", pick(rng, SSN_RAW if raw else SSN_LEADS), Pii("ssn", first, True), smart=not raw
        )
        row.say("assistant", pick(rng, ("Okay.", "Mm-hm, then?", "Go on.", "Yes, and?")))
        row.say("user", pick(rng, MORE), Pii("ssn", rest, True), pick(rng, DONE), smart=not raw)
    elif how == 5:
        row.tags.add("typed")
        text = typed(pick(rng, (c.ssn, f"{a} {b} {d}")), rng, row)
        row.say("user", pick(rng, ("ssn ", "here: ", "")), Pii("ssn", text))
    elif how == 6:
        row.tags.add("ssn.agent_echo")
        row.say(
            "user",
            pick(rng, SSN_RAW),
            Pii("ssn", f"{digits(a, rng)} {digits(b, rng)}", True),
            smart=False,
        )
        row.say(
            "assistant",
            Pii("ssn", f"{a}-{b}", True),
            pick(rng, (", and the last four?", ", then?")),
        )
        row.say("user", pick(rng, MORE), Pii("ssn", group(d, rng, "pairs"), True), smart=False)
    else:
        text = ssn_said(c.ssn, rng, row) if raw else c.ssn
        row.say("user", pick(rng, SSN_RAW if raw else SSN_LEADS), Pii("ssn", text), smart=not raw)
        row.say(
            "assistant",
            pick(rng, ("So the last four are ", "That's the one ending ")),
            Benign("ssn_last4", d),
            "?",
        )
        row.say("user", "yes", smart=False)


def ssn_call(row: Row, rng: random.Random, c: Caller, tool: str) -> None:
    row.tags.add("tool")
    value = pick(rng, (c.ssn, c.ssn.replace("-", "")))
    row.say("assistant", f'{tool}({{"name": "{c.name}", "ssn": "', Pii("ssn", value), '"})')
    row.say(
        "tool",
        '{"submitted": true, "application": "',
        Benign("application_id", f"APP-{rng.randrange(10**6):06d}"),
        '", "status": "pending"}',
    )


def words_amount(text: str) -> str:
    """An amount as written for a tool argument."""
    return text.replace("$", "").replace("£", "").replace(",", "")
