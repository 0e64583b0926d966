"""The demo: the whole job on embedded defaults, no LiveKit server, no Zelto account.

A real LiveKit worker (dev mode) runs simulated calls in real job processes; each job's
`on_session_end` spools its call and sends it; a local Zelto-compatible receiver plays Zelto.
Midway Zelto goes down: calls pile up on disk. It comes back flaky, and `zelto-spool drain`
sends the backlog. Ends with "N/N calls delivered" (exit 0) or says what is missing (exit 1).

    make demo            # or: python examples/demo.py [--quick] [--keep]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

API_KEY = "demo-key"


def say(text: str = "") -> None:
    print(text, flush=True)


async def cli(*args: str) -> None:
    """Run the real `zelto-spool` CLI and show its output, indented."""
    say(f"   $ zelto-spool {' '.join(args)}")
    command = [sys.executable, "-m", "zelto_spool", *args]
    result = await asyncio.to_thread(
        subprocess.run, command, capture_output=True, text=True, check=False
    )
    for line in (result.stdout + result.stderr).splitlines():
        if line.strip() and not line.startswith("draining"):
            say(f"     {line}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer calls (CI)")
    parser.add_argument("--keep", action="store_true", help="keep the spool directory")
    return asyncio.run(demo(parser.parse_args()))


async def demo(args: argparse.Namespace) -> int:
    up_calls, down_calls = (2, 3) if args.quick else (3, 5)

    workdir = Path(tempfile.mkdtemp(prefix="zelto-demo-"))
    spool_path = workdir / "spool.db"
    from zelto_spool.testing import Receiver

    receiver = Receiver(api_key=API_KEY).start()
    # the worker's job processes inherit this environment (set before the first job)
    os.environ.update(
        ZELTO_SPOOL_PATH=str(spool_path),
        ZELTO_BASE_URL=receiver.base_url,
        ZELTO_API_KEY=API_KEY,
        ZELTO_AGENT_ID="demo-support-bot",
        # the scripted LLM reports its tokens as gpt-4o-mini's: each call arrives with call.cost
        ZELTO_DEMO_MODEL=os.environ.get("ZELTO_DEMO_MODEL", "openai/gpt-4o-mini"),
    )
    logging.getLogger("livekit.agents").setLevel(logging.ERROR)
    sys.path.insert(0, str(Path(__file__).parent))
    import demo_agent

    from livekit.plugins.zelto.testing import simulated_worker

    started = time.monotonic()
    say("Zelto demo: a real LiveKit worker (dev mode, simulated calls), a local Zelto")
    say(f"receiver on {receiver.base_url}, and a spool at {spool_path}")
    try:
        async with simulated_worker(demo_agent.server) as worker:
            await phases(worker, receiver, up_calls, down_calls)
        expected = [f"demo-call-{i:02d}" for i in range(1, up_calls + down_calls + 1)]
        return report(receiver, expected, demo_agent.GREETING, started)
    finally:
        receiver.stop()
        if args.keep:
            say(f"(spool kept in {workdir}; try: zelto-spool --spool {spool_path} list)")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


async def phases(worker: Any, receiver: Any, up_calls: int, down_calls: int) -> None:
    say()
    say(f"1. Zelto is up. {up_calls} calls end; each job spools its call, then sends it")
    say("   before its process exits (deliver_now).")
    rooms_up = [f"demo-call-{i:02d}" for i in range(1, up_calls + 1)]
    await worker.run_jobs(rooms_up)
    say(f"   receiver has {len(receiver.calls)}/{up_calls} calls")

    say()
    say(f"2. Zelto goes down (connection refused). {down_calls} more calls end: each job")
    say("   spools its call, the send fails, and the call waits on disk.")
    receiver.set_fault("down")
    rooms_down = [f"demo-call-{i:02d}" for i in range(up_calls + 1, up_calls + down_calls + 1)]
    await worker.run_jobs(rooms_down)
    await cli("status")

    say()
    say("3. Zelto comes back, flaky (20% of requests answer 503). drain sends the backlog,")
    say("   retrying with backoff:")
    receiver.set_fault("flaky:0.2")
    await cli("drain", "--timeout", "60")


def report(receiver: Any, expected: list[str], greeting: str, started: float) -> int:
    say()
    say("4. What the receiver holds (the newest version of every call):")
    good = 0
    for room in expected:
        call = receiver.calls.get(room)
        if call is None:
            say(f"   {room}  MISSING")
            continue
        turns = call["transcript"]["turns"]
        roles = " ".join(t["role"] for t in turns)
        ok = len(turns) == 6 and turns[1]["content"] == greeting
        good += ok
        say(
            f"   {room}  {len(turns)} turns ({roles})  "
            f"{call['call'].get('durationSeconds')} s  {call['call'].get('endedReason')}  "
            f"${call['call'].get('cost', 0):.7f}"
        )
    failed = sum(1 for p in receiver.posts if p.status == 503)
    say()
    say(f"   {len(receiver.posts)} POSTs in all, {failed} answered 503 and retried later;")
    say("   Zelto dedups by call.externalId, so retries never duplicate a call.")
    say("   The $ column is call.cost, priced from the tokens LiveKit counted (the scripted LLM")
    say("   reports them as gpt-4o-mini's).")
    say()
    say(f"{good}/{len(expected)} calls delivered ({time.monotonic() - started:.1f} s)")
    return 0 if good == len(expected) else 1


if __name__ == "__main__":
    sys.exit(main())
