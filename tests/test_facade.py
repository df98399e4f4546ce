"""OpenRouter, the raising facade: every method, both twins, and parity with the free functions."""

import inspect
import subprocess
import sys
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

import attrs
import httpx
import pytest
from pytest_httpx import HTTPXMock
from returns.result import Failure, Result, Success

from openrouter_core import NO_RETRIES, OpenRouter, OpenRouterCore
from openrouter_core.errors import (
    ConnectionFailedError,
    GenerationError,
    InvalidRequestError,
    OpenRouterError,
    RequestTimeoutError,
    ResponseValidationError,
    SDKValidationError,
    ServiceUnavailableResponseError,
    StreamTruncatedError,
    TooManyRequestsResponseError,
)
from openrouter_core.funcs import chat_send, chat_send_async, chat_stream, chat_stream_async
from openrouter_core.models import ChatRequest, ChatResult, ChatStreamChunk, ChatUserMessage
from openrouter_core.testing import (
    FakeOpenRouter,
    chat_result,
    error_response,
    json_response,
    sse_response,
    stream_chunks,
)

from .status_table import DOCUMENTED_STATUSES, expected_class
from .support import BASE_URL, MODES, URL, Mode, result_json, run_async, user_request

PARIS = "The capital of France is Paris."


def _client(**options: Any) -> OpenRouter:
    options.setdefault("api_key", "sk-or-test")
    options.setdefault("server_url", BASE_URL)
    options.setdefault("retry_config", NO_RETRIES)
    return OpenRouter(**options)


@pytest.fixture
def fake(fake_openrouter: FakeOpenRouter) -> Iterator[OpenRouter]:
    """A facade pointed at the fake server, closed after the test (async twins close inside
    their loop)."""
    with _client(api_key=fake_openrouter.api_key, server_url=fake_openrouter.base_url) as client:
        yield client


def _fake_request(fault: str | None = None) -> ChatRequest:
    """The capital-of-France question, with a fault model when one is named."""
    return ChatRequest(
        model="openai/gpt-4o" if fault is None else f"fake/{fault}",
        messages=[ChatUserMessage(content="What is the capital of France?")],
    )


def send(mode: Mode, client: OpenRouter, request: Any) -> ChatResult:
    """client.chat.send or send_async, whichever ``mode`` names."""
    if mode == "sync":
        return client.chat.send(request)
    return run_async(client.core, lambda: client.chat.send_async(request))


@attrs.frozen
class Read:
    """A facade stream read to its end: the chunks delivered and the error raised, if any."""

    stream: Any
    chunks: list[ChatStreamChunk]
    error: OpenRouterError | None

    @property
    def text(self) -> str:
        return "".join(
            choice.delta.content or "" for chunk in self.chunks for choice in chunk.choices
        )


def read(mode: Mode, client: OpenRouter, request: Any) -> Read:
    """Open client.chat.stream / stream_async and iterate it in a ``with`` block.

    An error raised while opening propagates; one raised during iteration is kept in the
    answer with the chunks delivered before it.
    """
    if mode == "sync":
        chunks: list[ChatStreamChunk] = []
        with client.chat.stream(request) as live:
            try:
                for chunk in live:
                    chunks.append(chunk)
            except OpenRouterError as error:
                return Read(live, chunks, error)
        return Read(live, chunks, None)

    async def go() -> Read:
        chunks: list[ChatStreamChunk] = []
        async with await client.chat.stream_async(request) as live:
            try:
                async for chunk in live:
                    chunks.append(chunk)
            except OpenRouterError as error:
                return Read(live, chunks, error)
        return Read(live, chunks, None)

    return run_async(client.core, go)


# -- construction, ownership, exports ---------------------------------------------------


def test_options_are_exactly_the_cores() -> None:
    """OpenRouter(...) takes the same keyword options, with the same defaults, as the core."""
    core_parameters = list(inspect.signature(OpenRouterCore.__init__).parameters.values())
    facade_parameters = list(inspect.signature(OpenRouter.__init__).parameters.values())
    assert core_parameters == facade_parameters


def test_options_reach_the_core() -> None:
    """Options given to OpenRouter configure the core it builds."""
    client = OpenRouter(api_key="k", server_url="https://x.test/api/v1", app_title="T")
    assert ("k", "https://x.test/api/v1", "T") == (
        client.core.api_key,
        client.core.server_url,
        client.core.app_title,
    )


