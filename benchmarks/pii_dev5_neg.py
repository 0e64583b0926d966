"""The `dev5` part's look-alikes and its family table; its PII families are in
benchmarks/pii_dev5.py.

Numbers an IBAN or SSN reader may take for one: account and routing numbers in bank talk,
9-digit member ids and EINs in tax talk, policy numbers with letters, references shaped like
an IBAN whose check fails, and numbers in SSN shape said after talk of the social that are
named as something else (a claim, a case, a member id).
"""

from __future__ import annotations

import random

import pii_dev5 as d5
import pii_speech as sp
from pii_rows import Benign, Row, maybe


def _said(digits: str, rng: random.Random, spoken: bool) -> str:
    return sp.words(digits, rng, oh=0.5) if spoken else digits


def routing(rng: random.Random) -> str:
    """A 9-digit ABA routing number with a valid check digit (weights 3, 7, 1)."""
    while True:
        head = f"{rng.choice([0, 1, 2, 3])}{rng.randint(0, 9)}" + "".join(
            rng.choice("0123456789") for _ in range(6)
        )
        weights = (3, 7, 1, 3, 7, 1, 3, 7)
        total = sum(int(d) * w for d, w in zip(head, weights, strict=True))
        return head + str((10 - total % 10) % 10)


def neg_bank(rng: random.Random) -> Row:
    """A US account and routing number, read in bank talk after the IBAN question."""
    spoken = maybe(rng, 0.5)
    account = "".join(rng.choice("0123456789") for _ in range(rng.choice([8, 10, 12])))
    row = Row("d5.neg.bank", {"spoken" if spoken else "written"})
    row.say("assistant", rng.choice(d5.IBAN_ASK))
    row.say("user", "I don't have an iban, it's a us account, routing ",
            Benign("routing", _said(routing(rng), rng, spoken)), " account ",
            Benign("account", _said(account, rng, spoken)), smart=not spoken)  # fmt: skip
    return row


def neg_ids(rng: random.Random) -> Row:
    """A 9-digit member id, an EIN or an SSN-shaped claim number, after talk of the social."""
    kind = rng.choice(["member", "ein", "claim", "case"])
    digits = sp.ssn(rng)
    spoken = maybe(rng, 0.4) and kind != "ein"
    row = Row("d5.neg.ids", {"spoken" if spoken else "written", f"neg.{kind}"})
    if maybe(rng, 0.6):
        row.say("assistant", rng.choice(d5.SSN_ASK))
    if kind == "ein":
        text = f"{digits[:2]}-{digits[2:]}"
        row.say("user", "it's a business account, our EIN is ", Benign("ein", text))
    elif kind == "member":
        text = _said(digits, rng, spoken)
        row.say("user", "I'd rather not give my social, my member id is ",
                Benign("member_id", text), smart=not spoken)  # fmt: skip
    elif kind == "claim":
        text = f"{digits[:3]}-{digits[3:5]}-{digits[5:]}" if not spoken else _said(digits, rng, 1)
        row.say("user", "you have my ssn on file, the claim number is ",
                Benign("claim", text), smart=not spoken)  # fmt: skip
    else:
        text = _said(digits, rng, spoken)
        row.say("user", "my social worker gave me the case number ", Benign("case", text),
                smart=not spoken)  # fmt: skip
    return row


def neg_policy(rng: random.Random) -> Row:
    """A policy or reference number with letters, or an IBAN-shaped one whose check fails."""
    row = Row("d5.neg.policy", {"written"})
    if maybe(rng, 0.5):
        number = sp.iban(rng, rng.choice(d5.COUNTRIES))
        bad = number[:2] + f"{(int(number[2:4]) + rng.randint(1, 90)) % 100:02d}" + number[4:]
        text = " ".join(bad[i : i + 4] for i in range(0, len(bad), 4))
        row.say("user", "the payment reference on the letter is ", Benign("reference", text))
    else:
        letters = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2))
        text = letters + "".join(rng.choice("0123456789") for _ in range(rng.choice([8, 10, 12])))
        if maybe(rng, 0.5):
            said = " ".join(c.lower() if c.isalpha() else sp.WORDS[int(c)] for c in text)
            row.say("user", "the policy number is ", Benign("policy", said), smart=False)
        else:
            row.say("user", "policy ", Benign("policy", text), " for the transfer")
    return row


# family -> weight (rows per 100)
FAMILIES: dict[str, tuple[d5.Family, int]] = {
    "iban_spoken": (d5.iban_spoken, 22),
    "iban_written": (d5.iban_written, 10),
    "ssn_spoken": (d5.ssn_spoken, 22),
    "ssn_tool": (d5.ssn_tool, 6),
    "contact": (d5.contact, 5),
    "neg_bank": (neg_bank, 12),
    "neg_ids": (neg_ids, 14),
    "neg_policy": (neg_policy, 9),
}
