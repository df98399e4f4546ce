"""The one module that knows cattrs: models to JSON-ready values and back.

Rules the wire needs, kept here so the models stay plain data:

- Decoding is lossless. Keys a class does not model go into its ``extra`` dict, and an unknown
  member of a tagged union (a new content part, reasoning detail, tool, plugin...) becomes the
  union's ``Unknown...`` class holding the raw dict; both are sent back out unchanged.
- Enums are open (``Literal[...] | str``): an unknown value passes as a plain ``str``.
- ``None`` means absent: ``None`` fields are left out of the JSON, and a JSON ``null`` decodes
  as ``None``. Discriminators (``type``, ``role``, plugin ``id``) have non-``None`` defaults, so
  they are always sent.
- A field named after a Python keyword carries a trailing underscore (``from_`` is ``"from"``).
- Scalars are checked, never coerced: ``"5"`` for an ``int`` field is an error, and an integer
  in a ``float`` field stays an ``int`` so it re-encodes byte for byte.

Speed: stream chunks are decoded one per SSE event, so the happy path is one generated
function per class (slots set directly, inline scalar checks, absent fields skipped).
Only when it fails does cattrs' detailed-validation converter run again, to say where and
what was expected. Hooks are made on first use; a model's hooks (both ways) interpret their
first uses and compile their generated function only after ``_COMPILE_AFTER`` of them
(``_tiered``), so a one-request process compiles none. Model annotations are strings naming
classes of other model modules; one whose module is not loaded yet stays a placeholder until a
value needs it, so a call creates only the model modules its data touches. The happy path
does not import cattrs at all (``_FastConverter``); it is loaded to explain a failure, or
for a caller's own record classes (structured output).
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import importlib
import json
import keyword
import sys
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeVar, get_args, get_origin

import attrs
from attrs import AttrsInstance
from returns.result import Failure, Result, Success

if TYPE_CHECKING:
    from cattrs import Converter

    # Imported where an error is made or matched: a call that succeeds creates no error
    # class (each is an attrs class, compiled when created; issue 16, cold start).
    from openrouter_core.errors import ResponseValidationError, SDKValidationError

__all__ = ["from_dict", "to_dict"]

T = TypeVar("T")

_TAG_FIELDS = ("type", "role", "id")
_SCALARS = (str, int, float, bool, type(None))
_SCALAR_SET = frozenset(_SCALARS)
_JSON_NAMES = {
    str: "a string",
    int: "an integer",
    float: "a number",
    bool: "a boolean",
    list: "an array",
    dict: "an object",
    type(None): "null",
}


_MISSING = object()


class _Mismatch(ValueError):
    """A JSON value of the wrong kind; the message says what was expected."""


def _expected(what: str, value: object) -> _Mismatch:
    return _Mismatch(f"expected {what}, got {_JSON_NAMES.get(type(value), type(value).__name__)}")


class _Deferred:
    """A model name whose module is not imported yet, standing in for it inside annotations.

    Its hook imports the module when a value first needs it, so decoding a plain text reply
    never creates the classes of content parts, reasoning details or routing metadata.
    """

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def resolve(self) -> Any:
        return getattr(importlib.import_module("openrouter_core.models"), self.name)

    def __call__(self, *args: Any) -> Any:  # typing accepts only callables in unions
        raise TypeError(f"{self.name} is not resolved yet")

    def __or__(self, other: Any) -> Any:
        return typing.Union[self, other]  # noqa: UP007 (the | form needs real types)

    def __ror__(self, other: Any) -> Any:
        return typing.Union[other, self]  # noqa: UP007

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Deferred) and other.name == self.name

    def __hash__(self) -> int:
        return hash(self.name)

    def __repr__(self) -> str:
        return self.name


class _ModelNamespace(dict[str, Any]):
    """Looks names up in ``openrouter_core.models`` while resolving string annotations.

    ``eval`` asks this namespace first; a name it does not know (``str``, ``Literal``) falls
    through to the model's module. A model whose module is loaded comes back as itself, any
    other as a ``_Deferred`` placeholder.
    """

    def __missing__(self, name: str) -> Any:
        models = importlib.import_module("openrouter_core.models")
        home = models._MODULE_OF.get(name)
        if home is None:
            raise KeyError(name)
        module = sys.modules.get(f"openrouter_core.models.{home}")
        return _Deferred(name) if module is None else getattr(module, name)


def _has_deferred(t: Any) -> bool:
    return isinstance(t, _Deferred) or any(_has_deferred(a) for a in get_args(t))


def _resolved(t: Any) -> Any:
    """``t`` with every ``_Deferred`` replaced by the model it names (importing its module)."""
    if isinstance(t, _Deferred):
        return t.resolve()
    args = get_args(t)
    if not args or get_origin(t) is Literal:
        return t
    if _is_union(t):
        return typing.Union[tuple(_resolved(a) for a in args)]  # noqa: UP007
    return get_origin(t)[tuple(_resolved(a) for a in args)]


_MODEL_NAMESPACE = _ModelNamespace()

_ANNOTATION_CODE: dict[str, types.CodeType] = {}
"""Each annotation string compiled once: most recur (``str | None``, ``int | None``...)."""
_ANNOTATION_TYPES: dict[tuple[str, str], Any] = {}
"""Evaluated annotations by string and module, those without a ``_Deferred`` placeholder
(which the model, once its module is loaded, replaces)."""


def _annotation(annotation: Any, module: str) -> Any:
    """A model field's type: its annotation string evaluated in its module, model names
    resolved by ``_MODEL_NAMESPACE``, as ``typing.get_type_hints`` would (which builds a
    ``ForwardRef`` and compiles the string for every field)."""
    if not isinstance(annotation, str):
        return annotation  # resolved already (``attrs.resolve_types`` on the detailed path)
    key = (annotation, module)
    found = _ANNOTATION_TYPES.get(key)
    if found is not None:
        return found
    code = _ANNOTATION_CODE.get(annotation)
    if code is None:
        code = _ANNOTATION_CODE[annotation] = compile(annotation, "<annotation>", "eval")
    value = eval(code, vars(sys.modules[module]), _MODEL_NAMESPACE)
    if value is None:
        value = type(None)
    if not _has_deferred(value):
        _ANNOTATION_TYPES[key] = value
    return value


def _field_types(cls: type) -> dict[str, Any]:
    """The types of a model's fields by name (see ``_annotation``)."""
    return {a.name: _annotation(a.type, cls.__module__) for a in attrs.fields(cls)}


