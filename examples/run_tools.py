"""The tool loop: give the model plain typed Python functions; it calls them until it answers.

``chat_run_tools`` describes each function (``tool_from_function``: name, docstring,
parameters from the signature), runs the calls the model asks for with arguments decoded
into the parameter types, sends the results back, and stops at the model's answer, or after
``max_rounds`` requests with ``ToolRoundsExceededError``. The ``ToolRun`` it returns holds
every message, every call with its output, and every reply (for cost).

Offline, the fake model calls the first tool when the user spoke last, with every string
argument set to the question, then answers "The tool returned: ...".

Run: ``python examples/run_tools.py`` (offline unless ``OPENROUTER_API_KEY`` is set).
"""

import sys
from typing import Literal

from _offline import MODEL, example_core

from openrouter_core import Failure, Success
from openrouter_core.errors import ToolRoundsExceededError
from openrouter_core.funcs import ToolRun, chat_run_tools
from openrouter_core.models import ChatRequest, ChatUserMessage


def get_weather(
    city: str, units: Literal["celsius", "fahrenheit"] = "celsius"
) -> dict[str, object]:
    """Current weather for a city.

    Args:
        city: The city name, e.g. "Paris".
        units: The temperature unit.
    """
    return {"city": city, "temperature": 18 if units == "celsius" else 64, "sky": "clear"}


def get_time(timezone: str) -> str:
    """The current local time in an IANA timezone such as "Europe/Paris"."""
    return "14:05"


with example_core() as core:
    request = ChatRequest(
        model=MODEL, messages=[ChatUserMessage(content="What is the weather in Paris?")]
    )
    match chat_run_tools(core, request, [get_weather, get_time], max_rounds=4):
        case Success(ToolRun() as run):
            for record in run.calls:
                status = "ok" if record.error is None else f"error: {record.error}"
                print(f"round {record.round}: {record.call.function.name} -> {status}")
            cost = sum(r.usage.cost or 0 for r in run.replies if r.usage)
            print(f"{run.rounds} requests, {len(run.messages)} messages, ${cost:.6f}")
            print("final answer:", run.result.text)
        case Failure(ToolRoundsExceededError() as stopped):
            print(f"stopped: {stopped}; {len(stopped.run.calls)} calls made")
            sys.exit(1)
        case Failure(error):
            print(f"the request failed ({type(error).__name__}): {error}")
            sys.exit(1)
