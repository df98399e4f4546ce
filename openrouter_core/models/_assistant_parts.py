"""
What an assistant message may carry besides text and tool calls: images, audio and annotations
(a module of its own, so a plain text exchange does not create them).
"""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, TypeAlias

import attrs

from .._values import Value


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatAssistantImage(Value):
    """One generated image."""

    image_url: ChatAssistantImageUrl
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatAssistantImageUrl(Value):
    """Where a generated image is: a URL or a base64 data URL."""

    #: URL or base64-encoded data of the generated image.
    url: str
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatAudioOutput(Value):
    """Audio output data or reference."""

    #: Base64 encoded audio data.
    data: str | None = None
    #: Audio expiration timestamp.
    expires_at: int | None = None
    #: Audio output identifier.
    id: str | None = None
    #: Audio transcript.
    transcript: str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatUrlCitation(Value):
    """The cited page; ``content`` is an OpenRouter addition."""

    url: str
    title: str | None = None
    content: str | None = None
    start_index: int | None = None
    end_index: int | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatUrlCitationAnnotation(Value):
    """A web-search citation, in OpenAI's ``url_citation`` shape."""

    type: Literal["url_citation"] = "url_citation"
    url_citation: ChatUrlCitation
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class UnknownChatAnnotation(Value):
    """
    A ``ChatAnnotation`` member this SDK does not know yet.

    ``raw`` is the member exactly as received; it is sent back unchanged.
    """

    raw: dict[str, Any]


ChatAnnotation: TypeAlias = ChatUrlCitationAnnotation | UnknownChatAnnotation
"""An annotation on an assistant message (not in the spec; seen on the wire)."""


ChatAssistantImages: TypeAlias = Sequence[ChatAssistantImage]
"""Generated images from image generation models."""
