"""Token log probabilities of a choice, when the request asks for them."""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from __future__ import annotations

from typing import Any

import attrs

from .._values import Value


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatTokenLogprob(Value):
    """Token log probability information."""

    #: Log probability of the token.
    logprob: float
    #: The token.
    token: str
    #: Top alternative tokens with probabilities.
    top_logprobs: list[ChatTopLogprob]
    #: UTF-8 bytes of the token.
    bytes: list[int] | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatTokenLogprobs(Value):
    """Log probabilities for the completion."""

    #: Log probabilities for content tokens.
    content: list[ChatTokenLogprob] | None = None
    #: Log probabilities for refusal tokens.
    refusal: list[ChatTokenLogprob] | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatTopLogprob(Value):
    """An alternative token and its log probability."""

    logprob: float
    token: str
    bytes: list[int] | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)
