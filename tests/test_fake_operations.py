"""The fake server's operations around chat, over real loopback sockets with plain httpx.

Every 200 (and every error) body is checked against the ops spec's schema for that
operation and status (``schema_check``, strict: no field the spec does not declare), and
the answers are checked against each other: the catalogue lists the models chat answers
come from at the prices they are billed at, ``/generation`` knows what was served,
``/key`` and ``/credits`` add it up.
"""

import base64
import math
import ssl
import struct
from collections.abc import Iterator
from typing import Any

import anyio
import httpx
import pytest

from openrouter_core import models
from openrouter_core._converter import from_json, to_builtins
from openrouter_core.testing import (
    DEFAULT_API_KEY,
    DEFAULT_ID,
    DEFAULT_MANAGEMENT_KEY,
    FakeOpenRouter,
    chat_result,
)
from openrouter_core.testing._catalogue import MODELS

from .schema_check import load_ops_spec, problems, response_schema
from .spec_support import canonical, without_nulls

pytestmark = pytest.mark.anyio
SYNC = pytest.mark.parametrize("sync", [True, False], ids=["sync", "async"])
TLS = ssl.create_default_context()
EMBEDDER = "openai/text-embedding-3-small"
CHAT_MODELS = [m.id for m in MODELS if "text" in m.output_modalities]
EMBEDDING_MODELS = [m.id for m in MODELS if "embeddings" in m.output_modalities]
QUESTION = [{"role": "user", "content": "What is the capital of France?"}]


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return load_ops_spec()


@pytest.fixture(scope="module")
def shared() -> Iterator[FakeOpenRouter]:
    """One server for the tests that only read the catalogue."""
    with FakeOpenRouter() as fake:
        yield fake


@pytest.fixture
def server() -> Iterator[FakeOpenRouter]:
    """A fresh server (empty ledger) per test."""
    with FakeOpenRouter() as fake:
        yield fake


