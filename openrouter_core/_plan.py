"""Resolve one call (core + endpoint + parameters + options) into everything the shell needs.

No network I/O happens here; the only foreign code run is the caller's: the API-key
callable and the ``before_create_request`` hooks, each guarded so that a raise (or a hook
returning the wrong type) becomes an error value instead of escaping.

The planner answers a ``CallPlan`` or the error value itself, not a ``Result``: it runs on
every call, and each ``Success`` built and each ``isinstance(..., Failure)`` asked of one
(an ABC check) cost more than the step it wraps. ``_operation.call`` makes the ``Result``.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final, TypeAlias, TypeVar

import httpx
from returns.result import Failure, Result, Success

from openrouter_core import _converter, _http
from openrouter_core._core import OpenRouterCore

if TYPE_CHECKING:
    from openrouter_core._operation import Endpoint
    from openrouter_core._options import HookContext, Hooks, Operation, RequestOptions
    from openrouter_core._retry_config import RetryConfig

    # Imported where an error is made: a call that succeeds creates no error class (each
    # is an attrs class, compiled when created; issue 16, cold start).
    from openrouter_core.errors import (
        InvalidRequestError,
        SDKValidationError,
        UnexpectedClientError,
    )

PlanError: TypeAlias = "SDKValidationError | InvalidRequestError | UnexpectedClientError"
T = TypeVar("T")

QueryValue: TypeAlias = str | int | float | bool | None
"""A query parameter's value; ``None`` leaves the parameter out."""


class CallPlan:
    """A call, resolved: the request to send and the limits to send it under.

    ``CallPlan`` and ``Attribution`` are plain slotted classes, not attrs ones: attrs
    compiles methods when a class is created, which a fresh process pays before its first
    call (issue 16, cold start). ``Final`` keeps them read-only where mypy looks.
    """

    __slots__ = (
        "base_url",
        "deadline",
        "deadline_at",
        "endpoint",
        "first_content_timeout",
        "hooks",
        "idempotent",
        "idle_timeout",
        "keep_content",
        "logger",
        "max_line_bytes",
        "max_response_bytes",
        "request",
        "retries",
    )

    def __init__(
        self,
        *,
        endpoint: Endpoint[Any, Any],
        request: httpx.Request,
        base_url: str,
        retries: RetryConfig | None,
        idempotent: bool,
        deadline: float | None,
        deadline_at: float | None,
        first_content_timeout: float | None,
        idle_timeout: float | None,
        max_response_bytes: int,
        max_line_bytes: int,
        keep_content: bool,
        hooks: Hooks | None,
        logger: logging.Logger,
    ) -> None:
        self.endpoint: Final = endpoint
        self.request: Final = request
        self.base_url: Final = base_url
        self.retries: Final = retries
        """The call's retry settings; ``None`` for the default (made if an attempt fails)."""
        self.idempotent: Final = idempotent
        """Sending the request twice does no harm (a GET): the retry policy may re-send it
        after a failure that left unknown whether the server received it."""
        self.deadline: Final = deadline
        self.deadline_at: Final = deadline_at
        """The runtime's monotonic time at which the deadline passes (None: no deadline)."""
        self.first_content_timeout: Final = first_content_timeout
        self.idle_timeout: Final = idle_timeout
        self.max_response_bytes: Final = max_response_bytes
        self.max_line_bytes: Final = max_line_bytes
        self.keep_content: Final = keep_content
        self.hooks: Final = hooks
        """``None``: the core has none."""
        self.logger: Final = logger

    @property
    def operation(self) -> Operation:
        """The operation's name, as hooks see it."""
        return self.endpoint.name

    def context(self, attempt: int) -> HookContext:
        """What hooks are told about this call; never the key."""
        return _hook_context()(operation=self.operation, base_url=self.base_url, attempt=attempt)


