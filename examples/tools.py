"""A tool-call round trip: the model asks for a function, we run it, the model answers.

The first turn is streamed: tool-call arguments arrive in fragments, and ``collect()``
merges them by index into whole ``ChatToolCall`` values. The second turn sends the
assistant's message back with one ``ChatToolMessage`` per call.

Run: ``python examples/tools.py`` (offline unless ``OPENROUTER_API_KEY`` is set).
"""

import json
import sys
from typing import Any

from _offline import MODEL, example_core

from openrouter_core import Failure, Success
from openrouter_core.funcs import chat_send, chat_stream
from openrouter_core.models import (
    ChatFunctionDefinition,
    ChatFunctionToolFunction,
    ChatMessages,
    ChatRequest,
    ChatToolMessage,
    ChatUserMessage,
)


def get_weather(city: str) -> dict[str, Any]:
    """The local function the model may call (a real one would ask a weather service)."""
    return {"city": city, "temperature_c": 18, "sky": "clear"}


WEATHER_TOOL = ChatFunctionToolFunction(
    function=ChatFunctionDefinition(
        name="get_weather",
        description="Current weather for a city.",
        parameters={
            "type": "object",
            "properties": {"city": {"type": "string", "description": "The city name"}},
            "required": ["city"],
        },
    )
)

with example_core() as core:
    messages: list[ChatMessages] = [ChatUserMessage(content="What is the weather in Paris?")]

    # 1. Offer the tool and require a call (tool_choice="required"); stream the turn.
    first = ChatRequest(
        model=MODEL, messages=messages, tools=[WEATHER_TOOL], tool_choice="required"
    )
    match chat_stream(core, first):
        case Success(stream):
            with stream:
                failures = [item.failure() for item in stream if isinstance(item, Failure)]
            if failures:
                print(f"the first turn failed: {failures[0]}")
                sys.exit(1)
            assistant = stream.collect().choices[0].message
        case Failure(error):
            print(f"the first turn failed ({type(error).__name__}): {error}")
            sys.exit(1)

    # 2. Run each requested call; the arguments are JSON text, whole after collect().
    #    (Offline, the fake model fills every string argument with the question.)
    messages.append(assistant)
    for call in assistant.tool_calls or []:
        arguments = json.loads(call.function.arguments)
        print(f"the model calls {call.function.name}({arguments})")
        output = get_weather(**arguments)
        messages.append(ChatToolMessage(content=json.dumps(output), tool_call_id=call.id))

    # 3. Send the results back; the model answers in words this time.
    second = ChatRequest(model=MODEL, messages=messages, tools=[WEATHER_TOOL])
    match chat_send(core, second):
        case Success(reply):
            print("final answer:", reply.text)
        case Failure(error):
            print(f"the second turn failed ({type(error).__name__}): {error}")
            sys.exit(1)
