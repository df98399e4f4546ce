"""Generate ``openrouter_core/models/`` from the OpenAPI spec.

Usage::

    python tools/gen_models.py [chat-completions.openapi.json [openrouter-ops.openapi.json]]

The specs live outside the repository (``../shared/spec/``): the chat operation's, and the
operations around it (models, endpoints, providers, generation, credits, key, embeddings).
The schemas both files hold are identical and are generated once. ``render(chat, ops)`` is
pure and returns ``{file name: source}``; ``tests/test_models_spec.py`` re-renders in memory
and compares, so the checked-in models cannot drift from the specs. Everything the specs do not
say (wire-only fields, names for inline objects, fields the API omits although the spec requires
them, the fallback members that keep unknown union members) is in the tables below, in one place.
"""

from __future__ import annotations

import functools
import json
import keyword
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SPEC = ROOT.parent / "shared" / "spec" / "chat-completions.openapi.json"
DEFAULT_OPS_SPEC = ROOT.parent / "shared" / "spec" / "openrouter-ops.openapi.json"
OUT = ROOT / "openrouter_core" / "models"
REF = "#/components/schemas/"
DISCRIMINATORS = ("type", "role", "id")

# Module of every name; a module's docstring says what it holds. A module is loaded, and all
# its classes created, on the first use of any of its names. A class costs about four times
# what a module does to load (callgrind: 1.6M instructions, attrs compiles an ``__init__``,
# against 0.4M), so the classes a plain text exchange uses (tests/test_cold_start.py) share a
# few modules, and a class it does not use lives apart when that saves a class or more.
# A union alias is evaluated when its module loads, and imports members of other modules then.
MODULES: dict[str, tuple[str, list[str]]] = {
    "_content": (
        "Content parts of messages and prompt-cache markers.",
        [
            "AnthropicCacheControlDirective",
            "AnthropicCacheControlTtl",
            "ChatContentAudio",
            "ChatContentAudioInput",
            "ChatContentCacheControl",
            "ChatContentFile",
            "ChatContentFileData",
            "ChatContentImage",
            "ChatContentImageUrl",
            "ChatContentItems",
            "ChatContentText",
            "ChatContentVideo",
            "ChatContentVideoInput",
            "Legacy_ChatContentVideo",
            "Legacy_ChatContentVideoInput",
            "PromptCacheBreakpoint",
            "UnknownChatContentItem",
        ],
    ),
    "_reasoning": (
        "Reasoning details: the blocks to echo back verbatim and in order on the next turn.",
        [
            "ChatReasoningDetails",
            "ChatStreamReasoningDetails",
            "ReasoningDetailEncrypted",
            "ReasoningDetailServerToolCall",
            "ReasoningDetailSummary",
            "ReasoningDetailText",
            "ReasoningDetailUnion",
            "ReasoningFormat",
            "UnknownReasoningDetail",
        ],
    ),
    "_messages": (
        "The messages a plain request sends: system and user. The assistant's message is in"
        " ``_response``, which carries it; the rarer roles and the union in ``_message_union``.",
        ["ChatSystemMessage", "ChatUserMessage"],
    ),
    "_message_union": (
        "Conversation messages, discriminated on ``role``: the union and its rarer members (a"
        " module of its own, so a plain request does not create developer or tool messages).",
        ["ChatDeveloperMessage", "ChatMessages", "ChatToolMessage", "UnknownChatMessage"],
    ),
    "_assistant_parts": (
        "What an assistant message may carry besides text and tool calls: images, audio and"
        " annotations (a module of its own, so a plain text exchange does not create them).",
        [
            "ChatAnnotation",
            "ChatAssistantImage",
            "ChatAssistantImageUrl",
            "ChatAssistantImages",
            "ChatAudioOutput",
            "ChatUrlCitation",
            "ChatUrlCitationAnnotation",
            "UnknownChatAnnotation",
        ],
    ),
    "_tool_calls": (
        "The tool calls of an assistant message (a module of their own, so an answer that calls"
        " tools does not create the classes of images, audio and annotations).",
        ["ChatToolCall", "ChatToolCallFunction"],
    ),
    "_tools": (
        "Tool definitions: function tools and OpenRouter server tools (``openrouter:*``).",
        [
            "AdvisorReasoning",
            "AdvisorServerToolConfig",
            "AdvisorServerTool_OpenRouter",
            "BashServerTool",
            "BashServerToolConfig",
            "BashServerToolEngine",
            "BashServerToolEnvironment",
            "ChatFunctionDefinition",
            "ChatFunctionTool",
            "ChatFunctionToolFunction",
            "ChatSearchModelsServerTool",
            "ChatWebSearchShorthand",
            "ContainerAutoEnvironment",
            "ContainerReferenceEnvironment",
            "DatetimeServerTool",
            "DatetimeServerToolConfig",
            "FilesServerTool",
            "FilesServerToolConfig",
            "FusionNestedTool",
            "FusionReasoning",
            "FusionServerToolConfig",
            "FusionServerTool_OpenRouter",
            "ImageGenerationServerToolConfig",
            "ImageGenerationServerTool_OpenRouter",
            "OpenRouterWebSearchServerTool",
            "SandboxSleepAfterSeconds",
            "SearchModelsServerToolConfig",
            "SearchQualityLevel",
            "SubagentNestedTool",
            "SubagentReasoning",
            "SubagentServerToolConfig",
            "SubagentServerTool_OpenRouter",
            "UnknownBashServerToolEnvironment",
            "UnknownChatFunctionTool",
            "WebFetchEngineEnum",
            "WebFetchServerTool",
            "WebFetchServerToolConfig",
            "WebSearchConfig",
            "WebSearchEngineEnum",
            "WebSearchMode",
            "WebSearchUserLocationServerTool",
        ],
    ),
    "_tool_choice": (
        "Tool choice, and the stop conditions of the server-tool loop.",
        [
            "ChatNamedToolChoice",
            "ChatNamedToolChoiceFunction",
            "ChatServerToolChoice",
            "ChatToolChoice",
            "StopServerToolsWhen",
            "StopServerToolsWhenCondition",
            "StopServerToolsWhenFinishReasonIs",
            "StopServerToolsWhenHasToolCall",
            "StopServerToolsWhenMaxCost",
            "StopServerToolsWhenMaxTokensUsed",
            "StopServerToolsWhenStepCountIs",
            "UnknownStopServerToolsWhenCondition",
        ],
    ),
    "_plugins": (
        "Request plugins, discriminated on ``id``.",
        [
            "AutoBetaRouterPlugin",
            "AutoRouterPlugin",
            "ChatPlugin",
            "ContextCompressionEngine",
            "ContextCompressionPlugin",
            "FileParserPlugin",
            "FusionPlugin",
            "FusionPluginTool",
            "ModerationPlugin",
            "PDFParserEngine",
            "PDFParserOptions",
            "ParetoRouterPlugin",
            "ResponseHealingPlugin",
            "UnknownPlugin",
            "WebFetchPlugin",
            "WebSearchEngine",
            "WebSearchPlugin",
            "WebSearchUserLocation",
        ],
    ),
    "_provider": (
        "Provider routing preferences (``ChatRequest.provider``).",
        [
            "PercentileLatencyCutoffs",
            "PercentileThroughputCutoffs",
            "PreferredMaxLatency",
            "PreferredMinThroughput",
            "ProviderMaxPrice",
            "ProviderName",
            "ProviderPreferences",
            "ProviderSort",
            "ProviderSortConfig",
            "Quantization",
        ],
    ),
    "_request": (
        "The request body.",
        ["ChatModelNames", "ChatRequest", "DeprecatedRoute", "ImageConfig", "ModelName"],
    ),
    "_request_wrapper": (
        "The operation wrapper: the body plus per-call headers (a module of its own, so a call"
        " given a bare ``ChatRequest`` does not create it).",
        ["MetadataLevel", "SendChatCompletionRequest"],
    ),
    "_request_options": (
        "The request's small option objects (a module of its own, so a request that sets"
        " none of them does not create them).",
        [
            "ChatDebugOptions",
            "ChatReasoningSummaryVerbosityEnum",
            "ChatRequestReasoning",
            "ChatStreamOptions",
            "Prediction",
            "PredictionContentText",
            "PromptCacheOptions",
            "TraceConfig",
        ],
    ),
    "_response_format": (
        "Structured output formats (``ChatRequest.response_format``), discriminated on ``type``.",
        [
            "ChatFormatGrammarConfig",
            "ChatFormatJsonObjectConfig",
            "ChatFormatJsonSchemaConfig",
            "ChatFormatPythonConfig",
            "ChatFormatTextConfig",
            "ChatJsonSchemaConfig",
            "ChatResponseFormat",
            "UnknownChatResponseFormat",
        ],
    ),
    "_response": (
        "The non-streaming response body, and the assistant message it carries (which a"
        " conversation also sends back).",
        ["ChatAssistantMessage", "ChatChoice", "ChatResult"],
    ),
    "_logprobs": (
        "Token log probabilities of a choice, when the request asks for them.",
        ["ChatTokenLogprob", "ChatTokenLogprobs", "ChatTopLogprob"],
    ),
    "_stream": (
        "Streaming chunks: one per SSE ``data:`` event.",
        ["ChatStreamChoice", "ChatStreamChunk", "ChatStreamDelta"],
    ),
    "_stream_tool_calls": (
        "Tool-call fragments of a stream's deltas (a module of its own, so a text stream does"
        " not create them).",
        ["ChatStreamToolCall", "ChatStreamToolCallFunction"],
    ),
    "_stream_event": (
        "The spec's SSE event wrapper (a module of its own: the SDK decodes each event's"
        " ``data`` as a ``ChatStreamChunk`` directly, so a stream never creates it).",
        ["ChatStreamingResponse"],
    ),
    "_usage": (
        "What every answer ends with, streamed or not: why it stopped (an alias, here so that"
        " a stream's last chunk needs no other module), and the usage and cost it reports.",
        [
            "ChatCompletionTokensDetails",
            "ChatFinishReasonEnum",
            "ChatPromptTokensDetails",
            "ChatUsage",
            "CostDetails",
        ],
    ),
    "_server_tool_usage": (
        "Usage of server-side tools (a module of its own: only answers that ran one carry it).",
        ["ServerToolUseDetails"],
    ),
    "_routing_metadata": (
        "Routing metadata (``openrouter_metadata``), sent when ``X-OpenRouter-Metadata: enabled``.",
        [
            "EndpointInfo",
            "EndpointsMetadata",
            "OpenRouterMetadata",
            "PipelineStage",
            "PipelineStageType",
            "RouterAttempt",
            "RouterParams",
            "RoutingStrategy",
        ],
    ),
    "_catalog": (
        "The model catalogue: ``/models``, ``/models/count``, ``/models/user``, ``/model/...``.",
        [
            "AABenchmarkEntry",
            "DABenchmarkEntry",
            "DefaultParameters",
            "InputModality",
            "InstructType",
            "Model",
            "ModelAliasTarget",
            "ModelArchitecture",
            "ModelBenchmarks",
            "ModelGroup",
            "ModelLinks",
            "ModelReasoning",
            "ModelResponse",
            "ModelsCountData",
            "ModelsCountResponse",
            "ModelsListLinks",
            "ModelsListResponse",
            "ModelsListResponseData",
            "OutputModality",
            "Parameter",
            "PerRequestLimits",
            "PricingOverride",
            "PublicPricing",
            "ReasoningEffort",
            "TopProviderInfo",
        ],
    ),
    "_endpoints": (
        "The provider endpoints of one model (``/models/{author}/{slug}/endpoints``).",
        [
            "EndpointStatus",
            "ListEndpointsEnvelope",
            "ListEndpointsResponse",
            "PercentileStats",
            "PublicEndpoint",
            "PublicEndpointPricing",
        ],
    ),
    "_providers": (
        "The providers OpenRouter routes to (``/providers``).",
        ["ListProvidersData", "ListProvidersResponse"],
    ),
    "_generations": (
        "What one generation really cost and how it ran (``/generation``).",
        ["GenerationData", "GenerationResponse", "ProviderResponse"],
    ),
    "_account": (
        "The account's credits (``/credits``) and the calling key's limits (``/key``).",
        [
            "GetCreditsData",
            "GetCreditsResponse",
            "GetCurrentKeyData",
            "GetCurrentKeyRateLimit",
            "GetCurrentKeyResponse",
        ],
    ),
    "_embeddings": (
        "Embeddings: the request (text, token or multimodal input) and the vectors.",
        [
            "ContentPartInputAudio",
            "ContentPartInputFile",
            "ContentPartInputVideo",
            "CreateEmbeddingsRequest",
            "CreateEmbeddingsResponse",
            "EmbeddingData",
            "EmbeddingUsage",
            "EmbeddingUsagePromptTokensDetails",
            "EmbeddingsContentImage",
            "EmbeddingsContentImageUrl",
            "EmbeddingsContentPart",
            "EmbeddingsContentText",
            "EmbeddingsInput",
            "EmbeddingsMultimodalInput",
            "MultimodalMedia",
        ],
    ),
    "_errors": (
        "Error envelopes. All error bodies share one shape, so they share two classes.",
        ["ApiErrorType", "ChatErrorDetail", "ErrorResponse"],
    ),
}

