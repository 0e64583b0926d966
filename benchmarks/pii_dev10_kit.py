"""Shared pieces of pii_dev10: card numbers per network, written/spoken forms, JSON with marked
values, small word pools, and the card-call neighbours (expiry, CVV, ZIP, amounts)."""

from __future__ import annotations

import json
import random
from typing import Any

from pii_dev10_say import decode, digit_words, filler, group_words, groups_of, pairs
from pii_rows import Benign, Pii, Retry, Row
from stdnum import luhn

FIRST = [
    "Maria",
    "James",
    "Aisha",
    "Tom",
    "Priya",
    "Daniel",
    "Sofia",
    "Kevin",
    "Grace",
    "Luis",
    "Hannah",
    "Omar",
    "Chloe",
    "Ravi",
    "Emma",
    "Marcus",
    "Yuki",
    "Fatima",
    "Liam",
    "Olivia",
    "Noah",
    "Zanele",
    "Siobhan",
    "Mateo",
    "Ingrid",
    "Carlos",
]
LAST = [
    "Garcia",
    "Smith",
    "Okafor",
    "Nguyen",
    "Patel",
    "Murphy",
    "Rossi",
    "Schmidt",
    "Dubois",
    "Silva",
    "Kowalski",
    "O'Brien",
    "Tanaka",
    "Mensah",
    "Fernandez",
    "Cohen",
    "Van Dijk",
    "Reyes",
    "Walsh",
    "Khan",
    "Novak",
    "Moreau",
    "Lindqvist",
    "Dlamini",
]
MERCHANTS = [
    "Brightline Energy",
    "Northwind Telecom",
    "Harbor Dental",
    "CityFit Gym",
    "Acme Insurance",
    "Lumen Water",
    "Sunrise Hotels",
    "Parkside Vet Clinic",
    "Metro Parking",
    "Bluebird Airlines",
    "FreshCart Grocery",
    "Keystone Rentals",
]

# network -> (prefixes, lengths, tag)
NETWORKS: dict[str, tuple[list[str], list[int]]] = {
    "visa": (["4"], [16, 16, 16, 13, 19]),
    "mastercard": (["51", "52", "53", "54", "55", "2221", "2300", "2499", "2630", "2720"], [16]),
    "amex": (["34", "37"], [15]),
    "discover": (["6011", "644", "645", "649", "65"], [16, 16, 19]),
    "diners": (["36", "38", "300", "305"], [14]),
    "jcb": (["3528", "3530", "3566", "3589"], [16, 16, 17, 18, 19]),
    "unionpay": (["62", "6212", "6250"], [16, 16, 17, 18, 19]),
    "maestro": (
        ["5018", "5020", "5038", "5893", "6304", "6759", "6761", "6763"],
        [12, 13, 16, 16, 18, 19],
    ),
    "mir": (["2200", "2201", "2202", "2204"], [16]),
}
NETWORK_NAMES = {
    "visa": "Visa",
    "mastercard": "Mastercard",
    "amex": "American Express",
    "discover": "Discover",
    "diners": "Diners Club",
    "jcb": "JCB",
    "unionpay": "UnionPay",
    "maestro": "Maestro",
    "mir": "Mir",
}
NET_WEIGHTS = {
    "visa": 30,
    "mastercard": 24,
    "amex": 12,
    "discover": 8,
    "diners": 5,
    "jcb": 5,
    "unionpay": 6,
    "maestro": 6,
    "mir": 4,
}


def pick_network(rng: random.Random) -> str:
    names = sorted(NET_WEIGHTS)
    return rng.choices(names, [NET_WEIGHTS[n] for n in names])[0]


def luhn_complete(body: str) -> str:
    return body + luhn.calc_check_digit(body)


def card_digits(
    rng: random.Random, network: str | None = None, length: int | None = None
) -> tuple[str, str]:
    network = network or pick_network(rng)
    prefixes, lengths = NETWORKS[network]
    prefix = rng.choice(prefixes)
    n = length or rng.choice(lengths)
    body = prefix + "".join(rng.choice("0123456789") for _ in range(n - len(prefix) - 1))
    return network, luhn_complete(body)


