"""The fake OpenRouter server, exercised over real loopback sockets with plain httpx."""

import itertools
import json
import socket
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

import anyio
import httpx
import pytest

import openrouter_core.testing
from openrouter_core._converter import from_builtins, from_json
from openrouter_core.models import ChatResult, ChatStreamChunk
from openrouter_core.testing import DEFAULT_API_KEY, FakeOpenRouter, RecordedRequest

pytest_plugins = ["openrouter_core.testing.pytest_plugin"]
pytestmark = pytest.mark.anyio
SYNC = pytest.mark.parametrize("sync", [True, False], ids=["sync", "async"])
PARIS = "The capital of France is Paris."
QUESTION = {"role": "user", "content": "What is the capital of France?"}
WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "parameters": {
            "type": "object",
            "properties": {
                "city": {"type": "string"},
                "units": {"enum": ["celsius", "fahrenheit"]},
                "days": {"type": "integer"},
                "note": {"type": "string"},
            },
            "required": ["city", "units", "days"],
        },
    },
}
CLOCK_TOOL = {"type": "function", "function": {"name": "get_time", "parameters": {}}}
PROVIDER_ERRORS = {502, 504, 524, 529}
# One TLS context for every client: httpx builds a new one per client otherwise (~30 ms),
# although these tests only speak plain HTTP to loopback.
TLS = ssl.create_default_context()


@pytest.fixture
def server() -> Iterator[FakeOpenRouter]:
    """A fresh server per test, closed afterwards."""
    with FakeOpenRouter() as fake:
        yield fake


def chat(**fields: Any) -> dict[str, Any]:
    """A chat request body asking the capital of France, with ``fields`` merged in."""
    return {"model": "openai/gpt-4o", "messages": [QUESTION], **fields}


def auth(server: FakeOpenRouter, **headers: str) -> dict[str, str]:
    """The server's bearer token plus ``headers``."""
    return {"Authorization": f"Bearer {server.api_key}", **headers}


async def send(
    server: FakeOpenRouter,
    body: Any = None,
    *,
    sync: bool,
    headers: dict[str, str] | None = None,
    method: str = "POST",
    path: str = "/chat/completions",
    content: bytes | None = None,
) -> httpx.Response:
    """One request with a sync or an async httpx client; the body is read."""
    request_headers = auth(server) if headers is None else headers
    options: dict[str, Any] = {"headers": request_headers, "timeout": 10}
    if content is not None:
        options["content"] = content
    elif body is not None:
        options["json"] = body
    url = server.base_url + path
    if sync:
        with httpx.Client(verify=TLS) as client:
            return client.request(method, url, **options)
    async with httpx.AsyncClient(verify=TLS) as client:
        return await client.request(method, url, **options)


async def stream_lines(
    server: FakeOpenRouter, body: Any, *, sync: bool, headers: dict[str, str] | None = None
) -> list[tuple[float, str]]:
    """The non-empty lines of a streamed body, each with its arrival time (monotonic)."""
    lines: list[tuple[float, str]] = []
    options: dict[str, Any] = {"json": body, "headers": headers or auth(server), "timeout": 10}
    url = f"{server.base_url}/chat/completions"
    if sync:
        with httpx.Client(verify=TLS) as client, client.stream("POST", url, **options) as response:
            lines += [(time.monotonic(), line) for line in response.iter_lines() if line]
    else:
        async with (
            httpx.AsyncClient(verify=TLS) as aclient,
            aclient.stream("POST", url, **options) as r,
        ):
            lines += [(time.monotonic(), line) async for line in r.aiter_lines() if line]
    return lines


def events(lines: list[tuple[float, str]]) -> list[Any]:
    """The JSON payloads of the data lines, with ``[DONE]`` kept as the string."""
    payloads = (line.removeprefix("data: ") for _, line in lines if line.startswith("data: "))
    return [p if p == "[DONE]" else json.loads(p) for p in payloads]


def streamed_content(chunks: list[Any]) -> str:
    """The concatenated content deltas of the chunks."""
    return "".join(
        choice["delta"].get("content") or ""
        for item in chunks
        if isinstance(item, dict)
        for choice in item["choices"]
    )


def test_base_url_is_the_loopback_api_root(server: FakeOpenRouter) -> None:
    """The server listens on 127.0.0.1 on an ephemeral port and exposes the /api/v1 root."""
    assert 0 != server.port
    assert f"http://127.0.0.1:{server.port}/api/v1" == server.base_url
    assert DEFAULT_API_KEY == server.api_key


