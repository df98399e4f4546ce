"""Pure HTTP logic: build the request, read a response into a Result. No I/O here."""

from __future__ import annotations

import functools
import ipaddress
import json
import math
import re
import sys
from collections.abc import Callable, Collection, Mapping
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar
from urllib.parse import quote

import attrs
import httpx
from returns.result import Failure, Result, Success

from openrouter_core import _converter
from openrouter_core._retries import retry_after_seconds, wire_seconds
from openrouter_core._version import __version__

if TYPE_CHECKING:
    from openrouter_core._operation import Endpoint

    # Imported where an error is made or matched: a call that succeeds creates no error
    # class (each is an attrs class, compiled when created; issue 16, cold start).
    from openrouter_core.errors import (
        GenerationError,
        HTTPStatusErrors,
        OpenRouterError,
        ResponseError,
        ResponseValidationError,
        SDKValidationError,
    )
    from openrouter_core.models import ChatResult

T = TypeVar("T")

_PYTHON = "{}.{}.{}".format(*sys.version_info[:3])
USER_AGENT = f"openrouter-core/{__version__} python/{_PYTHON} httpx/{httpx.__version__}"


@functools.cache
def status_errors() -> Mapping[int, type[ResponseError]]:
    """The seed's error table; any other error status is ``OpenRouterDefaultError``. Made
    on the first error status."""
    from openrouter_core.errors import (
        BadGatewayResponseError,
        BadRequestResponseError,
        EdgeNetworkTimeoutResponseError,
        ForbiddenResponseError,
        InternalServerResponseError,
        NotFoundResponseError,
        PayloadTooLargeResponseError,
        PaymentRequiredResponseError,
        ProviderOverloadedResponseError,
        RequestTimeoutResponseError,
        ServiceUnavailableResponseError,
        TooManyRequestsResponseError,
        UnauthorizedResponseError,
        UnprocessableEntityResponseError,
    )

    return {
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


_BODY_EXCERPT = 200

E = TypeVar("E", bound="OpenRouterError")


def normalize_server_url(url: str) -> Result[httpx.URL, SDKValidationError]:
    """Parse the base URL, drop trailing slashes, and turn ``.../api`` into ``.../api/v1``."""
    try:
        parsed = httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        shown = masked_url(str(url))
        return Failure(_invalid("server_url", f"invalid server URL {shown!r}: {exc}"))
    if parsed.scheme not in ("http", "https") or not parsed.host:
        shown = masked_url(url)
        return Failure(_invalid("server_url", f"server URL must be http(s)://host/...: {shown!r}"))
    if parsed.userinfo:
        # httpx would send them as Basic auth in place of the Bearer key.
        shown = str(parsed.copy_with(userinfo=b""))
        return Failure(
            _invalid(
                "server_url",
                f"server URL {shown!r} carries credentials (user:password@), which would "
                "replace the API key: pass the key as api_key and drop them from the URL",
            )
        )
    path = parsed.path.rstrip("/")
    if path.endswith("/api") or path == "/api":
        path += "/v1"
    return Success(parsed.copy_with(path=path or "/"))


def masked_url(text: str) -> str:
    """A URL's text without the ``user:password@`` it may carry (for messages)."""
    return re.sub(r"//[^/@]*@", "//***@", text)


def endpoint_url(base: httpx.URL, path: str) -> httpx.URL:
    """Join ``path`` onto the base's path, keeping the base's query string."""
    return base.copy_with(path=base.path.rstrip("/") + path)


_PATH_SAFE = "-._~!$&'()*+,;=:@"
"""Characters RFC 3986 allows in a path segment as they are (``pchar`` less ``%``)."""


def fill_path(template: str, values: Mapping[str, str]) -> str | SDKValidationError:
    """The path with each ``{name}`` replaced by its value, percent-encoded as one segment.

    A value that would change which resource is asked for (``/``, ``?``, ``#``, a dot
    segment, or nothing at all) is refused rather than encoded: ``author="../keys"`` is a
    mistake or an attack, never a model.
    """
    encoded: dict[str, str] = {}
    for name, value in values.items():
        if not isinstance(value, str):
            return _invalid(name, f"{name} must be a str, got {type(value).__name__}")
        if value in ("", ".", "..") or any(c in value for c in "/\\?#"):
            return _invalid(name, f"{name}={value!r} would change the request's path")
        encoded[name] = quote(value, safe=_PATH_SAFE)
    try:
        return template.format_map(encoded)
    except KeyError as exc:
        return _invalid(str(exc), f"the path parameter {exc} is missing")


def query_params(
    values: Mapping[str, str | int | float | bool | None],
) -> list[tuple[str, str]] | SDKValidationError:
    """Query parameters as sent: ``None`` left out, booleans as ``true``/``false``."""
    params: list[tuple[str, str]] = []
    for name, value in values.items():
        if value is None:
            continue
        if isinstance(value, bool):
            params.append((name, "true" if value else "false"))
        elif isinstance(value, int | float | str):
            if isinstance(value, float) and not math.isfinite(value):
                return _invalid(name, f"{name}={value!r} is not a finite number")
            params.append((name, str(value)))
        else:
            return _invalid(name, f"{name} cannot be {type(value).__name__}")
    return params


def is_loopback(url: httpx.URL) -> bool:
    """Whether the URL's host is this machine (plain http is fine there).

    Only ``localhost`` and loopback IP addresses count: a DNS name such as
    ``127.0.0.1.example.com`` can point anywhere.
    """
    return _is_loopback_host(url.host)


@functools.lru_cache(maxsize=64)
def _is_loopback_host(host: str) -> bool:
    # Cached: a core talks to one or two hosts, and parsing an address costs per call.
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def build_headers(
    *,
    api_key: str,
    stream: bool,
    has_body: bool = True,
    http_referer: str | None,
    app_title: str | None,
    app_categories: str | None,
    metadata_level: str | None,
    user_agent: str | None,
    extra: Mapping[str, str],
) -> list[tuple[str, str]] | SDKValidationError:
    """The request headers in the TypeScript SDK's order; ``extra`` overrides by name.

    A request without a body (a GET) has no ``Content-Type``.

    Values must be printable ASCII: a CR/LF could smuggle headers and other characters
    would go out in an encoding the server may not expect, so both are refused.
    """
    token = api_key if api_key[:7].lower() == "bearer " else f"Bearer {api_key}"
    pairs: list[tuple[str, str | None]] = [
        ("Content-Type", "application/json" if has_body else None),
        ("Accept", "text/event-stream" if stream else "application/json"),
        ("HTTP-Referer", http_referer),
        ("X-OpenRouter-Metadata", metadata_level),
        ("X-OpenRouter-Categories", app_categories),
        ("X-OpenRouter-Title", app_title),
        ("Authorization", token),
        ("User-Agent", user_agent or USER_AGENT),
    ]
    overridden = {str(name).lower() for name in extra}  # a name not a str is refused below
    headers = [(k, v) for k, v in pairs if v is not None and k.lower() not in overridden]
    headers.extend(extra.items())
    for name, value in headers:
        problem = _header_problem(name, value)
        if problem:
            secret = str(name).lower() == "authorization"
            shown = "Authorization" if secret else f"{name}: {value!r}"
            return _invalid(name, f"header {shown} cannot be sent: {problem}")
    return headers


HeaderValues: TypeAlias = tuple[
    str, bool, bool, str | None, str | None, str | None, str | None, str | None, tuple[Any, ...]
]
"""``build_headers``' arguments in its order, ``extra`` as a tuple of its items."""


@functools.lru_cache(maxsize=64)
def header_block(values: HeaderValues) -> httpx.Headers | SDKValidationError:
    """``build_headers`` as the ``httpx.Headers`` a request is built from, made once per
    distinct set of values: checking and normalising the same headers cost about as much
    per call as the rest of the request. Each request copies it; nothing changes it."""
    (
        api_key,
        stream,
        has_body,
        http_referer,
        app_title,
        app_categories,
        metadata_level,
        user_agent,
        extra,
    ) = values
    built = build_headers(
        api_key=api_key,
        stream=stream,
        has_body=has_body,
        http_referer=http_referer,
        app_title=app_title,
        app_categories=app_categories,
        metadata_level=metadata_level,
        user_agent=user_agent,
        extra=dict(extra),
    )
    return httpx.Headers(built) if isinstance(built, list) else built


def _header_problem(name: str, value: str) -> str | None:
    if not isinstance(name, str) or not isinstance(value, str):
        return "header names and values must be str"
    return _text_header_problem(name, value)


@functools.lru_cache(maxsize=256)
def _text_header_problem(name: str, value: str) -> str | None:
    # Cached: the same attribution and key headers go out on every call.
    if not name or not name.isascii() or any(c in name for c in " :\r\n\t\0"):
        return "invalid header name"
    if any(c in value for c in "\r\n\0"):
        return "it contains CR, LF or NUL"
    if not value.isascii():
        return "it contains non-ASCII characters (encode them first, e.g. percent-encoding)"
    return None


def build_body(payload: Mapping[str, Any]) -> bytes | SDKValidationError:
    """Compact UTF-8 JSON, as the TypeScript SDK sends it; NaN and odd objects are refused."""
    try:
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError, RecursionError) as exc:
        return _invalid("request", f"the request body does not serialise to JSON: {exc}")
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        pass
    # Surrogates: a pair written as two code points ("\ud83d\ude00") is one character;
    # a lone one has no UTF-8 form and would go out as invalid bytes.
    try:
        joined = text.encode("utf-16", "surrogatepass").decode("utf-16")
    except UnicodeDecodeError:
        where = _lone_surrogate_path(payload, "")
        return _invalid(
            "request",
            f"the request text has a lone surrogate{f' at {where}' if where else ''}, "
            "which is not valid Unicode and cannot be sent as UTF-8",
        )
    return joined.encode("utf-8")


