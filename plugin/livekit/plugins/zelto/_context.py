"""What the plugin reads off a `JobContext`: call ids and the SIP caller.

Call ids are Zelto's dedup key. The room name is the default; rooms are often reused (fixed
names in development, long-lived rooms in production), and two calls in one room name would
overwrite each other in Zelto: `room_sid` and `job_id` are unique per call.
"""

from __future__ import annotations

from typing import Any

from livekit.agents import JobContext

from livekit import rtc

__all__ = ["job_id", "room_name", "room_sid", "sip_caller"]


def room_name(ctx: JobContext) -> str:
    """The room's name (`ctx.job.room.name`): the default call id."""
    return ctx.job.room.name


def room_sid(ctx: JobContext) -> str:
    """The room's server id (`ctx.job.room.sid`, `RM_...`): unique per room instance."""
    return ctx.job.room.sid or ctx.job.room.name


def job_id(ctx: JobContext) -> str:
    """The job's id (`ctx.job.id`, `AJ_...`): unique per dispatch."""
    return ctx.job.id


def sip_caller(ctx: JobContext) -> dict[str, Any] | None:
    """`{"number": ...}` from the SIP participant's `sip.phoneNumber`, when there is one.

    The participant must still be in the room: after a caller hangs up LiveKit removes it,
    so `Forwarder.attach` remembers it while the call runs.
    """
    try:
        participants = list(ctx.room.remote_participants.values())
    except Exception:
        return None
    for participant in participants:
        number = sip_number(participant)
        if number:
            return {"number": number}
    return None


def sip_number(participant: Any) -> str | None:
    if getattr(participant, "kind", None) != rtc.ParticipantKind.PARTICIPANT_KIND_SIP:
        return None
    attributes = getattr(participant, "attributes", None) or {}
    number = attributes.get("sip.phoneNumber")
    return number if isinstance(number, str) and number else None
