"""dev12: a development part written by an outsider (who had not read the rules) after the
heldout8 figures, aimed at the redactor's weak spots on held-out speech. Seed 22020: 440
generated rows from the families below plus the hand-written rows of
tests/data/pii/hand_dev12.jsonl.

What it aims at. Phone precision in long calls: 6 to 14 turns at one of twenty-four kinds of
business, dense with numbers that are phone-shaped and are no one's phone (ids of thirty-odd
kinds said in digits and words, read back, confirmed, repeated, looked up under their own JSON
keys; other businesses' lines and faxes; the business's own lines; dates run into times,
amounts into due dates; numbers read off a letter or a screen), beside the phones that are a
person's (the caller's, a relative's, a manager's at work) of 25 regions, about half US and
Canada. SSN recall: every way a social is named ("social", "SS number", "my SSN", "the tax ID
is my social") and said (digits, words, pairs, "double", "oh", "dash" / "hyphen"), in one,
two or three turns with the agent prompting or echoing between, corrected, read back, typed
with spaces or dots, in tool JSON under many keys, a dependent's, inside sentences with birth
dates and ZIPs; beside EINs, ITINs, a last four alone, 3-2-4 claim numbers and routing
numbers. Card precision: Luhn-valid numbers that are no card (a store's own gift card, a
loyalty card, an IMEI, an ICCID, an invoice number), 16-digit tracking numbers, masked cards,
last fours, BINs, the expiry, CVV and ZIP in turns of their own, authorization codes; beside
cards of eight networks read every way. False alarms: whole calls holding look-alikes only.
Emails and IBANs appear so every kind is measured.

Labelling choices (made before any measuring). A person's phone is `phone`; a business's
line or fax (the caller's pharmacy, a lab, a body shop, the business's own toll-free number)
is a look-alike, as are an SSN's or a phone's last four said alone, an ITIN, an EIN, a masked
card and a card's last four. A store's own gift card (a number that pays only there) is a
look-alike; a network-branded prepaid card (a Visa or Mastercard gift card) is a card. The
expiry, CVV and ZIP said in turns of their own are look-alikes; said in the same stretch as
the card they are left unlabelled. A spoken "plus", "double oh" or "oh one one" is outside a
phone label, a typed "+" inside; an extension is outside. The agent's echo of one group is a
piece of the number (split). A correction inside one stretch is one label from the first
digit to the last; a number said wrong and said again whole is labelled twice.

Modules: pii_dev12_kit (digits as words, tool turns, the row's checks), pii_dev12_num
(phones, SSNs, cards, IBANs, emails and how each is said or typed), pii_dev12_ids (id
look-alikes, dates, amounts), pii_dev12_biz (the businesses), pii_dev12_call (a call's
opening, closing, ids and lookups), pii_dev12_beats (other look-alike exchanges),
pii_dev12_people (a person's phones, the long call), pii_dev12_ssn and pii_dev12_ssn_alike,
pii_dev12_card and pii_dev12_card_alike, pii_dev12_quiet (look-alike-only calls, emails,
IBANs).
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pii_dev12_card as card
import pii_dev12_quiet as quiet
import pii_dev12_ssn as ssn
from pii_dev12_call import Call, lookup
from pii_dev12_kit import finish
from pii_dev12_num import ABROAD, person_region, phone
from pii_dev12_people import call, callback, manager, relative, update_number
from pii_rows import Row


def _abroad(c: Call) -> None:
    callback(c, ABROAD[c.rng.randrange(len(ABROAD))])


def _on_file(c: Call) -> None:
    lookup(c, person=phone(c.rng, person_region(c.rng)))


def _family(
    build: Callable[[random.Random], Row],
) -> Callable[[random.Random], Row]:
    def run(rng: random.Random) -> Row:
        return finish(build(rng))

    return run


def _call(
    name: str, people: tuple[Callable[[Call], object], ...], extra: int, kinds: tuple[str, ...] = ()
) -> Callable[[random.Random], Row]:
    return _family(lambda rng: call(rng, name, people, extra, kinds=kinds))


EMPLOYMENT = ("payroll_hr", "bank", "credit_union", "mortgage", "property", "auto_insurer")


FAMILIES: dict[str, tuple[Callable[[random.Random], Row], float]] = {
    "d12.call.callback": (_call("d12.call.callback", (callback,), 3), 7.5),
    "d12.call.relative": (_call("d12.call.relative", (callback, relative), 2), 5.0),
    "d12.call.manager": (_call("d12.call.manager", (manager,), 3, EMPLOYMENT), 3.0),
    "d12.call.update": (_call("d12.call.update", (update_number,), 2), 3.5),
    "d12.call.abroad": (_call("d12.call.abroad", (_abroad,), 3), 3.5),
    "d12.call.on_file": (_call("d12.call.on_file", (_on_file,), 3), 4.0),
    "d12.quiet.ids": (_family(quiet.quiet_ids), 3.5),
    "d12.quiet.lines": (_family(quiet.quiet_lines), 3.5),
    "d12.quiet.mixed": (_family(quiet.quiet_mixed), 3.5),
    "d12.quiet.words": (_family(quiet.spoken_words), 1.5),
    "d12.ssn.one_turn": (_family(ssn.one_turn), 3.5),
    "d12.ssn.turns": (_family(ssn.over_turns), 4.0),
    "d12.ssn.corrected": (_family(ssn.corrected), 2.5),
    "d12.ssn.typed": (_family(ssn.typed_chat), 2.0),
    "d12.ssn.tool": (_family(ssn.in_tool), 2.0),
    "d12.ssn.dependent": (_family(ssn.dependent), 2.5),
    "d12.ssn.sentence": (_family(ssn.in_sentence), 2.5),
    "d12.ssn.words": (_family(ssn.spelled_numbers), 1.5),
    "d12.ssn.alikes_only": (_family(ssn.alikes_only), 2.5),
    "d12.card.pay": (_family(card.pay), 5.0),
    "d12.card.turns": (_family(card.over_turns), 2.5),
    "d12.card.tool": (_family(card.in_tool), 1.5),
    "d12.card.alikes": (_family(card.alikes), 3.0),
    "d12.card.gift": (_family(card.gift_cards), 1.5),
    "d12.mail.contact": (_family(quiet.mail), 2.0),
    "d12.iban.wire": (_family(quiet.wire), 2.0),
    "d12.iban.chat": (_family(quiet.iban_typed_chat), 1.0),
}
