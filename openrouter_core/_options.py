"""Per-call options and hooks: plain values, no behaviour."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs
import httpx

from openrouter_core._retries import RetryConfig
from openrouter_core._values import Value

if TYPE_CHECKING:
    # Not at run time: a call that succeeds creates no error class (issue 16, cold start).
    from openrouter_core.errors import OpenRouterError

__all__ = ["HookContext", "Hooks", "RequestOptions"]

Operation: TypeAlias = str
"""An operation's name: the function's (``chat_send``, ``models_list``, ...)."""


def check_option(name: str, value: object, kinds: tuple[type, ...], what: str) -> None:
    """``TypeError`` naming the option unless ``value`` is one of ``kinds`` (``True`` is no
    number here, though ``bool`` subclasses ``int``)."""
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        # The value is never shown: it may be a key.
        optional = " or None" if type(None) in kinds else ""
        raise TypeError(f"{name} must be {what}{optional}, got {type(value).__name__}")


def check_seconds(name: str, value: object, *, timeout_allowed: bool = False) -> None:
    """A duration option: ``None`` or a number of seconds >= 0 (or an ``httpx.Timeout``)."""
    kinds: tuple[type, ...] = (int, float, type(None))
    if timeout_allowed:
        kinds += (httpx.Timeout,)
    check_option(name, value, kinds, "seconds (a number)" + (" or httpx.Timeout" * timeout_allowed))
    if isinstance(value, int | float) and not value >= 0:  # NaN fails too
        raise ValueError(f"{name} must be >= 0 seconds, got {value!r}")


def check_bytes(name: str, value: object) -> None:
    """A size option: a positive ``int``."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{name} must be an int (bytes), got {type(value).__name__}")
    if value <= 0:
        raise ValueError(f"{name} must be > 0, got {value!r}")


def url_text(value: str | httpx.URL | None) -> str | None:
    """A server URL given as ``str`` or ``httpx.URL``, as text."""
    return str(value) if isinstance(value, httpx.URL) else value


def _empty_if_none(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return {} if value is None else value


def _validate(check: Callable[[str, object], None]) -> Callable[[Any, Any, object], None]:
    """An attrs validator from a check that names the option."""

    def validator(instance: Any, attribute: Any, value: object) -> None:
        check(f"{type(instance).__name__}.{attribute.name}", value)

    return validator


def _kinds(kinds: tuple[type, ...], what: str) -> Callable[[Any, Any, object], None]:
    return _validate(lambda name, value: check_option(name, value, kinds, what))


def _mapping(name: str, value: object) -> None:
    if not isinstance(value, Mapping):
        raise TypeError(f"{name} must be a mapping or None, got {type(value).__name__}")


def _hook_list(name: str, value: object) -> None:
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        raise TypeError(
            f"{name} must be a list of callables, got {type(value).__name__} "
            "(wrap one hook as [hook])"
        )
    for hook in value:
        if not callable(hook):
            raise TypeError(f"{name} must hold callables, got {type(hook).__name__}")


@attrs.frozen(kw_only=True, eq=False, repr=False)
class RequestOptions(Value):
    """Settings for one call; every field left ``None`` falls back to the core's value.

    ``timeout`` is httpx's per-phase timeout (``httpx.Timeout(None)`` disables it).
    ``deadline`` (seconds) bounds the whole call: every attempt and retry sleep, and for a
    stream everything up to its first content. ``first_content_timeout`` and
    ``idle_timeout`` are the stream watchdog's limits; keep-alive comments are not content
    (a stream's socket read timeout is the smallest of the three, so silence wakes it).
    ``headers`` override the SDK's own headers of the same name; ``extra_body`` keys are
    merged into the JSON body (for parameters the models do not know yet).
    """

    retries: RetryConfig | None = attrs.field(
        default=None, validator=_kinds((RetryConfig, type(None)), "a RetryConfig")
    )
    """``NO_RETRIES`` turns retries off for this call."""
    timeout: float | httpx.Timeout | None = attrs.field(
        default=None, validator=_validate(lambda n, v: check_seconds(n, v, timeout_allowed=True))
    )
    deadline: float | None = attrs.field(default=None, validator=_validate(check_seconds))
    first_content_timeout: float | None = attrs.field(
        default=None, validator=_validate(check_seconds)
    )
    idle_timeout: float | None = attrs.field(default=None, validator=_validate(check_seconds))
    keep_content: bool = attrs.field(default=True, validator=_kinds((bool,), "a bool"))
    """``False``: a stream keeps nothing it delivered, so memory stays flat however long it
    runs; ``collect()`` then has no text and errors carry no ``partial_content``."""
    server_url: str | None = attrs.field(
        default=None,
        converter=url_text,
        validator=_kinds((str, type(None)), "a str or httpx.URL"),
    )
    """A ``str`` or ``httpx.URL``."""
    headers: Mapping[str, str] = attrs.field(
        factory=dict, converter=_empty_if_none, validator=_validate(_mapping)
    )
    """``None`` means none."""
    extra_body: Mapping[str, Any] = attrs.field(
        factory=dict, converter=_empty_if_none, validator=_validate(_mapping)
    )
    """``None`` means none."""


@functools.cache
def default_options() -> RequestOptions:
    """The options of a call given none: frozen, so one instance serves every call (building
    it runs every option's check, a measurable part of a call)."""
    return RequestOptions()


@attrs.frozen(kw_only=True, eq=False, repr=False)
class HookContext(Value):
    """What a hook is told about the call. It never holds the API key."""

    operation: Operation
    base_url: str
    attempt: int


BeforeCreateRequestHook: TypeAlias = Callable[
    [HookContext, dict[str, Any]], "dict[str, Any] | None"
]
"""Sees the JSON body (as dicts) before it is serialised; may return a replacement.
Runs for operations that send a body (chat, embeddings), not for GETs."""
BeforeRequestHook: TypeAlias = Callable[[HookContext, httpx.Request], "httpx.Request | None"]
"""Sees each attempt's request before it is sent; may return a replacement."""
AfterSuccessHook: TypeAlias = Callable[[HookContext, httpx.Response], None]
"""Sees a 2xx response (headers only for streams; the body is not read yet)."""
AfterErrorHook: TypeAlias = Callable[
    [HookContext, "httpx.Response | None", "OpenRouterError"], None
]
"""Sees each failed attempt: the response when there was one, and the error value."""


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Hooks(Value):
    """Callbacks at the TypeScript SDK's hook points, run in list order.

    A hook that raises, or that returns something other than a replacement of the right
    type or ``None``, ends the call with ``Failure(UnexpectedClientError)`` (whose cause is
    the hook's exception, when it raised). Each field takes a list of callables.
    """

    before_create_request: Sequence[BeforeCreateRequestHook] = attrs.field(
        default=(), validator=_validate(_hook_list)
    )
    before_request: Sequence[BeforeRequestHook] = attrs.field(
        default=(), validator=_validate(_hook_list)
    )
    after_success: Sequence[AfterSuccessHook] = attrs.field(
        default=(), validator=_validate(_hook_list)
    )
    after_error: Sequence[AfterErrorHook] = attrs.field(default=(), validator=_validate(_hook_list))
