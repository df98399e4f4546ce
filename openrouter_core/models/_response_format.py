"""Structured output formats (``ChatRequest.response_format``), discriminated on ``type``."""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from __future__ import annotations

from typing import Any, Literal, TypeAlias

import attrs

from .._values import Value


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatFormatGrammarConfig(Value):
    """Custom grammar response format."""

    type: Literal["grammar"] = "grammar"
    #: Custom grammar for text generation.
    grammar: str
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatFormatJsonObjectConfig(Value):
    """JSON object response format."""

    type: Literal["json_object"] = "json_object"
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatFormatJsonSchemaConfig(Value):
    """JSON Schema response format for structured outputs."""

    type: Literal["json_schema"] = "json_schema"
    json_schema: ChatJsonSchemaConfig
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatFormatPythonConfig(Value):
    """Python code response format."""

    type: Literal["python"] = "python"
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatFormatTextConfig(Value):
    """Default text response format."""

    type: Literal["text"] = "text"
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatJsonSchemaConfig(Value):
    """JSON Schema configuration object."""

    #: Schema name (a-z, A-Z, 0-9, underscores, dashes, max 64 chars).
    name: str
    #: Schema description for the model.
    description: str | None = None
    #: JSON Schema object.
    schema: dict[str, Any] | None = None
    #: Enable strict schema adherence.
    strict: bool | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class UnknownChatResponseFormat(Value):
    """
    A ``ChatResponseFormat`` member this SDK does not know yet.

    ``raw`` is the member exactly as received; it is sent back unchanged.
    """

    raw: dict[str, Any]


ChatResponseFormat: TypeAlias = (
    ChatFormatTextConfig
    | ChatFormatJsonObjectConfig
    | ChatFormatJsonSchemaConfig
    | ChatFormatGrammarConfig
    | ChatFormatPythonConfig
    | UnknownChatResponseFormat
)
"""Response format configuration."""
