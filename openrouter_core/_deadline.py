"""The sync twin's deadline on the wire: no read or write of the core's own client outlasts it.

httpx bounds each read (``timeout``), not an exchange: a server that trickles a header
block or a body one byte every 50 ms never trips a read timeout. The async twin cancels
the whole exchange at the deadline (a cancel scope). A blocking sync read cannot be
cancelled, and httpcore offers no public way to reach the socket of a kept-alive
connection a request is sent on. What it does offer is a pluggable network backend: the
sync client the core builds gets one whose streams cut every read's and write's timeout
(and the connect and TLS handshake's) to what is left of the running call's deadline, and
raise httpcore's own timeout once it has passed. New and reused connections alike, direct
or through a proxy: one mechanism.

The deadline travels in a context variable (``UNTIL``), set by the sync driver for the
call it runs (``_send.run``) and reset when the call returns: outside a call with a
deadline (a stream read after its first content, a caller's own use of ``core.client``)
every read and write passes straight through. So an attempt on such a client keeps its
httpx timeouts (only the wait for a pooled connection, which no backend sees, is cut):
httpcore keeps a response's read timeout for its whole body, and a cut one would end a
stream's reads long after its first content, when the deadline no longer applies.

This module imports httpcore, so it is imported only where a sync client is built or a
call has a deadline.
"""

from __future__ import annotations

import ssl
import time
import weakref
from collections.abc import Iterable
from contextvars import ContextVar
from typing import Any

import httpcore
import httpx

UNTIL: ContextVar[float | None] = ContextVar("openrouter_core_deadline", default=None)
"""When the running sync call's deadline passes, in ``time.monotonic()`` seconds."""


def _cut(timeout: float | None, expired: type[Exception]) -> float | None:
    """``timeout`` cut to what is left of the running call's deadline (as it is outside a
    call with one); ``expired`` once nothing is left."""
    until = UNTIL.get()
    if until is None:
        return timeout
    left = until - time.monotonic()
    if left <= 0:
        raise expired("the call's deadline passed")
    return left if timeout is None or timeout > left else timeout


class DeadlineStream(httpcore.NetworkStream):
    """A network stream whose reads and writes end by the running call's deadline."""

    __slots__ = ("_inner",)

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        timeout = _cut(timeout, httpcore.ReadTimeout)
        return self._inner.read(max_bytes, timeout)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        timeout = _cut(timeout, httpcore.WriteTimeout)
        self._inner.write(buffer, timeout)

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        timeout = _cut(timeout, httpcore.ConnectTimeout)
        return DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    """A network backend whose connects and streams end by the running call's deadline."""

    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        timeout = _cut(timeout, httpcore.ConnectTimeout)
        stream = self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        return DeadlineStream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        timeout = _cut(timeout, httpcore.ConnectTimeout)
        return DeadlineStream(self._inner.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


_BOUNDED: weakref.WeakSet[httpx.Client] = weakref.WeakSet()


def ends_by_deadline(client: httpx.Client) -> bool:
    """Whether every connect, read and write of ``client`` ends by the running call's
    deadline (``bounded`` gave each of its pools the deadline's backend)."""
    return client in _BOUNDED


def bounded(client: httpx.Client) -> httpx.Client:
    """Give each connection pool of a client the core just built the deadline's backend.

    httpx builds the transports itself, so everything it reads from the environment (proxy
    variables and ``NO_PROXY``, ``SSL_CERT_FILE`` / ``SSL_CERT_DIR``) and every default
    (limits, HTTP/1.1 only, no connect retries) stays exactly httpx's. httpx has no
    parameter for the backend, so it is set on each pool (httpcore's own attribute) before
    any connection exists. A transport of another shape is left as it is, and the client is
    then not marked as ``ends_by_deadline``: its attempts get their timeouts cut, as a
    client passed in does (``test_deadline_wire`` would fail).
    """
    every = True
    for transport in (client._transport, *client._mounts.values()):
        if transport is None:  # a NO_PROXY entry: the default transport serves it
            continue
        pool: Any = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if isinstance(backend, httpcore.NetworkBackend):
            pool._network_backend = DeadlineBackend(backend)
        else:
            every = False
    if every:
        _BOUNDED.add(client)
    return client
