"""zelto_spool: the durable spool and delivery engine behind livekit-plugins-zelto.

Never imports `livekit.agents`, so the sidecar starts fast and lean.
"""

import logging as _logging

from ._config import DEFAULT_BASE_URL, DeliveryConfig, default_spool_path
from ._exceptions import (
    ConfigError,
    PayloadError,
    PayloadTooLargeError,
    SpoolCorruptError,
    SpoolError,
    SpoolWriteError,
    ZeltoError,
)
from ._flusher import DrainReport, Flusher
from ._payload import MAX_PAYLOAD_BYTES, ROLES, validate
from ._retry import SendOutcome
from ._spool import Claim, Enqueued, Pause, Spool
from ._version import __version__

# a library adds no output of its own; the CLI and applications install handlers
_logging.getLogger("zelto_spool").addHandler(_logging.NullHandler())

__all__ = [
    "DEFAULT_BASE_URL",
    "MAX_PAYLOAD_BYTES",
    "ROLES",
    "Claim",
    "ConfigError",
    "DeliveryConfig",
    "DrainReport",
    "Enqueued",
    "Flusher",
    "Pause",
    "PayloadError",
    "PayloadTooLargeError",
    "SendOutcome",
    "Spool",
    "SpoolCorruptError",
    "SpoolError",
    "SpoolWriteError",
    "ZeltoError",
    "__version__",
    "default_spool_path",
    "validate",
]
