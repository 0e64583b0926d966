"""`call.cost` from LiveKit's own usage: real `AgentSession` runs whose scripted LLM, STT and TTS
report usage through LiveKit's own metrics, priced by hand from the price table."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from livekit.agents import AgentSession, llm
from livekit.agents.metrics.usage import LLMModelUsage, STTModelUsage, TTSModelUsage
from livekit.agents.testing import fake_job_context
from prometheus_client import REGISTRY
from voice_prices import data_snapshot

from livekit.plugins import zelto
from livekit.plugins.zelto._cost import Prices, price, prices_option
from livekit.plugins.zelto.testing import ScriptedLLM, ScriptedSTT, ScriptedTTS, silence
from tests.conftest import API_KEY, cli_env, run_cli
from tests.sessions import INPUTS, SCRIPT, SupportAgent, cleanup
from tests.test_plugin_worker import run_worker
from zelto_spool import ConfigError

# what the scripted models report: every LLM answer the same usage
PROMPT, CACHED, COMPLETION = 1200, 200, 80
HEARD_S = 4.0  # seconds of audio the STT transcribes
SPOKEN = "Hi, this is Support. How can I help?"  # what the TTS synthesizes
LLM_CALLS = len(SCRIPT)  # a tool call takes two answers: three in all


def forwarder(receiver: Any, spool_path: Path, **options: Any) -> zelto.Forwarder:
    return zelto.Forwarder(
        agent_id="support-bot",
        spool_path=spool_path,
        base_url=receiver.base_url,
        api_key=API_KEY,
        **options,
    )


def rate(provider: str, model: str, name: str) -> Decimal:
    """A rate as the installed table holds it (USD per its unit)."""
    _, info = data_snapshot.get_snapshot().find_provider_model(model, None, provider, None)
    value = getattr(info.get_prices(None), name)
    assert isinstance(value, Decimal), (provider, model, name, value)
    return value


def scripted_llm(model: str = "gpt-4o-mini", provider: str = "openai") -> ScriptedLLM:
    usage = llm.CompletionUsage(
        prompt_tokens=PROMPT,
        prompt_cached_tokens=CACHED,
        completion_tokens=COMPLETION,
        total_tokens=PROMPT + COMPLETION,
    )
    return ScriptedLLM(SCRIPT, model=model, provider=provider, usage=usage)


async def run_call(
    fw: zelto.Forwarder,
    *,
    llm_: ScriptedLLM,
    stt: ScriptedSTT | None = None,
    tts: ScriptedTTS | None = None,
    attach: bool = False,
) -> None:
    """A real session: the LLM answers every input; the STT hears `HEARD_S` seconds and the
    TTS speaks `SPOKEN`, through LiveKit's own STT/TTS base classes, which record the usage."""
    with fake_job_context(job_id="job-cost") as ctx:
        options: dict[str, Any] = {"stt": stt, "tts": tts} if stt or tts else {}
        session: AgentSession[Any] = AgentSession(
            llm=llm_, vad=None, turn_handling={"turn_detection": "manual"}, **options
        )
        if attach:
            fw.attach(ctx, session)
        await session.start(SupportAgent())
        for text in INPUTS:
            await session.run(user_input=text)
        kinds = {"llm_usage"}
        if stt is not None:
            await stt.recognize(silence(HEARD_S))
            kinds.add("stt_usage")
        if tts is not None:
            await tts.synthesize(SPOKEN).collect()
            kinds.add("tts_usage")
        await until(lambda: kinds <= {u.type for u in session.usage.model_usage})
        await session.aclose()
        try:
            await fw.on_session_end(ctx)
        finally:
            await cleanup(ctx)


async def until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.01)  # polling with a deadline: TTS metrics come from a task


def unpriced(kind: str) -> float:
    return REGISTRY.get_sample_value("zelto_plugin_unpriced_models_total", {"kind": kind}) or 0.0


def test_call_cost_is_the_price_table_by_hand(spool_path: Path, zelto_receiver: Any) -> None:
    fw = forwarder(zelto_receiver, spool_path)
    stt = ScriptedSTT("hello", model="nova-3", provider="deepgram")
    tts = ScriptedTTS(model="sonic-3", provider="cartesia")
    asyncio.run(run_call(fw, llm_=scripted_llm(), stt=stt, tts=tts))

    per_answer = (
        (PROMPT - CACHED) * rate("openai", "gpt-4o-mini", "input_mtok")
        + CACHED * rate("openai", "gpt-4o-mini", "cache_read_mtok")
        + COMPLETION * rate("openai", "gpt-4o-mini", "output_mtok")
    ) / 1_000_000
    heard = Decimal(str(HEARD_S)) * rate("deepgram", "nova-3", "input_audio_kseconds") / 1000
    spoken = len(SPOKEN) * rate("cartesia", "sonic-3", "input_kchars") / 1000
    expected = LLM_CALLS * per_answer + heard + spoken
    sent = zelto_receiver.calls["fake-room"]["call"]
    assert sent["cost"] == pytest.approx(float(expected), abs=1e-6)
    assert sent["cost"] > 0


