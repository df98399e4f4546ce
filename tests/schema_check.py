"""A small JSON Schema checker for the OpenAPI 3.1 subset the ops spec uses.

Checks ``$ref``, ``type`` (a name or a list), ``enum``, ``required``, ``properties``,
``additionalProperties``, ``items``, ``allOf``/``anyOf``/``oneOf``, ``minimum``/``maximum``,
``minLength`` and ``minItems``. ``strict`` also reports object keys a schema with
``properties`` does not declare, so a fake that invents a field is caught too.
"""

import json
from pathlib import Path
from typing import Any

import pytest

OPS_SPEC_PATH = Path(__file__).parents[2] / "shared" / "spec" / "openrouter-ops.openapi.json"

_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "boolean": (bool,),
    "integer": (int,),
    "number": (int, float),
    "null": (type(None),),
}


def load_ops_spec() -> dict[str, Any]:
    """The ops OpenAPI document, or a skip saying where it was looked for."""
    if not OPS_SPEC_PATH.exists():
        pytest.skip(f"the ops spec is not at {OPS_SPEC_PATH} (it lives outside the repository)")
    spec: dict[str, Any] = json.loads(OPS_SPEC_PATH.read_text(encoding="utf-8"))
    return spec


def response_schema(spec: dict[str, Any], path: str, method: str, status: int) -> Any:
    """The JSON schema of one operation's response with that status."""
    response = spec["paths"][path][method]["responses"][str(status)]
    return response["content"]["application/json"]["schema"]


def _is(value: Any, name: str) -> bool:
    if isinstance(value, bool) and name in ("integer", "number"):
        return False
    if name == "integer" and isinstance(value, float):
        return value.is_integer()
    return isinstance(value, _TYPES[name])


def problems(spec: dict[str, Any], schema: Any, value: Any, *, strict: bool = True) -> list[str]:
    """Every way ``value`` breaks ``schema`` (empty when it conforms), as ``$.path: why``."""
    checker = _Checker(spec, strict)
    checker.check(schema, value, "$")
    return checker.found


def _resolve(spec: dict[str, Any], schema: Any) -> Any:
    while isinstance(schema, dict) and "$ref" in schema:
        node: Any = spec
        for part in schema["$ref"].removeprefix("#/").split("/"):
            node = node[part]
        schema = node
    return schema


def _declared(spec: dict[str, Any], schema: Any) -> set[str] | None:
    """The property names a schema (with its allOf parts) declares; None: any is allowed."""
    schema = _resolve(spec, schema)
    if not isinstance(schema, dict) or schema.get("additionalProperties", False) is not False:
        return None
    names = set(schema.get("properties", {}))
    for part in schema.get("allOf", ()):
        more = _declared(spec, part)
        if more is None:
            return None
        names |= more
    if "properties" not in schema and "allOf" not in schema:
        return None
    return names


class _Checker:
    def __init__(self, spec: dict[str, Any], strict: bool) -> None:
        self.spec = spec
        self.strict = strict
        self.found: list[str] = []

    def check(self, schema: Any, value: Any, where: str) -> None:
        spec, found = self.spec, self.found
        schema = _resolve(spec, schema)
        if not isinstance(schema, dict):
            return
        kinds = schema.get("type")
        if kinds is not None:
            names = [kinds] if isinstance(kinds, str) else list(kinds)
            if not any(_is(value, name) for name in names):
                found.append(f"{where}: {value!r:.60} is not {'/'.join(names)}")
                return
        if "enum" in schema and value not in schema["enum"]:
            found.append(f"{where}: {value!r:.60} is not one of the enum")
        for part in schema.get("allOf", ()):
            self.check(part, value, where)
        for keyword, exact in (("anyOf", False), ("oneOf", True)):
            if keyword in schema:
                passing = sum(
                    not problems(spec, part, value, strict=self.strict) for part in schema[keyword]
                )
                if passing == 0 or (exact and passing > 1):
                    found.append(f"{where}: {passing} of the {keyword} alternatives match")
        if isinstance(value, dict):
            self.check_object(schema, value, where)
        if isinstance(value, list):
            if len(value) < schema.get("minItems", 0):
                found.append(f"{where}: fewer than {schema['minItems']} items")
            for index, item in enumerate(value):
                if "items" in schema:
                    self.check(schema["items"], item, f"{where}[{index}]")
        if isinstance(value, str) and len(value) < schema.get("minLength", 0):
            found.append(f"{where}: shorter than {schema['minLength']}")
        if _is(value, "number"):
            if "minimum" in schema and value < schema["minimum"]:
                found.append(f"{where}: {value} < minimum {schema['minimum']}")
            if "maximum" in schema and value > schema["maximum"]:
                found.append(f"{where}: {value} > maximum {schema['maximum']}")

    def check_object(self, schema: dict[str, Any], value: dict[str, Any], where: str) -> None:
        for name in schema.get("required", ()):
            if name not in value:
                self.found.append(f"{where}: required {name!r} is missing")
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        for name, item in value.items():
            if name in properties:
                self.check(properties[name], item, f"{where}.{name}")
            elif extra is False:
                self.found.append(f"{where}: {name!r} is not allowed")
            elif isinstance(extra, dict):
                self.check(extra, item, f"{where}.{name}")
        declared = _declared(self.spec, schema) if self.strict else None
        if declared is not None and extra is None:
            self.found += [
                f"{where}: {name!r} is not in the spec" for name in value if name not in declared
            ]
