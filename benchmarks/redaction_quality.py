"""Precision and recall of `zelto.redact_pii()` per kind, on tests/data/redaction_set.jsonl.

    python benchmarks/redaction_quality.py            # print the table
    python benchmarks/redaction_quality.py --write    # and rewrite it in docs/redaction.md
    python benchmarks/redaction_quality.py --part dev # the evaluation set (pii_eval.py);
                                                      # dev2-9, heldout, heldout2-6:
                                                      # docs/redaction.md

The set holds utterances as speech-to-text writes them, one JSON object a line: `turns` (role,
content) and `pii` (kind, the turn's index, the exact text). A label is found when one
detection of its kind covers all of it; a detection is right when it overlaps a label of its
kind. Utterances without labels are hard negatives (order numbers, times, prices, ...).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "tests" / "data" / "redaction_set.jsonl"
DOC = ROOT / "docs" / "redaction.md"
START, END = "<!-- redaction-table:start -->", "<!-- redaction-table:end -->"
KINDS = ("card", "phone", "email", "iban", "ssn")
# parts whose misses nobody who writes rules may see
HELD_OUT = (
    *("heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7"),
    *("heldout8", "heldout9", "heldout10"),
)
# parts given as the aggregate table only
UNBROKEN = (
    *("heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8"),
    *("heldout9", "heldout10"),
)


def load(path: Path = SET) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def evaluate(rows: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """Per kind: labels, found (recall's numerator), detections, right (precision's)."""
    from livekit.plugins import zelto

    redactor: Any = zelto.redact_pii()
    counts = {k: {"labels": 0, "found": 0, "detections": 0, "right": 0} for k in KINDS}
    for row in rows:
        found = redactor.find(row["turns"])
        labels = []
        for label in row["pii"]:
            start = row["turns"][label["turn"]]["content"].index(label["text"])
            labels.append((label["turn"], start, start + len(label["text"]), label["kind"]))
        for turn, start, end, kind in labels:
            counts[kind]["labels"] += 1
            if any(s.kind == kind and s.start <= start and end <= s.end for s in found[turn]):
                counts[kind]["found"] += 1
        for turn, spans in enumerate(found):
            for s in spans:
                counts[s.kind]["detections"] += 1
                if any(
                    t == turn and k == s.kind and a < s.end and s.start < b for t, a, b, k in labels
                ):
                    counts[s.kind]["right"] += 1
    return counts


def table(rows: list[dict[str, Any]], counts: dict[str, dict[str, int]]) -> str:
    with_pii = sum(1 for r in rows if r["pii"])
    lines = [
        f"Labelled set: {len(rows)} utterances, {with_pii} with PII, "
        f"{len(rows) - with_pii} hard negatives.",
        "",
        "| kind | labels | found | recall | detections | right | precision |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    total = {"labels": 0, "found": 0, "detections": 0, "right": 0}
    for kind in KINDS:
        c = counts[kind]
        for key in total:
            total[key] += c[key]
        lines.append(_line(kind, c))
    lines.append(_line("**all**", total))
    return "\n".join(lines)


def _line(name: str, c: dict[str, int]) -> str:
    recall = c["found"] / c["labels"] if c["labels"] else 1.0
    precision = c["right"] / c["detections"] if c["detections"] else 1.0
    return (
        f"| {name} | {c['labels']} | {c['found']} | {recall:.3f} | {c['detections']} | "
        f"{c['right']} | {precision:.3f} |"
    )


def write(doc: Path, text: str) -> None:
    page = doc.read_text()
    head, rest = page.split(START, 1)
    _, tail = rest.split(END, 1)
    doc.write_text(f"{head}{START}\n{text}\n{END}{tail}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="rewrite the table in the doc")
    parser.add_argument("--misses", action="store_true", help="list misses and false alarms")
    parser.add_argument(
        "--part",
        choices=(
            *("legacy", "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9"),
            *("dev10", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6"),
            *("heldout7", "dev11", "heldout8", "dev12", "heldout9", "dev13", "heldout10"),
        ),
        default="legacy",
        help="legacy: tests/data/redaction_set.jsonl; the others: tests/data/pii/ (pii_eval.py)",
    )
    parser.add_argument(
        "--breakdown", action="store_true", help="per failure class (not heldout2-6)"
    )
    options = parser.parse_args(argv)
    if options.part != "legacy":
        return _part(options.part, write=options.write, misses=options.misses, by=options.breakdown)
    rows = load()
    text = table(rows, evaluate(rows))
    print(text)
    if options.misses:
        _misses(rows)
    if options.write:
        write(DOC, text)
    return 0


def zelto_finder() -> tuple[Any, Any, Any]:
    """`redact_pii()` as pii_eval wants it: spans per turn, a finished call's redacted turns,
    and a live snapshot's (`attach` hands `.live` the history so far at each turn)."""
    from livekit.plugins import zelto

    redactor: Any = zelto.redact_pii()

    from livekit.plugins.zelto._redaction import numbers as _numbers

    def find(turns: list[dict[str, str]]) -> list[list[tuple[int, int, str]]]:
        # cold for each call: a turn's runs are cached (as context they are read again), and
        # the fastest of three repetitions must not be the cache's
        getattr(_numbers.runs, "cache_clear", lambda: None)()
        return [[(s.start, s.end, s.kind) for s in spans] for spans in redactor.find(turns)]

    def redact(turns: list[dict[str, str]]) -> list[str]:
        out = redactor({"transcript": {"turns": turns}})["transcript"]["turns"]
        return [t["content"] for t in out]

    def live(turns: list[dict[str, str]]) -> list[str]:
        out = redactor.live({"transcript": {"turns": turns}})["transcript"]["turns"]
        return [t["content"] for t in out]

    return find, redact, live


def _part(part: str, *, write: bool, misses: bool, by: bool) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import pii_eval

    if misses and part in HELD_OUT:
        print("--misses lists dev parts only: the held-out rows stay unseen by rule authors")
        return 2
    if by and part in UNBROKEN:  # its classes name its phrasings: the aggregate table only
        print(f"--breakdown is not given for {part}: its failure classes stay unseen too")
        return 2
    rows = pii_eval.load(part)
    find, redact, live = zelto_finder()
    text = pii_eval.report(part, rows, pii_eval.score(rows, find, redact, live))
    print(text)
    if by:
        print()
        print(pii_eval.breakdown(pii_eval.score(rows, find)))
    if misses:
        for row in rows:
            s = pii_eval.score([row], find)
            if (
                any(
                    c["found"] < c["labels"] or c["right"] < c["detections"]
                    for c in s["kinds"].values()
                )
                or s["destroyed"]
            ):
                print(row["id"], json.dumps(row["pii"]), json.dumps(redact(row["turns"])))
    if write:
        marks = (f"<!-- pii-{part}:start -->", f"<!-- pii-{part}:end -->")
        page = DOC.read_text()
        head, rest = page.split(marks[0], 1)
        _, tail = rest.split(marks[1], 1)
        DOC.write_text(f"{head}{marks[0]}\n{text}\n{marks[1]}{tail}")
    return 0


def _misses(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        counts = evaluate([row])
        if any(c["found"] < c["labels"] or c["right"] < c["detections"] for c in counts.values()):
            from livekit.plugins import zelto

            turns = zelto.redact_pii()({"transcript": {"turns": row["turns"]}})["transcript"]
            print(row["id"], json.dumps(row["pii"]), json.dumps(turns["turns"]))


if __name__ == "__main__":
    sys.exit(main())
