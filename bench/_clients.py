"""The clients under test, each as a ready-to-call request: ours, the floor, and optional others.

Every factory returns a zero-argument call (sync) or coroutine function (async) that sends the
same question to the same URL and reads the answer's text, plus a close function. The floor
is the least a correct client does: one keep-alive ``httpx`` client, the JSON body built
with ``json.dumps`` per call, and ``json.loads`` of the answer. The ``openai`` and
``openrouter`` packages are measured only when they are importable (never installed by us).
"""

from __future__ import annotations

import importlib
import importlib.util
import json
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any, Protocol

import httpx

from bench._payloads import REQUEST
from openrouter_core import OpenRouterCore, RequestOptions, Success
from openrouter_core.funcs import chat_send, chat_send_async, chat_stream, chat_stream_async
from openrouter_core.models import ChatRequest, ChatSystemMessage, ChatUserMessage

API_KEY = "sk-bench"
HEADERS = {"Authorization": f"Bearer {API_KEY}", "Content-Type": "application/json"}
TIMEOUT = httpx.Timeout(connect=10.0, read=300.0, write=60.0, pool=30.0)
"""The core's default, given to the floor's client too."""

SyncCall = Callable[[], object]
AsyncCall = Callable[[], Awaitable[object]]


class StreamRead(Protocol):
    """Reads one whole stream; returns its count of chunks, and appends each chunk's
    content to ``into`` when given one (the check read; timed reads pass none)."""

    def __call__(self, into: list[str] | None = None) -> int: ...


class AsyncStreamRead(Protocol):
    """The async twin of ``StreamRead``."""

    async def __call__(self, into: list[str] | None = None) -> int: ...


def chat_request() -> ChatRequest:
    """``REQUEST`` as our model."""
    return ChatRequest(
        model=REQUEST["model"],
        messages=[
            ChatSystemMessage(content=REQUEST["messages"][0]["content"]),
            ChatUserMessage(content=REQUEST["messages"][1]["content"]),
        ],
    )


def optional_clients() -> list[str]:
    """The third-party SDKs importable here, measured as extra columns."""
    return [name for name in ("openai", "openrouter") if importlib.util.find_spec(name)]


def _module(name: str) -> Any:
    """An optional SDK, imported untyped: it may be absent where this is type-checked."""
    return importlib.import_module(name)


def _floor_body(stream: bool = False) -> bytes:
    body = {**REQUEST, "stream": True} if stream else REQUEST
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()


def _content(value: Any) -> Any:
    return value["choices"][0]["message"]["content"]


# -- one request -------------------------------------------------------------------------


def ours_send(base_url: str) -> tuple[SyncCall, Callable[[], None]]:
    """``chat_send`` on one core."""
    core = OpenRouterCore(api_key=API_KEY, server_url=base_url)
    request = chat_request()

    def call() -> object:
        result = chat_send(core, request)
        assert isinstance(result, Success), result
        return result.unwrap().choices[0].message.content

    return call, core.close


def floor_send(base_url: str) -> tuple[SyncCall, Callable[[], None]]:
    """httpx + json.loads."""
    client = httpx.Client(timeout=TIMEOUT)
    url = base_url + "/chat/completions"

    def call() -> object:
        response = client.post(url, content=_floor_body(), headers=HEADERS)
        return _content(json.loads(response.content))

    return call, client.close


def ours_send_async(base_url: str) -> tuple[AsyncCall, Callable[[], Awaitable[None]]]:
    """``chat_send_async`` on one core."""
    core = OpenRouterCore(api_key=API_KEY, server_url=base_url)
    request = chat_request()

    async def call() -> object:
        result = await chat_send_async(core, request)
        assert isinstance(result, Success), result
        return result.unwrap().choices[0].message.content

    return call, core.aclose


def floor_send_async(base_url: str) -> tuple[AsyncCall, Callable[[], Awaitable[None]]]:
    """httpx.AsyncClient + json.loads."""
    client = httpx.AsyncClient(timeout=TIMEOUT)
    url = base_url + "/chat/completions"

    async def call() -> object:
        response = await client.post(url, content=_floor_body(), headers=HEADERS)
        return _content(json.loads(response.content))

    return call, client.aclose


def other_send(name: str, base_url: str) -> tuple[SyncCall, Callable[[], None]]:
    """A third-party SDK's non-streaming call (retries off)."""
    if name == "openai":
        openai_client = _module("openai").OpenAI(api_key=API_KEY, base_url=base_url, max_retries=0)

        def openai_call() -> object:
            reply = openai_client.chat.completions.create(
                model=REQUEST["model"], messages=REQUEST["messages"]
            )
            return reply.choices[0].message.content

        return openai_call, openai_client.close
    router = _module("openrouter").OpenRouter(api_key=API_KEY, server_url=base_url)

    def router_call() -> object:
        reply = router.chat.send(model=REQUEST["model"], messages=REQUEST["messages"])
        return reply.choices[0].message.content

    return router_call, lambda: None


