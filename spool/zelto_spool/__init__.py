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
    from ._config import DEFAULT_BASE_URL, ENV_AGENT_ID, DeliveryConfig, default_spool_path
    from ._exceptions import (
        ConfigError,
        PayloadError,
        PayloadTooLargeError,
        SpoolCorruptError,
        SpoolError,
        SpoolWriteError,
        ZeltoError,
    )
    from ._fit import Fixes, fit_transcript
    from ._flusher import DrainReport, Flusher
    from ._guard import Guarded, guard_settings
    from ._leases import Claim, Leases
    from ._logroute import route_logs_to
    from ._payload import MAX_PAYLOAD_BYTES, ROLES, encode, external_id, prepare, validate
    from ._retry import SendOutcome
    from ._sender import Sender, preload_sender
    from ._spool import Pause, Spool
    from ._store import Enqueued

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
        ["DEFAULT_BASE_URL", "ENV_AGENT_ID", "DeliveryConfig", "default_spool_path"], "_config"
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
        "_exceptions",
    ),
    **dict.fromkeys(["Fixes", "fit_transcript"], "_fit"),
    **dict.fromkeys(["DrainReport", "Flusher"], "_flusher"),
    **dict.fromkeys(["Guarded", "guard_settings"], "_guard"),
    **dict.fromkeys(["Claim", "Leases"], "_leases"),
    "route_logs_to": "_logroute",
    **dict.fromkeys(
        ["MAX_PAYLOAD_BYTES", "ROLES", "encode", "external_id", "prepare", "validate"], "_payload"
    ),
    "SendOutcome": "_retry",
    **dict.fromkeys(["Sender", "preload_sender"], "_sender"),
    **dict.fromkeys(["Pause", "Spool"], "_spool"),
    "Enqueued": "_store",
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
