"""Embeddings: the request (text, token or multimodal input) and the vectors."""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import attrs

from .._sequences import as_list
from .._values import Value

if TYPE_CHECKING:
    from ._provider import ProviderPreferences
    from ._usage import CostDetails


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ContentPartInputAudio(Value):
    """An audio part of a multimodal embeddings input."""

    type: Literal["input_audio"] = "input_audio"
    input_audio: MultimodalMedia
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ContentPartInputFile(Value):
    """A file part of a multimodal embeddings input."""

    type: Literal["input_file"] = "input_file"
    input_file: MultimodalMedia
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ContentPartInputVideo(Value):
    """A video part of a multimodal embeddings input."""

    type: Literal["input_video"] = "input_video"
    input_video: MultimodalMedia
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class CreateEmbeddingsRequest(Value):
    """The body of ``POST /embeddings``."""

    #: Text, token, or multimodal input(s) to embed.
    input: EmbeddingsInput
    #: The model to use for embeddings.
    model: str
    #: The number of dimensions for the output embeddings.
    dimensions: int | None = None
    #: The format of the output embeddings.
    encoding_format: Literal["float", "base64"] | str | None = None
    #: The type of input (e.g. search_query, search_document).
    input_type: str | None = None
    provider: ProviderPreferences | None = None
    #: A unique identifier for the end-user.
    user: str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class CreateEmbeddingsResponse(Value):
    """Embeddings response containing embedding vectors."""

    #: List of embedding objects.
    data: list[EmbeddingData]
    #: The model used for embeddings.
    model: str
    object: Literal["list"] | str
    #: Unique identifier for the embeddings response.
    id: str | None = None
    #: Token usage statistics.
    usage: EmbeddingUsage | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class EmbeddingData(Value):
    """A single embedding object."""

    #: Embedding vector as an array of floats or a base64 string.
    embedding: list[float] | str
    object: Literal["embedding"] | str
    #: Index of the embedding in the input list.
    index: int | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class EmbeddingUsage(Value):
    """Token usage statistics."""

    #: Number of tokens in the input.
    prompt_tokens: int
    #: Total number of tokens used.
    total_tokens: int
    #: Cost of the request in credits.
    cost: float | None = None
    cost_details: CostDetails | None = None
    #: Whether a request was made using a Bring Your Own Key configuration.
    is_byok: bool | None = None
    #: Per-modality token breakdown. Only present when the input contains 2+ modalities (e.g.
    #: text + image) and the upstream provider returns modality-level usage data. Only non-zero
    #: modality counts are included.
    prompt_tokens_details: EmbeddingUsagePromptTokensDetails | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class EmbeddingUsagePromptTokensDetails(Value):
    """The prompt tokens by modality."""

    #: Number of audio tokens in the input.
    audio_tokens: int | None = None
    #: Number of file/document tokens in the input.
    file_tokens: int | None = None
    #: Number of image tokens in the input.
    image_tokens: int | None = None
    #: Number of text tokens in the input.
    text_tokens: int | None = None
    #: Number of video tokens in the input.
    video_tokens: int | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class EmbeddingsContentImage(Value):
    """An image part of a multimodal embeddings input."""

    type: Literal["image_url"] = "image_url"
    image_url: EmbeddingsContentImageUrl
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class EmbeddingsContentImageUrl(Value):
    """The image of an embeddings ``image_url`` part."""

    url: str
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class EmbeddingsContentText(Value):
    """A text part of a multimodal embeddings input."""

    type: Literal["text"] = "text"
    text: str
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class EmbeddingsMultimodalInput(Value):
    """One multimodal input: its content parts are embedded together."""

    content: Sequence[EmbeddingsContentPart] = attrs.field(eq=as_list)
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class MultimodalMedia(Value):
    """Media given inline: base64 ``data`` and its ``format``."""

    data: str
    format: str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


EmbeddingsContentPart: TypeAlias = (
    EmbeddingsContentText
    | EmbeddingsContentImage
    | ContentPartInputAudio
    | ContentPartInputVideo
    | ContentPartInputFile
)
"""A part of a multimodal embeddings input, discriminated on ``type``."""


EmbeddingsInput: TypeAlias = (
    str
    | Sequence[str]
    | Sequence[float]
    | Sequence[Sequence[float]]
    | Sequence[EmbeddingsMultimodalInput]
)
"""What to embed: a string, strings, token ids, lists of token ids, or multimodal inputs."""
