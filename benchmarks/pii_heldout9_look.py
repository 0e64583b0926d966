"""heldout9's look-alikes: numbers and addresses that stay in clear, as slots a business's
lines are written with ("{amount}", "{id:scale_ticket}", "{line}", ...), each a `Benign` of its
class, written (smart) or as raw speech-to-text words."""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from pii_heldout9_bank import make_ein, make_itin
from pii_heldout9_biz import Biz
from pii_heldout9_kit import digits, group, luhn_number, number, pattern, pick, spoken_id
from pii_rows import Benign, maybe

MONTHS: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July", "August")
MONTHS += ("September", "October", "November", "December")
ORD: tuple[str, ...] = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
)
ORD += ("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth")
ORD += ("seventeenth", "eighteenth", "nineteenth", "twentieth")
STREETS: tuple[str, ...] = (
    "Alder",
    "Quarry",
    "Tamarack",
    "Millrace",
    "Ferris",
    "Bluestem",
    "Orchard Hill",
)
STREETS += ("Dunmore", "Saltmarsh", "Kestrel", "Old Mill", "Cottonwood", "Harbor View")
BICS: tuple[str, ...] = (
    "DEUTDEFF",
    "COBADEFFXXX",
    "BNPAFRPP",
    "INGBNL2A",
    "RABONL2U",
    "BARCGB22",
    "AIBKIE2D",
)
BICS += ("NDEASESS", "DABADKKK", "UBSWCHZH80A", "BPOTPTPL", "PKOPPLPW", "NBADAEAA", "RJHISARI")


def _ord(n: int) -> str:
    if n <= 20:
        return ORD[n - 1]
    if n == 30:
        return "thirtieth"
    tens = "twenty" if n < 30 else "thirty"
    return f"{tens} {ORD[n % 10 - 1]}"


def amount(
    rng: random.Random, raw: bool, low: int = 20, high: int = 900, cur: str = "$", word: str = ""
) -> str:
    dollars, cents = rng.randrange(low, high), pick(rng, ("00", "00", "50", "25", "75", "99"))
    if not raw:
        if cents != "00" or maybe(rng, 0.5):
            return f"{cur}{dollars:,}.{cents}"
        return f"{cur}{dollars:,}"
    said = number(dollars)
    if 1100 <= dollars < 10000 and dollars % 100 and maybe(rng, 0.5):
        said = f"{number(dollars // 100)} hundred {number(dollars % 100)}"
    cents_word = "pence" if word == "pounds" else "cents"
    tail = "" if cents == "00" else f" and {number(int(cents))} {cents_word}"
    return f"{said} {word or 'dollars'}{tail}"


def date(rng: random.Random, raw: bool) -> str:
    month, day = rng.randrange(12), rng.randrange(1, 29)
    if raw:
        return f"{MONTHS[month].lower()} {_ord(day)}"
    how = rng.randrange(3)
    if how == 0:
        return f"{month + 1}/{day}"
    if how == 1:
        return f"{MONTHS[month]} {day}"
    return f"{month + 1:02d}/{day:02d}/{pick(rng, ('2024', '2025', '2026'))}"


def time(rng: random.Random, raw: bool) -> str:
    hour, minute = rng.randrange(1, 13), pick(rng, ("00", "15", "30", "45", "10", "40"))
    if raw:
        said = number(hour) + ("" if minute == "00" else " " + number(int(minute)))
        return said + pick(rng, ("", " am", " pm", " o'clock")) if minute == "00" else said
    return f"{hour}:{minute} {pick(rng, ('a.m.', 'p.m.', 'AM', 'PM'))}"


def said_or_written(text: str, rng: random.Random, raw: bool) -> str:
    return spoken_id(text, rng) if raw else text


def phone_said(line: str, rng: random.Random) -> str:
    """A business line as words ("one eight hundred ..." for toll-free)."""
    groups = re.findall(r"\d+", line)
    out = []
    for g in groups:
        if g == "800" and maybe(rng, 0.6):
            out.append("eight hundred")
        else:
            out.append(group(g, rng, pick(rng, ("digits", "mixed"))))
    return " ".join(out)


