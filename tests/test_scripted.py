"""The scripted-response kit: responses for httpx.MockTransport, sync and async."""

import json
from typing import Any

import httpx
import pytest

from openrouter_core._converter import from_builtins
from openrouter_core.models import ChatResult, ChatStreamChunk
from openrouter_core.testing import (
    ScriptedTransport,
    chat_result,
    error_chunk,
    error_response,
    json_response,
    mock_transport,
    sse_response,
    stream_chunks,
)

pytestmark = pytest.mark.anyio
SYNC = pytest.mark.parametrize("sync", [True, False], ids=["sync", "async"])
URL = "https://openrouter.ai/api/v1/chat/completions"


async def post(transport: httpx.MockTransport, *, sync: bool) -> httpx.Response:
    """POST a small chat body through the transport with a sync or async client; body read."""
    body = {"messages": [{"role": "user", "content": "Hi"}]}
    if sync:
        with httpx.Client(transport=transport) as client:
            return client.post(URL, json=body)
    async with httpx.AsyncClient(transport=transport) as aclient:
        return await aclient.post(URL, json=body)


async def pieces(response: httpx.Response, *, sync: bool) -> list[bytes]:
    """The raw body pieces as the transport delivers them."""
    transport = mock_transport([response])
    if sync:
        with httpx.Client(transport=transport) as client, client.stream("GET", URL) as r:
            return list(r.iter_raw())
    async with httpx.AsyncClient(transport=transport) as aclient, aclient.stream("GET", URL) as r:
        return [piece async for piece in r.aiter_raw()]


def data_events(body: bytes) -> list[Any]:
    """The JSON of every data line, [DONE] kept as the string."""
    lines = body.decode().split("\n")
    payloads = [line.removeprefix("data: ") for line in lines if line.startswith("data: ")]
    return [p if p == "[DONE]" else json.loads(p) for p in payloads]


@SYNC
async def test_json_response_defaults_to_a_chat_result(sync: bool) -> None:
    """With no payload the body is chat_result() and X-Generation-Id carries its id."""
    response = await post(mock_transport([json_response()]), sync=sync)
    assert (200, chat_result()) == (response.status_code, response.json())
    assert chat_result()["id"] == response.headers["x-generation-id"]


@SYNC
async def test_json_response_takes_status_and_headers(sync: bool) -> None:
    """Status and extra headers are applied; non-2xx bodies get no generation id header,
    even when they carry an id."""
    body = {"id": "gen-7", "ok": True}
    scripted = json_response(body, status=418, headers={"X-Extra": "1"})
    response = await post(mock_transport([scripted]), sync=sync)
    assert (418, body, "1", None) == (
        response.status_code,
        response.json(),
        response.headers["x-extra"],
        response.headers.get("x-generation-id"),
    )
    second = await post(mock_transport([json_response(body)]), sync=sync)
    assert (200, "gen-7") == (second.status_code, second.headers["x-generation-id"])


@SYNC
async def test_error_response_defaults_to_the_fake_servers_envelope(sync: bool) -> None:
    """error_response(429) is the real 429 envelope; retry_after sets the header."""
    response = await post(mock_transport([error_response(429, retry_after="2")]), sync=sync)
    error = response.json()["error"]
    assert (429, "2") == (response.status_code, response.headers["retry-after"])
    assert (429, "rate_limit_exceeded") == (error["code"], error["metadata"]["error_type"])


@SYNC
async def test_error_response_with_message_uses_given_metadata(sync: bool) -> None:
    """A message replaces the default and keyword arguments become the metadata."""
    scripted = error_response(502, "Provider returned error", provider_name="OpenAI", raw="x")
    response = await post(mock_transport([scripted]), sync=sync)
    expected = {
        "error": {
            "code": 502,
            "message": "Provider returned error",
            "metadata": {"provider_name": "OpenAI", "raw": "x"},
        }
    }
    assert expected == response.json()


@SYNC
async def test_sse_response_frames_comments_chunks_and_done(sync: bool) -> None:
    """Strings become content chunks, mappings go verbatim, comments lead, [DONE] ends."""
    usage_chunk = {"id": "gen-1", "choices": [], "usage": {"total_tokens": 3}}
    response = await post(mock_transport([sse_response("Hel", "lo", usage_chunk)]), sync=sync)
    first, second, third, done = data_events(response.content)
    assert response.content.startswith(b": OPENROUTER PROCESSING\n\n")
    assert "text/event-stream" == response.headers["content-type"]
    assert ("Hel", "lo") == (
        first["choices"][0]["delta"]["content"],
        second["choices"][0]["delta"]["content"],
    )
    assert (usage_chunk, "[DONE]") == (third, done)


@SYNC
async def test_sse_response_appends_an_error_chunk(sync: bool) -> None:
    """error= adds the in-band error chunk; done=False leaves out [DONE]."""
    scripted = sse_response("Hi", error="overloaded", done=False)
    response = await post(mock_transport([scripted]), sync=sync)
    *_, last = data_events(response.content)
    assert error_chunk({"code": 502, "message": "overloaded"}) == last


