"""Finding card numbers, phone numbers, emails, IBANs and US SSNs in speech-to-text output.

Pure functions over one turn's text and its context (the turn before it and the same
speaker's turn before it); `_redact.py` applies them to payloads. Imported on first use of
`zelto.redact_pii(...)`, not with the plugin.

Numbers are read the way STT writes them: digits in groups ("4111 1111-1111.1111",
"(212) 555-0134"), digits as words ("four one one one", "double five", "eight hundred"),
and numbers split across two turns of the same speaker. A run of digit groups is checked
window by window (aligned to its groups): a card is 13-19 digits with a card-network prefix
and a valid Luhn check digit (python-stdnum); a phone number is valid for `region` by
libphonenumber's metadata (`phonenumbers`). Money, times, dates and codes glued to letters
("A-1001", "UA1234", "1Z999...") never form runs; a run just after "order", "tracking",
"flight" and the like is not taken for a phone number.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

import phonenumbers
from stdnum import iban as _iban
from stdnum import luhn

from ._numbers import MAYBE_NUMBER, NOT_PHONE_BEFORE, Run, runs

__all__ = ["Span", "find_spans", "is_card"]

_CARD_CONTEXT = re.compile(
    r"\b(card|visa|master ?card|amex|american express|discover|credit|debit|cc)\b", re.I
)
_SSN_CONTEXT = re.compile(r"\b(social|ssn|social security)\b", re.I)

_TLDS = (
    "com|net|org|edu|gov|mil|io|co|uk|us|ca|de|fr|es|it|nl|be|ch|at|se|no|dk|fi|ie|au|nz|in|"
    "jp|cn|br|mx|info|biz|me|ai|app|dev|email|online|site|tech|xyz|us"
)
_SEP = r"(?:\s*(?:\.|\bdot\b|_|\bunderscore\b|-|\bdash\b|\bhyphen\b|\+|\bplus\b)\s*)"
# words that sit before " at <site> dot com" in speech without being an address's local part
_NOT_LOCAL = (
    r"me|us|you|him|her|them|it|is|site|website|page|online|look|here|there|be|available|"
    r"live|based|located|work|works|home|store|shop|checkout|login|signup|portal|app|find|"
    r"visit|go|found|reach|email|mail|address|anytime|out|up|faq"
)
_EMAIL = re.compile(
    r"(?<![\w.+-])[\w.+-]{1,64}@[A-Za-z0-9-]{1,64}(?:\.[A-Za-z0-9-]{1,64}){0,5}\.[A-Za-z]{2,}\b"
    r"|(?<![\w'.+-])(?<!\bthe\s)(?<!\bour\s)(?<!\byour\s)(?<!\bthis\s)"
    r"(?:[a-z0-9]\s+){0,40}(?!(?:" + _NOT_LOCAL + r")\s+(?:at|@)\b)"
    r"[a-z0-9][a-z0-9']{0,64}(?:" + _SEP + r"[a-z0-9][a-z0-9']{0,64}){0,10}"
    r"\s*(?:@|\bat\b)\s*"
    r"[a-z0-9][a-z0-9-]{0,64}(?:\s*(?:\.|\bdot\b)\s*[a-z0-9][a-z0-9-]{0,64}){0,5}"
    r"\s*(?:\.|\bdot\b)\s*(?:" + _TLDS + r")\b",
    re.I,
)
# cheap first looks: most turns hold no number and no "at", and skip the full scans
_MAYBE_EMAIL = re.compile(r"@|\bat\b", re.I)
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}")
_SSN_AREA_BAD = {"000", "666"}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str


def find_spans(
    text: str,
    *,
    kinds: frozenset[str],
    region: str,
    previous: str = "",
    previous_same: str = "",
) -> list[Span]:
    """Spans of `text` to redact, sorted and disjoint.

    `previous` is the turn just before (any speaker; "what is your card number?"),
    `previous_same` the same speaker's previous turn (the first half of a split number).
    """
    spans: list[Span] = []
    if "email" in kinds and _MAYBE_EMAIL.search(text):
        spans += [Span(m.start(), m.end(), "email") for m in _EMAIL.finditer(text)]
    if "iban" in kinds:
        spans += _ibans(text, spans)
    numeric = kinds & {"card", "phone", "ssn"}
    if numeric and MAYBE_NUMBER.search(text):
        found_runs = runs(text)
        card_context = bool(_CARD_CONTEXT.search(text) or _CARD_CONTEXT.search(previous))
        ssn_context = bool(_SSN_CONTEXT.search(text) or _SSN_CONTEXT.search(previous))
        taken = [(s.start, s.end) for s in spans]
        carry = _tail_run(previous_same) if MAYBE_NUMBER.search(previous_same) else None
        for run in found_runs:
            if any(g.start < e and s < g.end for g in run.groups for s, e in taken):
                continue
            found = _numbers(run, numeric, region, ssn_context)
            if carry is not None and run.head:
                found += _continued(carry, run, numeric, region)
            if run.tail and "card" in numeric and card_context:
                found += _card_in_progress(run, found)
            spans += found
    return _disjoint(spans)


def _windows(run: Run, low: int, high: int) -> list[tuple[int, int]]:
    """Group-aligned windows [i, j) of the run with low..high digits, longest first."""
    out = []
    n = len(run.groups)
    for i in range(n):
        size = 0
        for j in range(i, n):
            size += len(run.groups[j].digits)
            if size > high:
                break
            if size >= low:
                out.append((i, j + 1))
    return sorted(out, key=lambda w: (w[0], w[0] - w[1]))


def _digits(run: Run, i: int, j: int) -> str:
    return "".join(g.digits for g in run.groups[i:j])


def is_card(digits: str) -> bool:
    """13-19 digits, a card network's prefix, a valid Luhn check digit."""
    if not 13 <= len(digits) <= 19 or not luhn.is_valid(digits):
        return False
    two, three, four = int(digits[:2]), int(digits[:3]), int(digits[:4])
    return (
        digits[0] == "4"  # Visa
        or 51 <= two <= 55  # Mastercard
        or 2221 <= four <= 2720  # Mastercard 2-series
        or two in {34, 37}  # American Express
        or two in {36, 38, 39} or 300 <= three <= 305  # Diners
        or four == 6011 or two == 65 or 644 <= three <= 649  # Discover
        or two in {35, 62}  # JCB, UnionPay
    )  # fmt: skip


