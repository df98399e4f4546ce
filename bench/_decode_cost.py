"""Decoding without the network: a 1 MB ``ChatResult``, one stream chunk, and the pure SSE path.

These locate where stream and request time goes. Each pair is timed alternately (after a
warm-up that generates the converter's hooks) and the figure is the median. The pure SSE
rows reuse ``bench.bench_sse`` (the sse piece's benchmark) on its realistic 20,000-chunk
byte stream.
"""

from __future__ import annotations

import json

from bench import bench_sse
from bench._payloads import big_result, dumps
from bench._table import Row, interleaved, median, ratio_row
from openrouter_core._converter import from_json
from openrouter_core.models import ChatResult, ChatStreamChunk
from openrouter_core.testing import stream_chunks

_CHUNK_LOOPS = 2_000


def decode_rows(rounds: int) -> list[Row]:
    """(6) ``from_json`` of a 1 MB ChatResult and of one chunk, against ``json.loads``."""
    big = big_result()
    assert from_json(big, ChatResult).unwrap().choices[0].message.tool_calls
    times = interleaved(
        {"ours": lambda: from_json(big, ChatResult), "floor": lambda: json.loads(big)}, rounds
    )
    chunk = dumps(stream_chunks("Hello there")[1])
    from_json(chunk, ChatStreamChunk).unwrap()

    def ours_chunks() -> None:
        for _ in range(_CHUNK_LOOPS):
            from_json(chunk, ChatStreamChunk)

    def floor_chunks() -> None:
        for _ in range(_CHUNK_LOOPS):
            json.loads(chunk)

    chunk_times = interleaved({"ours": ours_chunks, "floor": floor_chunks}, rounds)
    return [
        ratio_row(
            "decode_1mb",
            f"(6) decode {len(big) / 1e6:.1f} MB ChatResult vs json.loads",
            median(times["ours"]) * 1000,
            median(times["floor"]) * 1000,
            "ms",
            details={"rounds": rounds, "bytes": len(big)},
        ),
        ratio_row(
            "decode_chunk",
            f"(6) decode one {len(chunk)}-byte chunk vs json.loads",
            median(chunk_times["ours"]) / _CHUNK_LOOPS * 1e6,
            median(chunk_times["floor"]) / _CHUNK_LOOPS * 1e6,
            "µs",
            details={"rounds": rounds, "loops": _CHUNK_LOOPS},
        ),
    ]


def pure_sse_rows(rounds: int) -> list[Row]:
    """The stream's pure path on 20,000 network chunks, against split + json.loads."""
    chunks = bench_sse.realistic_stream()
    times = interleaved(
        {
            "floor": lambda: bench_sse.floor(chunks),
            "decoder": lambda: bench_sse.decoder_and_loads(chunks),
            "state": lambda: bench_sse.decoder_and_state(chunks),
        },
        rounds,
    )
    rate = {name: len(chunks) / median(values) for name, values in times.items()}
    return [
        ratio_row(
            "pure_decoder",
            "(3) pure: SSEDecoder + json.loads (no HTTP)",
            rate["decoder"],
            rate["floor"],
            "chunks/s",
            details={"rounds": rounds},
        ),
        ratio_row(
            "pure_state",
            "(3) pure: SSEDecoder + StreamState (no HTTP)",
            rate["state"],
            rate["floor"],
            "chunks/s",
            details={"rounds": rounds},
        ),
    ]
