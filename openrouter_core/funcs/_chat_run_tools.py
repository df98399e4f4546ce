"""chat_run_tools / chat_run_tools_async: let the model call your Python functions, bounded."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs
from returns.result import Failure, Success

from openrouter_core.funcs._chat_send import chat_send, chat_send_async

if TYPE_CHECKING:
    from openrouter_core._core import OpenRouterCore
    from openrouter_core._options import RequestOptions
    from openrouter_core._tool_loop import Answer
    from openrouter_core.errors import ChatRunToolsError
    from openrouter_core.models import (
        ChatFunctionToolFunction,
        ChatMessages,
        ChatRequest,
        ChatResult,
        ChatToolCall,
    )

__all__ = [
    "ChatRunToolsResult",
    "ToolCallRecord",
    "ToolRun",
    "chat_run_tools",
    "chat_run_tools_async",
    "tool_from_function",
]


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


ChatRunToolsResult: TypeAlias = Success[ToolRun] | Failure["ChatRunToolsError"]
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
    far. A request that fails: ``Failure(ToolLoopInterruptedError)`` holding ``chat_send``'s
    error and the messages, calls and replies so far. What cannot be sent at all (a function
    the schema cannot describe, ``max_rounds`` < 1, two tools of one name) is
    ``InvalidRequestError``, before any request. Tools must be plain functions here;
    coroutine functions need ``chat_run_tools_async``. Never raises.
    """
    from openrouter_core._tool_loop import Send, call, step, tool_flow

    flow = tool_flow(request, tools, max_rounds, coroutines_allowed=False)
    answer: Answer | None = None
    while not isinstance(action := step(flow, answer), Success | Failure):
        if isinstance(action, Send):
            answer = chat_send(core, action.request, options)
        else:
            answer = call(action)
    return action


async def chat_run_tools_async(
    core: OpenRouterCore,
    request: ChatRequest,
    tools: Sequence[Callable[..., Any]],
    *,
    max_rounds: int = DEFAULT_MAX_ROUNDS,
    options: RequestOptions | None = None,
) -> ChatRunToolsResult:
    """The async twin of ``chat_run_tools``; tools may also be coroutine functions (awaited)."""
    from openrouter_core._tool_loop import Send, call_async, step, tool_flow

    flow = tool_flow(request, tools, max_rounds, coroutines_allowed=True)
    answer: Answer | None = None
    while not isinstance(action := step(flow, answer), Success | Failure):
        if isinstance(action, Send):
            answer = await chat_send_async(core, action.request, options)
        else:
            answer = await call_async(action)
    return action
