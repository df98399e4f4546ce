"""SSE decoder throughput on a realistic OpenRouter stream, against a naive floor.

The floor is the least a client can do with the same bytes: ``split(b"\\n\\n")`` on the
whole body and ``json.loads`` of each ``data:`` payload (no comments, CR or chunking
handled). Ours feeds the decoder the stream's 20,000 network chunks one at a time,
as the shell does, then does the floor's per-event work (json.loads); a last row adds
everything a stream does per event (StreamState: JSON, model decoding, the fold).
Run: ``python -m bench.bench_sse``.
"""

from __future__ import annotations

import json
import random
import statistics
import time
from collections.abc import Callable

from openrouter_core._sse import SSEDecoder
from openrouter_core._stream_state import StreamState

CHUNKS = 20_000
REPEATS = 15
_WORDS = ["The", " capital", " of", " France", " is", " Paris", ".", " Café", " naïve", " 😀"]


def _event(i: int, rng: random.Random) -> bytes:
    chunk = {
        "id": "gen-1732550000-AbCdEfGhIjKlMnOpQrSt",
        "provider": "OpenAI",
        "model": "openai/gpt-4o",
        "object": "chat.completion.chunk",
        "created": 1732550000,
        "choices": [
            {
                "index": 0,
                "delta": {"role": "assistant", "content": rng.choice(_WORDS)},
                "finish_reason": None,
                "native_finish_reason": None,
                "logprobs": None,
            }
        ],
    }
    return (
        b"data: " + json.dumps(chunk, separators=(",", ":"), ensure_ascii=False).encode() + b"\n\n"
    )


def realistic_stream(n_chunks: int = CHUNKS, seed: int = 0) -> list[bytes]:
    """Network chunks of a content stream: mostly one event each, a keep-alive comment
    every 50, every 10th event split in two at a random byte (sometimes inside a
    multi-byte character), and the usage chunk and ``[DONE]`` at the end."""
    rng = random.Random(seed)
    chunks: list[bytes] = [b": OPENROUTER PROCESSING\n\n"]
    i = 0
    while len(chunks) < n_chunks - 2:
        i += 1
        if i % 50 == 0:
            chunks.append(b": OPENROUTER PROCESSING\n\n")
            continue
        event = _event(i, rng)
        if i % 10 == 0:
            cut = rng.randrange(1, len(event))
            chunks += [event[:cut], event[cut:]]
        else:
            chunks.append(event)
    usage = {
        "id": "gen-1732550000-AbCdEfGhIjKlMnOpQrSt",
        "object": "chat.completion.chunk",
        "created": 1732550000,
        "model": "openai/gpt-4o",
        "choices": [],
        "usage": {
            "prompt_tokens": 12,
            "completion_tokens": i,
            "total_tokens": 12 + i,
            "cost": 0.01,
        },
    }
    chunks.append(b"data: " + json.dumps(usage).encode() + b"\n\n")
    chunks.append(b"data: [DONE]\n\n")
    return chunks[:n_chunks]


def floor(chunks: list[bytes]) -> int:
    """split + json.loads over the whole body: the least work that yields the chunks."""
    count = 0
    for part in b"".join(chunks).split(b"\n\n"):
        if part.startswith(b"data: ") and part != b"data: [DONE]":
            json.loads(part[6:])
            count += 1
    return count


def decoder_alone(chunks: list[bytes]) -> int:
    """Only the decoder, fed chunk by chunk."""
    decoder = SSEDecoder()
    count = 0
    for chunk in chunks:
        count += len(decoder.feed(chunk))
    return count + len(decoder.finish())


def decoder_and_loads(chunks: list[bytes]) -> int:
    """The decoder plus json.loads of each event: the same per-event work as the floor."""
    decoder = SSEDecoder()
    count = 0
    for chunk in chunks:
        for event in decoder.feed(chunk):
            if not event.done:
                json.loads(event.data)
                count += 1
    return count


def decoder_and_state(chunks: list[bytes]) -> int:
    """The whole pure path of a stream: decoder, StreamState (JSON and model decoding, the
    fold) and collect() at the end."""
    decoder = SSEDecoder()
    state = StreamState()
    count = 0
    for chunk in chunks:
        for event in decoder.feed(chunk):
            if state.on_event(event) is not None:
                count += 1
    state.collect()
    return count


def measure(
    runs: dict[str, Callable[[list[bytes]], int]], chunks: list[bytes]
) -> dict[str, tuple[float, int]]:
    """Median seconds over REPEATS rounds after a warm-up, and each run's event count.

    The runs alternate within each round, so load from other processes hits all alike.
    """
    counts = {name: run(chunks) for name, run in runs.items()}
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(REPEATS):
        for name, run in runs.items():
            start = time.perf_counter()
            run(chunks)
            times[name].append(time.perf_counter() - start)
    return {name: (statistics.median(times[name]), counts[name]) for name in runs}


def main() -> None:
    chunks = realistic_stream()
    size = sum(map(len, chunks))
    print(f"{len(chunks)} chunks, {size / 1e6:.2f} MB, median of {REPEATS} interleaved rounds")
    results = measure(
        {
            "floor: split + json.loads": floor,
            "decoder alone": decoder_alone,
            "decoder + json.loads": decoder_and_loads,
            "decoder + StreamState": decoder_and_state,
        },
        chunks,
    )
    for name, (seconds, n) in results.items():
        print(f"  {name:28} {n / seconds:12,.0f} events/s  {len(chunks) / seconds:12,.0f} chunks/s")
    base_s, base_n = results["floor: split + json.loads"]
    ours_s, ours_n = results["decoder + json.loads"]
    assert base_n == ours_n, (base_n, ours_n)
    state_s, _ = results["decoder + StreamState"]
    print(f"  ratio (decoder + json.loads) / floor: {base_s / ours_s:.2f}x")
    print(f"  ratio (decoder + StreamState) / floor: {base_s / state_s:.2f}x")


if __name__ == "__main__":
    main()
