"""Text and values at hand: ``.text``, ``to_dict`` / ``from_dict`` and ``error_type``."""

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from returns.result import Failure, Success

from openrouter_core import NO_RETRIES, OpenRouterCore, from_dict, to_dict
from openrouter_core.errors import (
    BadRequestResponseError,
    ResponseValidationError,
    TooManyRequestsResponseError,
)
from openrouter_core.funcs import chat_stream, chat_stream_async
from openrouter_core.models import (
    ChatAssistantMessage,
    ChatChoice,
    ChatContentImage,
    ChatContentImageUrl,
    ChatContentText,
    ChatFunctionDefinition,
    ChatFunctionTool,
    ChatFunctionToolFunction,
    ChatRequest,
    ChatResult,
    ChatStreamChoice,
    ChatStreamChunk,
    ChatStreamDelta,
    ChatSystemMessage,
    ChatUserMessage,
    UnknownChatContentItem,
)
from openrouter_core.testing import FakeOpenRouter

from .support import MODES, Mode, run_async, send, user_request

PARIS = "The capital of France is Paris."


def _result(*messages: ChatAssistantMessage) -> ChatResult:
    choices = [ChatChoice(index=i, message=m) for i, m in enumerate(messages)]
    return ChatResult(id="gen-1", model="m", choices=choices)


def _chunk(*contents: str | None) -> ChatStreamChunk:
    choices = [
        ChatStreamChoice(index=i, delta=ChatStreamDelta(content=c)) for i, c in enumerate(contents)
    ]
    return ChatStreamChunk(id="gen-1", model="m", choices=choices)


IMAGE = ChatContentImage(image_url=ChatContentImageUrl(url="https://x.test/a.png"))


@pytest.mark.parametrize(
    ("content", "text"),
    [
        ("Paris.", "Paris."),
        ("", ""),
        (None, None),
        ([ChatContentText(text="Par"), IMAGE, ChatContentText(text="is.")], "Paris."),
        ([IMAGE], None),
        ([], None),
        ([UnknownChatContentItem(raw={"type": "hologram"})], None),
    ],
)
def test_message_text_joins_text_parts_and_is_none_without_text(
    content: Any, text: str | None
) -> None:
    """A string is the text; text parts are joined; no text at all is None, never "None"."""
    message = ChatAssistantMessage(content=content)
    assert (message.text, _result(message).text) == (text, text)


def test_result_text_is_the_first_choice_and_none_without_choices() -> None:
    first, second = ChatAssistantMessage(content="one"), ChatAssistantMessage(content="two")
    assert (_result(first, second).text, _result().text) == ("one", None)


def test_chunk_text_is_the_first_choice_delta() -> None:
    assert [_chunk("Pa", "x").text, _chunk(None).text, _chunk().text] == ["Pa", None, None]


@pytest.mark.parametrize("mode", MODES)
def test_text_of_a_real_reply_and_stream(mode: Mode, fake_openrouter: FakeOpenRouter) -> None:
    """Over the fake server: the reply's text, and the stream's chunk texts joined."""
    core = OpenRouterCore(
        api_key=fake_openrouter.api_key,
        server_url=fake_openrouter.base_url,
        retry_config=NO_RETRIES,
    )
    match send(mode, core, user_request()):
        case Success(ChatResult() as reply):
            assert reply.text == PARIS
        case other:
            pytest.fail(f"unexpected {other!r}")

    request = user_request()
    if mode == "sync":
        with chat_stream(core, request).unwrap() as stream:
            texts = [item.unwrap().text for item in stream]
    else:

        async def collect() -> list[str | None]:
            async with (await chat_stream_async(core, request)).unwrap() as stream:
                return [item.unwrap().text async for item in stream]

        texts = run_async(core, collect)
    core.close()
    assert "".join(t for t in texts if t) == PARIS
    assert None in texts  # the usage-only chunk has no choices


REQUEST = ChatRequest(
    model="openai/gpt-4o",
    messages=[
        ChatSystemMessage(content="Be brief."),
        ChatUserMessage(content=[ChatContentText(text="Hi")], extra={"x_vendor": {"a": [1]}}),
    ],
    temperature=0.5,
    extra={"future_option": True},
)


def test_to_dict_is_the_wire_shape() -> None:
    """Absent fields are left out, discriminators kept, unknown keys merged where they were."""
    assert to_dict(REQUEST) == {
        "model": "openai/gpt-4o",
        "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": [{"type": "text", "text": "Hi"}], "x_vendor": {"a": [1]}},
        ],
        "temperature": 0.5,
        "future_option": True,
    }
    assert to_dict(UnknownChatContentItem(raw={"type": "hologram", "z": 1})) == {
        "type": "hologram",
        "z": 1,
    }


