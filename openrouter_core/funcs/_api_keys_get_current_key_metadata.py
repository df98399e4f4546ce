"""``GET /key``: the calling key's limit and usage.

``api_keys_get_current_key_metadata`` and its twin ``api_keys_get_current_key_metadata_async``.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, TypeAlias, get_args

from returns.result import Failure, Success

from openrouter_core.errors import (
    InternalServerResponseError,
    OperationError,
    UnauthorizedResponseError,
)

if TYPE_CHECKING:
    from openrouter_core._core import OpenRouterCore
    from openrouter_core._operation import Endpoint
    from openrouter_core._options import RequestOptions
    from openrouter_core.models import GetCurrentKeyResponse

__all__ = [
    "ApiKeysGetCurrentKeyMetadataError",
    "ApiKeysGetCurrentKeyMetadataResult",
    "api_keys_get_current_key_metadata",
    "api_keys_get_current_key_metadata_async",
]

ApiKeysGetCurrentKeyMetadataError: TypeAlias = (
    UnauthorizedResponseError | InternalServerResponseError | OperationError
)
"""Everything ``api_keys_get_current_key_metadata`` can answer inside ``Failure``: the error
statuses the spec declares for ``GET /key``, and what every operation can answer
(``OperationError``)."""
ApiKeysGetCurrentKeyMetadataResult: TypeAlias = (
    Success["GetCurrentKeyResponse"] | Failure[ApiKeysGetCurrentKeyMetadataError]
)
"""What ``api_keys_get_current_key_metadata`` answers: ``match`` on ``Success(value)`` and
``Failure(error)``."""


@functools.cache
def endpoint() -> Endpoint[GetCurrentKeyResponse, ApiKeysGetCurrentKeyMetadataError]:
    """``GET /key``, described once."""
    from openrouter_core._http import json_reader
    from openrouter_core._operation import Endpoint, outside_union
    from openrouter_core.models import GetCurrentKeyResponse

    # Typed, not Any: mypy then proves ``unexpected``'s class is in the union.
    errors: tuple[type[ApiKeysGetCurrentKeyMetadataError], ...] = get_args(
        ApiKeysGetCurrentKeyMetadataError
    )
    return Endpoint(
        name="api_keys_get_current_key_metadata",
        method="GET",
        path="/key",
        read=json_reader(GetCurrentKeyResponse),
        errors=lambda: errors,
        unexpected=outside_union,
    )


def api_keys_get_current_key_metadata(
    core: OpenRouterCore,
    options: RequestOptions | None = None,
) -> ApiKeysGetCurrentKeyMetadataResult:
    """Describe the key this core sends: ``limit``, ``limit_remaining``, ``limit_reset``,
    usage (also daily, weekly and monthly), BYOK usage, ``is_free_tier``, ``expires_at``.

    Never raises for what the network, the server or the arguments can do: every failure
    is a ``Failure`` holding one of the ``ApiKeysGetCurrentKeyMetadataError`` classes.
    """
    from openrouter_core._operation import call
    from openrouter_core._plan import plan_call

    return call(core, endpoint(), plan_call(core, endpoint(), options))


async def api_keys_get_current_key_metadata_async(
    core: OpenRouterCore,
    options: RequestOptions | None = None,
) -> ApiKeysGetCurrentKeyMetadataResult:
    """The async twin of ``api_keys_get_current_key_metadata``."""
    from openrouter_core._operation import call_async
    from openrouter_core._plan import plan_call

    return await call_async(core, endpoint(), plan_call(core, endpoint(), options))
