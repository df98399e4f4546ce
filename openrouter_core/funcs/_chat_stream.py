"""chat_stream / chat_stream_async: a chat completion as a stream of Result items."""

from __future__ import annotations

import contextlib
import functools
import sys
from collections.abc import AsyncIterator, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypeAlias, get_args

import httpx
from returns.result import Failure, Success

if TYPE_CHECKING:
    import asyncio

    from openrouter_core._clocks import Clocks
    from openrouter_core._core import OpenRouterCore
    from openrouter_core._operation import Endpoint
    from openrouter_core._options import RequestOptions
    from openrouter_core._stream import Handoff, Item, StreamPump
    from openrouter_core._stream_state import StreamOutcome
    from openrouter_core.errors import ChatStreamError
    from openrouter_core.models import ChatRequest, ChatResult, ChatUsage, SendChatCompletionRequest

__all__ = [
    "AsyncChatStream",
    "AsyncChatStreamResult",
    "ChatStream",
    "ChatStreamResult",
    "chat_stream",
    "chat_stream_async",
]


_DRAIN_BYTES = 64 * 1024
"""The most a completed stream reads past ``[DONE]`` to hand its connection back."""

DONE_GRACE = 0.05
"""Seconds a completed stream waits past ``[DONE]`` for the end of its body, so that the
connection can go back to the pool; a server (or proxy) that keeps the body open longer
gets the connection closed instead, and the stream still ends at once."""

_closing: set[asyncio.Task[None]] = set()
"""Closes scheduled for abandoned async streams; held so the loop does not drop them."""


class StreamReport:
    """What a stream tells during or after iteration: shared by both twins and by the
    raising streams of ``OpenRouter``, which report the stream they wrap."""

    def __init__(self, pump: StreamPump, response: httpx.Response) -> None:
        self._pump = pump
        self._response = response

    @property
    def outcome(self) -> StreamOutcome:
        """``in_progress`` until the end; then completed, truncated, error, stalled or cancelled.

        ``completed``: ``[DONE]`` arrived, the body ended after a finish reason, or the
        connection broke after every choice had its finish reason (the answer is whole).
        """
        return self._pump.state.outcome

    @property
    def received_content(self) -> bool:
        """Whether any content (text, reasoning, tool-call pieces...) has arrived."""
        return self._pump.state.received_content

    @property
    def usage(self) -> ChatUsage | None:
        """The last usage seen (the final chunk carries it, with ``cost``)."""
        return self._pump.state.usage

    @property
    def generation_id(self) -> str | None:
        """The generation id from the chunks, else from the ``X-Generation-Id`` header."""
        return self._pump.state.generation_id or self._response.headers.get("x-generation-id")

    @property
    def model(self) -> str | None:
        """The model that actually served the request."""
        return self._pump.state.model

    @property
    def provider(self) -> str | None:
        """The provider that served the request."""
        return self._pump.state.provider

    @property
    def response(self) -> httpx.Response:
        """The HTTP response (status and headers; its body belongs to the stream)."""
        return self._response

    def collect(self) -> ChatResult:
        """Fold what has arrived so far into a ``ChatResult``.

        Content is concatenated, tool-call fragments merged by index, reasoning details
        kept in order and verbatim. Call it after iterating for the whole answer.
        """
        return self._pump.state.collect()

    def __repr__(self) -> str:
        """How the stream stands, for logs and the REPL: outcome, model and generation id."""
        return (
            f"<{type(self).__name__} outcome={self.outcome!r} model={self.model!r} "
            f"generation_id={self.generation_id!r}>"
        )


class _StreamView(StreamReport):
    """The reading state both twins share: pending items, the handle, closed or not."""

    def __init__(self, handoff: Handoff[Any], runtime: Clocks) -> None:
        super().__init__(handoff.pump, handoff.response)
        self._pending: list[Item] = list(handoff.buffered)
        self._clock = runtime.monotonic
        self._closed = False

    def _ends_with(self, items: list[Item]) -> bool:
        """Whether the connection is no longer needed once ``items`` are handed over.

        A completed stream hands over its last items first and finishes the body on the
        next read (none then: the loop's end), so the usage chunk is never held back; a
        failed one closes with its last item, since closing is what cancels the generation.
        """
        state = self._pump.state
        return not items or (state.done and state.outcome != "completed")

    def _drainable(self) -> bool:
        """After ``[DONE]`` the body's end is usually already here: reading it (for at most
        ``DONE_GRACE``) lets the pool reuse the connection (a half-read body would close it).
        Cancelled or failed streams close at once instead, since closing is what cancels
        the generation."""
        return self._pump.state.outcome == "completed" and not self._response.is_closed

    def _mark_closed(self) -> None:
        """No more reading; a stream closed before its end is cancelled."""
        self._closed = True
        self._pump.cancel()


