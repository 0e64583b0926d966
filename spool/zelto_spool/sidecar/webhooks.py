"""LiveKit server webhooks -> enrichments of spooled calls.

Verified with `livekit.api.WebhookReceiver` + `TokenVerifier` (the HS256 JWT in the
`Authorization` header, issued by the API key, with a `sha256` claim over the raw body).
`livekit.api` is imported with the first webhook, so an idle sidecar does not hold it.

- `egress_ended` with file results (or an HLS playlist) sets `call.recordingUrl` on the call
  whose id matches the room, and queues it again. If the call is not spooled yet, the field
  waits and is merged when it arrives.
- `room_finished` fills `call.durationSeconds` only where the call has none.

Each event is applied once: its id is kept in the spool (`webhook_events`), so a captured
webhook replayed within its token's lifetime is a `duplicate`, and one created before the
newest applied event of the same kind for that call is `stale`: neither changes anything.

The call id is taken from the room by `call_id_from`: `room_name` (the plugin's default) or
`room_sid` (`call_id=zelto.room_sid`). With `call_id=zelto.job_id`, webhooks cannot be
matched: call `zelto.enrich(...)` from your own code instead.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from ..errors import ZeltoError
from ..store.spool import Spool

__all__ = ["CALL_ID_SOURCES", "WebhookHandler", "WebhookResult"]

logger = logging.getLogger(__name__)

CallIdSource = Literal["room_name", "room_sid"]
CALL_ID_SOURCES: tuple[CallIdSource, ...] = ("room_name", "room_sid")


@dataclass(frozen=True)
class WebhookResult:
    status: int
    event: str
    # applied / waiting / unchanged / duplicate / stale / gone / ignored / rejected / invalid
    result: str

    @property
    def text(self) -> str:
        return f"{self.event or '-'}: {self.result}"


MAX_CLOCK_AHEAD_S = 60.0  # an event dated further ahead than this is not believed


class WebhookHandler:
    def __init__(
        self,
        spool: Spool,
        api_key: str,
        api_secret: str,
        *,
        call_id_from: CallIdSource,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._clock = clock
        self._credentials = (api_key, api_secret)
        self._receiver: Any = None  # livekit.api (~5 MB, protobuf) loads with the first webhook
        self._spool = spool
        self._call_id_from = call_id_from

    def handle(self, body: bytes, authorization: str) -> WebhookResult:
        """Verify and apply one webhook. Never raises; forged requests change nothing."""
        if self._receiver is None:
            from livekit import api

            self._receiver = api.WebhookReceiver(api.TokenVerifier(*self._credentials))
        try:
            event = self._receiver.receive(body.decode("utf-8"), authorization)
        except Exception as exc:
            logger.warning("rejected a LiveKit webhook", extra={"reason": type(exc).__name__})
            return WebhookResult(401, "", "rejected")
        name = str(event.event)
        try:
            if name == "egress_ended":
                return self._egress_ended(event)
            if name == "room_finished":
                return self._room_finished(event)
        except ZeltoError as exc:
            logger.error(
                "could not apply a LiveKit webhook", extra={"event": name, "error": str(exc)}
            )
            return WebhookResult(422 if isinstance(exc, ValueError) else 503, name, "invalid")
        return WebhookResult(200, name, "ignored")

    def _egress_ended(self, event: Any) -> WebhookResult:
        info = event.egress_info
        url = recording_location(info)
        if not url:
            return WebhookResult(200, "egress_ended", "ignored")
        call_id = info.room_id if self._call_id_from == "room_sid" else info.room_name
        return self._apply(event, call_id, {"call": {"recordingUrl": url}})

    def _room_finished(self, event: Any) -> WebhookResult:
        room = event.room
        started = room.creation_time_ms / 1000 if room.creation_time_ms else room.creation_time
        if not started or not event.created_at or event.created_at < started:
            return WebhookResult(200, "room_finished", "ignored")
        call_id = room.sid if self._call_id_from == "room_sid" else room.name
        duration = round(float(event.created_at - started), 3)
        return self._apply(event, call_id, {"call_fill": {"durationSeconds": duration}})

    def _apply(self, event: Any, call_id: str, fields: dict[str, Any]) -> WebhookResult:
        name = str(event.event)
        if not call_id:
            return WebhookResult(200, name, "ignored")
        if float(event.created_at) > self._clock() + MAX_CLOCK_AHEAD_S:
            # applied, it would make every later event of this kind for the call `stale`
            logger.warning(
                "LiveKit webhook dated in the future; ignored",
                extra={"event": name, "call_id": call_id, "created_at": event.created_at},
            )
            return WebhookResult(200, name, "ignored")
        result = self._spool.enrich_from_event(
            call_id,
            fields,
            event_id=str(event.id) or f"{name}:{call_id}:{event.created_at}",
            kind=name,
            created_at=float(event.created_at),
        )
        extra = {"event": name, "call_id": call_id, "result": result}
        if result == "gone":
            logger.error("LiveKit webhook came after the call's payload was dropped", extra=extra)
        elif result in ("duplicate", "stale"):
            logger.warning("LiveKit webhook replayed or out of date; ignored", extra=extra)
        else:
            logger.info("LiveKit webhook applied", extra=extra)
        return WebhookResult(200, name, result)


def recording_location(info: Any) -> str:
    """The recording's URL: the first file result, else the HLS playlist, else the old field."""
    for result in info.file_results:
        if result.location:
            return str(result.location)
    for segments in info.segment_results:
        if segments.playlist_location:
            return str(segments.playlist_location)
    if info.HasField("file") and info.file.location:
        return str(info.file.location)
    return ""