@SYNC
async def test_known_question_gets_its_canned_answer(server: FakeOpenRouter, sync: bool) -> None:
    """A complete chat.completion comes back, with usage, cost, provider and generation id."""
    response = await send(server, chat(), sync=sync)
    body = response.json()
    choice = body["choices"][0]
    usage = body["usage"]
    assert 200 == response.status_code
    assert "application/json" == response.headers["content-type"]
    assert PARIS == choice["message"]["content"]
    assert ("stop", "stop") == (choice["finish_reason"], choice["native_finish_reason"])
    assert body["id"].startswith("gen-")
    assert body["id"] == response.headers["x-generation-id"]
    assert ("openai/gpt-4o", "OpenAI") == (body["model"], body["provider"])
    assert usage["prompt_tokens"] + usage["completion_tokens"] == usage["total_tokens"]
    assert 0 < usage["cost"]


@SYNC
async def test_other_questions_are_echoed(server: FakeOpenRouter, sync: bool) -> None:
    """The reply is built from the last user message, text parts included."""
    parts = [{"type": "text", "text": "Tell me"}, {"type": "text", "text": "a joke"}]
    messages = [
        QUESTION,
        {"role": "assistant", "content": PARIS},
        {"role": "user", "content": parts},
    ]
    response = await send(server, {"messages": messages}, sync=sync)
    assert "You said: Tell me a joke" == response.json()["choices"][0]["message"]["content"]


@SYNC
async def test_same_request_gets_the_same_answer(server: FakeOpenRouter, sync: bool) -> None:
    """Apart from the generation id and the clock, answers are deterministic."""
    first, second = [(await send(server, chat(), sync=sync)).json() for _ in range(2)]
    for body in (first, second):
        del body["id"], body["created"]
    assert first == second


@SYNC
async def test_missing_authorization_answers_401(server: FakeOpenRouter, sync: bool) -> None:
    """Without a bearer token the real 401 envelope comes back."""
    response = await send(server, chat(), sync=sync, headers={})
    expected = {"error": {"code": 401, "message": "Missing Authentication header"}}
    assert (401, expected) == (response.status_code, response.json())


@SYNC
async def test_wrong_key_answers_401(server: FakeOpenRouter, sync: bool) -> None:
    """A bearer token other than the server's key is refused."""
    response = await send(server, chat(), sync=sync, headers={"Authorization": "Bearer sk-no"})
    expected = {"error": {"code": 401, "message": "User not found."}}
    assert (401, expected) == (response.status_code, response.json())


@SYNC
async def test_server_without_key_accepts_any_token(sync: bool) -> None:
    """With api_key=None any non-empty bearer token is accepted."""
    with FakeOpenRouter(api_key=None) as server:
        response = await send(server, chat(), sync=sync, headers={"Authorization": "Bearer x"})
    assert 200 == response.status_code


@SYNC
@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "Request body is empty; expected a JSON chat request"),
        (b"{not", "Request body is not valid JSON: Expecting property name enclosed in double"),
        (b"[1, 2]", "Request body is not a JSON object"),
        (b'{"model": "a/b"}', "Invalid chat request: $.messages: required field missing"),
        (b'{"messages": []}', "$.messages: expected at least one message"),
        (
            b'{"messages": [{"role": "user", "content": "Hi"}], "stream": "yes"}',
            "Invalid chat request: $.stream: expected a boolean or null, got a string",
        ),
        (b'{"messages": [{"role": "wizard"}]}', "$.messages[0].role: unknown role 'wizard'"),
    ],
    ids=["empty", "not_json", "array", "no_messages", "empty_messages", "bad_type", "bad_role"],
)
async def test_invalid_bodies_answer_400_with_the_reason(
    server: FakeOpenRouter, sync: bool, content: bytes, reason: str
) -> None:
    """A body that is not a chat request gets a 400 envelope saying why."""
    response = await send(server, sync=sync, content=content)
    error = response.json()["error"]
    assert (400, 400) == (response.status_code, error["code"])
    assert error["message"].startswith(reason)


@SYNC
async def test_unknown_path_answers_404(server: FakeOpenRouter, sync: bool) -> None:
    """A path outside the API answers 404 with the real error envelope."""
    response = await send(server, chat(), sync=sync, path="/chat/completion")
    assert (404, {"error": {"code": 404, "message": "Not Found"}}) == (
        response.status_code,
        response.json(),
    )


