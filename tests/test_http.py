"""Pure request building and response reading: no HTTP anywhere in this file."""

import json
from typing import Any

import httpx
import pytest
from returns.result import Failure, Success

from openrouter_core import _http
from openrouter_core.errors import (
    BadGatewayResponseError,
    BadRequestResponseError,
    GenerationError,
    OpenRouterDefaultError,
    ResponseValidationError,
    SDKValidationError,
)
from openrouter_core.funcs._chat_send import endpoint as chat_endpoint
from openrouter_core.models import ChatResult

from .status_table import DOCUMENTED_STATUS_ERRORS, DOCUMENTED_STATUSES
from .support import user_request


def read_chat_result(status: int, headers: httpx.Headers, body: bytes, *, now: float) -> Any:
    """What a non-streaming chat attempt reads with: the generic reader and chat's endpoint."""
    return _http.read_response(chat_endpoint(), status, headers, body, now=now)


NOW = 1_700_000_000.0

RESULT: dict[str, Any] = {
    "id": "gen-1",
    "object": "chat.completion",
    "created": 1700000000,
    "model": "openai/gpt-4o",
    "provider": "OpenAI",
    "system_fingerprint": None,
    "choices": [
        {
            "index": 0,
            "finish_reason": "stop",
            "native_finish_reason": "stop",
            "message": {"role": "assistant", "content": "Paris."},
        }
    ],
    "usage": {"prompt_tokens": 10, "completion_tokens": 2, "total_tokens": 12, "cost": 0.0001},
}


def _headers(**extra: str) -> httpx.Headers:
    return httpx.Headers({"content-type": "application/json", **extra})


def _body(value: object) -> bytes:
    return json.dumps(value).encode()


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://openrouter.ai/api/v1", "https://openrouter.ai/api/v1"),
        ("https://openrouter.ai/api/v1/", "https://openrouter.ai/api/v1"),
        ("https://openrouter.ai/api/v1///", "https://openrouter.ai/api/v1"),
        ("https://openrouter.ai/api", "https://openrouter.ai/api/v1"),
        ("https://openrouter.ai/api/", "https://openrouter.ai/api/v1"),
        ("http://127.0.0.1:8080/api/v1?x=1", "http://127.0.0.1:8080/api/v1?x=1"),
    ],
    ids=["plain", "slash", "slashes", "api", "api-slash", "query-kept"],
)
def test_server_url_is_normalised(given: str, expected: str) -> None:
    """Trailing slashes go, a bare /api gains /v1, a query string stays."""
    assert expected == str(_http.normalize_server_url(given).unwrap())


@pytest.mark.parametrize("bad", ["", "openrouter.ai", "ftp://x/api/v1", "http://"])
def test_bad_server_url_is_a_validation_failure(bad: str) -> None:
    """A URL without http(s) scheme or host is refused with a clear error."""
    outcome = _http.normalize_server_url(bad)
    assert isinstance(outcome, Failure)
    assert "server_url" == outcome.failure().field


def test_endpoint_joins_path_and_keeps_query() -> None:
    """The endpoint path is appended to the base path, before the base's query."""
    base = _http.normalize_server_url("http://127.0.0.1:1/api/v1/?k=v").unwrap()
    assert "http://127.0.0.1:1/api/v1/chat/completions?k=v" == str(
        _http.endpoint_url(base, "/chat/completions")
    )


def _build(**overrides: Any) -> Any:
    args: dict[str, Any] = {
        "api_key": "sk-or-test",
        "stream": False,
        "http_referer": "https://example.app",
        "app_title": "Example App",
        "app_categories": "programming-app,general-chat",
        "metadata_level": None,
        "user_agent": None,
        "extra": {},
    }
    args.update(overrides)
    return _http.build_headers(**args)


def test_headers_in_the_typescript_sdks_order() -> None:
    """Names and order follow what the TypeScript SDK sends; unset options are left out."""
    headers = _build()
    assert [
        ("Content-Type", "application/json"),
        ("Accept", "application/json"),
        ("HTTP-Referer", "https://example.app"),
        ("X-OpenRouter-Categories", "programming-app,general-chat"),
        ("X-OpenRouter-Title", "Example App"),
        ("Authorization", "Bearer sk-or-test"),
        ("User-Agent", _http.USER_AGENT),
    ] == headers


def test_stream_asks_for_event_stream_and_metadata_is_sent() -> None:
    """Accept follows the operation; X-OpenRouter-Metadata appears only when set."""
    headers = dict(_build(stream=True, metadata_level="enabled"))
    assert ("text/event-stream", "enabled") == (headers["Accept"], headers["X-OpenRouter-Metadata"])


def test_user_agent_names_package_python_and_httpx() -> None:
    """The User-Agent says who is calling, for OpenRouter's support staff."""
    assert _http.USER_AGENT.startswith("openrouter-core/")
    assert " python/" in _http.USER_AGENT
    assert f" httpx/{httpx.__version__}" in _http.USER_AGENT


