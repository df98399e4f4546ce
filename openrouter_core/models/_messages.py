"""Conversation messages, discriminated on ``role``."""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import attrs

from .._sequences import as_list
from .._text import content_text
from .._values import Value

if TYPE_CHECKING:
    from ._assistant_parts import ChatAnnotation, ChatAssistantImages, ChatAudioOutput, ChatToolCall
    from ._content import ChatContentItems, ChatContentText
    from ._reasoning import ChatReasoningDetails


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatAssistantMessage(Value):
    """Assistant message for requests and responses."""

    role: Literal["assistant"] = "assistant"
    audio: ChatAudioOutput | None = None
    #: Assistant message content.
    content: str | Sequence[ChatContentItems] | None = attrs.field(default=None, eq=as_list)
    images: ChatAssistantImages | None = attrs.field(default=None, eq=as_list)
    #: Model that generated this assistant message.
    model: str | None = None
    #: Optional name for the assistant.
    name: str | None = None
    #: Reasoning output.
    reasoning: str | None = None
    reasoning_details: ChatReasoningDetails | None = attrs.field(default=None, eq=as_list)
    #: Refusal message if content was refused.
    refusal: str | None = None
    #: Tool calls made by the assistant.
    tool_calls: Sequence[ChatToolCall] | None = attrs.field(default=None, eq=as_list)
    #: Web-search citations and file annotations (wire-only).
    annotations: Sequence[ChatAnnotation] | None = attrs.field(default=None, eq=as_list)
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)

    @property
    def text(self) -> str | None:
        """The text content as one string (text parts joined); ``None`` when there is none."""
        return content_text(self.content)


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
class ChatSystemMessage(Value):
    """System message for setting behavior."""

    role: Literal["system"] = "system"
    #: System message content.
    content: str | Sequence[ChatContentText] = attrs.field(eq=as_list)
    #: Optional name for the system message.
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
class ChatUserMessage(Value):
    """User message."""

    role: Literal["user"] = "user"
    #: User message content.
    content: str | Sequence[ChatContentItems] = attrs.field(eq=as_list)
    #: Optional name for the user.
    name: str | None = None
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
