"""Names that explain themselves (issue 21): a duration in seconds is called `*_s`; a path to
the spool is not called `spool` (that is a `Spool`); "recorder" is LiveKit's (`RecorderIO`)."""

from __future__ import annotations

import ast
from pathlib import Path

SPOOL_PACKAGE = Path(__file__).resolve().parents[1] / "spool" / "zelto_spool"
# parameter names that hold seconds
DURATIONS = {
    "timeout", "interval", "delay", "max_delay", "window", "grace", "settle", "every", "base",
    "cap", "busy_timeout", "turn_timeout", "stale_after", "lease",
}  # fmt: skip
# not renamed yet, each for a reason: (module, function) -> parameter
KEPT = {
    # user-facing (documented): renaming breaks callers; proposed `timeout_s`, `busy_timeout_s`
    ("testing/receiver.py", "wait_for"): "timeout",
    ("store/spool.py", "__init__"): "busy_timeout",
    # the Flusher and its policies are being reworked behind the outbox (issue 21, item 1)
    ("delivery/flusher.py", "drain"): "timeout",
    ("delivery/flusher.py", "drain_due"): "timeout",
    ("delivery/flusher.py", "deliver"): "timeout",
    ("delivery/flusher.py", "send_claimed"): "timeout",
    ("delivery/flusher.py", "_wind_down"): "grace",
    ("delivery/flusher.py", "_attempt"): "timeout",
    ("delivery/policies.py", "__init__"): "timeout grace",
    ("delivery/flight.py", "stop"): "grace",
    ("delivery/sender.py", "send"): "timeout",
    ("delivery/housekeeping.py", "__init__"): "interval",
    # the Spool's `busy_timeout` passed down as it is named there
    ("store/db.py", "__init__"): "busy_timeout",
    ("store/connection.py", "connect"): "busy_timeout",
    ("store/connection.py", "_inspect"): "busy_timeout",
}


def _parameters() -> list[tuple[str, str, str]]:
    found = []
    for path in sorted(SPOOL_PACKAGE.rglob("*.py")):
        module = path.relative_to(SPOOL_PACKAGE).as_posix()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                args = node.args
                for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs]:
                    found.append((module, node.name, arg.arg))
    return found


def test_durations_in_seconds_are_named_with_s() -> None:
    unnamed = sorted(
        f"{module} {function}({name})"
        for module, function, name in _parameters()
        if name in DURATIONS and name not in KEPT.get((module, function), "").split()
    )
    assert unnamed == []


def test_a_spool_path_is_not_called_spool() -> None:
    # `spool` is a `Spool` everywhere; a path to it is `spool_path` (or `path` on its owner)
    annotated = sorted(
        f"{path.relative_to(SPOOL_PACKAGE)}: {node.arg}"
        for path in SPOOL_PACKAGE.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.arg)
        and node.arg == "spool"
        and node.annotation is not None
        and "Path" in ast.unparse(node.annotation)
    )
    assert annotated == []


def test_no_class_of_ours_is_called_recorder() -> None:
    classes = {
        node.name
        for path in SPOOL_PACKAGE.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.ClassDef)
    }
    assert not {name for name in classes if "Recorder" in name}