# Names of inline objects and unions, by path ("Schema/prop", "[]" = items, "|n" = member).
INLINE_NAMES = {
    "ChatAssistantImages[]": "ChatAssistantImage",
    "ChatAssistantImage/image_url": "ChatAssistantImageUrl",
    "ChatContentAudio/input_audio": "ChatContentAudioInput",
    "ChatContentFile/file": "ChatContentFileData",
    "ChatContentImage/image_url": "ChatContentImageUrl",
    "ChatFunctionTool|0": "ChatFunctionToolFunction",
    "ChatFunctionToolFunction/function": "ChatFunctionDefinition",
    "ChatNamedToolChoice/function": "ChatNamedToolChoiceFunction",
    "ChatRequest/plugins[]": "ChatPlugin",
    "ChatRequest/reasoning": "ChatRequestReasoning",
    "ChatRequest/response_format": "ChatResponseFormat",
    "ChatStreamToolCall/function": "ChatStreamToolCallFunction",
    "ChatTokenLogprob/top_logprobs[]": "ChatTopLogprob",
    "ChatToolCall/function": "ChatToolCallFunction",
    "ChatUsage/completion_tokens_details": "ChatCompletionTokensDetails",
    "ChatUsage/prompt_tokens_details": "ChatPromptTokensDetails",
    "FusionPlugin/tools[]": "FusionPluginTool",
    "FusionServerToolConfig/reasoning": "FusionReasoning",
    "FusionServerToolConfig/tools[]": "FusionNestedTool",
    "ProviderPreferences/max_price": "ProviderMaxPrice",
    # The operations around chat.
    "CreateEmbeddingsRequest/input": "EmbeddingsInput",
    "EmbeddingsInput|4[]": "EmbeddingsMultimodalInput",
    "CreateEmbeddingsResponse/data[]": "EmbeddingData",
    "CreateEmbeddingsResponse/usage": "EmbeddingUsage",
    "EmbeddingUsage/prompt_tokens_details": "EmbeddingUsagePromptTokensDetails",
    "EmbeddingsMultimodalInput/content[]": "EmbeddingsContentPart",
    "EmbeddingsContentPart|0": "EmbeddingsContentText",
    "EmbeddingsContentPart|1": "EmbeddingsContentImage",
    "EmbeddingsContentImage/image_url": "EmbeddingsContentImageUrl",
    "GenerationResponse/data": "GenerationData",
    "GetCreditsResponse/data": "GetCreditsData",
    "GetCurrentKeyResponse/data": "GetCurrentKeyData",
    "GetCurrentKeyData/rate_limit": "GetCurrentKeyRateLimit",
    "ListProvidersResponse/data[]": "ListProvidersData",
    "ModelsCountResponse/data": "ModelsCountData",
    "ModelsListResponse/links": "ModelsListLinks",
    "PublicEndpoint/pricing": "PublicEndpointPricing",
}

