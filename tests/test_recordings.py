"""Recordings without Egress, the spool's side: a file handed to the spool is uploaded to a real
S3-compatible server (moto's, started here), and the call is queued again with
`call.recordingUrl`; the transcript never waits for it, an outage loses nothing."""

from __future__ import annotations

import logging
import os
import stat
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import API_KEY, cli_env, payload, run_cli
from tests.s3server import S3Server
from zelto_spool import Spool
from zelto_spool.config import RecordingSettings
from zelto_spool.delivery.upload import Uploader, presign
from zelto_spool.errors import ConfigError, SpoolWriteError
from zelto_spool.sidecar.health import verdict

OGG = b"OggS\x00\x02" + os.urandom(200_000)  # the bytes only matter, not that they decode


def recording(tmp_path: Path, data: bytes = OGG) -> Path:
    path = tmp_path / "session" / "audio.ogg"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return path


def uploader(spool: Spool, s3: S3Server, **settings: Any) -> Uploader:
    found = RecordingSettings.from_env({**s3.env(), **settings})
    assert found is not None
    return Uploader(spool, found)


def test_a_handed_off_recording_is_uploaded_and_the_call_queued_with_its_url(
    spool: Spool, s3: S3Server, tmp_path: Path
) -> None:
    spool.enqueue(payload("room-1"))
    source = recording(tmp_path)
    handed = spool.hand_off_recording("room-1", source)
    kept = spool.recordings.path(handed)
    assert kept.read_bytes() == OGG and source.read_bytes() == OGG  # LiveKit's file untouched
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert kept.parent == spool.path.parent / "recordings"

    up = uploader(spool, s3)
    report = up.upload_due()

    assert (report.uploaded, report.retried) == (1, 0)
    call = spool.latest_payload("room-1")
    assert call is not None
    url = call["call"]["recordingUrl"]
    assert "X-Amz-Signature=" in url and "X-Amz-Expires=604800" in url
    assert httpx.get(url).content == OGG  # the presigned URL serves the very bytes
    assert spool.upkeep.rows(call_ids=["room-1"])[0]["version"] == 2
    assert not kept.exists()  # deleted only after the upload was confirmed
    assert s3.objects() == [f"zelto-recordings/room-1/{handed.sha256}.ogg"]
    assert spool.recordings.show("room-1")["state"] == "uploaded"  # type: ignore[index]


def test_with_the_store_down_the_transcript_goes_at_once_and_the_recording_later(
    spool_path: Path, s3: S3Server, tmp_path: Path, zelto_receiver: Any
) -> None:
    spool = Spool(spool_path)
    spool.enqueue(payload("room-2"))
    spool.hand_off_recording("room-2", recording(tmp_path))
    spool.close()
    env = {**cli_env(spool_path, zelto_receiver.base_url, API_KEY), **s3.env()}
    s3.stop()

    down = run_cli("drain", env=env)
    assert down.returncode == 1, down.stderr  # a recording is left
    assert "0 recording(s) uploaded, 1 left to upload" in down.stdout
    assert "ConnectError from 127.0.0.1:" in down.stdout  # where it tried
    assert zelto_receiver.calls["room-2"]["transcript"]  # the transcript did not wait
    assert "recordingUrl" not in zelto_receiver.calls["room-2"]["call"]
    # what is stuck and why, in status, /healthz's verdict and show (an hour later)
    with Spool(spool_path, clock=lambda: time.time() + 3600) as later:
        found = verdict(later.stats(), max_pending_age_s=900)
        assert not found.ok and "oldest recording waiting for upload is 1h00m old" in found.text
        assert "ConnectError" in found.text
        shown = later.show("room-2")
        assert shown is not None and shown["recording"]["state"] == "pending"
        assert "ConnectError" in shown["recording"]["last_error"]
    status = run_cli("status", "--check", env=env)
    assert status.returncode == 0 and "1 to upload" in status.stdout  # young: no alarm yet
    assert "last error: ConnectError" in status.stdout

    s3.start()
    up = run_cli("drain", env=env)
    assert up.returncode == 0, up.stdout + up.stderr
    assert "1 recording(s) uploaded, 0 left to upload" in up.stdout
    delivered = zelto_receiver.calls["room-2"]
    assert httpx.get(delivered["call"]["recordingUrl"]).content == OGG
    assert delivered["transcript"]  # the same call, a later version: nothing lost
    assert not any((spool_path.parent / "recordings").iterdir())


