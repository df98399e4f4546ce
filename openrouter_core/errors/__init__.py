"""The error values every public function returns inside a ``Failure``.

They are exceptions only so that callers can raise or chain them (``Result.unwrap()``
does); the SDK itself never raises them. Each is a frozen attrs class with value equality.
``str(err)`` starts with the class name (``NotFoundResponseError: HTTP 404: ...``), so a
printed ``Failure`` says which one it holds; ``err.description`` is the rest of the line.

Hierarchy::

    OpenRouterError
    ├── ResponseError                  an HTTP error status (4XX/5XX) came back
    │   ├── BadRequestResponseError              400
    │   ├── UnauthorizedResponseError            401
    │   ├── PaymentRequiredResponseError         402
    │   ├── ForbiddenResponseError               403
    │   ├── NotFoundResponseError                404
    │   ├── RequestTimeoutResponseError          408
    │   ├── PayloadTooLargeResponseError         413
    │   ├── UnprocessableEntityResponseError     422
    │   ├── TooManyRequestsResponseError         429
    │   ├── InternalServerResponseError          500
    │   ├── BadGatewayResponseError              502
    │   ├── ServiceUnavailableResponseError      503
    │   ├── EdgeNetworkTimeoutResponseError      524
    │   ├── ProviderOverloadedResponseError      529
    │   └── OpenRouterDefaultError               any other status (whatever the body)
    ├── ResponseValidationError        a 2xx body that is not the expected JSON
    ├── GenerationError                HTTP 200, but the generation failed (body or SSE error)
    ├── StreamTruncatedError           the stream ended without [DONE] or a finish reason
    ├── StreamStalledError             the stream's watchdog fired
    ├── SDKValidationError             the caller's input cannot be sent
    ├── StructuredOutputError          chat_parse: the reply is not JSON or does not fit
    ├── RefusalError                   chat_parse: the model refused
    ├── ToolRoundsExceededError        chat_run_tools: still asking for tools at max_rounds
    ├── ToolLoopInterruptedError       chat_run_tools: a request failed (the run so far kept)
    └── ClientError                    the transport or the SDK failed before an answer
        ├── ConnectionFailedError
        ├── RequestTimeoutError
        ├── RequestAbortedError
        ├── InvalidRequestError
        └── UnexpectedClientError

Match on the classes (``case Failure(TooManyRequestsResponseError() as error)``); the
aliases ``ChatSendError``, ``ChatStreamError``, ``ChatParseError``, ``ChatRunToolsError``
and ``StreamFailure`` say what each function can answer. ``error_type`` on ``ResponseError``
and ``GenerationError`` names the kind of failure the server reported
(``context_length_exceeded``, ``rate_limit_exceeded``...), so telling them apart is a
comparison, not a search through messages.
"""

from typing import TYPE_CHECKING, Any, TypeAlias

# The SDK's own modules import these where an error is made or matched, and only for
# annotations at module level: a call that succeeds creates no error class (each is an
# attrs class, compiled when created), and tests/test_cold_start.py keeps it so.
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

if TYPE_CHECKING:
    from ._outcomes import ChatParseError as ChatParseError
    from ._outcomes import ChatRunToolsError as ChatRunToolsError
    from ._outcomes import RefusalError as RefusalError
    from ._outcomes import StructuredOutputError as StructuredOutputError
    from ._outcomes import ToolLoopInterruptedError as ToolLoopInterruptedError
    from ._outcomes import ToolRoundsExceededError as ToolRoundsExceededError

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

ChatStreamError: TypeAlias = ChatSendError | StreamStalledError | StreamTruncatedError
"""Everything ``chat_stream`` can answer before the stream starts (retries included): a
stream that stalls, or ends, before any content is the call's own ``Failure``."""

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
    "ChatParseError",
    "ChatRunToolsError",
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
    "RefusalError",
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
    "StructuredOutputError",
    "TooManyRequestsResponseError",
    "ToolLoopInterruptedError",
    "ToolRoundsExceededError",
    "TransportErrors",
    "UnauthorizedResponseError",
    "UnexpectedClientError",
    "UnprocessableEntityResponseError",
]

_OUTCOMES = (
    "ChatParseError",
    "ChatRunToolsError",
    "RefusalError",
    "StructuredOutputError",
    "ToolLoopInterruptedError",
    "ToolRoundsExceededError",
)
"""The names of ``_outcomes``, loaded on first use: a plain request creates none of the
structured-output and tool-loop error classes."""

if not TYPE_CHECKING:
    # Hidden from type checkers, which see the imports above and still flag misspelt names.
    def __getattr__(name: str) -> Any:
        if name not in _OUTCOMES:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        from . import _outcomes

        value = getattr(_outcomes, name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    """The public names, loaded or not, for ``dir()``, ``help()`` and tab completion."""
    return sorted({*__all__, *(name for name in globals() if name.startswith("__"))})
