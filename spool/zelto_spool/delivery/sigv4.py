"""AWS Signature Version 4 for the two requests recordings make of an S3-compatible store: the
PUT of an object, signed in its headers with the payload's SHA-256 given (`sign_put`), and a GET
URL signed in its query string (`presign`). AWS's documented algorithm, pure functions of the
settings and the time; both checked equal to botocore's signers in tests/test_recordings*.py.

Why not a library: `httpx-auth`'s `AWS4Auth` (the signer used before) hashes the body itself
(`requires_request_body`, `request.read()`), so the whole file sat in memory for each upload
(peak RSS +118 MiB for a 40 MiB file, against +9 to +12 MiB streamed: `delivery/upload.py`), and
it has no presigned URLs; botocore signs both but is 38 MiB installed. What is left to write is
the canonical request, about 40 lines shared by both forms.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
from urllib.parse import quote, urlsplit

from ..config import RecordingSettings

__all__ = ["object_path", "object_url", "presign", "sign_put"]

ALGORITHM = "AWS4-HMAC-SHA256"
UNRESERVED = "-_.~"


def object_path(settings: RecordingSettings, key: str) -> str:
    """The object's path, URI-encoded as SigV4 canonicalises it (and as it is sent)."""
    path = f"{urlsplit(settings.endpoint).path}/{settings.bucket}/{key}"
    return quote(path, safe="/" + UNRESERVED)


def object_url(settings: RecordingSettings, key: str) -> str:
    parts = urlsplit(settings.endpoint)
    return f"{parts.scheme}://{parts.netloc}{object_path(settings, key)}"


def sign_put(
    settings: RecordingSettings,
    key: str,
    *,
    sha256: str,
    headers: dict[str, str],
    now: datetime.datetime | None = None,
) -> dict[str, str]:
    """The headers of a PUT of `key` whose body has the SHA-256 `sha256` (hex): `headers`
    (Content-MD5, Content-Type, ...) plus Host, the x-amz- ones and Authorization, every one
    signed. The store checks the body against `sha256`."""
    stamp, day, scope = _when(settings, now)
    signed = {name.lower(): value.strip() for name, value in headers.items()}
    signed["host"] = urlsplit(settings.endpoint).netloc
    signed["x-amz-content-sha256"] = sha256
    signed["x-amz-date"] = stamp
    if settings.session_token:
        signed["x-amz-security-token"] = settings.session_token
    names = sorted(signed)
    canonical = "\n".join(
        [
            "PUT",
            object_path(settings, key),
            "",
            "".join(f"{name}:{signed[name]}\n" for name in names),
            ";".join(names),
            sha256,
        ]
    )
    signature = _signature(settings, canonical, stamp, day, scope)
    authorization = (
        f"{ALGORITHM} Credential={settings.access_key_id}/{scope}, "
        f"SignedHeaders={';'.join(names)}, Signature={signature}"
    )
    return {**signed, "authorization": authorization}


def presign(settings: RecordingSettings, key: str, *, now: datetime.datetime | None = None) -> str:
    """A GET URL for `key` signed with SigV4 in its query string, valid `url_ttl_s`."""
    stamp, day, scope = _when(settings, now)
    query = {
        "X-Amz-Algorithm": ALGORITHM,
        "X-Amz-Credential": f"{settings.access_key_id}/{scope}",
        "X-Amz-Date": stamp,
        "X-Amz-Expires": str(int(settings.url_ttl_s)),
        "X-Amz-SignedHeaders": "host",
    }
    if settings.session_token:
        query["X-Amz-Security-Token"] = settings.session_token
    canonical_query = "&".join(
        f"{quote(k, safe=UNRESERVED)}={quote(v, safe=UNRESERVED)}" for k, v in sorted(query.items())
    )
    host = urlsplit(settings.endpoint).netloc
    canonical = "\n".join(
        ["GET", object_path(settings, key), canonical_query, f"host:{host}\n", "host"]
    )
    canonical += "\nUNSIGNED-PAYLOAD"
    signature = _signature(settings, canonical, stamp, day, scope)
    return f"{object_url(settings, key)}?{canonical_query}&X-Amz-Signature={signature}"


def _when(settings: RecordingSettings, now: datetime.datetime | None) -> tuple[str, str, str]:
    now = now or datetime.datetime.now(datetime.timezone.utc)
    day = now.strftime("%Y%m%d")
    return now.strftime("%Y%m%dT%H%M%SZ"), day, f"{day}/{settings.region}/s3/aws4_request"


def _signature(
    settings: RecordingSettings, canonical: str, stamp: str, day: str, scope: str
) -> str:
    digest = hashlib.sha256(canonical.encode()).hexdigest()
    to_sign = f"{ALGORITHM}\n{stamp}\n{scope}\n{digest}"
    signing = f"AWS4{settings.secret_access_key}".encode()
    for part in (day, settings.region, "s3", "aws4_request"):
        signing = hmac.new(signing, part.encode(), hashlib.sha256).digest()
    return hmac.new(signing, to_sign.encode(), hashlib.sha256).hexdigest()
