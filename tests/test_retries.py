"""The pure retry policy: what is retried, how long to wait, and when to give up."""

import json
import math
from typing import Any

import attrs
import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from openrouter_core import NO_RETRIES, BackoffStrategy, RetryConfig
from openrouter_core._http import read_success_body
from openrouter_core._retries import (
    WIRE_SECONDS_MAX,
    backoff_interval,
    is_retryable,
    retry_after_seconds,
    retry_delay,
    wire_seconds,
)
from openrouter_core.errors import (
    BadGatewayResponseError,
    BadRequestResponseError,
    ConnectionFailedError,
    EdgeNetworkTimeoutResponseError,
    ForbiddenResponseError,
    GenerationError,
    InternalServerResponseError,
    InvalidRequestError,
    NotFoundResponseError,
    OpenRouterDefaultError,
    OpenRouterError,
    PayloadTooLargeResponseError,
    PaymentRequiredResponseError,
    ProviderOverloadedResponseError,
    RequestAbortedError,
    RequestTimeoutError,
    RequestTimeoutResponseError,
    ResponseError,
    ResponseValidationError,
    SDKValidationError,
    ServiceUnavailableResponseError,
    StreamStalledError,
    StreamTruncatedError,
    TooManyRequestsResponseError,
    UnauthorizedResponseError,
    UnexpectedClientError,
    UnprocessableEntityResponseError,
)

from .support import result_json

NOW = 1696004817.0
"""Fri, 29 Sep 2023 16:26:57 GMT."""

JUST_BELOW_ONE = math.nextafter(1.0, 0.0)

DEFAULT = RetryConfig()
UNCAPPED = RetryConfig(max_attempts=1000)
"""The default waits without the attempt cap, to look at late retries' waits."""


def delay(
    error: OpenRouterError,
    *,
    config: RetryConfig = DEFAULT,
    retry_number: int = 0,
    elapsed: float = 0.0,
    budget_left: float | None = None,
    jitter: float = 0.0,
) -> float | None:
    """retry_delay with the arguments a test does not care about filled in."""
    return retry_delay(
        error,
        config=config,
        retry_number=retry_number,
        elapsed=elapsed,
        budget_left=budget_left,
        jitter=jitter,
    )


def status_error(status: int, retry_after: float | None = None) -> ResponseError:
    return ResponseError(message="failed", status_code=status, retry_after=retry_after)


def generation_error(
    code: int | str | None = None,
    error_type: str | None = None,
    availability: dict[str, Any] | None = None,
) -> GenerationError:
    return GenerationError(
        message="failed",
        code=code,
        metadata={"error_type": error_type} if error_type else None,
        error={"availability": availability} if availability is not None else None,
    )


# --- what is retried -------------------------------------------------------------------

TRANSIENT = {408, 429, 500, 502, 503, 504, 524, 529}


