"""Timeouts, the call's deadline, and interruptions: what stops the retry loop, and when."""

import asyncio
import json
import math
from collections.abc import AsyncIterator, Callable, Iterator

import anyio
import httpx
import pytest
from pytest_httpx import HTTPXMock
from returns.result import Success

from openrouter_core import BackoffStrategy, OpenRouterCore, RequestOptions, RetryConfig, Runtime
from openrouter_core._core import DEFAULT_TIMEOUT
from openrouter_core.errors import (
    RequestTimeoutError,
    ServiceUnavailableResponseError,
    TooManyRequestsResponseError,
)
from openrouter_core.funcs import chat_send, chat_send_async

from .shell_support import FakeClock, Responses, tracking_core
from .support import BASE_URL, MODES, URL, Mode, result_json, send, user_request

STEADY = RetryConfig(
    backoff=BackoffStrategy(
        initial_interval=1.0, max_interval=10.0, exponent=1.0, max_elapsed_time=60.0
    )
)
"""Every backoff wait is 0.75 s at the fake clock's jitter 0.5; the budget never binds."""

twins = pytest.mark.parametrize("mode", MODES)


def _slow_503(
    clock: FakeClock, latency: float, deadline: float = math.inf
) -> Callable[[httpx.Request], httpx.Response]:
    """A server that answers 503 after ``latency`` seconds, cut short as the driver does.

    The sync twin, on the client passed in here, cuts each attempt's read timeout to what
    the deadline leaves; the async twin ends the attempt at the ``deadline`` itself (a
    cancel scope, in real time, which the fake clock cannot drive: modelled here). When the
    wait is shorter than the latency, the fake clock moves by it and the read times out.
    """

    def respond(request: httpx.Request) -> httpx.Response:
        read = request.extensions["timeout"]["read"]
        wait = deadline - clock.now if read is None else min(read, deadline - clock.now)
        if wait < latency:
            clock.advance(wait)
            raise httpx.ReadTimeout("timed out", request=request)
        clock.advance(latency)
        return httpx.Response(503, json={"error": {"code": 503, "message": "down"}})

    return respond


