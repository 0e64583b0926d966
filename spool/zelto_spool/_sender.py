"""One POST to Zelto, bounded as a whole, whose result is a value, never an exception."""

from __future__ import annotations

import asyncio
import logging
import ssl
import time
from collections.abc import AsyncIterator, Callable
from functools import cache

import httpx

from ._aio import bounded
from ._config import PROVIDER, DeliveryConfig
from ._retry import SendOutcome, classify
from ._version import __version__

__all__ = ["Sender", "preload"]

USER_AGENT = f"livekit-plugins-zelto/{__version__}"
logger = logging.getLogger("zelto_spool")

LEASE_OVER = "lease ran out before the body was sent (the process stalled); not sent"
MAX_ANSWER_BYTES = 64 * 1024  # Zelto answers small JSON; never buffer more than this


@cache
def _tls_context() -> ssl.SSLContext:
    # built once per process: creating one loads the CA bundle (~20 ms). httpx's own default:
    # certifi's bundle, or SSL_CERT_FILE / SSL_CERT_DIR when set; verification always on
    return httpx.create_ssl_context()


@cache
def _plain_context() -> ssl.SSLContext:
    # for http:// loopback bases: httpx wants a context; this one loads no CA bundle
    return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def preload() -> None:
    """Pay now, once, what the first send of every process would pay.

    httpx imports httpcore when its first client is built and anyio loads its asyncio backend
    on the first request (~25 ms); the TLS context loads the CA bundle (~22 ms). LiveKit's
    forkserver imports the plugin once and forks every job process from it, so each job would
    pay both on its first call. Fork-safe: imports and SSL contexts; no thread, socket or file
    left open.
    """
    import anyio._backends._asyncio  # noqa: F401
    import httpcore  # noqa: F401

    _tls_context()
    _plain_context()


class Sender:
    """POSTs bodies to `{base}/webhooks/calls` over one keep-alive client.

    Args:
        config: where and how to send; `config.api_key` must be set.
        transport: an httpx transport to use instead of the network (tests of the seam).
    """

    def __init__(
        self, config: DeliveryConfig, *, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        if config.api_key is None:
            raise ValueError("Sender needs an API key")
        self.config = config
        # how the key looks inside a repr() of header bytes, as h11's errors print it
        self._secret_forms = tuple({config.api_key, repr(config.api_key.encode())[2:-1]})
        self._secret_bytes = config.api_key.encode()
        self._url = config.endpoint
        self._headers = {
            "Authorization": f"Bearer {config.api_key}",
            "X-Zelto-Provider": PROVIDER,
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
        }
        verify = _tls_context() if config.base_url.startswith("https://") else _plain_context()
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(config.total_timeout, connect=config.connect_timeout),
            limits=httpx.Limits(
                max_connections=config.concurrency,
                max_keepalive_connections=config.concurrency,
            ),
            verify=verify,
            follow_redirects=False,
            transport=transport,
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def send(
        self,
        body: bytes,
        *,
        timeout: float | None = None,
        still_leased: Callable[[], bool] | None = None,
    ) -> SendOutcome:
        """One attempt, bounded by `timeout` (default: the config's total timeout).

        `still_leased` is asked once more right before the body is written (after connecting
        and sending the headers): when it says no, the request is abandoned unsent.
        """
        limit = self.config.total_timeout if timeout is None else timeout
        try:
            status, answer, retry_after = await bounded(self._post(body, still_leased), limit)
        except _LeaseOver:
            return SendOutcome("retry", None, LEASE_OVER)
        except (asyncio.TimeoutError, httpx.TimeoutException):
            return SendOutcome("retry", None, f"no answer within {limit:g} s (timeout)")
        except httpx.HTTPError as exc:
            return SendOutcome("retry", None, self._scrub(f"{type(exc).__name__}: {exc}"))
        except OSError as exc:
            return SendOutcome("retry", None, self._scrub(f"{type(exc).__name__}: {exc}"))
        except Exception as exc:  # a bug or a surprise in the HTTP stack: a stored reason, a retry
            logger.error("unexpected error sending a call", extra={"error": self._scrub(repr(exc))})
            return SendOutcome(
                "retry", None, self._scrub(f"unexpected {type(exc).__name__}: {exc}")
            )
        # scrub before the reason is cut to length: a cut must not leave most of an echoed key
        answer = answer.replace(self._secret_bytes, b"***")
        return classify(status, answer, retry_after, now=time.time())

    async def _post(
        self, body: bytes, still_leased: Callable[[], bool] | None
    ) -> tuple[int, bytes, str | None]:
        if still_leased is None:
            request = self._client.build_request(
                "POST", self._url, content=body, headers=self._headers
            )
        else:
            headers = {**self._headers, "Content-Length": str(len(body))}
            request = self._client.build_request(
                "POST", self._url, content=_checked(body, still_leased), headers=headers
            )
        response = await self._client.send(request, stream=True)
        try:
            chunks: list[bytes] = []
            size = 0
            async for chunk in response.aiter_bytes():
                chunks.append(chunk)
                size += len(chunk)
                if size >= MAX_ANSWER_BYTES:
                    break
            return response.status_code, b"".join(chunks), response.headers.get("retry-after")
        finally:
            await response.aclose()

    def _scrub(self, text: str) -> str:
        for form in self._secret_forms:
            text = text.replace(form, "***")
        return text if len(text) <= 500 else text[:497] + "..."


class _LeaseOver(Exception):
    """The lease ran out before the body went out: the request is abandoned."""


async def _checked(body: bytes, still_leased: Callable[[], bool]) -> AsyncIterator[bytes]:
    # runs after the connection is up and the headers are written: the last moment before
    # the server can act on the request
    if not still_leased():
        raise _LeaseOver
    yield body
