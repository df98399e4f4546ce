"""Properties of the strict schemas: every value a schema allows decodes into its class.

Classes are generated (scalars, Literal, Enum, lists, maps, optionals, scalar unions,
nested records, defaults); for each, the schema must be strict, the fake server's instance
must validate against it, and any JSON value that validates must decode.
"""

from __future__ import annotations

import dataclasses
import enum
import itertools
from collections.abc import Callable
from typing import Any, Literal

from hypothesis import given
from hypothesis import strategies as st
from returns.result import Success

from openrouter_core._schema import decode, object_schema
from openrouter_core.testing._replies import _example

from .test_schema import _strict

_names = itertools.count()
_Color = enum.Enum("_Color", {"RED": "red", "GREEN": "green"})
_Level = enum.IntEnum("_Level", {"LOW": 1, "HIGH": 2})
_SCALARS: list[Any] = [str, int, float, bool, Literal["a", "b"], Literal[1, 2], _Color, _Level]
_DEFAULTS: dict[Any, Any] = {str: "d", int: 7, float: 0.5, bool: False, Literal["a", "b"]: "b"}


def _record(fields: list[tuple[Any, bool]]) -> type:
    specs = []
    for index, (kind, defaulted) in enumerate(fields):
        if not defaulted:
            specs.append((f"f{index}", kind, dataclasses.field()))
        elif kind in _DEFAULTS:
            specs.append((f"f{index}", kind, dataclasses.field(default=_DEFAULTS[kind])))
        else:  # containers, optionals, records: a default of None where it fits, else a factory
            specs.append((f"f{index}", kind | None, dataclasses.field(default=None)))
    return dataclasses.make_dataclass(f"R{next(_names)}", specs, kw_only=True)


_types = st.recursive(
    st.sampled_from(_SCALARS) | st.just(int | str),
    lambda inner: st.one_of(
        inner.map(lambda t: list[t]),  # type: ignore[valid-type]
        inner.map(lambda t: dict[str, t]),  # type: ignore[valid-type]
        inner.filter(lambda t: t is not (int | str)).map(lambda t: t | None),
        st.lists(st.tuples(inner, st.booleans()), min_size=1, max_size=4).map(_record),
    ),
    max_leaves=8,
)
_classes = st.lists(st.tuples(_types, st.booleans()), min_size=1, max_size=5).map(_record)


def _valid(value: Any, schema: dict[str, Any]) -> bool:
    """A validator for the subset of JSON Schema the builder writes."""
    if "anyOf" in schema:
        return any(_valid(value, choice) for choice in schema["anyOf"])
    if "enum" in schema and not any(value == v and type(value) is type(v) for v in schema["enum"]):
        return False
    kinds = schema.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    checks = {
        "string": lambda v: isinstance(v, str),
        "integer": lambda v: type(v) is int,
        "number": lambda v: type(v) in (int, float),
        "boolean": lambda v: type(v) is bool,
        "null": lambda v: v is None,
        "array": lambda v: isinstance(v, list) and all(_valid(x, schema["items"]) for x in v),
        "object": lambda v: (
            isinstance(v, dict)
            and set(v) == set(schema["required"])
            and all(_valid(v[k], schema["properties"][k]) for k in v)
        ),
    }
    return any(checks[kind](value) for kind in kinds)


def _values(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Every JSON value the schema allows (within small sizes)."""
    if "anyOf" in schema:
        return st.one_of([_values(choice) for choice in schema["anyOf"]])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    strategies: dict[str, Callable[[], st.SearchStrategy[Any]]] = {
        "string": lambda: st.text(max_size=5),
        "integer": st.integers,
        "number": lambda: st.integers() | st.floats(allow_nan=False, allow_infinity=False),
        "boolean": st.booleans,
        "null": st.none,
        "array": lambda: st.lists(_values(schema["items"]), max_size=3),
        "object": lambda: st.fixed_dictionaries(
            {k: _values(v) for k, v in schema["properties"].items()}
        ),
    }
    return st.one_of([strategies[kind]() for kind in kinds])


@given(_classes)
def test_schemas_are_strict_and_the_fakes_instance_fits(cls: type) -> None:
    """Strict everywhere; the fake server's instance validates and decodes."""
    schema = object_schema(cls)
    instance = _example(schema, "text")
    _strict(schema)
    assert _valid(instance, schema), instance
    assert isinstance(decode(instance, cls), Success)


@given(st.data())
def test_every_value_the_schema_allows_decodes(data: st.DataObject) -> None:
    """No value a strict provider may send is refused by the decoder."""
    cls: type[Any] = data.draw(_classes)
    schema = object_schema(cls)
    value = data.draw(_values(schema))
    result = decode(value, cls)
    assert isinstance(result, Success), (value, result)
