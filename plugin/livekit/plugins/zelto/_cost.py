"""`call.cost`: what a call's models cost, in USD, from LiveKit's own usage.

LiveKit counts what each model used (`AgentSession.usage`, the same numbers as
`SessionReport.model_usage`): LLM input, cached and output tokens (text and audio), STT audio
seconds, TTS characters and audio seconds, each with its provider and model. It knows no prices.
The prices come from `voice-prices`, a maintained table on the package index (a fork of
pydantic's `genai-prices` that adds speech-to-text, text-to-speech and LiveKit Inference), then
the user's own `Prices` (negotiated rates, self-hosted models), which win.

Why voice-prices (measured 2026-12 on this project's 2-core CI machine under load, Python 3.11;
"in a worker": new packages beside livekit-agents, and import time after `livekit.agents`):

| package | Python | STT, TTS | own size | in a worker | import + table, first price |
|---|---|---|---|---|---|
| voice-prices 0.11.0 | >= 3.10 | yes, and LiveKit Inference | 1.6 MB | +0 | 48 ms + 31 ms, +3 MiB |
| genai-prices 0.2.5 | >= 3.11 | no | 3.1 MB | +0 | 47 ms + 74 ms, +6 MiB |
| model-prices 0.0.5 | >= 3.11 | no | 1.0 MB | +0 | ~640 ms (alone) |
| tokencost 0.1.26 | >= 3.10 | no | 0.8 MB | +19, 80 MB | ~14 s (alone) |
| litellm 1.110 | >= 3.10 | a few | 200 MB | ~+50, 356 MB | ~12 s (alone) |

genai-prices and model-prices need Python 3.11 (this plugin supports 3.10) and price no speech;
tokencost and litellm weigh 80 and 356 MB. voice-prices also says which usage it had no rate for
(`unpriced_usage`), which the never-guess rule below needs. The plugin's import loads the table
once in LiveKit's forkserver (`preload`), so a job process pays nothing for it. Pricing a call's
usage then takes ~0.3 ms (three models, same machine): with `attach` it runs on the agent's loop
at each turn, for the snapshot's header.

Rules (docs/cost.md has the table of what is priced):
- Never a guess. A model the table and the user's prices do not know, one whose usage has a
  meter with no rate, or one whose price depends on the size of each request (tiered prices
  once the call's input passes the first tier) is left out of the sum, logged once per job
  (provider and model) and counted (`zelto_plugin_unpriced_models_total`); the call is then
  sent without `cost` unless `Prices(partial=True)`.
- Matching is the table's own (its provider and model rules, a few of which match a model
  family by prefix, e.g. Cartesia `sonic...`); an empty or `unknown` provider is never matched
  by model name alone.
- STT and TTS are priced on the first of their meters the model has a rate for (STT: audio
  seconds, then tokens; TTS: characters, then audio seconds, then tokens), never on two.
- Not included: LiveKit Cloud agent minutes, telephony (SIP) minutes, rooms and bandwidth,
  LiveKit's turn-detection and interruption models, VAD.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation
from typing import Any

from zelto_spool import ConfigError

from . import _metrics
from .log import logger

__all__ = ["Cost", "Prices", "call_cost", "preload", "price", "prices_option", "session_usage"]

# voice-prices' `ModelPrice` fields a user may set, and their units (USD per ...)
RATE_UNITS = {
    "input_mtok": "million input tokens (uncached text)",
    "cache_read_mtok": "million cached input tokens",
    "cache_write_mtok": "million tokens written to the prompt cache",
    "input_audio_mtok": "million audio input tokens",
    "cache_audio_read_mtok": "million cached audio input tokens",
    "output_mtok": "million output tokens (text, reasoning included)",
    "output_audio_mtok": "million audio output tokens",
    "input_kchars": "thousand characters synthesized (TTS)",
    "input_audio_kseconds": "thousand seconds of audio transcribed (STT)",
    "output_audio_kseconds": "thousand seconds of audio synthesized (TTS)",
}
PRICED_KINDS = {"llm_usage": "llm", "stt_usage": "stt", "tts_usage": "tts"}
NO_PROVIDER = ("", "unknown")
COST_DIGITS = 10  # call.cost keeps 10 decimals of a dollar: exact for any real call

ModelKey = tuple[str, str, str]  # (kind, provider, model)


class Prices:
    """Your prices for `Forwarder(cost=...)`: negotiated rates, self-hosted models.

    Args:
        rates: `{model: {rate: usd}}` or `{(provider, model): {rate: usd}}`, with the rates
            in USD per unit: `input_mtok`, `cache_read_mtok`, `cache_write_mtok`,
            `input_audio_mtok`, `cache_audio_read_mtok`, `output_mtok`, `output_audio_mtok`
            (per million tokens), `input_kchars` (per thousand TTS characters),
            `input_audio_kseconds` (per thousand seconds transcribed),
            `output_audio_kseconds` (per thousand seconds synthesized). A model name alone
            matches it from any provider; names compare without case. Yours win over the table.
        partial: send the sum of the models with a price even when some have none (default:
            no `cost` then, rather than one that is too low).
        table: also use the maintained table (voice-prices); `False`: only yours.
    """

    def __init__(
        self,
        rates: Mapping[str | tuple[str, str], Mapping[str, float | int | str | Decimal]]
        | None = None,
        *,
        partial: bool = False,
        table: bool = True,
    ) -> None:
        from voice_prices.types import ModelPrice

        self.partial = bool(partial)
        self.table = bool(table)
        self._rates: dict[tuple[str | None, str], Any] = {}
        for key, given in (rates or {}).items():
            provider, model = (None, key) if isinstance(key, str) else _pair(key)
            if not isinstance(given, Mapping) or not given:
                raise ConfigError(f"cost: the rates of {key!r} must be a non-empty dict")
            unknown = sorted(set(given) - set(RATE_UNITS))
            if unknown:
                raise ConfigError(
                    f"cost: unknown rate {unknown[0]!r} for {key!r}; known: {', '.join(RATE_UNITS)}"
                )
            usd: dict[str, Any] = {k: _usd(key, k, v) for k, v in given.items()}
            price = ModelPrice(**usd)
            self._rates[(provider.lower() if provider else None, model.lower())] = price

    def __repr__(self) -> str:
        return f"Prices({len(self._rates)} models, partial={self.partial}, table={self.table})"

    def model_price(self, provider: str, model: str, when: datetime) -> Any | None:
        """The `voice_prices.types.ModelPrice` for a model at `when`, or None when neither
        yours nor the table knows it."""
        own = self._rates.get((provider.lower(), model.lower()))
        own = own if own is not None else self._rates.get((None, model.lower()))
        if own is not None:
            return own
        found = _table_model(provider, model) if self.table else None
        return None if found is None else found.get_prices(when)


def prices_option(cost: bool | Prices | Mapping[Any, Any] | None) -> Prices | None:
    """`Forwarder(cost=...)`: True (the table), a `Prices`, a dict of rates, or False/None."""
    if cost is None or cost is False:
        return None
    if cost is True:
        return Prices()
    if isinstance(cost, Prices):
        return cost
    if isinstance(cost, Mapping):
        return Prices(cost)
    raise ConfigError(f"cost must be True, False, a dict of rates or zelto.Prices, got {cost!r}")


@dataclass(frozen=True)
class Cost:
    """What a call's usage costs: the sum of the priced models, and the models left out."""

    usd: Decimal = Decimal(0)
    priced: tuple[ModelKey, ...] = ()
    unpriced: tuple[tuple[ModelKey, str], ...] = ()  # (model, why)

    def value(self, partial: bool) -> float | None:
        """`call.cost`, or None (omitted) when nothing was priced or, unless `partial`, when
        some model has no price."""
        if not self.priced or (self.unpriced and not partial):
            return None
        return round(float(self.usd), COST_DIGITS)