@pytest.mark.parametrize("status", range(400, 600))
def test_only_transient_statuses_are_retried(status: int) -> None:
    """Of every 4XX/5XX status, only 408, 429, 500, 502, 503, 504, 524 and 529 are retried."""
    assert (status in TRANSIENT) == is_retryable(status_error(status), retry_connection_errors=True)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        pytest.param(BadRequestResponseError(message="m", status_code=400), False, id="400"),
        pytest.param(UnauthorizedResponseError(message="m", status_code=401), False, id="401"),
        pytest.param(PaymentRequiredResponseError(message="m", status_code=402), False, id="402"),
        pytest.param(ForbiddenResponseError(message="m", status_code=403), False, id="403"),
        pytest.param(NotFoundResponseError(message="m", status_code=404), False, id="404"),
        pytest.param(RequestTimeoutResponseError(message="m", status_code=408), True, id="408"),
        pytest.param(PayloadTooLargeResponseError(message="m", status_code=413), False, id="413"),
        pytest.param(
            UnprocessableEntityResponseError(message="m", status_code=422), False, id="422"
        ),
        pytest.param(TooManyRequestsResponseError(message="m", status_code=429), True, id="429"),
        pytest.param(InternalServerResponseError(message="m", status_code=500), True, id="500"),
        pytest.param(BadGatewayResponseError(message="m", status_code=502), True, id="502"),
        pytest.param(ServiceUnavailableResponseError(message="m", status_code=503), True, id="503"),
        pytest.param(OpenRouterDefaultError(message="m", status_code=504), True, id="504-default"),
        pytest.param(EdgeNetworkTimeoutResponseError(message="m", status_code=524), True, id="524"),
        pytest.param(ProviderOverloadedResponseError(message="m", status_code=529), True, id="529"),
        pytest.param(OpenRouterDefaultError(message="m", status_code=418), False, id="418-default"),
        pytest.param(OpenRouterDefaultError(message="m", status_code=599), False, id="599-default"),
    ],
)
def test_each_status_class_is_judged_by_its_status_code(
    error: ResponseError, expected: bool
) -> None:
    """The typed classes follow the status table; a 504 comes as the default class: retried."""
    assert expected == is_retryable(error, retry_connection_errors=True)


def test_payment_required_is_retried_only_with_retry_after() -> None:
    """A 402 with Retry-After (in-flight budget) waits as asked; without it, it is final."""
    with_wait = PaymentRequiredResponseError(message="m", status_code=402, retry_after=2.0)
    without = PaymentRequiredResponseError(message="m", status_code=402)
    assert (2.0, None) == (delay(with_wait), delay(without))


def test_retry_after_does_not_make_a_permanent_status_retryable() -> None:
    """A 400 or 401 carrying Retry-After is still not retried."""
    assert (None, None) == (delay(status_error(400, 1.0)), delay(status_error(401, 1.0)))


def test_server_saying_not_retryable_wins_over_a_transient_status() -> None:
    """availability.retryable false on a 503 means no retry."""
    error = ServiceUnavailableResponseError(
        message="m", status_code=503, error={"availability": {"retryable": False}}
    )
    assert None is delay(error)


@pytest.mark.parametrize("retry_connection_errors", [True, False], ids=["on", "off"])
@pytest.mark.parametrize(
    "error",
    [
        pytest.param(ConnectionFailedError(message="refused"), id="connection-failed"),
        pytest.param(RequestTimeoutError(message="read timeout"), id="request-timeout"),
    ],
)
def test_transport_failures_follow_retry_connection_errors(
    error: OpenRouterError, retry_connection_errors: bool
) -> None:
    """Connection failures and transport timeouts are retried exactly when configured."""
    config = RetryConfig(retry_connection_errors=retry_connection_errors)
    assert retry_connection_errors == (delay(error, config=config) is not None)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        pytest.param(
            StreamStalledError(message="m", phase="first_content", limit=1.0), True, id="stalled"
        ),
        pytest.param(RequestAbortedError(message="m"), False, id="aborted"),
        pytest.param(InvalidRequestError(message="m"), False, id="invalid-request"),
        pytest.param(UnexpectedClientError(message="m"), False, id="unexpected-client"),
        pytest.param(SDKValidationError(message="m"), False, id="sdk-validation"),
        pytest.param(ResponseValidationError(message="m"), False, id="response-validation"),
        pytest.param(StreamTruncatedError(message="m"), True, id="truncated-before-content"),
    ],
)
def test_other_errors_are_retried_only_when_a_new_attempt_can_help(
    error: OpenRouterError, expected: bool
) -> None:
    """A stall or an early end (asked only before content) is retried; aborts and caller or
    SDK faults never are."""
    assert expected == is_retryable(error, retry_connection_errors=True)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        pytest.param(generation_error(400, availability={"retryable": True}), True, id="true"),
        pytest.param(generation_error(503, availability={"retryable": False}), False, id="false"),
        pytest.param(generation_error(503, availability={"code": "x"}), True, id="none-503"),
        pytest.param(generation_error(429), True, id="int-429"),
        pytest.param(generation_error("502"), True, id="str-502"),
        pytest.param(generation_error(" 524 "), True, id="str-524-padded"),
        pytest.param(generation_error(400), False, id="int-400"),
        pytest.param(generation_error("invalid_prompt"), False, id="str-word"),
        pytest.param(generation_error("9" * 5000), False, id="str-huge-number"),
        pytest.param(generation_error(error_type="rate_limit_exceeded"), True, id="rate-limit"),
        pytest.param(generation_error(error_type="provider_overloaded"), True, id="overloaded"),
        pytest.param(generation_error(error_type="provider_unavailable"), True, id="unavailable"),
        pytest.param(generation_error(error_type="timeout"), True, id="timeout"),
        pytest.param(generation_error(error_type="server"), True, id="server"),
        pytest.param(generation_error(error_type="content_policy_violation"), False, id="policy"),
        pytest.param(generation_error(), False, id="nothing-known"),
    ],
)
def test_generation_error_follows_availability_then_code_then_error_type(
    error: GenerationError, expected: bool
) -> None:
    """availability.retryable decides when present; else a transient code or error_type does."""
    assert expected == is_retryable(error, retry_connection_errors=True)


