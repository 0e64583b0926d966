"""`zelto.redact_pii(...)`: built-in PII redaction for `Forwarder(redact=...)`.

The returned callable maps a payload to a new payload (the input is not changed) in which card
numbers, phone numbers, email addresses, IBANs and US SSNs are replaced by `[card]`,
`[phone]`, ... in every text the payload carries: each turn's content (tool call arguments and
outputs included), the customer block and any other field an `add_fields` callable added. The
identifiers Zelto keys on are left alone: `agent`, `call` (room name, recording URL, ...) and,
by default, `customer.number` (the caller id).

A turn is redacted with the turn before it (any speaker: "what's your card number?") and the
same speaker's previous turn (the first half of a number split across two turns) as context,
so its result does not depend on what comes after it: the live snapshot writes each turn once
and the final payload redacts it the same way. Results are cached per (turn, context): the
snapshot path redacts the whole history on every turn, but pays only for the new one.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._pii import Span

__all__ = ["KINDS", "redact_pii"]

KINDS = ("card", "phone", "email", "iban", "ssn")
_KEEP_TOP = ("agent", "call")  # identifiers and call facts: never free text
CACHE_TURNS = 4096  # turns remembered per redactor (one worker process; a few calls' worth)

PayloadFn = Callable[[dict[str, Any]], "dict[str, Any] | None"]


@dataclass(frozen=True, kw_only=True)
class PiiOptions:
    kinds: frozenset[str]
    replacement: str
    keep_customer_number: bool
    region: str


def redact_pii(
    *,
    kinds: Iterable[str] = KINDS,
    replacement: str = "[{kind}]",
    keep_customer_number: bool = True,
    region: str = "US",
    then: PayloadFn | None = None,
) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """A `redact` callable for `Forwarder(redact=...)` that removes PII before the spool.

    Args:
        kinds: which kinds to find, any of `"card"`, `"phone"`, `"email"`, `"iban"`,
            `"ssn"` (default: all five).
        replacement: what replaces each finding; `{kind}` is filled in (default
            `"[{kind}]"`, giving `[card]`, `[phone]`, ...). Must not be empty.
        keep_customer_number: keep `customer.number`, the caller id Zelto matches calls on
            (default True). False drops the field.
        region: the ISO country whose national format numbers without `+` are read in
            (phonenumbers' region code, default `"US"`).
        then: your own `payload -> payload | None`, run on the redacted payload (returning
            None keeps it as it is).

    Example:
        fw = zelto.Forwarder(agent_id="support-bot", redact=zelto.redact_pii(then=drop_notes))
    """
    chosen = frozenset(kinds)
    unknown = chosen - set(KINDS)
    if unknown or not chosen:
        raise ValueError(f"kinds must be a non-empty subset of {KINDS}; got {sorted(chosen)}")
    try:
        sample = replacement.format(kind="card")
    except (AttributeError, IndexError, KeyError, ValueError):
        sample = ""
    if not sample.strip():
        raise ValueError("replacement must be a non-empty string; {kind} is the only field")
    import phonenumbers  # with the redactor, not with the plugin: its metadata loads lazily

    if region not in phonenumbers.SUPPORTED_REGIONS:
        raise ValueError(f"region {region!r} is not a region phonenumbers knows")
    options = PiiOptions(
        kinds=chosen,
        replacement=replacement,
        keep_customer_number=keep_customer_number,
        region=region,
    )
    return PiiRedactor(options, then=then)


def contexts(turns: list[Any]) -> list[tuple[str, str] | None]:
    """Per turn: (the turn before it, the same role's turn before it), or None (no text)."""
    out: list[tuple[str, str] | None] = []
    previous = ""
    previous_by_role: dict[str, str] = {}
    for turn in turns:
        if not isinstance(turn, Mapping) or not isinstance(turn.get("content"), str):
            out.append(None)
            continue
        role = str(turn.get("role", ""))
        out.append((previous, previous_by_role.get(role, "")))
        previous = previous_by_role[role] = turn["content"]
    return out


class PiiRedactor:
    """The callable `redact_pii` returns (thread-safe; one per Forwarder is enough)."""

    def __init__(self, options: PiiOptions, *, then: PayloadFn | None = None) -> None:
        from . import _pii  # phonenumbers and stdnum load with the first redactor

        self.options = options
        self._then = then
        self._find = _pii.find_spans
        self.turn = functools.lru_cache(maxsize=CACHE_TURNS)(self._turn)

    def __repr__(self) -> str:
        kinds = ",".join(k for k in KINDS if k in self.options.kinds)
        return f"redact_pii(kinds={kinds}, region={self.options.region})"

    def __call__(self, payload: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in payload.items():
            if key in _KEEP_TOP:
                out[key] = value
            elif key == "transcript" and isinstance(value, Mapping):
                out[key] = {
                    k: self.turns(v) if k == "turns" else self.text(v) for k, v in value.items()
                }
            elif key == "customer" and isinstance(value, Mapping):
                customer = {k: self._customer_field(k, v) for k, v in value.items()}
                customer = {k: v for k, v in customer.items() if v is not None}
                if customer:
                    out[key] = customer
            else:
                out[key] = self.text(value)
        if self._then is not None:
            result = self._then(out)
            return out if result is None else result
        return out

    def turns(self, turns: Any) -> Any:
        """Each turn's content redacted with its context; roles and order unchanged."""
        if not isinstance(turns, list):
            return self.text(turns)
        out = []
        for turn, context in zip(turns, contexts(turns), strict=True):
            if context is None:
                out.append(self.text(turn))
            else:
                out.append({**turn, "content": self.turn(turn["content"], *context)})
        return out

    def find(self, turns: list[dict[str, Any]]) -> list[list[Span]]:
        """What would be redacted in each turn (for measuring; see docs/redaction.md)."""
        opts = self.options
        return [
            []
            if context is None
            else self._find(
                turn["content"],
                kinds=opts.kinds,
                region=opts.region,
                previous=context[0],
                previous_same=context[1],
            )
            for turn, context in zip(turns, contexts(turns), strict=True)
        ]

    def text(self, value: Any) -> Any:
        """Every string inside `value` (dicts, lists) redacted without context."""
        if isinstance(value, str):
            return self.turn(value, "", "")
        if isinstance(value, Mapping):
            return {k: self.text(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.text(v) for v in value]
        return value

    def _customer_field(self, key: str, value: Any) -> Any:
        if key == "number":
            return value if self.options.keep_customer_number else None
        return self.text(value)

    def _turn(self, content: str, previous: str, previous_same: str) -> str:
        opts = self.options
        spans = self._find(
            content,
            kinds=opts.kinds,
            region=opts.region,
            previous=previous,
            previous_same=previous_same,
        )
        for span in reversed(spans):
            word = opts.replacement.format(kind=span.kind)
            content = content[: span.start] + word + content[span.end :]
        return content
