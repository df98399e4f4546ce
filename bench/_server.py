"""A minimal loopback HTTP/1.1 server that answers from prebuilt bytes, in its own process.

``FakeOpenRouter`` is right for tests but does real work per request (it validates the body
with the SDK's own models and builds the answer) and streams with ``http.server``: as the
server of a throughput benchmark it would be the bottleneck, and inside the benchmark's
process it would take the GIL from the client being measured. This one runs in a child
process, one thread per connection, and only reads a request and writes bytes built at
start-up, so the figures are the client's. Ours and the floor talk to the same server.

Routes, by the first path segment (the rest, e.g. ``/api/v1/chat/completions``, is ignored):
``/json/...`` the small ``chat.completion``; ``/stream-<n>/...`` an ``n``-chunk SSE stream,
one event per HTTP chunk; ``/big/...`` the 1 MB ``ChatResult``. The child also hosts a
``FakeOpenRouter`` (for the cold-start process, which the issue asks to run against it).

Run ``python -m bench._server``: it prints ``<port> <fake base URL>`` and serves until its
standard input closes.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench._payloads import big_result, small_result, stream_events

ROOT = Path(__file__).resolve().parents[1]
STREAM_SIZES = (2_000, 20_000)
_HEADER_LIMIT = 64 * 1024


def _json_response(body: bytes) -> bytes:
    return (
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        b"X-Generation-Id: gen-1700000000-fakefakefakefake\r\n"
        b"Content-Length: %d\r\n\r\n%s" % (len(body), body)
    )


def _stream_response(events: list[bytes]) -> bytes:
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(event), event) for event in events)
    return (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
        b"X-Generation-Id: gen-1700000000-fakefakefakefake\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n" + chunks + b"0\r\n\r\n"
    )


def build_routes() -> dict[bytes, bytes]:
    """Whole responses (status line, headers, body) by first path segment."""
    routes = {b"json": _json_response(small_result()), b"big": _json_response(big_result())}
    for n in STREAM_SIZES:
        routes[b"stream-%d" % n] = _stream_response(stream_events(n))
    return routes


def _serve_connection(conn: socket.socket, routes: dict[bytes, bytes]) -> None:
    """Answer requests on one keep-alive connection until the client closes it."""
    buffer = b""
    with conn:
        while True:
            while b"\r\n\r\n" not in buffer:
                data = conn.recv(65536)
                if not data or len(buffer) > _HEADER_LIMIT:
                    return
                buffer += data
            head, _, buffer = buffer.partition(b"\r\n\r\n")
            request_line, *header_lines = head.split(b"\r\n")
            length = 0
            for line in header_lines:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            while len(buffer) < length:
                data = conn.recv(65536)
                if not data:
                    return
                buffer += data
            buffer = buffer[length:]
            path = request_line.split(b" ")[1]
            response = routes.get(path.split(b"/")[1], b"")
            if not response:
                response = b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
            conn.sendall(response)


def _handle(conn: socket.socket, routes: dict[bytes, bytes]) -> None:
    # OSError: the client closed a stream early ([DONE] read); nothing to do.
    with contextlib.suppress(OSError):
        _serve_connection(conn, routes)


def serve(listener: socket.socket, routes: dict[bytes, bytes]) -> None:
    """Accept connections forever, one daemon thread each."""
    while True:
        conn, _ = listener.accept()
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        threading.Thread(target=_handle, args=(conn, routes), daemon=True).start()


def main() -> None:
    from openrouter_core.testing import FakeOpenRouter

    routes = build_routes()
    listener = socket.create_server(("127.0.0.1", 0), backlog=256)
    threading.Thread(target=serve, args=(listener, routes), daemon=True).start()
    with FakeOpenRouter(api_key=None) as fake:
        print(listener.getsockname()[1], fake.base_url, flush=True)
        sys.stdin.read()  # until the parent closes our standard input


@contextmanager
def running() -> Iterator[tuple[int, str]]:
    """Start the server process; yield its port and the fake server's base URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "bench._server"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        port, fake_url = process.stdout.readline().split()
        yield int(port), fake_url
    finally:
        assert process.stdin is not None
        process.stdin.close()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


if __name__ == "__main__":
    main()