def card_sizes(n: int, network: str, rng: random.Random) -> list[int]:
    """The usual printed grouping for a card of length n (some alternatives)."""
    if network == "amex":
        return [4, 6, 5] if rng.random() < 0.85 else [4, 4, 4, 3]
    if network == "diners" and n == 14:
        return [4, 6, 4] if rng.random() < 0.8 else [4, 4, 4, 2]
    table = {
        12: [[4, 4, 4]],
        13: [[4, 4, 5], [4, 3, 3, 3], [4, 4, 4, 1]],
        16: [[4, 4, 4, 4], [4, 4, 4, 4], [4, 4, 4, 4], [8, 8], [4, 6, 6]],
        17: [[4, 4, 4, 5]],
        18: [[4, 4, 4, 6], [6, 6, 6], [4, 4, 4, 4, 2]],
        19: [[4, 4, 4, 4, 3], [6, 13], [4, 4, 4, 7]],
        15: [[4, 6, 5]],
        14: [[4, 6, 4]],
    }
    return rng.choice(table[n])


def written(ds: str, network: str, rng: random.Random, sep: str | None = None) -> tuple[str, str]:
    """A typed / smart-formatted card: (text, form tag)."""
    style = (
        sep
        if sep is not None
        else rng.choices(
            [" ", "-", ".", "/", "", "  ", "mixed", "glued"], [40, 18, 6, 3, 14, 4, 7, 8]
        )[0]
    )
    groups = groups_of(ds, card_sizes(len(ds), network, rng))
    if style == "":
        return ds, "card.written.ungrouped"
    if style == "mixed":
        seps = [rng.choice([" ", "-", " - ", ". "]) for _ in groups[1:]]
        text = groups[0] + "".join(s + g for s, g in zip(seps, groups[1:], strict=False))
        return text, "card.written.mixed_sep"
    if style == "glued":
        k = rng.randrange(1, len(groups)) if len(groups) > 1 else 0
        parts = [groups[0]]
        for i, g in enumerate(groups[1:], 1):
            parts.append(("" if i == k else " ") + g)
        return "".join(parts), "card.written.missing_space"
    name = {" ": "space", "-": "dash", ".": "dot", "/": "slash", "  ": "double_space"}[style]
    return style.join(groups), f"card.written.{name}"


def spoken(
    ds: str,
    network: str,
    rng: random.Random,
    style: str | None = None,
    mishear: float = 0.0,
    noise: float = 0.0,
) -> tuple[str, set[str]]:
    """A card said aloud, raw STT (lower case, no punctuation): (text, tags). Checked so a
    careful listener writes down exactly ds (unless noise adds restarts / repeats)."""
    for _ in range(30):
        st = style or rng.choice(["digits", "digits", "pairs", "pairs", "hundreds", "mixed"])
        sizes = card_sizes(len(ds), network, rng)
        if st in ("hundreds", "mixed") and network not in ("amex", "diners"):
            sizes = [4] * 5  # said in fours
        groups = groups_of(ds, sizes)
        words: list[str] = []
        tags = {f"card.spoken.{st}"}
        for g in groups:
            gs = st if st != "mixed" else rng.choice(["digits", "pairs", "hundreds"])
            if gs == "hundreds" and words and "thousand" in words[-1]:
                gs = "pairs"  # two "thousand" groups in a row read as one big number
            if gs == "numeral":
                words.append(g)
            else:
                words.append(group_words(g, rng, gs, mishear))
        text = " ".join(words)
        if st == "hundreds" and "hundred" not in text and "thousand" not in text:
            continue
        if decode(text) == ds:
            break
    else:
        raise Retry("spoken")
    if mishear and any(
        f" {w} " in f" {text} " for w in ("for", "to", "too", "won", "ate", "nein", "owe")
    ):
        tags.add("card.asr.mishearing")
    if any(w in text.split() for w in ("double", "triple")):
        tags.add("card.spoken.double_triple")
    if " nought" in f" {text}":
        tags.add("card.spoken.nought")
    if noise and rng.random() < noise:
        for _ in range(10):
            noisy, t = add_noise(words, groups, rng, raw_text=True)
            if t and readable(noisy, ds, t):
                return noisy, tags | t
    return text, tags


NOISE_INEXACT = {"card.noise.restart", "card.noise.self_correction", "card.noise.repeated_group"}


