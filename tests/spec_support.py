"""Shared by the spec-driven tests: the spec file, the generator's view of it, JSON helpers."""

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).parents[1]
SPEC_PATH = REPO.parent / "shared" / "spec" / "chat-completions.openapi.json"
OPS_SPEC_PATH = REPO.parent / "shared" / "spec" / "openrouter-ops.openapi.json"
FIXTURES = REPO.parent / "shared" / "fixtures"


def load_spec(path: Path = SPEC_PATH) -> dict[str, Any]:
    """The chat OpenAPI spec (or the one at ``path``), or a skip saying where it was looked for."""
    if not path.exists():
        pytest.skip(f"the OpenAPI spec is not at {path} (it lives outside the repository)")
    spec: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return spec


def load_ops_spec() -> dict[str, Any]:
    """The spec of the operations around chat (models, generation, key, embeddings...)."""
    return load_spec(OPS_SPEC_PATH)


def load_generator() -> ModuleType:
    """tools/gen_models.py, imported from its path (tools/ is not a package)."""
    location = importlib.util.spec_from_file_location(
        "gen_models", REPO / "tools" / "gen_models.py"
    )
    assert location is not None and location.loader is not None
    module = importlib.util.module_from_spec(location)
    location.loader.exec_module(module)
    return module


def canonical(value: Any) -> str:
    """JSON text that tells 1 from 1.0 and true from 1, with keys sorted."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def without_nulls(value: Any) -> Any:
    """``value`` with every null-valued object key removed (None means absent in the models)."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value