def _lone_surrogate_path(value: object, path: str) -> str | None:
    """Where in the payload the first string with a lone surrogate is (``messages[0].content``)."""
    if isinstance(value, str):
        try:
            value.encode("utf-16", "surrogatepass").decode("utf-16")
        except UnicodeDecodeError:
            return path or "the body"
        return None
    if isinstance(value, Mapping):
        items: list[tuple[object, str]] = []
        for key, item in value.items():
            items += [(key, f"{path} key"), (item, f"{path}.{key}" if path else str(key))]
    elif isinstance(value, list | tuple):
        items = [(item, f"{path}[{index}]") for index, item in enumerate(value)]
    else:
        return None
    for item, where in items:
        found = _lone_surrogate_path(item, where)
        if found:
            return found
    return None


def timeout_extension(timeout: float | httpx.Timeout | None) -> dict[str, float | None]:
    """The per-request timeout in the form httpx reads from ``request.extensions``."""
    return (timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)).as_dict()


def header_dict(headers: httpx.Headers) -> dict[str, str]:
    """Lower-case names; repeated headers joined with ``", "`` (httpx's view)."""
    return dict(headers.items())


def read_response(
    endpoint: Endpoint[Any, Any], status: int, headers: httpx.Headers, body: bytes, *, now: float
) -> Result[Any, OpenRouterError]:
    """Interpret a complete non-streaming response of any operation.

    A 2xx body is the endpoint's to read; an error status is read leniently, keeping its
    own class only when the operation declares it. ``now`` (epoch seconds) resolves an
    HTTP-date ``Retry-After``.
    """
    if not 200 <= status < 300:
        return Failure(
            read_error_response(status, headers, body, now=now, declared=endpoint.statuses)
        )
    return endpoint.read(status, headers, body)


