"""The eleven operations around chat: every function and twin, on the wire and over sockets.

Each operation answers its spec's own 200 example; its request is checked for method,
path, query encoding and headers (the attribution headers match what the TypeScript SDK
sends for chat); its declared error statuses keep their class and the others become
``OpenRouterDefaultError``; path values that would change the path are refused before
anything is sent; ``generations_get_generation(ready_timeout=...)`` polls a real server.
"""

import asyncio
import importlib
import json
import threading
import time
import typing
from collections.abc import Callable, Coroutine
from typing import Any

import attrs
import httpx
import pytest
from pytest_httpx import HTTPXMock
from returns.result import Failure, Success

from openrouter_core import (
    NO_RETRIES,
    BackoffStrategy,
    Hooks,
    OpenRouter,
    OpenRouterCore,
    RequestOptions,
    RetryConfig,
)
from openrouter_core import funcs as f
from openrouter_core._converter import from_builtins, to_builtins
from openrouter_core.errors import (
    ChatStreamError,
    ConnectionFailedError,
    InternalServerResponseError,
    NotFoundResponseError,
    OpenRouterDefaultError,
    OperationError,
    SDKValidationError,
    StreamTruncatedError,
    UnexpectedClientError,
)
from openrouter_core.models import ChatRequest, ChatUserMessage, CreateEmbeddingsRequest

from .rawserver import Conn, RawServer
from .spec_support import OPS_SPEC_PATH, canonical, without_nulls
from .status_table import DOCUMENTED_STATUS_ERRORS as STATUS_ERRORS
from .support import BASE_URL, MODES, SHARED, Mode, run_async

OPS_SPEC: dict[str, Any] = (
    json.loads(OPS_SPEC_PATH.read_text(encoding="utf-8")) if OPS_SPEC_PATH.exists() else {}
)
needs_spec = pytest.mark.skipif(not OPS_SPEC, reason=f"the ops spec is not at {OPS_SPEC_PATH}")
EMBEDDINGS_REQUEST = {
    "dimensions": 1536,
    "input": "The quick brown fox jumps over the lazy dog",
    "model": "openai/text-embedding-3-small",
}


@attrs.frozen
class Op:
    """One operation as a test drives it."""

    name: str
    method: str
    spec_path: str
    url_path: str
    """The path the call must ask for, under ``/api/v1``."""
    kwargs: dict[str, Any]
    group: str
    member: str
    query: str = ""
    body: bool = False

    @property
    def sync(self) -> Callable[..., Any]:
        func: Callable[..., Any] = getattr(f, self.name)
        return func

    @property
    def twin(self) -> Callable[..., Coroutine[Any, Any, Any]]:
        func: Callable[..., Coroutine[Any, Any, Any]] = getattr(f, self.name + "_async")
        return func

    def args(self) -> list[Any]:
        if not self.body:
            return []
        return [from_builtins(EMBEDDINGS_REQUEST, CreateEmbeddingsRequest).unwrap()]

    def call(self, mode: Mode, core: OpenRouterCore, **extra: Any) -> Any:
        kwargs = {**self.kwargs, **extra}
        if mode == "sync":
            return self.sync(core, *self.args(), **kwargs)
        return run_async(core, lambda: self.twin(core, *self.args(), **kwargs))

    def spec_operation(self) -> dict[str, Any]:
        operation: dict[str, Any] = OPS_SPEC["paths"][self.spec_path][self.method.lower()]
        return operation

    def example(self) -> Any:
        media = self.spec_operation()["responses"]["200"]["content"]["application/json"]
        return media.get("example", media.get("schema", {}).get("example"))

    def declared(self) -> set[int]:
        return {int(s) for s in self.spec_operation()["responses"] if s != "200"}


