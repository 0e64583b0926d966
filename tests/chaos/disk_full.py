"""Disk full and file-size limits, in a child process so the limits cannot touch the test runner.

    python -m tests.chaos.disk_full enospc SPOOL_DIR BASE_URL   # SPOOL_DIR on a tiny tmpfs
    python -m tests.chaos.disk_full efbig SPOOL_DIR BASE_URL    # RLIMIT_FSIZE, SIGXFSZ ignored

Spools five calls, takes the space away (fills the filesystem, or caps the file size at what
is there), then tries a big call through `Spool.enqueue` and a real session through the
plugin's `Forwarder` (which must fall back to sending it directly). Then gives the space back
and spools again. Prints one JSON object with what happened; the test judges it.
"""

from __future__ import annotations

import asyncio
import errno
import json
import logging
import os
import resource
import signal
import sys
from pathlib import Path
from typing import Any

from tests.chaos.workload import API_KEY
from tests.conftest import payload
from zelto_spool import Spool, SpoolError


class _Filler:
    """Fills the filesystem of `directory` until ENOSPC; `release` frees it again."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / "filler"
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            for chunk in (65536, 4096, 512, 1):
                try:
                    while os.write(fd, b"\0" * chunk):
                        pass
                except OSError as exc:
                    if exc.errno != errno.ENOSPC:
                        raise
        finally:
            os.close(fd)

    def release(self) -> None:
        self.path.unlink()


class _SizeLimit:
    """Caps the size of any file this process writes at the spool's current largest file."""

    def __init__(self, spool_path: Path) -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of a core dump
        self.saved = resource.getrlimit(resource.RLIMIT_FSIZE)
        largest = max(
            Path(f"{spool_path}{suffix}").stat().st_size for suffix in ("", "-wal", "-shm")
        )
        resource.setrlimit(resource.RLIMIT_FSIZE, (largest, self.saved[1]))

    def release(self) -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, self.saved)


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.seen: list[dict[str, Any]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.seen.append(
            {
                "level": record.levelname,
                "message": record.getMessage(),
                "call_id": getattr(record, "call_id", None),
            }
        )


def _try_enqueue(spool: Spool, body: dict[str, Any]) -> dict[str, Any] | None:
    try:
        spool.enqueue(body)
    except SpoolError as exc:
        return {"type": type(exc).__name__, "call_id": exc.call_id, "message": str(exc)}
    except Exception as exc:  # reported, so the test can say what leaked
        return {"type": type(exc).__name__, "call_id": None, "message": str(exc)}
    return None


def main(mode: str, spool_dir: str, base_url: str) -> dict[str, Any]:
    from livekit.plugins import zelto
    from tests.sessions import run_session

    spool_path = Path(spool_dir) / "spool.db"
    spool = Spool(spool_path)
    before = [payload(f"before-{i}", turns=4) for i in range(5)]
    for body in before:
        spool.enqueue(body)
    records = _Records()
    plugin_log = logging.getLogger("livekit.plugins.zelto")
    plugin_log.addHandler(records)
    plugin_log.setLevel(logging.INFO)
    fw = zelto.Forwarder(
        agent_id="support-bot",
        spool_path=spool_path,
        base_url=base_url,
        api_key=os.environ.get("ZELTO_API_KEY") or API_KEY,
        call_id=zelto.job_id,  # "job-full" and "job-after": two calls, told apart
    )

    squeeze = _Filler(Path(spool_dir)) if mode == "enospc" else _SizeLimit(spool_path)
    report: dict[str, Any] = {"full_error": _try_enqueue(spool, payload("big", turns=2000))}
    asyncio.run(run_session(fw, job_id="job-full"))  # the plugin while the disk is full
    report["full_logs"] = list(records.seen)
    records.seen.clear()
    squeeze.release()

    report["after_error"] = _try_enqueue(spool, payload("after"))
    asyncio.run(run_session(fw, job_id="job-after"))  # the same Forwarder, space is back
    report["after_logs"] = list(records.seen)
    stats = spool.stats()
    report["stats"] = {k: stats[k] for k in ("pending", "inflight", "delivered", "dead")}
    report["before_intact"] = all(
        spool.latest_payload(b["call"]["externalId"]) == b for b in before
    )
    report["states"] = {row["call_id"]: row["state"] for row in spool.upkeep.rows()}
    return report


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2], sys.argv[3])), flush=True)
