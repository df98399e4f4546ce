"""The bodies the benchmarks exchange, built once and byte-identical for ours and the floor.

Shapes come from ``openrouter_core.testing`` (what the fake server sends), so the figures
are for realistic OpenRouter answers: a short ``chat.completion``, a word-per-chunk stream
with a role chunk, a finish chunk and a usage-only chunk, and a 1 MB tool-calling result.
"""

from __future__ import annotations

import json
import random
from typing import Any

from openrouter_core.testing import chat_result, stream_chunks

QUESTION = "What is the capital of France?"
ANSWER = "The capital of France is Paris."
MODEL = "openai/gpt-4o-mini"
REQUEST: dict[str, Any] = {
    "model": MODEL,
    "messages": [
        {"role": "system", "content": "You are a helpful assistant."},
        {"role": "user", "content": QUESTION},
    ],
}
"""The request both sides send, as the floor writes it by hand."""

_WORDS = [
    " The",
    " capital",
    " of",
    " France",
    " is",
    " Paris.",
    " Café",
    " naïve",
    " 😀",
    " crème",
]
_KEEPALIVE = b": OPENROUTER PROCESSING\n\n"
_DONE = b"data: [DONE]\n\n"


def dumps(value: Any) -> bytes:
    """Compact UTF-8 JSON, as OpenRouter sends it."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def small_result() -> bytes:
    """The non-streaming answer to ``REQUEST`` (about 600 bytes)."""
    return dumps(chat_result(ANSWER, model=MODEL))


def stream_events(n_chunks: int, seed: int = 0) -> list[bytes]:
    """SSE events of a stream of exactly ``n_chunks`` chunks (data events before ``[DONE]``).

    One event per network write, as OpenRouter flushes them: a keep-alive comment, the role
    chunk, ``n_chunks - 3`` one-word content chunks (some multi-byte), the finish chunk,
    the usage-only chunk and ``data: [DONE]``.
    """
    rng = random.Random(seed)
    content = "".join(rng.choice(_WORDS) for _ in range(n_chunks - 3))
    chunks = stream_chunks(content, model=MODEL)
    assert len(chunks) == n_chunks, (len(chunks), n_chunks)
    return [_KEEPALIVE, *(b"data: " + dumps(chunk) + b"\n\n" for chunk in chunks), _DONE]


def stream_content(n_chunks: int, seed: int = 0) -> str:
    """The text that ``stream_events(n_chunks, seed)`` carries, to check what was read."""
    rng = random.Random(seed)
    return "".join(rng.choice(_WORDS) for _ in range(n_chunks - 3))


def big_result(target_bytes: int = 1_000_000, tool_calls: int = 200) -> bytes:
    """A ``ChatResult`` of about ``target_bytes``: long content, reasoning, tool calls, usage."""
    calls = [
        (f"get_weather_{i % 7}", {"city": f"City {i}", "unit": "celsius", "days": i % 7})
        for i in range(tool_calls)
    ]
    reasoning = "Let me think about the weather. " * 200
    body = chat_result("", reasoning=reasoning, tool_calls=calls, model=MODEL)
    size = len(dumps(body))
    sentence = "The capital of France is Paris; café crème costs €3. "
    per_sentence = len(sentence.encode())
    body["choices"][0]["message"]["content"] = sentence * ((target_bytes - size) // per_sentence)
    return dumps(body)
