"""How far an attempt got before it failed: what decides whether it may be sent again.

httpcore reports each step of an exchange through the ``trace`` request extension
(connect, send headers, send body, receive headers...). ``Delivery`` records those steps for
one attempt, so that a failure can be classified by phase:

- not sent: the connection or the pool failed, or a write failed before the body was
  complete. The server cannot have acted on it.
- sent, nothing back: the whole request went out and no response arrived. On a kept-alive
  connection that the server closed while it sat in the pool (the stale-connection race:
  end of stream or reset, no response byte) the server never read it; otherwise it may be
  running (and billed).
- response started: the server answered; whatever broke after that, it was processed.

Transports that do not trace (test transports, foreign ones) are judged by the exception's
class alone: only connect and pool failures count as not sent.
"""

from __future__ import annotations

import contextlib
import select
import socket
from collections.abc import AsyncIterator
from typing import Any

import httpx

_NEVER_SENT = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.UnsupportedProtocol,
)


class Delivery:
    """The steps one attempt reached, fed by httpcore's trace events (sync or async)."""

    __slots__ = (
        "body_sent",
        "extensions",
        "new_connection",
        "responded",
        "stream",
        "traced",
        "user_trace",
    )

    def __init__(self, user_trace: Any = None, extensions: dict[str, Any] | None = None) -> None:
        self.traced = False
        self.new_connection = False
        self.body_sent = False
        self.responded = False
        self.stream: Any = None
        """The network stream of a connection this attempt opened (the async upload's
        watch looks at its socket)."""
        self.user_trace = user_trace
        self.extensions = extensions
        """The request's extensions, where our ``trace`` is installed (None: not installed)."""

    def see(self, name: str, info: dict[str, Any]) -> None:
        """Record one trace event (``connection.connect_tcp.complete``, ...)."""
        self.traced = True
        if name.startswith("connection.connect_"):
            self.new_connection = True
            if name.endswith(".complete"):
                self.stream = info.get("return_value")
        elif name.endswith("send_request_body.complete"):
            self.body_sent = True
        elif name.endswith("receive_response_headers.complete"):
            self.responded = True
            self._stop_tracing()

    def _stop_tracing(self) -> None:
        """Once the response has started nothing later changes the verdict: the body and
        close phases go untraced (four events fewer per call), or to the caller's trace."""
        if self.extensions is None:
            return
        if self.user_trace is None:
            self.extensions.pop("trace", None)
        else:
            self.extensions["trace"] = self.user_trace

    def trace(self, name: str, info: dict[str, Any]) -> None:
        """The sync ``trace`` extension; a caller's own trace still runs."""
        self.see(name, info)
        if self.user_trace is not None:
            self.user_trace(name, info)

    async def atrace(self, name: str, info: dict[str, Any]) -> None:
        """The async ``trace`` extension."""
        self.see(name, info)
        if self.user_trace is not None:
            await self.user_trace(name, info)

    def may_have_been_processed(self, exc: BaseException) -> bool:
        """Whether the server may have received the whole request and acted on it."""
        if isinstance(exc, _NEVER_SENT):
            return False
        if not self.traced:
            return True
        if self.responded:
            return True
        if not self.body_sent:
            return False
        return self.new_connection or not _closed_by_server(exc)

    def socket_ready(self) -> tuple[bool, bool]:
        """Whether this attempt's new connection has bytes to read (the server answered
        while the request is still going out) and room to send; unknown: (False, True)."""
        sock = self.stream.get_extra_info("socket") if self.stream is not None else None
        fileno = getattr(sock, "fileno", None)  # asyncio gives a TransportSocket, not a socket
        descriptor = fileno() if callable(fileno) else -1
        if not isinstance(descriptor, int) or descriptor < 0:
            return False, True
        readable, writable, _ = select.select([descriptor], [descriptor], [], 0)
        return bool(readable), bool(writable)


def shut_down(stream: Any) -> None:
    """Shut an httpcore network stream's socket down: a read blocked on it returns at once."""
    sock = stream.get_extra_info("socket") if stream is not None else None
    if isinstance(sock, socket.socket):
        with contextlib.suppress(OSError):  # already closed: nothing left to wake
            sock.shutdown(socket.SHUT_RDWR)


UPLOAD_PIECE = 64 * 1024
"""The piece size of a watched upload, and the smallest body worth watching."""


class WatchedUpload(httpx.AsyncByteStream):
    """An async request body that stops once the server has answered (a 413 before reading).

    The asyncio backend drops a response already received when a write then fails (the
    server closed after answering), and reports a read error instead; the sync backend reads
    the answer. So before each piece this body waits until the attempt's new connection has
    room to send it (a write that has to wait for room is where an answer would be missed),
    and once the connection has bytes to read it ends the upload with the write error
    httpcore expects from a server that answered early: httpcore then reads that answer.
    """

    def __init__(self, body: bytes, delivery: Delivery) -> None:
        self._body = body
        self._delivery = delivery

    async def __aiter__(self) -> AsyncIterator[bytes]:
        import anyio
        import httpcore

        for start in range(0, len(self._body), UPLOAD_PIECE):
            while start:
                readable, writable = self._delivery.socket_ready()
                if readable:
                    raise httpcore.WriteError("the server answered before the body was sent")
                if writable:
                    break
                await anyio.sleep(_ROOM_POLL)
            yield self._body[start : start + UPLOAD_PIECE]


_ROOM_POLL = 0.001
"""Seconds between looks at a connection whose send buffer is full."""


def _closed_by_server(exc: BaseException) -> bool:
    """End of stream or a reset before any response byte: what a stale connection gives."""
    if isinstance(exc, httpx.RemoteProtocolError):
        return "without sending a response" in str(exc)
    return isinstance(exc, httpx.ReadError)
