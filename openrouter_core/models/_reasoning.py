"""Reasoning details: the blocks to echo back verbatim and in order on the next turn."""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, TypeAlias

import attrs

from .._values import Value

ReasoningFormat: TypeAlias = (
    Literal[
        "unknown",
        "openai-responses-v1",
        "azure-openai-responses-v1",
        "bedrock-openai-responses-v1",
        "bedrock-xai-responses-v1",
        "xai-responses-v1",
        "meta-responses-v1",
        "anthropic-claude-v1",
        "google-gemini-v1",
    ]
    | str
)
"""Which provider format a reasoning detail is in."""


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ReasoningDetailEncrypted(Value):
    """Reasoning detail encrypted schema."""

    type: Literal["reasoning.encrypted"] = "reasoning.encrypted"
    data: str
    format: ReasoningFormat | None = None
    id: str | None = None
    index: int | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ReasoningDetailServerToolCall(Value):
    """
    Record of an OpenRouter server-tool invocation (e.g. openrouter:fusion), carried in
    reasoning_details so a prior tool call can be rehydrated into a later turn of the same
    conversation.
    """

    type: Literal["reasoning.server_tool_call"] = "reasoning.server_tool_call"
    arguments: str
    result: str
    tool_name: str
    format: ReasoningFormat | None = None
    id: str | None = None
    index: int | None = None
    tool_call_id: str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ReasoningDetailSummary(Value):
    """Reasoning detail summary schema."""

    type: Literal["reasoning.summary"] = "reasoning.summary"
    summary: str
    format: ReasoningFormat | None = None
    id: str | None = None
    index: int | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ReasoningDetailText(Value):
    """Reasoning detail text schema."""

    type: Literal["reasoning.text"] = "reasoning.text"
    format: ReasoningFormat | None = None
    id: str | None = None
    index: int | None = None
    signature: str | None = None
    text: str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class UnknownReasoningDetail(Value):
    """
    A ``ReasoningDetailUnion`` member this SDK does not know yet.

    ``raw`` is the member exactly as received; it is sent back unchanged.
    """

    raw: dict[str, Any]


ReasoningDetailUnion: TypeAlias = (
    ReasoningDetailSummary
    | ReasoningDetailEncrypted
    | ReasoningDetailText
    | ReasoningDetailServerToolCall
    | UnknownReasoningDetail
)
"""Reasoning detail union schema."""


ChatReasoningDetails: TypeAlias = Sequence[ReasoningDetailUnion]
"""Reasoning details for extended thinking models."""


ChatStreamReasoningDetails: TypeAlias = list[ReasoningDetailUnion]
"""Reasoning details for extended thinking models."""
