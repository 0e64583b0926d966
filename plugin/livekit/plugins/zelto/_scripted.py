"""Scripted models for offline tests (re-exported by `testing`): an LLM that answers from a
script, an STT and a TTS, each reporting the model, provider and usage that LiveKit records (so
`call.cost` can be tested). Not imported by `livekit.plugins.zelto` itself."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from livekit.agents import llm, stt, tts
from livekit.agents.types import (
    DEFAULT_API_CONNECT_OPTIONS,
    NOT_GIVEN,
    APIConnectOptions,
    NotGivenOr,
)
from livekit.agents.utils import shortuuid

from livekit import rtc

from ._livekit import send_chunk

__all__ = ["ScriptedLLM", "ScriptedSTT", "ScriptedTTS", "Step", "ToolCall", "silence"]


@dataclass
class ToolCall:
    """A scripted step that makes the session call a `@function_tool`."""

    name: str
    args: dict[str, Any] = field(default_factory=dict)


Step = str | ToolCall | tuple[ToolCall, ...] | Exception
"""Text, a tool call, parallel tool calls (a tuple: one answer calling several tools), or an
error the LLM raises."""


class _Labelled:
    """The `model` and `provider` LiveKit files a scripted model's usage under."""

    _model: str
    _provider: str

    @property
    def model(self) -> str:
        return self._model

    @property
    def provider(self) -> str:
        return self._provider


class ScriptedLLM(_Labelled, llm.LLM[None]):
    """Answers each `chat()` with the next step of `script` (text, a tool call, or an error).

    A turn that calls a tool uses two steps: the `ToolCall`, then the text said after the
    tool's output. When the script runs out, `fallback` is answered. Each answer reports
    `usage` (default 10 prompt and 5 completion tokens) as `provider`'s `model`: LiveKit adds
    it to the session's usage, from which `call.cost` is priced.
    """

    def __init__(
        self,
        script: Sequence[Step],
        *,
        fallback: str = "...",
        model: str = "scripted",
        provider: str = "scripted",
        usage: llm.CompletionUsage | None = None,
    ) -> None:
        super().__init__()
        self._script = list(script)
        self._fallback = fallback
        self._model = model
        self._provider = provider
        self.usage = usage or llm.CompletionUsage(
            completion_tokens=5, prompt_tokens=10, total_tokens=15
        )

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
        self._owner = owner
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
        send_chunk(self, llm.ChatChunk(id=request_id, delta=delta))
        usage = self._owner.usage
        send_chunk(self, llm.ChatChunk(id=request_id, usage=usage))


class ScriptedSTT(_Labelled, stt.STT[None]):
    """Hears `text` in any audio given to `recognize()`; LiveKit records the audio's seconds
    as this `provider`'s `model` usage (in the session whose agent uses it)."""

    def __init__(
        self, text: str = "...", *, model: str = "scripted", provider: str = "scripted"
    ) -> None:
        super().__init__(capabilities=stt.STTCapabilities(streaming=False, interim_results=False))
        self._text = text
        self._model = model
        self._provider = provider

    async def _recognize_impl(
        self,
        buffer: Any,
        *,
        language: NotGivenOr[str] = NOT_GIVEN,
        conn_options: APIConnectOptions,
    ) -> stt.SpeechEvent:
        data = stt.SpeechData(language="en", text=self._text)  # type: ignore[arg-type]
        return stt.SpeechEvent(type=stt.SpeechEventType.FINAL_TRANSCRIPT, alternatives=[data])


def silence(seconds: float, sample_rate: int = 16000) -> rtc.AudioFrame:
    """`seconds` of mono 16-bit silence, for `ScriptedSTT.recognize`."""
    samples = round(seconds * sample_rate)
    return rtc.AudioFrame(b"\0\0" * samples, sample_rate, 1, samples)


class ScriptedTTS(_Labelled, tts.TTS[None]):
    """Speaks any text as silence, `seconds_per_character` long; LiveKit records the text's
    characters and the audio's seconds as this `provider`'s `model` usage."""

    def __init__(
        self,
        *,
        model: str = "scripted",
        provider: str = "scripted",
        seconds_per_character: float = 0.05,
        sample_rate: int = 16000,
    ) -> None:
        super().__init__(
            capabilities=tts.TTSCapabilities(streaming=False),
            sample_rate=sample_rate,
            num_channels=1,
        )
        self._model = model
        self._provider = provider
        self.seconds_per_character = seconds_per_character

    def synthesize(
        self, text: str, *, conn_options: APIConnectOptions = DEFAULT_API_CONNECT_OPTIONS
    ) -> tts.ChunkedStream:
        return _SilentSpeech(tts=self, input_text=text, conn_options=conn_options)


class _SilentSpeech(tts.ChunkedStream):
    async def _run(self, output_emitter: tts.AudioEmitter) -> None:
        owner = self._tts
        assert isinstance(owner, ScriptedTTS)
        output_emitter.initialize(
            request_id=shortuuid("scripted_"),
            sample_rate=owner.sample_rate,
            num_channels=1,
            mime_type="audio/pcm",
        )
        samples = round(len(self.input_text) * owner.seconds_per_character * owner.sample_rate)
        output_emitter.push(b"\0\0" * samples)
        output_emitter.flush()
