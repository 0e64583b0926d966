"""The thirteenth development part, dev13: aimed at what the latest held-out measurement
found weak, written by someone who read neither the rules nor any other part.

What it aims at (one `aim.*` tag per aim, each on 60 rows or more):

- `aim.recall`: every kind said the ways callers and STT say it. Phones of 40-odd regions
  (half the callers in the US or Canada) as digit words with "oh"/"o"/"zero", pairs and
  hundreds ("forty one eleven", "twenty three hundred"), "double"/"triple", fillers and
  restarts inside, typed with dots, slashes, no-break spaces, "+", "00", national or with
  "plus"/"double oh"/"oh one one" said before; cards of ten networks (Luhn-valid, real
  prefixes) read off the card, uneven typed groups, prepaid network-branded cards; emails
  spoken with "at"/"dot", spelled (sometimes NATO), "underscore"/"dash"/"hyphen",
  subdomains, country domains, work addresses; IBANs (30 countries drawn from) spaced, compact, lower
  case, dashed, spelled; SSNs in 3-2-4, 3-3-3, 5-4, 9, words; PII in tool JSON.
- `aim.email_precision`: the business's own and third parties' mailboxes, no-reply senders,
  websites typed and said with "dot", social handles "at something", "someone at the front
  desk", product names with "@"/".", file names, version strings, placeholder addresses,
  marketplace names, mail domains alone, beside the caller's real email.
- `aim.phone_precision`: the business's own lines, faxes and free-phone numbers, other
  businesses' lines (supplier, vet, courier, pharmacy, lab, council, insurer, garage, venue,
  hotel), ids of twenty-odd kinds in 7-11 digits said, typed, read back and confirmed, and
  under their own keys in tool JSON; dates, time ranges, amounts, measurements, addresses.
- `aim.false_alarm`: whole calls with look-alikes only.
- `aim.split`: a number said across two or three turns of the caller, the agent between
  with a prompt, a question, a long aside, or echoing a piece; holds ("one sec grabbing my
  wallet") and a piece said again with the next.

Labelling choices, made before any measuring (beyond docs/redaction.md "Evaluation"):

- A typed "00" exit code is inside a phone label (it is digits); a spoken "plus", "double
  oh" or "oh one one" is outside. Words between the country code and the rest ("and then")
  are inside, like fillers. An extension is left unlabelled and is not a look-alike.
- A phone said whole, taken back ("that's my old one") and another said is two labels; the
  same number said again whole after "could you repeat" is two labels.
- An agent's echo of one piece of a split number is a split label of that number; a piece
  said again together with the next ("sorry, 4127 8834 then 1120") is one split label.
- Card expiry, CVV and billing ZIP are asked for in their own turns (look-alikes); a BIN, a
  masked card, an authorisation code and a merchant id are look-alikes.
- The caller's relative's, manager's and own work numbers and emails are PII; a placeholder
  address ("name@example.com") and "<person> at <place>" are email look-alikes.
- A store's own gift card (Luhn-valid 16/19 digits) and an IMEI are card look-alikes; an
  ITIN, an EIN, the last four of a social, an SSN-shaped claim reference and a provider
  number are SSN look-alikes; routing numbers, sort codes, SWIFT codes, RF creditor
  references, VAT numbers, masked IBANs and plain account numbers are bank look-alikes.
- Tags: `phone.region.XX` for each region of a labelled phone, `iban.country.XX`, form tags
  (`form.<kind>.<form>`), `whose.*`, `split.*`, `look.<aim>`, `caller.raw_stt`/`smart`.

Modules: pii_dev13_kit (digit words, voice, caller, the row check), pii_dev13_gen (numbers),
pii_dev13_say (renderings), pii_dev13_biz (businesses, emails), pii_dev13_look and
pii_dev13_look2 (look-alikes), pii_dev13_beats (PII in a call, splits), pii_dev13_calls (calls,
tool JSON, aim tags), pii_dev13_fam (families); hand-written rows in
tests/data/pii/hand_dev13.jsonl. Generate: python /work/tools/gen_part.py dev13 pii_dev13 22022 460.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pii_dev13_look2  # noqa: F401  (registers the email, card, SSN and bank look-alikes)
from pii_dev13_fam import (
    call_mixed,
    call_quiet,
    call_split,
    ids_readback,
    mail_beside,
    mail_quiet,
    phone_beside,
    recall,
    redo,
    tool_records,
)
from pii_rows import Row

FAMILIES: dict[str, tuple[Callable[[random.Random], Row], float]] = {
    "d13.call.mixed": (call_mixed, 5.0),
    "d13.call.quiet": (call_quiet, 2.5),
    "d13.call.split": (call_split, 4.0),
    "d13.phone.beside_lines": (phone_beside, 2.0),
    "d13.mail.beside_boxes": (mail_beside, 2.0),
    "d13.mail.quiet": (mail_quiet, 0.8),
    "d13.ids.readback": (ids_readback, 1.2),
    "d13.recall.phone": (recall("phone"), 2.0),
    "d13.recall.card": (recall("card"), 3.0),
    "d13.recall.email": (recall("email"), 1.4),
    "d13.recall.iban": (recall("iban"), 1.3),
    "d13.recall.ssn": (recall("ssn"), 2.0),
    "d13.tool.records": (tool_records, 1.2),
    "d13.redo": (redo, 0.8),
}
