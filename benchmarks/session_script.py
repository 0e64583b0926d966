"""A real LiveKit text-mode session, offline, and the naive end-of-call snippet from Zelto's page.

Imports livekit.agents: only the end-of-call benchmark's server process imports this module.
"""

from __future__ import annotations

import asyncio
import inspect
import os
import time
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from livekit.agents import Agent, AgentSession, JobContext, function_tool
from livekit.agents.testing import fake_job_context

from livekit.plugins.zelto.testing import ScriptedLLM, Step, ToolCall

INPUTS = [
    "Hello, I'm calling about an order I placed last week.",
    "It's order A-1001, it was supposed to arrive on Monday.",
    "No, nothing yet. The tracking page has not changed since Saturday.",
    "Can you send a replacement, or should I wait a bit longer?",
    "Next-day delivery would be great; I'm home all Thursday.",
    "Yes, the address on the account is right.",
    "And will I get an email with the new tracking number?",
    "Perfect. One more thing: can I change the card for future orders?",
    "Great, thank you for your help. Goodbye.",
]
SCRIPT: list[Step] = [
    "Hi, this is Support. How can I help you today?",
    ToolCall("lookup_order", {"order_id": "A-1001"}),
    "I see order A-1001: it left our warehouse on Friday and the courier has not scanned it.",
    "I'm sorry about that. The courier lists it as delayed at their depot.",
    "I can send a replacement today with next-day delivery, at no cost to you.",
    "Done: the replacement ships today. Is the address on your account still correct?",
    "Thank you. Your replacement arrives Thursday before noon.",
    "Yes, you will get an email with the new tracking number within the hour.",
    "You can change it under Account, Payment methods, or I can send you a secure link.",
    "You're welcome. Have a good day!",
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
        return f"order {order_id} left the warehouse on Friday; courier scan pending"


EndHook = Callable[[JobContext], Awaitable[None]]
NaiveEnd = Callable[[AgentSession[Any], JobContext], Awaitable[None]]


async def run_job(
    job_id: str,
    hook: EndHook | None,
    *,
    naive: NaiveEnd | None = None,
    cap: float | None = None,
) -> tuple[float, str]:
    """Run a scripted session to its close, then time only the end-of-call step.

    Returns (seconds, outcome); with `cap`, a step still running is abandoned at the cap.
    """
    with fake_job_context(job_id=job_id) as ctx:
        session: AgentSession[Any] = AgentSession(
            llm=ScriptedLLM(SCRIPT), vad=None, turn_handling={"turn_detection": "manual"}
        )
        await session.start(SupportAgent())
        for text in INPUTS:
            await session.run(user_input=text)
        await session.aclose()
        outcome = "ok"
        started = time.perf_counter()
        try:
            if hook is not None:
                await hook(ctx)
            elif naive is not None:
                await asyncio.wait_for(naive(session, ctx), cap)
                outcome = "posted"
        except asyncio.TimeoutError:
            outcome = "still waiting at the cap"
        except Exception as exc:  # the snippet has no error handling: this is what it raises
            outcome = f"raised {type(exc).__name__}"
        elapsed = time.perf_counter() - started
        await end_fake_context(ctx)  # fake contexts leak a TemporaryDirectory otherwise
    return elapsed, outcome


async def naive_forward(
    session: AgentSession[Any], room_name: str, agent_id: str, url: str
) -> None:
    """Zelto's page snippet: aiohttp defaults, no error handling, no retries, no spool."""
    turns = [
        {"role": item.role, "content": item.text_content}
        for item in session.history.items
        # the page reads item.text_content unguarded, which raises on AgentHandoff items
        if getattr(item, "text_content", None)
    ]
    async with aiohttp.ClientSession() as http:
        await http.post(
            url,
            headers={
                "Authorization": f"Bearer {os.environ['ZELTO_API_KEY']}",
                "X-Zelto-Provider": "livekit",
            },
            json={
                "agent": {"externalId": agent_id},
                "call": {"externalId": room_name},
                "transcript": {"turns": turns},
            },
        )


async def end_fake_context(ctx: JobContext) -> None:
    """`_on_cleanup` is sync in livekit-agents 1.8.0, async since."""
    done: Any = ctx._on_cleanup()
    if inspect.isawaitable(done):
        await done