@SYNC
async def test_other_methods_answer_405(server: FakeOpenRouter, sync: bool) -> None:
    """GET on the chat path is refused with Allow: POST."""
    response = await send(server, sync=sync, method="GET")
    assert (405, "POST") == (response.status_code, response.headers["allow"])


@SYNC
async def test_required_tool_choice_calls_the_first_tool(
    server: FakeOpenRouter, sync: bool
) -> None:
    """Arguments fill the schema's required properties; finish_reason is tool_calls."""
    body = chat(tools=[WEATHER_TOOL, CLOCK_TOOL], tool_choice="required")
    choice = (await send(server, body, sync=sync)).json()["choices"][0]
    call = choice["message"]["tool_calls"][0]
    arguments = {"city": QUESTION["content"], "units": "celsius", "days": 1}
    assert "tool_calls" == choice["finish_reason"]
    assert None is choice["message"]["content"]
    assert ("function", "get_weather") == (call["type"], call["function"]["name"])
    assert arguments == json.loads(call["function"]["arguments"])


@SYNC
async def test_named_tool_choice_calls_that_tool(server: FakeOpenRouter, sync: bool) -> None:
    """tool_choice naming a function calls it, with "{}" for a schema without properties."""
    named = {"type": "function", "function": {"name": "get_time"}}
    body = chat(tools=[WEATHER_TOOL, CLOCK_TOOL], tool_choice=named)
    call = (await send(server, body, sync=sync)).json()["choices"][0]["message"]["tool_calls"][0]
    assert ("get_time", "{}") == (call["function"]["name"], call["function"]["arguments"])


@SYNC
async def test_tool_choice_naming_an_unknown_tool_answers_400(
    server: FakeOpenRouter, sync: bool
) -> None:
    """A forced function that tools does not offer is a bad request."""
    named = {"type": "function", "function": {"name": "nope"}}
    response = await send(server, chat(tools=[WEATHER_TOOL], tool_choice=named), sync=sync)
    expected = "tool_choice names 'nope', which is not in tools"
    assert (400, expected) == (response.status_code, response.json()["error"]["message"])


@SYNC
async def test_auto_tool_choice_answers_with_text(server: FakeOpenRouter, sync: bool) -> None:
    """Tools alone do not force a call; a tool result is acknowledged in text."""
    messages = [QUESTION, {"role": "tool", "tool_call_id": "call_0", "content": "sunny"}]
    response = await send(server, chat(tools=[WEATHER_TOOL], messages=messages), sync=sync)
    message = response.json()["choices"][0]["message"]
    assert ("The tool returned: sunny", None) == (message["content"], message.get("tool_calls"))


@SYNC
async def test_reasoning_request_gets_reasoning_details(server: FakeOpenRouter, sync: bool) -> None:
    """reasoning set gives reasoning text, one reasoning.text detail and reasoning tokens."""
    body = (await send(server, chat(reasoning={"effort": "low"}), sync=sync)).json()
    message = body["choices"][0]["message"]
    detail = {"type": "reasoning.text", "text": message["reasoning"], "format": "unknown"}
    assert message["reasoning"].startswith("The user asked")
    assert [{**detail, "index": 0}] == message["reasoning_details"]
    assert 0 < body["usage"]["completion_tokens_details"]["reasoning_tokens"]


@SYNC
async def test_excluded_reasoning_is_not_returned(server: FakeOpenRouter, sync: bool) -> None:
    """reasoning.exclude keeps reasoning out of the answer, as on the real API."""
    body = (await send(server, chat(reasoning={"exclude": True}), sync=sync)).json()
    assert "reasoning" not in body["choices"][0]["message"]


@SYNC
async def test_max_tokens_cuts_the_reply(server: FakeOpenRouter, sync: bool) -> None:
    """A reply longer than max_tokens is cut and finishes with "length"."""
    choice = (await send(server, chat(max_tokens=2), sync=sync)).json()["choices"][0]
    assert ("The capi", "length") == (choice["message"]["content"], choice["finish_reason"])


