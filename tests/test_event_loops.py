"""One core for any number of event loops and threads, over real loopback sockets.

An ``httpx.AsyncClient``'s connections belong to the loop that opened them, so a core that
kept one async client failed every other ``asyncio.run()`` with "Event loop is closed".
Warnings are errors in this suite: a client or socket left open would fail these tests
when ``gc.collect()`` finds it.
"""

import asyncio
import gc
import threading
from typing import Any

import httpx
import pytest
from returns.result import Failure, Success

from openrouter_core import OpenRouterCore
from openrouter_core.errors import InvalidRequestError
from openrouter_core.funcs import chat_send, chat_send_async, chat_stream_async
from openrouter_core.testing import FakeOpenRouter

from .rawserver import SSL_CONTEXT
from .support import user_request


def _core(fake: FakeOpenRouter, **options: Any) -> OpenRouterCore:
    return OpenRouterCore(api_key=fake.api_key, server_url=fake.base_url, **options)


async def _send_and_stream(core: OpenRouterCore) -> tuple[httpx.AsyncClient, list[str]]:
    """One chat_send_async and one drained chat_stream_async; the client they used."""
    client = core.async_client
    outcomes = [type(await chat_send_async(core, user_request())).__name__]
    started = await chat_stream_async(core, user_request())
    outcomes.append(type(started).__name__)
    if isinstance(started, Success):
        async with started.unwrap() as stream:
            outcomes.append(type([item async for item in stream][-1]).__name__)
    return client, outcomes


def test_a_module_level_core_serves_successive_asyncio_runs(
    fake_openrouter: FakeOpenRouter,
) -> None:
    """Each asyncio.run() gets a working client; the clients of ended loops are closed."""
    core = _core(fake_openrouter)
    runs = [asyncio.run(_send_and_stream(core)) for _ in range(3)]
    gc.collect()
    assert [["Success"] * 3] * 3 == [outcomes for _, outcomes in runs]
    assert [True] * 3 == [client.is_closed for client, _ in runs]
    assert 3 == len({id(client) for client, _ in runs})
    assert 6 == len(fake_openrouter.requests)  # nothing was sent twice


def test_one_core_serves_event_loops_in_threads_at_once(fake_openrouter: FakeOpenRouter) -> None:
    """Threads each running their own loop share one core; every loop's client is closed."""
    core = _core(fake_openrouter)
    results: list[tuple[httpx.AsyncClient, list[str]]] = []
    barrier = threading.Barrier(4)

    async def together() -> tuple[httpx.AsyncClient, list[str]]:
        barrier.wait(timeout=10)  # all four loops are alive at the same time
        return await _send_and_stream(core)

    threads = [
        threading.Thread(target=lambda: results.append(asyncio.run(together()))) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    gc.collect()
    assert [["Success"] * 3] * 4 == [outcomes for _, outcomes in results]
    assert ([True] * 4, 4) == (
        [client.is_closed for client, _ in results],
        len({id(client) for client, _ in results}),
    )


def test_sync_calls_from_many_threads_share_one_client(fake_openrouter: FakeOpenRouter) -> None:
    """The sync twin from several threads at once: one client, every call answered."""
    with _core(fake_openrouter) as core:
        outcomes: list[object] = []
        threads = [
            threading.Thread(target=lambda: outcomes.append(chat_send(core, user_request())))
            for _ in range(6)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert [Success] * 6 == [type(outcome) for outcome in outcomes]


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_closed_core_reopens_on_its_next_call(mode: str, fake_openrouter: FakeOpenRouter) -> None:
    """close() / aclose() release the clients; the next call opens new ones and succeeds."""
    core = _core(fake_openrouter)
    if mode == "sync":
        first = core.client
        core.close()
        assert first.is_closed
        assert isinstance(chat_send(core, user_request()), Success)
        assert core.client is not first
        core.close()
        return

    async def go() -> tuple[bool, object, bool]:
        first = core.async_client
        await core.aclose()
        outcome = await chat_send_async(core, user_request())
        second = core.async_client
        await core.aclose()
        return first.is_closed, outcome, second.is_closed and second is not first

    closed, outcome, reopened = asyncio.run(go())
    assert (True, Success, True) == (closed, type(outcome), reopened)


def test_a_callers_client_from_a_closed_loop_is_a_clear_failure(
    fake_openrouter: FakeOpenRouter,
) -> None:
    """The caller's AsyncClient, used by the core on a loop that has closed, is refused on the
    next loop before anything is sent: its connections would belong to the dead loop."""
    # No keep-alive, so the refused client holds no socket of the dead loop to leak.
    client = httpx.AsyncClient(verify=SSL_CONTEXT, limits=httpx.Limits(max_keepalive_connections=0))
    core = _core(fake_openrouter, async_http_client=client)
    first = asyncio.run(chat_send_async(core, user_request()))
    second = asyncio.run(chat_send_async(core, user_request()))
    assert isinstance(first, Success)
    error = second.failure()
    assert isinstance(error, InvalidRequestError)
    assert "event loop that has closed" in str(error)
    assert "async_http_client" in str(error)
    assert (1, False) == (len(fake_openrouter.requests), error.may_have_been_processed)
    asyncio.run(client.aclose())


@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_client_the_caller_used_on_a_closed_loop_is_a_clear_failure(
    fake_openrouter: FakeOpenRouter,
) -> None:
    """A client whose pooled connection belongs to a closed loop (the caller used it there
    first) fails with a Failure naming the cause, not a RuntimeError's text."""
    client = httpx.AsyncClient(verify=SSL_CONTEXT)
    asyncio.run(client.get(fake_openrouter.base_url + "/models"))  # leaves a pooled connection
    core = _core(fake_openrouter, async_http_client=client)
    outcome = asyncio.run(chat_send_async(core, user_request()))
    error = outcome.failure()
    assert isinstance(error, InvalidRequestError)
    assert "event loop that has closed" in str(error)
    del client, core, outcome, error
    gc.collect()  # the dead loop's socket is the caller's; its warning is ignored here


def test_a_core_used_outside_any_loop_and_inside_one(fake_openrouter: FakeOpenRouter) -> None:
    """Sync and async calls on one core, alternating, all succeed and nothing is left open."""
    core = _core(fake_openrouter)
    outcomes = [
        chat_send(core, user_request()),
        asyncio.run(chat_send_async(core, user_request())),
        chat_send(core, user_request()),
        asyncio.run(chat_send_async(core, user_request())),
    ]
    core.close()
    gc.collect()
    assert [Success] * 4 == [type(outcome) for outcome in outcomes]
    assert not any(isinstance(outcome, Failure) for outcome in outcomes)


@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_loop_closed_by_hand_still_leaves_the_next_loop_a_working_client(
    fake_openrouter: FakeOpenRouter,
) -> None:
    """A hand-made loop closed without shutdown_asyncgens() cannot run its client's close
    (a documented limit: its socket is left to the garbage collector), but the core lets
    go of that client and the next loop gets a fresh, working one."""
    core = _core(fake_openrouter)
    loop = asyncio.new_event_loop()
    first = loop.run_until_complete(chat_send_async(core, user_request()))
    loop.close()
    second = asyncio.run(chat_send_async(core, user_request()))
    assert (Success, Success) == (type(first), type(second))
    assert 2 == len(fake_openrouter.requests)
    del loop, core
    gc.collect()
