"""Error envelopes. All error bodies share one shape, so they share two classes."""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from __future__ import annotations

from typing import Any, Literal, TypeAlias

import attrs

from .._values import Value

ApiErrorType: TypeAlias = (
    Literal[
        "context_length_exceeded",
        "max_tokens_exceeded",
        "token_limit_exceeded",
        "string_too_long",
        "authentication",
        "permission_denied",
        "payment_required",
        "rate_limit_exceeded",
        "provider_overloaded",
        "provider_unavailable",
        "invalid_request",
        "invalid_prompt",
        "not_found",
        "precondition_failed",
        "payload_too_large",
        "unprocessable",
        "content_policy_violation",
        "refusal",
        "invalid_image",
        "image_too_large",
        "image_too_small",
        "unsupported_image_format",
        "image_not_found",
        "image_download_failed",
        "server",
        "timeout",
        "unmapped",
    ]
    | str
)
"""Canonical OpenRouter error type, stable across all API formats."""


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatErrorDetail(Value):
    """
    An error inside a 200 response or an error body: ``{code, message, metadata}``.

    Read leniently, because the wire disagrees with the spec: ``code`` is an int or a str and
    may be missing, and model-availability errors add ``availability`` (``retryable``,
    ``retry_after``, ...). Used for ``choices[].error``, a stream chunk's ``error``, and every
    ``*ResponseErrorData`` schema.
    """

    code: int | str | None = None
    message: str | None = None
    metadata: dict[str, Any] | None = None
    #: Why a model was unavailable; switch on ``retryable``.
    availability: dict[str, Any] | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ErrorResponse(Value):
    """The body of an HTTP error: ``{error, user_id, openrouter_metadata}``."""

    error: ChatErrorDetail
    openrouter_metadata: dict[str, Any] | None = None
    user_id: str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


BadGatewayResponse: TypeAlias = ErrorResponse
"""Bad Gateway - Provider/upstream API failure. Same shape as every error: ``ErrorResponse``."""


BadGatewayResponseErrorData: TypeAlias = ChatErrorDetail
"""Error data for BadGatewayResponse. Same shape as every error: ``ChatErrorDetail``."""


BadRequestResponse: TypeAlias = ErrorResponse
"""
Bad Request - Invalid request parameters or malformed input. Same shape as every error:
``ErrorResponse``.
"""


BadRequestResponseErrorData: TypeAlias = ChatErrorDetail
"""Error data for BadRequestResponse. Same shape as every error: ``ChatErrorDetail``."""


EdgeNetworkTimeoutResponse: TypeAlias = ErrorResponse
"""
Infrastructure Timeout - Provider request timed out at edge network. Same shape as every error:
``ErrorResponse``.
"""


EdgeNetworkTimeoutResponseErrorData: TypeAlias = ChatErrorDetail
"""Error data for EdgeNetworkTimeoutResponse. Same shape as every error: ``ChatErrorDetail``."""


ForbiddenResponse: TypeAlias = ErrorResponse
"""
Forbidden - Authentication successful but insufficient permissions. Same shape as every error:
``ErrorResponse``.
"""


ForbiddenResponseErrorData: TypeAlias = ChatErrorDetail
"""Error data for ForbiddenResponse. Same shape as every error: ``ChatErrorDetail``."""


InternalServerResponse: TypeAlias = ErrorResponse
"""Internal Server Error - Unexpected server error. Same shape as every error: ``ErrorResponse``."""


InternalServerResponseErrorData: TypeAlias = ChatErrorDetail
"""Error data for InternalServerResponse. Same shape as every error: ``ChatErrorDetail``."""


NotFoundResponse: TypeAlias = ErrorResponse
"""Not Found - Resource does not exist. Same shape as every error: ``ErrorResponse``."""


NotFoundResponseErrorData: TypeAlias = ChatErrorDetail
"""Error data for NotFoundResponse. Same shape as every error: ``ChatErrorDetail``."""


PayloadTooLargeResponse: TypeAlias = ErrorResponse
"""
Payload Too Large - Request payload exceeds size limits. Same shape as every error:
``ErrorResponse``.
"""


PayloadTooLargeResponseErrorData: TypeAlias = ChatErrorDetail
"""Error data for PayloadTooLargeResponse. Same shape as every error: ``ChatErrorDetail``."""


PaymentRequiredResponse: TypeAlias = ErrorResponse
"""
Payment Required - Insufficient credits or quota to complete request. Same shape as every error:
``ErrorResponse``.
"""


PaymentRequiredResponseErrorData: TypeAlias = ChatErrorDetail
"""Error data for PaymentRequiredResponse. Same shape as every error: ``ChatErrorDetail``."""


ProviderOverloadedResponse: TypeAlias = ErrorResponse
"""
Provider Overloaded - Provider is temporarily overloaded. Same shape as every error:
``ErrorResponse``.
"""


ProviderOverloadedResponseErrorData: TypeAlias = ChatErrorDetail
"""Error data for ProviderOverloadedResponse. Same shape as every error: ``ChatErrorDetail``."""


RequestTimeoutResponse: TypeAlias = ErrorResponse
"""Request Timeout - Operation exceeded time limit. Same shape as every error: ``ErrorResponse``."""


RequestTimeoutResponseErrorData: TypeAlias = ChatErrorDetail
"""Error data for RequestTimeoutResponse. Same shape as every error: ``ChatErrorDetail``."""


ServiceUnavailableResponse: TypeAlias = ErrorResponse
"""
Service Unavailable - Service temporarily unavailable. Same shape as every error:
``ErrorResponse``.
"""


ServiceUnavailableResponseErrorData: TypeAlias = ChatErrorDetail
"""Error data for ServiceUnavailableResponse. Same shape as every error: ``ChatErrorDetail``."""


TooManyRequestsResponse: TypeAlias = ErrorResponse
"""Too Many Requests - Rate limit exceeded. Same shape as every error: ``ErrorResponse``."""


TooManyRequestsResponseErrorData: TypeAlias = ChatErrorDetail
"""Error data for TooManyRequestsResponse. Same shape as every error: ``ChatErrorDetail``."""


UnauthorizedResponse: TypeAlias = ErrorResponse
"""
Unauthorized - Authentication required or invalid credentials. Same shape as every error:
``ErrorResponse``.
"""


UnauthorizedResponseErrorData: TypeAlias = ChatErrorDetail
"""Error data for UnauthorizedResponse. Same shape as every error: ``ChatErrorDetail``."""


UnprocessableEntityResponse: TypeAlias = ErrorResponse
"""
Unprocessable Entity - Semantic validation failure. Same shape as every error:
``ErrorResponse``.
"""


UnprocessableEntityResponseErrorData: TypeAlias = ChatErrorDetail
"""Error data for UnprocessableEntityResponse. Same shape as every error: ``ChatErrorDetail``."""
