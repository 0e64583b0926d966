"""Shared pieces of the benchmarks: statistics, payloads, child processes, the receiver.

Every section module runs its measurements in child processes of its own file
(`python benchmarks/<module>.py TASK JSON`), which print one JSON line; `run_child` starts
them and `child_main` answers them. Times are seconds everywhere inside; tables show ms.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import random
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
API_KEY = "bench-key"  # the local receiver's key; nothing real

# --- statistics ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    n: int
    p50: float
    p99: float
    lo: float
    hi: float


def percentile(ordered: Sequence[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default) of sorted values."""
    if not ordered:
        return math.nan
    pos = (len(ordered) - 1) * q
    low = math.floor(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def summarize(values: Iterable[float]) -> Summary:
    ordered = sorted(values)
    if not ordered:
        return Summary(0, math.nan, math.nan, math.nan, math.nan)
    return Summary(
        len(ordered), percentile(ordered, 0.5), percentile(ordered, 0.99), ordered[0], ordered[-1]
    )


def ms(seconds: float) -> str:
    """A duration in ms with 2-3 significant digits."""
    if math.isnan(seconds):
        return "-"
    value = seconds * 1000
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def spread(s: Summary, unit: Callable[[float], str] = ms) -> str:
    """`p50 / p99 (min–max, n)` in one cell."""
    if s.n == 0:
        return "-"
    return f"{unit(s.p50)} / {unit(s.p99)} ({unit(s.lo)}–{unit(s.hi)}, n={s.n})"


def ratio(a: float, b: float) -> str:
    if not b or math.isnan(a) or math.isnan(b):
        return "-"
    return f"{a / b:.2f}×"


# --- tables ---------------------------------------------------------------------------------


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)
    title: str = ""

    def add(self, *cells: object) -> None:
        self.rows.append([str(c) for c in cells])

    def markdown(self) -> str:
        lines = [f"**{self.title}**", ""] if self.title else []
        lines.append("| " + " | ".join(self.headers) + " |")
        lines.append("|" + "|".join("---" for _ in self.headers) + "|")
        lines += ["| " + " | ".join(row) + " |" for row in self.rows]
        return "\n".join(lines)


@dataclass(frozen=True)
class Goal:
    name: str
    measured: str
    met: bool | None  # None: informative, no target


@dataclass
class Section:
    title: str
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)

    def markdown(self) -> str:
        parts = [f"### {self.title}", ""]
        for table in self.tables:
            parts += [table.markdown(), ""]
        parts += [f"- {note}" for note in self.notes]
        return "\n".join(parts).rstrip() + "\n"


# --- realistic payloads ---------------------------------------------------------------------

_WORDS = (
    "order delivery refund account card number address tomorrow yesterday please thanks "
    "could you check the status of my subscription invoice payment since Monday still not "
    "arrived tracking warehouse courier replacement damaged box colour size exchange café "
    "Müller appointment Tuesday morning afternoon confirm cancel reschedule policy days "
    "receipt email phone agent support manager escalate ticket reference minutes wait hold"
).split()


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + rng.choice(".?.!")


def transcript_payload(
    target_bytes: int, *, call_id: str = "call-0", seed: int = 0
) -> dict[str, Any]:
    """A finished call whose compact JSON is about `target_bytes`: a transcript of N turns
    (user and assistant sentences, a tool call and its output every 7 turns)."""
    rng = random.Random(seed)
    payload: dict[str, Any] = {
        "agent": {"externalId": "support-bot", "name": "Support Bot"},
        "call": {
            "externalId": call_id,
            "durationSeconds": 312.481,
            "endedReason": "participant_disconnected",
        },
        "customer": {"number": "+15551234567"},
        "transcript": {"turns": []},
    }
    turns: list[dict[str, str]] = payload["transcript"]["turns"]
    size = len(json.dumps(payload, separators=(",", ":")))
    while size < target_bytes:
        i = len(turns)
        if i % 7 == 6:
            turn = {"role": "tool", "content": f'lookup_order({{"order_id": "A-{1000 + i}"}})'}
        else:
            role = "user" if i % 2 == 0 else "assistant"
            turn = {"role": role, "content": sentence(rng, rng.randint(8, 30))}
        turns.append(turn)
        size += len(json.dumps(turn, ensure_ascii=False, separators=(",", ":"))) + 1
    return payload


def with_call_id(payload: dict[str, Any], call_id: str) -> dict[str, Any]:
    return {**payload, "call": {**payload["call"], "externalId": call_id}}


# --- child processes ------------------------------------------------------------------------


class ChildError(RuntimeError):
    pass


def child_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZELTO_")}
    env.update(extra)
    return env


def run_child(
    script: str | Path,
    task: str,
    args: dict[str, Any] | None = None,
    *,
    env: dict[str, str] | None = None,
    timeout: float = 600,
) -> tuple[dict[str, Any], float]:
    """Run `python script task json` and return (its JSON answer, the process's wall time)."""
    command = [PYTHON, str(script), task, json.dumps(args or {})]
    started = time.perf_counter()
    env = env or child_env()
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=timeout, env=env, check=False
    )
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise ChildError(f"{task} exited {done.returncode}:\n{done.stderr[-3000:]}")
    lines = done.stdout.strip().splitlines()
    if not lines:
        raise ChildError(f"{task} printed nothing:\n{done.stderr[-3000:]}")
    return json.loads(lines[-1]), wall


def child_main(tasks: dict[str, Callable[[dict[str, Any]], dict[str, Any]]]) -> None:
    """The `if __name__ == "__main__"` of a section module: run one task, print its JSON."""
    task, raw = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "{}"
    result = tasks[task](json.loads(raw))
    print(json.dumps(result), flush=True)


def peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def rss_mb(pid: int | None = None) -> float:
    import psutil

    return float(psutil.Process(pid or os.getpid()).memory_info().rss) / 2**20


# --- the local receiver, in its own process ------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class ReceiverProcess:
    base_url: str
    proc: subprocess.Popen[bytes]
    log: Path

    def accepted(self) -> int:
        """Posts answered 200 (the receiver prints one line per post)."""
        text = self.log.read_text(errors="replace")
        return sum(1 for line in text.splitlines() if line.split(" ")[1:2] == ["200"])


@contextlib.contextmanager
def receiver_process(workdir: Path, *, fault: str | None = None) -> Iterator[ReceiverProcess]:
    """`python -m zelto_spool receiver` on a free port, its output in a file (never a pipe:
    10,000 lines would fill it and stall the server)."""
    port = free_port()
    log = workdir / f"receiver-{port}.log"
    command = [PYTHON, "-m", "zelto_spool", "receiver", "--port", str(port)]
    if fault:
        command += ["--fault", fault]
    with log.open("wb") as out:
        proc = subprocess.Popen(
            command, stdout=out, stderr=subprocess.STDOUT, env=child_env(ZELTO_API_KEY=API_KEY)
        )
    try:
        deadline = time.monotonic() + 20
        while "zelto receiver on" not in log.read_text(errors="replace"):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise ChildError(f"receiver did not start:\n{log.read_text()[-2000:]}")
            time.sleep(0.02)
        yield ReceiverProcess(f"http://127.0.0.1:{port}", proc, log)
    finally:
        stop_process(proc)


def stop_process(proc: subprocess.Popen[Any], timeout: float = 10) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