# a slot: (class, draw(rng, raw, biz) -> text)
Draw = Callable[[random.Random, bool, Biz], str]


def _fixed(attr: str) -> Draw:
    def draw(rng: random.Random, raw: bool, biz: Biz) -> str:
        text: str = getattr(biz, attr)
        return phone_said(text, rng) if raw else text

    return draw


def _site(rng: random.Random, raw: bool, biz: Biz) -> str:
    return biz.site.replace(".", " dot ") if raw else biz.site


def _mailbox(rng: random.Random, raw: bool, biz: Biz) -> str:
    address = pick(rng, biz.mailboxes)
    if not raw:
        return address
    local, domain = address.split("@")
    return f"{local} at {domain.replace('.', ' dot ')}"


def _shape(shape: str) -> Draw:
    def draw(rng: random.Random, raw: bool, biz: Biz) -> str:
        return said_or_written(pattern(rng, shape), rng, raw)

    return draw


def _digits_run(length: int, prefix: str = "") -> Draw:
    def draw(rng: random.Random, raw: bool, biz: Biz) -> str:
        text = prefix + "".join(str(rng.randrange(10)) for _ in range(length - len(prefix)))
        return digits(text, rng) if raw else text

    return draw


def _luhn(length: int, prefix: str, sep: int) -> Draw:
    def draw(rng: random.Random, raw: bool, biz: Biz) -> str:
        text = luhn_number(rng, length, prefix)
        if raw:
            return " ".join(digits(text[i : i + 4], rng) for i in range(0, len(text), 4))
        if sep:
            return " ".join(text[i : i + sep] for i in range(0, len(text), sep))
        return text

    return draw


def _street(rng: random.Random, raw: bool, biz: Biz) -> str:
    num = rng.randrange(12, 9800)
    kind = pick(rng, ("Road", "Lane", "Street", "Way", "Drive", "Court"))
    street = pick(rng, STREETS)
    if raw:
        return f"{number(num)} {street.lower()} {kind.lower()}"
    return f"{num} {street} {kind}"


def _last4(rng: random.Random, raw: bool, biz: Biz) -> str:
    text = f"{rng.randrange(10000):04d}"
    return digits(text, rng) if raw else text


def _masked(rng: random.Random, raw: bool, biz: Biz) -> str:
    last = f"{rng.randrange(10000):04d}"
    return pick(rng, ("**** **** **** ", "XXXX-XXXX-XXXX-", "•••• ", "************")) + last


def _ein(rng: random.Random, raw: bool, biz: Biz) -> str:
    text = make_ein(rng)
    return digits(text.replace("-", ""), rng) if raw else text


def _itin(rng: random.Random, raw: bool, biz: Biz) -> str:
    text = make_itin(rng)
    return " ".join(digits(p, rng) for p in text.split("-")) if raw else text


def _ssn4(rng: random.Random, raw: bool, biz: Biz) -> str:
    text = f"{rng.randrange(1, 10000):04d}"
    return group(text, rng, pick(rng, ("digits", "pairs"))) if raw else text


def _bic(rng: random.Random, raw: bool, biz: Biz) -> str:
    text = pick(rng, BICS)
    return " ".join(text.lower()) if raw else text


def _qty(unit: str, low: int, high: int) -> Draw:
    def draw(rng: random.Random, raw: bool, biz: Biz) -> str:
        n = rng.randrange(low, high)
        return f"{number(n)} {unit}" if raw else f"{n:,} {unit}"

    return draw


def _temp(rng: random.Random, raw: bool, biz: Biz) -> str:
    n = rng.randrange(34, 104)
    return f"{number(n)} degrees" if raw else f"{n}°F"