class ChatStream(_StreamView):
    """A running chat stream: iterate for ``Result[ChatStreamChunk, StreamFailure]`` items.

    A ``Failure`` item is always the last. Use it as a context manager, or let a ``for``
    loop end it: leaving the loop early (``break``, an exception) closes the connection,
    which cancels the generation (for providers that support it, billing stops too).
    """

    def __init__(self, handoff: Handoff[Iterator[bytes]], runtime: Clocks) -> None:
        from openrouter_core._send import read_chunk  # loaded already by the call

        super().__init__(handoff, runtime)
        self._read = read_chunk
        self._chunks = handoff.opened.chunks

    def __iter__(self) -> Iterator[Item]:
        try:
            while items := self._next_items():
                yield from items
        finally:
            self.close()

    def __next__(self) -> Item:
        if not self._pending:
            self._pending = self._next_items()
            if not self._pending:
                raise StopIteration
        return self._pending.pop(0)

    def _next_items(self) -> list[Item]:
        """The pending items, else those of the next read that brings any; none at the end.

        Items come a read at a time: a read of the body is the unit of the work (one clock
        reading, one watchdog check), and handing its items over whole keeps the loop per
        chunk to the caller's own ``for``.
        """
        items, self._pending = self._pending, []
        pump, state, read, chunks, clock = (
            self._pump,
            self._pump.state,
            self._read,
            self._chunks,
            self._clock,
        )
        while not items and not state.done and not self._closed:
            items = pump.absorb(read(chunks), clock())  # the transport boundary is read_chunk's
        if self._ends_with(items):
            if self._drainable():
                self._drain()
            self.close()
        return items

    def _drain(self) -> None:
        import threading

        from openrouter_core._delivery import shut_down  # loaded already by the call

        # A read past the grace is woken by shutting the socket down: the pool then drops it.
        # The drain reads the transport's stream, which (unlike iter_bytes) does not hand the
        # connection back to the pool at the body's end; close() does, once the timer can no
        # longer fire. Otherwise a timer late on a busy machine could shut down a connection
        # that another call has taken from the pool meanwhile ("Server disconnected").
        raw = self._response.stream
        if not isinstance(raw, httpx.SyncByteStream):
            return
        stream = self._response.extensions.get("network_stream")
        lock, drained = threading.Lock(), threading.Event()

        def wake() -> None:
            with lock:
                if not drained.is_set():
                    shut_down(stream)

        timer = threading.Timer(DONE_GRACE, wake)
        timer.daemon = True
        timer.start()
        budget = _DRAIN_BYTES
        try:
            with contextlib.suppress(Exception):  # the answer is complete; a failure is moot
                for piece in raw:
                    budget -= len(piece)
                    if budget < 0:
                        break
        finally:
            with lock:
                drained.set()
            timer.cancel()

    def close(self) -> None:
        """Stop the stream and release the connection. Safe to call more than once."""
        self._mark_closed()
        self._response.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __del__(self) -> None:
        if not self._response.is_closed:
            self._response.close()


