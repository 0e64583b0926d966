"""5. Import cost and the sidecar's idle footprint.

Imports are timed inside fresh processes (`perf_counter` around the import statement), the
plugin after `livekit.agents` is already imported (what it adds to a worker). `-X importtime`
shows where the time goes, summed per top-level package. The sidecar's RSS, CPU and wake-ups
are read with psutil once it has settled with an empty spool: `run`, `run --listen`, and
`run --listen` with LiveKit webhook keys (60 s each in the full run).
"""

from __future__ import annotations

import importlib
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psutil
from common import (
    API_KEY,
    PYTHON,
    Goal,
    Section,
    Table,
    child_env,
    child_main,
    ms,
    receiver_process,
    run_child,
    spread,
    stop_process,
    summarize,
)

SCRIPT = Path(__file__)
CASES = [
    ("zelto_spool", [], "`import zelto_spool` (its names load on first use)"),
    (
        "zelto_spool.testing.pytest_plugin",
        ["pytest"],
        "`import zelto_spool.testing.pytest_plugin` after pytest (every pytest session)",
    ),
    ("httpx", [], "`import httpx` alone (for comparison)"),
    ("livekit.agents", [], "`import livekit.agents` (the worker itself)"),
    (
        "livekit.plugins.zelto",
        ["livekit.agents"],
        "`import livekit.plugins.zelto` after livekit.agents",
    ),
]


def task_import(args: dict[str, Any]) -> dict[str, Any]:
    for name in args["before"]:
        importlib.import_module(name)
    loaded = len(sys.modules)
    started = time.perf_counter()
    importlib.import_module(args["module"])
    return {"s": time.perf_counter() - started, "modules": len(sys.modules) - loaded}


def importtime_by_package(module: str, before: list[str], top: int = 5) -> str:
    """Self time of what `import module` loads (after `before`), summed per top-level package."""
    code = "".join(f"import {name}; " for name in before) + f"import {module}"
    done = subprocess.run(
        [PYTHON, "-X", "importtime", "-c", code], capture_output=True, text=True, check=True
    )
    rows = []  # (self µs, name, is a top-level import)
    for line in done.stderr.splitlines():
        parts = line.split("|")
        if len(parts) != 3 or not parts[0].split(":")[-1].strip().isdigit():
            continue  # the header, or another line on stderr
        rows.append((int(parts[0].split(":")[-1]), parts[2].strip(), not parts[2][1:2].isspace()))
    if before:  # keep what was imported after the last `before` module finished
        cut = max(
            i for i, (_, name, top_level) in enumerate(rows) if top_level and name == before[-1]
        )
        rows = rows[cut + 1 :]
    per_package: dict[str, int] = {}
    for self_us, name, _ in rows:
        package = name.split(".")[0]
        per_package[package] = per_package.get(package, 0) + self_us
    ranked = sorted(per_package.items(), key=lambda kv: -kv[1])[:top]
    return ", ".join(f"{name} {us / 1000:.0f}" for name, us in ranked)


IDLE_CPU_GOAL = 0.001  # of a core
IDLE_RSS_GOAL_MIB = 40
IDLE_WINDOW_FULL_S = 60.0
SIDECARS = [  # label, extra arguments, LiveKit webhook keys
    ("run", (), False),
    ("run --listen 127.0.0.1:0", ("--listen", "127.0.0.1:0"), False),
    ("run --listen, LiveKit webhooks on", ("--listen", "127.0.0.1:0"), True),
]


