"""Logging: which logger the library's lines go to, and the CLI's log lines.

Lines go to the module's own logger in the `zelto_spool` tree (`zelto_spool.delivery.flusher`,
...) in the sidecar and the CLI, to the plugin's `livekit.plugins.zelto` in a LiveKit worker.

The modules a worker runs (spool, live snapshots, flusher, sender, file locks) log through
`library_logger()`. Importing `livekit.plugins.zelto` calls `route_logs_to("livekit.plugins.zelto")`
(LiveKit's forkserver imports the plugin, so its job processes inherit the route): from then
on those lines are made by the plugin's logger, with its name, level and handlers, and a user
who configures `livekit.plugins.zelto` sees every line the plugin causes. The sidecar never
imports the plugin and keeps the `zelto_spool.*` names.

Output (`configure_logging`, used by the CLI): static messages, values from `extra=`, text or
JSON lines. Handlers are installed by the CLI (and by applications), never on import.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from typing import Any, TextIO, cast

from .text import printable_json

__all__ = ["LIBRARY_LOGGER", "configure_logging", "library_logger", "route_logs_to"]

LIBRARY_LOGGER = "zelto_spool"

_target = LIBRARY_LOGGER


class _Routed:
    """Hands out the chosen logger's own methods: records are made by that logger, with the
    caller's file and line (no adapter frame in between)."""

    def __init__(self, module: str) -> None:
        self.module = module

    def __getattr__(self, name: str) -> Any:
        return getattr(logging.getLogger(self._chosen()), name)

    def _chosen(self) -> str:
        return self.module if _target == LIBRARY_LOGGER else _target

    def __repr__(self) -> str:
        return f"<routed logger {self._chosen()!r}>"


def library_logger(module: str = LIBRARY_LOGGER) -> logging.Logger:
    """The logger for library module `module` (its `__name__`): that module's own logger in
    the `zelto_spool` tree, or the one `route_logs_to` chose; looked up at each call."""
    return cast(logging.Logger, _Routed(module))


def route_logs_to(name: str) -> None:
    """Send the library's log lines to logger `name` in this process (and its forks)."""
    global _target  # noqa: PLW0603 - one choice per process, made by the embedding plugin
    _target = name


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