async def call(
    server: FakeOpenRouter,
    method: str,
    path: str,
    *,
    sync: bool = True,
    key: str | None = DEFAULT_API_KEY,
    json: Any = None,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    """One request with a sync or an async httpx client; the body is read."""
    sent = dict(headers or {})
    if key is not None:
        sent["Authorization"] = f"Bearer {key}"
    url = server.base_url + path
    if sync:
        with httpx.Client(verify=TLS, timeout=10) as client:
            return client.request(method, url, json=json, headers=sent)
    async with httpx.AsyncClient(verify=TLS, timeout=10) as aclient:
        return await aclient.request(method, url, json=json, headers=sent)


async def get(server: FakeOpenRouter, path: str, **options: Any) -> httpx.Response:
    return await call(server, "GET", path, **options)


async def chat(server: FakeOpenRouter, model: str, *, stream: bool = False) -> dict[str, Any]:
    """A chat answer from ``model``: its JSON body, or the usage chunk and id of a stream."""
    body = {"model": model, "messages": QUESTION, "stream": stream}
    response = await call(server, "POST", "/chat/completions", json=body)
    assert 200 == response.status_code, response.text
    if not stream:
        answer: dict[str, Any] = response.json()
        return answer
    last = [line for line in response.text.splitlines() if line.startswith("data: {")][-1]
    return {
        "id": response.headers["x-generation-id"],
        **httpx.Response(200, content=last[6:]).json(),
    }


def conforms(spec: dict[str, Any], path: str, method: str, response: httpx.Response) -> None:
    """The body matches the spec's schema for this operation and status."""
    schema = response_schema(spec, path, method, response.status_code)
    assert [] == problems(spec, schema, response.json())


def ids(response: httpx.Response) -> list[str]:
    return [model["id"] for model in response.json()["data"]]


# Every operation: (spec path, method, request path, key, body, the SDK's response model).
OPERATIONS = [
    ("/models", "get", "/models", None, None, models.ModelsListResponse),
    (
        "/models",
        "get",
        "/models?output_modalities=all&limit=3",
        None,
        None,
        models.ModelsListResponse,
    ),
    ("/models/count", "get", "/models/count", None, None, models.ModelsCountResponse),
    ("/models/user", "get", "/models/user", DEFAULT_API_KEY, None, models.ModelsListResponse),
    (
        "/model/{author}/{slug}",
        "get",
        "/model/anthropic/claude-sonnet-4",
        None,
        None,
        models.ModelResponse,
    ),
    (
        "/models/{author}/{slug}/endpoints",
        "get",
        "/models/openai/gpt-4o/endpoints",
        None,
        None,
        models.ListEndpointsEnvelope,
    ),
    ("/providers", "get", "/providers", None, None, models.ListProvidersResponse),
    (
        "/generation",
        "get",
        f"/generation?id={DEFAULT_ID}",
        DEFAULT_API_KEY,
        None,
        models.GenerationResponse,
    ),
    ("/credits", "get", "/credits", DEFAULT_MANAGEMENT_KEY, None, models.GetCreditsResponse),
    ("/key", "get", "/key", DEFAULT_API_KEY, None, models.GetCurrentKeyResponse),
    (
        "/embeddings",
        "post",
        "/embeddings",
        DEFAULT_API_KEY,
        {"model": EMBEDDER, "input": "hi"},
        models.CreateEmbeddingsResponse,
    ),
    ("/embeddings/models", "get", "/embeddings/models", None, None, models.ModelsListResponse),
]


@SYNC
@pytest.mark.parametrize("operation", OPERATIONS, ids=[o[2] for o in OPERATIONS])
async def test_every_operation_answers_in_its_spec_shape(
    shared: FakeOpenRouter, spec: dict[str, Any], sync: bool, operation: tuple[Any, ...]
) -> None:
    """Each operation answers 200 with a body that has exactly the spec's shape, and the
    SDK's model of that response decodes it losslessly."""
    spec_path, method, path, key, body, model = operation
    response = await call(shared, method.upper(), path, sync=sync, key=key, json=body)
    decoded = from_json(response.content, model).unwrap()

    assert 200 == response.status_code, response.text
    assert response.headers["content-type"] == "application/json"
    conforms(spec, spec_path, method, response)
    assert canonical(without_nulls(response.json())) == canonical(to_builtins(decoded).unwrap())


ERRORS = [
    ("/model/{author}/{slug}", "get", "/model/nobody/nothing", DEFAULT_API_KEY, 404),
    ("/models/{author}/{slug}/endpoints", "get", "/models/no/such/endpoints", None, 404),
    ("/models", "get", "/models?limit=0", None, 400),
    ("/models/user", "get", "/models/user", None, 401),
    ("/generation", "get", "/generation?id=gen-unknown", DEFAULT_API_KEY, 404),
    ("/generation", "get", f"/generation?id={DEFAULT_ID}", "sk-or-v1-wrong", 401),
    ("/credits", "get", "/credits", DEFAULT_API_KEY, 403),
    ("/credits", "get", "/credits", None, 401),
    ("/key", "get", "/key", None, 401),
    ("/embeddings", "post", "/embeddings", DEFAULT_API_KEY, 400),
]


@pytest.mark.parametrize("case", ERRORS, ids=[f"{e[2]}-{e[4]}" for e in ERRORS])
async def test_errors_use_the_declared_status_and_envelope(
    shared: FakeOpenRouter, spec: dict[str, Any], case: tuple[Any, ...]
) -> None:
    """Refusals come with a status the operation declares and the real error envelope."""
    spec_path, method, path, key, status = case
    body = {"model": EMBEDDER} if method == "post" else None
    response = await call(shared, method.upper(), path, key=key, json=body)

    assert status == response.status_code
    assert status == response.json()["error"]["code"]
    conforms(spec, spec_path, method, response)


def test_the_schema_check_can_fail(spec: dict[str, Any]) -> None:
    """The oracle above rejects a missing required field, a wrong type and an invented key."""
    schema = response_schema(spec, "/key", "get", 200)
    good = {"data": {"label": "k", "limit": None, "usage": 1.0}}
    found = problems(spec, schema, {"data": {**good["data"], "usage": "1", "surprise": 1}})

    assert any("required 'usage_daily' is missing" in item for item in found)
    assert any("$.data.usage" in item and "not number" in item for item in found)
    assert any("'surprise' is not in the spec" in item for item in found)


# --- the catalogue ---------------------------------------------------------------------


@SYNC
async def test_models_lists_the_text_models_by_default(shared: FakeOpenRouter, sync: bool) -> None:
    """Without filters ``/models`` is every text model, whole, in the ``data`` wrapper."""
    response = await get(shared, "/models", sync=sync)
    body = response.json()

    assert CHAT_MODELS == ids(response)
    assert (len(CHAT_MODELS), {"next": None}) == (body["total_count"], body["links"])


async def test_each_chat_answer_comes_from_a_listed_model_at_its_price(
    server: FakeOpenRouter,
) -> None:
    """A chat answer names a catalogue model and the provider of its first endpoint, and its
    cost is its tokens at the model's listed prices."""
    listed = {m["id"]: m for m in (await get(server, "/models")).json()["data"]}
    for model_id in CHAT_MODELS:
        answer = await chat(server, model_id)
        endpoints = (await get(server, f"/models/{model_id}/endpoints")).json()["data"]
        pricing = listed[model_id]["pricing"]
        usage = answer["usage"]
        expected = usage["prompt_tokens"] * float(pricing["prompt"]) + usage[
            "completion_tokens"
        ] * float(pricing["completion"])

        assert answer["model"] in listed
        assert [e["provider_name"] for e in endpoints["endpoints"]][:1] in (
            [answer["provider"]],
            [],
        )
        assert math.isclose(expected, usage["cost"], rel_tol=1e-9)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "supported_parameters=tools",
            ["openai/gpt-4o-mini", "openai/gpt-4o", "anthropic/claude-sonnet-4", "openrouter/auto"],
        ),
        ("supported_parameters=tools,reasoning", ["anthropic/claude-sonnet-4"]),
        (
            "supported_parameters=structured_outputs&model_authors=openai",
            ["openai/gpt-4o-mini", "openai/gpt-4o"],
        ),
        ("category=roleplay", ["meta-llama/llama-3.1-8b-instruct"]),
        ("output_modalities=embeddings", EMBEDDING_MODELS),
        ("output_modalities=all", [m.id for m in MODELS]),
        ("output_modalities=text,embeddings", [m.id for m in MODELS]),
        (
            "input_modalities=text,image",
            ["openai/gpt-4o-mini", "openai/gpt-4o", "anthropic/claude-sonnet-4", "openrouter/auto"],
        ),
        ("q=CLAUDE", ["anthropic/claude-sonnet-4"]),
        ("context=150000", ["anthropic/claude-sonnet-4", "openrouter/auto"]),
        ("output_modalities=all&max_price=0.05", ["openai/text-embedding-3-small"]),
        ("output_modalities=all&min_output_price=0.5", CHAT_MODELS),
        ("providers=deepinfra", ["meta-llama/llama-3.1-8b-instruct"]),
        ("arch=claude", ["anthropic/claude-sonnet-4"]),
        ("sort=context-high-to-low&limit=2", ["openrouter/auto", "anthropic/claude-sonnet-4"]),
        ("sort=newest&q=openai", ["openai/gpt-4o-mini", "openai/gpt-4o"]),
        ("zdr=true&region=eu", CHAT_MODELS),  # accepted, ignored: the fake has no such data
    ],
)
async def test_models_filters(shared: FakeOpenRouter, query: str, expected: list[str]) -> None:
    """The spec's filters narrow (or order) the list; several filters all apply."""
    response = await get(shared, f"/models?{query}")

    assert 200 == response.status_code, response.text
    assert expected == ids(response)


