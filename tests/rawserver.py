"""A raw TCP server for fault tests: each connection runs a script of bytes, pauses and resets.

``RawServer(script)`` listens on 127.0.0.1 (ephemeral port) and runs ``script(conn)`` in a
thread for every accepted connection; when the script returns, the connection is closed
(cleanly, unless the script reset it). ``close()`` wakes scripts that wait, shuts every open
connection and joins every thread, so nothing outlives the ``with`` block. Also here: the
pool inspection that the fault, limit and resource tests use to prove nothing leaked.
"""

import asyncio
import contextlib
import gc
import socket
import ssl
import struct
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from types import TracebackType
from typing import Any, Self, cast

import attrs
import httpx
from returns.result import Failure, Result

from openrouter_core import OpenRouterCore, RequestOptions
from openrouter_core.errors import OpenRouterError
from openrouter_core.funcs import chat_send, chat_send_async, chat_stream, chat_stream_async

from .support import Mode, user_request

Script = Callable[["Conn"], None]

SSL_CONTEXT = ssl.create_default_context()
"""One CA store for every client these tests build: loading it costs ~0.1 s per client."""

RESET_PAUSE = 0.1
"""Time for the client to read what was sent before a reset: an RST that arrives first makes
the kernel drop unread data, and "mid-stream" would look like "before the status line"."""


class Conn:
    """One accepted connection, as a script sees it."""

    def __init__(self, sock: socket.socket, closing: threading.Event) -> None:
        self.sock = sock
        self.closing = closing
        self.sent = 0
        self.was_reset = False
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.settimeout(0.05)

    def read_request(self) -> bytes:
        """Read one request (headers and a ``Content-Length`` body) and return it."""
        data = b""
        while b"\r\n\r\n" not in data:
            data += self._recv()
        head, _, body = data.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        while len(body) < length:
            body += self._recv()
        return head + b"\r\n\r\n" + body

    def send(self, data: bytes) -> None:
        """Send bytes; raises ``OSError`` once the client has gone (which ends the script)."""
        self.sock.settimeout(5)
        try:
            self.sock.sendall(data)
        finally:
            self.sock.settimeout(0.05)
        self.sent += len(data)

    def pause(self, seconds: float = RESET_PAUSE) -> None:
        """Wait, unless the server is closing."""
        self.closing.wait(seconds)

    def reset(self) -> None:
        """End the connection with a TCP RST instead of a FIN."""
        self.pause()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.sock.close()
        self.was_reset = True

    def wait_for_client_close(self, limit: float = 30.0) -> None:
        """Say nothing until the client closes the connection (or the server closes)."""
        deadline = time.monotonic() + limit
        while not self.closing.is_set() and time.monotonic() < deadline:
            try:
                if not self.sock.recv(65536):
                    return
            except TimeoutError:
                continue
            except OSError:
                return

    def _recv(self) -> bytes:
        while not self.closing.is_set():
            try:
                data = self.sock.recv(65536)
            except TimeoutError:
                continue
            if not data:
                raise ConnectionError("the client closed before sending a whole request")
            return data
        raise ConnectionError("the server is closing")


