"""chat_parse / chat_parse_async: over the fake server's sockets and scripted transports."""

from __future__ import annotations

import dataclasses
import enum
import json
from typing import Any, Literal, assert_never

import attrs
import pytest
from returns.result import Failure, Success

from openrouter_core import OpenRouterCore
from openrouter_core.errors import (
    InvalidRequestError,
    RefusalError,
    StructuredOutputError,
    TooManyRequestsResponseError,
)
from openrouter_core.funcs import (
    ChatParseResult,
    Parsed,
    chat_parse,
    chat_parse_async,
    response_format_for,
)
from openrouter_core.models import (
    ChatFormatJsonObjectConfig,
    ChatRequest,
    ChatUserMessage,
    SendChatCompletionRequest,
)
from openrouter_core.testing import (
    FakeOpenRouter,
    chat_result,
    error_response,
    json_response,
)

from .support import MODES, Mode, run_async, scripted_core

pytestmark = pytest.mark.parametrize("mode", MODES)


class Unit(enum.Enum):
    KG = "kg"
    LB = "lb"


@dataclasses.dataclass
class Item:
    name: str
    weight: float
    unit: Unit = Unit.KG


@attrs.frozen
class Order:
    """An order read from the customer's message."""

    customer: str
    items: list[Item]
    rush: bool
    note: str | None = None
    channel: Literal["web", "phone"] = "web"


def _request(text: str = "Two apples for Ada") -> ChatRequest:
    return ChatRequest(model="openai/gpt-4o", messages=[ChatUserMessage(content=text)])


def _parse(
    mode: Mode, core: OpenRouterCore, request: Any, cls: type[Any] = Order
) -> ChatParseResult[Any]:
    if mode == "sync":
        return chat_parse(core, request, cls)
    return run_async(core, lambda: chat_parse_async(core, request, cls))


def test_the_fake_server_answers_a_typed_value(mode: Mode) -> None:
    """Over real sockets: the strict format goes out, an instance of the schema comes back."""
    with FakeOpenRouter() as server:
        core = OpenRouterCore(api_key=server.api_key, server_url=server.base_url)
        with core:
            result = _parse(mode, core, _request())
        sent = server.requests[0].json["response_format"]
    question = "Two apples for Ada"
    expected = Order(question, [Item(question, 1.5, Unit.KG)], True, question, "web")
    match result:
        case Success(Parsed(value=Order() as order, result=reply)):
            assert expected == order
            assert '"channel": "web"' in str(reply.choices[0].message.content)
        case _:
            pytest.fail(f"expected a parsed Order, got {result}")
    assert ("json_schema", "Order", True) == (
        sent["type"],
        sent["json_schema"]["name"],
        sent["json_schema"]["strict"],
    )
    assert response_format_for(Order).json_schema.schema == sent["json_schema"]["schema"]


def test_the_wrapper_request_gets_the_format_too(mode: Mode) -> None:
    """SendChatCompletionRequest: the format is set on its chat_request."""
    core, transport = scripted_core(
        json_response(chat_result('{"customer": "x", "items": [], "rush": false}'))
    )
    wrapped = SendChatCompletionRequest(chat_request=_request())
    result = _parse(mode, core, wrapped)
    assert Success(Order("x", [], False)) == result.map(lambda parsed: parsed.value)
    body = json.loads(transport.requests[0].content)
    assert "json_schema" == body["response_format"]["type"]


@pytest.mark.parametrize(
    ("content", "message", "detail"),
    [
        ('{"customer": "x"', "the reply is not JSON", "Expecting"),
        (
            '{"customer": "x", "items": [{"name": "a", "weight": "heavy"}], "rush": true}',
            "the reply does not fit Order",
            "$.items[0].weight: expected a number, got a string",
        ),
        (
            '{"customer": "x", "items": []}',
            "the reply does not fit Order",
            "$.rush: required field missing",
        ),
    ],
    ids=["not-json", "wrong-kind", "missing-field"],
)
def test_a_reply_that_does_not_fit_is_a_typed_error(
    mode: Mode, content: str, message: str, detail: str
) -> None:
    """StructuredOutputError holds the raw content and what did not fit."""
    core, _ = scripted_core(json_response(chat_result(content)))
    result = _parse(mode, core, _request())
    match result:
        case Failure(StructuredOutputError() as error):
            assert (message, content) == (error.message, error.content)
            assert any(detail in line for line in error.details), error.details
            assert error.result is not None
        case _:
            pytest.fail(f"expected StructuredOutputError, got {result}")


def test_a_cut_reply_says_so(mode: Mode) -> None:
    """finish_reason length: the message names it, the content is kept."""
    core, _ = scripted_core(json_response(chat_result('{"cust', finish_reason="length")))
    result = _parse(mode, core, _request())
    assert isinstance(result, Failure)
    assert "cut short" in str(result.failure())


def test_a_refusal_is_its_own_error(mode: Mode) -> None:
    """A message with refusal set is RefusalError, whatever the content."""
    payload = chat_result(None)
    payload["choices"][0]["message"]["refusal"] = "I can't help with that."
    core, _ = scripted_core(json_response(payload))
    result = _parse(mode, core, _request())
    match result:
        case Failure(RefusalError(refusal=refusal)):
            assert "I can't help with that." == refusal
        case _:
            pytest.fail(f"expected RefusalError, got {result}")


def test_send_errors_pass_through(mode: Mode) -> None:
    """What chat_send fails with is the answer, unchanged."""
    core, _ = scripted_core(error_response(429))
    result = _parse(mode, core, _request())
    assert isinstance(result, Failure)
    assert isinstance(result.failure(), TooManyRequestsResponseError)


@dataclasses.dataclass
class _Unsupported:
    x: tuple[int, ...]


def test_programming_errors_are_refused_before_sending(mode: Mode) -> None:
    """An inexpressible class or a preset response_format: InvalidRequestError, no request."""
    core, transport = scripted_core()
    bad = _parse(mode, core, _request(), _Unsupported)
    preset = _parse(
        mode, core, attrs.evolve(_request(), response_format=ChatFormatJsonObjectConfig())
    )
    assert isinstance(bad, Failure) and isinstance(bad.failure(), InvalidRequestError)
    assert "_Unsupported.x: tuple[int, ...] cannot be expressed" in str(bad.failure())
    assert isinstance(preset, Failure) and "leave it unset" in str(preset.failure())
    assert [] == transport.requests


def _describe(result: ChatParseResult[Order]) -> str:
    """User-style code: mypy --strict types ``order`` and sees the match as exhaustive."""
    match result:
        case Success(Parsed(value=Order() as order)):
            return f"{order.customer}: {len(order.items)} item(s)"
        case Failure(StructuredOutputError() as error):
            return f"mismatch: {error.content}"
        case Failure(error):
            return f"failed: {type(error).__name__}"
        case _:
            assert_never(result)


def test_the_match_is_typed_and_exhaustive(mode: Mode) -> None:
    """The alias narrows each case; no cast anywhere."""
    core, _ = scripted_core(
        json_response(chat_result('{"customer": "Ada", "items": [], "rush": true}')),
        json_response(chat_result("[]")),
    )
    assert "Ada: 0 item(s)" == _describe(_parse(mode, core, _request()))
    assert "mismatch: []" == _describe(_parse(mode, core, _request()))