def test_generation_error_waits_as_availability_retry_after_asks() -> None:
    """An in-band error has no headers, so availability.retry_after is the server's wait."""
    asked = generation_error(availability={"retryable": True, "retry_after": 4})
    too_long = generation_error(availability={"retryable": True, "retry_after": 60})
    unreadable = generation_error(429, availability={"retry_after": "soon"})
    assert (4.0, None, 0.25) == (delay(asked), delay(too_long), delay(unreadable))


# --- how long to wait ------------------------------------------------------------------


def test_defaults_are_for_interactive_use() -> None:
    """Retries are on with short waits and a half-minute budget; NO_RETRIES turns them off."""
    expected = RetryConfig(
        strategy="backoff",
        backoff=BackoffStrategy(
            initial_interval=0.5, max_interval=10.0, exponent=2.0, max_elapsed_time=30.0
        ),
        retry_connection_errors=True,
    )
    assert (expected, "none") == (RetryConfig(), NO_RETRIES.strategy)


def test_backoff_grows_exponentially_up_to_max_interval() -> None:
    """Each retry doubles the interval until max_interval clamps it."""
    backoff = BackoffStrategy()
    assert [0.5, 1.0, 2.0, 4.0, 8.0, 10.0, 10.0] == [backoff_interval(backoff, n) for n in range(7)]


def test_backoff_follows_a_fractional_exponent() -> None:
    """The exponent need not be an integer."""
    backoff = BackoffStrategy(initial_interval=1.0, max_interval=100.0, exponent=1.5)
    assert [1.0, 1.5, 2.25, 3.375] == [backoff_interval(backoff, n) for n in range(4)]


@pytest.mark.parametrize("retry_number", [10**8, 10**400], ids=["1e8", "1e400"])
@pytest.mark.parametrize("exponent", [2.0, 2, 1.000001], ids=["float", "int", "barely-above-1"])
def test_backoff_does_not_overflow_on_huge_retry_numbers(
    exponent: float, retry_number: int
) -> None:
    """Huge retry numbers give max_interval quickly, never OverflowError (cf. stamina b09d541)."""
    backoff = BackoffStrategy(exponent=exponent)
    assert 10.0 == backoff_interval(backoff, retry_number)


def test_backoff_stays_flat_with_exponent_one_or_no_initial_interval() -> None:
    """Exponent 1 keeps initial_interval, and initial_interval 0 never waits, at any retry."""
    flat = BackoffStrategy(initial_interval=3.0, exponent=1.0)
    none = BackoffStrategy(initial_interval=0.0)
    assert (3.0, 0.0) == (backoff_interval(flat, 10**400), backoff_interval(none, 10**400))


