"""Tool definitions: function tools and OpenRouter server tools (``openrouter:*``)."""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import attrs

from .._sequences import as_list
from .._values import Value

if TYPE_CHECKING:
    from ._content import AnthropicCacheControlDirective, ChatContentCacheControl


BashServerToolEngine: TypeAlias = Literal["auto", "native", "openrouter"] | str
"""
Which bash engine to use. "openrouter" runs commands server-side in the OpenRouter sandbox.
"auto" (default) and "native" use native passthrough, returning the tool call to your
application to run client-side; OpenRouter does not execute the commands.
"""


SandboxSleepAfterSeconds: TypeAlias = int
"""
How long (in seconds) the container stays warm after its last command before sleeping, freeing
its capacity slot. Idle-based: each command renews the timer. Defaults to 900 (15 minutes);
capped at 2592000 (30 days).
"""


SearchQualityLevel: TypeAlias = Literal["low", "medium", "high"] | str
"""
How much context to retrieve per result. Applies to Exa, Parallel, and Perplexity engines;
ignored with native provider search and Firecrawl. For Exa, pins a fixed per-result character
cap (low=5,000, medium=15,000, high=30,000); when omitted, Exa picks an adaptive size per query
and document (typically ~2,000-4,000 characters per result). For Parallel, controls the total
characters across all results; when omitted, Parallel uses its own default size. For Perplexity,
maps directly to the Search API's native search_context_size parameter. Overridden by
`max_characters` when both are set.
"""


WebFetchEngineEnum: TypeAlias = (
    Literal["auto", "native", "openrouter", "exa", "parallel", "firecrawl"] | str
)
"""
Which fetch engine to use. "auto" (default) uses native if the provider supports it, otherwise
Exa. "native" forces the provider's built-in fetch. "exa" uses Exa Contents API. "openrouter"
uses direct HTTP fetch. "firecrawl" uses Firecrawl scrape (requires BYOK). "parallel" uses the
Parallel extract API.
"""


WebSearchEngineEnum: TypeAlias = (
    Literal["native", "exa", "parallel", "firecrawl", "perplexity", "auto"] | str
)
"""
Which search engine to use. "auto" (default) uses native if the provider supports it, otherwise
Exa. "native" forces the provider's built-in search. "exa" forces the Exa search API.
"firecrawl" uses Firecrawl (requires BYOK). "parallel" uses the Parallel search API.
"perplexity" uses the Perplexity Search API (raw ranked results).
"""


WebSearchMode: TypeAlias = (
    Literal[
        "instant",
        "fast",
        "auto",
        "deep-lite",
        "deep",
        "deep-reasoning",
        "turbo",
        "basic",
        "advanced",
    ]
    | str
)
"""
Engine-native search mode. Exa supports instant, fast, auto (default), deep-lite, deep, and
deep-reasoning. Parallel supports turbo, fast, basic (default), and advanced. Modes unsupported
by the selected engine are ignored.
"""


