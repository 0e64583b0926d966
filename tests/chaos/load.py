"""Concurrency: many writer processes at once, and many threads of one process sharing a spool.

    python -m tests.chaos.load                       # 32 processes, then 32 threads
    python -m tests.chaos.load --processes 64 --per-process 50

Processes: each writer imports, opens the spool, says "ready" and waits for "go" on stdin,
so all of them enqueue at the same moment (with 20 KB transcripts) while a `zelto-spool run`
sidecar claims and delivers beside them. Threads: LiveKit's thread executor runs jobs as
threads of one process sharing the module-level `Forwarder` (so one `Spool` and one
connection); each thread runs a real text-mode session and `on_session_end`, released at once
by a barrier, against a flaky receiver. Both report enqueue latency percentiles (printed,
never asserted: the machine is shared) and everything the checks need.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.chaos.actors import ROOT, chaos_env
from tests.chaos.checks import percentile
from tests.chaos.workload import API_KEY, chaos_payload
from zelto_spool import Spool
from zelto_spool.payload import encode
from zelto_spool.testing.receiver import Receiver

TURNS_20KB = 130  # chaos_payload turns of ~150 bytes


@dataclass
class LoadResult:
    what: str
    calls: int = 0
    errors: list[str] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)
    elapsed_s: float = 0.0

    def summary(self) -> str:
        lat = self.latencies_ms
        return (
            f"load {self.what}: {self.calls} calls in {self.elapsed_s:.1f} s, "
            f"{len(self.errors)} errors; enqueue p50 {percentile(lat, 0.5):.2f} ms, "
            f"p99 {percentile(lat, 0.99):.2f} ms, max {max(lat, default=0.0):.1f} ms"
        )


def expected_bodies(prefix: str, processes: int, per_process: int) -> dict[str, bytes]:
    return {
        f"{prefix}-{p}-{i}": encode(chaos_payload(f"{prefix}-{p}-{i}", 1, TURNS_20KB))
        for p in range(processes)
        for i in range(per_process)
    }


def writer_main(spool_path: str, prefix: str, per_process: int) -> int:
    spool = Spool(spool_path)
    spool.stats()  # open and migrate before the start line
    bodies = [chaos_payload(f"{prefix}-{i}", 1, TURNS_20KB) for i in range(per_process)]
    print("ready", flush=True)
    if sys.stdin.readline().strip() != "go":
        return 2
    latencies = []
    for body in bodies:
        tick = time.perf_counter()
        spool.enqueue(body)
        latencies.append((time.perf_counter() - tick) * 1000)
    print(json.dumps(latencies), flush=True)
    return 0


def many_processes(
    spool_path: Path, env: dict[str, str], *, processes: int, per_process: int, prefix: str
) -> LoadResult:
    """Start `processes` writers, release them together, collect latencies and errors."""
    result = LoadResult(f"{processes} writer processes", calls=processes * per_process)
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.chaos.load",
                "writer",
                str(spool_path),
                f"{prefix}-{p}",
                str(per_process),
            ],
            env=env,
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for p in range(processes)
    ]
    try:
        for proc in procs:
            assert proc.stdout is not None
            line = proc.stdout.readline()  # blocks until this writer is connected
            if line.strip() != "ready":
                result.errors.append(f"writer did not start: {line!r}")
        started = time.monotonic()
        for proc in procs:
            assert proc.stdin is not None
            try:
                proc.stdin.write("go\n")
                proc.stdin.flush()
            except BrokenPipeError:  # it died before the start: its stderr says why
                pass
        for proc in procs:
            out, err = proc.communicate(timeout=300)
            if proc.returncode != 0 or err:
                result.errors.append(f"writer exited {proc.returncode}: {err[-2000:]}")
            else:
                result.latencies_ms += json.loads(out.strip().splitlines()[-1])
        result.elapsed_s = time.monotonic() - started
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    return result


class _Collect(logging.Handler):
    """Keeps the plugin's and the spool's log records (thread-safe: Handler locks)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def many_threads(spool_path: Path, receiver: Receiver, *, threads: int) -> LoadResult:
    """`threads` real sessions at once in one process, sharing one module-level Forwarder."""
    from livekit.plugins import zelto
    from tests.sessions import run_session

    result = LoadResult(f"{threads} job threads, one Forwarder", calls=threads)
    fw = zelto.Forwarder(
        agent_id="load-bot",
        spool_path=spool_path,
        base_url=receiver.base_url,
        api_key=API_KEY,
        call_id=zelto.job_id,
    )
    handler = _Collect()
    loggers = [logging.getLogger(name) for name in ("livekit.plugins.zelto", "zelto_spool")]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.addHandler(handler)
        lg.setLevel(logging.INFO)
    barrier = threading.Barrier(threads)

    def job(n: int) -> None:
        try:
            barrier.wait(timeout=60)
            asyncio.run(run_session(fw, job_id=f"thread-job-{n}"))
        except BaseException as exc:  # the assertion is that this list stays empty
            result.errors.append(f"job {n}: {exc!r}")

    workers = [threading.Thread(target=job, args=(n,)) for n in range(threads)]
    started = time.monotonic()
    try:
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(timeout=300)
    finally:
        result.elapsed_s = time.monotonic() - started
        for lg, level in zip(loggers, levels, strict=True):
            lg.removeHandler(handler)
            lg.setLevel(level)
        fw.spool.close()
    for record in handler.records:
        if record.getMessage() == "call spooled":
            result.latencies_ms.append(float(record.ms))  # type: ignore[attr-defined]
        elif record.levelno >= logging.ERROR:
            result.errors.append(f"{record.levelname} {record.getMessage()}")
    if len(result.latencies_ms) != threads:
        result.errors.append(f"{len(result.latencies_ms)} of {threads} calls spooled")
    return result


