"""Retries decided by what the server may already have done, over real sockets, both twins.

A request that never reached the server is sent again; one that may have been processed
(a POST whose answer broke off, a generation that produced content) is never sent twice;
a server asking for no wait still gets the policy's backoff, and at most ``max_attempts``.
"""

import asyncio
import json
import threading
from typing import Any

import httpx
import pytest
from returns.result import Result, Success

from openrouter_core import BackoffStrategy, HookContext, Hooks, OpenRouterCore, RetryConfig
from openrouter_core._delivery import Delivery
from openrouter_core._retries import WIRE_SECONDS_MAX
from openrouter_core.errors import (
    ConnectionFailedError,
    GenerationError,
    PayloadTooLargeResponseError,
    RequestTimeoutError,
    ServiceUnavailableResponseError,
    TooManyRequestsResponseError,
)
from openrouter_core.funcs import chat_send, chat_send_async

from .rawserver import SSL_CONTEXT, Conn, RawServer, observe, refusing_url
from .support import MODES, Mode, chunk_json, result_json, user_request

QUICK = RetryConfig(
    backoff=BackoffStrategy(initial_interval=0.02, max_interval=0.2, max_elapsed_time=5.0)
)
"""The default policy (four attempts) with waits short enough for a test."""

SSE_HEAD = (
    b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
)


def _json(status: int, payload: object, extra: bytes = b"") -> bytes:
    body = json.dumps(payload).encode()
    reason = b"OK" if status == 200 else b"Error"
    return (
        b"HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n%s\r\n"
        % (status, reason, len(body), extra)
        + body
    )


def _chunk(data: bytes) -> bytes:
    return b"%x\r\n%s\r\n" % (len(data), data)


def _event(payload: object) -> bytes:
    return _chunk(b"data: " + json.dumps(payload).encode() + b"\n\n")


HAPPY_STREAM = (
    SSE_HEAD
    + _event(chunk_json("Paris."))
    + _event(chunk_json(finish="stop"))
    + _chunk(b"data: [DONE]\n\n")
    + _chunk(b"")
)


