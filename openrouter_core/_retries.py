"""The retry policy: whether a failed attempt is retried, and after how long.

Pure: the shell passes in the clock (``now``, ``elapsed``, ``budget_left``) and the randomness
(``jitter``), and does the sleeping. The policy, in short:

- Retried: HTTP 408, 429, 500, 502, 503, 504, 524, 529; a 402 only with ``Retry-After``;
  connection failures and timeouts when ``retry_connection_errors`` and the request cannot
  have been processed (``may_have_been_processed`` false: never sent, or sent on a kept-alive
  connection the server had already closed), or for any transport failure of an idempotent
  request; a stall or an in-band generation error that the server marks retryable, unless
  the generation already produced content. Never when the server says
  ``availability.retryable: false``, and never anything else.
- The wait is exponential backoff with equal jitter, or the server's ``retry-after-ms`` /
  ``Retry-After`` when that is longer (a server saying 0 does not make the client hammer).
  A server wait above ``max_interval`` gives up at once (the error carries ``retry_after``
  for the caller to decide). At most ``max_attempts`` attempts, and no wait may overrun the
  elapsed-time budget or the call's deadline.

The settings it reads (``RetryConfig``, ``BackoffStrategy``) live in ``_retry_config``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import UTC
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from openrouter_core._retry_config import BackoffStrategy, RetryConfig

    # Imported where an error is matched: a call that succeeds creates no error class (each
    # is an attrs class, compiled when created; issue 16, cold start).
    from .errors import GenerationError, OpenRouterError

RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504, 524, 529})
"""HTTP statuses worth another attempt: timeouts, rate limits and server-side failures."""

_RETRYABLE_CODES = frozenset(str(status) for status in RETRYABLE_STATUSES)
"""The same, as an in-band ``error.code`` may spell them (never ``int()``: a huge string raises)."""

_RETRYABLE_ERROR_TYPES = frozenset(
    {"rate_limit_exceeded", "provider_overloaded", "provider_unavailable", "timeout", "server"}
)
"""``metadata.error_type`` values of the transient statuses (429, 503, 502, 504, 500)."""

WIRE_SECONDS_MAX = 1e9
"""The largest wait read from the wire that is kept as a number (about 31 years): anything
above is "far too long" all the same, and bounding it first keeps arithmetic from overflowing."""

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
"""Methods whose repetition does no harm (RFC 9110): re-sent after any transport failure."""

_DECIMAL = re.compile(r"[0-9]+(?:\.[0-9]+)?")
"""A non-negative number in ASCII digits (``float()`` also takes ``1_0``, ``inf``, ``nan``)."""


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
    return min(max(0.0, wait), WIRE_SECONDS_MAX) if math.isfinite(wait) else None


def _decimal(value: str | None) -> float | None:
    match = _DECIMAL.fullmatch(value.strip(" \t")) if value is not None else None  # HTTP's OWS
    if match is None:
        return None
    number = float(match.group())  # a few hundred digits already overflow to inf
    return min(number, WIRE_SECONDS_MAX) if math.isfinite(number) else None


def is_retryable(
    error: OpenRouterError, *, retry_connection_errors: bool, idempotent: bool = False
) -> bool:
    """Whether another attempt could succeed where this one failed, without doing harm.

    Decided on the value, not the class: the status code for HTTP errors (a 504 arrives as
    ``OpenRouterDefaultError``), the server's ``availability.retryable`` when present.
    A 402 is retried only with ``Retry-After`` (OpenRouter's in-flight budget); without it
    the account is out of credits and retrying only burns attempts. A generation that
    produced content is the answer (it was billed): never run again. A transport failure is
    retried only when the request cannot have been processed, or is ``idempotent``.
    """
    from .errors import (
        ConnectionFailedError,
        GenerationError,
        RequestTimeoutError,
        ResponseError,
        StreamStalledError,
        StreamTruncatedError,
    )

    if isinstance(error, ResponseError):
        if _availability(error.error).get("retryable") is False:
            return False
        if error.status_code == 402:
            return error.retry_after is not None
        return error.status_code in RETRYABLE_STATUSES
    if isinstance(error, GenerationError):
        if produced_content(error):
            return False
        if error.retryable is not None:
            return error.retryable
        return _is_transient_code(error.code) or error.error_type in _RETRYABLE_ERROR_TYPES
    if isinstance(error, ConnectionFailedError | RequestTimeoutError):
        return retry_connection_errors and (idempotent or not error.may_have_been_processed)
    # Only a stream's attempt gives these, and only before its first content.
    return isinstance(error, StreamStalledError | StreamTruncatedError)


_CONTENT_FIELDS = (
    "content",
    "reasoning",
    "reasoning_details",
    "refusal",
    "tool_calls",
    "images",
    "audio",
)
"""What a generated message may carry: any of it means the generation ran (and was billed)."""


def produced_content(error: GenerationError) -> bool:
    """Whether the failed generation had already produced something: text, reasoning, a
    tool call... (in ``partial_content`` or in any choice of ``partial_result``)."""
    if error.partial_content:
        return True
    choices = getattr(error.partial_result, "choices", None) or ()
    return any(
        getattr(getattr(choice, "message", None), field, None)
        for choice in choices
        for field in _CONTENT_FIELDS
    )


def _availability(error: Mapping[str, Any] | None) -> Mapping[str, Any]:
    availability = (error or {}).get("availability")
    return availability if isinstance(availability, Mapping) else {}


def _is_transient_code(code: int | str | None) -> bool:
    if isinstance(code, str):
        return code.strip() in _RETRYABLE_CODES
    return isinstance(code, int) and not isinstance(code, bool) and code in RETRYABLE_STATUSES


def _server_wait(error: OpenRouterError) -> float | None:
    """The wait the server asked for: ``Retry-After``, or ``availability.retry_after`` in a body."""
    from .errors import GenerationError, ResponseError

    if isinstance(error, ResponseError):
        return error.retry_after
    if isinstance(error, GenerationError):
        return wire_seconds(_availability(error.error).get("retry_after"))
    return None


def wire_seconds(value: object) -> float | None:
    """A JSON number of seconds from the wire, bounded before any arithmetic, or None.

    Negative, non-finite and non-numbers give None; anything above ``WIRE_SECONDS_MAX``
    (a huge integer would overflow ``float()``) is that maximum.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value < 0:
        return None
    return float(min(value, WIRE_SECONDS_MAX))  # int vs float compares exactly, never overflows


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
    config: RetryConfig | None,
    retry_number: int,
    elapsed: float,
    budget_left: float | None,
    jitter: float,
    idempotent: bool = False,
) -> float | None:
    """The seconds to sleep before the next attempt, or None to give up and return ``error``.

    Args:
        error: What the attempt just failed with.
        config: The call's retry configuration; ``None`` for the default
            (``DEFAULT_RETRIES``), made only now that an attempt has failed.
        retry_number: How many retries came before this one (0 after the first attempt).
        elapsed: Seconds since the first attempt started.
        budget_left: Seconds left before the call's total deadline, None if it has none.
        jitter: A random number in [0, 1).
        idempotent: The request may be repeated without harm (a GET).

    The policy's own delay is "equal jitter" over the exponential backoff,
    ``backoff_interval(...) * (0.5 + jitter / 2)``: at least half the interval so waits still
    grow, spread over the other half so clients that failed together do not retry together.
    A server wait replaces it only when longer (``Retry-After: 0`` must not become a tight
    loop), and above ``max_interval`` it means give up. Either way the call gives up after
    ``max_attempts`` attempts, when the wait would end past ``max_elapsed_time``, or when it
    would use up the rest of the deadline (an attempt with no time left can only time out).
    """
    if config is None:
        from openrouter_core._retry_config import DEFAULT_RETRIES

        config = DEFAULT_RETRIES
    if config.strategy == "none" or retry_number + 1 >= config.max_attempts:
        return None
    retryable = is_retryable(
        error, retry_connection_errors=config.retry_connection_errors, idempotent=idempotent
    )
    if not retryable:
        return None
    backoff = config.backoff
    delay = backoff_interval(backoff, retry_number) * (0.5 + jitter / 2)
    server = _server_wait(error)
    if server is not None:
        if server > backoff.max_interval:
            return None
        delay = max(delay, server)
    if elapsed + delay > backoff.max_elapsed_time:
        return None
    if budget_left is not None and delay >= budget_left:
        return None
    return delay
