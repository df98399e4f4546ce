"""Content parts of messages and prompt-cache markers."""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from __future__ import annotations

from typing import Any, Literal, TypeAlias

import attrs

from .._values import Value

AnthropicCacheControlTtl: TypeAlias = Literal["5m", "1h"] | str
"""How long a cache breakpoint lives."""


@attrs.frozen(kw_only=True, eq=False, repr=False)
class AnthropicCacheControlDirective(Value):
    """
    Enable automatic prompt caching. When set at the top level, the system automatically applies
    cache breakpoints to the last cacheable block in the request. When set on an individual
    content block, it marks an explicit cache breakpoint; block-level markers also work on
    OpenAI models that support explicit prompt caching — OpenRouter converts them to the
    provider's native format.
    """

    type: Literal["ephemeral"] | str = "ephemeral"
    ttl: AnthropicCacheControlTtl | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatContentAudio(Value):
    """Audio input content part. Supported audio formats vary by provider."""

    type: Literal["input_audio"] = "input_audio"
    input_audio: ChatContentAudioInput
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatContentAudioInput(Value):
    """The audio of an ``input_audio`` part."""

    #: Base64 encoded audio data.
    data: str
    #: Audio format (e.g., wav, mp3, flac, m4a, ogg, aiff, aac, pcm16, pcm24). Supported formats
    #: vary by provider.
    format: str
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatContentFile(Value):
    """File content part for document processing."""

    type: Literal["file"] = "file"
    file: ChatContentFileData
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatContentFileData(Value):
    """The file of a ``file`` part: inline data, an uploaded id, or both."""

    #: File content as base64 data URL or URL.
    file_data: str | None = None
    #: File ID for previously uploaded files.
    file_id: str | None = None
    #: Original filename.
    filename: str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatContentImage(Value):
    """Image content part for vision models."""

    type: Literal["image_url"] = "image_url"
    image_url: ChatContentImageUrl
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatContentImageUrl(Value):
    """The image of an ``image_url`` part and the detail to see it at."""

    #: URL of the image (data: URLs supported).
    url: str
    #: Image detail level for vision models. `original` is an OpenRouter extension (not in the
    #: OpenAI Chat Completions spec) requesting true original-resolution media; it is downgraded
    #: to `high` for providers that lack an original-resolution tier.
    detail: Literal["auto", "low", "high", "original"] | str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatContentText(Value):
    """Text content part."""

    type: Literal["text"] = "text"
    text: str
    cache_control: ChatContentCacheControl | None = None
    prompt_cache_breakpoint: PromptCacheBreakpoint | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatContentVideo(Value):
    """Video input content part."""

    type: Literal["video_url"] = "video_url"
    video_url: ChatContentVideoInput
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatContentVideoInput(Value):
    """Video input object."""

    #: URL of the video (data: URLs supported).
    url: str
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Legacy_ChatContentVideo(Value):
    """Video input content part (legacy format - deprecated)."""

    type: Literal["input_video"] = "input_video"
    video_url: Legacy_ChatContentVideoInput
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Legacy_ChatContentVideoInput(Value):
    """Video input object."""

    #: URL of the video (data: URLs supported).
    url: str
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class PromptCacheBreakpoint(Value):
    """
    Marks an explicit prompt-cache boundary on this content block (OpenAI-style). Everything
    through the block carrying this marker is part of the candidate cached prefix. Supported
    natively by OpenAI GPT-5.6 and newer; on providers that use Anthropic-style `cache_control`,
    OpenRouter converts the marker to that format automatically.
    """

    mode: Literal["explicit"] | str
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class UnknownChatContentItem(Value):
    """
    A ``ChatContentItems`` member this SDK does not know yet.

    ``raw`` is the member exactly as received; it is sent back unchanged.
    """

    raw: dict[str, Any]


ChatContentCacheControl: TypeAlias = AnthropicCacheControlDirective
"""
Anthropic-style cache breakpoint for the content part. Interchangeable with the OpenAI-style
`prompt_cache_breakpoint` marker: OpenRouter converts between the two based on the provider
serving the request.
"""


ChatContentItems: TypeAlias = (
    ChatContentText
    | ChatContentImage
    | ChatContentAudio
    | Legacy_ChatContentVideo
    | ChatContentVideo
    | ChatContentFile
    | UnknownChatContentItem
)
"""Content part for chat completion messages."""
