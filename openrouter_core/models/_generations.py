"""What one generation really cost and how it ran (``/generation``)."""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from __future__ import annotations

from typing import Any, Literal

import attrs

from .._values import Value


@attrs.frozen(kw_only=True, eq=False, repr=False)
class GenerationData(Value):
    """Generation data."""

    #: ISO 8601 timestamp of when the generation was created.
    created_at: str
    #: The data region this generation was routed through: 'global', 'europe', or 'us'.
    data_region: Literal["global", "europe", "us"] | str
    #: Unique identifier for the generation.
    id: str
    #: Whether this used bring-your-own-key.
    is_byok: bool
    #: Model used for the generation.
    model: str
    #: Origin URL of the request.
    origin: str
    #: Total cost of the generation in USD.
    total_cost: float
    #: Usage amount in USD.
    usage: float
    #: Type of API used for the generation.
    api_type: (
        Literal["completions", "embeddings", "rerank", "tts", "stt", "video", "image"] | str | None
    ) = None
    #: ID of the app that made the request.
    app_id: int | None = None
    #: Discount applied due to caching.
    cache_discount: float | None = None
    #: Whether the generation was cancelled.
    cancelled: bool | None = None
    #: External user identifier.
    external_user: str | None = None
    #: Reason the generation finished.
    finish_reason: str | None = None
    #: Time taken for generation in milliseconds.
    generation_time: float | None = None
    #: Referer header from the request.
    http_referer: str | None = None
    #: Total latency in milliseconds.
    latency: float | None = None
    #: Moderation latency in milliseconds.
    moderation_latency: float | None = None
    #: Native finish reason as reported by provider.
    native_finish_reason: str | None = None
    #: Native cached tokens as reported by provider.
    native_tokens_cached: int | None = None
    #: Native completion tokens as reported by provider.
    native_tokens_completion: int | None = None
    #: Native completion image tokens as reported by provider.
    native_tokens_completion_images: int | None = None
    #: Native prompt tokens as reported by provider.
    native_tokens_prompt: int | None = None
    #: Native reasoning tokens as reported by provider.
    native_tokens_reasoning: int | None = None
    #: Number of web fetches performed.
    num_fetches: int | None = None
    #: Number of audio inputs in the prompt.
    num_input_audio_prompt: int | None = None
    #: Number of media items in the completion.
    num_media_completion: int | None = None
    #: Number of media items in the prompt.
    num_media_prompt: int | None = None
    #: Number of search results included.
    num_search_results: int | None = None
    #: ID of the preset used for this generation, null if no preset was used.
    preset_id: str | None = None
    #: Name of the provider that served the request.
    provider_name: str | None = None
    #: List of provider responses for this generation, including fallback attempts.
    provider_responses: list[ProviderResponse] | None = None
    #: Unique identifier grouping all generations from a single API request.
    request_id: str | None = None
    #: If this generation was served from response cache, contains the original generation ID.
    #: Null otherwise.
    response_cache_source_id: str | None = None
    #: Router used for the request (e.g., openrouter/auto).
    router: str | None = None
    #: Service tier the upstream provider reported running this request on, or null if it did
    #: not report one.
    service_tier: str | None = None
    #: Session identifier grouping multiple generations in the same session.
    session_id: str | None = None
    #: Whether the response was streamed.
    streamed: bool | None = None
    #: Number of tokens in the completion.
    tokens_completion: int | None = None
    #: Number of tokens in the prompt.
    tokens_prompt: int | None = None
    #: Upstream provider's identifier for this generation.
    upstream_id: str | None = None
    #: Cost charged by the upstream provider.
    upstream_inference_cost: float | None = None
    #: User-Agent header from the request.
    user_agent: str | None = None
    #: The resolved web search engine used for this generation (e.g. exa, firecrawl, parallel).
    web_search_engine: str | None = None
    #: ID of the workspace this generation is attributed to. Null for accounts without
    #: workspaces. Generations created before workspace resolution existed are attributed to the
    #: account default workspace.
    workspace_id: str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class GenerationResponse(Value):
    """Generation response."""

    #: Generation data.
    data: GenerationData
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ProviderResponse(Value):
    """Details of a provider response for a generation attempt."""

    #: Internal endpoint identifier.
    endpoint_id: str | None = None
    #: Upstream provider response identifier.
    id: str | None = None
    #: Whether the request used a bring-your-own-key.
    is_byok: bool | None = None
    #: Response latency in milliseconds.
    latency: float | None = None
    #: Canonical model slug.
    model_permaslug: str | None = None
    #: Name of the provider.
    provider_name: (
        Literal[
            "AnyScale",
            "Atoma",
            "Cent-ML",
            "CrofAI",
            "Enfer",
            "GoPomelo",
            "HuggingFace",
            "Hyperbolic",
            "Hyperbolic 2",
            "InoCloud",
            "Kluster",
            "Lambda",
            "Lepton",
            "Lynn 2",
            "Lynn",
            "Mancer",
            "Modal",
            "Nineteen",
            "OctoAI",
            "Recursal",
            "Reflection",
            "Replicate",
            "SambaNova 2",
            "SF Compute",
            "Targon",
            "Together 2",
            "Ubicloud",
            "01.AI",
            "AkashML",
            "AI21",
            "AionLabs",
            "Alibaba",
            "Ambient",
            "Baidu",
            "Amazon Bedrock",
            "Amazon Nova",
            "Anthropic",
            "Arcee AI",
            "AtlasCloud",
            "Avian",
            "Azure",
            "BaseTen",
            "BytePlus",
            "Black Forest Labs",
            "Cerebras",
            "Chutes",
            "Cirrascale",
            "Claude Platform on AWS",
            "Clarifai",
            "Cloudflare",
            "Cohere",
            "CoreWeave",
            "Crucible",
            "Crusoe",
            "Darkbloom",
            "Databricks",
            "Decart",
            "Deepgram",
            "DeepInfra",
            "DeepSeek",
            "DekaLLM",
            "DigitalOcean",
            "Featherless",
            "Fireworks",
            "Fish Audio",
            "Friendli",
            "GMICloud",
            "Google",
            "Google AI Studio",
            "Groq",
            "HeyGen",
            "Inception",
            "Inceptron",
            "InferenceNet",
            "Ionstream",
            "Infermatic",
            "Io Net",
            "Inferact vLLM",
            "Inflection",
            "Liquid",
            "Makora",
            "Mara",
            "Mancer 2",
            "Meta",
            "Minimax",
            "ModelRun",
            "Mistral",
            "Modular",
            "Moonshot AI",
            "Morph",
            "VoyageAI by MongoDB",
            "NCompass",
            "Nebius",
            "Nex AGI",
            "NextBit",
            "Novita",
            "Nvidia",
            "OpenAI",
            "OpenInference",
            "Parasail",
            "Poolside",
            "Perceptron",
            "Perplexity",
            "Phala",
            "Recraft",
            "Reka",
            "Relace",
            "Sail Research",
            "Sakana AI",
            "SambaNova",
            "Seed",
            "SiliconFlow",
            "Sourceful",
            "StepFun",
            "Stealth",
            "StreamLake",
            "Switchpoint",
            "Tencent",
            "Tenstorrent",
            "Thinking Machines",
            "Together",
            "Upstage",
            "Venice",
            "Wafer",
            "WandB",
            "Quiver",
            "Krea",
            "Runway",
            "Xiaomi",
            "xAI",
            "Z.AI",
            "FakeProvider",
        ]
        | str
        | None
    ) = None
    #: The service tier this request was routed to (e.g. flex, priority). The tier actually
    #: applied and billed is determined by the provider response and may differ.
    routed_service_tier: Literal["flex", "priority"] | str | None = None
    #: HTTP status code from the provider.
    status: int | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)
