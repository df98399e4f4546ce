"""Pure: the fake server's routing table and its answers to every operation besides chat.

``route`` maps a method and a path to a ``Route`` (or to the 404/405 reply); ``authorize``
checks the bearer token the way the real API does; ``answer_operation`` builds each
operation's reply from the catalogue, the embeddings and the ledger. The server module does
the I/O and applies the fault catalogue on top; chat keeps its own handler there.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal
from urllib.parse import parse_qsl, unquote, urlsplit

import attrs

from ._catalogue import (
    MODELS,
    PROVIDERS,
    CatalogueModel,
    endpoints_payload,
    find_model,
    model_payload,
    provider_payload,
)
from ._embeddings import EmbeddingRequestError, embeddings
from ._ledger import Generation, Ledger, credits_payload, generation_payload, key_payload
from ._listing import QueryArgs, QueryError, output_filter, page, select
from ._payloads import JSONDict, error_envelope

API_ROOT = "/api/v1"
CHAT = "chat"


@attrs.frozen
class Route:
    """One operation: its method, path pattern (under ``/api/v1``) and whether it needs a key.

    ``key`` is ``"api"`` (the server's API key), ``"any"`` (the API key or the management
    key) or ``None`` (public: no key needed, as the catalogue endpoints are).
    """

    method: str
    pattern: str
    name: str
    key: Literal["api", "any"] | None = "api"

    def match(self, path: str) -> dict[str, str] | None:
        found = re.fullmatch(self.pattern, path)
        return None if found is None else {k: unquote(v) for k, v in found.groupdict().items()}


_SEGMENT = r"[^/]+"
ROUTES: tuple[Route, ...] = (
    Route("POST", "/chat/completions", CHAT),
    Route("GET", "/models", "models_list", None),
    Route("GET", "/models/count", "models_count", None),
    Route("GET", "/models/user", "models_list_for_user"),
    Route("GET", rf"/model/(?P<author>{_SEGMENT})/(?P<slug>{_SEGMENT})", "models_get", None),
    Route(
        "GET",
        rf"/models/(?P<author>{_SEGMENT})/(?P<slug>{_SEGMENT})/endpoints",
        "endpoints_list",
        None,
    ),
    Route("GET", "/providers", "providers_list", None),
    Route("GET", "/generation", "generations_get_generation"),
    Route("GET", "/credits", "credits_get_credits", "any"),
    Route("GET", "/key", "api_keys_get_current_key_metadata", "any"),
    Route("POST", "/embeddings", "embeddings_generate"),
    Route("GET", "/embeddings/models", "embeddings_list_models", None),
)


@attrs.frozen
class Reply:
    """An answer to send: status, JSON body, extra headers, and a generation to record."""

    status: int
    body: JSONDict
    headers: Mapping[str, str] = attrs.field(factory=dict)
    served: Generation | None = None


def _error(status: int, message: str, headers: Mapping[str, str] | None = None) -> Reply:
    return Reply(status, error_envelope(status, message), headers or {})


@attrs.frozen
class Target:
    """A request's route, with its path parameters and its query (one value per name)."""

    route: Route
    params: Mapping[str, str]
    query: QueryArgs


def route(method: str, raw_path: str) -> Target | Reply:
    """The operation a request asks for, or the 404 / 405 reply when there is none."""
    parts = urlsplit(raw_path)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    path = parts.path
    if not path.startswith(API_ROOT + "/"):
        return _error(404, "Not Found")
    path = path.removeprefix(API_ROOT)
    matches = [(r, params) for r in ROUTES if (params := r.match(path)) is not None]
    for candidate, params in matches:
        if candidate.method == method:
            return Target(candidate, params, query)
    if matches:
        allowed = ", ".join(sorted({candidate.method for candidate, _ in matches}))
        return _error(405, "Method Not Allowed", {"Allow": allowed})
    return _error(404, "Not Found")


def authorize(
    route: Route, authorization: str, api_key: str | None, management_key: str | None
) -> Reply | bool:
    """The 401 reply for a missing or wrong key, else whether the key is the management key.

    ``api_key`` None accepts any non-empty token as the API key.
    """
    scheme, _, token = authorization.partition(" ")
    token = token.strip()
    management = management_key is not None and token == management_key
    if route.key is None:
        return management
    if scheme.lower() != "bearer" or not token:
        return _error(401, "Missing Authentication header")
    if management and route.key == "any":
        return True
    if management or (api_key is not None and token != api_key):
        return _error(401, "User not found.")
    return False


