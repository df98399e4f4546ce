"""The provider endpoints of one model (``/models/{author}/{slug}/endpoints``)."""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import attrs

from .._values import Value

if TYPE_CHECKING:
    from ._catalog import ModelArchitecture, Parameter, PricingOverride
    from ._provider import ProviderName, Quantization


EndpointStatus: TypeAlias = Literal[0, -1, -2, -3, -5, -10] | int
"""An endpoint's health: 0 is up; negative values are degrees of trouble."""


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ListEndpointsEnvelope(Value):
    """The body of ``GET /models/{author}/{slug}/endpoints``."""

    data: ListEndpointsResponse
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ListEndpointsResponse(Value):
    """List of available endpoints for a model."""

    architecture: ModelArchitecture
    #: Unix timestamp of when the model was created.
    created: int
    #: Description of the model.
    description: str
    #: List of available endpoints for this model.
    endpoints: list[PublicEndpoint]
    #: Unique identifier for the model.
    id: str
    #: Display name of the model.
    name: str
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class PercentileStats(Value):
    """
    Latency percentiles in milliseconds over the last 30 minutes. Latency measures time to first
    token. Only visible when authenticated with an API key or cookie; returns null for
    unauthenticated requests.
    """

    #: Median (50th percentile).
    p50: float
    #: 75th percentile.
    p75: float
    #: 90th percentile.
    p90: float
    #: 99th percentile.
    p99: float
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class PublicEndpoint(Value):
    """Information about a specific model endpoint."""

    context_length: int
    #: The unique identifier for the model (permaslug).
    model_id: str
    model_name: str
    name: str
    pricing: PublicEndpointPricing
    provider_name: ProviderName
    supported_parameters: list[Parameter]
    supports_implicit_caching: bool
    tag: str
    latency_last_30m: PercentileStats | None = None
    max_completion_tokens: int | None = None
    max_prompt_tokens: int | None = None
    quantization: Quantization | None = None
    status: EndpointStatus | None = None
    #: Whether this TTS endpoint accepts inline reference audio (`input_references`) for
    #: stateless voice cloning. Requests carrying reference audio are only routed to endpoints
    #: where this is true.
    supports_voice_cloning: bool | None = None
    throughput_last_30m: PercentileStats | None = None
    #: Uptime percentage over the last 1 day, calculated as successful requests / (successful +
    #: error requests) * 100. Rate-limited requests are excluded. Returns null if insufficient
    #: data.
    uptime_last_1d: float | None = None
    uptime_last_30m: float | None = None
    #: Uptime percentage over the last 5 minutes, calculated as successful requests /
    #: (successful + error requests) * 100. Rate-limited requests are excluded. Returns null if
    #: insufficient data.
    uptime_last_5m: float | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class PublicEndpointPricing(Value):
    """What one endpoint charges, in US dollars per token or unit."""

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
