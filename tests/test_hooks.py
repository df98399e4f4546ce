"""Hooks through pytest-httpx, both twins: what each hook point sees, changes and breaks."""

import json
from typing import Any

import attrs
import httpx
import pytest
from pytest_httpx import HTTPXMock
from returns.result import Success

from openrouter_core import BackoffStrategy, HookContext, Hooks, RetryConfig
from openrouter_core.errors import (
    ConnectionFailedError,
    OpenRouterError,
    ServiceUnavailableResponseError,
    UnexpectedClientError,
)

from .shell_support import FakeClock, tracking_core
from .support import MODES, URL, Mode, result_json, send, user_request

pytestmark = pytest.mark.parametrize("mode", MODES)

KEY = "sk-or-v1-hook-secret-0123456789"
RETRY = RetryConfig(backoff=BackoffStrategy(initial_interval=1.0, exponent=1.0))


def _send(mode: Mode, hooks: Hooks, **options: Any) -> Any:
    responses: list[httpx.Response] = []
    options.setdefault("retry_config", RETRY)
    core = tracking_core(mode, FakeClock(), responses, api_key=KEY, hooks=hooks, **options)
    return send(mode, core, user_request())


def _503() -> dict[str, Any]:
    return {"url": URL, "status_code": 503, "json": {"error": {"code": 503, "message": "down"}}}


def test_before_create_request_sees_and_replaces_the_body(
    mode: Mode, httpx_mock: HTTPXMock
) -> None:
    """The hook gets the body as dicts and the dict it returns is what goes on the wire."""
    httpx_mock.add_response(url=URL, json=result_json())
    seen: list[dict[str, Any]] = []

    def rewrite(context: HookContext, body: dict[str, Any]) -> dict[str, Any]:
        seen.append(json.loads(json.dumps(body)))
        return {**body, "model": "anthropic/claude-sonnet-4", "user": "u-1"}

    _send(mode, Hooks(before_create_request=[rewrite]))
    request = httpx_mock.get_request()
    assert request is not None
    assert ["openai/gpt-4o"] == [body["model"] for body in seen]
    assert ("anthropic/claude-sonnet-4", "u-1") == (
        json.loads(request.content)["model"],
        json.loads(request.content)["user"],
    )


def test_before_create_request_returning_none_keeps_the_body(
    mode: Mode, httpx_mock: HTTPXMock
) -> None:
    """A hook that only looks (returns None) leaves the body as built."""
    httpx_mock.add_response(url=URL, json=result_json())
    _send(mode, Hooks(before_create_request=[lambda context, body: None]))
    request = httpx_mock.get_request()
    assert request is not None
    assert "openai/gpt-4o" == json.loads(request.content)["model"]