OPS = [
    Op(
        "models_list",
        "GET",
        "/models",
        "/models",
        {"supported_parameters": "tools,response_format", "max_price": 1.5, "zdr": True},
        "models",
        "list",
        query="supported_parameters=tools%2Cresponse_format&max_price=1.5&zdr=true",
    ),
    Op(
        "models_count",
        "GET",
        "/models/count",
        "/models/count",
        {"output_modalities": "text,image"},
        "models",
        "count",
        query="output_modalities=text%2Cimage",
    ),
    Op(
        "models_get",
        "GET",
        "/model/{author}/{slug}",
        "/model/openai/gpt-4o:free",
        {"author": "openai", "slug": "gpt-4o:free"},
        "models",
        "get",
    ),
    Op(
        "models_list_for_user",
        "GET",
        "/models/user",
        "/models/user",
        {"offset": 0, "limit": 10},
        "models",
        "list_for_user",
        query="offset=0&limit=10",
    ),
    Op(
        "endpoints_list",
        "GET",
        "/models/{author}/{slug}/endpoints",
        "/models/meta-llama/llama%203.1/endpoints",
        {"author": "meta-llama", "slug": "llama 3.1"},
        "endpoints",
        "list",
    ),
    Op("providers_list", "GET", "/providers", "/providers", {}, "providers", "list"),
    Op(
        "generations_get_generation",
        "GET",
        "/generation",
        "/generation",
        {"id": "gen-1234567890"},
        "generations",
        "get_generation",
        query="id=gen-1234567890",
    ),
    Op("credits_get_credits", "GET", "/credits", "/credits", {}, "credits", "get_credits"),
    Op(
        "api_keys_get_current_key_metadata",
        "GET",
        "/key",
        "/key",
        {},
        "api_keys",
        "get_current_key_metadata",
    ),
    Op(
        "embeddings_generate",
        "POST",
        "/embeddings",
        "/embeddings",
        {},
        "embeddings",
        "generate",
        body=True,
    ),
    Op(
        "embeddings_list_models",
        "GET",
        "/embeddings/models",
        "/embeddings/models",
        {"limit": 5},
        "embeddings",
        "list_models",
        query="limit=5",
    ),
]
CASES = [pytest.param(op, mode, id=f"{op.name}-{mode}") for op in OPS for mode in MODES]


def _core(**options: Any) -> OpenRouterCore:
    options.setdefault("api_key", "sk-or-test")
    options.setdefault("server_url", BASE_URL)
    options.setdefault("retry_config", NO_RETRIES)
    options.setdefault("http_referer", "https://example.app")
    options.setdefault("app_title", "Example App")
    options.setdefault("app_categories", "programming-app,general-chat")
    return OpenRouterCore(**options)


def _chat_fixture_headers() -> dict[str, str]:
    """The headers the TypeScript SDK sent for a plain chat call with the same core options."""
    path = SHARED / "fixtures" / "ts-sdk-wire" / "requests.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    for line in path.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if case["case"] == "minimal_system_user":
            return {k.lower(): v for k, v in case["headers"]}
    raise AssertionError("the fixture has no minimal_system_user case")


def test_every_spec_operation_has_a_function() -> None:
    """The eleven operations of the ops spec are the eleven functions, each with a twin."""
    if not OPS_SPEC:
        pytest.skip(f"the ops spec is not at {OPS_SPEC_PATH}")
    in_spec = {(path, m.upper()) for path, item in OPS_SPEC["paths"].items() for m in item}
    assert in_spec == {(op.spec_path, op.method) for op in OPS}
    for op in OPS:
        assert asyncio.iscoroutinefunction(op.twin)
        assert op.name in dir(f) and op.name + "_async" in dir(f)


@needs_spec
@pytest.mark.parametrize("op", OPS, ids=lambda op: op.name)
def test_each_error_union_holds_exactly_the_declared_statuses(op: Op) -> None:
    """The static ...Error alias names the class of every status the spec declares for the
    operation, no other status class, and everything every operation can answer."""
    alias = getattr(f, "".join(part.capitalize() for part in op.name.split("_")) + "Error")
    members = set(typing.get_args(alias))
    statuses = {s for s, cls in STATUS_ERRORS.items() if cls in members}
    assert op.declared() == statuses
    assert set(typing.get_args(OperationError)) <= members
    module = importlib.import_module(f"openrouter_core.funcs._{op.name}")
    assert members == set(module.endpoint().errors)
    assert op.declared() == module.endpoint().statuses


