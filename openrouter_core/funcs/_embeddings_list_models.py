"""``GET /embeddings/models``: the embedding models.

``embeddings_list_models`` and its twin ``embeddings_list_models_async``.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, TypeAlias, get_args

from returns.result import Failure, Success

from openrouter_core.errors import (
    BadRequestResponseError,
    InternalServerResponseError,
    OperationError,
)

if TYPE_CHECKING:
    from openrouter_core._core import OpenRouterCore
    from openrouter_core._operation import Endpoint
    from openrouter_core._options import RequestOptions
    from openrouter_core.models import ModelsListResponse

__all__ = [
    "EmbeddingsListModelsError",
    "EmbeddingsListModelsResult",
    "embeddings_list_models",
    "embeddings_list_models_async",
]

EmbeddingsListModelsError: TypeAlias = (
    BadRequestResponseError | InternalServerResponseError | OperationError
)
"""Everything ``embeddings_list_models`` can answer inside ``Failure``: the error statuses the
spec declares for ``GET /embeddings/models``, and what every operation can answer
(``OperationError``)."""
EmbeddingsListModelsResult: TypeAlias = (
    Success["ModelsListResponse"] | Failure[EmbeddingsListModelsError]
)
"""What ``embeddings_list_models`` answers: ``match`` on ``Success(value)`` and
``Failure(error)``."""


@functools.cache
def endpoint() -> Endpoint[ModelsListResponse, EmbeddingsListModelsError]:
    """``GET /embeddings/models``, described once."""
    from openrouter_core._http import json_reader
    from openrouter_core._operation import Endpoint, outside_union
    from openrouter_core.models import ModelsListResponse

    # Typed, not Any: mypy then proves ``unexpected``'s class is in the union.
    errors: tuple[type[EmbeddingsListModelsError], ...] = get_args(EmbeddingsListModelsError)
    return Endpoint(
        name="embeddings_list_models",
        method="GET",
        path="/embeddings/models",
        read=json_reader(ModelsListResponse),
        errors=lambda: errors,
        unexpected=outside_union,
    )


def embeddings_list_models(
    core: OpenRouterCore,
    *,
    offset: int | None = None,
    limit: int | None = None,
    options: RequestOptions | None = None,
) -> EmbeddingsListModelsResult:
    """List the embedding models, in the shape of ``models_list``.

    Never raises for what the network, the server or the arguments can do: every failure
    is a ``Failure`` holding one of the ``EmbeddingsListModelsError`` classes.
    """
    from openrouter_core._operation import call
    from openrouter_core._plan import plan_call

    return call(
        core,
        endpoint(),
        plan_call(core, endpoint(), options, query={"offset": offset, "limit": limit}),
    )


async def embeddings_list_models_async(
    core: OpenRouterCore,
    *,
    offset: int | None = None,
    limit: int | None = None,
    options: RequestOptions | None = None,
) -> EmbeddingsListModelsResult:
    """The async twin of ``embeddings_list_models``."""
    from openrouter_core._operation import call_async
    from openrouter_core._plan import plan_call

    return await call_async(
        core,
        endpoint(),
        plan_call(core, endpoint(), options, query={"offset": offset, "limit": limit}),
    )
