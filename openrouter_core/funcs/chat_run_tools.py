"""chat_run_tools / chat_run_tools_async: let the model call your Python functions, bounded."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Generator, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs
from returns.result import Failure, Success

from openrouter_core.funcs.chat_send import chat_send, chat_send_async

if TYPE_CHECKING:
    from openrouter_core._core import OpenRouterCore
    from openrouter_core._options import RequestOptions
    from openrouter_core._tool_loop import Action, Answer, FunctionTool, Outcome
    from openrouter_core.errors import ChatRunToolsError
    from openrouter_core.models import (
        ChatFunctionToolFunction,
        ChatMessages,
        ChatRequest,
        ChatResult,
        ChatToolCall,
    )


@attrs.frozen
class ToolCallRecord:
    """One tool call the model asked for, and what was sent back for it.

    ``output`` is the tool message's content; ``error`` says why the call failed (unknown
    tool, arguments that are not JSON or do not fit the signature, the function raised, a
    result that cannot be serialised) and is None when the function returned normally.
    """

    round: int
    call: ChatToolCall
    output: str
    error: str | None = None


@attrs.frozen
class ToolRun:
    """The whole exchange of a tool loop.

    ``result`` is the last reply; ``messages`` every message in order (the request's, each
    assistant message, each tool result), ready to send again; ``calls`` every tool call with
    its output; ``replies`` every ``ChatResult`` (for usage and cost); ``rounds`` how many
    requests were sent.
    """

    result: ChatResult
    messages: tuple[ChatMessages, ...]
    calls: tuple[ToolCallRecord, ...]
    replies: tuple[ChatResult, ...]
    rounds: int


ChatRunToolsResult: TypeAlias = "Success[ToolRun] | Failure[ChatRunToolsError]"
"""What ``chat_run_tools`` answers; ``match`` narrows it without casts."""

DEFAULT_MAX_ROUNDS = 8


def tool_from_function(fn: Callable[..., Any]) -> ChatFunctionToolFunction:
    """The strict function tool describing ``fn``, for ``ChatRequest(tools=[...])``.

    Name: ``fn.__name__``; description: the docstring up to its ``Args:`` section;
    parameters: a strict JSON Schema of the signature (the types ``response_format_for``
    supports; an ``Args:`` entry describes its parameter; a default makes ``null`` mean it).

    Raises:
        TypeError: a parameter without annotation, of a type a strict schema cannot express,
            ``*args``/``**kwargs``/positional-only, or a name that is not 1-64 letters,
            digits, ``_`` or ``-``: a mistake in the program, found on the first call.
    """
    from openrouter_core._tool_loop import function_tool

    return function_tool(fn).definition


def chat_run_tools(
    core: OpenRouterCore,
    request: ChatRequest,
    tools: Sequence[Callable[..., Any]],
    *,
    max_rounds: int = DEFAULT_MAX_ROUNDS,
    options: RequestOptions | None = None,
) -> ChatRunToolsResult:
    """Offer ``tools`` to the model, run the calls it asks for, and return its answer.

    Each round sends the conversation (with the tools added to ``request.tools``); when the
    reply asks for tool calls, each is run in order, its arguments decoded into the
    parameter types, and its result (a ``str`` as is, anything else as JSON) sent back as a
    tool message. Unknown tools, bad arguments and a function that raises (``Exception``)
    become an ``"Error: ..."`` tool message for the model, recorded in the run. Stops at the
    first reply without tool calls: ``Success(ToolRun)``. After ``max_rounds`` requests
    whose replies still ask for tools: ``Failure(ToolRoundsExceededError)`` with the run so
    far. A failed request is its ``chat_send`` error. Tools must be plain functions here;
    coroutine functions need ``chat_run_tools_async``. Never raises.
    """
    prepared = _prepare(tools, max_rounds, coroutines_allowed=False)
    if isinstance(prepared, Failure):
        return prepared
    from openrouter_core._tool_loop import Invoke, Send, call, tool_loop

    flow = tool_loop(request, prepared.unwrap(), max_rounds)
    answer: Answer | None = None
    while True:
        step = _step(flow, answer)
        if isinstance(step, Send):
            answer = chat_send(core, step.request, options)
        elif isinstance(step, Invoke):
            answer = call(step)
        else:
            return step


async def chat_run_tools_async(
    core: OpenRouterCore,
    request: ChatRequest,
    tools: Sequence[Callable[..., Any]],
    *,
    max_rounds: int = DEFAULT_MAX_ROUNDS,
    options: RequestOptions | None = None,
) -> ChatRunToolsResult:
    """The async twin of ``chat_run_tools``; tools may also be coroutine functions (awaited)."""
    prepared = _prepare(tools, max_rounds, coroutines_allowed=True)
    if isinstance(prepared, Failure):
        return prepared
    from openrouter_core._tool_loop import Invoke, Send, call_async, tool_loop

    flow = tool_loop(request, prepared.unwrap(), max_rounds)
    answer: Answer | None = None
    while True:
        step = _step(flow, answer)
        if isinstance(step, Send):
            answer = await chat_send_async(core, step.request, options)
        elif isinstance(step, Invoke):
            answer = await call_async(step)
        else:
            return step


def _step(flow: Generator[Action, Answer, Outcome], answer: Answer | None) -> Action | Outcome:
    """Advance the loop with the answer to its last action: its next action, or its outcome."""
    try:
        return next(flow) if answer is None else flow.send(answer)
    except StopIteration as stop:
        outcome: Outcome = stop.value
        return outcome


def _prepare(
    functions: Sequence[Callable[..., Any]], max_rounds: int, *, coroutines_allowed: bool
) -> Success[list[FunctionTool]] | Failure[ChatRunToolsError]:
    """The tools to offer, or why the call cannot be made (nothing is sent then)."""
    from openrouter_core._tool_loop import function_tool
    from openrouter_core.errors import InvalidRequestError

    def refused(why: str) -> Failure[ChatRunToolsError]:
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
    names = [tool.name for tool in tools]
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        return refused(f"two tools are named {', '.join(twice)}")
    return Success(tools)
