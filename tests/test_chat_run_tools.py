"""chat_run_tools / chat_run_tools_async: the bounded loop, over sockets and scripted."""

from __future__ import annotations

import asyncio
import dataclasses
import json
from typing import Any

import attrs
import httpx
import pytest
from returns.result import Failure, Success

from openrouter_core import OpenRouterCore
from openrouter_core.errors import (
    InvalidRequestError,
    NotFoundResponseError,
    ServiceUnavailableResponseError,
    ToolLoopInterruptedError,
    ToolRoundsExceededError,
)
from openrouter_core.funcs import (
    ChatRunToolsResult,
    ToolRun,
    chat_run_tools,
    chat_run_tools_async,
    tool_from_function,
)
from openrouter_core.models import (
    ChatAssistantMessage,
    ChatRequest,
    ChatToolMessage,
    ChatUserMessage,
)
from openrouter_core.testing import (
    FakeOpenRouter,
    chat_result,
    error_response,
    json_response,
)

from .support import MODES, Mode, run_async, scripted_core

pytestmark = pytest.mark.parametrize("mode", MODES)


def get_weather(city: str, days: int = 2) -> dict[str, Any]:
    """Current weather for a city.

    Args:
        city: The city name.
        days: Days of forecast.
    """
    return {"city": city, "days": days, "sky": "clear"}


def explode(reason: str) -> str:
    """Always fails."""
    raise RuntimeError(f"boom: {reason}")


class _Unprintable(Exception):
    def __str__(self) -> str:
        raise ValueError("no")


def mute(x: int) -> str:
    """Fails with an exception that cannot even say why."""
    raise _Unprintable


def relay(model: str) -> str:
    """Fails with the SDK's own error, as a tool that asks OpenRouter itself might."""
    raise NotFoundResponseError(message=f"{model} not found", status_code=404)


def not_json(x: int) -> float:
    """Returns a value JSON cannot hold."""
    return float("nan")


def _request(text: str = "Paris") -> ChatRequest:
    return ChatRequest(model="openai/gpt-4o", messages=[ChatUserMessage(content=text)])


def _run(
    mode: Mode,
    core: OpenRouterCore,
    tools: list[Any],
    request: ChatRequest | None = None,
    **kw: Any,
) -> ChatRunToolsResult:
    asked = request or _request()
    if mode == "sync":
        return chat_run_tools(core, asked, tools, **kw)
    return run_async(core, lambda: chat_run_tools_async(core, asked, tools, **kw))


def _calls(*calls: tuple[str, Any]) -> httpx.Response:
    return json_response(chat_result(None, tool_calls=list(calls)))


def test_the_fake_server_loop_ends_at_the_answer(mode: Mode) -> None:
    """Over sockets: a call, its result sent back, the model's answer, all in the run."""
    with FakeOpenRouter() as server:
        with OpenRouterCore(api_key=server.api_key, server_url=server.base_url) as core:
            result = _run(mode, core, [get_weather])
        bodies = [r.json for r in server.requests]
    match result:
        case Success(ToolRun() as run):
            pass
        case _:
            pytest.fail(f"expected a ToolRun, got {result}")
    output = '{"city":"Paris","days":1,"sky":"clear"}'
    assert 2 == run.rounds == len(run.replies) == len(bodies)
    assert f"The tool returned: {output}" == run.result.choices[0].message.content
    roles = [type(m) for m in run.messages]
    assert [ChatUserMessage, ChatAssistantMessage, ChatToolMessage, ChatAssistantMessage] == roles
    (record,) = run.calls
    assert (1, "get_weather", output, None) == (
        record.round,
        record.call.function.name,
        record.output,
        record.error,
    )
    assert ["get_weather"] == [t["function"]["name"] for t in bodies[0]["tools"]]
    assert {"role": "tool", "tool_call_id": record.call.id, "content": output} == bodies[1][
        "messages"
    ][2]


def test_tool_failures_go_back_to_the_model(mode: Mode) -> None:
    """Unknown tool, bad JSON, arguments that do not fit, a raising tool, a result that is
    not JSON: error messages, each naming an exception's class once."""
    core, transport = scripted_core(
        _calls(
            ("nope", {}),
            ("get_weather", "{not json"),
            ("get_weather", {"city": 5}),
            ("explode", {"reason": "why"}),
            ("get_weather", {"city": "Oslo", "days": None}),
            ("mute", {"x": 1}),
            ("relay", {"model": "x/y"}),
            ("not_json", {"x": 1}),
        ),
        json_response(chat_result("done")),
    )
    result = _run(mode, core, [get_weather, explode, mute, relay, not_json])
    assert isinstance(result, Success)
    run = result.unwrap()
    errors = [record.error for record in run.calls]
    assert errors[0] == (
        "no tool named 'nope' (offered: get_weather, explode, mute, relay, not_json)"
    )
    assert errors[1] is not None and errors[1].startswith("the arguments are not JSON")
    assert errors[2] == "the arguments do not fit: $.city: expected a string, got an integer"
    assert errors[3] == "explode raised RuntimeError: boom: why"
    assert errors[4] is None
    assert errors[5] == "mute raised _Unprintable"
    assert errors[6] == "relay raised NotFoundResponseError: HTTP 404: x/y not found"
    assert (errors[7] or "").startswith(
        "not_json returned a value that is not JSON: cannot serialise to JSON: Out of range"
    )
    assert '{"city":"Oslo","days":2,"sky":"clear"}' == run.calls[4].output
    sent = json.loads(transport.requests[1].content)["messages"]
    assert [f"Error: {e}" for e in errors[:4]] == [m["content"] for m in sent[2:6]]