@SYNC
async def test_sse_response_delivers_the_body_in_the_given_pieces(sync: bool) -> None:
    """split_at cuts the bytes exactly there, even inside a UTF-8 character or a CRLF."""
    whole = b"".join(await pieces(sse_response("é", newline="\r\n"), sync=sync))
    inside_e, inside_crlf = whole.index("é".encode()) + 1, whole.index(b"}\r\n") + 2
    scripted = sse_response("é", newline="\r\n", split_at=[inside_crlf, inside_e])
    first, second, third = await pieces(scripted, sync=sync)
    assert whole == first + second + third
    assert ("é".encode()[:1], b"\r") == (first[-1:], second[-1:])
    assert whole.endswith(b"data: [DONE]\r\n\r\n")


@SYNC
async def test_sse_response_truncates_and_raises(sync: bool) -> None:
    """truncate keeps a byte prefix; raises fails the read after the last byte."""
    cut = await pieces(sse_response("Hi", comments=("x",), truncate=5), sync=sync)
    assert [b": x\n\n"] == cut
    with pytest.raises(httpx.ReadError):
        await pieces(sse_response("Hi", raises=httpx.ReadError("reset")), sync=sync)


def test_stream_chunks_fold_to_the_chat_result() -> None:
    """Content, reasoning and tool-call fragments join to what chat_result holds."""
    calls = [("get_weather", {"city": "Paris, France"})]
    chunks = stream_chunks("It is sunny.", reasoning="Think.", tool_calls=calls)
    result = chat_result("It is sunny.", reasoning="Think.", tool_calls=calls)
    deltas = [c["choices"][0]["delta"] for c in chunks if c["choices"]]
    message = result["choices"][0]["message"]
    arguments = "".join(
        call["function"].get("arguments", "") for d in deltas for call in d.get("tool_calls", ())
    )
    assert message["content"] == "".join(d.get("content") or "" for d in deltas)
    assert message["reasoning"] == "".join(d.get("reasoning") or "" for d in deltas)
    assert message["tool_calls"][0]["function"]["arguments"] == arguments
    assert ([], result["usage"]) == (chunks[-1]["choices"], chunks[-1]["usage"])
    assert "tool_calls" == chunks[-2]["choices"][0]["finish_reason"]


def test_chat_result_with_an_error_finishes_with_error() -> None:
    """A choice error sets finish_reason and native_finish_reason to "error"."""
    choice = chat_result("Par", error={"code": 502, "message": "boom"})["choices"][0]
    assert ("error", "error", {"code": 502, "message": "boom"}) == (
        choice["finish_reason"],
        choice["native_finish_reason"],
        choice["error"],
    )


@SYNC
async def test_mock_transport_serves_the_list_in_order_and_records(sync: bool) -> None:
    """Responses and exceptions are used in turn; every request is recorded."""
    transport = mock_transport(
        [httpx.ConnectError("refused"), error_response(503), json_response()]
    )
    with pytest.raises(httpx.ConnectError):
        await post(transport, sync=sync)
    statuses = [(await post(transport, sync=sync)).status_code for _ in range(2)]
    assert [503, 200] == statuses
    assert [URL] * 3 == [str(request.url) for request in transport.requests]
    assert {"messages": [{"role": "user", "content": "Hi"}]} == json.loads(
        transport.requests[0].content
    )


@SYNC
async def test_mock_transport_fails_when_the_script_runs_out(sync: bool) -> None:
    """A request beyond the scripted responses fails the test, naming the request."""
    transport = mock_transport([])
    with pytest.raises(AssertionError, match=f"no scripted response left for POST {URL}"):
        await post(transport, sync=sync)


@SYNC
async def test_mock_transport_accepts_a_handler(sync: bool) -> None:
    """A handler answers every request and can route on it."""

    def handler(request: httpx.Request) -> httpx.Response:
        return json_response({"path": request.url.path})

    transport = mock_transport(handler)
    response = await post(transport, sync=sync)
    assert isinstance(transport, ScriptedTransport)
    assert {"path": "/api/v1/chat/completions"} == response.json()


def test_builders_decode_with_the_sdks_models() -> None:
    """chat_result, stream_chunks and error_chunk all decode with the SDK's models."""
    calls = [("get_weather", {"city": "Paris"})]
    result = from_builtins(chat_result(reasoning="Hm.", tool_calls=calls), ChatResult).unwrap()
    chunks = [
        from_builtins(c, ChatStreamChunk).unwrap()
        for c in stream_chunks(reasoning="Hm.", tool_calls=calls)
    ]
    failed = from_builtins(error_chunk({"code": 502, "message": "boom"}), ChatStreamChunk)
    assert "Paris" in (result.choices[0].message.tool_calls or [])[0].function.arguments
    assert result.usage == chunks[-1].usage
    assert 502 == getattr(failed.unwrap().error, "code", None)


@SYNC
async def test_json_response_serialises_a_model(sync: bool) -> None:
    """A ChatResult model goes out as JSON that decodes back to an equal model."""
    model = from_builtins(chat_result(), ChatResult).unwrap()
    response = await post(mock_transport([json_response(model)]), sync=sync)
    assert model == from_builtins(response.json(), ChatResult).unwrap()
    assert model.id == response.headers["x-generation-id"]
