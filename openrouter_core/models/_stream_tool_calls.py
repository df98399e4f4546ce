"""
Tool-call fragments of a stream's deltas (a module of its own, so a text stream does not create
them).
"""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from __future__ import annotations

from typing import Any, Literal

import attrs

from .._values import Value


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatStreamToolCall(Value):
    """Tool call delta for streaming responses."""

    #: Tool call index in the array.
    index: int
    #: Function call details.
    function: ChatStreamToolCallFunction | None = None
    #: Tool call identifier.
    id: str | None = None
    #: Tool call type.
    type: Literal["function"] | str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatStreamToolCallFunction(Value):
    """Function call details."""

    #: Function arguments as JSON string.
    arguments: str | None = None
    #: Function name.
    name: str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)
