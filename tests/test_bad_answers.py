"""Answers nothing foresaw (issue 19.4): each is one counted attempt with a backoff, never a
tight resend loop, and deliver-now never leaves the row in flight for its lease. A
Retry-After of 0, a past date or 0.0001 is no shortcut past the backoff either.

`Retry-After: ²` (str.isdigit says yes, float says no) and an error body of 3,000 `[`
(RecursionError in json) escaped classification: the row went back uncounted and was sent
again at once, ~50 POSTs a second. A real loopback server gives the answers; one injected
clock, standing still, drives the spool and the flusher, so every POST the loop makes shows.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import payload
from tests.test_answers import KEY, RawZelto, assert_no_key
from zelto_spool import DeliveryConfig, Spool
from zelto_spool.delivery import sender as sender_module
from zelto_spool.delivery.flusher import Flusher

T0 = 1_900_000_000.0
ANSWERS = {
    "retry-after-superscript": (503, [b"Retry-After: \xc2\xb2"], b""),  # UTF-8 "²"
    "retry-after-latin1-superscript": (429, [b"Retry-After: \xb2"], b""),  # latin-1 "²"
    "retry-after-superscripts": (503, ["Retry-After: ¹⁰".encode()], b""),
    "retry-after-arabic-indic": (503, ["Retry-After: ٣".encode()], b""),
    # Retry-After may lengthen the backoff, never shorten it: these were a hot loop (a 6 s
    # drain made 105-121 POSTs of one call; the sidecar 1,035 for 20 calls in 10 s)
    "retry-after-zero-429": (429, [b"Retry-After: 0"], b""),
    "retry-after-zero-503": (503, [b"Retry-After: 0"], b""),
    "retry-after-tiny": (429, [b"Retry-After: 0.0001"], b""),
    "retry-after-past-date": (503, [b"Retry-After: Wed, 21 Oct 2015 07:28:00 GMT"], b""),
    "deep-error-body": (500, [], b"[" * 3000),
    "deep-2xx-body": (200, [], b"[" * 3000),
    "deep-4xx-body": (400, [], b"{" * 3000),  # dead-lettered, once
}


@pytest.fixture
def raw_zelto() -> Iterator[RawZelto]:
    server = RawZelto()
    yield server
    server.close()


def config(server: RawZelto) -> DeliveryConfig:
    return DeliveryConfig(base_url=server.base_url, api_key=KEY, total_timeout_s=10)


@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_a_malformed_answer_is_one_attempt_per_unit_of_injected_time(
    name: str, raw_zelto: RawZelto, spool_path: Path
) -> None:
    raw_zelto.status, raw_zelto.headers, raw_zelto.body = ANSWERS[name]
    with Spool(spool_path, clock=lambda: T0) as spool:
        spool.enqueue(payload("odd"))

        async def go() -> None:
            async with Flusher(spool, config(raw_zelto), clock=lambda: T0) as flusher:
                await flusher.drain(timeout=0.5)  # the clock stands still: nothing is due again

        asyncio.run(go())
        (row,) = spool.upkeep.rows()
    assert raw_zelto.posts == 1  # before: ~25 in the half second
    assert row["attempts"] == 1, row
    status = ANSWERS[name][0]
    if status == 400:
        assert row["state"] == "dead"
    else:
        assert row["state"] == "pending" and row["next_attempt_at"] > T0, row
    assert f"HTTP {status}" in row["last_error"]
    assert_no_key(row["last_error"])


@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_deliver_now_records_a_malformed_answer(
    name: str, raw_zelto: RawZelto, spool_path: Path
) -> None:
    raw_zelto.status, raw_zelto.headers, raw_zelto.body = ANSWERS[name]
    with Spool(spool_path, clock=lambda: T0) as spool:
        spool.enqueue(payload("odd"))

        async def go() -> Any:
            async with Flusher(spool, config(raw_zelto), clock=lambda: T0) as flusher:
                return await flusher.deliver("odd", timeout=10)

        outcome = asyncio.run(go())  # before: RecursionError / ValueError out of deliver
        (row,) = spool.upkeep.rows()
    assert outcome is not None and outcome.kind in ("retry", "dead")
    assert row["state"] in ("pending", "dead") and row["attempts"] == 1, row


def test_any_exception_classifying_an_answer_is_an_attempt(
    raw_zelto: RawZelto, spool_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever the next surprise is: the guard, not the two fixes above, keeps it a retry."""

    def surprise(*args: Any, **kwargs: Any) -> Any:
        raise LookupError(f"a surprise holding {KEY}")

    monkeypatch.setattr(sender_module, "classify", surprise)
    with Spool(spool_path, clock=lambda: T0) as spool:
        spool.enqueue(payload("odd"))

        async def go() -> None:
            async with Flusher(spool, config(raw_zelto), clock=lambda: T0) as flusher:
                await flusher.drain(timeout=0.5)

        asyncio.run(go())
        (row,) = spool.upkeep.rows()
    assert raw_zelto.posts == 1 and row["attempts"] == 1 and row["next_attempt_at"] > T0
    assert "HTTP 200, an answer that could not be read" in row["last_error"]
    assert_no_key(row["last_error"])


def test_a_drain_restarts_the_backoff_but_keeps_the_count(
    raw_zelto: RawZelto, spool_path: Path
) -> None:
    """`drain` made the count 0 to restart the backoff, so `show` said `attempts 1` for a call
    tried 5 times; now the count goes on and the drain restarts the backoff in memory."""
    from zelto_spool.delivery.claim import Leases

    raw_zelto.status, raw_zelto.headers, raw_zelto.body = (503, [], b"")
    with Spool(spool_path, clock=lambda: T0) as spool:
        spool.enqueue(payload("old"))
        leases = Leases(spool)
        for _ in range(8):  # eight earlier attempts: its own backoff is up to 128 s
            (claim,) = leases.claim(1, lease_s=60)
            leases.mark_retry(claim, next_attempt_at=T0, status=503, error="HTTP 503")

        async def go() -> None:
            async with Flusher(spool, config(raw_zelto), clock=lambda: T0) as flusher:
                await flusher.drain(timeout=0.5)

        for _ in range(5):
            asyncio.run(go())
            (row,) = spool.upkeep.rows()
            assert T0 < row["next_attempt_at"] <= T0 + 1.0, row  # full jitter, 1 s base
        assert row["attempts"] == 13 and raw_zelto.posts == 5, row