@attrs.frozen(kw_only=True)
class Account:
    """What the operations know about the account behind the server."""

    ledger: Ledger
    api_key: str
    management: bool
    """The request came with the management key."""
    key_limit: float | None
    credits: float
    new_id: Callable[[], str]
    user_agent: str | None = None
    origin: str | None = None


def _listing(models: Sequence[CatalogueModel], query: QueryArgs, path: str) -> Reply:
    chosen, total, next_url = page(models, query, API_ROOT + path)
    data = [model_payload(model) for model in chosen]
    return Reply(200, {"data": data, "total_count": total, "links": {"next": next_url}})


def _models_list(target: Target, _account: Account, _body: Any) -> Reply:
    return _listing(select(MODELS, target.query), target.query, target.route.pattern)


def _models_count(target: Target, _account: Account, _body: Any) -> Reply:
    keep = output_filter(target.query)
    return Reply(200, {"data": {"count": sum(1 for model in MODELS if keep(model))}})


def _models_list_for_user(target: Target, _account: Account, _body: Any) -> Reply:
    # The account has no provider preferences or guardrails: the text models, unfiltered.
    text_models = select(MODELS, {})
    return _listing(text_models, target.query, target.route.pattern)


def _model(target: Target) -> CatalogueModel | None:
    return find_model(f"{target.params['author']}/{target.params['slug']}")


def _models_get(target: Target, _account: Account, _body: Any) -> Reply:
    model = _model(target)
    if model is None:
        return _error(404, "Model not found")
    return Reply(200, {"data": model_payload(model)})


def _endpoints_list(target: Target, _account: Account, _body: Any) -> Reply:
    model = _model(target)
    if model is None:
        return _error(404, "Model not found")
    return Reply(200, {"data": endpoints_payload(model)})


def _providers_list(_target: Target, _account: Account, _body: Any) -> Reply:
    return Reply(200, {"data": [provider_payload(provider) for provider in PROVIDERS]})


def _generation(target: Target, account: Account, _body: Any) -> Reply:
    generation_id = target.query.get("id", "")
    if not generation_id:
        return _error(400, "Missing required query parameter: id")
    generation = account.ledger.lookup(generation_id)
    if generation is None:
        return _error(404, f"Generation {generation_id} not found")
    return Reply(200, generation_payload(generation))


def _credits(_target: Target, account: Account, _body: Any) -> Reply:
    if not account.management:
        return _error(403, "Only management keys can perform this operation")
    return Reply(200, credits_payload(total=account.credits, usage=account.ledger.usage))


def _key(_target: Target, account: Account, _body: Any) -> Reply:
    usage = account.ledger.usage
    body = key_payload(
        account.api_key, usage=usage, limit=account.key_limit, management=account.management
    )
    return Reply(200, body)


def _embeddings(_target: Target, account: Account, body: Any) -> Reply:
    generation_id = account.new_id()
    try:
        payload, model = embeddings(body, id=generation_id)
    except EmbeddingRequestError as error:
        return _error(error.status, str(error))
    usage = payload["usage"]
    served = Generation(
        id=generation_id,
        model=model.id,
        provider=model.hosts[0].provider.name,
        api_type="embeddings",
        created=time.time(),
        finish_reason=None,
        prompt_tokens=usage["prompt_tokens"],
        cost=usage["cost"],
        user_agent=account.user_agent,
        origin=account.origin,
    )
    return Reply(200, payload, {"X-Generation-Id": generation_id}, served)


def _embeddings_models(target: Target, _account: Account, _body: Any) -> Reply:
    embedders = [model for model in MODELS if "embeddings" in model.output_modalities]
    return _listing(embedders, target.query, target.route.pattern)


_HANDLERS: Mapping[str, Callable[[Target, Account, Any], Reply]] = {
    "models_list": _models_list,
    "models_count": _models_count,
    "models_list_for_user": _models_list_for_user,
    "models_get": _models_get,
    "endpoints_list": _endpoints_list,
    "providers_list": _providers_list,
    "generations_get_generation": _generation,
    "credits_get_credits": _credits,
    "api_keys_get_current_key_metadata": _key,
    "embeddings_generate": _embeddings,
    "embeddings_list_models": _embeddings_models,
}


def answer_operation(target: Target, account: Account, body: Any) -> Reply:
    """The reply to a routed request other than chat; a malformed query answers 400."""
    try:
        return _HANDLERS[target.route.name](target, account, body)
    except QueryError as error:
        return _error(400, str(error))
