"""The LiveKit seam (`livekit/plugins/zelto/_livekit.py`, docs/design.md "The LiveKit seam"):
one test per read of a livekit-agents internal, against real LiveKit objects, so a release that
moves one fails here with the attribute and the version named (`LiveKitChanged`), instead of
the plugin quietly sending less. CI runs these on the lowest and the newest livekit-agents."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from livekit.agents import Agent, AgentServer, AgentSession, JobContext, llm
from livekit.agents.testing import fake_job_context

from livekit.plugins.zelto import _livekit
from livekit.plugins.zelto._livekit import LiveKitChanged
from livekit.plugins.zelto.testing import ScriptedLLM, run_simulated_jobs
from tests.sessions import cleanup

PLUGIN = Path(__file__).resolve().parents[1] / "plugin" / "livekit" / "plugins" / "zelto"


def scripted_session() -> AgentSession[Any]:
    return AgentSession(
        llm=ScriptedLLM(["Hello."]), vad=None, turn_handling={"turn_detection": "manual"}
    )


# --- in a real job process: the shutdown reason, the sessions, their start and events -------

server = AgentServer(port=0, num_idle_processes=0, load_fnc=lambda: 0.0)


async def seen_in_job(ctx: JobContext) -> None:
    """`on_session_end` of the seam's job: every private read, strictly (a LiveKitChanged or
    an AssertionError raised here reaches the test as `JobFailed`, with its message)."""
    shutdown = _livekit.read_shutdown(ctx)
    expected = ("job crashed", False) if ctx.job.room.name == "crash" else ("seam check", True)
    assert shutdown == expected, f"JobContext._on_shutdown gave {shutdown!r}, not {expected!r}"
    sessions = _livekit.read_job_sessions(ctx)
    assert len(sessions) == 2, f"JobContext._shutdown_callbacks held {len(sessions)} of 2 sessions"
    assert sessions[0] is ctx.primary_session
    starts = [_livekit.read_session_started_at(s) for s in sessions]
    assert all(isinstance(t, float) for t in starts) and starts == sorted(starts), starts
    for session in sessions:
        kinds = [getattr(e, "type", None) for e in _livekit.read_session_events(session)]
        assert "close" in kinds, f"AgentSession._recorded_events has no close event: {kinds}"

    async def public_reason(reason: str) -> None:  # the public form, for the same shutdown
        out = Path(os.environ["SEAM_OUT"]) / f"{ctx.job.room.name}.json"
        out.write_text(json.dumps([reason, list(_livekit.shutdown_for_callback(ctx, reason))]))

    ctx.add_shutdown_callback(public_reason)


@server.rtc_session(on_session_end=seen_in_job)
async def two_sessions(ctx: JobContext) -> None:
    for _ in range(2):
        session = scripted_session()
        await session.start(Agent(instructions="Answer briefly."))
        await session.run(user_input="Hi")
        await session.aclose()
    if ctx.job.room.name == "crash":
        raise RuntimeError("the entrypoint failed on purpose")
    ctx.shutdown("seam check")


def test_a_real_jobs_shutdown_sessions_start_and_events_are_where_the_plugin_reads_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEAM_OUT", str(tmp_path))
    failures = asyncio.run(run_simulated_jobs(server, ["seam", "crash"], check=False))
    # the crash job's entrypoint raised on purpose; nothing else may have
    unexpected = [f for f in failures if "on_session_end" in f.split(" raised:", 1)[0]]
    assert not unexpected, "\n".join(unexpected)
    assert len(failures) == 1
    # a shutdown callback is given the same reason publicly, and the two agree on who gave it
    assert json.loads((tmp_path / "seam.json").read_text()) == ["seam check", ["seam check", True]]
    crash = json.loads((tmp_path / "crash.json").read_text())
    assert crash == ["job crashed", ["job crashed", False]]


# --- in process: fake_job_context, AgentServer, the test helpers ---------------------------


def test_sessions_and_their_reads_in_a_fake_job() -> None:
    async def run() -> None:
        with fake_job_context(job_id="seam-fake") as ctx:
            assert _livekit.read_shutdown(ctx) is None  # no job runner: nothing to read
            assert _livekit.primary_session(ctx) is None
            first, second = scripted_session(), scripted_session()
            for session in (first, second):
                await session.start(Agent(instructions="Answer briefly."))
                await session.run(user_input="Hi")
            assert _livekit.read_job_sessions(ctx) == [first, second]
            assert _livekit.primary_session(ctx) is first
            for session in (first, second):
                await session.aclose()
                report = ctx.make_session_report(session)  # the public form of both reads
                assert _livekit.read_session_started_at(session) == report.started_at
                assert _livekit.read_session_events(session) == list(report.events)
            await cleanup(ctx)

    asyncio.run(run())


def test_the_servers_job_functions_and_lock() -> None:
    seam_server = AgentServer(port=0, num_idle_processes=0, load_fnc=lambda: 0.0)

    async def entry(ctx: JobContext) -> None: ...

    async def end(ctx: JobContext) -> None: ...

    seam_server.rtc_session(on_session_end=end)(entry)
    assert _livekit.job_functions(seam_server) == (entry, end)
    _livekit.set_job_functions(seam_server, end, entry)
    assert _livekit.job_functions(seam_server) == (end, entry)
    lock = _livekit.read_job_lock(seam_server)
    _livekit.renew_job_lock(seam_server)
    assert _livekit.read_job_lock(seam_server) is not lock


def test_a_scripted_stream_writes_to_livekits_event_channel() -> None:
    async def run() -> str:
        stream = ScriptedLLM(["scripted text"]).chat(chat_ctx=llm.ChatContext())
        async with stream:
            return "".join([c.delta.content async for c in stream if c.delta and c.delta.content])

    assert asyncio.run(run()) == "scripted text"


def test_the_report_module_is_preloaded() -> None:
    import sys

    assert "livekit.agents.voice.report" in sys.modules


def test_the_versions_tested_are_the_ones_ci_installs() -> None:
    pyproject = (PLUGIN.parents[3] / "pyproject.toml").read_text()
    assert f'"livekit-agents>={_livekit.LOWEST_TESTED.rsplit(".", 1)[0]},<2"' in pyproject
    makefile = (PLUGIN.parents[3] / "Makefile").read_text()
    assert f"LIVEKIT_LOWEST ?= {_livekit.LOWEST_TESTED}" in makefile


# --- when LiveKit moves one: loud in tests, named once at run time --------------------------


def test_a_moved_internal_is_named_with_its_version() -> None:
    with pytest.raises(LiveKitChanged, match=r"livekit-agents \S+: JobContext._on_shutdown is"):
        _livekit.read_shutdown(SimpleNamespace())  # type: ignore[arg-type]
    with pytest.raises(LiveKitChanged, match="JobContext._shutdown_callbacks is gone"):
        _livekit.read_job_sessions(SimpleNamespace())  # type: ignore[arg-type]
    with pytest.raises(LiveKitChanged, match="AgentSession._started_at is gone"):
        _livekit.read_session_started_at(SimpleNamespace())  # type: ignore[arg-type]
    with pytest.raises(LiveKitChanged, match="AgentSession._recorded_events is gone"):
        _livekit.read_session_events(SimpleNamespace())  # type: ignore[arg-type]
    with pytest.raises(LiveKitChanged, match="AgentServer._entrypoint_fnc is gone"):
        _livekit.job_functions(SimpleNamespace())  # type: ignore[arg-type]


def test_a_moved_internal_falls_back_with_one_warning(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_livekit, "_warned", set())
    primary = object()
    moved = SimpleNamespace(primary_session=primary)  # no _shutdown_callbacks, no _on_shutdown
    with caplog.at_level(logging.WARNING, logger="livekit.plugins.zelto"):
        for _ in range(3):
            assert _livekit.job_sessions(moved) == [primary]  # type: ignore[arg-type]
            assert _livekit.job_shutdown(moved) is None  # type: ignore[arg-type]
    warned = [r.getMessage() for r in caplog.records]
    assert len(warned) == 2, warned
    assert any("JobContext._shutdown_callbacks" in m for m in warned)
    assert any("JobContext._on_shutdown" in m for m in warned)
    # the callback's public reason is used then, LiveKit's own reasons told apart
    assert _livekit.shutdown_for_callback(moved, "bye") == ("bye", True)  # type: ignore[arg-type]
    gone = _livekit.shutdown_for_callback(moved, "room disconnected")  # type: ignore[arg-type]
    assert gone == ("room disconnected", False)


PRIVATE_READ = re.compile(
    r"\b(?:ctx|job_ctx|session|server|stream|report|s)\._[a-z]"
    r"|getattr\([^)]*[\"']_[a-z]|__closure__|_event_ch|livekit\.agents\.voice"
)


def test_no_livekit_internal_is_read_outside_the_seam() -> None:
    found = []
    for path in sorted(PLUGIN.glob("*.py")):
        if path.name == "_livekit.py":
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if PRIVATE_READ.search(line.split("#", 1)[0]):
                found.append(f"{path.name}:{number}: {line.strip()}")
    assert not found, "read it through _livekit.py:\n" + "\n".join(found)