class RawServer:
    """A listening socket on 127.0.0.1 that runs ``script`` for every connection."""

    def __init__(self, script: Script) -> None:
        self.script = script
        self.accepted = 0
        self.conns: list[Conn] = []
        self._closing = threading.Event()
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._listener = socket.create_server(("127.0.0.1", 0), backlog=128)
        self._listener.settimeout(0.02)
        self._acceptor = threading.Thread(target=self._accept_loop, daemon=True)
        self._acceptor.start()

    @property
    def base_url(self) -> str:
        """The API root for ``OpenRouterCore(server_url=...)``."""
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}/api/v1"

    def _accept_loop(self) -> None:
        while not self._closing.is_set():
            try:
                sock, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conn = Conn(sock, self._closing)
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            with self._lock:
                self.accepted += 1
                self.conns.append(conn)
                self._threads.append(thread)
            thread.start()

    def _serve(self, conn: Conn) -> None:
        try:
            self.script(conn)
        except OSError:
            pass  # the client went away, or the server is closing: both end the script
        finally:
            if not conn.was_reset:
                with contextlib.suppress(OSError):
                    conn.sock.shutdown(socket.SHUT_RDWR)
                conn.sock.close()

    def close(self) -> None:
        """Stop accepting, wake waiting scripts, drop connections and join all threads."""
        self._closing.set()
        self._acceptor.join()
        self._listener.close()
        with self._lock:
            threads, conns = list(self._threads), list(self.conns)
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.sock.shutdown(socket.SHUT_RDWR)
        for thread in threads:
            thread.join()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def refusing_url() -> tuple[socket.socket, str]:
    """A bound, never-listening socket and a URL to it: connecting there is refused.

    Keep the socket open while the URL is used, so no other test can take the port.
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    return sock, f"http://127.0.0.1:{sock.getsockname()[1]}/api/v1"


def busy_connections(client: httpx.Client | httpx.AsyncClient) -> list[str]:
    """What the client's httpcore pool still holds: queued requests and connections that are
    neither idle nor closed (an active request, an unread body, or an orphan; see below)."""
    pool = cast(Any, client)._transport._pool
    busy = [repr(c) for c in pool.connections if not (c.is_idle() or c.is_closed())]
    return busy + [repr(r) for r in pool._requests]


def orphaned_connections(client: httpx.Client | httpx.AsyncClient) -> list[str]:
    """Connections that no request owns and that never served one (HTTP/1.1 ``NEW``, or
    still ``CONNECTING``): httpcore 1.0.9 leaves them in the pool when a task is cancelled
    between taking a new connection and sending on it (encode/httpcore#1093)."""
    pool = cast(Any, client)._transport._pool
    owned = {id(r.connection) for r in pool._requests}
    return [
        repr(c)
        for c in pool.connections
        if id(c) not in owned and not c.is_closed() and connection_state(c) in ("CONNECTING", "NEW")
    ]


def connection_state(connection: Any) -> str:
    """A pooled connection's state: ``CONNECTING`` until open, then HTTP/1.1's (``NEW``,
    ``ACTIVE``, ``IDLE``, ``CLOSED``)."""
    inner = getattr(connection, "_connection", None)
    return "CONNECTING" if inner is None else str(getattr(inner._state, "name", "?"))


@attrs.frozen
class Observed:
    """How one call ended: where the error surfaced (``"result"``: the call's own Result;
    ``"item"``: the stream's last item), its class (None: success), the time it took, what
    the pool still held in use afterwards and how many body bytes the client pulled."""

    where: str
    error: type[OpenRouterError] | None
    elapsed: float
    busy: list[str]
    value: object = None
    body_read: int = 0


@attrs.define
class Tally:
    """Response body bytes a client pulled from its transport."""

    body_read: int = 0


class CountingTransport(httpx.HTTPTransport):
    """httpx's own transport, adding to ``tally`` every body byte the client pulls."""

    def __init__(self, tally: Tally) -> None:
        super().__init__(verify=SSL_CONTEXT)
        self.tally = tally

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        response.stream = _CountedBody(response.stream, self.tally)
        return response


class AsyncCountingTransport(httpx.AsyncHTTPTransport):
    """The async twin of ``CountingTransport``."""

    def __init__(self, tally: Tally) -> None:
        super().__init__(verify=SSL_CONTEXT)
        self.tally = tally

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await super().handle_async_request(request)
        response.stream = _CountedBody(response.stream, self.tally)
        return response


class _CountedBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    def __init__(self, inner: Any, tally: Tally) -> None:
        self.inner = inner
        self.tally = tally

    def __iter__(self) -> Iterator[bytes]:
        for part in self.inner:
            self.tally.body_read += len(part)
            yield part

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for part in self.inner:
            self.tally.body_read += len(part)
            yield part

    def close(self) -> None:
        self.inner.close()

    async def aclose(self) -> None:
        await self.inner.aclose()


def observe(
    mode: Mode,
    op: str,
    request: Any = None,
    options: RequestOptions | None = None,
    **core_options: Any,
) -> Observed:
    """Run ``chat_send`` or ``chat_stream`` (drained) on a fresh core in ``mode``, then close.

    The core gets its own httpx client (closed here too) built on one shared SSL context
    (loading the CA store costs ~0.1 s per client, and these servers speak plain http),
    whose transport counts the body bytes the SDK pulled.
    ``value`` is the error value, or the reply (``ChatResult``, or the stream's items).
    """
    request = request if request is not None else user_request()
    tally = Tally()
    if mode == "sync":
        with httpx.Client(transport=CountingTransport(tally)) as client:
            core = OpenRouterCore(http_client=client, **core_options)
            start = time.monotonic()
            where, value = _sync_call(op, core, request, options)
            elapsed = time.monotonic() - start
            busy = busy_connections(client)
    else:

        async def go() -> tuple[str, object, float, list[str]]:
            async with httpx.AsyncClient(transport=AsyncCountingTransport(tally)) as client:
                core = OpenRouterCore(async_http_client=client, **core_options)
                start = time.monotonic()
                where, value = await _async_call(op, core, request, options)
                elapsed = time.monotonic() - start
                return where, value, elapsed, busy_connections(client)

        where, value, elapsed, busy = asyncio.run(go())
    gc.collect(1)  # an unclosed response would warn now, and warnings are errors
    error = type(value) if isinstance(value, OpenRouterError) else None
    return Observed(where, error, elapsed, busy, value, tally.body_read)


def _sync_call(
    op: str, core: OpenRouterCore, request: Any, options: RequestOptions | None
) -> tuple[str, object]:
    if op == "send":
        outcome: Result[Any, Any] = chat_send(core, request, options)
    else:
        outcome = chat_stream(core, request, options)
    if isinstance(outcome, Failure):
        return "result", outcome.failure()
    if op == "send":
        return "result", outcome.unwrap()
    with outcome.unwrap() as live:
        return _last(list(live))


async def _async_call(
    op: str, core: OpenRouterCore, request: Any, options: RequestOptions | None
) -> tuple[str, object]:
    if op == "send":
        outcome: Result[Any, Any] = await chat_send_async(core, request, options)
    else:
        outcome = await chat_stream_async(core, request, options)
    if isinstance(outcome, Failure):
        return "result", outcome.failure()
    if op == "send":
        return "result", outcome.unwrap()
    async with outcome.unwrap() as live:
        return _last([item async for item in live])


def _last(items: list[Any]) -> tuple[str, object]:
    if items and isinstance(items[-1], Failure):
        return "item", items[-1].failure()
    return "item", items
