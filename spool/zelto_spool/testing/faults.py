"""The receiver's fault modes: one table that the parser, the errors and the CLI help share.

Kept apart from `_receiver.py` (which imports aiohttp) so `zelto-spool receiver --help` can list
the modes without loading the server.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .contract import Refusal

__all__ = ["FAULT_MODES", "Fault", "gateway_refusal", "parse_fault"]

# modes without a value
_SIMPLE = ("none", "down", "hang", "nonjson", "noreceived", "reject")
# mode -> (lowest value, highest value, default when no value is given, what the value is)
_NUMERIC: dict[str, tuple[float, float, float | None, str]] = {
    "5xx": (500, 599, 503, "CODE"),
    "429": (0, 86400, 1, "SECONDS"),
    "slow": (0, 86400, None, "SECONDS"),
    "flaky": (0, 1, None, "P"),
}
_INTEGER = ("5xx", "429")


def _spelled(name: str) -> str:
    *_, default, arg = _NUMERIC[name]
    return f"{name}:{arg}" if default is None else f"{name}[:{arg}]"


FAULT_MODES = ", ".join([*_SIMPLE, *(_spelled(name) for name in _NUMERIC)])


@dataclass(frozen=True)
class Fault:
    """A parsed fault mode: `mode` plus its number (status code, seconds or probability)."""

    mode: str = "none"
    value: float = 0

    def __str__(self) -> str:
        return f"{self.mode}:{self.value:g}" if self.mode in _NUMERIC else self.mode


def parse_fault(mode: str | None) -> Fault:
    """Parse a fault mode string (see `FAULT_MODES`); raise `ValueError` naming the problem."""
    if mode is None:
        return Fault()
    name, sep, arg = mode.strip().lower().partition(":")
    if name in _SIMPLE and not sep:
        return Fault(name)
    if name not in _NUMERIC:
        raise ValueError(f"unknown fault mode {mode!r}; expected one of: {FAULT_MODES}")
    low, high, default, _arg = _NUMERIC[name]
    if not sep and default is None:
        raise ValueError(f"fault mode {name!r} needs a value, e.g. {name}:{high:g}")
    try:
        value = (int if name in _INTEGER else float)(arg) if sep else default
    except ValueError:
        raise ValueError(f"bad fault mode {mode!r}: {arg!r} is not a number") from None
    if value is None or not low <= value <= high:
        raise ValueError(f"bad fault mode {mode!r}: {name} takes a value from {low:g} to {high:g}")
    return Fault(name, value)


def gateway_refusal(fault: Fault, rng: random.Random) -> Refusal | None:
    """The error a gateway in front of Zelto answers under `fault`, before any check.

    `5xx`, `429` (with `Retry-After`) and, with probability `p`, `flaky` (503). The other
    modes act elsewhere: `down`/`hang`/`slow` on the connection, the rest after the checks.
    """
    if fault.mode == "5xx":
        return Refusal(int(fault.value), f"simulated outage (fault {fault})")
    if fault.mode == "429":
        retry_after = (("Retry-After", f"{fault.value:g}"),)
        return Refusal(429, "simulated rate limit (fault 429)", headers=retry_after)
    if fault.mode == "flaky" and rng.random() < fault.value:
        return Refusal(503, f"simulated flaky outage (fault {fault})")
    return None
