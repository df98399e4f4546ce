"""Request plugins, discriminated on ``id``."""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import attrs

from .._sequences import as_list
from .._values import Value

if TYPE_CHECKING:
    from ._tools import WebSearchMode


ContextCompressionEngine: TypeAlias = Literal["middle-out"] | str
"""The compression engine to use. Defaults to "middle-out"."""


PDFParserEngine: TypeAlias = Literal["mistral-ocr", "native", "cloudflare-ai", "pdf-text"] | str
"""
The engine to use for parsing PDF files. "pdf-text" is deprecated and automatically redirected
to "cloudflare-ai".
"""


WebSearchEngine: TypeAlias = Literal["native", "exa", "firecrawl", "parallel", "perplexity"] | str
"""The search engine to use for web search."""


@attrs.frozen(kw_only=True, eq=False, repr=False)
class AutoBetaRouterPlugin(Value):
    """The beta auto router: picks a model for the request."""

    id: Literal["auto-beta-router"] = "auto-beta-router"
    #: List of model patterns to filter which models the auto-beta-router can route between.
    #: Supports wildcards (e.g., "anthropic/*" matches all Anthropic models). Up to 1024
    #: patterns, each at most 1024 characters, with 65536 total characters across all patterns.
    #: When not specified, every model ranked for the classified task type is a candidate,
    #: falling back to a default model set when rankings are unavailable.
    allowed_models: Sequence[str] | None = attrs.field(default=None, eq=as_list)
    #: Deprecated: Use cost_tier instead. Balances routing between cost and quality on a 0-10
    #: scale. The auto-beta-router ranks models for the classified task type by community spend
    #: share, then filters candidates by their average cost per generation for that task. Higher
    #: values favor cheaper models: 10 keeps only models around the cheapest 10th percentile,
    #: while 0 permits models up to the 90th percentile for cost. Defaults to 9 when no cost
    #: setting is provided. It remains supported and retains ceiling behavior, but cost_tier
    #: takes precedence when both are provided.
    cost_quality_tradeoff: int | None = None
    #: Named cost/quality setting. For auto-beta-router, tiers select cost-percentile bands: low
    #: = [0, 20), medium = [20, 40), high = [40, 60), xhigh = [60, 80), and max = [80, 100].
    #: Takes precedence over the deprecated numeric cost_quality_tradeoff when both are
    #: provided.
    cost_tier: Literal["low", "medium", "high", "xhigh", "max"] | str | None = None
    #: Set to false to disable the auto-beta-router plugin for this request. Defaults to true.
    enabled: bool | None = None
    #: List of model patterns to exclude from auto-beta-router selection. Supports wildcards
    #: (e.g., "meta-llama/*" excludes all Llama models). Up to 1024 patterns, each at most 1024
    #: characters, with 65536 total characters across all patterns. Applied after
    #: allowed_models, so an excluded pattern always wins over an allowed one.
    excluded_models: Sequence[str] | None = attrs.field(default=None, eq=as_list)
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class AutoRouterPlugin(Value):
    """The auto router (``openrouter/auto``): picks a model for the request."""

    id: Literal["auto-router"] = "auto-router"
    #: List of model patterns to filter which models the auto-router can route between. Supports
    #: wildcards (e.g., "anthropic/*" matches all Anthropic models). Up to 1024 patterns, each
    #: at most 1024 characters, with 65536 total characters across all patterns. When not
    #: specified, every model ranked for the classified task type is a candidate, falling back
    #: to a default model set when rankings are unavailable.
    allowed_models: Sequence[str] | None = attrs.field(default=None, eq=as_list)
    #: Deprecated: Use cost_tier instead. Balances routing between cost and quality on a 0-10
    #: scale. The auto-router ranks models for the classified task type by community spend
    #: share, then filters candidates by their average cost per generation for that task. Higher
    #: values favor cheaper models: 10 keeps only models around the cheapest 10th percentile,
    #: while 0 permits models up to the 90th percentile for cost. Defaults to 9 when no cost
    #: setting is provided. It remains supported and retains ceiling behavior, but cost_tier
    #: takes precedence when both are provided.
    cost_quality_tradeoff: int | None = None
    #: Named cost/quality setting. Tiers select cost-percentile bands: low = [0, 20), medium =
    #: [20, 40), high = [40, 60), xhigh = [60, 80), and max = [80, 100]. Takes precedence over
    #: the deprecated numeric cost_quality_tradeoff when both are provided.
    cost_tier: Literal["low", "medium", "high", "xhigh", "max"] | str | None = None
    #: Set to false to disable the auto-router plugin for this request. Defaults to true.
    enabled: bool | None = None
    #: List of model patterns to exclude from auto-router selection. Supports wildcards (e.g.,
    #: "meta-llama/*" excludes all Llama models). Up to 1024 patterns, each at most 1024
    #: characters, with 65536 total characters across all patterns. Applied after
    #: allowed_models, so an excluded pattern always wins over an allowed one.
    excluded_models: Sequence[str] | None = attrs.field(default=None, eq=as_list)
    #: When true, reuses the model from the most recent assistant message's `model` attribute
    #: for subsequent turns. Defaults to false.
    pin_model: bool | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ContextCompressionPlugin(Value):
    """Fits long prompts into the context window (``middle-out``)."""

    id: Literal["context-compression"] = "context-compression"
    #: Set to false to disable the context-compression plugin for this request. Defaults to
    #: true.
    enabled: bool | None = None
    engine: ContextCompressionEngine | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class FileParserPlugin(Value):
    """Parses PDF and other files attached to messages."""

    id: Literal["file-parser"] = "file-parser"
    #: Set to false to disable the file-parser plugin for this request. Defaults to true.
    enabled: bool | None = None
    pdf: PDFParserOptions | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class FusionPlugin(Value):
    """Fusion: several models answer, and one combines their answers."""

    id: Literal["fusion"] = "fusion"
    #: Slugs of models to run in parallel as the "expert panel" the analyst analyzes. Each model
    #: receives the same user prompt with web_search + web_fetch enabled. Capped at 8 models to
    #: bound cost amplification. When omitted, defaults to the Quality preset from the
    #: /labs/fusion UI (~anthropic/claude-opus-latest, ~openai/gpt-latest, ~google/gemini-pro-
    #: latest).
    analysis_models: Sequence[str] | None = attrs.field(default=None, eq=as_list)
    #: Set to false to disable the fusion plugin for this request. Defaults to true.
    enabled: bool | None = None
    #: Maximum number of tool-calling steps each panelist (analysis model) and the analyst model
    #: may take during their agentic web-research loop. Models with web_search/web_fetch enabled
    #: iterate until they produce a text response or hit this ceiling. Defaults to 4. Capped at
    #: 16.
    max_tool_calls: int | None = None
    #: Slug of the model that performs both the analyst step (with web_search + web_fetch) and
    #: the final synthesis. When omitted, defaults to the first model in the Quality preset.
    model: str | None = None
    #: A curated OpenRouter fusion preset (slugs follow `<task>-<tier>`, e.g. `general-high`).
    #: Expands server-side into the preset's analysis_models panel and analyst model, so callers
    #: never name individual models. Explicitly provided `analysis_models` / `model` take
    #: precedence.
    preset: Literal["general-high", "general-budget", "general-fast"] | str | None = None
    #: Server tools available to panelist and analyst inner calls. Each entry uses the same `{
    #: type, parameters? }` shorthand as the outer Chat Completions request. When omitted,
    #: defaults to `[{ type: "openrouter:web_search" }, { type: "openrouter:web_fetch" }]`. Pass
    #: an empty array to disable tools entirely (panelists answer from parametric knowledge
    #: only).
    tools: Sequence[FusionPluginTool] | None = attrs.field(default=None, eq=as_list)
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class FusionPluginTool(Value):
    """A tool the models of the fusion plugin may use."""

    #: Server tool type identifier (e.g. "openrouter:web_search", "openrouter:web_fetch").
    type: str
    #: Optional configuration forwarded as the tool's `parameters` object.
    parameters: dict[str, Any] | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ModerationPlugin(Value):
    """Moderates the request's input."""

    id: Literal["moderation"] = "moderation"
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class PDFParserOptions(Value):
    """Options for PDF parsing."""

    engine: PDFParserEngine | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ParetoRouterPlugin(Value):
    """Routes to the best model within a price and quality frontier."""

    id: Literal["pareto-router"] = "pareto-router"
    #: Set to false to disable the pareto-router plugin for this request. Defaults to true.
    enabled: bool | None = None
    #: Maximum input price in USD per million tokens. When set, quality-tier selection
    #: (min_coding_score) is bypassed: the router computes the Pareto frontier over the top
    #: coding models and routes to the best-scoring frontier model priced at or below this cap,
    #: falling back through cheaper frontier models, then non-frontier models. Enforced against
    #: the price source given by price_source. Returns 404 when no candidate satisfies the cap.
    max_price: float | None = None
    #: Minimum coding quality score between 0 and 1. Maps to internal quality tiers: >= 0.66 →
    #: high (top coding models), >= 0.33 → medium (strong modern flagships), < 0.33 → low
    #: (capable coders above the median). Omit to default to the highest tier (equivalent to >=
    #: 0.66). Not used when max_price is set (price-based selection takes over).
    min_coding_score: float | None = None
    #: Price source for the Pareto frontier cost axis and for enforcing max_price. "prompt" uses
    #: catalog list price (endpoint.pricing.prompt). "weighted_avg" uses traffic-weighted
    #: effective input price from ClickHouse, falling back to prompt price for models without
    #: traffic data. Defaults to "prompt".
    price_source: Literal["prompt", "weighted_avg"] | str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ResponseHealingPlugin(Value):
    """Repairs malformed JSON output (non-streaming only)."""

    id: Literal["response-healing"] = "response-healing"
    #: Set to false to disable the response-healing plugin for this request. Defaults to true.
    enabled: bool | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class UnknownPlugin(Value):
    """
    A ``ChatPlugin`` member this SDK does not know yet.

    ``raw`` is the member exactly as received; it is sent back unchanged.
    """

    raw: dict[str, Any]


