"""Fuzzing the parsers a hostile server feeds: only documented values come out, never a raise.

Three targets: the stream pump (SSE decoder + stream state + watchdog) on arbitrary bytes
split arbitrarily; the response reader (``_http.read_response``, chat's) on arbitrary statuses,
headers and bodies; the error-body parser (``_http.read_error_response``). Inputs mix raw
bytes, arbitrary JSON and JSON shaped like the real payloads with every field free to hold
the wrong type, so the converter is reached, not only the JSON parser. Each test runs
10,000 examples under the "fuzz" hypothesis profile (``make fuzz``) and 100 otherwise.
"""

import json
import math
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from returns.result import Failure, Success

from openrouter_core import _http
from openrouter_core._stream import StreamPump
from openrouter_core.errors import (
    ConnectionFailedError,
    GenerationError,
    RequestAbortedError,
    RequestTimeoutError,
    ResponseError,
    ResponseValidationError,
    StreamStalledError,
    StreamTruncatedError,
    UnexpectedClientError,
)
from openrouter_core.funcs._chat_send import endpoint as chat_endpoint
from openrouter_core.models import ChatResult, ChatStreamChunk

from .status_table import expected_class


def read_chat_result(status: int, headers: httpx.Headers, body: bytes, *, now: float) -> Any:
    """What a non-streaming chat attempt reads with: the generic reader and chat's endpoint."""
    return _http.read_response(chat_endpoint(), status, headers, body, now=now)


STREAM_FAILURES = (
    GenerationError,
    StreamTruncatedError,
    StreamStalledError,
    ResponseValidationError,
    ConnectionFailedError,
    RequestTimeoutError,
    RequestAbortedError,
    UnexpectedClientError,
)
"""The classes of ``errors.StreamFailure``."""
READ_FAILURES = (ResponseError, ResponseValidationError, GenerationError)
"""What reading a complete response can fail with (``ResponseError``: its 15 classes)."""

FUZZ_EXAMPLES = 10_000
_fuzzing = settings.get_profile(settings.get_current_profile_name()).max_examples >= FUZZ_EXAMPLES
fuzz = settings(max_examples=FUZZ_EXAMPLES if _fuzzing else 100)
"""The "fuzz" profile's full count under ``make fuzz``; otherwise 100, so ``make test`` stays
quick (each example builds nested JSON, which costs more than the profile's default assumes)."""
pytestmark = [pytest.mark.timeout(1800)] if _fuzzing else []
"""10,000 examples take minutes per test, past the suite's 60 s per-test timeout."""

# -- JSON: arbitrary, and shaped like the wire payloads ----------------------------------------

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()  # NaN and Infinity too: json.dumps writes them and json.loads reads them
    | st.text(max_size=20)
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=8,
)


