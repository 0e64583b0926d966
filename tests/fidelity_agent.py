"""A worker whose simulated jobs play the sessions a call analyst checks (issue 12): the room
name picks the scenario. Each job dumps what LiveKit recorded (history items, start and close
times) to `$ZELTO_FIDELITY_OUT/<room>.json`, so the test compares what Zelto received with
`session.history`.

    ZELTO_FIDELITY_HOOK=session_end|attach|both python tests/fidelity_agent.py ROOM...
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import sys
from pathlib import Path
from typing import Any

from livekit.agents import Agent, AgentServer, AgentSession, JobContext, function_tool, llm

from livekit.plugins import zelto
from livekit.plugins.zelto.testing import ScriptedLLM, Step, ToolCall, simulated_worker

HOOK = os.environ.get("ZELTO_FIDELITY_HOOK", "session_end")
OUT = Path(os.environ.get("ZELTO_FIDELITY_OUT", "."))
LONE_SURROGATE = "\ud83d"  # json.loads of an API string whose emoji escape was cut in half
BIG = 10 * 1024 * 1024 + 100_000  # one tool output over the 10 MB limit
GOODBYE = "caller said goodbye"

fw = zelto.Forwarder(agent_id="fidelity-bot")
server = AgentServer(port=0, num_idle_processes=0, load_fnc=lambda: 0.0)


class Billing(Agent):
    def __init__(self) -> None:
        super().__init__(instructions="You handle billing.")


class Support(Agent):
    def __init__(self) -> None:
        super().__init__(instructions="You are a support agent.")

    @function_tool
    async def get_weather(self, city: str) -> str:
        """The weather in a city.

        Args:
            city: the city
        """
        if city == "Paris":  # Paris answers last: outputs arrive in completion order
            await asyncio.sleep(0.05)
        return f"{'sunny' if city == 'Paris' else 'rain'} in {city}"

    @function_tool
    async def fetch_note(self) -> str:
        """The caller's account note."""
        return f"note: caf\u00e9 {LONE_SURROGATE}"

    @function_tool
    async def fetch_log(self) -> str:
        """The caller's full call log."""
        return "x" * BIG

    @function_tool
    async def transfer_to_billing(self) -> Agent:
        """Hand the caller to billing."""
        return Billing()


def new_session(ctx: JobContext, script: list[Step]) -> AgentSession[Any]:
    session: AgentSession[Any] = AgentSession(
        llm=ScriptedLLM(script), vad=None, turn_handling={"turn_detection": "manual"}
    )
    if HOOK in ("attach", "both"):
        fw.attach(ctx, session)
    return session


async def talk(ctx: JobContext, script: list[Step], inputs: list[str]) -> AgentSession[Any]:
    session = new_session(ctx, script)
    await session.start(Support())
    for text in inputs:
        await session.run(user_input=text)
    return session


