"""Security: the API key stays in the outgoing request only; headers cannot be smuggled; the
key does not travel over plain http to another host; TLS verification stays on. Both twins."""

import asyncio
import logging
import ssl
import traceback
from collections.abc import Iterator, Mapping
from typing import Any, cast

import attrs
import httpx
import pytest
from returns.result import Failure

from openrouter_core import BackoffStrategy, OpenRouterCore, RequestOptions, RetryConfig
from openrouter_core._options import Hooks
from openrouter_core.errors import SDKValidationError
from openrouter_core.funcs import chat_send, chat_send_async, chat_stream, chat_stream_async
from openrouter_core.models import SendChatCompletionRequest
from openrouter_core.testing import FakeOpenRouter

from .rawserver import SSL_CONTEXT, refusing_url
from .support import MODES, Mode, user_request

SECRET = "sk-or-v1-SECRET0123456789abcdef"


QUICK_RETRIES = RetryConfig(
    backoff=BackoffStrategy(
        initial_interval=0.01, max_interval=0.05, exponent=2.0, max_elapsed_time=0.3
    )
)
"""Retries happen (the logs and hooks see them), briefly."""


class Recorder:
    """Hooks that keep every argument they are given."""

    def __init__(self) -> None:
        self.seen: list[object] = []

    def keep(self, *args: Any) -> None:
        self.seen.extend(args)

    def hooks(self) -> Hooks:
        return Hooks(
            before_create_request=[self.keep],
            before_request=[self.keep],
            after_success=[self.keep],
            after_error=[self.keep],
        )


def _texts(value: object, seen: set[int]) -> Iterator[str]:
    """Every text reachable from ``value``: reprs, strs, fields, mappings, causes, tracebacks.

    ``httpx.Request`` is not entered: it is the outgoing request, which carries the key by
    necessity (a ``Response`` and an httpx exception point back to it).
    """
    if id(value) in seen or isinstance(value, httpx.Request):
        return
    seen.add(id(value))
    yield repr(value)
    if isinstance(value, str | bytes):
        yield value.decode("latin-1") if isinstance(value, bytes) else value
        return
    if isinstance(value, BaseException):
        yield str(value)
        yield "".join(traceback.format_exception(value))
        for linked in (value.__cause__, value.__context__, *value.args, *vars(value).values()):
            yield from _texts(linked, seen)
    if isinstance(value, httpx.Response):
        yield from _texts(value.headers.raw, seen)
        return
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield from _texts(key, seen)
            yield from _texts(item, seen)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _texts(item, seen)
    elif attrs.has(type(value)):
        for field in attrs.fields(cast(Any, type(value))):
            yield from _texts(getattr(value, field.name), seen)


def _leaks(*values: object) -> list[str]:
    seen: set[int] = set()
    return [text for value in values for text in _texts(value, seen) if SECRET in text]


def _call(
    mode: Mode, op: str, options: RequestOptions | None, **core_options: Any
) -> tuple[OpenRouterCore, list[object]]:
    """Run one call on a fresh core; return the core, the Result and, for a stream, every
    item and the collected result. The core's client shares one CA store (quicker)."""
    request = user_request("What is the capital of France?")
    if mode == "sync":
        with httpx.Client(verify=SSL_CONTEXT) as client:
            core = OpenRouterCore(http_client=client, **core_options)
            if op == "send":
                return core, [chat_send(core, request, options)]
            outcome: Any = chat_stream(core, request, options)
            if isinstance(outcome, Failure):
                return core, [outcome]
            with outcome.unwrap() as live:
                return core, [outcome, *live, live.collect()]

    async def go() -> tuple[OpenRouterCore, list[object]]:
        async with httpx.AsyncClient(verify=SSL_CONTEXT) as client:
            core = OpenRouterCore(async_http_client=client, **core_options)
            if op == "send":
                return core, [await chat_send_async(core, request, options)]
            outcome: Any = await chat_stream_async(core, request, options)
            if isinstance(outcome, Failure):
                return core, [outcome]
            async with outcome.unwrap() as live:
                return core, [outcome, *[item async for item in live], live.collect()]

    return asyncio.run(go())