def shaped(fields: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    """Objects with any subset of ``fields``, each of its own type or a scalar of any type."""
    return st.fixed_dictionaries({}, optional={k: v | scalars for k, v in fields.items()})


small_ints = st.integers(-2, 3)
finish_reasons = st.sampled_from(["stop", "length", "tool_calls", "content_filter", "error", ""])
error_objects = shaped(
    {
        "code": st.integers(400, 599) | st.text(max_size=8),
        "message": st.text(max_size=20),
        "metadata": st.dictionaries(
            st.sampled_from(["raw", "provider_name", "error_type"]), json_values | st.text()
        ),
        "availability": shaped({"retryable": st.booleans(), "retry_after": st.floats()}),
    }
)
reasoning_details = st.lists(
    shaped(
        {
            "type": st.sampled_from(
                ["reasoning.text", "reasoning.summary", "reasoning.encrypted", "other"]
            ),
            "text": st.text(max_size=10),
            "summary": st.text(max_size=10),
            "data": st.text(max_size=10),
            "signature": st.text(max_size=5),
            "id": st.text(max_size=5),
            "index": small_ints,
            "format": st.text(max_size=5),
        }
    ),
    max_size=3,
)
function = shaped({"name": st.text(max_size=8), "arguments": st.text(max_size=12)})
usage = shaped(
    {
        "prompt_tokens": st.integers(),
        "completion_tokens": st.integers(),
        "total_tokens": st.integers(),
        "cost": st.floats(),
    }
)
logprobs = shaped(
    {
        "content": st.lists(
            shaped(
                {"token": st.text(max_size=4), "logprob": st.floats(), "top_logprobs": st.just([])}
            ),
            max_size=2,
        )
    }
)
common = {
    "id": st.text(max_size=10),
    "model": st.text(max_size=10),
    "created": st.integers(),
    "provider": st.text(max_size=8),
    "usage": usage,
    "error": error_objects,
    "system_fingerprint": st.text(max_size=5),
}
message = shaped(
    {
        "role": st.just("assistant"),
        "content": st.text(max_size=20)
        | st.lists(shaped({"type": st.just("text"), "text": st.text(max_size=10)}), max_size=2),
        "reasoning": st.text(max_size=10),
        "reasoning_details": reasoning_details,
        "refusal": st.text(max_size=10),
        "tool_calls": st.lists(
            shaped({"id": st.text(max_size=5), "type": st.just("function"), "function": function}),
            max_size=2,
        ),
    }
)
chat_results = shaped(
    {
        **common,
        "object": st.just("chat.completion"),
        "choices": st.lists(
            shaped(
                {
                    "index": small_ints,
                    "message": message,
                    "finish_reason": finish_reasons,
                    "error": error_objects,
                    "logprobs": logprobs,
                }
            ),
            max_size=3,
        ),
    }
)
delta = shaped(
    {
        "role": st.just("assistant"),
        "content": st.text(max_size=20),
        "reasoning": st.text(max_size=10),
        "reasoning_details": reasoning_details,
        "refusal": st.text(max_size=10),
        "tool_calls": st.lists(
            shaped(
                {
                    "index": small_ints,
                    "id": st.text(max_size=5),
                    "type": st.just("function"),
                    "function": function,
                }
            ),
            max_size=2,
        ),
        "audio": shaped({"data": st.text(max_size=5), "transcript": st.text(max_size=5)}),
    }
)
stream_chunks = shaped(
    {
        **common,
        "object": st.just("chat.completion.chunk"),
        "choices": st.lists(
            shaped(
                {
                    "index": small_ints,
                    "delta": delta,
                    "finish_reason": finish_reasons,
                    "error": error_objects,
                    "logprobs": logprobs,
                }
            ),
            max_size=2,
        ),
    }
)


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value).encode()


bodies = (
    st.binary(max_size=200)
    | json_values.map(_json_bytes)
    | chat_results.map(_json_bytes)
    | st.builds(lambda e: _json_bytes({"error": e}), error_objects)
)

# -- SSE bodies: events, lines and junk, then split anywhere -----------------------------------

sse_pieces = st.one_of(
    stream_chunks.map(lambda c: b"data: " + _json_bytes(c) + b"\n\n"),
    json_values.map(lambda v: b"data:" + _json_bytes(v) + b"\n"),
    st.sampled_from(
        [
            b"data: [DONE]\n\n",
            b": OPENROUTER PROCESSING\n\n",
            b"\n",
            b"\r\n",
            b"\r",
            b"data: ",
            b"data",
            b"event: error\n",
            b"id: 7\n",
            b"retry: 10\n",
            b"\xef\xbb\xbf",
            b"data: {\n\n",
            b"data: :keepalive\n\n",
        ]
    ),
    st.binary(max_size=40),
)


@st.composite
def split_body(draw: st.DrawFn) -> list[bytes]:
    """An SSE-ish body cut at arbitrary points."""
    body = b"".join(draw(st.lists(sse_pieces, max_size=12)))
    cuts = sorted(draw(st.lists(st.integers(0, len(body)), max_size=8)))
    return [body[a:b] for a, b in zip([0, *cuts], [*cuts, len(body)], strict=True)]


def _pump(max_line_bytes: int, limits: float | None) -> StreamPump:
    return StreamPump(
        started=0.0,
        first_content_timeout=limits,
        idle_timeout=limits,
        max_line_bytes=max_line_bytes,
    )


def _run(pump: StreamPump, chunks: list[bytes], step: float) -> list[Any]:
    items: list[Any] = []
    for n, chunk in enumerate(chunks, start=1):
        if chunk:  # b"" is the end of the body
            items.extend(pump.absorb(chunk, n * step))
    items.extend(pump.absorb(b"", (len(chunks) + 1) * step))
    return items


