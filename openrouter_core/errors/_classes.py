"""The error classes; their tree, and when each is answered, is in ``openrouter_core.errors``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import attrs

from openrouter_core._values import compared, value_repr

_BODY_SHOWN = 500


def _set_cause(self: OpenRouterError, cause: BaseException | None) -> None:
    if cause is not None:
        object.__setattr__(self, "__cause__", cause)


@attrs.frozen(kw_only=True, auto_exc=False, eq=False, repr=False)
class OpenRouterError(Exception):
    """Base of every error value.

    ``attempts`` is how many HTTP attempts the call made before giving up (retries included).

    ``str(err)`` is ``"<class name>: <description>"`` (``NotFoundResponseError: HTTP 404:
    model not found``), here once for every class; subclasses shape ``description``. These
    errors are values first, read through ``print(result)`` (``returns`` shows
    ``<Failure: {str(err)}>``), f-strings and logs, and the class is what callers match on.
    The price is paid where one is raised (the ``OpenRouter`` facade, ``raise err``): the
    traceback's last line already starts with the class, so it shows the name twice.
    ``repr(err)`` stays attrs' listing of the fields, for debugging.
    """

    message: str
    attempts: int = 1

    # attrs writes ``__init__`` only (see ``_values``); the hash is identity's, as exceptions
    # need (tracebacks, exception groups and loggers put them in sets).
    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return compared(self) == compared(other)

    __hash__ = BaseException.__hash__
    __repr__ = value_repr

    def __str__(self) -> str:
        return f"{type(self).__name__}: {self.description}"

    @property
    def description(self) -> str:
        """What went wrong, in one line, without the class name; never raises."""
        return self.message


@attrs.frozen(kw_only=True, auto_exc=False, eq=False, repr=False)
class ResponseError(OpenRouterError):
    """The server answered with an HTTP error status.

    ``code``, ``metadata`` and ``error`` come from the ``{"error": {...}}`` envelope when the
    body has one (parsed leniently: ``code`` may be an int or a str); ``body`` always keeps
    the raw text. ``retry_after`` is in seconds, from ``retry-after-ms`` / ``Retry-After``.
    """

    status_code: int
    body: str = attrs.field(default="", repr=False)
    headers: Mapping[str, str] = attrs.field(factory=dict, repr=False)
    code: int | str | None = None
    metadata: Mapping[str, Any] | None = None
    error: Mapping[str, Any] | None = attrs.field(default=None, repr=False)
    user_id: str | None = None
    openrouter_metadata: Mapping[str, Any] | None = attrs.field(default=None, repr=False)
    retry_after: float | None = None
    generation_id: str | None = None

    @property
    def error_type(self) -> str | None:
        """The kind of failure (``context_length_exceeded``, ``rate_limit_exceeded``, ...).

        From the body's ``error.metadata.error_type`` (or ``error.error_type``, where
        availability errors put it), so callers compare instead of searching messages.
        """
        return error_type(self.metadata, self.error)

    @property
    def provider_name(self) -> str | None:
        """The upstream provider named in ``error.metadata``, if any."""
        name = (self.metadata or {}).get("provider_name")
        return name if isinstance(name, str) else None

    @property
    def provider_message(self) -> str | None:
        """The upstream provider's own message, dug out of ``metadata.raw`` when present."""
        return provider_message((self.metadata or {}).get("raw"))

    @property
    def description(self) -> str:
        """``HTTP <status>: <message>``, plus the provider's own message when it adds one."""
        text = f"HTTP {self.status_code}: {self.message}"
        upstream = self.provider_message
        if upstream and upstream not in self.message:
            who = self.provider_name or "provider"
            text += f" ({who}: {upstream})"
        return text


class BadRequestResponseError(ResponseError):
    """400: invalid or missing parameters."""


class UnauthorizedResponseError(ResponseError):
    """401: missing, invalid or disabled key."""


class PaymentRequiredResponseError(ResponseError):
    """402: no credits left on the account or key."""


class ForbiddenResponseError(ResponseError):
    """403: permission, guardrail or moderation refusal."""


class NotFoundResponseError(ResponseError):
    """404: the model or resource does not exist."""


class RequestTimeoutResponseError(ResponseError):
    """408: the server timed the request out."""


class PayloadTooLargeResponseError(ResponseError):
    """413: the request body is too large."""


class UnprocessableEntityResponseError(ResponseError):
    """422: semantic validation failure."""


class TooManyRequestsResponseError(ResponseError):
    """429: rate limited; see ``retry_after``."""


class InternalServerResponseError(ResponseError):
    """500: unexpected server error (the message is masked by OpenRouter)."""


class BadGatewayResponseError(ResponseError):
    """502: the upstream provider failed."""


class ServiceUnavailableResponseError(ResponseError):
    """503: no provider available for the routing requirements."""


class EdgeNetworkTimeoutResponseError(ResponseError):
    """524: the provider request timed out at the edge network."""


class ProviderOverloadedResponseError(ResponseError):
    """529: the provider is overloaded."""


class OpenRouterDefaultError(ResponseError):
    """Any 4XX/5XX outside the table above (a non-JSON body keeps its status's class)."""


@attrs.frozen(kw_only=True, auto_exc=False, eq=False, repr=False)
class ResponseValidationError(OpenRouterError):
    """A successful response whose body does not decode into the expected model.

    ``details`` lists each problem as ``"<json path>: <what was expected>"``.
    """

    details: tuple[str, ...] = ()
    body: str = attrs.field(default="", repr=False)
    status_code: int | None = None
    headers: Mapping[str, str] = attrs.field(factory=dict, repr=False)

    @property
    def description(self) -> str:
        """The message, then each of ``details``."""
        if not self.details:
            return self.message
        return f"{self.message}: " + "; ".join(self.details)


