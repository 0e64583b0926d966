"""`zelto.enrich`: add fields to a call after the fact, so Zelto updates it in place."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from zelto_spool import Enqueued, Spool

__all__ = ["enrich"]


def enrich(
    call_id: str,
    *,
    recording_url: str | None = None,
    duration_seconds: float | None = None,
    ended_reason: str | None = None,
    cost: float | None = None,
    customer: Mapping[str, Any] | None = None,
    spool_path: str | Path | None = None,
) -> Enqueued | None:
    """Queue a newer version of `call_id` with these fields merged into its latest payload.

    Works whether the call is pending or already delivered (it is then sent again and Zelto
    updates it in place). The fields are also kept for the call id: a version spooled later
    still carries them, and if the call is not in the spool yet they wait and are merged
    when it arrives (then None is returned). Validation errors name the field
    (`PayloadError`, a `ValueError`). Only queues: the sidecar, `zelto-spool drain` or the
    next job's leftovers send it.

    Example:
        zelto.enrich("room-42", recording_url="https://storage.example/room-42.ogg")
    """
    call = {
        key: value
        for key, value in (
            ("recordingUrl", recording_url),
            ("durationSeconds", duration_seconds),
            ("endedReason", ended_reason),
            ("cost", cost),
        )
        if value is not None
    }
    fields: dict[str, Any] = {}
    if call:
        fields["call"] = call
    if customer:
        fields["customer"] = {k: v for k, v in customer.items() if v is not None}
    if not fields:
        raise ValueError("enrich needs at least one field to set")
    spool = Spool(spool_path)
    try:
        return spool.enrich(call_id, fields)
    finally:
        spool.close()
