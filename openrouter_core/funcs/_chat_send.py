"""chat_send / chat_send_async: one chat completion, answered as a Result."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, TypeAlias, get_args

from returns.result import Failure, Success

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from openrouter_core._core import OpenRouterCore
    from openrouter_core._operation import Endpoint
    from openrouter_core._options import RequestOptions
    from openrouter_core._plan import CallPlan, PlanError
    from openrouter_core.errors import ChatSendError, OpenRouterError
    from openrouter_core.models import ChatRequest, ChatResult, SendChatCompletionRequest

    _Plan: TypeAlias = Callable[
        [
            OpenRouterCore,
            Endpoint[ChatResult, ChatSendError],
            ChatRequest | SendChatCompletionRequest,
            RequestOptions | None,
        ],
        CallPlan | PlanError,
    ]
    _Call: TypeAlias = Callable[
        [OpenRouterCore, Endpoint[ChatResult, ChatSendError], CallPlan | OpenRouterError],
        "ChatSendResult",
    ]
    _CallAsync: TypeAlias = Callable[
        [OpenRouterCore, Endpoint[ChatResult, ChatSendError], CallPlan | OpenRouterError],
        Awaitable["ChatSendResult"],
    ]

__all__ = ["ChatSendResult", "chat_send", "chat_send_async"]

ChatSendResult: TypeAlias = Success["ChatResult"] | Failure["ChatSendError"]
"""What ``chat_send`` answers: ``match`` on ``Success(reply)`` / ``Failure(error)``."""


@functools.cache
def endpoint() -> Endpoint[ChatResult, ChatSendError]:
    """``POST /chat/completions`` answered as JSON; a 200 may still carry a generation error."""
    # Deferred: the request machinery (converter, models, retry loop) is created on the
    # first call, so importing openrouter_core.funcs costs almost nothing.
    from openrouter_core import _chat, _http
    from openrouter_core._operation import Endpoint, outside_union
    from openrouter_core.models import ChatRequest

    return Endpoint(
        name="chat_send",
        method="POST",
        path=_chat.PATH,
        read=_http.read_success_body,
        errors=_errors,
        unexpected=outside_union,
        body=ChatRequest,
        idempotent=False,
    )


def _errors() -> tuple[type[ChatSendError], ...]:
    """``ChatSendError``'s classes, on the first failure: a reply creates none."""
    from openrouter_core.errors import ChatSendError

    # Typed, not Any: mypy then proves ``unexpected``'s class is in the union.
    members: tuple[type[ChatSendError], ...] = get_args(ChatSendError)
    return members


@functools.cache
def _steps() -> tuple[_Plan, _Call, _CallAsync]:
    """The planner and the drivers, imported on the first call and then held: an import
    statement in a function body runs the import machinery on every call (a few thousand
    instructions each, measurable against a whole loopback request)."""
    from openrouter_core._chat import plan_chat
    from openrouter_core._operation import call, call_async

    return plan_chat, call, call_async


def chat_send(
    core: OpenRouterCore,
    request: ChatRequest | SendChatCompletionRequest,
    options: RequestOptions | None = None,
) -> ChatSendResult:
    """Send a chat completion request and wait for the whole answer.

    Never raises for what the network, the server or the request can do: every failure
    is a ``Failure`` holding one of the ``ChatSendError`` classes. A request with
    ``stream=True`` is refused with ``InvalidRequestError``; use ``chat_stream``.
    """
    plan_chat, call, _ = _steps()
    found = endpoint()
    return call(core, found, plan_chat(core, found, request, options))


async def chat_send_async(
    core: OpenRouterCore,
    request: ChatRequest | SendChatCompletionRequest,
    options: RequestOptions | None = None,
) -> ChatSendResult:
    """The async twin of ``chat_send``."""
    plan_chat, _, call_async = _steps()
    found = endpoint()
    return await call_async(core, found, plan_chat(core, found, request, options))