@pytest.mark.parametrize(("jitter", "expected"), [(0.0, 2.0), (0.5, 3.0)], ids=["zero", "half"])
def test_jitter_spreads_the_wait_over_the_upper_half_of_the_interval(
    jitter: float, expected: float
) -> None:
    """Equal jitter: interval * (0.5 + jitter / 2); the fourth retry's interval is 4 s."""
    assert expected == delay(status_error(503), config=UNCAPPED, retry_number=3, jitter=jitter)


def test_jitter_just_below_one_waits_at_most_the_interval() -> None:
    """The largest jitter waits about the whole interval and never more."""
    actual = delay(status_error(503), config=UNCAPPED, retry_number=3, jitter=JUST_BELOW_ONE)
    assert actual is not None
    assert 3.999 < actual <= 4.0


def test_retry_after_is_a_floor_under_the_backoff() -> None:
    """The server's wait replaces a shorter backoff (3 s over 0.25 s), never a longer one
    (the tenth retry's 9.5 s): max(server wait, backoff)."""
    error = status_error(429, retry_after=3.0)
    waits = [delay(error), delay(error, config=UNCAPPED, retry_number=9, jitter=0.9)]
    assert [3.0, 9.5] == waits


@pytest.mark.parametrize(
    "error",
    [
        pytest.param(status_error(429, retry_after=0.0), id="retry-after-0"),
        pytest.param(status_error(503, retry_after=0.0), id="503-retry-after-0"),
        pytest.param(
            generation_error(availability={"retryable": True, "retry_after": 0}), id="in-band-0"
        ),
    ],
)
def test_a_server_wait_of_zero_still_waits_the_backoff(error: OpenRouterError) -> None:
    """Retry-After: 0 (or a date already past) cannot make a tight loop: each wait is at
    least the policy's own, growing backoff."""
    waits = [delay(error, retry_number=n, jitter=0.0) for n in range(3)]
    assert [0.25, 0.5, 1.0] == waits


def test_max_attempts_caps_the_attempts_whatever_the_budget() -> None:
    """Four attempts in all by default: a wait after the first three, none after the fourth."""
    waits = [delay(status_error(503), retry_number=n) for n in range(5)]
    assert [0.25, 0.5, 1.0, None, None] == waits
    assert None is delay(status_error(503), config=RetryConfig(max_attempts=1))


@pytest.mark.parametrize("value", [0, -1, 1.5, True, "4"])
def test_max_attempts_must_be_a_positive_int(value: Any) -> None:
    """An attempt count that cannot be counted fails at construction, naming the option."""
    with pytest.raises(ValueError, match="max_attempts"):
        RetryConfig(max_attempts=value)


def test_a_generation_that_produced_content_is_never_run_again() -> None:
    """A 200 whose choice ended in error after partial content was generated (and billed):
    even a retryable code does not send the question again."""
    error = attrs.evolve(generation_error(503), partial_content="Paris is")
    assert (None, 0.25) == (delay(error), delay(generation_error(503)))


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        pytest.param({"content": ""}, 0.25, id="nothing-generated"),
        pytest.param({"content": "Par"}, None, id="text"),
        pytest.param({"content": None, "reasoning": "Let me think"}, None, id="reasoning"),
        pytest.param(
            {
                "content": None,
                "tool_calls": [
                    {"id": "c1", "type": "function", "function": {"name": "f", "arguments": "{}"}}
                ],
            },
            None,
            id="tool-call",
        ),
    ],
)
def test_a_failed_choice_is_retried_only_when_it_generated_nothing(
    message: dict[str, Any], expected: float | None
) -> None:
    """A 200 whose choice ended with finish_reason "error" (code 502): retried when the
    choice is empty, never once it carries text, reasoning or a tool call."""
    body = result_json()
    body["choices"][0] |= {
        "finish_reason": "error",
        "error": {"code": 502, "message": "provider dropped"},
        "message": {"role": "assistant"} | message,
    }
    error = read_success_body(200, httpx.Headers(), json.dumps(body).encode()).failure()
    assert isinstance(error, GenerationError)
    assert expected == delay(error)