# Names of the operations' inline request and response schemas: (path, method, where).
OPERATION_SCHEMAS = {
    ("/credits", "get", "200"): "GetCreditsResponse",
    ("/embeddings", "post", "request"): "CreateEmbeddingsRequest",
    ("/embeddings", "post", "200"): "CreateEmbeddingsResponse",
    ("/key", "get", "200"): "GetCurrentKeyResponse",
    ("/models/{author}/{slug}/endpoints", "get", "200"): "ListEndpointsEnvelope",
    ("/providers", "get", "200"): "ListProvidersResponse",
}

# Docstrings for the names the spec leaves undescribed.
DESCRIPTIONS = {
    "AnthropicCacheControlTtl": "How long a cache breakpoint lives.",
    "AutoBetaRouterPlugin": "The beta auto router: picks a model for the request.",
    "AutoRouterPlugin": "The auto router (``openrouter/auto``): picks a model for the request.",
    "ChatAssistantImage": "One generated image.",
    "ChatAssistantImageUrl": "Where a generated image is: a URL or a base64 data URL.",
    "ChatContentAudioInput": "The audio of an ``input_audio`` part.",
    "ChatContentFileData": "The file of a ``file`` part: inline data, an uploaded id, or both.",
    "ChatContentImageUrl": "The image of an ``image_url`` part and the detail to see it at.",
    "ChatFinishReasonEnum": "Why the model stopped: the normalised reason.",
    "ChatFunctionToolFunction": 'A function tool: ``{"type": "function", "function": {...}}``.',
    "ChatNamedToolChoiceFunction": "The function a named tool choice forces.",
    "ChatPlugin": "A request plugin, discriminated on ``id``.",
    "ChatReasoningSummaryVerbosityEnum": "How detailed a reasoning summary should be.",
    "ChatStreamingResponse": "One SSE event as the spec models it: ``{data: ChatStreamChunk}``.",
    "ChatToolCallFunction": "The function a tool call invokes: its name and JSON arguments.",
    "ChatTopLogprob": "An alternative token and its log probability.",
    "ContextCompressionPlugin": "Fits long prompts into the context window (``middle-out``).",
    "EndpointInfo": "One endpoint considered for the request.",
    "EndpointsMetadata": "The endpoints considered for the request.",
    "FileParserPlugin": "Parses PDF and other files attached to messages.",
    "FusionNestedTool": "A tool the models of the fusion server tool may use.",
    "FusionPlugin": "Fusion: several models answer, and one combines their answers.",
    "FusionPluginTool": "A tool the models of the fusion plugin may use.",
    "ModerationPlugin": "Moderates the request's input.",
    "OpenRouterMetadata": "How OpenRouter routed the request.",
    "ParetoRouterPlugin": "Routes to the best model within a price and quality frontier.",
    "PipelineStage": "One stage the request passed through (guardrail, plugin, ...).",
    "ProviderName": "A provider, by display name.",
    "Quantization": "A model weight quantization.",
    "ReasoningFormat": "Which provider format a reasoning detail is in.",
    "ResponseHealingPlugin": "Repairs malformed JSON output (non-streaming only).",
    "RouterAttempt": "One attempt to serve the request.",
    "RouterParams": "Parameters the router used.",
    "RoutingStrategy": "How the model was chosen.",
    "WebFetchPlugin": "Lets the model fetch web pages.",
    "WebSearchConfig": "Configuration of the web search server tool.",
    "WebSearchPlugin": "Web search (deprecated in favour of the ``openrouter:web_search`` tool).",
    # The operations around chat.
    "ContentPartInputAudio": "An audio part of a multimodal embeddings input.",
    "ContentPartInputFile": "A file part of a multimodal embeddings input.",
    "ContentPartInputVideo": "A video part of a multimodal embeddings input.",
    "CreateEmbeddingsRequest": "The body of ``POST /embeddings``.",
    "EmbeddingsContentImage": "An image part of a multimodal embeddings input.",
    "EmbeddingsContentImageUrl": "The image of an embeddings ``image_url`` part.",
    "EmbeddingsContentPart": "A part of a multimodal embeddings input, discriminated on ``type``.",
    "EmbeddingsContentText": "A text part of a multimodal embeddings input.",
    "EmbeddingsInput": (
        "What to embed: a string, strings, token ids, lists of token ids, or multimodal inputs."
    ),
    "EmbeddingsMultimodalInput": "One multimodal input: its content parts are embedded together.",
    "EmbeddingUsagePromptTokensDetails": "The prompt tokens by modality.",
    "EndpointStatus": "An endpoint's health: 0 is up; negative values are degrees of trouble.",
    "GetCreditsData": "The account's purchased and used credits, in US dollars.",
    "GetCurrentKeyData": "The calling key: its limit, what remains, and its usage.",
    "GetCurrentKeyRateLimit": "The key's request rate limit (deprecated).",
    "GetCurrentKeyResponse": "The body of ``GET /key``.",
    "InputModality": "A kind of input a model accepts.",
    "ListEndpointsEnvelope": "The body of ``GET /models/{author}/{slug}/endpoints``.",
    "ListProvidersData": "One provider: its slug, name, headquarters, datacenters and policies.",
    "ListProvidersResponse": "The body of ``GET /providers``.",
    "ModelsCountData": "How many models match.",
    "ModelsListLinks": "Pagination links; ``next`` is None on the last page.",
    "MultimodalMedia": "Media given inline: base64 ``data`` and its ``format``.",
    "OutputModality": "A kind of output a model produces.",
    "Parameter": "A request parameter a model supports.",
    "PublicEndpointPricing": "What one endpoint charges, in US dollars per token or unit.",
    "ReasoningEffort": "How much effort a model puts into reasoning.",
}

