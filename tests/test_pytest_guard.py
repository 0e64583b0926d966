"""Issue 20.3: under pytest, test calls never reach a real spool or a real Zelto.

A user's project, as README's "Test your agent" writes it in LiveKit's own style (an in-process
`AgentSession` in text mode, `session.run`, `RunResult.expect`, `fake_job_context` and
`on_session_end`), run by pytest in a subprocess whose shell has a real-looking key,
`ZELTO_BASE_URL` at a non-loopback address and `ZELTO_SPOOL_PATH` at the user's spool (a temp
HOME). The module-level `Forwarder` is built when the test module is collected, before any
fixture runs.
"""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

MY_AGENT = """
from livekit import rtc
from livekit.agents import NOT_GIVEN, Agent, AgentServer, AgentSession, JobContext, NotGivenOr
from livekit.plugins import zelto

fw = zelto.Forwarder(agent_id="support-bot", agent_name="Support Bot")
server = AgentServer()


async def handle_call(
    ctx: JobContext, session: AgentSession, room: NotGivenOr[rtc.Room] = NOT_GIVEN
) -> None:
    fw.attach(ctx, session)
    await session.start(Agent(instructions="You are a support agent."), room=room)


@server.rtc_session(on_session_end=fw.on_session_end)
async def entrypoint(ctx: JobContext) -> None:
    await handle_call(ctx, AgentSession(llm="openai/gpt-4o-mini"), room=ctx.room)
"""

TEST_MY_AGENT = """
import asyncio

from livekit.agents import AgentSession
from livekit.agents.testing import fake_job_context
from livekit.plugins.zelto.testing import Receiver, ScriptedLLM, Spool

import my_agent


async def call(room: str) -> None:
    with fake_job_context(job_id=room) as ctx:
        llm = ScriptedLLM(["Hi, this is Support. How can I help?"])
        async with AgentSession(llm=llm) as session:
            await my_agent.handle_call(ctx, session)
            result = await session.run(user_input="Where is my order?")
            result.expect.next_event().is_message(role="assistant")
        await my_agent.fw.on_session_end(ctx)


def test_the_agent_greets() -> None:  # LiveKit's style, no Zelto fixture at all
    asyncio.run(call("fake-room"))


def test_zelto_gets_the_call(zelto_env: Receiver) -> None:
    asyncio.run(call("fake-room"))
    turns = zelto_env.calls["fake-room"]["transcript"]["turns"]
    assert [t["content"] for t in turns] == [
        "Where is my order?", "Hi, this is Support. How can I help?"
    ]
    assert Spool().stats()["delivered"] == 1  # this test's own spool


def test_the_agent_greets_again() -> None:  # after a zelto_env test: still nothing sent
    asyncio.run(call("fake-room"))
"""


def _non_loopback_address() -> str | None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))  # no packet is sent: picks the outgoing interface
            address = s.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


@pytest.fixture
def real_zelto() -> Iterator[tuple[str, list[str]]]:
    """A TCP listener on a non-loopback address standing in for Zelto: records who connects."""
    address = _non_loopback_address()
    if address is None:
        pytest.skip("no non-loopback IPv4 address on this machine")
    server = socket.create_server((address, 0))
    server.settimeout(0.2)
    seen: list[str] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, peer = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            seen.append(peer[0])
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"https://{address}:{server.getsockname()[1]}", seen
    finally:
        stop.set()
        thread.join(5)
        server.close()


def test_a_livekit_style_test_file_sends_nothing_real(
    tmp_path: Path, real_zelto: tuple[str, list[str]]
) -> None:
    base_url, connections = real_zelto
    project = tmp_path / "project"
    project.mkdir()
    (project / "my_agent.py").write_text(MY_AGENT)
    (project / "test_my_agent.py").write_text(TEST_MY_AGENT)
    home = tmp_path / "home"
    users_spool = home / "var" / "zelto" / "spool.db"
    default_spool = home / ".local" / "state" / "zelto" / "spool.db"
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("ZELTO_", "PYTEST_", "XDG_")) and k != "PYTHONWARNINGS"
    }
    env |= {
        "HOME": str(home),
        "ZELTO_API_KEY": "zk_live_8f2b6c0d4e9a1f3b5c7d9e1a",
        "ZELTO_BASE_URL": base_url,
        "ZELTO_SPOOL_PATH": str(users_spool),
    }
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout, result.stdout
    assert connections == []  # nothing went to the "real" Zelto
    assert not users_spool.exists() and not users_spool.parent.exists()
    assert not default_spool.parent.exists()


def test_the_guard_says_what_it_changed_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from zelto_spool import Outbox
    from zelto_spool.guard import ENV_PYTEST_GUARD, PytestGuard

    guard = PytestGuard((), tmp_path / "throwaway" / "spool.db")
    monkeypatch.setenv(ENV_PYTEST_GUARD, guard.to_env())
    with caplog.at_level(logging.WARNING):
        Outbox.from_settings(
            spool_path=tmp_path / "mine.db",
            api_key="zk_live_8f2b6c0d4e9a1f3b5c7d9e1a",
            base_url="https://zelto.example",
        )
    said = [r.getMessage() for r in caplog.records if "under pytest" in r.getMessage()]
    assert len(said) == 1, said  # once, not once per change
    assert "mine.db" in said[0] and "nothing sent to zelto.example" in said[0]
    assert "zk_live" not in caplog.text
