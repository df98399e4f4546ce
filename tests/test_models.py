"""The models package: every spec schema has a counterpart, loaded lazily."""

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
