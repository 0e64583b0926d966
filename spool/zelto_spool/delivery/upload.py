"""Uploading the recordings job processes handed to the spool (`store/recordings.py`) to
S3-compatible object storage, then queueing the call again with `call.recordingUrl`.

Run by the sidecar (`zelto-spool run`, beside the flusher) and by `zelto-spool drain`, only when
`ZELTO_RECORDINGS_BUCKET` is set (`RecordingSettings.from_env`). Each upload is idempotent: the
object key is derived from the call id and the file's SHA-256, so a retry after a crash or a
second sidecar writes the same object again. An object already there with the file's size is not
sent again (HEAD); otherwise a PUT with `Content-MD5`, which the store checks: its 200 is the
confirmation. Only then is the version with the URL queued and the local file deleted. A failed
attempt is retried with the calls' backoff (`backoff_base_s`, `backoff_cap_s`, full jitter),
for as long as it takes: a recording is never given up on, only a file gone from disk is.

The client: `httpx` (already the sender's) signed by `httpx-auth`'s `AWS4Auth` (the extra
`zelto-spool[s3]`, 0.4 MiB installed, `import httpx_auth` 0.3 s with httpx, most of it httpx).
Measured against the alternatives, installed beside a bare venv: boto3 + botocore 38 MiB (the
lean sidecar is ~27 MiB of its 50 MiB budget), minio 22 MiB (pycryptodome, argon2), obstore
16 MiB (one Rust binary). `httpx-auth` signs requests but has no presigned URLs, so `presign`
below computes the query-string form of the same SigV4 signature (AWS's documented algorithm,
~25 lines; its test is the real S3 server of tests/test_recordings*.py fetching the URL).
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import hmac
import os
import random
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import quote, urlsplit

import httpx

from ..config import DeliveryConfig, is_loopback
from ..errors import ConfigError, ZeltoError
from ..logs import library_logger
from ..store.live import DEFAULT_STALE_AFTER_S
from ..store.recordings import Recording
from ..store.spool import Spool
from .retry import backoff_delay

__all__ = ["ENV_BUCKET", "RecordingSettings", "UploadReport", "Uploader"]

ENV_BUCKET = "ZELTO_RECORDINGS_BUCKET"
ENV_ENDPOINT = "ZELTO_RECORDINGS_ENDPOINT"
ENV_REGION = "ZELTO_RECORDINGS_REGION"
ENV_PREFIX = "ZELTO_RECORDINGS_PREFIX"
ENV_URL = "ZELTO_RECORDINGS_URL"
ENV_URL_TTL = "ZELTO_RECORDINGS_URL_TTL"

MAX_PRESIGNED_S = 7 * 24 * 3600  # SigV4's longest presigned URL
NEEDS_EXTRA = (
    "recordings are turned on ({what}) but httpx-auth is not installed: "
    "pip install 'zelto-spool[s3]'"
)

logger = library_logger(__name__)


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
            raise ConfigError(f"{ENV_BUCKET}: not an S3 bucket name: {self.bucket[:80]!r}")
        endpoint = (self.endpoint or f"https://s3.{self.region}.amazonaws.com").rstrip("/")
        parts = urlsplit(endpoint)
        if parts.scheme not in ("https", "http") or not parts.hostname:
            raise ConfigError(f"{ENV_ENDPOINT}: not an http(s) URL: {endpoint[:80]!r}")
        if parts.scheme == "http" and not is_loopback(parts.hostname):
            raise ConfigError(f"{ENV_ENDPOINT}: plain http only to a loopback host")
        object.__setattr__(self, "endpoint", endpoint)
        if not re.fullmatch(r"[A-Za-z0-9._/-]*", self.prefix):
            raise ConfigError(f"{ENV_PREFIX}: letters, digits, '.', '_', '-' and '/' only")
        if self.url not in ("presigned", "public"):
            raise ConfigError(f"{ENV_URL}: 'presigned' or 'public', got {self.url!r}")
        if not 1 <= self.url_ttl_s <= MAX_PRESIGNED_S:
            raise ConfigError(f"{ENV_URL_TTL}: between 1s and 7d, got {self.url_ttl_s}")
        if not self.access_key_id or not self.secret_access_key:
            raise ConfigError(
                "recordings are turned on but AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY are not set"
            )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> RecordingSettings | None:
        """From `ZELTO_RECORDINGS_*` and AWS's variables; None when no bucket is set (off)."""
        from ..text import parse_duration

        env = os.environ if environ is None else environ
        if not env.get(ENV_BUCKET):
            return None
        values: dict[str, Any] = {
            "bucket": env[ENV_BUCKET],
            "region": env.get(ENV_REGION)
            or env.get("AWS_REGION")
            or env.get("AWS_DEFAULT_REGION")
            or "us-east-1",
            "endpoint": env.get(ENV_ENDPOINT, ""),
            "access_key_id": env.get("AWS_ACCESS_KEY_ID", ""),
            "secret_access_key": env.get("AWS_SECRET_ACCESS_KEY", ""),
            "session_token": env.get("AWS_SESSION_TOKEN") or None,
        }
        if env.get(ENV_PREFIX) is not None:
            values["prefix"] = env[ENV_PREFIX]
        if env.get(ENV_URL):
            values["url"] = env[ENV_URL]
        if env.get(ENV_URL_TTL):
            try:
                values["url_ttl_s"] = parse_duration(env[ENV_URL_TTL], unit_required=True)
            except ValueError as exc:
                raise ConfigError(f"{ENV_URL_TTL}: {exc}") from None
        return cls(**values)

    def key_for(self, recording: Recording) -> str:
        """The object key: the prefix, the call id (unsafe characters replaced) and the hash."""
        safe = re.sub(r"[^A-Za-z0-9._-]", "_", recording.call_id)[:200] or "_"
        suffix = os.path.splitext(recording.file)[1] or ".ogg"
        return f"{self.prefix}{safe}/{recording.sha256}{suffix}"

    def object_url(self, key: str) -> str:
        return f"{self.endpoint}/{self.bucket}/{key}"

    def presign(self, key: str, *, now: datetime.datetime | None = None) -> str:
        """A GET URL for `key` signed with SigV4 in its query string, valid `url_ttl_s`."""
        now = now or datetime.datetime.now(datetime.timezone.utc)
        stamp, day = now.strftime("%Y%m%dT%H%M%SZ"), now.strftime("%Y%m%d")
        scope = f"{day}/{self.region}/s3/aws4_request"
        query = {
            "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
            "X-Amz-Credential": f"{self.access_key_id}/{scope}",
            "X-Amz-Date": stamp,
            "X-Amz-Expires": str(int(self.url_ttl_s)),
            "X-Amz-SignedHeaders": "host",
        }
        if self.session_token:
            query["X-Amz-Security-Token"] = self.session_token
        canonical_query = "&".join(
            f"{quote(k, safe='-_.~')}={quote(v, safe='-_.~')}" for k, v in sorted(query.items())
        )
        parts = urlsplit(self.endpoint)
        path = f"{parts.path}/{self.bucket}/{key}"
        canonical = "\n".join(
            ["GET", quote(path, safe="/-_.~"), canonical_query, f"host:{parts.netloc}", ""]
        )
        canonical += "\nhost\nUNSIGNED-PAYLOAD"
        digest = hashlib.sha256(canonical.encode()).hexdigest()
        to_sign = f"AWS4-HMAC-SHA256\n{stamp}\n{scope}\n{digest}"
        signing = f"AWS4{self.secret_access_key}".encode()
        for part in (day, self.region, "s3", "aws4_request"):
            signing = hmac.new(signing, part.encode(), hashlib.sha256).digest()
        signature = hmac.new(signing, to_sign.encode(), hashlib.sha256).hexdigest()
        return f"{self.object_url(key)}?{canonical_query}&X-Amz-Signature={signature}"

    def url_for(self, key: str) -> str:
        return self.presign(key) if self.url == "presigned" else self.object_url(key)


