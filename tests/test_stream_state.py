"""The stream fold: what each event yields, how a stream ends, and what collect() builds."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from returns.result import Failure, Success

from openrouter_core._sse import SSEDecoder, SSEEvent
from openrouter_core._stream_state import StreamState
from openrouter_core.errors import (
    GenerationError,
    RequestAbortedError,
    ResponseValidationError,
    StreamStalledError,
    StreamTruncatedError,
)
from openrouter_core.models import (
    ChatStreamChunk,
    ChatToolCall,
    ChatToolCallFunction,
    ChatUsage,
    ReasoningDetailEncrypted,
    ReasoningDetailSummary,
    ReasoningDetailText,
    UnknownReasoningDetail,
)

GEN = "gen-1732550000-abc"


def chunk(*choices: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A wire chunk with the usual envelope around ``choices``."""
    return {
        "id": GEN,
        "object": "chat.completion.chunk",
        "created": 1732550000,
        "model": "openai/gpt-4o",
        "provider": "OpenAI",
        "choices": list(choices),
        **fields,
    }


def choice(index: int = 0, finish_reason: str | None = None, **delta: Any) -> dict[str, Any]:
    """A wire choice whose delta holds ``delta``."""
    return {"index": index, "delta": delta, "finish_reason": finish_reason}


def event(value: Any) -> SSEEvent:
    """The SSE event carrying ``value`` as JSON."""
    return SSEEvent(json.dumps(value))


DONE = SSEEvent("[DONE]")
USAGE = {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5, "cost": 0.5}


def run(*events: SSEEvent, state: StreamState | None = None) -> tuple[StreamState, list[Any]]:
    """Feed ``events`` to a state; return it and every item it produced (None skipped)."""
    state = state or StreamState()
    items = [item for e in events if (item := state.on_event(e)) is not None]
    return state, items


def test_content_chunks_are_yielded_and_done_completes() -> None:
    """Each chunk is yielded as a Success; [DONE] yields nothing and completes the stream."""
    state, items = run(
        event(chunk(choice(role="assistant", content="Hel"))),
        event(chunk(choice(content="lo"))),
        event(chunk(choice(finish_reason="stop", content=""))),
    )
    assert [True, True, True] == [isinstance(i, Success) for i in items]
    assert ["Hel", "lo", ""] == [i.unwrap().choices[0].delta.content for i in items]
    assert (False, "in_progress") == (state.done, state.outcome)
    assert state.on_event(DONE) is None
    assert (True, "completed") == (state.done, state.outcome)
    assert state.on_eof() is None
    assert "Hello" == state.content_so_far


@pytest.mark.parametrize(
    "data",
    ["", " ", "\n", ": OPENROUTER PROCESSING", " : ping"],
    ids=["empty", "space", "newline", "keep_alive_sent_as_data", "ping_sent_as_data"],
)
def test_blank_events_yield_nothing(data: str) -> None:
    """Empty or blank data, and keep-alives a proxy re-sent as data, are skipped."""
    state = StreamState()
    assert state.on_event(SSEEvent(data)) is None
    assert ("in_progress", False) == (state.outcome, state.received_content)


def test_role_only_and_usage_chunks_are_not_content() -> None:
    """Role-only deltas, empty content and the usage chunk do not count as content."""
    state, _ = run(
        event(chunk(choice(role="assistant"))),
        event(chunk(choice(content=""))),
        event(chunk(usage=USAGE)),
    )
    assert (False, 0) == (state.received_content, state.content_chunks)


@pytest.mark.parametrize(
    "delta",
    [
        {"content": "x"},
        {"reasoning": "x"},
        {"reasoning_content": "x"},
        {"reasoning_details": [{"type": "reasoning.encrypted", "data": "x"}]},
        {"tool_calls": [{"index": 0, "function": {"arguments": "{"}}]},
        {"refusal": "no"},
        {"images": [{"type": "image_url", "image_url": {"url": "data:x"}}]},
        {"audio": {"transcript": "x"}},
    ],
    ids=lambda d: next(iter(d)),
)
def test_every_kind_of_delta_is_content(delta: dict[str, Any]) -> None:
    """Text, reasoning, tool calls, refusals, images and audio all count as content."""
    state, _ = run(event(chunk(choice(**delta))))
    assert (True, 1) == (state.received_content, state.content_chunks)