# Tagged unions: the fallback member that keeps an unknown member's raw dict.
UNKNOWN_MEMBERS = {
    "BashServerToolEnvironment": "UnknownBashServerToolEnvironment",
    "ChatAnnotation": "UnknownChatAnnotation",
    "ChatContentItems": "UnknownChatContentItem",
    "ChatFunctionTool": "UnknownChatFunctionTool",
    "ChatMessages": "UnknownChatMessage",
    "ChatPlugin": "UnknownPlugin",
    "ChatResponseFormat": "UnknownChatResponseFormat",
    "ReasoningDetailUnion": "UnknownReasoningDetail",
    "StopServerToolsWhenCondition": "UnknownStopServerToolsWhenCondition",
}

_ERROR_DETAIL_DOC = (
    "An error inside a 200 response or an error body: ``{code, message, metadata}``.\n\n"
    "Read leniently, because the wire disagrees with the spec: ``code`` is an int or a str "
    "and may be missing, and model-availability errors add ``availability`` "
    "(``retryable``, ``retry_after``, ...). Used for ``choices[].error``, a stream chunk's "
    "``error``, and every ``*ResponseErrorData`` schema."
)

# Schemas the spec does not have (wire-only shapes and this SDK's own names).
EXTRA_SCHEMAS: dict[str, dict[str, Any]] = {
    "ChatErrorDetail": {
        "description": _ERROR_DETAIL_DOC,
        "type": "object",
        "properties": {
            "code": {"anyOf": [{"type": "integer"}, {"type": "string"}]},
            "message": {"type": "string"},
            "metadata": {"type": "object", "additionalProperties": {}},
            "availability": {
                "type": "object",
                "additionalProperties": {},
                "description": "Why a model was unavailable; switch on ``retryable``.",
            },
        },
    },
    "ErrorResponse": {
        "description": "The body of an HTTP error: ``{error, user_id, openrouter_metadata}``.",
        "type": "object",
        "properties": {
            "error": {"$ref": REF + "ChatErrorDetail"},
            "openrouter_metadata": {"type": "object", "additionalProperties": {}},
            "user_id": {"type": "string"},
        },
        "required": ["error"],
    },
    "ChatAnnotation": {
        "description": "An annotation on an assistant message (not in the spec; seen on the wire).",
        "oneOf": [{"$ref": REF + "ChatUrlCitationAnnotation"}],
    },
    "ChatUrlCitationAnnotation": {
        "description": "A web-search citation, in OpenAI's ``url_citation`` shape.",
        "type": "object",
        "properties": {
            "type": {"type": "string", "enum": ["url_citation"]},
            "url_citation": {"$ref": REF + "ChatUrlCitation"},
        },
        "required": ["type", "url_citation"],
    },
    "ChatUrlCitation": {
        "description": "The cited page; ``content`` is an OpenRouter addition.",
        "type": "object",
        "properties": {
            "url": {"type": "string"},
            "title": {"type": "string"},
            "content": {"type": "string"},
            "start_index": {"type": "integer"},
            "end_index": {"type": "integer"},
        },
        "required": ["url"],
    },
    "SendChatCompletionRequest": {
        "description": (
            "The operation's full input: the body plus per-call headers.\n\n"
            "Mirrors the TypeScript SDK's ``SendChatCompletionRequestRequest``. The attribution "
            "values given here win over the core's for this call."
        ),
        "type": "object",
        "properties": {
            "chat_request": {"$ref": REF + "ChatRequest"},
            "x_open_router_metadata": {
                "$ref": REF + "MetadataLevel",
                "description": "Sent as ``X-OpenRouter-Metadata``; ``enabled`` adds routing data.",
            },
            "http_referer": {"type": "string", "description": "Sent as ``HTTP-Referer``."},
            "app_title": {"type": "string", "description": "Sent as ``X-OpenRouter-Title``."},
            "app_categories": {
                "type": "string",
                "description": "Sent as ``X-OpenRouter-Categories`` (comma-separated).",
            },
        },
        "required": ["chat_request"],
    },
}

