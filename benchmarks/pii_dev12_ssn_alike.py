"""dev12's SSN look-alikes, each said where a caller would say it: a business's EIN (2-7), an
ITIN (9xx, a spouse's when the caller has a social), the last four of a social said alone, a
claim / reference / policy / case number in 3-2-4 shape, a bank routing number (nine digits),
the last four of a phone, a W-2 control number, amounts.
"""

from __future__ import annotations

from pii_dev12_call import Call, ask_id
from pii_dev12_kit import digits, pick, speak, split, words
from pii_dev12_num import ein, itin
from pii_rows import Benign, maybe

EIN_SAY = (
    "i also have a side business, the ein for that is ",
    "for my llc the e i n is ",
    "the employer's ein on my w2 is ",
    "our company's federal tax id is ",
    "the business account is under the ein ",
)
ITIN_OWN = (
    "i don't have a social i have an itin ",
    "it's an itin not a social, ",
    "i file with my i t i n ",
)
ITIN_SPOUSE = (
    "my wife doesn't have a social, her itin is ",
    "my husband files with an itin, ",
    "for my spouse it's an itin, ",
)
SHAPED = (
    ("claim_324", "claim number"),
    ("reference_324", "reference number"),
    ("policy_324", "policy number"),
    ("case_324", "case number"),
)


def routing(c: Call) -> str:
    """A valid ABA routing number (the 3-7-1 checksum)."""
    body = digits(c.rng, 8, lead="0123")
    weights = (3, 7, 1, 3, 7, 1, 3, 7)
    return body + str((10 - sum(int(x) * w for x, w in zip(body, weights, strict=True)) % 10) % 10)


def _said_ein(c: Call) -> Benign:
    r, e = c.rng, ein(c.rng)
    if not c.raw and maybe(r, 0.7):
        return Benign("ein", f"{e[:2]}-{e[2:]}")
    if maybe(r, 0.5):
        return Benign("ein", f"{words(e[:2], r)} dash {words(e[2:], r)}")
    return Benign("ein", f"{speak(e[:2], r)} {speak(e[2:], r)}")


def alike(c: Call, *, has_ssn: bool) -> None:
    """One look-alike exchange (two turns), fit to the business and to whether the caller
    has given a social in this row."""
    r = c.rng
    options = [1, 3, 4, 5, 7, 8] + ([] if has_ssn else [2])
    if c.biz.kind not in ("clinic", "health_insurer", "university"):
        options.append(0)
    if c.biz.kind in ("tax_prep", "payroll_hr"):
        options += [6, 0]
    how = pick(r, options)
    if how == 0:
        c.user(pick(r, EIN_SAY), _said_ein(c))
        c.bot(
            pick(
                r,
                (
                    "That's the business's number; I'll keep it separate from yours.",
                    f"Got the EIN, {c.first}.",
                ),
            )
        )
    elif how == 1:
        a, b, d = split(itin(r), (3, 2, 4))
        text = (
            f"{a}-{b}-{d}"
            if not c.raw and maybe(r, 0.6)
            else " ".join(speak(g, r) for g in (a, b, d))
        )
        c.user(pick(r, ITIN_SPOUSE if has_ssn else ITIN_OWN), Benign("itin", text))
        c.bot(pick(r, ("Okay, an ITIN works for this.", "That's fine, we accept ITINs.")))
    elif how == 2:
        c.bot(
            pick(
                r,
                (
                    f"For security, {c.first}, just the last four of your social?",
                    "I only need the last four of the SSN.",
                ),
            )
        )
        last = digits(r, 4, lead="0123456789")
        c.user(
            pick(r, ("last four ", "it's ", "the last four are ")),
            Benign("ssn_last_four", words(last, r) if c.raw else last),
        )
    elif how == 3:
        g = digits(r, 3) + digits(r, 2) + digits(r, 4, lead="0123456789")
        a, b, d = split(g, (3, 2, 4))
        cls, noun = pick(r, SHAPED)
        text = f"{a}-{b}-{d}" if not c.raw else " ".join(speak(x, r) for x in (a, b, d))
        c.user(
            pick(
                r, (f"the {noun} on the letter is ", f"they gave me a {noun}, ", f"it says {noun} ")
            ),
            Benign(cls, text),
        )
        c.bot(pick(r, (f"Thanks, I'll attach that {noun}.", f"Okay, I see that {noun} on my end.")))
    elif how == 4:
        rt = routing(c)
        c.user(
            pick(r, ("routing number ", "the routing on my checks is ", "bank routing ")),
            Benign("routing", rt if not c.raw else words(rt, r)),
        )
        c.bot(pick(r, ("And that's for the direct deposit, got it.", f"Routing noted, {c.first}.")))
    elif how == 5:
        c.bot(
            pick(
                r,
                (
                    "What are the last four of the phone number on the account?",
                    f"Can you confirm the last four digits of your phone, {c.first}?",
                ),
            )
        )
        c.user(
            pick(r, ("it ends in ", "", "last four ")),
            Benign("phone_last_four", digits(r, 4, lead="0123456789")),
        )
    elif how == 6:
        c.user(
            pick(r, ("the w2 has a control number in box d, ", "the w2 says control number ")),
            Benign("w2_control", digits(r, pick(r, (5, 7, 9)))),
        )
        c.bot("That control number can be left off, thanks.")
    elif how == 7:
        c.bot(
            pick(
                r,
                (
                    "You'll see a charge of ",
                    "Your refund estimate is ",
                    "The amount on the notice is ",
                ),
            ),
            Benign("amount", f"${r.randrange(120, 9800):,}.{r.randrange(100):02d}"),
            ".",
        )
        c.user(pick(r, ("okay", "that's less than last year", "oh wow", "hmm")))
    else:
        ask_id(c)
