"""Live snapshots while a session runs (`Forwarder.attach`): a call survives its process.

Each `conversation_item_added` (and tool execution) hands a copy of the history's item list
to one writer thread per process; the agent's event loop only copies a list. The writer finds
the first item that is not the one it saw before (an identity check: LiveKit appends items,
inserts a few by time near the end, and never edits one it has added), then maps, redacts,
validates and encodes only the items from there, and rewrites the snapshot's turns from there:
the cost of a turn does not grow with the call's length. `redact` sees the call's header with
those new turns, preceded by the turns of the few items before them as context
(`{..., "transcript": {"turns": context + new_turns}}`), so a redactor that looks at a turn
and the ones around it (`redact_pii` joins a number said across two turns) behaves the same
on snapshots as on the final payload. A context turn whose redaction changed (`redact_pii`
holds back the digits ending a speaker's latest turn until their next one) is written again,
with everything after it.

A job with several sessions keeps one snapshot: each session is a segment, and a later
session's turns follow the earlier ones after a `system` turn saying a new session started.
A heartbeat every few minutes keeps a quiet call from being taken for a lost one. The sidecar,
`zelto-spool drain` or a later job's leftovers reap a snapshot whose process is gone.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import itertools
import operator
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from zelto_spool import PayloadError, Spool, SpoolError, encode, fit_transcript, prepare

from . import _metrics
from ._mapping import SESSION_BREAK, TurnOptions, turns_for_item
from .log import logger

__all__ = ["LiveTracker"]

HEARTBEAT_S = 300.0
# items before the new ones whose turns a redactor sees as context (see _redacted_after):
# at least this many, and further back (to the cap) until it holds each new turn's speaker's
# previous two turns
REDACT_CONTEXT_ITEMS = 6
REDACT_CONTEXT_CAP = 48

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


@dataclass
class _Segment:
    """One session's part of the snapshot, as the writer thread last wrote it."""

    items: list[Any] = field(default_factory=list)  # the history items mapped so far
    ends: list[int] = field(default_factory=list)  # turns written up to and with item i
    turns: list[bytes] = field(default_factory=list)  # encoded turns
    calls: dict[str, str] = field(default_factory=dict)  # call id -> `name(arguments)`
    latest: int = 0  # submissions; a write skips itself when a newer one is queued