_PROVIDER = {"type": "string", "description": "The provider that served the request (wire-only)."}
_NATIVE_FINISH = {
    "type": "string",
    "description": "The provider's own finish reason, before normalisation (wire-only).",
}
_CHOICE_ERROR = {
    "$ref": REF + "ChatErrorDetail",
    "description": "Why this choice failed, with ``finish_reason: error`` (wire-only).",
}
_ANNOTATIONS = {
    "type": "array",
    "items": {"$ref": REF + "ChatAnnotation"},
    "description": "Web-search citations and file annotations (wire-only).",
}
_IMAGES = {"$ref": REF + "ChatAssistantImages", "description": "Generated images (wire-only)."}

# Fields the wire carries but the spec lacks (reference/openrouter-api.md sections 5-7, 10).
WIRE_FIELDS: dict[str, dict[str, dict[str, Any]]] = {
    "ChatResult": {"provider": _PROVIDER},
    "ChatChoice": {"native_finish_reason": _NATIVE_FINISH, "error": _CHOICE_ERROR},
    "ChatAssistantMessage": {"annotations": _ANNOTATIONS},
    "ChatStreamChunk": {
        "provider": _PROVIDER,
        "debug": {
            "type": "object",
            "additionalProperties": {},
            "description": "The debug echo of the upstream request (first chunk, with ``debug``).",
        },
    },
    "ChatStreamChoice": {"native_finish_reason": _NATIVE_FINISH, "error": _CHOICE_ERROR},
    "ChatStreamDelta": {"annotations": _ANNOTATIONS, "images": _IMAGES},
}

# Hand-written properties of generated classes: ``{class: [(name, type, doc, expression)]}``.
# Each is computed when read, so decoding (a stream's hot path) never pays for it. The
# expressions call pure helpers of ``openrouter_core/_text.py``, imported as ``HELPERS`` says.
PROPERTIES: dict[str, list[tuple[str, str, str, str]]] = {
    "ChatAssistantMessage": [
        (
            "text",
            "str | None",
            "The text content as one string (text parts joined); ``None`` when there is none.",
            "content_text(self.content)",
        )
    ],
    "ChatResult": [
        (
            "text",
            "str | None",
            "The first choice's text (``choices[0].message.text``); ``None`` when there is none.",
            "self.choices[0].message.text if self.choices else None",
        )
    ],
    "ChatStreamChunk": [
        (
            "text",
            "str | None",
            "The first choice's text delta; ``None`` when this chunk carries none.",
            "self.choices[0].delta.content if self.choices else None",
        )
    ],
}
HELPERS = {
    "content_text": "from .._text import content_text",
    "as_list": "from .._sequences import as_list",
    "Value": "from .._values import Value",
}

# Request-side list fields take any sequence: ``ChatRequest(messages=history)`` type-checks with
# a ``list[ChatUserMessage]`` or a tuple (``list`` is invariant, ``Sequence`` is not). The value
# is stored as given; ``eq=as_list`` makes a tuple equal to the list it holds, so a request
# equals itself after a trip through JSON. An attrs converter would lose mypy's checking of the
# argument: mypy types ``__init__`` from a converter's parameter, and cannot bind a generic one
# to the field. The request side is every class and alias reachable from these roots.
REQUEST_ROOTS = ("ChatRequest", "CreateEmbeddingsRequest", "SendChatCompletionRequest")

# Spec-required fields that responses are seen to omit: they decode as None.
OMITTED_IN_PRACTICE = {
    "ChatResult": {"created", "object", "system_fingerprint"},
    "ChatStreamChunk": {"created", "object"},
    "CostDetails": {"upstream_inference_completions_cost", "upstream_inference_prompt_cost"},
    # The spec's own examples of the model lists leave both out (no pagination asked for).
    "ModelsListResponse": {"links", "total_count"},
}

# Spec properties replaced by another shape.
REPLACED_PROPERTIES = {("ChatStreamChunk", "error"): {"$ref": REF + "ChatErrorDetail"}}

# Schemas that are plain aliases of another class.
SHARED_CLASSES = {"ResponseErrorData": "ChatErrorDetail", "Response": "ErrorResponse"}
ERROR_STATUSES = (
    "BadGateway",
    "BadRequest",
    "EdgeNetworkTimeout",
    "Forbidden",
    "InternalServer",
    "NotFound",
    "PayloadTooLarge",
    "PaymentRequired",
    "ProviderOverloaded",
    "RequestTimeout",
    "ServiceUnavailable",
    "TooManyRequests",
    "Unauthorized",
    "UnprocessableEntity",
)


def ref_name(node: dict[str, Any]) -> str | None:
    ref = node.get("$ref")
    return ref[len(REF) :] if isinstance(ref, str) else None


def types_of(node: dict[str, Any]) -> list[str]:
    t = node.get("type", [])
    return list(t) if isinstance(t, list) else [t]


def is_nullable(node: dict[str, Any], schemas: dict[str, dict[str, Any]]) -> bool:
    ref = ref_name(node)
    if ref is not None:
        return is_nullable(schemas[ref], schemas)
    if "null" in types_of(node) or None in node.get("enum", []):
        return True
    refs = [r for r in map(ref_name, node.get("allOf", [])) if r]
    if len(refs) == 1 and is_nullable(schemas[refs[0]], schemas):
        return True
    members = node.get("anyOf", []) + node.get("oneOf", [])
    return any(m.get("type") == "null" for m in members)


def sentence(text: str) -> str:
    text = text.replace("\u2013", "-")
    text = "\n\n".join(" ".join(para.split()) for para in text.strip().split("\n\n"))
    return text if text.endswith((".", "!", "?", ":")) else text + "."


def literal(values: list[Any]) -> str:
    return "Literal[" + ", ".join(json.dumps(v) for v in values) + "]"


