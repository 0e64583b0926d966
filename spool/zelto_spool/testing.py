"""Public test helpers: the local Zelto receiver, its fixtures, and the spool.

    from zelto_spool.testing import Receiver, Spool

    def test_my_sidecar(zelto_env: Receiver) -> None:  # the pytest fixture; see pytest_plugin
        ...
        assert zelto_env.wait_for(lambda r: "room-1" in r.calls, timeout=5)
        assert Spool().stats()["delivered"] == 1

- `Receiver`: a Zelto look-alike on loopback that checks the wire contract, records each
  request as a `Post`, and simulates outages (`set_fault(mode)`, modes in `FAULT_MODES`,
  parsed into a `Fault`).
- `zelto_receiver`, `zelto_env`: the pytest fixtures (registered by the package's pytest
  plugin in every test suite; importing them is not needed, only possible). Both require the
  bearer key `TEST_API_KEY`.
- `Spool`: the spool, to look at what a test left in it.

Plugin users: `livekit.plugins.zelto.testing` has all of these, plus the job helpers.
Importing this module imports the receiver's web server (aiohttp), not pytest: the two
fixtures load pytest when they are looked up here (a sidecar-only install has no pytest and
can still run a `Receiver`).
"""

from typing import TYPE_CHECKING, Any

from ._faults import FAULT_MODES, Fault
from ._receiver import Post, Receiver
from ._spool import Spool
from ._testkey import TEST_API_KEY

if TYPE_CHECKING:
    from .pytest_plugin import zelto_env, zelto_receiver

_FIXTURES = ("zelto_env", "zelto_receiver")


def __getattr__(name: str) -> Any:
    if name in _FIXTURES:
        from . import pytest_plugin

        return getattr(pytest_plugin, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "FAULT_MODES",
    "TEST_API_KEY",
    "Fault",
    "Post",
    "Receiver",
    "Spool",
    "zelto_env",
    "zelto_receiver",
]
