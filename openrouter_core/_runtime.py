"""Time, randomness and sleeping, injected so retries and watchdogs test without waiting."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import attrs

from openrouter_core._clocks import SYSTEM as _SYSTEM_CLOCKS
from openrouter_core._values import Value

__all__ = ["Runtime"]


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Runtime(Value):
    """The clocks and sleepers the shell uses.

    ``monotonic`` measures elapsed time, ``wall`` (epoch seconds) resolves HTTP-date
    ``Retry-After`` headers, ``jitter`` returns a float in [0, 1). ``sleep`` / ``asleep``
    must let ``KeyboardInterrupt`` and task cancellation through, as the defaults do.
    """

    monotonic: Callable[[], float] = _SYSTEM_CLOCKS.monotonic
    wall: Callable[[], float] = _SYSTEM_CLOCKS.wall
    jitter: Callable[[], float] = _SYSTEM_CLOCKS.jitter
    sleep: Callable[[float], None] = _SYSTEM_CLOCKS.sleep
    asleep: Callable[[float], Awaitable[None]] = _SYSTEM_CLOCKS.asleep


SYSTEM = Runtime()
"""What a core given no ``runtime`` reports as its ``runtime`` (it reads ``_clocks.SYSTEM``)."""
