"""Recordings without Egress from a real job process: `session.start(record=True)`, the OGG
LiveKit's own recorder wrote handed to the spool at session end, uploaded to a real S3 server
(moto's) once it is up, and the call sent again with `call.recordingUrl` serving those bytes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from tests.conftest import API_KEY, cli_env, run_agent_script, run_cli
from tests.s3server import S3Server
from zelto_spool import Spool

ROOT = Path(__file__).resolve().parents[1]
AGENT = ROOT / "tests" / "recording_agent.py"


def run_agent(spool_path: Path, receiver: Any, out: Path, *rooms: str, **env: str) -> None:
    run_agent_script(AGENT, spool_path, receiver, *rooms, ZELTO_TEST_OGG_OUT=str(out), **env)


def test_a_recorded_job_sends_its_transcript_at_once_and_its_recording_once_the_store_is_up(
    spool_path: Path, s3: S3Server, tmp_path: Path, zelto_receiver: Any
) -> None:
    out = tmp_path / "ogg"
    out.mkdir()
    s3.stop()  # the object store is down through the whole call
    run_agent(spool_path, zelto_receiver, out, "rec-room-1")

    call = zelto_receiver.calls["rec-room-1"]  # delivered before the job process exited
    assert [t["role"] for t in call["transcript"]["turns"]] == ["user", "assistant"] * 2
    assert "recordingUrl" not in call["call"]
    written = (out / "rec-room-1.ogg").read_bytes()
    assert written.startswith(b"OggS") and len(written) > 1000  # LiveKit's encoder, real frames
    spool = Spool(spool_path)
    waiting = spool.recordings.show("rec-room-1")
    assert waiting is not None and waiting["state"] == "pending"
    spool.close()

    s3.start()
    drained = run_cli(
        "drain", env={**cli_env(spool_path, zelto_receiver.base_url, API_KEY), **s3.env()}
    )
    assert drained.returncode == 0, drained.stdout + drained.stderr
    later = zelto_receiver.calls["rec-room-1"]
    assert httpx.get(later["call"]["recordingUrl"]).content == written  # the very OGG
    assert later["transcript"] == call["transcript"]
    assert not any((spool_path.parent / "recordings").iterdir())


def test_a_job_killed_mid_call_sends_the_transcript_and_the_audio_so_far(
    spool_path: Path, s3: S3Server, tmp_path: Path, zelto_receiver: Any
) -> None:
    """LiveKit's OGG writer (PyAV) puts the file on disk in 256 KiB blocks and the rest at
    close: a killed job leaves the audio up to its last whole block, which is what arrives."""
    out = tmp_path / "ogg"
    out.mkdir()
    run_agent(spool_path, zelto_receiver, out, "rec-killed", ZELTO_TEST_KILL="1")
    assert "rec-killed" not in zelto_receiver.calls  # no hook ran

    env = {**cli_env(spool_path, zelto_receiver.base_url, API_KEY), **s3.env()}
    drained = run_cli("drain", env=env)
    assert drained.returncode == 0, drained.stdout + drained.stderr
    assert "1 recording(s) uploaded" in drained.stdout
    call = zelto_receiver.calls["rec-killed"]
    assert call["call"]["endedReason"] == "agent_process_lost"
    assert [t["role"] for t in call["transcript"]["turns"]] == ["user", "assistant"]
    so_far = (out / "rec-killed.ogg").read_bytes()  # what LiveKit had written at the kill
    assert so_far.startswith(b"OggS") and len(so_far) >= 256 * 1024
    assert httpx.get(call["call"]["recordingUrl"]).content == so_far


def test_a_recording_that_cannot_be_handed_over_stops_keeping_the_call_s_payload(
    spool_path: Path, tmp_path: Path, zelto_receiver: Any
) -> None:
    """The job registers the recording before spooling the call (`expect`: the payload is kept
    for the URL), then its hand-off fails (here `recordings/` cannot be made: a file holds the
    name); the hand-off step forgets the registration, so retention drops the payload as for
    any delivered call instead of keeping it for a recording that never comes."""
    out = tmp_path / "ogg"
    out.mkdir()
    spool_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    blocker = spool_path.parent / "recordings"
    blocker.write_bytes(b"")
    blocker.chmod(0o600)
    run_agent(spool_path, zelto_receiver, out, "rec-refused")

    call = zelto_receiver.calls["rec-refused"]  # the transcript went all the same
    assert "recordingUrl" not in call["call"]
    assert (out / "rec-refused.ogg").read_bytes().startswith(b"OggS")  # LiveKit did record
    with Spool(spool_path, retention_s=0) as spool:
        assert spool.recordings.show("rec-refused") is None  # forgotten, not left 'recording'
        assert spool.upkeep.purge(older_than_s=0) == 1
        assert spool.latest_payload("rec-refused") is None  # not kept for a recording
