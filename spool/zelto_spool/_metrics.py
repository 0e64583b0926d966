"""Prometheus metrics of the sidecar, all prefixed `zelto_spool_`.

Gauges describing the spool are read from SQLite at scrape time (SQLite is the only state);
counters and the latency histogram count what this process sent since it started.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.registry import Collector

from ._leases import Claim
from ._retry import SendOutcome
from ._schema import STATES
from ._spool import Spool

__all__ = ["SidecarMetrics"]

OUTCOME_NAMES = {"delivered": "delivered", "retry": "retried", "dead": "dead", "pause": "paused"}
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class _SpoolCollector(Collector):
    def __init__(self, spool: Spool) -> None:
        self._spool = spool

    def collect(self) -> Iterator[Any]:
        stats = self._spool.stats()
        calls = GaugeMetricFamily(
            "zelto_spool_calls", "Calls in the spool by state", labels=["state"]
        )
        for state in STATES:
            calls.add_metric([state], stats[state])
        yield calls
        oldest = stats["oldest_pending_age_s"]
        yield GaugeMetricFamily(
            "zelto_spool_oldest_pending_age_seconds",
            "Age of the oldest undelivered call (0 when none)",
            value=oldest or 0.0,
        )
        yield GaugeMetricFamily(
            "zelto_spool_size_bytes", "Spool file size (db, -wal, -shm)", value=stats["size_bytes"]
        )
        yield GaugeMetricFamily(
            "zelto_spool_max_bytes", "Spool disk cap (--max-bytes)", value=stats["max_bytes"]
        )
        yield GaugeMetricFamily(
            "zelto_spool_paused",
            "1 while sending is paused (401/403/404, missing key)",
            value=1.0 if stats["paused"] else 0.0,
        )
        # The pause reason is free text (unbounded as a label); its HTTP status is bounded.
        status = GaugeMetricFamily(
            "zelto_spool_pause_status",
            "1 while paused, labelled with the HTTP status that paused sending (none: no key)",
            labels=["status"],
        )
        if stats["paused"]:
            status.add_metric([str(stats["paused_status"] or "none")], 1.0)
        yield status
        yield GaugeMetricFamily(
            "zelto_spool_live_calls", "Calls in progress with a live snapshot", value=stats["live"]
        )
        yield CounterMetricFamily(
            "zelto_spool_reaped",
            "Calls of lost agent processes enqueued from their live snapshots (all time)",
            value=stats["reaped"],
        )
        yield GaugeMetricFamily(
            "zelto_spool_over_cap",
            "1 while the spool is over its size cap (pending calls are never dropped)",
            value=1.0 if stats["over_cap"] else 0.0,
        )
        yield GaugeMetricFamily(
            "zelto_spool_set_aside_files",
            "Damaged spool files set aside beside the spool (never deleted)",
            value=len(stats["corrupt_files"]),
        )


class SidecarMetrics:
    """The sidecar's registry. `hook` is a `Flusher` outcome hook."""

    def __init__(self, spool: Spool) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.sends = Counter(
            "zelto_spool_sends",
            "Sends by outcome (delivered, retried, dead, paused)",
            ["outcome"],
            registry=self.registry,
        )
        for name in OUTCOME_NAMES.values():
            self.sends.labels(name)
        self.latency = Histogram(
            "zelto_spool_send_latency_seconds",
            "Time from POST to Zelto's answer (or the error)",
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.webhooks = Counter(
            "zelto_spool_webhooks",
            "LiveKit webhooks received, by event and result",
            ["event", "result"],
            registry=self.registry,
        )
        self.webhooks.labels("unknown", "rejected")  # so a first forgery shows as an increase
        self.registry.register(_SpoolCollector(spool))
        self.started = time.time()

    def hook(self, _claim: Claim, outcome: SendOutcome, latency: float) -> None:
        self.sends.labels(OUTCOME_NAMES[outcome.kind]).inc()
        self.latency.observe(latency)

    def render(self) -> bytes:
        return generate_latest(self.registry)
