"""The documented status -> error class table, written out by hand for the tests.

It is the oracle the mapping tests compare the SDK against, so it must never be read from
the code under test (``openrouter_core._http``): swapping two statuses there, or dropping
one, has to make those tests fail. ``test_errors.py`` checks that its keys and class names
are exactly the documented ones (``../shared/reference/ts-sdk.md`` and
``../shared/fixtures/ts-sdk-wire/README.md``).
"""

from openrouter_core.errors import (
    BadGatewayResponseError,
    BadRequestResponseError,
    EdgeNetworkTimeoutResponseError,
    ForbiddenResponseError,
    InternalServerResponseError,
    NotFoundResponseError,
    OpenRouterDefaultError,
    PayloadTooLargeResponseError,
    PaymentRequiredResponseError,
    ProviderOverloadedResponseError,
    RequestTimeoutResponseError,
    ResponseError,
    ServiceUnavailableResponseError,
    TooManyRequestsResponseError,
    UnauthorizedResponseError,
    UnprocessableEntityResponseError,
)

DOCUMENTED_STATUS_ERRORS: dict[int, type[ResponseError]] = {
    400: BadRequestResponseError,
    401: UnauthorizedResponseError,
    402: PaymentRequiredResponseError,
    403: ForbiddenResponseError,
    404: NotFoundResponseError,
    408: RequestTimeoutResponseError,
    413: PayloadTooLargeResponseError,
    422: UnprocessableEntityResponseError,
    429: TooManyRequestsResponseError,
    500: InternalServerResponseError,
    502: BadGatewayResponseError,
    503: ServiceUnavailableResponseError,
    524: EdgeNetworkTimeoutResponseError,
    529: ProviderOverloadedResponseError,
}
"""The seed's error table: each documented status and the class its JSON error answer is."""

DOCUMENTED_STATUSES = sorted(DOCUMENTED_STATUS_ERRORS)


def expected_class(status: int) -> type[ResponseError]:
    """The class an error answer of ``status`` must be, whatever its body: the table's, else
    the default."""
    return DOCUMENTED_STATUS_ERRORS.get(status, OpenRouterDefaultError)
