"""The request and response models, named after the OpenAPI schemas.

Objects are frozen attrs classes whose ``extra`` keeps the keys this SDK does not
model. Unions are type aliases; a tagged union's ``Unknown...`` member keeps a member
this SDK does not know. Enums are open ``Literal[...] | str`` aliases. ``None`` means
absent. Request-side list fields are ``Sequence[...]``: a tuple or a list of one member
class is accepted, and equals the list it holds.

Each name is loaded on first use (module ``__getattr__``): creating an attrs class costs
about a third of a millisecond, so importing this package creates none, and a call
creates only the classes of the modules it touches. Type checkers read the names from
``__init__.pyi``; this file holds only what the run needs, without the names' imports.
"""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from __future__ import annotations

from importlib import import_module
from typing import Any

# Each module's names, space-separated: a few strings load faster than 300 names.
_NAMES = {
    "_account": (
        "GetCreditsData GetCreditsResponse GetCurrentKeyData GetCurrentKeyRateLimit"
        " GetCurrentKeyResponse"
    ),
    "_assistant_parts": (
        "ChatAnnotation ChatAssistantImage ChatAssistantImageUrl ChatAssistantImages"
        " ChatAudioOutput ChatUrlCitation ChatUrlCitationAnnotation UnknownChatAnnotation"
    ),
    "_catalog": (
        "AABenchmarkEntry DABenchmarkEntry DefaultParameters InputModality InstructType"
        " Model ModelAliasTarget ModelArchitecture ModelBenchmarks ModelGroup ModelLinks"
        " ModelReasoning ModelResponse ModelsCountData ModelsCountResponse ModelsListLinks"
        " ModelsListResponse ModelsListResponseData OutputModality Parameter"
        " PerRequestLimits PricingOverride PublicPricing ReasoningEffort TopProviderInfo"
    ),
    "_content": (
        "AnthropicCacheControlDirective AnthropicCacheControlTtl ChatContentAudio"
        " ChatContentAudioInput ChatContentCacheControl ChatContentFile"
        " ChatContentFileData ChatContentImage ChatContentImageUrl ChatContentItems"
        " ChatContentText ChatContentVideo ChatContentVideoInput Legacy_ChatContentVideo"
        " Legacy_ChatContentVideoInput PromptCacheBreakpoint UnknownChatContentItem"
    ),
    "_embeddings": (
        "ContentPartInputAudio ContentPartInputFile ContentPartInputVideo"
        " CreateEmbeddingsRequest CreateEmbeddingsResponse EmbeddingData EmbeddingUsage"
        " EmbeddingUsagePromptTokensDetails EmbeddingsContentImage"
        " EmbeddingsContentImageUrl EmbeddingsContentPart EmbeddingsContentText"
        " EmbeddingsInput EmbeddingsMultimodalInput MultimodalMedia"
    ),
    "_endpoints": (
        "EndpointStatus ListEndpointsEnvelope ListEndpointsResponse PercentileStats"
        " PublicEndpoint PublicEndpointPricing"
    ),
    "_errors": (
        "ApiErrorType BadGatewayResponse BadGatewayResponseErrorData BadRequestResponse"
        " BadRequestResponseErrorData ChatErrorDetail EdgeNetworkTimeoutResponse"
        " EdgeNetworkTimeoutResponseErrorData ErrorResponse ForbiddenResponse"
        " ForbiddenResponseErrorData InternalServerResponse"
        " InternalServerResponseErrorData NotFoundResponse NotFoundResponseErrorData"
        " PayloadTooLargeResponse PayloadTooLargeResponseErrorData PaymentRequiredResponse"
        " PaymentRequiredResponseErrorData ProviderOverloadedResponse"
        " ProviderOverloadedResponseErrorData RequestTimeoutResponse"
        " RequestTimeoutResponseErrorData ServiceUnavailableResponse"
        " ServiceUnavailableResponseErrorData TooManyRequestsResponse"
        " TooManyRequestsResponseErrorData UnauthorizedResponse"
        " UnauthorizedResponseErrorData UnprocessableEntityResponse"
        " UnprocessableEntityResponseErrorData"
    ),
    "_generations": ("GenerationData GenerationResponse ProviderResponse"),
    "_logprobs": ("ChatTokenLogprob ChatTokenLogprobs ChatTopLogprob"),
    "_message_union": ("ChatDeveloperMessage ChatMessages ChatToolMessage UnknownChatMessage"),
    "_messages": ("ChatSystemMessage ChatUserMessage"),
    "_plugins": (
        "AutoBetaRouterPlugin AutoRouterPlugin ChatPlugin ContextCompressionEngine"
        " ContextCompressionPlugin FileParserPlugin FusionPlugin FusionPluginTool"
        " ModerationPlugin PDFParserEngine PDFParserOptions ParetoRouterPlugin"
        " ResponseHealingPlugin UnknownPlugin WebFetchPlugin WebSearchEngine"
        " WebSearchPlugin WebSearchUserLocation"
    ),
    "_provider": (
        "PercentileLatencyCutoffs PercentileThroughputCutoffs PreferredMaxLatency"
        " PreferredMinThroughput ProviderMaxPrice ProviderName ProviderPreferences"
        " ProviderSort ProviderSortConfig Quantization"
    ),
    "_providers": ("ListProvidersData ListProvidersResponse"),
    "_reasoning": (
        "ChatReasoningDetails ChatStreamReasoningDetails ReasoningDetailEncrypted"
        " ReasoningDetailServerToolCall ReasoningDetailSummary ReasoningDetailText"
        " ReasoningDetailUnion ReasoningFormat UnknownReasoningDetail"
    ),
    "_request": ("ChatModelNames ChatRequest DeprecatedRoute ImageConfig ModelName"),
    "_request_options": (
        "ChatDebugOptions ChatReasoningSummaryVerbosityEnum ChatRequestReasoning"
        " ChatStreamOptions Prediction PredictionContentText PromptCacheOptions"
        " TraceConfig"
    ),
    "_request_wrapper": ("MetadataLevel SendChatCompletionRequest"),
    "_response": ("ChatAssistantMessage ChatChoice ChatResult"),
    "_response_format": (
        "ChatFormatGrammarConfig ChatFormatJsonObjectConfig ChatFormatJsonSchemaConfig"
        " ChatFormatPythonConfig ChatFormatTextConfig ChatJsonSchemaConfig"
        " ChatResponseFormat UnknownChatResponseFormat"
    ),
    "_routing_metadata": (
        "EndpointInfo EndpointsMetadata OpenRouterMetadata PipelineStage"
        " PipelineStageType RouterAttempt RouterParams RoutingStrategy"
    ),
    "_server_tool_usage": ("ServerToolUseDetails"),
    "_stream": ("ChatStreamChoice ChatStreamChunk ChatStreamDelta"),
    "_stream_event": ("ChatStreamingResponse"),
    "_stream_tool_calls": ("ChatStreamToolCall ChatStreamToolCallFunction"),
    "_tool_calls": ("ChatToolCall ChatToolCallFunction"),
    "_tool_choice": (
        "ChatNamedToolChoice ChatNamedToolChoiceFunction ChatServerToolChoice"
        " ChatToolChoice StopServerToolsWhen StopServerToolsWhenCondition"
        " StopServerToolsWhenFinishReasonIs StopServerToolsWhenHasToolCall"
        " StopServerToolsWhenMaxCost StopServerToolsWhenMaxTokensUsed"
        " StopServerToolsWhenStepCountIs UnknownStopServerToolsWhenCondition"
    ),
    "_tools": (
        "AdvisorReasoning AdvisorServerToolConfig AdvisorServerTool_OpenRouter"
        " BashServerTool BashServerToolConfig BashServerToolEngine"
        " BashServerToolEnvironment ChatFunctionDefinition ChatFunctionTool"
        " ChatFunctionToolFunction ChatSearchModelsServerTool ChatWebSearchShorthand"
        " ContainerAutoEnvironment ContainerReferenceEnvironment DatetimeServerTool"
        " DatetimeServerToolConfig FilesServerTool FilesServerToolConfig FusionNestedTool"
        " FusionReasoning FusionServerToolConfig FusionServerTool_OpenRouter"
        " ImageGenerationServerToolConfig ImageGenerationServerTool_OpenRouter"
        " OpenRouterWebSearchServerTool SandboxSleepAfterSeconds"
        " SearchModelsServerToolConfig SearchQualityLevel SubagentNestedTool"
        " SubagentReasoning SubagentServerToolConfig SubagentServerTool_OpenRouter"
        " UnknownBashServerToolEnvironment UnknownChatFunctionTool WebFetchEngineEnum"
        " WebFetchServerTool WebFetchServerToolConfig WebSearchConfig WebSearchEngineEnum"
        " WebSearchMode WebSearchUserLocationServerTool"
    ),
    "_usage": (
        "ChatCompletionTokensDetails ChatFinishReasonEnum ChatPromptTokensDetails"
        " ChatUsage CostDetails"
    ),
}
_MODULE_OF: dict[str, str] = {n: m for m, names in _NAMES.items() for n in names.split()}
__all__ = sorted(_MODULE_OF)  # noqa: PLE0605 (listed in __init__.pyi, for type checkers)


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
