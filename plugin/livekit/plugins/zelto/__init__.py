"""livekit.plugins.zelto: every finished LiveKit Agents session into Zelto, through a spool."""

from livekit.agents import Plugin

from .log import logger
from .version import __version__

__all__ = ["__version__"]


class ZeltoPlugin(Plugin):
    def __init__(self) -> None:
        super().__init__(__name__, __version__, __package__, logger)


Plugin.register_plugin(ZeltoPlugin())
