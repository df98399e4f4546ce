"""Shared test configuration: hypothesis profiles and a clean environment."""

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

# "default" (make test, CI) is derandomized: the same examples on every run, so a lucky draw
# can never fail CI while main is correct, and it keeps the run to a few minutes. Random
# exploration happens only under "fuzz" (make fuzz), with the full counts; a case it finds
# becomes an explicit @example on the test, so the default run checks it from then on.
settings.register_profile(
    "default",
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz",
    max_examples=10_000,
    deadline=None,
    derandomize=False,
    suppress_health_check=list(HealthCheck),
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A property test that runs out of time stops the run with a stack dump instead of
    failing as "flaky": pytest-timeout's default (signal) method raises ``Failed`` inside
    the running code, and hypothesis takes that for a failing example; raised mid-draw it
    is then reported as "Inconsistent data generation" (seen under ``-X tracemalloc`` on a
    loaded machine), and a real hang would hang again, unbounded, when the example is
    replayed. The thread method cannot be caught by the test."""
    for item in items:
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            marker = item.get_closest_marker("timeout")
            limit = marker.args[0] if marker is not None and marker.args else None
            item.add_marker(pytest.mark.timeout(limit, method="thread"), append=False)


_OUR_ENV = (
    "OPENROUTER_API_KEY",
    "OPENROUTER_BASE_URL",
    "OPENROUTER_HTTP_REFERER",
    "OPENROUTER_APP_TITLE",
    "OPENROUTER_APP_CATEGORIES",
)


@pytest.fixture(autouse=True)
def clean_environ(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests never see the developer's real OpenRouter settings."""
    for name in _OUR_ENV:
        monkeypatch.delenv(name, raising=False)
    yield


@pytest.fixture
def anyio_backend() -> str:
    """Async tests run on asyncio."""
    return "asyncio"
