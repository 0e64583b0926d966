"""7. Redaction (`zelto.redact_pii()`): what it costs per snapshot turn and at the end of a call.

A 400-turn call built from the labelled set's utterances (tests/data/redaction_set.jsonl: half
carry a card, phone number or email as STT writes them) between ordinary sentences.

- Per turn, snapshot path: with `attach`, the writer thread (never the agent's loop) redacts
  the whole history each time a turn is added; earlier turns come from the redactor's cache,
  so a turn costs its own redaction plus a lookup per earlier turn. Timed for every turn of
  the call, against the same history encoded without redaction (the work the writer does
  anyway).
- End of call: the final payload redacted by a redactor that has seen none of it (e.g.
  `on_session_end` without `attach`, the worst case), and by one that snapshotted the call
  (cache warm), against `prepare` (validate and encode) of the same payload.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from common import Goal, Section, Table, child_main, ratio, run_child, spread, summarize

SCRIPT = Path(__file__)
SET = Path(__file__).resolve().parent.parent / "tests" / "data" / "redaction_set.jsonl"
TURNS = 400


def call_turns(n: int) -> list[dict[str, str]]:
    """n turns: the set's utterances (PII and hard negatives) between ordinary sentences."""
    import random

    from common import sentence

    rng = random.Random(7)
    said = [t for line in SET.read_text().splitlines() for t in json.loads(line)["turns"]]
    turns = []
    for i in range(n):
        if i % 3 == 2:
            turns.append(said[i % len(said)])
        else:
            role = "user" if i % 2 == 0 else "assistant"
            turns.append({"role": role, "content": sentence(rng, rng.randint(8, 30))})
    return turns


def task_costs(args: dict[str, Any]) -> dict[str, Any]:
    from livekit.plugins import zelto
    from zelto_spool import encode, prepare

    base = {"agent": {"externalId": "bench"}, "call": {"externalId": "room-1"}}
    turns = call_turns(args["turns"])
    per_turn: list[float] = []
    plain: list[float] = []
    for _ in range(args["rounds"]):
        redactor = zelto.redact_pii()
        for k in range(1, len(turns) + 1):
            payload = {**base, "transcript": {"turns": turns[:k]}}
            started = time.perf_counter()
            [encode(t) for t in payload["transcript"]["turns"]]
            plain.append(time.perf_counter() - started)
            started = time.perf_counter()
            out = redactor(payload)
            [encode(t) for t in out["transcript"]["turns"]]
            per_turn.append(time.perf_counter() - started)
    final = {**base, "transcript": {"turns": turns}}
    cold: list[float] = []
    warm: list[float] = []
    prepared: list[float] = []
    for _ in range(args["rounds"] * 5):
        redactor = zelto.redact_pii()
        started = time.perf_counter()
        prepare(redactor(final))
        cold.append(time.perf_counter() - started)
        started = time.perf_counter()
        prepare(redactor(final))
        warm.append(time.perf_counter() - started)
        started = time.perf_counter()
        prepare(final)
        prepared.append(time.perf_counter() - started)
    return {"per_turn": per_turn, "plain": plain, "cold": cold, "warm": warm, "prepare": prepared}


def run(plan: Any, base: Path) -> Section:
    section = Section(f"7. Redaction (redact_pii, a {TURNS}-turn call)")
    turns = {"smoke": 40, "quick": TURNS, "full": TURNS}[plan.name]
    rounds = {"smoke": 1, "quick": 1, "full": 3}[plan.name]
    got, _ = run_child(SCRIPT, "costs", {"turns": turns, "rounds": rounds})
    per_turn, plain = summarize(got["per_turn"]), summarize(got["plain"])
    cold, warm, prepared = summarize(got["cold"]), summarize(got["warm"]), summarize(got["prepare"])
    table = Table(["what", "p50 / p99 (min–max, n) in ms", "p50 vs baseline"], title="")
    table.title = f"Cost of redaction over a {turns}-turn call"
    table.add("snapshot turn: encode the history (baseline)", spread(plain), "1.00×")
    table.add(
        "snapshot turn: redact + encode the history",
        spread(per_turn),
        ratio(per_turn.p50, plain.p50),
    )
    table.add("end of call: prepare the payload (baseline)", spread(prepared), "1.00×")
    table.add("end of call: redact (cold) + prepare", spread(cold), ratio(cold.p50, prepared.p50))
    table.add(
        "end of call: redact (after attach) + prepare", spread(warm), ratio(warm.p50, prepared.p50)
    )
    section.tables.append(table)
    section.data.update(
        {k: v.__dict__ for k, v in {"per_turn": per_turn, "cold": cold, "warm": warm}.items()}
    )
    section.notes += [
        "Snapshot turns are redacted on the writer thread: the agent's event loop pays nothing "
        "for redaction (its handler only copies the history; section 6).",
        "Each turn is redacted once per redactor (cached by text and context); later snapshot "
        "writes and the final payload look earlier turns up.",
    ]
    section.goals.append(
        Goal(
            "redaction: a snapshot turn's redaction on the writer thread (no target)",
            f"p50 {per_turn.p50 * 1000:.2f} ms, p99 {per_turn.p99 * 1000:.2f} ms",
            None,
        )
    )
    section.goals.append(
        Goal(
            f"redaction: end of a {turns}-turn call, cold cache (no target)",
            f"p50 {cold.p50 * 1000:.1f} ms",
            None,
        )
    )
    return section


if __name__ == "__main__":
    child_main({"costs": task_costs})