@pytest.mark.parametrize("modalities", ["text", "embeddings", "all", "image"])
async def test_count_agrees_with_the_list(shared: FakeOpenRouter, modalities: str) -> None:
    """``/models/count`` counts what ``/models`` lists for the same ``output_modalities``."""
    listed = (await get(shared, f"/models?output_modalities={modalities}")).json()
    counted = (await get(shared, f"/models/count?output_modalities={modalities}")).json()

    assert listed["total_count"] == len(listed["data"]) == counted["data"]["count"]


@SYNC
async def test_pages_follow_links_next_to_the_whole_list(
    shared: FakeOpenRouter, sync: bool
) -> None:
    """``offset``/``limit`` pages joined by ``links.next`` give the whole list, once each."""
    seen: list[str] = []
    path: str | None = "/models?output_modalities=all&limit=3"
    while path is not None:
        body = (await get(shared, path.removeprefix("/api/v1"), sync=sync)).json()
        assert len(MODELS) == body["total_count"]
        seen += [model["id"] for model in body["data"]]
        path = body["links"]["next"]

    assert [m.id for m in MODELS] == seen
    past_the_end = (await get(shared, "/models?offset=50")).json()
    assert ([], len(CHAT_MODELS)) == (past_the_end["data"], past_the_end["total_count"])


