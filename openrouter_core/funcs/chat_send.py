"""chat_send / chat_send_async: one chat completion, answered as a Result."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from returns.result import Failure, Result

if TYPE_CHECKING:
    from openrouter_core._core import OpenRouterCore
    from openrouter_core._options import RequestOptions
    from openrouter_core.errors import ChatSendError
    from openrouter_core.models import ChatRequest, ChatResult, SendChatCompletionRequest


def chat_send(
    core: OpenRouterCore,
    request: ChatRequest | SendChatCompletionRequest,
    options: RequestOptions | None = None,
) -> Result[ChatResult, ChatSendError]:
    """Send a chat completion request and wait for the whole answer.

    Never raises for what the network, the server or the request can do: every failure
    is a ``Failure`` holding one of the ``ChatSendError`` classes. A request with
    ``stream=True`` is refused with ``InvalidRequestError``; use ``chat_stream``.
    """
    # Deferred: the request machinery (converter, error classes, retry loop) is created on
    # the first call, so importing openrouter_core.funcs costs almost nothing.
    from openrouter_core import _send
    from openrouter_core._plan import plan_call

    plan = plan_call(core, request, options, "chat_send")
    if isinstance(plan, Failure):
        return plan
    client = core.acquire_client()
    if isinstance(client, Failure):
        return client
    flow = _send.call_flow(plan.unwrap(), core.runtime, _send.send_attempt)
    outcome = _send.run(flow, client.unwrap(), core.runtime)
    return cast("Result[ChatResult, ChatSendError]", outcome)


async def chat_send_async(
    core: OpenRouterCore,
    request: ChatRequest | SendChatCompletionRequest,
    options: RequestOptions | None = None,
) -> Result[ChatResult, ChatSendError]:
    """The async twin of ``chat_send``."""
    # Deferred: the request machinery (converter, error classes, retry loop) is created on
    # the first call, so importing openrouter_core.funcs costs almost nothing.
    from openrouter_core import _send
    from openrouter_core._plan import plan_call

    plan = plan_call(core, request, options, "chat_send")
    if isinstance(plan, Failure):
        return plan
    client = core.acquire_async_client()
    if isinstance(client, Failure):
        return client
    flow = _send.call_flow(plan.unwrap(), core.runtime, _send.send_attempt)
    outcome = await _send.run_async(flow, client.unwrap(), core.runtime)
    return cast("Result[ChatResult, ChatSendError]", outcome)
