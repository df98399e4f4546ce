"""OpenRouter: the SDK-class form, for callers who prefer exceptions to Result values.

Mirrors the TypeScript SDK's ``new OpenRouter({...}).chat.send(...)``: each method calls
the free function of the same name and unwraps its ``Result``, returning the ``Success``
value and raising the ``Failure``'s error (every error value is an exception already).
Nothing else happens here: retries, validation and stream handling stay in ``funcs``, so
both forms answer the same server with the same values and the same errors.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Concatenate, Generic, ParamSpec, Self, TypeVar

from returns.result import Failure, Result

from openrouter_core._core import OpenRouterCore
from openrouter_core.funcs import (
    AsyncChatStream,
    ChatStream,
    chat_send,
    chat_send_async,
    chat_stream,
    chat_stream_async,
)
from openrouter_core.funcs.chat_stream import StreamReport

if TYPE_CHECKING:
    from openrouter_core._options import RequestOptions
    from openrouter_core.errors import OpenRouterError
    from openrouter_core.models import (
        ChatRequest,
        ChatResult,
        ChatStreamChunk,
        SendChatCompletionRequest,
    )

__all__ = ["OpenRouter"]

T = TypeVar("T")
C = TypeVar("C")
P = ParamSpec("P")
S = TypeVar("S", bound=ChatStream | AsyncChatStream)


def _takes_options_of(
    build: Callable[P, OpenRouterCore],
) -> Callable[[Callable[[C, OpenRouterCore], None]], Callable[Concatenate[C, P], None]]:
    """Give ``__init__(self, core)`` the parameters of ``build``, typed by them.

    The decorated ``__init__`` takes what ``build`` takes and receives the core it builds,
    so ``OpenRouter(...)`` has ``OpenRouterCore``'s options, checked by mypy and shown by
    ``help()`` and ``inspect.signature``, without restating them here.
    """

    def decorate(init: Callable[[C, OpenRouterCore], None]) -> Callable[Concatenate[C, P], None]:
        def __init__(self: C, /, *args: P.args, **kwargs: P.kwargs) -> None:
            init(self, build(*args, **kwargs))

        __init__.__doc__ = init.__doc__
        __init__.__qualname__ = init.__qualname__
        # inspect.signature follows __wrapped__: the signature shown is the builder's own.
        __init__.__dict__["__wrapped__"] = getattr(build, "__init__", build)
        return __init__

    return decorate


def _value(result: Result[T, OpenRouterError]) -> T:
    """The ``Success`` value; the ``Failure``'s error is raised as it is, cause included."""
    if isinstance(result, Failure):
        raise result.failure()
    return result.unwrap()


class OpenRouter:
    """The client object: ``client.chat.send(...)`` returns the answer or raises its error.

    ``OpenRouter(...)`` takes exactly the options of ``OpenRouterCore`` and owns the core it
    builds: ``close()`` / ``aclose()`` and the ``with`` / ``async with`` forms close it.
    ``OpenRouter.from_core(core)`` wraps a core you already have, which stays yours to
    close (as clients passed to a core stay yours), so one core can serve both forms.

    Example::

        with OpenRouter(api_key="sk-or-...") as client:
            try:
                reply = client.chat.send(request)
            except TooManyRequestsResponseError as error:
                print("retry in", error.retry_after, "seconds")
    """

    @_takes_options_of(OpenRouterCore)
    def __init__(self, core: OpenRouterCore) -> None:
        """Build and own an ``OpenRouterCore`` from the same options (see its docstring)."""
        self._attach(core, owns_core=True)

    @classmethod
    def from_core(cls, core: OpenRouterCore) -> Self:
        """Wrap an existing core; ``close()`` / ``aclose()`` then leave it open."""
        client = cls.__new__(cls)
        client._attach(core, owns_core=False)
        return client

    def _attach(self, core: OpenRouterCore, *, owns_core: bool) -> None:
        self._core = core
        self._owns_core = owns_core
        self._chat = Chat(core)

    @property
    def core(self) -> OpenRouterCore:
        """The core underneath, for the free functions (``chat_send(client.core, ...)``)."""
        return self._core

    @property
    def chat(self) -> Chat:
        """The chat operations: ``send``, ``send_async``, ``stream``, ``stream_async``."""
        return self._chat

    def __repr__(self) -> str:
        return f"OpenRouter(core={self._core!r})"

    def close(self) -> None:
        """Close the core's sync client if this object built the core. Safe to call twice."""
        if self._owns_core:
            self._core.close()

    async def aclose(self) -> None:
        """Close the core's clients if this object built the core. Safe to call twice."""
        if self._owns_core:
            await self._core.aclose()

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


