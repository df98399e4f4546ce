"""Streaming chunks: one per SSE ``data:`` event."""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

import attrs

from .._sequences import as_list
from .._values import Value

if TYPE_CHECKING:
    from ._assistant_parts import ChatAnnotation, ChatAssistantImages, ChatAudioOutput
    from ._errors import ChatErrorDetail
    from ._logprobs import ChatTokenLogprobs
    from ._reasoning import ChatStreamReasoningDetails
    from ._routing_metadata import OpenRouterMetadata
    from ._stream_tool_calls import ChatStreamToolCall
    from ._usage import ChatFinishReasonEnum, ChatUsage


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatStreamChoice(Value):
    """Streaming completion choice chunk."""

    delta: ChatStreamDelta
    #: Choice index.
    index: int
    finish_reason: ChatFinishReasonEnum | None = None
    logprobs: ChatTokenLogprobs | None = None
    #: The provider's own finish reason, before normalisation (wire-only).
    native_finish_reason: str | None = None
    #: Why this choice failed, with ``finish_reason: error`` (wire-only).
    error: ChatErrorDetail | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatStreamChunk(Value):
    """Streaming chat completion chunk."""

    #: List of streaming chunk choices.
    choices: list[ChatStreamChoice]
    #: Unique chunk identifier.
    id: str
    #: Model used for completion.
    model: str
    #: Unix timestamp of creation.
    created: int | None = None
    error: ChatErrorDetail | None = None
    object: Literal["chat.completion.chunk"] | str | None = None
    openrouter_metadata: OpenRouterMetadata | None = None
    #: The service tier used by the upstream provider for this request.
    service_tier: str | None = None
    #: System fingerprint.
    system_fingerprint: str | None = None
    usage: ChatUsage | None = None
    #: The provider that served the request (wire-only).
    provider: str | None = None
    #: The debug echo of the upstream request (first chunk, with ``debug``).
    debug: dict[str, Any] | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)

    @property
    def text(self) -> str | None:
        """The first choice's text delta; ``None`` when this chunk carries none."""
        return self.choices[0].delta.content if self.choices else None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatStreamDelta(Value):
    """Delta changes in streaming response."""

    audio: ChatAudioOutput | None = None
    #: Message content delta.
    content: str | None = None
    #: Reasoning content delta.
    reasoning: str | None = None
    reasoning_details: ChatStreamReasoningDetails | None = None
    #: Refusal message delta.
    refusal: str | None = None
    #: The role of the message author.
    role: Literal["assistant"] | str | None = None
    #: Tool calls delta.
    tool_calls: list[ChatStreamToolCall] | None = None
    #: Web-search citations and file annotations (wire-only).
    annotations: list[ChatAnnotation] | None = None
    #: Generated images (wire-only).
    images: ChatAssistantImages | None = attrs.field(default=None, eq=as_list)
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)