def test_an_unknown_model_leaves_cost_out_and_says_so(
    spool_path: Path, zelto_receiver: Any, caplog: pytest.LogCaptureFixture
) -> None:
    before = unpriced("llm")
    fw = forwarder(zelto_receiver, spool_path)
    stt = ScriptedSTT("hello", model="nova-3", provider="deepgram")
    with caplog.at_level(logging.WARNING, logger="livekit.plugins.zelto"):
        # attach: the snapshot header is priced at every turn too; still one warning
        asyncio.run(run_call(fw, llm_=scripted_llm("my-finetune", "openai"), stt=stt, attach=True))
    assert "cost" not in zelto_receiver.calls["fake-room"]["call"]
    warned = [r for r in caplog.records if "no price for" in r.getMessage()]
    assert [r.getMessage().split(" (")[0] for r in warned] == [  # the text names it too
        "no price for llm model openai/my-finetune in this call"
    ]
    assert [(r.kind, r.provider, r.model) for r in warned] == [  # type: ignore[attr-defined]
        ("llm", "openai", "my-finetune")
    ]
    assert unpriced("llm") == before + 1


def test_partial_sums_the_models_with_a_price(spool_path: Path, zelto_receiver: Any) -> None:
    fw = forwarder(zelto_receiver, spool_path, cost=zelto.Prices(partial=True))
    stt = ScriptedSTT("hello", model="nova-3", provider="deepgram")
    asyncio.run(run_call(fw, llm_=scripted_llm("my-finetune", "openai"), stt=stt))
    heard = Decimal(str(HEARD_S)) * rate("deepgram", "nova-3", "input_audio_kseconds") / 1000
    assert zelto_receiver.calls["fake-room"]["call"]["cost"] == pytest.approx(float(heard))


def test_your_prices_win_and_price_self_hosted_models(
    spool_path: Path, zelto_receiver: Any
) -> None:
    prices = {
        ("vllm.internal:8000", "llama-3-8b"): {"input_mtok": 0.5, "output_mtok": "1.5"},
        "nova-3": {"input_audio_kseconds": 0.06},  # negotiated, any provider
    }
    fw = forwarder(zelto_receiver, spool_path, cost=prices)
    stt = ScriptedSTT("hello", model="nova-3", provider="deepgram")
    asyncio.run(run_call(fw, llm_=scripted_llm("llama-3-8b", "vllm.internal:8000"), stt=stt))
    # by hand: cached tokens have no rate of their own, so they cost the input rate
    expected = LLM_CALLS * (PROMPT * 0.5 + COMPLETION * 1.5) / 1e6 + HEARD_S * 0.06 / 1000
    assert zelto_receiver.calls["fake-room"]["call"]["cost"] == pytest.approx(expected, abs=1e-9)


def test_cost_false_sends_none(spool_path: Path, zelto_receiver: Any) -> None:
    fw = forwarder(zelto_receiver, spool_path, cost=False)
    asyncio.run(run_call(fw, llm_=scripted_llm()))
    assert "cost" not in zelto_receiver.calls["fake-room"]["call"]


# --- pricing rules, one usage table at a time --------------------------------------------

KNOWN_LLM = LLMModelUsage(provider="openai", model="gpt-4o-mini", input_tokens=1000)


@pytest.mark.parametrize(
    ("entry", "why"),
    [
        (LLMModelUsage(provider="", model="gpt-4o-mini", input_tokens=10), "no provider"),
        (LLMModelUsage(provider="unknown", model="gpt-4o-mini", input_tokens=10), "no provider"),
        (LLMModelUsage(provider="openai", model="gpt-nonexistent", input_tokens=10), "unknown"),
        (LLMModelUsage(provider="localhost:8000", model="llama", input_tokens=10), "unknown"),
        # a tiered price once the call's input passes the first tier: each request's size
        # decides, and the summary does not keep it
        (
            LLMModelUsage(provider="anthropic", model="claude-sonnet-4-5", input_tokens=300_000),
            "each request's size",
        ),
        # a realtime model billed by the minute that reported no tokens
        (LLMModelUsage(provider="x-ai", model="grok-voice", session_duration=60.0), "session"),
        # a TTS priced per character that reported only seconds
        (TTSModelUsage(provider="cartesia", model="sonic-3", audio_duration=3.0), "no rate"),
    ],
)
def test_what_is_never_guessed(entry: Any, why: str) -> None:
    cost = price([KNOWN_LLM, entry], Prices())
    assert cost.priced == (("llm", "openai", "gpt-4o-mini"),)
    ((_, reason),) = cost.unpriced
    assert why in reason
    assert cost.value(partial=False) is None
    assert cost.value(partial=True) == pytest.approx(1000 * 0.15 / 1e6)  # gpt-4o-mini input


