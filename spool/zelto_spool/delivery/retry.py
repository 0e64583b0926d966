"""THE RETRY DECISION: what a send's result means, as pure functions (classification,
Retry-After, backoff, a 403/404 about one call or about the key).

Time and randomness are parameters, so every rule is tested with tables. Whether a 2xx says
`"received": true` is read by `receipt.py` as the answer streams in; its verdict is an input
here.
"""

from __future__ import annotations

import json
import math
import random
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from functools import partial
from typing import Literal

from .receipt import Verdict, scan_received
from .secret import WITHHELD, Scrubber

__all__ = [
    "SendOutcome",
    "backoff_delay",
    "classify",
    "judge_refusal",
    "next_delay",
    "parse_retry_after",
]

Kind = Literal["delivered", "retry", "dead", "pause"]

RETRY_STATUSES = frozenset({408, 425, 429})
PAUSE_STATUSES = frozenset({401, 403, 404})
PER_CALL_STATUSES = frozenset({403, 404})  # may be about one call: see `judge_refusal`
PER_CALL_WINDOW_S = 600.0
REASON_LIMIT = 500  # characters of Zelto's reason text kept in the row
_NOT_RECEIVED: dict[Verdict, str] = {
    "not_true": 'its "received" is not true',
    "missing": 'its JSON object has no "received"',
    "not_object": "the answer is JSON but not an object",
    "not_json": "the answer is not valid JSON, or ended early",
    "too_long": "the answer passed 64 MiB before its end",
}


@dataclass(frozen=True)
class SendOutcome:
    """The result of one attempt. `retry_after` is seconds from now, when the server set it."""

    kind: Kind
    status: int | None
    reason: str
    retry_after: float | None = None
    # Zelto took the connection and the request but did not answer in time (no status): it
    # is there, so slow start may open up (a hang is about the call, not a dead endpoint)
    reached: bool = False


def classify(
    status: int,
    body: bytes,
    retry_after: str | None,
    *,
    now: float,
    received: Verdict | None = None,
    scrub: Scrubber | None = None,
    cut: bool = False,
) -> SendOutcome:
    """Map an HTTP answer to delivered / retry / dead / pause, per the contract.

    `received`: what a scan of the whole streamed answer found (None: scan `body`). `scrub`
    removes the API key from every form of the reason text, and withholds the whole text when
    the key is still there in a form no pattern knows (`Scrubber.encoded_in`); `cut` says
    `body` is only the start of a longer answer.
    """
    reason = partial(_reason, body, scrub=scrub, cut=cut)
    if 200 <= status < 300:
        verdict = received or scan_received(body)
        if verdict == "true":
            return SendOutcome("delivered", status, "")
        why = _NOT_RECEIVED[verdict]
        return SendOutcome(
            "retry", status, f'HTTP {status} without "received": true ({why}): {reason()}'
        )
    if status in PAUSE_STATUSES:
        hint = {
            401: "check ZELTO_API_KEY",
            403: "check ZELTO_API_KEY and its permissions",
            404: "check ZELTO_BASE_URL",
        }[status]
        return SendOutcome("pause", status, f"HTTP {status} from Zelto ({hint}): {reason()}")
    if 300 <= status < 400:
        return SendOutcome(
            "pause", status, f"HTTP {status} redirect from Zelto (check ZELTO_BASE_URL)"
        )
    if status in RETRY_STATUSES or status >= 500:
        return SendOutcome(
            "retry", status, f"HTTP {status}: {reason()}", parse_retry_after(retry_after, now)
        )
    if 400 <= status < 500:
        return SendOutcome("dead", status, f"HTTP {status}: {reason()}")
    return SendOutcome("retry", status, f"unexpected HTTP {status}")


def judge_refusal(
    outcome: SendOutcome,
    *,
    last_success: float | None,
    now: float,
    window_s: float = PER_CALL_WINDOW_S,
) -> SendOutcome:
    """Tell a 403/404 about one call from one about the key or endpoint.

    A 403/404 pauses the spool (`classify`) unless a call was delivered within `window`
    seconds (`last_success`, from the spool, any process): the key and endpoint work, so the
    refusal is about this call. It is then retried with backoff, never dead-lettered, and the
    others keep flowing. A 401 is always about the key.
    """
    if outcome.kind != "pause" or outcome.status not in PER_CALL_STATUSES:
        return outcome
    if last_success is None or not 0 <= now - last_success <= window_s:
        return outcome
    zelto_says = outcome.reason.partition("): ")[2] or "(empty body)"
    return SendOutcome(
        "retry",
        outcome.status,
        f"HTTP {outcome.status} for this call only (another call was accepted "
        f"{now - last_success:.0f} s ago; check this call's agent and permissions): {zelto_says}",
    )


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from `now`, from delta-seconds or an HTTP-date; None if absent/invalid."""
    if not value:
        return None
    value = value.strip()
    if not value.isascii():  # `str.isdigit` and `float` take "²" and "٣"; RFC 9110 does not
        return None
    if value.isdigit():
        return float(value)  # a huge one is inf: capped by `max_retry_after_s`
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return seconds if math.isfinite(seconds) and seconds >= 0 else None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - now)


def backoff_delay(attempts: int, *, base_s: float, cap_s: float, rng: random.Random) -> float:
    """Full jitter: uniform(0, min(cap_s, base_s * 2**(attempts-1)))."""
    exponent = min(max(attempts - 1, 0), 62)
    return rng.uniform(0.0, min(cap_s, base_s * (2.0**exponent)))


def next_delay(
    outcome: SendOutcome,
    attempts: int,
    *,
    base_s: float,
    cap_s: float,
    max_retry_after_s: float,
    rng: random.Random,
) -> float:
    """Delay before the next attempt: the call's own backoff (full jitter over its attempts),
    lengthened to the server's Retry-After (capped at `max_retry_after_s`) when that is longer.

    Retry-After can lengthen the wait, never shorten it: `0`, a date in the past or `0.0001`
    on every 429/503 would otherwise retry at once, a hot loop against an overloaded Zelto.
    urllib3's `Retry` treats a zero Retry-After (or a past date) as absent and backs off; this
    goes one step further, since a tiny positive value is the same loop.
    """
    delay = backoff_delay(attempts, base_s=base_s, cap_s=cap_s, rng=rng)
    if outcome.retry_after is not None:
        return max(delay, min(outcome.retry_after, max_retry_after_s))
    return delay


def _reason(body: bytes, *, scrub: Scrubber | None, cut: bool) -> str:
    """Zelto's reason text, made printable and truncated; the key scrubbed in every form it
    took on the way: the raw text (escaped), the decoded field, and what each cut left."""
    clean = scrub or _no_secret
    text = clean(body.decode("utf-8", "replace"), cut=cut)
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):  # not JSON, or nested deeper than Python recurses
        pass
    else:
        if isinstance(data, dict):
            for key in ("reason", "error", "message", "detail"):
                if isinstance(data.get(key), str):
                    text = clean(data[key])
                    break
    text = " ".join(text.split())
    if not text.isprintable():  # ESC, BEL, C1 controls, bidi overrides: shown escaped
        text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    text = clean(text)
    if not text:
        return "(empty body)"
    if len(text) > REASON_LIMIT:
        text = clean(text[: REASON_LIMIT - 3], cut=True) + "..."
    if scrub is not None and scrub.encoded_in(text):  # a form no pattern knows: `secret.py`
        return WITHHELD
    return text


def _no_secret(text: str, *, cut: bool = False) -> str:
    return text
