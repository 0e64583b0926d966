"""One POST to Zelto, bounded as a whole, whose result is a value, never an exception.

The bound is `bounded` (used by the flusher's waits too): `asyncio.wait_for` wraps its
awaitable in a new task, which cost ~0.27 ms of CPU per send in the drain benchmark;
`asyncio.timeout` (3.11+) does not.
"""

from __future__ import annotations

import asyncio
import re
import ssl
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import replace
from functools import cache
from typing import TypeVar

import httpx

from .._version import __version__
from ..config import PROVIDER, WEBHOOK_PATH, DeliveryConfig, shown_url
from ..logs import library_logger
from .receipt import ReceivedScanner, Verdict
from .retry import SendOutcome, classify
from .secret import Scrubber

__all__ = ["Sender", "bounded", "preload_sender"]

USER_AGENT = f"livekit-plugins-zelto/{__version__}"
logger = library_logger(__name__)  # or the plugin's logger in a worker

ERROR_WITHHELD = "[error text withheld: it contained the API key in an encoded form]"
LEASE_OVER = "lease ran out before the body was sent (the process stalled); not sent"
MAX_ANSWER_BYTES = 64 * 1024  # Zelto answers small JSON; never buffer more than this
MAX_SCAN_BYTES = 64 * 1024 * 1024  # a 2xx is scanned for "received" up to this far


@cache
def _tls_context() -> ssl.SSLContext:
    # built once per process: creating one loads the CA bundle (~20 ms). httpx's own default:
    # certifi's bundle, or SSL_CERT_FILE / SSL_CERT_DIR when set; verification always on
    return httpx.create_ssl_context()


@cache
def _plain_context() -> ssl.SSLContext:
    # for http:// loopback bases: httpx wants a context; this one loads no CA bundle
    return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def preload_sender() -> None:
    """Pay now, once, what the first send of every process would pay.

    httpx imports httpcore when its first client is built and anyio loads its asyncio backend
    on the first request (~25 ms); the TLS context loads the CA bundle (~22 ms). LiveKit's
    forkserver imports the plugin once and forks every job process from it, so each job would
    pay both on its first call. Fork-safe: imports and SSL contexts; no thread, socket or file
    left open. Never raises: an environment the client cannot be built from (a SOCKS proxy
    without `socksio`, `SSL_CERT_FILE` naming a missing file) is logged here and becomes each
    send's error, retried with backoff; it must not stop a worker from importing the plugin.
    """
    try:
        import anyio._backends._asyncio  # noqa: F401
        import httpcore  # noqa: F401

        _plain_context()
        # a first client and request, never sent: the isinstance checks against ABCs and the
        # URL and header code of httpx run their first time here (~2-4 ms in a fresh job)
        client = httpx.AsyncClient(verify=_plain_context(), trust_env=False)
        client.build_request("POST", "http://127.0.0.1/webhooks/calls", content=b"{}")
        _tls_context()
    except Exception as exc:
        logger.warning(
            "the HTTP client cannot be built in this environment; each send will fail until "
            "it is fixed",
            extra={"error": _environment_error(exc)},
        )


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
        # the key in any form: plain, JSON-escaped, inside a repr() of header bytes (as h11's
        # errors print it), and a prefix of it where a text was cut
        self._scrubber = Scrubber(config.api_key)
        self._url = config.endpoint
        self._headers = {
            "Authorization": f"Bearer {config.api_key}",
            "X-Zelto-Provider": PROVIDER,
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
        }
        self._transport = transport
        self._client: httpx.AsyncClient | None = None  # built at the first send

    def _built(self) -> httpx.AsyncClient:
        """The keep-alive client, built at the first send (and again at the next one when the
        environment would not let it be built: see `_environment_error`)."""
        if self._client is None:
            config = self.config
            https = config.base_url.startswith("https://")
            self._client = httpx.AsyncClient(
                timeout=httpx.Timeout(config.total_timeout_s, connect=config.connect_timeout_s),
                limits=httpx.Limits(
                    max_connections=config.concurrency,
                    max_keepalive_connections=config.concurrency,
                ),
                verify=_tls_context() if https else _plain_context(),
                follow_redirects=False,
                # proxies: plain http (loopback only) never goes through one, whatever the
                # environment names: the key would be in clear at the proxy. https follows
                # HTTPS_PROXY / ALL_PROXY / NO_PROXY as httpx reads them (as curl does); an
                # https target is always tunnelled (CONNECT), so the key stays inside TLS.
                trust_env=https,
                transport=self._transport,
            )
        return self._client

    async def aclose(self) -> None:
        if self._client is not None:
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
        limit = self.config.total_timeout_s if timeout is None else timeout
        try:
            client = self._built()
        except Exception as exc:  # the environment: a proxy URL, a CA file; not Zelto's answer
            return SendOutcome("retry", None, self._scrub(_environment_error(exc)))
        try:
            status, answer, retry_after, cut, received = await bounded(
                _unwrapped(self._post(client, body, still_leased)), limit
            )
        except _LeaseOver:
            return SendOutcome("retry", None, LEASE_OVER)
        except (httpx.ConnectTimeout, httpx.PoolTimeout):
            wait = min(limit, self.config.connect_timeout_s)
            return SendOutcome(
                "retry", None, f"could not connect within {round(wait, 2):g} s (timeout)"
            )
        except (asyncio.TimeoutError, httpx.TimeoutException):
            # connected, request (being) sent, no answer: Zelto is there but slow on this call
            return SendOutcome(
                "retry", None, f"no answer within {round(limit, 2):g} s (timeout)", reached=True
            )
        except httpx.HTTPError as exc:
            return SendOutcome("retry", None, self._scrub(f"{type(exc).__name__}: {exc}"))
        except OSError as exc:
            return SendOutcome("retry", None, self._scrub(f"{type(exc).__name__}: {exc}"))
        except Exception as exc:  # a bug or a surprise in the HTTP stack: a stored reason, a retry
            logger.error("unexpected error sending a call", extra={"error": self._scrub(repr(exc))})
            return SendOutcome(
                "retry", None, self._scrub(f"unexpected {type(exc).__name__}: {exc}")
            )
        try:
            outcome = classify(
                status,
                answer,
                retry_after,
                now=time.time(),
                received=received,
                scrub=self._scrubber,
                cut=cut,
            )
        except Exception as exc:  # an answer nothing foresaw: a retry with backoff, never a loop
            logger.error("could not read Zelto's answer", extra={"error": self._scrub(repr(exc))})
            return SendOutcome(
                "retry",
                status,
                self._scrub(f"HTTP {status}, an answer that could not be read: {exc!r}"),
            )
        if not outcome.reason:  # delivered: nothing to scrub
            return outcome
        if status == 404:  # which URL answered; a base URL given with the path on it doubles it
            outcome = replace(outcome, reason=f"{outcome.reason} [{_posted(self._url)}]")
        return replace(outcome, reason=self._scrubber(outcome.reason))  # and once more, whole

    async def _post(
        self, client: httpx.AsyncClient, body: bytes, still_leased: Callable[[], bool] | None
    ) -> tuple[int, bytes, str | None, bool, Verdict | None]:
        """Status, the answer's first MAX_ANSWER_BYTES, Retry-After, whether the answer was
        longer, and (for a 2xx) what a scan of the whole answer found about "received"."""
        if still_leased is None:
            request = client.build_request("POST", self._url, content=body, headers=self._headers)
        else:
            headers = {**self._headers, "Content-Length": str(len(body))}
            request = client.build_request(
                "POST", self._url, content=_checked(body, still_leased), headers=headers
            )
        response = await client.send(request, stream=True)
        try:
            status = response.status_code
            # a 2xx is read on, in bounded memory, until "received" is found: an answer that
            # echoes a large call is still an acknowledgement
            scanner = ReceivedScanner() if 200 <= status < 300 else None
            kept = bytearray()
            cut = False
            async for chunk in response.aiter_bytes():
                room = MAX_ANSWER_BYTES - len(kept)
                kept += chunk[: max(room, 0)]
                cut = cut or len(chunk) >= room  # full: whatever follows is cut off
                if scanner is not None:
                    scanner.feed(chunk)
                    if scanner.scanned > MAX_SCAN_BYTES:
                        break
                if cut and (scanner is None or scanner.verdict is not None):
                    break  # nothing more to learn; the connection is not reused
            received: Verdict | None = None
            if scanner is not None:
                over = scanner.verdict is None and scanner.scanned > MAX_SCAN_BYTES
                received = "too_long" if over else scanner.finish()
            return status, bytes(kept), response.headers.get("retry-after"), cut, received
        finally:
            await response.aclose()

    def _scrub(self, text: str) -> str:
        text = self._scrubber.cut(_no_userinfo(text), 500)
        return ERROR_WITHHELD if self._scrubber.encoded_in(text) else text


