"""The operations: free functions taking the core first, each with an ``_async`` twin.

Each returns ``Success[T] | Failure[E]`` (the ``...Result`` alias next to it), so a
``match`` narrows both cases and is exhaustive. The request machinery behind them loads
on the first call.
"""

from .api_keys_get_current_key_metadata import (
    ApiKeysGetCurrentKeyMetadataError as ApiKeysGetCurrentKeyMetadataError,
)
from .api_keys_get_current_key_metadata import (
    ApiKeysGetCurrentKeyMetadataResult as ApiKeysGetCurrentKeyMetadataResult,
)
from .api_keys_get_current_key_metadata import (
    api_keys_get_current_key_metadata as api_keys_get_current_key_metadata,
)
from .api_keys_get_current_key_metadata import (
    api_keys_get_current_key_metadata_async as api_keys_get_current_key_metadata_async,
)
from .chat_parse import ChatParseResult as ChatParseResult
from .chat_parse import Parsed as Parsed
from .chat_parse import chat_parse as chat_parse
from .chat_parse import chat_parse_async as chat_parse_async
from .chat_parse import response_format_for as response_format_for
from .chat_run_tools import ChatRunToolsResult as ChatRunToolsResult
from .chat_run_tools import ToolCallRecord as ToolCallRecord
from .chat_run_tools import ToolRun as ToolRun
from .chat_run_tools import chat_run_tools as chat_run_tools
from .chat_run_tools import chat_run_tools_async as chat_run_tools_async
from .chat_run_tools import tool_from_function as tool_from_function
from .chat_send import ChatSendResult as ChatSendResult
from .chat_send import chat_send as chat_send
from .chat_send import chat_send_async as chat_send_async
from .chat_stream import AsyncChatStream as AsyncChatStream
from .chat_stream import AsyncChatStreamResult as AsyncChatStreamResult
from .chat_stream import ChatStream as ChatStream
from .chat_stream import ChatStreamResult as ChatStreamResult
from .chat_stream import chat_stream as chat_stream
from .chat_stream import chat_stream_async as chat_stream_async
from .credits_get_credits import CreditsGetCreditsError as CreditsGetCreditsError
from .credits_get_credits import CreditsGetCreditsResult as CreditsGetCreditsResult
from .credits_get_credits import credits_get_credits as credits_get_credits
from .credits_get_credits import credits_get_credits_async as credits_get_credits_async
from .embeddings_generate import EmbeddingsGenerateError as EmbeddingsGenerateError
from .embeddings_generate import EmbeddingsGenerateResult as EmbeddingsGenerateResult
from .embeddings_generate import embeddings_generate as embeddings_generate
from .embeddings_generate import embeddings_generate_async as embeddings_generate_async
from .embeddings_list_models import EmbeddingsListModelsError as EmbeddingsListModelsError
from .embeddings_list_models import EmbeddingsListModelsResult as EmbeddingsListModelsResult
from .embeddings_list_models import embeddings_list_models as embeddings_list_models
from .embeddings_list_models import embeddings_list_models_async as embeddings_list_models_async
from .endpoints_list import EndpointsListError as EndpointsListError
from .endpoints_list import EndpointsListResult as EndpointsListResult
from .endpoints_list import endpoints_list as endpoints_list
from .endpoints_list import endpoints_list_async as endpoints_list_async
from .generations_get_generation import (
    GenerationsGetGenerationError as GenerationsGetGenerationError,
)
from .generations_get_generation import (
    GenerationsGetGenerationResult as GenerationsGetGenerationResult,
)
from .generations_get_generation import generations_get_generation as generations_get_generation
from .generations_get_generation import (
    generations_get_generation_async as generations_get_generation_async,
)
from .models_count import ModelsCountError as ModelsCountError
from .models_count import ModelsCountResult as ModelsCountResult
from .models_count import models_count as models_count
from .models_count import models_count_async as models_count_async
from .models_get import ModelsGetError as ModelsGetError
from .models_get import ModelsGetResult as ModelsGetResult
from .models_get import models_get as models_get
from .models_get import models_get_async as models_get_async
from .models_list import ModelsListError as ModelsListError
from .models_list import ModelsListResult as ModelsListResult
from .models_list import models_list as models_list
from .models_list import models_list_async as models_list_async
from .models_list_for_user import ModelsListForUserError as ModelsListForUserError
from .models_list_for_user import ModelsListForUserResult as ModelsListForUserResult
from .models_list_for_user import models_list_for_user as models_list_for_user
from .models_list_for_user import models_list_for_user_async as models_list_for_user_async
from .providers_list import ProvidersListError as ProvidersListError
from .providers_list import ProvidersListResult as ProvidersListResult
from .providers_list import providers_list as providers_list
from .providers_list import providers_list_async as providers_list_async

__all__ = [
    "ApiKeysGetCurrentKeyMetadataError",
    "ApiKeysGetCurrentKeyMetadataResult",
    "AsyncChatStream",
    "AsyncChatStreamResult",
    "ChatParseResult",
    "ChatRunToolsResult",
    "ChatSendResult",
    "ChatStream",
    "ChatStreamResult",
    "CreditsGetCreditsError",
    "CreditsGetCreditsResult",
    "EmbeddingsGenerateError",
    "EmbeddingsGenerateResult",
    "EmbeddingsListModelsError",
    "EmbeddingsListModelsResult",
    "EndpointsListError",
    "EndpointsListResult",
    "GenerationsGetGenerationError",
    "GenerationsGetGenerationResult",
    "ModelsCountError",
    "ModelsCountResult",
    "ModelsGetError",
    "ModelsGetResult",
    "ModelsListError",
    "ModelsListForUserError",
    "ModelsListForUserResult",
    "ModelsListResult",
    "Parsed",
    "ProvidersListError",
    "ProvidersListResult",
    "ToolCallRecord",
    "ToolRun",
    "api_keys_get_current_key_metadata",
    "api_keys_get_current_key_metadata_async",
    "chat_parse",
    "chat_parse_async",
    "chat_run_tools",
    "chat_run_tools_async",
    "chat_send",
    "chat_send_async",
    "chat_stream",
    "chat_stream_async",
    "credits_get_credits",
    "credits_get_credits_async",
    "embeddings_generate",
    "embeddings_generate_async",
    "embeddings_list_models",
    "embeddings_list_models_async",
    "endpoints_list",
    "endpoints_list_async",
    "generations_get_generation",
    "generations_get_generation_async",
    "models_count",
    "models_count_async",
    "models_get",
    "models_get_async",
    "models_list",
    "models_list_async",
    "models_list_for_user",
    "models_list_for_user_async",
    "providers_list",
    "providers_list_async",
    "response_format_for",
    "tool_from_function",
]
