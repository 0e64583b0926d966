"""Retry rules as tables: classification per the contract, Retry-After, backoff with jitter."""

from __future__ import annotations

import random
from datetime import datetime, timezone
from email.utils import format_datetime

import pytest

from zelto_spool.delivery.retry import (
    REASON_LIMIT,
    backoff_delay,
    classify,
    next_delay,
    parse_retry_after,
)

NOW = 1_800_000_000.0
OK = b'{"received": true}'


@pytest.mark.parametrize(
    ("status", "body", "kind"),
    [
        (200, OK, "delivered"),
        (201, OK, "delivered"),
        (202, b'{"received": true, "id": "x"}', "delivered"),
        (200, b'{"received": false}', "retry"),
        (200, b'{"received": "true"}', "retry"),
        (200, b'{"ok": true}', "retry"),
        (200, b"<html>proxy</html>", "retry"),
        (200, b"", "retry"),
        (204, b"", "retry"),
        (301, b"", "pause"),
        (307, b"", "pause"),
        (400, b'{"error": "bad"}', "dead"),
        (401, b'{"error": "invalid key"}', "pause"),
        (403, b"forbidden", "pause"),
        (404, b"not found", "pause"),
        (405, b"", "dead"),
        (408, b"", "retry"),
        (409, b"", "dead"),
        (410, b"", "dead"),
        (413, b"too big", "dead"),
        (422, b'{"error": "transcript.turns[0].role: bad"}', "dead"),
        (425, b"", "retry"),
        (429, b"", "retry"),
        (500, b"", "retry"),
        (502, b"", "retry"),
        (503, b"", "retry"),
        (504, b"", "retry"),
        (599, b"", "retry"),
        (100, b"", "retry"),
    ],
)
def test_classification(status: int, body: bytes, kind: str) -> None:
    outcome = classify(status, body, None, now=NOW)
    assert outcome.kind == kind
    assert outcome.status == status


def test_dead_reason_carries_zeltos_text_truncated() -> None:
    outcome = classify(422, b'{"error": "call.cost: must be a number"}', None, now=NOW)
    assert outcome.reason == "HTTP 422: call.cost: must be a number"
    long = classify(400, b"x" * 10_000, None, now=NOW)
    assert len(long.reason) <= REASON_LIMIT + len("HTTP 400: ")
    assert long.reason.endswith("...")


def test_pause_reason_says_what_to_fix() -> None:
    assert "ZELTO_API_KEY" in classify(401, b"", None, now=NOW).reason
    assert "ZELTO_BASE_URL" in classify(404, b"", None, now=NOW).reason


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, None),
        ("", None),
        ("2", 2.0),
        (" 120 ", 120.0),
        ("1.5", 1.5),
        ("-3", None),
        ("soon", None),
        (format_datetime(datetime.fromtimestamp(NOW + 30, tz=timezone.utc), usegmt=True), 30.0),
        (format_datetime(datetime.fromtimestamp(NOW - 30, tz=timezone.utc), usegmt=True), 0.0),
        ("Wed, 21 Oct 2015 07:28:00", None),  # no zone: not an HTTP-date
    ],
)
def test_retry_after(header: str | None, expected: float | None) -> None:
    assert parse_retry_after(header, NOW) == expected


def test_retry_after_is_carried_on_retry_outcomes() -> None:
    assert classify(429, b"", "2", now=NOW).retry_after == 2.0
    assert classify(503, b"", "7", now=NOW).retry_after == 7.0


def test_backoff_full_jitter_bounds() -> None:
    rng = random.Random(1)
    for attempts, ceiling in [(1, 1.0), (2, 2.0), (3, 4.0), (9, 256.0), (10, 300.0), (500, 300.0)]:
        samples = [backoff_delay(attempts, base_s=1.0, cap_s=300.0, rng=rng) for _ in range(200)]
        assert all(0.0 <= s <= ceiling for s in samples)
        assert max(samples) > ceiling * 0.8  # full jitter spreads over the whole range


def test_next_delay_lengthens_to_retry_after_and_caps_it() -> None:
    rng = random.Random(0)
    outcome = classify(429, b"", "2", now=NOW)
    assert next_delay(outcome, 1, base_s=1, cap_s=300, max_retry_after_s=3600, rng=rng) == 2.0
    huge = classify(429, b"", "999999", now=NOW)
    assert next_delay(huge, 1, base_s=1, cap_s=300, max_retry_after_s=3600, rng=rng) == 3600


@pytest.mark.parametrize("header", ["0", "0.0001", "1", "Wed, 21 Oct 2015 07:28:00 GMT"])
@pytest.mark.parametrize("attempts", [1, 3, 7, 12])
def test_retry_after_never_shortens_the_backoff(header: str, attempts: int) -> None:
    """A Retry-After shorter than the call's own backoff is the backoff: `0` on every 429 was a
    hot loop (105-121 POSTs of one call in a 6 s drain)."""
    outcome = classify(429, b"", header, now=NOW)
    for seed in range(50):
        own = backoff_delay(attempts, base_s=1, cap_s=300, rng=random.Random(seed))
        got = next_delay(
            outcome, attempts, base_s=1, cap_s=300, max_retry_after_s=3600, rng=random.Random(seed)
        )
        assert got == max(own, outcome.retry_after or 0.0)
        assert got >= own
