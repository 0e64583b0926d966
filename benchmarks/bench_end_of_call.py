"""2. End of call: `fw.on_session_end(ctx)` against the snippet on Zelto's page.

Emulates LiveKit's forkserver: one "server" process imports livekit.agents and the plugin,
runs LiveKit's own preload and `gc.freeze()`, then forks one job process per sample. Each job
runs a real scripted text session, then the measured end-of-call step; the first call in a job
process is what a LiveKit job pays (one job per process), later ones what a thread-executor
process pays. Zelto is the local receiver (its own process) up, refusing connections (`down`)
or blackholed (`hang`: accepts, reads, never answers).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from common import (
    API_KEY,
    Goal,
    Section,
    Table,
    child_env,
    child_main,
    ms,
    receiver_process,
    run_child,
    spread,
    summarize,
)

SCRIPT = Path(__file__)
STATES = ("up", "down", "hang")
REFUSED_GOAL_S = 0.010


def _forked(job: Any, count: int, *, parallel: bool = False) -> list[dict[str, Any]]:
    """Run `job(i)` in `count` forked job processes; each returns a JSON-able dict."""

    def start(i: int) -> tuple[int, int]:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the job process
            os.close(read)
            try:
                result = job(i)
            except BaseException as exc:  # report, never fall back into the server's loop
                result = {"error": f"{type(exc).__name__}: {exc}"}
            os.write(write, json.dumps(result).encode())
            os._exit(0)
        os.close(write)
        return pid, read

    def finish(pid: int, read: int) -> dict[str, Any]:
        chunks = []
        while chunk := os.read(read, 65536):
            chunks.append(chunk)
        os.close(read)
        os.waitpid(pid, 0)
        return dict(json.loads(b"".join(chunks)))

    if parallel:
        started = [start(i) for i in range(count)]
        return [finish(pid, read) for pid, read in started]
    return [finish(*start(i)) for i in range(count)]


def task_server(args: dict[str, Any]) -> dict[str, Any]:
    """The forkserver emulation; returns elapsed lists per (impl, state, phase)."""
    import contextlib
    import gc
    import importlib

    with contextlib.suppress(ModuleNotFoundError):  # LiveKit's own warm-up (not in 1.8.0)
        importlib.import_module("livekit.agents.ipc._preload")
    from session_script import naive_forward, run_job

    from livekit.plugins import zelto  # the preloaded plugin, as in a worker
    from zelto_spool import Spool

    gc.collect()
    gc.freeze()  # what livekit.agents.ipc._preload_freeze does in the forkserver
    base = Path(args["dir"])
    results: dict[str, Any] = {}

    def forwarder_job(state: str, calls: int) -> Any:
        def job(i: int) -> dict[str, Any]:
            path = spool_path(base, state, i)
            fw = zelto.Forwarder(
                agent_id="support-bot",
                agent_name="Support Bot",
                spool_path=path,
                base_url=args["urls"][state],
                api_key=API_KEY,
                call_id=zelto.job_id,
                deliver_timeout_s=args["deliver_timeout_s"],
            )
            times = [asyncio.run(run_job(f"job-{i}-{k}", fw.on_session_end)) for k in range(calls)]
            spool = Spool(path)
            # `--rev` of a revision before `Spool.upkeep` (issue 21) has `Spool.rows`
            rows = spool.upkeep.rows() if hasattr(spool, "upkeep") else spool.rows()  # type: ignore[attr-defined]
            states = [row["state"] for row in rows]
            return {"times": [t for t, _ in times], "outcome": states}

        return job

    def naive_job(state: str, calls: int) -> Any:
        url = args["urls"][state] + "/webhooks/calls"

        def job(i: int) -> dict[str, Any]:
            def end(session: Any, ctx: Any) -> Any:
                return naive_forward(session, ctx.job.room.name, "support-bot", url)

            out = [
                asyncio.run(run_job(f"job-{i}-{k}", None, naive=end, cap=args["naive_cap"]))
                for k in range(calls)
            ]
            return {"times": [t for t, _ in out], "outcome": [o for _, o in out]}

        return job

    for state in args["states"]:
        for impl in args["impls"]:
            hang = state == "hang"
            if impl == "forwarder":
                forks, calls = (
                    (args["hang_forks"], 1) if hang else (args["forks"], 1 + args["warm"])
                )
                runs = _forked(forwarder_job(state, calls), forks)
            else:
                forks, calls = (
                    (args["naive_hang_runs"], 1) if hang else (args["forks"], 1 + args["warm"])
                )
                runs = _forked(naive_job(state, calls), forks, parallel=hang)
            errors = [r["error"] for r in runs if "error" in r]
            if errors:
                raise RuntimeError(f"{impl} {state}: {errors[0]}")
            results[f"{impl}-{state}"] = {
                "cold": [r["times"][0] for r in runs],
                "warm": [t for r in runs for t in r["times"][1:]],
                "outcome": [o for r in runs for o in r["outcome"]],
            }
    return results


def _outcome(values: list[str]) -> str:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return ", ".join(f"{k} {v}/{len(values)}" for k, v in sorted(counts.items()))


def spool_path(base: Path, state: str, i: int) -> Path:
    return base / f"{state}-{i}.db"


@contextlib.contextmanager
def held_spools(base: Path, plan: Any) -> Iterator[None]:
    """Create every job's spool file (schema included) and hold each open from this
    process, as a running sidecar does: a job process never creates the file or its WAL."""
    from zelto_spool import Spool

    holders = []
    try:
        for state in STATES:
            count = plan.eoc_hang_forks if state == "hang" else plan.eoc_forks
            for i in range(count):
                path = spool_path(base, state, i)
                with Spool(path) as spool:
                    spool.open()
                holder = sqlite3.connect(path)
                holder.execute("SELECT count(*) FROM sqlite_master").fetchone()
                holders.append(holder)
        yield
    finally:
        for holder in holders:
            holder.close()


def run(plan: Any, base: Path) -> Section:
    section = Section("2. End of call (`on_session_end` wall time vs the naive snippet)")
    with (
        held_spools(base, plan),
        receiver_process(base) as up,
        receiver_process(base, fault="down") as down,
        receiver_process(base, fault="hang") as hang,
    ):
        common = {
            "dir": str(base),
            "urls": {"up": up.base_url, "down": down.base_url, "hang": hang.base_url},
            "deliver_timeout_s": plan.deliver_timeout_s,
            "naive_cap": plan.naive_cap,
            "forks": plan.eoc_forks,
            "warm": plan.eoc_warm,
            "hang_forks": plan.eoc_hang_forks,
            "naive_hang_runs": plan.naive_hang_runs,
        }
        env = child_env(LIVEKIT_AGENTS_PRELOAD_LOCAL_INFERENCE="0", ZELTO_API_KEY=API_KEY)
        main, _ = run_child(
            SCRIPT,
            "server",
            {**common, "states": STATES, "impls": ("forwarder", "naive")},
            env=env,
        )
    table = Table(
        [
            "Zelto",
            "what runs at end of call",
            "first call in a job process",
            "later calls in the process",
            "outcome",
        ],
        title="Wall time of the end-of-call step: p50 / p99 (min–max, n) in ms",
    )
    names = {
        "forwarder": "`fw.on_session_end` (spool, then send)",
        "naive": "Zelto's snippet (aiohttp POST)",
    }
    labels = {"up": "up", "down": "refusing", "hang": "blackholed"}
    for state in STATES:
        rows = [("forwarder", main[f"forwarder-{state}"]), ("naive", main[f"naive-{state}"])]
        for impl, data in rows:
            cold, warm = summarize(data["cold"]), summarize(data["warm"])
            capped = impl == "naive" and state == "hang"
            table.add(
                labels[state],
                names[impl],
                f"> {plan.naive_cap:g} s cap (n={cold.n})" if capped else spread(cold),
                "-" if capped else spread(warm),
                _outcome(data["outcome"]),
            )
    section.tables.append(table)
    section.data = {"main": main}
    refused_cold = summarize(main["forwarder-down"]["cold"])
    refused_warm = summarize(main["forwarder-down"]["warm"])
    blackholed = summarize(main["forwarder-hang"]["cold"])
    section.notes += [
        f"Deliver-now budget `deliver_timeout_s={plan.deliver_timeout_s:g}` s"
        + ("" if plan.deliver_timeout_s == 5.0 else " (smaller than the default 5 s in this mode)")
        + f"; the naive snippet's blackholed run is capped at {plan.naive_cap:g} s with "
        "`asyncio.wait_for`: aiohttp's default total timeout is 300 s, and LiveKit kills a job "
        "process 10 s into shutdown.",
        "Each job process gets its own spool file, created beforehand and held open by another "
        "process (as a running sidecar does), so there are no leftovers to drain.",
        "The snippet is Zelto's page verbatim except the URL and one guard: as published it "
        "reads `item.text_content` on every history item, and `AgentHandoff` (the first item of "
        "every LiveKit 1.8 session) has none, so it raises `AttributeError` before posting. "
        "Here it skips items without `text_content`. It has no error handling: refused "
        "connections raise into the shutdown callback, and the call is lost.",
        "Each call runs in its own `asyncio.run`, as each job of LiveKit's thread executor has "
        "a loop of its own: a later call reuses the process's spool connection but opens its "
        "loop's HTTP client and connection (calls on one loop share them).",
        "Sessions: a scripted text-mode `AgentSession` (9 user turns, a tool call), run in a job "
        "process forked from a process that imported livekit.agents and the plugin and ran "
        "LiveKit's `ipc._preload` (local inference models off) and `gc.freeze()`.",
    ]
    section.goals += [
        Goal(
            "refusing: on_session_end < 10 ms (first call in a job process, p50)",
            f"{ms(refused_cold.p50)} ms (p99 {ms(refused_cold.p99)})",
            refused_cold.p50 < REFUSED_GOAL_S,
        ),
        Goal(
            "refusing: on_session_end < 10 ms (later calls in a process, p50)",
            f"{ms(refused_warm.p50)} ms (p99 {ms(refused_warm.p99)})",
            refused_warm.p50 < REFUSED_GOAL_S,
        ),
        Goal(
            f"blackholed: on_session_end ≤ deliver_timeout_s ({plan.deliver_timeout_s:g} s, max)",
            f"{blackholed.hi:.3f} s (p50 {blackholed.p50:.3f} s)",
            blackholed.hi <= plan.deliver_timeout_s,
        ),
    ]
    return section


if __name__ == "__main__":
    child_main({"server": task_server})
