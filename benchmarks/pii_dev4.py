"""The fourth development part of benchmarks/pii_corpus.py (`dev4`): families written after the
dev3 round, aimed at how cards are read and at typed text, with phrasings of its own (neither
pii_families.py, pii_dev2.py nor pii_dev3.py was copied from).

Cards read in ways no rule lists: any words between the groups (asides of several words),
uneven groups, each group as digits or as words, corrections of a group or of the whole
number, ASR homophones ("fore", "won", "tree", "nought"), thousands commas from STT's
number formatting, the number said across two or three turns (the agent's backchannel
between), and with or without talk of paying. Typed text (chat, tool output) with Unicode:
full-width digits, no-break, thin and narrow spaces, zero-width spaces and joiners inside
numbers and emails, typographic dashes. Its look-alikes (pii_dev4_neg.py): Luhn-valid invoice
and order numbers and IMEIs, tracking numbers, long account ids, several short numbers in one
payment turn, and typed look-alikes with the same Unicode.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pii_speech as sp
from pii_rows import Pii, Row, maybe

Family = Callable[[random.Random], Row]

WORDS = sp.WORDS
# asides said between the groups of a card: any words, not only fillers
GAPS = [
    "hang on let me grab my glasses",
    "where was I",
    "it's a bit worn here",
    "then",
    "and after that",
    "I think",
    "hmm let me turn it over",
    "sorry the light's bad",
    "next block",
    "okay and",
    "you still with me",
    "right then the next four",
]
# homophones ASR writes for a digit said on its own (beyond the ones dev to dev3 hold)
HOMOPHONES = {"4": ["fore", "for"], "1": ["won"], "3": ["tree"], "0": ["nought", "o"],
              "2": ["too"], "8": ["ate"]}  # fmt: skip
PAY_ASK = [
    "How would you like to pay for that?",
    "What card shall I charge?",
    "Okay, billing details when you're ready.",
    "And the long number on the front?",
    "I can take the payment now if you like.",
]
PAY_LINES = [
    "put it on {n}{e}",
    "I'll pay with {n}{e}",
    "charge {n}{e}",
    "it's the visa, {n}{e}",
    "okay so {n}{e}",
    "{n}{e}",
]
UNPAID_LINES = ["the number's {n}{e}", "got it here, {n}{e}", "{n}{e}"]
CORRECT = ["no wait", "sorry", "actually no", "hold on that's wrong", "let me redo that"]
BACKCHANNEL = ["Mhm.", "Go on.", "Okay.", "Got those.", "Yes?"]
ENDS = [".", ", got that?", " and that's it.", "", ". Expires soon though."]


def _group_said(group: str, rng: random.Random, style: str, homophone: float) -> str:
    if style == "digits":
        return group
    if style == "pairs" and len(group) >= 2 and group[0] != "0" and len(group) <= 4:
        return sp.pairs(group)
    out = []
    for d in group:
        if d in HOMOPHONES and maybe(rng, homophone):
            out.append(rng.choice(HOMOPHONES[d]))
        else:
            out.append("oh" if d == "0" and maybe(rng, 0.5) else WORDS[int(d)])
    return " ".join(out)


def _uneven(digits: str, rng: random.Random) -> list[int]:
    sizes, left = [], len(digits)
    while left:
        size = min(left, rng.choice([2, 3, 3, 4, 5, 6]))
        sizes.append(size)
        left -= size
    return sizes


def _card_text(rng: random.Random, row: Row, digits: str, sizes: tuple[int, ...]) -> str:
    """How the card is read: its grouping, each group's form, and what is said between."""
    grouping = rng.choice(["network", "network", "uneven"])
    groups = sp.group(digits, sizes if grouping == "network" else _uneven(digits, rng))
    style = rng.choice(["digits", "words", "mixed", "pairs", "commas"])
    row.tags |= {f"card.{grouping}", f"card.style.{style}"}
    if style == "commas":  # STT's number formatting of a long number said in one breath
        return f"{int(digits):,}" if digits[0] != "0" else digits
    homophone = 0.3 if maybe(rng, 0.4) else 0.0
    if homophone:
        row.tags.add("card.homophone")
    said = []
    for g in groups:
        form = rng.choice(["digits", "words"]) if style == "mixed" else style
        said.append(_group_said(g, rng, form, homophone))
    gaps = rng.choice([0, 1, 1, 2])
    places = rng.sample(range(1, len(said)), min(gaps, len(said) - 1)) if len(said) > 1 else []
    if places:
        row.tags.add("card.gaps")
    sep = rng.choice([" ", ", ", " ... "]) if style != "digits" else rng.choice([" ", " ", "-"])
    out = said[0]
    for k in range(1, len(said)):
        out += f", {rng.choice(GAPS)}, " if k in places else sep
        out += said[k]
    return out


