"""Models and errors compare, hash and print as attrs' own methods would, from methods
written once in ``_values`` (attrs compiling them per class slowed a fresh process)."""

from unittest import mock

import pytest

from openrouter_core import (
    BackoffStrategy,
    HookContext,
    Hooks,
    RequestOptions,
    RetryConfig,
    Runtime,
    models,
)
from openrouter_core._values import Value, value_repr
from openrouter_core.models import ChatRequest, ChatSystemMessage, ChatUserMessage


def _model_classes() -> list[type[Value]]:
    found: list[type[Value]] = []
    for name in models.__all__:
        value = getattr(models, name)
        if isinstance(value, type) and issubclass(value, Value):
            found.append(value)
    return found


def test_every_model_class_takes_the_methods_written_once() -> None:
    """No model class carries an attrs-generated ``__eq__``, ``__hash__`` or ``__repr__``."""
    classes = _model_classes()
    assert len(classes) > 150
    by_value: tuple[object, object, object] = (Value.__eq__, Value.__hash__, value_repr)
    assert [c for c in classes if (c.__eq__, c.__hash__, c.__repr__) != by_value] == []


def _request(messages: list[ChatSystemMessage | ChatUserMessage] | None = None) -> ChatRequest:
    said: list[ChatSystemMessage | ChatUserMessage] = [
        ChatSystemMessage(content="Be brief."),
        ChatUserMessage(content="Hi"),
    ]
    return ChatRequest(model="m", messages=said if messages is None else messages)


def test_a_sequence_field_equals_the_list_it_holds() -> None:
    """``eq=as_list``: a request built from a tuple equals the one built from a list."""
    said = (ChatSystemMessage(content="Be brief."), ChatUserMessage(content="Hi"))
    assert ChatRequest(model="m", messages=said) == _request()
    assert _request() != _request([ChatUserMessage(content="Hi")])
    assert ChatRequest(model="m", messages=said) != ChatRequest(model="n", messages=said)


def test_other_classes_are_left_to_the_other_side() -> None:
    """Another class is ``NotImplemented``: never equal to a lookalike, and ``mock.ANY``
    (whose own ``__eq__`` then answers) still matches."""
    assert ChatUserMessage(content="Hi") != ChatSystemMessage(content="Hi")
    assert ChatUserMessage(content="Hi") != "Hi"
    assert ChatUserMessage(content="Hi") == mock.ANY


def test_repr_is_attrs_listing_of_the_fields() -> None:
    assert repr(ChatUserMessage(content="Hi")) == (
        "ChatUserMessage(role='user', content='Hi', name=None, extra={})"
    )


def test_models_hash_by_their_fields_so_a_dict_field_makes_them_unhashable() -> None:
    """As with attrs' frozen classes: the hash is over the compared fields, and every model
    holds ``extra`` (a dict), so hashing one fails as it did."""
    with pytest.raises(TypeError, match="unhashable"):
        hash(ChatUserMessage(content="Hi"))


@pytest.mark.parametrize(
    "cls", [RequestOptions, HookContext, Hooks, BackoffStrategy, RetryConfig, Runtime]
)
def test_the_settings_classes_take_the_methods_written_once(cls: type[Value]) -> None:
    by_value: tuple[object, object, object] = (Value.__eq__, Value.__hash__, value_repr)
    assert (cls.__eq__, cls.__hash__, cls.__repr__) == by_value


def test_settings_compare_and_hash_by_value() -> None:
    """Frozen settings with no dict in them are equal, and hash equal, field for field."""
    assert RetryConfig(max_attempts=2) == RetryConfig(max_attempts=2)
    assert len({RetryConfig(), RetryConfig(), RetryConfig(max_attempts=2)}) == 2
    assert RetryConfig() != RetryConfig(backoff=BackoffStrategy(exponent=3.0))
    assert repr(BackoffStrategy()) == (
        "BackoffStrategy(initial_interval=0.5, max_interval=10.0, exponent=2.0, "
        "max_elapsed_time=30.0)"
    )