def test_an_egress_url_on_the_call_wins_over_ours(
    spool: Spool, s3: S3Server, tmp_path: Path
) -> None:
    spool.enqueue(payload("room-3"))
    spool.enrich("room-3", {"call": {"recordingUrl": "https://egress.example/room-3.ogg"}})
    spool.hand_off_recording("room-3", recording(tmp_path))
    up = uploader(spool, s3, ZELTO_RECORDINGS_URL="public")
    assert up.upload_due().uploaded == 1  # uploaded all the same: the file is not lost
    call = spool.latest_payload("room-3")
    assert call is not None and call["call"]["recordingUrl"] == "https://egress.example/room-3.ogg"

    # and an Egress webhook that comes after our upload replaces our URL
    spool.enqueue(payload("room-4"))
    spool.hand_off_recording("room-4", recording(tmp_path, b"OggS-other"))
    up = uploader(spool, s3, ZELTO_RECORDINGS_URL="public")
    up.upload_due()
    ours = spool.latest_payload("room-4")
    assert ours is not None
    assert ours["call"]["recordingUrl"].startswith(f"{s3.endpoint}/zelto-test-recordings/")
    key = ours["call"]["recordingUrl"].removeprefix(s3.endpoint)  # public: the bucket's own
    assert s3.request("GET", key).content == b"OggS-other"
    spool.enrich_from_event(
        "room-4",
        {"call": {"recordingUrl": "https://egress.example/room-4.ogg"}},
        event_id="EV_1",
        kind="egress_ended",
        created_at=spool.clock(),
    )
    after = spool.latest_payload("room-4")
    assert (
        after is not None and after["call"]["recordingUrl"] == "https://egress.example/room-4.ogg"
    )


def test_a_second_upload_of_the_same_recording_writes_the_same_object(
    spool: Spool, s3: S3Server, tmp_path: Path
) -> None:
    spool.enqueue(payload("room-5"))
    source = recording(tmp_path)
    spool.hand_off_recording("room-5", source)
    up = uploader(spool, s3)
    up.upload_due()
    spool.hand_off_recording("room-5", source)  # handed over again (a retried job)
    assert up.upload_due().uploaded == 1
    assert len(s3.objects()) == 1  # one key per (call, content): idempotent


def test_an_upload_error_names_the_store_and_the_bucket_and_s3s_reason(
    spool: Spool, s3: S3Server, tmp_path: Path
) -> None:
    spool.enqueue(payload("room-8"))
    spool.hand_off_recording("room-8", recording(tmp_path))
    up = uploader(spool, s3, ZELTO_RECORDINGS_BUCKET="no-such-bucket")
    report = up.upload_due()
    host = s3.endpoint.removeprefix("http://")
    assert report.retried == 1 and report.errors == [
        f"UploadError from {host}/no-such-bucket: PUT answered HTTP 404: NoSuchBucket: "
        "The specified bucket does not exist"
    ]


def test_a_recording_past_the_disk_cap_is_refused_and_left_where_it_was(
    spool_path: Path, tmp_path: Path
) -> None:
    spool = Spool(spool_path, max_bytes=150_000).open()
    source = recording(tmp_path)
    with pytest.raises(SpoolWriteError, match="cap"):
        spool.hand_off_recording("room-6", source)
    assert source.read_bytes() == OGG
    assert spool.recordings.counts() == {}
    spool.close()


def test_recording_settings_are_checked_and_off_without_a_bucket() -> None:
    assert RecordingSettings.from_env({}) is None
    with pytest.raises(ConfigError, match="loopback"):
        RecordingSettings(
            bucket="b-1", endpoint="http://example.com", access_key_id="a", secret_access_key="s"
        )
    with pytest.raises(ConfigError, match="AWS_ACCESS_KEY_ID"):
        RecordingSettings.from_env({"ZELTO_RECORDINGS_BUCKET": "b-1"})
    with pytest.raises(ConfigError, match="7d"):
        RecordingSettings(
            bucket="b-1", access_key_id="a", secret_access_key="s", url_ttl_s=8 * 86400
        )
    settings = RecordingSettings(bucket="b-1", access_key_id="a", secret_access_key="s")
    assert "secret_access_key" not in repr(settings)
    keys = {"bucket": "b-1", "access_key_id": "a", "secret_access_key": "s"}
    for endpoint, reason in [
        ("https://minio:pw@store.example", "no user or password"),  # it would be in every URL
        ("https://store.example/?x-id=1", "no query"),
        ("https://store.example/#f", "no query, fragment"),
        ("http://127.0.0.1:5155#", "no query, fragment"),  # an empty fragment, '#' all the same
        ("https://store.example?", "no query, fragment"),
        ("https://store .example", "no query, fragment, space"),
        ("http://[::1", "not an http"),  # was a raw ValueError out of run and drain
        ("https://store.example:99999", "not an http"),
    ]:
        with pytest.raises(ConfigError, match=reason):
            RecordingSettings(endpoint=endpoint, **keys)  # type: ignore[arg-type]


