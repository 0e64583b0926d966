"""3. Drain: `Flusher.drain()` of a 20 KB backlog against a raw httpx loop, same receiver.

Each run gets a fresh receiver process and a fresh draining process; flusher and raw runs
alternate. The raw loop holds every body in memory before its clock starts (the most
favourable baseline: no storage at all), one `httpx.AsyncClient`, `concurrency` workers.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any

from common import (
    API_KEY,
    Goal,
    Section,
    Table,
    child_main,
    ms,
    peak_rss_mb,
    receiver_process,
    rss_mb,
    run_child,
    spread,
    summarize,
    transcript_payload,
    with_call_id,
)

from zelto_spool.store.home import mark_path

SCRIPT = Path(__file__)
CALL_BYTES = 20_000
RATE_GOAL = 0.8
CPU_GOAL = 1.2  # client CPU per call, against the raw httpx loop's
RSS_GOAL = 1.2
MAX_DRAIN_CALLS = 10_000
HEADERS = {
    "Authorization": f"Bearer {API_KEY}",
    "X-Zelto-Provider": "livekit",
    "Content-Type": "application/json",
    "User-Agent": "bench-raw-httpx",
}


def cpu_seconds() -> float:
    """User + system CPU of this process, all threads."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def task_build(args: dict[str, Any]) -> dict[str, Any]:
    """A spool with `n` pending calls of about 20 KB each."""
    from zelto_spool import Spool, prepare

    base = transcript_payload(CALL_BYTES)
    with Spool(args["db"]) as spool:
        for i in range(args["n"]):
            spool.enqueue_encoded(*prepare(with_call_id(base, f"call-{i:06d}")))
    return {"n": args["n"]}


def task_flusher(args: dict[str, Any]) -> dict[str, Any]:
    from zelto_spool import DeliveryConfig, Spool
    from zelto_spool.delivery.flusher import Flusher

    latencies: list[float] = []
    config = DeliveryConfig(base_url=args["url"], api_key=API_KEY, concurrency=args["concurrency"])
    spool = Spool(args["db"])
    flusher = Flusher(spool, config, hooks=[lambda _c, _o, latency: latencies.append(latency)])
    before = rss_mb()

    async def main() -> tuple[Any, float, int]:
        started = time.perf_counter()
        calls = 0
        while True:  # drain() once ended early with rows pending (fixed); counted to show it
            calls += 1
            report = await flusher.drain(timeout=None)
            if report.remaining == 0 or report.paused or calls >= MAX_DRAIN_CALLS:
                break
        elapsed = time.perf_counter() - started
        await flusher.aclose()
        return report, elapsed, calls

    cpu = cpu_seconds()
    report, elapsed, calls = asyncio.run(main())
    return {
        "elapsed": elapsed,
        "cpu": cpu_seconds() - cpu,
        "drain_calls": calls,
        "sent": report.delivered,
        "remaining": report.remaining,
        "outcomes": report.outcomes,
        "latencies": latencies,
        "rss_before": before,
        "peak_rss": peak_rss_mb(),
    }


def task_raw(args: dict[str, Any]) -> dict[str, Any]:
    import httpx

    with sqlite3.connect(f"file:{args['db']}?mode=ro", uri=True) as conn:
        rows = conn.execute("SELECT body FROM payloads ORDER BY call_rowid").fetchall()
    bodies = [bytes(row[0]) for row in rows]
    url = args["url"] + "/webhooks/calls"
    latencies: list[float] = []
    ok = 0

    async def main() -> float:
        nonlocal ok
        limits = httpx.Limits(
            max_connections=args["concurrency"], max_keepalive_connections=args["concurrency"]
        )
        async with httpx.AsyncClient(limits=limits, timeout=30) as client:
            queue = iter(bodies)

            async def worker() -> None:
                nonlocal ok
                for body in queue:
                    started = time.perf_counter()
                    answer = await client.post(url, content=body, headers=HEADERS)
                    latencies.append(time.perf_counter() - started)
                    ok += answer.status_code == 200 and b'"received":true' in answer.content

            started = time.perf_counter()
            await asyncio.gather(*(worker() for _ in range(args["concurrency"])))
            return time.perf_counter() - started

    cpu = cpu_seconds()
    elapsed = asyncio.run(main())
    return {
        "elapsed": elapsed,
        "cpu": cpu_seconds() - cpu,
        "sent": ok,
        "latencies": latencies,
        "peak_rss": peak_rss_mb(),
    }


