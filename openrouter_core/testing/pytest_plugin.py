"""pytest plugin: the ``fake_openrouter`` fixture, a fresh ``FakeOpenRouter`` per test.

Installed as a ``pytest11`` entry point, so the fixture is available wherever
openrouter-core is installed.
"""

from collections.abc import Iterator

import pytest

from ._server import FakeOpenRouter


@pytest.fixture
def fake_openrouter() -> Iterator[FakeOpenRouter]:
    """A running fake OpenRouter server (``.base_url``, ``.api_key``), closed after the test."""
    with FakeOpenRouter() as server:
        yield server