def _wire_name(name: str) -> str:
    stem = name[:-1]
    return stem if name.endswith("_") and keyword.iskeyword(stem) else name


def _is_unknown_member(cls: type) -> bool:
    """``Unknown...`` classes have the single field ``raw``: the member as received."""
    return [a.name for a in attrs.fields(cls)] == ["raw"]


def _is_union(t: Any) -> bool:
    return get_origin(t) in (typing.Union, types.UnionType)


def _is_list(t: Any) -> bool:
    """``list[X]``, or the ``Sequence[X]`` of request-side fields: both decode to a list."""
    return get_origin(t) in (list, Sequence)


def _is_dict(t: Any) -> bool:
    return get_origin(t) is dict


def _is_literal(t: Any) -> bool:
    return get_origin(t) is Literal


def _is_any(t: Any) -> bool:
    return t is Any


def _is_enum(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, enum.Enum)


def _is_dataclass(t: Any) -> bool:
    return isinstance(t, type) and dataclasses.is_dataclass(t)


def _is_model(cls: type) -> bool:
    """The SDK's own wire models (generated code); any other class is a caller's record."""
    return cls.__module__.startswith("openrouter_core.")


def _is_model_class(t: Any) -> bool:
    return attrs.has(t) and _is_model(t)


def _structure_none(value: Any, _: Any) -> Any:
    if value is None:
        return None
    raise _expected("null", value)


def _literal_key(value: Any) -> tuple[type, Any]:
    """Literal values compare by JSON kind too: ``True`` is not ``1``, ``1`` is not ``1.0``."""
    return (value.__class__, value)


def _check_scalar(kind: type) -> Callable[[Any, Any], Any]:
    accepted = (int, float) if kind is float else (kind,)
    what = _JSON_NAMES[kind]

    def structure(value: Any, _: Any) -> Any:
        if value.__class__ in accepted:
            return value
        raise _expected(what, value)

    structure.kinds = frozenset(accepted)  # type: ignore[attr-defined]
    return structure


def _structure_any(value: Any, _: Any) -> Any:
    return value


def _builder(cls: type) -> type | None:
    """A subclass of ``cls`` with its layout, ``object``'s attribute setting and a blank
    ``__init__``, or ``None``.

    A decoded object is filled as one of these, then its ``__class__`` is set to ``cls``: the
    two share their memory layout, so CPython allows it, and the result is an ordinary
    frozen ``cls`` (same type, equality, hash and repr). ``None`` if the interpreter refuses.
    """
    builder = type(
        f"_Build{cls.__name__}",
        (cls,),
        {
            "__slots__": (),
            "__module__": cls.__module__,
            # Both, so that the type's setattr slot is the generic one and stores specialise.
            "__setattr__": object.__setattr__,
            "__delattr__": object.__delattr__,
            # ``builder()`` then makes a blank object: cheaper than ``object.__new__(builder)``.
            "__init__": object.__init__,
        },
    )
    try:
        probe: Any = object.__new__(builder)
        probe.__class__ = cls
    except TypeError:
        return None
    return builder


_COMPILE_AFTER = 32
"""Uses of a model's hook that are interpreted before its generated code is compiled."""


def _first_uses(o: Any, _: Any = None, *, interpret: Callable[[Any], Any]) -> Any:
    """The code of a ``_tiered`` hook until its generated code replaces it."""
    return interpret(o)


def _tiered(
    name: str,
    filename: str,
    namespace: dict[str, Any],
    *,
    interpret: Callable[[Any], Any],
    source: Callable[[], str],
    compile_after: int,
) -> Callable[..., Any]:
    """A model's hook: ``interpret`` for its first ``compile_after`` uses, then the function
    ``source`` defines, compiled with ``namespace`` as its globals.

    Compiling a generated function costs 0.2-2 ms a class, more than a one-request process
    spends decoding with it (issue 16, cold start), and repays only over many uses. The
    hook stays one function object throughout, since parents, list hooks and callers keep
    it: at the switch its code is replaced in place, so no call layer is left on the hot
    path. ``compile_after=0`` compiles at once.
    """

    def compiled() -> types.FunctionType:
        exec(compile(source(), filename, "exec"), namespace)
        generated: types.FunctionType = namespace[name]
        return generated

    if compile_after <= 0:
        return compiled()
    hook = types.FunctionType(_first_uses.__code__, namespace, name, (None,))
    uses = 0

    def counted(value: Any) -> Any:
        nonlocal uses
        uses += 1
        if uses == compile_after:
            generated = compiled()
            hook.__code__ = generated.__code__
            hook.__defaults__ = generated.__defaults__
            hook.__kwdefaults__ = None  # lets the interpreter go
        return interpret(value)

    hook.__kwdefaults__ = {"interpret": counted}
    return hook


