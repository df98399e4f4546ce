"""
The spec's SSE event wrapper (a module of its own: the SDK decodes each event's ``data`` as a
``ChatStreamChunk`` directly, so a stream never creates it).
"""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from .._values import Value

if TYPE_CHECKING:
    from ._stream import ChatStreamChunk


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatStreamingResponse(Value):
    """One SSE event as the spec models it: ``{data: ChatStreamChunk}``."""

    data: ChatStreamChunk
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)
