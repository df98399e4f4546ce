"""
The messages a plain request sends: system and user. The assistant's message is in
``_response``, which carries it; the rarer roles and the union in ``_message_union``.
"""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

import attrs

from .._sequences import as_list
from .._values import Value

if TYPE_CHECKING:
    from ._content import ChatContentItems, ChatContentText


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatSystemMessage(Value):
    """System message for setting behavior."""

    role: Literal["system"] = "system"
    #: System message content.
    content: str | Sequence[ChatContentText] = attrs.field(eq=as_list)
    #: Optional name for the system message.
    name: str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatUserMessage(Value):
    """User message."""

    role: Literal["user"] = "user"
    #: User message content.
    content: str | Sequence[ChatContentItems] = attrs.field(eq=as_list)
    #: Optional name for the user.
    name: str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)
