"""chat_stream / chat_stream_async over pytest-httpx streamed responses, both twins."""

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from pytest_httpx import HTTPXMock, IteratorStream
from returns.result import Failure, Success

from openrouter_core import NO_RETRIES, OpenRouterCore, RequestOptions, Runtime
from openrouter_core.errors import (
    BadRequestResponseError,
    ConnectionFailedError,
    GenerationError,
    ResponseValidationError,
    StreamStalledError,
    StreamTruncatedError,
    TooManyRequestsResponseError,
)
from openrouter_core.models import ChatResult, ChatStreamChunk

from .support import (
    BASE_URL,
    MODES,
    SSE_HEADERS,
    URL,
    Mode,
    chunk_json,
    result_json,
    sse,
    stream,
    usage_chunk,
    user_request,
)

pytestmark = pytest.mark.parametrize("mode", MODES)


def _core(**options: Any) -> OpenRouterCore:
    options.setdefault("api_key", "sk-or-test")
    options.setdefault("server_url", BASE_URL)
    options.setdefault("retry_config", NO_RETRIES)
    return OpenRouterCore(**options)


def _happy() -> bytes:
    return sse(
        chunk_json(role="assistant"),
        chunk_json("The capital "),
        ": OPENROUTER PROCESSING",
        chunk_json("of France is Paris."),
        chunk_json(finish="stop", native_finish_reason="stop"),
        usage_chunk(),
    )


def _items(
    mode: Mode,
    core: OpenRouterCore,
    body: bytes | Iterator[bytes],
    httpx_mock: HTTPXMock,
    **kw: Any,
) -> tuple[Any, list[Any]]:
    content = IteratorStream(body) if not isinstance(body, bytes) else body
    if isinstance(content, bytes):
        httpx_mock.add_response(url=URL, content=content, headers=SSE_HEADERS)
    else:
        httpx_mock.add_response(url=URL, stream=content, headers=SSE_HEADERS)
    outcome = stream(mode, core, user_request(), kw.get("options"))
    assert isinstance(outcome, Success), outcome
    live = outcome.unwrap()
    with live:
        items = list(live)
    return live, items