# the provider zelto.testing's ScriptedLLM/STT/TTS file their usage under by default
SCRIPTED = "scripted"


def session_usage(sessions: Iterable[Any]) -> list[Any]:
    """LiveKit's usage of each session (public `AgentSession.usage`, since livekit-agents 1.8),
    one entry per kind, provider and model and session."""
    found: list[Any] = []
    for session in sessions:
        try:
            found += list(session.usage.model_usage)
        except Exception:  # a session that never started has no collector on some versions
            logger.debug("no usage for a session", exc_info=True)
    return found


def price(usage: Iterable[Any], prices: Prices, *, now: datetime | None = None) -> Cost:
    """Price LiveKit's usage entries; entries of other kinds (turn detection, interruption)
    and entries with nothing used are not part of `call.cost`."""
    when = now or datetime.now(timezone.utc)
    total = Decimal(0)
    priced: list[ModelKey] = []
    unpriced: list[tuple[ModelKey, str]] = []
    for entry in usage:
        kind = PRICED_KINDS.get(getattr(entry, "type", ""))
        meters = _meters(kind, entry) if kind else []
        if not kind:
            continue
        key: ModelKey = (kind, str(entry.provider or ""), str(entry.model or ""))
        if not meters:
            if (getattr(entry, "session_duration", 0) or 0) > 0:  # billed by the minute (xAI)
                unpriced.append((key, "billed by session time, which the table does not price"))
            continue
        usd, why = _price_entry(prices, key, meters, when)
        if usd is None:
            unpriced.append((key, why))
        else:
            total += usd
            priced.append(key)
    return Cost(total, tuple(priced), tuple(unpriced))


def call_cost(usage: Sequence[Any], prices: Prices | None, seen: set[ModelKey]) -> float | None:
    """`call.cost` for a call's usage; logs and counts each unpriced model once per job
    (`seen` is the job's memory of them)."""
    if prices is None or not usage:
        return None
    try:
        cost = price(usage, prices)
    except Exception:  # a price table surprise must never cost the call
        logger.exception("could not price the call's usage; sending it without cost")
        return None
    for (kind, provider, model), why in cost.unpriced:
        if (kind, provider, model) in seen:
            continue
        seen.add((kind, provider, model))
        if provider == SCRIPTED:  # zelto.testing's own stand-ins: no price, nothing to fix
            continue
        _metrics.count_unpriced(kind)
        logger.warning(
            "no price for %s model %s/%s in this call (%s); call.cost leaves it out",
            kind,
            provider,
            model,
            why,
            extra={"kind": kind, "provider": provider, "model": model, "why": why},
        )
    return cost.value(prices.partial)