@attrs.frozen(kw_only=True, eq=False, repr=False)
class AdvisorReasoning(Value):
    """
    Reasoning configuration forwarded to the advisor call. Use this to control reasoning effort
    and token budget for models that support extended thinking.
    """

    #: Reasoning effort level for the advisor call.
    effort: Literal["max", "xhigh", "high", "medium", "low", "minimal", "none"] | str | None = None
    #: Maximum number of reasoning tokens the advisor may use.
    max_tokens: int | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class AdvisorServerToolConfig(Value):
    """Configuration for one openrouter:advisor server tool entry."""

    #: When true, the full parent conversation is forwarded to the advisor so it sees the same
    #: context the executor does (and the tool-call `prompt`, if given, is appended as a final
    #: user turn). When false or omitted, the advisor receives only the `prompt` the executor
    #: passes in the tool call.
    forward_transcript: bool | None = None
    #: System instructions for the advisor sub-agent. When omitted, the advisor responds with no
    #: system prompt of its own.
    instructions: str | None = None
    #: Maximum number of output tokens (including reasoning) the advisor may produce. When
    #: omitted, the provider's default applies.
    max_completion_tokens: int | None = None
    #: Slug of the advisor model to consult (any OpenRouter model). When omitted, the executor
    #: can choose it via the tool call's `model` argument; if neither is set, the model from the
    #: outer API request is used.
    model: str | None = None
    #: Optional name for this advisor. The model sees one tool per named advisor (and one
    #: default for an unnamed entry). Names must be unique across advisor entries. Letters,
    #: digits, spaces, underscores, and dashes; trimmed; 1-64 chars.
    name: str | None = None
    reasoning: AdvisorReasoning | None = None
    #: When true, the advisor's advice streams incrementally as it is produced. In the Responses
    #: API this emits `response.output_text.delta` events targeting the advisor output item; the
    #: final `advice` field is still set on the completed item. Has no effect on the Chat
    #: Completions API (where the advice arrives only as the final tool result). When false or
    #: omitted, the advice arrives only as the final result.
    stream: bool | None = None
    #: Sampling temperature forwarded to the advisor call. When omitted, the provider's default
    #: applies.
    temperature: float | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class AdvisorServerTool_OpenRouter(Value):
    """
    OpenRouter built-in server tool: consults a higher-intelligence advisor model (any
    OpenRouter model) for guidance mid-generation and returns its response. Include multiple
    entries to offer several named advisors; at most one entry may omit `name` to act as the
    default advisor.
    """

    type: Literal["openrouter:advisor"] = "openrouter:advisor"
    parameters: AdvisorServerToolConfig | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class BashServerTool(Value):
    """OpenRouter built-in server tool: runs shell commands server-side in a sandboxed container."""

    type: Literal["openrouter:bash"] = "openrouter:bash"
    parameters: BashServerToolConfig | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class BashServerToolConfig(Value):
    """Configuration for the openrouter:bash server tool."""

    engine: BashServerToolEngine | None = None
    environment: BashServerToolEnvironment | None = None
    sleep_after_seconds: SandboxSleepAfterSeconds | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatFunctionDefinition(Value):
    """Function definition for tool calling."""

    #: Function name (a-z, A-Z, 0-9, underscores, dashes, max 64 chars).
    name: str
    #: Function description for the model.
    description: str | None = None
    #: Function parameters as JSON Schema object.
    parameters: dict[str, Any] | None = None
    #: Enable strict schema adherence.
    strict: bool | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatFunctionToolFunction(Value):
    """A function tool: ``{"type": "function", "function": {...}}``."""

    type: Literal["function"] = "function"
    #: Function definition for tool calling.
    function: ChatFunctionDefinition
    cache_control: ChatContentCacheControl | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatSearchModelsServerTool(Value):
    """OpenRouter built-in server tool: searches and filters AI models available on OpenRouter."""

    type: Literal["openrouter:experimental__search_models"] = (
        "openrouter:experimental__search_models"
    )
    parameters: SearchModelsServerToolConfig | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatWebSearchShorthand(Value):
    """
    Web search tool using OpenAI Responses API syntax. Automatically converted to
    openrouter:web_search.
    """

    type: Literal[
        "web_search", "web_search_preview", "web_search_preview_2025_03_11", "web_search_2025_08_26"
    ]
    #: Limit search results to these domains. Supported by Exa, Firecrawl, Parallel, Perplexity,
    #: and most native providers (Anthropic, OpenAI, xAI). Cannot be used with excluded_domains.
    allowed_domains: Sequence[str] | None = attrs.field(default=None, eq=as_list)
    engine: WebSearchEngineEnum | None = None
    #: Exclude search results from these domains. Supported by Exa, Firecrawl, Parallel,
    #: Perplexity, Anthropic, OpenAI, and xAI. Cannot be used with allowed_domains.
    excluded_domains: Sequence[str] | None = attrs.field(default=None, eq=as_list)
    #: Exact maximum number of characters of content per search result. Applies to the Exa,
    #: Parallel, and Perplexity engines; ignored with native provider search and Firecrawl. For
    #: Exa, caps highlight content per result. For Parallel, caps excerpt content per result
    #: (default 1,500 when omitted). For Perplexity, maps to the native `max_tokens_per_page`
    #: parameter (converted from characters to tokens) and trims the response to the exact
    #: character cap. When both `max_characters` and `search_context_size` are set,
    #: `max_characters` takes precedence. When omitted, falls back to `search_context_size`
    #: mapping (Exa) or engine defaults (Parallel, Perplexity).
    max_characters: int | None = None
    #: Maximum number of search results to return per search call. Defaults to 5. Applies to
    #: Exa, Firecrawl, Parallel, and Perplexity engines; ignored with native provider search.
    #: Perplexity supports a maximum of 20; values above 20 are clamped.
    max_results: int | None = None
    #: Maximum total number of search results across all search calls in a single request. Once
    #: this limit is reached, the tool will stop returning new results. Useful for controlling
    #: cost and context size in agentic loops. Defaults to 50 when not specified.
    max_total_results: int | None = None
    #: Maximum number of web searches the model may perform in a single request. Once reached,
    #: further search calls return an error result instead of executing. Applies to the Exa,
    #: Firecrawl, Parallel, and Perplexity engines. With native provider search, forwarded only
    #: to Anthropic (as `max_uses`); other native search providers have no equivalent parameter
    #: and ignore it.
    max_uses: int | None = None
    mode: WebSearchMode | None = None
    parameters: WebSearchConfig | None = None
    search_context_size: SearchQualityLevel | None = None
    user_location: WebSearchUserLocationServerTool | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ContainerAutoEnvironment(Value):
    """An OpenRouter-managed, auto-provisioned ephemeral container."""

    type: Literal["container_auto"] = "container_auto"
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ContainerReferenceEnvironment(Value):
    """Reference to a previously created container to reuse."""

    type: Literal["container_reference"] = "container_reference"
    #: Identifier of an existing container to reuse (max 20 characters).
    container_id: str
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class DatetimeServerTool(Value):
    """OpenRouter built-in server tool: returns the current date and time."""

    type: Literal["openrouter:datetime"] = "openrouter:datetime"
    parameters: DatetimeServerToolConfig | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class DatetimeServerToolConfig(Value):
    """Configuration for the openrouter:datetime server tool."""

    #: IANA timezone name (e.g. "America/New_York"). Defaults to UTC.
    timezone: str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class FilesServerTool(Value):
    """
    OpenRouter built-in server tool: read, write, edit, and list workspace files via the Files
    API. Requires an authenticated request; files come from the API key's workspace (or the
    default workspace for keys without one).
    """

    type: Literal["openrouter:files"] = "openrouter:files"
    parameters: FilesServerToolConfig | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class FilesServerToolConfig(Value):
    """Configuration for the openrouter:files server tool."""

    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class FusionNestedTool(Value):
    """A tool the models of the fusion server tool may use."""

    #: Server tool type identifier (e.g. "openrouter:web_search", "openrouter:web_fetch").
    type: str
    #: Optional configuration forwarded as the tool's `parameters` object.
    parameters: dict[str, Any] | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class FusionReasoning(Value):
    """
    Reasoning configuration forwarded to panelist and analyst inner calls. Use this to control
    reasoning effort and token budget for models that support extended thinking.
    """

    #: Reasoning effort level for panelist and analyst inner calls.
    effort: Literal["max", "xhigh", "high", "medium", "low", "minimal", "none"] | str | None = None
    #: Maximum number of reasoning tokens each panelist and analyst model may use. Helps bound
    #: cost when models allocate too much budget to chain-of-thought.
    max_tokens: int | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class FusionServerToolConfig(Value):
    """Configuration for the openrouter:fusion server tool."""

    #: Slugs of models to run in parallel as the analysis panel. Each model receives the user
    #: prompt with openrouter:web_search and openrouter:web_fetch enabled, then an analyst model
    #: summarizes the collective output into structured analysis JSON. Capped at 8 models to
    #: bound cost amplification. Defaults to the Quality preset from /labs/fusion.
    analysis_models: Sequence[str] | None = attrs.field(default=None, eq=as_list)
    cache_control: AnthropicCacheControlDirective | None = None
    #: Maximum number of output tokens (including reasoning tokens) each panelist and the
    #: analyst model may produce per inner call. Controls the total output budget so reasoning-
    #: heavy models like GPT-5.5 do not exhaust their token allowance before producing visible
    #: text. Defaults to 16000 when omitted.
    max_completion_tokens: int | None = None
    #: Maximum number of tool-calling steps each panelist (analysis model) and the analyst model
    #: may take during their agentic web-research loop. Models with web_search/web_fetch enabled
    #: iterate until they produce a text response or hit this ceiling. Defaults to 4. Capped at
    #: 16.
    max_tool_calls: int | None = None
    #: Slug of the analyst model that produces the structured analysis JSON. Defaults to the
    #: model used in the outer API request.
    model: str | None = None
    #: Reasoning configuration forwarded to panelist and analyst inner calls. Use this to
    #: control reasoning effort and token budget for models that support extended thinking.
    reasoning: FusionReasoning | None = None
    #: Temperature forwarded to panelist inner calls. The analyst always runs at temperature 0
    #: regardless of this value. When omitted, the provider's default applies.
    temperature: float | None = None
    #: Server tools available to panelist and analyst inner calls. Each entry uses the same `{
    #: type, parameters? }` shorthand as the outer Chat Completions request. When omitted,
    #: defaults to `[{ type: "openrouter:web_search" }, { type: "openrouter:web_fetch" }]`. Pass
    #: an empty array to disable tools entirely (panelists answer from parametric knowledge
    #: only).
    tools: Sequence[FusionNestedTool] | None = attrs.field(default=None, eq=as_list)
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class FusionServerTool_OpenRouter(Value):
    """
    OpenRouter built-in server tool: fans out the user prompt to a panel of analysis models,
    then asks an analyst model to summarize their collective output as structured JSON the outer
    model can synthesize from.
    """

    type: Literal["openrouter:fusion"] = "openrouter:fusion"
    parameters: FusionServerToolConfig | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ImageGenerationServerToolConfig(Value):
    """
    Configuration for the openrouter:image_generation server tool. Accepts all image_config
    params (aspect_ratio, quality, size, background, output_format, output_compression,
    moderation, etc.) plus a model field.
    """

    #: Which image generation model to use (e.g. "openai/gpt-5-image"). Defaults to
    #: "openai/gpt-5-image".
    model: str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ImageGenerationServerTool_OpenRouter(Value):
    """
    OpenRouter built-in server tool: generates images from text prompts using an image
    generation model.
    """

    type: Literal["openrouter:image_generation"] = "openrouter:image_generation"
    parameters: ImageGenerationServerToolConfig | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class OpenRouterWebSearchServerTool(Value):
    """OpenRouter built-in server tool: searches the web for current information."""

    type: Literal["openrouter:web_search"] = "openrouter:web_search"
    parameters: WebSearchConfig | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class SearchModelsServerToolConfig(Value):
    """Configuration for the openrouter:experimental__search_models server tool."""

    #: Maximum number of models to return. Defaults to 5, max 20.
    max_results: int | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class SubagentNestedTool(Value):
    """
    A tool made available to the subagent. Only OpenRouter server tools (e.g.
    openrouter:web_search) are supported; function tools are rejected because the worker has no
    way to execute them. The subagent tool may not list itself.
    """

    type: str
    parameters: dict[str, Any] | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class SubagentReasoning(Value):
    """
    Reasoning configuration forwarded to the subagent call. Use this to control reasoning effort
    and token budget for models that support extended thinking.
    """

    #: Reasoning effort level for the subagent call.
    effort: Literal["max", "xhigh", "high", "medium", "low", "minimal", "none"] | str | None = None
    #: Maximum number of reasoning tokens the subagent may use. Forwarded to the subagent call
    #: as `reasoning.max_tokens`.
    max_tokens: int | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class SubagentServerToolConfig(Value):
    """Configuration for one openrouter:subagent server tool entry."""

    #: EXPERIMENTAL — subject to change without notice. When true, the subagent inherits every
    #: client function defined in the request's top-level `tools` list. Supported on the
    #: Responses API (`/api/v1/responses`) only; other APIs reject it with a `400`.
    inherit_functions: bool | None = None
    #: EXPERIMENTAL — subject to change without notice. Names of the top-level function tools
    #: that the subagent will inherit. Any tool that matches by name will be copied fully into
    #: the tools array of the subagent. When `inherit_functions` is `true`, this list does
    #: nothing, because every client function will be inherited by default. Names are trimmed
    #: before validation, so a whitespace-only name is rejected with a `400`. Supported on the
    #: Responses API (`/api/v1/responses`) only; other APIs reject it with a `400`.
    inherited_function_names: Sequence[str] | None = attrs.field(default=None, eq=as_list)
    #: System instructions for the subagent. When omitted, the subagent responds with no system
    #: prompt of its own.
    instructions: str | None = None
    #: Maximum number of output tokens (including reasoning) the subagent may produce. When
    #: omitted, the provider's default applies.
    max_completion_tokens: int | None = None
    #: Maximum number of tool-calling steps the subagent may take during its agentic loop.
    #: Capped at 25. Only relevant when the subagent is given tools. Forwarded to the subagent
    #: call as `max_tool_calls`.
    max_tool_calls: int | None = None
    #: Slug of the model that executes delegated tasks (any OpenRouter model). Typically a
    #: smaller, cheaper, faster model than the one delegating. When omitted, the model from the
    #: outer API request is used. The subagent tool itself cannot be the subagent model.
    model: str | None = None
    #: Optional name for this subagent. The model sees one tool per named subagent (and one
    #: default for an unnamed entry). Names must be unique across subagent entries. Letters,
    #: digits, spaces, underscores, and dashes; trimmed; 1-64 chars.
    name: str | None = None
    reasoning: SubagentReasoning | None = None
    #: Sampling temperature forwarded to the subagent call. When omitted, the provider's default
    #: applies.
    temperature: float | None = None
    #: Tools the subagent may use while executing a delegated task. The subagent runs as an
    #: agentic sub-agent over these tools, then returns its outcome. Only OpenRouter server
    #: tools are supported — function tools are rejected — and the list must not include the
    #: subagent tool itself.
    tools: Sequence[SubagentNestedTool] | None = attrs.field(default=None, eq=as_list)
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class SubagentServerTool_OpenRouter(Value):
    """
    OpenRouter built-in server tool: delegates self-contained tasks to a smaller, cheaper,
    faster worker model (any OpenRouter model) mid-generation and returns its outcome. The
    worker may run as a sub-agent with its own tools.
    """

    type: Literal["openrouter:subagent"] = "openrouter:subagent"
    parameters: SubagentServerToolConfig | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class UnknownBashServerToolEnvironment(Value):
    """
    A ``BashServerToolEnvironment`` member this SDK does not know yet.

    ``raw`` is the member exactly as received; it is sent back unchanged.
    """

    raw: dict[str, Any]


