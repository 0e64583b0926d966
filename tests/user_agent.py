"""A user's production worker, shaped as the README's "Test your agent" shows: a thin
entrypoint around `handle_call`, which tests call with a scripted session."""

from __future__ import annotations

from livekit.agents import NOT_GIVEN, Agent, AgentServer, AgentSession, JobContext, NotGivenOr

from livekit import rtc
from livekit.plugins import zelto

fw = zelto.Forwarder(agent_id="support-bot", agent_name="Support Bot")
server = AgentServer()


async def handle_call(
    ctx: JobContext, session: AgentSession, room: NotGivenOr[rtc.Room] = NOT_GIVEN
) -> None:
    fw.attach(ctx, session)  # optional: survives a killed process
    await session.start(Agent(instructions="You are a support agent."), room=room)


@server.rtc_session(on_session_end=fw.on_session_end)
async def entrypoint(ctx: JobContext) -> None:  # production only: real models, a real room
    session: AgentSession = AgentSession(llm="openai/gpt-4o-mini")
    await handle_call(ctx, session, room=ctx.room)
