"""Fault injection over real sockets: every broken answer is a Failure of the right class,
in bounded time, with nothing left open in the pool; chat_send and chat_stream, both twins."""

import json
import random
from collections.abc import Callable
from typing import Any

import attrs
import httpx
import pytest

from openrouter_core import NO_RETRIES, RetryConfig
from openrouter_core.errors import (
    ConnectionFailedError,
    OpenRouterError,
    RequestTimeoutError,
    ResponseValidationError,
    StreamStalledError,
    StreamTruncatedError,
)

from .rawserver import Conn, RawServer, Script, observe, refusing_url
from .support import MODES, Mode, chunk_json, result_json

FAST = 1.0
"""Timeouts and watchdog limits (s) of the cases that must not wait for them."""
SILENT = 0.2
"""The read timeout / watchdog limit (s) of the cases where the server goes quiet."""
MARGIN = 1.5
"""Slack (s) on top of the configured limit for a loaded machine."""

JSON_HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
SSE_HEAD = (
    b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
)
CHAT_BODY = json.dumps(result_json()).encode()
RANDOM = random.Random(9).randbytes(64 * 1024)


def _chunk(data: bytes) -> bytes:
    return b"%x\r\n%s\r\n" % (len(data), data)


def _event(payload: object) -> bytes:
    return _chunk(b"data: " + json.dumps(payload).encode() + b"\n\n")


STREAM_START = SSE_HEAD + _event(chunk_json(role="assistant")) + _event(chunk_json("Paris "))


def _answer(*parts: bytes, then: Callable[[Conn], None] | None = None) -> Script:
    """Read the request, send ``parts``, then run ``then`` (default: a clean close)."""

    def script(conn: Conn) -> None:
        conn.read_request()
        for part in parts:
            conn.send(part)
        if then is not None:
            then(conn)

    return script


def _json_200(body: bytes) -> Script:
    return _answer(JSON_HEAD % len(body) + body)


def _endless(head: bytes, piece: bytes, chunked: bool) -> Script:
    """Send ``head``, then ``piece`` forever (until the client hangs up)."""

    def script(conn: Conn) -> None:
        conn.read_request()
        conn.send(head)
        while True:
            conn.send(_chunk(piece) if chunked else piece)

    return script


def _silent(conn: Conn) -> None:
    conn.wait_for_client_close()


def _reset(conn: Conn) -> None:
    conn.reset()


@attrs.frozen
class Case:
    """A server script and the (where, class) each operation must answer with."""

    id: str
    script: Script
    send: tuple[str, type[OpenRouterError]]
    stream: tuple[str, type[OpenRouterError]]
    limit: float = FAST


def _result(cls: type[OpenRouterError]) -> tuple[str, type[OpenRouterError]]:
    return "result", cls


def _item(cls: type[OpenRouterError]) -> tuple[str, type[OpenRouterError]]:
    return "item", cls


BROKEN = _result(ConnectionFailedError)
INVALID = _result(ResponseValidationError)

