"""Provider routing preferences (``ChatRequest.provider``)."""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, TypeAlias

import attrs

from .._sequences import as_list
from .._values import Value

ProviderName: TypeAlias = (
    Literal[
        "Modal",
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
)
"""A provider, by display name."""


ProviderSort: TypeAlias = Literal["price", "throughput", "latency", "exacto"] | str
"""The provider sorting strategy (price, throughput, latency)."""


Quantization: TypeAlias = (
    Literal[
        "int4",
        "int8",
        "fp4",
        "mxfp4",
        "nvfp4",
        "fp6",
        "fp8",
        "mxfp8",
        "fp16",
        "bf16",
        "fp32",
        "unknown",
    ]
    | str
)
"""A model weight quantization."""


@attrs.frozen(kw_only=True, eq=False, repr=False)
class PercentileLatencyCutoffs(Value):
    """
    Percentile-based latency cutoffs. All specified cutoffs must be met for an endpoint to be
    preferred.
    """

    #: Maximum p50 latency (seconds).
    p50: float | None = None
    #: Maximum p75 latency (seconds).
    p75: float | None = None
    #: Maximum p90 latency (seconds).
    p90: float | None = None
    #: Maximum p99 latency (seconds).
    p99: float | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class PercentileThroughputCutoffs(Value):
    """
    Percentile-based throughput cutoffs. All specified cutoffs must be met for an endpoint to be
    preferred.
    """

    #: Minimum p50 throughput (tokens/sec).
    p50: float | None = None
    #: Minimum p75 throughput (tokens/sec).
    p75: float | None = None
    #: Minimum p90 throughput (tokens/sec).
    p90: float | None = None
    #: Minimum p99 throughput (tokens/sec).
    p99: float | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ProviderMaxPrice(Value):
    """
    The object specifying the maximum price you want to pay for this request. USD price per
    million tokens, for prompt and completion.
    """

    #: Maximum price in USD per audio unit.
    audio: str | None = None
    #: Maximum price in USD per million completion tokens.
    completion: str | None = None
    #: Maximum price in USD per image.
    image: str | None = None
    #: Maximum price in USD per million prompt tokens.
    prompt: str | None = None
    #: Maximum price in USD per request.
    request: str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ProviderPreferences(Value):
    """When multiple model providers are available, optionally indicate your routing preference."""

    #: Whether to allow backup providers to serve requests - true: (default) when the primary
    #: provider (or your custom providers in "order") is unavailable, use the next best
    #: provider. - false: use only the primary/custom provider, and return the upstream error if
    #: it's unavailable.
    allow_fallbacks: bool | None = None
    #: Data collection setting. If no available model provider meets the requirement, your
    #: request will return an error. - allow: (default) allow providers which store user data
    #: non-transiently and may train on it
    #:
    #: - deny: use only providers which do not collect user data.
    data_collection: Literal["deny", "allow"] | str | None = None
    #: Whether to restrict routing to only models that allow text distillation. When true, only
    #: models where the author has allowed distillation will be used.
    enforce_distillable_text: bool | None = None
    #: List of provider slugs to ignore. If provided, this list is merged with your account-wide
    #: ignored provider settings for this request.
    ignore: Sequence[ProviderName] | None = attrs.field(default=None, eq=as_list)
    #: The object specifying the maximum price you want to pay for this request. USD price per
    #: million tokens, for prompt and completion.
    max_price: ProviderMaxPrice | None = None
    #: List of provider slugs to allow. If provided, this list is merged with your account-wide
    #: allowed provider settings for this request.
    only: Sequence[ProviderName] | None = attrs.field(default=None, eq=as_list)
    #: An ordered list of provider slugs. The router will attempt to use the first provider in
    #: the subset of this list that supports your requested model, and fall back to the next if
    #: it is unavailable. If no providers are available, the request will fail with an error
    #: message.
    order: Sequence[ProviderName] | None = attrs.field(default=None, eq=as_list)
    preferred_max_latency: PreferredMaxLatency | None = None
    preferred_min_throughput: PreferredMinThroughput | None = None
    #: A list of quantization levels to filter the provider by.
    quantizations: Sequence[Quantization] | None = attrs.field(default=None, eq=as_list)
    #: Whether to filter providers to only those that support the parameters you've provided. If
    #: this setting is omitted or set to false, then providers will receive only the parameters
    #: they support, and ignore the rest.
    require_parameters: bool | None = None
    #: The sorting strategy to use for this request, if "order" is not specified. When set, no
    #: load balancing is performed.
    sort: ProviderSort | ProviderSortConfig | None = None
    #: Whether to restrict routing to only ZDR (Zero Data Retention) endpoints. When true, only
    #: endpoints that do not retain prompts will be used.
    zdr: bool | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ProviderSortConfig(Value):
    """The provider sorting strategy (price, throughput, latency)."""

    #: The provider sorting strategy (price, throughput, latency).
    by: Literal["price", "throughput", "latency", "exacto"] | str | None = None
    #: Partitioning strategy for sorting: "model" (default) groups endpoints by model before
    #: sorting (fallback models remain fallbacks), "none" sorts all endpoints together
    #: regardless of model.
    partition: Literal["model", "none"] | str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


PreferredMaxLatency: TypeAlias = float | PercentileLatencyCutoffs
"""
Preferred maximum latency (in seconds). Can be a number (applies to p50) or an object with
percentile-specific cutoffs. Endpoints above the threshold(s) may still be used, but are
deprioritized in routing. When using fallback models, this may cause a fallback model to be used
instead of the primary model if it meets the threshold.
"""


PreferredMinThroughput: TypeAlias = float | PercentileThroughputCutoffs
"""
Preferred minimum throughput (in tokens per second). Can be a number (applies to p50) or an
object with percentile-specific cutoffs. Endpoints below the threshold(s) may still be used, but
are deprioritized in routing. When using fallback models, this may cause a fallback model to be
used instead of the primary model if it meets the threshold.
"""
