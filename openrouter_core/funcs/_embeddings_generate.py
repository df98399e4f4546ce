"""``POST /embeddings``: embedding vectors for text, tokens or media.

``embeddings_generate`` and its twin ``embeddings_generate_async``.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, TypeAlias, get_args

from returns.result import Failure, Success

from openrouter_core.errors import (
    BadGatewayResponseError,
    BadRequestResponseError,
    EdgeNetworkTimeoutResponseError,
    InternalServerResponseError,
    NotFoundResponseError,
    OperationError,
    PayloadTooLargeResponseError,
    PaymentRequiredResponseError,
    ProviderOverloadedResponseError,
    RequestTimeoutResponseError,
    ServiceUnavailableResponseError,
    TooManyRequestsResponseError,
    UnauthorizedResponseError,
)

if TYPE_CHECKING:
    from openrouter_core._core import OpenRouterCore
    from openrouter_core._operation import Endpoint
    from openrouter_core._options import RequestOptions
    from openrouter_core.models import CreateEmbeddingsRequest, CreateEmbeddingsResponse

__all__ = [
    "EmbeddingsGenerateError",
    "EmbeddingsGenerateResult",
    "embeddings_generate",
    "embeddings_generate_async",
]

EmbeddingsGenerateError: TypeAlias = (
    BadRequestResponseError
    | UnauthorizedResponseError
    | PaymentRequiredResponseError
    | NotFoundResponseError
    | RequestTimeoutResponseError
    | PayloadTooLargeResponseError
    | TooManyRequestsResponseError
    | InternalServerResponseError
    | BadGatewayResponseError
    | ServiceUnavailableResponseError
    | EdgeNetworkTimeoutResponseError
    | ProviderOverloadedResponseError
    | OperationError
)
"""Everything ``embeddings_generate`` can answer inside ``Failure``: the error statuses the spec
declares for ``POST /embeddings``, and what every operation can answer (``OperationError``)."""
EmbeddingsGenerateResult: TypeAlias = (
    Success["CreateEmbeddingsResponse"] | Failure[EmbeddingsGenerateError]
)
"""What ``embeddings_generate`` answers: ``match`` on ``Success(value)`` and
``Failure(error)``."""


@functools.cache
def endpoint() -> Endpoint[CreateEmbeddingsResponse, EmbeddingsGenerateError]:
    """``POST /embeddings``, described once."""
    from openrouter_core._http import json_reader
    from openrouter_core._operation import Endpoint, outside_union
    from openrouter_core.models import CreateEmbeddingsRequest, CreateEmbeddingsResponse

    # Typed, not Any: mypy then proves ``unexpected``'s class is in the union.
    errors: tuple[type[EmbeddingsGenerateError], ...] = get_args(EmbeddingsGenerateError)
    return Endpoint(
        name="embeddings_generate",
        method="POST",
        path="/embeddings",
        read=json_reader(CreateEmbeddingsResponse),
        errors=lambda: errors,
        unexpected=outside_union,
        body=CreateEmbeddingsRequest,
    )


def embeddings_generate(
    core: OpenRouterCore,
    request: CreateEmbeddingsRequest,
    options: RequestOptions | None = None,
) -> EmbeddingsGenerateResult:
    """Embed ``request.input`` (a string, strings, token ids, or multimodal inputs) with
    ``request.model``. A POST is not idempotent: a connection lost after the request was
    sent is not re-sent (it may have been billed).

    Never raises for what the network, the server or the arguments can do: every failure
    is a ``Failure`` holding one of the ``EmbeddingsGenerateError`` classes.
    """
    from openrouter_core._operation import call
    from openrouter_core._plan import plan_call

    return call(core, endpoint(), plan_call(core, endpoint(), options, body=request))


async def embeddings_generate_async(
    core: OpenRouterCore,
    request: CreateEmbeddingsRequest,
    options: RequestOptions | None = None,
) -> EmbeddingsGenerateResult:
    """The async twin of ``embeddings_generate``."""
    from openrouter_core._operation import call_async
    from openrouter_core._plan import plan_call

    return await call_async(core, endpoint(), plan_call(core, endpoint(), options, body=request))
