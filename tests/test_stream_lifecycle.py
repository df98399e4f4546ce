"""Stream lifecycle: every way a stream can end releases its connection, both twins."""

import asyncio
import threading
from collections.abc import AsyncIterator, Iterator
from typing import Any, cast

import httpx
import pytest

from openrouter_core import NO_RETRIES, OpenRouterCore
from openrouter_core.funcs import chat_send, chat_stream, chat_stream_async

from .support import BASE_URL, SSE_HEADERS, chunk_json, sse, usage_chunk, user_request

CYCLES = 200
BODY = sse(
    chunk_json(role="assistant"),
    *(chunk_json(f"piece {n} ") for n in range(10)),
    chunk_json(finish="stop"),
    usage_chunk(),
)


class Tracker:
    """Counts the response bodies handed out and the ones closed."""

    def __init__(self, *, hang: bool = False) -> None:
        self.opened = 0
        self.closed = 0
        self.hang = hang

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.opened += 1
        return httpx.Response(200, headers=SSE_HEADERS, stream=_Body(self))


class _Body(httpx.SyncByteStream, httpx.AsyncByteStream):
    def __init__(self, tracker: Tracker) -> None:
        self.tracker = tracker
        self.done = False

    def __iter__(self) -> Iterator[bytes]:
        for line in BODY.split(b"\n\n"):
            yield line + b"\n\n"

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for n, line in enumerate(BODY.split(b"\n\n")):
            if self.tracker.hang and n == 3:
                await asyncio.Event().wait()
            yield line + b"\n\n"

    def close(self) -> None:
        if not self.done:
            self.done = True
            self.tracker.closed += 1

    async def aclose(self) -> None:
        self.close()


def _core(tracker: Tracker, mode: str) -> OpenRouterCore:
    transport = httpx.MockTransport(tracker.handler)
    client: dict[str, Any] = (
        {"http_client": httpx.Client(transport=transport)}
        if mode == "sync"
        else {"async_http_client": httpx.AsyncClient(transport=transport)}
    )
    return OpenRouterCore(api_key="k", server_url=BASE_URL, retry_config=NO_RETRIES, **client)


def _sync_cycle(core: OpenRouterCore, how: str) -> str:
    live = chat_stream(core, user_request()).unwrap()
    if how == "exhausted":
        for _ in live:
            pass
    elif how == "break":
        for _ in live:
            break
    elif how == "consumer-exception":
        with pytest.raises(ZeroDivisionError):
            for _ in live:
                1 / 0  # noqa: B018
    elif how == "close":
        next(live)
        live.close()
        live.close()
    elif how == "context-manager":
        with live:
            next(live)
    elif how == "abandoned":
        next(live)
    outcome = live.outcome
    del live
    return outcome


@pytest.mark.parametrize(
    ("how", "outcome"),
    [
        ("exhausted", "completed"),
        ("break", "cancelled"),
        ("consumer-exception", "cancelled"),
        ("close", "cancelled"),
        ("context-manager", "cancelled"),
        ("abandoned", "in_progress"),
    ],
)
def test_sync_streams_release_their_connection(how: str, outcome: str) -> None:
    """After 200 streams ended this way, every response body was closed."""
    tracker = Tracker()
    core = _core(tracker, "sync")
    outcomes = {_sync_cycle(core, how) for _ in range(CYCLES)}
    assert ({outcome}, CYCLES, CYCLES) == (outcomes, tracker.opened, tracker.closed)


async def _async_cycle(core: OpenRouterCore, how: str) -> str:
    live = (await chat_stream_async(core, user_request())).unwrap()
    if how == "exhausted":
        async for _ in live:
            pass
    elif how == "break":
        async for _ in live:
            break
    elif how == "consumer-exception":
        with pytest.raises(ZeroDivisionError):
            async for _ in live:
                1 / 0  # noqa: B018
    elif how == "close":
        await anext(live)
        await live.aclose()
        await live.aclose()
    elif how == "context-manager":
        async with live:
            await anext(live)
    elif how == "abandoned":
        await anext(live)
        outcome = live.outcome
        del live
        await asyncio.sleep(0)
        return outcome
    for _ in range(10):  # a generator left by `break` is closed by the loop's finaliser
        await asyncio.sleep(0)
    return live.outcome


