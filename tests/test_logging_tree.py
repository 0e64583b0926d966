"""One logger tree a LiveKit user controls: every line the plugin causes in a worker (the
spool's and the in-worker flusher's too) comes from `livekit.plugins.zelto`; the sidecar's
lines come from each module's logger in the `zelto_spool` tree."""

from __future__ import annotations

import asyncio
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from livekit.agents import Agent, AgentServer, AgentSession, JobContext

from livekit.plugins import zelto
from livekit.plugins.zelto.testing import Receiver, ScriptedLLM, Spool, run_simulated_jobs
from tests.conftest import used_spool

fw = zelto.Forwarder(agent_id="logging-bot")
server = AgentServer(port=0, num_idle_processes=0, load_fnc=lambda: 0.0)


@server.rtc_session(on_session_end=fw.on_session_end)
async def entrypoint(ctx: JobContext) -> None:
    llm = ScriptedLLM(["Hello."])
    session: AgentSession = AgentSession(
        llm=llm, vad=None, turn_handling={"turn_detection": "manual"}
    )
    await session.start(Agent(instructions="You are a test agent."))
    await session.run(user_input="Hi?")
    ctx.shutdown("test call finished")


def ours(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name.startswith(("zelto_spool", "livekit.plugins"))]


def test_a_job_process_logs_spool_and_delivery_under_the_plugin_logger(
    zelto_env: Receiver, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="livekit.plugins.zelto")  # job processes inherit it
    zelto_env.set_fault("5xx:503")
    asyncio.run(run_simulated_jobs(server, ["log-room"]))
    assert Spool().stats()["pending"] == 1

    records = ours(caplog)
    messages = {r.getMessage() for r in records}
    assert "call spooled" in messages  # the plugin's own line
    assert "call not accepted yet; will retry" in messages  # the in-worker flusher's
    assert {r.name for r in records} == {"livekit.plugins.zelto"}
    (warning,) = [r for r in records if r.getMessage() == "call not accepted yet; will retry"]
    assert warning.levelno == logging.WARNING
    assert warning.call_id == "log-room"  # type: ignore[attr-defined]  # values in extra=
    assert warning.status == 503  # type: ignore[attr-defined]


def test_spool_warnings_in_a_process_with_the_plugin_use_its_logger(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # this module imported the plugin, as a worker does: the spool's own lines follow it
    spool_path = tmp_path / "spool.db"
    used_spool(spool_path)
    spool_path.write_bytes(b"not a database " * 300)  # a used spool, damaged: set aside
    with caplog.at_level(logging.ERROR, logger="livekit.plugins.zelto"), Spool(spool_path) as s:
        s.enqueue({"agent": {"externalId": "bot"}, "call": {"externalId": "after-damage"}})
    (moved,) = [r for r in ours(caplog) if "moved aside" in r.getMessage()]
    assert moved.name == "livekit.plugins.zelto"
    assert moved.moved_to  # type: ignore[attr-defined]
    assert {r.name for r in ours(caplog)} == {"livekit.plugins.zelto"}


def test_the_sidecar_logs_in_the_zelto_spool_tree(tmp_path: Path, zelto_receiver: Receiver) -> None:
    zelto_receiver.set_fault("5xx:503")
    code = """
import asyncio, logging, sys
logging.basicConfig(level=logging.INFO, format="%(name)s|%(message)s", stream=sys.stdout)
from zelto_spool import DeliveryConfig, Spool
from zelto_spool.delivery.flusher import Flusher
spool = Spool()
spool.enqueue({"agent": {"externalId": "bot"}, "call": {"externalId": "sidecar-room"}})
async def main():
    async with Flusher(spool, DeliveryConfig.from_env()) as flusher:
        await flusher.drain(timeout=5)
asyncio.run(main())
assert "livekit.plugins.zelto" not in sys.modules
"""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZELTO_")}
    env |= {
        "ZELTO_SPOOL_PATH": str(tmp_path / "spool.db"),
        "ZELTO_BASE_URL": zelto_receiver.base_url,
        "ZELTO_API_KEY": "test-key",
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = [line.split("|", 1) for line in result.stdout.splitlines() if "|" in line]
    # each module's own logger, in the one `zelto_spool` tree (`getLogger(__name__)`)
    assert ["zelto_spool.delivery.outcomes", "call not accepted yet; will retry"] in lines
    assert "zelto_spool" not in {name for name, _ in lines}  # no line from the root itself
    assert not [name for name, _ in lines if name.startswith("livekit")]
