"""The model catalogue: ``/models``, ``/models/count``, ``/models/user``, ``/model/...``."""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from __future__ import annotations

from typing import Any, Literal, TypeAlias

import attrs

from .._values import Value

InputModality: TypeAlias = Literal["text", "image", "file", "audio", "video"] | str
"""A kind of input a model accepts."""


InstructType: TypeAlias = (
    Literal[
        "none",
        "airoboros",
        "alpaca",
        "alpaca-modif",
        "chatml",
        "claude",
        "code-llama",
        "gemma",
        "llama2",
        "llama3",
        "mistral",
        "nemotron",
        "neural",
        "openchat",
        "phi3",
        "rwkv",
        "vicuna",
        "zephyr",
        "deepseek-r1",
        "deepseek-v3.1",
        "qwq",
        "qwen3",
    ]
    | str
)
"""Instruction format type."""


ModelGroup: TypeAlias = (
    Literal[
        "Router",
        "Media",
        "Other",
        "GPT",
        "Claude",
        "Gemini",
        "Gemma",
        "Grok",
        "Cohere",
        "Nova",
        "Qwen",
        "Yi",
        "DeepSeek",
        "Mistral",
        "Llama2",
        "Llama3",
        "Llama4",
        "PaLM",
        "RWKV",
        "Qwen3",
    ]
    | str
)
"""Tokenizer type used by the model."""


OutputModality: TypeAlias = (
    Literal["text", "image", "embeddings", "audio", "video", "rerank", "speech", "transcription"]
    | str
)
"""A kind of output a model produces."""


Parameter: TypeAlias = (
    Literal[
        "temperature",
        "top_p",
        "top_k",
        "min_p",
        "top_a",
        "frequency_penalty",
        "presence_penalty",
        "repetition_penalty",
        "max_tokens",
        "max_completion_tokens",
        "logit_bias",
        "logprobs",
        "top_logprobs",
        "prediction",
        "seed",
        "response_format",
        "structured_outputs",
        "stop",
        "tools",
        "tool_choice",
        "parallel_tool_calls",
        "include_reasoning",
        "reasoning",
        "reasoning_effort",
        "web_search_options",
        "verbosity",
    ]
    | str
)
"""A request parameter a model supports."""


ReasoningEffort: TypeAlias = (
    Literal["max", "xhigh", "high", "medium", "low", "minimal", "none"] | str
)
"""How much effort a model puts into reasoning."""