def test_stream_yields_chunks_and_tells_what_happened(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """Comments are skipped, every chunk is a Success, and the stream reports its outcome."""
    live, items = _items(mode, _core(), _happy(), httpx_mock)
    assert all(isinstance(item, Success) for item in items)
    assert all(isinstance(item.unwrap(), ChatStreamChunk) for item in items)
    assert 5 == len(items)
    assert ("completed", True, "gen-s1", "openai/gpt-4o", "OpenAI") == (
        live.outcome,
        live.received_content,
        live.generation_id,
        live.model,
        live.provider,
    )
    assert live.usage is not None and 0.0002 == live.usage.cost
    reply = live.collect()
    assert isinstance(reply, ChatResult)
    assert ("The capital of France is Paris.", "stop") == (
        reply.choices[0].message.content,
        reply.choices[0].finish_reason,
    )
    assert live.response.is_closed


def test_request_asks_for_an_event_stream(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """The body says stream: true and Accept is text/event-stream."""
    _items(mode, _core(), _happy(), httpx_mock)
    request = httpx_mock.get_request()
    assert request is not None
    assert (True, "text/event-stream") == (
        json.loads(request.content)["stream"],
        request.headers["accept"],
    )


def test_special_line_separators_survive(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """U+2028, U+2029 and U+0085 inside content are not line breaks."""
    text = "a\u2028b\u2029c\u0085d"
    live, _ = _items(mode, _core(), sse(chunk_json(text), chunk_json(finish="stop")), httpx_mock)
    assert text == live.collect().choices[0].message.content


def test_error_chunk_after_content_is_the_last_item(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """A mid-stream error ends the stream with GenerationError carrying the partial text."""
    error_chunk = chunk_json(finish="error")
    error_chunk["error"] = {
        "code": "server_error",
        "message": "provider died",
        "metadata": {"error_type": "server"},
    }
    body = sse(chunk_json("Par"), error_chunk, chunk_json("never seen"))
    live, items = _items(mode, _core(), body, httpx_mock)
    assert isinstance(items[-1], Failure)
    err = items[-1].failure()
    assert (GenerationError, "server_error", "provider died", "Par", "gen-s1", "OpenAI") == (
        type(err),
        err.code,
        err.message,
        err.partial_content,
        err.generation_id,
        err.provider,
    )
    assert ("error", 2) == (live.outcome, len(items))


def test_bare_error_event_is_a_generation_error(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """An SSE event that is only {"error": ...} fails the stream too."""
    body = sse(chunk_json("Hi"), {"error": {"code": 429, "message": "rate limited"}}, done=False)
    _, items = _items(mode, _core(), body, httpx_mock)
    err = items[-1].failure()
    assert (GenerationError, 429) == (type(err), err.code)


def _outer_failure(
    mode: Mode,
    core: OpenRouterCore,
    body: bytes | Iterator[bytes],
    httpx_mock: HTTPXMock,
    options: RequestOptions | None = None,
) -> Any:
    """The error of a stream that failed before any content: the call's own Failure."""
    content = IteratorStream(body) if not isinstance(body, bytes) else body
    if isinstance(content, bytes):
        httpx_mock.add_response(url=URL, content=content, headers=SSE_HEADERS)
    else:
        httpx_mock.add_response(url=URL, stream=content, headers=SSE_HEADERS)
    outcome = stream(mode, core, user_request(), options)
    assert isinstance(outcome, Failure), outcome
    return outcome.failure()


def test_error_before_content_without_retries_is_the_outer_failure(
    mode: Mode, httpx_mock: HTTPXMock
) -> None:
    """With no retries left, an error chunk before content is the call's Failure, not a
    Success holding a one-item failing stream."""
    error_chunk = chunk_json()
    error_chunk["choices"] = []
    error_chunk["error"] = {"code": 400, "message": "prompt is too long"}
    err = _outer_failure(mode, _core(), sse(error_chunk), httpx_mock)
    assert (GenerationError, 400) == (type(err), err.code)


def test_eof_without_done_or_finish_is_truncated(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """A stream cut off before any finish reason ends with StreamTruncatedError."""
    live, items = _items(mode, _core(), sse(chunk_json("The capital"), done=False), httpx_mock)
    err = items[-1].failure()
    assert (StreamTruncatedError, "The capital", "truncated") == (
        type(err),
        err.partial_content,
        live.outcome,
    )


def test_finish_reason_then_eof_is_complete(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """A finish reason followed by EOF without [DONE] is a normal completion."""
    body = sse(chunk_json("Paris."), chunk_json(finish="stop"), usage_chunk(), done=False)
    live, items = _items(mode, _core(), body, httpx_mock)
    assert all(isinstance(item, Success) for item in items)
    assert "completed" == live.outcome


def test_error_status_before_the_stream_is_the_outer_failure(
    mode: Mode, httpx_mock: HTTPXMock
) -> None:
    """A 429 JSON answer is Failure(TooManyRequestsResponseError), not a stream."""
    httpx_mock.add_response(
        url=URL, status_code=429, json={"error": {"code": 429, "message": "slow down"}}
    )
    err = stream(mode, _core(), user_request()).failure()
    assert (TooManyRequestsResponseError, "slow down") == (type(err), err.message)


def test_json_instead_of_a_stream_is_a_failure(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """A 2xx that is not text/event-stream fails: an error body as GenerationError."""
    httpx_mock.add_response(url=URL, json={"error": {"code": 400, "message": "bad"}})
    first = stream(mode, _core(), user_request()).failure()
    httpx_mock.add_response(url=URL, json=result_json())
    second = stream(mode, _core(), user_request()).failure()
    assert (GenerationError, ResponseValidationError) == (type(first), type(second))


def test_invalid_json_event_is_a_validation_failure(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """An event that is not JSON ends the stream with ResponseValidationError."""
    _, items = _items(mode, _core(), sse(chunk_json("Hi"), "{not json"), httpx_mock)
    assert isinstance(items[-1].failure(), ResponseValidationError)


class FakeClock:
    """A monotonic clock the test moves forward."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _ticking(clock: FakeClock, pieces: list[bytes], step: float) -> Iterator[bytes]:
    for piece in pieces:
        clock.now += step
        yield piece


def test_keepalives_longer_than_idle_limit_stall(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """After content, only keep-alives for longer than idle_timeout end in StreamStalledError."""
    clock = FakeClock()
    pieces = [sse(chunk_json("Hi"), keepalive=False, done=False)] + [
        b": OPENROUTER PROCESSING\n\n"
    ] * 20
    core = _core(runtime=Runtime(monotonic=clock), idle_timeout=5.0, first_content_timeout=100.0)
    live, items = _items(mode, core, _ticking(clock, pieces, 1.0), httpx_mock)
    err = items[-1].failure()
    assert (StreamStalledError, "idle", 5.0, "Hi", "stalled") == (
        type(err),
        err.phase,
        err.limit,
        err.partial_content,
        live.outcome,
    )


def test_no_first_content_in_time_stalls(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """Keep-alives with no content past first_content_timeout stall (retries off)."""
    clock = FakeClock()
    pieces = [b": OPENROUTER PROCESSING\n\n"] * 20
    core = _core(runtime=Runtime(monotonic=clock), first_content_timeout=3.0)
    err = _outer_failure(mode, core, _ticking(clock, pieces, 1.0), httpx_mock)
    assert (StreamStalledError, "first_content", 3.0) == (type(err), err.phase, err.limit)


def test_silent_connection_stalls_through_the_read_timeout(
    mode: Mode, httpx_mock: HTTPXMock
) -> None:
    """A read timeout while streaming is the watchdog seeing silence."""

    def pieces() -> Iterator[bytes]:
        yield sse(chunk_json("Hi"), keepalive=False, done=False)
        raise httpx.ReadTimeout("silence")

    _, items = _items(mode, _core(idle_timeout=2.0), pieces(), httpx_mock)
    err = items[-1].failure()
    assert (StreamStalledError, "idle") == (type(err), err.phase)


def test_connection_reset_mid_stream(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """A broken connection after content ends the stream with ConnectionFailedError."""

    def pieces() -> Iterator[bytes]:
        yield sse(chunk_json("Hi"), keepalive=False, done=False)
        raise httpx.RemoteProtocolError("peer closed connection")

    live, items = _items(mode, _core(), pieces(), httpx_mock)
    assert (ConnectionFailedError, "error") == (type(items[-1].failure()), live.outcome)


def test_stall_limits_per_call_override_the_core(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """RequestOptions carries its own watchdog limits."""
    clock = FakeClock()
    pieces = [b": OPENROUTER PROCESSING\n\n"] * 10
    core = _core(runtime=Runtime(monotonic=clock), first_content_timeout=100.0)
    options = RequestOptions(first_content_timeout=2.0)
    err = _outer_failure(mode, core, _ticking(clock, pieces, 1.0), httpx_mock, options)
    assert 2.0 == err.limit


def test_tool_call_fragments_collect_by_index(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """collect() merges streamed tool-call fragments; empty arguments become {}."""
    first = {
        "index": 0,
        "id": "call_1",
        "type": "function",
        "function": {"name": "get_weather", "arguments": ""},
    }
    second = {"index": 0, "function": {"arguments": '{"city":'}}
    third = {"index": 0, "function": {"arguments": '"Paris"}'}}
    other = {"index": 1, "id": "call_2", "type": "function", "function": {"name": "now"}}
    body = sse(
        chunk_json(tool_calls=[first]),
        chunk_json(tool_calls=[second, other]),
        chunk_json(tool_calls=[third]),
        chunk_json(finish="tool_calls"),
    )
    live, _ = _items(mode, _core(), body, httpx_mock)
    calls = live.collect().choices[0].message.tool_calls
    assert [("call_1", "get_weather", '{"city":"Paris"}'), ("call_2", "now", "{}")] == [
        (call.id, call.function.name, call.function.arguments) for call in calls
    ]


def test_missing_key_fails_before_any_io(mode: Mode) -> None:
    """The outer Result covers request problems too."""
    err = stream(mode, OpenRouterCore(server_url=BASE_URL), user_request()).failure()
    assert "api_key" == err.field


def test_400_status_is_not_retried_or_streamed(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """A 400 before the stream is the outer failure after one attempt."""
    httpx_mock.add_response(
        url=URL, status_code=400, json={"error": {"code": 400, "message": "no"}}
    )
    err = stream(mode, _core(retry_config=None), user_request()).failure()
    assert (BadRequestResponseError, 1) == (type(err), err.attempts)


def test_keep_content_false_still_delivers_every_chunk(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """keep_content=False changes what the stream remembers, not what it yields."""
    options = RequestOptions(keep_content=False)
    live, items = _items(mode, _core(), _happy(), httpx_mock, options=options)
    texts = [c.delta.content for item in items for c in item.unwrap().choices if c.delta.content]
    assert (["The capital ", "of France is Paris."], "completed", None) == (
        texts,
        live.outcome,
        live.collect().choices[0].message.content,
    )
