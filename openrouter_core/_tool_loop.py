"""Pure: function tools from typed Python functions, and the tool loop as a generator.

The loop is written once and driven by ``chat_run_tools`` and its async twin: it yields
``Send(request)`` (answered with ``chat_send``'s Result) and ``Invoke(fn, arguments)``
(answered with ``Returned`` or ``Raised``), and returns the final outcome. The drivers only
do the I/O: sending, and calling (or awaiting) the user's functions.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable, Generator, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs
from returns.result import Failure, Result, Success

from openrouter_core import _schema
from openrouter_core._converter import to_json
from openrouter_core.funcs._chat_run_tools import ToolCallRecord, ToolRun
from openrouter_core.models import (
    ChatAssistantMessage,
    ChatFunctionDefinition,
    ChatFunctionToolFunction,
    ChatMessages,
    ChatRequest,
    ChatResult,
    ChatToolCall,
    ChatToolMessage,
)

if TYPE_CHECKING:
    # Imported where an error is made or matched: a run that succeeds creates no error
    # class (each is an attrs class, compiled when created; issue 16, cold start).
    from openrouter_core.errors import ChatRunToolsError, ChatSendError


@attrs.frozen
class FunctionTool:
    """A Python function offered to the model, with its definition."""

    fn: Callable[..., Any]
    definition: ChatFunctionToolFunction
    parameters: tuple[_schema.Parameter, ...]

    @property
    def name(self) -> str:
        return self.definition.function.name


@attrs.frozen
class Send:
    request: ChatRequest


@attrs.frozen
class Invoke:
    fn: Callable[..., Any]
    arguments: dict[str, Any]


@attrs.frozen
class Returned:
    value: Any


@attrs.frozen
class Raised:
    error: Exception


Action: TypeAlias = Send | Invoke
Answer: TypeAlias = "Result[ChatResult, ChatSendError] | Returned | Raised"
Outcome: TypeAlias = "Success[ToolRun] | Failure[ChatRunToolsError]"


def call(invoke: Invoke) -> Returned | Raised:
    """Run a tool (sync twin): what it returned, or the ``Exception`` it raised."""
    try:
        return Returned(invoke.fn(**invoke.arguments))
    except Exception as e:  # the caller's tool failed: the model is told, not the caller
        return Raised(e)


async def call_async(invoke: Invoke) -> Returned | Raised:
    """Run a tool (async twin): a coroutine function's result is awaited.

    A plain function runs on the event loop's thread: give blocking work to a coroutine
    function (``asyncio.to_thread``).
    """
    try:
        value = invoke.fn(**invoke.arguments)
        return Returned(await value if inspect.isawaitable(value) else value)
    except Exception as e:  # the caller's tool failed: the model is told, not the caller
        return Raised(e)


def function_tool(fn: Callable[..., Any]) -> FunctionTool:
    """Describe ``fn`` as a strict function tool; raises ``TypeError`` for what cannot be said.

    Name: ``fn.__name__``. Description: the docstring up to its ``Args:`` section. Parameters:
    one property per parameter, typed from the annotations (the types ``response_format_for``
    supports), described by the ``Args:`` entries; a parameter with a default accepts
    ``null`` for it. ``*args``, ``**kwargs``, positional-only and unannotated parameters are
    refused.
    """
    name = getattr(fn, "__name__", "")
    _schema.check_name(name, "tool name")
    parameters = _schema.function_fields(fn)
    definition = ChatFunctionDefinition(
        name=name,
        description=_schema.description_of(fn),
        parameters=_schema.parameters_schema(name, parameters),
        strict=True,
    )
    return FunctionTool(fn, ChatFunctionToolFunction(function=definition), parameters)


def step(flow: Generator[Action, Answer, Outcome], answer: Answer | None) -> Action | Outcome:
    """Advance the flow with the answer to its last action: its next action, or its outcome."""
    try:
        return next(flow) if answer is None else flow.send(answer)
    except StopIteration as stop:
        outcome: Outcome = stop.value
        return outcome


def tool_flow(
    request: ChatRequest,
    functions: Sequence[Callable[..., Any]],
    max_rounds: int,
    *,
    coroutines_allowed: bool,
) -> Generator[Action, Answer, Outcome]:
    """The whole call: check what the caller passed (nothing is sent if it is refused), loop."""
    offered = [
        t.function.name for t in request.tools or () if isinstance(t, ChatFunctionToolFunction)
    ]
    prepared = _prepare(functions, offered, max_rounds, coroutines_allowed=coroutines_allowed)
    if isinstance(prepared, Failure):
        return prepared
    return (yield from tool_loop(request, prepared.unwrap(), max_rounds))


def _prepare(
    functions: Sequence[Callable[..., Any]],
    offered: list[str],
    max_rounds: int,
    *,
    coroutines_allowed: bool,
) -> Success[list[FunctionTool]] | Failure[ChatRunToolsError]:
    """The tools to offer, or why the call cannot be made (``offered``: the request's own)."""

    def refused(why: str) -> Failure[ChatRunToolsError]:
        from openrouter_core.errors import InvalidRequestError

        return Failure(InvalidRequestError(message=why, attempts=0))

    if max_rounds < 1:
        return refused(f"max_rounds must be at least 1, not {max_rounds}")
    tools: list[FunctionTool] = []
    for fn in functions:
        if not coroutines_allowed and inspect.iscoroutinefunction(fn):
            return refused(f"{fn.__name__} is a coroutine function: use chat_run_tools_async")
        try:
            tools.append(function_tool(fn))
        except TypeError as e:  # the caller's function, not data: the call's answer
            return refused(f"chat_run_tools: {e}")
    names = [*offered, *(tool.name for tool in tools)]
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        return refused(f"two tools are named {', '.join(twice)}")
    return Success(tools)


def tool_loop(
    request: ChatRequest, tools: Sequence[FunctionTool], max_rounds: int
) -> Generator[Action, Answer, Outcome]:
    """Send, run the tool calls asked for, send the results back; stop at an answer.

    A round is one request (``max_rounds`` >= 1, checked by ``tool_flow``). After
    ``max_rounds`` requests whose replies still ask for tools, the outcome is
    ``ToolRoundsExceededError`` holding the run so far (the last reply's calls not run).
    """
    by_name = {tool.name: tool for tool in tools}
    offered = [*(request.tools or ()), *(tool.definition for tool in tools)]
    messages: list[ChatMessages] = list(request.messages)
    calls: list[ToolCallRecord] = []
    replies: list[ChatResult] = []
    round_ = 0
    while True:
        round_ += 1
        sent = yield Send(attrs.evolve(request, messages=list(messages), tools=offered))
        if not isinstance(sent, Result):
            raise TypeError("tool_loop: a Send is answered with chat_send's Result")
        if isinstance(sent, Failure):
            from openrouter_core.errors import ToolLoopInterruptedError

            error = sent.failure()
            return Failure(
                ToolLoopInterruptedError(
                    message=f"the tool loop stopped at round {round_}: {error}",
                    attempts=error.attempts,
                    error=error,
                    rounds=round_,
                    messages=tuple(messages),
                    calls=tuple(calls),
                    replies=tuple(replies),
                )
            )
        result = sent.unwrap()
        replies.append(result)
        message = result.choices[0].message if result.choices else ChatAssistantMessage()
        messages.append(message)
        asked = message.tool_calls or []
        if not asked or round_ == max_rounds:
            run = ToolRun(result, tuple(messages), tuple(calls), tuple(replies), round_)
            if not asked:
                return Success(run)
            from openrouter_core.errors import ToolRoundsExceededError

            text = f"the model still asked for tools after {max_rounds} round(s)"
            return Failure(ToolRoundsExceededError(message=text, max_rounds=max_rounds, run=run))
        for call in asked:
            record = yield from _run_call(call, by_name, round_)
            calls.append(record)
            messages.append(ChatToolMessage(content=record.output, tool_call_id=call.id))


def _run_call(
    call: ChatToolCall, tools: dict[str, FunctionTool], round_: int
) -> Generator[Action, Answer, ToolCallRecord]:
    def failed(why: str) -> ToolCallRecord:
        return ToolCallRecord(round_, call, f"Error: {why}", why)

    tool = tools.get(call.function.name)
    if tool is None:
        return failed(f"no tool named {call.function.name!r} (offered: {', '.join(tools)})")
    try:
        value = json.loads(call.function.arguments or "{}")
    except (ValueError, RecursionError) as e:
        return failed(f"the arguments are not JSON: {e}")
    decoded = _schema.decode_arguments(value, tool.parameters)
    if isinstance(decoded, Failure):
        return failed("the arguments do not fit: " + "; ".join(decoded.failure().details))
    outcome = yield Invoke(tool.fn, decoded.unwrap())
    if isinstance(outcome, Raised):
        return failed(f"{tool.name} raised {_describe(outcome.error)}")
    if not isinstance(outcome, Returned):
        raise TypeError("tool_loop: an Invoke is answered with Returned or Raised")
    if isinstance(outcome.value, str):
        return ToolCallRecord(round_, call, outcome.value)
    encoded = to_json(outcome.value)
    if isinstance(encoded, Failure):
        why = encoded.failure().description
        return failed(f"{tool.name} returned a value that is not JSON: {why}")
    return ToolCallRecord(round_, call, encoded.unwrap().decode())


def _describe(error: Exception) -> str:
    """``Type: message`` of the tool's exception, even when its ``__str__`` fails too."""
    from openrouter_core.errors import OpenRouterError

    if isinstance(error, OpenRouterError):
        return str(error)  # already ``Type: description``
    try:
        return f"{type(error).__name__}: {error}"
    except Exception:  # a broken __str__ in the caller's exception class
        return type(error).__name__
