"""The checks of a chaos run and its figures: what the receiver saw, against what was spooled."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tests.chaos.workload import chaos_payload, job_final, job_turn, version_of
from zelto_spool import Spool
from zelto_spool.payload import encode
from zelto_spool.store.live import LOST_REASON
from zelto_spool.testing.receiver import Post, Receiver

if TYPE_CHECKING:
    from tests.chaos.actors import JobDriver


@dataclass
class ChaosResult:
    seed: int
    mode: str
    calls: int = 0
    versions: int = 0  # enqueues, all versions of all calls
    kills: int = 0
    kills_orphaning: int = 0  # kills that left rows in flight under the dead sidecar's lease
    sidecar_starts: int = 0
    drainers: int = 0
    drainers_killed: int = 0
    fault_switches: int = 0
    jobs: int = 0
    jobs_killed: int = 0  # job processes SIGKILLed mid-call
    reaped: int = 0  # their calls enqueued from live snapshots by a reaper
    posts: int = 0
    accepted: int = 0
    duplicate_posts: int = 0  # accepted again for a (call, version) already accepted
    lost: int = 0
    regressions: int = 0
    stuck_inflight: int = 0
    concurrent_sends: int = 0  # two answered POSTs of one call overlapping: two live senders
    max_delay_s: float = 0.0
    p99_delay_s: float = 0.0
    p50_enqueue_ms: float = 0.0
    p99_enqueue_ms: float = 0.0
    max_enqueue_ms: float = 0.0
    duration_s: float = 0.0
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        rows = [
            ("seed", self.seed),
            ("mode", self.mode),
            ("calls", self.calls),
            ("versions enqueued", self.versions),
            ("sidecar kill -9", f"{self.kills} ({self.kills_orphaning} left rows in flight)"),
            ("sidecar starts", self.sidecar_starts),
            ("drain processes", f"{self.drainers} ({self.drainers_killed} killed)"),
            ("fault switches", self.fault_switches),
            (
                "job processes",
                f"{self.jobs} ({self.jobs_killed} killed mid-call, {self.reaped} reaped)",
            ),
            ("POSTs", f"{self.posts} ({self.accepted} accepted)"),
            ("duplicate POSTs", self.duplicate_posts),
            ("lost", self.lost),
            ("older over newer", self.regressions),
            ("stuck inflight", self.stuck_inflight),
            ("concurrent sends", self.concurrent_sends),
            ("max delay", f"{self.max_delay_s:.1f} s (p99 {self.p99_delay_s:.1f} s)"),
            (
                "enqueue latency",
                f"p50 {self.p50_enqueue_ms:.2f} ms, p99 {self.p99_enqueue_ms:.2f} ms, "
                f"max {self.max_enqueue_ms:.1f} ms",
            ),
            ("duration", f"{self.duration_s:.1f} s"),
            ("problems", "; ".join(self.problems) or "none"),
        ]
        return "\n".join(f"chaos {name:<18} {value}" for name, value in rows)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


class Recorder:
    """What the receiver saw, in the order answers completed (the order Zelto would apply)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.completed = 0
        self.accepted: list[tuple[float, str, int]] = []  # (time, call id, version)
        self.answered: list[tuple[float, float, str]] = []  # (arrived, answered, call id)
        self.last_body: dict[str, bytes] = {}

    def __call__(self, post: Post) -> None:
        now = time.time()
        with self.lock:
            self.completed += 1
            if post.status is not None and post.call_id is not None:
                self.answered.append((post.at, now, post.call_id))
            if post.status == 200 and post.error is None and post.call_id is not None:
                self.accepted.append((now, post.call_id, version_of(post.body)))
                self.last_body[post.call_id] = post.body


def inflight_of(spool_path: Path, pid: int) -> int:
    """Rows in flight under `pid`'s lease (a plain look, not through the code under test).

    Not `mode=ro`: SQLite cannot open a WAL database read-only once the last connection
    closed cleanly and removed `-wal` and `-shm`. But `mode=rw`, never creating it: a kill
    before any process made the spool had this look create `spool.db` with the umask's 0644,
    which every process of the run then refused (a chaos run failed that way in CI). A figure,
    never a failure: 0 on any error.
    """
    try:
        conn = sqlite3.connect(f"{spool_path.as_uri()}?mode=rw", uri=True, timeout=10)
    except sqlite3.Error:
        return 0
    try:
        query = "SELECT count(*) FROM calls WHERE state = 'inflight' AND lease_pid = ?"
        return int(conn.execute(query, (pid,)).fetchone()[0])
    except sqlite3.Error:
        return 0
    finally:
        conn.close()


