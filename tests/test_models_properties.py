"""Property tests: JSON generated from the spec's schemas decodes and round-trips.

The generated documents follow the spec, plus what the wire adds: unknown keys on every
object, unknown members in every tagged union, unknown values for every enum, and nulls for
optional fields. Each example is a pair (what the server may send, what the models send back):
they differ only in nulls on known fields, which the models treat as absent.
"""

import sys
from functools import cache
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openrouter_core import models
from openrouter_core._converter import (
    _detailed,
    _FastConverter,
    from_builtins,
    to_builtins,
    to_json,
)

from .spec_support import canonical, load_generator, load_ops_spec, load_spec

Pair = tuple[Any, Any]

# Scaled by the hypothesis profile: the default one (200 examples) keeps the suite quick,
# the fuzz one (10,000) runs 2,500 documents per top-level type and 200 per object schema.
_SCALE = settings().max_examples / 200
TOP_LEVEL_EXAMPLES = int(50 * _SCALE)
PER_CLASS_EXAMPLES = min(200, int(10 * _SCALE))

_json_scalars = st.none() | st.booleans() | st.integers() | st.text(max_size=8)
_json = st.recursive(
    _json_scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)
_unknown_key = st.text(max_size=6).map(lambda s: "x_unknown_" + s)
_unknown_value = st.text(max_size=6).map(lambda s: "unknown-" + s)


def _same(value: Any) -> Pair:
    return value, value


class _Strategies:
    """Hypothesis strategies for (wire, canonical) pairs, built from the generator's schema view."""

    def __init__(self) -> None:
        self.gen = load_generator()
        self.model = self.gen.Model(load_spec(), load_ops_spec())
        self.cache: dict[str, st.SearchStrategy[Pair]] = {}

    def named(self, name: str) -> st.SearchStrategy[Pair]:
        if name not in self.cache:
            self.cache[name] = st.deferred(lambda: self.node(self.model.schemas[name], name))
        return self.cache[name]

    def node(self, node: dict[str, Any], path: str) -> st.SearchStrategy[Pair]:
        gen = self.gen
        inline = gen.INLINE_NAMES.get(path)
        ref = gen.ref_name(node)
        if ref is not None:
            return self.named(ref)
        if "allOf" in node:
            refs = [r for r in map(gen.ref_name, node["allOf"]) if r]
            return self.named(refs[0])
        members = node.get("oneOf") or node.get("anyOf")
        if members:
            # A named inline union's members are named after it, as the generator does.
            return self.union(node, members, inline or path.rsplit("/", 1)[-1], inline or path)
        kinds = [t for t in gen.types_of(node) if t != "null"]
        nullable = gen.is_nullable(node, self.model.schemas)
        if "enum" in node:
            values = [v for v in node["enum"] if v is not None]
            unknown = st.integers(min_value=1) if kinds == ["integer"] else _unknown_value
            base = st.sampled_from(values) | unknown
            strategy = base.map(_same)
        elif not kinds:
            strategy = _json.map(_same)
        elif kinds[0] == "array":
            item = self.node(node.get("items", {}), path + "[]")
            strategy = st.lists(item, max_size=3).map(
                lambda pairs: ([w for w, _ in pairs], [c for _, c in pairs])
            )
        elif kinds[0] == "object":
            strategy = self.obj(node, inline or path)
        else:
            strategy = {
                "string": st.text(max_size=10),
                "integer": st.integers(),
                "number": st.integers() | st.floats(allow_nan=False, allow_infinity=False),
                "boolean": st.booleans(),
            }[kinds[0]].map(_same)
        if nullable:
            strategy = strategy | st.just((None, None))
        return strategy

    def obj(self, node: dict[str, Any], name: str) -> st.SearchStrategy[Pair]:
        if "properties" not in node and "additionalProperties" in node:
            return st.dictionaries(st.text(max_size=5), _json, max_size=3).map(_same)
        gen = self.gen
        props = dict(node.get("properties", {}))
        props.update(gen.WIRE_FIELDS.get(name, {}))
        props = {p: gen.REPLACED_PROPERTIES.get((name, p), v) for p, v in props.items()}
        required = set(node.get("required", [])) - gen.OMITTED_IN_PRACTICE.get(name, set())
        tagged = name in self.model.union_members
        fields: dict[str, st.SearchStrategy[Pair | None]] = {}
        for prop, sub in props.items():
            values = [v for v in sub.get("enum", []) if v is not None]
            if prop in gen.DISCRIMINATORS and prop in required and values and tagged:
                fields[prop] = st.sampled_from(values).map(_same)
                continue
            value = self.node(sub, f"{name}/{prop}")
            if prop in required:
                fields[prop] = value
            else:  # absent, null, or a value
                fields[prop] = st.none() | st.just((None, None)) | value
        unknown = st.dictionaries(_unknown_key, _json, max_size=2)
        return st.fixed_dictionaries(fields).flatmap(
            lambda chosen: unknown.map(lambda extra: _assemble(chosen, extra))
        )

    def union(
        self, node: dict[str, Any], members: list[dict[str, Any]], name: str, path: str
    ) -> st.SearchStrategy[Pair]:
        options = [
            self.node(m, f"{path}|{i}") for i, m in enumerate(members) if m.get("type") != "null"
        ]
        if name in self.gen.UNKNOWN_MEMBERS:
            tag = "role" if name == "ChatMessages" else "id" if name == "ChatPlugin" else "type"
            options.append(
                st.fixed_dictionaries({tag: _unknown_value}, optional={"x_unknown": _json}).map(
                    _same
                )
            )
        if self.gen.is_nullable(node, self.model.schemas):
            options.append(st.just((None, None)))
        return st.one_of(options)


