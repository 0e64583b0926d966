"""A worker whose simulated calls carry a card number, an email and a phone number.

Run by tests/test_redact_worker.py in a subprocess: `python tests/redact_agent.py ROOM...`.
Live snapshots (`attach`) run during the call and the final payload comes from
`on_session_end`; each job waits until its snapshot holds the whole conversation before it
ends, so the snapshot path is exercised for every turn. `ZELTO_TEST_REDACT=0` runs the same
calls without `redact_pii` (the test's control: its byte search must find the PII then).
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys

from livekit.agents import Agent, AgentServer, AgentSession, JobContext, function_tool

from livekit.plugins import zelto
from livekit.plugins.zelto.testing import ScriptedLLM, ToolCall, simulated_worker

REDACT = os.environ.get("ZELTO_TEST_REDACT", "1") == "1"
USER_TURNS = [
    "Hi, I want to pay for order A-1001, the one for $49.99.",
    "It's 4111 1111 1111 1111 and my email is john dot smith at gmail dot com",
    "Sure, call me at (212) 555-0134 after 10:30 on 12/05.",
]
SCRIPT = [
    "Sure. What's the card number and your email for the receipt?",
    ToolCall(
        "take_payment",
        {"card": "4111111111111111", "email": "john.smith@gmail.com", "order_id": "A-1001"},
    ),
    "Done. Can we call you about delivery?",
    "Will do. Your tracking number is 1Z999AA10123456784, flight UA 1234 carries it.",
]
TURNS_IN_CALL = 8  # 3 user, 3 assistant, the tool call and its output

fw = zelto.Forwarder(agent_id="redact-bot", redact=zelto.redact_pii() if REDACT else None)
server = AgentServer(port=0, num_idle_processes=0, load_fnc=lambda: 0.0)


class PaymentAgent(Agent):
    def __init__(self) -> None:
        super().__init__(instructions="Take payments for orders.")

    @function_tool
    async def take_payment(self, card: str, email: str, order_id: str) -> str:
        """Charge the card for the order and email a receipt.

        Args:
            card: the card number
            email: where the receipt goes
            order_id: the order
        """
        return f"charged card {card} for order {order_id} ($49.99), receipt sent to {email}"


async def entrypoint(ctx: JobContext) -> None:
    session: AgentSession = AgentSession(
        llm=ScriptedLLM(SCRIPT), vad=None, turn_handling={"turn_detection": "manual"}
    )
    fw.attach(ctx, session)
    await session.start(PaymentAgent())
    for text in USER_TURNS:
        await session.run(user_input=text)
    deadline = asyncio.get_running_loop().time() + 20
    while asyncio.get_running_loop().time() < deadline:
        live = [r for r in fw.spool.live.rows() if r["job_id"] == ctx.job.id]
        if live and live[0]["turns"] >= TURNS_IN_CALL:
            break
        await asyncio.sleep(0.01)  # polling with a deadline: the snapshot is written off-loop
    else:
        raise RuntimeError("the live snapshot never held the whole call")
    ctx.shutdown("call finished")


server.rtc_session(entrypoint, on_session_end=fw.on_session_end)


async def run(rooms: list[str]) -> None:
    async with simulated_worker(server) as worker:
        await worker.run_jobs(rooms)


if __name__ == "__main__":
    logging.getLogger("livekit.agents").setLevel(logging.ERROR)
    asyncio.run(run(sys.argv[1:] or ["redact-room"]))