def test_usage_only_final_chunk_is_a_normal_chunk() -> None:
    """The final chunk with ``choices: []`` and usage is yielded and its usage kept."""
    state, items = run(
        event(chunk(choice(content="a", finish_reason="stop"))), event(chunk(usage=USAGE)), DONE
    )
    usage = ChatUsage(prompt_tokens=3, completion_tokens=2, total_tokens=5, cost=0.5)
    assert [] == items[1].unwrap().choices
    assert (usage, usage, "completed") == (state.usage, state.collect().usage, state.outcome)


METADATA = {"error_type": "provider_unavailable", "provider_code": "ECONNRESET"}
MID_STREAM_ERROR = {"code": 502, "message": "Provider disconnected", "metadata": METADATA}


@pytest.mark.parametrize(
    "error_event",
    [
        pytest.param(
            chunk(
                {
                    "index": 0,
                    "delta": {"content": ""},
                    "finish_reason": "error",
                    "native_finish_reason": "error",
                },
                error=MID_STREAM_ERROR,
            ),
            id="documented_shape",
        ),
        pytest.param(chunk(error=MID_STREAM_ERROR), id="empty_choices"),
        pytest.param({"error": MID_STREAM_ERROR}, id="bare_error_object"),
        pytest.param(
            chunk({"index": 0, "delta": {}, "finish_reason": "error", "error": MID_STREAM_ERROR}),
            id="choice_level_error",
        ),
    ],
)
def test_mid_stream_error_fails_with_partial_content(error_event: dict[str, Any]) -> None:
    """An in-band error ends the stream with a GenerationError that keeps what came before."""
    state, _ = run(event(chunk(choice(content="Par"))), event(chunk(choice(content="tial"))))
    failure = state.on_event(event(error_event))
    assert isinstance(failure, Failure)
    error = failure.failure()
    expected = GenerationError(
        message="Provider disconnected",
        code=502,
        metadata=METADATA,
        error=MID_STREAM_ERROR,
        generation_id=GEN,
        provider="OpenAI",
        model="openai/gpt-4o",
        partial_content="Partial",
    )
    assert expected == error
    assert "Partial" == error.partial_result.choices[0].message.content
    assert ("error", True) == (state.outcome, state.done)


def test_error_code_may_be_a_string() -> None:
    """``error.code`` as a string (``"server_error"``) is kept as is."""
    _, items = run(event(chunk(error={"code": "server_error", "message": "boom"})))
    error = items[0].failure()
    assert ("server_error", "boom") == (error.code, error.message)


def test_error_without_details_still_fails() -> None:
    """A ``finish_reason: "error"`` with no error object, or a bare string error, fails too."""
    _, by_reason = run(event(chunk(choice(finish_reason="error"))))
    _, by_string = run(event({"error": "upstream exploded"}))
    assert ("the generation failed mid-stream", None) == (
        by_reason[0].failure().message,
        by_reason[0].failure().error,
    )
    assert ("upstream exploded", None) == (
        by_string[0].failure().message,
        by_string[0].failure().error,
    )


def test_error_chunk_ids_fall_back_to_earlier_chunks() -> None:
    """A bare error without id/provider is attributed to the generation seen so far."""
    _, items = run(event(chunk(choice(content="a"))), event({"error": {"message": "x"}}))
    error = items[-1].failure()
    assert (GEN, "OpenAI", "openai/gpt-4o", None) == (
        error.generation_id,
        error.provider,
        error.model,
        error.code,
    )


def test_events_after_a_failure_are_ignored() -> None:
    """After the Failure, the state is finished and yields nothing more."""
    state, items = run(
        event({"error": {"message": "x"}}), event(chunk(choice(content="late"))), DONE
    )
    assert (1, "error", "") == (len(items), state.outcome, state.content_so_far)
    assert state.on_eof() is None


