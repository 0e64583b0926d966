"""A worker whose calls are recorded by LiveKit (`session.start(record=True)`), in real job
processes: `python tests/recording_agent.py ROOM...` (run by tests/test_recordings_job.py).

LiveKit records only a session that has audio in and out (`RecorderIO` wraps
`session.input.audio` and `session.output.audio`); a simulated job has no room, so the session
is given a phone line of its own: an input that hears 20 ms of silence every 20 ms and an output
that plays whatever it is given at once. The scripted TTS speaks each answer as silence, so the
OGG holds both channels' real frames, encoded by LiveKit's own recorder.

`ZELTO_TEST_KILL=1`: the job also keeps live snapshots (`fw.attach`) and SIGKILLs its own
process after the first exchange, once the snapshot holds it and LiveKit's encoder has written
audio out to the OGG (no hook runs after that: the sidecar or `drain` must take both).

`ZELTO_TEST_OGG_OUT`: a directory where each job leaves a copy of the OGG LiveKit wrote (its
own copy is deleted with the job's temporary directory), to compare with the uploaded object.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import signal
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from livekit.agents import Agent, AgentServer, AgentSession, JobContext
from livekit.agents.voice import io

from livekit import rtc
from livekit.plugins import zelto
from livekit.plugins.zelto.testing import ScriptedLLM, ScriptedTTS, simulated_worker

RATE = 16000
FRAME = RATE // 50  # 20 ms

KILL = os.environ.get("ZELTO_TEST_KILL") == "1"
fw = zelto.Forwarder(agent_id="rec-bot", recordings=True)
server = AgentServer(port=0, num_idle_processes=0, load_fnc=lambda: 0.0)


class LineInput(io.AudioInput):
    """The caller's side: a noisy line (what an encoder cannot squeeze to nothing, as it does
    silence), in real time, until closed."""

    def __init__(self) -> None:
        super().__init__(label="test line")
        self._next = time.monotonic()
        self._noise = np.random.default_rng(23)

    async def __anext__(self) -> rtc.AudioFrame:
        self._next += FRAME / RATE
        await asyncio.sleep(max(0.0, self._next - time.monotonic()))  # the line's clock
        samples = self._noise.integers(-4000, 4000, FRAME, dtype=np.int16)
        return rtc.AudioFrame(samples.tobytes(), RATE, 1, FRAME)


class LineOutput(io.AudioOutput):
    """The agent's side: each segment plays in real time, as on a phone line."""

    def __init__(self) -> None:
        super().__init__(label="test line", capabilities=io.AudioOutputCapabilities(pause=False))
        self._pushed = 0.0
        self._playing: asyncio.TimerHandle | None = None

    async def capture_frame(self, frame: rtc.AudioFrame) -> None:
        await super().capture_frame(frame)
        if not self._pushed:
            self.on_playback_started(created_at=time.time())
        self._pushed += frame.duration

    def flush(self) -> None:
        super().flush()
        played, self._pushed = self._pushed, 0.0
        self._playing = asyncio.get_running_loop().call_later(
            played, lambda: self.on_playback_finished(playback_position=played, interrupted=False)
        )

    def clear_buffer(self) -> None:
        if self._playing is not None and not self._playing.cancelled():
            self._playing.cancel()
            self.on_playback_finished(playback_position=0.0, interrupted=True)
        self._pushed = 0.0


class Agent_(Agent):
    def __init__(self) -> None:
        super().__init__(instructions="You are a support agent.")


async def entrypoint(ctx: JobContext) -> None:
    session: AgentSession[Any] = AgentSession(
        llm=ScriptedLLM(["Hi, this is Support.", "Your order ships tomorrow."]),
        tts=ScriptedTTS(seconds_per_character=0.05, sample_rate=RATE),
        vad=None,
        turn_handling={"turn_detection": "manual"},
    )
    session.input.audio = LineInput()
    session.output.audio = LineOutput()
    if KILL:
        fw.attach(ctx, session)
    await session.start(Agent_(), record=True)
    await session.run(user_input="Hello?")
    if KILL:
        await _die_once_written(ctx)
    await session.run(user_input="Where is my order?")
    ctx.shutdown("call finished")


async def _die_once_written(ctx: JobContext) -> None:
    """Like an OOM kill mid-call, once the snapshot and the OGG on disk hold the first turn."""
    ogg = Path(ctx.session_directory) / "audio.ogg"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        live = [r for r in fw.spool.live.rows() if r["job_id"] == ctx.job.id]
        if live and live[0]["turns"] >= 2 and ogg.exists() and ogg.stat().st_size > 0:
            out = os.environ.get("ZELTO_TEST_OGG_OUT")
            if out:  # what LiveKit had written when the process died
                shutil.copyfile(ogg, os.path.join(out, f"{ctx.job.room.name}.ogg"))
            os.kill(os.getpid(), signal.SIGKILL)
        await asyncio.sleep(0.05)  # polling with a deadline: written by LiveKit's thread
    raise RuntimeError(f"LiveKit wrote nothing to {ogg} within 60 s")


async def on_session_end(ctx: JobContext) -> None:
    await fw.on_session_end(ctx)
    out = os.environ.get("ZELTO_TEST_OGG_OUT")
    report = ctx.make_session_report()
    if out and report.audio_recording_path:
        shutil.copyfile(report.audio_recording_path, os.path.join(out, f"{ctx.job.room.name}.ogg"))


server.rtc_session(entrypoint, on_session_end=on_session_end)


async def run(rooms: list[str]) -> None:
    async with simulated_worker(server) as worker:
        await worker.run_jobs(rooms)


if __name__ == "__main__":
    logging.getLogger("livekit.agents").setLevel(logging.ERROR)
    asyncio.run(run(sys.argv[1:] or ["recorded-room"]))
