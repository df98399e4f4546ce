"""One core shared by many threads and tasks: every caller gets its own answer."""

import asyncio
import json
import threading

import httpx
from pytest_httpx import HTTPXMock

from openrouter_core import NO_RETRIES, OpenRouterCore
from openrouter_core.funcs import chat_send, chat_send_async

from .support import BASE_URL, URL, result_json, user_request


def _echo(request: httpx.Request) -> httpx.Response:
    text = json.loads(request.content)["messages"][0]["content"]
    return httpx.Response(200, json=result_json(content=f"echo {text}"))


def _core() -> OpenRouterCore:
    return OpenRouterCore(api_key="k", server_url=BASE_URL, retry_config=NO_RETRIES)


def test_sixteen_threads_share_one_core(httpx_mock: HTTPXMock) -> None:
    """Sixteen threads on one core each get the answer to their own question."""
    httpx_mock.add_callback(_echo, url=URL, is_reusable=True)
    answers: dict[int, object] = {}
    with _core() as core:

        def worker(n: int) -> None:
            reply = chat_send(core, user_request(f"q{n}")).unwrap()
            answers[n] = reply.choices[0].message.content

        threads = [threading.Thread(target=worker, args=(n,)) for n in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert {n: f"echo q{n}" for n in range(16)} == answers


def test_a_hundred_tasks_share_one_core(httpx_mock: HTTPXMock) -> None:
    """A hundred concurrent tasks on one core each get the answer to their own question."""
    httpx_mock.add_callback(_echo, url=URL, is_reusable=True)

    async def main() -> list[object]:
        async with _core() as core:
            replies = await asyncio.gather(
                *(chat_send_async(core, user_request(f"q{n}")) for n in range(100))
            )
        return [reply.unwrap().choices[0].message.content for reply in replies]

    assert [f"echo q{n}" for n in range(100)] == asyncio.run(main())
