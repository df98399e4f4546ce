"""chat_send / chat_send_async through pytest-httpx: every scenario, both twins."""

import json
from typing import Any

import httpx
import pytest
from pytest_httpx import HTTPXMock
from returns.result import Success

from openrouter_core import NO_RETRIES, OpenRouterCore, RequestOptions
from openrouter_core.errors import (
    BadGatewayResponseError,
    ConnectionFailedError,
    GenerationError,
    InvalidRequestError,
    OpenRouterDefaultError,
    RequestAbortedError,
    RequestTimeoutError,
    ResponseValidationError,
    SDKValidationError,
    UnexpectedClientError,
)
from openrouter_core.models import ChatResult, SendChatCompletionRequest

from .status_table import DOCUMENTED_STATUS_ERRORS, DOCUMENTED_STATUSES
from .support import BASE_URL, MODES, URL, Mode, result_json, send, user_request

pytestmark = pytest.mark.parametrize("mode", MODES)


def _core(**options: Any) -> OpenRouterCore:
    options.setdefault("api_key", "sk-or-test")
    options.setdefault("server_url", BASE_URL)
    options.setdefault("retry_config", NO_RETRIES)
    return OpenRouterCore(**options)


def test_success_returns_the_chat_result(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """A 200 JSON answer is Success(ChatResult) with every field read."""
    httpx_mock.add_response(url=URL, json=result_json(), headers={"X-Generation-Id": "gen-123"})
    outcome = send(mode, _core(), user_request())
    assert isinstance(outcome, Success)
    reply = outcome.unwrap()
    assert isinstance(reply, ChatResult)
    assert ("Paris.", "stop", 12) == (
        reply.choices[0].message.content,
        reply.choices[0].finish_reason,
        reply.usage.total_tokens if reply.usage else None,
    )


def test_request_goes_out_as_the_typescript_sdk_sends_it(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """POST to /chat/completions with bearer auth, attribution headers and compact JSON."""
    httpx_mock.add_response(url=URL, json=result_json())
    core = _core(
        http_referer="https://example.app", app_title="Example", app_categories="cli-agent"
    )
    send(mode, core, user_request())
    request = httpx_mock.get_request()
    assert request is not None
    assert ("POST", URL) == (request.method, str(request.url))
    assert {
        "authorization": "Bearer sk-or-test",
        "http-referer": "https://example.app",
        "x-openrouter-title": "Example",
        "x-openrouter-categories": "cli-agent",
        "accept": "application/json",
        "content-type": "application/json",
    }.items() <= dict(request.headers).items()
    assert "cookie" not in request.headers
    assert {
        "messages": [{"content": "What is the capital of France?", "role": "user"}],
        "model": "openai/gpt-4o",
        "stream": False,
    } == json.loads(request.content)


def test_wrapper_overrides_attribution_and_sets_metadata(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """SendChatCompletionRequest's per-call attribution wins over the core's."""
    httpx_mock.add_response(url=URL, json=result_json())
    wrapped = SendChatCompletionRequest(
        chat_request=user_request(), x_open_router_metadata="enabled", app_title="Override"
    )
    send(mode, _core(app_title="Core"), wrapped)
    request = httpx_mock.get_request()
    assert request is not None
    assert ("Override", "enabled") == (
        request.headers["x-openrouter-title"],
        request.headers["x-openrouter-metadata"],
    )


def test_options_merge_extra_body_and_headers(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """extra_body keys join the JSON body; per-call headers are added."""
    httpx_mock.add_response(url=URL, json=result_json())
    options = RequestOptions(extra_body={"transforms": ["middle-out"]}, headers={"X-Custom": "1"})
    send(mode, _core(), user_request(), options)
    request = httpx_mock.get_request()
    assert request is not None
    assert ["middle-out"] == json.loads(request.content)["transforms"]
    assert "1" == request.headers["x-custom"]


def test_per_call_server_url_wins(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """RequestOptions.server_url replaces the core's base URL for one call."""
    other = "https://other.test/api/v1/chat/completions"
    httpx_mock.add_response(url=other, json=result_json())
    outcome = send(
        mode, _core(), user_request(), RequestOptions(server_url="https://other.test/api")
    )
    assert isinstance(outcome, Success)


@pytest.mark.parametrize("status", DOCUMENTED_STATUSES)
def test_every_status_of_the_table(mode: Mode, status: int, httpx_mock: HTTPXMock) -> None:
    """Each of the 14 statuses comes back as its error class, with the envelope read."""
    body = {"error": {"code": status, "message": f"Upstream said {status}"}}
    httpx_mock.add_response(
        url=URL, status_code=status, json=body, headers={"X-Generation-Id": "g"}
    )
    err = send(mode, _core(), user_request()).failure()
    assert (DOCUMENTED_STATUS_ERRORS[status], status, f"Upstream said {status}", "g", 1) == (
        type(err),
        err.status_code,
        err.message,
        err.generation_id,
        err.attempts,
    )


@pytest.mark.parametrize("status", [418, 599])
def test_unlisted_statuses_are_the_default_error(
    mode: Mode, status: int, httpx_mock: HTTPXMock
) -> None:
    """418 and 599 are OpenRouterDefaultError, still carrying the parsed envelope."""
    httpx_mock.add_response(
        url=URL, status_code=status, json={"error": {"code": status, "message": "x"}}
    )
    err = send(mode, _core(), user_request()).failure()
    assert (OpenRouterDefaultError, status, status) == (type(err), err.status_code, err.code)


def test_html_502_from_a_proxy_keeps_the_body(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """A non-JSON error page keeps its status's class, with its text intact."""
    page = "<html><body><h1>502 Bad Gateway</h1></body></html>"
    httpx_mock.add_response(
        url=URL, status_code=502, text=page, headers={"content-type": "text/html"}
    )
    err = send(mode, _core(), user_request()).failure()
    assert (BadGatewayResponseError, page) == (type(err), err.body)


def test_http_200_error_is_a_generation_error(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """An error inside a 200 body fails the call instead of looking like an answer."""
    body = {"error": {"code": 502, "message": "Provider returned error"}, "provider": "OpenAI"}
    httpx_mock.add_response(url=URL, json=body)
    err = send(mode, _core(), user_request()).failure()
    assert (GenerationError, 502, "OpenAI") == (type(err), err.code, err.provider)


def test_non_json_success_is_a_validation_error(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """A 200 that is not JSON is ResponseValidationError with the body kept."""
    httpx_mock.add_response(url=URL, text="this is not json")
    err = send(mode, _core(), user_request()).failure()
    assert (ResponseValidationError, "this is not json") == (type(err), err.body)


@pytest.mark.parametrize(
    ("exception", "expected"),
    [
        (httpx.ConnectError("refused"), ConnectionFailedError),
        (httpx.RemoteProtocolError("peer closed"), ConnectionFailedError),
        (httpx.ReadError("reset"), ConnectionFailedError),
        (httpx.ConnectTimeout("slow connect"), RequestTimeoutError),
        (httpx.ReadTimeout("slow read"), RequestTimeoutError),
        (httpx.PoolTimeout("pool"), RequestTimeoutError),
        (httpx.UnsupportedProtocol("gopher"), UnexpectedClientError),
        (
            RuntimeError("Cannot send a request, as the client has been closed."),
            RequestAbortedError,
        ),
        (ValueError("custom transport bug"), UnexpectedClientError),
    ],
    ids=[
        "connect",
        "protocol",
        "read",
        "connect-timeout",
        "read-timeout",
        "pool",
        "scheme",
        "closed",
        "other",
    ],
)
def test_transport_exceptions_become_error_values(
    mode: Mode, exception: Exception, expected: type, httpx_mock: HTTPXMock
) -> None:
    """Each httpx failure maps to one error class, with the exception as its cause."""
    httpx_mock.add_exception(exception, url=URL)
    err = send(mode, _core(), user_request()).failure()
    assert (expected, exception) == (type(err), err.__cause__)


def test_stream_true_names_chat_stream(mode: Mode) -> None:
    """chat_send refuses stream=True and says which function to call instead."""
    err = send(mode, _core(), user_request(stream=True)).failure()
    assert isinstance(err, InvalidRequestError)
    assert "chat_stream" in str(err)


def test_missing_key_is_a_failure_at_call_time(mode: Mode) -> None:
    """No key anywhere: the core builds, and the call answers a clear Failure without I/O."""
    core = OpenRouterCore(server_url=BASE_URL)
    err = send(mode, core, user_request()).failure()
    assert (SDKValidationError, "api_key") == (type(err), err.field)
    assert "OPENROUTER_API_KEY" in str(err)


def test_key_from_environment_and_callable(
    mode: Mode, httpx_mock: HTTPXMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """OPENROUTER_API_KEY is read when the core is built; a callable is asked per call."""
    httpx_mock.add_response(url=URL, json=result_json(), is_reusable=True)
    monkeypatch.setenv("OPENROUTER_API_KEY", "sk-env")
    send(mode, OpenRouterCore(server_url=BASE_URL, retry_config=NO_RETRIES), user_request())
    send(mode, _core(api_key=lambda: "sk-callable"), user_request())
    first, second = httpx_mock.get_requests()
    assert ("Bearer sk-env", "Bearer sk-callable") == (
        first.headers["authorization"],
        second.headers["authorization"],
    )


def test_raising_key_callable_is_a_failure(mode: Mode) -> None:
    """A key provider that raises gives UnexpectedClientError with its exception as cause."""
    boom = KeyError("vault down")

    def provider() -> str:
        raise boom

    err = send(mode, _core(api_key=provider), user_request()).failure()
    assert (UnexpectedClientError, boom) == (type(err), err.__cause__)


def test_environment_supplies_url_and_attribution(
    mode: Mode, httpx_mock: HTTPXMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """OPENROUTER_BASE_URL and the attribution variables fill unset options."""
    monkeypatch.setenv("OPENROUTER_BASE_URL", "https://env.test/api/v1/")
    monkeypatch.setenv("OPENROUTER_HTTP_REFERER", "https://env.example")
    monkeypatch.setenv("OPENROUTER_APP_TITLE", "Env Title")
    monkeypatch.setenv("OPENROUTER_APP_CATEGORIES", "programming-app")
    httpx_mock.add_response(url="https://env.test/api/v1/chat/completions", json=result_json())
    send(mode, OpenRouterCore(api_key="k", retry_config=NO_RETRIES), user_request())
    request = httpx_mock.get_request()
    assert request is not None
    assert ("https://env.example", "Env Title", "programming-app") == (
        request.headers["http-referer"],
        request.headers["x-openrouter-title"],
        request.headers["x-openrouter-categories"],
    )


def test_key_is_not_sent_over_plain_http_to_a_remote_host(mode: Mode) -> None:
    """http:// to a non-loopback host is refused unless the caller opts in."""
    err = send(mode, _core(server_url="http://example.com/api/v1"), user_request()).failure()
    assert (SDKValidationError, "server_url") == (type(err), err.field)


def test_unsafe_header_is_refused_before_io(mode: Mode) -> None:
    """A CR/LF in an attribution value fails the call; nothing is sent."""
    err = send(mode, _core(app_title="x\r\nInjected: 1"), user_request()).failure()
    assert isinstance(err, SDKValidationError)


def test_oversized_body_is_refused(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """A body over max_response_bytes is a clear Failure, not a memory blow-up."""
    httpx_mock.add_response(url=URL, json=result_json(content="x" * 5000))
    err = send(mode, _core(max_response_bytes=1000), user_request()).failure()
    assert isinstance(err, ResponseValidationError)
    assert "max_response_bytes" in str(err)


def test_repr_never_shows_the_key(mode: Mode) -> None:
    """The core's repr says whether a key is set, never what it is."""
    assert "sk-or-test" not in repr(_core())
    assert "api_key=<set>" in repr(_core())


def test_injected_client_is_used_and_not_closed(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """A caller's own httpx client carries the request and stays open after close()."""
    httpx_mock.add_response(url=URL, json=result_json())
    if mode == "sync":
        client = httpx.Client()
        core = _core(http_client=client)
        assert isinstance(send(mode, core, user_request()), Success)
        core.close()
        assert not client.is_closed
        client.close()
    else:
        aclient = httpx.AsyncClient()
        core = _core(async_http_client=aclient)
        assert isinstance(send(mode, core, user_request()), Success)
        assert not aclient.is_closed


def test_request_that_is_not_a_chat_request_is_refused(mode: Mode) -> None:
    """Passing the wrong type gives SDKValidationError rather than a crash."""
    err = send(mode, _core(), {"messages": []}).failure()
    assert isinstance(err, SDKValidationError)


def test_closed_core_creates_a_fresh_client(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """After close(), the next call opens a new client instead of failing."""
    httpx_mock.add_response(url=URL, json=result_json(), is_reusable=True)
    core = _core()
    core.close()
    assert isinstance(send(mode, core, user_request()), Success)
    core.close()