_Field = tuple[
    int, str, str | None, Callable[[Any, Any], Any] | None, Any, Any, frozenset[type] | None
]
"""How ``_fast_structure`` decodes one field: its position, name, wire name (``None`` for
``extra``), hook, type, default, and the JSON kinds that pass unchecked (for a hook that
only checks the kind). A plain tuple: a ``NamedTuple`` class costs a fresh process eight
compiles."""


def _structure_source(cls: type, plan: list[_Field], builder: bool) -> str:
    """The source of ``_fast_structure``'s function; its globals are the namespace there."""

    def store(name: str, value: str) -> str:
        return f"    obj.{name} = {value}" if builder else f"    s_{name}(obj, {value})"

    body = ["    obj = builder()" if builder else "    obj = new(cls)"]
    for i, name, wire, _, _, default, kinds in plan:
        if wire is None:
            # Keys the class does not model, kept verbatim; usually none.
            body.append(
                store(
                    "extra",
                    "{} if known.issuperset(o) else {k: v for k, v in o.items() if k not in known}",
                )
            )
            continue
        if kinds is not None:
            check = f"(v if v.__class__ in k{i} else h{i}(v, t{i}))"
        else:
            check = f"h{i}(v, t{i})"
        if default is attrs.NOTHING:  # a missing key raises KeyError
            body.append(f"    v = o[{wire!r}]")
            value = check
        elif default is None:
            value = f"None if (v := get({wire!r})) is None else {check}"
        else:
            value = f"d{i} if (v := get({wire!r}, MISSING)) is MISSING else {check}"
        body.append(store(name, value))
    if builder:
        body.append("    obj.__class__ = cls")
    return "\n".join(
        [
            f"def structure_{cls.__name__}(o, _=None):",
            "    if o.__class__ is not dict:",
            "        raise expected('an object', o)",
            "    get = o.get",
            *body,
            "    return obj",
        ]
    )


def _interpreted_structure(
    cls: type, builder: type | None, plan: list[_Field], known: frozenset[str]
) -> Callable[[Any], Any]:
    """What ``_structure_source`` generates, as a loop over the fields (its first uses):
    the same checks in the same order, so the same value or the same exception."""
    steps = [
        (cls.__dict__[name].__set__, wire, hook, kind, default, kinds)
        for _, name, wire, hook, kind, default, kinds in plan
        if wire is not None and hook is not None
    ]
    set_extra = next(
        (cls.__dict__[name].__set__ for _, name, wire, *_ in plan if wire is None), None
    )

    def structure(o: Any) -> Any:
        if o.__class__ is not dict:
            raise _expected("an object", o)
        obj = object.__new__(cls) if builder is None else builder()
        for store, wire, hook, kind, default, kinds in steps:
            if default is attrs.NOTHING:
                v = o[wire]
            else:
                v = o.get(wire, _MISSING)
                if v is _MISSING or (v is None and default is None):
                    store(obj, default)
                    continue
            store(obj, v if kinds is not None and v.__class__ in kinds else hook(v, kind))
        if set_extra is not None:  # cannot fail, so its place among the fields does not matter
            set_extra(
                obj, {} if known.issuperset(o) else {k: v for k, v in o.items() if k not in known}
            )
        if builder is not None:
            obj.__class__ = cls
        return obj

    return structure


