"""Shared set-up for the examples: the real API with a key, else an embedded fake server.

Your own code needs only ``with OpenRouterCore() as core:`` (it reads ``OPENROUTER_API_KEY``).
The examples add the offline fallback so that they run anywhere, and ``tests/test_examples.py``
runs them all against the fake server.
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager

from openrouter_core import Hooks, OpenRouterCore
from openrouter_core.testing import FakeOpenRouter

MODEL = "openai/gpt-4o-mini"


@contextmanager
def example_core(hooks: Hooks | None = None) -> Iterator[OpenRouterCore]:
    """A core for the real API when ``OPENROUTER_API_KEY`` is set, else for a fake OpenRouter.

    The fake server runs on 127.0.0.1 for the duration of the ``with`` block; with it, a
    ``fake/<fault>`` model or an ``X-Fake-Fault`` header makes a call fail on purpose (the
    real API ignores the header).
    """
    if os.environ.get("OPENROUTER_API_KEY"):
        with OpenRouterCore(app_title="openrouter-core examples", hooks=hooks) as core:
            yield core
        return
    with (
        FakeOpenRouter() as server,
        OpenRouterCore(api_key=server.api_key, server_url=server.base_url, hooks=hooks) as core,
    ):
        print(f"[offline: no OPENROUTER_API_KEY, a fake OpenRouter answers at {server.base_url}]")
        yield core
