"""What a chat stream said, folded into the ``ChatResult`` a non-streaming call returns.

``StreamCollector`` is the accumulator behind ``collect()``; ``StreamState`` (the outcome
state machine in ``_stream_state``) folds each decoded chunk into it. Content is kept as
lists of string pieces joined on demand, never as the chunk objects, so folding is linear
in the size of the answer; with ``keep_content=False`` only how each choice ended is kept.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import attrs

# The models through the package, each loaded when first used: a text stream then creates
# none of the classes of tool calls, audio, logprobs or reasoning details, and a stream that
# is never collected none of ``ChatResult``'s.
from openrouter_core import models

if TYPE_CHECKING:
    from openrouter_core.models import (
        ChatAudioOutput,
        ChatChoice,
        ChatErrorDetail,
        ChatResult,
        ChatStreamChoice,
        ChatStreamChunk,
        ChatStreamToolCall,
        ChatTokenLogprob,
        ChatTokenLogprobs,
        ChatToolCall,
        ChatUsage,
        OpenRouterMetadata,
        ReasoningDetailSummary,
        ReasoningDetailText,
        ReasoningDetailUnion,
    )


class _ToolCallParts:
    """One tool call being assembled from its fragments."""

    __slots__ = ("arguments", "extra", "id", "index", "name", "type")

    def __init__(self, index: int) -> None:
        self.index = index
        self.id: str | None = None
        self.type: str | None = None
        self.name: str | None = None
        self.arguments = _Text()
        self.extra: dict[str, Any] = {}

    def build(self) -> ChatToolCall:
        return models.ChatToolCall(
            id=self.id or "",
            type=self.type or "function",
            function=models.ChatToolCallFunction(
                name=self.name or "", arguments=str(self.arguments) or "{}"
            ),
            extra=self.extra,
        )


class _DetailRun:
    """A run of streamed ``reasoning.text`` / ``reasoning.summary`` fragments of one block.

    Providers stream one block as many fragments (often all with ``index: 0``), with the
    ``signature`` on the last one. The API wants each block back whole, as a non-streaming
    response has it: replaying the fragments fails ("reasoning_details count: Expected 1").
    """

    __slots__ = ("first", "id", "pieces", "signature")

    def __init__(self, first: ReasoningDetailText | ReasoningDetailSummary) -> None:
        self.first = first
        self.id = first.id
        self.signature = first.signature if isinstance(first, models.ReasoningDetailText) else None
        self.pieces: list[str] = []
        self.add(first)

    def accepts(self, detail: ReasoningDetailUnion) -> bool:
        """Whether ``detail`` continues this block: same type and index, no new id, and
        the block is not closed by a signature yet."""
        return (
            isinstance(detail, models.ReasoningDetailText | models.ReasoningDetailSummary)
            and type(detail) is type(self.first)
            and detail.index == self.first.index
            and (detail.id is None or self.id is None or detail.id == self.id)
            and self.signature is None
        )

    def add(self, detail: ReasoningDetailText | ReasoningDetailSummary) -> None:
        if isinstance(detail, models.ReasoningDetailText):
            if detail.text:
                self.pieces.append(detail.text)
            if detail.signature is not None:
                self.signature = detail.signature
        elif detail.summary:
            self.pieces.append(detail.summary)
        if self.id is None:
            self.id = detail.id

    def build(self) -> ReasoningDetailUnion:
        first = self.first
        if isinstance(first, models.ReasoningDetailText):
            text = joined_surrogates("".join(self.pieces)) if self.pieces else first.text
            return attrs.evolve(first, text=text, signature=self.signature, id=self.id)
        return attrs.evolve(first, summary=joined_surrogates("".join(self.pieces)), id=self.id)


_RUN = 64
"""How many text pieces a run joins: a few bytes of delta cost ~50 bytes as a str object,
so joining runs keeps memory near the size of the text itself."""


class _Text:
    """Text that arrives in small pieces, kept compact.

    Every ``_RUN`` pieces are joined into one block and blocks are never joined again
    until ``str()``, so the work stays linear however long the stream runs.
    """

    __slots__ = ("_blocks", "_tail")

    def __init__(self) -> None:
        self._blocks: list[str] = []
        self._tail: list[str] = []

    def add(self, piece: str) -> None:
        self._tail.append(piece)
        if len(self._tail) == _RUN:
            self._blocks.append("".join(self._tail))
            self._tail.clear()

    def __bool__(self) -> bool:
        return bool(self._blocks or self._tail)

    def __str__(self) -> str:
        return joined_surrogates("".join(self._blocks) + "".join(self._tail))


_SURROGATE = re.compile("[\ud800-\udfff]")


def joined_surrogates(text: str) -> str:
    """``text`` with each surrogate pair made one character.

    A character outside the BMP escaped in JSON as a pair (``\\ud83d\\ude00``) may arrive
    split across two events; each half decodes alone, and joining the pieces leaves two
    code points. Lone halves that have no partner stay as they are.
    """
    if text.isascii() or _SURROGATE.search(text) is None:
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


class _ChoiceParts:
    """Everything the stream said about one choice, as pieces to join at the end."""

    __slots__ = (
        "annotations",
        "audio_data",
        "audio_expires_at",
        "audio_id",
        "audio_seen",
        "audio_transcript",
        "content",
        "details",
        "error",
        "finish_reason",
        "images",
        "logprobs_content",
        "logprobs_refusal",
        "native_finish_reason",
        "reasoning",
        "refusal",
        "tool_by_index",
        "tool_calls",
    )

    def __init__(self) -> None:
        self.content: _Text | None = None
        self.reasoning = _Text()
        self.refusal = _Text()
        self.details: list[ReasoningDetailUnion | _DetailRun] = []
        self.tool_calls: list[_ToolCallParts] = []
        self.tool_by_index: dict[int, _ToolCallParts] = {}
        self.images: list[Any] = []
        self.annotations: list[Any] = []
        self.audio_data: list[str] = []
        self.audio_transcript: list[str] = []
        self.audio_seen = False
        self.audio_id: str | None = None
        self.audio_expires_at: int | None = None
        self.logprobs_content: list[ChatTokenLogprob] | None = None
        self.logprobs_refusal: list[ChatTokenLogprob] | None = None
        self.finish_reason: str | None = None
        self.native_finish_reason: str | None = None
        self.error: ChatErrorDetail | None = None

    def add(self, choice: ChatStreamChoice) -> bool:
        """Fold one choice delta in; return whether it carried content."""
        delta = choice.delta
        carried = False
        if delta.content is not None:
            if self.content is None:
                self.content = _Text()
            if delta.content:
                self.content.add(delta.content)
                carried = True
        reasoning = delta.reasoning
        if reasoning is None and delta.extra:  # extra is empty on nearly every chunk
            # DeepSeek-style providers name it reasoning_content.
            alias = delta.extra.get("reasoning_content")
            reasoning = alias if isinstance(alias, str) else None
        if reasoning:
            self.reasoning.add(reasoning)
            carried = True
        if delta.refusal:
            self.refusal.add(delta.refusal)
            carried = True
        if delta.reasoning_details:
            for detail in delta.reasoning_details:
                self._add_detail(detail)
            carried = True
        if delta.tool_calls:
            for fragment in delta.tool_calls:
                self._add_tool_call(fragment)
            carried = True
        if delta.images:
            self.images.extend(delta.images)
            carried = True
        if delta.annotations:
            self.annotations.extend(delta.annotations)
        if delta.audio is not None:
            self._add_audio(delta.audio)
            carried = True
        if choice.logprobs is not None:
            self._add_logprobs(choice.logprobs)
        self._note_end(choice)
        return carried

    def _note_end(self, choice: ChatStreamChoice) -> None:
        if choice.finish_reason:  # "" is "not yet" for some providers
            self.finish_reason = choice.finish_reason
        if choice.native_finish_reason is not None:
            self.native_finish_reason = choice.native_finish_reason
        if choice.error is not None:
            self.error = choice.error

    def _add_detail(self, detail: ReasoningDetailUnion) -> None:
        last = self.details[-1] if self.details else None
        if not isinstance(detail, models.ReasoningDetailText | models.ReasoningDetailSummary):
            self.details.append(detail)
        elif isinstance(last, _DetailRun) and last.accepts(detail):
            last.add(detail)
        else:
            self.details.append(_DetailRun(detail))

    def _add_tool_call(self, fragment: ChatStreamToolCall) -> None:
        parts = self.tool_by_index.get(fragment.index)
        if parts is None or (fragment.id and parts.id and fragment.id != parts.id):
            # A new id at a taken index is a new call, not more of the old one.
            parts = _ToolCallParts(fragment.index)
            self.tool_by_index[fragment.index] = parts
            self.tool_calls.append(parts)
        if parts.id is None and fragment.id:
            parts.id = fragment.id
        if parts.type is None and fragment.type:
            parts.type = fragment.type
        function = fragment.function
        if function is not None:
            if parts.name is None and function.name:
                parts.name = function.name
            if function.arguments:
                parts.arguments.add(function.arguments)
        if fragment.extra:
            parts.extra.update(fragment.extra)

    def _add_audio(self, audio: ChatAudioOutput) -> None:
        if audio.data:
            self.audio_data.append(audio.data)
        if audio.transcript:
            self.audio_transcript.append(audio.transcript)
        if audio.id is not None:
            self.audio_id = audio.id
        if audio.expires_at is not None:
            self.audio_expires_at = audio.expires_at
        self.audio_seen = True

    def _add_logprobs(self, logprobs: ChatTokenLogprobs) -> None:
        if logprobs.content is not None:
            if self.logprobs_content is None:
                self.logprobs_content = []
            self.logprobs_content.extend(logprobs.content)
        if logprobs.refusal is not None:
            if self.logprobs_refusal is None:
                self.logprobs_refusal = []
            self.logprobs_refusal.extend(logprobs.refusal)

    def build(self, index: int) -> ChatChoice:
        audio = None
        if self.audio_seen:
            audio = models.ChatAudioOutput(
                id=self.audio_id,
                expires_at=self.audio_expires_at,
                data="".join(self.audio_data) or None,
                transcript="".join(self.audio_transcript) or None,
            )
        logprobs = None
        if self.logprobs_content is not None or self.logprobs_refusal is not None:
            logprobs = models.ChatTokenLogprobs(
                content=self.logprobs_content, refusal=self.logprobs_refusal
            )
        message = models.ChatAssistantMessage(
            content=None if self.content is None else str(self.content),
            reasoning=str(self.reasoning) or None,
            reasoning_details=[d.build() if isinstance(d, _DetailRun) else d for d in self.details]
            or None,
            refusal=str(self.refusal) or None,
            tool_calls=[t.build() for t in self.tool_calls] or None,
            images=self.images or None,
            annotations=self.annotations or None,
            audio=audio,
        )
        return models.ChatChoice(
            index=index,
            message=message,
            finish_reason=self.finish_reason,
            native_finish_reason=self.native_finish_reason,
            logprobs=logprobs,
            error=self.error,
        )


class _ChoiceMarks(_ChoiceParts):
    """A choice folded without keeping what it said (``keep_content=False``).

    Only whether content came and how the choice ended are kept, so memory stays flat on
    an endless stream; ``collect()`` then has the metadata but no text.
    """

    __slots__ = ()

    def add(self, choice: ChatStreamChoice) -> bool:
        delta = choice.delta
        self._note_end(choice)
        return bool(
            delta.content
            or delta.reasoning
            or (delta.extra and delta.extra.get("reasoning_content"))
            or delta.refusal
            or delta.reasoning_details
            or delta.tool_calls
            or delta.images
            or delta.audio is not None
        )


class StreamCollector:
    """Everything a chat stream said, kept to fold into a ``ChatResult`` (``collect()``).

    ``generation_id`` may be given up front (from the ``X-Generation-Id`` header); chunk
    ids fill it otherwise. With ``keep_content=False`` nothing the stream said is kept:
    memory stays flat, and ``collect()`` / ``content_so_far`` have no text.
    """

    def __init__(self, generation_id: str | None = None, *, keep_content: bool = True) -> None:
        self._parts_class = _ChoiceParts if keep_content else _ChoiceMarks
        self.content_chunks = 0
        """How many chunks carried content (a plain attribute: the stall watchdog compares
        it once per network chunk to see progress)."""
        self._choices: dict[int, _ChoiceParts] = {}
        self.generation_id = generation_id
        """The generation id (for ``/generation`` lookups), from the header or the chunks."""
        self.model: str | None = None
        """The model that served the request, as the chunks name it."""
        self.provider: str | None = None
        """The upstream provider that served the request."""
        self.usage: ChatUsage | None = None
        """The last ``usage`` the stream sent, normally on its final chunk."""
        self.finish_reason: str | None = None
        """The last non-empty finish reason of any choice."""
        self._created: int | None = None
        self._system_fingerprint: str | None = None
        self._service_tier: str | None = None
        self._openrouter_metadata: OpenRouterMetadata | None = None

    def fold(self, chunk: ChatStreamChunk) -> int | None:
        """Fold the chunk in; return the position of its first failed choice, if any.

        A choice failed when it has an ``error`` or ended with ``finish_reason: "error"``.
        """
        if self.generation_id is None and chunk.id:
            self.generation_id = chunk.id
        if chunk.model:
            self.model = chunk.model
        if chunk.provider is not None:
            self.provider = chunk.provider
        if self._created is None:
            self._created = chunk.created
        if chunk.usage is not None:
            self.usage = chunk.usage
        if chunk.system_fingerprint is not None:
            self._system_fingerprint = chunk.system_fingerprint
        if chunk.service_tier is not None:
            self._service_tier = chunk.service_tier
        if chunk.openrouter_metadata is not None:
            self._openrouter_metadata = chunk.openrouter_metadata
        carried = False
        failed = None
        for position, choice in enumerate(chunk.choices):
            parts = self._choices.get(choice.index)
            if parts is None:
                parts = self._choices[choice.index] = self._parts_class()
            carried = parts.add(choice) or carried
            if choice.finish_reason:
                self.finish_reason = choice.finish_reason
            if failed is None and (choice.error is not None or choice.finish_reason == "error"):
                failed = position
        if carried:
            self.content_chunks += 1
        return failed

    @property
    def every_choice_finished(self) -> bool:
        """Whether choices arrived and each has a finish reason: the answer is complete,
        whatever happens to the connection before ``[DONE]``."""
        return bool(self._choices) and all(parts.finish_reason for parts in self._choices.values())

    @property
    def content_so_far(self) -> str:
        """The first choice's text so far (joined on each access)."""
        parts = self._choices.get(min(self._choices)) if self._choices else None
        if parts is None or not parts.content:
            return ""
        return str(parts.content)

    def collect(self) -> ChatResult:
        """Fold everything so far into a ``ChatResult``, as a non-streaming call returns it.

        Per choice: content, reasoning and refusal concatenated; tool-call fragments merged
        by index (id, type and name from the first fragment that has them, arguments
        concatenated, empty arguments as ``"{}"``); reasoning-detail fragments of one block
        merged, other details kept verbatim, in order. Unknown ids or models are ``""``.
        """
        return models.ChatResult(
            id=self.generation_id or "",
            model=self.model or "",
            created=self._created,
            object="chat.completion",
            choices=[self._choices[i].build(i) for i in sorted(self._choices)],
            usage=self.usage,
            provider=self.provider,
            system_fingerprint=self._system_fingerprint,
            service_tier=self._service_tier,
            openrouter_metadata=self._openrouter_metadata,
        )