@pytest.mark.parametrize(
    ("how", "outcome"),
    [
        ("exhausted", "completed"),
        ("break", "cancelled"),
        ("consumer-exception", "cancelled"),
        ("close", "cancelled"),
        ("context-manager", "cancelled"),
        ("abandoned", "in_progress"),
    ],
)
def test_async_streams_release_their_connection(how: str, outcome: str) -> None:
    """The async twin: 200 streams ended this way leave no body open."""
    tracker = Tracker()
    core = _core(tracker, "async")

    async def main() -> set[str]:
        found = {await _async_cycle(core, how) for _ in range(CYCLES)}
        await asyncio.sleep(0.01)
        return found

    outcomes = asyncio.run(main())
    assert ({outcome}, CYCLES, CYCLES) == (outcomes, tracker.opened, tracker.closed)


def test_cancelled_task_releases_its_stream() -> None:
    """A task cancelled while waiting for the next chunk closes the response."""
    tracker = Tracker(hang=True)
    core = _core(tracker, "async")

    async def consume() -> None:
        async with (await chat_stream_async(core, user_request())).unwrap() as live:
            async for _ in live:
                pass

    async def main() -> None:
        for _ in range(CYCLES):
            task = asyncio.create_task(consume())
            await asyncio.sleep(0)
            for _ in range(5):
                await asyncio.sleep(0)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task

    asyncio.run(main())
    assert (CYCLES, CYCLES) == (tracker.opened, tracker.closed)


def test_completed_streams_reuse_one_connection(fake_openrouter: Any) -> None:
    """A stream read to [DONE] hands its connection back: ten streams share one socket."""
    from openrouter_core.testing import FakeOpenRouter

    server: FakeOpenRouter = fake_openrouter
    with OpenRouterCore(api_key=server.api_key, server_url=server.base_url) as core:
        for _ in range(10):
            with chat_stream(core, user_request()).unwrap() as live:
                items = list(live)
            assert "completed" == live.outcome, items
        pool = cast(Any, core.client)._transport._pool
        assert [True] == [connection.is_idle() for connection in pool.connections]


def test_completed_async_streams_reuse_one_connection(fake_openrouter: Any) -> None:
    """The async twin: ten completed streams share one connection."""
    from openrouter_core.testing import FakeOpenRouter

    server: FakeOpenRouter = fake_openrouter

    async def main() -> list[bool]:
        async with OpenRouterCore(api_key=server.api_key, server_url=server.base_url) as core:
            for _ in range(10):
                async with (await chat_stream_async(core, user_request())).unwrap() as live:
                    items = [item async for item in live]
                assert "completed" == live.outcome, items
            pool = cast(Any, core.async_client)._transport._pool
            return [connection.is_idle() for connection in pool.connections]

    assert [True] == asyncio.run(main())


class _LateTimer(threading.Timer):
    """A timer that fires only as it is cancelled: the latest a busy machine can run it."""

    def start(self) -> None:
        pass

    def cancel(self) -> None:
        self.function(*self.args, **self.kwargs)


def test_a_late_drain_timer_never_cuts_a_reused_connection(
    fake_openrouter: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A completed stream's grace timer that fires after the body ended (a loaded machine)
    leaves the connection alone: the pool has it back, and the next call may be using it."""
    from openrouter_core.testing import FakeOpenRouter

    server: FakeOpenRouter = fake_openrouter
    ports: set[int] = set()

    def note_port(response: httpx.Response) -> None:
        sock = response.extensions["network_stream"].get_extra_info("socket")
        ports.add(sock.getsockname()[1])

    monkeypatch.setattr(threading, "Timer", _LateTimer)
    client = httpx.Client(event_hooks={"response": [note_port]})
    core = OpenRouterCore(api_key=server.api_key, server_url=server.base_url, http_client=client)
    with client, core:
        outcomes: list[str] = []
        for _ in range(3):
            with chat_stream(core, user_request()).unwrap() as live:
                list(live)
            outcomes.append(live.outcome)
            outcomes.append(
                chat_send(core, user_request()).map(lambda _: "sent").value_or("failed")
            )
    assert (["completed", "sent"] * 3, 1) == (outcomes, len(ports))
