"""Usage of server-side tools (a module of its own: only answers that ran one carry it)."""

# Generated from the OpenAPI spec by tools/gen_models.py: edit that, not this file.

from __future__ import annotations

from typing import Any

import attrs

from .._values import Value


@attrs.frozen(kw_only=True, eq=False, repr=False)
class ServerToolUseDetails(Value):
    """Usage for server-side tool execution (e.g., web search)."""

    #: Number of OpenRouter server tool calls that executed and produced a result.
    tool_calls_executed: int | None = None
    #: Total number of OpenRouter server-orchestrated tool calls the model requested, across all
    #: tool types. Provider-native tools (e.g. native web search) are not counted here.
    tool_calls_requested: int | None = None
    #: Number of web searches performed by server-side tools. For server-orchestrated tool calls
    #: a web search is also counted in tool_calls_requested; provider-native web search may
    #: report web_search_requests only. Do not sum the two.
    web_search_requests: int | None = None
    #: Keys the SDK does not model, kept verbatim and sent back out.
    extra: dict[str, Any] = attrs.field(factory=dict)