IMPLS = {
    "flusher": "`Flusher.drain()`",
    "raw": "raw httpx loop, bodies in memory",
}


def _one(base: Path, template: Path, impl: str, concurrency: int, calls: int) -> dict[str, Any]:
    db = template
    args: dict[str, Any] = {"concurrency": concurrency}
    if impl != "raw":  # a fresh copy of the backlog: the drain changes it
        db = base / "draining.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        mark_path(db).unlink(missing_ok=True)  # the last run's generation side file
        shutil.copy(template, db)  # with its 0600: a spool others can read is refused
        # a new spool made from the backlog, not a copy of a spool in use: without its home
        # record it is not held as a copy (docs/operations.md, Backups and restores)
        with contextlib.closing(sqlite3.connect(db)) as conn, conn:
            conn.execute("DELETE FROM meta WHERE key = 'home'")
    with receiver_process(base) as receiver:
        task = "raw" if impl == "raw" else "flusher"
        result, _ = run_child(SCRIPT, task, {**args, "db": str(db), "url": receiver.base_url})
        result["accepted"] = receiver.accepted()
    if result["sent"] != calls or result["accepted"] != calls:
        raise RuntimeError(f"{impl}: sent {result['sent']}, accepted {result['accepted']}")
    result["rate"] = calls / result["elapsed"]
    result["cpu_per_call"] = result["cpu"] / calls
    return result


def _rate_cell(runs: list[dict[str, Any]]) -> tuple[float, str]:
    rate = summarize(r["rate"] for r in runs)
    return rate.p50, f"{rate.p50:,.0f} ({rate.lo:,.0f}–{rate.hi:,.0f}, n={rate.n})"


