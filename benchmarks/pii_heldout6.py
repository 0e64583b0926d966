"""heldout6: the sixth held-out evaluation part of the PII redactor benchmark (seed 22014).

Written from scratch by someone who read neither the redaction rules nor any other part
(only benchmarks/pii_rows.py and the common brief), to measure how the redactor carries over
to contact-centre speech its rule writers never saw: phones of the US and of small or
seldom-seen regions said nationally and internationally, cards of nine networks, IBANs of many
countries, SSNs and emails, said by callers (words, pairs, doubles, fillers, restarts,
mishearings), read back by agents, split across turns, typed in chat with odd spaces, and in
tool-call JSON; and many look-alikes (ids, references, amounts, dates, company lines...)
that must stay in clear.

Sibling modules: pii_heldout6_say (drawing and saying values), pii_heldout6_neg (look-alikes
and look-alike-only families), pii_heldout6_voice, pii_heldout6_mail, pii_heldout6_text.
"""

from __future__ import annotations

import pii_heldout6_mail
import pii_heldout6_neg
import pii_heldout6_text
import pii_heldout6_voice

FAMILIES = {
    **pii_heldout6_voice.VOICE_FAMILIES,
    **pii_heldout6_mail.MAIL_FAMILIES,
    **pii_heldout6_text.TEXT_FAMILIES,
    **pii_heldout6_neg.NEG_FAMILIES,
}

SEED = 22014

assert all(name.startswith("h6.") for name in FAMILIES)