def _assemble(chosen: dict[str, Pair | None], extra: dict[str, Any]) -> Pair:
    wire: dict[str, Any] = {}
    back: dict[str, Any] = {}
    for key, pair in chosen.items():
        if pair is None:
            continue
        wire[key], canonical_value = pair
        if canonical_value is not None:
            back[key] = canonical_value
    wire.update(extra)
    back.update(extra)
    return wire, back


@cache
def strategies() -> _Strategies:
    return _Strategies()


_GONE = object()
_OTHERS: tuple[Any, ...] = (_GONE, None, "x", 1, [])

# A model's hooks interpret their first uses and then run generated code: both must agree.
_COMPILED = _FastConverter(compile_after=0)
_INTERPRETED = _FastConverter(compile_after=sys.maxsize)


def _outcome(converter: _FastConverter, value: Any, cls: type[Any]) -> Any:
    """The fast decoder's verdict: the value's ``repr``, or the exception's type and text."""
    try:
        return repr(converter.get_structure_hook(cls)(value, cls))
    except Exception as e:  # the verdict under test
        return type(e), str(e)


def _wire_names(cls: type[Any]) -> set[str]:
    return {a.name.rstrip("_") for a in attrs.fields(cls)} - {"extra"} if attrs.has(cls) else set()


def _check_round_trip(cls: type[Any], pair: Pair) -> None:
    wire, expected = pair
    decoded = from_builtins(wire, cls).unwrap()
    # The fast decoders build objects without __init__; cattrs' own code, which calls it and
    # explains failures, must give the same value.
    assert decoded == _detailed().structure(wire, cls)
    encoded = to_builtins(decoded).unwrap()
    assert canonical(expected) == canonical(encoded)
    # Key order and int-or-float too: repr, not canonical JSON.
    assert repr(_COMPILED.unstructure(decoded)) == repr(_INTERPRETED.unstructure(decoded))
    assert _outcome(_COMPILED, wire, cls) == _outcome(_INTERPRETED, wire, cls) == repr(decoded)
    assert decoded == from_builtins(expected, cls).unwrap()
    to_json(decoded).unwrap()


def _check_each_field_either_way(cls: type[Any], wire: dict[str, Any]) -> None:
    """Each field missing, null, or of another JSON kind: both tiers give the same verdict."""
    for key in wire.keys() | _wire_names(cls):
        for other in _OTHERS:
            value = _replaced(wire, (key,), other)
            assert _outcome(_COMPILED, value, cls) == _outcome(_INTERPRETED, value, cls)


TOP_LEVEL = [
    "ChatRequest",
    "ChatResult",
    "ChatStreamChunk",
    "CreateEmbeddingsRequest",
    "ListEndpointsEnvelope",
    "ModelsListResponse",
]


@pytest.mark.timeout(60 * _SCALE)
@pytest.mark.parametrize("name", TOP_LEVEL)
def test_top_level_documents_round_trip(name: str) -> None:
    """Generated requests, results and chunks decode and encode back to equal JSON."""

    @settings(
        max_examples=TOP_LEVEL_EXAMPLES,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        deadline=None,
    )
    @given(strategies().named(name))
    def run(pair: Pair) -> None:
        _check_round_trip(getattr(models, name), pair)

    run()


def _object_schemas() -> list[str]:
    try:
        return sorted(strategies().model.classes.keys() - strategies().gen.UNKNOWN_MEMBERS.values())
    except pytest.skip.Exception:
        return []


@pytest.mark.timeout(60 * _SCALE)
@pytest.mark.parametrize("name", _object_schemas())
def test_every_object_schema_round_trips(name: str) -> None:
    """Each object schema on its own: generated JSON decodes and encodes back; its hooks
    interpreted and compiled give the same verdict with any field missing, null or wrong."""
    schema = strategies().model.classes[name]

    @settings(
        max_examples=PER_CLASS_EXAMPLES,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        deadline=None,
    )
    @given(strategies().obj(schema, name))
    def run(pair: Pair) -> None:
        _check_round_trip(getattr(models, name), pair)
        _check_each_field_either_way(getattr(models, name), pair[0])

    run()


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every value inside a JSON document, its own included."""
    inner: list[tuple[Any, ...]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            inner += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            inner += _paths(item, (*path, index))
    return [path, *inner]


def _replaced(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    """A copy of ``value`` with the value at ``path`` replaced, or removed (``_GONE``)."""
    if not path:
        return None if new is _GONE else new
    head, *rest = path
    copy: Any = dict(value) if isinstance(value, dict) else list(value)
    if rest:
        copy[head] = _replaced(value[head], tuple(rest), new)
    elif new is not _GONE:
        copy[head] = new
    elif isinstance(copy, dict):
        copy.pop(head, None)
    else:
        copy[head] = None
    return copy


@pytest.mark.timeout(60 * _SCALE)
@pytest.mark.parametrize("name", TOP_LEVEL)
def test_interpreted_and_compiled_hooks_give_the_same_verdicts(name: str) -> None:
    """A model's hooks interpret their first uses, then run generated code: on generated
    documents with one value anywhere replaced or removed, both give the same value or
    raise the same exception with the same text."""
    cls = getattr(models, name)

    @settings(
        max_examples=TOP_LEVEL_EXAMPLES,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        deadline=None,
    )
    @given(strategies().named(name), st.data())
    def run(pair: Pair, data: st.DataObject) -> None:
        wire, _ = pair
        path = data.draw(st.sampled_from(_paths(wire)))
        value = _replaced(wire, path, data.draw(st.none() | st.just(_GONE) | _json))
        assert _outcome(_COMPILED, value, cls) == _outcome(_INTERPRETED, value, cls)

    run()
