"""Prometheus metrics of the sidecar, all prefixed `zelto_spool_`.

Gauges describing the spool are read from SQLite at scrape time (SQLite is the only state);
counters and the latency histogram count what this process sent since it started.

Written in the Prometheus text format (0.0.4) by the few lines below, in the form
prometheus-client writes it (`_total`, `_created`, Go-style floats): that library cost an idle
sidecar ~1 MB and 29 modules for three counters and a histogram.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Iterable, Iterator

from ..delivery.claim import Claim
from ..delivery.retry import SendOutcome
from ..store.schema import STATES
from ..store.spool import Spool

__all__ = ["CONTENT_TYPE", "SidecarMetrics", "go_float"]

CONTENT_TYPE = "text/plain; version=0.0.4"
OUTCOME_NAMES = {"delivered": "delivered", "retry": "retried", "dead": "dead", "pause": "paused"}
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


def go_float(value: float) -> str:
    """A sample value as Prometheus (Go) writes it: `1.0`, `+Inf`, `1.073741824e+09`."""
    value = float(value)
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    if math.isnan(value):
        return "NaN"
    text = repr(value)
    dot = text.find(".")
    if value > 0 and dot > 6:  # Go switches to an exponent sooner than Python
        mantissa = f"{text[0]}.{text[1:dot]}{text[dot + 1 :]}".rstrip("0.")
        return f"{mantissa}e+{dot - 1:02d}"  # Go: at least two exponent digits, 1e+15
    return text


def _escape(text: str, *, quote: bool = False) -> str:
    text = text.replace("\\", "\\\\").replace("\n", "\\n")
    return text.replace('"', '\\"') if quote else text


def _labels(names: Iterable[str], values: Iterable[str]) -> str:
    pairs = [
        f'{name}="{_escape(value, quote=True)}"' for name, value in zip(names, values, strict=True)
    ]
    return "{" + ",".join(pairs) + "}" if pairs else ""


def _family(name: str, kind: str, text: str, samples: Iterable[str]) -> Iterator[str]:
    yield f"# HELP {name} {_escape(text)}"
    yield f"# TYPE {name} {kind}"
    yield from samples


class _Counter:
    """A counter with labels; `labels(...).inc()` as in prometheus-client. Thread-safe."""

    def __init__(self, name: str, text: str, labels: tuple[str, ...]) -> None:
        self.name, self.text, self.label_names = name, text, labels
        self._lock = threading.Lock()
        self._values: dict[tuple[str, ...], list[float]] = {}  # labels -> [value, created]

    def labels(self, *values: str) -> _Counter._Child:
        with self._lock:
            self._values.setdefault(values, [0.0, time.time()])
        return _Counter._Child(self, values)

    class _Child:
        def __init__(self, counter: _Counter, values: tuple[str, ...]) -> None:
            self._counter, self._values = counter, values

        def inc(self, amount: float = 1.0) -> None:
            with self._counter._lock:
                self._counter._values[self._values][0] += amount

    def lines(self) -> Iterator[str]:
        with self._lock:
            rows = [(values, list(pair)) for values, pair in self._values.items()]
        names = self.label_names
        yield from _family(
            f"{self.name}_total",
            "counter",
            self.text,
            (f"{self.name}_total{_labels(names, v)} {go_float(p[0])}" for v, p in rows),
        )
        yield from _family(
            f"{self.name}_created",
            "gauge",
            self.text,
            (f"{self.name}_created{_labels(names, v)} {go_float(p[1])}" for v, p in rows),
        )


class _Histogram:
    def __init__(self, name: str, text: str, buckets: tuple[float, ...]) -> None:
        self.name, self.text, self.buckets = name, text, buckets
        self._lock = threading.Lock()
        self._counts = [0] * (len(buckets) + 1)  # the last one is +Inf
        self._sum = 0.0
        self._created = time.time()

    def observe(self, value: float) -> None:
        index = next((i for i, bound in enumerate(self.buckets) if value <= bound), -1)
        with self._lock:
            self._counts[index] += 1
            self._sum += value

    def lines(self) -> Iterator[str]:
        with self._lock:
            counts, total = list(self._counts), self._sum
        samples, running = [], 0
        for bound, count in zip([*self.buckets, math.inf], counts, strict=True):
            running += count
            samples.append(f'{self.name}_bucket{{le="{go_float(bound)}"}} {go_float(running)}')
        samples += [f"{self.name}_count {go_float(running)}", f"{self.name}_sum {go_float(total)}"]
        yield from _family(self.name, "histogram", self.text, samples)
        created = [f"{self.name}_created {go_float(self._created)}"]
        yield from _family(f"{self.name}_created", "gauge", self.text, created)


def _spool_lines(spool: Spool) -> Iterator[str]:
    stats = spool.stats()

    def gauge(name: str, text: str, value: float, kind: str = "gauge") -> Iterator[str]:
        sample = f"{name}_total" if kind == "counter" else name
        return _family(sample, kind, text, [f"{sample} {go_float(value)}"])

    yield from _family(
        "zelto_spool_calls",
        "gauge",
        "Calls in the spool by state",
        (f'zelto_spool_calls{{state="{state}"}} {go_float(stats[state])}' for state in STATES),
    )
    oldest = stats["oldest_pending_age_s"]
    yield from gauge(
        "zelto_spool_oldest_pending_age_seconds",
        "Age of the oldest undelivered call (0 when none)",
        oldest or 0.0,
    )
    yield from gauge(
        "zelto_spool_oldest_recording_age_seconds",
        "Age of the oldest recording waiting for its upload (0 when none)",
        stats.get("oldest_recording_age_s") or 0.0,
    )
    yield from gauge(
        "zelto_spool_size_bytes", "Spool file size (db, -wal, -shm)", stats["size_bytes"]
    )
    yield from gauge("zelto_spool_max_bytes", "Spool disk cap (--max-bytes)", stats["max_bytes"])
    yield from gauge(
        "zelto_spool_paused",
        "1 while sending is paused (401/403/404, missing key)",
        1.0 if stats["paused"] else 0.0,
    )
    # The pause reason is free text (unbounded as a label); its HTTP status is bounded.
    status = str(stats["paused_status"] or "none")
    yield from _family(
        "zelto_spool_pause_status",
        "gauge",
        "1 while paused, labelled with the HTTP status that paused sending (none: no key)",
        [f"zelto_spool_pause_status{_labels(['status'], [status])} 1.0"] if stats["paused"] else [],
    )
    yield from gauge(
        "zelto_spool_live_calls", "Calls in progress with a live snapshot", stats["live"]
    )
    yield from gauge(
        "zelto_spool_reaped",
        "Calls of lost agent processes enqueued from their live snapshots (all time)",
        stats["reaped"],
        kind="counter",
    )
    yield from gauge(
        "zelto_spool_over_cap",
        "1 while the spool is over its size cap (pending calls are never dropped)",
        1.0 if stats["over_cap"] else 0.0,
    )
    yield from gauge(
        "zelto_spool_set_aside_files",
        "Damaged spool files set aside beside the spool (never deleted)",
        len(stats["corrupt_files"]),
    )
    recordings = stats["recordings"]
    yield from _family(
        "zelto_spool_recordings",
        "gauge",
        "Call recordings to upload (pending) or lost before upload (missing)",
        (
            f'zelto_spool_recordings{{state="{state}"}} {go_float(recordings.get(state, 0))}'
            for state in ("pending", "missing")
        ),
    )
    yield from gauge(
        "zelto_spool_held_calls",
        "Unsent calls held since the spool was found restored or copied (release-restored)",
        stats["held"],
    )


class SidecarMetrics:
    """The sidecar's metrics. `hook` is a `Flusher` outcome hook; `render` reads the spool."""

    def __init__(self, spool: Spool) -> None:
        self._spool = spool
        self.sends = _Counter(
            "zelto_spool_sends", "Sends by outcome (delivered, retried, dead, paused)", ("outcome",)
        )
        for name in OUTCOME_NAMES.values():
            self.sends.labels(name)
        self.latency = _Histogram(
            "zelto_spool_send_latency_seconds",
            "Time from POST to Zelto's answer (or the error)",
            LATENCY_BUCKETS,
        )
        self.webhooks = _Counter(
            "zelto_spool_webhooks",
            "LiveKit webhooks received, by event and result",
            ("event", "result"),
        )
        self.webhooks.labels("unknown", "rejected")  # so a first forgery shows as an increase
        self.started = time.time()

    def hook(self, _claim: Claim, outcome: SendOutcome, latency: float) -> None:
        self.sends.labels(OUTCOME_NAMES[outcome.kind]).inc()
        self.latency.observe(latency)

    def render(self) -> bytes:
        """The exposition, spool gauges read now (blocking: call it off the event loop)."""
        lines = [*self.sends.lines(), *self.latency.lines(), *self.webhooks.lines()]
        lines += _spool_lines(self._spool)
        return ("\n".join(lines) + "\n").encode()
