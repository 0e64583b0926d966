"""Public test helpers: the local Zelto receiver and the spool, for tests of code that sends calls.

    from zelto_spool.testing import Receiver, Spool

    def test_my_sidecar(zelto_env: Receiver) -> None:  # the pytest fixture; see pytest_plugin
        ...
        assert zelto_env.wait_for(lambda r: "room-1" in r.calls, timeout=5)
        assert Spool().stats()["delivered"] == 1

Importing this module imports the receiver's web server (aiohttp); the pytest plugin does not.
"""

from ._receiver import FAULT_MODES, Post, Receiver
from ._spool import Spool
from .pytest_plugin import TEST_API_KEY

__all__ = ["FAULT_MODES", "TEST_API_KEY", "Post", "Receiver", "Spool"]
