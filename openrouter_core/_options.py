"""Per-call options and hooks: plain values, no behaviour."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeAlias

import attrs
import httpx

from openrouter_core._retries import RetryConfig
from openrouter_core.errors import OpenRouterError

__all__ = ["HookContext", "Hooks", "RequestOptions"]

Operation: TypeAlias = str
"""An operation's name: the function's (``chat_send``, ``models_list``, ...)."""


@attrs.frozen(kw_only=True)
class RequestOptions:
    """Settings for one call; every field left ``None`` falls back to the core's value.

    ``timeout`` is httpx's per-phase timeout (``httpx.Timeout(None)`` disables it).
    ``deadline`` (seconds) bounds the whole call: every attempt and retry sleep, and for a
    stream everything up to its first content. ``first_content_timeout`` and
    ``idle_timeout`` are the stream watchdog's limits; keep-alive comments are not content.
    ``headers`` override the SDK's own headers of the same name; ``extra_body`` keys are
    merged into the JSON body (for parameters the models do not know yet).
    """

    retries: RetryConfig | None = None
    """``NO_RETRIES`` turns retries off for this call."""
    timeout: float | httpx.Timeout | None = None
    deadline: float | None = None
    first_content_timeout: float | None = None
    idle_timeout: float | None = None
    keep_content: bool = True
    """``False``: a stream keeps nothing it delivered, so memory stays flat however long it
    runs; ``collect()`` then has no text and errors carry no ``partial_content``."""
    server_url: str | None = None
    headers: Mapping[str, str] = attrs.field(factory=dict)
    extra_body: Mapping[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True)
class HookContext:
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
AfterErrorHook: TypeAlias = Callable[[HookContext, "httpx.Response | None", OpenRouterError], None]
"""Sees each failed attempt: the response when there was one, and the error value."""


@attrs.frozen(kw_only=True)
class Hooks:
    """Callbacks at the TypeScript SDK's hook points, run in list order.

    A hook that raises ends the call with ``Failure(UnexpectedClientError)`` whose cause is
    the hook's exception.
    """

    before_create_request: Sequence[BeforeCreateRequestHook] = ()
    before_request: Sequence[BeforeRequestHook] = ()
    after_success: Sequence[AfterSuccessHook] = ()
    after_error: Sequence[AfterErrorHook] = ()