def _subseq(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def readable(text: str, ds: str, tags: set[str]) -> bool:
    """A listener gets ds back: exactly, or (restarts, corrections, repeats) with extra digits
    around the true ones in order."""
    got = decode(text)
    if tags & NOISE_INEXACT:
        return len(got) > len(ds) and _subseq(ds, got)
    return got == ds


def smart_asr(ds: str, network: str, rng: random.Random) -> tuple[str, set[str]]:
    """Smart-formatted ASR that turned part of the number into digits and part into words."""
    for _ in range(30):
        groups = groups_of(ds, card_sizes(len(ds), network, rng))
        words = []
        nwords = 0
        for g in groups:
            r = rng.random()
            if r < 0.45:
                words.append(g)
            elif r < 0.6 and len(g) == 4:
                words.append(g[:2] + " " + g[2:])
            else:
                nwords += 1
                st = rng.choice(["digits", "pairs", "hundreds"])
                if st == "hundreds" and words and "thousand" in words[-1]:
                    st = "pairs"
                words.append(group_words(g, rng, st))
        if nwords == 0 or nwords == len(groups):
            continue
        sep = rng.choice([" ", ", ", " ", ", "])
        text = sep.join(words)
        if decode(text) == ds:
            return text, {"card.asr.smart_mixed"}
    raise Retry("smart")


def add_noise(
    words: list[str], groups: list[str], rng: random.Random, raw_text: bool
) -> tuple[str, set[str]]:
    """Fillers, restarts, self-corrections, repeated groups, inside the said number."""
    kind = rng.choice(["filler", "filler", "restart", "correct", "repeat", "inner_filler"])
    comma = "" if raw_text else ","
    w = list(words)
    if kind == "filler":
        for _ in range(rng.choice([1, 1, 2])):
            k = rng.randrange(1, len(w))
            w[k] = filler(rng) + (comma + " " if comma else " ") + w[k]
        return " ".join(w), {"card.noise.filler"}
    if kind == "inner_filler":
        k = rng.randrange(len(w))
        toks = w[k].split()
        if len(toks) >= 2:
            j = rng.randrange(1, len(toks))
            w[k] = " ".join(toks[:j] + [rng.choice(["uh", "um", "er"])] + toks[j:])
        else:
            w[k] = w[k] + " " + rng.choice(["uh", "um"])
        return " ".join(w), {"card.noise.filler_inside_group"}
    if kind == "restart":
        k = rng.randrange(1, len(w))
        part = " ".join(w[:k])
        cut = " ".join(w[: k - 1] + [w[k - 1].split()[0]]) if len(w[k - 1].split()) > 1 else part
        said = rng.choice([cut, part])
        marker = rng.choice(["sorry", "no wait", "let me start again", "hang on", "scratch that"])
        return f"{said}{comma} {marker}{comma} " + " ".join(w), {"card.noise.restart"}
    if kind == "correct":
        k = rng.randrange(1, len(w))
        g = groups[k]
        if len(g) < 2 or g[0] == g[1]:
            return " ".join(w), set()
        wrong = g[1] + g[0] + g[2:]
        wrong_said = wrong if w[k] == g else digit_words(wrong, rng, runs=False)
        marker = rng.choice(["no", "sorry", "no sorry", "i mean", "actually"])
        w[k] = f"{wrong_said}{comma} {marker}{comma} {w[k]}"
        return " ".join(w), {"card.noise.self_correction"}
    k = rng.randrange(len(w))
    w[k] = w[k] + (comma + " " if comma else " ") + w[k]
    return " ".join(w), {"card.noise.repeated_group"}


def note(row: Row, kind: str, text: str, digits: str, exact: bool = True) -> None:
    """Remember what a label stands for (read only by the checking script)."""
    row.__dict__.setdefault("truth", []).append((kind, text, digits, exact))


def card_pii(row: Row, text: str, ds: str, split: bool = False, exact: bool = True) -> Pii:
    note(row, "card", text, ds, exact)
    return Pii("card", text, split)


def tag_card(row: Row, network: str, ds: str) -> None:
    row.tags.add(f"card.network.{network}")
    row.tags.add(f"card.len.{len(ds)}")
    row.tags.add("aim.card_recall")


# ---- neighbours -----------------------------------------------------------------------------

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def expiry(rng: random.Random, raw_text: bool) -> str:
    m = rng.randint(1, 12)
    y = rng.randint(25, 33)
    if raw_text:
        return rng.choice(
            [
                f"{digit_words(f'{m:02d}', rng, runs=False)} {pairs(str(y), rng)}",
                f"{MONTHS[m - 1].lower()} twenty {pairs(str(y), rng)}",
                f"{pairs(f'{m:02d}', rng)} slash {pairs(str(y), rng)}",
            ]
        )
    return rng.choice(
        [f"{m:02d}/{y}", f"{m:02d}/20{y}", f"{m}/{y}", f"{MONTHS[m - 1]} 20{y}", f"{m:02d}-{y}"]
    )


def cvv(rng: random.Random, raw_text: bool, n: int = 3) -> str:
    ds = "".join(rng.choice("0123456789") for _ in range(n))
    return digit_words(ds, rng, runs=False) if raw_text else ds


def zip_code(rng: random.Random, raw_text: bool) -> tuple[str, str]:
    r = rng.random()
    if r < 0.55:
        ds = f"{rng.randint(1001, 99950):05d}"
        if raw_text:
            return digit_words(ds, rng), "zip"
        return (ds if rng.random() < 0.8 else f"{ds}-{rng.randint(1000, 9999)}"), "zip"
    if r < 0.8:
        pc = rng.choice(
            ["SW1A 2AA", "M1 1AE", "EH1 2NG", "B33 8TH", "CR2 6XH", "LS6 3HN", "BS1 4DJ", "G2 8QQ"]
        )
        return (pc.lower() if raw_text else pc), "postcode"
    pc = rng.choice(["M5V 3L9", "K1A 0B1", "V6B 4Y8", "H3Z 2Y7", "T2P 1J9"])
    return (pc.lower() if raw_text else pc), "postal_code"


def amount(rng: random.Random, raw_text: bool) -> str:
    d = rng.choice([rng.randint(5, 99), rng.randint(100, 999), rng.randint(1000, 4999)])
    c = rng.choice([0, 0, 99, 50, rng.randint(1, 99)])
    if raw_text:
        from pii_dev10_say import below_hundred

        if d >= 1000:
            sd = f"{below_hundred(d // 1000)} thousand"
            if d % 1000:
                sd += " " + (
                    f"{below_hundred(d % 1000 // 100)} hundred " if d % 1000 >= 100 else ""
                )
                sd += below_hundred(d % 100) if d % 100 else ""
        elif d >= 100:
            sd = f"{below_hundred(d // 100)} hundred" + (
                f" and {below_hundred(d % 100)}" if d % 100 else ""
            )
        else:
            sd = below_hundred(d)
        sd = sd.strip()
        return sd + " dollars" + (f" and {below_hundred(c)} cents" if c else "")
    cur = rng.choice(["$", "$", "£", "€", "A$"])
    return f"{cur}{d:,}.{c:02d}" if c or rng.random() < 0.5 else f"{cur}{d:,}"


# ---- JSON with marked values ----------------------------------------------------------------


class Mark:
    """A value inside a JSON document to be labelled; as_number puts it unquoted."""

    def __init__(self, part: Pii | Benign, as_number: bool = False):
        self.part = part
        self.as_number = as_number


def json_parts(obj: Any, rng: random.Random, indent: bool = False) -> list[Any]:
    marks: list[Mark] = []

    def walk(o: Any) -> Any:
        if isinstance(o, Mark):
            marks.append(o)
            return f"\u0000{len(marks) - 1}\u0000"
        if isinstance(o, dict):
            return {k: walk(v) for k, v in o.items()}
        if isinstance(o, list):
            return [walk(v) for v in o]
        return o

    text = json.dumps(walk(obj), indent=2 if indent else None, ensure_ascii=False)
    parts: list[Any] = []
    rest = text
    for i, m in enumerate(marks):
        token = f"\u0000{i}\u0000"
        quoted = json.dumps(token)
        pos = rest.index(quoted)
        if m.as_number:
            parts.append(rest[:pos])
            parts.append(m.part)
        else:
            parts.append(rest[: pos + 1])
            parts.append(m.part)
            parts.append('"')
        rest = rest[pos + len(quoted) :]
    parts.append(rest)
    return parts


def tool_call(row: Row, name: str, args: dict[str, Any], rng: random.Random) -> None:
    row.say("assistant", *json_parts({"tool": name, "arguments": args}, rng))


def tool_result(row: Row, result: Any, rng: random.Random) -> None:
    row.say("tool", *json_parts(result, rng, indent=rng.random() < 0.3))


def name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def ack(rng: random.Random) -> str:
    return rng.choice(
        [
            "Ok.",
            "Mm-hm.",
            "Got it.",
            "Yep, go on.",
            "Okay, next four?",
            "Right, and the next group?",
            "Uh-huh.",
            "Sure, keep going.",
            "Thank you, and then?",
            "Okay.",
        ]
    )
