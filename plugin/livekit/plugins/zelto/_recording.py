"""The call's recording into the spool, before the job process exits.

With `session.start(record=True)` LiveKit writes the call's audio (caller left, agent right) to
`audio.ogg` in the job's session directory, a temporary directory it deletes when the job ends.
`on_session_end` runs after the recorder closed the file and before that delete: `hand_off`
takes the file into the spool there (`Spool.hand_off_recording`: hard link or copy, fsynced,
0600), after the call's payload is spooled, so the transcript never waits for it. The sidecar or
`zelto-spool drain` uploads it and queues the call again with `call.recordingUrl`.

Killed mid-call (no hook runs): with `attach`, the call was registered when the session began
(`register`: where LiveKit writes, `session_directory / "audio.ogg"` as livekit-agents 1.x
names it, and this process as its writer), so the sidecar or `drain` that finds the process dead
takes the file as LiveKit left it (`Recordings.adopt_orphans`): the audio up to the kill, as far
as LiveKit's encoder had written it out.

On by `Forwarder(recordings=True)`, or by default where `ZELTO_RECORDINGS_BUCKET` is set in the
job's environment. A failure is logged and never reaches LiveKit; the call is not affected.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from livekit.agents import JobContext

from zelto_spool import Spool

from .log import logger

__all__ = ["expect", "hand_off", "recordings_on", "register"]

ENV_BUCKET = "ZELTO_RECORDINGS_BUCKET"


def recordings_on(option: bool | None) -> bool:
    """The `recordings` option: as given, else on where the bucket is configured."""
    return bool(os.environ.get(ENV_BUCKET)) if option is None else option


def recording_path(ctx: JobContext) -> Path | None:
    """The OGG LiveKit wrote for this job's primary session, if it recorded audio."""
    try:
        report = ctx.make_session_report()
    except RuntimeError:  # no session, or its recorder still recording
        return None
    path = getattr(report, "audio_recording_path", None)
    return Path(path) if path else None


def register(ctx: JobContext, spool: Spool, call_id: str) -> None:
    """Say where this job's recording is written, for a crash mid-call (`attach`)."""
    try:
        spool.recordings.register(call_id, Path(ctx.session_directory) / "audio.ogg")
    except Exception as exc:  # the call goes on; only a crash's audio would be missed
        logger.warning(
            "could not register the call's recording", extra={"call_id": call_id, "error": str(exc)}
        )


def expect(ctx: JobContext, spool: Spool, call_id: str) -> None:
    """Before the call is spooled: its recording follows, so the spool keeps the call's payload
    (retention 0, purge, the disk cap) until the version with the recording's URL is queued."""
    path = recording_path(ctx)
    if path is not None and path.is_file() and path.stat().st_size > 0:
        register(ctx, spool, call_id)


def hand_off(ctx: JobContext, spool: Spool, call_id: str) -> Any:
    """Take the job's recording into `spool` for `call_id`; None when there is none."""
    path = recording_path(ctx)
    try:
        if path is None or not path.is_file() or path.stat().st_size == 0:
            handed = None
            logger.info(
                "recordings are on but LiveKit wrote no recording for this call (a session "
                "started without record=True, or without audio in and out: text mode, a "
                "simulated job without room=ctx.room and a TTS, records nothing)",
                extra={"call_id": call_id, "recording": None if path is None else str(path)},
            )
        else:
            handed = spool.hand_off_recording(call_id, path)
    except Exception as exc:  # SpoolError (cap, disk), OSError: logged, the call goes on
        logger.error(
            "could not hand the call's recording to the spool; it is lost when the job ends",
            extra={"call_id": call_id, "error": str(exc), "recording": str(path)},
        )
        handed = None
    if handed is None:  # what `expect` registered no longer keeps the call's payload
        try:
            spool.recordings.forget(call_id)
        except Exception as exc:
            logger.warning(
                "could not drop the call's recording registration",
                extra={"call_id": call_id, "error": str(exc)},
            )
    return handed