@pytest.mark.parametrize(
    "query",
    [
        "limit=0",
        "limit=1001",
        "limit=ten",
        "offset=-1",
        "category=poetry",
        "output_modalities=smell",
        "input_modalities=mind",
        "sort=random",
        "context=0",
        "max_price=cheap",
    ],
)
async def test_malformed_queries_answer_400_naming_the_parameter(
    shared: FakeOpenRouter, query: str
) -> None:
    """A value the real API would refuse is a 400 whose message names the parameter."""
    response = await get(shared, f"/models?{query}")

    assert 400 == response.status_code
    assert query.partition("=")[0] in response.json()["error"]["message"]


@pytest.mark.parametrize("sort", ["pricing-low-to-high", "pricing-high-to-low"])
async def test_price_sorts_order_by_mean_price(shared: FakeOpenRouter, sort: str) -> None:
    """The pricing sorts order by the mean of prompt and completion price."""
    data = (await get(shared, f"/models?output_modalities=all&sort={sort}")).json()["data"]
    means = [(float(m["pricing"]["prompt"]) + float(m["pricing"]["completion"])) / 2 for m in data]

    assert sorted(means, reverse=sort.endswith("high-to-low")) == means


async def test_one_model_is_its_list_entry_and_variants_resolve(shared: FakeOpenRouter) -> None:
    """``/model/{author}/{slug}`` answers the same object the list holds, ``:free`` included."""
    listed = {m["id"]: m for m in (await get(shared, "/models")).json()["data"]}
    one = (await get(shared, "/model/openai/gpt-4o")).json()["data"]
    variant = (await get(shared, "/model/openai/gpt-4o:free")).json()["data"]
    encoded = (await get(shared, "/model/openai/gpt-4o%3Afree")).json()["data"]

    assert listed["openai/gpt-4o"] == one == variant == encoded


async def test_endpoints_agree_with_the_model_and_the_providers(shared: FakeOpenRouter) -> None:
    """Each endpoint carries its model's pricing and context, from a provider ``/providers``
    lists."""
    providers = {p["name"] for p in (await get(shared, "/providers")).json()["data"]}
    for model in (await get(shared, "/models?output_modalities=all")).json()["data"]:
        data = (await get(shared, model["links"]["details"].removeprefix("/api/v1"))).json()
        endpoints = data["data"]["endpoints"]
        assert model["id"] == data["data"]["id"]
        assert all(e["pricing"]["prompt"] == model["pricing"]["prompt"] for e in endpoints)
        assert all(e["context_length"] == model["context_length"] for e in endpoints)
        assert {e["provider_name"] for e in endpoints} <= providers


@SYNC
async def test_embedding_models_are_listed_apart(shared: FakeOpenRouter, sync: bool) -> None:
    """``/embeddings/models`` lists exactly the models ``output_modalities=embeddings`` does."""
    response = await get(shared, "/embeddings/models", sync=sync)

    assert EMBEDDING_MODELS == ids(response)
    assert [EMBEDDING_MODELS[1]] == ids(await get(shared, "/embeddings/models?offset=1&limit=1"))


# --- generations, key and credits ------------------------------------------------------


@SYNC
@pytest.mark.parametrize("stream", [False, True], ids=["complete", "stream"])
async def test_generation_is_404_until_its_stats_are_ready(
    server: FakeOpenRouter, spec: dict[str, Any], sync: bool, stream: bool
) -> None:
    """Right after an answer ``/generation`` says 404; once ready, its stats match the answer."""
    server.generation_delay = 60.0
    answer = await chat(server, "anthropic/claude-sonnet-4", stream=stream)
    path = f"/generation?id={answer['id']}"

    pending = await get(server, path, sync=sync)
    server.generation_delay = 0.0
    ready = await get(server, path, sync=sync)
    stats = ready.json()["data"]

    assert (404, 404) == (pending.status_code, pending.json()["error"]["code"])
    conforms(spec, "/generation", "get", pending)
    conforms(spec, "/generation", "get", ready)
    assert {
        "id": answer["id"],
        "model": "anthropic/claude-sonnet-4",
        "provider_name": "Anthropic",
        "streamed": stream,
        "finish_reason": "stop",
        "tokens_prompt": answer["usage"]["prompt_tokens"],
        "tokens_completion": answer["usage"]["completion_tokens"],
        "total_cost": answer["usage"]["cost"],
        "api_type": "completions",
    } == {
        key: stats[key]
        for key in (
            "id",
            "model",
            "provider_name",
            "streamed",
            "finish_reason",
            "tokens_prompt",
            "tokens_completion",
            "total_cost",
            "api_type",
        )
    }


