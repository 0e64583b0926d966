"""A worker whose simulated calls carry card numbers, emails and phone numbers, written,
spoken, and split across two turns of the caller.

Run by tests/test_redact_worker.py in a subprocess: `python tests/redact_agent.py ROOM...`.
Live snapshots (`attach`) run during the call and the final payload comes from
`on_session_end`. After each of the caller's turns the job waits until its snapshot holds the
conversation so far, then searches the raw bytes of every file beside the spool (from a child
process: see filescan.py) for the halves of the split numbers as said (`SNAPSHOT_SECRETS`) and
appends what it finds to the file named by `ZELTO_TEST_SCAN`: a pending half must never be
written in clear.
`ZELTO_TEST_REDACT=0` runs the same calls without `redact_pii` (the test's control: its byte
searches must find the PII then).
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
from pathlib import Path

from livekit.agents import Agent, AgentServer, AgentSession, JobContext, function_tool

from filescan import search_in_child  # this script's folder is on sys.path
from livekit.plugins import zelto
from livekit.plugins.zelto.testing import ScriptedLLM, ToolCall, simulated_worker

REDACT = os.environ.get("ZELTO_TEST_REDACT", "1") == "1"
SCAN = os.environ.get("ZELTO_TEST_SCAN", "")
USER_TURNS = [
    "Hi, I want to pay for order A-1001, the one for $49.99.",
    "It's 4111 1111 1111 1111 and my email is john dot smith at gmail dot com",
    "Sure, call me at (212) 555-0134 after 10:30 on 12/05.",
    # a second card and a phone number, each said in two goes, and a spoken email
    "Order A-1002 goes on the other one, it's five five five five, five five five five",
    "five five five five, four four four four",
    "my wife's number is six four six, five five five",
    "zero one nine nine, and her email is mary ann jones at g mail dot com",
    "it's 6465550123",  # a member ID, asked for as one: it stays
    # an email split after a "dot", and one whose "at" speech-to-text heard as "and"
    "it's jessica dot",
    "moreno at outlook dot com",
    "its nina patel and yahoo dot com",
]
SCRIPT = [
    "Sure. What's the card number and your email for the receipt?",
    ToolCall(
        "take_payment",
        {"card": "4111111111111111", "email": "john.smith@gmail.com", "order_id": "A-1001"},
    ),
    "Done. Can we call you about delivery?",
    "Will do. Your tracking number is 1Z999AA10123456784, flight UA 1234 carries it.",
    "Go on.",
    "Thanks. Anyone else we can call?",
    "Mm-hmm.",
    "Noted. And your member ID?",
    "Thanks. And a backup email?",
    "Mm-hmm.",
    "And an email for billing?",
    "Thanks, that's all.",
]
# the snapshot's turns after each user turn (the second one adds the tool call and its output)
TURNS_AFTER = [2, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24]
TURNS_IN_CALL = TURNS_AFTER[-1]
# the halves of the split numbers as said, and the spoken email
SNAPSHOT_SECRETS = [
    "five five five five, five five five five",
    "five five five five, four four four four",
    "six four six, five five five",
    "zero one nine nine",
    "mary ann jones",
    "jessica",
    "nina patel",
]

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


async def snapshot_holds(job_id: str, turns: int) -> None:
    deadline = asyncio.get_running_loop().time() + 20
    while asyncio.get_running_loop().time() < deadline:
        live = [r for r in fw.spool.live.rows() if r["job_id"] == job_id]
        if live and live[0]["turns"] >= turns:
            return
        await asyncio.sleep(0.01)  # polling with a deadline: the snapshot is written off-loop
    raise RuntimeError(f"the live snapshot never held {turns} turns")


async def scan(after: str) -> None:
    """Every secret in any file beside the spool now, appended to SCAN as JSON lines. Searched
    from a child process: reading them here would drop this job's SQLite locks (filescan.py)."""
    found = await search_in_child(Path(fw.spool.path).parent, SNAPSHOT_SECRETS)
    if found:
        with open(SCAN, "a") as out:
            out.writelines(json.dumps({"after": after, **hit}) + "\n" for hit in found)


async def entrypoint(ctx: JobContext) -> None:
    session: AgentSession = AgentSession(
        llm=ScriptedLLM(SCRIPT), vad=None, turn_handling={"turn_detection": "manual"}
    )
    fw.attach(ctx, session)
    await session.start(PaymentAgent())
    for text, turns in zip(USER_TURNS, TURNS_AFTER, strict=True):
        await session.run(user_input=text)
        await snapshot_holds(ctx.job.id, turns)
        await scan(text)
    ctx.shutdown("call finished")


server.rtc_session(entrypoint, on_session_end=fw.on_session_end)


async def run(rooms: list[str]) -> None:
    async with simulated_worker(server) as worker:
        await worker.run_jobs(rooms)


if __name__ == "__main__":
    logging.getLogger("livekit.agents").setLevel(logging.ERROR)
    asyncio.run(run(sys.argv[1:] or ["redact-room"]))
