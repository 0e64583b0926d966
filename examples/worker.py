"""A real voice agent that forwards every finished call to Zelto.

Run against your LiveKit deployment (Cloud or self-hosted):

    export LIVEKIT_URL=wss://... LIVEKIT_API_KEY=... LIVEKIT_API_SECRET=...
    export ZELTO_API_KEY=... ZELTO_SPOOL_PATH=/var/lib/zelto/spool.db
    python examples/worker.py start           # or `dev` while developing
    zelto-spool run                           # the sidecar, same ZELTO_* settings

Speech and the model go through LiveKit Inference (billed by LiveKit, no extra plugin).
The two Zelto lines are marked.
"""

from __future__ import annotations

from livekit.agents import (
    Agent,
    AgentServer,
    AgentSession,
    JobContext,
    RunContext,
    cli,
    function_tool,
    inference,
)

from livekit.plugins import zelto

# Zelto line 1: module level, so LiveKit's job processes find it by reference.
fw = zelto.Forwarder(
    agent_id="support-bot",
    agent_name="Support Bot",
    call_id=zelto.room_sid,  # room names are reused here; the room's sid is unique per call
)

server = AgentServer()


class SupportAgent(Agent):
    def __init__(self) -> None:
        super().__init__(
            instructions=(
                "You are a friendly phone support agent for an online shop. Keep answers short."
            )
        )

    @function_tool
    async def lookup_order(self, context: RunContext, order_id: str) -> str:
        """Look up the shipping status of an order.

        Args:
            order_id: the order number the caller gives
        """
        return f"Order {order_id} left the warehouse yesterday and arrives tomorrow."


# Zelto line 2: after the session ends the call is spooled (durable before anything is sent),
# then sent within deliver_timeout_s (5 s by default); a call not delivered by then stays in the
# spool for the sidecar (`zelto-spool run`) or a later job.
@server.rtc_session(on_session_end=fw.on_session_end)
async def entrypoint(ctx: JobContext) -> None:
    session: AgentSession = AgentSession(
        stt=inference.STT("deepgram/nova-3"),
        llm=inference.LLM("openai/gpt-4.1-mini"),
        tts=inference.TTS("cartesia/sonic-2"),
    )
    # optional third line: a live snapshot per turn, so the call survives an OOM kill or a
    # lost node (delivered with endedReason "agent_process_lost")
    fw.attach(ctx, session)
    await session.start(agent=SupportAgent(), room=ctx.room)
    await session.generate_reply(instructions="Greet the caller and offer help.")


if __name__ == "__main__":
    cli.run_app(server)