@SYNC
async def test_stream_is_framed_like_openrouter(server: FakeOpenRouter, sync: bool) -> None:
    """Keep-alive comment, role chunk, content chunks, finish, usage-only chunk, [DONE]."""
    lines = await stream_lines(server, chat(stream=True), sync=sync)
    chunks = events(lines)
    role, *content, finish, usage, done = chunks
    assert ": OPENROUTER PROCESSING" == lines[0][1]
    assert {"role": "assistant", "content": ""} == role["choices"][0]["delta"]
    assert 1 < len(content)
    assert PARIS == streamed_content(chunks)
    assert ("stop", "stop") == (
        finish["choices"][0]["finish_reason"],
        finish["choices"][0]["native_finish_reason"],
    )
    assert ([], True) == (usage["choices"], 0 < usage["usage"]["cost"])
    assert "[DONE]" == done
    assert {"chat.completion.chunk"} == {c["object"] for c in chunks[:-1]}
    assert 1 == len({c["id"] for c in chunks[:-1]})


@SYNC
async def test_stream_headers_name_the_generation(server: FakeOpenRouter, sync: bool) -> None:
    """A stream is text/event-stream, chunked, with X-Generation-Id equal to the chunk id."""
    url = f"{server.base_url}/chat/completions"
    options: dict[str, Any] = {"json": chat(stream=True), "headers": auth(server)}
    if sync:
        with httpx.Client(verify=TLS) as client, client.stream("POST", url, **options) as response:
            first = next(line for line in response.iter_lines() if line.startswith("data:"))
    else:
        async with (
            httpx.AsyncClient(verify=TLS) as aclient,
            aclient.stream("POST", url, **options) as r,
        ):
            response = r
            first = await anext(line async for line in r.aiter_lines() if line.startswith("d"))
    assert "text/event-stream" == response.headers["content-type"]
    assert "chunked" == response.headers["transfer-encoding"]
    assert json.loads(first[6:])["id"] == response.headers["x-generation-id"]


@SYNC
async def test_stream_tool_call_fragments_join_by_index(server: FakeOpenRouter, sync: bool) -> None:
    """The first fragment has id, type and name; argument fragments join to the JSON."""
    body = chat(stream=True, tools=[WEATHER_TOOL], tool_choice="required")
    chunks = events(await stream_lines(server, body, sync=sync))
    calls = [
        call
        for item in chunks[:-1]
        for choice in item["choices"]
        for call in choice["delta"].get("tool_calls") or ()
    ]
    arguments = "".join(call["function"]["arguments"] for call in calls)
    assert 2 < len(calls)
    assert {0} == {call["index"] for call in calls}
    assert ("call_0_get_weather", "get_weather") == (calls[0]["id"], calls[0]["function"]["name"])
    assert "celsius" == json.loads(arguments)["units"]
    assert "tool_calls" == chunks[-3]["choices"][0]["finish_reason"]


@SYNC
async def test_stream_reasoning_arrives_before_content(server: FakeOpenRouter, sync: bool) -> None:
    """Reasoning deltas carry reasoning_details pieces that join to the reasoning text."""
    chunks = events(await stream_lines(server, chat(stream=True, reasoning={}), sync=sync))
    deltas = [c["choices"][0]["delta"] for c in chunks if isinstance(c, dict) and c["choices"]]
    reasoning = "".join(d.get("reasoning") or "" for d in deltas)
    details = "".join(x["text"] for d in deltas for x in d.get("reasoning_details") or ())
    first_content = next(i for i, d in enumerate(deltas) if d.get("content"))
    last_reasoning = max(i for i, d in enumerate(deltas) if d.get("reasoning"))
    assert reasoning.startswith("The user asked")
    assert reasoning == details
    assert last_reasoning < first_content


@SYNC
@pytest.mark.parametrize(
    "status", [400, 401, 402, 403, 404, 408, 413, 422, 429, 500, 502, 503, 504, 524, 529]
)
async def test_error_status_faults_send_the_real_envelope(
    server: FakeOpenRouter, sync: bool, status: int
) -> None:
    """fake/error-<status> answers that status with code, message and error_type metadata."""
    response = await send(server, chat(model=f"fake/error-{status}"), sync=sync)
    error = response.json()["error"]
    assert (status, status) == (response.status_code, error["code"])
    assert error["message"]
    assert "error_type" in error["metadata"]
    assert (status in PROVIDER_ERRORS) == ({"provider_name", "raw"} <= error["metadata"].keys())
    assert (status in (429, 503)) == ("retry-after" in response.headers)


