"""Settings as frozen, keyword-only dataclasses. The environment is read here and only here."""

from __future__ import annotations

import ipaddress
import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from .errors import ConfigError

__all__ = [
    "DEFAULT_BASE_URL",
    "ENV_AGENT_ID",
    "DeliveryConfig",
    "default_spool_path",
    "endpoint_for",
    "shown_url",
]

DEFAULT_BASE_URL = "https://api.zelto.ai"
WEBHOOK_PATH = "/webhooks/calls"
PROVIDER = "livekit"

ENV_API_KEY = "ZELTO_API_KEY"
ENV_BASE_URL = "ZELTO_BASE_URL"
ENV_SPOOL_PATH = "ZELTO_SPOOL_PATH"
ENV_AGENT_ID = "ZELTO_AGENT_ID"
ENV_MAX_BYTES = "ZELTO_SPOOL_MAX_BYTES"
ENV_RETENTION = "ZELTO_SPOOL_RETENTION"

DEFAULT_MAX_BYTES = 1024**3
DEFAULT_RETENTION_S = 7 * 24 * 3600.0


@dataclass(frozen=True, kw_only=True)
class DeliveryConfig:
    """How calls are sent. The API key is excluded from `repr` and never written anywhere.

    Args:
        base_url: Zelto's base URL; the endpoint is `{base_url}/webhooks/calls`. `http://` is
            accepted only for loopback hosts.
        api_key: the bearer key; `None` means sending pauses with "ZELTO_API_KEY is not set".
        concurrency: at most this many POSTs at once per flusher.
        connect_timeout_s: seconds to establish a connection.
        total_timeout_s: seconds for one whole attempt (connect, send, read), enforced as a
            single deadline (httpx timeouts are per phase).
        backoff_base_s / backoff_cap_s: exponential backoff with full jitter, in seconds.
        pause_probe_interval_s: while paused by 401/403/404, probe with one call this often.
        max_retry_after_s: longest `Retry-After` honoured as given (longer ones are capped).
        lease_grace_s: a claim's lease is `total_timeout_s + lease_grace_s` seconds.
    """

    base_url: str = DEFAULT_BASE_URL
    api_key: str | None = field(default=None, repr=False)
    concurrency: int = 8
    connect_timeout_s: float = 5.0
    total_timeout_s: float = 30.0
    backoff_base_s: float = 1.0
    backoff_cap_s: float = 300.0
    pause_probe_interval_s: float = 60.0
    max_retry_after_s: float = 3600.0
    lease_grace_s: float = 30.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "base_url", check_base_url(self.base_url))
        if self.api_key is not None and not self.api_key.strip():
            object.__setattr__(self, "api_key", None)
        if self.concurrency < 1:
            raise ConfigError(f"concurrency must be at least 1, got {self.concurrency}")
        # NaN compares false with everything: a NaN timeout would pass `<= 0` and be stored as
        # a NULL lease that never expires, so every duration must be a finite number
        for name in ("connect_timeout_s", "total_timeout_s", "backoff_base_s", "backoff_cap_s"):
            if not _finite(getattr(self, name)) or getattr(self, name) <= 0:
                raise ConfigError(f"{name} must be a positive number, got {getattr(self, name)}")
        for name in ("pause_probe_interval_s", "max_retry_after_s", "lease_grace_s"):
            if not _finite(getattr(self, name)) or getattr(self, name) < 0:
                raise ConfigError(f"{name} must be a finite number >= 0, got {getattr(self, name)}")
        if self.api_key is not None:
            object.__setattr__(self, "api_key", _credential("ZELTO_API_KEY", self.api_key))

    @property
    def endpoint(self) -> str:
        return endpoint_for(self.base_url)

    @property
    def lease_s(self) -> float:
        return self.total_timeout_s + self.lease_grace_s

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, **overrides: object
    ) -> DeliveryConfig:
        """Defaults, then `ZELTO_BASE_URL` / `ZELTO_API_KEY`, then explicit non-None overrides."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {
            "base_url": env.get(ENV_BASE_URL) or DEFAULT_BASE_URL,
            "api_key": env.get(ENV_API_KEY) or None,
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

    def with_options(self, **changes: object) -> DeliveryConfig:
        return replace(self, **changes)  # type: ignore[arg-type]


def _credential(variable: str, value: str) -> str:
    """A key or token as a header can carry it: stripped (a pasted one, a Kubernetes secret,
    often ends in a newline), else refused naming the variable, never echoing the value (an
    HTTP library's error about an illegal header value quotes it, into logs and the spool)."""
    value = value.strip()
    if not value.isascii() or not value.isprintable() or " " in value:
        raise ConfigError(
            f"{variable} contains a space, a control or a non-ASCII character "
            "(a copy-paste artefact?); copy it again"
        )
    return value


def check_base_url(url: str) -> str:
    """Return the normalised base URL or raise `ConfigError` (plain http only to loopback)."""
    if not isinstance(url, str) or not url.strip():
        raise ConfigError("ZELTO_BASE_URL is empty")
    url = url.strip().rstrip("/")
    try:
        parts = urlsplit(url)
        _ = parts.port  # a port that is no number in 0-65535 raises here
        _http_url(url)
    except ValueError:  # `[bad`, `[::1]x`, `:0x1f90`: refused here, not on every send; the
        # parser's words would quote the part it could not read (a key pasted there)
        raise ConfigError(
            f"ZELTO_BASE_URL is not a valid URL (its host or port cannot be read): "
            f"{shown_url(url)!r}"
        ) from None
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ConfigError(f"ZELTO_BASE_URL must be an https:// URL, got {shown_url(url)!r}")
    if parts.username or parts.password:
        raise ConfigError("ZELTO_BASE_URL must not contain credentials; use ZELTO_API_KEY")
    if parts.query or parts.fragment:
        raise ConfigError(f"ZELTO_BASE_URL must not have a query or fragment: {shown_url(url)!r}")
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise ConfigError(
            f"refusing plain http:// to {parts.hostname}: the API key would cross the network "
            "unencrypted; use https:// (plain http is allowed only to loopback)"
        )
    return parts.geturl()  # the scheme lowercased: HTTPS://... is https


def _http_url(url: str) -> None:
    """Parse `url` as the HTTP client will (httpx), so a URL that passes here never fails
    every attempt with "InvalidURL"; raises ValueError."""
    import httpx  # here, not at import: the config is read where nothing is sent

    try:
        httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise ValueError(str(exc)) from None


def is_loopback(host: str) -> bool:
    """`localhost` or a loopback IP literal. Other names (even `*.localhost`) are not trusted:
    a DNS search domain could send them, and the key in plain text, anywhere."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def endpoint_for(base_url: str) -> str:
    return check_base_url(base_url) + WEBHOOK_PATH


def default_spool_path(environ: Mapping[str, str] | None = None) -> Path:
    """`$ZELTO_SPOOL_PATH`, else `$XDG_STATE_HOME/zelto/spool.db` (`~/.local/state/...`)."""
    env = os.environ if environ is None else environ
    explicit = env.get(ENV_SPOOL_PATH)
    if explicit:
        return expand_path(explicit)
    state_home = env.get("XDG_STATE_HOME") or ""
    if state_home:
        return expand_path(state_home) / "zelto" / "spool.db"
    try:
        home = Path.home()
    except (RuntimeError, KeyError):  # no HOME and no passwd entry (a container's random uid)
        raise ConfigError(
            f"no home directory for the default spool path (HOME is unset and uid "
            f"{_uid()} has no passwd entry): set {ENV_SPOOL_PATH} to the spool file"
        ) from None
    return home / ".local" / "state" / "zelto" / "spool.db"


def expand_path(path: str | Path) -> Path:
    """`Path(path).expanduser()`, with a `ConfigError` when `~` has no home to expand to."""
    try:
        return Path(path).expanduser()
    except (RuntimeError, KeyError):
        raise ConfigError(f"cannot expand ~ in {path}: no home directory (HOME is unset)") from None


def _uid() -> str:
    getuid = getattr(os, "getuid", None)  # not on Windows
    return "?" if getuid is None else str(getuid())


def _finite(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def shown_url(url: str) -> str:
    """`url` as an error message may show it: its scheme, host and port, and "/…" for a
    path. Never its userinfo, path, query or fragment, where a key pasted into the URL (whole,
    split, encoded) would be echoed; a URL that cannot be parsed is not shown at all."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:  # `https://[bad`, a port that is no number (a key pasted there)
        return "(a URL that cannot be parsed)"
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    shown = f"{parts.scheme}://{host}" + (f":{port}" if port is not None else "")
    return (shown + ("/…" if parts.path.strip("/") else ""))[:200]


def env_max_bytes(environ: Mapping[str, str] | None = None) -> int:
    """The spool's disk cap: `$ZELTO_SPOOL_MAX_BYTES` (e.g. `512MiB`), else 1 GiB."""
    from .text import parse_size

    value = (os.environ if environ is None else environ).get(ENV_MAX_BYTES)
    if not value:
        return DEFAULT_MAX_BYTES
    try:
        return parse_size(value)
    except ValueError as exc:
        raise ConfigError(f"{ENV_MAX_BYTES}: {exc}") from None


def env_retention(environ: Mapping[str, str] | None = None) -> float:
    """How long delivered payloads are kept: `$ZELTO_SPOOL_RETENTION` (e.g. `7d`, `0`)."""
    from .text import parse_duration

    value = (os.environ if environ is None else environ).get(ENV_RETENTION)
    if not value:
        return DEFAULT_RETENTION_S
    try:
        return parse_duration(value, unit_required=True)
    except ValueError as exc:
        raise ConfigError(f"{ENV_RETENTION}: {exc}") from None


# --- recordings (uploaded by `delivery/upload.py`) ---------------------------------------

ENV_RECORDINGS_BUCKET = "ZELTO_RECORDINGS_BUCKET"
ENV_RECORDINGS_ENDPOINT = "ZELTO_RECORDINGS_ENDPOINT"
ENV_RECORDINGS_REGION = "ZELTO_RECORDINGS_REGION"
ENV_RECORDINGS_PREFIX = "ZELTO_RECORDINGS_PREFIX"
ENV_RECORDINGS_URL = "ZELTO_RECORDINGS_URL"
ENV_RECORDINGS_URL_TTL = "ZELTO_RECORDINGS_URL_TTL"
MAX_PRESIGNED_S = 7 * 24 * 3600  # SigV4's longest presigned URL


@dataclass(frozen=True, kw_only=True)
class RecordingSettings:
    """Where recordings go. Credentials are excluded from `repr` and never logged.

    Args:
        bucket: the bucket (it must exist).
        region: its region (SigV4 signs for it); default `us-east-1`.
        endpoint: the S3 API's base URL, path-style (`{endpoint}/{bucket}/{key}`); default
            `https://s3.{region}.amazonaws.com`. `http://` only for loopback hosts.
        prefix: prepended to every object key (`{prefix}{call id}/{sha256}.ogg`).
        url: `presigned` (a GET URL signed for `url_ttl_s`, the bucket stays private) or
            `public` (the plain object URL: the bucket or a CDN in front of it must serve it).
        url_ttl_s: a presigned URL's lifetime, at most 7 days (SigV4's limit).
        access_key_id / secret_access_key / session_token: as AWS's standard variables.
    """

    bucket: str
    region: str = "us-east-1"
    endpoint: str = ""
    prefix: str = "zelto-recordings/"
    url: Literal["presigned", "public"] = "presigned"
    url_ttl_s: float = MAX_PRESIGNED_S
    access_key_id: str = field(default="", repr=False)
    secret_access_key: str = field(default="", repr=False)
    session_token: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if not re.fullmatch(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]", self.bucket):
            raise ConfigError(
                f"{ENV_RECORDINGS_BUCKET}: not an S3 bucket name: {self.bucket[:80]!r}"
            )
        endpoint = (self.endpoint or f"https://s3.{self.region}.amazonaws.com").rstrip("/")
        try:
            parts = urlsplit(endpoint)
            parts.port  # noqa: B018 - raises ValueError for a bad port
            host = parts.hostname
        except ValueError:
            host, parts = None, urlsplit("")
        if parts.scheme not in ("https", "http") or not host:
            raise ConfigError(f"{ENV_RECORDINGS_ENDPOINT}: not an http(s) URL")
        if parts.username is not None or parts.password is not None:
            # it would be in every object URL, the spool and Zelto: credentials go in AWS_*
            raise ConfigError(
                f"{ENV_RECORDINGS_ENDPOINT}: no user or password in the URL (use "
                "AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY)"
            )
        if (
            parts.query
            or parts.fragment
            or any(c in endpoint for c in "?#")
            or not (endpoint.isprintable() and " " not in endpoint)
        ):
            raise ConfigError(
                f"{ENV_RECORDINGS_ENDPOINT}: no query, fragment, space or control character "
                "in the URL"
            )
        if parts.scheme == "http" and not is_loopback(host):
            raise ConfigError(f"{ENV_RECORDINGS_ENDPOINT}: plain http only to a loopback host")
        object.__setattr__(self, "endpoint", endpoint)
        if not re.fullmatch(r"[A-Za-z0-9._/-]*", self.prefix):
            raise ConfigError(
                f"{ENV_RECORDINGS_PREFIX}: letters, digits, '.', '_', '-' and '/' only"
            )
        if self.url not in ("presigned", "public"):
            raise ConfigError(f"{ENV_RECORDINGS_URL}: 'presigned' or 'public', got {self.url!r}")
        if not 1 <= self.url_ttl_s <= MAX_PRESIGNED_S:
            from .text import age

            raise ConfigError(
                f"{ENV_RECORDINGS_URL_TTL}: between 1s and 7d, got {age(self.url_ttl_s)}"
            )
        for name, variable in (
            ("access_key_id", "AWS_ACCESS_KEY_ID"),
            ("secret_access_key", "AWS_SECRET_ACCESS_KEY"),
            ("session_token", "AWS_SESSION_TOKEN"),
        ):
            if getattr(self, name):  # in headers and signatures: never in an error's text
                object.__setattr__(self, name, _credential(variable, getattr(self, name)))
        if not self.access_key_id or not self.secret_access_key:
            raise ConfigError(
                "recordings are turned on but AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY are not set"
            )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> RecordingSettings | None:
        """From `ZELTO_RECORDINGS_*` and AWS's variables; None when no bucket is set (off)."""
        from .text import parse_duration

        env = os.environ if environ is None else environ
        if not env.get(ENV_RECORDINGS_BUCKET):
            return None
        values: dict[str, Any] = {
            "bucket": env[ENV_RECORDINGS_BUCKET],
            "region": env.get(ENV_RECORDINGS_REGION)
            or env.get("AWS_REGION")
            or env.get("AWS_DEFAULT_REGION")
            or "us-east-1",
            "endpoint": env.get(ENV_RECORDINGS_ENDPOINT, ""),
            "access_key_id": env.get("AWS_ACCESS_KEY_ID", ""),
            "secret_access_key": env.get("AWS_SECRET_ACCESS_KEY", ""),
            "session_token": env.get("AWS_SESSION_TOKEN") or None,
        }
        if env.get(ENV_RECORDINGS_PREFIX) is not None:
            values["prefix"] = env[ENV_RECORDINGS_PREFIX]
        if env.get(ENV_RECORDINGS_URL):
            values["url"] = env[ENV_RECORDINGS_URL]
        if env.get(ENV_RECORDINGS_URL_TTL):
            try:
                values["url_ttl_s"] = parse_duration(
                    env[ENV_RECORDINGS_URL_TTL], unit_required=True
                )
            except ValueError as exc:
                raise ConfigError(f"{ENV_RECORDINGS_URL_TTL}: {exc}") from None
        return cls(**values)
