"""Routing metadata (``openrouter_metadata``), sent when ``X-OpenRouter-Metadata: enabled``."""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from __future__ import annotations

from typing import Any, Literal, TypeAlias

import attrs

from .._values import Value

PipelineStageType: TypeAlias = (
    Literal["guardrail", "plugin", "server_tools", "response_healing", "context_compression"] | str
)
"""
Categorical kind of a pipeline stage. Multiple plugins can share a type (e.g. all guardrail-
level plugins emit `guardrail`); the `name` field disambiguates which plugin emitted it.
"""


RoutingStrategy: TypeAlias = (
    Literal[
        "direct", "auto", "free", "latest", "alias", "fallback", "pareto", "bodybuilder", "fusion"
    ]
    | str
)
"""How the model was chosen."""


@attrs.frozen(kw_only=True, eq=False, repr=False)
class EndpointInfo(Value):
    """One endpoint considered for the request."""

    model: str
    provider: str
    selected: bool
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class EndpointsMetadata(Value):
    """The endpoints considered for the request."""

    available: list[EndpointInfo]
    total: int
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class OpenRouterMetadata(Value):
    """How OpenRouter routed the request."""

    attempt: int
    endpoints: EndpointsMetadata
    is_byok: bool
    requested: str
    strategy: RoutingStrategy
    summary: str
    attempts: list[RouterAttempt] | None = None
    params: RouterParams | None = None
    pipeline: list[PipelineStage] | None = None
    region: str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class PipelineStage(Value):
    """One stage the request passed through (guardrail, plugin, ...)."""

    name: str
    type: PipelineStageType
    cost_usd: float | None = None
    data: dict[str, Any] | None = None
    guardrail_id: str | None = None
    guardrail_scope: str | None = None
    summary: str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class RouterAttempt(Value):
    """One attempt to serve the request."""

    model: str
    provider: str
    status: int
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class RouterParams(Value):
    """Parameters the router used."""

    quality_floor: float | None = None
    throughput_floor: float | None = None
    version_group: str | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)
