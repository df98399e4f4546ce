"""Helpers shared by the shell tests: run either twin from a sync test body."""

import asyncio
import json
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any, Literal, TypeVar

from openrouter_core import OpenRouterCore, RequestOptions
from openrouter_core.funcs import chat_send, chat_send_async

T = TypeVar("T")
Mode = Literal["sync", "async"]
MODES = ["sync", "async"]

SHARED = Path(__file__).resolve().parents[2] / "shared"
"""The steering repo's shared folder, beside the checkout (never copied into it)."""

BASE_URL = "https://openrouter.test/api/v1"
URL = f"{BASE_URL}/chat/completions"


def run_async(core: OpenRouterCore, make: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run one coroutine on a fresh loop and close the core's async client inside it."""

    async def go() -> T:
        try:
            return await make()
        finally:
            await core.aclose()

    return asyncio.run(go())


def scripted_core(*responses: Any) -> tuple[OpenRouterCore, Any]:
    """A core whose sync and async clients answer from ``responses`` in order (no sockets).

    Returns the core and its ``ScriptedTransport`` (``.requests`` is what was sent).
    """
    import httpx

    from openrouter_core import NO_RETRIES
    from openrouter_core.testing import mock_transport

    transport = mock_transport(list(responses))
    core = OpenRouterCore(
        api_key="sk-or-test",
        server_url=BASE_URL,
        retry_config=NO_RETRIES,
        http_client=httpx.Client(transport=transport),
        async_http_client=httpx.AsyncClient(transport=transport),
    )
    return core, transport


def send(
    mode: Mode, core: OpenRouterCore, request: Any, options: RequestOptions | None = None
) -> Any:
    """chat_send or chat_send_async, whichever ``mode`` names."""
    if mode == "sync":
        return chat_send(core, request, options)
    return run_async(core, lambda: chat_send_async(core, request, options))


def user_request(text: str = "What is the capital of France?", **fields: Any) -> Any:
    """A one-message ChatRequest."""
    from openrouter_core.models import ChatRequest, ChatUserMessage

    return ChatRequest(model="openai/gpt-4o", messages=[ChatUserMessage(content=text)], **fields)


def result_json(content: str = "Paris.", **fields: Any) -> dict[str, Any]:
    """A realistic ChatResult body."""
    body: dict[str, Any] = {
        "id": "gen-123",
        "object": "chat.completion",
        "created": 1700000000,
        "model": "openai/gpt-4o",
        "provider": "OpenAI",
        "system_fingerprint": "fp_1",
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "native_finish_reason": "stop",
                "message": {"role": "assistant", "content": content},
            }
        ],
        "usage": {"prompt_tokens": 10, "completion_tokens": 2, "total_tokens": 12, "cost": 1e-05},
    }
    body.update(fields)
    return body


def stream(
    mode: Mode, core: OpenRouterCore, request: Any, options: RequestOptions | None = None
) -> Any:
    """chat_stream or chat_stream_async; the async stream is wrapped to iterate from sync code.

    Returns the outer Result. For async, the stream is drained inside one event loop and a
    ``Drained`` value (items plus what the stream told) stands in for the stream.
    """
    from openrouter_core.funcs import chat_stream, chat_stream_async

    if mode == "sync":
        return chat_stream(core, request, options)

    async def go() -> Any:
        outcome = await chat_stream_async(core, request, options)
        return outcome.map(Drained.wrap)

    return run_async(core, lambda: _drain(go))


async def _drain(make: Callable[[], Coroutine[Any, Any, Any]]) -> Any:
    outcome = await make()
    inner = outcome.value_or(None)
    if isinstance(inner, Drained):
        await inner.fill()
    return outcome


class Drained:
    """An AsyncChatStream drained inside its event loop, readable like a sync stream."""

    def __init__(self, source: Any) -> None:
        self.source = source
        self.items: list[Any] = []

    @classmethod
    def wrap(cls, source: Any) -> "Drained":
        return cls(source)

    async def fill(self) -> None:
        async with self.source as items:
            self.items = [item async for item in items]

    def __iter__(self) -> Any:
        return iter(self.items)

    def __enter__(self) -> "Drained":
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def close(self) -> None:
        return None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.source, name)


def sse(*events: Any, done: bool = True, keepalive: bool = True) -> bytes:
    """An SSE body: each event a dict (sent as JSON) or str (sent as is after ``data: ``)."""
    parts = [b": OPENROUTER PROCESSING\n\n"] if keepalive else []
    for event in events:
        data = event if isinstance(event, str) else json.dumps(event, ensure_ascii=False)
        parts.append(f"data: {data}\n\n".encode())
    if done:
        parts.append(b"data: [DONE]\n\n")
    return b"".join(parts)


def chunk_json(
    content: str | None = None, *, finish: str | None = None, **delta: Any
) -> dict[str, Any]:
    """A chat.completion.chunk with one choice."""
    if content is not None:
        delta["content"] = content
    return {
        "id": "gen-s1",
        "object": "chat.completion.chunk",
        "created": 1700000000,
        "model": "openai/gpt-4o",
        "provider": "OpenAI",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }


def usage_chunk(cost: float = 0.0002) -> dict[str, Any]:
    """The usage-only final chunk, with empty choices."""
    body = chunk_json()
    body["choices"] = []
    body["usage"] = {"prompt_tokens": 5, "completion_tokens": 3, "total_tokens": 8, "cost": cost}
    return body


SSE_HEADERS = {"content-type": "text/event-stream", "x-generation-id": "gen-s1"}
