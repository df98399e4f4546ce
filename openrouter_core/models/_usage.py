"""
What every answer ends with, streamed or not: why it stopped (an alias, here so that a stream's
last chunk needs no other module), and the usage and cost it reports.
"""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import attrs

from .._values import Value

if TYPE_CHECKING:
    from ._server_tool_usage import ServerToolUseDetails


ChatFinishReasonEnum: TypeAlias = (
    Literal["tool_calls", "stop", "length", "content_filter", "error"] | str
)
"""Why the model stopped: the normalised reason."""


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatCompletionTokensDetails(Value):
    """Detailed completion token usage."""

    #: Accepted prediction tokens.
    accepted_prediction_tokens: int | None = None
    #: Tokens used for audio output.
    audio_tokens: int | None = None
    #: Tokens used for reasoning.
    reasoning_tokens: int | None = None
    #: Rejected prediction tokens.
    rejected_prediction_tokens: int | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatPromptTokensDetails(Value):
    """Detailed prompt token usage."""

    #: Audio input tokens.
    audio_tokens: int | None = None
    #: Tokens written to cache. Only returned for models with explicit caching and cache write
    #: pricing.
    cache_write_tokens: int | None = None
    #: Cached prompt tokens.
    cached_tokens: int | None = None
    #: Video input tokens.
    video_tokens: int | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatUsage(Value):
    """Token usage statistics."""

    #: Number of tokens in the completion.
    completion_tokens: int
    #: Number of tokens in the prompt.
    prompt_tokens: int
    #: Total number of tokens.
    total_tokens: int
    #: Detailed completion token usage.
    completion_tokens_details: ChatCompletionTokensDetails | None = None
    #: Cost of the completion.
    cost: float | None = None
    cost_details: CostDetails | None = None
    #: Whether a request was made using a Bring Your Own Key configuration.
    is_byok: bool | None = None
    #: Detailed prompt token usage.
    prompt_tokens_details: ChatPromptTokensDetails | None = None
    server_tool_use_details: ServerToolUseDetails | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class CostDetails(Value):
    """Breakdown of upstream inference costs."""

    upstream_inference_completions_cost: float | None = None
    upstream_inference_cost: float | None = None
    upstream_inference_prompt_cost: float | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)