class _Hooks:
    """Hook factories for one converter; the fast and the detailed one get the same rules."""

    def __init__(
        self, converter: Converter | _FastConverter, compile_after: int = _COMPILE_AFTER
    ) -> None:
        self.converter = converter
        self.detailed = converter.detailed_validation
        self.compile_after = compile_after

    def factories(self) -> list[tuple[Callable[[Any], bool], Callable[[Any], Any]]]:
        """Structure hook factories of the wire models by predicate, the one to try first
        first; a caller's records (``record_structure``) are cattrs' business."""
        return [
            (_has_deferred, self.deferred_structure),
            (_is_union, self.union_structure),
            (_is_literal, self.literal_structure),
            (_is_dict, self.dict_structure),
            (_is_list, self.list_structure),
            (_is_model_class, self.attrs_structure),
            (_is_enum, self.enum_structure),
        ]

    def install(self, c: Converter) -> None:
        """Register the rules on a cattrs converter (which tries the last registered first)."""
        for kind in (str, int, float, bool):
            c.register_structure_hook(kind, _check_scalar(kind))
        c.register_structure_hook(type(None), _structure_none)
        c.register_structure_hook_func(_is_any, _structure_any)
        c.register_structure_hook_factory(_is_dataclass, self.record_structure)
        c.register_structure_hook_factory(attrs.has, self.attrs_structure)
        for predicate, factory in reversed(self.factories()):
            c.register_structure_hook_factory(predicate, factory)
        c.register_unstructure_hook_factory(attrs.has, self.attrs_unstructure)

    def attrs_structure(self, cls: type) -> Callable[[Any, Any], Any]:
        if _is_unknown_member(cls):

            def structure_unknown(value: Any, _: Any = None) -> Any:
                if value.__class__ is not dict:
                    raise _expected("an object", value)
                return cls(raw=value)

            return structure_unknown

        if not _is_model(cls):
            return self.record_structure(cls)
        converter = self.converter
        if not self.detailed or isinstance(converter, _FastConverter):
            return self._fast_structure(cls, attrs.fields(cls), _field_types(cls))
        attrs.resolve_types(cls, localns=_MODEL_NAMESPACE)  # for cattrs, which reads a.type
        fields = attrs.fields(cls)
        # The detailed converter reuses cattrs' generated code, which reports every bad field.
        from cattrs.gen import make_dict_structure_fn, override

        overrides = {
            a.name: override(omit=True)
            if a.name == "extra"
            else override(rename=_wire_name(a.name))
            for a in fields
        }
        base: Callable[[Any, Any], Any] = make_dict_structure_fn(
            cls,
            converter,
            _cattrs_detailed_validation=True,
            **overrides,  # type: ignore[arg-type]
        )
        known = frozenset(_wire_name(a.name) for a in fields if a.name != "extra")
        keeps_extra = "extra" in {a.name for a in fields}

        def structure(value: Any, _: Any) -> Any:
            if value.__class__ is not dict:
                raise _expected("an object", value)
            obj = base(value, cls)
            if keeps_extra and not known.issuperset(value):
                obj.extra.update({k: v for k, v in value.items() if k not in known})
            return obj

        return structure

    def record_structure(self, cls: type) -> Callable[[Any, Any], Any]:
        """A caller's attrs class or dataclass (structured output, tool arguments).

        Off the streaming hot path, so cattrs' generated function serves both converters;
        the wire names are the field names (a keyword's trailing underscore dropped).
        """
        from cattrs.gen import make_dict_structure_fn, override

        converter = self.converter
        if isinstance(converter, _FastConverter):  # not reached: it hands records to cattrs
            return _cattrs_fast().get_structure_hook(cls)
        if attrs.has(cls):
            attrs.resolve_types(cls)
            names = [a.name for a in attrs.fields(cls) if a.init]
        else:
            names = [f.name for f in dataclasses.fields(cls) if f.init]
        base: Callable[[Any, Any], Any] = make_dict_structure_fn(
            cls,
            converter,
            _cattrs_detailed_validation=self.detailed,
            **{n: override(rename=_wire_name(n)) for n in names},  # type: ignore[arg-type]
        )

        def structure(value: Any, _: Any) -> Any:
            if value.__class__ is not dict:
                raise _expected("an object", value)
            return base(value, cls)

        return structure

    def enum_structure(self, t: Any) -> Callable[[Any, Any], Any]:
        by_value = {_literal_key(m.value): m for m in t}
        what = " or ".join(repr(m.value) for m in t)

        def structure(value: Any, _: Any) -> Any:
            member = by_value.get(_literal_key(value))
            if member is None:
                raise _Mismatch(f"expected {what}, got {value!r}")
            return member

        return structure

    def _fast_structure(
        self, cls: type, fields: Any, types_of: dict[str, Any]
    ) -> Callable[[Any, Any], Any]:
        """One generated function per class: a stream decodes one chunk per SSE event.

        Its verdicts match the detailed (cattrs-generated) structure function, which only
        runs to explain a failure. Absent and null optional fields skip their hook, and
        scalars are checked inline. The object is filled as an instance of ``_builder(cls)``
        (plain slot stores, which the interpreter specialises) and then becomes a ``cls``
        by ``__class__`` assignment; a frozen class's ``__setattr__`` would cost ten times
        as much per field. Where the interpreter refuses that assignment, each slot is set
        through its descriptor instead. Its first uses run ``_interpreted_structure``, the
        same steps as a loop (``_tiered``).
        """
        names = [a.name for a in fields]
        if (
            "__slots__" not in cls.__dict__
            or any(a.validator is not None or a.converter is not None for a in fields)
            or hasattr(cls, "__attrs_pre_init__")
            or hasattr(cls, "__attrs_post_init__")
        ):
            raise TypeError(f"{cls.__name__}: decoding needs slotted attrs classes without hooks")
        builder = _builder(cls)
        namespace: dict[str, Any] = {
            "cls": cls,
            "builder": builder or cls,
            "new": object.__new__,
            "expected": _expected,
            "known": frozenset(_wire_name(n) for n in names if n != "extra"),
            "MISSING": _MISSING,
            **{f"s_{n}": cls.__dict__[n].__set__ for n in names},
        }
        plan: list[_Field] = []
        for i, a in enumerate(fields):
            if a.name == "extra":
                plan.append((i, "extra", None, None, None, a.default, None))
                continue
            kind = types_of[a.name]
            hook = self.converter.get_structure_hook(kind)
            namespace.update({f"h{i}": hook, f"t{i}": kind, f"d{i}": a.default})
            kinds = getattr(hook, "kinds", None)
            if kinds is not None:
                namespace[f"k{i}"] = kinds
            plan.append((i, a.name, _wire_name(a.name), hook, kind, a.default, kinds))
        return _tiered(
            f"structure_{cls.__name__}",
            f"<structure {cls.__module__}.{cls.__qualname__}>",
            namespace,
            interpret=_interpreted_structure(cls, builder, plan, namespace["known"]),
            source=functools.partial(_structure_source, cls, plan, builder is not None),
            compile_after=self.compile_after,
        )

    def deferred_structure(self, t: Any) -> Callable[[Any, Any], Any]:
        """Resolve on the first value that needs the type; ``None`` never does."""
        hook: Callable[[Any, Any], Any] | None = None
        real: Any = None
        # Scalars that a member needing no import accepts (``str`` in ``str | list[Part]``).
        plain = set(get_args(t) if _is_union(t) else ()) & set(_SCALARS)
        if float in plain:
            plain.add(int)

        def structure(value: Any, _: Any) -> Any:
            nonlocal hook, real
            if value.__class__ in plain:
                return value
            if hook is None:
                real = _resolved(t)
                hook = self.converter.get_structure_hook(real)
            return hook(value, real)

        return structure

    def list_structure(self, t: Any) -> Callable[[Any, Any], Any]:
        (item,) = get_args(t) or (Any,)
        hook = self.converter.get_structure_hook(item)
        if not self.detailed:

            def structure(value: Any, _: Any) -> Any:
                if value.__class__ is not list:
                    raise _expected("an array", value)
                return [hook(x, item) for x in value]

            return structure

        from cattrs.errors import IterableValidationError, IterableValidationNote

        def structure_detailed(value: Any, _: Any) -> Any:
            if value.__class__ is not list:
                raise _expected("an array", value)
            out, errors = [], []
            for i, x in enumerate(value):
                try:
                    out.append(hook(x, item))
                except Exception as e:
                    e.add_note(IterableValidationNote(f"Structuring {t} @ index {i}", i, item))
                    errors.append(e)
            if errors:
                raise IterableValidationError(f"While structuring {t!r}", errors, t)
            return out

        return structure_detailed

    def dict_structure(self, t: Any) -> Callable[[Any, Any], Any]:
        args = get_args(t)
        item = args[1] if len(args) == 2 else Any
        if item is Any:
            # Free-form maps (tool parameters, metadata) are kept as received.
            def structure(value: Any, _: Any) -> Any:
                if value.__class__ is not dict:
                    raise _expected("an object", value)
                return value

            return structure
        hook = self.converter.get_structure_hook(item)

        def structure_items(value: Any, _: Any) -> Any:
            if value.__class__ is not dict:
                raise _expected("an object", value)
            return {k: hook(v, item) for k, v in value.items()}

        return structure_items

    def literal_structure(self, t: Any) -> Callable[[Any, Any], Any]:
        values = get_args(t)
        what = " or ".join(map(repr, values))
        if all(v.__class__ is str for v in values):
            allowed = frozenset(values)

            def structure(value: Any, _: Any) -> Any:
                if value.__class__ is str and value in allowed:
                    return value
                raise _Mismatch(f"expected {what}, got {value!r}")

            return structure
        keys = frozenset(map(_literal_key, values))

        def structure_any(value: Any, _: Any) -> Any:
            if _literal_key(value) in keys:
                return value
            raise _Mismatch(f"expected {what}, got {value!r}")

        return structure_any

    def union_structure(self, t: Any) -> Callable[[Any, Any], Any]:
        """Dispatch on the JSON value's kind, then (for objects) on the discriminator."""
        members = get_args(t)
        by_kind: dict[type, Callable[[Any], Any]] = {}
        open_str = str in members
        if open_str:
            by_kind[str] = _identity
        for value_kind, hook in self._value_sets(members).items():
            by_kind.setdefault(value_kind, hook)
        if type(None) in members:
            by_kind[type(None)] = _identity
        if bool in members:
            by_kind[bool] = _identity
        if int in members:
            by_kind[int] = _identity
        if float in members:
            by_kind[float] = _identity
            by_kind.setdefault(int, _identity)
        lists = [m for m in members if _is_list(m)]
        if len(lists) == 1:
            by_kind[list] = self._lazy(lists[0])
        elif lists:
            by_kind[list] = self._first_fit([self._lazy(m) for m in lists])
        classes = [m for m in members if attrs.has(m) or _is_dataclass(m)]
        maps = [m for m in members if get_origin(m) is dict]
        if len(classes) == 1 and not _is_model(classes[0]):
            by_kind[dict] = self._lazy(classes[0])
        elif classes:
            by_kind[dict] = self._tagged(t, classes)
        elif maps:
            by_kind[dict] = _identity
        what = " or ".join(sorted(_JSON_NAMES[k] for k in by_kind))
        # Fast shapes first: they are most fields (``str | None``, ``Model | None``).
        if all(handler is _identity for handler in by_kind.values()):
            return self._kinds_only(frozenset(by_kind), what)
        if set(by_kind) == {type(None), dict} and len(classes) == 1:
            return self._optional(classes[0], what)

        def structure(value: Any, _: Any) -> Any:
            handler = by_kind.get(value.__class__)
            if handler is None:
                raise _expected(what, value)
            return handler(value)

        return structure

    def _value_sets(self, members: tuple[Any, ...]) -> dict[type, Callable[[Any], Any]]:
        """Handlers by JSON kind for a union's Literal and Enum members (one member per kind)."""
        literals = [v for m in members if get_origin(m) is Literal for v in get_args(m)]
        handlers: dict[type, Callable[[Any], Any]] = {}
        for value_kind in dict.fromkeys(v.__class__ for v in literals):
            hook = self.literal_structure(
                Literal[tuple(v for v in literals if v.__class__ is value_kind)]
            )
            handlers[value_kind] = _bound(hook)
        for member in members:
            if _is_enum(member):
                enum_hook = _bound(self.enum_structure(member))
                for value_kind in {m.value.__class__ for m in member}:
                    handlers.setdefault(value_kind, enum_hook)
        return handlers

    @staticmethod
    def _kinds_only(kinds: frozenset[type], what: str) -> Callable[[Any, Any], Any]:
        def structure(value: Any, _: Any) -> Any:
            if value.__class__ in kinds:
                return value
            raise _expected(what, value)

        structure.kinds = kinds  # type: ignore[attr-defined]
        return structure

    def _optional(self, cls: type, what: str) -> Callable[[Any, Any], Any]:
        hook: Callable[[Any, Any], Any] | None = None

        def structure(value: Any, _: Any) -> Any:
            nonlocal hook
            if value is None:
                return None
            if value.__class__ is not dict:
                raise _expected(what, value)
            if hook is None:
                hook = self.converter.get_structure_hook(cls)
            return hook(value, cls)

        return structure

    def _lazy(self, t: Any) -> Callable[[Any], Any]:
        """The hook for ``t``, looked up on first use (a union's members may never occur)."""
        hook: Callable[[Any, Any], Any] | None = None

        def call(value: Any) -> Any:
            nonlocal hook
            if hook is None:
                hook = self.converter.get_structure_hook(t)
            return hook(value, t)

        return call

    @staticmethod
    def _first_fit(hooks: list[Callable[[Any], Any]]) -> Callable[[Any], Any]:
        """Arrays of several shapes (strings, token ids, lists of ids...): the first that fits."""

        def structure(value: Any) -> Any:
            for hook in hooks[:-1]:
                try:
                    return hook(value)
                except Exception:  # this shape does not fit; the next may
                    continue
            return hooks[-1](value)

        return structure

    def _tagged(self, union: Any, classes: list[type]) -> Callable[[Any], Any]:
        known = [c for c in classes if not _is_unknown_member(c)]

        def tag_type(cls: type, field: str) -> Any:
            return _annotation(attrs.fields_dict(cls)[field].type, cls.__module__)

        tag_field = next(
            (
                f
                for f in _TAG_FIELDS
                if all(f in attrs.fields_dict(c) for c in known)
                and any(get_origin(tag_type(c, f)) is Literal for c in known)
            ),
            None,
        )
        if tag_field is None:
            if len(classes) != 1:
                raise TypeError(f"cannot tell the members of {union} apart")
            return self._lazy(classes[0])
        tags: dict[str, Callable[[Any], Any]] = {}
        fallback: Callable[[Any], Any] | None = None
        for cls in classes:
            tag = tag_type(cls, tag_field) if cls in known else None
            if get_origin(tag) is Literal:
                for value in get_args(tag):
                    tags[value] = self._lazy(cls)
            else:
                fallback = self._lazy(cls)  # the Unknown... class, or a class with a plain str tag
        expected = " or ".join(repr(v) for v in tags)

        def structure(value: dict[str, Any]) -> Any:
            tag = value.get(tag_field)
            handler = tags.get(tag) if tag.__class__ is str else None
            if handler is not None:
                return handler(value)
            if fallback is not None:
                return fallback(value)
            raise _Mismatch(f"expected {tag_field} {expected}, got {tag!r}")

        return structure

    def attrs_unstructure(self, cls: type) -> Callable[[Any], Any]:
        if _is_unknown_member(cls):
            return lambda obj: obj.raw
        namespace: dict[str, Any] = {"scalars": _SCALAR_SET, "un": _unstructure}
        return _tiered(
            f"unstructure_{cls.__name__}",
            f"<unstructure {cls.__module__}.{cls.__qualname__}>",
            namespace,
            interpret=_interpreted_unstructure(cls),
            source=functools.partial(_unstructure_source, cls),
            compile_after=self.compile_after,
        )