def preload() -> None:
    """Import the table and build its lookup (~75 ms): LiveKit's forkserver imports the plugin
    once, so its job processes fork with the table ready."""
    try:
        from voice_prices import data_snapshot

        data_snapshot.get_snapshot()
    except Exception:  # a broken table install: every call is then sent without cost
        logger.debug("could not load the price table", exc_info=True)


# --- internals ----------------------------------------------------------------------------


def _meters(kind: str, entry: Any) -> list[dict[str, Any]]:
    """The ways to count what a model used, as voice-prices `Usage` fields, in the order
    tried (one is priced: LiveKit reports several meters of the same audio)."""

    def n(name: str) -> int:
        value = getattr(entry, name, 0) or 0
        return int(value) if isinstance(value, (int, float)) and value > 0 else 0

    def seconds(name: str) -> Decimal:
        value = getattr(entry, name, 0) or 0
        ok = isinstance(value, (int, float)) and math.isfinite(value) and value > 0
        return Decimal(str(value)) if ok else Decimal(0)

    tokens: dict[str, Any] = {
        "input_tokens": n("input_tokens"),
        "output_tokens": n("output_tokens"),
    }
    if kind == "llm":
        tokens |= {
            "cache_read_tokens": n("input_cached_tokens"),
            "cache_write_tokens": n("input_cache_creation_tokens"),
            "input_audio_tokens": n("input_audio_tokens"),
            "cache_audio_read_tokens": n("input_cached_audio_tokens"),
            "output_audio_tokens": n("output_audio_tokens"),
        }
        candidates: list[dict[str, Any]] = [tokens]
    elif kind == "stt":
        tokens["input_audio_tokens"] = n("input_audio_tokens")  # livekit-agents >= 1.8.x
        candidates = [{"audio_input_seconds": seconds("audio_duration")}, tokens]
    else:
        candidates = [
            {"characters": n("characters_count")},
            {"audio_output_seconds": seconds("audio_duration")},
            tokens,
        ]
    return [c for c in candidates if any(c.values())]


def _price_entry(
    prices: Prices, key: ModelKey, meters: list[dict[str, Any]], when: datetime
) -> tuple[Decimal | None, str]:
    from voice_prices.types import Usage

    _kind, provider, model = key
    model_price = prices.model_price(provider, model, when)
    if model_price is None:
        return None, "no provider" if provider.strip().lower() in NO_PROVIDER else "unknown model"
    for meter in meters:
        if _past_first_tier(model_price, meter.get("input_tokens", 0)):
            return None, "its price depends on each request's size"
        try:
            result = model_price.calc_price(Usage(**meter))
        except (ValueError, ArithmeticError) as exc:  # e.g. more cached than input tokens
            return None, f"usage the table cannot price ({exc})"
        if not result["unpriced_usage"]:
            return Decimal(result["total_price"]), ""
    return None, "no rate for what it used"


def _past_first_tier(model_price: Any, input_tokens: int) -> bool:
    """A tiered rate (a higher price for requests past N input tokens) is known for the call
    only while the whole call's input is within the first tier: then every request was."""
    from voice_prices.types import TieredPrices

    for name in RATE_UNITS:
        rate = getattr(model_price, name, None)
        if isinstance(rate, TieredPrices) and rate.tiers:
            if input_tokens > min(t.start for t in rate.tiers):
                return True
    return False


def _table_model(provider: str, model: str) -> Any | None:
    """The table's `ModelInfo` for LiveKit's provider and model: the provider by the table's
    id or name rules, or, for a host (`api.openai.com`, an OpenAI-compatible endpoint), by
    its API URL patterns. None when either is unknown."""
    from voice_prices import data_snapshot

    snapshot = data_snapshot.get_snapshot()
    name = provider.strip()
    if name.lower() in NO_PROVIDER or not model.strip():
        return None
    attempts: list[tuple[str | None, str | None]] = [(name, None)]
    if "." in name:
        attempts.append((None, name if "://" in name else f"https://{name}"))
    for provider_id, api_url in attempts:
        try:
            return snapshot.find_provider_model(model, None, provider_id, api_url)[1]
        except LookupError:
            continue
    return None


def _pair(key: Any) -> tuple[str, str]:
    ok = isinstance(key, tuple) and len(key) == 2 and all(isinstance(k, str) for k in key)
    if not ok or not key[1].strip():
        raise ConfigError(f"cost: a price key is a model name or (provider, model), got {key!r}")
    return key[0], key[1]


def _usd(key: Any, name: str, value: Any) -> Decimal:
    try:
        usd = Decimal(str(value)) if not isinstance(value, bool) else Decimal("NaN")
    except InvalidOperation:
        usd = Decimal("NaN")
    if not usd.is_finite() or usd < 0:
        raise ConfigError(f"cost: {name} of {key!r} must be a number of USD >= 0, got {value!r}")
    return usd