def other_send_async(name: str, base_url: str) -> tuple[AsyncCall, Callable[[], Awaitable[None]]]:
    """The async twin of ``other_send``."""
    if name == "openai":
        openai_client = _module("openai").AsyncOpenAI(
            api_key=API_KEY, base_url=base_url, max_retries=0
        )

        async def openai_call() -> object:
            reply = await openai_client.chat.completions.create(
                model=REQUEST["model"], messages=REQUEST["messages"]
            )
            return reply.choices[0].message.content

        return openai_call, openai_client.close
    router = _module("openrouter").OpenRouter(api_key=API_KEY, server_url=base_url)

    async def router_call() -> object:
        reply = await router.chat.send_async(model=REQUEST["model"], messages=REQUEST["messages"])
        return reply.choices[0].message.content

    async def close() -> None:
        return None

    return router_call, close


# -- streams -----------------------------------------------------------------------------


def ours_stream(
    base_url: str, *, collect: bool = False, keep_content: bool = True
) -> tuple[StreamRead, Callable[[], None]]:
    """``chat_stream``, reading every chunk's content; returns the count of chunks.

    ``keep_content=False`` is the option for streams nobody will ``collect()``.
    """
    core = OpenRouterCore(api_key=API_KEY, server_url=base_url)
    request = chat_request()
    options = RequestOptions(keep_content=keep_content)

    def read(into: list[str] | None = None) -> int:
        count = 0
        with chat_stream(core, request, options).unwrap() as stream:
            for item in stream:
                for choice in item.unwrap().choices:
                    content = choice.delta.content
                    if into is not None:
                        into.append(content or "")
                count += 1
            assert stream.outcome == "completed", stream.outcome
            if collect:
                stream.collect()
        return count

    return read, core.close


def _split_events(pieces: Iterator[bytes]) -> Iterator[bytes]:
    """The floor's hand-written SSE framing: events end at a blank line."""
    buffer = b""
    for piece in pieces:
        buffer += piece
        *events, buffer = buffer.split(b"\n\n")
        yield from events


def floor_stream(base_url: str) -> tuple[StreamRead, Callable[[], None]]:
    """httpx ``iter_bytes`` + split on ``\\n\\n`` + ``json.loads``, reading the content."""
    client = httpx.Client(timeout=TIMEOUT)
    url = base_url + "/chat/completions"

    def read(into: list[str] | None = None) -> int:
        count = 0
        body = _floor_body(stream=True)
        with client.stream("POST", url, content=body, headers=HEADERS) as response:
            for event in _split_events(response.iter_bytes()):
                if not event.startswith(b"data: "):
                    continue
                if event == b"data: [DONE]":
                    break
                for choice in json.loads(event[6:])["choices"]:
                    content = choice["delta"].get("content")
                    if into is not None:
                        into.append(content or "")
                count += 1
        return count

    return read, client.close


def ours_stream_async(base_url: str) -> tuple[AsyncStreamRead, Callable[[], Awaitable[None]]]:
    """``chat_stream_async``, reading every chunk's content."""
    core = OpenRouterCore(api_key=API_KEY, server_url=base_url)
    request = chat_request()

    async def read(into: list[str] | None = None) -> int:
        count = 0
        async with (await chat_stream_async(core, request)).unwrap() as stream:
            async for item in stream:
                for choice in item.unwrap().choices:
                    content = choice.delta.content
                    if into is not None:
                        into.append(content or "")
                count += 1
            assert stream.outcome == "completed", stream.outcome
        return count

    return read, core.aclose


async def _asplit_events(pieces: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    buffer = b""
    async for piece in pieces:
        buffer += piece
        *events, buffer = buffer.split(b"\n\n")
        for event in events:
            yield event


def floor_stream_async(base_url: str) -> tuple[AsyncStreamRead, Callable[[], Awaitable[None]]]:
    """The async twin of ``floor_stream``."""
    client = httpx.AsyncClient(timeout=TIMEOUT)
    url = base_url + "/chat/completions"

    async def read(into: list[str] | None = None) -> int:
        count = 0
        body = _floor_body(stream=True)
        async with client.stream("POST", url, content=body, headers=HEADERS) as response:
            async for event in _asplit_events(response.aiter_bytes()):
                if not event.startswith(b"data: "):
                    continue
                if event == b"data: [DONE]":
                    break
                for choice in json.loads(event[6:])["choices"]:
                    content = choice["delta"].get("content")
                    if into is not None:
                        into.append(content or "")
                count += 1
        return count

    return read, client.aclose


def other_stream(name: str, base_url: str) -> tuple[StreamRead, Callable[[], None]]:
    """A third-party SDK's stream, reading every chunk's content."""
    if name == "openai":
        openai_client = _module("openai").OpenAI(api_key=API_KEY, base_url=base_url, max_retries=0)

        def openai_read(into: list[str] | None = None) -> int:
            count = 0
            with openai_client.chat.completions.create(
                model=REQUEST["model"], messages=REQUEST["messages"], stream=True
            ) as stream:
                for chunk in stream:
                    for choice in chunk.choices:
                        content = choice.delta.content
                        if into is not None:
                            into.append(content or "")
                    count += 1
            return count

        return openai_read, openai_client.close
    router = _module("openrouter").OpenRouter(api_key=API_KEY, server_url=base_url)

    def router_read(into: list[str] | None = None) -> int:
        count = 0
        stream = router.chat.send(model=REQUEST["model"], messages=REQUEST["messages"], stream=True)
        with stream as events:
            for chunk in events:
                for choice in chunk.choices:
                    content = choice.delta.content
                    if into is not None:
                        into.append(content or "")
                count += 1
        return count

    return router_read, lambda: None
