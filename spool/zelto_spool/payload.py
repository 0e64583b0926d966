"""Zelto's canonical call shape: validation, normalisation and the one encoding we send.

Pure functions, no I/O. The spool validates on `enqueue`, the local receiver validates what it
is sent with the same code, so both sides agree on what "canonical" means.

Normalisation is small and documented: optional fields given as `None` are dropped (Zelto
wants them omitted, not null). Unknown keys are kept (Zelto's shape has more optional fields
than we model) but must be plain JSON: string keys, finite numbers, nesting at most
`MAX_DEPTH` levels.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import math
import re
from collections.abc import Mapping
from typing import Any

from .errors import PayloadError, PayloadTooLargeError

_orjson: Any
try:  # optional speed-up (`pip install livekit-plugins-zelto[fast]`): 10-15x on big transcripts
    _orjson = importlib.import_module("orjson")
except ImportError:  # pragma: no cover - depends on the environment
    _orjson = None

__all__ = [
    "MAX_PAYLOAD_BYTES",
    "ROLES",
    "call_id_of",
    "decode",
    "encode",
    "combine_enrichments",
    "external_id",
    "merge_enrichment",
    "prepare",
    "validate",
]

ROLES = frozenset({"user", "assistant", "system", "tool"})
MAX_PAYLOAD_BYTES = 10 * 1024 * 1024
MAX_ID_LENGTH = 1024
MAX_DEPTH = 32

_AGENT_FIELDS = {"externalId": "id", "name": "str"}
_CALL_FIELDS = {
    "externalId": "id",
    "durationSeconds": "number",
    "recordingUrl": "str",
    "endedReason": "str",
    "cost": "number",
}
_CUSTOMER_FIELDS = {"number": "str", "name": "str"}


def validate(payload: Any) -> dict[str, Any]:
    """Check `payload` against the canonical shape and return it normalised.

    Raises `PayloadError` naming the first bad field. The returned dict shares the transcript
    list with the input (turns are checked, not copied).
    """
    if not isinstance(payload, Mapping):
        raise PayloadError("", f"payload must be a JSON object, got {_kind(payload)}")
    out: dict[str, Any] = {}
    for key, value in payload.items():
        _key(key, "", key)
        if value is None and key in ("customer", "transcript"):
            continue
        if key == "agent":
            out[key] = _object(value, "agent", _AGENT_FIELDS)
        elif key == "call":
            out[key] = _object(value, "call", _CALL_FIELDS)
        elif key == "customer":
            out[key] = _object(value, "customer", _CUSTOMER_FIELDS)
        elif key == "transcript":
            out[key] = _transcript(value)
        else:
            _plain(value, key, 1)
            out[key] = value
    for required in ("agent", "call"):
        if required not in out:
            raise PayloadError(required, "is required")
    return out


def encode(payload: Mapping[str, Any]) -> bytes:
    """Compact UTF-8 JSON, the exact bytes that are spooled and sent."""
    try:
        if _orjson is not None:
            fast: bytes = _orjson.dumps(payload)
            return fast
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        return text.encode("utf-8")
    except (TypeError, ValueError, UnicodeError) as exc:
        # `validate` catches all of these first; this names the field for direct callers
        field = _find_unencodable(payload, None)
        if field is not None:
            raise PayloadError(field[0], field[1]) from None
        raise PayloadError("", f"cannot be encoded as JSON ({type(exc).__name__})") from None


def decode(body: bytes) -> Any:
    """Parse JSON bytes (the receiver and `show` use it). `ValueError` when it is not JSON, also
    when it is nested too deeply for the parser (stdlib `json` raises `RecursionError`)."""
    if _orjson is not None:
        return _orjson.loads(body)
    try:
        return json.loads(body)
    except RecursionError:
        raise ValueError("JSON nested too deeply to parse") from None


def prepare(payload: Any, *, max_bytes: int = MAX_PAYLOAD_BYTES) -> tuple[str, bytes]:
    """Validate, encode and size-check: returns `(call_id, body)` ready for the spool."""
    clean = validate(payload)
    body = encode(clean)
    if len(body) > max_bytes:
        raise PayloadTooLargeError(len(body), max_bytes)
    return clean["call"]["externalId"], body


def merge_enrichment(payload: Mapping[str, Any], fields: Mapping[str, Any]) -> dict[str, Any]:
    """Apply enrichment `fields` to a payload (a new dict; the input is not changed).

    `fields["call"]` overrides call fields, `fields["call_fill"]` fills call fields only where
    missing, `fields["customer"]` updates the customer block.
    """
    out = dict(payload)
    call = dict(out.get("call") or {})
    call.update(fields.get("call") or {})
    for key, value in (fields.get("call_fill") or {}).items():
        call.setdefault(key, value)
    out["call"] = call
    if fields.get("customer"):
        out["customer"] = {**(out.get("customer") or {}), **fields["customer"]}
    return out


def combine_enrichments(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    """Later enrichment fields win; both are kept."""
    return {
        key: {**(old.get(key) or {}), **(new.get(key) or {})}
        for key in ("call", "call_fill", "customer")
        if old.get(key) or new.get(key)
    }


def call_id_of(payload: Any) -> str | None:
    """Best-effort `call.externalId` of a payload that may be invalid (for error messages)."""
    try:
        value = payload["call"]["externalId"]
    except (TypeError, KeyError, IndexError):
        return None
    return value if isinstance(value, str) else None


def _object(value: Any, path: str, fields: dict[str, str]) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise PayloadError(path, f"must be an object, got {_kind(value)}")
    out: dict[str, Any] = {}
    for key, item in value.items():
        _key(key, path, f"{path}.{key}")
        where = f"{path}.{key}"
        if item is None and fields.get(key) != "id":
            continue
        kind = fields.get(key)
        if kind == "id":
            _external_id(item, where)
        elif kind == "str":
            _string(item, where)
        elif kind == "number":
            _number(item, where)
        else:
            _plain(item, where, 2)
        out[key] = item
    if "externalId" in fields and "externalId" not in out:
        raise PayloadError(f"{path}.externalId", "is required")
    return out


def _transcript(value: Any) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise PayloadError("transcript", f"must be an object, got {_kind(value)}")
    out = dict(value)
    for key, item in value.items():
        _key(key, "transcript", f"transcript.{key}")
        if key != "turns":
            _plain(item, f"transcript.{key}", 2)
    turns = value.get("turns")
    if turns is None:
        raise PayloadError("transcript.turns", "is required when transcript is given")
    if not isinstance(turns, list):
        raise PayloadError("transcript.turns", f"must be a list, got {_kind(turns)}")
    for i, turn in enumerate(turns):
        if not isinstance(turn, dict):
            raise PayloadError(f"transcript.turns[{i}]", f"must be an object, got {_kind(turn)}")
        role = turn.get("role")
        if role not in ROLES:
            raise PayloadError(
                f"transcript.turns[{i}].role",
                f"must be one of {', '.join(sorted(ROLES))}, got {_short(role)}",
            )
        _string(turn.get("content"), f"transcript.turns[{i}].content")
        if len(turn) > 2:
            for key, item in turn.items():
                if key not in ("role", "content"):
                    _key(key, f"transcript.turns[{i}]", f"transcript.turns[{i}].{key}")
                    _plain(item, f"transcript.turns[{i}].{key}", 4)
    return out


def _external_id(value: Any, where: str) -> None:
    if not isinstance(value, str):
        raise PayloadError(where, f"must be a non-empty string, got {_kind(value)}")
    problem = _id_problem(value)
    if problem is not None:
        raise PayloadError(where, problem)


def _id_problem(value: str) -> str | None:
    """Why `value` is not a valid externalId (Zelto's rule), or None."""
    if not value.strip():
        return "must be a non-empty string"
    if len(value) > MAX_ID_LENGTH:
        return f"is {len(value)} characters, over the {MAX_ID_LENGTH} limit"
    if any(ord(c) < 32 or ord(c) == 127 for c in value):
        return "must not contain control characters"
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return "contains a lone surrogate (not valid Unicode)"
    return None


_ID_FORBIDDEN = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")
_ID_HASH_CHARS = 16


def external_id(name: str) -> str:
    """The `call.externalId` for any LiveKit room name (or other call id): stable, documented.

    A valid id (non-empty, not only whitespace, at most 1,024 characters, no control
    characters, valid Unicode) is returned unchanged. Any other string becomes: its forbidden
    characters (C0 controls, DEL, lone surrogates) each replaced by `_`, cut to leave room,
    then `~` and the first 16 hex digits of the SHA-256 of the original (UTF-8, surrogates
    kept): `"line\tone"` -> `"line_one~<16 hex>"`. Two different names never share an id
    (short of a 64-bit hash collision), the same name always gets the same id, and
    `external_id(external_id(x)) == external_id(x)`.
    """
    if _id_problem(name) is None:
        return name
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:_ID_HASH_CHARS]
    cleaned = _ID_FORBIDDEN.sub("_", name)[: MAX_ID_LENGTH - _ID_HASH_CHARS - 1]
    return f"{cleaned}~{digest}"


