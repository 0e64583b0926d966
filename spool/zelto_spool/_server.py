"""`zelto-spool run --listen HOST:PORT`: health, metrics and LiveKit webhooks over aiohttp.

- `GET /healthz`: 200 "ok", else 503 with every reason: the verdict of `status --check`
  (`_health.py`: paused, stale backlog, over the cap, a damaged spool set aside) plus a
  stopped flusher (use it for readiness and alerting).
- `GET /livez`: 200 while the sidecar's loop runs (use it for liveness: a paused sidecar
  must not be restarted in a loop, a restart fixes nothing a key rotation did not).
- `GET /metrics`: Prometheus text (`_metrics.py`).
- `POST /livekit/webhook`: LiveKit server webhooks (`_webhooks.py`); 404 when the sidecar has
  no LiveKit credentials.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass

from aiohttp import web

from ._metrics import SidecarMetrics
from ._spool import Spool
from ._webhooks import WebhookHandler

__all__ = ["Health", "SidecarServer"]

logger = logging.getLogger("zelto_spool")

MAX_WEBHOOK_BYTES = 1024 * 1024


@dataclass(frozen=True)
class Health:
    ok: bool
    text: str


class SidecarServer:
    def __init__(
        self,
        *,
        spool: Spool,
        metrics: SidecarMetrics,
        health: Callable[[], Health],
        webhooks: WebhookHandler | None,
    ) -> None:
        self._spool = spool
        self._metrics = metrics
        self._health = health
        self._webhooks = webhooks
        self._runner: web.AppRunner | None = None
        self.port = 0

    async def start(self, host: str, port: int) -> None:
        app = web.Application(client_max_size=MAX_WEBHOOK_BYTES)
        app.add_routes(
            [
                web.get("/healthz", self._healthz),
                web.get("/livez", self._livez),
                web.get("/metrics", self._metrics_page),
                web.post("/livekit/webhook", self._webhook),
            ]
        )
        self._runner = web.AppRunner(
            app, access_log=None, handle_signals=False, shutdown_timeout=1.0
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        server = getattr(site, "_server", None)
        sockets = getattr(server, "sockets", None) or []
        self.port = sockets[0].getsockname()[1] if sockets else port

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _healthz(self, _request: web.Request) -> web.Response:
        health = await asyncio.to_thread(self._health)
        return web.Response(status=200 if health.ok else 503, text=health.text + "\n")

    async def _livez(self, _request: web.Request) -> web.Response:
        return web.Response(text="alive\n")

    async def _metrics_page(self, _request: web.Request) -> web.Response:
        body = await asyncio.to_thread(self._metrics.render)
        return web.Response(body=body, headers={"Content-Type": "text/plain; version=0.0.4"})

    async def _webhook(self, request: web.Request) -> web.Response:
        if self._webhooks is None:
            return web.Response(
                status=404,
                text="LiveKit webhooks are off: set LIVEKIT_API_KEY and LIVEKIT_API_SECRET\n",
            )
        body = await request.read()
        authorization = request.headers.get("Authorization", "")
        result = await asyncio.to_thread(self._webhooks.handle, body, authorization)
        self._metrics.webhooks.labels(result.event or "unknown", result.result).inc()
        return web.Response(status=result.status, text=result.text + "\n")