class Chat:
    """``client.chat``: the chat operations, each raising the error its free function returns."""

    def __init__(self, core: OpenRouterCore) -> None:
        self._core = core

    def send(
        self,
        request: ChatRequest | SendChatCompletionRequest,
        options: RequestOptions | None = None,
    ) -> ChatResult:
        """``chat_send``, unwrapped: the ``ChatResult``, or one of ``ChatSendError`` raised."""
        return _value(chat_send(self._core, request, options))

    async def send_async(
        self,
        request: ChatRequest | SendChatCompletionRequest,
        options: RequestOptions | None = None,
    ) -> ChatResult:
        """The async twin of ``send``."""
        return _value(await chat_send_async(self._core, request, options))

    def stream(
        self,
        request: ChatRequest | SendChatCompletionRequest,
        options: RequestOptions | None = None,
    ) -> RaisingChatStream:
        """``chat_stream``, unwrapped: raises a ``ChatStreamError`` now, or returns the stream.

        Use it as ``with client.chat.stream(request) as stream: for chunk in stream: ...``;
        the stream raises its terminal error where the iteration reaches it.
        """
        return RaisingChatStream(_value(chat_stream(self._core, request, options)))

    async def stream_async(
        self,
        request: ChatRequest | SendChatCompletionRequest,
        options: RequestOptions | None = None,
    ) -> AsyncRaisingChatStream:
        """The async twin of ``stream``.

        Await it, then use the stream:
        ``async with await client.chat.stream_async(request) as stream:
        async for chunk in stream: ...``.
        """
        return AsyncRaisingChatStream(_value(await chat_stream_async(self._core, request, options)))


class _RaisingView(StreamReport, Generic[S]):
    """A raising stream reports what the stream it wraps tells; shared by both twins."""

    def __init__(self, stream: S) -> None:
        super().__init__(stream._pump, stream._response)
        self._stream = stream


class RaisingChatStream(_RaisingView[ChatStream]):
    """A ``ChatStream`` that yields ``ChatStreamChunk`` values and raises its terminal error.

    Every chunk before the error is delivered first; the error (a ``StreamFailure``) is
    raised where the iteration reaches it, and the stream is closed by then. Leaving the
    loop or the ``with`` block early closes the connection, as with ``ChatStream``.
    """

    def __iter__(self) -> Iterator[ChatStreamChunk]:
        with self._stream:
            for item in self._stream:
                yield _value(item)

    def __next__(self) -> ChatStreamChunk:
        return _value(next(self._stream))

    def close(self) -> None:
        """Stop the stream and release the connection. Safe to call more than once."""
        self._stream.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncRaisingChatStream(_RaisingView[AsyncChatStream]):
    """The async twin of ``RaisingChatStream``: ``async for``, ``async with``, ``aclose()``."""

    def __aiter__(self) -> AsyncIterator[ChatStreamChunk]:
        return self._chunks()

    async def _chunks(self) -> AsyncIterator[ChatStreamChunk]:
        async with self._stream:
            async for item in self._stream:
                yield _value(item)

    async def __anext__(self) -> ChatStreamChunk:
        return _value(await anext(self._stream))

    async def aclose(self) -> None:
        """Stop the stream and release the connection. Safe to call more than once."""
        await self._stream.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
