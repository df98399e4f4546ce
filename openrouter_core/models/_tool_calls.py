"""
The tool calls of an assistant message (a module of their own, so an answer that calls tools
does not create the classes of images, audio and annotations).
"""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from __future__ import annotations

from typing import Any, Literal

import attrs

from .._values import Value


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatToolCall(Value):
    """Tool call made by the assistant."""

    type: Literal["function"] | str = "function"
    function: ChatToolCallFunction
    #: Tool call identifier.
    id: str
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatToolCallFunction(Value):
    """The function a tool call invokes: its name and JSON arguments."""

    #: Function arguments as JSON string.
    arguments: str
    #: Function name to call.
    name: str
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)
