"""Non-streaming requests: sequential latency (sync and async) and 64 concurrent calls.

Latency: the clients take turns request by request (the order rotates each time), so a
burst of load from another process lands on all of them alike; the figures are the median
and p90 of the per-request times after a warm-up. Concurrency: rounds of 64 calls gathered
on one event loop, clients alternating round by round; the figure is the median round.
Third-party SDKs, when installed, are measured exactly like ours and the floor: the same
warm-up, the same turns, the same statistics.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

from bench import _clients
from bench._table import Row, median, p90, ratio_row

_WARMUP = 50


def _turns(names: list[str], index: int) -> list[str]:
    """Who goes in turn ``index``: every client, in an order that rotates."""
    shift = index % len(names)
    return names[shift:] + names[:shift]


def _sync_samples(calls: dict[str, _clients.SyncCall], count: int) -> dict[str, list[float]]:
    names = list(calls)
    samples: dict[str, list[float]] = {name: [] for name in names}
    for name in names:
        for _ in range(_WARMUP):
            calls[name]()
    for index in range(count):
        for name in _turns(names, index):
            start = time.perf_counter()
            calls[name]()
            samples[name].append(time.perf_counter() - start)
    return samples


async def _async_samples(
    calls: dict[str, _clients.AsyncCall], count: int
) -> dict[str, list[float]]:
    names = list(calls)
    samples: dict[str, list[float]] = {name: [] for name in names}
    for name in names:
        for _ in range(_WARMUP):
            await calls[name]()
    for index in range(count):
        for name in _turns(names, index):
            start = time.perf_counter()
            await calls[name]()
            samples[name].append(time.perf_counter() - start)
    return samples


def _latency_rows(mode: str, samples: dict[str, list[float]], count: int) -> list[Row]:
    us = {name: [t * 1e6 for t in values] for name, values in samples.items()}
    others = [name for name in us if name not in ("ours", "floor")]
    details = {"requests_per_client": count}
    return [
        ratio_row(
            f"latency_{mode}_median",
            f"(2) {mode} chat_send median latency",
            median(us["ours"]),
            median(us["floor"]),
            "µs",
            max_ratio=1.10,
            extra={name: median(us[name]) for name in others},
            details=details,
        ),
        ratio_row(
            f"latency_{mode}_p90",
            f"(2) {mode} chat_send p90 latency",
            p90(us["ours"]),
            p90(us["floor"]),
            "µs",
            extra={name: p90(us[name]) for name in others},
            details=details,
        ),
    ]


def latency_rows(port: int, count: int, others: list[str]) -> list[Row]:
    """(2) Sequential ``chat_send`` / ``chat_send_async`` against httpx + json.loads."""
    base = f"http://127.0.0.1:{port}/json/api/v1"
    made = {
        "ours": _clients.ours_send(base),
        "floor": _clients.floor_send(base),
        **{name: _clients.other_send(name, base) for name in others},
    }
    try:
        sync = _sync_samples({name: call for name, (call, _) in made.items()}, count)
    finally:
        for _, close in made.values():
            close()

    async def run_async() -> dict[str, list[float]]:
        made_async = {
            "ours": _clients.ours_send_async(base),
            "floor": _clients.floor_send_async(base),
            **{name: _clients.other_send_async(name, base) for name in others},
        }
        try:
            return await _async_samples(
                {name: call for name, (call, _) in made_async.items()}, count
            )
        finally:
            for _, aclose in made_async.values():
                await aclose()

    return _latency_rows("sync", sync, count) + _latency_rows(
        "async", asyncio.run(run_async()), count
    )


CONCURRENCY = 64


def concurrency_rows(port: int, rounds: int, others: list[str]) -> list[Row]:
    """(5) 64 concurrent ``chat_send_async`` on one core against 64 httpx.AsyncClient posts."""
    base = f"http://127.0.0.1:{port}/json/api/v1"

    async def run() -> dict[str, list[float]]:
        made: dict[str, tuple[_clients.AsyncCall, Callable[[], Awaitable[None]]]] = {
            "ours": _clients.ours_send_async(base),
            "floor": _clients.floor_send_async(base),
            **{name: _clients.other_send_async(name, base) for name in others},
        }
        names = list(made)
        times: dict[str, list[float]] = {name: [] for name in names}
        try:
            for name in names:  # open the 64 connections and warm every path
                call = made[name][0]
                await asyncio.gather(*(call() for _ in range(CONCURRENCY)))
            for index in range(rounds):
                for name in _turns(names, index):
                    call = made[name][0]
                    start = time.perf_counter()
                    await asyncio.gather(*(call() for _ in range(CONCURRENCY)))
                    times[name].append(time.perf_counter() - start)
        finally:
            for _, aclose in made.values():
                await aclose()
        return times

    times = asyncio.run(run())
    ms = {name: [t * 1000 for t in values] for name, values in times.items()}
    return [
        ratio_row(
            "concurrency_64",
            f"(5) {CONCURRENCY} concurrent chat_send_async",
            median(ms["ours"]),
            median(ms["floor"]),
            "ms",
            max_ratio=1.10,
            extra={name: median(ms[name]) for name in ms if name not in ("ours", "floor")},
            details={"rounds": rounds, "ours_ms": ms["ours"], "floor_ms": ms["floor"]},
        )
    ]
