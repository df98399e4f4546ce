"""A stream ends when the answer ends, over real sockets, both twins."""

import json
import zlib

import pytest

from openrouter_core import OpenRouterCore
from openrouter_core.errors import StreamTruncatedError

from .rawserver import Conn, RawServer, observe
from .support import MODES, Mode, chunk_json, stream, usage_chunk, user_request

SSE_HEAD = (
    b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
)
HELD_OPEN = 5.0
"""How long the server keeps the body open after [DONE]: far past the grace."""


def _chunk(data: bytes) -> bytes:
    return b"%x\r\n%s\r\n" % (len(data), data)


def _event(payload: object) -> bytes:
    return _chunk(b"data: " + json.dumps(payload).encode() + b"\n\n")


ANSWER = SSE_HEAD + _event(chunk_json("Paris.")) + _event(chunk_json(finish="stop"))


@pytest.mark.parametrize("mode", MODES)
def test_a_stream_ends_at_done_though_the_server_keeps_the_body_open(mode: Mode) -> None:
    """[DONE], then nothing for 5 s: the usage chunk and the end of the loop come at once
    (within the short grace), not when the server finally ends the body."""

    def script(conn: Conn) -> None:
        conn.read_request()
        conn.send(ANSWER + _event(usage_chunk()) + _chunk(b"data: [DONE]\n\n"))
        conn.pause(HELD_OPEN)

    with RawServer(script) as server:
        seen = observe(mode, "stream", api_key="k", server_url=server.base_url)
    assert isinstance(seen.value, list)
    assert seen.value[-1].unwrap().usage is not None
    assert [] == seen.busy
    assert seen.elapsed < HELD_OPEN / 2


@pytest.mark.parametrize("mode", MODES)
def test_a_finished_answer_whose_connection_drops_before_done_is_completed(mode: Mode) -> None:
    """Every choice has its finish reason, then half a usage event and a reset before
    [DONE]: no failure item (the half event is dropped, not decoded); the answer is complete."""

    def script(conn: Conn) -> None:
        conn.read_request()
        conn.send(ANSWER + _chunk(b'data: {"id": "gen-1", "choi'))
        conn.reset()

    with RawServer(script) as server:
        seen = observe(mode, "stream", api_key="k", server_url=server.base_url)
    assert isinstance(seen.value, list)
    assert "stop" == seen.value[-1].unwrap().choices[0].finish_reason


@pytest.mark.parametrize("mode", MODES)
def test_a_surrogate_pair_split_across_two_events_is_one_character(mode: Mode) -> None:
    """An emoji escaped as a JSON surrogate pair, its halves in two events: collect() and
    the partial content of a later failure hold one character, not two lone halves."""
    first, second = chunk_json("Hi "), chunk_json()
    first["choices"][0]["delta"]["content"] = "Hi \ud83d"
    second["choices"][0]["delta"]["content"] = "\ude00!"
    body = SSE_HEAD + _event(first) + _event(second)

    def script(conn: Conn) -> None:
        conn.read_request()
        conn.send(
            body + _event(chunk_json(finish="stop")) + _chunk(b"data: [DONE]\n\n") + _chunk(b"")
        )

    def cut(conn: Conn) -> None:
        conn.read_request()
        conn.send(body + _chunk(b""))  # the body ends with no finish reason: truncated

    with RawServer(script) as server:
        core = OpenRouterCore(api_key="k", server_url=server.base_url)
        live = stream(mode, core, user_request()).unwrap()
        with live:
            list(live)
        assert "Hi \U0001f600!" == live.collect().choices[0].message.content
    with RawServer(cut) as server:
        seen = observe(mode, "stream", api_key="k", server_url=server.base_url)
    assert isinstance(seen.value, StreamTruncatedError)
    assert "Hi \U0001f600!" == seen.value.partial_content


@pytest.mark.parametrize("mode", MODES)
def test_a_gzip_encoded_stream_is_decoded_event_by_event(mode: Mode) -> None:
    """A body with a Content-Encoding is read through httpx's decoding (an identity body is
    read from the transport directly): each gzip-flushed event arrives decoded and whole."""
    packer = zlib.compressobj(wbits=31)  # the gzip container
    events = [
        *(
            b"data: " + json.dumps(c).encode() + b"\n\n"
            for c in (chunk_json("Par"), chunk_json("is."))
        ),
        b"data: " + json.dumps(chunk_json(finish="stop")).encode() + b"\n\n",
        b"data: [DONE]\n\n",
    ]
    body = b"".join(_chunk(packer.compress(e) + packer.flush(zlib.Z_SYNC_FLUSH)) for e in events)
    head = SSE_HEAD.replace(b"Transfer-Encoding", b"Content-Encoding: gzip\r\nTransfer-Encoding")

    def script(conn: Conn) -> None:
        conn.read_request()
        conn.send(head + body + _chunk(packer.flush()) + _chunk(b""))

    with RawServer(script) as server:
        seen = observe(mode, "stream", api_key="k", server_url=server.base_url)
    assert isinstance(seen.value, list)
    texts = [item.unwrap().choices[0].delta.content for item in seen.value]
    assert (["Par", "is.", None], []) == (texts, seen.busy)