@pytest.mark.parametrize("idempotent", [False, True], ids=["post", "idempotent"])
@pytest.mark.parametrize(
    "error",
    [
        pytest.param(ConnectionFailedError(message="m", may_have_been_processed=True), id="reset"),
        pytest.param(RequestTimeoutError(message="m", may_have_been_processed=True), id="timeout"),
    ],
)
def test_a_request_that_may_have_been_processed_is_resent_only_when_idempotent(
    error: OpenRouterError, idempotent: bool
) -> None:
    """A POST that may have reached the server is not sent twice; a GET may be."""
    actual = retry_delay(
        error,
        config=DEFAULT,
        retry_number=0,
        elapsed=0,
        budget_left=None,
        jitter=0,
        idempotent=idempotent,
    )
    assert (actual is not None) == idempotent


@pytest.mark.parametrize("huge", [10**400, 10**309, 2**1100, 1e308])
def test_a_huge_wait_from_the_wire_is_bounded_not_overflowed(huge: float) -> None:
    """availability.retry_after of any size gives up (above max_interval), never raises."""
    in_band = generation_error(availability={"retryable": True, "retry_after": huge})
    assert None is delay(in_band)
    assert WIRE_SECONDS_MAX == wire_seconds(huge)


@pytest.mark.parametrize(
    ("retry_after", "expected"),
    [(0.0, 0.25), (10.0, 10.0), (10.001, None), (3600.0, None)],
    ids=["zero", "at-cap", "just-above-cap", "an-hour"],
)
def test_retry_after_above_max_interval_gives_up_at_once(
    retry_after: float, expected: float | None
) -> None:
    """A wait up to max_interval is honoured; a longer one returns the error to the caller."""
    assert expected == delay(status_error(429, retry_after=retry_after))


@pytest.mark.parametrize(
    ("elapsed", "expected"),
    [(29.75, 0.25), (29.76, None), (40.0, None)],
    ids=["ends-on-budget", "ends-past-budget", "budget-spent"],
)
def test_no_retry_whose_wait_ends_past_max_elapsed_time(
    elapsed: float, expected: float | None
) -> None:
    """The elapsed-time budget covers every attempt and wait of the call."""
    assert expected == delay(status_error(503), elapsed=elapsed)


def test_retry_after_does_not_overrun_max_elapsed_time() -> None:
    """Unlike the TypeScript SDK, a server wait is bounded by the budget too."""
    assert None is delay(status_error(429, retry_after=5.0), elapsed=26.0)


@pytest.mark.parametrize(
    ("budget_left", "expected"),
    [(None, 0.25), (0.3, 0.25), (0.25, None), (0.0, None), (-1.0, None)],
    ids=["no-deadline", "room-left", "exactly-used-up", "spent", "overrun"],
)
def test_no_wait_uses_up_the_deadline(budget_left: float | None, expected: float | None) -> None:
    """A wait must leave time for the attempt before the call's total deadline."""
    assert expected == delay(status_error(503), budget_left=budget_left)


def test_retry_after_longer_than_the_deadline_gives_up() -> None:
    """A server wait that would outlast the call's deadline is not slept."""
    assert None is delay(status_error(429, retry_after=3.0), budget_left=2.0)


def test_strategy_none_never_retries() -> None:
    """NO_RETRIES gives up on anything, even an error whose server asked for a short wait."""
    errors = [status_error(503), status_error(429, 1.0), ConnectionFailedError(message="m")]
    assert [None, None, None] == [delay(error, config=NO_RETRIES) for error in errors]


