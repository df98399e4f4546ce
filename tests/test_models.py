"""The models package: every spec schema has a counterpart, loaded lazily."""

import ast
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from openrouter_core import models

SPEC_PATH = Path(__file__).parents[1].parent / "shared" / "spec" / "chat-completions.openapi.json"


@pytest.fixture(scope="session")
def spec() -> dict[str, Any]:
    if not SPEC_PATH.exists():
        pytest.skip(f"the OpenAPI spec is not at {SPEC_PATH} (it lives outside the repository)")
    loaded: dict[str, Any] = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
    return loaded


def test_every_spec_schema_has_a_model(spec: dict[str, Any]) -> None:
    """Each of the spec's component schemas is a name in openrouter_core.models."""
    schemas = set(spec["components"]["schemas"])
    assert 168 == len(schemas)
    assert set() == {name for name in schemas if not hasattr(models, name)}


def test_every_ops_spec_schema_has_a_model() -> None:
    """The operations' spec adds its own schemas; the ones it shares with chat are identical."""
    ops_path = SPEC_PATH.with_name("openrouter-ops.openapi.json")
    if not ops_path.exists():
        pytest.skip(f"the OpenAPI spec is not at {ops_path} (it lives outside the repository)")
    ops = json.loads(ops_path.read_text(encoding="utf-8"))["components"]["schemas"]
    chat = json.loads(SPEC_PATH.read_text(encoding="utf-8"))["components"]["schemas"]
    assert 69 == len(ops)
    assert [] == [name for name in set(ops) & set(chat) if ops[name] != chat[name]]
    assert set() == {name for name in ops if not hasattr(models, name)}


def test_all_is_sorted_and_complete() -> None:
    """__all__ is sorted, and every name in it resolves."""
    assert sorted(models.__all__) == models.__all__
    assert [] == [name for name in models.__all__ if getattr(models, name, None) is None]


def test_the_stub_names_what_the_package_loads() -> None:
    """Type checkers read ``__init__.pyi``, the run reads ``__init__.py``'s table: the stub
    imports each name from the module the package loads it from, and lists the same
    ``__all__``."""
    stub = ast.parse(Path(models.__file__).with_suffix(".pyi").read_text(encoding="utf-8"))
    imported = {
        alias.name: node.module
        for node in stub.body
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module
        for alias in node.names
        if alias.asname == alias.name
    }
    listed = next(
        ast.literal_eval(node.value)
        for node in stub.body
        if isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) == "__all__"
    )
    assert models._MODULE_OF == imported
    assert models.__all__ == listed


def test_the_error_data_schemas_share_one_class() -> None:
    """The 14 *ResponseErrorData schemas are one class, ChatErrorDetail."""
    shared = {getattr(models, n) for n in models.__all__ if n.endswith("ResponseErrorData")}
    assert {models.ChatErrorDetail} == shared


