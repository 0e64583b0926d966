"""`redact_pii` on the labelled STT set: the goals hold, and docs/redaction.md shows today's
figures (regenerate with `python benchmarks/redaction_quality.py --write`)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).parent.parent


def quality() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "redaction_quality", ROOT / "benchmarks" / "redaction_quality.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("redaction_quality", module)
    spec.loader.exec_module(module)
    return module


def test_the_labelled_set_is_big_and_balanced() -> None:
    rows = quality().load()
    with_pii = [r for r in rows if r["pii"]]
    assert len(rows) >= 200
    assert 0.4 <= len(with_pii) / len(rows) <= 0.6
    for row in rows:
        for label in row["pii"]:
            assert label["text"] in row["turns"][label["turn"]]["content"], row["id"]
    splits = [r for r in with_pii if len({p["turn"] for p in r["pii"]}) > 1]
    assert splits, "numbers split across turns are part of the set"


def test_goals_recall_and_precision() -> None:
    q = quality()
    counts = q.evaluate(q.load())
    for kind in ("card", "email"):
        assert counts[kind]["found"] == counts[kind]["labels"], (kind, counts[kind])
    assert counts["phone"]["found"] >= 0.95 * counts["phone"]["labels"], counts["phone"]
    for kind, c in counts.items():
        assert c["right"] >= 0.98 * c["detections"], (kind, c)


def test_the_docs_show_todays_figures() -> None:
    q = quality()
    rows = q.load()
    table = q.table(rows, q.evaluate(rows))
    assert f"{q.START}\n{table}\n{q.END}" in (ROOT / "docs" / "redaction.md").read_text(), (
        "docs/redaction.md is stale: run python benchmarks/redaction_quality.py --write"
    )
