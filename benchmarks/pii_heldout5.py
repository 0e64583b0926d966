"""The fifth held-out part, `heldout5`: its family table (benchmarks/pii_corpus.py, seed 22012).

Written by someone who had read neither the redaction rules (plugin/livekit/plugins/zelto/_*.py,
docs/redaction.md) nor any other part's generator or data, from their own picture of
contact-centre calls: banking, insurance claims, telco, clinics and pharmacies, airlines and
hotels, utilities, car hire, returns, government and tax offices, gig drivers, subscriptions,
debt collection, property management, vets and movers. Cards of nine networks, phone numbers of
40 regions (every one but the US new to the evaluation set), emails, IBANs of 25 countries,
SSNs, said by callers, read back by agents, typed in chat, and passed through tool calls; and
the look-alikes those calls are full of.

    pii_heldout5_say.py    how numbers, addresses and IBANs are said and typed; call settings
    pii_heldout5_voice.py  spoken cards, phones, SSNs (read, split, corrected, read back)
    pii_heldout5_mail.py   spoken emails (spelled, NATO, split, corrected) and IBANs
    pii_heldout5_text.py   typed chat turns and tool-call arguments and outputs
    pii_heldout5_neg.py    look-alikes only

This part measures how the rules carry over to speech their writers never saw: rule writers
must never read pii_heldout5*.py, tests/data/pii/heldout5.jsonl or hand_heldout5.jsonl, nor
see its misses or failure-class breakdown (benchmarks/redaction_quality.py refuses both).
"""

from __future__ import annotations

from typing import Any

import pii_heldout5_mail
import pii_heldout5_neg
import pii_heldout5_text
import pii_heldout5_voice

FAMILIES: dict[str, tuple[Any, float]] = {
    **pii_heldout5_voice.FAMILIES,
    **pii_heldout5_mail.FAMILIES,
    **pii_heldout5_text.FAMILIES,
    **pii_heldout5_neg.FAMILIES,
}
assert all(name.startswith("h5.") for name in FAMILIES)
