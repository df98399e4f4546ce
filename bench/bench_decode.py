"""Decoding cost of our models against ``json.loads`` alone, on the same bytes.

Two shapes: a realistic 1 MB ``ChatResult`` (long content, reasoning, 200 tool calls, usage)
and a typical small ``ChatStreamChunk`` (one per SSE event). For each, the figure is the
median of several repeats of ``from_json(data, cls)`` divided by the median of
``json.loads(data)``; the two are timed alternately in each repeat, so a busy machine slows
both alike. Hooks are generated on first use, so one warm-up decode runs first.
Run: ``python -m bench.bench_decode`` or ``python bench/bench_decode.py``.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openrouter_core._converter import from_json
from openrouter_core.models import ChatResult, ChatStreamChunk

REPEATS = 25
CHUNK_LOOPS = 2_000


def big_result(tool_calls: int = 200, target_bytes: int = 1_000_000) -> bytes:
    """A ChatResult of about ``target_bytes``: mostly content, plus reasoning and tool calls."""
    calls = [
        {
            "id": f"call_{i:04d}",
            "type": "function",
            "function": {
                "name": "get_weather",
                "arguments": json.dumps({"city": f"City {i}", "unit": "celsius", "days": i % 7}),
            },
        }
        for i in range(tool_calls)
    ]
    body: dict[str, Any] = {
        "id": "gen-1732550000-AbCdEfGhIjKlMnOpQrSt",
        "provider": "OpenAI",
        "model": "openai/gpt-4o",
        "object": "chat.completion",
        "created": 1732550000,
        "system_fingerprint": "fp_44709d6fcb",
        "choices": [
            {
                "index": 0,
                "finish_reason": "tool_calls",
                "native_finish_reason": "tool_calls",
                "logprobs": None,
                "message": {
                    "role": "assistant",
                    "content": "",
                    "reasoning": "Let me think about the weather. " * 200,
                    "reasoning_details": [
                        {
                            "type": "reasoning.text",
                            "text": "Let me think about the weather. " * 200,
                            "format": "anthropic-claude-v1",
                            "index": 0,
                            "signature": "c2lnbmF0dXJl" * 20,
                        }
                    ],
                    "tool_calls": calls,
                },
            }
        ],
        "usage": {
            "prompt_tokens": 12000,
            "completion_tokens": 250000,
            "total_tokens": 262000,
            "cost": 0.5,
            "is_byok": False,
            "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
            "completion_tokens_details": {"reasoning_tokens": 1200},
            "cost_details": {
                "upstream_inference_cost": None,
                "upstream_inference_prompt_cost": 0.1,
                "upstream_inference_completions_cost": 0.4,
            },
        },
    }
    size = len(json.dumps(body, ensure_ascii=False).encode())
    sentence = "The capital of France is Paris; café crème costs €3. "
    body["choices"][0]["message"]["content"] = sentence * ((target_bytes - size) // 55)
    return json.dumps(body, ensure_ascii=False).encode()


def small_chunk() -> bytes:
    """A content chunk as OpenRouter streams it."""
    chunk = {
        "id": "gen-1732550000-AbCdEfGhIjKlMnOpQrSt",
        "provider": "OpenAI",
        "model": "openai/gpt-4o",
        "object": "chat.completion.chunk",
        "created": 1732550000,
        "choices": [
            {
                "index": 0,
                "delta": {"role": "assistant", "content": " Paris"},
                "finish_reason": None,
                "native_finish_reason": None,
                "logprobs": None,
            }
        ],
    }
    return json.dumps(chunk, separators=(",", ":")).encode()


def medians(
    floor: Callable[[], object], ours: Callable[[], object], loops: int = 1
) -> tuple[float, float]:
    """Median seconds per call of ``floor`` and ``ours``, timed alternately, REPEATS times."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(REPEATS):
        for run, out in ((floor, times[0]), (ours, times[1])):
            start = time.perf_counter()
            for _ in range(loops):
                run()
            out.append((time.perf_counter() - start) / loops)
    return statistics.median(times[0]), statistics.median(times[1])


def main() -> None:
    data = big_result()
    assert from_json(data, ChatResult).unwrap().choices[0].message.tool_calls  # warm-up, and check
    floor, ours = medians(lambda: json.loads(data), lambda: from_json(data, ChatResult))
    print(f"ChatResult {len(data) / 1e6:.2f} MB, 200 tool calls (median of {REPEATS})")
    print(f"  json.loads        {floor * 1e3:8.2f} ms")
    print(f"  from_json         {ours * 1e3:8.2f} ms   ratio {ours / floor:.2f}x")

    chunk = small_chunk()
    from_json(chunk, ChatStreamChunk).unwrap()
    floor, ours = medians(
        lambda: json.loads(chunk), lambda: from_json(chunk, ChatStreamChunk), CHUNK_LOOPS
    )
    print(f"ChatStreamChunk {len(chunk)} bytes (median of {REPEATS} x {CHUNK_LOOPS} decodes)")
    print(f"  json.loads        {floor * 1e6:8.2f} µs")
    print(f"  from_json         {ours * 1e6:8.2f} µs   ratio {ours / floor:.2f}x")


if __name__ == "__main__":
    main()
