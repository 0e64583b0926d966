"""The moving parts of a chaos run: restartable processes, the receiver's fault cycle, and job
processes that are started on schedule and killed mid-call."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from tests.chaos.workload import API_KEY
from zelto_spool.testing.receiver import Receiver

if TYPE_CHECKING:
    from tests.chaos.harness import ChaosConfig

ROOT = Path(__file__).resolve().parents[2]

# receiver modes and how often each comes up; "slow:0.05" is a healthy Zelto 50 ms away
FAULTS: list[tuple[str, int]] = [
    ("slow:0.05", 5),
    ("down", 2),
    ("5xx:503", 1),
    ("429:1", 1),
    ("hang", 1),
    ("flaky:0.3", 2),
    ("slow:0.4", 1),
]


class Process:
    """A restartable child process with its output appended to one log file."""

    def __init__(self, args: list[str], env: dict[str, str], log: Path) -> None:
        self.args, self.env, self.log = args, env, log
        self.proc: subprocess.Popen[bytes] | None = None
        self.starts = 0
        self.offset = 0  # where the current incarnation's output begins in the log

    def start(self) -> None:
        with open(self.log, "ab") as out:
            self.offset = out.tell()
            self.proc = subprocess.Popen(
                self.args, env=self.env, cwd=ROOT, stdout=out, stderr=out, stdin=subprocess.DEVNULL
            )
        self.starts += 1

    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill(self) -> None:
        if self.proc is not None:
            if self.proc.poll() is None:
                self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()


class JobDriver:
    """Starts job processes on schedule and SIGKILLs some of them mid-call."""

    def __init__(
        self, config: ChaosConfig, rng: random.Random, workdir: Path, env: dict[str, str]
    ) -> None:
        self.workdir, self.env = workdir, env
        self.calls: dict[str, tuple[int, Path]] = {}  # call id -> (turns, its output file)
        self.killed: set[str] = set()
        self.procs: dict[str, subprocess.Popen[bytes]] = {}
        self.events: list[tuple[float, int, str, str, float]] = []
        for i in range(config.jobs):
            call_id = f"chaos-{config.seed}-job-{i:03d}"
            turns = rng.randint(*config.job_turns)
            gap = rng.uniform(*config.job_gap_s)
            at = rng.uniform(0.0, 0.8 * config.duration_s)
            self.calls[call_id] = (turns, workdir / f"{call_id}.out")
            self.events.append((at, 0, "start", call_id, gap))
            if rng.random() < config.job_kill_share:
                self.events.append(
                    (at + rng.uniform(0.2, 1.0) * turns * gap, 1, "kill", call_id, 0)
                )
        self.events.sort()
        self._thread = threading.Thread(target=self._loop, name="chaos-jobs", daemon=True)
        self._stop = threading.Event()
        self.start_at = 0.0

    def start(self, start_at: float) -> None:
        self.start_at = start_at
        self._thread.start()

    def done(self) -> bool:
        return not self._thread.is_alive() and all(
            p.poll() is not None for p in self.procs.values()
        )

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=30)
        for proc in self.procs.values():
            if proc.poll() is None:
                proc.kill()
            proc.wait()

    def _loop(self) -> None:
        for at, _, what, call_id, gap in self.events:
            if self._stop.wait(max(0.0, self.start_at + at - time.time())):
                return
            if what == "start":
                turns, out = self.calls[call_id]
                with open(out, "wb") as fh:
                    self.procs[call_id] = subprocess.Popen(
                        [sys.executable, "-m", "tests.chaos.workload", "job", call_id,
                         str(turns), f"{gap:.3f}"],
                        env=self.env, cwd=ROOT, stdout=fh, stderr=fh, stdin=subprocess.DEVNULL,
                    )  # fmt: skip
            elif self.procs[call_id].poll() is None:
                self.procs[call_id].kill()
                self.procs[call_id].wait()
                self.killed.add(call_id)


def chaos_env(spool_path: Path, base_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZELTO_")}
    env.update(
        ZELTO_SPOOL_PATH=str(spool_path),
        ZELTO_BASE_URL=base_url,
        ZELTO_API_KEY=API_KEY,
        PYTHONWARNINGS="error",
    )
    return env


class FaultCycler:
    """Switches the receiver's fault mode at random moments until stopped (then healthy)."""

    def __init__(self, receiver: Receiver, rng: random.Random, period: tuple[float, float]) -> None:
        self.receiver, self.rng, self.period = receiver, rng, period
        self.switches: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="chaos-faults", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=30)
        self.receiver.set_fault(None)

    def _loop(self) -> None:
        modes, weights = zip(*FAULTS, strict=True)
        while not self._stop.is_set():
            mode = self.rng.choices(modes, weights)[0]
            self.receiver.set_fault(mode)
            self.switches.append(mode)
            self._stop.wait(self.rng.uniform(*self.period))