def json_reader(
    cls: type[T],
) -> Callable[[int, httpx.Headers, bytes], Result[T, ResponseValidationError]]:
    """The reader of a 2xx JSON body that decodes as ``cls`` (every operation but chat)."""

    def read(
        status: int, headers: httpx.Headers, body: bytes
    ) -> Result[T, ResponseValidationError]:
        value = _json_object(status, headers, body, cls.__name__)
        if not isinstance(value, dict):
            return Failure(value)
        decoded = _converter.from_builtins(value, cls)
        if isinstance(decoded, Failure):
            return Failure(_invalid_body(status, headers, body, cls.__name__, decoded.failure()))
        return decoded

    return read


def _json_object(
    status: int, headers: httpx.Headers, body: bytes, expected: str
) -> dict[str, Any] | ResponseValidationError:
    # The body's text and the headers are copied into errors only: a success skips both
    # (decoding a large body to text costs as much as parsing it).
    try:
        value = json.loads(body) if body.strip() else None
    except (ValueError, RecursionError) as exc:
        why = f"the body is not JSON ({exc})"
        return _not_json(status, header_dict(headers), _text(body), why, expected)
    if not isinstance(value, dict):
        why = "expected a JSON object"
        return _not_json(status, header_dict(headers), _text(body), why, expected)
    return value


def _invalid_body(
    status: int,
    headers: httpx.Headers,
    body: bytes,
    expected: str,
    failure: ResponseValidationError,
) -> ResponseValidationError:
    from openrouter_core.errors import ResponseValidationError

    return ResponseValidationError(
        message=f"HTTP {status} body is not a valid {expected}",
        details=failure.details,
        body=_text(body),
        status_code=status,
        headers=header_dict(headers),
    )


