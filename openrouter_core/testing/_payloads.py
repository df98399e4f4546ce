"""Pure builders of OpenRouter wire payloads: chat results, stream chunks, error envelopes.

Shared by the fake server and the scripted-response kit, so both speak the same shapes as
the real API (reference ``openrouter-api.md`` sections 5-7): ``provider`` and
``native_finish_reason`` are present although the spec lacks them, the usage chunk comes last
with ``choices: []``, and errors use the ``{"error": {code, message, metadata}}`` envelope.
All builders return plain JSON-ready dicts and never touch the clock or randomness; the
defaults are fixed values so scripted tests can compare whole payloads.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeAlias

JSONDict: TypeAlias = dict[str, Any]
ToolCallSpec: TypeAlias = tuple[str, Mapping[str, Any] | str]
"""A tool call to put in a reply: the function name and its arguments (a dict or JSON text)."""

DEFAULT_ID = "gen-1700000000-fakefakefakefake"
DEFAULT_CREATED = 1_700_000_000
DEFAULT_MODEL = "openai/gpt-4o-mini"
DEFAULT_PROVIDER = "OpenAI"
SYSTEM_FINGERPRINT = "fp_fake"

# Prices per token in credits (USD), in the range of a small hosted model; the fake's
# catalogue lists its chat models at these prices.
PROMPT_PRICE = 0.000_000_15
COMPLETION_PRICE = 0.000_000_6
_ARGUMENT_FRAGMENT = 12
_WORD = re.compile(r"\s*\S+\s*|\s+")


def count_tokens(text: str) -> int:
    """Approximate a tokenizer: one token per four characters, rounded up (0 for "")."""
    return math.ceil(len(text) / 4)


def usage(prompt_tokens: int, completion_tokens: int, reasoning_tokens: int = 0) -> JSONDict:
    """A ``usage`` object with a ``cost`` derived from the counts, as OpenRouter reports it.

    ``completion_tokens`` includes ``reasoning_tokens``, as on the real API.
    """
    cost = round(prompt_tokens * PROMPT_PRICE + completion_tokens * COMPLETION_PRICE, 12)
    return {
        "prompt_tokens": prompt_tokens,
        "completion_tokens": completion_tokens,
        "total_tokens": prompt_tokens + completion_tokens,
        "cost": cost,
        "is_byok": False,
        "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
        "completion_tokens_details": {"reasoning_tokens": reasoning_tokens, "image_tokens": 0},
        "cost_details": {"upstream_inference_cost": None},
    }


def split_words(text: str) -> list[str]:
    """Split text into word-sized pieces whose concatenation is the text (how deltas arrive)."""
    return _WORD.findall(text)


def error_object(code: int | str, message: str, metadata: Mapping[str, Any] | None) -> JSONDict:
    """The inner ``{"code", "message", "metadata"?}`` object of every error shape."""
    error: JSONDict = {"code": code, "message": message}
    if metadata is not None:
        error["metadata"] = dict(metadata)
    return error


def error_envelope(
    code: int | str, message: str, metadata: Mapping[str, Any] | None = None
) -> JSONDict:
    """The error body of a failed request: ``{"error": {"code", "message", "metadata"?}}``."""
    return {"error": error_object(code, message, metadata)}


def _tool_calls(calls: Sequence[ToolCallSpec]) -> list[JSONDict]:
    return [
        {
            "id": f"call_{index}_{name}",
            "type": "function",
            "function": {"name": name, "arguments": _arguments_text(arguments)},
        }
        for index, (name, arguments) in enumerate(calls)
    ]


def _arguments_text(arguments: Mapping[str, Any] | str) -> str:
    if isinstance(arguments, str):
        return arguments
    return json.dumps(arguments, separators=(",", ":"), ensure_ascii=False)


def _reasoning_details(text: str) -> list[JSONDict]:
    return [{"type": "reasoning.text", "text": text, "format": "unknown", "index": 0}]


def _default_finish(tool_calls: Sequence[ToolCallSpec] | None) -> str:
    return "tool_calls" if tool_calls else "stop"


def _native_finish(finish_reason: str) -> str:
    # What an OpenAI-style upstream reports; OpenRouter passes it through verbatim.
    return {"length": "max_tokens", "error": "error"}.get(finish_reason, finish_reason)


def chat_result(
    content: str | None = "Hello! How can I help you today?",
    *,
    reasoning: str | None = None,
    tool_calls: Sequence[ToolCallSpec] | None = None,
    finish_reason: str | None = None,
    error: Mapping[str, Any] | None = None,
    prompt_tokens: int = 12,
    id: str = DEFAULT_ID,
    model: str = DEFAULT_MODEL,
    provider: str = DEFAULT_PROVIDER,
    created: int = DEFAULT_CREATED,
) -> JSONDict:
    """A realistic non-streaming ``chat.completion`` body with one choice.

    Args:
        content: The assistant's text (None for a pure tool-call answer).
        reasoning: Reasoning text; also fills ``reasoning_details`` with one
            ``reasoning.text`` item and ``usage.completion_tokens_details.reasoning_tokens``.
        tool_calls: ``(name, arguments)`` pairs; ids are ``call_<index>_<name>``.
        finish_reason: Defaults to ``"tool_calls"`` when there are tool calls, else ``"stop"``.
        error: A ``choices[0].error`` object (see ``error_object``), as OpenRouter sends when
            the provider failed after some content; sets ``finish_reason`` to ``"error"``.
        prompt_tokens: Reported prompt size; completion tokens are derived from the text.
        id: The generation id (also what a server sends as ``X-Generation-Id``).
        model: The model that served the request.
        provider: The upstream provider's name.
        created: Unix seconds.

    Returns:
        A JSON-ready dict that decodes as ``ChatResult``.
    """
    if finish_reason is None:
        finish_reason = "error" if error is not None else _default_finish(tool_calls)
    message: JSONDict = {"role": "assistant", "content": content, "refusal": None}
    if reasoning is not None:
        message["reasoning"] = reasoning
        message["reasoning_details"] = _reasoning_details(reasoning)
    if tool_calls:
        message["tool_calls"] = _tool_calls(tool_calls)
    choice: JSONDict = {
        "index": 0,
        "message": message,
        "finish_reason": finish_reason,
        "native_finish_reason": _native_finish(finish_reason),
        "logprobs": None,
    }
    if error is not None:
        choice["error"] = dict(error)
    reasoning_tokens = count_tokens(reasoning or "")
    arguments = "".join(call["function"]["arguments"] for call in message.get("tool_calls", []))
    completion_tokens = count_tokens(content or "") + count_tokens(arguments) + reasoning_tokens
    return {
        "id": id,
        "provider": provider,
        "model": model,
        "object": "chat.completion",
        "created": created,
        "choices": [choice],
        "system_fingerprint": SYSTEM_FINGERPRINT,
        "usage": usage(prompt_tokens, completion_tokens, reasoning_tokens),
    }


def chunk(
    choices: Iterable[JSONDict],
    *,
    id: str = DEFAULT_ID,
    model: str = DEFAULT_MODEL,
    provider: str = DEFAULT_PROVIDER,
    created: int = DEFAULT_CREATED,
    **fields: Any,
) -> JSONDict:
    """One ``chat.completion.chunk`` with the given choices and extra top-level fields."""
    return {
        "id": id,
        "provider": provider,
        "model": model,
        "object": "chat.completion.chunk",
        "created": created,
        "choices": list(choices),
        "system_fingerprint": SYSTEM_FINGERPRINT,
        **fields,
    }


def delta_choice(
    delta: Mapping[str, Any], finish_reason: str | None = None, **fields: Any
) -> JSONDict:
    """A streaming choice (index 0) carrying ``delta``; ``native_finish_reason`` follows."""
    native = None if finish_reason is None else _native_finish(finish_reason)
    return {
        "index": 0,
        "delta": dict(delta),
        "finish_reason": finish_reason,
        "native_finish_reason": native,
        "logprobs": None,
        **fields,
    }


def error_chunk(
    error: Mapping[str, Any],
    *,
    with_choice: bool = True,
    id: str = DEFAULT_ID,
    model: str = DEFAULT_MODEL,
    provider: str = DEFAULT_PROVIDER,
    created: int = DEFAULT_CREATED,
) -> JSONDict:
    """The in-band error event: a chunk with a top-level ``error``.

    With ``with_choice`` (the documented mid-stream shape) it carries one choice whose
    ``finish_reason`` is ``"error"``; without it ``choices`` is ``[]``, as field reports show
    when the provider fails before the first token.
    """
    choices = [delta_choice({"content": ""}, "error")] if with_choice else []
    return chunk(choices, id=id, model=model, provider=provider, created=created, error=dict(error))


def stream_chunks(
    content: str | None = "Hello! How can I help you today?",
    *,
    reasoning: str | None = None,
    tool_calls: Sequence[ToolCallSpec] | None = None,
    finish_reason: str | None = None,
    prompt_tokens: int = 12,
    id: str = DEFAULT_ID,
    model: str = DEFAULT_MODEL,
    provider: str = DEFAULT_PROVIDER,
    created: int = DEFAULT_CREATED,
) -> list[JSONDict]:
    """The chunks of a realistic stream, in wire order, for the same answer as ``chat_result``.

    A role chunk, reasoning pieces (``reasoning`` + ``reasoning_details``), content split into
    words, tool calls (the first fragment with id, type and name, then argument fragments, by
    ``index``), a finish chunk, then the usage-only chunk with ``choices: []``. The SSE comment
    and ``[DONE]`` framing is the caller's (``sse_response`` or the fake server).
    """
    meta: JSONDict = {"id": id, "model": model, "provider": provider, "created": created}
    chunks = [chunk([delta_choice({"role": "assistant", "content": ""})], **meta)]
    for piece in split_words(reasoning or ""):
        delta: JSONDict = {"role": "assistant", "content": "", "reasoning": piece}
        delta["reasoning_details"] = _reasoning_details(piece)
        chunks.append(chunk([delta_choice(delta)], **meta))
    for piece in split_words(content or ""):
        chunks.append(chunk([delta_choice({"role": "assistant", "content": piece})], **meta))
    for index, call in enumerate(_tool_calls(tool_calls or ())):
        arguments = call["function"]["arguments"]
        function = {"name": call["function"]["name"], "arguments": ""}
        first = {"index": index, "id": call["id"], "type": "function", "function": function}
        chunks.append(chunk([delta_choice({"role": "assistant", "tool_calls": [first]})], **meta))
        for start in range(0, len(arguments), _ARGUMENT_FRAGMENT):
            fragment = arguments[start : start + _ARGUMENT_FRAGMENT]
            piece_call = {"index": index, "function": {"arguments": fragment}}
            fragment_delta = {"role": "assistant", "tool_calls": [piece_call]}
            chunks.append(chunk([delta_choice(fragment_delta)], **meta))
    finish = finish_reason or _default_finish(tool_calls)
    chunks.append(chunk([delta_choice({"role": "assistant", "content": ""}, finish)], **meta))
    final = chat_result(
        content, reasoning=reasoning, tool_calls=tool_calls, prompt_tokens=prompt_tokens
    )
    chunks.append(chunk([], **meta, usage=final["usage"]))
    return chunks
