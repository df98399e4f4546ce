"""Send one chat request and read the answer.

``chat_send`` returns a ``Result``: ``Success(ChatResult)`` or ``Failure(<error value>)``.
It never raises for anything the network, the server or the request can do.

Run: ``python examples/send.py`` (offline unless ``OPENROUTER_API_KEY`` is set).
"""

import sys

from _offline import MODEL, example_core

from openrouter_core import Failure, Success
from openrouter_core.funcs import chat_send
from openrouter_core.models import ChatRequest, ChatSystemMessage, ChatUserMessage

# 1. Set up: the core holds the key, the base URL and the HTTP clients; `with` closes them.
with example_core() as core:
    # 2. Build the request from the models (attrs classes named after the API's schemas).
    request = ChatRequest(
        model=MODEL,
        messages=[
            ChatSystemMessage(content="You are a concise geography tutor."),
            ChatUserMessage(content="What is the capital of France?"),
        ],
    )

    # 3. Send it and wait for the whole answer.
    print(f"sending to {MODEL} ...")
    result = chat_send(core, request)

    # 4. Read the Result: mypy knows `reply` is a ChatResult and `error` one of ChatSendError.
    match result:
        case Success(reply):
            print("answer:", reply.text)
            print("finish reason:", reply.choices[0].finish_reason)
            if reply.usage is not None:
                print(f"tokens: {reply.usage.total_tokens}, cost: {reply.usage.cost} credits")
            print("generation id:", reply.id)
        case Failure(error):
            print(f"failed ({type(error).__name__}): {error}")
            sys.exit(1)
