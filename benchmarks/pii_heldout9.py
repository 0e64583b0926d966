"""heldout9: the ninth held-out part of the PII evaluation set (seed 22021).

Whole calls to 25 businesses that are rarely anyone's example (a piano restorer, a
beekeepers' co-op, a taxidermist, a boarding stable, a pet crematorium, a tattoo studio, a
chimney sweep, a balloon operator, an escape room, a sail loft, a clock repairer, an archery
range, an ice arena, a wine club, a well driller, a band instrument renter, a wash-and-fold
laundry, an arborist, a genealogist, a dive charter, a pest controller, a grain co-op, a
court reporting agency, a hearing centre and a vehicle ferry), written by someone who read
no rule, no rule test and no other part. Each business has its own greeting, ids, amounts,
lines, mailboxes, website and third parties; a call follows one of six plans (pay, contact,
refund, ssn, text, clear), its caller from the US or Canada a little under half the time and
otherwise from one of 48 other regions, and gives what the call needs: a phone, an email,
a card, an IBAN or an SSN, said as raw speech-to-text or smart-formatted, typed, split over
turns, read back, corrected, and in the agent's tool calls and their JSON.

Modules: pii_heldout9_kit.py (phones, cards and digit words), _bank.py (IBANs, SSNs, ITINs,
EINs), _mail.py (addresses), _say.py (callers and phones), _email.py (emails said), _pay.py
(cards, IBANs, SSNs), each with its labelling choices; _look.py (look-alike slots), _biz.py
with _biz_a/_biz_b/_biz_c.py (the businesses), _call.py (calls and plans). Every draw comes
from the rng handed to a family; numbers are valid by phonenumbers 9.0.43 and python-stdnum 2.2.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pii_heldout9_biz import all_businesses
from pii_heldout9_call import families
from pii_rows import Retry, Row


def _checked(build: Callable[[random.Random], Row]) -> Callable[[random.Random], Row]:
    """A family whose every label's text occurs once in its turn (else the row is drawn
    again)."""

    def run(rng: random.Random) -> Row:
        row = build(rng)
        for label in [*row.pii, *row.negatives]:
            if row.turns[label["turn"]]["content"].count(label["text"]) != 1:
                raise Retry(label["text"])
        return row

    return run


FAMILIES: dict[str, tuple[Callable[[random.Random], Row], float]] = {
    name: (_checked(build), weight)
    for biz in all_businesses()
    for name, (build, weight) in families(biz).items()
}
