"""Real livekit-agents sessions in text mode, offline, for the plugin tests."""

from __future__ import annotations

import inspect
from collections.abc import Sequence
from typing import Any

from livekit.agents import Agent, AgentSession, JobContext, function_tool
from livekit.agents.testing import fake_job_context

from livekit.plugins.zelto import Forwarder
from livekit.plugins.zelto.testing import ScriptedLLM, Step, ToolCall

SCRIPT: list[Step] = [
    "Hi, this is Support. How can I help?",
    ToolCall("lookup_order", {"order_id": "A-1001"}),
    "Your order A-1001 ships tomorrow.",
]
INPUTS = ["Hello?", "Where is my order A-1001? My card is 4111-1111-1111-1111."]
EXPECTED_TURNS = [
    {"role": "user", "content": "Hello?"},
    {"role": "assistant", "content": "Hi, this is Support. How can I help?"},
    {"role": "user", "content": "Where is my order A-1001? My card is 4111-1111-1111-1111."},
    {"role": "tool", "content": 'lookup_order({"order_id": "A-1001"})'},
    {
        "role": "tool",
        "content": 'lookup_order({"order_id": "A-1001"}) -> order A-1001 ships tomorrow',
    },
    {"role": "assistant", "content": "Your order A-1001 ships tomorrow."},
]


class SupportAgent(Agent):
    def __init__(self) -> None:
        super().__init__(instructions="You are a support agent.")

    @function_tool
    async def lookup_order(self, order_id: str) -> str:
        """Look up an order.

        Args:
            order_id: the order number
        """
        return f"order {order_id} ships tomorrow"


async def run_session(
    fw: Forwarder | None,
    *,
    script: Sequence[Step] = SCRIPT,
    inputs: Sequence[str] = INPUTS,
    job_id: str = "job-1",
    attach: bool = False,
    hook: bool = True,
) -> JobContext:
    """Run a scripted session to its close, then `fw.on_session_end(ctx)` as LiveKit would."""
    with fake_job_context(job_id=job_id) as ctx:
        session: AgentSession[Any] = AgentSession(
            llm=ScriptedLLM(script), vad=None, turn_handling={"turn_detection": "manual"}
        )
        if attach and fw is not None:
            fw.attach(ctx, session)
        await session.start(SupportAgent())
        for text in inputs:
            await session.run(user_input=text)
        await session.aclose()
        try:
            if hook and fw is not None:
                await fw.on_session_end(ctx)
        finally:
            await cleanup(ctx)  # fake contexts leak a TemporaryDirectory otherwise
    return ctx


async def cleanup(ctx: JobContext) -> None:
    """End a fake job context: `_on_cleanup` is sync in livekit-agents 1.6 to 1.8.0, async since."""
    done: Any = ctx._on_cleanup()
    if inspect.isawaitable(done):
        await done
