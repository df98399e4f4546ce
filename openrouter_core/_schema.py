"""Pure: JSON Schema from Python types (strict structured outputs), and decoding back.

The schemas follow OpenAI's strict mode, which OpenRouter forwards: every object lists all
its properties in ``required`` and says ``additionalProperties: false``. Two Python ideas
have no direct strict form, so they are spelled out and undone by ``decode``:

- A field with a default is still required, but its schema also accepts ``null``, and the
  description says ``null`` means the default. ``decode`` drops such a ``null`` (and accepts
  a missing key), so the converter fills in the default. Where the field's own type already
  admits ``None`` (``x: int | None = 5``), ``null`` keeps that meaning: it decodes as ``None``.
- ``dict[str, X]`` (free keys) becomes an array of ``{"key", "value"}`` pairs, which ``decode``
  turns back into a dict (a plain JSON object is accepted too).

Supported: ``str``, ``int``, ``float``, ``bool``, ``None``, ``list[X]``, ``dict[str, X]``,
``Literal`` (str, int, bool values), ``Enum`` (str or int values), attrs classes and
dataclasses (nested, not recursive), and unions whose members are told apart by their JSON
kind (``X | None``, ``int | str``...). Anything else is a programming error found when the
schema is built, so it raises ``TypeError`` naming the field and the type.
"""

from __future__ import annotations

import ast
import dataclasses
import enum
import functools
import inspect
import re
import sys
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeVar, get_args, get_origin

import attrs
from returns.result import Failure, Result, Success

from openrouter_core._converter import _wire_name, from_builtins

if TYPE_CHECKING:
    # Imported where an error is made: a reply that fits creates no error class (each is
    # an attrs class, compiled when created; issue 16, cold start).
    from openrouter_core.errors import ResponseValidationError

T = TypeVar("T")

_SCALARS: dict[Any, str] = {
    str: "string",
    int: "integer",
    float: "number",
    bool: "boolean",
    type(None): "null",
}
_NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


@attrs.frozen
class Parameter:
    """A field of a record or a parameter of a function: wire name, type, default, doc."""

    name: str
    wire: str
    type: Any
    has_default: bool
    default: Any
    description: str | None


def is_record(t: object) -> bool:
    """True for an attrs class or a dataclass (what ``response_format_for`` accepts)."""
    return isinstance(t, type) and (attrs.has(t) or dataclasses.is_dataclass(t))


def object_schema(cls: type) -> dict[str, Any]:
    """The strict JSON Schema of a record class; raises ``TypeError`` for what it cannot say."""
    if not is_record(cls):
        raise TypeError(f"{_type_name(cls)} is not an attrs class or a dataclass")
    return _record_schema(cls, (), cls.__qualname__)


def check_name(name: str, what: str) -> None:
    """Schema and function names: letters, digits, ``_`` and ``-``, at most 64 characters."""
    if not _NAME.match(name):
        raise TypeError(f"{what} {name!r} must be 1-64 letters, digits, '_' or '-'")


def decode(value: Any, cls: type[T]) -> Result[T, ResponseValidationError]:
    """Decode a JSON value as ``cls`` with the converter, after undoing the strict spellings."""
    return from_builtins(_normalise(value, cls), cls)


def description_of(obj: object) -> str | None:
    """The first paragraphs of a docstring, up to a section such as ``Args:``."""
    doc = inspect.getdoc(obj)
    if not doc:
        return None
    lines: list[str] = []
    for line in doc.splitlines():
        if _SECTION.match(line):
            break
        lines.append(line)
    text = "\n".join(lines).strip()
    return text or None


_SECTION = re.compile(r"^(Args|Arguments|Parameters|Returns|Raises|Yields|Examples?):\s*$")


def argument_docs(fn: Callable[..., Any]) -> dict[str, str]:
    """Descriptions of parameters from a Google-style ``Args:`` section.

    An entry is ``name: text`` (or ``name (type): text``) at the section's first indent;
    deeper lines continue it.
    """
    doc = inspect.getdoc(fn) or ""
    docs: dict[str, str] = {}
    current: str | None = None
    indent: int | None = None
    inside = False
    for line in doc.splitlines():
        if _SECTION.match(line):
            inside = line.split(":")[0] in ("Args", "Arguments", "Parameters")
            current, indent = None, None
            continue
        text = line.strip()
        if not inside or not text:
            continue
        depth = len(line) - len(line.lstrip())
        entry = _ENTRY.match(text)
        if entry and (indent is None or depth <= indent):
            current, indent = entry.group(1), depth
            docs[current] = entry.group(2).strip()
        elif current is not None:
            docs[current] = f"{docs[current]} {text}".strip()
    return docs


