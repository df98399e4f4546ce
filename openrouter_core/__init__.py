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
    from types import ModuleType
    from typing import Any

    from ._converter import *  # noqa: F403
    from ._core import *  # noqa: F403
    from ._facade import *  # noqa: F403
    from ._options import *  # noqa: F403
    from ._results import *  # noqa: F403
    from ._retry_config import *  # noqa: F403
    from ._runtime import *  # noqa: F403
    from ._version import *  # noqa: F403

_HOMES = (
    "._version",
    "._results",
    "._core",
    "._retry_config",
    "._runtime",
    "._options",
    "._converter",
    "._facade",
)
"""Where the public names live. Each is declared once, in the ``__all__`` of the module that
defines it; the package lists no names of its own. Looking a name up imports the homes
before its own, so the order is what each needs anyway: the settings classes come after
the core, which makes none of them unless given one (issue 16, cold start), and each of
them is used with a core."""

_SUBPACKAGES = ("errors", "funcs", "models", "testing")


def _home(module: str) -> ModuleType:
    return importlib.import_module(module, __name__)


def _public_names() -> list[str]:
    return sorted(name for module in _HOMES for name in _home(module).__all__)


if not TYPE_CHECKING:
    # Hidden from type checkers, which see the imports above and still flag misspelt names.
    def __getattr__(name: str) -> Any:
        if name == "__all__":
            value = _public_names()
        elif name in _SUBPACKAGES:
            value = _home(f".{name}")
        elif name.startswith("_") and not name.startswith("__"):
            # No public name is private (``__version__`` is a dunder): this is ``from
            # openrouter_core import _send`` asking before it imports the submodule, which
            # must not load every home first.
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        else:
            for module in map(_home, _HOMES):
                if name in module.__all__:
                    value = getattr(module, name)
                    break
            else:
                raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    """The public names and subpackages, for ``dir()``, ``help()`` and tab completion."""
    dunders = [name for name in globals() if name.startswith("__")]
    return sorted({*_public_names(), *_SUBPACKAGES, *dunders})
