"""Errors that are always safe to print, over real loopback sockets where the wire is involved.

``str(err)`` never raises (however deep ``metadata.raw`` is nested), never shows the API
key (even when an error page echoes the request's headers), and shows an HTML error page
as a short excerpt under its status's class while ``err.body`` keeps the page.
"""

import json
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openrouter_core import NO_RETRIES, RequestOptions
from openrouter_core.errors import (
    BadGatewayResponseError,
    BadRequestResponseError,
    GenerationError,
    ResponseError,
)

from .rawserver import Conn, RawServer, observe
from .support import MODES, Mode

OPS = ["send", "stream"]
KEY = "sk-or-v1-0123456789abcdef-echoed-secret"


# -- str(err) never raises ------------------------------------------------------------------


def _nested_dict(depth: int) -> dict[str, Any]:
    value: dict[str, Any] = {"message": "deep down"}
    for _ in range(depth):
        value = {"error": value}
    return value


DEEP_RAWS = {
    "dict": _nested_dict(sys.getrecursionlimit() * 3),
    "json-text": "[" * 100_000 + "]" * 100_000,
    "json-object-text": '{"error":' * 50_000 + '"x"' + "}" * 50_000,
}


@pytest.mark.parametrize("raw", DEEP_RAWS.values(), ids=DEEP_RAWS.keys())
def test_str_never_recurses_without_bound(raw: object) -> None:
    """A metadata.raw nested far past the recursion limit prints instead of raising."""
    errors = [
        BadGatewayResponseError(message="upstream", status_code=502, metadata={"raw": raw}),
        GenerationError(message="upstream", metadata={"raw": raw}),
    ]
    assert all(isinstance(str(error), str) for error in errors)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=30,
)


@given(metadata=st.dictionaries(st.sampled_from(["raw", "provider_name", "x"]), _JSON))
@settings(max_examples=100)
def test_str_never_raises_for_any_metadata(metadata: dict[str, Any]) -> None:
    """Whatever JSON the server puts in metadata, both error kinds print."""
    for error in (
        BadGatewayResponseError(message="m", status_code=502, metadata=metadata),
        GenerationError(message="m", metadata=metadata),
    ):
        assert str(error)


@pytest.mark.parametrize("mode", MODES)
def test_a_deeply_nested_raw_from_the_wire_prints(mode: Mode) -> None:
    """The same over a socket: a 502 envelope whose raw is a JSON text nested 100k deep."""
    raw = "[" * 100_000 + "]" * 100_000
    body = json.dumps({"error": {"code": 502, "message": "bad", "metadata": {"raw": raw}}})
    with RawServer(_respond(502, "application/json", body.encode())) as server:
        observed = observe(
            mode, "send", retry_config=NO_RETRIES, api_key=KEY, server_url=server.base_url
        )
    assert BadGatewayResponseError is observed.error
    assert str(observed.value).startswith("BadGatewayResponseError: HTTP 502: bad")


# -- the key never appears ------------------------------------------------------------------


def _respond(status: int, content_type: str, body: bytes) -> Any:
    def script(conn: Conn) -> None:
        conn.read_request()
        conn.send(_response(status, content_type, body))

    return script


