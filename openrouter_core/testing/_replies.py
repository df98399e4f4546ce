"""Pure: the fake server's deterministic answer to a chat request.

The same request always gets the same answer, so tests and the demo can assert on text:
a canned reply for a few known questions, an echo of the last user message otherwise, a
tool call when ``tool_choice`` demands one or when tools are offered and the last message is
the user's, JSON that fits ``response_format``, reasoning when ``reasoning`` is enabled, and
``finish_reason: "length"`` when ``max_tokens`` cuts the reply.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from ._payloads import ToolCallSpec, count_tokens

_CANNED = {"capital of france": "The capital of France is Paris."}
_GREETING = "Hello! How can I help you today?"
_DEFAULT_MODEL = "openrouter/auto"


@attrs.frozen
class Answer:
    """What the fake model says; ``content`` is None for a pure tool-call answer."""

    model: str
    content: str | None
    prompt_tokens: int
    reasoning: str | None = None
    tool_calls: tuple[ToolCallSpec, ...] = ()
    finish_reason: str = "stop"


class UnanswerableError(ValueError):
    """The request is well-formed JSON but asks for something impossible (HTTP 400)."""


def answer(request: Mapping[str, Any]) -> Answer:
    """The fake model's answer to a decoded chat request body.

    Raises:
        UnanswerableError: ``tool_choice`` names a function that ``tools`` does not offer.
    """
    messages: Sequence[Mapping[str, Any]] = request.get("messages") or ()
    model = request.get("model") or next(iter(request.get("models") or ()), _DEFAULT_MODEL)
    prompt_tokens = max(1, sum(count_tokens(_text(message)) for message in messages))
    question = next((_text(m) for m in reversed(messages) if m.get("role") == "user"), "")
    reasoning = _reasoning(request.get("reasoning"), question)
    tool = _tool_to_call(request.get("tools") or (), request.get("tool_choice"), messages)
    if tool is not None:
        schema = {"type": "object", **(tool.get("parameters") or {})}
        call = (tool["name"], _example(schema, question))
        return Answer(model, None, prompt_tokens, reasoning, (call,), "tool_calls")
    content = _formatted(request.get("response_format"), question)
    if content is None:
        content = _reply(messages, question)
    limit = request.get("max_completion_tokens") or request.get("max_tokens")
    if isinstance(limit, int) and count_tokens(content) > limit:
        return Answer(model, content[: limit * 4], prompt_tokens, reasoning, (), "length")
    return Answer(model, content, prompt_tokens, reasoning)


def _text(message: Mapping[str, Any]) -> str:
    content = message.get("content")
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = (p.get("text") for p in content if isinstance(p, Mapping))
        return " ".join(part for part in parts if isinstance(part, str))
    return ""


def _reply(messages: Sequence[Mapping[str, Any]], question: str) -> str:
    if messages and messages[-1].get("role") == "tool":
        return f"The tool returned: {_text(messages[-1])}"
    lowered = question.lower()
    canned = next((reply for key, reply in _CANNED.items() if key in lowered), None)
    if canned is not None:
        return canned
    return f"You said: {question}" if question else _GREETING


def _reasoning(config: object, question: str) -> str | None:
    if not isinstance(config, Mapping):
        return None
    if config.get("exclude") or config.get("enabled") is False or config.get("effort") == "none":
        return None
    return f'The user asked: "{question}". A short, direct answer fits.'


def _tool_to_call(
    tools: Sequence[Any], choice: object, messages: Sequence[Mapping[str, Any]]
) -> Mapping[str, Any] | None:
    """The function the fake model calls: forced by ``tool_choice``, else the first one
    offered when the user spoke last (``"auto"`` or no choice); never with ``"none"``."""
    functions = [t["function"] for t in tools if isinstance(t, Mapping) and "function" in t]
    if not functions:
        return None
    if choice == "required":
        return dict(functions[0])
    if isinstance(choice, Mapping) and isinstance(choice.get("function"), Mapping):
        name = choice["function"].get("name")
        for function in functions:
            if function.get("name") == name:
                return dict(function)
        raise UnanswerableError(f"tool_choice names {name!r}, which is not in tools")
    user_spoke_last = bool(messages) and messages[-1].get("role") == "user"
    if choice in (None, "auto") and user_spoke_last:
        return dict(functions[0])
    return None


def _formatted(response_format: object, question: str) -> str | None:
    """JSON text for a ``json_schema`` or ``json_object`` format, else None (plain text)."""
    if not isinstance(response_format, Mapping):
        return None
    if response_format.get("type") == "json_object":
        return json.dumps({"answer": question}, ensure_ascii=False)
    config = response_format.get("json_schema")
    if response_format.get("type") == "json_schema" and isinstance(config, Mapping):
        schema = config.get("schema") or {"type": "object"}
        return json.dumps(_example(schema, question), ensure_ascii=False)
    return None


def _example(schema: Mapping[str, Any], text: str) -> Any:
    """A value that satisfies ``schema``, with every required property filled in.

    The first choice wherever there is one (``enum``, ``anyOf``, a list of types), never
    ``null`` when something else is allowed; strings are the user's last message, integers
    1, numbers 1.5, booleans true, and arrays hold one example item. Local ``$ref``s
    (``#/$defs/...``) are followed; past a few levels of nesting, ``null`` is preferred and
    arrays are empty, so recursive schemas end.
    """
    return _Examples(schema, text).of(schema, 0)


@attrs.frozen
class _Examples:
    root: Mapping[str, Any]
    text: str

    def of(self, schema: Mapping[str, Any], depth: int) -> Any:
        deep = depth >= _DEEPEST
        for key in ("const", "default"):
            if key in schema:
                return schema[key]
        ref = schema.get("$ref")
        if isinstance(ref, str) and depth < _GIVE_UP:
            return self.of(self._resolve(ref), depth + 1)
        if schema.get("enum"):
            return next((v for v in schema["enum"] if v is not None), None)
        choices = schema.get("anyOf") or schema.get("oneOf")
        if isinstance(choices, list) and choices:
            nulls = [c for c in choices if c.get("type") == "null"]
            others = [c for c in choices if c.get("type") != "null"]
            first = (nulls if deep and nulls else others or choices)[0]
            return self.of(first, depth + 1)
        kind = schema.get("type", "object" if "properties" in schema else "string")
        if isinstance(kind, list):
            kind = (
                "null"
                if deep and "null" in kind
                else next((k for k in kind if k != "null"), "null")
            )
        if kind == "object":
            properties = schema.get("properties") or {}
            required = schema.get("required") or ()
            return {name: self.of(properties.get(name) or {}, depth + 1) for name in required}
        if kind == "array":
            items = schema.get("items")
            return [self.of(items, depth + 1)] if isinstance(items, Mapping) and not deep else []
        scalars: dict[str, Any] = {
            "string": self.text,
            "integer": 1,
            "number": 1.5,
            "boolean": True,
        }
        return scalars.get(kind)

    def _resolve(self, ref: str) -> Mapping[str, Any]:
        """A ``#/...`` pointer into the root schema; anything else allows any value ({})."""
        node: Any = self.root
        for part in ref.removeprefix("#").strip("/").split("/") if ref.startswith("#") else [None]:
            if part is None or not isinstance(node, Mapping) or part not in node:
                return {}
            node = node[part]
        return node if isinstance(node, Mapping) else {}


# Nesting beyond which the example takes the way out (null, an empty array), and beyond
# which a schema with no way out (a required recursive object) gets null.
_DEEPEST = 6
_GIVE_UP = 40
