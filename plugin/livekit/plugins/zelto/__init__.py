"""livekit.plugins.zelto: every finished LiveKit Agents session into Zelto, through a spool.

    from livekit.plugins import zelto

    fw = zelto.Forwarder(agent_id="support-bot", agent_name="Support Bot")
    server = AgentServer()

    @server.rtc_session(on_session_end=fw.on_session_end)
    async def entrypoint(ctx: JobContext) -> None: ...

Importing this module registers the plugin and prepares what every job's first send would
otherwise pay for (httpx's lazy imports and a TLS context, ~45 ms): the worker's forkserver
imports it once and forks every job process from it. It also routes the spool's and the
delivery code's log lines in this process to the `livekit.plugins.zelto` logger. No SQLite,
no threads, no network, no file left open.
"""

from livekit.agents import Plugin

try:
    from zelto_spool import Outbox as _Outbox
except ImportError as _exc:  # .ci/upgrade-check makes this happen
    import zelto_spool as _spool_package

    if getattr(_spool_package, "__file__", None) is not None:
        raise
    # pip removed 0.1.0's files after installing zelto-spool (pypa/pip#8509): say how to repair
    raise ImportError(
        "zelto_spool is half deleted, as a plain `pip install` over livekit-plugins-zelto 0.1.0 "
        "leaves it; repair with `pip install --force-reinstall --no-deps zelto-spool` (from a "
        "checkout: `./spool`), see the README's 'Upgrading from 0.1.0'"
    ) from _exc

from ._context import job_id, room_name, room_sid
from ._cost import Prices
from ._cost import preload as _preload_prices
from ._enrich import enrich
from ._forwarder import Forwarder
from ._redaction.redact import redact_pii
from .log import logger
from .version import __version__

__all__ = [
    "Forwarder",
    "Prices",
    "__version__",
    "enrich",
    "job_id",
    "redact_pii",
    "room_name",
    "room_sid",
]


class ZeltoPlugin(Plugin):
    def __init__(self) -> None:
        super().__init__(__name__, __version__, __package__ or __name__, logger)


Plugin.register_plugin(ZeltoPlugin())
# every line the spool and the delivery code log in this process (and in the job processes
# forked from it) comes from `livekit.plugins.zelto`, the logger LiveKit users configure; and
# the forkserver imports this module once: pay the first send's one-time setup here, not in
# every job process (imports and a TLS context; see zelto_spool.Outbox.prepare_process)
_Outbox.prepare_process(log_to=logger.name)
# ...and the price table for `call.cost` (~75 ms, see _cost)
_preload_prices()