@pytest.mark.parametrize(
    ("data", "detail"),
    [
        pytest.param('{"id": ', "Expecting value", id="truncated_json"),
        pytest.param("[1, 2]", "$: expected an object, got list", id="not_an_object"),
        pytest.param("[" * 100_000 + "]" * 100_000, "maximum recursion", id="deeply_nested"),
    ],
)
def test_undecodable_event_fails_with_validation_error(data: str, detail: str) -> None:
    """An event that is not a JSON object ends the stream with ResponseValidationError."""
    state = StreamState()
    failure = state.on_event(SSEEvent(data))
    assert isinstance(failure, Failure)
    error = failure.failure()
    assert isinstance(error, ResponseValidationError)
    assert (data, 200, "error") == (error.body, error.status_code, state.outcome)
    assert detail in error.details[0]


@pytest.mark.parametrize(
    ("data", "fits"),
    [
        pytest.param(" {} \n\t", True, id="whitespace_around"),
        pytest.param("\ufeff{}", False, id="bom"),
        pytest.param("{} {}", False, id="extra_data"),
        pytest.param("{}x", False, id="trailing_garbage"),
    ],
)
def test_chunk_json_gets_json_loads_verdict(data: str, fits: bool) -> None:
    """A chunk's JSON is read as ``json.loads`` reads it (the hot path parses without its
    wrapper): whitespace around it is fine; a BOM or extra data fails with its message."""
    chunk_text = json.dumps(chunk(choice(content="x")))
    text = data.replace("{}", chunk_text, 1)
    expected: object
    try:
        expected = json.loads(text)["choices"][0]["delta"]["content"]
    except ValueError as e:
        expected = str(e)
    item = StreamState().on_data(text)
    assert item is not None
    if fits:
        assert expected == item.unwrap().choices[0].delta.content
    else:
        error = item.failure()
        assert isinstance(error, ResponseValidationError)
        assert (expected,) == error.details


def test_chunk_of_the_wrong_shape_fails_with_validation_error() -> None:
    """A JSON object that is not a chunk (and has no error) fails with its details."""
    data = json.dumps(chunk(choices="oops"))
    state = StreamState()
    error = state.on_event(SSEEvent(data)).failure()  # type: ignore[union-attr]
    assert isinstance(error, ResponseValidationError)
    assert (data, 200) == (error.body, error.status_code)
    assert error.details


def test_eof_without_done_or_finish_reason_is_truncation() -> None:
    """End of body with neither [DONE] nor a finish reason is StreamTruncatedError."""
    state, _ = run(event(chunk(choice(content="cut "))), event(chunk(choice(content="off"))))
    expected = StreamTruncatedError(
        message="the stream ended without [DONE] or a finish reason",
        partial_content="cut off",
        generation_id=GEN,
    )
    assert expected == state.on_eof()
    assert ("truncated", True) == (state.outcome, state.done)


def test_empty_finish_reason_is_not_a_finish() -> None:
    """``finish_reason: ""`` means "not yet", so EOF after it is still truncation."""
    state, _ = run(event(chunk(choice(content="a", finish_reason=""))))
    assert isinstance(state.on_eof(), StreamTruncatedError)
    assert (None, None) == (state.finish_reason, state.collect().choices[0].finish_reason)


def test_finish_reason_then_eof_is_completion() -> None:
    """A finish reason followed by end of body, without [DONE], completes normally."""
    state, _ = run(event(chunk(choice(content="a", finish_reason="length"))))
    assert (None, "completed", "length") == (state.on_eof(), state.outcome, state.finish_reason)


def test_done_without_finish_reason_is_completion() -> None:
    """[DONE] completes a stream even when no finish reason was sent."""
    state, _ = run(event(chunk(choice(content="a"))), DONE)
    assert (None, "completed") == (state.on_eof(), state.outcome)


def test_events_after_done_are_ignored() -> None:
    """Data after [DONE] yields nothing and changes nothing."""
    state, items = run(DONE, event(chunk(choice(content="late"))), event({"error": {}}))
    assert ([], "completed", "") == (items, state.outcome, state.content_so_far)