def sidecar_idle(
    base: Path, settle: float, window: float, args: tuple[str, ...], webhooks: bool
) -> dict[str, float]:
    """RSS, USS, CPU and wake-ups of an idle `zelto-spool run` over `window` seconds."""
    db = base / f"idle{len(args)}{int(webhooks)}.db"
    with receiver_process(base) as receiver:
        env = child_env(ZELTO_API_KEY=API_KEY, ZELTO_BASE_URL=receiver.base_url)
        for name in ("LIVEKIT_API_KEY", "LIVEKIT_API_SECRET"):
            env.pop(name, None)
        if webhooks:
            env.update(LIVEKIT_API_KEY="APIbench", LIVEKIT_API_SECRET="s" * 32)
        proc = subprocess.Popen(
            [PYTHON, "-m", "zelto_spool", "--spool", str(db), "run", "--log-level", "WARNING"]
            + list(args),
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            process = psutil.Process(proc.pid)
            time.sleep(settle)  # started, spool created, first looks done
            cpu_before, wall_before = sum(process.cpu_times()[:2]), time.monotonic()
            switches_before = sum(process.num_ctx_switches())
            time.sleep(window)
            wall = time.monotonic() - wall_before
            cpu = sum(process.cpu_times()[:2]) - cpu_before
            switches = sum(process.num_ctx_switches()) - switches_before
            info = process.memory_full_info()
            return {
                "rss": info.rss / 2**20,
                "uss": info.uss / 2**20,
                "cpu_share": cpu / wall,
                "wakeups": switches / wall,
                "threads": process.num_threads(),
            }
        finally:
            stop_process(proc)


def run(plan: Any, base: Path) -> Section:
    section = Section("5. Import cost and the idle sidecar")
    table = Table(
        ["import", "time: p50 / p99 (min–max, n) ms", "modules", "self time by package, ms"],
        title="Imports, each in a fresh process",
    )
    for module, before, label in CASES:
        if not plan.extras and module in ("httpx", "livekit.agents"):
            continue  # --quick / --smoke: only what the plugin itself costs
        samples = [
            run_child(SCRIPT, "import", {"module": module, "before": before})[0]
            for _ in range(plan.import_runs)
        ]
        table.add(
            label,
            spread(summarize(s["s"] for s in samples)),
            samples[0]["modules"],
            importtime_by_package(module, before) if plan.extras and module != "httpx" else "",
        )
        section.data[module] = [s["s"] for s in samples]
    window = IDLE_WINDOW_FULL_S if plan.extras else plan.sidecar_settle
    sidecar = Table(
        ["command", "RSS", "USS", "CPU while idle", "wake-ups", "threads"],
        title=f"`zelto-spool run` at idle (empty spool, over {window:g} s)",
    )
    for label, args, webhooks in SIDECARS:
        idle = sidecar_idle(base, plan.sidecar_settle, window, args, webhooks)
        sidecar.add(
            f"`{label}`",
            f"{idle['rss']:.1f} MiB",
            f"{idle['uss']:.1f} MiB",
            f"{idle['cpu_share'] * 100:.3f} % of a core",
            f"{idle['wakeups']:.1f} /s",
            f"{idle['threads']:.0f}",
        )
        section.data[
            "sidecar_webhooks" if webhooks else "sidecar_listen" if args else "sidecar"
        ] = idle
    section.tables += [table, sidecar]
    section.notes += [
        "Idle CPU and wake-ups (context switches, all threads) over the window from psutil; "
        "CPU time is counted in 10 ms ticks, so short windows read 0 or one tick.",
        "LiveKit's forkserver imports registered plugins once per worker (then forks job "
        "processes from it), so the plugin's import is paid at worker start, not per call.",
        "`self time by package`: `python -X importtime`, self times summed by top-level "
        "package for what this import added; `httpx` loads its command-line client "
        "(`click`, `rich`, `pygments`) at import.",
    ]
    plugin = summarize(section.data["livekit.plugins.zelto"])
    section.goals.append(
        Goal(
            "import cost (informative): plugin after livekit.agents",
            f"{ms(plugin.p50)} ms",
            None,
        )
    )
    idles = [section.data[key] for key in ("sidecar", "sidecar_listen", "sidecar_webhooks")]
    section.goals.append(
        Goal(
            f"idle sidecar < {IDLE_CPU_GOAL * 100:g} % of a core and < {IDLE_RSS_GOAL_MIB} MiB "
            "RSS (run / --listen / with webhooks)",
            " / ".join(f"{i['cpu_share'] * 100:.3f} % {i['rss']:.1f} MiB" for i in idles),
            all(i["cpu_share"] < IDLE_CPU_GOAL and i["rss"] < IDLE_RSS_GOAL_MIB for i in idles),
        )
    )
    return section


if __name__ == "__main__":
    child_main({"import": task_import})