@attrs.frozen(kw_only=True, auto_exc=False, eq=False, repr=False)
class GenerationError(OpenRouterError):
    """HTTP 200, but the generation failed.

    Comes from a body ``{"error": ...}``, a choice with ``finish_reason: "error"``, or an SSE
    error event. ``partial_content`` is the text generated before the failure;
    ``partial_result`` is the decoded body (non-streaming) or the stream collected so far.
    """

    code: int | str | None = None
    metadata: Mapping[str, Any] | None = None
    error: Mapping[str, Any] | None = attrs.field(default=None, repr=False)
    generation_id: str | None = None
    provider: str | None = None
    model: str | None = None
    partial_content: str = attrs.field(default="", repr=False)
    partial_result: Any = attrs.field(default=None, repr=False, eq=False)
    status_code: int = 200
    headers: Mapping[str, str] = attrs.field(factory=dict, repr=False)

    @property
    def error_type(self) -> str | None:
        """``metadata.error_type`` (``rate_limit_exceeded``, ``server``, ...), if present."""
        return error_type(self.metadata, self.error)

    @property
    def retryable(self) -> bool | None:
        """``error.availability.retryable`` when the server says, else ``None``."""
        availability = (self.error or {}).get("availability")
        if isinstance(availability, Mapping):
            flag = availability.get("retryable")
            if isinstance(flag, bool):
                return flag
        return None

    @property
    def description(self) -> str:
        """``generation failed [<code>]: <message>``, the provider's message and its name."""
        code = f" [{self.code}]" if self.code is not None else ""
        text = f"generation failed{code}: {self.message}"
        upstream = provider_message((self.metadata or {}).get("raw"))
        if upstream and upstream not in self.message:
            text += f" ({upstream})"
        if self.provider:
            text += f" (provider {self.provider})"
        return text


@attrs.frozen(kw_only=True, auto_exc=False, eq=False, repr=False)
class StreamTruncatedError(OpenRouterError):
    """The stream ended without ``[DONE]`` and without a finish reason."""

    partial_content: str = attrs.field(default="", repr=False)
    generation_id: str | None = None


@attrs.frozen(kw_only=True, auto_exc=False, eq=False, repr=False)
class StreamStalledError(OpenRouterError):
    """No content arrived within a watchdog limit (keep-alives do not count).

    ``phase`` is ``"first_content"`` (nothing yet) or ``"idle"`` (content stopped coming).
    ``limit`` is the wait that ran out: the watchdog's limit, or, when no byte at all came,
    the socket read timeout the attempt had (README, timeouts).
    """

    phase: Literal["first_content", "idle"]
    limit: float
    partial_content: str = attrs.field(default="", repr=False)
    generation_id: str | None = None


@attrs.frozen(kw_only=True, auto_exc=False, eq=False, repr=False)
class SDKValidationError(OpenRouterError):
    """The caller's input cannot be sent; nothing went over the network."""

    field: str | None = None


@attrs.frozen(kw_only=True, auto_exc=False, eq=False, repr=False)
class ClientError(OpenRouterError):
    """The request failed on this side: no HTTP answer was read.

    ``cause`` is the underlying exception (also set as ``__cause__``).
    ``may_have_been_processed`` says whether the server may have received the whole request
    and acted on it (a generation started, and billed): false when it never left this
    machine (connect failure, pool timeout, a write that failed before the body was
    complete) or went out on a kept-alive connection the server had already closed; true
    once the request was sent and the answer is missing or broke off. Only a request that
    cannot have been processed is sent again (unless it is idempotent).
    """

    cause: BaseException | None = attrs.field(default=None, eq=False, repr=False)
    may_have_been_processed: bool = attrs.field(default=False, eq=False)

    def __attrs_post_init__(self) -> None:
        _set_cause(self, self.cause)


class ConnectionFailedError(ClientError):
    """The connection could not be made, or broke before a complete answer."""


class RequestTimeoutError(ClientError):
    """A connect, read, write or pool timeout, or the call's total deadline, ran out."""


class RequestAbortedError(ClientError):
    """The request was cancelled by the caller."""


class InvalidRequestError(ClientError):
    """The call cannot be made as asked (for example ``stream=True`` given to ``chat_send``)."""


class UnexpectedClientError(ClientError):
    """Anything else that went wrong in the client: a raising hook, an unknown httpx error."""


def error_type(metadata: Mapping[str, Any] | None, error: Mapping[str, Any] | None) -> str | None:
    """``metadata.error_type``, else the envelope's own ``error_type``; a string or ``None``."""
    for where in (metadata, error):
        value = where.get("error_type") if isinstance(where, Mapping) else None
        if isinstance(value, str):
            return value
    return None


_DIG_DEPTH = 8
"""How deep ``provider_message`` looks: a message sits a level or two down, and a body
nested thousands deep must not make ``str(err)`` raise ``RecursionError``."""


def provider_message(raw: object, _depth: int = _DIG_DEPTH) -> str | None:
    """Find a human message in an upstream error body (``metadata.raw``).

    ``raw`` may be a string holding JSON, plain text, or an already-decoded object such as
    ``{"error": {"message": "..."}}``. Never raises, however the body is nested.
    """
    if isinstance(raw, str):
        text = raw.strip()
        if text[:1] in ("{", "[") and _depth > 0:
            import json

            try:
                found = provider_message(json.loads(text), _depth - 1)
            except (ValueError, RecursionError):
                found = None
            return found or text[:_BODY_SHOWN]
        return text[:_BODY_SHOWN] or None
    if isinstance(raw, Mapping) and _depth > 0:
        for key in ("message", "error", "detail", "error_message"):
            found = provider_message(raw.get(key), _depth - 1)
            if found:
                return found
    return None
