"""The chaos workload: deterministic versioned payloads, and the writer process that spools them.

Every version of a call is a pure function of `(call_id, version, turns)`, so the checks can
rebuild the exact bytes that must reach the receiver. The version is marked twice: in
`call.endedReason` ("v3") and in an extra top-level field `{"chaos": {"version": 3}}`.

A job process (`python -m tests.chaos.workload job CALL_ID TURNS GAP`) plays one call the way
the plugin's `attach` does: a live snapshot, one appended turn at a time (each committed turn
is printed), then the final payload enqueued in the same transaction that drops the snapshot.
The harness kills some of them mid-call; the reaper must deliver what they had.

A writer process (`python -m tests.chaos.workload SCRIPT OUT`) plays a script of touches, one
per line: at `at` seconds after the common start time, enqueue the next version of `call`. The
next version number is kept in a per-call counter file under an exclusive `flock`, so the
versions of one call can come from different processes and still go up in the order they are
spooled. With `deliver` set the writer then tries to send the call itself, as the plugin does
in a job process (`deliver_now`, then a few due leftovers within the budget). Each enqueue is
reported as a JSON line: call, version, wall time before the enqueue, latency in seconds.
"""

from __future__ import annotations

import asyncio
import fcntl
import json
import sys
import time
from pathlib import Path
from typing import Any

API_KEY = "chaos-key"
AGENT_ID = "chaos-bot"


def chaos_payload(call_id: str, version: int, turns: int) -> dict[str, Any]:
    """Version `version` of a call: the marker in `call.endedReason` and in `chaos.version`."""
    return {
        "agent": {"externalId": AGENT_ID, "name": "Chaos Bot"},
        "call": {
            "externalId": call_id,
            "durationSeconds": float(version),
            "endedReason": f"v{version}",
        },
        "transcript": {
            "turns": [
                {
                    "role": "user" if i % 2 == 0 else "assistant",
                    "content": f"{call_id} v{version} turn {i} " + "lorem ipsum " * 8,
                }
                for i in range(turns)
            ]
        },
        "chaos": {"version": version},
    }


def job_turn(call_id: str, seq: int) -> dict[str, str]:
    role = "user" if seq % 2 == 0 else "assistant"
    return {"role": role, "content": f"{call_id} live turn {seq}"}


def job_final(call_id: str, turns: int) -> dict[str, Any]:
    return {
        "agent": {"externalId": AGENT_ID, "name": "Chaos Bot"},
        "call": {"externalId": call_id, "endedReason": "participant_disconnected"},
        "transcript": {"turns": [job_turn(call_id, seq) for seq in range(turns)]},
    }


def job_main(call_id: str, turns: int, gap: float) -> int:
    from zelto_spool import Spool
    from zelto_spool.payload import encode

    spool = Spool()  # ZELTO_SPOOL_PATH
    job_id = f"job-{call_id}"
    header = {
        "agent": {"externalId": AGENT_ID, "name": "Chaos Bot"},
        "call": {"externalId": call_id},
    }
    spool.live.start(job_id, call_id, encode(header))
    pacing = time.monotonic()
    for seq in range(turns):
        spool.live.append(job_id, seq, [encode(job_turn(call_id, seq))])
        print(seq, flush=True)  # committed: the reaper must deliver at least this turn
        pacing += gap
        time.sleep(max(0.0, pacing - time.monotonic()))  # a conversation's pace
    final = encode(job_final(call_id, turns))
    spool.enqueue_encoded(call_id, final, ends_live=job_id)
    print("done", flush=True)
    return 0


def version_of(body: bytes) -> int:
    """The version marker of a posted body (-1 when it has none)."""
    try:
        data = json.loads(body)
        return int(data["chaos"]["version"])
    except (ValueError, KeyError, TypeError):
        return -1


def next_version(counter: Path) -> tuple[int, Any]:
    """Lock the call's counter file and return (next version, the open locked file)."""
    fh = open(counter, "a+")
    fcntl.flock(fh, fcntl.LOCK_EX)
    fh.seek(0)
    text = fh.read().strip()
    return (int(text) if text else 0) + 1, fh


def commit_version(fh: Any, version: int) -> None:
    fh.seek(0)
    fh.truncate()
    fh.write(str(version))
    fh.flush()
    fcntl.flock(fh, fcntl.LOCK_UN)
    fh.close()


async def _deliver_like_a_job(spool: Any, config: Any, call_id: str, budget: float) -> None:
    from zelto_spool.delivery.flusher import Flusher

    deadline = time.monotonic() + budget
    flusher = Flusher(spool, config)
    try:
        outcome = await flusher.deliver(call_id, timeout=budget)
        remaining = deadline - time.monotonic()
        if outcome is not None and outcome.kind == "delivered" and remaining > 0.05:
            await flusher.drain_due(timeout=remaining, max_calls=5)
    finally:
        await flusher.aclose()


def writer_main(script_path: str, out_path: str) -> int:
    from zelto_spool import DeliveryConfig, Spool

    script = json.loads(Path(script_path).read_text())
    spool = Spool(script["spool"])
    config = DeliveryConfig(
        base_url=script["base_url"], api_key=API_KEY, total_timeout_s=script["total_timeout_s"]
    )
    counters = Path(script["counters"])
    start = float(script["start"])
    with open(out_path, "w") as out:
        for touch in script["touches"]:
            wait = start + touch["at"] - time.time()
            if wait > 0:
                time.sleep(wait)  # pacing the workload, not synchronisation
            call_id = touch["call"]
            version, fh = next_version(counters / str(touch["index"]))
            body = chaos_payload(call_id, version, touch["turns"])
            began = time.time()
            tick = time.perf_counter()
            spool.enqueue(body)
            latency = time.perf_counter() - tick
            commit_version(fh, version)
            record = {"call": call_id, "version": version, "t": began, "latency": latency}
            out.write(json.dumps(record) + "\n")
            out.flush()
            if touch["deliver"]:
                asyncio.run(_deliver_like_a_job(spool, config, call_id, script["budget"]))
    spool.close()
    return 0


if __name__ == "__main__":
    if sys.argv[1] == "job":
        sys.exit(job_main(sys.argv[2], int(sys.argv[3]), float(sys.argv[4])))
    sys.exit(writer_main(sys.argv[1], sys.argv[2]))
