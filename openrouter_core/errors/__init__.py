"""Error values returned inside ``Failure``; see ``_classes`` for the hierarchy."""

from typing import TypeAlias

from ._classes import BadGatewayResponseError as BadGatewayResponseError
from ._classes import BadRequestResponseError as BadRequestResponseError
from ._classes import ClientError as ClientError
from ._classes import ConnectionFailedError as ConnectionFailedError
from ._classes import EdgeNetworkTimeoutResponseError as EdgeNetworkTimeoutResponseError
from ._classes import ForbiddenResponseError as ForbiddenResponseError
from ._classes import GenerationError as GenerationError
from ._classes import InternalServerResponseError as InternalServerResponseError
from ._classes import InvalidRequestError as InvalidRequestError
from ._classes import NotFoundResponseError as NotFoundResponseError
from ._classes import OpenRouterDefaultError as OpenRouterDefaultError
from ._classes import OpenRouterError as OpenRouterError
from ._classes import PayloadTooLargeResponseError as PayloadTooLargeResponseError
from ._classes import PaymentRequiredResponseError as PaymentRequiredResponseError
from ._classes import ProviderOverloadedResponseError as ProviderOverloadedResponseError
from ._classes import RequestAbortedError as RequestAbortedError
from ._classes import RequestTimeoutError as RequestTimeoutError
from ._classes import RequestTimeoutResponseError as RequestTimeoutResponseError
from ._classes import ResponseError as ResponseError
from ._classes import ResponseValidationError as ResponseValidationError
from ._classes import SDKValidationError as SDKValidationError
from ._classes import ServiceUnavailableResponseError as ServiceUnavailableResponseError
from ._classes import StreamStalledError as StreamStalledError
from ._classes import StreamTruncatedError as StreamTruncatedError
from ._classes import TooManyRequestsResponseError as TooManyRequestsResponseError
from ._classes import UnauthorizedResponseError as UnauthorizedResponseError
from ._classes import UnexpectedClientError as UnexpectedClientError
from ._classes import UnprocessableEntityResponseError as UnprocessableEntityResponseError

HTTPStatusErrors: TypeAlias = (
    BadRequestResponseError
    | UnauthorizedResponseError
    | PaymentRequiredResponseError
    | ForbiddenResponseError
    | NotFoundResponseError
    | RequestTimeoutResponseError
    | PayloadTooLargeResponseError
    | UnprocessableEntityResponseError
    | TooManyRequestsResponseError
    | InternalServerResponseError
    | BadGatewayResponseError
    | ServiceUnavailableResponseError
    | EdgeNetworkTimeoutResponseError
    | ProviderOverloadedResponseError
    | OpenRouterDefaultError
)
"""Every class an HTTP error status maps to."""

TransportErrors: TypeAlias = (
    ConnectionFailedError | RequestTimeoutError | RequestAbortedError | UnexpectedClientError
)
"""What sending a request can fail with before any HTTP answer."""

OperationError: TypeAlias = (
    OpenRouterDefaultError
    | ResponseValidationError
    | TransportErrors
    | InvalidRequestError
    | SDKValidationError
)
"""What every operation can answer besides the HTTP statuses its spec declares: any other
status, a body that does not decode, the transport, and input that cannot be sent."""

ChatSendError: TypeAlias = (
    HTTPStatusErrors
    | ResponseValidationError
    | GenerationError
    | TransportErrors
    | InvalidRequestError
    | SDKValidationError
)
"""Everything ``chat_send`` / ``chat_send_async`` can answer inside ``Failure``."""

ChatStreamError: TypeAlias = ChatSendError | StreamStalledError
"""Everything ``chat_stream`` can answer before the stream starts (retries included)."""

StreamFailure: TypeAlias = (
    GenerationError
    | StreamTruncatedError
    | StreamStalledError
    | ResponseValidationError
    | TransportErrors
)
"""The last item a stream yields when it does not complete normally."""

__all__ = [
    "BadGatewayResponseError",
    "BadRequestResponseError",
    "ChatSendError",
    "ChatStreamError",
    "ClientError",
    "ConnectionFailedError",
    "EdgeNetworkTimeoutResponseError",
    "ForbiddenResponseError",
    "GenerationError",
    "HTTPStatusErrors",
    "InternalServerResponseError",
    "InvalidRequestError",
    "NotFoundResponseError",
    "OpenRouterDefaultError",
    "OpenRouterError",
    "OperationError",
    "PayloadTooLargeResponseError",
    "PaymentRequiredResponseError",
    "ProviderOverloadedResponseError",
    "RequestAbortedError",
    "RequestTimeoutError",
    "RequestTimeoutResponseError",
    "ResponseError",
    "ResponseValidationError",
    "SDKValidationError",
    "ServiceUnavailableResponseError",
    "StreamFailure",
    "StreamStalledError",
    "StreamTruncatedError",
    "TooManyRequestsResponseError",
    "TransportErrors",
    "UnauthorizedResponseError",
    "UnexpectedClientError",
    "UnprocessableEntityResponseError",
]