def test_a_presigned_url_is_the_one_botocore_signs() -> None:
    """The hand-written query signature (`RecordingSettings.presign`) against AWS's own SDK."""
    import datetime
    from urllib.parse import parse_qs, urlsplit

    import botocore.session  # moto's dependency, here as the reference implementation
    from botocore.config import Config

    settings = RecordingSettings(
        bucket="zelto-b",
        endpoint="http://127.0.0.1:9000",
        region="eu-west-1",
        access_key_id="AKID",
        secret_access_key="SECRET",
        session_token="TOKEN",
        url_ttl_s=3600,
    )
    client = botocore.session.get_session().create_client(
        "s3",
        region_name="eu-west-1",
        endpoint_url="http://127.0.0.1:9000",
        aws_access_key_id="AKID",
        aws_secret_access_key="SECRET",
        aws_session_token="TOKEN",
        config=Config(s3={"addressing_style": "path"}, signature_version="s3v4"),
    )
    params = {"Bucket": "zelto-b", "Key": "p/room-1/abc.ogg"}
    theirs = parse_qs(urlsplit(client.generate_presigned_url("get_object", Params=params)).query)
    when = datetime.datetime.strptime(theirs["X-Amz-Date"][0], "%Y%m%dT%H%M%SZ")
    ours = presign(settings, "p/room-1/abc.ogg", now=when.replace(tzinfo=datetime.timezone.utc))
    assert parse_qs(urlsplit(ours).query) == theirs


def test_the_sidecar_uploads_once_the_store_is_back_and_the_transcript_never_waits(
    spool_path: Path, s3: S3Server, tmp_path: Path, zelto_receiver: Any
) -> None:
    import signal
    import subprocess

    s3.stop()
    env = {**cli_env(spool_path, zelto_receiver.base_url, API_KEY), **s3.env()}
    log = tmp_path / "sidecar.log"
    with open(log, "w") as err:
        sidecar = subprocess.Popen(
            [sys.executable, "-m", "zelto_spool", "run"], env=env, stderr=err, text=True
        )
    try:
        spool = Spool(spool_path)
        spool.enqueue(payload("room-7"))
        spool.hand_off_recording("room-7", recording(tmp_path))
        spool.close()
        assert zelto_receiver.wait_for(lambda r: "room-7" in r.calls, timeout=60)
        assert "recordingUrl" not in zelto_receiver.calls["room-7"]["call"]
        s3.start()

        def uploaded(r: Any) -> bool:
            return "recordingUrl" in r.calls.get("room-7", {}).get("call", {})

        assert zelto_receiver.wait_for(uploaded, timeout=90), log.read_text()
        url = zelto_receiver.calls["room-7"]["call"]["recordingUrl"]
        assert httpx.get(url).content == OGG
    finally:
        sidecar.send_signal(signal.SIGTERM)
        assert sidecar.wait(timeout=60) == 0, log.read_text()


def test_a_recording_whose_process_died_is_taken_as_it_was_left(
    spool_path: Path, tmp_path: Path
) -> None:
    import subprocess

    kept = recording(tmp_path)  # what LiveKit had written when the process died
    never = tmp_path / "never" / "audio.ogg"  # a process that died before recording anything
    register = (
        "import sys; from zelto_spool import Spool; s = Spool(sys.argv[1]); "
        "s.recordings.register('room-8', sys.argv[2]); s.recordings.register('room-9', sys.argv[3])"
    )
    subprocess.run(
        [sys.executable, "-c", register, str(spool_path), str(kept), str(never)], check=True
    )
    spool = Spool(spool_path)
    assert spool.recordings.counts() == {"recording": 2}
    assert spool.recordings.adopt_orphans(stale_after_s=3600) == 1  # that process is gone
    taken = spool.recordings.show("room-8")
    assert taken is not None and taken["state"] == "pending"
    assert (spool_path.parent / "recordings" / taken["file"]).read_bytes() == OGG
    assert spool.recordings.show("room-9") is None  # nothing was recorded: nothing to send
    spool.close()


