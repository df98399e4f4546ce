"""Streams are retried only before their first content reaches the caller, both twins."""

from typing import Any

import pytest
from pytest_httpx import HTTPXMock, IteratorStream
from returns.result import Failure, Success

from openrouter_core import RequestOptions
from openrouter_core.errors import (
    GenerationError,
    RequestTimeoutError,
    ServiceUnavailableResponseError,
)

from .shell_support import FakeClock, Responses, tracking_core
from .support import MODES, SSE_HEADERS, URL, Mode, chunk_json, sse, stream, user_request

pytestmark = pytest.mark.parametrize("mode", MODES)


def _error_chunk(code: int = 502, *, choices: bool = False) -> dict[str, Any]:
    body = chunk_json(finish="error") if choices else chunk_json()
    if not choices:
        body["choices"] = []
    body["error"] = {"code": code, "message": "Provider returned error"}
    return body


HAPPY = sse(chunk_json("Paris."), chunk_json(finish="stop"))


def _items(outcome: Any) -> list[Any]:
    live = outcome.unwrap()
    with live:
        return list(live)


def test_error_chunk_before_content_is_retried(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """An in-band 502 before any content is retried; the caller sees only the good stream."""
    httpx_mock.add_response(url=URL, content=sse(_error_chunk(502)), headers=SSE_HEADERS)
    httpx_mock.add_response(url=URL, content=HAPPY, headers=SSE_HEADERS)
    clock, responses = FakeClock(), Responses()
    outcome = stream(mode, tracking_core(mode, clock, responses), user_request())
    items = _items(outcome)
    assert all(isinstance(item, Success) for item in items)
    assert (2, 1, True) == (
        len(httpx_mock.get_requests()),
        len(clock.sleeps),
        responses[0].is_closed,
    )


def test_error_chunk_after_content_is_not_retried(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """Once content has been handed over, an in-band error ends the stream; nothing is re-sent."""
    body = sse(chunk_json("Par"), _error_chunk(502, choices=True), done=False)
    httpx_mock.add_response(url=URL, content=body, headers=SSE_HEADERS)
    clock = FakeClock()
    items = _items(stream(mode, tracking_core(mode, clock, Responses()), user_request()))
    assert isinstance(items[-1], Failure)
    assert (GenerationError, 1, []) == (
        type(items[-1].failure()),
        len(httpx_mock.get_requests()),
        clock.sleeps,
    )


def test_non_retryable_error_chunk_is_the_outer_failure(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """A 400 in-band error (prompt too long) is not retried; the call's Failure carries it."""
    httpx_mock.add_response(url=URL, content=sse(_error_chunk(400)), headers=SSE_HEADERS)
    outcome = stream(mode, tracking_core(mode, FakeClock(), Responses()), user_request())
    assert (GenerationError, 400, 1) == (
        type(outcome.failure()),
        outcome.failure().code,
        len(httpx_mock.get_requests()),
    )


def test_retryable_error_chunks_until_retries_run_out_are_the_outer_failure(
    mode: Mode, httpx_mock: HTTPXMock
) -> None:
    """An in-band 502 before content on every attempt: four attempts (the cap), then the
    502 as the call's Failure, never a Success holding a one-item failing stream."""
    httpx_mock.add_response(
        url=URL, content=sse(_error_chunk(502)), headers=SSE_HEADERS, is_reusable=True
    )
    outcome = stream(mode, tracking_core(mode, FakeClock(), Responses()), user_request())
    assert isinstance(outcome, Failure)
    assert (GenerationError, 502, 4, 4) == (
        type(outcome.failure()),
        outcome.failure().code,
        outcome.failure().attempts,
        len(httpx_mock.get_requests()),
    )


def test_status_503_then_stream_succeeds(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """A 503 before the stream starts is retried like any request."""
    httpx_mock.add_response(
        url=URL, status_code=503, json={"error": {"code": 503, "message": "busy"}}
    )
    httpx_mock.add_response(url=URL, content=HAPPY, headers=SSE_HEADERS)
    items = _items(stream(mode, tracking_core(mode, FakeClock(), Responses()), user_request()))
    assert all(isinstance(item, Success) for item in items)


def test_persistent_503_gives_the_last_error_with_attempts(
    mode: Mode, httpx_mock: HTTPXMock
) -> None:
    """When retries run out the outer Failure is the last error, counting the attempts."""
    httpx_mock.add_response(
        url=URL, status_code=503, json={"error": {"code": 503, "message": "busy"}}, is_reusable=True
    )
    err = stream(mode, tracking_core(mode, FakeClock(), Responses()), user_request()).failure()
    assert isinstance(err, ServiceUnavailableResponseError)
    assert err.attempts == len(httpx_mock.get_requests()) > 1


def test_stall_before_content_is_retried(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """Keep-alives past first_content_timeout on the first attempt; the second attempt answers."""
    clock = FakeClock()

    def stalling() -> Any:
        for _ in range(10):
            clock.advance(1.0)
            yield b": OPENROUTER PROCESSING\n\n"

    httpx_mock.add_response(url=URL, stream=IteratorStream(stalling()), headers=SSE_HEADERS)
    httpx_mock.add_response(url=URL, content=HAPPY, headers=SSE_HEADERS)
    core = tracking_core(mode, clock, Responses(), first_content_timeout=3.0)
    items = _items(stream(mode, core, user_request()))
    assert all(isinstance(item, Success) for item in items)
    assert 2 == len(httpx_mock.get_requests())


def test_deadline_covers_the_wait_for_first_content(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """No content before the call's deadline: the outer Failure is RequestTimeoutError."""
    clock = FakeClock()

    def slow() -> Any:
        for _ in range(10):
            clock.advance(1.0)
            yield b": OPENROUTER PROCESSING\n\n"

    httpx_mock.add_response(url=URL, stream=IteratorStream(slow()), headers=SSE_HEADERS)
    core = tracking_core(mode, clock, Responses())
    err = stream(mode, core, user_request(), RequestOptions(deadline=2.5)).failure()
    assert isinstance(err, RequestTimeoutError)