def read_success_body(
    status: int, headers: httpx.Headers, body: bytes
) -> Result[ChatResult, ResponseValidationError | GenerationError]:
    """A 2xx body: a ``ChatResult``, or the generation error the body reports."""
    value = _json_object(status, headers, body, "ChatResult")
    if not isinstance(value, dict):
        return Failure(value)
    decoded = _converter.from_builtins(value, _chat_result())
    envelope = value.get("error")
    if isinstance(envelope, dict):
        partial = decoded.value_or(None)
        return Failure(generation_error(envelope, value, header_dict(headers), partial))
    if not isinstance(decoded, Success):  # Success first: the exact class skips the ABC check
        return Failure(_invalid_body(status, headers, body, "ChatResult", decoded.failure()))
    result = decoded.unwrap()
    for choice in result.choices:
        if choice.finish_reason == "error" or choice.error is not None:
            detail = _converter.to_builtins(choice.error).value_or(None) if choice.error else None
            detail = detail if isinstance(detail, dict) else {}
            return Failure(generation_error(detail, value, header_dict(headers), result))
    return decoded


@functools.cache
def _chat_result() -> type[ChatResult]:
    """``ChatResult``, imported on the first answer (models load on first use) and then
    held: an import statement in the function body would run the import machinery per call."""
    from openrouter_core.models import ChatResult

    return ChatResult


def generation_error(
    error: Mapping[str, Any],
    container: Mapping[str, Any],
    headers: Mapping[str, str],
    partial: ChatResult | None,
    *,
    partial_content: str | None = None,
) -> GenerationError:
    """A ``GenerationError`` from an ``error`` object found in an HTTP-200 body or chunk."""
    from openrouter_core.errors import GenerationError

    code = error.get("code")
    message = error.get("message")
    metadata = error.get("metadata")
    provider = container.get("provider")
    generation_id = container.get("id")
    model = container.get("model")
    if partial_content is None:
        partial_content = _content_of(partial)
    return GenerationError(
        message=message if isinstance(message, str) else "the generation failed",
        code=code if isinstance(code, int | str) and not isinstance(code, bool) else None,
        metadata=metadata if isinstance(metadata, dict) else None,
        error=dict(error),
        generation_id=generation_id if isinstance(generation_id, str) else None,
        provider=provider if isinstance(provider, str) else None,
        model=model if isinstance(model, str) else None,
        partial_content=partial_content,
        partial_result=partial,
        headers=dict(headers),
    )


def _content_of(result: ChatResult | None) -> str:
    if result is None or not result.choices:
        return ""
    content = result.choices[0].message.content
    return content if isinstance(content, str) else ""


def read_error_response(
    status: int,
    headers: httpx.Headers,
    body: bytes,
    *,
    now: float,
    declared: Collection[int] | None = None,
) -> HTTPStatusErrors:
    """An error status, read leniently: the class is the status's, whatever the body.

    A status outside the table, or one the operation does not declare (``declared``; by
    default every status of the table), gives ``OpenRouterDefaultError``. A body that is
    not a JSON object (an HTML page from a proxy, plain text, nothing) gives a short
    excerpt as the message (an HTML page's title, or its text without tags); the raw text
    is always kept in ``body``.
    """
    hdrs = header_dict(headers)
    text = _text(body)
    try:
        value = json.loads(body) if body.strip() else None
    except (ValueError, RecursionError):
        value = None
    retry_after = retry_after_seconds(hdrs, now)
    common: dict[str, Any] = {
        "status_code": status,
        "body": text,
        "headers": hdrs,
        "generation_id": hdrs.get("x-generation-id"),
    }
    from openrouter_core.errors import OpenRouterDefaultError

    table = status_errors()
    known = table.get(status) if declared is None or status in declared else None
    cls: type[HTTPStatusErrors] = known or OpenRouterDefaultError  # type: ignore[assignment]
    if not isinstance(value, dict):
        kind = hdrs.get("content-type", "no content type")
        excerpt = body_excerpt(text, kind)
        return cls(
            message=f"unexpected response ({kind}): {excerpt}"
            if excerpt
            else f"empty body ({kind})",
            retry_after=retry_after,
            **common,
        )
    error = value.get("error")
    envelope: dict[str, Any] = error if isinstance(error, dict) else {}
    if retry_after is None:
        retry_after = _availability_retry_after(envelope)
    code = envelope.get("code")
    metadata = envelope.get("metadata")
    user_id = value.get("user_id")
    or_metadata = value.get("openrouter_metadata")
    return cls(
        message=_error_message(envelope, value, status),
        code=code if isinstance(code, int | str) and not isinstance(code, bool) else None,
        metadata=metadata if isinstance(metadata, dict) else None,
        error=envelope or None,
        user_id=user_id if isinstance(user_id, str) else None,
        openrouter_metadata=or_metadata if isinstance(or_metadata, dict) else None,
        retry_after=retry_after,
        **common,
    )


