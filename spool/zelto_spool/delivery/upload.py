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
~25 lines), checked equal to botocore's `generate_presigned_url` in tests/test_recordings.py
(moto's server, which those tests upload to, does not check signatures).
"""

from __future__ import annotations

import asyncio
import base64
import datetime
import hashlib
import hmac
import os
import random
import re
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

import httpx

from ..config import ENV_RECORDINGS_BUCKET, DeliveryConfig, RecordingSettings
from ..errors import ConfigError, ZeltoError
from ..logs import library_logger
from ..store.live import DEFAULT_STALE_AFTER_S
from ..store.recordings import Recording
from ..store.spool import Spool
from .retry import backoff_delay

__all__ = ["UploadReport", "Uploader", "key_for", "presign", "url_for"]

NEEDS_EXTRA = (
    "recordings are turned on ({what}) but httpx-auth is not installed: "
    "pip install 'zelto-spool[s3]'"
)

SWEEP_INTERVAL_S = 3600.0
UPLOAD_TIMEOUT_S = 120.0  # each read or write of an upload; `drain` also stops at its --timeout
UPLOAD_TOTAL_S = 300.0  # a whole upload, at least (longer for a file past 128 KiB/s of it)
MIN_UPLOAD_RATE = 128 * 1024  # bytes per second a store is given, at the least

logger = library_logger(__name__)


def key_for(settings: RecordingSettings, recording: Recording) -> str:
    """The object key: the prefix, the call id (unsafe characters replaced) and the hash."""
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", recording.call_id)[:200] or "_"
    suffix = os.path.splitext(recording.file)[1] or ".ogg"
    return f"{settings.prefix}{safe}/{recording.sha256}{suffix}"


def object_url(settings: RecordingSettings, key: str) -> str:
    return f"{settings.endpoint}/{settings.bucket}/{key}"


def presign(settings: RecordingSettings, key: str, *, now: datetime.datetime | None = None) -> str:
    """A GET URL for `key` signed with SigV4 in its query string, valid `url_ttl_s`."""
    now = now or datetime.datetime.now(datetime.timezone.utc)
    stamp, day = now.strftime("%Y%m%dT%H%M%SZ"), now.strftime("%Y%m%d")
    scope = f"{day}/{settings.region}/s3/aws4_request"
    query = {
        "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
        "X-Amz-Credential": f"{settings.access_key_id}/{scope}",
        "X-Amz-Date": stamp,
        "X-Amz-Expires": str(int(settings.url_ttl_s)),
        "X-Amz-SignedHeaders": "host",
    }
    if settings.session_token:
        query["X-Amz-Security-Token"] = settings.session_token
    canonical_query = "&".join(
        f"{quote(k, safe='-_.~')}={quote(v, safe='-_.~')}" for k, v in sorted(query.items())
    )
    parts = urlsplit(settings.endpoint)
    path = f"{parts.path}/{settings.bucket}/{key}"
    canonical = "\n".join(
        ["GET", quote(path, safe="/-_.~"), canonical_query, f"host:{parts.netloc}", ""]
    )
    canonical += "\nhost\nUNSIGNED-PAYLOAD"
    digest = hashlib.sha256(canonical.encode()).hexdigest()
    to_sign = f"AWS4-HMAC-SHA256\n{stamp}\n{scope}\n{digest}"
    signing = f"AWS4{settings.secret_access_key}".encode()
    for part in (day, settings.region, "s3", "aws4_request"):
        signing = hmac.new(signing, part.encode(), hashlib.sha256).digest()
    signature = hmac.new(signing, to_sign.encode(), hashlib.sha256).hexdigest()
    return f"{object_url(settings, key)}?{canonical_query}&X-Amz-Signature={signature}"


def url_for(settings: RecordingSettings, key: str) -> str:
    return presign(settings, key) if settings.url == "presigned" else object_url(settings, key)


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
            raise ConfigError(NEEDS_EXTRA.format(what=ENV_RECORDINGS_BUCKET)) from None
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
        self._timeout = httpx.Timeout(UPLOAD_TIMEOUT_S, connect=self._config.connect_timeout_s)
        self._sweep_at = 0.0
        # where uploads go, for error text (the endpoint holds no credentials: config.py)
        self._where = f"{urlsplit(settings.endpoint).netloc}/{settings.bucket}"

    def next_due(self) -> float | None:
        return self.spool.recordings.next_due()

    def upload_due(self, *, limit: int = 16) -> UploadReport:
        """One pass: every recording due now (at most `limit`), each uploaded or rescheduled."""
        report = UploadReport()
        if time.monotonic() >= self._sweep_at:  # housekeeping, not every pass
            self._sweep_at = time.monotonic() + SWEEP_INTERVAL_S
            self.spool.recordings.sweep()
        self.spool.recordings.adopt_orphans(stale_after_s=DEFAULT_STALE_AFTER_S)
        for recording in self.spool.recordings.due(limit=limit):
            self.upload(recording, report)
        return report

    def upload_all(self, *, deadline: float | None = None) -> UploadReport:
        """`drain`: every pending recording once, whatever its schedule; none started after
        `deadline` (monotonic), and none waits past it for an answer."""
        self.spool.recordings.adopt_orphans(stale_after_s=DEFAULT_STALE_AFTER_S)
        self.spool.recordings.make_due()
        report = UploadReport()
        self.spool.recordings.sweep()
        tried: set[str] = set()
        while batch := [r for r in self.spool.recordings.due() if r.call_id not in tried]:
            for recording in batch:
                if deadline is not None and time.monotonic() >= deadline:
                    return report
                tried.add(recording.call_id)
                self.upload(recording, report, deadline=deadline)
        return report

    def upload(
        self, recording: Recording, report: UploadReport, *, deadline: float | None = None
    ) -> None:
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
        except OSError as exc:  # EIO, EACCES, a directory in its place: this one waits
            self._retry(recording, report, f"{type(exc).__name__}: {exc}", extra)
            return
        if hashlib.sha256(body).hexdigest() != recording.sha256:
            # rewritten through a hard link after the hand-off: never other bytes under this
            # call's key; the recording as handed over is gone (counted, like a deleted file)
            recordings.missing(recording, error=f"{path} changed after it was handed over")
            logger.error("recording file changed after its hand-off; not uploaded", extra=extra)
            report.missing += 1
            return
        key = key_for(self.settings, recording)
        try:
            self._put(key, body, deadline)
            ours = object_url(self.settings, key).rpartition("/")[0] + "/"  # this call's keys
            url = url_for(self.settings, key)
            queued = recordings.uploaded(recording, key=key, url=url, ours=ours)
        except (httpx.HTTPError, UploadError, ZeltoError) as exc:
            self._retry(recording, report, f"{type(exc).__name__} from {self._where}: {exc}", extra)
            return
        report.uploaded += 1
        version = None if queued is None else queued.version
        logger.info("recording uploaded", extra={**extra, "key": key, "version": version})

    def _retry(
        self, recording: Recording, report: UploadReport, error: str, extra: dict[str, Any]
    ) -> None:
        delay = backoff_delay(
            recording.attempts + 1,
            base_s=self._config.backoff_base_s,
            cap_s=self._config.backoff_cap_s,
            rng=self._rng,
        )
        error = error[:300]
        self.spool.recordings.retry(recording, delay_s=delay, error=error)
        logger.warning(
            "recording upload failed; retried later",
            extra={**extra, "error": error, "retry_in_s": round(delay, 3)},
        )
        report.retried += 1
        report.errors.append(error)

    def _put(self, key: str, body: bytes, deadline: float | None) -> None:
        """One PUT (the same key and bytes again is harmless: no HEAD first, which a bucket
        policy without ListBucket answers 403 for a missing object, as AWS does)."""
        url = object_url(self.settings, key)
        md5 = base64.b64encode(hashlib.md5(body).digest()).decode()
        headers = {"Content-MD5": md5, "Content-Type": "audio/ogg"}
        # a bound on the whole upload, not on each read: a store that drips one byte at a
        # time resets every read timeout (httpx's own), so the PUT runs in asyncio.wait_for
        limit_s = max(UPLOAD_TOTAL_S, len(body) / MIN_UPLOAD_RATE)
        if deadline is not None:
            limit_s = min(limit_s, deadline - time.monotonic())
            if limit_s <= 0:
                raise UploadError("drain's --timeout ran out before the upload")

        async def put() -> httpx.Response:
            async with httpx.AsyncClient(timeout=self._timeout, trust_env=False) as client:
                return await client.put(url, content=body, headers=headers, auth=self._auth)

        async def bounded() -> httpx.Response:
            return await asyncio.wait_for(put(), limit_s)

        try:
            answer = asyncio.run(bounded())
        except TimeoutError:
            raise UploadError(f"no complete answer within {limit_s:.0f} s") from None
        if answer.status_code != 200:
            raise UploadError(f"PUT answered HTTP {answer.status_code}: {_s3_error(answer.text)}")


def _s3_error(text: str) -> str:
    """An S3 error answer's `Code` and `Message` (`NoSuchBucket: The specified bucket does not
    exist`), else the start of whatever came back."""
    code = re.search(r"<Code>([^<]{1,100})</Code>", text)
    message = re.search(r"<Message>([^<]{1,200})</Message>", text)
    if code is None:
        return text[:200]
    return code.group(1) + (f": {message.group(1)}" if message else "")


class UploadError(ZeltoError):
    """The object store did not confirm an upload."""