@attrs.frozen(kw_only=True, eq=False, repr=False)
class WebFetchPlugin(Value):
    """Lets the model fetch web pages."""

    id: Literal["web-fetch"] = "web-fetch"
    #: Only fetch from these domains.
    allowed_domains: Sequence[str] | None = attrs.field(default=None, eq=as_list)
    #: Never fetch from these domains.
    blocked_domains: Sequence[str] | None = attrs.field(default=None, eq=as_list)
    #: Maximum content length in approximate tokens. Content exceeding this limit is truncated.
    max_content_tokens: int | None = None
    #: Maximum number of web fetches per request. Once exceeded, the tool returns an error.
    max_uses: int | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class WebSearchPlugin(Value):
    """Web search (deprecated in favour of the ``openrouter:web_search`` tool)."""

    id: Literal["web"] = "web"
    #: Set to false to disable the web-search plugin for this request. Defaults to true.
    enabled: bool | None = None
    engine: WebSearchEngine | None = None
    #: A list of domains to exclude from web search results. Supports wildcards (e.g.
    #: "*.substack.com") and path filtering (e.g. "openai.com/blog").
    exclude_domains: Sequence[str] | None = attrs.field(default=None, eq=as_list)
    #: A list of domains to restrict web search results to. Supports wildcards (e.g.
    #: "*.substack.com") and path filtering (e.g. "openai.com/blog").
    include_domains: Sequence[str] | None = attrs.field(default=None, eq=as_list)
    max_results: int | None = None
    #: Maximum number of times the model can invoke web search in a single turn. Passed through
    #: to native providers that support it (e.g. Anthropic).
    max_uses: int | None = None
    mode: WebSearchMode | None = None
    search_prompt: str | None = None
    user_location: WebSearchUserLocation | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class WebSearchUserLocation(Value):
    """User location information for web search."""

    city: str | None = None
    country: str | None = None
    region: str | None = None
    timezone: str | None = None
    type: Literal["approximate"] | str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


ChatPlugin: TypeAlias = (
    AutoRouterPlugin
    | AutoBetaRouterPlugin
    | ModerationPlugin
    | WebSearchPlugin
    | WebFetchPlugin
    | FileParserPlugin
    | ResponseHealingPlugin
    | ContextCompressionPlugin
    | ParetoRouterPlugin
    | FusionPlugin
    | UnknownPlugin
)
"""A request plugin, discriminated on ``id``."""
