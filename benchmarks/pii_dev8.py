"""The eighth development part, `dev8` (seed 22013), of benchmarks/pii_corpus.py.

Written after the eighth round's held-out measurement by someone who had read neither the
rules (plugin/livekit/plugins/zelto/_*.py, docs/redaction.md) nor any other part's generators
or rows, from how callers to a voice agent give (and do not give) their numbers. It aims at
what that measurement found weakest:

- phones (about 40 % of rows; benchmarks/pii_dev8_phone.py): 43 regions, 25 of them new to the
  corpus; trunk prefixes; country codes after "plus", "double oh", "zero zero", "oh one one"
  or with nothing before them ("it's four four, seven seven..."); extensions; the area code
  said apart; over two or three caller turns with the agent nudging; corrected and restarted;
  read back by the agent (digits or words) and confirmed; typed with dots, slashes, dashes of
  every width, no-break, thin and zero-width spaces, full-width or Arabic-Indic digits; in
  tool JSON under callback, contact, msisdn, tel (a tel: URI), whatsapp and the like;
- IBANs (about 20 %; benchmarks/pii_dev8_bank.py): 28 countries, 22 new to the corpus;
  grouped in fours, letters plain, run together, NATO or "as in", digits one by one with "oh",
  as numerals or in pairs, typed in lower case or with odd separators, over two or three turns,
  corrected at once or said again after a failed check, read back, in tool JSON;
- SSNs (about 10 %; benchmarks/pii_dev8_bank.py): 3-2-4 and run on, digits or words or pairs,
  "social", "social security", "SSN" or no word, over two or three turns, in tool JSON,
  corrected; the agent's masked "ending in" and a caller's last four are look-alikes;
- look-alikes (about 30 %, and mixed into a quarter of the PII rows;
  benchmarks/pii_dev8_neg.py): account, member, order, claim, case, ticket, confirmation,
  tracking and policy numbers in 3-3-4, 3-2-4, 10, 11 and 12 digits (most ten-digit ones pass
  a US phone check), times and dates said as digits, amounts, quantities, flights, trains,
  e-tickets, street numbers and ZIP+4s, meter readings and serials, IMEIs, router serials,
  VINs, routing and bank account numbers, Luhn-valid invoice numbers, the company's toll-free
  and office lines, role mailboxes, websites, and ids under id-like keys in tool JSON.

Speech and typing helpers: benchmarks/pii_dev8_say.py. Hand-written calls:
tests/data/pii/hand_dev8.jsonl.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pii_dev8_bank
import pii_dev8_neg
import pii_dev8_phone
import pii_dev8_say
from pii_rows import Row


def _checked(build: Callable[[random.Random], Row]) -> Callable[[random.Random], Row]:
    def run(rng: random.Random) -> Row:
        row = build(rng)
        pii_dev8_say.once(row)  # each label's text once in its turn, else drawn again
        return row

    return run


FAMILIES: dict[str, tuple[Callable[[random.Random], Row], float]] = {
    name: (_checked(build), weight)
    for table in (pii_dev8_phone.FAMILIES, pii_dev8_bank.FAMILIES, pii_dev8_neg.FAMILIES)
    for name, (build, weight) in table.items()
}
