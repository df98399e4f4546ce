"""
The request's small option objects (a module of its own, so a request that sets none of them
does not create them).
"""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, TypeAlias

import attrs

from .._sequences import as_list
from .._values import Value

ChatReasoningSummaryVerbosityEnum: TypeAlias = Literal["auto", "concise", "detailed"] | str
"""How detailed a reasoning summary should be."""


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatDebugOptions(Value):
    """Debug options for inspecting request transformations (streaming only)."""

    #: If true, includes the transformed upstream request body in a debug chunk at the start of
    #: the stream. Only works with streaming mode.
    echo_upstream_body: bool | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatRequestReasoning(Value):
    """Configuration options for reasoning models."""

    #: Constrains effort on reasoning for reasoning models.
    effort: Literal["max", "xhigh", "high", "medium", "low", "minimal", "none"] | str | None = None
    summary: ChatReasoningSummaryVerbosityEnum | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatStreamOptions(Value):
    """Streaming configuration options."""

    #: Deprecated: This field has no effect. Full usage details are always included.
    include_usage: bool | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Prediction(Value):
    """
    Static predicted output content. Supported models can use this to reduce latency when much
    of the response is known in advance.
    """

    type: Literal["content"] | str = "content"
    content: str | Sequence[PredictionContentText] = attrs.field(eq=as_list)
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class PredictionContentText(Value):
    """Text content part for a predicted output."""

    type: Literal["text"] | str = "text"
    text: str
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class PromptCacheOptions(Value):
    """
    Request-level prompt-cache controls. `mode: "explicit"` disables OpenAI-managed breakpoints
    so only blocks marked with `prompt_cache_breakpoint` are cached. Only supported by OpenAI
    GPT-5.6 and newer.
    """

    mode: Literal["explicit"] | str
    ttl: str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class TraceConfig(Value):
    """
    Metadata for observability and tracing. Known keys (trace_id, trace_name, span_name,
    generation_name, parent_span_id) have special handling. Additional keys are passed through
    as custom metadata to configured broadcast destinations.
    """

    generation_name: str | None = None
    parent_span_id: str | None = None
    span_name: str | None = None
    trace_id: str | None = None
    trace_name: str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)
