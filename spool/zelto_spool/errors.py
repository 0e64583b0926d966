"""The one exception tree of `zelto_spool`, grouped by what the caller does next.

    ZeltoError
    ├── PayloadError (also ValueError)   fix the payload: the message names the field
    │   └── PayloadTooLargeError          shrink it (limit: MAX_PAYLOAD_BYTES)
    ├── ConfigError (also ValueError)     fix the configuration (URL, key, path, option)
    └── SpoolError                        the spool file cannot serve the call
        ├── SpoolWriteError               disk full, read-only, unwritable path: free space
        │                                 or fix permissions; `call_id` says which call
        └── SpoolCorruptError             the file was not a usable database; `moved_to`
                                          says where it was set aside (never deleted)

Delivery failures are not exceptions: a send ends in a `SendOutcome` value and the row's
state says the rest (pending with `next_attempt_at`, dead with status and reason, or the
whole spool paused with a reason).
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "PayloadError",
    "PayloadTooLargeError",
    "SpoolCorruptError",
    "SpoolError",
    "SpoolWriteError",
    "ZeltoError",
]


class ZeltoError(Exception):
    """Base of every error raised by `zelto_spool`."""


class PayloadError(ZeltoError, ValueError):
    """The payload is not Zelto's canonical call shape.

    `field` is the dotted path of the offending field, e.g. `transcript.turns[3].role`.
    """

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}" if field else problem)


class PayloadTooLargeError(PayloadError):
    """The encoded payload is bigger than the per-call limit."""

    def __init__(self, size: int, limit: int) -> None:
        self.size = size
        self.limit = limit
        mib = f" ({limit / 2**20:g} MiB)" if limit % 2**20 == 0 else ""
        super().__init__("", f"payload is {size} bytes encoded, over the {limit}-byte limit{mib}")


class ConfigError(ZeltoError, ValueError):
    """A setting is missing or unusable (base URL, API key, spool path, option value)."""


class SpoolError(ZeltoError):
    """The spool file cannot serve the request."""

    def __init__(self, message: str, *, path: str = "", call_id: str | None = None) -> None:
        self.path = path
        self.call_id = call_id
        super().__init__(message)


class SpoolWriteError(SpoolError):
    """Writing to the spool failed: disk full, file too large, read-only, permissions."""


class SpoolCorruptError(SpoolError):
    """The spool file is not a usable SQLite database.

    `moved_to` is where the damaged file was set aside (it is never deleted), or "" when it
    could not be moved.
    """

    def __init__(
        self, message: str, *, path: str = "", moved_to: str = "", call_id: str | None = None
    ) -> None:
        self.moved_to = moved_to
        super().__init__(message, path=path, call_id=call_id)
