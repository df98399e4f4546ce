"""Resources over real sockets: calls and streams ended every way leave the pool idle, and one
core shared by threads or tasks gives every caller its own answer (FakeOpenRouter)."""

import asyncio
import gc
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from openrouter_core import NO_RETRIES, OpenRouterCore, RequestOptions
from openrouter_core.funcs import chat_send, chat_send_async, chat_stream, chat_stream_async
from openrouter_core.testing import FakeOpenRouter

from .rawserver import busy_connections, connection_state, orphaned_connections
from .support import user_request

CYCLES = 72
"""Cycles per way; 14 ways (6 sync, 8 async) make 1,008 calls."""

STALL_MID = RequestOptions(headers={"X-Fake-Fault": "stall-mid-30"})
STALL_FIRST = RequestOptions(headers={"X-Fake-Fault": "stall-30"})


@pytest.fixture
def server() -> Iterator[FakeOpenRouter]:
    """A fake server whose stalls notice a gone client within 10 ms."""
    with FakeOpenRouter(keepalive_interval=0.01) as fake:
        yield fake


def _core(server: FakeOpenRouter) -> OpenRouterCore:
    return OpenRouterCore(
        api_key=server.api_key, server_url=server.base_url, retry_config=NO_RETRIES
    )


def _said(n: int) -> str:
    return f"You said: q{n}"


def _sync_cycle(core: OpenRouterCore, way: str, n: int) -> object:
    """One call ended ``way``; returns what it told (an answer or an outcome)."""
    if way == "send":
        return chat_send(core, user_request(f"q{n}")).unwrap().choices[0].message.content
    live = chat_stream(core, user_request(f"q{n}")).unwrap()
    if way == "exhausted":
        for _ in live:
            pass
        return live.collect().choices[0].message.content
    if way == "broken-off":
        for _ in live:
            break
    elif way == "consumer-exception":
        with pytest.raises(ZeroDivisionError):
            for _ in live:
                1 / 0  # noqa: B018
    elif way == "closed":
        with live:
            next(live)
    elif way == "abandoned":
        next(live)
    return live.outcome


SYNC_WAYS: dict[str, Callable[[int], object]] = {
    "send": _said,
    "exhausted": _said,
    "broken-off": lambda n: "cancelled",
    "consumer-exception": lambda n: "cancelled",
    "closed": lambda n: "cancelled",
    "abandoned": lambda n: "in_progress",
}


@pytest.mark.parametrize("way", list(SYNC_WAYS))
def test_sync_calls_ended_any_way_leave_the_pool_idle(server: FakeOpenRouter, way: str) -> None:
    """After 72 sync calls ended this way, every caller got its answer and the pool is idle."""
    with _core(server) as core:
        told = [_sync_cycle(core, way, n) for n in range(CYCLES)]
        gc.collect()
        busy = busy_connections(core.client)
    assert ([SYNC_WAYS[way](n) for n in range(CYCLES)], []) == (told, busy)
    assert CYCLES == len(server.requests)


async def _async_cycle(core: OpenRouterCore, server: FakeOpenRouter, way: str, n: int) -> object:
    if way == "send":
        reply = await chat_send_async(core, user_request(f"q{n}"))
        return reply.unwrap().choices[0].message.content
    if way == "cancelled-before-content":
        return await _cancel_while_opening(core, server, n)
    options = STALL_MID if way == "cancelled" else None
    live = (await chat_stream_async(core, user_request(f"q{n}"), options)).unwrap()
    if way == "exhausted":
        async for _ in live:
            pass
        return live.collect().choices[0].message.content
    if way == "broken-off":
        async for _ in live:
            break
        await _settle(live)
    elif way == "consumer-exception":
        with pytest.raises(ZeroDivisionError):
            async for _ in live:
                1 / 0  # noqa: B018
        await _settle(live)
    elif way == "closed":
        async with live:
            await anext(live)
    elif way == "cancelled":
        await _cancel_mid_stream(live)
    elif way == "abandoned":
        await anext(live)
        outcome = live.outcome
        del live
        return outcome
    return live.outcome


async def _settle(live: Any) -> None:
    """Let the loop finalise the async generator a ``break`` or a raise left behind: that
    closes the stream (async generators cannot be closed synchronously)."""
    for _ in range(100):
        if live.outcome != "in_progress":
            return
        await asyncio.sleep(0)


async def _cancel_mid_stream(live: Any) -> None:
    """Cancel a task that iterates a stream which went quiet after some content."""
    first = asyncio.Event()

    async def consume() -> None:
        async for _ in live:
            first.set()

    task = asyncio.create_task(consume())
    await first.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


async def _cancel_while_opening(core: OpenRouterCore, server: FakeOpenRouter, n: int) -> str:
    """Cancel a task still inside chat_stream_async: the server has the request and stalls
    before any content. Returns how the task ended, as seen from outside it."""
    before = len(server.requests)
    task = asyncio.create_task(chat_stream_async(core, user_request(f"q{n}"), STALL_FIRST))
    give_up = time.monotonic() + 10
    while time.monotonic() < give_up:  # until the server has the request
        if len(server.requests) > before or task.done():
            break
        await asyncio.sleep(0.001)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    return "cancelled" if task.cancelled() else f"not cancelled: {task.result()}"


