"""What the shell reads its time, randomness and sleep from (``Clocks``), and the system's.

A caller replaces them with a ``Runtime`` (public, an attrs class); a core given none reads
``SYSTEM``, a plain object, so that a process that never makes a ``Runtime`` never creates
that class (attrs compiles its methods when a class is created: issue 16, cold start).
``SYSTEM`` also gives ``Runtime`` its defaults: each is written here only.
"""

from __future__ import annotations

import random
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:  # only for the type checker: a Protocol class costs a little to create
    from typing import Protocol

    class Clocks(Protocol):
        """A ``Runtime`` or ``SYSTEM``: the five callables the shell uses."""

        @property
        def monotonic(self) -> Callable[[], float]: ...
        @property
        def wall(self) -> Callable[[], float]: ...
        @property
        def jitter(self) -> Callable[[], float]: ...
        @property
        def sleep(self) -> Callable[[float], None]: ...
        @property
        def asleep(self) -> Callable[[float], Awaitable[None]]: ...


async def _anyio_sleep(seconds: float) -> None:
    import anyio  # deferred: only async callers pay for it, and it works under trio too

    await anyio.sleep(seconds)


class _System:
    """The system's clocks, random numbers and sleepers."""

    __slots__ = ("asleep", "jitter", "monotonic", "sleep", "wall")

    def __init__(self) -> None:
        self.monotonic: Final[Callable[[], float]] = time.monotonic
        self.wall: Final[Callable[[], float]] = time.time
        self.jitter: Final[Callable[[], float]] = random.random
        self.sleep: Final[Callable[[float], None]] = time.sleep
        self.asleep: Final[Callable[[float], Awaitable[None]]] = _anyio_sleep


SYSTEM: Final = _System()
"""What a core given no ``runtime`` reads, and ``Runtime()``'s values."""
