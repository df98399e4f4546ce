"""Pure: strict JSON Schema from attrs classes and dataclasses, and decoding back."""

from __future__ import annotations

import dataclasses
import enum
from typing import Any, Literal

import attrs
import pytest
from returns.result import Failure, Success

from openrouter_core._schema import decode, object_schema
from openrouter_core.funcs import response_format_for, tool_from_function
from openrouter_core.testing._replies import _example


class Mood(enum.Enum):
    HAPPY = "happy"
    SAD = "sad"


@dataclasses.dataclass
class Address:
    """Where someone lives."""

    city: str
    #: Postal code, if known.
    zip: str | None = None


@attrs.frozen
class Person:
    """A person named in the text."""

    name: str
    "The full name."
    age: int
    mood: Mood
    tags: list[str]
    scores: dict[str, float]
    kind: Literal["human", "robot"] = "human"
    address: Address | None = None
    height: float = attrs.field(default=1.7, metadata={"description": "In metres."})
    id_or_name: int | str = 0


def _strict(schema: dict[str, Any]) -> None:
    """Every object lists all its properties as required and allows no others."""
    if schema.get("type") == "object":
        assert list(schema["properties"]) == schema["required"]
        assert schema["additionalProperties"] is False
    for value in schema.values():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                _strict(item)


def test_schema_of_a_class_is_strict_and_typed() -> None:
    """Each supported type has its strict form; descriptions come from docs and metadata."""
    schema = object_schema(Person)
    _strict(schema)
    props = schema["properties"]
    assert "A person named in the text." == schema["description"]
    assert {"type": "string", "description": "The full name."} == props["name"]
    assert {"type": "integer"} == props["age"]
    assert {"type": "string", "enum": ["happy", "sad"]} == props["mood"]
    assert {"type": "array", "items": {"type": "string"}} == props["tags"]
    pair = props["scores"]["items"]
    assert ("array", ["key", "value"]) == (props["scores"]["type"], pair["required"])
    assert {"type": "number"} == pair["properties"]["value"]
    assert ["string", "null"] == props["kind"]["type"]
    assert ["human", "robot", None] == props["kind"]["enum"]
    assert "null for the default ('human')" == props["kind"]["description"]
    address = props["address"]["anyOf"][0]
    assert "Postal code, if known." == address["properties"]["zip"]["description"]
    assert {"type": "null"} == props["address"]["anyOf"][1]
    assert "In metres. null for the default (1.7)" == props["height"]["description"]
    assert [{"type": "integer"}, {"type": "string"}, {"type": "null"}] == props["id_or_name"][
        "anyOf"
    ]


def test_response_format_is_the_strict_json_schema_format() -> None:
    """The ChatRequest model carries the schema under the class name, strict."""
    config = response_format_for(Person).json_schema
    assert ("json_schema", "Person", True) == (
        response_format_for(Person).type,
        config.name,
        config.strict,
    )
    assert object_schema(Person) == config.schema


def test_defaults_and_pairs_decode_back() -> None:
    """null means the default where None is not allowed; key/value pairs become a dict."""
    value = {
        "name": "Ada",
        "age": 36,
        "mood": "sad",
        "tags": [],
        "scores": [{"key": "math", "value": 10}],
        "kind": None,
        "address": None,
        "height": None,
        "id_or_name": "x",
    }
    expected = Person("Ada", 36, Mood.SAD, [], {"math": 10}, "human", None, 1.7, "x")
    assert Success(expected) == decode(value, Person)


def test_missing_defaulted_keys_and_plain_maps_are_accepted() -> None:
    """A lenient provider (or json_object) may leave defaults out and send a map as an object."""
    value = {"name": "Ada", "age": 1, "mood": "happy", "tags": ["a"], "scores": {"x": 1.5}}
    expected = Person("Ada", 1, Mood.HAPPY, ["a"], {"x": 1.5})
    assert Success(expected) == decode(value, Person)


def test_what_does_not_fit_is_named_by_path() -> None:
    """A wrong kind, an unknown enum value and a missing field are each reported."""
    value = {"name": "Ada", "age": "old", "mood": "angry", "tags": [], "scores": []}
    result = decode(value, Person)
    assert isinstance(result, Failure)
    details = result.failure().details
    assert "$.age: expected an integer, got a string" in details
    assert "$.mood: expected 'happy' or 'sad', got 'angry'" in details
    missing = decode({"name": "Ada"}, Person)
    assert isinstance(missing, Failure)
    assert "$.age: required field missing" in missing.failure().details


