"""PII corpus part "dev10": payment card numbers as callers, agents and tools really give them.

Aim: card recall and card precision on unseen data. About 55 % of the rows hold a real card
(all nine networks and lengths 12-19; typed in any grouping and separator; spoken digit by
digit, in pairs, in hundreds/thousands, with double/triple and oh/zero/nought, ASR
mishearings and smart-formatted part-digit part-word numbers; fillers, restarts, corrections
and repeated groups inside the number; split over 2-4 caller turns with agent acks or echoes;
read back whole; inside tool-call arguments or tool results; said in one sentence with the
expiry, CVV, ZIP/postcode and amount; two cards in a call). About 30 % are card-shaped
look-alikes in calls that sound like card calls (gift/loyalty/library/membership numbers,
ICCID, IMEI, insurance member ids, 16-digit accounts and references, Luhn-valid invoice and
order numbers, transaction/auth codes, confirmation numbers in 4-digit groups, tracking
numbers, masked cards, last four, BIN, expiry, CVV, amounts, dates, times, ids in tool JSON).
About 15 % are phones (17 regions), emails, IBANs and SSNs with a few look-alikes each.
Tags: aim.card_recall / aim.card_precision, and dotted form tags (card.spoken.pairs,
card.split.3, card.tool.args, card.network.amex, ...).
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pii_dev10_card as card
import pii_dev10_neg as neg
import pii_dev10_other as other
from pii_rows import Row

FAMILIES: dict[str, tuple[Callable[[random.Random], Row], float]] = {
    # real cards, ~55 %
    "d10.card_written": (card.written_single, 0.06),
    "d10.card_spoken_digits": (card.spoken_digits, 0.05),
    "d10.card_spoken_pairs": (card.spoken_pairs, 0.04),
    "d10.card_spoken_hundreds": (card.spoken_hundreds, 0.03),
    "d10.card_asr_mixed": (card.asr_mixed, 0.05),
    "d10.card_noisy": (card.noisy, 0.06),
    "d10.card_split": (card.split_turns, 0.07),
    "d10.card_readback": (card.readback, 0.04),
    "d10.card_tool": (card.tool, 0.06),
    "d10.card_neighbours": (card.neighbours, 0.05),
    "d10.card_two": (card.two_cards, 0.025),
    "d10.card_with_lookalikes": (card.with_lookalikes, 0.025),
    # look-alikes, ~30 %
    "d10.neg_store_cards": (neg.store_cards, 0.05),
    "d10.neg_device_ids": (neg.device_ids, 0.035),
    "d10.neg_insurance_bank": (neg.insurance_bank, 0.035),
    "d10.neg_txn_codes": (neg.txn_codes, 0.05),
    "d10.neg_masked": (neg.masked, 0.045),
    "d10.neg_card_meta": (neg.card_meta, 0.035),
    "d10.neg_tool_json": (neg.tool_json, 0.04),
    # other kinds, ~15 %
    "d10.phone": (other.phone, 0.06),
    "d10.email": (other.email, 0.03),
    "d10.iban": (other.iban, 0.03),
    "d10.ssn": (other.ssn, 0.03),
}