class Model:
    """Everything known about the names to emit: classes, aliases and where each lives."""

    def __init__(self, spec: dict[str, Any], ops: dict[str, Any]) -> None:
        self.schemas: dict[str, dict[str, Any]] = dict(spec["components"]["schemas"])
        for name, schema in ops["components"]["schemas"].items():
            if self.schemas.setdefault(name, schema) != schema:
                raise SystemExit(f"{name} differs between the two spec files")
        self.spec_names = set(self.schemas)
        for (path, method, where), name in OPERATION_SCHEMAS.items():
            operation = ops["paths"][path][method]
            holder = operation["requestBody" if where == "request" else "responses"]
            holder = holder if where == "request" else holder[where]
            self.schemas[name] = holder["content"]["application/json"]["schema"]
        self.schemas.update(EXTRA_SCHEMAS)
        self.classes: dict[str, dict[str, Any]] = {}
        self.aliases: dict[str, tuple[str, str]] = {}
        self.union_members: set[str] = set()
        self.module_of = {name: mod for mod, (_, names) in MODULES.items() for name in names}
        for status in ERROR_STATUSES:
            for suffix in SHARED_CLASSES:
                self.module_of[status + suffix] = "_errors"
        for name, schema in self.schemas.items():
            self.visit_schema(name, schema)
        for union, unknown in UNKNOWN_MEMBERS.items():
            self.classes[unknown] = {"unknown_of": union}
        for name, schema in list(self.classes.items()):
            fields_of(self, name, schema)  # first pass: learn which classes are union members
        missing = (set(self.classes) | set(self.aliases)) - set(self.module_of)
        if missing:
            raise SystemExit(f"no module for {sorted(missing)}")

    def visit_schema(self, name: str, schema: dict[str, Any]) -> None:
        for suffix, target in SHARED_CLASSES.items():
            if name.endswith(suffix) and name[: -len(suffix)] in ERROR_STATUSES:
                doc = sentence(schema.get("description", f"{name} body."))
                self.aliases[name] = (target, doc + f" Same shape as every error: ``{target}``.")
                return
        plain_object = types_of(schema)[:1] == ["object"] and "additionalProperties" not in schema
        if "properties" in schema or plain_object:
            self.classes[name] = schema
            for prop, node in schema.get("properties", {}).items():
                self.visit_inline(f"{name}/{prop}", REPLACED_PROPERTIES.get((name, prop), node))
            return
        doc = sentence(description(name, schema))
        self.aliases[name] = (self.type_of(schema, name, alias=True), doc)
        self.visit_children(name, schema)

    def visit_inline(self, path: str, node: dict[str, Any]) -> None:
        """Register named inline objects and unions found under ``path``."""
        name = INLINE_NAMES.get(path)
        if name is not None:
            if "properties" in node:
                self.classes[name] = node
                for prop, sub in node["properties"].items():
                    self.visit_inline(f"{name}/{prop}", sub)
                return
            self.aliases[name] = (
                self.type_of(node, name, alias=True),
                sentence(description(name, node)),
            )
            self.visit_children(name, node)
            return
        if "properties" in node:
            raise SystemExit(f"inline object without a name: {path}")
        self.visit_children(path, node)

    def visit_children(self, path: str, node: dict[str, Any]) -> None:
        if "items" in node:
            self.visit_inline(path + "[]", node["items"])
        for key in ("anyOf", "oneOf"):
            for i, member in enumerate(node.get(key, [])):
                self.visit_inline(f"{path}|{i}", member)

    def type_of(self, node: dict[str, Any], path: str, alias: bool = False) -> str:
        """The annotation for ``node`` without ``| None``."""
        if not alias and path in INLINE_NAMES:
            return INLINE_NAMES[path]
        ref = ref_name(node)
        if ref is not None:
            return ref
        if "allOf" in node:
            refs = [r for r in map(ref_name, node["allOf"]) if r]
            if len(refs) == 1:
                return refs[0]
        members = node.get("oneOf") or node.get("anyOf")
        if members:
            return self.union_of(node, members, path)
        kinds = [t for t in types_of(node) if t != "null"]
        if "enum" in node:
            values = [v for v in node["enum"] if v is not None]
            return literal(values) + (" | int" if kinds == ["integer"] else " | str")
        if not kinds:
            return "Any"
        kind = kinds[0]
        if kind == "array":
            items = node.get("items", {})
            item = self.type_of(items, path + "[]")
            nullable = ref_name(items) is not None and is_nullable(items, self.schemas)
            return f"list[{item} | None]" if nullable else f"list[{item}]"
        if kind == "object":
            extra = node.get("additionalProperties")
            if isinstance(extra, dict) and extra:
                value = self.type_of(extra, path + "{}")
                return f"dict[str, {value}]"
            return "dict[str, Any]"
        return {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}[kind]

    def union_of(self, node: dict[str, Any], members: list[dict[str, Any]], path: str) -> str:
        parts: list[str] = []
        enum_values: list[Any] = []
        for i, member in enumerate(members):
            if member.get("type") == "null":
                continue
            if "enum" in member and ref_name(member) is None:
                enum_values += [v for v in member["enum"] if v is not None]
                continue
            if {"object", "array"} & set(types_of(member)) and path.endswith("{}"):
                return "Any"  # free-form JSON values
            sub = self.type_of(member, f"{path}|{i}")
            if ref_name(member) or f"{path}|{i}" in INLINE_NAMES:
                self.union_members.add(sub)
            if sub not in parts:
                parts.append(sub)
        if enum_values:
            parts.insert(0, literal(enum_values) + " | str")
        if "str" in parts and any(self.is_open_enum(p) for p in parts):
            parts.remove("str")
        unknown = UNKNOWN_MEMBERS.get(path.rsplit("/", 1)[-1]) or UNKNOWN_MEMBERS.get(
            INLINE_NAMES.get(path, "")
        )
        if unknown:
            parts.append(unknown)
        return " | ".join(parts)

    def is_open_enum(self, annotation: str) -> bool:
        target = self.aliases.get(annotation, (annotation, ""))[0]
        return target.endswith("| str")


class Field:
    def __init__(self, name: str, annotation: str, default: str | None, doc: str | None) -> None:
        self.name = name
        self.annotation = annotation
        self.default = default
        self.doc = doc


def fields_of(model: Model, name: str, schema: dict[str, Any]) -> list[Field]:
    props = dict(schema.get("properties", {}))
    props.update(WIRE_FIELDS.get(name, {}))
    required = set(schema.get("required", [])) - OMITTED_IN_PRACTICE.get(name, set())
    tagged = name in model.union_members
    tags: list[Field] = []
    first: list[Field] = []
    rest: list[Field] = []
    for prop, spec_node in props.items():
        node = REPLACED_PROPERTIES.get((name, prop), spec_node)
        py = prop + "_" if keyword.iskeyword(prop) else prop
        doc = node.get("description")
        values = [v for v in node.get("enum", []) if v is not None]
        if prop in DISCRIMINATORS and prop in required and values:
            # A union member's tag is closed; elsewhere a constant stays open to new values.
            ann = literal(values) if tagged else literal(values) + " | str"
            default = json.dumps(values[0]) if len(values) == 1 else None
            tags.append(Field(py, ann, default, doc))
            continue
        ann = model.type_of(node, f"{name}/{prop}")
        if prop in required and not is_nullable(node, model.schemas):
            first.append(Field(py, ann, None, doc))
        else:
            rest.append(Field(py, f"{ann} | None", "None", doc))
    return tags + first + rest


