"""`zelto-spool receiver`: the local receiver in the foreground, one line per post."""

from __future__ import annotations

import signal
import sys
import threading
from types import FrameType
from typing import Any, TextIO

from ..testing.contract import Post, format_post
from ..testing.receiver import Receiver

__all__ = ["serve_forever"]


def serve_forever(
    *,
    api_key: str | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
    fault: str | None = None,
    seed: int | None = None,
    out: TextIO | None = None,
    stop: threading.Event | None = None,
) -> int:
    """Run a receiver in the foreground, printing one line per post, until SIGINT/SIGTERM.

    `stop` (an Event) ends it too (signals are only hooked on the main thread). Returns 0.
    """
    stream = sys.stdout if out is None else out
    done = stop if stop is not None else threading.Event()

    def show_line(line: str) -> None:
        print(line, file=stream, flush=True)

    def show(post: Post) -> None:
        show_line(format_post(post))

    def on_signal(signum: int, frame: FrameType | None) -> None:
        done.set()

    hooked: dict[signal.Signals, Any] = {}
    if threading.current_thread() is threading.main_thread():
        hooked = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        with Receiver(
            api_key=api_key, host=host, port=port, fault=fault, seed=seed, on_post=show
        ) as r:
            auth = "any bearer token" if api_key is None else "bearer key required"
            show_line(f"zelto receiver on {r.url} ({auth}, fault {r.fault}); Ctrl-C to stop")
            done.wait()
    finally:
        for sig, previous in hooked.items():
            signal.signal(sig, previous)
    return 0
