"""Structured log output for the CLI: static messages, values from `extra=`, text or JSON lines.

The library only logs to the `zelto_spool` logger; handlers are installed by the CLI (and by
applications), never on import.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from typing import Any, TextIO

from .format import printable_json

__all__ = ["configure_logging"]

_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


def _fields(record: logging.LogRecord) -> dict[str, Any]:
    return {k: v for k, v in vars(record).items() if k not in _STANDARD and not k.startswith("_")}


def _timestamp(record: logging.LogRecord) -> str:
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
    return f"{stamp}.{int(record.msecs):03d}Z"


class TextFormatter(logging.Formatter):
    """`2026-11-25T09:00:00.123Z WARNING call not accepted yet; will retry call_id=r1 status=503`"""

    def format(self, record: logging.LogRecord) -> str:
        parts = [_timestamp(record), record.levelname, record.getMessage()]
        parts += [f"{key}={_text(value)}" for key, value in _fields(record).items()]
        line = " ".join(parts)
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, msg, then the extra fields."""

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {
            "ts": _timestamp(record),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
            **_fields(record),
        }
        if record.exc_info:
            data["exc"] = self.formatException(record.exc_info)
        # C1 controls, line separators and bidi overrides as \u escapes (a call id can hold them)
        return printable_json(json.dumps(data, default=str, ensure_ascii=False))


def _text(value: Any) -> str:
    text = str(value)
    if not text or any(c.isspace() for c in text) or '"' in text or not text.isprintable():
        # quoted, with controls, line separators and bidi overrides escaped: one value cannot
        # break the line or reorder what a terminal shows
        return printable_json(json.dumps(text, ensure_ascii=False))
    return text


def configure_logging(level: str = "INFO", fmt: str = "text", stream: TextIO | None = None) -> None:
    """Send `zelto_spool` (and `livekit.plugins.zelto`) logs to stderr in the chosen format."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else TextFormatter())
    for name in ("zelto_spool", "livekit.plugins.zelto"):
        logger = logging.getLogger(name)
        for old in list(logger.handlers):
            if getattr(old, "_zelto_cli", False):
                logger.removeHandler(old)
        handler._zelto_cli = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
        logger.setLevel(level.upper())
        logger.propagate = False