class Counter:
    """Requests a server saw, across connections (scripts run in threads)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.requests = 0

    def next(self) -> int:
        with self.lock:
            self.requests += 1
            return self.requests


def _core_options(url: str, **extra: Any) -> dict[str, Any]:
    return {"api_key": "sk-or-delivery", "server_url": url, "retry_config": QUICK} | extra


@pytest.mark.parametrize("mode", MODES)
def test_a_generation_that_produced_content_is_not_run_again(mode: Mode) -> None:
    """HTTP 200 with finish_reason "error" after partial content: one request, and the
    GenerationError carries the partial content (it was generated, and billed)."""
    counter = Counter()
    failed = result_json("Paris is the cap", finish_reason="error")
    failed["choices"][0]["error"] = {"code": 502, "message": "provider dropped"}

    def script(conn: Conn) -> None:
        conn.read_request()
        counter.next()
        conn.send(_json(200, failed))

    with RawServer(script) as server:
        seen = observe(mode, "send", **_core_options(server.base_url))
    assert isinstance(seen.value, GenerationError)
    assert ("Paris is the cap", 1, 1) == (
        seen.value.partial_content,
        seen.value.attempts,
        counter.requests,
    )


@pytest.mark.parametrize("op", ["send", "stream"])
@pytest.mark.parametrize("mode", MODES)
def test_a_429_saying_retry_now_is_not_hammered(mode: Mode, op: str) -> None:
    """Retry-After: 0 on every answer: four requests in all (max_attempts), then the 429."""
    counter = Counter()
    answer = _json(429, {"error": {"code": 429, "message": "slow down"}}, b"Retry-After: 0\r\n")

    def script(conn: Conn) -> None:
        while True:
            conn.read_request()
            counter.next()
            conn.send(answer)

    with RawServer(script) as server:
        seen = observe(mode, op, **_core_options(server.base_url))
    assert (TooManyRequestsResponseError, 4, 4) == (
        seen.error,
        getattr(seen.value, "attempts", None),
        counter.requests,
    )


@pytest.mark.parametrize("mode", MODES)
def test_a_refused_connection_was_not_processed_and_is_retried(mode: Mode) -> None:
    """Nothing was sent: retried up to max_attempts, and the error says not processed."""
    sock, url = refusing_url()
    with sock:
        seen = observe(mode, "send", **_core_options(url))
    assert isinstance(seen.value, ConnectionFailedError)
    assert (4, False) == (seen.value.attempts, seen.value.may_have_been_processed)


@pytest.mark.parametrize("op", ["send", "stream"])
@pytest.mark.parametrize("mode", MODES)
def test_a_request_sent_on_a_fresh_connection_is_not_sent_twice(mode: Mode, op: str) -> None:
    """The server read the whole request, then reset: it may be running (billed). One
    request only, and the error says it may have been processed."""
    counter = Counter()

    def script(conn: Conn) -> None:
        conn.read_request()
        counter.next()
        conn.reset()

    with RawServer(script) as server:
        seen = observe(mode, op, **_core_options(server.base_url))
    assert isinstance(seen.value, ConnectionFailedError)
    assert (1, 1, True) == (
        counter.requests,
        seen.value.attempts,
        seen.value.may_have_been_processed,
    )


@pytest.mark.parametrize("mode", MODES)
def test_a_silent_server_after_the_request_is_not_sent_twice(mode: Mode) -> None:
    """A read timeout after the whole request went out: not retried, may have been processed."""
    counter = Counter()

    def script(conn: Conn) -> None:
        conn.read_request()
        counter.next()
        conn.wait_for_client_close()

    with RawServer(script) as server:
        seen = observe(mode, "send", **_core_options(server.base_url, timeout=0.3))
    assert isinstance(seen.value, RequestTimeoutError)
    assert (1, True) == (counter.requests, seen.value.may_have_been_processed)


def _two_calls(mode: Mode, core_options: dict[str, Any]) -> list[Result[Any, Any]]:
    """Two chat_send calls on one core (so the second may reuse the first's connection)."""
    if mode == "sync":
        with httpx.Client(verify=SSL_CONTEXT) as client:
            core = OpenRouterCore(http_client=client, **core_options)
            return [chat_send(core, user_request()), chat_send(core, user_request())]

    async def go() -> list[Result[Any, Any]]:
        async with httpx.AsyncClient(verify=SSL_CONTEXT) as client:
            core = OpenRouterCore(async_http_client=client, **core_options)
            return [
                await chat_send_async(core, user_request()),
                await chat_send_async(core, user_request()),
            ]

    return asyncio.run(go())


@pytest.mark.parametrize("mode", MODES)
def test_a_stale_keep_alive_connection_is_retried_on_a_new_one(mode: Mode) -> None:
    """The stale-connection race: the kept-alive connection's server side went away as the
    second request went out (end of stream, no response byte). The request is sent again on
    a new connection, and the call succeeds."""
    ok = _json(200, result_json())

    def script(conn: Conn) -> None:
        conn.read_request()
        conn.send(ok)
        if len(server.conns) == 1:
            conn.read_request()  # the second call's request: closed without a byte back

    with RawServer(script) as server:
        first, second = _two_calls(mode, _core_options(server.base_url))
    assert (True, True, 2) == (
        isinstance(first, Success),
        isinstance(second, Success),
        server.accepted,
    )


@pytest.mark.parametrize("mode", MODES)
def test_a_stream_reset_after_its_headers_is_retried(mode: Mode) -> None:
    """A connection reset after the 200 headers, before the first content: retried like any
    pre-content failure; the caller gets the second attempt's stream."""
    counter = Counter()

    def script(conn: Conn) -> None:
        conn.read_request()
        if counter.next() == 1:
            conn.send(SSE_HEAD + _chunk(b": OPENROUTER PROCESSING\n\n"))
            conn.reset()
        else:
            conn.send(HAPPY_STREAM)

    with RawServer(script) as server:
        seen = observe(mode, "stream", **_core_options(server.base_url))
    assert isinstance(seen.value, list)
    assert (2, ["Paris."]) == (
        counter.requests,
        [
            item.unwrap().choices[0].delta.content
            for item in seen.value
            if item.unwrap().choices and item.unwrap().choices[0].delta.content
        ],
    )


@pytest.mark.parametrize("mode", MODES)
def test_a_stream_failing_before_content_every_time_is_the_outer_failure(mode: Mode) -> None:
    """Every attempt resets after the headers: four attempts, then the call's Failure."""
    counter = Counter()

    def script(conn: Conn) -> None:
        conn.read_request()
        counter.next()
        conn.send(SSE_HEAD)
        conn.reset()

    with RawServer(script) as server:
        seen = observe(mode, "stream", **_core_options(server.base_url))
    assert ("result", ConnectionFailedError, 4) == (seen.where, seen.error, counter.requests)
    assert [] == seen.busy


def _refuse_upload(conn: Conn) -> None:
    """Answer 413 after the headers, without reading the body, and close."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += conn.sock.recv(65536)
    conn.send(
        _json(413, {"error": {"code": 413, "message": "too large"}}, b"Connection: close\r\n")
    )
    conn.pause(0.05)


@pytest.mark.parametrize("op", ["send", "stream"])
@pytest.mark.parametrize("mode", MODES)
def test_a_refused_upload_is_payload_too_large(mode: Mode, op: str) -> None:
    """A server answering 413 before reading a large body: PayloadTooLargeResponseError in
    both twins, after one upload (the async twin used to report a read error and upload
    again on every retry)."""
    request = user_request("x" * (8 * 1024 * 1024))
    with RawServer(_refuse_upload) as server:
        seen = observe(mode, op, request, **_core_options(server.base_url))
    assert (PayloadTooLargeResponseError, 1) == (seen.error, server.accepted)


@pytest.mark.parametrize("mode", MODES)
def test_a_stray_crlf_after_an_answer_fails_the_next_call_without_a_resend(mode: Mode) -> None:
    """Bytes after a complete response stay in httpcore's buffer and are read as the next
    request's answer (tools/stray_bytes_repro.py shows it with plain httpx). The SDK cannot
    see that buffer; what it guarantees is that the request, which did go out, is not sent
    again (a resend would need a second connection): one attempt, possibly processed."""
    ok = _json(200, result_json())

    def script(conn: Conn) -> None:
        conn.read_request()
        conn.send(ok + b"\r\n")
        conn.wait_for_client_close()

    with RawServer(script) as server:
        first, second = _two_calls(mode, _core_options(server.base_url))
    assert isinstance(first, Success)
    error = second.failure()
    assert (ConnectionFailedError, True, 1, 1) == (
        type(error),
        error.may_have_been_processed,
        error.attempts,
        server.accepted,
    )


@pytest.mark.parametrize("mode", MODES)
def test_a_request_cut_off_while_its_body_goes_out_is_retried(mode: Mode) -> None:
    """The server resets while a large body is still being written: the request never
    arrived whole, so it cannot have been processed, and it is sent again."""
    counter = Counter()
    ok = _json(200, result_json())

    def script(conn: Conn) -> None:
        if counter.next() == 1:
            data = b""
            while b"\r\n\r\n" not in data:
                data += conn.sock.recv(65536)
            conn.reset()  # the body is still on its way
        else:
            conn.read_request()
            conn.send(ok)

    request = user_request("x" * (8 * 1024 * 1024))
    with RawServer(script) as server:
        seen = observe(mode, "send", request, **_core_options(server.base_url))
    assert (None, 2) == (seen.error, counter.requests)


NEW = ["connection.connect_tcp.started", "connection.connect_tcp.complete"]
HEADERS = ["http11.send_request_headers.started", "http11.send_request_headers.complete"]
BODY = ["http11.send_request_body.started", "http11.send_request_body.complete"]
BODY_FAILED = ["http11.send_request_body.started", "http11.send_request_body.failed"]
WAITING = ["http11.receive_response_headers.started"]
ANSWERED = [*WAITING, "http11.receive_response_headers.complete"]
DISCONNECTED = httpx.RemoteProtocolError("Server disconnected without sending a response.")


@pytest.mark.parametrize(
    ("events", "exc", "expected"),
    [
        pytest.param([], httpx.ConnectError("refused"), False, id="connect-failed"),
        pytest.param([], httpx.PoolTimeout("pool"), False, id="pool-timeout"),
        pytest.param([], httpx.ReadError("untraced"), True, id="untraced-read-error"),
        pytest.param(NEW + HEADERS + BODY_FAILED + WAITING, DISCONNECTED, False, id="body-cut"),
        pytest.param(NEW + HEADERS + BODY + WAITING, DISCONNECTED, True, id="new-conn-no-answer"),
        pytest.param(HEADERS + BODY + WAITING, DISCONNECTED, False, id="stale-eof"),
        pytest.param(HEADERS + BODY + WAITING, httpx.ReadError("reset"), False, id="stale-reset"),
        pytest.param(HEADERS + BODY + WAITING, httpx.ReadTimeout("slow"), True, id="reused-slow"),
        pytest.param(
            HEADERS + BODY + WAITING,
            httpx.RemoteProtocolError("illegal status line"),
            True,
            id="reused-garbage",
        ),
        pytest.param(HEADERS + BODY + ANSWERED, httpx.ReadError("reset"), True, id="answered"),
    ],
)
def test_a_failed_attempt_is_classified_by_how_far_it_got(
    events: list[str], exc: Exception, expected: bool
) -> None:
    """The phase table: not sent, sent with nothing back (stale or not), response started."""
    delivery = Delivery()
    for name in events:
        delivery.see(name, {})
    assert expected == delivery.may_have_been_processed(exc)


@pytest.mark.parametrize("op", ["send", "stream"])
@pytest.mark.parametrize("mode", MODES)
def test_a_huge_wait_in_an_error_body_is_bounded(mode: Mode, op: str) -> None:
    """availability.retry_after of 10**400 (JSON allows it; float() overflows): the 503
    comes back at once with a bounded retry_after, instead of an OverflowError escaping."""
    huge = b'{"error": {"code": 503, "message": "busy", "availability": {"retry_after": 1%s}}}'
    body = huge % (b"0" * 400)
    answer = (
        b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
        b"Content-Length: %d\r\n\r\n%s" % (len(body), body)
    )

    def script(conn: Conn) -> None:
        conn.read_request()
        conn.send(answer)

    with RawServer(script) as server:
        seen = observe(mode, op, **_core_options(server.base_url))
    assert (ServiceUnavailableResponseError, WIRE_SECONDS_MAX, 1) == (
        seen.error,
        getattr(seen.value, "retry_after", None),
        server.accepted,
    )


@pytest.mark.parametrize("mode", MODES)
def test_the_phases_are_traced_until_the_response_starts_and_a_callers_trace_to_the_end(
    mode: Mode,
) -> None:
    """Ours stops at the response headers (nothing later changes the verdict, and each
    event costs): the request is left without it, or with the caller's trace, which a
    before_request hook set and which still sees the body and close events."""
    seen: list[str] = []
    sent: list[httpx.Request] = []

    def mine(name: str, info: dict[str, Any]) -> None:
        seen.append(name)

    async def amine(name: str, info: dict[str, Any]) -> None:
        seen.append(name)

    def with_trace(context: HookContext, request: httpx.Request) -> None:
        request.extensions["trace"] = mine if mode == "sync" else amine
        sent.append(request)

    def untraced(context: HookContext, request: httpx.Request) -> None:
        sent.append(request)

    def script(conn: Conn) -> None:
        conn.read_request()
        conn.send(_json(200, result_json("Paris.")))

    for hook in (with_trace, untraced):
        with RawServer(script) as server:
            seen_call = observe(
                mode, "send", **_core_options(server.base_url, hooks=Hooks(before_request=[hook]))
            )
        assert seen_call.error is None
    assert "http11.response_closed.complete" in seen
    assert (mine if mode == "sync" else amine, None) == (
        sent[0].extensions["trace"],
        sent[1].extensions.get("trace"),
    )
