"""The payload's last steps before the spool: `add_fields`, then `redact`, then validation.

Never lose the call to a user callback: an `add_fields` that fails, returns no dict or makes
the payload invalid is dropped; a `redact` that fails or returns something else sends the call
record without transcript and customer (PII never passes a redactor we could not run), and one
that spoils even that record leaves it as built (it holds neither). Never lose the
transcript to one bad turn: text that cannot be encoded is repaired and a transcript over the
size limit is cut (`zelto_spool.fit_transcript`), counted in `zelto_plugin_transcript_fixes`.
"""

from __future__ import annotations

import copy
import inspect
from collections.abc import Callable, Mapping
from typing import Any

from livekit.agents import JobContext

from zelto_spool import PayloadError, fit_transcript, prepare

from . import _metrics
from .log import logger

__all__ = ["finish_payload", "fitted", "redacted"]

PayloadFn = Callable[[dict[str, Any]], dict[str, Any] | None]
AddFieldsFn = Callable[[dict[str, Any], JobContext], dict[str, Any] | None]


def finish_payload(
    payload: dict[str, Any],
    ctx: JobContext,
    *,
    add_fields: AddFieldsFn | None,
    redact: PayloadFn | None,
    max_bytes: int,
) -> tuple[str, bytes] | None:
    """add_fields, then redact, then validate: `(call_id, body)`, or None (logged as lost).

    Tried in order: the payload with the added fields, the payload without them, and last the call
    record alone (agent and call fields, no transcript or customer). `redact` runs on each
    before it is validated.
    """
    call_id = payload["call"]["externalId"]
    candidates: list[dict[str, Any]] = []
    if add_fields is not None:
        extended = copy.deepcopy(payload)  # add_fields may change it in place
        try:
            result = _apply(add_fields(extended, ctx), extended)
        except Exception:
            logger.exception(
                "add_fields callable failed; forwarding without it", extra={"call_id": call_id}
            )
        else:
            if isinstance(result, Mapping):
                candidates.append(dict(result))
            else:  # "x", a list, an `async def`'s coroutine: nothing to merge
                _close(result)
                logger.error(
                    "add_fields returned no dict; forwarding without it",
                    extra={"call_id": call_id, "got": type(result).__name__},
                )
    record = {"agent": payload["agent"], "call": payload["call"]}
    candidates += [payload, record]
    for candidate in candidates:
        try:
            return fitted(redacted(candidate, call_id, redact), call_id, max_bytes=max_bytes)
        except Exception as exc:  # a PayloadError, or anything a user's dict makes fail
            logger.error(
                "call payload is invalid; trying a smaller one",
                extra={"call_id": call_id, "field": getattr(exc, "field", ""), "error": str(exc)},
            )
    try:  # a redactor that spoils even the call record: the record holds no transcript and
        # no customer, so it is sent as built rather than lost
        return fitted(record, call_id, max_bytes=max_bytes)
    except Exception as exc:
        logger.error("call record is invalid", extra={"call_id": call_id, "error": str(exc)})
    _metrics.count_call("lost")
    logger.critical("call LOST: no valid payload could be built", extra={"call_id": call_id})
    return None


def fitted(payload: dict[str, Any], call_id: str, *, max_bytes: int) -> tuple[str, bytes]:
    """`prepare(payload)`; when its transcript is what fails, again with the turns repaired
    and cut to fit (counted and logged). Raises `PayloadError` when that does not help."""
    try:
        return prepare(payload, max_bytes=max_bytes)
    except PayloadError as exc:
        field = exc.field
        if field and not field.startswith("transcript"):
            raise
        fixed, fixes = fit_transcript(payload, max_bytes=max_bytes)
        if not fixes:
            raise
        prepared = prepare(fixed, max_bytes=max_bytes)
    _metrics.count_fixes(fixes)
    logger.warning(
        "transcript repaired or cut to be sent",
        extra={
            "call_id": call_id,
            "field": field,
            "repaired": fixes.repaired,
            "cut": fixes.cut,
            "dropped": fixes.dropped,
        },
    )
    return prepared


def redacted(payload: dict[str, Any], call_id: str, redact: PayloadFn | None) -> dict[str, Any]:
    """`redact(payload)`, or the call record alone when the redactor fails or returns no dict."""
    if redact is None:
        return payload
    try:
        result = _apply(redact(payload), payload)
    except Exception:
        logger.exception(
            "redact callable failed; forwarding without transcript and customer",
            extra={"call_id": call_id},
        )
        return {"agent": payload["agent"], "call": payload["call"]}
    if not isinstance(result, Mapping):  # a redactor we cannot read: no PII, keep the call
        _close(result)
        logger.error(
            "redact returned no dict; forwarding without transcript and customer",
            extra={"call_id": call_id, "got": type(result).__name__},
        )
        return {"agent": payload["agent"], "call": payload["call"]}
    return dict(result)


def _apply(result: dict[str, Any] | None, payload: dict[str, Any]) -> dict[str, Any]:
    return payload if result is None else result


def _close(result: Any) -> None:
    """An `async def` callback's coroutine, never awaited: closed, so Python does not warn."""
    close = getattr(result, "close", None)
    if inspect.iscoroutine(result) and callable(close):
        close()
