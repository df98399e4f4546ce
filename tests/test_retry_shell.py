"""The retry loop through pytest-httpx, both twins, on a fake clock: nothing really sleeps."""

from email.utils import formatdate
from typing import Any

import httpx
import pytest
from pytest_httpx import HTTPXMock
from returns.result import Success

from openrouter_core import NO_RETRIES, BackoffStrategy, RequestOptions, RetryConfig
from openrouter_core.errors import (
    BadRequestResponseError,
    ConnectionFailedError,
    PaymentRequiredResponseError,
    ServiceUnavailableResponseError,
    TooManyRequestsResponseError,
)

from .shell_support import EPOCH, FakeClock, Responses, tracking_core
from .support import MODES, URL, Mode, result_json, send, user_request

pytestmark = pytest.mark.parametrize("mode", MODES)

STEADY = RetryConfig(
    backoff=BackoffStrategy(
        initial_interval=1.0, max_interval=10.0, exponent=1.0, max_elapsed_time=30.0
    )
)
"""Every backoff wait is 1 s * (0.5 + jitter / 2): 0.75 s at the fake clock's jitter 0.5."""


def _error(status: int, headers: dict[str, str] | None = None) -> dict[str, Any]:
    return {
        "url": URL,
        "status_code": status,
        "json": {"error": {"code": status, "message": f"status {status}"}},
        "headers": headers or {},
    }


