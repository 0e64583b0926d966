"""`zelto-spool run --listen`: LiveKit webhooks, /healthz, /metrics, the disk cap, SIGTERM."""

from __future__ import annotations

import base64
import hashlib
import signal
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from google.protobuf import json_format
from livekit.protocol import egress, models, webhook
from prometheus_client.parser import text_string_to_metric_families

from livekit import api
from tests.conftest import API_KEY, cli_env, payload, run_cli, wait_until
from zelto_spool import Spool

LK_KEY, LK_SECRET = "APIdevkey", "dev-secret-that-is-long-enough-for-hs256"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Sidecar:
    def __init__(self, spool_path: Path, receiver: Any, key: str = API_KEY, *args: str) -> None:
        self.port = free_port()
        env = cli_env(spool_path, receiver.base_url, key)
        env.update(LIVEKIT_API_KEY=LK_KEY, LIVEKIT_API_SECRET=LK_SECRET)
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "zelto_spool",
                "run",
                "--listen",
                f"127.0.0.1:{self.port}",
                *args,
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stderr is not None
        seen = ""
        while "sidecar started" not in seen:
            line = self.proc.stderr.readline()
            assert line, seen + (self.proc.stderr.read() or "")
            seen += line
        self.url = f"http://127.0.0.1:{self.port}"

    def get(self, path: str) -> httpx.Response:
        return httpx.get(self.url + path, timeout=10)

    def metrics(self) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
        values = {}
        for family in text_string_to_metric_families(self.get("/metrics").text):
            for sample in family.samples:
                values[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
        return values

    def stop(self) -> tuple[int, str, float]:
        started = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        _, err = self.proc.communicate(timeout=30)
        return self.proc.returncode, err, time.monotonic() - started


def signed(event: webhook.WebhookEvent, secret: str = LK_SECRET, **token: Any) -> tuple[bytes, str]:
    body = json_format.MessageToJson(event).encode()
    digest = base64.b64encode(hashlib.sha256(body).digest()).decode()
    access = api.AccessToken(LK_KEY, secret).with_sha256(digest)
    if "ttl" in token:
        access = access.with_ttl(token["ttl"])
    return body, access.to_jwt()


def egress_ended(room: str, location: str = "", playlist: str = "") -> webhook.WebhookEvent:
    info = egress.EgressInfo(egress_id="EG_1", room_name=room, room_id="RM_" + room)
    if location:
        info.file_results.append(egress.FileInfo(location=location))
    if playlist:
        info.segment_results.append(egress.SegmentsInfo(playlist_location=playlist))
    return webhook.WebhookEvent(
        event="egress_ended", id="EV_1", egress_info=info, created_at=int(time.time())
    )


def post_webhook(sidecar: Sidecar, body: bytes, auth: str | None) -> httpx.Response:
    headers = {"Content-Type": "application/webhook+json"}
    if auth is not None:
        headers["Authorization"] = auth
    return httpx.post(sidecar.url + "/livekit/webhook", content=body, headers=headers, timeout=10)


def test_signed_egress_ended_sets_the_recording_url(
    spool_path: Path, zelto_receiver: Any, sidecars: list[Sidecar]
) -> None:
    Spool(spool_path).enqueue(payload("room-rec"))
    sidecars.append(sidecar := Sidecar(spool_path, zelto_receiver))
    assert zelto_receiver.wait_for(lambda r: "room-rec" in r.calls, 10)

    forged = signed(
        egress_ended("room-rec", "https://evil.example/x.mp4"),
        secret="a-wrong-secret-that-is-also-long-enough-for-hs256",
    )
    tampered_body, good_token = signed(egress_ended("room-rec", "https://s3.example/rec.mp4"))
    tampered = tampered_body.replace(b"s3.example", b"evil.example")
    expired = signed(
        egress_ended("room-rec", "https://evil.example/y.mp4"), ttl=timedelta(minutes=-5)
    )
    for body, auth in [
        forged,
        (tampered, good_token),
        (forged[0], None),
        expired,
        (forged[0], "Bearer " + good_token),
    ]:
        assert post_webhook(sidecar, body, auth).status_code == 401
    assert Spool(spool_path).latest_payload("room-rec") == payload("room-rec")  # unchanged
    assert Spool(spool_path).upkeep.rows()[0]["version"] == 1

    body, token = signed(egress_ended("room-rec", "https://s3.example/rec.mp4"))
    answer = post_webhook(sidecar, body, token)
    assert answer.status_code == 200 and "applied" in answer.text
    assert zelto_receiver.wait_for(
        lambda r: r.calls["room-rec"]["call"].get("recordingUrl") == "https://s3.example/rec.mp4",
        10,
    )
    assert zelto_receiver.calls["room-rec"]["transcript"] == payload("room-rec")["transcript"]
    metrics = sidecar.metrics()
    assert (
        metrics[("zelto_spool_webhooks_total", (("event", "egress_ended"), ("result", "applied")))]
        == 1
    )
    assert (
        metrics[("zelto_spool_webhooks_total", (("event", "unknown"), ("result", "rejected")))] == 5
    )


def test_webhook_before_the_call_and_hls_and_room_finished(
    spool_path: Path, zelto_receiver: Any, sidecars: list[Sidecar]
) -> None:
    sidecars.append(sidecar := Sidecar(spool_path, zelto_receiver))
    body, token = signed(egress_ended("room-early", playlist="https://cdn.example/room.m3u8"))
    answer = post_webhook(sidecar, body, token)
    assert answer.status_code == 200 and "waiting" in answer.text
    Spool(spool_path).enqueue(payload("room-early"))  # the call arrives after its recording
    assert zelto_receiver.wait_for(lambda r: "room-early" in r.calls, 10)
    assert (
        zelto_receiver.calls["room-early"]["call"]["recordingUrl"]
        == "https://cdn.example/room.m3u8"
    )
    assert len(zelto_receiver.posts) == 1  # merged before the first send

    ended = int(time.time())  # dated now: events dated far ahead are not believed
    finished = webhook.WebhookEvent(
        event="room_finished",
        room=models.Room(name="room-early", sid="RM_1", creation_time=ended - 42),
        created_at=ended,
    )
    assert "applied" in post_webhook(sidecar, *signed(finished)).text
    assert zelto_receiver.wait_for(
        lambda r: r.calls["room-early"]["call"].get("durationSeconds") == 42, 10
    )
    # a call that knows its duration keeps it (room_finished only fills a gap)
    Spool(spool_path).enqueue(payload("room-timed", durationSeconds=7))
    assert zelto_receiver.wait_for(lambda r: "room-timed" in r.calls, 10)
    finished.room.name = "room-timed"
    assert "unchanged" in post_webhook(sidecar, *signed(finished)).text
    assert zelto_receiver.calls["room-timed"]["call"]["durationSeconds"] == 7


def test_healthz_follows_the_key_and_metrics_count_the_pause(
    spool_path: Path, zelto_receiver: Any, sidecars: list[Sidecar]
) -> None:
    Spool(spool_path).enqueue(payload("room-1"))
    sidecars.append(wrong := Sidecar(spool_path, zelto_receiver, "rotated-away-key"))
    wait_until(lambda: wrong.get("/healthz").status_code == 503)
    health = wrong.get("/healthz")
    assert "paused" in health.text and "401" in health.text
    assert wrong.get("/livez").status_code == 200  # paused is not dead: no restart loop
    metrics = wrong.metrics()
    assert metrics[("zelto_spool_sends_total", (("outcome", "paused"),))] == 1
    assert metrics[("zelto_spool_paused", ())] == 1
    assert metrics[("zelto_spool_calls", (("state", "pending"),))] == 1
    assert wrong.stop()[0] == 0

    sidecars.append(fixed := Sidecar(spool_path, zelto_receiver))  # the right key: probes at once
    assert zelto_receiver.wait_for(lambda r: "room-1" in r.calls, 10)
    wait_until(lambda: fixed.get("/healthz").status_code == 200)
    assert fixed.get("/healthz").text.strip() == "ok"
    assert fixed.metrics()[("zelto_spool_paused", ())] == 0


def test_metrics_after_a_scripted_sequence(
    spool_path: Path, zelto_receiver: Any, sidecars: list[Sidecar]
) -> None:
    spool = Spool(spool_path)
    sidecars.append(sidecar := Sidecar(spool_path, zelto_receiver))
    for i in range(3):
        spool.enqueue(payload(f"ok-{i}"))
    assert zelto_receiver.wait_for(lambda r: len(r.calls) == 3, 10)
    zelto_receiver.reject("poison", status=422, reason="bad")
    spool.enqueue(payload("poison"))
    wait_until(lambda: spool.stats()["dead"] == 1)
    zelto_receiver.set_fault("5xx")
    spool.enqueue(payload("late"))
    wait_until(lambda: spool.upkeep.rows(call_ids=["late"])[0]["last_status"] == 503)
    metrics = sidecar.metrics()
    sends = {
        o: metrics[("zelto_spool_sends_total", (("outcome", o),))]
        for o in ("delivered", "retried", "dead", "paused")
    }
    assert (
        sends["delivered"] == 3
        and sends["dead"] == 1
        and sends["retried"] >= 1
        and sends["paused"] == 0
    )
    assert metrics[("zelto_spool_send_latency_seconds_count", ())] == sum(sends.values())
    calls = {
        s: metrics[("zelto_spool_calls", (("state", s),))]
        for s in ("pending", "inflight", "delivered", "dead")
    }
    assert calls == {"pending": 1, "inflight": 0, "delivered": 3, "dead": 1}
    assert metrics[("zelto_spool_oldest_pending_age_seconds", ())] > 0
    assert metrics[("zelto_spool_size_bytes", ())] == pytest.approx(
        spool.upkeep.size_bytes(), rel=0.5
    )
    zelto_receiver.set_fault(None)


def test_disk_cap_evicts_delivered_keeps_pending(spool_path: Path, zelto_receiver: Any) -> None:
    big = lambda call_id: payload(call_id, turns=400)  # noqa: E731 - ~20 KB each
    spool = Spool(spool_path, max_bytes=2 * 1024 * 1024)
    for i in range(150):
        spool.enqueue(big(f"old-{i:03d}"))
    env = cli_env(spool_path, zelto_receiver.base_url, API_KEY)
    assert run_cli("drain", env=env).returncode == 0
    zelto_receiver.set_fault("down")
    for i in range(40):
        spool.enqueue(big(f"new-{i:02d}"))
    assert spool.upkeep.size_bytes() > spool.max_bytes
    # drain sends 8 at once: delivery order is not enqueue order (ties go by row id)
    by_delivery = [
        r["call_id"]
        for r in sorted(
            spool.upkeep.rows(state="delivered"), key=lambda r: (r["delivered_at"], r["call_id"])
        )
    ]
    # two hours on: past the window in which delivered calls wait for their enrichments
    later = Spool(spool_path, max_bytes=2 * 1024 * 1024, clock=lambda: time.time() + 7200)
    evicted, over = later.upkeep.enforce_cap()
    assert evicted > 0 and not over
    # 190 calls of ~20 KB against a 2 MiB cap: about 90 evictions free the excess; the rest
    # stay for replay (a fixed batch of 200 used to take all 150)
    assert evicted < 120, evicted
    assert spool.upkeep.size_bytes() <= spool.max_bytes
    stats = spool.stats()
    assert stats["pending"] == 40 and stats["delivered"] == 150 - evicted
    remaining = {r["call_id"] for r in spool.upkeep.rows(state="delivered")}
    assert remaining == set(by_delivery[evicted:])  # the first delivered went first
    zelto_receiver.set_fault(None)
    assert run_cli("drain", env=env).returncode == 0
    assert {f"new-{i:02d}" for i in range(40)} <= set(zelto_receiver.calls)


def test_over_the_cap_with_only_pending_calls_keeps_them_and_says_so(
    spool_path: Path, zelto_receiver: Any, sidecars: list[Sidecar]
) -> None:
    spool = Spool(spool_path)
    for i in range(30):
        spool.enqueue(payload(f"p-{i}", turns=200))
    zelto_receiver.set_fault("down")
    env = {
        **cli_env(spool_path, zelto_receiver.base_url, API_KEY),
        "ZELTO_SPOOL_MAX_BYTES": "64KiB",
    }
    check = run_cli("status", "--check", env=env)
    assert check.returncode == 1 and "over its size cap" in check.stderr
    assert "disk cap   OVER" in run_cli("status", env=env).stdout
    sidecars.append(sidecar := Sidecar(spool_path, zelto_receiver, API_KEY, "--max-bytes", "64KiB"))
    wait_until(lambda: sidecar.metrics()[("zelto_spool_over_cap", ())] == 1)
    assert "over its size cap" in sidecar.get("/healthz").text
    code, err, _ = sidecar.stop()
    assert code == 0 and "spool is over its size cap; pending calls are kept" in err
    assert spool.stats()["pending"] == 30  # nothing pending was dropped
    spool.enqueue(payload("still-accepted"))
    assert spool.stats()["pending"] == 31


def test_sigterm_with_listen_exits_0_and_loses_nothing(
    spool_path: Path, zelto_receiver: Any, sidecars: list[Sidecar]
) -> None:
    spool = Spool(spool_path)
    spool.enqueue(payload("warm-up"))
    sidecars.append(sidecar := Sidecar(spool_path, zelto_receiver))
    assert zelto_receiver.wait_for(lambda r: "warm-up" in r.calls, 10)
    zelto_receiver.set_fault("hang")
    for i in range(4):
        spool.enqueue(payload(f"room-{i}"))
    assert zelto_receiver.wait_for(lambda r: len(r.posts) == 5, 10)
    code, err, took = sidecar.stop()
    assert code == 0, err
    assert took < 10
    assert (spool.stats()["pending"], spool.stats()["inflight"]) == (4, 0)
    zelto_receiver.set_fault(None)
    assert (
        run_cli("drain", env=cli_env(spool_path, zelto_receiver.base_url, API_KEY)).returncode == 0
    )
    assert len(zelto_receiver.calls) == 5
