"""What only chat needs on top of the generic pipeline.

Chat takes its body in two forms (a ``ChatRequest``, or the operation wrapper that adds
per-call attribution headers), decides the body's ``stream`` flag itself, and refuses a
streaming request in ``chat_send``. Everything else is the one planner's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

# The models through the package, not per call (an import statement in a function body costs
# a call's worth of import machinery each time): ``ChatRequest`` is loaded on a first chat
# call, which needs it, and the wrapper's module only when a call is given something else.
from openrouter_core import models
from openrouter_core._plan import Attribution, CallPlan, PlanError, check_arguments, plan_checked

if TYPE_CHECKING:
    from openrouter_core._core import OpenRouterCore
    from openrouter_core._operation import Endpoint
    from openrouter_core._options import RequestOptions
    from openrouter_core.models import ChatRequest, SendChatCompletionRequest

PATH = "/chat/completions"


def plan_chat(
    core: OpenRouterCore,
    endpoint: Endpoint[Any, Any],
    request: ChatRequest | SendChatCompletionRequest,
    options: RequestOptions | None,
) -> CallPlan | PlanError:
    """Plan a chat call: unwrap the request, apply the stream rule, then the generic plan."""
    problem = check_arguments(core, options)
    if problem is not None:
        return problem
    if isinstance(request, models.ChatRequest):
        chat, wrapper = request, None
    elif isinstance(request, models.SendChatCompletionRequest):
        chat, wrapper = request.chat_request, request
    else:
        from openrouter_core.errors import SDKValidationError

        kind = type(request).__name__
        return SDKValidationError(
            message=f"expected a ChatRequest or SendChatCompletionRequest, got {kind}",
            field="request",
        )
    streams = chat.stream or (options is not None and options.extra_body.get("stream"))
    if not endpoint.stream and streams:
        from openrouter_core.errors import InvalidRequestError

        return InvalidRequestError(
            message="chat_send cannot stream: call chat_stream (or chat_stream_async)"
        )
    attribution = (
        Attribution(
            http_referer=wrapper.http_referer,
            app_title=wrapper.app_title,
            app_categories=wrapper.app_categories,
            metadata_level=wrapper.x_open_router_metadata,
        )
        if wrapper
        else None
    )
    return plan_checked(
        core,
        endpoint,
        options,
        body=chat,
        shape_body=_stream_flag(endpoint.stream),
        attribution=attribution,
    )


def _stream_flag(stream: bool) -> Callable[[dict[str, Any]], None]:
    return _streaming if stream else _not_streaming


def _streaming(payload: dict[str, Any]) -> None:
    payload["stream"] = True


def _not_streaming(payload: dict[str, Any]) -> None:
    # The TypeScript SDK always sends it; matching keeps our wire output identical.
    payload.setdefault("stream", False)
