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
Each name is imported on first use: `Receiver` imports the receiver's web server (aiohttp,
the `zelto-spool[testing]` extra; livekit-plugins-zelto brings it), the two fixtures load
pytest (a sidecar-only install with that extra has no pytest and can still run a
`Receiver`), and the package itself imports neither, as its pytest plugin must not.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# the bearer key the receiver and the fixtures agree on (the pytest plugin imports it from here)
TEST_API_KEY = "test-key"

if TYPE_CHECKING:
    from ..contract import FAULT_MODES, Fault
    from ..store.spool import Spool
    from .pytest_plugin import zelto_env, zelto_receiver
    from .receiver import Post, Receiver

# where each name lives; imported on first use, so that the pytest plugin (a module of this
# package, loaded in every pytest session) imports neither aiohttp nor the spool
_HOMES = {
    "FAULT_MODES": "..contract",
    "Fault": "..contract",
    "Post": ".receiver",
    "Receiver": ".receiver",
    "Spool": "..store.spool",
    "zelto_env": ".pytest_plugin",
    "zelto_receiver": ".pytest_plugin",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home, __name__), name)
    if home != ".pytest_plugin":  # the fixtures load pytest: looked up each time, as before
        globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


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