def check(
    result: ChaosResult,
    workdir: Path,
    spool_path: Path,
    turns: dict[str, int],
    recorder: Recorder,
    receiver: Receiver,
) -> None:
    enqueued: dict[tuple[str, int], float] = {}
    latencies: list[float] = []
    for path in sorted(workdir.glob("writer-*.jsonl")):
        for line in path.read_text().splitlines():
            record = json.loads(line)
            enqueued[(record["call"], record["version"])] = record["t"]
            latencies.append(record["latency"] * 1000)
    result.versions = len(enqueued)
    newest: dict[str, int] = {}
    for call_id, version in enqueued:
        newest[call_id] = max(version, newest.get(call_id, 0))
    if len(newest) != len(turns):
        result.problems.append(f"only {len(newest)} of {len(turns)} calls were enqueued")

    with recorder.lock:
        accepted = list(recorder.accepted)
        last_body = dict(recorder.last_body)
    result.posts = len(receiver.posts)
    result.accepted = len(accepted)
    result.duplicate_posts = len(accepted) - len({(c, v) for _, c, v in accepted})
    first_seen: dict[tuple[str, int], float] = {}
    highest: dict[str, int] = {}
    for at, call_id, version in accepted:
        if version < 0:
            continue  # a job's call (no version marker): see `check_jobs`
        first_seen.setdefault((call_id, version), at)
        if version < highest.get(call_id, 0):
            result.regressions += 1
            result.problems.append(f"{call_id}: v{version} accepted after v{highest[call_id]}")
        highest[call_id] = max(version, highest.get(call_id, 0))

    _check_one_sender(result, recorder)
    delays = []
    for call_id, version in newest.items():
        want = encode(chaos_payload(call_id, version, turns[call_id]))
        if last_body.get(call_id) != want:
            result.lost += 1
            got = version_of(last_body[call_id]) if call_id in last_body else None
            result.problems.append(f"{call_id}: newest v{version} not at the receiver (got {got})")
            continue
        delays.append(first_seen[(call_id, version)] - enqueued[(call_id, version)])
    result.max_delay_s = max(delays, default=0.0)
    result.p99_delay_s = percentile(delays, 0.99)
    result.p50_enqueue_ms = percentile(latencies, 0.50)
    result.p99_enqueue_ms = percentile(latencies, 0.99)
    result.max_enqueue_ms = max(latencies, default=0.0)

    with Spool(spool_path) as spool:
        stats = spool.stats()
        rows = {row["call_id"]: row for row in spool.upkeep.rows()}
    result.stuck_inflight = stats["inflight"]
    for state in ("pending", "inflight", "dead"):
        if stats[state]:
            result.problems.append(f"{stats[state]} row(s) {state} after the final drain")
    for call_id, version in newest.items():
        row = rows.get(call_id)
        if row is None or (row["version"], row["delivered_version"]) != (version, version):
            result.problems.append(f"{call_id}: spool row {row and dict(row)} != v{version}")
    for log in ("sidecar.log", "drainers.log"):
        path = workdir / log
        text = path.read_text(errors="replace") if path.exists() else ""
        if "Traceback" in text or "LOST" in text:
            result.problems.append(f"{log} has a traceback or a lost call")


def _check_one_sender(result: ChaosResult, recorder: Recorder) -> None:
    """A lease means one live sender per call: two answered POSTs of a call never overlap.

    A sender that is killed or gives up (attempt timeout) drops its connection, and the
    receiver cancels that request unanswered, so only live senders' requests count here.
    """
    with recorder.lock:
        answered = sorted(recorder.answered)
    busy_until: dict[str, float] = {}
    for arrived, done, call_id in answered:
        if arrived < busy_until.get(call_id, 0.0):
            result.concurrent_sends += 1
            result.problems.append(f"{call_id}: two answered POSTs at once (two live senders)")
        busy_until[call_id] = max(done, busy_until.get(call_id, 0.0))


def check_jobs(result: ChaosResult, jobs: JobDriver, spool_path: Path, recorder: Recorder) -> None:
    """Each job's call arrived once spooled: whole when it finished, else with every turn it
    had committed and `endedReason: agent_process_lost`."""
    with recorder.lock:
        last_body = dict(recorder.last_body)
    with Spool(spool_path) as spool:
        stats = spool.stats()
        rows = {row["call_id"]: row for row in spool.upkeep.rows(call_ids=list(jobs.calls))}
    result.reaped = stats["reaped"]
    if stats["live"]:
        result.problems.append(f"{stats['live']} live snapshot(s) left after the final drain")
    for call_id, (turns, out) in jobs.calls.items():
        lines = out.read_text(errors="replace").split() if out.exists() else []
        committed = sum(1 for line in lines if line.isdigit())
        finished = "done" in lines
        if not finished and call_id not in jobs.killed:
            result.problems.append(f"{call_id}: job exited early: {' '.join(lines)[-500:]}")
        body = last_body.get(call_id)
        if body is None:
            if committed or finished:
                result.lost += 1
                result.problems.append(f"{call_id}: job call never reached the receiver")
            continue
        sent = json.loads(body)
        whole = body == encode(job_final(call_id, turns))
        got = sent.get("transcript", {}).get("turns", [])
        reaped = sent["call"].get("endedReason") == LOST_REASON and got == [
            job_turn(call_id, seq) for seq in range(len(got))
        ]
        if finished and not whole:
            result.problems.append(f"{call_id}: finished job, but its final payload was not sent")
        elif not (whole or (reaped and len(got) >= committed)):
            result.lost += 1
            result.problems.append(f"{call_id}: {len(got)} turns sent, {committed} committed")
        if rows.get(call_id, {}).get("version") != 1:
            result.problems.append(f"{call_id}: enqueued {rows.get(call_id)} times, not once")