def _key(key: Any, parent: str, path: str) -> None:
    """A mapping key: a string (else the parent is named) of valid Unicode (else the key)."""
    if not isinstance(key, str):
        raise PayloadError(parent, f"keys must be strings, got {_kind(key)}")
    _unicode(key, path, "key contains")


def _string(value: Any, where: str) -> None:
    if not isinstance(value, str):
        raise PayloadError(where, f"must be a string, got {_kind(value)}")
    _unicode(value, where, "contains")


def _unicode(text: str, where: str, subject: str) -> None:
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise PayloadError(where, f"{subject} a lone surrogate (not valid Unicode)") from None


def _number(value: Any, where: str) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise PayloadError(where, f"must be a number, got {_kind(value)}")
    if isinstance(value, float) and not math.isfinite(value):
        raise PayloadError(where, f"must be a finite number, got {value}")
    if isinstance(value, int) and abs(value) >= 2**63:
        raise PayloadError(where, "integer is too large for JSON (64-bit)")
    if value < 0:
        raise PayloadError(where, f"must not be negative, got {value}")


def _plain(value: Any, where: str | None, depth: int) -> None:
    """Any JSON value: string keys, finite numbers, valid Unicode, bounded nesting.

    `where` is None at the payload's root, so a key named "" still gets its own path.
    """
    if where is None:
        if isinstance(value, Mapping):
            for key, item in value.items():
                _key(key, "", key)
                _plain(item, key, depth + 1)
            return
        where = ""
    if depth > MAX_DEPTH:
        raise PayloadError(where, f"is nested deeper than {MAX_DEPTH} levels")
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, str):
        _string(value, where)
    elif isinstance(value, int):
        if abs(value) >= 2**63:
            raise PayloadError(where, "integer is too large for JSON (64-bit)")
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise PayloadError(where, f"must be a finite number, got {value}")
    elif isinstance(value, Mapping):
        if not isinstance(value, dict) and depth > 0:
            raise PayloadError(where, f"is not JSON ({_kind(value)}); use a dict")
        for key, item in value.items():
            _key(key, where, f"{where}.{key}")
            _plain(item, f"{where}.{key}", depth + 1)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            _plain(item, f"{where}[{i}]", depth + 1)
    else:
        raise PayloadError(where, f"is not JSON ({_kind(value)})")


def _find_unencodable(value: Any, where: str | None) -> tuple[str, str] | None:
    try:
        _plain(value, where, 0)
    except PayloadError as exc:
        return exc.field, exc.problem
    return None


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return type(value).__name__


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
