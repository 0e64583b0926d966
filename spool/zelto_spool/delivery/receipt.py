"""The receipt: whether a 2xx answer says `"received": true`, read as it streams in, in
bounded memory. Its verdict is what the retry decision (`retry.py`) classifies.

Zelto may echo the call back (`{"received": true, "call": {...}}`), which can be far larger
than the part of an answer worth keeping as a reason. `ReceivedScanner` feeds the answer to
ijson's incremental parser (yajl, in C) and watches its events at the top level only: the
answer counts as an acknowledgement when, read to its end, it is one valid JSON object whose
(last) top-level `"received"` is `true`, exactly what `json.loads` would say
(tests/test_answer_scan.py pins the two together with a property test). Memory: the
parser's buffer for the token being read (a long string is held while it streams) and a few
flags; a skipped object or array costs nothing. Where yajl is laxer than RFC 8259 (`\v` and
`\f` as blanks, a string left open after the value), `feed` and `finish` say so themselves;
the one known difference left: an escaped low surrogate alone (`"\\udc00"`), which
`json.loads` keeps and yajl refuses (a retry; no server sends one).

Why a library and not our own state machine: the hand-written scanner this replaces decided
at the first top-level `"received"` and skipped every other value without checking it, so
`{"received": true garbage` counted as delivered. Making it validate meant writing a JSON
parser. Measured on a 6.5 MB echo fed in 64 KB pieces (Python 3.11, a loaded 2-vCPU VM, best of
5): ijson's yajl backend 110-150 ms (~50 MB/s), `json.loads` 90-150 ms but holding the whole
answer and its objects; the old scanner 0.5 ms when `"received"` came first (it stopped there)
and 1,075 ms when it came last (its skip loop ran in Python). A small answer: ~10 us either way.
"""

from __future__ import annotations

from typing import Any, Literal

import ijson

__all__ = ["ReceivedScanner", "Verdict", "scan_received"]

# not_object: valid JSON, not an object; not_json: not valid JSON (also: ended early);
# too_long: the reader stopped before the end (the sender's scan limit), so nothing is known
Verdict = Literal["true", "not_true", "missing", "not_object", "not_json", "too_long"]

_OPEN = frozenset({"start_map", "start_array"})
_CLOSE = frozenset({"end_map", "end_array"})


class ReceivedScanner:
    """Feed the answer's bytes in pieces, then call `finish()` at its end for the verdict.

    `verdict` is set early only when the answer is already known to be invalid JSON (the rest
    need not be read); otherwise by `finish()`.
    """

    def __init__(self) -> None:
        self.verdict: Verdict | None = None
        self.scanned = 0
        self._events: list[tuple[str, Any]] = ijson.sendable_list()
        self._parser = ijson.basic_parse_coro(self._events)
        self._depth = 0
        self._object: bool | None = None  # the top-level value is an object (None: not yet)
        self._at_received = False  # the last top-level key was "received"
        self._received: bool | None = None  # the last top-level "received" is true
        self._complete = False  # the top-level value has ended
        self._string = False  # the top-level value is a string

    def feed(self, data: bytes) -> Verdict | None:
        self.scanned += len(data)
        if self.verdict is None and data:
            if b"\v" in data or b"\f" in data:  # yajl skips them as blanks; JSON refuses them
                self.verdict = "not_json"  # anywhere (inside a string: control characters)
                return self.verdict
            try:
                self._parser.send(data)
            except (ijson.JSONError, ValueError):  # ValueError: bytes that are not UTF-8
                self.verdict = "not_json"
            else:
                self._read_events()
        return self.verdict

    def finish(self) -> Verdict:
        """At the end of the body: the verdict (never None)."""
        if self.verdict is None:
            complete = self._complete
            try:
                # yajl forgets a string left open after a complete value (`{} "ab`): a space
                # and a quote close it (an error: trailing garbage) or start one it forgets
                self._parser.send(b' "')
                self._read_events()
                if not complete and self._complete and self._string:
                    raise ValueError("an unterminated top-level string")  # `"ab` + ` "`
                self._parser.close()
            except (ijson.JSONError, ValueError):
                self.verdict = "not_json"
            else:
                self._read_events()
                self.verdict = self._decide()
        return self.verdict

    def _read_events(self) -> None:
        for event, value in self._events:
            if self._depth == 0 and self._object is None:
                self._object = event == "start_map"
                self._string = event == "string"
            elif self._depth == 1 and self._object:
                if event == "map_key":
                    self._at_received = value == "received"
                    continue
                if self._at_received:
                    self._received = event == "boolean" and value is True
                    self._at_received = False
            if event in _OPEN:
                self._depth += 1
            elif event in _CLOSE:
                self._depth -= 1
            self._complete = self._depth == 0
        del self._events[:]

    def _decide(self) -> Verdict:
        if not self._object:
            return "not_object"
        if self._received is None:
            return "missing"
        return "true" if self._received else "not_true"


def scan_received(body: bytes) -> Verdict:
    """The verdict for a whole body at once."""
    scanner = ReceivedScanner()
    scanner.feed(body)
    return scanner.finish()
