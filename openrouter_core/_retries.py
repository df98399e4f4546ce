"""The retry policy: whether a failed attempt is retried, and after how long.

Pure: the shell passes in the clock (``now``, ``elapsed``, ``budget_left``) and the randomness
(``jitter``), and does the sleeping. The policy, in short:

- Retried: HTTP 408, 429, 500, 502, 503, 504, 524, 529; a 402 only with ``Retry-After``;
  connection failures and timeouts when ``retry_connection_errors``; a stall or an in-band
  generation error that the server marks retryable (the shell asks only before any content).
  Never when the server says ``availability.retryable: false``, and never anything else.
- The wait is the server's ``retry-after-ms`` / ``Retry-After`` when given, else exponential
  backoff with equal jitter. A server wait above ``max_interval`` gives up at once (the error
  carries ``retry_after`` for the caller to decide), and no wait may overrun the elapsed-time
  budget or the call's deadline.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import UTC
from typing import Any, Literal

import attrs

from .errors import (
    ConnectionFailedError,
    GenerationError,
    OpenRouterError,
    RequestTimeoutError,
    ResponseError,
    StreamStalledError,
)

__all__ = ["NO_RETRIES", "BackoffStrategy", "RetryConfig"]

RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504, 524, 529})
"""HTTP statuses worth another attempt: timeouts, rate limits and server-side failures."""

_RETRYABLE_CODES = frozenset(str(status) for status in RETRYABLE_STATUSES)
"""The same, as an in-band ``error.code`` may spell them (never ``int()``: a huge string raises)."""

_RETRYABLE_ERROR_TYPES = frozenset(
    {"rate_limit_exceeded", "provider_overloaded", "provider_unavailable", "timeout", "server"}
)
"""``metadata.error_type`` values of the transient statuses (429, 503, 502, 504, 500)."""

_DECIMAL = re.compile(r"[0-9]+(?:\.[0-9]+)?")
"""A non-negative number in ASCII digits (``float()`` also takes ``1_0``, ``inf``, ``nan``)."""


def _non_negative_finite(_: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not (math.isfinite(value) and value >= 0):
        raise ValueError(f"{attribute.name} must be a finite number >= 0, got {value!r}")


def _at_least_one(_: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not (math.isfinite(value) and value >= 1):
        raise ValueError(f"{attribute.name} must be a finite number >= 1, got {value!r}")


@attrs.frozen(kw_only=True)
class BackoffStrategy:
    """How long to wait between attempts, in seconds.

    The defaults suit a person waiting for a reply; the TypeScript SDK's (0.5 s, 60 s, 1.5,
    one hour) keep a call retrying a persistent 503 for an hour.

    Args:
        initial_interval: The base wait before the first retry (0.5 s). A provider blip or a
            dropped connection usually clears within a second, and OpenRouter has already
            failed over between providers, so the first retry can come quickly.
        max_interval: The longest wait (10 s), and also the longest ``Retry-After`` honoured:
            a server asking for more (a free model's 429 window can be a minute) gets the
            error back at once, with ``retry_after`` set, instead of a call that looks hung.
        exponent: Growth per retry (2): 0.5, 1, 2, 4, 8, then 10 s, so a failing server is
            not hammered and the cap is reached in five steps.
        max_elapsed_time: The budget for the whole call, attempts and waits included (30 s):
            no retry starts whose wait would end past it, so a persistent outage surfaces as
            an error within about half a minute.
    """

    initial_interval: float = attrs.field(default=0.5, validator=_non_negative_finite)
    max_interval: float = attrs.field(default=10.0, validator=_non_negative_finite)
    exponent: float = attrs.field(default=2.0, validator=_at_least_one)
    max_elapsed_time: float = attrs.field(default=30.0, validator=_non_negative_finite)


@attrs.frozen(kw_only=True)
class RetryConfig:
    """Whether and how a call retries; set on the core and overridable per call.

    Args:
        strategy: ``"backoff"`` retries what the policy deems retryable; ``"none"`` makes
            exactly one attempt (for callers with their own retry layer: stacked layers
            multiply attempts).
        backoff: The waits and the elapsed-time budget.
        retry_connection_errors: Also retry connection failures and transport timeouts.
            On by default: a chat request that never reached the server cannot have been
            billed.
    """

    strategy: Literal["backoff", "none"] = attrs.field(
        default="backoff", validator=attrs.validators.in_(("backoff", "none"))
    )
    backoff: BackoffStrategy = attrs.field(
        factory=BackoffStrategy, validator=attrs.validators.instance_of(BackoffStrategy)
    )
    retry_connection_errors: bool = True


NO_RETRIES = RetryConfig(strategy="none")
"""One attempt, whatever fails."""


def retry_after_seconds(headers: Mapping[str, str], now: float) -> float | None:
    """The server's requested wait in seconds, or None when it asks for none we can read.

    ``retry-after-ms`` wins when it is a finite number above 0 (OpenRouter and the other
    SDKs send it for sub-second waits); then ``Retry-After`` as seconds (integer or decimal)
    or as an HTTP date, which counts from ``now`` (epoch seconds) and is 0 once past.
    Negative, non-ASCII, infinite or unparsable values give None. Header names match in any
    case, so plain dicts work as well as ``httpx.Headers``.
    """
    lowered = {name.lower(): value for name, value in headers.items()}
    millis = _decimal(lowered.get("retry-after-ms"))
    if millis is not None and millis > 0:
        return millis / 1000
    value = lowered.get("retry-after")
    if value is None:
        return None
    seconds = _decimal(value)
    if seconds is not None:
        return seconds
    from email.utils import parsedate_to_datetime  # deferred: rare, and costly to import

    try:
        when = parsedate_to_datetime(value.strip())
    except (ValueError, TypeError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:  # "-0000" or asctime form: HTTP dates are always GMT
        when = when.replace(tzinfo=UTC)
    wait = when.timestamp() - now
    return max(0.0, wait) if math.isfinite(wait) else None


def _decimal(value: str | None) -> float | None:
    match = _DECIMAL.fullmatch(value.strip(" \t")) if value is not None else None  # HTTP's OWS
    if match is None:
        return None
    number = float(match.group())  # a few hundred digits already overflow to inf
    return number if math.isfinite(number) else None


def is_retryable(error: OpenRouterError, *, retry_connection_errors: bool) -> bool:
    """Whether another attempt could succeed where this one failed.

    Decided on the value, not the class: the status code for HTTP errors (a 504 arrives as
    ``OpenRouterDefaultError``), the server's ``availability.retryable`` when present.
    A 402 is retried only with ``Retry-After`` (OpenRouter's in-flight budget); without it
    the account is out of credits and retrying only burns attempts.
    """
    if isinstance(error, ResponseError):
        if _availability(error.error).get("retryable") is False:
            return False
        if error.status_code == 402:
            return error.retry_after is not None
        return error.status_code in RETRYABLE_STATUSES
    if isinstance(error, GenerationError):
        if error.retryable is not None:
            return error.retryable
        return _is_transient_code(error.code) or error.error_type in _RETRYABLE_ERROR_TYPES
    if isinstance(error, ConnectionFailedError | RequestTimeoutError):
        return retry_connection_errors
    return isinstance(error, StreamStalledError)


def _availability(error: Mapping[str, Any] | None) -> Mapping[str, Any]:
    availability = (error or {}).get("availability")
    return availability if isinstance(availability, Mapping) else {}


def _is_transient_code(code: int | str | None) -> bool:
    if isinstance(code, str):
        return code.strip() in _RETRYABLE_CODES
    return isinstance(code, int) and not isinstance(code, bool) and code in RETRYABLE_STATUSES


def _server_wait(error: OpenRouterError) -> float | None:
    """The wait the server asked for: ``Retry-After``, or ``availability.retry_after`` in a body."""
    if isinstance(error, ResponseError):
        return error.retry_after
    if isinstance(error, GenerationError):
        wait = _availability(error.error).get("retry_after")
        if isinstance(wait, int | float) and not isinstance(wait, bool):
            return float(wait) if math.isfinite(wait) and wait >= 0 else None
    return None


def backoff_interval(backoff: BackoffStrategy, retry_number: int) -> float:
    """The un-jittered wait before retry ``retry_number`` (0 for the first retry).

    ``min(max_interval, initial_interval * exponent ** retry_number)``; a retry number large
    enough to overflow a float is simply at the cap.
    """
    if backoff.initial_interval == 0 or backoff.exponent == 1:
        return min(backoff.max_interval, backoff.initial_interval)
    try:
        # float(): an int exponent would compute an exact integer power, for ever on huge numbers
        grown = backoff.initial_interval * float(backoff.exponent) ** retry_number
    except OverflowError:  # past float range, so long past the cap (exponent > 1 here)
        return backoff.max_interval
    return min(backoff.max_interval, grown)


def retry_delay(
    error: OpenRouterError,
    *,
    config: RetryConfig,
    retry_number: int,
    elapsed: float,
    budget_left: float | None,
    jitter: float,
) -> float | None:
    """The seconds to sleep before the next attempt, or None to give up and return ``error``.

    Args:
        error: What the attempt just failed with.
        config: The call's retry configuration.
        retry_number: How many retries came before this one (0 after the first attempt).
        elapsed: Seconds since the first attempt started.
        budget_left: Seconds left before the call's total deadline, None if it has none.
        jitter: A random number in [0, 1).

    Without a server wait the delay is "equal jitter" over the exponential backoff,
    ``backoff_interval(...) * (0.5 + jitter / 2)``: at least half the interval so waits still
    grow, spread over the other half so clients that failed together do not retry together.
    A server wait is taken as given, but above ``max_interval`` it means give up. Either way
    the call gives up when the wait would end past ``max_elapsed_time`` or would use up the
    rest of the deadline (an attempt with no time left can only time out).
    """
    if config.strategy == "none":
        return None
    if not is_retryable(error, retry_connection_errors=config.retry_connection_errors):
        return None
    backoff = config.backoff
    delay = _server_wait(error)
    if delay is None:
        delay = backoff_interval(backoff, retry_number) * (0.5 + jitter / 2)
    elif delay > backoff.max_interval:
        return None
    if elapsed + delay > backoff.max_elapsed_time:
        return None
    if budget_left is not None and delay >= budget_left:
        return None
    return delay
