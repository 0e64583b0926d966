"""Offline test helpers: the one module a plugin user's tests import from.

- Job helpers: `ScriptedLLM` (with `ToolCall` steps), `ScriptedSTT` and `ScriptedTTS` (each
  with the model, provider and usage LiveKit records for `call.cost`), `simulated_worker` /
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
import os
import pickle
import shutil
import tempfile
import time
import traceback
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from livekit.agents import AgentServer, JobProcess

from zelto_spool.testing import FAULT_MODES, TEST_API_KEY, Fault, Post, Receiver, Spool

from ._livekit import job_functions, renew_job_lock, set_job_functions
from ._scripted import ScriptedLLM, ScriptedSTT, ScriptedTTS, Step, ToolCall, silence

if TYPE_CHECKING:
    from zelto_spool.testing import zelto_env, zelto_receiver

_FIXTURES = ("zelto_env", "zelto_receiver")


def __getattr__(name: str) -> Any:
    """The two pytest fixtures load pytest when looked up here: this module imports without
    it (`ScriptedLLM` and the simulated worker are useful outside tests)."""
    if name in _FIXTURES:
        from zelto_spool import testing

        return getattr(testing, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "FAULT_MODES",
    "TEST_API_KEY",
    "Fault",
    "JobFailed",
    "Post",
    "Receiver",
    "ScriptedLLM",
    "ScriptedSTT",
    "ScriptedTTS",
    "SimulatedWorker",
    "Spool",
    "Step",
    "ToolCall",
    "run_simulated_jobs",
    "silence",
    "simulated_worker",
    "zelto_env",
    "zelto_receiver",
]


class JobFailed(AssertionError):
    """A simulated job's entrypoint or `on_session_end` raised (a failing `result.expect`,
    say) in its job process. LiveKit only logs that and ends the job (`job_crashed`);
    `run_jobs` raises this in the test instead, with each failure's traceback."""

    def __init__(self, failures: list[str]) -> None:
        super().__init__(f"{len(failures)} simulated job(s) failed:\n\n" + "\n".join(failures))
        self.failures = failures


_NO_PROCESS = (
    "no job process could start (LiveKit's log above says why). In a plain script the usual"
    " cause is running jobs at the script's top level: job processes start from"
    " multiprocessing's forkserver, which imports the script again first, so put the call"
    ' under `if __name__ == "__main__":`'
)


class SimulatedWorker:
    """A running dev-mode worker (see `simulated_worker`)."""

    def __init__(self, server: AgentServer, reports: Path | None = None) -> None:
        self.server = server
        self._reports = reports

    def take_failures(self) -> list[str]:
        """What jobs reported raising since the last call, each with its traceback."""
        if self._reports is None:
            return []
        failures = []
        for report in sorted(self._reports.iterdir()):
            failures.append(report.read_text())
            report.unlink()
        return failures

    async def run_jobs(
        self, rooms: Sequence[str], *, timeout: float = 60.0, check: bool = True
    ) -> list[str]:
        """One simulated job per room, in real job processes; returns when all have ended.

        A job whose entrypoint or `on_session_end` raised makes this raise `JobFailed`; with
        `check=False` (a test that makes a job crash on purpose) the failures are returned."""
        try:
            await asyncio.gather(*(self.server.simulate_job(room, fake_job=True) for room in rooms))
        except RuntimeError as exc:
            if "no process became available" not in str(exc):
                raise
            raise RuntimeError(f"{exc}: {_NO_PROCESS}") from exc
        deadline = time.monotonic() + timeout
        while self.server.active_jobs and time.monotonic() < deadline:
            await asyncio.sleep(0.02)  # polling with a deadline: the worker has no job-ended event
        if self.server.active_jobs:
            raise TimeoutError(f"jobs still running after {timeout:g} s")
        failures = self.take_failures()
        if check and failures:
            raise JobFailed(failures)
        return failures


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
    _check_picklable(server)
    renew_job_lock(server)
    started = asyncio.Event()
    reports = Path(tempfile.mkdtemp(prefix="zelto-jobs-"))
    hooks = _report_failures(server, reports)

    def on_started(*_: Any) -> None:
        started.set()

    setup = server.setup_fnc
    server.setup_fnc = _ParentEnviron(setup)
    server.on("worker_started", on_started)
    runner = asyncio.create_task(server.run(devmode=True, unregistered=True))
    worker = SimulatedWorker(server, reports)
    try:
        await asyncio.wait_for(started.wait(), timeout)
        yield worker
    finally:
        server.off("worker_started", on_started)
        await server.aclose()
        await runner
        server.setup_fnc = setup
        set_job_functions(server, *hooks)
        failures = worker.take_failures()  # of jobs started by the test itself
        shutil.rmtree(reports, ignore_errors=True)
        if failures:
            raise JobFailed(failures)


def _check_picklable(server: AgentServer) -> None:
    """LiveKit pickles the job functions into each job process; one that cannot be (a function
    or a `Forwarder` made inside a test) fails there with LiveKit's generic spawn error, after
    the job's timeout. Raise the reason here, before the worker starts."""
    functions = (*job_functions(server), server.setup_fnc)
    for what, fn in zip(("entrypoint", "on_session_end", "setup_fnc"), functions, strict=True):
        try:
            pickle.dumps(fn)
        except Exception as exc:  # PicklingError, TypeError, AttributeError: all say "cannot"
            raise TypeError(
                f"the server's {what} {fn!r} cannot be sent to LiveKit's job processes "
                f"(define it, and any Forwarder it uses, at module level): {exc}"
            ) from exc


def _report_failures(server: AgentServer, reports: Path) -> tuple[Any, Any]:
    """Wrap the server's entrypoint and `on_session_end` so a job that raises reports it to
    `reports` (read when the worker starts its process pool); returns the originals. A
    livekit-agents release without them raises `LiveKitChanged` here, loudly."""
    hooks = job_functions(server)
    entrypoint, session_end = hooks
    set_job_functions(
        server,
        None if entrypoint is None else _Reporting(entrypoint, reports, "entrypoint"),
        None if session_end is None else _Reporting(session_end, reports, "on_session_end"),
    )
    return hooks


@dataclass(frozen=True)
class _Reporting:
    """A job function that, when it raises in the job process, leaves its traceback in a
    file for the test process (pickled to the job process with the function it wraps)."""

    fn: Callable[[Any], Awaitable[None]]
    reports: Path
    what: str

    async def __call__(self, ctx: Any) -> None:
        try:
            await self.fn(ctx)
        except Exception:
            room = getattr(getattr(getattr(ctx, "job", None), "room", None), "name", "?")
            text = f"{self.what} of the job for room {room!r} raised:\n{traceback.format_exc()}"
            name = f"{time.time_ns()}-{os.getpid()}-{id(ctx)}.txt"
            (self.reports / name).write_text(text)
            raise


async def run_simulated_jobs(
    server: AgentServer, rooms: Sequence[str], *, timeout: float = 60.0, check: bool = True
) -> list[str]:
    """Start a dev-mode worker, run one simulated job per room to the end, close it (see
    `SimulatedWorker.run_jobs` for `check` and what it returns)."""
    async with simulated_worker(server) as worker:
        return await worker.run_jobs(rooms, timeout=timeout, check=check)


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