_SCANNED = 64 * 1024
"""How much of a non-JSON error body the excerpt looks at (a proxy page is small)."""


def body_excerpt(text: str, content_type: str) -> str:
    """A short, readable excerpt of a non-JSON body: an HTML page's title (or its text
    without tags), else the text itself; whitespace collapsed, at most ``_BODY_EXCERPT``."""
    head = text[:_SCANNED]
    if "html" in content_type.lower() or head.lstrip()[:1] == "<":
        title = re.search(r"<title[^>]*>(.*?)</title", head, re.IGNORECASE | re.DOTALL)
        if title and title.group(1).strip():
            head = title.group(1)
        else:
            head = re.sub(r"<(script|style)\b.*?</\1\s*>", " ", head, flags=re.I | re.S)
            head = re.sub(r"<[^>]*>", " ", head)
        import html  # deferred: only an HTML error page needs it (html.entities is large)

        head = html.unescape(head)
    flat = " ".join(head.split())
    return flat[:_BODY_EXCERPT] + ("..." if len(flat) > _BODY_EXCERPT else "")


_REDACTED = "[redacted]"
_SHORTEST_SECRET = 8
"""A shorter key (only ever a test's) would match ordinary words."""
_SCRUB_DEPTH = 32


def redact_key(outcome: Result[T, E], authorization: str | None) -> Result[T, E]:
    """The outcome with the API key (from the request's ``Authorization``) taken out of every
    text an error carries: message, body, headers, metadata. Unchanged when it holds none."""
    if isinstance(outcome, Success) or not authorization:
        return outcome
    secret = authorization.split(" ", 1)[-1].strip()
    if len(secret) < _SHORTEST_SECRET:
        return outcome
    error = outcome.failure()
    changes: dict[str, Any] = {}
    for field in attrs.fields(type(error)):
        if field.name in ("cause", "partial_result"):
            continue
        value = getattr(error, field.name)
        scrubbed = _scrub(value, secret, _SCRUB_DEPTH)
        if scrubbed is not value:
            changes[field.name] = scrubbed
    return Failure(attrs.evolve(error, **changes)) if changes else outcome


def _scrub(value: Any, secret: str, depth: int) -> Any:
    """``value`` with ``secret`` replaced in its strings; the same object if it has none."""
    if isinstance(value, str):
        return value.replace(secret, _REDACTED) if secret in value else value
    if depth <= 0:
        return value
    if isinstance(value, Mapping):
        pairs = [(key, _scrub(item, secret, depth - 1)) for key, item in value.items()]
        changed = any(new is not old for (_, new), old in zip(pairs, value.values(), strict=True))
        return dict(pairs) if changed else value
    if isinstance(value, list | tuple):
        items = [_scrub(item, secret, depth - 1) for item in value]
        changed = any(new is not old for new, old in zip(items, value, strict=True))
        return type(value)(items) if changed else value
    return value


def _error_message(envelope: Mapping[str, Any], value: Mapping[str, Any], status: int) -> str:
    for source in (envelope, value):
        message = source.get("message")
        if isinstance(message, str) and message:
            return message
    error = value.get("error")
    if isinstance(error, str) and error:
        return error
    return f"HTTP {status} error"


def _availability_retry_after(envelope: Mapping[str, Any]) -> float | None:
    availability = envelope.get("availability")
    if isinstance(availability, dict):
        return wire_seconds(availability.get("retry_after"))  # bounded: a huge int overflows
    return None


def _not_json(
    status: int, headers: dict[str, str], text: str, why: str, expected: str
) -> ResponseValidationError:
    from openrouter_core.errors import ResponseValidationError

    return ResponseValidationError(
        message=f"HTTP {status} body is not a valid {expected}: {why}",
        body=text,
        status_code=status,
        headers=headers,
    )


def _text(body: bytes) -> str:
    return body.decode("utf-8", "replace")


def _invalid(field: str, message: str) -> SDKValidationError:
    from openrouter_core.errors import SDKValidationError

    return SDKValidationError(message=message, field=field)
