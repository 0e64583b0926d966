"""Live snapshots while a session runs (`Forwarder.attach`): a call survives its process.

Each `conversation_item_added` (and tool execution) hands the new history items to one writer
thread per process, which maps them to turns, runs `redact` over them and appends them to the
spool's live snapshot: one small write per turn, and the agent's event loop only copies a
list. A heartbeat every few minutes keeps a quiet call from being taken for a lost one. The
sidecar, `zelto-spool drain` or a later job's leftovers reap a snapshot whose process is gone.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import os
import threading
from collections.abc import Callable
from typing import Any

from zelto_spool import PayloadError, Spool, SpoolError
from zelto_spool._payload import encode, prepare

from ._mapping import turns_from_items
from .log import logger

__all__ = ["LiveTracker"]

HEARTBEAT_S = 300.0

_writer_lock = threading.Lock()
_writers: dict[int, concurrent.futures.ThreadPoolExecutor] = {}  # by pid: threads die in fork


def _executor() -> concurrent.futures.ThreadPoolExecutor:
    with _writer_lock:
        pid = os.getpid()
        if pid not in _writers:
            _writers.clear()
            _writers[pid] = concurrent.futures.ThreadPoolExecutor(
                1, thread_name_prefix="zelto-live"
            )
        return _writers[pid]


class LiveTracker:
    """Appends a session's turns to the spool as they happen."""

    def __init__(
        self,
        spool: Spool,
        *,
        job_id: str,
        call_id: str,
        redact: Callable[[dict[str, Any]], dict[str, Any]],
        include_tools: bool,
    ) -> None:
        self._spool = spool
        self._job_id = job_id
        self._call_id = call_id
        self._redact = redact
        self._include_tools = include_tools
        self._lock = threading.Lock()
        self._latest = 0  # submissions; a write skips itself when a newer one is queued
        self._written: list[bytes] = []  # the encoded turns the snapshot holds
        self._last_header: bytes | None = None
        self._heartbeat: asyncio.Task[None] | None = None
        self._since = spool._clock()  # a late START must not revive a call queued after this
        self._sealed = False
        self._started = False  # the spool took this call's START
        self._failing = False
        self.broken = False

    def start(self, header: dict[str, Any]) -> None:
        """`header`: the payload without transcript (agent, call, customer), built on the loop."""
        _executor().submit(self._guard, self._write_header, header)
        with contextlib.suppress(RuntimeError):  # no running loop: no heartbeat
            self._heartbeat = asyncio.get_running_loop().create_task(self._beat())

    def update(self, items: list[Any], header: dict[str, Any]) -> None:
        """Called on the agent's loop with a copy of the history: hand it to the writer."""
        with self._lock:
            self._latest += 1
            mine = self._latest
        _executor().submit(self._guard, self._append, mine, items, header)

    def stop(self) -> None:
        if self._heartbeat is not None:
            self._heartbeat.cancel()
            self._heartbeat = None

    def flush(self, timeout: float = 2.0) -> None:
        """Wait for queued writes (the close handler does, before it writes the final)."""
        with contextlib.suppress(concurrent.futures.TimeoutError):
            _executor().submit(lambda: None).result(timeout)

    def seal(self) -> None:
        """The final payload is being written: drop every snapshot write still queued. (One
        already running cannot revive the call: the spool refuses turns for a snapshot that is
        no longer open and a START for a call queued since this tracker began.)"""
        with self._lock:
            self._sealed = True
        self.stop()

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(HEARTBEAT_S)  # a timer, not synchronisation
            _executor().submit(self._guard, self._spool.live.heartbeat, self._job_id)

    def _guard(self, fn: Callable[..., None], *args: Any) -> None:
        with self._lock:
            if self.broken or self._sealed:
                return
        try:
            fn(*args)
        except SpoolError as exc:
            # the next turn (or heartbeat) tries again and rewrites what is missing; the
            # final payload goes through on_session_end either way. Logged once per outage.
            if not self._failing:
                self._failing = True
                logger.error(
                    "a live snapshot write failed; retrying with the next turn",
                    extra={"call_id": self._call_id, "error": str(exc)},
                )
            return
        except Exception:
            self.broken = True
            logger.exception("live snapshots stopped", extra={"call_id": self._call_id})

    def _write_header(self, base: dict[str, Any]) -> None:
        header = self._redacted({**base, "transcript": {"turns": []}})[0]
        self._spool.live.start(self._job_id, self._call_id, header, since=self._since)
        self._started = True
        self._last_header = header
        self._failing = False

    def _append(self, mine: int, items: list[Any], base: dict[str, Any]) -> None:
        with self._lock:
            if mine != self._latest:
                return  # a newer copy of the history is queued and covers these items
        # the whole history each time: LiveKit inserts items by time (a transcript can land
        # before the reply it prompted) and replaces some in place, so rewrite from the first
        # turn that differs from what the snapshot holds
        turns = turns_from_items(items, include_tools=self._include_tools)
        header, encoded = self._redacted({**base, "transcript": {"turns": turns}})
        first = 0
        for old, new in zip(self._written, encoded, strict=False):
            if old != new:
                break
            first += 1
        changed = header if header != self._last_header else None
        if first == len(encoded) == len(self._written) and changed is None:
            return
        live = self._spool.live
        if not live.append(
            self._job_id, first, encoded[first:], header=changed, total=len(encoded)
        ):
            if self._started:
                return  # closed, enqueued or reaped: nothing more to write
            # the START failed earlier (a busy or full spool): register now, then write it all
            live.start(self._job_id, self._call_id, header, since=self._since)
            self._started = True
            if not live.append(self._job_id, 0, encoded, total=len(encoded)):
                return  # refused: the call was queued since this session began
        self._written = encoded
        self._last_header = header
        self._failing = False

    def _redacted(self, payload: dict[str, Any]) -> tuple[bytes, list[bytes]]:
        """(header without transcript, encoded turns), redacted and validated."""
        try:
            clean = self._redact(payload)
            prepare(clean)
        except PayloadError as exc:
            logger.error(
                "live snapshot turns are invalid after redact; skipped",
                extra={"call_id": self._call_id, "field": exc.field},
            )
            clean = {"agent": payload["agent"], "call": payload["call"]}
        turns = (clean.get("transcript") or {}).get("turns") or []
        header = {k: v for k, v in clean.items() if k != "transcript"}
        return encode(header), [encode(turn) for turn in turns]