_ENTRY = re.compile(r"^(\w+)(?:\s*\([^)]*\))?:\s*(.*)$")


def _record_schema(cls: type, seen: tuple[type, ...], where: str) -> dict[str, Any]:
    if cls in seen:
        raise TypeError(
            f"{where}: {cls.__qualname__} refers to itself; recursive classes are not supported"
        )
    shape = _fields_schema(record_fields(cls), (*seen, cls), where)
    description = description_of(cls) if cls.__doc__ != _generated_doc(cls) else None
    return {"description": description, **shape} if description else shape


def _fields_schema(
    fields: Sequence[Parameter], seen: tuple[type, ...], where: str
) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for field in fields:
        schema = _schema(field.type, seen, f"{where}.{field.name}")
        notes = [field.description] if field.description else []
        if field.has_default and not _admits_none(field.type):
            schema = _nullable(schema)
            notes.append(f"null for the default ({_shown(field.default)})")
        if notes:
            schema = {**schema, "description": " ".join(notes)}
        properties[field.wire] = schema
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def function_fields(fn: Callable[..., Any]) -> tuple[Parameter, ...]:
    """The parameters of ``fn`` as fields; raises ``TypeError`` for what cannot be passed.

    Each must be passable by keyword and annotated; ``Args:`` entries describe them.
    """
    name = getattr(fn, "__qualname__", repr(fn))
    try:
        signature = inspect.signature(fn)
        hints = typing.get_type_hints(fn)
    except Exception as e:  # NameError from a string annotation, a builtin without a signature
        raise TypeError(f"{name}: cannot read its signature ({e})") from e
    docs = argument_docs(fn)
    fields: list[Parameter] = []
    for parameter in signature.parameters.values():
        if parameter.kind not in (parameter.POSITIONAL_OR_KEYWORD, parameter.KEYWORD_ONLY):
            raise TypeError(f"{name}: parameter {parameter.name!r} must be passable by keyword")
        if parameter.name not in hints:
            raise TypeError(f"{name}: parameter {parameter.name!r} needs a type annotation")
        has_default = parameter.default is not parameter.empty
        fields.append(
            Parameter(
                name=parameter.name,
                wire=parameter.name,
                type=hints[parameter.name],
                has_default=has_default,
                default=parameter.default if has_default else None,
                description=docs.get(parameter.name),
            )
        )
    return tuple(fields)


def parameters_schema(name: str, fields: Sequence[Parameter]) -> dict[str, Any]:
    """The strict object schema of a function's parameters (raises ``TypeError`` too)."""
    return _fields_schema(fields, (), name)


def decode_arguments(
    value: Any, fields: Sequence[Parameter]
) -> Result[dict[str, Any], ResponseValidationError]:
    """Keyword arguments from a JSON object, each decoded into its parameter's type.

    A parameter left out, or ``null`` where its type does not admit ``None``, is not passed,
    so the function's own default applies. No class is generated per function: the
    converter's hooks stay keyed by the parameter types.
    """
    if not isinstance(value, dict):
        from openrouter_core.errors import ResponseValidationError

        return Failure(
            ResponseValidationError(message="arguments", details=("$: expected an object",))
        )
    arguments: dict[str, Any] = {}
    problems: list[str] = []
    for field in fields:
        item = value.get(field.wire, _ABSENT)
        if item is _ABSENT or (item is None and field.has_default and not _admits_none(field.type)):
            if not field.has_default:
                problems.append(f"$.{field.wire}: required field missing")
            continue
        decoded = from_builtins(_normalise(item, field.type), field.type)
        if isinstance(decoded, Failure):
            problems += [f"$.{field.wire}{line[1:]}" for line in decoded.failure().details]
        else:
            arguments[field.name] = decoded.unwrap()
    if problems:
        from openrouter_core.errors import ResponseValidationError

        return Failure(ResponseValidationError(message="arguments", details=tuple(problems)))
    return Success(arguments)


_ABSENT = object()


def _generated_doc(cls: type) -> str | None:
    """dataclasses invent a docstring (the signature) for classes without one."""
    if not dataclasses.is_dataclass(cls):
        return None
    try:
        signature = str(inspect.signature(cls)).replace(" -> None", "")
    except (TypeError, ValueError):
        return None
    return cls.__name__ + signature