def test_collect_folds_into_a_chat_result() -> None:
    """collect() concatenates per choice and keeps the envelope, usage and finish reasons."""
    state, _ = run(
        event(chunk(choice(role="assistant", content="Hi"), choice(1, content="Yo"))),
        event(chunk(choice(content=" there"), choice(1, content="!", finish_reason="length"))),
        event(
            chunk(
                {
                    "index": 0,
                    "delta": {"content": "."},
                    "finish_reason": "stop",
                    "native_finish_reason": "end_turn",
                },
                system_fingerprint="fp",
            )
        ),
        event(chunk(usage=USAGE, provider="Azure")),
        DONE,
    )
    result = state.collect()
    assert (GEN, "openai/gpt-4o", "Azure", 1732550000, "chat.completion", "fp") == (
        result.id,
        result.model,
        result.provider,
        result.created,
        result.object,
        result.system_fingerprint,
    )
    assert [(0, "Hi there.", "stop", "end_turn"), (1, "Yo!", "length", None)] == [
        (c.index, c.message.content, c.finish_reason, c.native_finish_reason)
        for c in result.choices
    ]
    assert 5 == result.usage.total_tokens  # type: ignore[union-attr]


def test_collect_before_anything_arrived() -> None:
    """collect() on an empty stream gives an empty result, not an error."""
    result = StreamState().collect()
    assert ("", "", []) == (result.id, result.model, result.choices)


def test_message_without_content_deltas_has_no_content() -> None:
    """A tool-call-only answer collects with ``content`` None, as non-streaming returns it."""
    state, _ = run(event(chunk(choice(tool_calls=[{"index": 0, "id": "c", "type": "function"}]))))
    assert state.collect().choices[0].message.content is None


def test_tool_call_fragments_are_merged_by_index() -> None:
    """Parallel tool calls are assembled per index; id, type and name come from the first."""
    fragments = [
        [
            {
                "index": 0,
                "id": "call_a",
                "type": "function",
                "function": {"name": "get", "arguments": ""},
            }
        ],
        [
            {
                "index": 1,
                "id": "call_b",
                "type": "function",
                "function": {"name": "put", "arguments": '{"k"'},
            }
        ],
        [{"index": 0, "function": {"arguments": '{"city":'}}],
        [{"index": 0, "function": {"name": "get", "arguments": ' "Paris"}'}}],
        [{"index": 1, "function": {"arguments": ": 1}"}}],
        [{"index": 2, "id": "call_c", "function": {"name": "ping"}}],
    ]
    state, _ = run(*(event(chunk(choice(tool_calls=f))) for f in fragments))
    expected = [
        ChatToolCall(
            id="call_a", function=ChatToolCallFunction(name="get", arguments='{"city": "Paris"}')
        ),
        ChatToolCall(id="call_b", function=ChatToolCallFunction(name="put", arguments='{"k": 1}')),
        ChatToolCall(id="call_c", function=ChatToolCallFunction(name="ping", arguments="{}")),
    ]
    assert expected == state.collect().choices[0].message.tool_calls


def test_new_id_at_a_taken_index_starts_a_new_call() -> None:
    """A fragment with a different id at an index already in use is a separate call."""
    fragments = [
        [{"index": 0, "id": "a", "function": {"name": "one", "arguments": "{}"}}],
        [{"index": 0, "id": "a", "function": {"arguments": ""}}],
        [{"index": 0, "id": "b", "function": {"name": "two", "arguments": "[]"}}],
    ]
    state, _ = run(*(event(chunk(choice(tool_calls=f))) for f in fragments))
    calls = state.collect().choices[0].message.tool_calls or []
    assert [("a", "one", "{}"), ("b", "two", "[]")] == [
        (c.id, c.function.name, c.function.arguments) for c in calls
    ]


def test_reasoning_is_concatenated_from_either_field_name() -> None:
    """``reasoning`` and its ``reasoning_content`` alias are joined in order."""
    state, _ = run(
        event(chunk(choice(reasoning="Think"))),
        event(chunk(choice(reasoning_content="ing"))),
        event(chunk(choice(reasoning="..."))),
    )
    assert "Thinking..." == state.collect().choices[0].message.reasoning