@SYNC
async def test_rate_limit_fault_sends_rate_limit_headers(
    server: FakeOpenRouter, sync: bool
) -> None:
    """A 429 carries Retry-After (overridable per request) and the X-RateLimit-* headers."""
    headers = auth(server, **{"X-Fake-Retry-After": "7"})
    response = await send(server, chat(model="fake/error-429"), sync=sync, headers=headers)
    assert ("7", "20", "0") == (
        response.headers["retry-after"],
        response.headers["x-ratelimit-limit"],
        response.headers["x-ratelimit-remaining"],
    )
    assert response.headers["x-ratelimit-reset"].isdigit()


@SYNC
async def test_fault_header_wins_over_the_model(server: FakeOpenRouter, sync: bool) -> None:
    """X-Fake-Fault applies to any model and takes precedence over a fake/ model."""
    headers = auth(server, **{"X-Fake-Fault": "error-402"})
    response = await send(server, chat(model="fake/error-500"), sync=sync, headers=headers)
    assert 402 == response.status_code


@SYNC
@pytest.mark.parametrize("name", ["fake/nope", "fake/error-418", "fake/flaky-418-1"])
async def test_unknown_faults_answer_400(server: FakeOpenRouter, sync: bool, name: str) -> None:
    """A fake/ model outside the catalogue is an invalid model, naming the fault."""
    response = await send(server, chat(model=name), sync=sync)
    expected = f"{name[5:]} is not a valid fault (see openrouter_core.testing)"
    assert (400, expected) == (response.status_code, response.json()["error"]["message"])


@SYNC
@pytest.mark.parametrize("stream", [False, True], ids=["json", "stream"])
async def test_error_in_body_fault_is_an_http_200_error(
    server: FakeOpenRouter, sync: bool, stream: bool
) -> None:
    """The body is {"error": ...} with status 200, even for a stream request."""
    response = await send(server, chat(model="fake/error-in-body", stream=stream), sync=sync)
    body = response.json()
    assert (200, "application/json") == (response.status_code, response.headers["content-type"])
    assert ["error"] == list(body)
    assert (502, "provider_unavailable") == (
        body["error"]["code"],
        body["error"]["metadata"]["error_type"],
    )


@SYNC
async def test_choice_error_fault_returns_partial_content(
    server: FakeOpenRouter, sync: bool
) -> None:
    """finish_reason "error", the content so far, and choices[0].error with metadata."""
    response = await send(server, chat(model="fake/choice-error"), sync=sync)
    choice = response.json()["choices"][0]
    assert 200 == response.status_code
    assert "error" == choice["finish_reason"]
    assert PARIS.startswith(choice["message"]["content"])
    assert PARIS != choice["message"]["content"]
    assert 502 == choice["error"]["code"]


@SYNC
async def test_mid_stream_error_fault_follows_some_content(
    server: FakeOpenRouter, sync: bool
) -> None:
    """Content chunks, then a chunk with a top-level error and finish_reason "error"; no [DONE]."""
    chunks = events(
        await stream_lines(server, chat(model="fake/mid-stream-error", stream=True), sync=sync)
    )
    last = chunks[-1]
    assert "" != streamed_content(chunks[:-1])
    assert PARIS.startswith(streamed_content(chunks[:-1]))
    assert 502 == last["error"]["code"]
    assert "error" == last["choices"][0]["finish_reason"]
    assert "[DONE]" not in chunks


@SYNC
async def test_error_chunk_first_fault_has_no_choices(server: FakeOpenRouter, sync: bool) -> None:
    """The only data event is an error chunk with choices [] and no [DONE] follows."""
    lines = await stream_lines(server, chat(model="fake/error-chunk-first", stream=True), sync=sync)
    (only,) = events(lines)
    assert ([], 502) == (only["choices"], only["error"]["code"])


@SYNC
async def test_truncate_fault_ends_the_stream_early(server: FakeOpenRouter, sync: bool) -> None:
    """Some content, then a clean end of body: no finish reason, no usage, no [DONE]."""
    chunks = events(await stream_lines(server, chat(model="fake/truncate", stream=True), sync=sync))
    finishes = [c["choices"][0]["finish_reason"] for c in chunks if c["choices"]]
    assert "" != streamed_content(chunks)
    assert {None} == set(finishes)
    assert [] == [c for c in chunks if c == "[DONE]" or "usage" in c]


@SYNC
async def test_truncate_fault_cuts_a_json_body(server: FakeOpenRouter, sync: bool) -> None:
    """Without stream the 200 body is half a JSON document."""
    response = await send(server, chat(model="fake/truncate"), sync=sync)
    assert 200 == response.status_code
    with pytest.raises(json.JSONDecodeError):
        response.json()


