"""Scoring a PII finder on tests/data/pii/<part>.jsonl (see benchmarks/pii_corpus.py).

    python benchmarks/redaction_quality.py --part dev   # dev2, heldout, heldout2; legacy

Measures, with the matching rules of benchmarks/redaction_quality.py (a label is found when
one detection of its kind covers all of it; a detection is right when it overlaps a label of
its kind):

- per kind: precision, recall, F1;
- benign numbers destroyed: look-alikes (`negatives`) overlapped by any detection, and the
  share of hard-negative turns (turns holding a look-alike) with any wrong detection;
- numbers split across turns: rows whose every half is found (final payload);
- live snapshots: each prefix of a row's turns redacted as a payload, the way `attach` hands
  the history to `redact` turn by turn; a label leaks when 4 or more of its digits (digits or
  digit words, in a run) are still in clear in its turn, in any snapshot;
- cost: microseconds per turn of `find` (median, p99 over rows; each row the fastest of three).

Nothing here imports livekit or zelto: `finder` is any `turns -> [[(start, end, kind)]]`, so
benchmarks/pii_presidio.py scores Presidio with the same code.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

KINDS = ("card", "phone", "email", "iban", "ssn")
DIGIT_KINDS = ("card", "phone", "iban", "ssn")
DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii"
Spans = list[list[tuple[int, int, str]]]
Finder = Callable[[list[dict[str, str]]], Spans]
Redact = Callable[[list[dict[str, str]]], list[str]]

_ONE = set("zero oh o one two three four five six seven eight nine for to too ate".split())
_TWO = set(
    "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
)
_TENS = set("twenty thirty forty fifty sixty seventy eighty ninety".split())
_TOKEN = re.compile(r"[A-Za-z]+|\d")


def load(part: str) -> list[dict[str, Any]]:
    path = DATA / f"{part}.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def _labels(row: dict[str, Any], key: str) -> list[tuple[int, int, int, str]]:
    out = []
    for label in row[key]:
        start = row["turns"][label["turn"]]["content"].index(label["text"])
        out.append((label["turn"], start, start + len(label["text"]), label.get("kind", "")))
    return out


def digit_windows(text: str, least: int = 4) -> list[str]:
    """The shortest runs of `text` that say `least` digits (as digits or words)."""
    tokens = [(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(text)]
    weights = []
    for i, (_, _, tok) in enumerate(tokens):
        nxt = tokens[i + 1][2] if i + 1 < len(tokens) else ""
        if tok.isdigit() or tok in _ONE or tok == "double":
            weights.append(1)
        elif tok in _TWO or tok == "hundred":
            weights.append(2)
        elif tok in _TENS:
            weights.append(1 if nxt in _ONE else 2)
        else:
            weights.append(0)
    out = []
    for i in range(len(tokens)):
        if not weights[i]:
            continue
        total = 0
        for j in range(i, len(tokens)):
            total += weights[j]
            if total >= least:
                out.append(text[tokens[i][0] : tokens[j][1]])
                break
    return out


def score(
    rows: list[dict[str, Any]],
    finder: Finder,
    redact: Redact | None = None,
    live: Redact | None = None,
) -> dict[str, Any]:
    """`redact`: a finished call's turns redacted; `live`: a snapshot's (the call still going
    on), `redact` when the redactor has no separate live path."""
    kinds = {k: Counter[str]() for k in KINDS}
    neg_turns = wrong_neg_turns = destroyed = negatives = 0
    destroyed_by = Counter[str]()
    negatives_by = Counter[str]()
    tag_labels, tag_found, tag_rows, tag_wrong = (
        Counter[str](),
        Counter[str](),
        Counter[str](),
        Counter[str](),
    )
    split_rows = split_caught = split_leaked = 0
    leaked = digit_labels = final_leaked = 0
    forms = Counter[str]()
    costs: list[float] = []
    for row in rows[:: max(1, len(rows) // 50)]:  # untimed: lazy imports and metadata
        finder(row["turns"])
    for row in rows:
        best = float("inf")
        for _ in range(3):  # the fastest of three: a shared machine's stalls are not the cost
            t0 = time.perf_counter()
            found = finder(row["turns"])
            best = min(best, time.perf_counter() - t0)
        costs.append(best * 1e6 / max(1, len(row["turns"])))
        labels, looks = _labels(row, "pii"), _labels(row, "negatives")
        all_found = True
        for turn, start, end, kind in labels:
            kinds[kind]["labels"] += 1
            hit = any(k == kind and s <= start and end <= e for s, e, k in found[turn])
            kinds[kind]["found"] += hit
            all_found &= hit
            form = (
                "written"
                if re.search(r"\d|@", row["turns"][turn]["content"][start:end])
                else "spoken"
            )
            forms[form] += 1
            forms[f"{form} found"] += hit
            for tag in row["tags"]:
                tag_labels[tag] += 1
                tag_found[tag] += hit
        wrong_turns = set()
        for turn, spans in enumerate(found):
            for s, e, k in spans:
                kinds[k]["detections"] += 1
                right = any(t == turn and lk == k and a < e and s < b for t, a, b, lk in labels)
                kinds[k]["right"] += right
                if not right:
                    wrong_turns.add(turn)
        for tag in row["tags"]:
            tag_rows[tag] += 1
            tag_wrong[tag] += bool(wrong_turns)
        for label, (turn, start, end, _) in zip(row["negatives"], looks, strict=True):
            cls = label["class"]
            negatives += 1
            negatives_by[cls] += 1
            if any(s < end and start < e for s, e, _k in found[turn]):
                destroyed += 1
                destroyed_by[cls] += 1
        hard = {t for t, *_ in looks}
        neg_turns += len(hard)
        wrong_neg_turns += len(hard & wrong_turns)
        is_split = "split" in row["tags"]
        split_rows += is_split
        split_caught += is_split and all_found
        if redact is not None:
            leaks, last = _leaks(row, redact, live or redact)
            digit_labels += sum(1 for label in row["pii"] if label["kind"] in DIGIT_KINDS)
            leaked += len(leaks)
            final_leaked += len(last)
            split_leaked += is_split and bool(leaks)
    costs.sort()
    return {
        "kinds": kinds,
        "forms": forms,
        "negatives": negatives,
        "destroyed": destroyed,
        "destroyed_by": destroyed_by,
        "negatives_by": negatives_by,
        "neg_turns": neg_turns,
        "wrong_neg_turns": wrong_neg_turns,
        "split_rows": split_rows,
        "split_caught": split_caught,
        "split_leaked": split_leaked,
        "digit_labels": digit_labels,
        "leaked": leaked,
        "final_leaked": final_leaked,
        "tags": {t: (tag_labels[t], tag_found[t], tag_rows[t], tag_wrong[t]) for t in tag_rows},
        "cost_us": (statistics.median(costs), costs[int(0.99 * (len(costs) - 1))]),
        "live": redact is not None,
    }


def _leaks(row: dict[str, Any], redact: Redact, live: Redact) -> tuple[set[int], set[int]]:
    """Labels (their index) with a digit run in clear in any snapshot (`live` of every prefix,
    and the final payload), and in the final payload (`redact` of all turns)."""
    turns = row["turns"]
    windows = {
        i: digit_windows(label["text"])
        for i, label in enumerate(row["pii"])
        if label["kind"] in DIGIT_KINDS
    }

    def in_clear(k: int, redacted: list[str]) -> set[int]:
        return {
            i
            for i, runs in windows.items()
            if row["pii"][i]["turn"] < k
            and any(run in redacted[row["pii"][i]["turn"]] for run in runs)
        }

    ever: set[int] = set()
    for k in range(1, len(turns) + 1):
        ever |= in_clear(k, live(turns[:k]))
    last = in_clear(len(turns), redact(turns))
    return ever | last, last


def _prf(c: Counter[str]) -> tuple[float, float, float]:
    p = c["right"] / c["detections"] if c["detections"] else 1.0
    r = c["found"] / c["labels"] if c["labels"] else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(part: str, rows: list[dict[str, Any]], s: dict[str, Any]) -> str:
    turns = sum(len(r["turns"]) for r in rows)
    lines = [
        f"Part `{part}`: {len(rows)} rows, {turns} turns, "
        f"{sum(c['labels'] for c in s['kinds'].values())} PII items, {s['neg_turns']} "
        f"hard-negative turns with {s['negatives']} look-alikes.",
        "",
        "| kind | labels | found | recall | detections | right | precision | F1 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    total: Counter[str] = Counter()
    for kind in KINDS:
        c = s["kinds"][kind]
        total.update(c)
        lines.append(_row(kind, c))
    lines.append(_row("**all**", total))
    wrong = s["wrong_neg_turns"] / s["neg_turns"] if s["neg_turns"] else 0.0
    f = s["forms"]
    lines += [
        "",
        "| measure | value |",
        "|---|---:|",
        f"| benign numbers destroyed (look-alikes overlapped) | {s['destroyed']} of "
        f"{s['negatives']} |",
        f"| hard-negative turns with a wrong detection | {s['wrong_neg_turns']} of "
        f"{s['neg_turns']} ({wrong:.1%}) |",
        f"| PII said in words found / written with digits or @ found | "
        f"{f['spoken found']} of {f['spoken']} / {f['written found']} of {f['written']} |",
        f"| split numbers fully caught (final payload) | {s['split_caught']} of "
        f"{s['split_rows']} |",
    ]
    if s["live"]:
        lines += [
            f"| split numbers with digits in clear in a live snapshot | {s['split_leaked']} of "
            f"{s['split_rows']} |",
            f"| digit PII with 4+ digits in clear: any snapshot / final payload | "
            f"{s['leaked']} / {s['final_leaked']} of {s['digit_labels']} |",
        ]
    median, p99 = s["cost_us"]
    lines.append(
        f"| cost per turn, `find` (median / p99 over rows) | {median:.0f} / {p99:.0f} µs |"
    )
    return "\n".join(lines)


def _row(name: str, c: Counter[str]) -> str:
    p, r, f = _prf(c)
    return (
        f"| {name} | {c['labels']} | {c['found']} | {r:.3f} | {c['detections']} | "
        f"{c['right']} | {p:.3f} | {f:.3f} |"
    )


def breakdown(s: dict[str, Any]) -> str:
    """Recall and false alarms per failure class (row tags) and per look-alike class."""
    lines = ["| class (row tag) | labels | found | rows | rows with a wrong detection |"]
    lines.append("|---|---:|---:|---:|---:|")
    for tag, (labels, found, rows, wrong) in sorted(s["tags"].items()):
        lines.append(f"| {tag} | {labels} | {found} | {rows} | {wrong} |")
    lines += ["", "| look-alike class | count | destroyed |", "|---|---:|---:|"]
    for cls, n in sorted(s["negatives_by"].items()):
        lines.append(f"| {cls} | {n} | {s['destroyed_by'][cls]} |")
    return "\n".join(lines)
