"""``GET /providers``: the providers OpenRouter routes to.

``providers_list`` and its twin ``providers_list_async``.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, TypeAlias, get_args

from returns.result import Failure, Success

from openrouter_core.errors import (
    InternalServerResponseError,
    OperationError,
)

if TYPE_CHECKING:
    from openrouter_core._core import OpenRouterCore
    from openrouter_core._operation import Endpoint
    from openrouter_core._options import RequestOptions
    from openrouter_core.models import ListProvidersResponse

__all__ = ["ProvidersListError", "ProvidersListResult", "providers_list", "providers_list_async"]

ProvidersListError: TypeAlias = InternalServerResponseError | OperationError
"""Everything ``providers_list`` can answer inside ``Failure``: the error statuses the spec
declares for ``GET /providers``, and what every operation can answer (``OperationError``)."""
ProvidersListResult: TypeAlias = Success["ListProvidersResponse"] | Failure[ProvidersListError]
"""What ``providers_list`` answers: ``match`` on ``Success(value)`` and ``Failure(error)``."""


@functools.cache
def endpoint() -> Endpoint[ListProvidersResponse, ProvidersListError]:
    """``GET /providers``, described once."""
    from openrouter_core._http import json_reader
    from openrouter_core._operation import Endpoint, outside_union
    from openrouter_core.models import ListProvidersResponse

    # Typed, not Any: mypy then proves ``unexpected``'s class is in the union.
    errors: tuple[type[ProvidersListError], ...] = get_args(ProvidersListError)
    return Endpoint(
        name="providers_list",
        method="GET",
        path="/providers",
        read=json_reader(ListProvidersResponse),
        errors=lambda: errors,
        unexpected=outside_union,
    )


def providers_list(
    core: OpenRouterCore,
    options: RequestOptions | None = None,
) -> ProvidersListResult:
    """List the providers: slug, name, headquarters, datacenters, and policy and status
    page URLs.

    Never raises for what the network, the server or the arguments can do: every failure
    is a ``Failure`` holding one of the ``ProvidersListError`` classes.
    """
    from openrouter_core._operation import call
    from openrouter_core._plan import plan_call

    return call(core, endpoint(), plan_call(core, endpoint(), options))


async def providers_list_async(
    core: OpenRouterCore,
    options: RequestOptions | None = None,
) -> ProvidersListResult:
    """The async twin of ``providers_list``."""
    from openrouter_core._operation import call_async
    from openrouter_core._plan import plan_call

    return await call_async(core, endpoint(), plan_call(core, endpoint(), options))
