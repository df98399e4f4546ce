"""The converter: lossless decoding, exact encoding, and failures as values."""

import json
import subprocess
import sys
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from returns.result import Failure, Success

from openrouter_core._converter import (
    _FastConverter,
    from_builtins,
    from_json,
    to_builtins,
    to_json,
)
from openrouter_core.errors import ResponseValidationError, SDKValidationError
from openrouter_core.models import (
    ChatAssistantMessage,
    ChatChoice,
    ChatContentImage,
    ChatContentImageUrl,
    ChatContentText,
    ChatRequest,
    ChatResult,
    ChatStreamChunk,
    ChatSystemMessage,
    ChatUserMessage,
    ReasoningDetailText,
    UnknownChatContentItem,
    UnknownReasoningDetail,
)

RESULT: dict[str, Any] = {
    "id": "gen-1",
    "object": "chat.completion",
    "created": 1700000000,
    "model": "openai/gpt-4o",
    "provider": "OpenAI",
    "choices": [
        {
            "index": 0,
            "finish_reason": "stop",
            "native_finish_reason": "end_turn",
            "message": {"role": "assistant", "content": "Paris."},
        }
    ],
    "usage": {"prompt_tokens": 10, "completion_tokens": 2, "total_tokens": 12},
}


def decoded(value: Any, cls: type[Any]) -> Any:
    result = from_builtins(value, cls)
    assert isinstance(result, Success), result
    return result.unwrap()


def reencoded(value: Any, cls: type[Any]) -> Any:
    return to_builtins(decoded(value, cls)).unwrap()


def test_request_encodes_to_the_wire_json_without_none_fields() -> None:
    """None fields are left out, discriminators are sent, and the output is compact UTF-8."""
    request = ChatRequest(
        model="openai/gpt-4o",
        messages=[
            ChatSystemMessage(content="Be terse."),
            ChatUserMessage(
                content=[
                    ChatContentText(text="Café?"),
                    ChatContentImage(image_url=ChatContentImageUrl(url="https://x/cat.png")),
                ]
            ),
        ],
    )
    expected = (
        '{"messages":[{"role":"system","content":"Be terse."},{"role":"user","content":'
        '[{"type":"text","text":"Café?"},{"type":"image_url","image_url":{"url":"https://x/cat.png"}}]}],'
        '"model":"openai/gpt-4o"}'
    ).encode()
    assert Success(expected) == to_json(request)


def test_result_decodes_wire_only_fields() -> None:
    """provider and native_finish_reason, which the spec lacks, are modelled fields."""
    result = decoded(RESULT, ChatResult)
    assert ("OpenAI", "end_turn", "Paris.") == (
        result.provider,
        result.choices[0].native_finish_reason,
        result.choices[0].message.content,
    )


def test_unknown_keys_at_any_level_are_kept_and_sent_back() -> None:
    """A key the models do not know lands in extra and comes back out on encoding."""
    body = json.loads(json.dumps(RESULT))
    body["brand_new"] = {"a": [1, None]}
    body["choices"][0]["message"]["future_field"] = "x"
    result = decoded(body, ChatResult)
    assert {"brand_new": {"a": [1, None]}} == result.extra
    assert {"future_field": "x"} == result.choices[0].message.extra
    assert body == to_builtins(result).unwrap()


def test_unknown_union_members_round_trip_verbatim() -> None:
    """A new content part or reasoning detail type decodes to Unknown... holding the raw dict."""
    message = {
        "role": "assistant",
        "content": [{"type": "text", "text": "hi"}, {"type": "hologram", "uri": "h://1"}],
        "reasoning_details": [
            {"type": "reasoning.text", "text": "t", "format": "anthropic-claude-v1", "index": 0},
            {"type": "reasoning.quantum", "qubits": 3},
        ],
    }
    decoded_message = decoded(message, ChatAssistantMessage)
    assert (
        UnknownChatContentItem(raw={"type": "hologram", "uri": "h://1"})
        == (decoded_message.content[1])
    )
    assert [
        ReasoningDetailText(text="t", format="anthropic-claude-v1", index=0),
        UnknownReasoningDetail(raw={"type": "reasoning.quantum", "qubits": 3}),
    ] == decoded_message.reasoning_details
    assert message == to_builtins(decoded_message).unwrap()


def test_unknown_enum_values_pass_as_str() -> None:
    """A finish reason or reasoning format this SDK does not know is kept as a plain str."""
    body = json.loads(json.dumps(RESULT))
    body["choices"][0]["finish_reason"] = "thought_too_hard"
    assert "thought_too_hard" == decoded(body, ChatResult).choices[0].finish_reason


def test_fields_the_api_omits_decode_as_none() -> None:
    """system_fingerprint, object, created and cost_details.* may be missing."""
    body = {k: v for k, v in RESULT.items() if k not in ("object", "created")}
    body["usage"] = {**RESULT["usage"], "cost_details": {"upstream_inference_cost": None}}
    result = decoded(body, ChatResult)
    assert (None, None, None) == (result.object, result.created, result.system_fingerprint)
    assert None is result.usage.cost_details.upstream_inference_prompt_cost