@attrs.frozen(kw_only=True, eq=False, repr=False)
class UnknownChatFunctionTool(Value):
    """
    A ``ChatFunctionTool`` member this SDK does not know yet.

    ``raw`` is the member exactly as received; it is sent back unchanged.
    """

    raw: dict[str, Any]


@attrs.frozen(kw_only=True, eq=False, repr=False)
class WebFetchServerTool(Value):
    """OpenRouter built-in server tool: fetches full content from a URL (web page or PDF)."""

    type: Literal["openrouter:web_fetch"] = "openrouter:web_fetch"
    parameters: WebFetchServerToolConfig | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class WebFetchServerToolConfig(Value):
    """Configuration for the openrouter:web_fetch server tool."""

    #: Only fetch from these domains.
    allowed_domains: Sequence[str] | None = attrs.field(default=None, eq=as_list)
    #: Never fetch from these domains.
    blocked_domains: Sequence[str] | None = attrs.field(default=None, eq=as_list)
    engine: WebFetchEngineEnum | None = None
    #: Maximum content length in approximate tokens. Content exceeding this limit is truncated.
    max_content_tokens: int | None = None
    #: Maximum number of web fetches per request. Once exceeded, the tool returns an error.
    max_uses: int | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class WebSearchConfig(Value):
    """Configuration of the web search server tool."""

    #: Limit search results to these domains. Supported by Exa, Firecrawl, Parallel, Perplexity,
    #: and most native providers (Anthropic, OpenAI, xAI). Cannot be used with excluded_domains.
    allowed_domains: Sequence[str] | None = attrs.field(default=None, eq=as_list)
    engine: WebSearchEngineEnum | None = None
    #: Exclude search results from these domains. Supported by Exa, Firecrawl, Parallel,
    #: Perplexity, Anthropic, OpenAI, and xAI. Cannot be used with allowed_domains.
    excluded_domains: Sequence[str] | None = attrs.field(default=None, eq=as_list)
    #: Exact maximum number of characters of content per search result. Applies to the Exa,
    #: Parallel, and Perplexity engines; ignored with native provider search and Firecrawl. For
    #: Exa, caps highlight content per result. For Parallel, caps excerpt content per result
    #: (default 1,500 when omitted). For Perplexity, maps to the native `max_tokens_per_page`
    #: parameter (converted from characters to tokens) and trims the response to the exact
    #: character cap. When both `max_characters` and `search_context_size` are set,
    #: `max_characters` takes precedence. When omitted, falls back to `search_context_size`
    #: mapping (Exa) or engine defaults (Parallel, Perplexity).
    max_characters: int | None = None
    #: Maximum number of search results to return per search call. Defaults to 5. Applies to
    #: Exa, Firecrawl, Parallel, and Perplexity engines; ignored with native provider search.
    #: Perplexity supports a maximum of 20; values above 20 are clamped.
    max_results: int | None = None
    #: Maximum total number of search results across all search calls in a single request. Once
    #: this limit is reached, the tool will stop returning new results. Useful for controlling
    #: cost and context size in agentic loops. Defaults to 50 when not specified.
    max_total_results: int | None = None
    #: Maximum number of web searches the model may perform in a single request. Once reached,
    #: further search calls return an error result instead of executing. Applies to the Exa,
    #: Firecrawl, Parallel, and Perplexity engines. With native provider search, forwarded only
    #: to Anthropic (as `max_uses`); other native search providers have no equivalent parameter
    #: and ignore it.
    max_uses: int | None = None
    mode: WebSearchMode | None = None
    search_context_size: SearchQualityLevel | None = None
    user_location: WebSearchUserLocationServerTool | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class WebSearchUserLocationServerTool(Value):
    """Approximate user location for location-biased results."""

    city: str | None = None
    country: str | None = None
    region: str | None = None
    timezone: str | None = None
    type: Literal["approximate"] | str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


BashServerToolEnvironment: TypeAlias = (
    ContainerAutoEnvironment | ContainerReferenceEnvironment | UnknownBashServerToolEnvironment
)
"""Execution environment for the bash server tool."""


ChatFunctionTool: TypeAlias = (
    ChatFunctionToolFunction
    | AdvisorServerTool_OpenRouter
    | BashServerTool
    | DatetimeServerTool
    | FilesServerTool
    | FusionServerTool_OpenRouter
    | ImageGenerationServerTool_OpenRouter
    | ChatSearchModelsServerTool
    | SubagentServerTool_OpenRouter
    | WebFetchServerTool
    | OpenRouterWebSearchServerTool
    | ChatWebSearchShorthand
    | UnknownChatFunctionTool
)
"""Tool definition for function calling (regular function or OpenRouter built-in server tool)."""
