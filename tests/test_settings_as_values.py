"""The environment and the caller's settings as values, over real loopback sockets.

Client creation reads proxy and TLS variables and used to raise from inside a call; wrong
option types used to surface as AttributeErrors deep in the call. Now every one is either
a clear error at construction or a Failure at the call, and nothing is sent.
"""

import importlib.util
import logging
from typing import Any

import httpx
import pytest
from returns.result import Failure, Result, Success

from openrouter_core import Hooks, OpenRouterCore, RequestOptions, RetryConfig
from openrouter_core.errors import SDKValidationError, UnexpectedClientError
from openrouter_core.testing import FakeOpenRouter

from .rawserver import observe
from .support import MODES, Mode, run_async, user_request

OPS = ["send", "stream"]


def _call(mode: Mode, op: str, core: OpenRouterCore, request: Any = None, **options: Any) -> Any:
    """The call's outcome: its Failure's error, or the reply (a stream is drained)."""
    from openrouter_core.funcs import chat_send, chat_send_async, chat_stream, chat_stream_async

    request = request if request is not None else user_request()
    opts = RequestOptions(**options) if options else None
    if mode == "sync":
        with core:
            if op == "send":
                return _value(chat_send(core, request, opts))
            started = chat_stream(core, request, opts)
            if isinstance(started, Failure):
                return started.failure()
            with started.unwrap() as stream:
                return list(stream)

    async def go() -> Any:
        if op == "send":
            return _value(await chat_send_async(core, request, opts))
        begun = await chat_stream_async(core, request, opts)
        if isinstance(begun, Failure):
            return begun.failure()
        async with begun.unwrap() as stream:
            return [item async for item in stream]

    return run_async(core, go)


def _value(outcome: Result[Any, Any]) -> Any:
    return outcome.failure() if isinstance(outcome, Failure) else outcome.unwrap()


def _core(fake: FakeOpenRouter, **options: Any) -> OpenRouterCore:
    options.setdefault("server_url", fake.base_url)
    return OpenRouterCore(api_key=fake.api_key, **options)


# -- the environment ------------------------------------------------------------------------

