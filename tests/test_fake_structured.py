"""The fake server's answers to response_format and to offered tools, over its sockets."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from openrouter_core._converter import to_builtins
from openrouter_core.funcs import response_format_for
from openrouter_core.testing import FakeOpenRouter

from .test_schema import Person
from .test_schema_properties import _valid

QUESTION = {"role": "user", "content": "Who wrote it?"}
TOOL = {
    "type": "function",
    "function": {
        "name": "lookup",
        "parameters": {
            "type": "object",
            "properties": {"term": {"type": "string"}, "limit": {"type": ["integer", "null"]}},
            "required": ["term", "limit"],
            "additionalProperties": False,
        },
    },
}
OTHER_TOOL = {"type": "function", "function": {"name": "other"}}


@pytest.fixture(scope="module")
def server() -> Iterator[FakeOpenRouter]:
    with FakeOpenRouter() as fake:
        yield fake


def _post(server: FakeOpenRouter, **fields: Any) -> dict[str, Any]:
    body = {"model": "openai/gpt-4o", "messages": [QUESTION], **fields}
    headers = {"Authorization": f"Bearer {server.api_key}"}
    response = httpx.post(f"{server.base_url}/chat/completions", json=body, headers=headers)
    assert 200 == response.status_code, response.text
    message: dict[str, Any] = response.json()["choices"][0]["message"]
    return message


def test_json_schema_gets_an_instance_of_the_schema(server: FakeOpenRouter) -> None:
    """The content is JSON that validates against the schema, the same every time."""
    fmt = to_builtins(response_format_for(Person)).unwrap()
    first = _post(server, response_format=fmt)["content"]
    assert _valid(json.loads(first), fmt["json_schema"]["schema"])
    assert first == _post(server, response_format=fmt)["content"]
    assert "Who wrote it?" == json.loads(first)["name"]


def test_json_object_gets_an_object(server: FakeOpenRouter) -> None:
    """json_object has no schema: the answer is {"answer": <the question>}."""
    content = _post(server, response_format={"type": "json_object"})["content"]
    assert {"answer": "Who wrote it?"} == json.loads(content)


def test_offered_tools_are_called_when_the_user_spoke_last(server: FakeOpenRouter) -> None:
    """No tool_choice (or "auto"): the first function, with arguments fitting its schema."""
    for fields in ({}, {"tool_choice": "auto"}):
        (call,) = _post(server, tools=[TOOL, OTHER_TOOL], **fields)["tool_calls"]
        assert "lookup" == call["function"]["name"]
        arguments = json.loads(call["function"]["arguments"])
        assert {"term": "Who wrote it?", "limit": 1} == arguments
        assert _valid(arguments, TOOL["function"]["parameters"])  # type: ignore[index]


@pytest.mark.parametrize(
    ("fields", "content"),
    [
        ({"tool_choice": "none"}, "You said: Who wrote it?"),
        (
            {
                "messages": [
                    QUESTION,
                    {"role": "assistant", "content": "Let me look."},
                    {"role": "user", "content": "Thanks"},
                    {"role": "tool", "tool_call_id": "c", "content": "Ada"},
                ]
            },
            "The tool returned: Ada",
        ),
    ],
    ids=["tool-choice-none", "tool-spoke-last"],
)
def test_no_call_otherwise(server: FakeOpenRouter, fields: dict[str, Any], content: str) -> None:
    """tool_choice "none", or a last message that is not the user's: a text answer."""
    message = _post(server, tools=[TOOL], **fields)
    assert (content, None) == (message["content"], message.get("tool_calls"))


def test_a_streamed_answer_carries_the_same_json(server: FakeOpenRouter) -> None:
    """With stream=true the chunks join into the same instance."""
    from openrouter_core import OpenRouterCore
    from openrouter_core.funcs import chat_stream
    from openrouter_core.models import ChatRequest, ChatUserMessage

    request = ChatRequest(
        model="openai/gpt-4o",
        messages=[ChatUserMessage(content="Who wrote it?")],
        response_format=response_format_for(Person),
        stream=True,
    )
    fmt = to_builtins(response_format_for(Person)).unwrap()
    whole = _post(server, response_format=fmt)["content"]
    with OpenRouterCore(api_key=server.api_key, server_url=server.base_url) as core:
        stream = chat_stream(core, request).unwrap()
        with stream:
            list(stream)
        assert whole == stream.collect().text


def test_refs_and_recursion_in_a_handwritten_schema(server: FakeOpenRouter) -> None:
    """Local $refs are followed; a recursive schema ends in its null or empty way out."""
    schema = {
        "type": "object",
        "properties": {"root": {"$ref": "#/$defs/Node"}},
        "required": ["root"],
        "additionalProperties": False,
        "$defs": {
            "Node": {
                "type": "object",
                "properties": {
                    "label": {"type": "string"},
                    "next": {"anyOf": [{"$ref": "#/$defs/Node"}, {"type": "null"}]},
                    "children": {"type": "array", "items": {"$ref": "#/$defs/Node"}},
                },
                "required": ["label", "next", "children"],
                "additionalProperties": False,
            }
        },
    }
    fmt = {"type": "json_schema", "json_schema": {"name": "Tree", "schema": schema}}
    value = json.loads(_post(server, response_format=fmt)["content"])
    depth, node = 0, value["root"]
    while node is not None:
        assert ("Who wrote it?", list) == (node["label"], type(node["children"]))
        depth, node = depth + 1, node["next"]
    assert 1 < depth < 10
