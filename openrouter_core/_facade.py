"""OpenRouter: the SDK-class form, for callers who prefer exceptions to Result values.

Mirrors the TypeScript SDK's ``new OpenRouter({...}).chat.send(...)``: each method calls
the free function of the same name and unwraps its ``Result``, returning the ``Success``
value and raising the ``Failure``'s error (every error value is an exception already).
Nothing else happens here: retries, validation and stream handling stay in ``funcs``, so
both forms answer the same server with the same values and the same errors.
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any, Concatenate, Generic, ParamSpec, Self, TypeVar

from returns.result import Failure, Result, Success

from openrouter_core import funcs
from openrouter_core._core import OpenRouterCore
from openrouter_core.funcs import (
    AsyncChatStream,
    ChatStream,
    chat_send,
    chat_send_async,
    chat_stream,
    chat_stream_async,
)
from openrouter_core.funcs._chat_stream import StreamReport

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


def _value(result: Success[T] | Failure[OpenRouterError] | Result[T, OpenRouterError]) -> T:
    """The ``Success`` value; the ``Failure``'s error is raised as it is, cause included."""
    if isinstance(result, Failure):
        raise result.failure()
    value: T = result.unwrap()
    return value


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
        self.models = Models(core)
        """``list``, ``count``, ``get``, ``list_for_user`` (and ``_async`` twins)."""
        self.endpoints = Endpoints(core)
        """``list``: the provider endpoints of one model."""
        self.providers = Providers(core)
        """``list``: the providers OpenRouter routes to."""
        self.generations = Generations(core)
        """``get_generation``: what one generation really cost."""
        self.credits = Credits(core)
        """``get_credits``: the account's credits (needs a management key)."""
        self.api_keys = ApiKeys(core)
        """``get_current_key_metadata``: the calling key's limit and usage."""
        self.embeddings = Embeddings(core)
        """``generate``, ``list_models``."""

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


class _Group:
    """A group of operations under the TypeScript SDK's name (``client.models``...)."""

    def __init__(self, core: OpenRouterCore) -> None:
        self._core = core

    def __repr__(self) -> str:
        return f"{type(self).__name__}(core={self._core!r})"


class _Raising(Generic[P, T]):
    """A method that calls a free function with the group's core and unwraps its Result.

    Written once for every operation: the method takes exactly the function's parameters
    after ``core`` (mypy sees them through ``ParamSpec``) and has its docstring.
    """

    def __init__(self, func: Callable[Concatenate[OpenRouterCore, P], Success[T] | Failure[Any]]):
        self._func = func

    def __get__(self, group: _Group, owner: type | None = None) -> Callable[P, T]:
        func, core = self._func, group._core

        @functools.wraps(func)
        def method(*args: P.args, **kwargs: P.kwargs) -> T:
            return _value(func(core, *args, **kwargs))

        method.__doc__ = _unwrapped_doc(func)
        return method


class _RaisingAsync(Generic[P, T]):
    """The async twin of ``_Raising``."""

    def __init__(
        self,
        func: Callable[Concatenate[OpenRouterCore, P], Awaitable[Success[T] | Failure[Any]]],
    ):
        self._func = func

    def __get__(
        self, group: _Group, owner: type | None = None
    ) -> Callable[P, Coroutine[Any, Any, T]]:
        func, core = self._func, group._core

        @functools.wraps(func)
        async def method(*args: P.args, **kwargs: P.kwargs) -> T:
            return _value(await func(core, *args, **kwargs))

        method.__doc__ = _unwrapped_doc(func)
        return method


def _unwrapped_doc(func: Callable[..., Any]) -> str:
    """The function's summary, and what the method does instead of returning a Result."""
    summary = (func.__doc__ or "").split("\n\n", maxsplit=1)[0].strip()
    return (
        f"``{func.__name__}``, unwrapped: returns the ``Success`` value and raises the "
        f"``Failure``'s error.\n\n{summary}"
    )


class Models(_Group):
    """``client.models``: the model catalogue."""

    list = _Raising(funcs.models_list)
    list_async = _RaisingAsync(funcs.models_list_async)
    count = _Raising(funcs.models_count)
    count_async = _RaisingAsync(funcs.models_count_async)
    get = _Raising(funcs.models_get)
    get_async = _RaisingAsync(funcs.models_get_async)
    list_for_user = _Raising(funcs.models_list_for_user)
    list_for_user_async = _RaisingAsync(funcs.models_list_for_user_async)


class Endpoints(_Group):
    """``client.endpoints``: the provider endpoints of one model."""

    list = _Raising(funcs.endpoints_list)
    list_async = _RaisingAsync(funcs.endpoints_list_async)


class Providers(_Group):
    """``client.providers``: the providers OpenRouter routes to."""

    list = _Raising(funcs.providers_list)
    list_async = _RaisingAsync(funcs.providers_list_async)


class Generations(_Group):
    """``client.generations``: generation stats (``ready_timeout`` waits while 404)."""

    get_generation = _Raising(funcs.generations_get_generation)
    get_generation_async = _RaisingAsync(funcs.generations_get_generation_async)


class Credits(_Group):
    """``client.credits``: the account's credits; needs a management key."""

    get_credits = _Raising(funcs.credits_get_credits)
    get_credits_async = _RaisingAsync(funcs.credits_get_credits_async)


class ApiKeys(_Group):
    """``client.api_keys``: the calling key's limit and usage."""

    get_current_key_metadata = _Raising(funcs.api_keys_get_current_key_metadata)
    get_current_key_metadata_async = _RaisingAsync(funcs.api_keys_get_current_key_metadata_async)


class Embeddings(_Group):
    """``client.embeddings``: embedding vectors and the models that make them."""

    generate = _Raising(funcs.embeddings_generate)
    generate_async = _RaisingAsync(funcs.embeddings_generate_async)
    list_models = _Raising(funcs.embeddings_list_models)
    list_models_async = _RaisingAsync(funcs.embeddings_list_models_async)


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