@attrs.frozen(kw_only=True, eq=False, repr=False)
class AABenchmarkEntry(Value):
    """Artificial Analysis benchmark index scores."""

    #: Artificial Analysis Agentic Index score.
    agentic_index: float | None = None
    #: Artificial Analysis Coding Index score.
    coding_index: float | None = None
    #: Artificial Analysis Intelligence Index score.
    intelligence_index: float | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class DABenchmarkEntry(Value):
    """A single Design Arena benchmark entry for a specific arena+category."""

    #: Arena type (e.g. models, builders, agents).
    arena: str
    #: Category within the arena (e.g. website, gamedev, uicomponent).
    category: str
    #: ELO rating from head-to-head arena battles.
    elo: float
    #: Rank position within this arena+category among models available on OpenRouter (1 =
    #: highest ELO).
    rank: int
    #: Win rate percentage in arena battles.
    win_rate: float
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class DefaultParameters(Value):
    """Default parameters for this model."""

    frequency_penalty: float | None = None
    presence_penalty: float | None = None
    repetition_penalty: float | None = None
    temperature: float | None = None
    top_k: int | None = None
    top_p: float | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Model(Value):
    """Information about an AI model available on OpenRouter."""

    architecture: ModelArchitecture
    #: Canonical slug for the model.
    canonical_slug: str
    #: Unix timestamp of when the model was created.
    created: int
    #: Unique identifier for the model.
    id: str
    links: ModelLinks
    #: Display name of the model.
    name: str
    pricing: PublicPricing
    #: List of supported parameters for this model.
    supported_parameters: list[Parameter]
    top_provider: TopProviderInfo
    alias_target: ModelAliasTarget | None = None
    benchmarks: ModelBenchmarks | None = None
    #: Maximum context length in tokens.
    context_length: int | None = None
    default_parameters: DefaultParameters | None = None
    #: Description of the model.
    description: str | None = None
    #: The date after which the model may be removed. ISO 8601 date string (YYYY-MM-DD) or null
    #: if no expiration.
    expiration_date: str | None = None
    #: Hugging Face model identifier, if applicable.
    hugging_face_id: str | None = None
    #: The date up to which the model was trained on data. ISO 8601 date string (YYYY-MM-DD) or
    #: null if unknown.
    knowledge_cutoff: str | None = None
    per_request_limits: PerRequestLimits | None = None
    reasoning: ModelReasoning | None = None
    #: List of supported voice identifiers for TTS models. Null for non-TTS models.
    supported_voices: list[str] | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ModelAliasTarget(Value):
    """Concrete model targeted by this tilde-latest alias, when applicable."""

    #: Human-readable name of the concrete model targeted by this alias.
    name: str
    #: Routable model ID of the concrete target, matching that model row's id.
    slug: str
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ModelArchitecture(Value):
    """Model architecture information."""

    #: Supported input modalities.
    input_modalities: list[InputModality]
    #: Supported output modalities.
    output_modalities: list[OutputModality]
    instruct_type: InstructType | None = None
    #: Primary modality of the model.
    modality: str | None = None
    tokenizer: ModelGroup | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ModelBenchmarks(Value):
    """
    Third-party benchmark rankings for this model. Omitted when no benchmark data is available.
    """

    #: Design Arena ELO rankings across arena+category pairs.
    design_arena: list[DABenchmarkEntry]
    artificial_analysis: AABenchmarkEntry | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ModelLinks(Value):
    """Related API endpoints and resources for this model."""

    #: URL for the model details/endpoints API.
    details: str
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ModelReasoning(Value):
    """
    Reasoning effort configuration. Omitted for non-reasoning models and dynamic router models.
    """

    #: When true, reasoning cannot be disabled and effort "none" is rejected.
    mandatory: bool
    default_effort: ReasoningEffort | None = None
    #: Default reasoning enabled state when the client does not set `reasoning.enabled`.
    default_enabled: bool | None = None
    #: Allowed reasoning effort values for this model, in descending effort order (highest
    #: first). Null means no allowlist — all gateway effort values are accepted.
    supported_efforts: list[ReasoningEffort | None] | None = None
    #: Present and `true` when the model accepts `reasoning.max_tokens` in requests (Anthropic-
    #: style) instead of or in addition to `reasoning.effort`. Omitted otherwise.
    supports_max_tokens: bool | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ModelResponse(Value):
    """Single model response."""

    data: Model
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ModelsCountData(Value):
    """How many models match."""

    #: Total number of available models.
    count: int
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ModelsCountResponse(Value):
    """Model count data."""

    #: Model count data.
    data: ModelsCountData
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ModelsListLinks(Value):
    """Pagination links; ``next`` is None on the last page."""

    #: URL for the next page of results, or null if this is the last page.
    next: str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ModelsListResponse(Value):
    """List of available models."""

    data: ModelsListResponseData
    #: Pagination links.
    links: ModelsListLinks | None = None
    #: Total number of models matching the query.
    total_count: int | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class PerRequestLimits(Value):
    """Per-request token limits."""

    #: Maximum completion tokens per request.
    completion_tokens: float
    #: Maximum prompt tokens per request.
    prompt_tokens: float
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class PricingOverride(Value):
    """
    A conditional override of the base pricing. An entry applies only when all of its condition
    fields (e.g. min_prompt_tokens, or the utc_start/utc_end time window) match the request;
    among applicable entries, later entries win per price key; price keys absent from an entry
    inherit the base price.
    """

    #: Overridden price in USD per audio input token.
    audio: str | None = None
    #: Overridden price in USD per token for completion (output) generation.
    completion: str | None = None
    #: Overridden price in USD per cached audio input token.
    input_audio_cache: str | None = None
    #: Overridden price in USD per cached input token (read).
    input_cache_read: str | None = None
    #: Overridden price in USD per cache-write token.
    input_cache_write: str | None = None
    #: Overridden price in USD per 1-hour cache-write token.
    input_cache_write_1h: str | None = None
    #: Condition: the entry applies when the total prompt tokens of a request are strictly
    #: greater than this threshold.
    min_prompt_tokens: float | None = None
    #: Overridden price in USD per token for prompt (input) processing.
    prompt: str | None = None
    #: Condition: exclusive end of a daily UTC time window as an HHMM clock number (e.g. 400 =
    #: 04:00).
    utc_end: float | None = None
    #: Condition: inclusive start of a daily UTC time window as an HHMM clock number (e.g. 100 =
    #: 01:00, 1030 = 10:30). The entry applies while the current UTC time is inside the half-
    #: open window [utc_start, utc_end), which may wrap past midnight (utc_start > utc_end).
    utc_start: float | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class PublicPricing(Value):
    """Pricing information for the model."""

    #: Price in USD per token for completion (output) generation.
    completion: str
    #: Price in USD per token for prompt (input) processing.
    prompt: str
    #: Price in USD per audio input token.
    audio: str | None = None
    #: Price in USD per audio output token.
    audio_output: str | None = None
    #: Fractional discount applied to this endpoint's pricing; the price is multiplied by (1 -
    #: discount) (0 = no discount, 1 = free).
    discount: float | None = None
    #: Price in USD per input image.
    image: str | None = None
    #: Price in USD per output image.
    image_output: str | None = None
    #: Price in USD per image token.
    image_token: str | None = None
    #: Price in USD per cached audio input token.
    input_audio_cache: str | None = None
    #: Price in USD per cached input token (read).
    input_cache_read: str | None = None
    #: Price per cache-write token, in USD per token. For providers with multiple cache TTLs
    #: (e.g. Anthropic), this is the default (5-minute) cache-write rate.
    input_cache_write: str | None = None
    #: Price per 1-hour cache-write token, in USD per token. Only present for providers that
    #: price an extended (1-hour) cache TTL separately, such as Anthropic.
    input_cache_write_1h: str | None = None
    #: Price in USD per internal reasoning token.
    internal_reasoning: str | None = None
    #: Conditional overrides of the base pricing (e.g. long-context or time-based pricing). An
    #: entry applies when all of its condition fields (e.g. min_prompt_tokens, or the
    #: utc_start/utc_end time window) match the request; among applicable entries, later entries
    #: win per key; price keys absent from an entry inherit the base price. The top-level
    #: pricing keys always reflect the price that applies under default conditions.
    overrides: list[PricingOverride] | None = None
    #: Price in USD per request.
    request: str | None = None
    #: Price in USD per web search.
    web_search: str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class TopProviderInfo(Value):
    """Information about the top provider for this model."""

    #: Whether the top provider moderates content.
    is_moderated: bool
    #: Context length from the top provider.
    context_length: int | None = None
    #: Maximum completion tokens from the top provider.
    max_completion_tokens: int | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


ModelsListResponseData: TypeAlias = list[Model]
"""List of available models."""
