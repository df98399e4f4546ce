"""The pure fold of a chat completion stream: events in, chunks and a verdict out.

Both ``ChatStream`` twins drive one ``StreamState`` (through ``StreamPump``): they feed it
each event's data the decoder returns (``on_data``; ``on_event`` takes a whole ``SSEEvent``),
yield what it returns (unless ``None``), call ``on_eof`` at end of body, and stop reading
once ``done`` is true. It does no I/O and reads no clock; the shell reports stalls,
cancellation and transport failures through the ``mark_*`` methods.

Rules (``design.md`` section 6):

- keep-alive-only and empty events yield nothing; ``data: [DONE]`` ends the stream;
- a chunk with a top-level ``error`` (with or without ``choices``), a bare ``{"error": ...}``
  event, or a choice with ``finish_reason: "error"`` or an ``error`` ends it with
  ``GenerationError``; an event that is not a chunk ends it with ``ResponseValidationError``;
- end of body without ``[DONE]`` and without any finish reason is ``StreamTruncatedError``;
  a finish reason followed by end of body is a normal completion, and so is a connection
  that breaks once every choice has its finish reason (``every_choice_finished``);
- after a failure, later events are ignored.

What the chunks said is kept by ``StreamCollector`` (``_stream_collect``), the accumulator
behind ``collect()``; this module is the outcome state machine around it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, TypeVar

import attrs
from returns.result import Failure, Result

from openrouter_core._converter import decoder, explain, success
from openrouter_core._sse import SSEEvent
from openrouter_core._stream_collect import StreamCollector
from openrouter_core.models import ChatStreamChunk

if TYPE_CHECKING:
    # Imported where an error is made: a stream that completes creates no error class
    # (each is an attrs class, compiled when created; issue 16, cold start).
    from openrouter_core.errors import (
        GenerationError,
        OpenRouterError,
        ResponseValidationError,
        StreamFailure,
        StreamStalledError,
    )
    from openrouter_core.models import ChatResult, ChatUsage

StreamOutcome: TypeAlias = Literal[
    "in_progress", "completed", "truncated", "error", "stalled", "cancelled"
]
"""How the stream ended; ``"in_progress"`` until it has."""

_E = TypeVar("_E", bound="OpenRouterError")
_loads = json.loads
_raw_decode = json.JSONDecoder().raw_decode
_decode_chunk = decoder(ChatStreamChunk)
# First characters after which an event may still be blank or a re-sent keep-alive.
_MAYBE_EMPTY = frozenset(" \t\n\r\f\v:")


def _parse(data: str) -> Any:
    """``json.loads(data)`` at three quarters of the cost, for a hot loop of small documents.

    ``json.loads`` spends a quarter of a chunk's parse on its wrapper (two whitespace
    regex matches, three Python calls); a chunk as servers send it has no whitespace around
    it, so ``raw_decode`` alone parses it. Anything else (surrounding whitespace, a BOM,
    extra data, malformed JSON) is parsed again by ``json.loads``, for its own verdict.
    """
    try:
        value, end = _raw_decode(data)
    except ValueError:
        return _loads(data)
    return value if end == len(data) else _loads(data)


class StreamState:
    """What a chat stream has told so far, and what to yield for each event.

    ``generation_id`` may be given up front (from the ``X-Generation-Id`` header); chunk
    ids fill it otherwise. With ``keep_content=False`` nothing the stream said is kept:
    memory stays flat, and ``collect()`` / ``content_so_far`` have no text.
    """

    def __init__(self, generation_id: str | None = None, *, keep_content: bool = True) -> None:
        self.collected = StreamCollector(generation_id, keep_content=keep_content)
        """What the stream said so far (``collect()``'s accumulator)."""
        self._outcome: StreamOutcome = "in_progress"
        self.done = False
        """Whether the stream is over (``[DONE]``, a failure, end of body, stall, cancel).

        The shell stops reading and closes the response once this is true. (A plain
        attribute: the shell reads it once per network chunk.)"""

    # -- what the shell feeds in -------------------------------------------------------------

    def on_event(self, event: SSEEvent) -> Result[ChatStreamChunk, StreamFailure] | None:
        """Fold one decoded event; return the item to yield, or ``None`` for nothing.

        ``None`` comes for empty events, for ``[DONE]`` (then ``done`` is true) and for any
        event once the stream is over. A ``Failure`` is always the stream's last item.
        """
        return self.on_data(event.data)

    def on_data(self, data: str) -> Result[ChatStreamChunk, StreamFailure] | None:
        """``on_event`` for an event's data alone (``SSEDecoder.feed_data``): the stream's
        hot path, which makes no event object per chunk."""
        if self.done:
            return None
        if data == "[DONE]":
            self._end("completed")
            return None
        if not data or data[0] in _MAYBE_EMPTY:
            stripped = data.strip()
            # Blank data, or a keep-alive comment a proxy re-sent as data: nothing to decode.
            if not stripped or stripped[0] == ":":
                return None
        try:
            value = _parse(data)
        except (ValueError, RecursionError) as e:
            return Failure(self._fail(self._invalid("stream event is not JSON", str(e), data)))
        if value.__class__ is not dict:
            detail = f"$: expected an object, got {type(value).__name__}"
            return Failure(self._fail(self._invalid("stream event is not a chunk", detail, data)))
        try:
            chunk = _decode_chunk(value)
        except Exception as e:  # the chunk does not fit the model (unless it is an error)
            if value.get("error") is not None:
                return Failure(self._fail(self._generation_error(value, value["error"])))
            error = attrs.evolve(explain(value, ChatStreamChunk, e), body=data, status_code=200)
            return Failure(self._fail(error))
        failed_choice = self.collected.fold(chunk)
        if value.get("error") is not None:
            return Failure(self._fail(self._generation_error(value, value["error"])))
        if failed_choice is not None:
            raw = value["choices"][failed_choice].get("error")
            return Failure(self._fail(self._generation_error(value, raw)))
        return success(chunk)

    def on_eof(self) -> StreamFailure | None:
        """The body ended: return ``StreamTruncatedError`` if the stream did not finish.

        A stream finished when ``[DONE]`` or at least one finish reason arrived; ``None``
        also comes when the stream was already over.
        """
        if self.done:
            return None
        if self.collected.finish_reason is not None:
            self._end("completed")
            return None
        from openrouter_core.errors import StreamTruncatedError

        return self._fail(
            StreamTruncatedError(
                message="the stream ended without [DONE] or a finish reason",
                partial_content=self.content_so_far,
                generation_id=self.generation_id,
            ),
            outcome="truncated",
        )

    def mark_stalled(
        self, limit: float, phase: Literal["first_content", "idle"]
    ) -> StreamStalledError:
        """The shell's watchdog fired: record it and return the error to yield."""
        from openrouter_core.errors import StreamStalledError

        what = "first content" if phase == "first_content" else "more content"
        error = StreamStalledError(
            message=f"no {what} within {round(limit, 3):g} s (keep-alives do not count)",
            phase=phase,
            limit=limit,
            partial_content=self.content_so_far,
            generation_id=self.generation_id,
        )
        return self._fail(error, outcome="stalled")

    def mark_cancelled(self) -> None:
        """The caller closed the stream; a stream that already ended keeps its outcome."""
        self._end("cancelled")

    def mark_failed(self, error: StreamFailure) -> StreamFailure:
        """The shell failed mid-stream (transport error, over-long line); record it."""
        return self._fail(error)

    # -- what the stream tells ---------------------------------------------------------------

    @property
    def every_choice_finished(self) -> bool:
        """Whether choices arrived and each has a finish reason: the answer is complete,
        whatever happens to the connection before ``[DONE]``."""
        return self.collected.every_choice_finished

    @property
    def outcome(self) -> StreamOutcome:
        """How the stream ended (see ``StreamOutcome``); ``"in_progress"`` until then."""
        return self._outcome

    @property
    def received_content(self) -> bool:
        """Whether any content arrived: text, reasoning, tool calls, refusal, images, audio.

        Keep-alives, role-only deltas and usage chunks are not content.
        """
        return self.collected.content_chunks > 0

    @property
    def content_chunks(self) -> int:
        """How many chunks carried content."""
        return self.collected.content_chunks

    @property
    def content_so_far(self) -> str:
        """The first choice's text so far (joined on each access)."""
        return self.collected.content_so_far

    @property
    def usage(self) -> ChatUsage | None:
        """The last ``usage`` the stream sent (``ChatUsage``), normally on its final chunk."""
        return self.collected.usage

    @property
    def generation_id(self) -> str | None:
        """The generation id (for ``/generation`` lookups), from the header or the chunks."""
        return self.collected.generation_id

    @property
    def model(self) -> str | None:
        """The model that served the request, as the chunks name it."""
        return self.collected.model

    @property
    def provider(self) -> str | None:
        """The upstream provider that served the request."""
        return self.collected.provider

    @property
    def finish_reason(self) -> str | None:
        """The last non-empty finish reason of any choice."""
        return self.collected.finish_reason

    def collect(self) -> ChatResult:
        """Fold everything so far into a ``ChatResult`` (see ``StreamCollector.collect``)."""
        return self.collected.collect()

    # -- inside ------------------------------------------------------------------------------

    def _generation_error(self, value: dict[str, Any], raw: object) -> GenerationError:
        """``raw`` is the error as sent: normally an object, rarely a string, or absent."""
        from openrouter_core.errors import GenerationError

        if isinstance(raw, Mapping):
            error: Mapping[str, Any] = raw
        else:
            error = {"message": raw} if isinstance(raw, str) else {}
        message = error.get("message")
        if not isinstance(message, str) or not message:
            message = "the generation failed mid-stream"
        code = error.get("code")
        metadata = error.get("metadata")
        chunk_id = value.get("id")
        provider = value.get("provider")
        model = value.get("model")
        return GenerationError(
            message=message,
            code=code if isinstance(code, int | str) and not isinstance(code, bool) else None,
            metadata=metadata if isinstance(metadata, Mapping) else None,
            error=dict(raw) if isinstance(raw, Mapping) else None,
            generation_id=chunk_id
            if isinstance(chunk_id, str) and chunk_id
            else self.generation_id,
            provider=provider if isinstance(provider, str) else self.provider,
            model=model if isinstance(model, str) else self.model,
            partial_content=self.content_so_far,
            partial_result=self.collect(),
        )

    @staticmethod
    def _invalid(message: str, detail: str, data: str) -> ResponseValidationError:
        from openrouter_core.errors import ResponseValidationError

        return ResponseValidationError(
            message=message, details=(detail,), body=data, status_code=200
        )

    def _fail(self, error: _E, outcome: StreamOutcome = "error") -> _E:
        self._end(outcome)
        return error

    def _end(self, outcome: StreamOutcome) -> None:
        """Record how the stream ended; the first ending stays."""
        if not self.done:
            self._outcome = outcome
            self.done = True