def test_the_fake_servers_instance_decodes() -> None:
    """The fake's deterministic instance of a schema decodes into the class."""
    value = _example(object_schema(Person), "text")
    result = decode(value, Person)
    assert isinstance(result, Success)
    assert Address(city="text", zip="text") == result.unwrap().address


@dataclasses.dataclass
class _Any:
    x: Any


@dataclasses.dataclass
class _Tuple:
    x: tuple[int, int]


@dataclasses.dataclass
class _Loop:
    child: _Loop | None


@dataclasses.dataclass
class _IntKeys:
    x: dict[int, str]


@dataclasses.dataclass
class _TwoLists:
    x: list[int] | list[str]


@dataclasses.dataclass
class _BytesLiteral:
    x: Literal[b"x"] | None


@dataclasses.dataclass
class _BareList:
    x: list  # type: ignore[type-arg]


@pytest.mark.parametrize(
    ("cls", "why"),
    [
        (_Any, "_Any.x: Any cannot be expressed"),
        (_Tuple, "_Tuple.x: tuple[int, int] cannot be expressed"),
        (_Loop, "_Loop refers to itself"),
        (_IntKeys, "only dict[str, X] maps"),
        (_TwoLists, "are both a JSON array"),
        (_BareList, "a list needs its item type"),
        (_BytesLiteral, "Literal values must be str, int, bool or None"),
        (int, "int is not an attrs class or a dataclass"),
    ],
)
def test_what_a_strict_schema_cannot_say_is_refused(cls: type[Any], why: str) -> None:
    """Refused when the format is built, naming the field and the type."""
    with pytest.raises(TypeError, match=why.replace("[", r"\[").replace("]", r"\]")):
        response_format_for(cls)


def test_a_bad_schema_name_is_refused() -> None:
    """OpenAI's name rule: 1-64 letters, digits, _ or -."""
    with pytest.raises(TypeError, match="schema name 'a b'"):
        response_format_for(Person, name="a b")


def get_weather(city: str, units: Literal["c", "f"] = "c", *, days: int = 1) -> str:
    """Current weather for a city.

    Args:
        city: The city name.
        units: Celsius or Fahrenheit.
    """
    return city


def test_tool_from_function_describes_the_signature() -> None:
    """Name, docstring summary, one strict property per parameter with its Args entry."""
    tool = tool_from_function(get_weather).function
    assert ("get_weather", "Current weather for a city.", True) == (
        tool.name,
        tool.description,
        tool.strict,
    )
    assert tool.parameters is not None
    _strict(tool.parameters)
    props = tool.parameters["properties"]
    assert {"type": "string", "description": "The city name."} == props["city"]
    assert "Celsius or Fahrenheit. null for the default ('c')" == props["units"]["description"]
    assert {"type": ["integer", "null"], "description": "null for the default (1)"} == props["days"]


def _star(*names: str) -> None:
    """Takes *args."""


def _untyped(x) -> None:
    """No annotation."""


@pytest.mark.parametrize(
    ("fn", "why"),
    [
        (_star, "'names' must be passable by keyword"),
        (_untyped, "'x' needs a type annotation"),
        (lambda: None, "tool name '<lambda>'"),
    ],
)
def test_functions_a_tool_cannot_describe_are_refused(fn: Any, why: str) -> None:
    """Refused when the tool is built."""
    with pytest.raises(TypeError, match=why):
        tool_from_function(fn)


def pack(items: list[str], size: int) -> str:
    """Pack items into boxes.

    Longer explanation of packing.

    Args:
        items (list[str]): What to pack; the order is kept.
            Note: duplicates are packed twice.
        size: Items per box.

    Returns:
        A summary.
    """
    return ""


def test_argument_docs_follow_google_style() -> None:
    """Entries at the section's indent; deeper lines continue them; other sections end it."""
    tool = tool_from_function(pack).function
    assert tool.parameters is not None
    props = tool.parameters["properties"]
    expected = "What to pack; the order is kept. Note: duplicates are packed twice."
    assert expected == props["items"]["description"]
    assert "Items per box." == props["size"]["description"]
    assert "Pack items into boxes.\n\nLonger explanation of packing." == tool.description