class Attribution:
    """Per-call attribution headers that win over the core's (chat's operation wrapper)."""

    __slots__ = ("app_categories", "app_title", "http_referer", "metadata_level")

    def __init__(
        self,
        *,
        http_referer: str | None = None,
        app_title: str | None = None,
        app_categories: str | None = None,
        metadata_level: str | None = None,
    ) -> None:
        self.http_referer: Final = http_referer
        self.app_title: Final = app_title
        self.app_categories: Final = app_categories
        self.metadata_level: Final = metadata_level


_NO_ATTRIBUTION = Attribution()
"""Frozen, so every call without per-call attribution shares it."""


def plan_call(
    core: OpenRouterCore,
    endpoint: Endpoint[Any, Any],
    options: RequestOptions | None,
    *,
    path: Mapping[str, str] | None = None,
    query: Mapping[str, QueryValue] | None = None,
    body: object = None,
    shape_body: Callable[[dict[str, Any]], None] | None = None,
    attribution: Attribution | None = None,
) -> CallPlan | PlanError:
    """Everything needed to send one call of ``endpoint``, or the reason it cannot be sent.

    ``path`` fills the path template (each value percent-encoded, values that would change
    the path refused); ``query`` values of ``None`` are left out; ``body`` is the
    endpoint's body model, converted to JSON with ``options.extra_body`` merged in, after
    which ``shape_body`` may set what the operation itself decides (chat's ``stream``).
    """
    problem = check_arguments(core, options)
    if problem is not None:
        return problem
    return plan_checked(
        core,
        endpoint,
        options,
        path=path,
        query=query,
        body=body,
        shape_body=shape_body,
        attribution=attribution,
    )


def plan_checked(
    core: OpenRouterCore,
    endpoint: Endpoint[Any, Any],
    options: RequestOptions | None,
    *,
    path: Mapping[str, str] | None = None,
    query: Mapping[str, QueryValue] | None = None,
    body: object = None,
    shape_body: Callable[[dict[str, Any]], None] | None = None,
    attribution: Attribution | None = None,
) -> CallPlan | PlanError:
    """``plan_call`` for arguments ``check_arguments`` already passed (chat checks them
    before reading its options); the checks run once per call.

    No ``options`` are no overrides: the core's settings throughout, no extra headers or
    body, the content kept (``RequestOptions()``, which such a call never makes).
    """
    wanted = endpoint.body
    if wanted is not None and not isinstance(body, wanted):
        from openrouter_core.errors import SDKValidationError

        return SDKValidationError(
            message=f"expected a {wanted.__name__}, got {type(body).__name__}",
            field="request",
        )
    route = _http.fill_path(endpoint.path, path or {})
    if not isinstance(route, str):
        return route
    params = _http.query_params(query or {})
    if not isinstance(params, list):
        return params
    server_url = (options is not None and options.server_url) or core.server_url
    # An unhashable value cannot be cached; it still gets its error from the parser.
    resolved = (
        _resolve(server_url, route)
        if isinstance(server_url, str)
        else _resolve.__wrapped__(server_url, route)
    )
    if not isinstance(resolved, tuple):
        return resolved
    base_url, base_text, url = resolved
    key = _api_key(core)
    if not isinstance(key, str):
        return key
    if (
        base_url.scheme == "http"
        and not _http.is_loopback(base_url)
        and not core.allow_insecure_http
    ):
        from openrouter_core.errors import SDKValidationError

        return SDKValidationError(
            message=(
                f"refusing to send the API key over plain http to {base_url.host}; "
                "use https, or OpenRouterCore(allow_insecure_http=True)"
            ),
            field="server_url",
        )
    hooks = core._hooks
    content: bytes | None = None
    if wanted is not None:
        payload = _payload(body, options)
        if not isinstance(payload, dict):
            return payload
        if shape_body is not None:
            shape_body(payload)
        for hook in hooks.before_create_request if hooks is not None else ():
            context = _hook_context()(operation=endpoint.name, base_url=base_text, attempt=0)
            replaced = run_replacing_hook(hook, context, payload, name="before_create_request")
            if isinstance(replaced, Failure):
                hook_error: UnexpectedClientError = replaced.failure()
                return hook_error
            payload = replaced.unwrap()
        encoded = _http.build_body(payload)
        if not isinstance(encoded, bytes):
            return encoded
        content = encoded
    own = attribution or _NO_ATTRIBUTION
    header_values: _http.HeaderValues = (
        key,
        endpoint.stream,
        content is not None,
        _pick(own.http_referer, core.http_referer),
        _pick(own.app_title, core.app_title),
        _pick(own.app_categories, core.app_categories),
        own.metadata_level,
        core.user_agent,
        tuple(options.headers.items()) if options is not None else (),
    )
    try:
        headers = _http.header_block(header_values)
    except TypeError:  # an unhashable value: built uncached, to be refused with a message
        headers = _http.header_block.__wrapped__(header_values)
    if not isinstance(headers, httpx.Headers):
        return headers
    first_content, idle, timeout, deadline = _limits(core, options, stream=endpoint.stream)
    try:
        # Merged, not replaced: a query string on the server URL is kept (httpx.Request's
        # params= would drop it).
        http_request = httpx.Request(
            endpoint.method,
            url.copy_merge_params(tuple(params)) if params else url,
            headers=headers,
            content=content,
            extensions={"timeout": timeout.as_dict()},
        )
    except (httpx.HTTPError, TypeError, ValueError, UnicodeError) as exc:
        from openrouter_core.errors import SDKValidationError

        return SDKValidationError(message=f"the request cannot be built: {exc}")
    return CallPlan(
        endpoint=endpoint,
        request=http_request,
        base_url=base_text,
        retries=(options is not None and options.retries) or core._retry_config,
        idempotent=endpoint.idempotent,
        deadline=deadline,
        deadline_at=None if deadline is None else core._clocks.monotonic() + deadline,
        first_content_timeout=first_content,
        idle_timeout=idle,
        max_response_bytes=core.max_response_bytes,
        max_line_bytes=core.max_line_bytes,
        keep_content=options is None or options.keep_content,
        hooks=hooks,
        logger=core.logger,
    )