def test_two_503s_then_200_succeed_on_the_third_attempt(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """503, 503, 200 answers Success after three requests and two backoff sleeps."""
    httpx_mock.add_response(**_error(503))
    httpx_mock.add_response(**_error(503))
    httpx_mock.add_response(url=URL, json=result_json())
    clock, responses = FakeClock(), Responses()
    outcome = send(mode, tracking_core(mode, clock, responses, retry_config=STEADY), user_request())
    assert isinstance(outcome, Success)
    assert (3, [0.75, 0.75]) == (len(httpx_mock.get_requests()), clock.sleeps)


def test_429_with_retry_after_one_waits_one_second(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """A 429 carrying Retry-After: 1 sleeps exactly the server's second, then retries."""
    httpx_mock.add_response(**_error(429, {"Retry-After": "1"}))
    httpx_mock.add_response(url=URL, json=result_json())
    clock, responses = FakeClock(), Responses()
    outcome = send(mode, tracking_core(mode, clock, responses), user_request())
    assert isinstance(outcome, Success)
    assert [1.0] == clock.sleeps


def test_retry_after_ms_wins_over_retry_after(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """retry-after-ms: 1500 beside Retry-After: 5 sleeps a second and a half."""
    httpx_mock.add_response(**_error(503, {"retry-after-ms": "1500", "Retry-After": "5"}))
    httpx_mock.add_response(url=URL, json=result_json())
    clock, responses = FakeClock(), Responses()
    send(mode, tracking_core(mode, clock, responses), user_request())
    assert [1.5] == clock.sleeps


@pytest.mark.parametrize(
    "headers",
    [
        {"Retry-After": "0"},
        {"retry-after-ms": "0"},
        {"Retry-After": "Thu, 01 Jan 1970 00:00:00 GMT"},
    ],
    ids=["retry-after-0", "retry-after-ms-0", "date-in-the-past"],
)
def test_a_server_asking_for_no_wait_is_not_hammered(
    mode: Mode, httpx_mock: HTTPXMock, headers: dict[str, str]
) -> None:
    """A 429 saying "retry now" forever: four attempts in all, each after the policy's own
    growing backoff (0.5, 1, 2 s at jitter 0.999), then the 429 itself."""
    httpx_mock.add_response(**_error(429, headers), is_reusable=True)
    clock, responses = FakeClock(jitter=0.999), Responses()
    err = send(mode, tracking_core(mode, clock, responses), user_request()).failure()
    assert (TooManyRequestsResponseError, 4, 4) == (
        type(err),
        err.attempts,
        len(httpx_mock.get_requests()),
    )
    assert [round(wait, 2) for wait in clock.sleeps] == [0.5, 1.0, 2.0]


def test_http_date_retry_after_counts_from_the_wall_clock(
    mode: Mode, httpx_mock: HTTPXMock
) -> None:
    """An HTTP-date Retry-After three seconds after the fake wall clock sleeps three seconds."""
    when = formatdate(EPOCH + 3, usegmt=True)
    httpx_mock.add_response(**_error(429, {"Retry-After": when}))
    httpx_mock.add_response(url=URL, json=result_json())
    clock, responses = FakeClock(), Responses()
    send(mode, tracking_core(mode, clock, responses), user_request())
    assert [3.0] == clock.sleeps


def test_retry_after_above_the_cap_returns_at_once(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """A 429 asking for 60 s (cap 10 s) comes back after one attempt with retry_after set."""
    httpx_mock.add_response(**_error(429, {"Retry-After": "60"}))
    clock, responses = FakeClock(), Responses()
    err = send(mode, tracking_core(mode, clock, responses), user_request()).failure()
    assert (TooManyRequestsResponseError, 60.0, 1, []) == (
        type(err),
        err.retry_after,
        err.attempts,
        clock.sleeps,
    )


def test_400_is_tried_once(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """A bad request is the caller's to fix: one attempt, no sleep."""
    httpx_mock.add_response(**_error(400))
    clock, responses = FakeClock(), Responses()
    err = send(mode, tracking_core(mode, clock, responses), user_request()).failure()
    assert (BadRequestResponseError, 1, []) == (type(err), err.attempts, clock.sleeps)


def test_402_without_retry_after_is_tried_once(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """An account out of credits is not retried."""
    httpx_mock.add_response(**_error(402))
    clock, responses = FakeClock(), Responses()
    err = send(mode, tracking_core(mode, clock, responses), user_request()).failure()
    assert (PaymentRequiredResponseError, 1, []) == (type(err), err.attempts, clock.sleeps)


def test_402_with_retry_after_is_retried(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """A 402 carrying Retry-After (in-flight budget) waits as asked and retries."""
    httpx_mock.add_response(**_error(402, {"Retry-After": "2"}))
    httpx_mock.add_response(url=URL, json=result_json())
    clock, responses = FakeClock(), Responses()
    outcome = send(mode, tracking_core(mode, clock, responses), user_request())
    assert isinstance(outcome, Success)
    assert [2.0] == clock.sleeps


def test_connection_error_is_retried_when_configured(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """A refused connection, then a 200, answers Success with retry_connection_errors on."""
    httpx_mock.add_exception(httpx.ConnectError("refused"), url=URL)
    httpx_mock.add_response(url=URL, json=result_json())
    clock, responses = FakeClock(), Responses()
    outcome = send(mode, tracking_core(mode, clock, responses, retry_config=STEADY), user_request())
    assert isinstance(outcome, Success)
    assert (2, [0.75]) == (len(httpx_mock.get_requests()), clock.sleeps)


def test_connection_error_is_not_retried_when_turned_off(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """With retry_connection_errors off, a refused connection comes back after one attempt."""
    config = RetryConfig(backoff=STEADY.backoff, retry_connection_errors=False)
    httpx_mock.add_exception(httpx.ConnectError("refused"), url=URL)
    clock, responses = FakeClock(), Responses()
    err = send(mode, tracking_core(mode, clock, responses, retry_config=config), user_request())
    assert (ConnectionFailedError, 1, []) == (
        type(err.failure()),
        err.failure().attempts,
        clock.sleeps,
    )


def test_per_call_no_retries_wins_over_the_core(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """RequestOptions(retries=NO_RETRIES) makes one attempt although the core retries."""
    httpx_mock.add_response(**_error(503))
    clock, responses = FakeClock(), Responses()
    core = tracking_core(mode, clock, responses, retry_config=STEADY)
    err = send(mode, core, user_request(), RequestOptions(retries=NO_RETRIES)).failure()
    assert (ServiceUnavailableResponseError, 1, []) == (type(err), err.attempts, clock.sleeps)


def test_per_call_backoff_wins_over_the_core(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """A per-call backoff's interval is the one slept, not the core's."""
    httpx_mock.add_response(**_error(503))
    httpx_mock.add_response(url=URL, json=result_json())
    clock, responses = FakeClock(), Responses()
    core = tracking_core(mode, clock, responses, retry_config=STEADY)
    per_call = RetryConfig(backoff=BackoffStrategy(initial_interval=4.0, exponent=1.0))
    send(mode, core, user_request(), RequestOptions(retries=per_call))
    assert [3.0] == clock.sleeps


def test_core_retry_config_none_means_no_retries(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """RetryConfig(strategy="none") on the core makes one attempt."""
    httpx_mock.add_response(**_error(503))
    clock, responses = FakeClock(), Responses()
    core = tracking_core(mode, clock, responses, retry_config=NO_RETRIES)
    err = send(mode, core, user_request()).failure()
    assert (1, []) == (err.attempts, clock.sleeps)


def test_persistent_503_ends_within_the_elapsed_budget(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """A 503 served forever stops once the next wait would pass max_elapsed_time."""
    httpx_mock.add_response(**_error(503), is_reusable=True)
    clock, responses = FakeClock(jitter=0.999), Responses()
    uncapped = RetryConfig(max_attempts=1000)
    core = tracking_core(mode, clock, responses, retry_config=uncapped)
    err = send(mode, core, user_request()).failure()
    assert isinstance(err, ServiceUnavailableResponseError)
    assert len(httpx_mock.get_requests()) == err.attempts
    assert clock.now <= 30.0
    assert clock.now + 10.0 > 30.0, "gave up although a full wait still fit the budget"


def test_a_core_given_no_retry_config_retries_by_the_defaults(
    mode: Mode, httpx_mock: HTTPXMock
) -> None:
    """Left out, the policy is ``RetryConfig()``'s, read when an attempt fails: four
    attempts, waiting 0.5, 1 and 2 s, each times 0.75 at the fake clock's jitter 0.5."""
    httpx_mock.add_response(**_error(503), is_reusable=True)
    clock, responses = FakeClock(), Responses()
    err = send(mode, tracking_core(mode, clock, responses), user_request()).failure()
    assert (4, 4, [0.375, 0.75, 1.5]) == (
        err.attempts,
        len(httpx_mock.get_requests()),
        clock.sleeps,
    )


def test_final_error_counts_every_attempt(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """With 0.75 s waits and a 2 s budget, three attempts are made and reported."""
    budget = RetryConfig(
        backoff=BackoffStrategy(initial_interval=1.0, exponent=1.0, max_elapsed_time=2.0)
    )
    httpx_mock.add_response(**_error(503), is_reusable=True)
    clock, responses = FakeClock(), Responses()
    err = send(mode, tracking_core(mode, clock, responses, retry_config=budget), user_request())
    assert (3, 3, [0.75, 0.75]) == (
        err.failure().attempts,
        len(httpx_mock.get_requests()),
        clock.sleeps,
    )


def test_every_discarded_response_is_closed(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """After 503, 503, 200 all three responses are closed: no connection leaks."""
    httpx_mock.add_response(**_error(503))
    httpx_mock.add_response(**_error(503))
    httpx_mock.add_response(url=URL, json=result_json())
    clock, responses = FakeClock(), Responses()
    send(mode, tracking_core(mode, clock, responses, retry_config=STEADY), user_request())
    assert [True, True, True] == [response.is_closed for response in responses]


def test_responses_of_a_failed_call_are_closed(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """A call that gives up on a persistent 503 leaves none of its responses open."""
    httpx_mock.add_response(**_error(503), is_reusable=True)
    clock, responses = FakeClock(), Responses()
    send(mode, tracking_core(mode, clock, responses, retry_config=STEADY), user_request())
    assert len(responses) > 1
    assert [] == [response for response in responses if not response.is_closed]


def test_a_refused_oversized_body_is_closed(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """A body over max_response_bytes is abandoned unread, and its response still closed."""
    httpx_mock.add_response(url=URL, json=result_json(content="x" * 5000))
    clock, responses = FakeClock(), Responses()
    core = tracking_core(mode, clock, responses, max_response_bytes=1000)
    send(mode, core, user_request())
    assert [True] == [response.is_closed for response in responses]