class AsyncChatStream(_StreamView):
    """The async twin of ``ChatStream``: ``async for``, ``async with`` and ``aclose()``."""

    def __init__(self, handoff: Handoff[AsyncIterator[bytes]], runtime: Clocks) -> None:
        from openrouter_core._send import aread_chunk  # loaded already by the call

        super().__init__(handoff, runtime)
        self._read = aread_chunk
        self._chunks = handoff.opened.chunks

    def __aiter__(self) -> AsyncIterator[Item]:
        return self._items()

    async def _items(self) -> AsyncIterator[Item]:
        try:
            while items := await self._next_items():
                for item in items:
                    yield item
        finally:
            await self.aclose()

    async def __anext__(self) -> Item:
        if not self._pending:
            self._pending = await self._next_items()
            if not self._pending:
                raise StopAsyncIteration
        return self._pending.pop(0)

    async def _next_items(self) -> list[Item]:
        """The twin of ``ChatStream._next_items``."""
        items, self._pending = self._pending, []
        pump, state, read, chunks, clock = (
            self._pump,
            self._pump.state,
            self._read,
            self._chunks,
            self._clock,
        )
        while not items and not state.done and not self._closed:
            items = pump.absorb(await read(chunks), clock())  # the boundary is aread_chunk's
        if self._ends_with(items):
            if self._drainable():
                await self._drain()
            await self.aclose()
        return items

    async def _drain(self) -> None:
        import anyio

        budget = _DRAIN_BYTES
        # Cancelled past the grace: httpcore then closes the connection instead of pooling it.
        with anyio.move_on_after(DONE_GRACE), contextlib.suppress(Exception):
            async for piece in self._chunks:
                budget -= len(piece)
                if budget < 0:
                    break

    async def aclose(self) -> None:
        """Stop the stream and release the connection. Safe to call more than once."""
        self._mark_closed()
        if not self._response.is_closed:
            from openrouter_core._send import aclose_shielded  # loaded already by the call

            await aclose_shielded([self._response])

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    def __del__(self) -> None:
        # An abandoned stream cannot await here; hand the close to the running loop.
        if self._response.is_closed:
            return
        # Without asyncio imported no asyncio loop can be running (trio has none to use).
        asyncio = sys.modules.get("asyncio")
        if asyncio is None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        task = loop.create_task(self._response.aclose())
        _closing.add(task)
        task.add_done_callback(_closing.discard)


ChatStreamResult: TypeAlias = Success[ChatStream] | Failure["ChatStreamError"]
"""What ``chat_stream`` answers: the running stream, or why it could not start."""
AsyncChatStreamResult: TypeAlias = Success[AsyncChatStream] | Failure["ChatStreamError"]
"""What ``chat_stream_async`` answers."""


@functools.cache
def endpoint() -> Endpoint[Handoff[Any], ChatStreamError]:
    """``POST /chat/completions`` answered as an event stream, handed over at first content."""
    from openrouter_core import _chat, _http
    from openrouter_core._operation import Endpoint, outside_union
    from openrouter_core.models import ChatRequest

    return Endpoint(
        name="chat_stream",
        method="POST",
        path=_chat.PATH,
        read=_http.read_success_body,
        errors=_errors,
        unexpected=outside_union,
        body=ChatRequest,
        stream=True,
        idempotent=False,
    )


def _errors() -> tuple[type[ChatStreamError], ...]:
    """``ChatStreamError``'s classes, on the first failure: a stream that starts creates none."""
    from openrouter_core.errors import ChatStreamError

    # Typed, not Any: mypy then proves ``unexpected``'s class is in the union.
    members: tuple[type[ChatStreamError], ...] = get_args(ChatStreamError)
    return members


def chat_stream(
    core: OpenRouterCore,
    request: ChatRequest | SendChatCompletionRequest,
    options: RequestOptions | None = None,
) -> ChatStreamResult:
    """Start a streamed chat completion.

    The outer ``Result`` covers everything up to the first content: connecting, an HTTP
    error status (read as the JSON error it is), a response that is not an event stream,
    and retries (an error chunk, a stall, a reset or an early end before any content is
    retried like a 5xx, and is this ``Failure`` when retries run out).
    """
    # Deferred, like chat_send's: importing openrouter_core.funcs creates no classes.
    from openrouter_core._chat import plan_chat
    from openrouter_core._operation import call

    started = call(core, endpoint(), plan_chat(core, endpoint(), request, options))
    if isinstance(started, Failure):
        return started
    return Success(ChatStream(started.unwrap(), core._clocks))


async def chat_stream_async(
    core: OpenRouterCore,
    request: ChatRequest | SendChatCompletionRequest,
    options: RequestOptions | None = None,
) -> AsyncChatStreamResult:
    """The async twin of ``chat_stream``."""
    from openrouter_core._chat import plan_chat
    from openrouter_core._operation import call_async

    started = await call_async(core, endpoint(), plan_chat(core, endpoint(), request, options))
    if isinstance(started, Failure):
        return started
    return Success(AsyncChatStream(started.unwrap(), core._clocks))