def test_importing_the_package_creates_no_model_class() -> None:
    """Importing openrouter_core.models loads none of its model modules."""
    code = (
        "import sys, openrouter_core.models as m\n"
        "print(sorted(k for k in sys.modules if k.startswith('openrouter_core.models.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "[]" == out.stdout.strip()


def _modules_loaded_by(code: str) -> list[str]:
    script = (
        "import sys\n"
        "from openrouter_core import models as m\n"
        "from openrouter_core._converter import from_json, to_json\n"
        f"{code}\n"
        "print(sorted(k.rsplit('.', 1)[1] for k in sys.modules"
        " if k.startswith('openrouter_core.models.')))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    loaded: list[str] = eval(out.stdout)
    return loaded


TEXT_REPLY = {
    "id": "gen-1",
    "model": "x",
    "choices": [
        {"index": 0, "finish_reason": None, "message": {"role": "assistant", "content": "Paris."}}
    ],
    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
}
TEXT_CHUNK = {
    "id": "gen-1",
    "model": "x",
    "choices": [{"index": 0, "delta": {"role": "assistant", "content": "Hi"}}],
}


def test_a_plain_chat_call_creates_only_the_modules_it_touches() -> None:
    """Sending a text request and decoding a text reply leave the other model modules alone."""
    code = (
        "to_json(m.ChatRequest(model='x', messages=[m.ChatUserMessage(content='hi')])).unwrap()\n"
        f"from_json({json.dumps(TEXT_REPLY)!r}, m.ChatResult).unwrap()"
    )
    assert ["_messages", "_request", "_response", "_usage"] == _modules_loaded_by(code)


def test_a_text_stream_chunk_needs_only_the_stream_module() -> None:
    """Content deltas decode without creating message, content or reasoning classes."""
    code = f"from_json({json.dumps(TEXT_CHUNK)!r}, m.ChatStreamChunk).unwrap()"
    assert ["_stream"] == _modules_loaded_by(code)


def test_the_message_union_spans_modules_both_ways() -> None:
    """``ChatMessages`` has members in ``_messages``, ``_response`` and ``_message_union``.

    Encoding dispatches on each value's class, so a plain request never loads the rarer
    roles; decoding the union loads every member's module (the fresh process has none of
    them when the request's annotations are resolved), keeps an unknown role verbatim, and
    the request comes back byte for byte."""
    wire = {
        "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "developer", "content": "Use French."},
            {"role": "user", "content": "Capital?"},
            {"role": "assistant", "content": "Paris."},
            {"role": "tool", "content": "42", "tool_call_id": "c1"},
            {"role": "narrator", "content": "Meanwhile..."},
        ],
        "model": "x",
    }
    code = (
        "import json\n"
        "to_json(m.ChatRequest(messages=[m.ChatSystemMessage(content='a'),"
        " m.ChatUserMessage(content='b')])).unwrap()\n"
        "loaded = sorted(k for k in sys.modules if k.startswith('openrouter_core.models.'))\n"
        "assert [k.rsplit('.', 1)[1] for k in loaded] == ['_messages', '_request'], loaded\n"
        f"request = from_json({json.dumps(wire)!r}, m.ChatRequest).unwrap()\n"
        "kinds = [type(x).__name__ for x in request.messages]\n"
        "assert kinds == ['ChatSystemMessage', 'ChatDeveloperMessage', 'ChatUserMessage',"
        " 'ChatAssistantMessage', 'ChatToolMessage', 'UnknownChatMessage'], kinds\n"
        f"assert request.messages[5].raw == {wire['messages'][5]!r}\n"
        f"assert json.loads(to_json(request).unwrap()) == {wire!r}\n"
        "assert from_json(to_json(request).unwrap(), m.ChatRequest).unwrap() == request"
    )
    assert ["_message_union", "_messages", "_request", "_response"] == _modules_loaded_by(code)


def test_rarer_members_load_their_modules_when_a_value_needs_them() -> None:
    """Stream tool calls and server-tool usage live apart from what every answer has: a chunk
    or usage that carries them loads their module then, and re-encodes unchanged."""
    chunk = {
        "id": "gen-1",
        "model": "x",
        "choices": [
            {
                "index": 0,
                "delta": {"tool_calls": [{"index": 0, "id": "c1", "function": {"name": "f"}}]},
            }
        ],
        "usage": {
            "prompt_tokens": 1,
            "completion_tokens": 1,
            "total_tokens": 2,
            "server_tool_use_details": {"web_search_requests": 1},
        },
    }
    code = (
        "import json\n"
        f"value = from_json({json.dumps(chunk)!r}, m.ChatStreamChunk).unwrap()\n"
        "call = value.choices[0].delta.tool_calls[0]\n"
        "assert isinstance(call, m.ChatStreamToolCall), call\n"
        "assert isinstance(call.function, m.ChatStreamToolCallFunction), call\n"
        "details = value.usage.server_tool_use_details\n"
        "assert isinstance(details, m.ServerToolUseDetails), details\n"
        f"assert json.loads(to_json(value).unwrap()) == {chunk!r}"
    )
    loaded = _modules_loaded_by(code)
    assert ["_server_tool_usage", "_stream", "_stream_tool_calls", "_usage"] == loaded


def test_an_answer_that_calls_tools_creates_no_image_audio_or_annotation_class() -> None:
    """Tool calls are apart from the assistant message's other parts: an answer with a tool
    call loads ``_tool_calls`` and not ``_assistant_parts``, and re-encodes unchanged."""
    reply = {
        "id": "gen-1",
        "model": "x",
        "choices": [
            {
                "index": 0,
                "finish_reason": "tool_calls",
                "message": {
                    "role": "assistant",
                    "tool_calls": [
                        {
                            "id": "c1",
                            "type": "function",
                            "function": {"name": "f", "arguments": "{}"},
                        }
                    ],
                },
            }
        ],
    }
    code = (
        "import json\n"
        f"value = from_json({json.dumps(reply)!r}, m.ChatResult).unwrap()\n"
        "assert isinstance(value.choices[0].message.tool_calls[0], m.ChatToolCall)\n"
        f"assert json.loads(to_json(value).unwrap()) == {reply!r}"
    )
    assert ["_response", "_tool_calls", "_usage"] == _modules_loaded_by(code)
