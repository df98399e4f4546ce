"""The SDK's eleven operations and their async twins, against the fake server.

Every function answers ``Success`` from ``FakeOpenRouter`` over real sockets, and the
values agree with each other; ``generations_get_generation(ready_timeout=...)`` rides out
the fake's 404 window exactly as it must ride out the real API's.
"""

import asyncio
from collections.abc import Callable, Coroutine, Iterator
from typing import Any

import httpx
import pytest
from returns.result import Failure, Success

from openrouter_core import HookContext, Hooks, OpenRouterCore
from openrouter_core.errors import ForbiddenResponseError, NotFoundResponseError
from openrouter_core.funcs import (
    api_keys_get_current_key_metadata,
    api_keys_get_current_key_metadata_async,
    chat_send,
    credits_get_credits,
    credits_get_credits_async,
    embeddings_generate,
    embeddings_generate_async,
    embeddings_list_models,
    embeddings_list_models_async,
    endpoints_list,
    endpoints_list_async,
    generations_get_generation,
    generations_get_generation_async,
    models_count,
    models_count_async,
    models_get,
    models_get_async,
    models_list,
    models_list_async,
    models_list_for_user,
    models_list_for_user_async,
    providers_list,
    providers_list_async,
)
from openrouter_core.models import ChatRequest, ChatUserMessage, CreateEmbeddingsRequest
from openrouter_core.testing import DEFAULT_ID, DEFAULT_MANAGEMENT_KEY, FakeOpenRouter

EMBED = CreateEmbeddingsRequest(model="openai/text-embedding-3-small", input=["cat", "dog"])

# name -> (sync call, async call), each taking a core.
Call = Callable[[OpenRouterCore], Any]
ACall = Callable[[OpenRouterCore], Coroutine[Any, Any, Any]]
OPERATIONS: dict[str, tuple[Call, ACall]] = {
    "models_list": (
        lambda c: models_list(c, supported_parameters="tools", limit=2),
        lambda c: models_list_async(c, supported_parameters="tools", limit=2),
    ),
    "models_count": (models_count, models_count_async),
    "models_get": (
        lambda c: models_get(c, author="openai", slug="gpt-4o-mini"),
        lambda c: models_get_async(c, author="openai", slug="gpt-4o-mini"),
    ),
    "models_list_for_user": (models_list_for_user, models_list_for_user_async),
    "endpoints_list": (
        lambda c: endpoints_list(c, author="anthropic", slug="claude-sonnet-4"),
        lambda c: endpoints_list_async(c, author="anthropic", slug="claude-sonnet-4"),
    ),
    "providers_list": (providers_list, providers_list_async),
    "generations_get_generation": (
        lambda c: generations_get_generation(c, id=DEFAULT_ID),
        lambda c: generations_get_generation_async(c, id=DEFAULT_ID),
    ),
    "api_keys_get_current_key_metadata": (
        api_keys_get_current_key_metadata,
        api_keys_get_current_key_metadata_async,
    ),
    "embeddings_generate": (
        lambda c: embeddings_generate(c, EMBED),
        lambda c: embeddings_generate_async(c, EMBED),
    ),
    "embeddings_list_models": (embeddings_list_models, embeddings_list_models_async),
}


@pytest.fixture(scope="module")
def server() -> Iterator[FakeOpenRouter]:
    with FakeOpenRouter() as fake:
        yield fake


def run(
    server: FakeOpenRouter,
    mode: str,
    calls: tuple[Call, ACall],
    key: str = "",
    hooks: Hooks | None = None,
) -> Any:
    """One call through a fresh core, with the sync function or its async twin."""
    core = OpenRouterCore(api_key=key or server.api_key, server_url=server.base_url, hooks=hooks)
    sync_call, async_call = calls
    if mode == "sync":
        with core:
            return sync_call(core)

    async def go() -> Any:
        async with core:
            return await async_call(core)

    return asyncio.run(go())


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("name", list(OPERATIONS))
def test_every_operation_succeeds_against_the_fake(
    server: FakeOpenRouter, mode: str, name: str
) -> None:
    result = run(server, mode, OPERATIONS[name])

    assert isinstance(result, Success), result


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_credits_answer_the_management_key_only(server: FakeOpenRouter, mode: str) -> None:
    calls = (credits_get_credits, credits_get_credits_async)

    refused = run(server, mode, calls)
    granted = run(server, mode, calls, key=DEFAULT_MANAGEMENT_KEY)

    assert isinstance(refused.failure(), ForbiddenResponseError)
    assert 100.0 == granted.unwrap().data.total_credits


def test_the_answers_agree(server: FakeOpenRouter) -> None:
    """What the list, the count, one model, the endpoints and the providers say is one story."""
    with OpenRouterCore(api_key=server.api_key, server_url=server.base_url) as core:
        listed = models_list(core).unwrap()
        counted = models_count(core).unwrap()
        one = models_get(core, author="openai", slug="gpt-4o").unwrap()
        endpoints = endpoints_list(core, author="openai", slug="gpt-4o").unwrap()
        providers = {p.name for p in providers_list(core).unwrap().data}
        embedders = embeddings_list_models(core).unwrap()

    assert len(listed.data) == listed.total_count == counted.data.count
    assert one.data in listed.data
    assert {e.provider_name for e in endpoints.data.endpoints} <= providers
    assert all("embeddings" in m.architecture.output_modalities for m in embedders.data)
    assert not {m.id for m in embedders.data} & {m.id for m in listed.data}


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_ready_timeout_waits_out_the_404_window(mode: str) -> None:
    """Right after an answer ``/generation`` says 404; ``ready_timeout=0`` reports it, a
    longer one keeps asking until the stats are there, and they match the answer.

    The stats become ready when the waiting call's second request is about to go out, so
    the test needs no clock: the first request of the wait is a 404 for certain.
    """
    sent: list[httpx.Request] = []

    def count(_context: HookContext, request: httpx.Request) -> None:
        sent.append(request)
        if len(sent) == 2:
            fake.generation_delay = 0.0

    with FakeOpenRouter(generation_delay=3600) as fake:
        with OpenRouterCore(api_key=fake.api_key, server_url=fake.base_url) as core:
            hello = ChatRequest(model="openai/gpt-4o", messages=[ChatUserMessage(content="Hi")])
            answer = chat_send(core, hello)
        generation_id = answer.unwrap().id
        at_once = run(fake, mode, _generation(generation_id, 0.0))
        waited = run(
            fake, mode, _generation(generation_id, 30.0), hooks=Hooks(before_request=[count])
        )

    match at_once:
        case Failure(NotFoundResponseError() as error):
            assert 404 == error.status_code
        case other:
            pytest.fail(f"expected a 404 at once, got {other}")
    usage = answer.unwrap().usage
    stats = waited.unwrap().data
    assert usage is not None
    assert ("openai/gpt-4o", usage.cost, "OpenAI") == (
        stats.model,
        stats.total_cost,
        stats.provider_name,
    )
    assert 2 == len(sent)  # a 404, then the stats


def _generation(generation_id: str, ready_timeout: float) -> tuple[Call, ACall]:
    return (
        lambda c: generations_get_generation(c, id=generation_id, ready_timeout=ready_timeout),
        lambda c: generations_get_generation_async(
            c, id=generation_id, ready_timeout=ready_timeout
        ),
    )
