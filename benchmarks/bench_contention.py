"""4. Contention: many job processes enqueueing into one spool at once, a sidecar draining it.

Every writer starts, imports, loads its payload and says "ready"; when all are ready they get
"go" at the same moment and each enqueues its calls back to back (a harsher load than jobs
ending one call each). The sidecar (`python -m zelto_spool run`) claims and marks rows
against the local receiver meanwhile. Afterwards every call must have reached the receiver.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from common import (
    API_KEY,
    PYTHON,
    Goal,
    Section,
    Table,
    child_env,
    child_main,
    ms,
    ratio,
    receiver_process,
    spread,
    stop_process,
    summarize,
    transcript_payload,
    with_call_id,
)

SCRIPT = Path(__file__)
P99_GOAL_S = 0.100
DONE_GOAL = 1.3  # the last spool writer done within 1.3x the raw sqlite3 writers' time
BUSY_TIMEOUT_S = 30.0  # the spool's own
RAW_SCHEMA = "CREATE TABLE IF NOT EXISTS raw_calls (call_id TEXT PRIMARY KEY, body BLOB NOT NULL)"
RAW_INSERT = "INSERT INTO raw_calls (call_id, body) VALUES (?, ?)"


def task_writer(args: dict[str, Any]) -> dict[str, Any]:
    """Enqueue `calls` calls when told to go; the first one opens the file."""
    payload = json.loads(Path(args["payload"]).read_text())
    if args["kind"] == "spool":
        from zelto_spool import Spool

        spool = Spool(args["db"])
        write, close = spool.enqueue, spool.close
    else:  # the baseline: stdlib sqlite3, same durability, into a table of the same file
        conn: sqlite3.Connection | None = None

        def write(call: dict[str, Any]) -> None:
            nonlocal conn
            if conn is None:
                conn = sqlite3.connect(args["db"], timeout=BUSY_TIMEOUT_S)
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = FULL")
            conn.execute(RAW_INSERT, (call["call"]["externalId"], json.dumps(call).encode()))
            conn.commit()

        def close() -> None:
            if conn is not None:
                conn.close()

    print("ready", flush=True)
    sys.stdin.readline()  # "go"
    times: list[float] = []
    errors: list[str] = []
    for k in range(args["calls"]):
        call = with_call_id(payload, f"{args['kind']}-{args['run']}-{args['index']}-{k}")
        started = time.perf_counter()
        try:
            write(call)
        except Exception as exc:
            errors.append(f"{type(exc).__name__}: {exc}")
        times.append(time.perf_counter() - started)
    close()
    return {"times": times, "errors": errors}


def _wait(predicate: Any, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _writers(
    kind: str, plan: Any, db: Path, payload: Path, env: dict[str, str], run: int
) -> tuple[list[Any], float]:
    """Start the writers, wait until all are ready, say go; returns their answers and when
    (perf_counter) they were told to go."""
    args = {
        "kind": kind,
        "db": str(db),
        "payload": str(payload),
        "calls": plan.writer_calls,
        "run": run,
    }
    writers = [
        subprocess.Popen(
            [PYTHON, str(SCRIPT), "writer", json.dumps({**args, "index": i})],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        for i in range(plan.writers)
    ]
    for writer in writers:
        assert writer.stdout is not None
        if writer.stdout.readline().strip() != "ready":
            raise RuntimeError("a writer did not start")
    go = time.perf_counter()
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    answers = [json.loads(w.communicate(timeout=600)[0].strip().splitlines()[-1]) for w in writers]
    return answers, go


def _rounds(plan: Any) -> int:
    """Pairs of (spool, raw) runs per size: single runs on a shared 2-core box vary 2x."""
    return {"full": 3, "quick": 2}.get(plan.name, 1)


def _round(plan: Any, base: Path, size: int) -> dict[str, Any]:
    """Spool writers (the sidecar draining what they write), then raw writers, one file;
    repeated `_rounds(plan)` times, alternating, so both see the same drift of the machine."""
    from zelto_spool import Spool

    db = base / f"contention-{size}.db"
    payload = base / f"payload-{size}.json"
    payload.write_text(json.dumps(transcript_payload(size)))
    rounds = _rounds(plan)
    expected = plan.writers * plan.writer_calls * rounds
    with Spool(db) as spool:  # the schema, the raw table beside it, one call as a probe
        spool.enqueue(with_call_id(json.loads(payload.read_text()), "probe"))
    with sqlite3.connect(db) as conn:
        conn.execute(RAW_SCHEMA)
    result: dict[str, Any] = {"expected": expected, "drained_s": []}
    for kind in ("spool", "raw"):
        result[kind] = {"times": [], "first": [], "errors": [], "written_s": []}
    with receiver_process(base) as receiver:
        env = child_env(ZELTO_API_KEY=API_KEY, ZELTO_BASE_URL=receiver.base_url)
        sidecar = subprocess.Popen(
            [PYTHON, "-m", "zelto_spool", "--spool", str(db), "run", "--log-level", "WARNING"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            if not _wait(lambda: receiver.accepted() >= 1, 30):  # up, warm, holding the file
                raise RuntimeError("the sidecar delivered nothing")
            for index in range(rounds):
                for kind in ("spool", "raw"):
                    answers, started = _writers(kind, plan, db, payload, env, index)
                    k = result[kind]
                    k["times"] += [t for a in answers for t in a["times"]]
                    k["first"] += [a["times"][0] for a in answers]
                    k["errors"] += [e for a in answers for e in a["errors"]]
                    k["written_s"].append(time.perf_counter() - started)
                    if kind == "spool":  # drained before the raw writers start
                        done = (index + 1) * plan.writers * plan.writer_calls + 1
                        _wait(lambda done=done: receiver.accepted() >= done, 120)
                        result["drained_s"].append(time.perf_counter() - started)
        finally:
            stop_process(sidecar)
        result["accepted"] = receiver.accepted() - 1
    with Spool(db) as spool:
        result["delivered_rows"] = spool.stats()["delivered"] - 1
    return result


def run(plan: Any, base: Path) -> Section:
    rounds = _rounds(plan)
    section = Section(
        f"4. Contention ({plan.writers} writer processes × {plan.writer_calls} calls at once, "
        "sidecar running)"
    )
    table = Table(
        [
            "size",
            "writers",
            "every write",
            "first write of a process (opens the file)",
            "errors",
            "go → all writers exited (median of runs)",
            "all exited: spool / raw",
            "first write p50: spool / raw",
        ],
        title="Write latency under contention: p50 / p99 (min–max, n) in ms",
    )
    worst_p99, worst_done, errors, lost = 0.0, 0.0, 0, []
    for size in plan.writer_sizes:
        r = _round(plan, base, size)
        done = {kind: statistics.median(r[kind]["written_s"]) for kind in ("spool", "raw")}
        first = {kind: summarize(r[kind]["first"]).p50 for kind in ("spool", "raw")}
        for kind, label in (("spool", "Spool.enqueue"), ("raw", "raw sqlite3 insert")):
            k = r[kind]
            every = summarize(k["times"])
            runs = ", ".join(ms(s) for s in k["written_s"])
            table.add(
                f"{size // 1000} KB",
                label,
                spread(every),
                spread(summarize(k["first"])),
                f"{len(k['errors'])}" + (f" ({k['errors'][0]})" if k["errors"] else ""),
                f"{ms(done[kind])} ms" + (f" ({runs})" if len(k["written_s"]) > 1 else ""),
                ratio(done["spool"], done["raw"]) if kind == "spool" else "",
                ratio(first["spool"], first["raw"]) if kind == "spool" else "",
            )
            section.data[f"{size}-{kind}"] = {
                "summary": every.__dict__,
                "first": summarize(k["first"]).__dict__,
                "written_s": k["written_s"],
                "errors": k["errors"],
            }
            if kind == "spool":
                worst_p99 = max(worst_p99, every.p99)
                errors += len(k["errors"])
        worst_done = max(worst_done, done["spool"] / done["raw"])
        if not r["delivered_rows"] == r["accepted"] == r["expected"]:
            lost.append(f"{size}: {r['delivered_rows']} rows, {r['accepted']} received")
        section.notes.append(
            f"{size // 1000} KB: the sidecar delivered all {r['expected']} spooled calls, "
            f"{ms(statistics.median(r['drained_s']))} ms after go (median of runs; rows "
            f"delivered {r['delivered_rows']}, receiver accepted {r['accepted']})."
        )
    section.tables.append(table)
    section.notes += [
        f"{rounds} run(s) of each kind per size, alternating: spool writers while the sidecar "
        "claims and marks what they write, then raw writers (stdlib sqlite3, WAL + FULL, the "
        "same 30 s busy timeout, one INSERT + commit per call into a table of the same file) "
        "with the sidecar idle. `every write` and `first write` pool the runs.",
        "Writers and the sidecar share the machine's cores: latencies include waiting for a "
        "CPU as well as for the write lock. Raw writers wait in SQLite's busy handler, which "
        "sleeps 1, 2, 5 … 100 ms between tries; the spool's writers first take a write turn "
        "(an flock beside the spool), tried again every 0.2–5 ms.",
    ]
    section.goals += [
        Goal(
            f"contention: {plan.writers} writers all done ≤ {DONE_GOAL}× raw sqlite3, same "
            "fsync, 0 errors (worst size, median of runs)",
            f"{worst_done:.2f}×, {errors} errors" + (f"; LOST {lost}" if lost else ""),
            errors == 0 and worst_done <= DONE_GOAL and not lost,
        ),
        Goal(
            f"contention: 0 errors, enqueue p99 < {P99_GOAL_S * 1000:.0f} ms (worst size)",
            f"{errors} errors, p99 {ms(worst_p99)} ms" + (f"; LOST {lost}" if lost else ""),
            errors == 0 and worst_p99 < P99_GOAL_S and not lost,
        ),
    ]
    return section


if __name__ == "__main__":
    child_main({"writer": task_writer})
