"""openrouter-core: OpenRouter's chat completions API as free functions returning Results.

Operations live in ``openrouter_core.funcs``, models in ``openrouter_core.models`` and
error values in ``openrouter_core.errors``. ``OpenRouter`` is the same API as methods that
raise instead of returning Results; it is loaded on first use, so ``import openrouter_core``
does not pay for it.
"""

from typing import TYPE_CHECKING, Any

from returns.result import Failure as Failure
from returns.result import Result as Result
from returns.result import Success as Success

from ._core import OpenRouterCore as OpenRouterCore
from ._options import HookContext as HookContext
from ._options import Hooks as Hooks
from ._options import RequestOptions as RequestOptions
from ._retries import NO_RETRIES as NO_RETRIES
from ._retries import BackoffStrategy as BackoffStrategy
from ._retries import RetryConfig as RetryConfig
from ._runtime import Runtime as Runtime
from ._version import __version__ as __version__

if TYPE_CHECKING:
    from ._facade import OpenRouter as OpenRouter

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

if not TYPE_CHECKING:
    # Hidden from type checkers, which see the import above and still flag misspelt names.
    def __getattr__(name: str) -> Any:
        if name == "OpenRouter":
            from ._facade import OpenRouter

            return OpenRouter
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
