"""Per-call options and hooks: plain values, no behaviour.

A call given no options, by a core given no hooks, reads neither class: attrs creates them
when this module is imported, which a process pays only when it makes or reads one (issue
16, cold start).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs
import httpx

from openrouter_core._checks import check_option, check_seconds, url_text
from openrouter_core._values import Value

if TYPE_CHECKING:
    # Not at run time: a call that succeeds creates no error class (issue 16, cold start).
    from openrouter_core.errors import OpenRouterError

if TYPE_CHECKING:
    from openrouter_core._retry_config import RetryConfig

__all__ = ["HookContext", "Hooks", "RequestOptions"]

Operation: TypeAlias = str
"""An operation's name: the function's (``chat_send``, ``models_list``, ...)."""


def _empty_if_none(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return {} if value is None else value


def _validate(check: Callable[[str, object], None]) -> Callable[[Any, Any, object], None]:
    """An attrs validator from a check that names the option."""

    def validator(instance: Any, attribute: Any, value: object) -> None:
        check(f"{type(instance).__name__}.{attribute.name}", value)

    return validator


def _kinds(kinds: tuple[type, ...], what: str) -> Callable[[Any, Any, object], None]:
    return _validate(lambda name, value: check_option(name, value, kinds, what))


def _retries(name: str, value: object) -> None:
    """A ``RetryConfig`` or ``None``; its class is loaded only for a value (options that
    leave ``retries`` out do not make the retry settings' classes)."""
    if value is not None:
        from openrouter_core._retry_config import RetryConfig

        check_option(name, value, (RetryConfig, type(None)), "a RetryConfig")


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

    retries: RetryConfig | None = attrs.field(default=None, validator=_validate(_retries))
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


NO_HOOKS = Hooks()
"""What a core given no ``hooks`` reports as its ``hooks`` (its calls look for none)."""