def test_chat_namespace_is_one_object() -> None:
    """client.chat is the same object on every access."""
    client = _client()
    assert client.chat is client.chat


def test_repr_never_shows_the_key() -> None:
    """The facade's repr is the core's, which says only whether a key is set."""
    assert "OpenRouter(core=OpenRouterCore(server_url='https://openrouter.test/api/v1', " + (
        "api_key=<set>))"
    ) == repr(_client())


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("form", ["close", "context-manager"])
def test_own_core_is_closed(mode: Mode, form: str) -> None:
    """A facade built from options closes its core's clients on close/aclose and on exit."""
    client = _client()
    if mode == "sync":
        http = client.core.client
        if form == "close":
            client.close()
        else:
            with client:
                pass
        assert http.is_closed
        return

    async def go() -> bool:
        http = client.core.async_client
        if form == "close":
            await client.aclose()
        else:
            async with client:
                pass
        return http.is_closed

    assert run_async(client.core, go)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("form", ["close", "context-manager"])
def test_core_from_the_caller_stays_open(mode: Mode, form: str) -> None:
    """from_core wraps the caller's core, and closing the facade leaves that core open."""
    core = OpenRouterCore(api_key="k", server_url=BASE_URL)
    client = OpenRouter.from_core(core)
    assert core is client.core
    if mode == "sync":
        http = core.client
        if form == "close":
            client.close()
        else:
            with client:
                pass
        assert not http.is_closed
        core.close()
        return

    async def go() -> bool:
        http = core.async_client
        if form == "close":
            await client.aclose()
        else:
            async with client:
                pass
        return http.is_closed

    assert not run_async(core, go)


def test_import_does_not_load_the_facade() -> None:
    """import openrouter_core leaves _facade unloaded until OpenRouter is asked for."""
    code = (
        "import openrouter_core, sys; assert 'openrouter_core._facade' not in sys.modules; "
        "openrouter_core.OpenRouter; assert 'openrouter_core._facade' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_unknown_attribute_is_still_an_attribute_error() -> None:
    """The lazy export does not swallow misspelt names."""
    import openrouter_core

    with pytest.raises(AttributeError, match="OpenRuoter"):
        _ = openrouter_core.OpenRuoter  # type: ignore[attr-defined]


# -- send ---------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_send_returns_the_chat_result(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """A 200 answer comes back as the ChatResult itself."""
    httpx_mock.add_response(url=URL, json=result_json())
    reply = send(mode, _client(), user_request())
    assert isinstance(reply, ChatResult)
    assert ("Paris.", 12) == (
        reply.choices[0].message.content,
        reply.usage.total_tokens if reply.usage else None,
    )


@pytest.mark.parametrize("mode", MODES)
def test_send_against_the_fake_server(
    mode: Mode, fake: OpenRouter, fake_openrouter: FakeOpenRouter
) -> None:
    """End to end over a socket: the answer's text, and the request the server saw."""
    reply = send(mode, fake, _fake_request())
    assert PARIS == reply.choices[0].message.content
    assert 1 == len(fake_openrouter.requests)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("status", [*DOCUMENTED_STATUSES, 418])
def test_send_raises_the_class_of_each_status(
    mode: Mode, status: int, httpx_mock: HTTPXMock
) -> None:
    """Each HTTP error status is raised as its own error class, envelope read."""
    httpx_mock.add_response(
        url=URL, status_code=status, json={"error": {"code": status, "message": f"said {status}"}}
    )
    with pytest.raises(OpenRouterError) as caught:
        send(mode, _client(), user_request())
    expected = expected_class(status)
    assert (expected, status, f"said {status}") == (
        type(caught.value),
        caught.value.status_code,  # type: ignore[attr-defined]
        caught.value.message,
    )


@pytest.mark.parametrize("mode", MODES)
def test_retry_after_is_read_from_the_raised_error(mode: Mode, fake: OpenRouter) -> None:
    """except TooManyRequestsResponseError as e: e.retry_after works, as the issue asks."""
    client = fake
    try:
        send(mode, client, _fake_request("error-429"))
    except TooManyRequestsResponseError as error:
        assert (429, 1.0) == (error.status_code, error.retry_after)
    else:
        pytest.fail("no TooManyRequestsResponseError raised")


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("exception", "expected"),
    [
        (httpx.ConnectError("refused"), ConnectionFailedError),
        (httpx.ReadTimeout("slow read"), RequestTimeoutError),
    ],
    ids=["connect", "read-timeout"],
)
def test_send_raises_transport_errors_with_their_cause(
    mode: Mode, exception: Exception, expected: type, httpx_mock: HTTPXMock
) -> None:
    """A transport failure is raised as its error class, the httpx exception as __cause__."""
    httpx_mock.add_exception(exception, url=URL)
    with pytest.raises(expected) as caught:
        send(mode, _client(), user_request())
    assert exception is caught.value.__cause__


