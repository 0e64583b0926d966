"""Finding `"received"` in a 2xx answer as it streams in, in bounded memory.

Zelto may echo the call back (`{"received": true, "call": {...}}`), which can be far larger
than the part of an answer worth keeping as a reason. `ReceivedScanner` reads the top-level
object incrementally: it keeps the current top-level key (at most 64 bytes) and a nesting
depth, skips every other value, and decides at the first top-level `"received"`.
"""

from __future__ import annotations

import json
import re
from typing import Literal

__all__ = ["ReceivedScanner", "Verdict", "scan_received"]

Verdict = Literal["true", "not_true", "missing", "not_object"]

_WS = frozenset(b" \t\r\n")
_STRUCTURE = re.compile(rb'["{}\[\]]')
_STRING_END = re.compile(rb'["\\]')
_SCALAR_END = re.compile(rb"[,}\]\s]")
_KEY_LIMIT = 64  # "received" in the longest escaped form is 48 bytes
_LITERAL_LIMIT = 8


class ReceivedScanner:
    """Feed the answer's bytes in pieces; `verdict` is set as soon as the answer decides it.

    `feed` returns the verdict (None: undecided so far). A body that ends undecided was cut or
    is not JSON; `finish()` says which.
    """

    def __init__(self) -> None:
        self.verdict: Verdict | None = None
        self.scanned = 0
        self._state = "start"
        self._key = bytearray()
        self._escape = False
        self._depth = 0
        self._nested_string = False
        self._literal = bytearray()

    def feed(self, data: bytes) -> Verdict | None:
        i, n = 0, len(data)
        while i < n and self.verdict is None:
            i = _STATES[self._state](self, data, i)
        self.scanned += n
        return self.verdict

    def finish(self) -> Verdict | None:
        """At the end of the body: the verdict, or None when it ended mid-object (cut short)."""
        if self.verdict is None and self._state == "start":
            self.verdict = "not_object"  # empty or blank
        return self.verdict  # None: the body ended mid-object, e.g. `{"received": tr`

    # --- states: each consumes from data[i:] and returns the next index ---------------------

    def _start(self, data: bytes, i: int) -> int:
        i = _skip_ws(data, i)
        if i < len(data):
            if data[i] != ord("{"):
                self.verdict = "not_object"
                return i
            self._state = "key_or_end"
            return i + 1
        return i

    def _key_or_end(self, data: bytes, i: int) -> int:
        i = _skip_ws(data, i)
        if i < len(data):
            c = data[i]
            if c == ord('"'):
                self._key.clear()
                self._escape = False
                self._state = "key"
            elif c == ord("}"):
                self.verdict = "missing"
            else:
                self.verdict = "not_object"
            return i + 1
        return i

    def _read_key(self, data: bytes, i: int) -> int:
        while i < len(data):
            if self._escape:
                self._escape = False
                self._keep(data[i : i + 1])
                i += 1
                continue
            match = _STRING_END.search(data, i)
            if match is None:
                self._keep(data[i:])
                return len(data)
            self._keep(data[i : match.start()])
            if data[match.start()] == ord("\\"):
                self._escape = True
                self._keep(b"\\")
                i = match.end()
                continue
            self._state = "colon"
            return match.end()
        return i

    def _colon(self, data: bytes, i: int) -> int:
        i = _skip_ws(data, i)
        if i < len(data):
            if data[i] != ord(":"):
                self.verdict = "not_object"
            self._state = "value"
            return i + 1
        return i

    def _value(self, data: bytes, i: int) -> int:
        i = _skip_ws(data, i)
        if i >= len(data):
            return i
        if self._is_received():
            self._literal.clear()
            self._state = "literal"
            return i
        c = data[i]
        if c == ord('"'):
            self._escape = False
            self._state = "skip_string"
        elif c in (ord("{"), ord("[")):
            self._depth = 1
            self._nested_string = False
            self._state = "skip_nested"
        else:
            self._state = "skip_scalar"
            return i
        return i + 1

    def _literal_value(self, data: bytes, i: int) -> int:
        while i < len(data):
            c = data[i]
            if c in _WS or c in (ord(","), ord("}")) or len(self._literal) > _LITERAL_LIMIT:
                self._decide_literal()
                return i
            self._literal.append(c)
            i += 1
        return i

    def _skip_string(self, data: bytes, i: int) -> int:
        while i < len(data):
            if self._escape:
                self._escape = False
                i += 1
                continue
            match = _STRING_END.search(data, i)
            if match is None:
                return len(data)
            if data[match.start()] == ord("\\"):
                self._escape = True
                i = match.end()
                continue
            self._state = "after"
            return match.end()
        return i

    def _skip_nested(self, data: bytes, i: int) -> int:
        while i < len(data):
            if self._nested_string:
                if self._escape:
                    self._escape = False
                    i += 1
                    continue
                match = _STRING_END.search(data, i)
                if match is None:
                    return len(data)
                i = match.end()
                if data[match.start()] == ord("\\"):
                    self._escape = True
                else:
                    self._nested_string = False
                continue
            match = _STRUCTURE.search(data, i)
            if match is None:
                return len(data)
            i = match.end()
            c = data[match.start()]
            if c == ord('"'):
                self._nested_string = True
                self._escape = False
            elif c in (ord("{"), ord("[")):
                self._depth += 1
            else:
                self._depth -= 1
                if self._depth == 0:
                    self._state = "after"
                    return i
        return i

    def _skip_scalar(self, data: bytes, i: int) -> int:
        match = _SCALAR_END.search(data, i)
        if match is None:
            return len(data)
        self._state = "after"
        return match.start()

    def _after(self, data: bytes, i: int) -> int:
        i = _skip_ws(data, i)
        if i < len(data):
            c = data[i]
            if c == ord(","):
                self._state = "key_or_end"
            elif c == ord("}"):
                self.verdict = "missing"
            else:
                self.verdict = "not_object"
            return i + 1
        return i

    # --- helpers ----------------------------------------------------------------------------

    def _keep(self, part: bytes) -> None:
        if len(self._key) <= _KEY_LIMIT:
            self._key += part[: _KEY_LIMIT + 1 - len(self._key)]

    def _is_received(self) -> bool:
        if len(self._key) > _KEY_LIMIT:
            return False
        try:
            return bool(json.loads(b'"' + bytes(self._key) + b'"') == "received")
        except ValueError:
            return False

    def _decide_literal(self) -> None:
        self.verdict = "true" if bytes(self._literal) == b"true" else "not_true"


_STATES = {
    "start": ReceivedScanner._start,
    "key_or_end": ReceivedScanner._key_or_end,
    "key": ReceivedScanner._read_key,
    "colon": ReceivedScanner._colon,
    "value": ReceivedScanner._value,
    "literal": ReceivedScanner._literal_value,
    "skip_string": ReceivedScanner._skip_string,
    "skip_nested": ReceivedScanner._skip_nested,
    "skip_scalar": ReceivedScanner._skip_scalar,
    "after": ReceivedScanner._after,
}


def _skip_ws(data: bytes, i: int) -> int:
    while i < len(data) and data[i] in _WS:
        i += 1
    return i


def scan_received(body: bytes) -> Verdict | None:
    """The verdict for a whole (or cut) body at once."""
    scanner = ReceivedScanner()
    scanner.feed(body)
    return scanner.finish()
