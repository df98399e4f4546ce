"""Scripted responses for ``httpx.MockTransport``: JSON, errors and SSE streams in a line.

Every response works with both ``httpx.Client`` and ``httpx.AsyncClient``::

    transport = mock_transport([
        error_response(503, retry_after="0"),
        sse_response(*stream_chunks("Paris."), split_at=[7, 30]),
    ])
    client = httpx.Client(transport=transport)

``transport.requests`` then holds what the code under test sent.
"""

from __future__ import annotations

import itertools
import json
import threading
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal

import httpx
from attrs import AttrsInstance

from openrouter_core._converter import to_builtins

from ._faults import ERROR_STATUSES, status_error_body
from ._payloads import (
    DEFAULT_MODEL,
    JSONDict,
    chat_result,
    chunk,
    delta_choice,
    error_chunk,
    error_envelope,
)

Handler = Callable[[httpx.Request], httpx.Response]
"""A function from request to response; a sync one serves sync and async clients alike."""


def json_response(
    payload: Mapping[str, Any] | Sequence[Any] | AttrsInstance | None = None,
    *,
    status: int = 200,
    headers: Mapping[str, str] | None = None,
) -> httpx.Response:
    """A JSON response of a dict, a list or a model (e.g. a ``ChatResult``).

    The default payload is ``chat_result()``. A payload with a string ``id`` also gets it as
    ``X-Generation-Id`` on a 2xx, as the real API sends it; ``headers`` are added last and win.
    A model that cannot be serialised raises ``UnwrapFailedError``.
    """
    body: Mapping[str, Any] | Sequence[Any]
    if payload is None:
        body = chat_result()
    elif isinstance(payload, Mapping | Sequence):
        body = payload
    else:
        body = to_builtins(payload).unwrap()
    all_headers = {"Content-Type": "application/json"}
    if isinstance(body, Mapping) and isinstance(body.get("id"), str) and status < 300:
        all_headers["X-Generation-Id"] = body["id"]
    all_headers.update(headers or {})
    return httpx.Response(status, headers=all_headers, content=_dumps(body))


def error_response(
    status: int,
    message: str | None = None,
    *,
    retry_after: str | None = None,
    headers: Mapping[str, str] | None = None,
    **metadata: Any,
) -> httpx.Response:
    """An error status with the real envelope ``{"error": {code, message, metadata?}}``.

    Without ``message``, a status the fake server knows (400, 401, 402, 403, 404, 408, 413,
    422, 429, 500, 502, 503, 504, 524, 529) gets the same message and metadata as
    ``fake/error-<status>``; keyword arguments add to (or, with a message, make up) the
    metadata. ``retry_after`` becomes the ``Retry-After`` header.
    """
    if message is None and status in ERROR_STATUSES:
        body = status_error_body(status, DEFAULT_MODEL)
        body["error"]["metadata"].update(metadata)
    else:
        body = error_envelope(status, message or f"HTTP {status}", metadata or None)
    all_headers = {} if retry_after is None else {"Retry-After": retry_after}
    all_headers.update(headers or {})
    return json_response(body, status=status, headers=all_headers)


def sse_response(
    *chunks: str | Mapping[str, Any],
    comments: Sequence[str] = ("OPENROUTER PROCESSING",),
    error: str | Mapping[str, Any] | None = None,
    done: bool = True,
    truncate: int | None = None,
    split_at: Iterable[int] = (),
    newline: Literal["\n", "\r\n", "\r"] = "\n",
    raises: Exception | None = None,
    status: int = 200,
    headers: Mapping[str, str] | None = None,
) -> httpx.Response:
    """A ``text/event-stream`` response built from chunks, byte-exact and splittable.

    Args:
        chunks: A string becomes a content-delta chunk; a mapping is sent as the event's JSON
            verbatim (a whole ``chat.completion.chunk``, or a bare ``{"error": ...}``). Use
            ``stream_chunks(...)`` for a complete realistic stream.
        comments: Comment lines (``: <text>``) sent before the first event, as OpenRouter's
            keep-alives are.
        error: Appended as an in-band error chunk after the chunks: a message (code 502) or
            an error object ``{"code", "message", "metadata"?}``.
        done: End with ``data: [DONE]``.
        truncate: Keep only the first ``truncate`` bytes of the body (negative: drop that
            many from the end), as a connection that closed cleanly mid-stream.
        split_at: Byte offsets at which the body is delivered in separate pieces, so a
            decoder sees split UTF-8 characters and CR|LF pairs.
        newline: The line ending used throughout.
        raises: An exception (e.g. ``httpx.ReadError("reset")``) raised by the body after its
            last byte, as a dropped connection.
        status: The HTTP status.
        headers: Extra headers, added last.
    """
    events = [chunk([delta_choice({"content": c})]) if isinstance(c, str) else c for c in chunks]
    if error is not None:
        detail = {"code": 502, "message": error} if isinstance(error, str) else error
        events.append(error_chunk(detail))
    lines = [f": {comment}{newline}{newline}" for comment in comments]
    lines += [f"data: {_dumps(event).decode()}{newline}{newline}" for event in events]
    if done:
        lines.append(f"data: [DONE]{newline}{newline}")
    body = "".join(lines).encode()
    if truncate is not None:
        body = body[:truncate]
    all_headers = {"Content-Type": "text/event-stream", "Cache-Control": "no-cache"}
    first_id = next((e["id"] for e in events if isinstance(e.get("id"), str)), None)
    if first_id is not None:
        all_headers["X-Generation-Id"] = first_id
    all_headers.update(headers or {})
    bounds = [0, *sorted(i for i in split_at if 0 < i < len(body)), len(body)]
    pieces = [body[start:end] for start, end in itertools.pairwise(bounds)]
    return httpx.Response(status, headers=all_headers, stream=_ScriptedStream(pieces, raises))


class _ScriptedStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """Yields the pieces as given (sync or async), then raises ``raises`` if set."""

    def __init__(self, pieces: list[bytes], raises: Exception | None) -> None:
        self._pieces = pieces
        self._raises = raises

    def __iter__(self) -> Iterator[bytes]:
        yield from self._pieces
        if self._raises is not None:
            raise self._raises

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for piece in self._pieces:
            yield piece
        if self._raises is not None:
            raise self._raises


class ScriptedTransport(httpx.MockTransport):
    """A ``MockTransport`` that records every request it handles in ``requests``."""

    def __init__(self, handler: Handler) -> None:
        self.requests: list[httpx.Request] = []
        self._lock = threading.Lock()

        def recording(request: httpx.Request) -> httpx.Response:
            with self._lock:
                self.requests.append(request)
            return handler(request)

        super().__init__(recording)


def mock_transport(script: Handler | Iterable[httpx.Response | Exception]) -> ScriptedTransport:
    """A transport answering from ``script``: a handler, or responses served in order.

    In a list, an exception (e.g. ``httpx.ConnectError("refused")``) is raised instead of
    answering, to script transport failures between responses. A request after the list is
    used up fails the test with an ``AssertionError`` naming it.
    """
    if callable(script):
        return ScriptedTransport(script)
    queue = deque(script)

    def next_in_line(request: httpx.Request) -> httpx.Response:
        try:
            item = queue.popleft()
        except IndexError:
            raise AssertionError(
                f"mock_transport: no scripted response left for {request.method} {request.url}"
            ) from None
        if isinstance(item, Exception):
            raise item
        return item

    return ScriptedTransport(next_in_line)


def _dumps(payload: JSONDict | Mapping[str, Any] | Sequence[Any]) -> bytes:
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