@pytest.mark.parametrize(
    "kwargs",
    [
        pytest.param({"initial_interval": -0.1}, id="negative"),
        pytest.param({"max_interval": math.inf}, id="infinite"),
        pytest.param({"max_elapsed_time": math.nan}, id="nan"),
        pytest.param({"exponent": 0.5}, id="shrinking"),
        pytest.param({"exponent": math.inf}, id="infinite-exponent"),
    ],
)
def test_backoff_strategy_rejects_values_that_cannot_be_waited(kwargs: dict[str, float]) -> None:
    """Durations must be finite and non-negative, and the exponent at least 1."""
    with pytest.raises(ValueError):
        BackoffStrategy(**kwargs)


def test_retry_config_rejects_an_unknown_strategy() -> None:
    """A misspelt strategy fails at construction, not silently at the first failure."""
    with pytest.raises(ValueError):
        RetryConfig(strategy="never")  # type: ignore[arg-type]


# --- the server's requested wait -------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        pytest.param({}, None, id="absent"),
        pytest.param({"Retry-After": "0"}, 0.0, id="zero"),
        pytest.param({"Retry-After": "60"}, 60.0, id="seconds"),
        pytest.param({"Retry-After": " 7 "}, 7.0, id="padded"),
        pytest.param({"Retry-After": "\t7"}, 7.0, id="tab-padded"),
        pytest.param({"Retry-After": "0\x1f"}, None, id="control-character"),
        pytest.param({"Retry-After": "1.5"}, 1.5, id="decimal"),
        pytest.param({"Retry-After": "-10"}, None, id="negative"),
        pytest.param({"Retry-After": ""}, None, id="empty"),
        pytest.param({"Retry-After": "soon"}, None, id="junk"),
        pytest.param({"Retry-After": "nan"}, None, id="nan"),
        pytest.param({"Retry-After": "inf"}, None, id="inf"),
        pytest.param({"Retry-After": "1e3"}, None, id="exponent"),
        pytest.param({"Retry-After": "1_000"}, None, id="underscore"),
        pytest.param({"Retry-After": "0x10"}, None, id="hex"),
        pytest.param({"Retry-After": "²"}, None, id="superscript"),
        pytest.param({"Retry-After": "\u0661\u0662"}, None, id="arabic-indic-digits"),
        pytest.param({"Retry-After": "9" * 400}, None, id="float-overflow"),
        pytest.param({"Retry-After": "9" * 5000}, None, id="past-int-digit-limit"),
        pytest.param({"Retry-After": "Fri, 29 Sep 2023 16:27:17 GMT"}, 20.0, id="date-ahead"),
        pytest.param({"Retry-After": "Fri, 29 Sep 2023 16:26:57 GMT"}, 0.0, id="date-now"),
        pytest.param({"Retry-After": "Fri, 29 Sep 2023 16:26:37 GMT"}, 0.0, id="date-past"),
        pytest.param({"Retry-After": "Fri, 29 Sep 2023 16:27:17 -0000"}, 20.0, id="date-minus-0"),
        pytest.param({"Retry-After": "Fri, 29 Sep 2023 17:27:17 +0100"}, 20.0, id="date-offset"),
        pytest.param({"Retry-After": "Friday, 29-Sep-23 16:27:17 GMT"}, 20.0, id="date-rfc850"),
        pytest.param({"Retry-After": "Fri Sep 29 16:27:17 2023"}, 20.0, id="date-asctime"),
        pytest.param({"Retry-After": "Fri, 32 Sep 2023 16:27:17 GMT"}, None, id="date-bad-day"),
        pytest.param({"Retry-After": "Fri, 29 Sep 99999 16:27:17 GMT"}, None, id="date-bad-year"),
        pytest.param({"Retry-After": "Fri, 29 Sep 2023 16:27:17 +9999"}, None, id="date-bad-zone"),
        pytest.param({"retry-after-ms": "200"}, 0.2, id="ms"),
        pytest.param({"retry-after-ms": "1.5"}, 0.0015, id="ms-decimal"),
        pytest.param({"retry-after-ms": "200", "Retry-After": "2"}, 0.2, id="ms-wins"),
        pytest.param({"retry-after-ms": "0", "Retry-After": "2"}, 2.0, id="ms-zero-falls-back"),
        pytest.param({"retry-after-ms": "-5", "Retry-After": "2"}, 2.0, id="ms-negative"),
        pytest.param({"retry-after-ms": "inf", "Retry-After": "2"}, 2.0, id="ms-inf"),
        pytest.param({"retry-after-ms": "9" * 400, "Retry-After": "2"}, 2.0, id="ms-overflow"),
        pytest.param({"retry-after-ms": "soon"}, None, id="ms-junk-alone"),
        pytest.param({"RETRY-AFTER": "3"}, 3.0, id="upper-case"),
        pytest.param({"Retry-After-Ms": "300"}, 0.3, id="ms-mixed-case"),
    ],
)
def test_retry_after_header_table(headers: dict[str, str], expected: float | None) -> None:
    """retry-after-ms first, then Retry-After as seconds or an HTTP date counted from now."""
    assert expected == retry_after_seconds(headers, NOW)


