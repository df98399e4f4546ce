"""``GET /generation?id=``: what one generation really cost.

``generations_get_generation`` and its twin ``generations_get_generation_async``.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, TypeAlias, get_args

from returns.result import Failure, Success

from openrouter_core.errors import (
    BadGatewayResponseError,
    EdgeNetworkTimeoutResponseError,
    InternalServerResponseError,
    NotFoundResponseError,
    OperationError,
    PaymentRequiredResponseError,
    ProviderOverloadedResponseError,
    TooManyRequestsResponseError,
    UnauthorizedResponseError,
)

if TYPE_CHECKING:
    from openrouter_core._core import OpenRouterCore
    from openrouter_core._operation import Endpoint
    from openrouter_core._options import RequestOptions
    from openrouter_core.models import GenerationResponse

__all__ = [
    "GenerationsGetGenerationError",
    "GenerationsGetGenerationResult",
    "generations_get_generation",
    "generations_get_generation_async",
]

GenerationsGetGenerationError: TypeAlias = (
    UnauthorizedResponseError
    | PaymentRequiredResponseError
    | NotFoundResponseError
    | TooManyRequestsResponseError
    | InternalServerResponseError
    | BadGatewayResponseError
    | EdgeNetworkTimeoutResponseError
    | ProviderOverloadedResponseError
    | OperationError
)
"""Everything ``generations_get_generation`` can answer inside ``Failure``: the error statuses
the spec declares for ``GET /generation?id=``, and what every operation can answer
(``OperationError``)."""
GenerationsGetGenerationResult: TypeAlias = (
    Success["GenerationResponse"] | Failure[GenerationsGetGenerationError]
)
"""What ``generations_get_generation`` answers: ``match`` on ``Success(value)`` and
``Failure(error)``."""


@functools.cache
def endpoint() -> Endpoint[GenerationResponse, GenerationsGetGenerationError]:
    """``GET /generation``, described once."""
    from openrouter_core._http import json_reader
    from openrouter_core._operation import Endpoint, outside_union
    from openrouter_core.models import GenerationResponse

    # Typed, not Any: mypy then proves ``unexpected``'s class is in the union.
    errors: tuple[type[GenerationsGetGenerationError], ...] = get_args(
        GenerationsGetGenerationError
    )
    return Endpoint(
        name="generations_get_generation",
        method="GET",
        path="/generation",
        read=json_reader(GenerationResponse),
        errors=lambda: errors,
        unexpected=outside_union,
    )


def generations_get_generation(
    core: OpenRouterCore,
    *,
    id: str,
    ready_timeout: float = 0.0,
    options: RequestOptions | None = None,
) -> GenerationsGetGenerationResult:
    """Get a generation's stats: native token counts, ``total_cost``, cache discount,
    latency, provider, finish reasons. ``id`` is a chat result's ``id`` (or its
    ``X-Generation-Id`` header).

    The stats are stored a few seconds after a generation ends; until then the API answers
    404. ``ready_timeout`` (seconds) keeps asking, with backoff, while the answer is 404,
    for at most that long; the default 0 asks once. When time runs out the 404 comes back
    as ``NotFoundResponseError``.

    Never raises for what the network, the server or the arguments can do: every failure
    is a ``Failure`` holding one of the ``GenerationsGetGenerationError`` classes.
    """
    from openrouter_core._operation import call
    from openrouter_core._plan import plan_call

    return call(
        core,
        endpoint(),
        plan_call(core, endpoint(), options, query={"id": id}),
        ready_timeout=ready_timeout,
    )


async def generations_get_generation_async(
    core: OpenRouterCore,
    *,
    id: str,
    ready_timeout: float = 0.0,
    options: RequestOptions | None = None,
) -> GenerationsGetGenerationResult:
    """The async twin of ``generations_get_generation``."""
    from openrouter_core._operation import call_async
    from openrouter_core._plan import plan_call

    return await call_async(
        core,
        endpoint(),
        plan_call(core, endpoint(), options, query={"id": id}),
        ready_timeout=ready_timeout,
    )
