"""zelto_spool: the durable spool and delivery engine behind livekit-plugins-zelto.

Never imports `livekit.agents`, so the sidecar starts fast and lean. The names below are
imported on first use (PEP 562), so importing the package, or its pytest plugin, costs
nothing until a name is used: `from zelto_spool import Spool` works as usual.
"""

from __future__ import annotations

import importlib as _importlib
import logging as _logging
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .config import DEFAULT_BASE_URL, ENV_AGENT_ID, DeliveryConfig, default_spool_path
    from .delivery.claim import Claim, Leases
    from .delivery.flusher import DrainReport, Flusher
    from .delivery.retry import SendOutcome
    from .delivery.sender import Sender, preload_sender
    from .errors import (
        ConfigError,
        PayloadError,
        PayloadTooLargeError,
        SpoolCorruptError,
        SpoolError,
        SpoolWriteError,
        ZeltoError,
    )
    from .fit import Fixes, fit_transcript
    from .logs import route_logs_to
    from .payload import MAX_PAYLOAD_BYTES, ROLES, encode, external_id, prepare, validate
    from .store.calls import Enqueued
    from .store.spool import Pause, Spool
    from .testing.guard import Guarded, guard_settings

# a library adds no output of its own; the CLI and applications install handlers
_logging.getLogger("zelto_spool").addHandler(_logging.NullHandler())

__all__ = [
    "DEFAULT_BASE_URL",
    "ENV_AGENT_ID",
    "MAX_PAYLOAD_BYTES",
    "ROLES",
    "Claim",
    "ConfigError",
    "DeliveryConfig",
    "DrainReport",
    "Enqueued",
    "Fixes",
    "Flusher",
    "Guarded",
    "Leases",
    "Pause",
    "PayloadError",
    "PayloadTooLargeError",
    "SendOutcome",
    "Sender",
    "Spool",
    "SpoolCorruptError",
    "SpoolError",
    "SpoolWriteError",
    "ZeltoError",
    "__version__",
    "default_spool_path",
    "encode",
    "external_id",
    "fit_transcript",
    "guard_settings",
    "prepare",
    "preload_sender",
    "route_logs_to",
    "validate",
]

# where each public name lives (its module is imported when the name is first used)
_HOMES = {
    **dict.fromkeys(
        ["DEFAULT_BASE_URL", "ENV_AGENT_ID", "DeliveryConfig", "default_spool_path"], "config"
    ),
    **dict.fromkeys(
        [
            "ConfigError",
            "PayloadError",
            "PayloadTooLargeError",
            "SpoolCorruptError",
            "SpoolError",
            "SpoolWriteError",
            "ZeltoError",
        ],
        "errors",
    ),
    **dict.fromkeys(["Fixes", "fit_transcript"], "fit"),
    **dict.fromkeys(["DrainReport", "Flusher"], "delivery.flusher"),
    **dict.fromkeys(["Guarded", "guard_settings"], "testing.guard"),
    **dict.fromkeys(["Claim", "Leases"], "delivery.claim"),
    "route_logs_to": "logs",
    **dict.fromkeys(
        ["MAX_PAYLOAD_BYTES", "ROLES", "encode", "external_id", "prepare", "validate"], "payload"
    ),
    "SendOutcome": "delivery.retry",
    **dict.fromkeys(["Sender", "preload_sender"], "delivery.sender"),
    **dict.fromkeys(["Pause", "Spool"], "store.spool"),
    "Enqueued": "store.calls",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