def test_retry_after_reads_httpx_headers() -> None:
    """httpx.Headers, as the shell has them, work like a dict."""
    headers = httpx.Headers([("Retry-After-MS", "1500"), ("content-type", "application/json")])
    assert 1.5 == retry_after_seconds(headers, NOW)


# --- properties ------------------------------------------------------------------------

ERRORS = st.one_of(
    st.builds(
        status_error,
        st.sampled_from([402, 408, 429, 500, 503, 504, 524, 529, 400]),
        st.none() | st.floats(0, 1e6),
    ),
    st.builds(
        generation_error,
        st.none() | st.integers(0, 999) | st.text(max_size=5),
        st.none() | st.sampled_from(["server", "timeout", "refusal"]),
        st.none()
        | st.fixed_dictionaries(
            {},
            optional={
                "retryable": st.none() | st.booleans(),
                "retry_after": st.none()
                | st.floats(allow_nan=True)
                | st.integers()
                | st.integers(10**308, 10**400),
            },
        ),
    ),
    st.just(ConnectionFailedError(message="m")),
    st.just(StreamStalledError(message="m", phase="idle", limit=1.0)),
)

DURATIONS = st.floats(0, 1e6)


@given(
    error=ERRORS,
    config=st.builds(
        RetryConfig,
        strategy=st.sampled_from(["backoff", "none"]),
        backoff=st.builds(
            BackoffStrategy,
            initial_interval=DURATIONS,
            max_interval=DURATIONS,
            exponent=st.floats(1, 100),
            max_elapsed_time=DURATIONS,
        ),
    ),
    retry_number=st.integers(0, 10**6) | st.integers(0, 10**400),
    elapsed=DURATIONS,
    budget_left=st.none() | st.floats(-10, 1e6),
    jitter=st.floats(0, 1, exclude_max=True),
)
def test_delay_is_none_or_within_every_bound(
    *,
    error: OpenRouterError,
    config: RetryConfig,
    retry_number: int,
    elapsed: float,
    budget_left: float | None,
    jitter: float,
) -> None:
    """Any delay is in [0, min(max_interval, budget_left)) and ends within max_elapsed_time."""
    actual = delay(
        error,
        config=config,
        retry_number=retry_number,
        elapsed=elapsed,
        budget_left=budget_left,
        jitter=jitter,
    )
    if actual is not None:
        assert 0 <= actual <= config.backoff.max_interval
        assert budget_left is None or actual < budget_left
        assert elapsed + actual <= config.backoff.max_elapsed_time


@given(
    headers=st.dictionaries(
        st.sampled_from(["Retry-After", "retry-after-ms", "RETRY-AFTER"]), st.text()
    ),
    now=st.floats(0, 4e9),
)
def test_retry_after_never_raises_and_is_none_or_finite(
    headers: dict[str, str], now: float
) -> None:
    """Arbitrary header text gives None or a finite wait of at least 0."""
    actual = retry_after_seconds(headers, now)
    assert actual is None or (math.isfinite(actual) and actual >= 0)