def test_max_rounds_is_a_typed_outcome_with_the_run(mode: Mode) -> None:
    """A model that keeps asking stops at max_rounds; the last calls are not run."""
    ran: list[str] = []

    def note(text: str) -> str:
        """Remember text."""
        ran.append(text)
        return "ok"

    core, transport = scripted_core(
        _calls(("note", {"text": "a"})), _calls(("note", {"text": "b"}))
    )
    result = _run(mode, core, [note], max_rounds=2)
    match result:
        case Failure(ToolRoundsExceededError(max_rounds=2, run=run)):
            assert ["a"] == ran
            assert (2, 1, 2) == (run.rounds, len(run.calls), len(transport.requests))
            assert run.result.choices[0].message.tool_calls is not None
            assert isinstance(run.messages[-1], ChatAssistantMessage)
        case _:
            pytest.fail(f"expected ToolRoundsExceededError, got {result}")


def test_a_failed_request_keeps_the_run_so_far(mode: Mode) -> None:
    """A request that fails mid-loop: the send error, and the calls already made."""
    core, _ = scripted_core(_calls(("get_weather", {"city": "x", "days": 1})), error_response(503))
    result = _run(mode, core, [get_weather])
    match result:
        case Failure(ToolLoopInterruptedError(error=ServiceUnavailableResponseError()) as err):
            assert (2, 1, 1) == (err.rounds, len(err.calls), len(err.replies))
            assert [ChatUserMessage, ChatAssistantMessage, ChatToolMessage] == [
                type(m) for m in err.messages
            ]
            assert err.__cause__ is err.error
            assert str(err).startswith(
                "ToolLoopInterruptedError: the tool loop stopped at round 2: "
                "ServiceUnavailableResponseError: HTTP 503: "
            )
        case _:
            pytest.fail(f"expected ToolLoopInterruptedError, got {result}")


def test_bad_arguments_to_the_call_are_refused_before_sending(mode: Mode) -> None:
    """max_rounds < 1, an undescribable function, two tools of one name: nothing is sent."""
    core, transport = scripted_core()

    def untyped(x):
        return x

    preset = attrs.evolve(_request(), tools=[tool_from_function(get_weather)])
    cases: list[tuple[str, ChatRequest, list[Any], int]] = [
        ("max_rounds must be at least 1", _request(), [get_weather], 0),
        ("'x' needs a type annotation", _request(), [untyped], 1),
        ("two tools are named get_weather", _request(), [get_weather, get_weather], 1),
        ("two tools are named get_weather", preset, [get_weather], 1),
    ]
    for expected, request, tools, max_rounds in cases:
        result = _run(mode, core, tools, request, max_rounds=max_rounds)
        assert isinstance(result, Failure)
        assert isinstance(result.failure(), InvalidRequestError)
        assert expected in str(result.failure())
    assert [] == transport.requests


async def lookup(city: str) -> str:
    """An async tool."""
    await asyncio.sleep(0)
    return f"looked up {city}"


def test_coroutine_functions_need_the_async_twin(mode: Mode) -> None:
    """The async twin awaits them; the sync twin refuses them up front."""
    core, transport = scripted_core(
        _calls(("lookup", {"city": "Rome"})), json_response(chat_result("ok"))
    )
    result = _run(mode, core, [lookup])
    if mode == "sync":
        assert isinstance(result, Failure)
        assert "use chat_run_tools_async" in str(result.failure())
        assert [] == transport.requests
    else:
        assert isinstance(result, Success)
        assert "looked up Rome" == result.unwrap().calls[0].output


@dataclasses.dataclass
class Line:
    sku: str
    quantity: int = 1


def total(lines: list[Line], labels: dict[str, str] | None = None) -> int:
    """Add up the quantities."""
    return sum(line.quantity for line in lines)


def test_arguments_decode_into_nested_classes(mode: Mode) -> None:
    """Records, defaults (null or absent) and key/value pairs arrive as the signature says."""
    arguments = {
        "lines": [{"sku": "a", "quantity": 2}, {"sku": "b", "quantity": None}, {"sku": "c"}],
        "labels": [{"key": "k", "value": "v"}],
    }
    core, _ = scripted_core(
        _calls(("total", arguments), ("total", [1])), json_response(chat_result("ok"))
    )
    result = _run(mode, core, [total])
    assert isinstance(result, Success)
    first, second = result.unwrap().calls
    assert ("4", None) == (first.output, first.error)
    assert "the arguments do not fit: $: expected an object" == second.error