@dataclass
class UploadReport:
    uploaded: int = 0
    retried: int = 0
    missing: int = 0
    errors: list[str] = field(default_factory=list)


class Uploader:
    """Uploads due recordings of one spool (blocking; the sidecar runs it in a thread)."""

    def __init__(
        self,
        spool: Spool,
        settings: RecordingSettings,
        *,
        config: DeliveryConfig | None = None,
        rng: random.Random | None = None,
    ) -> None:
        try:
            from httpx_auth import AWS4Auth
        except ImportError:
            raise ConfigError(NEEDS_EXTRA.format(what=ENV_BUCKET)) from None
        self.spool = spool
        self.settings = settings
        self._config = config or DeliveryConfig()
        self._rng = rng or random.Random()
        self._auth = AWS4Auth(
            access_id=settings.access_key_id,
            secret_key=settings.secret_access_key,
            region=settings.region,
            service="s3",
            security_token=settings.session_token,
        )
        timeout = httpx.Timeout(120.0, connect=self._config.connect_timeout_s)
        self._client = httpx.Client(timeout=timeout, trust_env=False)

    def close(self) -> None:
        self._client.close()

    def next_due(self) -> float | None:
        return self.spool.recordings.next_due()

    def upload_due(self, *, limit: int = 16) -> UploadReport:
        """One pass: every recording due now (at most `limit`), each uploaded or rescheduled."""
        report = UploadReport()
        self.spool.recordings.sweep()
        self.spool.recordings.adopt_orphans(stale_after_s=DEFAULT_STALE_AFTER_S)
        for recording in self.spool.recordings.due(limit=limit):
            self.upload(recording, report)
        return report

    def upload_all(self) -> UploadReport:
        """`drain`: every pending recording once, whatever its schedule."""
        self.spool.recordings.adopt_orphans(stale_after_s=DEFAULT_STALE_AFTER_S)
        self.spool.recordings.make_due()
        report = UploadReport()
        self.spool.recordings.sweep()
        tried: set[str] = set()
        while batch := [r for r in self.spool.recordings.due() if r.call_id not in tried]:
            for recording in batch:
                tried.add(recording.call_id)
                self.upload(recording, report)
        return report

    def upload(self, recording: Recording, report: UploadReport) -> None:
        recordings = self.spool.recordings
        path = recordings.path(recording)
        extra = {"call_id": recording.call_id, "bytes": recording.size}
        try:
            body = path.read_bytes()
        except FileNotFoundError:
            recordings.missing(recording, error=f"{path} is gone")
            logger.error("recording file is gone; nothing to upload", extra=extra)
            report.missing += 1
            return
        key = self.settings.key_for(recording)
        try:
            self._put(key, body)
            queued = recordings.uploaded(recording, key=key, url=self.settings.url_for(key))
        except (httpx.HTTPError, UploadError, ZeltoError) as exc:
            delay = backoff_delay(
                recording.attempts + 1,
                base=self._config.backoff_base_s,
                cap=self._config.backoff_cap_s,
                rng=self._rng,
            )
            error = f"{type(exc).__name__}: {exc}"[:300]
            recordings.retry(recording, delay_s=delay, error=error)
            logger.warning(
                "recording upload failed; retried later",
                extra={**extra, "error": error, "retry_in_s": round(delay, 3)},
            )
            report.retried += 1
            report.errors.append(error)
            return
        report.uploaded += 1
        version = None if queued is None else queued.version
        logger.info("recording uploaded", extra={**extra, "key": key, "version": version})

    def _put(self, key: str, body: bytes) -> None:
        url = self.settings.object_url(key)
        head = self._client.head(url, auth=self._auth)
        if head.status_code == 200 and head.headers.get("content-length") == str(len(body)):
            return  # sent before (a retry after a crash, another sidecar): same key, same bytes
        if head.status_code not in (200, 404):
            raise UploadError(f"HEAD answered HTTP {head.status_code}")
        md5 = base64.b64encode(hashlib.md5(body).digest()).decode()
        headers = {"Content-MD5": md5, "Content-Type": "audio/ogg"}
        answer = self._client.put(url, content=body, headers=headers, auth=self._auth)
        if answer.status_code != 200:
            raise UploadError(f"PUT answered HTTP {answer.status_code}: {answer.text[:200]}")


class UploadError(ZeltoError):
    """The object store did not confirm an upload."""