@fuzz
@given(
    chunks=split_body(),
    max_line_bytes=st.sampled_from([8, 64, 16 * 1024 * 1024]),
    limits=st.none() | st.floats(0.0, 10.0),
    step=st.floats(0.0, 5.0),
)
def test_stream_pump_yields_only_documented_items(
    chunks: list[bytes], max_line_bytes: int, limits: float | None, step: float
) -> None:
    """Chunks are Success(ChatStreamChunk); at most one Failure, of a StreamFailure class, last."""
    pump = _pump(max_line_bytes, limits)
    items = _run(pump, chunks, step)
    failures = [i for i, item in enumerate(items) if isinstance(item, Failure)]
    for item in items:
        if isinstance(item, Success):
            assert isinstance(item.unwrap(), ChatStreamChunk)
        else:
            error = item.failure()
            assert isinstance(error, STREAM_FAILURES)
            assert isinstance(str(error), str)
            assert isinstance(repr(error), str)
    assert failures in ([], [len(items) - 1])
    assert pump.finished
    assert pump.state.outcome in ("completed", "truncated", "error", "stalled")
    assert isinstance(pump.state.collect(), ChatResult)
    assert [] == pump.absorb(b"data: {}\n\n", 1e9) + pump.absorb(b"", 1e9)


@fuzz
@given(chunks=split_body())
def test_stream_pump_items_do_not_depend_on_how_the_body_is_split(chunks: list[bytes]) -> None:
    """Whole or cut anywhere, the same body yields the same items (watchdog off)."""
    whole = _run(_pump(16 * 1024 * 1024, None), [b"".join(chunks)], 0.0)
    assert whole == _run(_pump(16 * 1024 * 1024, None), chunks, 0.0)


# -- the response reader and the error-body parser ---------------------------------------------

header_values = st.one_of(
    st.binary(max_size=30),
    st.sampled_from([b"1", b"-1", b"0.5", b"nan", b"inf", b"1e400", b"99999999999999999999"]),
    st.sampled_from([b"Wed, 21 Oct 2015 07:28:00 GMT", b"Fri, 31 Dec 9999 23:59:59 GMT"]),
    st.floats().map(lambda f: repr(f).encode()),
    st.integers().map(lambda i: str(i).encode()),
)
headers = st.lists(
    st.tuples(
        st.sampled_from(
            [b"retry-after", b"retry-after-ms", b"content-type", b"x-generation-id", b"x-other"]
        ),
        header_values,
    ),
    max_size=5,
).map(httpx.Headers)
now = st.floats(0.0, 4e9)


def _check_error(error: Any) -> None:
    assert isinstance(str(error), str)
    assert isinstance(repr(error), str)
    retry_after = getattr(error, "retry_after", None)
    assert retry_after is None or (math.isfinite(retry_after) and retry_after >= 0)


@fuzz
@given(status=st.integers(100, 999), headers=headers, body=bodies, now=now)
def test_read_chat_result_answers_only_result_values(
    status: int, headers: httpx.Headers, body: bytes, now: float
) -> None:
    """Any status, headers and body read as Success(ChatResult) or a documented error value."""
    outcome = read_chat_result(status, headers, body, now=now)
    if isinstance(outcome, Success):
        assert isinstance(outcome.unwrap(), ChatResult)
        assert 200 <= status < 300
        return
    error = outcome.failure()
    assert isinstance(error, READ_FAILURES)
    assert isinstance(error, ResponseError) == (not 200 <= status < 300)
    _check_error(error)


@fuzz
@given(status=st.integers(100, 999), headers=headers, body=bodies, now=now)
def test_read_error_response_keeps_the_status_and_the_body(
    status: int, headers: httpx.Headers, body: bytes, now: float
) -> None:
    """Any error body gives its status's class, JSON object or not, and keeps its text."""
    error = _http.read_error_response(status, headers, body, now=now)
    assert expected_class(status) is type(error)
    assert (status, body.decode("utf-8", "replace")) == (error.status_code, error.body)
    assert error.provider_message is None or isinstance(error.provider_message, str)
    _check_error(error)
