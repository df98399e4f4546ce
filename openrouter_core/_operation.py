"""Operations as data, and the one way every function calls one.

An ``Endpoint`` says everything the pipeline needs to know about an operation: method,
path template, how a 2xx body is read, which error classes the function may answer,
whether it streams and whether it is idempotent. ``_plan.plan_call`` turns it (plus the
caller's parameters) into a ``CallPlan``; ``_send`` runs the attempts; ``call`` and
``call_async`` below drive them and type the outcome for ``match``. A function in
``funcs`` is its endpoint description and a few lines of parameters.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar

import httpx
from returns.result import Failure, Result, Success

from openrouter_core import _send
from openrouter_core._plan import CallPlan
from openrouter_core._retries import IDEMPOTENT_METHODS
from openrouter_core._send import Flow

if TYPE_CHECKING:
    from openrouter_core._clocks import Clocks
    from openrouter_core._core import OpenRouterCore

    # Imported where an error is made or matched: a call that succeeds creates no error
    # class (each is an attrs class, compiled when created; issue 16, cold start).
    from openrouter_core.errors import OpenRouterError, UnexpectedClientError

T = TypeVar("T")
E = TypeVar("E", bound="OpenRouterError")

Reader = Callable[[int, httpx.Headers, bytes], Result[Any, "OpenRouterError"]]
"""Reads a complete 2xx response (status, headers, body) into its value or an error."""

_FIRST_POLL = 0.25
_MAX_POLL = 2.0


class Endpoint(Generic[T, E]):
    """One operation of the API, described as data.

    ``errors`` lists every class the function may answer inside ``Failure`` (its static
    union, as values): the HTTP statuses the spec declares for the operation are the ones
    whose class is listed; any other error status becomes ``OpenRouterDefaultError``. It is
    given as a function, called on the first failure: a call that succeeds creates no error
    class.

    A plain slotted class, not an attrs one: attrs compiles methods when a class is
    created, which a fresh process pays before its first call (issue 16, cold start).
    """

    __slots__ = (
        "_errors",
        "_statuses",
        "_union",
        "body",
        "idempotent",
        "method",
        "name",
        "path",
        "read",
        "stream",
        "unexpected",
    )

    def __init__(
        self,
        *,
        name: str,
        method: str,
        path: str,
        read: Reader,
        errors: Callable[[], tuple[type[E], ...]],
        unexpected: Callable[[OpenRouterError], E],
        body: type | None = None,
        stream: bool = False,
        idempotent: bool | None = None,
    ) -> None:
        self.name: Final = name
        """The function's name (``models_list``); hooks see it as ``HookContext.operation``."""
        self.method: Final = method
        self.path: Final = path
        """The path template, ``{name}`` for a path parameter: ``/model/{author}/{slug}``."""
        self.read: Final = read
        self._union = errors
        self._errors: tuple[type[E], ...] | None = None
        self._statuses: frozenset[int] | None = None
        self.unexpected: Final = unexpected
        """Reports an error outside ``errors`` as a member of the union (``outside_union``):
        typed so, mypy proves that member is in the operation's union."""
        self.body: Final = body
        """The model a JSON body must be (``None``: the operation sends no body)."""
        self.stream: Final = stream
        self.idempotent: Final = method in IDEMPOTENT_METHODS if idempotent is None else idempotent
        """Sending it twice does no harm: a retry policy may re-send after a lost answer
        (by default, when the method is idempotent)."""

    @property
    def errors(self) -> tuple[type[E], ...]:
        """The classes of the operation's union, created on first use."""
        if self._errors is None:
            self._errors = self._union()
        return self._errors

    @property
    def statuses(self) -> frozenset[int]:
        """The error statuses the spec declares: those whose class is in ``errors``."""
        if self._statuses is None:
            self._statuses = _declared(self.errors)
        return self._statuses

    def __repr__(self) -> str:
        return f"Endpoint(name={self.name!r}, method={self.method!r}, path={self.path!r})"


def _declared(errors: tuple[type[OpenRouterError], ...]) -> frozenset[int]:
    from openrouter_core._http import status_errors

    return frozenset(status for status, cls in status_errors().items() if cls in errors)


