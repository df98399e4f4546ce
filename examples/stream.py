"""Stream an answer, then read how the stream ended; and stop a stream early.

``chat_stream`` returns ``Result[ChatStream, error]``: the outer ``Result`` covers everything
before the first content (connecting, HTTP errors, retries). The stream then yields
``Result[ChatStreamChunk, StreamFailure]`` items, and a ``Failure`` item is always the last.

Run: ``python examples/stream.py`` (offline unless ``OPENROUTER_API_KEY`` is set).
"""

import sys

from _offline import MODEL, example_core

from openrouter_core import Failure, Success
from openrouter_core.funcs import ChatStream, chat_stream
from openrouter_core.models import ChatRequest, ChatStreamChunk, ChatUserMessage


def follow(stream: ChatStream) -> None:
    """Print the content as it arrives, then how the stream ended."""
    # `with` releases the connection whatever happens in the loop.
    with stream:
        for item in stream:
            match item:
                case Success(ChatStreamChunk() as chunk):
                    for choice in chunk.choices:  # the final usage chunk has no choices
                        print(choice.delta.content or "", end="", flush=True)
                case Failure(error):
                    print(f"\nthe stream broke ({type(error).__name__}): {error}")
    print()
    # After the loop the stream tells how it ended, and collect() folds the chunks.
    print("outcome:", stream.outcome)  # completed | truncated | error | stalled | cancelled
    print("served by:", stream.model, "via", stream.provider)
    if stream.usage is not None:
        print(f"tokens: {stream.usage.total_tokens}, cost: {stream.usage.cost} credits")
    print("generation id:", stream.generation_id)
    print("collected:", stream.collect().text)


with example_core() as core:
    request = ChatRequest(
        model=MODEL, messages=[ChatUserMessage(content="What is the capital of France?")]
    )

    # 1. Start the stream and follow it. A Failure here means no content ever arrived.
    match chat_stream(core, request):
        case Success(stream):
            follow(stream)
        case Failure(error):
            print(f"could not start ({type(error).__name__}): {error}")
            sys.exit(1)

    # 2. Stop early: leaving the loop closes the connection, which cancels the generation
    #    (providers that support cancellation stop billing too).
    match chat_stream(core, request):
        case Success(stream):
            for number, _item in enumerate(stream, start=1):
                if number == 2:
                    break
            print("stopped early; outcome:", stream.outcome)
        case Failure(error):
            print(f"could not start ({type(error).__name__}): {error}")
            sys.exit(1)
