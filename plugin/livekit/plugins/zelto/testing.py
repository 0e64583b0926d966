"""Offline test helpers: the one module a plugin user's tests import from.

- Job helpers: `ScriptedLLM` (with `ToolCall` steps), `simulated_worker` /
  `run_simulated_jobs` (a real dev-mode worker running simulated jobs), `SimulatedWorker`.
- From `zelto_spool.testing`: `Receiver` (a local Zelto; each request a `Post`; outages by
  `set_fault`, modes in `FAULT_MODES`, parsed into a `Fault`), the pytest fixtures
  `zelto_receiver` and `zelto_env` (registered by the package's pytest plugin; importing them
  is possible, not needed), `TEST_API_KEY` and `Spool`.

With these a team can test its own worker's Zelto integration with no LiveKit server, no
model provider and no Zelto account:

    llm = ScriptedLLM(["Hello!", ToolCall("lookup", {"id": 7}), "Found it."])
    session = AgentSession(llm=llm, vad=None, turn_handling={"turn_detection": "manual"})

    async with simulated_worker(server) as worker:       # real job processes
        await worker.run_jobs(["room-1", "room-2"])

Not imported by `livekit.plugins.zelto` itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import time
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from livekit.agents import AgentServer, JobProcess, llm
from livekit.agents.types import (
    DEFAULT_API_CONNECT_OPTIONS,
    NOT_GIVEN,
    APIConnectOptions,
    NotGivenOr,
)
from livekit.agents.utils import shortuuid

from zelto_spool.testing import (
    FAULT_MODES,
    TEST_API_KEY,
    Fault,
    Post,
    Receiver,
    Spool,
    zelto_env,
    zelto_receiver,
)

__all__ = [
    "FAULT_MODES",
    "TEST_API_KEY",
    "Fault",
    "Post",
    "Receiver",
    "ScriptedLLM",
    "SimulatedWorker",
    "Spool",
    "Step",
    "ToolCall",
    "run_simulated_jobs",
    "simulated_worker",
    "zelto_env",
    "zelto_receiver",
]


@dataclass
class ToolCall:
    """A scripted step that makes the session call a `@function_tool`."""

    name: str
    args: dict[str, Any] = field(default_factory=dict)


Step = str | ToolCall | tuple[ToolCall, ...] | Exception
"""Text, a tool call, parallel tool calls (a tuple: one answer calling several tools), or an
error the LLM raises."""


class ScriptedLLM(llm.LLM[None]):
    """Answers each `chat()` with the next step of `script` (text, a tool call, or an error).

    A turn that calls a tool uses two steps: the `ToolCall`, then the text said after the
    tool's output. When the script runs out, `fallback` is answered.
    """

    def __init__(self, script: Sequence[Step], *, fallback: str = "...") -> None:
        super().__init__()
        self._script = list(script)
        self._fallback = fallback

    @property
    def model(self) -> str:
        return "scripted"

    @property
    def provider(self) -> str:
        return "scripted"

    def chat(
        self,
        *,
        chat_ctx: llm.ChatContext,
        tools: list[llm.Tool] | None = None,
        conn_options: APIConnectOptions = DEFAULT_API_CONNECT_OPTIONS,
        parallel_tool_calls: NotGivenOr[bool] = NOT_GIVEN,
        tool_choice: NotGivenOr[llm.ToolChoice] = NOT_GIVEN,
        extra_kwargs: NotGivenOr[dict[str, Any]] = NOT_GIVEN,
    ) -> llm.LLMStream:
        step = self._script.pop(0) if self._script else self._fallback
        return _ScriptedStream(
            self, step=step, chat_ctx=chat_ctx, tools=tools or [], conn_options=conn_options
        )


class _ScriptedStream(llm.LLMStream):
    def __init__(self, owner: ScriptedLLM, *, step: Step, **kwargs: Any) -> None:
        self._step = step  # before super().__init__, which schedules _run
        super().__init__(owner, **kwargs)

    async def _run(self) -> None:
        request_id = shortuuid("scripted_")
        if isinstance(self._step, Exception):
            raise self._step
        if isinstance(self._step, (ToolCall, tuple)):
            steps = self._step if isinstance(self._step, tuple) else (self._step,)
            calls = [
                llm.FunctionToolCall(
                    name=step.name, arguments=json.dumps(step.args), call_id=shortuuid("call_")
                )
                for step in steps
            ]
            delta = llm.ChoiceDelta(role="assistant", tool_calls=calls)
        else:
            delta = llm.ChoiceDelta(role="assistant", content=self._step)
        self._event_ch.send_nowait(llm.ChatChunk(id=request_id, delta=delta))
        usage = llm.CompletionUsage(completion_tokens=5, prompt_tokens=10, total_tokens=15)
        self._event_ch.send_nowait(llm.ChatChunk(id=request_id, usage=usage))


class SimulatedWorker:
    """A running dev-mode worker (see `simulated_worker`)."""

    def __init__(self, server: AgentServer) -> None:
        self.server = server

    async def run_jobs(self, rooms: Sequence[str], *, timeout: float = 60.0) -> None:
        """One simulated job per room, in real job processes; returns when all have ended."""
        await asyncio.gather(*(self.server.simulate_job(room, fake_job=True) for room in rooms))
        deadline = time.monotonic() + timeout
        while self.server.active_jobs and time.monotonic() < deadline:
            await asyncio.sleep(0.02)  # polling with a deadline: the worker has no job-ended event
        if self.server.active_jobs:
            raise TimeoutError(f"jobs still running after {timeout:g} s")


@contextlib.asynccontextmanager
async def simulated_worker(
    server: AgentServer, *, timeout: float = 30.0
) -> AsyncIterator[SimulatedWorker]:
    """Run `server` in dev mode with no LiveKit server; closes it (and its jobs) on exit.

    Each simulated job runs in a real job process through LiveKit's own end-of-job sequence
    (entrypoint, session close, `on_session_end`, shutdown callbacks). The entrypoint should
    end its job (`ctx.shutdown(...)`). One server may be run again and again, each time on
    a new event loop (`asyncio.run` per test), but not twice at once.

    Job processes take the environment of the test that starts them (`ZELTO_*` set by
    `zelto_env` or `monkeypatch`), not the one LiveKit's forkserver was launched with.
    """
    _unbind_from_old_loop(server)
    started = asyncio.Event()

    def on_started(*_: Any) -> None:
        started.set()

    setup = server.setup_fnc
    server.setup_fnc = _ParentEnviron(setup)
    server.on("worker_started", on_started)
    runner = asyncio.create_task(server.run(devmode=True, unregistered=True))
    try:
        await asyncio.wait_for(started.wait(), timeout)
        yield SimulatedWorker(server)
    finally:
        server.off("worker_started", on_started)
        await server.aclose()
        await runner
        server.setup_fnc = setup


def _unbind_from_old_loop(server: AgentServer) -> None:
    """`AgentServer` makes its job lock once, and an `asyncio.Lock` binds to the loop it is
    first contended on: a later test's loop then fails with "is bound to a different event
    loop" as soon as two of its jobs start together. A fresh lock per run (LiveKit 1.8's
    private `_lock`; left alone if that ever changes)."""
    lock = getattr(server, "_lock", None)
    if isinstance(lock, asyncio.Lock) and not lock.locked():
        server._lock = asyncio.Lock()


async def run_simulated_jobs(
    server: AgentServer, rooms: Sequence[str], *, timeout: float = 60.0
) -> None:
    """Start a dev-mode worker, run one simulated job per room to the end, close it."""
    async with simulated_worker(server) as worker:
        await worker.run_jobs(rooms, timeout=timeout)


class _ParentEnviron:
    """The server's `setup_fnc`, carrying the environment of the process that starts each job
    process into it.

    On Linux LiveKit forks job processes from multiprocessing's forkserver, which keeps the
    environment it was launched with (the first test's); the user's module-level
    `zelto.Forwarder()` would read that stale `ZELTO_*` in every later test. Each job process
    gets this object pickled with its start arguments: unpickling applies the parent's current
    environment first, before the setup function and the entrypoint's module (which LiveKit's
    start arguments list after it) are imported. No forkserver restart: no cost per test.
    """

    def __init__(self, setup: Callable[[JobProcess], Any] | None) -> None:
        self.setup = setup

    def __call__(self, proc: JobProcess) -> Any:
        return None if self.setup is None else self.setup(proc)

    def __reduce__(self) -> tuple[Any, ...]:
        # taken when LiveKit starts the job process, so a monkeypatch in the test counts
        return (_with_setup, (_Environ(dict(os.environ)), self.setup))


class _Environ:
    def __init__(self, env: dict[str, str]) -> None:
        self.env = env

    def __reduce__(self) -> tuple[Any, ...]:
        return (_apply_environ, (self.env,))


def _apply_environ(env: dict[str, str]) -> None:
    """In the job process, while its start arguments unpickle: the parent's environment."""
    for name in set(os.environ) - set(env):
        del os.environ[name]
    os.environ.update(env)


def _with_setup(_applied: None, setup: Callable[[JobProcess], Any] | None) -> _ParentEnviron:
    return _ParentEnviron(setup)