def narrow(
    endpoint: Endpoint[T, E], outcome: Result[Any, OpenRouterError]
) -> Success[T] | Failure[E]:
    """The outcome, typed as the function declares it: ``Success[T] | Failure[E]``.

    The check is real: an error outside the operation's union (a bug in this SDK) is not
    raised, and does not slip past a caller's exhaustive ``match`` either; it comes back as
    ``UnexpectedClientError`` naming it.
    """
    if isinstance(outcome, Success):
        return outcome
    error = outcome.failure()
    if isinstance(error, endpoint.errors):
        return Failure(error)
    return Failure(endpoint.unexpected(error))


def outside_union(error: OpenRouterError) -> UnexpectedClientError:
    """An error its operation does not declare, as the ``UnexpectedClientError`` every
    operation may answer (the original is its ``cause``)."""
    from openrouter_core.errors import UnexpectedClientError

    return UnexpectedClientError(
        message=f"unexpected {type(error).__name__} (an SDK bug; please report it): {error}",
        cause=error,
    )


def call(
    core: OpenRouterCore,
    endpoint: Endpoint[T, E],
    plan: CallPlan | OpenRouterError,
    *,
    ready_timeout: float = 0.0,
) -> Success[T] | Failure[E]:
    """Run a planned call (or answer the error that kept it from being planned) with the
    core's sync client."""
    if not isinstance(plan, CallPlan):
        return narrow(endpoint, Failure(plan))
    client = core.acquire_client()  # inside the boundary: building it reads the environment
    # Success first: ``isinstance`` with the exact class skips the ABC check.
    if not isinstance(client, Success):
        return narrow(endpoint, client)
    flow = _flow(plan, core._clocks, ready_timeout)
    return narrow(endpoint, _send.run(flow, client.unwrap(), core._clocks))


async def call_async(
    core: OpenRouterCore,
    endpoint: Endpoint[T, E],
    plan: CallPlan | OpenRouterError,
    *,
    ready_timeout: float = 0.0,
) -> Success[T] | Failure[E]:
    """The async twin of ``call``: only the driver differs."""
    if not isinstance(plan, CallPlan):
        return narrow(endpoint, Failure(plan))
    client = core.acquire_async_client()  # the running loop's own
    if not isinstance(client, Success):
        return narrow(endpoint, client)
    flow = _flow(plan, core._clocks, ready_timeout)
    return narrow(endpoint, await _send.run_async(flow, client.unwrap(), core._clocks))


def _flow(plan: CallPlan, runtime: Clocks, ready_timeout: float) -> Flow[Result[Any, Any]]:
    if plan.endpoint.stream:
        from openrouter_core._stream import stream_attempt

        return _send.call_flow(plan, runtime, stream_attempt)
    if ready_timeout > 0:
        ask = functools.partial(_send.call_flow, plan, runtime, _send.send_attempt)
        return until_found(ask, ready_timeout, runtime, deadline_at=plan.deadline_at)
    return _send.call_flow(plan, runtime, _send.send_attempt)


def until_found(
    ask: Callable[[], Flow[Result[T, OpenRouterError]]],
    ready_timeout: float,
    runtime: Clocks,
    *,
    deadline_at: float | None = None,
) -> Flow[Result[T, OpenRouterError]]:
    """Ask again, with backoff, while the answer is 404, for at most ``ready_timeout`` seconds.

    Generation stats are stored a few seconds after a generation ends; until then the API
    answers 404. Each question is a whole call (with its own retries); the last 404 is
    the answer when time runs out, or when the call's deadline (``deadline_at``, runtime
    monotonic time) would pass during the next wait.
    """
    from openrouter_core.errors import NotFoundResponseError

    start = runtime.monotonic()
    delay = _FIRST_POLL
    while True:
        outcome = yield from ask()
        if not (
            isinstance(outcome, Failure) and isinstance(outcome.failure(), NotFoundResponseError)
        ):
            return outcome
        now = runtime.monotonic()
        left = ready_timeout - (now - start)
        if deadline_at is not None:
            left = min(left, deadline_at - now)
        if left <= 0:
            return outcome
        yield _send.Sleep(min(delay, left))
        delay = min(delay * 2, _MAX_POLL)