def run(plan: Any, base: Path) -> Section:
    section = Section(
        f"3. Drain ({plan.drain_calls:,} calls × 20 KB backlog, receiver in its own process)"
    )
    big, small = base / "backlog.db", base / "backlog-small.db"
    small_calls = max(plan.drain_calls // 10, 10)
    run_child(SCRIPT, "build", {"db": str(big), "n": plan.drain_calls})
    run_child(SCRIPT, "build", {"db": str(small), "n": small_calls})
    runs: dict[tuple[str, int], list[dict[str, Any]]] = {}
    order = list(IMPLS)
    for _ in range(plan.drain_repeats):  # interleaved, the order rotating between rounds
        for concurrency in plan.concurrencies:
            for impl in order:
                result = _one(base, big, impl, concurrency, plan.drain_calls)
                runs.setdefault((impl, concurrency), []).append(result)
            order = order[1:] + order[:1]
    rates = Table(
        [
            "concurrency",
            "client",
            "calls/s: median (min–max, n runs)",
            "vs raw",
            "client CPU per call",
            "CPU vs raw",
            "POST latency p50 / p99 (min–max, n) ms",
            "drain() calls",
        ],
        title="Throughput of the draining process against the same receiver",
    )
    worst = None
    worst_cpu = None
    for concurrency in plan.concurrencies:
        raw_rate, _ = _rate_cell(runs[("raw", concurrency)])
        raw_cpu = summarize(r["cpu_per_call"] for r in runs[("raw", concurrency)]).p50
        for impl, label in IMPLS.items():
            these = runs.get((impl, concurrency), [])
            if not these:
                continue
            rate, cell = _rate_cell(these)
            if impl == "flusher":
                worst = rate / raw_rate if worst is None else min(worst, rate / raw_rate)
            cpu = summarize(r["cpu_per_call"] for r in these)
            if impl == "flusher":
                ratio = cpu.p50 / raw_cpu
                worst_cpu = ratio if worst_cpu is None else max(worst_cpu, ratio)
            returns = [r.get("drain_calls", 0) for r in these]
            rates.add(
                concurrency,
                label,
                cell,
                f"{rate / raw_rate:.2f}×",
                f"{ms(cpu.p50)} ms",
                f"{cpu.p50 / raw_cpu:.2f}×",
                spread(summarize(x for r in these for x in r["latencies"])),
                "-" if impl == "raw" else f"{min(returns)}–{max(returns)}",
            )
            section.data[f"c{concurrency}-{impl}"] = [
                {k: v for k, v in r.items() if k != "latencies"} for r in these
            ]
    # memory: the same drain at the default concurrency, a 10× smaller backlog
    default_c = 8 if 8 in plan.concurrencies else plan.concurrencies[-1]
    small_run = _one(base, small, "flusher", default_c, small_calls)
    big_runs = runs[("flusher", default_c)]
    big_peak = max(r["peak_rss"] for r in big_runs)
    memory = Table(
        ["backlog", "RSS before drain", "peak RSS of the draining process"],
        title=f"Memory of the draining process (Flusher.drain, concurrency {default_c})",
    )
    memory.add(
        f"{small_calls:,}", f"{small_run['rss_before']:.0f} MB", f"{small_run['peak_rss']:.0f} MB"
    )
    memory.add(
        f"{plan.drain_calls:,}",
        f"{big_runs[0]['rss_before']:.0f} MB",
        f"{big_peak:.0f} MB (max of {len(big_runs)} runs)",
    )
    section.tables += [rates, memory]
    section.data["memory"] = {"small": small_run["peak_rss"], "big": big_peak}
    rss_ratio = big_peak / small_run["peak_rss"]
    section.notes += [
        "Every delivery is checked: the drain reports all calls delivered and the receiver "
        "logged as many 200 answers; a short count fails the run.",
        "`drain() calls`: how many `Flusher.drain(timeout=None)` calls it took to empty the "
        "spool; a race in the pump once ended drains early (fixed), so the benchmark keeps "
        "counting. The drain's time includes the claims and marks (SQLite, WAL; marks batched "
        "and not fsynced) and the final stats query; the raw loop's clock starts with every "
        "body already in memory.",
        "client CPU per call: user + system CPU of the draining process (all threads) over the "
        "drain, per call; less sensitive to a noisy machine than the rate. `CPU vs raw`: its "
        "median against the raw loop's median at the same concurrency.",
        "Client and receiver share the machine's cores: both are CPU-bound here, so this is "
        "the spool's relative cost at its worst, not Zelto's real rate (a remote endpoint is "
        "latency-bound).",
    ]
    section.goals += [
        Goal(
            f"drain ≥ {RATE_GOAL}× raw httpx rate (worst concurrency, median of runs)",
            f"{worst:.2f}×",
            worst is not None and worst >= RATE_GOAL,
        ),
        Goal(
            f"drain CPU per call ≤ {CPU_GOAL}× raw httpx (worst concurrency, median of runs)",
            f"{worst_cpu:.2f}×",
            worst_cpu is not None and worst_cpu <= CPU_GOAL,
        ),
        Goal(
            f"draining RSS flat: peak at {plan.drain_calls:,} / {small_calls:,} < {RSS_GOAL}×",
            f"{rss_ratio:.2f}× ({big_peak:.0f} / {small_run['peak_rss']:.0f} MB)",
            rss_ratio < RSS_GOAL,
        ),
    ]
    return section


if __name__ == "__main__":
    child_main({"build": task_build, "flusher": task_flusher, "raw": task_raw})