ENVIRONMENTS = [
    ("ALL_PROXY", "socks5://127.0.0.1:1080", "socksio"),
    ("HTTPS_PROXY", "ftp://proxy.example:21", "proxy URL"),
    ("all_proxy", "socks4://proxy.example:1080", "proxy URL"),
    ("HTTP_PROXY", "http://[::1", "proxy URL"),
    ("SSL_CERT_FILE", "/nonexistent/ca.pem", "certificate"),
]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("op", OPS)
@pytest.mark.parametrize("setting", ENVIRONMENTS, ids=[e[0] for e in ENVIRONMENTS])
def test_unusable_environment_settings_are_a_failure_naming_the_variable(
    mode: Mode,
    op: str,
    setting: tuple[str, str, str],
    fake_openrouter: FakeOpenRouter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """httpx refuses these when building a client (ImportError, ValueError, InvalidURL,
    FileNotFoundError, even for plain http); the call answers a Failure that names the
    variable and what to do, and sends nothing."""
    variable, value, says = setting
    if variable == "ALL_PROXY" and importlib.util.find_spec("socksio") is not None:
        pytest.skip("socksio is installed: a SOCKS proxy is usable")
    monkeypatch.setenv(variable, value)
    error = _call(mode, op, _core(fake_openrouter))
    assert isinstance(error, SDKValidationError)
    assert (variable, True, True) == (error.field, variable in str(error), says in str(error))
    assert [] == fake_openrouter.requests


def test_a_proxy_password_is_not_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    """The message names the proxy variable without the password it carries."""
    monkeypatch.setenv("HTTPS_PROXY", "ftp://user:hunter2-secret@proxy.example:21")
    error = OpenRouterCore(api_key="k").acquire_client().failure()
    assert "HTTPS_PROXY" in str(error)
    assert "hunter2-secret" not in str(error)


def test_client_properties_raise_the_error_value(monkeypatch: pytest.MonkeyPatch) -> None:
    """core.client (a property, so it cannot answer a Result) raises the same error value."""
    monkeypatch.setenv("SSL_CERT_FILE", "/nonexistent/ca.pem")
    with pytest.raises(SDKValidationError, match="SSL_CERT_FILE"):
        _ = OpenRouterCore(api_key="k").client


# -- option types -------------------------------------------------------------------------

CORE_OPTIONS: list[tuple[str, Any, type[Exception]]] = [
    ("api_key", 12345, TypeError),
    ("server_url", 8080, TypeError),
    ("app_title", b"bytes", TypeError),
    ("timeout", "10", TypeError),
    ("timeout", -1, ValueError),
    ("deadline", "5", TypeError),
    ("deadline", float("nan"), ValueError),
    ("idle_timeout", True, TypeError),
    ("retry_config", {"strategy": "none"}, TypeError),
    ("hooks", [], TypeError),
    ("debug_logger", "openrouter", TypeError),
    ("http_client", httpx.AsyncClient, TypeError),
    ("async_http_client", httpx.Client, TypeError),
    ("max_response_bytes", "64MB", TypeError),
    ("max_line_bytes", 0, ValueError),
    ("allow_insecure_http", "yes", TypeError),
    ("runtime", object(), TypeError),
]


@pytest.mark.parametrize(("name", "value", "kind"), CORE_OPTIONS)
def test_a_core_option_of_the_wrong_type_is_refused_by_name(
    name: str, value: Any, kind: type[Exception]
) -> None:
    """A wrong type raises at construction, naming the option (never an AttributeError
    from deep inside a later call)."""
    if isinstance(value, type):  # a client class: the instance is built here, never opened
        value = value()
    with pytest.raises(kind, match=name):
        OpenRouterCore(**{name: value})


def test_the_key_is_never_shown_in_a_type_error() -> None:
    """An api_key of the wrong type (bytes, say) is refused without echoing it."""
    with pytest.raises(TypeError) as caught:
        OpenRouterCore(api_key=b"sk-or-v1-secret-bytes")  # type: ignore[arg-type]
    assert "secret-bytes" not in str(caught.value)


REQUEST_OPTIONS: list[tuple[str, Any, type[Exception]]] = [
    ("retries", {"strategy": "none"}, TypeError),
    ("timeout", "10", TypeError),
    ("deadline", -1.0, ValueError),
    ("keep_content", "no", TypeError),
    ("server_url", 8080, TypeError),
    ("headers", [("X-A", "1")], TypeError),
    ("extra_body", "{}", TypeError),
]


@pytest.mark.parametrize(("name", "value", "kind"), REQUEST_OPTIONS)
def test_a_request_option_of_the_wrong_type_is_refused_by_name(
    name: str, value: Any, kind: type[Exception]
) -> None:
    """RequestOptions checks its fields when it is built."""
    with pytest.raises(kind, match=f"RequestOptions.{name}"):
        RequestOptions(**{name: value})


def test_a_retry_config_with_a_backoff_of_the_wrong_type_is_refused() -> None:
    """A dict where a BackoffStrategy belongs fails at construction, not at the first retry."""
    with pytest.raises(TypeError, match="backoff"):
        RetryConfig(backoff={"initial_interval": 1.0})  # type: ignore[arg-type]


@pytest.mark.parametrize("field", ["before_create_request", "before_request", "after_error"])
def test_hooks_must_be_lists_of_callables(field: str) -> None:
    """One hook passed bare (not in a list) is refused with the fix in the message."""
    bare: dict[str, Any] = {field: print}
    with pytest.raises(TypeError, match=rf"Hooks.{field}.*\[hook\]"):
        Hooks(**bare)
    not_callable: dict[str, Any] = {field: ["not callable"]}
    with pytest.raises(TypeError, match=f"Hooks.{field}"):
        Hooks(**not_callable)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("op", OPS)
def test_usable_values_are_accepted(mode: Mode, op: str, fake_openrouter: FakeOpenRouter) -> None:
    """server_url as an httpx.URL (core and call), headers=None and extra_body=None work."""
    core = OpenRouterCore(api_key=fake_openrouter.api_key, server_url=httpx.URL("http://unused"))
    reply = _call(
        mode,
        op,
        core,
        server_url=httpx.URL(fake_openrouter.base_url),
        headers=None,
        extra_body=None,
    )
    assert not isinstance(reply, Exception)
    if op == "stream":
        assert isinstance(reply[-1], Success)
    assert 1 == len(fake_openrouter.requests)
    core_url = OpenRouterCore(api_key="k", server_url=httpx.URL(fake_openrouter.base_url))
    assert fake_openrouter.base_url == core_url.server_url


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("op", OPS)
def test_a_core_or_options_of_the_wrong_type_is_a_failure(
    mode: Mode, op: str, fake_openrouter: FakeOpenRouter
) -> None:
    """The facade where the core belongs, or a dict where RequestOptions belongs, is an
    SDKValidationError naming the argument; nothing is sent."""
    from openrouter_core import OpenRouter

    with OpenRouter(api_key=fake_openrouter.api_key, server_url=fake_openrouter.base_url) as sdk:
        core = _core(fake_openrouter)
        errors = [
            _wrong_call(mode, op, sdk, None, core),
            _wrong_call(mode, op, core, {"timeout": 5}, core),
        ]
        core.close()
    assert [("core", True), ("options", False)] == [
        (error.field, "client.core" in str(error)) for error in errors
    ]
    assert [] == fake_openrouter.requests


def _wrong_call(mode: Mode, op: str, target: Any, options: Any, core: OpenRouterCore) -> Any:
    """The error of a call made with arguments of the wrong type (Any: that is the point)."""
    from openrouter_core.funcs import chat_send, chat_send_async, chat_stream, chat_stream_async

    if mode == "sync":
        call: Any = chat_send if op == "send" else chat_stream
        return call(target, user_request(), options).failure()
    acall: Any = chat_send_async if op == "send" else chat_stream_async
    return run_async(core, lambda: acall(target, user_request(), options)).failure()


# -- hooks --------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("op", OPS)
@pytest.mark.parametrize("point", ["before_request", "before_create_request"])
def test_a_hook_returning_the_wrong_type_is_the_hooks_bug(
    mode: Mode, op: str, point: str, fake_openrouter: FakeOpenRouter
) -> None:
    """A replacing hook that returns neither a replacement nor None ends the call like a
    raising hook: Failure(UnexpectedClientError) naming the hook; nothing is sent."""
    wrong: dict[str, Any] = {point: [lambda context, value: "oops"]}
    hooks = Hooks(**wrong)
    error = _call(mode, op, _core(fake_openrouter, hooks=hooks))
    assert isinstance(error, UnexpectedClientError)
    assert point in str(error) and "str" in str(error)
    assert [] == fake_openrouter.requests


# -- credentials in the URL, lone surrogates -----------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("op", OPS)
@pytest.mark.parametrize("where", ["core", "call"])
def test_credentials_in_the_server_url_are_refused(
    mode: Mode, op: str, where: str, fake_openrouter: FakeOpenRouter
) -> None:
    """httpx would send user:pass@ as Basic auth in place of the Bearer key: refused, and
    the password is not repeated in the message."""
    url = fake_openrouter.base_url.replace("http://", "http://user:url-secret@")
    if where == "core":
        error = _call(mode, op, _core(fake_openrouter, server_url=url))
    else:
        error = _call(mode, op, _core(fake_openrouter), server_url=url)
    assert isinstance(error, SDKValidationError)
    assert ("server_url", False) == (error.field, "url-secret" in str(error))
    assert [] == fake_openrouter.requests


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("op", OPS)
def test_a_lone_surrogate_is_refused_where_it_is(
    mode: Mode, op: str, fake_openrouter: FakeOpenRouter
) -> None:
    """Text with a lone surrogate has no UTF-8 form: SDKValidationError naming the field,
    instead of invalid bytes on the wire."""
    error = _call(mode, op, _core(fake_openrouter), user_request("broken \ud83d here"))
    assert isinstance(error, SDKValidationError)
    assert "lone surrogate at messages[0].content" in str(error)
    assert [] == fake_openrouter.requests


@pytest.mark.parametrize("mode", MODES)
def test_a_surrogate_pair_written_as_two_code_points_is_one_character(
    mode: Mode, fake_openrouter: FakeOpenRouter
) -> None:
    """ "\\ud83d\\ude00" in Python source is a valid pair: it goes out as the one emoji."""
    reply = _call(mode, "send", _core(fake_openrouter), user_request("smile \ud83d\ude00"))
    assert not isinstance(reply, Exception)
    assert "smile \N{GRINNING FACE}".encode() in fake_openrouter.requests[0].body


def test_a_lone_surrogate_in_extra_body_is_refused_too() -> None:
    """The check covers the whole body, whatever put the text there."""
    observed = observe(
        "sync",
        "send",
        options=RequestOptions(extra_body={"user": "id-\udc80"}),
        api_key="k",
        server_url="http://127.0.0.1:9/api/v1",
    )
    assert SDKValidationError is observed.error
    assert "lone surrogate at user" in str(observed.value)


def test_logger_option_accepts_a_logger() -> None:
    """The checks accept what the annotations promise (a Logger, a callable key)."""
    core = OpenRouterCore(api_key=lambda: "k", debug_logger=logging.getLogger("x"))
    assert callable(core.api_key)


@pytest.mark.parametrize("url", ["ftp://user:url-secret@host/x", "https://user:url-secret@[::1/x"])
def test_a_malformed_server_url_is_refused_without_its_password(url: str) -> None:
    """Whatever is wrong with the URL, the message does not repeat its password."""
    error = _call("sync", "send", OpenRouterCore(api_key="k", server_url=url))
    assert isinstance(error, SDKValidationError)
    assert ("server_url", False) == (error.field, "url-secret" in str(error))


@pytest.mark.parametrize("mode", MODES)
def test_every_operation_fetches_its_client_inside_the_boundary(
    mode: Mode, fake_openrouter: FakeOpenRouter, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not only chat: models_list with a missing SSL_CERT_FILE answers the same Failure."""
    from openrouter_core.funcs import models_list, models_list_async

    monkeypatch.setenv("SSL_CERT_FILE", "/nonexistent/ca.pem")
    core = _core(fake_openrouter)
    if mode == "sync":
        error = models_list(core).failure()
    else:
        error = run_async(core, lambda: models_list_async(core)).failure()
    assert isinstance(error, SDKValidationError)
    assert ("SSL_CERT_FILE", []) == (error.field, fake_openrouter.requests)
