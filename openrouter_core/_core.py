"""OpenRouterCore: configuration plus lazily created httpx clients, nothing else."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Self

import httpx

from openrouter_core._options import Hooks
from openrouter_core._retries import RetryConfig
from openrouter_core._runtime import SYSTEM, Runtime

__all__ = ["OpenRouterCore"]

DEFAULT_SERVER_URL = "https://openrouter.ai/api/v1"

DEFAULT_TIMEOUT = httpx.Timeout(connect=10.0, read=300.0, write=60.0, pool=30.0)
"""Connect fails fast; a non-streaming generation can be silent for minutes, hence the read."""

DEFAULT_FIRST_CONTENT_TIMEOUT = 300.0
"""Seconds a stream may go without its first content (reasoning models think for a while)."""

DEFAULT_IDLE_TIMEOUT = 120.0
"""Seconds a stream may go between two pieces of content; keep-alives do not count."""

DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
"""A non-streaming body above this is refused instead of exhausting memory."""

DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024
"""An SSE line above this ends the stream instead of exhausting memory."""

ApiKey = str | Callable[[], str]

_log = logging.getLogger("openrouter_core")


def _env(name: str) -> str | None:
    return os.environ.get(name) or None


class OpenRouterCore:
    """Holds the configuration and the HTTP clients that every operation function uses.

    Environment fallbacks (``OPENROUTER_API_KEY``, ``OPENROUTER_BASE_URL``,
    ``OPENROUTER_HTTP_REFERER``, ``OPENROUTER_APP_TITLE``, ``OPENROUTER_APP_CATEGORIES``)
    are read here, once per core. Nothing is validated at construction: a missing key or a
    bad URL comes back as a ``Failure`` from the first call.

    Clients the core creates are created on first use and closed by ``close()`` /
    ``aclose()`` or the ``with`` / ``async with`` forms; clients passed in stay the caller's
    to close. A core is safe to share between threads and tasks.

    Args:
        api_key: the key, or a callable returning it (called once per call).
        server_url: base URL; trailing slashes are dropped and a URL ending in ``/api`` gets
            ``/v1``.
        http_referer, app_title, app_categories: attribution headers (``HTTP-Referer``,
            ``X-OpenRouter-Title``, ``X-OpenRouter-Categories``).
        timeout: seconds or an ``httpx.Timeout``, per attempt and phase (default
            ``DEFAULT_TIMEOUT``: connect 10 s, read 300 s, write 60 s, pool 30 s; ``None``
            disables every limit). Each attempt's limits are cut to what the deadline leaves.
        deadline: seconds for a whole call, retries and sleeps included (default ``None``:
            no limit beyond the retry budget).
        first_content_timeout, idle_timeout: the stream watchdog's limits, in seconds.
        retry_config: the retry policy (``RetryConfig(strategy="none")`` turns retries off).
        hooks: callbacks around each request.
        debug_logger: where debug events go (default: the ``openrouter_core`` logger).
        http_client, async_http_client: your own configured httpx clients.
        max_response_bytes, max_line_bytes: memory caps for bodies and SSE lines.
        allow_insecure_http: send the key over plain ``http://`` to a non-loopback host.
        user_agent: replaces the ``User-Agent`` header.
        runtime: clocks, jitter and sleepers (tests pass fakes to skip real waiting).
    """

    def __init__(
        self,
        *,
        api_key: ApiKey | None = None,
        server_url: str | None = None,
        http_referer: str | None = None,
        app_title: str | None = None,
        app_categories: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        deadline: float | None = None,
        first_content_timeout: float | None = DEFAULT_FIRST_CONTENT_TIMEOUT,
        idle_timeout: float | None = DEFAULT_IDLE_TIMEOUT,
        retry_config: RetryConfig | None = None,
        hooks: Hooks | None = None,
        debug_logger: logging.Logger | None = None,
        http_client: httpx.Client | None = None,
        async_http_client: httpx.AsyncClient | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        max_line_bytes: int = DEFAULT_MAX_LINE_BYTES,
        allow_insecure_http: bool = False,
        user_agent: str | None = None,
        runtime: Runtime | None = None,
    ) -> None:
        self.api_key: ApiKey | None = api_key if api_key is not None else _env("OPENROUTER_API_KEY")
        self.server_url: str = server_url or _env("OPENROUTER_BASE_URL") or DEFAULT_SERVER_URL
        self.http_referer = (
            http_referer if http_referer is not None else _env("OPENROUTER_HTTP_REFERER")
        )
        self.app_title = app_title if app_title is not None else _env("OPENROUTER_APP_TITLE")
        self.app_categories = (
            app_categories if app_categories is not None else _env("OPENROUTER_APP_CATEGORIES")
        )
        self.timeout = timeout
        self.deadline = deadline
        self.first_content_timeout = first_content_timeout
        self.idle_timeout = idle_timeout
        self.retry_config = retry_config if retry_config is not None else RetryConfig()
        self.hooks = hooks if hooks is not None else Hooks()
        self.logger = debug_logger if debug_logger is not None else _log
        self.max_response_bytes = max_response_bytes
        self.max_line_bytes = max_line_bytes
        self.allow_insecure_http = allow_insecure_http
        self.user_agent = user_agent
        self.runtime = runtime if runtime is not None else SYSTEM
        self._client = http_client
        self._async_client = async_http_client
        self._owns_client = http_client is None
        self._owns_async_client = async_http_client is None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        key = "callable" if callable(self.api_key) else ("set" if self.api_key else "missing")
        return f"OpenRouterCore(server_url={self.server_url!r}, api_key=<{key}>)"

    @property
    def client(self) -> httpx.Client:
        """The sync client, created on first use."""
        with self._lock:
            if self._client is None:
                self._client = httpx.Client(timeout=self.timeout, follow_redirects=False)
            return self._client

    @property
    def async_client(self) -> httpx.AsyncClient:
        """The async client, created on first use."""
        with self._lock:
            if self._async_client is None:
                self._async_client = httpx.AsyncClient(timeout=self.timeout, follow_redirects=False)
            return self._async_client

    def close(self) -> None:
        """Close the sync client if this core created it. Safe to call twice."""
        with self._lock:
            client = self._client
            if self._owns_client:
                self._client = None
        if client is not None and self._owns_client:
            client.close()

    async def aclose(self) -> None:
        """Close both clients this core created. Safe to call twice."""
        with self._lock:
            client = self._async_client
            if self._owns_async_client:
                self._async_client = None
        if client is not None and self._owns_async_client:
            await client.aclose()
        self.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