async def entrypoint(ctx: JobContext) -> None:
    room = ctx.job.room.name
    sessions: list[AgentSession[Any]] = []
    if room == "early-crash":
        raise RuntimeError("the model provider's key is missing")
    if room == "unicode":
        sessions.append(await talk(ctx, [ToolCall("fetch_note"), "Noted."], ["My note?"]))
    elif room == "oversize":
        script: list[Step] = ["Hello.", ToolCall("fetch_log"), "That is a long log."]
        sessions.append(await talk(ctx, script, ["Hi", "Read my log"]))
    elif room == "interrupted":
        session = await talk(ctx, ["Hi, how can I help?", "Sure, cancelled."], ["Hello?"])
        # a barge-in as LiveKit records it: the spoken prefix, `interrupted=True`
        session.history.add_message(
            role="assistant", content=["Your order will ship on"], interrupted=True
        )
        await session.run(user_input="Wait, cancel it")
        sessions.append(session)
    elif room == "media":
        session = await talk(ctx, ["Hello.", "I can see the receipt."], ["Hi"])
        audio = llm.AudioContent(frame=[], transcript="I want to return my shoes")
        image = llm.ImageContent(image="https://example.com/receipt.png")
        session.history.add_message(role="user", content=[audio])
        session.history.add_message(role="user", content=[image])
        await session.run(user_input="Here it is")
        session.history.add_message(role="user", content=["And the box", image])
        sessions.append(session)
    elif room == "parallel":
        both = (
            ToolCall("get_weather", {"city": "Paris"}),
            ToolCall("get_weather", {"city": "Tokyo"}),
        )
        sessions.append(await talk(ctx, [both, "Sunny in Paris, rain in Tokyo."], ["Weather?"]))
    elif room == "handoff":
        script = ["Hi, support here.", ToolCall("transfer_to_billing"), "Billing here."]
        sessions.append(await talk(ctx, script, ["Hello?", "A billing question"]))
    elif room in ("two-sessions", "kill"):
        first = await talk(ctx, ["Hi from the first session."], ["Hello?"])
        await first.aclose()
        sessions.append(first)
        second = await talk(ctx, ["Hi from the second session."], ["Still there?"])
        sessions.append(second)
        if room == "kill":
            dump(ctx, sessions)
            await die_once_snapshotted(ctx, turns=5)
        await second.aclose()
    elif room == "worker-stop":  # the call runs on until the worker shuts the job down
        sessions.append(await talk(ctx, ["Hello."], ["Hi"]))
        dump(ctx, sessions)
        return
    elif room in ("crash", "hangup"):
        sessions.append(await talk(ctx, ["Hello."], ["Hi"]))
        if room == "crash":
            dump(ctx, sessions)
            raise RuntimeError("a bug in the entrypoint")
        await sessions[0].aclose()  # the caller hung up...
        dump(ctx, sessions)
        await asyncio.sleep(0.5)  # ...and the room closes a while later: not call time
    dump(ctx, sessions)
    ctx.shutdown(GOODBYE)


def dump(ctx: JobContext, sessions: list[AgentSession[Any]]) -> None:
    reports = [ctx.make_session_report(s) for s in sessions]  # text mode: no recorder
    closes = [e.created_at for r in reports for e in r.events if e.type == "close"]
    record = {
        "sessions": [[item_record(item) for item in s.history.items] for s in sessions],
        "started_at": reports[0].started_at if reports else None,
        "closed_at": closes[-1] if closes else None,
    }
    (OUT / f"{ctx.job.room.name}.json").write_text(json.dumps(record, ensure_ascii=True))


def item_record(item: Any) -> dict[str, Any]:
    """What a reader needs from one history item (JSON; surrogates kept as escapes)."""
    out: dict[str, Any] = {"type": item.type}
    for key in ("role", "interrupted", "name", "arguments", "call_id", "output", "is_error"):
        if hasattr(item, key):
            out[key] = getattr(item, key)
    for key in ("old_agent_id", "new_agent_id"):
        if hasattr(item, key):
            out[key] = getattr(item, key)
    if item.type == "message":
        out["content"] = [
            part
            if isinstance(part, str)
            else {"type": part.type, "transcript": getattr(part, "transcript", None)}
            for part in item.content
        ]
    return out


async def die_once_snapshotted(ctx: JobContext, *, turns: int) -> None:
    """Like an OOM kill mid-call: no hook runs after this."""
    deadline = asyncio.get_running_loop().time() + 10
    while asyncio.get_running_loop().time() < deadline:
        live = [r for r in fw.spool.live.rows() if r["job_id"] == ctx.job.id]
        if live and live[0]["turns"] >= turns:
            break
        await asyncio.sleep(0.01)  # polling with a deadline: the snapshot is written off-loop
    os.kill(os.getpid(), signal.SIGKILL)


server.rtc_session(
    entrypoint, on_session_end=fw.on_session_end if HOOK in ("session_end", "both") else None
)


async def run(rooms: list[str]) -> None:
    async with simulated_worker(server) as worker:
        # some scenarios crash their job on purpose (`job_crashed`)
        await worker.run_jobs([r for r in rooms if r != "worker-stop"], check=False)
        if "worker-stop" in rooms:
            await server.simulate_job("worker-stop", fake_job=True)
            deadline = asyncio.get_running_loop().time() + 30
            while not (OUT / "worker-stop.json").exists():
                if asyncio.get_running_loop().time() > deadline:
                    raise TimeoutError("the worker-stop job did not start its call")
                await asyncio.sleep(0.02)  # polling with a deadline
    # leaving the block closes the worker: it shuts the still-running job down


if __name__ == "__main__":
    logging.getLogger("livekit.agents").setLevel(logging.CRITICAL)
    asyncio.run(run(sys.argv[1:]))