def test_reasoning_details_merge_per_block_and_keep_order() -> None:
    """Fragments of one block merge until a signature closes it; other details stay verbatim."""
    deltas = [
        [
            {
                "type": "reasoning.text",
                "text": "Let me ",
                "format": "anthropic-claude-v1",
                "index": 0,
            }
        ],
        [{"type": "reasoning.text", "text": "think.", "format": "anthropic-claude-v1", "index": 0}],
        [{"type": "reasoning.text", "text": "", "signature": "sig", "index": 0}],
        [{"type": "reasoning.text", "text": "Next block", "index": 0}],
        [{"type": "reasoning.encrypted", "data": "[REDACTED]", "index": 1}],
        [
            {"type": "reasoning.summary", "summary": "First", "index": 2},
            {"type": "reasoning.summary", "summary": " part", "index": 2},
            {"type": "reasoning.summary", "summary": "Second", "index": 3},
        ],
        [{"type": "reasoning.future", "blob": 1}],
        [{"type": "reasoning.text", "text": "More", "index": 0}],
        [{"type": "reasoning.text", "format": "unknown", "index": 4, "id": "r", "extra": 1}],
    ]
    state, _ = run(*(event(chunk(choice(reasoning_details=d))) for d in deltas))
    expected = [
        ReasoningDetailText(
            text="Let me think.", format="anthropic-claude-v1", index=0, signature="sig"
        ),
        ReasoningDetailText(text="Next block", index=0),
        ReasoningDetailEncrypted(data="[REDACTED]", index=1),
        ReasoningDetailSummary(summary="First part", index=2),
        ReasoningDetailSummary(summary="Second", index=3),
        UnknownReasoningDetail(raw={"type": "reasoning.future", "blob": 1}),
        ReasoningDetailText(text="More", index=0),
        ReasoningDetailText(format="unknown", index=4, id="r", extra={"extra": 1}),
    ]
    assert expected == state.collect().choices[0].message.reasoning_details


def test_refusal_images_annotations_logprobs_and_audio_are_collected() -> None:
    """The less common delta fields are concatenated or gathered in order."""
    token = {"token": "a", "logprob": -0.1, "top_logprobs": []}
    state, _ = run(
        event(
            chunk(
                {
                    "index": 0,
                    "delta": {
                        "refusal": "I can",
                        "images": [{"type": "image_url", "image_url": {"url": "u1"}}],
                        "audio": {"id": "au", "data": "AAA", "transcript": "he"},
                    },
                    "logprobs": {"content": [token]},
                }
            )
        ),
        event(
            chunk(
                {
                    "index": 0,
                    "delta": {
                        "refusal": "not.",
                        "annotations": [
                            {"type": "url_citation", "url_citation": {"url": "https://x"}}
                        ],
                        "audio": {"data": "BBB", "transcript": "llo", "expires_at": 9},
                    },
                    "logprobs": {"content": [token]},
                }
            )
        ),
    )
    message = state.collect().choices[0].message
    logprobs = state.collect().choices[0].logprobs
    assert "I cannot." == message.refusal
    assert ["u1"] == [i.image_url.url for i in message.images or []]
    assert 1 == len(message.annotations or [])
    assert ("au", "AAABBB", "hello", 9) == (
        message.audio.id,  # type: ignore[union-attr]
        message.audio.data,  # type: ignore[union-attr]
        message.audio.transcript,  # type: ignore[union-attr]
        message.audio.expires_at,  # type: ignore[union-attr]
    )
    assert 2 == len(logprobs.content or [])  # type: ignore[union-attr]


def test_generation_id_from_the_header_wins() -> None:
    """An id given up front (``X-Generation-Id``) is kept over the chunk ids."""
    state, _ = run(event(chunk(choice(content="a"))), state=StreamState(generation_id="gen-h"))
    assert ("gen-h", "gen-h") == (state.generation_id, state.collect().id)


def test_model_and_provider_come_from_the_chunks() -> None:
    """The served model and provider are read from the chunks as they arrive."""
    state, _ = run(event(chunk(choice(content="a"), model="anthropic/claude", provider="Bedrock")))
    assert ("anthropic/claude", "Bedrock", GEN) == (
        state.model,
        state.provider,
        state.generation_id,
    )


