"""openrouter-core: OpenRouter's chat completions API as free functions returning Results.

Operations live in ``openrouter_core.funcs``, models in ``openrouter_core.models`` and
error values in ``openrouter_core.errors``.
"""

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

__all__ = [
    "NO_RETRIES",
    "BackoffStrategy",
    "Failure",
    "HookContext",
    "Hooks",
    "OpenRouterCore",
    "RequestOptions",
    "Result",
    "RetryConfig",
    "Runtime",
    "Success",
    "__version__",
]
