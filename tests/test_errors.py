"""The error values: value equality, readable messages, exceptions that can be raised; and
the documented status table the mapping tests use as their oracle."""

import re
from pathlib import Path

import pytest

from openrouter_core import errors
from openrouter_core._values import value_repr
from openrouter_core.errors import (
    ConnectionFailedError,
    GenerationError,
    NotFoundResponseError,
    OpenRouterError,
    RequestTimeoutError,
    ServiceUnavailableResponseError,
    StreamStalledError,
    StreamTruncatedError,
    TooManyRequestsResponseError,
)

from .status_table import DOCUMENTED_STATUS_ERRORS
from .support import SHARED


def test_errors_compare_by_value() -> None:
    """Two errors built from the same data are equal, so tests can compare whole values."""
    a = TooManyRequestsResponseError(message="slow down", status_code=429, retry_after=1.0)
    b = TooManyRequestsResponseError(message="slow down", status_code=429, retry_after=1.0)
    assert a == b


SLOW_DOWN = TooManyRequestsResponseError(message="slow down", status_code=429, code=429)


@pytest.mark.parametrize(
    "other",
    [
        TooManyRequestsResponseError(message="slow down!", status_code=429, code=429),
        TooManyRequestsResponseError(message="slow down", status_code=429, code="rate_limit"),
        TooManyRequestsResponseError(message="slow down", status_code=429, code=429, attempts=3),
        TooManyRequestsResponseError(
            message="slow down", status_code=429, code=429, retry_after=1.0
        ),
        ServiceUnavailableResponseError(message="slow down", status_code=429, code=429),
        GenerationError(message="slow down", code=429),
        StreamTruncatedError(message="slow down"),
    ],
    ids=[
        "same-class-other-message",
        "same-class-other-code",
        "same-class-other-attempts",
        "same-class-other-retry-after",
        "other-response-class-same-fields",
        "other-error-family",
        "other-class-same-message",
    ],
)
def test_errors_that_differ_anywhere_are_not_equal(other: OpenRouterError) -> None:
    """A different message, code, attempt count or class makes errors unequal, both ways
    round: whole-value asserts on errors check every field, not only the type."""
    assert SLOW_DOWN != other
    assert other != SLOW_DOWN
    assert not SLOW_DOWN == other  # noqa: SIM201 (== itself, not only !=, is what is tested)


def test_an_error_equals_only_its_own_value() -> None:
    """Equal data is equal; an error is never equal to its message or to another object."""
    same = TooManyRequestsResponseError(message="slow down", status_code=429, code=429)
    others: list[object] = ["slow down", 429, None]
    assert (True, [False] * 3) == (SLOW_DOWN == same, [SLOW_DOWN == o for o in others])


def _error_classes() -> list[type[OpenRouterError]]:
    found: list[type[OpenRouterError]] = []
    for name in errors.__all__:
        value = getattr(errors, name)
        if isinstance(value, type) and issubclass(value, OpenRouterError):
            found.append(value)
    return found


@pytest.mark.parametrize("cls", _error_classes(), ids=lambda cls: cls.__name__)
def test_every_error_class_hashes_by_identity(cls: type[OpenRouterError]) -> None:
    """Exceptions must stay hashable (tracebacks, exception groups and loggers put them in
    sets), the structured-output and tool-loop errors included; equal values stay two."""
    by_identity: object = BaseException.__hash__
    assert cls.__hash__ is by_identity
    a = GenerationError(message="x")
    assert len({a, GenerationError(message="x"), a}) == 2


def test_fields_left_out_of_equality_are_ignored() -> None:
    """``cause``, ``may_have_been_processed`` and ``partial_result`` do not decide equality."""
    assert ConnectionFailedError(message="m", cause=OSError()) == ConnectionFailedError(
        message="m", may_have_been_processed=True
    )
    assert GenerationError(message="m", partial_result=1) == GenerationError(
        message="m", partial_result=2
    )
    assert ConnectionFailedError(message="m") != RequestTimeoutError(message="m")


