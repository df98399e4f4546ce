"""
Conversation messages, discriminated on ``role``: the union and its rarer members (a module of
its own, so a plain request does not create developer or tool messages).
"""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import attrs

from .._sequences import as_list
from .._values import Value
from ._messages import ChatSystemMessage, ChatUserMessage
from ._response import ChatAssistantMessage

if TYPE_CHECKING:
    from ._content import ChatContentItems, ChatContentText


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatDeveloperMessage(Value):
    """Developer message."""

    role: Literal["developer"] = "developer"
    #: Developer message content.
    content: str | Sequence[ChatContentText] = attrs.field(eq=as_list)
    #: Optional name for the developer message.
    name: str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatToolMessage(Value):
    """Tool response message."""

    role: Literal["tool"] = "tool"
    #: Tool response content.
    content: str | Sequence[ChatContentItems] = attrs.field(eq=as_list)
    #: ID of the assistant message tool call this message responds to.
    tool_call_id: str
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class UnknownChatMessage(Value):
    """
    A ``ChatMessages`` member this SDK does not know yet.

    ``raw`` is the member exactly as received; it is sent back unchanged.
    """

    raw: dict[str, Any]


ChatMessages: TypeAlias = (
    ChatSystemMessage
    | ChatUserMessage
    | ChatDeveloperMessage
    | ChatAssistantMessage
    | ChatToolMessage
    | UnknownChatMessage
)
"""Chat completion message with role-based discrimination."""