def test_meters_are_never_counted_twice() -> None:
    # LiveKit reports TTS characters and seconds, STT seconds and tokens: one meter is priced
    tts = TTSModelUsage(
        provider="Cartesia", model="sonic-3", characters_count=1000, audio_duration=60
    )
    stt = STTModelUsage(provider="Deepgram", model="nova-3", audio_duration=60, input_tokens=500)
    cost = price([tts, stt], Prices())
    assert cost.unpriced == ()
    expected = (
        1000 * rate("cartesia", "sonic-3", "input_kchars") / 1000
        + 60 * rate("deepgram", "nova-3", "input_audio_kseconds") / 1000
    )
    assert cost.usd == expected


def test_hosts_and_livekit_inference_are_priced() -> None:
    entries = [
        LLMModelUsage(provider="api.openai.com", model="gpt-4o-mini", input_tokens=1000),
        LLMModelUsage(provider="livekit", model="openai/gpt-4.1-mini", input_tokens=1000),
        STTModelUsage(provider="livekit", model="deepgram/nova-3", audio_duration=60),
    ]
    cost = price(entries, Prices())
    assert cost.unpriced == () and len(cost.priced) == 3


def test_usage_of_other_kinds_and_nothing_used_is_not_part_of_the_cost() -> None:
    assert price([LLMModelUsage(provider="x", model="y")], Prices()).unpriced == ()
    assert price([], Prices()).value(partial=False) is None  # nothing used: no cost


@pytest.mark.parametrize(
    "bad",
    [
        "yes",
        {"gpt-4o": {"input_per_token": 1}},
        {"gpt-4o": {"input_mtok": -1}},
        {"gpt-4o": {"input_mtok": "NaN"}},
        {"gpt-4o": {}},
        {("openai",): {"input_mtok": 1}},
    ],
)
def test_bad_prices_are_refused_at_construction(bad: Any) -> None:
    with pytest.raises(ConfigError, match="cost"):
        prices_option(bad)


# --- real worker job processes --------------------------------------------------------------


def demo_cost() -> float:
    """examples/demo_agent.py's call priced by hand: three answers of 10 prompt and 5
    completion tokens from gpt-4o-mini."""
    per_answer = (
        10 * rate("openai", "gpt-4o-mini", "input_mtok")
        + 5 * rate("openai", "gpt-4o-mini", "output_mtok")
    ) / 1_000_000
    return float(3 * per_answer)


def test_a_job_process_and_a_killed_one_carry_the_cost(
    spool_path: Path, zelto_receiver: Any
) -> None:
    model = {"ZELTO_DEMO_MODEL": "openai/gpt-4o-mini"}
    run_worker(spool_path, zelto_receiver, ["cost-room"], **model)
    assert zelto_receiver.calls["cost-room"]["call"]["cost"] == pytest.approx(demo_cost())

    # killed mid-call: the live snapshot kept the usage so far, and the reaped call has it
    run_worker(
        spool_path,
        zelto_receiver,
        ["cost-lost"],
        ZELTO_DEMO_HOOK="both",
        ZELTO_DEMO_KILL="1",
        **model,
    )
    result = run_cli("drain", env=cli_env(spool_path, zelto_receiver.base_url, API_KEY))
    assert result.returncode == 0, result.stdout + result.stderr
    reaped = zelto_receiver.calls["cost-lost"]["call"]
    assert reaped["endedReason"] == "agent_process_lost"
    assert reaped["cost"] == pytest.approx(demo_cost())


def test_the_scripted_stand_ins_own_usage_is_no_unpriced_model(
    spool_path: Path, zelto_receiver: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """zelto.testing's models file usage as `scripted/scripted`: every simulated call warned
    "no price for llm model scripted/scripted" (an adopter's first run was full of it)."""
    before = unpriced("llm")
    fw = forwarder(zelto_receiver, spool_path)
    with caplog.at_level(logging.WARNING, logger="livekit.plugins.zelto"):
        asyncio.run(run_call(fw, llm_=scripted_llm("scripted", "scripted")))
    assert "cost" not in zelto_receiver.calls["fake-room"]["call"]
    assert not [r for r in caplog.records if "no price for" in r.getMessage()]
    assert unpriced("llm") == before
