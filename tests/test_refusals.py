"""A 403/404 about one call does not hold back the others; one about the key pauses the spool.

The rule (docs/design.md): a 403/404 pauses unless the spool recorded a delivery within the
last 10 minutes, by any process; then it is about that call, which is retried with backoff.
While paused, each probe takes the call that waited longest, and a refused one goes to the back.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from tests.conftest import API_KEY, cli_env, payload, run_cli, wait_until
from zelto_spool import DeliveryConfig, Spool
from zelto_spool.delivery.flusher import Flusher
from zelto_spool.delivery.retry import PER_CALL_WINDOW_S, SendOutcome, classify, judge_refusal

NOW = 1_800_000_000.0


def config_for(receiver: Any, **options: Any) -> DeliveryConfig:
    return DeliveryConfig(base_url=receiver.base_url, api_key=API_KEY, **options)


def run_until(spool: Spool, config: DeliveryConfig, done: Any, timeout: float = 30.0) -> None:
    """Run the sidecar's loop until `done()` holds (polled with a deadline), then stop it."""

    async def go() -> None:
        stop = asyncio.Event()
        async with Flusher(spool, config, poll_interval_s=0.2) as flusher:
            task = asyncio.ensure_future(flusher.run(stop))
            try:
                await asyncio.to_thread(wait_until, done, timeout)
            finally:
                stop.set()
                await task

    asyncio.run(go())


def test_one_refused_call_does_not_stall_the_others(spool: Spool, zelto_receiver: Any) -> None:
    zelto_receiver.reject("forbidden", 403, "this key may not write agent support-bot-2")
    spool.enqueue(payload("forbidden"))  # first in line: the first claim, and the pause's row
    for i in range(20):
        spool.enqueue(payload(f"ok-{i}"))
    config = config_for(zelto_receiver, pause_probe_interval_s=0.2)
    run_until(spool, config, lambda: zelto_receiver.accepted_count() == 20, timeout=30)
    (row,) = spool.upkeep.rows(call_ids=["forbidden"])
    assert row["state"] == "pending" and row["last_status"] == 403
    assert "for this call only" in row["last_error"]
    assert spool.stats()["dead"] == 0


def test_a_refusal_of_every_call_pauses_and_probes_other_calls(
    spool: Spool, zelto_receiver: Any
) -> None:
    calls = [f"c-{i}" for i in range(4)]
    for call_id in calls:
        zelto_receiver.reject(call_id, 403, "key lacks the calls:write scope")
        spool.enqueue(payload(call_id))
    config = config_for(zelto_receiver, pause_probe_interval_s=0.05)
    probed = lambda: {p.call_id for p in zelto_receiver.posts}  # noqa: E731
    run_until(spool, config, lambda: probed() == set(calls), timeout=30)
    pause = spool.pause_state()
    assert pause is not None and pause.status == 403
    stats = spool.stats()
    assert stats["dead"] == 0 and stats["pending"] + stats["inflight"] == 4
    assert all(r["state"] in ("pending", "inflight") for r in spool.upkeep.rows())


def test_a_job_process_refused_after_recent_deliveries_does_not_pause(
    spool: Spool, zelto_receiver: Any
) -> None:
    zelto_receiver.reject("forbidden", 404, "no such agent for this key")
    spool.enqueue(payload("fine"))
    spool.enqueue(payload("forbidden"))

    async def go() -> Any:
        async with Flusher(spool, config_for(zelto_receiver)) as first:
            assert (await first.deliver("fine", timeout=10)).kind == "delivered"  # type: ignore[union-attr]
        async with Flusher(spool, config_for(zelto_receiver)) as job:  # another process
            return await job.deliver("forbidden", timeout=10)

    outcome = asyncio.run(go())
    assert outcome is not None and outcome.kind == "retry" and outcome.status == 404
    assert spool.pause_state() is None


OK_RECENTLY = NOW - 30
OK_LONG_AGO = NOW - PER_CALL_WINDOW_S - 1


@pytest.mark.parametrize(
    ("status", "last_success", "kind"),
    [
        (403, OK_RECENTLY, "retry"),
        (404, OK_RECENTLY, "retry"),
        (401, OK_RECENTLY, "pause"),  # always about the key
        (403, None, "pause"),  # never delivered: nothing says the key works
        (404, None, "pause"),
        (403, OK_LONG_AGO, "pause"),
        (403, NOW + 60, "pause"),  # a clock gone backwards proves nothing
        (422, OK_RECENTLY, "dead"),
        (503, None, "retry"),
    ],
)
def test_judge_refusal(status: int, last_success: float | None, kind: str) -> None:
    outcome = classify(status, b'{"error": "nope"}', None, now=NOW)
    judged = judge_refusal(outcome, last_success=last_success, now=NOW)
    assert judged.kind == kind and judged.status == status
    if outcome.kind == "pause" and kind == "retry":
        assert judged.reason.endswith(": nope") and "for this call only" in judged.reason


def test_judge_refusal_leaves_other_outcomes_alone() -> None:
    delivered = SendOutcome("delivered", 200, "")
    assert judge_refusal(delivered, last_success=NOW, now=NOW) is delivered


def test_a_404_names_the_url_it_posted_to(spool: Spool, zelto_receiver: Any) -> None:
    """A base URL given with the path already on it posts to `.../webhooks/calls/webhooks/
    calls`: the pause says which URL answered 404, not only "check ZELTO_BASE_URL"."""
    spool.enqueue(payload("room-1"))
    base = zelto_receiver.base_url + "/webhooks/calls"
    env = cli_env(spool.path, base, API_KEY)
    drained = run_cli("drain", "--timeout", "10s", env=env)
    assert "HTTP 404" in drained.stderr + drained.stdout
    shown = run_cli("status", env=env).stdout
    assert "ZELTO_BASE_URL already ends in /webhooks/calls" in shown
    assert API_KEY not in shown


def test_a_404_shows_no_path_a_key_could_be_in(spool: Spool, zelto_receiver: Any) -> None:
    """A key pasted into the base URL's path, split or encoded, slipped past the key scrubber
    in the 404's `[POST url]` (a hostile tester's): only scheme, host and port are shown."""
    spool.enqueue(payload("room-1"))
    half = len(API_KEY) // 2
    base = f"{zelto_receiver.base_url}/{API_KEY[:half]}/x/{API_KEY[half:]}"
    env = cli_env(spool.path, base, API_KEY)
    run_cli("drain", "--timeout", "10s", env=env)
    shown = run_cli("status", env=env).stdout
    assert f"[POST {zelto_receiver.base_url}/…/webhooks/calls]" in shown
    reason = "\n".join(line for line in shown.splitlines() if "HTTP 404" in line)
    assert reason and "/x/" not in reason and API_KEY[half:] not in reason
