"""A printed ``Failure`` says which error class it holds.

``returns`` prints a container as ``<Failure: {str(inner)}>``, so every error's ``str`` is
``"<class name>: <description>"``: ``print(result)``, ``repr(result)``, f-strings and what
``result.unwrap()`` raises all name the class, for every class ``openrouter_core.errors``
exports (enumerated here, not picked by hand), and over real calls to the fake server.
"""

import inspect
import traceback
from typing import Any, get_args

import attrs
import pytest
from returns.primitives.exceptions import UnwrapFailedError
from returns.result import Failure, Result

from openrouter_core import NO_RETRIES, OpenRouterCore, errors
from openrouter_core.errors import (
    BadGatewayResponseError,
    ConnectionFailedError,
    GenerationError,
    HTTPStatusErrors,
    NotFoundResponseError,
    OpenRouterError,
    ResponseValidationError,
    StreamTruncatedError,
    TooManyRequestsResponseError,
)
from openrouter_core.funcs import chat_stream, chat_stream_async
from openrouter_core.models import ChatRequest, ChatUserMessage
from openrouter_core.testing import FakeOpenRouter

from .support import MODES, Mode, run_async, send

ERROR_CLASSES: list[type[OpenRouterError]] = [
    value
    for value in (getattr(errors, name) for name in errors.__all__)
    if inspect.isclass(value) and issubclass(value, OpenRouterError)
]

REQUIRED: dict[str, Any] = {
    "message": "it went wrong",
    "status_code": 418,
    "phase": "idle",
    "limit": 1.5,
    "content": "{not json",
    "refusal": "I cannot help with that",
    "max_rounds": 3,
    "run": None,  # a ToolRun: not part of the text
    "error": NotFoundResponseError(message="no such model", status_code=404),
    "rounds": 2,
    "messages": (),
    "calls": (),
    "replies": (),
}
"""A value for each field some error class requires, by field name."""


def _defined(cls: type[OpenRouterError]) -> set[type[OpenRouterError]]:
    found = {cls}
    for sub in cls.__subclasses__():
        found |= _defined(sub)
    return found


def test_the_enumeration_is_every_error_class() -> None:
    """Every error class the package defines is exported, so the tests below see them all."""
    defined = {c for c in _defined(OpenRouterError) if c.__module__.startswith("openrouter_core")}
    assert set(get_args(HTTPStatusErrors)) < set(ERROR_CLASSES)
    assert sorted(c.__name__ for c in defined) == sorted(c.__name__ for c in ERROR_CLASSES)


def _instance(cls: type[OpenRouterError]) -> OpenRouterError:
    required = {f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING}
    assert not required - REQUIRED.keys(), f"add {cls.__name__}'s fields to REQUIRED"
    return cls(**{name: REQUIRED[name] for name in required})


@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda cls: cls.__name__)
def test_a_printed_failure_names_the_class_it_holds(
    cls: type[OpenRouterError], capsys: pytest.CaptureFixture[str]
) -> None:
    """str, f-string, print and repr of the Failure show ``Class: description``, the class
    named once; repr(err) stays the field listing."""
    error = _instance(cls)
    line = f"{cls.__name__}: {error.description}"
    result = Failure(error)

    print(result)

    assert line == str(error) == f"{error}"
    assert not error.description.startswith(cls.__name__)
    assert f"<Failure: {line}>\n" == capsys.readouterr().out
    assert f"<Failure: {line}>" == str(result) == repr(result) == f"{result}"
    assert repr(error).startswith(f"{cls.__name__}(message='it went wrong'")


@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda cls: cls.__name__)
def test_what_unwrap_raises_names_the_class(cls: type[OpenRouterError]) -> None:
    """UnwrapFailedError has no text of its own: its cause (the error, shown above it in
    the traceback) and its halted container name the class."""
    error = _instance(cls)
    _unwrap_names_the_class(Failure(error), error)


def _unwrap_names_the_class(result: Result[Any, OpenRouterError], error: OpenRouterError) -> None:
    line = str(error)
    with pytest.raises(UnwrapFailedError) as raised:
        result.unwrap()
    assert raised.value.__cause__ is error
    assert f"<Failure: {line}>" == repr(raised.value.halted_container)
    shown = "".join(traceback.format_exception(raised.value))
    # The traceback's own ``module.Class:`` prefix, then str(): the name twice, by design.
    assert f"{type(error).__module__}.{type(error).__qualname__}: {line}\n" in shown


FAULTS: dict[str, type[OpenRouterError]] = {
    "error-404": NotFoundResponseError,
    "error-429": TooManyRequestsResponseError,
    "html-502": BadGatewayResponseError,
    "error-in-body": GenerationError,
    "non-json-200": ResponseValidationError,
    "reset-before-status": ConnectionFailedError,
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("fault", FAULTS, ids=FAULTS.keys())
def test_a_failed_call_prints_its_class(
    mode: Mode, fault: str, fake_openrouter: FakeOpenRouter, capsys: pytest.CaptureFixture[str]
) -> None:
    """Over a socket, sync and async: chat_send's Failure prints the class it holds."""
    core = _core(fake_openrouter)
    with core:
        result = send(mode, core, _ask(f"fake/{fault}"))
    assert isinstance(result, Failure)
    error = result.failure()
    name = FAULTS[fault].__name__

    print(result)

    assert FAULTS[fault] is type(error)
    assert f"<Failure: {name}: {error.description}>\n" == capsys.readouterr().out
    assert repr(result).startswith(f"<Failure: {name}: ")
    _unwrap_names_the_class(result, error)


@pytest.mark.parametrize("mode", MODES)
def test_a_streams_last_item_prints_its_class(mode: Mode, fake_openrouter: FakeOpenRouter) -> None:
    """The Failure a truncated stream ends with names StreamTruncatedError."""
    core = _core(fake_openrouter)
    request = _ask("fake/truncate")
    last: object
    if mode == "sync":
        with core, chat_stream(core, request).unwrap() as stream:
            last = list(stream)[-1]
    else:

        async def drain() -> object:
            async with (await chat_stream_async(core, request)).unwrap() as stream:
                return [item async for item in stream][-1]

        last = run_async(core, drain)
    assert isinstance(last, Failure)
    assert isinstance(last.failure(), StreamTruncatedError)
    assert repr(last).startswith("<Failure: StreamTruncatedError: ")


def _core(fake: FakeOpenRouter) -> OpenRouterCore:
    return OpenRouterCore(api_key=fake.api_key, server_url=fake.base_url, retry_config=NO_RETRIES)


def _ask(model: str) -> ChatRequest:
    return ChatRequest(model=model, messages=[ChatUserMessage(content="hi")])