def _unstructure_source(cls: type) -> str:
    """One generated function per class, the twin of ``_fast_structure``: a request has
    dozens of fields, nearly all ``None``, and a plain attribute load and ``is None`` per
    field cost a fraction of a loop calling ``getattr``. Scalars are kept as they are; any
    other value goes through ``_unstructure``; ``extra`` keys come last, never overriding."""
    body = []
    for a in attrs.fields(cls):
        if a.name == "extra":
            continue
        body += [
            f"    v = obj.{a.name}",
            "    if v is not None:",
            f"        out[{_wire_name(a.name)!r}] = v if v.__class__ in scalars else un(v)",
        ]
    if "extra" in attrs.fields_dict(cls):
        body += [
            "    if obj.extra:",
            "        for key, v in obj.extra.items():",
            "            if key not in out:",
            "                out[key] = un(v)",
        ]
    name = f"unstructure_{cls.__name__}"
    return "\n".join([f"def {name}(obj):", "    out = {}", *body, "    return out"])


def _interpreted_unstructure(cls: type) -> Callable[[Any], dict[str, Any]]:
    """What ``_unstructure_source`` generates, as a loop over the fields (its first uses)."""
    fields = tuple((a.name, _wire_name(a.name)) for a in attrs.fields(cls) if a.name != "extra")
    keeps_extra = "extra" in attrs.fields_dict(cls)

    def unstructure(obj: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, wire in fields:
            v = getattr(obj, name)
            if v is not None:
                out[wire] = v if v.__class__ in _SCALAR_SET else _unstructure(v)
        if keeps_extra and obj.extra:
            for key, v in obj.extra.items():
                if key not in out:
                    out[key] = _unstructure(v)
        return out

    return unstructure


def _identity(value: Any) -> Any:
    return value


def _bound(hook: Callable[[Any, Any], Any]) -> Callable[[Any], Any]:
    """A structure hook as a one-argument handler (for a union's by-kind dispatch)."""
    return lambda value: hook(value, None)


def _unstructure(value: Any) -> Any:
    """JSON-ready form of a model, dispatching on the runtime class (so no types are resolved)."""
    cls = value.__class__
    if cls in _SCALAR_SET:
        return value
    hook = _fast.unstructure_hooks.get(cls)  # a model seen before: before the ABC check below
    if hook is not None:
        return hook(value)
    if cls is list or cls is tuple:
        return [_unstructure(x) for x in value]
    if cls is dict:
        return {k: _unstructure(x) for k, x in value.items()}
    if isinstance(value, Sequence) and not isinstance(value, str | bytes):
        return [_unstructure(x) for x in value]  # any other sequence a Sequence field holds
    return _fast.unstructure(value)


class _FastConverter:
    """The converter of the happy path: the wire models' rules of ``_Hooks``, dispatched by
    predicate and cached per type, without cattrs.

    Importing cattrs costs about as much as the rest of a first request's own work, and
    every type a wire model uses has a hook here. cattrs is loaded only to explain a failure
    (``_detailed``) and for types no wire model has, such as a caller's own attrs classes
    and dataclasses (``_cattrs_fast``: the same rules on cattrs' JSON converter).
    """

    detailed_validation = False
    structure_hooks: dict[Any, Callable[[Any, Any], Any]]
    """Made so far, by type; a hot caller may look its type up here first."""

    def __init__(self, compile_after: int = _COMPILE_AFTER) -> None:
        hooks = _Hooks(self, compile_after)
        self._factories = hooks.factories()
        self._unstructure_attrs = hooks.attrs_unstructure
        self.structure_hooks = {kind: _check_scalar(kind) for kind in (str, int, float, bool)}
        self.structure_hooks[type(None)] = _structure_none
        self.structure_hooks[Any] = _structure_any
        self.unstructure_hooks: dict[type, Callable[[Any], Any]] = {}
        """Made so far, by class (``_unstructure`` looks models up here first)."""

    def get_structure_hook(self, t: Any) -> Callable[[Any, Any], Any]:
        hook = self.structure_hooks.get(t)
        if hook is None:
            hook = next(
                (factory(t) for predicate, factory in self._factories if predicate(t)), None
            )
            if hook is None:
                hook = _cattrs_fast().get_structure_hook(t)
            self.structure_hooks[t] = hook
        return hook

    def unstructure(self, value: Any) -> Any:
        cls = value.__class__
        hook = self.unstructure_hooks.get(cls)
        if hook is None:
            if attrs.has(cls):
                hook = self._unstructure_attrs(cls)
            else:
                hook = _cattrs_fast().get_unstructure_hook(cls)
            self.unstructure_hooks[cls] = hook
        return hook(value)


def _make(detailed: bool) -> Converter:
    from cattrs.preconf.json import make_converter

    converter = make_converter(detailed_validation=detailed)
    _Hooks(converter).install(converter)
    return converter


_fast = _FastConverter()


@functools.cache
def _cattrs_fast() -> Converter:
    """The same rules on cattrs' JSON converter, for values of types no model field has."""
    return _make(detailed=False)


@functools.cache
def _detailed() -> Converter:
    """The converter that explains failures; built on the first failure only."""
    return _make(detailed=True)


_SUCCESS_BUILDER: Any = _builder(Success)


def success(value: T) -> Success[T]:
    """``Success(value)`` for the hot path: a stream makes one per chunk, and the class's
    own constructor (two Python ``__init__`` calls and an ``object.__setattr__``) costs
    five times as much as filling the slot directly (see ``_builder``)."""
    if _SUCCESS_BUILDER is None:
        return Success(value)
    made = _SUCCESS_BUILDER()
    made._inner_value = value
    made.__class__ = Success
    return made  # type: ignore[no-any-return]


def to_builtins(obj: object) -> Result[Any, SDKValidationError]:
    """Return ``obj`` as JSON-ready dicts and lists (``None`` fields left out, ``extra`` merged)."""
    try:
        return Success(_unstructure(obj))
    except Exception as e:  # a caller's value the converter cannot handle
        return Failure(_unserialisable(obj, e))


def builtins_or_error(obj: object) -> Any | SDKValidationError:
    """``to_builtins`` without the ``Result``, for the planner, which runs on every call."""
    try:
        return _unstructure(obj)
    except Exception as e:  # a caller's value the converter cannot handle
        return _unserialisable(obj, e)


def _unserialisable(obj: object, e: Exception) -> SDKValidationError:
    from openrouter_core.errors import SDKValidationError

    return SDKValidationError(message=f"cannot serialise {type(obj).__name__}: {e}")


def to_json(obj: object) -> Result[bytes, SDKValidationError]:
    """Return ``obj`` as compact UTF-8 JSON; NaN, infinities and non-JSON values are a Failure."""
    return to_builtins(obj).bind(_dumps)


def _dumps(value: Any) -> Result[bytes, SDKValidationError]:
    try:
        text = json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError, RecursionError) as e:
        from openrouter_core.errors import SDKValidationError

        return Failure(SDKValidationError(message=f"cannot serialise to JSON: {e}"))
    return Success(text.encode("utf-8"))