def _year(rng: random.Random, raw: bool, biz: Biz) -> str:
    n = rng.randrange(1890, 2025)
    if not raw:
        return str(n)
    if n >= 2000:
        return f"twenty {number(n % 100)}" if n % 100 >= 10 else f"two thousand {number(n % 100)}"
    return f"{number(n // 100)} {number(n % 100) if n % 100 >= 10 else 'oh ' + number(n % 100)}"


SLOTS: dict[str, tuple[str, Draw]] = {
    "amount": ("amount", lambda rng, raw, biz: amount(rng, raw, *biz.price, biz.cur, biz.cur_word)),
    "deposit": ("amount", lambda rng, raw, biz: amount(rng, raw, 25, 300, biz.cur, biz.cur_word)),
    "date": ("date", lambda rng, raw, biz: date(rng, raw)),
    "time": ("time", lambda rng, raw, biz: time(rng, raw)),
    "year": ("year", _year),
    "line": ("business_phone", _fixed("line")),
    "fax": ("fax", _fixed("fax")),
    "other": ("third_party_phone", _fixed("other_line")),
    "site": ("website", _site),
    "mailbox": ("role_address", _mailbox),
    "street": ("street_address", _street),
    "zip": ("zip", _digits_run(5)),
    "last4": ("card_last4", _last4),
    "masked": ("masked_card", _masked),
    "ssn4": ("ssn_last4", _ssn4),
    "ein": ("ein", _ein),
    "itin": ("itin", _itin),
    "routing": ("routing", _digits_run(9, "0")),
    "acct": ("bank_account", _digits_run(11)),
    "bic": ("bic", _bic),
    "invoice": ("luhn_invoice", _luhn(16, "7", 4)),
    "loyalty": ("loyalty_number", _luhn(16, "60", 0)),
    "order": ("order_id", _shape("###-#######-#######")),
    "tracking": ("tracking", _shape("1Z###@##########")),
    "usps": ("tracking", _digits_run(22, "9400")),
    "auth": ("auth_code", _shape("######")),
    "otp": ("otp", _digits_run(6)),
    "conf": ("confirmation", _shape("@@#@#@")),
    "plate": ("license_plate", _shape("#@@@###")),
    "vin": ("vin", _shape("1@@@@##@#@@######")),
    "pct": ("percentage", _qty("percent", 2, 40)),
    "miles": ("distance", _qty("miles", 3, 240)),
    "pounds": ("weight", _qty("pounds", 12, 4000)),
    "feet": ("measurement", _qty("feet", 24, 380)),
    "temp": ("temperature", _temp),
    "gate": ("gate_code", _digits_run(4, "")),
    "staff": ("staff_id", _shape("E-#####")),
    "policy": ("policy", _shape("@@@-#######")),
    "claim": ("claim", _shape("###-##-####")),
    "ref10": ("reference", _shape("9##-###-####")),
    "case": ("case", _shape("####-######")),
}


def slot(
    name: str, rng: random.Random, raw: bool, biz: Biz, memo: dict[str, str] | None = None
) -> Benign:
    """The look-alike of a slot name: a generic one, or `id:<class>` of the business (the same
    id all through a call: `memo` keeps what was drawn)."""
    if name.startswith("id:"):
        spec = biz.ident(name[3:])
        memo = {} if memo is None else memo
        written = memo.setdefault(spec.cls, pattern(rng, spec.shape))
        return Benign(spec.cls, said_or_written(written, rng, raw))
    cls, draw = SLOTS[name]
    return Benign(cls, draw(rng, raw, biz))


SLOT_RE = re.compile(r"\{([a-z0-9_:]+)\}")


def fill(
    text: str, rng: random.Random, raw: bool, biz: Biz, memo: dict[str, str] | None = None
) -> list[str | Benign]:
    """A line with `{slot}`s, as the parts of a turn."""
    text = text.replace("{who}", biz.other)
    parts: list[str | Benign] = []
    at = 0
    for m in SLOT_RE.finditer(text):
        parts.append(text[at : m.start()])
        parts.append(slot(m.group(1), rng, raw, biz, memo))
        at = m.end()
    parts.append(text[at:])
    return [p for p in parts if p != ""]
