"""Equality, hashing and ``repr`` of the SDK's attrs classes, written once for all of them.

attrs compiles each method it generates when a class is created: ``__eq__``, ``__hash__``
and ``__repr__`` cost a fresh process about 1.5M instructions a class before its first call
(issue 16, cold start). The classes ask attrs for ``__init__`` only (``eq=False,
repr=False``) and take these, which behave as attrs' own: instances of the same class are
equal when their ``eq`` fields, each through its ``eq_key`` (``eq=as_list``), compare equal
as one tuple; the hash is that tuple's with the class; ``repr`` lists the fields not marked
``repr=False``.
"""

from __future__ import annotations

from typing import Any

import attrs


def compared(value: Any) -> tuple[object, ...]:
    """What equality and hashing look at: each ``eq`` field, through its ``eq_key``."""
    return tuple(
        getattr(value, a.name) if a.eq_key is None else a.eq_key(getattr(value, a.name))
        for a in attrs.fields(value.__class__)
        if a.eq
    )


def value_repr(self: Any) -> str:
    """attrs' ``repr``: ``Class(field=value, ...)`` over the fields not marked ``repr=False``."""
    shown = ", ".join(
        f"{a.name}={getattr(self, a.name)!r}" for a in attrs.fields(self.__class__) if a.repr
    )
    return f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}({shown})"


class Value:
    """Base of the generated models and the settings classes (``RetryConfig``, ``Hooks``,
    ``Runtime`` ...): compared, hashed and shown by their fields."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        """attrs' ``__eq__``: another class is ``NotImplemented``, else the fields decide."""
        if other.__class__ is not self.__class__:
            return NotImplemented
        return compared(self) == compared(other)

    def __hash__(self) -> int:
        """attrs' ``__hash__`` of a frozen class: its class and compared fields (a list or dict
        field makes it unhashable, as there)."""
        return hash((self.__class__, *compared(self)))

    __repr__ = value_repr
