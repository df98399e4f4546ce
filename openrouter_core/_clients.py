"""The core's httpx clients: built inside the error boundary, one async client per event loop.

httpx reads proxy and TLS settings from the environment when a client is built, and raises
there (``ImportError`` for a SOCKS proxy without socksio, ``ValueError`` for a proxy scheme
it does not know, ``FileNotFoundError`` for a missing ``SSL_CERT_FILE``): ``create`` turns
that into a ``Failure`` naming the variable.

An ``httpx.AsyncClient``'s pooled connections belong to the event loop that opened them;
used from a later loop they fail with "Event loop is closed", possibly after the request
went out. ``LoopClients`` gives each running asyncio loop its own client and closes it when
the loop shuts down. A loop closed by hand without ``loop.shutdown_asyncgens()`` cannot
run that close any more: its client is let go (its sockets are left to the garbage
collector) and the next loop still gets a fresh one.
"""

from __future__ import annotations

import contextlib
import os
import ssl
import sys
import threading
import weakref
from collections.abc import AsyncGenerator, Callable
from typing import TYPE_CHECKING, TypeAlias, TypeVar

import httpx
from returns.result import Failure, Result, Success

from openrouter_core._http import masked_url

if TYPE_CHECKING:
    import asyncio

    # Imported where an error is made: a client that builds creates no error class (each
    # is an attrs class, compiled when created; issue 16, cold start).
    from openrouter_core.errors import (
        InvalidRequestError,
        SDKValidationError,
        UnexpectedClientError,
    )

ClientProblem: TypeAlias = "SDKValidationError | InvalidRequestError | UnexpectedClientError"
C = TypeVar("C", httpx.Client, httpx.AsyncClient)

_PROXY_VARIABLES = (
    "all_proxy",
    "ALL_PROXY",
    "https_proxy",
    "HTTPS_PROXY",
    "http_proxy",
    "HTTP_PROXY",
)


def create(factory: Callable[[], C]) -> Result[C, ClientProblem]:
    """Build a client; a setting httpx refuses becomes a ``Failure`` that says what to fix."""
    try:
        return Success(factory())
    except Exception as exc:  # httpx raises ImportError, ValueError, OSError, ssl.SSLError...
        return Failure(environment_problem(exc))


def environment_problem(exc: Exception) -> SDKValidationError | UnexpectedClientError:
    """Name the environment variable that kept httpx from building a client, and the fix."""
    from openrouter_core.errors import SDKValidationError, UnexpectedClientError

    for name in _PROXY_VARIABLES:
        value = os.environ.get(name)
        problem = _proxy_problem(value) if value else None
        if problem:
            return SDKValidationError(
                message=f"{name}={masked_url(value or '')} {problem}; fix or unset {name}",
                field=name,
            )
    for name, exists in (("SSL_CERT_FILE", os.path.isfile), ("SSL_CERT_DIR", os.path.isdir)):
        value = os.environ.get(name)
        if value and (not exists(value) or isinstance(exc, ssl.SSLError)):
            return SDKValidationError(
                message=(
                    f"{name}={value} is not a usable certificate {name[9:].lower()} ({exc}); "
                    f"point it at a readable PEM {name[9:].lower()} or unset {name}"
                ),
                field=name,
            )
    return UnexpectedClientError(
        message=f"the HTTP client could not be created: {exc!r}", cause=exc
    )


def _proxy_problem(value: str) -> str | None:
    # httpx reads a proxy variable without a scheme as http://
    url = value if "://" in value else f"http://{value}"
    try:
        proxy = httpx.Proxy(url)
    except (httpx.InvalidURL, ValueError, TypeError) as exc:
        return (
            f"is not a proxy URL httpx can use ({exc}): "
            "use http://, https://, socks5:// or socks5h://host:port"
        )
    if proxy.url.scheme.startswith("socks"):
        import importlib.util  # deferred: only a SOCKS proxy needs it

        if importlib.util.find_spec("socksio") is None:
            return (
                "names a SOCKS proxy, which needs the socksio package: pip install 'httpx[socks]'"
            )
    return None


