"""chat_parse / chat_parse_async: the reply decoded into your own attrs class or dataclass."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Generic, TypeAlias, TypeVar

import attrs
from returns.result import Failure, Result, Success

from openrouter_core.funcs._chat_send import chat_send, chat_send_async

if TYPE_CHECKING:
    from openrouter_core._core import OpenRouterCore
    from openrouter_core._options import RequestOptions
    from openrouter_core.errors import ChatParseError, ChatSendError
    from openrouter_core.models import (
        ChatFormatJsonSchemaConfig,
        ChatRequest,
        ChatResult,
        SendChatCompletionRequest,
    )

__all__ = ["ChatParseResult", "Parsed", "chat_parse", "chat_parse_async", "response_format_for"]

T = TypeVar("T")


@attrs.frozen
class Parsed(Generic[T]):
    """A structured reply: ``value`` decoded into the class asked for, and the whole reply."""

    value: T
    result: ChatResult


ChatParseResult: TypeAlias = Success[Parsed[T]] | Failure["ChatParseError"]
"""What ``chat_parse`` answers; ``match`` narrows it without casts."""


def response_format_for(
    cls: type[Any], *, name: str | None = None, description: str | None = None
) -> ChatFormatJsonSchemaConfig:
    """The strict ``json_schema`` response format for an attrs class or a dataclass.

    Every property is required and objects allow no other keys (strict mode). A field with
    a default also accepts ``null``, which means "the default" (its description says so);
    ``dict[str, X]`` is sent as a list of ``{"key", "value"}`` pairs. ``chat_parse`` undoes
    both. The schema's description is the class docstring; a property's is its
    ``metadata["description"]``, else its ``#:`` comment or the string just below it.

    Raises:
        TypeError: ``cls`` has a field whose type a strict schema cannot express (``Any``,
            ``tuple``, ``set``, a recursive class, two union members of one JSON kind...),
            or ``name`` is not 1-64 letters, digits, ``_`` or ``-``. This is a mistake in
            the program, not in data, found on the first call: it raises like
            ``dataclasses.fields`` given a non-dataclass, instead of making every caller
            unwrap a ``Result`` that only a code change can fix.
    """
    from openrouter_core import _schema
    from openrouter_core.models import ChatFormatJsonSchemaConfig, ChatJsonSchemaConfig

    schema_name = name if name is not None else getattr(cls, "__name__", "")
    _schema.check_name(schema_name, "schema name")
    config = ChatJsonSchemaConfig(
        name=schema_name, description=description, schema=_schema.object_schema(cls), strict=True
    )
    return ChatFormatJsonSchemaConfig(json_schema=config)


def chat_parse(
    core: OpenRouterCore,
    request: ChatRequest | SendChatCompletionRequest,
    cls: type[T],
    options: RequestOptions | None = None,
) -> ChatParseResult[T]:
    """Ask for a reply shaped like ``cls`` (an attrs class or a dataclass) and decode it.

    Sends ``request`` with ``response_format_for(cls)`` through ``chat_send``. Never raises:
    a reply that is not JSON or does not fit ``cls`` is ``StructuredOutputError`` (with the
    raw content and what did not fit), a refusal is ``RefusalError``, a class the schema
    cannot express or a request that already sets ``response_format`` is
    ``InvalidRequestError``, and everything ``chat_send`` can fail with passes through.
    """
    prepared = _with_format(request, cls)
    if isinstance(prepared, Failure):
        return prepared
    return read_reply(chat_send(core, prepared.unwrap(), options), cls)


async def chat_parse_async(
    core: OpenRouterCore,
    request: ChatRequest | SendChatCompletionRequest,
    cls: type[T],
    options: RequestOptions | None = None,
) -> ChatParseResult[T]:
    """The async twin of ``chat_parse``."""
    prepared = _with_format(request, cls)
    if isinstance(prepared, Failure):
        return prepared
    return read_reply(await chat_send_async(core, prepared.unwrap(), options), cls)


def _with_format(
    request: ChatRequest | SendChatCompletionRequest, cls: type[Any]
) -> Success[ChatRequest | SendChatCompletionRequest] | Failure[ChatParseError]:
    from openrouter_core.models import SendChatCompletionRequest

    body = request.chat_request if isinstance(request, SendChatCompletionRequest) else request
    if body.response_format is not None:
        from openrouter_core.errors import InvalidRequestError

        message = "chat_parse sets response_format from the class; leave it unset"
        return Failure(InvalidRequestError(message=message, attempts=0))
    try:
        response_format = response_format_for(cls)
    except TypeError as e:  # the caller's class, not data: reported as the call's answer
        from openrouter_core.errors import InvalidRequestError

        return Failure(InvalidRequestError(message=f"chat_parse: {e}", attempts=0))
    body = attrs.evolve(body, response_format=response_format)
    if isinstance(request, SendChatCompletionRequest):
        return Success(attrs.evolve(request, chat_request=body))
    return Success(body)


def read_reply(sent: Result[ChatResult, ChatSendError], cls: type[T]) -> ChatParseResult[T]:
    """Pure: turn ``chat_send``'s answer into a typed value, a refusal or a mismatch."""
    from openrouter_core import _schema

    if isinstance(sent, Failure):
        return Failure(sent.failure())
    result = sent.unwrap()
    message = result.choices[0].message if result.choices else None
    if message is not None and message.refusal:
        from openrouter_core.errors import RefusalError

        return Failure(
            RefusalError(message="the model refused", refusal=message.refusal, result=result)
        )
    content = message.text if message is not None else None
    finish = result.choices[0].finish_reason if result.choices else None
    cut = " (finish_reason 'length': cut short)" if finish == "length" else ""
    if not content:
        from openrouter_core.errors import StructuredOutputError

        return Failure(
            StructuredOutputError(
                message=f"the reply has no content{cut}", content="", result=result
            )
        )
    try:
        value = json.loads(content)
    except (ValueError, RecursionError) as e:
        from openrouter_core.errors import StructuredOutputError

        return Failure(
            StructuredOutputError(
                message=f"the reply is not JSON{cut}",
                content=content,
                details=(str(e),),
                result=result,
            )
        )
    decoded = _schema.decode(value, cls)
    if isinstance(decoded, Failure):
        from openrouter_core.errors import StructuredOutputError

        return Failure(
            StructuredOutputError(
                message=f"the reply does not fit {cls.__name__}",
                content=content,
                details=decoded.failure().details,
                result=result,
            )
        )
    return Success(Parsed(decoded.unwrap(), result))
