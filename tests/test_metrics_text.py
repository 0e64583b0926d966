"""`/metrics` text: written by `sidecar/metrics.py` as prometheus-client wrote it before."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from zelto_spool import Spool
from zelto_spool.delivery.claim import Leases
from zelto_spool.sidecar.metrics import SidecarMetrics, go_float

# what prometheus-client's `generate_latest` wrote for the same metrics (timestamps and the
# file size masked)
EXPECTED = (Path(__file__).parent / "data" / "metrics_exposition.txt").read_text()


def masked(text: str) -> str:
    text = re.sub(r"(_created(\{.*\})?) \S+", r"\1 T", text)
    return re.sub(r"(zelto_spool_size_bytes) \S+", r"\1 S", text)


def test_the_exposition_is_unchanged(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "spool.db", max_bytes=123_456_789)
    metrics = SidecarMetrics(spool)
    metrics.webhooks.labels("egress_ended", "applied").inc()
    metrics.webhooks.labels('x"\\\n', "y").inc(2)  # label values are escaped
    for latency in (0.001, 0.03, 0.7, 50.0, 5.0):
        metrics.latency.observe(latency)
    Leases(spool).pause("HTTP 401", status=401, probe_at=0.0)
    text = metrics.render().decode()
    assert masked(text) == EXPECTED
    families = {f.name: f.type for f in text_string_to_metric_families(text)}
    assert families["zelto_spool_send_latency_seconds"] == "histogram"
    spool.close()


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "0.0"),
        (1, "1.0"),
        (0.03, "0.03"),
        (123_456_789, "1.23456789e+08"),
        (1_073_741_824, "1.073741824e+09"),
        (1_000_000, "1e+06"),
        (1_234_567.5, "1.2345675e+06"),
        (1e15, "1e+15"),  # was 1e+015: a third exponent digit Go never writes
        (123_456_789_012_345.0, "1.23456789012345e+14"),
        (float("inf"), "+Inf"),
        (float("-inf"), "-Inf"),
        (float("nan"), "NaN"),
        (-5, "-5.0"),
    ],
)
def test_values_are_written_as_go_does(value: float, text: str) -> None:
    assert go_float(value) == text


def test_metrics_do_not_need_prometheus_client(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "prometheus_client", None)  # importing it would fail
    monkeypatch.delitem(sys.modules, "zelto_spool.sidecar.metrics")
    import zelto_spool.sidecar.metrics  # noqa: F401
