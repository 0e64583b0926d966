"""Leases and due times survive wall-clock steps either way (issue 19, item 6).

Found by a hostile test: a sidecar whose clock ran 120 s ahead requeued a live sender's row
as "expired" and sent v2, and the live sender's v1 landed last; a clock stepped back an hour
held a due call for that hour while `/healthz` said ok and the backlog age went negative.
Injected clocks (wall and monotonic), real processes where liveness is the point; no sleeps.
"""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import API_KEY, payload, wait_until
from zelto_spool import DeliveryConfig, Spool
from zelto_spool.delivery import flusher as flusher_module
from zelto_spool.delivery.claim import Leases
from zelto_spool.delivery.flusher import Flusher
from zelto_spool.payload import decode
from zelto_spool.sidecar.health import verdict

HOUR = 3600.0

CLAIM_AND_HOLD = """
import sys
from zelto_spool import Spool
from zelto_spool.delivery.claim import Leases
claims = Leases(Spool(sys.argv[1])).claim(1, lease_s=60)
print(len(claims), flush=True)
sys.stdin.read()  # alive, holding its lease, until the test closes stdin
"""


def _state(pid: int) -> str:
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_a_clock_running_ahead_does_not_expire_a_live_sender_on_this_host(
    spool_path: Path,
) -> None:
    Spool(spool_path).enqueue(payload("ahead"))
    sender = subprocess.Popen(
        [sys.executable, "-c", CLAIM_AND_HOLD, str(spool_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert sender.stdin is not None and sender.stdout is not None
    try:
        assert sender.stdout.readline().strip() == "1"  # claimed for 60 s, and alive
        ahead = Spool(spool_path, clock=lambda: time.time() + 120)
        assert Leases(ahead).reclaim() == [], "a live sender's row was requeued as expired"
        (row,) = ahead.upkeep.rows(call_ids=["ahead"])
        assert (row["state"], row["lease_pid"]) == ("inflight", sender.pid)
        # a stopped sender (SIGSTOP, a debugger) cannot answer: its lease ends by the clock
        sender.send_signal(signal.SIGSTOP)
        wait_until(lambda: _state(sender.pid) in ("T", "t"))
        assert Leases(ahead).reclaim() == ["ahead"]
        ahead.close()
    finally:
        sender.send_signal(signal.SIGCONT)
        sender.stdin.close()
        sender.wait(30)
        sender.stdout.close()


class Clocks:
    """A wall clock and a monotonic clock that tests step independently."""

    def __init__(self) -> None:
        self.wall = 1_000_000.0
        self.mono = 500.0

    def time(self) -> float:
        return self.wall

    def monotonic(self) -> float:
        return self.mono


def test_the_sender_judges_its_own_lease_by_monotonic_time(
    spool_path: Path, zelto_receiver: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sender frozen past its lease while the wall clock stepped back an hour must not send:
    by the wall clock it would have an hour of lease left."""
    clocks = Clocks()
    config = DeliveryConfig(base_url=zelto_receiver.base_url, api_key=API_KEY, total_timeout_s=5)
    spool = Spool(spool_path, clock=clocks.time, monotonic=clocks.monotonic)
    spool.enqueue(payload("frozen", turns=1))
    leases = Leases(spool)
    real_claim = leases.claim

    def stalling_claim(*args: Any, **kwargs: Any) -> Any:
        claims = real_claim(*args, **kwargs)
        if claims:
            clocks.mono += config.lease_s + 1  # frozen past the lease ...
            clocks.wall -= HOUR  # ... while the wall clock was stepped back
        return claims

    leases.claim = stalling_claim  # type: ignore[method-assign]
    monkeypatch.setattr(flusher_module, "Leases", lambda _spool: leases)

    async def go() -> Any:
        async with Flusher(spool, config, clock=clocks.time) as flusher:
            return await flusher.drain_due(timeout=5, max_calls=1)

    asyncio.run(go())
    assert zelto_receiver.posts == [], "sent after its lease had run out"
    (row,) = spool.upkeep.rows(call_ids=["frozen"])
    assert row["state"] == "pending"
    spool.close()


def test_a_clock_stepped_back_does_not_hold_a_due_call(
    spool_path: Path, zelto_receiver: Any
) -> None:
    clocks = Clocks()
    spool = Spool(spool_path, clock=clocks.time)
    spool.enqueue(payload("due"))
    clocks.wall -= HOUR  # NTP, a VM restored from a snapshot, an operator's `date -s`
    assert spool.next_due() is not None and spool.next_due() <= clocks.wall  # type: ignore[operator]
    assert spool.stats()["next_attempt_in_s"] <= 0
    config = DeliveryConfig(base_url=zelto_receiver.base_url, api_key=API_KEY)

    async def go() -> Any:  # a job's leftovers: no `drain` making everything due first
        async with Flusher(spool, config, clock=clocks.time) as flusher:
            return await flusher.drain_due(timeout=5)

    report = asyncio.run(go())
    assert report.delivered == 1 and "due" in zelto_receiver.calls
    spool.close()


def test_a_backoff_is_still_honoured_after_the_clock_steps_back(spool_path: Path) -> None:
    """Only rows that were due when written are due whatever the clock says: a retry's backoff
    still holds (it ends at most its length plus the step later)."""
    clocks = Clocks()
    spool = Spool(spool_path, clock=clocks.time)
    leases = Leases(spool)
    spool.enqueue(payload("later"))
    (claim,) = leases.claim(1, lease_s=60)
    leases.mark_retry(claim, next_attempt_at=clocks.wall + 60, status=503, error="HTTP 503")
    clocks.wall -= HOUR
    assert leases.claim(1, lease_s=60) == []
    spool.close()


def test_a_pause_probe_is_not_held_by_a_clock_stepped_back(spool_path: Path) -> None:
    from zelto_spool.delivery.pause import Gate
    from zelto_spool.store.spool import Pause

    clocks = Clocks()
    spool = Spool(spool_path, clock=clocks.time)
    gate = Gate(Leases(spool), probe_interval=60, clock=clocks.time)
    gate.probed = True  # this process probed already: it waits for `probe_at`
    pause = Pause("HTTP 401", 401, since=clocks.wall, probe_at=clocks.wall + 60)
    assert gate.allowance(pause, want=4, idle=True, now=clocks.wall).limit == 0
    clocks.wall -= HOUR  # the next probe is now an hour and a minute away by this clock
    allowed = gate.allowance(pause, want=4, idle=True, now=clocks.wall)
    assert (allowed.limit, allowed.probe) == (1, True)
    spool.close()


def test_a_negative_backlog_age_is_an_alarm_not_zero(spool_path: Path) -> None:
    clocks = Clocks()
    spool = Spool(spool_path, clock=clocks.time)
    spool.enqueue(payload("waiting"))
    clocks.wall -= HOUR
    stats = spool.stats()
    assert stats["oldest_pending_age_s"] == pytest.approx(-HOUR)
    found = verdict(stats)
    assert not found.ok
    assert "clock" in found.text and "1h" in found.text, found.text
    from zelto_spool.sidecar.metrics import SidecarMetrics

    text = SidecarMetrics(spool).render().decode()
    assert "zelto_spool_oldest_pending_age_seconds -3600.0" in text
    spool.close()


def test_the_posted_version_is_the_newest(spool_path: Path, zelto_receiver: Any) -> None:
    """Sanity for the helpers above: a normal clock still delivers exactly once."""
    spool = Spool(spool_path)
    spool.enqueue(payload("plain", turns=1))
    config = DeliveryConfig(base_url=zelto_receiver.base_url, api_key=API_KEY)

    async def go() -> Any:
        async with Flusher(spool, config) as flusher:
            return await flusher.drain(timeout=5)

    asyncio.run(go())
    assert [len(decode(p.body)["transcript"]["turns"]) for p in zelto_receiver.posts] == [1]
    spool.close()