def drain_and_count(spool_path: Path, receiver: Receiver) -> tuple[bool, dict[str, Any]]:
    """A healthy drain of what the jobs could not send themselves; then the spool's counts."""
    from zelto_spool import DeliveryConfig
    from zelto_spool.delivery.flusher import Flusher

    receiver.set_fault(None)
    spool = Spool(spool_path)

    async def drain() -> bool:
        config = DeliveryConfig(base_url=receiver.base_url, api_key=API_KEY)
        async with Flusher(spool, config) as flusher:
            return (await flusher.drain(timeout=60)).ok

    try:
        return asyncio.run(drain()), spool.stats()
    finally:
        spool.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=32)
    parser.add_argument("--per-process", type=int, default=25)
    parser.add_argument("--threads", type=int, default=32)
    args = parser.parse_args(argv)
    failed = False
    with tempfile.TemporaryDirectory(prefix="zelto-load-") as tmp, Receiver(api_key=API_KEY) as r:
        spool_path = Path(tmp) / "procs" / "spool.db"
        Spool(spool_path).close()
        env = chaos_env(spool_path, r.base_url)
        sidecar = subprocess.Popen(
            [sys.executable, "-m", "zelto_spool", "run", "--log-level", "ERROR"],
            env=env, cwd=ROOT, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            result = many_processes(
                spool_path, env, processes=args.processes, per_process=args.per_process,
                prefix="load",
            )  # fmt: skip
            want = expected_bodies("load", args.processes, args.per_process)
            r.wait_for(lambda rec: len(rec.calls) >= len(want), timeout=120)
        finally:
            sidecar.terminate()
            sidecar.wait(timeout=30)
        got = dict(r.accepted)
        if got != want:
            result.errors.append(f"{len(set(want) - set(got))} calls not delivered exactly")
        print(result.summary())
        failed |= bool(result.errors)
        r.set_fault("flaky:0.2")
        threads_path = Path(tmp) / "threads" / "spool.db"
        threads = many_threads(threads_path, r, threads=args.threads)
        ok, stats = drain_and_count(threads_path, r)
        if not ok or stats["delivered"] != args.threads:
            threads.errors.append(f"after a drain: {stats}")
        print(threads.summary())
        failed |= bool(threads.errors)
        for error in result.errors + threads.errors:
            print("error:", error)
    return 1 if failed else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["writer"]:
        sys.exit(writer_main(sys.argv[2], sys.argv[3], int(sys.argv[4])))
    sys.exit(main())
