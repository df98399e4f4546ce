"""The only network I/O: run a planned call with retries, hooks and debug logging.

The exchange is written once, as a generator (``call_flow``) that yields actions (send,
read, close, sleep) and receives their results; ``run`` and ``run_async`` are the two
small drivers that perform those actions with an ``httpx.Client`` or ``httpx.AsyncClient``.
So the sync and async twins share every decision, as httpx's auth flows do.

Exceptions are caught at one boundary (``transport_error``), by name; ``KeyboardInterrupt``,
``SystemExit`` and task cancellation are never caught. Whatever is open when one of them
passes through is closed on the way out.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import AsyncIterator, Callable, Generator, Iterator
from contextvars import Token
from typing import TYPE_CHECKING, Any, Generic, TypeAlias, TypeVar

import attrs
import httpx
from returns.result import Failure, Result, Success

from openrouter_core import _http, _retries
from openrouter_core._clients import closed_loop_error
from openrouter_core._delivery import UPLOAD_PIECE, Delivery, WatchedUpload
from openrouter_core._plan import CallPlan, guarded, run_replacing_hook

if TYPE_CHECKING:
    from openrouter_core._clocks import Clocks

    # Imported where an error is made or matched: a call that succeeds creates no error
    # class (each is an attrs class, compiled when created; issue 16, cold start).
    from openrouter_core.errors import (
        OpenRouterError,
        RequestTimeoutError,
        ResponseValidationError,
    )

T = TypeVar("T")
E = TypeVar("E", bound="OpenRouterError")


# The actions are plain slotted classes: they are created per call and per chunk, and an
# attrs class costs about a millisecond to create at import.


Body = TypeVar("Body", Iterator[bytes], AsyncIterator[bytes])


class Opened(Generic[Body]):
    """A sent request whose body is not consumed yet: the response and its byte iterator.

    Each driver makes its own kind (``Opened[Iterator[bytes]]`` or
    ``Opened[AsyncIterator[bytes]]``) and reads it, as the twin streams do; the flows they
    share treat it as an opaque handle (``Opened[Any]``) and never touch ``chunks``.
    """

    __slots__ = ("chunks", "response")

    def __init__(self, response: httpx.Response, chunks: Body) -> None:
        self.response = response
        self.chunks: Body = chunks


class Send:
    """Send the request (body not read yet); reply: an ``Opened`` or an error value.

    ``until`` (runtime monotonic time) is the call's deadline: the driver ends this send,
    and every read of the call after it, then, however slowly the answer trickles in. (A
    stream's reads after its first content are the caller's, outside the call.)
    """

    __slots__ = ("request", "until")

    def __init__(self, request: httpx.Request, until: float | None = None) -> None:
        self.request = request
        self.until = until


class ReadBody:
    """Read the whole body, at most ``limit`` bytes, then close; reply: bytes or an error.

    ``until`` (runtime monotonic time) is the call's deadline, checked between pieces too:
    a body still arriving then is abandoned, even on a caller's client whose reads the
    driver cannot cut short.
    """

    __slots__ = ("limit", "opened", "until")

    def __init__(self, opened: Opened[Any], limit: int, until: float | None = None) -> None:
        self.opened = opened
        self.limit = limit
        self.until = until


class ReadChunk:
    """Read the next piece of a streamed body; reply: bytes (``b""`` at the end) or an error."""

    __slots__ = ("opened",)

    def __init__(self, opened: Opened[Any]) -> None:
        self.opened = opened


class Close:
    """Close a response that will not be read further; reply: ``None``."""

    __slots__ = ("opened",)

    def __init__(self, opened: Opened[Any]) -> None:
        self.opened = opened


class Sleep:
    """Wait before the next attempt; reply: ``None``."""

    __slots__ = ("seconds",)

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds


Action: TypeAlias = Send | ReadBody | ReadChunk | Close | Sleep
Flow: TypeAlias = Generator[Action, Any, T]
AttemptFlow: TypeAlias = Callable[
    [CallPlan, httpx.Request, int, "Clocks"], Flow[Result[T, "OpenRouterError"]]
]


def call_flow(
    plan: CallPlan, runtime: Clocks, attempt_flow: AttemptFlow[T]
) -> Flow[Result[T, OpenRouterError]]:
    """Run attempts until one succeeds or the retry policy gives up.

    ``attempt_flow`` does one attempt (send, read, interpret). When retries run out, the
    last attempt's failure is the answer; but when the call's deadline ends the retries of
    an error the server gave (a 429), that error is returned rather than a bare timeout.
    """
    log = plan.logger
    debug = log.isEnabledFor(logging.DEBUG)  # once per call: the log lines' arguments cost
    start = runtime.monotonic()
    answered: OpenRouterError | None = None  # the last error the server itself gave
    attempt = 0
    while True:
        attempt += 1
        before_request = plan.hooks.before_request if plan.hooks is not None else ()
        # Hooks and the sync driver's deadline cuts edit the request: each attempt its copy.
        needs_copy = bool(before_request) or plan.deadline_at is not None
        request = _attempt_request(plan.request) if needs_copy else plan.request
        for hook in before_request:
            replaced = run_replacing_hook(
                hook, plan.context(attempt), request, name="before_request"
            )
            if isinstance(replaced, Failure):
                return _with_attempts(replaced, attempt)
            request = replaced.unwrap()
        # A request the hook built from scratch would otherwise get the client's timeouts.
        request.extensions.setdefault("timeout", dict(plan.request.extensions["timeout"]))
        remaining = _remaining(plan, runtime)
        if remaining is not None and remaining <= 0:  # this attempt was not sent
            return _with_attempts(Failure(answered or _deadline_error(plan)), attempt - 1)
        if debug:
            log.debug("%s %s attempt=%d", request.method, _loggable(request.url), attempt)
        sent = runtime.monotonic()
        outcome = yield from attempt_flow(plan, request, attempt, runtime)
        if debug:
            log.debug(
                "%s %s attempt=%d outcome=%s elapsed=%.3fs total=%.3fs",
                request.method,
                _loggable(request.url),
                attempt,
                _describe(outcome),
                runtime.monotonic() - sent,
                runtime.monotonic() - start,
            )
        if isinstance(outcome, Success):
            return outcome
        error = outcome.failure()
        if _answered(error):
            answered = error
        elif answered is not None and _deadline_passed(plan, runtime):
            # A deadline that ends during retries of a 429 still says "rate limited".
            outcome = Failure(answered)
        elapsed = runtime.monotonic() - start
        delay = _retries.retry_delay(
            error,
            config=plan.retries,
            retry_number=attempt - 1,
            elapsed=elapsed,
            budget_left=_remaining(plan, runtime),
            jitter=runtime.jitter(),
            idempotent=plan.idempotent,
        )
        if delay is None:
            return _with_attempts(outcome, attempt)
        log.debug(
            "retrying after %s: sleeping %.3fs (attempt %d)", type(error).__name__, delay, attempt
        )
        yield Sleep(delay)


def run_hooks_after(
    plan: CallPlan,
    attempt: int,
    response: httpx.Response | None,
    outcome: Result[T, OpenRouterError],
) -> Result[T, OpenRouterError]:
    """Log the attempt's response, then run the after-success / after-error hooks.

    A raising hook replaces the outcome. An error never holds the API key (a server may
    echo the request's headers in its body), so it is redacted before hooks see it.
    """
    if isinstance(outcome, Failure):  # a success carries no error text to scrub
        outcome = _http.redact_key(outcome, plan.request.headers.get("authorization"))
    if response is not None and plan.logger.isEnabledFor(logging.DEBUG):
        plan.logger.debug(
            "%s %s attempt=%d status=%d generation_id=%s",
            response.request.method,
            _loggable(response.request.url),
            attempt,
            response.status_code,
            response.headers.get("x-generation-id"),
        )
    hooks = plan.hooks
    if hooks is None:
        return outcome
    if isinstance(outcome, Success):
        for hook in hooks.after_success:
            if response is not None:
                ran = guarded(hook, plan.context(attempt), response, name="after_success")
                if isinstance(ran, Failure):
                    return ran
        return outcome
    for error_hook in hooks.after_error:
        context = plan.context(attempt)
        ran = guarded(error_hook, context, response, outcome.failure(), name="after_error")
        if isinstance(ran, Failure):
            return ran
    return outcome


def _loggable(url: httpx.URL) -> httpx.URL:
    """The URL without credentials a caller may have put in it (``https://user:key@host``)."""
    return url.copy_with(userinfo=b"") if url.userinfo else url


def _attempt_request(template: httpx.Request) -> httpx.Request:
    """A fresh copy per attempt: hook edits and deadline caps must not carry into the next."""
    return httpx.Request(
        template.method,
        template.url,
        headers=template.headers,
        content=template.content,
        extensions={**template.extensions, "timeout": dict(template.extensions["timeout"])},
    )


def _remaining(plan: CallPlan, runtime: Clocks) -> float | None:
    if plan.deadline_at is None:
        return None
    return plan.deadline_at - runtime.monotonic()


def _deadline_passed(plan: CallPlan, runtime: Clocks) -> bool:
    remaining = _remaining(plan, runtime)
    return remaining is not None and remaining <= 0


def _answered(error: OpenRouterError) -> bool:
    """An error the server gave (a status, an in-band error), not a local timeout or break."""
    from openrouter_core.errors import GenerationError, ResponseError

    return isinstance(error, ResponseError | GenerationError)


def _deadline_error(plan: CallPlan) -> RequestTimeoutError:
    from openrouter_core.errors import RequestTimeoutError

    return RequestTimeoutError(message=f"the call's deadline of {plan.deadline}s passed")


def _with_attempts(outcome: Result[T, E], attempts: int) -> Result[T, E]:
    if isinstance(outcome, Failure):
        return Failure(attrs.evolve(outcome.failure(), attempts=attempts))
    return outcome


def _describe(outcome: Result[Any, OpenRouterError]) -> str:
    if isinstance(outcome, Success):
        return "ok"
    error = outcome.failure()
    status = getattr(error, "status_code", None)
    generation = getattr(error, "generation_id", None)
    parts = [type(error).__name__]
    if status is not None:
        parts.append(f"status={status}")
    if generation:
        parts.append(f"generation_id={generation}")
    return " ".join(parts)


def transport_error(exc: Exception, *, may_have_been_processed: bool = True) -> OpenRouterError:
    """The one table from httpx (and foreign transport) exceptions to error values.

    ``may_have_been_processed``: whether the request may have reached the server whole (see
    ``_delivery``); a failure while reading a response always may have.
    """
    from openrouter_core.errors import (
        ConnectionFailedError,
        RequestAbortedError,
        RequestTimeoutError,
        ResponseValidationError,
        UnexpectedClientError,
    )

    text = str(exc) or type(exc).__name__
    processed = may_have_been_processed
    if isinstance(exc, httpx.TimeoutException):
        return RequestTimeoutError(
            message=f"request timed out: {text}", cause=exc, may_have_been_processed=processed
        )
    if isinstance(exc, httpx.NetworkError | httpx.RemoteProtocolError | httpx.ProxyError):
        return ConnectionFailedError(
            message=f"connection failed: {text}", cause=exc, may_have_been_processed=processed
        )
    if isinstance(exc, httpx.DecodingError):
        return ResponseValidationError(message=f"the response could not be decoded: {text}")
    if isinstance(exc, RuntimeError) and "client has been closed" in text:
        return RequestAbortedError(message=f"the HTTP client was closed: {text}", cause=exc)
    if isinstance(exc, RuntimeError) and "Event loop is closed" in text:
        # The bytes may have gone out on the dead loop's socket before the loop was needed.
        return closed_loop_error("async HTTP client", exc, may_have_been_processed=processed)
    if isinstance(exc, OSError):
        return ConnectionFailedError(
            message=f"connection failed: {text}", cause=exc, may_have_been_processed=processed
        )
    return UnexpectedClientError(
        message=f"unexpected HTTP client error: {exc!r}",
        cause=exc,
        may_have_been_processed=processed,
    )


def _late(delivery: Delivery) -> RequestTimeoutError:
    from openrouter_core.errors import RequestTimeoutError

    return RequestTimeoutError(
        message="the call's deadline passed before the response headers arrived",
        may_have_been_processed=delivery.body_sent,
    )


def _late_body() -> RequestTimeoutError:
    from openrouter_core.errors import RequestTimeoutError

    return RequestTimeoutError(
        message="the call's deadline passed while the response body was arriving",
        may_have_been_processed=True,
    )


# Exceptions a transport may raise: httpx's own, and anything a custom transport throws.
# BaseException (KeyboardInterrupt, SystemExit, cancellation) is deliberately not here.
_TRANSPORT_EXCEPTIONS = (Exception,)


def body_pieces(response: httpx.Response) -> Iterator[bytes]:
    """The body's pieces as the transport hands them over.

    An event stream is read piece by piece, and httpx's layers above the transport
    (``iter_bytes`` decoding and re-chunking, over ``iter_raw``) cost about 5% of a
    stream chunk's whole read: a body without a ``Content-Encoding`` skips them. The
    connection goes back to the pool when the response is closed, as every reader does.
    """
    stream = response.stream
    if isinstance(stream, httpx.SyncByteStream) and "content-encoding" not in response.headers:
        return iter(stream)
    return response.iter_bytes()


def abody_pieces(response: httpx.Response) -> AsyncIterator[bytes]:
    """The async twin of ``body_pieces``."""
    stream = response.stream
    if isinstance(stream, httpx.AsyncByteStream) and "content-encoding" not in response.headers:
        return aiter(stream)
    return response.aiter_bytes()


def read_chunk(chunks: Iterator[bytes]) -> bytes | OpenRouterError:
    """The next piece of a streamed body (``b""`` at its end) or the read's error value.

    The one place a stream's body is read, before its first content (the driver's
    ``ReadChunk``) and after it (``ChatStream``), behind one exception boundary.
    """
    try:
        return next(chunks, b"")
    except _TRANSPORT_EXCEPTIONS as exc:
        return transport_error(exc)


async def aread_chunk(chunks: AsyncIterator[bytes]) -> bytes | OpenRouterError:
    """The async twin of ``read_chunk``."""
    try:
        return await anext(chunks, b"")
    except _TRANSPORT_EXCEPTIONS as exc:
        return transport_error(exc)


def send_attempt(
    plan: CallPlan, request: httpx.Request, attempt: int, runtime: Clocks
) -> Flow[Result[Any, OpenRouterError]]:
    """One non-streaming attempt of any operation: send, read the whole body, interpret it."""
    opened = yield Send(request, plan.deadline_at)
    if not isinstance(opened, Opened):  # the send's error value
        return run_hooks_after(plan, attempt, None, Failure(opened))
    body = yield ReadBody(opened, plan.max_response_bytes, plan.deadline_at)
    response = opened.response
    if not isinstance(body, bytes):  # the read's error value
        return run_hooks_after(plan, attempt, response, Failure(body))
    outcome = _http.read_response(
        plan.endpoint, response.status_code, response.headers, body, now=runtime.wall()
    )
    return run_hooks_after(plan, attempt, response, outcome)


def run(flow: Flow[T], client: httpx.Client, runtime: Clocks) -> T:
    """Drive ``flow`` with a sync client.

    A call with a deadline runs with it in ``_deadline.UNTIL``, so that the core's own
    client ends every read and write by then (a blocking read cannot be cancelled); each
    attempt's timeouts are cut to what the deadline leaves only where that client cannot
    reach (``_cut_timeouts``).
    """
    live: set[Opened[Iterator[bytes]]] = set()
    until: float | None = None
    deadline: Token[float | None] | None = None

    def perform(action: Action) -> object:
        nonlocal until, deadline
        if isinstance(action, Sleep):
            runtime.sleep(action.seconds)
            return None
        if isinstance(action, Send):
            until = action.until
            if until is not None:
                if deadline is None:
                    deadline = _bind_deadline(until, runtime)
                _cut_timeouts(action.request, until - runtime.monotonic(), client)
            delivery = _traced(action.request, asynchronous=False)
            try:
                response = client.send(action.request, stream=True)
            except _TRANSPORT_EXCEPTIONS as exc:
                return _send_failed(exc, action, runtime, delivery)
            opened = Opened(response, body_pieces(response))
            live.add(opened)
            return opened
        chunks: Iterator[bytes] = action.opened.chunks  # made by this driver
        if isinstance(action, ReadChunk):
            return read_chunk(chunks)
        try:
            if isinstance(action, ReadBody):
                return read_limited(action, chunks, runtime)
            return None
        except _TRANSPORT_EXCEPTIONS as exc:
            return _read_failed(exc, until, runtime)
        finally:
            live.discard(action.opened)
            action.opened.response.close()

    try:
        action = next(flow)
        while True:
            action = flow.send(perform(action))
    except StopIteration as stop:
        return stop.value  # type: ignore[no-any-return]
    except BaseException:
        for opened in live:
            opened.response.close()
        flow.close()
        raise
    finally:
        if deadline is not None:
            deadline.var.reset(deadline)


async def run_async(flow: Flow[T], client: httpx.AsyncClient, runtime: Clocks) -> T:
    """Drive ``flow`` with an async client; the twin of ``run``.

    A call with a deadline runs every send and read under a cancel scope that ends then,
    with any client: the attempts keep their httpx timeouts, and a stream's reads after its
    first content (the caller's, outside the scope) their read timeout.
    """
    live: set[Opened[AsyncIterator[bytes]]] = set()
    until: float | None = None

    async def perform(action: Action) -> object:
        nonlocal until
        if isinstance(action, Sleep):
            await runtime.asleep(action.seconds)
            return None
        if isinstance(action, Send):
            until = action.until
            request = action.request
            delivery = _traced(request, asynchronous=True)
            if len(request.content) > UPLOAD_PIECE:
                request.stream = WatchedUpload(request.content, delivery)
            try:
                with _time_limit(until, runtime):
                    response = await client.send(request, stream=True)
            except _TRANSPORT_EXCEPTIONS as exc:  # fail_after's TimeoutError included
                return _send_failed(exc, action, runtime, delivery)
            opened = Opened(response, abody_pieces(response))
            live.add(opened)
            return opened
        chunks: AsyncIterator[bytes] = action.opened.chunks  # made by this driver
        if isinstance(action, ReadChunk):
            try:
                with _time_limit(until, runtime):
                    return await aread_chunk(chunks)
            except TimeoutError as exc:  # the deadline's scope (aread_chunk catches the rest)
                return _read_failed(exc, until, runtime)
        try:
            if isinstance(action, ReadBody):
                with _time_limit(until, runtime):
                    return await aread_limited(action, chunks, runtime)
            return None
        except _TRANSPORT_EXCEPTIONS as exc:  # fail_after's TimeoutError included
            return _read_failed(exc, until, runtime)
        finally:
            live.discard(action.opened)
            # Shielded: under anyio cancellation every await is cancelled again, and an
            # interrupted close would leave the pooled connection checked out.
            await aclose_shielded([action.opened.response])

    try:
        action = next(flow)
        while True:
            action = flow.send(await perform(action))
    except StopIteration as stop:
        return stop.value  # type: ignore[no-any-return]
    except BaseException:
        await aclose_shielded([opened.response for opened in live])
        flow.close()
        raise


def _traced(request: httpx.Request, *, asynchronous: bool) -> Delivery:
    """Record how far this attempt gets through httpcore's ``trace`` extension; a trace
    the caller (or a hook) set keeps running beside ours."""
    trace = request.extensions.get("trace")
    if isinstance(getattr(trace, "__self__", None), Delivery):
        trace = None  # ours, from an earlier attempt on the same request
    delivery = Delivery(trace, request.extensions)
    if asynchronous:
        request.extensions["trace"] = delivery.atrace
    else:  # without a caller's trace, ``see`` itself: one Python call fewer per event
        request.extensions["trace"] = delivery.trace if trace is not None else delivery.see
    return delivery


def _send_failed(
    exc: Exception, action: Send, runtime: Clocks, delivery: Delivery
) -> OpenRouterError:
    """The error of a send that raised: the deadline's own, or the transport's by phase."""
    if action.until is not None and runtime.monotonic() >= action.until:
        return _late(delivery)
    return transport_error(exc, may_have_been_processed=delivery.may_have_been_processed(exc))


def _bind_deadline(until: float, runtime: Clocks) -> Token[float | None]:
    """Run the rest of this sync call with its deadline (runtime time ``until``) set for
    the core's own client, in ``time.monotonic()`` seconds (the runtime's clock may be a
    test's)."""
    from openrouter_core._deadline import UNTIL  # imports httpcore: only calls with a deadline

    return UNTIL.set(time.monotonic() + (until - runtime.monotonic()))


_PHASES = ("connect", "read", "write", "pool")
_POOL = ("pool",)


def _cut_timeouts(request: httpx.Request, remaining: float, client: httpx.Client) -> None:
    """No phase of a sync attempt waits past the call's deadline (``remaining`` seconds).

    The core's own client ends each connect, read and write by the deadline itself, read by
    read (``_deadline``): only its wait for a pooled connection, which no network backend
    sees, is cut here, and a stream keeps its read timeout (the stall watchdog's) after its
    first content. A client passed in is cut in every phase, for the whole attempt:
    httpcore keeps a response's read timeout for its whole body, so such a stream's gaps
    after its first content are bounded by what the deadline left when the attempt started.
    """
    from openrouter_core._deadline import ends_by_deadline  # imported by _bind_deadline

    timeouts = dict(request.extensions.get("timeout") or {})
    for phase in _POOL if ends_by_deadline(client) else _PHASES:
        limit = timeouts.get(phase)
        timeouts[phase] = remaining if limit is None or limit > remaining else limit
    request.extensions["timeout"] = timeouts


def _read_failed(exc: Exception, until: float | None, runtime: Clocks) -> OpenRouterError:
    """The error of a body read that raised: the call's deadline (runtime time ``until``)
    passing, or the transport's."""
    if until is not None and runtime.monotonic() >= until:
        return _late_body()
    return transport_error(exc)


def _time_limit(until: float | None, runtime: Clocks) -> Any:
    """The async twin's deadline: a cancel scope that ends a send or a read then."""
    if until is None:
        return contextlib.nullcontext()
    import anyio

    return anyio.fail_after(max(0.0, until - runtime.monotonic()))


def read_limited(
    action: ReadBody, chunks: Iterator[bytes], runtime: Clocks
) -> bytes | OpenRouterError:
    """The whole body, or an error once it passes ``action.limit`` bytes or ``action.until``."""
    body = _BodyBuffer(action, runtime)
    if body.refused:
        return body.too_large()
    for part in chunks:
        if (error := body.add(part)) is not None:
            return error
    return body.value()


async def aread_limited(
    action: ReadBody, chunks: AsyncIterator[bytes], runtime: Clocks
) -> bytes | OpenRouterError:
    """The twin of ``read_limited``."""
    body = _BodyBuffer(action, runtime)
    if body.refused:
        return body.too_large()
    async for part in chunks:
        if (error := body.add(part)) is not None:
            return error
    return body.value()


class _BodyBuffer:
    """Collects body pieces within a size limit and a deadline; a big Content-Length fails early."""

    def __init__(self, action: ReadBody, runtime: Clocks) -> None:
        self._response = action.opened.response
        self._limit = action.limit
        self._until = action.until
        self._clock = runtime.monotonic
        self._parts: list[bytes] = []
        self._size = 0
        declared = self._response.headers.get("content-length", "")
        # Refused before any byte is awaited: a server may declare a huge body and send none.
        self.refused = declared.isdigit() and int(declared) > self._limit

    def add(self, part: bytes) -> OpenRouterError | None:
        """Keep ``part``; the error that ends the read, if this piece brings one."""
        self._size += len(part)
        self._parts.append(part)
        if self._size > self._limit:
            return self.too_large()
        if self._until is not None and self._clock() > self._until:
            return _late_body()
        return None

    def too_large(self) -> ResponseValidationError:
        from openrouter_core.errors import ResponseValidationError

        return ResponseValidationError(
            message=f"the response body exceeds max_response_bytes ({self._limit} bytes)",
            status_code=self._response.status_code,
        )

    def value(self) -> bytes:
        return b"".join(self._parts)


async def aclose_shielded(responses: list[httpx.Response]) -> None:
    """Close responses even while the task is being cancelled.

    A body read to its end is closed already (httpx closes it as the last piece goes by):
    then there is nothing to await, and no cancel scope to set up on every call.
    """
    pending = [response for response in responses if not response.is_closed]
    if not pending:
        return
    import anyio

    with anyio.CancelScope(shield=True):
        for response in pending:
            await response.aclose()
