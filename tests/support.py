"""Helpers shared by the shell tests: run either twin from a sync test body."""

import asyncio
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
