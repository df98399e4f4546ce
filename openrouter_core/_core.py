"""OpenRouterCore: configuration plus lazily created httpx clients, nothing else."""

from __future__ import annotations

import logging
import os
import threading
import weakref
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Self, TypeVar

import httpx
from returns.result import Failure, Result, Success

from openrouter_core import _clients
from openrouter_core._checks import check_bytes, check_option, check_seconds, url_text
from openrouter_core._clients import ClientProblem
from openrouter_core._clocks import SYSTEM

if TYPE_CHECKING:
    import asyncio

    from openrouter_core._clocks import Clocks
    from openrouter_core._options import Hooks
    from openrouter_core._retry_config import RetryConfig
    from openrouter_core._runtime import Runtime

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
    are read here, once per core. An option of the wrong type raises ``TypeError`` (a
    negative limit ``ValueError``) here, naming the option; what only a call can tell (a
    missing key, a bad URL, unusable proxy or TLS settings in the environment) comes back
    as a ``Failure`` from that call.

    Clients the core creates are created on first use, inside the call's error boundary.
    Each running event loop gets its own async client (an ``httpx.AsyncClient`` cannot move
    between loops), closed when that loop shuts down, so a module-level core serves any
    number of ``asyncio.run()`` calls and threads. ``close()`` / ``aclose()`` and the
    ``with`` / ``async with`` forms close them too; the core stays usable and opens fresh
    clients on its next call. Clients passed in stay the caller's to close; an async client
    passed in that is bound to a loop that has closed gives ``Failure(InvalidRequestError)``.

    Args:
        api_key: the key, or a callable returning it (called once per call).
        server_url: base URL (``str`` or ``httpx.URL``); trailing slashes are dropped and a
            URL ending in ``/api`` gets ``/v1``. Credentials in it (``user:pass@``) are
            refused: the key goes out as a Bearer token.
        http_referer, app_title, app_categories: attribution headers (``HTTP-Referer``,
            ``X-OpenRouter-Title``, ``X-OpenRouter-Categories``).
        timeout: seconds or an ``httpx.Timeout``, per attempt and phase (default
            ``DEFAULT_TIMEOUT``: connect 10 s, read 300 s, write 60 s, pool 30 s; ``None``
            disables every limit). A stream's read timeout is also its watchdog's.
        deadline: seconds for a whole call, retries and sleeps included (default ``None``:
            no limit beyond the retry budget); a stream's, up to its first content. The
            clients the core builds end every connect, read and write by it, and the async
            twin any client; a sync ``http_client`` of yours gets each attempt's timeouts
            cut to what it leaves, which a stream keeps after its first content (see the
            README's timeouts).
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
        server_url: str | httpx.URL | None = None,
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
        _check_options(locals())
        self.api_key: ApiKey | None = api_key if api_key is not None else _env("OPENROUTER_API_KEY")
        self.server_url: str = (
            url_text(server_url) or _env("OPENROUTER_BASE_URL") or DEFAULT_SERVER_URL
        )
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
        # Left out, a setting is None here and its class is loaded only when it is read:
        # a call with the defaults creates none of them (issue 16, cold start).
        self._retry_config = retry_config
        self._hooks = hooks
        self.logger = debug_logger if debug_logger is not None else _log
        self.max_response_bytes = max_response_bytes
        self.max_line_bytes = max_line_bytes
        self.allow_insecure_http = allow_insecure_http
        self.user_agent = user_agent
        self._clocks: Clocks = runtime if runtime is not None else SYSTEM
        self._given_client = http_client
        self._given_async_client = async_http_client
        self._own_client: httpx.Client | None = None
        self._own_async_clients = _clients.LoopClients(self._new_async_client)
        self._given_async_loop: weakref.ref[asyncio.AbstractEventLoop] | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        key = "callable" if callable(self.api_key) else ("set" if self.api_key else "missing")
        return f"OpenRouterCore(server_url={self.server_url!r}, api_key=<{key}>)"

    @property
    def retry_config(self) -> RetryConfig:
        """The retry policy: the one given, else ``RetryConfig()`` (which the retry policy
        also reads, after a failed attempt, for a call that has neither)."""
        if self._retry_config is None:
            from openrouter_core._retry_config import DEFAULT_RETRIES

            return DEFAULT_RETRIES
        return self._retry_config

    @retry_config.setter
    def retry_config(self, value: RetryConfig) -> None:
        self._retry_config = value

    @property
    def hooks(self) -> Hooks:
        """The hooks: the ones given, else an empty ``Hooks()``."""
        if self._hooks is None:
            from openrouter_core._options import NO_HOOKS

            return NO_HOOKS
        return self._hooks

    @hooks.setter
    def hooks(self, value: Hooks) -> None:
        self._hooks = value

    @property
    def runtime(self) -> Runtime:
        """The clocks and sleepers: the ``Runtime`` given, else ``Runtime()``, the system's."""
        from openrouter_core import _runtime

        clocks = self._clocks
        return clocks if isinstance(clocks, _runtime.Runtime) else _runtime.SYSTEM

    @runtime.setter
    def runtime(self, value: Runtime) -> None:
        self._clocks = value

    def acquire_client(self) -> Result[httpx.Client, ClientProblem]:
        """The sync client, created on first use; unusable environment settings (proxy
        variables, ``SSL_CERT_FILE``) come back as ``Failure(SDKValidationError)``."""
        if self._given_client is not None:
            return Success(self._given_client)
        with self._lock:
            if self._own_client is None:
                made = _clients.create(self._new_client)
                if isinstance(made, Failure):
                    return made
                self._own_client = made.unwrap()
            return Success(self._own_client)

    def acquire_async_client(self) -> Result[httpx.AsyncClient, ClientProblem]:
        """The running event loop's async client, created on first use in that loop."""
        given = self._given_async_client
        if given is None:
            return self._own_async_clients.get()
        loop = _clients.running_loop()
        with self._lock:
            seen = self._given_async_loop() if self._given_async_loop is not None else None
            if seen is not None and seen is not loop and seen.is_closed():
                return Failure(_clients.closed_loop_error("async_http_client"))
            if loop is not None and loop is not seen:
                self._given_async_loop = weakref.ref(loop)
        return Success(given)

    @property
    def client(self) -> httpx.Client:
        """The sync client, created on first use (raises what ``acquire_client`` answers)."""
        return _unwrap(self.acquire_client())

    @property
    def async_client(self) -> httpx.AsyncClient:
        """The running loop's async client (raises what ``acquire_async_client`` answers)."""
        return _unwrap(self.acquire_async_client())

    def _new_client(self) -> httpx.Client:
        """httpx's client, whose reads and writes also end by the call's deadline."""
        from openrouter_core._deadline import bounded  # imports httpcore, as the client does

        return bounded(httpx.Client(timeout=self.timeout, follow_redirects=False))

    def _new_async_client(self) -> Result[httpx.AsyncClient, ClientProblem]:
        return _clients.create(
            lambda: httpx.AsyncClient(timeout=self.timeout, follow_redirects=False)
        )

    def close(self) -> None:
        """Close the sync client if this core created it. Safe to call twice; the next call
        opens a new one. Async clients close with ``aclose()`` or when their loop ends."""
        with self._lock:
            client, self._own_client = self._own_client, None
        if client is not None:
            client.close()
        self._own_async_clients.release_dead()

    async def aclose(self) -> None:
        """Close the running loop's async client and the sync client, if this core created
        them. Safe to call twice; the next call opens new ones."""
        await self._own_async_clients.aclose_current()
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


_Client = TypeVar("_Client", httpx.Client, httpx.AsyncClient)


def _unwrap(acquired: Result[_Client, ClientProblem]) -> _Client:
    if isinstance(acquired, Failure):
        raise acquired.failure()
    return acquired.unwrap()


def _check_options(given: Mapping[str, object]) -> None:
    """Refuse, at construction, an option whose type or value cannot work."""
    text = (str, type(None))
    for name in ("http_referer", "app_title", "app_categories", "user_agent"):
        check_option(name, given[name], text, "a str")
    key = given["api_key"]
    if not callable(key):
        check_option("api_key", key, text, "a str or a callable returning one")
    check_option("server_url", given["server_url"], (str, httpx.URL, type(None)), "a str or URL")
    check_seconds("timeout", given["timeout"], timeout_allowed=True)
    for name in ("deadline", "first_content_timeout", "idle_timeout"):
        check_seconds(name, given[name])
    if given["retry_config"] is not None:  # the settings classes only when one is given
        from openrouter_core._retry_config import RetryConfig

        kinds = (RetryConfig, type(None))
        check_option("retry_config", given["retry_config"], kinds, "a RetryConfig")
    if given["hooks"] is not None:
        from openrouter_core._options import Hooks

        check_option("hooks", given["hooks"], (Hooks, type(None)), "a Hooks")
    check_option("debug_logger", given["debug_logger"], (logging.Logger, type(None)), "a Logger")
    check_option(
        "http_client",
        given["http_client"],
        (httpx.Client, type(None)),
        "an httpx.Client (an httpx.AsyncClient goes in async_http_client)",
    )
    check_option(
        "async_http_client",
        given["async_http_client"],
        (httpx.AsyncClient, type(None)),
        "an httpx.AsyncClient (an httpx.Client goes in http_client)",
    )
    check_bytes("max_response_bytes", given["max_response_bytes"])
    check_bytes("max_line_bytes", given["max_line_bytes"])
    check_option("allow_insecure_http", given["allow_insecure_http"], (bool,), "a bool")
    if given["runtime"] is not None:
        from openrouter_core._runtime import Runtime

        check_option("runtime", given["runtime"], (Runtime, type(None)), "a Runtime")
