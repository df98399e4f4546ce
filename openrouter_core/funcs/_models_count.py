"""``GET /models/count``: how many models match.

``models_count`` and its twin ``models_count_async``.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, TypeAlias, get_args

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
    from openrouter_core.models import ModelsCountResponse

__all__ = ["ModelsCountError", "ModelsCountResult", "models_count", "models_count_async"]

ModelsCountError: TypeAlias = (
    BadRequestResponseError | ForbiddenResponseError | InternalServerResponseError | OperationError
)
"""Everything ``models_count`` can answer inside ``Failure``: the error statuses the spec
declares for ``GET /models/count``, and what every operation can answer (``OperationError``)."""
ModelsCountResult: TypeAlias = Success["ModelsCountResponse"] | Failure[ModelsCountError]
"""What ``models_count`` answers: ``match`` on ``Success(value)`` and ``Failure(error)``."""


@functools.cache
def endpoint() -> Endpoint[ModelsCountResponse, ModelsCountError]:
    """``GET /models/count``, described once."""
    from openrouter_core._http import json_reader
    from openrouter_core._operation import Endpoint, outside_union
    from openrouter_core.models import ModelsCountResponse

    # Typed, not Any: mypy then proves ``unexpected``'s class is in the union.
    errors: tuple[type[ModelsCountError], ...] = get_args(ModelsCountError)
    return Endpoint(
        name="models_count",
        method="GET",
        path="/models/count",
        read=json_reader(ModelsCountResponse),
        errors=lambda: errors,
        unexpected=outside_union,
    )


def models_count(
    core: OpenRouterCore,
    *,
    output_modalities: str | None = None,
    options: RequestOptions | None = None,
) -> ModelsCountResult:
    """Count the models, optionally only those with the given ``output_modalities``
    (comma-separated).

    Never raises for what the network, the server or the arguments can do: every failure
    is a ``Failure`` holding one of the ``ModelsCountError`` classes.
    """
    from openrouter_core._operation import call
    from openrouter_core._plan import plan_call

    return call(
        core,
        endpoint(),
        plan_call(core, endpoint(), options, query={"output_modalities": output_modalities}),
    )


async def models_count_async(
    core: OpenRouterCore,
    *,
    output_modalities: str | None = None,
    options: RequestOptions | None = None,
) -> ModelsCountResult:
    """The async twin of ``models_count``."""
    from openrouter_core._operation import call_async
    from openrouter_core._plan import plan_call

    return await call_async(
        core,
        endpoint(),
        plan_call(core, endpoint(), options, query={"output_modalities": output_modalities}),
    )
