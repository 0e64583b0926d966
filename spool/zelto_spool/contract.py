"""The wire contract as a Zelto-compatible endpoint checks it, the record of one request,
and the faults a look-alike simulates: pure functions and values, no server and no
dependency, so the CLI (`zelto-spool receiver --help`, its console lines) uses them without
the test receiver, and the receiver (`testing/receiver.py`, aiohttp) builds on them.

`check_request` is what a Zelto-compatible endpoint refuses (bearer key, `X-Zelto-Provider:
livekit`, size, JSON, the canonical shape via `payload.validate`), as a pure function of what
arrived; `Post` is what the receiver saw of one request, `format_post` its console line. The
server around them is `testing/receiver.py`.

The fault modes (`FAULT_MODES`, `parse_fault`): one table that the parser, the errors and the
CLI help share.
"""

from __future__ import annotations

import hmac
import random
import time
from dataclasses import dataclass
from typing import Any

from .config import PROVIDER, WEBHOOK_PATH
from .errors import PayloadError
from .payload import MAX_PAYLOAD_BYTES, decode, validate

__all__ = [
    "FAULT_MODES",
    "Fault",
    "Post",
    "Refusal",
    "WEBHOOK_PATH",
    "check_request",
    "format_post",
    "gateway_refusal",
    "parse_fault",
]


@dataclass(frozen=True)
class Refusal:
    """An error answer: `{"error": reason, "field": field?}` with `status` and `headers`."""

    status: int
    reason: str
    field: str | None = None
    headers: tuple[tuple[str, str], ...] = ()


def check_request(
    headers: dict[str, str],
    body: bytes,
    payload: Any,
    *,
    api_key: bytes | None,
    content_length: int | None,
) -> Refusal | None:
    """Why Zelto would refuse this request (`headers` lower-cased), or None if it is valid.

    Checked in order: bearer token (and `api_key` when set), provider, size, JSON, shape.
    """
    scheme, _, token = headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return Refusal(401, "missing bearer token (Authorization: Bearer <key>)")
    if api_key is not None and not hmac.compare_digest(token.strip().encode(), api_key):
        return Refusal(401, "invalid API key")
    provider = headers.get("x-zelto-provider")
    if provider != PROVIDER:
        got = "missing" if provider is None else f"got {_printable(provider)!r}"
        return Refusal(400, f"X-Zelto-Provider must be 'livekit' ({got})")
    if len(body) > MAX_PAYLOAD_BYTES or (content_length or 0) > MAX_PAYLOAD_BYTES:
        limit = f"{MAX_PAYLOAD_BYTES}-byte limit ({MAX_PAYLOAD_BYTES // 2**20} MiB)"
        return Refusal(413, f"body is over the {limit}")
    if payload is None:
        return Refusal(400, "body must be a JSON object")
    try:
        validate(payload)
    except PayloadError as exc:
        return Refusal(422, str(exc), field=exc.field)
    return None


@dataclass(eq=False)
class Post:
    """One request the receiver got. `status` is None until answered (or if never answered)."""

    at: float
    call_id: str | None
    status: int | None
    headers: dict[str, str]
    body: bytes
    error: str | None = None
    path: str = WEBHOOK_PATH

    def __repr__(self) -> str:  # the bearer token must not leak through assertion output
        headers = dict(self.headers)
        if "authorization" in headers:
            headers["authorization"] = "<redacted>"
        return (
            f"Post(at={self.at!r}, call_id={self.call_id!r}, status={self.status!r}, "
            f"error={self.error!r}, headers={headers!r}, body=<{len(self.body)} bytes>)"
        )


def format_post(post: Post) -> str:
    """One line for a console: `<time> <status> <call_id> turns=<n> [error=...]`, token-free."""
    stamp = (
        time.strftime("%H:%M:%S", time.localtime(post.at)) + f".{int(post.at * 1000) % 1000:03d}"
    )
    status = "---" if post.status is None else str(post.status)
    line = f"{stamp} {status} {_printable(post.call_id or '-')} turns={_turns(post.body)}"
    if post.path != WEBHOOK_PATH:
        line += f" path={_printable(post.path)}"
    if post.error:
        line += f" error={_printable(post.error)}"
    auth = post.headers.get("authorization", "")
    for secret in {auth, auth.partition(" ")[2].strip()}:
        if len(secret) >= 4:
            line = line.replace(secret, "<redacted>")
    return line


def _printable(text: str) -> str:
    text = text if text.isprintable() else text.encode("unicode_escape").decode("ascii")
    return text if len(text) <= 200 else text[:197] + "..."


def _turns(body: bytes) -> str:
    try:
        return str(len(decode(body)["transcript"]["turns"]))
    except (ValueError, TypeError, KeyError):
        return "0" if body[:1] == b"{" else "?"


# modes without a value
_SIMPLE = ("none", "down", "hang", "nonjson", "noreceived", "reject")
# mode -> (lowest value, highest value, default when no value is given, what the value is)
_NUMERIC: dict[str, tuple[float, float, float | None, str]] = {
    "5xx": (500, 599, 503, "CODE"),
    "429": (0, 86400, 1, "SECONDS"),
    "slow": (0, 86400, None, "SECONDS"),
    "flaky": (0, 1, None, "P"),
}
_INTEGER = ("5xx", "429")


def _spelled(name: str) -> str:
    *_, default, arg = _NUMERIC[name]
    return f"{name}:{arg}" if default is None else f"{name}[:{arg}]"


FAULT_MODES = ", ".join([*_SIMPLE, *(_spelled(name) for name in _NUMERIC)])


@dataclass(frozen=True)
class Fault:
    """A parsed fault mode: `mode` plus its number (status code, seconds or probability)."""

    mode: str = "none"
    value: float = 0

    def __str__(self) -> str:
        return f"{self.mode}:{self.value:g}" if self.mode in _NUMERIC else self.mode


def parse_fault(mode: str | None) -> Fault:
    """Parse a fault mode string (see `FAULT_MODES`); raise `ValueError` naming the problem."""
    if mode is None:
        return Fault()
    name, sep, arg = mode.strip().lower().partition(":")
    if name in _SIMPLE and not sep:
        return Fault(name)
    if name not in _NUMERIC:
        raise ValueError(f"unknown fault mode {mode!r}; expected one of: {FAULT_MODES}")
    low, high, default, _arg = _NUMERIC[name]
    if not sep and default is None:
        raise ValueError(f"fault mode {name!r} needs a value, e.g. {name}:{high:g}")
    try:
        value = (int if name in _INTEGER else float)(arg) if sep else default
    except ValueError:
        raise ValueError(f"bad fault mode {mode!r}: {arg!r} is not a number") from None
    if value is None or not low <= value <= high:
        raise ValueError(f"bad fault mode {mode!r}: {name} takes a value from {low:g} to {high:g}")
    return Fault(name, value)


def gateway_refusal(fault: Fault, rng: random.Random) -> Refusal | None:
    """The error a gateway in front of Zelto answers under `fault`, before any check.

    `5xx`, `429` (with `Retry-After`) and, with probability `p`, `flaky` (503). The other
    modes act elsewhere: `down`/`hang`/`slow` on the connection, the rest after the checks.
    """
    if fault.mode == "5xx":
        return Refusal(int(fault.value), f"simulated outage (fault {fault})")
    if fault.mode == "429":
        retry_after = (("Retry-After", f"{fault.value:g}"),)
        return Refusal(429, "simulated rate limit (fault 429)", headers=retry_after)
    if fault.mode == "flaky" and rng.random() < fault.value:
        return Refusal(503, f"simulated flaky outage (fault {fault})")
    return None
