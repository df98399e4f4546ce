"""The retry settings: ``RetryConfig`` and its ``BackoffStrategy``, set on the core or per call.

Apart from the policy that reads them (``_retries``): attrs creates these classes when this
module is imported, which a process pays only when it makes one, reads a core's
``retry_config``, or has an attempt fail (issue 16, cold start). A core given none stands
for ``DEFAULT_RETRIES``, the classes' defaults: the only place the default policy is written.
"""

from __future__ import annotations

import math
from typing import Literal

import attrs

from openrouter_core._values import Value

__all__ = ["NO_RETRIES", "BackoffStrategy", "RetryConfig"]


def _positive_int(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{attribute.name} must be an int >= 1, got {value!r}")


def _non_negative_finite(_: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not (math.isfinite(value) and value >= 0):
        raise ValueError(f"{attribute.name} must be a finite number >= 0, got {value!r}")


def _at_least_one(_: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not (math.isfinite(value) and value >= 1):
        raise ValueError(f"{attribute.name} must be a finite number >= 1, got {value!r}")


@attrs.frozen(kw_only=True, eq=False, repr=False)
class BackoffStrategy(Value):
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


@attrs.frozen(kw_only=True, eq=False, repr=False)
class RetryConfig(Value):
    """Whether and how a call retries; set on the core and overridable per call.

    Args:
        strategy: ``"backoff"`` retries what the policy deems retryable; ``"none"`` makes
            exactly one attempt (for callers with their own retry layer: stacked layers
            multiply attempts).
        backoff: The waits and the elapsed-time budget.
        retry_connection_errors: Also retry connection failures and transport timeouts
            of a request that cannot have been processed (the error's
            ``may_have_been_processed`` is false): it never left this machine, or went out on
            a kept-alive connection the server had already closed. On by default: a request
            that never reached the server was not billed. A POST that may have reached the
            server is never sent again.
        max_attempts: The most attempts in all, the first included (4): with the elapsed
            budget, whichever ends first ends the retries.
    """

    strategy: Literal["backoff", "none"] = attrs.field(
        default="backoff", validator=attrs.validators.in_(("backoff", "none"))
    )
    backoff: BackoffStrategy = attrs.field(
        factory=BackoffStrategy, validator=attrs.validators.instance_of(BackoffStrategy)
    )
    retry_connection_errors: bool = True
    max_attempts: int = attrs.field(default=4, validator=_positive_int)


NO_RETRIES = RetryConfig(strategy="none")
"""One attempt, whatever fails."""

DEFAULT_RETRIES = RetryConfig()
"""The policy of a core given no ``retry_config``, and of its calls given no ``retries``."""