def _response(status: int, content_type: str, body: bytes) -> bytes:
    head = (
        f"HTTP/1.1 {status} X\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    return head.encode() + body


def _echo(kind: str) -> Any:
    """An error page that repeats the request's headers back (some proxies and debug pages do)."""

    def script(conn: Conn) -> None:
        head = conn.read_request().partition(b"\r\n\r\n")[0].decode()
        if kind == "html":
            page = f"<html><head><title>400 Bad Request</title></head><pre>{head}</pre></html>"
            conn.send(_response(400, "text/html", page.encode()))
            return
        raw = json.dumps({"error": {"message": f"rejected: {head}"}})
        envelope = {"error": {"code": 400, "message": head, "metadata": {"raw": raw}}}
        conn.send(_response(400, "application/json", json.dumps(envelope).encode()))

    return script


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("op", OPS)
@pytest.mark.parametrize("kind", ["html", "json"])
def test_the_key_is_redacted_from_an_echoing_error_page(mode: Mode, op: str, kind: str) -> None:
    """Message, str(), repr(), body, metadata: the key is replaced everywhere the error
    keeps text; the rest of the echoed page stays."""
    with RawServer(_echo(kind)) as server:
        observed = observe(mode, op, api_key=KEY, server_url=server.base_url)
    error = observed.value
    assert isinstance(error, BadRequestResponseError)
    texts = [str(error), repr(error), error.message, error.body, json.dumps(error.metadata)]
    assert [] == [text for text in texts if KEY in text]
    assert "Bearer [redacted]" in error.body
    assert "user-agent" in error.body.lower()  # only the key is taken out


@pytest.mark.parametrize("mode", MODES)
def test_a_key_given_in_the_options_headers_is_redacted_too(mode: Mode) -> None:
    """An Authorization header set per call is the secret that goes out, so it is the one
    taken out of the error."""
    other = "sk-or-v1-per-call-override-key-0000"
    options = RequestOptions(headers={"Authorization": f"Bearer {other}"})
    with RawServer(_echo("json")) as server:
        observed = observe(mode, "send", options=options, api_key=KEY, server_url=server.base_url)
    assert isinstance(observed.value, ResponseError)
    assert other not in str(observed.value) and other not in observed.value.body


def _echo_mid_stream(conn: Conn) -> None:
    """A stream that answers a little, then an in-band error chunk repeating the request."""
    head = conn.read_request().partition(b"\r\n\r\n")[0].decode()
    content = {"id": "gen-1", "model": "m", "choices": [{"index": 0, "delta": {"content": "Par"}}]}
    failed = {"id": "gen-1", "error": {"code": 502, "message": f"upstream saw: {head}"}}
    events = "".join(f"data: {json.dumps(event)}\n\n" for event in (content, failed))
    conn.send(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n"
        + events.encode()
    )


@pytest.mark.parametrize("mode", MODES)
def test_the_key_is_redacted_from_an_error_chunk_after_content(mode: Mode) -> None:
    """After the first content the error is the stream's last item, not the call's Result:
    it is scrubbed the same way, and its partial content stays."""
    with RawServer(_echo_mid_stream) as server:
        observed = observe(mode, "stream", api_key=KEY, server_url=server.base_url)
    assert ("item", GenerationError) == (observed.where, observed.error), observed.value
    error = observed.value
    assert isinstance(error, GenerationError)
    assert KEY not in str(error) and KEY not in repr(error)
    assert "Bearer [redacted]" in error.message
    assert "Par" == error.partial_content


# -- HTML error pages ------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("op", OPS)
def test_a_proxys_html_502_is_a_bad_gateway_with_a_short_excerpt(
    mode: Mode, op: str, fake_openrouter: Any
) -> None:
    """The fake's html-502 fault (nginx's page): BadGatewayResponseError, str() shows the
    page's title and no markup, and err.body keeps the whole page."""
    error = _html_502(mode, op, fake_openrouter).value
    assert isinstance(error, BadGatewayResponseError)
    shown = "HTTP 502: unexpected response (text/html): 502 Bad Gateway"
    assert f"BadGatewayResponseError: {shown}" == str(error)
    assert error.body.startswith("<html>") and "</html>" in error.body


def _html_502(mode: Mode, op: str, fake: Any) -> Any:
    from openrouter_core.models import ChatRequest, ChatUserMessage

    request = ChatRequest(model="fake/html-502", messages=[ChatUserMessage(content="hi")])
    return observe(
        mode, op, request, retry_config=NO_RETRIES, api_key=fake.api_key, server_url=fake.base_url
    )


@pytest.mark.parametrize("mode", MODES)
def test_a_long_html_page_without_a_title_is_cut_short(mode: Mode) -> None:
    """A page with no title shows its text without tags, scripts or styles, cut to an excerpt."""
    page = (
        "<html><style>body{color:red}</style><script>var x = '<b>';</script><body><h1>Upstream"
        " &amp; proxy failed</h1>" + "<p>filler words</p>" * 2000 + "</body></html>"
    ).encode()
    with RawServer(_respond(502, "text/html; charset=utf-8", page)) as server:
        observed = observe(
            mode, "send", retry_config=NO_RETRIES, api_key=KEY, server_url=server.base_url
        )
    error = observed.value
    assert isinstance(error, BadGatewayResponseError)
    text = str(error)
    shown = "HTTP 502: unexpected response (text/html; charset=utf-8): Upstream & proxy failed"
    assert text.startswith(f"BadGatewayResponseError: {shown} filler words")
    assert len(text) < 300 and "<" not in text and "color" not in text
    assert page.decode() == error.body


def test_the_default_test_run_is_deterministic() -> None:
    """`make test` draws the same hypothesis examples every run; only `make fuzz` explores."""
    if settings.get_current_profile_name() != "default":
        pytest.skip("run under another hypothesis profile (make fuzz)")
    assert (True, None) == (settings().derandomize, settings().database)
    assert not settings.get_profile("fuzz").derandomize
