"""Benchmarks: what the plugin costs a LiveKit job, and how fast a backlog drains.

    python benchmarks/run.py            # full mode, several minutes
    python benchmarks/run.py --quick    # under a minute, smaller samples
    python benchmarks/run.py --smoke    # a few seconds: checks the harness end to end

Prints markdown tables: every measurement against the baseline a user would otherwise use,
run in the same invocation on the same machine, as ratios, with p50 / p99 and min–max.
Machines are noisy: compare ratios, not absolute numbers across runs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import bench_contention
import bench_drain
import bench_end_of_call
import bench_enqueue
import bench_imports
import bench_redaction
import bench_snapshots
import machine
from common import Section, Table


@dataclass(frozen=True, kw_only=True)
class Plan:
    name: str
    sizes: tuple[int, ...] = (2_000, 20_000, 200_000)
    warm_n: int  # enqueues per variant in one warm process
    once_n: int  # fresh processes per variant, size and holder setting
    eoc_forks: int  # job processes per state (up, down)
    eoc_warm: int  # later calls in the same job process
    eoc_hang_forks: int
    deliver_timeout_s: float
    naive_cap: float
    naive_hang_runs: int
    drain_calls: int
    drain_repeats: int
    concurrencies: tuple[int, ...] = (4, 8)
    writers: int = 32
    writer_calls: int
    writer_sizes: tuple[int, ...] = (20_000,)
    import_runs: int
    sidecar_settle: float
    extras: bool = True  # emulated fixes, -X importtime, reference imports (full mode)


PLANS = {
    "smoke": Plan(
        name="smoke",
        sizes=(2_000,),
        warm_n=10,
        once_n=1,
        eoc_forks=1,
        eoc_warm=1,
        eoc_hang_forks=1,
        deliver_timeout_s=0.3,
        naive_cap=0.5,
        naive_hang_runs=1,
        drain_calls=40,
        drain_repeats=1,
        concurrencies=(4,),
        writers=4,
        writer_calls=2,
        import_runs=1,
        sidecar_settle=0.5,
        extras=False,
    ),
    "quick": Plan(
        name="quick",
        warm_n=200,
        once_n=4,
        eoc_forks=5,
        eoc_warm=2,
        eoc_hang_forks=1,
        deliver_timeout_s=1.0,
        naive_cap=1.5,
        naive_hang_runs=1,
        drain_calls=1_500,
        drain_repeats=1,
        writer_calls=3,
        import_runs=3,
        sidecar_settle=1.5,
        extras=False,
    ),
    "full": Plan(
        name="full",
        warm_n=2_000,
        once_n=40,
        eoc_forks=40,
        eoc_warm=5,
        eoc_hang_forks=5,
        deliver_timeout_s=5.0,
        naive_cap=40.0,
        naive_hang_runs=3,
        drain_calls=10_000,
        drain_repeats=3,
        writer_calls=10,
        writer_sizes=(20_000, 200_000),
        import_runs=10,
        sidecar_settle=5.0,
    ),
}

SECTIONS = {
    "enqueue": bench_enqueue.run,
    "end-of-call": bench_end_of_call.run,
    "drain": bench_drain.run,
    "contention": bench_contention.run,
    "imports": bench_imports.run,
    "snapshots": bench_snapshots.run,
    "redaction": bench_redaction.run,
}


def goals_table(sections: list[Section]) -> Table:
    table = Table(["goal", "measured", "verdict"], title="Goals")
    for section in sections:
        for goal in section.goals:
            verdict = "no target" if goal.met is None else ("met" if goal.met else "MISSED")
            table.add(goal.name, goal.measured, verdict)
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="under a minute, smaller samples")
    mode.add_argument("--smoke", action="store_true", help="a few seconds, harness check only")
    parser.add_argument("--only", choices=list(SECTIONS), action="append", help="run a section")
    parser.add_argument("--dir", type=Path, help="where spool files go (default: a temp dir)")
    parser.add_argument("--json", type=Path, help="also write the raw numbers here")
    parser.add_argument("--rev", help="benchmark this git revision instead of the working tree")
    options = parser.parse_args(argv)
    plan = PLANS["smoke" if options.smoke else "quick" if options.quick else "full"]
    base = Path(tempfile.mkdtemp(prefix="zelto-bench-", dir=options.dir))
    started = time.monotonic()
    try:
        rev = machine.use_revision(options.rev, base / "code") if options.rev else None
        machine.cache_bytecode(base / "pycache")
        described = machine.describe(base, rev)
        print(f"## Benchmarks ({plan.name} mode)\n")
        print("\n".join(f"- {k}: {v}" for k, v in described) + "\n", flush=True)
        sections = []
        for name, run in SECTIONS.items():
            if options.only and name not in options.only:
                continue
            section_dir = base / name
            section_dir.mkdir()
            section_started = time.monotonic()
            section = run(plan, section_dir)
            sections.append(section)
            print(section.markdown(), flush=True)
            print(f"_({time.monotonic() - section_started:.0f} s)_\n", flush=True)
            shutil.rmtree(section_dir, ignore_errors=True)
        print(goals_table(sections).markdown() + "\n")
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        print(
            f"_{plan.name} mode, {time.monotonic() - started:.0f} s in all; load average "
            f"at the end: {load}._"
        )
        if options.json:
            options.json.write_text(
                json.dumps(
                    {
                        "plan": asdict(plan),
                        "machine": dict(described),
                        "sections": {s.title: s.data for s in sections},
                    },
                    indent=1,
                )
            )
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