@needs_spec
@pytest.mark.parametrize(("op", "mode"), CASES)
def test_each_operation_answers_its_spec_example(op: Op, mode: Mode, httpx_mock: HTTPXMock) -> None:
    """The spec's 200 example comes back as the operation's model, equal to a direct decode;
    the request has the operation's method, path, query and headers."""
    example = op.example()
    httpx_mock.add_response(json=example)

    result = op.call(mode, _core(http_client=httpx.Client(), async_http_client=httpx.AsyncClient()))

    assert isinstance(result, Success), result
    value = result.unwrap()
    assert canonical(without_nulls(example)) == canonical(to_builtins(value).unwrap())
    assert value == from_builtins(example, type(value)).unwrap()
    (request,) = httpx_mock.get_requests()
    assert op.method == request.method
    assert "/api/v1" + op.url_path == request.url.raw_path.decode().split("?")[0]
    assert op.query == request.url.query.decode()
    fixture = _chat_fixture_headers()
    for name in ("authorization", "http-referer", "x-openrouter-title", "x-openrouter-categories"):
        assert fixture[name] == request.headers[name], name
    assert "application/json" == request.headers["accept"]
    if op.body:
        assert "application/json" == request.headers["content-type"]
        assert EMBEDDINGS_REQUEST == json.loads(request.content)
    else:
        assert "content-type" not in request.headers
        assert b"" == request.content


@needs_spec
@pytest.mark.parametrize(("op", "mode"), CASES)
def test_declared_statuses_keep_their_class_and_others_are_default(
    op: Op, mode: Mode, httpx_mock: HTTPXMock
) -> None:
    """Each error status the spec declares for the operation maps to its own class, with the
    spec's example body read; every other status of the table becomes OpenRouterDefaultError."""
    core = _core(http_client=httpx.Client(), async_http_client=httpx.AsyncClient())
    for status, cls in STATUS_ERRORS.items():
        body = {"error": {"code": status, "message": f"status {status}"}}
        httpx_mock.add_response(status_code=status, json=body)
        error = op.call(mode, core).failure()
        expected = cls if status in op.declared() else OpenRouterDefaultError
        assert expected is type(error), status
        assert (status, f"status {status}") == (error.status_code, error.message)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", ["models_get", "endpoints_list"])
@pytest.mark.parametrize(
    ("author", "slug"),
    [
        ("..", "keys"),
        ("openai", "../../key"),
        (".", "x"),
        ("openai", "gpt-4o/../../credits"),
        ("openai", "gpt-4o?x=1"),
        ("openai", "gpt-4o#frag"),
        ("openai", "a\\b"),
        ("", "gpt-4o"),
    ],
)
def test_path_values_that_change_the_path_are_refused(
    name: str, author: str, slug: str, mode: Mode, httpx_mock: HTTPXMock
) -> None:
    """Nothing is sent; the Failure names the parameter."""
    op = next(o for o in OPS if o.name == name)
    core = _core(http_client=httpx.Client(), async_http_client=httpx.AsyncClient())

    error = op.call(mode, core, author=author, slug=slug).failure()

    assert isinstance(error, SDKValidationError)
    assert error.field in ("author", "slug")
    assert [] == httpx_mock.get_requests()


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("slug", "sent"),
    [
        ("gpt-4o:free", "gpt-4o:free"),
        ("a b", "a%20b"),
        ("100%", "100%25"),
        ("café", "caf%C3%A9"),
        ("x..y", "x..y"),
        ("@v+1", "@v+1"),
    ],
)
def test_path_values_are_percent_encoded_as_one_segment(
    slug: str, sent: str, mode: Mode, httpx_mock: HTTPXMock
) -> None:
    """A value is one path segment: reserved characters outside ``pchar`` are encoded."""
    httpx_mock.add_response(status_code=404, json={"error": {"code": 404, "message": "no"}})
    core = _core(http_client=httpx.Client(), async_http_client=httpx.AsyncClient())

    op = next(o for o in OPS if o.name == "models_get")
    op.call(mode, core, slug=slug)

    (request,) = httpx_mock.get_requests()
    assert f"/api/v1/model/openai/{sent}" == request.url.raw_path.decode()