def running_loop() -> asyncio.AbstractEventLoop | None:
    """The running asyncio loop of this thread, if any (``None`` under trio, or outside)."""
    # Without asyncio imported no asyncio loop can be running, and importing it costs.
    if "asyncio" not in sys.modules:
        return None
    import asyncio

    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def closed_loop_error(
    role: str, cause: BaseException | None = None, *, may_have_been_processed: bool = False
) -> InvalidRequestError:
    """The answer for a caller's async client that is bound to a loop that has closed."""
    from openrouter_core.errors import InvalidRequestError

    return InvalidRequestError(
        cause=cause,
        may_have_been_processed=may_have_been_processed,
        message=(
            f"the {role} is bound to an event loop that has closed (an httpx.AsyncClient's "
            "connections belong to the loop that opened them): create the client inside the "
            "event loop that uses it, or pass none and let OpenRouterCore make one per loop"
        ),
    )


class LoopClients:
    """One ``httpx.AsyncClient`` per running asyncio event loop, each closed as its loop ends.

    Outside asyncio (trio, or no loop at all) one shared client serves. Thread-safe.
    """

    def __init__(self, make: Callable[[], Result[httpx.AsyncClient, ClientProblem]]) -> None:
        self._make = make
        self._lock = threading.Lock()
        self._by_loop: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _LoopClient] = (
            weakref.WeakKeyDictionary()
        )
        self._shared: httpx.AsyncClient | None = None

    def get(self) -> Result[httpx.AsyncClient, ClientProblem]:
        """The client of the running loop, created on first use there."""
        loop = running_loop()
        with self._lock:
            if loop is None:
                if self._shared is None:
                    made = self._make()
                    if isinstance(made, Failure):
                        return made
                    self._shared = made.unwrap()
                return Success(self._shared)
            entry = self._by_loop.get(loop)
            if entry is not None:
                return Success(entry.client)
            self._abandon_dead()
            created = self._make()
            if isinstance(created, Success):
                self._by_loop[loop] = _LoopClient(created.unwrap(), self._forget)
            return created

    async def aclose_current(self) -> None:
        """Close the running loop's client and the shared one; other loops close theirs."""
        loop = running_loop()
        with self._lock:
            entry = self._by_loop.pop(loop, None) if loop is not None else None
            shared, self._shared = self._shared, None
        if entry is not None:
            await entry.aclose()
        if shared is not None:
            await shared.aclose()

    def release_dead(self) -> None:
        """Let go of the clients of loops that closed without shutting down (nothing can
        run their close any more)."""
        with self._lock:
            self._abandon_dead()

    def _abandon_dead(self) -> None:
        for loop in [loop for loop in self._by_loop if loop.is_closed()]:
            self._by_loop.pop(loop).abandon()

    def _forget(self, entry: _LoopClient) -> None:
        with self._lock:
            for loop in [loop for loop, held in self._by_loop.items() if held is entry]:
                del self._by_loop[loop]


class _LoopClient:
    """A client and the async generator that closes it when its loop shuts down.

    Started inside the loop, the generator is registered with the loop's async-generator
    hooks, so ``loop.shutdown_asyncgens()`` (run by ``asyncio.run``, ``asyncio.Runner``,
    ``anyio.run`` and pytest's loops before they close) finishes it while the loop can still
    run the client's close.
    """

    __slots__ = ("_abandoned", "_closer", "client")

    def __init__(self, client: httpx.AsyncClient, forget: Callable[[_LoopClient], None]) -> None:
        self.client = client
        self._abandoned = False
        self._closer = self._close_with_loop(forget)
        with contextlib.suppress(StopIteration):  # runs the generator up to its yield
            self._closer.asend(None).send(None)

    async def _close_with_loop(
        self, forget: Callable[[_LoopClient], None]
    ) -> AsyncGenerator[None, None]:
        try:
            yield
        finally:
            if not self._abandoned:  # an abandoned entry was taken out of the map already
                forget(self)
                await self.client.aclose()

    async def aclose(self) -> None:
        await self._closer.aclose()

    def abandon(self) -> None:
        """Finish the generator without awaiting: its loop is closed."""
        self._abandoned = True
        with contextlib.suppress(StopIteration, RuntimeError):
            self._closer.aclose().send(None)