def from_builtins(value: Any, cls: type[T]) -> Result[T, ResponseValidationError]:
    """Decode ``value`` (what ``json.loads`` returns) as ``cls``.

    A value that does not fit gives ``ResponseValidationError`` whose ``details`` read
    ``"$.choices[0].index: expected an integer, got a string"``.
    """
    try:
        hook = _fast.structure_hooks.get(cls) or _fast.get_structure_hook(cls)
        return success(hook(value, cls))
    except Exception as fast_error:  # any failure of the data: explain it below
        return Failure(explain(value, cls, fast_error))


def decoder(cls: type[T]) -> Callable[[Any], T]:
    """``from_builtins`` for a hot loop: decodes a ``json.loads`` value as ``cls`` or raises.

    Whatever it raises, ``explain`` turns into the ``ResponseValidationError`` that
    ``from_builtins`` would have returned.
    """
    decode: Callable[[Any], T] = _fast.get_structure_hook(cls)  # type: ignore[assignment]
    return decode  # a model's hook needs only the value (its type argument has a default)


def to_dict(model: AttrsInstance) -> dict[str, Any]:
    """``model`` in its wire JSON shape: what the SDK sends or received, as plain dicts.

    Fields that are ``None`` (absent) are left out, and the keys this SDK does not model
    (``extra``, an ``Unknown...`` member's ``raw``) are merged back in where they came from,
    so ``from_dict(type(model), to_dict(model))`` gives ``model`` back. Unlike
    ``attrs.asdict`` it does not nest ``extra`` or keep nulls. Values are not checked for
    JSON here: sending does that.
    """
    value: dict[str, Any] = _unstructure(model)
    return value