def test_extra_headers_override_by_name_case_insensitively() -> None:
    """A per-call header replaces the SDK's header of the same name."""
    headers = _build(extra={"x-openrouter-title": "From options", "X-Custom": "1"})
    names = [name.lower() for name, _ in headers]
    assert 1 == names.count("x-openrouter-title")
    assert ("x-openrouter-title", "From options") in headers


def test_bearer_prefix_is_not_doubled() -> None:
    """A key that already starts with 'Bearer ' is sent as given."""
    headers = dict(_build(api_key="Bearer sk-or-x"))
    assert "Bearer sk-or-x" == headers["Authorization"]


@pytest.mark.parametrize(
    "overrides",
    [
        {"app_title": "evil\r\nX-Injected: 1"},
        {"http_referer": "https://a\n"},
        {"app_title": "Café ☕"},
        {"extra": {"X-Bad": "a\x00b"}},
        {"extra": {"Bad Name": "v"}},
        {"extra": {1: "v"}},
    ],
    ids=["crlf", "lf", "non-ascii", "nul", "bad-name", "name-not-str"],
)
def test_unsafe_header_values_are_refused(overrides: dict[str, Any]) -> None:
    """CR/LF/NUL and non-ASCII values are never sent raw: the call fails before any I/O."""
    outcome = _build(**overrides)
    assert isinstance(outcome, SDKValidationError)


@pytest.mark.parametrize(
    "options",
    [{"headers": {"X-List": ["a"]}}, {"headers": {"X-Ok": "1"}, "extra_body": {}}],
    ids=["unhashable", "hashable"],
)
def test_header_values_are_checked_whether_or_not_they_can_be_cached(
    options: dict[str, Any],
) -> None:
    """The header block is cached per set of values; a value that cannot be a cache key
    is still refused with a message (not a TypeError), and a fine one is still sent."""
    from openrouter_core import OpenRouterCore, RequestOptions
    from openrouter_core._plan import CallPlan, plan_call

    core = OpenRouterCore(api_key="sk-or-test", server_url="http://127.0.0.1:9/api/v1")
    planned = plan_call(core, chat_endpoint(), RequestOptions(**options), body=user_request())
    if "X-List" in options["headers"]:
        assert isinstance(planned, SDKValidationError)
        assert "X-List" in str(planned)
    else:
        assert isinstance(planned, CallPlan)
        assert "1" == planned.request.headers["X-Ok"]


def test_refused_authorization_never_shows_the_key() -> None:
    """The error for a bad key value names the header, not its value."""
    outcome = _build(api_key="sk-or-secret\n")
    assert isinstance(outcome, SDKValidationError)
    assert "sk-or-secret" not in str(outcome)


def test_body_is_compact_utf8_json() -> None:
    """Non-ASCII and U+2028 go out raw, without spaces, as the TypeScript SDK sends them."""
    body = _http.build_body({"messages": [{"content": "Café\u2028☕", "role": "user"}]})
    assert '{"messages":[{"content":"Café\u2028☕","role":"user"}]}'.encode() == body


@pytest.mark.parametrize("value", [float("nan"), object(), {1j: 1}], ids=["nan", "object", "key"])
def test_body_that_does_not_serialise_is_a_validation_failure(value: object) -> None:
    """NaN and arbitrary objects give SDKValidationError, never an exception."""
    outcome = _http.build_body({"extra": value})
    assert isinstance(outcome, SDKValidationError)


def test_success_body_decodes_with_leading_whitespace() -> None:
    """OpenRouter pads slow non-streaming answers with whitespace; it is tolerated."""
    outcome = read_chat_result(200, _headers(), b"\n\n   " + _body(RESULT), now=NOW)
    reply = outcome.unwrap()
    assert isinstance(reply, ChatResult)
    assert ("Paris.", "OpenAI") == (reply.choices[0].message.content, reply.provider)


def test_http_200_error_body_is_a_generation_error() -> None:
    """A 200 whose body is {"error": ...} is a failed generation, not a success."""
    body = {"error": {"code": 502, "message": "Provider returned error", "metadata": {"raw": "x"}}}
    outcome = read_chat_result(200, _headers(), _body(body), now=NOW)
    err = outcome.failure()
    assert isinstance(err, GenerationError)
    assert (502, "Provider returned error", 200) == (err.code, err.message, err.status_code)


def test_finish_reason_error_keeps_the_partial_result() -> None:
    """A choice that ended in error gives GenerationError with the partial content."""
    body = json.loads(json.dumps(RESULT))
    body["choices"][0].update(
        finish_reason="error",
        error={
            "code": "server_error",
            "message": "upstream died",
            "metadata": {"error_type": "server"},
        },
    )
    body["choices"][0]["message"]["content"] = "Par"
    err = read_chat_result(200, _headers(), _body(body), now=NOW).failure()
    assert isinstance(err, GenerationError)
    assert ("server_error", "upstream died", "Par", "server") == (
        err.code,
        err.message,
        err.partial_content,
        err.error_type,
    )
    assert isinstance(err.partial_result, ChatResult)