def test_from_dict_round_trips_to_dict() -> None:
    assert from_dict(ChatRequest, to_dict(REQUEST)) == Success(REQUEST)
    assert from_dict(ChatRequest, MappingProxyType(to_dict(REQUEST))) == Success(REQUEST)


def test_from_dict_says_where_the_data_does_not_fit() -> None:
    data = {"model": "m", "messages": [{"role": "user", "content": 5}]}
    match from_dict(ChatRequest, data):
        case Failure(ResponseValidationError() as error):
            assert error.message == "data does not match ChatRequest"
            assert error.details == (
                "$.messages[0].content: expected a string or an array, got an integer",
            )
        case other:
            pytest.fail(f"unexpected {other!r}")


class _BrokenMapping(Mapping[str, Any]):
    def __getitem__(self, key: str) -> Any:
        raise RuntimeError("broken")

    def __iter__(self) -> Any:
        raise RuntimeError("broken")

    def __len__(self) -> int:
        return 1


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
    max_leaves=20,
)


@given(st.dictionaries(st.sampled_from(["model", "messages", "tools", "stop", "x"]), json_values))
def test_from_dict_never_raises(data: dict[str, Any]) -> None:
    assert isinstance(from_dict(ChatRequest, data), Success | Failure)


def test_from_dict_answers_a_broken_mapping_with_a_failure() -> None:
    assert isinstance(from_dict(ChatRequest, _BrokenMapping()), Failure)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("status", "cls", "error_type"),
    [
        (400, BadRequestResponseError, "invalid_request"),
        (429, TooManyRequestsResponseError, "rate_limit_exceeded"),
    ],
)
def test_error_type_is_the_bodys_metadata_error_type(
    mode: Mode, status: int, cls: type[Any], error_type: str, fake_openrouter: FakeOpenRouter
) -> None:
    core = OpenRouterCore(
        api_key=fake_openrouter.api_key,
        server_url=fake_openrouter.base_url,
        retry_config=NO_RETRIES,
    )
    request = ChatRequest(model=f"fake/error-{status}", messages=[ChatUserMessage(content="Hi")])
    result = send(mode, core, request)
    core.close()
    match result:
        case Failure(error):
            assert (type(error), error.error_type) == (cls, error_type)
        case other:
            pytest.fail(f"unexpected {other!r}")


def test_error_type_falls_back_to_the_envelope_and_ignores_non_strings() -> None:
    def make(**fields: Any) -> BadRequestResponseError:
        return BadRequestResponseError(message="m", status_code=400, **fields)

    assert make(error={"error_type": "model_not_found"}).error_type == "model_not_found"
    assert make(metadata={"error_type": 7}).error_type is None
    assert make().error_type is None


# Sequence fields: these lines are type-checked by mypy --strict (make type), and run here.


def test_request_list_fields_accept_any_sequence() -> None:
    """A list of one message class, a mixed list and a tuple all type-check and send alike."""
    history: list[ChatUserMessage] = [ChatUserMessage(content="Hi")]
    mixed: list[ChatSystemMessage | ChatUserMessage] = [
        ChatSystemMessage(content="Be brief."),
        ChatUserMessage(content="Hi"),
    ]
    parts: tuple[ChatContentText, ...] = (ChatContentText(text="Hi"),)
    tools: tuple[ChatFunctionTool, ...] = (
        ChatFunctionToolFunction(function=ChatFunctionDefinition(name="now")),
    )
    from_list = ChatRequest(model="m", messages=history, tools=list(tools), stop=["x"])
    from_tuple = ChatRequest(model="m", messages=tuple(history), tools=tools, stop=("x",))
    assert from_list == from_tuple
    assert to_dict(from_list) == to_dict(from_tuple)
    assert from_dict(ChatRequest, to_dict(from_tuple)) == Success(from_tuple)
    assert from_list != attrs.evolve(from_tuple, stop=("y",))
    assert ChatUserMessage(content=parts) == ChatUserMessage(content=list(parts))
    assert ChatUserMessage(content="ab") != ChatUserMessage(content=("a", "b"))  # type: ignore[arg-type]
    assert to_dict(ChatRequest(messages=mixed))["messages"][0] == {
        "role": "system",
        "content": "Be brief.",
    }


@pytest.mark.parametrize("mode", MODES)
def test_a_tuple_request_is_sent_as_the_list_it_holds(
    mode: Mode, fake_openrouter: FakeOpenRouter
) -> None:
    core = OpenRouterCore(
        api_key=fake_openrouter.api_key,
        server_url=fake_openrouter.base_url,
        retry_config=NO_RETRIES,
    )
    request = ChatRequest(
        model="openai/gpt-4o", messages=(ChatUserMessage(content="What is the capital of France?"),)
    )
    reply = send(mode, core, request)
    core.close()
    assert reply.map(lambda r: r.text) == Success(PARIS)
    assert fake_openrouter.requests[-1].json["messages"] == [
        {"role": "user", "content": "What is the capital of France?"}
    ]