def test_before_create_request_may_empty_the_body(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """An empty dict returned by the hook is a replacement, not 'no change'."""
    httpx_mock.add_response(url=URL, json=result_json())
    _send(mode, Hooks(before_create_request=[lambda context, body: {}]))
    request = httpx_mock.get_request()
    assert request is not None
    assert {} == json.loads(request.content)


def test_before_request_may_replace_the_request(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """A request returned by the hook, with an added header, is the one sent."""
    httpx_mock.add_response(url=URL, json=result_json())

    def tag(context: HookContext, request: httpx.Request) -> httpx.Request:
        headers = {**request.headers, "X-Trace-Id": "trace-7"}
        return httpx.Request(request.method, request.url, headers=headers, content=request.content)

    assert isinstance(_send(mode, Hooks(before_request=[tag])), Success)
    request = httpx_mock.get_request()
    assert request is not None
    assert ("trace-7", f"Bearer {KEY}") == (
        request.headers["x-trace-id"],
        request.headers["authorization"],
    )


def test_a_replaced_request_keeps_the_call_timeouts(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """A fresh httpx.Request from the hook still carries the configured timeouts."""
    httpx_mock.add_response(url=URL, json=result_json())

    def rebuild(context: HookContext, request: httpx.Request) -> httpx.Request:
        return httpx.Request(
            request.method, request.url, headers=request.headers, content=request.content
        )

    _send(mode, Hooks(before_request=[rebuild]), timeout=httpx.Timeout(3.0))
    request = httpx_mock.get_request()
    assert request is not None
    assert httpx.Timeout(3.0).as_dict() == request.extensions["timeout"]


def test_before_request_changes_do_not_leak_into_the_next_attempt(
    mode: Mode, httpx_mock: HTTPXMock
) -> None:
    """Each attempt's hook starts from the request as built, not the previous attempt's."""
    httpx_mock.add_response(**_503())
    httpx_mock.add_response(url=URL, json=result_json())

    def count(context: HookContext, request: httpx.Request) -> None:
        request.headers["X-Tags"] = request.headers.get("X-Tags", "") + f"[{context.attempt}]"

    _send(mode, Hooks(before_request=[count]))
    assert ["[1]", "[2]"] == [r.headers["x-tags"] for r in httpx_mock.get_requests()]


def test_after_success_sees_the_response(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """after_success gets the 2xx response of the attempt that succeeded."""
    httpx_mock.add_response(url=URL, json=result_json(), headers={"X-Generation-Id": "gen-9"})
    seen: list[tuple[int, int, str]] = []

    def keep(context: HookContext, response: httpx.Response) -> None:
        seen.append((context.attempt, response.status_code, response.headers["x-generation-id"]))

    _send(mode, Hooks(after_success=[keep]))
    assert [(1, 200, "gen-9")] == seen


def test_after_error_sees_every_failed_attempt(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """Two 503s then a 200: after_error runs twice with response and error, after_success once."""
    httpx_mock.add_response(**_503())
    httpx_mock.add_response(**_503())
    httpx_mock.add_response(url=URL, json=result_json())
    errors: list[tuple[int, int | None, type]] = []
    successes: list[int] = []

    def on_error(
        context: HookContext, response: httpx.Response | None, error: OpenRouterError
    ) -> None:
        errors.append((context.attempt, response.status_code if response else None, type(error)))

    def on_success(context: HookContext, response: httpx.Response) -> None:
        successes.append(context.attempt)

    _send(mode, Hooks(after_error=[on_error], after_success=[on_success]))
    unavailable = ServiceUnavailableResponseError
    assert [(1, 503, unavailable), (2, 503, unavailable)] == errors
    assert [3] == successes


def test_after_error_sees_no_response_for_a_connection_error(
    mode: Mode, httpx_mock: HTTPXMock
) -> None:
    """A transport failure reaches after_error with response None and the error value."""
    httpx_mock.add_exception(httpx.ConnectError("refused"), url=URL)
    seen: list[tuple[httpx.Response | None, type]] = []

    def on_error(
        context: HookContext, response: httpx.Response | None, error: OpenRouterError
    ) -> None:
        seen.append((response, type(error)))

    _send(mode, Hooks(after_error=[on_error]), retry_config=RetryConfig(strategy="none"))
    assert [(None, ConnectionFailedError)] == seen


def test_hooks_run_in_order_per_attempt(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """Hooks run in list order at each point, and the per-attempt points once per attempt."""
    httpx_mock.add_response(**_503())
    httpx_mock.add_response(url=URL, json=result_json())
    order: list[str] = []

    def mark(name: str) -> Any:
        def hook(context: HookContext, *args: Any) -> None:
            order.append(f"{name}@{context.attempt}")

        return hook

    hooks = Hooks(
        before_create_request=[mark("create-a"), mark("create-b")],
        before_request=[mark("request-a"), mark("request-b")],
        after_success=[mark("success-a"), mark("success-b")],
        after_error=[mark("error-a"), mark("error-b")],
    )
    _send(mode, hooks)
    assert [
        "create-a@0",
        "create-b@0",
        "request-a@1",
        "request-b@1",
        "error-a@1",
        "error-b@1",
        "request-a@2",
        "request-b@2",
        "success-a@2",
        "success-b@2",
    ] == order


def _raising(point: str, boom: Exception) -> Hooks:
    def hook(*args: Any) -> None:
        raise boom

    return Hooks(**{point: [hook]})


@pytest.mark.parametrize(
    "point", ["before_create_request", "before_request", "after_success", "after_error"]
)
def test_a_raising_hook_is_a_failure_with_its_exception_as_cause(
    mode: Mode, point: str, httpx_mock: HTTPXMock
) -> None:
    """Whichever hook raises, the call answers Failure(UnexpectedClientError) from it."""
    boom = LookupError(f"{point} broke")
    if point == "after_error":
        httpx_mock.add_response(**_503())
    elif point == "after_success":
        httpx_mock.add_response(url=URL, json=result_json())
    err = _send(mode, _raising(point, boom)).failure()
    assert (UnexpectedClientError, boom, 1) == (type(err), err.__cause__, err.attempts)
    assert point in str(err)


def test_a_raising_after_error_hook_stops_the_retries(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """A broken after_error hook ends the call instead of retrying past it."""
    httpx_mock.add_response(**_503())
    _send(mode, _raising("after_error", RuntimeError("broken")))
    assert 1 == len(httpx_mock.get_requests())


def test_hook_context_never_holds_the_key(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """No attribute and no repr of any HookContext contains the API key."""
    httpx_mock.add_response(**_503())
    httpx_mock.add_response(url=URL, json=result_json())
    contexts: list[HookContext] = []

    def keep(context: HookContext, *args: Any) -> None:
        contexts.append(context)

    points = ("before_create_request", "before_request", "after_success", "after_error")
    hooks = Hooks(**{point: [keep] for point in points})
    _send(mode, hooks)
    assert 5 == len(contexts)
    shown = [repr(context) for context in contexts] + [
        repr(value) for context in contexts for value in attrs.asdict(context).values()
    ]
    assert [] == [text for text in shown if KEY in text or "Bearer" in text]
