"""Pure: ``GET /models``'s query filters, sort orders and pagination over the catalogue.

Honoured: ``output_modalities`` (comma-separated or ``all``; default ``text``, so embedding
models show only when asked for), ``input_modalities`` (a model must take every one),
``supported_parameters`` (a model must support every one), ``category``, ``q`` (substring of
id or name), ``context`` (minimum), ``min_price``/``max_price`` and
``min_output_price``/``max_output_price`` (dollars per million tokens), ``arch``
(tokenizer), ``model_authors``, ``providers``, ``sort`` and ``offset``/``limit`` (when both
are omitted the whole list comes back). Filters on data the fake does not keep (benchmark
indices, age, region, zdr, distillable, RSS) are accepted and ignored. A malformed value
answers 400, as the real API does.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from urllib.parse import urlencode

from ._catalogue import CatalogueModel

QueryArgs = Mapping[str, str]
"""The query string, one value per name (the last one when a name repeats)."""

CATEGORIES = frozenset(
    {
        "programming",
        "roleplay",
        "marketing",
        "marketing/seo",
        "technology",
        "science",
        "translation",
        "legal",
        "finance",
        "health",
        "trivia",
        "academia",
    }
)
OUTPUT_MODALITIES = frozenset(
    {"text", "image", "embeddings", "audio", "video", "rerank", "speech", "transcription"}
)
INPUT_MODALITIES = frozenset({"text", "image", "file", "audio", "video"})
_MAX_LIMIT = 1000
_DEFAULT_LIMIT = 500
_PER_MILLION = 1_000_000


class QueryError(ValueError):
    """A query parameter the real API would refuse with 400; the message says which."""


_SORTS: Mapping[str, Callable[[CatalogueModel], float]] = {
    "pricing-low-to-high": lambda m: m.mean_price,
    "pricing-high-to-low": lambda m: -m.mean_price,
    "context-high-to-low": lambda m: -m.context_length,
    "newest": lambda m: -m.created,
    "throughput-high-to-low": lambda m: -max((h.throughput_p50 for h in m.hosts), default=0.0),
    "latency-low-to-high": lambda m: min((h.latency_p50 for h in m.hosts), default=float("inf")),
}
# The other sort orders rank by data the fake does not have: the catalogue order stands.
_UNRANKED_SORTS = frozenset(
    {
        "most-popular",
        "top-weekly",
        "intelligence-high-to-low",
        "coding-high-to-low",
        "agentic-high-to-low",
        "design-arena-elo-high-to-low",
    }
)


def _names(value: str) -> list[str]:
    return [name.strip() for name in value.split(",") if name.strip()]


def _number(query: QueryArgs, name: str, *, integer: bool, low: float) -> float | None:
    text = query.get(name)
    if text is None or (text in ("", "null") and not integer):
        return None
    try:
        value = int(text) if integer else float(text)
    except ValueError:
        value = None
    if value is None or not math.isfinite(value) or value < low:
        kind = "an integer" if integer else "a number"
        raise QueryError(
            f"Invalid query parameter {name}: expected {kind} >= {low:g}, got {text!r}"
        )
    return value


def _known(query: QueryArgs, name: str, allowed: frozenset[str]) -> list[str] | None:
    if name not in query:
        return None
    values = _names(query[name])
    unknown = [value for value in values if value not in allowed]
    if unknown or not values:
        allowed_names = ", ".join(sorted(allowed))
        raise QueryError(
            f"Invalid query parameter {name}: {query[name]!r} (allowed: {allowed_names})"
        )
    return values


def output_filter(query: QueryArgs) -> Callable[[CatalogueModel], bool]:
    """The ``output_modalities`` test shared by ``/models`` and ``/models/count``."""
    text = query.get("output_modalities", "text")
    if text.strip() == "all":
        return lambda model: True
    wanted = set(_known({"output_modalities": text}, "output_modalities", OUTPUT_MODALITIES) or ())
    return lambda model: not wanted.isdisjoint(model.output_modalities)


def model_filters(query: QueryArgs) -> list[Callable[[CatalogueModel], bool]]:
    """Every filter the query asks for, as predicates over catalogue models.

    Raises:
        QueryError: A value is malformed or outside its enum.
    """
    tests = [output_filter(query)]
    inputs = _known(query, "input_modalities", INPUT_MODALITIES)
    if inputs is not None:
        tests.append(lambda m: set(inputs) <= set(m.input_modalities))
    if "supported_parameters" in query:
        needed = set(_names(query["supported_parameters"]))
        tests.append(lambda m: needed <= set(m.supported_parameters))
    category = _known(query, "category", CATEGORIES)
    if category is not None:
        tests.append(lambda m: not set(category).isdisjoint(m.categories))
    if query.get("q"):
        needle = query["q"].lower()
        tests.append(lambda m: needle in m.id.lower() or needle in m.name.lower())
    context = _number(query, "context", integer=True, low=1)
    if context is not None:
        tests.append(lambda m: m.context_length >= context)
    tests += _price_filters(query)
    if query.get("arch"):
        arch = query["arch"].lower()
        tests.append(lambda m: m.tokenizer.lower() == arch)
    if query.get("model_authors"):
        authors = set(_names(query["model_authors"]))
        tests.append(lambda m: m.author in authors)
    if query.get("providers"):
        hosts = {name.lower() for name in _names(query["providers"])}
        tests.append(lambda m: any(h.provider.name.lower() in hosts for h in m.hosts))
    return tests


def _price_filters(query: QueryArgs) -> list[Callable[[CatalogueModel], bool]]:
    """``min_price``/``max_price`` (prompt) and ``min_output_price``/``max_output_price``."""
    tests: list[Callable[[CatalogueModel], bool]] = []
    for infix, price in (("", _prompt_per_million), ("output_", _completion_per_million)):
        low = _number(query, f"min_{infix}price", integer=False, low=0)
        high = _number(query, f"max_{infix}price", integer=False, low=0)
        tests.append(_within(price, low, high))
    return tests


def _prompt_per_million(model: CatalogueModel) -> float:
    return model.prompt_price * _PER_MILLION


def _completion_per_million(model: CatalogueModel) -> float:
    return model.completion_price * _PER_MILLION


def _within(
    price: Callable[[CatalogueModel], float], low: float | None, high: float | None
) -> Callable[[CatalogueModel], bool]:
    # Prices are decimal strings on the wire: compare with a little slack for float noise.
    low_bound = -math.inf if low is None else low - 1e-9
    high_bound = math.inf if high is None else high + 1e-9
    return lambda model: low_bound <= price(model) <= high_bound


def _sorted(models: Sequence[CatalogueModel], query: QueryArgs) -> list[CatalogueModel]:
    order = query.get("sort")
    if order is None or order in _UNRANKED_SORTS:
        return list(models)
    if order not in _SORTS:
        allowed = ", ".join(sorted({*_SORTS, *_UNRANKED_SORTS}))
        raise QueryError(f"Invalid query parameter sort: {order!r} (allowed: {allowed})")
    return sorted(models, key=_SORTS[order])  # stable: ties keep the catalogue order


def page(
    models: Sequence[CatalogueModel], query: QueryArgs, path: str
) -> tuple[list[CatalogueModel], int, str | None]:
    """The requested page of ``models`` (already filtered), the total and the next page's URL.

    Raises:
        QueryError: ``sort``, ``offset`` or ``limit`` is malformed or out of range.
    """
    ordered = _sorted(models, query)
    offset = _number(query, "offset", integer=True, low=0)
    limit = _number(query, "limit", integer=True, low=1)
    if limit is not None and limit > _MAX_LIMIT:
        raise QueryError(f"Invalid query parameter limit: at most {_MAX_LIMIT}, got {int(limit)}")
    if offset is None and limit is None:
        return ordered, len(ordered), None
    start = int(offset or 0)
    end = start + int(limit or _DEFAULT_LIMIT)
    next_url = None
    if end < len(ordered):
        following = {**query, "offset": str(end), "limit": str(end - start)}
        next_url = f"{path}?{urlencode(following)}"
    return ordered[start:end], len(ordered), next_url


def select(models: Sequence[CatalogueModel], query: QueryArgs) -> list[CatalogueModel]:
    """The models that pass every filter of ``query``, in catalogue order.

    Raises:
        QueryError: A filter value is malformed.
    """
    tests = model_filters(query)
    return [model for model in models if all(test(model) for test in tests)]
