"""zelto_spool: the durable spool and delivery engine behind livekit-plugins-zelto.

Never imports `livekit.agents`, so the sidecar starts fast and lean. The names below are
imported on first use (PEP 562), so importing the package, or its pytest plugin, costs
nothing until a name is used: `from zelto_spool import Spool` works as usual.

The public surface (each name documented where it is defined; docs/design.md, "The public
surface"):
- for users: `Spool` (the queue; `enqueue` returns an `Enqueued`, `pause_state` a `Pause`),
  `validate` and `MAX_PAYLOAD_BYTES`/`ROLES`, the exception tree (`ZeltoError` and below),
  `DeliveryConfig`, `default_spool_path`, `DEFAULT_BASE_URL`, `ENV_AGENT_ID`;
- for code that produces calls (the plugin): `Outbox` (submit a finished call with its budget)
  and its `Outcome`, and the payload helpers `prepare`, `encode`, `external_id`,
  `fit_transcript` (with its `Fixes`).

Sending (claims, leases, the flusher, the sender) is internal; 0.1.0's `Claim`, `Flusher`,
`DrainReport` and `SendOutcome` still import, with a `DeprecationWarning`.
"""

from __future__ import annotations

import importlib as _importlib
import logging as _logging
import warnings as _warnings
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .config import DEFAULT_BASE_URL, ENV_AGENT_ID, DeliveryConfig, default_spool_path
    from .delivery.outbox import Outbox, Outcome
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
    from .payload import MAX_PAYLOAD_BYTES, ROLES, encode, external_id, prepare, validate
    from .store.calls import Enqueued
    from .store.spool import Pause, Spool

# a library adds no output of its own; the CLI and applications install handlers
_logging.getLogger("zelto_spool").addHandler(_logging.NullHandler())

__all__ = [
    "DEFAULT_BASE_URL",
    "ENV_AGENT_ID",
    "MAX_PAYLOAD_BYTES",
    "ROLES",
    "ConfigError",
    "DeliveryConfig",
    "Enqueued",
    "Fixes",
    "Outbox",
    "Outcome",
    "Pause",
    "PayloadError",
    "PayloadTooLargeError",
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
    "prepare",
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
    **dict.fromkeys(["Outbox", "Outcome"], "delivery.outbox"),
    **dict.fromkeys(
        ["MAX_PAYLOAD_BYTES", "ROLES", "encode", "external_id", "prepare", "validate"], "payload"
    ),
    **dict.fromkeys(["Pause", "Spool"], "store.spool"),
    "Enqueued": "store.calls",
}

# public in 0.1.0, internal since: still importable, with a warning (not in `__all__`)
_DEPRECATED = {
    "Claim": "delivery.claim",
    "DrainReport": "delivery.flusher",
    "Flusher": "delivery.flusher",
    "SendOutcome": "delivery.retry",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        old = _DEPRECATED.get(name)
        if old is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        _warnings.warn(
            f"zelto_spool.{name} is internal now (send through zelto_spool.Outbox or the "
            f"`zelto-spool run` sidecar); it moves without notice in zelto_spool.{old}",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(_importlib.import_module(f".{old}", __name__), name)  # not kept: warns
    value = getattr(_importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
