"""The demo's agent: a real `AgentServer` whose jobs hold scripted text conversations.

Same shape as `worker.py` (the real agent), with the models swapped for a scripted LLM so it
runs with no LiveKit server, no model provider and no Zelto account. Each simulated job is a
real job process going through LiveKit's real end-of-job sequence.

Settings come from the environment (read in each job process):
  ZELTO_SPOOL_PATH, ZELTO_BASE_URL, ZELTO_API_KEY   where calls are spooled and sent
  ZELTO_DEMO_HOOK   `session_end` (default: on_session_end=fw.on_session_end), `attach`
                    (the older style: fw.attach(ctx, session) in the entrypoint), or `both`
                    (live snapshots during the call, the final payload from on_session_end)
  ZELTO_DEMO_KILL   `1`: the job SIGKILLs its own process after its two exchanges, once its
                    live snapshot holds them (no hook runs: the reaper must deliver the call)
  ZELTO_DEMO_MODEL  `provider/model` the scripted LLM reports its usage as (10 prompt and 5
                    completion tokens an answer), e.g. `openai/gpt-4o-mini`: the call then
                    arrives with `call.cost`; default `scripted/scripted` (no price, no cost)

Run N jobs directly (the tests do): python examples/demo_agent.py room-1 room-2 ...
With ZELTO_DEMO_PROMETHEUS_PORT and ZELTO_DEMO_METRICS_OUT it also saves LiveKit's /metrics
page (run it with PROMETHEUS_MULTIPROC_DIR exported to see the job processes' counters).
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys

from livekit.agents import Agent, AgentServer, AgentSession, JobContext, function_tool

from livekit.plugins import zelto
from livekit.plugins.zelto.testing import ScriptedLLM, ToolCall, simulated_worker

HOOK = os.environ.get("ZELTO_DEMO_HOOK", "session_end")
PROVIDER, _, MODEL = os.environ.get("ZELTO_DEMO_MODEL", "scripted/scripted").partition("/")

fw = zelto.Forwarder(
    agent_id=os.environ.get("ZELTO_AGENT_ID", "demo-support-bot"),
    agent_name="Demo Support Bot",
)

PROMETHEUS_PORT = int(os.environ.get("ZELTO_DEMO_PROMETHEUS_PORT", "0")) or None
server = AgentServer(
    port=0, num_idle_processes=0, load_fnc=lambda: 0.0, prometheus_port=PROMETHEUS_PORT
)

GREETING = "Hi, this is Demo Support. How can I help?"
ANSWER = "Your order A-1001 ships tomorrow."


class SupportAgent(Agent):
    def __init__(self) -> None:
        super().__init__(instructions="You are a helpful support agent for a demo shop.")

    @function_tool
    async def lookup_order(self, order_id: str) -> str:
        """Look up an order's shipping status.

        Args:
            order_id: the order number
        """
        return f"order {order_id} ships tomorrow"


async def entrypoint(ctx: JobContext) -> None:
    script = [GREETING, ToolCall("lookup_order", {"order_id": "A-1001"}), ANSWER]
    session: AgentSession = AgentSession(
        llm=ScriptedLLM(script, provider=PROVIDER, model=MODEL),
        vad=None,
        turn_handling={"turn_detection": "manual"},
    )
    if HOOK in ("attach", "both"):
        fw.attach(ctx, session)
    await session.start(SupportAgent())
    await session.run(user_input="Hello?")
    await session.run(user_input="Where is my order A-1001?")
    if os.environ.get("ZELTO_DEMO_KILL") == "1":
        await _die_once_snapshotted(ctx)
    ctx.shutdown("demo call finished")


async def _die_once_snapshotted(ctx: JobContext) -> None:
    """Like an OOM kill or a node crash mid-call: no hook runs after this."""
    deadline = asyncio.get_running_loop().time() + 10
    while asyncio.get_running_loop().time() < deadline:
        live = [r for r in fw.spool.live.rows() if r["job_id"] == ctx.job.id]
        if live and live[0]["turns"] >= 6:
            break
        await asyncio.sleep(0.01)  # polling with a deadline: the snapshot is written off-loop
    os.kill(os.getpid(), signal.SIGKILL)


server.rtc_session(
    entrypoint, on_session_end=fw.on_session_end if HOOK in ("session_end", "both") else None
)


async def run(rooms: list[str]) -> None:
    async with simulated_worker(server) as worker:
        await worker.run_jobs(rooms)
        metrics_out = os.environ.get("ZELTO_DEMO_METRICS_OUT")
        if metrics_out and PROMETHEUS_PORT:  # scrape LiveKit's endpoint before it closes
            import httpx

            async with httpx.AsyncClient() as client:
                page = await client.get(f"http://127.0.0.1:{PROMETHEUS_PORT}/metrics")
            with open(metrics_out, "w") as fh:
                fh.write(page.text)


def main(rooms: list[str]) -> None:
    logging.getLogger("livekit.agents").setLevel(logging.ERROR)
    asyncio.run(run(rooms))


if __name__ == "__main__":
    main(sys.argv[1:] or ["demo-room"])
