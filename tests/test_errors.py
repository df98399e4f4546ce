"""The error values: value equality, readable messages, exceptions that can be raised."""

import pytest

from openrouter_core.errors import (
    ConnectionFailedError,
    GenerationError,
    TooManyRequestsResponseError,
)


def test_errors_compare_by_value() -> None:
    """Two errors built from the same data are equal, so tests can compare whole values."""
    a = TooManyRequestsResponseError(message="slow down", status_code=429, retry_after=1.0)
    b = TooManyRequestsResponseError(message="slow down", status_code=429, retry_after=1.0)
    assert a == b


def test_str_shows_the_upstream_provider_message() -> None:
    """metadata.raw holding the provider's JSON body surfaces its message in str()."""
    err = TooManyRequestsResponseError(
        message="Provider returned error",
        status_code=429,
        metadata={"provider_name": "OpenAI", "raw": '{"error": {"message": "quota hit"}}'},
    )
    assert "HTTP 429: Provider returned error (OpenAI: quota hit)" == str(err)


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