@functools.lru_cache(maxsize=32)
def _national_lengths(region: str) -> frozenset[int]:
    """How many digits a number of `region` can have, written without "+" (with the country
    code or the national prefix too): windows of other lengths are not parsed."""
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if meta is None or meta.general_desc is None:
        return frozenset(range(7, 16))
    national = set(meta.general_desc.possible_length or ()) or set(range(7, 16))
    code = len(str(meta.country_code or ""))
    prefix = len(meta.national_prefix or "")
    return frozenset(
        {n for n in national} | {n + code for n in national} | {n + prefix for n in national}
    )


def _is_phone(digits: str, plus: bool, region: str) -> bool:
    if len(digits) not in (range(7, 16) if plus else _national_lengths(region)):
        return False
    try:
        number = phonenumbers.parse(("+" if plus else "") + digits, region)
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_valid_number(number))


def _is_ssn(run: Run, i: int, j: int, context: bool) -> bool:
    digits = _digits(run, i, j)
    if len(digits) != 9 or digits[:3] in _SSN_AREA_BAD or digits[0] == "9":
        return False
    if digits[3:5] == "00" or digits[5:] == "0000":
        return False
    shaped = [len(g.digits) for g in run.groups[i:j]] == [3, 2, 4] and all(
        "-" in g.sep_before for g in run.groups[i + 1 : j]
    )
    return shaped or context


def _numbers(run: Run, kinds: frozenset[str], region: str, ssn_context: bool) -> list[Span]:
    """Cards, then SSNs, then phone numbers, each the longest window from the left."""
    if run.skip:
        return []
    used = [False] * len(run.groups)
    spans: list[Span] = []
    checks: list[tuple[str, int, int, Callable[[int, int], bool]]] = []
    if "card" in kinds:
        checks.append(("card", 13, 19, lambda i, j: is_card(_digits(run, i, j))))
    if "ssn" in kinds:
        checks.append(("ssn", 9, 9, lambda i, j: _is_ssn(run, i, j, ssn_context)))
    if "phone" in kinds and not set(run.words_before[-2:]) & NOT_PHONE_BEFORE:
        plus = run.plus
        checks.append(
            ("phone", 7, 15, lambda i, j: _is_phone(_digits(run, i, j), plus and i == 0, region))
        )
    for kind, low, high, check in checks:
        for i, j in _windows(run, low, high):
            if any(used[i:j]) or not check(i, j):
                continue
            used[i:j] = [True] * (j - i)
            spans.append(Span(_lead(run, i), run.groups[j - 1].end, kind))
    return spans


def _lead(run: Run, i: int) -> int:
    """Where a number starts: its first group, or the "(" or "+" / "plus" right before it."""
    start = run.groups[i].start
    if i == 0 and run.lead is not None:
        return run.lead
    if run.groups[i].sep_before.rstrip().endswith("("):
        return start - len(run.groups[i].sep_before) + run.groups[i].sep_before.rindex("(")
    return start


def _tail_run(text: str) -> Run | None:
    found = runs(text)
    return found[-1] if found and found[-1].tail and not found[-1].skip else None


def _continued(carry: Run, run: Run, kinds: frozenset[str], region: str) -> list[Span]:
    """The second half of a number the same speaker began in their previous turn."""
    if run.skip:
        return []
    joined = Run(groups=carry.groups + run.groups, plus=carry.plus)
    cut = len(carry.groups)
    for kind in ("card", "phone"):
        if kind not in kinds:
            continue
        low, high = (13, 19) if kind == "card" else (10, 15)
        for i, j in _windows(joined, low, high):
            if not i < cut < j:
                continue
            digits = _digits(joined, i, j)
            ok = is_card(digits) if kind == "card" else _is_phone(digits, joined.plus, region)
            if ok:
                return [Span(run.groups[0].start, run.groups[j - cut - 1].end, kind)]
    return []


def _card_in_progress(run: Run, found: list[Span]) -> list[Span]:
    """A turn that ends, after talk of a card, with 6-12 digits of one: the rest follows."""
    start = run.groups[0].start
    if run.skip or any(s.start <= start < s.end or start <= s.start for s in found):
        return []
    digits = _digits(run, 0, len(run.groups))
    if not 6 <= len(digits) <= 12 or not _prefix_ok(digits):
        return []
    return [Span(start, run.groups[-1].end, "card")]


def _prefix_ok(digits: str) -> bool:
    padded = digits + "0" * (16 - len(digits))
    return any(is_card(padded[:15] + str(d)) for d in range(10))


def _ibans(text: str, taken: list[Span]) -> list[Span]:
    out = []
    for m in _IBAN.finditer(text):
        raw = m.group()
        for end in range(len(raw), 14, -1):  # the longest prefix that is a valid IBAN
            if _iban.is_valid(raw[:end]):
                span = Span(m.start(), m.start() + len(raw[:end].rstrip()), "iban")
                if not any(s.start < span.end and span.start < s.end for s in taken):
                    out.append(span)
                break
    return out


def _disjoint(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if out and span.start < out[-1].end:
            continue
        out.append(span)
    return out
