"""The async twins: chat_send_async and chat_stream_async, two questions at once.

Every function has an ``_async`` twin with the same arguments and the same ``Result``.
One core serves both; ``async with core`` closes its async client inside the event loop.

Run: ``python examples/async_send.py`` (offline unless ``OPENROUTER_API_KEY`` is set).
"""

import asyncio

from _offline import MODEL, example_core

from openrouter_core import Failure, OpenRouterCore, Success
from openrouter_core.funcs import chat_send_async, chat_stream_async
from openrouter_core.models import ChatRequest, ChatStreamChunk, ChatUserMessage


def ask(question: str) -> ChatRequest:
    return ChatRequest(model=MODEL, messages=[ChatUserMessage(content=question)])


async def main(core: OpenRouterCore) -> None:
    async with core:
        # 1. Two requests at once: gather the Results, then read each one.
        questions = ["What is the capital of France?", "Say hello in French."]
        results = await asyncio.gather(*(chat_send_async(core, ask(q)) for q in questions))
        for question, result in zip(questions, results, strict=True):
            match result:
                case Success(reply):
                    print(f"{question} -> {reply.choices[0].message.content}")
                case Failure(error):
                    print(f"{question} -> failed ({type(error).__name__}): {error}")

        # 2. A stream with `async for`; `async with` closes it whatever happens.
        match await chat_stream_async(core, ask("What is the capital of France?")):
            case Success(stream):
                async with stream:
                    async for item in stream:
                        match item:
                            case Success(ChatStreamChunk() as chunk):
                                for choice in chunk.choices:
                                    print(choice.delta.content or "", end="", flush=True)
                            case Failure(broke):
                                print(f"\nthe stream broke: {broke}")
                print(f"\nstream outcome: {stream.outcome}")
            case Failure(failed):
                print(f"could not start the stream: {failed}")


with example_core() as core:
    asyncio.run(main(core))
