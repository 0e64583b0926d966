"""Every duration is a finite number: NaN and infinity are refused wherever one is parsed.

A NaN timeout passed `<= 0` checks, was stored as a NULL lease, and that lease never expired.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import cli_env, payload, run_cli
from zelto_spool import ConfigError, DeliveryConfig, Spool
from zelto_spool.text import parse_duration

NOT_FINITE = [float("nan"), float("inf"), float("-inf")]


@pytest.mark.parametrize("value", NOT_FINITE)
@pytest.mark.parametrize(
    "name",
    [
        "connect_timeout_s",
        "total_timeout_s",
        "backoff_base_s",
        "backoff_cap_s",
        "pause_probe_interval_s",
        "max_retry_after_s",
        "lease_grace_s",
    ],
)
def test_config_refuses_non_finite_durations(name: str, value: float) -> None:
    with pytest.raises(ConfigError, match=name):
        DeliveryConfig(**{name: value})  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["pause_probe_interval_s", "max_retry_after_s", "lease_grace_s"])
def test_config_refuses_negative_durations(name: str) -> None:
    with pytest.raises(ConfigError, match=name):
        DeliveryConfig(**{name: -1.0})  # type: ignore[arg-type]


def test_an_overflowing_duration_is_refused() -> None:
    with pytest.raises(ValueError, match="not a duration"):
        parse_duration("9" * 400 + "s")


@pytest.mark.parametrize("text", ["nan", "inf", "-1", "1e999"])
def test_cli_total_timeout_refuses_non_finite(spool_path: Path, text: str) -> None:
    Spool(spool_path).enqueue(payload("t"))
    env = cli_env(spool_path, "http://127.0.0.1:9", "k")
    result = run_cli("drain", "--timeout", "1", "--total-timeout", text, env=env)
    assert result.returncode == 2, result.stderr
    assert "--total-timeout" in result.stderr
    with Spool(spool_path) as spool:
        (row,) = spool.upkeep.rows()
    assert row["state"] == "pending" and row["attempts"] == 0


@pytest.mark.parametrize("text", ["+5", "1e3", "\u0663", "\u0663s", "5 s", "0x10"])
def test_durations_take_plain_ascii_digits_only(text: str) -> None:
    with pytest.raises(ValueError):
        parse_duration(text)


def test_a_retention_needs_a_unit_except_zero(spool_path: Path) -> None:
    """`7` meant as the documented `7d` would drop every delivered transcript after 7 s."""
    assert parse_duration("7") == 7.0  # timeouts: a bare number is seconds
    with pytest.raises(ValueError, match="needs a unit"):
        parse_duration("7", unit_required=True)
    assert parse_duration("0", unit_required=True) == 0.0
    assert parse_duration("7d", unit_required=True) == 7 * 86400.0
    with Spool(spool_path) as spool:
        spool.enqueue(payload("t"))
    env = cli_env(spool_path)
    env["ZELTO_SPOOL_RETENTION"] = "7"
    result = run_cli("purge", env=env)
    assert result.returncode != 0 and "needs a unit" in result.stderr
    for args in (["purge", "--older-than", "7"], ["run", "--retention", "7"]):
        result = run_cli(*args, env=cli_env(spool_path))
        assert result.returncode == 2 and "needs a unit" in result.stderr, result.stderr


@pytest.mark.parametrize("text", ["\u0661\u0660", "\uff110", "\u0661\u0660MiB"])
def test_sizes_take_plain_ascii_digits_only(text: str) -> None:
    from zelto_spool.text import parse_size

    with pytest.raises(ValueError):
        parse_size(text)
