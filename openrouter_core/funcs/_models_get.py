"""``GET /model/{author}/{slug}``: one model of the catalogue.

``models_get`` and its twin ``models_get_async``.
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
    from openrouter_core.models import ModelResponse

__all__ = ["ModelsGetError", "ModelsGetResult", "models_get", "models_get_async"]

ModelsGetError: TypeAlias = (
    ForbiddenResponseError | NotFoundResponseError | InternalServerResponseError | OperationError
)
"""Everything ``models_get`` can answer inside ``Failure``: the error statuses the spec declares
for ``GET /model/{author}/{slug}``, and what every operation can answer (``OperationError``)."""
ModelsGetResult: TypeAlias = Success["ModelResponse"] | Failure[ModelsGetError]
"""What ``models_get`` answers: ``match`` on ``Success(value)`` and ``Failure(error)``."""


@functools.cache
def endpoint() -> Endpoint[ModelResponse, ModelsGetError]:
    """``GET /model/{author}/{slug}``, described once."""
    from openrouter_core._http import json_reader
    from openrouter_core._operation import Endpoint, outside_union
    from openrouter_core.models import ModelResponse

    # Typed, not Any: mypy then proves ``unexpected``'s class is in the union.
    errors: tuple[type[ModelsGetError], ...] = get_args(ModelsGetError)
    return Endpoint(
        name="models_get",
        method="GET",
        path="/model/{author}/{slug}",
        read=json_reader(ModelResponse),
        errors=lambda: errors,
        unexpected=outside_union,
    )


def models_get(
    core: OpenRouterCore,
    *,
    author: str,
    slug: str,
    options: RequestOptions | None = None,
) -> ModelsGetResult:
    """Get one model by author and slug (``author="openai", slug="gpt-4o"``); the slug may
    carry a variant (``gpt-4o:free``) and known aliases resolve. A value that would change
    the path (``/``, ``?``, ``..``) is refused with ``SDKValidationError``.

    Never raises for what the network, the server or the arguments can do: every failure
    is a ``Failure`` holding one of the ``ModelsGetError`` classes.
    """
    from openrouter_core._operation import call
    from openrouter_core._plan import plan_call

    return call(
        core,
        endpoint(),
        plan_call(core, endpoint(), options, path={"author": author, "slug": slug}),
    )


async def models_get_async(
    core: OpenRouterCore,
    *,
    author: str,
    slug: str,
    options: RequestOptions | None = None,
) -> ModelsGetResult:
    """The async twin of ``models_get``."""
    from openrouter_core._operation import call_async
    from openrouter_core._plan import plan_call

    return await call_async(
        core,
        endpoint(),
        plan_call(core, endpoint(), options, path={"author": author, "slug": slug}),
    )