@functools.lru_cache(maxsize=64)
def _resolve(server_url: str, path: str) -> tuple[httpx.URL, str, httpx.URL] | SDKValidationError:
    """The normalised base URL (and its text) and the path's URL, once per server URL and path.

    Parsing and copying ``httpx.URL`` values took about a third of a call's own time on a
    loopback benchmark; both results are immutable, so every call with the same URL shares them.
    """
    base = _http.normalize_server_url(server_url)
    if isinstance(base, Failure):
        invalid: SDKValidationError = base.failure()
        return invalid
    url = base.unwrap()
    return url, str(url), _http.endpoint_url(url, path)


# The settings classes, loaded by the first call given options or hooks (which made them),
# never by a call with neither; cached, as an import statement in a function body costs
# every call the import machinery.


@functools.cache
def _request_options() -> type[RequestOptions]:
    from openrouter_core._options import RequestOptions

    return RequestOptions


@functools.cache
def _hook_context() -> type[HookContext]:
    from openrouter_core._options import HookContext

    return HookContext


def guarded(hook: Callable[..., T], *args: Any, name: str) -> Result[T, UnexpectedClientError]:
    """Run a caller's hook; a raise becomes ``Failure(UnexpectedClientError)``."""
    try:
        return Success(hook(*args))
    except Exception as exc:  # the caller's code may raise anything; BaseException passes
        from openrouter_core.errors import UnexpectedClientError

        return Failure(UnexpectedClientError(message=f"the {name} hook raised {exc!r}", cause=exc))