def test_stream_chunk_with_error_and_empty_choices_decodes() -> None:
    """A mid-stream error chunk keeps a string code and the availability object."""
    chunk = {
        "id": "gen-2",
        "model": "m",
        "choices": [],
        "error": {
            "code": "server_error",
            "message": "boom",
            "availability": {"retryable": True},
        },
    }
    error = decoded(chunk, ChatStreamChunk).error
    assert ("server_error", "boom", {"retryable": True}) == (
        error.code,
        error.message,
        error.availability,
    )


def test_integer_in_a_float_field_reencodes_unchanged() -> None:
    """A number field given 0 stays 0, not 0.0, so the bytes round-trip."""
    body = {**RESULT, "usage": {**RESULT["usage"], "cost": 0}}
    assert b'"cost":0}' in to_json(decoded(body, ChatResult)).unwrap()


def test_wrong_types_fail_with_json_paths() -> None:
    """Each problem is reported as '<json path>: <what was expected>'."""
    body = json.loads(json.dumps(RESULT))
    body["choices"][0]["index"] = "0"
    del body["id"]
    result = from_builtins(body, ChatResult)
    assert isinstance(result, Failure)
    error = result.failure()
    assert isinstance(error, ResponseValidationError)
    assert {
        "$.id: required field missing",
        "$.choices[0].index: expected an integer, got a string",
    } == set(error.details)


def test_invalid_json_is_a_failure_with_the_body() -> None:
    """A body that is not JSON gives ResponseValidationError, never an exception."""
    result = from_json(b"{not json", ChatResult)
    assert isinstance(result, Failure)
    assert "{not json" == result.failure().body


def test_leading_whitespace_and_bom_are_tolerated() -> None:
    """A UTF-8 BOM or whitespace before the JSON does not fail decoding."""
    text = "\ufeff \n" + json.dumps(RESULT)
    assert isinstance(from_json(text, ChatResult), Success)
    assert isinstance(from_json(text.encode(), ChatResult), Success)


@pytest.mark.parametrize(
    "value",
    [[], "x", None, 3, {"choices": "no"}, {"choices": [None]}],
    ids=["array", "string", "null", "number", "choices_string", "choice_null"],
)
def test_any_json_value_gives_a_result_not_an_exception(value: Any) -> None:
    """Whatever the JSON, decoding answers a Failure rather than raising."""
    assert isinstance(from_builtins(value, ChatResult), Failure)


def test_nan_is_a_serialisation_failure() -> None:
    """allow_nan=False: NaN cannot be sent, and the caller gets SDKValidationError."""
    result = to_json(ChatRequest(messages=[ChatUserMessage(content="x")], temperature=float("nan")))
    assert isinstance(result, Failure)
    assert isinstance(result.failure(), SDKValidationError)


@attrs.frozen(kw_only=True)
class _Keyword:
    from_: str
    extra: dict[str, Any] = attrs.field(factory=dict)


def test_keyword_fields_map_to_the_wire_name() -> None:
    """A field named from_ is "from" on the wire, both ways."""
    assert {"from": "a"} == to_builtins(_Keyword(from_="a")).unwrap()
    assert _Keyword(from_="b") == decoded({"from": "b"}, _Keyword)


@attrs.frozen(kw_only=True)
class _Validated:
    name: str = attrs.field(validator=attrs.validators.min_len(1))


def test_a_callers_class_is_decoded_through_its_init() -> None:
    """A class outside the SDK's models (structured output) runs its own validators."""
    assert _Validated(name="x") == decoded({"name": "x"}, _Validated)
    result = from_builtins({"name": ""}, _Validated)
    assert isinstance(result, Failure)
    assert "'name' must be >= 1" in " ".join(result.failure().details)


def test_a_nested_failure_names_the_full_path() -> None:
    """A problem deep inside a union member and a list is reported at its exact JSON path."""
    body = json.loads(json.dumps(RESULT))
    body["choices"][0]["message"]["tool_calls"] = [
        {"id": "c0", "type": "function", "function": {"name": "f", "arguments": "{}"}},
        {"id": "c1", "type": "function", "function": {"arguments": "{}"}},
    ]
    result = from_builtins(body, ChatResult)
    assert isinstance(result, Failure)
    assert ("$.choices[0].message.tool_calls[1].function.name: required field missing",) == (
        result.failure().details
    )


_any_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["id", "model", "choices", "delta", "message", "index", "type"])
            | st.text(max_size=4),
            inner,
            max_size=5,
        )
    ),
    max_leaves=20,
)


# The fuzz profile runs 50 times the default examples; the per-test timeout scales with it.
@pytest.mark.timeout(60 * settings().max_examples / 200)
@pytest.mark.parametrize("cls", [ChatRequest, ChatResult, ChatStreamChunk])
def test_arbitrary_json_never_raises(cls: type[Any]) -> None:
    """Any JSON value decodes to Success or Failure; no exception escapes."""

    @given(_any_json)
    def run(value: Any) -> None:
        result = from_builtins(value, cls)
        assert isinstance(result, Success | Failure)
        if isinstance(result, Failure):
            assert all(": " in line for line in result.failure().details)

    run()


