"""The non-streaming response body."""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import attrs

from .._values import Value

if TYPE_CHECKING:
    from ._errors import ChatErrorDetail
    from ._logprobs import ChatTokenLogprobs
    from ._messages import ChatAssistantMessage
    from ._routing_metadata import OpenRouterMetadata
    from ._usage import ChatUsage


ChatFinishReasonEnum: TypeAlias = (
    Literal["tool_calls", "stop", "length", "content_filter", "error"] | str
)
"""Why the model stopped: the normalised reason."""


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