@pytest.mark.parametrize("mode", MODES)
def test_query_values_are_encoded_and_none_is_left_out(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """Booleans are true/false, numbers as Python writes them, text percent-encoded, in the
    order of the spec's parameters; a base URL's own query string is kept."""
    httpx_mock.add_response(json={"data": []})
    core = _core(
        server_url=BASE_URL + "?tenant=a b",
        http_client=httpx.Client(),
        async_http_client=httpx.AsyncClient(),
    )
    kwargs: dict[str, Any] = {
        "offset": 0,
        "category": None,
        "q": "gpt 4 & co",
        "distillable": False,
        "min_price": 0.25,
        "context": 128000,
        "supported_parameters": "tools,structured_outputs",
    }
    if mode == "sync":
        f.models_list(core, **kwargs)
    else:
        run_async(core, lambda: f.models_list_async(core, **kwargs))

    (request,) = httpx_mock.get_requests()
    assert (
        "tenant=a+b&offset=0&supported_parameters=tools%2Cstructured_outputs"
        "&q=gpt+4+%26+co&context=128000&min_price=0.25&distillable=false"
    ) == request.url.query.decode()


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("value", [float("nan"), float("inf"), ["tools"], object()])
def test_query_values_that_cannot_be_sent_are_refused(
    value: Any, mode: Mode, httpx_mock: HTTPXMock
) -> None:
    """A value the query cannot carry is SDKValidationError, nothing sent."""
    core = _core(http_client=httpx.Client(), async_http_client=httpx.AsyncClient())
    op = next(o for o in OPS if o.name == "models_list")

    error = op.call(mode, core, max_price=value).failure()

    assert isinstance(error, SDKValidationError)
    assert "max_price" == error.field
    assert [] == httpx_mock.get_requests()


@pytest.mark.parametrize("mode", MODES)
def test_embeddings_refuses_a_body_of_the_wrong_type(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """A dict (or a chat request) is not a CreateEmbeddingsRequest: refused, nothing sent."""
    core = _core(http_client=httpx.Client(), async_http_client=httpx.AsyncClient())
    request: Any = dict(EMBEDDINGS_REQUEST)
    if mode == "sync":
        error = f.embeddings_generate(core, request).failure()
    else:
        error = run_async(core, lambda: f.embeddings_generate_async(core, request)).failure()

    assert isinstance(error, SDKValidationError)
    assert [] == httpx_mock.get_requests()


@pytest.mark.parametrize("mode", MODES)
def test_embeddings_input_shapes_round_trip_on_the_wire(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """Token ids stay integers, lists of lists stay lists, extra_body keys are merged."""
    httpx_mock.add_response(
        json={"object": "list", "model": "m", "data": [{"object": "embedding", "embedding": "AAA"}]}
    )
    core = _core(http_client=httpx.Client(), async_http_client=httpx.AsyncClient())
    # Token ids are ints, as a tokenizer gives them; a tuple is a sequence too.
    request = CreateEmbeddingsRequest(model="m", input=[(1, 2), [3]], encoding_format="base64")
    options = RequestOptions(extra_body={"input_type": "query"})
    if mode == "sync":
        result = f.embeddings_generate(core, request, options)
    else:
        result = run_async(core, lambda: f.embeddings_generate_async(core, request, options))

    assert "AAA" == result.unwrap().data[0].embedding
    (sent,) = httpx_mock.get_requests()
    assert b'{"input":[[1,2],[3]],"model":"m","encoding_format":"base64","input_type":"query"}' == (
        sent.content
    )


def test_gets_are_idempotent_and_posts_are_not() -> None:
    """The plan carries the flag the retry policy reads."""
    from openrouter_core._plan import CallPlan, plan_call
    from openrouter_core.funcs._chat_send import endpoint as chat_endpoint
    from openrouter_core.funcs._embeddings_generate import endpoint as embeddings_endpoint
    from openrouter_core.funcs._models_list import endpoint as models_endpoint

    core = _core()
    request = from_builtins(EMBEDDINGS_REQUEST, CreateEmbeddingsRequest).unwrap()
    get = plan_call(core, models_endpoint(), None)
    post = plan_call(core, embeddings_endpoint(), None, body=request)
    assert isinstance(get, CallPlan) and isinstance(post, CallPlan)
    assert (True, False) == (get.idempotent, post.idempotent)
    assert not chat_endpoint().idempotent


@pytest.mark.parametrize("mode", MODES)
def test_hooks_see_the_operations_name(mode: Mode, httpx_mock: HTTPXMock) -> None:
    """HookContext.operation is the function's name, for any operation."""
    httpx_mock.add_response(json={"data": {"count": 3}})
    seen: list[str] = []
    hooks = Hooks(before_request=[lambda context, request: seen.append(context.operation)])
    core = _core(hooks=hooks, http_client=httpx.Client(), async_http_client=httpx.AsyncClient())

    result = next(o for o in OPS if o.name == "models_count").call(mode, core)

    assert 3 == result.unwrap().data.count
    assert ["models_count"] == seen


# --- generations_get_generation(ready_timeout=...) over a real socket ----------------------


def _generation() -> dict[str, Any]:
    """The spec's example generation, with the id asked for."""
    op = next(o for o in OPS if o.name == "generations_get_generation")
    body: dict[str, Any] = json.loads(json.dumps(op.example()))
    body["data"]["id"] = "gen-1"
    return body


def _answer(conn: Conn, status: int, body: dict[str, Any]) -> None:
    data = json.dumps(body).encode()
    reason = {200: "OK", 404: "Not Found"}[status]
    conn.send(
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(data)}\r\n\r\n".encode()
        + data
    )


class NotReadyFor:
    """A server that answers /generation 404 for its first ``misses`` requests, then 200."""

    def __init__(self, misses: int) -> None:
        self.misses = misses
        self.requests: list[bytes] = []

    def __call__(self, conn: Conn) -> None:
        while True:
            try:
                request = conn.read_request()
            except (OSError, ConnectionError):
                return
            if not request:
                return
            self.requests.append(request)
            if len(self.requests) <= self.misses:
                _answer(conn, 404, {"error": {"code": 404, "message": "Generation not found"}})
            else:
                _answer(conn, 200, _generation())


def _get_generation(mode: Mode, core: OpenRouterCore, ready_timeout: float) -> Any:
    if mode == "sync":
        return f.generations_get_generation(core, id="gen-1", ready_timeout=ready_timeout)
    return run_async(
        core,
        lambda: f.generations_get_generation_async(core, id="gen-1", ready_timeout=ready_timeout),
    )


@needs_spec
@pytest.mark.parametrize("mode", MODES)
def test_ready_timeout_asks_again_while_404(mode: Mode) -> None:
    """Two 404s, then the stats: one call answers Success after three requests."""
    script = NotReadyFor(misses=2)
    with RawServer(script) as server:
        core = _core(server_url=server.base_url)
        result = _get_generation(mode, core, ready_timeout=30.0)
        core.close()

    assert "gen-1" == result.unwrap().data.id
    assert 3 == len(script.requests)
    assert all(r.startswith(b"GET /api/v1/generation?id=gen-1 HTTP/1.1") for r in script.requests)


@pytest.mark.parametrize("mode", MODES)
def test_ready_timeout_gives_up_with_the_404(mode: Mode) -> None:
    """Never ready: after about ready_timeout the 404 comes back as NotFoundResponseError."""
    script = NotReadyFor(misses=10**6)
    with RawServer(script) as server:
        core = _core(server_url=server.base_url)
        started = time.monotonic()
        result = _get_generation(mode, core, ready_timeout=0.6)
        elapsed = time.monotonic() - started
        core.close()

    error = result.failure()
    assert isinstance(error, NotFoundResponseError)
    assert "Generation not found" == error.message
    assert 2 <= len(script.requests) <= 5  # 0.25 s, then 0.35 s (what is left): 3 asks
    assert elapsed < 10  # generous: what is tested is that it stops


@pytest.mark.parametrize("mode", MODES)
def test_without_ready_timeout_a_404_is_answered_at_once(mode: Mode) -> None:
    """The default asks once."""
    script = NotReadyFor(misses=1)
    with RawServer(script) as server:
        core = _core(server_url=server.base_url)
        result = _get_generation(mode, core, ready_timeout=0.0)
        core.close()

    assert isinstance(result.failure(), NotFoundResponseError)
    assert 1 == len(script.requests)


@pytest.mark.parametrize("mode", MODES)
def test_ready_timeout_never_waits_past_the_calls_deadline(mode: Mode) -> None:
    """With a deadline shorter than ready_timeout, polling stops at the deadline."""
    script = NotReadyFor(misses=10**6)
    with RawServer(script) as server:
        core = _core(server_url=server.base_url, deadline=0.5)
        started = time.monotonic()
        result = _get_generation(mode, core, ready_timeout=60.0)
        elapsed = time.monotonic() - started
        core.close()

    assert isinstance(result, Failure)
    assert elapsed < 10  # generous: what is tested is that it stops long before 60 s
    assert len(script.requests) <= 4


# --- the facade ---------------------------------------------------------------------------


@needs_spec
@pytest.mark.parametrize(("op", "mode"), CASES)
def test_the_facade_gives_what_the_function_gives(
    op: Op, mode: Mode, httpx_mock: HTTPXMock
) -> None:
    """client.<group>.<member>(...) returns the function's Success value, and raises the
    error the function returns (every operation declares 500)."""
    httpx_mock.add_response(json=op.example(), is_reusable=True)
    core = _core(http_client=httpx.Client(), async_http_client=httpx.AsyncClient())
    group = getattr(OpenRouter.from_core(core), op.group)
    if mode == "sync":
        value = getattr(group, op.member)(*op.args(), **op.kwargs)
    else:
        method = getattr(group, op.member + "_async")
        value = run_async(core, lambda: method(*op.args(), **op.kwargs))
    assert op.call(mode, core).unwrap() == value
    assert op.name in getattr(group, op.member).__doc__

    httpx_mock.reset()
    httpx_mock.add_response(status_code=500, json={"error": {"code": 500, "message": "down"}})
    with pytest.raises(InternalServerResponseError) as raised:
        if mode == "sync":
            getattr(group, op.member)(*op.args(), **op.kwargs)
        else:
            run_async(core, lambda: getattr(group, op.member + "_async")(*op.args(), **op.kwargs))
    assert "down" == raised.value.message


def test_facade_groups_have_the_typescript_names() -> None:
    """The group and method names are the TypeScript SDK's, each with an _async twin."""
    client = OpenRouter(api_key="sk-or-test")
    for op in OPS:
        group = getattr(client, op.group)
        assert getattr(group, op.member).__name__ == op.name
        assert getattr(group, op.member + "_async").__name__ == op.name + "_async"
    client.close()


def test_failures_are_returned_not_raised_for_a_closed_port() -> None:
    """A refused connection is a Failure value for every operation (sync and async)."""
    from .rawserver import refusing_url

    sock, url = refusing_url()
    try:
        for op in OPS:
            for mode in MODES:
                core = _core(server_url=url)
                assert isinstance(op.call(mode, core), Failure), op.name  # type: ignore[arg-type]
                core.close()
    finally:
        sock.close()


def test_spec_paths_are_what_the_functions_ask_for() -> None:
    """Each Endpoint's template and method are the spec's."""
    for op in OPS:
        endpoint = importlib.import_module(f"openrouter_core.funcs._{op.name}").endpoint()
        assert (op.spec_path, op.method) == (endpoint.path, endpoint.method)


@needs_spec
def test_models_list_enums_are_the_specs() -> None:
    """The open Literal types of category and sort list exactly the spec's values."""
    from openrouter_core.funcs._models_list import ModelCategory, ModelSort

    params = {p["name"]: p["schema"] for p in OPS[0].spec_operation()["parameters"]}
    for name, alias in (("category", ModelCategory), ("sort", ModelSort)):
        literal = next(a for a in typing.get_args(alias) if typing.get_origin(a) is typing.Literal)
        assert params[name]["enum"] == list(typing.get_args(literal))


# --- idempotent operations and the retry rule ---------------------------------------------

QUICK = RetryConfig(
    backoff=BackoffStrategy(initial_interval=0.02, max_interval=0.2, max_elapsed_time=5.0)
)


class ResetFirst:
    """Reads each request; resets the first connection after reading it, answers the rest."""

    def __init__(self, answer: dict[str, Any]) -> None:
        self.answer = answer
        self.requests: list[bytes] = []
        self.lock = threading.Lock()

    def __call__(self, conn: Conn) -> None:
        while True:
            request = conn.read_request()
            with self.lock:
                self.requests.append(request)
                first = len(self.requests) == 1
            if first:
                conn.reset()
                return
            _answer(conn, 200, self.answer)


@pytest.mark.parametrize("mode", MODES)
def test_a_get_lost_after_it_was_sent_is_asked_again(mode: Mode) -> None:
    """A GET is idempotent: the server read it and reset, so it is sent again."""
    script = ResetFirst({"data": {"count": 7}})
    with RawServer(script) as server:
        core = _core(server_url=server.base_url, retry_config=QUICK)
        result = next(o for o in OPS if o.name == "models_count").call(mode, core)
        core.close()

    assert 7 == result.unwrap().data.count
    assert 2 == len(script.requests)


@pytest.mark.parametrize("mode", MODES)
def test_an_embeddings_post_lost_after_it_was_sent_is_not_sent_twice(mode: Mode) -> None:
    """A POST may have been processed (and billed): one request, and the error says so."""
    script = ResetFirst({"object": "list", "model": "m", "data": []})
    with RawServer(script) as server:
        core = _core(server_url=server.base_url, retry_config=QUICK)
        result = next(o for o in OPS if o.name == "embeddings_generate").call(mode, core)
        core.close()

    error = result.failure()
    assert isinstance(error, ConnectionFailedError)
    assert (1, True) == (len(script.requests), error.may_have_been_processed)


# --- the typed outcome ----------------------------------------------------------------------


def test_an_error_outside_the_union_is_reported_not_raised() -> None:
    """narrow() never lets an undeclared error class through, and never raises for it."""
    from openrouter_core._operation import narrow
    from openrouter_core.funcs._models_count import endpoint

    stray = StreamTruncatedError(message="not an answer models_count can give")
    outcome = narrow(endpoint(), Failure(stray))

    error = outcome.failure()
    assert isinstance(error, UnexpectedClientError)
    assert error.cause is stray
    assert "StreamTruncatedError" in error.message


@pytest.mark.parametrize("mode", MODES)
def test_a_stream_that_ends_before_content_is_its_declared_failure(mode: Mode) -> None:
    """An event stream closed before any content, no retries: chat_stream's own Failure is
    StreamTruncatedError, a member of ChatStreamError (not UnexpectedClientError)."""
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: 0\r\n\r\n"

    def script(conn: Conn) -> None:
        conn.read_request()
        conn.send(head)

    with RawServer(script) as server:
        core = _core(server_url=server.base_url)
        request = ChatRequest(model="m", messages=[ChatUserMessage(content="hi")])
        if mode == "sync":
            result: Any = f.chat_stream(core, request)
        else:
            result = run_async(core, lambda: f.chat_stream_async(core, request))
        core.close()

    assert isinstance(result.failure(), StreamTruncatedError)
    assert StreamTruncatedError in typing.get_args(ChatStreamError)
