"""Counters of what the plugin does, on LiveKit's own Prometheus endpoint.

`AgentServer(prometheus_port=...)` serves prometheus_client's default registry; job processes'
metrics reach it only in multiprocess mode: export `PROMETHEUS_MULTIPROC_DIR` before the worker
process starts (prometheus_client picks its mode at import). The metrics are created on first
use, inside the job process, never at import: LiveKit wipes the multiprocess directory when the
worker starts, and a metric created before that would vanish.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any

from .log import logger

__all__ = [
    "count_call",
    "count_fixes",
    "count_outcome",
    "count_send",
    "count_unpriced",
    "observe_session_end",
]

_lock = threading.Lock()
_metrics: dict[str, Any] = {}


def _get() -> dict[str, Any]:
    with _lock:
        if not _metrics:
            from prometheus_client import Counter, Histogram

            _metrics["calls"] = Counter(
                "zelto_plugin_calls",
                "Finished calls by what happened to them in the job "
                "(spooled, delivered_direct, lost)",
                ["result"],
            )
            _metrics["sends"] = Counter(
                "zelto_plugin_sends",
                "Sends from job processes by outcome (delivered, retried, dead, paused)",
                ["outcome"],
            )
            _metrics["fixes"] = Counter(
                "zelto_plugin_transcript_fixes",
                "Turns changed so a call's transcript could be sent (repaired: text that "
                "could not be encoded; cut: shortened to fit the size limit; dropped: oldest "
                "turns left out to fit)",
                ["kind"],
            )
            _metrics["unpriced"] = Counter(
                "zelto_plugin_unpriced_models",
                "Models a call used that have no price (left out of call.cost), once per job "
                "and model, by kind (llm, stt, tts); the log names provider and model",
                ["kind"],
            )
            _metrics["session_end"] = Histogram(
                "zelto_plugin_session_end_seconds",
                "Time spent in Forwarder.on_session_end",
                buckets=(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
            )
        return _metrics


def count_call(result: str) -> None:
    _safely(lambda: _get()["calls"].labels(result).inc())


def count_send(outcome: str) -> None:
    names = {"retry": "retried", "pause": "paused"}
    _safely(lambda: _get()["sends"].labels(names.get(outcome, outcome)).inc())


def count_outcome(_claim: Any, outcome: Any, _latency: float) -> None:
    """A `Flusher` outcome hook."""
    count_send(outcome.kind)


def count_fixes(fixes: Any) -> None:
    """Count a `zelto_spool.Fixes`."""
    for kind in ("repaired", "cut", "dropped"):
        n = getattr(fixes, kind, 0)
        if n:
            _safely(functools.partial(_inc_fix, kind, n))


def _inc_fix(kind: str, n: int) -> None:
    _get()["fixes"].labels(kind).inc(n)


def count_unpriced(kind: str) -> None:
    _safely(lambda: _get()["unpriced"].labels(kind).inc())


def observe_session_end(seconds: float) -> None:
    _safely(lambda: _get()["session_end"].observe(seconds))


def _safely(update: Callable[[], None]) -> None:
    try:
        update()
    except Exception:  # metrics must never cost a call
        logger.debug("metrics update failed", exc_info=True)