class LiveTracker:
    """Appends a job's turns to the spool as they happen."""

    def __init__(
        self,
        spool: Spool,
        *,
        job_id: str,
        call_id: str,
        redact: Callable[[dict[str, Any]], dict[str, Any]],
        options: TurnOptions | None = None,
        include_tools: bool = True,
    ) -> None:
        self._spool = spool
        self._job_id = job_id
        self._call_id = call_id
        self._redact = redact
        self._options = options or TurnOptions(include_tools=include_tools)
        self._lock = threading.Lock()
        self._segments: list[_Segment] = []
        self._last_header: bytes | None = None
        self._heartbeat: asyncio.Task[None] | None = None
        self._since = spool.clock()  # a late START must not revive a call queued after this
        self._sealed = False
        self._started = False  # the spool took this call's START
        self._failing = False
        self.broken = False

    def add_segment(self) -> int:
        """A session joins the call; returns its segment number for `update`."""
        with self._lock:
            self._segments.append(_Segment())
            return len(self._segments) - 1

    def start(self, header: dict[str, Any]) -> None:
        """`header`: the payload without transcript (agent, call, customer), built on the loop.
        Registers (or reopens) the snapshot."""
        _executor().submit(self._guard, self._write_header, header)
        if self._heartbeat is None:
            with contextlib.suppress(RuntimeError):  # no running loop: no heartbeat
                self._heartbeat = asyncio.get_running_loop().create_task(self._beat())

    def reopen(self) -> None:
        """A later session continues a call whose final was written: writes resume, first
        clearing that final (queued before anything the new session writes)."""
        with self._lock:
            self._sealed = False
        _executor().submit(self._guard, self._spool.live.reopen, self._job_id)

    def update(self, items: list[Any], header: dict[str, Any], *, segment: int = 0) -> None:
        """Called on the agent's loop with a copy of one session's history: hand it over."""
        with self._lock:
            if not self._segments:
                self._segments.append(_Segment())
            seg = self._segments[segment]
            seg.latest += 1
            mine = seg.latest
        _executor().submit(self._guard, self._append, segment, mine, items, header)

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
        header = self._redacted(base, [])[0]
        self._spool.live.start(self._job_id, self._call_id, header, since=self._since)
        self._started = True
        self._last_header = header
        self._failing = False

    def _append(self, segment: int, mine: int, items: list[Any], base: dict[str, Any]) -> None:
        with self._lock:
            seg = self._segments[segment]
            if mine != seg.latest:
                return  # a newer copy of the history is queued and covers these items
        if segment:
            items = [SESSION_BREAK, *items]  # the same object each time: never "changed"
        # the first item that is not the one mapped before (C-speed identity scan)
        same = itertools.compress(itertools.count(), map(operator.is_not, items, seg.items))
        first_item = next(same, min(len(items), len(seg.items)))
        first = seg.ends[first_item - 1] if first_item else 0
        calls = dict(seg.calls) if first_item < len(seg.items) else seg.calls
        turns: list[dict[str, str]] = []
        ends: list[int] = []  # for items[first_item:]
        for item in items[first_item:]:
            turns += turns_for_item(item, self._options, calls)
            ends.append(first + len(turns))
        header, encoded, rewind = self._redacted_after(
            base, items[:first_item], calls, turns, seg.turns[:first]
        )
        first -= rewind  # context turns whose redaction changed are written again
        changed = header if header != self._last_header else None
        if not encoded and first == len(seg.turns) and changed is None:
            self._keep(seg, items, first_item, ends, calls, first, encoded)
            return
        offset = sum(len(s.turns) for s in self._segments[:segment])
        later = [t for s in self._segments[segment + 1 :] for t in s.turns]
        tail = [*encoded, *later]
        total = offset + first + len(tail)
        live = self._spool.live
        if not live.append(self._job_id, offset + first, tail, header=changed, total=total):
            if self._started:
                return  # closed, enqueued or reaped: nothing more to write
            # the START failed earlier (a busy or full spool): register now, then write it all
            live.start(self._job_id, self._call_id, header, since=self._since)
            self._started = True
            everything = [t for s in self._segments[:segment] for t in s.turns]
            everything += [*seg.turns[:first], *tail]
            if not live.append(self._job_id, 0, everything, total=len(everything)):
                return  # refused: the call was queued since this session began
        self._keep(seg, items, first_item, ends, calls, first, encoded)
        self._last_header = header
        self._failing = False

    @staticmethod
    def _keep(
        seg: _Segment,
        items: list[Any],
        first_item: int,
        ends: list[int],
        calls: dict[str, str],
        first: int,
        encoded: list[bytes],
    ) -> None:
        """Remember what was written (in place: no copy of the whole history per turn)."""
        seg.items, seg.calls = items, calls
        del seg.ends[first_item:]
        seg.ends += ends
        del seg.turns[first:]
        seg.turns += encoded

    def _redacted_after(
        self,
        base: dict[str, Any],
        before: list[Any],
        calls: dict[str, str],
        turns: list[dict[str, str]],
        written: list[bytes],
    ) -> tuple[bytes, list[bytes], int]:
        """`_redacted` for the new turns, with the turns of the items before them as context
        (a card or phone number said across two turns is redacted only when the redactor sees
        both): (header, encoded turns to write, how many of them are context turns whose
        redaction differs from what was `written`, the turns before the new ones)."""
        context, whole = self._context(before, calls, turns)
        if context and turns and len(context) <= len(written):
            header, encoded = self._redacted(base, [*context, *turns])
            if len(encoded) == len(context) + len(turns):
                # a context turn is taken again only when the redactor saw its speaker's turn
                # before it, or the call from its start (else it lacked context the first
                # write had): what was written stays
                old = written[len(written) - len(context) :]
                roles = [t.get("role") for t in context]
                again = [
                    new if whole or roles[p] in roles[:p] else was
                    for p, (new, was) in enumerate(zip(encoded, old, strict=False))
                ]
                changed = (p for p, (a, b) in enumerate(zip(again, old, strict=True)) if a != b)
                keep = next(changed, len(old))
                return header, [*again[keep:], *encoded[len(context) :]], len(context) - keep
        return (*self._redacted(base, turns), 0)  # a redactor that changed the count: no context

    def _context(
        self, before: list[Any], calls: dict[str, str], turns: list[dict[str, str]]
    ) -> tuple[list[dict[str, str]], bool]:
        """The turns of the last REDACT_CONTEXT_ITEMS items before the new ones, and of
        earlier ones (up to REDACT_CONTEXT_CAP) until each new turn's role has two turns;
        and whether that is every item before them."""
        wanted = {t.get("role") for t in turns}
        known = dict(calls)
        per_item: list[list[dict[str, str]]] = []
        seen: dict[Any, int] = {}
        for count, item in enumerate(reversed(before[-REDACT_CONTEXT_CAP:]), 1):
            mapped = turns_for_item(item, self._options, known)
            per_item.append(mapped)
            for turn in mapped:
                seen[turn.get("role")] = seen.get(turn.get("role"), 0) + 1
            if count >= REDACT_CONTEXT_ITEMS and all(seen.get(r, 0) >= 2 for r in wanted):
                break
        context = [turn for mapped in reversed(per_item) for turn in mapped]
        return context, len(per_item) == len(before)

    def _redacted(
        self, base: dict[str, Any], turns: list[dict[str, str]]
    ) -> tuple[bytes, list[bytes]]:
        """(header without transcript, encoded turns), redacted and validated. Turns that
        cannot be encoded are repaired (counted), never dropped."""
        payload = {**base, "transcript": {"turns": turns}}
        try:
            clean = self._redact(payload)
            try:
                prepare(clean)
            except PayloadError as exc:
                if exc.field and not exc.field.startswith("transcript"):
                    raise
                clean, fixes = fit_transcript(clean, max_bytes=self._spool.max_payload_bytes)
                prepare(clean)
                _metrics.count_fixes(fixes)
        except PayloadError as exc:
            logger.error(
                "live snapshot turns are invalid after redact; skipped",
                extra={"call_id": self._call_id, "field": exc.field},
            )
            clean = {"agent": payload["agent"], "call": payload["call"]}
        new = (clean.get("transcript") or {}).get("turns") or []
        header = {k: v for k, v in clean.items() if k != "transcript"}
        return encode(header), [encode(turn) for turn in new]
