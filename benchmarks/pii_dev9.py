"""dev9: the ninth development part of the PII corpus for voice-agent call transcripts.

It aims at two measured weak spots of the redactor:

* phone PRECISION: about 45% of the rows are calls full of phone look-alikes (booking,
  order, policy, claim, tracking... references read in phone-like groups, numbers named only
  by the agent or earlier in the call, partial phones, the company's own and third-party
  business lines, times/dates, prices and quantities, street numbers and postcodes, serials,
  IMEIs, ICCIDs, meter readings, flights/trains/seats/e-tickets, PINs and one-time codes, sort
  codes, routing and account numbers, tax ids, ids under keys in tool JSON, numbers said right
  after a phone), most of them beside one real phone of the caller;
* spoken EMAIL RECALL: about 35% are emails said every way callers say them (symbol words,
  spelled letters, NATO / "as in", digits in words, double letters, multi-word parts,
  country domains, missing endings, corrections, split across turns, read back, raw ASR
  with mishearings) plus email look-alikes (websites, "at" beside names, handles, company
  mailboxes);
* about 20% cards, IBANs and SSNs with their own look-alikes.

Phone regions: the US plus the list given in the brief for this part (tagged
phone.region.XX). Written by someone who read neither the redaction rules nor any other
part; only benchmarks/pii_rows.py and the brief's labelling rules.
"""

from __future__ import annotations

import pii_dev9_mail
import pii_dev9_neg
import pii_dev9_other
import pii_dev9_phone

FAMILIES = {
    **pii_dev9_phone.FAMILIES,
    **pii_dev9_neg.FAMILIES,
    **pii_dev9_mail.FAMILIES,
    **pii_dev9_other.FAMILIES,
}

assert all(name.startswith("d9.") for name in FAMILIES)
