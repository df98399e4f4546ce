"""Wire parity with the TypeScript SDK, case by case from its recorded requests.

For each case of ``shared/fixtures/ts-sdk-wire/requests.jsonl`` we send the equivalent
Python request and compare method, path, JSON body and the headers the SDK itself sets.
Where the TypeScript SDK is wrong we differ on purpose; ``DIFFERENCES`` names each one.
"""

import json
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from pytest_httpx import HTTPXMock
from returns.result import Failure

from openrouter_core import NO_RETRIES, OpenRouterCore, RequestOptions
from openrouter_core._converter import from_builtins
from openrouter_core.errors import SDKValidationError
from openrouter_core.funcs import chat_send, chat_stream
from openrouter_core.models import ChatRequest, SendChatCompletionRequest

from .support import SHARED, result_json

FIXTURE = SHARED / "fixtures" / "ts-sdk-wire" / "requests.jsonl"
SDK_HEADERS = (
    "content-type",
    "accept",
    "authorization",
    "http-referer",
    "x-openrouter-title",
    "x-openrouter-categories",
    "x-openrouter-metadata",
)
BASE = "http://127.0.0.1:8999/api/v1"

DIFFERENCES = {
    "many_optional_params": "it drops transforms and usage (not in its type); we send them",
    "snake_case_input_keys": "it drops snake_case spellings it does not know; Python callers "
    "use our snake_case fields, which we send",
    "nulls_and_undefined": "explicit nulls: our None means absent, so a caller who wants "
    "JSON null sends it through extra_body",
    "header_value_latin1": "it sends 'Café' as raw Latin-1 bytes; we refuse non-ASCII values",
    "no_api_key_at_all": "it sends no Authorization; we answer a clear Failure",
    "empty_string_api_key": "it sends no Authorization; we answer a clear Failure",
    "api_key_env_set_after_env_was_read": "it memoises the environment process-wide; we read "
    "it when the core is built, so the key is used",
    "invalid_input_empty_messages": "none on the wire (both send messages: [])",
    "tool_call_round_trip": "it sends the assistant's content: null; our None means absent "
    "(the spec does not require the field)",
}
REFUSED = {"header_value_latin1", "no_api_key_at_all", "empty_string_api_key"}


def _cases() -> Iterator[Any]:
    if not FIXTURE.exists():
        yield pytest.param(None, marks=pytest.mark.skip(reason=f"{FIXTURE} is absent"))
        return
    for line in FIXTURE.read_text().splitlines():
        case = json.loads(line)
        yield pytest.param(case, id=case["case"])


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name)


def _python_request(case: dict[str, Any]) -> tuple[Any, RequestOptions, dict[str, Any]]:
    """The request a Python caller writes for this case, and the body we expect to send."""
    expected = json.loads(json.dumps(case["body_json"]))
    sent = dict(expected)
    extra_body: dict[str, Any] = {}
    raw = case["input"]["chatRequest"]
    if case["case"] == "many_optional_params":
        for key in ("transforms", "usage"):
            expected[key] = sent[key] = raw[key]
    if case["case"] == "snake_case_input_keys":
        for key in ("max_tokens", "tool_choice", "response_format", "provider"):
            expected[key] = sent[key] = raw[key]
    if case["case"] == "nulls_and_undefined":
        extra_body = {
            k: v for k, v in expected.items() if k in ("provider", "seed", "stop", "temperature")
        }
        sent = {k: v for k, v in sent.items() if k not in extra_body}
    if case["case"] == "tool_call_round_trip":
        for message in expected["messages"]:
            if message.get("content", "") is None:
                del message["content"]
    chat = from_builtins(sent, ChatRequest).unwrap()
    wrapper_fields = {_snake(k): v for k, v in case["input"].items() if k != "chatRequest"}
    request: Any = chat
    if wrapper_fields:
        request = SendChatCompletionRequest(chat_request=chat, **wrapper_fields)
    call_options = case["call_options"]
    headers = call_options.get("headers", {}) if isinstance(call_options, dict) else {}
    return request, RequestOptions(headers=headers, extra_body=extra_body), expected


def _core(case: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> OpenRouterCore:
    options: dict[str, Any] = {"retry_config": NO_RETRIES}
    for key, value in case["core_options"].items():
        if key.startswith("env."):
            monkeypatch.setenv(key[4:].split(" ")[0], value.replace("PORT", "8999"))
        elif key == "apiKey":
            options["api_key"] = (lambda: "sk-or-test") if value == "[function apiKey]" else value
        elif key == "serverURL":
            options["server_url"] = value.replace("PORT", "8999")
        else:
            options[_snake(key)] = value
    return OpenRouterCore(**options)


@pytest.mark.parametrize("case", list(_cases()))
def test_request_matches_the_typescript_sdk(
    case: dict[str, Any], httpx_mock: HTTPXMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same method, path, JSON body and SDK-set headers, or a named, deliberate difference."""
    request, options, expected_body = _python_request(case)
    core = _core(case, monkeypatch)
    if case["case"] in REFUSED:
        outcome = chat_send(core, request, options)
        assert isinstance(outcome, Failure), DIFFERENCES[case["case"]]
        assert isinstance(outcome.failure(), SDKValidationError)
        return
    if expected_body.get("stream"):
        # The streaming case goes through chat_stream, as a Python caller would write it.
        request = attrs.evolve(request, stream=None)
        httpx_mock.add_response(
            content=b"data: [DONE]\n\n", headers={"content-type": "text/event-stream"}
        )
        chat_stream(core, request, options).unwrap().close()
    else:
        httpx_mock.add_response(json=result_json())
        chat_send(core, request, options)
    core.close()
    sent = httpx_mock.get_request()
    assert sent is not None
    assert (case["method"], case["path"]) == (sent.method, sent.url.path)
    assert expected_body == json.loads(sent.content)
    theirs = {name.lower(): value for name, value in case["headers"]}
    ours = {name: sent.headers.get(name) for name in SDK_HEADERS}
    expected_headers = {name: theirs.get(name) for name in SDK_HEADERS}
    if case["case"] == "api_key_env_set_after_env_was_read":
        expected_headers["authorization"] = "Bearer sk-or-test"
    assert expected_headers == ours
    assert "cookie" not in sent.headers  # it always sends an empty cookie header; we do not
    if case["case"] == "custom_user_agent":
        assert theirs["user-agent"] == sent.headers["user-agent"]
