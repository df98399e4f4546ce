"""Memory caps over real sockets: an oversized body or SSE line is a clear Failure, read no
further than the cap (plus one network read, ``READ_MARGIN``), with the pool left idle;
both twins."""

import json
from typing import Any

import httpx
import pytest

from openrouter_core import NO_RETRIES, OpenRouterCore
from openrouter_core.errors import ResponseValidationError

from .rawserver import Conn, RawServer, Script, observe
from .support import MODES, Mode, chunk_json, result_json

CAP = 64 * 1024
"""The ``max_response_bytes`` / ``max_line_bytes`` these tests configure."""
READ_MARGIN = 64 * 1024
"""What the SDK may pull past the cap before it stops: one read of httpcore's (its
``READ_NUM_BYTES``), which can arrive whole with the byte that crosses the cap."""
LIMIT = 2.0
"""Timeouts (s): every case must end well before any of them fires."""

SSE_HEAD = (
    b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
)


def _chunk(data: bytes) -> bytes:
    return b"%x\r\n%s\r\n" % (len(data), data)


def _script(
    head: bytes, piece: bytes = b"", *, forever: bool = False, chunked: bool = False
) -> Script:
    """Send ``head``, then ``piece`` once or forever (until the client hangs up), then wait."""

    def script(conn: Conn) -> None:
        conn.read_request()
        conn.send(head)
        while piece:
            conn.send(_chunk(piece) if chunked else piece)
            if not forever:
                break
        conn.wait_for_client_close()

    return script


def _json_head(length: int, status: int = 200) -> bytes:
    return b"HTTP/1.1 %d X\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % (
        status,
        length,
    )


def _options(base_url: str) -> dict[str, Any]:
    return {
        "api_key": "sk-or-limits",
        "server_url": base_url,
        "retry_config": NO_RETRIES,
        "timeout": httpx.Timeout(LIMIT),
        "first_content_timeout": LIMIT,
        "idle_timeout": LIMIT,
        "max_response_bytes": CAP,
        "max_line_bytes": CAP,
    }


BIG_BODY = json.dumps(result_json(content="x" * (2 * CAP))).encode()
TOO_BIG = "exceeds max_response_bytes"
TOO_LONG = "longer than 65536 bytes"

BODY_CASES = {
    "body-over-the-cap": _script(_json_head(len(BIG_BODY)), BIG_BODY),
    "huge-content-length-then-silence": _script(_json_head(10**15)),
    "huge-content-length-then-bytes": _script(_json_head(10**15), b"{" * 1024),
    "endless-chunked-body": _script(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
        b" " * 8192,
        forever=True,
        chunked=True,
    ),
    "endless-close-delimited-body": _script(
        b"HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n", b" " * 8192, forever=True
    ),
    "error-status-with-an-endless-body": _script(
        b"HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n",
        b"<p>" * 4096,
        forever=True,
        chunked=True,
    ),
}


@pytest.mark.parametrize("op", ["send", "stream"])
@pytest.mark.parametrize("case", list(BODY_CASES))
@pytest.mark.parametrize("mode", MODES)
def test_body_over_max_response_bytes_is_refused(mode: Mode, case: str, op: str) -> None:
    """A body past the cap (declared or actual) is a Failure naming the cap, read no further."""
    with RawServer(BODY_CASES[case]) as server:
        seen = observe(mode, op, **_options(server.base_url))
    assert ("result", ResponseValidationError, []) == (seen.where, seen.error, seen.busy)
    assert TOO_BIG in str(seen.value)
    assert seen.elapsed < LIMIT
    assert seen.body_read <= CAP + READ_MARGIN


def _event(payload: object) -> bytes:
    return _chunk(b"data: " + json.dumps(payload).encode() + b"\n\n")


STARTED = SSE_HEAD + _event(chunk_json(role="assistant")) + _event(chunk_json("Paris "))

BEFORE_CONTENT = {"endless-line-before-content", "endless-comment-line", "one-line-over-the-cap"}
"""Cases that fail before the first content: the call's own Failure, not a stream item."""

LINE_CASES = {
    "endless-line-before-content": _script(
        SSE_HEAD + _chunk(b"data: "), b"x" * 4096, forever=True, chunked=True
    ),
    "endless-line-after-content": _script(
        STARTED + _chunk(b"data: "), b"x" * 4096, forever=True, chunked=True
    ),
    "endless-comment-line": _script(
        SSE_HEAD + _chunk(b": "), b"x" * 4096, forever=True, chunked=True
    ),
    "one-line-over-the-cap": _script(
        SSE_HEAD, b"data: " + b"x" * (CAP + 1) + b"\n\n", chunked=True
    ),
    "event-of-many-short-data-lines": _script(
        STARTED, b"data: xxxxxxxxxxxxxxxx\n" * 1024, forever=True, chunked=True
    ),
}


@pytest.mark.parametrize("case", list(LINE_CASES))
@pytest.mark.parametrize("mode", MODES)
def test_sse_line_over_max_line_bytes_ends_the_stream(mode: Mode, case: str) -> None:
    """A line or an event's data past max_line_bytes is a Failure: the stream's last item,
    or before any content the call's own."""
    with RawServer(LINE_CASES[case]) as server:
        seen = observe(mode, "stream", **_options(server.base_url))
    where = "result" if case in BEFORE_CONTENT else "item"
    assert (where, ResponseValidationError, []) == (seen.where, seen.error, seen.busy)
    assert TOO_LONG in str(seen.value)
    assert seen.elapsed < LIMIT
    assert seen.body_read <= CAP + READ_MARGIN


def test_default_caps_are_generous_but_finite() -> None:
    """By default a body may hold 64 MiB and an SSE line 16 MiB."""
    core = OpenRouterCore(api_key="k")
    assert (64 * 1024 * 1024, 16 * 1024 * 1024) == (core.max_response_bytes, core.max_line_bytes)
