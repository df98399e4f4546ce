"""Time, randomness and sleeping, injected so retries and watchdogs test without waiting."""

from __future__ import annotations

import random
import time
from collections.abc import Awaitable, Callable

import attrs

from openrouter_core._values import Value

__all__ = ["Runtime"]


async def _anyio_sleep(seconds: float) -> None:
    import anyio  # deferred: only async callers pay for it, and it works under trio too

    await anyio.sleep(seconds)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Runtime(Value):
    """The clocks and sleepers the shell uses.

    ``monotonic`` measures elapsed time, ``wall`` (epoch seconds) resolves HTTP-date
    ``Retry-After`` headers, ``jitter`` returns a float in [0, 1). ``sleep`` / ``asleep``
    must let ``KeyboardInterrupt`` and task cancellation through, as the defaults do.
    """

    monotonic: Callable[[], float] = time.monotonic
    wall: Callable[[], float] = time.time
    jitter: Callable[[], float] = random.random
    sleep: Callable[[float], None] = time.sleep
    asleep: Callable[[float], Awaitable[None]] = _anyio_sleep


SYSTEM = Runtime()
