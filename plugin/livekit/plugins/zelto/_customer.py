"""The `customer` option's value as JSON Zelto takes: one odd field never costs the call.

`Forwarder(customer=...)` is the developer's dict (or what their callable returns), often straight
from a CRM row: datetimes, Decimals, bytes, sets, an int phone number. Before, one such value
made the payload invalid and the call went out as `{agent, call}` alone, without its transcript.
Now each value is converted where the conversion is obvious and lossless enough, or that one
field is dropped; each is logged with its path and type, never its value (it may be PII):

| value | becomes |
|---|---|
| `datetime`, `date`, `time` | ISO 8601 text (`isoformat()`) |
| `Decimal` | its exact text (`"12.50"`); NaN or infinite: dropped |
| `float` NaN or infinite | dropped |
| `int` of 64 bits or more | its decimal text |
| `number` or `name` that is an `int` | its decimal text (Zelto's fields are strings) |
| `number` or `name` of any other non-text type | dropped |
| `UUID` | its text |
| `Enum` | its value, converted the same way |
| `bytes`, `bytearray` | UTF-8 text; dropped when not UTF-8 |
| `set`, `frozenset`, `tuple` | a list (a set sorted when its items can be) |
| text with a lone surrogate | each one replaced by U+FFFD |
| a mapping key that is an int, float or bool | its text (as `json.dumps` does) |
| anything else (objects, other keys, nesting past 30 levels) | dropped |
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import math
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .log import logger

__all__ = ["Fix", "clean_customer", "log_fixes"]

_STRING_FIELDS = ("number", "name")
_MAX_DEPTH = 30  # the payload allows 32 levels; customer sits one below the root
_DROP = object()


@dataclass(frozen=True)
class Fix:
    """One field changed to fit: its path, the type it had, and why it was dropped (or None:
    converted)."""

    field: str
    type: str
    dropped: str | None = None


def log_fixes(fixes: list[Fix]) -> None:
    """One line per field, with its path and type, never its value (it may be PII): a
    documented conversion at debug level (it happens on every call and loses nothing), a
    dropped field as a warning."""
    for fix in fixes:
        if fix.dropped is None:
            logger.debug(
                f"customer field {fix.field} ({fix.type}) converted to JSON",
                extra={"field": fix.field, "type": fix.type},
            )
        else:
            logger.warning(
                f"customer field {fix.field} ({fix.type}) dropped: Zelto cannot take it",
                extra={"field": fix.field, "type": fix.type, "why": fix.dropped},
            )


def clean_customer(value: Mapping[str, Any]) -> tuple[dict[str, Any], list[Fix]]:
    """`value` as a JSON object whose every field Zelto accepts (see the module's table), and
    what was changed to get there."""
    fixes: list[Fix] = []
    return _clean(value, fixes), fixes


def _clean(value: Mapping[str, Any], fixes: list[Fix]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, item in value.items():
        name = _key(key, "customer", fixes)
        if name is None:
            continue
        where = f"customer.{name}"
        if name in _STRING_FIELDS and isinstance(item, int) and not isinstance(item, bool):
            _converted(fixes, where, item)
            out[name] = str(item)
            continue
        converted = _json(item, where, 1, fixes)
        if converted is _DROP:
            continue
        if name in _STRING_FIELDS and converted is not None and not isinstance(converted, str):
            _dropped(fixes, where, item, "must be text")
            continue
        out[name] = converted
    return out


def _json(value: Any, where: str, depth: int, fixes: list[Fix]) -> Any:
    """`value` as plain JSON, or `_DROP` (logged)."""
    if depth > _MAX_DEPTH:
        return _dropped(fixes, where, value, "nested too deep")
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, enum.Enum):
        _converted(fixes, where, value)
        return _json(value.value, where, depth, fixes)
    if isinstance(value, str):
        return _text(value, where, fixes)
    if isinstance(value, int):
        if abs(value) < 2**63:
            return int(value)
        return _converted(fixes, where, value, str(value))
    if isinstance(value, float):
        return float(value) if math.isfinite(value) else _dropped(fixes, where, value, "not finite")
    if isinstance(value, decimal.Decimal):
        if value.is_finite():
            return _converted(fixes, where, value, str(value))
        return _dropped(fixes, where, value, "not finite")
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return _converted(fixes, where, value, value.isoformat())
    if isinstance(value, uuid.UUID):
        return _converted(fixes, where, value, str(value))
    if isinstance(value, (bytes, bytearray)):
        try:
            return _converted(fixes, where, value, bytes(value).decode("utf-8"))
        except UnicodeDecodeError:
            return _dropped(fixes, where, value, "bytes that are not UTF-8")
    if isinstance(value, Mapping):
        out = {}
        for key, item in value.items():
            name = _key(key, where, fixes)
            if name is not None:
                converted = _json(item, f"{where}.{name}", depth + 1, fixes)
                if converted is not _DROP:
                    out[name] = converted
        return out
    if isinstance(value, (list, tuple, set, frozenset)):
        items = list(value)
        if isinstance(value, (set, frozenset)):
            try:
                items = sorted(items)
            except TypeError:
                pass  # mixed types: their iteration order
        if not isinstance(value, list):
            _converted(fixes, where, value)
        converted_items = (
            _json(item, f"{where}[{i}]", depth + 1, fixes) for i, item in enumerate(items)
        )
        return [item for item in converted_items if item is not _DROP]
    return _dropped(fixes, where, value, "not JSON")


def _key(key: Any, where: str, fixes: list[Fix]) -> str | None:
    if isinstance(key, str):
        fixed = _text(key, where, fixes)
        return fixed if isinstance(fixed, str) else None
    if isinstance(key, (int, float)) and (not isinstance(key, float) or math.isfinite(key)):
        text = str(key).lower() if isinstance(key, bool) else str(key)
        _converted(fixes, f"{where} key", key)
        return text
    _dropped(fixes, f"{where} key", key, "keys must be text")
    return None


def _text(value: str, where: str, fixes: list[Fix]) -> str:
    if value.isascii():
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        _converted(fixes, where, value)
        return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in value)
    return value


def _converted(fixes: list[Fix], where: str, value: Any, result: Any = None) -> Any:
    fixes.append(Fix(where, _kind(value)))
    return result


def _dropped(fixes: list[Fix], where: str, value: Any, why: str) -> Any:
    fixes.append(Fix(where, _kind(value), why))
    return _DROP


def _kind(value: Any) -> str:
    return type(value).__name__
