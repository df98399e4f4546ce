"""Equality for the models' ``Sequence`` fields, which hold whatever sequence the caller gave.

Request-side list fields are typed ``Sequence[...]`` so that a tuple or a ``list`` of one
member class type-checks (``list`` is invariant). The value is kept as given, and compared
through ``as_list``: a request built from a tuple equals the same request built from a list,
or decoded from its JSON.
"""

from __future__ import annotations

from typing import Any


def as_list(value: Any) -> Any:
    """The equality key of a ``Sequence`` field: a list for any sequence but ``str``.

    ``None``, strings (``content`` may be a string or parts) and lists are their own key.
    """
    if value is None or value.__class__ is list or isinstance(value, str):
        return value
    return list(value)
