"""``GET /credits``: the account's purchased and used credits.

``credits_get_credits`` and its twin ``credits_get_credits_async``.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, TypeAlias, get_args

from returns.result import Failure, Success

from openrouter_core.errors import (
    ForbiddenResponseError,
    InternalServerResponseError,
    OperationError,
    UnauthorizedResponseError,
)

if TYPE_CHECKING:
    from openrouter_core._core import OpenRouterCore
    from openrouter_core._operation import Endpoint
    from openrouter_core._options import RequestOptions
    from openrouter_core.models import GetCreditsResponse

__all__ = [
    "CreditsGetCreditsError",
    "CreditsGetCreditsResult",
    "credits_get_credits",
    "credits_get_credits_async",
]

CreditsGetCreditsError: TypeAlias = (
    UnauthorizedResponseError
    | ForbiddenResponseError
    | InternalServerResponseError
    | OperationError
)
"""Everything ``credits_get_credits`` can answer inside ``Failure``: the error statuses the spec
declares for ``GET /credits``, and what every operation can answer (``OperationError``)."""
CreditsGetCreditsResult: TypeAlias = Success["GetCreditsResponse"] | Failure[CreditsGetCreditsError]
"""What ``credits_get_credits`` answers: ``match`` on ``Success(value)`` and
``Failure(error)``."""


@functools.cache
def endpoint() -> Endpoint[GetCreditsResponse, CreditsGetCreditsError]:
    """``GET /credits``, described once."""
    from openrouter_core._http import json_reader
    from openrouter_core._operation import Endpoint, outside_union
    from openrouter_core.models import GetCreditsResponse

    # Typed, not Any: mypy then proves ``unexpected``'s class is in the union.
    errors: tuple[type[CreditsGetCreditsError], ...] = get_args(CreditsGetCreditsError)
    return Endpoint(
        name="credits_get_credits",
        method="GET",
        path="/credits",
        read=json_reader(GetCreditsResponse),
        errors=lambda: errors,
        unexpected=outside_union,
    )


def credits_get_credits(
    core: OpenRouterCore,
    options: RequestOptions | None = None,
) -> CreditsGetCreditsResult:
    """Get the account's ``total_credits`` and ``total_usage`` (US dollars).

    Needs a **management key** (created under Settings > Management keys): an ordinary
    API key is answered 401 or 403.

    Never raises for what the network, the server or the arguments can do: every failure
    is a ``Failure`` holding one of the ``CreditsGetCreditsError`` classes.
    """
    from openrouter_core._operation import call
    from openrouter_core._plan import plan_call

    return call(core, endpoint(), plan_call(core, endpoint(), options))


async def credits_get_credits_async(
    core: OpenRouterCore,
    options: RequestOptions | None = None,
) -> CreditsGetCreditsResult:
    """The async twin of ``credits_get_credits``."""
    from openrouter_core._operation import call_async
    from openrouter_core._plan import plan_call

    return await call_async(core, endpoint(), plan_call(core, endpoint(), options))
