"""An upload streams the file from disk: the PUT is signed with the SHA-256 of a hashing pass
(checked equal to botocore's signer), the object is the very bytes, and the file is never
held whole in memory."""

from __future__ import annotations

import datetime
import os
import tracemalloc
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import payload
from tests.s3server import S3Server
from zelto_spool import Spool
from zelto_spool.config import RecordingSettings
from zelto_spool.delivery.sigv4 import sign_put
from zelto_spool.delivery.upload import Uploader


def test_a_put_is_signed_as_botocore_signs_it() -> None:
    from botocore.auth import S3SigV4Auth  # moto's dependency, the reference implementation
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    body = b"OggS some audio"
    import base64
    import hashlib

    md5 = base64.b64encode(hashlib.md5(body).digest()).decode()
    headers = {"Content-MD5": md5, "Content-Type": "audio/ogg", "Content-Length": str(len(body))}
    for token in (None, "TOKEN"):
        settings = RecordingSettings(
            bucket="zelto-b",
            endpoint="http://127.0.0.1:9000",
            region="eu-west-1",
            access_key_id="AKID",
            secret_access_key="SECRET",
            session_token=token,
        )
        key = "p/room_1/abc.ogg"
        theirs = AWSRequest(
            method="PUT", url=f"http://127.0.0.1:9000/zelto-b/{key}", data=body, headers=headers
        )
        S3SigV4Auth(Credentials("AKID", "SECRET", token), "s3", "eu-west-1").add_auth(theirs)
        when = datetime.datetime.strptime(theirs.headers["X-Amz-Date"], "%Y%m%dT%H%M%SZ")
        ours = sign_put(
            settings,
            key,
            sha256=hashlib.sha256(body).hexdigest(),
            headers=headers,
            now=when.replace(tzinfo=datetime.timezone.utc),
        )
        assert ours["authorization"] == theirs.headers["Authorization"]


def test_a_large_file_is_streamed_byte_equal_and_never_held_whole(
    spool: Spool, s3: S3Server, tmp_path: Path
) -> None:
    """8 MiB (eight reads of 1 MiB): before, the upload read it whole (tracemalloc's peak past
    the file's size); now the peak is a few reads."""
    data = b"OggS" + os.urandom(8 * 1024 * 1024)
    source = tmp_path / "audio.ogg"
    source.write_bytes(data)
    spool.enqueue(payload("room-big"))
    spool.hand_off_recording("room-big", source)
    settings = RecordingSettings.from_env(s3.env())
    assert settings is not None
    up = Uploader(spool, settings)

    tracemalloc.start()
    try:
        report = up.upload_due()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert (report.uploaded, report.errors) == (1, [])
    assert peak < 4 * 1024 * 1024, peak  # before: > 8 MiB (the file, and a copy)
    call = spool.latest_payload("room-big")
    assert call is not None
    assert httpx.get(call["call"]["recordingUrl"]).content == data  # the very bytes


def test_a_file_cut_short_while_it_uploads_ends_missing_not_in_a_traceback(
    spool: Spool, s3: S3Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Truncated between its hashing pass and the PUT: before, the HTTP library's "too little
    data for declared Content-Length" left the pass (drain's traceback, no summary)."""
    from zelto_spool.delivery import upload

    data = b"OggS" + os.urandom(3 * 1024 * 1024)
    source = tmp_path / "audio.ogg"
    source.write_bytes(data)
    spool.enqueue(payload("room-cut"))
    spool.hand_off_recording("room-cut", source)
    hash_it = upload._open_and_hash

    def then_truncate(path: Path) -> tuple[Any, ...]:
        opened = hash_it(path)
        os.truncate(path, 1_000_000)  # what LiveKit or an operator does meanwhile
        return opened

    monkeypatch.setattr(upload, "_open_and_hash", then_truncate)
    settings = RecordingSettings.from_env(s3.env())
    assert settings is not None
    report = Uploader(spool, settings).upload_due()
    assert (report.uploaded, report.missing) == (0, 1)
    shown = spool.recordings.show("room-cut")
    assert shown is not None and shown["state"] == "missing"
    assert "changed after it was handed over" in (shown["last_error"] or "")


def test_credentials_a_header_cannot_carry_are_refused_naming_the_variable_only() -> None:
    """A session token ending in a newline or holding a space reached the spool, `status` and
    the log in the HTTP library's "Illegal header value" error."""
    from zelto_spool.errors import ConfigError

    base = {"ZELTO_RECORDINGS_BUCKET": "zelto-b", "AWS_ACCESS_KEY_ID": "AKID"}
    env = {**base, "AWS_SECRET_ACCESS_KEY": "SECRET\n", "AWS_SESSION_TOKEN": "  TOKEN\n"}
    settings = RecordingSettings.from_env(env)
    assert settings is not None
    assert (settings.secret_access_key, settings.session_token) == ("SECRET", "TOKEN")
    for variable, value in (
        ("AWS_SESSION_TOKEN", "SessTok SECRETVALUE"),
        ("AWS_SECRET_ACCESS_KEY", "SECRETVALUE\x00"),
        ("AWS_ACCESS_KEY_ID", "AKIDSECRETVALUÉ"),
    ):
        with pytest.raises(ConfigError) as info:
            RecordingSettings.from_env({**base, "AWS_SECRET_ACCESS_KEY": "S", variable: value})
        assert variable in str(info.value) and "SECRETVALU" not in str(info.value)
