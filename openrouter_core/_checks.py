"""The checks of the core's and the per-call options' values, each naming the option.

Apart from the per-call settings classes (``_options``), which use them too: a core built
with the defaults checks its arguments without creating those classes (issue 16).
"""

from __future__ import annotations

import httpx


def check_option(name: str, value: object, kinds: tuple[type, ...], what: str) -> None:
    """``TypeError`` naming the option unless ``value`` is one of ``kinds`` (``True`` is no
    number here, though ``bool`` subclasses ``int``)."""
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        # The value is never shown: it may be a key.
        optional = " or None" if type(None) in kinds else ""
        raise TypeError(f"{name} must be {what}{optional}, got {type(value).__name__}")


def check_seconds(name: str, value: object, *, timeout_allowed: bool = False) -> None:
    """A duration option: ``None`` or a number of seconds >= 0 (or an ``httpx.Timeout``)."""
    kinds: tuple[type, ...] = (int, float, type(None))
    if timeout_allowed:
        kinds += (httpx.Timeout,)
    check_option(name, value, kinds, "seconds (a number)" + (" or httpx.Timeout" * timeout_allowed))
    if isinstance(value, int | float) and not value >= 0:  # NaN fails too
        raise ValueError(f"{name} must be >= 0 seconds, got {value!r}")


def check_bytes(name: str, value: object) -> None:
    """A size option: a positive ``int``."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{name} must be an int (bytes), got {type(value).__name__}")
    if value <= 0:
        raise ValueError(f"{name} must be > 0, got {value!r}")


def url_text(value: str | httpx.URL | None) -> str | None:
    """A server URL given as ``str`` or ``httpx.URL``, as text."""
    return str(value) if isinstance(value, httpx.URL) else value
