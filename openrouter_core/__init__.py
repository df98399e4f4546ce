"""openrouter-core: OpenRouter's chat completions API as free functions returning Results.

Operations live in ``openrouter_core.funcs``, models in ``openrouter_core.models`` and
error values in ``openrouter_core.errors``. ``OpenRouter`` is the same API as methods that
raise instead of returning Results. Names load on first use (see ``_LAZY``), so
``import openrouter_core`` does not pay for what a program never touches.
"""

import importlib
from typing import TYPE_CHECKING, Any

from returns.result import Failure as Failure
from returns.result import Result as Result
from returns.result import Success as Success

from ._version import __version__ as __version__

if TYPE_CHECKING:
    from ._core import OpenRouterCore as OpenRouterCore
    from ._facade import OpenRouter as OpenRouter
    from ._options import HookContext as HookContext
    from ._options import Hooks as Hooks
    from ._options import RequestOptions as RequestOptions
    from ._retries import NO_RETRIES as NO_RETRIES
    from ._retries import BackoffStrategy as BackoffStrategy
    from ._retries import RetryConfig as RetryConfig
    from ._runtime import Runtime as Runtime

__all__ = [
    "NO_RETRIES",
    "BackoffStrategy",
    "Failure",
    "HookContext",
    "Hooks",
    "OpenRouter",
    "OpenRouterCore",
    "RequestOptions",
    "Result",
    "RetryConfig",
    "Runtime",
    "Success",
    "__version__",
]

_LAZY = {
    "NO_RETRIES": "._retries",
    "BackoffStrategy": "._retries",
    "HookContext": "._options",
    "Hooks": "._options",
    "OpenRouter": "._facade",
    "OpenRouterCore": "._core",
    "RequestOptions": "._options",
    "RetryConfig": "._retries",
    "Runtime": "._runtime",
}
"""Where each public name lives. Creating the attrs classes behind them costs about a
millisecond each, so they load on first use and ``import openrouter_core`` stays cheap."""

if not TYPE_CHECKING:
    # Hidden from type checkers, which see the imports above and still flag misspelt names.
    def __getattr__(name: str) -> Any:
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value
        return value
