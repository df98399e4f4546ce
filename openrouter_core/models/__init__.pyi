"""The request and response models (the names; ``__init__.py`` loads them)."""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from typing import Any

from ._account import GetCreditsData as GetCreditsData
from ._account import GetCreditsResponse as GetCreditsResponse
from ._account import GetCurrentKeyData as GetCurrentKeyData
from ._account import GetCurrentKeyRateLimit as GetCurrentKeyRateLimit
from ._account import GetCurrentKeyResponse as GetCurrentKeyResponse
from ._assistant_parts import ChatAnnotation as ChatAnnotation
from ._assistant_parts import ChatAssistantImage as ChatAssistantImage
from ._assistant_parts import ChatAssistantImages as ChatAssistantImages
from ._assistant_parts import ChatAssistantImageUrl as ChatAssistantImageUrl
from ._assistant_parts import ChatAudioOutput as ChatAudioOutput
from ._assistant_parts import ChatUrlCitation as ChatUrlCitation
from ._assistant_parts import ChatUrlCitationAnnotation as ChatUrlCitationAnnotation
from ._assistant_parts import UnknownChatAnnotation as UnknownChatAnnotation
from ._catalog import AABenchmarkEntry as AABenchmarkEntry
from ._catalog import DABenchmarkEntry as DABenchmarkEntry
from ._catalog import DefaultParameters as DefaultParameters
from ._catalog import InputModality as InputModality
from ._catalog import InstructType as InstructType
from ._catalog import Model as Model
from ._catalog import ModelAliasTarget as ModelAliasTarget
from ._catalog import ModelArchitecture as ModelArchitecture
from ._catalog import ModelBenchmarks as ModelBenchmarks
from ._catalog import ModelGroup as ModelGroup
from ._catalog import ModelLinks as ModelLinks
from ._catalog import ModelReasoning as ModelReasoning
from ._catalog import ModelResponse as ModelResponse
from ._catalog import ModelsCountData as ModelsCountData
from ._catalog import ModelsCountResponse as ModelsCountResponse
from ._catalog import ModelsListLinks as ModelsListLinks
from ._catalog import ModelsListResponse as ModelsListResponse
from ._catalog import ModelsListResponseData as ModelsListResponseData
from ._catalog import OutputModality as OutputModality
from ._catalog import Parameter as Parameter
from ._catalog import PerRequestLimits as PerRequestLimits
from ._catalog import PricingOverride as PricingOverride
from ._catalog import PublicPricing as PublicPricing
from ._catalog import ReasoningEffort as ReasoningEffort
from ._catalog import TopProviderInfo as TopProviderInfo
from ._content import AnthropicCacheControlDirective as AnthropicCacheControlDirective
from ._content import AnthropicCacheControlTtl as AnthropicCacheControlTtl
from ._content import ChatContentAudio as ChatContentAudio
from ._content import ChatContentAudioInput as ChatContentAudioInput
from ._content import ChatContentCacheControl as ChatContentCacheControl
from ._content import ChatContentFile as ChatContentFile
from ._content import ChatContentFileData as ChatContentFileData
from ._content import ChatContentImage as ChatContentImage
from ._content import ChatContentImageUrl as ChatContentImageUrl
from ._content import ChatContentItems as ChatContentItems
from ._content import ChatContentText as ChatContentText
from ._content import ChatContentVideo as ChatContentVideo
from ._content import ChatContentVideoInput as ChatContentVideoInput
from ._content import Legacy_ChatContentVideo as Legacy_ChatContentVideo
from ._content import Legacy_ChatContentVideoInput as Legacy_ChatContentVideoInput
from ._content import PromptCacheBreakpoint as PromptCacheBreakpoint
from ._content import UnknownChatContentItem as UnknownChatContentItem
from ._embeddings import ContentPartInputAudio as ContentPartInputAudio
from ._embeddings import ContentPartInputFile as ContentPartInputFile
from ._embeddings import ContentPartInputVideo as ContentPartInputVideo
from ._embeddings import CreateEmbeddingsRequest as CreateEmbeddingsRequest
from ._embeddings import CreateEmbeddingsResponse as CreateEmbeddingsResponse
from ._embeddings import EmbeddingData as EmbeddingData
from ._embeddings import EmbeddingsContentImage as EmbeddingsContentImage
from ._embeddings import EmbeddingsContentImageUrl as EmbeddingsContentImageUrl
from ._embeddings import EmbeddingsContentPart as EmbeddingsContentPart
from ._embeddings import EmbeddingsContentText as EmbeddingsContentText
from ._embeddings import EmbeddingsInput as EmbeddingsInput
from ._embeddings import EmbeddingsMultimodalInput as EmbeddingsMultimodalInput
from ._embeddings import EmbeddingUsage as EmbeddingUsage
from ._embeddings import EmbeddingUsagePromptTokensDetails as EmbeddingUsagePromptTokensDetails
from ._embeddings import MultimodalMedia as MultimodalMedia
from ._endpoints import EndpointStatus as EndpointStatus
from ._endpoints import ListEndpointsEnvelope as ListEndpointsEnvelope
from ._endpoints import ListEndpointsResponse as ListEndpointsResponse
from ._endpoints import PercentileStats as PercentileStats
from ._endpoints import PublicEndpoint as PublicEndpoint
from ._endpoints import PublicEndpointPricing as PublicEndpointPricing
from ._errors import ApiErrorType as ApiErrorType
from ._errors import BadGatewayResponse as BadGatewayResponse
from ._errors import BadGatewayResponseErrorData as BadGatewayResponseErrorData
from ._errors import BadRequestResponse as BadRequestResponse
from ._errors import BadRequestResponseErrorData as BadRequestResponseErrorData
from ._errors import ChatErrorDetail as ChatErrorDetail
from ._errors import EdgeNetworkTimeoutResponse as EdgeNetworkTimeoutResponse
from ._errors import EdgeNetworkTimeoutResponseErrorData as EdgeNetworkTimeoutResponseErrorData
from ._errors import ErrorResponse as ErrorResponse
from ._errors import ForbiddenResponse as ForbiddenResponse
from ._errors import ForbiddenResponseErrorData as ForbiddenResponseErrorData
from ._errors import InternalServerResponse as InternalServerResponse
from ._errors import InternalServerResponseErrorData as InternalServerResponseErrorData
from ._errors import NotFoundResponse as NotFoundResponse
from ._errors import NotFoundResponseErrorData as NotFoundResponseErrorData
from ._errors import PayloadTooLargeResponse as PayloadTooLargeResponse
from ._errors import PayloadTooLargeResponseErrorData as PayloadTooLargeResponseErrorData
from ._errors import PaymentRequiredResponse as PaymentRequiredResponse
from ._errors import PaymentRequiredResponseErrorData as PaymentRequiredResponseErrorData
from ._errors import ProviderOverloadedResponse as ProviderOverloadedResponse
from ._errors import ProviderOverloadedResponseErrorData as ProviderOverloadedResponseErrorData
from ._errors import RequestTimeoutResponse as RequestTimeoutResponse
from ._errors import RequestTimeoutResponseErrorData as RequestTimeoutResponseErrorData
from ._errors import ServiceUnavailableResponse as ServiceUnavailableResponse
from ._errors import ServiceUnavailableResponseErrorData as ServiceUnavailableResponseErrorData
from ._errors import TooManyRequestsResponse as TooManyRequestsResponse
from ._errors import TooManyRequestsResponseErrorData as TooManyRequestsResponseErrorData
from ._errors import UnauthorizedResponse as UnauthorizedResponse
from ._errors import UnauthorizedResponseErrorData as UnauthorizedResponseErrorData
from ._errors import UnprocessableEntityResponse as UnprocessableEntityResponse
from ._errors import UnprocessableEntityResponseErrorData as UnprocessableEntityResponseErrorData
from ._generations import GenerationData as GenerationData
from ._generations import GenerationResponse as GenerationResponse
from ._generations import ProviderResponse as ProviderResponse
from ._logprobs import ChatTokenLogprob as ChatTokenLogprob
from ._logprobs import ChatTokenLogprobs as ChatTokenLogprobs
from ._logprobs import ChatTopLogprob as ChatTopLogprob
from ._message_union import ChatDeveloperMessage as ChatDeveloperMessage
from ._message_union import ChatMessages as ChatMessages
from ._message_union import ChatToolMessage as ChatToolMessage
from ._message_union import UnknownChatMessage as UnknownChatMessage
from ._messages import ChatSystemMessage as ChatSystemMessage
from ._messages import ChatUserMessage as ChatUserMessage
from ._plugins import AutoBetaRouterPlugin as AutoBetaRouterPlugin
from ._plugins import AutoRouterPlugin as AutoRouterPlugin
from ._plugins import ChatPlugin as ChatPlugin
from ._plugins import ContextCompressionEngine as ContextCompressionEngine
from ._plugins import ContextCompressionPlugin as ContextCompressionPlugin
from ._plugins import FileParserPlugin as FileParserPlugin
from ._plugins import FusionPlugin as FusionPlugin
from ._plugins import FusionPluginTool as FusionPluginTool
from ._plugins import ModerationPlugin as ModerationPlugin
from ._plugins import ParetoRouterPlugin as ParetoRouterPlugin
from ._plugins import PDFParserEngine as PDFParserEngine
from ._plugins import PDFParserOptions as PDFParserOptions
from ._plugins import ResponseHealingPlugin as ResponseHealingPlugin
from ._plugins import UnknownPlugin as UnknownPlugin
from ._plugins import WebFetchPlugin as WebFetchPlugin
from ._plugins import WebSearchEngine as WebSearchEngine
from ._plugins import WebSearchPlugin as WebSearchPlugin
from ._plugins import WebSearchUserLocation as WebSearchUserLocation
from ._provider import PercentileLatencyCutoffs as PercentileLatencyCutoffs
from ._provider import PercentileThroughputCutoffs as PercentileThroughputCutoffs
from ._provider import PreferredMaxLatency as PreferredMaxLatency
from ._provider import PreferredMinThroughput as PreferredMinThroughput
from ._provider import ProviderMaxPrice as ProviderMaxPrice
from ._provider import ProviderName as ProviderName
from ._provider import ProviderPreferences as ProviderPreferences
from ._provider import ProviderSort as ProviderSort
from ._provider import ProviderSortConfig as ProviderSortConfig
from ._provider import Quantization as Quantization
from ._providers import ListProvidersData as ListProvidersData
from ._providers import ListProvidersResponse as ListProvidersResponse
from ._reasoning import ChatReasoningDetails as ChatReasoningDetails
from ._reasoning import ChatStreamReasoningDetails as ChatStreamReasoningDetails
from ._reasoning import ReasoningDetailEncrypted as ReasoningDetailEncrypted
from ._reasoning import ReasoningDetailServerToolCall as ReasoningDetailServerToolCall
from ._reasoning import ReasoningDetailSummary as ReasoningDetailSummary
from ._reasoning import ReasoningDetailText as ReasoningDetailText
from ._reasoning import ReasoningDetailUnion as ReasoningDetailUnion
from ._reasoning import ReasoningFormat as ReasoningFormat
from ._reasoning import UnknownReasoningDetail as UnknownReasoningDetail
from ._request import ChatModelNames as ChatModelNames
from ._request import ChatRequest as ChatRequest
from ._request import DeprecatedRoute as DeprecatedRoute
from ._request import ImageConfig as ImageConfig
from ._request import ModelName as ModelName
from ._request_options import ChatDebugOptions as ChatDebugOptions
from ._request_options import ChatReasoningSummaryVerbosityEnum as ChatReasoningSummaryVerbosityEnum
from ._request_options import ChatRequestReasoning as ChatRequestReasoning
from ._request_options import ChatStreamOptions as ChatStreamOptions
from ._request_options import Prediction as Prediction
from ._request_options import PredictionContentText as PredictionContentText
from ._request_options import PromptCacheOptions as PromptCacheOptions
from ._request_options import TraceConfig as TraceConfig
from ._request_wrapper import MetadataLevel as MetadataLevel
from ._request_wrapper import SendChatCompletionRequest as SendChatCompletionRequest
from ._response import ChatAssistantMessage as ChatAssistantMessage
from ._response import ChatChoice as ChatChoice
from ._response import ChatResult as ChatResult
from ._response_format import ChatFormatGrammarConfig as ChatFormatGrammarConfig
from ._response_format import ChatFormatJsonObjectConfig as ChatFormatJsonObjectConfig
from ._response_format import ChatFormatJsonSchemaConfig as ChatFormatJsonSchemaConfig
from ._response_format import ChatFormatPythonConfig as ChatFormatPythonConfig
from ._response_format import ChatFormatTextConfig as ChatFormatTextConfig
from ._response_format import ChatJsonSchemaConfig as ChatJsonSchemaConfig
from ._response_format import ChatResponseFormat as ChatResponseFormat
from ._response_format import UnknownChatResponseFormat as UnknownChatResponseFormat
from ._routing_metadata import EndpointInfo as EndpointInfo
from ._routing_metadata import EndpointsMetadata as EndpointsMetadata
from ._routing_metadata import OpenRouterMetadata as OpenRouterMetadata
from ._routing_metadata import PipelineStage as PipelineStage
from ._routing_metadata import PipelineStageType as PipelineStageType
from ._routing_metadata import RouterAttempt as RouterAttempt
from ._routing_metadata import RouterParams as RouterParams
from ._routing_metadata import RoutingStrategy as RoutingStrategy
from ._server_tool_usage import ServerToolUseDetails as ServerToolUseDetails
from ._stream import ChatStreamChoice as ChatStreamChoice
from ._stream import ChatStreamChunk as ChatStreamChunk
from ._stream import ChatStreamDelta as ChatStreamDelta
from ._stream_event import ChatStreamingResponse as ChatStreamingResponse
from ._stream_tool_calls import ChatStreamToolCall as ChatStreamToolCall
from ._stream_tool_calls import ChatStreamToolCallFunction as ChatStreamToolCallFunction
from ._tool_calls import ChatToolCall as ChatToolCall
from ._tool_calls import ChatToolCallFunction as ChatToolCallFunction
from ._tool_choice import ChatNamedToolChoice as ChatNamedToolChoice
from ._tool_choice import ChatNamedToolChoiceFunction as ChatNamedToolChoiceFunction
from ._tool_choice import ChatServerToolChoice as ChatServerToolChoice
from ._tool_choice import ChatToolChoice as ChatToolChoice
from ._tool_choice import StopServerToolsWhen as StopServerToolsWhen
from ._tool_choice import StopServerToolsWhenCondition as StopServerToolsWhenCondition
from ._tool_choice import StopServerToolsWhenFinishReasonIs as StopServerToolsWhenFinishReasonIs
from ._tool_choice import StopServerToolsWhenHasToolCall as StopServerToolsWhenHasToolCall
from ._tool_choice import StopServerToolsWhenMaxCost as StopServerToolsWhenMaxCost
from ._tool_choice import StopServerToolsWhenMaxTokensUsed as StopServerToolsWhenMaxTokensUsed
from ._tool_choice import StopServerToolsWhenStepCountIs as StopServerToolsWhenStepCountIs
from ._tool_choice import UnknownStopServerToolsWhenCondition as UnknownStopServerToolsWhenCondition
from ._tools import AdvisorReasoning as AdvisorReasoning
from ._tools import AdvisorServerTool_OpenRouter as AdvisorServerTool_OpenRouter
from ._tools import AdvisorServerToolConfig as AdvisorServerToolConfig
from ._tools import BashServerTool as BashServerTool
from ._tools import BashServerToolConfig as BashServerToolConfig
from ._tools import BashServerToolEngine as BashServerToolEngine
from ._tools import BashServerToolEnvironment as BashServerToolEnvironment
from ._tools import ChatFunctionDefinition as ChatFunctionDefinition
from ._tools import ChatFunctionTool as ChatFunctionTool
from ._tools import ChatFunctionToolFunction as ChatFunctionToolFunction
from ._tools import ChatSearchModelsServerTool as ChatSearchModelsServerTool
from ._tools import ChatWebSearchShorthand as ChatWebSearchShorthand
from ._tools import ContainerAutoEnvironment as ContainerAutoEnvironment
from ._tools import ContainerReferenceEnvironment as ContainerReferenceEnvironment
from ._tools import DatetimeServerTool as DatetimeServerTool
from ._tools import DatetimeServerToolConfig as DatetimeServerToolConfig
from ._tools import FilesServerTool as FilesServerTool
from ._tools import FilesServerToolConfig as FilesServerToolConfig
from ._tools import FusionNestedTool as FusionNestedTool
from ._tools import FusionReasoning as FusionReasoning
from ._tools import FusionServerTool_OpenRouter as FusionServerTool_OpenRouter
from ._tools import FusionServerToolConfig as FusionServerToolConfig
from ._tools import ImageGenerationServerTool_OpenRouter as ImageGenerationServerTool_OpenRouter
from ._tools import ImageGenerationServerToolConfig as ImageGenerationServerToolConfig
from ._tools import OpenRouterWebSearchServerTool as OpenRouterWebSearchServerTool
from ._tools import SandboxSleepAfterSeconds as SandboxSleepAfterSeconds
from ._tools import SearchModelsServerToolConfig as SearchModelsServerToolConfig
from ._tools import SearchQualityLevel as SearchQualityLevel
from ._tools import SubagentNestedTool as SubagentNestedTool
from ._tools import SubagentReasoning as SubagentReasoning
from ._tools import SubagentServerTool_OpenRouter as SubagentServerTool_OpenRouter
from ._tools import SubagentServerToolConfig as SubagentServerToolConfig
from ._tools import UnknownBashServerToolEnvironment as UnknownBashServerToolEnvironment
from ._tools import UnknownChatFunctionTool as UnknownChatFunctionTool
from ._tools import WebFetchEngineEnum as WebFetchEngineEnum
from ._tools import WebFetchServerTool as WebFetchServerTool
from ._tools import WebFetchServerToolConfig as WebFetchServerToolConfig
from ._tools import WebSearchConfig as WebSearchConfig
from ._tools import WebSearchEngineEnum as WebSearchEngineEnum
from ._tools import WebSearchMode as WebSearchMode
from ._tools import WebSearchUserLocationServerTool as WebSearchUserLocationServerTool
from ._usage import ChatCompletionTokensDetails as ChatCompletionTokensDetails
from ._usage import ChatFinishReasonEnum as ChatFinishReasonEnum
from ._usage import ChatPromptTokensDetails as ChatPromptTokensDetails
from ._usage import ChatUsage as ChatUsage
from ._usage import CostDetails as CostDetails

