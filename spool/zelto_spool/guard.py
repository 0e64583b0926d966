"""Test calls stay in tests: under pytest, where calls may go.

The package's pytest plugin (`testing/pytest_plugin.py`) sets `ZELTO_PYTEST_GUARD` for the test
session (job processes started by the test inherit it): the user's own spools (the default
path, and `ZELTO_SPOOL_PATH` as the shell had it when pytest started) and a throwaway spool for
the session. `guard_settings` applies it where a call's settings are resolved
(`Outbox.from_settings`, for the plugin's `Forwarder`, per job): a call bound for the user's
spool goes to the throwaway one, and nothing is sent to a Zelto that is not on loopback (the
test's receiver is). A test marked `@pytest.mark.zelto_live` runs without the guard. It lives
on the floor, not in `testing/`, because the delivery layer applies it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .config import DeliveryConfig, RecordingSettings, is_loopback

__all__ = ["ENV_PYTEST_GUARD", "Guarded", "PytestGuard", "guard_recordings", "guard_settings"]

ENV_PYTEST_GUARD = "ZELTO_PYTEST_GUARD"


@dataclass(frozen=True)
class PytestGuard:
    """What the pytest plugin protects (see the module doc)."""

    spools: tuple[Path, ...]
    throwaway: Path

    def to_env(self) -> str:
        spools = [str(p) for p in self.spools]
        return json.dumps({"spools": spools, "throwaway": str(self.throwaway)})

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> PytestGuard | None:
        raw = (os.environ if environ is None else environ).get(ENV_PYTEST_GUARD)
        if not raw:
            return None
        try:
            value = json.loads(raw)
            return cls(tuple(_same(p) for p in value["spools"]), Path(value["throwaway"]))
        except (ValueError, KeyError, TypeError):  # damaged: guard everything it can
            return cls((), Path(raw))


@dataclass(frozen=True)
class Guarded:
    """Settings after the guard, and what it changed (for one log line)."""

    spool_path: Path
    config: DeliveryConfig
    changed: tuple[str, ...] = ()


def guard_settings(
    spool_path: Path, config: DeliveryConfig, environ: Mapping[str, str] | None = None
) -> Guarded:
    """`spool_path` and `config` as a call may use them now: unchanged outside pytest (or in a
    test marked `zelto_live`); under the guard, the user's spool is replaced by the session's
    throwaway one and a non-loopback Zelto gets nothing (the key is dropped)."""
    guard = PytestGuard.from_env(environ)
    if guard is None:
        return Guarded(spool_path, config)
    changed = []
    if not guard.spools or _same(spool_path) in guard.spools:
        changed.append(f"spool {spool_path} -> {guard.throwaway} (the user's own spool)")
        spool_path = guard.throwaway
    host = urlsplit(config.base_url).hostname or ""
    if config.api_key is not None and not is_loopback(host):
        changed.append(f"nothing sent to {host} (not loopback)")
        config = config.with_options(api_key=None)
    return Guarded(spool_path, config, tuple(changed))


def guard_recordings(
    settings: RecordingSettings | None, environ: Mapping[str, str] | None = None
) -> tuple[RecordingSettings | None, str | None]:
    """Recording uploads as `drain` and `run` may make them now: unchanged outside pytest; under
    the guard, none to an object store that is not on loopback (a test's S3 server is), so a
    test's audio never reaches the user's real bucket with the user's credentials. Returns the
    settings (None: uploads off) and what the guard changed, for one log line."""
    if settings is None or PytestGuard.from_env(environ) is None:
        return settings, None
    host = urlsplit(settings.endpoint).hostname or ""
    if is_loopback(host):
        return settings, None
    return None, f"no recording uploaded to {host} (not loopback)"


def _same(path: str | Path) -> Path:
    return Path(os.path.realpath(Path(path).expanduser()))
