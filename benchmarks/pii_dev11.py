"""dev11: a development part aimed at the redactor's weak spots on long, realistic calls.

Written by someone who had not read the rules, after the dev10 round, aimed at the failure
classes measured elsewhere:

- phone precision: long calls dense with phone-shaped look-alikes (7 to 12 digit ids of every
  kind, business and fax lines, dates and times run together, addresses, digits in tool JSON
  under non-phone keys, numbers after "calling about"/"regarding"), beside phones that do
  belong to people (the caller's, a relative's, a clinic's patient, an SMS tool's `to`),
  about half US/Canada and the rest from 23 regions;
- email precision: websites said aloud, social handles, "at" in speech, company mailboxes,
  file names, versions, usernames, beside people's emails said every way (spelled, "at the
  rate", corrected, split across turns, in JSON);
- SSN recall: SSNs in digits, words, pairs, "double", with "dash", over turns, read back, and
  in tool JSON under many keys; EINs, ITINs, 3-2-4 claim numbers and last fours beside them;
- false alarms in business talk (bills, orders, appointments, deliveries), and known hard card
  readings (an agent echoing a group, a group said twice, "twenty three hundred o nine").

Generated rows come from FAMILIES below (seed 22018); hand-written rows are in
tests/data/pii/hand_dev11.jsonl.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from pii_dev11_kit import Call
from pii_dev11_mail import (
    email_correction,
    email_neg,
    email_split,
    email_spoken,
    email_tool,
    mail_fill,
)
from pii_dev11_neg import (
    ack,
    close_call,
    fits,
    open_call,
    seg_appointment,
    seg_bill,
    seg_business_line,
    seg_datetime_run,
    seg_delivery,
    seg_lookup,
)
from pii_dev11_other import card_read, iban_call, ssn_neg, ssn_split, ssn_spoken, ssn_tool
from pii_dev11_phone import (
    phone_calling_about,
    phone_correction,
    phone_long,
    phone_neg,
    phone_other_person,
    phone_sms,
    phone_split,
)
from pii_rows import Retry, Row, maybe

BUSY = (seg_bill, seg_delivery, seg_appointment, seg_datetime_run, seg_lookup, seg_business_line)


def biz_talk(rng: random.Random) -> Row:
    """Number-dense business talk only: bills, orders, appointments, deliveries."""
    c = Call(rng, "d11.biz_talk")
    c.tag("aim.false_alarm", "aim.phone_precision")
    open_call(c)
    busy = [s for s in fits(c) if s in BUSY]
    for seg in rng.sample(busy, min(len(busy), rng.randint(2, 4))):
        ack(c)
        seg(c)
    if maybe(rng, 0.3):
        mail_fill(c, 1)
    close_call(c)
    return c.row


def _capped(family: Callable[[random.Random], Row]) -> Callable[[random.Random], Row]:
    """Calls of 4 to 14 turns: a longer draw is drawn again."""

    def draw(rng: random.Random) -> Row:
        row = family(rng)
        if not 4 <= len(row.turns) <= 14:
            raise Retry(row.family)
        return row

    draw.__doc__ = family.__doc__
    return draw


FAMILIES: dict[str, tuple[Callable[[random.Random], Row], float]] = {
    # look-alikes only (~45 %)
    "d11.phone_neg": (_capped(phone_neg), 14.0),
    "d11.biz_talk": (_capped(biz_talk), 12.0),
    "d11.email_neg": (_capped(email_neg), 12.0),
    "d11.ssn_neg": (_capped(ssn_neg), 7.0),
    # PII (~55 %): phones 40 %, emails 25 %, SSNs 20 %, cards 10 %, IBANs 5 %
    "d11.phone_long": (_capped(phone_long), 7.0),
    "d11.phone_calling_about": (_capped(phone_calling_about), 3.5),
    "d11.phone_sms": (_capped(phone_sms), 3.5),
    "d11.phone_other_person": (_capped(phone_other_person), 3.5),
    "d11.phone_split": (_capped(phone_split), 2.5),
    "d11.phone_correction": (_capped(phone_correction), 2.0),
    "d11.email_spoken": (_capped(email_spoken), 6.0),
    "d11.email_correction": (_capped(email_correction), 2.5),
    "d11.email_split": (_capped(email_split), 2.5),
    "d11.email_tool": (_capped(email_tool), 3.0),
    "d11.ssn_spoken": (_capped(ssn_spoken), 5.0),
    "d11.ssn_split": (_capped(ssn_split), 3.0),
    "d11.ssn_tool": (_capped(ssn_tool), 3.0),
    "d11.card_read": (_capped(card_read), 5.5),
    "d11.iban": (_capped(iban_call), 2.5),
}
