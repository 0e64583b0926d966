"""Issue 20.3: a failing `result.expect` (or any exception) inside a real job process fails the
test that ran the job, instead of only ending the job as `job_crashed` in LiveKit's log."""

from __future__ import annotations

import asyncio

import pytest
from livekit.agents import Agent, AgentServer, AgentSession, JobContext

from livekit.plugins import zelto
from livekit.plugins.zelto.testing import JobFailed, Receiver, ScriptedLLM, run_simulated_jobs
from tests import user_agent as my_agent

server = AgentServer(port=0, num_idle_processes=0, load_fnc=lambda: 0.0)


@server.rtc_session(on_session_end=my_agent.fw.on_session_end)
async def expecting_call(ctx: JobContext) -> None:
    llm = ScriptedLLM(["Hi, this is Support. How can I help?"])
    session: AgentSession = AgentSession(
        llm=llm, vad=None, turn_handling={"turn_detection": "manual"}
    )
    await session.start(Agent(instructions="You are a support agent."))
    result = await session.run(user_input="Where is my order?")
    if ctx.job.room.name.startswith("wrong"):  # the agent did not call the tool it should
        result.expect.next_event().is_function_call(name="lookup_order")
    else:
        result.expect.next_event().is_message(role="assistant")
    ctx.shutdown("test call finished")


def test_a_failing_expect_in_a_job_process_fails_the_test(zelto_env: Receiver) -> None:
    with pytest.raises(JobFailed) as failed:
        asyncio.run(run_simulated_jobs(server, ["wrong-1", "right-1"]))
    assert len(failed.value.failures) == 1
    report = failed.value.failures[0]
    assert "entrypoint of the job for room 'wrong-1' raised" in report
    assert "AssertionError" in report and "is_function_call" in report
    # the call itself still reached Zelto (as job_crashed), and the passing job's too
    assert zelto_env.calls["wrong-1"]["call"]["endedReason"] == "job_crashed"
    assert zelto_env.calls["right-1"]["call"]["endedReason"] == "test call finished"


def test_jobs_that_pass_raise_nothing(zelto_env: Receiver) -> None:
    asyncio.run(run_simulated_jobs(server, ["right-2"]))
    assert "right-2" in zelto_env.calls


def test_a_forwarder_made_inside_a_test_is_named_before_any_job_starts() -> None:
    """LiveKit pickles the job functions into each job process: a Forwarder or entrypoint made
    inside a test cannot be, and LiveKit's own error (after the job's timeout) does not say why."""
    local = AgentServer(port=0, num_idle_processes=0, load_fnc=lambda: 0.0)
    inside = zelto.Forwarder(agent_id="inside-a-test")

    local.rtc_session(on_session_end=inside.on_session_end)(expecting_call)
    with pytest.raises(TypeError, match="on_session_end .* module level.* module-level global"):
        asyncio.run(run_simulated_jobs(local, ["never-1"]))

    local = AgentServer(port=0, num_idle_processes=0, load_fnc=lambda: 0.0)

    @local.rtc_session()
    async def entrypoint(ctx: JobContext) -> None:
        ctx.shutdown("never runs")

    with pytest.raises(TypeError, match="entrypoint .* module level.* local object"):
        asyncio.run(run_simulated_jobs(local, ["never-2"]))