def doc_lines(text: str, indent: str) -> list[str]:
    text = sentence(text)
    paragraphs = text.split("\n\n") if "\n\n" in text else [text]
    out: list[str] = []
    for i, para in enumerate(paragraphs):
        if i:
            out.append("")
        out += textwrap.wrap(" ".join(para.split()), 96 - len(indent)) or [""]
    return out


def docstring(text: str, indent: str) -> str:
    lines = doc_lines(text, indent)
    if len(lines) == 1 and len(lines[0]) + len(indent) + 6 <= 100:
        return f'{indent}"""{lines[0]}"""\n'
    body = "\n".join(f"{indent}{line}" if line else "" for line in lines)
    return f'{indent}"""\n{body}\n{indent}"""\n'


def as_sequence(annotation: str) -> str:
    return annotation.replace("list[", "Sequence[")


class Sequences:
    """Which names are on the request side, and which annotations hold a ``Sequence``."""

    def __init__(self, model: Model) -> None:
        self.request_side: set[str] = set()
        todo = list(REQUEST_ROOTS)
        while todo:
            name = todo.pop()
            if name in self.request_side:
                continue
            self.request_side.add(name)
            if name in model.classes:
                annotations = [f.annotation for f in fields_of(model, name, model.classes[name])]
            else:
                annotations = [model.aliases.get(name, ("", ""))[0]]
            known = set(model.classes) | set(model.aliases)
            for annotation in annotations:
                todo += sorted(names_in(annotation) & known)
        self.aliases = {
            name
            for name in self.request_side & set(model.aliases)
            if as_sequence(model.aliases[name][0]).startswith("Sequence[")
        }

    def takes_sequence(self, annotation: str) -> bool:
        """A field that may hold a sequence: ``Sequence[...]``, or an alias of one, in a union."""
        members = [m.strip() for m in annotation.split(" | ")]
        return any(m.startswith("Sequence[") or m in self.aliases for m in members)


@functools.cache
def sequences_of(model: Model) -> Sequences:
    return Sequences(model)


def render_class(model: Model, name: str) -> str:
    schema = model.classes[name]
    sequences = sequences_of(model)
    # attrs writes ``__init__`` only; ``Value`` gives the rest without compiling them (_values).
    out = ["@attrs.frozen(kw_only=True, eq=False, repr=False)\n", f"class {name}(Value):\n"]
    if "unknown_of" in schema:
        union = schema["unknown_of"]
        out.append(
            docstring(
                f"A ``{union}`` member this SDK does not know yet.\n\n``raw`` is the member "
                "exactly as received; it is sent back unchanged.",
                "    ",
            )
        )
        out.append("\n    raw: dict[str, Any]\n")
        return "".join(out)
    out.append(docstring(description(name, schema), "    "))
    out.append("\n")
    for field in fields_of(model, name, schema):
        if field.doc:
            for line in doc_lines(field.doc, "    #: "):
                out.append(f"    #: {line}\n".replace("#: \n", "#:\n"))
        annotation, default = field.annotation, field.default
        if name in sequences.request_side:
            annotation = as_sequence(annotation)
        if sequences.takes_sequence(annotation):
            default = f"attrs.field(default={default}, eq=as_list)" if default else ""
            default = default or "attrs.field(eq=as_list)"
        default = f" = {default}" if default is not None else ""
        out.append(f"    {field.name}: {annotation}{default}\n")
    out.append("    #: Keys the SDK does not model, kept verbatim and sent back out.\n")
    out.append("    extra: dict[str, Any] = attrs.field(factory=dict)\n")
    for prop, annotation, doc, expression in PROPERTIES.get(name, []):
        out.append(f"\n    @property\n    def {prop}(self) -> {annotation}:\n")
        out.append(docstring(doc, "        "))
        out.append(f"        return {expression}\n")
    return "".join(out)


def description(name: str, schema: dict[str, Any]) -> str:
    text = DESCRIPTIONS.get(name) or schema.get("description")
    if not text:
        raise SystemExit(f"{name} has no description: add one to DESCRIPTIONS")
    return str(text)


def render_alias(model: Model, name: str) -> str:
    target, doc = model.aliases[name]
    if name in sequences_of(model).request_side:
        target = as_sequence(target)
    return f"{name}: TypeAlias = {target}\n" + docstring(doc, "")


GENERATED = "# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file."
NAME = re.compile(r"\b[A-Z][A-Za-z0-9_]*\b")
NOT_CODE = re.compile(r'""".*?"""|"[^"\n]*"|#[^\n]*', re.DOTALL)


def names_in(code: str) -> set[str]:
    """Capitalised names used as code (not inside strings, docstrings or comments)."""
    return set(NAME.findall(NOT_CODE.sub("", code)))


def runtime_imports(model: Model, module: str) -> set[str]:
    """Names of other modules that ``module``'s aliases use, so it imports them on load."""
    names = MODULES[module][1]
    aliases = [n for n in names if n in model.aliases]
    used = {ref for a in aliases for ref in names_in(model.aliases[a][0])}
    return {ref for ref in used - set(names) if ref in model.module_of}


