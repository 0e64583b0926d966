"""What a recording can leave behind, and what `drain` says about it: a file in `recordings/` no
row waits for (its row purged, a hand-off killed mid-copy) is removed by upkeep after a grace
period, never under a live hand-off; an upload whose URL could not be queued is not reported as
done; a read that blocks (a FIFO, a hung NFS mount) does not hold `drain` past its --timeout."""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import API_KEY, cli_env, payload, run_cli
from tests.s3server import S3Server
from zelto_spool import Spool
from zelto_spool.store.recordings import LEFTOVER_GRACE_S, Recordings

OGG = b"OggS\x00\x02" + os.urandom(100_000)


def recording(tmp_path: Path, name: str, data: bytes = OGG) -> Path:
    path = tmp_path / name / "audio.ogg"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return path


def later(spool_path: Path) -> Spool:
    """The same spool, read past the grace period (an injected clock, no waiting)."""
    return Spool(spool_path, clock=lambda: time.time() + LEFTOVER_GRACE_S + 60)


def test_files_no_row_waits_for_are_removed_after_the_grace_and_counted_in_status(
    spool_path: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with Spool(spool_path) as spool:
        for call in ("room-purged", "room-kept"):
            spool.enqueue(payload(call))
            spool.hand_off_recording(call, recording(tmp_path, call, OGG + call.encode()))
        purged = spool.recordings.show("room-purged")
        assert purged is not None
    with sqlite3.connect(spool_path) as conn:  # the row gone (purged, a salvaged spool)
        conn.execute("DELETE FROM recordings WHERE call_id = 'room-purged'")
    conn.close()
    directory = spool_path.parent / "recordings"
    part = directory / f".{purged['file']}.part"  # a hand-off killed mid-copy
    part.write_bytes(OGG[:4096])
    os.chmod(part, 0o600)

    with Spool(spool_path) as spool:  # within the grace: a hand-off may be under way
        assert spool.stats()["recording_leftovers"] == {"files": 0, "bytes": 0}
        assert spool.recordings.sweep() == 0
        assert (directory / purged["file"]).exists() and part.exists()

    caplog.set_level(logging.INFO, logger="zelto_spool")
    with later(spool_path) as spool:
        leftovers = spool.stats()["recording_leftovers"]
        assert leftovers == {"files": 2, "bytes": len(OGG) + len("room-purged") + 4096}
        shown = run_status(spool)
        assert "1 to upload (97.7 KiB)" in shown and "2 leftover file(s) (101.7 KiB)" in shown
        assert spool.recordings.sweep() == 2
        assert spool.stats()["recording_leftovers"] == {"files": 0, "bytes": 0}
        kept = spool.recordings.show("room-kept")
        assert kept is not None and kept["state"] == "pending"
    assert sorted(p.name for p in directory.iterdir()) == [kept["file"]]  # the waiting one stays
    removed = [r for r in caplog.records if r.getMessage().startswith("removed a recording file")]
    assert sorted(getattr(r, "call_id", None) for r in removed) == ["room-purged"] * 2
    assert {getattr(r, "file", None) for r in removed} == {purged["file"], part.name}


def run_status(spool: Spool) -> str:
    from zelto_spool.text import format_stats

    return format_stats(spool.stats(), now=spool.clock())


def test_a_hand_off_the_sweep_overtakes_still_ends_with_its_file(
    spool_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worst interleaving: the file is placed, then a sweep that takes it for a leftover
    (its clock says the grace has passed) runs before the hand-off's row is committed. The
    hand-off finds its file gone under the write lock and places it again."""
    placed = Recordings._place
    swept: list[int] = []

    def place_then_sweep(self: Recordings, source: Path, name: str, sha256: str) -> None:
        placed(self, source, name, sha256)
        if not swept:
            with later(spool_path) as sweeper:
                swept.append(sweeper.recordings.sweep())

    monkeypatch.setattr(Recordings, "_place", place_then_sweep)
    with Spool(spool_path) as spool:
        spool.enqueue(payload("room-race"))
        handed = spool.hand_off_recording("room-race", recording(tmp_path, "race"))
        assert swept == [1]  # the sweep did remove the placed file
        assert spool.recordings.path(handed).read_bytes() == OGG  # and the hand-off put it back
        assert spool.recordings.show("room-race")["state"] == "pending"  # type: ignore[index]


def test_drain_fails_naming_the_call_when_the_url_could_not_be_queued(
    spool_path: Path, s3: S3Server, tmp_path: Path, zelto_receiver: Any
) -> None:
    """Uploaded, but the call's payload was gone (an older release's purge): no version can
    carry the URL. Before: `1 recording(s) uploaded`, exit 0."""
    with Spool(spool_path) as spool:
        spool.enqueue(payload("room-u"))
        spool.hand_off_recording("room-u", recording(tmp_path, "u"))
    env = cli_env(spool_path, zelto_receiver.base_url, API_KEY)
    assert run_cli("drain", env=env).returncode == 0  # the transcript (recordings off here)
    with sqlite3.connect(spool_path) as conn:  # what 0.1.0's purge does to a delivered call
        conn.execute("DELETE FROM payloads")
    conn.close()

    drained = run_cli("drain", env={**env, **s3.env()})
    assert drained.returncode == 1, drained.stdout + drained.stderr
    assert "0 recording(s) uploaded" in drained.stdout
    assert "room-u" in drained.stdout and "payload is no longer in the spool" in drained.stdout
    assert len(s3.objects()) == 1  # the audio is in the bucket all the same


def test_a_read_that_blocks_does_not_hold_drain_past_its_timeout(
    spool_path: Path, s3: S3Server, tmp_path: Path, zelto_receiver: Any
) -> None:
    """A FIFO where the recording's file was: its open blocks for good, as a read from a hung
    NFS mount does. Before: `drain --timeout 3s` never returned."""
    with Spool(spool_path) as spool:
        spool.enqueue(payload("room-fifo"))
        handed = spool.hand_off_recording("room-fifo", recording(tmp_path, "fifo"))
        path = spool.recordings.path(handed)
    path.unlink()
    os.mkfifo(path, 0o600)
    env = {**cli_env(spool_path, zelto_receiver.base_url, API_KEY), **s3.env()}
    drained = run_cli("drain", "--timeout", "3s", env=env, timeout=90)
    assert drained.returncode == 1, drained.stdout + drained.stderr
    assert "room-fifo" in zelto_receiver.calls  # the transcript went first
    assert "0 recording(s) uploaded, 1 left to upload" in drained.stdout
    assert "reading" in drained.stdout  # the last error says what held it
    with Spool(spool_path) as spool:
        assert spool.recordings.counts() == {"pending": 1}  # kept, retried later


def test_the_sidecars_upkeep_removes_leftovers_with_recordings_off(
    spool_path: Path, tmp_path: Path, zelto_receiver: Any
) -> None:
    """The hourly upkeep of `run` (its flusher's housekeeping, here in-process with the spool's
    clock past the grace), whether this sidecar uploads recordings or not."""
    import asyncio

    from zelto_spool.config import DeliveryConfig
    from zelto_spool.delivery.flusher import Flusher

    with Spool(spool_path) as spool:
        spool.enqueue(payload("room-gone"))
        handed = spool.hand_off_recording("room-gone", recording(tmp_path, "gone"))
    with sqlite3.connect(spool_path) as conn:
        conn.execute("DELETE FROM recordings")
    conn.close()
    leftover = spool_path.parent / "recordings" / handed.file
    config = DeliveryConfig(base_url=zelto_receiver.base_url, api_key=API_KEY)

    async def run() -> None:
        stop = asyncio.Event()
        async with Flusher(later(spool_path), config, poll_interval_s=0.05) as flusher:
            task = asyncio.create_task(flusher.run(stop))
            deadline = time.monotonic() + 30
            while leftover.exists() and time.monotonic() < deadline:
                await asyncio.sleep(0.05)  # polling with a deadline
            stop.set()
            await task

    asyncio.run(run())
    assert not leftover.exists()
    assert "room-gone" in zelto_receiver.calls  # and the call went as usual


def test_a_hand_off_again_between_an_upload_and_its_delete_keeps_its_file(
    spool_path: Path, s3: S3Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same bytes handed over again (a retried job) just after their upload was recorded
    and before the uploaded file is deleted: the delete sees the new pending row (under the
    write turn) and leaves the file (before: the pending row named a deleted file: 'missing')."""
    from zelto_spool.config import RecordingSettings
    from zelto_spool.delivery.upload import Uploader

    source = recording(tmp_path, "again")
    dropped = Recordings._drop

    def hand_off_then_drop(self: Recordings, name: str) -> None:
        with Spool(spool_path) as other:
            other.hand_off_recording("room-again", source)
        dropped(self, name)

    monkeypatch.setattr(Recordings, "_drop", hand_off_then_drop)
    with Spool(spool_path) as spool:
        spool.enqueue(payload("room-again"))
        handed = spool.hand_off_recording("room-again", source)
        settings = RecordingSettings.from_env(s3.env())
        assert settings is not None
        assert Uploader(spool, settings).upload_due().uploaded == 1
        again = spool.recordings.show("room-again")
        assert again is not None and again["state"] == "pending"
        assert spool.recordings.path(handed).read_bytes() == OGG
