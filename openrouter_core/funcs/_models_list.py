"""``GET /models``: the model catalogue, filtered and sorted by the server.

``models_list`` and its twin ``models_list_async``.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, get_args

from returns.result import Failure, Success

from openrouter_core.errors import (
    BadRequestResponseError,
    ForbiddenResponseError,
    InternalServerResponseError,
    OperationError,
)

if TYPE_CHECKING:
    from openrouter_core._core import OpenRouterCore
    from openrouter_core._operation import Endpoint
    from openrouter_core._options import RequestOptions
    from openrouter_core.models import ModelsListResponse

__all__ = ["ModelsListError", "ModelsListResult", "models_list", "models_list_async"]

ModelsListError: TypeAlias = (
    BadRequestResponseError | ForbiddenResponseError | InternalServerResponseError | OperationError
)
"""Everything ``models_list`` can answer inside ``Failure``: the error statuses the spec
declares for ``GET /models``, and what every operation can answer (``OperationError``)."""
ModelsListResult: TypeAlias = Success["ModelsListResponse"] | Failure[ModelsListError]
"""What ``models_list`` answers: ``match`` on ``Success(value)`` and ``Failure(error)``."""

ModelCategory: TypeAlias = (
    Literal[
        "programming",
        "roleplay",
        "marketing",
        "marketing/seo",
        "technology",
        "science",
        "translation",
        "legal",
        "finance",
        "health",
        "trivia",
        "academia",
    ]
    | str
)
"""A use-case category (``models_list(category=...)``); open to new values."""
ModelSort: TypeAlias = (
    Literal[
        "most-popular",
        "newest",
        "top-weekly",
        "pricing-low-to-high",
        "pricing-high-to-low",
        "context-high-to-low",
        "throughput-high-to-low",
        "latency-low-to-high",
        "intelligence-high-to-low",
        "coding-high-to-low",
        "agentic-high-to-low",
        "design-arena-elo-high-to-low",
    ]
    | str
)
"""A server-side order (``models_list(sort=...)``); open to new values."""


@functools.cache
def endpoint() -> Endpoint[ModelsListResponse, ModelsListError]:
    """``GET /models``, described once."""
    from openrouter_core._http import json_reader
    from openrouter_core._operation import Endpoint, outside_union
    from openrouter_core.models import ModelsListResponse

    # Typed, not Any: mypy then proves ``unexpected``'s class is in the union.
    errors: tuple[type[ModelsListError], ...] = get_args(ModelsListError)
    return Endpoint(
        name="models_list",
        method="GET",
        path="/models",
        read=json_reader(ModelsListResponse),
        errors=lambda: errors,
        unexpected=outside_union,
    )


def models_list(
    core: OpenRouterCore,
    *,
    offset: int | None = None,
    limit: int | None = None,
    category: ModelCategory | None = None,
    supported_parameters: str | None = None,
    output_modalities: str | None = None,
    sort: ModelSort | None = None,
    q: str | None = None,
    input_modalities: str | None = None,
    context: int | None = None,
    min_price: float | None = None,
    max_price: float | None = None,
    arch: str | None = None,
    model_authors: str | None = None,
    providers: str | None = None,
    distillable: bool | None = None,
    zdr: bool | None = None,
    region: Literal["eu", "us"] | str | None = None,
    min_output_price: float | None = None,
    max_output_price: float | None = None,
    min_age_days: int | None = None,
    max_age_days: int | None = None,
    min_intelligence_index: float | None = None,
    max_intelligence_index: float | None = None,
    min_coding_index: float | None = None,
    max_coding_index: float | None = None,
    min_agentic_index: float | None = None,
    max_agentic_index: float | None = None,
    min_tool_success_rate: float | None = None,
    max_tool_success_rate: float | None = None,
    options: RequestOptions | None = None,
) -> ModelsListResult:
    """List the models OpenRouter offers, with pricing, context length, modalities and
    ``supported_parameters``; every filter left ``None`` is not sent.

    Comma-separated filters take several values (``supported_parameters="tools,response_format"``).
    Prices are US dollars per million tokens. ``offset``/``limit`` paginate; without both
    the whole list comes back. (The spec's ``use_rss`` answers XML, which this function does
    not read, so it is not offered.)

    Never raises for what the network, the server or the arguments can do: every failure
    is a ``Failure`` holding one of the ``ModelsListError`` classes.
    """
    query = _query(locals())  # first: before any other name is bound here
    from openrouter_core._operation import call
    from openrouter_core._plan import plan_call

    return call(
        core,
        endpoint(),
        plan_call(
            core,
            endpoint(),
            options,
            query=query,
        ),
    )


async def models_list_async(
    core: OpenRouterCore,
    *,
    offset: int | None = None,
    limit: int | None = None,
    category: ModelCategory | None = None,
    supported_parameters: str | None = None,
    output_modalities: str | None = None,
    sort: ModelSort | None = None,
    q: str | None = None,
    input_modalities: str | None = None,
    context: int | None = None,
    min_price: float | None = None,
    max_price: float | None = None,
    arch: str | None = None,
    model_authors: str | None = None,
    providers: str | None = None,
    distillable: bool | None = None,
    zdr: bool | None = None,
    region: Literal["eu", "us"] | str | None = None,
    min_output_price: float | None = None,
    max_output_price: float | None = None,
    min_age_days: int | None = None,
    max_age_days: int | None = None,
    min_intelligence_index: float | None = None,
    max_intelligence_index: float | None = None,
    min_coding_index: float | None = None,
    max_coding_index: float | None = None,
    min_agentic_index: float | None = None,
    max_agentic_index: float | None = None,
    min_tool_success_rate: float | None = None,
    max_tool_success_rate: float | None = None,
    options: RequestOptions | None = None,
) -> ModelsListResult:
    """The async twin of ``models_list``."""
    query = _query(locals())  # first: before any other name is bound here
    from openrouter_core._operation import call_async
    from openrouter_core._plan import plan_call

    return await call_async(
        core,
        endpoint(),
        plan_call(
            core,
            endpoint(),
            options,
            query=query,
        ),
    )


def _query(arguments: dict[str, Any]) -> dict[str, Any]:
    """The query among a function's arguments, read from its ``locals()`` before anything
    else is bound: every parameter but the core and the options, named as in the spec."""
    return {name: value for name, value in arguments.items() if name not in ("core", "options")}