ASYNC_WAYS: dict[str, Callable[[int], object]] = {
    **SYNC_WAYS,
    "cancelled": lambda n: "cancelled",
    "cancelled-before-content": lambda n: "cancelled",
}


@pytest.mark.parametrize("way", list(ASYNC_WAYS))
def test_async_calls_ended_any_way_leave_the_pool_idle(server: FakeOpenRouter, way: str) -> None:
    """After 72 async calls ended this way (cancelled tasks too), the pool is idle."""

    async def main() -> tuple[list[object], list[str]]:
        async with _core(server) as core:
            told = [await _async_cycle(core, server, way, n) for n in range(CYCLES)]
            gc.collect()
            for _ in range(5):  # closes handed to the loop by abandoned streams
                await asyncio.sleep(0)
            return told, busy_connections(core.async_client)

    told, busy = asyncio.run(main())
    assert ([ASYNC_WAYS[way](n) for n in range(CYCLES)], []) == (told, busy)
    assert CYCLES == len(server.requests)


def test_a_task_cancelled_between_connecting_and_sending_orphans_its_connection(
    server: FakeOpenRouter,
) -> None:
    """Pins an upstream leak, encode/httpcore#1093 (httpcore 1.0.9; this ``NEW`` shape is
    described on encode/httpcore#1099): a task cancelled after its new connection is open
    but before the request is written on it leaves that connection in the pool, owned by
    no request, forever ``NEW``. The SDK cannot close it
    (httpx owns the pool); the pool still serves the next calls. The way tests above cancel
    only once the request is on the wire, so they need no filter. When this test fails,
    httpcore has fixed the leak: delete it, and ``orphaned_connections`` with it."""

    async def cancel_once_connected(core: OpenRouterCore, n: int) -> list[str]:
        task = asyncio.create_task(chat_stream_async(core, user_request(f"q{n}"), STALL_FIRST))
        pool = core.async_client._transport._pool  # type: ignore[attr-defined]
        give_up = time.monotonic() + 10
        while time.monotonic() < give_up:  # one loop turn at a time, until it is open
            await asyncio.sleep(0)
            if [connection_state(c) for c in pool.connections[n:]] == ["NEW"]:
                break
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        return [connection_state(c) for c in pool.connections]

    async def main() -> tuple[list[list[str]], list[str], list[str], object]:
        async with _core(server) as core:
            states = [await cancel_once_connected(core, n) for n in range(3)]
            orphans = orphaned_connections(core.async_client)
            busy = busy_connections(core.async_client)
            reply = (await chat_send_async(core, user_request("after"))).unwrap()
            return states, orphans, busy, reply.choices[0].message.content

    states, orphans, busy, answer = asyncio.run(main())
    assert [["NEW"], ["NEW"] * 2, ["NEW"] * 3] == states
    assert (3, orphans, "You said: after") == (len(orphans), busy, answer)
    assert ["after"] == [r.json["messages"][-1]["content"] for r in server.requests]


def _ask(core: OpenRouterCore, n: int) -> tuple[object, object]:
    sent = chat_send(core, user_request(f"q{n}")).unwrap()
    with chat_stream(core, user_request(f"s{n}")).unwrap() as live:
        streamed = "".join(
            item.unwrap().choices[0].delta.content or "" for item in live if item.unwrap().choices
        )
    return sent.choices[0].message.content, streamed


def test_sixteen_threads_share_one_core(server: FakeOpenRouter) -> None:
    """Sixteen threads, each sending and streaming on one core, each get their own answers."""
    answers: dict[int, tuple[object, object]] = {}
    with _core(server) as core:

        def worker(t: int) -> None:
            for k in range(4):
                answers[t * 4 + k] = _ask(core, t * 4 + k)

        threads = [threading.Thread(target=worker, args=(t,)) for t in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        busy = busy_connections(core.client)
    expected = {n: (_said(n), f"You said: s{n}") for n in range(64)}
    assert (expected, []) == (answers, busy)


def test_a_hundred_tasks_share_one_core(server: FakeOpenRouter) -> None:
    """A hundred concurrent tasks, each sending and streaming on one core, get their own answers."""

    async def ask(core: OpenRouterCore, n: int) -> tuple[object, object]:
        sent = (await chat_send_async(core, user_request(f"q{n}"))).unwrap()
        async with (await chat_stream_async(core, user_request(f"s{n}"))).unwrap() as live:
            pieces = [item.unwrap() async for item in live]
        streamed = "".join(c.choices[0].delta.content or "" for c in pieces if c.choices)
        return sent.choices[0].message.content, streamed

    async def main() -> tuple[list[tuple[object, object]], list[str]]:
        async with _core(server) as core:
            answers = await asyncio.gather(*(ask(core, n) for n in range(100)))
            return list(answers), busy_connections(core.async_client)

    expected = [(_said(n), f"You said: s{n}") for n in range(100)]
    assert (expected, []) == asyncio.run(main())