def render_module(model: Model, module: str) -> str:
    doc, names = MODULES[module]
    if module == "_errors":
        names = names + [s + x for s in ERROR_STATUSES for x in SHARED_CLASSES]
    classes = sorted(n for n in names if n in model.classes)
    aliases = [n for n in names if n in model.aliases]
    # Aliases whose right side names a class of this module are evaluated at import time,
    # so they come after the classes; the others (enums, scalars) come first.
    local = set(classes) | set(aliases)
    refs = {a: names_in(model.aliases[a][0]) & local for a in aliases}
    late_set = {a for a in aliases if refs[a]}
    early = sorted(set(aliases) - late_set)
    late: list[str] = []
    while len(late) < len(late_set):  # aliases after the names they use
        late += sorted(a for a in late_set - set(late) if refs[a] & late_set <= set(late))
    body = [render_alias(model, n) for n in early]
    body += [render_class(model, n) for n in classes]
    body += [render_alias(model, n) for n in late]
    source = "\n\n".join(body)
    used = names_in(source) - {"Any", "Literal", "TypeAlias", "TYPE_CHECKING"}
    foreign: dict[str, list[str]] = {}
    # An alias's right side is evaluated at import time: its names of other modules are
    # imported for real, from modules that import nothing at run time (so never in a cycle).
    runtime = runtime_imports(model, module)
    imported: dict[str, list[str]] = {}
    for ref in sorted(used):
        home = model.module_of.get(ref)
        if home is not None and home != module:
            (imported if ref in runtime else foreign).setdefault(home, []).append(ref)
    for home in imported:
        if runtime_imports(model, home):
            raise SystemExit(f"{module} imports {home}, which imports at run time itself")
    typing_names = ["Any"]
    typing_names += [n for n in ("Literal", "TypeAlias") if f"{n}[" in source or f": {n}" in source]
    if foreign:
        typing_names.insert(0, "TYPE_CHECKING")
    head = [
        docstring(doc, "").rstrip("\n"),
        "",
        GENERATED,
        "",
        "from __future__ import annotations",
        "",
        f"from typing import {', '.join(typing_names)}",
    ]
    if classes:
        head += ["", "import attrs"]
    head += [line for helper, line in HELPERS.items() if re.search(rf"\b{helper}\b", source)]
    if "Sequence[" in source:
        head += ["from collections.abc import Sequence"]
    head += [f"from .{home} import {', '.join(refs)}" for home, refs in sorted(imported.items())]
    if foreign:
        head += ["", "if TYPE_CHECKING:"]
        for home in sorted(foreign):
            head.append(f"    from .{home} import {', '.join(foreign[home])}")
    return "\n".join(head) + "\n\n\n" + source


INIT_DOC = [
    '"""The request and response models, named after the OpenAPI schemas.',
    "",
    "Objects are frozen attrs classes whose ``extra`` keeps the keys this SDK does not",
    "model. Unions are type aliases; a tagged union's ``Unknown...`` member keeps a member",
    "this SDK does not know. Enums are open ``Literal[...] | str`` aliases. ``None`` means",
    "absent. Request-side list fields are ``Sequence[...]``: a tuple or a list of one member",
    "class is accepted, and equals the list it holds.",
    "",
    "Each name is loaded on first use (module ``__getattr__``): creating an attrs class costs",
    "about a third of a millisecond, so importing this package creates none, and a call",
    "creates only the classes of the modules it touches. Type checkers read the names from",
    "``__init__.pyi``; this file holds only what the run needs, without the names' imports.",
    '"""',
    "",
    GENERATED,
    "",
]


def render_init(model: Model) -> str:
    """The package at run time: each module's names as one string, split on import."""
    lines = [
        *INIT_DOC,
        "from __future__ import annotations",
        "",
        "from importlib import import_module",
        "from typing import Any",
        "",
        "# Each module's names, space-separated: a few strings load faster than 300 names.",
        "_NAMES = {",
    ]
    for module in sorted(MODULES):
        names = sorted(n for n in model.module_of if model.module_of[n] == module)
        parts = textwrap.wrap(" ".join(names), 80, break_on_hyphens=False)
        pieces = [f'"{p}"' for p in parts[:1]] + [f'" {p}"' for p in parts[1:]]
        lines.append(f'    "{module}": ({" ".join(pieces)}),')
    lines += [
        "}",
        "_MODULE_OF: dict[str, str] = {n: m for m, names in _NAMES.items() for n in names.split()}",
        "__all__ = sorted(_MODULE_OF)  # noqa: PLE0605 (listed in __init__.pyi, for type checkers)",
        "",
        "",
        "def __getattr__(name: str) -> Any:",
        "    module = _MODULE_OF.get(name)",
        "    if module is None:",
        '        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")',
        '    value = getattr(import_module(f"{__name__}.{module}"), name)',
        "    globals()[name] = value",
        "    return value",
        "",
        "",
        "def __dir__() -> list[str]:",
        "    return sorted(__all__)",
        "",
    ]
    return "\n".join(lines)


def render_init_stub(model: Model) -> str:
    """What type checkers see of the package: every name, imported from its module."""
    names = sorted(model.module_of)
    lines = [
        '"""The request and response models (the names; ``__init__.py`` loads them)."""',
        "",
        GENERATED,
        "",
        "from typing import Any",
        "",
    ]
    for module in sorted(MODULES):
        for name in sorted(n for n in names if model.module_of[n] == module):
            lines.append(f"from .{module} import {name} as {name}")
    lines += ["", "_MODULE_OF: dict[str, str]", "", "__all__ = ["]
    lines += [f'    "{n}",' for n in names]
    lines += [
        "]",
        "",
        "def __getattr__(name: str) -> Any: ...",
        "def __dir__() -> list[str]: ...",
        "",
    ]
    return "\n".join(lines)


def render(spec: dict[str, Any], ops: dict[str, Any]) -> dict[str, str]:
    """Return ``{file name: source}`` for ``openrouter_core/models/``, formatted by ruff.

    ``spec`` is the chat operation's OpenAPI document, ``ops`` the operations around it.
    """
    model = Model(spec, ops)
    unmodelled = model.spec_names - set(model.module_of)
    if unmodelled:
        raise SystemExit(f"schemas without a module: {sorted(unmodelled)}")
    files = {f"{m}.py": render_module(model, m) for m in MODULES}
    files["__init__.py"] = render_init(model)
    files["__init__.pyi"] = render_init_stub(model)
    return {name: ruff_format(source, name) for name, source in files.items()}


def ruff_format(source: str, name: str = "m.py") -> str:
    """Sort the imports and format, as ``make lint`` expects."""
    ruff = Path(sys.executable).with_name("ruff")
    command = [str(ruff if ruff.exists() else "ruff")]
    for args in (["check", "--fix", "--select", "I", "-q"], ["format"]):
        source = subprocess.run(
            [*command, *args, "--stdin-filename", f"openrouter_core/models/{name}", "-"],
            input=source,
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        ).stdout
    return source


def main(argv: list[str]) -> None:
    spec_path = Path(argv[1]) if len(argv) > 1 else DEFAULT_SPEC
    ops_path = Path(argv[2]) if len(argv) > 2 else DEFAULT_OPS_SPEC
    files = render(*(json.loads(p.read_text(encoding="utf-8")) for p in (spec_path, ops_path)))
    OUT.mkdir(exist_ok=True)
    for name, source in files.items():
        (OUT / name).write_text(source, encoding="utf-8")
    print(f"wrote {len(files)} files to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv)
