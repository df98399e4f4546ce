"""Do bytes a server sends after a complete response poison the next request on that
connection? A minimal reproduction against plain httpx (no SDK code involved).

A one-connection HTTP/1.1 server answers the first request with a complete response
(Content-Length body) followed by extra bytes (in the same packet, or 20 ms later), then
answers the second request on the same connection with "second". Each case prints what the
client got for both requests.

Finding (httpx 0.28.1, httpcore 1.0.9, h11 0.16.0): extra bytes that arrive together with
the response stay in h11's buffer when httpcore starts the next cycle
(``HTTP11Connection._response_closed`` calls ``start_next_cycle()`` without looking at
``trailing_data``), so they are read as the next request's answer: a stray CRLF fails the
next request (``RemoteProtocolError: no response line received``) and an unsolicited
response is returned as the next request's answer, in both twins. Bytes arriving later
leave the idle socket readable, and the pool's ``has_expired()`` check drops the connection
before reuse, so the next request gets a new connection and its own answer.

    .venv/bin/python tools/stray_bytes_repro.py
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time

import httpx


def _response(body: bytes) -> bytes:
    return b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)


CASES = {
    "nothing extra": (b"", False),
    "stray CRLF": (b"\r\n", False),
    "unsolicited second response": (_response(b"unsolicited"), False),
    "stray CRLF, 20 ms later": (b"\r\n", True),
    "unsolicited response, 20 ms later": (_response(b"unsolicited"), True),
}
"""Extra bytes, and whether they come in a later packet (else: with the response)."""


def _serve(listener: socket.socket, extra: bytes, later: bool) -> None:
    """Serve two requests; an answer on a second connection (the first was dropped) says so."""
    answers = [b"first", b"second"]
    connections = 0
    while answers:
        conn, _ = listener.accept()
        connections += 1
        with conn:
            while answers and _read_request(conn):
                body = answers.pop(0)
                trailing = extra if body == b"first" else b""
                if connections > 1:
                    body += b", on a new connection"
                conn.sendall(_response(body) + (b"" if later else trailing))
                if later and trailing:
                    time.sleep(0.02)
                    conn.sendall(trailing)
            time.sleep(0.2)


def _read_request(conn: socket.socket) -> bool:
    data = b""
    while b"\r\n\r\n" not in data:
        try:
            chunk = conn.recv(65536)
        except OSError:
            return False
        if not chunk:
            return False
        data += chunk
    return True


def _server(extra: bytes, later: bool) -> tuple[socket.socket, str]:
    listener = socket.create_server(("127.0.0.1", 0))
    threading.Thread(target=_serve, args=(listener, extra, later), daemon=True).start()
    return listener, f"http://127.0.0.1:{listener.getsockname()[1]}/"


def _sync(extra: bytes, later: bool) -> str:
    listener, url = _server(extra, later)
    with listener, httpx.Client() as client:
        first = client.get(url).text
        time.sleep(0.1)
        try:
            second = client.get(url).text
        except httpx.HTTPError as exc:
            second = f"{type(exc).__name__}: {exc}"
    return f"first={first!r} second={second!r}"


def _async(extra: bytes, later: bool) -> str:
    async def go() -> str:
        listener, url = _server(extra, later)
        with listener:
            async with httpx.AsyncClient() as client:
                first = (await client.get(url)).text
                await asyncio.sleep(0.1)
                try:
                    second = (await client.get(url)).text
                except httpx.HTTPError as exc:
                    second = f"{type(exc).__name__}: {exc}"
        return f"first={first!r} second={second!r}"

    return asyncio.run(go())


def main() -> None:
    print(f"httpx {httpx.__version__}")
    for name, (extra, later) in CASES.items():
        print(f"{name:34} sync:  {_sync(extra, later)}")
        print(f"{'':34} async: {_async(extra, later)}")


if __name__ == "__main__":
    main()
