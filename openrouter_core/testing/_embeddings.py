"""Pure: the fake server's embeddings, deterministic unit vectors derived from the input.

The same model, input and ``dimensions`` always give the same vector (SHAKE-256 of the
model id and the input's canonical JSON, mapped to [-1, 1) and normalised to length 1, as
OpenAI's vectors are), so tests can compare vectors across runs and machines. Every input
form of the spec is accepted: a string, a list of strings, a token array (a list of
numbers), a list of token arrays, and multimodal items (``{"content": [parts]}``).
``encoding_format: "base64"`` sends each vector as little-endian float32 bytes in base64.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import struct
from collections.abc import Sequence
from typing import Any

from ._catalogue import CatalogueModel, find_model
from ._payloads import JSONDict, count_tokens

_ENCODINGS = ("float", "base64")


class EmbeddingRequestError(ValueError):
    """The request is one the real API would refuse; ``status`` is 400 or 404."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _inputs(value: Any) -> list[Any]:
    """The separate inputs of the ``input`` field, each embedded on its own.

    Raises:
        EmbeddingRequestError: ``input`` has none of the spec's forms.
    """
    if isinstance(value, str) and value:
        return [value]
    if isinstance(value, list) and value:
        if all(_is_number(item) for item in value):
            return [value]  # one token array
        if all(isinstance(item, str) and item for item in value):
            return list(value)
        if all(isinstance(item, list) and all(_is_number(n) for n in item) for item in value):
            return list(value)
        if all(_is_multimodal(item) for item in value):
            return list(value)
    raise EmbeddingRequestError(
        400,
        "$.input: expected a non-empty string, a list of strings, a token array, a list of "
        "token arrays, or a list of {content: [parts]} items",
    )


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_multimodal(item: object) -> bool:
    if not isinstance(item, dict):
        return False
    content = item.get("content")
    return isinstance(content, list) and bool(content) and all(isinstance(p, dict) for p in content)


def _tokens(item: Any) -> int:
    if isinstance(item, str):
        return count_tokens(item)
    if isinstance(item, list):
        return len(item)
    parts = item["content"]
    return sum(count_tokens(p.get("text") or "") if p.get("type") == "text" else 85 for p in parts)


def vector(model: str, item: Any, dimensions: int) -> list[float]:
    """The unit vector of one input: deterministic in the model, the input and the size."""
    seed = json.dumps([model, item], sort_keys=True, ensure_ascii=False).encode()
    raw = hashlib.shake_256(seed).digest(2 * dimensions)
    values = [(number - 32768) / 32768 for number in struct.unpack(f"<{dimensions}H", raw)]
    norm = math.sqrt(sum(value * value for value in values)) or 1.0
    return [round(value / norm, 8) for value in values]


def _encoded(values: Sequence[float], encoding: str) -> list[float] | str:
    if encoding == "float":
        return list(values)
    return base64.b64encode(struct.pack(f"<{len(values)}f", *values)).decode("ascii")


def _model(request: JSONDict) -> CatalogueModel:
    name = request.get("model")
    if not isinstance(name, str) or not name:
        raise EmbeddingRequestError(400, "$.model: expected a model id")
    model = find_model(name)
    if model is None:
        raise EmbeddingRequestError(404, f"Model {name} not found")
    if model.dimensions is None:
        raise EmbeddingRequestError(400, f"{name} is not an embedding model")
    return model


def _dimensions(request: JSONDict, model: CatalogueModel) -> int:
    size = model.dimensions or 0
    asked = request.get("dimensions", size)
    if not isinstance(asked, int) or isinstance(asked, bool) or not 1 <= asked <= size:
        raise EmbeddingRequestError(400, f"$.dimensions: expected an integer from 1 to {size}")
    return asked


def embeddings(request: object, *, id: str) -> tuple[JSONDict, CatalogueModel]:
    """The response body to an embeddings request, and the model that served it.

    Raises:
        EmbeddingRequestError: The body is not a valid request, or names no embedding model.
    """
    if not isinstance(request, dict):
        raise EmbeddingRequestError(400, "Request body is not a JSON object")
    model = _model(request)
    encoding = request.get("encoding_format", "float")
    if encoding not in _ENCODINGS:
        raise EmbeddingRequestError(400, "$.encoding_format: expected 'float' or 'base64'")
    size = _dimensions(request, model)
    items = _inputs(request.get("input"))
    prompt_tokens = sum(_tokens(item) for item in items)
    data = [
        {
            "object": "embedding",
            "index": index,
            "embedding": _encoded(vector(model.id, item, size), encoding),
        }
        for index, item in enumerate(items)
    ]
    usage = {
        "prompt_tokens": prompt_tokens,
        "total_tokens": prompt_tokens,
        "cost": round(prompt_tokens * model.prompt_price, 12),
    }
    body = {"id": id, "object": "list", "data": data, "model": model.id, "usage": usage}
    return body, model
