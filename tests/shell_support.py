"""Fakes for the shell tests: a clock that sleeping advances, and clients that keep responses."""

from typing import Any, TypeAlias

import attrs
import httpx

from openrouter_core import OpenRouterCore, Runtime

from .support import BASE_URL, Mode

Responses: TypeAlias = list[httpx.Response]
"""Every response a tracking core's client received, in order (call it to get an empty one)."""

EPOCH = 1_700_000_000.0
"""The fake wall clock's reading at fake monotonic time 0 (2023-11-14T22:13:20Z)."""


@attrs.define
class FakeClock:
    """Monotonic and wall time that move only when a sleep (or a test) advances them.

    ``sleeps`` records every delay the shell asked for; ``jitter`` is what the runtime's
    random source returns.
    """

    now: float = 0.0
    jitter: float = 0.5
    sleeps: list[float] = attrs.field(factory=list)

    def advance(self, seconds: float) -> None:
        """Let ``seconds`` pass, as a slow server or a sleep would."""
        self.now += seconds

    def sleep(self, seconds: float) -> None:
        """The sync sleeper: record the delay and jump past it."""
        self.sleeps.append(seconds)
        self.advance(seconds)

    async def asleep(self, seconds: float) -> None:
        """The async sleeper: the same, without waiting."""
        self.sleep(seconds)

    def runtime(self) -> Runtime:
        """A Runtime reading this clock."""
        return Runtime(
            monotonic=lambda: self.now,
            wall=lambda: EPOCH + self.now,
            jitter=lambda: self.jitter,
            sleep=self.sleep,
            asleep=self.asleep,
        )


def tracking_core(
    mode: Mode, clock: FakeClock, responses: Responses, **options: Any
) -> OpenRouterCore:
    """A core on a plain client of the mode's kind that appends every response it receives.

    The client is plain (pytest-httpx patches its transport), so nothing but the client's
    response hook is added.
    """
    options.setdefault("api_key", "sk-or-test")
    options.setdefault("server_url", BASE_URL)
    options.setdefault("runtime", clock.runtime())
    if mode == "sync":
        options["http_client"] = httpx.Client(event_hooks={"response": [responses.append]})
    else:

        async def keep(response: httpx.Response) -> None:
            responses.append(response)

        options["async_http_client"] = httpx.AsyncClient(event_hooks={"response": [keep]})
    return OpenRouterCore(**options)