def test_under_the_pytest_guard_no_recording_goes_to_a_real_bucket(
    spool_path: Path, tmp_path: Path, zelto_receiver: Any
) -> None:
    """A test's audio never reaches the user's real bucket with the user's credentials, from a
    `drain` (or `run`) a test starts: only a loopback object store gets uploads under pytest."""
    spool = Spool(spool_path)
    spool.enqueue(payload("room-g"))
    spool.hand_off_recording("room-g", recording(tmp_path))
    spool.close()
    production = {
        "ZELTO_RECORDINGS_BUCKET": "prod-call-audio",
        "ZELTO_RECORDINGS_ENDPOINT": "https://s3.example.invalid",
        "AWS_ACCESS_KEY_ID": "AKIAPRODUCTION",
        "AWS_SECRET_ACCESS_KEY": "production-secret",
    }
    guard = {"ZELTO_PYTEST_GUARD": os.environ["ZELTO_PYTEST_GUARD"]}  # set by the pytest plugin
    env = {**cli_env(spool_path, zelto_receiver.base_url, API_KEY), **production, **guard}
    drained = run_cli("drain", env=env)
    assert "pytest guard: no recording uploaded to s3.example.invalid" in drained.stderr
    assert "ConnectError" not in drained.stdout + drained.stderr  # no attempt was made
    assert "recordingUrl" not in zelto_receiver.calls["room-g"]["call"]
    with Spool(spool_path) as kept:
        assert kept.stats()["recordings"].get("pending") == 1  # kept, not dropped


@pytest.fixture
def production_bucket(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZELTO_RECORDINGS_BUCKET", "prod-call-audio")


def test_zelto_env_turns_recordings_off(production_bucket: None, zelto_env: Any) -> None:
    assert "ZELTO_RECORDINGS_BUCKET" not in os.environ  # a test turns them on itself, on moto


class _Refusing:
    """An object store as AWS is with the documented policy (PutObject, GetObject, no
    ListBucket): HEAD of a missing object is 403; PUT works."""

    def __init__(self) -> None:
        import http.server
        import threading

        puts: list[bytes] = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_HEAD(self) -> None:
                self.send_response(403)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def do_PUT(self) -> None:
                puts.append(self.rfile.read(int(self.headers["Content-Length"])))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *_: Any) -> None:
                pass

        self.puts = puts
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.endpoint = f"http://127.0.0.1:{self.server.server_address[1]}"


def test_a_bucket_policy_without_listbucket_still_takes_uploads(
    spool: Spool, tmp_path: Path
) -> None:
    store = _Refusing()
    spool.enqueue(payload("room-h"))
    spool.hand_off_recording("room-h", recording(tmp_path))
    settings = RecordingSettings(
        bucket="b-1", endpoint=store.endpoint, access_key_id="a", secret_access_key="s"
    )
    up = Uploader(spool, settings)
    report = up.upload_due()
    store.server.shutdown()
    store.server.server_close()
    assert (report.uploaded, report.errors, store.puts) == (1, [], [OGG])


def test_an_unreadable_or_changed_file_never_stops_the_others(
    spool: Spool, s3: S3Server, tmp_path: Path
) -> None:
    for call in ("room-a", "room-b", "room-c"):
        spool.enqueue(payload(call))
        (tmp_path / call).mkdir()
        spool.hand_off_recording(call, recording(tmp_path / call, OGG + call.encode()))
    kept = {r.call_id: spool.recordings.path(r) for r in spool.recordings.due()}
    kept["room-a"].unlink()
    kept["room-a"].mkdir()  # unreadable (EISDIR, as EIO or EACCES would be)
    kept["room-b"].write_bytes(b"OggS other audio")  # rewritten through its hard link
    up = uploader(spool, s3)
    report = up.upload_due()
    assert (report.uploaded, report.retried, report.missing) == (1, 1, 1)
    assert "IsADirectoryError" in report.errors[0]
    assert spool.recordings.show("room-b")["state"] == "missing"  # type: ignore[index]
    assert [k for k in s3.objects() if "room-b" in k] == []  # other bytes never uploaded