def _schema(t: Any, seen: tuple[type, ...], where: str) -> dict[str, Any]:
    if t in _SCALARS:
        return {"type": _SCALARS[t]}
    if t in (list, dict):
        raise TypeError(f"{where}: a {t.__name__} needs its item type (list[str], ...)")
    origin = get_origin(t)
    if origin is list:
        (item,) = get_args(t)
        return {"type": "array", "items": _schema(item, seen, f"{where}[]")}
    if origin is dict:
        key, value = get_args(t)
        if key is not str:
            raise TypeError(f"{where}: only dict[str, X] maps are supported, not {_type_name(t)}")
        return {
            "type": "array",
            "description": "A map, as a list of key/value pairs.",
            "items": {
                "type": "object",
                "properties": {"key": {"type": "string"}, "value": _schema(value, seen, where)},
                "required": ["key", "value"],
                "additionalProperties": False,
            },
        }
    if origin is Literal:
        values = get_args(t)
        if not all(type(v) in (str, int, bool, type(None)) for v in values):
            raise TypeError(f"{where}: Literal values must be str, int, bool or None")
        return _enum_schema(values)
    if isinstance(t, type) and issubclass(t, enum.Enum):
        values = tuple(m.value for m in t)
        if not values or not all(type(v) in (str, int) for v in values):
            raise TypeError(f"{where}: {t.__qualname__} needs str or int values")
        return _enum_schema(values)
    if _is_union(t):
        return _union_schema(get_args(t), seen, where)
    if is_record(t):
        return _record_schema(t, seen, where)
    raise TypeError(f"{where}: {_type_name(t)} cannot be expressed as a strict JSON Schema")


def _enum_schema(values: tuple[Any, ...]) -> dict[str, Any]:
    kinds = list(dict.fromkeys(_SCALARS[type(v)] for v in values))
    return {"type": kinds[0] if len(kinds) == 1 else kinds, "enum": list(values)}


def _union_schema(members: tuple[Any, ...], seen: tuple[type, ...], where: str) -> dict[str, Any]:
    owners: dict[str, Any] = {}
    for member in members:
        for kind in _json_kinds(member):
            if kind in owners and owners[kind] is not member:
                raise TypeError(
                    f"{where}: {_type_name(owners[kind])} and {_type_name(member)} are both "
                    f"a JSON {kind}, so a value could not be told apart"
                )
            owners[kind] = member
    others = [m for m in members if m is not type(None)]
    schemas = [_schema(m, seen, where) for m in others]
    if len(others) == 1 and type(None) in members:
        return _nullable(schemas[0])
    if type(None) in members:
        schemas.append({"type": "null"})
    return {"anyOf": schemas}


def _json_kinds(t: Any) -> set[str]:
    if t in _SCALARS:
        return {"number" if t is float else _SCALARS[t]}
    if get_origin(t) in (list, dict):
        return {"array"}
    if get_origin(t) is Literal:
        return {_SCALARS.get(type(v), "?") for v in get_args(t)}
    if isinstance(t, type) and issubclass(t, enum.Enum):
        return {_SCALARS.get(type(m.value), "?") for m in t}
    if is_record(t):
        return {"object"}
    return {f"?{t!r}"}  # refused by _schema with its own message


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    kind = schema.get("type")
    if "enum" in schema:
        kinds = kind if isinstance(kind, list) else [kind]
        return {**schema, "type": [*kinds, "null"], "enum": [*schema["enum"], None]}
    if isinstance(kind, str) and kind not in ("object", "array"):
        return {**schema, "type": [kind, "null"]}
    if "anyOf" in schema:
        return {**schema, "anyOf": [*schema["anyOf"], {"type": "null"}]}
    return {"anyOf": [schema, {"type": "null"}]}


def _admits_none(t: Any) -> bool:
    if t is type(None) or t is None:
        return True
    if get_origin(t) is Literal:
        return None in get_args(t)
    return _is_union(t) and any(_admits_none(m) for m in get_args(t))


def _is_union(t: Any) -> bool:
    return get_origin(t) in (typing.Union, types.UnionType)


def _type_name(t: Any) -> str:
    return t.__qualname__ if isinstance(t, type) else repr(t).replace("typing.", "")


def _shown(value: Any) -> str:
    return repr(value.value) if isinstance(value, enum.Enum) else repr(value)


