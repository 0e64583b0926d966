"""The fourth held-out part, `heldout4` (seed 22009): its family table.

Written after the sixth rule round by someone who read neither the rule modules, their tests,
the rule sections of docs/redaction.md, nor any other part's generator or data: only the row
format (benchmarks/pii_corpus.py, pii_rows.py) and the number makers (pii_speech.py). It
measures the seventh round; whoever writes rules never reads this file, the modules below,
tests/data/pii/heldout4.jsonl or hand_heldout4.jsonl.

The families (each `rng -> Row`, drawn by weight) live in
- benchmarks/pii_heldout4_voice.py: spoken cards, phones, SSNs, IBANs, in one turn or several;
- benchmarks/pii_heldout4_mail.py: emails said, spelled, corrected, split, typed, and business
  role mailboxes (left alone: a look-alike, not a label);
- benchmarks/pii_heldout4_text.py: typed chat with keyboard Unicode, tool arguments and outputs;
- benchmarks/pii_heldout4_neg.py: look-alikes across eleven domains;
with the readers of pii_heldout4_say.py. Phone regions (30 and the US), IBAN countries (16),
email providers and callers' names are this part's own.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pii_heldout4_mail as mail
import pii_heldout4_neg as neg
import pii_heldout4_text as text
import pii_heldout4_voice as voice
from pii_rows import Row

FAMILIES: dict[str, tuple[Callable[[random.Random], Row], float]] = {
    "h4.card.spoken": (voice.card_spoken, 28),
    "h4.card.turns": (voice.card_turns, 10),
    "h4.card.readback": (voice.card_readback, 6),
    "h4.typed.card": (text.typed_card, 10),
    "h4.typed.pieces": (text.typed_pieces, 4),
    "h4.phone.spoken": (voice.phone_spoken, 36),
    "h4.phone.turns": (voice.phone_turns, 11),
    "h4.typed.phone": (text.typed_phone, 18),
    "h4.tool.output": (text.tool_output, 14),
    "h4.tool.args": (text.tool_args, 12),
    "h4.email.spoken": (mail.email_spoken, 30),
    "h4.email.spelled": (mail.email_spelled, 11),
    "h4.email.corrected": (mail.email_corrected, 6),
    "h4.email.turns": (mail.email_turns, 6),
    "h4.email.typed": (mail.email_typed, 14),
    "h4.role_mailbox": (mail.role_mailbox, 12),
    "h4.iban.spoken": (voice.iban_spoken, 16),
    "h4.iban.turns": (voice.iban_turns, 6),
    "h4.typed.iban": (text.typed_iban, 10),
    "h4.ssn.spoken": (voice.ssn_spoken, 8),
    "h4.ssn.turns": (voice.ssn_turns, 5),
    "h4.typed.ssn": (text.typed_ssn, 6),
    "h4.neg.mixed": (neg.mixed, 6),
    "h4.neg.call": (neg.call, 100),
}