def test_a_call_whose_recording_waits_keeps_its_payload_through_retention_0_and_purge(
    spool_path: Path, s3: S3Server, tmp_path: Path, zelto_receiver: Any
) -> None:
    """The job says a recording follows before the call is spooled (`on_session_end`); the
    payload then outlives retention 0 and `purge` until the version with the URL is queued on
    it (before: the upload found no payload, logged "uploaded" and the URL never left)."""
    source = recording(tmp_path)
    with Spool(spool_path, retention_s=0) as spool:
        spool.recordings.register("room-r", source)  # what the plugin's `expect` does
        spool.enqueue(payload("room-r"))
    env = {**cli_env(spool_path, zelto_receiver.base_url, API_KEY), "ZELTO_SPOOL_RETENTION": "0"}
    assert run_cli("drain", env=env).returncode == 0  # the transcript, at once
    with Spool(spool_path, retention_s=0) as spool:
        spool.upkeep.purge(older_than_s=0)
        spool.hand_off_recording("room-r", source)
    up = run_cli("drain", env={**env, **s3.env()})
    assert up.returncode == 0, up.stdout + up.stderr
    call = zelto_receiver.calls["room-r"]
    assert call["transcript"] and httpx.get(call["call"]["recordingUrl"]).content == OGG


def test_a_second_hand_off_replaces_our_own_earlier_url_never_an_egress_one(
    spool: Spool, s3: S3Server, tmp_path: Path
) -> None:
    """The audio so far (taken from a process thought lost), then the whole file: the call ends
    with the URL of the whole file (before: it kept the first, partial one)."""
    spool.enqueue(payload("room-p"))
    spool.hand_off_recording("room-p", recording(tmp_path, OGG[:50_000]))
    up = uploader(spool, s3)
    up.upload_due()
    first = spool.latest_payload("room-p")["call"]["recordingUrl"]  # type: ignore[index]
    spool.hand_off_recording("room-p", recording(tmp_path, OGG))
    up.upload_due()
    url = spool.latest_payload("room-p")["call"]["recordingUrl"]  # type: ignore[index]
    assert url != first and httpx.get(url).content == OGG
    spool.enrich_from_event(
        "room-p",
        {"call": {"recordingUrl": "https://egress.example/room-p.ogg"}},
        event_id="EV_P",
        kind="egress_ended",
        created_at=spool.clock(),
    )
    spool.hand_off_recording("room-p", recording(tmp_path, OGG + b"more"))
    up.upload_due()
    after = spool.latest_payload("room-p")
    assert (
        after is not None and after["call"]["recordingUrl"] == "https://egress.example/room-p.ogg"
    )


def test_a_registration_never_handed_over_stops_keeping_the_payload_once_forgotten(
    spool_path: Path, tmp_path: Path
) -> None:
    """The job said a recording follows, then had none (empty, refused, unreadable): its
    hand-off step forgets the registration, and the payload (transcript, PII) is not kept
    for a recording that never comes while the worker process lives on."""
    with Spool(spool_path, retention_s=0) as spool:
        spool.recordings.register("room-f", tmp_path / "audio.ogg")
        spool.enqueue(payload("room-f"))
        spool.recordings.forget("room-f")
        spool.enqueue(payload("room-g"))
        spool.hand_off_recording("room-g", recording(tmp_path))
        spool.recordings.forget("room-g")  # a recording handed over is untouched
        assert spool.recordings.show("room-f") is None
        assert spool.recordings.show("room-g")["state"] == "pending"  # type: ignore[index]


def test_a_call_livekit_recorded_nothing_for_says_so(
    spool: Spool, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Recordings on, yet no file (text mode records nothing): a user trying them saw no
    recording and no line saying why."""
    from livekit.plugins.zelto import _recording

    monkeypatch.setattr(_recording, "recording_path", lambda ctx: None)
    spool.enqueue(payload("room-text"))
    with caplog.at_level(logging.INFO, logger="livekit.plugins.zelto"):
        assert _recording.hand_off(object(), spool, "room-text") is None  # type: ignore[arg-type]
    (line,) = [r for r in caplog.records if "wrote no recording" in r.getMessage()]
    assert getattr(line, "call_id", None) == "room-text"