SCENARIOS: dict[str, tuple[str, str | None, dict[str, Any]]] = {
    "send-ok": ("send", None, {}),
    "stream-ok": ("stream", None, {}),
    "send-retried-429": ("send", "flaky-429-1", {}),
    "stream-retried-503": ("stream", "flaky-503-1", {}),
    "send-401": ("send", None, {"server_key": "another-key"}),
    "stream-401": ("stream", None, {"server_key": "another-key"}),
    "send-error-in-body": ("send", "error-in-body", {}),
    "send-choice-error": ("send", "choice-error", {}),
    "stream-mid-stream-error": ("stream", "mid-stream-error", {}),
    "stream-truncated": ("stream", "truncate", {}),
    "send-reset": ("send", "reset-before-status", {}),
    "stream-reset-mid-stream": ("stream", "reset-mid-stream", {}),
    "send-timeout": ("send", "slow-1", {"timeout": 0.2}),
    "stream-stalled": ("stream", "stall-1", {"first_content_timeout": 0.2}),
    "send-html-502": ("send", "html-502", {}),
}


@pytest.mark.parametrize("scenario", list(SCENARIOS))
@pytest.mark.parametrize("mode", MODES)
def test_key_never_appears_in_results_errors_logs_or_hooks(
    mode: Mode, scenario: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Whatever happens, the key shows up in no value, log line or hook argument but the request."""
    op, fault, extra = SCENARIOS[scenario]
    caplog.set_level(logging.DEBUG)
    recorder = Recorder()
    with FakeOpenRouter(api_key=extra.get("server_key", SECRET)) as server:
        faulty = {"X-Fake-Fault": fault, "X-Fake-Retry-After": "0"} if fault else {}
        core, told = _call(
            mode,
            op,
            RequestOptions(headers=faulty),
            api_key=SECRET,
            server_url=server.base_url,
            retry_config=QUICK_RETRIES,
            hooks=recorder.hooks(),
            timeout=extra.get("timeout", 5.0),
            first_content_timeout=extra.get("first_content_timeout", 5.0),
        )
    logged = [(r.name, r.getMessage(), repr(r.args), r.exc_text or "") for r in caplog.records]
    assert [] == _leaks(core, str(core), told, recorder.seen, logged, caplog.text)
    assert any(name == "openrouter_core" for name, *_ in logged)  # the check saw real logging
    assert any(isinstance(seen, httpx.Request) for seen in recorder.seen)


def test_key_never_appears_when_the_connection_is_refused(caplog: pytest.LogCaptureFixture) -> None:
    """A connection failure (the error keeps httpx's exception as its cause) hides the key."""
    caplog.set_level(logging.DEBUG)
    sock, url = refusing_url()
    with sock:
        _, told = _call(
            "sync", "send", None, api_key=SECRET, server_url=url, retry_config=QUICK_RETRIES
        )
    assert isinstance(told[0], Failure)
    assert [] == _leaks(told, [r.getMessage() for r in caplog.records], caplog.text)


BAD_HEADERS: dict[str, tuple[dict[str, Any], RequestOptions | None, Any]] = {
    "referer-crlf": ({"http_referer": "https://a.example\r\nX-Injected: 1"}, None, None),
    "title-lf": ({"app_title": "App\nX-Injected: 1"}, None, None),
    "categories-cr": ({"app_categories": "cli-agent\rX-Injected: 1"}, None, None),
    "title-non-ascii": ({"app_title": "Café ☕"}, None, None),
    "referer-non-ascii": ({"http_referer": "https://exämple.test"}, None, None),
    "user-agent-crlf": ({"user_agent": "ua\r\nX-Injected: 1"}, None, None),
    "key-with-crlf-inside": ({"api_key": SECRET + "\r\nX-Injected: 1"}, None, None),
    "key-non-ascii": ({"api_key": SECRET + "é"}, None, None),
    "option-header-value-crlf": (
        {},
        RequestOptions(headers={"X-Trace": "a\r\nX-Injected: 1"}),
        None,
    ),
    "option-header-name-colon": ({}, RequestOptions(headers={"X-Injected: 1\r\nX": "v"}), None),
    "option-authorization-crlf": (
        {},
        RequestOptions(headers={"Authorization": f"Bearer {SECRET}\r\nX: 1"}),
        None,
    ),
    "per-call-title-crlf": ({}, None, {"app_title": "T\r\nX-Injected: 1"}),
    "per-call-referer-non-ascii": ({}, None, {"http_referer": "https://ü.test"}),
}


@pytest.mark.parametrize("case", list(BAD_HEADERS))
@pytest.mark.parametrize("op", ["send", "stream"])
@pytest.mark.parametrize("mode", MODES)
def test_unsafe_header_values_are_refused_before_sending(mode: Mode, op: str, case: str) -> None:
    """CR, LF or non-ASCII in any header is Failure(SDKValidationError); nothing is sent."""
    core_options, options, wrapper = BAD_HEADERS[case]
    core_options = {"api_key": SECRET, **core_options}
    with FakeOpenRouter(api_key=None) as server:
        core = OpenRouterCore(server_url=server.base_url, **core_options)
        request: Any = user_request()
        if wrapper is not None:
            request = SendChatCompletionRequest(chat_request=request, **wrapper)
        with core:
            if mode == "sync":
                outcome: Any = (chat_send if op == "send" else chat_stream)(core, request, options)
            else:
                call = chat_send_async if op == "send" else chat_stream_async
                outcome = asyncio.run(call(core, request, options))
        sent = server.requests
    assert (SDKValidationError, []) == (type(outcome.failure()), sent)
    assert [] == _leaks(outcome.failure())


def _recording_client(seen: list[httpx.Request]) -> httpx.Client:
    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(401, json={"error": {"code": 401, "message": "no"}})

    return httpx.Client(transport=httpx.MockTransport(answer))


@pytest.mark.parametrize(
    "url",
    [
        "http://openrouter.example/api/v1",
        "http://127.0.0.1.attacker.example/api/v1",
        "http://127.attacker.example/api/v1",
        "http://localhost.attacker.example/api/v1",
        "http://10.0.0.1:8080/api/v1",
    ],
)
def test_key_is_not_sent_over_plain_http_to_another_host(url: str) -> None:
    """Plain http to a host that is not loopback is refused, and nothing leaves the client."""
    seen: list[httpx.Request] = []
    with _recording_client(seen) as client:
        core = OpenRouterCore(api_key=SECRET, server_url=url, http_client=client)
        error: Any = chat_send(core, user_request()).failure()
    assert (SDKValidationError, "server_url", []) == (type(error), error.field, seen)


@pytest.mark.parametrize("mode", MODES)
def test_plain_http_refusal_holds_for_both_twins(mode: Mode) -> None:
    """chat_stream and the async twins refuse plain http to another host as chat_send does."""
    core = OpenRouterCore(api_key=SECRET, server_url="http://openrouter.example/api/v1")
    with core:
        if mode == "sync":
            outcome: Any = chat_stream(core, user_request())
        else:
            outcome = asyncio.run(chat_stream_async(core, user_request()))
    assert SDKValidationError is type(outcome.failure())


def test_plain_http_to_another_host_is_sent_when_the_caller_opts_in() -> None:
    """allow_insecure_http=True lets the request, key included, go out over plain http."""
    seen: list[httpx.Request] = []
    with _recording_client(seen) as client:
        core = OpenRouterCore(
            api_key=SECRET,
            server_url="http://openrouter.example/api/v1",
            http_client=client,
            allow_insecure_http=True,
        )
        chat_send(core, user_request())
    assert [("http", f"Bearer {SECRET}")] == [
        (r.url.scheme, r.headers["authorization"]) for r in seen
    ]


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:{port}/api/v1",
        "http://127.0.0.1:{port}/api/v1",
        "http://[::1]:{port}/api/v1",
    ],
)
def test_plain_http_to_loopback_needs_no_opt_in(url: str) -> None:
    """A local server (tests, a proxy on this machine) is reachable over plain http."""
    seen: list[httpx.Request] = []
    with _recording_client(seen) as client:
        core = OpenRouterCore(api_key=SECRET, server_url=url.format(port=8080), http_client=client)
        chat_send(core, user_request())
    assert 1 == len(seen)


def _ssl_context(client: httpx.Client | httpx.AsyncClient) -> ssl.SSLContext:
    context: ssl.SSLContext = getattr(client, "_transport")._pool._ssl_context  # noqa: B009
    return context


def test_clients_the_core_creates_verify_tls() -> None:
    """The core's own clients check certificates and host names."""

    async def main() -> list[tuple[ssl.VerifyMode, bool]]:
        async with OpenRouterCore(api_key=SECRET) as core:
            contexts = [_ssl_context(core.client), _ssl_context(core.async_client)]
            return [(c.verify_mode, c.check_hostname) for c in contexts]

    assert [(ssl.CERT_REQUIRED, True)] * 2 == asyncio.run(main())


def test_a_callers_client_keeps_its_own_tls_settings() -> None:
    """Only the caller's own client can turn verification off, and the core uses it as is."""
    with httpx.Client(verify=False) as client:
        core = OpenRouterCore(api_key=SECRET, http_client=client)
        assert (client, ssl.CERT_NONE) == (core.client, _ssl_context(core.client).verify_mode)