def run_replacing_hook(
    hook: Callable[[HookContext, T], object], context: HookContext, current: T, *, name: str
) -> Result[T, UnexpectedClientError]:
    """Run a hook that may replace ``current``: what it returns, or ``current`` for None.

    Anything else it returns is the hook's bug, reported like a raise.
    """
    replaced = guarded(hook, context, current, name=name)
    if isinstance(replaced, Failure):
        return replaced
    value = replaced.unwrap()
    if value is None:
        return Success(current)
    if not isinstance(value, type(current)):
        from openrouter_core.errors import UnexpectedClientError

        wanted = type(current).__name__
        return Failure(
            UnexpectedClientError(
                message=(
                    f"the {name} hook returned {type(value).__name__}: "
                    f"it must return a {wanted} or None"
                )
            )
        )
    return Success(value)


def check_arguments(core: object, options: object) -> SDKValidationError | None:
    """The core and the options are what the signature says (not an AttributeError later)."""
    if not isinstance(core, OpenRouterCore):
        from openrouter_core.errors import SDKValidationError

        hint = " (for an OpenRouter client, pass client.core)" if hasattr(core, "core") else ""
        return SDKValidationError(
            message=f"expected an OpenRouterCore, got {type(core).__name__}{hint}",
            field="core",
        )
    if options is not None and not isinstance(options, _request_options()):
        from openrouter_core.errors import SDKValidationError

        return SDKValidationError(
            message=f"options must be a RequestOptions or None, got {type(options).__name__}",
            field="options",
        )
    return None


def _api_key(core: OpenRouterCore) -> str | PlanError:
    source = core.api_key
    if callable(source):
        fetched = guarded(source, name="api_key provider")
        if isinstance(fetched, Failure):
            raised: UnexpectedClientError = fetched.failure()
            return raised
        key: object = fetched.unwrap()
    else:
        key = source
    if not isinstance(key, str) or not key.strip():
        from openrouter_core.errors import SDKValidationError

        return SDKValidationError(
            message="no API key: pass api_key=... or set OPENROUTER_API_KEY",
            field="api_key",
        )
    return key.strip()


def _payload(body: object, options: RequestOptions | None) -> dict[str, Any] | SDKValidationError:
    payload = _converter.builtins_or_error(body)
    if not isinstance(payload, dict):
        from openrouter_core.errors import SDKValidationError

        if isinstance(payload, SDKValidationError):
            return payload
        return SDKValidationError(message="the request did not convert to a JSON object")
    if options is not None:
        payload.update(options.extra_body)
    return payload


class _NoOverrides:
    """The limits of a call given no ``RequestOptions``: none of its own (the core's apply),
    read without creating that class."""

    __slots__ = ()
    first_content_timeout = idle_timeout = timeout = deadline = None


_NO_OVERRIDES: Final = _NoOverrides()


def _limits(
    core: OpenRouterCore, options: RequestOptions | None, *, stream: bool
) -> tuple[float | None, float | None, httpx.Timeout, float | None]:
    """The call's first-content and idle limits, per-attempt timeout and deadline: the
    options' where they set one, else the core's."""
    own = options if options is not None else _NO_OVERRIDES
    first_content = _pick(own.first_content_timeout, core.first_content_timeout)
    idle = _pick(own.idle_timeout, core.idle_timeout)
    timeout = _timeout(own.timeout if own.timeout is not None else core.timeout)
    deadline = _pick(own.deadline, core.deadline)
    if stream:
        timeout = _cap_read(timeout, first_content, idle)
    return first_content, idle, timeout, deadline


def _pick(first: T | None, second: T | None) -> T | None:
    return first if first is not None else second


def _timeout(value: float | httpx.Timeout | None) -> httpx.Timeout:
    return value if isinstance(value, httpx.Timeout) else httpx.Timeout(value)


def _cap_read(timeout: httpx.Timeout, *limits: float | None) -> httpx.Timeout:
    """A silent stream must wake the watchdog: read no longer than its tightest limit."""
    caps = [limit for limit in (timeout.read, *limits) if limit is not None]
    return httpx.Timeout(
        connect=timeout.connect,
        read=min(caps) if caps else None,
        write=timeout.write,
        pool=timeout.pool,
    )
