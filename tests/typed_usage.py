"""User-style code that ``mypy --strict`` checks (``make type``); never run by pytest.

It proves what the result aliases promise: ``case Success(value)`` narrows the value to the
operation's model, ``case Failure(error)`` to that operation's exact error union, and a
``match`` over the two is exhaustive (no "missing return statement"). No ``cast``, and no
``case Success(ChatResult() as reply)`` needed.
"""

from typing import assert_never, assert_type

from returns.result import Failure, Success

from openrouter_core import OpenRouter, OpenRouterCore
from openrouter_core.errors import (
    BadGatewayResponseError,
    ChatSendError,
    ChatStreamError,
    NotFoundResponseError,
    OpenRouterDefaultError,
    SDKValidationError,
)
from openrouter_core.funcs import (
    AsyncChatStream,
    ChatStream,
    GenerationsGetGenerationError,
    ModelsGetError,
    chat_send,
    chat_stream,
    chat_stream_async,
    embeddings_generate,
    generations_get_generation,
    generations_get_generation_async,
    models_get,
    models_list,
    providers_list,
)
from openrouter_core.models import (
    ChatRequest,
    ChatResult,
    ChatUserMessage,
    CreateEmbeddingsRequest,
    CreateEmbeddingsResponse,
    GenerationResponse,
    ListProvidersResponse,
    ModelResponse,
    ModelsCountResponse,
    ModelsListResponse,
)


def reply_text(core: OpenRouterCore) -> str:
    """The README's first example, typed end to end."""
    request = ChatRequest(model="openai/gpt-4o", messages=[ChatUserMessage(content="Hi")])
    match chat_send(core, request):
        case Success(reply):
            assert_type(reply, ChatResult)
            content = reply.choices[0].message.content
            return content if isinstance(content, str) else ""
        case Failure(error):
            assert_type(error, ChatSendError)
            return str(error)


def stream_or_reason(core: OpenRouterCore, request: ChatRequest) -> ChatStream | str:
    match chat_stream(core, request):
        case Success(stream):
            assert_type(stream, ChatStream)
            return stream
        case Failure(error):
            assert_type(error, ChatStreamError)
            return type(error).__name__


async def async_stream(core: OpenRouterCore, request: ChatRequest) -> AsyncChatStream | None:
    match await chat_stream_async(core, request):
        case Success(stream):
            assert_type(stream, AsyncChatStream)
            return stream
        case Failure(_):
            return None


def cheapest_tool_model(core: OpenRouterCore) -> str | None:
    match models_list(core, supported_parameters="tools", sort="pricing-low-to-high"):
        case Success(page):
            assert_type(page, ModelsListResponse)
            return page.data[0].id if page.data else None
        case Failure(error):
            return None if isinstance(error, OpenRouterDefaultError) else str(error)


def model_or_missing(core: OpenRouterCore) -> ModelResponse | None:
    result = models_get(core, author="openai", slug="gpt-4o")
    match result:
        case Success(model):
            assert_type(model, ModelResponse)
            return model
        case Failure(error):
            assert_type(error, ModelsGetError)
            # The union is exact: the declared 404 is in it, an undeclared 502 is not.
            if isinstance(error, NotFoundResponseError):
                return None
            return None


def cost_of(core: OpenRouterCore, generation_id: str) -> float | None:
    match generations_get_generation(core, id=generation_id, ready_timeout=5.0):
        case Success(stats):
            assert_type(stats, GenerationResponse)
            return stats.data.total_cost
        case Failure(error):
            assert_type(error, GenerationsGetGenerationError)
            if isinstance(error, BadGatewayResponseError | SDKValidationError):
                return None
            return None


async def cost_of_async(core: OpenRouterCore, generation_id: str) -> float | None:
    match await generations_get_generation_async(core, id=generation_id):
        case Success(stats):
            return stats.data.total_cost
        case Failure(_):
            return None


def exhaustive(core: OpenRouterCore) -> int:
    """No return after the match: mypy sees the two cases as all there is."""
    result = providers_list(core)
    match result:
        case Success(providers):
            assert_type(providers, ListProvidersResponse)
            return len(providers.data)
        case Failure(_):
            return 0
        case _:
            assert_never(result)


def embed(core: OpenRouterCore) -> int:
    request = CreateEmbeddingsRequest(model="openai/text-embedding-3-small", input=["a", "b"])
    match embeddings_generate(core, request):
        case Success(response):
            assert_type(response, CreateEmbeddingsResponse)
            return len(response.data)
        case Failure(_):
            return 0


def facade(client: OpenRouter) -> None:
    """The raising form returns the models themselves."""
    assert_type(client.models.list(category="programming"), ModelsListResponse)
    assert_type(client.models.get(author="openai", slug="gpt-4o"), ModelResponse)
    assert_type(
        client.generations.get_generation(id="gen-1", ready_timeout=2.0), GenerationResponse
    )
    assert_type(client.providers.list(), ListProvidersResponse)


async def facade_async(client: OpenRouter) -> None:
    assert_type(await client.models.count_async(), ModelsCountResponse)
    assert_type(await client.embeddings.list_models_async(limit=3), ModelsListResponse)
