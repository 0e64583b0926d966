"""Log lines cannot be broken or disguised by a value: a call id may hold C1 controls (U+0085,
a "next line"), line/paragraph separators (U+2028) and bidi overrides (U+202E). `list` and
`status` escaped them already; the log formatters printed them raw."""

from __future__ import annotations

import json
import logging

import pytest

from zelto_spool.logs import JsonFormatter, TextFormatter

NASTY = "\u0085nel\u2028ls\u202eevil\x1b[2J"


def record(**extra: object) -> logging.LogRecord:
    rec = logging.LogRecord("zelto_spool", logging.ERROR, __file__, 1, "call dead", None, None)
    rec.__dict__.update(extra)
    return rec


@pytest.mark.parametrize("formatter", [TextFormatter(), JsonFormatter()], ids=["text", "json"])
def test_controls_separators_and_bidi_overrides_are_escaped(formatter: logging.Formatter) -> None:
    line = formatter.format(record(call_id=NASTY))
    assert line.isprintable(), repr(line)
    assert "\\u0085" in line and "\\u2028" in line and "\\u202e" in line


def test_the_json_line_still_holds_the_exact_value() -> None:
    assert json.loads(JsonFormatter().format(record(call_id=NASTY)))["call_id"] == NASTY


def test_plain_values_are_unchanged() -> None:
    assert TextFormatter().format(record(call_id="room-1")).endswith(" call_id=room-1")