def card_read(rng: random.Random) -> Row:
    net = rng.choice(["visa", "visa", "mastercard", "amex", "discover", "maestro"])
    digits, sizes = sp.card(rng, net)
    row = Row("d4.card.read", {"card", f"card.{net}"})
    paid = maybe(rng, 0.75)
    if paid and maybe(rng, 0.7):
        row.say("assistant", rng.choice(PAY_ASK))
    text = _card_text(rng, row, digits, sizes)
    if not paid:
        row.tags.add("card.unpaid")
    lines = PAY_LINES if paid else UNPAID_LINES
    before, after = rng.choice(lines).replace("{e}", rng.choice(ENDS)).split("{n}")
    smart = "card.style.digits" in row.tags or "card.style.commas" in row.tags
    row.say("user", before, Pii("card", text), after, smart=smart)
    return row


def card_corrected(rng: random.Random) -> Row:
    """A group said wrong then again, or the whole number restarted."""
    digits, sizes = sp.card(rng, rng.choice(["visa", "mastercard", "discover"]))
    groups = sp.group(digits, sizes)
    spoken = maybe(rng, 0.6)
    form = "words" if spoken else "digits"
    row = Row("d4.card.corrected", {"card", "card.correction", "spoken" if spoken else "written"})
    row.say("assistant", rng.choice(PAY_ASK))
    k = rng.randrange(1, len(groups))
    wrong = list(groups[k])
    i = rng.randrange(len(wrong))
    wrong[i] = str((int(wrong[i]) + rng.randint(1, 9)) % 10)
    said = [_group_said(g, rng, form, 0.0) for g in groups]
    bad = _group_said("".join(wrong), rng, form, 0.0)
    fix = rng.choice(CORRECT)
    sep = " " if not spoken else ", "
    text = sep.join(said[:k]) + f"{sep}{bad}, {fix}, " + sep.join(said[k:])
    row.say("user", Pii("card", text), rng.choice(ENDS), smart=not spoken)
    return row


def card_turns(rng: random.Random) -> Row:
    """A card said over two or three turns, with the agent's backchannel or an aside."""
    net = rng.choice(["visa", "mastercard", "amex", "discover"])
    digits, sizes = sp.card(rng, net)
    row = Row("d4.card.turns", {"card", "split"})
    text_groups = sp.group(digits, sizes)
    style = rng.choice(["digits", "words", "mixed"])
    said = [_group_said(g, rng, rng.choice(["digits", "words"]) if style == "mixed" else style,
                        0.2) for g in text_groups]  # fmt: skip
    cuts = sorted(rng.sample(range(1, len(said)), rng.choice([1, 1, 2]) if len(said) > 2 else 1))
    parts = [said[a:b] for a, b in zip([0, *cuts], [*cuts, len(said)], strict=True)]
    row.tags.add(f"card.split{len(parts)}")
    row.say("assistant", rng.choice(PAY_ASK))
    smart = style == "digits"
    for n, part in enumerate(parts):
        first = rng.choice(["", "okay ", "so "]) if n == 0 else ""
        row.say("user", first, Pii("card", " ".join(part), split=True),
                rng.choice([".", "", "..."]) if n < len(parts) - 1 else rng.choice(ENDS),
                smart=smart)  # fmt: skip
        if n < len(parts) - 1:
            if maybe(rng, 0.6):
                row.say("assistant", rng.choice(BACKCHANNEL))
            elif maybe(rng, 0.5):
                row.say("user", rng.choice(["sorry, one sec.", "hmm.", "wait."]))
    return row


# typed text: what chat clients, copy-paste and tool outputs put inside numbers
SPACES = {"nbsp": "\u00a0", "thin": "\u2009", "narrow": "\u202f", "ideographic": "\u3000"}
ZERO_WIDTH = {"zwsp": "\u200b", "zwj": "\u200d", "zwnj": "\u200c", "wj": "\u2060",
              "soft_hyphen": "\u00ad"}  # fmt: skip
DASHES = {"en": "\u2013", "em": "\u2014", "nb_hyphen": "\u2011", "minus": "\u2212",
          "figure": "\u2012"}  # fmt: skip


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "0" <= c <= "9" or c == "@" else c for c in text)