async def test_generation_delay_passes_on_its_own(server: FakeOpenRouter) -> None:
    """With a short delay the same id turns from 404 to 200 without anyone resetting it."""
    server.generation_delay = 0.05
    answer = await chat(server, "openai/gpt-4o")
    statuses: list[int] = []
    with anyio.fail_after(10):
        while not statuses or statuses[-1] == 404:
            statuses.append((await get(server, f"/generation?id={answer['id']}")).status_code)
            await anyio.sleep(0.02)

    assert 200 == statuses[-1]
    assert set(statuses) <= {404, 200}


async def test_the_default_generation_is_known_at_once(server: FakeOpenRouter) -> None:
    """``chat_result()``'s id is known from the start, with that answer's usage."""
    stats = (await get(server, f"/generation?id={DEFAULT_ID}")).json()["data"]
    usage = chat_result()["usage"]

    assert (usage["cost"], usage["completion_tokens"]) == (
        stats["total_cost"],
        stats["tokens_completion"],
    )


async def test_generation_needs_an_id(server: FakeOpenRouter) -> None:
    response = await get(server, "/generation")

    assert 400 == response.status_code
    assert "id" in response.json()["error"]["message"]


@SYNC
async def test_key_usage_grows_with_the_answers(server: FakeOpenRouter, sync: bool) -> None:
    """``/key`` usage is the sum of what chat and embeddings answers cost, under the limit."""
    before = (await get(server, "/key", sync=sync)).json()["data"]
    costs = [(await chat(server, model))["usage"]["cost"] for model in CHAT_MODELS[:2]]
    embedded = await call(server, "POST", "/embeddings", json={"model": EMBEDDER, "input": "a b"})
    costs.append(embedded.json()["usage"]["cost"])
    after = (await get(server, "/key", sync=sync)).json()["data"]

    assert (0.0, 10.0, 10.0) == (before["usage"], before["limit"], before["limit_remaining"])
    assert math.isclose(sum(costs), after["usage"], rel_tol=1e-9)
    assert after["usage"] == after["usage_daily"] == after["usage_monthly"]
    assert math.isclose(10.0 - sum(costs), after["limit_remaining"], rel_tol=1e-9)
    assert not after["is_management_key"]


async def test_unlimited_key_has_no_limit() -> None:
    with FakeOpenRouter(key_limit=None) as fake:
        data = (await get(fake, "/key")).json()["data"]

    assert (None, None) == (data["limit"], data["limit_remaining"])


async def test_credits_need_the_management_key(server: FakeOpenRouter) -> None:
    """``/credits`` answers the management key with the account's totals, refuses the API
    key (403) and no key (401); the management key cannot chat."""
    cost = (await chat(server, "openai/gpt-4o"))["usage"]["cost"]
    management = await get(server, "/credits", key=DEFAULT_MANAGEMENT_KEY)
    as_key = await get(server, "/key", key=DEFAULT_MANAGEMENT_KEY)
    chat_refused = await call(
        server, "POST", "/chat/completions", key=DEFAULT_MANAGEMENT_KEY, json={"messages": QUESTION}
    )

    assert {"total_credits": 100.0, "total_usage": cost} == management.json()["data"]
    assert 403 == (await get(server, "/credits")).status_code
    assert 401 == (await get(server, "/credits", key=None)).status_code
    assert True is as_key.json()["data"]["is_management_key"]
    assert 401 == chat_refused.status_code


async def test_reset_forgets_generations_and_usage(server: FakeOpenRouter) -> None:
    server.generation_delay = 0.0
    answer = await chat(server, "openai/gpt-4o")
    server.reset()

    assert 404 == (await get(server, f"/generation?id={answer['id']}")).status_code
    assert 200 == (await get(server, f"/generation?id={DEFAULT_ID}")).status_code
    assert 0.0 == (await get(server, "/key")).json()["data"]["usage"]


