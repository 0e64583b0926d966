"""Chaos run: prove that no call is lost while Zelto misbehaves and the sidecar is `kill -9`ed.

    python -m tests.chaos.harness            # quick mode (what CI runs), ~30 s
    python -m tests.chaos.harness --long     # >= 60 kills over ~5 minutes
    python -m tests.chaos.harness --seed 123 --json result.json

Writer processes spool calls and newer versions of them (see `workload`), some sending their
own call right away as a job process does. Meanwhile the receiver cycles through up / down /
503 / 429 with Retry-After / hang / flaky / slow, the `zelto-spool run` sidecar is killed with
SIGKILL at random moments (half of them while a POST is in flight) and restarted, and
`zelto-spool drain` processes join in and are killed too. At the end the receiver is healthy,
the sidecar gets SIGTERM, and a final `zelto-spool drain` runs. Then the checks:

- lost: a call whose newest version never reached the receiver (exact bytes compared);
- regressions: an accepted POST whose version is lower than one accepted before it;
- the spool: nothing pending, in flight or dead; each row's version is its number of enqueues;
- no writer error, no traceback, SIGTERM exits 0, the final drain exits 0.

Figures: duplicate POSTs (accepted more than once for the same version), max and p99 delay
from the enqueue of a call's newest version to its acceptance, enqueue latency percentiles.
The seed fixes the schedule (calls, versions, writers, faults, kill times); the interleaving
of real processes still varies from run to run.
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from tests.chaos.actors import ROOT, FaultCycler, JobDriver, Process, chaos_env
from tests.chaos.checks import ChaosResult, Recorder, check, check_jobs, inflight_of
from tests.chaos.workload import API_KEY
from zelto_spool import Spool
from zelto_spool.testing.receiver import Receiver

__all__ = ["LONG", "QUICK", "ROOT", "ChaosConfig", "ChaosResult", "main", "run"]


@dataclass(frozen=True, kw_only=True)
class ChaosConfig:
    seed: int
    calls: int = 60
    max_versions: int = 4
    writers: int = 6
    duration_s: float = 18.0
    min_kills: int = 10
    kill_gap_s: tuple[float, float] = (0.3, 2.5)
    restart_gap_s: tuple[float, float] = (0.0, 0.4)
    fault_period_s: tuple[float, float] = (0.5, 3.0)
    big_share: float = 0.03  # calls with a ~120 KB transcript
    deliver_share: float = 0.3  # enqueues followed by the writer's own send, as in a job
    drainer_share: float = 0.2  # kill moments at which a `zelto-spool drain` joins in
    jobs: int = 10  # job processes with live snapshots (one call each)
    job_kill_share: float = 0.5  # of them SIGKILLed mid-call
    job_turns: tuple[int, int] = (3, 20)
    job_gap_s: tuple[float, float] = (0.05, 0.3)  # between turns
    total_timeout_s: float = 2.0  # per attempt; a lease is this + 30 s
    budget: float = 1.0  # a writer's own send budget
    concurrency: int = 4


QUICK = ChaosConfig(seed=0)
LONG = ChaosConfig(
    seed=0,
    calls=1000,
    max_versions=6,
    writers=16,
    duration_s=300.0,
    min_kills=60,
    kill_gap_s=(0.5, 7.0),
    jobs=80,
)


def _schedule(config: ChaosConfig, rng: random.Random) -> tuple[list[list[dict]], dict]:
    """Touches per writer, sorted by time, and the transcript length of every call."""
    scripts: list[list[dict]] = [[] for _ in range(config.writers)]
    turns: dict[str, int] = {}
    span = config.duration_s
    for index in range(config.calls):
        call_id = f"chaos-{config.seed}-{index:05d}"
        turns[call_id] = 800 if rng.random() < config.big_share else rng.randint(1, 30)
        at = rng.uniform(0.0, 0.7 * span)
        for _ in range(rng.randint(1, config.max_versions)):
            scripts[rng.randrange(config.writers)].append(
                {
                    "call": call_id,
                    "index": index,
                    "at": round(at, 3),
                    "turns": turns[call_id],
                    "deliver": rng.random() < config.deliver_share,
                }
            )
            # half the follow-ups come at once (an enrichment right after the call, likely while
            # the previous version is in flight), the others later
            gap = rng.uniform(0.0, 0.15) if rng.random() < 0.5 else rng.expovariate(10.0 / span)
            at = min(0.95 * span, at + gap)
    for script in scripts:
        script.sort(key=lambda t: t["at"])
    return scripts, turns


def run(
    config: ChaosConfig, workdir: Path, *, mode: str = "quick", echo: bool = True
) -> ChaosResult:
    """One chaos run in `workdir`; returns the figures and the problems found (none: passed)."""
    say = print if echo else (lambda *_a, **_k: None)
    result = ChaosResult(seed=config.seed, mode=mode, calls=config.calls)
    say(f"chaos: seed {config.seed} ({mode}), workdir {workdir}", flush=True)
    started = time.monotonic()
    schedule_rng = random.Random(f"{config.seed}:schedule")
    kill_rng = random.Random(f"{config.seed}:kills")
    fault_rng = random.Random(f"{config.seed}:faults")
    spool_path = workdir / "spool" / "spool.db"
    counters = workdir / "counters"
    counters.mkdir(parents=True)
    scripts, turns = _schedule(config, schedule_rng)

    recorder = Recorder()
    receiver = Receiver(api_key=API_KEY, seed=config.seed, on_post=recorder).start()
    env = chaos_env(spool_path, receiver.base_url)
    timeout = str(config.total_timeout_s)
    sidecar = Process(
        [sys.executable, "-m", "zelto_spool", "run", "--total-timeout", timeout,
         "--concurrency", str(config.concurrency), "--poll-interval", "1s"],
        env,
        workdir / "sidecar.log",
    )  # fmt: skip
    drainer = Process(
        [sys.executable, "-m", "zelto_spool", "drain", "-q", "--timeout", "3s",
         "--total-timeout", timeout],
        env,
        workdir / "drainers.log",
    )  # fmt: skip
    writers: list[subprocess.Popen[bytes]] = []
    faults = FaultCycler(receiver, fault_rng, config.fault_period_s)
    jobs = JobDriver(config, random.Random(f"{config.seed}:jobs"), workdir, env)
    pacing = threading.Event()  # never set: an interruptible wait for the chaos schedule
    try:
        Spool(spool_path).close()  # create the directory and file once, before the crowd
        sidecar.start()
        start = time.time() + 1.0  # writers import and connect first
        for i, touches in enumerate(scripts):
            script = {
                "spool": str(spool_path),
                "base_url": receiver.base_url,
                "counters": str(counters),
                "start": start,
                "total_timeout_s": config.total_timeout_s,
                "budget": config.budget,
                "touches": touches,
            }
            path = workdir / f"writer-{i}.json"
            path.write_text(json.dumps(script))
            with open(workdir / f"writer-{i}.err", "wb") as err:
                writers.append(
                    subprocess.Popen(
                        [
                            sys.executable,
                            "-m",
                            "tests.chaos.workload",
                            str(path),
                            str(workdir / f"writer-{i}.jsonl"),
                        ],
                        env=env,
                        cwd=ROOT,
                        stdout=err,
                        stderr=err,
                        stdin=subprocess.DEVNULL,
                    )  # fmt: skip
                )
        faults.start()
        jobs.start(start)

        def in_flight(r: Receiver) -> bool:
            return len(r.posts) > recorder.completed

        chaos_end = start + config.duration_s
        while not (
            time.time() >= chaos_end
            and result.kills >= config.min_kills
            and all(w.poll() is not None for w in writers)
            and jobs.done()
        ):
            gap = kill_rng.uniform(*config.kill_gap_s)
            if kill_rng.random() < 0.5:
                receiver.wait_for(in_flight, timeout=gap)
            else:
                pacing.wait(gap)
            pid = sidecar.proc.pid if sidecar.proc is not None else 0
            sidecar.kill()
            result.kills += 1
            if inflight_of(spool_path, pid):
                result.kills_orphaning += 1
            if drainer.running() and kill_rng.random() < 0.5:
                drainer.kill()
                result.drainers_killed += 1
            elif not drainer.running() and kill_rng.random() < config.drainer_share:
                drainer.kill()  # reap the one that finished
                drainer.start()
            pacing.wait(kill_rng.uniform(*config.restart_gap_s))
            sidecar.start()

        faults.stop()
        result.fault_switches = len(faults.switches)
        jobs.stop()
        result.jobs, result.jobs_killed = len(jobs.calls), len(jobs.killed)
        for i, writer in enumerate(writers):
            if writer.wait() != 0 or (workdir / f"writer-{i}.err").read_bytes():
                err = (workdir / f"writer-{i}.err").read_text(errors="replace")[-2000:]
                result.problems.append(f"writer {i} exited {writer.returncode}: {err}")
        if drainer.proc is not None:
            drainer.proc.wait(timeout=60)
        result.drainers = drainer.starts
        _stop_gracefully(sidecar, result)
        final = subprocess.run(
            [sys.executable, "-m", "zelto_spool", "drain", "-q", "--timeout", "180s",
             "--total-timeout", timeout],
            env=env, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
        if final.returncode != 0:
            result.problems.append(f"final drain exited {final.returncode}: {final.stdout}")
        result.sidecar_starts = sidecar.starts
        check(result, workdir, spool_path, turns, recorder, receiver)
        check_jobs(result, jobs, spool_path, recorder)
    finally:
        faults.stop()
        jobs.stop()
        for proc in writers:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        sidecar.kill()
        drainer.kill()
        receiver.stop()
    result.duration_s = time.monotonic() - started
    say(result.summary(), flush=True)
    return result


def _stop_gracefully(sidecar: Process, result: ChaosResult) -> None:
    """SIGTERM once the last sidecar is up (a signal during startup is not the test)."""
    deadline = time.monotonic() + 30
    while b"sidecar started" not in sidecar.log.read_bytes()[sidecar.offset :]:
        if time.monotonic() > deadline or not sidecar.running():
            result.problems.append("the last sidecar did not start")
            return
        threading.Event().wait(0.05)  # polling with a deadline
    assert sidecar.proc is not None
    sidecar.proc.send_signal(signal.SIGTERM)
    code = sidecar.proc.wait(timeout=30)
    if code != 0:
        result.problems.append(f"sidecar exited {code} on SIGTERM")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--long", action="store_true", help=">= 60 kills over ~5 minutes")
    parser.add_argument("--seed", type=int, help="default: random (printed)")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**31)
    config = replace(LONG if args.long else QUICK, seed=seed)
    workdir = Path(tempfile.mkdtemp(prefix="zelto-chaos-"))
    result = run(config, workdir, mode="long" if args.long else "quick")
    if args.json:
        args.json.write_text(json.dumps(asdict(result), indent=2) + "\n")
    if result.problems or args.keep:
        print(f"chaos: work directory kept at {workdir}")
    else:
        import shutil

        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if result.problems else 0


if __name__ == "__main__":
    sys.exit(main())
