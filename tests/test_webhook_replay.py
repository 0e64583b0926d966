"""A replayed or older signed LiveKit webhook never rolls an enrichment back (issue 11, item 5)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from livekit.protocol import webhook

from tests.conftest import payload, wait_until
from tests.test_sidecar_ops import Sidecar, egress_ended, post_webhook, signed
from zelto_spool import Spool


def recording(room: str, url: str, *, event_id: str, created_at: int) -> webhook.WebhookEvent:
    event = egress_ended(room, url)
    event.id = event_id
    event.created_at = created_at
    return event


def version(spool_path: Path, call_id: str) -> int:
    return int(Spool(spool_path).upkeep.rows(call_ids=[call_id])[0]["version"])


def test_a_replayed_or_older_webhook_changes_nothing(
    spool_path: Path, zelto_receiver: Any, sidecars: list[Sidecar]
) -> None:
    Spool(spool_path).enqueue(payload("room-r"))
    sidecars.append(sidecar := Sidecar(spool_path, zelto_receiver))
    assert zelto_receiver.wait_for(lambda r: "room-r" in r.calls, 10)
    now = int(time.time())
    first = signed(recording("room-r", "https://s3.example/a.mp4", event_id="EV_a", created_at=now))
    second = signed(
        recording("room-r", "https://s3.example/b.mp4", event_id="EV_b", created_at=now + 10)
    )
    assert "applied" in post_webhook(sidecar, *first).text
    assert "applied" in post_webhook(sidecar, *second).text
    latest = "https://s3.example/b.mp4"
    assert zelto_receiver.wait_for(
        lambda r: r.calls["room-r"]["call"].get("recordingUrl") == latest, 10
    )
    wait_until(
        lambda: Spool(spool_path).upkeep.rows(call_ids=["room-r"])[0]["state"] == "delivered"
    )
    settled = version(spool_path, "room-r")

    # a captured webhook replayed within its token's lifetime, alternately: nothing queued
    for body, auth in [first, second, first, second, first]:
        answer = post_webhook(sidecar, body, auth)
        assert answer.status_code == 200 and "duplicate" in answer.text, answer.text
    # a new event created before the newest applied one (late delivery): out of date
    older = signed(
        recording("room-r", "https://s3.example/old.mp4", event_id="EV_c", created_at=now + 5)
    )
    assert "stale" in post_webhook(sidecar, *older).text
    assert version(spool_path, "room-r") == settled
    assert Spool(spool_path).latest_payload("room-r")["call"]["recordingUrl"] == latest  # type: ignore[index]
    assert zelto_receiver.calls["room-r"]["call"]["recordingUrl"] == latest
    metrics = sidecar.metrics()
    key = ("zelto_spool_webhooks_total", (("event", "egress_ended"), ("result", "duplicate")))
    assert metrics[key] == 5
    assert sidecar.stop()[0] == 0


def test_event_ids_and_times_are_kept_in_the_spool(spool_path: Path) -> None:
    spool = Spool(spool_path)
    spool.enqueue(payload("c"))
    fields = lambda url: {"call": {"recordingUrl": url}}  # noqa: E731
    event = {"kind": "egress_ended", "created_at": 100.0}
    assert spool.enrich_from_event("c", fields("https://x/1"), event_id="E1", **event) == "applied"
    # another process (a second sidecar) sees the same spool: the id is known there too
    other = Spool(spool_path)
    assert other.enrich_from_event("c", fields("https://x/9"), event_id="E1", **event) == (
        "duplicate"
    )
    same_second = {"kind": "egress_ended", "created_at": 100.0}
    assert other.enrich_from_event("c", fields("https://x/2"), event_id="E2", **same_second) == (
        "applied"  # not older: a second egress of the same second still counts
    )
    older = {"kind": "egress_ended", "created_at": 99.0}
    assert other.enrich_from_event("c", fields("https://x/0"), event_id="E0", **older) == "stale"
    assert spool.latest_payload("c")["call"]["recordingUrl"] == "https://x/2"  # type: ignore[index]
    assert spool.enrich_from_event("new", fields("https://x/3"), event_id="E3", **event) == (
        "waiting"
    )


def test_a_webhook_dated_far_in_the_future_cannot_pin_the_recording(
    spool_path: Path, zelto_receiver: Any, sidecars: list[Sidecar]
) -> None:
    """Applied, an event dated years ahead (a LiveKit node with a wrong clock, or a forged
    one with the secret) made every later `egress_ended` of the call `stale`."""
    Spool(spool_path).enqueue(payload("room-f"))
    sidecars.append(sidecar := Sidecar(spool_path, zelto_receiver))
    assert zelto_receiver.wait_for(lambda r: "room-f" in r.calls, 10)
    now = int(time.time())
    future = signed(
        recording("room-f", "https://s3.example/f.mp4", event_id="EV_f", created_at=now + 10**9)
    )
    assert "ignored" in post_webhook(sidecar, *future).text
    real = signed(recording("room-f", "https://s3.example/r.mp4", event_id="EV_r", created_at=now))
    assert "applied" in post_webhook(sidecar, *real).text
    assert zelto_receiver.wait_for(
        lambda r: r.calls["room-f"]["call"].get("recordingUrl") == "https://s3.example/r.mp4", 10
    )
