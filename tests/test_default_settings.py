"""A core given no settings, and a call given no options, behave as the settings' defaults.

They are not made for such a call (issue 16, cold start: ``test_cold_start`` shows which
classes a fresh process creates); these tests hold that leaving them out still means
``RetryConfig()``, ``Hooks()``, ``Runtime()`` and ``RequestOptions()``.
"""

from typing import Any

import httpx
import pytest
from returns.result import Failure

from openrouter_core import (
    NO_RETRIES,
    HookContext,
    Hooks,
    OpenRouterCore,
    RequestOptions,
    RetryConfig,
    Runtime,
)
from openrouter_core._chat import plan_chat
from openrouter_core._plan import CallPlan, plan_call
from openrouter_core.funcs._chat_send import endpoint as send_endpoint
from openrouter_core.funcs._chat_stream import endpoint as stream_endpoint
from openrouter_core.funcs._models_list import endpoint as list_endpoint
from openrouter_core.models import ChatRequest, ChatUserMessage
from openrouter_core.testing import FakeOpenRouter

from .support import MODES, Mode, send, user_request


def _view(plan: object) -> dict[str, Any]:
    """Everything a plan holds, its request as what goes on the wire."""
    assert isinstance(plan, CallPlan)
    view = {name: getattr(plan, name) for name in CallPlan.__slots__ if name != "request"}
    request = plan.request
    view["request"] = (
        request.method,
        str(request.url),
        request.headers.multi_items(),
        request.content,
        request.extensions,
    )
    return view


@pytest.mark.parametrize("settings", [{}, {"deadline": 7.0, "timeout": 3.0, "idle_timeout": 1.0}])
def test_no_options_plan_as_the_default_options_do(settings: dict[str, Any]) -> None:
    """Field for field, request included: chat (sent and streamed) and a GET."""
    core = OpenRouterCore(
        api_key="sk-or-test",
        server_url="https://openrouter.test/api/v1",
        runtime=Runtime(monotonic=lambda: 100.0),
        **settings,
    )
    request = ChatRequest(model="m", messages=[ChatUserMessage(content="Hi")])
    for endpoint in (send_endpoint(), stream_endpoint()):
        assert _view(plan_chat(core, endpoint, request, None)) == _view(
            plan_chat(core, endpoint, request, RequestOptions())
        )
    listed = list_endpoint()
    assert _view(plan_call(core, listed, None)) == _view(plan_call(core, listed, RequestOptions()))


def test_a_core_reads_back_the_defaults_and_what_it_was_given() -> None:
    """Left out, each setting reads as its class's defaults; given, as itself."""
    core = OpenRouterCore(api_key="sk-or-test")
    assert (core.retry_config, core.hooks, core.runtime) == (RetryConfig(), Hooks(), Runtime())
    retries, hooks, runtime = RetryConfig(max_attempts=2), Hooks(), Runtime()
    given = OpenRouterCore(api_key="sk-or-test", retry_config=retries, hooks=hooks, runtime=runtime)
    assert (given.retry_config, given.hooks, given.runtime) == (retries, hooks, runtime)
    assert given.retry_config is retries and given.hooks is hooks and given.runtime is runtime


@pytest.mark.parametrize("mode", MODES)
def test_settings_assigned_to_a_core_apply_to_its_next_calls(
    mode: Mode, fake_openrouter: FakeOpenRouter
) -> None:
    """As attributes: hooks and a retry config set after construction take effect."""
    core = OpenRouterCore(api_key=fake_openrouter.api_key, server_url=fake_openrouter.base_url)
    seen: list[tuple[str, int]] = []

    def record(context: HookContext, request: httpx.Request) -> None:
        seen.append((context.operation, context.attempt))

    core.hooks = Hooks(before_request=[record])
    core.retry_config = NO_RETRIES
    request = ChatRequest(model="fake/error-503", messages=[ChatUserMessage(content="Hi")])
    with core:
        failed = send(mode, core, request)
    assert isinstance(failed, Failure)
    assert failed.failure().attempts == 1
    assert seen == [("chat_send", 1)]


@pytest.mark.parametrize("mode", MODES)
def test_a_runtime_assigned_to_a_core_is_the_one_it_reads(
    mode: Mode, fake_openrouter: FakeOpenRouter
) -> None:
    """The clocks set after construction time the next call (its deadline is read off them)."""
    core = OpenRouterCore(
        api_key=fake_openrouter.api_key, server_url=fake_openrouter.base_url, deadline=5.0
    )
    ticks: list[float] = []

    def monotonic() -> float:
        ticks.append(1.0)
        return 1000.0 * len(ticks)  # each reading 1000 s later: the deadline passes at once

    core.runtime = Runtime(monotonic=monotonic)
    assert core.runtime.monotonic is monotonic
    with core:
        outcome = send(mode, core, user_request())
    assert isinstance(outcome, Failure)
    assert "deadline" in str(outcome.failure())
    assert ticks
