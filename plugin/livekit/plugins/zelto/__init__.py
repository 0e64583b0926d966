"""livekit.plugins.zelto: every finished LiveKit Agents session into Zelto, through a spool.

    from livekit.plugins import zelto

    fw = zelto.Forwarder(agent_id="support-bot", agent_name="Support Bot")
    server = AgentServer()

    @server.rtc_session(on_session_end=fw.on_session_end)
    async def entrypoint(ctx: JobContext) -> None: ...

Importing this module registers the plugin and does nothing else: no SQLite, no threads, no
network (the worker's forkserver preloads it).
"""

from livekit.agents import Plugin

from ._context import job_id, room_name, room_sid
from ._enrich import enrich
from ._forwarder import Forwarder
from .log import logger
from .version import __version__

__all__ = [
    "Forwarder",
    "__version__",
    "enrich",
    "job_id",
    "room_name",
    "room_sid",
]


class ZeltoPlugin(Plugin):
    def __init__(self) -> None:
        super().__init__(__name__, __version__, __package__ or __name__, logger)


Plugin.register_plugin(ZeltoPlugin())