@SYNC
async def test_stall_fault_sends_only_keepalives_then_answers(
    server: FakeOpenRouter, sync: bool
) -> None:
    """After the role chunk only comments arrive for the stall, then the normal answer."""
    lines = await stream_lines(server, chat(model="fake/stall-0.6", stream=True), sync=sync)
    role_at = next(i for i, (_, line) in enumerate(lines) if line.startswith("data:"))
    content_at = (
        role_at
        + 1
        + next(i for i, (_, line) in enumerate(lines[role_at + 1 :]) if line.startswith("data:"))
    )
    between = [line for _, line in lines[role_at + 1 : content_at]]
    assert 2 <= len(between)
    assert {": OPENROUTER PROCESSING"} == set(between)
    assert 0.5 < lines[content_at][0] - lines[role_at][0]
    assert PARIS == streamed_content(events(lines))


@SYNC
async def test_stall_mid_fault_pauses_after_some_content(
    server: FakeOpenRouter, sync: bool
) -> None:
    """The gap comes after content has started, and the stream still completes."""
    lines = await stream_lines(server, chat(model="fake/stall-mid-0.5", stream=True), sync=sync)
    data = [(at, line) for at, line in lines if line.startswith("data:")]
    pairs = enumerate(itertools.pairwise(data))
    gaps = [(later - earlier, i) for i, ((earlier, _), (later, _)) in pairs]
    gap, index = max(gaps)
    assert 0.4 < gap
    assert "" != streamed_content(events(data[: index + 1]))
    assert "[DONE]" == events(lines)[-1]


@SYNC
async def test_stall_fault_delays_a_json_body_after_headers(
    server: FakeOpenRouter, sync: bool
) -> None:
    """Without stream, status and headers arrive at once and the body after the stall."""
    url = f"{server.base_url}/chat/completions"
    options: dict[str, Any] = {"json": chat(model="fake/stall-0.8"), "headers": auth(server)}
    start = time.monotonic()
    if sync:
        with httpx.Client(verify=TLS) as client, client.stream("POST", url, **options) as response:
            headers_at = time.monotonic()
            body = response.read()
    else:
        async with (
            httpx.AsyncClient(verify=TLS) as aclient,
            aclient.stream("POST", url, **options) as r,
        ):
            headers_at = time.monotonic()
            body = await r.aread()
    assert headers_at - start < 0.6
    assert 0.4 < time.monotonic() - headers_at
    assert PARIS == json.loads(body)["choices"][0]["message"]["content"]


@SYNC
async def test_slow_fault_delays_the_whole_answer(server: FakeOpenRouter, sync: bool) -> None:
    """fake/slow-<s> answers normally after s seconds."""
    start = time.monotonic()
    response = await send(server, chat(model="fake/slow-0.3"), sync=sync)
    assert 0.3 <= time.monotonic() - start
    assert PARIS == response.json()["choices"][0]["message"]["content"]


@SYNC
@pytest.mark.parametrize("stream", [False, True], ids=["json", "stream"])
async def test_reset_before_status_fault_drops_the_connection(
    server: FakeOpenRouter, sync: bool, stream: bool
) -> None:
    """The client sees a connection reset and no response at all."""
    with pytest.raises(httpx.ReadError):
        await send(server, chat(model="fake/reset-before-status", stream=stream), sync=sync)


@SYNC
async def test_reset_mid_body_fault_fails_while_reading(server: FakeOpenRouter, sync: bool) -> None:
    """Status and headers arrive, then the body read fails with a reset."""
    url = f"{server.base_url}/chat/completions"
    options: dict[str, Any] = {"json": chat(model="fake/reset-mid-body"), "headers": auth(server)}
    statuses: list[int] = []
    with pytest.raises(httpx.ReadError):
        if sync:
            with (
                httpx.Client(verify=TLS) as client,
                client.stream("POST", url, **options) as response,
            ):
                statuses.append(response.status_code)
                response.read()
        else:
            async with (
                httpx.AsyncClient(verify=TLS) as aclient,
                aclient.stream("POST", url, **options) as r,
            ):
                statuses.append(r.status_code)
                await r.aread()
    assert [200] == statuses  # the status line came, so the reset was mid-body


