"""Structured output: the model answers in JSON shaped like your own class, decoded for you.

``chat_parse`` sends the strict ``json_schema`` format built from the class
(``response_format_for``) and decodes the reply with the SDK's converter. Offline, the fake
server answers with a deterministic instance of the schema: every string is the question,
every integer 1, every number 1.5, lists hold one item, and a defaulted field gets its first
allowed value.

Run: ``python examples/structured_output.py`` (offline unless ``OPENROUTER_API_KEY`` is set).
"""

import sys
from dataclasses import dataclass, field
from enum import Enum

from _offline import MODEL, example_core

from openrouter_core import Failure, Success
from openrouter_core.errors import RefusalError, StructuredOutputError
from openrouter_core.funcs import Parsed, chat_parse
from openrouter_core.models import ChatRequest, ChatUserMessage


class Role(Enum):
    SCIENTIST = "scientist"
    WRITER = "writer"
    OTHER = "other"


@dataclass
class Person:
    """A person named in the text."""

    name: str
    """The full name, as written."""
    born: int
    role: Role
    known_for: list[str]
    #: The person's nationality, when the text says it.
    nationality: str | None = None
    confidence: float = field(default=1.0, metadata={"description": "From 0 to 1."})


@dataclass
class People:
    """Everyone the text names."""

    people: list[Person]


with example_core() as core:
    text = "Ada Lovelace (born 1815) wrote the first published computer program."
    request = ChatRequest(
        model=MODEL, messages=[ChatUserMessage(content=f"List the people in: {text}")]
    )
    match chat_parse(core, request, People):
        case Success(Parsed(value=People(people=people), result=reply)):
            for person in people:  # a typed list[Person]
                print(f"{person.role.value}, born {person.born}: {person.name!r}")
            print(f"parsed {len(people)} person(s) with {reply.model}")
        case Failure(RefusalError() as refused):
            print(f"the model refused: {refused.refusal}")
            sys.exit(1)
        case Failure(StructuredOutputError() as mismatch):
            print(f"the reply did not fit: {mismatch}; raw content: {mismatch.content!r}")
            sys.exit(1)
        case Failure(error):
            print(f"the request failed ({type(error).__name__}): {error}")
            sys.exit(1)