# --- embeddings ------------------------------------------------------------------------


async def embed(server: FakeOpenRouter, sync: bool = True, **fields: Any) -> httpx.Response:
    body = {"model": EMBEDDER, **fields}
    return await call(server, "POST", "/embeddings", sync=sync, json=body)


def vectors(response: httpx.Response) -> list[list[float]]:
    assert 200 == response.status_code, response.text
    return [item["embedding"] for item in response.json()["data"]]


@SYNC
async def test_embeddings_are_deterministic_unit_vectors(
    server: FakeOpenRouter, sync: bool
) -> None:
    """The same input gives the same vector (on another server too); others differ."""
    first = vectors(await embed(server, sync, input=["cat", "dog"]))
    with FakeOpenRouter() as other:
        again = vectors(await embed(other, sync, input="cat"))

    assert first[0] == again[0]
    assert first[0] != first[1]
    assert [1536, 1536] == [len(vector) for vector in first]
    assert all(math.isclose(1.0, math.hypot(*vector), rel_tol=1e-6) for vector in first)


@pytest.mark.parametrize(
    ("given", "count"),
    [
        ("one text", 1),
        (["a", "b", "c"], 3),
        ([101, 2023, 102], 1),
        ([[101, 2023], [7]], 2),
        (
            [
                {
                    "content": [
                        {"type": "text", "text": "a cat"},
                        {"type": "image_url", "image_url": {"url": "https://x.test/c.png"}},
                    ]
                }
            ],
            1,
        ),
    ],
    ids=["string", "strings", "tokens", "token-lists", "multimodal"],
)
async def test_every_input_form_gets_one_vector_per_input(
    shared: FakeOpenRouter, spec: dict[str, Any], given: Any, count: int
) -> None:
    response = await embed(shared, input=given, dimensions=16)

    assert list(range(count)) == [item["index"] for item in response.json()["data"]]
    assert all(len(vector) == 16 for vector in vectors(response))
    conforms(spec, "/embeddings", "post", response)


async def test_base64_is_the_float_vector_as_float32(shared: FakeOpenRouter) -> None:
    floats = vectors(await embed(shared, input="hello", dimensions=8))[0]
    encoded = (await embed(shared, input="hello", dimensions=8, encoding_format="base64")).json()
    decoded = struct.unpack("<8f", base64.b64decode(encoded["data"][0]["embedding"]))

    assert all(math.isclose(a, b, rel_tol=1e-6) for a, b in zip(floats, decoded, strict=True))


async def test_fewer_dimensions_are_the_full_vector_shortened(shared: FakeOpenRouter) -> None:
    """As with OpenAI's models, ``dimensions`` keeps the prefix of the vector, renormalised."""
    full = vectors(await embed(shared, input="hello"))[0]
    short = vectors(await embed(shared, input="hello", dimensions=4))[0]
    scale = math.hypot(*full[:4])

    assert all(math.isclose(a / scale, b, rel_tol=1e-5) for a, b in zip(full, short, strict=False))


@pytest.mark.parametrize(
    ("fields", "status", "says"),
    [
        ({"input": ""}, 400, "$.input"),
        ({"input": ["a", 1]}, 400, "$.input"),
        ({}, 400, "$.input"),
        ({"input": "a", "model": None}, 400, "$.model"),
        ({"input": "a", "model": "openai/gpt-4o"}, 400, "not an embedding model"),
        ({"input": "a", "model": "nobody/nothing"}, 404, "not found"),
        ({"input": "a", "dimensions": 5000}, 400, "$.dimensions"),
        ({"input": "a", "encoding_format": "hex"}, 400, "$.encoding_format"),
    ],
)
async def test_bad_embedding_requests_are_refused(
    shared: FakeOpenRouter, fields: dict[str, Any], status: int, says: str
) -> None:
    response = await embed(shared, **fields)

    assert status == response.status_code
    assert says in response.json()["error"]["message"]