@SYNC
async def test_reset_mid_stream_fault_fails_after_content(
    server: FakeOpenRouter, sync: bool
) -> None:
    """Some content chunks arrive, then iterating the stream fails with a reset."""
    url = f"{server.base_url}/chat/completions"
    body = chat(model="fake/reset-mid-stream", stream=True)
    options: dict[str, Any] = {"json": body, "headers": auth(server)}
    seen: list[str] = []
    with pytest.raises(httpx.ReadError):
        if sync:
            with (
                httpx.Client(verify=TLS) as client,
                client.stream("POST", url, **options) as response,
            ):
                for line in response.iter_lines():
                    seen.append(line)
        else:
            async with (
                httpx.AsyncClient(verify=TLS) as aclient,
                aclient.stream("POST", url, **options) as r,
            ):
                async for line in r.aiter_lines():
                    seen.append(line)
    content = streamed_content(events([(0.0, line) for line in seen if line]))
    assert "" != content


@SYNC
async def test_html_502_fault_sends_a_proxy_page(server: FakeOpenRouter, sync: bool) -> None:
    """A 502 whose body is HTML, as from a proxy in front of the API."""
    response = await send(server, chat(model="fake/html-502"), sync=sync)
    assert (502, "text/html") == (response.status_code, response.headers["content-type"])
    assert "<title>502 Bad Gateway</title>" in response.text


@SYNC
async def test_non_json_200_fault_sends_html(server: FakeOpenRouter, sync: bool) -> None:
    """A 200 whose body is not JSON at all."""
    response = await send(server, chat(model="fake/non-json-200"), sync=sync)
    assert (200, "text/html") == (response.status_code, response.headers["content-type"])
    with pytest.raises(json.JSONDecodeError):
        response.json()


@SYNC
async def test_flaky_fault_fails_n_times_then_answers(server: FakeOpenRouter, sync: bool) -> None:
    """fake/flaky-503-2 answers 503 twice, then normally; reset() restarts the count."""
    body = chat(model="fake/flaky-503-2")
    statuses = [(await send(server, body, sync=sync)).status_code for _ in range(3)]
    server.reset()
    again = (await send(server, body, sync=sync)).status_code
    assert ([503, 503, 200], 503) == (statuses, again)


@SYNC
async def test_flaky_counts_are_kept_per_request_key(server: FakeOpenRouter, sync: bool) -> None:
    """Each X-Fake-Request-Key value has its own count."""
    body = chat(model="fake/flaky-429-1")
    keys = ["a", "a", "b", "b"]
    statuses = [
        (
            await send(server, body, sync=sync, headers=auth(server, **{"X-Fake-Request-Key": k}))
        ).status_code
        for k in keys
    ]
    assert [429, 200, 429, 200] == statuses


@SYNC
async def test_flaky_reset_fault_resets_then_answers(server: FakeOpenRouter, sync: bool) -> None:
    """fake/flaky-reset-1 drops the first connection, then answers."""
    body = chat(model="fake/flaky-reset-1")
    with pytest.raises(httpx.ReadError):
        await send(server, body, sync=sync)
    assert 200 == (await send(server, body, sync=sync)).status_code


@SYNC
async def test_requests_are_recorded(server: FakeOpenRouter, sync: bool) -> None:
    """Method, path, lower-cased headers, raw body and parsed JSON are kept in order."""
    await send(server, chat(), sync=sync)
    await send(server, sync=sync, method="GET", path="/models", headers={})
    first, second = server.requests
    assert ("POST", "/api/v1/chat/completions") == (first.method, first.path)
    assert f"Bearer {server.api_key}" == first.headers["authorization"]
    assert (chat(), chat()) == (first.json, json.loads(first.body))
    assert RecordedRequest("GET", "/api/v1/models", second.headers, b"", None) == second
    server.reset()
    assert [] == server.requests


@SYNC
async def test_concurrent_requests_are_all_answered_and_recorded(
    server: FakeOpenRouter, sync: bool
) -> None:
    """Requests from many clients at once are served in parallel and all recorded."""
    statuses: list[int] = []

    async def one(index: int) -> None:
        body = chat(messages=[{"role": "user", "content": f"n{index}"}])
        statuses.append((await send(server, body, sync=sync)).status_code)

    async with anyio.create_task_group() as group:
        for index in range(10):
            group.start_soon(one, index)
    texts = sorted(r.json["messages"][0]["content"] for r in server.requests)
    assert ([200] * 10, sorted(f"n{i}" for i in range(10))) == (statuses, texts)