@twins
def test_deadline_ends_the_call_with_the_last_answer(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """Slow 503s under a 4 s deadline end at 4.0 s after 3 attempts, the third cut short by
    the deadline: the caller learns the server's 503, not a bare timeout."""
    clock, responses = FakeClock(), Responses()
    httpx_mock.add_callback(_slow_503(clock, latency=1.0, deadline=4.0), url=URL, is_reusable=True)
    core = tracking_core(mode, clock, responses, retry_config=STEADY, deadline=4.0)
    err = send(mode, core, user_request()).failure()
    assert (ServiceUnavailableResponseError, 3, 4.0) == (type(err), err.attempts, clock.now)


@twins
def test_deadline_during_429_retries_says_rate_limited(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """A 429 (Retry-After: 1), then an attempt the deadline cuts short: the 429 comes back."""
    httpx_mock.add_response(
        url=URL,
        status_code=429,
        json={"error": {"code": 429, "message": "slow down"}},
        headers={"Retry-After": "1"},
    )
    clock, responses = FakeClock(), Responses()
    httpx_mock.add_callback(_slow_503(clock, latency=5.0, deadline=3.0), url=URL)
    core = tracking_core(mode, clock, responses, retry_config=STEADY, deadline=3.0)
    err = send(mode, core, user_request()).failure()
    assert (TooManyRequestsResponseError, 2, 3.0) == (type(err), err.attempts, clock.now)


@twins
def test_deadline_without_any_answer_is_a_timeout(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """A server that never answers within the deadline gives RequestTimeoutError."""
    clock, responses = FakeClock(), Responses()
    httpx_mock.add_callback(_slow_503(clock, latency=5.0, deadline=2.0), url=URL)
    core = tracking_core(mode, clock, responses, retry_config=STEADY, deadline=2.0)
    err = send(mode, core, user_request()).failure()
    assert (RequestTimeoutError, 1, 2.0) == (type(err), err.attempts, clock.now)


@twins
def test_each_attempt_may_wait_only_what_is_left(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """On a sync client passed in, whose sockets the core cannot reach, every phase timeout
    of an attempt is cut to the time left before the deadline. The async twin's cancel
    scope ends the attempt itself, with any client: its timeouts stay as they are (a
    stream's read timeout then holds after its first content, when the deadline is over)."""
    clock, responses = FakeClock(), Responses()
    httpx_mock.add_callback(_slow_503(clock, latency=1.0, deadline=4.0), url=URL, is_reusable=True)
    core = tracking_core(mode, clock, responses, retry_config=STEADY, deadline=4.0)
    send(mode, core, user_request())
    if mode == "sync":
        expected: list[dict[str, float | None]] = [
            dict.fromkeys(("connect", "read", "write", "pool"), cap) for cap in (4.0, 2.25, 0.5)
        ]
    else:
        expected = [DEFAULT_TIMEOUT.as_dict()] * 3
    assert expected == [request.extensions["timeout"] for request in httpx_mock.get_requests()]


def test_the_cores_own_sync_client_has_only_its_pool_wait_cut(httpx_mock: HTTPXMock) -> None:
    """The sync client the core builds ends each connect, read and write by the deadline
    itself (``_deadline``; its network backend, under the transport pytest-httpx replaces,
    is tested on the wire): of an attempt's timeouts only the wait for a pooled connection,
    which no backend sees, is cut to what the deadline leaves."""
    clock = FakeClock()
    httpx_mock.add_callback(_slow_503(clock, latency=1.0, deadline=4.0), url=URL, is_reusable=True)
    core = OpenRouterCore(
        api_key="sk-or-test",
        server_url=BASE_URL,
        runtime=clock.runtime(),
        retry_config=STEADY,
        deadline=4.0,
    )
    with core:
        send("sync", core, user_request())
    assert [{**DEFAULT_TIMEOUT.as_dict(), "pool": cap} for cap in (4.0, 2.25, 0.5)] == [
        request.extensions["timeout"] for request in httpx_mock.get_requests()
    ]


@twins
def test_no_sleep_runs_past_the_deadline(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """A 503 whose next wait would end past the deadline is returned, not slept on."""
    clock, responses = FakeClock(), Responses()
    httpx_mock.add_callback(_slow_503(clock, latency=1.0, deadline=2.9), url=URL, is_reusable=True)
    core = tracking_core(mode, clock, responses, retry_config=STEADY, deadline=2.9)
    err = send(mode, core, user_request()).failure()
    assert (ServiceUnavailableResponseError, 2, [0.75]) == (type(err), err.attempts, clock.sleeps)
    assert clock.now <= 2.9


@twins
def test_retry_after_past_the_deadline_returns_at_once(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """A 429 asking for 5 s under a 3 s deadline comes back at once with retry_after set."""
    httpx_mock.add_response(
        url=URL,
        status_code=429,
        json={"error": {"code": 429, "message": "slow down"}},
        headers={"Retry-After": "5"},
    )
    clock, responses = FakeClock(), Responses()
    core = tracking_core(mode, clock, responses, deadline=3.0)
    err = send(mode, core, user_request()).failure()
    assert (TooManyRequestsResponseError, 5.0, []) == (type(err), err.retry_after, clock.sleeps)


@twins
def test_per_call_deadline_wins_over_the_core(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """RequestOptions(deadline=2.0) bounds the call although the core allows 100 s."""
    clock, responses = FakeClock(), Responses()
    httpx_mock.add_callback(_slow_503(clock, latency=1.0, deadline=2.0), url=URL, is_reusable=True)
    core = tracking_core(mode, clock, responses, retry_config=STEADY, deadline=100.0)
    err = send(mode, core, user_request(), RequestOptions(deadline=2.0)).failure()
    assert (ServiceUnavailableResponseError, 2, 2.0) == (type(err), err.attempts, clock.now)


@twins
def test_core_timeout_reaches_the_request(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """The core's per-phase httpx.Timeout is the request's timeout extension."""
    httpx_mock.add_response(url=URL, json=result_json())
    timeout = httpx.Timeout(connect=1.0, read=2.0, write=3.0, pool=4.0)
    clock, responses = FakeClock(), Responses()
    send(mode, tracking_core(mode, clock, responses, timeout=timeout), user_request())
    request = httpx_mock.get_request()
    assert request is not None
    assert {"connect": 1.0, "read": 2.0, "write": 3.0, "pool": 4.0} == request.extensions["timeout"]


@twins
@pytest.mark.parametrize(
    ("per_call", "expected"),
    [
        (httpx.Timeout(5.0, read=50.0), {"connect": 5.0, "read": 50.0, "write": 5.0, "pool": 5.0}),
        (7.0, dict.fromkeys(("connect", "read", "write", "pool"), 7.0)),
        (httpx.Timeout(None), dict.fromkeys(("connect", "read", "write", "pool"))),
    ],
    ids=["per-phase", "seconds", "disabled"],
)
def test_per_call_timeout_wins_over_the_core(
    mode: Mode, per_call: float | httpx.Timeout, expected: dict[str, float], httpx_mock: HTTPXMock
) -> None:
    """RequestOptions(timeout=...) replaces the core's timeout for one call."""
    httpx_mock.add_response(url=URL, json=result_json())
    clock, responses = FakeClock(), Responses()
    core = tracking_core(mode, clock, responses, timeout=httpx.Timeout(1.0))
    send(mode, core, user_request(), RequestOptions(timeout=per_call))
    request = httpx_mock.get_request()
    assert request is not None
    assert expected == request.extensions["timeout"]


@twins
def test_default_timeouts_are_documented_values(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """Unset, timeouts are 10 s to connect, 300 s per read, 60 s to write, 30 s for the pool."""
    httpx_mock.add_response(url=URL, json=result_json())
    clock, responses = FakeClock(), Responses()
    send(mode, tracking_core(mode, clock, responses), user_request())
    request = httpx_mock.get_request()
    assert request is not None
    assert {"connect": 10.0, "read": 300.0, "write": 60.0, "pool": 30.0} == (
        request.extensions["timeout"]
    )
    assert DEFAULT_TIMEOUT.as_dict() == request.extensions["timeout"]


def test_keyboard_interrupt_in_the_retry_sleep_propagates(httpx_mock: HTTPXMock) -> None:
    """Ctrl-C during a retry sleep escapes chat_send at once; no further attempt is made."""
    httpx_mock.add_response(url=URL, status_code=503, json={"error": {"code": 503}})

    def interrupted(seconds: float) -> None:
        raise KeyboardInterrupt

    responses: list[httpx.Response] = []
    core = tracking_core(
        "sync", FakeClock(), responses, retry_config=STEADY, runtime=Runtime(sleep=interrupted)
    )
    with pytest.raises(KeyboardInterrupt):
        chat_send(core, user_request())
    assert (1, [True]) == (len(httpx_mock.get_requests()), [r.is_closed for r in responses])


def test_cancelling_the_task_in_the_retry_sleep_stops_at_once(httpx_mock: HTTPXMock) -> None:
    """A task cancelled while it really sleeps before a retry raises CancelledError at once."""
    httpx_mock.add_response(url=URL, status_code=503, json={"error": {"code": 503}})
    responses: list[httpx.Response] = []

    async def main() -> bool:
        sleeping = asyncio.Event()

        async def asleep(seconds: float) -> None:
            sleeping.set()
            await asyncio.sleep(30)

        core = tracking_core(
            "async", FakeClock(), responses, retry_config=STEADY, runtime=Runtime(asleep=asleep)
        )
        task = asyncio.create_task(chat_send_async(core, user_request()))
        await sleeping.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        return task.cancelled()

    assert asyncio.run(main())
    assert (1, [True]) == (len(httpx_mock.get_requests()), [r.is_closed for r in responses])


def test_a_cancel_scope_ends_the_call_in_the_retry_sleep(httpx_mock: HTTPXMock) -> None:
    """anyio.move_on_after around the call ends it during the server's requested wait."""
    httpx_mock.add_response(
        url=URL, status_code=503, json={"error": {"code": 503}}, headers={"Retry-After": "5"}
    )
    responses: list[httpx.Response] = []

    async def main() -> bool:
        core = tracking_core("async", FakeClock(), responses, runtime=Runtime())
        with anyio.move_on_after(0.05) as scope:
            await chat_send_async(core, user_request())
        return scope.cancelled_caught

    assert asyncio.run(main())
    assert (1, [True]) == (len(httpx_mock.get_requests()), [r.is_closed for r in responses])


class _StalledBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that sends its first bytes and then interrupts (sync) or hangs (async).

    ``released`` turns True once the stream itself is closed, which is what frees a real
    pooled connection; async closing suspends once, as a real pool release does.
    """

    def __init__(self) -> None:
        self.started = asyncio.Event()
        self.released = False

    def __iter__(self) -> Iterator[bytes]:
        yield b'{"id": "gen-1",'
        raise KeyboardInterrupt

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield b'{"id": "gen-1",'
        self.started.set()
        await asyncio.sleep(30)

    def close(self) -> None:
        self.released = True

    async def aclose(self) -> None:
        await asyncio.sleep(0)
        self.released = True


def test_interrupt_while_reading_the_body_releases_it(httpx_mock: HTTPXMock) -> None:
    """Ctrl-C in the middle of a body read propagates and leaves the body released."""
    body = _StalledBody()
    httpx_mock.add_response(url=URL, stream=body)
    core = tracking_core("sync", FakeClock(), Responses())
    with pytest.raises(KeyboardInterrupt):
        chat_send(core, user_request())
    assert body.released


def test_cancel_while_reading_the_body_releases_it(httpx_mock: HTTPXMock) -> None:
    """A task cancelled in the middle of a body read re-raises and leaves the body released."""
    body = _StalledBody()
    httpx_mock.add_response(url=URL, stream=body)

    async def main() -> bool:
        core = tracking_core("async", FakeClock(), Responses())
        task = asyncio.create_task(chat_send_async(core, user_request()))
        await body.started.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        return task.cancelled()

    assert asyncio.run(main())
    assert body.released


def test_a_cancel_scope_during_the_body_read_releases_it(httpx_mock: HTTPXMock) -> None:
    """anyio cancellation keeps cancelling every await, yet the body is still released."""
    body = _StalledBody()
    httpx_mock.add_response(url=URL, stream=body)

    async def main() -> bool:
        core = tracking_core("async", FakeClock(), Responses())
        with anyio.move_on_after(0.05) as scope:
            await chat_send_async(core, user_request())
        return scope.cancelled_caught

    assert asyncio.run(main())
    assert body.released


class _TricklingBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A 200 body that sends a space per second of fake time for ten seconds, then the JSON."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.released = False

    def __iter__(self) -> Iterator[bytes]:
        for _ in range(10):
            self.clock.advance(1.0)
            yield b" "
        yield json.dumps(result_json()).encode()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for piece in self:
            yield piece

    def close(self) -> None:
        self.released = True

    async def aclose(self) -> None:
        self.released = True


@twins
def test_a_trickling_body_cannot_outlast_the_deadline(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """Whitespace arriving faster than the read timeout still ends at the deadline."""
    clock = FakeClock()
    body = _TricklingBody(clock)
    httpx_mock.add_response(url=URL, stream=body)
    core = tracking_core(mode, clock, Responses(), retry_config=STEADY, deadline=3.5)
    err = send(mode, core, user_request()).failure()
    assert (RequestTimeoutError, 1, 4.0, True) == (
        type(err),
        err.attempts,
        clock.now,
        body.released,
    )


@twins
def test_without_a_deadline_timeouts_are_left_alone(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """No deadline: every attempt carries the configured timeouts unchanged."""
    clock, responses = FakeClock(), Responses()
    httpx_mock.add_callback(_slow_503(clock, latency=1.0))
    httpx_mock.add_response(url=URL, json=result_json())
    core = tracking_core(mode, clock, responses, retry_config=STEADY, timeout=httpx.Timeout(9.0))
    assert isinstance(send(mode, core, user_request()), Success)
    assert [httpx.Timeout(9.0).as_dict()] * 2 == [
        request.extensions["timeout"] for request in httpx_mock.get_requests()
    ]


@pytest.mark.parametrize("mode", MODES)
def test_a_spent_deadline_sends_nothing_and_counts_no_attempt(
    mode: Mode, httpx_mock: HTTPXMock
) -> None:
    """deadline=0 fails at once with RequestTimeoutError, attempts 0, and no request."""
    core = tracking_core(mode, FakeClock(), Responses())
    err = send(mode, core, user_request(), RequestOptions(deadline=0)).failure()
    assert (RequestTimeoutError, 0, []) == (type(err), err.attempts, httpx_mock.get_requests())
