"""Handle every failure with `match`, and tune retries and timeouts per call.

Failures are values inside ``Failure``: match on the error classes you care about and let a
broader class catch the rest. Offline, the fake server fails on demand through the
``X-Fake-Fault`` header; the real API ignores that header, so online the outcomes differ.

This file is also the typed user-style code that ``mypy --strict`` checks.

Run: ``python examples/errors_and_retries.py`` (offline unless ``OPENROUTER_API_KEY`` is set).
"""

import time

import httpx
from _offline import MODEL, example_core

from openrouter_core import (
    NO_RETRIES,
    BackoffStrategy,
    Failure,
    HookContext,
    Hooks,
    RequestOptions,
    Result,
    RetryConfig,
    Success,
)
from openrouter_core.errors import (
    ChatSendError,
    ClientError,
    GenerationError,
    OpenRouterError,
    PaymentRequiredResponseError,
    RequestTimeoutError,
    ResponseError,
    TooManyRequestsResponseError,
)
from openrouter_core.funcs import chat_send, chat_stream
from openrouter_core.models import ChatRequest, ChatResult, ChatUserMessage


def describe(result: Result[ChatResult, ChatSendError]) -> str:
    """One line for any outcome of chat_send: the most specific case first.

    ``str(err)`` names the error's class (``NotFoundResponseError: HTTP 404: ...``), so a
    line that shows the error needs nothing else to say which one it is.
    """
    match result:
        case Success(reply):
            return f"answer: {reply.choices[0].message.content}"
        case Failure(TooManyRequestsResponseError() as err):
            return f"rate limited; the server asks to wait {err.retry_after} s"
        case Failure(PaymentRequiredResponseError() as err):
            return f"out of credits: {err}"
        case Failure(ResponseError() as err):  # any other HTTP error status
            return f"the server refused: {err}"
        case Failure(GenerationError() as err):  # HTTP 200, but the model failed
            return f"the model failed after {len(err.partial_content)} characters: {err}"
        case Failure(RequestTimeoutError() as err):
            return f"timed out after {err.attempts} attempt(s): {err}"
        case Failure(ClientError() as err):  # no answer from the server at all
            return f"no answer: {err}"
    # mypy cannot prove a match over a Result exhaustive, so the rest falls through to here:
    # ResponseValidationError (a 2xx body that does not decode) or SDKValidationError.
    return f"unusable data: {result.failure()}"


def log_failed_attempt(
    context: HookContext, _response: httpx.Response | None, error: OpenRouterError
) -> None:
    """An after_error hook: it sees every failed attempt, including the ones retried."""
    print(f"  (attempt {context.attempt} failed: {error})")


def fault(name: str) -> dict[str, str]:
    """Headers asking the fake server for the fault ``name`` (its catalogue is in
    ``openrouter_core.testing``)."""
    return {"X-Fake-Fault": name}


request = ChatRequest(
    model=MODEL, messages=[ChatUserMessage(content="What is the capital of France?")]
)

with example_core(hooks=Hooks(after_error=[log_failed_attempt])) as core:
    print("1. A call that works:")
    print("  ", describe(chat_send(core, request)))

    print("2. A 429, with retries off for this call (NO_RETRIES):")
    print(
        "  ",
        describe(
            chat_send(core, request, RequestOptions(headers=fault("error-429"), retries=NO_RETRIES))
        ),
    )

    print("3. Two 500s, then an answer: the default policy retries them with backoff.")
    print("   Here a faster policy for this call only:")
    quick = RetryConfig(backoff=BackoffStrategy(initial_interval=0.05, max_elapsed_time=5.0))
    flaky = RequestOptions(headers=fault("flaky-500-2"), retries=quick)
    print("  ", describe(chat_send(core, request, flaky)))

    print("4. A deadline bounds the whole call, retries and waits included:")
    started = time.monotonic()
    slow = RequestOptions(headers=fault("slow-5"), deadline=0.5)
    print("  ", describe(chat_send(core, request, slow)))
    print(f"   (gave up after {time.monotonic() - started:.1f} s, not 5)")

    print("5. The stream watchdog: keep-alive comments are not content.")
    stalled = RequestOptions(
        headers=fault("stall-5"), first_content_timeout=0.3, retries=NO_RETRIES
    )
    match chat_stream(core, request, stalled):
        case Success(stream):
            with stream:
                for item in stream:
                    if isinstance(item, Failure):
                        print(f"   {item.failure()}")
            print(f"   outcome: {stream.outcome}")
        case Failure(err):
            # Once retries are spent, a stream that failed before any content is the call's
            # own Failure: no stream is handed over.
            print(f"   no content came: {err}")