CASES = [
    Case("reset-before-status", _answer(then=_reset), BROKEN, BROKEN),
    Case(
        "reset-mid-headers",
        _answer(b"HTTP/1.1 200 OK\r\nContent-Type: applica", then=_reset),
        BROKEN,
        BROKEN,
    ),
    Case(
        "reset-mid-body",
        _answer(JSON_HEAD % len(CHAT_BODY) + CHAT_BODY[:40], then=_reset),
        BROKEN,
        BROKEN,
    ),
    Case(
        "reset-mid-stream", _answer(STREAM_START, then=_reset), BROKEN, _item(ConnectionFailedError)
    ),
    Case(
        "never-answers",
        _answer(then=_silent),
        _result(RequestTimeoutError),
        _result(RequestTimeoutError),
        SILENT,
    ),
    Case(
        "silent-mid-body",
        _answer(JSON_HEAD % len(CHAT_BODY) + CHAT_BODY[:40], then=_silent),
        _result(RequestTimeoutError),
        _result(RequestTimeoutError),
        SILENT,
    ),
    Case(
        "silent-after-headers",
        _answer(SSE_HEAD + _chunk(b": OPENROUTER PROCESSING\n\n"), then=_silent),
        _result(RequestTimeoutError),
        _result(StreamStalledError),
        SILENT,
    ),
    Case(
        "silent-mid-stream",
        _answer(STREAM_START, then=_silent),
        _result(RequestTimeoutError),
        _item(StreamStalledError),
        SILENT,
    ),
    Case(
        "body-shorter-than-content-length",
        _answer(JSON_HEAD % 1000 + CHAT_BODY[:100]),
        BROKEN,
        BROKEN,
    ),
    Case(
        "invalid-chunked-encoding",
        _answer(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"
        ),
        BROKEN,
        BROKEN,
    ),
    Case(
        "invalid-chunked-encoding-mid-stream",
        _answer(STREAM_START + b"zz\r\nnot a chunk\r\n"),
        BROKEN,
        _item(ConnectionFailedError),
    ),
    Case("garbage-instead-of-http", _answer(b"\x16\x03\x01\x00garbage\r\n\r\n"), BROKEN, BROKEN),
    Case("random-bytes-instead-of-http", _answer(RANDOM[:4096]), BROKEN, BROKEN),
    Case("json-of-the-wrong-shape", _json_200(b'{"choices": "none", "id": 7}'), INVALID, INVALID),
    Case("json-array", _json_200(b"[1, 2, 3]"), INVALID, INVALID),
    Case("empty-body", _json_200(b""), INVALID, INVALID),
    Case("json-null", _json_200(b"null"), INVALID, INVALID),
    Case("json-10mb-string", _json_200(b'"' + b"a" * 10_000_000 + b'"'), INVALID, INVALID),
    Case("json-nested-100k-deep", _json_200(b"[" * 100_000 + b"]" * 100_000), INVALID, INVALID),
    Case(
        "sse-random-bytes",
        _answer(SSE_HEAD + _chunk(RANDOM) + _chunk(b"")),
        INVALID,
        _result(StreamTruncatedError),
    ),
    Case(
        "sse-data-of-random-bytes",
        _answer(
            SSE_HEAD
            + _chunk(b"data: " + RANDOM.replace(b"\n", b"").replace(b"\r", b"") + b"\n\n")
            + _chunk(b"")
        ),
        INVALID,
        INVALID,
    ),
    Case(
        "sse-event-nested-10k-deep",
        _answer(
            SSE_HEAD
            + _chunk(b"data: " + b'{"a":' * 10_000 + b"1" + b"}" * 10_000 + b"\n\n")
            + _chunk(b"")
        ),
        INVALID,
        INVALID,
    ),
    Case(
        "sse-line-without-newline",
        _endless(SSE_HEAD + _chunk(b"data: "), b"x" * 4096, chunked=True),
        INVALID,
        INVALID,
    ),
]


def _options(base_url: str, limit: float) -> dict[str, Any]:
    """Core options: no retries, every timeout and watchdog limit at ``limit``, small caps."""
    return {
        "api_key": "sk-or-faults",
        "server_url": base_url,
        "retry_config": NO_RETRIES,
        "timeout": httpx.Timeout(limit),
        "first_content_timeout": limit,
        "idle_timeout": limit,
        "max_line_bytes": 64 * 1024,
        "max_response_bytes": 32 * 1024 * 1024,
    }


@pytest.mark.parametrize("op", ["send", "stream"])
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
@pytest.mark.parametrize("mode", MODES)
def test_fault_gives_the_right_failure_in_time_and_leaks_nothing(
    mode: Mode, case: Case, op: str
) -> None:
    """Each broken server answer is a Failure of its class, within the limit, pool idle."""
    with RawServer(case.script) as server:
        seen = observe(mode, op, **_options(server.base_url, case.limit))
    assert (case.send if op == "send" else case.stream) == (seen.where, seen.error)
    assert [] == seen.busy
    assert seen.elapsed < case.limit + MARGIN


@pytest.mark.parametrize("op", ["send", "stream"])
@pytest.mark.parametrize("mode", MODES)
def test_connection_refused_is_a_connection_failure(mode: Mode, op: str) -> None:
    """A port nobody listens on answers Failure(ConnectionFailedError) at once."""
    sock, url = refusing_url()
    with sock:
        seen = observe(mode, op, **_options(url, FAST))
    assert ("result", ConnectionFailedError, []) == (seen.where, seen.error, seen.busy)
    assert seen.elapsed < FAST + MARGIN


@pytest.mark.parametrize("op", ["send", "stream"])
@pytest.mark.parametrize("mode", MODES)
def test_deadline_bounds_a_silent_server_despite_retries(mode: Mode, op: str) -> None:
    """With retries on and generous timeouts, the call's deadline still ends the wait."""
    deadline = 0.5
    with RawServer(_answer(then=_silent)) as server:
        options = _options(server.base_url, 30.0) | {"retry_config": RetryConfig()}
        seen = observe(mode, op, deadline=deadline, **options)
    assert ("result", RequestTimeoutError, []) == (seen.where, seen.error, seen.busy)
    assert seen.elapsed < deadline + MARGIN
