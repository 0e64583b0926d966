"""THIRD HELD-OUT part of benchmarks/pii_corpus.py (`heldout3`): readings and card families.

Whoever writes or tunes the redaction rules does not read this file, the other
pii_heldout3*.py modules, tests/data/pii/heldout3.jsonl or hand_heldout3.jsonl
(docs/redaction.md, "Evaluation"). It was written by someone who had not read the rules (nor
the rule sections of docs/redaction.md), apart from the other parts: its own carrier
sentences, fillers, restarts, readings, card networks, phone regions, email providers and IBAN
countries. Every number is valid the way a real one is (pii_speech.py: Luhn, libphonenumber,
IBAN check digits); look-alikes that pass the same checks are labelled as what they are.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pii_speech as sp
from pii_rows import Benign, Pii, Retry, Row, maybe, raw

Family = Callable[[random.Random], Row]
W = sp.WORDS

# card networks of this part: (prefixes, length, grouping); JCB, Diners and UnionPay are its own
CARDS = {
    "visa": (["4"], 16, (4, 4, 4, 4)),
    "mastercard": (["51", "53", "55", "2223", "2411", "2680"], 16, (4, 4, 4, 4)),
    "amex": (["34", "37"], 15, (4, 6, 5)),
    "discover": (["6011", "6445", "65"], 16, (4, 4, 4, 4)),
    "jcb": (["3528", "3541", "3566", "3589"], 16, (4, 4, 4, 4)),
    "diners": (["300", "305", "36", "38"], 14, (4, 6, 4)),
    "unionpay": (["6212", "6228", "6250"], 16, (4, 4, 4, 4)),
    "unionpay19": (["6214", "6230"], 19, (4, 4, 4, 4, 3)),
    "maestro": (["6759", "5018", "6304"], 19, (4, 4, 4, 4, 3)),
}
CARD_WEIGHTS = {
    "visa": 9,
    "mastercard": 7,
    "amex": 4,
    "discover": 2,
    "jcb": 2,
    "diners": 2,
    "unionpay": 2,
    "unionpay19": 1,
    "maestro": 2,
}
NAMES = {
    "visa": "Visa",
    "mastercard": "Mastercard",
    "amex": "American Express",
    "discover": "Discover",
    "jcb": "JCB",
    "diners": "Diners Club",
    "unionpay": "UnionPay",
    "unionpay19": "UnionPay",
    "maestro": "Maestro",
}

FILLERS = [
    "uhh",
    "mm",
    "erm",
    "wait",
    "lemme see",
    "hmm hmm",
    "like",
    "hold that thought",
    "just a sec",
    "where was I",
    "oh boy",
    "yep",
    "ya know",
    "okey dokey",
    "got it?",
    "you there?",
    "still with me?",
]
RESTARTS = [
    "nope, backwards,",
    "gah, I messed up,",
    "hold up, from the top,",
    "no no no,",
    "let me redo that,",
    "ugh sorry, again,",
    "actually scrap that,",
]
NUDGES = [
    "Mhm.",
    "Go on.",
    "Okay, and then?",
    "Got those, keep going.",
    "And the rest?",
    "Yes, I'm listening.",
    "Next digits, please.",
    "Take your time.",
    "Uh-huh, carry on.",
    "Sure, what comes after that?",
]
# ASR writing a lone digit as a word that sounds like it (this part's list)
SOUNDS = {
    "4": ["for", "fore"],
    "2": ["to", "too"],
    "8": ["ate"],
    "1": ["won"],
    "0": ["o"],
    "3": ["tree"],
    "9": ["nein"],
}
TEENS = sp.TEENS
TENS = sp.TENS


def pick(rng: random.Random, options: list[str]) -> str:
    return rng.choice(options)


def card_number(rng: random.Random, network: str | None = None) -> tuple[str, str, tuple]:
    if network is None:
        names = sorted(CARD_WEIGHTS)
        network = rng.choices(names, [CARD_WEIGHTS[n] for n in names])[0]
    prefixes, length, groups = CARDS[network]
    return network, sp.luhn_number(rng, rng.choice(prefixes), length), groups


def spoken(digits: str, rng: random.Random, *, sounds: float = 0.0, doubles: float = 0.0) -> str:
    """One word a digit; 'oh' or 'zero' or 'o'; 'double'/'triple'; ASR homophones."""
    zero = rng.choice(["oh", "zero", "zero", "o"])
    out: list[str] = []
    i = 0
    while i < len(digits):
        d = digits[i]
        name = zero if d == "0" else W[int(d)] if d.isdigit() else d.lower()
        if digits[i : i + 3] == d * 3 and maybe(rng, doubles):
            out.append(f"triple {name}")
            i += 3
            continue
        if digits[i : i + 2] == d * 2 and maybe(rng, doubles):
            out.append(f"double {name}")
            i += 2
            continue
        out.append(rng.choice(SOUNDS[d]) if d in SOUNDS and maybe(rng, sounds) else name)
        i += 1
    return " ".join(out)


def below_thousand(n: int, rng: random.Random) -> str:
    hundreds, rest = divmod(n, 100)
    out = []
    if hundreds:
        out.append(f"{W[hundreds]} hundred")
    if rest:
        if hundreds and maybe(rng, 0.3):
            out.append("and")
        if rest < 10:
            out.append(W[rest])
        elif rest < 20:
            out.append(TEENS[rest - 10])
        else:
            tens, one = divmod(rest, 10)
            out.append(TENS[tens] + (f" {W[one]}" if one else ""))
    return " ".join(out)


def thousands(group: str, rng: random.Random) -> str:
    """'4111' -> 'four thousand one hundred eleven' (a group said as a quantity)."""
    n = int(group)
    top, rest = divmod(n, 1000)
    head = f"{W[top]} thousand" if top else ""
    return f"{head} {below_thousand(rest, rng)}".strip() if rest else head


def read_group(group: str, rng: random.Random, how: str, sounds: float = 0.0) -> str:
    if how == "digits":
        return group
    if not group.isdigit():
        return spoken(group, rng)
    if how == "pairs" and not (len(group) == 4 and group.endswith("00")):
        return sp.pairs(group)
    if how == "quantity" and len(group) == 4 and group[0] != "0":
        return thousands(group, rng)
    return spoken(group, rng, sounds=sounds, doubles=0.15)


def read_groups(groups: list[str], rng: random.Random, style: str, fillers: float = 0.0) -> str:
    """A number said group by group. style: digits, words, pairs, mixed, quantity."""
    out = []
    for i, g in enumerate(groups):
        how = style
        if style == "mixed":
            how = rng.choice(["digits", "words", "pairs", "quantity"])
        text = read_group(g, rng, how, sounds=0.12 if style in ("words", "mixed") else 0.0)
        if i and maybe(rng, fillers):
            text = (
                f"{pick(rng, FILLERS)}, {text}"
                if maybe(rng, 0.5)
                else f"{pick(rng, FILLERS)} {text}"
            )
        out.append(text)
    sep = rng.choice([" ", ", ", ", ", ". ", "... "])
    if style == "digits":  # STT's punctuation between digit groups, right or wrong
        sep = rng.choice([" ", " ", " ", ", ", ". ", "-"])
    return sep.join(out)


def written(digits: str, groups: tuple[int, ...], rng: random.Random) -> str:
    """How STT with formatting, or an LLM, writes a card."""
    parts = sp.group(digits, groups)
    how = rng.choice(["space", "space", "dash", "run", "commas", "odd", "dots"])
    if how == "dash":
        return "-".join(parts)
    if how == "run":
        return digits
    if how == "commas":  # STT reading a long digit run as a quantity
        return f"{int(digits):,}"
    if how == "odd":  # STT breaking the run where the speaker paused, not where groups end
        cut = sorted(rng.sample(range(2, len(digits) - 1), 3))
        return " ".join(digits[a:b] for a, b in zip([0, *cut], [*cut, len(digits)], strict=True))
    if how == "dots":
        return ".".join(parts)
    return " ".join(parts)


ASKS = [
    "Which card would you like to put this on?",
    "Whenever you're ready, the long number on the front of the card.",
    "Could you read me the card digits, please?",
    "And the card you'd like us to charge for the deposit?",
    "To settle the balance I'll need the card number.",
    "What's the number of the replacement card?",
]
LEADS = [
    "sure it's",
    "yeah okay so",
    "okay got it here",
    "right, the card's",
    "it's the",
    "alright, ready?",
    "so the numbers are",
    "fine,",
    "I've got it in my hand,",
]


def card_said(rng: random.Random) -> Row:
    """One turn holding a card, in one of many readings; agent reads back, or says last four."""
    row = Row("h3.card_said")
    network, digits, groups = card_number(rng)
    parts = sp.group(digits, groups)
    row.tags |= {"card", f"h3.net.{network}"}
    row.say("assistant", pick(rng, ASKS))
    style = rng.choice(
        ["digits", "words", "words", "pairs", "pairs", "mixed", "quantity", "written", "written"]
    )
    row.tags.add(f"h3.card.{style}")
    if maybe(rng, 0.12):  # the caller says a group twice, waiting for a sign it was heard
        k = rng.randrange(len(parts) - 1)
        parts = [*parts[: k + 1], parts[k], *parts[k + 1 :]]
        row.tags.add("h3.asr.repeated")
    if style == "written":
        text = (
            written("".join(parts), groups, rng) if len(parts) == len(groups) else " ".join(parts)
        )
    else:
        text = read_groups(parts, rng, style, fillers=0.3)
    if style == "words" and maybe(rng, 0.15):  # ASR dropped one digit word
        said = text.split(" ")
        k = rng.randrange(1, len(said) - 1)
        if said[k] in W[1:] or said[k] in ("oh", "zero"):
            text = " ".join(said[:k] + said[k + 1 :])
            row.tags.add("h3.asr.dropped")
    parts = sp.group(digits, groups)
    smart = style in ("digits", "written") or maybe(rng, 0.3)
    text = text if smart else raw(text)
    lead = pick(rng, LEADS)
    brand = f" {NAMES[network]}" if maybe(rng, 0.4) and lead.endswith("the") else ""
    if lead.endswith("the") and not brand:
        lead = lead[: -len(" the")]
    row.say(
        "user",
        f"{lead}{brand} ",
        Pii("card", text),
        rng.choice(["", ".", " yeah", " okay?"]),
        smart=smart,
    )
    last4 = digits[-4:]
    end = rng.random()
    if end < 0.35:
        row.say("assistant", "Thanks, that's the card ending ", Benign("card_last4", last4), ".")
    elif end < 0.55:
        said = " ".join(parts) if maybe(rng, 0.5) else "-".join(parts)
        row.say("assistant", "Let me confirm: ", Pii("card", said), ". Is that right?")
        row.say("user", pick(rng, ["yes", "yep that's it", "correct", "mm hmm"]))
    elif end < 0.7:
        spaced = "  ".join(" ".join(p) for p in parts)
        row.say("assistant", "I heard ", Pii("card", spaced), " [interrupted]")
    return row


def card_restart(rng: random.Random) -> Row:
    """The caller stops inside the number and says it again (all of it one label when the
    correction lands mid-number; two labels when they go back to the start)."""
    row = Row("h3.card_restart")
    network, digits, groups = card_number(rng)
    parts = sp.group(digits, groups)
    row.tags |= {"card", "h3.restart", f"h3.net.{network}"}
    row.say("assistant", pick(rng, ASKS))
    style = rng.choice(["digits", "words", "pairs"])
    if maybe(rng, 0.5):  # back to the start
        row.tags.add("h3.restart.full")
        first = read_groups(parts[:2], rng, style)
        again = read_groups(parts, rng, style, fillers=0.2)
        row.say("user", Pii("card", first), f" {pick(rng, RESTARTS)} ", Pii("card", again))
    else:  # one group said wrong, then right
        row.tags.add("h3.restart.group")
        k = rng.randrange(1, len(parts))
        wrong = "".join(rng.choice("0123456789") for _ in parts[k])
        if wrong == parts[k]:
            raise Retry(wrong)
        head = read_groups(parts[:k], rng, style)
        bad = read_group(wrong, rng, style)
        fix = read_groups(parts[k:], rng, style)
        said = f"{head} {bad}, {pick(rng, ['no', 'sorry', 'I mean', 'correction'])}, {fix}"
        row.say("user", "it's ", Pii("card", said), smart=style == "digits")
    if maybe(rng, 0.5):
        row.say(
            "assistant", "No problem. Card ending ", Benign("card_last4", digits[-4:]), ", got it."
        )
    return row


def card_split(rng: random.Random) -> Row:
    """A card said over two to four turns of the caller, the agent nudging in between."""
    row = Row("h3.card_split")
    network, digits, groups = card_number(rng)
    parts = sp.group(digits, groups)
    row.tags |= {"card", "h3.split.card", f"h3.net.{network}"}
    row.say("assistant", pick(rng, ASKS))
    n = rng.choice([2, 2, 3, len(parts)]) if len(parts) > 2 else 2
    cuts = sorted(rng.sample(range(1, len(parts)), min(n, len(parts)) - 1))
    chunks = [parts[a:b] for a, b in zip([0, *cuts], [*cuts, len(parts)], strict=True)]
    style = rng.choice(["digits", "words", "pairs", "mixed"])
    smart = style == "digits" or maybe(rng, 0.3)
    for i, chunk in enumerate(chunks):
        text = read_groups(chunk, rng, style)
        text = text if smart else raw(text)
        if i == 0:
            lead = pick(rng, ["okay first bit", "it starts", "so", "", "ready:"])
            row.say("user", f"{lead} " if lead else "", Pii("card", text, split=True), smart=smart)
        else:
            tail = pick(rng, ["", " that's it", " and that's the end", " done"])
            if i < len(chunks) - 1:
                tail = ""
            row.say("user", Pii("card", text, split=True), tail, smart=smart)
        if i < len(chunks) - 1:
            row.say("assistant", pick(rng, NUDGES))
    if maybe(rng, 0.4):
        row.say(
            "user", "oh and the zip is ", Benign("zip", f"{rng.randint(10000, 99950)}"), smart=smart
        )
    return row


def card_zip(rng: random.Random) -> Row:
    """Card then billing ZIP or expiry in the same breath: only the card is PII."""
    row = Row("h3.card_zip")
    network, digits, groups = card_number(rng)
    row.tags |= {"card", "h3.card.zip", f"h3.net.{network}"}
    row.say("assistant", "I'll take the long card number, then the billing zip.")
    card = written(digits, groups, rng) if maybe(rng, 0.6) else " ".join(sp.group(digits, groups))
    zipc = f"{rng.randint(1001, 99950):05d}"
    sep = rng.choice([" ", ", ", " and zip ", ", zip code ", "... "])
    row.say("user", Pii("card", card), sep, Benign("zip", zipc))
    return row


def card_maestro_words(rng: random.Random) -> Row:
    """Long (19-digit) and short (14/15-digit) cards said in words, with a brand mention."""
    row = Row("h3.card_length")
    network = rng.choice(["maestro", "unionpay19", "diners", "amex"])
    network, digits, groups = card_number(rng, network)
    row.tags |= {"card", f"h3.net.{network}", "h3.card.length"}
    row.say("assistant", "What card are you paying with today?")
    text = read_groups(sp.group(digits, groups), rng, rng.choice(["words", "pairs", "mixed"]), 0.2)
    name = NAMES[network].lower()
    row.say(
        "user",
        f"{'an' if name[0] in 'aeio' else 'a'} {name} card, ",
        Pii("card", raw(text)),
        smart=False,
    )
    return row
