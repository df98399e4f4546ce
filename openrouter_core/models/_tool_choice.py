"""Tool choice, and the stop conditions of the server-tool loop."""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, TypeAlias

import attrs

from .._values import Value


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatNamedToolChoice(Value):
    """Named tool choice for specific function."""

    type: Literal["function"] = "function"
    function: ChatNamedToolChoiceFunction
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatNamedToolChoiceFunction(Value):
    """The function a named tool choice forces."""

    #: Function name to call.
    name: str
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ChatServerToolChoice(Value):
    """
    OpenRouter extension: force a specific server tool by naming it directly in
    `tool_choice.type` instead of wrapping it in `{ type: "function", function: { name } }`.
    """

    #: OpenRouter server-tool type to force (e.g. `openrouter:web_search`, `web_search`,
    #: `web_search_preview`).
    type: str
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class StopServerToolsWhenFinishReasonIs(Value):
    """Stop when the upstream model emits this finish reason (e.g. `length`)."""

    type: Literal["finish_reason_is"] = "finish_reason_is"
    reason: str
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class StopServerToolsWhenHasToolCall(Value):
    """Stop after a tool with this name has been called."""

    type: Literal["has_tool_call"] = "has_tool_call"
    tool_name: str
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class StopServerToolsWhenMaxCost(Value):
    """Stop once cumulative cost across the loop exceeds this dollar threshold."""

    type: Literal["max_cost"] = "max_cost"
    max_cost_in_dollars: float
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class StopServerToolsWhenMaxTokensUsed(Value):
    """Stop once cumulative token usage across the loop exceeds this threshold."""

    type: Literal["max_tokens_used"] = "max_tokens_used"
    max_tokens: int
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class StopServerToolsWhenStepCountIs(Value):
    """Stop after the agent loop has executed this many steps."""

    type: Literal["step_count_is"] = "step_count_is"
    step_count: int
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class UnknownStopServerToolsWhenCondition(Value):
    """
    A ``StopServerToolsWhenCondition`` member this SDK does not know yet.

    ``raw`` is the member exactly as received; it is sent back unchanged.
    """

    raw: dict[str, Any]


ChatToolChoice: TypeAlias = (
    Literal["none", "auto", "required"] | str | ChatNamedToolChoice | ChatServerToolChoice
)
"""Tool choice configuration."""


StopServerToolsWhenCondition: TypeAlias = (
    StopServerToolsWhenStepCountIs
    | StopServerToolsWhenHasToolCall
    | StopServerToolsWhenMaxTokensUsed
    | StopServerToolsWhenMaxCost
    | StopServerToolsWhenFinishReasonIs
    | UnknownStopServerToolsWhenCondition
)
"""A single condition that, when met, halts the server-tool agent loop."""


StopServerToolsWhen: TypeAlias = Sequence[StopServerToolsWhenCondition]
"""
Stop conditions for the server-tool agent loop. Any condition firing halts the loop (OR logic).
When set, this overrides `max_tool_calls`. When a condition fires while the model is still
emitting tool calls, the pending tool calls are executed and one final turn is made with tool
calls disabled so the response ends with a natural-language answer instead of an unfinished tool
call.
"""