@pytest.mark.parametrize("mode", MODES)
def test_send_raises_a_generation_error_from_a_200_body(mode: Mode, fake: OpenRouter) -> None:
    """An error inside an HTTP 200 body is raised as GenerationError, not returned."""
    with pytest.raises(GenerationError) as caught:
        send(mode, fake, _fake_request("error-in-body"))
    assert 502 == caught.value.code


@pytest.mark.parametrize("mode", MODES)
def test_send_raises_validation_error_for_a_non_json_200(mode: Mode, fake: OpenRouter) -> None:
    """A 200 that is not JSON is raised as ResponseValidationError."""
    with pytest.raises(ResponseValidationError):
        send(mode, fake, _fake_request("non-json-200"))


@pytest.mark.parametrize("mode", MODES)
def test_send_raises_sdk_validation_error_without_a_key(mode: Mode) -> None:
    """No key anywhere: SDKValidationError naming api_key, before any I/O."""
    with pytest.raises(SDKValidationError) as caught:
        send(mode, OpenRouter(server_url=BASE_URL), user_request())
    assert "api_key" == caught.value.field


@pytest.mark.parametrize("mode", MODES)
def test_send_raises_invalid_request_for_stream_true(mode: Mode) -> None:
    """send with stream=True raises InvalidRequestError pointing at the stream method."""
    with pytest.raises(InvalidRequestError, match="chat_stream"):
        send(mode, _client(), user_request(stream=True))


# -- stream -------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_stream_yields_chunks_and_tells_what_happened(mode: Mode, fake: OpenRouter) -> None:
    """Every item is a ChatStreamChunk; outcome, usage, ids and collect() are there after."""
    got = read(mode, fake, _fake_request())
    live = got.stream
    assert (None, PARIS) == (got.error, got.text)
    assert all(isinstance(chunk, ChatStreamChunk) for chunk in got.chunks)
    assert ("completed", True, "openai/gpt-4o", 200) == (
        live.outcome,
        live.received_content,
        live.model,
        live.response.status_code,
    )
    assert live.generation_id is not None and live.generation_id.startswith("gen-")
    assert live.provider is not None and live.usage is not None and live.usage.cost is not None
    assert PARIS == live.collect().choices[0].message.content
    assert live.response.is_closed


@pytest.mark.parametrize("mode", MODES)
def test_stream_raises_a_mid_stream_error_after_the_content_before_it(
    mode: Mode, fake: OpenRouter
) -> None:
    """The chunks before the error chunk are delivered, then GenerationError is raised."""
    got = read(mode, fake, _fake_request("mid-stream-error"))
    assert isinstance(got.error, GenerationError)
    assert got.text != "" and PARIS.startswith(got.text)
    assert (got.text, "error") == (got.error.partial_content, got.stream.outcome)
    assert got.text == got.stream.collect().choices[0].message.content
    assert got.stream.response.is_closed


@pytest.mark.parametrize("mode", MODES)
def test_stream_raises_truncation_after_the_content_before_it(mode: Mode, fake: OpenRouter) -> None:
    """A body that ends without a finish raises StreamTruncatedError after its content."""
    got = read(mode, fake, _fake_request("truncate"))
    assert isinstance(got.error, StreamTruncatedError)
    assert got.text != "" and PARIS.startswith(got.text)
    assert (got.text, "truncated") == (got.error.partial_content, got.stream.outcome)


@pytest.mark.parametrize("mode", MODES)
def test_stream_raises_a_dropped_connection(mode: Mode, fake: OpenRouter) -> None:
    """A reset after some chunks raises ConnectionFailedError after delivering them."""
    got = read(mode, fake, _fake_request("reset-mid-stream"))
    assert isinstance(got.error, ConnectionFailedError)
    assert got.text != "" and PARIS.startswith(got.text)


@pytest.mark.parametrize("mode", MODES)
def test_stream_raises_an_error_status_when_called(mode: Mode, fake: OpenRouter) -> None:
    """A 503 before the stream starts is raised by the call itself; nothing is returned."""
    with pytest.raises(ServiceUnavailableResponseError) as caught:
        read(mode, fake, _fake_request("error-503"))
    assert 1.0 == caught.value.retry_after


