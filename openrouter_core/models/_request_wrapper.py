"""
The operation wrapper: the body plus per-call headers (a module of its own, so a call given a
bare ``ChatRequest`` does not create it).
"""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import attrs

from .._values import Value

if TYPE_CHECKING:
    from ._request import ChatRequest


MetadataLevel: TypeAlias = Literal["disabled", "enabled"] | str
"""Opt-in level for surfacing routing metadata on the response under `openrouter_metadata`."""


@attrs.frozen(kw_only=True, eq=False, repr=False)
class SendChatCompletionRequest(Value):
    """
    The operation's full input: the body plus per-call headers.

    Mirrors the TypeScript SDK's ``SendChatCompletionRequestRequest``. The attribution values
    given here win over the core's for this call.
    """

    chat_request: ChatRequest
    #: Sent as ``X-OpenRouter-Metadata``; ``enabled`` adds routing data.
    x_open_router_metadata: MetadataLevel | None = None
    #: Sent as ``HTTP-Referer``.
    http_referer: str | None = None
    #: Sent as ``X-OpenRouter-Title``.
    app_title: str | None = None
    #: Sent as ``X-OpenRouter-Categories`` (comma-separated).
    app_categories: str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)
