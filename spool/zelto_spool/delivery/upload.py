"""Uploading the recordings job processes handed to the spool (`store/recordings.py`) to
S3-compatible object storage, then queueing the call again with `call.recordingUrl`.

Run by the sidecar (`zelto-spool run`, beside the flusher) and by `zelto-spool drain`, only when
`ZELTO_RECORDINGS_BUCKET` is set (`RecordingSettings.from_env`). Each upload is idempotent: the
object key is derived from the call id and the file's SHA-256, so a retry after a crash or a
second sidecar writes the same object again. One PUT (no HEAD first) with `Content-MD5` and the
signed `x-amz-content-sha256`, which the store checks: its 200 is the confirmation. Only then is
the version with the URL queued and the local file deleted. A failed attempt is retried with
the calls' backoff (`backoff_base_s`, `backoff_cap_s`, full jitter), for as long as it takes: a
recording is never given up on, only a file gone from disk is.

The file is streamed from disk, never held whole: one pass hashes it (SHA-256 for the signature
and to check it is the file handed over, MD5 for `Content-MD5`), then the PUT sends it in 1 MiB
reads from the same open file. Measured (`benchmarks/bench_upload_memory.py`, a 40 MiB file to
moto's server, the uploading process's peak RSS over its resident size before): +118 MiB when
the whole file was read and `httpx-auth` signed it, +9 to +12 MiB streamed (the reads in flight,
the client). Every read of the file runs in a daemon thread of its own and the whole upload
(reads, connection, PUT, answer) runs under one bound (`UPLOAD_TOTAL_S`, or `drain`'s --timeout
when sooner): a read that never returns (a FIFO, a hung NFS mount) is given up on at the bound
like a store that never answers, and its thread cannot hold the process at exit. The signing is
`delivery/sigv4.py`.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import random
import re
import threading
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from io import FileIO
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx

from ..config import DeliveryConfig, RecordingSettings
from ..errors import ZeltoError
from ..logs import library_logger
from ..store.live import DEFAULT_STALE_AFTER_S
from ..store.recordings import Recording
from ..store.spool import Spool
from .retry import backoff_delay
from .sigv4 import object_url, presign, sign_put

__all__ = ["UploadReport", "Uploader", "in_daemon_thread", "key_for", "presign", "url_for"]

UPLOAD_TIMEOUT_S = 120.0  # each read or write of an upload; `drain` also stops at its --timeout
UPLOAD_TOTAL_S = 300.0  # a whole upload, at least (longer for a file past 128 KiB/s of it)
MIN_UPLOAD_RATE = 128 * 1024  # bytes per second a store is given, at the least
CHUNK = 1024 * 1024  # each read of the file

T = TypeVar("T")

logger = library_logger(__name__)


def key_for(settings: RecordingSettings, recording: Recording) -> str:
    """The object key: the prefix, the call id (unsafe characters replaced) and the hash."""
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", recording.call_id)[:200] or "_"
    suffix = Path(recording.file).suffix or ".ogg"
    return f"{settings.prefix}{safe}/{recording.sha256}{suffix}"


def url_for(settings: RecordingSettings, key: str) -> str:
    return presign(settings, key) if settings.url == "presigned" else object_url(settings, key)


@dataclass
class UploadReport:
    uploaded: int = 0
    retried: int = 0
    missing: int = 0
    errors: list[str] = field(default_factory=list)
    # uploaded, but no version of the call can carry the URL: (call id, why)
    unsent: list[tuple[str, str]] = field(default_factory=list)


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
        self.spool = spool
        self.settings = settings
        self._config = config or DeliveryConfig()
        self._rng = rng or random.Random()
        self._timeout = httpx.Timeout(UPLOAD_TIMEOUT_S, connect=self._config.connect_timeout_s)
        # where uploads go, for error text (the endpoint holds no credentials: config.py)
        self._where = f"{urlsplit(settings.endpoint).netloc}/{settings.bucket}"

    def next_due(self) -> float | None:
        return self.spool.recordings.next_due()

    def upload_due(self, *, limit: int = 16) -> UploadReport:
        """One pass: every recording due now (at most `limit`), each uploaded or rescheduled.
        (Leftover files are the sidecar's hourly upkeep: `delivery/housekeeping.py`.)"""
        report = UploadReport()
        self.spool.recordings.adopt_orphans(stale_after_s=DEFAULT_STALE_AFTER_S)
        for recording in self.spool.recordings.due(limit=limit):
            self.upload(recording, report)
        return report

    def upload_all(self, *, deadline: float | None = None) -> UploadReport:
        """`drain`: every pending recording once, whatever its schedule; none started after
        `deadline` (monotonic), and none waits past it for an answer or a read."""
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
        key = key_for(self.settings, recording)
        try:
            self._put(path, recording, key, deadline)
            ours = object_url(self.settings, key).rpartition("/")[0] + "/"  # this call's keys
            done = recordings.uploaded(
                recording, key=key, url=url_for(self.settings, key), ours=ours
            )
        except FileNotFoundError:
            recordings.missing(recording, error=f"{path} is gone")
            logger.error("recording file is gone; nothing to upload", extra=extra)
            report.missing += 1
            return
        except Changed:
            # rewritten through a hard link after the hand-off: never other bytes under this
            # call's key; the recording as handed over is gone (counted, like a deleted file)
            recordings.missing(recording, error=f"{path} changed after it was handed over")
            logger.error("recording file changed after its hand-off; not uploaded", extra=extra)
            report.missing += 1
            return
        except ReadStalled as exc:
            self._retry(recording, report, str(exc), extra)
            return
        except OSError as exc:  # EIO, EACCES, a directory in its place: this one waits
            self._retry(recording, report, f"{type(exc).__name__}: {exc}", extra)
            return
        except (httpx.HTTPError, UploadError, ZeltoError) as exc:
            self._retry(recording, report, f"{type(exc).__name__} from {self._where}: {exc}", extra)
            return
        except Exception as exc:  # anything else (an HTTP library's own error): this one waits,
            # the pass goes on to the others (a raise here ended drain in a traceback)
            logger.exception("recording upload failed unexpectedly", extra=extra)
            self._retry(recording, report, f"{type(exc).__name__} from {self._where}: {exc}", extra)
            return
        if done.unsent is not None:  # in the bucket, but no version of the call says so
            report.unsent.append((recording.call_id, done.unsent))
            return
        report.uploaded += 1
        version = None if done.queued is None else done.queued.version
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

    def _put(self, path: Path, recording: Recording, key: str, deadline: float | None) -> None:
        """One PUT of the file as it was handed over (the same key and bytes again is
        harmless: no HEAD first, which a bucket policy without ListBucket answers 403 for a
        missing object, as AWS does), bounded as a whole, reads of the file included."""
        # a bound on the whole upload, not on each read: a store that drips one byte at a
        # time resets every read timeout (httpx's own), so it all runs in asyncio.wait_for
        limit_s = max(UPLOAD_TOTAL_S, recording.size / MIN_UPLOAD_RATE)
        if deadline is not None:
            limit_s = min(limit_s, deadline - time.monotonic())
            if limit_s <= 0:
                raise UploadError("drain's --timeout ran out before the upload")
        reading = [False]  # what the bound interrupted: a read of the file, or the store

        async def put() -> httpx.Response:
            reading[0] = True
            opened = await in_daemon_thread(_open_and_hash, path)
            reading[0] = False
            file, sha256, md5, size = opened
            try:
                if sha256 != recording.sha256:
                    raise Changed(path)
                headers = {
                    "Content-Length": str(size),  # not chunked: S3 wants the length first
                    "Content-MD5": md5,
                    "Content-Type": "audio/ogg",
                }
                headers = sign_put(self.settings, key, sha256=sha256, headers=headers)
                async with httpx.AsyncClient(timeout=self._timeout, trust_env=False) as client:
                    return await client.put(
                        object_url(self.settings, key),
                        content=_chunks(file, size, path, reading),
                        headers=headers,
                    )
            finally:
                file.close()

        async def bounded() -> httpx.Response:
            return await asyncio.wait_for(put(), limit_s)

        try:
            answer = asyncio.run(bounded())
        except TimeoutError:
            if reading[0]:
                raise ReadStalled(
                    f"reading {path} did not finish within {limit_s:.0f} s "
                    "(a hung mount? not a regular file?)"
                ) from None
            raise UploadError(f"no complete answer within {limit_s:.0f} s") from None
        if answer.status_code != 200:
            raise UploadError(f"PUT answered HTTP {answer.status_code}: {_s3_error(answer.text)}")


def _open_and_hash(path: Path) -> tuple[FileIO, str, str, int]:
    """`path` opened, read through once (SHA-256, MD5 as Content-MD5, size) and rewound: the
    PUT sends the very file that was hashed, even if another is renamed into its place."""
    # unbuffered: closing it never waits for a read stuck in another thread (a buffered
    # file's close takes the lock that read holds)
    file = open(path, "rb", buffering=0)  # the caller closes it
    try:
        sha256, md5, size = hashlib.sha256(), hashlib.md5(), 0
        while chunk := file.read(CHUNK):
            sha256.update(chunk)
            md5.update(chunk)
            size += len(chunk)
        file.seek(0)
    except BaseException:
        file.close()
        raise
    return file, sha256.hexdigest(), base64.b64encode(md5.digest()).decode(), size


async def _chunks(file: FileIO, size: int, path: Path, reading: list[bool]) -> AsyncIterator[bytes]:
    """The `size` bytes hashed, as the PUT's body. A file cut short since (truncated) ends
    the upload as `Changed` (the store would refuse a body shorter than its Content-Length
    anyway, as the HTTP library's own error); other bytes in it, the store refuses by the
    Content-MD5 and the signed hash."""
    left = size
    while left:
        reading[0] = True
        chunk = await in_daemon_thread(file.read, min(CHUNK, left))
        reading[0] = False
        if not chunk:
            raise Changed(path)
        left -= len(chunk)
        yield chunk


async def in_daemon_thread(fn: Callable[..., T], *args: Any) -> T:
    """`fn(*args)` in a daemon thread of its own, awaited: a call that never returns (a read
    of a FIFO, of a hung NFS mount; the sidecar's whole upload pass on a slow store) holds
    neither the event loop, so the upload's bound still fires, nor `asyncio.run`'s end or the
    default executor's shutdown (`asyncio.to_thread` would), nor the process's exit (SIGTERM:
    the object is uploaded again, same key, next time). A result that comes after the upload
    was given up on is closed when it can be (an opened file)."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[T] = loop.create_future()

    def settle(result: Any, error: BaseException | None) -> None:
        if done.done():  # cancelled: the bound fired meanwhile
            _close(result)
        elif error is not None:
            done.set_exception(error)
        else:
            done.set_result(result)

    def work() -> None:
        result: Any = None
        error: BaseException | None = None
        try:
            result = fn(*args)
        except BaseException as exc:
            error = exc
        try:
            loop.call_soon_threadsafe(settle, result, error)
        except RuntimeError:  # the loop is closed: the upload was given up on
            _close(result)

    threading.Thread(target=work, name="zelto-upload", daemon=True).start()
    return await done


def _close(result: Any) -> None:
    if isinstance(result, tuple) and result and hasattr(result[0], "close"):
        with contextlib.suppress(OSError):
            result[0].close()


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


class ReadStalled(Exception):
    """A read of the file did not finish within the upload's bound."""


class Changed(Exception):
    """The file's bytes are not the ones handed over."""