@functools.cache
def record_fields(cls: type) -> tuple[Parameter, ...]:
    """The fields a record is built from, types resolved, with their descriptions.

    Cached: ``decode`` walks the same classes for every reply.
    """
    try:
        hints = typing.get_type_hints(cls)
    except Exception as e:  # NameError and friends from the class's own annotations
        raise TypeError(f"{cls.__qualname__}: cannot resolve its annotations ({e})") from e
    comments = _field_comments(cls)
    fields: list[Parameter] = []
    if attrs.has(cls):
        for a in attrs.fields(cls):
            if not a.init:
                continue
            default = a.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                default = None if default.takes_self else default.factory()
            fields.append(
                Parameter(
                    name=a.name,
                    wire=_wire_name(a.name),
                    type=hints[a.name],
                    has_default=a.default is not attrs.NOTHING,
                    default=default,
                    description=a.metadata.get("description") or comments.get(a.name),
                )
            )
        return tuple(fields)
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        factory = f.default_factory
        has_factory = callable(factory)
        has_default = f.default is not dataclasses.MISSING
        fields.append(
            Parameter(
                name=f.name,
                wire=_wire_name(f.name),
                type=hints[f.name],
                has_default=has_default or has_factory,
                default=factory() if callable(factory) else f.default,
                description=f.metadata.get("description") or comments.get(f.name),
            )
        )
    return tuple(fields)


def _field_comments(cls: type) -> dict[str, str]:
    """Field docs from the source: ``#:`` comments above a field, or a string just below it."""
    found = _module_classes(cls.__module__).get(cls.__qualname__)
    if found is None:
        return {}  # no source (an interactive session, a generated or local class)
    node, lines = found
    docs: dict[str, str] = {}
    for index, statement in enumerate(node.body):
        if not (isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)):
            continue
        name = statement.target.id
        following = node.body[index + 1] if index + 1 < len(node.body) else None
        if (
            isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            docs[name] = inspect.cleandoc(following.value.value)
            continue
        above: list[str] = []
        row = statement.lineno - 2
        while row >= 0 and lines[row].strip().startswith("#:"):
            above.insert(0, lines[row].strip()[2:].strip())
            row -= 1
        if above:
            docs[name] = " ".join(above)
    return docs


@functools.lru_cache(maxsize=64)
def _module_classes(module_name: str) -> dict[str, tuple[ast.ClassDef, list[str]]]:
    """Every class statement of a module by qualified name, parsed once per module."""
    module = sys.modules.get(module_name)
    try:
        source = inspect.getsource(module) if module is not None else ""
        tree = ast.parse(source)
    except (OSError, TypeError, SyntaxError):
        return {}
    lines = source.splitlines()
    classes: dict[str, tuple[ast.ClassDef, list[str]]] = {}

    def visit(body: list[ast.stmt], prefix: str) -> None:
        for statement in body:
            if isinstance(statement, ast.ClassDef):
                qualname = prefix + statement.name
                classes[qualname] = (statement, lines)
                visit(statement.body, qualname + ".")

    visit(tree.body, "")
    return classes


def _normalise(value: Any, t: Any) -> Any:
    """Undo the strict spellings (``null`` for a default, maps as pairs); never raises.

    Anything that does not have the expected shape is returned as is, for the converter to
    report precisely.
    """
    if is_record(t):
        if not isinstance(value, dict):
            return value
        out = dict(value)
        for field in record_fields(t):
            if field.wire not in out:
                continue
            item = out[field.wire]
            if item is None and field.has_default and not _admits_none(field.type):
                del out[field.wire]
            else:
                out[field.wire] = _normalise(item, field.type)
        return out
    origin = get_origin(t)
    if origin is list and isinstance(value, list):
        (item_type,) = get_args(t)
        return [_normalise(v, item_type) for v in value]
    if origin is dict:
        item_type = get_args(t)[1]
        if isinstance(value, list) and all(_is_pair(p) for p in value):
            return {p["key"]: _normalise(p["value"], item_type) for p in value}
        if isinstance(value, dict):
            return {k: _normalise(v, item_type) for k, v in value.items()}
        return value
    if _is_union(t):
        member = _member_for(value, get_args(t))
        return value if member is None else _normalise(value, member)
    return value


def _is_pair(value: Any) -> bool:
    return (
        isinstance(value, Mapping)
        and set(value) == {"key", "value"}
        and isinstance(value["key"], str)
    )


def _member_for(value: Any, members: tuple[Any, ...]) -> Any:
    """The union member a JSON array or object belongs to (members differ by JSON kind)."""
    if isinstance(value, dict):
        return next((m for m in members if is_record(m) or get_origin(m) is dict), None)
    if isinstance(value, list):
        return next((m for m in members if get_origin(m) in (list, dict)), None)
    return None