@pytest.mark.parametrize("mode", MODES)
def test_stream_raises_sdk_validation_error_when_called(mode: Mode) -> None:
    """A request that cannot be sent is raised by the call, before any I/O."""
    with pytest.raises(SDKValidationError):
        read(mode, _client(app_title="x\r\nInjected: 1"), user_request())


@pytest.mark.parametrize("mode", MODES)
def test_next_steps_one_chunk_and_raises_at_the_error(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """next()/anext() hand out chunks one by one, then raise the terminal error."""
    httpx_mock.add_callback(lambda _: sse_response("Par", "is", error="boom", done=False), url=URL)
    client = _client()
    if mode == "sync":
        live = client.chat.stream(user_request())
        first, second = next(live), next(live)
        with pytest.raises(GenerationError):
            next(live)
        outcome: str = live.outcome
    else:

        async def go() -> tuple[ChatStreamChunk, ChatStreamChunk, str]:
            live = await client.chat.stream_async(user_request())
            first, second = await anext(live), await anext(live)
            with pytest.raises(GenerationError):
                await anext(live)
            return first, second, live.outcome

        first, second, outcome = run_async(client.core, go)
    assert ("Par", "is", "error") == (
        first.choices[0].delta.content,
        second.choices[0].delta.content,
        outcome,
    )


@pytest.mark.parametrize("mode", MODES)
def test_leaving_early_closes_the_stream(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """Breaking out of the loop inside the with block cancels and releases the stream."""
    pieces = range(64, 4096, 64)  # delivered in pieces, so the stream is open at the break
    httpx_mock.add_callback(lambda _: sse_response(*stream_chunks(PARIS), split_at=pieces), url=URL)
    client = _client()
    if mode == "sync":
        with client.chat.stream(user_request()) as live:
            for _ in live:
                break
        closed: bool = live.response.is_closed
        outcome: str = live.outcome
    else:

        async def go() -> tuple[bool, str]:
            async with await client.chat.stream_async(user_request()) as live:
                async for _ in live:
                    break
            return live.response.is_closed, live.outcome

        closed, outcome = run_async(client.core, go)
    assert (True, "cancelled") == (closed, outcome)


# -- parity with the free functions -------------------------------------------------------

Answer = Callable[[], httpx.Response | Exception]


@attrs.frozen
class Scenario:
    """A scripted server answer (None: no request goes out), a request and core options."""

    answer: Answer | None
    request: Callable[[], Any] = user_request
    options: dict[str, Any] = attrs.field(factory=dict)


SEND_SCENARIOS: dict[str, Scenario] = {
    "success": Scenario(lambda: json_response(chat_result(PARIS))),
    **{
        f"status-{status}": Scenario(partial(error_response, status))
        for status in [*DOCUMENTED_STATUSES, 418]
    },
    "429-retry-after": Scenario(lambda: error_response(429, retry_after="30")),
    "html-502": Scenario(lambda: httpx.Response(502, text="<html>Bad Gateway</html>")),
    "error-in-200-body": Scenario(
        lambda: json_response({"error": {"code": 502, "message": "Provider returned error"}})
    ),
    "choice-error": Scenario(
        lambda: json_response(chat_result("Par", error={"code": 502, "message": "died"}))
    ),
    "non-json-200": Scenario(lambda: httpx.Response(200, text="<html>hi</html>")),
    "connect-error": Scenario(lambda: httpx.ConnectError("refused")),
    "read-timeout": Scenario(lambda: httpx.ReadTimeout("slow")),
    "stream-true": Scenario(None, lambda: user_request(stream=True)),
    "missing-key": Scenario(None, options={"api_key": ""}),
    "unsafe-header": Scenario(None, options={"app_title": "x\r\ny: 1"}),
}

STREAM_SCENARIOS: dict[str, Scenario] = {
    "success": Scenario(lambda: sse_response(*stream_chunks(PARIS))),
    "mid-stream-error": Scenario(lambda: sse_response("Par", "is", error="died", done=False)),
    "truncated": Scenario(lambda: sse_response("Par", "is", done=False)),
    "dropped": Scenario(
        lambda: sse_response("Par", done=False, raises=httpx.ReadError("connection reset"))
    ),
    "error-before-content": Scenario(lambda: sse_response(error="died", done=False)),
    "status-429": Scenario(lambda: error_response(429, retry_after="30")),
    "status-503": Scenario(lambda: error_response(503)),
    "json-not-sse": Scenario(lambda: json_response(chat_result(PARIS))),
    "connect-error": Scenario(lambda: httpx.ConnectError("refused")),
    "unsafe-header": Scenario(None, options={"app_title": "x\r\ny: 1"}),
}


def _script(httpx_mock: HTTPXMock, scenario: Scenario) -> None:
    """Answer every request with a fresh copy of the scenario's answer."""
    answer = scenario.answer
    if answer is None:
        return

    def respond(request: httpx.Request) -> httpx.Response:
        reply = answer()
        if isinstance(reply, Exception):
            raise reply
        return reply

    httpx_mock.add_callback(respond, url=URL, is_reusable=True)


def _outcome(call: Callable[[], Any]) -> tuple[str, Any]:
    """What a facade call did: ("value", it) or ("raised", the error)."""
    try:
        return "value", call()
    except OpenRouterError as error:
        return "raised", error


def _expected(result: Result[Any, Any]) -> tuple[str, Any]:
    """What the facade must do for a free function's Result."""
    if isinstance(result, Failure):
        return "raised", result.failure()
    return "value", result.unwrap()


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", list(SEND_SCENARIOS))
def test_send_gives_what_chat_send_gives(mode: Mode, name: str, httpx_mock: HTTPXMock) -> None:
    """For the same answers, send returns chat_send's value or raises its error, equal by value."""
    scenario = SEND_SCENARIOS[name]
    _script(httpx_mock, scenario)
    free_core, client = _client(**scenario.options).core, _client(**scenario.options)
    if mode == "sync":
        free = chat_send(free_core, scenario.request())
        facade = _outcome(lambda: client.chat.send(scenario.request()))
    else:
        free = run_async(free_core, lambda: chat_send_async(free_core, scenario.request()))

        async def go() -> tuple[str, Any]:
            try:
                return "value", await client.chat.send_async(scenario.request())
            except OpenRouterError as error:
                return "raised", error

        facade = run_async(client.core, go)
    expected = _expected(free)
    assert (expected, type(expected[1])) == (facade, type(facade[1]))


@attrs.frozen
class Told:
    """Everything a stream delivered and told, comparable across the two forms."""

    chunks: list[ChatStreamChunk]
    error: OpenRouterError | None
    facts: tuple[Any, ...]


def _facts(live: Any) -> tuple[Any, ...]:
    return (
        live.outcome,
        live.received_content,
        live.usage,
        live.generation_id,
        live.model,
        live.provider,
        live.collect(),
    )


def _free_stream(mode: Mode, core: OpenRouterCore, request: Any) -> tuple[str, Any]:
    """chat_stream's answer as the facade must give it: the call's error, or what it told."""

    def told(items: list[Any], live: Any) -> Told:
        chunks = [item.unwrap() for item in items if isinstance(item, Success)]
        errors = [item.failure() for item in items if isinstance(item, Failure)]
        return Told(chunks, errors[0] if errors else None, _facts(live))

    if mode == "sync":
        opened = chat_stream(core, request)
        if isinstance(opened, Failure):
            return "raised", opened.failure()
        with opened.unwrap() as live:
            return "value", told(list(live), live)

    async def go() -> tuple[str, Any]:
        opened = await chat_stream_async(core, request)
        if isinstance(opened, Failure):
            return "raised", opened.failure()
        async with opened.unwrap() as live:
            return "value", told([item async for item in live], live)

    return run_async(core, go)


def _facade_stream(mode: Mode, client: OpenRouter, request: Any) -> tuple[str, Any]:
    got = _outcome(lambda: read(mode, client, request))
    if got[0] == "raised":
        return got
    return "value", Told(got[1].chunks, got[1].error, _facts(got[1].stream))


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", list(STREAM_SCENARIOS))
def test_stream_gives_what_chat_stream_gives(mode: Mode, name: str, httpx_mock: HTTPXMock) -> None:
    """For the same answers, stream delivers chat_stream's chunks, errors and facts, by value."""
    scenario = STREAM_SCENARIOS[name]
    _script(httpx_mock, scenario)
    free = _free_stream(mode, _client(**scenario.options).core, scenario.request())
    facade = _facade_stream(mode, _client(**scenario.options), scenario.request())
    assert free == facade
    error = free[1] if free[0] == "raised" else free[1].error
    raised = facade[1] if facade[0] == "raised" else facade[1].error
    assert type(error) is type(raised)