async def test_embeddings_are_generations_too(server: FakeOpenRouter) -> None:
    """An embeddings answer names its generation, which ``/generation`` then describes."""
    server.generation_delay = 0.0
    response = await embed(server, input="hello world")
    stats = (await get(server, f"/generation?id={response.headers['x-generation-id']}")).json()

    assert response.json()["id"] == response.headers["x-generation-id"]
    assert ("embeddings", EMBEDDER, response.json()["usage"]["cost"]) == (
        stats["data"]["api_type"],
        stats["data"]["model"],
        stats["data"]["total_cost"],
    )


# --- routing, keys and faults ----------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "status", "allow"),
    [
        ("POST", "/models", 405, "GET"),
        ("GET", "/embeddings", 405, "POST"),
        ("DELETE", "/key", 405, "GET"),
        ("GET", "/model/openai", 404, None),
        ("GET", "/models/openai/gpt-4o/endpoints/extra", 404, None),
        ("GET", "/nothing", 404, None),
    ],
)
async def test_routing_answers_404_and_405(
    shared: FakeOpenRouter, method: str, path: str, status: int, allow: str | None
) -> None:
    response = await call(shared, method, path)

    assert (status, status) == (response.status_code, response.json()["error"]["code"])
    assert allow == response.headers.get("allow")


async def test_the_catalogue_is_public_and_the_account_is_not(shared: FakeOpenRouter) -> None:
    """As on the real API, the catalogue answers without a key; account routes need one."""
    public = [
        "/models",
        "/models/count",
        "/model/openai/gpt-4o",
        "/providers",
        "/embeddings/models",
    ]
    private = ["/models/user", "/generation?id=x", "/key", "/credits"]

    assert {200} == {(await get(shared, path, key=None)).status_code for path in public}
    assert {401} == {(await get(shared, path, key=None)).status_code for path in private}


@SYNC
@pytest.mark.parametrize("path", ["/models", "/key", f"/generation?id={DEFAULT_ID}"])
async def test_status_faults_apply_to_operations(
    server: FakeOpenRouter, sync: bool, path: str
) -> None:
    """``X-Fake-Fault: error-503`` fails any route with the envelope and Retry-After."""
    response = await get(server, path, sync=sync, headers={"X-Fake-Fault": "error-503"})

    assert (503, "1") == (response.status_code, response.headers["retry-after"])
    assert 503 == response.json()["error"]["code"]


async def test_flaky_fault_fails_then_answers_an_operation(server: FakeOpenRouter) -> None:
    headers = {"X-Fake-Fault": "flaky-500-1"}
    statuses = [(await get(server, "/providers", headers=headers)).status_code for _ in range(2)]

    assert [500, 200] == statuses


@pytest.mark.parametrize(
    ("fault", "check"),
    [
        ("truncate", lambda r: r.status_code == 200 and not _parses(r)),
        ("html-502", lambda r: r.status_code == 502 and "text/html" in r.headers["content-type"]),
        ("non-json-200", lambda r: r.status_code == 200 and not _parses(r)),
        ("error-in-body", lambda r: r.status_code == 200 and r.json()["error"]["code"] == 502),
        ("mid-stream-error", lambda r: r.status_code == 200 and "error" in r.json()),
        ("slow-0.01", lambda r: r.status_code == 200 and r.json()["data"]["usage"] == 0.0),
        ("no-such-fault", lambda r: r.status_code == 400),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
async def test_body_faults_apply_to_operations(
    server: FakeOpenRouter, fault: str, check: Any
) -> None:
    response = await get(server, "/key", headers={"X-Fake-Fault": fault})

    assert check(response), response.text


def _parses(response: httpx.Response) -> bool:
    try:
        response.json()
    except ValueError:
        return False
    return True


async def test_reset_faults_drop_the_connection(server: FakeOpenRouter) -> None:
    for fault in ("reset-before-status", "reset-mid-body"):
        with pytest.raises(httpx.TransportError):
            await get(server, "/models", headers={"X-Fake-Fault": fault})


async def test_a_fault_model_fails_embeddings(server: FakeOpenRouter) -> None:
    """As for chat, ``fake/<fault>`` as the embeddings model asks for that fault."""
    response = await call(
        server, "POST", "/embeddings", json={"model": "fake/error-429", "input": "a"}
    )

    assert (429, 429) == (response.status_code, response.json()["error"]["code"])
    assert 0.0 == (await get(server, "/key")).json()["data"]["usage"]  # nothing billed
