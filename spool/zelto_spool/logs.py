"""Which logger the library's lines go to: `zelto_spool` in the sidecar and the CLI, the
plugin's `livekit.plugins.zelto` in a LiveKit worker.

The modules a worker runs (spool, live snapshots, flusher, sender, file locks) log through
`library_logger()`. Importing `livekit.plugins.zelto` calls `route_logs_to("livekit.plugins.zelto")`
(LiveKit's forkserver imports the plugin, so its job processes inherit the route): from then
on those lines are made by the plugin's logger, with its name, level and handlers, and a user
who configures `livekit.plugins.zelto` sees every line the plugin causes. The sidecar never
imports the plugin and keeps the `zelto_spool` names.
"""

from __future__ import annotations

import logging
from typing import Any, cast

__all__ = ["LIBRARY_LOGGER", "library_logger", "route_logs_to"]

LIBRARY_LOGGER = "zelto_spool"

_target = LIBRARY_LOGGER


class _Routed:
    """Hands out the chosen logger's own methods: records are made by that logger, with the
    caller's file and line (no adapter frame in between)."""

    def __getattr__(self, name: str) -> Any:
        return getattr(logging.getLogger(_target), name)

    def __repr__(self) -> str:
        return f"<routed logger {_target!r}>"


def library_logger() -> logging.Logger:
    """The logger for library modules: whichever `route_logs_to` chose, looked up at each call."""
    return cast(logging.Logger, _Routed())


def route_logs_to(name: str) -> None:
    """Send the library's log lines to logger `name` in this process (and its forks)."""
    global _target  # noqa: PLW0603 - one choice per process, made by the embedding plugin
    _target = name
