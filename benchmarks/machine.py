"""What the numbers were measured on: CPU, memory, disk, versions, and the code's revision."""

from __future__ import annotations

import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

from common import ROOT


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def ram_gib() -> float:
    import psutil

    return float(psutil.virtual_memory().total) / 2**30


def filesystem(path: Path) -> str:
    """The mount (type and device) holding `path`, from /proc/mounts."""
    best = ("", "?", "?")
    try:
        for line in Path("/proc/mounts").read_text().splitlines():
            device, mount, kind = line.split()[:3]
            if str(path).startswith(mount) and len(mount) >= len(best[0]):
                best = (mount, kind, device)
    except OSError:
        pass
    return f"{best[1]} ({best[2]} on {best[0]})"


def fsync_ms(directory: Path, count: int = 200) -> float:
    """Median cost of write(4 KiB) + fsync in `directory`: what FULL sync pays per commit."""
    fd, name = tempfile.mkstemp(dir=directory)
    samples = []
    try:
        for _ in range(count):
            started = time.perf_counter()
            os.write(fd, b"x" * 4096)
            os.fsync(fd)
            samples.append(time.perf_counter() - started)
    finally:
        os.close(fd)
        os.unlink(name)
    return statistics.median(samples) * 1000


def version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.strip()


def use_revision(rev: str, dest: Path) -> str:
    """Extract `rev` of the repository into `dest` and import the code from there, in this
    process and its children (PYTHONPATH), instead of the working tree."""
    sha = _git("rev-parse", "--short", rev)
    if not sha:
        raise SystemExit(f"unknown revision {rev!r}")
    dest.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", sha, "spool", "plugin"], cwd=ROOT, capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive.stdout, check=True)
    paths = [str(dest / "spool"), str(dest / "plugin")]
    os.environ["PYTHONPATH"] = os.pathsep.join(
        paths + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    )
    sys.path[:0] = paths
    return sha


def cache_bytecode(prefix: Path) -> None:
    """Let child processes cache bytecode, outside the source tree, and compile it now.

    With PYTHONDONTWRITEBYTECODE set (as in some CI images), every import of the project's
    own modules would compile them from source, which an installed wheel never does.
    """
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(prefix)
    import zelto_spool

    sources = [Path(zelto_spool.__file__).parents[1], ROOT / "benchmarks"]
    plugin = Path(zelto_spool.__file__).parents[2] / "plugin"
    sources += [plugin] if plugin.is_dir() else [ROOT / "plugin"]
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", *map(str, sources)], check=True, env=os.environ
    )


def revision(rev: str | None = None) -> str:
    if rev:
        return f"{rev} (committed code, extracted with `git archive`; the working tree unused)"
    import zelto_spool

    where = Path(zelto_spool.__file__).resolve().parents[1]
    if where != ROOT / "spool":
        return f"imported from {where} (PYTHONPATH), not this checkout"
    head = _git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = [line[3:] for line in _git("status", "--porcelain").splitlines() if line[3:]]
    dirty = [p for p in dirty if not p.startswith(("benchmarks/", "docs/performance.md"))]
    return head + (f" + uncommitted changes in {len(dirty)} files" if dirty else "")


def describe(workdir: Path, rev: str | None = None) -> list[tuple[str, str]]:
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return [
        ("CPU", f"{cpu_model()}, {os.cpu_count()} logical cores ({platform.machine()})"),
        ("RAM", f"{ram_gib():.1f} GiB"),
        ("OS", f"{platform.system()} {platform.release()}"),
        ("Python", f"{sys.version.split()[0]} ({sys.executable})"),
        ("SQLite", sqlite3.sqlite_version),
        ("Filesystem", f"{filesystem(workdir)}; 4 KiB write+fsync {fsync_ms(workdir):.2f} ms"),
        (
            "Packages",
            ", ".join(
                f"{d} {version(d)}" for d in ("httpx", "aiohttp", "orjson", "livekit-agents")
            ),
        ),
        ("Code", revision(rev)),
        ("Load average at start", load),
    ]
