"""openrouter-core: OpenRouter's chat completions API as free functions returning Results.

Start here::

    from openrouter_core import OpenRouterCore, Success, Failure
    from openrouter_core.funcs import chat_send
    from openrouter_core.models import ChatRequest, ChatUserMessage

    with OpenRouterCore() as core:  # the key comes from OPENROUTER_API_KEY
        request = ChatRequest(model="openai/gpt-4o", messages=[ChatUserMessage(content="Hi")])
        match chat_send(core, request):
            case Success(reply):
                print(reply.text)
            case Failure(error):
                print("failed:", error)

Where things are:

- ``openrouter_core``: ``OpenRouterCore`` (configuration and connections), per-call
  ``RequestOptions``, ``RetryConfig`` / ``BackoffStrategy`` / ``NO_RETRIES``, ``Hooks``,
  ``Runtime``, ``to_dict`` / ``from_dict`` (models to and from their wire JSON shape),
  ``Result`` / ``Success`` / ``Failure`` (from ``returns``), and ``OpenRouter``: the same API
  as methods that raise instead of returning Results.
- ``openrouter_core.funcs``: the operations (``chat_send``, ``chat_stream`` and their
  ``_async`` twins). No public function raises for anything the network, the server or your
  data can do: it answers ``Failure(error)``.
- ``openrouter_core.models``: requests and responses, named after the OpenAPI schemas.
- ``openrouter_core.errors``: the error values, with their class tree in its docstring.
- ``openrouter_core.testing``: ``FakeOpenRouter`` and scripted transports, for offline tests.

Names load on first use: ``import openrouter_core`` does not pay for httpx, cattrs or the
models until a program touches them.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (about 10 ms cold)
if TYPE_CHECKING:
    from typing import Any

    from ._converter import *  # noqa: F403
    from ._core import *  # noqa: F403
    from ._facade import *  # noqa: F403
    from ._options import *  # noqa: F403
    from ._results import *  # noqa: F403
    from ._retry_config import *  # noqa: F403
    from ._runtime import *  # noqa: F403
    from ._version import *  # noqa: F403

_HOMES: dict[str, tuple[str, ...]] = {
    "._version": ("__version__",),
    "._results": ("Failure", "Result", "Success"),
    "._core": ("OpenRouterCore",),
    "._retry_config": ("NO_RETRIES", "BackoffStrategy", "RetryConfig"),
    "._runtime": ("Runtime",),
    "._options": ("HookContext", "Hooks", "RequestOptions"),
    "._converter": ("from_dict", "to_dict"),
    "._facade": ("OpenRouter",),
}
"""Each module and the public names it defines (its ``__all__``; a test holds the two
equal). A name loads its own module only: ``OpenRouterCore`` creates none of the settings
classes, and ``RequestOptions`` not the retry settings' (issue 16, cold start)."""

_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}

_SUBPACKAGES = ("errors", "funcs", "models", "testing")


if not TYPE_CHECKING:
    # Hidden from type checkers, which see the imports above and still flag misspelt names.
    def __getattr__(name: str) -> Any:
        if name == "__all__":
            value = sorted(_HOME_OF)
        elif name in _SUBPACKAGES:
            value = importlib.import_module(f".{name}", __name__)
        elif name in _HOME_OF:
            value = getattr(importlib.import_module(_HOME_OF[name], __name__), name)
        else:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    """The public names and subpackages, for ``dir()``, ``help()`` and tab completion."""
    dunders = [name for name in globals() if name.startswith("__")]
    return sorted({*_HOME_OF, *_SUBPACKAGES, *dunders})
