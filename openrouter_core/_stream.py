"""Streaming logic shared by ChatStream and AsyncChatStream; no I/O of its own.

``StreamPump`` turns body bytes into stream items: the SSE decoder, the chat stream's state
and the stall watchdog, with time passed in. ``stream_attempt`` is one attempt of
``chat_stream`` for the retry loop in ``_send``: it opens the stream and reads up to the
first content, so that any failure before the first content (an error chunk, a stall, a
reset, an early end) can still be retried, and is the call's outer ``Failure`` otherwise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, Literal, TypeAlias, cast

import attrs
import httpx
from returns.result import Failure, Result, Success

from openrouter_core import _http
from openrouter_core._plan import CallPlan
from openrouter_core._send import (
    Body,
    Close,
    Flow,
    Opened,
    ReadBody,
    ReadChunk,
    Send,
    run_hooks_after,
)
from openrouter_core._sse import SSEDecoder, SSELineTooLongError
from openrouter_core._stream_state import StreamState

if TYPE_CHECKING:
    from openrouter_core._clocks import Clocks

    # Imported where an error is made or matched: a call that succeeds creates no error
    # class (each is an attrs class, compiled when created; issue 16, cold start).
    from openrouter_core.errors import (
        OpenRouterError,
        ResponseValidationError,
        StreamFailure,
        StreamStalledError,
    )
    from openrouter_core.models import ChatStreamChunk

Item: TypeAlias = Result["ChatStreamChunk", "StreamFailure"]


class StreamPump:
    """Bytes in, stream items out, with the stall watchdog. Pure: ``now`` is passed in.

    Only content (text, reasoning, tool-call fragments, refusals, images) is progress;
    keep-alive comments and role-only chunks are not. A watchdog limit of ``None`` is off.
    ``read_timeout`` is the attempt's socket read timeout: when a read times out, that is
    the silence that ended the stream, and the stall it reports.
    """

    def __init__(
        self,
        *,
        started: float,
        first_content_timeout: float | None,
        idle_timeout: float | None,
        max_line_bytes: int,
        generation_id: str | None = None,
        keep_content: bool = True,
        authorization: str | None = None,
        read_timeout: float | None = None,
    ) -> None:
        self.state = StreamState(generation_id, keep_content=keep_content)
        self._authorization = authorization
        self._decoder = SSEDecoder(max_line_bytes=max_line_bytes)
        self._first = first_content_timeout
        self._idle = idle_timeout
        self._read_timeout = read_timeout
        self._last_progress = started

    @property
    def finished(self) -> bool:
        """No more items will come; the connection can close."""
        return self.state.done

    def absorb(self, piece: bytes | OpenRouterError, now: float) -> list[Item]:
        """The items one read of the body gives: its bytes, ``b""`` at the end of the body,
        or the read's error. Both phases of a stream, before its first content
        (``stream_attempt``) and after it (the caller's stream), feed every read here.

        A failure (always the last item) has the API key taken out of its text: an in-band
        error chunk may echo the request, as an error page may.
        """
        items = self._items(piece, now)
        if items and isinstance(items[-1], Failure):
            items[-1] = _http.redact_key(items[-1], self._authorization)
        return items

    def _items(self, piece: bytes | OpenRouterError, now: float) -> list[Item]:
        state = self.state
        if state.done:
            return []
        if not isinstance(piece, bytes):
            return self._failed(piece, now)
        collected = state.collected
        progress = collected.content_chunks
        try:
            if piece:
                datas = self._decoder.feed_data(piece)
            else:
                datas = [event.data for event in self._decoder.finish()]
        except SSELineTooLongError as exc:
            return [Failure(self._fail(self._too_long(exc)))]
        items: list[Item] = []
        on_data = state.on_data
        for data in datas:
            item = on_data(data)
            if item is not None:
                items.append(item)
            if state.done:
                return items
        if not piece:
            truncated = state.on_eof()
            if truncated is not None:
                items.append(Failure(truncated))
        elif collected.content_chunks != progress:
            self._last_progress = now
        else:
            stalled = self._check_watchdog(now)
            if stalled is not None:
                items.append(Failure(stalled))
        return items

    def _failed(self, error: OpenRouterError, now: float) -> list[Item]:
        """The read failed; a read timeout is the watchdog seeing silence.

        A stream whose every choice already has a finish reason delivered a complete answer:
        a connection that drops before ``[DONE]`` ends it as ``completed``, with no failure.
        """
        if self.state.every_choice_finished:
            self.state.on_eof()  # completed; a half-received last line is dropped, not decoded
            return []
        from openrouter_core.errors import RequestTimeoutError

        if isinstance(error, RequestTimeoutError):
            stalled = self._check_watchdog(now, silent=True)
            if stalled is not None:
                return [Failure(stalled)]
        return [Failure(self._fail(cast("StreamFailure", error)))]

    def cancel(self) -> None:
        """The caller closed the stream before its end."""
        if not self.finished:
            self.state.mark_cancelled()

    def _check_watchdog(self, now: float, *, silent: bool = False) -> StreamStalledError | None:
        content = self.state.received_content
        limit = self._idle if content else self._first
        if limit is None:
            return None
        if silent and self._read_timeout is not None:
            limit = self._read_timeout  # what ran out: the read's own wait (see _plan._cap_read)
        if silent or now - self._last_progress > limit:
            phase: Literal["first_content", "idle"] = "idle" if content else "first_content"
            return self.state.mark_stalled(limit=limit, phase=phase)
        return None

    def _fail(self, error: StreamFailure) -> StreamFailure:
        return self.state.mark_failed(error)

    @staticmethod
    def _too_long(exc: SSELineTooLongError) -> ResponseValidationError:
        from openrouter_core.errors import ResponseValidationError

        return ResponseValidationError(message=f"the event stream is malformed: {exc}")


@attrs.frozen(kw_only=True)
class Handoff(Generic[Body]):
    """A stream that reached its first content (or its end): what the caller's stream gets.

    Generic in the body iterator of the driver that ran the attempt: ``ChatStream`` takes a
    ``Handoff[Iterator[bytes]]``, ``AsyncChatStream`` a ``Handoff[AsyncIterator[bytes]]``.
    """

    opened: Opened[Body]
    pump: StreamPump
    buffered: tuple[Item, ...]
    response: httpx.Response


def stream_attempt(
    plan: CallPlan, request: httpx.Request, attempt: int, runtime: Clocks
) -> Flow[Result[Handoff[Any], OpenRouterError]]:
    """One attempt of ``chat_stream``: open, check status and type, read to first content.

    A non-2xx status is read as the JSON error it is. An error chunk or a stall before any
    content is returned as the attempt's failure (the retry loop may try again); once
    content arrives, everything is handed to the caller's stream.
    """
    opened = yield Send(request, plan.deadline_at)
    if not isinstance(opened, Opened):  # the send's error value
        return run_hooks_after(plan, attempt, None, Failure(opened))
    response = opened.response
    if not 200 <= response.status_code < 300 or not _is_event_stream(response):
        body = yield ReadBody(opened, plan.max_response_bytes)
        error = (
            _not_a_stream(plan, response, body, runtime)
            if isinstance(body, bytes)
            else body  # the read's error value
        )
        return run_hooks_after(plan, attempt, response, Failure(error))
    pump = StreamPump(
        started=runtime.monotonic(),
        first_content_timeout=plan.first_content_timeout,
        idle_timeout=plan.idle_timeout,
        max_line_bytes=plan.max_line_bytes,
        generation_id=response.headers.get("x-generation-id"),
        keep_content=plan.keep_content,
        authorization=plan.request.headers.get("authorization"),
        read_timeout=request.extensions["timeout"].get("read"),
    )
    buffered: list[Item] = []
    while not (pump.state.received_content or pump.finished):
        chunk = yield ReadChunk(opened)
        now = runtime.monotonic()
        if plan.deadline_at is not None and now > plan.deadline_at:
            yield Close(opened)
            from openrouter_core.errors import RequestTimeoutError

            late = RequestTimeoutError(
                message=f"the call's deadline of {plan.deadline}s passed before the first content"
            )
            return run_hooks_after(plan, attempt, response, Failure(late))
        buffered.extend(pump.absorb(chunk, now))
    early = _early_failure(pump, buffered)
    if early is not None:
        yield Close(opened)
        return run_hooks_after(plan, attempt, response, Failure(early))
    handoff = Handoff(opened=opened, pump=pump, buffered=tuple(buffered), response=response)
    return run_hooks_after(plan, attempt, response, Success(handoff))


def _early_failure(pump: StreamPump, buffered: list[Item]) -> OpenRouterError | None:
    """The error of a stream that failed before any content: the attempt's failure.

    Every kind counts (an error chunk, a stall, a reset or a clean end before the first
    content): the retry policy decides as for any failed attempt, and when retries run out
    the caller gets it as the outer ``Failure``. A transport failure here produced nothing,
    so it is marked as not processed: retried like a request that was never answered.
    """
    last = buffered[-1] if buffered else None
    if not isinstance(last, Failure) or pump.state.received_content:
        return None
    from openrouter_core.errors import ClientError

    error: OpenRouterError = last.failure()
    if isinstance(error, ClientError):
        return attrs.evolve(error, may_have_been_processed=False)
    return error


def _is_event_stream(response: httpx.Response) -> bool:
    kind = str(response.headers.get("content-type", ""))
    return kind.split(";", maxsplit=1)[0].strip().lower() == "text/event-stream"


def _not_a_stream(
    plan: CallPlan, response: httpx.Response, body: bytes, runtime: Clocks
) -> OpenRouterError:
    """An error status, or a 2xx that is not an event stream: read as the operation reads
    a whole answer (a JSON body's in-band error included), else a validation error."""
    status, headers = response.status_code, response.headers
    read = _http.read_response(plan.endpoint, status, headers, body, now=runtime.wall())
    if isinstance(read, Failure):
        error: OpenRouterError = read.failure()
        return error
    from openrouter_core.errors import ResponseValidationError

    kind = headers.get("content-type", "no content type")
    return ResponseValidationError(
        message=f"expected text/event-stream, got {kind}",
        body=body.decode("utf-8", "replace"),
        status_code=status,
        headers=_http.header_dict(headers),
    )