@pytest.mark.parametrize(
    "body",
    [b"", b"this is not json", b"null", b"[1, 2]", b'"text"', b'{"choices": "nope"}'],
    ids=["empty", "text", "null", "array", "string", "wrong-shape"],
)
def test_success_body_that_does_not_decode_is_a_validation_error(body: bytes) -> None:
    """A 2xx that is not a ChatResult gives ResponseValidationError with the body kept."""
    err = read_chat_result(200, _headers(), body, now=NOW).failure()
    assert isinstance(err, ResponseValidationError)
    assert (200, body.decode()) == (err.status_code, err.body)


def test_validation_error_names_the_json_path() -> None:
    """The failure says where the body went wrong."""
    body = json.loads(json.dumps(RESULT))
    body["choices"][0]["index"] = "zero"
    err = read_chat_result(200, _headers(), _body(body), now=NOW).failure()
    assert isinstance(err, ResponseValidationError)
    assert any("choices" in detail and "index" in detail for detail in err.details), err.details


@pytest.mark.parametrize("status", DOCUMENTED_STATUSES)
def test_each_status_of_the_table_has_its_class(status: int) -> None:
    """The 14 statuses map to their classes, with the envelope's fields parsed."""
    body = {
        "error": {"code": status, "message": f"said {status}", "metadata": {"provider_name": "P"}},
        "user_id": "user-1",
    }
    err = _http.read_error_response(status, _headers(), _body(body), now=NOW)
    assert DOCUMENTED_STATUS_ERRORS[status] is type(err)
    assert (status, status, f"said {status}", "user-1", "P") == (
        err.status_code,
        err.code,
        err.message,
        err.user_id,
        err.provider_name,
    )


@pytest.mark.parametrize("status", [409, 410, 418, 504, 599, 302])
def test_other_statuses_are_the_default_error(status: int) -> None:
    """Statuses outside the table give OpenRouterDefaultError, envelope still parsed."""
    body = {"error": {"code": status, "message": "odd"}}
    err = _http.read_error_response(status, _headers(), _body(body), now=NOW)
    assert (OpenRouterDefaultError, status, "odd") == (type(err), err.status_code, err.message)


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html"),
        (b"Bad request", "text/plain"),
        (b"", "application/json"),
        (b"{oops", "application/json"),
    ],
    ids=["html", "text", "empty", "invalid-json"],
)
def test_unreadable_error_bodies_keep_the_text(body: bytes, content_type: str) -> None:
    """An error body that is not a JSON object keeps its status's class and its text."""
    err = _http.read_error_response(
        502, httpx.Headers({"content-type": content_type}), body, now=NOW
    )
    assert (BadGatewayResponseError, body.decode()) == (type(err), err.body)


def test_string_code_and_missing_envelope_keep_the_status_class() -> None:
    """Where the TypeScript SDK answers a validation error, we keep the HTTP error class."""
    string_code = _body({"error": {"code": "invalid_request", "message": "string code"}})
    no_envelope = _body({"message": "no envelope here"})
    first = _http.read_error_response(400, _headers(), string_code, now=NOW)
    second = _http.read_error_response(400, _headers(), no_envelope, now=NOW)
    assert ("invalid_request", "string code") == (first.code, first.message)
    assert (400, "no envelope here") == (second.status_code, second.message)
    assert type(first) is type(second) is BadRequestResponseError


def test_error_carries_retry_after_generation_id_and_raw_provider_message() -> None:
    """Retry-After, X-Generation-Id and metadata.raw all reach the error value."""
    body = {
        "error": {
            "code": 429,
            "message": "Provider returned error",
            "metadata": {"provider_name": "OpenAI", "raw": '{"error":{"message":"quota hit"}}'},
        }
    }
    headers = _headers(**{"retry-after": "2", "x-generation-id": "gen-9"})
    err = _http.read_error_response(429, headers, _body(body), now=NOW)
    assert (2.0, "gen-9") == (err.retry_after, err.generation_id)
    assert "quota hit" in str(err)


def test_availability_retry_after_is_used_without_a_header() -> None:
    """error.availability.retry_after fills retry_after when no header says."""
    body = {"error": {"code": 429, "message": "busy", "availability": {"retry_after": 7}}}
    err = _http.read_error_response(429, _headers(), _body(body), now=NOW)
    assert 7.0 == err.retry_after


def test_success_result_keeps_unknown_fields() -> None:
    """New fields the server adds are readable on the decoded value."""
    body = dict(RESULT, brand_new={"x": 1})
    reply = read_chat_result(200, _headers(), _body(body), now=NOW).unwrap()
    assert {"brand_new": {"x": 1}} == reply.extra


def test_success_is_a_success_value() -> None:
    """The happy path answers Success holding a ChatResult."""
    assert isinstance(read_chat_result(200, _headers(), _body(RESULT), now=NOW), Success)
