"""No rule backtracks without bound. A pattern with a repeated group whose inside can match
the same text in more than one way ("(\\s*[^\\w\\s]+\\s*)+") takes time exponential in a run of
marks: a tool's masked card ("************5045") cost 16 ms a turn, a 22-character mask 18 s,
and a longer one would have stopped the snapshot writer. These tests hang (and pytest-timeout
fails them) rather than time anything."""

from __future__ import annotations

import importlib
import re

import pytest

from tests.redacting import conversation

MODULES = (
    "across again cards countries emails find letters naming numbers redact regions spans "
    "spelled stream unicode"
).split()
# runs of what speech-to-text and tool JSON repeat: marks, spaces, letters, digits, words
RUNS = ("*", " ,", "a ", "1 ", "- ", "at ", "dot ", ". ", "1-", "a.", "x@", "oh ", "(", "\u2022")


@pytest.mark.timeout(60)
def test_a_long_masked_card_in_a_tool_turn_is_read_at_once() -> None:
    masked = "*" * 64 + "5045"
    turns = (
        ("assistant", "Okay, let's get that paid. What's the card number?"),
        ("user", "four two two nine nine six three seven two oh four three five oh four five"),
        ("tool", f'take_payment() -> {{"approved": true, "card": "{masked}", "no": "A1"}}'),
    )
    out = conversation(*turns)
    assert out[1] == "[card]" and masked in out[2]


@pytest.mark.timeout(120)
@pytest.mark.parametrize("module", MODULES)
def test_no_pattern_backtracks_on_long_runs(module: str) -> None:
    found = importlib.import_module(f"livekit.plugins.zelto._redaction.{module}")
    patterns = [v for v in vars(found).values() if isinstance(v, re.Pattern)]
    for pattern in patterns:
        for run in RUNS:
            for tail in ("", "!", " number", " x"):
                text = "word " + run * 60 + tail
                pattern.search(text)
                pattern.match(text)
