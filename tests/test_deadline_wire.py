"""The call's deadline over real sockets, with the core's own clients, both twins.

A server that trickles its answer one byte every 50 ms never trips a read timeout, on a new
connection or on a kept-alive one a previous call left in the pool; the ``deadline`` still
ends the call, and the request, which went out, is not sent again.
"""

import asyncio
import json
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from returns.result import Failure, Result, Success

from openrouter_core import NO_RETRIES, OpenRouterCore, RequestOptions
from openrouter_core._deadline import UNTIL
from openrouter_core.errors import RequestTimeoutError
from openrouter_core.funcs import chat_send, chat_send_async, chat_stream, chat_stream_async

from .rawserver import Conn, RawServer, busy_connections
from .support import MODES, Mode, chunk_json, result_json, user_request

DEADLINE = 0.5
MARGIN = 1.5
"""Generous: what is tested is that the call ends near its deadline, not after the trickle
(which lasts several seconds)."""

BYTE_EVERY = 0.05

OK_BODY = json.dumps(result_json()).encode()
OK = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
    % len(OK_BODY)
    + OK_BODY
)


def _trickle(conn: Conn, data: bytes) -> None:
    for byte in data:
        conn.send(bytes([byte]))
        conn.pause(BYTE_EVERY)


def _header_block(conn: Conn) -> None:
    """A status line and headers that never end within the test (100 bytes, 5 s)."""
    _trickle(conn, b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Slow: " + b"a" * 100)


def _json_body(conn: Conn) -> None:
    """Headers at once, then a JSON body one byte at a time (about 15 s)."""
    conn.send(OK[: OK.index(b"\r\n\r\n") + 4])
    _trickle(conn, OK_BODY)


def _event_stream_body(conn: Conn) -> None:
    """Event-stream headers at once, then keep-alive comments one byte per chunk: the body
    flows, but no content ever comes (about 20 s)."""
    conn.send(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    for byte in b": OPENROUTER PROCESSING\n\n" * 16:
        conn.send(b"1\r\n%c\r\n" % byte)
        conn.pause(BYTE_EVERY)


class Requests:
    """Requests the server read, across connections (scripts run in threads)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.count = 0

    def read(self, conn: Conn) -> None:
        conn.read_request()
        with self.lock:
            self.count += 1


class Call:
    """How the call under the deadline ended, what it took, and what the pool still holds."""

    def __init__(self, outcome: Result[Any, Any], elapsed: float, busy: list[str]) -> None:
        self.outcome = outcome
        self.elapsed = elapsed
        self.busy = busy


def _under_deadline(mode: Mode, op: str, url: str, *, reuse: bool, **options: Any) -> Call:
    """On a fresh core with its own clients: optionally one ordinary call (its connection
    stays in the pool), then ``op`` with a deadline, timed."""
    core = OpenRouterCore(
        api_key="sk-or-deadline", server_url=url, retry_config=NO_RETRIES, **options
    )
    late = RequestOptions(deadline=DEADLINE)
    if mode == "sync":
        with core:
            if reuse:
                assert isinstance(chat_send(core, user_request()), Success)
            start = time.monotonic()
            if op == "send":
                outcome: Result[Any, Any] = chat_send(core, user_request(), late)
            else:
                outcome = _drained(chat_stream(core, user_request(), late))
            return Call(outcome, time.monotonic() - start, busy_connections(core.client))

    async def go() -> Call:
        async with core:
            if reuse:
                assert isinstance(await chat_send_async(core, user_request()), Success)
            start = time.monotonic()
            if op == "send":
                outcome: Result[Any, Any] = await chat_send_async(core, user_request(), late)
            else:
                outcome = await _adrained(await chat_stream_async(core, user_request(), late))
            return Call(outcome, time.monotonic() - start, busy_connections(core.async_client))

    return asyncio.run(go())


def _drained(opened: Result[Any, Any]) -> Result[Any, Any]:
    if isinstance(opened, Failure):
        return opened
    with opened.unwrap() as live:
        list(live)
    return Success("a stream")


async def _adrained(opened: Result[Any, Any]) -> Result[Any, Any]:
    if isinstance(opened, Failure):
        return opened
    async with opened.unwrap() as live:
        [item async for item in live]
    return Success("a stream")


def _timed_out_once(
    call: Call, requests: Requests, accepted: int, expected: int, *, processed: bool = True
) -> None:
    """A timeout Failure near the deadline, marked as possibly processed (a stream that
    produced no content is not: see ``_stream._early_failure``), no request sent again
    (``expected`` requests on ``accepted`` connections), nothing left checked out."""
    assert isinstance(call.outcome, Failure), call.outcome
    error = call.outcome.failure()
    assert (RequestTimeoutError, processed, 1) == (
        type(error),
        error.may_have_been_processed,
        error.attempts,
    )
    assert call.elapsed < DEADLINE + MARGIN
    assert (expected, 1, []) == (requests.count, accepted, call.busy)


SLOW_PARTS: dict[str, Callable[[Conn], None]] = {
    "header block": _header_block,
    "json body": _json_body,
}


@pytest.mark.parametrize("slow", ["header block", "json body"])
@pytest.mark.parametrize("op", ["send", "stream"])
@pytest.mark.parametrize("mode", MODES)
def test_the_deadline_bounds_an_answer_trickled_on_a_reused_connection(
    mode: Mode, op: str, slow: str
) -> None:
    """A first call answered normally; the second, on the same kept-alive connection, gets
    its header block (or its body) one byte every 50 ms. A 0.5 s deadline ends it with a
    timeout, and the server saw exactly one second request."""
    requests = Requests()
    no_content = (op, slow) == ("stream", "json body")
    trickle = _event_stream_body if no_content else SLOW_PARTS[slow]

    def script(conn: Conn) -> None:
        requests.read(conn)
        conn.send(OK)
        requests.read(conn)  # the second call, on the same connection
        trickle(conn)

    with RawServer(script) as server:
        call = _under_deadline(mode, op, server.base_url, reuse=True)
    _timed_out_once(call, requests, server.accepted, expected=2, processed=not no_content)


@pytest.mark.parametrize("op", ["send", "stream"])
@pytest.mark.parametrize("mode", MODES)
def test_the_deadline_bounds_a_header_block_trickled_on_a_new_connection(
    mode: Mode, op: str
) -> None:
    """The same trickle on the connection the call itself opens."""
    requests = Requests()

    def script(conn: Conn) -> None:
        requests.read(conn)
        _header_block(conn)

    with RawServer(script) as server:
        call = _under_deadline(mode, op, server.base_url, reuse=False)
    _timed_out_once(call, requests, server.accepted, expected=1)


@pytest.mark.parametrize("mode", MODES)
def test_the_deadline_bounds_an_answer_trickled_through_a_proxy_from_the_environment(
    mode: Mode, monkeypatch: pytest.MonkeyPatch
) -> None:
    """HTTP_PROXY names the server, which answers the first request forwarded to it and
    trickles the second's header block: the proxy's pool, which httpx built from the
    environment, ends its reads by the deadline too."""
    requests = Requests()

    def script(conn: Conn) -> None:
        requests.read(conn)
        conn.send(OK)
        requests.read(conn)
        _header_block(conn)

    with RawServer(script) as proxy:
        for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy", "http_proxy"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("HTTP_PROXY", proxy.base_url.removesuffix("/api/v1"))
        url = "http://openrouter.invalid/api/v1"  # never resolved: the proxy gets the request
        call = _under_deadline(mode, "send", url, reuse=True, allow_insecure_http=True)
    _timed_out_once(call, requests, proxy.accepted, expected=2)


def _event(payload: object) -> bytes:
    data = b"data: " + json.dumps(payload).encode() + b"\n\n"
    return b"%x\r\n%s\r\n" % (len(data), data)


@pytest.mark.parametrize("mode", MODES)
def test_a_stream_past_its_first_content_outlives_the_deadline(mode: Mode) -> None:
    """The deadline covers a stream up to its first content: content at once, then four
    more pieces 0.3 s apart (1.2 s in all, past the 0.5 s deadline). The stream completes;
    and after the call no deadline is left behind for the thread's next read. (Each gap
    stays under the deadline: an attempt's read timeout is cut to what the deadline left
    when it started, and httpcore keeps that timeout for the whole body.)"""

    def script(conn: Conn) -> None:
        conn.read_request()
        conn.send(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n" + _event(chunk_json("Paris"))
        )
        for word in (" it", " is", " in", " France."):
            conn.pause(0.3)
            conn.send(_event(chunk_json(word)))
        conn.send(_event(chunk_json(finish="stop")) + _event_done())

    core_options: dict[str, Any] = {"api_key": "sk-or-deadline", "retry_config": NO_RETRIES}
    late = RequestOptions(deadline=DEADLINE)
    with RawServer(script) as server:
        core = OpenRouterCore(server_url=server.base_url, **core_options)
        if mode == "sync":
            with core, chat_stream(core, user_request(), late).unwrap() as live:
                items: list[Any] = list(live)
                outcome: str = live.outcome
                text: object = live.collect().choices[0].message.content
        else:

            async def go() -> tuple[list[Any], str, object]:
                async with core:
                    opened = await chat_stream_async(core, user_request(), late)
                    async with opened.unwrap() as alive:
                        items = [item async for item in alive]
                        return items, alive.outcome, alive.collect().choices[0].message.content

            items, outcome, text = asyncio.run(go())
    assert all(isinstance(item, Success) for item in items), items
    assert ("completed", "Paris it is in France.", None) == (outcome, text, UNTIL.get())


def _event_done() -> bytes:
    return b"e\r\ndata: [DONE]\n\n\r\n0\r\n\r\n"


def test_a_client_passed_in_is_left_as_it_is() -> None:
    """The deadline's backend goes only into the client the core builds: a caller's client
    keeps its transport's network backend (it bounds each read, as the README says)."""
    with httpx.Client() as given:
        backend = type(given._transport._pool._network_backend)  # type: ignore[attr-defined]
        core = OpenRouterCore(api_key="sk-or-deadline", http_client=given)
        assert core.client is given
        assert backend is type(given._transport._pool._network_backend)  # type: ignore[attr-defined]