def from_dict(cls: type[T], data: Mapping[str, Any]) -> Result[T, ResponseValidationError]:
    """Decode wire-shaped ``data`` (a config file, a log line) as ``cls``; never raises.

    The same decoder as for the server's answers: unknown keys are kept in ``extra``,
    scalars are checked and not coerced, and a value that does not fit is a
    ``Failure(ResponseValidationError)`` whose ``details`` name each place
    (``"$.messages[0].content: expected a string or an array, got an integer"``).
    """
    value = data if data.__class__ is dict else _as_dict(data)
    name = getattr(cls, "__name__", cls)
    return from_builtins(value, cls).alt(
        lambda error: attrs.evolve(error, message=f"data does not match {name}")
    )


def _as_dict(data: object) -> object:
    """A mapping of another class as a dict; anything else as it is (the decoder says why)."""
    try:
        return dict(data) if isinstance(data, Mapping) else data
    except Exception:  # a broken Mapping: decode it as given, which fails with a message
        return data


def from_json(data: bytes | str, cls: type[T]) -> Result[T, ResponseValidationError]:
    """Decode a JSON document as ``cls``; invalid JSON is a Failure too."""
    try:
        if isinstance(data, str):
            value = json.loads(data.removeprefix("\ufeff"))
        else:
            value = json.loads(data)
    except (ValueError, RecursionError) as e:  # JSONDecodeError and UnicodeDecodeError
        from openrouter_core.errors import ResponseValidationError

        text = data if isinstance(data, str) else data.decode("utf-8", "replace")
        return Failure(
            ResponseValidationError(
                message=f"response body is not JSON ({cls.__name__})", details=(str(e),), body=text
            )
        )
    result = from_builtins(value, cls)
    if isinstance(result, Failure):
        text = data if isinstance(data, str) else data.decode("utf-8", "replace")
        return Failure(attrs.evolve(result.failure(), body=text))
    return result


def explain(value: Any, cls: type, fast_error: Exception) -> ResponseValidationError:
    """Why ``value`` is not a ``cls``: the detailed converter's report of the same failure."""
    from cattrs import transform_error

    from openrouter_core.errors import ResponseValidationError

    message = f"response does not match {getattr(cls, '__name__', cls)}"
    try:
        _detailed().structure(value, cls)
    except Exception as e:  # the detailed converter's report of the same failure
        details = tuple(
            _reorder(line) for line in transform_error(e, path="$", format_exception=_describe)
        )
        return ResponseValidationError(message=message, details=details)
    return ResponseValidationError(message=message, details=(f"$: {_describe(fast_error, cls)}",))


def _describe(exc: BaseException, _: Any) -> str:
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, _Mismatch):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def _reorder(line: str) -> str:
    """cattrs says ``"what @ $.path"``; the details read ``"$.path: what"``."""
    what, _, path = line.rpartition(" @ ")
    return f"{path}: {what}" if what else line
