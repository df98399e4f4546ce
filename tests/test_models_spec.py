"""The models against the spec file: generated code is current, every example round-trips."""

import json
import typing
from collections.abc import Iterator
from types import NoneType, UnionType
from typing import Any

import pytest
from returns.result import Success

from openrouter_core import models
from openrouter_core._converter import from_builtins, to_builtins

from .spec_support import (
    FIXTURES,
    REPO,
    canonical,
    load_generator,
    load_ops_spec,
    load_spec,
    without_nulls,
)


def test_generated_models_are_current_with_the_spec() -> None:
    """Re-rendering the models from the spec gives exactly the files in the repository."""
    files = load_generator().render(load_spec(), load_ops_spec())
    on_disk = {
        p.name: p.read_text(encoding="utf-8")
        for p in (REPO / "openrouter_core" / "models").glob("*.py*")
        if p.is_file()
    }
    assert on_disk == files


def _examples(node: Any, where: str) -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        if "example" in node:
            yield where, node["example"]
        for i, example in enumerate(
            node.get("examples", []) if isinstance(node.get("examples"), list) else []
        ):
            yield f"{where}#{i}", example
        for key, value in node.items():
            if key not in ("example", "examples"):
                yield from _examples(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _examples(value, f"{where}/{i}")


def _type_at(where: str) -> Any:
    """The Python type the models use for the JSON at a spec location, or None if free-form."""
    parts = where.split("#", maxsplit=1)[0].split("/")
    if parts[:3] == ["", "components", "schemas"]:
        name, rest = parts[3], parts[4:]
    else:  # an operation's parameter, request or response example
        return _operation_type("/".join(parts))
    current: Any = getattr(models, name)
    namespace = {n: getattr(models, n) for n in models.__all__}
    while rest and rest[0] != "example":
        key, rest = rest[0], rest[1:]
        if key == "properties":
            prop, rest = rest[0], rest[1:]
            hints = typing.get_type_hints(_without_none(current), localns=namespace)
            current = hints[prop]
        elif key == "items":
            current = typing.get_args(_without_none(current))[0]
        elif key in ("anyOf", "oneOf", "allOf"):
            index, rest = int(rest[0]), rest[1:]
            if key != "allOf":
                members = [m for m in typing.get_args(current) if m is not NoneType]
                current = members[min(index, len(members) - 1)]
        elif key == "additionalProperties":
            return None
        if not (isinstance(current, type) or typing.get_origin(current) is not None):
            return current
    return current


def _without_none(t: Any) -> Any:
    args = [a for a in typing.get_args(t) if a is not NoneType]
    if typing.get_origin(t) in (typing.Union, UnionType) and len(args) == 1:
        return args[0]
    return t


def _operation_type(where: str) -> Any:
    if "/parameters/" in where:
        return models.MetadataLevel
    if "/requestBody/" in where:
        return models.ChatRequest
    if "/responses/200/" not in where:
        return models.ErrorResponse
    if "text/event-stream" in where:
        return models.ChatStreamingResponse
    return models.ChatResult


def _spec_examples() -> list[tuple[str, Any]]:
    spec = load_spec()
    ops = load_ops_spec()
    return [
        *_examples(spec["components"], "/components"),
        *_examples(spec["paths"], "/paths"),
        # The shared schemas are identical; the ops file's own ones are checked here too.
        *_examples(ops["components"], "/components"),
    ]


# The operations' request and 200 bodies, by (path, method).
_OPS_BODIES: dict[tuple[str, str], tuple[str | None, str]] = {
    ("/models", "get"): (None, "ModelsListResponse"),
    ("/models/count", "get"): (None, "ModelsCountResponse"),
    ("/models/user", "get"): (None, "ModelsListResponse"),
    ("/model/{author}/{slug}", "get"): (None, "ModelResponse"),
    ("/models/{author}/{slug}/endpoints", "get"): (None, "ListEndpointsEnvelope"),
    ("/providers", "get"): (None, "ListProvidersResponse"),
    ("/generation", "get"): (None, "GenerationResponse"),
    ("/credits", "get"): (None, "GetCreditsResponse"),
    ("/key", "get"): (None, "GetCurrentKeyResponse"),
    ("/embeddings", "post"): ("CreateEmbeddingsRequest", "CreateEmbeddingsResponse"),
    ("/embeddings/models", "get"): (None, "ModelsListResponse"),
}


def _ops_document_examples() -> list[tuple[str, Any, Any]]:
    """(where, example, type) for every whole request or response body example of the ops spec.

    Examples of single properties inside the operations' inline schemas, of query
    parameters and of the non-JSON bodies (RSS, the unused event stream) are not documents.
    """
    ops = load_ops_spec()
    assert set(_OPS_BODIES) == {(p, m) for p, item in ops["paths"].items() for m in item}
    found = []
    for (path, method), (request, success) in _OPS_BODIES.items():
        operation = ops["paths"][path][method]
        holders: list[tuple[str, Any, str]] = []
        if request is not None:
            holders.append(("request", operation["requestBody"], request))
        for status, response in operation["responses"].items():
            holders.append((status, response, success if status == "200" else "ErrorResponse"))
        for where, holder, name in holders:
            media = holder.get("content", {}).get("application/json")
            if media is None:
                continue
            for node in (media, media.get("schema", {})):
                for key, example in _examples({k: node[k] for k in ("example",) if k in node}, ""):
                    found.append((f"{method.upper()} {path} {where}{key}", example, name))
    return found


def test_every_ops_document_example_decodes_and_reencodes_to_the_same_json() -> None:
    """Each request and response example of the operations around chat round-trips."""
    failures = []
    examples = _ops_document_examples()
    for where, example, name in examples:
        result = from_builtins(example, getattr(models, name))
        if not isinstance(result, Success):
            failures.append(f"{where}: {result.failure()}")
            continue
        again = to_builtins(result.unwrap()).unwrap()
        if canonical(without_nulls(example)) != canonical(without_nulls(again)):
            failures.append(f"{where}: {example!r} became {again!r}")
    assert [] == failures
    assert len(examples) > 50


def test_every_spec_example_decodes_and_reencodes_to_the_same_json() -> None:
    """Each example value decodes as its model and encodes back (nulls mean absent)."""
    failures = []
    checked = 0
    for where, example in _spec_examples():
        t = _type_at(where)
        if t is None:
            continue
        result = from_builtins(example, t)
        if not isinstance(result, Success):
            failures.append(f"{where}: {result.failure()}")
            continue
        checked += 1
        again = to_builtins(result.unwrap()).unwrap()
        if canonical(without_nulls(example)) != canonical(without_nulls(again)):
            failures.append(f"{where}: {example!r} became {again!r}")
    assert [] == failures
    assert checked > 150


def _wire_requests() -> list[Any]:
    path = FIXTURES / "ts-sdk-wire" / "requests.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("case", _wire_requests(), ids=lambda c: f"{c['case']}-{c['attempt']}")
def test_the_typescript_sdks_request_bodies_round_trip(case: dict[str, Any]) -> None:
    """A body the TypeScript SDK sent decodes as ChatRequest and encodes to the same JSON.

    Differences allowed: the TS SDK's added ``"stream": false`` and explicit nulls, which the
    models treat as absent.
    """
    body = case["body_json"]
    again = to_builtins(from_builtins(body, models.ChatRequest).unwrap()).unwrap()
    if body.get("stream") is False and "stream" not in again:
        again["stream"] = False
    assert canonical(without_nulls(body)) == canonical(again)