# `scheme://user:password@`: a proxy's credentials (HTTPS_PROXY=http://u:p@host) in an error
USERINFO = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*://)[^/@\s]*@")


def _no_userinfo(text: str) -> str:
    return USERINFO.sub(r"\1***@", text)


def first_cause(exc: BaseException) -> BaseException:
    """The first exception inside (nested) exception groups: anyio's happy-eyeballs connect
    raised "ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)" for a proxy
    port out of range, hiding the OverflowError that says what is wrong."""
    while True:
        inner = getattr(exc, "exceptions", None)
        if not isinstance(inner, tuple | list) or not inner:
            return exc
        exc = inner[0]


async def _unwrapped(aw: Awaitable[T]) -> T:
    """`aw`'s result; an exception group it raises is raised as its first real cause."""
    try:
        return await aw
    except Exception as exc:
        cause = first_cause(exc)
        if cause is exc or not isinstance(cause, Exception):
            raise
        raise cause from None


def _environment_error(exc: Exception) -> str:
    """What keeps the HTTP client from being built, for `last_error` and the log."""
    return (
        "cannot build the HTTP client from this environment (check HTTPS_PROXY, ALL_PROXY, "
        f"NO_PROXY, SSL_CERT_FILE, SSL_CERT_DIR): {type(exc).__name__}: {exc}"
    )


class _LeaseOver(Exception):
    """The lease ran out before the body went out: the request is abandoned."""


async def _checked(body: bytes, still_leased: Callable[[], bool]) -> AsyncIterator[bytes]:
    # runs after the connection is up and the headers are written: the last moment before
    # the server can act on the request
    if not still_leased():
        raise _LeaseOver
    yield body


T = TypeVar("T")


async def bounded(awaitable: Awaitable[T], seconds: float) -> T:
    """`await awaitable`, raising `asyncio.TimeoutError` after `seconds`."""
    if sys.version_info >= (3, 11):
        async with asyncio.timeout(seconds):
            return await awaitable
    return await asyncio.wait_for(awaitable, seconds)  # pragma: no cover - Python 3.10


def _posted(url: str) -> str:
    """Where a 404 came from, without the path (`shown_url`): said outright when the base URL
    already ended in the webhook path."""
    if url.endswith(WEBHOOK_PATH + WEBHOOK_PATH):
        return f"ZELTO_BASE_URL already ends in {WEBHOOK_PATH}: set it to the part before"
    return f"POST {shown_url(url.removesuffix(WEBHOOK_PATH))}{WEBHOOK_PATH}"
