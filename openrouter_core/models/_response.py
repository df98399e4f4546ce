"""
The non-streaming response body, and the assistant message it carries (which a conversation also
sends back).
"""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

import attrs

from .._sequences import as_list
from .._text import content_text
from .._values import Value

if TYPE_CHECKING:
    from ._assistant_parts import ChatAnnotation, ChatAssistantImages, ChatAudioOutput
    from ._content import ChatContentItems
    from ._errors import ChatErrorDetail
    from ._logprobs import ChatTokenLogprobs
    from ._reasoning import ChatReasoningDetails
    from ._routing_metadata import OpenRouterMetadata
    from ._tool_calls import ChatToolCall
    from ._usage import ChatFinishReasonEnum, ChatUsage


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
class ChatChoice(Value):
    """Chat completion choice."""

    #: Choice index.
    index: int
    message: ChatAssistantMessage
    finish_reason: ChatFinishReasonEnum | None = None
    logprobs: ChatTokenLogprobs | None = None
    #: The provider's own finish reason, before normalisation (wire-only).
    native_finish_reason: str | None = None
    #: Why this choice failed, with ``finish_reason: error`` (wire-only).
    error: ChatErrorDetail | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatResult(Value):
    """Chat completion response."""

    #: List of completion choices.
    choices: list[ChatChoice]
    #: Unique completion identifier.
    id: str
    #: Model used for completion.
    model: str
    #: Unix timestamp of creation.
    created: int | None = None
    object: Literal["chat.completion"] | str | None = None
    openrouter_metadata: OpenRouterMetadata | None = None
    #: The service tier used by the upstream provider for this request.
    service_tier: str | None = None
    #: System fingerprint.
    system_fingerprint: str | None = None
    usage: ChatUsage | None = None
    #: The provider that served the request (wire-only).
    provider: str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)

    @property
    def text(self) -> str | None:
        """The first choice's text (``choices[0].message.text``); ``None`` when there is none."""
        return self.choices[0].message.text if self.choices else None