_MODULE_OF: dict[str, str]

__all__ = [
    "AABenchmarkEntry",
    "AdvisorReasoning",
    "AdvisorServerToolConfig",
    "AdvisorServerTool_OpenRouter",
    "AnthropicCacheControlDirective",
    "AnthropicCacheControlTtl",
    "ApiErrorType",
    "AutoBetaRouterPlugin",
    "AutoRouterPlugin",
    "BadGatewayResponse",
    "BadGatewayResponseErrorData",
    "BadRequestResponse",
    "BadRequestResponseErrorData",
    "BashServerTool",
    "BashServerToolConfig",
    "BashServerToolEngine",
    "BashServerToolEnvironment",
    "ChatAnnotation",
    "ChatAssistantImage",
    "ChatAssistantImageUrl",
    "ChatAssistantImages",
    "ChatAssistantMessage",
    "ChatAudioOutput",
    "ChatChoice",
    "ChatCompletionTokensDetails",
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
    "ChatDebugOptions",
    "ChatDeveloperMessage",
    "ChatErrorDetail",
    "ChatFinishReasonEnum",
    "ChatFormatGrammarConfig",
    "ChatFormatJsonObjectConfig",
    "ChatFormatJsonSchemaConfig",
    "ChatFormatPythonConfig",
    "ChatFormatTextConfig",
    "ChatFunctionDefinition",
    "ChatFunctionTool",
    "ChatFunctionToolFunction",
    "ChatJsonSchemaConfig",
    "ChatMessages",
    "ChatModelNames",
    "ChatNamedToolChoice",
    "ChatNamedToolChoiceFunction",
    "ChatPlugin",
    "ChatPromptTokensDetails",
    "ChatReasoningDetails",
    "ChatReasoningSummaryVerbosityEnum",
    "ChatRequest",
    "ChatRequestReasoning",
    "ChatResponseFormat",
    "ChatResult",
    "ChatSearchModelsServerTool",
    "ChatServerToolChoice",
    "ChatStreamChoice",
    "ChatStreamChunk",
    "ChatStreamDelta",
    "ChatStreamOptions",
    "ChatStreamReasoningDetails",
    "ChatStreamToolCall",
    "ChatStreamToolCallFunction",
    "ChatStreamingResponse",
    "ChatSystemMessage",
    "ChatTokenLogprob",
    "ChatTokenLogprobs",
    "ChatToolCall",
    "ChatToolCallFunction",
    "ChatToolChoice",
    "ChatToolMessage",
    "ChatTopLogprob",
    "ChatUrlCitation",
    "ChatUrlCitationAnnotation",
    "ChatUsage",
    "ChatUserMessage",
    "ChatWebSearchShorthand",
    "ContainerAutoEnvironment",
    "ContainerReferenceEnvironment",
    "ContentPartInputAudio",
    "ContentPartInputFile",
    "ContentPartInputVideo",
    "ContextCompressionEngine",
    "ContextCompressionPlugin",
    "CostDetails",
    "CreateEmbeddingsRequest",
    "CreateEmbeddingsResponse",
    "DABenchmarkEntry",
    "DatetimeServerTool",
    "DatetimeServerToolConfig",
    "DefaultParameters",
    "DeprecatedRoute",
    "EdgeNetworkTimeoutResponse",
    "EdgeNetworkTimeoutResponseErrorData",
    "EmbeddingData",
    "EmbeddingUsage",
    "EmbeddingUsagePromptTokensDetails",
    "EmbeddingsContentImage",
    "EmbeddingsContentImageUrl",
    "EmbeddingsContentPart",
    "EmbeddingsContentText",
    "EmbeddingsInput",
    "EmbeddingsMultimodalInput",
    "EndpointInfo",
    "EndpointStatus",
    "EndpointsMetadata",
    "ErrorResponse",
    "FileParserPlugin",
    "FilesServerTool",
    "FilesServerToolConfig",
    "ForbiddenResponse",
    "ForbiddenResponseErrorData",
    "FusionNestedTool",
    "FusionPlugin",
    "FusionPluginTool",
    "FusionReasoning",
    "FusionServerToolConfig",
    "FusionServerTool_OpenRouter",
    "GenerationData",
    "GenerationResponse",
    "GetCreditsData",
    "GetCreditsResponse",
    "GetCurrentKeyData",
    "GetCurrentKeyRateLimit",
    "GetCurrentKeyResponse",
    "ImageConfig",
    "ImageGenerationServerToolConfig",
    "ImageGenerationServerTool_OpenRouter",
    "InputModality",
    "InstructType",
    "InternalServerResponse",
    "InternalServerResponseErrorData",
    "Legacy_ChatContentVideo",
    "Legacy_ChatContentVideoInput",
    "ListEndpointsEnvelope",
    "ListEndpointsResponse",
    "ListProvidersData",
    "ListProvidersResponse",
    "MetadataLevel",
    "Model",
    "ModelAliasTarget",
    "ModelArchitecture",
    "ModelBenchmarks",
    "ModelGroup",
    "ModelLinks",
    "ModelName",
    "ModelReasoning",
    "ModelResponse",
    "ModelsCountData",
    "ModelsCountResponse",
    "ModelsListLinks",
    "ModelsListResponse",
    "ModelsListResponseData",
    "ModerationPlugin",
    "MultimodalMedia",
    "NotFoundResponse",
    "NotFoundResponseErrorData",
    "OpenRouterMetadata",
    "OpenRouterWebSearchServerTool",
    "OutputModality",
    "PDFParserEngine",
    "PDFParserOptions",
    "Parameter",
    "ParetoRouterPlugin",
    "PayloadTooLargeResponse",
    "PayloadTooLargeResponseErrorData",
    "PaymentRequiredResponse",
    "PaymentRequiredResponseErrorData",
    "PerRequestLimits",
    "PercentileLatencyCutoffs",
    "PercentileStats",
    "PercentileThroughputCutoffs",
    "PipelineStage",
    "PipelineStageType",
    "Prediction",
    "PredictionContentText",
    "PreferredMaxLatency",
    "PreferredMinThroughput",
    "PricingOverride",
    "PromptCacheBreakpoint",
    "PromptCacheOptions",
    "ProviderMaxPrice",
    "ProviderName",
    "ProviderOverloadedResponse",
    "ProviderOverloadedResponseErrorData",
    "ProviderPreferences",
    "ProviderResponse",
    "ProviderSort",
    "ProviderSortConfig",
    "PublicEndpoint",
    "PublicEndpointPricing",
    "PublicPricing",
    "Quantization",
    "ReasoningDetailEncrypted",
    "ReasoningDetailServerToolCall",
    "ReasoningDetailSummary",
    "ReasoningDetailText",
    "ReasoningDetailUnion",
    "ReasoningEffort",
    "ReasoningFormat",
    "RequestTimeoutResponse",
    "RequestTimeoutResponseErrorData",
    "ResponseHealingPlugin",
    "RouterAttempt",
    "RouterParams",
    "RoutingStrategy",
    "SandboxSleepAfterSeconds",
    "SearchModelsServerToolConfig",
    "SearchQualityLevel",
    "SendChatCompletionRequest",
    "ServerToolUseDetails",
    "ServiceUnavailableResponse",
    "ServiceUnavailableResponseErrorData",
    "StopServerToolsWhen",
    "StopServerToolsWhenCondition",
    "StopServerToolsWhenFinishReasonIs",
    "StopServerToolsWhenHasToolCall",
    "StopServerToolsWhenMaxCost",
    "StopServerToolsWhenMaxTokensUsed",
    "StopServerToolsWhenStepCountIs",
    "SubagentNestedTool",
    "SubagentReasoning",
    "SubagentServerToolConfig",
    "SubagentServerTool_OpenRouter",
    "TooManyRequestsResponse",
    "TooManyRequestsResponseErrorData",
    "TopProviderInfo",
    "TraceConfig",
    "UnauthorizedResponse",
    "UnauthorizedResponseErrorData",
    "UnknownBashServerToolEnvironment",
    "UnknownChatAnnotation",
    "UnknownChatContentItem",
    "UnknownChatFunctionTool",
    "UnknownChatMessage",
    "UnknownChatResponseFormat",
    "UnknownPlugin",
    "UnknownReasoningDetail",
    "UnknownStopServerToolsWhenCondition",
    "UnprocessableEntityResponse",
    "UnprocessableEntityResponseErrorData",
    "WebFetchEngineEnum",
    "WebFetchPlugin",
    "WebFetchServerTool",
    "WebFetchServerToolConfig",
    "WebSearchConfig",
    "WebSearchEngine",
    "WebSearchEngineEnum",
    "WebSearchMode",
    "WebSearchPlugin",
    "WebSearchUserLocation",
    "WebSearchUserLocationServerTool",
]

def __getattr__(name: str) -> Any: ...
def __dir__() -> list[str]: ...
