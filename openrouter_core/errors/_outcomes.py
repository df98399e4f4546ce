"""Errors of the helpers built on ``chat_send``: structured output and the tool loop.

The SDK itself never raises them; they come back inside ``Failure`` like the others.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

import attrs

from openrouter_core.errors import ChatSendError

from ._classes import InvalidRequestError, OpenRouterError

if TYPE_CHECKING:
    from openrouter_core.funcs._chat_run_tools import ToolCallRecord, ToolRun
    from openrouter_core.models import ChatMessages, ChatResult


@attrs.frozen(kw_only=True, auto_exc=False, eq=False, repr=False)
class StructuredOutputError(OpenRouterError):
    """The model's reply is not JSON, or does not fit the class asked for.

    ``content`` is the reply's text exactly as received; ``details`` says what did not fit
    (``"$.age: expected an integer, got a string"``); ``result`` is the whole reply.
    """

    content: str = attrs.field(repr=False)
    details: tuple[str, ...] = ()
    result: ChatResult | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def description(self) -> str:
        """The message, then each of ``details``."""
        if not self.details:
            return self.message
        return f"{self.message}: " + "; ".join(self.details)


@attrs.frozen(kw_only=True, auto_exc=False, eq=False, repr=False)
class RefusalError(OpenRouterError):
    """The model declined to answer in the requested format; ``refusal`` is its reason."""

    refusal: str
    result: ChatResult | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen(kw_only=True, auto_exc=False, eq=False, repr=False)
class ToolRoundsExceededError(OpenRouterError):
    """The model still asked for tools after ``max_rounds`` requests: the loop stopped.

    ``run`` is the transcript so far: every message, call and reply, ending with the
    assistant message (``run.result``) whose tool calls were not run. To go on, run those
    calls and send ``run.messages`` plus their results, or drop that last message and ask
    again.
    """

    max_rounds: int
    run: ToolRun = attrs.field(eq=False, repr=False)


@attrs.frozen(kw_only=True, auto_exc=False, eq=False, repr=False)
class ToolLoopInterruptedError(OpenRouterError):
    """A request of the tool loop failed; ``error`` is what ``chat_send`` answered.

    Nothing is lost for an audit or a retry: ``messages`` is the conversation up to the
    failed request (the request that failed sent exactly these), ``calls`` every tool call
    already run (their side effects happened), ``replies`` every reply received, and
    ``rounds`` the requests sent, the failed one included. ``error`` is also the
    ``__cause__``.
    """

    error: ChatSendError
    rounds: int
    messages: tuple[ChatMessages, ...] = attrs.field(eq=False, repr=False)
    calls: tuple[ToolCallRecord, ...] = attrs.field(eq=False, repr=False)
    replies: tuple[ChatResult, ...] = attrs.field(eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "__cause__", self.error)


ChatParseError: TypeAlias = ChatSendError | StructuredOutputError | RefusalError
"""Everything ``chat_parse`` / ``chat_parse_async`` can answer inside ``Failure``."""

ChatRunToolsError: TypeAlias = (
    ToolRoundsExceededError | ToolLoopInterruptedError | InvalidRequestError
)
"""Everything ``chat_run_tools`` / ``chat_run_tools_async`` can answer inside ``Failure``."""
