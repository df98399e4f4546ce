"""``GET /models/user``: the models this account may use.

``models_list_for_user`` and its twin ``models_list_for_user_async``.
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
    UnauthorizedResponseError,
)

if TYPE_CHECKING:
    from openrouter_core._core import OpenRouterCore
    from openrouter_core._operation import Endpoint
    from openrouter_core._options import RequestOptions
    from openrouter_core.models import ModelsListResponse

__all__ = [
    "ModelsListForUserError",
    "ModelsListForUserResult",
    "models_list_for_user",
    "models_list_for_user_async",
]

ModelsListForUserError: TypeAlias = (
    UnauthorizedResponseError
    | ForbiddenResponseError
    | NotFoundResponseError
    | InternalServerResponseError
    | OperationError
)
"""Everything ``models_list_for_user`` can answer inside ``Failure``: the error statuses the
spec declares for ``GET /models/user``, and what every operation can answer
(``OperationError``)."""
ModelsListForUserResult: TypeAlias = Success["ModelsListResponse"] | Failure[ModelsListForUserError]
"""What ``models_list_for_user`` answers: ``match`` on ``Success(value)`` and
``Failure(error)``."""


@functools.cache
def endpoint() -> Endpoint[ModelsListResponse, ModelsListForUserError]:
    """``GET /models/user``, described once."""
    from openrouter_core._http import json_reader
    from openrouter_core._operation import Endpoint, outside_union
    from openrouter_core.models import ModelsListResponse

    # Typed, not Any: mypy then proves ``unexpected``'s class is in the union.
    errors: tuple[type[ModelsListForUserError], ...] = get_args(ModelsListForUserError)
    return Endpoint(
        name="models_list_for_user",
        method="GET",
        path="/models/user",
        read=json_reader(ModelsListResponse),
        errors=lambda: errors,
        unexpected=outside_union,
    )


def models_list_for_user(
    core: OpenRouterCore,
    *,
    offset: int | None = None,
    limit: int | None = None,
    options: RequestOptions | None = None,
) -> ModelsListForUserResult:
    """List the models as ``models_list`` does, filtered by the account's provider
    preferences, privacy settings and guardrails (the key decides which account).

    Never raises for what the network, the server or the arguments can do: every failure
    is a ``Failure`` holding one of the ``ModelsListForUserError`` classes.
    """
    from openrouter_core._operation import call
    from openrouter_core._plan import plan_call

    return call(
        core,
        endpoint(),
        plan_call(core, endpoint(), options, query={"offset": offset, "limit": limit}),
    )


async def models_list_for_user_async(
    core: OpenRouterCore,
    *,
    offset: int | None = None,
    limit: int | None = None,
    options: RequestOptions | None = None,
) -> ModelsListForUserResult:
    """The async twin of ``models_list_for_user``."""
    from openrouter_core._operation import call_async
    from openrouter_core._plan import plan_call

    return await call_async(
        core,
        endpoint(),
        plan_call(core, endpoint(), options, query={"offset": offset, "limit": limit}),
    )