_FIRST_REQUEST = """\
import sys
from openrouter_core import OpenRouterCore
from openrouter_core.funcs import chat_send, chat_stream
from openrouter_core.models import ChatRequest, ChatUserMessage
from openrouter_core.testing import FakeOpenRouter

request = ChatRequest(model="openai/gpt-4o-mini", messages=[ChatUserMessage(content="Hi")])
with FakeOpenRouter(api_key=None) as fake:
    with OpenRouterCore(api_key="sk-test", server_url=fake.base_url) as core:
        assert chat_send(core, request).unwrap().choices[0].message.content
        with chat_stream(core, request).unwrap() as stream:
            assert all(item.unwrap() for item in stream)
        print("cattrs" in sys.modules, "openrouter_core._facade" in sys.modules)
        from openrouter_core._converter import from_builtins
        from openrouter_core.models import ChatResult
        assert from_builtins({"id": 1}, ChatResult).failure().details
        print("cattrs" in sys.modules)
"""


def test_requests_do_not_load_cattrs_until_a_failure_needs_explaining() -> None:
    """A chat_send and a chat_stream over a socket decode and encode without importing
    cattrs (or the facade); the first validation failure loads it to say what is wrong."""
    out = subprocess.run(
        [sys.executable, "-c", _FIRST_REQUEST], capture_output=True, text=True, check=True
    )
    assert ["False False", "True"] == out.stdout.split("\n")[:2]


def test_a_model_hook_interprets_its_first_uses_then_runs_generated_code_in_place() -> None:
    """Until its ``compile_after``-th use a hook runs the interpreter; from then on the
    compiled generated function, in the same function object (parents keep it), with the
    same output."""
    converter = _FastConverter(compile_after=3)
    request = ChatRequest(
        model="m",
        messages=[ChatUserMessage(content="Hi")],
        temperature=0.5,
        extra={"x_new": [1], "model": "never overrides"},
    )
    outputs = [repr(converter.unstructure(request))]
    hook = converter.unstructure_hooks[ChatRequest]
    assert hook.__code__.co_name == "_first_uses"
    outputs += [repr(converter.unstructure(request)) for _ in range(3)]
    assert converter.unstructure_hooks[ChatRequest] is hook
    assert hook.__code__.co_filename == "<unstructure openrouter_core.models._request.ChatRequest>"
    expected = {
        "messages": [{"role": "user", "content": "Hi"}],
        "model": "m",
        "temperature": 0.5,
        "x_new": [1],
    }
    assert outputs == [repr(expected)] * 4


def test_a_decoder_switches_to_generated_code_in_place_under_its_parents() -> None:
    """A nested model's hook, kept by its parent's hook, switches to the generated code
    after its own uses, so a stream's chunks run it with no layer in between."""
    converter = _FastConverter(compile_after=2)
    result = converter.get_structure_hook(ChatResult)
    choice = converter.structure_hooks[ChatChoice]
    assert result.__code__.co_name == choice.__code__.co_name == "_first_uses"
    two_choices = {**RESULT, "choices": RESULT["choices"] * 2}
    assert decoded(two_choices, ChatResult) == result(two_choices, ChatResult)
    assert result.__code__.co_name == "_first_uses"  # one use
    assert choice.__code__.co_filename == "<structure openrouter_core.models._response.ChatChoice>"
    assert converter.structure_hooks[ChatChoice] is choice
    assert decoded(RESULT, ChatResult) == result(RESULT, ChatResult) == result(RESULT, None)
    assert result.__code__.co_name == "structure_ChatResult"


_FIELD_TYPES = """\
import typing

import attrs

from openrouter_core import models
from openrouter_core._converter import _MODEL_NAMESPACE, _Deferred, _field_types


def compared(cls):
    hints = typing.get_type_hints(cls, localns=_MODEL_NAMESPACE)
    types = _field_types(cls)
    assert types == {a.name: hints[a.name] for a in attrs.fields(cls)}, cls
    return types


# Only its own module loaded: the models of the others are placeholders.
choice = compared(models.ChatChoice)
assert typing.get_args(choice["logprobs"])[0] == _Deferred("ChatTokenLogprobs"), choice
classes = [getattr(models, name) for name in models.__all__]
for cls in classes:
    if attrs.has(cls):
        compared(cls)
assert typing.get_args(compared(models.ChatChoice)["logprobs"])[0] is models.ChatTokenLogprobs
print(sum(map(attrs.has, classes)))
"""


def test_model_field_types_are_what_typing_resolves() -> None:
    """Each model's field types, from annotation strings evaluated once each, are what
    ``typing.get_type_hints`` gives in the same namespace: placeholders for the models of
    modules not loaded yet, the models themselves once they are."""
    out = subprocess.run(
        [sys.executable, "-c", _FIELD_TYPES], check=False, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert int(out.stdout) > 150
