"""The request body."""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import attrs

from .._sequences import as_list
from .._values import Value

if TYPE_CHECKING:
    from ._content import AnthropicCacheControlDirective
    from ._message_union import ChatMessages
    from ._plugins import ChatPlugin
    from ._provider import ProviderPreferences
    from ._request_options import (
        ChatDebugOptions,
        ChatRequestReasoning,
        ChatStreamOptions,
        Prediction,
        PromptCacheOptions,
        TraceConfig,
    )
    from ._response_format import ChatResponseFormat
    from ._tool_choice import ChatToolChoice, StopServerToolsWhen
    from ._tools import ChatFunctionTool


DeprecatedRoute: TypeAlias = Literal["fallback", "sort"] | str
"""
**DEPRECATED** Use providers.sort.partition instead. Backwards-compatible alias for
providers.sort.partition. Accepts legacy values: "fallback" (maps to "model"), "sort" (maps to
"none").
"""


ImageConfig: TypeAlias = dict[str, Any]
"""
Provider-specific image configuration options. Keys and values vary by model/provider. See
https://openrouter.ai/docs/guides/overview/multimodal/image-generation for more details.
"""


ModelName: TypeAlias = str
"""Model to use for completion."""


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatRequest(Value):
    """Chat completion request parameters."""

    #: List of messages for the conversation.
    messages: Sequence[ChatMessages] = attrs.field(eq=as_list)
    cache_control: AnthropicCacheControlDirective | None = None
    debug: ChatDebugOptions | None = None
    #: Frequency penalty (-2.0 to 2.0).
    frequency_penalty: float | None = None
    image_config: ImageConfig | None = None
    #: Token logit bias adjustments.
    logit_bias: dict[str, float] | None = None
    #: Return log probabilities.
    logprobs: bool | None = None
    #: Maximum tokens in completion.
    max_completion_tokens: int | None = None
    #: Maximum tokens (deprecated, use max_completion_tokens). Note: some providers enforce a
    #: minimum of 16.
    max_tokens: int | None = None
    #: Key-value pairs for additional object information (max 16 pairs, 64 char keys, 512 char
    #: values).
    metadata: dict[str, str] | None = None
    #: Minimum probability threshold relative to the most likely token. Tokens with probability
    #: below min_p * (probability of top token) are filtered out. Not all providers support this
    #: parameter.
    min_p: float | None = None
    #: Output modalities for the response. Supported values are "text", "image", and "audio".
    modalities: Sequence[Literal["text", "image", "audio"] | str] | None = attrs.field(
        default=None, eq=as_list
    )
    model: ModelName | None = None
    models: ChatModelNames | None = attrs.field(default=None, eq=as_list)
    #: Whether to enable parallel function calling during tool use. When true, the model may
    #: generate multiple tool calls in a single response.
    parallel_tool_calls: bool | None = None
    #: Plugins you want to enable for this request, including their settings.
    plugins: Sequence[ChatPlugin] | None = attrs.field(default=None, eq=as_list)
    prediction: Prediction | None = None
    #: Presence penalty (-2.0 to 2.0).
    presence_penalty: float | None = None
    prompt_cache_key: str | None = None
    prompt_cache_options: PromptCacheOptions | None = None
    provider: ProviderPreferences | None = None
    #: Configuration options for reasoning models.
    reasoning: ChatRequestReasoning | None = None
    #: Shorthand for setting reasoning effort. Equivalent to setting reasoning.effort. Cannot be
    #: used simultaneously with reasoning.effort if they differ.
    reasoning_effort: (
        Literal["max", "xhigh", "high", "medium", "low", "minimal", "none"] | str | None
    ) = None
    #: Penalizes tokens based on how much they have already appeared in the text. A value of 1.0
    #: means no penalty. Values above 1.0 penalize repeated tokens more strongly. Not all
    #: providers support this parameter.
    repetition_penalty: float | None = None
    #: Response format configuration.
    response_format: ChatResponseFormat | None = None
    route: DeprecatedRoute | None = None
    #: Random seed for deterministic outputs.
    seed: int | None = None
    #: The service tier to use for processing this request. `fast` is accepted as an alias for
    #: `priority`.
    service_tier: Literal["auto", "default", "fast", "flex", "priority", "scale"] | str | None = (
        None
    )
    #: A unique identifier for grouping related requests (e.g., a conversation or agent
    #: workflow). When provided, OpenRouter uses it as the sticky routing key, routing all
    #: requests in the session to the same provider to maximize prompt cache hits. Also used for
    #: observability grouping. If provided in both the request body and the x-session-id header,
    #: the body value takes precedence. Maximum of 256 characters.
    session_id: str | None = None
    #: Stop sequences (up to 4).
    stop: str | Sequence[str] | None = attrs.field(default=None, eq=as_list)
    stop_server_tools_when: StopServerToolsWhen | None = attrs.field(default=None, eq=as_list)
    #: Enable streaming response.
    stream: bool | None = None
    stream_options: ChatStreamOptions | None = None
    #: Sampling temperature (0-2).
    temperature: float | None = None
    tool_choice: ChatToolChoice | None = None
    #: Available tools for function calling.
    tools: Sequence[ChatFunctionTool] | None = attrs.field(default=None, eq=as_list)
    #: Consider only tokens with "sufficiently high" probabilities based on the probability of
    #: the most likely token. Not all providers support this parameter.
    top_a: float | None = None
    #: Limits the model to choose from the top K most likely tokens at each step. A value of 1
    #: means the model will always pick the most likely next token. Not all providers support
    #: this parameter.
    top_k: int | None = None
    #: Number of top log probabilities to return (0-20).
    top_logprobs: int | None = None
    #: Nucleus sampling parameter (0-1).
    top_p: float | None = None
    trace: TraceConfig | None = None
    #: Per-end-user identifier for abuse isolation. Use a stable ID, hash, or pseudonym. When a
    #: provider requires a user identity, OpenRouter folds it into the hashed identity sent
    #: upstream and never forwards it raw. If omitted, requests use an account-level identity,
    #: so provider policy blocks can affect the whole account.
    user: str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


ChatModelNames: TypeAlias = Sequence[ModelName]
"""Models to use for completion."""
