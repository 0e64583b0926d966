"""Settings: plain http only to loopback, the key never shown, defaults from the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from zelto_spool import ConfigError, DeliveryConfig, default_spool_path
from zelto_spool.config import check_base_url, is_loopback


@pytest.mark.parametrize(
    "url",
    [
        "https://api.zelto.ai",
        "https://api.zelto.ai/",
        "http://127.0.0.1:8787",
        "http://localhost",
        "http://[::1]:9000",
        "http://127.5.6.7",
        "https://10.0.0.1",
    ],
)
def test_accepted_base_urls(url: str) -> None:
    assert check_base_url(url) == url.rstrip("/")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://api.zelto.ai", "refusing plain http://"),
        ("http://10.0.0.1:8787", "refusing plain http://"),
        ("http://localhost.evil.com", "refusing plain http://"),
        # a DNS search domain could send these anywhere: only literal loopback is trusted
        ("http://zelto.localhost:8787", "refusing plain http://"),
        ("http://localhost.localdomain", "refusing plain http://"),
        ("ftp://api.zelto.ai", "must be an https:// URL"),
        ("api.zelto.ai", "must be an https:// URL"),
        ("", "empty"),
        ("https://user:pw@api.zelto.ai", "must not contain credentials"),
        ("https://api.zelto.ai?x=1", "query"),
    ],
)
def test_refused_base_urls(url: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        DeliveryConfig(base_url=url, api_key="k")


def test_scheme_is_normalised() -> None:
    # the sender picks its TLS context from the scheme: HTTPS:// must verify like https://
    assert check_base_url("HTTPS://api.zelto.ai/") == "https://api.zelto.ai"
    assert DeliveryConfig(base_url="Https://api.zelto.ai").endpoint.startswith("https://")


@pytest.mark.parametrize("key", ["zk_1\t2", "zk_1 2", "zk_\u200b12", "zk_caf\u00e9", "zk\x1b[0m"])
def test_keys_that_cannot_be_a_header_are_refused_without_echo(key: str) -> None:
    with pytest.raises(ConfigError, match="copy it again") as info:
        DeliveryConfig(api_key=key)
    assert "zk" not in str(info.value)


def test_a_pasted_key_loses_its_surrounding_whitespace() -> None:
    assert DeliveryConfig(api_key=" zk_live_123\n").api_key == "zk_live_123"


def test_credentials_in_url_are_not_echoed() -> None:
    with pytest.raises(ConfigError) as info:
        check_base_url("https://user:sekrit@api.zelto.ai")
    assert "sekrit" not in str(info.value)


def test_loopback_detection() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("LOCALHOST")
    assert not is_loopback("10.0.0.1") and not is_loopback("example.com")


def test_key_is_not_in_repr_and_endpoint_is_fixed() -> None:
    config = DeliveryConfig(base_url="https://api.zelto.ai/", api_key="zk_secret_123")
    assert "zk_secret_123" not in repr(config)
    assert config.endpoint == "https://api.zelto.ai/webhooks/calls"


def test_from_env_and_overrides() -> None:
    env = {"ZELTO_BASE_URL": "http://127.0.0.1:1", "ZELTO_API_KEY": "k1"}
    config = DeliveryConfig.from_env(env, concurrency=3)
    assert (config.base_url, config.api_key, config.concurrency) == ("http://127.0.0.1:1", "k1", 3)
    assert DeliveryConfig.from_env({}).api_key is None
    assert DeliveryConfig.from_env({"ZELTO_API_KEY": "  "}).api_key is None
    assert DeliveryConfig.from_env(env, api_key="k2").api_key == "k2"


def test_bad_numbers_refused() -> None:
    with pytest.raises(ConfigError):
        DeliveryConfig(concurrency=0)
    with pytest.raises(ConfigError):
        DeliveryConfig(total_timeout_s=0)


def test_default_spool_path() -> None:
    assert default_spool_path({"ZELTO_SPOOL_PATH": "/x/s.db"}) == Path("/x/s.db")
    assert default_spool_path({"XDG_STATE_HOME": "/st"}) == Path("/st/zelto/spool.db")
    assert default_spool_path({}) == Path.home() / ".local/state/zelto/spool.db"


BROKEN_URLS = [
    "https://[bad",
    "https://[::1",
    "http://[::1]x",
    "http://127.0.0.1:0x1f90",
    "https://api.zelto.ai:99999",
    "https://u:sekrit@[bad",
]


@pytest.mark.parametrize("url", BROKEN_URLS)
def test_urls_the_client_cannot_use_are_refused_at_startup(url: str) -> None:
    """`[bad` escaped as ValueError (a 46-line traceback from `run`/`drain`); `[::1]x` and a
    `0x1f90` port passed and then failed every attempt with "unexpected InvalidURL"."""
    with pytest.raises(ConfigError, match="not a valid URL") as info:
        DeliveryConfig(base_url=url, api_key="k")
    assert "sekrit" not in str(info.value) and "\n" not in str(info.value)


KEY = "zk_live_SECRETKEY1234567890abcdef"


@pytest.mark.parametrize(
    "url",
    [
        f"https://api.zelto.ai/?api_key={KEY}",
        f"https://api.zelto.ai/#{KEY}",
        f"https://api.zelto.ai:{KEY}/",
        f"https://[{KEY}]/",
        f"ftp://api.zelto.ai/{KEY}",
        "https://api.zelto.ai/?k=zk%5Flive%5FSECRETKEY1234567890abcdef",
    ],
)
def test_a_key_pasted_into_the_url_is_never_echoed(url: str) -> None:
    """A hostile tester's: the refusal quoted the query, the path, or the parser's words
    about a port it could not read, and with them the key."""
    with pytest.raises(ConfigError) as info:
        DeliveryConfig(base_url=url, api_key="k")
    assert "SECRETKEY" not in str(info.value) and "SECRETKEY" not in repr(info.value)


@pytest.mark.parametrize("command", ["drain", "run"])
def test_a_broken_url_is_one_line_from_the_cli(command: str, tmp_path: Path) -> None:
    from tests.conftest import cli_env, run_cli

    env = cli_env(tmp_path / "spool.db", base_url="https://[bad", api_key="k12345678")
    done = run_cli(command, env=env, timeout=60)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr, done.stderr
    assert "not a valid URL" in done.stderr and len(done.stderr.strip().splitlines()) == 1