def _typed(rng: random.Random, row: Row, groups: list[str]) -> str:
    """Groups joined the way typed text may join them, with one Unicode trick or two."""
    trick = rng.choice(["fullwidth", "space", "zero_width", "dash", "fullwidth_space"])
    row.tags.add(f"unicode.{trick}")
    if trick in ("space", "fullwidth_space"):
        name = rng.choice(list(SPACES))
        row.tags.add(f"unicode.{name}")
        text = SPACES[name].join(groups)
    elif trick == "dash":
        name = rng.choice(list(DASHES))
        row.tags.add(f"unicode.{name}")
        text = DASHES[name].join(groups)
    elif trick == "zero_width":
        name = rng.choice(list(ZERO_WIDTH))
        row.tags.add(f"unicode.{name}")
        joined = rng.choice([" ", "", "-"]).join(groups)
        k = rng.randrange(1, len(joined))
        text = joined[:k] + ZERO_WIDTH[name] + joined[k:]
        if maybe(rng, 0.5):
            k = rng.randrange(1, len(text))
            text = text[:k] + ZERO_WIDTH[name] + text[k:]
    else:
        text = rng.choice([" ", "-", ""]).join(groups)
    return fullwidth(text) if trick.startswith("fullwidth") else text


TYPED_CARD = ["my card: {n}", "Card number {n}, exp 09/28", "pay with {n} please",
              "{n}", "here it is {n} thanks"]  # fmt: skip
TYPED_PHONE = ["call me on {n}", "my number is {n}", "mobile {n}", "{n} (whatsapp)"]
TYPED_EMAIL = ["email: {n}", "send it to {n} pls", "{n}", "my email is {n}"]
FIRST = ["ottilie", "ravi", "june", "mateo", "saoirse", "kenji", "lena", "bode"]
LAST = ["fairweather", "menon", "ashby", "rios", "doyle", "ito", "kraus", "adeyemi"]
DOMAINS = ["gmail.com", "outlook.com", "proton.me", "fastmail.fm", "web.de", "icloud.com"]


def typed_unicode(rng: random.Random) -> Row:
    which = rng.choice(["card", "card", "phone", "email", "iban", "ssn"])
    row = Row(f"d4.typed.{which}", {which, "typed"})
    if which == "card":
        digits, sizes = sp.card(rng, rng.choice(["visa", "mastercard", "amex", "discover"]))
        text = _typed(rng, row, sp.group(digits, sizes))
        lines = TYPED_CARD
    elif which == "phone":
        region = rng.choice(["US", "GB", "DE", "FR", "AU", "IN"])
        number = sp.phone(rng, region, maybe(rng, 0.6))
        national = region == "US" or maybe(rng, 0.4)
        groups = sp.phone_groups(number, national)
        text = _typed(rng, row, groups)
        if not national:
            text = f"+{number.country_code}{rng.choice([' ', SPACES['nbsp']])}{text}"
        row.tags.add(f"phone.region.{region}")
        lines = TYPED_PHONE
    elif which == "email":
        local = f"{rng.choice(FIRST)}{rng.choice(['.', '_', ''])}{rng.choice(LAST)}"
        domain = rng.choice(DOMAINS)
        trick = rng.choice(["zero_width", "zero_width", "fullwidth_at", "nbsp_around"])
        row.tags.add(f"unicode.{trick}")
        if trick == "zero_width":
            mark = ZERO_WIDTH[rng.choice(["zwsp", "zwj", "wj", "soft_hyphen"])]
            spot = rng.choice(["local", "at", "domain"])
            if spot == "local":
                k = rng.randrange(1, len(local))
                local = local[:k] + mark + local[k:]
                text = f"{local}@{domain}"
            elif spot == "at":
                text = f"{local}{mark}@{mark}{domain}"
            else:
                text = f"{local}@{domain.replace('.', mark + '.')}"
        elif trick == "fullwidth_at":
            text = f"{local}\uff20{domain}"
        else:
            text = f"{local}@{domain}"
        lines = TYPED_EMAIL
    elif which == "iban":
        number = sp.iban(rng, rng.choice(["DE", "GB", "FR", "NL"]))
        text = _typed(rng, row, [number[i : i + 4] for i in range(0, len(number), 4)])
        lines = ["IBAN {n}", "refund to {n} please", "{n}"]
    else:
        digits = sp.ssn(rng)
        text = _typed(rng, row, [digits[:3], digits[3:5], digits[5:]])
        lines = ["ssn {n}", "my social is {n}", "SSN: {n}"]
    before, after = rng.choice(lines).split("{n}")
    row.say("user", before, Pii(which, text), after)
    return row