def test_repr_lists_the_fields_not_hidden_from_it() -> None:
    """attrs' listing: the class, then each field not marked ``repr=False`` (the body, the
    headers and the partial content are left out)."""
    err = NotFoundResponseError(message="gone", status_code=404, body="{}", headers={"a": "b"})
    assert repr(err) == (
        "NotFoundResponseError(message='gone', attempts=1, status_code=404, code=None, "
        "metadata=None, user_id=None, retry_after=None, generation_id=None)"
    )
    stalled = StreamStalledError(message="slow", phase="idle", limit=1.5, partial_content="p")
    assert repr(stalled) == (
        "StreamStalledError(message='slow', attempts=1, phase='idle', limit=1.5, "
        "generation_id=None)"
    )


def test_error_classes_take_equality_and_repr_written_once() -> None:
    """attrs writes only ``__init__``; equality and ``repr`` are ``_values``' (attrs compiling
    them cost a fresh process ~1.3M instructions an error class)."""
    written_once: tuple[object, object] = (OpenRouterError.__eq__, value_repr)
    for cls in _error_classes():
        assert (cls.__eq__, cls.__repr__) == written_once, cls
    assert OpenRouterError.__eq__.__code__.co_filename.endswith("_classes.py")


def test_str_shows_the_upstream_provider_message() -> None:
    """metadata.raw holding the provider's JSON body surfaces its message in str()."""
    err = TooManyRequestsResponseError(
        message="Provider returned error",
        status_code=429,
        metadata={"provider_name": "OpenAI", "raw": '{"error": {"message": "quota hit"}}'},
    )
    assert "HTTP 429: Provider returned error (OpenAI: quota hit)" == err.description
    assert f"TooManyRequestsResponseError: {err.description}" == str(err)


def test_client_error_chains_its_cause_and_can_be_raised() -> None:
    """The cause becomes __cause__, and the value raises like any exception."""
    cause = OSError("refused")
    err = ConnectionFailedError(message="could not connect", cause=cause)
    assert err.__cause__ is cause
    with pytest.raises(ConnectionFailedError) as info:
        raise err
    assert info.value is err


def test_generation_error_reads_retryable_and_error_type() -> None:
    """availability.retryable and metadata.error_type are exposed as properties."""
    err = GenerationError(
        message="busy",
        code=503,
        metadata={"error_type": "provider_overloaded"},
        error={"availability": {"retryable": True}},
    )
    assert (True, "provider_overloaded") == (err.retryable, err.error_type)


FIXTURES_README = SHARED / "fixtures" / "ts-sdk-wire" / "README.md"
TS_SDK = SHARED / "reference" / "ts-sdk.md"


def _read(path: Path) -> str:
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared reference lives outside the repository)")
    return path.read_text(encoding="utf-8")


def test_the_status_table_is_the_documented_one() -> None:
    """The tests' table is the wire fixtures' classification table, row by row: every
    documented status has its class there, so every documented status has its tests."""
    documented: dict[int, str] = {}
    for statuses, classes in re.findall(
        r"^\| ([\d /]+) envelope \| (.*) \|$", _read(FIXTURES_README), re.MULTILINE
    ):
        names = re.findall(r"`(\w+ResponseError)`", classes)
        numbers = [int(status) for status in statuses.split("/")]
        assert len(numbers) == len(names), (statuses, classes)
        documented.update(zip(numbers, names, strict=True))
    table = {status: cls.__name__ for status, cls in DOCUMENTED_STATUS_ERRORS.items()}

    assert documented == table


def test_the_status_table_has_every_status_of_the_ts_sdk_reference() -> None:
    """The TypeScript SDK's matching table lists the same statuses as typed classes."""
    found = re.search(r"\| ([\d/]+) \+ JSON \| typed class", _read(TS_SDK))
    assert found is not None

    assert sorted(int(s) for s in found.group(1).split("/")) == sorted(DOCUMENTED_STATUS_ERRORS)