def test_connections_are_kept_alive(server: FakeOpenRouter) -> None:
    """Two requests on one TCP connection both get answers (HTTP/1.1 keep-alive)."""
    body = json.dumps(chat()).encode()
    request = (
        f"POST /api/v1/chat/completions HTTP/1.1\r\nHost: x\r\n"
        f"Authorization: Bearer {server.api_key}\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    received = b""
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        for _ in range(2):
            sock.sendall(request)
            while received.count(PARIS.encode()) < _ + 1:
                received += sock.recv(65536)
    assert 2 == received.count(b"HTTP/1.1 200 OK")


def test_close_ends_stalls_and_open_connections() -> None:
    """Closing during a long stall with an idle keep-alive connection returns at once."""
    threads_before = set(threading.enumerate())
    server = FakeOpenRouter()
    errors: list[BaseException] = []
    idle = httpx.Client(verify=TLS)
    idle.post(f"{server.base_url}/chat/completions", json=chat(), headers=auth(server))

    def stalled() -> None:
        body = chat(model="fake/stall-30", stream=True)
        try:
            with (
                httpx.Client(verify=TLS) as client,
                client.stream(
                    "POST", f"{server.base_url}/chat/completions", json=body, headers=auth(server)
                ) as response,
            ):
                for _ in response.iter_lines():
                    pass
        except httpx.HTTPError as error:
            errors.append(error)

    thread = threading.Thread(target=stalled)
    thread.start()
    while len(server.requests) < 2:
        time.sleep(0.01)
    start = time.monotonic()
    server.close()
    server.close()
    elapsed = time.monotonic() - start
    thread.join(5)
    idle.close()
    assert elapsed < 2
    assert not thread.is_alive()
    assert [httpx.RemoteProtocolError] == [type(error) for error in errors]
    assert set() == set(threading.enumerate()) - threads_before
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", server.port), timeout=1).close()


@SYNC
async def test_pytest_fixture_serves_a_fresh_server(
    fake_openrouter: FakeOpenRouter, sync: bool
) -> None:
    """The plugin's fake_openrouter fixture is a running server with no requests yet."""
    assert [] == fake_openrouter.requests
    assert 200 == (await send(fake_openrouter, chat(), sync=sync)).status_code


def test_public_names_are_exactly_all() -> None:
    """__all__ is sorted and lists every public name of openrouter_core.testing."""
    # "@py_..." names come from pytest's assertion rewriting of the registered plugin.
    public = {name for name in vars(openrouter_core.testing) if not name.startswith(("_", "@"))}
    modules = {"pytest_plugin"} & public
    assert sorted(openrouter_core.testing.__all__) == openrouter_core.testing.__all__
    assert set(openrouter_core.testing.__all__) == public - modules


def test_importing_the_sdk_does_not_import_the_testing_kit() -> None:
    """import openrouter_core stays cheap: the fake server loads only on demand."""
    code = "import sys, openrouter_core; print('openrouter_core.testing' in sys.modules)"
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "False" == output.strip()


@SYNC
@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"tools": [WEATHER_TOOL], "tool_choice": "required"},
        {"reasoning": {"effort": "high"}},
        {"model": "fake/choice-error"},
    ],
    ids=["text", "tool_call", "reasoning", "choice_error"],
)
async def test_answers_decode_as_the_sdks_chat_result(
    server: FakeOpenRouter, sync: bool, fields: dict[str, Any]
) -> None:
    """Every JSON answer decodes with the SDK's own ChatResult, nothing left in extra."""
    response = await send(server, chat(**fields), sync=sync)
    result = from_json(response.content, ChatResult).unwrap()
    assert response.json()["id"] == result.id
    assert {} == result.choices[0].extra


@SYNC
@pytest.mark.parametrize(
    "fields",
    [
        {"reasoning": {}, "tools": [WEATHER_TOOL], "tool_choice": "required"},
        {"model": "fake/mid-stream-error"},
        {"model": "fake/error-chunk-first"},
    ],
    ids=["reasoning_and_tools", "mid_stream_error", "error_chunk_first"],
)
async def test_stream_chunks_decode_as_the_sdks_chunk(
    server: FakeOpenRouter, sync: bool, fields: dict[str, Any]
) -> None:
    """Every data event of a stream decodes with the SDK's own ChatStreamChunk."""
    chunks = events(await stream_lines(server, chat(stream=True, **fields), sync=sync))
    decoded = [from_builtins(c, ChatStreamChunk).unwrap() for c in chunks if c != "[DONE]"]
    assert [c["id"] for c in chunks if c != "[DONE]"] == [c.id for c in decoded]
