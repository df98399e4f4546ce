"""Streams: throughput of a 20,000-chunk stream, and the memory a stream holds.

Throughput: each run reads one whole stream from the loopback server, reading every
chunk's content; a first, untimed read of each client is checked against the content the
server sent (``_payloads.stream_content``); then runs alternate between the clients and
the figure is the median run, as chunks per second. Memory: ``tracemalloc``'s peak while
one stream is read (after a warm-up stream, so lazily created classes and hooks are not
counted), for 2,000 and 20,000 chunks, with and without ``collect()``.
"""

from __future__ import annotations

import asyncio
import gc
import time
import tracemalloc
from collections.abc import Awaitable, Callable

from bench import _clients
from bench._payloads import stream_content
from bench._table import Row, interleaved, median, ratio_row

CHUNKS = 20_000
SMALL = 2_000


def _url(port: int, chunks: int) -> str:
    return f"http://127.0.0.1:{port}/stream-{chunks}/api/v1"


def _check(name: str, count: int, pieces: list[str]) -> None:
    """A client read the whole stream: every chunk, and exactly the content it carries."""
    assert (CHUNKS, stream_content(CHUNKS)) == (count, "".join(pieces)), name


def throughput_rows(port: int, rounds: int, others: list[str]) -> list[Row]:
    """(3) Chunks per second reading a 20,000-chunk stream, sync and async.

    Third-party SDKs (sync only) take their turns in the same rounds as ours and the
    floor, on the same stream, after the same check read: the same median of warm runs.
    """
    url = _url(port, CHUNKS)
    made = {
        "ours": _clients.ours_stream(url),
        "floor": _clients.floor_stream(url),
        **{name: _clients.other_stream(name, url) for name in others},
    }
    try:
        for name, (read, _) in made.items():
            pieces: list[str] = []
            _check(name, read(pieces), pieces)
        sync = interleaved({name: read for name, (read, _) in made.items()}, rounds)
    finally:
        for _, close in made.values():
            close()

    async def run_async() -> dict[str, list[float]]:
        made_async: dict[str, tuple[_clients.AsyncStreamRead, Callable[[], Awaitable[None]]]] = {
            "ours": _clients.ours_stream_async(url),
            "floor": _clients.floor_stream_async(url),
        }
        names = list(made_async)
        times: dict[str, list[float]] = {name: [] for name in names}
        try:
            for name in names:
                pieces: list[str] = []
                _check(name, await made_async[name][0](pieces), pieces)
            for index in range(rounds):
                shift = index % len(names)
                for name in names[shift:] + names[:shift]:
                    start = time.perf_counter()
                    await made_async[name][0]()
                    times[name].append(time.perf_counter() - start)
        finally:
            for _, aclose in made_async.values():
                await aclose()
        return times

    rows = []
    for mode, times in (("sync", sync), ("async", asyncio.run(run_async()))):
        rate = {name: CHUNKS / median(values) for name, values in times.items()}
        rows.append(
            ratio_row(
                f"stream_{mode}",
                f"(3) {mode} stream, {CHUNKS:,} chunks",
                rate["ours"],
                rate["floor"],
                "chunks/s",
                min_ratio=0.75,
                extra={name: rate[name] for name in rate if name not in ("ours", "floor")},
                details={"rounds": rounds, "seconds": times},
            )
        )
    return rows


def _peak_kib(read: Callable[[], int]) -> float:
    """Peak traced memory above the starting point while ``read`` runs, in KiB."""
    gc.collect()
    tracemalloc.reset_peak()
    before, _ = tracemalloc.get_traced_memory()
    read()
    _, peak = tracemalloc.get_traced_memory()
    return (peak - before) / 1024


def memory_rows(port: int, repeats: int) -> list[Row]:
    """(4) Peak memory of a 20,000- against a 2,000-chunk stream, without and with collect()."""
    # Without collect() the stream is told so (keep_content=False) and keeps nothing;
    # with collect() it keeps the text, which must grow linearly with it.
    readers = {
        (chunks, collect): _clients.ours_stream(
            _url(port, chunks), collect=collect, keep_content=collect
        )
        for chunks in (SMALL, CHUNKS)
        for collect in (False, True)
    }
    floors = {chunks: _clients.floor_stream(_url(port, chunks)) for chunks in (SMALL, CHUNKS)}
    peaks: dict[tuple[int, bool], list[float]] = {key: [] for key in readers}
    floor_peaks: dict[int, list[float]] = {chunks: [] for chunks in floors}
    tracemalloc.start()
    try:
        # Warm-up: lazily built classes, hooks and connections are not the stream's.
        for (chunks, _), (read, _) in readers.items():
            if chunks == SMALL:
                read()
        floors[SMALL][0]()
        for _ in range(repeats):
            for key, (read, _) in readers.items():
                peaks[key].append(_peak_kib(read))
            for chunks, (read, _) in floors.items():
                floor_peaks[chunks].append(_peak_kib(read))
    finally:
        tracemalloc.stop()
        for _, close in [*readers.values(), *floors.values()]:
            close()
    kib = {key: median(values) for key, values in peaks.items()}
    floor_kib = {chunks: median(values) for chunks, values in floor_peaks.items()}
    details = {
        "repeats": repeats,
        "ours_kib": {f"{c}{'+collect' if k else ''}": v for (c, k), v in kib.items()},
        "floor_kib": floor_kib,
    }
    rows = [
        ratio_row(
            "memory_flat",
            f"(4) peak mem, {CHUNKS // 1000}k vs {SMALL // 1000}k chunks, keep_content=False",
            kib[CHUNKS, False],
            kib[SMALL, False],
            "KiB",
            max_ratio=1.2,
            details=details,
        ),
        ratio_row(
            "memory_collect",
            "(4) same with collect() (linear: ~10x content, not 100x)",
            kib[CHUNKS, True],
            kib[SMALL, True],
            "KiB",
            max_ratio=12.0,
            details=details,
        ),
        ratio_row(
            "memory_vs_floor",
            f"(4) peak mem {CHUNKS // 1000}k chunks, ours vs floor loop",
            kib[CHUNKS, False],
            floor_kib[CHUNKS],
            "KiB",
            details=details,
        ),
    ]
    return rows