def test_mark_stalled_ends_the_stream() -> None:
    """A watchdog stall is recorded with its phase, limit and partial content."""
    state, _ = run(event(chunk(choice(content="slow"))))
    expected = StreamStalledError(
        message="no more content within 30 s (keep-alives do not count)",
        phase="idle",
        limit=30.0,
        partial_content="slow",
        generation_id=GEN,
    )
    assert expected == state.mark_stalled(30.0, "idle")
    assert ("stalled", None, None) == (
        state.outcome,
        state.on_event(event(chunk(choice(content="x")))),
        state.on_eof(),
    )


def test_mark_cancelled_only_changes_an_unfinished_stream() -> None:
    """Closing mid-stream is "cancelled"; closing after [DONE] stays "completed"."""
    open_state, _ = run(event(chunk(choice(content="a"))))
    open_state.mark_cancelled()
    finished, _ = run(DONE)
    finished.mark_cancelled()
    assert ("cancelled", True, "completed") == (
        open_state.outcome,
        open_state.done,
        finished.outcome,
    )


def test_mark_failed_records_a_shell_failure() -> None:
    """A transport failure reported by the shell ends the stream as "error"."""
    state = StreamState()
    error = RequestAbortedError(message="aborted")
    assert (error, "error") == (state.mark_failed(error), state.outcome)


def test_decoded_bytes_end_to_end() -> None:
    """Bytes through the decoder and the state: keep-alives, CRLF and U+2028 in content."""
    body = (
        b": OPENROUTER PROCESSING\r\n\r\n"
        + b"data: "
        + json.dumps(chunk(choice(role="assistant", content="a\u2028b\x85"))).encode()
        + b"\r\n\r\n: OPENROUTER PROCESSING\r\n\r\ndata: "
        + json.dumps(chunk(choice(content="\u2029c", finish_reason="stop"))).encode()
        + b"\r\n\r\ndata: "
        + json.dumps(chunk(usage=USAGE)).encode()
        + b"\r\n\r\ndata: [DONE]\r\n\r\n"
    )
    decoder = SSEDecoder()
    state = StreamState()
    items = []
    for i in range(len(body)):
        for e in decoder.feed(body[i : i + 1]):
            if (item := state.on_event(e)) is not None:
                items.append(item)
    assert [ChatStreamChunk] * 3 == [type(i.unwrap()) for i in items]
    assert ("completed", "a\u2028b\x85\u2029c") == (state.outcome, state.content_so_far)


@given(st.lists(st.text(max_size=5), max_size=8), st.lists(st.text(max_size=5), max_size=8))
def test_any_fragmenting_collects_the_joined_text(content: list[str], arguments: list[str]) -> None:
    """However text and arguments are cut into deltas, collect() joins them back."""
    opening = chunk(choice(role="assistant", content="", tool_calls=[{"index": 0, "id": "c"}]))
    events = [event(opening)]
    events += [event(chunk(choice(content=piece))) for piece in content]
    events += [
        event(chunk(choice(tool_calls=[{"index": 0, "function": {"arguments": a}}])))
        for a in arguments
    ]
    state, _ = run(*events, DONE)
    message = state.collect().choices[0].message
    calls = message.tool_calls or []
    assert ("".join(content), ["".join(arguments) or "{}"]) == (
        message.content,
        [c.function.arguments for c in calls],
    )


def test_keep_content_false_keeps_no_text() -> None:
    """With keep_content=False the state remembers how the stream went, not what it said."""
    pieces = [event(chunk(choice(content=f"piece {n} "))) for n in range(500)]
    state, items = run(
        *pieces,
        event(chunk(choice(finish_reason="stop"))),
        DONE,
        state=StreamState(keep_content=False),
    )
    reply = state.collect()
    assert all(isinstance(item, Success) for item in items)
    assert ("completed", True, 500, "", None, "stop") == (
        state.outcome,
        state.received_content,
        state.content_chunks,
        state.content_so_far,
        reply.choices[0].message.content,
        reply.choices[0].finish_reason,
    )


def test_long_content_is_joined_in_order() -> None:
    """Thousands of pieces (many runs of joined text) collect back in order."""
    texts = [f"{n}," for n in range(5000)]
    state, _ = run(*(event(chunk(choice(content=text))) for text in texts))
    assert "".join(texts) == state.content_so_far == state.collect().choices[0].message.content
