"""``GET /models/{author}/{slug}/endpoints``: the provider endpoints serving one model.

``endpoints_list`` and its twin ``endpoints_list_async``.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, TypeAlias, get_args

from returns.result import Failure, Success

from openrouter_core.errors import (
    ForbiddenResponseError,
    InternalServerResponseError,
    NotFoundResponseError,
    OperationError,
)

if TYPE_CHECKING:
    from openrouter_core._core import OpenRouterCore
    from openrouter_core._operation import Endpoint
    from openrouter_core._options import RequestOptions
    from openrouter_core.models import ListEndpointsEnvelope

__all__ = ["EndpointsListError", "EndpointsListResult", "endpoints_list", "endpoints_list_async"]

EndpointsListError: TypeAlias = (
    ForbiddenResponseError | NotFoundResponseError | InternalServerResponseError | OperationError
)
"""Everything ``endpoints_list`` can answer inside ``Failure``: the error statuses the spec
declares for ``GET /models/{author}/{slug}/endpoints``, and what every operation can answer
(``OperationError``)."""
EndpointsListResult: TypeAlias = Success["ListEndpointsEnvelope"] | Failure[EndpointsListError]
"""What ``endpoints_list`` answers: ``match`` on ``Success(value)`` and ``Failure(error)``."""


@functools.cache
def endpoint() -> Endpoint[ListEndpointsEnvelope, EndpointsListError]:
    """``GET /models/{author}/{slug}/endpoints``, described once."""
    from openrouter_core._http import json_reader
    from openrouter_core._operation import Endpoint, outside_union
    from openrouter_core.models import ListEndpointsEnvelope

    # Typed, not Any: mypy then proves ``unexpected``'s class is in the union.
    errors: tuple[type[EndpointsListError], ...] = get_args(EndpointsListError)
    return Endpoint(
        name="endpoints_list",
        method="GET",
        path="/models/{author}/{slug}/endpoints",
        read=json_reader(ListEndpointsEnvelope),
        errors=lambda: errors,
        unexpected=outside_union,
    )


def endpoints_list(
    core: OpenRouterCore,
    *,
    author: str,
    slug: str,
    options: RequestOptions | None = None,
) -> EndpointsListResult:
    """List the endpoints (one per provider) that serve a model, each with its pricing,
    context length, quantization, uptime and latency percentiles. Path values are
    percent-encoded; one that would change the path is refused with ``SDKValidationError``.

    Never raises for what the network, the server or the arguments can do: every failure
    is a ``Failure`` holding one of the ``EndpointsListError`` classes.
    """
    from openrouter_core._operation import call
    from openrouter_core._plan import plan_call

    return call(
        core,
        endpoint(),
        plan_call(core, endpoint(), options, path={"author": author, "slug": slug}),
    )


async def endpoints_list_async(
    core: OpenRouterCore,
    *,
    author: str,
    slug: str,
    options: RequestOptions | None = None,
) -> EndpointsListResult:
    """The async twin of ``endpoints_list``."""
    from openrouter_core._operation import call_async
    from openrouter_core._plan import plan_call

    return await call_async(
        core,
        endpoint(),
        plan_call(core, endpoint(), options, path={"author": author, "slug": slug}),
    )
